"""
The data catalog: a page per kind of record, generated from the bundled data
each time the docs are built (into ``docs/catalog/``, which is not committed).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx

import aiforecasts
from aiforecasts._dataset import KINDS

if TYPE_CHECKING:
    from aiforecasts._kinds import Kind


_LIST_START = re.compile(r"^(?:\d+|[A-Za-z#])[.)] |^[-+*] ")
"""Text that reStructuredText would read as the start of a list ("1. Nvidia 将…")."""


def _cell(text: str) -> str:
    lines = " ".join(text.split()) or "—"
    escaped = (
        lines.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")
    )
    return "\\" + escaped if _LIST_START.match(escaped) else escaped


def _page(kind: Kind[Any], dataset: aiforecasts.Dataset) -> str:
    collection = dataset.collections()[kind.name]
    titles = {source.id: source.title_en for source in dataset.sources}
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
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 18 34 34 14",
        "",
        "   * - id",
        "     - English",
        "     - original",
        "     - source",
    ]
    for record in collection:
        english = getattr(record, kind.english)
        excerpts = kind.excerpts(record)
        original = excerpts[0].display if excerpts else ""
        if isinstance(record, aiforecasts.Tombstone):  # quotes nothing: say where it went
            became = ", ".join(record.became)
            original = f"became {became} ({record.kind})" if became else f"removed ({record.kind})"
        links = ""
        original_cell = _cell(original)
        if isinstance(record, aiforecasts.Resolution):  # outside the documents: its evidence
            verdict = record.verdict.value.replace("_", " ")
            target = f"predictions.html#{record.prediction}"
            original_cell = f"{verdict}: `{record.prediction} <{target}>`__"
            links = "; ".join(f"`{_cell(e.publisher)} <{e.url}>`__" for e in record.evidence)
        sources = sorted({titles.get(e.source, e.source) for e in excerpts})
        lines += [
            f"   * - _`{record.id}`",  # an anchor: catalog/<kind>.html#<id>
            f"     - {_cell(english)}",
            f"     - {original_cell}",
            f"     - {links or _cell('; '.join(sources))}",
        ]
    return "\n".join(lines) + "\n"


def _generate(app: Sphinx) -> None:
    folder = Path(app.srcdir) / "catalog"
    folder.mkdir(exist_ok=True)
    dataset = aiforecasts.load()
    index = [
        "Data catalog",
        "============",
        "",
        "Every record of the bundled dataset, one page per kind: id, English text, the original",
        "text (the first excerpt, cleaned for display) and the source.",
        "",
        ".. toctree::",
        "   :maxdepth: 1",
        "",
    ]
    for kind in KINDS:
        page = folder / f"{kind.name}.rst"
        text = _page(kind, dataset)
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
