"""
Typed, composable queries over one kind of record.

`Collection` is what every attribute of a `Dataset` is: an immutable sequence
of records of one kind.  Every filter returns a new `Collection` of the same
kind, so filters chain and the result keeps its type.  The collections a
dataset holds build their indexes once, on first use; derived collections
filter their (smaller) contents directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, overload

import attrs
import pendulum

from aiforecasts import _facets
from aiforecasts._model import Currency, Precision, Qualifier, Stance, TimeSpan, Topic
from aiforecasts._text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

    from _typeshed import SupportsRichComparison

    from aiforecasts._dataset import Dataset

__all__ = ["Collection", "Match"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R_co = TypeVar("R_co", bound=_HasId, covariant=True)
R = TypeVar("R", bound=_HasId)
T = TypeVar("T")

_MISSING: Any = object()


@attrs.frozen
class Match(Generic[R]):
    """
    A record found by `Collection.search_fuzzy`, with how well it matched.

    .. versionadded:: 0.1.0
    """

    record: R
    score: float
    """From 0 to 1; 1 for an exact name, less the further the name is from the text."""
    name: str
    """The name (or alias, title, id) that matched best."""


def _as_date(value: pendulum.Date | str | int, *, end: bool) -> pendulum.Date:
    """
    A day from a date, a year, or an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    string; a year or month stands for its first day, or its last when *end*.
    """
    if isinstance(value, pendulum.Date):
        return value
    text = f"{value:04d}" if isinstance(value, int) else value.strip()
    parts = text.split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1 and len(parts[0]) == 4:
            year = numbers[0]
            return pendulum.Date(year, 12, 31) if end else pendulum.Date(year, 1, 1)
        if len(numbers) == 2:
            first = pendulum.Date(numbers[0], numbers[1], 1)
            return first.end_of("month") if end else first
        if len(numbers) == 3:
            return pendulum.Date(*numbers)
    except ValueError:
        pass
    msg = f"expected a date, a year or 'YYYY[-MM[-DD]]', not {value!r}"
    raise ValueError(msg)


class Collection(Sequence[R_co], Generic[R_co]):
    """
    A read-only, ordered collection of one kind of record, and the queries
    over it.

    It is a `collections.abc.Sequence` (index, slice, iterate, ``len``).  Its
    filters each return a new `Collection` of the same kind; names of
    companies, people and sources may be given in any script, in any case,
    as any alias, or as ids.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> nvidia_2024 = ds.predictions.mentioning("英偉達").in_year(2024)
    >>> nvidia_2024.count() > 0
    True
    >>> ds.companies.get("nvidia").name
    'Nvidia'
    >>> ds.companies.get("no-such-id") is None
    True

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_cache", "_dataset", "_indexes", "_lock", "_records", "_root")

    def __init__(self, records: Iterable[R_co], *, dataset: Dataset | None = None) -> None:
        self._records: tuple[R_co, ...] = tuple(records)
        self._dataset = dataset
        self._root = False
        self._indexes: dict[str, dict[Any, tuple[R_co, ...]]] = {}
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def _bind(self, dataset: Dataset) -> None:
        """Make this one of *dataset*'s own collections: names resolve, indexes are kept."""
        self._dataset = dataset
        self._root = True

    def _derive(self, records: Iterable[R_co]) -> Collection[R_co]:
        return Collection(records, dataset=self._dataset)

    # -- indexes ------------------------------------------------------------

    def _index(
        self, facet: str, keys: Callable[[Any], Iterable[Any]]
    ) -> dict[Any, tuple[R_co, ...]]:
        """Facet key → records, built once on first use and shared by all threads."""
        index = self._indexes.get(facet)
        if index is None:
            with self._lock:
                index = self._indexes.get(facet)
                if index is None:
                    built: dict[Any, list[R_co]] = {}
                    for record in self._records:
                        for key in keys(record):
                            built.setdefault(key, []).append(record)
                    index = {key: tuple(found) for key, found in built.items()}
                    self._indexes[facet] = index
        return index

    def _cached(self, name: str, build: Callable[[], T]) -> T:
        """A per-record table (folded texts, names), built once under the lock."""
        if name not in self._cache:
            with self._lock:
                if name not in self._cache:
                    self._cache[name] = build()
        value: T = self._cache[name]
        return value

    def _folded_names(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Per record: (name, folded name) for each of its names."""
        return self._cached(
            "names",
            lambda: tuple(
                tuple((name, fold(name)) for name in _facets.names_of(record))  # type: ignore[arg-type]
                for record in self._records
            ),
        )

    def _select(
        self, facet: str, keys: Callable[[Any], Iterable[Any]], wanted: Any
    ) -> Collection[R_co]:
        if self._root:
            return self._derive(self._index(facet, keys).get(wanted, ()))
        return self._derive(record for record in self._records if wanted in keys(record))

    def _ids(self) -> dict[str, tuple[R_co, ...]]:
        return self._index("id", lambda record: (record.id,))

    # -- by id and by name --------------------------------------------------

    def get(self, id: str) -> R_co | None:  # noqa: A002
        """
        The record with *id*, or ``None``.

        >>> import aiforecasts
        >>> aiforecasts.load().people.get("sam-altman").name_en
        'Sam Altman'
        """
        found = self._ids().get(id)
        return found[0] if found else None

    def ids(self) -> tuple[str, ...]:
        """The ids of all records, in order."""
        return tuple(record.id for record in self._records)

    def lookup(self, name: str) -> R_co:
        """
        The record called *name*: an id, name, alias, title or question, in any
        script and case.

        >>> import aiforecasts
        >>> companies = aiforecasts.load().companies
        >>> companies.lookup("英偉達") is companies.lookup("NVIDIA") is companies.lookup("英伟达")
        True
        >>> companies.lookup("Nvidea")
        Traceback (most recent call last):
        ...
        LookupError: no record called 'Nvidea'; close: Nvidia

        Raises:
            LookupError: if no record, or more than one, goes by that name.
        """
        found = self._names_of(name)
        if len(found) == 1:
            return found[0]
        if found:
            ids = ", ".join(record.id for record in found)
            msg = f"{name!r} names more than one record: {ids}"
            raise LookupError(msg)
        close = self.search_fuzzy(name, limit=3, cutoff=0.75)
        hint = f"; close: {', '.join(_display_name(m.record) for m in close)}" if close else ""
        msg = f"no record called {name!r}{hint}"
        raise LookupError(msg)

    def _names_of(self, name: str) -> tuple[R_co, ...]:
        """The records *name* names exactly (after folding), if any; an id counts."""
        if self.get(name) is not None:
            return self._ids()[name]
        return self._index("name", _folded_names).get(fold(name.strip()), ())

    def search_fuzzy(self, text: str, *, limit: int = 10, cutoff: float = 0.5) -> list[Match[R_co]]:
        """
        Records whose names come close to *text*, best first.

        Exact names score 1, names that start with or contain the text score
        high, and others by their similarity (`difflib`), all after folding
        script and case.

        >>> import aiforecasts
        >>> [m.record.id for m in aiforecasts.load().companies.search_fuzzy("anthropc")][:1]
        ['anthropic']
        """
        query = fold(text.strip())
        if not query:
            return []
        matches: list[Match[R_co]] = []
        for record, names in zip(self._records, self._folded_names(), strict=True):
            best = 0.0
            best_name = ""
            for name, folded in names:
                score = _similarity(query, folded)
                if score > best:
                    best, best_name = score, name
            if best >= cutoff:
                matches.append(Match(record, round(best, 4), best_name))
        matches.sort(key=lambda match: -match.score)
        return matches[:limit]

    # -- filters ------------------------------------------------------------

    def where(self, predicate: Callable[[R_co], bool]) -> Collection[R_co]:
        """
        The records for which *predicate* is true.

        >>> import aiforecasts
        >>> from aiforecasts import Hedge
        >>> ds = aiforecasts.load()
        >>> sure = ds.predictions.where(lambda p: p.hedge is Hedge.CERTAIN)
        >>> all(p.hedge is Hedge.CERTAIN for p in sure)
        True
        """
        return self._keep(predicate)

    def _keep(self, predicate: Callable[[Any], bool]) -> Collection[R_co]:
        return self._derive(record for record in self._records if predicate(record))

    def mentioning(self, company: str, *, include_units: bool = False) -> Collection[R_co]:
        """
        Records about, made by, or stated for a company or other organisation:
        a prediction's companies and makers, a round's company and investors,
        a trend's claimants, a figure's companies, a debater's organisation.

        With *include_units*, records about its units (Google for Alphabet)
        count too.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> [p.id for p in ds.predictions.mentioning("Nvidia")][:2]
        ['nvidia-gpu-cloud-2024', 'nvidia-own-data-centers-2024']

        Raises:
            LookupError: if no organisation goes by that name.
        """
        ids = {self._resolve("companies", company)}
        if include_units and self._dataset is not None:
            units = self._dataset.companies
            while grown := {c.id for c in units if c.parent in ids} - ids:
                ids |= grown  # units of units, down to the last level
        if len(ids) == 1:
            return self._select("company", _facets.companies_of, next(iter(ids)))
        return self._keep(lambda record: bool(_facets.companies_of(record) & ids))

    def by(self, person: str) -> Collection[R_co]:
        """
        Records made, claimed, argued or written by a person.

        >>> import aiforecasts
        >>> [d.id for d in aiforecasts.load().debates.by("李彦宏")]
        ['open-source-iq-tax', 'race-on-ai-applications']

        Raises:
            LookupError: if no person goes by that name.
        """
        return self._select("person", _facets.people_of, self._resolve("people", person))

    def citing(self, source: str) -> Collection[R_co]:
        """
        Records that quote a source (by id, title or file name).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.funding_rounds.citing("refining-large-models").count()
        7
        """
        return self._select("source", _facets.sources_of, self._resolve("sources", source))

    def about(self, topic: Topic | str) -> Collection[R_co]:
        """
        Records with *topic* (a `Topic` or its value).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.debates.about("open_source").first().id
        'open-vs-closed-models-2024'
        """
        return self._select("topic", _facets.topics_of, Topic(topic))

    def backed_by(self, investor: str) -> Collection[R_co]:
        """
        Funding rounds in which an organisation or person invested.

        >>> import aiforecasts
        >>> [r.company for r in aiforecasts.load().funding_rounds.backed_by("Intel")]
        ['stability-ai']

        Raises:
            LookupError: if no organisation or person goes by that name.
        """
        return self._select("investor", _facets.investors_of, self._investor_id(investor))

    def overlapping(self, span: TimeSpan) -> Collection[R_co]:
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
        return self._keep(
            lambda record: (found := _facets.span_of(record)) is not None and found.overlaps(span)
        )

    def between(
        self, start: pendulum.Date | str | int, end: pendulum.Date | str | int
    ) -> Collection[R_co]:
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
        first = _as_date(start, end=False)
        last = _as_date(end, end=True)
        if last < first:
            msg = f"the range ends ({last}) before it starts ({first})"
            raise ValueError(msg)
        return self.overlapping(TimeSpan(first, last, Precision.DAYS, f"{first}–{last}"))

    def ended_before(self, day: pendulum.Date | str | int) -> Collection[R_co]:
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
        last = _as_date(day, end=False)
        return self._keep(
            lambda record: (found := _facets.span_of(record)) is not None and found.is_past(last)
        )

    def in_year(self, year: int) -> Collection[R_co]:
        """
        Records whose time overlaps the calendar year: a forecast about
        "2024", "early 2024" or "by 2026" (made in 2024) all match 2024.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.predictions.in_year(2024).count() > ds.predictions.in_year(2030).count()
        True
        """
        return self.overlapping(TimeSpan.of_year(year))

    def with_stance(self, stance: Stance | str) -> Collection[R_co]:
        """
        Debates in which someone takes *stance* (a `Stance` or its value).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> "open-source-iq-tax" in ds.debates.with_stance("yes")
        True
        """
        wanted = Stance(stance)
        return self._keep(
            lambda record: any(p.stance is wanted for p in getattr(record, "positions", ()))
        )

    def amount_between(
        self,
        low: float | str | None = None,
        high: float | str | None = None,
        *,
        currency: Currency | str = Currency.USD,
    ) -> Collection[R_co]:
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
        wanted = Currency(currency)
        floor = None if low is None else Decimal(str(low))
        ceiling = None if high is None else Decimal(str(high))

        def fits(record: Any) -> bool:
            money = _facets.money_of(record)
            if money is None or money.currency is not wanted:
                return False
            lo, hi = money.bounds
            return (ceiling is None or lo <= ceiling) and (
                floor is None or hi is None or hi >= floor
            )

        return self._keep(fits)

    def with_qualifier(self, qualifier: Qualifier | str) -> Collection[R_co]:
        """
        Records whose amount of money carries *qualifier*.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> sorted(r.id for r in ds.funding_rounds.with_qualifier("up_to"))
        ['anthropic-alphabet-2b-2023', 'anthropic-amazon-4b-2023']
        """
        wanted = Qualifier(qualifier)
        return self._keep(
            lambda record: (
                (money := _facets.money_of(record)) is not None and money.qualifier is wanted
            )
        )

    def search(self, text: str) -> Collection[R_co]:
        """
        Records whose English or Chinese text contains every word of *text*,
        in any script and case.

        >>> import aiforecasts
        >>> [p.id for p in aiforecasts.load().debates.search("智商税")]
        ['open-source-iq-tax']
        """
        terms = fold(text).split()
        if not terms:
            return self._derive(())
        if self._root:
            texts = self._cached("texts", lambda: tuple(_blob(r) for r in self._records))
            pairs = zip(self._records, texts, strict=True)
            return self._derive(r for r, blob in pairs if all(term in blob for term in terms))
        return self._keep(lambda record: all(term in _blob(record) for term in terms))

    # -- order and results --------------------------------------------------

    def sort_by(
        self, key: Callable[[R_co], SupportsRichComparison], *, reverse: bool = False
    ) -> Collection[R_co]:
        """
        The records ordered by *key*.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.people.sort_by(lambda p: p.name_en)[0].name_en
        'Allen Newell'
        """
        return self._derive(sorted(self._records, key=key, reverse=reverse))

    def first(self) -> R_co | None:
        """
        The first record, or ``None`` when there is none.

        >>> import aiforecasts
        >>> aiforecasts.load().predictions.search("no such words").first() is None
        True
        """
        return self._records[0] if self._records else None

    def one(self) -> R_co:
        """
        The only record.

        >>> import aiforecasts
        >>> aiforecasts.load().funding_rounds.backed_by("Intel").one().id
        'stability-ai-intel-50m-2023'

        Raises:
            LookupError: if there are no records, or more than one.
        """
        if len(self._records) != 1:
            msg = f"expected exactly one record, found {len(self._records)}"
            raise LookupError(msg)
        return self._records[0]

    def count(self, value: Any = _MISSING) -> int:
        """
        The number of records (or, given *value*, of records equal to it).

        >>> import aiforecasts
        >>> aiforecasts.load().sources.count()
        5
        """
        if value is _MISSING:
            return len(self._records)
        return self._records.count(value)

    # -- names to ids -------------------------------------------------------

    def _resolve(self, kind: str, name: str) -> str:
        """The id of the record of *kind* that *name* (an id or any name) names."""
        if self._dataset is None:
            return name
        collection: Collection[Any] = getattr(self._dataset, kind)
        return name if collection.get(name) is not None else collection.lookup(name).id

    def _investor_id(self, name: str) -> str:
        """An organisation's id, or else a person's: investors are either."""
        if self._dataset is not None and not self._dataset.companies._names_of(name):  # noqa: SLF001
            return self._resolve("people", name)
        return self._resolve("companies", name)

    # -- the sequence protocol ---------------------------------------------

    @overload
    def __getitem__(self, index: int) -> R_co: ...
    @overload
    def __getitem__(self, index: slice) -> Collection[R_co]: ...
    def __getitem__(self, index: int | slice) -> R_co | Collection[R_co]:
        if isinstance(index, slice):
            return self._derive(self._records[index])
        return self._records[index]

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R_co]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._ids()
        return item in self._records

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __repr__(self) -> str:
        return f"<Collection of {len(self._records)} records>"


def _display_name(record: Any) -> str:
    """What to call a record in a message: its name, English title or question, else its id."""
    for field in ("name_en", "name", "title_en", "question_en"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            return value
    return str(record.id)


def _folded_names(record: Any) -> set[str]:
    return {fold(name.strip()) for name in _facets.names_of(record)}


def _blob(record: Any) -> str:
    return fold("\n".join(_facets.texts_of(record)))


def _similarity(query: str, name: str) -> float:
    if query == name:
        return 1.0
    if name.startswith(query) or query.startswith(name):
        return 0.85 + 0.1 * min(len(query), len(name)) / max(len(query), len(name))
    if query in name:
        return 0.7 + 0.2 * len(query) / len(name)
    import difflib  # noqa: PLC0415 - only fuzzy matching needs it

    return difflib.SequenceMatcher(None, query, name).ratio() * 0.9
