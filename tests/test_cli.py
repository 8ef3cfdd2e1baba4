"""The installed ``aiforecasts`` console script, end to end, in subprocesses."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import aiforecasts
from aiforecasts._cli import fit, table, width

SCRIPT = Path(sys.executable).with_name("aiforecasts")
SUBCOMMANDS = ["stats", "list", "show", "search", "export", "validate", "verify-sources"]


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
        assert "predictions[0].hedge: 'perhaps' is not a valid Hedge" in out
        assert "companies[1].kind: 'bank' is not a valid OrgKind" in out
        problems = json.loads(run("validate", path, "--json", check=1).stdout)
        assert len(problems) == 2

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
    assert "--topic applies to predictions, debates, statistics, not companies" in err
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
