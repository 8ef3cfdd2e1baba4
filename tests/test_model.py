from __future__ import annotations

import math
from decimal import Decimal
from typing import cast

import attrs
import pendulum
import pytest

import aiforecasts
from aiforecasts import (
    Currency,
    Excerpt,
    Growth,
    GrowthKind,
    Money,
    Precision,
    Qualifier,
    Quantity,
    TimeSpan,
)


def span(start: tuple[int, int, int], end: tuple[int, int, int]) -> TimeSpan:
    return TimeSpan(pendulum.Date(*start), pendulum.Date(*end), Precision.DAY, label="x")


class TestMoney:
    def test_str_keeps_qualifier(self) -> None:
        assert str(Money(Decimal(4000000000), Currency.USD, Qualifier.UP_TO)) == (
            "up to USD 4,000,000,000"
        )
        assert str(Money(Decimal("1.5"), Currency.USD)) == "USD 1.5"

    def test_range(self) -> None:
        money = Money(Decimal(10), Currency.USD, Qualifier.RANGE, high=Decimal(100))
        assert str(money) == "USD 10–100"

    @pytest.mark.parametrize(
        ("amount", "qualifier", "high"),
        [
            (Decimal(-1), Qualifier.EXACT, None),
            (Decimal("NaN"), Qualifier.EXACT, None),
            (Decimal("Infinity"), Qualifier.EXACT, None),
            (Decimal(1), Qualifier.RANGE, None),
            (Decimal(1), Qualifier.EXACT, Decimal(2)),
            (Decimal(5), Qualifier.RANGE, Decimal(2)),
        ],
    )
    def test_invalid(self, amount: Decimal, qualifier: Qualifier, high: Decimal | None) -> None:
        with pytest.raises(ValueError):
            Money(amount, Currency.USD, qualifier, high)

    def test_bounds(self) -> None:
        assert Qualifier.UP_TO.is_bound
        assert Qualifier.OVER.is_bound
        assert not Qualifier.EXACT.is_bound
        assert not Qualifier.ABOUT.is_bound

    def test_quantity(self) -> None:
        assert str(Quantity(Decimal("30.7"), "EFLOPS")) == "30.7 EFLOPS"
        assert str(Quantity(Decimal(90000000), "downloads", Qualifier.OVER)) == (
            "over 90,000,000 downloads"
        )


class TestTimeSpan:
    def test_contains_and_overlaps(self) -> None:
        early = span((2024, 1, 1), (2024, 4, 30))
        assert early.contains(pendulum.Date(2024, 3, 15))
        assert not early.contains(pendulum.Date(2024, 5, 1))
        assert early.overlaps(span((2024, 4, 30), (2024, 6, 1)))
        assert not early.overlaps(span((2024, 5, 1), (2024, 6, 1)))

    def test_interval(self) -> None:
        assert span((2024, 1, 1), (2024, 1, 31)).interval.in_days() == 30

    def test_end_before_start(self) -> None:
        with pytest.raises(ValueError, match="before start"):
            span((2024, 2, 1), (2024, 1, 1))

    def test_precision_label(self) -> None:
        assert Precision.PART_OF_YEAR.label == "part of a year"
        assert all(precision.label for precision in Precision)


class TestGrowth:
    def test_doubling_time(self) -> None:
        growth = Growth(GrowthKind.DOUBLING_TIME, Decimal("5.6"))
        assert growth.doubling_months == pytest.approx(5.6)
        assert growth.factor_per_year == pytest.approx(2 ** (12 / 5.6))

    def test_factor(self) -> None:
        growth = Growth(GrowthKind.FACTOR, Decimal(10), period_months=Decimal(12))
        assert growth.factor_per_year == pytest.approx(10)
        assert growth.doubling_months == pytest.approx(12 * math.log(2) / math.log(10))
        assert growth.cagr_percent == pytest.approx(900)

    def test_cagr(self) -> None:
        growth = Growth(GrowthKind.CAGR, Decimal(20))
        assert growth.factor_per_year == pytest.approx(1.2)

    def test_range_uses_the_midpoint_rate(self) -> None:
        growth = Growth(GrowthKind.DOUBLING_TIME, Decimal(3), high=Decimal(4))
        rate = (math.log(2) / 3 + math.log(2) / 4) / 2
        assert growth.monthly_log_rate == pytest.approx(rate)

    def test_decline_has_no_doubling_time(self) -> None:
        growth = Growth(GrowthKind.FACTOR, Decimal("0.001"), period_months=Decimal(36))
        assert growth.doubling_months is None
        assert growth.factor_per_year == pytest.approx(0.1)

    def test_level(self) -> None:
        level = Quantity(Decimal(360), "EFLOPS", Qualifier.OVER)
        growth = Growth(GrowthKind.LEVEL, level=level)
        assert growth.factor_per_year is None
        assert growth.doubling_months is None

    @pytest.mark.parametrize(
        "kwargs",
        [
            {"kind": GrowthKind.LEVEL},
            {"kind": GrowthKind.DOUBLING_TIME},
            {"kind": GrowthKind.DOUBLING_TIME, "value": Decimal(0)},
            {"kind": GrowthKind.FACTOR, "value": Decimal(10)},
            {"kind": GrowthKind.DOUBLING_TIME, "value": Decimal(4), "high": Decimal(3)},
        ],
    )
    def test_invalid(self, kwargs: dict[str, object]) -> None:
        with pytest.raises(ValueError):
            Growth(**kwargs)  # type: ignore[arg-type]


class TestExcerpt:
    def test_offsets_must_match_text_length(self) -> None:
        with pytest.raises(ValueError, match="span 3"):
            Excerpt("s", 0, 3, "ab", "ab")

    def test_empty_or_reversed(self) -> None:
        with pytest.raises(ValueError, match="start < end"):
            Excerpt("s", 3, 3, "x", "x")


def _attrs_repr(value: attrs.AttrsInstance) -> str:
    """*value*'s repr as attrs itself generates it: through a twin class that attrs writes the
    repr of (same name and fields, no validators), holding the same values."""
    cls = type(value)
    fields = attrs.fields(cls)
    twin = attrs.make_class(
        cls.__name__,
        {field.name: attrs.field(repr=field.repr) for field in fields},
        frozen=True,
        repr=True,
    )
    return repr(twin(*(getattr(value, field.name) for field in fields)))


def test_records_and_values_show_as_attrs_would() -> None:
    """The record and value classes share one ``__repr__`` (cheaper at import than one compiled
    per class); it writes exactly what attrs writes, for every record and every value in them."""
    dataset = aiforecasts.load()
    seen: set[type] = set()
    stack: list[object] = list(dataset.records())
    while stack:
        value = stack.pop()
        if attrs.has(type(value)):
            instance = cast("attrs.AttrsInstance", value)
            seen.add(type(instance))
            assert repr(instance) == _attrs_repr(instance)
            stack.extend(getattr(instance, field.name) for field in attrs.fields(type(instance)))
        elif isinstance(value, tuple | frozenset):
            stack.extend(value)
    assert len(seen) >= 20  # every kind and the values they hold
