"""
The arguments queries take, checked and converted: names and texts as `str`, amounts as
`decimal.Decimal`, topics as `Topic`, days from dates, years or ISO strings.

A wrong argument is refused here, at the call, with a message that names the method and
what it takes, rather than failing deep inside a filter.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from aiforecasts._model.vocab import Topic

if TYPE_CHECKING:
    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = ["_amount", "_as_date", "_text", "_topic", "_typed"]


def _text(value: object, method: str, what: str = "name") -> str:
    """*value*, refused with a `TypeError` unless it is a `str` (a name or query given as
    bytes, a number or ``None`` would otherwise fail deep inside, as an `AttributeError`)."""
    if not isinstance(value, str):
        msg = f"{method}() takes a {what} as str, not {type(value).__name__}"
        raise TypeError(msg)
    return value


def _typed(value: object, cls: type, method: str) -> None:
    """Refuse *value* with a `TypeError` unless it is a *cls*."""
    if not isinstance(value, cls):
        msg = f"{method}() takes a {cls.__name__}, not {type(value).__name__}"
        raise TypeError(msg)


def _amount(value: float | str | None, name: str) -> Decimal | None:
    """An amount given as a number or its text, as a `decimal.Decimal`; refused if not one."""
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        amount = Decimal("NaN")
    if not amount.is_finite():
        msg = f"{name} must be a finite number, not {value!r}"
        raise ValueError(msg)
    return amount


def _topic(value: Topic | str) -> Topic:
    """*value* as a `Topic`; an unknown one is refused with the list of topics."""
    try:
        return Topic(value)
    except ValueError:
        known = ", ".join(topic.value for topic in Topic)
        msg = f"unknown topic {value!r}; the topics: {known}"
        raise ValueError(msg) from None


def _as_date(value: datetime.date | str | int, *, end: bool) -> pendulum.Date:
    """
    A day from a date (`datetime.date` or `pendulum.Date`), a year, or an ISO
    "YYYY", "YYYY-MM" or "YYYY-MM-DD" string; a year or month stands for its
    first day, or its last when *end*.
    """
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, datetime.date):  # a plain date (or datetime): its day
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, bool) or not isinstance(value, int | str):
        msg = f"expected a date, a year or 'YYYY[-MM[-DD]]', not {value!r}"
        raise TypeError(msg)
    text = f"{value:04d}" if isinstance(value, int) else value.strip()
    parts = text.split("-")
    try:
        numbers = [int(part) for part in parts]
        if len(numbers) == 1 and len(parts[0]) == 4:
            year = numbers[0]
            return pendulum.Date(year, 12, 31) if end else pendulum.Date(year, 1, 1)
        if len(numbers) == 2:
            first = pendulum.Date(numbers[0], numbers[1], 1)
            return first.end_of("month") if end else first
        if len(numbers) == 3:
            return pendulum.Date(*numbers)
    except (ValueError, OverflowError):
        pass
    msg = f"expected a date, a year or 'YYYY[-MM[-DD]]', not {value!r}"
    raise ValueError(msg)
