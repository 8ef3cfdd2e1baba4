"""Hypothesis strategies: valid records and datasets, and ways to break an export."""

from __future__ import annotations

import json
import re
import string
from decimal import Decimal
from typing import Any

import pendulum
from hypothesis import strategies as st

import aiforecasts
from aiforecasts import (
    Certainty,
    Company,
    ComputeTrend,
    Criterion,
    Currency,
    Debate,
    Excerpt,
    FundingKind,
    FundingRound,
    FundingStatus,
    Growth,
    GrowthKind,
    Hedge,
    Investment,
    InvestorRole,
    Metric,
    Money,
    OrgKind,
    Person,
    Position,
    Precision,
    Prediction,
    Qualifier,
    Quantity,
    Role,
    Script,
    Source,
    Stance,
    Statistic,
    TimeRelation,
    TimeSpan,
    Topic,
    Voice,
)

VERSIONS: dict[str, Any] = {"added_in": "2026.1", "changed_in": "2026.1"}
# Text that says something, without the control and format characters (Cc, Cf) the types
# refuse outside verbatim quotes (they would make names that look alike differ).
text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Cf"]),
    max_size=20,
).map(lambda value: value if value.strip() else f"x{value}")
chinese = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=8)
slugs = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
decimals = st.decimals(min_value=0, max_value=Decimal(10) ** 15, places=2, allow_nan=False)
days = st.dates(min_value=pendulum.Date(1950, 1, 1), max_value=pendulum.Date(2040, 12, 31))


@st.composite
def spans(draw: st.DrawFn) -> TimeSpan:
    a, b = sorted((draw(days), draw(days)))
    return TimeSpan(
        pendulum.Date(a.year, a.month, a.day),
        pendulum.Date(b.year, b.month, b.day),
        draw(st.sampled_from(Precision)),
        draw(text),
        draw(st.sampled_from(Certainty)),
        draw(st.sampled_from(TimeRelation)),
        draw(st.none() | chinese),
        draw(st.none() | text),
    )


@st.composite
def amounts(draw: st.DrawFn, kind: type[Money | Quantity]) -> Any:
    qualifier = draw(st.sampled_from(Qualifier))
    low = draw(decimals)
    high = low + draw(decimals) if qualifier is Qualifier.RANGE else None
    if kind is Money:
        return Money(low, draw(st.sampled_from(Currency)), qualifier, high)
    return Quantity(low, draw(st.sampled_from(["EFLOPS", "percent", "chips"])), qualifier, high)


def excerpts(source: str) -> st.SearchStrategy[Excerpt]:
    return st.builds(
        lambda start, body: Excerpt(source, start, start + len(body), body, body),
        st.integers(0, 10_000),
        chinese,
    )


@st.composite
def datasets(draw: st.DrawFn) -> aiforecasts.Dataset:
    """A small, consistent dataset: every reference resolves."""
    ids = iter(draw(st.lists(slugs, min_size=40, max_size=40, unique=True)))
    source_id = next(ids)
    quote = excerpts(source_id)
    some = st.lists(quote, min_size=1, max_size=2).map(tuple)
    source = Source(
        source_id,
        "doc.txt",
        "0" * 64,
        draw(chinese),
        draw(text),
        draw(st.sampled_from(Script)),
        draw(spans()),
        draw(some),
        **VERSIONS,
    )
    # the names of two records of a kind never fold alike (a lookup would be ambiguous): each
    # record's end in its own number
    companies = [
        Company(
            next(ids),
            f"{draw(text)} #{i}",
            draw(st.sampled_from(OrgKind)),
            draw(some),
            name_hans=draw(st.none() | chinese.map(f"{{}} #{i}".format)),
            aliases=tuple(f"{alias} #{i}" for alias in draw(st.lists(text, max_size=2))),
            **VERSIONS,
        )
        for i in range(draw(st.integers(1, 3)))
    ]
    company_ids = [c.id for c in companies]
    people = [
        Person(
            next(ids),
            f"{draw(chinese)} #{i}",
            f"{draw(text)} #{i}",
            draw(some),
            roles=(Role(draw(text), source_id, organization=draw(st.sampled_from(company_ids))),),
            **VERSIONS,
        )
        for i in range(draw(st.integers(1, 2)))
    ]
    person_ids = [p.id for p in people]
    predictions = []
    for _ in range(draw(st.integers(0, 3))):
        hedge = draw(st.sampled_from(Hedge))
        made_by = tuple(draw(st.lists(st.sampled_from(person_ids), max_size=1)))
        voice = draw(st.sampled_from([Voice.QUOTED, Voice.REPORTED] if made_by else [Voice.OWN]))
        condition = draw(text) if hedge is Hedge.CONDITIONAL else None
        vague = draw(st.none() | text)
        criterion = None if vague else Criterion(draw(text), draw(text), condition=condition)
        predictions.append(
            Prediction(
                next(ids),
                draw(text),
                source_id,
                draw(spans()),
                draw(st.none() | spans()),
                hedge,
                draw(some),
                made_by=made_by,
                companies=tuple(draw(st.lists(st.sampled_from(company_ids), max_size=2))),
                topics=frozenset(draw(st.lists(st.sampled_from(Topic), max_size=3))),
                condition=condition,
                number=draw(st.none() | st.integers(1, 10)),
                voice=voice,
                criterion=criterion,
                unsettleable=vague,
                **VERSIONS,
            )
        )
    rounds = [
        FundingRound(
            next(ids),
            draw(st.sampled_from(company_ids)),
            draw(text),
            draw(st.sampled_from(FundingKind)),
            draw(st.sampled_from(FundingStatus)),
            draw(some),
            investors=(
                Investment(
                    draw(st.sampled_from(company_ids + person_ids)),
                    draw(st.sampled_from(InvestorRole)),
                ),
            ),
            amount=draw(st.none() | amounts(Money)),
            date=draw(st.none() | spans()),
            **VERSIONS,
        )
        for _ in range(draw(st.integers(0, 2)))
    ]
    factor = draw(decimals.filter(lambda d: d > 0))
    trends = [
        ComputeTrend(
            next(ids),
            draw(text),
            draw(st.sampled_from(Metric)),
            Growth(GrowthKind.FACTOR, factor, period_months=Decimal(12)),
            draw(some),
            claimed_by=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=1))),
            **VERSIONS,
        ),
        ComputeTrend(
            next(ids),
            draw(text),
            Metric.TRAINING_COST,
            Growth(GrowthKind.LEVEL, money=draw(amounts(Money))),
            draw(some),
            **VERSIONS,
        ),
    ]
    debates = [
        Debate(
            next(ids),
            draw(chinese),
            draw(text),
            source_id,
            (
                Position(
                    draw(st.sampled_from(Stance)),
                    draw(text),
                    draw(quote),
                    draw(text),
                    speaker=draw(st.sampled_from(person_ids)),
                ),
            ),
            draw(some),
            **VERSIONS,
        )
    ]
    statistics = [
        Statistic(next(ids), draw(text), draw(some), value=draw(amounts(Quantity)), **VERSIONS),
        Statistic(next(ids), draw(text), draw(some), money=draw(amounts(Money)), **VERSIONS),
    ]
    return aiforecasts.Dataset(
        draw(st.sampled_from(["2026.1", "2027.3"])),
        aiforecasts.SCHEMA_VERSION,
        aiforecasts.Collection([source]),
        aiforecasts.Collection(companies),
        aiforecasts.Collection(people),
        aiforecasts.Collection(predictions),
        aiforecasts.Collection(rounds),
        aiforecasts.Collection(trends),
        aiforecasts.Collection(debates),
        aiforecasts.Collection(statistics),
    )


# -- breaking an export ------------------------------------------------------

JUNK = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.text(max_size=5),
    st.sampled_from(["2024-13-01", "-1", "NaN", "XXX", "", "1e999"]),
    # Values where two readers of JSON may differ: whitespace, signs, digit forms,
    # lone surrogates, numbers beyond 64 bits, integral floats.
    st.sampled_from(
        ["5\n", " 5", "+5", "1_000", "٣", "１２", "0x10", "1e1000000", "2024-1-01", "2024-01-01\n"]
    ),
    st.sampled_from(["\ud800", "a\udc00b", "\x00", "\u2028"]),
    st.sampled_from([10**30, -(2**63), 2**64, 1.0, 0.0, -0.0]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(string.ascii_lowercase, max_size=3), st.integers(), max_size=2),
)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


def _parent(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        document = document[step]
    return document


# Scalars written almost right: where two readers of JSON may differ.
TRICKY = st.sampled_from(
    [
        "5\n",
        " 5",
        "5 ",
        "+5",
        "1_000",
        "٣",
        "１２",
        "05",
        ".5",
        "5.",
        "1E5",
        "1e1000000",
        "2024-1-01",
        "2024-01-01\n",
        " 2024-01-01",
        "２０２４-01-01",
        "2024-02-30",
        10**30,
        2**64,
        1.0,
        True,
    ]
)


def _scalar_paths(value: Any) -> list[tuple[Any, ...]]:
    """Paths to numbers and to strings that are decimals or dates (the delicate scalars)."""
    found = []
    for path in _paths(value):
        item = _parent(value, (*path, None))  # the value at *path*
        if (isinstance(item, int) and not isinstance(item, bool)) or (
            isinstance(item, str)
            and (re.fullmatch(r"-?\d+(\.\d+)?", item) or re.fullmatch(r"\d{4}-\d\d-\d\d", item))
        ):
            found.append(path)
    return found


@st.composite
def broken(draw: st.DrawFn, export: str) -> tuple[str, bytes, bool]:
    """(how, bytes, surely invalid): an export with one thing wrong with it."""
    how = draw(
        st.sampled_from(
            [
                "replace",
                "delete",
                "add key",
                "truncate",
                "bad byte",
                "nan",
                "version",
                "not json",
                "tricky",
            ]
        )
    )
    blob = export.encode("utf-8")
    if how == "truncate":
        cut = draw(st.integers(0, len(blob) - 2))
        return how, blob[:cut], True
    if how == "bad byte":
        at = draw(st.integers(0, len(blob) - 1))
        return (
            how,
            blob[:at] + draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\x80"])) + blob[at:],
            True,
        )
    if how == "nan":
        return how, blob.replace(b'"2026.1"', b"NaN", 1).replace(b'"2027.3"', b"NaN", 1), True
    if how == "not json":
        return how, draw(st.binary(max_size=40)) + b"\x00{", True
    document = json.loads(export)
    if how == "version":
        version = draw(st.integers().filter(lambda v: v != aiforecasts.SCHEMA_VERSION))
        document["schema_version"] = version
        # An older version may read fine through the migrations; others never do.
        return how, json.dumps(document).encode(), not 1 <= version < aiforecasts.SCHEMA_VERSION
    if how == "tricky":
        path = draw(
            st.sampled_from([p for p in _scalar_paths(document) if p[-1] != "schema_version"])
        )
        _parent(document, path)[path[-1]] = draw(TRICKY)
        return how, json.dumps(document).encode(), False
    paths = [p for p in _paths(document) if p]
    path = draw(st.sampled_from(paths))
    parent = _parent(document, path)
    if how == "add key":
        target = parent[path[-1]]
        if not isinstance(target, dict):
            return how, json.dumps(document).encode(), False
        target[draw(st.sampled_from(["surprise", "Id", "extra_field"]))] = 1
        return how, json.dumps(document).encode(), True
    if how == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "delete":
        parent.pop(path[-1])
    else:
        parent[path[-1]] = draw(JUNK)
    return how, json.dumps(document).encode(), False


@st.composite
def broken_lines(draw: st.DrawFn, export: str) -> tuple[str, bytes]:
    """(how, bytes): a JSON Lines export with one record line broken."""
    lines = export.splitlines()
    index = draw(st.integers(1, len(lines) - 1))
    document = json.loads(lines[index])
    how = draw(st.sampled_from(["replace", "delete", "tricky"]))
    paths = [p for p in _paths(document) if len(p) > 1]
    if how == "tricky":
        paths = [p for p in _scalar_paths(document) if len(p) > 1] or paths
    path = draw(st.sampled_from(paths))
    parent = _parent(document, path)
    if how == "tricky":
        parent[path[-1]] = draw(TRICKY)
    elif how == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif how == "delete":
        parent.pop(path[-1])
    else:
        parent[path[-1]] = draw(JUNK)
    lines[index] = json.dumps(document, ensure_ascii=draw(st.booleans()))
    return how, "\n".join(lines).encode("utf-8", "surrogatepass")
