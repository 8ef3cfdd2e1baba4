"""
The ``parquet`` format: a folder of Parquet files, one per kind
(`to_arrow`, `to_parquet`), with a ``README.md`` dataset card; read back
through `read_parquet`'s checks and the tables' strict path.  Needs the
``arrow`` extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._io.arrow import PARQUET_SUFFIX, parquet_card, to_arrow, to_parquet
from aiforecasts._io.envelope import from_values
from aiforecasts._io.export import parts, sources_of
from aiforecasts._io.formats.base import FolderFormat, kind_files, listed_files_are_there
from aiforecasts._io.parquet_read import read_parquet
from aiforecasts._model.errors import Problems

if TYPE_CHECKING:
    from pathlib import Path

    from aiforecasts._io.export import Exportable
    from aiforecasts._query.dataset import Dataset

__all__ = ["FORMAT"]

_CARD = "README.md"


def _write(
    obj: Exportable, /, *, dataset_version: str | None, indent: int | None
) -> dict[str, bytes]:
    del indent  # binary columns: nothing to indent
    found, version = parts(obj, dataset_version)
    sources = sources_of(obj, found)
    data = {
        f"{kind}{PARQUET_SUFFIX}": to_parquet(
            to_arrow(records, dataset_version=version, sources=sources)
        )
        for kind, records in found.items()
        if records
    }
    data[_CARD] = parquet_card(list(found), version, sources).encode("utf-8")
    return data


def _holds(path: Path) -> bool:
    return path.is_dir() and any(path.glob(f"*{PARQUET_SUFFIX}"))


def _read(folder: Path, *, check_references: bool) -> Dataset:
    problems = Problems()
    listed = listed_files_are_there(folder, problems)
    dataset_version, values, whole = read_parquet(folder, problems)
    whole = whole and listed
    return from_values(
        values,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: str(folder / f"{name}{PARQUET_SUFFIX}"),
    )


FORMAT = FolderFormat(
    "parquet",
    kind_files(PARQUET_SUFFIX) | {_CARD},
    write=_write,
    read=_read,
    holds=_holds,
)
"""A folder of Parquet files, one per kind with records, and a dataset card."""
