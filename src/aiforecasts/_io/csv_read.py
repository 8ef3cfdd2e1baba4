"""
Reading CSV tables back (the CSV and data-package exports): `read_tables`,
the inverse of `to_csv`, and the checks of a table that the Parquet reader
shares (`columns_match`, `one_version`).

A table is read strictly and bounded: its header against the kind's columns
(`_io.columns`), its rows counted, its schema version checked, each cell
turned into the JSON value its field takes (an integer only as `to_csv`
writes one, a list only as strict JSON).  What is wrong with the table
itself is a `Problem` with the file and row; the records' own problems are
left to the detailed engine.
"""

from __future__ import annotations

import csv
import heapq
import io
import math
import re
import stat
import threading
from collections import Counter
from typing import TYPE_CHECKING

import attrs

from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._codec.reading import NOT_JSON, read_json
from aiforecasts._io.columns import DERIVED, csv_columns, scalar_shape, table_columns
from aiforecasts._io.files import file_kind, read_bounded
from aiforecasts._model.checks import quote
from aiforecasts._model.errors import DataError, Problem, Problems
from aiforecasts._model.fields import fields
from aiforecasts._model.kinds import KIND_NAMED, KINDS
from aiforecasts._model.limits import MAX_COLUMNS, MAX_ROWS

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

__all__ = ["columns_match", "one_version", "read_tables"]


def read_tables(
    folder: Path, problems: list[Problem], *, kinds: list[str] | None = None
) -> tuple[str, dict[str, list[object]], bool]:
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
    found: dict[str, list[object]] = {}
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


def _table(
    name: str, path: Path, problems: list[Problem], versions: set[str]
) -> list[object] | None:
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
) -> list[object] | None:
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
    records: list[object] = []
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
            steps.append(_Step(field.name, column, optional, scalar_shape(field.shape).kind))
        else:
            leaves = tuple(name for name, _f, _r in table_columns(nested, f"{column}."))
            inner = _plan(nested, f"{column}.")
            steps.append(_Step(field.name, column, optional, "record", inner, leaves))
    return tuple(steps)


def _unflatten(
    file: str, steps: tuple[_Step, ...], cells: dict[str, str], problems: list[Problem], row: str
) -> dict[str, object]:
    """The JSON object of a record from its row's cells (dotted column names) in the table
    *file*, read by the *steps* of its kind."""
    value: dict[str, object] = {}
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


def _cell_value(step: _Step, cell: str, problems: list[Problem], where: str, file: str) -> object:
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


def _infinite(value: object) -> bool:
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
