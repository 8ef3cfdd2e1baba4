"""
Records as Arrow tables and Parquet files: the tables of the CSV export with
real types, for DuckDB, polars, Spark and Hugging Face.

A kind's Arrow table has the columns of its CSV table (`csv_columns`, in that
order): dates as ``date32``, figures as ``decimal128(38, 9)`` (exact, and
summed as numbers; it holds every figure the types accept), integers as
``int64``, choices as dictionary-encoded strings, lists of names as
``list<string>``, and nested lists of objects (excerpts, evidence, positions …)
as JSON text, as in the CSV cells.  The
schema's metadata carries the kind, the dataset and schema versions and each
source's SHA-256; a Parquet file written here adds a SHA-256 of its values
(`content_digest`) and a CRC-32 of every page.  Reading a Parquet file back goes
through the same strict checks as the CSV tables and JSON, and first through
checks of its own: its bounds from the footer before anything is read
(`_within_bounds`), its pages' checksums, its Arrow buffers, the size its texts
expand to, its dates, its metadata's claims and its digest.  Every failure is a
`Problem` with the file, never an exception of pyarrow's.

pyarrow is an optional extra (``pip install 'aiforecasts[arrow]'``).
"""

from __future__ import annotations

import datetime
import enum
import functools
import hashlib
import io
import json
import math
from decimal import Context, Decimal, InvalidOperation, localcontext
from typing import TYPE_CHECKING, Any, cast

import attrs

from aiforecasts._codec.json import NOT_JSON, SCHEMA_VERSION, read_json, to_builtins
from aiforecasts._io.export import parts, sources_of
from aiforecasts._io.files import read_bounded
from aiforecasts._io.tables import (
    DERIVED,
    _cell,
    _columns,
    _description,
    _scalar,
    columns_match,
    dataset_card,
    one_version,
)
from aiforecasts._model.errors import DataError, Problem
from aiforecasts._model.fields import Shape, fields
from aiforecasts._model.kinds import KIND_NAMED, KINDS
from aiforecasts._model.limits import MAX_BYTES, MAX_COLUMNS, MAX_ROWS
from aiforecasts._model.values import quote

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pyarrow

    from aiforecasts._io.export import Exportable
    from aiforecasts._model.kinds import Derived
    from aiforecasts._model.records import Source
    from aiforecasts._query.scores import Scores

__all__ = [
    "PARQUET_SUFFIX",
    "content_digest",
    "parquet_card",
    "read_parquet",
    "to_arrow",
    "to_parquet",
    "to_polars",
]

PARQUET_SUFFIX = ".parquet"
_PRECISION, _SCALE = 38, 9
"""The figures' column type, ``decimal128(38, 9)``: 29 digits before the point and 9 after,
the bound the types hold figures to (`_model.values.DECIMAL_EXPONENTS`,
`_model.values.DECIMAL_PLACES`), so that every figure is written exactly and read back as it was."""
_QUANTUM = Decimal(1).scaleb(-_SCALE)
_WIDE = Context(prec=2 * _PRECISION)
"""Room for every figure the records allow, to fix it at the scale: a quantum of 10^-9 asks
for up to 38 + 9 digits.  Its own context, whatever the caller's (a trap off, say)."""
_META = "aiforecasts"
_DIGEST = f"{_META}.sha256"
_DECIMAL = Shape("decimal")
_MAX_CHUNKS = 100_000
"""The most column chunks (row groups times columns) a footer may list: each is looked at
before reading.  This package writes one row group per million rows."""
_CELL = 64
"""The least one cell of a table costs once read: a Python object and its place in a row.
With `MAX_BYTES`, it bounds rows times columns before anything is read (a predictions table
of 280,000 rows passes; the dataset has hundreds)."""
_FIRST_DAY, _LAST_DAY = -719_162, 2_932_896
"""0001-01-01 and 9999-12-31 as days since 1970, a ``date32``'s count: the years a date has."""


def _pyarrow() -> Any:
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
    except ImportError as error:
        msg = "Arrow and Parquet need pyarrow: pip install 'aiforecasts[arrow]'"
        raise ImportError(msg) from error
    return pa


def _arrow_type(pa: Any, shape: Shape) -> Any:
    scalar = _scalar(shape)
    if scalar.kind in ("list", "set"):
        item = scalar.item
        if item is not None and item.kind in ("text", "choice"):
            return pa.list_(pa.string())
        return pa.string()  # a list of objects or figures: JSON text, as in a CSV cell
    return {
        "text": pa.string(),
        "choice": pa.dictionary(pa.int32(), pa.string()),
        "integer": pa.int64(),
        "number": pa.float64(),
        "decimal": pa.decimal128(_PRECISION, _SCALE),
        "date": pa.date32(),
    }.get(scalar.kind, pa.string())


def arrow_schema(kind: str, metadata: dict[str, str] | None = None) -> pyarrow.Schema:
    """The Arrow schema of the table of *kind*."""
    pa = _pyarrow()
    columns = [
        pa.field(name, _arrow_type(pa, field.shape), nullable=not required)
        for name, field, required in _columns(KIND_NAMED[kind].cls)
    ]
    columns += [
        pa.field(
            derived.name,
            pa.decimal128(_PRECISION, _SCALE) if derived.exact else pa.float64(),
            metadata={f"{_META}.derived": derived.description},
        )
        for derived in DERIVED.get(kind, ())
    ]
    columns += [
        pa.field("dataset_version", pa.string(), nullable=False),
        pa.field("schema_version", pa.int32(), nullable=False),
    ]
    return pa.schema(columns, metadata=metadata)


def _fit(exact: Decimal) -> Decimal | None:
    """*exact* at the figures' scale (9 places), or None if the column cannot hold it exactly."""
    try:
        fixed = exact.quantize(_QUANTUM, context=_WIDE)
    except InvalidOperation:  # more digits than even that room
        return None
    if fixed != exact or len(fixed.as_tuple().digits) > _PRECISION:
        return None
    return fixed


def _value(shape: Shape, value: Any, where: str) -> Any:
    """A JSON value of the codec's shape as the Arrow column of *shape* takes it."""
    if value is None:
        return None
    scalar = _scalar(shape)
    if scalar.kind in ("list", "set"):
        item = scalar.item
        if item is not None and item.kind in ("text", "choice"):
            return value
        return _cell(value)
    if scalar.kind == "decimal":
        fixed = _fit(Decimal(value))
        if fixed is None:
            # Only a record built with its validators disabled holds such a figure: the
            # types refuse it (`_model.values.check_decimal`).  Refused here all the same, never
            # rounded.
            msg = (
                f"{where}: {value} does not fit an exact decimal128({_PRECISION}, {_SCALE}) "
                "column: a figure is below 10^29 with at most 9 digits after the point"
            )
            raise ValueError(msg)
        return fixed
    if scalar.kind == "date":
        return datetime.date.fromisoformat(value)
    return value


class _Slow:
    """What a quick conversion (`_quick`) returns for a value it leaves to `_value`."""


_SLOW = _Slow()


def _quick(scalar: Shape) -> Callable[[Any], Any]:
    """
    How a typed value (not None) of a column of the shape *scalar* becomes what its
    Arrow array takes: what `_value` makes of the value's JSON, without the detour — a
    choice's value, a set's names sorted as the codec sorts them, a figure at scale 9, a
    date as it is, a list of objects as its JSON text.  A value of a type its field does
    not declare (only a record built with its validators disabled holds one), and a
    figure that does not fit, give `_SLOW`: they take the detour, and are refused there.
    """
    kind, item = scalar.kind, scalar.item
    if kind in ("list", "set") and item is not None and item.kind in ("text", "choice"):
        return functools.partial(
            _names, tuple if kind == "list" else frozenset, choice=item.kind == "choice"
        )
    return _QUICK.get(kind, _as_json if kind in ("list", "set") else _as_slow)


def _as_text(value: Any) -> Any:
    return value if type(value) is str else _SLOW


def _as_integer(value: Any) -> Any:
    return value if type(value) is int else _SLOW


def _as_number(value: Any) -> Any:
    return value if type(value) is float and math.isfinite(value) else _SLOW


def _as_choice(value: Any) -> Any:
    # _value_, not .value: the member's value without the property's cost, per cell.
    return value._value_ if isinstance(value, enum.Enum) and type(value._value_) is str else _SLOW


def _as_decimal(value: Any) -> Any:
    fixed = _fit(value) if type(value) is Decimal else None
    return _SLOW if fixed is None else fixed


def _as_date(value: Any) -> Any:
    plain = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    return value if plain else _SLOW


def _as_json(value: Any) -> Any:
    """A list of objects as the JSON text of a cell; anything that fails, to `_value`."""
    try:
        return _cell(to_builtins(value))
    except Exception:  # noqa: BLE001 - raised again by `_value`, with where it is
        return _SLOW


def _as_slow(_value: Any) -> Any:
    return _SLOW


def _names(container: type[tuple[Any, ...] | frozenset[Any]], value: Any, *, choice: bool) -> Any:
    """A tuple (list) or frozenset (set) of texts or choices as a list of strings, sorted for a
    set (as the codec sorts it)."""
    if type(value) is not container:
        return _SLOW
    if choice:
        if not all(isinstance(m, enum.Enum) and type(m._value_) is str for m in value):
            return _SLOW
        names = [member._value_ for member in value]
    else:
        names = list(value)
        if not all(type(name) is str for name in names):
            return _SLOW
    return sorted(names) if container is frozenset else names


_QUICK: dict[str, Callable[[Any], Any]] = {
    "text": _as_text,
    "integer": _as_integer,
    "number": _as_number,
    "choice": _as_choice,
    "decimal": _as_decimal,
    "date": _as_date,
}


class _Unwritable(Exception):  # noqa: N818 - carries another exception, with its row
    """An exception met converting the value in row *row*: the first one, row by row, is raised."""

    def __init__(self, row: int, error: Exception) -> None:
        super().__init__(row, error)
        self.row, self.error = row, error


def _column(shape: Shape, values: list[Any], where: Callable[[int], str]) -> list[Any]:
    """
    One column of typed *values* as its Arrow array takes them: as `_value` takes
    their JSON (what `to_csv` and the codec write), through `_quick` where it can.
    """
    quick = _quick(_scalar(shape))
    column = [None if value is None else quick(value) for value in values]
    if _SLOW in column:
        for row, value in enumerate(column):
            if value is _SLOW:
                try:
                    column[row] = _value(shape, to_builtins(values[row]), where(row))
                except Exception as error:
                    raise _Unwritable(row, error) from error
    return column


def _derived_column(derived: Derived, records: list[Any], where: Callable[[int], str]) -> list[Any]:
    """The values of a derived column: exact decimals or floats, as `_value` takes their text."""
    column: list[Any] = []
    for row, record in enumerate(records):
        try:
            value = derived.compute(record)
            if value is None:
                column.append(None)
            elif not derived.exact:
                column.append(value if type(value) is float else float(str(value)))
            else:
                fixed = _fit(value) if type(value) is Decimal else None
                column.append(
                    fixed if fixed is not None else _value(_DECIMAL, str(value), where(row))
                )
        except Exception as error:
            raise _Unwritable(row, error) from error
    return column


def _typed_columns(kind: str, records: list[Any], version: str) -> list[list[Any]]:
    """
    The columns of the table of *kind* (as `csv_columns` names them), built column by
    column from the records' typed values: the same values as from the rows of `to_csv`
    (parsed back from their text), without the text.  Of the values that cannot be written
    (a figure a ``decimal128`` cannot hold), the first one row by row is refused, as a
    row-by-row build would.
    """
    builds = [
        functools.partial(
            _column, field.shape, _values_at(records, name), _where(kind, records, name)
        )
        for name, field, _required in _columns(KIND_NAMED[kind].cls)
    ]
    builds += [
        functools.partial(_derived_column, derived, records, _where(kind, records, derived.name))
        for derived in DERIVED.get(kind, ())
    ]
    columns: list[list[Any]] = []
    unwritable: list[tuple[int, int, Exception]] = []
    for index, build in enumerate(builds):
        try:
            columns.append(build())
        except _Unwritable as failed:
            unwritable.append((failed.row, index, failed.error))
    if unwritable:
        raise min(unwritable, key=lambda found: found[:2])[2]
    columns += [[version] * len(records), [SCHEMA_VERSION] * len(records)]
    return columns


def _where(kind: str, records: list[Any], column: str) -> Callable[[int], str]:
    """Where a value of *column* is, for a message: made only when one is refused."""
    return lambda row: f"{kind} {to_builtins(records[row].id)} {column}"


def _values_at(records: list[Any], column: str) -> list[Any]:
    """
    The value of *column* (a dotted path: ``amount.amount``) of each record; None where
    a part on the way is None (an absent optional part), or not a record at all (which
    its JSON, not an object, would not flatten into the column either).
    """
    first, *rest = column.split(".")
    values = [getattr(record, first) for record in records]
    for name in rest:
        values = [getattr(value, name) if attrs.has(type(value)) else None for value in values]
    return values


def to_arrow(
    obj: Exportable | Scores,
    *,
    dataset_version: str | None = None,
    sources: list[Source] | None = None,
) -> pyarrow.Table:
    """
    A `pyarrow.Table` of records of one kind, with real types (see the
    module's description): the hub for Parquet, DuckDB, polars and Spark.
    Scorecards (what `Dataset.scores` returns) become one row each
    (`Scorecard.row`).

    >>> import aiforecasts
    >>> table = aiforecasts.to_arrow(aiforecasts.load().funding_rounds)
    >>> str(table.schema.field("amount.amount").type)
    'decimal128(38, 9)'
    >>> table.schema.metadata[b"aiforecasts.kind"]
    b'funding_rounds'

    Raises:
        ImportError: if pyarrow is not installed.
        ValueError: if *obj* holds more than one kind of record, or a figure
            that an exact ``decimal128(38, 9)`` cannot hold (which the types
            refuse: only a record built with its validators disabled has one).

    .. versionadded:: 0.1.0
    """
    from aiforecasts._query.scores import (  # noqa: PLC0415 - scoring on first use
        SCORECARD_COLUMNS,
        scorecard_rows,
    )

    pa = _pyarrow()
    rows = scorecard_rows(obj)
    if rows is not None:
        types = {"text": pa.string(), "integer": pa.int64(), "number": pa.float64()}
        schema = pa.schema([(name, types[kind]) for name, kind in SCORECARD_COLUMNS])
        return pa.Table.from_pylist(rows, schema=schema)
    exportable = cast("Exportable", obj)  # not scorecards
    found, version = parts(exportable, dataset_version)
    if len(found) != 1:
        msg = f"an Arrow table holds one kind of record, not {len(found)}: {', '.join(found)}"
        raise ValueError(msg)
    ((kind, records),) = found.items()
    if sources is None:
        sources = sources_of(exportable, found)
    metadata = {
        f"{_META}.kind": kind,
        f"{_META}.dataset_version": version,
        f"{_META}.schema_version": str(SCHEMA_VERSION),
        f"{_META}.sources": json.dumps(
            {source.id: source.sha256 for source in sources}, sort_keys=True
        ),
    }
    schema = arrow_schema(kind, metadata)
    columns = _typed_columns(kind, records, version)
    arrays = [
        pa.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def to_polars(obj: Exportable, *, dataset_version: str | None = None) -> Any:
    """
    A polars DataFrame of records of one kind: `to_arrow`'s table, handed to
    polars without a copy of our own (decimals stay exact, choices become
    categoricals).  Needs polars and the ``arrow`` extra.

    >>> import aiforecasts, polars
    >>> frame = aiforecasts.to_polars(aiforecasts.load().funding_rounds)
    >>> sums = frame.group_by("company").agg(polars.col("amount.amount").sum())
    >>> int(sums.filter(polars.col("company") == "anthropic")["amount.amount"][0])
    6000000000

    Raises:
        ImportError: if polars or pyarrow is not installed.
        ValueError: as `to_arrow`.

    .. versionadded:: 0.1.0
    """
    try:
        import polars  # noqa: PLC0415 - optional
    except ImportError as error:
        msg = "to_polars needs polars and pyarrow: pip install polars 'aiforecasts[arrow]'"
        raise ImportError(msg) from error
    return polars.from_arrow(to_arrow(obj, dataset_version=dataset_version))


def to_parquet(table: pyarrow.Table) -> bytes:
    """
    The Parquet file of an Arrow table, the same bytes for the same table.

    Two checks go with it, for the reader: a CRC-32 of every page (which
    covers the pages, not the footer), and in the footer's key-value metadata
    the SHA-256 of the values and of our metadata (`content_digest`), which
    the reader recomputes over what it decoded, so a change anywhere — footer
    included — that alters what is read is found.
    """
    import pyarrow.parquet as pq  # noqa: PLC0415 - an optional extra

    metadata = dict(table.schema.metadata or {})
    metadata[_DIGEST.encode()] = content_digest(table).encode()
    sink = io.BytesIO()
    pq.write_table(
        table.replace_schema_metadata(metadata),
        sink,
        compression="zstd",
        write_statistics=True,
        write_page_checksum=True,
    )
    return sink.getvalue()


def content_digest(table: pyarrow.Table) -> str:
    """
    The SHA-256 (hex) of a table's values, column by column, and of its
    ``aiforecasts.*`` metadata (the digest itself aside): what a Parquet file
    written here records, and its reader recomputes.  It is of the values as
    Python reads them, so the same values hashed from a table read back from
    Parquet (dictionaries and chunks as Parquet left them) give the same digest.
    """
    columns = {name: table.column(name).to_pylist() for name in table.column_names}
    return _digest(table.schema.metadata, columns)


def _digest(metadata: dict[bytes, bytes] | None, columns: dict[str, list[Any]]) -> str:
    sha = hashlib.sha256()
    claims = sorted(
        (key, value)
        for key, value in (metadata or {}).items()
        if key.startswith(f"{_META}.".encode()) and key != _DIGEST.encode()
    )
    for key, value in claims:
        sha.update(b"%d:%s%d:%s" % (len(key), key, len(value), value))
    for name, values in columns.items():
        text = json.dumps([name, values], default=str, ensure_ascii=False)
        sha.update(text.encode("utf-8", "surrogatepass"))
    return sha.hexdigest()


# -- reading Parquet back -------------------------------------------------------


def read_parquet(folder: Path, problems: list[Problem]) -> tuple[str, dict[str, list[Any]], bool]:
    """
    The dataset version, the records as JSON values, and whether every file
    was read whole, of the Parquet files in *folder* (one per kind, named by
    it): the inverse of ``write(..., format="parquet")``.  Problems of the
    files themselves (an unknown kind, bounds, columns, types, checksums,
    versions, the digest) are noted with file, column and row; the records'
    own problems are left to the detailed engine.
    """
    versions: set[str] = set()
    found: dict[str, list[Any]] = {}
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


def _parquet_table(path: Path, kind: str, problems: list[Problem]) -> Any:
    """
    The Arrow table of the Parquet file of *kind* at *path*, or None after
    noting why not: pyarrow's own exceptions (its documented classes, and the
    `UnicodeDecodeError` it raises for a footer name not in UTF-8) become a
    problem of the file here.
    """
    pa = _pyarrow()
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


def _decoded(blob: bytes, kind: str, file: str, problems: list[Problem]) -> Any:
    """
    The table of the Parquet file *blob*, or None after noting why not.  Its
    footer is checked before any page is read — bounds, then columns and
    types — and the pages are read with their checksums verified and every
    text column as a dictionary, so a text repeated in a million rows is held
    once until its expanded size has been measured.
    """
    pa = _pyarrow()
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


def _within_bounds(metadata: Any, file: str, problems: list[Problem]) -> bool:
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


def _typed(kind: str, schema: Any, file: str, problems: list[Problem]) -> bool:
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


def _expanded_size(table: Any) -> int:
    """
    The bytes *table* would hold with each text copied into every row that
    uses it, and each cell a Python object (`_CELL`): measured over the
    dictionaries' lengths, without expanding them.
    """
    pa = _pyarrow()
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


def _dates_in_range(table: Any, file: str, problems: list[Problem]) -> bool:
    """Whether every date is of a year 1 to 9999 (a Python date); else which column is not."""
    pa = _pyarrow()
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
    kind: str, table: Any, file: str, problems: list[Problem], versions: set[str]
) -> list[Any] | None:
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
    records: list[Any] = []
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
    claimed_kind = claims.get(f"{_META}.kind")
    if claimed_kind is not None and claimed_kind != kind:
        message = f"the file's metadata says it holds {quote(claimed_kind)}, not {kind}"
        problems.append(Problem("$", message, file))
    claimed_schema = claims.get(f"{_META}.schema_version")
    if claimed_schema is not None and claimed_schema != str(SCHEMA_VERSION):
        message = (
            f"the file's metadata claims schema version {quote(claimed_schema)}; "
            f"its rows are of {SCHEMA_VERSION}"
        )
        problems.append(Problem("$", message, file))
    claimed_version = claims.get(f"{_META}.dataset_version")
    held = set(columns["dataset_version"]) - {None}
    if claimed_version is not None and held and held != {claimed_version}:
        listed = ", ".join(quote(v) for v in sorted(held)[:3])
        message = (
            f"the file's metadata claims dataset version {quote(claimed_version)}; "
            f"its rows hold {listed}"
        )
        problems.append(Problem("$", message, file))
    digest = claims.get(_DIGEST)
    if digest is not None and digest != _digest(metadata, columns):
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
            columns = tuple(name for name, _f, _r in _columns(nested, f"{column}."))
            optional = field.shape.kind == "optional"
            steps.append((field.name, column, field.shape, inner, columns, optional))
    return tuple(steps)


def _json_of(
    plan: tuple[_Step, ...], row: dict[str, Any], problems: list[Problem], file: str, where: str
) -> dict[str, Any]:
    """The JSON object of one record from its row's typed values (the codec's shape)."""
    value: dict[str, Any] = {}
    for name, column, shape, inner, columns, optional in plan:
        if inner is None:
            value[name] = _json_value(shape, row.get(column), problems, file, f"{where}.{column}")
        elif optional and all(row.get(c) is None for c in columns):
            value[name] = None
        else:
            value[name] = _json_of(inner, row, problems, file, where)
    return value


def _json_value(shape: Shape, value: Any, problems: list[Problem], file: str, where: str) -> Any:
    if value is None:
        return None
    if isinstance(value, Decimal):
        # normalize() rounds to the context's precision (28 digits by default); a
        # decimal128 column holds up to 38, and every one of them is kept.
        with localcontext() as context:
            context.prec = _PRECISION
            return format(value.normalize(), "f")
    if isinstance(value, str) and _scalar(shape).kind in ("list", "set"):
        found = read_json(value, file, problems, where)  # JSON text of objects: strict
        return value if found is NOT_JSON else found
    if _scalar(shape).kind == "date":
        return str(value.isoformat())
    return value


# -- the dataset card -------------------------------------------------------------


def parquet_card(kinds: list[str], dataset_version: str, sources: list[Source]) -> str:
    """The dataset card of a Parquet export (see `_io.tables.dataset_card`): Arrow types."""
    columns = {
        kind: [
            (field.name, str(field.type), _description(kind, field.name))
            for field in arrow_schema(kind)
        ]
        for kind in kinds
        if kind in KIND_NAMED
    }
    return dataset_card(columns, dataset_version, sources, suffix=PARQUET_SUFFIX)
