"""
What the record kinds share: the collections of claims (`CLAIMS`), the links
between claims, and the fields most kinds declare alike (each description
written once).
"""

from __future__ import annotations

from aiforecasts._model.declare import doc, ref

__all__ = [
    "ADDED_IN",
    "CHANGED_IN",
    "CLAIMS",
    "CLAIM_LINK",
    "CONTRADICTS",
    "EXTERNAL",
    "ID",
    "MENTIONS",
    "NOTE",
    "TOPICS",
]

CLAIMS = ("predictions", "funding_rounds", "compute_trends", "statistics")
"""The collections of claims: what the documents state, as opposed to entities
and debates (whose positions refer to the claims they state)."""
CLAIM_LINK = ref(
    *CLAIMS,
    mutual="kinds",
    doc="Ids of records of other kinds that state the same claim (each links back), so that "
    "a count over kinds counts the claim once; see `Dataset.claims`.",
)
CONTRADICTS = ref(
    *CLAIMS,
    mutual="documents",
    doc="Ids of records of other documents that say otherwise: the two cannot both be true "
    "as stated (each links back, and the note says how they differ); see "
    "`Dataset.contradictions`.",
)

# The descriptions of the fields most kinds share (see `doc`), each written once.
ID = doc(
    "The record's id: a lower-case slug (``nvidia-gpu-cloud-2024``), unique across all kinds "
    "and never reused."
)
MENTIONS = ref(
    "companies",
    "people",
    doc="Ids of other organisations and people its passage names in passing (neither its "
    "subjects nor its makers: a CEO named as context, an author quoted, an image credit).",
)
NOTE = doc(
    "A remark of the curators, in English: context, a judgement call, or what the document "
    "gets wrong (the record keeps it as stated); ``None`` if there is none."
)
EXTERNAL = doc(
    "Additions from outside the documents, each citing a public source (see `External`)."
)
ADDED_IN = doc("The dataset version the record first appeared in (``2026.1``).")
CHANGED_IN = doc("The dataset version the record last changed in.")
TOPICS = doc("What it is about (`Topic`); may be empty.")
