"""
Reading the dataset: the bundled files, and users' exports.

Reading is all or nothing: every problem in every part is collected and
raised together as one `DataError`, and no `Dataset` is built from input that
has any.  A fast pass decodes with msgspec straight into the record classes
(their validators run); only when it fails does cattrs' detailed converter go
over the input again to name every problem with its path.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import typing
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import cattrs

from aiforecasts import _model
from aiforecasts._convert import make_converter
from aiforecasts._dataset import KINDS, Dataset
from aiforecasts._errors import DataError, Problem
from aiforecasts._migrate import SCHEMA_VERSION, migrate_record
from aiforecasts._query import Collection

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Mapping

__all__ = ["SCHEMA_VERSION", "load", "load_path", "loads", "parse"]

R = TypeVar("R", bound=_model.Record)

_MANIFEST = "manifest.json"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

_lock = threading.Lock()
_bundled: Dataset | None = None
_detailed: cattrs.Converter | None = None


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
    2

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
            from importlib import resources  # noqa: PLC0415

            root = resources.files(__package__) / "data"
            manifest = (root / _MANIFEST).read_bytes()
            files = {name: (root / f"{name}.json").read_bytes() for name in KINDS}
            _bundled = parse(manifest, files, trusted=True)
        return _bundled


# -- the two passes --------------------------------------------------------


def _detailed_converter() -> cattrs.Converter:
    global _detailed  # noqa: PLW0603
    if _detailed is None:
        _detailed = make_converter(detailed_validation=True)
    return _detailed


def _reject_constant(name: str) -> object:
    msg = f"{name} is not valid JSON"
    raise ValueError(msg)


def _json(blob: bytes | str, file: str, problems: list[Problem], path: str = "$") -> Any:
    """*blob* parsed as strict JSON (no NaN or Infinity), or None after noting why not."""
    if isinstance(blob, bytes):
        try:
            blob = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(path, f"not UTF-8: {exc.reason} at byte {exc.start}", file))
            return None
    try:
        # A key repeated in one object keeps its last value, as in msgspec's fast path.
        return json.loads(blob, parse_constant=_reject_constant)
    except RecursionError:
        problems.append(Problem(path, "not valid JSON: nested too deeply", file))
    except ValueError as exc:
        problems.append(Problem(path, f"not valid JSON: {exc}", file))
    return None


def _structure_slowly(
    name: str, file: str, raw: Any, problems: list[Problem], prefix: str = ""
) -> list[_model.Record]:
    """Records of kind *name* from JSON values, noting every problem with its path."""
    where = f"{prefix}{name}"
    if not isinstance(raw, list):
        problems.append(Problem(where, f"expected a list, not {_json_type(raw)}", file))
        return []
    cls = KINDS[name]
    converter = _detailed_converter()
    records: list[_model.Record] = []
    for index, item in enumerate(raw):
        path = f"{where}[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(path, f"expected an object, not {_json_type(item)}", file))
            continue
        try:
            records.append(converter.structure(item, cls))
        except Exception as exc:  # noqa: BLE001 - every error becomes a Problem
            for line in cattrs.transform_error(exc, path=path, format_exception=_describe):
                message, _, at = line.rpartition(" @ ")
                problems.append(Problem(at or path, message or line, file))
    return records


def _describe(exc: BaseException, type_: type[Any] | None) -> str:
    """An error's message: our hooks' and attrs validators' own words where they have them."""
    if type(exc) in (ValueError, TypeError) and exc.args:
        return str(exc)
    from cattrs.v import format_exception  # noqa: PLC0415

    return format_exception(exc, type_)


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )


def _check_version(version: object, file: str, problems: list[Problem]) -> int | None:
    """The schema version if this package reads it, else None after noting why."""
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append(Problem("schema_version", f"expected an integer, not {version!r}", file))
    elif version > SCHEMA_VERSION:
        problems.append(
            Problem(
                "schema_version",
                f"schema version {version} is newer than this package reads "
                f"({SCHEMA_VERSION}); upgrade aiforecasts",
                file,
            )
        )
    elif version < 1:
        problems.append(Problem("schema_version", f"unknown schema version {version}", file))
    else:
        return version
    return None


# -- the bundled layout: a manifest and one file per kind ------------------


def parse(manifest: bytes, files: Mapping[str, bytes], *, trusted: bool = False) -> Dataset:
    """
    Build a `Dataset` from the bytes of a manifest and one file per kind (the
    layout of the bundled data).  *trusted* files (the bundled ones, which
    the test suite holds to the exact layout) skip the fast path's strict
    check for unknown keys; every other rule still applies.

    Raises:
        DataError: listing every problem found, each with its path.
    """
    problems: list[Problem] = []
    meta = _json(manifest, _MANIFEST, problems)
    dataset_version = ""
    if isinstance(meta, dict):
        for key in sorted(meta.keys() - {"dataset_version", "schema_version"}):
            problems.append(Problem(key, "unknown key", _MANIFEST))
        dataset_version = meta.get("dataset_version", "")
        if not isinstance(dataset_version, str) or not dataset_version:
            problems.append(Problem("dataset_version", "expected a non-empty string", _MANIFEST))
            dataset_version = ""
        _check_version(meta.get("schema_version"), _MANIFEST, problems)
    elif meta is not None:
        problems.append(Problem("$", "expected a JSON object", _MANIFEST))

    collections: dict[str, list[_model.Record]] = {}
    for name in KINDS:
        file = f"{name}.json"
        blob = files.get(name)
        if blob is None:
            problems.append(Problem(name, "file missing", file))
            continue
        found = _fast_kind_file(name, blob, trusted=trusted)
        if found is None:
            found = _slow_kind_file(name, file, blob, dataset_version, problems)
        collections[name] = found
    if problems:
        raise DataError(problems)
    return _finish(collections, dataset_version, check_references=True)


def _fast_kind_file(name: str, blob: bytes, *, trusted: bool) -> list[_model.Record] | None:
    """The records of a current-version kind file, or None if anything is amiss."""
    from aiforecasts._fastio import make_fast  # noqa: PLC0415

    with contextlib.suppress(Exception):
        return make_fast().kind_file(name, blob, trusted=trusted)
    return None


def _slow_kind_file(
    name: str, file: str, blob: bytes, dataset_version: str, problems: list[Problem]
) -> list[_model.Record]:
    document = _json(blob, file, problems)
    if document is None:
        return []
    if not isinstance(document, dict):
        problems.append(Problem("$", "expected a JSON object with 'kind' and 'records'", file))
        return []
    expected = {"kind", "schema_version", "records"}
    for key in sorted(document.keys() - expected):
        problems.append(Problem(key, "unknown key", file))
    for key in sorted(expected - document.keys()):
        problems.append(Problem(key, "missing", file))
    if document.get("kind", name) != name:
        problems.append(Problem("kind", f"expected {name!r}, not {document['kind']!r}", file))
    version = _check_version(document.get("schema_version", SCHEMA_VERSION), file, problems)
    if "records" not in document or version is None:
        return []
    raw = _migrated(name, document["records"], version, dataset_version)
    return _structure_slowly(name, file, raw, problems)


def _migrated(name: str, raw: Any, version: int, dataset_version: str) -> Any:
    if version == SCHEMA_VERSION or not isinstance(raw, list):
        return raw
    return [
        migrate_record(name, item, version, dataset_version) if isinstance(item, dict) else item
        for item in raw
    ]


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
    try:
        blob = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeEncodeError as exc:
        raise DataError(
            [Problem("$", f"not text: {exc.reason} at {exc.start}", "export")]
        ) from None
    # Only escapes can hold a lone surrogate: look for one before running the pattern.
    escaped = b"\\ud" in blob or b"\\uD" in blob
    lone = _LONE_SURROGATE.search(blob) if escaped else None
    if lone is not None:
        where = f"byte {lone.start()}"
        raise DataError([Problem("$", f"a lone surrogate escape at {where}", "export")])
    if _first_line_is_header(blob):
        return _loads_jsonl(blob, check_references=check_references)
    return _loads_json(blob, check_references=check_references)


def load_path(path: str | os.PathLike[str], *, check_references: bool = True) -> Dataset:
    """
    Read an export from a file (``.json`` or ``.jsonl``), like `loads`.

    .. versionadded:: 0.1.0
    """
    return loads(Path(path).read_bytes(), check_references=check_references)


_JSONL_HEADER = re.compile(rb'\s*\{\s*"aiforecasts"\s*:')
# A lone UTF-16 surrogate written as a JSON escape: not a character, and not encodable.
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def _first_line_is_header(blob: bytes) -> bool:
    """Whether *blob* starts the way JSON Lines exports do: ``{"aiforecasts": ...``."""
    return _JSONL_HEADER.match(blob) is not None


_EXPORT_KEYS = {"dataset_version", "records", "schema_version"}


def _loads_json(blob: bytes, *, check_references: bool) -> Dataset:
    from aiforecasts._fastio import make_fast  # noqa: PLC0415

    fast = make_fast()
    with contextlib.suppress(Exception):
        fast_version, fast_dataset_version, parts = fast.export(blob)
        if fast_version == SCHEMA_VERSION and fast_dataset_version:
            return _finish(parts, fast_dataset_version, check_references=check_references)
    problems: list[Problem] = []
    file = "export"
    document = _json(blob, file, problems)
    if problems:
        raise DataError(problems)
    if not isinstance(document, dict):
        raise DataError([Problem("$", f"expected a JSON object, not {_json_type(document)}", file)])
    for key in sorted(document.keys() - _EXPORT_KEYS):
        problems.append(Problem(key, "unknown key", file))
    for key in sorted(_EXPORT_KEYS - document.keys()):
        problems.append(Problem(key, "missing", file))
    version = _check_version(document.get("schema_version"), file, problems)
    stated = document.get("dataset_version")
    dataset_version = stated if isinstance(stated, str) else ""
    if not dataset_version:
        problems.append(Problem("dataset_version", "expected a non-empty string", file))
    records = document.get("records", {})
    if not isinstance(records, dict):
        problems.append(Problem("records", f"expected an object, not {_json_type(records)}", file))
        records = {}
    for key in sorted(records.keys() - KINDS.keys()):
        problems.append(Problem(f"records.{key}", "unknown kind of record", file))
    collections: dict[str, list[_model.Record]] = {}
    if version is not None:
        for name in KINDS:
            raw = _migrated(name, records.get(name, []), version, dataset_version)
            collections[name] = _structure_slowly(name, file, raw, problems)
    if problems:
        raise DataError(problems)
    return _finish(collections, dataset_version, check_references=check_references)


def _loads_jsonl(blob: bytes, *, check_references: bool) -> Dataset:
    problems: list[Problem] = []
    file = "export"
    lines = blob.split(b"\n")
    header = _json(lines[0], file, problems, "line 1")
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
        version = _check_version(meta.get("schema_version"), file, problems)
        dataset_version = meta.get("dataset_version", "")
        if not isinstance(dataset_version, str) or not dataset_version:
            problems.append(Problem("line 1.dataset_version", "expected a non-empty string", file))
            dataset_version = ""
    elif header is not None:
        problems.append(Problem("line 1", 'expected the header {"aiforecasts": {...}}', file))
    from aiforecasts._fastio import make_fast  # noqa: PLC0415

    fast = make_fast()
    collections: dict[str, list[_model.Record]] = {name: [] for name in KINDS}
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        where = f"line {number}"
        if version == SCHEMA_VERSION:
            with contextlib.suppress(Exception):
                name, record = fast.line(line)
                collections[name].append(record)
                continue
        item = _json(line, file, problems, where)
        if item is None:
            continue
        if not isinstance(item, dict) or set(item) != {"kind", "record"}:
            problems.append(Problem(where, 'expected {"kind": ..., "record": {...}}', file))
            continue
        name = item["kind"]
        if not isinstance(name, str) or name not in KINDS:
            problems.append(Problem(f"{where}.kind", f"unknown kind of record {name!r}", file))
            continue
        if version is None:
            continue
        raw = _migrated(name, [item["record"]], version, dataset_version)
        found = _structure_slowly(name, file, raw, problems, prefix=f"{where}: ")
        collections[name].extend(found)
    if problems:
        raise DataError(problems)
    return _finish(collections, dataset_version, check_references=check_references)


# -- integrity -------------------------------------------------------------


def _finish(
    collections: Mapping[str, list[_model.Record]], dataset_version: str, *, check_references: bool
) -> Dataset:
    problems = list(_check_integrity(collections, check_references=check_references))
    if problems:
        raise DataError(problems)

    def collection(name: str, _kind: type[R]) -> Collection[R]:
        return Collection(cast("list[R]", collections.get(name, [])))

    return Dataset(
        dataset_version,
        SCHEMA_VERSION,
        sources=collection("sources", _model.Source),
        companies=collection("companies", _model.Company),
        people=collection("people", _model.Person),
        predictions=collection("predictions", _model.Prediction),
        funding_rounds=collection("funding_rounds", _model.FundingRound),
        compute_trends=collection("compute_trends", _model.ComputeTrend),
        debates=collection("debates", _model.Debate),
        statistics=collection("statistics", _model.Statistic),
    )


def _check_integrity(
    collections: Mapping[str, list[_model.Record]], *, check_references: bool
) -> Iterable[Problem]:
    """Ids well-formed and unique across kinds; every reference resolves."""
    owner: dict[str, str] = {}
    ids: dict[str, set[str]] = {}
    problems: list[Problem] = []
    for name, records in collections.items():
        ids[name] = {record.id for record in records}
        if (
            len(ids[name]) == len(records)
            and all(map(_SLUG.match, ids[name]))
            and not (ids[name] & owner.keys())
        ):
            owner.update({record.id: f"{name}[{i}]" for i, record in enumerate(records)})
            continue
        for index, record in enumerate(records):
            path = f"{name}[{index}].id"
            if not _SLUG.match(record.id):
                problems.append(
                    Problem(path, f"{record.id!r} is not a lower-case slug", f"{name}.json")
                )
            if record.id in owner:
                problems.append(
                    Problem(
                        path,
                        f"duplicate id {record.id!r} (also {owner[record.id]})",
                        f"{name}.json",
                    )
                )
            else:
                owner[record.id] = f"{name}[{index}]"
    if not check_references:
        return problems
    known = {kinds: set().union(*(ids.get(k, set()) for k in kinds)) for kinds in _all_kinds()}
    missing = False
    for name, records in collections.items():
        for kinds, targets in _referenced(KINDS[name], records).items():
            if not targets <= known[kinds]:
                missing = True
    if missing:
        problems.extend(_dangling(collections, ids))
    return problems


def _all_kinds() -> set[tuple[str, ...]]:
    kinds: set[tuple[str, ...]] = set()
    for cls in KINDS.values():
        _gather_kinds(cls, kinds)
    return kinds


def _gather_kinds(cls: type, found: set[tuple[str, ...]]) -> None:
    refs, nested = _plan(cls)
    found.update(kinds for _, kinds in refs)
    for _name, part in nested:
        _gather_kinds(part, found)


def _referenced(cls: type, objects: list[Any]) -> dict[tuple[str, ...], set[str]]:
    """Kinds → every id *objects* (all of class *cls*) refer to, nested parts included."""
    refs, nested = _plan(cls)
    found: dict[tuple[str, ...], set[str]] = {}
    for name, kinds in refs:
        values = [getattr(obj, name) for obj in objects]
        targets = found.setdefault(kinds, set())
        targets.update(v for v in values if isinstance(v, str))
        targets.update(chain.from_iterable(v for v in values if isinstance(v, tuple)))
    for name, part in nested:
        values = [getattr(obj, name) for obj in objects]
        parts = [v for v in values if attrs.has(type(v))]
        parts.extend(chain.from_iterable(v for v in values if isinstance(v, tuple)))
        for kinds, targets in _referenced(part, parts).items():
            found.setdefault(kinds, set()).update(targets)
    return found


def _dangling(
    collections: Mapping[str, list[_model.Record]], ids: Mapping[str, set[str]]
) -> Iterable[Problem]:
    """Every reference that does not resolve, with its path (the slow walk)."""
    for name, records in collections.items():
        for index, record in enumerate(records):
            for path, kinds, target in _references(record, f"{name}[{index}]"):
                if not any(target in ids.get(kind, ()) for kind in kinds):
                    wanted = " or ".join(kinds)
                    yield Problem(
                        path, f"unknown id {target!r} (expected one of {wanted})", f"{name}.json"
                    )


def _references(record: object, path: str) -> Iterable[tuple[str, tuple[str, ...], str]]:
    """(path, kinds, id) for every id *record* refers to, found through field metadata."""
    refs, nested = _plan(type(record))
    for name, kinds in refs:
        item = getattr(record, name)
        if isinstance(item, str):
            yield f"{path}.{name}", kinds, item
        elif item:
            for index, target in enumerate(item):
                yield f"{path}.{name}[{index}]", kinds, target
    for name, _part in nested:
        item = getattr(record, name)
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from _references(element, f"{path}.{name}[{index}]")
        elif item is not None:
            yield from _references(item, f"{path}.{name}")


_Plan = tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[tuple[str, type], ...]]
_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    """
    For the attrs class *cls*: its reference fields with their kinds, and the
    fields holding parts (of one attrs class each) that hold references.
    """
    found = _PLANS.get(cls)
    if found is None:
        attrs.resolve_types(cls)
        refs = []
        nested = []
        for field in attrs.fields(cls):
            kinds = _model.refers_to(field)
            if kinds:
                refs.append((field.name, kinds))
                continue
            for part in _attrs_classes(field.type):
                if _plan(part)[0] or _plan(part)[1]:
                    nested.append((field.name, part))
        found = _PLANS[cls] = tuple(refs), tuple(nested)
    return found


def _attrs_classes(type_: object) -> Iterable[type]:
    """The attrs classes a type annotation mentions (``X | None``, ``tuple[X, ...]``)."""
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
    for argument in typing.get_args(type_):
        yield from _attrs_classes(argument)
