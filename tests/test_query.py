"""The query layer over the bundled dataset, and its indexes on synthetic data."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pendulum
import pytest

import aiforecasts
from aiforecasts import (
    Collection,
    Company,
    Currency,
    Excerpt,
    Hedge,
    Money,
    OrgKind,
    Precision,
    Prediction,
    Qualifier,
    Stance,
    TimeSpan,
    Topic,
    Voice,
)
from aiforecasts._model.fields import excerpts_in


class TestLookup:
    def test_across_scripts_case_and_aliases(self, dataset: aiforecasts.Dataset) -> None:
        nvidia = dataset.companies.lookup("Nvidia")
        for name in ("英偉達", "英伟达", "NVIDIA", "nvidia", "  Nvidia "):
            assert dataset.companies.lookup(name) is nvidia
        assert dataset.companies.lookup("微軟") is dataset.companies.lookup("Microsoft")
        assert dataset.people.lookup("黃仁勛") is dataset.people.lookup("Jensen Huang")

    def test_unknown_name_raises_with_close_matches(self, dataset: aiforecasts.Dataset) -> None:
        with pytest.raises(LookupError, match=r"close: Anthropic"):
            dataset.companies.lookup("Anthropik")
        with pytest.raises(LookupError, match=r"no record called 'zzz'$"):
            dataset.companies.lookup("zzz")

    def test_get_returns_none(self, dataset: aiforecasts.Dataset) -> None:
        assert dataset.companies.get("英偉達") is None  # ids only
        assert dataset.companies.get("nvidia") is dataset.companies.lookup("英偉達")

    def test_sources_by_file_and_title(self, dataset: aiforecasts.Dataset) -> None:
        source = dataset.sources.lookup("000_d19b0fbece737a18.txt")
        assert dataset.sources.lookup(source.title) is source

    def test_fuzzy_ranks_best_first(self, dataset: aiforecasts.Dataset) -> None:
        matches = dataset.companies.search_fuzzy("micro soft")
        assert matches[0].record.id == "microsoft"
        assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
        assert dataset.companies.search_fuzzy("微軟")[0].score == 1.0
        assert dataset.companies.search_fuzzy("") == []


class TestFilters:
    def test_mentioning_any_alias(self, dataset: aiforecasts.Dataset) -> None:
        by_alias = dataset.predictions.mentioning("英偉達")
        assert by_alias == dataset.predictions.mentioning("nvidia")
        assert by_alias.count() > 0
        assert all("nvidia" in p.companies or "nvidia" in p.made_by for p in by_alias)
        # Derived collections filter the same way as the indexed root collection.
        assert dataset.predictions[:].mentioning("Nvidia") == by_alias

    def test_mentioning_with_units(self, dataset: aiforecasts.Dataset) -> None:
        own = dataset.predictions.mentioning("Alphabet")
        with_units = dataset.predictions.mentioning("Alphabet", include_units=True)
        assert set(own) < set(with_units)
        # Units of units: Google Cloud belongs to Google, which belongs to Alphabet.
        assert with_units.get("nvidia-cloud-relations-more-complex-2024") is not None
        assert own.get("nvidia-cloud-relations-more-complex-2024") is None

    def test_unknown_company_raises(self, dataset: aiforecasts.Dataset) -> None:
        with pytest.raises(LookupError):
            dataset.predictions.mentioning("No Such Company")

    def test_chained_filters_keep_their_kind(self, dataset: aiforecasts.Dataset) -> None:
        result = (
            dataset.predictions.about(Topic.OPEN_SOURCE)
            .in_year(2024)
            .where(lambda p: p.hedge is not Hedge.CONDITIONAL)
            .sort_by(lambda p: p.id)
        )
        assert isinstance(result, Collection)
        assert all(isinstance(p, Prediction) for p in result)
        assert [p.id for p in result] == sorted(p.id for p in result)
        assert all(Topic.OPEN_SOURCE in p.topics for p in result)

    def test_year_matches_any_overlapping_horizon(self, dataset: aiforecasts.Dataset) -> None:
        in_2024 = dataset.predictions.in_year(2024)
        for prediction in dataset.predictions:
            horizon = prediction.horizon
            expected = horizon is not None and horizon.start.year <= 2024 <= horizon.end.year
            assert (prediction in in_2024) is expected, prediction.id

    def test_early_2024_overlaps_march(self, dataset: aiforecasts.Dataset) -> None:
        march = TimeSpan(
            pendulum.Date(2024, 3, 1), pendulum.Date(2024, 3, 31), Precision.MONTH, "March 2024"
        )
        early = dataset.predictions.get("google-gemini-ultra-early-2024")
        assert early is not None
        assert early.horizon is not None
        assert early.horizon.precision is Precision.PART_OF_YEAR
        assert early in dataset.predictions.overlapping(march)
        assert early not in dataset.predictions.between("2024-06-01", "2024-12-31")

    def test_past_as_of(self, dataset: aiforecasts.Dataset) -> None:
        day = pendulum.Date(2025, 1, 1)
        past = dataset.predictions.ended_before(day)
        assert past.count() > 0
        assert past == dataset.predictions.where(
            lambda p: p.horizon is not None and p.horizon.end < day
        )
        assert dataset.predictions.ended_before("2025") == past

    @pytest.mark.parametrize(
        ("start", "end", "first", "last"),
        [
            (2024, 2024, (2024, 1, 1), (2024, 12, 31)),
            ("2024", "2024", (2024, 1, 1), (2024, 12, 31)),
            ("2024-02", "2024-02", (2024, 2, 1), (2024, 2, 29)),
            ("2024-02-03", "2024-02-03", (2024, 2, 3), (2024, 2, 3)),
        ],
    )
    def test_between_accepts_years_months_days(
        self,
        dataset: aiforecasts.Dataset,
        start: str | int,
        end: str | int,
        first: tuple[int, int, int],
        last: tuple[int, int, int],
    ) -> None:
        span = TimeSpan(pendulum.Date(*first), pendulum.Date(*last), Precision.DAYS, "x")
        assert dataset.predictions.between(start, end) == dataset.predictions.overlapping(span)

    @pytest.mark.parametrize(("start", "end"), [("2025", "2024"), ("24", "2025"), ("x", "y")])
    def test_between_refuses_bad_ranges(
        self, dataset: aiforecasts.Dataset, start: str, end: str
    ) -> None:
        with pytest.raises(ValueError):
            dataset.predictions.between(start, end)

    def test_by_person_and_citing(self, dataset: aiforecasts.Dataset) -> None:
        assert dataset.predictions.by("Dario Amodei").count() > 0
        citing = dataset.statistics.citing("refining-large-models")
        assert citing.count() == sum(
            1
            for s in dataset.statistics
            if any(e.source == "refining-large-models" for e in s.excerpts)
        )

    def test_stance(self, dataset: aiforecasts.Dataset) -> None:
        for debate in dataset.debates.with_stance(Stance.NO):
            assert any(p.stance is Stance.NO for p in debate.positions)

    def test_amount_range_respects_qualifiers(self, dataset: aiforecasts.Dataset) -> None:
        # "up to $4B" may be $1B: it matches a range that reaches below its ceiling.
        low = dataset.funding_rounds.amount_between(1e9, 1.5e9)
        assert low.get("anthropic-amazon-4b-2023") is not None
        assert low.get("stability-ai-intel-50m-2023") is None
        assert all(r.amount is not None for r in low)
        assert dataset.funding_rounds.amount_between(currency="CNY").count() == 0

    def test_qualifier(self, dataset: aiforecasts.Dataset) -> None:
        over = dataset.funding_rounds.with_qualifier(Qualifier.OVER)
        assert all(r.amount is not None and r.amount.qualifier is Qualifier.OVER for r in over)

    def test_first_one_count(self, dataset: aiforecasts.Dataset) -> None:
        empty = dataset.predictions.where(lambda _: False)
        assert empty.first() is None
        assert empty.count() == 0
        with pytest.raises(LookupError, match="exactly one"):
            empty.one()
        with pytest.raises(LookupError, match="exactly one"):
            dataset.predictions.one()
        first = dataset.predictions[0]
        assert dataset.predictions.count(first) == 1


class TestSearch:
    def test_any_script_any_case(self, dataset: aiforecasts.Dataset) -> None:
        simplified = dataset.search("英伟达")
        traditional = dataset.search("英偉達")
        assert [h.record.id for h in simplified] == [h.record.id for h in traditional]
        assert {h.record.id for h in dataset.search("NVIDIA")} >= {"nvidia"}

    def test_ranked(self, dataset: aiforecasts.Dataset) -> None:
        hits = dataset.search("Stability AI", limit=None)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert hits[0].record.id == "stability-ai"
        assert dataset.search("   ") == []


class TestRelations:
    def test_funding_of_and_by(self, dataset: aiforecasts.Dataset) -> None:
        assert all(r.company == "stability-ai" for r in dataset.funding_of("Stability AI"))
        assert all(
            any(i.investor == "nvidia" for i in r.investors) for r in dataset.funding_by("英偉達")
        )
        assert dataset.funding_by("英偉達").count() == 8

    def test_positions_of(self, dataset: aiforecasts.Dataset) -> None:
        positions = dataset.positions_of("李彦宏")
        assert positions
        assert all(p.speaker == "robin-li" for _, p in positions)

    def test_citing(self, dataset: aiforecasts.Dataset) -> None:
        records = dataset.citing("ten-ai-predictions-2024")
        expected = [
            r
            for r in dataset.records()
            if any(e.source == "ten-ai-predictions-2024" for _, e in excerpts_in(r, ""))
            or r.id == "ten-ai-predictions-2024"
        ]
        assert records == expected
        assert dataset.citing("000_d19b0fbece737a18.txt") == records


class TestAggregations:
    def test_up_to_is_never_summed_as_fact(self, dataset: aiforecasts.Dataset) -> None:
        anthropic = dataset.funding_totals(by="company")["anthropic"]
        assert anthropic.low == 0
        assert anthropic.high == Decimal(6_000_000_000)
        assert not anthropic.is_exact

    def test_totals_exclude_cumulative_and_failed(self, dataset: aiforecasts.Dataset) -> None:
        openai = dataset.funding_totals(by="company")["openai"]
        assert "openai-total-funding-11-3b" in openai.excluded
        assert "openai-total-funding-11-3b" not in openai.counted
        stability = dataset.funding_totals(by="company")["stability-ai"]
        assert "stability-ai-4b-valuation-attempt-2023" in stability.excluded
        assert stability.low == Decimal(150_000_000)

    def test_undisclosed_leaves_the_total_open(self, dataset: aiforecasts.Dataset) -> None:
        nvidia = dataset.funding_totals(by="investor")["nvidia"]
        assert nvidia.high is None
        assert len(nvidia.undisclosed) == 8

    def test_currency_by_value_and_bad_arguments(self, dataset: aiforecasts.Dataset) -> None:
        assert dataset.funding_totals(currency="USD") == dataset.funding_totals()
        with pytest.raises(ValueError, match="by must be"):
            dataset.funding_totals(by="investors")  # type: ignore[arg-type]
        only_excluded = dataset.funding_totals(currency=Currency.CNY)["openai"]
        assert not only_excluded.counted
        assert not only_excluded.is_exact

    def test_counts(self, dataset: aiforecasts.Dataset) -> None:
        with pytest.raises(ValueError, match="kind must be"):
            dataset.counts_by_year("dataset_version")
        topics = dataset.counts_by_topic()
        assert sum(topics.values()) >= dataset.predictions.count()
        years = dataset.counts_by_year("predictions")
        assert list(years) == sorted(years)
        assert years[2024] == dataset.predictions.in_year(2024).count()


V: dict[str, Any] = {"added_in": "synthetic", "changed_in": "synthetic"}


def synthetic(n: int) -> aiforecasts.Dataset:
    excerpt = Excerpt("s", 0, 1, "x", "x")
    made = TimeSpan.of_year(2023)
    companies = Collection(
        Company(f"c{i}", f"Company {i}", OrgKind.COMPANY, (excerpt,), aliases=(f"开发{i}",), **V)
        for i in range(n)
    )
    predictions = Collection(
        Prediction(
            f"p{i}",
            f"statement {i}",
            "s",
            made,
            TimeSpan.of_year(2024 + i % 3),
            Hedge.LIKELY,
            (excerpt,),
            companies=(f"c{i % n}",),
            voice=Voice.OWN,
            unsettleable="Synthetic.",
            **V,
        )
        for i in range(n)
    )
    return aiforecasts.Dataset(
        "synthetic",
        1,
        Collection(()),
        companies,
        Collection(()),
        predictions,
        Collection(()),
        Collection(()),
        Collection(()),
        Collection(()),
    )


def test_indexes_agree_with_scans_and_build_once_under_threads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dataset = synthetic(500)
    folded: list[str] = []
    real = aiforecasts._model.text.fold

    def counting(text: str) -> str:
        folded.append(text)
        return real(text)

    monkeypatch.setattr("aiforecasts._query.store.fold", counting)
    barrier = threading.Barrier(8)
    found: list[Company] = []

    def worker() -> None:
        barrier.wait()
        found.append(dataset.companies.lookup("開發42"))  # traditional: found by folding

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {c.id for c in found} == {"c42"}
    # The name index was built once (three names a company), not once per thread; then
    # each thread folded its query.
    assert len(folded) == 3 * 500 + 8
    # A name as written is found without folding any name.
    folded.clear()
    assert dataset.companies.lookup("开发7").id == "c7"
    assert dataset.companies.lookup("COMPANY 8").id == "c8"
    assert folded == []
    assert list(dataset.predictions.mentioning("Company 7")) == [
        p for p in dataset.predictions if "c7" in p.companies
    ]


def test_money_bounds() -> None:
    assert Money(Decimal(5), Currency.USD, Qualifier.OVER).bounds == (Decimal(5), None)
    five, nine = Decimal(5), Decimal(9)
    assert Money(five, Currency.USD, Qualifier.RANGE, nine).bounds == (five, nine)
    assert Money(five, Currency.USD, Qualifier.ABOUT).bounds == (five, five)
    assert Money(five, Currency.USD, Qualifier.UP_TO).bounds == (Decimal(0), five)


def test_funding_totals_largest_disclosed_first(dataset: aiforecasts.Dataset) -> None:
    for by in ("company", "investor"):
        totals = list(dataset.funding_totals(by=by).values())
        disclosed = [t for t in totals if t.disclosed]
        assert totals[: len(disclosed)] == disclosed  # undisclosed only at the end
        figures = [t.high if t.high is not None else t.low for t in disclosed]
        assert figures == sorted(figures, reverse=True)
    nvidia = dataset.funding_totals(by="investor")["nvidia"]
    assert str(nvidia) == "undisclosed (8 rounds)"
    assert str(dataset.funding_totals()["openai"]).endswith("(1 round)")


def test_collections_are_indexable_by_id(dataset: aiforecasts.Dataset) -> None:
    assert dataset.companies["nvidia"] is dataset.companies.get("nvidia")
    assert dataset.predictions[0] is next(iter(dataset.predictions))  # positions still work
    with pytest.raises(KeyError, match="close: nvidia"):
        dataset.companies["nvida"]
    with pytest.raises(KeyError, match="became 'microsoft-water-gallons'"):
        dataset.statistics["microsoft-water-liters"]
    with pytest.raises(KeyError, match="no record with id 'nvidia'"):
        dataset.predictions["nvidia"]  # an id of another kind
