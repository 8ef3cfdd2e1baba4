"""
What a kind of record is, for every layer: the declaration of one kind.

Each kind is declared once, as a field of `Dataset` (see ``_dataset.py``):
its class, its collection name (the field's name, which is also its data
file's name and its key in exports), its title, the field that says in
English what a record is, and its *facets* — what its records are about, for
the queries.  Everything that lists kinds (the loader, exports, tables,
schema, command line, docs catalog) reads that one declaration through
``KINDS``.  To add a kind: write its class in ``_records.py`` and declare it
in `Dataset`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, TypeVar

import attrs

from aiforecasts._values import Excerpt, Money, TimeSpan
from aiforecasts._vocab import Stance, Topic

__all__ = ["FACETS", "Kind", "declare", "kinds_of"]

R = TypeVar("R")

_KEY = "aiforecasts.kind"

Ids = Callable[[R], Iterable[str | None]]
"""A facet that names ids (``None`` where a field is empty)."""
Check = Callable[[Sequence[Any], Mapping[str, Sequence[Any]]], Iterable[tuple[int, str, str]]]
"""A rule across records: given a kind's records (some may be unread, `Unread`) and every
collection by name, it yields (index, field path, message) for each record that breaks it."""


def _no_ids(_record: object) -> tuple[str, ...]:
    return ()


def _own_excerpts(record: Any) -> tuple[Excerpt, ...]:
    excerpts: tuple[Excerpt, ...] = record.excerpts
    return excerpts


def _own_id(record: Any) -> tuple[str]:
    return (record.id,)


FACETS = ("companies", "people", "investors", "topics", "span", "money", "stances")
"""The facets a kind may lack; queries on a facet a kind lacks are refused."""


@attrs.frozen
class Kind(Generic[R]):
    """One kind of record, as every layer needs to know it."""

    name: str
    """The collection name: ``predictions``; the data file's stem and the key in exports."""
    cls: type[R]
    title: str
    """A title for people: "Predictions"."""
    english: str
    """The field that says in English what a record is."""
    names: Callable[[R], Iterable[str]] = _own_id
    """What a user may call a record by (its id first)."""
    texts: Callable[[R], Iterable[str | None]] = _no_ids
    """Its text besides names and excerpts, for full-text search."""
    excerpts: Callable[[R], tuple[Excerpt, ...]] = _own_excerpts
    """Every excerpt it quotes (a debate's positions' too)."""
    companies: Ids[R] | None = None
    """The organisations it is about, made by or stated for."""
    people: Ids[R] | None = None
    """The people who made, claimed, argued, invested in or wrote it."""
    investors: Ids[R] | None = None
    topics: Callable[[R], frozenset[Topic]] | None = None
    span: Callable[[R], TimeSpan | None] | None = None
    """The time it is about."""
    money: Callable[[R], Money | None] | None = None
    stances: Callable[[R], Iterable[Stance]] | None = None
    check: Check | None = None
    """Rules across records that types and references cannot hold (see `Check`)."""
    since: int = 1
    """The schema version that introduced the kind: a dataset folder of an
    older schema has no file for it, and reads as having none of its records."""
    collection: Any = None
    """The kind's `Collection` class (`Predictions`, ...), with the filters its facets allow:
    the `Dataset` field's converter."""

    def has(self, facet: str) -> bool:
        """Whether records of this kind have *facet* (one of `FACETS`)."""
        return getattr(self, facet) is not None

    def sources(self, record: R) -> frozenset[str]:
        """The ids of the sources *record* quotes."""
        return frozenset(excerpt.source for excerpt in self.excerpts(record))


def declare(  # noqa: PLR0913 - one keyword per facet
    cls: type[R],
    *,
    title: str,
    english: str,
    names: Callable[[R], Iterable[str]] = _own_id,
    texts: Callable[[R], Iterable[str | None]] = _no_ids,
    excerpts: Callable[[R], tuple[Excerpt, ...]] = _own_excerpts,
    companies: Ids[R] | None = None,
    people: Ids[R] | None = None,
    investors: Ids[R] | None = None,
    topics: Callable[[R], frozenset[Topic]] | None = None,
    span: Callable[[R], TimeSpan | None] | None = None,
    money: Callable[[R], Money | None] | None = None,
    stances: Callable[[R], Iterable[Stance]] | None = None,
    check: Check | None = None,
    since: int = 1,
) -> Mapping[str, Kind[R]]:
    """
    The field metadata that declares a kind of record on `Dataset`::

        predictions: Collection[Prediction] = attrs.field(
            metadata=declare(Prediction, title="Predictions", english="statement", ...)
        )

    The field's name becomes the kind's name.
    """
    kind = Kind(
        "",
        cls,
        title,
        english,
        names,
        texts,
        excerpts,
        companies,
        people,
        investors,
        topics,
        span,
        money,
        stances,
        check,
        since,
    )
    return {_KEY: kind}


def kinds_of(cls: type) -> tuple[Kind[Any], ...]:
    """The kinds declared on the attrs class *cls*, in field order, each named by its field."""
    return tuple(
        attrs.evolve(field.metadata[_KEY], name=field.name, collection=field.converter)
        for field in attrs.fields(cls)
        if _KEY in field.metadata
    )
