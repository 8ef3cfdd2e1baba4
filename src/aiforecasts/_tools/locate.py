"""
Locating excerpts in their source documents, for `curate`.

An excerpt may give only the text it quotes in its cleaned ``display`` form;
`locate` finds it in its document (by its verbatim ``text`` where it gives
one, else by its display form in the document cleaned as `clean_text`
cleans it) and fills in its offsets, its verbatim text and its display form.
`excerpts` finds every excerpt in a record's JSON values.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING, Any

from aiforecasts._model import text as _text
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import Problem
from aiforecasts._model.fields import Shape, walk_json
from aiforecasts._model.provenance import Excerpt, Repair
from aiforecasts._model.text import clean_text

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Iterator

__all__ = ["Document", "excerpts", "locate"]


def excerpts(cls: type, value: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, JSON object) of every excerpt in the JSON values of a record of class *cls*."""
    for where, _field, shape, item in walk_json(Shape("record", cls), value, path):
        if shape.kind == "record" and shape.type is Excerpt and isinstance(item, dict):
            yield where, item


class Document:
    """
    A source document, and the same text cleaned as `clean_text` cleans it,
    with where in the document each cleaned character stands.

    An excerpt's display form is found in the cleaned text (a plain search,
    linear in the document), then mapped back to the verbatim passage.  A
    regular expression built from the display form (each Han character with an
    optional reading, each mark with the run it may end) did the same, but
    compiling it took a third of a millisecond per character: seconds for one
    long excerpt, and a recursion per repair occurrence.
    """

    def __init__(self, text: str, repairs: tuple[Repair, ...]) -> None:
        self.text = text
        self.repairs = repairs
        self._cleaned: tuple[str, array[int], array[int]] | None = None

    def cleaned(self) -> tuple[str, array[int], array[int]]:
        """
        The cleaned text, and for each of its characters the start and end of
        the verbatim text it stands for (built on first use: most excerpts
        give their verbatim text and offsets).
        """
        if self._cleaned is None:
            text = self.text
            starts, ends = array("i", range(len(text))), array("i", range(1, len(text) + 1))
            # The steps of clean_text, in its order and with its own patterns, so that the
            # two cannot drift apart.
            if self.repairs:
                pattern, replacements = _text.repairs_pattern(self.repairs)
                text, starts, ends = _substitute(
                    text, starts, ends, pattern, lambda m: replacements[m.group()]
                )
            pinyin = _text.pinyin_re()  # as clean_text
            text, starts, ends = _substitute(text, starts, ends, pinyin, lambda _: "")
            marks = _text.PUNCT_RUN_RE  # as clean_text
            text, starts, ends = _substitute(text, starts, ends, marks, lambda m: m.group()[-1])
            self._cleaned = (text, starts, ends)
        return self._cleaned


def _substitute(
    text: str,
    starts: array[int],
    ends: array[int],
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
) -> tuple[str, array[int], array[int]]:
    """
    *text* with each match of *pattern* replaced, and the spans of its
    characters carried along: each character put in a match's place stands for
    the whole match; a match removed joins the character before it (a pinyin
    reading, its Han character).
    """
    parts: list[str] = []
    new_starts, new_ends = array("i"), array("i")
    at = 0
    for match in pattern.finditer(text):
        begin, end = match.span()
        parts.append(text[at:begin])
        new_starts.extend(starts[at:begin])
        new_ends.extend(ends[at:begin])
        replacement = replace(match)
        if replacement:
            parts.append(replacement)
            new_starts.extend(array("i", [starts[begin]]) * len(replacement))
            new_ends.extend(array("i", [ends[end - 1]]) * len(replacement))
        elif new_ends:
            new_ends[-1] = ends[end - 1]
        at = end
    parts.append(text[at:])
    new_starts.extend(starts[at:])
    new_ends.extend(ends[at:])
    return "".join(parts), new_starts, new_ends


def _occurrences(needle: str, haystack: str) -> Iterator[int]:
    """Where *needle* starts in *haystack*, left to right, without overlapping."""
    at = haystack.find(needle)
    while at >= 0:
        yield at
        at = haystack.find(needle, at + len(needle))


def locate(  # noqa: PLR0913 - one excerpt in its context
    excerpt: dict[str, Any],
    documents: dict[str, Document],
    *,
    path: str,
    file: str,
    problems: list[Problem],
    changes: list[str],
) -> None:
    """Fill in *excerpt*'s offsets, verbatim text and display form from its document."""
    source = excerpt.get("source")
    if not isinstance(source, str) or source not in documents:
        message = f"no source {quote(source)}" if isinstance(source, str) else "not a source id"
        problems.append(Problem(f"{path}.source", message, file))
        return
    document = documents[source]
    start, end, text = excerpt.get("start"), excerpt.get("end"), excerpt.get("text")
    found: tuple[int, int] | None = None
    if (
        isinstance(start, int)
        and isinstance(end, int)
        and isinstance(text, str)
        and document.text[start:end] == text
        and text
    ):
        found = (start, end)
    else:
        found = _find(excerpt, document, where=path, file=file, problems=problems)
        if found is None:
            return
        changes.append(f"{file}: {path} located at {found[0]}–{found[1]}")
    start, end = found
    text = document.text[start:end]
    display = clean_text(text, document.repairs)
    if excerpt.get("display") not in (None, display):
        changes.append(f"{file}: {path}.display is the text cleaned: {display!r}")
    excerpt.update(start=start, end=end, text=text, display=display)


def _find(
    excerpt: dict[str, Any],
    document: Document,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> tuple[int, int] | None:
    """
    Where *excerpt* stands in *document*: found by its verbatim text, or else
    by its display form in the cleaned document.
    """
    path = where
    text, display = excerpt.get("text"), excerpt.get("display")
    if isinstance(text, str) and text:
        quoted = text
        hits = [(at, at + len(text)) for at in _occurrences(text, document.text)]
    elif isinstance(display, str) and display.strip():
        quoted = display
        cleaned, starts, ends = document.cleaned()
        hits = [(starts[at], ends[at + len(display) - 1]) for at in _occurrences(display, cleaned)]
    else:
        problems.append(Problem(path, "an excerpt needs the text it quotes ('display')", file))
        return None
    if not hits:
        problems.append(Problem(path, f"not found in its document: {_short(quoted)!r}", file))
        return None
    hint = excerpt.get("start")
    if isinstance(hint, int) and not isinstance(hint, bool):
        return min(hits, key=lambda hit: abs(hit[0] - hint))
    if len(hits) > 1:
        where = ", ".join(str(hit[0]) for hit in hits[:5])
        message = f"found {len(hits)} times (at {where}): give its 'start' to choose one"
        problems.append(Problem(path, message, file))
        return None
    return hits[0]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
