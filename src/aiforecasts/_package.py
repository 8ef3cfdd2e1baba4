"""
The Frictionless Data Package descriptor of a CSV export.
"""

from __future__ import annotations

import enum
import types
import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from aiforecasts import _model
from aiforecasts._dataset import KINDS
from aiforecasts._export import _single_attrs_class, csv_columns

if TYPE_CHECKING:
    from aiforecasts._model import Source

__all__ = ["datapackage"]

_LICENSE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License (records and English text; the Chinese excerpts are quotations "
    "from the cited documents, whose copyright stays with their authors)",
}


def datapackage(kinds: list[str], dataset_version: str, sources: list[Source]) -> dict[str, Any]:
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


def _resource(kind: str, kinds: list[str]) -> dict[str, Any]:
    types_ = dict(_field_types(KINDS[kind], ""))
    required = set(_required(KINDS[kind], ""))
    fields = []
    for column in csv_columns(kind):
        field: dict[str, Any] = {"name": column, **types_.get(column, {"type": "string"})}
        if column in required:
            field.setdefault("constraints", {})["required"] = True
        fields.append(field)
    foreign = [
        {
            "fields": name,
            "reference": {"resource": "" if target == kind else target, "fields": "id"},
        }
        for name, target in _foreign_keys(KINDS[kind])
        if target in kinds
    ]
    schema: dict[str, Any] = {"fields": fields, "primaryKey": "id", "missingValues": [""]}
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


def _field_types(cls: type, prefix: str) -> typing.Iterator[tuple[str, dict[str, Any]]]:
    attrs.resolve_types(cls)
    for field in attrs.fields(cls):
        nested = _single_attrs_class(field.type)
        if nested is not None:
            yield from _field_types(nested, f"{prefix}{field.name}.")
        else:
            yield f"{prefix}{field.name}", _table_type(field.type)
    if not prefix:
        yield "schema_version", {"type": "integer"}


def _table_type(type_: Any) -> dict[str, Any]:
    options = [a for a in typing.get_args(type_) if a is not type(None)]
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and len(options) == 1:
        return _table_type(options[0])
    if typing.get_origin(type_) in (tuple, frozenset):
        return {"type": "array"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is Decimal:
        return {"type": "number"}
    if type_ is pendulum.Date:
        return {"type": "date"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"type": "string", "constraints": {"enum": [m.value for m in type_]}}
    return {"type": "string"}


def _required(cls: type, prefix: str) -> typing.Iterator[str]:
    """Columns always filled: required fields, outside optional nested values."""
    for field in attrs.fields(cls):
        if field.default is not attrs.NOTHING:
            continue
        nested = _single_attrs_class(field.type)
        if nested is None:
            yield f"{prefix}{field.name}"
        elif isinstance(field.type, type):  # required, not optional, nested value
            yield from _required(nested, f"{prefix}{field.name}.")


def _foreign_keys(cls: type) -> typing.Iterator[tuple[str, str]]:
    """(column, table) for the top-level fields holding one id of one kind."""
    for field in attrs.fields(cls):
        kinds = _model.refers_to(field)
        if len(kinds) == 1 and field.type in (str, str | None):
            yield field.name, kinds[0]
