"""
The columns and rows of a kind's table: what every tabular form shares.

One table per kind, one row per record.  The columns come from the field
walker (`_model.fields`): a nested value (``horizon``) becomes dotted columns
(``horizon.start``), lists stay whole, the kind's derived columns follow its
fields, and every row carries the dataset and schema versions.  The CSV
tables (`_io.csv_write`), DataFrames (`_io.frames`), the Frictionless
descriptor (`_io.frictionless`), Arrow and Parquet (`_io.arrow`) and the
readers of tables (`_io.csv_read`, `_io.parquet_read`) all take their
columns from here, so that every form has the same ones in the same order.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiforecasts._codec import json as _codec
from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._model.fields import Field, Shape, fields
from aiforecasts._model.kinds import KIND_NAMED, KINDS

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from aiforecasts._model.kinds import Derived
    from aiforecasts._model.records import Record

__all__ = [
    "DERIVED",
    "VERSIONS",
    "cell",
    "csv_columns",
    "flat_record",
    "scalar_shape",
    "table_columns",
    "table_rows",
]

VERSIONS = ("dataset_version", "schema_version")
"""The last two columns of every table: the versions of the data and of the record layout."""


DERIVED: dict[str, tuple[Derived, ...]] = {
    kind.name: kind.derived for kind in KINDS if kind.derived
}
"""Kind → the columns every tabular form (CSV, Arrow, Parquet, DataFrames) adds to its
fields (`Kind.derived`): normalised rates and bounds that comparisons and sums need.
Reading a table back ignores them (they are recomputed from the fields)."""


def csv_columns(kind: str) -> list[str]:
    """
    The columns of the CSV table of *kind*: nested values flattened with
    dotted names (``horizon.start``), lists kept whole as JSON, the derived
    columns of the kind (computed rates and bounds, described as derived),
    then the dataset and schema versions.

    >>> csv_columns("funding_rounds")[:4]
    ['id', 'company', 'statement', 'kind']
    >>> "amount.amount" in csv_columns("funding_rounds")
    True
    >>> csv_columns("compute_trends")[-5:-2]
    ['growth.doubling_months', 'growth.factor_per_year', 'growth.cagr_percent']

    .. versionadded:: 0.1.0
    """
    fields_ = [name for name, _field, _required in table_columns(KIND_NAMED[kind].cls)]
    return fields_ + [d.name for d in DERIVED.get(kind, ())] + list(VERSIONS)


def table_columns(
    cls: type, prefix: str = "", *, required: bool = True
) -> Iterator[tuple[str, Field, bool]]:
    """(column, field, always filled) of *cls*'s table, nested single values flattened."""
    for field in fields(cls):
        nested = field.shape.record()
        filled = required and field.needed
        if nested is None:
            yield f"{prefix}{field.name}", field, filled
        else:
            # A required nested value's required fields are always filled; an optional one's never.
            yield from table_columns(
                nested, f"{prefix}{field.name}.", required=filled and field.shape.kind == "record"
            )


def scalar_shape(shape: Shape) -> Shape:
    """The shape of an optional value's value; other shapes as they are."""
    return shape.inner if shape.kind == "optional" else shape


def flat_record(record: Record) -> dict[str, object]:
    """*record* as one level of dotted names (``horizon.start``); lists stay lists."""
    flat: dict[str, object] = {}

    def walk(value: dict[str, object], prefix: str) -> None:
        for key, item in value.items():
            if isinstance(item, dict):
                walk(item, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = item

    walk(_codec.to_builtins(record), "")
    return flat


def cell(value: object) -> str:
    """A CSV cell: lists as compact JSON, nothing as an empty cell.  (An Arrow column of
    objects holds the same JSON text.)"""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "" if value is None else str(value)


def table_rows(kind: str, records: Sequence[Record], version: str) -> Iterator[list[Any]]:
    """The rows of *records* of *kind*, as values in the order of `csv_columns`: JSON values
    of the records' fields, the derived values as text, the versions."""
    columns = csv_columns(kind)
    versions = {"dataset_version": version, "schema_version": SCHEMA_VERSION}
    derived = DERIVED.get(kind, ())
    for record in records:
        flat = {**flat_record(record), **versions}
        for column in derived:
            value = column.compute(record)
            flat[column.name] = None if value is None else str(value)
        yield [flat.get(column) for column in columns]
