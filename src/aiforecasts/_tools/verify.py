"""
The provenance check: does a folder of documents match the dataset?
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from aiforecasts._io.load import load
from aiforecasts._io.read import read_bounded
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import DataError
from aiforecasts._model.fields import excerpts_in
from aiforecasts._query.arguments import _typed
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Iterator

    from aiforecasts._model.provenance import Excerpt

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MOVED_BYTES",
    "MOVED_FILES",
    "Mismatch",
    "VerificationReport",
    "excerpts",
    "verify_sources",
]


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


MOVED_FILES = 64
"""The most files `verify_sources` reads in search of documents not found by name."""
MOVED_BYTES = 256 << 20
"""The most bytes (256 MiB) `verify_sources` reads in search of documents not found by name."""


@attrs.define
class _Moved:
    """
    The search for documents not found under their names: the folder's other regular
    files, read one at a time, only until every document wanted is found, and never more
    than `MOVED_FILES` files or `MOVED_BYTES` bytes.

    Links are not followed (a link to a file elsewhere is not a document of the folder,
    and a folder of links to one large file would be read over and over), nor is a file
    read that is smaller than any document of the dataset may be: a document's excerpts
    end where its text must reach at least.  So a missing document costs a bounded
    reading, whatever the folder holds.
    """

    folder: Path
    named: frozenset[str]
    """The names of the documents looked up by name: their files are not moved ones."""
    smallest: int
    """The fewest bytes a document of the dataset may hold."""
    found: dict[str, Path] = attrs.field(factory=dict)
    """SHA-256 → file, for every file read so far."""
    candidates: list[tuple[str, int]] | None = None
    """The files left to read, (name, size), the last first (listed on first use)."""
    files: int = 0
    read: int = 0

    @property
    def stopped(self) -> bool:
        """Whether files are left unread because the search reached its bounds."""
        return bool(self.candidates) and (self.files >= MOVED_FILES or self.read >= MOVED_BYTES)

    def find(self, sha256: str) -> Path | None:
        """The file whose bytes hash to *sha256*, reading more files as needed and allowed."""
        if self.candidates is None:
            self.candidates = self._candidates()
        while sha256 not in self.found and self.candidates and not self.stopped:
            name, size = self.candidates.pop()
            self.files += 1
            self.read += size
            blob = _read_document(self.folder / name)
            if isinstance(blob, bytes):
                self.found.setdefault(hashlib.sha256(blob).hexdigest(), self.folder / name)
        return self.found.get(sha256)

    def missing(self, file: str) -> str:
        """Why the document *file* was not found."""
        message = f"no file {quote(file)} or with its SHA-256 in {self.folder}"
        if self.stopped:
            message += f" (searched {self.files} other files, {self.read:,} bytes, and stopped)"
        return message

    def _candidates(self) -> list[tuple[str, int]]:
        """(name, size) of the regular files of the folder that could be a document, in
        reverse name order (the first to read last)."""
        found: list[tuple[str, int]] = []
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if entry.name in self.named:
                        continue
                    try:
                        if not entry.is_file(follow_symlinks=False):
                            continue
                        size = entry.stat(follow_symlinks=False).st_size
                    except OSError:
                        continue
                    if self.smallest <= size <= MAX_DOCUMENT_BYTES:
                        found.append((entry.name, size))
        except OSError:
            return []
        return sorted(found, reverse=True)


def verify_sources(
    directory: str | os.PathLike[str], dataset: Dataset | None = None
) -> VerificationReport:
    """
    Check your own copy of the source documents against the dataset.

    Each `Source` is looked up in *directory* by its file name, or else by its
    SHA-256 among the folder's other files; its bytes must hash to the recorded
    SHA-256, and every excerpt's offsets must slice exactly the excerpt's text
    out of the document.  Every mismatch is reported; nothing is raised for
    a mismatch.

    The search by SHA-256, for a document not found by name, reads only
    regular files of the folder itself (not links), none smaller than the
    excerpts show a document must be, in name order, and stops once every missing document
    is found or after 64 files or 256 MiB: a document moved among many other files is
    reported missing, with a message saying the search stopped.

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
    _typed(dataset, Dataset, "verify_sources")
    folder = Path(directory)
    moved = _Moved(
        folder,
        frozenset(source.file for source in dataset.sources),
        _smallest(dataset),
    )
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
            found = moved.find(source.sha256)
            if found is None:
                mismatches.append(Mismatch(source.id, "missing", moved.missing(source.file)))
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


def _smallest(dataset: Dataset) -> int:
    """The fewest bytes any document of *dataset* may hold: as many as the characters up to
    the end of its last excerpt (a character takes at least one byte in UTF-8); the smallest
    of these over the documents, 0 for a document without excerpts."""
    reach = dict.fromkeys((source.id for source in dataset.sources), 0)
    for _where, excerpt in excerpts(dataset):
        if excerpt.source in reach:
            reach[excerpt.source] = max(reach[excerpt.source], excerpt.end)
    return min(reach.values(), default=0)
