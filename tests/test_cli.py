"""The installed ``aiforecasts`` console script, end to end, in subprocesses."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import aiforecasts
from aiforecasts._cli.terminal import fit, table, width
from aiforecasts._model.kinds import KINDS

SCRIPT = Path(sys.executable).with_name("aiforecasts")
SUBCOMMANDS = [
    "stats",
    "list",
    "show",
    "search",
    "funding",
    "export",
    "validate",
    "verify-sources",
    "topics",
    "outcomes",
    "scores",
    "data",
]


def run(*args: str | Path, check: int = 0) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT if SCRIPT.exists() else shutil.which("aiforecasts")), *map(str, args)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == check, (result.stdout, result.stderr)
    return result


def test_python_dash_m_is_the_same_command() -> None:
    ours = run("stats", "--json").stdout
    module = subprocess.run(
        [sys.executable, "-m", "aiforecasts", "stats", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert ours == module


def test_no_subcommand_shows_the_dataset() -> None:
    out = run().stdout
    assert "aiforecasts dataset" in out
    assert "--- predictions[0] ---" in out


def test_stats() -> None:
    data = json.loads(run("stats", "--json").stdout)
    dataset = aiforecasts.load()
    assert data["counts"] == dataset.counts()
    assert data["schema_version"] == aiforecasts.SCHEMA_VERSION
    assert data["dataset_version"] == dataset.dataset_version
    assert f"{sum(dataset.counts().values())} records in all" in run("stats").stdout


def test_help_lists_every_subcommand() -> None:
    """The top-level help (it broke on "95% interval" in a summary: argparse formats help)."""
    out = run("--help").stdout
    for command in SUBCOMMANDS:
        assert command in out
    assert "hit rate with a 95% interval" in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_help_on_every_subcommand_has_examples(command: str) -> None:
    out = run(command, "--help").stdout
    assert "examples:" in out
    assert f"aiforecasts {command}" in out


class TestList:
    def test_filters(self) -> None:
        data = json.loads(
            run("list", "predictions", "--company", "英偉達", "--year", "2024", "--json").stdout
        )
        expected = aiforecasts.load().predictions.mentioning("Nvidia").in_year(2024)
        assert [r["id"] for r in data] == [p.id for p in expected]
        people = json.loads(run("list", "debates", "--person", "李彦宏", "--json").stdout)
        assert {d["id"] for d in people} == {
            d.id for d in aiforecasts.load().debates.by("Robin Li")
        }

    def test_source_and_topic(self) -> None:
        data = json.loads(
            run("list", "statistics", "--source", "003_42aa6c5b11485348.txt", "--json").stdout
        )
        assert len(data) == aiforecasts.load().statistics.citing("refining-large-models").count()
        topics = json.loads(run("list", "debates", "--topic", "open_source", "--json").stdout)
        assert all("open_source" in d["topics"] for d in topics)

    def test_lines_fit_the_terminal(self) -> None:
        result = subprocess.run(
            [str(SCRIPT), "search", "开源"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "COLUMNS": "70"},
        )
        lines = result.stdout.splitlines()
        assert len(lines) > 5
        hits = aiforecasts.load().search("开源")
        ids = [hit.record.id for hit in hits]
        for line, id_ in zip(lines[2:], ids, strict=False):
            assert line.startswith(id_ + " ")  # ids are never cut
            # Other columns give way: a line is wider only by what the id itself needs.
            assert width(line) <= max(70, len(id_) + 2 + 8 + 2 + 1)

    def test_piped_output_is_not_cut(self) -> None:
        environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
        result = subprocess.run(
            [str(SCRIPT), "list", "predictions"],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        assert "…" not in result.stdout
        for prediction in aiforecasts.load().predictions:
            assert f"{prediction.id} " in result.stdout
            assert " ".join(prediction.statement.split()) in result.stdout

    def test_unknown_company_is_a_usage_error(self) -> None:
        assert (
            "no record called" in run("list", "predictions", "--company", "Nvidea", check=2).stderr
        )

    def test_bad_arguments(self) -> None:
        assert "usage:" in run("list", "gossip", check=2).stderr
        assert "usage:" in run("list", "predictions", "--year", "soon", check=2).stderr
        assert "usage:" in run("frobnicate", check=2).stderr


class TestShow:
    def test_record_with_excerpts_and_sources(self) -> None:
        out = run("show", "nvidia").stdout
        assert out.startswith("nvidia  (companies)")
        assert "英伟达" in out
        assert "000_d19b0fbece737a18.txt" in out

    def test_json(self) -> None:
        data = json.loads(run("show", "stability-ai-collapse-2024", "--json").stdout)
        assert data["kind"] == "predictions"
        assert data["record"]["id"] == "stability-ai-collapse-2024"

    def test_unknown_id_offers_close_matches(self) -> None:
        result = run("show", "nvida", check=2)
        assert "no record with id or name 'nvida'" in result.stderr
        assert "close matches: nvidia" in result.stderr


def test_search() -> None:
    data = json.loads(run("search", "智商稅", "--json").stdout)  # traditional 稅
    assert data[0]["id"] == "open-source-iq-tax"
    assert run("search", "zzzz no such words", check=1).stdout.strip().endswith("0 records")
    # words need no quotes; the table shows where each record matched, not its id
    data = json.loads(run("search", "輝達", "晶片", "--json").stdout)
    assert data[0]["id"] == "cloud-providers-chips-compete-with-nvidia"
    assert "Nvidia" in data[0]["snippet"]
    assert "where it matched" in run("search", "輝達", "晶片").stdout
    run("search", "!!!", check=1)


class TestExport:
    def test_formats_and_no_overwrite(self, tmp_path: Path) -> None:
        target = tmp_path / "all.json"
        run("export", "--format", "json", "--output", target)
        assert aiforecasts.load_path(target) == aiforecasts.load()
        before = target.read_bytes()
        assert "--force" in run("export", "--format", "json", "--output", target, check=1).stderr
        assert target.read_bytes() == before
        run("export", "--format", "jsonl", "--output", target, "--force")
        assert target.read_text("utf-8").startswith('{"dataset_version"')

    def test_folders(self, tmp_path: Path) -> None:
        run("export", "--format", "datapackage", "--output", tmp_path / "package")
        assert (tmp_path / "package" / "datapackage.json").is_file()
        run("export", "--format", "csv", "--output", tmp_path / "package", check=1)

    def test_other_os_errors_are_reported_not_raised(self, tmp_path: Path) -> None:
        result = run("export", "--format", "json", "--output", tmp_path, "--force", check=2)
        assert "cannot write" in result.stderr
        assert "Traceback" not in result.stderr

    def test_negative_limits_are_refused(self) -> None:
        assert "must not be negative" in run("list", "people", "--limit", "-1", check=2).stderr

    def test_format_is_required(self, tmp_path: Path) -> None:
        run("export", "--output", tmp_path / "x.json", check=2)


class TestValidate:
    def test_valid_and_partial(self, tmp_path: Path) -> None:
        path = aiforecasts.write(aiforecasts.load(), tmp_path / "ok.json")
        assert "valid, " in run("validate", path).stdout
        part = aiforecasts.write(
            aiforecasts.load().predictions, tmp_path / "part.jsonl", format="jsonl"
        )
        run("validate", part, check=1)
        run("validate", part, "--partial")

    def test_every_problem_with_its_path(self, tmp_path: Path) -> None:
        document = json.loads(aiforecasts.to_json(aiforecasts.load()))
        document["records"]["predictions"][0]["hedge"] = "perhaps"
        document["records"]["companies"][1]["kind"] = "bank"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        out = run("validate", path, check=1).stdout
        prediction = document["records"]["predictions"][0]["id"]
        company = document["records"]["companies"][1]["id"]
        # Each with its file and record, as docs/cli.md says.
        assert f"{path}: predictions[0].hedge ({prediction}): 'perhaps' is not a valid Hedge" in out
        assert f"{path}: companies[1].kind ({company}): 'bank' is not a valid OrgKind" in out
        problems = json.loads(run("validate", path, "--json", check=1).stdout)
        assert len(problems) == 2
        assert {(p["file"], p["record"]) for p in problems} == {
            (str(path), prediction),
            (str(path), company),
        }

    def test_missing_file(self, tmp_path: Path) -> None:
        run("validate", tmp_path / "nothing.json", check=2)


def test_verify_sources(seeds: Path, tmp_path: Path) -> None:
    assert run("verify-sources", seeds).stdout.strip().endswith("all match")
    assert json.loads(run("verify-sources", tmp_path, "--json", check=1).stdout)
    run("verify-sources", tmp_path / "absent", check=2)


def test_chinese_text_is_aligned() -> None:
    out = io.StringIO()
    table([["英伟达", "x"], ["Nvidia", "x"], ["黄仁勋 Jensen", "x"]], ["name", "y"], out)
    header, _rule, *rows = out.getvalue().splitlines()
    # Every row ends at the same terminal column: wide characters count twice.
    assert len({width(line) for line in [header, *rows]}) == 1
    assert rows[0].index("x") == header.index("y") - 3  # 英伟达: 3 characters, 6 columns


def test_fit_counts_wide_characters() -> None:
    assert width("英伟达") == 6
    assert width(fit("英伟达 Nvidia", 8)) == 8
    assert fit("abc", 5) == "abc  "


def test_list_filters_apply_only_where_they_mean_something() -> None:
    err = run("list", "companies", "--topic", "chips", check=2).stderr
    topical = ", ".join(kind.name for kind in KINDS if kind.has("topics"))
    assert f"--topic applies to {topical}, not companies" in err
    assert "--year applies to" in run("list", "people", "--year", "2024", check=2).stderr
    assert "expected a year" in run("list", "predictions", "--year", "9" * 30, check=2).stderr
    assert "no record called ''" in run("list", "predictions", "--company", "", check=2).stderr


def test_json_is_the_shape_of_the_exports() -> None:
    """show --json, list --json and to_json write a record the same way: every field present."""
    export = json.loads(aiforecasts.to_json(aiforecasts.load().funding_rounds))
    first = export["records"]["funding_rounds"][0]
    listed = json.loads(run("list", "funding_rounds", "--json", "--limit", "1").stdout)
    shown = json.loads(run("show", first["id"], "--json").stdout)
    assert listed == [first]
    assert shown == {"kind": "funding_rounds", "record": first}
    assert "round_name" in first  # a field left at its default is written too


class TestListingAndExportOptions:
    def test_topics(self) -> None:
        out = run("topics").stdout
        assert out.startswith("topic")
        assert "open_source" in out
        counts = json.loads(run("topics", "--json").stdout)
        dataset = aiforecasts.load()
        assert (
            counts["open_source"]["predictions"] == dataset.predictions.about("open_source").count()
        )

    def test_an_unknown_topic_lists_the_topics(self) -> None:
        error = run("list", "predictions", "--topic", "opensource", check=2).stderr
        assert "unknown topic 'opensource'" in error
        assert "open_source" in error

    def test_ended_before(self) -> None:
        listed = json.loads(
            run("list", "predictions", "--ended-before", "2024-06-30", "--json").stdout
        )
        expected = aiforecasts.load().predictions.ended_before("2024-06-30")
        assert [p["id"] for p in listed] == list(expected.ids())
        assert listed
        assert "applies to" in run("list", "companies", "--ended-before", "2024", check=2).stderr
        assert (
            "expected a date"
            in run("list", "predictions", "--ended-before", "soon", check=2).stderr
        )

    def test_export_indent(self, tmp_path: Path) -> None:
        target = tmp_path / "all.json"
        run("export", "--format", "json", "--indent", "2", "--output", target)
        text = target.read_text("utf-8")
        assert text.startswith('{\n  "dataset_version"')
        assert aiforecasts.load_path(target) == aiforecasts.load()
        assert (
            "--indent applies"
            in run(
                "export", "--format", "csv", "--indent", "2", "--output", tmp_path / "t", check=2
            ).stderr
        )

    def test_one_record_is_not_records(self) -> None:
        out = run("search", "Humane AI Pin", "--limit", "1").stdout
        assert out.rstrip().endswith("\n1 record")


class TestShowByName:
    def test_any_name_or_alias(self) -> None:
        assert run("show", "英偉達").stdout.startswith("nvidia  (companies)")
        assert run("show", "Robin Li").stdout.startswith("robin-li  (people)")

    def test_a_retired_id_shows_its_tombstone(self) -> None:
        out = run("show", "microsoft-water-liters").stdout
        assert out.startswith("microsoft-water-liters  (tombstones)")
        assert "microsoft-water-gallons" in out
        assert "excerpts" not in out


def test_funding_rounds_list_amount_investors_and_date() -> None:
    out = subprocess.run(
        [str(SCRIPT), "list", "funding_rounds"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "COLUMNS": "400"},
    ).stdout
    header = out.splitlines()[0].split()
    assert header == ["id", "when", "amount", "investors", "English"]
    line = next(line for line in out.splitlines() if line.startswith("anthropic-amazon-4b-2023 "))
    assert "up to USD 4,000,000,000" in line
    assert "amazon" in line
    assert "undisclosed" in out


def piped(*args: str, columns: int | None = None) -> str:
    """The command's output to a pipe: with no ``$COLUMNS``, or with the width given."""
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    if columns is not None:
        environment["COLUMNS"] = str(columns)
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=True, env=environment
    ).stdout


def labelled(out: str, label: str) -> list[str]:
    """The values of the lines labelled *label* (at any indent), in order."""
    found = []
    for line in out.splitlines():
        head, _, value = line.strip().partition("  ")
        if head == label:
            found.append(value.strip())
    return found


class TestShowReadable:
    """`show` prints each kind as labelled fields, never as a JSON dump."""

    @pytest.mark.parametrize(
        ("kind", "labels"),
        [
            ("sources", ["file", "published", "script", "SHA-256", "versions"]),
            ("companies", ["kind", "versions"]),
            ("people", ["versions"]),
            ("predictions", ["statement", "original", "made", "horizon", "hedge", "made by"]),
            ("funding_rounds", ["statement", "original", "company", "amount", "status"]),
            ("compute_trends", ["statement", "original", "metric", "growth", "normalised"]),
            ("debates", ["question", "original", "speaker", "stance", "English", "from"]),
            ("statistics", ["statement", "original", "figure"]),
            ("resolutions", ["prediction", "verdict", "as of", "rationale"]),
            ("tombstones", ["kind", "retired in", "reason"]),
        ],
    )
    def test_every_kind(self, kind: str, labels: list[str]) -> None:
        record = aiforecasts.load().collections()[kind][0]
        out = piped("show", record.id)
        assert out.startswith(f"{record.id}  ({kind})\n")
        assert '{"' not in out
        assert '["' not in out
        for label in labels:
            assert labelled(out, label), (label, out)

    def test_a_debate_has_one_block_per_position(self) -> None:
        dataset = aiforecasts.load()
        debate = dataset.debates.get("open-source-iq-tax")
        assert debate is not None
        out = piped("show", debate.id)
        assert labelled(out, "question") == [debate.question_en]
        assert labelled(out, "original")[0] == debate.question
        blocks = out.split("\n  position ")[1:]
        assert len(blocks) == len(debate.positions) > 1
        for number, (block, position) in enumerate(zip(blocks, debate.positions, strict=True), 1):
            assert block.startswith(f"{number} of {len(debate.positions)}\n")
            speaker = dataset.people.get(position.speaker or "")
            assert speaker is not None
            assert labelled(block, "speaker")[0].startswith(f"{speaker.name_en} [{speaker.id}]")
            assert labelled(block, "stance") == [position.stance.value]
            assert labelled(block, "English") == [" ".join(position.summary.split())]
            assert labelled(block, "original") == [position.excerpt.display]
            assert f"characters {position.excerpt.start}–{position.excerpt.end}" in block

    def test_a_speaker_without_a_record_is_named_as_the_document_does(self) -> None:
        out = piped("show", "open-vs-closed-models-2024")
        assert labelled(out, "speaker") == ["open-source advocates", "the column's authors"]
        assert labelled(out, "stance") == ["yes", "no"]

    def test_a_prediction(self) -> None:
        dataset = aiforecasts.load()
        prediction = dataset.predictions.get("ccid-china-compute-360-eflops-2026")
        resolution = dataset.resolution_of("ccid-china-compute-360-eflops-2026")
        assert prediction is not None
        assert prediction.horizon is not None
        assert resolution is not None
        out = piped("show", prediction.id)
        assert labelled(out, "statement") == [prediction.statement]
        assert labelled(out, "original") == [" … ".join(e.display for e in prediction.excerpts)]
        assert labelled(out, "horizon")[0].startswith(prediction.horizon.label)
        assert labelled(out, "hedge") == [prediction.hedge.value]
        assert labelled(out, "made by") == ["CCID Consulting [ccid-consulting]"]
        assert labelled(out, "verdict") == [
            f"not yet due, as of {resolution.as_of} [{resolution.id}]"
        ]
        assert labelled(out, "voice")[0].startswith("quoted")
        assert labelled(out, "came true if")[0].startswith("China's total computing capacity")
        assert labelled(out, "judges") == ["a: not yet due; b: not yet due"]
        for evidence in resolution.evidence:
            assert evidence.url in out
        assert "\nexcerpts\n" in out
        assert "001_6ee0e88a43b0cc62.txt, characters 2795–2836" in out

    def test_a_funding_round_a_trend_and_a_resolution(self) -> None:
        out = piped("show", "anthropic-amazon-4b-2023")
        assert labelled(out, "amount") == ["up to USD 4,000,000,000"]
        assert labelled(out, "company") == ["Anthropic [anthropic]"]
        assert labelled(out, "investors")[0].startswith("Amazon [amazon], ")
        trend = piped("show", "training-compute-doubling-deep-learning")
        assert labelled(trend, "growth") == ["doubling time 5.6 months"]
        assert labelled(trend, "normalised")[0].startswith(
            "4.42x a year, doubling every 5.6 months"
        )
        resolution = piped("show", "outcome-microsoft-capex-64b-2025")
        record = aiforecasts.load().resolutions.get("outcome-microsoft-capex-64b-2025")
        assert record is not None
        assert labelled(resolution, "verdict") == ["came true"]
        assert labelled(resolution, "as of") == [str(record.as_of)]
        assert labelled(resolution, "publisher") == [e.publisher for e in record.evidence]
        assert labelled(resolution, "kind") == [e.publisher_kind.value for e in record.evidence]  # type: ignore[union-attr]
        assert labelled(resolution, "URL") == [e.url for e in record.evidence]
        assert labelled(resolution, "quote")[0] == f"“{record.evidence[0].quote}”"
        assert "judge a (blind judgement): came true" in resolution
        assert "judge b (blind judgement): came true" in resolution

    def test_piped_output_is_neither_cut_nor_wrapped(self) -> None:
        debate = aiforecasts.load().debates.get("open-source-iq-tax")
        assert debate is not None
        out = piped("show", debate.id)
        lines = out.splitlines()
        assert max(width(line) for line in lines) > 200
        for position in debate.positions:
            assert any(line.endswith(" ".join(position.summary.split())) for line in lines)

    def test_text_is_wrapped_to_the_width(self) -> None:
        debate = aiforecasts.load().debates.get("open-source-iq-tax")
        assert debate is not None
        out = piped("show", debate.id, columns=60)
        assert max(width(line) for line in out.splitlines()) <= 60
        flowing = " ".join(out.split())
        for position in debate.positions:  # every word is there, in order
            assert " ".join(position.summary.split()) in flowing


class TestFunding:
    def test_largest_disclosed_first_undisclosed_last(self) -> None:
        out = piped("funding", "--by", "investor")
        header, _rule, *rest = out.split("\n\n")[0].splitlines()
        assert header.split() == ["investor", "name", "not", "summed", "total"]
        totals = aiforecasts.load().funding_totals(by="investor")
        assert [row.split()[0] for row in rest] == list(totals)
        assert rest[0].startswith("microsoft  ")
        assert "Microsoft" in rest[0]
        assert rest[0].endswith("USD 10,000,000,000 to 11,300,000,000 (2 rounds)")
        undisclosed = [i for i, row in enumerate(rest) if "undisclosed (" in row]
        assert undisclosed
        assert undisclosed == list(range(len(rest) - len(undisclosed), len(rest)))
        assert rest[-1].endswith("undisclosed (8 rounds)")
        assert f"\n{len(rest)} investors; amounts in USD" in out

    def test_by_company(self) -> None:
        out = piped("funding")
        rows = out.split("\n\n")[0].splitlines()[2:]
        assert rows[0].startswith("openai  ")
        assert "  3 rounds  " in rows[0]  # not summed: totals and a raise in progress
        assert rows[-1].endswith("undisclosed (1 round)")
        assert any("  1 round  " in row for row in rows)

    def test_json(self) -> None:
        data = json.loads(run("funding", "--by", "investor", "--json").stdout)
        totals = aiforecasts.load().funding_totals(by="investor")
        assert [d["key"] for d in data] == list(totals)
        assert data[0]["name"] == "Microsoft"
        assert data[0]["text"] == str(totals["microsoft"])
        assert data[0]["high"] == "11300000000"
        assert data[-1]["undisclosed"] == list(totals["nvidia"].undisclosed)

    def test_unknown_choices_are_usage_errors(self) -> None:
        error = run("funding", "--by", "nonsense", check=2).stderr
        assert "invalid choice: 'nonsense'" in error
        assert re.search(r"choose from \W*company\W+investor\W*\)", error)
        error = run("funding", "--currency", "XYZ", check=2).stderr
        assert re.search(r"choose from \W*USD\W+CNY\W", error)


def test_one_record_is_not_records(tmp_path: Path) -> None:
    one = aiforecasts.load().companies.where(lambda c: c.id == "nvidia")
    path = aiforecasts.write(one, tmp_path / "one.jsonl", format="jsonl")
    assert ": valid, 1 record, dataset version" in run("validate", path, "--partial").stdout
