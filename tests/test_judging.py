"""Scores people can cite: whose forecast it is, criteria written first, two blind judges,
evidence that holds, like-for-like figures, consistency, and scores that inform."""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

import aiforecasts
from aiforecasts import (
    Comparison,
    Criterion,
    DataError,
    Evidence,
    Hedge,
    Judgement,
    Prediction,
    PublisherKind,
    Quantity,
    Resolution,
    Target,
    TimeSpan,
    Verdict,
    Voice,
)
from aiforecasts._model.checks import older_layout

if TYPE_CHECKING:
    from collections.abc import Callable

REVIEW = Path(__file__).resolve().parents[1] / "review" / "2026.4"
DOCS = Path(__file__).resolve().parents[1] / "docs"


def _prediction(dataset: aiforecasts.Dataset, resolution: Resolution) -> Prediction:
    prediction = dataset.predictions.get(resolution.prediction)
    assert prediction is not None
    return prediction


# -- who made it ----------------------------------------------------------------------


def test_every_prediction_has_a_voice_that_fits_its_makers(dataset: aiforecasts.Dataset) -> None:
    voices = Counter(p.voice for p in dataset.predictions)
    assert None not in voices
    assert set(voices) == set(Voice)  # all four occur
    for p in dataset.predictions:
        if p.voice is Voice.OWN:
            assert not p.made_by, p.id
            assert p.attributed_to is None, p.id
        if p.voice is Voice.QUOTED:
            assert p.made_by, p.id


def test_quoted_old_forecasts_are_not_the_articles_own(dataset: aiforecasts.Dataset) -> None:
    """The 1958-1970 forecasts an article quotes as warnings are credited to their makers."""
    for pid in ("newell-simon-1958-chess-champion", "minsky-1970-average-human-intelligence"):
        prediction = dataset.predictions.get(pid)
        assert prediction is not None
        assert prediction.voice is Voice.QUOTED
    by_source = dataset.scores(by="source")
    article = by_source.get("refining-large-models")
    own = dataset.predictions.where(
        lambda p: p.source == "refining-large-models" and p.voice is Voice.OWN
    )
    assert (article.predictions if article else 0) == own.count()
    forecasters = dataset.scores(by="forecaster")
    assert forecasters["herbert-simon"].predictions == 3
    assert forecasters["marvin-minsky"].predictions == 1


def test_scores_by_source_count_the_documents_own_voice(dataset: aiforecasts.Dataset) -> None:
    own = dataset.predictions.where(lambda p: p.voice is Voice.OWN).count()
    cards = dataset.scores(by="source")
    assert sum(c.predictions for c in cards.values()) == own
    assert all(c.voices == {Voice.OWN} for c in cards.values())
    every = dataset.scores(by="source", voices=list(Voice))
    assert sum(c.predictions for c in every.values()) == dataset.predictions.count()
    quoted = dataset.scores(by="source", voices="quoted")
    assert sum(c.predictions for c in quoted.values()) == (
        dataset.predictions.where(lambda p: p.voice is Voice.QUOTED).count()
    )
    with pytest.raises(ValueError, match="overheard"):
        dataset.scores(voices=["overheard"])


def test_scores_by_forecaster_and_about(dataset: aiforecasts.Dataset) -> None:
    entities = set(dataset.people.ids()) | set(dataset.companies.ids())
    forecasters = dataset.scores(by="forecaster")
    for key in forecasters:
        assert key in entities or key in set(dataset.sources.ids()), key
    # The own voice of a document with a named author is credited to that author.
    zhigu = dataset.sources.get("zhigu-2023-review-2024-outlook")
    assert zhigu is not None
    assert zhigu.author in forecasters
    assert "zhigu-2023-review-2024-outlook" not in forecasters
    # Reported and rejected views are nobody's record unless asked for.
    counted = sum(c.predictions for c in forecasters.values())
    made = dataset.predictions.where(lambda p: p.voice in (Voice.OWN, Voice.QUOTED))
    assert counted == sum(max(1, len(p.made_by)) for p in made)
    about = dataset.scores(by="about")
    assert "nvidia" in about
    assert set(about) <= set(dataset.companies.ids())
    nvidia = dataset.predictions.where(
        lambda p: "nvidia" in p.companies and p.voice in (Voice.OWN, Voice.QUOTED)
    )
    assert about["nvidia"].predictions == nvidia.count()
    for retired in ("company", "person"):
        with pytest.raises(ValueError, match="use by='forecaster'"):
            dataset.scores(by=retired)  # type: ignore[arg-type]


# -- criteria, written first ------------------------------------------------------------


def test_every_prediction_has_a_criterion_or_a_reason(dataset: aiforecasts.Dataset) -> None:
    for p in dataset.predictions:
        assert (p.criterion is None) != (p.unsettleable is None), p.id
        resolution = dataset.resolution_of(p)
        assert resolution is not None
        assert (resolution.verdict is Verdict.TOO_VAGUE) == (p.unsettleable is not None), p.id
        if p.hedge is Hedge.CONDITIONAL and p.criterion is not None:
            assert p.criterion.condition, p.id
        if resolution.verdict is Verdict.ANNULLED:
            assert p.criterion is not None
            assert p.criterion.condition is not None, p.id


def test_horizons_follow_one_rule(dataset: aiforecasts.Dataset) -> None:
    """Framed horizons say which framing; the same framing gives the same horizon."""
    framed = [
        p for p in dataset.predictions if p.horizon and p.horizon.certainty.value == "framing"
    ]
    assert framed
    by_source: dict[str, set[tuple[object, object]]] = defaultdict(set)
    for p in framed:
        assert p.horizon is not None
        assert p.horizon.reason, p.id
        assert p.horizon.text is None, p.id  # not the sentence's own words
        by_source[p.source].add((p.horizon.start, p.horizon.end))
    assert all(len(spans) == 1 for spans in by_source.values()), by_source
    # Both documents with a list of forecasts for 2024 frame their undated items alike.
    assert set(by_source) == {"ten-ai-predictions-2024", "zhigu-2023-review-2024-outlook"}


def test_scoring_can_leave_framed_horizons_out(dataset: aiforecasts.Dataset) -> None:
    every = dataset.scores(by="hedge", voices=list(Voice))
    own_words = dataset.scores(by="hedge", voices=list(Voice), framed=False)
    framed = dataset.predictions.where(
        lambda p: p.horizon is not None and p.horizon.certainty.value == "framing"
    ).count()
    total = sum(c.predictions for c in every.values())
    assert sum(c.predictions for c in own_words.values()) == total - framed


# -- two blind judges -------------------------------------------------------------------


def test_every_verdict_has_two_blind_judgements(dataset: aiforecasts.Dataset) -> None:
    settled_by_third = 0
    for r in dataset.resolutions:
        judges = [j.judge for j in r.judgements]
        assert judges[:2] == ["a", "b"], r.id
        a, b = r.judgements[0].verdict, r.judgements[1].verdict
        if a is b:
            assert len(r.judgements) == 2, r.id
            assert r.verdict is a, r.id
        else:
            settled_by_third += 1
            assert judges == ["a", "b", "c"], r.id
            assert r.verdict is r.judgements[2].verdict, r.id
        for judgement in r.judgements:
            assert all(0 <= i < len(r.evidence) for i in judgement.cites), r.id
    assert settled_by_third > 0


def test_every_settling_verdict_cites_a_quote(dataset: aiforecasts.Dataset) -> None:
    for r in dataset.resolutions:
        if not r.verdict.needs_evidence:
            continue
        deciding = [j for j in r.judgements if j.verdict is r.verdict]
        assert deciding, r.id
        assert all(j.cites for j in deciding), r.id


@pytest.mark.skipif(not REVIEW.is_dir(), reason="the review files are in the repository only")
def test_published_agreement_is_what_the_judgements_give(dataset: aiforecasts.Dataset) -> None:
    """The methodology's agreement figures follow from the judgements in the data."""
    text = (DOCS / "methodology.md").read_text("utf-8")
    every = list(dataset.resolutions)
    with_criterion = [r for r in every if _prediction(dataset, r).criterion is not None]
    assert len(with_criterion) < len(every)
    for judged in (with_criterion, every):
        pairs = [(r.judgements[0].verdict, r.judgements[1].verdict) for r in judged]
        raw, kappa = _agreement(pairs)
        agree = sum(a is b for a, b in pairs)
        assert f"{agree} of {len(pairs)} | {raw:.1%}".replace("%", " %") in text
        assert f"κ = {kappa:.2f}" in text


def _agreement(pairs: list[tuple[Any, Any]]) -> tuple[float, float]:
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return observed, (observed - expected) / (1 - expected)


# -- consistency ----------------------------------------------------------------------


_CHILDREN = re.compile(r"Its sub-predictions: (.*)\.$")


def test_parents_name_their_childrens_verdicts_as_they_are(dataset: aiforecasts.Dataset) -> None:
    children: dict[str, list[str]] = defaultdict(list)
    for p in dataset.predictions:
        if p.parent is not None:
            children[p.parent].append(p.id)
    assert children
    for parent, kids in children.items():
        resolution = dataset.resolution_of(parent)
        assert resolution is not None
        found = _CHILDREN.search(resolution.rationale)
        assert found, parent
        named: dict[str, str] = {}
        for part in found.group(1).split("; "):
            pair = re.fullmatch(r"(\S+) \(([a-z ]+)\)", part)
            assert pair, part
            named[pair.group(1)] = pair.group(2)
        assert set(named) == set(kids), parent
        for kid, verdict in named.items():
            child = dataset.resolution_of(kid)
            assert child is not None
            assert verdict == child.verdict.value.replace("_", " "), (parent, kid)


def test_parents_state_their_childrens_verdicts_only_as_they_are(
    dataset: aiforecasts.Dataset,
) -> None:
    """A parent's rationale names its children only in its closing list (a judge's own list
    of them, which may differ from the settled verdicts, stays in that judge's reason)."""
    for p in dataset.predictions:
        if p.parent is None:
            continue
        parent = dataset.resolution_of(p.parent)
        assert parent is not None
        body = parent.rationale.split(" Its sub-predictions: ")[0]
        assert p.id not in body, (p.parent, p.id)


def test_forecasts_sharing_a_condition_agree_or_say_why(dataset: aiforecasts.Dataset) -> None:
    groups: dict[str, list[Resolution]] = defaultdict(list)
    for r in dataset.resolutions:
        p = _prediction(dataset, r)
        if p.condition:
            groups[p.condition].append(r)
    for members in groups.values():
        annulled = {r.verdict is Verdict.ANNULLED for r in members}
        if len(annulled) > 1:  # the condition held for one and failed for another
            assert all(r.note for r in members), [r.id for r in members]


def test_did_not_is_decided_by_the_horizons_end(dataset: aiforecasts.Dataset) -> None:
    for r in dataset.resolutions.where(lambda r: r.verdict is Verdict.DID_NOT):
        p = _prediction(dataset, r)
        if p.horizon is None or r.decided is None:
            continue
        if r.decided.end > p.horizon.end:
            assert r.note, r.id
            assert "after the horizon" in r.note, r.id


# -- evidence that holds ----------------------------------------------------------------


def test_evidence_says_what_kind_of_publisher(dataset: aiforecasts.Dataset) -> None:
    kinds: Counter[PublisherKind] = Counter()
    for r in dataset.resolutions:
        cited = {i for j in r.judgements if j.verdict is r.verdict for i in j.cites}
        for item in r.evidence:
            assert item.publisher_kind is not None, r.id
            kinds[item.publisher_kind] += 1
        if (
            r.verdict.needs_evidence
            and cited
            and all(r.evidence[i].publisher_kind is PublisherKind.AGGREGATOR for i in cited)
        ):
            assert r.note, r.id
            assert "aggregator" in r.note, r.id
    assert kinds[PublisherKind.NEWS] > 0
    assert kinds[PublisherKind.PRIMARY] > 0


_PLACEHOLDER = re.compile(r"^(untitled|title|page|article|n/?a|none)$", re.IGNORECASE)


def test_evidence_titles_are_real(dataset: aiforecasts.Dataset) -> None:
    for r in dataset.resolutions:
        for item in r.evidence:
            if item.title is not None:
                assert not _PLACEHOLDER.match(item.title.strip()), r.id


# -- like for like -----------------------------------------------------------------------


def test_targets_refuse_figures_on_another_basis() -> None:
    deadline = pendulum.Date(2026, 12, 31)
    total = Target(
        "China's computing capacity",
        Comparison.AT_LEAST,
        deadline,
        Quantity(Decimal(360), "EFLOPS"),
        basis="total, FP32",
    )
    assert not total.met_by(Quantity(Decimal(280), "EFLOPS"), basis="total, FP32")
    with pytest.raises(ValueError, match="intelligent, FP16"):
        total.met_by(Quantity(Decimal(400), "EFLOPS"), basis="intelligent, FP16")
    with pytest.raises(ValueError, match="no stated basis"):
        total.met_by(Quantity(Decimal(400), "EFLOPS"))
    plain = Target("share", Comparison.ABOUT, deadline, Quantity(Decimal(4), "percent"))
    with pytest.raises(ValueError, match="cannot compare"):
        plain.met_by(Quantity(Decimal(4), "percent"), basis="nominal")
    assert plain.met_by(Quantity(Decimal(4), "percent"))


def test_observed_figures_are_like_for_like(dataset: aiforecasts.Dataset) -> None:
    checked = 0
    for r in dataset.resolutions:
        observed = r.observed or r.observed_money
        if observed is None:
            continue
        target = _prediction(dataset, r).target
        assert target is not None
        met = target.met_by(observed, basis=r.observed_basis)  # raises across bases
        checked += 1
        if r.verdict in (Verdict.CAME_TRUE, Verdict.DID_NOT):
            assert (r.verdict is Verdict.CAME_TRUE) == met, r.id
    assert checked


# -- bad input: refused by the loader with the path --------------------------------------


def _refused(dataset: aiforecasts.Dataset, change: Callable[[dict[str, Any]], None]) -> list[str]:
    document = json.loads(aiforecasts.to_json(dataset))
    change(document["records"])
    with pytest.raises(DataError) as info:
        aiforecasts.loads(json.dumps(document))
    return [str(problem) for problem in info.value.problems]


def _index(records: list[dict[str, Any]], test: Callable[[dict[str, Any]], bool]) -> int:
    return next(i for i, r in enumerate(records) if test(r))


def test_a_criterion_without_a_voice_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["predictions"], lambda p: p["criterion"] is not None)
        records["predictions"][i]["voice"] = None

    problems = _refused(dataset, change)
    assert any(re.search(r"predictions\[\d+\]\.voice .*required", p) for p in problems)
    assert not any(".criterion" in p for p in problems)


def test_a_missing_voice_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        del records["predictions"][0]["voice"]

    problems = _refused(dataset, change)
    assert any("predictions[0].voice" in p for p in problems)


def test_a_forecaster_that_is_not_an_entity_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["predictions"], lambda p: p["voice"] == "quoted")
        records["predictions"][i]["made_by"] = ["a-person-nobody-knows"]

    problems = _refused(dataset, change)
    assert any(".made_by[0]" in p and "a-person-nobody-knows" in p for p in problems)


def test_a_verdict_without_two_judgements_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        records["resolutions"][0]["judgements"] = records["resolutions"][0]["judgements"][:1]
        del records["resolutions"][1]["judgements"]

    problems = _refused(dataset, change)
    assert any("resolutions[0].judgements" in p and "two blind" in p for p in problems)
    assert any("resolutions[1].judgements" in p for p in problems)


def test_a_verdict_the_judges_did_not_reach_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["resolutions"], lambda r: r["verdict"] == "came_true")
        for judgement in records["resolutions"][i]["judgements"]:
            judgement["verdict"] = "cannot_tell"
            judgement["cites"] = []

    problems = _refused(dataset, change)
    assert any(".judgements" in p and "the judges found" in p for p in problems)


def test_a_target_compared_across_bases_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["resolutions"], lambda r: r["observed_basis"] is not None)
        records["resolutions"][i]["observed_basis"] = "intelligent compute, FP16"

    (problem,) = _refused(dataset, change)
    assert ".observed_basis" in problem
    assert "cannot compare" in problem


def test_evidence_without_a_publisher_kind_is_refused(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["resolutions"], lambda r: bool(r["evidence"]))
        del records["resolutions"][i]["evidence"][0]["publisher_kind"]

    problems = _refused(dataset, change)
    assert any(re.search(r"resolutions\[\d+\]\.evidence\[0\]\.publisher_kind", p) for p in problems)


def test_too_vague_and_annulled_only_where_the_criterion_allows(
    dataset: aiforecasts.Dataset,
) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["resolutions"], lambda r: r["verdict"] == "cannot_tell")
        for judgement in records["resolutions"][i]["judgements"]:
            judgement["verdict"] = "too_vague"
        records["resolutions"][i]["verdict"] = "too_vague"

    problems = _refused(dataset, change)
    assert any("'too_vague' for a prediction with a criterion" in p for p in problems)


def test_judges_are_named_in_order(dataset: aiforecasts.Dataset) -> None:
    def change(records: dict[str, Any]) -> None:
        i = _index(records["resolutions"], lambda r: len(r["judgements"]) == 3)
        judgements = records["resolutions"][i]["judgements"]
        records["resolutions"][i]["judgements"] = [judgements[2], *judgements[:2]]

    problems = _refused(dataset, change)
    assert any(".judgements" in p and "a's and b's" in p for p in problems)


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        ("predictions", "unsettleable"),
        ("predictions", "criterion.condition"),
        ("predictions", "criterion.partly"),
        ("predictions", "targets.0.basis"),
        ("resolutions", "observed_basis"),
    ],
)
def test_blank_text_is_not_a_value(dataset: aiforecasts.Dataset, kind: str, field: str) -> None:
    """An empty or blank text where a reason, a condition or a basis goes is refused."""
    *parents, name = field.split(".")

    def holder(record: dict[str, Any]) -> dict[str, Any] | None:
        value: Any = record
        for part in parents:
            if part.isdigit():  # an item of a list (targets.0)
                items: list[Any] = value if isinstance(value, list) else []
                value = items[int(part)] if int(part) < len(items) else {}
            else:
                value = value.get(part) or {}
        found: dict[str, Any] = value
        return found if found.get(name) is not None else None

    def change(records: dict[str, Any]) -> None:
        i = _index(records[kind], lambda r: holder(r) is not None)
        found = holder(records[kind][i])
        assert found is not None
        found[name] = "   "

    problems = _refused(dataset, change)
    path = re.sub(r"\.(\d+)", r"[\1]", field)  # targets.0.basis is targets[0].basis
    assert any(f".{path} " in p and "must not be empty" in p for p in problems), problems


def test_records_of_an_older_layout_are_not_written_as_schema_6() -> None:
    golden = Path(__file__).parent / "golden" / "schema-6.json"
    current = aiforecasts.load_path(golden, check_references=False)
    first = current.predictions[0]
    with older_layout():
        no_criterion = attrs.evolve(first, criterion=None, unsettleable=None)
    with pytest.raises(ValueError, match=r"predictions\[0\] .* lacks a criterion"):
        aiforecasts.to_json([no_criterion])
    with pytest.raises(ValueError, match="lacks a voice"), older_layout():
        aiforecasts.to_json([attrs.evolve(first, voice=None, criterion=None)])


def test_the_json_schema_requires_what_the_loader_requires(dataset: aiforecasts.Dataset) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = aiforecasts.json_schema()
    document = json.loads(aiforecasts.to_json(dataset))
    jsonschema.validate(document, schema)
    breaks: list[Callable[[dict[str, Any]], None]] = [
        lambda d: d["predictions"][0].pop("voice"),
        lambda d: d["predictions"][0].update(criterion=None, unsettleable=None),
        lambda d: d["resolutions"][0].update(judgements=d["resolutions"][0]["judgements"][:1]),
        lambda d: d["resolutions"][_index(d["resolutions"], lambda r: bool(r["evidence"]))][
            "evidence"
        ][0].update(publisher_kind=None),
    ]
    for change in breaks:
        broken = json.loads(json.dumps(document))
        change(broken["records"])
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_schema_5_files_still_read_without_the_new_fields() -> None:
    golden = Path(__file__).parent / "golden" / "schema-5.json"
    old = aiforecasts.load_path(golden, check_references=False)
    assert all(p.voice is None and p.criterion is None for p in old.predictions)


def test_the_records_hold_their_rules() -> None:
    read = pendulum.Date(2026, 12, 7)
    with pytest.raises(ValueError, match="publisher_kind is required"):
        Evidence("https://example.org/a", "example.org", "It happened.", read)
    item = Evidence(
        "https://example.org/a",
        "example.org",
        "It happened.",
        read,
        publisher_kind=PublisherKind.NEWS,
    )
    common: dict[str, Any] = {"added_in": "1", "changed_in": "1"}
    with pytest.raises(ValueError, match="judgements is required"):
        Resolution("outcome-x", "x", Verdict.CAME_TRUE, read, "Why.", (item,), **common)
    with pytest.raises(ValueError, match="cites at least one"):
        Judgement("a", Verdict.CAME_TRUE, "Why.")
    judged = (Judgement("a", Verdict.CAME_TRUE, "Why.", (0,)),)
    with pytest.raises(ValueError, match="two blind judgements"):
        Resolution(
            "outcome-x", "x", Verdict.CAME_TRUE, read, "Why.", (item,), judgements=judged, **common
        )
    twice = (*judged, Judgement("a", Verdict.CAME_TRUE, "Why.", (0,)))
    with pytest.raises(ValueError, match="a's and b's"):
        Resolution(
            "outcome-x", "x", Verdict.CAME_TRUE, read, "Why.", (item,), judgements=twice, **common
        )
    out_of_range = (*judged, Judgement("b", Verdict.CAME_TRUE, "Why.", (3,)))
    with pytest.raises(ValueError, match="there are 1 items"):
        Resolution(
            "outcome-x",
            "x",
            Verdict.CAME_TRUE,
            read,
            "Why.",
            (item,),
            judgements=out_of_range,
            **common,
        )
    split = (*judged, Judgement("b", Verdict.CANNOT_TELL, "Not shown."))
    with pytest.raises(ValueError, match="third reading"):
        Resolution(
            "outcome-x", "x", Verdict.CAME_TRUE, read, "Why.", (item,), judgements=split, **common
        )
    settled = (*split, Judgement("c", Verdict.CAME_TRUE, "Shown.", (0,)))
    assert (
        Resolution(
            "outcome-x", "x", Verdict.CAME_TRUE, read, "Why.", (item,), judgements=settled, **common
        )
        .judgements[2]
        .judge
        == "c"
    )
    excerpt = aiforecasts.Excerpt("s", 0, 1, "x", "x")
    made = TimeSpan.of_year(2023)
    criterion = Criterion("It happens.", "It does not.")
    with pytest.raises(ValueError, match="voice is required"):
        Prediction(
            "p", "It will.", "s", made, None, Hedge.CERTAIN, (excerpt,), criterion=criterion,
            **common,
        )  # fmt: skip
    with pytest.raises(ValueError, match="document's own voice names no maker"):
        Prediction(
            "p", "It will.", "s", made, None, Hedge.CERTAIN, (excerpt,), made_by=("x",),
            voice=Voice.OWN, criterion=criterion, **common,
        )  # fmt: skip
    with pytest.raises(ValueError, match="condition to check first"):
        Prediction(
            "p", "It will.", "s", made, None, Hedge.CONDITIONAL, (excerpt,), condition="If.",
            voice=Voice.OWN, criterion=criterion, **common,
        )  # fmt: skip
    with pytest.raises(ValueError, match="not both"):
        Prediction(
            "p", "It will.", "s", made, None, Hedge.CERTAIN, (excerpt,), voice=Voice.OWN,
            criterion=criterion, unsettleable="Vague.", **common,
        )  # fmt: skip


# -- scores that inform -------------------------------------------------------------------


def test_skill_and_log_scores(dataset: aiforecasts.Dataset) -> None:
    cards = dataset.scores(by="hedge", voices=list(Voice))
    settled = [c for c in cards.values() if c.settled]
    base = settled[0].base_rate
    assert base is not None
    for card in settled:
        assert card.base_rate == base  # one reference for every group of a call
        assert card.brier is not None
        assert card.log_score is not None
        if card.skill_vs_half is not None:
            half = _reference(dataset, card.key, 0.5)
            assert math.isclose(card.skill_vs_half, 1 - card.brier / half)
    # "possible" (0.5) is no better than always saying 50 %: its skill is exactly 0.
    possible = cards.get("possible")
    if possible is not None and possible.skill_vs_half is not None:
        assert math.isclose(possible.skill_vs_half, 0, abs_tol=1e-12)


def _reference(dataset: aiforecasts.Dataset, hedge: str, chance: float) -> float:
    gaps = []
    for r in dataset.resolutions:
        p = _prediction(dataset, r)
        if p.hedge.value == hedge and r.verdict.is_resolved:
            outcome = {Verdict.CAME_TRUE: 1.0, Verdict.PARTLY: 0.5}.get(r.verdict, 0.0)
            gaps.append((chance - outcome) ** 2)
    return sum(gaps) / len(gaps)


def test_as_of_counts_what_was_knowable_then(dataset: aiforecasts.Dataset) -> None:
    """A forecast for 2024 that did not happen counts as settled from the end of 2024."""
    judged = dataset.resolutions.where(
        lambda r: (
            r.verdict is Verdict.DID_NOT
            and (h := _prediction(dataset, r).horizon) is not None
            and h.end == pendulum.Date(2024, 12, 31)
            and (r.decided is None or r.decided.end <= h.end)
        )
    )
    assert judged.count()
    cards = dataset.scores(by="hedge", voices=list(Voice), as_of="2025-01-01")
    early = sum(c.counts[Verdict.DID_NOT] for c in cards.values())
    assert early >= judged.count()
    before = dataset.scores(by="hedge", voices=list(Voice), as_of="2023-06-30")
    made_later = dataset.predictions.where(lambda p: p.made.start > pendulum.Date(2023, 6, 30))
    assert sum(c.predictions for c in before.values()) == (
        dataset.predictions.count() - made_later.count()
    )


def test_the_base_rate_is_of_the_predictions_scored(dataset: aiforecasts.Dataset) -> None:
    cards = dataset.scores(by="about")
    scored = [
        r
        for r in dataset.resolutions
        if (p := _prediction(dataset, r)).companies
        and p.voice in (Voice.OWN, Voice.QUOTED)
        and r.verdict.is_resolved
    ]
    outcomes = [{Verdict.CAME_TRUE: 1.0, Verdict.PARTLY: 0.5}.get(r.verdict, 0.0) for r in scored]
    for card in cards.values():
        if card.settled:
            assert card.base_rate is not None
            assert math.isclose(card.base_rate, sum(outcomes) / len(outcomes))


def test_scorecards_as_tables(dataset: aiforecasts.Dataset) -> None:
    pytest.importorskip("pandas")
    none = dataset.scores(as_of="2023-06-30")
    assert not none
    empty = aiforecasts.to_dataframe(none)
    assert len(empty) == 0
    assert list(empty.columns) == list(aiforecasts.to_dataframe(dataset.scores()).columns)
    cards = dataset.scores(by="source")
    frame = aiforecasts.to_dataframe(cards)
    assert list(frame["key"]) == list(cards)
    assert list(frame["settled"]) == [c.settled for c in cards.values()]
    one = aiforecasts.to_dataframe(next(iter(cards.values())))
    assert len(one) == 1
    pytest.importorskip("pyarrow")
    table = aiforecasts.to_arrow(list(cards.values()))
    assert table.column("key").to_pylist() == list(cards)
    rows = [row for card in cards.values() for row in card.calibration_rows()]
    assert {row["hedge"] for row in rows} == {h.value for h in Hedge}


@pytest.mark.parametrize("by", ["source", "forecaster", "about", "topic", "hedge"])
def test_scorecard_keys_are_text(dataset: aiforecasts.Dataset, by: str) -> None:
    for as_of in (None, "2025-06-30"):
        cards = dataset.scores(by=by, as_of=as_of)  # type: ignore[arg-type]
        assert cards
        for key, card in cards.items():
            assert type(key) is str
            assert card.key == key


def test_references_in_reasons_name_evidence_items(dataset: aiforecasts.Dataset) -> None:
    """``[n]`` in a rationale or a judge's reason is the resolution's n-th evidence item."""
    named = 0
    for r in dataset.resolutions:
        for text in (r.rationale, *(j.reason for j in r.judgements)):
            assert "dossier" not in text, r.id
            for group in re.findall(r"\[(\d+(?:, \d+)*)\]", text):
                for number in group.split(", "):
                    named += 1
                    assert 1 <= int(number) <= len(r.evidence), (r.id, number)
    assert named > 100


def test_quotes_begin_where_a_sentence_begins(dataset: aiforecasts.Dataset) -> None:
    """A quote is whole sentences: it never starts mid-sentence or mid-word."""
    for r in dataset.resolutions:
        for item in r.evidence:
            assert not re.match(r"[a-z,;:.)\]]", item.quote), (r.id, item.quote[:40])
