"""
The Frictionless Data Package that describes the CSV tables: ``datapackage.json``
(`datapackage`) and the dataset card with the Frictionless types (`package_card`).

Each table is a resource with its columns' types, the columns always filled,
its primary key (``id``) and its foreign keys (a column holding one id of one
kind of the package), all from the same columns as the tables (`_io.columns`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiforecasts._io.card import dataset_card, describe
from aiforecasts._io.columns import DERIVED, scalar_shape, table_columns
from aiforecasts._model.fields import Shape, fields
from aiforecasts._model.kinds import KIND_NAMED

if TYPE_CHECKING:
    from aiforecasts._model.records import Source

__all__ = ["datapackage", "package_card"]

_LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License (records and English text; the Chinese excerpts are quotations "
    "from the cited documents, whose copyright stays with their authors)",
}


def datapackage(kinds: list[str], dataset_version: str, sources: list[Source]) -> dict[str, object]:
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
            (field["name"], field["type"], describe(kind, field["name"]))
            for field in _resource(kind, kinds)["schema"]["fields"]
        ]
        for kind in kinds
        if kind in KIND_NAMED
    }
    return dataset_card(columns, dataset_version, sources, suffix=".csv")


def _resource(kind: str, kinds: list[str]) -> dict[str, Any]:
    table: list[dict[str, Any]] = []
    for name, field, required in table_columns(KIND_NAMED[kind].cls):
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
        and scalar_shape(field.shape).kind == "text"
        and (target := field.refers_to[0]) in kinds
    ]
    schema: dict[str, object] = {"fields": table, "primaryKey": "id", "missingValues": [""]}
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


def _table_type(shape: Shape) -> dict[str, object]:
    shape = scalar_shape(shape)
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
