"""
Schema migrations: older record layouts brought up to the current one.

Each migration takes one record of one kind, as JSON values, from schema
version ``n`` to ``n + 1``.  The loader applies them in order to everything it
reads that declares an older version, so exports made by earlier releases keep
loading; a newer version is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate_record"]

SCHEMA_VERSION = 2
"""The version of the record layout this package reads and writes."""


def _v1_to_v2(kind: str, record: dict[str, Any], dataset_version: str) -> dict[str, Any]:
    """
    Schema 2 adds ``added_in`` and ``changed_in`` to every record (a record of
    a schema-1 file dates from that file's dataset version), and splits money
    from quantities: a statistic's ``value`` and a growth's ``level`` that are
    money (they have a ``currency``) move to ``money``.
    """
    record = dict(record)
    record.setdefault("added_in", dataset_version)
    record.setdefault("changed_in", dataset_version)
    if kind == "statistics":
        value = record.get("value")
        if isinstance(value, dict) and "currency" in value:
            record["money"] = record.pop("value")
    if kind == "compute_trends" and isinstance(record.get("growth"), dict):
        growth = dict(record["growth"])
        level = growth.get("level")
        if isinstance(level, dict) and "currency" in level:
            growth["money"] = growth.pop("level")
        record["growth"] = growth
    return record


MIGRATIONS: dict[int, Callable[[str, dict[str, Any], str], dict[str, Any]]] = {1: _v1_to_v2}
"""Schema version n → the function that brings a record from n to n + 1."""


def migrate_record(
    kind: str, record: dict[str, Any], version: int, dataset_version: str
) -> dict[str, Any]:
    """*record* of *kind*, written with schema *version*, in the current layout."""
    while version < SCHEMA_VERSION:
        record = MIGRATIONS[version](kind, record, dataset_version)
        version += 1
    return record
