"""
Records as Arrow tables and Parquet files: the tables of the CSV export with
real types, for DuckDB, polars, Spark and Hugging Face.

A kind's Arrow table has the columns of its CSV table (`csv_columns`, in that
order): dates as ``date32``, figures as ``decimal128(38, 9)`` (exact, and
summed as numbers), integers as ``int64``, choices as dictionary-encoded
strings, lists of names as ``list<string>``, and nested lists of objects
(excerpts, evidence, positions …) as JSON text, as in the CSV cells.  The
schema's metadata carries the kind, the dataset and schema versions and each
source's SHA-256.  Reading a Parquet file back goes through the same strict
checks as the CSV tables and JSON.

pyarrow is an optional extra (``pip install 'aiforecasts[arrow]'``).
"""

from __future__ import annotations

import functools
import io
import json
from decimal import Decimal, localcontext
from typing import TYPE_CHECKING, Any, cast

from aiforecasts._codec import NOT_JSON, SCHEMA_VERSION, read_json
from aiforecasts._dataset import KIND_NAMED, KINDS
from aiforecasts._errors import Problem
from aiforecasts._export import parts, sources_of
from aiforecasts._fields import Shape, fields
from aiforecasts._tables import (
    DERIVED,
    _cell,
    _columns,
    _description,
    _rows,
    _scalar,
    columns_match,
    csv_columns,
    dataset_card,
    one_version,
)

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow

    from aiforecasts._export import Exportable
    from aiforecasts._records import Source
    from aiforecasts._scores import Scores

__all__ = [
    "PARQUET_SUFFIX",
    "parquet_card",
    "read_parquet",
    "to_arrow",
    "to_parquet",
    "to_polars",
]

PARQUET_SUFFIX = ".parquet"
_PRECISION, _SCALE = 38, 9
_QUANTUM = Decimal(1).scaleb(-_SCALE)
_META = "aiforecasts"
_DECIMAL = Shape("decimal")


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
        exact = Decimal(value)
        with localcontext() as context:
            context.prec = 2 * _PRECISION  # room for every figure the records allow
            fixed = exact.quantize(_QUANTUM)
        if fixed != exact or len(fixed.as_tuple().digits) > _PRECISION:
            msg = (
                f"{where}: {value} does not fit an exact decimal128({_PRECISION}, {_SCALE}) "
                "column; export it as JSON or CSV"
            )
            raise ValueError(msg)
        return fixed
    if scalar.kind == "date":
        import datetime  # noqa: PLC0415

        return datetime.date.fromisoformat(value)
    return value


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
            that an exact ``decimal128(38, 9)`` cannot hold.

    .. versionadded:: 0.1.0
    """
    from aiforecasts._scores import (  # noqa: PLC0415 - scoring on first use
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
    shapes = [field.shape for _name, field, _required in _columns(KIND_NAMED[kind].cls)]
    derived = DERIVED.get(kind, ())
    names = csv_columns(kind)
    columns: list[list[Any]] = [[] for _ in names]
    for row in _rows(kind, records, version):
        identifier = row[0]
        for index, value in enumerate(row):
            where = f"{kind} {identifier} {names[index]}"
            if index < len(shapes):
                value = _value(shapes[index], value, where)  # noqa: PLW2901
            elif index < len(shapes) + len(derived) and value is not None:
                exact = derived[index - len(shapes)].exact
                value = _value(_DECIMAL, value, where) if exact else float(value)  # noqa: PLW2901
            columns[index].append(value)
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
    """The Parquet file of an Arrow table, the same bytes for the same table."""
    import pyarrow.parquet as pq  # noqa: PLC0415 - an optional extra

    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd", write_statistics=True)
    return sink.getvalue()


# -- reading Parquet back -------------------------------------------------------


def read_parquet(folder: Path, problems: list[Problem]) -> tuple[str, dict[str, list[Any]], bool]:
    """
    The dataset version, the records as JSON values, and whether every file
    was read whole, of the Parquet files in *folder* (one per kind, named by
    it): the inverse of ``write(..., format="parquet")``.  Problems of the
    files themselves (an unknown kind, columns, types, versions) are noted with
    file, column and row; the records' own problems are left to the detailed
    engine.
    """
    pa = _pyarrow()
    import pyarrow.parquet as pq  # noqa: PLC0415

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
        try:
            table = pq.read_table(path)
        except (OSError, pa.ArrowException) as error:
            problems.append(Problem("$", f"not a readable Parquet file: {error}", file))
            whole = False
            continue
        records = _parquet_records(kind, table, file, problems, versions)
        if records is None:
            whole = False
        else:
            found[kind] = records
    return one_version(versions, folder, problems), found, whole


def _parquet_records(
    kind: str, table: Any, file: str, problems: list[Problem], versions: set[str]
) -> list[Any] | None:
    expected = arrow_schema(kind)
    if not columns_match(list(table.schema.names), list(expected.names), file, problems):
        return None
    wrong = False
    for field in expected:
        found = table.schema.field(field.name).type
        if not found.equals(field.type):
            message = f"a column of {found}, where {field.type} is expected"
            problems.append(Problem(field.name, message, file))
            wrong = True
    if wrong:
        return None
    schemas = set(table.column("schema_version").to_pylist())
    if schemas - {SCHEMA_VERSION}:
        newest = max(s for s in schemas if s is not None) if schemas - {None} else None
        message = f"tables of schema version {newest}; this package reads {SCHEMA_VERSION}"
        problems.append(Problem("schema_version", message, file))
        return None
    cls: type = KIND_NAMED[kind].cls
    plan = _plan(cls, "")
    derived = [d.name for d in DERIVED.get(kind, ())]
    rows = table.drop_columns(derived).to_pylist()  # recomputed, never read
    records: list[Any] = []
    for number, row in enumerate(rows, start=1):
        version = row.pop("dataset_version")
        row.pop("schema_version")
        if version is not None:
            versions.add(version)
        records.append(_json_of(plan, row, problems, f"{kind}.parquet", f"row {number}"))
    return records


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
    """The dataset card of a Parquet export (see `_tables.dataset_card`): Arrow types."""
    columns = {
        kind: [
            (field.name, str(field.type), _description(kind, field.name))
            for field in arrow_schema(kind)
        ]
        for kind in kinds
        if kind in KIND_NAMED
    }
    return dataset_card(columns, dataset_version, sources, suffix=PARQUET_SUFFIX)
