"""
Reading Parquet files back (the ``parquet`` export): `read_parquet`, the
inverse of ``write(..., format="parquet")``.

A file goes through checks of its own before the tables' strict path
(`_io.csv_read.columns_match`, `one_version`): its bounds from the footer
before anything is read (`_within_bounds`), its columns and types against
the kind's Arrow schema (`_io.arrow.arrow_schema`), its pages' checksums,
its Arrow buffers, the size its texts expand to, its dates, its metadata's
claims and its digest.  Every failure is a `Problem` with the file, never an
exception of pyarrow's.  Needs the ``arrow`` extra.
"""

from __future__ import annotations

import functools
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any

from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._codec.reading import NOT_JSON, read_json
from aiforecasts._io.arrow import (
    DIGEST,
    META,
    PARQUET_SUFFIX,
    PRECISION,
    arrow_schema,
    pyarrow_module,
    values_digest,
)
from aiforecasts._io.columns import DERIVED, scalar_shape, table_columns
from aiforecasts._io.csv_read import columns_match, one_version
from aiforecasts._io.files import read_bounded
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import DataError, Problem
from aiforecasts._model.fields import Shape, fields
from aiforecasts._model.kinds import KIND_NAMED, KINDS
from aiforecasts._model.limits import MAX_BYTES, MAX_COLUMNS, MAX_ROWS

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow
    import pyarrow.parquet

__all__ = ["read_parquet"]

_MAX_CHUNKS = 100_000
"""The most column chunks (row groups times columns) a footer may list: each is looked at
before reading.  This package writes one row group per million rows."""
_CELL = 64
"""The least one cell of a table costs once read: a Python object and its place in a row.
With `MAX_BYTES`, it bounds rows times columns before anything is read (a predictions table
of 280,000 rows passes; the dataset has hundreds)."""
_FIRST_DAY, _LAST_DAY = -719_162, 2_932_896
"""0001-01-01 and 9999-12-31 as days since 1970, a ``date32``'s count: the years a date has."""


def read_parquet(
    folder: Path, problems: list[Problem]
) -> tuple[str, dict[str, list[object]], bool]:
    """
    The dataset version, the records as JSON values, and whether every file
    was read whole, of the Parquet files in *folder* (one per kind, named by
    it): the inverse of ``write(..., format="parquet")``.  Problems of the
    files themselves (an unknown kind, bounds, columns, types, checksums,
    versions, the digest) are noted with file, column and row; the records'
    own problems are left to the detailed engine.
    """
    versions: set[str] = set()
    found: dict[str, list[object]] = {}
    whole = True
    for path in sorted(folder.glob(f"*{PARQUET_SUFFIX}")):
        kind = path.name.removesuffix(PARQUET_SUFFIX)
        file = str(path)
        if kind not in KIND_NAMED:
            known = ", ".join(k.name for k in KINDS)
            problems.append(Problem("$", f"not a kind of record (one of {known})", file))
            whole = False
            continue
        table = _parquet_table(path, kind, problems)
        records = None if table is None else _parquet_records(kind, table, file, problems, versions)
        if records is None:
            whole = False
        else:
            found[kind] = records
    return one_version(versions, folder, problems), found, whole


def _parquet_table(path: Path, kind: str, problems: list[Problem]) -> pyarrow.Table | None:
    """
    The Arrow table of the Parquet file of *kind* at *path*, or None after
    noting why not: pyarrow's own exceptions (its documented classes, and the
    `UnicodeDecodeError` it raises for a footer name not in UTF-8) become a
    problem of the file here.
    """
    pa = pyarrow_module()
    file = str(path)
    try:
        blob = read_bounded(path)  # regular files only, at most MAX_BYTES of them
    except DataError as error:
        problems.extend(error.problems)
        return None
    except OSError as error:
        problems.append(Problem("$", f"cannot read: {error}", file))
        return None
    try:
        table = _decoded(blob, kind, file, problems)
    except (OSError, pa.ArrowException) as error:
        problems.append(Problem("$", f"not a readable Parquet file: {error}", file))
        return None
    except UnicodeDecodeError:  # pyarrow decodes the footer's names as it opens the file
        problems.append(Problem("$", "not a readable Parquet file: a name not in UTF-8", file))
        return None
    return table if table is not None and _dates_in_range(table, file, problems) else None


def _decoded(blob: bytes, kind: str, file: str, problems: list[Problem]) -> pyarrow.Table | None:
    """
    The table of the Parquet file *blob*, or None after noting why not.  Its
    footer is checked before any page is read — bounds, then columns and
    types — and the pages are read with their checksums verified and every
    text column as a dictionary, so a text repeated in a million rows is held
    once until its expanded size has been measured.
    """
    pa = pyarrow_module()
    import pyarrow.parquet as pq  # noqa: PLC0415 - an optional extra

    parquet = pq.ParquetFile(pa.BufferReader(blob))
    metadata, schema = parquet.metadata, parquet.schema_arrow
    if not _within_bounds(metadata, file, problems) or not _typed(kind, schema, file, problems):
        return None
    texts = [column.path for column in parquet.schema if column.physical_type == "BYTE_ARRAY"]
    parquet = pq.ParquetFile(
        pa.BufferReader(blob), read_dictionary=texts, page_checksum_verification=True
    )
    # Row group by row group: pyarrow reads a list of dictionary texts from one only.
    parts, size = [], 0
    for group in range(metadata.num_row_groups):
        part = parquet.read_row_group(group, use_threads=False)
        part.validate(full=True)  # offsets, dictionary indices, UTF-8: before any is used
        size += _expanded_size(part)
        if size > MAX_BYTES:
            message = (
                f"its texts, copied into each row, expand to more than {MAX_BYTES:,} bytes "
                "(a Parquet file may expand to no more); not read"
            )
            problems.append(Problem("$", message, file))
            return None
        parts.append(part)
    # Every part measured: the texts as plain strings again (Python takes them from Arrow
    # several times faster than from a dictionary).
    return pa.concat_tables([part.cast(schema) for part in parts]) if parts else parquet.read()


def _within_bounds(
    metadata: pyarrow.parquet.FileMetaData, file: str, problems: list[Problem]
) -> bool:
    """Whether the footer's rows, columns and sizes are within the limits; else why not."""
    rows, columns, groups = metadata.num_rows, metadata.num_columns, metadata.num_row_groups
    message = None
    if not 0 <= rows <= MAX_ROWS:
        message = f"{rows:,} rows: more than the {MAX_ROWS:,} a table may hold"
    elif not 0 <= columns <= MAX_COLUMNS:
        message = f"{columns:,} columns: more than the {MAX_COLUMNS:,} a table may have"
    elif not 0 <= groups * columns <= _MAX_CHUNKS:
        message = f"{groups:,} row groups of {columns:,} columns: more than {_MAX_CHUNKS:,} chunks"
    else:
        sizes = [
            metadata.row_group(group).column(column).total_uncompressed_size
            for group in range(groups)
            for column in range(columns)
        ]
        expanded = sum(sizes) + rows * columns * _CELL
        if min(sizes, default=0) < 0:
            message = "a column chunk of a negative size: a damaged footer"
        elif expanded > MAX_BYTES:
            message = (
                f"{rows:,} rows of {columns:,} columns, {sum(sizes):,} bytes uncompressed: "
                f"more than the {MAX_BYTES:,} bytes a Parquet file may expand to"
            )
    if message is not None:
        problems.append(Problem("$", f"{message}; not read", file))
    return message is None


def _typed(kind: str, schema: pyarrow.Schema, file: str, problems: list[Problem]) -> bool:
    """Whether the file's Arrow schema has the columns and types of *kind*; else why not."""
    expected = arrow_schema(kind)
    if not columns_match(list(schema.names), list(expected.names), file, problems):
        return False
    wrong = False
    for field in expected:
        found = schema.field(field.name).type
        if not found.equals(field.type):
            message = f"a column of {found}, where {field.type} is expected"
            problems.append(Problem(field.name, message, file))
            wrong = True
    return not wrong


def _expanded_size(table: pyarrow.Table) -> int:
    """
    The bytes *table* would hold with each text copied into every row that
    uses it, and each cell a Python object (`_CELL`): measured over the
    dictionaries' lengths, without expanding them.
    """
    pa = pyarrow_module()
    import pyarrow.compute as pc  # noqa: PLC0415 - an optional extra

    total = int(table.num_rows * table.num_columns * _CELL)
    for column in table.columns:
        for chunk in column.chunks:
            array = chunk.flatten() if isinstance(chunk, pa.ListArray) else chunk
            if isinstance(array, pa.DictionaryArray):
                lengths = pc.binary_length(array.dictionary)
                used = pc.sum(pc.take(lengths, array.indices)).as_py() or 0
                total += used + array.indices.nbytes + array.dictionary.nbytes
            else:
                total += chunk.nbytes
    return total


def _dates_in_range(table: pyarrow.Table, file: str, problems: list[Problem]) -> bool:
    """Whether every date is of a year 1 to 9999 (a Python date); else which column is not."""
    pa = pyarrow_module()
    import pyarrow.compute as pc  # noqa: PLC0415 - an optional extra

    fine = True
    for name, column in zip(table.column_names, table.columns, strict=True):
        if not pa.types.is_date32(column.type) or column.null_count == len(column):
            continue
        days = column.cast(pa.int32())
        extremes = pc.min_max(days).as_py()
        if extremes["min"] < _FIRST_DAY or extremes["max"] > _LAST_DAY:
            message = "a date outside the years 1 to 9999"
            problems.append(Problem(name, message, file))
            fine = False
    return fine


def _parquet_records(
    kind: str, table: pyarrow.Table, file: str, problems: list[Problem], versions: set[str]
) -> list[object] | None:
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    schemas = set(columns["schema_version"])
    if schemas - {SCHEMA_VERSION}:
        newest = max(s for s in schemas if s is not None) if schemas - {None} else None
        message = f"tables of schema version {newest}; this package reads {SCHEMA_VERSION}"
        problems.append(Problem("schema_version", message, file))
        return None
    _check_claims(kind, table.schema.metadata or {}, columns, file, problems)
    cls: type = KIND_NAMED[kind].cls
    plan = _plan(cls, "")
    derived = {d.name for d in DERIVED.get(kind, ())}  # recomputed, never read
    names = [name for name in columns if name not in derived]
    records: list[object] = []
    for number, cells in enumerate(zip(*(columns[name] for name in names), strict=True), start=1):
        row = dict(zip(names, cells, strict=True))
        version = row.pop("dataset_version")
        row.pop("schema_version")
        if version is not None:
            versions.add(version)
        records.append(_json_of(plan, row, problems, f"{kind}.parquet", f"row {number}"))
    return records


def _check_claims(
    kind: str,
    metadata: dict[bytes, bytes],
    columns: dict[str, list[Any]],
    file: str,
    problems: list[Problem],
) -> None:
    """
    The footer's claims checked against the file: its kind against its name,
    its dataset and schema versions against its rows, its digest against its
    values.  A claim that is absent is not checked: files written before the
    digest (package versions before issue 23) have none, and read as before.
    """
    claims = {
        key.decode("utf-8", "replace"): value.decode("utf-8", "replace")
        for key, value in metadata.items()
    }
    claimed_kind = claims.get(f"{META}.kind")
    if claimed_kind is not None and claimed_kind != kind:
        message = f"the file's metadata says it holds {quote(claimed_kind)}, not {kind}"
        problems.append(Problem("$", message, file))
    claimed_schema = claims.get(f"{META}.schema_version")
    if claimed_schema is not None and claimed_schema != str(SCHEMA_VERSION):
        message = (
            f"the file's metadata claims schema version {quote(claimed_schema)}; "
            f"its rows are of {SCHEMA_VERSION}"
        )
        problems.append(Problem("$", message, file))
    claimed_version = claims.get(f"{META}.dataset_version")
    held = set(columns["dataset_version"]) - {None}
    if claimed_version is not None and held and held != {claimed_version}:
        listed = ", ".join(quote(v) for v in sorted(held)[:3])
        message = (
            f"the file's metadata claims dataset version {quote(claimed_version)}; "
            f"its rows hold {listed}"
        )
        problems.append(Problem("$", message, file))
    digest = claims.get(DIGEST)
    if digest is not None and digest != values_digest(metadata, columns):
        message = (
            "its values do not match the SHA-256 recorded when it was written: "
            "the file was damaged or changed since"
        )
        problems.append(Problem("$", message, file))


# (field name, column, shape, the plan of a nested record or None, its columns, optional)
_Step = tuple[str, str, Shape, "tuple[_Step, ...] | None", tuple[str, ...], bool]


@functools.cache
def _plan(cls: type, prefix: str) -> tuple[_Step, ...]:
    """How a row's typed columns become the JSON object of a record of *cls*: worked out once."""
    steps: list[_Step] = []
    for field in fields(cls):
        column = f"{prefix}{field.name}"
        nested = field.shape.record()
        if nested is None:
            steps.append((field.name, column, field.shape, None, (), False))
        else:
            inner = _plan(nested, f"{column}.")
            columns = tuple(name for name, _f, _r in table_columns(nested, f"{column}."))
            optional = field.shape.kind == "optional"
            steps.append((field.name, column, field.shape, inner, columns, optional))
    return tuple(steps)


def _json_of(
    plan: tuple[_Step, ...],
    row: dict[str, object],
    problems: list[Problem],
    file: str,
    where: str,
) -> dict[str, object]:
    """The JSON object of one record from its row's typed values (the codec's shape)."""
    value: dict[str, object] = {}
    for name, column, shape, inner, columns, optional in plan:
        if inner is None:
            value[name] = _json_value(shape, row.get(column), problems, file, f"{where}.{column}")
        elif optional and all(row.get(c) is None for c in columns):
            value[name] = None
        else:
            value[name] = _json_of(inner, row, problems, file, where)
    return value


def _json_value(shape: Shape, value: Any, problems: list[Problem], file: str, where: str) -> object:
    if value is None:
        return None
    if isinstance(value, Decimal):
        # normalize() rounds to the context's precision (28 digits by default); a
        # decimal128 column holds up to 38, and every one of them is kept.
        with localcontext() as context:
            context.prec = PRECISION
            return format(value.normalize(), "f")
    if isinstance(value, str) and scalar_shape(shape).kind in ("list", "set"):
        found = read_json(value, file, problems, where)  # JSON text of objects: strict
        return value if found is NOT_JSON else found
    if scalar_shape(shape).kind == "date":
        return str(value.isoformat())
    return value
