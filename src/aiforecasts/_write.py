"""
Writing exports to files and folders, never overwriting without being told.
"""

from __future__ import annotations

import json
import os
import pathlib
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from aiforecasts._dataset import KIND_OF, Dataset
from aiforecasts._export import parts, to_json, to_jsonl
from aiforecasts._query import Collection
from aiforecasts._tables import datapackage, to_csv

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aiforecasts._export import Exportable
    from aiforecasts._records import Record, Source

__all__ = ["Format", "write"]

Format = Literal["json", "jsonl", "csv", "datapackage"]


def write(  # noqa: PLR0913 - the options are keyword-only
    obj: Exportable,
    path: str | os.PathLike[str],
    *,
    format: Format = "json",  # noqa: A002
    overwrite: bool = False,
    dataset_version: str | None = None,
    indent: int | None = None,
) -> pathlib.Path:
    """
    Export *obj* to *path*: a file for ``json`` (*indent* as in `to_json`)
    and ``jsonl``, a folder of tables for ``csv``, a folder with
    ``datapackage.json`` for ``datapackage`` (Frictionless).

    Nothing is overwritten unless *overwrite* is true: an existing file, or
    a folder that is not empty, raises `FileExistsError`.  Files are written
    to a temporary name and renamed into place, so a reader never sees half
    a file.

    >>> import aiforecasts, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> aiforecasts.write(aiforecasts.load(), folder / "all.json").name
    'all.json'
    >>> aiforecasts.write(aiforecasts.load(), folder / "all.json")
    Traceback (most recent call last):
    ...
    FileExistsError: ... exists; pass overwrite=True to replace it

    Returns:
        The path written.

    Raises:
        FileExistsError: if *path* exists (a non-empty folder) and *overwrite* is false.

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    if not isinstance(obj, (Dataset, Collection)) and type(obj) not in KIND_OF:
        obj = list(cast("Iterable[Record]", obj))  # read once; a package needs it twice
    if format in ("json", "jsonl"):
        _refuse_existing(target, overwrite=overwrite)
        if format == "json":
            text = to_json(obj, dataset_version=dataset_version, indent=indent)
        else:
            text = to_jsonl(obj, dataset_version=dataset_version)
        _write_atomically(target, text)
        return target
    if format not in ("csv", "datapackage"):
        msg = f"format must be json, jsonl, csv or datapackage, not {format!r}"
        raise ValueError(msg)
    if target.exists() and (not target.is_dir() or any(target.iterdir())) and not overwrite:
        msg = f"{target} exists and is not an empty folder; pass overwrite=True to write into it"
        raise FileExistsError(msg)
    target.mkdir(parents=True, exist_ok=True)
    tables = to_csv(obj, dataset_version=dataset_version)
    for name, text in tables.items():
        _write_atomically(target / name, text)
    if format == "datapackage":
        found, version = parts(obj, dataset_version)
        descriptor = datapackage(list(found), version, _sources_of(obj, found))
        _write_atomically(
            target / "datapackage.json",
            json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        )
    return target


def _sources_of(obj: Any, found: dict[str, list[Any]]) -> list[Source]:
    if "sources" in found:
        return list(found["sources"])
    if isinstance(obj, Dataset):
        return list(obj.sources)
    resolver = obj._resolver if isinstance(obj, Collection) else None  # noqa: SLF001
    return list(resolver.stores["sources"].records) if resolver is not None else []


def _refuse_existing(target: Path, *, overwrite: bool) -> None:
    if target.exists() and not overwrite:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)


def _write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        # mkstemp makes the file private (0600); give it the mode a new file would get.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # noqa: PTH101
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
