from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import aiforecasts
from aiforecasts._tools import verify as _verify

if TYPE_CHECKING:
    from pathlib import Path


def test_bundled_matches_seeds(seeds: Path) -> None:
    report = aiforecasts.verify_sources(seeds)
    assert report.ok, str(report)
    assert report.sources == len(aiforecasts.load().sources)
    assert report.excerpts > 0
    assert str(report).endswith("all match")


def copy_seeds(seeds: Path, tmp_path: Path) -> Path:
    target = tmp_path / "docs"
    target.mkdir()
    for document in seeds.glob("*.txt"):
        shutil.copyfile(document, target / document.name)
    return target


def test_every_mismatch_is_reported(seeds: Path, tmp_path: Path) -> None:
    folder = copy_seeds(seeds, tmp_path)
    source = aiforecasts.load().sources[0]
    path = folder / source.file
    text = path.read_text(encoding="utf-8")
    # Shift everything by one character: the digest and every excerpt after it break.
    path.write_text("X" + text, encoding="utf-8")
    report = aiforecasts.verify_sources(folder)
    assert not report
    problems = [m.problem for m in report.mismatches if m.source == source.id]
    assert problems[0] == "sha256"
    excerpt_count = sum(
        1 for _, excerpt in _verify.excerpts(aiforecasts.load()) if excerpt.source == source.id
    )
    assert problems.count("excerpt") == excerpt_count > 1
    assert all(m.path for m in report.mismatches if m.problem == "excerpt")


def test_missing_document(seeds: Path, tmp_path: Path) -> None:
    folder = copy_seeds(seeds, tmp_path)
    source = aiforecasts.load().sources[0]
    (folder / source.file).unlink()
    report = aiforecasts.verify_sources(folder)
    assert [m.problem for m in report.mismatches] == ["missing"]
    assert report.mismatches[0].source == source.id


def test_renamed_document_is_found_by_digest(seeds: Path, tmp_path: Path) -> None:
    folder = copy_seeds(seeds, tmp_path)
    source = aiforecasts.load().sources[0]
    (folder / source.file).rename(folder / "renamed.txt")
    assert aiforecasts.verify_sources(folder).ok


def test_not_utf8(seeds: Path, tmp_path: Path) -> None:
    folder = copy_seeds(seeds, tmp_path)
    source = aiforecasts.load().sources[0]
    (folder / source.file).write_bytes(b"\xff\xfe")
    report = aiforecasts.verify_sources(folder)
    assert {m.problem for m in report.mismatches} == {"sha256", "encoding"}


def test_empty_folder(tmp_path: Path) -> None:
    report = aiforecasts.verify_sources(tmp_path)
    assert len(report.mismatches) == len(aiforecasts.load().sources)
    assert report.excerpts == 0
