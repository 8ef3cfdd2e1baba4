"""
Reading the dataset: the bundled files, and users' exports as bytes.

Reading is all or nothing: every problem in every part — of types, of
values and of references — is collected in one pass and raised together as
one `DataError`, and no `Dataset` is built from input that has any.  Each
part goes through the codec (`_codec.json`), whose fast engine reads clean input
and whose detailed engine names every problem of the rest.

Three layouts are read: the bundled one (a manifest and one file per kind), a
JSON export (one document) and a JSON Lines export (one record per line, its
kind, id and versions beside it; the layout of earlier versions, a header
line first, still reads).  Each has an envelope around the
records, read here.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import threading
from typing import TYPE_CHECKING, Any

import msgspec

from aiforecasts._codec import json as _codec
from aiforecasts._codec.json import (
    NOT_JSON,
    REFUSED,
    SCHEMA_VERSION,
    Engine,
    depth_problem,
    read_json,
    same_keys,
    shallow,
    too_deep,
)
from aiforecasts._io.files import file_kind, read_bounded
from aiforecasts._model.errors import DataError, Problem, Problems, Unread, json_type
from aiforecasts._model.fields import Shape, references
from aiforecasts._model.kinds import KIND_NAMED, KINDS
from aiforecasts._model.limits import MAX_BYTES
from aiforecasts._model.values import VERSION, older_layout, quote
from aiforecasts._query.collections import Collection
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from aiforecasts._model.kinds import Kind

__all__ = [
    "MAX_BYTES",
    "SCHEMA_VERSION",
    "SUMS",
    "file_kind",
    "from_values",
    "load",
    "loads",
    "parse",
    "read_bounded",
    "sums",
]

_MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
"""The file of a dataset folder that gives the SHA-256 of each of its files as
``aiforecasts data fix`` checked and wrote them, in ``sha256sum``'s format
(``sha256sum -c SHA256SUMS`` checks a folder)."""
_EXPORT = "export"
_VERSION_RE = re.compile(VERSION + r"\Z")

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
            names = [_MANIFEST, *(f"{kind.name}.json" for kind in KINDS), SUMS]
            blobs = dict(zip(names, _package_files(names), strict=True))
            manifest = blobs[_MANIFEST]
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
        meta = msgspec.json.decode(blobs[_MANIFEST])
    except REFUSED:
        return None
    version = meta.get("dataset_version") if isinstance(meta, dict) else None
    if meta != {"dataset_version": version, "schema_version": SCHEMA_VERSION}:
        return None  # not as `data fix` writes it: `parse` says what is wrong
    if not isinstance(version, str) or not _VERSION_RE.match(version):
        return None
    vouched = _Vouched(blobs)
    collections = {
        kind.name: Collection._deferred(  # noqa: SLF001
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

    def then(self, kind: Kind[Any], decode: Callable[[], list[Any]]) -> list[Any]:
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
                        parse(self._blobs[_MANIFEST], files, trusted=True)
                    except DataError as error:
                        self._error = error
        if self._error is not None:
            raise self._error.with_traceback(None)
        return decode()

    def _holds(self, kind: Kind[Any]) -> bool:
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


def _released(kind: Kind[Any], blob: bytes, dataset_version: str) -> list[Any]:
    """The records of a bundled kind file whose digest matched, read as `parse` reads one (the
    fast engine, which accepted these bytes when they were written).  Should it refuse them
    (``SHA256SUMS`` written by hand, say), `DataError` says what and where."""
    problems = Problems()
    file = f"{kind.name}.json"
    records = _kind_file(kind, blob, file, dataset_version, problems, trusted=True)
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


def _targets(outline: Any, *, top: bool = True) -> Iterator[tuple[tuple[str, ...], str, bool]]:
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
def _outline(cls: type, *, top: bool) -> Any:
    """A msgspec class holding, of a record of *cls*, its id (at the *top*) and the fields
    that hold ids, in nested parts too; unknown fields (all others) are skipped."""
    refs, nested = references(cls)
    specs: list[Any] = [("id", str)] if top else []
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


# -- shared by the layouts -----------------------------------------------------


def _check_version(version: object, file: str, problems: list[Problem], path: str) -> int | None:
    """The schema version if this package reads it, else None after noting why."""
    if isinstance(version, bool) or not isinstance(version, int):
        problems.append(Problem(path, f"expected an integer, not {quote(version)}", file))
    elif version > SCHEMA_VERSION:
        problems.append(
            Problem(
                path,
                f"schema version {version} is newer than this package reads "
                f"({SCHEMA_VERSION}); upgrade aiforecasts",
                file,
            )
        )
    elif version < 1:
        problems.append(Problem(path, f"unknown schema version {version}", file))
    else:
        return version
    return None


def _check_keys(
    value: dict[str, Any], expected: set[str], file: str, problems: list[Problem], path: str = ""
) -> None:
    for key in sorted(value.keys() - expected):
        problems.append(Problem(f"{path}{key}", "unknown key", file))
    for key in sorted(expected - value.keys()):
        problems.append(Problem(f"{path}{key}", "missing", file))


def _dataset_version(value: object, file: str, problems: list[Problem], path: str) -> str:
    if not isinstance(value, str) or not _VERSION_RE.match(value):
        problems.append(
            Problem(path, f"expected a version such as 2026.1, not {quote(value)}", file)
        )
        return ""
    return value


def _records(  # noqa: PLR0913 - the context of one part
    kind: Kind[Any],
    raw: bytes,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    strict: bool = True,
    engine: Engine = "auto",
) -> list[Any] | None:
    """The records of *kind* in the JSON array *raw*, written with schema *version*;
    ``None`` if *raw* is not an array of them at all."""
    if version == SCHEMA_VERSION:
        return _codec.decode_many(
            kind.cls, raw, where=where, file=file, problems=problems, strict=strict, engine=engine
        )
    value = read_json(raw, file, problems, where)
    return _migrated(
        kind, value, version, dataset_version, where=where, file=file, problems=problems
    )


def _migrated(  # noqa: PLR0913 - the context of one part
    kind: Kind[Any],
    value: Any,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> list[Any] | None:
    """
    Records from JSON values of an older (or the current) layout, by the
    detailed engine.

    What a file's schema version claims is checked against its content where
    that is cheap: records of a kind that came after that version (a
    resolution in a file of schema 4) are refused (`_too_early`), and records
    that lack what the current schema requires are refused in a file of the
    current schema.  Fields a later schema added, found in records of a file
    that claims an earlier one (a prediction's ``voice`` in a schema-5 file),
    are read as the current schema defines them: no field records the version
    that introduced it (the migrations' docstrings say it in words), and such
    a record is valid as the current schema reads it, so nothing is lost or
    misread by keeping it.
    """
    if value is NOT_JSON:
        return None
    if version == SCHEMA_VERSION:
        return _codec.structure_many(kind.cls, value, where, file, problems)
    if _too_early(kind, value, version, where=where, file=file, problems=problems):
        return None
    if isinstance(value, list):
        value = [
            _codec.migrate(kind.name, item, version, dataset_version)
            if isinstance(item, dict)
            else item
            for item in value
        ]
    with older_layout():  # what schema 6 requires, an older file never had
        return _codec.structure_many(kind.cls, value, where, file, problems)


def _too_early(  # noqa: PLR0913 - the context of one part
    kind: Kind[Any], value: Any, version: int, *, where: str, file: str, problems: list[Problem]
) -> bool:
    """Whether *value* holds records of *kind* though the file's schema *version* came before
    the kind did (after saying so)."""
    if version >= kind.since or value in ([], None):
        return False
    message = (
        f"{kind.name} came with schema {kind.since}: a file of schema {version} holds none "
        "(its schema_version is wrong, or the records are not its own)"
    )
    problems.append(Problem(where, message, file))
    return True


def _build(  # noqa: PLR0913 - what one reading found
    parts: Mapping[str, list[Any]],
    dataset_version: str,
    problems: Problems,
    *,
    check_references: bool,
    whole: bool,
    file: Callable[[str], str],
) -> Dataset:
    """
    The `Dataset` of *parts* (collection name → records), once ids and
    references hold.  When every part was read (*whole*), ids and references
    are checked even where records have problems of their own, so that one
    reading lists them all.
    """
    if whole and not problems.full:
        from aiforecasts._model import integrity as _integrity  # noqa: PLC0415 - not needed by the bundled data as written

        classes = {kind.name: kind.cls for kind in KINDS}
        rules = {kind.name: kind.check for kind in KINDS if kind.check is not None}
        problems.extend(
            _integrity.check(
                classes,
                parts,
                check_references=check_references,
                file=file,
                rules=rules if check_references else None,
            )
        )
    if problems or problems.more:
        raise DataError(problems)
    collections = {kind.name: Collection(parts.get(kind.name, ())) for kind in KINDS}
    return Dataset(dataset_version, SCHEMA_VERSION, **collections)


def from_values(  # noqa: PLR0913 - what one reading found
    values: Mapping[str, list[Any]],
    dataset_version: str,
    problems: Problems,
    *,
    check_references: bool,
    whole: bool,
    file: Callable[[str], str],
) -> Dataset:
    """A `Dataset` from records as JSON values of the current layout (read from tables):
    through the codec's engines as JSON is, the fast one first."""
    parts = {
        kind.name: _codec.decode_many(
            kind.cls,
            _codec.encode(values[kind.name]),
            where=kind.name,
            file=file(kind.name),
            problems=problems,
        )
        or []
        for kind in KINDS
        if kind.name in values
    }
    if values:
        dataset_version = _dataset_version(
            dataset_version, file(next(iter(values))), problems, "dataset_version"
        )
    return _build(
        parts,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=file,
    )


# -- the bundled layout: a manifest and one file per kind ------------------


class _KindFile(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    records: msgspec.Raw
    schema_version: int


_KIND_FILE_KEYS = _KindFile.__struct_fields__


def _colons(raw: msgspec.Raw) -> int:
    """The colons of the JSON text *raw*: one per key, and those of strings (`same_keys`)."""
    return bytes(raw).count(b":")


def parse(
    manifest: bytes,
    files: Mapping[str, bytes],
    *,
    trusted: bool = False,
    check_references: bool = True,
    folder: str = "",
) -> Dataset:
    """
    Build a `Dataset` from the bytes of a manifest and one file per kind (the
    layout of the bundled data).  *trusted* files (the bundled ones, which
    the test suite holds to the exact layout) skip the strict check for
    unknown keys; every other rule still applies.  *folder* (ending in a
    separator) prefixes the file names in problems.

    Raises:
        DataError: listing every problem found, each with its path.
    """
    problems = Problems()
    meta = read_json(manifest, f"{folder}{_MANIFEST}", problems)
    dataset_version = ""
    whole = True
    if isinstance(meta, dict):
        where = f"{folder}{_MANIFEST}"
        _check_keys(meta, {"dataset_version", "schema_version"}, where, problems)
        dataset_version = _dataset_version(
            meta.get("dataset_version"), where, problems, "dataset_version"
        )
        _check_version(meta.get("schema_version"), where, problems, "schema_version")
    elif meta is not NOT_JSON:
        message = f"expected a JSON object, not {json_type(meta)}"
        problems.append(Problem("$", message, f"{folder}{_MANIFEST}"))

    schema = meta.get("schema_version") if isinstance(meta, dict) else None
    parts: dict[str, list[Any]] = {}
    for kind in KINDS:
        file = f"{folder}{kind.name}.json"
        blob = files.get(kind.name)
        if blob is None and isinstance(schema, int) and schema < kind.since:
            parts[kind.name] = []  # the kind came after the folder's schema
            continue
        if blob is None:
            problems.append(Problem(kind.name, "file missing", file))
            whole = False
            continue
        read = _kind_file(kind, blob, file, dataset_version, problems, trusted=trusted)
        if read is None:
            whole = False
        else:
            parts[kind.name] = read
    return _build(
        parts,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: f"{folder}{name}.json",
    )


def _kind_file(  # noqa: PLR0911, PLR0913 - one return per way a file can be wrong
    kind: Kind[Any],
    blob: bytes,
    file: str,
    dataset_version: str,
    problems: list[Problem],
    *,
    trusted: bool,
) -> list[Any] | None:
    """The records of one kind file, or None where its envelope could not be read."""
    deep = too_deep(blob)
    if deep is not None:
        problems.append(depth_problem(deep, file))
        return None
    try:
        head = msgspec.json.decode(blob, type=_KindFile)
    except REFUSED:
        head = None  # the detailed reading below says what is wrong
    if head is not None and not same_keys(blob, len(_KIND_FILE_KEYS) + _colons(head.records)):
        head = None  # a key given twice: the detailed reading says where
    if head is not None:
        if head.kind != kind.name:
            problems.append(
                Problem("kind", f"expected {kind.name!r}, not {quote(head.kind)}", file)
            )
            return None
        version = _check_version(head.schema_version, file, problems, "schema_version")
        if version is None:
            return None
        return _records(
            kind,
            head.records,
            version,
            dataset_version,
            where=kind.name,
            file=file,
            problems=problems,
            strict=not trusted,
        )
    document = read_json(blob, file, problems)
    if document is NOT_JSON:
        return None
    if not isinstance(document, dict):
        message = f"expected a JSON object with 'kind' and 'records', not {json_type(document)}"
        problems.append(Problem("$", message, file))
        return None
    _check_keys(document, {"kind", "schema_version", "records"}, file, problems)
    if "kind" in document and document["kind"] != kind.name:
        message = f"expected {kind.name!r}, not {quote(document['kind'])}"
        problems.append(Problem("kind", message, file))
    version = _check_version(
        document.get("schema_version", SCHEMA_VERSION), file, problems, "schema_version"
    )
    if "records" not in document or version is None or not isinstance(document["records"], list):
        if isinstance(document.get("records"), dict | str | int | float | bool):
            message = f"expected a list, not {json_type(document['records'])}"
            problems.append(Problem("records", message, file))
        return None
    return _migrated(
        kind,
        document["records"],
        version,
        dataset_version,
        where=kind.name,
        file=file,
        problems=problems,
    )


# -- exports: one JSON document, or JSON Lines -----------------------------


def loads(data: bytes | str, *, check_references: bool = True) -> Dataset:
    """
    Read an export made by `to_json` (one JSON document) or `to_jsonl`
    (JSON Lines), of any schema version this package knows.

    An export of part of the dataset (one kind, some records) refers to
    records it does not hold; read it with ``check_references=False``.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> aiforecasts.loads(aiforecasts.to_json(ds)) == ds
    True

    Raises:
        DataError: listing every problem, each with its path; nothing is
            returned from input that has any.
        TypeError: if *data* is neither text nor bytes.

    .. versionadded:: 0.1.0
    """
    return _loads(data, check_references=check_references)


def _loads(
    data: bytes | str, *, check_references: bool, engine: Engine = "auto", file: str = _EXPORT
) -> Dataset:
    if not isinstance(data, str | bytes | bytearray | memoryview):
        message = f"loads() takes the text or bytes of an export, not {type(data).__name__}"  # type: ignore[unreachable]
        raise TypeError(message)
    try:
        blob = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    except UnicodeEncodeError as exc:
        raise DataError([Problem("$", f"not text: {exc.reason} at {exc.start}", file)]) from None
    # Nesting is bounded before any parser sees the text: for JSON Lines, the lines of a
    # file that may nest too deeply are each looked at (one line cut short would
    # otherwise seem to deepen all that follow it).
    checked = shallow(blob)
    if _JSONL_HEADER.match(blob) is not None:
        return _loads_jsonl(
            blob, check_references=check_references, engine=engine, file=file, checked=checked
        )
    if _is_record_line(blob):
        return _loads_lines(
            blob, check_references=check_references, engine=engine, file=file, checked=checked
        )
    deep = None if checked else too_deep(blob)
    if deep is not None:
        raise DataError([depth_problem(deep, file)])
    return _loads_json(blob, check_references=check_references, engine=engine, file=file)


def _is_record_line(blob: bytes) -> bool:
    """Whether *blob* is in the JSON Lines layout: its first line an object with a ``kind``
    and a ``record`` (a JSON export is one object that holds ``records``), or, where the
    first line cannot be read at all, its second (a damaged first line is then diagnosed
    as the line of JSON Lines it is, not as a JSON document cut short)."""
    start = len(blob) - len(blob.lstrip())
    end = blob.find(b"\n", start)
    first = blob[start : end if end >= 0 else len(blob)]
    if end < 0:
        return False
    keys = _keys(first)
    if keys is None:
        rest = blob[end + 1 :]
        start = len(rest) - len(rest.lstrip())
        end = rest.find(b"\n", start)
        keys = _keys(rest[start : end if end >= 0 else len(rest)])
    return keys is not None and "kind" in keys and "record" in keys


def _keys(line: bytes) -> dict[str, Any] | None:
    """The keys of the JSON object *line*, its values skipped rather than built (a JSON
    export is one long line); None if it is not one."""
    if not line.startswith(b"{") or not shallow(line):
        return None
    try:
        keys: dict[str, Any] = _KEYS_ONLY.decode(line)
    except REFUSED:
        return None
    return keys


_JSONL_HEADER = re.compile(rb'\s*\{\s*"aiforecasts"\s*:')
"""How JSON Lines exports start: ``{"aiforecasts": ...`` (blank lines before it allowed)."""


class _Export(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    records: msgspec.Raw
    schema_version: int


_Parts: Any = msgspec.defstruct(
    "Parts", [(kind.name, msgspec.Raw, None) for kind in KINDS], forbid_unknown_fields=True
)
"""An export's ``records``: one JSON array per kind, each left unparsed for the codec."""


def _export_keys_once(blob: bytes, parts: Any) -> bool:
    """Whether the JSON export *blob*, its kinds' arrays *parts*, gives no key twice
    (`same_keys`: its colons are those of the envelope, of its kinds and of their arrays)."""
    given = [raw for raw in msgspec.structs.astuple(parts) if raw is not None]
    return same_keys(blob, len(_Export.__struct_fields__) + len(given) + sum(map(_colons, given)))


def _loads_json(blob: bytes, *, check_references: bool, engine: Engine, file: str) -> Dataset:
    problems = Problems()
    try:
        head = msgspec.json.decode(blob, type=_Export)
        parts = msgspec.json.decode(head.records, type=_Parts)
    except REFUSED:
        head = None  # the detailed reading below says what is wrong
    found: dict[str, list[Any]] = {}
    if head is not None and not _export_keys_once(blob, parts):
        head = None  # a key given twice: the detailed reading below says where
    if head is not None:
        version = _check_version(head.schema_version, file, problems, "schema_version")
        dataset_version = _dataset_version(head.dataset_version, file, problems, "dataset_version")
        whole = version is not None
        for kind in KINDS:
            raw = getattr(parts, kind.name)
            if raw is not None and version is not None:
                read = _records(
                    kind,
                    raw,
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                    engine=engine,
                )
                whole = whole and read is not None
                found[kind.name] = read or []
        return _build(
            found,
            dataset_version,
            problems,
            check_references=check_references,
            whole=whole,
            file=lambda _name: file,
        )

    document = read_json(blob, file, problems)
    if problems:
        raise DataError(problems)
    if not isinstance(document, dict):
        raise DataError([Problem("$", f"expected a JSON object, not {json_type(document)}", file)])
    _check_keys(document, {"dataset_version", "records", "schema_version"}, file, problems)
    version = _check_version(document.get("schema_version"), file, problems, "schema_version")
    dataset_version = _dataset_version(
        document.get("dataset_version"), file, problems, "dataset_version"
    )
    records = document.get("records", {})
    whole = isinstance(records, dict) and version is not None
    if not isinstance(records, dict):
        problems.append(Problem("records", f"expected an object, not {json_type(records)}", file))
        records = {}
    for key in sorted(records.keys() - KIND_NAMED.keys()):
        problems.append(Problem(f"records.{key}", "unknown kind of record", file))
    if version is not None:
        for kind in KINDS:
            if kind.name in records:
                read = _migrated(
                    kind,
                    records[kind.name],
                    version,
                    dataset_version,
                    where=kind.name,
                    file=file,
                    problems=problems,
                )
                whole = whole and read is not None
                found[kind.name] = read or []
    return _build(
        found,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )


class _Line(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    record: msgspec.Raw


_KEYS_ONLY = msgspec.json.Decoder(dict[str, msgspec.Raw])


class _RecordLine(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    id: str
    kind: str
    record: msgspec.Raw
    records: int
    schema_version: int


_LINE_KEYS = {"dataset_version", "id", "kind", "record", "records", "schema_version"}


def _loads_lines(
    blob: bytes, *, check_references: bool, engine: Engine, file: str, checked: bool
) -> Dataset:
    """JSON Lines of the current layout: a record per line, its kind, id and versions beside
    it; unless *checked*, each line's nesting is checked before it is read."""
    problems = Problems()
    collections: dict[str, list[Any]] = {kind.name: [] for kind in KINDS}
    versions: dict[str, str] = {}  # dataset version → the first line that gives it
    counts: dict[object, str] = {}  # announced number of lines → the first line that gives it
    whole = True
    read = 0
    for number, line in enumerate(_split_lines(blob), start=1):
        if not line.strip():
            continue
        if problems.full:
            problems.stopped = True
            break
        read += 1
        where = f"line {number}"
        if not checked and _too_deep_line(line, where, file, problems):
            whole = False
            continue
        found = _record_line(line, where=where, file=file, problems=problems, engine=engine)
        if found is None:
            whole = False
            continue
        name, record, dataset_version, count = found
        versions.setdefault(dataset_version, where)
        if count is not None:
            counts.setdefault(count, where)
        if record is None:
            whole = False
        else:
            collections[name].append(record)
    if len(versions) > 1:
        listed = ", ".join(f"{quote(v)} ({w})" for v, w in list(versions.items())[:5])
        problems.append(Problem("dataset_version", f"lines of several versions: {listed}", file))
    if len(counts) > 1:
        listed = ", ".join(f"{c} ({w})" for c, w in list(counts.items())[:5])
        problems.append(Problem("records", f"lines announce different counts: {listed}", file))
    elif counts and read != next(iter(counts)) and not problems.stopped:
        message = (
            f"the lines announce {next(iter(counts))} records and {read} are here: "
            "the file is cut short, or lines were added"
        )
        problems.append(Problem("records", message, file))
    dataset_version = next(iter(versions)) if len(versions) == 1 else ""
    return _build(
        collections,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )


def _record_line(
    line: bytes, *, where: str, file: str, problems: Problems, engine: Engine
) -> tuple[str, Any, str, object] | None:
    """(kind, record, dataset version, announced count) of one line; None where the line gives
    no kind; the record is None (or an `Unread`) after a problem of its own."""
    try:
        item = msgspec.json.decode(line, type=_RecordLine)
    except REFUSED:
        item = None
    if item is not None and not same_keys(line, len(_LINE_KEYS) + _colons(item.record)):
        item = None  # a key given twice: the detailed reading below says where
    if (
        item is not None
        and item.kind in KIND_NAMED
        and item.schema_version == SCHEMA_VERSION
        and _VERSION_RE.match(item.dataset_version)
        and _is_count(item.records)
    ):
        kind = KIND_NAMED[item.kind]
        record = _codec.decode_one(
            kind.cls,
            item.record,
            where=f"{where}.record",
            file=file,
            problems=problems,
            engine=engine,
        )
        _same_id(item.id, record, where, file, problems)
        return kind.name, record, item.dataset_version, item.records
    value = read_json(line, file, problems, where)
    if value is NOT_JSON:
        return None
    if not isinstance(value, dict):
        message = f"expected a record line {{'kind', 'id', 'record', ...}}, not {json_type(value)}"
        problems.append(Problem(where, message, file))
        return None
    _check_keys(value, _LINE_KEYS, file, problems, f"{where}.")
    name = _kind_named(value.get("kind"), where, file, problems)
    if name is None:
        return None
    version = _check_version(value.get("schema_version"), file, problems, f"{where}.schema_version")
    dataset_version = _dataset_version(
        value.get("dataset_version"), file, problems, f"{where}.dataset_version"
    )
    count = value.get("records")
    if not _is_count(count):
        message = f"expected the number of record lines, not {quote(count)}"
        problems.append(Problem(f"{where}.records", message, file))
        count = None  # noted; not a count to compare with the other lines' (a list is no key)
    if version is None:
        return name, None, dataset_version, count
    typed = _slow_record(
        name,
        value.get("record"),
        version,
        dataset_version,
        where=f"{where}.record",
        file=file,
        problems=problems,
    )
    _same_id(value.get("id"), typed, where, file, problems)
    return name, typed, dataset_version, count


def _same_id(
    identifier: object, record: Any, where: str, file: str, problems: list[Problem]
) -> None:
    if record is None or isinstance(record, Unread):
        return
    if identifier != record.id:
        message = f"the line says id {quote(identifier)}; its record is {quote(record.id)}"
        problems.append(Problem(f"{where}.id", message, file))


def _loads_jsonl(
    blob: bytes, *, check_references: bool, engine: Engine, file: str, checked: bool
) -> Dataset:
    """JSON Lines of the earlier layout: a header line, then a record per line; unless
    *checked*, each line's nesting is checked before it is read."""
    problems = Problems()
    lines = enumerate(_split_lines(blob))
    first, line = next((index, line) for index, line in lines if line.strip())  # the header
    where = f"line {first + 1}"
    header = read_json(line, file, problems, where)  # read_json checks the nesting
    version: int | None = None
    dataset_version = ""
    count: object = None
    if (
        isinstance(header, dict)
        and set(header) == {"aiforecasts"}
        and isinstance(header["aiforecasts"], dict)
    ):
        meta = header["aiforecasts"]
        for key in sorted(meta.keys() - {"dataset_version", "records", "schema_version"}):
            problems.append(Problem(f"{where}.aiforecasts.{key}", "unknown key", file))
        version = _check_version(
            meta.get("schema_version"), file, problems, f"{where}.schema_version"
        )
        dataset_version = _dataset_version(
            meta.get("dataset_version"), file, problems, f"{where}.dataset_version"
        )
        count = meta.get("records")
        if version is not None and version >= 3 and not _is_count(count):
            message = f"expected the number of record lines that follow, not {quote(count)}"
            problems.append(Problem(f"{where}.records", message, file))
    elif header is not NOT_JSON:
        problems.append(Problem(where, 'expected the header {"aiforecasts": {...}}', file))
    collections: dict[str, list[Any]] = {kind.name: [] for kind in KINDS}
    whole = version is not None
    read = 0
    for index, line in lines:
        number = index + 1
        if not line.strip():
            continue
        if problems.full:
            problems.stopped = True
            break
        read += 1
        if not checked and _too_deep_line(line, f"line {number}", file, problems):
            whole = False
            continue
        name, record = _line(
            line,
            version,
            dataset_version,
            where=f"line {number}",
            file=file,
            problems=problems,
            engine=engine,
        )
        if record is None:
            whole = False  # a line not read at all: its record's ids are unknown
        else:
            collections[name].append(record)
    if _is_count(count) and count != read and not problems.stopped:
        message = (
            f"the header announces {count} record lines and {read} follow: "
            "the file is cut short, or lines were added"
        )
        problems.append(Problem(f"{where}.records", message, file))
    return _build(
        collections,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda _name: file,
    )


def _split_lines(blob: bytes) -> Iterator[bytes]:
    """The lines of *blob*, one at a time: ``blob.split`` would hold a copy of every line at
    once (as much again as the file, beside the records built from it)."""
    start = 0
    while True:
        end = blob.find(b"\n", start)
        if end < 0:
            yield blob[start:]
            return
        yield blob[start:end]
        start = end + 1


def _too_deep_line(line: bytes, where: str, file: str, problems: list[Problem]) -> bool:
    """Whether *line* nests too deeply to be read (after saying where)."""
    deep = too_deep(line, where)
    if deep is not None:
        problems.append(depth_problem(deep, file))
    return deep is not None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _line(  # noqa: PLR0913 - the context of one line
    line: bytes,
    version: int | None,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    engine: Engine,
) -> tuple[str, Any]:
    """(kind, record) of one line of a JSON Lines export; the record is None after a problem
    that leaves no record to check (an `Unread` where it leaves one)."""
    try:
        item = msgspec.json.decode(line, type=_Line)
    except REFUSED:
        item = None
    if item is not None and not same_keys(
        line, len(_Line.__struct_fields__) + _colons(item.record)
    ):
        item = None  # a key given twice: the detailed reading below says where
    if item is not None and item.kind in KIND_NAMED and version == SCHEMA_VERSION:
        kind = KIND_NAMED[item.kind]
        record = _codec.decode_one(
            kind.cls, item.record, where=where, file=file, problems=problems, engine=engine
        )
        return kind.name, record
    value = read_json(line, file, problems, where)
    if value is NOT_JSON:
        return "", None
    if not isinstance(value, dict) or set(value) != {"kind", "record"}:
        problems.append(Problem(where, 'expected {"kind": ..., "record": {...}}', file))
        return "", None
    name = _kind_named(value["kind"], where, file, problems)
    if name is None or version is None:
        return "", None
    found = _slow_record(
        name, value["record"], version, dataset_version, where=where, file=file, problems=problems
    )
    return name, found


def _kind_named(name: object, where: str, file: str, problems: list[Problem]) -> str | None:
    """*name* if it is a kind of record; else None, after saying so."""
    if isinstance(name, str) and name in KIND_NAMED:
        return name
    problems.append(Problem(f"{where}.kind", f"unknown kind of record {quote(name)}", file))
    return None


def _slow_record(  # noqa: PLR0913 - the context of one record
    name: str,
    record: Any,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> Any:
    """The record of *name* in a line the fast engine refused, brought up from schema *version*
    and read by the detailed engine (None, or an `Unread`, after a problem)."""
    if _too_early(KIND_NAMED[name], [record], version, where=where, file=file, problems=problems):
        return None
    if isinstance(record, dict):
        record = _codec.migrate(name, record, version, dataset_version)
    with older_layout() if version < SCHEMA_VERSION else contextlib.nullcontext():
        found = _codec.structure_many(
            KIND_NAMED[name].cls, [record], where, file, problems, one=True
        )
    return found[0] if found else None
