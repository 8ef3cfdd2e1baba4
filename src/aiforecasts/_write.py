"""
Writing exports to files and folders, never overwriting without being told.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import secrets
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from aiforecasts._arrow import PARQUET_SUFFIX, parquet_card, to_arrow, to_parquet
from aiforecasts._dataset import KIND_OF, KINDS, Dataset
from aiforecasts._export import json_bytes, parts, sources_of, to_jsonl
from aiforecasts._query import Collection
from aiforecasts._tables import datapackage, package_card, to_csv

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aiforecasts._export import Exportable
    from aiforecasts._records import Record

__all__ = ["Format", "write", "write_file"]

Format = Literal["json", "jsonl", "csv", "datapackage", "parquet"]


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
    ``datapackage.json`` for ``datapackage`` (Frictionless), a folder of
    Parquet files (one per kind, see `to_arrow`) with a ``README.md`` dataset
    card for ``parquet`` (needs the ``arrow`` extra).

    Nothing is overwritten unless *overwrite* is true: an existing file (a
    link to nothing included), or a folder that is not empty, raises
    `FileExistsError` — also when another process writes the same new path
    at the same moment: exactly one of them succeeds.  A file is written
    under a hidden temporary name beside its place and then linked (or, with
    *overwrite*, renamed) into place whole, so a reader never sees half of
    it; a folder of tables is written beside its place and renamed into it.
    Files get the permissions the process's umask gives new files.  (A
    process killed while writing may leave its hidden ``.NAME.*.tmp`` behind.)
    Writing tables into a folder with *overwrite* replaces the tables of an
    earlier export there (a kind's ``.csv``, ``datapackage.json``) and leaves
    any other file alone.

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
            blob = json_bytes(obj, dataset_version=dataset_version, indent=indent)
        else:
            blob = to_jsonl(obj, dataset_version=dataset_version).encode("utf-8")
        write_file(target, blob, overwrite=overwrite)
        return target
    if format not in ("csv", "datapackage", "parquet"):
        msg = f"format must be json, jsonl, csv, datapackage or parquet, not {format!r}"
        raise ValueError(msg)
    if target.is_file() or (target.is_symlink() and not target.exists()):
        msg = f"{target} is a file: a {format} export is a folder; give a folder"
        raise FileExistsError(msg)
    if target.exists() and any(target.iterdir()) and not overwrite:
        msg = f"{target} exists and is not an empty folder; pass overwrite=True to write into it"
        raise FileExistsError(msg)
    if format == "parquet":
        found, version = parts(obj, dataset_version)
        sources = sources_of(obj, found)
        data = {
            f"{kind}{PARQUET_SUFFIX}": to_parquet(
                to_arrow(records, dataset_version=version, sources=sources)
            )
            for kind, records in found.items()
            if records
        }
        data["README.md"] = parquet_card(list(found), version, sources).encode("utf-8")
        _write_folder(target, data, overwrite=overwrite)
        return target
    files = to_csv(obj, dataset_version=dataset_version)
    if format == "datapackage":
        found, version = parts(obj, dataset_version)
        sources = sources_of(obj, found)
        descriptor = datapackage(list(found), version, sources)
        text = json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        files["datapackage.json"] = text
        files["README.md"] = package_card(list(found), version, sources)
    data = {name: text.encode("utf-8") for name, text in files.items()}
    _write_folder(target, data, overwrite=overwrite)
    return target


def _refuse_existing(target: Path, *, overwrite: bool) -> None:
    if (target.exists() or target.is_symlink()) and not overwrite:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)


def _temporary_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")


def write_file(target: Path, data: bytes, *, overwrite: bool) -> None:
    """
    *data* into *target* whole.  Without *overwrite*, the final step is a hard
    link, which fails if anything is at *target* — so of two writers of a new
    path, one wins and the other gets `FileExistsError`.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _temporary_name(target)
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        _place(temporary, target, overwrite=overwrite)
    finally:
        temporary.unlink(missing_ok=True)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=True)
    except FileExistsError:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg) from None


def _place(temporary: Path, target: Path, *, overwrite: bool) -> None:
    if overwrite:
        temporary.replace(target)
    else:
        _link(temporary, target)


def _write_folder(target: Path, files: dict[str, bytes], *, overwrite: bool) -> None:
    """
    The *files* into the folder *target*: written into a folder beside it,
    which is then renamed into place; where *target* already holds files
    (allowed with *overwrite*), they are replaced one by one.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = _temporary_name(target)
    staging.mkdir()
    try:
        for name, data in files.items():
            write_file(staging / name, data, overwrite=False)
        if not target.exists() or not any(target.iterdir()):
            try:
                staging.rename(target)  # an empty folder is replaced; a full one is not
            except OSError as error:
                if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
                    msg = f"{target} was written by someone else meanwhile; nothing replaced"
                    raise FileExistsError(msg) from None
                raise
            return
        if not overwrite:
            msg = f"{target} was written by someone else meanwhile; nothing replaced"
            raise FileExistsError(msg)
        # Tables of an earlier export that this one does not hold would read as part of it.
        ours = {f"{kind.name}{suffix}" for kind in KINDS for suffix in (".csv", PARQUET_SUFFIX)}
        ours |= {"datapackage.json", "README.md"}
        for stale in sorted(ours - files.keys()):
            (target / stale).unlink(missing_ok=True)
        for name in files:
            (staging / name).replace(target / name)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
