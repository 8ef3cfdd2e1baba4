"""
The ``datapackage`` format: the CSV tables with a Frictionless
``datapackage.json`` and a ``README.md`` dataset card; read back as the
tables are, the descriptor naming the tables that must be there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._codec.json import dumps_readable
from aiforecasts._io.csv_write import to_csv
from aiforecasts._io.export import parts, sources_of
from aiforecasts._io.formats.base import FolderFormat, kind_files
from aiforecasts._io.formats.csv import DESCRIPTOR, SUFFIX, has_tables, read_folder
from aiforecasts._io.frictionless import datapackage, package_card

if TYPE_CHECKING:
    from pathlib import Path

    from aiforecasts._io.export import Exportable
    from aiforecasts._query.dataset import Dataset

__all__ = ["FORMAT"]

_CARD = "README.md"


def _write(
    obj: Exportable, /, *, dataset_version: str | None, indent: int | None
) -> dict[str, bytes]:
    del indent  # tables are not indented
    files = to_csv(obj, dataset_version=dataset_version)
    found, version = parts(obj, dataset_version)
    sources = sources_of(obj, found)
    descriptor = datapackage(list(found), version, sources)
    files[DESCRIPTOR] = dumps_readable(descriptor)
    files[_CARD] = package_card(list(found), version, sources)
    return {name: text.encode("utf-8") for name, text in files.items()}


def _holds(path: Path) -> bool:
    # The descriptor itself names its folder.
    if path.name == DESCRIPTOR and path.is_file():
        return True
    return has_tables(path) and (path / DESCRIPTOR).is_file()


def _read(path: Path, *, check_references: bool) -> Dataset:
    folder = path if path.is_dir() else path.parent  # the folder, or its descriptor
    return read_folder(folder, check_references=check_references)


FORMAT = FolderFormat(
    "datapackage",
    kind_files(SUFFIX) | {DESCRIPTOR, _CARD},
    write=_write,
    read=_read,
    holds=_holds,
)
"""A folder of tables, ``datapackage.json`` and a dataset card; its descriptor stands for it."""
