"""
The second adversarial trial (issue 23), kept as tests: the findings about the model —
cross-record checks, lookups, search, `verify_sources`, pickling, scores, argument types.

No test times anything (the machines are shared): each bounds the work by construction
(how often the costly step runs, how many files are read) or runs an input that took
minutes or hours before the fix and takes a second now.
"""

# ruff: noqa: S301 - pickles made here, by the test itself

from __future__ import annotations

import copy
import difflib
import json
import pickle
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
import pytest

import aiforecasts
from aiforecasts import Collection, DataError
from aiforecasts._model import integrity as _integrity
from aiforecasts._model.limits import MAX_QUERY
from aiforecasts._model.records import Company
from aiforecasts._query import names as _query
from aiforecasts._tools import verify as _verify

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


@pytest.fixture(scope="module")
def ds() -> aiforecasts.Dataset:
    return aiforecasts.load()


def _chain(ds: aiforecasts.Dataset, length: int, *, cycle: bool = False) -> list[Company]:
    """*length* companies, each the parent of the next (the first's parent the last's, with
    *cycle*)."""
    nvidia = ds.companies.get("nvidia")
    assert isinstance(nvidia, Company)
    last = f"chain-{length - 1}" if cycle else None
    return [
        attrs.evolve(
            nvidia,
            id=f"chain-{i}",
            name=f"Chain {i}",
            name_hans=None,
            name_hant=None,
            aliases=(),
            parent=f"chain-{i - 1}" if i else last,
        )
        for i in range(length)
    ]


def _with_companies(ds: aiforecasts.Dataset, extra: list[Company]) -> aiforecasts.Dataset:
    return attrs.evolve(ds, companies=Collection([*ds.companies, *extra]))


# M7: the parent-cycle check is linear ------------------------------------------------


def _cycle_problems(companies: list[Any]) -> list[str]:
    problems = _integrity.check(
        {"companies": Company}, {"companies": companies}, check_references=False
    )
    return [str(problem) for problem in problems]


def test_a_long_parent_chain_is_checked_once_per_record(ds: aiforecasts.Dataset) -> None:
    """50,000 companies in one chain: the check walked the chain from every record, looking
    each step up in a list (cubic: hours); it now walks each record once."""
    assert _cycle_problems(_chain(ds, 50_000)) == []


def test_a_long_cycle_is_reported_once_and_briefly(ds: aiforecasts.Dataset) -> None:
    (problem,) = _cycle_problems(_chain(ds, 50_000, cycle=True))
    assert "companies[0].parent" in problem
    assert "a cycle of parents: chain-0 → chain-49999 → " in problem
    assert "(49993 more)" in problem
    assert problem.endswith("chain-1 → chain-0")
    assert len(problem) < 400


def test_cycles_are_found_wherever_they_start(ds: aiforecasts.Dataset) -> None:
    """A record its own parent, two records each the other's, and a chain leading into a
    cycle: each cycle once, at its first record, and the records above it not at all."""
    chain = _chain(ds, 6)
    chain[0] = attrs.evolve(chain[0], parent="chain-0")  # its own parent
    chain[2] = attrs.evolve(chain[2], parent="chain-3")  # 2 ⇄ 3; 4 and 5 lead into it
    problems = _cycle_problems(chain)
    assert len(problems) == 2, problems
    assert "companies[0].parent" in problems[0]
    assert problems[0].endswith("a cycle of parents: chain-0 → chain-0")
    assert "companies[2].parent" in problems[1]
    assert problems[1].endswith("a cycle of parents: chain-2 → chain-3 → chain-2")


def test_a_million_long_chain_needs_no_deep_stack() -> None:
    up: dict[str, str | None] = {f"c{i}": f"c{i - 1}" if i else None for i in range(1_000_000)}
    assert list(_integrity._cycles_in(up, int)) == []
    up["c0"] = "c999999"
    order = {name: i for i, name in enumerate(up)}
    (cycle,) = _integrity._cycles_in(up, order.__getitem__)
    assert len(cycle) == 1_000_000
    assert cycle[0] == "c0"


def test_a_long_parent_chain_in_an_export_loads(ds: aiforecasts.Dataset) -> None:
    """Through the reader, as the trial found it (there 3,000 companies took 37.5 s)."""
    document = json.loads(aiforecasts.to_json(_with_companies(ds, _chain(ds, 5_000))))
    assert len(aiforecasts.loads(json.dumps(document)).companies) == len(ds.companies) + 5_000
    document["records"]["companies"][-5_000]["parent"] = "chain-4999"
    with pytest.raises(DataError, match=r"a cycle of parents: chain-0 → chain-4999 → "):
        aiforecasts.loads(json.dumps(document))


def test_units_of_units_are_found_through_an_index(ds: aiforecasts.Dataset) -> None:
    """``include_units`` looked through every company once per level (quadratic in the
    depth: minutes for 20,000 levels)."""
    chained = _with_companies(ds, _chain(ds, 20_000))
    found = chained.companies.mentioning("chain-0", include_units=True)
    assert len(found) == 20_000
    ids = {"alphabet"}
    while grown := {c.id for c in ds.companies if c.parent in ids} - ids:
        ids |= grown
    assert len(ids) > 1
    expected = ds.predictions.where(lambda p: bool(ids & {*p.companies, *p.made_by}))
    assert ds.predictions.mentioning("alphabet", include_units=True) == expected


# M11: approximate matching is bounded by the query's length ---------------------------


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """The lengths of every pair of texts `difflib` compares, recorded."""
    lengths: list[tuple[int, int]] = []
    original = difflib.SequenceMatcher

    def recording(isjunk: Any = None, a: str = "", b: str = "", **more: Any) -> Any:
        lengths.append((len(a), len(b)))
        return original(isjunk, a, b, **more)

    monkeypatch.setattr(difflib, "SequenceMatcher", recording)
    return lengths


def test_a_long_name_is_not_compared_approximately(
    ds: aiforecasts.Dataset, compared: list[tuple[int, int]]
) -> None:
    """``lookup("a" * 100_000)`` took 11.6 s, ``show`` of a 131 KB name 66-87 s."""
    with pytest.raises(LookupError) as info:
        ds.companies.lookup("a" * 100_000)
    assert compared == []
    assert len(str(info.value)) < 2 * MAX_QUERY + 100
    assert ds.companies.search_fuzzy("nvidia " * 100) == []
    with pytest.raises(KeyError) as missing:
        ds.companies["a" * 100_000]
    assert len(str(missing.value)) < 2 * MAX_QUERY + 100
    assert compared == []


def test_a_short_name_still_finds_close_names(
    ds: aiforecasts.Dataset, compared: list[tuple[int, int]]
) -> None:
    with pytest.raises(LookupError, match="close: Nvidia"):
        ds.companies.lookup("Nvidea")
    assert compared
    assert all(query <= MAX_QUERY for query, _ in compared)
    near = "x" * (MAX_QUERY - 6) + "nvidia"
    assert [m.record.id for m in ds.companies.search_fuzzy(near, cutoff=0.0)]


def test_a_long_name_is_still_matched_exactly(ds: aiforecasts.Dataset) -> None:
    long_name = "Long" + " name" * MAX_QUERY
    company = attrs.evolve(ds.companies["nvidia"], id="long", aliases=(long_name,))
    named = _with_companies(ds, [company])
    assert named.companies.lookup(long_name.upper()).id == "long"
    (match,) = named.companies.search_fuzzy(long_name)
    assert (match.record.id, match.score, match.name) == ("long", 1.0, long_name)
    assert named.companies.search_fuzzy(long_name + "x") == []


def test_a_long_query_is_taken_word_for_word(
    ds: aiforecasts.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query looked up each word, and each group of up to four, as a name: 20,000 words
    took 6.4 s.  Past `MAX_QUERY` characters it is pasted text: no name is looked for."""
    looked: list[str] = []
    refs = _query._Resolver.refs

    def counting(self: Any, folded: str) -> Any:
        looked.append(folded)
        return refs(self, folded)

    monkeypatch.setattr(_query._Resolver, "refs", counting)
    assert ds.search(" ".join(f"w{i}" for i in range(20_000))) == []
    assert ds.predictions.search(" ".join(f"w{i}" for i in range(20_000))) == ds.predictions[:0]
    assert looked == []
    # pasted text still finds where it comes from
    statement = max((p.statement for p in ds.predictions), key=len)
    pasted = " ".join([statement] * (MAX_QUERY // len(statement) + 2))
    assert len(pasted) > MAX_QUERY
    assert statement in [
        getattr(hit.record, "statement", None) for hit in ds.search(pasted, limit=None)
    ]
    assert looked == []
    ds.search("Nvidia chips")
    assert looked  # a short query still looks for names


def test_unknown_words_are_not_remembered(ds: aiforecasts.Dataset) -> None:
    """Every query word's beginning was cached on the index, found or not: memory grew with
    every distinct word ever searched for."""
    ds.predictions.search("nvidia")
    index = ds.predictions._index()
    before = len(index._frequent)
    ds.predictions.search(" ".join(f"zzz{i}" for i in range(5_000)))
    ds.predictions.search(" ".join(f"qqq{i}" for i in range(50)))
    assert len(index._frequent) == before


def test_long_chinese_queries(ds: aiforecasts.Dataset) -> None:
    assert ds.search("英伟达芯片云" * 17_000) == []
    assert ds.search(" ".join(["英伟达"] * 20_000))[0].record.id == "nvidia"


# M17: a missing document costs a bounded search -----------------------------------------


def _copy(seeds: Path, folder: Path) -> Path:
    folder.mkdir()
    for document in seeds.glob("*.txt"):
        (folder / document.name).write_bytes(document.read_bytes())
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files `verify_sources` reads, recorded."""
    names: list[str] = []
    original = _verify._read_document

    def recording(path: Path) -> bytes | str:
        names.append(path.name)
        return original(path)

    monkeypatch.setattr(_verify, "_read_document", recording)
    return names


def test_links_are_not_searched_for_a_missing_document(
    seeds: Path, tmp_path: Path, reads: list[str], ds: aiforecasts.Dataset
) -> None:
    """300 links to one large file: each was read and hashed (52 s)."""
    folder = _copy(seeds, tmp_path / "docs")
    missing = ds.sources[0]
    (folder / missing.file).unlink()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"x" * 1_000_000)
    for i in range(300):
        (folder / f"link-{i:03}.txt").symlink_to(elsewhere)
    report = aiforecasts.verify_sources(folder)
    assert [(m.source, m.problem) for m in report.mismatches] == [(missing.id, "missing")]
    assert not [name for name in reads if name.startswith("link-")]


def test_a_moved_document_is_still_found(
    seeds: Path, tmp_path: Path, reads: list[str], ds: aiforecasts.Dataset
) -> None:
    folder = _copy(seeds, tmp_path / "docs")
    moved = ds.sources[0]
    (folder / moved.file).rename(folder / "zz-moved.txt")
    (folder / "aa-too-small.txt").write_bytes(b"tiny")
    assert aiforecasts.verify_sources(folder).ok
    assert "aa-too-small.txt" not in reads


def test_the_search_for_a_missing_document_stops(
    seeds: Path, tmp_path: Path, reads: list[str], ds: aiforecasts.Dataset
) -> None:
    folder = _copy(seeds, tmp_path / "docs")
    missing = ds.sources[0]
    (folder / missing.file).unlink()
    size = _verify._smallest(ds)
    for i in range(_verify.MOVED_FILES + 30):
        (folder / f"other-{i:03}.txt").write_bytes(b"y" * size)
    report = aiforecasts.verify_sources(folder)
    (mismatch,) = report.mismatches
    assert mismatch.problem == "missing"
    assert f"searched {_verify.MOVED_FILES} other files" in mismatch.message
    assert len([name for name in reads if name.startswith("other-")]) == _verify.MOVED_FILES


# Pickling ---------------------------------------------------------------------------------


def test_a_dataset_pickles(ds: aiforecasts.Dataset) -> None:
    ds.search("nvidia")
    ds.scores()  # caches and locks built: left behind
    copied = pickle.loads(pickle.dumps(ds))
    assert copied == ds
    assert copied is not ds
    assert copied.counts() == ds.counts()
    assert copied.companies.lookup("英偉達").id == "nvidia"
    assert copied.search("nvidia")[0].record.id == "nvidia"
    assert copied.scores() == ds.scores()
    assert copy.deepcopy(ds) is ds


def test_a_filtered_collection_pickles(ds: aiforecasts.Dataset) -> None:
    found = ds.predictions.mentioning("nvidia").in_year(2024)
    copied = pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    assert copied == found
    assert copied.ids() == found.ids()
    # it still knows its kind and resolves names in its dataset
    assert copied.mentioning("英伟达").ids() == found.mentioning("英伟达").ids()
    assert copied.search("GPU").ids() == found.search("GPU").ids()
    whole = pickle.loads(pickle.dumps(ds.companies))
    assert whole == ds.companies
    assert whole["nvidia"] == ds.companies["nvidia"]
    plain = Collection(list(ds.people)[:3])
    assert pickle.loads(pickle.dumps(plain)) == plain
    assert copy.deepcopy(found) is found


# HEDGE_PROBABILITY ----------------------------------------------------------------------


def test_hedge_probabilities_cannot_be_changed(
    ds: aiforecasts.Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = aiforecasts.HEDGE_PROBABILITY
    assert isinstance(table, Mapping)
    assert table[aiforecasts.Hedge.CERTAIN] == 0.9
    with pytest.raises(TypeError):
        table[aiforecasts.Hedge.CERTAIN] = 1.0  # type: ignore[index]
    before = ds.scores()
    sure = dict.fromkeys(aiforecasts.Hedge, 1.0)
    monkeypatch.setattr(aiforecasts._query.scores, "HEDGE_PROBABILITY", sure)
    monkeypatch.setattr(aiforecasts, "HEDGE_PROBABILITY", sure, raising=False)
    assert ds.scores() == before
    assert ds.scores(probabilities=sure) != before


# Names that fold alike ------------------------------------------------------------------

ALIKE = [
    ("companies", "輝達", "nvidia"),  # Taiwan usage of Nvidia's Chinese name
    ("companies", "ＮＶＩＤＩＡ", "nvidia"),  # full width
    ("companies", " openai ", "openai"),  # case and space, and an id
    ("people", "SAM ALTMAN", "sam-altman"),
    ("sources", "TEN-AI-PREDICTIONS-2024", "ten-ai-predictions-2024"),
]


@pytest.mark.parametrize(("kind", "alias", "other"), ALIKE)
def test_names_that_fold_alike_are_refused(
    ds: aiforecasts.Dataset, kind: str, alias: str, other: str
) -> None:
    """A record after *other* takes *alias*, which folds to a name of *other*: a lookup by
    it found both."""
    document = json.loads(aiforecasts.to_json(ds))
    records = document["records"][kind]
    first = next(i for i, r in enumerate(records) if r["id"] == other)
    index = first + 1
    field = "aliases" if "aliases" in records[index] else "title"
    if field == "aliases":
        records[index]["aliases"] = [*records[index]["aliases"], alias]
    else:
        records[index]["title"] = alias
    with pytest.raises(DataError) as info:
        aiforecasts.loads(json.dumps(document))
    (problem,) = info.value.problems
    assert problem.path.startswith(f"{kind}[{index}].{field}")
    assert f"also a name of '{other}'" in problem.message
    assert "ambiguous" in problem.message


def test_the_bundled_names_are_distinct(ds: aiforecasts.Dataset) -> None:
    from aiforecasts._model.kinds import KINDS  # noqa: PLC0415

    for kind in KINDS:
        records = list(getattr(ds, kind.name))
        assert list(_integrity.names_once(records, kind.cls, kind.names)) == []


def test_a_record_may_repeat_its_own_names(ds: aiforecasts.Dataset) -> None:
    nvidia = ds.companies["nvidia"]
    again = attrs.evolve(nvidia, aliases=(*nvidia.aliases, "nvidia", "輝達", "NVIDIA "))
    assert list(_integrity.names_once([again], Company, lambda r: (r.id, *r.names))) == []


# Wrong argument types ---------------------------------------------------------------------

WRONG: list[tuple[str, Callable[[aiforecasts.Dataset], object], str]] = [
    ("lookup(None)", lambda ds: ds.companies.lookup(None), "lookup"),  # type: ignore[arg-type]
    ("lookup(1)", lambda ds: ds.people.lookup(1), "lookup"),  # type: ignore[arg-type]
    ("search(b'x')", lambda ds: ds.search(b"x"), "search"),  # type: ignore[arg-type]
    ("Collection.search(None)", lambda ds: ds.predictions.search(None), "search"),  # type: ignore[arg-type]
    ("search_fuzzy(1)", lambda ds: ds.companies.search_fuzzy(1), "search_fuzzy"),  # type: ignore[arg-type]
    ("mentioning(123)", lambda ds: ds.predictions.mentioning(123), "mentioning"),  # type: ignore[arg-type]
    ("by(123)", lambda ds: ds.predictions.by(123), "by"),  # type: ignore[arg-type]
    ("citing(1)", lambda ds: ds.predictions.citing(1), "citing"),  # type: ignore[arg-type]
    ("backed_by(1)", lambda ds: ds.funding_rounds.backed_by(1), "backed_by"),  # type: ignore[arg-type]
    ("overlapping(1)", lambda ds: ds.predictions.overlapping(1), "overlapping"),  # type: ignore[arg-type]
    ("resolution_of(1)", lambda ds: ds.resolution_of(1), "resolution_of"),  # type: ignore[arg-type]
    ("predictions_about(1)", lambda ds: ds.predictions_about(1), "predictions_about"),  # type: ignore[arg-type]
    ("funding_of(1)", lambda ds: ds.funding_of(1), "funding_of"),  # type: ignore[arg-type]
    ("funding_by(1)", lambda ds: ds.funding_by(1), "funding_by"),  # type: ignore[arg-type]
    ("positions_of(1)", lambda ds: ds.positions_of(1), "positions_of"),  # type: ignore[arg-type]
    ("Dataset.citing(1)", lambda ds: ds.citing(1), "citing"),  # type: ignore[arg-type]
    ("scores(partly='x')", lambda ds: ds.scores(partly="x"), "partly"),  # type: ignore[arg-type]
    ("scores(probabilities=1)", lambda ds: ds.scores(probabilities=1), "probabilities"),  # type: ignore[arg-type]
    (
        "verify_sources(dataset=1)",
        lambda _ds: aiforecasts.verify_sources(".", 1),  # type: ignore[arg-type]
        "verify_sources",
    ),
]


@pytest.mark.parametrize(
    ("call", "method"), [(c, m) for _, c, m in WRONG], ids=[w[0] for w in WRONG]
)
def test_wrong_argument_types_raise_type_error(
    ds: aiforecasts.Dataset, call: Callable[[aiforecasts.Dataset], object], method: str
) -> None:
    with pytest.raises(TypeError, match=method):
        call(ds)


def test_numbers_of_every_kind_weigh_partly(ds: aiforecasts.Dataset) -> None:
    from decimal import Decimal  # noqa: PLC0415
    from fractions import Fraction  # noqa: PLC0415

    expected = ds.scores()
    assert ds.scores(partly=Decimal("0.5")) == expected  # type: ignore[arg-type]
    assert ds.scores(partly=Fraction(1, 2)) == expected  # type: ignore[arg-type]


def test_funding_totals_of_the_longest_figures_are_exact() -> None:
    # A figure may have 38 digits; Python's default decimal context keeps 28, and rounded
    # 2 * 12345678901234567890123456789.123456789 to 2.469135780246913578024691358E+28.
    from decimal import Decimal  # noqa: PLC0415 - this test's subject

    from aiforecasts._query import funding as _funding  # noqa: PLC0415

    figure = Decimal("12345678901234567890123456789.123456789")
    parts = [_funding._Part("a", figure, figure), _funding._Part("b", figure, figure)]
    total = _funding._total("x", aiforecasts.Currency.USD, parts, [])
    assert total.low == total.high == Decimal("24691357802469135780246913578.246913578")
