"""
How a record becomes JSON and back: the one codec.

**One shape.** A record is written as a JSON object with every field present
(``null`` or ``[]`` where empty), keys sorted, decimals as strings, dates as
``YYYY-MM-DD``, enums as their values and sets as sorted lists.  The bundled
data files, exports and the command line all write this shape.  Reading also
takes objects that leave out fields at their defaults.

**Two engines, one definition.** The fast engine (msgspec) decodes JSON
straight into the record classes, whose validators run, after a strict check
against *mirror* types derived from the same fields (`_model.fields`): unknown
keys and decimals written as numbers are refused there.  The detailed engine
(cattrs) reads the same input again only when the fast one refuses it, to
name every problem with its path.  Only msgspec's own errors send input to
the detailed engine; any other exception is a bug and propagates.  Should the
detailed engine find nothing wrong with what the fast one refused, the fast
engine's error is reported: input is never accepted by one engine and
silently taken from the other.  The test suite checks that both engines
accept and refuse the same inputs, an object that gives a key twice
among them (JSON allows it, and parsers keep the last: see `KEYS_TWICE`).

**Versions.** `SCHEMA_VERSION` is the layout written; `MIGRATIONS` bring
records of older layouts up to it (a version that only adds a kind needs none).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import itertools
import re
import threading
import typing
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from aiforecasts._model.errors import LongInteger, Problem, Problems
from aiforecasts._model.fields import DECIMAL, Shape, fields, parse_date, resolve
from aiforecasts._model.kinds import KINDS
from aiforecasts._model.limits import MAX_DEPTH, MAX_ITEMS

if TYPE_CHECKING:
    import json
    from collections.abc import Callable, Iterator

    import pendulum
else:  # imported on first use: only dates need pendulum, and only input with problems json
    from aiforecasts._model.lazy import json, pendulum

__all__ = [
    "KEYS_TWICE",
    "MIGRATIONS",
    "NOT_JSON",
    "REFUSED",
    "SCHEMA_VERSION",
    "Engine",
    "decode_many",
    "decode_one",
    "depth_problem",
    "dumps_readable",
    "encode",
    "migrate",
    "parse_int",
    "read_json",
    "same_keys",
    "shallow",
    "structure_many",
    "to_builtins",
    "too_deep",
]

# -- versions ----------------------------------------------------------------


def _v1_to_v2(kind: str, record: dict[str, Any], dataset_version: str) -> dict[str, Any]:
    """
    Schema 2 adds ``added_in`` and ``changed_in`` to every record (a record of
    a schema-1 file dates from that file's dataset version), and splits money
    from quantities: a statistic's ``value`` and a growth's ``level`` that are
    money (they have a ``currency``) move to ``money``.
    """
    record = dict(record)
    record.setdefault("added_in", dataset_version)
    record.setdefault("changed_in", dataset_version)
    if kind == "statistics":
        value = record.get("value")
        if isinstance(value, dict) and "currency" in value:
            record["money"] = record.pop("value")
    if kind == "compute_trends" and isinstance(record.get("growth"), dict):
        growth = dict(record["growth"])
        level = growth.get("level")
        if isinstance(level, dict) and "currency" in level:
            growth["money"] = growth.pop("level")
        record["growth"] = growth
    return record


def _v2_to_v3(_kind: str, record: dict[str, Any], _dataset_version: str) -> dict[str, Any]:
    """
    Schema 3 adds ``repairs`` to sources (a schema-2 source declares none: its
    records' display texts are as they were written).
    """
    return record


def _v3_to_v4(_kind: str, record: dict[str, Any], _dataset_version: str) -> dict[str, Any]:
    """
    Schema 4 adds ``same_claim`` to the claim kinds, ``condition``,
    ``equivalents`` and ``cited`` to compute trends, ``equivalents`` and
    ``cited`` to statistics, ``from_level``/``from_money`` and the kind
    ``change`` to growths, and the tombstones of retired ids (a schema-3 file
    has none): all empty in a schema-3 record.
    """
    return record


def _v4_to_v5(_kind: str, record: dict[str, Any], _dataset_version: str) -> dict[str, Any]:
    """
    Schema 5 adds the resolutions (how predictions turned out, with evidence)
    and ``target`` to predictions: a schema-4 file has neither.
    """
    return record


def _v5_to_v6(_kind: str, record: dict[str, Any], _dataset_version: str) -> dict[str, Any]:
    """
    Schema 6 adds to predictions their ``voice`` and ``criterion`` (or
    ``unsettleable``), to resolutions the judges' ``judgements`` and
    ``observed_basis``, to evidence its ``publisher_kind``, to targets their
    ``basis``, and the verdicts ``annulled`` and ``too_vague``.  A schema-5 file
    has none of them: its records are read without them (see
    `aiforecasts._model.checks.older_layout`), though schema 6 requires them.
    """
    return record


def _v6_to_v7(kind: str, record: dict[str, Any], _dataset_version: str) -> dict[str, Any]:
    """
    Schema 7 holds every target of a prediction in ``targets`` (a schema-6
    ``target`` becomes the one item of ``targets``), and adds ``contradicts``
    to the claim kinds (empty in a schema-6 record).
    """
    if kind == "predictions" and "target" in record:
        record = dict(record)
        target = record.pop("target")
        record["targets"] = [] if target is None else [target]
    return record


MIGRATIONS: dict[int, Callable[[str, dict[str, Any], str], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}
"""Schema version n → the function that brings a record from n to n + 1."""

SCHEMA_VERSION: int = max(max(MIGRATIONS) + 1, *(kind.since for kind in KINDS))
"""The version of the record layout this package reads and writes: one past the last
migration's, or the version that brought the newest kind (`Kind.since`), whichever is
higher.  A version that only adds a kind needs no migration: a file of an older layout has
no records of it."""


def migrate(
    kind: str, record: dict[str, Any], version: int, dataset_version: str
) -> dict[str, Any]:
    """*record* of *kind*, written with schema *version*, in the current layout."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)  # none for a version that only adds a kind
        if step is not None:
            record = step(kind, record, dataset_version)
        version += 1
    return record


# -- writing -----------------------------------------------------------------

# datetime.date.isoformat, a C function, serves pendulum's Date subclass too.
_enc_hook = datetime.date.isoformat
_encoder = msgspec.json.Encoder(enc_hook=_enc_hook, order="sorted")


def encode(value: Any) -> bytes:
    """*value* (records, and lists and dicts of them) as compact JSON, keys sorted."""
    return _encoder.encode(value)


def to_builtins(value: Any) -> Any:
    """
    *value* as JSON-ready Python values (dicts, lists, strings, numbers),
    in the shape `encode` writes.

    >>> import aiforecasts
    >>> nvidia = to_builtins(aiforecasts.load().get("nvidia"))
    >>> nvidia["country"], nvidia["parent"], nvidia["excerpts"][0]["start"]
    ('US', None, 65)
    """
    return msgspec.json.decode(_encoder.encode(value))  # exactly what JSON readers get


def dumps_readable(value: Any) -> str:
    """*value* (records, values, or plain JSON values) as JSON for people: the one form
    every file the package writes for people takes — UTF-8 text, keys sorted, indented by
    two spaces, a final newline.

    >>> dumps_readable({"b": "英伟达", "a": [1]})
    '{\\n  "a": [\\n    1\\n  ],\\n  "b": "英伟达"\\n}\\n'
    """
    return json.dumps(to_builtins(value), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- reading: shared -------------------------------------------------------

REFUSED = (msgspec.DecodeError, UnicodeDecodeError, RecursionError)
"""What msgspec raises for input it refuses (its validation errors are DecodeErrors).
msgspec counts its own nesting against Python's recursion limit and raises
`RecursionError` past it; the readers refuse nesting deeper than `MAX_DEPTH`
first (`too_deep`), so that one only ends a decode that was given no such check."""


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


def _deep_at(blob: bytes, where: str) -> str | None:
    """The path of the first container deeper than `MAX_DEPTH` in *blob*, token by token."""
    frames: list[list[Any]] = []  # per open container: [is an object, key or index, key next]
    for match in _TOKEN.finditer(blob):
        token = match.group()
        mark = token[:1]
        if mark in (b"[", b"{"):
            if len(frames) == MAX_DEPTH:
                return _path_of(frames, where)
            frames.append([mark == b"{", 0 if mark == b"[" else "", mark == b"{"])
        elif mark in (b"]", b"}"):
            if frames:
                frames.pop()
        elif mark == b",":
            if frames and frames[-1][0]:
                frames[-1][2] = True
            elif frames:
                frames[-1][1] += 1
        elif mark == b'"' and frames and frames[-1][0] and frames[-1][2]:
            frames[-1][1] = _key(token)
            frames[-1][2] = False
    return None


def _key(token: bytes) -> str:
    try:
        key = json.loads(token)
    except ValueError:
        return token.decode("utf-8", "replace")[1:-1]
    return key if isinstance(key, str) else ""


def _path_of(frames: list[list[Any]], where: str) -> str:
    path = "" if where == "$" else where
    for is_object, key, _ in frames:
        path = f"{path}.{key}" if is_object and path else key if is_object else f"{path}[{key}]"
    return path or "$"


def depth_problem(path: str, file: str) -> Problem:
    return Problem(path, f"nested deeper than {MAX_DEPTH} levels of arrays and objects", file)


Engine = Literal["auto", "fast", "detailed"]
"""``auto``: fast, and detailed only to describe what the fast engine refused;
``fast`` or ``detailed`` alone (for tests that compare them)."""


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


NOT_JSON: Any = type("NotJson", (), {"__repr__": lambda _self: "NOT_JSON"})()
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

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        if len(value) < len(pairs):
            seen: set[str] = set()
            self.twice[id(value)] = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        return value

    def note(self, value: Any, path: str, file: str, problems: list[Problem]) -> None:
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


def _read_items(
    raw: bytes | msgspec.Raw, file: str, problems: list[Problem], where: str, cut: list[bool]
) -> Any:
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
) -> Iterator[Any]:
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


def _lone_surrogate(value: Any, path: str) -> str | None:
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


def decode_many(  # noqa: PLR0913 - keyword-only options
    cls: type,
    raw: bytes,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    strict: bool = True,
    engine: Engine = "auto",
) -> list[Any] | None:
    """
    The records of class *cls* in the JSON array *raw*, noting in *problems*
    every problem found (the records are meaningless if any was noted; a
    record that could not be read is an `Unread`, and ``None`` means that
    *raw* was not a JSON array at all).
    *where* names the array in problem paths (``predictions``); input that
    is not *strict* (the bundled files, held to the exact layout by the test
    suite) skips the check for unknown keys.
    """
    return _decode(
        cls,
        raw,
        lambda: _fast_many(cls, raw, strict=strict),
        one=False,
        where=where,
        file=file,
        problems=problems,
        engine=engine,
    )


def decode_one(  # noqa: PLR0913 - keyword-only options
    cls: type,
    raw: bytes,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine = "auto",
) -> Any:
    """One record of class *cls* from the JSON object *raw* (or ``None``), as `decode_many`."""

    def fast() -> list[Any]:
        mirror = _decoder(cls, "check").decode(raw)
        if not same_keys(raw, _plain.encode(mirror).count(b":")):
            raise msgspec.ValidationError(_TWICE)
        return [_decoder(cls, "one").decode(raw)]

    found = _decode(
        cls, raw, fast, one=True, where=where, file=file, problems=problems, engine=engine
    )
    return found[0] if found else None  # no record to check


def _decode(  # noqa: PLR0913 - the context of one part
    cls: type,
    raw: bytes,
    fast: Callable[[], list[Any]],
    *,
    one: bool,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine,
) -> list[Any] | None:
    """The fast engine's records; what it refuses, described by the detailed engine."""
    fast_error: Exception | None = None
    if engine != "detailed":
        try:
            return fast()
        except REFUSED as error:
            if engine == "fast":
                problems.append(_problem(error, where, file))
                return None
            fast_error = error
    before = len(problems)
    records = None
    if one:
        value = read_json(raw, file, problems, where)
        if value is not NOT_JSON:
            records = structure_many(cls, [value], where, file, problems, one=True)
    else:
        cut: list[bool] = []
        items = _read_items(raw, file, problems, where, cut)
        if items is not NOT_JSON:
            records = structure_many(cls, items, where, file, problems)
        if cut and not (isinstance(problems, Problems) and problems.stopped):
            # Not JSON partway: the records after that point are unknown, and an integrity
            # check of those before it would call every reference to them unknown.
            records = None
    if fast_error is not None and len(problems) == before:
        # The detailed engine found nothing wrong: never take what the fast one refused.
        problems.append(_problem(fast_error, where, file))
    return records


def _problem(error: Exception, where: str, file: str) -> Problem:
    """A `Problem` from a msgspec error: ``Expected `int` - at `$[3].number```."""
    message, at = _split(error)
    return Problem(where + at, message, file)


def _split(error: Exception) -> tuple[str, str]:
    """(message, path below the root) of a msgspec error: ``Expected `int` - at `$[3].n```."""
    message, found, at = str(error).rpartition(" - at `$")
    if not found:
        return str(error), ""
    return message, at.removesuffix("`")


# -- the fast engine -----------------------------------------------------------


_lock = threading.Lock()
_built: dict[tuple[type, str], msgspec.json.Decoder[Any]] = {}
_items = msgspec.json.Decoder(list[msgspec.Raw])


def _decoder(cls: type, role: Literal["many", "one", "check"]) -> msgspec.json.Decoder[Any]:
    """
    The decoder of one *role* for the record class *cls*: a list of records,
    one record, or the strict check of one record against its mirror.  Each
    is built once, under a lock, on first use.
    """
    found = _built.get((cls, role))
    if found is None:
        with _lock:
            found = _built.get((cls, role))
            if found is None:
                resolve(cls)  # each annotation evaluated once, here, not again by msgspec
                if role == "many":
                    found = msgspec.json.Decoder(list[cls], dec_hook=_dec_hook)  # type: ignore[valid-type]
                elif role == "one":
                    found = msgspec.json.Decoder(cls, dec_hook=_dec_hook)
                else:
                    found = msgspec.json.Decoder(_mirror(Shape("record", cls)))
                _built[(cls, role)] = found
    return found


def _fast_many(cls: type, raw: bytes, *, strict: bool) -> list[Any]:
    if strict:
        check = _decoder(cls, "check")
        written = bytearray()
        keys = 0
        # Record by record, so that the check's throw-away objects never all exist at once.
        for index, item in enumerate(_items.decode(raw)):
            try:
                mirror = check.decode(item)
            except msgspec.ValidationError as error:
                message, at = _split(error)  # name the item as the whole array does
                text = f"{message} - at `$[{index}]{at}`"
                raise msgspec.ValidationError(text) from None
            _plain.encode_into(mirror, written)
            keys += written.count(b":")
        if not same_keys(raw, keys):
            raise msgspec.ValidationError(_TWICE)
    with _no_gc():
        records: list[Any] = _decoder(cls, "many").decode(raw)
    return records


_plain = msgspec.json.Encoder()
_TWICE = "an object gives a key twice"


def same_keys(raw: bytes | msgspec.Raw, colons: int) -> bool:
    """
    Whether the JSON text *raw*, decoded into objects that hold *colons*
    colons when written again (each key once), gave no key twice.

    msgspec, like every JSON parser, keeps the last of a key given twice
    (its issue 648 asks for a check).  Every colon of JSON text is a key's or
    a string's; the strict check's *mirror* classes (`_mirror`) keep every
    value they do not need as the text it was (``msgspec.Raw``), and every
    object as an object that holds each key given once (``msgspec.UNSET``
    where absent), so written again they hold the strings' colons and one per
    key.  More colons in *raw* means a key given twice, most likely, and
    an escape ``\\u003a`` (a colon) in a string the mirror decodes counts in
    the mirror alone, and could hide one: either way, and only then, *raw* is
    parsed again by `json`, which looks at every object.  The cost: a count of
    bytes (about 2 % of the fast decode) and writing the mirrors again (about
    3 %).
    """
    data = bytes(raw) if isinstance(raw, msgspec.Raw) else raw
    if data.count(b":") == colons and b"\\u003" not in data:
        return True
    pairs = _Pairs()
    with contextlib.suppress(ValueError, RecursionError):  # what else is wrong is said later
        json.loads(data, parse_int=parse_int, object_pairs_hook=pairs)
    return not pairs.twice


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many new objects are made at once:
    they hold no cycles, and collections during the decode would visit them all
    again and again (as msgspec's documentation advises for large decodes)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _dec_hook(type_: type, value: Any) -> Any:
    if type_ is pendulum.Date:  # the only type msgspec asks about: pendulum is imported by now
        return _date(value) if isinstance(value, str) else parse_date(value)
    raise NotImplementedError(type_)  # pragma: no cover - records hold no other such type


@functools.lru_cache(maxsize=4096)
def _date(value: str) -> pendulum.Date:
    """A date from its string, remembered (the data repeats few dates many times)."""
    return parse_date(value)


def _mirror(shape: Shape) -> Any:
    """
    The msgspec type that checks what *shape* may be written as: unknown keys
    refused, decimals and dates as strings of their form; anything else is
    left to the real decode (``msgspec.Raw``: not even parsed).
    """
    if shape.kind == "record":
        return _mirror_struct(shape.type)
    if shape.kind == "decimal":
        return typing.Annotated[str, msgspec.Meta(pattern=f"^{DECIMAL}\\Z")]
    if shape.kind == "date":
        return str
    if shape.kind in ("list", "set"):
        # Every list is checked for its length (`MAX_ITEMS`), so that the engines refuse a
        # list of a million items alike; its items by their JSON type at least, so that a
        # million items of the wrong type are refused at the first (msgspec counts the items
        # only once it has built them all).
        item = _mirror(shape.inner)
        if item is msgspec.Raw:
            item = _ITEM_TYPES.get(shape.inner.kind, msgspec.Raw)
        return typing.Annotated[list[item], msgspec.Meta(max_length=MAX_ITEMS)]  # type: ignore[valid-type]
    if shape.kind == "optional":
        inner = _mirror(shape.inner)
        return msgspec.Raw if inner is msgspec.Raw else inner | None
    return msgspec.Raw


_ITEM_TYPES: dict[str, type] = {"text": str, "choice": str, "integer": int, "number": float}
"""The JSON type of a list's items of a scalar shape, as the real decode also requires it."""

_mirrors: dict[type, Any] = {}


def _mirror_struct(cls: type) -> Any:
    found = _mirrors.get(cls)
    if found is None:
        specs: list[Any] = []
        # UNSET where absent: written again, a mirror holds the keys given (`same_keys`).
        unset = (msgspec.UNSET,)
        for field in fields(cls):
            mirrored = _mirror(field.shape)
            if field.required:
                specs.append((field.name, mirrored))
            elif mirrored is msgspec.Raw:  # Raw takes null too; "Raw | None" would not
                specs.append((field.name, mirrored | msgspec.UnsetType, *unset))
            else:
                specs.append((field.name, mirrored | None | msgspec.UnsetType, *unset))
        found = msgspec.defstruct(
            f"{cls.__name__}Check", specs, forbid_unknown_fields=True, gc=False, kw_only=True
        )
        _mirrors[cls] = found
    return found


# -- the detailed engine -----------------------------------------------------


def structure_many(  # noqa: PLR0913 - as _detailed.structure_many
    cls: type,
    value: Any,
    where: str,
    file: str,
    problems: list[Problem],
    *,
    one: bool = False,
) -> list[Any] | None:
    """
    Records of class *cls* from JSON values (a list of objects) by the
    detailed engine, noting every problem with its path; *one* names a single
    record by *where* alone (see `_codec.detailed.structure_many`).
    """
    # The detailed engine imports cattrs: only when input needs describing.
    from aiforecasts._codec import detailed as _detailed  # noqa: PLC0415

    return _detailed.structure_many(cls, value, where, file, problems, one=one)
