"""
Full-text search: an inverted index over one kind's records, built once on
first use, and the rules by which a query matches.

The rules (documented in the user guide, "Searching"):

* Text and queries are *folded* alike (`fold`): NFKC, case-folded, and Chinese
  converted to simplified with OpenCC's Taiwan-phrase table, so 英偉達, 英伟达
  and 輝達 are one word, as are 晶片 and 芯片.
* Latin text is split into words of letters and digits.  A query word matches
  a whole word, and, from three characters on, the beginning of a word
  (``anthrop`` finds Anthropic; ``pen`` does not find OpenAI).  Whole words
  rank above beginnings.
* Chinese, Japanese and Korean text has no spaces: a run of such characters in
  the query matches where the text holds that run (indexed by character pairs,
  checked against the text).
* A query that names a company, person or topic (any script, alias or id) also
  matches the records that refer to it.
* Every part of the query must match.  A record scores the sum, over the
  query's parts, of the weight of the best place each part matched: names and
  titles 8, the English statement 6, a quoted excerpt 4 (an organisation's,
  person's or document's: 2, as it is only where they are named), notes and
  other text 2, the id 2 (half for a word's beginning); a part that names a company or person
  adds 6 where the record refers to it, a topic 4 where the record carries it.
"""

from __future__ import annotations

import bisect
import re
from array import array
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

import attrs

from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._model.records import Record
from aiforecasts._model.text import fold
from aiforecasts._model.vocab import Topic

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from aiforecasts._model.kinds import Kind

__all__ = [
    "REF",
    "TOPIC",
    "TOPIC_NAMES",
    "Found",
    "Hit",
    "Index",
    "Match",
    "Refs",
    "fields_of",
    "snippet",
    "topic_named",
]

R = TypeVar("R")


@attrs.frozen
class Hit:
    """
    A record found by `Dataset.search`, with its score and the matching text.

    .. versionadded:: 0.1.0
    """

    record: Record
    score: int
    """How well it matched.  For each part of the query, the weight of the best
    place it matched (names and titles 8, the English statement 6, an excerpt 4,
    notes, other text and the id 2; half for a word's beginning; plus 6 where
    the record refers to a company or person the part names, 4 where it
    carries a topic the part names), summed."""
    text: str
    """The text of the record the query matched in best (its original wording)."""
    snippet: str
    """That text cut to about 80 characters around where the query matched,
    with ``…`` where it goes on."""


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


W_NAME = 8
W_STATEMENT = 6
W_REFERENCE = 6
W_TOPIC = 4
W_EXCERPT = 4
W_NOTE = 2
W_ID = 2

REF = "\x00"  # token prefix: a record this one refers to (a company or person id)
TOPIC = "\x01"  # token prefix: a topic the record carries

_CJK = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff"  # Han
    "\uac00-\ud7af"  # Hangul
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0003134f"  # Han extensions
)
_TOKENS_RE = re.compile(r"[^\W_]+")
_CJK_RUN_RE = re.compile(f"([{_CJK}]+)")
_PREFIX_FROM = 3
"""A query word this long or longer also matches the words it begins."""
_PREFIX_MOST = 200
"""The most words one query word's beginning expands to (the most frequent kept)."""
_NAME_WORDS = 4
"""The most words of a query tried together as one name."""
_NAME_CHARS = 12
"""The most characters of a Chinese run tried together as one name."""
_NAME_RUN_MOST = 64
"""A Chinese run longer than this (pasted text) is matched as it is, without looking for
names in it."""
_WHOLE_NAME_MOST = 100
"""A query up to this long is first tried as one name as a whole (punctuation and all)."""


TOPIC_NAMES: dict[Topic, tuple[str, ...]] = {
    Topic.AGENTS: ("agents", "agent", "智能体"),
    Topic.AGI: ("agi", "通用人工智能"),
    Topic.APPLICATIONS: ("applications", "应用"),
    Topic.ARCHITECTURE: ("architecture", "架构"),
    Topic.AUTONOMOUS_DRIVING: ("autonomous driving", "自动驾驶"),
    Topic.BUSINESS_MODEL: ("business model", "商业模式"),
    Topic.CHIPS: ("chips", "chip", "芯片"),
    Topic.CLOUD: ("cloud", "云计算"),
    Topic.COMPUTE: ("compute", "算力"),
    Topic.COPYRIGHT: ("copyright", "版权"),
    Topic.CORPORATE_GOVERNANCE: ("corporate governance", "公司治理"),
    Topic.CRYPTO: ("crypto", "加密货币"),
    Topic.DATA: ("data", "数据"),
    Topic.DEVICES: ("devices", "device", "设备"),
    Topic.ENERGY: ("energy", "能源"),
    Topic.FUNDING: ("funding", "融资"),
    Topic.LEADERSHIP: ("leadership", "领导层"),
    Topic.LITIGATION: ("litigation", "诉讼"),
    Topic.MARKETS: ("markets", "市场"),
    Topic.MULTIMODAL: ("multimodal", "多模态"),
    Topic.OPEN_SOURCE: ("open source", "开源"),
    Topic.PARTNERSHIPS: ("partnerships", "partnership", "合作"),
    Topic.POLICY: ("policy", "政策"),
    Topic.REGULATION: ("regulation", "监管"),
    Topic.ROBOTICS: ("robotics", "robots", "机器人"),
    Topic.SCALING: ("scaling", "scaling law", "规模定律"),
    Topic.STARTUPS: ("startups", "startup", "初创公司"),
    Topic.TALENT: ("talent", "人才"),
    Topic.TERMINOLOGY: ("terminology", "术语"),
    Topic.VIDEO: ("video", "视频"),
}
"""What a query may call each topic, in English and Chinese (any script: names are folded)."""

_topics: dict[str, Topic] = {}


def topic_named(folded: str) -> Topic | None:
    """
    The topic a folded name names, if any.

    >>> topic_named("open source"), topic_named(fold("開源")), topic_named("open")
    (<Topic.OPEN_SOURCE: 'open_source'>, <Topic.OPEN_SOURCE: 'open_source'>, None)
    """
    if not _topics:
        _topics.update(
            {fold(name): topic for topic, names in TOPIC_NAMES.items() for name in names}
        )
    return _topics.get(folded)


def units(folded: str) -> list[tuple[bool, str]]:
    """
    The words and CJK runs of folded text, in order: (is CJK, text).

    >>> units("gpt-4o 与 英伟达芯片")
    [(False, 'gpt'), (False, '4o'), (True, '与'), (True, '英伟达芯片')]
    """
    found: list[tuple[bool, str]] = []
    for token in _TOKENS_RE.findall(folded):
        if not _CJK_RUN_RE.search(token):
            found.append((False, token))
            continue
        for i, piece in enumerate(_CJK_RUN_RE.split(token)):
            if piece:
                found.append((i % 2 == 1, piece))
    return found


def _terms(folded: str) -> Iterator[str]:
    """The index terms of folded text: its words, and the characters and pairs of its runs."""
    for cjk, text in units(folded):
        if not cjk:
            yield text
            continue
        yield from text
        for i in range(len(text) - 1):
            yield text[i : i + 2]


def fields_of(kind: Kind[Any], record: Any) -> list[tuple[int, str]]:
    """(weight, text) for every text of *record* that search reads."""
    english = getattr(record, kind.english, None)
    fields: list[tuple[int, str]] = [
        (W_ID if name == record.id else W_NAME, name) for name in kind.names(record) if name
    ]
    fields.extend(
        (W_STATEMENT if text == english else W_NOTE, text) for text in kind.texts(record) if text
    )
    # an organisation's, person's or document's excerpt is where it is named, not what
    # it is about: it weighs what a note does
    quoted = W_NOTE if kind.excerpts_name_it else W_EXCERPT
    fields.extend((quoted, excerpt.display) for excerpt in kind.excerpts(record))
    return fields


_SEPARATOR = "\x1e"
"""Joins a record's texts so that one call folds them all (no text holds it; checked)."""


def _fold_all(texts: list[str]) -> list[str]:
    """Each of *texts* folded, with one call to OpenCC where the texts allow."""
    folded = fold(_SEPARATOR.join(texts)).split(_SEPARATOR)
    return folded if len(folded) == len(texts) else [fold(text) for text in texts]


def _refs_of(kind: Kind[Any], record: Any) -> Iterator[tuple[str, int]]:
    for facet in (kind.companies, kind.people, kind.investors):
        if facet is not None:
            for ref in facet(record):
                if ref:
                    yield REF + ref, W_REFERENCE
    if kind.topics is not None:
        for topic in kind.topics(record):
            yield TOPIC + topic.value, W_TOPIC


class Index:
    """
    The inverted index of one kind's records: each term → the positions of
    the records holding it (ascending) and the weight of the best field it is
    in; the folded text of each record, to check runs of Chinese against; and
    the sorted words, for matching beginnings.
    """

    __slots__ = ("_docs", "_frequent", "_weights", "blobs", "words")

    def __init__(self, kind: Kind[Any], records: Sequence[Any]) -> None:
        docs: dict[str, array[int]] = {}
        weights: dict[str, bytearray] = {}
        blobs: list[str] = []
        for position, record in enumerate(records):
            fields = sorted(fields_of(kind, record))  # lightest first: heavier overwrite
            folded = _fold_all([text for _, text in fields])
            best: dict[str, int] = {}
            for (weight, _), text in zip(fields, folded, strict=True):
                best.update(dict.fromkeys(_terms(text), weight))
            best.update(_refs_of(kind, record))
            blobs.append("\n".join(folded))
            for term, weight in best.items():
                found = docs.get(term)
                if found is None:
                    docs[term] = array("i", (position,))
                    weights[term] = bytearray((weight,))
                else:
                    found.append(position)
                    weights[term].append(weight)
        self._docs = docs
        self._weights = weights
        self.blobs = blobs
        self.words = sorted(t for t in docs if t[0] not in (REF, TOPIC) and not _is_cjk(t))
        self._frequent: dict[str, list[str]] = {}

    def postings(self, term: str) -> tuple[array[int], bytearray] | None:
        docs = self._docs.get(term)
        return None if docs is None else (docs, self._weights[term])

    def weight(self, term: str, doc: int) -> int:
        """The weight of *term* in the record at *doc*, 0 if it is not there."""
        docs = self._docs.get(term)
        if docs is None:
            return 0
        i = bisect.bisect_left(docs, doc)
        return self._weights[term][i] if i < len(docs) and docs[i] == doc else 0

    def table(self, term: str, *, half: bool = False) -> dict[int, int]:
        """Position → weight of the records holding *term* (halved for a word's beginning)."""
        docs = self._docs.get(term)
        if docs is None:
            return {}
        weights = self._weights[term]
        return dict(zip(docs, weights.translate(_HALF) if half else weights, strict=True))

    def docs(self, *terms: str) -> set[int]:
        """The positions of the records holding any of *terms*."""
        found: set[int] = set()
        for term in terms:
            docs = self._docs.get(term)
            if docs is not None:
                found.update(docs)
        return found

    def count(self, term: str) -> int:
        docs = self._docs.get(term)
        return 0 if docs is None else len(docs)

    def beginning(self, prefix: str) -> list[str]:
        """The words *prefix* begins (itself excluded), the most frequent first, at most
        `_PREFIX_MOST`."""
        found = self._frequent.get(prefix)
        if found is None:
            start = bisect.bisect_right(self.words, prefix)
            words: list[str] = []
            for word in self.words[start:]:
                if not word.startswith(prefix):
                    break
                words.append(word)
            words.sort(key=lambda word: -self.count(word))
            found = words[:_PREFIX_MOST]
            if found:  # kept only where some word begins so: as many as the index allows
                self._frequent[prefix] = found
        return found


_HALF = bytes(i // 2 for i in range(256))


def _best(found: dict[int, int], more: dict[int, int]) -> dict[int, int]:
    """The two maps of position → weight as one, keeping the larger weight (may reuse either)."""
    if len(more) > len(found):
        found, more = more, found
    for doc, weight in more.items():
        if found.get(doc, 0) < weight:
            found[doc] = weight
    return found


def _is_cjk(term: str) -> bool:
    return _CJK_RUN_RE.match(term) is not None


# -- the parts of a query ---------------------------------------------------


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


# -- where a query matched ------------------------------------------------------

_SNIPPET = 80
"""About how many characters a snippet shows."""
_BEFORE = 24
"""About how many characters of a snippet come before the match."""


def _locate(folded: str, needle: str) -> int:
    """Where *needle* starts in *folded* text (a Latin needle at a word's start), or -1."""
    if _is_cjk(needle):
        return folded.find(needle)
    # at a word's start: after no letter or digit, or after a CJK character (its own run)
    match = re.search(rf"(?:(?<![^\W_])|(?<=[{_CJK}])){re.escape(needle)}", folded)
    return -1 if match is None else match.start()


def _original_at(text: str, folded: str, at: int) -> int:
    """The position in *text* of position *at* of its folded form: the first character whose
    prefix folds to more than *at* characters (where folding changed the length)."""
    if len(folded) == len(text):
        return at
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if len(fold(text[: middle + 1])) > at:
            high = middle
        else:
            low = middle + 1
    return low


def snippet(
    fields: Iterable[tuple[int, str]], needles: Sequence[str], id_: str = ""
) -> tuple[str, str]:
    """
    (the text, a snippet of it) where the query matched best: the first needle
    found in the field of highest weight (the record's id *id_* last), cut
    around it to about `_SNIPPET` characters with an ellipsis where the text
    goes on.

    >>> snippet([(2, "a-long-id"), (6, "Nvidia will sell more chips in 2024")], ["chips"])
    ('Nvidia will sell more chips in 2024', 'Nvidia will sell more chips in 2024')
    """
    ordered = sorted(fields, key=lambda field: (-field[0], field[1] == id_))
    fallback = ""
    for _, text in ordered:
        fallback = fallback or text
        folded = fold(text)
        for needle in needles:
            at = _locate(folded, needle)
            if at >= 0:
                return text, _cut(text, _original_at(text, folded, at), len(needle))
    return fallback, _cut(fallback, 0, 0)


def _cut(text: str, at: int, length: int) -> str:
    """*text* on one line, cut to about `_SNIPPET` characters around the *length* characters
    at *at*, at spaces where it can, never inside them."""
    flat = " ".join(text.split())
    if len(flat) != len(text):  # keep *at* on the same character after collapsing space
        head = text[:at]
        at = len(" ".join(head.split())) + (1 if head[-1:].isspace() and head.strip() else 0)
    if len(flat) <= _SNIPPET:
        return flat
    start = max(0, min(at - _BEFORE, len(flat) - _SNIPPET))  # near the end: fill from before
    if start:  # begin at a word: the next space within reach, never past the match
        space = flat.find(" ", start, min(at, start + 12))
        start = space + 1 if space >= 0 else start
    end = min(len(flat), max(start + _SNIPPET, at + length))
    if end < len(flat):  # end at a word, never inside the match
        space = flat.rfind(" ", end - 12, end)
        end = space if space >= at + length else end
    return f"{'…' if start else ''}{flat[start:end].strip()}{'…' if end < len(flat) else ''}"
