"""
One record for people, on a terminal or in a file: what ``aiforecasts show`` prints.

A heading (the id and kind, the English text and the original beside or under it), then
labelled fields in an order that suits the kind, references resolved to display names with
their ids in brackets; a debate's positions one block each, a resolution's evidence one block
each; last, the excerpts with the source and characters each comes from.  Text is wrapped to
the width given (Chinese characters count as two columns); with no width (output to no
terminal) no line is wrapped or cut.
"""

from __future__ import annotations

import enum
import math
from typing import TYPE_CHECKING, Any

import attrs

from aiforecasts._cli.terminal import width, wrap
from aiforecasts._model.fields import fields
from aiforecasts._model.kinds import KIND_OF
from aiforecasts._model.records import (
    Company,
    ComputeTrend,
    Debate,
    FundingRound,
    Person,
    Prediction,
    Resolution,
    Source,
    Statistic,
    Tombstone,
)
from aiforecasts._model.spans import TimeSpan
from aiforecasts._model.vocab import Certainty, Voice

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import TextIO

    from aiforecasts._model.growth import Growth
    from aiforecasts._model.provenance import Excerpt
    from aiforecasts._model.records import Record
    from aiforecasts._query.dataset import Dataset

__all__ = ["display_name", "name_of", "render"]

LABEL = 11
"""The width of a field's label: values start two columns further right."""
NARROWEST = 20
"""Text is never wrapped to fewer columns than this, however narrow the terminal."""
BESIDE = 80
"""With no terminal width, a name and its original stand on one line up to this width."""


# -- the page -----------------------------------------------------------------


class _Page:
    """Lines written to *out*, wrapped to *columns* (``None``: never wrapped)."""

    def __init__(self, out: TextIO, columns: int | None) -> None:
        self.out = out
        self.columns = columns

    def line(self, text: str = "") -> None:
        """One line: a line break inside *text* (a name read from a file) is a space, as
        it is in wrapped text, so that data never starts a line of its own."""
        self.out.write(" ".join(text.rstrip().split("\n")) + "\n")

    def paragraph(self, text: str, indent: int = 0, hang: int | None = None) -> None:
        """*text* wrapped, its first line indented by *indent*, the others by *hang*."""
        self._lines(" " * indent, text, " " * (indent if hang is None else hang))

    def _lines(self, first: str, text: str, rest: str) -> None:
        """*text* wrapped after *first* (a label) on its first line, after *rest* on the others."""
        room = None if self.columns is None else max(NARROWEST, self.columns - width(rest))
        head, *tail = wrap(text, room)
        self.line(first + head)
        for line in tail:
            self.line(rest + line)

    def field(self, label: str, value: str | None, indent: int = 2) -> None:
        """A labelled value; nothing when there is none."""
        if value is None or not value.strip():
            return
        self._lines(f"{' ' * indent}{label:<{LABEL}}  ", value, " " * (indent + LABEL + 2))

    def items(self, label: str, values: Iterable[str], indent: int = 2) -> None:
        """A labelled list, one value a line."""
        for i, value in enumerate(values):
            self.field(label if i == 0 else "", value, indent)

    def title(self, english: str, original: str | None) -> None:
        """A name and its original beside it when both fit on a line, else one under the other."""
        beside = f"{english}  {original}" if original else english
        if width(beside) <= (BESIDE if self.columns is None else self.columns):
            self.line(beside)
        else:
            self.paragraph(english)
            if original:
                self.paragraph(original)


# -- the parts of records -------------------------------------------------------


def _words(value: str) -> str:
    """An enum value for people: ``came_true`` → ``came true``."""
    return value.replace("_", " ")


def display_name(dataset: Dataset, id_: str) -> str | None:
    """What people call the record *id_*: a name, a title, a statement or question in
    English (its kind's `label`); ``None`` for an id no record holds, or a record of a kind
    without a label."""
    record = dataset.get(id_)
    kind = None if record is None else KIND_OF.get(type(record))
    if kind is None or kind.label is None:
        return None
    label: str = getattr(record, kind.label)
    return label


def name_of(dataset: Dataset, id_: str) -> str:
    """The display name of the record *id_* with its id in brackets: ``Nvidia [nvidia]``."""
    name = display_name(dataset, id_)
    return f"[{id_}]" if name is None else f"{name} [{id_}]"


def _ref(dataset: Dataset, id_: str | None) -> str | None:
    return None if id_ is None else name_of(dataset, id_)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _names(dataset: Dataset, ids: Iterable[str | None]) -> list[str]:
    return [name_of(dataset, i) for i in ids if i is not None]


def _span(span: TimeSpan | None) -> str | None:
    """A span's label, with the document's words for it and how it was inferred."""
    if span is None:
        return None
    notes = []
    if span.text:
        notes.append(f"“{span.text}”")
    if span.certainty is Certainty.INFERRED:
        notes.append(f"inferred: {span.reason}" if span.reason else "inferred")
    return f"{span.label} ({'; '.join(notes)})" if notes else span.label


def _original(excerpts: Iterable[Excerpt]) -> str:
    """The passages a record quotes, as the document gives them."""
    return " … ".join(excerpt.display for excerpt in excerpts)


def _where(dataset: Dataset, excerpt: Excerpt) -> str:
    source = dataset.sources.get(excerpt.source)
    file = source.file if source is not None else "?"
    return f"{name_of(dataset, excerpt.source)}, {file}, characters {excerpt.start}–{excerpt.end}"


def _rate(growth: Growth) -> str | None:
    """The rate a growth stands for, in every form: the factor a year, the doubling (or
    halving) time, the CAGR and orders of magnitude a year."""
    rate = growth.rate
    if rate is None:
        return None
    parts = [f"{rate.factor_per_year:.3g}x a year"]
    if rate.log_per_month > 0:
        parts.append(f"doubling every {math.log(2) / rate.log_per_month:.1f} months")
    elif rate.log_per_month < 0:
        parts.append(f"halving every {math.log(2) / -rate.log_per_month:.1f} months")
    parts.append(f"CAGR {rate.cagr_percent:+.0f}%")
    parts.append(f"{rate.ooms_per_year:+.2f} orders of magnitude a year")
    how = (
        " (derived from the two levels)"
        if growth.derived
        else " (the middle of the stated range)"
        if growth.high is not None
        else ""
    )
    return ", ".join(parts) + how


def _about(page: _Page, record: Record) -> None:
    """What every kind ends its fields with: the note, additions from outside the
    documents and the versions."""
    if not isinstance(record, Tombstone):
        page.field("note", record.note)
    if not isinstance(record, Tombstone | Resolution):
        page.items(
            "external",
            (
                f"{e.statement} ({e.cites}{f'; on {e.field}' if e.field else ''})"
                for e in record.external
            ),
        )
    if isinstance(record, Tombstone):
        return  # its versions are when it was retired
    if record.added_in == record.changed_in:
        page.field("versions", f"added in {record.added_in}")
    else:
        page.field("versions", f"added in {record.added_in}, changed in {record.changed_in}")


def _excerpts(page: _Page, dataset: Dataset, excerpts: Iterable[Excerpt]) -> None:
    listed = list(excerpts)
    if not listed:
        return
    page.line()
    page.line("excerpts")
    for excerpt in listed:
        page.paragraph(f"「{excerpt.display}」", 2, 3)
        page.paragraph(_where(dataset, excerpt), 4)


# -- the kinds --------------------------------------------------------------------


def _source(page: _Page, dataset: Dataset, r: Source) -> None:
    page.title(r.title_en, r.title if r.title != r.title_en else None)
    page.line()
    page.field("file", r.file)
    page.field("published", _span(r.published))
    page.field("script", r.script.value)
    page.field("outlet", _ref(dataset, r.outlet))
    page.field("author", _ref(dataset, r.author))
    page.field("URL", r.url)
    page.field("translates", r.translation_of)
    page.field("SHA-256", r.sha256)
    page.items("repairs", (f"{x.damaged} → {x.intended}" for x in r.repairs))
    page.items("mentions", _names(dataset, r.mentions))
    _about(page, r)


def _company(page: _Page, dataset: Dataset, r: Company) -> None:
    chinese = [n for n in (r.name_hans, r.name_hant) if n]
    page.title(r.name, "  ".join(dict.fromkeys(chinese)) or None)
    page.line()
    page.field("kind", _words(r.kind.value))
    page.field("country", r.country)
    page.field("part of", _ref(dataset, r.parent))
    page.field("also called", ", ".join(r.aliases))
    _about(page, r)


def _person(page: _Page, dataset: Dataset, r: Person) -> None:
    page.title(r.name_en, r.name if r.name != r.name_en else None)
    page.line()
    page.field("also called", ", ".join(r.aliases))
    roles = []
    for role in r.roles:
        title = role.title + (f" ({role.title_original})" if role.title_original else "")
        at = f" at {name_of(dataset, role.organization)}" if role.organization else ""
        roles.append(f"{title}{at}; per {name_of(dataset, role.source)}")
    page.items("roles", roles)
    _about(page, r)


def _prediction(page: _Page, dataset: Dataset, r: Prediction) -> None:
    page.line()
    page.field("statement", r.statement)
    page.field("original", _original(r.excerpts))
    page.field("made", _span(r.made))
    page.field("horizon", _span(r.horizon) or "none given")
    hedge = _words(r.hedge.value)
    page.field("hedge", f"{hedge}: {r.condition}" if r.condition else hedge)
    if r.made_by:
        page.items("made by", _names(dataset, r.made_by))
    else:
        page.field("made by", r.attributed_to or "the document's own voice")
    if r.voice is not None:
        page.field("voice", _VOICE_WORDS[r.voice])
    page.items("about", _names(dataset, r.companies))
    page.field("topics", ", ".join(sorted(t.value for t in r.topics)))
    page.items(
        "targets" if len(r.targets) > 1 else "target",
        [f"{t.metric}: {_words(t.comparison.value)} {t.figure} by {t.deadline}" for t in r.targets],
    )
    page.field("source", name_of(dataset, r.source))
    page.field("number", None if r.number is None else f"{r.number} in the document's list")
    page.field("part of", _ref(dataset, r.parent))
    page.items("same claim", _names(dataset, r.same_claim))
    page.items("contradicts", _names(dataset, r.contradicts))
    page.items("mentions", _names(dataset, r.mentions))
    if r.criterion is not None:
        c = r.criterion
        page.field("settles it", "(written before it was judged)")
        page.field("condition first", c.condition, 4)
        page.field("came true if", c.came_true, 4)
        page.field("partly if", c.partly, 4)
        page.field("did not if", c.did_not, 4)
        page.field("note", c.note, 4)
    page.field("too vague", r.unsettleable)
    resolution = dataset.resolution_of(r)
    if resolution is None:
        page.field("verdict", "not judged")
    else:
        page.field(
            "verdict",
            f"{_words(resolution.verdict.value)}, as of {resolution.as_of} [{resolution.id}]",
        )
        page.field("decided", _span(resolution.decided))
        page.field("rationale", resolution.rationale)
        page.field("parts held", resolution.parts_held)
        page.field("observed", _observed(resolution))
        page.field("judges", _judges(resolution))
        page.items("evidence", (f"{e.publisher}: {e.url}" for e in resolution.evidence))
    _about(page, r)


_VOICE_WORDS = {
    Voice.OWN: "own (the document's author makes it)",
    Voice.QUOTED: "quoted (the document attributes it to whoever made it)",
    Voice.REPORTED: "reported (a fear, rumour, pledge or consensus the document does not own)",
    Voice.REJECTED: "rejected (the document argues against it)",
}


def _judges(r: Resolution) -> str | None:
    if not r.judgements:
        return None
    said = "; ".join(f"{j.judge}: {_words(j.verdict.value)}" for j in r.judgements)
    return said + (" (c settled the disagreement)" if len(r.judgements) > 2 else "")


def _observed(r: Resolution) -> str | None:
    figure = _text(r.observed or r.observed_money)
    if figure is None or r.observed_basis is None:
        return figure
    return f"{figure} ({r.observed_basis})"


def _funding(page: _Page, dataset: Dataset, r: FundingRound) -> None:
    page.line()
    page.field("statement", r.statement)
    page.field("original", _original(r.excerpts))
    page.field("company", name_of(dataset, r.company))
    page.field("amount", _text(r.amount) or "undisclosed")
    page.field("valuation", _text(r.valuation))
    page.field("date", _span(r.date))
    page.field("round", r.round_name)
    page.field("kind", _words(r.kind.value))
    investors = []
    for investment in r.investors:
        share = f", {investment.amount}" if investment.amount is not None else ""
        investors.append(
            f"{name_of(dataset, investment.investor)}, {_words(investment.role.value)}{share}"
        )
    page.items("investors", investors)
    page.field("status", _words(r.status.value))
    page.items("same claim", _names(dataset, r.same_claim))
    page.items("contradicts", _names(dataset, r.contradicts))
    page.items("mentions", _names(dataset, r.mentions))
    _about(page, r)


def _trend(page: _Page, dataset: Dataset, r: ComputeTrend) -> None:
    page.line()
    page.field("statement", r.statement)
    page.field("original", _original(r.excerpts))
    page.field("metric", _words(r.metric.value))
    page.field("growth", str(r.growth))
    page.field("normalised", _rate(r.growth) or "a level: no rate")
    for equivalent in r.equivalents:
        rate = _rate(equivalent)
        page.field("same as", str(equivalent) + (f" ({rate})" if rate else ""))
    page.field("period", _span(r.period))
    page.field("condition", r.condition)
    page.items("claimed by", _names(dataset, r.claimed_by))
    page.field("cites", r.cites)
    page.items("cited", _names(dataset, r.cited))
    page.items("about", _names(dataset, r.companies))
    page.items("same claim", _names(dataset, r.same_claim))
    page.items("contradicts", _names(dataset, r.contradicts))
    page.items("mentions", _names(dataset, r.mentions))
    _about(page, r)


def _statistic(page: _Page, dataset: Dataset, r: Statistic) -> None:
    page.line()
    page.field("statement", r.statement)
    page.field("original", _original(r.excerpts))
    page.field("figure", str(r.figure))
    page.items("same as", (str(q) for q in r.equivalents))
    page.field("date", _span(r.date))
    page.items("about", _names(dataset, r.companies))
    page.field("topics", ", ".join(sorted(t.value for t in r.topics)))
    page.field("cites", r.cites)
    page.items("cited", _names(dataset, r.cited))
    page.items("same claim", _names(dataset, r.same_claim))
    page.items("contradicts", _names(dataset, r.contradicts))
    page.items("mentions", _names(dataset, r.mentions))
    _about(page, r)


def _debate(page: _Page, dataset: Dataset, r: Debate) -> None:
    page.line()
    page.field("question", r.question_en)
    page.field("original", r.question)
    page.field("source", name_of(dataset, r.source))
    page.field("topics", ", ".join(sorted(t.value for t in r.topics)))
    page.items("mentions", _names(dataset, r.mentions))
    _about(page, r)
    for number, position in enumerate(r.positions, 1):
        page.line()
        page.line(f"  position {number} of {len(r.positions)}")
        speaker = position.holder
        if position.speaker is not None:
            speaker = name_of(dataset, position.speaker)
            if position.holder not in speaker:
                speaker += f", as “{position.holder}”"
        page.field("speaker", speaker, 4)
        affiliation = position.affiliation
        if position.organization is not None:
            organization = name_of(dataset, position.organization)
            affiliation = f"{affiliation} ({organization})" if affiliation else organization
        page.field("affiliation", affiliation, 4)
        page.field("stance", _words(position.stance.value), 4)
        page.field("English", position.summary, 4)
        page.field("original", position.excerpt.display, 4)
        page.field("from", _where(dataset, position.excerpt), 4)
        page.items("claims", _names(dataset, position.claims), 4)


def _resolution(page: _Page, dataset: Dataset, r: Resolution) -> None:
    page.line()
    page.field("prediction", name_of(dataset, r.prediction))
    page.field("verdict", _words(r.verdict.value))
    page.field("as of", str(r.as_of))
    page.field("decided", _span(r.decided))
    page.field("rationale", r.rationale)
    page.field("parts held", r.parts_held)
    page.field("observed", _observed(r))
    _about(page, r)
    for judgement in r.judgements:
        page.line()
        role = "third reading" if judgement.judge == "c" else "blind judgement"
        page.line(f"  judge {judgement.judge} ({role}): {_words(judgement.verdict.value)}")
        page.field("reason", judgement.reason, 4)
        cited = ", ".join(str(i + 1) for i in judgement.cites)
        page.field("cites", f"evidence {cited}" if cited else None, 4)
    for number, evidence in enumerate(r.evidence, 1):
        page.line()
        page.line(f"  evidence {number} of {len(r.evidence)}")
        page.field("publisher", evidence.publisher, 4)
        kind = evidence.publisher_kind
        page.field("kind", None if kind is None else kind.value, 4)
        page.field("title", evidence.title, 4)
        page.field("URL", evidence.url, 4)
        page.field("published", _text(evidence.published), 4)
        page.field("read", str(evidence.read), 4)
        page.field("quote", f"“{evidence.quote}”", 4)


def _tombstone(page: _Page, dataset: Dataset, r: Tombstone) -> None:
    page.line()
    page.field("kind", r.kind)
    page.field("retired in", r.retired_in)
    page.items("became", _names(dataset, r.became) or ["nothing: it was removed"])
    page.field("reason", r.reason)
    _about(page, r)


def _other(page: _Page, dataset: Dataset, r: Record) -> None:
    """A record of a kind without a page of its own: its English text, then each field
    that holds a value, in the order of its class, references by name."""
    kind = KIND_OF[type(r)]
    page.line()
    page.paragraph(str(getattr(r, kind.english)))
    page.line()
    skipped = {"id", kind.english, "excerpts", "note", "external", "added_in", "changed_in"}
    for field in fields(type(r)):
        value = getattr(r, field.name)
        if field.name in skipped or value is None or value in ((), frozenset()):
            continue
        label = _words(field.name)
        if field.refers_to:
            ids = value if isinstance(value, tuple | frozenset) else (value,)
            page.items(label, _names(dataset, sorted(ids)))
        elif isinstance(value, tuple | frozenset):
            page.items(label, sorted(_plain(item) for item in value))
        else:
            page.field(label, _plain(value))
    if not isinstance(r, Tombstone):
        _about(page, r)


def _plain(value: object) -> str:
    """A value for people: an enum's words, a time span's text, anything else as str()."""
    if isinstance(value, enum.Enum):
        return _words(str(value.value))
    if isinstance(value, TimeSpan):
        return _span(value) or ""
    if attrs.has(type(value)) and type(value).__str__ is object.__str__:  # no text of its own
        return "; ".join(
            f"{_words(field.name)} {_plain(item)}"
            for field in fields(type(value))
            if (item := getattr(value, field.name)) not in (None, (), frozenset())
        )
    return str(value)


_PAGES: dict[type, Callable[[_Page, Dataset, Any], None]] = {
    Source: _source,
    Company: _company,
    Person: _person,
    Prediction: _prediction,
    FundingRound: _funding,
    ComputeTrend: _trend,
    Statistic: _statistic,
    Debate: _debate,
    Resolution: _resolution,
    Tombstone: _tombstone,
}
"""Record class → its page; a kind without one gets `_other`'s."""


def render(record: Record, dataset: Dataset, out: TextIO, columns: int | None = None) -> None:
    """
    *record* for people, its text wrapped to *columns* (``None``: lines are not wrapped).
    """
    kind = KIND_OF[type(record)]
    page = _Page(out, columns)
    page.line(f"{record.id}  ({kind.name})")
    _PAGES.get(type(record), _other)(page, dataset, record)
    if not isinstance(record, Resolution | Tombstone):
        _excerpts(page, dataset, record.excerpts)  # a debate's own: its positions' are above
