"""
A query: its parts (words, runs of Chinese, names of companies, people and topics), and
how they match an `Index`, the rarest part first.

The rules a query matches by are in `_query.search`, with the index; this is how they are
applied.  A part is looked up in the index as a whole (its postings collected) or, once
few records are left, record by record, whichever costs less.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._model.text import fold
from aiforecasts._query.search import units

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from aiforecasts._query.search import Index

__all__ = ["Found", "Refs"]

_PREFIX_FROM = 3
"""A query word this long or longer also matches the words it begins."""
_NAME_WORDS = 4
"""The most words of a query tried together as one name."""
_NAME_CHARS = 12
"""The most characters of a Chinese run tried together as one name."""
_NAME_RUN_MOST = 64
"""A Chinese run longer than this (pasted text) is matched as it is, without looking for
names in it."""
_WHOLE_NAME_MOST = 100
"""A query up to this long is first tried as one name as a whole (punctuation and all)."""


def _best(found: dict[int, int], more: dict[int, int]) -> dict[int, int]:
    """The two maps of position → weight as one, keeping the larger weight (may reuse either)."""
    if len(more) > len(found):
        found, more = more, found
    for doc, weight in more.items():
        if found.get(doc, 0) < weight:
            found[doc] = weight
    return found


class _Part(Protocol):
    def cost(self, index: Index) -> int: ...
    def collect(self, index: Index) -> dict[int, int]: ...
    def docs(self, index: Index, known: set[int] | None = None) -> set[int]: ...
    def weight(self, index: Index, doc: int) -> int: ...
    def has(self, index: Index, doc: int) -> bool: ...
    def needles(self) -> list[str]: ...


class _Word:
    """A Latin word: the whole word, or (from three characters) a word it begins, at half."""

    __slots__ = ("word",)

    def __init__(self, word: str) -> None:
        self.word = word

    def _terms(self, index: Index) -> list[tuple[str, int]]:
        terms = [(self.word, 2)]
        if len(self.word) >= _PREFIX_FROM:
            terms.extend((word, 1) for word in index.beginning(self.word))
        return terms

    def cost(self, index: Index) -> int:
        return sum(index.count(term) for term, _ in self._terms(index))

    def collect(self, index: Index) -> dict[int, int]:
        found: dict[int, int] = {}
        for term, factor in self._terms(index):
            found = _best(found, index.table(term, half=factor == 1))
        return found

    def docs(self, index: Index, known: set[int] | None = None) -> set[int]:  # noqa: ARG002
        return index.docs(*(term for term, _ in self._terms(index)))

    def weight(self, index: Index, doc: int) -> int:
        best = 0
        for term, factor in self._terms(index):
            best = max(best, index.weight(term, doc) * factor // 2)
        return best

    def has(self, index: Index, doc: int) -> bool:
        return any(index.weight(term, doc) for term, _ in self._terms(index))

    def needles(self) -> list[str]:
        return [self.word]


class _Run:
    """A run of CJK characters: every character pair present, and the run in the text."""

    __slots__ = ("run", "terms")

    def __init__(self, run: str) -> None:
        self.run = run
        pairs = dict.fromkeys(run[i : i + 2] for i in range(len(run) - 1))
        self.terms = [run] if len(run) == 1 else list(pairs)

    def cost(self, index: Index) -> int:
        return min(index.count(term) for term in self.terms)

    def _holds(self, index: Index, doc: int) -> bool:
        return len(self.run) < 3 or self.run in index.blobs[doc]

    def collect(self, index: Index) -> dict[int, int]:
        ordered = sorted(self.terms, key=index.count)
        found = index.table(ordered[0])
        for term in ordered[1:]:
            if not found:
                break
            other = index.table(term)
            found = {doc: min(found[doc], other[doc]) for doc in found.keys() & other.keys()}
        if len(self.run) < 3:
            return found
        blobs, run = index.blobs, self.run
        return {doc: weight for doc, weight in found.items() if run in blobs[doc]}

    def docs(self, index: Index, known: set[int] | None = None) -> set[int]:
        ordered = sorted(self.terms, key=index.count)
        found = index.docs(ordered[0])
        for term in ordered[1:]:
            if len(found) * _FEW < index.count(term):  # few left: look each up
                found = {doc for doc in found if index.weight(term, doc)}
            else:
                found &= index.docs(term)
        if known:  # those are found already: no need to check them against the text
            found -= known
        if len(self.run) < 3:
            return found
        blobs, run = index.blobs, self.run
        return {doc for doc in found if run in blobs[doc]}

    def weight(self, index: Index, doc: int) -> int:
        score = min(index.weight(term, doc) for term in self.terms)
        return score if score and self._holds(index, doc) else 0

    def has(self, index: Index, doc: int) -> bool:
        return all(index.weight(term, doc) for term in self.terms) and self._holds(index, doc)

    def needles(self) -> list[str]:
        return [self.run]


class _Named:
    """Words that name companies, people or topics: the records referring to them, or
    holding the words, or holding another name of what they name."""

    __slots__ = ("names", "refs", "text")

    def __init__(self, refs: Sequence[str], names: Sequence[Sequence[_Part]], text: str) -> None:
        self.refs = refs
        self.names = names
        self.text = text

    def cost(self, index: Index) -> int:
        by_name = sum(min(part.cost(index) for part in name) for name in self.names)
        return sum(map(index.count, self.refs)) + by_name

    def collect(self, index: Index) -> dict[int, int]:
        # the best name's mean weight (a name of two words weighs what a name of
        # one does), plus the best reference's: a record both naming and
        # referring to the company ranks above one that only does either
        found: dict[int, int] = {}
        for name in self.names:
            words = len(name)
            matched = _all_of(name, index)
            found = _best(
                found, matched if words == 1 else {d: w // words for d, w in matched.items()}
            )
        by_ref: dict[int, int] = {}
        for ref in self.refs:
            by_ref = _best(by_ref, index.table(ref))
        for doc, weight in by_ref.items():
            found[doc] = found.get(doc, 0) + weight
        return found

    def docs(self, index: Index, known: set[int] | None = None) -> set[int]:  # noqa: ARG002
        found = index.docs(*self.refs)
        for name in self.names:
            found |= _docs_of(name, index, found)
        return found

    def weight(self, index: Index, doc: int) -> int:
        by_ref = max((index.weight(ref, doc) for ref in self.refs), default=0)
        by_name = 0
        for name in self.names:
            total = 0
            for part in name:
                score = part.weight(index, doc)
                if not score:
                    total = 0
                    break
                total += score
            by_name = max(by_name, total // len(name))
        return by_ref + by_name

    def has(self, index: Index, doc: int) -> bool:
        return any(index.weight(ref, doc) for ref in self.refs) or any(
            all(part.has(index, doc) for part in name) for name in self.names
        )

    def needles(self) -> list[str]:
        return [self.text, *(n for name in self.names for part in name for n in part.needles())]


class Refs(Protocol):
    """What a folded name refers to."""

    def __call__(self, folded: str) -> list[tuple[str, tuple[str, ...]]]:
        """For each company, person or topic *folded* names: its search term (an id, or a topic
        value, after `REF` or `TOPIC`) and its other names, folded."""
        ...


def _plain(folded: str) -> list[_Part]:
    """The parts of a folded name, taken word for word."""
    return [_Run(text) if cjk else _Word(text) for cjk, text in units(folded)]


def _parts(folded: str, refs: Refs | None) -> list[_Part]:
    """The parts of a folded query, names of companies, people and topics found (in a query
    of at most `MAX_QUERY` characters: a longer one, pasted text, is taken word for word, as
    looking for names costs a look-up per word and per group of words)."""
    found = list(dict.fromkeys(units(folded)))  # a word said twice is looked up once
    if refs is None or len(folded) > MAX_QUERY:
        return [_Run(text) if cjk else _Word(text) for cjk, text in found]

    def named(text: str) -> _Part | None:
        referred = refs(text)
        if not referred:
            return None
        names = {text: None}
        for _, others in referred:
            names.update(dict.fromkeys(others))
        alternatives = [plain for name in names if (plain := _plain(name))]
        return _Named([term for term, _ in referred], alternatives, text)

    whole = folded.strip()
    if len(whole) <= _WHOLE_NAME_MOST:  # a name as a whole: "Apple Inc.", "埃隆·馬斯克", an id
        name = named(whole)
        if name is not None:
            return [name]
    parts: list[_Part] = []
    i = 0
    while i < len(found):
        cjk, text = found[i]
        if cjk:
            parts.extend(_run_parts(text, named) if len(text) <= _NAME_RUN_MOST else [_Run(text)])
            i += 1
            continue
        words = 1
        part: _Part = _Word(text)
        for size in range(min(_NAME_WORDS, len(found) - i), 0, -1):
            if all(not c for c, _ in found[i : i + size]):
                name = named(" ".join(t for _, t in found[i : i + size]))
                if name is not None:
                    words, part = size, name
                    break
        parts.append(part)
        i += words
    # a part said twice is one part (every part must match anyway)
    unique = {(type(part), part.needles()[0]): part for part in parts}
    return list(unique.values())


def _run_parts(run: str, named: Callable[[str], _Part | None]) -> list[_Part]:
    """A CJK run: the names it holds (longest first, from the left), the rest as runs."""
    parts: list[_Part] = []
    plain = ""
    i = 0
    while i < len(run):
        for size in range(min(_NAME_CHARS, len(run) - i), 1, -1):
            name = named(run[i : i + size])
            if name is not None:
                if plain:
                    parts.append(_Run(plain))
                    plain = ""
                parts.append(name)
                i += size
                break
        else:
            plain += run[i]
            i += 1
    if plain:
        parts.append(_Run(plain))
    return parts


def _by_cost(parts: Sequence[_Part], index: Index) -> list[tuple[int, _Part]]:
    """(cost, part) for *parts*, the rarest first; none at all as soon as a part matches no
    record (its cost, which bounds how many it matches, is 0), so that a query of many
    words costs one look-up of each only when every word is in the index."""
    costs: list[tuple[int, _Part]] = []
    for part in parts:
        cost = part.cost(index)
        if not cost:
            return []
        costs.append((cost, part))
    costs.sort(key=lambda item: item[0])
    return costs


def _all_of(parts: Sequence[_Part], index: Index) -> dict[int, int]:
    """Records matching every part (weights summed); the rarest part is collected first, then
    each next part looked up per record where few are left, else collected and intersected."""
    ordered = _by_cost(parts, index)
    if not ordered:
        return {}
    found = ordered[0][1].collect(index)
    for cost, part in ordered[1:]:
        if not found:
            break
        if len(found) * _FEW < cost:
            kept: dict[int, int] = {}
            for doc, weight in found.items():
                score = part.weight(index, doc)
                if score:
                    kept[doc] = weight + score
            found = kept
            continue
        other = part.collect(index)
        found = {doc: found[doc] + other[doc] for doc in found.keys() & other.keys()}
    return found


_FEW = 16
"""Records left this many times fewer than a part's postings are checked one by one."""


def _docs_of(parts: Sequence[_Part], index: Index, known: set[int] | None = None) -> set[int]:
    """The positions of the records matching every part: the rarest part's, then each next
    part's kept (by a lookup per record where few are left, else by intersecting sets).
    Records in *known* may be left out (the caller has them already)."""
    ordered = _by_cost(parts, index)
    if not ordered:
        return set()
    found = ordered[0][1].docs(index, known if len(ordered) == 1 else None)
    for cost, part in ordered[1:]:
        if not found:
            break
        if len(found) * _FEW < cost:
            found = {doc for doc in found if part.has(index, doc)}
        else:
            found &= part.docs(index)
    return found


class Found:
    """A parsed query: its parts, and what to look for when showing where it matched."""

    __slots__ = ("parts",)

    def __init__(self, text: str, refs: Refs | None) -> None:
        self.parts = _parts(fold(text), refs)

    def __bool__(self) -> bool:
        return bool(self.parts)

    def scores(self, index: Index) -> dict[int, int]:
        """Position → score of the records matching every part (empty if no part)."""
        return _all_of(self.parts, index) if self.parts else {}

    def docs(self, index: Index) -> set[int]:
        """The positions of the records matching every part (none if no part)."""
        return _docs_of(self.parts, index) if self.parts else set()

    def needles(self) -> list[str]:
        """The folded texts whose place in a record's text shows where the query matched."""
        seen: dict[str, None] = {}
        for part in self.parts:
            for needle in part.needles():
                seen.setdefault(needle, None)
        return sorted(seen, key=len, reverse=True)
