from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._io import folder as _folder, load as _load
from aiforecasts._model.kinds import KIND_NAMED

if TYPE_CHECKING:
    from collections.abc import Callable

EXCERPT = {"display": "英伟达", "end": 3, "source": "doc", "start": 0, "text": "英伟达"}
V = {"added_in": "test", "changed_in": "test"}
SPAN = {"end": "2023-12-31", "label": "December 2023", "precision": "month", "start": "2023-12-01"}


def minimal() -> dict[str, Any]:
    """A small valid dataset, as the JSON values of the manifest and each kind file."""
    records: dict[str, list[dict[str, Any]]] = {name: [] for name in KIND_NAMED}
    records["sources"].append(
        {
            "excerpts": [EXCERPT],
            "file": "doc.txt",
            "id": "doc",
            "published": SPAN,
            "script": "zh-Hans",
            "sha256": "0" * 64,
            "title": "标题",
            "title_en": "Title",
            **V,
        }
    )
    records["companies"].append(
        {"excerpts": [EXCERPT], "id": "nvidia", "kind": "company", "name": "Nvidia", **V}
    )
    records["predictions"].append(
        {
            "companies": ["nvidia"],
            "excerpts": [EXCERPT],
            "hedge": "likely",
            "horizon": {**SPAN, "start": "2024-01-01", "end": "2024-12-31", "precision": "year"},
            "id": "p1",
            "made": SPAN,
            "source": "doc",
            "statement": "Nvidia will do something.",
            "voice": "own",
            "criterion": {"came_true": "Nvidia does it in 2024.", "did_not": "It does not."},
            **V,
        }
    )
    doc: dict[str, Any] = json.loads(
        json.dumps(
            {
                "manifest": {
                    "dataset_version": "test",
                    "schema_version": aiforecasts.SCHEMA_VERSION,
                },
                **{
                    name: {
                        "kind": name,
                        "records": rows,
                        "schema_version": aiforecasts.SCHEMA_VERSION,
                    }
                    for name, rows in records.items()
                },
            }
        )
    )
    return doc


def parse(doc: dict[str, Any]) -> aiforecasts.Dataset:
    files = {name: json.dumps(doc[name]).encode() for name in KIND_NAMED if name in doc}
    return _folder.parse(json.dumps(doc["manifest"]).encode(), files)


def problems(doc: dict[str, Any]) -> list[str]:
    with pytest.raises(DataError) as info:
        parse(doc)
    assert isinstance(info.value, ValueError)
    return [str(problem) for problem in info.value.problems]


def test_minimal_is_valid() -> None:
    dataset = parse(minimal())
    assert dataset.counts()["predictions"] == 1
    prediction = dataset.predictions[0]
    assert dataset.get("p1") is prediction
    assert dataset.companies.get("nvidia") is dataset.get("nvidia")
    assert prediction.horizon is not None
    assert prediction.horizon.start.year == 2024


class TestErrors:
    def test_bad_date_names_its_path(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["horizon"]["start"] = "2024-13-01"
        assert problems(doc) == [
            "predictions.json: predictions[0].horizon.start (p1): invalid date '2024-13-01'"
        ]

    def test_every_problem_is_reported(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["hedge"] = "perhaps"
        doc["predictions"]["records"][0]["made"]["end"] = 20231231
        del doc["companies"]["records"][0]["name"]
        doc["sources"]["records"][0]["surprise"] = 1
        assert sorted(problems(doc)) == [
            "companies.json: companies[0].name (nvidia): required field missing",
            (
                "predictions.json: predictions[0].hedge (p1): 'perhaps' is not a valid Hedge "
                "(one of: certain, likely, possible, conditional)"
            ),
            (
                "predictions.json: predictions[0].made.end (p1): expected a date 'YYYY-MM-DD', "
                "not 20231231"
            ),
            "sources.json: sources[0] (doc): extra fields found (surprise)",
        ]

    def test_invalid_utf8(self) -> None:
        files = {name: json.dumps(minimal()[name]).encode() for name in KIND_NAMED}
        files["companies"] = b'{"kind": "companies", "records": ["\xff"]}'
        with pytest.raises(DataError, match=r"companies.json: \$: not UTF-8"):
            _folder.parse(json.dumps(minimal()["manifest"]).encode(), files)

    def test_truncated_json(self) -> None:
        files = {name: json.dumps(minimal()[name]).encode() for name in KIND_NAMED}
        files["people"] = files["people"][:-3]
        with pytest.raises(DataError, match=r"people.json: \$: not valid JSON"):
            _folder.parse(json.dumps(minimal()["manifest"]).encode(), files)

    @pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
    def test_non_finite_constants(self, constant: str) -> None:
        files = {name: json.dumps(minimal()[name]).encode() for name in KIND_NAMED}
        files["statistics"] = f'{{"kind": "statistics", "records": [{constant}]}}'.encode()
        with pytest.raises(DataError, match=f"{constant} is not valid JSON"):
            _folder.parse(json.dumps(minimal()["manifest"]).encode(), files)

    def test_negative_amount(self) -> None:
        doc = minimal()
        doc["statistics"]["records"].append(
            {
                "excerpts": [EXCERPT],
                "id": "s1",
                "statement": "x",
                "money": {"amount": "-5", "currency": "USD"},
                **V,
            }
        )
        found = problems(doc)
        assert found
        assert all(p.startswith("statistics.json: statistics[0].money") for p in found), found

    def test_unknown_currency(self) -> None:
        doc = minimal()
        doc["statistics"]["records"].append(
            {
                "excerpts": [EXCERPT],
                "id": "s1",
                "statement": "x",
                "money": {"amount": "5", "currency": "XXX"},
                **V,
            }
        )
        assert problems(doc)

    def test_float_amount_is_refused(self) -> None:
        doc = minimal()
        doc["statistics"]["records"].append(
            {
                "excerpts": [EXCERPT],
                "id": "s1",
                "statement": "x",
                "value": {"value": 1.5, "unit": "percent"},
                **V,
            }
        )
        assert problems(doc)

    def test_dangling_reference(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["companies"] = ["nvidia", "nvidea"]
        assert problems(doc) == [
            (
                "predictions.json: predictions[0].companies[1] (p1): unknown id 'nvidea' "
                "(expected one of companies)"
            )
        ]

    def test_dangling_excerpt_source(self) -> None:
        doc = minimal()
        doc["companies"]["records"][0]["excerpts"][0] = {**EXCERPT, "source": "elsewhere"}
        assert problems(doc) == [
            (
                "companies.json: companies[0].excerpts[0].source (nvidia): unknown id 'elsewhere' "
                "(expected one of sources)"
            )
        ]

    def test_duplicate_ids_across_kinds(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["id"] = "nvidia"
        assert problems(doc) == [
            "predictions.json: predictions[0].id: duplicate id 'nvidia' (also companies[0])"
        ]

    def test_id_must_be_a_slug(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["id"] = "Nvidia Cloud"
        # The class refuses it (issue 23, M15), and says so once: the integrity check
        # leaves a record the class refused to it.
        found = problems(doc)
        assert found[0] == (
            "predictions.json: predictions[0].id (Nvidia Cloud): id must be an id "
            "(a lower-case slug), not 'Nvidia Cloud'"
        )
        assert sum("slug" in problem for problem in found) == 1

    def test_wrong_type(self) -> None:
        doc = minimal()
        doc["predictions"]["records"][0]["number"] = "1"
        assert problems(doc) == [
            "predictions.json: predictions[0].number (p1): expected an integer, not str '1'"
        ]

    def test_record_not_an_object(self) -> None:
        doc = minimal()
        doc["people"]["records"].append(["not", "a", "record"])
        assert problems(doc) == ["people.json: people[0]: expected an object, not a list"]

    def test_newer_schema_version(self) -> None:
        doc = minimal()
        doc["manifest"]["schema_version"] = 99
        found = problems(doc)
        assert found == [
            (
                "manifest.json: schema_version: schema version 99 is newer than this package "
                f"reads ({aiforecasts.SCHEMA_VERSION}); upgrade aiforecasts"
            )
        ]

    def test_foreign_file(self) -> None:
        doc = minimal()
        doc["people"] = {"type": "FeatureCollection", "features": []}
        found = problems(doc)
        assert "people.json: features: unknown key" in found
        assert "people.json: records: missing" in found

    def test_unknown_nested_field(self) -> None:
        doc = minimal()
        doc["companies"]["records"][0]["excerpts"][0]["page"] = 3
        assert problems(doc) == [
            "companies.json: companies[0].excerpts[0] (nvidia): extra fields found (page)"
        ]

    def test_unknown_field_in_a_union_member(self) -> None:
        doc = minimal()
        doc["statistics"]["records"].append(
            {
                "excerpts": [EXCERPT],
                "id": "s1",
                "statement": "x",
                "money": {"amount": "5", "currency": "USD", "per": "month"},
                **V,
            }
        )
        assert problems(doc)

    def test_wrong_kind(self) -> None:
        doc = minimal()
        doc["people"]["kind"] = "companies"
        assert problems(doc) == ["people.json: kind: expected 'people', not 'companies'"]

    def test_missing_file(self) -> None:
        doc = minimal()
        del doc["debates"]
        assert problems(doc) == ["debates.json: debates: file missing"]

    def test_excerpt_offsets_inconsistent(self) -> None:
        doc = minimal()
        doc["companies"]["records"][0]["excerpts"][0] = {**EXCERPT, "end": 5}
        found = problems(doc)
        assert len(found) == 1
        assert found[0].startswith("companies.json: companies[0].excerpts[0]")


class TestBundled:
    def test_cached(self) -> None:
        assert aiforecasts.load() is aiforecasts.load()

    def test_thread_safe_single_read(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """16 threads loading at once and reading a kind at once: the files are read once,
        each kind is decoded once, and every thread gets the same dataset and records."""
        reads: list[int] = []
        decoded: list[str] = []
        real_files, real_released = _load._package_files, _load._released

        def counting_files(names: list[str]) -> list[bytes]:
            reads.append(1)
            return real_files(names)

        def counting_released(kind: Any, blob: bytes, version: str) -> list[Any]:
            decoded.append(kind.name)
            return real_released(kind, blob, version)

        monkeypatch.setattr(_load, "_bundled", None)
        monkeypatch.setattr(_load, "_package_files", counting_files)
        monkeypatch.setattr(_load, "_released", counting_released)
        start = threading.Barrier(16)
        results: list[tuple[aiforecasts.Dataset, aiforecasts.Prediction]] = []

        def worker() -> None:
            start.wait()
            dataset = aiforecasts.load()
            results.append((dataset, dataset.predictions[0]))

        threads = [threading.Thread(target=worker) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(reads) == 1
        assert decoded == ["predictions"]
        assert len(results) == 16
        assert all(dataset is results[0][0] for dataset, _ in results)
        assert all(first is results[0][1] for _, first in results)

    def test_files_as_written_decode_each_kind_on_first_use(self) -> None:
        """The bundled files as `data fix` wrote them: a company lookup decodes the companies
        alone (no dates, so no pendulum); another kind is decoded when first used."""
        code = (
            "import sys, aiforecasts;"
            "ds = aiforecasts.load();"
            "assert ds.companies.lookup('英偉達').id == 'nvidia';"
            "stores = {k: c._store.decoded for k, c in ds.collections().items()};"
            "assert [k for k, done in stores.items() if done] == ['companies'], stores;"
            "assert 'pendulum' not in sys.modules;"
            "assert ds.predictions[0].horizon is None or ds.predictions[0].horizon.start.year;"
            "assert ds.predictions._store.decoded and 'pendulum' in sys.modules;"
            "assert ds.get('nvidia') is ds.companies.get('nvidia')"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_sums_are_of_the_files_and_those_pass_every_check(self) -> None:
        """What lets the bundled data skip the checks: SHA256SUMS holds the digest of every
        file as it is, and those bytes, read with every check, give the dataset `load` does."""
        folder = Path(aiforecasts.__file__).parent / "data"
        names = ["manifest.json", *(f"{name}.json" for name in KIND_NAMED)]
        files = {name: (folder / name).read_bytes() for name in names}
        assert (folder / _load.SUMS).read_text("utf-8") == _load.sums(files)
        kinds = {name: files[f"{name}.json"] for name in KIND_NAMED}
        checked = _folder.parse(files["manifest.json"], kinds)  # strict, references and rules
        assert checked == aiforecasts.load()
        assert checked.dataset_version == aiforecasts.load().dataset_version

    def test_changed_files_are_read_with_every_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bundled file changed after it was written (its digest no longer matches) is read
        with every check, at load: a dangling reference is named, nothing is kept."""
        real = _load._package_files

        def changed(names: list[str]) -> list[bytes]:
            blobs = real(names)
            at = names.index("predictions.json")
            blobs[at] = blobs[at].replace(b'"nvidia"', b'"nvidia-corp"', 1)
            return blobs

        monkeypatch.setattr(_load, "_bundled", None)
        monkeypatch.setattr(_load, "_package_files", changed)
        with pytest.raises(DataError) as caught:
            aiforecasts.load()
        assert [str(p) for p in caught.value.problems if "nvidia-corp" in str(p)]
        assert all(p.file == "predictions.json" for p in caught.value.problems)
        assert _load._bundled is None

    def test_without_sums_the_bundled_data_is_checked_in_full(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[int] = []
        real_parse, real_files = _folder.parse, _load._package_files

        def counting_parse(*args: Any, **kwargs: Any) -> aiforecasts.Dataset:
            calls.append(1)
            return real_parse(*args, **kwargs)

        def without_sums(names: list[str]) -> list[bytes]:
            return [*real_files(names)[:-1], b""]

        monkeypatch.setattr(_load, "_bundled", None)
        monkeypatch.setattr(_load, "parse", counting_parse)
        monkeypatch.setattr(_load, "_package_files", without_sums)
        dataset = aiforecasts.load()
        assert calls == [1]
        assert all(c._store.decoded for c in dataset.collections().values())

    @staticmethod
    def _forged(monkeypatch: pytest.MonkeyPatch, name: str, edit: Callable[[bytes], bytes]) -> None:
        """The bundled files with *name* edited and SHA256SUMS written to match (by hand, as
        ``sha256sum`` would: not by ``data fix``, which checks first)."""
        real = _load._package_files

        def forged(names: list[str]) -> list[bytes]:
            blobs = dict(zip(names, real(names), strict=True))
            blobs[name] = edit(blobs[name])
            blobs[_load.SUMS] = _load.sums(
                {n: b for n, b in blobs.items() if n != _load.SUMS}
            ).encode()
            return [blobs[n] for n in names]

        monkeypatch.setattr(_load, "_bundled", None)
        monkeypatch.setattr(_load, "_package_files", forged)

    def test_a_kind_file_the_fast_engine_refuses_is_a_data_error_at_first_use(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Sums written by hand over a damaged file: the kind is decoded at first use, and
        what is wrong is a `DataError` naming the file, not msgspec's error."""
        self._forged(monkeypatch, "predictions.json", lambda blob: blob[: len(blob) // 2])
        dataset = aiforecasts.load()
        assert dataset.companies.get("nvidia") is not None
        with pytest.raises(DataError) as caught:
            len(dataset.predictions)
        assert caught.value.problems
        assert all(p.file == "predictions.json" for p in caught.value.problems)

    @pytest.mark.parametrize(
        "manifest",
        [b'{"dataset_version": "2026.3"}', b'{"dataset_version": "2026.3", "schema_version": 99}'],
    )
    def test_a_manifest_not_as_written_is_read_with_every_check(
        self, monkeypatch: pytest.MonkeyPatch, manifest: bytes
    ) -> None:
        self._forged(monkeypatch, "manifest.json", lambda _blob: manifest)
        with pytest.raises(DataError) as caught:
            aiforecasts.load()
        assert [p for p in caught.value.problems if p.path == "schema_version"]
        assert _load._bundled is None

    def test_a_deferred_collection_of_another_kind_is_refused(self) -> None:
        """A dataset checks the kind of a collection it is given before its records are
        decoded, as it does after."""
        code = (
            "import attrs, aiforecasts;"
            "ds = aiforecasts.load();"
            "assert not ds.companies._store.decoded;"
            "attrs.evolve(ds, predictions=ds.companies)"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], check=False, capture_output=True, text=True
        )
        assert "TypeError: predictions holds Prediction records, not Company" in done.stderr

    def test_failed_load_leaves_nothing_behind(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(*_args: Any, **_kwargs: Any) -> aiforecasts.Dataset:
            raise DataError([aiforecasts.Problem("$", "broken")])

        monkeypatch.setattr(_load, "_bundled", None)
        monkeypatch.setattr(_load, "_as_released", lambda _blobs: None)
        monkeypatch.setattr(_load, "parse", broken)
        with pytest.raises(DataError):
            aiforecasts.load()
        assert _load._bundled is None

    def test_bundled_data_takes_the_fast_path(self) -> None:
        """A clean load never needs the slow, detailed converter (a regression guard)."""
        code = (
            "import sys, aiforecasts;"
            "aiforecasts.load();"
            "assert 'aiforecasts._codec.detailed' not in sys.modules, 'the detailed engine ran'"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_versions(self, dataset: aiforecasts.Dataset) -> None:
        assert dataset.schema_version == aiforecasts.SCHEMA_VERSION
        assert dataset.dataset_version


class TestMigrations:
    def test_schema_1_files_load_through_the_migration(self) -> None:
        doc = minimal()
        doc["manifest"]["schema_version"] = 1
        for name in KIND_NAMED:
            doc[name]["schema_version"] = 1
            for record in doc[name]["records"]:
                del record["added_in"], record["changed_in"]
        doc["statistics"]["records"].append(
            {
                "excerpts": [EXCERPT],
                "id": "s1",
                "statement": "x",
                "value": {"amount": "5", "currency": "USD"},
            }
        )
        dataset = parse(doc)
        statistic = dataset.statistics[0]
        assert statistic.money is not None
        assert statistic.value is None
        assert statistic.added_in == statistic.changed_in == "test"

    def test_unknown_old_version(self) -> None:
        doc = minimal()
        doc["people"]["schema_version"] = 0
        assert problems(doc) == ["people.json: schema_version: unknown schema version 0"]
