"""
Writing exports to files and folders, never overwriting without being told.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import pathlib
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING, cast

import attrs

from aiforecasts._codec.json import dumps_readable
from aiforecasts._io.files import (
    file_kind,
    lstat,
    refuse_existing,
    stage_file,
    temporary_name,
    write_file,
)
from aiforecasts._io.formats import FOLDER_FILES, MANIFEST, FileFormat, Format, named
from aiforecasts._model.kinds import KIND_OF
from aiforecasts._query.collections import Collection
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aiforecasts._io.export import Exportable
    from aiforecasts._model.records import Record

__all__ = ["MANIFEST", "Format", "write"]


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
    under a short hidden temporary name (``.aiforecasts-*.tmp``) beside its
    place and then linked (or, with *overwrite*, renamed) into place whole,
    so a reader never sees half of it; a folder of tables is written beside
    its place and renamed into it.  Files get the permissions the process's
    umask gives new files.  (A process killed while writing may leave a
    hidden ``.aiforecasts-*.tmp`` behind.)

    A folder export lists the files it writes in a hidden
    ``.aiforecasts-export.json`` inside it; readers ignore it.  *overwrite*
    replaces only a regular file (for ``json`` and ``jsonl``) or a folder of
    an earlier export — never a device, pipe, socket or link, whoever runs
    it.  In an earlier export's folder it replaces the files that export
    listed, as a set: the new folder is written beside the old one, the
    user's own files in the old one (any file or folder it did not list) are
    carried into it, and the two are swapped; if anything fails, the old
    export is left whole.  A non-empty folder without that list is not
    replaced, unless it holds only the files an export wrote before the list
    existed (tables, ``datapackage.json``, a ``README.md`` dataset card); nor
    is a folder where the new export would write over a file of the user's
    (their own ``README.md`` under a ``datapackage`` export).

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
        FileExistsError: if *path* exists (a non-empty folder) and *overwrite*
            is false; with *overwrite*, if *path* is not a regular file (for
            ``json``, ``jsonl``) or not a folder of an earlier export (for
            tables), if the export would replace a file it did not write, or
            if *path* changed while the export was being written.  Nothing
            is replaced then.
        IsADirectoryError: if *path* is a folder and the format, a file.
        OSError: if writing fails (a full disk, no permission); nothing is
            replaced then either.

    .. versionadded:: 0.1.0
    """
    target = Path(path)
    if not isinstance(obj, (Dataset, Collection)) and type(obj) not in KIND_OF:
        obj = list(cast("Iterable[Record]", obj))  # read once; a package needs it twice
    chosen = named(format)  # refused before any work, as a usage error
    if isinstance(chosen, FileFormat):
        refuse_existing(target, overwrite=overwrite)
        blob = chosen.write(obj, dataset_version=dataset_version, indent=indent)
        write_file(target, blob, overwrite=overwrite)
        return target
    if target.name in ("", ".."):  # the folder itself, which has a name and a parent
        target = Path(os.path.realpath(target))
    _examine(target, format, overwrite=overwrite)  # refused before the work, and again after it
    data = chosen.write(obj, dataset_version=dataset_version, indent=indent)
    _write_folder(target, data, format=format, overwrite=overwrite)
    return target


# -- what is at a destination ---------------------------------------------------------

_EXPORT_NAMES = FOLDER_FILES
"""Every name a folder export writes (besides its manifest): nothing else is ever replaced,
whatever a manifest claims.  (`MANIFEST` is declared with the formats, whose readers need it.)"""

_SMALL = 1 << 16
"""The most read of a manifest, or of a card to recognise it: both are a few kilobytes."""


def _same(one: os.stat_result, other: os.stat_result) -> bool:
    return (one.st_dev, one.st_ino) == (other.st_dev, other.st_ino)


# -- folders --------------------------------------------------------------------------


@attrs.frozen
class _Old:
    """
    A folder an overwrite will replace: what it was when looked at (to tell
    if it changed since), the names an earlier export wrote in it (*ours*, its
    manifest included), and the rest (*theirs*, kept).
    """

    found: os.stat_result
    ours: frozenset[str]
    theirs: tuple[str, ...]


def _examine(
    target: Path,
    format: str,  # noqa: A002
    *,
    overwrite: bool,
    names: Iterable[str] = (),
) -> _Old | None:
    """
    What an export of *format* writing *names* may do at *target*: None if
    nothing or an empty folder is there (the new folder takes its place), an
    `_Old` for a folder of an earlier export; anything else is refused.
    """
    found = lstat(target)
    if found is None:
        return None
    if stat.S_ISREG(found.st_mode):
        msg = f"{target} is a file: a {format} export is a folder; give a folder"
        raise FileExistsError(msg)
    if not stat.S_ISDIR(found.st_mode):
        what = file_kind(found.st_mode)
        hint = "; give the folder it points to" if stat.S_ISLNK(found.st_mode) else ""
        msg = f"{target} is {what}, not a folder: a {format} export is a folder{hint}"
        raise FileExistsError(msg)
    with os.scandir(target) as listing:
        entries = {entry.name: entry for entry in listing}
    if not entries:
        return None
    if not overwrite:
        msg = f"{target} exists and is not an empty folder; pass overwrite=True to write into it"
        raise FileExistsError(msg)
    listed = _manifest(target, entries)
    regular = {name for name, entry in entries.items() if entry.is_file(follow_symlinks=False)}
    if listed is None:
        # An export written before the manifest: adopted only if it holds nothing else.
        foreign = sorted(
            name
            for name in entries
            if name not in regular
            or name not in _EXPORT_NAMES
            or (name == "README.md" and not _is_our_card(target / name))
        )
        if foreign:
            msg = (
                f"{target} is not an export folder (it has no {MANIFEST}) and holds files "
                f"an export does not write, such as {foreign[0]}: nothing replaced"
            )
            raise FileExistsError(msg)
        ours = frozenset(regular)
    else:
        ours = frozenset((listed & _EXPORT_NAMES & regular) | {MANIFEST})
    theirs = tuple(sorted(set(entries) - ours))
    for name in sorted(set(theirs) & set(names)):
        msg = (
            f"{target / name} was not written by an export: it stays, and nothing is "
            f"replaced (move it away to write a {format} export here)"
        )
        raise FileExistsError(msg)
    return _Old(found, ours, theirs)


def _manifest(folder: Path, entries: dict[str, os.DirEntry[str]]) -> set[str] | None:
    """The names the manifest in *folder* lists; None if there is none."""
    entry = entries.get(MANIFEST)
    if entry is None:
        return None
    value: object = None
    if entry.is_file(follow_symlinks=False):
        try:
            value = json.loads(_read_small(folder / MANIFEST))
        except (OSError, ValueError):
            value = None
    files = value.get("files") if isinstance(value, dict) else None
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        msg = f"{folder} is not an export folder: its {MANIFEST} is not one aiforecasts writes"
        raise FileExistsError(msg)
    return set(files)


def _read_small(path: Path) -> bytes:
    """The first `_SMALL` bytes of the regular file *path*, without following a link or waiting."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    handle = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return os.read(handle, _SMALL)
    finally:
        os.close(handle)


def _is_our_card(path: Path) -> bool:
    """Whether the ``README.md`` at *path* is a dataset card an export wrote (not the user's)."""
    try:
        head = _read_small(path)
    except OSError:
        return False
    return head.startswith(b"---\n") and b"\npretty_name: aiforecasts\n" in head


def _write_folder(target: Path, files: dict[str, bytes], *, format: str, overwrite: bool) -> None:  # noqa: A002
    """
    The *files* and a manifest listing them into the folder *target*: written
    into a folder beside it, which then takes its place.  Where *target* is
    an earlier export (allowed with *overwrite*), the two are swapped; the
    user's own files in it are carried into the new folder first.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    old = _examine(target, format, overwrite=overwrite, names=files)
    manifest = {"files": sorted(files), "format": format, "written_by": "aiforecasts"}
    text = dumps_readable(manifest)
    staging = _staging_folder(target.parent)
    carried = _Carried()
    try:
        for name, data in files.items():
            stage_file(staging, data, name)
        stage_file(staging, text.encode("utf-8"), MANIFEST)
        found = lstat(target)
        if found is not None and stat.S_ISDIR(found.st_mode):
            staging.chmod(stat.S_IMODE(found.st_mode))  # the folder keeps its permissions
        if old is None:
            _rename_into(staging, target)
            return
        _swap(target, staging, old, carried)
    finally:
        _remove_staging(staging, carried)


def _staging_folder(parent: Path) -> Path:
    for _ in range(100):
        staging = temporary_name(parent)
        try:
            staging.mkdir()
        except FileExistsError:
            continue
        return staging
    msg = f"no free temporary name in {parent}"
    raise FileExistsError(msg)


def _rename_into(staging: Path, target: Path) -> None:
    """*staging* renamed to *target*, where nothing or an empty folder is."""
    try:
        staging.rename(target)
    except OSError as error:
        if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
            msg = f"{target} was written by someone else meanwhile; nothing replaced"
            raise FileExistsError(msg) from None
        raise


@attrs.define
class _Carried:
    """The user's entries carried into the new folder: hard-linked (a second name) or moved."""

    linked: list[str] = attrs.Factory(list)
    moved: list[str] = attrs.Factory(list)


def _carry(old: Path, new: Path, name: str, carried: _Carried) -> None:
    """
    The user's entry *name* of the folder *old* into *new*: a hard link where
    one can be made, so the old folder stays whole until the swap; a folder
    (or what cannot be linked) is moved, and moved back if the swap fails.
    """
    if not (old / name).is_dir() or (old / name).is_symlink():
        try:
            os.link(old / name, new / name, follow_symlinks=False)
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.EACCES, errno.EMLINK, errno.EOPNOTSUPP):
                raise
        else:
            carried.linked.append(name)
            return
    (old / name).rename(new / name)
    carried.moved.append(name)


def _swap(target: Path, staging: Path, old: _Old, carried: _Carried) -> None:
    """
    The new export *staging* in place of the old one at *target*, as a set:
    the old folder is renamed aside, the new one renamed in, then the old one
    removed.  On any failure before the new folder is in, the old one is put
    back as it was.
    """
    aside = temporary_name(target.parent)
    swapped = False
    try:
        for name in old.theirs:
            _carry(target, staging, name, carried)
        target.rename(aside)
        swapped = True
        _unchanged(aside, old, target)
        staging.rename(target)
        swapped = False
    except BaseException:
        if swapped:
            _put_back(aside, target)
        for name in reversed(carried.moved):
            (staging / name).rename(target / name)
        carried.moved.clear()
        raise
    _remove_old(aside, [*old.ours, *carried.linked], target)


def _put_back(aside: Path, target: Path) -> None:
    try:
        aside.rename(target)
    except OSError as error:
        msg = f"{target} could not be put back: the earlier export is at {aside}"
        raise OSError(error.errno, msg) from error


def _remove_old(aside: Path, names: list[str], target: Path) -> None:
    """
    The old export renamed aside, once the new one is in: *names* are what an
    export wrote and second names of the user's files, whose first names are
    now in the new folder (the user's moved folders are gone from it).  Best
    effort: the export is written whatever is left here.
    """
    for name in names:
        with contextlib.suppress(OSError):
            (aside / name).unlink()
    try:
        aside.rmdir()
    except OSError:
        # A file the user added while the export was written: into the new folder.
        for path in aside.iterdir():
            if lstat(target / path.name) is None:
                with contextlib.suppress(OSError):
                    path.rename(target / path.name)
        with contextlib.suppress(OSError):
            aside.rmdir()


def _unchanged(aside: Path, old: _Old, target: Path) -> None:
    """
    Refuse if what was renamed aside is not the folder examined: *target* was
    replaced meanwhile (by a link, say), and the swap is undone.
    """
    if not _same(aside.lstat(), old.found):
        msg = f"{target} changed while the export was being written; nothing replaced"
        raise FileExistsError(msg)


def _remove_staging(staging: Path, carried: _Carried) -> None:
    """
    What is left of *staging* after a failure: the files written and second
    names of the user's files; never a user's folder that could not be moved back.
    """
    if lstat(staging) is None or carried.moved:
        return
    shutil.rmtree(staging, ignore_errors=True)
