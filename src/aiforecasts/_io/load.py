"""
The bundled dataset: `load`, its files' digests (`SUMS`), and the fast path they allow.

The bundled data is a dataset folder (`_io.folder`) inside the package.
While its files are byte for byte what ``aiforecasts data fix`` checked and
wrote (their SHA-256 are in `SUMS`), each kind is decoded when it is first
used, after an outline of ids and references alone says that the files hold
together (`_Vouched`); files changed since are read by `parse`, with every
check, all at once.
"""

from __future__ import annotations

import functools
import os
import threading
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from aiforecasts._codec.json import REFUSED
from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._io.envelope import VERSION_RE
from aiforecasts._io.folder import MANIFEST, kind_file, parse
from aiforecasts._model.errors import DataError, Problem, Problems
from aiforecasts._model.fields import Shape, references
from aiforecasts._model.kinds import KINDS
from aiforecasts._query.collections import deferred
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from aiforecasts._model.errors import Unread
    from aiforecasts._model.kinds import Kind

__all__ = ["SUMS", "load", "sums"]

SUMS = "SHA256SUMS"
"""The file of a dataset folder that gives the SHA-256 of each of its files as
``aiforecasts data fix`` checked and wrote them, in ``sha256sum``'s format
(``sha256sum -c SHA256SUMS`` checks a folder)."""

R = TypeVar("R")

_lock = threading.Lock()
_bundled: Dataset | None = None


def load() -> Dataset:
    """
    The bundled dataset, read on first call and cached.

    Safe to call from many threads at once: the files are read and parsed
    exactly once, and every caller gets the same `Dataset`.  While the files
    are byte for byte those ``aiforecasts data fix`` checked (their SHA-256
    are in ``SHA256SUMS``), each kind is decoded when it is first used; files
    changed since are read with every check, here, all at once.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> ds is aiforecasts.load()
    True
    >>> ds.schema_version == aiforecasts.SCHEMA_VERSION
    True

    Raises:
        DataError: if the bundled files are damaged (every problem, with its
            path), or one is missing or unreadable (naming it).

    .. versionadded:: 0.1.0
    """
    dataset = _bundled
    if dataset is not None:
        return dataset
    return _load_bundled()


def _load_bundled() -> Dataset:
    global _bundled  # noqa: PLW0603
    with _lock:
        if _bundled is None:
            names = [MANIFEST, *(f"{kind.name}.json" for kind in KINDS), SUMS]
            blobs = dict(zip(names, _package_files(names), strict=True))
            manifest = blobs[MANIFEST]
            files = {kind.name: blobs[f"{kind.name}.json"] for kind in KINDS}
            _bundled = _as_released(blobs) or parse(manifest, files, trusted=True)
        return _bundled


def sums(files: Mapping[str, bytes]) -> str:
    """
    The text of a `SUMS` file for *files* (name → bytes), in ``sha256sum``'s format.

    >>> print(sums({"manifest.json": b"{}"}), end="")
    44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a  manifest.json
    """
    import hashlib  # noqa: PLC0415 - only to read the bundled data, or to write a folder

    return "".join(
        f"{hashlib.sha256(blob).hexdigest()}  {name}\n" for name, blob in sorted(files.items())
    )


def _as_released(blobs: Mapping[str, bytes]) -> Dataset | None:
    """
    The bundled dataset, each kind decoded when it is first used — if every
    file is byte for byte what ``aiforecasts data fix`` checked and wrote
    (their SHA-256 are in `SUMS`; the test suite reads the same bytes with
    every check).  Else ``None``: files changed since are read with every
    check, all at once, by `parse`.

    `SUMS` lies beside the files it vouches for: whoever edits a file by hand
    can run ``sha256sum`` as well.  So each kind, before it is decoded, is
    outlined (`_Vouched`): ids unique across every kind, each of its
    references resolving, no record its own ancestor — what, if broken, would
    make every export of the data one that ``validate`` refuses.  What the
    outline doubts is read by `parse`, whose `DataError` says what is wrong.
    The rules across records that need whole records of several kinds (mutual
    links, how a resolution fits its prediction) are left to ``data fix`` and
    the test suite: checking them would decode every kind at the first use of
    one.
    """
    written = {name: blob for name, blob in blobs.items() if name != SUMS}
    if blobs[SUMS].decode("utf-8", "replace") != sums(written):
        return None
    try:
        meta = msgspec.json.decode(blobs[MANIFEST])
    except REFUSED:
        return None
    version = meta.get("dataset_version") if isinstance(meta, dict) else None
    if meta != {"dataset_version": version, "schema_version": SCHEMA_VERSION}:
        return None  # not as `data fix` writes it: `parse` says what is wrong
    if not isinstance(version, str) or not VERSION_RE.match(version):
        return None
    vouched = _Vouched(blobs)
    collections = {
        kind.name: deferred(
            kind.cls,
            functools.partial(
                vouched.then,
                kind,
                functools.partial(_released, kind, blobs[f"{kind.name}.json"], version),
            ),
        )
        for kind in KINDS
    }
    return Dataset(version, SCHEMA_VERSION, **collections)


class _Vouched:
    """
    Whether the bundled files, their digests matched, hold together, asked of
    each kind before its first decode: its ids and every kind's unique, its
    references resolving, its parents acyclic (`_holds`).  Each file is
    decoded into an *outline* — ids and references alone, every other value
    skipped unbuilt: about 2 ms for the whole bundled data — whose classes
    need no more of the record classes than decoding the kind does (a
    company's outline imports no pendulum).
    """

    def __init__(self, blobs: Mapping[str, bytes]) -> None:
        self._blobs = blobs
        self._lock = threading.Lock()
        self._ids: dict[str, set[str]] | None = None
        self._vouched: set[str] = set()
        self._error: DataError | None = None
        self._parsed = False

    def then(self, kind: Kind[R], decode: Callable[[], list[R | Unread]]) -> list[R | Unread]:
        """What *decode* returns, once the files are known to hold together for *kind*.

        Raises:
            DataError: every problem `parse` finds in the files, if they may not (at
                every call).
        """
        with self._lock:
            if not self._parsed and kind.name not in self._vouched:
                if self._holds(kind):
                    self._vouched.add(kind.name)
                else:  # read in full: if `parse` finds nothing wrong, nothing is
                    self._parsed = True
                    files = {k.name: self._blobs[f"{k.name}.json"] for k in KINDS}
                    try:
                        parse(self._blobs[MANIFEST], files, trusted=True)
                    except DataError as error:
                        self._error = error
        if self._error is not None:
            raise self._error.with_traceback(None)
        return decode()

    def _holds(self, kind: Kind[R]) -> bool:
        """Whether the files certainly hold together where *kind* is concerned (``False``:
        maybe not, read them in full to know)."""
        if self._ids is None:
            ids: dict[str, set[str]] = {}
            count = 0
            for other in KINDS:
                try:
                    found = _IDS.decode(self._blobs[f"{other.name}.json"]).records
                except REFUSED:
                    continue  # a file the fast engine refuses: its own decode says so, and
                    # an id of it that another kind names is doubted below
                ids[other.name] = {record.id for record in found}
                count += len(found)
            if len(set().union(*ids.values())) != count:
                return False  # an id given twice, in one kind or across two
            self._ids = ids
        try:
            outlines = _outline_decoder(kind.cls).decode(self._blobs[f"{kind.name}.json"])
        except REFUSED:
            return False
        parents: dict[str, str] = {}
        for record in outlines.records:
            for kinds, target, parent in _targets(record):
                if not any(target in self._ids.get(name, ()) for name in kinds):
                    return False
                if parent and kinds == (kind.name,):
                    parents[record.id] = target
        return not _has_cycle(parents)


def _released(kind: Kind[R], blob: bytes, dataset_version: str) -> list[R | Unread]:
    """The records of a bundled kind file whose digest matched, read as `parse` reads one (the
    fast engine, which accepted these bytes when they were written).  Should it refuse them
    (``SHA256SUMS`` written by hand, say), `DataError` says what and where."""
    problems = Problems()
    file = f"{kind.name}.json"
    records = kind_file(kind, blob, file, dataset_version, problems, trusted=True)
    if problems or records is None:
        raise DataError(problems or [Problem("$", "not readable", file)])
    return records


# -- the outline of the bundled data: ids and references alone ----------------------


class _Id(msgspec.Struct, gc=False):
    id: str


class _Ids(msgspec.Struct):
    records: list[_Id]


_IDS = msgspec.json.Decoder(_Ids)
"""The ids of a kind file's records, everything else skipped."""


def _has_cycle(parents: Mapping[str, str]) -> bool:
    """Whether following *parents* (id → its parent's id) from some id comes back to it;
    each id is walked once."""
    done: set[str] = set()
    for start in parents:
        path: set[str] = set()
        current: str | None = start
        while current is not None and current not in done:
            if current in path:
                return True
            path.add(current)
            current = parents.get(current)
        done |= path
    return False


def _targets(outline: object, *, top: bool = True) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """(kinds, id, whether a field of the record itself names that one record: a parent)
    for every id an outline refers to, in nested parts too (an excerpt names its source)."""
    for name, kinds in _OUTLINE_FIELDS[type(outline)]:
        value = getattr(outline, name)
        if value is None:
            continue
        if kinds is None:  # a nested part, or a list of them
            for part in value if isinstance(value, list) else (value,):
                yield from _targets(part, top=False)
        elif isinstance(value, str):
            yield kinds, value, top
        else:
            for target in value:
                yield kinds, target, False


_OUTLINE_FIELDS: dict[type, tuple[tuple[str, tuple[str, ...] | None], ...]] = {}
"""Outline class → (field name, the kinds whose ids it holds, or None for nested parts)."""


_outline_decoders: dict[type, msgspec.json.Decoder[Any]] = {}


def _outline_decoder(cls: type) -> msgspec.json.Decoder[Any]:
    """The decoder of a kind file into the outlines of its records of class *cls* (built once;
    `_Vouched` asks under its lock)."""
    found = _outline_decoders.get(cls)
    if found is None:
        records = list[_outline(cls, top=True)]  # type: ignore[misc, valid-type]
        file = msgspec.defstruct(f"{cls.__name__}File", [("records", records)])
        found = _outline_decoders[cls] = msgspec.json.Decoder(file)
    return found


@functools.cache
def _outline(cls: type, *, top: bool) -> type[msgspec.Struct]:
    """A msgspec class holding, of a record of *cls*, its id (at the *top*) and the fields
    that hold ids, in nested parts too; unknown fields (all others) are skipped."""
    refs, nested = references(cls)
    specs: list[tuple[str, object] | tuple[str, object, None]] = [("id", str)] if top else []
    described: list[tuple[str, tuple[str, ...] | None]] = []
    for field in refs:
        specs.append((field.name, _outline_shape(field.shape), None))
        described.append((field.name, field.refers_to))
    for field, _part in nested:
        specs.append((field.name, _outline_shape(field.shape), None))
        described.append((field.name, None))
    found = msgspec.defstruct(f"{cls.__name__}Outline", specs, kw_only=True, gc=False)
    _OUTLINE_FIELDS[found] = tuple(described)
    return found


def _outline_shape(shape: Shape) -> Any:
    if shape.kind == "record":
        return _outline(shape.type, top=False)
    if shape.kind in ("list", "set"):
        return list[_outline_shape(shape.inner)]  # type: ignore[misc]
    if shape.kind == "optional":
        return _outline_shape(shape.inner) | None
    return str  # the only scalar that holds ids: text


def _package_files(names: list[str]) -> list[bytes]:
    """The bytes of the bundled data files: read from the package's folder where it is one
    (as installed from a wheel, and in a checkout), else through `importlib.resources`; the
    last of *names* may be missing (its bytes are then empty)."""
    # os.path, not pathlib: importing pathlib would add about 5 ms to a first lookup.
    folder = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data")  # noqa: PTH118, PTH120
    if os.path.isdir(folder):  # noqa: PTH112

        def read(name: str) -> bytes:
            with open(os.path.join(folder, name), "rb") as file:  # noqa: PTH118, PTH123
                return file.read()

    else:
        from importlib import resources  # noqa: PLC0415 - a package in a zip file, say

        root = resources.files("aiforecasts") / "data"

        def read(name: str) -> bytes:
            return (root / name).read_bytes()

    blobs = []
    for name in names[:-1]:
        try:
            blobs.append(read(name))
        except OSError as error:  # a damaged installation: say which file, as for bad data
            message = f"the bundled data file cannot be read ({error.strerror or error})"
            raise DataError([Problem("$", message, name)]) from None
    try:  # without its sums (a folder put together by hand), the bundled data is checked in full
        blobs.append(read(names[-1]))
    except OSError:
        blobs.append(b"")
    return blobs
