"""
What each kind of record is about: the facets queries filter on.

One function per facet, each answering for every record kind, so that a
query reads the same whatever it runs over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiforecasts._model import (
    Company,
    ComputeTrend,
    Debate,
    FundingRound,
    Person,
    Prediction,
    Source,
    Statistic,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from aiforecasts._model import Excerpt, Money, Record, TimeSpan, Topic

__all__ = [
    "ENGLISH",
    "companies_of",
    "excerpts_of",
    "investors_of",
    "money_of",
    "names_of",
    "people_of",
    "sources_of",
    "span_of",
    "texts_of",
    "topics_of",
]


ENGLISH = {
    "sources": "title_en",
    "companies": "name",
    "people": "name_en",
    "predictions": "statement",
    "funding_rounds": "statement",
    "compute_trends": "statement",
    "debates": "question_en",
    "statistics": "statement",
}
"""Per kind: the field that says in English what a record is."""


def excerpts_of(record: Record) -> tuple[Excerpt, ...]:
    """The record's excerpts, with a debate's positions' excerpts."""
    if isinstance(record, Debate):
        return record.excerpts + tuple(position.excerpt for position in record.positions)
    return record.excerpts


def sources_of(record: Record) -> frozenset[str]:
    """The ids of the sources the record cites."""
    if isinstance(record, Source):
        return frozenset({record.id})
    return frozenset(excerpt.source for excerpt in excerpts_of(record))


# Per kind: the ids a record names in each facet (None where a field is empty).
_COMPANIES: dict[type[Any], Callable[[Any], Iterable[str | None]]] = {
    Company: lambda r: (r.id, r.parent),
    Prediction: lambda r: (*r.companies, *r.made_by),
    FundingRound: lambda r: (r.company, *(i.investor for i in r.investors)),
    ComputeTrend: lambda r: (*r.companies, *r.claimed_by),
    Statistic: lambda r: r.companies,
    Debate: lambda r: (p.organization for p in r.positions),
    Person: lambda r: (role.organization for role in r.roles),
    Source: lambda r: (r.outlet,),
}
_PEOPLE: dict[type[Any], Callable[[Any], Iterable[str | None]]] = {
    Person: lambda r: (r.id,),
    Prediction: lambda r: r.made_by,
    ComputeTrend: lambda r: r.claimed_by,
    Debate: lambda r: (p.speaker for p in r.positions),
    FundingRound: lambda r: (i.investor for i in r.investors),
    Source: lambda r: (r.author,),
}


def companies_of(record: Record) -> frozenset[str]:
    """
    The ids a record names as organisations it is about, made by or stated
    for (ids of people among them match no company).
    """
    return frozenset(filter(None, _COMPANIES[type(record)](record)))


def people_of(record: Record) -> frozenset[str]:
    """The ids of the people who made, claimed, argued, invested in or wrote the record."""
    return frozenset(filter(None, _PEOPLE.get(type(record), _nobody)(record)))


def _nobody(_record: Any) -> tuple[str, ...]:
    return ()


def investors_of(record: Record) -> frozenset[str]:
    """The ids of a funding round's investors; empty for other kinds."""
    if isinstance(record, FundingRound):
        return frozenset(investment.investor for investment in record.investors)
    return frozenset()


def topics_of(record: Record) -> frozenset[Topic]:
    """The record's topics (predictions, debates, statistics carry them)."""
    if isinstance(record, Prediction | Debate | Statistic):
        return record.topics
    return frozenset()


def span_of(record: Record) -> TimeSpan | None:
    """
    The time the record is about: a prediction's horizon, a round's date, a
    trend's period, a figure's date, a source's publication.
    """
    if isinstance(record, Prediction):
        return record.horizon
    if isinstance(record, FundingRound | Statistic):
        return record.date
    if isinstance(record, ComputeTrend):
        return record.period
    if isinstance(record, Source):
        return record.published
    return None


def money_of(record: Record) -> Money | None:
    """A funding round's amount, or a statistic's value when it is money."""
    if isinstance(record, FundingRound):
        return record.amount
    if isinstance(record, Statistic):
        return record.money
    return None


def names_of(record: Record) -> tuple[str, ...]:
    """What a user may call the record by: id, names, aliases, titles, questions."""
    if isinstance(record, Company | Person):
        return (record.id, *record.names)
    if isinstance(record, Source):
        return (record.id, record.title, record.title_en, record.file)
    if isinstance(record, Debate):
        return (record.id, record.question, record.question_en)
    return (record.id,)


def texts_of(record: Record) -> tuple[str, ...]:
    """Every text of the record in English and Chinese, for full-text search."""
    texts = list(names_of(record))
    for name in ("statement", "summary", "note", "condition", "attributed_to", "cites"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            texts.append(value)
    if isinstance(record, Debate):
        for position in record.positions:
            texts.extend(filter(None, (position.summary, position.holder, position.affiliation)))
    if isinstance(record, Person):
        for role in record.roles:
            texts.extend(filter(None, (role.title, role.title_original)))
    texts.extend(excerpt.display for excerpt in excerpts_of(record))
    return tuple(texts)
