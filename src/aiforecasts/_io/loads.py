"""
Reading an export: `loads`, which tells a JSON document from JSON Lines, and
the envelope of a JSON document.

A JSON export (`to_json`) is one object: its ``schema_version``, its
``dataset_version`` and its ``records``, one array per kind; it is read here.
JSON Lines (`to_jsonl`, and the layout of earlier versions with a header
line) are told apart by their first lines and read by `_io.lines`.  Nesting
is bounded before any parser sees the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from aiforecasts._codec.reading import depth_problem, read_json, shallow, too_deep
from aiforecasts._io.envelope import (
    build,
    check_dataset_version,
    check_keys,
    check_version,
    colons,
    fast_envelope,
    migrated,
    read_records,
)
from aiforecasts._io.lines import JSONL_HEADER, is_record_line, loads_jsonl, loads_lines
from aiforecasts._model.errors import DataError, Problem, Problems, json_type
from aiforecasts._model.kinds import KIND_NAMED, KINDS

if TYPE_CHECKING:
    from aiforecasts._codec.json import Engine
    from aiforecasts._model.errors import Unread
    from aiforecasts._model.records import Record
    from aiforecasts._query.dataset import Dataset

__all__ = ["loads", "read_export"]

_EXPORT = "export"


def loads(data: bytes | str, *, check_references: bool = True) -> Dataset:
    """
    Read an export made by `to_json` (one JSON document) or `to_jsonl`
    (JSON Lines), of any schema version this package knows.

    An export of part of the dataset (one kind, some records) refers to
    records it does not hold; read it with ``check_references=False``.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> aiforecasts.loads(aiforecasts.to_json(ds)) == ds
    True

    Raises:
        DataError: listing every problem, each with its path; nothing is
            returned from input that has any.
        TypeError: if *data* is neither text nor bytes.

    .. versionadded:: 0.1.0
    """
    return read_export(data, check_references=check_references)


def read_export(
    data: bytes | str, *, check_references: bool, engine: Engine = "auto", file: str = _EXPORT
) -> Dataset:
    """
    The `Dataset` of an export, JSON or JSON Lines, as `loads` reads it: by
    the codec's *engine* (the tests hold each engine to the same problems),
    naming the input *file* in problems (a path, for `load_path`).
    """
    if not isinstance(data, str | bytes | bytearray | memoryview):
        message = f"loads() takes the text or bytes of an export, not {type(data).__name__}"  # type: ignore[unreachable]
        raise TypeError(message)
    try:
        blob = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    except UnicodeEncodeError as exc:
        raise DataError([Problem("$", f"not text: {exc.reason} at {exc.start}", file)]) from None
    # Nesting is bounded before any parser sees the text: for JSON Lines, the lines of a
    # file that may nest too deeply are each looked at (one line cut short would
    # otherwise seem to deepen all that follow it).
    checked = shallow(blob)
    if JSONL_HEADER.match(blob) is not None:
        return loads_jsonl(
            blob, check_references=check_references, engine=engine, file=file, checked=checked
        )
    if is_record_line(blob):
        return loads_lines(
            blob, check_references=check_references, engine=engine, file=file, checked=checked
        )
    deep = None if checked else too_deep(blob)
    if deep is not None:
        raise DataError([depth_problem(deep, file)])
    return _loads_json(blob, check_references=check_references, engine=engine, file=file)


class _Export(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    records: msgspec.Raw
    schema_version: int


_Parts = msgspec.defstruct(
    "Parts", [(kind.name, msgspec.Raw, None) for kind in KINDS], forbid_unknown_fields=True
)
"""An export's ``records``: one JSON array per kind, each left unparsed for the codec."""


def _export(blob: bytes) -> tuple[_Export, msgspec.Struct]:
    """The envelope of a JSON export and its kinds' arrays, as the fast engine reads them."""
    head = msgspec.json.decode(blob, type=_Export)
    return head, msgspec.json.decode(head.records, type=_Parts)


def _export_keys(read: tuple[_Export, msgspec.Struct]) -> int:
    """The colons of a JSON export that gives no key twice (`same_keys`): those of the
    envelope, of its kinds and of their arrays."""
    given = [raw for raw in msgspec.structs.astuple(read[1]) if raw is not None]
    return len(_Export.__struct_fields__) + len(given) + sum(map(colons, given))


def _loads_json(blob: bytes, *, check_references: bool, engine: Engine, file: str) -> Dataset:
    problems = Problems()
    fast = fast_envelope(blob, _export, _export_keys)
    found: dict[str, list[Record | Unread]] = {}
    if fast is not None:
        head, parts = fast
        version = check_version(head.schema_version, file, problems, "schema_version")
        dataset_version = check_dataset_version(
            head.dataset_version, file, problems, "dataset_version"
        )
        whole = version is not None
        for kind in KINDS:
            raw = getattr(parts, kind.name)
            if raw is not None and version is not None:
                read = read_records(
                    kind,
                    raw,
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                    engine=engine,
                )
                whole = whole and read is not None
                found[kind.name] = read or []
        return build(
            found,
            dataset_version,
            problems,
            check_references=check_references,
            whole=whole,
            file=lambda _name: file,
        )

    document = read_json(blob, file, problems)
    if problems:
        raise DataError(problems)
    if not isinstance(document, dict):
        raise DataError([Problem("$", f"expected a JSON object, not {json_type(document)}", file)])
    check_keys(document, {"dataset_version", "records", "schema_version"}, file, problems)
    version = check_version(document.get("schema_version"), file, problems, "schema_version")
    dataset_version = check_dataset_version(
        document.get("dataset_version"), file, problems, "dataset_version"
    )
    records = document.get("records", {})
    whole = isinstance(records, dict) and version is not None
    if not isinstance(records, dict):
        problems.append(Problem("records", f"expected an object, not {json_type(records)}", file))
        records = {}
    for key in sorted(records.keys() - KIND_NAMED.keys()):
        problems.append(Problem(f"records.{key}", "unknown kind of record", file))
    if version is not None:
        for kind in KINDS:
            if kind.name in records:
                read = migrated(
                    kind,
                    records[kind.name],
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                )
                whole = whole and read is not None
                found[kind.name] = read or []
    return build(
        found,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )
