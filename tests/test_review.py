"""
The second data review's rules, held over the whole dataset (docs/maintaining.md, "Review
rules"): one test per kind of problem the review fixed, where a test can hold it.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pycountry
import pytest

import aiforecasts
from aiforecasts import Company, GrowthKind, Hedge, OrgKind, Person, Qualifier
from aiforecasts._model.integrity import _references
from aiforecasts._model.kinds import KIND_NAMED, KIND_OF, KINDS
from aiforecasts._model.records import CLAIMS

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiforecasts import FundingRound

RELEASES = sorted((Path(__file__).resolve().parents[1] / "releases").glob("*.json"))


# -- R1: notes agree with their records ----------------------------------------

# (what a note says, what must then hold of the record)
NOTE_CLAIMS: list[tuple[re.Pattern[str], Callable[[FundingRound], bool]]] = [
    (re.compile(r"no investors? (?:is|are) recorded", re.IGNORECASE), lambda r: not r.investors),
    (
        re.compile(r"recorded as exact", re.IGNORECASE),
        lambda r: r.amount is not None and r.amount.qualifier is Qualifier.EXACT,
    ),
    (re.compile(r"no amount is recorded", re.IGNORECASE), lambda r: r.amount is None),
]


def test_notes_say_nothing_their_funding_rounds_contradict(dataset: aiforecasts.Dataset) -> None:
    checked = 0
    for round_ in dataset.funding_rounds:
        for pattern, holds in NOTE_CLAIMS:
            if round_.note and pattern.search(round_.note):
                checked += 1
                assert holds(round_), (round_.id, pattern.pattern)
    # The four 2023 deals whose merged note said both, falsely, now say neither.
    for id_ in ("anthropic-alphabet-2b-2023", "anthropic-amazon-4b-2023"):
        record = dataset.funding_rounds.get(id_)
        assert record is not None
        assert record.investors
        assert "recorded as exact" not in (record.note or "")


def test_conditions_and_hedges_agree(dataset: aiforecasts.Dataset) -> None:
    """A conditional forecast says its condition; a stated premise makes a record conditional."""
    premise = re.compile(r"若|如果|假如|只要|一旦|倘若")
    for prediction in dataset.predictions:
        assert (prediction.hedge is Hedge.CONDITIONAL) == bool(prediction.condition), prediction.id
    for kind in ("predictions", "compute_trends", "statistics"):
        for record in getattr(dataset, kind):
            quoted = "".join(excerpt.display for excerpt in record.excerpts)
            if premise.search(quoted):
                explained = getattr(record, "condition", None) or "premise" in (record.note or "")
                assert explained, (record.id, "quotes a premise it neither states nor explains")
    amodei = dataset.compute_trends.get("amodei-training-hardware-10x")
    assert amodei is not None
    assert amodei.condition
    shareholders = dataset.predictions.get("shareholders-pleased")
    assert shareholders is not None
    assert shareholders.hedge is Hedge.CONDITIONAL


# -- R2: a prediction is about what had not yet happened -------------------------

FORWARD = re.compile(
    r"将|將|会|會|预计|預計|预测|預測|有望|明年|未来|未來|恐|可能|若|如果|一旦|只要|应该|應該|"
    r"势必|勢必|注定|力争|力爭|随着|隨著|趋势|趨勢|到20\d\d|20\d\d年前|今后|今後|将来|將來"
)

# Forecasts whose own words carry none of those markers, each with the reading that makes it a
# forecast. A prediction outside this list without a marker fails: say why here, or reclassify.
UNMARKED_FORECASTS = {
    "yang-zhilin-open-source-cannot-catch-up": "追不上 'cannot catch up': open source will not",
    "china-dataset-quality-years": "需要历经岁月的积累: improving quality will take years",
    "big-tech-mixed-picture": "the big firms' prospects in that scenario",
    "nadella-pichai-ease-off": "可以放下油門: they can ease off and wait for revenue",
    "post-gold-rush-prove-returns": "淘金熱之后: the task after the gold rush",
    "humans-replaced-by-ai-fear": "a fear is a forecast its holders make: AI will replace people",
    "jassy-genai-largest-transformation-since-cloud": "how large a change under way will prove",
}


def test_predictions_are_about_the_future(dataset: aiforecasts.Dataset) -> None:
    unmarked = set()
    for prediction in dataset.predictions:
        if prediction.horizon is not None:
            assert prediction.horizon.end >= prediction.made.start, prediction.id
        quoted = "".join(excerpt.display for excerpt in prediction.excerpts)
        # A forecast says so (a future tense, a modal, a target), or is a numbered forecast of a
        # list of forecasts or part of one, or is listed above with the reading that makes it one.
        if not (FORWARD.search(quoted) or prediction.number or prediction.parent):
            unmarked.add(prediction.id)
    assert unmarked == set(UNMARKED_FORECASTS)


@pytest.mark.parametrize(
    "retired",
    [
        "universities-new-architectures-challenge-transformer",
        "ai-compute-demand-near-10x-a-year",
        "chip-war-intensifies-2024",
        "general-large-models-game-of-few-giants",
        "fourth-industrial-revolution-conditional-prosperity",
        "amodei-model-compute-10x-per-year",
    ],
)
def test_context_is_no_longer_a_forecast(dataset: aiforecasts.Dataset, retired: str) -> None:
    assert dataset.get(retired) is None
    tombstone = dataset.retired(retired)
    assert tombstone is not None
    assert tombstone.reason


# -- R4: a change between two levels keeps both ----------------------------------


def test_changes_keep_both_levels(dataset: aiforecasts.Dataset) -> None:
    token = dataset.compute_trends.get("token-price-decline-a16z")
    assert token is not None
    growth = token.growth
    assert growth.kind is GrowthKind.CHANGE
    assert growth.derived
    assert growth.change_factor == pytest.approx(0.001)
    for trend in dataset.compute_trends:
        for growth in (trend.growth, *trend.equivalents):
            started = growth.from_level is not None or growth.from_money is not None
            assert started or not growth.derived, trend.id
            if started:
                assert growth.rate is not None, trend.id


# -- R5: one claim, one record ---------------------------------------------------


def test_records_sharing_a_passage_are_linked_or_distinct(dataset: aiforecasts.Dataset) -> None:
    """Claim records quoting the same span state the same claim (and are linked) — or they are
    items of one enumeration, each about its own subject, or the span is context one of them
    quotes beside its own sentence."""
    by_span: dict[tuple[str, int, int], list[aiforecasts.Record]] = defaultdict(list)
    for name in CLAIMS:
        for record in getattr(dataset, name):
            for excerpt in record.excerpts:
                by_span[excerpt.source, excerpt.start, excerpt.end].append(record)
    stated = {c for d in dataset.debates for p in d.positions for c in p.claims}
    shared = 0
    for span, records in by_span.items():
        for a, b in itertools.combinations(records, 2):
            shared += 1
            linked = b.id in getattr(a, "same_claim", ()) and a.id in getattr(b, "same_claim", ())
            subjects = (frozenset(KIND_OF[type(r)].companies(r)) for r in (a, b))  # type: ignore[misc]
            enumerated = type(a) is type(b) and len(set(subjects)) == 2
            # or the span only says who speaks (rule 11): a maker both credit, named there
            makers = set.intersection(*({*_credited(r)} for r in (a, b)))
            text = next(
                e.text for e in getattr(a, "excerpts", ()) if (e.source, e.start, e.end) == span
            )
            entities = [e for e in map(dataset.get, makers) if isinstance(e, Company | Person)]
            attribution = any(name in text for e in entities for name in e.names)
            # or the span is context (rule 16: the clause naming a subject, a source or a
            # premise) that one of them quotes beside a sentence of its own the other lacks
            spans = [
                {(e.source, e.start, e.end) for e in getattr(r, "excerpts", ())} for r in (a, b)
            ]
            context = bool(spans[0] ^ spans[1])
            assert linked or enumerated or attribution or context, (span, a.id, b.id)
    assert shared > 0
    assert stated


def _credited(record: aiforecasts.Record) -> tuple[str, ...]:
    """Who a claim record credits with it: its makers, claimants and cited sources."""
    fields = ("made_by", "claimed_by", "cited")
    return tuple(i for f in fields for i in getattr(record, f, ()))


NOT_THE_SPEAKERS = {("open-source-iq-tax", "grok-parameters")}
"""(debate, claim) a position's passage holds that is not the speaker's claim: the size of
Grok (the article's own figure) in the passage on Musk's support for open source."""


def test_positions_refer_to_the_claims_they_quote(dataset: aiforecasts.Dataset) -> None:
    """A debate position whose passage holds a claim record's words (or lies within them)
    refers to that record."""
    referred = 0
    for debate in dataset.debates:
        for index, position in enumerate(debate.positions):
            quoted = position.excerpt
            for claim in position.claims:
                assert dataset.get(claim) is not None
                referred += 1
            for name in CLAIMS:
                for record in getattr(dataset, name):
                    for excerpt in record.excerpts:
                        inside = excerpt.source == quoted.source and (
                            quoted.start <= excerpt.start < excerpt.end <= quoted.end
                            or excerpt.start <= quoted.start < quoted.end <= excerpt.end
                        )
                        if (debate.id, record.id) in NOT_THE_SPEAKERS:
                            assert record.id not in position.claims
                            continue
                        assert not inside or record.id in position.claims, (
                            f"{debate.id}.positions[{index}]",
                            record.id,
                        )
    assert referred > 12


def test_same_claim_links_are_mutual_and_across_kinds(dataset: aiforecasts.Dataset) -> None:
    links = 0
    for name in CLAIMS:
        for record in getattr(dataset, name):
            for other_id in record.same_claim:
                other = dataset.get(other_id)
                assert other is not None
                assert type(other) is not type(record), (record.id, other_id)
                assert record.id in other.same_claim, (record.id, other_id)  # type: ignore[union-attr]
                links += 1
    assert links > 0
    every = sum(len(getattr(dataset, name)) for name in CLAIMS)
    assert sum(len(claim) for claim in dataset.claims()) == every  # each record in one claim
    assert len(dataset.claims()) == every - links // 2  # the links here join pairs


def test_the_integrity_check_holds_links_mutual(dataset: aiforecasts.Dataset) -> None:
    document = json.loads(aiforecasts.to_json(dataset))
    statistics = document["records"]["statistics"]
    linked = next(s for s in statistics if s["same_claim"])
    linked["same_claim"] = []
    with pytest.raises(aiforecasts.DataError, match="does not link back"):
        aiforecasts.loads(json.dumps(document))
    predictions = document["records"]["predictions"]
    predictions[0]["same_claim"] = [predictions[1]["id"]]
    predictions[1]["same_claim"] = [predictions[0]["id"]]
    with pytest.raises(aiforecasts.DataError, match="of the same kind"):
        aiforecasts.loads(json.dumps(document))


def test_unit_triplets_are_one_record(dataset: aiforecasts.Dataset) -> None:
    for kept, gone in (
        ("microsoft-water-gallons", ("microsoft-water-liters", "microsoft-water-olympic-pools")),
        ("google-water-gallons", ("google-water-liters", "google-water-swimming-pools")),
    ):
        record = dataset.statistics.get(kept)
        assert record is not None
        assert len(record.equivalents) == len(gone)
        for id_ in gone:
            tombstone = dataset.retired(id_)
            assert tombstone is not None
            assert tombstone.became == (kept,)
    jiang = dataset.compute_trends.get("frontier-model-compute-doubling-3-4-months")
    assert jiang is not None
    assert [g.kind for g in jiang.equivalents] == [GrowthKind.FACTOR]


# -- R6: retired ids stay answerable ---------------------------------------------


@pytest.mark.skipif(not RELEASES, reason="the release files live in the checkout")
def test_every_released_id_is_live_or_retired(dataset: aiforecasts.Dataset) -> None:
    live = {record.id for record in dataset.records() if KIND_OF[type(record)].name != "tombstones"}
    retired = {t.id for t in dataset.tombstones}
    assert not live & retired  # ids are never reused
    for path in RELEASES:
        released = json.loads(path.read_text("utf-8"))["records"]
        for id_, entry in released.items():
            if entry.get("kind") == "tombstones":
                assert id_ in retired, (path.name, id_)  # a tombstone stays
            else:
                assert id_ in live or id_ in retired, (path.name, id_)


def test_tombstones_say_where_an_id_went(dataset: aiforecasts.Dataset) -> None:
    assert len(dataset.tombstones) > 0
    for tombstone in dataset.tombstones:
        assert tombstone.kind in KIND_NAMED
        assert tombstone.kind != "tombstones"
        for id_ in tombstone.became:
            assert dataset.get(id_) is not None, (tombstone.id, id_)
    with pytest.raises(LookupError, match="became 'frontier-model-compute-doubling-3-4-months'"):
        dataset.compute_trends.lookup("frontier-model-compute-nearly-10x-per-year")
    gone = dataset.retired("ai-overinvestment")
    assert gone is not None
    assert "in dataset version 2026.2" in str(gone)


def test_diff_reports_retired_ids(dataset: aiforecasts.Dataset) -> None:
    tombstone = dataset.tombstones.get("microsoft-water-liters")
    assert tombstone is not None
    kept = dataset.statistics.get("microsoft-water-gallons")
    assert kept is not None
    before = attrs.evolve(kept, id="microsoft-water-liters")
    old = attrs.evolve(
        dataset,
        statistics=aiforecasts.Collection([*dataset.statistics, before]),
        tombstones=aiforecasts.Collection(t for t in dataset.tombstones if t is not tombstone),
    )
    difference = aiforecasts.diff(old, dataset)
    assert [r.id for r in difference.removed] == ["microsoft-water-liters"]
    assert difference.retired == (tombstone,)
    assert "- microsoft-water-liters (became microsoft-water-gallons)" in str(difference)


# -- R7: attribution and faithfulness ------------------------------------------------


def test_attribution_and_faithfulness(dataset: aiforecasts.Dataset) -> None:
    moore = dataset.compute_trends.get("moores-law-doubling-two-years")
    assert moore is not None
    assert moore.claimed_by == ()  # the article's own voice
    architecture = dataset.predictions.get("alternative-architecture-breakthrough-2024")
    assert architecture is not None
    assert "Mamba" not in architecture.statement
    google = dataset.statistics.get("google-water-gallons")
    assert google is not None
    assert "a year" in google.statement
    assert "liquid cooling" in google.statement
    openai = dataset.funding_rounds.get("openai-157b-2024")
    assert openai is not None
    assert openai.status.value != "closed"
    wall = dataset.debates.get("ai-scaling-wall")
    assert wall is not None
    assert "直到最近" in (wall.note or "")  # the translation choice, explained


# -- R8: the claims the first pass missed -----------------------------------------


@pytest.mark.parametrize(
    ("source", "start", "end"),
    [
        ("ten-ai-predictions-2024", 815, 906),  # Stability AI's executive departures
        ("ten-ai-predictions-2024", 1099, 1149),  # ... and its search for a buyer
        ("zhigu-2023-review-2024-outlook", 739, 840),  # fear of replacement, its reaction
        ("three-questions-ai-future", 3349, 3360),  # Wang Jian's power-generation comparison
        ("three-questions-ai-future", 1073, 1090),  # Qwen 2.5 against GPT-4 Turbo
        ("llm-scaling-bottleneck", 366, 380),  # OpenAI's 2020 scaling result
    ],
)
def test_missed_claims_are_quoted(
    dataset: aiforecasts.Dataset, source: str, start: int, end: int
) -> None:
    quoting = [
        record.id
        for kind in KINDS
        if kind.name in (*CLAIMS, "debates")
        for record in getattr(dataset, kind.name)
        for excerpt in kind.excerpts(record)
        if excerpt.source == source and excerpt.start < end and start < excerpt.end
    ]
    assert quoting, (source, start, end)


# -- R9: entities ------------------------------------------------------------------


def test_every_entity_is_referenced(dataset: aiforecasts.Dataset) -> None:
    referenced = {
        target
        for record in dataset.records()
        for _path, _kinds, target in _references(record, record.id)
    }
    entities: list[aiforecasts.Company | aiforecasts.Person] = [*dataset.companies]
    entities.extend(dataset.people)
    for entity in entities:
        assert entity.id in referenced, f"{entity.id} is referenced by no record"


def test_a_government_is_not_its_country(dataset: aiforecasts.Dataset) -> None:
    countries = {
        name.casefold()
        for country in pycountry.countries
        for name in (country.name, getattr(country, "common_name", None))
        if name
    } | {"united states", "美国", "美國", "中国", "中國", "英国", "英國", "日本"}
    for company in dataset.companies:
        if company.kind is OrgKind.GOVERNMENT:
            assert not {n.casefold() for n in company.names} & countries, company.id


def test_debates_have_sides(dataset: aiforecasts.Dataset) -> None:
    for debate in dataset.debates:
        assert len(debate.positions) >= 2, debate.id
        assert len({p.holder for p in debate.positions}) >= 2, debate.id


def test_a_folder_of_an_older_schema_has_no_tombstones_file(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    for file in resources.files("aiforecasts").joinpath("data").iterdir():
        if file.name.endswith(".json") and file.name != "tombstones.json":
            (folder / file.name).write_bytes(file.read_bytes())
    with pytest.raises(aiforecasts.DataError, match="file missing"):
        aiforecasts.load_path(folder)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    manifest["schema_version"] = 3  # before tombstones
    (folder / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    assert len(aiforecasts.load_path(folder, check_references=False).tombstones) == 0
