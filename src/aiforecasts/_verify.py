"""
The provenance check: does a folder of documents match the dataset?
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from aiforecasts._fields import excerpts_in
from aiforecasts._load import load

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from aiforecasts._dataset import Dataset
    from aiforecasts._values import Excerpt

__all__ = ["Mismatch", "VerificationReport", "excerpts", "verify_sources"]


@attrs.frozen
class Mismatch:
    """
    One way a document differs from what the dataset records about it.

    *problem* is ``"missing"`` (no file of that name or digest), ``"sha256"``
    (the bytes differ), ``"encoding"`` (not UTF-8) or ``"excerpt"`` (an
    excerpt's offsets do not slice its text); *path* names the record field.

    .. versionadded:: 0.1.0
    """

    source: str
    problem: str
    message: str
    path: str | None = None

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.source}{where}: {self.message}"


@attrs.frozen
class VerificationReport:
    """
    What `verify_sources` found: every mismatch, not just the first.

    It is true when there are none.

    .. versionadded:: 0.1.0
    """

    sources: int
    """How many sources were checked."""
    excerpts: int
    """How many excerpts were checked against their document's text."""
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """Whether every document and excerpt matched."""
        return not self.mismatches

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        head = f"checked {self.sources} sources and {self.excerpts} excerpts: "
        if self.ok:
            return head + "all match"
        lines = [head + f"{len(self.mismatches)} mismatches"]
        lines.extend(f"  {mismatch}" for mismatch in self.mismatches)
        return "\n".join(lines)


def excerpts(dataset: Dataset) -> Iterator[tuple[str, Excerpt]]:
    """(path, excerpt) for every excerpt of every record in *dataset*."""
    for name, collection in dataset.collections().items():
        for index, record in enumerate(collection):
            yield from excerpts_in(record, f"{name}[{index}]")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def verify_sources(
    directory: str | os.PathLike[str], dataset: Dataset | None = None
) -> VerificationReport:
    """
    Check your own copy of the source documents against the dataset.

    Each `Source` is looked up in *directory* by its file name, or else by its
    SHA-256 among the folder's files; its bytes must hash to the recorded
    SHA-256, and every excerpt's offsets must slice exactly the excerpt's text
    out of the document.  Every mismatch is reported; nothing is raised for
    a mismatch.

    Args:
        directory: A folder holding the documents.
        dataset: The dataset to check; the bundled one by default.

    Returns:
        The report, true when everything matched.

    >>> import aiforecasts
    >>> report = aiforecasts.verify_sources("../shared/seeds")  # doctest: +SKIP
    >>> print(report)  # doctest: +SKIP
    checked ... sources and ... excerpts: all match

    .. versionadded:: 0.1.0
    """
    if dataset is None:
        dataset = load()
    folder = Path(directory)
    by_digest: dict[str, Path] | None = None
    texts: dict[str, str | None] = {}
    mismatches: list[Mismatch] = []
    for source in dataset.sources:
        path = folder / source.file
        if not path.is_file():
            if by_digest is None:
                by_digest = (
                    {_sha256(p): p for p in sorted(folder.iterdir()) if p.is_file()}
                    if folder.is_dir()
                    else {}
                )
            found = by_digest.get(source.sha256)
            if found is None:
                mismatches.append(
                    Mismatch(
                        source.id,
                        "missing",
                        f"no file {source.file!r} or with its SHA-256 in {folder}",
                    )
                )
                texts[source.id] = None
                continue
            path = found
        digest = _sha256(path)
        if digest != source.sha256:
            mismatches.append(
                Mismatch(
                    source.id,
                    "sha256",
                    f"{path.name} has SHA-256 {digest}, the dataset records {source.sha256}",
                )
            )
        try:
            texts[source.id] = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as exc:
            mismatches.append(Mismatch(source.id, "encoding", f"{path.name} is not UTF-8: {exc}"))
            texts[source.id] = None
    count = 0
    for where, excerpt in excerpts(dataset):
        text = texts.get(excerpt.source)
        if text is None:
            continue
        count += 1
        actual = text[excerpt.start : excerpt.end]
        if actual != excerpt.text:
            mismatches.append(
                Mismatch(
                    excerpt.source,
                    "excerpt",
                    f"[{excerpt.start}:{excerpt.end}] is {actual!r}, expected {excerpt.text!r}",
                    where,
                )
            )
    return VerificationReport(len(dataset.sources), count, tuple(mismatches))
