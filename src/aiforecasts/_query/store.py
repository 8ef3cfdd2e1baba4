"""
The records of one kind and the tables built over them on first use.

A `_Store` holds a collection's records (or, deferred, how to decode them) and the
indexes queries build over them (by facet, by id, by folded name), each built once under
a lock: the tables depend on the records alone, so every collection holding the same
records shares them.  It knows nothing of kinds or datasets; `_query.names` resolves names
through it, `_query.collections` filters through it.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from aiforecasts._model.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["K", "R", "_HasId", "_Store"]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


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

    def index(self, name: str, keys: Callable[[R], Iterable[K]]) -> dict[K, tuple[R, ...]]:
        """Key → the records that have it, for the facet *name*."""

        def build() -> dict[K, tuple[R, ...]]:
            built: dict[K, list[R]] = {}
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
