"""Tables that compute: numeric figures, derived columns marked as derived, every kind at once."""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING

import attrs
import pytest

import aiforecasts
from aiforecasts._io.columns import DERIVED

pd = pytest.importorskip("pandas")

if TYPE_CHECKING:
    from pathlib import Path


def test_money_adds_up_in_a_dataframe(dataset: aiforecasts.Dataset) -> None:
    frame = aiforecasts.to_dataframe(dataset.funding_rounds)
    assert frame["amount.amount"].dtype == "float64"
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    sums = frame.groupby("company", observed=True)["amount.amount"].sum()
    expected = sum(
        float(r.amount.amount) for r in dataset.funding_of("openai") if r.amount is not None
    )
    assert sums["openai"] == expected
    # The derived bounds: "up to $4B" allows 0 to 4 billion.
    amazon = frame[frame["id"] == "anthropic-amazon-4b-2023"]
    assert amazon["amount.low_usd"].item() == 0
    assert amazon["amount.high_usd"].item() == 4e9


def test_every_kind_at_once(dataset: aiforecasts.Dataset) -> None:
    frames = aiforecasts.to_dataframes(dataset)
    assert list(frames) == list(dataset.collections())  # a dataset's every kind, even empty
    emptied = aiforecasts.to_dataframes(attrs.evolve(dataset, tombstones=[]))
    assert list(emptied) == list(frames)
    assert len(emptied["tombstones"]) == 0
    for name, frame in frames.items():
        assert len(frame) == len(getattr(dataset, name))


def test_derived_rates_are_computed_and_marked(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    frame = aiforecasts.to_dataframe(dataset.compute_trends)
    sevilla = frame[frame["id"] == "training-compute-doubling-deep-learning"]
    assert math.isclose(sevilla["growth.doubling_months"].item(), 5.6)
    assert math.isclose(sevilla["growth.factor_per_year"].item(), 2 ** (12 / 5.6))
    token = frame[frame["id"] == "token-price-decline-a16z"]
    assert math.isclose(token["growth.factor_per_year"].item(), 0.1, rel_tol=1e-9)
    folder = aiforecasts.write(dataset, tmp_path / "package", format="datapackage")
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    for resource in package["resources"]:
        kind = resource["path"].removesuffix(".csv")
        marked = {
            f["name"]
            for f in resource["schema"]["fields"]
            if f.get("description", "").startswith("Derived, not stated")
        }
        assert marked == {d.name for d in DERIVED.get(kind, ())}, kind
    assert aiforecasts.load_path(folder) == dataset


def test_tables_without_the_derived_columns_still_read(
    dataset: aiforecasts.Dataset, tmp_path: Path
) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "tables", format="csv")
    path = folder / "compute_trends.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame.drop(columns=[d.name for d in DERIVED["compute_trends"]])
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), "utf-8")
    assert aiforecasts.load_path(folder) == dataset


def test_derived_columns_in_arrow_carry_their_description(dataset: aiforecasts.Dataset) -> None:
    pytest.importorskip("pyarrow")
    table = aiforecasts.to_arrow(dataset.compute_trends)
    field = table.schema.field("growth.factor_per_year")
    assert str(field.type) == "double"
    assert field.metadata[b"aiforecasts.derived"].startswith(b"Derived, not stated")
    rounds = aiforecasts.to_arrow(dataset.funding_rounds)
    assert str(rounds.schema.field("amount.high_usd").type) == "decimal128(38, 9)"


def test_a_data_package_has_a_dataset_card(dataset: aiforecasts.Dataset, tmp_path: Path) -> None:
    folder = aiforecasts.write(dataset, tmp_path / "package", format="datapackage")
    card = (folder / "README.md").read_text("utf-8")
    front = card.split("---\n")[1]
    assert "- config_name: predictions\n  data_files: predictions.csv" in front
    assert "| `horizon.start` | date |" in card
    assert "| `growth.factor_per_year` | number | Derived, not stated" in card
    # Writing plain CSV over it replaces the package's files, the card included.
    aiforecasts.write(dataset, folder, format="csv", overwrite=True)
    assert not (folder / "README.md").exists()
    assert not (folder / "datapackage.json").exists()
