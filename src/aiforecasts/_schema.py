"""
JSON Schemas generated from the record classes, not written by hand.
"""

from __future__ import annotations

import enum
import types
import typing
from decimal import Decimal
from typing import Any

import attrs
import pendulum

from aiforecasts._convert import DECIMAL
from aiforecasts._dataset import KINDS
from aiforecasts._migrate import SCHEMA_VERSION

__all__ = ["json_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DECIMAL = f"^{DECIMAL}$"
_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of one kind of record, or, without
    *kind*, of a whole `to_json` export.  Generated from the record classes:
    field types, enums, required fields (those without a default), unknown
    keys refused.

    >>> import aiforecasts, jsonschema
    >>> schema = aiforecasts.json_schema("companies")
    >>> schema["required"]
    ['added_in', 'changed_in', 'excerpts', 'id', 'kind', 'name']
    >>> export = __import__("json").loads(aiforecasts.to_json(aiforecasts.load()))
    >>> jsonschema.Draft202012Validator(aiforecasts.json_schema()).validate(export)

    .. versionadded:: 0.1.0
    """
    definitions: dict[str, Any] = {}
    if kind is not None:
        cls = KINDS[kind]
        root = _object(cls, definitions)
        return {"$schema": _DRAFT, "title": cls.__name__, **root, "$defs": definitions}
    records = {
        name: {"type": "array", "items": _type(cls, definitions)} for name, cls in KINDS.items()
    }
    return {
        "$schema": _DRAFT,
        "title": "aiforecasts export",
        "type": "object",
        "properties": {
            "dataset_version": {"type": "string", "minLength": 1},
            "schema_version": {"const": SCHEMA_VERSION},
            "records": {"type": "object", "properties": records, "additionalProperties": False},
        },
        "required": ["dataset_version", "records", "schema_version"],
        "additionalProperties": False,
        "$defs": definitions,
    }


def _object(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    properties = {}
    for field in fields:
        schema = _type(field.type, definitions)
        if field.name == "id":
            schema = {**schema, "pattern": _SLUG}
        if field.__doc__:
            schema = {**schema, "description": field.__doc__}
        properties[field.name] = schema
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(f.name for f in fields if f.default is attrs.NOTHING),
        "additionalProperties": False,
    }


def _type(type_: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(type_, type) and attrs.has(type_):
        name = type_.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = {"title": name, **_object(type_, definitions)}
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {"enum": [member.value for member in type_]}
    if type_ is str:
        return {"type": "string"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is float:
        return {"type": "number"}
    if type_ is Decimal:
        return {"type": "string", "pattern": _DECIMAL}
    if type_ is pendulum.Date:
        return {"type": "string", "format": "date", "pattern": _DATE}
    origin = typing.get_origin(type_)
    arguments = typing.get_args(type_)
    if origin is tuple:
        return {"type": "array", "items": _type(arguments[0], definitions)}
    if origin is frozenset:  # a set: repeats are allowed on input and written once
        return {"type": "array", "items": _type(arguments[0], definitions)}
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_type(a, definitions) for a in arguments]}
    if type_ is type(None):
        return {"type": "null"}
    msg = f"no JSON Schema for {type_!r}"
    raise TypeError(msg)
