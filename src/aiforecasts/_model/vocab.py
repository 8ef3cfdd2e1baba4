"""
Closed vocabularies: the enums whose values the data files use.

Every enum is a `str` subclass, so a member compares equal to its value and
JSON carries the value.
"""

from __future__ import annotations

import enum

__all__ = [
    "COUNTRIES",
    "Certainty",
    "Comparison",
    "Currency",
    "FundingKind",
    "FundingStatus",
    "GrowthKind",
    "Hedge",
    "InvestorRole",
    "Metric",
    "OrgKind",
    "Precision",
    "PublisherKind",
    "Qualifier",
    "Script",
    "Stance",
    "TimeRelation",
    "Topic",
    "Verdict",
    "Voice",
]


class Script(str, enum.Enum):
    """
    The script a text is written in, as a BCP 47 language tag.

    .. versionadded:: 0.1.0
    """

    HANS = "zh-Hans"
    """Chinese, simplified characters."""
    HANT = "zh-Hant"
    """Chinese, traditional characters."""
    EN = "en"
    """English."""


class Precision(str, enum.Enum):
    """
    How precisely a `TimeSpan` is known.

    >>> Precision("part_of_year").label
    'part of a year'

    .. versionadded:: 0.1.0
    """

    DAY = "day"
    DAYS = "days"
    """A few days or weeks, e.g. "late December 2023"."""
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    PART_OF_YEAR = "part_of_year"
    """A third of a year ("early", "mid" or "late" in it)."""
    HALF_YEAR = "half_year"
    YEAR = "year"
    YEARS = "years"
    """Several years, e.g. "within three years"."""
    DECADE = "decade"

    @property
    def label(self) -> str:
        """The precision in words."""
        return _PRECISION_LABELS[self]


_PRECISION_LABELS = {
    Precision.DAY: "day",
    Precision.DAYS: "days",
    Precision.MONTH: "month",
    Precision.QUARTER: "quarter",
    Precision.SEASON: "season",
    Precision.PART_OF_YEAR: "part of a year",
    Precision.HALF_YEAR: "half year",
    Precision.YEAR: "year",
    Precision.YEARS: "several years",
    Precision.DECADE: "decade",
}


class Certainty(str, enum.Enum):
    """
    How a date was established.

    .. versionadded:: 0.1.0
    """

    STATED = "stated"
    """The document states the date in so many words."""
    INFERRED = "inferred"
    """Resolved from the text (e.g. "明年" against the publication year); the
    span's ``reason`` says how."""
    FRAMING = "framing"
    """Taken from the document's framing, not the sentence itself (an item of a list
    headed "predictions for 2024"), a kind of inference; the span's ``reason`` says which
    framing."""


class TimeRelation(str, enum.Enum):
    """
    How an event relates to its `TimeSpan`.

    .. versionadded:: 0.1.0
    """

    IN = "in"
    """The event falls inside the span ("in 2024", "early 2024")."""
    BY = "by"
    """The event happens no later than the span's end; the span starts when
    the statement was made ("by 2026", "within three years")."""
    SINCE = "since"
    """A state that holds from the span's start up to its end ("since 2017")."""


class Qualifier(str, enum.Enum):
    """
    How an amount is hedged in the text.

    .. versionadded:: 0.1.0
    """

    EXACT = "exact"
    ABOUT = "about"
    """约, 大概, "about", "an estimated"."""
    UP_TO = "up_to"
    """"Up to $4B" (高达 in the sense of a ceiling)."""
    OVER = "over"
    """Strictly more than the amount (超过, 以上)."""
    AT_LEAST = "at_least"
    """The amount or more (至少)."""
    LESS_THAN = "less_than"
    """Less than the amount (不足, 不到)."""
    NEARLY = "nearly"
    """Just under the amount (近)."""
    RANGE = "range"
    """Between the amount and ``high``."""
    SEVERAL = "several"
    """Multiples of the amount, an order of magnitude only (数十亿, 数以百万);
    "billions" is ``1000000000`` with this qualifier."""

    @property
    def is_bound(self) -> bool:
        """
        Whether the amount is a bound rather than a value.

        >>> Qualifier.UP_TO.is_bound, Qualifier.ABOUT.is_bound
        (True, False)
        """
        return self in _BOUNDS


_BOUNDS = frozenset(
    {
        Qualifier.UP_TO,
        Qualifier.OVER,
        Qualifier.AT_LEAST,
        Qualifier.LESS_THAN,
        Qualifier.NEARLY,
        Qualifier.SEVERAL,
    }
)


class Currency(str, enum.Enum):
    """
    ISO 4217 codes of the currencies the documents use.

    .. versionadded:: 0.1.0
    """

    USD = "USD"
    CNY = "CNY"
    EUR = "EUR"
    GBP = "GBP"
    JPY = "JPY"
    HKD = "HKD"
    TWD = "TWD"


class OrgKind(str, enum.Enum):
    """
    The kind of an organisation in `Company`.

    .. versionadded:: 0.1.0
    """

    COMPANY = "company"
    STARTUP = "startup"
    INVESTOR = "investor"
    """A venture or investment firm."""
    LAB = "lab"
    """A research lab or institute, inside a company or not."""
    UNIVERSITY = "university"
    GOVERNMENT = "government"
    """A government, ministry, agency or regulator."""
    COURT = "court"
    MEDIA = "media"
    """A newspaper, news site or column."""
    RESEARCH_FIRM = "research_firm"
    """An analyst, data or market-research firm."""
    NONPROFIT = "nonprofit"
    INTERNATIONAL = "international"
    """An intergovernmental organisation."""


class Topic(str, enum.Enum):
    """
    What a record is about.  A record may carry several.

    .. versionadded:: 0.1.0
    """

    AGENTS = "agents"
    AGI = "agi"
    APPLICATIONS = "applications"
    ARCHITECTURE = "architecture"
    AUTONOMOUS_DRIVING = "autonomous_driving"
    BUSINESS_MODEL = "business_model"
    CHIPS = "chips"
    CLOUD = "cloud"
    COMPUTE = "compute"
    COPYRIGHT = "copyright"
    CORPORATE_GOVERNANCE = "corporate_governance"
    CRYPTO = "crypto"
    DATA = "data"
    DEVICES = "devices"
    ENERGY = "energy"
    FUNDING = "funding"
    LEADERSHIP = "leadership"
    LITIGATION = "litigation"
    MARKETS = "markets"
    MULTIMODAL = "multimodal"
    OPEN_SOURCE = "open_source"
    PARTNERSHIPS = "partnerships"
    POLICY = "policy"
    REGULATION = "regulation"
    ROBOTICS = "robotics"
    SCALING = "scaling"
    STARTUPS = "startups"
    TALENT = "talent"
    TERMINOLOGY = "terminology"
    VIDEO = "video"


class Hedge(str, enum.Enum):
    """
    How firmly a prediction is put.

    .. versionadded:: 0.1.0
    """

    CERTAIN = "certain"
    """No hedge ("will", 将, 必然)."""
    LIKELY = "likely"
    """"expect", 预计, 很可能."""
    POSSIBLE = "possible"
    """"may", 可能, 或许, "we have a hunch"."""
    CONDITIONAL = "conditional"
    """Holds only if the prediction's ``condition`` does."""


class Verdict(str, enum.Enum):
    """
    How a prediction turned out, as of a date (see the methodology in the docs).

    Only came true, partly and did not are scored; annulled and too vague are
    scored nowhere, and not yet due and cannot tell wait for evidence.

    .. versionadded:: 0.1.0
    """

    CAME_TRUE = "came_true"
    """What it forecast happened, within its horizon (evidence cited)."""
    PARTLY = "partly"
    """Some parts held and some did not, or it held in a weaker form or late."""
    DID_NOT = "did_not"
    """Its horizon passed without it happening, or it was ruled out (evidence cited)."""
    NOT_YET_DUE = "not_yet_due"
    """Its horizon ends after the date of judgement, and nothing has settled it."""
    CANNOT_TELL = "cannot_tell"
    """Its horizon has passed (or it has none) and the evidence found settles it neither way."""
    ANNULLED = "annulled"
    """A conditional forecast whose condition did not hold, neither right nor wrong
    (evidence cited)."""
    TOO_VAGUE = "too_vague"
    """No observation could settle it (`Prediction.unsettleable` says why)."""

    @property
    def is_resolved(self) -> bool:
        """Whether the verdict settles the prediction and is scored (came true, partly,
        did not)."""
        return self in _SCORED

    @property
    def needs_evidence(self) -> bool:
        """Whether the verdict must cite evidence (the scored ones, and annulled, whose
        evidence shows the condition failed)."""
        return self in _SCORED or self is Verdict.ANNULLED


_SCORED = frozenset((Verdict.CAME_TRUE, Verdict.PARTLY, Verdict.DID_NOT))


class Voice(str, enum.Enum):
    """
    Whose forecast a prediction is, as the document tells it (the rules are in the
    docs, "How forecasts are credited and judged").

    .. versionadded:: 0.1.0
    """

    OWN = "own"
    """The document's author states it, and is its forecaster."""
    QUOTED = "quoted"
    """A named person or organisation states it, and the document attributes it to them
    (`Prediction.made_by`)."""
    REPORTED = "reported"
    """The document reports it without owning it or crediting it as a forecast to a
    named maker: a fear, hope, rumour, consensus, pledge or plan."""
    REJECTED = "rejected"
    """The document presents it in order to argue against it."""


class PublisherKind(str, enum.Enum):
    """
    What kind of publisher an `Evidence` page comes from.

    .. versionadded:: 0.1.0
    """

    PRIMARY = "primary"
    """The company, government, regulator, court, standards body or paper itself."""
    NEWS = "news"
    """A news outlet or trade press with reporting of its own."""
    ANALYSIS = "analysis"
    """A research firm, analyst, newsletter or expert blog."""
    AGGREGATOR = "aggregator"
    """A re-post, content farm, search-bait page or summary of others' reporting."""


class Comparison(str, enum.Enum):
    """
    How a forecast figure is to be met by the observed one.

    .. versionadded:: 0.1.0
    """

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    """Within the tolerance a methodology sets (the docs use ±10 %)."""
    BETWEEN = "between"
    """Between the target's value and its ``high``."""


class InvestorRole(str, enum.Enum):
    """
    An investor's part in a `FundingRound`.

    .. versionadded:: 0.1.0
    """

    LEAD = "lead"
    PARTICIPANT = "participant"
    SOLE = "sole"
    """The only investor the document names, not said to lead a syndicate."""
    UNSPECIFIED = "unspecified"


class FundingStatus(str, enum.Enum):
    """
    What became of a `FundingRound`, as the document tells it.

    .. versionadded:: 0.1.0
    """

    CLOSED = "closed"
    """Stated as done ("invested", "raised")."""
    ANNOUNCED = "announced"
    """Announced or planned, not yet stated as done."""
    ATTEMPTED = "attempted"
    """A raise being sought, outcome not stated."""
    FAILED = "failed"
    """A raise the document says did not succeed."""
    REPORTED = "reported"
    """Attributed to reports ("据报道"), not stated as fact."""


class FundingKind(str, enum.Enum):
    """
    What a `FundingRound` record counts.

    Only `ROUND` and `INVESTMENT` may be summed; a `TOTAL` restates money that
    other records may already count.

    .. versionadded:: 0.1.0
    """

    ROUND = "round"
    """A financing round of the company (possibly several investors)."""
    INVESTMENT = "investment"
    """One investor's investment, outside a named round."""
    TOTAL = "total"
    """A cumulative total to date ("has invested over $10B so far")."""


class Metric(str, enum.Enum):
    """
    What a `ComputeTrend` measures.

    .. versionadded:: 0.1.0
    """

    TRAINING_COMPUTE = "training_compute"
    COMPUTE_COST = "compute_cost"
    TRAINING_COST = "training_cost"
    TRAINING_POWER = "training_power"
    INSTALLED_CAPACITY = "installed_capacity"
    CHIP_COUNT = "chip_count"
    TOKEN_PRICE = "token_price"  # noqa: S105
    HARDWARE_PERFORMANCE = "hardware_performance"
    COMPUTE_DEMAND = "compute_demand"


class GrowthKind(str, enum.Enum):
    """
    How a `Growth` is stated.

    .. versionadded:: 0.1.0
    """

    DOUBLING_TIME = "doubling_time"
    """``value`` is the doubling time in months."""
    FACTOR = "factor"
    """``value`` is a multiplication factor over ``period_months``."""
    CAGR = "cagr"
    """``value`` is a compound annual growth rate in percent."""
    LEVEL = "level"
    """A target or end level (``level``), with no rate."""
    CHANGE = "change"
    """A change from one level (``from_level``) to another (``level``) over
    ``period_months``: the rate is derived from the two levels, not stated."""


class Stance(str, enum.Enum):
    """
    A `Position`'s answer to its debate's question.

    .. versionadded:: 0.1.0
    """

    YES = "yes"
    NO = "no"
    MIXED = "mixed"
    UNCERTAIN = "uncertain"


COUNTRIES = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO
    BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ
    DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP
    GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG
    KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE
    PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL
    SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM
    US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()  # noqa: SIM905 - a block of codes reads better than 249 quoted strings
)
"""The ISO 3166-1 alpha-2 country codes (the test suite holds the list to pycountry's)."""
