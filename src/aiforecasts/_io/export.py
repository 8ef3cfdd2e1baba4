"""
Exports as JSON documents: one document (`to_json`) or JSON Lines (`to_jsonl`).

Every export carries ``schema_version`` and ``dataset_version``.  Exports are
deterministic: the codec's one shape, keys sorted, sets sorted, decimals as
strings, so that the same data always gives the same bytes.
"""

from __future__ import annotations

import typing
from typing import TYPE_CHECKING, Any, cast

import msgspec

from aiforecasts._codec import json as _codec
from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._io.load import load
from aiforecasts._model.checks import any_lacking
from aiforecasts._model.kinds import KIND_NAMED, KIND_OF, KINDS
from aiforecasts._model.limits import MAX_INDENT
from aiforecasts._model.records import Record, Source
from aiforecasts._query.collections import Collection, resolver_of
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Exportable", "check_indent", "json_bytes", "parts", "sources_of", "to_json", "to_jsonl"]

Exportable = typing.Union[Dataset, Collection[Any], Record, "Iterable[Record]"]
"""What can be exported: the dataset, a collection, one record, or records."""


def parts(obj: Exportable, dataset_version: str | None) -> tuple[dict[str, list[Any]], str]:
    """
    Records per kind (in kind order) of *obj*, and the dataset version to
    write: *dataset_version* if given, else that of the dataset the records
    come from (the bundled one for records on their own).
    """
    if isinstance(obj, Dataset):
        whole = {name: list(c) for name, c in obj.collections().items()}
        _written_whole(whole)
        return whole, dataset_version or obj.dataset_version
    records = [obj] if type(obj) in KIND_OF else list(cast("Iterable[Any]", obj))
    found: dict[str, list[Any]] = {}
    types = set(map(type, records))
    if len(types) == 1 and (only := KIND_OF.get(next(iter(types)))) is not None:
        found[only.name] = records  # one kind (a collection): no record-by-record sorting
    else:
        for record in records:
            kind = KIND_OF.get(type(record))
            if kind is None:
                msg = f"cannot export {type(record).__name__}: not a record"
                raise TypeError(msg)
            found.setdefault(kind.name, []).append(record)
    if dataset_version is None:
        resolver = resolver_of(obj) if isinstance(obj, Collection) else None
        if resolver is not None:
            dataset_version = resolver.dataset_version
        else:  # records on their own: from the bundled dataset
            dataset_version = load().dataset_version
    chosen = {kind.name: found[kind.name] for kind in KINDS if kind.name in found}
    _written_whole(chosen)
    return chosen, dataset_version


def _written_whole(found: dict[str, list[Any]]) -> None:
    """
    Refuse to export records read from a file of schema 5 or older that lack
    what schema 6 requires: written in the current layout, they could not be
    read back.

    Raises:
        ValueError: naming the first such record and what it lacks.
    """
    if not any_lacking():  # no such record was ever built: nothing to look for
        return
    for name, records in found.items():
        lacking = KIND_NAMED[name].lacks
        if lacking is None:
            continue
        for index, record in enumerate(records):
            what = lacking(record)
            if what:
                msg = (
                    f"{name}[{index}] ({record.id}) was read from a file of schema 5 or older "
                    f"and lacks {what}, which schema {SCHEMA_VERSION} requires: add it before "
                    "writing it in the current layout"
                )
                raise ValueError(msg)


def sources_of(obj: Exportable, found: dict[str, list[Any]]) -> list[Source]:
    """
    The sources the records of *obj* cite, for what describes an export: those it holds
    (*found*, as `parts` gives them), else those of the dataset they come from.
    """
    if "sources" in found:
        return list(found["sources"])
    if isinstance(obj, Dataset):
        return list(obj.sources)
    resolver = resolver_of(obj) if isinstance(obj, Collection) else None
    return list(resolver.stores["sources"].records) if resolver is not None else []


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
    ('  "dataset_version": "...",', '  "schema_version": ...')
    >>> aiforecasts.to_json(ds.sources[0])[:40]
    '{"dataset_version":"...","records":{"'
    >>> aiforecasts.to_json(ds) == aiforecasts.to_json(ds)
    True

    Raises:
        TypeError: if *indent* is not a whole number (or ``None``).
        ValueError: if *indent* is negative or above 16 spaces: a wider indent only
            multiplies the size of the text (a million spaces once took 22 GB).

    .. versionadded:: 0.1.0
    """
    return json_bytes(obj, dataset_version=dataset_version, indent=indent).decode("utf-8")


def json_bytes(
    obj: Exportable, *, dataset_version: str | None = None, indent: int | None = None
) -> bytes:
    """`to_json`'s document as UTF-8 bytes (what files get, without a detour through text).

    Raises:
        TypeError, ValueError: for an *indent* `to_json` refuses, before any work is done.
    """
    check_indent(indent)
    found, version = parts(obj, dataset_version)
    document = {"dataset_version": version, "records": found, "schema_version": SCHEMA_VERSION}
    encoded = _codec.encode(document)
    if indent is not None:
        encoded = msgspec.json.format(encoded, indent=indent)
    return encoded + b"\n"


def check_indent(indent: object) -> None:
    """
    Refuse an *indent* that is not ``None`` or a whole number from 0 to ``MAX_INDENT``.

    Checked here, where every indented export is encoded (`to_json`, and `write` through
    it), so that no caller can ask for an output of unbounded size.

    >>> check_indent(17)
    Traceback (most recent call last):
    ...
    ValueError: indent must be a whole number of spaces from 0 to 16, not 17
    """
    if indent is None:
        return
    if isinstance(indent, bool) or not isinstance(indent, int):
        msg = f"indent must be a whole number of spaces or None, not {type(indent).__name__}"
        raise TypeError(msg)
    if not 0 <= indent <= MAX_INDENT:
        shown = indent if indent.bit_length() < 64 else "a number that large"
        msg = f"indent must be a whole number of spaces from 0 to {MAX_INDENT}, not {shown}"
        raise ValueError(msg)


def to_jsonl(obj: Exportable, *, dataset_version: str | None = None) -> str:
    """
    JSON Lines, as line tools read them (pandas, DuckDB, Hugging Face
    ``datasets``, ``jq``): one record per line, every line of the same shape —
    ``{"dataset_version", "id", "kind", "record": {...}, "records",
    "schema_version"}``, *records* being how many lines the export has (so a
    file cut short at a line's end is caught) — in kind order, no header.
    Read it back with `loads`; the layout of earlier versions (a header line
    first) still reads.

    >>> import aiforecasts, json
    >>> lines = aiforecasts.to_jsonl(aiforecasts.load().sources).splitlines()
    >>> first = json.loads(lines[0])
    >>> sorted(first), first["kind"], first["records"] == len(lines)
    (['dataset_version', 'id', 'kind', 'record', 'records', 'schema_version'], 'sources', True)

    .. versionadded:: 0.1.0
    """
    found, version = parts(obj, dataset_version)
    count = sum(len(records) for records in found.values())
    lines = [
        _codec.encode(
            {
                "dataset_version": version,
                "id": record.id,
                "kind": kind,
                "record": record,
                "records": count,
                "schema_version": SCHEMA_VERSION,
            }
        )
        for kind, records in found.items()
        for record in records
    ]
    return b"".join(line + b"\n" for line in lines).decode("utf-8")
