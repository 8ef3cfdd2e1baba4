"""
Parquet reliability (issue 23): exact decimals, extremes of every typed value,
bounds checked from the metadata before reading, and byte flips that end in a
`DataError` or in the very data written.
"""

from __future__ import annotations

import enum
import random
from collections import Counter
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum
import pytest

import aiforecasts
from aiforecasts import DataError
from aiforecasts._io import arrow as _arrow, parquet_read as _parquet_read
from aiforecasts._model.checks import DECIMAL_EXPONENTS, DECIMAL_PLACES
from aiforecasts._model.limits import MAX_COLUMNS, MAX_ROWS

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

if TYPE_CHECKING:
    from pathlib import Path

# The extremes of the figures the types accept, which is what a decimal128(38, 9) column
# holds (below 10^29, at most 9 digits after the point): the largest, the longest with a
# fraction, the smallest step, a figure written with zeros to spare, and the figure the trial
# saw rounded to 28 digits.
EXTREME_FIGURES = [
    Decimal("99999999999999999999999999999.999999999"),
    Decimal(12345678901234567890123456789),
    Decimal("12345678901234567890123456789.123456789"),
    Decimal("123456789012345678901.123456789"),
    Decimal("0.000000001"),
    Decimal("0.123456789"),
    Decimal("1.500000000000"),
    Decimal(0),
]
# Text at its most awkward: long, astral and combining characters, right-to-left, line
# and paragraph separators, the tab and line breaks a written field may hold, quotes and
# backslashes.
LONG_TEXT = ("预测 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 é\u0301 עברית \u2028\u2029\t\r\n \"'\\ " * 4000).strip()


def _round_trip(dataset: aiforecasts.Dataset, folder: Path) -> aiforecasts.Dataset:
    aiforecasts.write(dataset, folder, format="parquet")
    return aiforecasts.load_path(folder)


def test_a_29_digit_amount_comes_back_exact(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    """C3: the reader normalised decimals in the default 28-digit context and rounded them."""
    exact = Decimal(12345678901234567890123456789)
    rounds = list(dataset.funding_rounds)
    index, first = next((i, r) for i, r in enumerate(rounds) if r.amount is not None)
    assert first.amount is not None
    rounds[index] = attrs.evolve(first, amount=attrs.evolve(first.amount, amount=exact))
    changed = attrs.evolve(dataset, funding_rounds=aiforecasts.Collection(rounds))
    back = _round_trip(changed, tmp_path / "p")
    amount = back.funding_rounds[index].amount
    assert amount is not None
    assert amount.amount == exact
    assert back == changed


def _members(value: Any) -> set[enum.Enum]:
    """Every enum member in a record, nested values, lists and sets included."""
    if isinstance(value, enum.Enum):
        return {value}
    if isinstance(value, (list, tuple, frozenset, set)):
        return set().union(*(_members(item) for item in value))
    if attrs.has(type(value)):
        return set().union(*(_members(getattr(value, f.name)) for f in attrs.fields(type(value))))
    return set()


def _vary(value: Any, turn: int) -> Any:
    """*value* with each enum field (nested ones too) set to member *turn* of its enum,
    where the record's own rules allow it."""
    if not attrs.has(type(value)):
        return value
    for field in attrs.fields(type(value)):
        current = getattr(value, field.name)
        if isinstance(current, enum.Enum):
            members = list(type(current))
            replacement: Any = members[turn % len(members)]
        elif attrs.has(type(current)):
            replacement = _vary(current, turn)
        else:
            continue
        try:
            value = attrs.evolve(value, **{field.name: replacement})
        except (ValueError, TypeError):
            continue
    return value


def _extremes(dataset: aiforecasts.Dataset) -> aiforecasts.Dataset:
    """The bundled dataset with the extremes of every typed value a Parquet column holds."""
    rounds = [_vary(r, i) for i, r in enumerate(dataset.funding_rounds)]
    with_amount = [i for i, r in enumerate(rounds) if r.amount is not None]
    for turn, index in enumerate(with_amount):
        record = rounds[index]
        figure = EXTREME_FIGURES[turn % len(EXTREME_FIGURES)]
        amount = attrs.evolve(record.amount, amount=figure, high=None)
        if amount.qualifier is aiforecasts.Qualifier.RANGE:
            amount = attrs.evolve(amount, qualifier=aiforecasts.Qualifier.EXACT)
        rounds[index] = attrs.evolve(record, amount=amount)
    first_day, last_day = pendulum.Date(1, 1, 1), pendulum.Date(9999, 12, 31)
    dated = next(i for i, r in enumerate(rounds) if r.date is not None)
    date = attrs.evolve(rounds[dated].date, start=first_day, end=last_day)
    rounds[dated] = attrs.evolve(rounds[dated], date=date, note=LONG_TEXT)
    companies = [_vary(c, i) for i, c in enumerate(dataset.companies)]
    predictions = [_vary(p, i) for i, p in enumerate(dataset.predictions)]
    return attrs.evolve(
        dataset,
        funding_rounds=aiforecasts.Collection(rounds),
        companies=aiforecasts.Collection(companies),
        predictions=aiforecasts.Collection(predictions),
        resolutions=aiforecasts.Collection(
            [_vary(r, i) for i, r in enumerate(dataset.resolutions)]
        ),
        statistics=aiforecasts.Collection([_vary(s, i) for i, s in enumerate(dataset.statistics)]),
        people=aiforecasts.Collection([_vary(p, i) for i, p in enumerate(dataset.people)]),
        compute_trends=aiforecasts.Collection(
            [_vary(t, i) for i, t in enumerate(dataset.compute_trends)]
        ),
        debates=aiforecasts.Collection([_vary(d, i) for i, d in enumerate(dataset.debates)]),
    )


def test_the_extremes_of_every_typed_value_come_back_identical(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    extremes = _extremes(dataset)
    written = [
        member
        for kind in ("funding_rounds", "companies", "predictions", "statistics", "resolutions")
        for record in getattr(extremes, kind)
        for member in _members(record)
    ]
    for figure in EXTREME_FIGURES:
        assert any(
            r.amount is not None and r.amount.amount == figure for r in extremes.funding_rounds
        )
    assert {aiforecasts.Currency(c) for c in aiforecasts.Currency} <= set(written)
    assert set(aiforecasts.FundingKind) <= set(written)
    assert set(aiforecasts.OrgKind) <= set(written)
    back = _round_trip(extremes, tmp_path / "p")
    assert back == extremes
    assert back.funding_rounds == extremes.funding_rounds
    assert any(r.note == LONG_TEXT for r in back.funding_rounds)


def test_the_column_holds_exactly_the_figures_the_types_accept() -> None:
    """One bound: decimal128(precision, scale) holds precision - scale digits before the point
    and scale after, which is what `check_decimal` lets through."""
    assert _arrow._SCALE == DECIMAL_PLACES
    assert DECIMAL_EXPONENTS[-1] + 1 == _arrow.PRECISION - _arrow._SCALE


def test_figures_beyond_the_column_are_refused_when_written(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    """A figure decimal128(38, 9) cannot hold (10^29, 10^-10; once 10^30 and 10^-30, which
    the types then accepted) is refused by the types, and by the writer too if a record holds
    one all the same (built with its validators disabled): never rounded."""
    rounds = list(dataset.funding_rounds)
    index, first = next((i, r) for i, r in enumerate(rounds) if r.amount is not None)
    assert first.amount is not None
    for figure in (Decimal("1E+29"), Decimal("1E-10"), Decimal("1E+30"), Decimal("1E-30")):
        with pytest.raises(ValueError, match=r"^amount is out of range"):
            attrs.evolve(first.amount, amount=figure)
        with attrs.validators.disabled():
            amount = attrs.evolve(first.amount, amount=figure)
        rounds[index] = attrs.evolve(first, amount=amount)
        changed = attrs.evolve(dataset, funding_rounds=aiforecasts.Collection(rounds))
        with pytest.raises(ValueError, match="decimal128"):
            aiforecasts.write(changed, tmp_path / str(figure), format="parquet")
        assert not (tmp_path / str(figure)).exists()


# -- M3: bounds from the footer, before reading ------------------------------------


def _refused(folder: Path) -> str:
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(folder, check_references=False)
    return "\n".join(str(problem) for problem in info.value.problems)


def _lone_file(tmp_path: Path, table: Any, kind: str = "companies", **options: Any) -> Path:
    folder = tmp_path / "bad"
    folder.mkdir(exist_ok=True)
    pq.write_table(table, folder / f"{kind}.parquet", **options)
    return folder


def test_too_many_rows_are_refused_from_the_footer(tmp_path: Path) -> None:
    """A few kilobytes declaring more rows than a table may hold: refused before any page."""
    folder = _lone_file(tmp_path, pa.table({"id": pa.nulls(MAX_ROWS + 1, pa.string())}))
    assert (folder / "companies.parquet").stat().st_size < 100_000
    assert f"{MAX_ROWS + 1:,} rows" in _refused(folder)


def test_too_many_columns_are_refused_from_the_footer(tmp_path: Path) -> None:
    table = pa.table({f"c{i}": pa.nulls(1, pa.int8()) for i in range(MAX_COLUMNS + 1)})
    assert f"{MAX_COLUMNS + 1:,} columns" in _refused(_lone_file(tmp_path, table))


def test_rows_times_columns_are_bounded_from_the_footer(tmp_path: Path) -> None:
    """M3: 20 columns of a million empty cells are a tiny file and gigabytes once read."""
    table = pa.table({f"c{i}": pa.nulls(1_000_000, pa.int8()) for i in range(20)})
    message = _refused(_lone_file(tmp_path, table))
    assert "1,000,000 rows of 20 columns" in message
    assert "expand to" in message


def test_uncompressed_sizes_are_bounded_from_the_footer(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    monkeypatch.setattr(_parquet_read, "MAX_BYTES", 10_000)
    assert "bytes uncompressed" in _refused(folder)


def test_a_text_repeated_in_every_row_is_measured_before_it_is_copied(
    dataset: aiforecasts.Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """M3: one long note, dictionary-encoded, expands in every row; the dictionary is read as
    such and the expansion measured, never made."""
    table = aiforecasts.to_arrow(dataset.companies)
    note = pa.array(["n" * 100_000] * table.num_rows, pa.string())
    table = table.set_column(table.schema.get_field_index("note"), "note", note)
    folder = _lone_file(tmp_path, table)
    assert (folder / "companies.parquet").stat().st_size < 200_000
    monkeypatch.setattr(_parquet_read, "MAX_BYTES", 5_000_000)  # 10 MB of notes, 5 MB allowed
    assert "copied into each row, expand to more than 5,000,000 bytes" in _refused(folder)


# -- M4: what pyarrow raised is a DataError with the file ------------------------------


def _changed(
    dataset: aiforecasts.Dataset, tmp_path: Path, kind: str, column: str, array: Any
) -> Path:
    """An export with one column of *kind* replaced, its metadata (digest included) kept."""
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    table = pq.read_table(folder / f"{kind}.parquet")
    index = table.schema.get_field_index(column)
    pq.write_table(table.set_column(index, table.field(index), array), folder / f"{kind}.parquet")
    return folder


def test_dates_beyond_year_9999_are_refused(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    """M4: a date32 past 9999-12-31 raised OverflowError."""
    rows = len(dataset.funding_rounds)
    days = pa.array([2_932_897] * rows, pa.int32()).cast(pa.date32())
    folder = _changed(dataset, tmp_path, "funding_rounds", "date.start", days)
    message = _refused(folder)
    assert "funding_rounds.parquet: date.start: a date outside the years 1 to 9999" in message


def test_text_that_is_not_utf8_is_refused(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    """M4: invalid UTF-8 in a text column raised UnicodeDecodeError."""
    names = pa.array([b"\xff\xfe"] * len(dataset.companies), pa.binary()).view(pa.string())
    folder = _changed(dataset, tmp_path, "companies", "name", names)
    message = _refused(folder)
    assert "companies.parquet" in message
    assert "not a readable Parquet file" in message


def test_a_changed_value_does_not_match_the_digest(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    names = pa.array(["Renamed"] * len(dataset.companies), pa.string())
    folder = _changed(dataset, tmp_path, "companies", "name", names)
    message = _refused(folder)
    assert "companies.parquet: $: its values do not match the SHA-256" in message


def test_a_file_without_a_digest_reads_as_before(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    """Files written before the digest (and by other writers) carry none: read as before."""
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    for path in folder.glob("*.parquet"):
        table = pq.read_table(path)
        metadata = {k: v for k, v in table.schema.metadata.items() if k != b"aiforecasts.sha256"}
        pq.write_table(table.replace_schema_metadata(metadata), path)
    assert aiforecasts.load_path(folder) == dataset


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("kind", "people", "the file's metadata says it holds 'people', not companies"),
        ("schema_version", "99", "the file's metadata claims schema version '99'"),
        ("dataset_version", "1999.1", "the file's metadata claims dataset version '1999.1'"),
    ],
)
def test_the_footer_claims_are_checked_against_the_file(
    dataset: aiforecasts.Dataset, tmp_path: Path, key: str, value: str, expected: str
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    path = folder / "companies.parquet"
    table = pq.read_table(path)
    metadata = dict(table.schema.metadata)
    metadata[f"aiforecasts.{key}".encode()] = value.encode()
    del metadata[b"aiforecasts.sha256"]  # the claim alone, as an earlier version wrote it
    pq.write_table(table.replace_schema_metadata(metadata), path)
    assert expected in _refused(folder)


def test_the_writer_adds_page_checksums_and_a_digest(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    table = pq.read_table(folder / "companies.parquet")
    recorded = table.schema.metadata[b"aiforecasts.sha256"].decode()
    assert recorded == _arrow.content_digest(aiforecasts.to_arrow(dataset.companies))
    assert (
        aiforecasts.to_arrow(dataset.companies).schema.metadata.get(b"aiforecasts.sha256") is None
    )


# -- the fuzz test: every flip a DataError or the very data ----------------------------


def test_byte_flips_give_a_data_error_or_identical_data(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    """
    M4: 200 single-byte flips (seeded) across the files of an export, pages and
    footers alike, each read alone: a `DataError` or exactly what was written,
    never another exception and never other data.
    """
    export = aiforecasts.write(dataset, tmp_path / "export", format="parquet")
    files = sorted(export.glob("*.parquet"))
    originals: dict[str, aiforecasts.Dataset] = {}
    for path in files:
        alone = tmp_path / f"original-{path.stem}"
        alone.mkdir()
        (alone / path.name).write_bytes(path.read_bytes())
        originals[path.name] = aiforecasts.load_path(alone, check_references=False)
    rng = random.Random(23)  # noqa: S311 - a fixed sample, not a secret
    outcomes: Counter[str] = Counter()
    folder = tmp_path / "flipped"
    folder.mkdir()
    for _ in range(200):
        path = rng.choice(files)
        blob = bytearray(path.read_bytes())
        # a third in the last kilobytes: the footer, its metadata and the digest
        tail = rng.random() < 1 / 3
        position = rng.randrange(max(0, len(blob) - 3000) if tail else 0, len(blob))
        blob[position] ^= rng.randrange(1, 256)
        for old in folder.iterdir():
            old.unlink()
        (folder / path.name).write_bytes(bytes(blob))
        try:
            read = aiforecasts.load_path(folder, check_references=False)
        except DataError as error:
            assert all(problem.file for problem in error.problems), (path.name, position)
            outcomes["refused"] += 1
        else:
            assert read == originals[path.name], (path.name, position)
            outcomes["identical"] += 1
    assert outcomes["refused"] > 100, outcomes
