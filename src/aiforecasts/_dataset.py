"""
The loaded dataset: its collections, the relations between records, and
aggregations over them.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import attrs

from aiforecasts import _facets
from aiforecasts._model import (
    Company,
    ComputeTrend,
    Currency,
    Debate,
    FundingKind,
    FundingRound,
    FundingStatus,
    InvestorRole,
    Person,
    Position,
    Prediction,
    Qualifier,
    Record,
    Source,
    Statistic,
    TimeSpan,
    Topic,
)
from aiforecasts._query import Collection
from aiforecasts._text import fold

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["KINDS", "Dataset", "FundingTotal", "Hit"]

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

_COUNTED = frozenset({FundingStatus.CLOSED, FundingStatus.ANNOUNCED, FundingStatus.REPORTED})


@attrs.frozen
class FundingTotal:
    """
    Money raised by a company, or put in by an investor, with its qualifiers
    respected: the total is a range from *low* (at least) to *high* (at most;
    ``None`` when an "over" amount leaves it open).

    An "up to $4B" pledge raises *high* by 4 billion and *low* by nothing; a
    round's amount counts in full only for a sole investor, and for a lead or
    participant without a stated share towards *high* only.  Cumulative
    "so far" totals, failed or attempted raises and other currencies are
    listed in *excluded*, never summed.

    .. versionadded:: 0.1.0
    """

    key: str
    """The id of the company or investor."""
    currency: Currency
    low: Decimal
    high: Decimal | None
    approximate: bool
    """Whether any amount counted was stated as "about"."""
    counted: tuple[str, ...]
    """Ids of the rounds whose amounts are in the range."""
    undisclosed: tuple[str, ...]
    """Ids of counted rounds that state no amount (or no share of it)."""
    excluded: tuple[str, ...]

    @property
    def is_exact(self) -> bool:
        """Whether the total is known exactly (amounts counted, no bound, no estimate,
        nothing undisclosed."""
        return (
            bool(self.counted)
            and self.low == self.high
            and not self.approximate
            and not self.undisclosed
        )

    def __str__(self) -> str:
        from aiforecasts._model import _number as amount  # noqa: PLC0415

        if self.high is None:
            text = f"over {self.currency.value} {amount(self.low)}"
        elif self.low == self.high:
            text = f"{self.currency.value} {amount(self.low)}"
        else:
            text = f"{self.currency.value} {amount(self.low)} to {amount(self.high)}"
        if self.approximate:
            text = f"about {text}"
        extra = f", {len(self.undisclosed)} undisclosed" if self.undisclosed else ""
        return f"{text} ({len(self.counted)} rounds{extra})"


@attrs.frozen
class Hit:
    """
    A record found by `Dataset.search`, with its score and the matching text.

    .. versionadded:: 0.1.0
    """

    record: Record
    score: int
    """The number of times the words occur, names and titles counting three times."""
    text: str
    """The first text of the record in which a word occurs."""


@attrs.frozen
class Dataset:
    """
    The whole dataset: one read-only, queryable collection per kind of
    record, the relations between records and aggregations over them.

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
        for name in KINDS:
            collection: Collection[Record] = getattr(self, name)
            collection._bind(self)  # noqa: SLF001 - the dataset owns its collections
            for record in collection:
                index.setdefault(record.id, record)
        object.__setattr__(self, "_by_id", index)

    def collections(self) -> dict[str, Collection[Record]]:
        """Collection name → collection, in kind order."""
        return {name: getattr(self, name) for name in KINDS}

    def records(self) -> Iterator[Record]:
        """Every record of every kind, in kind order."""
        for name in KINDS:
            yield from getattr(self, name)

    def get(self, id: str) -> Record | None:  # noqa: A002
        """The record of any kind with *id*, or ``None``."""
        return self._by_id.get(id)

    def _collection(self, kind: str) -> Collection[Record]:
        if kind not in KINDS:
            msg = f"kind must be one of {', '.join(KINDS)}, not {kind!r}"
            raise ValueError(msg)
        collection: Collection[Record] = getattr(self, kind)
        return collection

    def counts(self) -> dict[str, int]:
        """
        The number of records per collection.

        >>> import aiforecasts
        >>> aiforecasts.load().counts()["sources"]
        5
        """
        return {name: len(getattr(self, name)) for name in KINDS}

    # -- relations ----------------------------------------------------------

    def predictions_about(self, company: str) -> Collection[Prediction]:
        """
        Predictions about, or made by, a company (any name, any script).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> "microsoft-openai-rift-2024" in ds.predictions_about("微軟")
        True
        """
        return self.predictions.mentioning(company)

    def funding_of(self, company: str) -> Collection[FundingRound]:
        """
        The funding rounds a company raised or sought.

        >>> import aiforecasts
        >>> [r.id for r in aiforecasts.load().funding_of("Stability AI")][:2]
        ['stability-ai-100m-round-2022', 'stability-ai-4b-valuation-attempt-2023']
        """
        wanted = self.funding_rounds._resolve("companies", company)  # noqa: SLF001
        return self.funding_rounds.where(lambda round_: round_.company == wanted)

    def funding_by(self, investor: str) -> Collection[FundingRound]:
        """
        The funding rounds an organisation or person invested in.

        >>> import aiforecasts
        >>> sorted(r.company for r in aiforecasts.load().funding_by("Microsoft"))
        ['inflection-ai', 'openai', 'openai']
        """
        return self.funding_rounds.backed_by(investor)

    def positions_of(self, person: str) -> list[tuple[Debate, Position]]:
        """
        A person's positions across all debates, with the debate of each.

        >>> import aiforecasts
        >>> [(d.id, p.stance.value) for d, p in aiforecasts.load().positions_of("Robin Li")]
        [('open-source-iq-tax', 'yes'), ('race-on-ai-applications', 'mixed')]
        """
        wanted = self.debates._resolve("people", person)  # noqa: SLF001
        return [
            (debate, position)
            for debate in self.debates
            for position in debate.positions
            if position.speaker == wanted
        ]

    def citing(self, source: str) -> list[Record]:
        """
        Every record, of any kind, that quotes a source (by id, title or file).

        >>> import aiforecasts
        >>> len(aiforecasts.load().citing("004_3cedf37b46dd57ca.txt")) > 50
        True
        """
        wanted = self.sources._resolve("sources", source)  # noqa: SLF001
        return [record for record in self.records() if wanted in _facets.sources_of(record)]

    # -- search -------------------------------------------------------------

    def search(self, text: str, *, limit: int | None = 20) -> list[Hit]:
        """
        Full-text search over the English and Chinese text of every kind:
        records holding every word of *text*, in any script and case, best
        first.

        >>> import aiforecasts
        >>> hits = aiforecasts.load().search("英偉達 雲")
        >>> hits[0].record.id
        'nvidia'
        """
        terms = fold(text).split()
        if not terms:
            return []
        hits: list[Hit] = []
        for name in KINDS:
            collection: Collection[Record] = getattr(self, name)
            for record in collection.search(text):
                hits.append(_score(record, terms))
        hits.sort(key=lambda hit: -hit.score)
        return hits if limit is None else hits[:limit]

    # -- aggregations -------------------------------------------------------

    def funding_totals(
        self,
        by: Literal["company", "investor"] = "company",
        *,
        currency: Currency | str = Currency.USD,
    ) -> dict[str, FundingTotal]:
        """
        Money raised per company, or invested per investor, qualifiers
        respected (see `FundingTotal`): open-ended totals first, then by
        upper bound.

        >>> import aiforecasts
        >>> totals = aiforecasts.load().funding_totals(by="company")
        >>> print(totals["anthropic"])
        USD 0 to 6,000,000,000 (2 rounds)
        >>> print(aiforecasts.load().funding_totals(by="investor")["microsoft"])
        USD 10,000,000,000 to 11,300,000,000 (2 rounds)
        >>> print(aiforecasts.load().funding_totals(by="investor")["nvidia"])
        over USD 0 (8 rounds, 8 undisclosed)
        """
        if by not in ("company", "investor"):
            msg = f"by must be 'company' or 'investor', not {by!r}"
            raise ValueError(msg)
        currency = Currency(currency)
        parts: dict[str, list[_Part]] = {}
        excluded: dict[str, list[str]] = {}
        for round_ in self.funding_rounds:
            money = round_.amount
            keys = [round_.company] if by == "company" else [i.investor for i in round_.investors]
            if (
                round_.kind is FundingKind.TOTAL
                or round_.status not in _COUNTED
                or (money is not None and money.currency is not currency)
            ):
                for key in keys:
                    excluded.setdefault(key, []).append(round_.id)
                continue
            for key in keys:
                part = _part(round_, key if by == "investor" else None, currency)
                if part is None:  # this investor's stated share is in another currency
                    excluded.setdefault(key, []).append(round_.id)
                else:
                    parts.setdefault(key, []).append(part)
        totals = {
            key: _total(key, currency, rows, excluded.get(key, [])) for key, rows in parts.items()
        }
        for key, ids in excluded.items():
            totals.setdefault(key, _total(key, currency, [], ids))
        return dict(sorted(totals.items(), key=lambda item: -_largest(item[1])))

    def counts_by_topic(self, kind: str | None = None) -> dict[Topic, int]:
        """
        How many records carry each topic, most first (of one kind, or all).

        >>> import aiforecasts
        >>> counts = aiforecasts.load().counts_by_topic("predictions")
        >>> counts[aiforecasts.Topic.OPEN_SOURCE] > 0
        True
        """
        records = self._collection(kind) if kind else self.records()
        counter: Counter[Topic] = Counter()
        for record in records:
            counter.update(_facets.topics_of(record))
        return dict(counter.most_common())

    def counts_by_year(self, kind: str = "predictions") -> dict[int, int]:
        """
        How many records of a kind concern each calendar year (a record whose
        time spans several years counts in each), in year order.

        >>> import aiforecasts
        >>> by_year = aiforecasts.load().counts_by_year("predictions")
        >>> max(by_year, key=by_year.get)
        2024
        """
        counter: Counter[int] = Counter()
        for record in self._collection(kind):
            span: TimeSpan | None = _facets.span_of(record)
            if span is not None:
                counter.update(range(span.start.year, span.end.year + 1))
        return dict(sorted(counter.items()))


@attrs.frozen
class _Part:
    """One round's contribution to a total."""

    round_id: str
    low: Decimal
    high: Decimal | None
    approximate: bool = False
    undisclosed: bool = False


def _part(round_: FundingRound, investor: str | None, currency: Currency) -> _Part | None:
    """What *round_* adds to its company's total, or to *investor*'s (None: other currency)."""
    money = round_.amount
    shared = False
    if investor is not None:
        investment = next(i for i in round_.investors if i.investor == investor)
        if investment.amount is not None:
            money = investment.amount
        elif investment.role is not InvestorRole.SOLE:
            # A lead or participant with no stated share put in anything up to the whole.
            shared = True
    if money is None:
        return _Part(round_.id, Decimal(0), None, undisclosed=True)
    if money.currency is not currency:
        return None
    low, high = money.bounds
    return _Part(round_.id, Decimal(0) if shared else low, high, money.qualifier is Qualifier.ABOUT)


def _total(key: str, currency: Currency, parts: list[_Part], excluded: list[str]) -> FundingTotal:
    highs = [part.high for part in parts]
    return FundingTotal(
        key,
        currency,
        sum((part.low for part in parts), Decimal(0)),
        None if None in highs else sum((h for h in highs if h is not None), Decimal(0)),
        any(part.approximate for part in parts),
        tuple(part.round_id for part in parts),
        tuple(part.round_id for part in parts if part.undisclosed),
        tuple(excluded),
    )


def _largest(total: FundingTotal) -> Decimal:
    """The sort key: the upper bound, open-ended totals first."""
    return total.high if total.high is not None else Decimal("Infinity")


def _score(record: Record, terms: list[str]) -> Hit:
    names = {fold(name) for name in _facets.names_of(record)}
    score = 0
    first = ""
    for text in _facets.texts_of(record):
        folded = fold(text)
        found = sum(folded.count(term) for term in terms)
        if found and not first:
            first = text
        score += found * (3 if folded in names else 1)
    return Hit(record, score, first)
