"""
The ``json`` format: one JSON document holding the records (`to_json`), read
back by `loads`.  It is also the format of any file no other format holds:
its reader tells a document from JSON Lines by what the file holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._io.export import json_bytes
from aiforecasts._io.formats.base import FileFormat, read_export_file

if TYPE_CHECKING:
    from aiforecasts._io.export import Exportable

__all__ = ["FORMAT"]


def _write(obj: Exportable, /, *, dataset_version: str | None, indent: int | None) -> bytes:
    return json_bytes(obj, dataset_version=dataset_version, indent=indent)


FORMAT = FileFormat("json", ".json", write=_write, read=read_export_file, indented=True)
"""One file; *indent* spaces for people; the file of any name that no other format holds."""
