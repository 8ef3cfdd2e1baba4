"""
Full-text search: the relevance table, the matching rules, and bad queries.

The relevance table lists queries as people type them (English, simplified,
traditional, Taiwan usage, mixed) and the records a reader of the documents
expects first.  Each row was written from the records' text, not copied from
the engine's output.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

import aiforecasts
from aiforecasts._model.kinds import KIND_OF
from aiforecasts._model.text import fold
from aiforecasts._query.search import fields_of, units
from aiforecasts._query.snippets import snippet

RELEVANCE: list[tuple[str, str, set[str]]] = [
    # (how the query is written, the query, the records that must come first, in any order)
    ("English", "Nvidia", {"nvidia"}),
    ("simplified", "英伟达", {"nvidia"}),
    ("traditional", "英偉達", {"nvidia"}),
    ("Taiwan usage", "輝達", {"nvidia"}),
    ("simplified", "智商税", {"open-source-iq-tax"}),
    ("traditional", "開源 智商稅", {"open-source-iq-tax"}),
    ("English", "open source", {"open-vs-closed-models-2024", "open-source-iq-tax"}),
    ("English", "Sam Altman", {"sam-altman"}),
    ("traditional", "奧特曼", {"sam-altman"}),
    ("traditional", "黃仁勛", {"jensen-huang"}),
    # both name Amazon and Anthropic in their statement: the round, and the forecast about it
    (
        "mixed",
        "亞馬遜 Anthropic",
        {"anthropic-amazon-4b-2023", "regulators-scrutinize-cloud-ai-investments-2024"},
    ),
    ("simplified", "端侧算力", {"on-device-or-cloud-compute"}),
    ("English", "scaling wall", {"ai-scaling-wall"}),
    ("English", "Meta Llama", {"meta-llama-2-cost"}),
    # two records quote the IEA's sentence (the share now, and 4% by 2030): tied first
    (
        "Taiwan usage",
        "資料中心 電力",
        {"iea-data-centre-power-share", "data-centre-power-share-4pct-2030"},
    ),
    (
        "simplified",
        "数据中心 电力",
        {"iea-data-centre-power-share", "data-centre-power-share-4pct-2030"},
    ),
    ("simplified", "月之暗面", {"moonshot-ai"}),
    ("English", "a16z", {"andreessen-horowitz"}),
    ("English", "Stability AI", {"stability-ai"}),
    ("English", "Humane", {"humane"}),
    (
        "traditional",
        "自動駕駛",
        {"autonomous-driving-explosive-progress-2024", "china-high-level-autonomous-driving-2024"},
    ),
    ("English", "chip war", {"compute-hunger-intensifies-chip-war-2024"}),
    ("traditional", "蘋果", {"apple"}),
    ("Taiwan usage", "影片生成", {"ai-video-film-business-models-2024"}),
    ("simplified", "李彦宏", {"robin-li"}),
    ("English prefix", "anthrop", {"anthropic"}),
    ("mixed", "Mistral 开源", {"mistral-open-gpt4-class-model-2024"}),
]


@pytest.mark.parametrize(("script", "query", "first"), RELEVANCE, ids=[r[1] for r in RELEVANCE])
def test_relevance(dataset: aiforecasts.Dataset, script: str, query: str, first: set[str]) -> None:
    hits = dataset.search(query, limit=len(first))
    assert {hit.record.id for hit in hits} == first, (script, [h.record.id for h in hits])


def test_the_table_covers_every_way_of_writing() -> None:
    assert len(RELEVANCE) >= 20
    assert {script for script, _, _ in RELEVANCE} >= {
        "English",
        "simplified",
        "traditional",
        "Taiwan usage",
        "mixed",
    }


class TestScriptsAndRegions:
    def test_traditional_and_taiwan_usage_find_what_simplified_finds(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        for simplified, other in [("芯片", "晶片"), ("英伟达", "輝達"), ("数据中心", "資料中心")]:
            found = dataset.predictions.search(simplified).ids()
            assert found, simplified
            assert dataset.predictions.search(other).ids() == found, other

    def test_a_company_named_in_any_script_finds_what_refers_to_it(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        by_name = set(dataset.predictions.search("Nvidia").ids())
        assert set(dataset.predictions.search("英伟达").ids()) == by_name
        referring = set(dataset.predictions.mentioning("nvidia").ids())
        assert referring <= by_name  # records that refer to Nvidia without naming it too

    def test_a_topic_named_finds_its_records(self, dataset: aiforecasts.Dataset) -> None:
        tagged = set(dataset.predictions.about("open_source").ids())
        assert tagged <= set(dataset.predictions.search("開源").ids())
        assert tagged <= set(dataset.predictions.search("open source").ids())


class TestFoundInReview:
    """What an adversarial review of the search found, each fixed and held here."""

    @pytest.mark.parametrize(
        ("traditional", "simplified"),
        [
            ("首席執行官", "首席执行官"),
            ("執行", "执行"),
            ("模型", "模型"),
            ("麼", "么"),
            ("資料", "资料"),
        ],
    )
    def test_both_scripts_of_a_word_find_the_same(
        self, dataset: aiforecasts.Dataset, traditional: str, simplified: str
    ) -> None:
        found = {h.record.id for h in dataset.search(simplified, limit=None)}
        assert found
        assert {h.record.id for h in dataset.search(traditional, limit=None)} == found

    @pytest.mark.parametrize(
        ("name", "entity"),
        [
            ("Apple Inc.", "apple"),
            ("Meta平臺", "meta"),
            ("U.S. Securities and Exchange Commission", "us-sec"),
            ("埃隆·馬斯克", "elon-musk"),
            ("Herbert A. Simon", "herbert-simon"),
            ("us-federal-government", "us-federal-government"),
        ],
    )
    def test_a_name_with_punctuation_or_mixed_scripts_is_the_entity(
        self, dataset: aiforecasts.Dataset, name: str, entity: str
    ) -> None:
        found = {h.record.id for h in dataset.search(name, limit=None)}
        assert entity in found
        if dataset.companies.get(entity) is not None:
            referring = set(dataset.predictions.mentioning(entity).ids())
        else:
            referring = set(dataset.predictions.by(entity).ids())
        assert referring <= found, referring - found

    def test_a_match_at_the_end_of_a_long_text_stays_in_its_snippet(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        hit = next(
            h
            for h in dataset.search("US", limit=None)
            if h.record.id == "top20-ai-researchers-origin-china"
        )
        assert hit.snippet.endswith("the US.")

    def test_the_snippet_finds_the_match_where_folding_changes_the_length(self) -> None:
        text = "記憶體市場很大，" * 12 + "輝達推出新的HBM晶片。" + "後續" * 30
        assert "HBM" in snippet([(6, text)], ["hbm"])[1]

    def test_the_matching_text_is_a_note_not_the_id(self, dataset: aiforecasts.Dataset) -> None:
        hit = next(
            h
            for h in dataset.search("2024", limit=None)
            if h.record.id == "ai-deployment-focus-2024"
        )
        assert hit.text != hit.record.id

    def test_a_filtered_collection_uses_the_datasets_index(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        in_2024 = dataset.predictions.in_year(2024)
        in_2024.search("chips")
        assert "search" not in in_2024._store._tables  # no index of its own


class TestWords:
    def test_a_word_is_whole_or_a_beginning(self, dataset: aiforecasts.Dataset) -> None:
        assert "openai" not in dataset.companies.search("pen").ids()  # not inside "OpenAI"
        assert "openai" in dataset.companies.search("open").ids()  # its beginning
        assert "openai" not in dataset.companies.search("nai").ids()
        assert "anthropic" in dataset.companies.search("anthrop").ids()
        assert "nvidia" not in dataset.companies.search("nv").ids()  # short: whole words only

    def test_open_source_does_not_find_openai_funding(self, dataset: aiforecasts.Dataset) -> None:
        ids = [hit.record.id for hit in dataset.search("open source", limit=None)]
        assert "openai-microsoft-10b-2023" not in ids

    def test_every_part_matches(self, dataset: aiforecasts.Dataset) -> None:
        hits = dataset.search("closed models performance", limit=None)
        assert hits
        for hit in hits:
            kind = KIND_OF[type(hit.record)]
            words = {w for _, text in fields_of(kind, hit.record) for w in _words(text)}
            for part in ("closed", "models", "performance"):
                assert any(w.startswith(part) for w in words), (hit.record.id, part)

    def test_whole_words_rank_above_beginnings(self, dataset: aiforecasts.Dataset) -> None:
        hits = dataset.search("model", limit=None)
        whole = [h.score for h in hits if "model" in _words(h.text)]
        begun = [h.score for h in hits if "model" not in _words(h.text)]
        assert whole
        assert begun
        assert min(whole) >= 4 > max(begun) // 2 or max(whole) > max(begun)

    def test_ranked_best_first(self, dataset: aiforecasts.Dataset) -> None:
        hits = dataset.search("Stability AI", limit=None)
        assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
        assert hits[0].record.id == "stability-ai"

    def test_names_and_statements_rank_above_notes_and_excerpts(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        hits = dataset.search("Humane", limit=None)
        by_id = {h.record.id: h.score for h in hits}
        assert by_id["humane"] > by_id["humane-ai-pin-delivery-march-2024"]
        in_statement = by_id["humane-ai-pin-delivery-march-2024"]
        assert all(score < in_statement for id_, score in by_id.items() if "humane" not in id_)


class TestSnippets:
    def test_the_snippet_shows_the_words(self, dataset: aiforecasts.Dataset) -> None:
        for query in ("Humane", "open source", "智商税", "chip war"):
            for hit in dataset.search(query, limit=5):
                assert hit.snippet
                assert len(hit.snippet) <= 90  # about 80, plus ellipses
                assert fold(hit.snippet) in fold(" ".join(hit.text.split())) or "…" in hit.snippet

    def test_the_matching_text_is_not_the_id(self, dataset: aiforecasts.Dataset) -> None:
        hit = next(h for h in dataset.search("open source", limit=None) if "-" in h.record.id)
        assert hit.text != hit.record.id
        assert re.search("open", hit.snippet, re.IGNORECASE)

    def test_cut_around_the_match(self) -> None:
        text = "word " * 40 + "needle " + "word " * 40
        _, cut = snippet([(6, text)], ["needle"])
        assert "needle" in cut
        assert cut.startswith("…")
        assert cut.endswith("…")

    def test_chinese_match_in_traditional_text(self) -> None:
        text = "前言" * 30 + "英偉達的晶片" + "後記" * 30
        _, cut = snippet([(4, text)], [fold("輝達")])
        assert "英偉達" in cut


def _words(text: str) -> set[str]:
    return {word for cjk, word in units(fold(text)) if not cjk}


class TestBadQueries:
    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "!!!",
            "、。?",
            "\x00\x1b[31m",
            "\ud800",
            "a\udfffb",
            "x" * 10_000,
            "英" * 10_000,
        ],
    )
    def test_clean_results(self, dataset: aiforecasts.Dataset, query: str) -> None:
        hits = dataset.search(query)
        assert isinstance(hits, list)
        found = dataset.predictions.search(query)
        assert all(isinstance(p, aiforecasts.Prediction) for p in found)
        if not fold(query).strip(" !、。?\x00\x1b[31m"):
            assert hits == []

    def test_many_words(self, dataset: aiforecasts.Dataset) -> None:
        query = " ".join(["nvidia"] * 20_000)  # one part, looked up once
        assert dataset.search(query, limit=1)[0].record.id == "nvidia"
        assert dataset.search("的" * 100_000) == []

    @settings(max_examples=60, deadline=None)
    @given(st.text(max_size=40))
    def test_any_text_is_a_query(self, query: str) -> None:
        dataset = aiforecasts.load()
        for hit in dataset.search(query, limit=3):
            assert hit.score > 0


class TestCollections:
    @pytest.mark.parametrize("query", [q for _, q, _ in RELEVANCE] + ["model", "2024 芯片"])
    def test_filter_and_ranking_agree(self, dataset: aiforecasts.Dataset, query: str) -> None:
        """`Collection.search` (sets of positions) and `Dataset.search` (scores) find the same."""
        ranked = {(type(h.record), h.record.id) for h in dataset.search(query, limit=None)}
        for kind in ("companies", "people", "predictions", "debates", "statistics"):
            collection = getattr(dataset, kind)
            found = {(type(r), r.id) for r in collection.search(query)}
            assert found == {pair for pair in ranked if pair[0] is collection[0].__class__}

    def test_a_filtered_collection_searches_its_own_records(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        in_2024 = dataset.predictions.in_year(2024)
        assert in_2024.search("Nvidia").ids() == tuple(
            id_ for id_ in dataset.predictions.search("Nvidia").ids() if id_ in in_2024.ids()
        )

    def test_a_collection_of_its_own_matches_words_only(self) -> None:
        records = aiforecasts.load().predictions
        alone = aiforecasts.Collection(list(records))
        with pytest.raises(TypeError, match="kind of records"):
            alone.search("Nvidia")
