"""
The data catalog as people read it: the HTML pages that docs/_ext/catalog.py generates,
built once (the catalog alone, without the rest of the docs) and read back.
"""

from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import aiforecasts
from aiforecasts._model.kinds import KINDS

DOCS = Path(__file__).resolve().parents[1] / "docs"

NOT_IN_CELLS = frozenset({"ol", "ul", "li", "blockquote", "em", "strong", "cite", "code"})
"""What record text in a cell would turn into if it were read as markup."""


@attrs.define
class _Row:
    anchor: str
    text: str
    links: list[str]


class _Page(HTMLParser):
    """A catalog page: its ids, its rows by their anchor, and any markup inside cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.rows: dict[str, _Row] = {}
        self.in_cells: list[str] = []
        self._depth = 0
        self._row: tuple[list[str], list[str], list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "tr":
            self._row = ([], [], [])
            return
        if self._row is None:
            return
        anchors, parts, links = self._row
        if found.get("id"):
            anchors.append(str(found["id"]))
        if tag == "a" and found.get("href"):
            links.append(str(found["href"]))
        if tag in {"td", "th"}:
            self._depth += 1
        elif self._depth and tag in NOT_IN_CELLS:
            self.in_cells.append(tag)
        if tag in {"td", "th", "dd", "p"}:
            parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"}:
            self._depth -= 1
            if self._row is not None:
                self._row[1].append(" | ")
        elif tag == "tr" and self._row is not None:
            anchors, parts, links = self._row
            if anchors:
                text = " ".join("".join(parts).split())
                self.rows[anchors[0]] = _Row(anchors[0], text, links)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row is not None:
            self._row[1].append(data)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Page]:
    """Kind → its catalog page, built by Sphinx (nitpicky, warnings as errors) and parsed."""
    if not (DOCS / "_ext" / "catalog.py").exists():  # the tests also run against the wheel
        pytest.skip("docs/ is not here")
    pytest.importorskip("sphinx")
    source = tmp_path_factory.mktemp("catalog-source")
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS / '_ext')!r})\n"
        'extensions = ["catalog"]\nhtml_theme = "basic"\n',
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Catalog\n=======\n\n.. toctree::\n\n   catalog/index\n", encoding="utf-8"
    )
    html = tmp_path_factory.mktemp("catalog-html")
    build = [sys.executable, "-m", "sphinx", "-q", "-n", "-W", "-b", "html", str(source), str(html)]
    result = subprocess.run(build, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    found = {}
    for kind in KINDS:
        page = _Page()
        page.feed((html / "catalog" / f"{kind.name}.html").read_text(encoding="utf-8"))
        found[kind.name] = page
    return found


def _row(pages: dict[str, _Page], kind: str, id_: str) -> str:
    return pages[kind].rows[id_].text


def test_every_record_has_an_anchored_row(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    """catalog/<kind>.html#<id> is the row of record <id>, for every record."""
    for kind in KINDS:
        page = pages[kind.name]
        ids = [record.id for record in dataset.collections()[kind.name]]
        assert [i for i in ids if i not in page.ids] == [], kind.name
        assert sorted(page.rows) == sorted(ids), kind.name


def test_cells_hold_text_not_markup(pages: dict[str, _Page]) -> None:
    """Record text stays as written: no lists, emphasis or quotes made curly in any cell."""
    for kind, page in pages.items():
        assert page.in_cells == [], kind
    listed = _row(pages, "predictions", "nvidia-gpu-cloud-2024")
    assert "| 1. Nvidia 将尝试推出 GPU 云服务 |" in listed  # not a list: "1." stays
    fades = _row(pages, "predictions", "llm-term-fades-2024")
    assert "The terms 'large language model' and 'LLM' will" in fades


def test_links_between_rows_land_on_rows(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    """Every link from one row to another (a verdict, a source, an investor) has a target."""
    checked = 0
    for kind, page in pages.items():
        for row in page.rows.values():
            for link in row.links:
                target, _, anchor = link.partition(".html#")
                if anchor and "/" not in target:
                    assert anchor in pages[target].ids, f"{kind} {row.anchor}: {link}"
                    checked += 1
    assert checked >= 2 * len(dataset.predictions)  # each links its source and verdict


def test_prediction_rows_show_horizon_hedge_and_verdict(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    row = _row(pages, "predictions", "nvidia-gpu-cloud-2024")
    assert (
        "horizon: 2024 hedge: certain verdict: cannot tell source: ten-ai-predictions-2024" in row
    )
    links = pages["predictions"].rows["nvidia-gpu-cloud-2024"].links
    assert "resolutions.html#outcome-nvidia-gpu-cloud-2024" in links
    for prediction in dataset.predictions:
        row = _row(pages, "predictions", prediction.id)
        horizon = prediction.horizon.label if prediction.horizon is not None else "none given"
        assert f"horizon: {horizon} " in row
        assert f"hedge: {prediction.hedge.value} " in row
        resolution = dataset.resolution_of(prediction)
        if resolution is not None:
            assert f"verdict: {resolution.verdict.value.replace('_', ' ')} " in row


def test_funding_rows_show_amount_investors_and_date(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    row = _row(pages, "funding_rounds", "anthropic-amazon-4b-2023")
    assert "amount: up to USD 4,000,000,000 investors: Amazon (sole) date: autumn 2023" in row
    row = _row(pages, "funding_rounds", "stability-ai-100m-round-2022")
    assert "investors: Coatue Management (lead); Lightspeed Venture Partners (lead)" in row
    assert "amount: over USD 10,000,000,000" in _row(
        pages, "funding_rounds", "openai-microsoft-total-2023"
    )
    for round_ in dataset.funding_rounds:
        row = _row(pages, "funding_rounds", round_.id)
        amount = "not stated" if round_.amount is None else str(round_.amount)
        assert f"amount: {amount} " in row
        if round_.date is not None:
            assert f"date: {round_.date.label} " in row


def test_trend_rows_show_the_normalised_rate(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    row = _row(pages, "compute_trends", "training-compute-doubling-deep-learning")
    assert "stated: doubling time 5.6 months" in row
    assert "rate: 4.42x a year, doubling every 5.6 months, CAGR +342% " in row
    row = _row(pages, "compute_trends", "token-price-decline-a16z")
    assert "rate: 0.1x a year, CAGR -90% (from the two levels)" in row
    row = _row(pages, "compute_trends", "frontier-model-compute-doubling-3-4-months")
    assert "doubling every 3.4 months, CAGR +1,031% (the middle of the range)" in row
    for trend in dataset.compute_trends:
        factor = trend.growth.factor_per_year
        rate = f"rate: {factor:.3g}x a year" if factor is not None else "rate:"
        assert (rate in _row(pages, "compute_trends", trend.id)) == (factor is not None)


def test_other_rows_show_their_kind_s_fields(
    pages: dict[str, _Page], dataset: aiforecasts.Dataset
) -> None:
    for statistic in dataset.statistics:
        assert f"figure: {statistic.figure} " in _row(pages, "statistics", statistic.id)
    assert "kind: company country: US" in _row(pages, "companies", "nvidia")
    assert "role: CEO, OpenAI sources" in _row(pages, "people", "sam-altman")
    row = _row(pages, "resolutions", "outcome-nvidia-gpu-cloud-2024")
    assert "verdict: cannot tell prediction: nvidia-gpu-cloud-2024 as of:" in row
