"""
Growth claims and their maths: one rate, four ways of stating it.

`Growth` holds a claim as a document states it (a doubling time, a factor
over a period, a CAGR, or a level); `Rate` is the constant exponential rate
it stands for, convertible between the forms and used to project and compare.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING, overload

import attrs

from aiforecasts._model.checks import (
    DECIMAL_EXPONENTS,
    DECIMAL_PLACES,
    FieldError,
    check_decimal,
    checked,
)
from aiforecasts._model.declare import described, doc
from aiforecasts._model.figures import Money, Quantity, number_text
from aiforecasts._model.vocab import GrowthKind, Qualifier

if TYPE_CHECKING:
    import pendulum

__all__ = ["MAX_OOMS_PER_YEAR", "Growth", "Rate", "RateComparison"]

_LN2 = math.log(2)
_LN10 = math.log(10)


@described
@attrs.frozen(repr=False)
class Rate:
    """
    A constant exponential growth rate, convertible between the ways claims
    state it: doubling time, factor per year, CAGR, orders of magnitude per
    year.

    It is held as natural-log growth per month; build it from any stated form.

    >>> r = Rate.from_doubling_months(5.6)
    >>> round(r.factor_per_year, 2), round(r.cagr_percent), round(r.ooms_per_year, 3)
    (4.42, 342, 0.645)
    >>> round(Rate.from_factor(10).doubling_months, 2)
    3.61
    >>> round(Rate.from_cagr_percent(20).doubling_months, 1)
    45.6

    .. versionadded:: 0.1.0
    """

    log_per_month: float = attrs.field(
        metadata=doc("Natural-log growth per month (negative for a decline); finite.")
    )

    @log_per_month.validator
    def _finite(self, _attribute: attrs.Attribute[float], value: float) -> None:
        if not math.isfinite(value):
            msg = f"a rate must be finite, not {value}"
            raise ValueError(msg)

    @classmethod
    def from_doubling_months(cls, months: float) -> Rate:
        """Doubling every *months* months."""
        if not months > 0:
            msg = f"a doubling time must be positive, not {months}"
            raise ValueError(msg)
        return cls(_LN2 / months)

    @classmethod
    def from_factor(cls, factor: float, per_months: float = 12) -> Rate:
        """Multiplying by *factor* every *per_months* months (a year by default)."""
        if not (factor > 0 and per_months > 0):
            msg = f"factor and period must be positive, not {factor} per {per_months} months"
            raise ValueError(msg)
        return cls(math.log(factor) / per_months)

    @classmethod
    def from_cagr_percent(cls, percent: float) -> Rate:
        """A compound annual growth rate in percent (``20`` for 20 % a year)."""
        if not percent > -100:
            msg = f"a CAGR must exceed -100 %, not {percent}"
            raise ValueError(msg)
        return cls(math.log1p(percent / 100) / 12)

    @classmethod
    def from_ooms_per_year(cls, ooms: float) -> Rate:
        """*ooms* orders of magnitude (powers of ten) a year."""
        return cls(ooms * _LN10 / 12)

    @classmethod
    def of(cls, growth: Growth) -> Rate | None:
        """
        The rate a `Growth` states (the middle of a stated range), or ``None``
        for a level with no rate.

        >>> import aiforecasts
        >>> trend = aiforecasts.load().compute_trends.get("training-compute-doubling-deep-learning")
        >>> round(Rate.of(trend.growth).factor_per_year, 2)
        4.42
        """
        return growth.rate

    @property
    def doubling_months(self) -> float | None:
        """Months to double; ``None`` when the quantity does not grow."""
        return _LN2 / self.log_per_month if self.log_per_month > 0 else None

    @property
    def factor_per_year(self) -> float:
        """The factor the quantity is multiplied by in a year."""
        return math.exp(self.log_per_month * 12)

    @property
    def cagr_percent(self) -> float:
        """The compound annual growth rate in percent."""
        return math.expm1(self.log_per_month * 12) * 100

    @property
    def ooms_per_year(self) -> float:
        """Orders of magnitude (powers of ten) a year."""
        return self.log_per_month * 12 / _LN10

    def factor_over(self, months: float) -> float:
        """The factor the quantity is multiplied by over *months* months."""
        return math.exp(self.log_per_month * months)

    @overload
    def project(self, value: Quantity, start: pendulum.Date, end: pendulum.Date) -> Quantity: ...
    @overload
    def project(self, value: Money, start: pendulum.Date, end: pendulum.Date) -> Money: ...
    def project(
        self, value: Quantity | Money, start: pendulum.Date, end: pendulum.Date
    ) -> Quantity | Money:
        """
        *value* (a `Quantity` or `Money`), measured at *start*, grown at this
        rate until *end*.

        The result keeps the unit or currency and the qualifier ("up to" stays
        "up to", both ends of a range grow); an exact figure becomes "about" —
        a projection, not a figure.  Values are rounded to four significant
        figures, and to the billionth (the finest a figure holds); a value
        that leaves the range of figures raises `OverflowError`.

        Gui'an's installed 30.7 EFLOPS (May 2024), grown for two years at the
        20 % a year CCID Consulting forecasts for China:

        >>> import aiforecasts, pendulum
        >>> trends = aiforecasts.load().compute_trends
        >>> guian = trends.get("guian-installed-capacity-2024-05").growth.level
        >>> china = Rate.of(trends.get("ccid-china-capacity-2026").growth)
        >>> str(china.project(guian, pendulum.Date(2024, 5, 28), pendulum.Date(2026, 5, 28)))
        'about 44.21 EFLOPS'
        """
        factor = self.factor_over(_months_between(start, end))
        if isinstance(value, Quantity):
            low, high = _grow(value.value, factor), _grow(value.high, factor)
            return Quantity(low, value.unit, _projected(value.qualifier), high)
        low, high = _grow(value.amount, factor), _grow(value.high, factor)
        return Money(low, value.currency, _projected(value.qualifier), high)

    def compare(self, other: Rate) -> RateComparison:
        """
        How far apart this rate and *other* are.

        "Nearly 10x a year" (SenseTime's Jiang Qin, 001) against "doubling
        every 5.6 months" (Sevilla et al., quoted in 003):

        >>> import aiforecasts
        >>> trends = aiforecasts.load().compute_trends
        >>> ten_x = Rate.of(trends.get("frontier-model-compute-doubling-3-4-months").equivalents[0])
        >>> sevilla = Rate.of(trends.get("training-compute-doubling-deep-learning").growth)
        >>> comparison = ten_x.compare(sevilla)
        >>> round(comparison.factor_ratio, 2), round(comparison.ooms_difference, 3)
        (2.26, 0.355)
        >>> print(comparison)  # doctest: +NORMALIZE_WHITESPACE
        10.00x per year vs 4.42x per year: 2.26x apart per year
        (0.355 orders of magnitude); doubling every 3.6 vs 5.6 months
        """
        return RateComparison(self, other)

    def __str__(self) -> str:
        doubling = self.doubling_months
        tail = f", doubling every {doubling:.1f} months" if doubling else ""
        return f"{self.factor_per_year:.2f}x per year{tail}"


@described
@attrs.frozen(repr=False)
class RateComparison:
    """
    Two rates side by side: how many times faster the first grows per year.

    .. versionadded:: 0.1.0
    """

    first: Rate = attrs.field(metadata=doc("The rate compared."))
    second: Rate = attrs.field(metadata=doc("The rate it is compared with."))

    @property
    def factor_ratio(self) -> float:
        """How many times more the first multiplies a quantity in a year."""
        return self.first.factor_per_year / self.second.factor_per_year

    @property
    def ooms_difference(self) -> float:
        """The difference in orders of magnitude per year (first minus second)."""
        return self.first.ooms_per_year - self.second.ooms_per_year

    def __str__(self) -> str:
        a, b = self.first, self.second
        text = (
            f"{a.factor_per_year:.2f}x per year vs {b.factor_per_year:.2f}x per year: "
            f"{self.factor_ratio:.2f}x apart per year "
            f"({self.ooms_difference:.3f} orders of magnitude)"
        )
        if a.doubling_months and b.doubling_months:
            text += f"; doubling every {a.doubling_months:.1f} vs {b.doubling_months:.1f} months"
        return text


def _optional_finite(
    _inst: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None:
        check_decimal(attribute.name, value)


_MONTHS_A_YEAR = 12

MAX_OOMS_PER_YEAR = DECIMAL_EXPONENTS[-1] - 1
"""
The most orders of magnitude a year a growth may imply, either way (27): a factor per year
from 10^-27 to 10^27, a doubling time of at least 12·log10(2)/27 ≈ 0.134 months.

Derived from the range of figures (`DECIMAL_EXPONENTS`: below 10^29), so that the two bounds
agree: the CAGR in percent, 100·(factor − 1), is the largest derived form, and a factor of at
most 10^27 keeps it below 10^29 — a size the types accept, so the growth can be restated as a
CAGR figure — while every CAGR figure (below 10^29) is a factor below 10^27 + 1.  It is far
from the largest float (about 10^308), so the factor, the CAGR and the doubling time are
finite floats, as the tables and frames write them; the bound is kept the same for declines
(a factor of at least 10^-27, which no float rounds to 0).  The fastest growth the documents
state is about 10x a year.
"""


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Growth:
    """
    A growth claim as stated, with normalised forms computed from it.

    >>> from decimal import Decimal
    >>> g = Growth(GrowthKind.DOUBLING_TIME, Decimal("5.6"))
    >>> round(g.factor_per_year, 2)
    4.42
    >>> Growth(GrowthKind.FACTOR, Decimal("10"), period_months=Decimal("12")).doubling_months
    3.6123...

    A change stated as two levels ("from $60 to $0.06 in three years") has
    its rate derived from them:

    >>> from aiforecasts import Currency, Money
    >>> fall = Growth(
    ...     GrowthKind.CHANGE,
    ...     period_months=Decimal("36"),
    ...     from_money=Money(Decimal("60"), Currency.USD),
    ...     money=Money(Decimal("0.06"), Currency.USD),
    ... )
    >>> fall.derived, round(fall.factor_per_year, 3), round(fall.change_factor, 3)
    (True, 0.1, 0.001)

    .. versionadded:: 0.1.0
    """

    kind: GrowthKind = attrs.field(
        metadata=doc(
            "How the claim is stated: a doubling time, a factor over a period, a CAGR, a "
            "level, or a change between two levels (`GrowthKind`)."
        )
    )
    value: Decimal | None = attrs.field(
        default=None,
        validator=_optional_finite,
        metadata=doc(
            "Months (doubling time), factor, or percent (CAGR); positive.  ``None`` for "
            "`GrowthKind.LEVEL` and `GrowthKind.CHANGE`."
        ),
    )
    high: Decimal | None = attrs.field(
        default=None,
        validator=_optional_finite,
        metadata=doc(
            'Upper end of a stated range ("every three to four months"), in the unit of '
            "*value* and not below it; ``None`` without a range."
        ),
    )
    period_months: Decimal | None = attrs.field(
        default=None,
        validator=_optional_finite,
        metadata=doc(
            "The period the factor or the change is over, in months (required, positive, "
            "for `GrowthKind.FACTOR` and `GrowthKind.CHANGE`)."
        ),
    )
    qualifier: Qualifier = attrs.field(
        default=Qualifier.EXACT,
        metadata=doc('How the rate is hedged ("about", "nearly").'),
    )
    level: Quantity | None = attrs.field(
        default=None,
        metadata=doc(
            "For `GrowthKind.LEVEL`, the end level of a `GrowthKind.CHANGE`, or a level "
            'stated beside a rate ("360 EFLOPS"); ``None`` if there is none.'
        ),
    )
    money: Money | None = attrs.field(
        default=None,
        metadata=doc(
            'A level that is an amount of money ("tens of billions of dollars"), in place '
            "of *level*; ``None`` if there is none."
        ),
    )
    from_level: Quantity | None = attrs.field(
        default=None,
        metadata=doc(
            "The level a change starts from, in the unit of *level*; ``None`` if not stated."
        ),
    )
    from_money: Money | None = attrs.field(
        default=None,
        metadata=doc(
            "The amount of money a change starts from, in the currency of *money*; ``None`` "
            "if not stated."
        ),
    )

    def __attrs_post_init__(self) -> None:
        if self.level is not None and self.money is not None:
            msg = "a growth has a level or an amount of money, not both"
            raise ValueError(msg)
        self._check_start()
        if self.kind is GrowthKind.LEVEL:
            if self.level is None and self.money is None:
                msg = "a 'level' growth needs a level or an amount of money"
                raise ValueError(msg)
        elif self.kind is GrowthKind.CHANGE:
            if self.value is not None or self.high is not None:
                msg = "a 'change' growth states no rate: its rate is derived from its two levels"
                raise ValueError(msg)
            if self.from_level is None and self.from_money is None:
                msg = "a 'change' growth needs the level it starts from (from_level or from_money)"
                raise ValueError(msg)
            start, end = self._levels()
            if not (start > 0 and end > 0):
                msg = "a 'change' growth needs positive levels at both ends"
                raise ValueError(msg)
        elif self.value is None or self.value <= 0:
            msg = f"a '{self.kind.value}' growth needs a positive value"
            raise ValueError(msg)
        if self.kind in (GrowthKind.FACTOR, GrowthKind.CHANGE) and (
            self.period_months is None or self.period_months <= 0
        ):
            msg = f"a '{self.kind.value}' growth needs a positive period_months"
            raise ValueError(msg)
        if self.high is not None and self.value is not None and self.high < self.value:
            msg = f"high ({self.high}) is below value ({self.value})"
            raise ValueError(msg)
        self._check_rates()

    def _check_rates(self) -> None:
        """
        Refuse a growth whose rate (or either end of its range) leaves
        `MAX_OOMS_PER_YEAR`: its derived forms would overflow.
        """
        if self.kind is GrowthKind.LEVEL:
            return
        if self.kind is GrowthKind.CHANGE:
            ends = [("period_months", self.rate)]
        else:
            assert self.value is not None
            ends = [("value", self._stated_rate(self.value))]
            if self.high is not None:
                ends.append(("high", self._stated_rate(self.high)))
        for name, rate in ends:
            assert rate is not None
            if abs(rate.ooms_per_year) > MAX_OOMS_PER_YEAR:
                msg = (
                    f"a growth of {rate.ooms_per_year:.3g} orders of magnitude a year is out of "
                    f"range (at most {MAX_OOMS_PER_YEAR} either way: a doubling time of at least "
                    f"{_LN2 * _MONTHS_A_YEAR / (MAX_OOMS_PER_YEAR * _LN10):.4f} months)"
                )
                raise FieldError(name, msg)

    def _check_start(self) -> None:
        if self.from_level is not None and self.from_money is not None:
            msg = "a growth starts from a level or an amount of money, not both"
            raise ValueError(msg)
        if self.from_level is not None and (
            self.level is None or self.level.unit != self.from_level.unit
        ):
            msg = "from_level needs a level in the same unit"
            raise ValueError(msg)
        if self.from_money is not None and (
            self.money is None or self.money.currency is not self.from_money.currency
        ):
            msg = "from_money needs an amount of money in the same currency"
            raise ValueError(msg)

    def _levels(self) -> tuple[Decimal, Decimal]:
        """The start and end figures of a change."""
        if self.from_level is not None and self.level is not None:
            return self.from_level.value, self.level.value
        assert self.from_money is not None
        assert self.money is not None
        return self.from_money.amount, self.money.amount

    @property
    def derived(self) -> bool:
        """Whether the rate is computed from two stated levels rather than stated."""
        return self.kind is GrowthKind.CHANGE

    @property
    def change_factor(self) -> float | None:
        """
        The end level over the start level, where both are stated (``0.001``
        for a fall from 60 to 0.06); ``None`` otherwise.
        """
        if self.from_level is None and self.from_money is None:
            return None
        start, end = self._levels()
        return float(end / start)

    def __str__(self) -> str:
        """
        The growth as its document states it.

        >>> import aiforecasts
        >>> trends = aiforecasts.load().compute_trends
        >>> print(trends.get("frontier-model-compute-doubling-3-4-months").growth)
        doubling time 3–4 months
        >>> print(trends.get("frontier-model-compute-doubling-3-4-months").equivalents[0])
        nearly 10x a year
        """
        level = self.level if self.level is not None else self.money
        if self.kind is GrowthKind.LEVEL:
            return f"level of {level}"
        if self.kind is GrowthKind.CHANGE:
            start = self.from_level if self.from_level is not None else self.from_money
            assert self.period_months is not None
            return f"from {start} to {level} over {number_text(self.period_months)} months"
        assert self.value is not None
        if self.kind is GrowthKind.DOUBLING_TIME:
            text = f"doubling time {Quantity(self.value, 'months', self.qualifier, self.high)}"
        elif self.kind is GrowthKind.FACTOR:
            assert self.period_months is not None
            months = self.period_months
            per = "a year" if months == _MONTHS_A_YEAR else f"every {number_text(months)} months"
            factor = Quantity(self.value, "x", self.qualifier, self.high)
            text = f"{factor} {per}".replace(" x ", "x ")
        else:
            rate = Quantity(self.value, "%", self.qualifier, self.high)
            text = f"CAGR of {rate}".replace(" %", "%")
        return text if level is None else f"{text}, to {level}"

    def _stated_rate(self, value: Decimal) -> Rate:
        if self.kind is GrowthKind.DOUBLING_TIME:
            return Rate.from_doubling_months(float(value))
        if self.kind is GrowthKind.FACTOR:
            assert self.period_months is not None
            return Rate.from_factor(float(value), float(self.period_months))
        return Rate.from_cagr_percent(float(value))

    @property
    def rate(self) -> Rate | None:
        """
        The stated rate as a `Rate` (the middle of a stated range), or the
        rate derived from the two levels of a change (see `derived`);
        ``None`` for a level with no rate.
        """
        if self.kind is GrowthKind.CHANGE:
            assert self.period_months is not None
            start, end = self._levels()
            return Rate((math.log(end) - math.log(start)) / float(self.period_months))
        if self.kind is GrowthKind.LEVEL or self.value is None:
            return None
        rate = self._stated_rate(self.value)
        if self.high is None:
            return rate
        return Rate((rate.log_per_month + self._stated_rate(self.high).log_per_month) / 2)

    @property
    def monthly_log_rate(self) -> float | None:
        """Natural-log growth per month (the middle of a range); ``None`` for a level."""
        rate = self.rate
        return None if rate is None else rate.log_per_month

    @property
    def doubling_months(self) -> float | None:
        """Doubling time in months, computed from the stated form."""
        rate = self.rate
        return None if rate is None else rate.doubling_months

    @property
    def factor_per_year(self) -> float | None:
        """Multiplication factor per year, computed from the stated form."""
        rate = self.rate
        return None if rate is None else rate.factor_per_year

    @property
    def cagr_percent(self) -> float | None:
        """Compound annual growth rate in percent."""
        rate = self.rate
        return None if rate is None else rate.cagr_percent


def _projected(qualifier: Qualifier) -> Qualifier:
    return Qualifier.ABOUT if qualifier is Qualifier.EXACT else qualifier


@overload
def _grow(value: Decimal, factor: float) -> Decimal: ...
@overload
def _grow(value: None, factor: float) -> None: ...
def _grow(value: Decimal | None, factor: float) -> Decimal | None:
    if value is None:
        return None
    grown = float(value) * factor
    if not math.isfinite(grown):
        msg = f"projecting {value} by a factor of {factor} leaves the range of figures"
        raise OverflowError(msg)
    rounded = Decimal(f"{grown:.4g}")
    exponent = rounded.as_tuple().exponent  # an int: *grown* is finite
    if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
        # Finer than a figure holds (a billionth): to the nearest billionth, which has at
        # most three digits here (four significant ones reach 10^-6 at least).
        rounded = rounded.quantize(_BILLIONTH)
    if (grown and not rounded) or (rounded and rounded.adjusted() not in DECIMAL_EXPONENTS):
        msg = f"projecting {value} by a factor of {factor} leaves the range of figures"
        raise OverflowError(msg)
    # Plain notation for whole numbers ("100000000000", not "1E+11").
    return Decimal(int(rounded)) if rounded == rounded.to_integral_value() else rounded


_BILLIONTH = Decimal(1).scaleb(-DECIMAL_PLACES)


def _months_between(start: pendulum.Date, end: pendulum.Date) -> float:
    """Calendar months from *start* to *end*, with the days left over as a fraction."""
    if end < start:
        return -_months_between(end, start)
    whole = (end - start).in_months()
    rest = (end - start.add(months=whole)).in_days()
    return whole + rest / (365.2425 / 12)
