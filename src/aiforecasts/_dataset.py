"""
The loaded dataset and its typed, read-only collections.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar, overload

import attrs

from aiforecasts._model import (
    Company,
    ComputeTrend,
    Debate,
    FundingRound,
    Person,
    Prediction,
    Record,
    Source,
    Statistic,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["KINDS", "Collection", "Dataset"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R_co = TypeVar("R_co", bound=_HasId, covariant=True)

KINDS: dict[str, type[Record]] = {
    "sources": Source,
    "companies": Company,
    "people": Person,
    "predictions": Prediction,
    "funding_rounds": FundingRound,
    "compute_trends": ComputeTrend,
    "debates": Debate,
    "statistics": Statistic,
}
"""Collection name → record class, in the order files are read and exported."""


class Collection(Sequence[R_co], Generic[R_co]):
    """
    A read-only, ordered collection of one kind of record.

    It is a `collections.abc.Sequence` (index, iterate, ``len``) that also
    finds records by id.

    >>> import aiforecasts
    >>> companies = aiforecasts.load().companies
    >>> companies.get("nvidia").name
    'Nvidia'
    >>> companies.get("no-such-id") is None
    True

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_by_id", "_records")

    def __init__(self, records: Iterable[R_co]) -> None:
        self._records: tuple[R_co, ...] = tuple(records)
        self._by_id: dict[str, R_co] | None = None

    def _index(self) -> dict[str, R_co]:
        # Built on first use; a race builds two equal dicts, which is harmless.
        index = self._by_id
        if index is None:
            index = self._by_id = {record.id: record for record in self._records}
        return index

    def get(self, id: str) -> R_co | None:  # noqa: A002
        """The record with *id*, or ``None``."""
        return self._index().get(id)

    def ids(self) -> tuple[str, ...]:
        """The ids of all records, in order."""
        return tuple(record.id for record in self._records)

    @overload
    def __getitem__(self, index: int) -> R_co: ...
    @overload
    def __getitem__(self, index: slice) -> Collection[R_co]: ...
    def __getitem__(self, index: int | slice) -> R_co | Collection[R_co]:
        if isinstance(index, slice):
            return Collection(self._records[index])
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R_co]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._index()
        return item in self._records

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"<Collection of {len(self._records)} records>"


@attrs.frozen
class Dataset:
    """
    The whole dataset: one read-only collection per kind of record.

    Get it from `aiforecasts.load`; it is immutable and safe to share between
    threads.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> ds.get("nvidia") is ds.companies.get("nvidia")
    True

    .. versionadded:: 0.1.0
    """

    dataset_version: str
    """The version of the data, apart from the package's version."""
    schema_version: int
    """The version of the record layout the data files use."""
    sources: Collection[Source]
    companies: Collection[Company]
    people: Collection[Person]
    predictions: Collection[Prediction]
    funding_rounds: Collection[FundingRound]
    compute_trends: Collection[ComputeTrend]
    debates: Collection[Debate]
    statistics: Collection[Statistic]
    _by_id: dict[str, Record] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Record] = {}
        for record in self.records():
            index.setdefault(record.id, record)
        object.__setattr__(self, "_by_id", index)

    def collections(self) -> dict[str, Collection[Record]]:
        """Collection name → collection, in `KINDS` order."""
        return {name: getattr(self, name) for name in KINDS}

    def records(self) -> Iterator[Record]:
        """Every record of every kind, in `KINDS` order."""
        for name in KINDS:
            yield from getattr(self, name)

    def get(self, id: str) -> Record | None:  # noqa: A002
        """The record of any kind with *id*, or ``None``."""
        return self._by_id.get(id)

    def counts(self) -> dict[str, int]:
        """
        The number of records per collection.

        >>> import aiforecasts
        >>> aiforecasts.load().counts()["sources"] >= 1
        True
        """
        return {name: len(getattr(self, name)) for name in KINDS}
