"""
Reading what is on disk: a dataset folder (the bundled layout), or an export
in any format (JSON, JSON Lines, CSV tables, a data package, Parquet), whose
format says whether a path holds it and reads it (`aiforecasts._io.formats`).

Only regular files are read, and at most `MAX_BYTES` of one: a device, a pipe
or an endless file is refused with a `DataError` rather than read forever.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from aiforecasts._io.files import read_bounded
from aiforecasts._io.folder import parse
from aiforecasts._io.formats import holding
from aiforecasts._model.errors import DataError, Problem
from aiforecasts._model.kinds import KINDS
from aiforecasts._model.limits import MAX_BYTES

if TYPE_CHECKING:
    from aiforecasts._query.dataset import Dataset

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
    if target.is_dir() and (target / "manifest.json").is_file():
        return _folder(target, check_references=check_references)
    found = holding(target)
    if found is None:  # a folder no format holds
        message = (
            "not a dataset folder: no manifest.json, and no CSV table or Parquet file of a kind"
        )
        raise DataError([Problem("$", message, str(target))])
    return found.read(target, check_references=check_references)


def _folder(folder: Path, *, check_references: bool) -> Dataset:
    files = {
        kind.name: read_bounded(folder / f"{kind.name}.json")
        for kind in KINDS
        if (folder / f"{kind.name}.json").exists()
    }
    manifest = read_bounded(folder / "manifest.json")
    return parse(manifest, files, check_references=check_references, folder=f"{folder}{os.sep}")
