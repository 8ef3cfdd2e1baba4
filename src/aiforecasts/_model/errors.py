"""
The package's one error type for bad data, and how problems are collected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["PROBLEM_LIMIT", "DataError", "Problem", "Problems", "Unread", "json_type"]

PROBLEM_LIMIT = 100
"""How many problems a reading lists; past that, it counts them or stops looking."""
_MESSAGE_LIMIT = 300


def _bounded(message: str, limit: int = _MESSAGE_LIMIT) -> str:
    """A text of at most a few hundred characters (a quoted value or a key can be any size)."""
    if len(message) <= limit:
        return message
    return f"{message[: limit - 1]}… ({len(message):,} characters in all)"


def _bounded_path(path: str) -> str:
    return _bounded(path, 200)


@attrs.frozen
class Problem:
    """
    One problem found in a data file: where, and what.

    *path* names the bad field from the top of the dataset, such as
    ``predictions[3].horizon.start``; *record* is the id of the record it is
    in, where the record has one; *file* is the file it was read from.

    >>> print(Problem("predictions[3].horizon.start", "invalid date '2024-13-01'",
    ...               "export.json", record="nvidia-gpu-cloud-2024"))
    export.json: predictions[3].horizon.start (nvidia-gpu-cloud-2024): invalid date '2024-13-01'

    .. versionadded:: 0.1.0
    """

    path: str = attrs.field(converter=_bounded_path)
    message: str = attrs.field(converter=_bounded)
    """What is wrong, in a few hundred characters at most."""
    file: str | None = None
    record: str | None = attrs.field(default=None, kw_only=True)
    """The id of the record the problem is in, when it has one."""

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        which = f" ({self.record})" if self.record else ""
        return f"{where}{self.path}{which}: {self.message}"


class Problems(list[Problem]):
    """
    The problems of one reading, in the order found: at most *limit* are kept;
    past that they are counted (`more`), and a reader may stop looking
    (`stopped`).  A `DataError` made from it says so.
    """

    def __init__(self, limit: int = PROBLEM_LIMIT) -> None:
        super().__init__()
        self.limit = limit
        self.more = 0
        self.stopped = False

    def append(self, problem: Problem) -> None:
        if len(self) < self.limit:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    @property
    def full(self) -> bool:
        """Whether the limit is reached: a reader may stop looking for more."""
        return len(self) >= self.limit


@attrs.frozen
class Unread:
    """A record the detailed engine could not read, kept as JSON for the integrity check."""

    value: Any


class DataError(ValueError):
    """
    Data could not be loaded: every problem found, each with its path.

    Raised instead of a bare `KeyError` or `TypeError` whenever a data file is
    malformed, of a foreign kind or inconsistent; nothing is loaded then.  A
    reading lists at most a hundred problems, each in a few hundred
    characters, and says how many more there are (or that it stopped
    looking).

    >>> err = DataError([Problem("companies[0].kind", "'bank' is not a valid OrgKind")])
    >>> print(err)
    1 problem in the data:
      companies[0].kind: 'bank' is not a valid OrgKind
    >>> isinstance(err, ValueError)
    True

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]
    """The problems listed (at most a hundred)."""
    more: int
    """How many more problems were found and not listed."""
    stopped: bool
    """Whether the reading stopped looking after the listed ones (there may be more)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        self.more = problems.more if isinstance(problems, Problems) else 0
        self.stopped = problems.stopped if isinstance(problems, Problems) else False
        count = len(self.problems) + self.more
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        if self.more:
            lines.append(f"  … and {self.more:,} more")
        if self.stopped:
            lines.append(f"  (stopped looking after the first {len(self.problems)})")
        super().__init__("\n".join(lines))


class LongInteger:
    """
    An integer of JSON text longer than Python converts (more than
    `sys.get_int_max_str_digits`, 4,300 digits by default: `int` of it raises
    `ValueError`), as the detailed engine's parser keeps it: its length
    alone, so that the reader names it at its path, as any value of the wrong
    type, instead of giving up on the whole text there.  No field takes one.
    """

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"an integer of {self.digits:,} digits"


def json_type(value: object) -> str:
    """What a JSON value is, in words: ``an object``, ``a list``, ``a string``…"""
    if isinstance(value, LongInteger):
        return repr(value)
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
