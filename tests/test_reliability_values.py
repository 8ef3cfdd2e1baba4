"""
Issue 23, the values' slice: records are valid however they are built (M15), growths whose
derived forms would overflow are refused (M8), names hold no invisible characters, and the
extremes of every value type are written and read back exactly.
"""

from __future__ import annotations

import datetime
import decimal
import importlib.util
import math
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

import aiforecasts
from aiforecasts import (
    Currency,
    Growth,
    GrowthKind,
    Hedge,
    Money,
    Precision,
    Qualifier,
    Quantity,
    TimeSpan,
)
from aiforecasts._model import growth as _growth
from aiforecasts._model.checks import DECIMAL_DIGITS, check_decimal
from aiforecasts._model.fields import DECIMAL

MAX_OOMS_PER_YEAR = getattr(_growth, "MAX_OOMS_PER_YEAR", 29)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from aiforecasts._codec.json import Engine
    from aiforecasts._io.write import Format


@pytest.fixture(scope="module")
def ds() -> aiforecasts.Dataset:
    return aiforecasts.load()


def _first(collection: Any) -> Any:
    return next(iter(collection))


# M15: attrs.evolve and direct construction run the loader's checks --------------------

BAD: list[tuple[str, str, Callable[[Any], Any]]] = [
    ("id not a slug", "predictions", lambda p: attrs.evolve(p, id="Not A Slug")),
    ("id with a trailing hyphen", "predictions", lambda p: attrs.evolve(p, id="a-")),
    ("reference not a slug", "predictions", lambda p: attrs.evolve(p, source="Some Source")),
    ("ids that are a string", "predictions", lambda p: attrs.evolve(p, companies="nvidia")),
    ("an id among ids not a slug", "predictions", lambda p: attrs.evolve(p, made_by=("A B",))),
    ("an enum value unknown", "predictions", lambda p: attrs.evolve(p, hedge="maybe")),
    ("an enum of another kind", "predictions", lambda p: attrs.evolve(p, hedge=Qualifier.ABOUT)),
    ("topics not a set", "predictions", lambda p: attrs.evolve(p, topics="chips")),
    ("a float for a decimal", "funding_rounds", lambda r: attrs.evolve(r.amount, amount=4e9)),
    ("an int for a decimal", "funding_rounds", lambda r: attrs.evolve(r.amount, amount=4)),
    (
        "a datetime for a date",
        "resolutions",
        lambda r: attrs.evolve(r, as_of=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)),
    ),
    ("a string for a date", "resolutions", lambda r: attrs.evolve(r, as_of="2026-01-01")),
    ("a string for a part", "predictions", lambda p: attrs.evolve(p, made="2024")),
    ("a bool for an int", "predictions", lambda p: attrs.evolve(p, number=True)),
    ("a dict among excerpts", "predictions", lambda p: attrs.evolve(p, excerpts=({},))),
    ("a version with a space", "predictions", lambda p: attrs.evolve(p, added_in="2026 1")),
]


@pytest.mark.parametrize(("kind", "change"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_records_built_by_hand_are_checked_as_the_loader_checks(
    ds: aiforecasts.Dataset, kind: str, change: Callable[[Any], Any]
) -> None:
    """Each of these was accepted by attrs.evolve, saved by write() and refused by load_path."""
    record = next(r for r in getattr(ds, kind) if kind != "funding_rounds" or r.amount)
    with pytest.raises((ValueError, TypeError)):
        change(record)


def test_what_construction_converts_is_exact_and_reads_back(ds: aiforecasts.Dataset) -> None:
    """A list for a tuple, an enum's string for its member, a datetime.date for a date: taken
    as what they stand for, so the record equals what reading its export gives."""
    prediction = _first(ds.predictions)
    changed = attrs.evolve(prediction, hedge="possible", companies=list(prediction.companies))
    assert changed.hedge is Hedge.POSSIBLE
    assert type(changed.companies) is tuple
    resolution = _first(ds.resolutions)
    dated = attrs.evolve(resolution, as_of=datetime.date(2026, 1, 2))
    assert type(dated.as_of) is pendulum.Date
    back = aiforecasts.loads(aiforecasts.to_json([changed, dated]), check_references=False)
    assert _first(back.predictions) == changed
    assert _first(back.resolutions) == dated


# M8: a growth is refused at construction, or every derived form works -----------------

# Positive decimals over the whole range of figures and a little beyond (refused there).
_positive = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(1, 10**6),
    st.integers(-37, 31),
) | st.sampled_from([Decimal("0.001"), Decimal("0.1245"), Decimal(1), Decimal("1E+30")])


@st.composite
def _growths(draw: st.DrawFn) -> Callable[[], Growth]:
    kind = draw(
        st.sampled_from(
            [GrowthKind.DOUBLING_TIME, GrowthKind.FACTOR, GrowthKind.CAGR, GrowthKind.CHANGE]
        )
    )
    value = draw(_positive)
    high = draw(st.none() | _positive)
    period = draw(_positive)
    if kind is GrowthKind.CHANGE:
        start, end = value, high or Decimal(1)
        return lambda: Growth(
            kind,
            period_months=period,
            from_money=Money(start, Currency.USD),
            money=Money(end, Currency.USD),
        )
    if high is not None and high < value:
        value, high = high, value
    months = period if kind is GrowthKind.FACTOR else None
    return lambda: Growth(kind, value, high, period_months=months)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(build=_growths())
def test_a_growth_is_refused_or_every_derived_form_works(
    ds: aiforecasts.Dataset, build: Callable[[], Growth]
) -> None:
    try:
        growth = build()
    except ValueError:
        return
    for form in (growth.factor_per_year, growth.cagr_percent, growth.monthly_log_rate):
        assert form is not None
        assert math.isfinite(form)
    assert growth.doubling_months is None or math.isfinite(growth.doubling_months)
    trend = attrs.evolve(_first(ds.compute_trends), growth=growth, equivalents=())
    aiforecasts.to_csv([trend], dataset_version="2026.1")
    assert (
        _first(
            aiforecasts.loads(aiforecasts.to_json([trend]), check_references=False).compute_trends
        )
        == trend
    )
    aiforecasts.to_dataframes([trend], dataset_version="2026.1")
    if importlib.util.find_spec("pyarrow") is not None:
        aiforecasts.to_arrow([trend], dataset_version="2026.1")


def test_the_doubling_time_of_the_finding_is_refused_with_its_field() -> None:
    with pytest.raises(ValueError, match="orders of magnitude a year") as info:
        Growth(GrowthKind.DOUBLING_TIME, Decimal("0.001"))
    assert getattr(info.value, "field", None) == "value"
    edge = Growth(GrowthKind.FACTOR, Decimal(10) ** MAX_OOMS_PER_YEAR, period_months=Decimal(12))
    assert edge.cagr_percent is not None
    assert math.isfinite(edge.cagr_percent)


def test_the_reader_refuses_the_overflowing_growth_with_a_path(ds: aiforecasts.Dataset) -> None:
    text = aiforecasts.to_json([_first(ds.compute_trends)], dataset_version="2026.1")
    kind = '"kind":"doubling_time"'
    trend = _first(ds.compute_trends)
    assert trend.growth.kind is GrowthKind.DOUBLING_TIME, "the test edits a doubling time"
    value = f'"value":"{trend.growth.value}"'
    assert kind in text
    assert value in text
    broken = text.replace(value, '"value":"0.001"', 1)
    with pytest.raises(aiforecasts.DataError) as info:
        aiforecasts.loads(broken, check_references=False)
    assert any("growth.value" in problem.path for problem in info.value.problems)


# Invisible characters in names, ids and single-line text -------------------------------

INVISIBLE = ["\u200b", "\x00", "\x1b", "\u202e", "\u2066", "\ufeff", "\x7f", "\n", "\ud800"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize("field", ["name", "aliases", "name_hans", "note"])
def test_names_refuse_control_and_format_characters(
    ds: aiforecasts.Dataset, char: str, field: str
) -> None:
    company = ds.companies.get("nvidia")
    assert company is not None
    value: Any = f"NVI{char}DIA"
    if field == "aliases":
        value = (*company.aliases, value)
    if field == "note" and char == "\n":
        assert attrs.evolve(company, note=value).note == value  # prose may run over lines
        return
    with pytest.raises(ValueError, match="must not contain"):
        attrs.evolve(company, **{field: value})


def test_verbatim_quotes_keep_what_the_document_holds(ds: aiforecasts.Dataset) -> None:
    """An excerpt quotes its document whatever it holds (line breaks, a zero-width space)."""
    excerpt = _first(ds.predictions).excerpts[0]
    text = "a\u200bb\nc\x1b"
    kept = attrs.evolve(excerpt, end=excerpt.start + len(text), text=text, display=text)
    assert kept.text == text


# Exact or refused: the extremes of each value type read back from every format ------

# The bound the types hold figures to is what a Parquet decimal128(38, 9) column holds: below
# 10^29, at most 9 digits after the point (trailing zeros aside).  No figure may be negative
# (amounts, quantities and growths are not), so the extremes are the largest, the smallest
# step, the longest with a fraction, zero, and a figure written with zeros to spare.
LARGEST = Decimal("99999999999999999999999999999.999999999")  # 29 nines, 9 decimals
STEP = Decimal("1E-9")
LONGEST = Decimal("12345678901234567890123456789.123456789")  # 38 digits
SPARE_ZEROS = Decimal("1.500000000000")
ZERO = Decimal(0)
BEYOND = {
    "10^29": Decimal("1E+29"),
    "29 nines and a tenth of a billionth": Decimal("99999999999999999999999999999.9999999999"),
    "a tenth of the step": Decimal("1E-10"),
    "a tenth of the step with zeros to spare": Decimal("0.00000000010000"),
    "39 digits": Decimal("123456789012345678901234567890.123456789"),
    "written with 39 digits": Decimal("1." + "0" * 38),
}
FORMATS: list[Format] = ["json", "jsonl", "csv", "datapackage", "parquet"]


def _extremes(ds: aiforecasts.Dataset) -> list[Any]:
    statistic = next(s for s in ds.statistics if s.money is not None)
    long_text = "长" * 100_000
    statistic = attrs.evolve(
        statistic,
        id="extreme-statistic",
        statement=long_text,
        money=Money(STEP, Currency.USD, Qualifier.RANGE, LARGEST),
        equivalents=(
            Quantity(LONGEST, "x"),
            Quantity(ZERO, "y", Qualifier.ABOUT),
            Quantity(SPARE_ZEROS, "z", Qualifier.RANGE, LARGEST),
        ),
        date=TimeSpan(pendulum.Date(1, 1, 1), pendulum.Date(9999, 12, 31), Precision.DAY, "all"),
    )
    trend = _first(ds.compute_trends)
    fastest = Growth(
        GrowthKind.FACTOR,
        Decimal(10) ** MAX_OOMS_PER_YEAR,
        period_months=Decimal(12),
        level=Quantity(LARGEST, "FLOP"),
    )
    trend = attrs.evolve(trend, id="extreme-trend", growth=fastest, equivalents=())
    return [statistic, trend]


def _same(records: list[Any], back: aiforecasts.Dataset) -> None:
    assert _first(back.statistics) == records[0]
    assert _first(back.compute_trends) == records[1]


def test_the_extremes_of_each_type_read_back_from_json_and_jsonl(ds: aiforecasts.Dataset) -> None:
    records = _extremes(ds)
    _same(records, aiforecasts.loads(aiforecasts.to_json(records), check_references=False))
    _same(records, aiforecasts.loads(aiforecasts.to_jsonl(records), check_references=False))


@pytest.mark.parametrize("form", FORMATS)
def test_the_extremes_of_each_type_are_written_and_read_back_in_every_format(
    ds: aiforecasts.Dataset, tmp_path: Path, form: Format
) -> None:
    """Every figure the types accept is written by every format and read back identical:
    none refused by a writer (the Parquet column once refused 10^29 and 10^-30, which the
    types accepted), none rounded by a reader."""
    if form == "parquet":
        pytest.importorskip("pyarrow")
    records = _extremes(ds)
    written = aiforecasts.write(records, tmp_path / f"extremes.{form}", format=form)
    back = aiforecasts.load_path(written, check_references=False)
    _same(records, back)
    statistic = _first(back.statistics)
    assert statistic.money.high == LARGEST
    assert statistic.money.amount == STEP
    assert [q.value for q in statistic.equivalents] == [LONGEST, ZERO, SPARE_ZEROS]


@pytest.mark.parametrize("figure", list(BEYOND.values()), ids=list(BEYOND))
def test_one_step_beyond_the_extremes_is_refused_at_construction_naming_the_field(
    figure: Decimal,
) -> None:
    builds: list[tuple[str, Callable[[], object]]] = [
        ("amount", lambda: Money(figure, Currency.USD)),
        ("high", lambda: Money(Decimal(0), Currency.USD, Qualifier.RANGE, figure)),
        ("value", lambda: Quantity(figure, "x")),
        ("period_months", lambda: Growth(GrowthKind.FACTOR, Decimal(2), period_months=figure)),
    ]
    for field, build in builds:
        with pytest.raises(ValueError, match=f"^{field} ") as info:
            build()
        assert getattr(info.value, "field", None) == field


def test_a_negative_figure_is_refused_everywhere() -> None:
    """The bound is symmetric (check_decimal), but no figure of the records may be negative."""
    with pytest.raises(ValueError, match="amount must not be negative"):
        Money(STEP.copy_negate(), Currency.USD)
    with pytest.raises(ValueError, match="value must not be negative"):
        Quantity(LARGEST.copy_negate(), "x")  # not -LARGEST: that rounds to 28 digits
    with pytest.raises(ValueError, match="positive"):
        Growth(GrowthKind.CAGR, STEP.copy_negate())


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("100000000000000000000000000000", "below 10^29"),
        ("1E+29", "below 10^29"),
        ("99999999999999999999999999999.9999999999", "at most 9 digits after the point"),
        ("0.0000000001", "at most 9 digits after the point"),
        ("1E-10", "at most 9 digits after the point"),
    ],
)
@pytest.mark.parametrize("engine", ["fast", "detailed", "auto"])
def test_a_figure_beyond_the_bound_in_a_json_export_is_refused_with_its_path(
    ds: aiforecasts.Dataset, text: str, reason: str, engine: Engine
) -> None:
    from aiforecasts._io.loads import read_export  # noqa: PLC0415 - the engines are chosen there

    statistic = attrs.evolve(_extremes(ds)[0], money=Money(LONGEST, Currency.USD), equivalents=())
    exported = aiforecasts.to_json([statistic])
    assert exported.count(f'"{LONGEST}"') == 1
    broken = exported.replace(f'"{LONGEST}"', f'"{text}"')
    with pytest.raises(aiforecasts.DataError) as info:
        read_export(broken, check_references=False, engine=engine)
    (problem,) = info.value.problems
    assert problem.path.startswith("statistics[0].money")  # the fast engine stops at the value
    assert "amount is out of range" in str(problem)
    assert reason in str(problem)
    if engine != "fast":
        assert problem.path == "statistics[0].money.amount"


@settings(max_examples=2000, deadline=None)
@given(
    st.tuples(st.integers(0, 1), st.lists(st.integers(0, 9), min_size=1, max_size=45)),
    st.integers(-50, 45),
)
@example((0, [9] * 38), -9)  # the largest
@example((0, [1] + [0] * 28), 0)  # 10^29
@example((1, [1]), -9)  # the smallest step, negative
@example((0, [1, 5] + [0] * 36), -37)  # zeros to spare, 38 digits
@example((0, [1, 5] + [0] * 37), -38)  # 39 digits
def test_a_figure_is_accepted_exactly_when_every_format_holds_it(
    sign_digits: tuple[int, list[int]], exponent: int
) -> None:
    """Whatever its digits and exponent, a decimal is accepted by the types exactly when it is
    below 10^29 either way, has no digit below the billionth, and is written with at most 38
    digits and places; and then it is written in the reader's form and held exactly by a
    decimal128(38, 9) column."""
    sign, digits = sign_digits
    value = Decimal((sign, tuple(digits), exponent))
    written = value.as_tuple()
    assert isinstance(written.exponent, int)
    too_large = bool(value) and value.copy_abs() >= Decimal("1E+29")
    too_fine = value != value.quantize(STEP, context=_WIDE)
    too_long = len(written.digits) > DECIMAL_DIGITS or abs(written.exponent) > DECIMAL_DIGITS
    try:
        check_decimal("x", value)
    except ValueError:
        assert too_large or too_fine or too_long
        return
    assert not too_large
    assert not too_fine
    assert not too_long
    assert re.fullmatch(DECIMAL, str(value))
    fixed = value.quantize(STEP, context=_WIDE)
    assert len(fixed.as_tuple().digits) <= 38
    assert Decimal(str(value)) == value


_WIDE = decimal.Context(prec=200)
"""Room for any figure drawn here: arithmetic in the default context rounds to 28 digits."""
