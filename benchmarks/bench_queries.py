"""
Query speed on 100,000 synthetic records: indexed lookups against a linear
scan over the same records, side by side in one run, and full-text search
latency.

    python benchmarks/bench_queries.py [--records N] [--runs N]

The records are generated here (companies with an English name and a
traditional-Chinese alias; predictions naming one company each), wrapped in
the package's own `Collection` and `Dataset`, so the measured code is the
code users call.  Goal: id, alias and company lookups at least 100x faster
than the scan.  Index build time (paid once, on first use) is shown apart.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import sys
import time
from typing import TYPE_CHECKING, TypeVar

import aiforecasts
from aiforecasts import (
    Collection,
    Company,
    Dataset,
    Excerpt,
    Hedge,
    OrgKind,
    Prediction,
    TimeSpan,
)
from aiforecasts._text import fold

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
        ("name index (folds every name)", lambda: companies.lookup("Company 0")),
        ("company index", lambda: predictions.mentioning("company-0")),
    ):
        start = time.perf_counter()
        warm()
        print(f"  first use, builds the {label}: {time.perf_counter() - start:.2f} s")
    print()

    middle = len(companies) // 2
    target_id = f"company-{middle}"
    alias = f"公司{chinese(middle)}號"  # traditional 號: matched through OpenCC folding
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

    search(dataset)


def search(dataset: Dataset) -> None:
    """Full-text search: the first use, then queries."""
    predictions = dataset.predictions
    print("\nfull-text search (all words, any script and case)")
    start = time.perf_counter()
    predictions.search("warm")
    print(f"  first use, folds every record's text: {time.perf_counter() - start:.2f} s")
    for text in (f"model {len(predictions) - 1}", "COMPANY 7 ship", "no such words"):
        seconds, hits = timed(functools.partial(predictions.search, text), 5)
        print(f"  search({text!r}): {seconds * 1e3:8.1f} ms, {len(hits)} hits")
    seconds, dataset_hits = timed(lambda: dataset.search("公司一號"), 3)
    print(
        f"  Dataset.search('公司一號') over all kinds: {seconds * 1e3:8.1f} ms, "
        f"{len(dataset_hits)} hits shown (of a ranked list)"
    )


if __name__ == "__main__":
    main()
