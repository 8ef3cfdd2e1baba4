"""
The dataset: one collection per kind of record, the relations between
records, and aggregations over them.

`Dataset` has one attribute per kind that ``_model.kinds.KINDS`` declares, in the same
order, each a collection of the kind's own class (``tests/test_kinds.py`` holds
the two together).
"""

from __future__ import annotations

import copyreg
import heapq
from collections import Counter
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiforecasts._model.kinds import KIND_NAMED, KINDS, Kind
from aiforecasts._model.records import (
    CLAIMS,
    Claim,
    Debate,
    Position,
    Prediction,
    Record,
    Resolution,
    Tombstone,
)
from aiforecasts._model.vocab import Currency, Hedge, Topic
from aiforecasts._query.arguments import _as_date, _text
from aiforecasts._query.collections import (
    Collection,
    adopted,
    derived,
    is_root,
    kind_of,
    refs_of,
    resolver_of,
    scores_of,
    store_of,
)
from aiforecasts._query.filters import (
    Companies,
    ComputeTrends,
    Debates,
    FundingRounds,
    People,
    Predictions,
    Resolutions,
    Sources,
    Statistics,
    Tombstones,
    collection_class,
)
from aiforecasts._query.names import _Resolver, by_prediction
from aiforecasts._query.store import _HasId, _Store

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

    from aiforecasts._model.spans import TimeSpan
    from aiforecasts._model.vocab import Voice
    from aiforecasts._query.funding import FundingTotal
    from aiforecasts._query.scores import By, Scorecard
    from aiforecasts._query.search import Hit

__all__ = ["Dataset"]


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

    # -- one collection per kind of `KINDS`, in its order ------------------------

    sources: Sources = attrs.field(converter=Sources)
    """The source documents."""
    companies: Companies = attrs.field(converter=Companies)
    """Companies, labs, investors, universities, governments and other organisations."""
    people: People = attrs.field(converter=People)
    """The people the documents name."""
    predictions: Predictions = attrs.field(converter=Predictions)
    """Forecasts the documents make or report."""
    funding_rounds: FundingRounds = attrs.field(converter=FundingRounds)
    """Funding rounds and investments, with or without amounts."""
    compute_trends: ComputeTrends = attrs.field(converter=ComputeTrends)
    """Growth-rate, capacity and cost-trend claims about compute."""
    debates: Debates = attrs.field(converter=Debates)
    """Contested questions and the positions taken on them."""
    statistics: Statistics = attrs.field(converter=Statistics)
    """Other quantitative statements (prices, market values, shares, costs)."""
    resolutions: Resolutions = attrs.field(converter=Resolutions, factory=Resolutions)
    """How the predictions turned out, with cited evidence, kept apart from what
    the documents say; none by default."""
    tombstones: Tombstones = attrs.field(converter=Tombstones, factory=Tombstones)
    """Ids no longer in use and what each became (see `retired`); none by default."""

    _cache: dict[str, Any] = attrs.field(init=False, eq=False, repr=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        # The dataset holds collections of its own, over the records it was
        # given, all resolving names through one resolver of this dataset;
        # the collections it was given are left as they were.
        stores = {}
        for kind in KINDS:
            store = store_of(getattr(self, kind.name))  # the tables depend on records alone
            strangers = store.strangers(kind.cls)
            if strangers:
                names = ", ".join(sorted(strangers))
                msg = f"{kind.name} holds {kind.cls.__name__} records, not {names}"
                raise TypeError(msg)
            stores[kind.name] = store
        resolver = _Resolver(self.dataset_version, KIND_NAMED, stores)
        for kind in KINDS:
            store = stores[kind.name]
            own = adopted(collection_class(kind), store, kind, resolver)
            object.__setattr__(self, kind.name, own)

    @property
    def _by_id(self) -> dict[str, Record]:
        """Id → record, of every kind but tombstones (built on first use)."""
        found: dict[str, Record] | None = self._cache.get("by_id")
        if found is None:
            index: dict[str, Record] = {}
            for kind in KINDS:
                if kind.cls is not Tombstone:
                    for record in getattr(self, kind.name):
                        index.setdefault(record.id, record)
            found = self._cache.setdefault("by_id", index)
        return found

    def __copy__(self) -> Dataset:
        return self  # immutable

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled as its versions and records: the indexes, caches and locks built on
        # first use are left behind, and built again by the copy when it needs them.
        records = {kind.name: store_of(getattr(self, kind.name)).records for kind in KINDS}
        return _dataset_of, (self.dataset_version, self.schema_version, records)

    def __deepcopy__(self, _memo: dict[int, object]) -> Dataset:
        return self  # immutable

    def collections(self) -> dict[str, Collection[Record]]:
        """Collection name → collection, in kind order."""
        return {kind.name: getattr(self, kind.name) for kind in KINDS}

    def records(self) -> Iterator[Record]:
        """Every record of every kind, in kind order."""
        for kind in KINDS:
            yield from getattr(self, kind.name)

    def get(self, id: str) -> Record | None:  # noqa: A002
        """The record of any kind with *id*, or ``None`` (a retired id too: see `retired`)."""
        return self._by_id.get(id)

    def retired(self, id: str) -> Tombstone | None:  # noqa: A002
        """
        The tombstone of a retired id — what it became and when — or ``None``
        when *id* was never retired.  Ids are never reused.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> tombstone = ds.retired("frontier-model-compute-nearly-10x-per-year")
        >>> tombstone.became, tombstone.retired_in
        (('frontier-model-compute-doubling-3-4-months',), '2026.2')
        >>> ds.retired("nvidia") is None
        True
        """
        return self.tombstones.get(id)

    def resolution_of(self, prediction: str | Prediction) -> Resolution | None:
        """
        How a prediction (a `Prediction` or its id) turned out: its
        `Resolution`, or ``None`` when none judges it.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.resolution_of("humane-ai-pin-delivery-march-2024").verdict.value
        'partly'
        """
        if isinstance(prediction, Prediction):
            wanted = prediction.id
        else:
            wanted = _text(prediction, "resolution_of", "prediction or its id")
        found = by_prediction(store_of(self.resolutions)).get(wanted)
        return found[0] if found else None

    def scores(  # noqa: PLR0913 - keyword-only options
        self,
        by: By = "source",
        *,
        as_of: datetime.date | str | int | None = None,
        partly: float = 0.5,
        probabilities: Mapping[Hedge, float] | None = None,
        voices: Iterable[Voice | str] | None = None,
        framed: bool = True,
    ) -> dict[str, Scorecard]:
        """
        How the predictions of each source, forecaster, company, topic or
        hedge level turned out: a `Scorecard` each (counts per verdict, hit
        rate with a 95 % Wilson interval, Brier, skill and log scores,
        calibration per hedge), most settled first.

        A forecast is credited to whoever made it (`Prediction.voice`):
        *by* ``"source"`` counts each document's own forecasts; ``"forecaster"``
        the own and quoted ones, each under the person or organisation who
        made it (a document's own under its author, or the document where it
        names none); ``"about"`` groups by the companies a forecast is about,
        ``"topic"`` by topic, ``"hedge"`` by hedge, all counting own and quoted
        forecasts.  *voices* asks for others (reported, rejected).

        *as_of* scores with what was knowable by then (a date, a year or
        ``"YYYY[-MM[-DD]]"``, read as its last day); *partly* is the weight of
        a "partly" verdict; *probabilities* maps each hedge to the probability
        it stands for (`HEDGE_PROBABILITY` by default); ``framed=False`` leaves
        out forecasts whose horizon comes from the document's framing, not
        their own words.  Annulled and too vague forecasts are scored nowhere.
        See the methodology in the docs.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> card = ds.scores(by="source")["zhigu-2023-review-2024-outlook"]
        >>> card.settled > 10, 0 < card.hit_rate < 1, card.interval.low < card.hit_rate
        (True, True, True)
        >>> early = ds.scores(by="source", as_of="2024-06-30")
        >>> early["zhigu-2023-review-2024-outlook"].settled < card.settled
        True
        >>> sorted(ds.scores(by="forecaster"))[:2]
        ['allen-newell', 'andy-jassy']

        Raises:
            ValueError: for an unknown *by* or voice, a weight or probability
                outside 0..1, or a malformed date.
        """
        from aiforecasts._query.scores import score  # noqa: PLC0415 - on first use
        from aiforecasts._query.tallies import Columns  # noqa: PLC0415

        day = None if as_of is None else _as_date(as_of, end=True)
        columns = self._cache.get("scoring")
        if columns is None:  # worked out once: the dataset never changes
            authors = {s.id: s.author or s.id for s in self.sources}
            columns = self._cache.setdefault(
                "scoring",
                Columns.of(
                    store_of(self.predictions).records,  # its own, without a copy
                    store_of(self.resolutions).records,
                    authors,
                ),
            )
        return score(
            columns,
            by=by,
            as_of=day,
            partly=partly,
            probabilities=probabilities,
            voices=voices,
            framed=framed,
        )

    def claims(self) -> list[tuple[Record, ...]]:
        """
        Every claim once: the records of the claim kinds (predictions, funding
        rounds, compute trends, statistics), with the records of other kinds
        that state the same claim (`Prediction.same_claim` and the like)
        grouped together, in kind order.  ``len(ds.claims())`` counts each
        claim once.  Debates are
        questions, not claims: their positions refer to the claims they state
        (`Position.claims`).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> claims = ds.claims()
        >>> records = len(ds.predictions) + len(ds.funding_rounds)
        >>> records += len(ds.compute_trends) + len(ds.statistics)
        >>> len(claims) < records
        True
        >>> ccid = "ccid-china-compute-360-eflops-2026"
        >>> next([r.id for r in claim] for claim in claims if claim[0].id == ccid)
        ['ccid-china-compute-360-eflops-2026', 'ccid-china-capacity-2026']
        """
        groups: list[tuple[Record, ...]] = []
        placed: set[str] = set()
        for name in CLAIMS:
            for record in getattr(self, name):
                if record.id in placed:
                    continue
                group: dict[str, Record] = {}
                todo = [record]
                while todo:
                    current = todo.pop()
                    if current.id in group:
                        continue
                    group[current.id] = current
                    for other in getattr(current, "same_claim", ()):
                        found = self._by_id.get(other)
                        if found is not None:
                            todo.append(found)
                placed.update(group)
                groups.append(tuple(group.values()))
        return groups

    def contradictions(self) -> list[tuple[Claim, Claim]]:
        """
        The places where the documents disagree: each pair of claim records
        from different documents that cannot both be true as stated
        (`Prediction.contradicts` and the like), once, in kind order.  Each
        record's note says how the two differ.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> pairs = ds.contradictions()
        >>> all(b.id in a.contradicts and a.id in b.contradicts for a, b in pairs)
        True
        >>> all(a.excerpts[0].source != b.excerpts[0].source for a, b in pairs)
        True
        """
        pairs: list[tuple[Claim, Claim]] = []
        seen: set[frozenset[str]] = set()
        for name in CLAIMS:
            for record in getattr(self, name):
                for other_id in record.contradicts:
                    other = self._by_id.get(other_id)
                    pair = frozenset((record.id, other_id))
                    if isinstance(other, Claim) and pair not in seen:
                        seen.add(pair)
                        pairs.append((record, other))
        return pairs

    def _kind(self, name: str, facet: str | None = None) -> Kind[Any]:
        kind = KIND_NAMED.get(name)
        if kind is None:
            msg = f"kind must be one of {', '.join(KIND_NAMED)}, not {name!r}"
            raise ValueError(msg)
        if facet is not None and not kind.has(facet):
            having = ", ".join(k.name for k in KINDS if k.has(facet))
            msg = f"{name} have no {facet}; the kinds that have: {having}"
            raise ValueError(msg)
        return kind

    def counts(self) -> dict[str, int]:
        """
        The number of records per collection.

        >>> import aiforecasts
        >>> counts = aiforecasts.load().counts()
        >>> list(counts)[:3], counts["sources"] == len(aiforecasts.load().sources)
        (['sources', 'companies', 'people'], True)
        """
        return {kind.name: len(getattr(self, kind.name)) for kind in KINDS}

    # -- relations ----------------------------------------------------------

    def predictions_about(self, company: str) -> Predictions:
        """
        Predictions about, or made by, a company (any name, any script).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> "microsoft-openai-rift-2024" in ds.predictions_about("微軟")
        True
        """
        return self.predictions.mentioning(_text(company, "predictions_about"))

    def funding_of(self, company: str) -> FundingRounds:
        """
        The funding rounds a company raised or sought.

        >>> import aiforecasts
        >>> [r.id for r in aiforecasts.load().funding_of("Stability AI")][:2]
        ['stability-ai-100m-round-2022', 'stability-ai-4b-valuation-attempt-2023']
        """
        wanted = self.companies.lookup(_text(company, "funding_of")).id
        return self.funding_rounds.where(lambda round_: round_.company == wanted)

    def funding_by(self, investor: str) -> FundingRounds:
        """
        The funding rounds an organisation or person invested in.

        >>> import aiforecasts
        >>> sorted(r.company for r in aiforecasts.load().funding_by("Microsoft"))
        ['inflection-ai', 'openai', 'openai']
        """
        return self.funding_rounds.backed_by(_text(investor, "funding_by"))

    def positions_of(self, person: str) -> list[tuple[Debate, Position]]:
        """
        A person's positions across all debates, with the debate of each.

        >>> import aiforecasts
        >>> [(d.id, p.stance.value) for d, p in aiforecasts.load().positions_of("Robin Li")]
        [('open-source-iq-tax', 'yes'), ('race-on-ai-applications', 'mixed')]
        """
        wanted = self.people.lookup(_text(person, "positions_of")).id
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
        wanted = self.sources.lookup(_text(source, "citing")).id
        return [
            record
            for kind in KINDS
            for record in getattr(self, kind.name)
            if wanted in kind.sources(record)
        ]

    # -- search -------------------------------------------------------------

    def search(self, text: str, *, limit: int | None = 20) -> list[Hit]:
        """
        Full-text search over the English and Chinese text of every kind,
        best first: the records `Collection.search` finds in each kind,
        ranked by where the query matched (names and titles above statements,
        statements above excerpts and notes), each with a snippet of the
        text it matched in.

        >>> import aiforecasts
        >>> hits = aiforecasts.load().search("英偉達 雲")
        >>> hits[0].record.id
        'nvidia'
        >>> hit = aiforecasts.load().search("智商税")[0]
        >>> hit.record.id, hit.snippet
        ('open-source-iq-tax', '开源是不是“智商税”?')
        """
        from aiforecasts._query.matching import Found  # noqa: PLC0415 - on first search
        from aiforecasts._query.search import Hit, fields_of  # noqa: PLC0415
        from aiforecasts._query.snippets import snippet  # noqa: PLC0415

        query = Found(_text(text, "search", "query"), refs_of(self.companies))  # the kinds' one
        if not query:
            return []
        rows = (  # best first: most points, then kind order, then the record's position
            (-points, order, position)
            for order, kind in enumerate(KINDS)
            for position, points in scores_of(getattr(self, kind.name), query).items()
        )
        ranked = sorted(rows) if limit is None else heapq.nsmallest(limit, rows)
        needles = query.needles()
        hits = []
        for points, order, position in ranked:
            kind = KINDS[order]
            record = getattr(self, kind.name)[position]
            text_, snippet_ = snippet(fields_of(kind, record), needles, record.id)
            hits.append(Hit(record, -points, text_, snippet_))
        return hits

    # -- aggregations -------------------------------------------------------

    def funding_totals(
        self,
        by: Literal["company", "investor"] = "company",
        *,
        currency: Currency | str = Currency.USD,
    ) -> dict[str, FundingTotal]:
        """
        Money raised per company, or invested per investor, qualifiers
        respected (see `FundingTotal`): the largest disclosed amount first (the
        upper bound, or the lower where the total is open-ended), totals of
        undisclosed rounds only last.

        >>> import aiforecasts
        >>> totals = aiforecasts.load().funding_totals(by="company")
        >>> print(totals["anthropic"])
        USD 0 to 6,000,000,000 (2 rounds)
        >>> print(aiforecasts.load().funding_totals(by="investor")["microsoft"])
        USD 10,000,000,000 to 11,300,000,000 (2 rounds)
        >>> print(aiforecasts.load().funding_totals(by="investor")["nvidia"])
        undisclosed (8 rounds)
        >>> first, *_, last = totals.values()  # largest disclosed first, undisclosed last
        >>> print(first, "...", last)
        USD 10,000,000,000 (1 round) ... undisclosed (1 round)
        """
        if by not in ("company", "investor"):
            msg = f"by must be 'company' or 'investor', not {by!r}"
            raise ValueError(msg)
        from aiforecasts._query.funding import totals  # noqa: PLC0415 - not needed to load

        return totals(self.funding_rounds, by, Currency(currency))

    def counts_by_topic(self, kind: str | None = None) -> dict[Topic, int]:
        """
        How many records carry each topic, most first (of one kind that has
        topics, or of all that do).

        >>> import aiforecasts
        >>> counts = aiforecasts.load().counts_by_topic("predictions")
        >>> counts[aiforecasts.Topic.OPEN_SOURCE] > 0
        True

        Raises:
            ValueError: if *kind* is not a kind of record that has topics.
        """
        kinds = [self._kind(kind, "topics")] if kind else [k for k in KINDS if k.topics]
        counter: Counter[Topic] = Counter()
        for each in kinds:
            topics = each.topics
            assert topics is not None
            for record in getattr(self, each.name):
                counter.update(topics(record))
        return dict(counter.most_common())

    def counts_by_year(self, kind: str = "predictions") -> dict[int, int]:
        """
        How many records of a kind concern each calendar year (a record whose
        time spans several years counts in each), in year order.

        >>> import aiforecasts
        >>> by_year = aiforecasts.load().counts_by_year("predictions")
        >>> max(by_year, key=by_year.get)
        2024

        Raises:
            ValueError: if *kind* is not a kind of record that has a time.
        """
        span_of = self._kind(kind, "span").span
        assert span_of is not None
        counter: Counter[int] = Counter()
        for record in getattr(self, kind):
            span: TimeSpan | None = span_of(record)
            if span is not None:
                counter.update(range(span.start.year, span.end.year + 1))
        return dict(sorted(counter.items()))


def _dataset_of(
    dataset_version: str, schema_version: int, records: Mapping[str, Sequence[Record]]
) -> Dataset:
    """A dataset made again from its versions and records (as unpickled)."""
    given: dict[str, Any] = {name: Collection(found) for name, found in records.items()}
    return Dataset(dataset_version=dataset_version, schema_version=schema_version, **given)


def _reduce_collection(
    collection: Collection[_HasId],
) -> tuple[Callable[..., Collection[_HasId]], tuple[object, ...]]:
    """How a collection pickles: its records, with its kind (by name) and, when it belongs
    to a dataset, the records of the dataset it resolves names in, so that the copy still
    resolves them; indexes and locks are left behind and built again on first use."""
    kind, resolver = kind_of(collection), resolver_of(collection)
    records = store_of(collection).records
    if kind is None or resolver is None:  # a collection on its own
        return type(collection), (records,)
    stores = {name: store.records for name, store in resolver.stores.items()}
    root = is_root(collection)
    return _collection_of, (kind.name, records, root, resolver.dataset_version, stores)


def _collection_of(
    kind: str,
    records: Sequence[Record],
    root: bool,
    dataset_version: str,
    stores: Mapping[str, Sequence[Record]],
) -> Collection[_HasId]:
    """A collection of *kind* made again (as unpickled) over the dataset of *stores*."""
    own = {name: _Store(tuple(found)) for name, found in stores.items()}
    resolver = _Resolver(dataset_version, KIND_NAMED, own)
    whole = adopted(collection_class(KIND_NAMED[kind]), own[kind], KIND_NAMED[kind], resolver)
    return whole if root else derived(whole, records)


# Collections pickle through this module, which knows the kinds by name (the kinds'
# functions, lambdas, do not pickle).
_classes: list[type[Collection[_HasId]]] = [Collection, *map(collection_class, KINDS)]
for _class in _classes:
    copyreg.pickle(_class, _reduce_collection)
