"""
JSON Schemas generated from the record classes (through the field walker),
not written by hand.
"""

from __future__ import annotations

from typing import Any

from aiforecasts._codec.migrations import SCHEMA_VERSION
from aiforecasts._model.fields import DATE, DECIMAL, DECIMAL_BOUND, Shape, docs, fields
from aiforecasts._model.integrity import SLUG
from aiforecasts._model.kinds import KIND_NAMED, KINDS

__all__ = ["json_schema"]

_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: str | None = None) -> dict[str, Any]:
    """
    The JSON Schema (draft 2020-12) of one kind of record, or, without
    *kind*, of a whole `to_json` export.  Generated from the record classes:
    field types, enums, required fields (those without a default), unknown
    keys refused, and each field's description.

    >>> import aiforecasts, jsonschema
    >>> schema = aiforecasts.json_schema("companies")
    >>> schema["required"]
    ['added_in', 'changed_in', 'excerpts', 'id', 'kind', 'name']
    >>> schema["properties"]["parent"]["description"]
    'The id of the owning `Company`.'
    >>> export = __import__("json").loads(aiforecasts.to_json(aiforecasts.load()))
    >>> jsonschema.Draft202012Validator(aiforecasts.json_schema()).validate(export)

    .. versionadded:: 0.1.0
    """
    definitions: dict[str, Any] = {}
    if kind is not None:
        cls = KIND_NAMED[kind].cls
        root = _object(cls, definitions)
        return {"$schema": _DRAFT, "title": cls.__name__, **root, "$defs": definitions}
    records = {
        each.name: {"type": "array", "items": _type(Shape("record", each.cls), definitions)}
        for each in KINDS
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
    properties = {}
    described = docs(cls)
    for field in fields(cls):
        shape = field.shape
        if field.needed and not field.required and shape.kind == "optional":  # now: not null
            shape = shape.inner
        schema = {**_type(shape, definitions), **field.schema}
        if field.name == "id":
            schema = {**schema, "pattern": f"^{SLUG}$"}
        if field.name in described:
            schema = {**schema, "description": described[field.name]}
        properties[field.name] = schema
    found: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": sorted(field.name for field in fields(cls) if field.needed),
        "additionalProperties": False,
    }
    either = _ONE_OF.get(cls.__name__)
    if either:  # one of these fields is given, and not null
        found["anyOf"] = [
            {"required": [name], "properties": {name: {"not": {"type": "null"}}}} for name in either
        ]
    return found


_ONE_OF = {"Prediction": ("criterion", "unsettleable")}
"""Classes of which one of some optional fields must be given: a prediction has a criterion
or a reason it cannot be settled."""


def _type(shape: Shape, definitions: dict[str, Any]) -> dict[str, Any]:
    kind = shape.kind
    if kind == "record":
        name = shape.type.__name__
        if name not in definitions:
            definitions[name] = {}  # placeholder against recursion
            definitions[name] = {"title": name, **_object(shape.type, definitions)}
        return {"$ref": f"#/$defs/{name}"}
    if kind == "choice":
        return {"enum": [member.value for member in shape.type]}
    if kind == "text":
        return {"type": "string"}
    if kind == "integer":
        return {"type": "integer"}
    if kind == "number":
        return {"type": "number"}
    if kind == "decimal":
        # The pattern is the form; the bound, by value, is the readers' check (and stated).
        return {"type": "string", "pattern": f"^{DECIMAL}$", "$comment": DECIMAL_BOUND}
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": f"^{DATE}$"}
    if kind in ("list", "set"):  # a set: repeats are allowed on input and written once
        return {"type": "array", "items": _type(shape.inner, definitions)}
    return {"anyOf": [_type(shape.inner, definitions), {"type": "null"}]}
