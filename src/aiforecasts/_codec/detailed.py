"""
The codec's detailed engine: a strict `cattrs.Converter` that names every
problem of a record with its path.

The fast engine (`_codec.json`) reads clean input; this one reads only what that
refused, or records of an older layout after migration, so its import (cattrs)
waits until then.  Its rules are the fast engine's: the same scalar forms
(`_model.fields`), no coercion, unknown keys refused, a repeated item of a set one
item.  The test suite runs both over the same broken inputs and checks that
they agree.
"""

from __future__ import annotations

import functools
import sys
import typing
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs
import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

from aiforecasts._model.checks import FieldError, quote
from aiforecasts._model.errors import LongInteger, Problem, Problems, Unread, json_type
from aiforecasts._model.fields import parse_date, parse_decimal
from aiforecasts._model.limits import MAX_ITEMS, RECORD_PROBLEM_LIMIT

if TYPE_CHECKING:
    import enum
    from collections.abc import Callable

    from aiforecasts._codec.reading import JSONObject

__all__ = ["structure_many"]

R = TypeVar("R")
"""A record class's instances."""

Hook: TypeAlias = "Callable[[object, object], object]"
"""A structure hook: (a JSON value, the type to make of it) → the value made."""


@functools.cache
def _converter() -> cattrs.Converter:
    """The converter, built once (a lock-free race builds it twice at worst; both are equal)."""
    return _make_converter()


def structure_many(  # noqa: PLR0913 - keyword-like positional options
    cls: type[R],
    value: object,
    where: str,
    file: str,
    problems: list[Problem],
    *,
    one: bool = False,
) -> list[R | Unread] | None:
    """
    Records of class *cls* from JSON values (a list of objects), noting every
    problem with its path and the record's id; *one* names a single record by
    *where* alone.  The result has an entry per item: the record, or an
    `Unread` holding what could not be read (for the integrity check).  Once
    *problems* is full (`Problems.full`), the rest is not looked at.  Not a
    list at all: ``None``.
    """
    if not isinstance(value, list | Iterator):  # an iterator: items read as they are asked for
        problems.append(Problem(where, f"expected a list, not {json_type(value)}", file))
        return None
    converter = _converter()
    records: list[R | Unread] = []
    for index, item in enumerate(value):
        if isinstance(problems, Problems) and problems.full:
            problems.stopped = True
            break
        path = where if one else f"{where}[{index}]"
        if not isinstance(item, dict):
            problems.append(Problem(path, f"expected an object, not {json_type(item)}", file))
            records.append(Unread(item))
            continue
        record = item.get("id") if isinstance(item.get("id"), str) else None
        try:
            records.append(converter.structure(item, cls))
        except Exception as exc:  # noqa: BLE001 - cattrs gathers every error in one group
            lines = cattrs.transform_error(exc, path=path, format_exception=_describe)
            for line in lines[:RECORD_PROBLEM_LIMIT]:
                message, _, at = line.rpartition(" @ ")
                at = at or path
                if message.startswith(_FIELD):  # a rule of one field: name it in the path
                    field, _, message = message[1:].partition(_FIELD)
                    at = f"{at}.{field}"
                problems.append(Problem(at, message or line, file, record=record))
            if len(lines) > RECORD_PROBLEM_LIMIT:  # counted, not described
                _count_more(problems, len(lines) - RECORD_PROBLEM_LIMIT)
            records.append(Unread(_trimmed(item)))
    return records


def _count_more(problems: list[Problem], count: int) -> None:
    if isinstance(problems, Problems):
        problems.more += count


def _trimmed(item: JSONObject) -> JSONObject:
    """*item* for the integrity check, its lists of more than `MAX_ITEMS` items emptied (they
    are refused already, and walking them would cost what the limit spares)."""
    if not any(isinstance(v, list) and len(v) > MAX_ITEMS for v in item.values()):
        return item
    return {k: [] if isinstance(v, list) and len(v) > MAX_ITEMS else v for k, v in item.items()}


_FIELD = "\x1f"
"""Marks the field a `FieldError` names, between the message's path and its words."""


def _describe(exc: BaseException, type_: type | None) -> str:
    """An error's message: our hooks' and attrs validators' own words where they have them."""
    if isinstance(exc, FieldError):
        return f"{_FIELD}{exc.field}{_FIELD}{exc}"
    if type(exc) in (ValueError, TypeError) and exc.args:
        return str(exc)
    return format_exception(exc, type_)


def _structure_str(value: object, type_: type[str]) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, not {type(value).__name__} {quote(value)}"
        raise TypeError(msg)
    if type_ is str:
        return value
    # A str-based enum: the value must be one of its members' values.
    members = [member.value for member in typing.cast("type[enum.Enum]", type_)]
    if value not in members:
        msg = f"{quote(value)} is not a valid {type_.__name__} (one of: {', '.join(members)})"
        raise ValueError(msg)
    return type_(value)


def _structure_int(value: object, _type: object) -> int:
    if isinstance(value, LongInteger):  # not Python's int: no field takes that many digits
        msg = (
            f"expected an integer of at most {sys.get_int_max_str_digits():,} digits, not {value!r}"
        )
        raise TypeError(msg)
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected an integer, not {type(value).__name__} {quote(value)}"
        raise TypeError(msg)
    return value


def _is_collection(type_: object) -> bool:
    return typing.get_origin(type_) in (tuple, frozenset)


def _strict_collection(converter: cattrs.Converter) -> Callable[[type], Hook]:
    """Tuples and frozensets from JSON arrays only (cattrs would take any iterable, even a
    string).  A repeated item of a set is one item, as in the fast engine."""

    def factory(type_: type) -> Hook:
        origin = typing.get_origin(type_)
        item_type = typing.get_args(type_)[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: object, _type: object) -> tuple[object, ...] | frozenset[object]:
            if not isinstance(value, list):
                msg = f"expected a list, not {type(value).__name__} {quote(value)}"
                raise TypeError(msg)
            if len(value) > MAX_ITEMS:  # refused before any item is looked at
                msg = f"{len(value):,} items: at most {MAX_ITEMS:,} are read"
                raise ValueError(msg)
            items = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001 - gathered, each with its index
                    note = cattrs.IterableValidationNote(f"item {index}", index, item_type)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                    errors.append(exc)
                    if len(errors) == RECORD_PROBLEM_LIMIT and index + 1 < len(value):
                        # A record lists at most that many problems: the rest go unread.
                        rest = f"items {index + 1}–{len(value) - 1}"
                        msg = f"{rest} not read after {len(errors)} problems"
                        errors.append(ValueError(msg))
                        break
            if errors:
                message = f"While structuring {type_!r}"
                raise cattrs.IterableValidationError(message, errors, type_)
            return frozenset(items) if origin is frozenset else tuple(items)

        return structure

    return factory


def _make_converter() -> cattrs.Converter:
    """
    The detailed engine: a strict `cattrs.Converter`.  Strings, integers and
    decimals are not coerced (``1`` is not a valid string, nor ``"1"`` a valid
    integer), collections come from lists only, unknown keys are refused.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, detailed_validation=True, prefer_attrib_converters=False
    )
    converter.register_structure_hook(Decimal, parse_decimal)
    converter.register_structure_hook(pendulum.Date, parse_date)
    converter.register_structure_hook_factory(_is_collection, _strict_collection(converter))
    # The str hook also receives the str-based enums (str comes first in their MRO).
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_factory(attrs.has, _objects_only(converter))
    return converter


def _objects_only(converter: cattrs.Converter) -> Callable[[type], Hook]:
    """A nested record from a JSON object only: cattrs would fail on ``null`` or a list
    with an 'unknown error'."""

    def factory(cls: type[R]) -> Hook:
        structure = make_dict_structure_fn(
            cls, converter, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )

        def checked(value: object, type_: object) -> object:
            if not isinstance(value, dict):
                msg = f"expected an object, not {json_type(value)}"
                raise TypeError(msg)
            return structure(value, type_)

        return checked

    return factory
