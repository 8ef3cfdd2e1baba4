"""
The kinds of record: what each kind is, for every layer, declared once.

`KINDS` is the registry: one `Kind` per kind of record, in the order files are
read and exported.  A kind's declaration gives its class, its collection name
(its data file's stem and its key in exports), its title, the field that says
in English what a record is, what a user may call a record by, the text
search reads, its *facets* (what its records are about, for the queries), the
columns tables add to its fields, its rules across records, and the schema
version that brought it.  The loader, codec, exports, tables, search,
renderer, curation, command line and docs catalog read it here; `Dataset`
holds one collection per kind (``tests/test_kinds.py`` holds the two
together).

To add a kind: write its class in ``_model/records.py``, declare it here (``since``
the schema version that brings it: older files have no file for it, so it
needs no migration), give `Dataset` an attribute of its name, and export the
class's name from ``__init__.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, Generic, TypeVar

import attrs

from aiforecasts._model.figures import Money
from aiforecasts._model.provenance import Excerpt
from aiforecasts._model.records import (
    Company,
    ComputeTrend,
    Debate,
    FundingRound,
    Person,
    Prediction,
    Resolution,
    Source,
    Statistic,
    Tombstone,
)
from aiforecasts._model.spans import TimeSpan
from aiforecasts._model.vocab import Currency, Stance, Topic, Verdict

Check = Callable[[Sequence[Any], Mapping[str, Sequence[Any]]], Iterable[tuple[int, str, str]]]
"""A rule across records: given a kind's records (some may be unread, `Unread`) and every
collection by name, it yields (index, field path, message) for each record that breaks it."""

__all__ = ["FACETS", "KINDS", "KIND_NAMED", "KIND_OF", "Check", "Derived", "Kind"]

R = TypeVar("R")

Ids = Callable[[R], Iterable[str | None]]
"""A facet that names ids (``None`` where a field is empty)."""


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
class Derived:
    """A column computed from a record's fields, not stated by its document."""

    name: str
    description: str
    compute: Callable[[Any], float | Decimal | None]
    exact: bool = False
    """Whether the value is an exact decimal (else a float)."""


@attrs.frozen(kw_only=True)
class Kind(Generic[R]):
    """One kind of record, as every layer needs to know it."""

    name: str
    """The collection name: ``predictions``; the data file's stem and the key in exports."""
    cls: type[R]
    title: str
    """A title for people: "Predictions"."""
    english: str
    """The field that says in English what a record is."""
    label: str | None = None
    """The field people call a record by in a listing (a name, a title, a statement), if any."""
    named: bool = False
    """Whether users call its records by names besides their ids (messages then name a
    record by its `label`, else by its id)."""
    names: Callable[[R], Iterable[str]] = _own_id
    """What a user may call a record by (its id first)."""
    texts: Callable[[R], Iterable[str | None]] = _no_ids
    """Its text besides names and excerpts, for full-text search."""
    excerpts: Callable[[R], tuple[Excerpt, ...]] = _own_excerpts
    """Every excerpt it quotes (a debate's positions' too)."""
    excerpts_name_it: bool = False
    """Whether its excerpts are where a record is named rather than what it says (an
    organisation, a person, a document): search weighs them as it weighs notes."""
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
    derived: tuple[Derived, ...] = ()
    """The columns every tabular form (CSV, Arrow, Parquet, DataFrames) adds to its fields."""
    check: Check | None = None
    """Rules across records that types and references cannot hold (see `Check`)."""
    lacks: Callable[[R], str | None] | None = None
    """What a record read from an older layout lacks that the current one requires (``None``
    when it lacks nothing): such a record cannot be written in the current layout."""
    since: int = 1
    """The schema version that introduced the kind: a dataset folder of an
    older schema has no file for it, and reads as having none of its records."""

    def has(self, facet: str) -> bool:
        """Whether records of this kind have *facet* (one of `FACETS`)."""
        return getattr(self, facet) is not None

    def sources(self, record: R) -> frozenset[str]:
        """The ids of the sources *record* quotes."""
        return frozenset(excerpt.source for excerpt in self.excerpts(record))


# -- rules across records ---------------------------------------------------------------


def _names_once(
    records: Sequence[Any], _collections: Mapping[str, Sequence[Any]]
) -> Iterator[tuple[int, str, str]]:
    """The rule that no name of a record folds to another record's name (see `names_once`):
    each name must find one record."""
    from aiforecasts._model.integrity import names_once  # noqa: PLC0415 - only files read are checked

    kind = next((KIND_OF[type(r)] for r in records if type(r) in KIND_OF), None)
    return iter(()) if kind is None else names_once(records, kind.cls, kind.names)


def _resolution_rules(
    resolutions: Sequence[Any], collections: Mapping[str, Sequence[Any]]
) -> Iterator[tuple[int, str, str]]:
    """
    A resolution judges a prediction once, as its criterion allows: a verdict
    that settles it only once the prediction's time has begun; "too vague"
    exactly for a prediction judged unsettleable; "annulled" only for a
    conditional one; an observed figure only on its target's unit and basis.
    """
    predictions = {p.id: p for p in collections.get("predictions", ()) if isinstance(p, Prediction)}
    judged: dict[str, int] = {}
    for index, resolution in enumerate(resolutions):
        if not isinstance(resolution, Resolution):
            continue  # unread: its own problems are reported
        earlier = judged.setdefault(resolution.prediction, index)
        if earlier != index:
            yield index, "prediction", f"judged twice (also resolutions[{earlier}])"
        prediction = predictions.get(resolution.prediction)
        if prediction is None:
            continue  # a dangling id is reported as such
        yield from ((index, *problem) for problem in _fits(resolution, prediction))


def _fits(resolution: Resolution, prediction: Prediction) -> Iterator[tuple[str, str]]:
    """How *resolution* breaks the rules its *prediction* sets, as (field path, message)."""
    verdict, horizon = resolution.verdict, prediction.horizon
    if verdict.is_resolved and horizon is not None and horizon.start > resolution.as_of:
        message = (
            f"'{verdict.value}' as of {resolution.as_of} for a prediction "
            f"about {horizon.start} onwards: too early to settle"
        )
        yield "verdict", message
    if (verdict is Verdict.TOO_VAGUE) != (prediction.unsettleable is not None) and (
        prediction.voice is not None
    ):
        if verdict is Verdict.TOO_VAGUE:
            yield "verdict", "'too_vague' for a prediction with a criterion (not unsettleable)"
        else:
            yield "verdict", f"'{verdict.value}' for a prediction judged unsettleable: too_vague"
    criterion = prediction.criterion
    if verdict is Verdict.ANNULLED and (criterion is None or criterion.condition is None):
        yield (
            "verdict",
            "'annulled' is for a forecast whose criterion states a condition that failed",
        )
    observed = resolution.observed or resolution.observed_money
    if observed is None:
        if resolution.observed_basis is not None:
            yield "observed_basis", "a basis without an observed figure"
        return
    field = "observed" if resolution.observed is not None else "observed_money"
    if not prediction.targets:
        yield field, "an observed figure for a prediction without a target"
        return
    # The observed figure is measured against one of the targets: like for like.
    errors: list[tuple[str, str]] = []
    for target in prediction.targets:
        try:
            target.met_by(observed, basis=resolution.observed_basis)
        except ValueError as error:  # another unit, currency or basis: not like for like
            across = resolution.observed_basis != target.basis
            errors.append(("observed_basis" if across else field, str(error)))
        else:
            return
    yield errors[0]


# -- what records read from older layouts lack ------------------------------------------


def _prediction_lacks(record: Prediction) -> str | None:
    if record.voice is None:
        return "a voice"
    if record.criterion is None and record.unsettleable is None:
        return "a criterion (or the reason it cannot be settled)"
    return None


def _resolution_lacks(record: Resolution) -> str | None:
    if not record.judgements:
        return "the judges' judgements"
    if any(item.publisher_kind is None for item in record.evidence):
        return "its evidence's publisher kinds"
    return None


# -- derived columns ----------------------------------------------------------------------


def _usd(record: FundingRound, end: int) -> Decimal | None:
    money = record.amount
    if money is None or money.currency is not Currency.USD:
        return None
    bound: Decimal | None = money.bounds[end]
    return bound


_GROWTH = (
    Derived(
        "growth.doubling_months",
        "Derived, not stated: the doubling time in months the stated growth implies "
        "(the middle of a stated range); empty for a level or a decline.",
        lambda r: r.growth.doubling_months,
    ),
    Derived(
        "growth.factor_per_year",
        "Derived, not stated: the factor per year the stated growth implies.",
        lambda r: r.growth.factor_per_year,
    ),
    Derived(
        "growth.cagr_percent",
        "Derived, not stated: the compound annual growth rate in percent it implies.",
        lambda r: r.growth.cagr_percent,
    ),
)
_USD_BOUNDS = (
    Derived(
        "amount.low_usd",
        "Derived, not stated: the least the stated amount allows, in US dollars "
        "('up to $4B' allows 0); empty unless the amount is in US dollars.",
        lambda r: _usd(r, 0),
        exact=True,
    ),
    Derived(
        "amount.high_usd",
        "Derived, not stated: the most the stated amount allows, in US dollars; empty "
        "when it is open-ended ('over $1B') or not in US dollars.",
        lambda r: _usd(r, 1),
        exact=True,
    ),
)


# -- the kinds ----------------------------------------------------------------------------

SOURCES: Kind[Source] = Kind(
    name="sources",
    cls=Source,
    title="Sources",
    english="title_en",
    label="title_en",
    named=True,
    names=lambda r: (r.id, r.title, r.title_en, r.file),
    texts=lambda r: (r.note,),
    excerpts_name_it=True,
    companies=lambda r: (r.outlet,),
    people=lambda r: (r.author,),
    span=lambda r: r.published,
    check=_names_once,
)
COMPANIES: Kind[Company] = Kind(
    name="companies",
    cls=Company,
    title="Companies and other organisations",
    english="name",
    label="name",
    named=True,
    names=lambda r: (r.id, *r.names),
    texts=lambda r: (r.note,),
    excerpts_name_it=True,
    companies=lambda r: (r.id, r.parent),
    check=_names_once,
)
PEOPLE: Kind[Person] = Kind(
    name="people",
    cls=Person,
    title="People",
    english="name_en",
    label="name_en",
    named=True,
    names=lambda r: (r.id, *r.names),
    texts=lambda r: (
        r.note,
        *(text for role in r.roles for text in (role.title, role.title_original)),
    ),
    excerpts_name_it=True,
    companies=lambda r: (role.organization for role in r.roles),
    people=lambda r: (r.id,),
    check=_names_once,
)
PREDICTIONS: Kind[Prediction] = Kind(
    name="predictions",
    cls=Prediction,
    title="Predictions",
    english="statement",
    label="statement",
    texts=lambda r: (r.statement, r.note, r.condition, r.attributed_to),
    companies=lambda r: (*r.companies, *r.made_by),
    people=lambda r: r.made_by,
    topics=lambda r: r.topics,
    span=lambda r: r.horizon,
    lacks=_prediction_lacks,
)
FUNDING_ROUNDS: Kind[FundingRound] = Kind(
    name="funding_rounds",
    cls=FundingRound,
    title="Funding rounds and investments",
    english="statement",
    label="statement",
    texts=lambda r: (r.statement, r.note),
    companies=lambda r: (r.company, *(i.investor for i in r.investors)),
    people=lambda r: (i.investor for i in r.investors),
    investors=lambda r: (i.investor for i in r.investors),
    span=lambda r: r.date,
    money=lambda r: r.amount,
    derived=_USD_BOUNDS,
)
COMPUTE_TRENDS: Kind[ComputeTrend] = Kind(
    name="compute_trends",
    cls=ComputeTrend,
    title="Compute trends",
    english="statement",
    label="statement",
    texts=lambda r: (r.statement, r.note, r.cites),
    companies=lambda r: (*r.companies, *r.claimed_by),
    people=lambda r: r.claimed_by,
    span=lambda r: r.period,
    derived=_GROWTH,
)
DEBATES: Kind[Debate] = Kind(
    name="debates",
    cls=Debate,
    title="Debates",
    english="question_en",
    label="question_en",
    named=True,
    names=lambda r: (r.id, r.question, r.question_en),
    texts=lambda r: (
        r.note,
        *(text for p in r.positions for text in (p.summary, p.holder, p.affiliation)),
    ),
    excerpts=lambda r: r.excerpts + tuple(p.excerpt for p in r.positions),
    companies=lambda r: (p.organization for p in r.positions),
    people=lambda r: (p.speaker for p in r.positions),
    topics=lambda r: r.topics,
    stances=lambda r: (p.stance for p in r.positions),
    check=_names_once,
)
STATISTICS: Kind[Statistic] = Kind(
    name="statistics",
    cls=Statistic,
    title="Statistics",
    english="statement",
    label="statement",
    texts=lambda r: (r.statement, r.note, r.cites),
    companies=lambda r: r.companies,
    topics=lambda r: r.topics,
    span=lambda r: r.date,
    money=lambda r: r.money,
)
RESOLUTIONS: Kind[Resolution] = Kind(
    name="resolutions",
    cls=Resolution,
    title="Resolutions: how the predictions turned out",
    english="rationale",
    names=lambda r: (r.id,),
    texts=lambda r: (
        r.rationale,
        r.parts_held,
        r.note,
        *(text for e in r.evidence for text in (e.title, e.quote, e.publisher)),
    ),
    excerpts=lambda _r: (),
    companies=lambda _r: (),
    check=_resolution_rules,
    lacks=_resolution_lacks,
    since=5,
)
TOMBSTONES: Kind[Tombstone] = Kind(
    name="tombstones",
    cls=Tombstone,
    title="Retired ids",
    english="reason",
    names=lambda _r: (),
    excerpts=lambda _r: (),
    companies=lambda _r: (),
    since=4,
)

KINDS: tuple[Kind[Any], ...] = (
    SOURCES,
    COMPANIES,
    PEOPLE,
    PREDICTIONS,
    FUNDING_ROUNDS,
    COMPUTE_TRENDS,
    DEBATES,
    STATISTICS,
    RESOLUTIONS,
    TOMBSTONES,
)
"""Every kind of record, in the order files are read and exported."""
KIND_NAMED: dict[str, Kind[Any]] = {kind.name: kind for kind in KINDS}
"""Collection name → kind."""
KIND_OF: dict[type, Kind[Any]] = {kind.cls: kind for kind in KINDS}
"""Record class → kind."""
