"""
JSON text read strictly, before any value of it is trusted: what the readers
share besides the fast engine.

Nesting deeper than `MAX_DEPTH` is found before any recursive parser sees the
text (`too_deep`, `shallow`); an object that gives a key twice, which JSON
allows and every parser silently takes the last of, is refused (`KEYS_TWICE`,
`same_keys`); so are NaN and Infinity, lone surrogate escapes, and text that is
not UTF-8, and an integer longer than Python converts is one problem at its
path (`parse_int`).  `read_json` reads a whole text, `read_items` the items of
an array one at a time; both note what is wrong and return `NOT_JSON` for
input that is not JSON.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from typing import TYPE_CHECKING, Any, TypeAlias

import msgspec

from aiforecasts._model.errors import LongInteger, Problem
from aiforecasts._model.limits import MAX_DEPTH

if TYPE_CHECKING:
    import json
    from collections.abc import Iterator
else:  # imported on first use: only input with problems needs json
    from aiforecasts._model.lazy import json

__all__ = [
    "KEYS_TWICE",
    "NOT_JSON",
    "JSONObject",
    "depth_problem",
    "parse_int",
    "read_items",
    "read_json",
    "same_keys",
    "shallow",
    "too_deep",
]

JSONObject: TypeAlias = dict[str, object]
"""A JSON object as the readers parse it (its values JSON values, or `LongInteger`)."""


# -- nesting -------------------------------------------------------------------

_NOT_STRUCTURE = bytes(set(range(256)) - set(b'[]{}"'))
_OPENERS = bytes.maketrans(b"{}", b"[]")
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{},:]')
"""The tokens that give a JSON value's shape: strings (keys among them) and punctuation."""


def too_deep(blob: bytes, where: str = "$") -> str | None:
    """
    The path of the first array or object of the JSON text *blob* nested
    deeper than `MAX_DEPTH`, or ``None`` if there is none; *where* names the
    top of *blob*.

    Every reader asks before any recursive walker (msgspec, ``json``, cattrs,
    the package's own) sees the text: those count their depth against
    Python's recursion limit at best, and past it raise `RecursionError` or,
    with the limit raised, crash.  The first answer costs a few passes of
    bytes methods (about 2 % of a fast decode of the same text); only text
    that fails it is walked token by token to name the place.  Text that is
    not valid JSON may get either answer: the parsers refuse it anyway.
    """
    if shallow(blob):
        return None
    return _deep_at(blob, where)


def shallow(blob: bytes) -> bool:
    """Whether *blob* certainly nests no deeper than `MAX_DEPTH` (``False``: maybe it does,
    or its brackets do not pair up).  Escaped backslashes and quotes go first, so that each
    remaining quote opens or closes a string; two quotes with no bracket between them go
    next, wherever they are (they end one string and open the next, or open and close one);
    what remains is the brackets, those of strings that hold any among them."""
    if b"\\\\" in blob:  # each a copy of the text: only where needed
        blob = blob.replace(b"\\\\", b"")
    if b'\\"' in blob:
        blob = blob.replace(b'\\"', b"")
    shape = blob.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in shape:  # strings that hold brackets (rare): drop them whole
        shape = re.sub(rb'"[^"]*"', b"", shape)
    shape = shape.translate(_OPENERS)  # mismatched kinds are the parser's to refuse
    # Each pass removes exactly the innermost level: a pair made by a removal waits.
    for _ in range(MAX_DEPTH):
        if not shape:
            return True
        shape = shape.replace(b"[]", b"")
    return not shape


class _Frame:
    """A container `_deep_at` is in: an object (its key so far, and whether a key comes
    next) or an array (the index of its item so far)."""

    __slots__ = ("index", "is_object", "key", "key_next")

    def __init__(self, is_object: bool) -> None:
        self.is_object = is_object
        self.key = ""
        self.index = 0
        self.key_next = is_object


def _deep_at(blob: bytes, where: str) -> str | None:
    """The path of the first container deeper than `MAX_DEPTH` in *blob*, token by token."""
    frames: list[_Frame] = []  # per open container
    for match in _TOKEN.finditer(blob):
        token = match.group()
        mark = token[:1]
        if mark in (b"[", b"{"):
            if len(frames) == MAX_DEPTH:
                return _path_of(frames, where)
            frames.append(_Frame(is_object=mark == b"{"))
        elif mark in (b"]", b"}"):
            if frames:
                frames.pop()
        elif mark == b",":
            if frames and frames[-1].is_object:
                frames[-1].key_next = True
            elif frames:
                frames[-1].index += 1
        elif mark == b'"' and frames and frames[-1].is_object and frames[-1].key_next:
            frames[-1].key = _key(token)
            frames[-1].key_next = False
    return None


def _key(token: bytes) -> str:
    try:
        key = json.loads(token)
    except ValueError:
        return token.decode("utf-8", "replace")[1:-1]
    return key if isinstance(key, str) else ""


def _path_of(frames: list[_Frame], where: str) -> str:
    path = "" if where == "$" else where
    for frame in frames:
        if frame.is_object:
            path = f"{path}.{frame.key}" if path else frame.key
        else:
            path = f"{path}[{frame.index}]"
    return path or "$"


def depth_problem(path: str, file: str) -> Problem:
    return Problem(path, f"nested deeper than {MAX_DEPTH} levels of arrays and objects", file)


def _reject_constant(name: str) -> object:
    msg = f"{name} is not valid JSON"
    raise ValueError(msg)


def parse_int(text: str) -> int | LongInteger:
    """The integer of JSON text *text*, or a `LongInteger` where it has more digits than Python
    converts: the parsers' ``parse_int``, so that one such integer is one problem at its path,
    not the end of the reading (and every record after it unread)."""
    try:
        return int(text)
    except ValueError:
        return LongInteger(len(text.lstrip("-")))


NOT_JSON: object = type("NotJson", (), {"__repr__": lambda _self: "NOT_JSON"})()
"""What `read_json` returns for input that is not JSON (``None`` is JSON's null)."""


def read_json(
    blob: bytes | str | msgspec.Raw, file: str, problems: list[Problem], path: str = "$"
) -> Any:
    """
    *blob* parsed as strict JSON (UTF-8; no NaN or Infinity; no lone
    surrogate escapes), or `NOT_JSON` after noting why not.  An object that
    gives a key twice is noted at its path (the value keeps the last, so that
    the rest is still described).
    """
    if isinstance(blob, msgspec.Raw):
        blob = bytes(blob)
    deep = too_deep(blob if isinstance(blob, bytes) else blob.encode("utf-8", "replace"), path)
    if deep is not None:
        problems.append(depth_problem(deep, file))
        return NOT_JSON
    if isinstance(blob, bytes):
        try:
            blob = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            problems.append(Problem(path, f"not UTF-8: {exc.reason} at byte {exc.start}", file))
            return NOT_JSON
    pairs = _Pairs()
    try:
        value = json.loads(
            blob, parse_constant=_reject_constant, parse_int=parse_int, object_pairs_hook=pairs
        )
    except RecursionError:
        problems.append(Problem(path, "not valid JSON: nested too deeply", file))
        return NOT_JSON
    except ValueError as exc:
        problems.append(Problem(path, f"not valid JSON: {exc}", file))
        return NOT_JSON
    # Only an escape can hold a lone surrogate: look for one before walking the values.
    where = _lone_surrogate(value, path) if _SURROGATE_ESCAPE.search(blob) else None
    if where is not None:
        problems.append(Problem(where, "a lone surrogate escape: not a character", file))
        return NOT_JSON
    pairs.note(value, path, file, problems)
    return value


KEYS_TWICE = "the key {} is given twice in one object (refused)"
"""What is said of an object that gives a key twice.  JSON allows it and every parser keeps
one value (msgspec and `json` the last), so that ``"records": {}`` appended to an export would
empty it, and a name given twice would change a record unseen: the readers refuse it."""


class _Pairs:
    """The ``object_pairs_hook`` of the detailed engine's parsers: each object as a dict, the
    objects that give a key twice noted (by identity: the parsed value holds them all)."""

    def __init__(self) -> None:
        self.twice: dict[int, str] = {}

    def __call__(self, pairs: list[tuple[str, object]]) -> JSONObject:
        value = dict(pairs)
        if len(value) < len(pairs):
            seen: set[str] = set()
            self.twice[id(value)] = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return value

    def note(self, value: object, path: str, file: str, problems: list[Problem]) -> None:
        """Note the first object of *value* (named *path*) that gave a key twice, if any."""
        if not self.twice:
            return
        stack = [(path, value)]
        while stack:
            where, item = stack.pop()
            if isinstance(item, dict):
                key = self.twice.get(id(item))
                if key is not None:
                    problems.append(Problem(where, KEYS_TWICE.format(_quote(key)), file))
                    break
                inner = "" if where == "$" else f"{where}."
                stack.extend((f"{inner}{k}", v) for k, v in reversed(item.items()))
            elif isinstance(item, list):
                stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(item))))
        self.twice.clear()


def _quote(key: str) -> str:
    text = repr(key)
    return text if len(text) <= 60 else f"{text[:59]}…"


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SPACE = re.compile(r"[ \t\n\r]*")


def _strict(pairs: _Pairs) -> json.JSONDecoder:
    return json.JSONDecoder(
        parse_constant=_reject_constant, parse_int=parse_int, object_pairs_hook=pairs
    )


def read_items(
    raw: bytes | msgspec.Raw, file: str, problems: list[Problem], where: str, cut: list[bool]
) -> object:
    """
    The items of the JSON array *raw*, as an iterator that parses them one at
    a time as they are asked for (a reader that stops after enough problems
    parses no further); `NOT_JSON` after noting why *raw* is not valid JSON;
    the value itself when it is not an array (for the caller to refuse).  An
    iterator that meets text that is not JSON notes why and stops, and sets
    *cut* (its items are then not all the array's).
    """
    data = bytes(raw) if isinstance(raw, msgspec.Raw) else raw
    deep = too_deep(data, where)
    if deep is not None:
        problems.append(depth_problem(deep, file))
        return NOT_JSON
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem(where, f"not UTF-8: {exc.reason} at byte {exc.start}", file))
        return NOT_JSON
    start = _SPACE.match(text).end()  # type: ignore[union-attr]
    if text[start : start + 1] != "[" or _SURROGATE_ESCAPE.search(text):
        return read_json(text, file, problems, where)  # not an array, or rare: all at once
    return _items_from(text, start + 1, file, problems, where, cut=cut)


def _items_from(  # noqa: PLR0913 - the context of one array
    text: str, index: int, file: str, problems: list[Problem], where: str, *, cut: list[bool]
) -> Iterator[object]:
    cut.append(True)  # until the array is seen to its end
    pairs = _Pairs()
    decoder = _strict(pairs)
    index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
    if text[index : index + 1] == "]":
        index += 1
    else:
        for position in itertools.count():
            try:
                value, index = decoder.raw_decode(text, index)
            except RecursionError:
                problems.append(Problem(where, "not valid JSON: nested too deeply", file))
                return
            except ValueError as exc:
                problems.append(Problem(where, f"not valid JSON: {exc}", file))
                return
            pairs.note(value, f"{where}[{position}]", file, problems)
            yield value
            index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
            mark = text[index : index + 1]
            index += 1
            if mark == "]":
                break
            if mark != ",":
                message = f"not valid JSON: expected ',' or ']' at char {index - 1}"
                problems.append(Problem(where, message, file))
                return
            index = _SPACE.match(text, index).end()  # type: ignore[union-attr]
    if text[index:].strip(" \t\n\r"):
        problems.append(Problem(where, f"not valid JSON: extra data at char {index}", file))
        return
    cut.clear()


def _lone_surrogate(value: object, path: str) -> str | None:
    """The path of the first string holding a lone UTF-16 surrogate, if any."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return where
        elif isinstance(item, dict):
            stack.extend((f"{where}.{key}", v) for key, v in reversed(item.items()))
            stack.extend((where, key) for key in item)
        elif isinstance(item, list):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(item))))
    return None


def same_keys(raw: bytes | msgspec.Raw, colons: int) -> bool:
    """
    Whether the JSON text *raw*, decoded into objects that hold *colons*
    colons when written again (each key once), gave no key twice.

    msgspec, like every JSON parser, keeps the last of a key given twice
    (its issue 648 asks for a check).  Every colon of JSON text is a key's or
    a string's; the *mirror* classes of the fast engine's strict check
    (`_codec.json`) keep every value they do not need as the text it was
    (``msgspec.Raw``), and every object as an object that holds each key
    given once (``msgspec.UNSET`` where absent), so written again they hold
    the strings' colons and one per key.  More colons in *raw* means a key
    given twice, most likely, and an escape ``\\u003a`` (a colon) in a string
    the mirror decodes counts in the mirror alone, and could hide one: either
    way, and only then, *raw* is parsed again by `json`, which looks at every
    object.  The cost: a count of bytes (about 2 % of the fast decode) and
    writing the mirrors again (about 3 %).
    """
    data = bytes(raw) if isinstance(raw, msgspec.Raw) else raw
    if data.count(b":") == colons and b"\\u003" not in data:
        return True
    pairs = _Pairs()
    with contextlib.suppress(ValueError, RecursionError):  # what else is wrong is said later
        json.loads(data, parse_int=parse_int, object_pairs_hook=pairs)
    return not pairs.twice
