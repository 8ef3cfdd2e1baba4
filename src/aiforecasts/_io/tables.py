"""
Records as tables: CSV, pandas DataFrames and the Frictionless Data Package
that describes the CSV tables.

One table per kind, one row per record.  The columns come from the field
walker (`_model.fields`): a nested value (``horizon``) becomes dotted columns
(``horizon.start``), lists stay whole (JSON in a CSV cell, a list in a
DataFrame), and every row carries the dataset and schema versions.
"""

from __future__ import annotations

import csv
import heapq
import io
import json
import math
import re
import stat
import threading
from collections import Counter
from typing import TYPE_CHECKING, Any, cast

import attrs

from aiforecasts._codec import json as _codec
from aiforecasts._codec.json import NOT_JSON, SCHEMA_VERSION, read_json
from aiforecasts._io.export import parts
from aiforecasts._io.files import file_kind, read_bounded
from aiforecasts._model.errors import DataError, Problem, Problems
from aiforecasts._model.fields import Field, Shape, docs, fields
from aiforecasts._model.kinds import KIND_NAMED, KINDS, Derived
from aiforecasts._model.limits import MAX_COLUMNS, MAX_ROWS
from aiforecasts._model.values import quote

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    import pandas

    from aiforecasts._io.export import Exportable
    from aiforecasts._model.records import Source
    from aiforecasts._query.scores import Scores

__all__ = [
    "DERIVED",
    "Derived",
    "columns_match",
    "csv_columns",
    "datapackage",
    "dataset_card",
    "flat_record",
    "one_version",
    "package_card",
    "read_tables",
    "to_csv",
    "to_dataframe",
    "to_dataframes",
]

_VERSIONS = ("dataset_version", "schema_version")


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
    fields_ = [name for name, _field, _required in _columns(KIND_NAMED[kind].cls)]
    return fields_ + [d.name for d in DERIVED.get(kind, ())] + list(_VERSIONS)


def _columns(
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
            yield from _columns(
                nested, f"{prefix}{field.name}.", required=filled and field.shape.kind == "record"
            )


def flat_record(record: Any) -> dict[str, Any]:
    """*record* as one level of dotted names (``horizon.start``); lists stay lists."""
    flat: dict[str, Any] = {}

    def walk(value: dict[str, Any], prefix: str) -> None:
        for key, item in value.items():
            if isinstance(item, dict):
                walk(item, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = item

    walk(_codec.to_builtins(record), "")
    return flat


def _cell(value: Any) -> str:
    """A CSV cell: lists as compact JSON, nothing as an empty cell."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "" if value is None else str(value)


def _rows(kind: str, records: list[Any], version: str) -> Iterator[list[Any]]:
    """The rows of *records* of *kind*, as values in the order of `csv_columns`."""
    columns = csv_columns(kind)
    versions = {"dataset_version": version, "schema_version": SCHEMA_VERSION}
    derived = DERIVED.get(kind, ())
    for record in records:
        flat = {**flat_record(record), **versions}
        for column in derived:
            value = column.compute(record)
            flat[column.name] = None if value is None else str(value)
        yield [flat.get(column) for column in columns]


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
        writer.writerows([_cell(v) for v in row] for row in _rows(kind, records, version))
        tables[f"{kind}.csv"] = buffer.getvalue()
    return tables


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

    pd = _pandas("to_dataframe")
    rows = scorecard_rows(obj)
    if rows is not None:
        frame: pandas.DataFrame = pd.DataFrame(rows, columns=[n for n, _ in SCORECARD_COLUMNS])
        return frame
    exportable = cast("Exportable", obj)  # not scorecards
    found, version = parts(exportable, dataset_version)
    if len(found) != 1:
        msg = f"a DataFrame holds one kind of record, not {len(found)}: {', '.join(found)}"
        raise ValueError(msg)
    ((kind, records),) = found.items()
    return _frame(pd, kind, records, version)


def to_dataframes(obj: Exportable, *, dataset_version: str | None = None) -> dict[str, Any]:
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
    pd = _pandas("to_dataframes")
    found, version = parts(obj, dataset_version)
    return {kind: _frame(pd, kind, records, version) for kind, records in found.items()}


def _pandas(function: str) -> Any:
    """pandas, or an `ImportError` saying which extra *function* needs."""
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError as error:  # pragma: no cover - the dev extra installs pandas
        msg = f"{function} needs pandas: pip install 'aiforecasts[dataframe]'"
        raise ImportError(msg) from error
    return pd


def _frame(pd: Any, kind: str, records: list[Any], version: str) -> pandas.DataFrame:
    names = csv_columns(kind)
    frame: pandas.DataFrame = pd.DataFrame(list(_rows(kind, records, version)), columns=names)
    for name, field, _required in _columns(KIND_NAMED[kind].cls):
        scalar = _scalar(field.shape)
        if scalar.kind == "date":
            frame[name] = pd.to_datetime(frame[name])
        elif scalar.kind == "integer":
            frame[name] = frame[name].astype("Int64")
        elif scalar.kind in ("decimal", "number"):
            frame[name] = pd.to_numeric(frame[name]).astype("float64")
        elif scalar.kind == "choice":
            categories = [member.value for member in scalar.type]
            frame[name] = pd.Categorical(frame[name], categories=categories)
    for column in DERIVED.get(kind, ()):
        frame[column.name] = pd.to_numeric(frame[column.name]).astype("float64")
    frame["schema_version"] = frame["schema_version"].astype("Int64")
    return frame


def _scalar(shape: Shape) -> Shape:
    """The shape of an optional value's value; other shapes as they are."""
    return shape.inner if shape.kind == "optional" else shape


# -- the Frictionless Data Package -------------------------------------------

_LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License (records and English text; the Chinese excerpts are quotations "
    "from the cited documents, whose copyright stays with their authors)",
}


def datapackage(kinds: list[str], dataset_version: str, sources: list[Source]) -> dict[str, Any]:
    """The ``datapackage.json`` of the CSV tables of *kinds*."""
    return {
        "profile": "tabular-data-package",
        "name": "aiforecasts",
        "title": "aiforecasts: AI forecasts, companies, funding, compute and debates, 2023–2024",
        "version": dataset_version,
        "licenses": [_LICENSE],
        "sources": [
            {
                "title": source.title_en,
                **({"path": source.url} if source.url else {}),
                "description": f"{source.title} ({source.file}, SHA-256 {source.sha256})",
            }
            for source in sources
        ],
        "resources": [_resource(kind, kinds) for kind in kinds],
    }


def package_card(kinds: list[str], dataset_version: str, sources: list[Source]) -> str:
    """The dataset card of a CSV or data-package export: the Frictionless types."""
    columns = {
        kind: [
            (field["name"], field["type"], _description(kind, field["name"]))
            for field in _resource(kind, kinds)["schema"]["fields"]
        ]
        for kind in kinds
        if kind in KIND_NAMED
    }
    return dataset_card(columns, dataset_version, sources, suffix=".csv")


def _resource(kind: str, kinds: list[str]) -> dict[str, Any]:
    table: list[dict[str, Any]] = []
    for name, field, required in _columns(KIND_NAMED[kind].cls):
        column: dict[str, Any] = {"name": name, **_table_type(field.shape)}
        if required:
            column.setdefault("constraints", {})["required"] = True
        table.append(column)
    table += [
        {"name": d.name, "type": "number", "description": d.description}
        for d in DERIVED.get(kind, ())
    ]
    table += [{"name": "dataset_version", "type": "string"}]
    table += [{"name": "schema_version", "type": "integer"}]
    foreign = [
        {
            "fields": field.name,
            "reference": {"resource": "" if target == kind else _name(target), "fields": "id"},
        }
        for field in fields(KIND_NAMED[kind].cls)
        # Frictionless keys are single columns of one table: one id of one kind.
        if len(field.refers_to) == 1
        and _scalar(field.shape).kind == "text"
        and (target := field.refers_to[0]) in kinds
    ]
    schema: dict[str, Any] = {"fields": table, "primaryKey": "id", "missingValues": [""]}
    if foreign:
        schema["foreignKeys"] = foreign
    return {
        "name": _name(kind),
        "path": f"{kind}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _name(kind: str) -> str:
    """A resource name: lower case, digits and hyphens (Frictionless' rule)."""
    return kind.replace("_", "-")


def _table_type(shape: Shape) -> dict[str, Any]:
    shape = _scalar(shape)
    if shape.kind in ("list", "set"):
        return {"type": "array"}
    if shape.kind == "integer":
        return {"type": "integer"}
    if shape.kind == "decimal":
        return {"type": "number"}
    if shape.kind == "date":
        return {"type": "date"}
    if shape.kind == "choice":
        return {"type": "string", "constraints": {"enum": [m.value for m in shape.type]}}
    return {"type": "string"}


# -- the dataset card -------------------------------------------------------------


def _description(kind: str, column: str) -> str:
    """What a column holds: its field's docstring, a derived column's description."""
    for derived in DERIVED.get(kind, ()):
        if derived.name == column:
            return derived.description
    if column in _VERSIONS:
        return "The versions of the data and of the record layout."
    return " ".join(
        _field_docs(KIND_NAMED[kind].cls).get(column.split(".", maxsplit=1)[0], "").split()
    )


def _field_docs(cls: type) -> dict[str, str]:
    found = _DOCS.get(cls)
    if found is None:
        found = _DOCS[cls] = docs(cls)
    return found


_DOCS: dict[type, dict[str, str]] = {}


def dataset_card(
    columns: dict[str, list[tuple[str, str, str]]],
    dataset_version: str,
    sources: list[Source],
    *,
    suffix: str,
) -> str:
    """
    The ``README.md`` of an export folder: a dataset card in the layout the
    Hugging Face Hub reads (YAML front matter naming a configuration per kind,
    its file ``<kind><suffix>``), then what the data is, where it comes from,
    its licence, versions and errata, and each table's *columns* (kind → (name,
    type, description)).
    """
    front = [
        "---",
        "license: mit",
        "pretty_name: aiforecasts",
        "language:",
        "- zh",
        "- en",
        "tags:",
        "- forecasting",
        "- artificial-intelligence",
        "configs:",
    ]
    for kind in columns:
        front += [f"- config_name: {kind}", f"  data_files: {kind}{suffix}"]
    front.append("---")
    lines = [
        *front,
        "",
        f"# aiforecasts — dataset version {dataset_version}, schema version {SCHEMA_VERSION}",
        "",
        "A typed, bilingual dataset about AI in 2023–2024: forecasts, companies, funding rounds,",
        "compute-growth trends, debates and figures from five Chinese-language documents, each",
        "record citing its document by SHA-256 with character offsets and a verbatim excerpt;",
        "and how each forecast turned out, with evidence from public web pages (`resolutions`).",
        "Written by the `aiforecasts` Python package; read it back with",
        "`aiforecasts.load_path`, or with the data tools of your choice.",
        "",
        "## Licence",
        "",
        "MIT for the records' structure and English text; the Chinese excerpts are short",
        "quotations from the cited documents, whose copyright stays with their authors and",
        "publishers; evidence quotes are short quotations from the pages cited.",
        "",
        "## Sources",
        "",
        "| id | title | SHA-256 |",
        "|---|---|---|",
        *(f"| {s.id} | {s.title_en} | `{s.sha256}` |" for s in sources),
        "",
        "## Known errata",
        "",
        "What a document gets wrong stays as stated, with a `note` on the record; additions",
        "from outside the documents are in `external` (each citing a public source). Retired",
        "ids, and what each became, are in `tombstones`.",
    ]
    for kind, described in columns.items():
        lines += ["", f"## `{kind}` — {KIND_NAMED[kind].title}", ""]
        lines += ["| column | type | description |", "|---|---|---|"]
        for name, type_, text in described:
            lines.append(f"| `{name}` | {type_} | {text.replace('|', chr(92) + '|')} |")
    return "\n".join(lines) + "\n"


# -- reading tables back -------------------------------------------------------


def read_tables(
    folder: Path, problems: list[Problem], *, kinds: list[str] | None = None
) -> tuple[str, dict[str, list[Any]], bool]:
    """
    The dataset version, the records as JSON values, and whether every table
    was read whole, of the CSV tables in *folder* (the CSV and data-package
    exports): the inverse of `to_csv`.  *kinds* names the tables that must be
    there (a data package's resources).  Problems of the tables themselves
    (columns, cells, versions) are noted; the records' own problems are left
    to the detailed engine.

    Only the files named after a kind (``predictions.csv``) are tables; any
    other file is the user's and is left alone, as the writer leaves it (a
    folder may hold one's own CSV files beside an export).  A data package
    is stricter: every resource its descriptor lists must be a table of a kind.
    """
    versions: set[str] = set()
    found: dict[str, list[Any]] = {}
    whole = True
    if kinds is not None:
        descriptor = str(folder / "datapackage.json")
        for listed in kinds:
            if listed not in KIND_NAMED:
                message = f"lists {quote(listed)}: not a table of a kind of record"
                problems.append(Problem("resources", message, descriptor))
                whole = False
    for kind in KINDS:
        path = folder / f"{kind.name}.csv"
        wrong = _not_a_file(path)
        if wrong is None:
            if kinds is not None and kind.name in kinds:
                problems.append(Problem("$", "missing: the package lists it", str(path)))
                whole = False
            continue
        if wrong:
            problems.append(Problem("$", wrong, str(path)))
            whole = False
            continue
        records = _table(kind.name, path, problems, versions)
        if records is None:
            whole = False
        else:
            found[kind.name] = records
    return one_version(versions, folder, problems), found, whole


def _not_a_file(path: Path) -> str | None:
    """
    "" for a regular file (or a link to one), None where nothing is, else
    what is wrong: a table that is a folder or a pipe is named as such,
    rather than reported missing (or, outside a data package, skipped).
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "not a regular file but a broken symbolic link" if path.is_symlink() else None
    except OSError as error:
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return ""
    return f"not a regular file but {file_kind(mode)}"


def columns_match(
    header: list[str], expected: list[str], file: str, problems: list[Problem]
) -> bool:
    """
    Whether a table's *header* holds the *expected* columns, each once; else
    why not.  Linear in the header's width (a hostile one may be wide): the
    columns named twice and the unknown ones are counted once each, and at
    most twenty of each are named.
    """
    counts = Counter(header)
    known = set(expected)
    twice = [column for column, count in counts.items() if count > 1]
    for column in heapq.nsmallest(_NAMED, twice):
        problems.append(Problem(quote(column), "a column named twice", file))
    unknown = [column for column in counts if column not in known]
    for column in heapq.nsmallest(_NAMED, unknown):
        problems.append(Problem(quote(column), "unknown column", file))
    if len(unknown) > _NAMED:
        message = f"{len(unknown) - _NAMED:,} more unknown columns"
        problems.append(Problem("$", message, file))
    for column in sorted(known - counts.keys()):
        problems.append(Problem(column, "missing column", file))
    return not twice and not unknown and len(counts) == len(known)


_NAMED = 20
"""How many columns named twice, and how many unknown columns, a table's problems name."""


def one_version(versions: set[str], folder: Path, problems: list[Problem]) -> str:
    """The dataset version a folder's tables share ("" if none); several are a problem."""
    if len(versions) > 1:
        listed = ", ".join(quote(version) for version in sorted(versions)[:5])
        problems.append(Problem("dataset_version", f"several versions: {listed}", str(folder)))
    return next(iter(versions)) if versions else ""


_BOM = "\ufeff"
"""The byte-order mark Excel and other Windows tools begin a UTF-8 CSV file with."""

_FIELD_LIMIT = threading.Lock()


def _allow_fields(size: int) -> None:
    """
    Let the `csv` module read fields of up to *size* characters.

    Its limit is one for the whole process: setting it for one reading and
    restoring it after let another thread's reading run, meanwhile, under a
    lower one (and refuse a valid table).  So it is only ever raised, under
    a lock, to what a reading needs, and never lowered; at most to
    `MAX_BYTES`, as no file read is longer.
    """
    if csv.field_size_limit() >= size:
        return
    with _FIELD_LIMIT:
        if csv.field_size_limit() < size:
            csv.field_size_limit(size)


def _table(name: str, path: Path, problems: list[Problem], versions: set[str]) -> list[Any] | None:
    """The records of one table as JSON values, or None where the table cannot be read."""
    file = str(path)
    try:
        text = read_bounded(path).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem("$", f"cannot read: {error}", file))
        return None
    except DataError as error:
        problems.extend(error.problems)
        return None
    # Excel writes a UTF-8 table with a byte-order mark: a mark, not part of the first column.
    text = text.removeprefix(_BOM)
    _allow_fields(len(text) + 1)  # a cell may be as long as the file
    # Read row by row: a table refused at its header, or at a row, costs no more reading.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _records(name, reader, file, problems, versions)
    except csv.Error as error:
        problems.append(Problem(f"line {reader.line_num}", f"not valid CSV: {error}", file))
        return None


def _records(
    name: str,
    reader: Iterator[list[str]],
    file: str,
    problems: list[Problem],
    versions: set[str],
) -> list[Any] | None:
    """The records of one table's rows (*reader*), or None after noting why not."""
    header = next(reader, None)
    if header is None:
        problems.append(Problem("$", "no header row", file))
        return None
    # Before any work per column: a header of a million columns is refused at once.
    if len(header) > MAX_COLUMNS:
        message = f"{len(header):,} columns: more than {MAX_COLUMNS:,}, the most a table may have"
        problems.append(Problem("$", message, file))
        return None
    # Derived columns may be left out (tables written before they were added); they are
    # recomputed, never read.
    derived = {d.name for d in DERIVED.get(name, ())}
    present = set(header)
    expected = [c for c in csv_columns(name) if c not in derived or c in present]
    if not columns_match(header, expected, file, problems):
        return None
    steps = _plan(KIND_NAMED[name].cls)
    records: list[Any] = []
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            message = f"more than {MAX_ROWS:,} rows, the most a table may have"
            problems.append(Problem(f"row {number}", message, file))
            return None
        if len(row) != len(header):
            message = f"{len(row)} cells where the header has {len(header)}"
            problems.append(Problem(f"row {number}", message, file))
            return None
        cells = {c: v for c, v in zip(header, row, strict=True) if c not in derived}
        versions.add(cells.pop("dataset_version"))
        schema = cells.pop("schema_version")
        if schema != str(SCHEMA_VERSION):
            message = (
                f"tables of schema version {quote(schema)}; this package reads {SCHEMA_VERSION}"
            )
            problems.append(Problem(f"row {number}.schema_version", message, file))
            return None
        if isinstance(problems, Problems) and problems.full:
            problems.stopped = True  # enough to say what is wrong: read no further
            return None
        where = f"row {number}"
        records.append(_unflatten(file, steps, cells, problems, where))
    return records


@attrs.frozen
class _Step:
    """How one field of a record is read from its row: from its column's cell, or (a nested
    record) from the columns under its name."""

    name: str
    column: str
    optional: bool
    kind: str
    """What the cell holds (``integer``, ``list``…: the shape of the value, optional or not)."""
    inner: tuple[_Step, ...] | None = None
    """The nested record's steps, for a field that is a record."""
    columns: tuple[str, ...] = ()
    """All the nested record's columns: all empty, an optional record is none."""


def _plan(cls: type, prefix: str = "") -> tuple[_Step, ...]:
    """The steps that read a record of *cls* from a row, worked out once per kind (not per
    row: a table may have millions)."""
    found = _PLANS.get((cls, prefix))
    if found is None:
        found = _PLANS[cls, prefix] = _steps(cls, prefix)
    return found


_PLANS: dict[tuple[type, str], tuple[_Step, ...]] = {}


def _steps(cls: type, prefix: str) -> tuple[_Step, ...]:
    steps = []
    for field in fields(cls):
        column = f"{prefix}{field.name}"
        optional = field.shape.kind == "optional"
        nested = field.shape.record()
        if nested is None:
            steps.append(_Step(field.name, column, optional, _scalar(field.shape).kind))
        else:
            leaves = tuple(name for name, _f, _r in _columns(nested, f"{column}."))
            inner = _plan(nested, f"{column}.")
            steps.append(_Step(field.name, column, optional, "record", inner, leaves))
    return tuple(steps)


def _unflatten(
    file: str, steps: tuple[_Step, ...], cells: dict[str, str], problems: list[Problem], row: str
) -> dict[str, Any]:
    """The JSON object of a record from its row's cells (dotted column names) in the table
    *file*, read by the *steps* of its kind."""
    value: dict[str, Any] = {}
    for step in steps:
        if step.inner is None:
            cell = cells.get(step.column, "")
            where = f"{row}.{step.column}"
            value[step.name] = _cell_value(step, cell, problems, where, file)
        elif step.optional and all(cells.get(name, "") == "" for name in step.columns):
            value[step.name] = None
        else:
            value[step.name] = _unflatten(file, step.inner, cells, problems, row)
    return value


def _cell_value(step: _Step, cell: str, problems: list[Problem], where: str, file: str) -> Any:
    """A cell's JSON value for the field *step* reads; a cell that is not of it is left as
    text, for the detailed engine to name."""
    if cell == "" and step.optional:
        return None
    if step.kind in ("list", "set"):
        if not cell.lstrip().startswith("["):
            return cell
        value = read_json(cell, file, problems, where)  # strict, as for JSON
        if value is NOT_JSON:
            return cell
        if _infinite(value):
            # JSON reads 1e999 as infinity, which the engines would then see as null.
            problems.append(Problem(where, "a number too large to hold", file))
            return cell
        return value
    # Only an integer as `to_csv` writes it: '--1', '1_000', '٣', ' 1', '+1', '1e5', '007'
    # or '-0' stay text, which the detailed engine refuses as not an integer.
    if step.kind == "integer" and _INTEGER.fullmatch(cell):
        return int(cell)
    return cell


_INTEGER = re.compile(r"0|-?[1-9][0-9]{0,17}", re.ASCII)
"""An integer cell: decimal digits as `str` writes them, short enough to convert at once."""


def _infinite(value: Any) -> bool:
    """Whether the JSON *value* holds an infinite number (walked without recursion)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, float) and math.isinf(item):
            return True
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return False
