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
import pendulum

from aiforecasts._growth import Growth
from aiforecasts._values import (
    Evidence,
    Excerpt,
    External,
    Money,
    Quantity,
    Repair,
    Target,
    TimeSpan,
    figure_of,
    nonblank,
    quote,
    ref,
    version,
)
from aiforecasts._vocab import (
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
)

if TYPE_CHECKING:
    from collections.abc import Iterable

CLAIMS = ("predictions", "funding_rounds", "compute_trends", "statistics")
"""The collections of claims: what the documents state, as opposed to entities
and debates (whose positions refer to the claims they state)."""
CLAIM_LINK = ref(*CLAIMS, mutual=True)

__all__ = [
    "CLAIMS",
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


@attrs.frozen
class Source:
    """
    One source document.

    *sha256* is the hex digest of the file's bytes, artefacts included; a
    user can check it with `verify_sources`.

    .. versionadded:: 0.1.0
    """

    id: str
    file: str = attrs.field(validator=_file_name)
    """The document's file name in the folder of documents (a bare name, no folders)."""
    sha256: str = attrs.field(validator=attrs.validators.matches_re(r"[0-9a-f]{64}"))
    title: str = attrs.field(validator=nonblank)
    """The title as written."""
    title_en: str = attrs.field(validator=nonblank)
    script: Script
    published: TimeSpan
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    """Where the title, date and byline stand in the document."""
    outlet: str | None = attrs.field(default=None, metadata=ref("companies"))
    """The id of the publishing `Company` (a media outlet), if known."""
    author: str | None = attrs.field(default=None, metadata=ref("people"))
    """The id of the author's `Person`, where the document names one."""
    url: str | None = None
    translation_of: str | None = None
    """What the document translates, in English, when it is a translation."""
    repairs: tuple[Repair, ...] = ()
    """Damaged fragments of the document and what they stand for; `clean_text`
    applies them to the excerpts' display text."""
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""


# --------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------


@attrs.frozen
class Company:
    """
    A company or other organisation: lab, investor, university, government
    body, court, media outlet.

    *aliases* holds every spelling the documents use (and common English
    ones), in any script; *parent* links a brand or unit to its owner
    (Google → Alphabet).

    .. versionadded:: 0.1.0
    """

    id: str
    name: str = attrs.field(validator=nonblank)
    """The canonical English name."""
    kind: OrgKind
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    name_hans: str | None = None
    name_hant: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = attrs.field(default=None, validator=_country)
    """ISO 3166-1 alpha-2 code."""
    parent: str | None = attrs.field(default=None, metadata=ref("companies"))
    """The id of the owning `Company`."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the organisation (canonical, Chinese and aliases)."""
        return _names(self.name, self.name_hans, self.name_hant, self.aliases)


@attrs.frozen
class Role:
    """
    A role a document gives a person: title and organisation.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(validator=nonblank)
    """The title in English ("CEO", "Stanford researcher")."""
    source: str = attrs.field(metadata=ref("sources"))
    """The id of the `Source` that states the role."""
    title_original: str | None = None
    """The title as written ("首席执行官")."""
    organization: str | None = attrs.field(default=None, metadata=ref("companies"))
    """The id of the `Company`, if the role is at one."""


@attrs.frozen
class Person:
    """
    A person the documents name.

    .. versionadded:: 0.1.0
    """

    id: str
    name: str = attrs.field(validator=nonblank)
    """The name as written in the first document that names the person."""
    name_en: str = attrs.field(validator=nonblank)
    """The name romanised / in English order."""
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""

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


@attrs.frozen
class Prediction:
    """
    A forecast a document makes or reports.

    *made_by* names the people or organisations who made it, *attributed_to*
    an unnamed group; when the document's own voice makes it, both are empty
    and *source* (the `Source`) is the predictor.
    *horizon* is the time the forecast is about, ``None`` when the document
    gives none.

    .. versionadded:: 0.1.0
    """

    id: str
    statement: str = attrs.field(validator=nonblank)
    """The forecast in English."""
    source: str = attrs.field(metadata=ref("sources"))
    made: TimeSpan
    """When the forecast was made."""
    horizon: TimeSpan | None
    """The time the forecast is about; ``None`` when the document gives none
    ("in the long run", "will reach the Supreme Court")."""
    hedge: Hedge
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    made_by: tuple[str, ...] = attrs.field(default=(), metadata=ref("people", "companies"))
    """Ids of the `Person`\\ s or `Company` records who made it."""
    attributed_to: str | None = None
    """Who made it, in English, when that is an unnamed group ("analysts",
    "open-source advocates"); empty with *made_by* for the document's own voice."""
    companies: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies"))
    """Ids of the `Company` records it is about."""
    topics: frozenset[Topic] = frozenset()
    condition: str | None = None
    """In English, when *hedge* is `Hedge.CONDITIONAL`."""
    number: int | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(
            [attrs.validators.ge(1), attrs.validators.le(1_000_000)]
        ),
    )
    """Its number in the document's numbered list, if any (1 or more)."""
    parent: str | None = attrs.field(default=None, metadata=ref("predictions"))
    """The id of the prediction this is a concrete sub-claim of."""
    target: Target | None = None
    """The measurable figure it states, in a form a program can check, where
    it states one ("over 360 EFLOPS by 2026")."""
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    """Ids of records of other kinds that state the same claim (each links
    back), so that a count over kinds counts the claim once; see
    `Dataset.claims`."""
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""


@attrs.frozen
class Investment:
    """
    One investor in a `FundingRound`.

    .. versionadded:: 0.1.0
    """

    investor: str = attrs.field(metadata=ref("companies", "people"))
    """The id of a `Company` (or `Person`)."""
    role: InvestorRole = InvestorRole.UNSPECIFIED
    amount: Money | None = None
    """This investor's share, when stated apart from the round's amount."""


@attrs.frozen
class FundingRound:
    """
    A funding round or investment, with or without an amount.

    .. versionadded:: 0.1.0
    """

    id: str
    company: str = attrs.field(metadata=ref("companies"))
    """The id of the `Company` that raised (or sought) the money."""
    statement: str = attrs.field(validator=nonblank)
    """What the document says, in English."""
    kind: FundingKind
    status: FundingStatus
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    investors: tuple[Investment, ...] = ()
    amount: Money | None = None
    valuation: Money | None = None
    date: TimeSpan | None = None
    round_name: str | None = None
    """"Series A" and the like, where stated."""
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    """Ids of records of other kinds that state the same claim (each links
    back), so that a count over kinds counts the claim once; see
    `Dataset.claims`."""
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""


@attrs.frozen
class ComputeTrend:
    """
    A growth-rate, capacity or cost-trend claim about compute.

    .. versionadded:: 0.1.0
    """

    id: str
    statement: str = attrs.field(validator=nonblank)
    metric: Metric
    growth: Growth
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    period: TimeSpan | None = None
    """The period the trend covers or targets."""
    claimed_by: tuple[str, ...] = attrs.field(default=(), metadata=ref("people", "companies"))
    """Ids of the `Person`\\ s or `Company` records who make the claim."""
    cites: str | None = None
    """What the claim cites, as the document gives it ("Sevilla et al. 2022")."""
    companies: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies"))
    condition: str | None = None
    """The premise the claim rests on, in English, when the document states
    one ("if model compute grows tenfold a year"); the claim is then a
    hypothetical, not a measurement."""
    equivalents: tuple[Growth, ...] = ()
    """The same trend stated in other forms in the same passage ("doubling
    every 3–4 months" beside "nearly 10x a year"); not separate claims."""
    cited: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of the organisations or people *cites* names as the origin of the claim."""
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    """Ids of records of other kinds that state the same claim (each links
    back), so that a count over kinds counts the claim once; see
    `Dataset.claims`."""
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""


@attrs.frozen
class Position:
    """
    One speaker's position in a `Debate`.

    *speaker* is a `Person` id; a position held by a document's own voice or
    by an unnamed group has ``speaker=None`` and says who in *holder*.

    .. versionadded:: 0.1.0
    """

    stance: Stance
    summary: str = attrs.field(validator=nonblank)
    """The position in English."""
    excerpt: Excerpt
    holder: str = attrs.field(validator=nonblank)
    """Who holds it, in English ("Baidu's CEO Robin Li", "open-source advocates")."""
    speaker: str | None = attrs.field(default=None, metadata=ref("people"))
    affiliation: str | None = None
    """The affiliation as the document states it, as written."""
    organization: str | None = attrs.field(default=None, metadata=ref("companies"))
    """The id of the speaker's `Company` in that affiliation."""
    claims: tuple[str, ...] = attrs.field(default=(), metadata=ref(*CLAIMS))
    """Ids of the records (a prediction, a statistic …) that hold the claim
    this position states, where the dataset has one."""


@attrs.frozen
class Debate:
    """
    A contested question and the positions taken on it.

    .. versionadded:: 0.1.0
    """

    id: str
    question: str = attrs.field(validator=nonblank)
    """The question as written, or as the document frames it."""
    question_en: str = attrs.field(validator=nonblank)
    source: str = attrs.field(metadata=ref("sources"))
    positions: tuple[Position, ...] = attrs.field(validator=attrs.validators.min_len(1))
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    topics: frozenset[Topic] = frozenset()
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""


@attrs.frozen
class Statistic:
    """
    A quantitative statement that is none of the other kinds: a price, a
    market value, a share, a cost.  Exactly one of *value* and *money* is set.

    .. versionadded:: 0.1.0
    """

    id: str
    statement: str = attrs.field(validator=nonblank)
    excerpts: tuple[Excerpt, ...] = attrs.field(validator=attrs.validators.min_len(1))
    value: Quantity | None = None
    """The figure, when it is not money; else *money*."""
    money: Money | None = None
    """The figure, when it is an amount of money."""
    date: TimeSpan | None = None
    companies: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies"))
    topics: frozenset[Topic] = frozenset()
    cites: str | None = None
    equivalents: tuple[Quantity, ...] = ()
    """The same figure in other units the passage gives (liters beside
    gallons); not separate claims."""
    cited: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of the organisations or people *cites* names as the origin of the figure."""
    same_claim: tuple[str, ...] = attrs.field(default=(), metadata=CLAIM_LINK)
    """Ids of records of other kinds that state the same claim (each links
    back), so that a count over kinds counts the claim once; see
    `Dataset.claims`."""
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=ref("companies", "people"))
    """Ids of other organisations and people its passage names in passing
    (neither its subjects nor its makers: a CEO named as context, an author
    quoted, an image credit)."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in."""

    def __attrs_post_init__(self) -> None:
        figure_of(self.value, self.money, "statistic")

    @property
    def figure(self) -> Quantity | Money:
        """The figure, whichever kind it is."""
        return figure_of(self.value, self.money, "statistic")


@attrs.frozen
class Resolution:
    """
    How a prediction turned out, as judged on *as_of*: a verdict, the reasons
    and the public pages that show it.  Outcomes come from outside the
    documents, so a resolution cites web pages (`Evidence`), never excerpts;
    it is kept apart from what the documents say.

    A verdict that settles the prediction (came true, partly, did not) has
    at least one evidence item; "partly" says which parts held.

    >>> import aiforecasts
    >>> ds = aiforecasts.load()
    >>> all(r.evidence for r in ds.resolutions if r.verdict.is_resolved)
    True

    .. versionadded:: 0.1.0
    """

    id: str
    prediction: str = attrs.field(metadata=ref("predictions"))
    """The id of the `Prediction` it judges."""
    verdict: Verdict
    as_of: pendulum.Date
    """The date of judgement (what was known then)."""
    rationale: str = attrs.field(validator=nonblank)
    """Why this verdict, in English — what happened, per the evidence."""
    evidence: tuple[Evidence, ...] = ()
    decided: TimeSpan | None = None
    """When the deciding event happened, where there is one."""
    parts_held: str | None = None
    """For `Verdict.PARTLY`: which parts held and which did not."""
    observed: Quantity | None = None
    """The figure observed, where the prediction has a `Target` in a unit."""
    observed_money: Money | None = None
    """The amount observed, where the prediction's `Target` is money."""
    note: str | None = None
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the record last changed in (a verdict that changes
    changes it)."""

    def __attrs_post_init__(self) -> None:
        if self.verdict.is_resolved and not self.evidence:
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


@attrs.frozen
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

    id: str
    kind: str = attrs.field(validator=nonblank)
    """The collection the record was in (``predictions``)."""
    reason: str = attrs.field(validator=nonblank)
    """Why it was retired, in English."""
    became: tuple[str, ...] = attrs.field(
        default=(), metadata=ref("companies", "people", *CLAIMS, "debates")
    )
    """Ids of the records that now hold its claim (empty when it was dropped)."""
    added_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the id was retired in."""
    changed_in: str = attrs.field(kw_only=True, validator=version)
    """The dataset version the tombstone last changed in."""

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
