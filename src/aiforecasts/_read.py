"""
Reading what is on disk: an export file (JSON or JSON Lines), a dataset
folder (the bundled layout), or a folder of CSV tables (the CSV and
Frictionless exports).

Only regular files are read, and at most `MAX_BYTES` of one: a device, a pipe
or an endless file is refused with a `DataError` rather than read forever.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from aiforecasts import _load
from aiforecasts._arrow import PARQUET_SUFFIX, read_parquet
from aiforecasts._codec import NOT_JSON, read_json
from aiforecasts._errors import DataError, Problem, Problems
from aiforecasts._files import read_bounded
from aiforecasts._kinds import KINDS
from aiforecasts._limits import MAX_BYTES
from aiforecasts._tables import read_tables
from aiforecasts._values import quote
from aiforecasts._write import MANIFEST

if TYPE_CHECKING:
    from aiforecasts._dataset import Dataset

__all__ = ["MAX_BYTES", "load_path", "read_bounded"]


def load_path(path: str | os.PathLike[str], *, check_references: bool = True) -> Dataset:
    """
    Read a dataset from disk, as strictly as `loads`: an export file
    (``.json`` or ``.jsonl``), a dataset folder (``manifest.json`` and one JSON
    file per kind: the layout of the bundled data, which `curate` keeps), or
    a folder of CSV tables written by ``write(..., format="csv")`` or
    ``"datapackage"`` (or its ``datapackage.json``), or a folder of Parquet
    files written by ``write(..., format="parquet")``.

    >>> import aiforecasts, importlib.resources
    >>> bundled = importlib.resources.files("aiforecasts") / "data"
    >>> aiforecasts.load_path(str(bundled)) == aiforecasts.load()
    True

    Raises:
        DataError: listing every problem, each with its path and file; also
            for a path that is not a regular file or folder, or a file over
            1 GiB.
        OSError: if the path cannot be opened.
        TypeError: if *path* is not a str or `os.PathLike`.

    .. versionadded:: 0.1.0
    """
    if not isinstance(path, str | os.PathLike):
        message = f"load_path() takes a path (str or os.PathLike), not {type(path).__name__}"  # type: ignore[unreachable]
        raise TypeError(message)
    target = Path(path)
    if target.name == "datapackage.json" and target.is_file():
        return _tables(target.parent, check_references=check_references)
    if target.is_dir():
        if (target / "manifest.json").is_file():
            return _folder(target, check_references=check_references)
        if any((target / f"{kind.name}.csv").is_file() for kind in KINDS):
            return _tables(target, check_references=check_references)
        if any(target.glob(f"*{PARQUET_SUFFIX}")):
            return _parquet(target, check_references=check_references)
        message = (
            "not a dataset folder: no manifest.json, and no CSV table or Parquet file of a kind"
        )
        raise DataError([Problem("$", message, str(target))])
    blob = read_bounded(target)
    return _load._loads(blob, check_references=check_references, file=str(target))  # noqa: SLF001


def _folder(folder: Path, *, check_references: bool) -> Dataset:
    files = {
        kind.name: read_bounded(folder / f"{kind.name}.json")
        for kind in KINDS
        if (folder / f"{kind.name}.json").exists()
    }
    manifest = read_bounded(folder / "manifest.json")
    return _load.parse(
        manifest, files, check_references=check_references, folder=f"{folder}{os.sep}"
    )


def _listed_files_are_there(folder: Path, problems: Problems) -> bool:
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


def _parquet(folder: Path, *, check_references: bool) -> Dataset:
    problems = Problems()
    listed = _listed_files_are_there(folder, problems)
    dataset_version, values, whole = read_parquet(folder, problems)
    whole = whole and listed
    return _load.from_values(
        values,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: str(folder / f"{name}{PARQUET_SUFFIX}"),
    )


def _tables(folder: Path, *, check_references: bool) -> Dataset:
    problems = Problems()
    there = _listed_files_are_there(folder, problems)
    descriptor = folder / "datapackage.json"
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
                resource["path"].removesuffix(".csv")
                for resource in resources
                if isinstance(resource, dict) and isinstance(resource.get("path"), str)
            ]
    dataset_version, values, whole = read_tables(folder, problems, kinds=listed)
    whole = whole and there
    return _load.from_values(
        values,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: str(folder / f"{name}.csv"),
    )
