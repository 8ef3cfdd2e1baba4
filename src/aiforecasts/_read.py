"""
Reading what is on disk: an export file (JSON or JSON Lines), a dataset
folder (the bundled layout), or a folder of CSV tables (the CSV and
Frictionless exports).

Only regular files are read, and at most `MAX_BYTES` of one: a device, a pipe
or an endless file is refused with a `DataError` rather than read forever.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from aiforecasts import _load
from aiforecasts._codec import NOT_JSON, read_json
from aiforecasts._dataset import KINDS
from aiforecasts._errors import DataError, Problem, Problems
from aiforecasts._tables import read_tables

if TYPE_CHECKING:
    from aiforecasts._dataset import Dataset

__all__ = ["MAX_BYTES", "load_path", "read_bounded"]

MAX_BYTES = 1 << 30
"""The most one file may hold (1 GiB): 100,000 records take about 75 MB."""


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """
    The bytes of the regular file *path*, at most *limit* of them.

    Raises:
        DataError: if *path* is not a regular file (a folder, device, pipe,
            socket) or holds more than *limit* bytes.
        OSError: if it cannot be opened (missing, no permission).
    """
    # Non-blocking: opening a pipe for reading would otherwise wait for a writer.
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            kind = "a folder" if path.is_dir() else "a device, pipe or socket"
            raise DataError([Problem("$", f"not a regular file but {kind}", str(path))])
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            try:
                chunk = os.read(handle, min(1 << 20, limit + 1 - size))
            except BlockingIOError:  # a "file" that must be waited for (/proc/kmsg)
                message = "a file whose content must be waited for: not read"
                raise DataError([Problem("$", message, str(path))]) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        blob = b"".join(chunks)
    finally:
        os.close(handle)
    if len(blob) > limit:
        message = f"larger than {limit:,} bytes: not read (no export is that large)"
        raise DataError([Problem("$", message, str(path))])
    return blob


def load_path(path: str | os.PathLike[str], *, check_references: bool = True) -> Dataset:
    """
    Read a dataset from disk, as strictly as `loads`: an export file
    (``.json`` or ``.jsonl``), a dataset folder (``manifest.json`` and one JSON
    file per kind: the layout of the bundled data, which `curate` keeps), or
    a folder of CSV tables written by ``write(..., format="csv")`` or
    ``"datapackage"`` (or its ``datapackage.json``).

    >>> import aiforecasts, importlib.resources
    >>> bundled = importlib.resources.files("aiforecasts") / "data"
    >>> aiforecasts.load_path(str(bundled)) == aiforecasts.load()
    True

    Raises:
        DataError: listing every problem, each with its path and file; also
            for a path that is not a regular file or folder, or a file over
            1 GiB.
        OSError: if the path cannot be opened.

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    if target.name == "datapackage.json" and target.is_file():
        return _tables(target.parent, check_references=check_references)
    if target.is_dir():
        if (target / "manifest.json").is_file():
            return _folder(target, check_references=check_references)
        if any((target / f"{kind.name}.csv").is_file() for kind in KINDS):
            return _tables(target, check_references=check_references)
        message = "not a dataset folder: no manifest.json, and no CSV table of a kind"
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


def _tables(folder: Path, *, check_references: bool) -> Dataset:
    problems = Problems()
    descriptor = folder / "datapackage.json"
    if descriptor.exists():
        value = read_json(read_bounded(descriptor), str(descriptor), problems)
        if value is not NOT_JSON and not isinstance(value, dict):
            problems.append(Problem("$", "expected a JSON object", str(descriptor)))
    dataset_version, values = read_tables(folder, problems)
    return _load.from_values(
        values,
        dataset_version,
        problems,
        check_references=check_references,
        file=lambda name: str(folder / f"{name}.csv"),
    )
