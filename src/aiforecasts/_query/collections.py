"""
Typed, composable queries over one kind of record.

`Collection` is what every attribute of a `Dataset` is: an immutable sequence
of records of one kind.  Every filter returns a new `Collection` of the same
kind, so filters chain and the result keeps its type; a filter exists only
for the kinds it means something for (``backed_by`` for funding rounds,
``about`` for the kinds that carry topics), and type checkers know which.

A dataset's collections share one `_Resolver`, through which a name in any
script resolves to an id within that dataset, and keep the indexes they
build on first use in a `_Store` beside their records.  Nothing a dataset
holds is changed after it is built.
"""

from __future__ import annotations

import datetime
import operator
import threading
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, cast, overload

from aiforecasts._model.limits import MAX_QUERY
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
from aiforecasts._model.text import fold
from aiforecasts._model.values import TimeSpan, quote
from aiforecasts._model.vocab import Currency, Precision, Qualifier, Stance, Topic, Verdict

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import pendulum
    from _typeshed import SupportsRichComparison

    from aiforecasts._model.kinds import Kind
    from aiforecasts._query.search import Found, Index, Match, Refs
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = [
    "Collection",
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
]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R_co = TypeVar("R_co", bound=_HasId, covariant=True)
R = TypeVar("R", bound=_HasId)
T = TypeVar("T")


_MISSING: Any = object()


class _Store(Generic[R]):
    """
    Records of one kind and the tables built over them on first use (indexes
    by facet, folded names and texts), each built once under a lock.  The
    tables depend on the records alone, so collections holding the same
    records may share a store.  A *deferred* store decodes its records when
    they are first asked for (the bundled data, once its files are known to
    be the released ones: see `_io.load`).
    """

    __slots__ = ("_decode", "_lock", "_records", "_tables", "holds")

    def __init__(self, records: tuple[R, ...]) -> None:
        self._records: tuple[R, ...] | None = records
        self._decode: Callable[[], Iterable[R]] | None = None
        self.holds: type | None = None
        """The class of a deferred store's records (known before they are decoded)."""
        self._tables: dict[str, Any] = {}
        # Reentrant: a table's build, run under the lock, may be what first asks for the records.
        self._lock = threading.RLock()

    @classmethod
    def deferred(cls, holds: type[R], decode: Callable[[], Iterable[R]]) -> _Store[R]:
        """A store of records of the class *holds*, which *decode* returns when they are first
        asked for (once)."""
        store: _Store[R] = cls(())
        store._records = None
        store._decode = decode
        store.holds = holds
        return store

    @property
    def decoded(self) -> bool:
        """Whether the records are at hand (a deferred store's, once first asked for)."""
        return self._records is not None

    def strangers(self, cls: type) -> set[str]:
        """The names of the classes of its records other than *cls* (a deferred store's
        known without decoding them)."""
        if self._records is None:
            assert self.holds is not None  # a deferred store knows its class
            return set() if self.holds is cls else {self.holds.__name__}
        return {type(r).__name__ for r in self._records if type(r) is not cls}

    @property
    def records(self) -> tuple[R, ...]:
        """The records, in order (decoded now if the store is deferred and this is the first
        time: every thread gets the same tuple)."""
        records = self._records
        if records is None:
            with self._lock:
                records = self._records
                if records is None:
                    assert self._decode is not None
                    records = self._records = tuple(self._decode())
                    self._decode = None
        return records

    def table(self, name: str, build: Callable[[], T]) -> T:
        """The table *name*, built by *build* on first use and shared by all threads."""
        found = self._tables.get(name, _MISSING)
        if found is _MISSING:
            with self._lock:
                found = self._tables.get(name, _MISSING)
                if found is _MISSING:
                    found = self._tables[name] = build()
        value: T = found
        return value

    def index(self, name: str, keys: Callable[[R], Iterable[Any]]) -> dict[Any, tuple[R, ...]]:
        """Key → the records that have it, for the facet *name*."""

        def build() -> dict[Any, tuple[R, ...]]:
            built: dict[Any, list[R]] = {}
            for record in self.records:
                for key in keys(record):
                    built.setdefault(key, []).append(record)
            return {key: tuple(found) for key, found in built.items()}

        return self.table(f"index:{name}", build)

    def ids(self) -> dict[str, tuple[R, ...]]:
        return self.index("id", lambda record: (record.id,))

    def folded_names(
        self, names: Callable[[R], Iterable[str]]
    ) -> tuple[tuple[tuple[str, str], ...], ...]:
        """Per record: (name, folded name) for each of its names."""
        return self.table(
            "names",
            lambda: tuple(
                tuple((name, fold(name)) for name in names(record)) for record in self.records
            ),
        )

    def named(self, name: str, names: Callable[[R], Iterable[str]]) -> tuple[R, ...]:
        """The records *name* names exactly (after folding), if any; an id counts.  A name as
        written (up to case and width) is found without converting scripts, so a first lookup
        does not load OpenCC; a name in another script or usage is found after folding."""
        found = self.ids().get(name)
        if found:
            return found
        plain = self.index("plain", lambda record: {_plain(n) for n in names(record)})
        found = plain.get(_plain(name))
        if found:
            return found
        index = self.index("name", lambda record: {fold(n.strip()) for n in names(record)})
        return index.get(fold(name.strip()), ())


def _plain(name: str) -> str:
    """A name up to case, width and surrounding space (`fold` without converting scripts)."""
    return unicodedata.normalize("NFKC", name.strip()).casefold()


class _Resolver:
    """
    Names of companies, people and sources → their ids, within one dataset.
    Every collection of a dataset holds the dataset's resolver; it holds the
    dataset's stores and kinds, never the dataset itself.
    """

    __slots__ = ("dataset_version", "kinds", "stores")

    def __init__(
        self,
        dataset_version: str,
        kinds: Mapping[str, Kind[Any]],
        stores: Mapping[str, _Store[Any]],
    ) -> None:
        self.dataset_version = dataset_version
        self.kinds = kinds
        self.stores = stores

    def id_of(self, kind: str, name: str) -> str:
        """The id of the record of *kind* that *name* (an id or any name) names."""
        store = self.stores[kind]
        if name in store.ids():
            return name
        record: _HasId = _one_named(store, self.kinds[kind], name, self)
        return record.id

    def resolutions(self) -> dict[str, tuple[Any, ...]]:
        """Prediction id → the resolutions that judge it (the one index of them)."""
        store = self.stores.get("resolutions")
        return {} if store is None else by_prediction(store)

    def retired(self, name: str) -> object | None:
        """The tombstone of a retired id, if *name* is one."""
        tombstones = self.stores.get("tombstones")
        found = tombstones.ids().get(name.strip()) if tombstones is not None else None
        return found[0] if found else None

    def refs(self, folded: str) -> list[tuple[str, tuple[str, ...]]]:
        """What a folded name names, for search: each company's or person's id (after
        `REF`) or topic (after `TOPIC`), with its other names, folded."""
        from aiforecasts._query.search import REF, TOPIC, TOPIC_NAMES, topic_named  # noqa: PLC0415

        found = [
            (REF + record.id, tuple(fold(name) for name in names(record) if name != record.id))
            for kind in ("companies", "people")
            if (store := self.stores.get(kind)) is not None
            for names in [self.kinds[kind].names]
            for record in store.named(folded, names)
        ]
        topic = topic_named(folded)
        if topic is not None:
            found.append((TOPIC + topic.value, tuple(map(fold, TOPIC_NAMES[topic]))))
        return found

    def investor_id(self, name: str) -> str:
        """An organisation's id, or else a person's: investors are either."""
        if not self.stores["companies"].named(name, self.kinds["companies"].names):
            return self.id_of("people", name)
        return self.id_of("companies", name)


def by_prediction(store: _Store[Any]) -> dict[str, tuple[Any, ...]]:
    """A store of resolutions indexed by the prediction each judges, built once."""
    return store.index("prediction", lambda resolution: (resolution.prediction,))


def _text(value: object, method: str, what: str = "name") -> str:
    """*value*, refused with a `TypeError` unless it is a `str` (a name or query given as
    bytes, a number or ``None`` would otherwise fail deep inside, as an `AttributeError`)."""
    if not isinstance(value, str):
        msg = f"{method}() takes a {what} as str, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _typed(value: object, cls: type, method: str) -> None:
    """Refuse *value* with a `TypeError` unless it is a *cls*."""
    if not isinstance(value, cls):
        msg = f"{method}() takes a {cls.__name__}, not {type(value).__name__}"
        raise TypeError(msg)


def _one_named(store: _Store[R], kind: Kind[R], name: str, resolver: _Resolver | None) -> R:
    found = store.named(name, kind.names)
    if len(found) == 1:
        return found[0]
    if found:
        ids = ", ".join(record.id for record in found)
        msg = f"{quote(name, MAX_QUERY)} names more than one record: {ids}"
        raise LookupError(msg)
    tombstone = resolver.retired(name) if resolver is not None else None
    if tombstone is not None:
        msg = f"no record called {quote(name, MAX_QUERY)}: {tombstone}"
        raise LookupError(msg)
    close = _fuzzy(store, kind, name, limit=3, cutoff=0.75)
    hint = f"; close: {', '.join(_display_name(kind, m.record) for m in close)}" if close else ""
    msg = f"no record called {quote(name, MAX_QUERY)}{hint}"
    raise LookupError(msg)


def _fuzzy(
    store: _Store[R], kind: Kind[R], text: str, *, limit: int, cutoff: float
) -> list[Match[R]]:
    """
    The records whose names come close to *text*, best first.

    Only a text of at most `MAX_QUERY` characters (without surrounding space) is compared
    approximately: the comparison costs about the product of the two lengths, and no name
    is that long.  A longer one finds the records it names exactly (after folding), or none.
    """
    from aiforecasts._query.search import Match  # noqa: PLC0415 - not needed to load

    stripped = text.strip()
    query = fold(stripped)
    if not query:
        return []
    matches: list[Match[R]] = []
    exact = len(stripped) > MAX_QUERY
    for record, names in zip(store.records, store.folded_names(kind.names), strict=True):
        best = 0.0
        best_name = ""
        for name, folded in names:
            score = float(query == folded) if exact else _similarity(query, folded, cutoff)
            if score > best:
                best, best_name = score, name
        if best >= cutoff:
            matches.append(Match(record, round(best, 4), best_name))
    matches.sort(key=lambda match: -match.score)
    return matches[:limit]


def _amount(value: float | str | None, name: str) -> Decimal | None:
    """An amount given as a number or its text, as a `decimal.Decimal`; refused if not one."""
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        amount = Decimal("NaN")
    if not amount.is_finite():
        msg = f"{name} must be a finite number, not {value!r}"
        raise ValueError(msg)
    return amount


def _topic(value: Topic | str) -> Topic:
    """*value* as a `Topic`; an unknown one is refused with the list of topics."""
    try:
        return Topic(value)
    except ValueError:
        known = ", ".join(topic.value for topic in Topic)
        msg = f"unknown topic {value!r}; the topics: {known}"
        raise ValueError(msg) from None


def _as_date(value: datetime.date | str | int, *, end: bool) -> pendulum.Date:
    """
    A day from a date (`datetime.date` or `pendulum.Date`), a year, or an ISO
    "YYYY", "YYYY-MM" or "YYYY-MM-DD" string; a year or month stands for its
    first day, or its last when *end*.
    """
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, datetime.date):  # a plain date (or datetime): its day
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, int | str):
        msg = f"expected a date, a year or 'YYYY[-MM[-DD]]', not {value!r}"
        raise TypeError(msg)
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
    except (ValueError, OverflowError):
        pass
    msg = f"expected a date, a year or 'YYYY[-MM[-DD]]', not {value!r}"
    raise ValueError(msg)


_CLASSES: dict[str, type[Collection[Any]]] = {}
"""Kind name → its collection class (a class names its kind: ``class Predictions(...,
kind="predictions")``)."""


class Collection(Sequence[R_co], Generic[R_co]):
    """
    A read-only, ordered collection of one kind of record, and the queries
    over it.

    It is a `collections.abc.Sequence` (index, slice, iterate, ``len``).  Its
    filters each return a new `Collection` of the same kind; names of
    companies, people and sources may be given in any script, in any case,
    as any alias, or as ids.  A filter exists only for the kinds it means
    something for: type checkers refuse ``ds.sources.backed_by(...)``, and
    at run time it raises `TypeError`.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> nvidia_2024 = ds.predictions.mentioning("英偉達").in_year(2024)
    >>> nvidia_2024.count() > 0
    True
    >>> ds.companies.get("nvidia").name
    'Nvidia'
    >>> ds.companies.get("no-such-id") is None
    True

    A collection made on its own (``Collection(records)``, to build a
    `Dataset` from) learns its kind and how to resolve names when a dataset
    takes it in; before that, only the sequence methods, `where`, `sort_by`,
    `first`, `one`, `count`, `get` and `ids` work.

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_kind", "_resolver", "_root", "_store")

    def __init__(self, records: Iterable[R_co] = ()) -> None:
        # Another collection's records are taken as they are held (not yet decoded, if so).
        self._store: _Store[R_co]
        if isinstance(records, Collection):
            given: Collection[R_co] = records
            self._store = given._store
        else:
            self._store = _Store(tuple(records))
        self._kind: Kind[R_co] | None = None
        self._resolver: _Resolver | None = None
        self._root = False

    def __init_subclass__(cls, *, kind: str | None = None, **kwargs: Any) -> None:
        # A kind's own class names its kind: `collection_class` finds it by that name.
        super().__init_subclass__(**kwargs)
        if kind is not None:
            _CLASSES[kind] = cls

    @classmethod
    def _adopted(cls, store: _Store[Any], kind: Kind[Any], resolver: _Resolver) -> Self:
        """A dataset's own collection over *store*: it indexes, and resolves names by *resolver*."""
        collection = object.__new__(cls)
        collection._store = store
        collection._kind = kind
        collection._resolver = resolver
        collection._root = True
        return collection

    @staticmethod
    def _deferred(holds: type[R], decode: Callable[[], Iterable[R]]) -> Collection[R]:
        """A collection of records of the class *holds*, which *decode* returns when they are
        first asked for."""
        collection: Collection[R] = Collection()
        collection._store = _Store.deferred(holds, decode)
        return collection

    def _derive(self, records: Iterable[R_co]) -> Self:
        # Made without __init__ (a filter's result is built on every call): the records,
        # and this collection's kind and names.
        derived: Collection[Any] = object.__new__(type(self))
        derived._store = _Store(tuple(records))
        derived._kind = self._kind
        derived._resolver = self._resolver
        derived._root = False
        return cast("Self", derived)

    @property
    def _records(self) -> tuple[R_co, ...]:
        return self._store.records

    def _known_kind(self, method: str) -> Kind[R_co]:
        if self._kind is None:
            msg = f"{method}() needs to know the kind of records: use a Dataset's collections"
            raise TypeError(msg)
        return self._kind

    def _facet(self, facet: str, method: str) -> Any:
        """The kind's facet function (a kind's class has a filter only where its kind has the
        facet: `tests/test_kinds.py` holds the two together)."""
        return getattr(self._known_kind(method), facet)

    def _names(self, method: str) -> _Resolver:
        if self._resolver is None:
            msg = f"{method}() needs to resolve names: use a Dataset's collections"
            raise TypeError(msg)
        return self._resolver

    def _resolve(self, kind: str, name: str, method: str) -> str:
        return self._names(method).id_of(kind, name)

    def _select(self, facet: str, keys: Callable[[Any], Iterable[Any]], wanted: Any) -> Self:
        """The records whose *facet* keys include *wanted* (by index in a dataset's own)."""
        if self._root:
            return self._derive(self._store.index(facet, keys).get(wanted, ()))
        return self._keep(lambda record: wanted in keys(record))

    def _keep(self, predicate: Callable[[Any], bool]) -> Self:
        return self._derive(record for record in self._records if predicate(record))

    # -- by id and by name --------------------------------------------------

    def get(self, id: str) -> R_co | None:  # noqa: A002
        """
        The record with *id*, or ``None``.

        >>> import aiforecasts
        >>> aiforecasts.load().people.get("sam-altman").name_en
        'Sam Altman'
        """
        found = self._store.ids().get(id)
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

        A retired id says what it became:

        >>> aiforecasts.load().compute_trends.lookup("frontier-model-compute-nearly-10x-per-year")
        Traceback (most recent call last):
        ...
        LookupError: no record called 'frontier-model-compute-nearly-10x-per-year': ...

        A name of more than 200 characters is looked up
        exactly: the close names are suggested only for shorter ones.

        Raises:
            LookupError: if no record, or more than one, goes by that name.
            TypeError: if *name* is not a `str`.
        """
        kind = self._known_kind("lookup")
        return _one_named(self._store, kind, _text(name, "lookup"), self._resolver)

    def search_fuzzy(self, text: str, *, limit: int = 10, cutoff: float = 0.5) -> list[Match[R_co]]:
        """
        Records whose names come close to *text*, best first.

        Exact names score 1, names that start with or contain the text score
        high, and others by their similarity (`difflib`), all after folding
        script and case.  A text of more than 200 characters finds
        only the names it equals.

        >>> import aiforecasts
        >>> [m.record.id for m in aiforecasts.load().companies.search_fuzzy("anthropc")][:1]
        ['anthropic']
        """
        kind = self._known_kind("search_fuzzy")
        query = _text(text, "search_fuzzy", "text")
        return _fuzzy(self._store, kind, query, limit=limit, cutoff=cutoff)

    # -- filters ------------------------------------------------------------

    def where(self, predicate: Callable[[R_co], bool]) -> Self:
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

    def mentioning(self, company: str, *, include_units: bool = False) -> Self:
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
        companies = self._facet("companies", "mentioning")
        names = self._names("mentioning")
        ids = {names.id_of("companies", _text(company, "mentioning"))}
        if include_units:  # units of units, down to the last level, each looked at once
            units = names.stores["companies"].index("parent", lambda c: (c.parent,))
            todo = list(ids)
            while todo:
                for unit in units.get(todo.pop(), ()):
                    if unit.id not in ids:
                        ids.add(unit.id)
                        todo.append(unit.id)

        def keys(record: Any) -> frozenset[str]:
            return frozenset(filter(None, companies(record)))

        if len(ids) == 1:
            return self._select("companies", keys, next(iter(ids)))
        return self._keep(lambda record: bool(keys(record) & ids))

    def citing(self, source: str) -> Self:
        """
        Records that quote a source (by id, title or file name).

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> ds.funding_rounds.citing("refining-large-models").count()
        7
        """
        kind = self._known_kind("citing")
        wanted = self._resolve("sources", _text(source, "citing"), "citing")
        return self._select("sources", kind.sources, wanted)

    def search(self, text: str) -> Self:
        """
        The records that *text* matches, in their order (`Dataset.search`
        ranks them).

        Every part of *text* must match: a Latin word matches a whole word
        or, from three letters on, the beginning of one (``anthrop`` finds
        Anthropic, ``pen`` does not find OpenAI); a run of Chinese matches
        where the text holds it, in any script and in Taiwan or mainland
        usage (晶片 finds 芯片); a name of a company, person or topic, in any
        script or alias, also matches the records that refer to it.  The
        index behind it is built on first use.

        >>> import aiforecasts
        >>> ds = aiforecasts.load()
        >>> [p.id for p in ds.debates.search("智商税")]
        ['open-source-iq-tax']
        >>> ds.predictions.search("輝達").ids() == ds.predictions.search("Nvidia").ids()
        True
        >>> ds.companies.search("pen").ids()
        ()
        """
        from aiforecasts._query.search import Found  # noqa: PLC0415 - search machinery on first use

        query = Found(_text(text, "search", "query"), self._refs())
        if not query:
            return self._derive(())
        kind = self._known_kind("search")
        root = None if self._root or self._resolver is None else self._resolver.stores[kind.name]
        if root is not None:  # a filtered collection: the dataset's index, its own records kept
            found = query.docs(_index_of(root, kind))
            matched = {id(root.records[i]) for i in found}
            return self._keep(lambda record: id(record) in matched)
        positions = sorted(query.docs(self._index()))
        if len(positions) < 2:  # itemgetter of one position gives the record, not a tuple
            return self._derive(self._records[i] for i in positions)
        return self._derive(operator.itemgetter(*positions)(self._records))

    def _refs(self) -> Refs | None:
        return None if self._resolver is None else self._resolver.refs

    def _index(self) -> Index:
        return _index_of(self._store, self._known_kind("search"))

    def _scores(self, query: Found) -> dict[int, int]:
        """Position → score of the records *query* matches."""
        return query.scores(self._index()) if query else {}

    # -- order and results --------------------------------------------------

    def sort_by(
        self, key: Callable[[R_co], SupportsRichComparison], *, reverse: bool = False
    ) -> Self:
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
        >>> ds = aiforecasts.load()
        >>> ds.predictions.count() == len(ds.predictions)
        True
        >>> ds.predictions.count(ds.predictions[0])
        1
        """
        if value is _MISSING:
            return len(self._records)
        return self._records.count(value)

    # -- the sequence protocol ---------------------------------------------

    @overload
    def __getitem__(self, index: int) -> R_co: ...
    @overload
    def __getitem__(self, index: slice) -> Self: ...
    @overload
    def __getitem__(self, index: str) -> R_co: ...
    def __getitem__(self, index: int | slice | str) -> R_co | Self:
        """
        A record by position, a slice of the collection, or a record by id:

        >>> import aiforecasts
        >>> companies = aiforecasts.load().companies
        >>> companies["nvidia"].name
        'Nvidia'
        >>> companies["nvida"]
        Traceback (most recent call last):
        ...
        KeyError: "no record with id 'nvida'; close: nvidia"

        Raises:
            KeyError: for an id no record of the collection has (naming close ids, or what
                a retired id became).
        """
        if isinstance(index, str):
            found = self._store.ids().get(index)
            if found:
                return found[0]
            raise KeyError(self._missing(index))
        if isinstance(index, slice):
            return self._derive(self._records[index])
        return self._records[index]

    def _missing(self, identifier: str) -> str:
        """Why no record has *identifier*: what it became if retired, else the close ids."""
        tombstone = self._resolver.retired(identifier) if self._resolver is not None else None
        if tombstone is not None:
            return f"no record with id {quote(identifier, MAX_QUERY)}: {tombstone}"
        close: list[str] = []
        if len(identifier) <= MAX_QUERY:  # compared approximately only up to that length
            import difflib  # noqa: PLC0415 - only for an unknown id

            close = difflib.get_close_matches(identifier, list(self._store.ids()), n=3, cutoff=0.6)
        hint = f"; close: {', '.join(close)}" if close else ""
        return f"no record with id {quote(identifier, MAX_QUERY)}{hint}"

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[R_co]:
        return iter(self._records)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._store.ids()
        return item in self._records

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Collection):
            return self._records == other._records
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._records)

    def __copy__(self) -> Self:
        return self  # immutable

    def __deepcopy__(self, _memo: dict[int, object]) -> Self:
        return self  # immutable: records are frozen, tables are derived from them

    def __repr__(self) -> str:
        name = self._kind.name if self._kind is not None else "records"
        return f"<{type(self).__name__} of {len(self._records)} {name}>"


# -- the filters each kind has ------------------------------------------------
# Each family of filters is a mixin over `Collection`; a kind's collection class
# (`Predictions`, `Companies`, ...) takes the families whose facet its records
# have, so a type checker refuses a filter a kind lacks (``ds.sources.backed_by``)
# and the filters return the kind's own class.


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

        def fits(record: Any) -> bool:
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


_FAMILIES: tuple[tuple[str, type[Collection[Any]]], ...] = (
    ("people", _ByPerson),
    ("topics", _Topical),
    ("span", _Timed),
    ("money", _Priced),
    ("investors", _Backed),
    ("stances", _Argued),
)
"""Facet → the family of filters it allows."""


def collection_class(kind: Kind[Any]) -> type[Collection[Any]]:
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


_MADE: dict[str, type[Collection[Any]]] = {}
"""Kind name → the collection class `collection_class` made for a kind without its own."""


def _index_of(store: _Store[Any], kind: Kind[Any]) -> Index:
    """The search index over a store's records, built on first use."""
    from aiforecasts._query.search import Index  # noqa: PLC0415 - search machinery on first use

    return store.table("search", lambda: Index(kind, store.records))


def _display_name(kind: Kind[Any], record: Any) -> str:
    """What to call a record in a message: the label of a record users call by name (a
    company's name, a document's English title, a debate's question), else its id."""
    if kind.named and kind.label is not None:
        value = getattr(record, kind.label, None)
        if isinstance(value, str):
            return value
    return str(record.id)


def _similarity(query: str, name: str, cutoff: float = 0.0) -> float:
    """How close *name* is to *query*, from 0 to 1; 0 for a name that cannot reach
    *cutoff* (no ratio exceeds twice the shorter length over the two together, so a name
    far longer than the query is not compared character by character)."""
    if query == name:
        return 1.0
    if name.startswith(query) or query.startswith(name):
        return 0.85 + 0.1 * min(len(query), len(name)) / max(len(query), len(name))
    if query in name:
        return 0.7 + 0.2 * len(query) / len(name)
    if 0.9 * 2 * min(len(query), len(name)) / (len(query) + len(name)) < cutoff:
        return 0.0
    import difflib  # noqa: PLC0415 - only fuzzy matching needs it

    return difflib.SequenceMatcher(None, query, name).ratio() * 0.9
