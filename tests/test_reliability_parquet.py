"""
Parquet reliability (issue 23): exact decimals, extremes of every typed value,
bounds checked from the metadata before reading, and byte flips that end in a
`DataError` or in the very data written.
"""

from __future__ import annotations

import enum
import random
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

import aiforecasts
from aiforecasts import DataError

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

if TYPE_CHECKING:
    from pathlib import Path

# The extremes a decimal128(38, 9) column holds among the figures the types accept
# (at most 30 significant digits): the largest, the longest with a fraction, the
# smallest step, and the figure the trial saw rounded to 28 digits.
EXTREME_FIGURES = [
    Decimal("99999999999999999999999999999.9"),
    Decimal("12345678901234567890123456789"),
    Decimal("123456789012345678901.123456789"),
    Decimal("0.000000001"),
    Decimal("0.123456789"),
    Decimal(0),
]
# Text at its most awkward: long, astral and combining characters, right-to-left, line
# and paragraph separators, a lone control character, quotes and backslashes.
LONG_TEXT = ("预测 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 é\u0301 עברית \u2028\u2029\t\x1f \"'\\ " * 4000).strip()


def _round_trip(dataset: aiforecasts.Dataset, folder: Path) -> aiforecasts.Dataset:
    aiforecasts.write(dataset, folder, format="parquet")
    return aiforecasts.load_path(folder)


def test_a_29_digit_amount_comes_back_exact(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    """C3: the reader normalised decimals in the default 28-digit context and rounded them."""
    exact = Decimal("12345678901234567890123456789")
    rounds = list(dataset.funding_rounds)
    index, first = next((i, r) for i, r in enumerate(rounds) if r.amount is not None)
    assert first.amount is not None
    rounds[index] = attrs.evolve(first, amount=attrs.evolve(first.amount, amount=exact))
    changed = attrs.evolve(dataset, funding_rounds=aiforecasts.Collection(rounds))
    back = _round_trip(changed, tmp_path / "p")
    amount = back.funding_rounds[index].amount
    assert amount is not None
    assert amount.amount == exact
    assert back == changed


def _members(value: Any) -> set[enum.Enum]:
    """Every enum member in a record, nested values, lists and sets included."""
    if isinstance(value, enum.Enum):
        return {value}
    if isinstance(value, (list, tuple, frozenset, set)):
        return set().union(*(_members(item) for item in value))
    if attrs.has(type(value)):
        return set().union(*(_members(getattr(value, f.name)) for f in attrs.fields(type(value))))
    return set()


def _vary(value: Any, turn: int) -> Any:
    """*value* with each enum field (nested ones too) set to member *turn* of its enum,
    where the record's own rules allow it."""
    if not attrs.has(type(value)):
        return value
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if isinstance(current, enum.Enum):
            members = list(type(current))
            replacement: Any = members[turn % len(members)]
        elif attrs.has(type(current)):
            replacement = _vary(current, turn)
        else:
            continue
        try:
            value = attrs.evolve(value, **{field.name: replacement})
        except (ValueError, TypeError):
            continue
    return value


def _extremes(dataset: aiforecasts.Dataset) -> aiforecasts.Dataset:
    """The bundled dataset with the extremes of every typed value a Parquet column holds."""
    rounds = [_vary(r, i) for i, r in enumerate(dataset.funding_rounds)]
    with_amount = [i for i, r in enumerate(rounds) if r.amount is not None]
    for turn, index in enumerate(with_amount):
        record = rounds[index]
        figure = EXTREME_FIGURES[turn % len(EXTREME_FIGURES)]
        amount = attrs.evolve(record.amount, amount=figure, high=None)
        if amount.qualifier is aiforecasts.Qualifier.RANGE:
            amount = attrs.evolve(amount, qualifier=aiforecasts.Qualifier.EXACT)
        rounds[index] = attrs.evolve(record, amount=amount)
    first_day, last_day = pendulum.Date(1, 1, 1), pendulum.Date(9999, 12, 31)
    dated = next(i for i, r in enumerate(rounds) if r.date is not None)
    date = attrs.evolve(rounds[dated].date, start=first_day, end=last_day)
    rounds[dated] = attrs.evolve(rounds[dated], date=date, note=LONG_TEXT)
    companies = [_vary(c, i) for i, c in enumerate(dataset.companies)]
    predictions = [_vary(p, i) for i, p in enumerate(dataset.predictions)]
    return attrs.evolve(
        dataset,
        funding_rounds=aiforecasts.Collection(rounds),
        companies=aiforecasts.Collection(companies),
        predictions=aiforecasts.Collection(predictions),
        resolutions=aiforecasts.Collection(
            [_vary(r, i) for i, r in enumerate(dataset.resolutions)]
        ),
        statistics=aiforecasts.Collection([_vary(s, i) for i, s in enumerate(dataset.statistics)]),
        people=aiforecasts.Collection([_vary(p, i) for i, p in enumerate(dataset.people)]),
        compute_trends=aiforecasts.Collection(
            [_vary(t, i) for i, t in enumerate(dataset.compute_trends)]
        ),
        debates=aiforecasts.Collection([_vary(d, i) for i, d in enumerate(dataset.debates)]),
    )


def test_the_extremes_of_every_typed_value_come_back_identical(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    extremes = _extremes(dataset)
    written = [
        member
        for kind in ("funding_rounds", "companies", "predictions", "statistics", "resolutions")
        for record in getattr(extremes, kind)
        for member in _members(record)
    ]
    for figure in EXTREME_FIGURES:
        assert any(
            r.amount is not None and r.amount.amount == figure for r in extremes.funding_rounds
        )
    assert {aiforecasts.Currency(c) for c in aiforecasts.Currency} <= set(written)
    assert set(aiforecasts.FundingKind) <= set(written)
    assert set(aiforecasts.OrgKind) <= set(written)
    back = _round_trip(extremes, tmp_path / "p")
    assert back == extremes
    assert back.funding_rounds == extremes.funding_rounds
    assert any(r.note == LONG_TEXT for r in back.funding_rounds)


def test_figures_beyond_the_column_are_refused_when_written(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    """A figure the types accept but decimal128(38, 9) cannot hold (10^30, 10^-30) is refused
    by the writer, never rounded."""
    rounds = list(dataset.funding_rounds)
    index, first = next((i, r) for i, r in enumerate(rounds) if r.amount is not None)
    assert first.amount is not None
    for figure in (Decimal("1E+30"), Decimal("1E-30")):
        rounds[index] = attrs.evolve(first, amount=attrs.evolve(first.amount, amount=figure))
        changed = attrs.evolve(dataset, funding_rounds=aiforecasts.Collection(rounds))
        with pytest.raises(ValueError, match="decimal128"):
            aiforecasts.write(changed, tmp_path / str(figure), format="parquet")
