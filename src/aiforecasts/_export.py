"""
Exports: JSON, JSON Lines, CSV and Frictionless Data Packages; diffs.

Every export carries ``schema_version`` and ``dataset_version``.  Exports are
deterministic: keys sorted, sets sorted, decimals as strings, so that the same
data always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import tempfile
import types
import typing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from aiforecasts import _model
from aiforecasts._dataset import KINDS, Dataset
from aiforecasts._migrate import SCHEMA_VERSION
from aiforecasts._query import Collection

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "Change",
    "DatasetDiff",
    "Exportable",
    "csv_columns",
    "diff",
    "to_csv",
    "to_json",
    "to_jsonl",
    "write",
]

Exportable = typing.Union[Dataset, Collection[Any], _model.Record, "Iterable[_model.Record]"]
"""What can be exported: the dataset, a collection, one record, or records."""

_KIND_OF = {cls: name for name, cls in KINDS.items()}
_VERSIONS = ("added_in", "changed_in")


def _parts(obj: Any, dataset_version: str | None) -> tuple[dict[str, list[Any]], str]:
    """Records per kind (in kind order) and the dataset version of *obj*."""
    if isinstance(obj, Dataset):
        whole = {name: list(c) for name, c in obj.collections().items()}
        return whole, dataset_version or obj.dataset_version
    records: Iterable[Any] = [obj] if type(obj) in _KIND_OF else obj
    parts: dict[str, list[Any]] = {}
    for record in records:
        kind = _KIND_OF.get(type(record))
        if kind is None:
            msg = f"cannot export {type(record).__name__}: not a record"
            raise TypeError(msg)
        parts.setdefault(kind, []).append(record)
    if dataset_version is None:
        bound = getattr(obj, "_dataset", None)
        if bound is None:
            from aiforecasts._load import load  # noqa: PLC0415

            bound = load()
        dataset_version = bound.dataset_version
    return {name: parts[name] for name in KINDS if name in parts}, dataset_version


def _fast() -> Any:
    from aiforecasts._fastio import make_fast  # noqa: PLC0415

    return make_fast()


def to_json(
    obj: Exportable, *, dataset_version: str | None = None, indent: int | None = None
) -> str:
    """
    One JSON document holding *obj*: ``{"dataset_version", "records":
    {kind: [...]}, "schema_version"}``, keys sorted, every field present
    (``null`` where empty); compact, or indented by *indent* spaces for people.

    *dataset_version* defaults to that of the dataset the records come from
    (the bundled one for records on their own).  Read it back with `loads`.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> text = aiforecasts.to_json(ds.companies.lookup("Nvidia"), indent=2)
    >>> text.splitlines()[1], text.splitlines()[-2]
    ('  "dataset_version": "2026.1",', '  "schema_version": 2')
    >>> aiforecasts.to_json(ds.sources[0])[:40]
    '{"dataset_version":"2026.1","records":{"'
    >>> aiforecasts.to_json(ds) == aiforecasts.to_json(ds)
    True

    .. versionadded:: 0.1.0
    """
    import msgspec  # noqa: PLC0415

    parts, version = _parts(obj, dataset_version)
    document = {"dataset_version": version, "records": parts, "schema_version": SCHEMA_VERSION}
    encoded: bytes = _fast().encode(document)
    if indent is not None:
        encoded = msgspec.json.format(encoded, indent=indent)
    return encoded.decode("utf-8") + "\n"


def to_jsonl(obj: Exportable, *, dataset_version: str | None = None) -> str:
    """
    JSON Lines: a header line ``{"aiforecasts": {"dataset_version": ...,
    "schema_version": ...}}``, then one ``{"kind": ..., "record": {...}}`` per
    line, in kind order.  Read it back with `loads`.

    >>> import aiforecasts
    >>> lines = aiforecasts.to_jsonl(aiforecasts.load().sources).splitlines()
    >>> lines[0]
    '{"aiforecasts":{"dataset_version":"2026.1","schema_version":2}}'
    >>> len(lines)
    6

    .. versionadded:: 0.1.0
    """
    parts, version = _parts(obj, dataset_version)
    fast = _fast()
    header = {"aiforecasts": {"dataset_version": version, "schema_version": SCHEMA_VERSION}}
    lines = [fast.encode(header)]
    for kind, records in parts.items():
        lines.extend(fast.encode({"kind": kind, "record": record}) for record in records)
    return b"\n".join(lines).decode("utf-8") + "\n"


# -- CSV -------------------------------------------------------------------


def csv_columns(kind: str) -> list[str]:
    """
    The columns of the CSV table of *kind*: nested values flattened with
    dotted names (``horizon.start``), lists kept whole as JSON, then the
    dataset and schema versions.

    >>> csv_columns("funding_rounds")[:4]
    ['id', 'company', 'statement', 'kind']
    >>> "amount.amount" in csv_columns("funding_rounds")
    True

    .. versionadded:: 0.1.0
    """
    return [*_columns(KINDS[kind], ""), "dataset_version", "schema_version"]


def _columns(cls: type, prefix: str) -> Iterator[str]:
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        nested = _single_attrs_class(field.type)
        if nested is None:
            yield f"{prefix}{field.name}"
        else:
            yield from _columns(nested, f"{prefix}{field.name}.")


def _single_attrs_class(type_: object) -> type | None:
    """The attrs class of a field that holds one (possibly None), else None."""
    if isinstance(type_, type) and attrs.has(type_):
        return type_
    options = [a for a in typing.get_args(type_) if a is not type(None)]
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(options) == 1:
        return _single_attrs_class(options[0])
    return None


def flat_record(record: Any) -> dict[str, Any]:
    """*record* as one level of dotted names (``horizon.start``); lists stay lists."""
    import msgspec  # noqa: PLC0415

    from aiforecasts._fastio import encode_hook  # noqa: PLC0415

    flat: dict[str, Any] = {}

    def walk(value: dict[str, Any], prefix: str) -> None:
        for key, item in value.items():
            if isinstance(item, dict):
                walk(item, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = list(item) if isinstance(item, tuple) else item

    walk(msgspec.to_builtins(record, enc_hook=encode_hook, order="sorted"), "")
    return flat


def _cell(value: Any) -> str:
    """A CSV cell: lists as compact JSON, nothing as an empty cell."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "" if value is None else str(value)


def _rows(kind: str, records: list[Any], version: str) -> list[list[str]]:
    columns = csv_columns(kind)
    versions = {"dataset_version": version, "schema_version": SCHEMA_VERSION}
    rows = []
    for record in records:
        flat = {**flat_record(record), **versions}
        rows.append([_cell(flat.get(column)) for column in columns])
    return rows


def to_csv(obj: Exportable, *, dataset_version: str | None = None) -> dict[str, str]:
    """
    One CSV table per kind of record in *obj*: file name → CSV text (UTF-8,
    a header row, ``\\n`` line ends), columns as `csv_columns` gives them.

    >>> import aiforecasts
    >>> tables = aiforecasts.to_csv(aiforecasts.load())
    >>> sorted(tables)[:3]
    ['companies.csv', 'compute_trends.csv', 'debates.csv']
    >>> tables["sources.csv"].splitlines()[0].startswith("id,file,sha256,title")
    True

    .. versionadded:: 0.1.0
    """
    parts, version = _parts(obj, dataset_version)
    tables = {}
    for kind, records in parts.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(csv_columns(kind))
        writer.writerows(_rows(kind, records, version))
        tables[f"{kind}.csv"] = buffer.getvalue()
    return tables


# -- writing files ---------------------------------------------------------

Format = Literal["json", "jsonl", "csv", "datapackage"]


def write(  # noqa: PLR0913 - the options are keyword-only
    obj: Exportable,
    path: str | os.PathLike[str],
    *,
    format: Format = "json",  # noqa: A002
    overwrite: bool = False,
    dataset_version: str | None = None,
    indent: int | None = None,
) -> pathlib.Path:
    """
    Export *obj* to *path*: a file for ``json`` (*indent* as in `to_json`)
    and ``jsonl``, a folder of tables for ``csv``, a folder with
    ``datapackage.json`` for ``datapackage`` (Frictionless).

    Nothing is overwritten unless *overwrite* is true: an existing file, or
    a folder that is not empty, raises `FileExistsError`.  Files are written
    to a temporary name and renamed into place, so a reader never sees half
    a file.

    >>> import aiforecasts, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> aiforecasts.write(aiforecasts.load(), folder / "all.json").name
    'all.json'
    >>> aiforecasts.write(aiforecasts.load(), folder / "all.json")
    Traceback (most recent call last):
    ...
    FileExistsError: ... exists; pass overwrite=True to replace it

    Returns:
        The path written.

    Raises:
        FileExistsError: if *path* exists (a non-empty folder) and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    if not isinstance(obj, (Dataset, Collection)) and type(obj) not in _KIND_OF:
        obj = list(cast("Iterable[_model.Record]", obj))  # read once; a package needs it twice
    if format in ("json", "jsonl"):
        _refuse_existing(target, overwrite=overwrite)
        if format == "json":
            text = to_json(obj, dataset_version=dataset_version, indent=indent)
        else:
            text = to_jsonl(obj, dataset_version=dataset_version)
        _write_atomically(target, text)
        return target
    if format not in ("csv", "datapackage"):
        msg = f"format must be json, jsonl, csv or datapackage, not {format!r}"
        raise ValueError(msg)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not overwrite:
        msg = f"{target} exists and is not an empty folder; pass overwrite=True to write into it"
        raise FileExistsError(msg)
    target.mkdir(parents=True, exist_ok=True)
    tables = to_csv(obj, dataset_version=dataset_version)
    for name, text in tables.items():
        _write_atomically(target / name, text)
    if format == "datapackage":
        from aiforecasts._package import datapackage  # noqa: PLC0415

        parts, version = _parts(obj, dataset_version)
        descriptor = datapackage(list(parts), version, _sources_of(obj, parts))
        _write_atomically(
            target / "datapackage.json",
            json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )
    return target


def _sources_of(obj: Any, parts: dict[str, list[Any]]) -> list[_model.Source]:
    if "sources" in parts:
        return list(parts["sources"])
    bound = obj if isinstance(obj, Dataset) else getattr(obj, "_dataset", None)
    return list(bound.sources) if bound is not None else []


def _refuse_existing(target: Path, *, overwrite: bool) -> None:
    if target.exists() and not overwrite:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # noqa: PTH101
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- diff ------------------------------------------------------------------


@attrs.frozen
class Change:
    """
    One record present in both datasets, with the fields that differ.

    .. versionadded:: 0.1.0
    """

    old: _model.Record
    new: _model.Record
    fields: tuple[str, ...]


@attrs.frozen
class DatasetDiff:
    """
    What changed between two datasets: records added, removed and changed
    (matched by id; the version fields themselves are not counted as changes).

    It is true when there is any difference.

    .. versionadded:: 0.1.0
    """

    added: tuple[_model.Record, ...]
    removed: tuple[_model.Record, ...]
    changed: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def __str__(self) -> str:
        lines = [
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        ]
        lines += [f"+ {r.id}" for r in self.added]
        lines += [f"- {r.id}" for r in self.removed]
        lines += [f"~ {c.new.id}: {', '.join(c.fields)}" for c in self.changed]
        return "\n".join(lines)


def diff(old: Dataset, new: Dataset) -> DatasetDiff:
    """
    The records added, removed and changed from *old* to *new*.

    >>> import aiforecasts, attrs
    >>> ds = aiforecasts.load()
    >>> print(aiforecasts.diff(ds, ds))
    0 added, 0 removed, 0 changed

    .. versionadded:: 0.1.0
    """
    before = {(name, r.id): r for name in KINDS for r in old.collections()[name]}
    after = {(name, r.id): r for name in KINDS for r in new.collections()[name]}
    changed = []
    for key in before.keys() & after.keys():
        a, b = before[key], after[key]
        if a == b:
            continue
        fields = tuple(
            f.name
            for f in attrs.fields(type(a))
            if f.name not in _VERSIONS and getattr(a, f.name) != getattr(b, f.name)
        )
        if fields:
            changed.append(Change(a, b, fields))
    order = {key: index for index, key in enumerate([*before, *after])}
    return DatasetDiff(
        tuple(after[k] for k in sorted(after.keys() - before.keys(), key=order.__getitem__)),
        tuple(before[k] for k in sorted(before.keys() - after.keys(), key=order.__getitem__)),
        tuple(sorted(changed, key=lambda c: order[(_KIND_OF[type(c.new)], c.new.id)])),
    )
