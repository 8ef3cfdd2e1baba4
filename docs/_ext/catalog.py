"""
The data catalog: a page per kind of record, generated from the bundled data
each time the docs are built (into ``docs/catalog/``, which is not committed).

Each page is one table, a row per record: its id (an anchor, ``catalog/<kind>.html#<id>``),
its English text, the original text (the first excerpt) where the kind quotes documents, and
the fields a reader wants for the kind (a prediction's horizon, hedge and verdict; a funding
round's amount and investors; a compute trend's stated and normalised rate; …), with the
records they name linked.  Record text is escaped so that it reads back as written: no list,
no markup, no smart quotes.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx

import aiforecasts
from aiforecasts._io.columns import DERIVED
from aiforecasts._model.kinds import KINDS
from aiforecasts._model.vocab import InvestorRole

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from aiforecasts._model.kinds import Kind


_MARKUP = re.compile(r"[\\*`|_]")
"""Characters that start or end inline markup (emphasis, roles, substitutions, references)."""
_TYPOGRAPHY = re.compile(r"['\"]|--+|\.\.\.+")
"""What Sphinx's smart quotes would rewrite: straight quotes, dashes, ellipses."""
_YEAR = Decimal(12)
"""A year in months: "10x a year" rather than "10x every 12 months"."""


def _escape(text: str) -> str:
    return "".join("\\" + char for char in text)


def _cell(text: str) -> str:
    """*text* as reStructuredText that reads back as exactly *text*, on one line."""
    lines = " ".join(text.split())
    if not lines:
        return "—"
    escaped = _TYPOGRAPHY.sub(lambda m: _escape(m.group()), _MARKUP.sub(r"\\\g<0>", lines))
    # An escaped first character starts no list ("1. Nvidia 将…"), field list, comment or
    # doctest block, whatever it is.
    return escaped if escaped.startswith("\\") else "\\" + escaped


def _words(value: str) -> str:
    """A vocabulary value for people: ``came_true`` → ``came true``."""
    return value.replace("_", " ")


class _Catalog:
    """The dataset, and where each record's row is: what the pages link by."""

    def __init__(self, dataset: aiforecasts.Dataset) -> None:
        self.dataset = dataset
        self.pages = {
            record.id: kind.name for kind in KINDS for record in dataset.collections()[kind.name]
        }

    def ref(self, id_: str, text: str | None = None) -> str:
        """A link to the row of record *id_*, named by *text* or the record's name."""
        page = self.pages.get(id_)
        record = self.dataset.get(id_)
        if text is None:
            name = getattr(record, "name_en", None) or getattr(record, "name", None)
            text = name if isinstance(name, str) else id_
        if page is None:  # not a record of the dataset: say it as it is
            return _cell(text)
        return f"`{_cell(text)} <{page}.html#{id_}>`__"

    def refs(self, ids: Iterable[str | None]) -> str | None:
        links = [self.ref(id_) for id_ in ids if id_ is not None]
        return "; ".join(links) or None


Fields = list[tuple[str, str | None]]
"""(field name, reStructuredText value or ``None`` to leave the field out)."""


def _text(value: object) -> str | None:
    return None if value is None else _cell(str(value))


def _sources(catalog: _Catalog, kind: Kind[Any], record: Any) -> Fields:
    ids = sorted(kind.sources(record))
    name = "source" if len(ids) == 1 else "sources"
    return [(name, "; ".join(catalog.ref(id_, id_) for id_ in ids) or None)]


def _source(catalog: _Catalog, record: aiforecasts.Source) -> Fields:
    web = f"`{_cell(record.url)} <{record.url}>`__" if record.url else None
    return [
        ("published", _cell(record.published.label)),
        ("outlet", catalog.refs([record.outlet])),
        ("author", catalog.refs([record.author])),
        ("translates", _text(record.translation_of)),
        ("web page", web),
        ("file", _cell(record.file)),
    ]


def _company(catalog: _Catalog, record: aiforecasts.Company) -> Fields:
    return [
        ("kind", _cell(_words(record.kind.value))),
        ("country", _text(record.country)),
        ("part of", catalog.refs([record.parent])),
    ]


def _person(catalog: _Catalog, record: aiforecasts.Person) -> Fields:
    roles = []
    for role in dict.fromkeys((r.title, r.organization) for r in record.roles):
        title, organization = role
        at = f", {catalog.ref(organization)}" if organization is not None else ""
        roles.append(f"{_cell(title)}{at}")
    return [("role" if len(roles) == 1 else "roles", "; ".join(roles) or None)]


def _prediction(catalog: _Catalog, record: aiforecasts.Prediction) -> Fields:
    by = catalog.refs(record.made_by) or _text(record.attributed_to)
    horizon = record.horizon.label if record.horizon is not None else "none given"
    resolution = catalog.dataset.resolution_of(record)
    verdict = None
    if resolution is not None:
        verdict = catalog.ref(resolution.id, _words(resolution.verdict.value))
    return [
        ("by", by),
        ("horizon", _cell(horizon)),
        ("hedge", _cell(record.hedge.value)),
        ("condition", _text(record.condition)),
        ("verdict", verdict),
    ]


def _funding_round(catalog: _Catalog, record: aiforecasts.FundingRound) -> Fields:
    investors = []
    for investment in record.investors:
        notes = [] if investment.role is InvestorRole.UNSPECIFIED else [investment.role.value]
        if investment.amount is not None:
            notes.append(str(investment.amount))
        said = f" ({_cell(', '.join(notes))})" if notes else ""
        investors.append(catalog.ref(investment.investor) + said)
    amount = record.amount
    return [
        ("amount", _cell(str(amount)) if amount is not None else "not stated"),
        ("valuation", _text(record.valuation)),
        ("investors", "; ".join(investors) or None),
        ("date", _text(record.date.label if record.date is not None else None)),
        ("kind", _cell(f"{record.kind.value}, {record.status.value}")),
        ("round", _text(record.round_name)),
    ]


_RATE_FORMS: dict[str, Callable[[float], str]] = {
    "growth.factor_per_year": lambda x: f"{x:.3g}x a year",
    "growth.doubling_months": lambda x: f"doubling every {x:.1f} months",
    "growth.cagr_percent": lambda x: f"CAGR {x:+,.0f}%",
}
"""How each normalised rate of the tables (`DERIVED`) reads in the catalog, in this order."""


def _rate(record: aiforecasts.ComputeTrend) -> str | None:
    """The normalised rate: the derived columns of the CSV and DataFrame exports."""
    derived = {column.name: column.compute(record) for column in DERIVED["compute_trends"]}
    parts = [
        form(float(value))
        for name, form in _RATE_FORMS.items()
        if (value := derived.get(name)) is not None
    ]
    if not parts:
        return None
    growth = record.growth
    how = (
        " (from the two levels)"
        if growth.derived
        else " (the middle of the range)"
        if growth.high is not None
        else ""
    )
    return ", ".join(parts) + how


def _compute_trend(catalog: _Catalog, record: aiforecasts.ComputeTrend) -> Fields:
    return [
        ("metric", _cell(_words(record.metric.value))),
        ("stated", _cell(str(record.growth))),
        ("rate", _text(_rate(record))),
        ("also", _text("; ".join(str(g) for g in record.equivalents) or None)),
        ("period", _text(record.period.label if record.period is not None else None)),
        ("by", catalog.refs(record.claimed_by) or _text(record.cites)),
        ("condition", _text(record.condition)),
    ]


def _debate(catalog: _Catalog, record: aiforecasts.Debate) -> Fields:
    positions = [
        f"{_cell(p.stance.value)}: "
        + (catalog.ref(p.speaker, p.holder) if p.speaker is not None else _cell(p.holder))
        for p in record.positions
    ]
    return [("positions", "; ".join(positions))]


def _statistic(catalog: _Catalog, record: aiforecasts.Statistic) -> Fields:
    also = "; ".join(str(q) for q in record.equivalents) or None
    return [
        ("figure", _cell(str(record.figure))),
        ("also", _text(also)),
        ("date", _text(record.date.label if record.date is not None else None)),
        ("companies", catalog.refs(record.companies)),
    ]


def _resolution(catalog: _Catalog, record: aiforecasts.Resolution) -> Fields:
    evidence = "; ".join(f"`{_cell(e.publisher)} <{e.url}>`__" for e in record.evidence)
    observed = record.observed if record.observed is not None else record.observed_money
    return [
        ("verdict", _cell(_words(record.verdict.value))),
        ("prediction", catalog.ref(record.prediction, record.prediction)),
        ("as of", _cell(str(record.as_of))),
        ("decided", _text(record.decided.label if record.decided is not None else None)),
        ("observed", _text(observed)),
        ("held", _text(record.parts_held)),
        ("evidence", evidence or None),
    ]


def _tombstone(catalog: _Catalog, record: aiforecasts.Tombstone) -> Fields:
    return [
        ("was in", _cell(record.kind)),
        ("became", "; ".join(catalog.ref(id_, id_) for id_ in record.became) or "removed"),
        ("retired in", _cell(record.retired_in)),
    ]


_FIELDS: dict[str, Callable[[_Catalog, Any], Fields]] = {
    "sources": _source,
    "companies": _company,
    "people": _person,
    "predictions": _prediction,
    "funding_rounds": _funding_round,
    "compute_trends": _compute_trend,
    "debates": _debate,
    "statistics": _statistic,
    "resolutions": _resolution,
    "tombstones": _tombstone,
}
"""Kind → the fields its rows show besides the id and text (a kind not here shows its sources)."""


def _no_fields(_catalog: _Catalog, _record: object) -> Fields:
    return []


def _details(catalog: _Catalog, kind: Kind[Any], record: Any) -> list[str]:
    """The fields of *record*'s row, as the lines of a field list."""
    fields = _FIELDS.get(kind.name, _no_fields)(catalog, record)
    contradicts = getattr(record, "contradicts", ())
    if contradicts:  # where the documents disagree: shown on every claim kind
        fields.append(("contradicts", catalog.refs(contradicts)))
    if kind.name != "sources":
        fields += _sources(catalog, kind, record)
    return [f":{name}: {value}" for name, value in fields if value is not None]


def _page(kind: Kind[Any], dataset: aiforecasts.Dataset, catalog: _Catalog | None = None) -> str:
    catalog = catalog or _Catalog(dataset)
    collection = dataset.collections()[kind.name]
    quotes = any(kind.excerpts(record) for record in collection)
    title = kind.title
    lines = [
        title,
        "=" * (len(title) * 2),
        "",
        (
            f"{collection.count()} records, dataset version {dataset.dataset_version}. "
            "Generated from the bundled data when these pages were built."
        ),
        "",
    ]
    if not collection:  # a table needs a row besides its header
        return "\n".join(lines) + "\n"
    lines += [
        ".. list-table::",
        "   :header-rows: 1",
        "   :class: catalog",
        f"   :widths: {'16 31 23 30' if quotes else '19 45 36'}",
        "",
        "   * - id",
        "     - English",
        *(["     - original"] if quotes else []),
        "     - details",
    ]
    for record in collection:
        english = getattr(record, kind.english)
        excerpts = kind.excerpts(record)
        details = _details(catalog, kind, record) or ["—"]
        lines += [
            f"   * - _`{record.id}`",  # an anchor: catalog/<kind>.html#<id>
            f"     - {_cell(english)}",
            *([f"     - {_cell(excerpts[0].display if excerpts else '')}"] if quotes else []),
            f"     - {details[0]}",
            *(f"       {line}" for line in details[1:]),
        ]
    return "\n".join(lines) + "\n"


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / "catalog"
    folder.mkdir(exist_ok=True)
    dataset = aiforecasts.load()
    catalog = _Catalog(dataset)
    index = [
        "Data catalog",
        "============",
        "",
        "Every record of the bundled dataset, one page per kind: its id, its English text, the",
        "original text (the first excerpt, cleaned for display) and what a reader wants to know",
        "of the kind — a prediction's horizon, hedge and verdict, a funding round's amount and",
        "investors, a compute trend's rate in every form — with the records it names linked.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ]
    for kind in KINDS:
        page = folder / f"{kind.name}.rst"
        text = _page(kind, dataset, catalog)
        if not page.exists() or page.read_text(encoding="utf-8") != text:
            page.write_text(text, encoding="utf-8")
        index.append(f"   {kind.name}")
    text = "\n".join(index) + "\n"
    page = folder / "index.rst"
    if not page.exists() or page.read_text(encoding="utf-8") != text:
        page.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True}
