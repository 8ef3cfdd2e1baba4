"""
The layout of a dataset folder: a manifest and one file per kind.

The bundled data is one (`_io.load`), and so is a folder that ``aiforecasts
data fix`` keeps (`_tools.curate`) or that `load_path` reads (`_io.read`).
`parse` reads the manifest and every kind file and builds the `Dataset`;
`kind_file` is the one reader of a kind file's envelope (its kind, its schema
version, its records), which the bundled data's deferred decoding uses too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import msgspec

from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._codec.reading import NOT_JSON, depth_problem, read_json, too_deep
from aiforecasts._io.envelope import (
    build,
    check_dataset_version,
    check_keys,
    check_version,
    colons,
    fast_envelope,
    migrated,
    read_records,
)
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import Problem, Problems, json_type
from aiforecasts._model.kinds import KINDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from aiforecasts._model.errors import Unread
    from aiforecasts._model.kinds import Kind
    from aiforecasts._model.records import Record
    from aiforecasts._query.dataset import Dataset

__all__ = ["MANIFEST", "kind_file", "parse"]

MANIFEST = "manifest.json"
"""The file of a dataset folder that gives its dataset and schema versions."""

R = TypeVar("R")


class _KindFile(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    records: msgspec.Raw
    schema_version: int


_KIND_FILE_KEYS = _KindFile.__struct_fields__
_KIND_FILE = msgspec.json.Decoder(_KindFile)


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
    meta = read_json(manifest, f"{folder}{MANIFEST}", problems)
    dataset_version = ""
    whole = True
    if isinstance(meta, dict):
        where = f"{folder}{MANIFEST}"
        check_keys(meta, {"dataset_version", "schema_version"}, where, problems)
        dataset_version = check_dataset_version(
            meta.get("dataset_version"), where, problems, "dataset_version"
        )
        check_version(meta.get("schema_version"), where, problems, "schema_version")
    elif meta is not NOT_JSON:
        message = f"expected a JSON object, not {json_type(meta)}"
        problems.append(Problem("$", message, f"{folder}{MANIFEST}"))

    schema = meta.get("schema_version") if isinstance(meta, dict) else None
    parts: dict[str, list[Record | Unread]] = {}
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
        read = kind_file(kind, blob, file, dataset_version, problems, trusted=trusted)
        if read is None:
            whole = False
        else:
            parts[kind.name] = read
    return build(
        parts,
        dataset_version,
        problems,
        check_references=check_references,
        whole=whole,
        file=lambda name: f"{folder}{name}.json",
    )


def kind_file(  # noqa: PLR0911, PLR0913 - one return per way a file can be wrong
    kind: Kind[R],
    blob: bytes,
    file: str,
    dataset_version: str,
    problems: list[Problem],
    *,
    trusted: bool,
) -> list[R | Unread] | None:
    """The records of one kind file, or None where its envelope could not be read."""
    deep = too_deep(blob)
    if deep is not None:
        problems.append(depth_problem(deep, file))
        return None
    head = fast_envelope(
        blob, _KIND_FILE.decode, lambda head: len(_KIND_FILE_KEYS) + colons(head.records)
    )
    if head is not None:
        if head.kind != kind.name:
            problems.append(
                Problem("kind", f"expected {kind.name!r}, not {quote(head.kind)}", file)
            )
            return None
        version = check_version(head.schema_version, file, problems, "schema_version")
        if version is None:
            return None
        return read_records(
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
    check_keys(document, {"kind", "schema_version", "records"}, file, problems)
    if "kind" in document and document["kind"] != kind.name:
        message = f"expected {kind.name!r}, not {quote(document['kind'])}"
        problems.append(Problem("kind", message, file))
    version = check_version(
        document.get("schema_version", SCHEMA_VERSION), file, problems, "schema_version"
    )
    if "records" not in document or version is None or not isinstance(document["records"], list):
        if isinstance(document.get("records"), dict | str | int | float | bool):
            message = f"expected a list, not {json_type(document['records'])}"
            problems.append(Problem("records", message, file))
        return None
    return migrated(
        kind,
        document["records"],
        version,
        dataset_version,
        where=kind.name,
        file=file,
        problems=problems,
    )
