"""
What the envelopes of every layout share: their checks, and the records inside them.

A dataset folder (`_io.folder`), a JSON export (`_io.loads`) and JSON Lines
(`_io.lines`) each wrap records in an envelope of their own — a kind, a
schema version, a dataset version — read by one reader per layout.  Here is
what those readers have in common: the fast engine's reading of an envelope
(`fast_envelope`: the detailed reading says what is wrong where it refuses),
the checks of its versions and keys with their messages, the records of a
part in the current layout or migrated from an older one, and the `Dataset`
built once ids and references hold (`build`; `from_values` for tables).

Reading is all or nothing: every problem in every part — of types, of
values and of references — is collected in one pass and raised together as
one `DataError`, and no `Dataset` is built from input that has any.  Each
part goes through the codec (`_codec.json`), whose fast engine reads clean
input and whose detailed engine names every problem of the rest.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TypeVar

from aiforecasts._codec import json as _codec
from aiforecasts._codec.json import REFUSED, Engine
from aiforecasts._codec.migrations import SCHEMA_VERSION, migrate
from aiforecasts._codec.reading import NOT_JSON, read_json, same_keys
from aiforecasts._model.checks import VERSION, older_layout, quote
from aiforecasts._model.errors import DataError, Problem, Problems
from aiforecasts._model.kinds import KINDS
from aiforecasts._query.collections import Collection
from aiforecasts._query.dataset import Dataset

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    import msgspec

    from aiforecasts._model.errors import Unread
    from aiforecasts._model.kinds import Kind

__all__ = [
    "VERSION_RE",
    "build",
    "check_dataset_version",
    "check_keys",
    "check_version",
    "colons",
    "fast_envelope",
    "from_values",
    "migrated",
    "read_records",
    "too_early",
]

VERSION_RE = re.compile(VERSION + r"\Z")
"""A dataset version, as every envelope gives it (``2026.1``)."""

R = TypeVar("R")
_E = TypeVar("_E")


def fast_envelope(blob: bytes, read: Callable[[bytes], _E], keys: Callable[[_E], int]) -> _E | None:
    """
    The envelope of *blob* as the fast engine reads it (*read*: msgspec,
    into a class of exactly the envelope's keys), or None where it refuses
    it or where *blob* gives a key twice (`same_keys`: *keys* counts the
    colons of the envelope read): the layout's reader then reads *blob* by
    the detailed engine, which says what is wrong and where.
    """
    try:
        head = read(blob)
    except REFUSED:
        return None
    return head if same_keys(blob, keys(head)) else None


def check_version(version: object, file: str, problems: list[Problem], path: str) -> int | None:
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


def check_keys(
    value: Mapping[str, object],
    expected: set[str],
    file: str,
    problems: list[Problem],
    path: str = "",
) -> None:
    for key in sorted(value.keys() - expected):
        problems.append(Problem(f"{path}{key}", "unknown key", file))
    for key in sorted(expected - value.keys()):
        problems.append(Problem(f"{path}{key}", "missing", file))


def check_dataset_version(value: object, file: str, problems: list[Problem], path: str) -> str:
    if not isinstance(value, str) or not VERSION_RE.match(value):
        problems.append(
            Problem(path, f"expected a version such as 2026.1, not {quote(value)}", file)
        )
        return ""
    return value


def read_records(  # noqa: PLR0913 - the context of one part
    kind: Kind[R],
    raw: bytes,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
    strict: bool = True,
    engine: Engine = "auto",
) -> list[R | Unread] | None:
    """The records of *kind* in the JSON array *raw*, written with schema *version*;
    ``None`` if *raw* is not an array of them at all."""
    if version == SCHEMA_VERSION:
        return _codec.decode_many(
            kind.cls, raw, where=where, file=file, problems=problems, strict=strict, engine=engine
        )
    value = read_json(raw, file, problems, where)
    return migrated(
        kind, value, version, dataset_version, where=where, file=file, problems=problems
    )


def migrated(  # noqa: PLR0913 - the context of one part
    kind: Kind[R],
    value: object,
    version: int,
    dataset_version: str,
    *,
    where: str,
    file: str,
    problems: list[Problem],
) -> list[R | Unread] | None:
    """
    Records from JSON values of an older (or the current) layout, by the
    detailed engine.

    What a file's schema version claims is checked against its content where
    that is cheap: records of a kind that came after that version (a
    resolution in a file of schema 4) are refused (`too_early`), and records
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
    if too_early(kind, value, version, where=where, file=file, problems=problems):
        return None
    if isinstance(value, list):
        value = [
            migrate(kind.name, item, version, dataset_version) if isinstance(item, dict) else item
            for item in value
        ]
    with older_layout():  # what schema 6 requires, an older file never had
        return _codec.structure_many(kind.cls, value, where, file, problems)


def too_early(  # noqa: PLR0913 - the context of one part
    kind: Kind[R], value: object, version: int, *, where: str, file: str, problems: list[Problem]
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


def build(  # noqa: PLR0913 - what one reading found
    parts: Mapping[str, Sequence[Any]],
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
    values: Mapping[str, list[object]],
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
        dataset_version = check_dataset_version(
            dataset_version, file(next(iter(values))), problems, "dataset_version"
        )
    return build(
        parts,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=file,
    )


def colons(raw: msgspec.Raw) -> int:
    """The colons of the JSON text *raw*: one per key, and those of strings (`same_keys`)."""
    return bytes(raw).count(b":")
