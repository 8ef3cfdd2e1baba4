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

import functools
import hashlib
import io
import json
from decimal import Decimal, InvalidOperation, localcontext
from typing import TYPE_CHECKING, Any, cast

from aiforecasts._codec import NOT_JSON, SCHEMA_VERSION, read_json
from aiforecasts._errors import DataError, Problem
from aiforecasts._export import parts, sources_of
from aiforecasts._fields import Shape, fields
from aiforecasts._files import read_bounded
from aiforecasts._kinds import KIND_NAMED, KINDS
from aiforecasts._limits import MAX_BYTES, MAX_COLUMNS, MAX_ROWS
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
from aiforecasts._values import quote

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow

    from aiforecasts._export import Exportable
    from aiforecasts._records import Source
    from aiforecasts._scores import Scores

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
the bound the types hold figures to (`_values.DECIMAL_EXPONENTS`, `_values.DECIMAL_PLACES`),
so that every figure is written exactly and read back as it was."""
_QUANTUM = Decimal(1).scaleb(-_SCALE)
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
            try:
                fixed = exact.quantize(_QUANTUM)
            except InvalidOperation:  # more digits than even that room
                fixed = None
        if fixed is None or fixed != exact or len(fixed.as_tuple().digits) > _PRECISION:
            # Only a record built with its validators disabled holds such a figure: the
            # types refuse it (`_values.check_decimal`).  Refused here all the same, never
            # rounded.
            msg = (
                f"{where}: {value} does not fit an exact decimal128({_PRECISION}, {_SCALE}) "
                "column: a figure is below 10^29 with at most 9 digits after the point"
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
            that an exact ``decimal128(38, 9)`` cannot hold (which the types
            refuse: only a record built with its validators disabled has one).

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
