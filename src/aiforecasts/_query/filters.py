"""
The filters each kind has, and each kind's collection class.

Each family of filters (by person, topic, time, money, investor, stance) is a mixin over
`Collection`; a kind's collection class (`Predictions`, `Companies`, ...) takes the families
whose facet its records have, so a type checker refuses a filter a kind lacks
(``ds.sources.backed_by``) and the filters return the kind's own class.
`collection_class` finds a kind's class, or makes one from its facets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

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
from aiforecasts._model.vocab import Currency, Precision, Qualifier, Stance, Topic, Verdict
from aiforecasts._query.arguments import _amount, _as_date, _text, _topic, _typed
from aiforecasts._query.collections import _CLASSES, Collection, R_co

if TYPE_CHECKING:
    import datetime

    from aiforecasts._model.kinds import Kind
    from aiforecasts._query.store import _HasId

__all__ = [
    "Companies",
    "ComputeTrends",
    "Debates",
    "FundingRounds",
    "People",
    "Predictions",
    "Resolutions",
    "Sources",
    "Statistics",
    "Tombstones",
    "collection_class",
]


class _ByPerson(Collection[R_co]):
    __slots__ = ()

    def by(self, person: str) -> Self:
        """
        Records made, claimed, argued or written by a person.

        >>> import aiforecasts
        >>> [d.id for d in aiforecasts.load().debates.by("李彦宏")]
        ['open-source-iq-tax', 'race-on-ai-applications']

        Raises:
            LookupError: if no person goes by that name.
        """
        people = self._facet("people", "by")
        wanted = self._resolve("people", _text(person, "by"), "by")
        return self._select("people", lambda r: frozenset(filter(None, people(r))), wanted)


class _Topical(Collection[R_co]):
    __slots__ = ()

    def about(self, topic: Topic | str) -> Self:
        """
        Records with *topic* (a `Topic` or its value).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.debates.about("open_source").first().id
        'open-vs-closed-models-2024'
        """
        topics = self._facet("topics", "about")
        return self._select("topics", topics, _topic(topic))


class _Timed(Collection[R_co]):
    __slots__ = ()

    def overlapping(self, span: TimeSpan) -> Self:
        """
        Records whose time overlaps *span*: a prediction's horizon, a round's
        date, a trend's period, a figure's date, a source's publication.
        Records without a time are left out.

        >>> import aiforecasts, pendulum
        >>> from aiforecasts import Precision, TimeSpan
        >>> march = TimeSpan(pendulum.Date(2024, 3, 1), pendulum.Date(2024, 3, 31),
        ...                  Precision.MONTH, "March 2024")
        >>> early = aiforecasts.load().predictions.get("google-gemini-ultra-early-2024")
        >>> early in aiforecasts.load().predictions.overlapping(march)
        True
        """
        time = self._facet("span", "overlapping")
        _typed(span, TimeSpan, "overlapping")
        return self._keep(
            lambda record: (found := time(record)) is not None and found.overlaps(span)
        )

    def between(self, start: datetime.date | str | int, end: datetime.date | str | int) -> Self:
        """
        Records whose time overlaps the days from *start* to *end*, both
        included: dates, years, or ISO strings ("2024", "2024-03",
        "2024-03-15"; a year or month reaches to its last day as *end*).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> "openai-microsoft-10b-2023" in ds.funding_rounds.between("2023-01-01", "2023-03-31")
        True
        >>> [r.id for r in ds.funding_rounds.between(2022, 2022)]
        ['stability-ai-100m-round-2022']
        """
        self._facet("span", "between")
        first = _as_date(start, end=False)
        last = _as_date(end, end=True)
        if last < first:
            msg = f"the range ends ({last}) before it starts ({first})"
            raise ValueError(msg)
        return self.overlapping(TimeSpan(first, last, Precision.DAYS, f"{first}–{last}"))

    def ended_before(self, day: datetime.date | str | int) -> Self:
        """
        Records whose time ended before *day*: horizons that are past as of
        that day.  Records without a time are left out.

        >>> import aiforecasts
        >>> past = aiforecasts.load().predictions.ended_before("2026-11-22")
        >>> "nvidia-gpu-cloud-2024" in past
        True
        >>> "ccid-china-intelligent-supercomputing-share-2026" in past
        False
        """
        time = self._facet("span", "ended_before")
        last = _as_date(day, end=False)
        return self._keep(
            lambda record: (found := time(record)) is not None and found.is_past(last)
        )

    def in_year(self, year: int) -> Self:
        """
        Records whose time overlaps the calendar year: a forecast about
        "2024", "early 2024" or "by 2026" (made in 2024) all match 2024.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.predictions.in_year(2024).count() > ds.predictions.in_year(2030).count()
        True
        """
        self._facet("span", "in_year")
        try:
            span = TimeSpan.of_year(year)
        except (ValueError, OverflowError):
            msg = f"expected a year from 1 to 9999, not {year!r}"
            raise ValueError(msg) from None
        return self.overlapping(span)


class _Priced(Collection[R_co]):
    __slots__ = ()

    def amount_between(
        self,
        low: float | str | None = None,
        high: float | str | None = None,
        *,
        currency: Currency | str = Currency.USD,
    ) -> Self:
        """
        Records whose amount of money (a round's amount, a figure's value) may
        lie between *low* and *high* (base units; either may be ``None``).

        A qualified amount is the range it allows: "up to $4B" may be any
        amount up to 4 billion, "over $10B" any amount above 10 billion.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> sorted(r.id for r in ds.funding_rounds.amount_between(3e9, 5e9))
        ['anthropic-amazon-4b-2023']
        """
        money_of = self._facet("money", "amount_between")
        wanted = Currency(currency)
        floor, ceiling = _amount(low, "low"), _amount(high, "high")

        def fits(record: object) -> bool:
            money = money_of(record)
            if money is None or money.currency is not wanted:
                return False
            lo, hi = money.bounds
            return (ceiling is None or lo <= ceiling) and (
                floor is None or hi is None or hi >= floor
            )

        return self._keep(fits)

    def with_qualifier(self, qualifier: Qualifier | str) -> Self:
        """
        Records whose amount of money carries *qualifier*.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> sorted(r.id for r in ds.funding_rounds.with_qualifier("up_to"))
        ['anthropic-alphabet-2b-2023', 'anthropic-amazon-4b-2023']
        """
        money_of = self._facet("money", "with_qualifier")
        wanted = Qualifier(qualifier)
        return self._keep(
            lambda record: (money := money_of(record)) is not None and money.qualifier is wanted
        )


class _Backed(Collection[R_co]):
    __slots__ = ()

    def backed_by(self, investor: str) -> Self:
        """
        Funding rounds in which an organisation or person invested.

        >>> import aiforecasts
        >>> [r.company for r in aiforecasts.load().funding_rounds.backed_by("Intel")]
        ['stability-ai']

        Raises:
            LookupError: if no organisation or person goes by that name.
        """
        investors = self._facet("investors", "backed_by")
        wanted = self._names("backed_by").investor_id(_text(investor, "backed_by"))
        return self._select("investors", lambda r: frozenset(investors(r)), wanted)


class _Argued(Collection[R_co]):
    __slots__ = ()

    def with_stance(self, stance: Stance | str) -> Self:
        """
        Debates in which someone takes *stance* (a `Stance` or its value).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> "open-source-iq-tax" in ds.debates.with_stance("yes")
        True
        """
        stances = self._facet("stances", "with_stance")
        wanted = Stance(stance)
        return self._keep(lambda record: wanted in set(stances(record)))


class Sources(_ByPerson[Source], _Timed[Source], kind="sources"):
    """The source documents: a `Collection` with the filters by person and time.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Companies(Collection[Company], kind="companies"):
    """Companies and other organisations: a `Collection`.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class People(_ByPerson[Person], kind="people"):
    """People: a `Collection` with the filter by person.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Predictions(
    _ByPerson[Prediction], _Topical[Prediction], _Timed[Prediction], kind="predictions"
):
    """Predictions: a `Collection` with the filters by person, topic and time, and by
    when they fall due and how they turned out.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> type(ds.predictions.in_year(2024)).__name__
    'Predictions'

    .. versionadded:: 0.2.0
    """

    __slots__ = ()

    def due_by(self, day: datetime.date | str | int) -> Self:
        """
        Predictions whose horizon ends on or before *day* (a date, a year or
        ``"YYYY[-MM[-DD]]"``, read as its last day): those that are due to be
        judged by then.  Predictions without a horizon are left out.

        >>> import aiforecasts
        >>> due = aiforecasts.load().predictions.due_by(2024)
        >>> "nvidia-gpu-cloud-2024" in due, "ccid-china-compute-360-eflops-2026" in due
        (True, False)

        """
        last = _as_date(day, end=True)
        return self._keep(lambda p: p.horizon is not None and p.horizon.end <= last)

    def resolved(self, verdict: Verdict | str | None = None) -> Self:
        """
        Predictions that a resolution judges — with *verdict*, if given (a
        `Verdict` or its value, ``"came_true"``).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> came_true = ds.predictions.resolved("came_true")
        >>> all(ds.resolution_of(p).verdict.value == "came_true" for p in came_true)
        True

        Raises:
            ValueError: for an unknown verdict.
        """
        wanted = None if verdict is None else Verdict(verdict)
        judged = self._names("resolved").resolutions()
        return self._keep(
            lambda p: p.id in judged and (wanted is None or judged[p.id][0].verdict is wanted)
        )


class FundingRounds(
    _ByPerson[FundingRound],
    _Timed[FundingRound],
    _Priced[FundingRound],
    _Backed[FundingRound],
    kind="funding_rounds",
):
    """Funding rounds: a `Collection` with the filters by person, investor, time and amount.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class ComputeTrends(_ByPerson[ComputeTrend], _Timed[ComputeTrend], kind="compute_trends"):
    """Compute trends: a `Collection` with the filters by person and time.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Debates(_ByPerson[Debate], _Topical[Debate], _Argued[Debate], kind="debates"):
    """Debates: a `Collection` with the filters by person, topic and stance.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Statistics(_Topical[Statistic], _Timed[Statistic], _Priced[Statistic], kind="statistics"):
    """Statistics: a `Collection` with the filters by topic, time and amount.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Resolutions(Collection[Resolution], kind="resolutions"):
    """Resolutions: a `Collection`.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


class Tombstones(Collection[Tombstone], kind="tombstones"):
    """Retired ids: a `Collection`.

    .. versionadded:: 0.2.0
    """

    __slots__ = ()


_FAMILIES: tuple[tuple[str, type[Collection[_HasId]]], ...] = (
    ("people", _ByPerson),
    ("topics", _Topical),
    ("span", _Timed),
    ("money", _Priced),
    ("investors", _Backed),
    ("stances", _Argued),
)
"""Facet → the family of filters it allows."""


def collection_class(kind: Kind[Any]) -> type[Collection[_HasId]]:
    """
    The collection class of *kind*: the one that names it (`Predictions`, ...), else one
    made, once, from the families of filters its facets allow.  A kind needs a class of its
    own only for filters of its own (`Predictions.due_by`) or for type checkers to know its
    filters; `tests/test_kinds.py` holds the classes and the facets together.
    """
    found = _CLASSES.get(kind.name) or _MADE.get(kind.name)
    if found is None:
        bases = tuple(family for facet, family in _FAMILIES if kind.has(facet)) or (Collection,)
        title = "".join(part.title() for part in kind.name.split("_"))
        made = type(title, bases, {"__slots__": (), "__module__": __name__})
        found = _MADE.setdefault(kind.name, made)
    return found


_MADE: dict[str, type[Collection[_HasId]]] = {}
"""Kind name → the collection class `collection_class` made for a kind without its own."""
