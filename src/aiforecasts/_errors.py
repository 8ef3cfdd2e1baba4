"""
The package's one error type for bad data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["DataError", "Problem", "json_type"]


@attrs.frozen
class Problem:
    """
    One problem found in a data file: where, and what.

    *path* names the bad field from the top of the dataset, such as
    ``predictions[3].horizon.start``; *file* is the file it was read from.

    >>> str(Problem("predictions[3].horizon.start", "invalid date '2024-13-01'"))
    "predictions[3].horizon.start: invalid date '2024-13-01'"

    .. versionadded:: 0.1.0
    """

    path: str
    message: str
    file: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}: " if self.file else ""
        return f"{where}{self.path}: {self.message}"


class DataError(ValueError):
    """
    Data could not be loaded: every problem found, each with its path.

    Raised instead of a bare `KeyError` or `TypeError` whenever a data file is
    malformed, of a foreign kind or inconsistent; nothing is loaded then.

    >>> err = DataError([Problem("companies[0].kind", "'bank' is not a valid OrgKind")])
    >>> print(err)
    1 problem in the data:
      companies[0].kind: 'bank' is not a valid OrgKind
    >>> isinstance(err, ValueError)
    True

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the data:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


def json_type(value: object) -> str:
    """What a JSON value is, in words: ``an object``, ``a list``, ``a string``…"""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )
