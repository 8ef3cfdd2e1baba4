"""
Time as the documents state it: `TimeSpan`, a span of days with the
precision and certainty it is known to ("early 2024", "by 2026", a date
inferred from the year of publication).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiforecasts._model.checks import checked, nonblank
from aiforecasts._model.declare import described, doc
from aiforecasts._model.vocab import Certainty, Precision, TimeRelation

if TYPE_CHECKING:
    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = ["TimeSpan"]


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
