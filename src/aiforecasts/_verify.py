"""
The provenance check: does a folder of documents match the dataset?
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from aiforecasts._errors import DataError
from aiforecasts._fields import excerpts_in
from aiforecasts._load import load
from aiforecasts._read import read_bounded
from aiforecasts._values import quote

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from aiforecasts._dataset import Dataset
    from aiforecasts._values import Excerpt

__all__ = ["MAX_DOCUMENT_BYTES", "Mismatch", "VerificationReport", "excerpts", "verify_sources"]


@attrs.frozen
class Mismatch:
    """
    One way a document differs from what the dataset records about it.

    *problem* is ``"missing"`` (no file of that name or digest),
    ``"unreadable"`` (not a regular file, larger than 64 MiB, or no permission
    to read it), ``"sha256"`` (the bytes differ), ``"encoding"`` (not UTF-8)
    or ``"excerpt"`` (an excerpt's offsets do not slice its text); *path*
    names the record field.

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


MAX_DOCUMENT_BYTES = 64 << 20
"""The most a source document may hold (64 MiB): a larger file is not read."""


def _read_document(path: Path) -> bytes | str:
    """The bytes of a document, or why they cannot be read (not a regular file, too
    large, unreadable): devices, pipes and endless files are never read whole."""
    try:
        blob = read_bounded(path, MAX_DOCUMENT_BYTES)
    except DataError as error:
        return error.problems[0].message
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    return blob


def _digests(folder: Path) -> dict[str, Path]:
    """SHA-256 → file, for the regular files of *folder* that could be documents."""
    found: dict[str, Path] = {}
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return found
    for path in entries:
        try:
            if not path.is_file() or path.stat().st_size > MAX_DOCUMENT_BYTES:
                continue
        except OSError:
            continue
        blob = _read_document(path)
        if isinstance(blob, bytes):
            found.setdefault(hashlib.sha256(blob).hexdigest(), path)
    return found


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
        texts[source.id] = None
        if Path(source.file).name != source.file or source.file in {"", ".", ".."}:
            message = f"file {quote(source.file)} is not a bare file name: not looked up"
            mismatches.append(Mismatch(source.id, "missing", message))
            continue
        path = folder / source.file
        if not path.is_file():
            if by_digest is None:
                by_digest = _digests(folder)
            found = by_digest.get(source.sha256)
            if found is None:
                message = f"no file {quote(source.file)} or with its SHA-256 in {folder}"
                mismatches.append(Mismatch(source.id, "missing", message))
                continue
            path = found
        blob = _read_document(path)
        if isinstance(blob, str):
            mismatches.append(Mismatch(source.id, "unreadable", f"{path.name} {blob}"))
            continue
        digest = hashlib.sha256(blob).hexdigest()
        if digest != source.sha256:
            mismatches.append(
                Mismatch(
                    source.id,
                    "sha256",
                    f"{path.name} has SHA-256 {digest}, the dataset records {source.sha256}",
                )
            )
        try:
            texts[source.id] = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = f"{path.name} is not UTF-8: {exc.reason} at byte {exc.start}"
            mismatches.append(Mismatch(source.id, "encoding", message))
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
                    f"[{excerpt.start}:{excerpt.end}] is {quote(actual)}, "
                    f"expected {quote(excerpt.text)}",
                    where,
                )
            )
    return VerificationReport(len(dataset.sources), count, tuple(mismatches))
