"""
Reading the dataset: the bundled files, and users' exports.

Reading is all or nothing: every problem in every part is collected and
raised together as one `DataError`, and no `Dataset` is built from input that
has any.  Each part goes through the codec (`_codec`), whose fast engine
reads clean input and whose detailed engine names every problem of the rest.

Three layouts are read: the bundled one (a manifest and one file per kind), a
JSON export (one document) and a JSON Lines export (a header line, then one
record per line).  Each has an envelope around the records, read here.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from aiforecasts import _codec, _integrity
from aiforecasts._codec import NOT_JSON, REFUSED, SCHEMA_VERSION, Engine, read_json
from aiforecasts._dataset import KIND_NAMED, KINDS, Dataset
from aiforecasts._errors import DataError, Problem, json_type
from aiforecasts._query import Collection

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping

    from aiforecasts._kinds import Kind

__all__ = ["SCHEMA_VERSION", "load", "load_path", "loads", "parse"]

_MANIFEST = "manifest.json"
_EXPORT = "export"

_lock = threading.Lock()
_bundled: Dataset | None = None


def load() -> Dataset:
    """
    The bundled dataset, read on first call and cached.

    Safe to call from many threads at once: the files are read and parsed
    exactly once, and every caller gets the same `Dataset`.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> ds is aiforecasts.load()
    True
    >>> ds.schema_version
    3

    Raises:
        DataError: if the bundled files are damaged (every problem, with its path).

    .. versionadded:: 0.1.0
    """
    dataset = _bundled
    if dataset is not None:
        return dataset
    return _load_bundled()


def _load_bundled() -> Dataset:
    global _bundled  # noqa: PLW0603
    with _lock:
        if _bundled is None:
            from importlib import resources  # noqa: PLC0415 - only on first load

            root = resources.files(__package__) / "data"
            manifest = (root / _MANIFEST).read_bytes()
            files = {kind.name: (root / f"{kind.name}.json").read_bytes() for kind in KINDS}
            _bundled = parse(manifest, files, trusted=True)
        return _bundled


def _check_version(version: object, file: str, problems: list[Problem], path: str) -> int | None:
    """The schema version if this package reads it, else None after noting why."""
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append(Problem(path, f"expected an integer, not {version!r}", file))
    elif version > SCHEMA_VERSION:
        problems.append(
            Problem(
                path,
                f"schema version {version} is newer than this package reads "
                f"({SCHEMA_VERSION}); upgrade aiforecasts",
                file,
            )
        )
    elif version < 1:
        problems.append(Problem(path, f"unknown schema version {version}", file))
    else:
        return version
    return None


def _check_keys(
    value: dict[str, Any], expected: set[str], file: str, problems: list[Problem], path: str = ""
) -> None:
    for key in sorted(value.keys() - expected):
        problems.append(Problem(f"{path}{key}", "unknown key", file))
    for key in sorted(expected - value.keys()):
        problems.append(Problem(f"{path}{key}", "missing", file))


def _dataset_version(value: object, file: str, problems: list[Problem], path: str) -> str:
    if not isinstance(value, str) or not value:
        problems.append(Problem(path, "expected a non-empty string", file))
        return ""
    return value


def _records(  # noqa: PLR0913 - the context of one part
    kind: Kind[Any],
    raw: bytes,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    strict: bool = True,
    engine: Engine = "auto",
) -> list[Any]:
    """The records of *kind* in the JSON array *raw*, written with schema *version*."""
    if version == SCHEMA_VERSION:
        return _codec.decode_many(
            kind.cls, raw, where=where, file=file, problems=problems, strict=strict, engine=engine
        )
    value = read_json(raw, file, problems, where)
    return _migrated(
        kind, value, version, dataset_version, where=where, file=file, problems=problems
    )


def _migrated(  # noqa: PLR0913 - the context of one part
    kind: Kind[Any],
    value: Any,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> list[Any]:
    """Records from JSON values of an older (or the current) layout, by the detailed engine."""
    if value is NOT_JSON:
        return []
    if isinstance(value, list) and version != SCHEMA_VERSION:
        value = [
            _codec.migrate(kind.name, item, version, dataset_version)
            if isinstance(item, dict)
            else item
            for item in value
        ]
    return _codec.structure_many(kind.cls, value, where, file, problems)


# -- the bundled layout: a manifest and one file per kind ------------------


class _KindFile(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    records: msgspec.Raw
    schema_version: int


def parse(
    manifest: bytes,
    files: Mapping[str, bytes],
    *,
    trusted: bool = False,
    check_references: bool = True,
) -> Dataset:
    """
    Build a `Dataset` from the bytes of a manifest and one file per kind (the
    layout of the bundled data).  *trusted* files (the bundled ones, which
    the test suite holds to the exact layout) skip the strict check for
    unknown keys; every other rule still applies.

    Raises:
        DataError: listing every problem found, each with its path.
    """
    problems: list[Problem] = []
    meta = read_json(manifest, _MANIFEST, problems)
    dataset_version = ""
    if isinstance(meta, dict):
        _check_keys(meta, {"dataset_version", "schema_version"}, _MANIFEST, problems)
        dataset_version = _dataset_version(
            meta.get("dataset_version"), _MANIFEST, problems, "dataset_version"
        )
        _check_version(meta.get("schema_version"), _MANIFEST, problems, "schema_version")
    elif meta is not NOT_JSON:
        problems.append(Problem("$", f"expected a JSON object, not {json_type(meta)}", _MANIFEST))

    parts: dict[str, list[Any]] = {}
    for kind in KINDS:
        file = f"{kind.name}.json"
        blob = files.get(kind.name)
        if blob is None:
            problems.append(Problem(kind.name, "file missing", file))
            continue
        parts[kind.name] = _kind_file(kind, blob, file, dataset_version, problems, trusted=trusted)
    if problems:
        raise DataError(problems)
    return _build(parts, dataset_version, check_references=check_references)


def _kind_file(  # noqa: PLR0911, PLR0913 - one return per way a file can be wrong
    kind: Kind[Any],
    blob: bytes,
    file: str,
    dataset_version: str,
    problems: list[Problem],
    *,
    trusted: bool,
) -> list[Any]:
    try:
        head = msgspec.json.decode(blob, type=_KindFile)
    except REFUSED:
        head = None  # the detailed reading below says what is wrong
    if head is not None:
        if head.kind != kind.name:
            problems.append(Problem("kind", f"expected {kind.name!r}, not {head.kind!r}", file))
            return []
        version = _check_version(head.schema_version, file, problems, "schema_version")
        if version is None:
            return []
        return _records(
            kind,
            head.records,
            version,
            dataset_version,
            where=kind.name,
            file=file,
            problems=problems,
            strict=not trusted,
        )
    document = read_json(blob, file, problems)
    if document is NOT_JSON:
        return []
    if not isinstance(document, dict):
        message = f"expected a JSON object with 'kind' and 'records', not {json_type(document)}"
        problems.append(Problem("$", message, file))
        return []
    _check_keys(document, {"kind", "schema_version", "records"}, file, problems)
    if "kind" in document and document["kind"] != kind.name:
        problems.append(Problem("kind", f"expected {kind.name!r}, not {document['kind']!r}", file))
    version = _check_version(
        document.get("schema_version", SCHEMA_VERSION), file, problems, "schema_version"
    )
    if "records" not in document or version is None:
        return []
    return _migrated(
        kind,
        document["records"],
        version,
        dataset_version,
        where=kind.name,
        file=file,
        problems=problems,
    )


# -- exports: one JSON document, or JSON Lines -----------------------------


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

    .. versionadded:: 0.1.0
    """
    return _loads(data, check_references=check_references)


def load_path(path: str | os.PathLike[str], *, check_references: bool = True) -> Dataset:
    """
    Read an export from a file (``.json`` or ``.jsonl``), like `loads`, or a
    dataset folder: ``manifest.json`` and one JSON file per kind, the layout
    of the bundled data (which `curate` keeps).

    >>> import aiforecasts, importlib.resources
    >>> bundled = importlib.resources.files("aiforecasts") / "data"
    >>> aiforecasts.load_path(str(bundled)) == aiforecasts.load()
    True

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    if target.is_dir():
        manifest = target / _MANIFEST
        if not manifest.is_file():
            raise DataError([Problem("$", f"no {_MANIFEST} in {target}", _MANIFEST)])
        files = {
            kind.name: (target / f"{kind.name}.json").read_bytes()
            for kind in KINDS
            if (target / f"{kind.name}.json").is_file()
        }
        return parse(manifest.read_bytes(), files, check_references=check_references)
    return loads(target.read_bytes(), check_references=check_references)


def _loads(data: bytes | str, *, check_references: bool, engine: Engine = "auto") -> Dataset:
    try:
        blob = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise DataError([Problem("$", f"not text: {exc.reason} at {exc.start}", _EXPORT)]) from None
    if _JSONL_HEADER.match(blob) is not None:
        return _loads_jsonl(blob, check_references=check_references, engine=engine)
    return _loads_json(blob, check_references=check_references, engine=engine)


_JSONL_HEADER = re.compile(rb'\s*\{\s*"aiforecasts"\s*:')
"""How JSON Lines exports start: ``{"aiforecasts": ...``."""


class _Export(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    records: msgspec.Raw
    schema_version: int


_Parts: Any = msgspec.defstruct(
    "Parts", [(kind.name, msgspec.Raw, None) for kind in KINDS], forbid_unknown_fields=True
)
"""An export's ``records``: one JSON array per kind, each left unparsed for the codec."""


def _loads_json(  # noqa: PLR0912 - the fast and the detailed reading of one envelope
    blob: bytes, *, check_references: bool, engine: Engine
) -> Dataset:
    problems: list[Problem] = []
    file = _EXPORT
    try:
        head = msgspec.json.decode(blob, type=_Export)
        parts = msgspec.json.decode(head.records, type=_Parts)
    except REFUSED:
        head = None  # the detailed reading below says what is wrong
    if head is not None:
        version = _check_version(head.schema_version, file, problems, "schema_version")
        dataset_version = _dataset_version(head.dataset_version, file, problems, "dataset_version")
        found: dict[str, list[Any]] = {}
        for kind in KINDS:
            raw = getattr(parts, kind.name)
            if raw is not None and version is not None:
                found[kind.name] = _records(
                    kind,
                    raw,
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                    engine=engine,
                )
        if problems:
            raise DataError(problems)
        return _build(found, dataset_version, check_references=check_references)

    document = read_json(blob, file, problems)
    if problems:
        raise DataError(problems)
    if not isinstance(document, dict):
        raise DataError([Problem("$", f"expected a JSON object, not {json_type(document)}", file)])
    _check_keys(document, {"dataset_version", "records", "schema_version"}, file, problems)
    version = _check_version(document.get("schema_version"), file, problems, "schema_version")
    dataset_version = _dataset_version(
        document.get("dataset_version"), file, problems, "dataset_version"
    )
    records = document.get("records", {})
    if not isinstance(records, dict):
        problems.append(Problem("records", f"expected an object, not {json_type(records)}", file))
        records = {}
    for key in sorted(records.keys() - KIND_NAMED.keys()):
        problems.append(Problem(f"records.{key}", "unknown kind of record", file))
    collections: dict[str, list[Any]] = {}
    if version is not None:
        for kind in KINDS:
            if kind.name in records:
                collections[kind.name] = _migrated(
                    kind,
                    records[kind.name],
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                )
    if problems:
        raise DataError(problems)
    return _build(collections, dataset_version, check_references=check_references)


class _Line(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    record: msgspec.Raw


def _loads_jsonl(blob: bytes, *, check_references: bool, engine: Engine) -> Dataset:
    problems: list[Problem] = []
    file = _EXPORT
    lines = blob.split(b"\n")
    header = read_json(lines[0], file, problems, "line 1")
    version: int | None = None
    dataset_version = ""
    if (
        isinstance(header, dict)
        and set(header) == {"aiforecasts"}
        and isinstance(header["aiforecasts"], dict)
    ):
        meta = header["aiforecasts"]
        for key in sorted(meta.keys() - {"dataset_version", "schema_version"}):
            problems.append(Problem(f"line 1.aiforecasts.{key}", "unknown key", file))
        version = _check_version(
            meta.get("schema_version"), file, problems, "line 1.schema_version"
        )
        dataset_version = _dataset_version(
            meta.get("dataset_version"), file, problems, "line 1.dataset_version"
        )
    elif header is not NOT_JSON:
        problems.append(Problem("line 1", 'expected the header {"aiforecasts": {...}}', file))
    collections: dict[str, list[Any]] = {kind.name: [] for kind in KINDS}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        where = f"line {number}"
        name, record = _line(
            line, version, dataset_version, where=where, problems=problems, engine=engine
        )
        if record is not None:
            collections[name].append(record)
    if problems:
        raise DataError(problems)
    return _build(collections, dataset_version, check_references=check_references)


def _line(  # noqa: PLR0913 - the context of one line
    line: bytes,
    version: int | None,
    dataset_version: str,
    *,
    where: str,
    problems: list[Problem],
    engine: Engine,
) -> tuple[str, Any]:
    """(kind, record) of one line of a JSON Lines export; the record is None after a problem."""
    file = _EXPORT
    try:
        item = msgspec.json.decode(line, type=_Line)
    except REFUSED:
        item = None
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
    name = value["kind"]
    if not isinstance(name, str) or name not in KIND_NAMED:
        problems.append(Problem(f"{where}.kind", f"unknown kind of record {name!r}", file))
        return "", None
    if version is None:
        return "", None
    record = value["record"]
    if isinstance(record, dict):
        record = _codec.migrate(name, record, version, dataset_version)
    found = _codec.structure_many(KIND_NAMED[name].cls, [record], where, file, problems, one=True)
    return name, (found[0] if found else None)


# -- the whole -------------------------------------------------------------


def _build(
    parts: Mapping[str, list[Any]], dataset_version: str, *, check_references: bool
) -> Dataset:
    """The `Dataset` of *parts* (collection name → records), once ids and references hold."""
    classes = {kind.name: kind.cls for kind in KINDS}
    problems = _integrity.check(classes, parts, check_references=check_references)
    if problems:
        raise DataError(problems)
    collections = {kind.name: Collection(parts.get(kind.name, ())) for kind in KINDS}
    return Dataset(dataset_version, SCHEMA_VERSION, **collections)
