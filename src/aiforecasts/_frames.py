"""
DataFrames of records (the optional ``dataframe`` extra: pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._export import _parts, csv_columns, flat_record
from aiforecasts._migrate import SCHEMA_VERSION

if TYPE_CHECKING:
    import pandas

    from aiforecasts._export import Exportable

__all__ = ["to_dataframe"]


def to_dataframe(obj: Exportable, *, dataset_version: str | None = None) -> pandas.DataFrame:
    """
    A pandas DataFrame of records of one kind, one row per record, with the
    columns of the CSV export (`csv_columns`): dates as ``datetime64``,
    integers as ``Int64``, lists as Python lists, everything else as text.

    Needs the ``dataframe`` extra (``pip install 'aiforecasts[dataframe]'``).

    >>> import aiforecasts
    >>> frame = aiforecasts.to_dataframe(aiforecasts.load().funding_rounds)
    >>> frame.loc[frame["id"] == "stability-ai-intel-50m-2023", "amount.amount"].item()
    '50000000'

    Raises:
        ImportError: if pandas is not installed.
        ValueError: if *obj* holds more than one kind of record.

    .. versionadded:: 0.1.0
    """

    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError as error:  # pragma: no cover - the dev extra installs pandas
        msg = "to_dataframe needs pandas: pip install 'aiforecasts[dataframe]'"
        raise ImportError(msg) from error

    parts, version = _parts(obj, dataset_version)
    if len(parts) != 1:
        msg = f"a DataFrame holds one kind of record, not {len(parts)}: {', '.join(parts)}"
        raise ValueError(msg)
    ((kind, records),) = parts.items()
    columns = csv_columns(kind)
    versions = {"dataset_version": version, "schema_version": SCHEMA_VERSION}
    rows = []
    for record in records:
        flat = {**flat_record(record), **versions}
        rows.append([flat.get(column) for column in columns])
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        if (
            column.endswith((".start", ".end"))
            and column.rsplit(".", 1)[0] + ".precision" in columns
        ):
            frame[column] = pd.to_datetime(frame[column])
        elif column in {"number", "schema_version"} or column.endswith((".start", ".end")):
            frame[column] = frame[column].astype("Int64")
    return frame
