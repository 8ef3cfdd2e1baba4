"""
User-style code, checked by mypy --strict: the types users see stay precise.

It also runs (pytest imports it for doctests), so it must work at run time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

import pendulum

import aiforecasts
from aiforecasts import (
    Collection,
    Company,
    DataError,
    Dataset,
    FundingRound,
    Money,
    Prediction,
    Qualifier,
    Record,
    Source,
    TimeSpan,
    VerificationReport,
)

dataset = aiforecasts.load()
assert_type(dataset, Dataset)
assert_type(dataset.dataset_version, str)
assert_type(dataset.schema_version, int)
assert_type(dataset.predictions, Collection[Prediction])
assert_type(dataset.get("nvidia"), Record | None)

nvidia = dataset.companies.get("nvidia")
assert_type(nvidia, Company | None)
if nvidia is not None:
    assert_type(nvidia.name, str)
    assert_type(nvidia.names, tuple[str, ...])
    assert_type(nvidia.name_hans, str | None)

for prediction in dataset.predictions:
    assert_type(prediction, Prediction)
    assert_type(prediction.horizon, TimeSpan | None)
    if prediction.horizon is not None:
        assert_type(prediction.horizon.start, pendulum.Date)
        assert_type(prediction.horizon.contains(pendulum.Date(2024, 3, 1)), bool)
    assert_type(prediction.companies, tuple[str, ...])

first: Prediction = dataset.predictions[0]
assert_type(dataset.predictions[:2], Collection[Prediction])

for funding in dataset.funding_rounds:
    assert_type(funding, FundingRound)
    if funding.amount is not None:
        assert_type(funding.amount, Money)
        assert_type(funding.amount.amount, Decimal)
        upper_bound_only: bool = funding.amount.qualifier is Qualifier.UP_TO

source: Source = dataset.sources[0]
assert_type(source.sha256, str)
assert_type(source.excerpts[0].start, int)

report = aiforecasts.verify_sources("/nonexistent")
assert_type(report, VerificationReport)
assert_type(report.ok, bool)

try:
    aiforecasts.load()
except DataError as error:
    for problem in error.problems:
        assert_type(problem.path, str)

version: str = aiforecasts.__version__
