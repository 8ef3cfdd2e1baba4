"""
The dataset card: the ``README.md`` of an export folder of tables.

The CSV and data-package exports (`_io.frictionless.package_card`) and the
Parquet export (`_io.arrow.parquet_card`) write the same card, each with its
own column types; what a column holds (`describe`) comes from the records'
field docstrings and the derived columns' descriptions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._io.columns import DERIVED, VERSIONS
from aiforecasts._model.fields import docs
from aiforecasts._model.kinds import KIND_NAMED

if TYPE_CHECKING:
    from aiforecasts._model.records import Source

__all__ = ["dataset_card", "describe"]


def describe(kind: str, column: str) -> str:
    """What a column holds: its field's docstring, a derived column's description."""
    for derived in DERIVED.get(kind, ()):
        if derived.name == column:
            return derived.description
    if column in VERSIONS:
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
