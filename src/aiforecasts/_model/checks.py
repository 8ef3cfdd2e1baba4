"""
The checks every field of a record or value class makes, however the record
is built (read, constructed, or changed with `attrs.evolve`).

`checked`, the field transformer of every record and value class, adds to
each field a check of its type and of its value (ids are slugs, text holds no
control or format characters); the validators the classes name themselves
(`nonblank`, `version`, `required` …) and the bounds of a decimal figure
(`check_decimal`) are here too, with `FieldError`, the error of one field,
and `older_layout`, during which the fields schema 6 made required may be
missing.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
import sys
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from aiforecasts._model.declare import is_verbatim, refers_to

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = [
    "DECIMAL_DIGITS",
    "DECIMAL_EXPONENTS",
    "DECIMAL_PLACES",
    "PROSE",
    "SLUG",
    "VERSION",
    "FieldError",
    "any_lacking",
    "check_decimal",
    "checked",
    "nonblank",
    "older_layout",
    "optional_nonblank",
    "quote",
    "required",
    "version",
]


class FieldError(ValueError):
    """A rule one field of a record breaks: the reader names the field in the problem's path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def quote(value: object, limit: int = 60) -> str:
    """*value*'s repr for a message, cut to about *limit* characters."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


# -- decimal figures -----------------------------------------------------------

DECIMAL_PLACES = 9
"""The most digits a decimal figure may have after the point, trailing zeros aside (down to a
billionth; the data's figures have at most two): the scale of the Parquet column."""
DECIMAL_EXPONENTS = range(-DECIMAL_PLACES, 29)
"""The orders of magnitude a nonzero decimal figure may have (10^-9 to 10^28: below 10^29).
With `DECIMAL_PLACES`, a figure has at most 38 digits once its trailing zeros are dropped, so
every figure the types accept is held exactly by each export: the JSON and CSV text, and the
``decimal128(38, 9)`` column of Arrow and Parquet (29 digits before the point, 9 after).  Wide
enough for FLOPs (the largest count in the data is about 2·10^25), narrow enough that
conversions to float never overflow.  (Sums of figures of more than 28 digits round in
Python's default decimal context: add them in a wider one.)"""
DECIMAL_DIGITS = 38
"""The most digits a decimal figure may be written with, trailing zeros included, and the
most places its point may stand from its last digit, either way: a figure written with
zeros to spare (``Decimal("1.500000000000")``) is taken, and every figure is written in a
form the reader takes back (`_model.fields.DECIMAL`)."""
_INTEGER_DIGITS = DECIMAL_EXPONENTS[-1] + 1


def check_decimal(name: str, value: Decimal) -> None:
    """
    Refuse a decimal that is not finite, 10^29 or more either way, with more than 9 digits
    after the point (trailing zeros aside), or written too long to be a figure.  It runs for
    every figure built or read, so it looks only at the digits of ``as_tuple()``.

    >>> check_decimal("amount", Decimal("99999999999999999999999999999.999999999"))
    >>> check_decimal("amount", Decimal("1.500000000000"))
    >>> check_decimal("amount", Decimal("0.0000000015"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    aiforecasts._model.checks.FieldError: amount is out of range (at most 9 digits ...): 1.5E-9
    """
    if not value.is_finite():
        msg = f"{name} must be finite, not {value}"
        raise FieldError(name, msg)
    _sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # a finite decimal's
    count = len(digits)
    # Most figures pass both tests below at once: no digit below the billionth, none at 10^29.
    if count + exponent > _INTEGER_DIGITS:
        if digits[0]:  # 0 only in a zero, whose exponent alone is long
            msg = f"{name} is out of range (below 10^{_INTEGER_DIGITS}): {value:.3e}"
            raise FieldError(name, msg)
        if exponent > DECIMAL_DIGITS:
            _written_too_long(name, value)
    elif exponent < -DECIMAL_PLACES:
        if any(digits[max(0, count + exponent + DECIMAL_PLACES) :]):
            msg = (
                f"{name} is out of range (at most {DECIMAL_PLACES} digits after the point): "
                f"{_shown_figure(value)}"
            )
            raise FieldError(name, msg)
        if count > DECIMAL_DIGITS or exponent < -DECIMAL_DIGITS:
            _written_too_long(name, value)
    # Else at most 38 digits: 29 before the point (the first test) and 9 after (the second).


def _written_too_long(name: str, value: Decimal) -> None:
    """Refuse a figure in bounds but written with more zeros than the reader's form takes."""
    msg = (
        f"{name} is written too long (at most {DECIMAL_DIGITS} digits, trailing zeros "
        f"included, its point at most {DECIMAL_DIGITS} places from the last): "
        f"{_shown_figure(value)}"
    )
    raise FieldError(name, msg)


def _shown_figure(value: Decimal) -> str:
    """*value* as written, cut for a message (a figure built by hand may be any length)."""
    text = str(value)
    return text if len(text) <= 50 else f"{text[:49]}…"


# -- text that says something --------------------------------------------------


def nonblank(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """
    A validator: text that says something (not empty, not only spaces, no NUL
    and no lone surrogate, which no file can hold).
    """
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise FieldError(attribute.name, msg)
    if not value.isprintable() and _UNWRITABLE_RE.search(value):
        msg = f"{attribute.name} must not contain NUL or a lone surrogate"
        raise FieldError(attribute.name, msg)


_UNWRITABLE_RE = re.compile("[\x00\ud800-\udfff]")


def optional_nonblank(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """Like `nonblank`, for a text that may be ``None`` (absent), never empty."""
    if value is not None:
        nonblank(_inst, attribute, value)


# -- what every field holds, however a record is built -----------------------

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""What an id is: a lower-case slug (``openai-microsoft-10b-2023``); the loader's integrity
check holds ids to it too (`_model.integrity.SLUG`)."""
_SLUG_RE = re.compile(SLUG)


PROSE = frozenset(
    (
        "statement",
        "rationale",
        "reason",
        "note",
        "parts_held",
        "summary",
        "came_true",
        "did_not",
        "partly",
        "condition",
        "unsettleable",
        "translation_of",
    )
)
"""The fields, by name in any class, that hold sentences the curators wrote, which may run
over several lines: tab, line feed and carriage return are allowed there, and other control
and format characters refused, as in every other text field."""


_REFUSED_CATEGORIES = frozenset(("Cc", "Cf", "Cs"))
_PROSE_SPACE = frozenset("\t\n\r")


def _refuse_invisible(name: str, value: str, allowed: frozenset[str]) -> None:
    """
    Refuse a control (Cc) or format (Cf) character, or a lone surrogate (Cs),
    in *value*: they are invisible or act on the terminal (U+200B, ESC, bidi
    overrides), so two names that look alike could differ by one.  Called only
    when ``str.isprintable`` found something to look at (a space other than
    U+0020 is printable here, though not to ``isprintable``).
    """
    for index, char in enumerate(value):
        if char not in allowed and unicodedata.category(char) in _REFUSED_CATEGORIES:
            msg = (
                f"{name} must not contain the control or format character "
                f"U+{ord(char):04X} (at {index})"
            )
            raise FieldError(name, msg)


def _line(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator: one line of text, without control or format characters."""
    if value is not None and not value.isprintable():
        _refuse_invisible(attribute.name, value, frozenset())


def _prose(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator: text that may run over lines, without other control or format characters."""
    if value is not None and not value.isprintable():
        _refuse_invisible(attribute.name, value, _PROSE_SPACE)


def _lines(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A validator: texts (names, aliases) each of one line."""
    for item in value:
        if not item.isprintable():
            _refuse_invisible(attribute.name, item, frozenset())


def _slug(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """A validator: an id (`SLUG`), or ``None``."""
    if value is not None and not _SLUG_RE.fullmatch(value):
        msg = f"{attribute.name} must be an id (a lower-case slug), not {quote(value)}"
        raise FieldError(attribute.name, msg)


def _slugs(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """A validator: ids (`SLUG`)."""
    for item in value:
        if not _SLUG_RE.fullmatch(item):
            msg = f"{attribute.name} must hold ids (lower-case slugs), not {quote(item)}"
            raise FieldError(attribute.name, msg)


def _nonblank_line(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """`nonblank` and `_line` in one call."""
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise FieldError(attribute.name, msg)
    if not value.isprintable():
        _refuse_invisible(attribute.name, value, frozenset())


def _nonblank_prose(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """`nonblank` and `_prose` in one call."""
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise FieldError(attribute.name, msg)
    if not value.isprintable():
        _refuse_invisible(attribute.name, value, _PROSE_SPACE)


def _optional_nonblank_line(
    inst: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _nonblank_line(inst, attribute, value)


def _optional_nonblank_prose(
    inst: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _nonblank_prose(inst, attribute, value)


def checked(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """
    The field transformer of every record and value class (``attrs.frozen(...,
    field_transformer=checked)``): each field checks what the loader would
    refuse, so that `attrs.evolve` and direct construction build only records
    that `write` can save and the readers take back.

    Two kinds of check are added, from the field's annotation and metadata:

    - its type (a converter): a `Decimal` where a decimal belongs (never a
      float), a member of the enum (or the string of one, which becomes the
      member), a tuple of what the tuple holds (a list becomes a tuple; a
      string is refused), a `pendulum.Date` (a `datetime.date` becomes one), an
      instance of the part's class.  Converters run in ``__init__`` and so in
      `attrs.evolve`, but the fast decoder (msgspec) calls none: it checks the
      same types itself while decoding, so reading pays nothing for them.
    - its value (a validator, which the decoder runs too): ids and the ids a
      field refers to are slugs; text holds no control or format characters
      (`PROSE` may run over lines; `verbatim` text keeps what it quotes).
    """
    module = sys.modules[cls.__module__].__dict__
    found = []
    for field in fields:
        annotation: object = field.type  # a string: the modules postpone their annotations
        spec = _parse(annotation) if isinstance(annotation, str) else None
        if spec is None:
            found.append(field)
            continue
        changes: dict[str, Any] = {"converter": _type_check(spec, module, field.name)}
        extra = _value_check(field, spec)
        if extra is not None:
            # One call, not two, where the field says something too: reading pays per call.
            combined = _COMBINED.get((field.validator, extra))
            if combined is not None:
                changes["validator"] = combined
            elif field.validator is None:
                changes["validator"] = extra
            else:
                changes["validator"] = attrs.validators.and_(field.validator, extra)
        found.append(field.evolve(**changes))
    return found


_COMBINED: dict[tuple[Any, Any], Any] = {
    (nonblank, _line): _nonblank_line,
    (nonblank, _prose): _nonblank_prose,
    (optional_nonblank, _line): _optional_nonblank_line,
    (optional_nonblank, _prose): _optional_nonblank_prose,
}
"""A field's own text validator and the one `checked` adds → both in one function."""

_Spec = tuple[str, Any]  # ("optional" | "tuple" | "frozenset", inner) or ("name", "Decimal")


def _parse(annotation: str) -> _Spec | None:
    """The parts of a field annotation as the record classes write them (``tuple[str, ...]``)."""
    annotation = annotation.strip()
    if annotation.endswith(" | None"):
        inner = _parse(annotation.removesuffix(" | None"))
        return None if inner is None else ("optional", inner)
    for outer, suffix in (("tuple[", ", ...]"), ("frozenset[", "]")):
        if annotation.startswith(outer) and annotation.endswith(suffix):
            inner = _parse(annotation[len(outer) : -len(suffix)])
            return None if inner is None else (outer[:-1], inner)
    if annotation.replace(".", "").isidentifier():
        return ("name", annotation)
    return None  # pragma: no cover - every annotation of the classes is of those forms


def _value_check(field: attrs.Attribute[Any], spec: _Spec) -> Any:
    """The validator *field* needs besides its own, or ``None``."""
    kind, inner = spec
    base = inner if kind == "optional" else spec
    if base == ("name", "str"):
        if field.name == "id" or refers_to(field):
            return _slug
        if field.validator is version:  # a version's pattern admits no such characters
            return None
        if is_verbatim(field):
            return None
        return _prose if field.name in PROSE else _line
    if kind == "tuple" and inner == ("name", "str"):
        return _slugs if refers_to(field) else _lines
    return None


def _type_check(spec: _Spec, module: dict[str, Any], name: str) -> Any:
    """
    A converter that returns a value of the type *spec* describes, or raises
    TypeError (ValueError for a string that names no member of an enum).  The
    classes it names are looked up on first use: a field may hold a class
    defined further down its module.
    """
    resolved: list[Any] = []

    def convert(value: Any) -> Any:
        if not resolved:
            resolved.append(_converter(spec, module, name))
        result, ok = resolved[0](value)
        if not ok:
            wanted = _described_type(spec)
            msg = f"{name} must be {wanted}, not {type(value).__name__} {quote(value)}"
            raise TypeError(msg)
        return result

    return convert


def _converter(spec: _Spec, module: dict[str, Any], name: str) -> Any:
    """For *spec*, a function: value → (the value, or what it converts to; whether it fits)."""
    kind, inner = spec
    if kind == "optional":
        item = _converter(inner, module, name)
        return lambda value: (None, True) if value is None else item(value)
    if kind in ("tuple", "frozenset"):
        item = _converter(inner, module, name)
        container = tuple if kind == "tuple" else frozenset
        takes = (tuple, list) if kind == "tuple" else (frozenset, set)

        def many(value: Any) -> tuple[Any, bool]:
            if type(value) not in takes:
                return value, False
            items = [item(each) for each in value]
            if not all(ok for _, ok in items):
                return value, False
            if type(value) is container and all(
                new is old for (new, _), old in zip(items, value, strict=True)
            ):
                return value, True
            return container(each for each, _ in items), True

        return many
    if inner == "pendulum.Date":
        import datetime  # noqa: PLC0415

        def day(value: Any) -> tuple[Any, bool]:
            if type(value) is pendulum.Date:
                return value, True
            if type(value) is datetime.date:
                return pendulum.Date(value.year, value.month, value.day), True
            return value, False

        return day
    cls = _BUILTINS.get(inner) or module[inner]
    if isinstance(cls, type) and issubclass(cls, enum.Enum):

        def member(value: Any) -> tuple[Any, bool]:
            if type(value) is cls:
                return value, True
            if type(value) is str:
                try:
                    return cls(value), True
                except ValueError:
                    members = ", ".join(each.value for each in cls)
                    msg = (
                        f"{name}: {quote(value)} is not a valid {cls.__name__} (one of: {members})"
                    )
                    raise ValueError(msg) from None
            return value, False

        return member
    return lambda value: (value, type(value) is cls)


_BUILTINS: dict[str, type] = {"str": str, "int": int, "float": float, "Decimal": Decimal}


def _described_type(spec: _Spec) -> str:
    kind, inner = spec
    if kind == "optional":
        return f"{_described_type(inner)} or None"
    if kind in ("tuple", "frozenset"):
        return f"a {kind} of {inner[1]}"  # the items of a tuple or set are of one named type
    return _ARTICLES.get(inner, f"a {inner}")


_ARTICLES = {"int": "an int", "pendulum.Date": "a pendulum.Date"}

# -- fields a newer layout requires ----------------------------------------------

_OLDER = contextvars.ContextVar("aiforecasts_older_layout", default=False)


@contextlib.contextmanager
def older_layout() -> Iterator[None]:
    """
    While records of an older schema are read: fields that schema 6 made
    required (a prediction's voice, a resolution's judgements, an evidence
    item's publisher kind) may be missing, because those files never had them.
    Everywhere else they are required.
    """
    token = _OLDER.set(True)
    try:
        yield
    finally:
        _OLDER.reset(token)


_lacking = [False]
"""Whether this process has built a record that lacks what schema 6 requires (read from an
older layout): until it has, no record can lack it, and exports need not look."""


def required(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A field schema 6 made required: ``None`` only in records of an older layout."""
    if value is None:
        if not _OLDER.get():
            msg = (
                f"{attribute.name} is required (it may be missing only in files of schema 5 "
                "or older)"
            )
            raise FieldError(attribute.name, msg)
        _lacking[0] = True


def any_lacking() -> bool:
    """Whether some record built so far lacks what schema 6 requires (see `older_layout`)."""
    return _lacking[0]


VERSION = r"[0-9A-Za-z][0-9A-Za-z._+-]*"
"""How a dataset version is written: ``2026.1`` (no spaces or control characters)."""
_VERSION_RE = re.compile(VERSION + r"\Z")


def version(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A validator: a dataset version (`VERSION`)."""
    if not _VERSION_RE.match(value):
        msg = f"{attribute.name} must be a version such as 2026.1, not {quote(value)}"
        raise ValueError(msg)
