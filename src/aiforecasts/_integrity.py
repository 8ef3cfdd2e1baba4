"""
The integrity of a whole dataset: ids well-formed and unique across kinds,
and every reference to another record resolving.

References are found through the field walker (`_fields.references`): a field
declares the collections its ids belong to, and nothing else needs listing.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import TYPE_CHECKING, Any

from aiforecasts._errors import Problem
from aiforecasts._fields import references

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

__all__ = ["SLUG", "check"]

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""What an id is: a lower-case slug (``openai-microsoft-10b-2023``)."""
_SLUG_RE = re.compile(SLUG + r"\Z")


def check(
    classes: Mapping[str, type],
    collections: Mapping[str, Sequence[Any]],
    *,
    check_references: bool = True,
) -> list[Problem]:
    """
    Every problem of ids and references in *collections* (collection name →
    records), where *classes* maps each collection name to its record class.
    """
    problems = list(_ids(collections))
    if check_references:
        ids = {name: {record.id for record in records} for name, records in collections.items()}
        known: dict[tuple[str, ...], set[str]] = {}
        missing = False
        for name, records in collections.items():
            for kinds, targets in _referenced(classes[name], records).items():
                if kinds not in known:
                    known[kinds] = set().union(*(ids.get(kind, set()) for kind in kinds))
                missing = missing or not targets <= known[kinds]
        if missing:  # the fast sweep found a dangling id: walk record by record to name it
            problems.extend(_dangling(collections, ids))
    return problems


def _ids(collections: Mapping[str, Sequence[Any]]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for name, records in collections.items():
        ids = {record.id for record in records}
        if len(ids) == len(records) and all(map(_SLUG_RE.match, ids)) and not ids & owner.keys():
            owner.update({record.id: f"{name}[{i}]" for i, record in enumerate(records)})
            continue
        for index, record in enumerate(records):
            path = f"{name}[{index}].id"
            if not _SLUG_RE.match(record.id):
                yield Problem(path, f"{record.id!r} is not a lower-case slug", f"{name}.json")
            if record.id in owner:
                message = f"duplicate id {record.id!r} (also {owner[record.id]})"
                yield Problem(path, message, f"{name}.json")
            else:
                owner[record.id] = f"{name}[{index}]"


def _referenced(cls: type, objects: Sequence[Any]) -> dict[tuple[str, ...], set[str]]:
    """Kinds → every id *objects* (all of class *cls*) refer to, nested parts included."""
    refs, nested = references(cls)
    found: dict[tuple[str, ...], set[str]] = {}
    for field in refs:
        values = [getattr(obj, field.name) for obj in objects]
        targets = found.setdefault(field.refers_to, set())
        targets.update(v for v in values if isinstance(v, str))
        targets.update(chain.from_iterable(v for v in values if isinstance(v, tuple)))
    for field, part in nested:
        values = [getattr(obj, field.name) for obj in objects]
        parts = [v for v in values if isinstance(v, part)]
        parts.extend(chain.from_iterable(v for v in values if isinstance(v, tuple)))
        for kinds, targets in _referenced(part, parts).items():
            found.setdefault(kinds, set()).update(targets)
    return found


def _dangling(
    collections: Mapping[str, Sequence[Any]], ids: Mapping[str, set[str]]
) -> Iterator[Problem]:
    """Every reference that does not resolve, with its path (the slow walk)."""
    for name, records in collections.items():
        for index, record in enumerate(records):
            for path, kinds, target in _references(record, f"{name}[{index}]"):
                if not any(target in ids.get(kind, ()) for kind in kinds):
                    wanted = " or ".join(kinds)
                    yield Problem(
                        path, f"unknown id {target!r} (expected one of {wanted})", f"{name}.json"
                    )


def _references(record: object, path: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(path, kinds, id) for every id *record* refers to."""
    refs, nested = references(type(record))
    for field in refs:
        item = getattr(record, field.name)
        if isinstance(item, str):
            yield f"{path}.{field.name}", field.refers_to, item
        elif item:
            for index, target in enumerate(item):
                yield f"{path}.{field.name}[{index}]", field.refers_to, target
    for field, _part in nested:
        item = getattr(record, field.name)
        if isinstance(item, tuple):
            for index, element in enumerate(item):
                yield from _references(element, f"{path}.{field.name}[{index}]")
        elif item is not None:
            yield from _references(item, f"{path}.{field.name}")
