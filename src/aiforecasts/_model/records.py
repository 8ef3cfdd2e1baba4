"""
The record kinds: sources, organisations, people, and the claims the
documents make (predictions, funding, compute trends, debates, statistics).

Each is an immutable, slotted attrs class holding data and small derived
properties only.  Fields that hold ids of other records say so in their
metadata (`ref`), which drives the integrity check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

import attrs

from aiforecasts._model.growth import Growth
from aiforecasts._model.values import (
    Criterion,
    Evidence,
    Excerpt,
    External,
    FieldError,
    Judgement,
    Money,
    Quantity,
    Repair,
    Target,
    TimeSpan,
    checked,
    described,
    doc,
    figure_of,
    needed,
    nonblank,
    optional_nonblank,
    quote,
    ref,
    required,
    version,
)
from aiforecasts._model.vocab import (
    COUNTRIES,
    FundingKind,
    FundingStatus,
    Hedge,
    InvestorRole,
    Metric,
    OrgKind,
    Script,
    Stance,
    Topic,
    Verdict,
    Voice,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    import pendulum
else:
    from aiforecasts._model.lazy import pendulum  # imported on first use: only dates need it

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
_ID = doc(
    "The record's id: a lower-case slug (``nvidia-gpu-cloud-2024``), unique across all kinds "
    "and never reused."
)
_MENTIONS = ref(
    "companies",
    "people",
    doc="Ids of other organisations and people its passage names in passing (neither its "
    "subjects nor its makers: a CEO named as context, an author quoted, an image credit).",
)
_NOTE = doc(
    "A remark of the curators, in English: context, a judgement call, or what the document "
    "gets wrong (the record keeps it as stated); ``None`` if there is none."
)
_EXTERNAL = doc(
    "Additions from outside the documents, each citing a public source (see `External`)."
)
_ADDED_IN = doc("The dataset version the record first appeared in (``2026.1``).")
_CHANGED_IN = doc("The dataset version the record last changed in.")
_TOPICS = doc("What it is about (`Topic`); may be empty.")

__all__ = [
    "CLAIMS",
    "Claim",
    "Company",
    "ComputeTrend",
    "Debate",
    "FundingRound",
    "Investment",
    "Person",
    "Position",
    "Prediction",
    "Record",
    "Resolution",
    "Role",
    "Source",
    "Statistic",
    "Tombstone",
]


def _file_name(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A bare file name: a document is looked up in one folder, never elsewhere."""
    if not value or value in {".", ".."} or any(c in value for c in "/\\\x00"):
        msg = f"{attribute.name} must be a bare file name, not {quote(value)}"
        raise ValueError(msg)


def _country(_inst: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in COUNTRIES:
        msg = (
            f"{attribute.name} must be an ISO 3166-1 alpha-2 code such as 'US', not {quote(value)}"
        )
        raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Source:
    """
    One source document.

    *sha256* is the hex digest of the file's bytes, artefacts included; a
    user can check it with `verify_sources`.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    file: str = attrs.field(
        validator=_file_name,
        metadata=doc(
            "The document's file name in the folder of documents (a bare name, no folders)."
        ),
    )
    sha256: str = attrs.field(
        validator=attrs.validators.matches_re(r"[0-9a-f]{64}"),
        metadata=doc(
            "The SHA-256 of the document file's bytes, artefacts included, in 64 lower-case "
            "hex digits; `verify_sources` checks it."
        ),
    )
    title: str = attrs.field(validator=nonblank, metadata=doc("The title as written."))
    title_en: str = attrs.field(
        validator=nonblank,
        metadata=doc("The title in English (a description, where the document has no headline)."),
    )
    script: Script = attrs.field(
        metadata=doc(
            "The script the document is written in: simplified or traditional Chinese, or "
            "English (`Script`)."
        )
    )
    published: TimeSpan = attrs.field(
        metadata=doc(
            "When the document was published; inferred, with the reason, where it carries no date."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Where the title, date and byline stand in the document (at least one)."),
    )
    outlet: str | None = attrs.field(
        default=None,
        metadata=ref(
            "companies", doc="The id of the publishing `Company` (a media outlet), if known."
        ),
    )
    author: str | None = attrs.field(
        default=None,
        metadata=ref(
            "people", doc="The id of the author's `Person`, where the document names one."
        ),
    )
    url: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The web address the document was published (or reposted) at, where known; "
            "else ``None``."
        ),
    )
    translation_of: str | None = attrs.field(
        default=None,
        metadata=doc(
            "What the document translates, in English, when it is a translation; else ``None``."
        ),
    )
    repairs: tuple[Repair, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Damaged fragments of the document and what they stand for; `clean_text` applies "
            "them to the excerpts' display text."
        ),
    )
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)


# --------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Company:
    """
    A company or other organisation: lab, investor, university, government
    body, court, media outlet.

    *aliases* holds every spelling the documents use (and common English
    ones), in any script; *parent* links a brand or unit to its owner
    (Google → Alphabet).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    name: str = attrs.field(validator=nonblank, metadata=doc("The canonical English name."))
    kind: OrgKind = attrs.field(
        metadata=doc(
            "What kind of organisation it is: company, startup, lab, investor, university, "
            "government body, court, media … (`OrgKind`)."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Passages of the documents that name it (at least one)."),
    )
    name_hans: str | None = attrs.field(
        default=None,
        metadata=doc("Its Chinese name in simplified characters (英伟达), if it has one."),
    )
    name_hant: str | None = attrs.field(
        default=None,
        metadata=doc("Its Chinese name in traditional characters (英偉達), if it has one."),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Its other names and spellings, in any script: those the documents use, and "
            "common English ones."
        ),
    )
    country: str | None = attrs.field(
        default=None,
        validator=_country,
        metadata=doc(
            "The country it is based in, as an ISO 3166-1 alpha-2 code (``US``); ``None`` "
            "where none applies or it is not known."
        ),
    )
    parent: str | None = attrs.field(
        default=None, metadata=ref("companies", doc="The id of the owning `Company`.")
    )
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the organisation (canonical, Chinese and aliases)."""
        return _names(self.name, self.name_hans, self.name_hant, self.aliases)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Role:
    """
    A role a document gives a person: title and organisation.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(
        validator=nonblank,
        metadata=doc('The title in English ("CEO", "Stanford researcher").'),
    )
    source: str = attrs.field(
        metadata=ref("sources", doc="The id of the `Source` that states the role.")
    )
    title_original: str | None = attrs.field(
        default=None,
        metadata=doc(
            'The title as written ("首席执行官"); ``None`` where the document gives no title '
            "as such."
        ),
    )
    organization: str | None = attrs.field(
        default=None,
        metadata=ref(
            "companies", doc="The id of the `Company` the role is at; ``None`` if at none."
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Person:
    """
    A person the documents name.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    name: str = attrs.field(
        validator=nonblank,
        metadata=doc("The name as written in the first document that names the person."),
    )
    name_en: str = attrs.field(
        validator=nonblank,
        metadata=doc("The name romanised, in English order (``Robin Li`` for 李彦宏)."),
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Passages of the documents that name the person (at least one)."),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Other names and spellings the documents use or readers know: the surname alone, "
            "other scripts, titles (``Altman``, ``奧特曼``)."
        ),
    )
    roles: tuple[Role, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The roles the documents give the person (a title, and the organisation where "
            "there is one), each with the source that states it."
        ),
    )
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the person (as written, English and aliases)."""
        return _names(self.name, self.name_en, None, self.aliases)


def _names(*parts: str | Iterable[str] | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in parts:
        if part is None:
            continue
        for name in (part,) if isinstance(part, str) else part:
            seen.setdefault(name, None)
    return tuple(seen)


# --------------------------------------------------------------------------
# Claims
# --------------------------------------------------------------------------


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Prediction:
    """
    A forecast a document makes or reports.

    *voice* says whose forecast it is: the document's own (*made_by* and
    *attributed_to* empty: the source's author is the forecaster), quoted from
    a named person or organisation (*made_by*), reported without being owned
    (a fear, rumour, pledge), or rejected by the document.  *horizon* is the
    time the forecast is about, ``None`` when the document gives none.
    *criterion* says what would settle it, written before it was judged; a
    forecast no observation could settle has *unsettleable* instead.

    >>> import aiforecasts
    >>> p = aiforecasts.load().predictions.get("newell-simon-1958-chess-champion")
    >>> p.voice.value, p.made_by
    ('quoted', ('allen-newell', 'herbert-simon'))

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    statement: str = attrs.field(validator=nonblank, metadata=doc("The forecast in English."))
    source: str = attrs.field(
        metadata=ref("sources", doc="The id of the `Source` that makes or reports it.")
    )
    made: TimeSpan = attrs.field(metadata=doc("When the forecast was made."))
    horizon: TimeSpan | None = attrs.field(
        metadata=doc(
            "The time the forecast is about; ``None`` when the document gives none "
            '("in the long run", "will reach the Supreme Court").'
        )
    )
    hedge: Hedge = attrs.field(
        metadata=doc(
            "How firmly it is put: certain, likely, possible, or conditional on *condition* "
            "(`Hedge`)."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("The passages that state it (at least one)."),
    )
    made_by: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "people",
            "companies",
            doc="Ids of the people (`Person`) and organisations (`Company`) who made it; empty "
            "for an unnamed group (*attributed_to*) or the document's own voice.",
        ),
    )
    attributed_to: str | None = attrs.field(
        default=None,
        metadata=doc(
            'Who made it, in English, when that is an unnamed group ("analysts", '
            '"open-source advocates"); ``None`` when *made_by* names them, or (with *made_by* '
            "empty) for the document's own voice."
        ),
    )
    companies: tuple[str, ...] = attrs.field(
        default=(), metadata=ref("companies", doc="Ids of the `Company` records it is about.")
    )
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=_TOPICS)
    condition: str | None = attrs.field(
        default=None,
        metadata=doc(
            "What it depends on, in English, when *hedge* is `Hedge.CONDITIONAL`; else ``None``."
        ),
    )
    number: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [attrs.validators.ge(1), attrs.validators.le(1_000_000)]
        ),
        metadata=doc("Its number in the document's numbered list, if any (1 or more)."),
    )
    parent: str | None = attrs.field(
        default=None,
        metadata=ref(
            "predictions",
            doc="The id of the prediction this is a concrete sub-claim of; ``None`` for one "
            "that is not.",
        ),
    )
    targets: tuple[Target, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The measurable figures it states, in a form a program can check: one per figure "
            'to be met ("over 200,000 chips and over 75 EFLOPS in 2024" is two); empty where '
            "it states none."
        ),
    )
    voice: Voice | None = attrs.field(
        default=None,
        validator=required,
        metadata=needed(
            doc(
                "Whose forecast it is: the document's own, quoted from *made_by*, reported "
                "without being owned, or rejected by the document (`Voice`). Required; "
                "``None`` only in files of schema 5 or older."
            )
        ),
    )
    unsettleable: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "Why no observation could settle it, in English, for a forecast too vague to "
            "judge (then it has no *criterion*, and is scored nowhere); else ``None``."
        ),
    )
    criterion: Criterion | None = attrs.field(
        default=None,
        metadata=doc(
            "What would settle it, written from its statement, condition and horizon before "
            "it was judged (`Criterion`); ``None`` only when it is *unsettleable* (or in files "
            "of schema 5 or older)."
        ),
    )
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    contradicts: tuple[str, ...] = attrs.field(default=(), metadata=CONTRADICTS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)

    @property
    def target(self) -> Target | None:
        """
        Its first target (most forecasts state one), or ``None`` if it states none;
        see *targets* for all of them.

        >>> import aiforecasts
        >>> p = aiforecasts.load().predictions.get("guizhou-2024-compute-targets")
        >>> [str(t.figure) for t in p.targets]
        ['over 200,000 chips', 'over 75 EFLOPS']
        >>> p.target is p.targets[0]
        True

        Schema 7 holds every target in *targets*; this is the first.
        """
        return self.targets[0] if self.targets else None

    @voice.validator
    def _voice_fits(self, attribute: attrs.Attribute[Voice | None], voice: Voice | None) -> None:
        if voice is Voice.OWN and (self.made_by or self.attributed_to is not None):
            msg = "the document's own voice names no maker (made_by and attributed_to are empty)"
            raise FieldError(attribute.name, msg)
        if voice is Voice.QUOTED and not self.made_by:
            msg = "a quoted forecast names who made it in made_by"
            raise FieldError(attribute.name, msg)

    @criterion.validator
    def _criterion_fits(
        self, attribute: attrs.Attribute[Criterion | None], criterion: Criterion | None
    ) -> None:
        if criterion is not None and self.unsettleable is not None:
            msg = "a prediction has a criterion or is unsettleable, not both"
            raise FieldError(attribute.name, msg)
        if (criterion is not None or self.unsettleable is not None) and self.voice is None:
            msg = "voice is required with a criterion (or a reason it cannot be settled)"
            raise FieldError("voice", msg)
        if criterion is None and self.unsettleable is None:
            required(self, attribute, None)
        if (
            criterion is not None
            and criterion.condition is None
            and self.hedge is Hedge.CONDITIONAL
        ):
            msg = "the criterion of a conditional forecast states the condition to check first"
            raise FieldError(attribute.name, msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Investment:
    """
    One investor in a `FundingRound`.

    .. versionadded:: 0.1.0
    """

    investor: str = attrs.field(
        metadata=ref("companies", "people", doc="The id of the investing `Company` (or `Person`).")
    )
    role: InvestorRole = attrs.field(
        default=InvestorRole.UNSPECIFIED,
        metadata=doc(
            "Its part in the round: lead, participant, sole investor, or unspecified "
            "(`InvestorRole`)."
        ),
    )
    amount: Money | None = attrs.field(
        default=None,
        metadata=doc(
            "This investor's share, when stated apart from the round's amount; else ``None``."
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class FundingRound:
    """
    A funding round or investment, with or without an amount.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    company: str = attrs.field(
        metadata=ref("companies", doc="The id of the `Company` that raised (or sought) the money.")
    )
    statement: str = attrs.field(
        validator=nonblank, metadata=doc("What the document says, in English.")
    )
    kind: FundingKind = attrs.field(
        metadata=doc(
            "What the record counts: a round, one investor's investment, or a total to date "
            "(which restates money other records may count; see `FundingKind`)."
        )
    )
    status: FundingStatus = attrs.field(
        metadata=doc(
            "What became of it, as the document tells it: closed, announced, attempted, "
            "failed, or only reported (`FundingStatus`)."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("The passages that state it (at least one)."),
    )
    investors: tuple[Investment, ...] = attrs.field(
        default=(),
        metadata=doc("The investors the document names, each with its part in the round."),
    )
    amount: Money | None = attrs.field(
        default=None,
        metadata=doc("The amount raised, sought or invested, where stated; else ``None``."),
    )
    valuation: Money | None = attrs.field(
        default=None,
        metadata=doc(
            "The company's valuation in the round (reached or sought), where stated; else ``None``."
        ),
    )
    date: TimeSpan | None = attrs.field(
        default=None,
        metadata=doc("When it happened or was announced, where the document says; else ``None``."),
    )
    round_name: str | None = attrs.field(
        default=None, metadata=doc('"Series A" and the like, where stated; else ``None``.')
    )
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    contradicts: tuple[str, ...] = attrs.field(default=(), metadata=CONTRADICTS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class ComputeTrend:
    """
    A growth-rate, capacity or cost-trend claim about compute.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    statement: str = attrs.field(validator=nonblank, metadata=doc("The claim in English."))
    metric: Metric = attrs.field(
        metadata=doc(
            "What is measured: training compute, compute cost, installed capacity, token "
            "price … (`Metric`)."
        )
    )
    growth: Growth = attrs.field(
        metadata=doc(
            "The trend as stated: a doubling time, a factor over a period, a CAGR, a level, "
            "or a change between two levels."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("The passages that state it (at least one)."),
    )
    period: TimeSpan | None = attrs.field(
        default=None,
        metadata=doc(
            "The period the trend covers or targets; ``None`` when the document gives none."
        ),
    )
    claimed_by: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "people",
            "companies",
            doc="Ids of the people (`Person`) and organisations (`Company`) who make the "
            "claim; empty when the document names no one.",
        ),
    )
    cites: str | None = attrs.field(
        default=None,
        metadata=doc(
            'What the claim cites, as the document gives it ("Sevilla et al. 2022"); '
            "``None`` if nothing."
        ),
    )
    companies: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref("companies", doc="Ids of the `Company` records the claim is about."),
    )
    condition: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The premise the claim rests on, in English, when the document states one "
            '("if model compute grows tenfold a year"); the claim is then a hypothetical, '
            "not a measurement.  ``None`` otherwise."
        ),
    )
    equivalents: tuple[Growth, ...] = attrs.field(
        default=(),
        metadata=doc(
            'The same trend stated in other forms in the same passage ("doubling every 3–4 '
            'months" beside "nearly 10x a year"); not separate claims.'
        ),
    )
    cited: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "companies",
            "people",
            doc="Ids of the organisations or people *cites* names as the origin of the claim.",
        ),
    )
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    contradicts: tuple[str, ...] = attrs.field(default=(), metadata=CONTRADICTS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)


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

    id: str = attrs.field(metadata=_ID)
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
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=_TOPICS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Statistic:
    """
    A quantitative statement that is none of the other kinds: a price, a
    market value, a share, a cost.  Exactly one of *value* and *money* is set.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    statement: str = attrs.field(
        validator=nonblank, metadata=doc("What the document states, in English.")
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("The passages that state it (at least one)."),
    )
    value: Quantity | None = attrs.field(
        default=None,
        metadata=doc("The figure, when it is not money (else ``None``, and *money* holds it)."),
    )
    money: Money | None = attrs.field(
        default=None,
        metadata=doc("The figure, when it is an amount of money (else ``None``)."),
    )
    date: TimeSpan | None = attrs.field(
        default=None,
        metadata=doc("The time the figure refers to, where the document gives one; else ``None``."),
    )
    companies: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref("companies", doc="Ids of the `Company` records the figure is about."),
    )
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=_TOPICS)
    cites: str | None = attrs.field(
        default=None,
        metadata=doc(
            'What the figure cites, as the document gives it ("unnamed reports (据报道)", '
            '"International Energy Agency (國際能源署)"); ``None`` if nothing.'
        ),
    )
    equivalents: tuple[Quantity, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The same figure in other units the passage gives (liters beside gallons); not "
            "separate claims."
        ),
    )
    cited: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "companies",
            "people",
            doc="Ids of the organisations or people *cites* names as the origin of the figure.",
        ),
    )
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    contradicts: tuple[str, ...] = attrs.field(default=(), metadata=CONTRADICTS)
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=_MENTIONS)
    note: str | None = attrs.field(default=None, metadata=_NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=_EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=_CHANGED_IN)

    def __attrs_post_init__(self) -> None:
        figure_of(self.value, self.money, "statistic")

    @property
    def figure(self) -> Quantity | Money:
        """The figure, whichever kind it is."""
        return figure_of(self.value, self.money, "statistic")


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Resolution:
    """
    How a prediction turned out, as judged on *as_of*: a verdict, the reasons
    and the public pages that show it.  Outcomes come from outside the
    documents, so a resolution cites web pages (`Evidence`), never excerpts;
    it is kept apart from what the documents say.

    Two judges decided each verdict blind to each other (*judgements*, ``a``
    and ``b``); where they disagreed, a third reader (``c``) settled it.  A
    verdict that settles the prediction (came true, partly, did not) or
    annuls it cites at least one evidence item; "partly" says which parts held.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> all(r.evidence for r in ds.resolutions if r.verdict.is_resolved)
    True
    >>> all(len(r.judgements) >= 2 for r in ds.resolutions)
    True

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=_ID)
    prediction: str = attrs.field(
        metadata=ref("predictions", doc="The id of the `Prediction` it judges.")
    )
    verdict: Verdict = attrs.field(
        metadata=doc(
            "How the prediction turned out: came true, partly, did not, not yet due, or "
            "cannot tell (`Verdict`)."
        )
    )
    as_of: pendulum.Date = attrs.field(metadata=doc("The date of judgement (what was known then)."))
    rationale: str = attrs.field(
        validator=nonblank,
        metadata=doc("Why this verdict, in English — what happened, per the evidence."),
    )
    evidence: tuple[Evidence, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The public web pages that show the outcome; at least one for a verdict that "
            "settles the prediction."
        ),
    )
    decided: TimeSpan | None = attrs.field(
        default=None,
        metadata=doc(
            "When the deciding event happened, where there is one (not after *as_of*); "
            "else ``None``."
        ),
    )
    parts_held: str | None = attrs.field(
        default=None,
        metadata=doc("For `Verdict.PARTLY` (and only then): which parts held and which did not."),
    )
    observed: Quantity | None = attrs.field(
        default=None,
        metadata=doc(
            "The figure observed, where the prediction has a `Target` in a unit and one was "
            "found; else ``None``."
        ),
    )
    observed_money: Money | None = attrs.field(
        default=None,
        metadata=doc(
            "The amount observed, where the prediction's `Target` is money and one was "
            "found; else ``None``."
        ),
    )
    observed_basis: str | None = attrs.field(
        default=None,
        validator=optional_nonblank,
        metadata=doc(
            "How the observed figure is measured, where the prediction's `Target` names a "
            "basis (it must be the same: figures on other bases are not compared); else "
            "``None``."
        ),
    )
    judgements: tuple[Judgement, ...] = attrs.field(
        default=(),
        metadata=needed(
            doc(
                "The judges' verdicts: the two blind judgements (``a``, ``b``), then, where "
                "they disagree, the third reading that settled it (``c``). Required; empty "
                "only in files of schema 5 or older."
            ),
            minItems=2,
            maxItems=3,
        ),
    )
    note: str | None = attrs.field(
        default=None,
        metadata=doc(
            "A remark on the judgement, in English (such as a verdict resting only on "
            "aggregators); ``None`` if there is none."
        ),
    )
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=_ADDED_IN)
    changed_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc(
            "The dataset version the record last changed in (a verdict that changes changes it)."
        ),
    )

    @judgements.validator
    def _judged_twice(
        self, attribute: attrs.Attribute[tuple[Judgement, ...]], judgements: Sequence[Judgement]
    ) -> None:
        if not judgements:
            required(self, attribute, None)
            return
        if len(judgements) not in (2, 3):
            msg = (
                "a verdict needs two blind judgements (and a third reading only where they "
                f"disagree), not {len(judgements)}"
            )
            raise FieldError(attribute.name, msg)
        judges = [j.judge for j in judgements]
        if judges != ["a", "b", "c"][: len(judges)]:
            msg = (
                "the blind judgements are a's and b's, in that order, and a third reading "
                f"is c's, not {judges}"
            )
            raise FieldError(attribute.name, msg)
        first, second = judgements[0].verdict, judgements[1].verdict
        if len(judgements) == 2 and not (first is second and second is self.verdict):
            msg = (
                f"the judges found {first.value} and {second.value}, the verdict is "
                f"{self.verdict.value}: a verdict is what both judges found, or a third "
                "reading settles it"
            )
            raise FieldError(attribute.name, msg)
        if len(judgements) == 3:
            if first is second:
                msg = "a third reading is given only where the two judges disagree"
                raise FieldError(attribute.name, msg)
            if judgements[2].verdict is not self.verdict:
                msg = (
                    f"the third reading found {judgements[2].verdict.value}, the verdict is "
                    f"{self.verdict.value}"
                )
                raise FieldError(attribute.name, msg)
        for judgement in judgements:
            if any(i >= len(self.evidence) for i in judgement.cites):
                msg = (
                    f"judge {judgement.judge} cites evidence {judgement.cites}, but there are "
                    f"{len(self.evidence)} items"
                )
                raise FieldError(attribute.name, msg)

    def __attrs_post_init__(self) -> None:
        if self.verdict.needs_evidence and not self.evidence:
            msg = f"a '{self.verdict.value}' verdict needs at least one evidence item"
            raise ValueError(msg)
        if (self.verdict is Verdict.PARTLY) != (self.parts_held is not None):
            msg = "parts_held is given with a 'partly' verdict, and only then"
            raise ValueError(msg)
        if self.observed is not None and self.observed_money is not None:
            msg = "a resolution observes a quantity or an amount of money, not both"
            raise ValueError(msg)
        if self.decided is not None and self.decided.start > self.as_of:
            msg = f"decided ({self.decided.start}) is after the date of judgement ({self.as_of})"
            raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Tombstone:
    """
    An id no longer in use: a record removed from the dataset, or merged
    into another, and what it became.  Ids are never reused, so an old id
    stays answerable: looking it up says where it went.

    *added_in* is the dataset version the id was retired in; *became* names
    the records that now hold its claim (empty when it was dropped).

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> all(ds.get(t.id) is None for t in ds.tombstones)
    True

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=doc("The retired id (no record has it now)."))
    kind: str = attrs.field(
        validator=nonblank,
        metadata=doc("The collection the record was in (``predictions``)."),
    )
    reason: str = attrs.field(validator=nonblank, metadata=doc("Why it was retired, in English."))
    became: tuple[str, ...] = attrs.field(
        default=(),
        metadata=ref(
            "companies",
            "people",
            *CLAIMS,
            "debates",
            doc="Ids of the records that now hold its claim (empty when it was dropped).",
        ),
    )
    added_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc("The dataset version the id was retired in."),
    )
    changed_in: str = attrs.field(
        kw_only=True,
        validator=version,
        metadata=doc("The dataset version the tombstone last changed in."),
    )

    @property
    def retired_in(self) -> str:
        """The dataset version the id was retired in (its *added_in*)."""
        return self.added_in

    def __str__(self) -> str:
        became = ", ".join(repr(i) for i in self.became)
        what = f"became {became}" if self.became else "was removed"
        return f"{self.id!r} {what} in dataset version {self.added_in}: {self.reason}"


Record: TypeAlias = (
    Source
    | Company
    | Person
    | Prediction
    | FundingRound
    | ComputeTrend
    | Debate
    | Statistic
    | Resolution
    | Tombstone
)
"""Any record kind."""

Claim: TypeAlias = Prediction | FundingRound | ComputeTrend | Statistic
"""A record of a claim kind (see `CLAIMS`): what a document states, as opposed to entities,
debates, resolutions and tombstones."""
