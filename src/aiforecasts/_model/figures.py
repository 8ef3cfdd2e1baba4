"""
Figures as the documents state them: amounts of money (`Money`) and
quantities with a unit (`Quantity`), each with the hedge the document puts on
it ("up to", "over", a range), and the measurable figure a prediction states
(`Target`): what is measured, how the observed figure must compare, by when.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from aiforecasts._model.checks import check_decimal, checked, nonblank, optional_nonblank
from aiforecasts._model.declare import described, doc
from aiforecasts._model.vocab import Comparison, Currency, Qualifier

if TYPE_CHECKING:
    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

__all__ = ["Money", "Quantity", "Target", "figure_of", "number_text"]


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
