"""
The one walker over the record classes' fields.

Every layer that needs to know what a field holds asks here: the strict
decoder (`_codec.json`), the integrity check (`_model.integrity`), the tables
(`_io.columns`), the JSON Schema (`_codec.schema`) and the excerpt walk.  A field's type
annotation becomes a `Shape`, a small tree of what the value is written as in
JSON.
"""

from __future__ import annotations

import datetime
import enum
import re
import types
import typing
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aiforecasts._model.checks import DECIMAL_DIGITS, DECIMAL_EXPONENTS, DECIMAL_PLACES, quote
from aiforecasts._model.declare import description, is_mutual, is_needed, refers_to, schema_of
from aiforecasts._model.provenance import Excerpt

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = [
    "DATE",
    "DECIMAL",
    "DECIMAL_BOUND",
    "Field",
    "Shape",
    "docs",
    "excerpts_in",
    "fields",
    "parse_date",
    "parse_decimal",
    "references",
    "resolve",
    "shape_of",
    "walk",
    "walk_json",
]

ShapeKind = Literal[
    "text", "integer", "number", "decimal", "date", "choice", "record", "list", "set", "optional"
]


@attrs.frozen
class Shape:
    """
    What a field's value is, as JSON sees it.

    *kind* is one of ``text``, ``integer``, ``number``, ``decimal`` (a string
    of a decimal number), ``date`` (an ISO date string), ``choice`` (an enum's
    value; *type* is the enum), ``record`` (a nested attrs object; *type* is
    its class), ``list``, ``set`` (a list whose order and repeats carry no
    meaning) and ``optional`` (``null`` or *item*).
    """

    kind: ShapeKind
    type: Any = None
    item: Shape | None = None

    @property
    def inner(self) -> Shape:
        """The shape of the item of a list, set or optional value."""
        assert self.item is not None, self.kind
        return self.item

    def record(self) -> type | None:
        """The attrs class of a record or optional record, else ``None``."""
        if self.kind == "record":
            cls: type = self.type
            return cls
        if self.kind == "optional":
            return self.inner.record()
        return None

    def records(self) -> tuple[type, ...]:
        """Every attrs class this shape holds, at any depth of lists and options."""
        if self.kind == "record":
            return (self.type,)
        if self.item is not None:
            return self.item.records()
        return ()


# -- how values of the scalar shapes are written ---------------------------

DECIMAL = r"-?(0|[1-9][0-9]{0,39})(\.[0-9]{1,40})?([eE][+-]?[0-9]{1,3})?"
"""How a decimal is written: a JSON string of a plain decimal number (at most 40 digits
before and after the point, a three-digit exponent).  A form, wider than the figures: the
types bound the figure itself (`DECIMAL_BOUND`), so a figure of the right form but out of
range is refused with a message that says so, not as "invalid"."""
DECIMAL_BOUND = (
    f"A figure: below 10^{DECIMAL_EXPONENTS[-1] + 1} either way, with at most {DECIMAL_PLACES} "
    f"digits after the point (trailing zeros aside), written with at most {DECIMAL_DIGITS} "
    "digits (trailing zeros included): what a Parquet decimal128(38, 9) column holds."
)
"""The bound the types hold every figure to (`_model.checks.check_decimal`), in words: the JSON
Schema states it beside the decimal's form, which a pattern cannot bound by value."""
_DECIMAL_RE = re.compile(DECIMAL + r"\Z")
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
"""How a date is written: an ISO ``YYYY-MM-DD`` string."""
_DATE_RE = re.compile(DATE + r"\Z")


def parse_decimal(value: object, _type: object = Decimal) -> Decimal:
    """A `decimal.Decimal` from its JSON form (a string), or `TypeError`/`ValueError`."""
    # Strings only: a JSON number may already have lost precision on the way.
    if not isinstance(value, str):
        msg = f"expected a decimal string, not {type(value).__name__} {quote(value)}"
        raise TypeError(msg)
    if not _DECIMAL_RE.match(value):
        msg = f"invalid decimal {quote(value)}"
        raise ValueError(msg)
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        msg = f"invalid decimal {quote(value)}"
        raise ValueError(msg) from None


def parse_date(value: object, _type: object = None) -> pendulum.Date:
    """A `pendulum.Date` from its JSON form (``YYYY-MM-DD``), or `TypeError`/`ValueError`."""
    if not isinstance(value, str):
        msg = f"expected a date 'YYYY-MM-DD', not {quote(value)}"
        raise TypeError(msg)
    if not _DATE_RE.match(value):
        msg = f"expected a date 'YYYY-MM-DD', not {quote(value)}"
        raise ValueError(msg)
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        msg = f"invalid date {quote(value)}"
        raise ValueError(msg) from None
    return pendulum.Date(day.year, day.month, day.day)


@attrs.frozen
class Field:
    """One field of a record class, as the layers see it."""

    name: str
    shape: Shape
    required: bool
    """Whether the field has no default (JSON must carry it)."""
    refers_to: tuple[str, ...]
    """The collections whose ids the field holds (empty: no ids)."""
    mutual: Literal["kinds", "documents"] | None = None
    """For a link given on both sides, what it joins records across: ``"kinds"``
    (`same_claim`) or ``"documents"`` (`contradicts`); ``None`` for other fields."""
    needed: bool = False
    """Whether the current layout requires it, not null (required, or required since a
    schema version though older files lack it: `_model.declare.needed`)."""
    schema: Mapping[str, object] = attrs.field(factory=dict)
    """JSON Schema keywords its metadata adds (``minItems``)."""


_SCALARS: dict[object, ShapeKind] = {
    str: "text",
    int: "integer",
    float: "number",
    Decimal: "decimal",
}


_shapes: dict[Any, Shape] = {}
_field_cache: dict[type, tuple[Field, ...]] = {}
_references: dict[type, tuple[tuple[Field, ...], tuple[tuple[Field, type], ...]]] = {}


def shape_of(type_: Any) -> Shape:
    """
    The `Shape` of a field annotation.

    >>> shape_of(tuple[str, ...])
    Shape(kind='list', type=None, item=Shape(kind='text', type=None, item=None))
    """
    found = _shapes.get(type_)
    if found is None:
        found = _shapes[type_] = _shape_of(type_)
    return found


def _shape_of(type_: Any) -> Shape:  # noqa: PLR0911 - one return per shape
    scalar = _SCALARS.get(type_)
    if scalar is not None:
        return Shape(scalar)
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return Shape("choice", type_)
    if isinstance(type_, type) and attrs.has(type_):
        return Shape("record", type_)
    origin = typing.get_origin(type_)
    arguments = typing.get_args(type_)
    if origin is tuple:
        return Shape("list", item=shape_of(arguments[0]))
    if origin is frozenset:
        return Shape("set", item=shape_of(arguments[0]))
    if origin in (types.UnionType, typing.Union):
        options = [a for a in arguments if a is not type(None)]
        if len(options) == 1 and len(arguments) == 2:
            return Shape("optional", item=shape_of(options[0]))
    if type_ is pendulum.Date:  # asked last: a class without dates never imports pendulum
        return Shape("date")
    msg = f"no shape for the annotation {type_!r}"
    raise TypeError(msg)


def fields(cls: type) -> tuple[Field, ...]:
    """The fields of the attrs class *cls*, in declaration order (worked out once)."""
    found = _field_cache.get(cls)
    if found is None:
        found = _field_cache[cls] = _fields_of(cls)
    return found


def _fields_of(cls: type) -> tuple[Field, ...]:
    attrs.resolve_types(cls)
    resolved = attrs.fields(cls)
    # msgspec reads a class's annotations itself: give it the types resolved here, so that
    # each annotation (a string, with postponed evaluation) is evaluated once, not twice.
    cls.__annotations__ = {**cls.__annotations__, **{f.name: f.type for f in resolved}}
    return tuple(
        Field(
            field.name,
            shape_of(field.type),
            field.default is attrs.NOTHING,
            refers_to(field),
            is_mutual(field),
            field.default is attrs.NOTHING or is_needed(field),
            schema_of(field),
        )
        for field in resolved
    )


def resolve(cls: type) -> None:
    """Resolve the annotations of the attrs class *cls* and of the classes it holds."""
    for field in fields(cls):
        for held in field.shape.records():
            resolve(held)


def docs(cls: type) -> dict[str, str]:
    """
    Field name → the field's description (`_model.declare.doc`, in its metadata): for
    the JSON Schema's and the tables' descriptions.
    """
    found = {field.name: description(field) for field in attrs.fields(cls)}
    return {name: text for name, text in found.items() if text is not None}


def references(cls: type) -> tuple[tuple[Field, ...], tuple[tuple[Field, type], ...]]:
    """
    For the attrs class *cls*: its fields that hold ids, and the fields that
    hold nested parts (of one attrs class each) in which ids are held.
    """
    found = _references.get(cls)
    if found is None:
        found = _references[cls] = _references_of(cls)
    return found


def _references_of(cls: type) -> tuple[tuple[Field, ...], tuple[tuple[Field, type], ...]]:
    refs = []
    nested = []
    for field in fields(cls):
        if field.refers_to:
            refs.append(field)
            continue
        for part in field.shape.records():
            if any(references(part)):
                nested.append((field, part))
    return tuple(refs), tuple(nested)


def walk(value: object, path: str) -> Iterator[tuple[str, Field, object]]:
    """
    (path, field, value) for every field of the attrs instance *value* and of
    the attrs instances nested in it, depth first; *path* names the top.
    """
    for field in fields(type(value)):
        item = getattr(value, field.name)
        where = f"{path}.{field.name}"
        yield where, field, item
        if not field.shape.records():
            continue
        if isinstance(item, tuple | frozenset):
            for index, element in enumerate(item):
                yield from walk(element, f"{where}[{index}]")
        elif item is not None:
            yield from walk(item, where)


def walk_json(
    shape: Shape, value: Any, path: str, field: Field | None = None
) -> Iterator[tuple[str, Field | None, Shape, Any]]:
    """
    (path, field, shape, value) for *value* — JSON values read by *shape* — and
    for everything nested in it that has the shape it should (a record's
    fields, a list's items, an optional value's value), depth first; *field*
    is the field a value belongs to (``None`` at the top).  What does not
    have its shape is yielded but not entered: the readers name it.
    """
    yield path, field, shape, value
    if shape.kind == "record" and isinstance(value, dict):
        for inner in fields(shape.type):
            if inner.name in value:
                yield from walk_json(inner.shape, value[inner.name], f"{path}.{inner.name}", inner)
    elif shape.kind in ("list", "set") and isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_json(shape.inner, item, f"{path}[{index}]", field)
    elif shape.kind == "optional" and value is not None:
        yield from walk_json(shape.inner, value, path, field)


def excerpts_in(record: object, path: str) -> Iterator[tuple[str, Excerpt]]:
    """(path, excerpt) for every `Excerpt` anywhere in *record*."""
    for where, field, value in walk(record, path):
        if field.shape.kind == "record" and isinstance(value, Excerpt):
            yield where, value
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, Excerpt):
                    yield f"{where}[{index}]", item
