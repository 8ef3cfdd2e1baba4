"""
Files on disk, read and written safely: the one place the package opens a file it reads or
replaces one it writes.

Reading: only regular files, at most `MAX_BYTES` (`read_bounded`), so that a device, a pipe
or an endless file is refused rather than read forever.  Writing: a file is written whole
under a short hidden temporary name beside its place, then linked (a new file) or renamed
(a replaced one) into place, so that no reader sees half of it (`write_file`); a set of
files is replaced together or not at all (`replace_files`).  Only regular files are ever
replaced: never a link, folder, device, pipe or socket.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import TYPE_CHECKING

from aiforecasts._model.errors import DataError, Problem
from aiforecasts._model.limits import MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

__all__ = [
    "file_kind",
    "lstat",
    "read_bounded",
    "refuse_existing",
    "replace_files",
    "stage_file",
    "temporary_name",
    "write_file",
]


# -- reading a file, bounded ----------------------------------------------------

_FILE_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISREG, "a file"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def file_kind(mode: int) -> str:
    """What a file of *mode* (``st_mode``) is, in words: ``a folder``, ``a FIFO (named
    pipe)``…, for the messages of readers and writers that take regular files only."""
    return next((name for test, name in _FILE_KINDS if test(mode)), "a special file")


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
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            message = f"not a regular file but {file_kind(mode)}"
            raise DataError([Problem("$", message, str(path))])
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


# -- what is at a destination -----------------------------------------------------


def lstat(path: Path) -> os.stat_result | None:
    """What is at *path* itself (a link, not what it points to), or None if nothing is."""
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def refuse_existing(target: Path, *, overwrite: bool) -> None:
    """Refuse, before any work, a file destination that is there and may not be replaced."""
    found = lstat(target)
    if found is None:
        return
    if not overwrite:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg)
    if stat.S_ISDIR(found.st_mode):  # a file given a folder's place: a usage error, as ever
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not stat.S_ISREG(found.st_mode):
        # A rename would put a regular file where a device, pipe, socket or link was
        # (as root, over /dev/null): only a regular file is replaced.
        what = file_kind(found.st_mode)
        msg = f"{target} is {what}, not a regular file: refused, even with overwrite"
        raise FileExistsError(msg)


# -- writing one file ---------------------------------------------------------------


def temporary_name(folder: Path) -> Path:
    """
    A fresh hidden name in *folder*.  Short whatever the final name, so a
    temporary name fits wherever the final one does (file names are at most
    255 bytes).
    """
    return folder / f".aiforecasts-{os.urandom(4).hex()}.tmp"


def stage_file(folder: Path, data: bytes, name: str | None = None) -> Path:
    """
    *data* in a new file in *folder* named *name* (by default a fresh hidden
    temporary name), which nothing else may have opened: it is created here
    (never through a file or link already there), with the permissions the
    umask gives new files.  A file not written whole is removed.
    """
    for _ in range(100):  # a taken temporary name (2**32 of them) is drawn again
        path = folder / name if name is not None else temporary_name(folder)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            handle = os.open(path, flags, 0o666)
        except FileExistsError:
            if name is not None:
                raise
            continue
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    msg = f"no free temporary name in {folder}"
    raise FileExistsError(msg)


def write_file(target: Path, data: bytes, *, overwrite: bool) -> None:
    """
    *data* into *target* whole.  Without *overwrite*, the final step is a hard
    link, which fails if anything is at *target* — so of two writers of a new
    path, one wins and the other gets `FileExistsError`.  With it, the final
    step is a rename, made only over a regular file: what is at *target* is
    looked at (not followed) before writing and again just before the rename.
    """
    refuse_existing(target, overwrite=overwrite)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = stage_file(target.parent, data)
    try:
        if overwrite:
            found = lstat(target)
            if found is not None and not stat.S_ISREG(found.st_mode):
                msg = (
                    f"{target} changed while it was being written and is now "
                    f"{file_kind(found.st_mode)}; nothing replaced"
                )
                raise FileExistsError(msg)
            temporary.replace(target)
        else:
            _link(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target, follow_symlinks=True)
    except FileExistsError:
        msg = f"{target} exists; pass overwrite=True to replace it"
        raise FileExistsError(msg) from None


# -- replacing a set of files -------------------------------------------------------


def replace_files(root: Path, files: Mapping[str, bytes]) -> None:
    """
    Replace the *files* of the folder *root* (name → bytes) together: each is
    written whole beside its place first, then all are renamed over the old
    ones; nothing is replaced when a file cannot be written, and the ones
    already replaced are put back when a rename fails.

    Only regular files are replaced: a symlink, folder, pipe or device in a
    file's place is refused before anything is written (renaming over a
    symlink would not write through it, but would silently turn the user's
    link into a file).

    Raises:
        DataError: a file's place holds something other than a regular file.
        OSError: a file could not be written; the folder is as it was.
    """
    problems = [
        Problem("$", "not a regular file (a symlink, folder, pipe or device): not replaced", name)
        for name in files
        if (found := lstat(root / name)) is not None and not stat.S_ISREG(found.st_mode)
    ]
    if problems:
        raise DataError(problems)
    staged: list[tuple[Path, Path, bytes | None]] = []
    done: list[tuple[Path, bytes | None]] = []
    try:
        for name, data in files.items():
            target = root / name
            old = read_bounded(target) if target.exists() else None
            staged.append((stage_file(root, data), target, old))
        for temporary, target, old in staged:
            temporary.replace(target)
            done.append((target, old))
    except BaseException:
        _restore(done)
        raise
    finally:
        for temporary, _target, _old in staged:
            temporary.unlink(missing_ok=True)


def _restore(done: list[tuple[Path, bytes | None]]) -> None:
    """Put back the files a failed `replace_files` had already replaced (best effort: it is
    failing)."""
    for target, old in reversed(done):
        try:
            if old is None:
                target.unlink(missing_ok=True)
                continue
            temporary = stage_file(target.parent, old)
            try:
                temporary.replace(target)
            finally:
                temporary.unlink(missing_ok=True)
        except OSError:
            continue  # the error that made the replacement fail is the one to report
