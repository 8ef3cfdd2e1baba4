"""
Records as CSV tables: `to_csv`, one table per kind.

The columns are those of `_io.columns` (`csv_columns`): nested values in
dotted columns, lists as JSON in a cell, the derived columns, the versions.
`_io.csv_read` reads the tables back.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from aiforecasts._io.columns import cell, csv_columns, table_rows
from aiforecasts._io.export import parts

if TYPE_CHECKING:
    from aiforecasts._io.export import Exportable

__all__ = ["to_csv"]


def to_csv(obj: Exportable, *, dataset_version: str | None = None) -> dict[str, str]:
    """
    One CSV table per kind of record in *obj*: file name → CSV text (UTF-8,
    a header row, ``\\n`` line ends), columns as `csv_columns` gives them.

    >>> import aiforecasts
    >>> tables = aiforecasts.to_csv(aiforecasts.load())
    >>> sorted(tables)[:3]
    ['companies.csv', 'compute_trends.csv', 'debates.csv']
    >>> tables["sources.csv"].splitlines()[0].startswith("id,file,sha256,title")
    True

    .. versionadded:: 0.1.0
    """
    found, version = parts(obj, dataset_version)
    tables = {}
    for kind, records in found.items():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(csv_columns(kind))
        writer.writerows([cell(v) for v in row] for row in table_rows(kind, records, version))
        tables[f"{kind}.csv"] = buffer.getvalue()
    return tables
