"""
Keeping a dataset folder right: the one tool for the data's one source of truth.

A dataset folder holds ``manifest.json`` and one JSON file per kind of record
(the layout of the bundled data).  People edit those files; `curate` does the
rest from the source documents:

- locates every excerpt in its document from the text it quotes — its
  cleaned ``display`` form is enough, or its verbatim ``text`` — and fills in
  the offsets, the verbatim text and the display form;
- fills in each source's SHA-256 from its document;
- dates each record: ``added_in`` and ``changed_in`` from the fingerprints
  of the previous release (a record equal to its release keeps its versions,
  one that differs changed in the manifest's dataset version, a new one was
  added in it), or the manifest's dataset version for a record that has none;
- writes every file in the canonical form (the codec's one shape, UTF-8,
  keys sorted, indented), after the strict reader has found no problem.

With ``write=False`` it changes nothing and reports what it would change:
the check that CI runs on the bundled data.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import pathlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from aiforecasts._codec import json as _codec
from aiforecasts._codec.json import dumps_readable
from aiforecasts._codec.migrations import SCHEMA_VERSION, migrate
from aiforecasts._codec.reading import NOT_JSON, read_json
from aiforecasts._io.files import read_bounded, replace_files
from aiforecasts._io.folder import parse
from aiforecasts._io.load import SUMS, sums
from aiforecasts._model import integrity as _integrity
from aiforecasts._model.checks import VERSION, quote
from aiforecasts._model.errors import DataError, Problem
from aiforecasts._model.kinds import KINDS
from aiforecasts._model.limits import MAX_BYTES
from aiforecasts._model.provenance import Repair
from aiforecasts._query.collections import Collection
from aiforecasts._query.dataset import Dataset
from aiforecasts._tools.locate import Document, excerpts, locate

__all__ = ["CurationReport", "curate", "default_documents", "release_file"]

_VERSIONS = ("added_in", "changed_in")
_MANIFEST = "manifest.json"


def default_documents() -> Path:
    """
    The source documents' folder: ``$AIFORECASTS_SEEDS``, or else
    ``../shared/seeds`` (relative to the current folder).
    """
    return Path(os.environ.get("AIFORECASTS_SEEDS") or Path("..", "shared", "seeds"))


@attrs.frozen
class CurationReport:
    """
    What `curate` did to a dataset folder, or would do.

    It is true when the folder was already right (nothing to change).

    .. versionadded:: 0.1.0
    """

    folder: pathlib.Path
    dataset: Dataset
    """The dataset the folder holds once curated."""
    changes: tuple[str, ...]
    """What changed, a line each (an excerpt located, a version stamped, a digest filled in)."""
    files: tuple[str, ...]
    """The files whose bytes differ from the curated form."""
    written: bool
    """Whether those files were written."""

    def __bool__(self) -> bool:
        return not self.files

    def __str__(self) -> str:
        records = sum(self.dataset.counts().values())
        if not self.files:
            return f"{self.folder}: {records} records, all as they should be"
        verb = "rewrote" if self.written else "would rewrite"
        lines = [f"{self.folder}: {records} records; {verb} {', '.join(self.files)}"]
        lines.extend(f"  {change}" for change in self.changes)
        return "\n".join(lines)


def curate(
    folder: str | os.PathLike[str],
    documents: str | os.PathLike[str] | None = None,
    *,
    previous: str | os.PathLike[str] | None = None,
    write: bool = True,
) -> CurationReport:
    """
    Bring the dataset folder *folder* to its curated form from the source
    documents in *documents* (when ``None``: ``$AIFORECASTS_SEEDS``, or else
    ``../shared/seeds``).

    *previous* is the release file of the last released dataset version
    (written by ``aiforecasts data release``): a record equal to its release keeps its versions, one
    that differs changed in the manifest's dataset version, one not in it was
    added then.  With *write* false nothing is written: the report says what
    would change.

    >>> import aiforecasts, pathlib, tempfile
    >>> documents = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (documents / "memo.txt").write_text("英伟达明年将推出云服务。", encoding="utf-8")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "manifest.json").write_text('{"dataset_version": "1.0"}')
    >>> _ = (folder / "sources.json").write_text('''{"records": [{"id": "memo",
    ...   "file": "memo.txt", "title": "备忘", "title_en": "A memo", "script": "zh-Hans",
    ...   "published": {"start": "2023-12-01", "end": "2023-12-31", "precision": "month",
    ...                 "label": "December 2023"},
    ...   "excerpts": [{"source": "memo", "display": "英伟达明年将推出云服务"}]}]}''')
    >>> report = aiforecasts.curate(folder, documents)
    >>> report.dataset.sources[0].excerpts[0].end
    11
    >>> aiforecasts.load_path(folder).counts()["sources"]
    1

    Raises:
        DataError: every problem found (a quote not in its document, a
            document missing, a record the strict reader refuses); nothing
            is written then.

    .. versionadded:: 0.1.0
    """
    root = Path(folder)
    library = Path(documents) if documents is not None else default_documents()
    problems: list[Problem] = []
    changes: list[str] = []
    manifest, version = _manifest(root)
    old_schema = manifest.get("schema_version", SCHEMA_VERSION)
    raw = {kind.name: _records_of(root, kind.name, version, problems) for kind in KINDS}
    if problems:
        raise DataError(problems)

    documents_text = _documents(raw["sources"], library, problems, changes)
    if problems:  # without its document, nothing of a source's records can be checked
        raise DataError(problems)
    for kind in KINDS:
        for index, record in enumerate(raw[kind.name]):
            where = f"{kind.name}[{index}]"
            for path, excerpt in excerpts(kind.cls, record, where):
                locate(
                    excerpt,
                    documents_text,
                    path=path,
                    file=f"{kind.name}.json",
                    problems=problems,
                    changes=changes,
                )
    # The records are read even where an excerpt was not found, so that every problem is
    # reported at once; those excerpts' own missing fields are not problems of their own.
    unlocated = tuple(problem.path for problem in problems)
    found: list[Problem] = []
    typed = _structure(raw, found)
    problems.extend(p for p in found if not p.path.startswith(unlocated) or not unlocated)
    if problems:
        raise DataError(problems)
    release = _release(previous, problems)
    if problems:
        raise DataError(problems)
    typed = _stamp(typed, release, version, changes, problems)
    problems.extend(_integrity.check({k.name: k.cls for k in KINDS}, typed))
    if problems:
        raise DataError(problems)

    if old_schema != SCHEMA_VERSION:
        changes.append(f"{_MANIFEST}: schema version {old_schema} → {SCHEMA_VERSION}")
    files = {}
    for kind in KINDS:
        envelope = {
            "kind": kind.name,
            "records": typed[kind.name],
            "schema_version": SCHEMA_VERSION,
        }
        files[f"{kind.name}.json"] = dumps_readable(envelope)
    files[_MANIFEST] = dumps_readable({**manifest, "schema_version": SCHEMA_VERSION})
    # What is written must read back: the strict reader has the last word.
    parse(
        files[_MANIFEST].encode("utf-8"),
        {kind.name: files[f"{kind.name}.json"].encode("utf-8") for kind in KINDS},
        folder=f"{root}{os.sep}",
    )
    # The digests of the files just checked: a package that bundles the folder reads it without
    # checking it again while its files are these (`_io.load._as_released`).
    files[SUMS] = sums({name: text.encode("utf-8") for name, text in files.items()})
    differ = tuple(name for name, text in files.items() if _on_disk(root / name) != text)
    if write:
        # as digested: "\n" line ends
        replace_files(root, {name: files[name].encode("utf-8") for name in differ})
    collections = {kind.name: Collection(typed[kind.name]) for kind in KINDS}
    dataset = Dataset(version, SCHEMA_VERSION, **collections)
    return CurationReport(root, dataset, tuple(changes), differ, write and bool(differ))


# -- reading the folder --------------------------------------------------------


def _manifest(root: Path) -> tuple[dict[str, Any], str]:
    """The manifest's JSON object and its dataset version."""
    problems: list[Problem] = []
    manifest = _read(root / _MANIFEST, problems)
    if not isinstance(manifest, dict):
        if manifest is not NOT_JSON:
            problems.append(Problem("$", "expected a JSON object", _MANIFEST))
        raise DataError(problems)
    version = _version(manifest.get("dataset_version"), "dataset_version", _MANIFEST, problems)
    if version is None:
        raise DataError(problems)
    return manifest, version


_MAX_VERSION = 64
"""The longest dataset version, in characters (``2026.4`` has 6): a version's numbers are
compared as integers, and a number of thousands of digits is refused by `int` itself."""
_VERSION = re.compile(rf"{VERSION}\Z")


def _version(value: object, where: str, file: str, problems: list[Problem]) -> str | None:
    """*value* if it is a dataset version, else None after noting why not."""
    if isinstance(value, str) and len(value) <= _MAX_VERSION and _VERSION.match(value):
        return value
    message = f"expected a version such as 2026.1 of at most {_MAX_VERSION} characters"
    problems.append(Problem(where, f"{message}, not {quote(value)}", file))
    return None


def _read(path: Path, problems: list[Problem]) -> Any:
    blob = _bytes(path, path.name, problems)
    if blob is None:
        return NOT_JSON
    return read_json(blob, path.name, problems)


def _bytes(  # noqa: PLR0913 - where a problem is reported, and the bound
    path: Path,
    file: str,
    problems: list[Problem],
    where: str = "$",
    label: str = "",
    *,
    limit: int = MAX_BYTES,
) -> bytes | None:
    """
    The bytes of the regular file *path*, or None after noting why not (as a
    problem of *file* at *where*, naming the file read as *label* where that
    is another).  Every file the tool reads comes through here: a pipe would
    block it, a device such as /dev/zero never end, and a file of gigabytes
    exhaust memory.
    """
    try:
        return read_bounded(path, limit)
    except DataError as error:
        prefix = f"{label}: " if label else ""
        problems.extend(Problem(where, prefix + p.message, file) for p in error.problems)
    except OSError as error:
        which = f" {label}" if label else ""
        problems.append(Problem(where, f"cannot read{which}: {error.strerror or error}", file))
    return None


def _records_of(root: Path, name: str, version: str, problems: list[Problem]) -> list[Any]:
    """The records of one kind file as JSON values, in the current layout; none if absent."""
    path = root / f"{name}.json"
    if not os.path.lexists(path):
        return []
    document = _read(path, problems)
    if document is NOT_JSON:
        return []
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        problems.append(Problem("$", "expected an object with a list of 'records'", path.name))
        return []
    if document.get("kind", name) != name:
        message = f"the file of {name} holds records of another kind: {quote(document['kind'])}"
        problems.append(Problem("kind", message, path.name))
        return []
    schema = document.get("schema_version", SCHEMA_VERSION)
    if not isinstance(schema, int) or not 1 <= schema <= SCHEMA_VERSION:
        problems.append(Problem("schema_version", f"unknown schema version {schema!r}", path.name))
        return []
    records: list[Any] = document["records"]
    migrated = [migrate(name, r, schema, version) if isinstance(r, dict) else r for r in records]
    for record in migrated:
        if isinstance(record, dict):  # a new record: of this version until the release says
            for key in _VERSIONS:
                record.setdefault(key, version)
    return migrated


_MAX_DOCUMENT = 16 << 20
"""The largest source document read, in bytes (16 MiB; the largest seed holds 20 KB): locating
excerpts by their display form keeps two integers per character of a document."""


def _documents(
    sources: list[Any], library: Path, problems: list[Problem], changes: list[str]
) -> dict[str, Document]:
    """Source id → its document (text and repairs); each source's SHA-256 filled in."""
    found = {}
    for index, source in enumerate(sources):
        where = f"sources[{index}]"
        if not isinstance(source, dict) or not isinstance(source.get("id"), str):
            continue  # the strict reader names it
        name = source.get("file")
        if not isinstance(name, str) or not name or Path(name).name != name:
            problems.append(Problem(f"{where}.file", "expected a bare file name", "sources.json"))
            continue
        blob = _bytes(
            library / name,
            "sources.json",
            problems,
            f"{where}.file",
            f"{name} in {library}",
            limit=_MAX_DOCUMENT,
        )
        if blob is None:
            continue
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError as error:
            message = f"{name} is not UTF-8: {error.reason} at byte {error.start}"
            problems.append(Problem(f"{where}.file", message, "sources.json"))
            continue
        digest = hashlib.sha256(blob).hexdigest()
        if source.get("sha256") != digest:
            changes.append(f"sources.json: {source['id']}: sha256 of {name} filled in ({digest})")
            source["sha256"] = digest
        before = len(problems)
        repairs = _codec.structure_many(
            Repair, source.get("repairs", []), f"{where}.repairs", "sources.json", problems
        )
        if len(problems) > before or repairs is None:
            continue
        found[source["id"]] = Document(text, tuple(r for r in repairs if isinstance(r, Repair)))
    return found


# -- typing, dating, writing -------------------------------------------------------


def _structure(raw: dict[str, list[Any]], problems: list[Problem]) -> dict[str, list[Any]]:
    """Typed records of every kind (by the detailed engine: it names every problem)."""
    return {
        kind.name: _codec.structure_many(
            kind.cls, raw[kind.name], kind.name, f"{kind.name}.json", problems
        )
        or []
        for kind in KINDS
    }


def release_file(dataset: Dataset) -> dict[str, Any]:
    """
    The release file of *dataset*: for every record, its versions and the
    SHA-256 of its content (the versions left out, and fields at their
    defaults, so that a field added later changes no fingerprint).  Kept in
    the repository for each released dataset version, it is what `curate`
    dates records against; small, and reviewable as a diff.
    """
    records = {
        record.id: {
            "added_in": record.added_in,
            "changed_in": record.changed_in,
            "kind": kind.name,
            "sha256": _fingerprint(record),
        }
        for kind in KINDS
        for record in getattr(dataset, kind.name)
    }
    return {
        "dataset_version": dataset.dataset_version,
        "records": records,
        "schema_version": SCHEMA_VERSION,
    }


def _fingerprint(record: Any) -> str:
    content = attrs.asdict(
        record,
        filter=lambda field, value: (
            field.name not in _VERSIONS
            and (field.default is attrs.NOTHING or value != field.default)
        ),
        value_serializer=_plain,
    )
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(_instance: object, _field: object, value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _release(
    previous: str | os.PathLike[str] | None, problems: list[Problem]
) -> tuple[str, dict[str, dict[str, str]]] | None:
    """The dataset version of a release file, and its id → versions and fingerprint."""
    if previous is None:
        return None
    path = Path(previous)
    file = str(path)  # outside the folder: named as given
    found: list[Problem] = []
    blob = _bytes(path, file, found)
    value = NOT_JSON if blob is None else read_json(blob, file, found)
    records = value.get("records") if isinstance(value, dict) else None
    version = value.get("dataset_version") if isinstance(value, dict) else None
    if value is not NOT_JSON and (
        not isinstance(records, dict) or not all(map(_is_entry, records.values()))
    ):
        message = (
            "expected a release file: {'dataset_version', "
            "'records': {id: {added_in, changed_in, sha256}}} (versions and digests strings)"
        )
        found.append(Problem("$", message, file))
    elif value is not NOT_JSON:
        _version(version, "dataset_version", file, found)
        # Only the first bad entry is named: a hostile file may hold millions.
        for name, entry in records.items() if isinstance(records, dict) else ():
            if not all(
                _version(entry[key], f"records.{name}.{key}", file, found) for key in _VERSIONS
            ):
                break
    problems.extend(found)
    if found or not isinstance(version, str) or not isinstance(records, dict):
        return None
    return version, records


def _is_entry(entry: object) -> bool:
    """Whether *entry* has the shape of a release file's record."""
    return (
        isinstance(entry, dict)
        and {"added_in", "changed_in", "sha256"} <= entry.keys()
        and all(isinstance(entry[key], str) for key in ("added_in", "changed_in", "sha256"))
        and isinstance(entry.get("kind", ""), str)
    )


def _stamp(
    typed: dict[str, list[Any]],
    release: tuple[str, dict[str, dict[str, str]]] | None,
    version: str,
    changes: list[str],
    problems: list[Problem],
) -> dict[str, list[Any]]:
    """
    Every record dated: versions from the release it is equal to, or *version*;
    a record that differs from a release of *version* itself is a problem (the
    released version cannot change).
    """
    if release is None:
        return typed
    released, fingerprints = release
    now, then = _order(version), _order(released)
    if now is not None and then is not None and now < then:
        message = f"{version} comes before the release {released}: raise it past that"
        problems.append(Problem("dataset_version", message, _MANIFEST))
        return typed
    dated: dict[str, list[Any]] = {}
    for kind in KINDS:
        dated[kind.name] = []
        for index, record in enumerate(typed[kind.name]):
            old = _released_as(fingerprints.get(record.id), kind.name)
            if old is not None and old["sha256"] == _fingerprint(record):
                versions = {"added_in": old["added_in"], "changed_in": old["changed_in"]}
            elif released == version:
                what = "is not in" if old is None else "differs from"
                message = (
                    f"{record.id} {what} the release of {released}, and the manifest's "
                    f"dataset_version is still {version}: raise it"
                )
                problems.append(Problem(f"{kind.name}[{index}]", message, f"{kind.name}.json"))
                versions = {name: getattr(record, name) for name in _VERSIONS}
            elif old is None:
                versions = {"added_in": version, "changed_in": version}
            else:
                versions = {"added_in": old["added_in"], "changed_in": version}
            if versions != {name: getattr(record, name) for name in _VERSIONS}:
                changes.append(
                    f"{kind.name}.json: {record.id}: added in {versions['added_in']}, "
                    f"changed in {versions['changed_in']}"
                )
                record = attrs.evolve(record, **versions)  # noqa: PLW2901
            dated[kind.name].append(record)
    return dated


def _released_as(entry: dict[str, str] | None, kind: str) -> dict[str, str] | None:
    """
    The release's entry for a record of *kind*, or None when the release had
    no such record: an id retired since is a new tombstone, not the record it
    was.  (Release files before 2026.2 name no kinds, and hold no tombstones.)
    """
    if entry is None:
        return None
    released_kind = entry.get("kind")
    if released_kind is None:
        return None if kind == "tombstones" else entry
    return entry if released_kind == kind else None


def _order(version: str) -> tuple[int, ...] | None:
    """A version of dotted numbers as numbers (``2026.10`` after ``2026.9``); else None."""
    # ASCII digits only: "²".isdigit() holds, and int() refuses it.  A version is at most
    # _MAX_VERSION characters, so no part is too long for int() either.
    if not _DOTTED.match(version):
        return None
    return tuple(int(part) for part in version.split("."))


_DOTTED = re.compile(r"[0-9]+(?:\.[0-9]+)*\Z")


def _on_disk(path: Path) -> str | None:
    """
    The text of *path* as its bytes are (line ends too: a file with CRLF is
    not as written), or None where it is not a regular file of UTF-8 text
    (read within the same bounds as the rest).
    """
    try:
        return read_bounded(path).decode("utf-8")
    except (DataError, OSError, UnicodeDecodeError):
        return None
