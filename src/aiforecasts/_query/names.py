"""
Names → records, within one dataset: exact look-ups, what a name became if retired, and
the close names when none fits.

A dataset's collections share one `_Resolver`, through which a name of a company, person
or source, in any script, resolves to an id within that dataset; it holds the dataset's
stores and kinds, never the dataset itself.  `_one_named` and `_fuzzy` are what
`Collection.lookup` and `Collection.search_fuzzy` do, and the messages they give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiforecasts._model.checks import quote
from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._model.text import fold

if TYPE_CHECKING:
    from collections.abc import Mapping

    from aiforecasts._model.kinds import Kind
    from aiforecasts._model.records import Resolution
    from aiforecasts._query.search import Match
    from aiforecasts._query.store import R, _HasId, _Store

__all__ = ["_Resolver", "_fuzzy", "_one_named", "by_prediction"]


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

    def resolutions(self) -> dict[str, tuple[Resolution, ...]]:
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


def by_prediction(store: _Store[Resolution]) -> dict[str, tuple[Resolution, ...]]:
    """A store of resolutions indexed by the prediction each judges, built once."""
    return store.index("prediction", lambda resolution: (resolution.prediction,))


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


def _display_name(kind: Kind[R], record: R) -> str:
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
