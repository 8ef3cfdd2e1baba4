"""The data tool: the bundled data is curated, excerpts re-derive from their text, users'
own datasets build, records are dated against the last release, nothing is written on error."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._io.load import sums as _sums

DATA = Path(str(resources.files("aiforecasts") / "data"))
ROOT = Path(__file__).resolve().parents[1]
RELEASES = sorted((ROOT / "releases").glob("*.json"))


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.json"))}


def _edit(folder: Path, name: str, change: Any) -> None:
    """Apply *change* to the JSON of *folder*/*name* and write it back (not canonically)."""
    path = folder / name
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _strip(value: Any, keys: tuple[str, ...]) -> int:
    """Remove *keys* from every excerpt in *value*; the number of excerpts."""
    count = 0
    if isinstance(value, dict):
        if {"source", "display", "text"} <= value.keys():
            for key in keys:
                value.pop(key, None)
            count += 1
        for item in value.values():
            count += _strip(item, keys)
    elif isinstance(value, list):
        for item in value:
            count += _strip(item, keys)
    return count


@pytest.fixture
def copy_of_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def test_the_bundled_data_is_as_fix_writes_it(seeds: Path) -> None:
    """What CI checks: every file canonical, every excerpt where it says, every record dated."""
    previous = RELEASES[-1] if RELEASES else None  # the release files live in the checkout
    report = aiforecasts.curate(DATA, seeds, previous=previous, write=False)
    assert report, str(report)
    assert report.dataset == aiforecasts.load()


def test_excerpts_rederive_from_their_display_text(seeds: Path, copy_of_data: Path) -> None:
    """Offsets and verbatim text come back byte for byte from the display text (and, where a
    passage occurs more than once, the old start as a hint)."""
    excerpts = 0
    for path in copy_of_data.glob("*.json"):
        if path.name != "manifest.json":
            document = json.loads(path.read_text(encoding="utf-8"))
            excerpts += _strip(document, ("end", "text"))
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert excerpts > 500
    report = aiforecasts.curate(copy_of_data, seeds)
    assert len(report.changes) == excerpts  # each excerpt located, nothing else
    assert _folder_bytes(copy_of_data) == _folder_bytes(DATA)


def test_a_passage_found_more_than_once_needs_a_start(seeds: Path, copy_of_data: Path) -> None:
    excerpts = 0
    for path in copy_of_data.glob("*.json"):
        if path.name != "manifest.json":
            document = json.loads(path.read_text(encoding="utf-8"))
            excerpts += _strip(document, ("start", "end", "text"))
            path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    before = _folder_bytes(copy_of_data)
    with pytest.raises(DataError) as info:
        aiforecasts.curate(copy_of_data, seeds)
    problems = info.value.problems
    assert problems
    assert all("give its 'start' to choose one" in p.message for p in problems)
    assert len(problems) < excerpts / 50  # nearly every passage is found by its text alone
    assert _folder_bytes(copy_of_data) == before  # nothing written


DOCUMENT = "英伟达明年将推出云服务。分析师认为,明年英伟达的收入将超过 100 亿美元。"


def _own_dataset(root: Path) -> tuple[Path, Path]:
    """A dataset folder and a documents folder, as a user would write them."""
    documents = root / "documents"
    documents.mkdir()
    (documents / "memo.txt").write_text(DOCUMENT, encoding="utf-8")
    folder = root / "dataset"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"dataset_version": "1.0"}', encoding="utf-8")
    span = {"start": "2023-12-01", "end": "2023-12-31", "precision": "month", "label": "Dec 2023"}
    source = {
        "id": "memo",
        "file": "memo.txt",
        "title": "备忘",
        "title_en": "A memo",
        "script": "zh-Hans",
        "published": span,
        "excerpts": [{"source": "memo", "display": "英伟达明年将推出云服务"}],
    }
    company = {
        "id": "nvidia",
        "name": "Nvidia",
        "kind": "company",
        "name_hans": "英伟达",
        "excerpts": [{"source": "memo", "display": "英伟达明年将推出云服务", "start": 0}],
    }
    prediction = {
        "id": "nvidia-revenue-over-10b",
        "statement": "Analysts expect Nvidia's revenue to exceed USD 10 billion next year.",
        "source": "memo",
        "made": span,
        "horizon": {**span, "start": "2024-01-01", "end": "2024-12-31", "precision": "year"},
        "hedge": "likely",
        "attributed_to": "analysts",
        "voice": "reported",
        "criterion": {
            "came_true": "Nvidia's 2024 revenue exceeds USD 10 billion.",
            "did_not": "It does not.",
        },
        "companies": ["nvidia"],
        "excerpts": [{"source": "memo", "text": "明年英伟达的收入将超过 100 亿美元"}],
    }
    for name, records in (
        ("sources", [source]),
        ("companies", [company]),
        ("predictions", [prediction]),
    ):
        (folder / f"{name}.json").write_text(json.dumps({"records": records}), encoding="utf-8")
    return folder, documents


def test_users_build_their_own_dataset(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    report = aiforecasts.curate(folder, documents)
    assert not report  # files were rewritten
    assert report.written
    dataset = aiforecasts.load_path(folder)
    assert dataset.counts()["predictions"] == 1
    prediction = dataset.predictions[0]
    assert prediction.excerpts[0].text == "明年英伟达的收入将超过 100 亿美元"
    assert DOCUMENT[prediction.excerpts[0].start : prediction.excerpts[0].end] == (
        prediction.excerpts[0].text
    )
    assert prediction.added_in == prediction.changed_in == "1.0"
    assert dataset.sources[0].sha256  # filled in from the document
    assert aiforecasts.verify_sources(documents, dataset=dataset)
    assert dataset.predictions.mentioning("英偉達").one() is prediction
    again = aiforecasts.curate(folder, documents, write=False)
    assert again, str(again)  # curated once, nothing left to do


def _release(folder: Path, target: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "aiforecasts", "data", "release", folder, "--output", target],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return target


def test_records_are_dated_against_the_last_release(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)
    release = _release(folder, tmp_path / "1.0.json")
    _edit(folder, "manifest.json", lambda d: d.update(dataset_version="1.1"))

    def restate(document: dict[str, Any]) -> None:
        document["records"][0]["statement"] = "Analysts expect more than USD 10 billion."

    _edit(folder, "predictions.json", restate)
    report = aiforecasts.curate(folder, documents, previous=release)
    prediction = report.dataset.predictions[0]
    assert (prediction.added_in, prediction.changed_in) == ("1.0", "1.1")
    assert report.dataset.companies[0].changed_in == "1.0"  # unchanged: keeps its versions
    assert "nvidia-revenue-over-10b: added in 1.0, changed in 1.1" in "\n".join(report.changes)

    def add(document: dict[str, Any]) -> None:
        new = dict(document["records"][0], id="nvidia-cloud-2024")
        del new["added_in"], new["changed_in"]
        document["records"].append(new)

    _edit(folder, "predictions.json", add)
    dataset = aiforecasts.curate(folder, documents, previous=release).dataset
    added = dataset.predictions.get("nvidia-cloud-2024")
    assert added is not None
    assert (added.added_in, added.changed_in) == ("1.1", "1.1")


def test_a_released_version_cannot_change(tmp_path: Path) -> None:
    """An edit with the manifest still at the released version is refused: raise it first."""
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)
    release = _release(folder, tmp_path / "1.0.json")
    assert aiforecasts.curate(folder, documents, previous=release, write=False)

    def restate(document: dict[str, Any]) -> None:
        document["records"][0]["statement"] = "Analysts expect more than USD 10 billion."

    _edit(folder, "predictions.json", restate)
    before = _folder_bytes(folder)
    with pytest.raises(DataError) as info:
        aiforecasts.curate(folder, documents, previous=release)
    assert [str(p) for p in info.value.problems] == [
        (
            "predictions.json: predictions[0]: nvidia-revenue-over-10b differs from the release "
            "of 1.0, and the manifest's dataset_version is still 1.0: raise it"
        )
    ]
    assert _folder_bytes(folder) == before


def test_problems_are_all_named_and_nothing_is_written(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)

    def break_things(document: dict[str, Any]) -> None:
        record = document["records"][0]
        record["excerpts"] = [
            {"source": "memo", "display": "这句话不在文件里"},
            {"source": "memo", "display": "英伟达"},
        ]
        record["hedge"] = "perhaps"

    _edit(folder, "predictions.json", break_things)
    _edit(folder, "sources.json", lambda d: d["records"][0].update(file="../memo.txt"))
    before = _folder_bytes(folder)
    with pytest.raises(DataError) as info:
        aiforecasts.curate(folder, documents)
    found = [str(problem) for problem in info.value.problems]
    assert found == ["sources.json: sources[0].file: expected a bare file name"]
    _edit(folder, "sources.json", lambda d: d["records"][0].update(file="memo.txt"))
    with pytest.raises(DataError) as info:
        aiforecasts.curate(folder, documents)
    found = [str(problem) for problem in info.value.problems]
    assert found == [
        (
            "predictions.json: predictions[0].excerpts[0]: not found in its document: "
            "'这句话不在文件里'"
        ),
        (
            "predictions.json: predictions[0].excerpts[1]: found 2 times (at 0, 20): "
            "give its 'start' to choose one"
        ),
        (
            "predictions.json: predictions[0].hedge (nvidia-revenue-over-10b): 'perhaps' is not a "
            "valid Hedge (one of: certain, likely, possible, conditional)"
        ),
    ]
    (documents / "memo.txt").unlink()
    with pytest.raises(DataError, match=r"cannot read memo\.txt"):
        aiforecasts.curate(folder, documents)
    assert _folder_bytes(folder) == {
        **before,
        "predictions.json": (folder / "predictions.json").read_bytes(),
        "sources.json": (folder / "sources.json").read_bytes(),
    }


def test_check_changes_nothing_and_says_what_fix_would(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    before = _folder_bytes(folder)
    report = aiforecasts.curate(folder, documents, write=False)
    assert not report
    assert not report.written
    assert "would rewrite" in str(report)
    assert _folder_bytes(folder) == before

    def data(action: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "aiforecasts", "data", action, str(folder)]
        command += ["--documents", str(documents)]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    check = data("check")
    assert check.returncode == 1, check.stdout
    assert "located at" in check.stdout
    fix = data("fix")
    assert fix.returncode == 0, fix.stdout
    check = data("check")
    assert check.returncode == 0, check.stdout


def test_the_documents_folder_defaults_to_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, documents = _own_dataset(tmp_path)
    monkeypatch.setenv("AIFORECASTS_SEEDS", str(documents))
    assert aiforecasts.curate(folder).dataset.counts()["companies"] == 1


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("manifest.json", lambda d: d.update(note="x"), "note: unknown key"),
        ("manifest.json", lambda d: d.update(dataset_version="1.0 final"), "expected a version"),
        (
            "sources.json",
            lambda d: d["records"][0].update(repairs=[{"damaged": ["x"], "intended": 5}]),
            r"sources\[0\]\.repairs\[0\]\.damaged: expected a string",
        ),
        (
            "companies.json",
            lambda d: d["records"][0]["excerpts"][0].update(source=["memo"]),
            "not a source id",
        ),
    ],
)
def test_what_the_reader_refuses_fix_refuses(
    tmp_path: Path, name: str, change: Any, message: str
) -> None:
    """fix writes nothing the strict reader would refuse, and hostile data is a problem list."""
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)
    _edit(folder, name, change)
    before = _folder_bytes(folder)
    with pytest.raises(DataError, match=message):
        aiforecasts.curate(folder, documents)
    assert _folder_bytes(folder) == before


def test_a_version_before_the_release_is_refused(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)
    release = _release(folder, tmp_path / "1.0.json")
    _edit(folder, "manifest.json", lambda d: d.update(dataset_version="0.9"))
    with pytest.raises(DataError, match=r"0\.9 comes before the release 1\.0"):
        aiforecasts.curate(folder, documents, previous=release)


def test_release_into_a_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    folder, documents = _own_dataset(tmp_path)
    aiforecasts.curate(folder, documents)
    command = [sys.executable, "-m", "aiforecasts", "data", "release", str(folder)]
    result = subprocess.run(
        [*command, "--output", str(tmp_path), "--force"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("aiforecasts data release:")


def test_locating_a_run_of_marks_does_not_blow_up(tmp_path: Path) -> None:
    """A display with a run of marks against a document full of them: a regular expression
    with nested repeats took minutes (displays are now found in the cleaned document, without
    one); in a subprocess with a time limit, so a slip fails."""
    documents = tmp_path / "documents"
    documents.mkdir()
    (documents / "memo.txt").write_text(("前言" + "?" * 40 + "正文") * 50, encoding="utf-8")
    code = (
        "import sys; from aiforecasts._tools.locate import Document, _find; "
        "document = Document(open(sys.argv[1], encoding='utf-8').read(), ()); "
        "problems = []; "
        "print(_find({'display': '??????標題X'}, document, where='$', file='f', "
        "problems=problems), len(problems))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(documents / "memo.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.strip() == "None 1", result.stderr


def test_fix_writes_the_sums_of_what_it_checked(seeds: Path, copy_of_data: Path) -> None:
    """SHA256SUMS lists every file as written (`sha256sum`'s format); a stale one or a file
    with other line ends is not as `fix` writes it, and `fix` mends both."""
    sums = copy_of_data / "SHA256SUMS"
    files = {path.name: path.read_bytes() for path in copy_of_data.glob("*.json")}
    assert sums.read_text("utf-8") == _sums(files)
    assert len(sums.read_text("utf-8").splitlines()) == len(files)
    previous = RELEASES[-1] if RELEASES else None
    sums.write_text("stale\n", encoding="utf-8")
    companies = copy_of_data / "companies.json"
    companies.write_bytes(companies.read_bytes().replace(b"\n", b"\r\n"))
    report = aiforecasts.curate(copy_of_data, seeds, previous=previous, write=False)
    assert set(report.files) == {"SHA256SUMS", "companies.json"}
    aiforecasts.curate(copy_of_data, seeds, previous=previous)
    assert {p.name: p.read_bytes() for p in copy_of_data.iterdir()} == {
        p.name: p.read_bytes() for p in DATA.iterdir() if p.is_file()
    }
