"""
Records as pandas DataFrames: `to_dataframe`, `to_dataframes`.

A frame has the columns of the CSV table (`_io.columns`) with the types
pandas computes with: figures and derived values as numbers, dates as
``datetime64``, integers as ``Int64``, choices as categoricals.  pandas is
an optional extra, imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from aiforecasts._io.columns import DERIVED, csv_columns, scalar_shape, table_columns, table_rows
from aiforecasts._io.export import parts
from aiforecasts._model.kinds import KIND_NAMED

if TYPE_CHECKING:
    from collections.abc import Sequence

    import pandas

    from aiforecasts._io.export import Exportable
    from aiforecasts._model.records import Record
    from aiforecasts._query.scores import Scores

__all__ = ["to_dataframe", "to_dataframes"]


def to_dataframe(
    obj: Exportable | Scores, *, dataset_version: str | None = None
) -> pandas.DataFrame:
    """
    A pandas DataFrame of records of one kind, one row per record, with the
    columns of the CSV export (`csv_columns`, the derived ones included):
    figures and derived values as numbers (``float64``: they add up), dates as
    ``datetime64``, integers as ``Int64``, choices as categoricals, lists as
    Python lists, everything else as text.  (Exact decimals: `to_arrow`, or
    the JSON exports.)  Scorecards (what `Dataset.scores` returns) become one
    row each (`Scorecard.row`).

    Needs the ``dataframe`` extra (``pip install 'aiforecasts[dataframe]'``).

    >>> import aiforecasts
    >>> frame = aiforecasts.to_dataframe(aiforecasts.load().funding_rounds)
    >>> frame.loc[frame["id"] == "stability-ai-intel-50m-2023", "amount.amount"].item()
    50000000.0
    >>> int(frame.groupby("company")["amount.amount"].sum()["anthropic"])  # numbers add up
    6000000000
    >>> cards = aiforecasts.to_dataframe(aiforecasts.load().scores(by="source"))
    >>> list(cards.columns[:4])
    ['key', 'predictions', 'came_true', 'partly']

    Raises:
        ImportError: if pandas is not installed.
        ValueError: if *obj* holds more than one kind of record.

    .. versionadded:: 0.1.0
    """
    from aiforecasts._query.scores import (  # noqa: PLC0415 - scoring on first use
        SCORECARD_COLUMNS,
        scorecard_rows,
    )

    _need_pandas("to_dataframe")
    import pandas as pd  # noqa: PLC0415 - an optional extra

    rows = scorecard_rows(obj)
    if rows is not None:
        return pd.DataFrame(rows, columns=[n for n, _ in SCORECARD_COLUMNS])
    exportable = cast("Exportable", obj)  # not scorecards
    found, version = parts(exportable, dataset_version)
    if len(found) != 1:
        msg = f"a DataFrame holds one kind of record, not {len(found)}: {', '.join(found)}"
        raise ValueError(msg)
    ((kind, records),) = found.items()
    return _frame(kind, records, version)


def to_dataframes(
    obj: Exportable, *, dataset_version: str | None = None
) -> dict[str, pandas.DataFrame]:
    """
    Every kind of record in *obj* (a whole `Dataset`, say) as DataFrames:
    kind → the frame `to_dataframe` gives for it.

    >>> import aiforecasts
    >>> frames = aiforecasts.to_dataframes(aiforecasts.load())
    >>> list(frames)[:3], len(frames["predictions"]) == len(aiforecasts.load().predictions)
    (['sources', 'companies', 'people'], True)

    Raises:
        ImportError: if pandas is not installed.

    .. versionadded:: 0.1.0
    """
    _need_pandas("to_dataframes")
    found, version = parts(obj, dataset_version)
    return {kind: _frame(kind, records, version) for kind, records in found.items()}


def _need_pandas(function: str) -> None:
    """Nothing if pandas can be imported, else an `ImportError` saying which extra *function*
    needs."""
    try:
        import pandas  # noqa: F401, PLC0415 - an optional extra
    except ImportError as error:  # pragma: no cover - the dev extra installs pandas
        msg = f"{function} needs pandas: pip install 'aiforecasts[dataframe]'"
        raise ImportError(msg) from error


def _frame(kind: str, records: Sequence[Record], version: str) -> pandas.DataFrame:
    import pandas as pd  # noqa: PLC0415 - an optional extra, there (`_need_pandas`)

    names = csv_columns(kind)
    frame = pd.DataFrame(list(table_rows(kind, records, version)), columns=names)
    for name, field, _required in table_columns(KIND_NAMED[kind].cls):
        shape = scalar_shape(field.shape)
        if shape.kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif shape.kind == "integer":
            frame[name] = frame[name].astype("Int64")
        elif shape.kind in ("decimal", "number"):
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        elif shape.kind == "choice":
            categories = [member.value for member in shape.type]
            frame[name] = pd.Categorical(frame[name], categories=categories)
    for column in DERIVED.get(kind, ()):
        frame[column.name] = pd.to_numeric(frame[column.name]).astype("float64")
    frame["schema_version"] = frame["schema_version"].astype("Int64")
    return frame
