"""
Issue 23's findings about writing: an overwrite replaces only what an earlier
export wrote, as a set, and never what is not a regular file or a folder of ours.

Each test names the finding it keeps fixed (C1, C2, M16, and the minor one of
long names).  The faults are injected in-process, so nothing here needs root
or depends on timing.
"""

from __future__ import annotations

import errno
import json
import os
import socket
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import aiforecasts
from aiforecasts._cli.main import main
from aiforecasts._io import files as _files, write as _write
from aiforecasts._io.files import write_file
from aiforecasts._io.write import MANIFEST

if TYPE_CHECKING:
    from collections.abc import Callable

FOLDER_FORMATS = ["csv", "datapackage", "parquet"]


def _snapshot(folder: Path) -> dict[str, Any]:
    """Everything under *folder*, without following links: what a test compares before and after."""
    found: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        name = str(path.relative_to(folder))
        if stat.S_ISLNK(mode):
            found[name] = ("link", str(path.readlink()))
        elif stat.S_ISDIR(mode):
            found[name] = ("folder",)
        elif stat.S_ISREG(mode):
            found[name] = ("file", path.read_bytes())
        else:
            found[name] = ("other", stat.S_IFMT(mode))
    return found


def _hidden(folder: Path) -> list[str]:
    """Leftovers of a write: hidden names beside the export."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture(params=FOLDER_FORMATS)
def folder_format(request: pytest.FixtureRequest) -> str:
    if request.param == "parquet":
        pytest.importorskip("pyarrow")
    return str(request.param)


# C1: the user's files in an export folder are never deleted or replaced -------------------


def test_c1_overwriting_csv_keeps_the_users_readme_and_datapackage(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    (folder / "README.md").write_text("my notes", "utf-8")
    (folder / "datapackage.json").write_text('{"mine": true}', "utf-8")
    aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert (folder / "README.md").read_text("utf-8") == "my notes"
    assert (folder / "datapackage.json").read_text("utf-8") == '{"mine": true}'
    assert not (folder / "debates.csv").exists()  # the earlier export's table is gone
    (folder / "datapackage.json").unlink()  # else it, not the tables, describes the folder
    back = aiforecasts.load_path(folder, check_references=False)
    assert list(back.statistics) == list(dataset.statistics)


@pytest.mark.parametrize("format_", ["datapackage", "parquet"])
def test_c1_a_users_file_where_the_export_writes_is_refused_and_kept(
    dataset: aiforecasts.Dataset, tmp_path: Path, format_: str
) -> None:
    if format_ == "parquet":
        pytest.importorskip("pyarrow")
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    (folder / "README.md").write_text("my notes", "utf-8")
    before = _snapshot(folder)
    with pytest.raises(FileExistsError, match=r"README\.md .*not written by an export"):
        aiforecasts.write(dataset.debates, folder, format=format_, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(folder) == before
    assert _hidden(tmp_path) == []


def test_c1_a_folder_without_our_manifest_is_refused(
    dataset: aiforecasts.Dataset, tmp_path: Path, folder_format: str
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("years of work", "utf-8")
    (folder / "companies.csv").write_text("my,own,table\n", "utf-8")
    before = _snapshot(folder)
    with pytest.raises(FileExistsError, match="not an export folder"):
        aiforecasts.write(dataset, folder, format=folder_format, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(folder) == before
    assert _hidden(tmp_path) == []


def test_c1_a_manifest_cannot_claim_other_files(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    (folder / "thesis.txt").write_text("years of work", "utf-8")
    (tmp_path / "outside.txt").write_text("not in the folder", "utf-8")
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    manifest["files"] += ["thesis.txt", "../outside.txt", "/etc/passwd"]
    (folder / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert (folder / "thesis.txt").read_text("utf-8") == "years of work"
    assert (tmp_path / "outside.txt").read_text("utf-8") == "not in the folder"


@pytest.mark.parametrize("manifest", [b"not json", b"[]", b'{"files": "x"}', b"{}"])
def test_c1_a_manifest_not_of_ours_makes_the_folder_not_ours(
    dataset: aiforecasts.Dataset, tmp_path: Path, manifest: bytes
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / MANIFEST).write_bytes(manifest)
    before = _snapshot(folder)
    with pytest.raises(FileExistsError, match="not an export folder"):
        aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert _snapshot(folder) == before


def test_c1_the_users_files_inside_an_export_folder_survive_the_swap(
    dataset: aiforecasts.Dataset, tmp_path: Path, folder_format: str
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format=folder_format)  # type: ignore[arg-type]
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", "utf-8")
    (folder / "latest").symlink_to("notes.txt")
    inode = (folder / "notes.txt").stat().st_ino
    folder.chmod(0o750)
    aiforecasts.write(dataset.statistics, folder, format=folder_format, overwrite=True)  # type: ignore[arg-type]
    assert (folder / "notes.txt").read_text("utf-8") == "mine"
    assert (folder / "notes.txt").stat().st_ino == inode  # the same file, not a copy
    assert (folder / ".git" / "HEAD").read_text("utf-8") == "ref: refs/heads/main\n"
    assert str((folder / "latest").readlink()) == "notes.txt"
    assert folder.stat().st_mode & 0o777 == 0o750  # the folder keeps its permissions
    assert not list(folder.glob("debates.*"))
    assert _hidden(tmp_path) == []
    back = aiforecasts.load_path(folder, check_references=False)
    assert list(back.statistics) == list(dataset.statistics)


def test_c1_an_export_folder_is_read_back_with_its_manifest(
    dataset: aiforecasts.Dataset, tmp_path: Path, folder_format: str
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "out", format=folder_format)  # type: ignore[arg-type]
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    assert manifest["format"] == folder_format
    assert sorted(manifest["files"]) == sorted(
        p.name for p in folder.iterdir() if p.name != MANIFEST
    )
    assert aiforecasts.load_path(folder) == dataset


def test_c1_an_older_export_without_a_manifest_is_adopted(
    dataset: aiforecasts.Dataset, tmp_path: Path, folder_format: str
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format=folder_format)  # type: ignore[arg-type]
    (folder / MANIFEST).unlink()  # as an export before the manifest left it
    aiforecasts.write(dataset.statistics, folder, format=folder_format, overwrite=True)  # type: ignore[arg-type]
    assert not list(folder.glob("debates.*"))
    assert (folder / MANIFEST).is_file()


def test_c1_an_older_export_with_the_users_readme_is_not_adopted(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    (folder / MANIFEST).unlink()
    (folder / "README.md").write_text("my notes", "utf-8")
    before = _snapshot(folder)
    with pytest.raises(FileExistsError, match="not an export folder"):
        aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert _snapshot(folder) == before


# C2: a destination that is not a regular file (or a folder of ours) is refused -------------


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError as error:  # a path too long for a socket address
        pytest.skip(f"cannot bind a socket at {path}: {error}")
    finally:
        server.close()
    return path


def _link_to_file(path: Path) -> Path:
    (path.parent / "real.json").write_text("precious", "utf-8")
    path.symlink_to("real.json")
    return path


def _link_to_folder(path: Path) -> Path:
    (path.parent / "real").mkdir()
    path.symlink_to("real")
    return path


def _dangling_link(path: Path) -> Path:
    path.symlink_to("nowhere")
    return path


def _folder(path: Path) -> Path:
    path.mkdir()
    (path / "a.txt").write_text("x", "utf-8")
    return path


SPECIAL: dict[str, Callable[[Path], Path]] = {
    "fifo": _fifo,
    "socket": _socket,
    "link to a file": _link_to_file,
    "link to a folder": _link_to_folder,
    "dangling link": _dangling_link,
}


@pytest.mark.parametrize("make", list(SPECIAL.values()), ids=list(SPECIAL))
@pytest.mark.parametrize("format_", ["json", "jsonl"])
def test_c2_a_file_export_replaces_only_a_regular_file(
    dataset: aiforecasts.Dataset,
    tmp_path: Path,
    make: Callable[[Path], Path],
    format_: str,
) -> None:
    target = make(tmp_path / "x")
    before = _snapshot(tmp_path)
    with pytest.raises(FileExistsError, match="not a regular file"):
        aiforecasts.write(dataset.debates, target, format=format_, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(tmp_path) == before  # nothing replaced, no temporary file left


@pytest.mark.parametrize("format_", ["json", "jsonl"])
def test_c2_a_file_export_is_not_written_over_a_folder(
    dataset: aiforecasts.Dataset, tmp_path: Path, format_: str
) -> None:
    target = _folder(tmp_path / "x")
    before = _snapshot(tmp_path)
    with pytest.raises(IsADirectoryError):
        aiforecasts.write(dataset.debates, target, format=format_, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("make", list(SPECIAL.values()), ids=list(SPECIAL))
def test_c2_a_folder_export_replaces_only_a_folder(
    dataset: aiforecasts.Dataset, tmp_path: Path, make: Callable[[Path], Path], folder_format: str
) -> None:
    target = make(tmp_path / "x")
    before = _snapshot(tmp_path)
    with pytest.raises(FileExistsError, match="not a folder"):
        aiforecasts.write(dataset.debates, target, format=folder_format, overwrite=True)  # type: ignore[arg-type]
    assert _snapshot(tmp_path) == before


@pytest.fixture
def dev_null_guarded(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Every rename, replace or link onto /dev/null fails the test before it is made: run as
    root against a write() that regressed, these tests would otherwise turn the machine's
    /dev/null into a regular file (as the code before the fix did).
    """
    null = os.path.realpath(os.devnull)
    for name in ("rename", "replace", "link"):
        real = getattr(os, name)

        def guarded(source: Any, target: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            if os.path.realpath(target) == null:
                msg = f"write() tried to put a file in place of {os.devnull}"
                raise AssertionError(msg)
            return _real(source, target, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded)


@pytest.mark.usefixtures("dev_null_guarded")
def test_c2_dev_null_is_refused_before_anything_is_written(dataset: aiforecasts.Dataset) -> None:
    with pytest.raises(FileExistsError, match="not a regular file"):
        aiforecasts.write(dataset.debates, Path(os.devnull), overwrite=True)
    with pytest.raises(FileExistsError, match="not a regular file"):
        write_file(Path(os.devnull), b"x", overwrite=True)
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


@pytest.mark.usefixtures("dev_null_guarded")
@pytest.mark.parametrize("format_", ["json", "csv"])
def test_c2_export_force_to_dev_null_is_a_one_line_refusal(
    capsys: pytest.CaptureFixture[str], format_: str
) -> None:
    status = main(["export", "--format", format_, "--output", os.devnull, "--force"])
    assert status == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def test_c2_a_file_swapped_for_a_fifo_while_writing_is_not_replaced(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_text("old", "utf-8")
    stage = _files.stage_file

    def swap_then_stage(folder: Path, data: bytes, name: str | None = None) -> Path:
        target.unlink()
        os.mkfifo(target)
        return stage(folder, data, name)

    monkeypatch.setattr(_files, "stage_file", swap_then_stage)  # a file: `write_file`
    with pytest.raises(FileExistsError, match="changed while"):
        aiforecasts.write(dataset.debates, target, overwrite=True)
    assert stat.S_ISFIFO(target.lstat().st_mode)
    assert _hidden(tmp_path) == []


def test_c2_a_folder_swapped_for_a_link_while_writing_is_not_replaced(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    elsewhere = tmp_path / "elsewhere"
    stage = _files.stage_file

    def swap_then_stage(where: Path, data: bytes, name: str | None = None) -> Path:
        if not elsewhere.exists():
            folder.rename(elsewhere)
            folder.symlink_to("elsewhere")
        return stage(where, data, name)

    monkeypatch.setattr(_write, "stage_file", swap_then_stage)
    with pytest.raises(FileExistsError, match="changed while"):
        aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert folder.is_symlink()
    assert (elsewhere / "debates.csv").is_file()
    assert _hidden(tmp_path) == []


def test_c1_a_file_the_user_adds_while_the_export_is_written_is_kept(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="csv")
    stage = _files.stage_file

    def add_then_stage(where: Path, data: bytes, name: str | None = None) -> Path:
        (folder / "late.txt").write_text("mine", "utf-8")
        return stage(where, data, name)

    monkeypatch.setattr(_write, "stage_file", add_then_stage)
    aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    assert (folder / "late.txt").read_text("utf-8") == "mine"
    assert _hidden(tmp_path) == []


# M16: a folder is replaced as a set, or not at all ------------------------------------------


def _failing_at(monkeypatch: pytest.MonkeyPatch, call: int) -> list[str]:
    """Make the *call*-th rename, replace or link in the process fail as a full disk would."""
    seen: list[str] = []
    for name in ("rename", "replace", "link"):
        real = getattr(os, name)

        def failing(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            seen.append(_name)
            if len(seen) == call:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return _real(*args, **kwargs)

        monkeypatch.setattr(os, name, failing)
    return seen


@pytest.mark.parametrize("call", range(1, 16))
def test_m16_an_overwrite_failing_at_any_step_leaves_the_old_export_whole(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: int
) -> None:
    folder = aiforecasts.write(dataset.debates, tmp_path / "out", format="datapackage")
    (folder / "notes.txt").write_text("mine", "utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "a.txt").write_text("draft", "utf-8")
    before = _snapshot(folder)
    seen = _failing_at(monkeypatch, call)
    try:
        aiforecasts.write(dataset.statistics, folder, format="csv", overwrite=True)
    except OSError:
        monkeypatch.undo()
        assert _snapshot(folder) == before
    else:
        monkeypatch.undo()
        assert len(seen) < call  # the fault was never reached: the write is whole
        assert sorted(p.name for p in folder.iterdir()) == [
            MANIFEST,
            "drafts",
            "notes.txt",
            "statistics.csv",
        ]
        assert (folder / "drafts" / "a.txt").read_text("utf-8") == "draft"
    assert _hidden(tmp_path) == []


def test_m16_an_overwrite_failing_while_writing_a_table_leaves_the_old_export_whole(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "out", format="csv")
    before = _snapshot(folder)
    stage = _files.stage_file
    written: list[Path] = []

    def full_disk(where: Path, data: bytes, name: str | None = None) -> Path:
        if len(written) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written.append(stage(where, data, name))
        return written[-1]

    monkeypatch.setattr(_write, "stage_file", full_disk)
    with pytest.raises(OSError, match="No space"):
        aiforecasts.write(dataset, folder, format="csv", overwrite=True)
    assert _snapshot(folder) == before
    assert _hidden(tmp_path) == []


# Minor: temporary names fit wherever the final name fits -------------------------------------


@pytest.mark.parametrize("format_", ["json", "csv"])
def test_a_name_of_245_bytes_can_be_written_and_overwritten(
    dataset: aiforecasts.Dataset, tmp_path: Path, format_: str
) -> None:
    name = "é" * 100 + ("a" * 40 + ".json" if format_ == "json" else "a" * 45)
    assert len(os.fsencode(name)) == 245
    target = tmp_path / name
    aiforecasts.write(dataset.debates, target, format=format_)  # type: ignore[arg-type]
    aiforecasts.write(dataset.debates, target, format=format_, overwrite=True)  # type: ignore[arg-type]
    back = aiforecasts.load_path(target, check_references=False)
    assert list(back.debates) == list(dataset.debates)
    assert _hidden(tmp_path) == []


@pytest.mark.parametrize(
    ("format_", "table"),
    [
        ("csv", "resolutions.csv"),
        ("datapackage", "funding_rounds.csv"),
        ("parquet", "companies.parquet"),
    ],
)
def test_a_table_gone_from_an_export_is_refused(tmp_path: Path, format_: Any, table: str) -> None:
    # Without the export's list of its files, a deleted table read as a kind with no records.
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "export", format=format_)
    (folder / table).unlink()
    with pytest.raises(aiforecasts.DataError, match=f"'{table}' is listed among"):
        aiforecasts.load_path(folder)


@pytest.mark.parametrize("files", [["../secret.csv"], "companies.csv", [1], None])
def test_an_export_list_that_is_not_one_is_refused(tmp_path: Path, files: Any) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "export", format="csv")
    (folder / MANIFEST).write_text(json.dumps({"files": files}), encoding="utf-8")
    with pytest.raises(aiforecasts.DataError, match=MANIFEST.replace(".", r"\.")):
        aiforecasts.load_path(folder)


def test_an_export_without_its_list_reads_as_before(tmp_path: Path) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "export", format="csv")
    (folder / MANIFEST).unlink()
    assert aiforecasts.load_path(folder) == aiforecasts.load()
