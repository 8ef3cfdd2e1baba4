"""
Where a query matched: the text of a record it matched in best, and a snippet of that
text cut around the match, for `Dataset.search`'s hits.

The match is looked for in folded text and shown in the original: a position in the
folded form is carried back to the original text where folding changed its length.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from aiforecasts._model.text import fold
from aiforecasts._query.search import _CJK, _is_cjk

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["snippet"]

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
