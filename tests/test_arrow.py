"""Arrow tables and Parquet files: real types, a strict read back, SQL over the export."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest

import aiforecasts
from aiforecasts import DataError, Verdict
from aiforecasts._cli.main import main

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

if TYPE_CHECKING:
    from pathlib import Path


def test_arrow_types(dataset: aiforecasts.Dataset) -> None:
    table = aiforecasts.to_arrow(dataset.funding_rounds)
    schema = table.schema
    assert table.num_rows == len(dataset.funding_rounds)
    assert str(schema.field("amount.amount").type) == "decimal128(38, 9)"
    assert str(schema.field("date.start").type) == "date32[day]"
    assert pa.types.is_dictionary(schema.field("status").type)
    assert str(schema.field("same_claim").type) == "list<item: string>"
    assert not schema.field("id").nullable
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert meta["aiforecasts.kind"] == "funding_rounds"
    assert meta["aiforecasts.dataset_version"] == dataset.dataset_version
    assert meta["aiforecasts.schema_version"] == str(aiforecasts.SCHEMA_VERSION)
    shas = json.loads(meta["aiforecasts.sources"])
    assert shas == {s.id: s.sha256 for s in dataset.sources}
    intel = table.filter(pa.compute.equal(table["id"], "stability-ai-intel-50m-2023"))
    assert intel["amount.amount"].to_pylist() == [Decimal(50_000_000)]
    with pytest.raises(ValueError, match="one kind"):
        aiforecasts.to_arrow(dataset)


def test_figures_an_exact_column_cannot_hold_are_refused(dataset: aiforecasts.Dataset) -> None:
    import attrs  # noqa: PLC0415

    statistic = next(s for s in dataset.statistics if s.value is not None)
    assert statistic.value is not None
    with attrs.validators.disabled():  # the types refuse such a figure; the writer too
        value = attrs.evolve(statistic.value, value=Decimal("1E+30"))
    huge = attrs.evolve(statistic, value=value)
    with pytest.raises(ValueError, match="decimal128"):
        aiforecasts.to_arrow([huge])


def test_parquet_round_trip_is_exact_and_byte_stable(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    first = aiforecasts.write(dataset, tmp_path / "a", format="parquet")
    second = aiforecasts.write(dataset, tmp_path / "b", format="parquet")
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "README.md" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert aiforecasts.load_path(first) == dataset
    with pytest.raises(FileExistsError):
        aiforecasts.write(dataset, first, format="parquet")


def test_the_dataset_card(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    card = (folder / "README.md").read_text("utf-8")
    front = card.split("---\n")[1]
    assert "license: mit" in front
    assert "- config_name: resolutions\n  data_files: resolutions.parquet" in front
    assert f"dataset version {dataset.dataset_version}" in card
    for source in dataset.sources:
        assert source.sha256 in card
    assert "| `amount.amount` | decimal128(38, 9) |" in card


def test_sql_over_the_parquet_export(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    """DuckDB reads the export natively; its answers are the typed API's."""
    duckdb = pytest.importorskip("duckdb")
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")

    def sql(query: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = duckdb.sql(query.format(folder=folder)).fetchall()
        return rows

    verdicts = dict(
        sql(
            "SELECT r.verdict, count(*) FROM '{folder}/predictions.parquet' p "
            "JOIN '{folder}/resolutions.parquet' r ON r.prediction = p.id GROUP BY 1"
        )
    )
    assert verdicts == {
        v.value: dataset.predictions.resolved(v).count()
        for v in Verdict
        if dataset.predictions.resolved(v).count()
    }
    about_nvidia = sql(
        "SELECT c.name, r.verdict, count(*) FROM '{folder}/predictions.parquet' p "
        "JOIN '{folder}/resolutions.parquet' r ON r.prediction = p.id "
        "JOIN '{folder}/companies.parquet' c ON list_contains(p.companies, c.id) "
        "WHERE c.id = 'nvidia' GROUP BY 1, 2 ORDER BY 2"
    )
    expected: dict[str, int] = {}
    for prediction in dataset.predictions:
        if "nvidia" in prediction.companies:
            resolution = dataset.resolution_of(prediction)
            assert resolution is not None
            expected[resolution.verdict.value] = expected.get(resolution.verdict.value, 0) + 1
    assert {verdict: n for _name, verdict, n in about_nvidia} == expected
    assert all(name == "Nvidia" for name, _v, _n in about_nvidia)
    # Money sums as numbers, exactly.
    (total,) = sql(
        "SELECT sum(\"amount.amount\") FROM '{folder}/funding_rounds.parquet' "
        "WHERE company = 'anthropic'"
    )
    assert total[0] == sum(
        r.amount.amount for r in dataset.funding_of("anthropic") if r.amount is not None
    )


def _broken(tmp_path: Path, dataset: aiforecasts.Dataset, change: Any) -> list[str]:
    folder = aiforecasts.write(dataset, tmp_path / "p", format="parquet")
    change(folder)
    with pytest.raises(DataError) as info:
        aiforecasts.load_path(folder)
    return [str(problem) for problem in info.value.problems]


def _rewrite(folder: Path, kind: str, table: Any) -> None:
    pq.write_table(table, folder / f"{kind}.parquet")


def _replace_column(folder: Path, kind: str, column: str, change: Any) -> None:
    """Rewrite one column of a kind's Parquet file with *change*(the column)."""
    table = pq.read_table(folder / f"{kind}.parquet")
    index = table.schema.get_field_index(column)
    _rewrite(folder, kind, table.set_column(index, column, change(table.column(index))))


def test_a_missing_column(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    def change(folder: Path) -> None:
        table = pq.read_table(folder / "companies.parquet")
        _rewrite(folder, "companies", table.drop_columns(["note"]))

    (problem,) = _broken(tmp_path, dataset, change)
    assert "companies.parquet" in problem
    assert "note: missing column" in problem


def test_a_column_of_the_wrong_type(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    def change(folder: Path) -> None:
        _replace_column(
            folder, "funding_rounds", "amount.amount", lambda column: column.cast(pa.string())
        )

    (problem,) = _broken(tmp_path, dataset, change)
    assert "funding_rounds.parquet" in problem
    assert "amount.amount: a column of string, where decimal128(38, 9) is expected" in problem


def test_an_unknown_kind(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    def change(folder: Path) -> None:
        (folder / "horoscopes.parquet").write_bytes((folder / "companies.parquet").read_bytes())

    (problem,) = _broken(tmp_path, dataset, change)
    assert "horoscopes.parquet" in problem
    assert "not a kind of record" in problem


def test_a_newer_schema_version(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    def change(folder: Path) -> None:
        newer = aiforecasts.SCHEMA_VERSION + 1
        _replace_column(
            folder, "people", "schema_version", lambda c: pa.array([newer] * len(c), pa.int32())
        )

    (problem,) = _broken(tmp_path, dataset, change)
    assert "people.parquet" in problem
    assert "schema version" in problem


def test_a_bad_value_names_its_row(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    def blank_the_third(column: Any) -> Any:
        names = column.to_pylist()
        names[2] = "  "
        return pa.array(names, pa.string())

    def change(folder: Path) -> None:
        _replace_column(folder, "people", "name_en", blank_the_third)

    problems = _broken(tmp_path, dataset, change)
    assert any("people.parquet" in p and "people[2]" in p and "name_en" in p for p in problems)


def test_cli_export_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out"
    assert main(["export", "--format", "parquet", "--output", str(target)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert aiforecasts.load_path(target) == aiforecasts.load()
    assert main(["validate", str(target)]) == 0


def test_to_polars(dataset: aiforecasts.Dataset) -> None:
    polars = pytest.importorskip("polars")
    frame = aiforecasts.to_polars(dataset.funding_rounds)
    assert frame.height == len(dataset.funding_rounds)
    assert isinstance(frame.schema["amount.amount"], polars.Decimal)
    intel = frame.filter(polars.col("id") == "stability-ai-intel-50m-2023")
    assert intel["amount.amount"][0] == Decimal(50_000_000)
