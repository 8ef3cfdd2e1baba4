"""
What changed between two datasets, record by record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiforecasts._dataset import KIND_OF
from aiforecasts._records import Record

if TYPE_CHECKING:
    from aiforecasts._dataset import Dataset

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
    (matched by id; the version fields themselves are not counted as changes).

    It is true when there is any difference.

    .. versionadded:: 0.1.0
    """

    added: tuple[Record, ...]
    removed: tuple[Record, ...]
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
    return DatasetDiff(
        tuple(after[k] for k in sorted(after.keys() - before.keys(), key=order.__getitem__)),
        tuple(before[k] for k in sorted(before.keys() - after.keys(), key=order.__getitem__)),
        tuple(sorted(changed, key=lambda c: order[(KIND_OF[type(c.new)].name, c.new.id)])),
    )
