from __future__ import annotations

import math
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, strategies as st

import aiforecasts
from aiforecasts import Currency, Money, Qualifier, Quantity, Rate

rates = st.floats(min_value=-0.5, max_value=2.0, allow_nan=False).filter(lambda r: abs(r) > 1e-6)


@given(rates)
def test_every_form_converts_back(log_per_month: float) -> None:
    rate = Rate(log_per_month)
    assert Rate.from_factor(rate.factor_per_year).log_per_month == pytest.approx(log_per_month)
    assert Rate.from_cagr_percent(rate.cagr_percent).log_per_month == pytest.approx(log_per_month)
    assert Rate.from_ooms_per_year(rate.ooms_per_year).log_per_month == pytest.approx(log_per_month)
    if rate.doubling_months is not None:
        assert Rate.from_doubling_months(rate.doubling_months).log_per_month == pytest.approx(
            log_per_month
        )
    else:
        assert log_per_month < 0


def test_known_values() -> None:
    assert Rate.from_factor(10).ooms_per_year == pytest.approx(1)
    assert Rate.from_doubling_months(12).cagr_percent == pytest.approx(100)
    assert Rate.from_factor(10).doubling_months == pytest.approx(12 * math.log(2) / math.log(10))
    # Moore's law as 001 states it: doubling every two years.
    assert Rate.from_doubling_months(24).factor_per_year == pytest.approx(math.sqrt(2))


@pytest.mark.parametrize(
    "make",
    [
        lambda: Rate.from_doubling_months(0),
        lambda: Rate.from_factor(0),
        lambda: Rate.from_factor(2, per_months=0),
        lambda: Rate.from_cagr_percent(-100),
        lambda: Rate.from_doubling_months(float("nan")),
        lambda: Rate(float("inf")),
    ],
)
def test_invalid(make: object) -> None:
    assert callable(make)
    with pytest.raises(ValueError):
        make()


def test_rate_of_every_stated_trend(dataset: aiforecasts.Dataset) -> None:
    for trend in dataset.compute_trends:
        rate = Rate.of(trend.growth)
        if trend.growth.derived:  # a change between two stated levels
            assert rate is not None
            factor = trend.growth.change_factor
            assert factor is not None
            assert trend.growth.period_months is not None
            assert rate.factor_over(float(trend.growth.period_months)) == pytest.approx(factor)
        elif trend.growth.value is None:
            assert rate is None
        else:
            assert rate is not None
            assert rate.factor_per_year == pytest.approx(trend.growth.factor_per_year)


def test_compare_the_documents_claims(dataset: aiforecasts.Dataset) -> None:
    trends = dataset.compute_trends
    jiang = trends.get("frontier-model-compute-doubling-3-4-months")
    sevilla = trends.get("training-compute-doubling-deep-learning")
    assert jiang is not None
    assert sevilla is not None
    (ten_x,) = jiang.equivalents  # "nearly 10x a year", said of the same passage
    a, b = Rate.of(ten_x), Rate.of(sevilla.growth)
    assert a is not None
    assert b is not None
    comparison = a.compare(b)
    assert comparison.factor_ratio == pytest.approx(10 / 2 ** (12 / 5.6))
    assert comparison.ooms_difference == pytest.approx(1 - (12 / 5.6) * math.log10(2))
    assert b.compare(a).factor_ratio == pytest.approx(1 / comparison.factor_ratio)


def test_project_quantity_and_money() -> None:
    start, end = pendulum.Date(2024, 7, 12), pendulum.Date(2027, 7, 12)
    tripled = Rate.from_factor(10).project(Quantity(Decimal(1), "EFLOPS"), start, end)
    assert tripled == Quantity(Decimal(1000), "EFLOPS", Qualifier.ABOUT)
    cost = Money(Decimal("1e8"), Currency.USD)
    grown = Rate.from_factor(10).project(cost, start, end)
    assert grown == Money(Decimal(100_000_000_000), Currency.USD, Qualifier.ABOUT)
    back = Rate.from_factor(10).project(grown, end, start)
    assert back.amount == Decimal(100_000_000)


def test_projection_keeps_bounds() -> None:
    start, end = pendulum.Date(2024, 1, 1), pendulum.Date(2025, 1, 1)
    up_to = Rate.from_factor(2).project(
        Money(Decimal(4), Currency.USD, Qualifier.UP_TO), start, end
    )
    assert up_to == Money(Decimal(8), Currency.USD, Qualifier.UP_TO)
    spread = Quantity(Decimal(1), "x", Qualifier.RANGE, Decimal(5))
    assert Rate.from_factor(2).project(spread, start, end) == Quantity(
        Decimal(2), "x", Qualifier.RANGE, Decimal(10)
    )
    with pytest.raises(OverflowError):
        Rate.from_factor(1e300).project(Quantity(Decimal("1e28"), "x"), start, end)


def test_projection_stays_within_the_figures() -> None:
    """A projection is a figure the types accept: rounded to the billionth, the finest a
    figure holds, and refused with OverflowError where it leaves the range (10^29 and more,
    or less than half a billionth)."""
    start, end = pendulum.Date(2024, 1, 1), pendulum.Date(2025, 1, 1)
    small = Rate.from_factor(1.234e-7).project(Quantity(Decimal(1), "x"), start, end)
    assert small.value == Decimal("1.23E-7")
    big = Rate.from_factor(1.5).project(Quantity(Decimal("5e28"), "x"), start, end)
    assert big.value == Decimal("7.5E+28")
    for factor, figure in ((1e-12, "1"), (3, "5e28")):
        with pytest.raises(OverflowError, match="leaves the range of figures"):
            Rate.from_factor(factor).project(Quantity(Decimal(figure), "x"), start, end)
