"""
Full-text search: an inverted index over one kind's records, built once on
first use, and the rules by which a query matches (a query's parts and how they
match the index are in `_query.matching`, the snippets that show where in
`_query.snippets`).

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
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

from aiforecasts._model.records import Record
from aiforecasts._model.text import fold
from aiforecasts._model.vocab import Topic

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from aiforecasts._model.kinds import Kind
    from aiforecasts._query.store import _HasId

__all__ = [
    "REF",
    "TOPIC",
    "TOPIC_NAMES",
    "Hit",
    "Index",
    "Match",
    "fields_of",
    "topic_named",
    "units",
]

R = TypeVar("R")
Rec = TypeVar("Rec", bound="_HasId")


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
_PREFIX_MOST = 200
"""The most words one query word's beginning expands to (the most frequent kept)."""


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


def fields_of(kind: Kind[Rec], record: Rec) -> list[tuple[int, str]]:
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


def _refs_of(kind: Kind[Rec], record: Rec) -> Iterator[tuple[str, int]]:
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

    def __init__(self, kind: Kind[Rec], records: Sequence[Rec]) -> None:
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


def _is_cjk(term: str) -> bool:
    return _CJK_RUN_RE.match(term) is not None
