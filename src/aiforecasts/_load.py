"""
Reading the dataset: the bundled JSON files, lazily, once, behind a lock.

Reading is all or nothing: every problem in every file is collected and
raised together as one `DataError`, and no `Dataset` is built from a file
that has any.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import typing
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import cattrs

from aiforecasts import _model
from aiforecasts._convert import make_converter, make_reading_converter
from aiforecasts._dataset import KINDS, Dataset
from aiforecasts._errors import DataError, Problem
from aiforecasts._query import Collection

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["SCHEMA_VERSION", "load", "parse"]

SCHEMA_VERSION = 1
"""The version of the record layout this package reads and writes."""

R = TypeVar("R", bound=_model.Record)

_MANIFEST = "manifest.json"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

_lock = threading.Lock()
_bundled: Dataset | None = None
_converters: dict[bool, cattrs.BaseConverter] = {}


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
    1

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
            root = resources.files(__package__) / "data"
            manifest = (root / _MANIFEST).read_bytes()
            files = {name: (root / f"{name}.json").read_bytes() for name in KINDS}
            _bundled = parse(manifest, files)
        return _bundled


def _converter(*, detailed: bool) -> cattrs.BaseConverter:
    converter = _converters.get(detailed)
    if converter is None:
        made = make_converter() if detailed else make_reading_converter(_note_reference)
        converter = _converters.setdefault(detailed, made)
    return converter


# The ids the reading converter met, per thread: (kinds, id) pairs.
_seen = threading.local()


def _note_reference(kinds: tuple[str, ...], target: str) -> None:
    _seen.references.append((kinds, target))


def _reject_constant(name: str) -> object:
    msg = f"{name} is not valid JSON"
    raise ValueError(msg)


def _decode(file: str, blob: bytes, problems: list[Problem]) -> Any:
    try:
        text = blob.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem("$", f"not UTF-8: {exc.reason} at byte {exc.start}", file))
        return None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError as exc:
        problems.append(Problem("$", f"not valid JSON: {exc}", file))
        return None


def _check_envelope(
    name: str, file: str, document: Any, problems: list[Problem]
) -> list[Any] | None:
    """The records of one kind file, or ``None`` after noting why not."""
    if not isinstance(document, dict):
        problems.append(Problem("$", "expected a JSON object with 'kind' and 'records'", file))
        return None
    expected = {"kind", "schema_version", "records"}
    for key in sorted(document.keys() - expected):
        problems.append(Problem(key, "unknown key", file))
    for key in sorted(expected - document.keys()):
        problems.append(Problem(key, "missing", file))
    if document.get("kind", name) != name:
        problems.append(Problem("kind", f"expected {name!r}, not {document['kind']!r}", file))
    _check_schema_version(document.get("schema_version", SCHEMA_VERSION), file, problems)
    records = document.get("records")
    if not isinstance(records, list):
        if "records" in document:
            problems.append(Problem("records", "expected a list", file))
        return None
    return records


def _check_schema_version(version: object, file: str, problems: list[Problem]) -> None:
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
    elif version != SCHEMA_VERSION:
        problems.append(Problem("schema_version", f"unknown schema version {version}", file))


def _structure(
    name: str, file: str, raw: list[Any], problems: list[Problem]
) -> list[_model.Record]:
    cls = KINDS[name]
    # The fast pass generates no code, which makes a cold load several times
    # faster, and notes the ids records refer to (see _check_integrity).
    fast = _converter(detailed=False)
    with contextlib.suppress(Exception):
        return [fast.structure(item, cls) for item in raw]
    _seen.complete = False
    # Something is wrong: go again, slowly, to report every problem with its path.
    detailed = _converter(detailed=True)
    records: list[_model.Record] = []
    for index, item in enumerate(raw):
        path = f"{name}[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(path, f"expected an object, not {_json_type(item)}", file))
            continue
        try:
            records.append(detailed.structure(item, cls))
        except Exception as exc:  # noqa: BLE001
            for line in cattrs.transform_error(exc, path=path, format_exception=_describe):
                message, _, where = line.rpartition(" @ ")
                problems.append(Problem(where or path, message or line, file))
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


def parse(manifest: bytes, files: Mapping[str, bytes]) -> Dataset:
    """
    Build a `Dataset` from the bytes of a manifest and one file per kind.

    Raises:
        DataError: listing every problem found, each with its path.
    """
    problems: list[Problem] = []
    _seen.references = []
    _seen.complete = True
    meta = _decode(_MANIFEST, manifest, problems)
    dataset_version = ""
    if isinstance(meta, dict):
        for key in sorted(meta.keys() - {"dataset_version", "schema_version"}):
            problems.append(Problem(key, "unknown key", _MANIFEST))
        dataset_version = meta.get("dataset_version", "")
        if not isinstance(dataset_version, str) or not dataset_version:
            problems.append(Problem("dataset_version", "expected a non-empty string", _MANIFEST))
        _check_schema_version(meta.get("schema_version"), _MANIFEST, problems)
    elif meta is not None:
        problems.append(Problem("$", "expected a JSON object", _MANIFEST))

    collections: dict[str, list[_model.Record]] = {}
    for name in KINDS:
        file = f"{name}.json"
        blob = files.get(name)
        if blob is None:
            problems.append(Problem(name, "file missing", file))
            continue
        raw = _check_envelope(name, file, _decode(file, blob, problems), problems)
        if raw is not None:
            collections[name] = _structure(name, file, raw, problems)
    if problems:
        raise DataError(problems)

    problems.extend(_check_integrity(collections, _seen.references if _seen.complete else None))
    if problems:
        raise DataError(problems)

    def collection(name: str, _kind: type[R]) -> Collection[R]:
        return Collection(cast("list[R]", collections[name]))

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
    collections: Mapping[str, list[_model.Record]],
    references: list[tuple[tuple[str, ...], str]] | None,
) -> Iterator[Problem]:
    """
    Ids well-formed and unique across kinds; every reference resolves.

    *references* are the ``(kinds, id)`` pairs met while structuring, when all
    records were structured by the reading converter: if they all resolve, the
    records need not be walked; otherwise the walk finds each bad one's path.
    """
    owner: dict[str, str] = {}
    ids: dict[str, set[str]] = {}
    for name, records in collections.items():
        ids[name] = set()
        for index, record in enumerate(records):
            path = f"{name}[{index}].id"
            if not _SLUG.match(record.id):
                yield Problem(path, f"{record.id!r} is not a lower-case slug", f"{name}.json")
            if record.id in owner:
                yield Problem(
                    path, f"duplicate id {record.id!r} (also {owner[record.id]})", f"{name}.json"
                )
            else:
                owner[record.id] = f"{name}[{index}]"
            ids[name].add(record.id)
    if references is not None and all(
        any(target in ids.get(kind, ()) for kind in kinds) for kinds, target in references
    ):
        return
    for name, records in collections.items():
        for index, record in enumerate(records):
            for path, kinds, target in _references(record, f"{name}[{index}]"):
                if not any(target in ids.get(kind, ()) for kind in kinds):
                    wanted = " or ".join(kinds)
                    yield Problem(
                        path, f"unknown id {target!r} (expected one of {wanted})", f"{name}.json"
                    )


def _references(record: object, path: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(path, kinds, id) for every id *record* refers to, found through field metadata."""
    refs, nested = _plan(type(record))
    for name, kinds in refs:
        item = getattr(record, name)
        if isinstance(item, str):
            yield f"{path}.{name}", kinds, item
        elif item:
            for index, target in enumerate(item):
                yield f"{path}.{name}[{index}]", kinds, target
    for name in nested:
        item = getattr(record, name)
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from _references(element, f"{path}.{name}[{index}]")
        elif item is not None:
            yield from _references(item, f"{path}.{name}")


_Plan = tuple[tuple[tuple[str, tuple[str, ...]], ...], tuple[str, ...]]
_PLANS: dict[type, _Plan] = {}


def _plan(cls: type) -> _Plan:
    """
    For the attrs class *cls*: its reference fields with their kinds, and the
    fields that can hold records' parts that themselves hold references.
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
            elif any(_plan(part)[0] or _plan(part)[1] for part in _attrs_classes(field.type)):
                nested.append(field.name)
        found = _PLANS[cls] = tuple(refs), tuple(nested)
    return found


def _attrs_classes(type_: object) -> Iterator[type]:
    """The attrs classes a type annotation mentions (``X | None``, ``tuple[X, ...]``)."""
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
    for argument in typing.get_args(type_):
        yield from _attrs_classes(argument)
