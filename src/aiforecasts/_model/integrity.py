"""
The integrity of a whole dataset: ids well-formed and unique across kinds,
every reference to another record resolving, and no record its own ancestor.

References are found through the field walker (`_model.fields.references`): a field
declares the collections its ids belong to, and nothing else needs listing.
A record the detailed engine could not read (`Unread`) still counts: its id
and the ids it refers to are read from its JSON, so that one reading reports
the problems of types, values and references together.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import TYPE_CHECKING, Any

import attrs

from aiforecasts._model.checks import SLUG, quote
from aiforecasts._model.errors import Problem, Unread
from aiforecasts._model.fields import Field, Shape, fields, references, walk_json
from aiforecasts._model.text import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

__all__ = ["SLUG", "check", "names_once"]


_SLUG_RE = re.compile(SLUG + r"\Z")


def check(
    classes: Mapping[str, type],
    collections: Mapping[str, Sequence[Any]],
    *,
    check_references: bool = True,
    file: Callable[[str], str] = lambda name: f"{name}.json",
    rules: Mapping[str, Callable[..., Iterable[tuple[int, str, str]]]] | None = None,
) -> list[Problem]:
    """
    Every problem of ids and references in *collections* (collection name →
    records, or `Unread` entries), where *classes* maps each collection name to
    its record class; *file* names the file of a collection in problems;
    *rules* are the kinds' checks across records (`Kind.check`), run with the
    references.
    """
    problems = list(_ids(collections, file))
    problems.extend(_cycles(classes, collections, file))
    if not check_references:
        return problems
    ids = {
        name: {identifier for identifier in _id_list(records) if identifier is not None}
        for name, records in collections.items()
    }
    known: dict[tuple[str, ...], set[str]] = {}
    missing = False
    for name, records in collections.items():
        typed = [record for record in records if not isinstance(record, Unread)]
        unread = [record.value for record in records if isinstance(record, Unread)]
        found = _referenced(classes[name], typed)
        for kinds, target in _raw_references(classes[name], unread):
            found.setdefault(kinds, set()).add(target)
        for kinds, targets in found.items():
            if kinds not in known:
                known[kinds] = set().union(*(ids.get(kind, set()) for kind in kinds))
            missing = missing or not targets <= known[kinds]
    if missing:  # the fast sweep found a dangling id: walk record by record to name it
        problems.extend(_dangling(classes, collections, ids, file))
    problems.extend(_mutual(classes, collections, file))
    for name, rule in (rules or {}).items():
        records = collections.get(name, ())
        for index, path, message in rule(records, collections):
            where = f"{name}[{index}].{path}"
            problems.append(Problem(where, message, file(name), record=_id_of(records[index])))
    return problems


def _mutual(
    classes: Mapping[str, type],
    collections: Mapping[str, Sequence[Any]],
    file: Callable[[str], str],
) -> Iterator[Problem]:
    """A mutual link that is not given back, or joins what it must not: `same_claim`
    records of one kind, `contradicts` records quoting a document in common."""
    named = {name: [f for f in fields(classes[name]) if f.mutual] for name in collections}
    linking = {name: {f.name for f in found} for name, found in named.items()}
    # Most records link nothing: index the records that may be linked, and look at the
    # other side of a link only when there is one.
    by_id: dict[str, tuple[str, Any]] = {}
    for name, records in collections.items():
        if named[name]:
            for record in records:
                if not isinstance(record, Unread):
                    by_id[record.id] = (name, record)
    for name, records in collections.items():
        for index, record in enumerate(records):
            if isinstance(record, Unread):
                continue
            for field in named[name]:
                for position, target in enumerate(getattr(record, field.name)):
                    other = by_id.get(target)
                    if other is None or field.name not in linking[other[0]]:
                        continue  # unknown ids (or of a kind without the link) are reported as such
                    message = _link_problem(field, (name, record), target, other)
                    if message is not None:
                        path = f"{name}[{index}].{field.name}[{position}]"
                        yield Problem(path, message, file(name), record=record.id)


def _link_problem(
    field: Field, own: tuple[str, Any], target: str, other: tuple[str, Any]
) -> str | None:
    """What is wrong with a mutual link to *target*, or ``None``; *own* and *other* are the
    two records, each with its collection's name."""
    (name, record), (other_name, linked) = own, other
    if field.mutual == "kinds" and other_name == name:
        return (
            f"{quote(target)} is of the same kind; {field.name} links records "
            "of different kinds (merge records of one kind into one)"
        )
    if field.mutual == "documents" and _documents(linked) & _documents(record):
        return (
            f"{quote(target)} quotes the same document; {field.name} links "
            "records of different documents"
        )
    if target == record.id:
        return f"{field.name} links the record to itself"
    if record.id not in getattr(linked, field.name):
        return f"{quote(target)} does not link back to {quote(record.id)}"
    return None


def _documents(record: Any) -> frozenset[str]:
    """The ids of the documents *record*'s excerpts quote."""
    return frozenset(excerpt.source for excerpt in getattr(record, "excerpts", ()))


def _id_of(record: Any) -> str | None:
    if isinstance(record, Unread):
        value = record.value.get("id") if isinstance(record.value, dict) else None
        return value if isinstance(value, str) else None
    identifier: str = record.id
    return identifier


def _id_list(records: Sequence[Any]) -> list[str | None]:
    return [_id_of(record) for record in records]


def _ids(collections: Mapping[str, Sequence[Any]], file: Callable[[str], str]) -> Iterator[Problem]:
    owner: dict[str, str] = {}
    for name, records in collections.items():
        found = _id_list(records)
        ids = set(found)
        if (
            None not in ids
            and len(ids) == len(records)
            and all(map(_SLUG_RE.match, ids))  # type: ignore[arg-type]
            and not ids & owner.keys()
        ):
            owner.update({identifier: f"{name}[{i}]" for i, identifier in enumerate(found)})  # type: ignore[misc]
            continue
        for index, identifier in enumerate(found):
            if identifier is None:
                continue  # no id: the record's own problems say so
            path = f"{name}[{index}].id"
            # A record the reader could not build has had its id named already, by the
            # check its class runs on ids (`_model.checks`); say it once.
            if not _SLUG_RE.match(identifier) and not isinstance(records[index], Unread):
                message = f"{quote(identifier)} is not a lower-case slug"
                yield Problem(path, message, file(name))
            if identifier in owner:
                message = f"duplicate id {quote(identifier)} (also {owner[identifier]})"
                yield Problem(path, message, file(name))
            else:
                owner[identifier] = f"{name}[{index}]"


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


def _raw_references(cls: type, values: Sequence[Any]) -> Iterator[tuple[tuple[str, ...], str]]:
    """(kinds, id) of every id in the JSON *values* of records of *cls*."""
    for value in values:
        for _path, kinds, target in _raw_walk(cls, value, ""):
            yield kinds, target


def _raw_walk(cls: type, value: Any, path: str) -> Iterator[tuple[str, tuple[str, ...], str]]:
    """(path, kinds, id) for every id in the JSON value of a *cls*, read by its fields' shapes."""
    for where, field, shape, item in walk_json(Shape("record", cls), value, path):
        if field is not None and field.refers_to and shape.kind == "text" and isinstance(item, str):
            yield where, field.refers_to, item


def _dangling(
    classes: Mapping[str, type],
    collections: Mapping[str, Sequence[Any]],
    ids: Mapping[str, set[str]],
    file: Callable[[str], str],
) -> Iterator[Problem]:
    """Every reference that does not resolve, with its path (the slow walk)."""
    for name, records in collections.items():
        for index, record in enumerate(records):
            where = f"{name}[{index}]"
            if isinstance(record, Unread):
                found = [
                    (where + p, k, t) for p, k, t in _raw_walk(classes[name], record.value, "")
                ]
            else:
                found = list(_references(record, where))
            for path, kinds, target in found:
                if not any(target in ids.get(kind, ()) for kind in kinds):
                    wanted = " or ".join(kinds)
                    message = f"unknown id {quote(target)} (expected one of {wanted})"
                    yield Problem(path, message, file(name), record=_id_of(record))


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


def _cycles(
    classes: Mapping[str, type],
    collections: Mapping[str, Sequence[Any]],
    file: Callable[[str], str],
) -> Iterator[Problem]:
    """A record that is its own ancestor through a field naming one record of its own kind
    (a company its own parent, two predictions each the other's parent)."""
    for name, records in collections.items():
        for field in fields(classes[name]):
            if field.refers_to != (name,) or field.shape.kind not in ("text", "optional"):
                continue
            up: dict[str, str | None] = {}
            position: dict[str, int] = {}
            for index, record in enumerate(records):
                if not isinstance(record, Unread):
                    up[record.id] = getattr(record, field.name)
                    position.setdefault(record.id, index)
            found = sorted(
                (position[cycle[0]], cycle) for cycle in _cycles_in(up, position.__getitem__)
            )
            for index, cycle in found:
                message = f"a cycle of {field.name}s: {_chain_text([*cycle, cycle[0]])}"
                path = f"{name}[{index}].{field.name}"
                yield Problem(path, message, file(name), record=cycle[0])


def _cycles_in(up: Mapping[str, str | None], order: Callable[[str], int]) -> Iterator[list[str]]:
    """
    Each cycle of the links *up* (id → the id it names, or ``None``), once, beginning at its
    first id by *order*.

    Every id is walked once (three colours: not yet seen, on the walk under way, done), so
    the check is linear in the number of records however long the chains, and iterative, so
    a chain of a million records needs no deep stack.  A walk that meets an id done before
    ends there: whatever lies above it has been checked.
    """
    done: set[str] = set()
    for start in up:
        if start in done:
            continue
        walk: dict[str, int] = {}  # the ids of the walk under way → their place in it
        current: str | None = start
        while current is not None and current in up and current not in done:
            if current in walk:  # back on this walk: the ids from there on form a cycle
                cycle = list(walk)[walk[current] :]
                first = min(range(len(cycle)), key=lambda i: order(cycle[i]))
                yield cycle[first:] + cycle[:first]
                break
            walk[current] = len(walk)
            current = up[current]
        done.update(walk)


_CHAIN_SHOWN = 8
"""The most ids a cycle's message lists; a longer cycle is shortened in the middle."""


def _chain_text(chain: list[str]) -> str:
    """The ids of a chain joined by arrows, a long chain shortened to its ends and its length."""
    if len(chain) <= _CHAIN_SHOWN:
        return " → ".join(chain)
    half = _CHAIN_SHOWN // 2
    hidden = len(chain) - 2 * half
    return " → ".join([*chain[:half], f"… ({hidden} more)", *chain[-half:]])


_FOLD_BATCH = 1024
"""How many names are folded in one call (a call per name would pay OpenCC's overhead a
hundred thousand times in a large export)."""
_SEPARATOR = "\x1e"
"""Joins the names folded in one call."""


def names_once(
    records: Sequence[Any], cls: type, names: Callable[[Any], Iterable[str]]
) -> Iterator[tuple[int, str, str]]:
    """
    (index, field path, message) for each name of a record of *cls* among *records* that
    folds (`fold`: script, width and case) to a name of another record, which would make a
    lookup by that name ambiguous; *names* gives a record's names, its id first.  Records
    with the same id are left to the check of ids.  Names are folded a batch at a time, and
    only the record that first had each folded name is kept.
    """
    owner: dict[str, int] = {}  # folded name → the index of the record that had it first
    batch: list[tuple[int, str]] = []
    for index, record in enumerate(records):
        if isinstance(record, cls):
            batch.extend((index, text) for text in dict.fromkeys(names(record)) if text.strip())
        if len(batch) >= _FOLD_BATCH or (batch and index == len(records) - 1):
            for (at, text), folded in zip(batch, _folded([t for _, t in batch]), strict=True):
                first = owner.setdefault(folded, at)
                if first != at and records[first].id != records[at].id:
                    other = records[first]
                    alike = next(n for n in names(other) if _folded([n]) == [folded])
                    message = (
                        f"{quote(text)} is also a name of {quote(other.id)} ({quote(alike)}, "
                        "alike once script, width and case are set aside): a lookup by it "
                        "would be ambiguous"
                    )
                    yield at, _where(records[at], text), message
            batch.clear()


def _folded(texts: list[str]) -> list[str]:
    """Each of *texts*, stripped and folded: an ASCII name by case alone (all folding does
    to it, and OpenCC need not be loaded for it), the others a batch at a time."""
    found = [text.strip().casefold() if text.isascii() else "" for text in texts]
    others = [i for i, text in enumerate(texts) if not text.isascii()]
    for start in range(0, len(others), _FOLD_BATCH):
        batch = [texts[i].strip() for i in others[start : start + _FOLD_BATCH]]
        folded = fold(_SEPARATOR.join(batch)).split(_SEPARATOR)
        if len(folded) != len(batch):  # a name held the separator: one by one
            folded = [fold(text) for text in batch]
        for i, text in zip(others[start : start + _FOLD_BATCH], folded, strict=True):
            found[i] = text
    return found


def _where(record: Any, text: str) -> str:
    """The path of the field of *record* that holds the name *text* (``aliases[2]``)."""
    for field in attrs.fields(type(record)):
        name: str = field.name
        value = getattr(record, name)
        if value == text:
            return name
        if isinstance(value, tuple) and text in value:
            return f"{name}[{value.index(text)}]"
    return "id"
