"""Exports, reading them back, schemas, the data package, migrations and strict errors."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._codec.json import to_builtins
from aiforecasts._model.checks import older_layout
from aiforecasts._model.kinds import KIND_NAMED

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def exported(dataset: aiforecasts.Dataset) -> dict[str, str]:
    return {"json": aiforecasts.to_json(dataset), "jsonl": aiforecasts.to_jsonl(dataset)}


class TestRoundTrip:
    @pytest.mark.parametrize("form", ["json", "jsonl"])
    def test_exact(self, dataset: aiforecasts.Dataset, exported: dict[str, str], form: str) -> None:
        back = aiforecasts.loads(exported[form])
        assert back == dataset
        assert back.dataset_version == dataset.dataset_version
        for name in KIND_NAMED:
            assert list(back.collections()[name]) == list(dataset.collections()[name])

    def test_bytes_are_stable(self, dataset: aiforecasts.Dataset, exported: dict[str, str]) -> None:
        assert aiforecasts.to_json(dataset) == exported["json"]
        assert aiforecasts.to_jsonl(dataset) == exported["jsonl"]
        assert aiforecasts.to_csv(dataset) == aiforecasts.to_csv(dataset)
        # A round trip changes no byte either.
        assert aiforecasts.to_json(aiforecasts.loads(exported["json"])) == exported["json"]

    def test_every_export_carries_both_versions(self, exported: dict[str, str]) -> None:
        document = json.loads(exported["json"])
        assert document["schema_version"] == aiforecasts.SCHEMA_VERSION
        assert document["dataset_version"]
        lines = [json.loads(line) for line in exported["jsonl"].splitlines()]
        keys = {"dataset_version", "id", "kind", "record", "records", "schema_version"}
        for line in lines:  # every line of the same shape: line tools see one table
            assert set(line) == keys
            assert line["records"] == len(lines)
            assert line["schema_version"] == aiforecasts.SCHEMA_VERSION
            assert line["dataset_version"] == document["dataset_version"]
            assert line["id"] == line["record"]["id"]
        for table in aiforecasts.to_csv(aiforecasts.load()).values():
            assert table.splitlines()[0].endswith("dataset_version,schema_version")

    def test_one_record_and_one_collection(self, dataset: aiforecasts.Dataset) -> None:
        nvidia = dataset.companies.lookup("Nvidia")
        alone = aiforecasts.loads(aiforecasts.to_json(nvidia), check_references=False)
        assert list(alone.companies) == [nvidia]
        partial = aiforecasts.to_json(dataset.predictions)
        with pytest.raises(DataError, match="unknown id"):
            aiforecasts.loads(partial)
        assert list(aiforecasts.loads(partial, check_references=False).predictions) == list(
            dataset.predictions
        )

    def test_not_a_record(self) -> None:
        with pytest.raises(TypeError, match="not a record"):
            aiforecasts.to_json([1, 2])  # type: ignore[list-item]


class TestSchemas:
    def test_export_matches_the_generated_schema(self, exported: dict[str, str]) -> None:
        validator = jsonschema.Draft202012Validator(aiforecasts.json_schema())
        validator.validate(json.loads(exported["json"]))

    def test_every_line_and_bundled_record_matches_its_kind(self, exported: dict[str, str]) -> None:
        validators = {
            name: jsonschema.Draft202012Validator(aiforecasts.json_schema(name))
            for name in KIND_NAMED
        }
        for line in exported["jsonl"].splitlines():
            item = json.loads(line)
            validators[item["kind"]].validate(item["record"])
        data = Path(aiforecasts.__file__).parent / "data"
        for name in KIND_NAMED:
            for record in json.loads((data / f"{name}.json").read_text("utf-8"))["records"]:
                validators[name].validate(record)

    def test_the_schema_refuses_what_the_loader_refuses(self) -> None:
        validator = jsonschema.Draft202012Validator(aiforecasts.json_schema("companies"))
        company = json.loads(aiforecasts.to_json(aiforecasts.load().companies[0]))
        record = company["records"]["companies"][0]
        assert not list(validator.iter_errors(record))
        assert list(validator.iter_errors({**record, "surprise": 1}))
        assert list(validator.iter_errors({**record, "kind": "bank"}))
        assert list(validator.iter_errors({**record, "id": "Not A Slug"}))
        assert list(validator.iter_errors({**record, "added_in": 1}))


def test_datapackage_validates_with_frictionless(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    frictionless = pytest.importorskip("frictionless")
    folder = aiforecasts.write(dataset, tmp_path / "package", format="datapackage")
    descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert {r["name"] for r in descriptor["resources"]} == {k.replace("_", "-") for k in KIND_NAMED}
    predictions = next(r for r in descriptor["resources"] if r["name"] == "predictions")
    assert predictions["schema"]["primaryKey"] == "id"
    assert {"fields": "source", "reference": {"resource": "sources", "fields": "id"}} in (
        predictions["schema"]["foreignKeys"]
    )
    assert len(descriptor["sources"]) == len(dataset.sources)
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


class TestWrite:
    def test_never_overwrites_silently(self, dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
        target = tmp_path / "export.json"
        target.write_text("precious", encoding="utf-8")
        with pytest.raises(FileExistsError):
            aiforecasts.write(dataset, target)
        assert target.read_text(encoding="utf-8") == "precious"
        aiforecasts.write(dataset, target, overwrite=True)
        assert aiforecasts.load_path(target) == dataset

    def test_folder_formats_refuse_a_non_empty_folder(
        self, dataset: aiforecasts.Dataset, tmp_path: Path
    ) -> None:
        (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
        with pytest.raises(FileExistsError):
            aiforecasts.write(dataset, tmp_path, format="csv")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]

    def test_jsonl_file(self, dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
        path = aiforecasts.write(dataset.debates, tmp_path / "d.jsonl", format="jsonl")
        back = aiforecasts.load_path(path, check_references=False)
        assert list(back.debates) == list(dataset.debates)
        assert not list(tmp_path.glob(".*"))  # no temporary file left behind

    def test_unknown_format(self, dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="format must be"):
            aiforecasts.write(dataset, tmp_path / "x", format="xml")  # type: ignore[arg-type]


class TestMigrations:
    def test_golden_files_of_every_schema_version(self) -> None:
        """Every schema version read to the same records (1: the bundled layout of 0.1.0.dev0)."""
        versions = sorted(int(p.stem.split("-")[1]) for p in GOLDEN.glob("schema-*.json"))
        assert versions == list(range(1, aiforecasts.SCHEMA_VERSION + 1))
        loaded = [
            aiforecasts.load_path(GOLDEN / f"schema-{v}.json", check_references=False)
            for v in versions
        ]
        # Schema 6 added whose forecast it is and what would settle it: files before it
        # read without them, and match the current file in everything else.  Schema 7
        # (every target, contradictions) reads a schema-6 file to the same records.
        before_6 = loaded[versions.index(5)]
        assert all(dataset == before_6 for dataset in loaded[: versions.index(6)])
        assert all(dataset == loaded[-1] for dataset in loaded[versions.index(6) :])
        newest = loaded[-1]
        assert all(p.voice is not None and p.criterion is not None for p in newest.predictions)
        with older_layout():
            without = [
                attrs.evolve(p, voice=None, criterion=None, unsettleable=None)
                for p in newest.predictions
            ]
        assert without == list(before_6.predictions)
        assert attrs.evolve(newest, predictions=before_6.predictions) == before_6
        statistics = loaded[0].statistics
        assert any(s.money is not None for s in statistics)
        assert any(s.value is not None for s in statistics)
        assert all(s.added_in == "2026.1" for s in statistics)

    def test_schema_6_target_becomes_the_one_item_of_targets(
        self, dataset: aiforecasts.Dataset
    ) -> None:
        document = json.loads((GOLDEN / "schema-6.json").read_text("utf-8"))
        guizhou = dataset.predictions.get("guizhou-2024-compute-targets")
        assert guizhou is not None
        assert len(guizhou.targets) == 2
        target = to_builtins(guizhou)["targets"][1]
        first, second = document["records"]["predictions"]
        first["target"] = target
        second["target"] = None
        back = aiforecasts.loads(json.dumps(document), check_references=False)
        assert [len(p.targets) for p in back.predictions] == [1, 0]
        assert back.predictions[0].target == guizhou.targets[1]
        assert back.predictions[1].target is None
        assert "target" not in to_builtins(back.predictions[0])

    def test_current_golden_file_is_what_we_write(self) -> None:
        text = (GOLDEN / f"schema-{aiforecasts.SCHEMA_VERSION}.json").read_text("utf-8")
        back = aiforecasts.loads(text, check_references=False)
        assert aiforecasts.to_json(back, indent=2) == text

    def test_newer_version_is_refused(self) -> None:
        document = json.loads((GOLDEN / "schema-2.json").read_text("utf-8"))
        document["schema_version"] = aiforecasts.SCHEMA_VERSION + 1
        with pytest.raises(DataError, match="newer than this package reads"):
            aiforecasts.loads(json.dumps(document), check_references=False)


class TestDiff:
    def test_added_removed_changed(self, dataset: aiforecasts.Dataset) -> None:
        document = json.loads(aiforecasts.to_json(dataset))
        predictions = document["records"]["predictions"]
        everything = json.dumps(document["records"])
        # A prediction no other record refers to but its resolution (its id occurs twice).
        index = next(i for i, p in enumerate(predictions) if everything.count(f'"{p["id"]}"') == 2)
        removed = predictions.pop(index)
        resolutions = document["records"]["resolutions"]
        (judged,) = (r for r in resolutions if r["prediction"] == removed["id"])
        resolutions.remove(judged)
        predictions[0]["statement"] = "Changed."
        predictions[0]["hedge"] = "possible" if predictions[0]["hedge"] != "possible" else "likely"
        statistic = dict(document["records"]["statistics"][0], id="a-new-figure")
        document["records"]["statistics"].append(statistic)
        new = aiforecasts.loads(json.dumps(document))
        difference = aiforecasts.diff(dataset, new)
        assert [r.id for r in difference.removed] == [removed["id"], judged["id"]]
        assert [r.id for r in difference.added] == ["a-new-figure"]
        assert [(c.new.id, c.fields) for c in difference.changed] == [
            (predictions[0]["id"], ("statement", "hedge"))
        ]
        assert difference.retired == ()
        assert difference
        assert not aiforecasts.diff(dataset, dataset)


def problems_of(data: bytes | str) -> list[str]:
    with pytest.raises(DataError) as info:
        aiforecasts.loads(data)
    assert isinstance(info.value, ValueError)
    return [str(problem) for problem in info.value.problems]


def mutated(exported: str, change: Any) -> str:
    document = json.loads(exported)
    change(document)
    return json.dumps(document, ensure_ascii=False)


class TestStrictLoading:
    def test_invalid_utf8(self, exported: dict[str, str]) -> None:
        blob = exported["json"].encode("utf-8")
        # Byte 100 is inside the first kind's records: the problem names that part.
        found = problems_of(blob[:100] + b"\xff" + blob[100:])
        assert found == ["export: companies: not UTF-8: invalid start byte at byte 49"]

    def test_truncated(self, exported: dict[str, str]) -> None:
        assert problems_of(exported["json"][:-50])[0].startswith("export: $: not valid JSON")
        jsonl = exported["jsonl"]
        assert problems_of(jsonl[: len(jsonl) // 2])[0].startswith("export: line ")

    def test_nan_and_infinity(self, exported: dict[str, str]) -> None:
        text = exported["json"].replace('"amount":"50000000"', '"amount":NaN', 1)
        assert "NaN is not valid JSON" in problems_of(text)[0]
        text = exported["json"].replace('"amount":"50000000"', '"amount":Infinity', 1)
        assert "Infinity is not valid JSON" in problems_of(text)[0]

    def test_negative_amount(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["records"]["funding_rounds"][2]["amount"]["amount"] = "-50000000"

        # attrs validators run in the value's __init__: the path names the value.
        assert problems_of(mutated(exported["json"], change)) == [
            (
                "export: funding_rounds[2].amount (stability-ai-intel-50m-2023): "
                "amount must not be negative, not -50000000"
            )
        ]

    def test_unknown_currency(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["records"]["funding_rounds"][2]["amount"]["currency"] = "XBT"

        assert problems_of(mutated(exported["json"], change)) == [
            (
                "export: funding_rounds[2].amount.currency (stability-ai-intel-50m-2023): 'XBT' is "
                "not a valid Currency (one of: USD, CNY, EUR, GBP, JPY, HKD, TWD)"
            )
        ]

    def test_dangling_reference(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["records"]["predictions"][0]["companies"] = ["no-such-company"]

        found = problems_of(mutated(exported["json"], change))
        assert found == [
            (
                "export: predictions[0].companies[0] (nvidia-gpu-cloud-2024): unknown id "
                "'no-such-company' "
                "(expected one of companies)"
            )
        ]

    def test_duplicate_ids(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["records"]["people"][1]["id"] = d["records"]["companies"][0]["id"]

        found = problems_of(mutated(exported["json"], change))
        # One reading lists both: the duplicate, and every reference to the id that is gone.
        debates = [d["id"] for d in json.loads(exported["json"])["records"]["debates"]]
        references = exported["json"].count('"sam-altman"') - 1  # all but the person's own id
        assert found[0] == "export: people[1].id: duplicate id 'nvidia' (also companies[0])"
        assert len(found) == 1 + references
        assert all("unknown id 'sam-altman'" in problem for problem in found[1:])
        assert (
            f"export: debates[{debates.index('ai-scaling-wall')}].positions[2].speaker "
            "(ai-scaling-wall): unknown id 'sam-altman' (expected one of people)"
        ) in found

    def test_unknown_fields_everywhere(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["extra"] = 1
            d["records"]["gossip"] = []
            d["records"]["sources"][0]["excerpts"][0]["page"] = 4

        assert problems_of(mutated(exported["json"], change)) == [
            "export: extra: unknown key",
            "export: records.gossip: unknown kind of record",
            "export: sources[0].excerpts[0] (ten-ai-predictions-2024): extra fields found (page)",
        ]

    def test_wrong_types_and_missing_fields(self, exported: dict[str, str]) -> None:
        def change(d: Any) -> None:
            d["records"]["predictions"][0]["number"] = "one"
            d["records"]["predictions"][1]["horizon"] = {"start": "2024-13-01"}
            del d["records"]["companies"][0]["name"]

        found = problems_of(mutated(exported["json"], change))
        assert (
            "export: predictions[0].number (nvidia-gpu-cloud-2024): expected an integer, "
            "not str 'one'"
        ) in found
        assert (
            "export: predictions[1].horizon.start (nvidia-own-data-centers-2024): "
            "invalid date '2024-13-01'"
        ) in found
        assert "export: companies[0].name (nvidia): required field missing" in found

    def test_decimal_numbers_are_refused(self, exported: dict[str, str]) -> None:
        text = exported["json"].replace('"amount":"50000000"', '"amount":50000000.0', 1)
        assert problems_of(text) == [
            (
                "export: funding_rounds[2].amount.amount (stability-ai-intel-50m-2023): "
                "expected a decimal string, "
                "not float 50000000.0"
            )
        ]

    def test_newer_schema_version(self, exported: dict[str, str]) -> None:
        header = (
            exported["jsonl"]
            .splitlines()[0]
            .replace(f'"schema_version":{aiforecasts.SCHEMA_VERSION}', '"schema_version":9')
        )
        text = "\n".join([header, *exported["jsonl"].splitlines()[1:]])
        assert problems_of(text) == [
            (
                "export: line 1.schema_version: schema version 9 is newer than this package "
                f"reads ({aiforecasts.SCHEMA_VERSION}); "
                "upgrade aiforecasts"
            )
        ]

    def test_jsonl_line_problems_name_their_line(self, exported: dict[str, str]) -> None:
        lines = exported["jsonl"].splitlines()
        lines[3] = lines[3].replace('"kind":"sources"', '"kind":"rumours"')
        assert problems_of("\n".join(lines)) == [
            "export: line 4.kind: unknown kind of record 'rumours'"
        ]

    @pytest.mark.slow
    def test_fifty_megabytes(self, dataset: aiforecasts.Dataset) -> None:
        """A 50 MB export loads (all of it), and a 50 MB broken one fails cleanly."""
        document = json.loads(aiforecasts.to_json(dataset))
        predictions = document["records"]["predictions"]
        base = list(predictions)
        copies = 0
        while len(json.dumps(document, ensure_ascii=False).encode()) < 50_000_000:
            for _ in range(30):
                copies += 1
                predictions.extend(
                    dict(p, id=f"{p['id']}-copy-{copies}", same_claim=[], contradicts=[])
                    for p in base
                )
        blob = json.dumps(document, ensure_ascii=False).encode()
        assert len(blob) >= 50_000_000
        big = aiforecasts.loads(blob)
        assert big.predictions.count() == len(predictions)
        cut = len(blob) - 1000
        while blob[cut] & 0xC0 == 0x80:  # not inside a character: the text is cut, not garbled
            cut -= 1
        found = problems_of(blob[:cut])
        assert len(found) == 1
        assert found[0].startswith("export: $: not valid JSON")


class TestReviewFindings:
    """Inputs a fresh review found mishandled; each must now be refused or handled."""

    def _export(self) -> dict[str, Any]:
        document: dict[str, Any] = json.loads(aiforecasts.to_json(aiforecasts.load()))
        return document

    @pytest.mark.parametrize("value", ["Nvidia", {"a": 1}])
    def test_lists_only_where_lists_belong(self, value: object) -> None:
        document = self._export()
        document["records"]["companies"][0]["aliases"] = value
        found = problems_of(json.dumps(document))
        assert found == [
            (
                "export: companies[0].aliases (nvidia): expected a list, not "
                f"{type(value).__name__} {value!r}"
            )
        ]

    def test_repeated_topics_are_one_topic(self) -> None:
        document = self._export()
        document["records"]["predictions"][0]["topics"] = ["chips", "chips"]
        back = aiforecasts.loads(json.dumps(document))
        assert back.predictions[0].topics == frozenset({aiforecasts.Topic.CHIPS})

    def test_a_json_export_mentioning_the_package_name(self) -> None:
        nvidia = aiforecasts.load().companies.get("nvidia")
        assert nvidia is not None
        text = aiforecasts.to_json(
            attrs.evolve(nvidia, note="aiforecasts"), dataset_version="aiforecasts"
        )
        back = aiforecasts.loads(text, check_references=False)
        assert list(back.companies) == [attrs.evolve(nvidia, note="aiforecasts")]

    def test_deep_nesting(self) -> None:
        assert "nested deeper than 64 levels" in problems_of(b"[" * 100_000)[0]

    def test_jsonl_kind_that_is_not_a_string(self, exported: dict[str, str]) -> None:
        lines = exported["jsonl"].splitlines()
        line = json.loads(lines[1])
        line["kind"] = ["x"]
        lines[1] = json.dumps(line)
        assert problems_of("\n".join(lines)) == [
            "export: line 2.kind: unknown kind of record ['x']"
        ]

    def test_jsonl_line_with_more_keys(self, exported: dict[str, str]) -> None:
        lines = exported["jsonl"].splitlines()
        lines[0] = lines[0][:-1] + ',"junk":1}'
        assert problems_of("\n".join(lines)) == ["export: line 1.junk: unknown key"]

    def test_jsonl_line_whose_id_is_not_its_records(self, exported: dict[str, str]) -> None:
        lines = exported["jsonl"].splitlines()
        line = json.loads(lines[5])
        line["id"] = "someone-else"
        lines[5] = json.dumps(line, ensure_ascii=False)
        (problem,) = problems_of("\n".join(lines))
        assert problem.startswith("export: line 6.id: the line says id 'someone-else'")

    def test_jsonl_lines_of_several_versions(self, exported: dict[str, str]) -> None:
        lines = exported["jsonl"].splitlines()
        lines[7] = lines[7].replace('"dataset_version":"', '"dataset_version":"1', 1)
        (problem,) = problems_of("\n".join(lines))
        assert "lines of several versions" in problem

    def test_jsonl_of_the_old_layout_still_reads(self) -> None:
        """Exports of schema 5 and before began with a header line: they read as they did."""
        old = (GOLDEN / "schema-5-header.jsonl").read_text("utf-8")
        assert old.startswith('{"aiforecasts":')
        back = aiforecasts.loads(old, check_references=False)
        assert back == aiforecasts.load_path(GOLDEN / "schema-5.json", check_references=False)
        # Its predictions lack what schema 6 requires: written as schema 6 they could not be
        # read back, so they are not written.
        with pytest.raises(
            ValueError, match=r"predictions\[0\] \(nvidia-gpu-cloud-2024\) .* voice"
        ):
            aiforecasts.to_jsonl(back)
        current = aiforecasts.load_path(GOLDEN / "schema-6.json", check_references=False)
        assert aiforecasts.loads(aiforecasts.to_jsonl(current), check_references=False) == current

    @pytest.mark.parametrize("data", ["\ud800", '{"x": "\\ud800"}', b'{"x": "\\udc00"}'])
    def test_lone_surrogates(self, data: str | bytes) -> None:
        assert problems_of(data)

    def test_surrogate_pairs_are_fine(self) -> None:
        nvidia = aiforecasts.load().companies.get("nvidia")
        assert nvidia is not None
        text = aiforecasts.to_json(attrs.evolve(nvidia, note="😀"))
        escaped = text.replace("😀", "\\ud83d\\ude00")
        back = aiforecasts.loads(escaped, check_references=False)
        assert back.companies[0].note == "😀"

    @pytest.mark.parametrize("value", ["Infinity", "NaN", "-Infinity"])
    def test_growth_must_be_finite(self, value: str) -> None:
        document = self._export()
        document["records"]["compute_trends"][0]["growth"]["value"] = value
        assert problems_of(json.dumps(document))

    @pytest.mark.parametrize("value", [5, 10**30, "1_000", " 7 ", "+5", "5.", ".5"])
    def test_decimals_are_plain_strings(self, value: object) -> None:
        document = self._export()
        document["records"]["funding_rounds"][2]["amount"]["amount"] = value
        assert problems_of(json.dumps(document))

    def test_versions_must_not_be_empty(self) -> None:
        document = self._export()
        document["records"]["people"][0]["added_in"] = ""
        assert problems_of(json.dumps(document))

    def test_written_files_get_the_usual_mode(self, tmp_path: Path) -> None:
        umask = os.umask(0o022)
        try:
            path = aiforecasts.write(aiforecasts.load().sources, tmp_path / "s.json")
        finally:
            os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o644

    def test_a_package_from_a_generator(self, tmp_path: Path) -> None:
        folder = aiforecasts.write(
            (c for c in aiforecasts.load().companies), tmp_path / "p", format="datapackage"
        )
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert [r["name"] for r in descriptor["resources"]] == ["companies"]

    def test_dataset_version_can_be_set_for_a_dataset(self) -> None:
        text = aiforecasts.to_json(aiforecasts.load(), dataset_version="9.9")
        assert json.loads(text)["dataset_version"] == "9.9"
