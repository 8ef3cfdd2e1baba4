"""
The ``jsonl`` format: JSON Lines, one record per line (`to_jsonl`), read back
by `loads`; a file whose name ends in ``.jsonl``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._io.export import to_jsonl
from aiforecasts._io.formats.base import FileFormat, read_export_file

if TYPE_CHECKING:
    from pathlib import Path

    from aiforecasts._io.export import Exportable

__all__ = ["FORMAT"]

_SUFFIX = ".jsonl"


def _write(obj: Exportable, /, *, dataset_version: str | None, indent: int | None) -> bytes:
    del indent  # one record per line: never indented
    return to_jsonl(obj, dataset_version=dataset_version).encode("utf-8")


def _holds(path: Path) -> bool:
    # By name only: what the file holds is told by its reader, which reads JSON as well.
    return path.suffix == _SUFFIX and not path.is_dir()


FORMAT = FileFormat("jsonl", _SUFFIX, write=_write, read=read_export_file, holds=_holds)
"""One file, a record per line."""
