"""
Typed, composable queries over one kind of record.

`Collection` is what every attribute of a `Dataset` is: an immutable sequence
of records of one kind.  Every filter returns a new `Collection` of the same
kind, so filters chain and the result keeps its type; a filter exists only
for the kinds it means something for (``backed_by`` for funding rounds,
``about`` for the kinds that carry topics), and type checkers know which:
the filter families and each kind's class are in `_query.filters`.

A dataset's collections share one `_Resolver` (`_query.names`), through which a
name in any script resolves to an id within that dataset, and keep the indexes
they build on first use in a `_Store` (`_query.store`) beside their records.
Nothing a dataset holds is changed after it is built.

The functions after the class are what the rest of the package (`Dataset`, exports)
needs of a collection's insides, so that none of it reaches into them.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, overload

from aiforecasts._model.checks import quote
from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._query.arguments import _text
from aiforecasts._query.names import _fuzzy, _one_named, _Resolver
from aiforecasts._query.store import K, R, _HasId, _Store

if TYPE_CHECKING:
    from collections.abc import Iterable

    from _typeshed import SupportsRichComparison

    from aiforecasts._model.kinds import Kind
    from aiforecasts._query.matching import Found, Refs
    from aiforecasts._query.search import Index, Match

__all__ = [
    "Collection",
    "adopted",
    "deferred",
    "derived",
    "is_root",
    "kind_of",
    "refs_of",
    "resolver_of",
    "scores_of",
    "store_of",
]

R_co = TypeVar("R_co", bound=_HasId, covariant=True)

_MISSING = object()


_CLASSES: dict[str, type[Collection[_HasId]]] = {}
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

    def __init_subclass__(cls, *, kind: str | None = None, **kwargs: object) -> None:
        # A kind's own class names its kind: `collection_class` finds it by that name.
        super().__init_subclass__(**kwargs)
        if kind is not None:
            _CLASSES[kind] = cls

    def _derive(self, records: Iterable[R_co]) -> Self:
        # Made without __init__ (a filter's result is built on every call): the records,
        # and this collection's kind and names.
        derived = object.__new__(type(self))
        derived._store = _Store(tuple(records))
        derived._kind = self._kind
        derived._resolver = self._resolver
        derived._root = False
        return derived

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

    def _select(self, facet: str, keys: Callable[[Any], Iterable[K]], wanted: K) -> Self:
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

        def keys(record: object) -> frozenset[str]:
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
        from aiforecasts._query.matching import Found  # noqa: PLC0415 - search machinery on first use

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

    def count(self, value: object = _MISSING) -> int:
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


def _index_of(store: _Store[R], kind: Kind[R]) -> Index:
    """The search index over a store's records, built on first use."""
    from aiforecasts._query.search import Index  # noqa: PLC0415 - search machinery on first use

    return store.table("search", lambda: Index(kind, store.records))


# -- what the rest of the package needs of a collection -----------------------------
# A dataset adopts collections over its stores, reads their records, ranks its search by
# their scores and pickles them; exports ask which dataset a collection belongs to.  These
# functions say what each needs, so that nothing outside this module reaches into a
# collection's attributes.

C = TypeVar("C", bound=Collection[_HasId])


def adopted(cls: type[C], store: _Store[Any], kind: Kind[Any], resolver: _Resolver) -> C:
    """A dataset's own collection of the class *cls* over *store*: it indexes, and resolves
    names by *resolver*."""
    collection = object.__new__(cls)
    collection._store = store
    collection._kind = kind
    collection._resolver = resolver
    collection._root = True
    return collection


def deferred(holds: type[R], decode: Callable[[], Iterable[R]]) -> Collection[R]:
    """A collection of records of the class *holds*, which *decode* returns when they are
    first asked for (the bundled data's kinds, decoded at first use)."""
    collection: Collection[R] = Collection()
    collection._store = _Store.deferred(holds, decode)  # noqa: SLF001 - this module's class
    return collection


def derived(collection: C, records: Iterable[_HasId]) -> C:
    """A collection of the class, kind and dataset of *collection* over *records* (as a
    filter makes one)."""
    return collection._derive(records)  # noqa: SLF001 - this module's class


def store_of(collection: Collection[R]) -> _Store[R]:
    """The store of *collection*'s records: its records and the tables built over them."""
    return collection._store  # noqa: SLF001 - this module's class


def kind_of(collection: Collection[R]) -> Kind[R] | None:
    """The kind of *collection*'s records, once a dataset has taken it in."""
    return collection._kind  # noqa: SLF001 - this module's class


def resolver_of(collection: Collection[_HasId]) -> _Resolver | None:
    """The resolver of the dataset *collection* belongs to (``None`` for one on its own)."""
    return collection._resolver  # noqa: SLF001 - this module's class


def refs_of(collection: Collection[_HasId]) -> Refs | None:
    """What names refer to in the dataset *collection* belongs to, for search (``None`` for
    a collection on its own)."""
    return collection._refs()  # noqa: SLF001 - this module's class


def is_root(collection: Collection[_HasId]) -> bool:
    """Whether *collection* is a dataset's own (indexed), not one a filter made of it."""
    return collection._root  # noqa: SLF001 - this module's class


def scores_of(collection: Collection[_HasId], query: Found) -> dict[int, int]:
    """Position → score of the records of *collection* that *query* matches."""
    return query.scores(collection._index()) if query else {}  # noqa: SLF001 - this module's class
