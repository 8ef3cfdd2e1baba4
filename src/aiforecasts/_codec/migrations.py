"""
The versions of the record layout: `SCHEMA_VERSION`, the layout written, and
`MIGRATIONS`, which bring records of older layouts up to it (`migrate`); a
version that only adds a kind needs none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiforecasts._model.kinds import KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from aiforecasts._codec.reading import JSONObject

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate"]


def _v1_to_v2(kind: str, record: JSONObject, dataset_version: str) -> JSONObject:
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
    growth = record.get("growth")
    if kind == "compute_trends" and isinstance(growth, dict):
        growth = dict(growth)
        level = growth.get("level")
        if isinstance(level, dict) and "currency" in level:
            growth["money"] = growth.pop("level")
        record["growth"] = growth
    return record


def _v2_to_v3(_kind: str, record: JSONObject, _dataset_version: str) -> JSONObject:
    """
    Schema 3 adds ``repairs`` to sources (a schema-2 source declares none: its
    records' display texts are as they were written).
    """
    return record


def _v3_to_v4(_kind: str, record: JSONObject, _dataset_version: str) -> JSONObject:
    """
    Schema 4 adds ``same_claim`` to the claim kinds, ``condition``,
    ``equivalents`` and ``cited`` to compute trends, ``equivalents`` and
    ``cited`` to statistics, ``from_level``/``from_money`` and the kind
    ``change`` to growths, and the tombstones of retired ids (a schema-3 file
    has none): all empty in a schema-3 record.
    """
    return record


def _v4_to_v5(_kind: str, record: JSONObject, _dataset_version: str) -> JSONObject:
    """
    Schema 5 adds the resolutions (how predictions turned out, with evidence)
    and ``target`` to predictions: a schema-4 file has neither.
    """
    return record


def _v5_to_v6(_kind: str, record: JSONObject, _dataset_version: str) -> JSONObject:
    """
    Schema 6 adds to predictions their ``voice`` and ``criterion`` (or
    ``unsettleable``), to resolutions the judges' ``judgements`` and
    ``observed_basis``, to evidence its ``publisher_kind``, to targets their
    ``basis``, and the verdicts ``annulled`` and ``too_vague``.  A schema-5 file
    has none of them: its records are read without them (see
    `aiforecasts._model.checks.older_layout`), though schema 6 requires them.
    """
    return record


def _v6_to_v7(kind: str, record: JSONObject, _dataset_version: str) -> JSONObject:
    """
    Schema 7 holds every target of a prediction in ``targets`` (a schema-6
    ``target`` becomes the one item of ``targets``), and adds ``contradicts``
    to the claim kinds (empty in a schema-6 record).
    """
    if kind == "predictions" and "target" in record:
        record = dict(record)
        target = record.pop("target")
        record["targets"] = [] if target is None else [target]
    return record


MIGRATIONS: dict[int, Callable[[str, JSONObject, str], JSONObject]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
    5: _v5_to_v6,
    6: _v6_to_v7,
}
"""Schema version n → the function that brings a record from n to n + 1."""

SCHEMA_VERSION: int = max(max(MIGRATIONS) + 1, *(kind.since for kind in KINDS))
"""The version of the record layout this package reads and writes: one past the last
migration's, or the version that brought the newest kind (`Kind.since`), whichever is
higher.  A version that only adds a kind needs no migration: a file of an older layout has
no records of it."""


def migrate(kind: str, record: JSONObject, version: int, dataset_version: str) -> JSONObject:
    """*record* of *kind*, written with schema *version*, in the current layout."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)  # none for a version that only adds a kind
        if step is not None:
            record = step(kind, record, dataset_version)
        version += 1
    return record
