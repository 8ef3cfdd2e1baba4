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
records of older layouts up to it (`_codec.migrations`).  What the readers
share besides the fast engine, JSON text read strictly, is in `_codec.reading`.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import threading
import typing
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import msgspec

from aiforecasts._codec.reading import (
    NOT_JSON,
    read_items,
    read_json,
    same_keys,
)
from aiforecasts._model.errors import Problem, Problems
from aiforecasts._model.fields import DECIMAL, Shape, fields, parse_date, resolve
from aiforecasts._model.limits import MAX_ITEMS

if TYPE_CHECKING:
    import json
    from collections.abc import Callable, Iterator

    import pendulum

    from aiforecasts._model.errors import Unread
else:  # imported on first use: only dates need pendulum, and only readable output json
    from aiforecasts._model.lazy import json, pendulum

__all__ = [
    "REFUSED",
    "Engine",
    "decode_many",
    "decode_one",
    "dumps_readable",
    "encode",
    "structure_many",
    "to_builtins",
]

R = TypeVar("R")
"""A record class's instances, as the engines read them."""

# -- writing -----------------------------------------------------------------

# datetime.date.isoformat, a C function, serves pendulum's Date subclass too.
_enc_hook = datetime.date.isoformat
_encoder = msgspec.json.Encoder(enc_hook=_enc_hook, order="sorted")


def encode(value: object) -> bytes:
    """*value* (records, and lists and dicts of them) as compact JSON, keys sorted."""
    return _encoder.encode(value)


def to_builtins(value: object) -> Any:
    """
    *value* as JSON-ready Python values (dicts, lists, strings, numbers),
    in the shape `encode` writes.

    >>> import aiforecasts
    >>> nvidia = to_builtins(aiforecasts.load().get("nvidia"))
    >>> nvidia["country"], nvidia["parent"], nvidia["excerpts"][0]["start"]
    ('US', None, 65)
    """
    return msgspec.json.decode(_encoder.encode(value))  # exactly what JSON readers get


def dumps_readable(value: object) -> str:
    """*value* (records, values, or plain JSON values) as JSON for people: the one form
    every file the package writes for people takes — UTF-8 text, keys sorted, indented by
    two spaces, a final newline.

    >>> dumps_readable({"b": "英伟达", "a": [1]})
    '{\\n  "a": [\\n    1\\n  ],\\n  "b": "英伟达"\\n}\\n'
    """
    return json.dumps(to_builtins(value), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


# -- reading ---------------------------------------------------------------------

REFUSED = (msgspec.DecodeError, UnicodeDecodeError, RecursionError)
"""What msgspec raises for input it refuses (its validation errors are DecodeErrors).
msgspec counts its own nesting against Python's recursion limit and raises
`RecursionError` past it; the readers refuse nesting deeper than `MAX_DEPTH` first
(`_codec.reading.too_deep`), so that one only ends a decode that was given no such check."""


Engine = Literal["auto", "fast", "detailed"]
"""``auto``: fast, and detailed only to describe what the fast engine refused;
``fast`` or ``detailed`` alone (for tests that compare them)."""


def decode_many(  # noqa: PLR0913 - keyword-only options
    cls: type[R],
    raw: bytes,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    strict: bool = True,
    engine: Engine = "auto",
) -> list[R | Unread] | None:
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
    cls: type[R],
    raw: bytes,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine = "auto",
) -> R | Unread | None:
    """One record of class *cls* from the JSON object *raw* (or ``None``), as `decode_many`."""

    def fast() -> list[R | Unread]:
        mirror = _decoder(cls, "check").decode(raw)
        if not same_keys(raw, _plain.encode(mirror).count(b":")):
            raise msgspec.ValidationError(_TWICE)
        return [_decoder(cls, "one").decode(raw)]

    found = _decode(
        cls, raw, fast, one=True, where=where, file=file, problems=problems, engine=engine
    )
    return found[0] if found else None  # no record to check


def _decode(  # noqa: PLR0913 - the context of one part
    cls: type[R],
    raw: bytes,
    fast: Callable[[], list[R | Unread]],
    *,
    one: bool,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine,
) -> list[R | Unread] | None:
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
        items = read_items(raw, file, problems, where, cut)
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


def _fast_many(cls: type[R], raw: bytes, *, strict: bool) -> list[R | Unread]:
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
        records: list[R | Unread] = _decoder(cls, "many").decode(raw)  # all read, or none
    return records


_plain = msgspec.json.Encoder()
_TWICE = "an object gives a key twice"


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


def _dec_hook(type_: type, value: object) -> pendulum.Date:
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
    cls: type[R],
    value: object,
    where: str,
    file: str,
    problems: list[Problem],
    *,
    one: bool = False,
) -> list[R | Unread] | None:
    """
    Records of class *cls* from JSON values (a list of objects) by the
    detailed engine, noting every problem with its path; *one* names a single
    record by *where* alone (see `_codec.detailed.structure_many`).
    """
    # The detailed engine imports cattrs: only when input needs describing.
    from aiforecasts._codec import detailed as _detailed  # noqa: PLC0415

    return _detailed.structure_many(cls, value, where, file, problems, one=one)
