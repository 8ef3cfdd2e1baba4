"""
The record kinds, in one place: sources, organisations, people, and the
claims the documents make (predictions, funding, compute trends, debates,
statistics), how predictions turned out, and the ids retired.

Each is an immutable, slotted attrs class holding data and small derived
properties only, defined by what it is about: `_model.entities` (sources,
organisations, people), `_model.claims`, `_model.debates`, `_model.judging`
(resolutions), and here `Tombstone`.  Fields that hold ids of other records say
so in their metadata (`_model.declare.ref`), which drives the integrity check.
The unions `Record` and `Claim` name the kinds.
"""

from __future__ import annotations

from typing import TypeAlias

import attrs

from aiforecasts._model.checks import checked, nonblank, version
from aiforecasts._model.claims import (
    ComputeTrend,
    FundingRound,
    Investment,
    Prediction,
    Statistic,
)
from aiforecasts._model.common import CLAIMS
from aiforecasts._model.debates import Debate, Position
from aiforecasts._model.declare import described, doc, ref
from aiforecasts._model.entities import Company, Person, Role, Source
from aiforecasts._model.judging import Resolution

__all__ = [
    "CLAIMS",
    "Claim",
    "Company",
    "ComputeTrend",
    "Debate",
    "FundingRound",
    "Investment",
    "Person",
    "Position",
    "Prediction",
    "Record",
    "Resolution",
    "Role",
    "Source",
    "Statistic",
    "Tombstone",
]


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Tombstone:
    """
    An id no longer in use: a record removed from the dataset, or merged
    into another, and what it became.  Ids are never reused, so an old id
    stays answerable: looking it up says where it went.

    *added_in* is the dataset version the id was retired in; *became* names
    the records that now hold its claim (empty when it was dropped).

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> all(ds.get(t.id) is None for t in ds.tombstones)
    True

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=doc("The retired id (no record has it now)."))
    kind: str = attrs.field(
        validator=nonblank,
        metadata=doc("The collection the record was in (``predictions``)."),
    )
    reason: str = attrs.field(validator=nonblank, metadata=doc("Why it was retired, in English."))
    became: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "companies",
            "people",
            *CLAIMS,
            "debates",
            doc="Ids of the records that now hold its claim (empty when it was dropped).",
        ),
    )
    added_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc("The dataset version the id was retired in."),
    )
    changed_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc("The dataset version the tombstone last changed in."),
    )

    @property
    def retired_in(self) -> str:
        """The dataset version the id was retired in (its *added_in*)."""
        return self.added_in

    def __str__(self) -> str:
        became = ", ".join(repr(i) for i in self.became)
        what = f"became {became}" if self.became else "was removed"
        return f"{self.id!r} {what} in dataset version {self.added_in}: {self.reason}"


Record: TypeAlias = (
    Source
    | Company
    | Person
    | Prediction
    | FundingRound
    | ComputeTrend
    | Debate
    | Statistic
    | Resolution
    | Tombstone
)
"""Any record kind."""

Claim: TypeAlias = Prediction | FundingRound | ComputeTrend | Statistic
"""A record of a claim kind (see `CLAIMS`): what a document states, as opposed to entities,
debates, resolutions and tombstones."""
