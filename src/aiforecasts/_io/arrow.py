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
(`content_digest`) and a CRC-32 of every page, which the reader
(`_io.parquet_read`) checks.

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
from decimal import Context, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

import attrs

from aiforecasts._codec.json import to_builtins
from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._io.card import dataset_card, describe
from aiforecasts._io.columns import DERIVED, cell, scalar_shape, table_columns
from aiforecasts._io.export import parts, sources_of
from aiforecasts._model.fields import Shape
from aiforecasts._model.kinds import KIND_NAMED

if TYPE_CHECKING:
    import types
    from collections.abc import Callable, Mapping, Sequence

    import pyarrow

    from aiforecasts._io.export import Exportable
    from aiforecasts._model.kinds import Derived
    from aiforecasts._model.records import Record, Source
    from aiforecasts._query.scores import Scores

__all__ = [
    "DIGEST",
    "META",
    "PARQUET_SUFFIX",
    "PRECISION",
    "arrow_schema",
    "content_digest",
    "parquet_card",
    "pyarrow_module",
    "to_arrow",
    "to_parquet",
    "to_polars",
    "values_digest",
]

PARQUET_SUFFIX = ".parquet"
PRECISION, _SCALE = 38, 9
"""The figures' column type, ``decimal128(38, 9)``: 29 digits before the point and 9 after,
the bound the types hold figures to (`_model.checks.DECIMAL_EXPONENTS`,
`_model.checks.DECIMAL_PLACES`), so that every figure is written exactly and read back as it was."""
_QUANTUM = Decimal(1).scaleb(-_SCALE)
_WIDE = Context(prec=2 * PRECISION)
"""Room for every figure the records allow, to fix it at the scale: a quantum of 10^-9 asks
for up to 38 + 9 digits.  Its own context, whatever the caller's (a trap off, say)."""
META = "aiforecasts"
"""The prefix of this package's keys in a schema's metadata (``aiforecasts.kind``…)."""
DIGEST = f"{META}.sha256"
"""The key of the SHA-256 of a Parquet file's values (`content_digest`) in its footer."""
_DECIMAL = Shape("decimal")


def pyarrow_module() -> Any:
    """pyarrow (which ships no type information), or an `ImportError` saying which extra
    Arrow and Parquet need."""
    try:
        import pyarrow as pa  # noqa: PLC0415 - an optional extra
    except ImportError as error:
        msg = "Arrow and Parquet need pyarrow: pip install 'aiforecasts[arrow]'"
        raise ImportError(msg) from error
    return pa


def _arrow_type(pa: types.ModuleType, shape: Shape) -> pyarrow.DataType:
    scalar = scalar_shape(shape)
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
        "decimal": pa.decimal128(PRECISION, _SCALE),
        "date": pa.date32(),
    }.get(scalar.kind, pa.string())


def arrow_schema(kind: str, metadata: dict[str, str] | None = None) -> pyarrow.Schema:
    """The Arrow schema of the table of *kind*."""
    pa = pyarrow_module()
    columns = [
        pa.field(name, _arrow_type(pa, field.shape), nullable=not required)
        for name, field, required in table_columns(KIND_NAMED[kind].cls)
    ]
    columns += [
        pa.field(
            derived.name,
            pa.decimal128(PRECISION, _SCALE) if derived.exact else pa.float64(),
            metadata={f"{META}.derived": derived.description},
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
    if fixed != exact or len(fixed.as_tuple().digits) > PRECISION:
        return None
    return fixed


def _value(shape: Shape, value: Any, where: str) -> object:
    """A JSON value of the codec's shape as the Arrow column of *shape* takes it."""
    if value is None:
        return None
    scalar = scalar_shape(shape)
    if scalar.kind in ("list", "set"):
        item = scalar.item
        if item is not None and item.kind in ("text", "choice"):
            return value
        return cell(value)
    if scalar.kind == "decimal":
        fixed = _fit(Decimal(value))
        if fixed is None:
            # Only a record built with its validators disabled holds such a figure: the
            # types refuse it (`_model.checks.check_decimal`).  Refused here all the same, never
            # rounded.
            msg = (
                f"{where}: {value} does not fit an exact decimal128({PRECISION}, {_SCALE}) "
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


def _quick(scalar: Shape) -> Callable[[object], object]:
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


def _as_text(value: object) -> object:
    return value if type(value) is str else _SLOW


def _as_integer(value: object) -> object:
    return value if type(value) is int else _SLOW


def _as_number(value: object) -> object:
    return value if type(value) is float and math.isfinite(value) else _SLOW


def _as_choice(value: object) -> object:
    # _value_, not .value: the member's value without the property's cost, per cell.
    return value._value_ if isinstance(value, enum.Enum) and type(value._value_) is str else _SLOW


def _as_decimal(value: object) -> object:
    fixed = _fit(value) if type(value) is Decimal else None
    return _SLOW if fixed is None else fixed


def _as_date(value: object) -> object:
    plain = isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)
    return value if plain else _SLOW


def _as_json(value: object) -> object:
    """A list of objects as the JSON text of a cell; anything that fails, to `_value`."""
    try:
        return cell(to_builtins(value))
    except Exception:  # noqa: BLE001 - raised again by `_value`, with where it is
        return _SLOW


def _as_slow(_value: object) -> object:
    return _SLOW


def _names(
    container: type[tuple[Any, ...] | frozenset[Any]], value: Any, *, choice: bool
) -> object:
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


_QUICK: dict[str, Callable[[object], object]] = {
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


def _column(shape: Shape, values: list[object], where: Callable[[int], str]) -> list[object]:
    """
    One column of typed *values* as its Arrow array takes them: as `_value` takes
    their JSON (what `to_csv` and the codec write), through `_quick` where it can.
    """
    quick = _quick(scalar_shape(shape))
    column = [None if value is None else quick(value) for value in values]
    if _SLOW in column:
        for row, value in enumerate(column):
            if value is _SLOW:
                try:
                    column[row] = _value(shape, to_builtins(values[row]), where(row))
                except Exception as error:
                    raise _Unwritable(row, error) from error
    return column


def _derived_column(
    derived: Derived, records: Sequence[Record], where: Callable[[int], str]
) -> list[object]:
    """The values of a derived column: exact decimals or floats, as `_value` takes their text."""
    column: list[object] = []
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


def _typed_columns(kind: str, records: Sequence[Record], version: str) -> list[list[object]]:
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
        for name, field, _required in table_columns(KIND_NAMED[kind].cls)
    ]
    builds += [
        functools.partial(_derived_column, derived, records, _where(kind, records, derived.name))
        for derived in DERIVED.get(kind, ())
    ]
    columns: list[list[object]] = []
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


def _where(kind: str, records: Sequence[Record], column: str) -> Callable[[int], str]:
    """Where a value of *column* is, for a message: made only when one is refused."""
    return lambda row: f"{kind} {to_builtins(records[row].id)} {column}"


def _values_at(records: Sequence[Record], column: str) -> list[object]:
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

    pa = pyarrow_module()
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
        f"{META}.kind": kind,
        f"{META}.dataset_version": version,
        f"{META}.schema_version": str(SCHEMA_VERSION),
        f"{META}.sources": json.dumps(
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
    metadata[DIGEST.encode()] = content_digest(table).encode()
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
    return values_digest(table.schema.metadata, columns)


def values_digest(
    metadata: dict[bytes, bytes] | None, columns: Mapping[str, Sequence[object]]
) -> str:
    sha = hashlib.sha256()
    claims = sorted(
        (key, value)
        for key, value in (metadata or {}).items()
        if key.startswith(f"{META}.".encode()) and key != DIGEST.encode()
    )
    for key, value in claims:
        sha.update(b"%d:%s%d:%s" % (len(key), key, len(value), value))
    for name, values in columns.items():
        text = json.dumps([name, values], default=str, ensure_ascii=False)
        sha.update(text.encode("utf-8", "surrogatepass"))
    return sha.hexdigest()


# -- the dataset card -------------------------------------------------------------


def parquet_card(kinds: list[str], dataset_version: str, sources: list[Source]) -> str:
    """The dataset card of a Parquet export (see `_io.card.dataset_card`): Arrow types."""
    columns = {
        kind: [
            (field.name, str(field.type), describe(kind, field.name))
            for field in arrow_schema(kind)
        ]
        for kind in kinds
        if kind in KIND_NAMED
    }
    return dataset_card(columns, dataset_version, sources, suffix=PARQUET_SUFFIX)
