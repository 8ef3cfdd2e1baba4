"""
What changed between two datasets, record by record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiforecasts._model.kinds import KIND_OF
from aiforecasts._model.records import Record, Tombstone

if TYPE_CHECKING:
    from aiforecasts._query.dataset import Dataset

__all__ = ["Change", "DatasetDiff", "diff"]

_VERSIONS = ("added_in", "changed_in")


@attrs.frozen
class Change:
    """
    One record present in both datasets, with the fields that differ.

    .. versionadded:: 0.1.0
    """

    old: Record
    new: Record
    fields: tuple[str, ...]


@attrs.frozen
class DatasetDiff:
    """
    What changed between two datasets: records added, removed and changed
    (matched by id; the version fields themselves are not counted as changes),
    and the ids retired on the way, with what each became.

    It is true when there is any difference.

    .. versionadded:: 0.1.0
    """

    added: tuple[Record, ...]
    """Records in the new dataset only (tombstones apart)."""
    removed: tuple[Record, ...]
    """Records in the old dataset only."""
    changed: tuple[Change, ...]
    retired: tuple[Tombstone, ...] = ()
    """The tombstones the new dataset adds, saying what each removed id became."""

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.retired)

    def __str__(self) -> str:
        lines = [
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        ]
        why = {t.id: t for t in self.retired}
        lines += [f"+ {r.id}" for r in self.added]
        lines += [
            f"- {r.id}" + (f" ({_became(why[r.id])})" if r.id in why else "") for r in self.removed
        ]
        lines += [f"~ {c.new.id}: {', '.join(c.fields)}" for c in self.changed]
        return "\n".join(lines)


def _became(tombstone: Tombstone) -> str:
    if tombstone.became:
        return "became " + ", ".join(tombstone.became)
    return "dropped"


def diff(old: Dataset, new: Dataset) -> DatasetDiff:
    """
    The records added, removed and changed from *old* to *new*.

    >>> import aiforecasts, attrs
    >>> ds = aiforecasts.load()
    >>> print(aiforecasts.diff(ds, ds))
    0 added, 0 removed, 0 changed

    A removed record whose id the new dataset retires says what it became:

    >>> from decimal import Decimal
    >>> record = aiforecasts.Statistic(
    ...     "token-price-now", "A stand-in for the retired record.", ds.statistics[0].excerpts,
    ...     money=aiforecasts.Money(Decimal("0.06"), aiforecasts.Currency.USD),
    ...     added_in="2026.1", changed_in="2026.1")
    >>> old = attrs.evolve(ds, statistics=[*ds.statistics, record], tombstones=[])
    >>> print(aiforecasts.diff(old, ds))
    0 added, 1 removed, 0 changed
    - token-price-now (became token-price-decline-a16z)

    .. versionadded:: 0.1.0
    """
    before = {(name, r.id): r for name, rs in old.collections().items() for r in rs}
    after = {(name, r.id): r for name, rs in new.collections().items() for r in rs}
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
    new_keys = sorted(after.keys() - before.keys(), key=order.__getitem__)
    return DatasetDiff(
        tuple(after[k] for k in new_keys if k[0] != "tombstones"),
        tuple(
            before[k]
            for k in sorted(before.keys() - after.keys(), key=order.__getitem__)
            if k[0] != "tombstones"
        ),
        tuple(sorted(changed, key=lambda c: order[(KIND_OF[type(c.new)].name, c.new.id)])),
        tuple(r for k in new_keys if isinstance(r := after[k], Tombstone)),
    )
