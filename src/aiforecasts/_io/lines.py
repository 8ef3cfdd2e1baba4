"""
The JSON Lines layouts of an export: one record per line, its envelope beside it.

`to_jsonl` writes each record on a line of its own with its kind, its id,
the dataset and schema versions and the number of lines (`loads_lines`);
exports of earlier versions give those once, in a header line first
(`loads_jsonl`).  `is_record_line` and `JSONL_HEADER` tell either from a
JSON document (`_io.loads`).  Lines are read one at a time, each as a whole:
a line that is wrong is named by its number, and the lines after it are
still read.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

import msgspec

from aiforecasts._codec import json as _codec
from aiforecasts._codec.json import REFUSED, Engine
from aiforecasts._codec.migrations import SCHEMA_VERSION, migrate
from aiforecasts._codec.reading import NOT_JSON, depth_problem, read_json, shallow, too_deep
from aiforecasts._io.envelope import (
    VERSION_RE,
    build,
    check_dataset_version,
    check_keys,
    check_version,
    colons,
    fast_envelope,
    too_early,
)
from aiforecasts._model.checks import older_layout, quote
from aiforecasts._model.errors import Problem, Problems, Unread, json_type
from aiforecasts._model.kinds import KIND_NAMED, KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aiforecasts._model.records import Record
    from aiforecasts._query.dataset import Dataset

__all__ = ["JSONL_HEADER", "is_record_line", "loads_jsonl", "loads_lines"]


def is_record_line(blob: bytes) -> bool:
    """Whether *blob* is in the JSON Lines layout: its first line an object with a ``kind``
    and a ``record`` (a JSON export is one object that holds ``records``), or, where the
    first line cannot be read at all, its second (a damaged first line is then diagnosed
    as the line of JSON Lines it is, not as a JSON document cut short)."""
    start = len(blob) - len(blob.lstrip())
    end = blob.find(b"\n", start)
    first = blob[start : end if end >= 0 else len(blob)]
    if end < 0:
        return False
    keys = _keys(first)
    if keys is None:
        rest = blob[end + 1 :]
        start = len(rest) - len(rest.lstrip())
        end = rest.find(b"\n", start)
        keys = _keys(rest[start : end if end >= 0 else len(rest)])
    return keys is not None and "kind" in keys and "record" in keys


def _keys(line: bytes) -> dict[str, msgspec.Raw] | None:
    """The keys of the JSON object *line*, its values skipped rather than built (a JSON
    export is one long line); None if it is not one."""
    if not line.startswith(b"{") or not shallow(line):
        return None
    try:
        keys = _KEYS_ONLY.decode(line)
    except REFUSED:
        return None
    return keys


JSONL_HEADER = re.compile(rb'\s*\{\s*"aiforecasts"\s*:')
"""How JSON Lines exports start: ``{"aiforecasts": ...`` (blank lines before it allowed)."""


class _Line(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    record: msgspec.Raw


_LINE = msgspec.json.Decoder(_Line)
_KEYS_ONLY = msgspec.json.Decoder(dict[str, msgspec.Raw])


class _RecordLine(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    id: str
    kind: str
    record: msgspec.Raw
    records: int
    schema_version: int


_RECORD_LINE = msgspec.json.Decoder(_RecordLine)
_LINE_KEYS = {"dataset_version", "id", "kind", "record", "records", "schema_version"}


def loads_lines(
    blob: bytes, *, check_references: bool, engine: Engine, file: str, checked: bool
) -> Dataset:
    """JSON Lines of the current layout: a record per line, its kind, id and versions beside
    it; unless *checked*, each line's nesting is checked before it is read."""
    problems = Problems()
    collections: dict[str, list[Record | Unread]] = {kind.name: [] for kind in KINDS}
    versions: dict[str, str] = {}  # dataset version → the first line that gives it
    counts: dict[object, str] = {}  # announced number of lines → the first line that gives it
    whole = True
    read = 0
    for number, line in enumerate(_split_lines(blob), start=1):
        if not line.strip():
            continue
        if problems.full:
            problems.stopped = True
            break
        read += 1
        where = f"line {number}"
        if not checked and _too_deep_line(line, where, file, problems):
            whole = False
            continue
        found = _record_line(line, where=where, file=file, problems=problems, engine=engine)
        if found is None:
            whole = False
            continue
        name, record, dataset_version, count = found
        versions.setdefault(dataset_version, where)
        if count is not None:
            counts.setdefault(count, where)
        if record is None:
            whole = False
        else:
            collections[name].append(record)
    if len(versions) > 1:
        listed = ", ".join(f"{quote(v)} ({w})" for v, w in list(versions.items())[:5])
        problems.append(Problem("dataset_version", f"lines of several versions: {listed}", file))
    if len(counts) > 1:
        listed = ", ".join(f"{c} ({w})" for c, w in list(counts.items())[:5])
        problems.append(Problem("records", f"lines announce different counts: {listed}", file))
    elif counts and read != next(iter(counts)) and not problems.stopped:
        message = (
            f"the lines announce {next(iter(counts))} records and {read} are here: "
            "the file is cut short, or lines were added"
        )
        problems.append(Problem("records", message, file))
    dataset_version = next(iter(versions)) if len(versions) == 1 else ""
    return build(
        collections,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )


def _record_line(
    line: bytes, *, where: str, file: str, problems: Problems, engine: Engine
) -> tuple[str, Record | Unread | None, str, object] | None:
    """(kind, record, dataset version, announced count) of one line; None where the line gives
    no kind; the record is None (or an `Unread`) after a problem of its own."""
    item = fast_envelope(
        line, _RECORD_LINE.decode, lambda item: len(_LINE_KEYS) + colons(item.record)
    )
    if (
        item is not None
        and item.kind in KIND_NAMED
        and item.schema_version == SCHEMA_VERSION
        and VERSION_RE.match(item.dataset_version)
        and _is_count(item.records)
    ):
        kind = KIND_NAMED[item.kind]
        record = _codec.decode_one(
            kind.cls,
            item.record,
            where=f"{where}.record",
            file=file,
            problems=problems,
            engine=engine,
        )
        _same_id(item.id, record, where, file, problems)
        return kind.name, record, item.dataset_version, item.records
    value = read_json(line, file, problems, where)
    if value is NOT_JSON:
        return None
    if not isinstance(value, dict):
        message = f"expected a record line {{'kind', 'id', 'record', ...}}, not {json_type(value)}"
        problems.append(Problem(where, message, file))
        return None
    check_keys(value, _LINE_KEYS, file, problems, f"{where}.")
    name = _kind_named(value.get("kind"), where, file, problems)
    if name is None:
        return None
    version = check_version(value.get("schema_version"), file, problems, f"{where}.schema_version")
    dataset_version = check_dataset_version(
        value.get("dataset_version"), file, problems, f"{where}.dataset_version"
    )
    count = value.get("records")
    if not _is_count(count):
        message = f"expected the number of record lines, not {quote(count)}"
        problems.append(Problem(f"{where}.records", message, file))
        count = None  # noted; not a count to compare with the other lines' (a list is no key)
    if version is None:
        return name, None, dataset_version, count
    typed = _slow_record(
        name,
        value.get("record"),
        version,
        dataset_version,
        where=f"{where}.record",
        file=file,
        problems=problems,
    )
    _same_id(value.get("id"), typed, where, file, problems)
    return name, typed, dataset_version, count


def _same_id(
    identifier: object,
    record: Record | Unread | None,
    where: str,
    file: str,
    problems: list[Problem],
) -> None:
    if record is None or isinstance(record, Unread):
        return
    if identifier != record.id:
        message = f"the line says id {quote(identifier)}; its record is {quote(record.id)}"
        problems.append(Problem(f"{where}.id", message, file))


def loads_jsonl(
    blob: bytes, *, check_references: bool, engine: Engine, file: str, checked: bool
) -> Dataset:
    """JSON Lines of the earlier layout: a header line, then a record per line; unless
    *checked*, each line's nesting is checked before it is read."""
    problems = Problems()
    lines = enumerate(_split_lines(blob))
    first, line = next((index, line) for index, line in lines if line.strip())  # the header
    where = f"line {first + 1}"
    header = read_json(line, file, problems, where)  # read_json checks the nesting
    version: int | None = None
    dataset_version = ""
    count: object = None
    if (
        isinstance(header, dict)
        and set(header) == {"aiforecasts"}
        and isinstance(header["aiforecasts"], dict)
    ):
        meta = header["aiforecasts"]
        for key in sorted(meta.keys() - {"dataset_version", "records", "schema_version"}):
            problems.append(Problem(f"{where}.aiforecasts.{key}", "unknown key", file))
        version = check_version(
            meta.get("schema_version"), file, problems, f"{where}.schema_version"
        )
        dataset_version = check_dataset_version(
            meta.get("dataset_version"), file, problems, f"{where}.dataset_version"
        )
        count = meta.get("records")
        if version is not None and version >= 3 and not _is_count(count):
            message = f"expected the number of record lines that follow, not {quote(count)}"
            problems.append(Problem(f"{where}.records", message, file))
    elif header is not NOT_JSON:
        problems.append(Problem(where, 'expected the header {"aiforecasts": {...}}', file))
    collections: dict[str, list[Record | Unread]] = {kind.name: [] for kind in KINDS}
    whole = version is not None
    read = 0
    for index, line in lines:
        number = index + 1
        if not line.strip():
            continue
        if problems.full:
            problems.stopped = True
            break
        read += 1
        if not checked and _too_deep_line(line, f"line {number}", file, problems):
            whole = False
            continue
        name, record = _line(
            line,
            version,
            dataset_version,
            where=f"line {number}",
            file=file,
            problems=problems,
            engine=engine,
        )
        if record is None:
            whole = False  # a line not read at all: its record's ids are unknown
        else:
            collections[name].append(record)
    if _is_count(count) and count != read and not problems.stopped:
        message = (
            f"the header announces {count} record lines and {read} follow: "
            "the file is cut short, or lines were added"
        )
        problems.append(Problem(f"{where}.records", message, file))
    return build(
        collections,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )


def _split_lines(blob: bytes) -> Iterator[bytes]:
    """The lines of *blob*, one at a time: ``blob.split`` would hold a copy of every line at
    once (as much again as the file, beside the records built from it)."""
    start = 0
    while True:
        end = blob.find(b"\n", start)
        if end < 0:
            yield blob[start:]
            return
        yield blob[start:end]
        start = end + 1


def _too_deep_line(line: bytes, where: str, file: str, problems: list[Problem]) -> bool:
    """Whether *line* nests too deeply to be read (after saying where)."""
    deep = too_deep(line, where)
    if deep is not None:
        problems.append(depth_problem(deep, file))
    return deep is not None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _line(  # noqa: PLR0913 - the context of one line
    line: bytes,
    version: int | None,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine,
) -> tuple[str, Record | Unread | None]:
    """(kind, record) of one line of a JSON Lines export; the record is None after a problem
    that leaves no record to check (an `Unread` where it leaves one)."""
    item = fast_envelope(
        line, _LINE.decode, lambda item: len(_Line.__struct_fields__) + colons(item.record)
    )
    if item is not None and item.kind in KIND_NAMED and version == SCHEMA_VERSION:
        kind = KIND_NAMED[item.kind]
        record = _codec.decode_one(
            kind.cls, item.record, where=where, file=file, problems=problems, engine=engine
        )
        return kind.name, record
    value = read_json(line, file, problems, where)
    if value is NOT_JSON:
        return "", None
    if not isinstance(value, dict) or set(value) != {"kind", "record"}:
        problems.append(Problem(where, 'expected {"kind": ..., "record": {...}}', file))
        return "", None
    name = _kind_named(value["kind"], where, file, problems)
    if name is None or version is None:
        return "", None
    found = _slow_record(
        name, value["record"], version, dataset_version, where=where, file=file, problems=problems
    )
    return name, found


def _kind_named(name: object, where: str, file: str, problems: list[Problem]) -> str | None:
    """*name* if it is a kind of record; else None, after saying so."""
    if isinstance(name, str) and name in KIND_NAMED:
        return name
    problems.append(Problem(f"{where}.kind", f"unknown kind of record {quote(name)}", file))
    return None


def _slow_record(  # noqa: PLR0913 - the context of one record
    name: str,
    record: object,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> Record | Unread | None:
    """The record of *name* in a line the fast engine refused, brought up from schema *version*
    and read by the detailed engine (None, or an `Unread`, after a problem)."""
    if too_early(KIND_NAMED[name], [record], version, where=where, file=file, problems=problems):
        return None
    if isinstance(record, dict):
        record = migrate(name, record, version, dataset_version)
    with older_layout() if version < SCHEMA_VERSION else contextlib.nullcontext():
        found = _codec.structure_many(
            KIND_NAMED[name].cls, [record], where, file, problems, one=True
        )
    return found[0] if found else None
