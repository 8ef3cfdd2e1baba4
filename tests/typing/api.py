"""
User-style code, checked by mypy --strict: the types users see stay precise.

It also runs (pytest imports it for doctests), so it must work at run time.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, assert_type

import pendulum

import aiforecasts
from aiforecasts import (
    Company,
    ComputeTrends,
    DataError,
    Dataset,
    Debate,
    Debates,
    FundingRound,
    FundingRounds,
    FundingTotal,
    Hit,
    Match,
    Money,
    Person,
    Position,
    Prediction,
    Predictions,
    Qualifier,
    Quantity,
    Rate,
    RateComparison,
    Record,
    Source,
    Sources,
    Statistics,
    TimeSpan,
    Topic,
    VerificationReport,
)

dataset = aiforecasts.load()
assert_type(dataset, Dataset)
assert_type(dataset.dataset_version, str)
assert_type(dataset.schema_version, int)
assert_type(dataset.predictions, Predictions)
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
assert_type(dataset.predictions[:2], Predictions)

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

# The query layer: every filter keeps the record kind; no Any reaches the user.
nvidia_2024 = dataset.predictions.mentioning("英偉達").in_year(2024).about("chips")
assert_type(nvidia_2024, Predictions)
assert_type(nvidia_2024.first(), Prediction | None)
assert_type(nvidia_2024.count(), int)
assert_type(dataset.companies.lookup("Nvidia"), Company)
assert_type(dataset.funding_rounds.backed_by("Intel").one(), FundingRound)
assert_type(dataset.debates.with_stance("yes").sort_by(lambda d: d.id), Debates)
assert_type(dataset.people.search_fuzzy("altman"), list[Match[Person]])
assert_type(dataset.people.search_fuzzy("altman")[0].record, Person)
assert_type(dataset.funding_rounds.amount_between(1e9, None), FundingRounds)
assert_type(dataset.statistics.between("2023-01-01", 2024), Statistics)
assert_type(dataset.search("开源"), list[Hit])
assert_type(dataset.search("开源")[0].record, Record)
assert_type(dataset.search("开源")[0].snippet, str)
assert_type(dataset.positions_of("Robin Li"), list[tuple[Debate, Position]])
assert_type(dataset.funding_totals(by="investor"), dict[str, FundingTotal])
assert_type(dataset.companies["nvidia"], Company)
assert_type(dataset.predictions[0], Prediction)
assert_type(dataset.funding_totals()["openai"].high, Decimal | None)
assert_type(dataset.counts_by_topic(), dict[Topic, int])
assert_type(dataset.counts_by_year("predictions"), dict[int, int])
assert_type(dataset.predictions_about("Microsoft"), Predictions)

# Each filter exists only for the kinds it means something for: each kind's collection class
# (Predictions, Companies, ...) has only those, so mypy refuses the others.
# (strict mode reports an unneeded "type: ignore", so each line below must be an error.)
if TYPE_CHECKING:
    dataset.sources.backed_by("Microsoft")  # type: ignore[attr-defined]
    dataset.companies.about("chips")  # type: ignore[attr-defined]
    dataset.companies.in_year(2024)  # type: ignore[attr-defined]
    dataset.debates.ended_before(2025)  # type: ignore[attr-defined]
    dataset.statistics.by("Sam Altman")  # type: ignore[attr-defined]
    dataset.predictions.amount_between(1, 2)  # type: ignore[attr-defined]
    dataset.people.with_stance("yes")  # type: ignore[attr-defined]
assert_type(dataset.sources.in_year(2024), Sources)
assert_type(dataset.compute_trends.by("Dario Amodei"), ComputeTrends)
assert_type(dataset.statistics.with_qualifier("about"), Statistics)

# Growth maths.
rate = Rate.from_doubling_months(5.6)
assert_type(rate.factor_per_year, float)
assert_type(rate.doubling_months, float | None)
assert_type(rate.compare(Rate.from_factor(10)), RateComparison)
trend_rate = Rate.of(dataset.compute_trends[0].growth)
assert_type(trend_rate, Rate | None)
assert_type(
    rate.project(
        Quantity(Decimal(1), "EFLOPS"), pendulum.Date(2024, 1, 1), pendulum.Date(2025, 1, 1)
    ),
    Quantity,
)
assert_type(TimeSpan.of_year(2024).humanize(pendulum.Date(2026, 1, 1)), str)
