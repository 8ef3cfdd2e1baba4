"""Outcomes: resolutions with cited evidence, typed targets, scores, and what bad input gets."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum
import pytest

import aiforecasts
from aiforecasts import (
    Comparison,
    DataError,
    Evidence,
    Hedge,
    Judgement,
    Money,
    PublisherKind,
    Quantity,
    Resolution,
    Target,
    Verdict,
    Voice,
)
from aiforecasts._cli.main import main
from aiforecasts._model.checks import older_layout
from aiforecasts._query.scores import wilson

if TYPE_CHECKING:
    from pathlib import Path

AS_OF = pendulum.Date(2026, 12, 7)


# -- coverage and honesty ------------------------------------------------------------


def test_every_prediction_has_one_resolution(dataset: aiforecasts.Dataset) -> None:
    judged = [r.prediction for r in dataset.resolutions]
    assert len(judged) == len(set(judged))  # once each
    assert set(judged) == set(dataset.predictions.ids())
    for prediction in dataset.predictions:
        resolution = dataset.resolution_of(prediction)
        assert resolution is not None
        assert resolution is dataset.resolution_of(prediction.id)


def test_verdicts_agree_with_horizons(dataset: aiforecasts.Dataset) -> None:
    """Not yet due only while the horizon runs; a past horizon always has a verdict."""
    for resolution in dataset.resolutions:
        prediction = dataset.predictions.get(resolution.prediction)
        assert prediction is not None
        horizon = prediction.horizon
        if resolution.verdict is Verdict.NOT_YET_DUE:
            assert horizon is not None, resolution.id
            assert horizon.end > resolution.as_of, resolution.id
        elif resolution.verdict is Verdict.TOO_VAGUE:
            continue  # no observation settles it, whenever it is due
        elif horizon is not None and horizon.end > resolution.as_of:
            # Settled (or annulled) before its time: what settled it is dated.
            assert resolution.verdict.needs_evidence, resolution.id
            assert resolution.decided is not None, resolution.id


def test_settled_verdicts_cite_evidence(dataset: aiforecasts.Dataset) -> None:
    settled = 0
    for resolution in dataset.resolutions:
        for item in resolution.evidence:
            assert item.url.startswith(("https://", "http://")), resolution.id
            assert item.quote.strip(), resolution.id
            assert item.read <= resolution.as_of
            assert item.published is None or item.published <= resolution.as_of
        if resolution.verdict.is_resolved:
            settled += 1
            assert resolution.evidence, resolution.id
            assert resolution.decided is None or resolution.decided.start <= resolution.as_of
        if resolution.verdict is Verdict.PARTLY:
            assert resolution.parts_held
    assert settled > 50


def test_targets_are_stated_figures(dataset: aiforecasts.Dataset) -> None:
    targeted = dataset.predictions.where(lambda p: p.target is not None)
    assert targeted.count() >= 8
    for prediction in targeted:
        target = prediction.target
        assert target is not None
        assert prediction.horizon is not None
        assert target.deadline == prediction.horizon.end, prediction.id


# -- the value types ----------------------------------------------------------------


def test_target_comparisons() -> None:
    deadline = pendulum.Date(2026, 12, 31)
    eflops = Target("capacity", Comparison.AT_LEAST, deadline, Quantity(Decimal(360), "EFLOPS"))
    assert eflops.met_by(Quantity(Decimal(360), "EFLOPS"))
    assert not eflops.met_by(Quantity(Decimal(359), "EFLOPS"))
    with pytest.raises(ValueError, match="cannot compare"):
        eflops.met_by(Quantity(Decimal(400), "PFLOPS"))
    about = Target("share", Comparison.ABOUT, deadline, Quantity(Decimal(4), "percent"))
    assert about.met_by(Quantity(Decimal("4.3"), "percent"))
    assert not about.met_by(Quantity(Decimal("4.5"), "percent"))
    usd = Money(Decimal(64_000_000_000), aiforecasts.Currency.USD)
    capex = Target("capex", Comparison.AT_MOST, deadline, money=usd)
    assert capex.met_by(Money(Decimal(1), aiforecasts.Currency.USD))
    span = Quantity(Decimal(10), "x", aiforecasts.Qualifier.RANGE, Decimal(100))
    between = Target("cost", Comparison.BETWEEN, deadline, span)
    assert between.met_by(Quantity(Decimal(50), "x"))
    assert not between.met_by(Quantity(Decimal(101), "x"))
    with pytest.raises(ValueError, match="exactly one"):
        Target("nothing", Comparison.AT_LEAST, deadline)
    with pytest.raises(ValueError, match="range"):
        Target("range", Comparison.BETWEEN, deadline, Quantity(Decimal(1), "x"))


def _judged(verdict: Verdict, *cites: int) -> tuple[Judgement, Judgement]:
    return Judgement("a", verdict, "Why.", cites), Judgement("b", verdict, "Why.", cites)


def test_resolutions_hold_their_rules() -> None:
    evidence = Evidence(
        "https://example.org/a",
        "example.org",
        "It happened.",
        AS_OF,
        publisher_kind=PublisherKind.NEWS,
    )
    common: dict[str, Any] = {"added_in": "1", "changed_in": "1"}
    with older_layout(), pytest.raises(ValueError, match="needs at least one evidence item"):
        Resolution("outcome-x", "x", Verdict.CAME_TRUE, AS_OF, "Why.", **common)
    with pytest.raises(ValueError, match="parts_held"):
        Resolution(
            "outcome-x", "x", Verdict.PARTLY, AS_OF, "Why.", (evidence,),
            judgements=_judged(Verdict.PARTLY, 0), **common,
        )  # fmt: skip
    with pytest.raises(ValueError, match="URL"):
        Evidence(
            "example.org/a", "example.org", "It happened.", AS_OF, publisher_kind=PublisherKind.NEWS
        )
    found = Resolution(
        "outcome-x", "x", Verdict.CANNOT_TELL, AS_OF, "No evidence found.",
        judgements=_judged(Verdict.CANNOT_TELL), **common,
    )  # fmt: skip
    assert found.evidence == ()


# -- bad input: the one error, with the path ------------------------------------------


def _broken(dataset: aiforecasts.Dataset, change: Any) -> list[str]:
    document = json.loads(aiforecasts.to_json(dataset))
    change(document["records"]["resolutions"])
    with pytest.raises(DataError) as info:
        aiforecasts.loads(json.dumps(document))
    return [str(problem) for problem in info.value.problems]


def _settled_index(resolutions: list[dict[str, Any]]) -> int:
    return next(i for i, r in enumerate(resolutions) if r["verdict"] == "came_true")


def test_a_resolution_of_a_missing_prediction(dataset: aiforecasts.Dataset) -> None:
    def change(resolutions: list[dict[str, Any]]) -> None:
        resolutions[0]["prediction"] = "no-such-prediction"

    (problem,) = _broken(dataset, change)
    assert "resolutions[0].prediction" in problem
    assert "unknown id 'no-such-prediction'" in problem


def test_an_unknown_verdict(dataset: aiforecasts.Dataset) -> None:
    def change(resolutions: list[dict[str, Any]]) -> None:
        resolutions[0]["verdict"] = "sort_of"

    (problem,) = _broken(dataset, change)
    assert "resolutions[0].verdict" in problem


def test_evidence_without_url_or_date(dataset: aiforecasts.Dataset) -> None:
    def change(resolutions: list[dict[str, Any]]) -> None:
        index = _settled_index(resolutions)
        del resolutions[index]["evidence"][0]["url"]
        resolutions[index]["evidence"][0]["read"] = None

    problems = _broken(dataset, change)
    assert any("evidence[0].url" in p for p in problems)
    assert any("evidence[0].read" in p for p in problems)


def test_a_verdict_before_its_time(dataset: aiforecasts.Dataset) -> None:
    """A prediction about a time still to come cannot have come true yet."""
    prediction = next(
        p
        for p in dataset.predictions.resolved("came_true")
        if p.horizon is not None and p.horizon.start > p.made.end
    )
    assert prediction.horizon is not None
    before = prediction.horizon.start.subtract(days=1).isoformat()

    def change(resolutions: list[dict[str, Any]]) -> None:
        (resolution,) = (r for r in resolutions if r["prediction"] == prediction.id)
        resolution["as_of"] = before
        resolution["decided"] = None
        for item in resolution["evidence"]:
            item["read"] = before
            item["published"] = None

    (problem,) = _broken(dataset, change)
    assert ".verdict" in problem
    assert "too early to settle" in problem


def test_a_prediction_judged_twice(dataset: aiforecasts.Dataset) -> None:
    def change(resolutions: list[dict[str, Any]]) -> None:
        resolutions.append(dict(resolutions[0], id="outcome-again"))

    problems = _broken(dataset, change)
    assert any("judged twice" in p for p in problems)


# -- queries --------------------------------------------------------------------------


def test_queries(dataset: aiforecasts.Dataset) -> None:
    predictions = dataset.predictions
    by_verdict = {v: predictions.resolved(v).count() for v in Verdict}
    assert sum(by_verdict.values()) == predictions.count()
    assert predictions.resolved().count() == predictions.count()
    assert by_verdict[Verdict.CAME_TRUE] > 0
    assert by_verdict[Verdict.DID_NOT] > 0
    due = predictions.due_by("2024-12-31")
    assert due.count() > 50
    assert all(p.horizon is not None and p.horizon.end <= AS_OF for p in due)
    with pytest.raises(ValueError, match="sort_of"):
        predictions.resolved("sort_of")
    assert not hasattr(dataset.companies, "resolved")  # only predictions are resolved
    assert dataset.resolution_of("no-such-id") is None
    hits = dataset.search("Humane")
    assert any(isinstance(hit.record, Resolution) for hit in hits)


# -- scores ---------------------------------------------------------------------------


def test_wilson_interval() -> None:
    interval = wilson(7, 10)
    assert interval is not None
    assert (round(interval.low, 4), round(interval.high, 4)) == (0.3968, 0.8922)
    assert wilson(0, 0) is None
    low = wilson(0, 5)
    assert low is not None
    assert low.low == 0.0


def test_scores(dataset: aiforecasts.Dataset) -> None:
    cards = dataset.scores(by="source", voices=list(Voice))
    assert set(cards) <= set(dataset.sources.ids())
    total = sum(card.predictions for card in cards.values())
    assert total == dataset.predictions.count()
    for card in cards.values():
        assert sum(card.counts.values()) == card.predictions
        assert card.settled == sum(card.counts[v] for v in Verdict if v.is_resolved)
        if card.settled:
            assert card.hit_rate is not None
            assert card.interval is not None
            assert card.interval.low <= card.hit_rate <= card.interval.high
            assert card.brier is not None
            assert 0 <= card.brier <= 1
            expected = (
                card.counts[Verdict.CAME_TRUE] + 0.5 * card.counts[Verdict.PARTLY]
            ) / card.settled
            assert math.isclose(card.hit_rate, expected)
    # The weight of "partly" is settable, and moves the rate.
    strict = dataset.scores(by="source", partly=0, voices=list(Voice))
    key = next(k for k, c in cards.items() if c.counts[Verdict.PARTLY])
    strict_rate, rate = strict[key].hit_rate, cards[key].hit_rate
    assert strict_rate is not None
    assert rate is not None
    assert strict_rate < rate
    # So is the probability each hedge stands for.
    sure = dict.fromkeys(Hedge, 1.0)
    assert (
        dataset.scores(by="source", probabilities=sure, voices=list(Voice))[key].brier
        != cards[key].brier
    )
    with pytest.raises(ValueError, match="between 0 and 1"):
        dataset.scores(partly=2)
    with pytest.raises(ValueError, match="by must be"):
        dataset.scores(by="colour")  # type: ignore[arg-type]


def test_scores_as_of_a_date(dataset: aiforecasts.Dataset) -> None:
    now = dataset.scores(by="hedge")
    then = dataset.scores(by="hedge", as_of="2024-06-30")
    assert sum(c.settled for c in then.values()) < sum(c.settled for c in now.values())
    early = dataset.scores(by="hedge", as_of=2020)
    assert sum(c.settled for c in early.values()) <= 5  # only the old forecasts of 003
    old = dataset.scores(by="hedge", as_of=1960)  # made in 1958 and due by 1968
    assert sum(c.predictions for c in old.values()) == 2


# -- the command line -------------------------------------------------------------------


def test_cli_outcomes_and_scores(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outcomes", "--verdict", "did_not"]) == 0
    text = capsys.readouterr().out
    assert "did not" in text
    assert "with a verdict, judged as of 2026-12-07" in text
    assert main(["outcomes", "--company", "英偉達", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    assert all(row["resolution"] is not None for row in rows)
    assert main(["scores", "--by", "hedge"]) == 0
    text = capsys.readouterr().out
    assert "certain" in text
    assert "counts own, quoted forecasts" in text
    assert main(["scores", "--by", "forecaster", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows["herbert-simon"]["predictions"] == 3
    assert main(["scores", "--voice", "rejected", "--json"]) == 0
    assert all(row["voices"] == "rejected" for row in json.loads(capsys.readouterr().out).values())
    with pytest.raises(SystemExit) as usage:  # argparse: a choice it does not offer
        main(["scores", "--by", "company"])
    assert usage.value.code == 2
    assert main(["scores", "--by", "source", "--as-of", "not a date"]) == 2


# -- the export formats ----------------------------------------------------------------


def test_resolutions_in_every_export(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    formats: tuple[Literal["json", "jsonl", "csv", "datapackage"], ...] = (
        "json",
        "jsonl",
        "csv",
        "datapackage",
    )
    for format_ in formats:
        suffix = "" if format_ in ("csv", "datapackage") else f".{format_}"
        target = tmp_path / f"out-{format_}{suffix}"
        aiforecasts.write(dataset, target, format=format_)
        back = aiforecasts.load_path(target)
        assert list(back.resolutions) == list(dataset.resolutions), format_
    package = json.loads((tmp_path / "out-datapackage" / "datapackage.json").read_text("utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "resolutions")
    keys = resource["schema"]["foreignKeys"]
    assert {
        "fields": "prediction",
        "reference": {"resource": "predictions", "fields": "id"},
    } in keys


def test_a_changed_verdict_shows_in_diff(dataset: aiforecasts.Dataset) -> None:
    first = dataset.resolutions.where(lambda r: r.verdict is Verdict.CAME_TRUE)[0]
    judged = tuple(
        attrs.evolve(j, verdict=Verdict.CANNOT_TELL, cites=()) for j in first.judgements[:2]
    )
    changed = attrs.evolve(
        first, verdict=Verdict.CANNOT_TELL, decided=None, judgements=judged, observed=None,
        observed_money=None, observed_basis=None,
    )  # fmt: skip
    new = attrs.evolve(
        dataset,
        resolutions=aiforecasts.Collection(
            [changed if r is first else r for r in dataset.resolutions]
        ),
    )
    difference = aiforecasts.diff(dataset, new)
    assert [(c.new.id, "verdict" in c.fields) for c in difference.changed] == [(first.id, True)]


def test_scorecards_read_well(dataset: aiforecasts.Dataset) -> None:
    cards = dataset.scores(by="forecaster")
    one = next(card for card in cards.values() if card.predictions == 1)
    assert f"{one.key}: 1 prediction, " in str(one)
    many = next(card for card in cards.values() if card.predictions > 1)
    assert f"{many.key}: {many.predictions} predictions, " in str(many)
