"""
Value types: the parts records are made of.

Amounts of money and quantities as the documents qualify them, spans of time
with their precision, verbatim excerpts, additions from outside the documents
and repairs of damaged text.  Each is an immutable, slotted attrs class.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import re
import sys
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import attrs

from aiforecasts._model.vocab import (
    Certainty,
    Comparison,
    Currency,
    Precision,
    PublisherKind,
    Qualifier,
    TimeRelation,
    Verdict,
)

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
    "Criterion",
    "Evidence",
    "Excerpt",
    "External",
    "FieldError",
    "Judgement",
    "Money",
    "Quantity",
    "Repair",
    "Target",
    "TimeSpan",
    "any_lacking",
    "check_decimal",
    "checked",
    "described",
    "description",
    "doc",
    "figure_of",
    "is_mutual",
    "nonblank",
    "number_text",
    "older_layout",
    "optional_nonblank",
    "quote",
    "ref",
    "refers_to",
    "required",
    "schema_of",
    "shown",
    "verbatim",
    "version",
    "wrap",
]


_DOC = "doc"


def doc(text: str) -> dict[str, object]:
    """
    Field metadata: the field's description, in English (markup as in
    docstrings).  It is written once, here: `described` puts it in the class
    docstring (for `help` and the API reference), and the JSON Schema and the
    tables' column descriptions read it (`description`).
    """
    return {_DOC: text}


_NEEDED = "needed"
_SCHEMA = "schema"


def needed(metadata: dict[str, object], **schema: object) -> dict[str, object]:
    """
    Field metadata: the field must be given, and not null, in files of the
    current schema, though records read from older files may lack it (its
    default); *schema* adds JSON Schema keywords (``minItems=2``).
    """
    return {**metadata, _NEEDED: True, _SCHEMA: schema}


def is_needed(field: attrs.Attribute[object]) -> bool:
    """Whether *field* must be given in the current layout though it has a default."""
    return bool(field.metadata.get(_NEEDED, False))


def schema_of(field: attrs.Attribute[object]) -> dict[str, object]:
    """The JSON Schema keywords *field*'s metadata adds (see `needed`)."""
    extra: dict[str, object] = field.metadata.get(_SCHEMA, {})
    return extra


def description(field: attrs.Attribute[object]) -> str | None:
    """*field*'s description (see `doc`), if it has one."""
    text: str | None = field.metadata.get(_DOC)
    return text


def ref(
    *kinds: str,
    mutual: Literal["kinds", "documents"] | None = None,
    doc: str | None = None,
) -> dict[str, object]:
    """
    Field metadata: the field holds ids of records of *kinds* (collection
    names).  A *mutual* link is given on both sides (the integrity check holds
    it so) and joins records of different kinds (``"kinds"``: one claim stated
    in two kinds) or of different documents (``"documents"``: records whose
    excerpts quote no document in common).  *doc* is the field's description
    (see `doc`).
    """
    metadata: dict[str, object] = {"refers_to": kinds, "mutual": mutual}
    if doc is not None:
        metadata[_DOC] = doc
    return metadata


_C = TypeVar("_C", bound=attrs.AttrsInstance)


def described(cls: type[_C]) -> type[_C]:
    """
    Class decorator, put above `attrs.frozen`: add to *cls*'s docstring an
    ``Attributes:`` section (Google style, which Sphinx's napoleon renders)
    giving each field with its description (`doc`), before the docstring's
    ``.. versionadded::`` line.  String work on the fields only: nothing is
    read from the source, and lines are wrapped by `wrap`.

    A class declared ``attrs.frozen(repr=False)`` gets the one `shown`
    ``__repr__``, which writes what attrs would (attrs compiles one per class,
    which costs a first lookup about 4 ms over the record and value classes).
    """
    text = cls.__doc__ or ""
    lines = text.splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=0)
    pad = " " * indent
    section = [f"{pad}Attributes:"]
    for field in attrs.fields(cls):
        about = description(field)
        if about is not None:  # tests/test_field_docs.py names a field without one
            section += wrap(f"{field.name}: {about}", f"{pad}    ", f"{pad}        ", indent + 76)
    block = "\n".join(section)
    head, marker, tail = text.partition(f"\n{pad}.. versionadded::")
    if marker:
        cls.__doc__ = f"{head.rstrip()}\n\n{block}\n{marker}{tail}"
    else:
        cls.__doc__ = f"{text.rstrip()}\n\n{block}\n"
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = shown  # type: ignore[assignment]
    return cls


def shown(self: attrs.AttrsInstance) -> str:
    """
    An attrs instance's repr, as attrs writes it: ``Money(amount=…, currency=…, …)``
    (its fields with ``repr=True``, in order); for the classes `described`
    gives it.

    >>> import aiforecasts
    >>> aiforecasts.Quantity(Decimal("3.5"), "EFLOPS")
    Quantity(value=Decimal('3.5'), unit='EFLOPS', qualifier=<Qualifier.EXACT: 'exact'>, high=None)
    """
    cls = type(self)
    fields = ", ".join(
        f"{field.name}={getattr(self, field.name)!r}" for field in cls.__attrs_attrs__ if field.repr
    )
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({fields})"


def wrap(text: str, first: str, rest: str, width: int) -> list[str]:
    """
    *text* in lines of at most *width* characters (a longer word stays whole),
    the first line indented by *first*, the others by *rest*: what
    `textwrap.wrap` gives without breaking words or hyphens (the tests hold
    them equal on every field), at a tenth of its cost — the class docstrings
    are written at import.

    >>> wrap("one two three", "", "  ", 8)
    ['one two', '  three']
    """
    lines = []
    indent = first
    while len(indent) + len(text) > width:
        cut = text.rfind(" ", 0, width - len(indent) + 1)
        if cut <= 0:
            cut = text.find(" ")
            if cut < 0:
                break
        lines.append(indent + text[:cut].rstrip())
        text = text[cut + 1 :].lstrip()
        indent = rest
    lines.append(indent + text)
    return lines


def is_mutual(field: attrs.Attribute[object]) -> Literal["kinds", "documents"] | None:
    """What a link given on both sides joins records across (see `ref`); ``None`` if it
    is not such a link."""
    across: Literal["kinds", "documents"] | None = field.metadata.get("mutual") or None
    return across


def refers_to(field: attrs.Attribute[object]) -> tuple[str, ...]:
    """The collections whose ids *field* holds; empty when it holds no ids."""
    kinds: tuple[str, ...] = field.metadata.get("refers_to", ())
    return kinds


# -- validators shared by the value types and the records --------------------

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
    aiforecasts._model.values.FieldError: amount is out of range (at most 9 digits ...): 1.5E-9
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


def _non_negative(_inst: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    check_decimal(attribute.name, value)
    if value < 0:
        msg = f"{attribute.name} must not be negative, not {value}"
        raise ValueError(msg)


def _optional_non_negative(
    inst: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None:
        _non_negative(inst, attribute, value)  # type: ignore[arg-type]


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

_TEXT = "text"
_VERBATIM = "verbatim"


def verbatim(metadata: dict[str, object]) -> dict[str, object]:
    """
    Field metadata: text copied verbatim from a document or a page, whose
    characters are kept whatever they are (only NUL and lone surrogates, which
    no file can hold, are refused: see `nonblank`).
    """
    return {**metadata, _TEXT: _VERBATIM}


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
        if field.metadata.get(_TEXT) == _VERBATIM:
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


class FieldError(ValueError):
    """A rule one field of a record breaks: the reader names the field in the problem's path."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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


def quote(value: object, limit: int = 60) -> str:
    """*value*'s repr for a message, cut to about *limit* characters."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _check_range(qualifier: Qualifier, low: Decimal, high: Decimal | None) -> None:
    if (qualifier is Qualifier.RANGE) != (high is not None):
        msg = "high is required with qualifier 'range' and only then"
        raise ValueError(msg)
    if high is not None and high < low:
        msg = f"high ({high}) is below the amount ({low})"
        raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Money:
    """
    An amount of money as a document states it.

    *amount* is in base units (``Decimal("4000000000")`` for "40 亿美元"), and
    *qualifier* keeps the hedge: "up to", "over", "about".

    >>> from decimal import Decimal
    >>> m = Money(Decimal("4000000000"), Currency.USD, Qualifier.UP_TO)
    >>> str(m)
    'up to USD 4,000,000,000'

    .. versionadded:: 0.1.0
    """

    amount: Decimal = attrs.field(
        validator=_non_negative,
        metadata=doc(
            "The amount in whole units of *currency* (dollars, yuan: ``4000000000``, not "
            "millions); not negative.  With a range, its lower end."
        ),
    )
    currency: Currency = attrs.field(metadata=doc("The currency, by its ISO 4217 code."))
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT,
        metadata=doc('How the document hedges the amount ("about", "up to", "over" …).'),
    )
    high: Decimal | None = attrs.field(
        default=None,
        validator=_optional_non_negative,
        metadata=doc(
            "The upper end when *qualifier* is `Qualifier.RANGE` (not below *amount*), and "
            "``None`` otherwise."
        ),
    )

    def __attrs_post_init__(self) -> None:
        _check_range(self.qualifier, self.amount, self.high)

    @property
    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """
        The least and most the stated amount allows (``None``: no upper bound).

        >>> from decimal import Decimal
        >>> Money(Decimal("4000000000"), Currency.USD, Qualifier.UP_TO).bounds
        (Decimal('0'), Decimal('4000000000'))
        """
        return _bounds(self.qualifier, self.amount, self.high)

    def __str__(self) -> str:
        return _describe(self.qualifier, f"{self.currency.value} ", self.amount, self.high, "")


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Quantity:
    """
    A number with a unit and a qualifier: "超过 9000 万人次", "30.7 EFLOPS".

    *unit* is a short English unit ("EFLOPS", "percent", "chips", "people");
    money is `Money`, not a quantity.

    >>> from decimal import Decimal
    >>> str(Quantity(Decimal("400"), "officers", Qualifier.OVER))
    'over 400 officers'

    .. versionadded:: 0.1.0
    """

    value: Decimal = attrs.field(
        validator=_non_negative,
        metadata=doc("The number, in *unit*; not negative.  With a range, its lower end."),
    )
    unit: str = attrs.field(
        validator=nonblank,
        metadata=doc('A short English unit: "EFLOPS", "percent", "chips", "people".'),
    )
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT,
        metadata=doc('How the document hedges the number ("about", "up to", "over" …).'),
    )
    high: Decimal | None = attrs.field(
        default=None,
        validator=_optional_non_negative,
        metadata=doc(
            "The upper end when *qualifier* is `Qualifier.RANGE` (not below *value*), and "
            "``None`` otherwise."
        ),
    )

    def __attrs_post_init__(self) -> None:
        _check_range(self.qualifier, self.value, self.high)

    @property
    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """The least and most the stated value allows (``None``: no upper bound)."""
        return _bounds(self.qualifier, self.value, self.high)

    def __str__(self) -> str:
        return _describe(self.qualifier, "", self.value, self.high, f" {self.unit}")


_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.UP_TO: "up to ",
    Qualifier.OVER: "over ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.NEARLY: "nearly ",
    Qualifier.RANGE: "",
    Qualifier.SEVERAL: "multiples of ",
}


def _bounds(
    qualifier: Qualifier, low: Decimal, high: Decimal | None
) -> tuple[Decimal, Decimal | None]:
    if qualifier is Qualifier.RANGE:
        return low, high
    if qualifier in {Qualifier.UP_TO, Qualifier.LESS_THAN, Qualifier.NEARLY}:
        return Decimal(0), low
    if qualifier in {Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.SEVERAL}:
        return low, None
    return low, low


def number_text(value: Decimal) -> str:
    """*value* with thousands separators and no trailing zeros: ``4,000,000,000``."""
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _describe(
    qualifier: Qualifier, prefix: str, low: Decimal, high: Decimal | None, suffix: str
) -> str:
    if high is not None:
        return f"{prefix}{number_text(low)}–{number_text(high)}{suffix}"
    return f"{_QUALIFIER_WORDS[qualifier]}{prefix}{number_text(low)}{suffix}"


@described
@attrs.frozen(repr=False, field_transformer=checked)
class TimeSpan:
    """
    A span of days with the precision and certainty it is known to.

    *start* and *end* are inclusive `pendulum.Date`\\ s: "early 2024" is
    2024-01-01 to 2024-04-30 with precision `Precision.PART_OF_YEAR`.
    *relation* says whether the event falls *in* the span or happens *by*
    its end; *certainty* whether the document states the date or it was
    inferred, and *reason* how.

    >>> import pendulum
    >>> span = TimeSpan(pendulum.Date(2024, 1, 1), pendulum.Date(2024, 4, 30),
    ...                 Precision.PART_OF_YEAR, label="early 2024")
    >>> span.contains(pendulum.Date(2024, 3, 15))
    True

    .. versionadded:: 0.1.0
    """

    start: pendulum.Date = attrs.field(metadata=doc("The first day of the span (included)."))
    end: pendulum.Date = attrs.field(
        metadata=doc("The last day of the span (included); not before *start*.")
    )
    precision: Precision = attrs.field(
        metadata=doc("How precisely the span is known: a day, a month, part of a year, a year …")
    )
    label: str = attrs.field(
        validator=nonblank,
        metadata=doc('The span in English words, such as "early 2024" or "by 2026".'),
    )
    certainty: Certainty = attrs.field(
        default=Certainty.STATED,
        metadata=doc(
            "Whether the document states the date or it was inferred (then *reason* says how)."
        ),
    )
    relation: TimeRelation = attrs.field(
        default=TimeRelation.IN,
        metadata=doc(
            "Whether the event falls in the span, happens by its end, or holds since its start."
        ),
    )
    text: str | None = attrs.field(
        default=None,
        metadata=doc(
            'The expression in the document ("明年", "今年早些时候"); ``None`` when the span is '
            "not written there (a date inferred from elsewhere)."
        ),
    )
    reason: str | None = attrs.field(
        default=None,
        metadata=doc(
            'How an inferred span was resolved ("明年 resolved against the publication year '
            '2023"); ``None`` for a stated one.'
        ),
    )

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[pendulum.Date], value: pendulum.Date) -> None:
        if value < self.start:
            msg = f"end {value} is before start {self.start}"
            raise ValueError(msg)

    @property
    def interval(self) -> pendulum.Interval[pendulum.Date]:
        """The span as a `pendulum.Interval`."""
        return pendulum.Interval(self.start, self.end)

    def contains(self, day: pendulum.Date) -> bool:
        """Whether *day* lies in the span (both ends included)."""
        return self.start <= day <= self.end

    def overlaps(self, other: TimeSpan) -> bool:
        """
        Whether the two spans share at least one day.

        >>> import pendulum
        >>> y2024 = TimeSpan(pendulum.Date(2024, 1, 1), pendulum.Date(2024, 12, 31),
        ...                  Precision.YEAR, label="2024")
        >>> march = TimeSpan(pendulum.Date(2024, 3, 1), pendulum.Date(2024, 3, 31),
        ...                  Precision.MONTH, label="March 2024")
        >>> y2024.overlaps(march)
        True
        """
        return self.start <= other.end and other.start <= self.end

    def is_past(self, as_of: pendulum.Date) -> bool:
        """
        Whether the span ended before *as_of*.

        >>> import aiforecasts, pendulum
        >>> horizon = aiforecasts.load().predictions.get("nvidia-gpu-cloud-2024").horizon
        >>> horizon.is_past(pendulum.Date(2026, 11, 22)), horizon.is_past(pendulum.Date(2024, 6, 1))
        (True, False)
        """
        return self.end < as_of

    def humanize(self, as_of: pendulum.Date) -> str:
        """
        The label with where the span stands relative to *as_of*.

        >>> import aiforecasts, pendulum
        >>> horizon = aiforecasts.load().predictions.get("nvidia-gpu-cloud-2024").horizon
        >>> horizon.humanize(pendulum.Date(2026, 11, 22))
        '2024 (ended 2 years ago)'
        >>> TimeSpan.of_year(2030).humanize(pendulum.Date(2026, 11, 22))
        '2030 (starts in 3 years)'
        """
        if self.end < as_of:
            return f"{self.label} (ended {self.end.diff_for_humans(as_of, absolute=True)} ago)"
        if self.start > as_of:
            return f"{self.label} (starts in {self.start.diff_for_humans(as_of, absolute=True)})"
        return f"{self.label} (under way)"

    @classmethod
    def of_year(cls, year: int) -> TimeSpan:
        """
        The calendar year *year*, stated.

        >>> TimeSpan.of_year(2024).end
        Date(2024, 12, 31)
        """
        return cls(
            pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31), Precision.YEAR, str(year)
        )

    def __str__(self) -> str:
        return self.label


def figure_of(value: Quantity | None, money: Money | None, owner: str) -> Quantity | Money:
    """The one figure of an *owner* that holds a quantity or an amount of money, never both.

    Raises:
        ValueError: if it holds both or neither.
    """
    if money is None and value is not None:
        return value
    if value is None and money is not None:
        return money
    msg = f"a {owner} has exactly one of value and money"
    raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Target:
    """
    The measurable figure a prediction states, in a form a program can check:
    what is measured and on what basis, how the observed figure must compare,
    the figure (a `Quantity` or `Money`, exactly one) and the deadline.

    >>> import pendulum
    >>> from decimal import Decimal
    >>> target = Target("China's total computing capacity", Comparison.AT_LEAST,
    ...                 pendulum.Date(2026, 12, 31), Quantity(Decimal("360"), "EFLOPS"),
    ...                 basis="FP32")
    >>> target.met_by(Quantity(Decimal("280"), "EFLOPS"), basis="FP32")
    False
    >>> target.met_by(Quantity(Decimal("400"), "EFLOPS"), basis="FP32")
    True

    A figure measured on another basis is not compared:

    >>> target.met_by(Quantity(Decimal("400"), "EFLOPS"), basis="FP16")
    Traceback (most recent call last):
    ...
    ValueError: cannot compare a figure measured as 'FP16' with a target measured as 'FP32'

    .. versionadded:: 0.1.0
    """

    metric: str = attrs.field(validator=nonblank, metadata=doc("What is measured, in English."))
    comparison: Comparison = attrs.field(
        metadata=doc(
            "How the observed figure must compare with the target's: at least, at most, about, "
            "or between (then the figure is a range)."
        )
    )
    deadline: pendulum.Date = attrs.field(metadata=doc("The last day the figure is to be met by."))
    value: Quantity | None = attrs.field(
        default=None,
        metadata=doc("The figure, when it is not money (else ``None``, and *money* holds it)."),
    )
    money: Money | None = attrs.field(
        default=None,
        metadata=doc("The figure, when it is an amount of money (else ``None``)."),
    )
    basis: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=optional_nonblank,
        metadata=doc(
            'How the figure is measured, where more than one way is common ("total compute, '
            'FP32" beside "intelligent compute, FP16"; "nominal" beside "real"; a fiscal '
            "year); an observation on another basis is not compared with it. ``None`` "
            "where the metric admits one basis only."
        ),
    )

    def __attrs_post_init__(self) -> None:
        figure = self.figure
        if (self.comparison is Comparison.BETWEEN) != (figure.qualifier is Qualifier.RANGE):
            msg = "a 'between' target needs a range figure (qualifier 'range'), and only it"
            raise ValueError(msg)

    @property
    def figure(self) -> Quantity | Money:
        """The figure, whichever kind it is."""
        return figure_of(self.value, self.money, "target")

    def met_by(
        self,
        observed: Quantity | Money,
        tolerance: Decimal = Decimal("0.1"),
        *,
        basis: str | None = None,
    ) -> bool:
        """
        Whether *observed*, measured on *basis*, meets the target ("about"
        within *tolerance*, a fraction: 10 % by default).

        Raises:
            ValueError: if *observed* is in another unit or currency, or
                measured on another basis than the target's (a target with a
                basis needs the observation's).
        """
        if basis != self.basis:
            measured = "of no stated basis" if basis is None else f"measured as {basis!r}"
            target = "of no stated basis" if self.basis is None else f"measured as {self.basis!r}"
            msg = f"cannot compare a figure {measured} with a target {target}"
            raise ValueError(msg)
        figure = self.figure
        if (
            isinstance(figure, Quantity) != isinstance(observed, Quantity)
            or (
                isinstance(figure, Quantity)
                and isinstance(observed, Quantity)
                and figure.unit != observed.unit
            )
            or (
                isinstance(figure, Money)
                and isinstance(observed, Money)
                and figure.currency is not observed.currency
            )
        ):
            msg = f"cannot compare {observed} with the target's {figure}"
            raise ValueError(msg)
        low = figure.amount if isinstance(figure, Money) else figure.value
        seen = observed.amount if isinstance(observed, Money) else observed.value
        if self.comparison is Comparison.AT_LEAST:
            return seen >= low
        if self.comparison is Comparison.AT_MOST:
            return seen <= low
        if self.comparison is Comparison.ABOUT:
            return abs(seen - low) <= abs(low) * tolerance
        assert figure.high is not None
        return low <= seen <= figure.high


# --------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Excerpt:
    """
    A verbatim slice of a source document.

    ``document_text[start:end] == text`` holds for the text of the document
    whose SHA-256 the `Source` records (offsets count Unicode code points of
    the UTF-8-decoded file).  *display* is the same passage with the
    document's artefacts cleaned: ``clean_text(text, source.repairs)``.

    .. versionadded:: 0.1.0
    """

    source: str = attrs.field(metadata=ref("sources", doc="The id of the `Source` quoted."))
    start: int = attrs.field(
        metadata=doc(
            "Where the passage starts in the document's text, in Unicode code points from 0."
        )
    )
    end: int = attrs.field(
        metadata=doc("Where it ends (excluded): *start* plus the length of *text*.")
    )
    text: str = attrs.field(
        validator=nonblank,
        metadata=verbatim(doc("The passage verbatim, the document's artefacts included.")),
    )
    display: str = attrs.field(
        validator=nonblank,
        metadata=verbatim(
            doc(
                "The passage with the document's artefacts cleaned, for reading: "
                "``clean_text(text, source.repairs)``."
            )
        ),
    )

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            msg = f"offsets must satisfy 0 <= start < end, not {self.start}..{self.end}"
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = (
                f"text has {len(self.text)} characters but the offsets "
                f"{self.start}..{self.end} span {self.end - self.start}"
            )
            raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class External:
    """
    Information from outside the source documents, and the public source it
    rests on.  The documents' own words stay as they are; this sits beside them.

    >>> e = External("The column is by Rob Toews (Forbes).", "https://www.forbes.com/...",
    ...              field="translation_of")
    >>> e.field
    'translation_of'

    .. versionadded:: 0.1.0
    """

    statement: str = attrs.field(validator=nonblank, metadata=doc("What is added, in English."))
    cites: str = attrs.field(validator=nonblank, metadata=doc("The URL of the public source."))
    field: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The name of the record field the addition bears on (``translation_of``); ``None`` "
            "when it bears on the record as a whole."
        ),
    )


_SPACE_RE = re.compile(r"\s")


def _https(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.startswith(("https://", "http://")) or _SPACE_RE.search(value):
        msg = f"{attribute.name} must be an http(s) URL without spaces, not {quote(value)}"
        raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Evidence:
    """
    A public web page that shows how a forecast turned out: outside the
    documents, so it cites a page, never an excerpt.  *quote* is one or more
    whole sentences copied verbatim from the page, in the page's own language.

    >>> import pendulum
    >>> e = Evidence("https://example.org/news/2025/02/20/x", "example.org",
    ...              "The device launched in April 2024.", pendulum.Date(2026, 11, 28),
    ...              title="A headline", published=pendulum.Date(2025, 2, 20),
    ...              publisher_kind=PublisherKind.NEWS)
    >>> e.published.year
    2025

    .. versionadded:: 0.1.0
    """

    url: str = attrs.field(
        validator=_https, metadata=doc("The page's address (http or https), as read.")
    )
    publisher: str = attrs.field(
        validator=nonblank, metadata=doc("The site or outlet that published the page.")
    )
    quote: str = attrs.field(
        validator=attrs.validators.and_(nonblank, attrs.validators.max_len(600)),
        metadata=verbatim(
            doc(
                "A short passage copied verbatim from the page, in its own language "
                "(600 characters at most)."
            )
        ),
    )
    read: pendulum.Date = attrs.field(metadata=doc("The date the page was read."))
    title: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The page's title, as the page shows it (``None`` where the stored page shows none)."
        ),
    )
    published: pendulum.Date | None = attrs.field(
        default=None,
        metadata=doc(
            "The page's publication date, where the page or its address shows it (else ``None``)."
        ),
    )
    language: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The quote's language, a BCP 47 tag such as ``en`` or ``zh`` (``None``: not recorded)."
        ),
    )
    publisher_kind: PublisherKind | None = attrs.field(
        default=None,
        validator=required,
        metadata=needed(
            doc(
                "What kind of publisher it is: primary (the company, regulator, court or paper "
                "itself), news, analysis, or aggregator (`PublisherKind`). Required; ``None`` "
                "only in files of schema 5 or older."
            )
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Criterion:
    """
    What would settle a prediction, written from its statement, condition and
    horizon alone before any evidence was read: what counts as came true, as
    partly and as did not (see "How forecasts are credited and judged" in the
    docs).

    >>> c = Criterion(came_true="Samsung unveils a Galaxy S24 phone with generative AI "
    ...               "features between January and April 2024.",
    ...               did_not="No such phone is unveiled by the end of April 2024.")
    >>> c.partly is None
    True

    .. versionadded:: 0.1.0
    """

    came_true: str = attrs.field(
        validator=nonblank,
        metadata=doc("What observation, within the window, counts as came true."),
    )
    did_not: str = attrs.field(
        validator=nonblank, metadata=doc("What observation counts as did not.")
    )
    partly: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "What counts as partly, where the forecast has separable parts or a figure that "
            "can be half met; ``None`` where nothing can."
        ),
    )
    condition: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "The condition to check first (not held: annulled): a conditional forecast's, or "
            "a premise the forecast takes for granted; else ``None``."
        ),
    )
    note: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "What a judge must also know: the basis of a figure, how many examples make "
            '"a wave", both sides of a comparison; ``None`` if nothing.'
        ),
    )


def _judge(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not _JUDGE_RE.match(value):
        msg = f"{attribute.name} must be a short lower-case name such as 'a', not {quote(value)}"
        raise ValueError(msg)


_JUDGE_RE = re.compile(r"[a-z0-9][a-z0-9-]{0,39}\Z")


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Judgement:
    """
    One judge's verdict on a prediction, reached from its `Criterion` and the
    stored public pages without seeing any other judge's verdict (or, for the
    third reader, given both and settling their disagreement).

    >>> from aiforecasts import Verdict
    >>> j = Judgement("a", Verdict.CAME_TRUE, "The S24 was unveiled on 17 January 2024.", (0,))
    >>> j.cites
    (0,)

    .. versionadded:: 0.1.0
    """

    judge: str = attrs.field(
        validator=_judge,
        metadata=doc(
            "Who judged: ``a`` and ``b`` are the two blind judges, ``c`` the third reader "
            "who settled a disagreement between them."
        ),
    )
    verdict: Verdict = attrs.field(metadata=doc("The judge's verdict (`Verdict`)."))
    reason: str = attrs.field(
        validator=nonblank, metadata=doc("Why, in English: the criterion applied to the evidence.")
    )
    cites: tuple[int, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The evidence items (positions in the resolution's *evidence*, from 0) whose "
            "quotes each support this verdict by themselves; at least one for a verdict "
            "that needs evidence."
        ),
    )

    def __attrs_post_init__(self) -> None:
        if self.verdict.needs_evidence and not self.cites:
            msg = f"a '{self.verdict.value}' judgement cites at least one evidence item"
            raise ValueError(msg)
        if len(set(self.cites)) != len(self.cites) or any(i < 0 for i in self.cites):
            msg = f"cites must be distinct positions from 0, not {self.cites}"
            raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Repair:
    """
    A damaged fragment of a source document and the text it stands for.

    Some documents carry fragments whose bytes were decoded with the wrong
    codec (``?梢韵胂`` where the original said 可以想象).  The verbatim
    excerpts keep the damage; `clean_text` puts *intended* in its place for
    display when given the document's repairs (`Source.repairs`).

    >>> from aiforecasts import clean_text
    >>> repair = Repair("?梢韵胂", "可以想象")
    >>> clean_text("進行設計?梢韵胂,一股", (repair,))
    '進行設計可以想象,一股'

    .. versionadded:: 0.1.0
    """

    damaged: str = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=verbatim(doc("The fragment as it stands in the document (``?梢韵胂``).")),
    )
    intended: str = attrs.field(
        metadata=verbatim(doc("What the surrounding sentence calls for in its place (可以想象)."))
    )
