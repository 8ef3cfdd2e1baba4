"""
The claims the documents make: forecasts (`Prediction`), funding
(`FundingRound`, with each `Investment`), compute trends (`ComputeTrend`) and
other figures (`Statistic`).  A claim links to the records of other kinds that
state the same claim (*same_claim*) and of other documents that say otherwise
(*contradicts*).
"""

from __future__ import annotations

import attrs

from aiforecasts._model.checks import (
    FieldError,
    checked,
    nonblank,
    optional_nonblank,
    required,
    version,
)
from aiforecasts._model.common import (
    ADDED_IN,
    CHANGED_IN,
    CLAIM_LINK,
    CONTRADICTS,
    EXTERNAL,
    ID,
    MENTIONS,
    NOTE,
    TOPICS,
)
from aiforecasts._model.declare import described, doc, needed, ref
from aiforecasts._model.figures import Money, Quantity, Target, figure_of
from aiforecasts._model.growth import Growth
from aiforecasts._model.judging import Criterion
from aiforecasts._model.provenance import Excerpt, External
from aiforecasts._model.spans import TimeSpan
from aiforecasts._model.vocab import (
    FundingKind,
    FundingStatus,
    Hedge,
    InvestorRole,
    Metric,
    Topic,
    Voice,
)

__all__ = ["ComputeTrend", "FundingRound", "Investment", "Prediction", "Statistic"]


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

    id: str = attrs.field(metadata=ID)
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
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=TOPICS)
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
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)

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

    id: str = attrs.field(metadata=ID)
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
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class ComputeTrend:
    """
    A growth-rate, capacity or cost-trend claim about compute.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
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
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Statistic:
    """
    A quantitative statement that is none of the other kinds: a price, a
    market value, a share, a cost.  Exactly one of *value* and *money* is set.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
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
    topics: frozenset[Topic] = attrs.field(default=frozenset(), metadata=TOPICS)
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
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)

    def __attrs_post_init__(self) -> None:
        figure_of(self.value, self.money, "statistic")

    @property
    def figure(self) -> Quantity | Money:
        """The figure, whichever kind it is."""
        return figure_of(self.value, self.money, "statistic")
