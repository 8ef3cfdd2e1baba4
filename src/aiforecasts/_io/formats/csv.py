"""
The ``csv`` format: a folder of CSV tables, one per kind (`to_csv`), read
back through the tables' strict reader (`read_tables`), which the
``datapackage`` format shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._codec.reading import NOT_JSON, read_json
from aiforecasts._io.csv_read import read_tables
from aiforecasts._io.csv_write import to_csv
from aiforecasts._io.envelope import from_values
from aiforecasts._io.files import read_bounded
from aiforecasts._io.formats.base import FolderFormat, kind_files, listed_files_are_there
from aiforecasts._model.errors import Problem, Problems
from aiforecasts._model.kinds import KINDS

if TYPE_CHECKING:
    from pathlib import Path

    from aiforecasts._io.export import Exportable
    from aiforecasts._query.dataset import Dataset

__all__ = ["DESCRIPTOR", "FORMAT", "SUFFIX", "has_tables", "read_folder"]

SUFFIX = ".csv"
DESCRIPTOR = "datapackage.json"
"""The Frictionless descriptor: a folder of tables with it is a data package."""


def _write(
    obj: Exportable, /, *, dataset_version: str | None, indent: int | None
) -> dict[str, bytes]:
    del indent  # tables are not indented
    files = to_csv(obj, dataset_version=dataset_version)
    return {name: text.encode("utf-8") for name, text in files.items()}


def has_tables(path: Path) -> bool:
    """Whether *path* is a folder holding a CSV table named after a kind."""
    return path.is_dir() and any((path / f"{kind.name}{SUFFIX}").is_file() for kind in KINDS)


def _holds(path: Path) -> bool:
    return has_tables(path) and not (path / DESCRIPTOR).is_file()


def read_folder(folder: Path, *, check_references: bool) -> Dataset:
    """
    The CSV tables in *folder* read back (a CSV or data-package export): the
    tables a ``datapackage.json`` there lists must all be there.
    """
    problems = Problems()
    there = listed_files_are_there(folder, problems)
    descriptor = folder / DESCRIPTOR
    listed: list[str] | None = None
    if descriptor.exists():
        value = read_json(read_bounded(descriptor), str(descriptor), problems)
        resources = value.get("resources") if isinstance(value, dict) else None
        if not isinstance(resources, list):
            if value is not NOT_JSON:
                message = "expected a data package: an object with a list of 'resources'"
                problems.append(Problem("$", message, str(descriptor)))
        else:
            listed = [
                resource["path"].removesuffix(SUFFIX)
                for resource in resources
                if isinstance(resource, dict) and isinstance(resource.get("path"), str)
            ]
    dataset_version, values, whole = read_tables(folder, problems, kinds=listed)
    whole = whole and there
    return from_values(
        values,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: str(folder / f"{name}{SUFFIX}"),
    )


FORMAT = FolderFormat("csv", kind_files(SUFFIX), write=_write, read=read_folder, holds=_holds)
"""A folder of tables (without a ``datapackage.json``: that is the ``datapackage`` format)."""
