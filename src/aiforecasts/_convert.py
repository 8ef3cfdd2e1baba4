"""
cattrs converters between records and JSON-ready Python values.

Modelled on cattrs' preconf modules: `configure_converter` registers the
hooks this package needs on any `cattrs.Converter`, `make_converter` builds a
fresh one.  Nothing here runs at import time.
"""

from __future__ import annotations

import datetime
import math
import re
import typing
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
import pendulum
from cattrs.gen import make_dict_unstructure_fn

from aiforecasts import _model

__all__ = ["configure_converter", "make_converter"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


DECIMAL = r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?"
"""How a decimal is written: a JSON string of a plain decimal number."""
_DECIMAL_RE = re.compile(DECIMAL + r"\Z")


def _structure_decimal(value: object, _type: object) -> Decimal:
    # Strings only: a JSON number may already have lost precision on the way.
    if not isinstance(value, str):
        msg = f"expected a decimal string, not {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if not _DECIMAL_RE.match(value):
        msg = f"invalid decimal {value!r}"
        raise ValueError(msg)
    try:
        result = Decimal(value)
    except InvalidOperation:
        msg = f"invalid decimal {value!r}"
        raise ValueError(msg) from None
    if not result.is_finite():
        msg = f"decimal must be finite, not {value!r}"
        raise ValueError(msg)
    return result


def _unstructure_decimal(value: Decimal) -> str:
    return str(value)


def structure_date(value: object, _type: object) -> pendulum.Date:
    if not isinstance(value, str) or not _DATE.match(value):
        msg = f"expected a date 'YYYY-MM-DD', not {value!r}"
        raise TypeError(msg) if not isinstance(value, str) else ValueError(msg)
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        msg = f"invalid date {value!r}"
        raise ValueError(msg) from None
    return pendulum.Date(day.year, day.month, day.day)


def _unstructure_date(value: datetime.date) -> str:
    return value.isoformat()


def _structure_str(value: object, type_: type[str]) -> str:
    if not isinstance(value, str):
        msg = f"expected a string, not {type(value).__name__} {value!r}"
        raise TypeError(msg)
    # For a str-based enum, calling the class validates the value.
    return value if type_ is str else type_(value)


def _structure_int(value: object, _type: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected an integer, not {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _structure_float(value: object, _type: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        msg = f"expected a finite number, not {value!r}"
        raise TypeError(msg)
    return float(value)


def _unstructure_topics(value: frozenset[_model.Topic]) -> list[str]:
    # Sorted, so that exports are byte-identical from run to run.
    return sorted(topic.value for topic in value)


def _is_collection(type_: object) -> bool:
    return typing.get_origin(type_) in (tuple, frozenset)


def _strict_collection(converter: cattrs.BaseConverter) -> Any:
    """Tuples and frozensets from JSON arrays only (cattrs would take any iterable, even a
    string).  A repeated item of a set is one item, as in the fast path."""

    def factory(type_: Any) -> Any:
        origin = typing.get_origin(type_)
        item_type = typing.get_args(type_)[0]
        item_hook = converter.get_structure_hook(item_type)

        def structure(value: Any, _type: object) -> Any:
            if not isinstance(value, list):
                msg = f"expected a list, not {type(value).__name__} {value!r}"
                raise TypeError(msg)
            items = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as exc:  # noqa: BLE001, PERF203 - gathered, each with its index
                    note = cattrs.IterableValidationNote(f"item {index}", index, item_type)
                    exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                    errors.append(exc)
            if errors:
                message = f"While structuring {type_!r}"
                raise cattrs.IterableValidationError(message, errors, type_)
            return frozenset(items) if origin is frozenset else tuple(items)

        return structure

    return factory


def configure_converter(converter: cattrs.BaseConverter) -> None:
    """
    Register this package's hooks on *converter*.

    `decimal.Decimal` travels as a string, `pendulum.Date` as an ISO
    ``YYYY-MM-DD`` string, enums as their values and sets of topics as sorted
    lists.  Strings, integers and decimals are not coerced: ``1`` is not a
    valid string, and ``"1"`` not a valid integer.  Unknown keys are
    refused, and fields left at their default are left out.
    """
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook_factory(_is_collection, _strict_collection(converter))
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(pendulum.Date, structure_date)
    converter.register_unstructure_hook(pendulum.Date, _unstructure_date)
    # The str hook also receives the str-based enums (str comes first in their MRO).
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_unstructure_hook_func(
        lambda type_: type_ == frozenset[_model.Topic], _unstructure_topics
    )

    def unstructure_factory(cls: type[Any]) -> Any:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    converter.register_unstructure_hook_factory(
        lambda cls: (
            getattr(cls, "__module__", None) == _model.__name__ and hasattr(cls, "__attrs_attrs__")
        ),
        unstructure_factory,
    )


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """
    A new `cattrs.Converter` configured by `configure_converter`.

    With *detailed_validation* off, structuring is faster but an error names
    only its first cause; the loader retries with it on to report them all.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        detailed_validation=detailed_validation,
        prefer_attrib_converters=False,
    )
    configure_converter(converter)
    return converter
