"""
Contested questions: a `Debate` and the positions taken on it (`Position`),
each quoting its own passage and linking to the claims it states.
"""

from __future__ import annotations

import attrs

from aiforecasts._model.checks import checked, nonblank, version
from aiforecasts._model.common import (
    ADDED_IN,
    CHANGED_IN,
    CLAIMS,
    EXTERNAL,
    ID,
    MENTIONS,
    NOTE,
    TOPICS,
)
from aiforecasts._model.declare import described, doc, ref
from aiforecasts._model.provenance import Excerpt, External
from aiforecasts._model.vocab import Stance, Topic

__all__ = ["Debate", "Position"]


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Position:
    """
    One speaker's position in a `Debate`.

    *speaker* is a `Person` id; a position held by a document's own voice or
    by an unnamed group has ``speaker=None`` and says who in *holder*.

    .. versionadded:: 0.1.0
    """

    stance: Stance = attrs.field(
        metadata=doc("Its answer to the debate's question: yes, no, mixed or uncertain (`Stance`).")
    )
    summary: str = attrs.field(validator=nonblank, metadata=doc("The position in English."))
    excerpt: Excerpt = attrs.field(metadata=doc("The passage that states it."))
    holder: str = attrs.field(
        validator=nonblank,
        metadata=doc(
            'Who holds it, in English ("Baidu\'s CEO Robin Li", "open-source advocates").'
        ),
    )
    speaker: str | None = attrs.field(
        default=None,
        metadata=ref(
            "people",
            doc="The id of the `Person` who holds it; ``None`` for the document's own voice or "
            "an unnamed group (*holder* says who).",
        ),
    )
    affiliation: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The speaker's affiliation as the document states it, as written "
            '("百度创始人"); ``None`` if it states none.'
        ),
    )
    organization: str | None = attrs.field(
        default=None,
        metadata=ref(
            "companies",
            doc="The id of the speaker's `Company` in that affiliation; ``None`` if none.",
        ),
    )
    claims: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            *CLAIMS,
            doc="Ids of the records (a prediction, a statistic …) that hold the claim this "
            "position states, where the dataset has one.",
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Debate:
    """
    A contested question and the positions taken on it.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
    question: str = attrs.field(
        validator=nonblank,
        metadata=doc("The question as written, or as the document frames it."),
    )
    question_en: str = attrs.field(validator=nonblank, metadata=doc("The question in English."))
    source: str = attrs.field(
        metadata=ref("sources", doc="The id of the `Source` the debate is drawn from.")
    )
    positions: tuple[Position, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("The positions taken on it (at least one)."),
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc(
            "The passages that frame the question (at least one); each position quotes its own."
        ),
    )
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=TOPICS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)
