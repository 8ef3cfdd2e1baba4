"""Issue 23, `data fix` and `data check`: every hostile folder, document or release file ends in
a `DataError` that names the file, promptly, and leaves the folder as it was; repairs and
versions of any size are read without a traceback; long excerpts are located without a
regular expression the size of the excerpt."""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._model.text import clean_text
from aiforecasts._tools.curate import release_file

DATA = Path(str(resources.files("aiforecasts") / "data"))

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


class _BlockedError(Exception):
    pass


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A reading that blocks (a pipe with no writer) fails the test instead of hanging it."""

    def expire(_signum: int, _frame: object) -> None:
        # Not a TimeoutError: that is an OSError, which the tool reports as "cannot read".
        msg = "blocked: a read without a bound"
        raise _BlockedError(msg)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(30)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def documents(tmp_path: Path, seeds: Path) -> Path:
    target = tmp_path / "documents"
    shutil.copytree(seeds, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def _state(root: Path) -> dict[str, bytes | str]:
    """Every entry of *root* (temporary files included): its bytes, or what it is."""
    state: dict[str, bytes | str] = {}
    for path in sorted(root.iterdir()):
        if path.is_symlink():
            state[path.name] = f"link to {path.readlink()}"
        elif path.is_file():
            state[path.name] = path.read_bytes()
        else:
            state[path.name] = "not a file"
    return state


def _edit(path: Path, change: Callable[[Any], Any]) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    document = change(document) or document
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def _replace(path: Path, how: Callable[[Path], None]) -> None:
    path.unlink()
    how(path)


def _link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _sparse(size: int) -> Callable[[Path], None]:
    """A maker of a file of *size* zero bytes that takes no room on disk."""

    def make(path: Path) -> None:
        path.touch()
        os.truncate(path, size)

    return make


def _first_source(document: dict[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = document["records"][0]
    return record


# Each case: (what it makes hostile, the file or folder, how) → (file, words) the problem names.
Hostile = tuple[str, Callable[[Path, Path, Path], object], str, str]

_DEEP = "[" * 990 + "]" * 990
_DIGITS = "9" * 5000

CASES: list[Hostile] = [
    (
        "kind file a symlink to /dev/zero",
        lambda f, _d, _r: _replace(f / "predictions.json", _link_to("/dev/zero")),
        "predictions.json",
        "not a regular file",
    ),
    (
        "kind file a FIFO",
        lambda f, _d, _r: _replace(f / "companies.json", os.mkfifo),
        "companies.json",
        "not a regular file",
    ),
    (
        "kind file a folder",
        lambda f, _d, _r: _replace(f / "predictions.json", lambda p: p.mkdir()),
        "predictions.json",
        "not a regular file but a folder",
    ),
    (
        "kind file a dangling symlink",
        lambda f, _d, _r: _replace(f / "people.json", _link_to("/nonexistent/people.json")),
        "people.json",
        "cannot read",
    ),
    (
        "manifest a FIFO",
        lambda f, _d, _r: _replace(f / "manifest.json", os.mkfifo),
        "manifest.json",
        "not a regular file",
    ),
    (
        "manifest missing",
        lambda f, _d, _r: (f / "manifest.json").unlink(),
        "manifest.json",
        "cannot read",
    ),
    (
        "manifest not an object",
        lambda f, _d, _r: (f / "manifest.json").write_text("[1, 2]"),
        "manifest.json",
        "expected a JSON object",
    ),
    (
        "manifest version of 5,000 digits",
        lambda f, _d, _r: (f / "manifest.json").write_text(
            json.dumps({"dataset_version": _DIGITS})
        ),
        "manifest.json",
        "expected a version",
    ),
    (
        "manifest version of 5,000 dotted digits",
        lambda f, _d, _r: (f / "manifest.json").write_text(
            json.dumps({"dataset_version": "2026." + _DIGITS})
        ),
        "manifest.json",
        "expected a version",
    ),
    (
        "manifest nested too deeply",
        lambda f, _d, _r: (f / "manifest.json").write_text(_DEEP),
        "manifest.json",
        "nested deeper than 64 levels",
    ),
    (
        "kind file nested too deeply",
        lambda f, _d, _r: (f / "debates.json").write_text(_DEEP),
        "debates.json",
        "nested deeper than 64 levels",
    ),
    (
        "kind file with a number of 5,000 digits",
        lambda f, _d, _r: (f / "statistics.json").write_text(
            '{"records": [], "schema_version": ' + _DIGITS + "}"
        ),
        "statistics.json",
        "",
    ),
    (
        "kind file of another kind",
        lambda f, _d, _r: _edit(f / "people.json", lambda d: {**d, "kind": "companies"}),
        "people.json",
        "another kind",
    ),
    (
        "kind file not UTF-8",
        lambda f, _d, _r: (f / "funding_rounds.json").write_bytes(b'{"records": ["\xff"]}'),
        "funding_rounds.json",
        "not UTF-8",
    ),
    (
        "release file /dev/zero",
        lambda _f, _d, r: _replace(r, _link_to("/dev/zero")),
        "release.json",
        "not a regular file",
    ),
    (
        "release file a FIFO",
        lambda _f, _d, r: _replace(r, os.mkfifo),
        "release.json",
        "not a regular file",
    ),
    (
        "release file missing",
        lambda _f, _d, r: r.unlink(),
        "release.json",
        "cannot read",
    ),
    (
        "release version of 5,000 digits",
        lambda _f, _d, r: _edit(r, lambda d: {**d, "dataset_version": _DIGITS}),
        "release.json",
        "expected a version",
    ),
    (
        "release entry with a number for a version",
        lambda _f, _d, r: _edit(
            r, lambda d: [e.update(added_in=2026) for e in d["records"].values()] and d
        ),
        "release.json",
        "expected a release file",
    ),
    (
        "release entry with a version of 5,000 digits",
        lambda _f, _d, r: _edit(
            r, lambda d: [e.update(changed_in=_DIGITS) for e in d["records"].values()] and d
        ),
        "release.json",
        "expected a version",
    ),
    (
        "document a FIFO",
        lambda f, d, _r: _replace(d / _document_of(f), os.mkfifo),
        "sources.json",
        "not a regular file",
    ),
    (
        "document a symlink to /dev/zero",
        lambda f, d, _r: _replace(d / _document_of(f), _link_to("/dev/zero")),
        "sources.json",
        "not a regular file",
    ),
    (
        "document a folder",
        lambda f, d, _r: _replace(d / _document_of(f), lambda p: p.mkdir()),
        "sources.json",
        "not a regular file but a folder",
    ),
    (
        "document of more than 16 MiB",
        lambda f, d, _r: _replace(d / _document_of(f), _sparse((16 << 20) + 1)),
        "sources.json",
        "larger than 16,777,216 bytes",
    ),
    (
        "documents folder missing",
        lambda _f, d, _r: shutil.rmtree(d),
        "sources.json",
        "cannot read",
    ),
]


def _write_release(path: Path) -> None:
    """The release file of the bundled data, as ``aiforecasts data release`` writes it (the
    release files of ``releases/`` live in the checkout, not beside the installed wheel)."""
    text = json.dumps(
        release_file(aiforecasts.load()), ensure_ascii=False, indent=2, sort_keys=True
    )
    path.write_text(text + "\n", encoding="utf-8")


def _document_of(folder: Path) -> str:
    sources = json.loads((folder / "sources.json").read_text(encoding="utf-8"))
    name: str = _first_source(sources)["file"]
    return name


@pytest.mark.parametrize("write", [True, False], ids=["fix", "check"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_a_hostile_folder_is_a_data_error_and_nothing_is_written(
    tmp_path: Path, folder: Path, documents: Path, case: Hostile, *, write: bool
) -> None:
    what, make, file, words = case
    release = tmp_path / "release.json"
    _write_release(release)
    make(folder, documents, release)
    before = _state(folder)
    with pytest.raises(DataError) as info:
        aiforecasts.curate(folder, documents, previous=release, write=write)
    problems = info.value.problems
    assert problems, what
    assert any((p.file or "").endswith(file) and words in p.message for p in problems), (
        f"{what}: {info.value}"
    )
    assert _state(folder) == before


def test_fix_does_not_write_through_a_symlink(tmp_path: Path, folder: Path, seeds: Path) -> None:
    """A kind file that is a link to a file elsewhere is read, but never replaced: the file it
    points to is left as it was, the link too, and so is every other file of the folder."""
    outside = tmp_path / "elsewhere.json"
    shutil.copyfile(folder / "companies.json", outside)
    _edit(outside, lambda d: d["records"][0].update(note="Edited, not canonical."))
    kept = outside.read_bytes()
    _replace(folder / "companies.json", _link_to(str(outside)))
    before = _state(folder)
    report = aiforecasts.curate(folder, seeds, write=False)
    assert "companies.json" in report.files
    with pytest.raises(DataError, match="not a regular file"):
        aiforecasts.curate(folder, seeds)
    assert outside.read_bytes() == kept
    assert _state(folder) == before


@pytest.mark.parametrize("kind", ["fifo", "folder", "link"])
def test_fix_replaces_only_regular_files(
    tmp_path: Path, folder: Path, seeds: Path, kind: str
) -> None:
    """SHA256SUMS is only written, never read as data: a pipe (that would block a reading), a
    folder or a link in its place is refused, not replaced, and the other files stay as they
    were."""
    sums = folder / "SHA256SUMS"
    sums.unlink()
    target = tmp_path / "target"
    target.write_text("not ours\n")
    makers: dict[str, Callable[[Path], object]] = {
        "fifo": os.mkfifo,
        "folder": Path.mkdir,
        "link": lambda p: p.symlink_to(target),
    }
    makers[kind](sums)
    _edit(folder / "people.json", lambda d: d["records"][0].update(note="An edit."))
    before = _state(folder)
    with pytest.raises(DataError, match="SHA256SUMS"):
        aiforecasts.curate(folder, seeds)
    assert _state(folder) == before
    assert target.read_text() == "not ours\n"


def test_a_write_that_fails_partway_leaves_the_folder_as_it_was(
    folder: Path, seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are staged, then renamed one by one: when a rename fails, those already
    renamed are put back, and no staged file is left behind."""
    for name in ("companies.json", "people.json"):
        _edit(folder / name, lambda d: d["records"][0].update(note="An edit."))
    before = _state(folder)
    renamed: list[Path] = []
    failed: list[Path] = []
    original = Path.replace

    def failing(self: Path, target: Any) -> Path:
        # The second rename of a staged file fails, once (putting back the first succeeds).
        if len(renamed) == 1 and not failed and self.name.startswith(".aiforecasts-"):
            failed.append(self)
            raise OSError(28, "No space left on device")
        renamed.append(self)
        return original(self, target)

    monkeypatch.setattr(Path, "replace", failing)
    with pytest.raises(OSError, match="No space left"):
        aiforecasts.curate(folder, seeds)
    monkeypatch.undo()
    assert failed
    assert len(renamed) == 2  # the first file renamed into place, then put back
    assert _state(folder) == before


def _memo_folder(root: Path, document: str, excerpt: dict[str, Any], **source: Any) -> Path:
    """A dataset folder of one source, whose document is *document*."""
    documents = root / "documents"
    documents.mkdir()
    (documents / "memo.txt").write_text(document, encoding="utf-8")
    folder = root / "dataset"
    folder.mkdir()
    (folder / "manifest.json").write_text('{"dataset_version": "1.0"}', encoding="utf-8")
    span = {"start": "2023-12-01", "end": "2023-12-31", "precision": "month", "label": "Dec 2023"}
    record = {
        "id": "memo",
        "file": "memo.txt",
        "title": "备忘",
        "title_en": "A memo",
        "script": "zh-Hans",
        "published": span,
        "excerpts": [{"source": "memo", **excerpt}],
        **source,
    }
    (folder / "sources.json").write_text(json.dumps({"records": [record]}), encoding="utf-8")
    return folder


def test_a_repair_found_thousands_of_times_in_one_excerpt(tmp_path: Path) -> None:
    """A pattern built by recursing once per occurrence of a repair raised RecursionError past
    about a thousand; the display is now found in the cleaned document."""
    damaged, intended = "?梢韵胂", "可以想象"
    document = "前言。" + "".join(f"{damaged}{i % 10}" for i in range(3000)) + "。完"
    display = "".join(f"{intended}{i % 10}" for i in range(3000))
    folder = _memo_folder(
        tmp_path,
        document,
        {"display": display},
        repairs=[{"damaged": damaged, "intended": intended}],
    )
    report = aiforecasts.curate(folder, tmp_path / "documents")
    excerpt = report.dataset.sources[0].excerpts[0]
    assert (excerpt.start, excerpt.end) == (3, len(document) - 2)
    assert excerpt.display == display


def test_a_long_display_is_located_with_its_readings_and_marks(tmp_path: Path) -> None:
    """A display of 60,000 characters, whose verbatim text carries pinyin readings and runs of
    marks, is located at the offsets of the verbatim text (a regular expression built from it
    took 20 s to compile)."""
    unit = "英伟达(dá)明年将推出云服务,。分析师认为收入将超过 100 亿美元!!"
    verbatim = unit * 2000
    document = "前言\n" + verbatim + "\n结语"
    display = clean_text(verbatim)
    assert len(display) > 60_000
    folder = _memo_folder(tmp_path, document, {"display": display})
    report = aiforecasts.curate(folder, tmp_path / "documents")
    excerpt = report.dataset.sources[0].excerpts[0]
    assert (excerpt.start, excerpt.end) == (3, 3 + len(verbatim))
    assert excerpt.text == verbatim
    assert excerpt.display == display


@pytest.mark.parametrize(
    ("document", "display", "found"),
    [
        ("前言結(jié)束。", "結束", "結(jié)束"),  # a reading inside
        ("前言結束(jié)。", "結束", "結束(jié)"),  # the reading of its last character
        ("大年,,。后记", "大年。", "大年,,。"),  # a run of marks ends in the one it shows
        ("后记,,。大年", ",。大年", None),  # a run cleans to its last mark only
        ("说(VLA)模型", "说(VLA)模型", "说(VLA)模型"),  # parentheses not a reading
    ],
)
def test_a_display_is_located_as_it_cleans(
    tmp_path: Path, document: str, display: str, found: str | None
) -> None:
    folder = _memo_folder(tmp_path, document, {"display": display})
    if found is None:
        with pytest.raises(DataError, match="not found in its document"):
            aiforecasts.curate(folder, tmp_path / "documents")
        return
    excerpt = aiforecasts.curate(folder, tmp_path / "documents").dataset.sources[0].excerpts[0]
    assert excerpt.text == found
    assert document[excerpt.start : excerpt.end] == found


def test_a_version_of_unicode_digits_is_not_ordered(tmp_path: Path) -> None:
    """``"²".isdigit()`` holds and ``int("²")`` fails: only ASCII digits are compared as
    numbers, and such a version is refused where a version is read."""
    folder = _memo_folder(tmp_path, "英伟达明年将推出云服务。", {"display": "英伟达"})
    release = tmp_path / "release.json"
    release.write_text('{"dataset_version": "2026.²", "records": {}}', encoding="utf-8")
    with pytest.raises(DataError, match="expected a version"):
        aiforecasts.curate(folder, tmp_path / "documents", previous=release)
