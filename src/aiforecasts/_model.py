"""
The record model: value types, closed vocabularies and the record kinds.

Everything here is an immutable, slotted attrs class.  The classes hold data
and small derived properties only; loading lives in ``_load.py``, conversion
to and from JSON in ``_convert.py``.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, cast

import attrs
import pendulum

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from aiforecasts._growth import Rate

__all__ = [
    "Certainty",
    "Company",
    "ComputeTrend",
    "Currency",
    "Debate",
    "Excerpt",
    "External",
    "FundingKind",
    "FundingRound",
    "FundingStatus",
    "Growth",
    "GrowthKind",
    "Hedge",
    "Investment",
    "InvestorRole",
    "Metric",
    "Money",
    "OrgKind",
    "Person",
    "Position",
    "Precision",
    "Prediction",
    "Qualifier",
    "Quantity",
    "Record",
    "Role",
    "Script",
    "Source",
    "Stance",
    "Statistic",
    "TimeRelation",
    "TimeSpan",
    "Topic",
]


# --------------------------------------------------------------------------
# Closed vocabularies
# --------------------------------------------------------------------------


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


class Stance(str, enum.Enum):
    """
    A `Position`'s answer to its debate's question.

    .. versionadded:: 0.1.0
    """

    YES = "yes"
    NO = "no"
    MIXED = "mixed"
    UNCERTAIN = "uncertain"


# --------------------------------------------------------------------------
# Value types
# --------------------------------------------------------------------------


def refers_to(field: attrs.Attribute[object]) -> tuple[str, ...]:
    """The collections whose ids *field* holds; empty when it holds no ids."""
    kinds: tuple[str, ...] = field.metadata.get("refers_to", ())
    return kinds


def _ref(*kinds: str) -> dict[str, tuple[str, ...]]:
    return {"refers_to": kinds}


def walk(value: object, path: str) -> Iterator[tuple[str, attrs.Attribute[object], object]]:
    """
    (path, field, value) for every field of the attrs instance *value* and of
    the attrs instances nested in it, depth first; *path* names the top.
    """
    for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(value))):
        item = getattr(value, field.name)
        where = f"{path}.{field.name}"
        yield where, field, item
        if attrs.has(type(item)):
            yield from walk(item, where)
        elif isinstance(item, tuple):
            for index, element in enumerate(item):
                if attrs.has(type(element)):
                    yield from walk(element, f"{where}[{index}]")


def _non_negative(_inst: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not value.is_finite():
        msg = f"{attribute.name} must be finite, not {value}"
        raise ValueError(msg)
    if value < 0:
        msg = f"{attribute.name} must not be negative, not {value}"
        raise ValueError(msg)


def _optional_non_negative(
    inst: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None:
        _non_negative(inst, attribute, value)  # type: ignore[arg-type]


def _optional_finite(
    _inst: object, attribute: attrs.Attribute[Decimal | None], value: Decimal | None
) -> None:
    if value is not None and not value.is_finite():
        msg = f"{attribute.name} must be finite, not {value}"
        raise ValueError(msg)


def _check_range(qualifier: Qualifier, low: Decimal, high: Decimal | None) -> None:
    if (qualifier is Qualifier.RANGE) != (high is not None):
        msg = "high is required with qualifier 'range' and only then"
        raise ValueError(msg)
    if high is not None and high < low:
        msg = f"high ({high}) is below the amount ({low})"
        raise ValueError(msg)


@attrs.frozen
class Money:
    """
    An amount of money as a document states it.

    *amount* is in base units (``Decimal("4000000000")`` for "40 亿美元"), and
    *qualifier* keeps the hedge: "up to", "over", "about".

    >>> from decimal import Decimal
    >>> m = Money(Decimal("4000000000"), Currency.USD, Qualifier.UP_TO)
    >>> str(m)
    'up to USD 4,000,000,000'

    .. versionadded:: 0.1.0
    """

    amount: Decimal = attrs.field(validator=_non_negative)
    currency: Currency
    qualifier: Qualifier = Qualifier.EXACT
    high: Decimal | None = attrs.field(default=None, validator=_optional_non_negative)
    """Upper end when *qualifier* is `Qualifier.RANGE`."""

    def __attrs_post_init__(self) -> None:
        _check_range(self.qualifier, self.amount, self.high)

    @property
    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """
        The least and most the stated amount allows (``None``: no upper bound).

        >>> from decimal import Decimal
        >>> Money(Decimal("4000000000"), Currency.USD, Qualifier.UP_TO).bounds
        (Decimal('0'), Decimal('4000000000'))
        """
        return _bounds(self.qualifier, self.amount, self.high)

    def __str__(self) -> str:
        return _describe(self.qualifier, f"{self.currency.value} ", self.amount, self.high, "")


@attrs.frozen
class Quantity:
    """
    A number with a unit and a qualifier: "超过 9000 万人次", "30.7 EFLOPS".

    *unit* is a short English unit ("EFLOPS", "percent", "chips", "people");
    money is `Money`, not a quantity.

    >>> from decimal import Decimal
    >>> str(Quantity(Decimal("400"), "officers", Qualifier.OVER))
    'over 400 officers'

    .. versionadded:: 0.1.0
    """

    value: Decimal = attrs.field(validator=_non_negative)
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    high: Decimal | None = attrs.field(default=None, validator=_optional_non_negative)
    """Upper end when *qualifier* is `Qualifier.RANGE`."""

    def __attrs_post_init__(self) -> None:
        _check_range(self.qualifier, self.value, self.high)

    @property
    def bounds(self) -> tuple[Decimal, Decimal | None]:
        """The least and most the stated value allows (``None``: no upper bound)."""
        return _bounds(self.qualifier, self.value, self.high)

    def __str__(self) -> str:
        return _describe(self.qualifier, "", self.value, self.high, f" {self.unit}")


_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.UP_TO: "up to ",
    Qualifier.OVER: "over ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.NEARLY: "nearly ",
    Qualifier.RANGE: "",
    Qualifier.SEVERAL: "multiples of ",
}


def _bounds(
    qualifier: Qualifier, low: Decimal, high: Decimal | None
) -> tuple[Decimal, Decimal | None]:
    if qualifier is Qualifier.RANGE:
        return low, high
    if qualifier in {Qualifier.UP_TO, Qualifier.LESS_THAN, Qualifier.NEARLY}:
        return Decimal(0), low
    if qualifier in {Qualifier.OVER, Qualifier.AT_LEAST, Qualifier.SEVERAL}:
        return low, None
    return low, low


def _number(value: Decimal) -> str:
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _describe(
    qualifier: Qualifier, prefix: str, low: Decimal, high: Decimal | None, suffix: str
) -> str:
    if high is not None:
        return f"{prefix}{_number(low)}–{_number(high)}{suffix}"
    return f"{_QUALIFIER_WORDS[qualifier]}{prefix}{_number(low)}{suffix}"


@attrs.frozen
class TimeSpan:
    """
    A span of days with the precision and certainty it is known to.

    *start* and *end* are inclusive `pendulum.Date`\\ s: "early 2024" is
    2024-01-01 to 2024-04-30 with precision `Precision.PART_OF_YEAR`.
    *relation* says whether the event falls *in* the span or happens *by*
    its end; *certainty* whether the document states the date or it was
    inferred, and *reason* how.

    >>> import pendulum
    >>> span = TimeSpan(pendulum.Date(2024, 1, 1), pendulum.Date(2024, 4, 30),
    ...                 Precision.PART_OF_YEAR, label="early 2024")
    >>> span.contains(pendulum.Date(2024, 3, 15))
    True

    .. versionadded:: 0.1.0
    """

    start: pendulum.Date
    end: pendulum.Date = attrs.field()
    precision: Precision
    label: str
    """The span in English words, such as "early 2024" or "by 2026"."""
    certainty: Certainty = Certainty.STATED
    relation: TimeRelation = TimeRelation.IN
    text: str | None = None
    """The expression in the document ("明年", "今年早些时候"), if any."""
    reason: str | None = None
    """How an inferred span was resolved."""

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[pendulum.Date], value: pendulum.Date) -> None:
        if value < self.start:
            msg = f"end {value} is before start {self.start}"
            raise ValueError(msg)

    @property
    def interval(self) -> pendulum.Interval[pendulum.Date]:
        """The span as a `pendulum.Interval`."""
        return pendulum.Interval(self.start, self.end)

    def contains(self, day: pendulum.Date) -> bool:
        """Whether *day* lies in the span (both ends included)."""
        return self.start <= day <= self.end

    def overlaps(self, other: TimeSpan) -> bool:
        """
        Whether the two spans share at least one day.

        >>> import pendulum
        >>> y2024 = TimeSpan(pendulum.Date(2024, 1, 1), pendulum.Date(2024, 12, 31),
        ...                  Precision.YEAR, label="2024")
        >>> march = TimeSpan(pendulum.Date(2024, 3, 1), pendulum.Date(2024, 3, 31),
        ...                  Precision.MONTH, label="March 2024")
        >>> y2024.overlaps(march)
        True
        """
        return self.start <= other.end and other.start <= self.end

    def is_past(self, as_of: pendulum.Date) -> bool:
        """
        Whether the span ended before *as_of*.

        >>> import aiforecasts, pendulum
        >>> horizon = aiforecasts.load().predictions.get("nvidia-gpu-cloud-2024").horizon
        >>> horizon.is_past(pendulum.Date(2026, 11, 22)), horizon.is_past(pendulum.Date(2024, 6, 1))
        (True, False)
        """
        return self.end < as_of

    def humanize(self, as_of: pendulum.Date) -> str:
        """
        The label with where the span stands relative to *as_of*.

        >>> import aiforecasts, pendulum
        >>> horizon = aiforecasts.load().predictions.get("nvidia-gpu-cloud-2024").horizon
        >>> horizon.humanize(pendulum.Date(2026, 11, 22))
        '2024 (ended 2 years ago)'
        >>> TimeSpan.of_year(2030).humanize(pendulum.Date(2026, 11, 22))
        '2030 (starts in 3 years)'
        """
        if self.end < as_of:
            return f"{self.label} (ended {self.end.diff_for_humans(as_of, absolute=True)} ago)"
        if self.start > as_of:
            return f"{self.label} (starts in {self.start.diff_for_humans(as_of, absolute=True)})"
        return f"{self.label} (under way)"

    @classmethod
    def of_year(cls, year: int) -> TimeSpan:
        """
        The calendar year *year*, stated.

        >>> TimeSpan.of_year(2024).end
        Date(2024, 12, 31)
        """
        return cls(
            pendulum.Date(year, 1, 1), pendulum.Date(year, 12, 31), Precision.YEAR, str(year)
        )

    def __str__(self) -> str:
        return self.label


# --------------------------------------------------------------------------
# Provenance
# --------------------------------------------------------------------------


@attrs.frozen
class Excerpt:
    """
    A verbatim slice of a source document.

    ``document_text[start:end] == text`` holds for the text of the document
    whose SHA-256 the `Source` records (offsets count Unicode code points of
    the UTF-8-decoded file).  *display* is the same passage with the
    document's artefacts cleaned (see `clean_text`).

    .. versionadded:: 0.1.0
    """

    source: str = attrs.field(metadata=_ref("sources"))
    """The id of the `Source`."""
    start: int
    end: int
    text: str
    display: str

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            msg = f"offsets must satisfy 0 <= start < end, not {self.start}..{self.end}"
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = (
                f"text has {len(self.text)} characters but the offsets "
                f"{self.start}..{self.end} span {self.end - self.start}"
            )
            raise ValueError(msg)


@attrs.frozen
class External:
    """
    Information from outside the source documents, and the public source it
    rests on.  The documents' own words stay as they are; this sits beside them.

    >>> e = External("The column is by Rob Toews (Forbes).", "https://www.forbes.com/...",
    ...              field="translation_of")
    >>> e.field
    'translation_of'

    .. versionadded:: 0.1.0
    """

    statement: str
    """What is added, in English."""
    cites: str
    """The URL of the public source."""
    field: str | None = None
    """The record field the addition bears on, if one."""


@attrs.frozen
class Source:
    """
    One source document.

    *sha256* is the hex digest of the file's bytes, artefacts included; a
    user can check it with `verify_sources`.

    .. versionadded:: 0.1.0
    """

    id: str
    file: str
    """The document's file name in the seed folder."""
    sha256: str
    title: str
    """The title as written."""
    title_en: str
    script: Script
    published: TimeSpan
    excerpts: tuple[Excerpt, ...]
    """Where the title, date and byline stand in the document."""
    outlet: str | None = attrs.field(default=None, metadata=_ref("companies"))
    """The id of the publishing `Company` (a media outlet), if known."""
    author: str | None = attrs.field(default=None, metadata=_ref("people"))
    """The id of the author's `Person`, where the document names one."""
    url: str | None = None
    translation_of: str | None = None
    """What the document translates, in English, when it is a translation."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
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
    name: str
    """The canonical English name."""
    kind: OrgKind
    excerpts: tuple[Excerpt, ...]
    name_hans: str | None = None
    name_hant: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None
    """ISO 3166-1 alpha-2 code."""
    parent: str | None = attrs.field(default=None, metadata=_ref("companies"))
    """The id of the owning `Company`."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
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

    title: str
    """The title in English ("CEO", "Stanford researcher")."""
    source: str = attrs.field(metadata=_ref("sources"))
    """The id of the `Source` that states the role."""
    title_original: str | None = None
    """The title as written ("首席执行官")."""
    organization: str | None = attrs.field(default=None, metadata=_ref("companies"))
    """The id of the `Company`, if the role is at one."""


@attrs.frozen
class Person:
    """
    A person the documents name.

    .. versionadded:: 0.1.0
    """

    id: str
    name: str
    """The name as written in the first document that names the person."""
    name_en: str
    """The name romanised / in English order."""
    excerpts: tuple[Excerpt, ...]
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
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
    statement: str
    """The forecast in English."""
    source: str = attrs.field(metadata=_ref("sources"))
    made: TimeSpan
    """When the forecast was made."""
    horizon: TimeSpan | None
    """The time the forecast is about; ``None`` when the document gives none
    ("in the long run", "will reach the Supreme Court")."""
    hedge: Hedge
    excerpts: tuple[Excerpt, ...]
    made_by: tuple[str, ...] = attrs.field(default=(), metadata=_ref("people", "companies"))
    """Ids of the `Person`\\ s or `Company` records who made it."""
    attributed_to: str | None = None
    """Who made it, in English, when that is an unnamed group ("analysts",
    "open-source advocates"); empty with *made_by* for the document's own voice."""
    companies: tuple[str, ...] = attrs.field(default=(), metadata=_ref("companies"))
    """Ids of the `Company` records it is about."""
    topics: frozenset[Topic] = frozenset()
    condition: str | None = None
    """In English, when *hedge* is `Hedge.CONDITIONAL`."""
    number: int | None = None
    """Its number in the document's numbered list, if any."""
    parent: str | None = attrs.field(default=None, metadata=_ref("predictions"))
    """The id of the prediction this is a concrete sub-claim of."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record last changed in."""


@attrs.frozen
class Investment:
    """
    One investor in a `FundingRound`.

    .. versionadded:: 0.1.0
    """

    investor: str = attrs.field(metadata=_ref("companies", "people"))
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
    company: str = attrs.field(metadata=_ref("companies"))
    """The id of the `Company` that raised (or sought) the money."""
    statement: str
    """What the document says, in English."""
    kind: FundingKind
    status: FundingStatus
    excerpts: tuple[Excerpt, ...]
    investors: tuple[Investment, ...] = ()
    amount: Money | None = None
    valuation: Money | None = None
    date: TimeSpan | None = None
    round_name: str | None = None
    """"Series A" and the like, where stated."""
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record last changed in."""


@attrs.frozen
class Growth:
    """
    A growth claim as stated, with normalised forms computed from it.

    >>> from decimal import Decimal
    >>> g = Growth(GrowthKind.DOUBLING_TIME, Decimal("5.6"))
    >>> round(g.factor_per_year, 2)
    4.42
    >>> Growth(GrowthKind.FACTOR, Decimal("10"), period_months=Decimal("12")).doubling_months
    3.6123...

    .. versionadded:: 0.1.0
    """

    kind: GrowthKind
    value: Decimal | None = attrs.field(default=None, validator=_optional_finite)
    """Months (doubling time), factor, or percent (CAGR); ``None`` for
    `GrowthKind.LEVEL`."""
    high: Decimal | None = attrs.field(default=None, validator=_optional_finite)
    """Upper end of a stated range ("every three to four months")."""
    period_months: Decimal | None = attrs.field(default=None, validator=_optional_finite)
    """The period the factor is over, in months (for `GrowthKind.FACTOR`)."""
    qualifier: Qualifier = Qualifier.EXACT
    level: Quantity | None = None
    """For `GrowthKind.LEVEL`, or a level stated beside a rate ("360 EFLOPS")."""
    money: Money | None = None
    """A level that is an amount of money ("tens of billions of dollars"),
    in place of *level*."""

    def __attrs_post_init__(self) -> None:
        if self.level is not None and self.money is not None:
            msg = "a growth has a level or an amount of money, not both"
            raise ValueError(msg)
        if self.kind is GrowthKind.LEVEL:
            if self.level is None and self.money is None:
                msg = "a 'level' growth needs a level or an amount of money"
                raise ValueError(msg)
        elif self.value is None or self.value <= 0:
            msg = f"a '{self.kind.value}' growth needs a positive value"
            raise ValueError(msg)
        if self.kind is GrowthKind.FACTOR and (
            self.period_months is None or self.period_months <= 0
        ):
            msg = "a 'factor' growth needs a positive period_months"
            raise ValueError(msg)
        if self.high is not None and self.value is not None and self.high < self.value:
            msg = f"high ({self.high}) is below value ({self.value})"
            raise ValueError(msg)

    def _stated_rate(self, value: Decimal) -> Rate:
        from aiforecasts._growth import Rate  # noqa: PLC0415 - the maths lives there

        if self.kind is GrowthKind.DOUBLING_TIME:
            return Rate.from_doubling_months(float(value))
        if self.kind is GrowthKind.FACTOR:
            assert self.period_months is not None
            return Rate.from_factor(float(value), float(self.period_months))
        return Rate.from_cagr_percent(float(value))

    @property
    def rate(self) -> Rate | None:
        """
        The stated rate as a `Rate` (the middle of a stated range); ``None``
        for a level with no rate.
        """
        if self.kind is GrowthKind.LEVEL or self.value is None:
            return None
        rate = self._stated_rate(self.value)
        if self.high is None:
            return rate
        return type(rate)((rate.log_per_month + self._stated_rate(self.high).log_per_month) / 2)

    @property
    def monthly_log_rate(self) -> float | None:
        """Natural-log growth per month (the middle of a range); ``None`` for a level."""
        rate = self.rate
        return None if rate is None else rate.log_per_month

    @property
    def doubling_months(self) -> float | None:
        """Doubling time in months, computed from the stated form."""
        rate = self.rate
        return None if rate is None else rate.doubling_months

    @property
    def factor_per_year(self) -> float | None:
        """Multiplication factor per year, computed from the stated form."""
        rate = self.rate
        return None if rate is None else rate.factor_per_year

    @property
    def cagr_percent(self) -> float | None:
        """Compound annual growth rate in percent."""
        rate = self.rate
        return None if rate is None else rate.cagr_percent


@attrs.frozen
class ComputeTrend:
    """
    A growth-rate, capacity or cost-trend claim about compute.

    .. versionadded:: 0.1.0
    """

    id: str
    statement: str
    metric: Metric
    growth: Growth
    excerpts: tuple[Excerpt, ...]
    period: TimeSpan | None = None
    """The period the trend covers or targets."""
    claimed_by: tuple[str, ...] = attrs.field(default=(), metadata=_ref("people", "companies"))
    """Ids of the `Person`\\ s or `Company` records who make the claim."""
    cites: str | None = None
    """What the claim cites, as the document gives it ("Sevilla et al. 2022")."""
    companies: tuple[str, ...] = attrs.field(default=(), metadata=_ref("companies"))
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
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
    summary: str
    """The position in English."""
    excerpt: Excerpt
    holder: str
    """Who holds it, in English ("Baidu's CEO Robin Li", "open-source advocates")."""
    speaker: str | None = attrs.field(default=None, metadata=_ref("people"))
    affiliation: str | None = None
    """The affiliation as the document states it, as written."""
    organization: str | None = attrs.field(default=None, metadata=_ref("companies"))
    """The id of the speaker's `Company` in that affiliation."""


@attrs.frozen
class Debate:
    """
    A contested question and the positions taken on it.

    .. versionadded:: 0.1.0
    """

    id: str
    question: str
    """The question as written, or as the document frames it."""
    question_en: str
    source: str = attrs.field(metadata=_ref("sources"))
    positions: tuple[Position, ...]
    excerpts: tuple[Excerpt, ...]
    topics: frozenset[Topic] = frozenset()
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record last changed in."""


@attrs.frozen
class Statistic:
    """
    A quantitative statement that is none of the other kinds: a price, a
    market value, a share, a cost.  Exactly one of *value* and *money* is set.

    .. versionadded:: 0.1.0
    """

    id: str
    statement: str
    excerpts: tuple[Excerpt, ...]
    value: Quantity | None = None
    """The figure, when it is not money; else *money*."""
    money: Money | None = None
    """The figure, when it is an amount of money."""
    date: TimeSpan | None = None
    companies: tuple[str, ...] = attrs.field(default=(), metadata=_ref("companies"))
    topics: frozenset[Topic] = frozenset()
    cites: str | None = None
    note: str | None = None
    external: tuple[External, ...] = ()
    """Additions from outside the documents, each citing a public source."""
    added_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record first appeared in."""
    changed_in: str = attrs.field(kw_only=True, validator=attrs.validators.min_len(1))
    """The dataset version the record last changed in."""

    def __attrs_post_init__(self) -> None:
        if (self.value is None) == (self.money is None):
            msg = "a statistic has exactly one of value and money"
            raise ValueError(msg)

    @property
    def figure(self) -> Quantity | Money:
        """The figure, whichever kind it is."""
        figure = self.money if self.value is None else self.value
        assert figure is not None
        return figure


Record: TypeAlias = (
    Source | Company | Person | Prediction | FundingRound | ComputeTrend | Debate | Statistic
)
"""Any record kind."""
