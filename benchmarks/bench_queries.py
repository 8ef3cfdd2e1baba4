"""
Query speed on synthetic records: indexed lookups against a linear scan over
the same records, side by side in one run, and full-text search against the
scan it replaced.

    python benchmarks/bench_queries.py [--records N] [--runs N] [--search-records N]

Lookups: *--records* generated records (companies with an English name and a
traditional-Chinese alias; predictions naming one company each), wrapped in
the package's own `Collection` and `Dataset`, so the measured code is the code
users call.  Goal: id, alias and company lookups at least 100x faster than the
scan.

Search: *--search-records* predictions (a million by default) carrying the
text of the bundled ones in turn — English statements and Chinese excerpts —
each also naming a synthetic company and a model number, beside the bundled
companies and people.  Each query of `QUERIES` (English, Chinese in either
script, Taiwan usage, names, a word's beginning, a miss) and three about the
synthetic records is timed through `Collection.search` and through the scan
search was before the index (every word a substring of the folded text), with
the hits of each: the scan matches substrings and knows no names, so its counts
differ.  Index builds (paid once, on first use) are shown apart.  Because the
bundled texts repeat, every word of them is in at least one record in 140:
queries for them return tens of thousands of records at a million.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from typing import TYPE_CHECKING, TypeVar

import attrs

import aiforecasts
from aiforecasts import (
    Collection,
    Company,
    Criterion,
    Dataset,
    Excerpt,
    Hedge,
    OrgKind,
    Prediction,
    TimeSpan,
    Voice,
)
from aiforecasts._model.text import fold

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
DIGITS = "零一二三四五六七八九"


def chinese(number: int) -> str:
    return "".join(DIGITS[int(d)] for d in str(number))


def build(n: int) -> Dataset:
    excerpt = Excerpt("s", 0, 1, "x", "x")
    made = TimeSpan.of_year(2023)
    companies = [
        Company(
            f"company-{i}",
            f"Company {i}",
            OrgKind.COMPANY,
            (excerpt,),
            name_hant=f"公司{chinese(i)}號",
            aliases=(f"Co{i} Ltd",),
            added_in="synthetic",
            changed_in="synthetic",
        )
        for i in range(n // 2)
    ]
    criterion = Criterion("The company ships it in the year.", "It does not.")
    predictions = [
        Prediction(
            f"prediction-{i}",
            f"Company {i % len(companies)} will ship model {i} in {2024 + i % 3}",
            "s",
            made,
            TimeSpan.of_year(2024 + i % 3),
            Hedge.LIKELY,
            (excerpt,),
            companies=(f"company-{i % len(companies)}",),
            voice=Voice.OWN,
            criterion=criterion,
            added_in="synthetic",
            changed_in="synthetic",
        )
        for i in range(n - len(companies))
    ]
    return Dataset(
        "synthetic",
        aiforecasts.SCHEMA_VERSION,
        sources=Collection(()),
        companies=Collection(companies),
        people=Collection(()),
        predictions=Collection(predictions),
        funding_rounds=Collection(()),
        compute_trends=Collection(()),
        debates=Collection(()),
        statistics=Collection(()),
    )


def build_texts(n: int) -> Dataset:
    """*n* predictions with the text of real ones: the bundled predictions' statements and
    Chinese excerpts in turn, each also naming a synthetic company and a model number, beside
    the bundled companies and people (so names resolve) and the synthetic companies."""
    real = aiforecasts.load()
    templates = list(real.predictions)
    synthetic = [
        Company(
            f"company-{i}",
            f"Company {i}",
            OrgKind.COMPANY,
            real.companies[0].excerpts,
            name_hant=f"公司{chinese(i)}號",
            added_in="synthetic",
            changed_in="synthetic",
        )
        for i in range(max(1, n // 50))
    ]
    predictions = []
    for i in range(n):
        template = templates[i % len(templates)]
        company = i % len(synthetic)
        predictions.append(
            attrs.evolve(
                template,
                id=f"prediction-{i}",
                statement=f"{template.statement} Company {company} ships model {i}.",
                companies=(*template.companies, f"company-{company}"),
                parent=None,
                same_claim=(),
                contradicts=(),
            )
        )
    return Dataset(
        "synthetic",
        aiforecasts.SCHEMA_VERSION,
        sources=real.sources,
        companies=Collection([*real.companies, *synthetic]),
        people=real.people,
        predictions=Collection(predictions),
        funding_rounds=Collection(()),
        compute_trends=Collection(()),
        debates=Collection(()),
        statistics=Collection(()),
    )


def timed(function: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median seconds per call over *runs* calls, and the last result."""
    times = []
    result = function()
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def row(label: str, indexed: float, scan: float) -> str:
    ratio = scan / indexed if indexed else float("inf")
    return f"  {label:<34} {indexed * 1e6:10.1f} µs {scan * 1e6:12.1f} µs {ratio:10.0f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument(
        "--search-records", type=int, default=1_000_000, help="predictions to search (real text)"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    started = time.perf_counter()
    dataset = build(args.records)
    companies, predictions = dataset.companies, dataset.predictions
    print(f"aiforecasts {aiforecasts.__version__}, Python {sys.version.split()[0]}")
    print(
        f"{len(companies):,} companies + {len(predictions):,} predictions generated in "
        f"{time.perf_counter() - started:.1f} s; median of {args.runs} runs\n"
    )

    # Indexes are built on first use; time that once, apart from the lookups.
    for label, warm in (
        ("id index", lambda: companies.get("company-0")),
        ("name index (names as written)", lambda: companies.lookup("Company 0")),
        ("company index", lambda: predictions.mentioning("company-0")),
    ):
        start = time.perf_counter()
        warm()
        print(f"  first use, builds the {label}: {time.perf_counter() - start:.2f} s")
    print()

    middle = len(companies) // 2
    target_id = f"company-{middle}"
    alias = f"公司{chinese(middle)}號"  # the traditional alias, as written
    folded = fold(alias)

    def scan_id() -> Company | None:
        return next((c for c in companies if c.id == target_id), None)

    def scan_alias() -> Company | None:
        return next((c for c in companies if any(fold(n) == folded for n in c.names)), None)

    def scan_company() -> list[Prediction]:
        return [p for p in predictions if target_id in p.companies]

    print(f"  {'lookup':<34} {'indexed':>13} {'linear scan':>15} {'speed-up':>11}")
    t_get, found = timed(lambda: companies.get(target_id), args.runs)
    t_scan, expected = timed(scan_id, max(3, args.runs // 10))
    assert found is expected
    print(row(f"get({target_id!r})", t_get, t_scan))
    t_lookup, found = timed(lambda: companies.lookup(alias), args.runs)
    t_scan, expected = timed(scan_alias, 3)
    assert found is expected
    print(row("lookup(traditional alias)", t_lookup, t_scan))
    # A fairer scan: names folded beforehand, so the scan only compares strings.
    prefolded = [(c, [fold(n) for n in c.names]) for c in companies]

    def scan_prefolded() -> Company | None:
        return next((c for c, names in prefolded if folded in names), None)

    t_scan, expected = timed(scan_prefolded, max(3, args.runs // 10))
    assert found is expected
    print(row("  vs a scan of pre-folded names", t_lookup, t_scan))
    t_mention, got = timed(lambda: predictions.mentioning(target_id), args.runs)
    t_scan, want = timed(scan_company, max(3, args.runs // 10))
    assert list(got) == want
    print(row("mentioning(company id)", t_mention, t_scan))
    t_mention_name, got = timed(lambda: predictions.mentioning(alias), args.runs)
    assert list(got) == want
    print(row("mentioning(company alias)", t_mention_name, t_scan))

    started = time.perf_counter()
    texts = build_texts(args.search_records)
    print(
        f"\n{args.search_records:,} predictions with real text generated in "
        f"{time.perf_counter() - started:.1f} s"
    )
    search(texts, max(3, args.runs // 10))


QUERIES = (
    "Nvidia",
    "輝達",
    "open source",
    "智商税",
    "晶片",
    "anthrop",
    "scaling law",
    "数据中心 电力",
    "no such words",
)
"""Queries as people type them (the relevance table's kinds); the synthetic ones are added."""


def search(dataset: Dataset, runs: int) -> None:
    """Full-text search: the index built on first use, then each query against the scan that
    search was before the index (every word a substring of the record's folded text)."""
    predictions = dataset.predictions
    print(f"\nfull-text search over {len(predictions):,} predictions' text")
    start = time.perf_counter()
    predictions.search("warm")
    print(
        f"  first use, folds every text and builds the index: {time.perf_counter() - start:.1f} s"
    )
    blobs = predictions._index().blobs  # noqa: SLF001 - the texts the index holds

    def scan(text: str) -> list[Prediction]:
        terms = fold(text).split()
        pairs = zip(predictions, blobs, strict=True)
        return [p for p, blob in pairs if all(term in blob for term in terms)]

    middle = (len(dataset.companies) - 103) // 2
    queries = (
        *QUERIES,
        f"Company {middle}",
        f"公司{chinese(middle)}號",
        f"model {len(predictions) // 3}",
    )
    header = f"{'indexed':>11} {'hits':>8} {'linear scan':>13} {'hits':>8} {'speed-up':>9}"
    print(f"  {'query':<22} {header}")
    indexed_times = []
    for text in queries:
        seconds, hits = timed(functools.partial(predictions.search, text), runs)
        scan_seconds, scanned = timed(functools.partial(scan, text), max(1, min(3, runs)))
        indexed_times.append(seconds)
        ratio = scan_seconds / seconds if seconds else float("inf")
        print(
            f"  {text!r:<22} {seconds * 1e3:8.2f} ms {len(hits):8,} {scan_seconds * 1e3:10.1f} ms "
            f"{len(scanned):8,} {ratio:8.0f}x"
        )
    print(
        f"  median over the {len(queries)} queries: {statistics.median(indexed_times) * 1e3:.2f} ms"
    )
    seconds, dataset_hits = timed(lambda: dataset.search("Nvidia 晶片"), runs)
    print(
        f"  Dataset.search('Nvidia 晶片') over all kinds, 20 best: {seconds * 1e3:8.2f} ms "
        f"({len(dataset_hits)} hits shown)"
    )


if __name__ == "__main__":
    main()
