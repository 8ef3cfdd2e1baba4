"""
The export formats: one module each, listed here once.

`write` takes its writer from here, `load_path` asks here which format a path
holds, and the command line's ``export --format`` offers these names.  Adding
a format is a module declaring a `FileFormat` or `FolderFormat` (see
`aiforecasts._io.formats.base`), its line in `FORMATS`, and its name in the
`Format` type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from aiforecasts._io.formats import csv, datapackage, json, jsonl, parquet
from aiforecasts._io.formats.base import MANIFEST, FileFormat, FolderFormat

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "FOLDER_FILES",
    "FORMATS",
    "INDENTED",
    "MANIFEST",
    "NAMES",
    "ExportFormat",
    "FileFormat",
    "FolderFormat",
    "Format",
    "holding",
    "named",
]

Format = Literal["json", "jsonl", "csv", "datapackage", "parquet"]
"""The name of an export format, for type checkers: the names of `FORMATS`, in order."""

ExportFormat = FileFormat | FolderFormat

# In the order the command line offers them and `load_path` asks them.
FORMATS: tuple[ExportFormat, ...] = (
    json.FORMAT,
    jsonl.FORMAT,
    csv.FORMAT,
    datapackage.FORMAT,
    parquet.FORMAT,
)

NAMES = tuple(fmt.name for fmt in FORMATS)
"""The formats' names, in order: the choices of ``export --format``."""

INDENTED = tuple(fmt.name for fmt in FORMATS if fmt.indented)
"""The formats that take an *indent* (``--indent``)."""

FOLDER_FILES: frozenset[str] = frozenset().union(
    *(fmt.files for fmt in FORMATS if isinstance(fmt, FolderFormat))
)
"""Every name a folder export writes (besides its manifest): nothing else is ever replaced,
whatever a manifest claims."""


def named(name: object) -> ExportFormat:
    """
    The format called *name*.

    Raises:
        ValueError: if no format is called that.
    """
    for fmt in FORMATS:
        if fmt.name == name:
            return fmt
    msg = f"format must be {', '.join(NAMES[:-1])} or {NAMES[-1]}, not {name!r}"
    raise ValueError(msg)


def holding(path: Path) -> ExportFormat | None:
    """
    The format *path* holds: the first in `FORMATS` whose `holds` says so;
    for a path that is not a folder, else the one-file format without a
    `holds` (JSON, read by what it holds).  None for a folder no format holds.
    """
    for fmt in FORMATS:
        if fmt.holds is not None and fmt.holds(path):
            return fmt
    if path.is_dir():
        return None
    return next(fmt for fmt in FORMATS if fmt.holds is None)
