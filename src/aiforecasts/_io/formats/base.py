"""
What an export format declares, and what the formats' readers share.

A format is one file (`FileFormat`: JSON, JSON Lines) or a folder of files
(`FolderFormat`: CSV tables, a data package, Parquet).  Each declares its
name, its layout on disk, its writer (the bytes of the file, or the folder's
``{file name: bytes}``) and its reader (whether a path holds it, and how to
read it back to a `Dataset` through the strict readers of `_io.loads`, `_io.lines`,
`_io.csv_read` and `_io.parquet_read`).  `write` and `load_path` only dispatch:
how the bytes are put on disk (atomically, never overwriting without being told)
stays in `_io.write`.

This module sits below the format modules, which declare themselves with its
classes, and below the registry (`aiforecasts._io.formats`), which lists them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import attrs

from aiforecasts._codec.reading import NOT_JSON, read_json
from aiforecasts._io.files import read_bounded
from aiforecasts._io.loads import read_export
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import Problem
from aiforecasts._model.kinds import KINDS

if TYPE_CHECKING:
    from aiforecasts._io.export import Exportable
    from aiforecasts._model.errors import Problems
    from aiforecasts._query.dataset import Dataset

__all__ = [
    "MANIFEST",
    "FileFormat",
    "FileWriter",
    "FolderFormat",
    "FolderWriter",
    "Reader",
    "kind_files",
    "listed_files_are_there",
    "read_export_file",
]

MANIFEST = ".aiforecasts-export.json"
"""The hidden file in an export folder listing the files the export wrote: the files a
later overwrite may replace.  (Not ``manifest.json``: that name marks the bundled layout.)"""


class FileWriter(Protocol):
    """Writes a one-file format: the file's bytes."""

    def __call__(
        self, obj: Exportable, /, *, dataset_version: str | None, indent: int | None
    ) -> bytes: ...


class FolderWriter(Protocol):
    """Writes a folder format: the folder's files, ``{file name: bytes}``."""

    def __call__(
        self, obj: Exportable, /, *, dataset_version: str | None, indent: int | None
    ) -> dict[str, bytes]: ...


class Reader(Protocol):
    """Reads the format at a path (one its `holds` accepts) back to a `Dataset`."""

    def __call__(self, path: Path, /, *, check_references: bool) -> Dataset: ...


@attrs.frozen
class FileFormat:
    """
    An export that is one file.

    *holds* says whether a path holds this format; None makes it the format
    of any path that is not a folder and that no other format holds (JSON:
    its reader tells a document from JSON Lines by what the file holds).
    Only *write* takes an *indent* where *indented* is true.
    """

    name: str
    suffix: str
    """The ending of the file's name, as people give it (``.json``)."""
    write: FileWriter
    read: Reader
    holds: Callable[[Path], bool] | None = None
    indented: bool = False


@attrs.frozen
class FolderFormat:
    """
    An export that is a folder of files.

    *files* is every name it may write there (besides `MANIFEST`): an
    overwrite replaces only those, whatever a manifest claims.  *holds* says
    whether a path (a folder, or a file that stands for one, such as
    ``datapackage.json``) holds this format.
    """

    name: str
    files: frozenset[str]
    write: FolderWriter
    read: Reader
    holds: Callable[[Path], bool]
    indented: bool = False


def kind_files(suffix: str) -> frozenset[str]:
    """The file names of a table per kind ending in *suffix* (``predictions.csv``, ...)."""
    return frozenset(f"{kind.name}{suffix}" for kind in KINDS)


def read_export_file(path: Path, *, check_references: bool) -> Dataset:
    """
    An export file read back, JSON or JSON Lines (told apart by what it
    holds, not by its name): regular files only, at most `MAX_BYTES`.
    """
    blob = read_bounded(path)
    return read_export(blob, check_references=check_references, file=str(path))


def listed_files_are_there(folder: Path, problems: Problems) -> bool:
    """
    Whether every file the export's own list (`MANIFEST`, written by `write`) names is
    in *folder*, noting each one that is not.  A table deleted from an export would
    otherwise read as a kind with no records; a folder without the list (an older
    export, one put together by hand) is read as it is.
    """
    manifest = folder / MANIFEST
    if not manifest.exists():
        return True
    value = read_json(read_bounded(manifest), str(manifest), problems)
    files = value.get("files") if isinstance(value, dict) else None
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        if value is not NOT_JSON:
            message = "expected the list of an export's files: an object with a list of 'files'"
            problems.append(Problem("$", message, str(manifest)))
        return False
    there = True
    for name in files:
        if os.sep in name or name in {"", ".", ".."} or not (folder / name).exists():
            message = f"{quote(name)} is listed among the export's files but is not there"
            problems.append(Problem("files", message, str(manifest)))
            there = False
    return there
