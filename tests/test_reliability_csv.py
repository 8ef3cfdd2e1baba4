"""
Issue 23, the CSV tables: every hostile table a bounded `DataError` with a
path, and every valid one read the same whatever else the process does.

Each test names the finding it keeps (M5, M6, or one of the minor ones).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import tempfile
import threading
from decimal import Decimal
from pathlib import Path
from typing import Literal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import aiforecasts
from aiforecasts import DataError
from aiforecasts._io import csv_read as _csv_read
from aiforecasts._model.limits import MAX_COLUMNS

# One column of each kind of cell the tables hold, as (table, column): what a cell of it
# may hold is whatever the fields' types accept, written back by `to_csv` unchanged.
CELLS = {
    "text": ("companies", "name"),
    "optional text": ("companies", "note"),
    "optional integer": ("predictions", "number"),
    "decimal": ("funding_rounds", "amount.amount"),
    "optional decimal": ("funding_rounds", "amount.high"),
    "date": ("predictions", "made.start"),
    "choice": ("predictions", "hedge"),
    "optional choice": ("predictions", "voice"),
    "list": ("companies", "aliases"),
    "list of records": ("companies", "excerpts"),
}
LISTS = {"list", "list of records"}


@pytest.fixture(scope="module")
def tables() -> dict[str, list[list[str]]]:
    """The rows of each table of the bundled data (the header first)."""
    return {
        name.removesuffix(".csv"): list(csv.reader(io.StringIO(text, newline="")))
        for name, text in aiforecasts.to_csv(aiforecasts.load()).items()
    }


def _one_row(folder: Path, rows: list[list[str]], table: str, column: str, cell: str) -> None:
    """*folder* holding the one table *table*: its header and its first row, the cell of
    *column* replaced by *cell*."""
    header, values = rows[0], list(rows[1])
    values[header.index(column)] = cell
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, values])
    (folder / f"{table}.csv").write_text(buffer.getvalue(), "utf-8", newline="")


def _read_back(folder: Path, table: str, column: str) -> str:
    """The cell of *column* that the table *folder* holds, written back by `to_csv`."""
    dataset = aiforecasts.load_path(folder, check_references=False)
    header, row = list(csv.reader(io.StringIO(aiforecasts.to_csv(dataset)[f"{table}.csv"])))
    return row[header.index(column)]


def _refused(folder: Path) -> DataError:
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(folder, check_references=False)
    assert info.value.problems
    for problem in info.value.problems:
        assert problem.path
        assert problem.file
        assert problem.file.startswith(str(folder)), problem
    return info.value


# M5: a cell that is not of its column's type is a DataError, never another exception ----

NOT_INTEGERS = [
    "--1",
    "1_000",
    "٣",  # an Arabic-Indic digit: str.isdigit() says yes
    "１",  # a full-width digit
    "+",
    "+1",
    " 1",
    "1 ",
    "1e5",
    "1.0",
    "NaN",
    "Infinity",
    "-",
    "-0",
    "007",
    "0x10",
    "9" * 5000,
    "1\x00",
    "\x00",
]


@pytest.mark.parametrize("cell", NOT_INTEGERS, ids=repr)
def test_an_integer_cell_is_an_integer_as_written_or_refused(
    tmp_path: Path, tables: dict[str, list[list[str]]], cell: str
) -> None:
    _one_row(tmp_path, tables["predictions"], "predictions", "number", cell)
    error = _refused(tmp_path)
    assert any(p.path.endswith(".number") for p in error.problems), error


def test_integer_cells_as_written_are_read(
    tmp_path: Path, tables: dict[str, list[list[str]]]
) -> None:
    for cell in ("1", "12", "1000000"):
        _one_row(tmp_path, tables["predictions"], "predictions", "number", cell)
        assert _read_back(tmp_path, "predictions", "number") == cell


@pytest.mark.parametrize("cell", ["[1e999]", "[-1e999]", '[{"start":1e400}]'])
def test_an_infinite_number_in_a_list_cell_is_refused(
    tmp_path: Path, tables: dict[str, list[list[str]]], cell: str
) -> None:
    _one_row(tmp_path, tables["companies"], "companies", "excerpts", cell)
    error = _refused(tmp_path)
    assert "a number too large to hold" in str(error)


def test_a_deeply_nested_list_cell_is_refused(
    tmp_path: Path, tables: dict[str, list[list[str]]]
) -> None:
    for cell in ["[" * 100_000, "[" * 5_000 + "]" * 5_000]:
        _one_row(tmp_path, tables["companies"], "companies", "aliases", cell)
        _refused(tmp_path)


_CELL_TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.from_regex(r"-{0,2}\+?[0-9٣１_., eE+-]{0,12}", fullmatch=True),
    st.sampled_from(["NaN", "Infinity", "-inf", "1e999", "2024-02-30", "[]", "[1]", '[""]']),
    st.builds(json.dumps, st.lists(st.text(max_size=5), max_size=3)),
)


@pytest.mark.parametrize("what", list(CELLS))
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cell=_CELL_TEXT)
def test_any_text_in_a_cell_is_refused_or_written_back(
    tables: dict[str, list[list[str]]], what: str, cell: str
) -> None:
    """Whatever a cell holds, reading it is a DataError or a value `to_csv` writes back as
    the same cell (for a list, the same JSON: spacing is free)."""
    table, column = CELLS[what]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        _one_row(folder, tables[table], table, column, cell)
        try:
            back = _read_back(folder, table, column)
        except DataError as error:
            assert all(p.path and p.file for p in error.problems)
            return
    if what in LISTS:
        assert json.loads(back) == json.loads(cell)
    elif what == "decimal":
        # The same decimal, digits and exponent (so its places too): "0E0" and "0" are one
        # `Decimal`, which `to_csv` writes as str() does.
        assert Decimal(back).as_tuple() == Decimal(cell).as_tuple()
        assert back == str(Decimal(cell))
    else:
        assert back == cell


# M6: the header check is linear, and a table is at most MAX_COLUMNS wide -----------------


def test_a_table_wider_than_the_limit_is_refused_at_its_header(tmp_path: Path) -> None:
    header = ",".join(f"c{i}" for i in range(100_000))
    (tmp_path / "predictions.csv").write_text(header + "\n", "utf-8")
    error = _refused(tmp_path)
    assert [p.message for p in error.problems] == [
        f"100,000 columns: more than {MAX_COLUMNS:,}, the most a table may have"
    ]


def test_a_wide_header_names_a_bounded_number_of_columns() -> None:
    """Within the limit, the columns named twice and the unknown ones are named up to
    twenty each, then counted."""
    expected = aiforecasts.csv_columns("predictions")
    header = [*expected, *(f"c{i:03}" for i in range(MAX_COLUMNS - len(expected) - 30))]
    header += ["c000"] * 30
    problems: list[aiforecasts.Problem] = []
    assert not _csv_read.columns_match(header, expected, "t.csv", problems)
    twice = [p.path for p in problems if p.message == "a column named twice"]
    unknown = [p.path for p in problems if p.message == "unknown column"]
    assert twice == ["'c000'"]
    assert unknown == [f"'c{i:03}'" for i in range(20)]
    assert f"{len(header) - len(expected) - 30 - 20:,} more unknown columns" in [
        p.message for p in problems
    ]
    problems.clear()
    assert _csv_read.columns_match(list(reversed(expected)), expected, "t.csv", problems)
    assert problems == []


def test_a_table_of_too_many_rows_is_refused(
    tmp_path: Path, tables: dict[str, list[list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_csv_read, "MAX_ROWS", 3)
    rows = tables["companies"][:5]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (tmp_path / "companies.csv").write_text(buffer.getvalue(), "utf-8")
    error = _refused(tmp_path)
    assert "more than 3 rows, the most a table may have" in str(error)
    monkeypatch.setattr(_csv_read, "MAX_ROWS", 4)
    assert len(aiforecasts.load_path(tmp_path, check_references=False).companies) == 4


def test_a_table_of_many_bad_rows_stops_after_enough_problems(tmp_path: Path) -> None:
    rows = aiforecasts.to_csv(aiforecasts.load().companies)["companies.csv"].split("\n")
    bad = rows[1].replace('"[""Nvidia""', '"[x', 1)
    assert bad != rows[1]
    (tmp_path / "companies.csv").write_text("\n".join([rows[0], *[bad] * 1000]), "utf-8")
    error = _refused(tmp_path)
    assert error.stopped
    assert len(error.problems) == 100


# Minor: what a folder holds besides its tables ---------------------------------------------


def test_other_files_in_a_table_folder_are_left_alone(tmp_path: Path) -> None:
    """A CSV file not named after a kind is the user's own, as the writer treats it; so is
    a hidden file other than the export's list of its files (which is held to the folder:
    `test_reliability_write.test_an_export_list_that_is_not_one_is_refused`)."""
    ds = aiforecasts.load()
    folder = aiforecasts.write(ds, tmp_path / "out", format="csv")
    (folder / "my-notes.csv").write_text("not,a,table\n\x00", "utf-8")
    (folder / "Predictions.backup.csv").write_text("junk", "utf-8")
    (folder / ".my-notes.csv").write_text("{", "utf-8")
    assert aiforecasts.load_path(folder) == ds


def test_a_package_listing_a_table_of_no_kind_is_refused(tmp_path: Path) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "package", format="datapackage")
    descriptor = folder / "datapackage.json"
    package = json.loads(descriptor.read_text("utf-8"))
    package["resources"].append({**package["resources"][0], "path": "predictons.csv"})
    descriptor.write_text(json.dumps(package), "utf-8")
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(descriptor)
    (problem,) = info.value.problems
    assert problem.file == str(descriptor)
    assert problem.message == "lists 'predictons': not a table of a kind of record"


@pytest.mark.parametrize("format_", ["csv", "datapackage"])
def test_a_table_that_is_a_folder_says_so(
    tmp_path: Path, format_: Literal["csv", "datapackage"]
) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "out", format=format_)
    (folder / "debates.csv").unlink()
    (folder / "debates.csv").mkdir()
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(folder)
    messages = {(p.file, p.message) for p in info.value.problems}
    assert (str(folder / "debates.csv"), "not a regular file but a folder") in messages


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_table_that_is_a_fifo_says_so_and_is_not_opened(tmp_path: Path) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "out", format="csv")
    (folder / "debates.csv").unlink()
    os.mkfifo(folder / "debates.csv")
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(folder)
    messages = {(p.file, p.message) for p in info.value.problems}
    assert (str(folder / "debates.csv"), "not a regular file but a FIFO (named pipe)") in messages


def test_a_table_that_is_a_broken_link_says_so(tmp_path: Path) -> None:
    folder = aiforecasts.write(aiforecasts.load(), tmp_path / "out", format="csv")
    (folder / "debates.csv").unlink()
    (folder / "debates.csv").symlink_to(tmp_path / "nowhere")
    with pytest.raises(DataError, match="not a regular file but a broken symbolic link"):
        aiforecasts.load_path(folder)
    (folder / "debates.csv").unlink()
    (folder / "debates.csv").symlink_to("debates.csv")  # a link to itself
    with pytest.raises(DataError, match=r"debates.csv: \$: cannot read: "):
        aiforecasts.load_path(folder)


# Minor: a byte-order mark, as Excel writes ---------------------------------------------------


def test_a_table_starting_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    ds = aiforecasts.load()
    folder = aiforecasts.write(ds, tmp_path / "out", format="csv")
    for table in folder.glob("*.csv"):
        table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())
    assert aiforecasts.load_path(folder) == ds
    table = folder / "companies.csv"
    table.write_bytes(b"\xef\xbb\xbf" + table.read_bytes())  # only one mark is a mark
    with pytest.raises(DataError, match="unknown column"):
        aiforecasts.load_path(folder)


# Minor: the csv module's limit on a field is one for the whole process -------------------------


def test_threads_reading_tables_at_once_all_read_them(tmp_path: Path) -> None:
    """
    Threads switching as often as they can, each reading a table whose longest cell
    (each of another length) exceeds the csv module's default limit, all read them.

    The limit is one for the whole process: setting and restoring it per reading let one
    thread's restoring refuse another's table.  Each round starts from the default, as a
    fresh process does (once raised to the longest, a race no longer shows).
    """
    ds = aiforecasts.load()
    wanted = {}
    for i in range(8):
        mine = aiforecasts.Collection(
            [attrs.evolve(ds.companies[0], note="x" * (140_000 + 20_000 * i))]
        )
        wanted[aiforecasts.write(mine, tmp_path / f"out{i}", format="csv")] = mine
    before = csv.field_size_limit()
    failures: list[BaseException] = []

    def read(folder: Path, barrier: threading.Barrier) -> None:
        barrier.wait()
        for _ in range(3):
            try:
                assert (
                    aiforecasts.load_path(folder, check_references=False).companies
                    == (wanted[folder])
                )
            except BaseException as error:  # noqa: BLE001 - collected, then reported
                failures.append(error)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(20):
            csv.field_size_limit(_DEFAULT_FIELD_LIMIT)
            barrier = threading.Barrier(len(wanted))
            threads = [threading.Thread(target=read, args=(f, barrier)) for f in wanted]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        sys.setswitchinterval(interval)
        csv.field_size_limit(max(before, csv.field_size_limit()))
    assert failures == []
    assert csv.field_size_limit() > 140_000  # raised as far as the readings needed, and kept


_DEFAULT_FIELD_LIMIT = 131_072
"""The csv module's limit on a field's length, in a fresh process."""
