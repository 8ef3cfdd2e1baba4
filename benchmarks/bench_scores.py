"""
Scoring speed: `Dataset.scores` over N synthetic predictions with resolutions, side by side
with a plain pandas groupby computing the same hit rates from the same data, in one run.

    python benchmarks/bench_scores.py [--records N] [--runs N]

The predictions (five sources, four hedges) and their resolutions (a verdict each) are
generated here and wrapped in the package's own `Dataset`, so the measured code is the code
users call; scorecards also compute Wilson intervals, Brier, skill and log scores and
calibration, which the pandas line does not.  The pandas frame is built before timing (its
build is shown apart); `Dataset.scores` lines up the predictions beside their verdicts and
counts them on its first call, which is timed afresh each run (the lines "first …"), and
works on those counts afterwards.  Goal (issue 22): a first call, and a first call with
``as_of``, within 1.5x of the pandas groupby, with no pandas needed at run time.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import TYPE_CHECKING, TypeVar

import pandas as pd
import pendulum

import aiforecasts
from aiforecasts import (
    Collection,
    Criterion,
    Dataset,
    Evidence,
    Excerpt,
    Hedge,
    Judgement,
    Prediction,
    PublisherKind,
    Resolution,
    Scorecard,
    TimeSpan,
    Verdict,
    Voice,
)

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")
HEDGES = list(Hedge)
VERDICTS = list(Verdict)


def build(n: int) -> Dataset:
    excerpt = Excerpt("s", 0, 1, "x", "x")
    made = TimeSpan.of_year(2023)
    read = pendulum.Date(2026, 11, 28)
    evidence = (
        Evidence(
            "https://example.org/page",
            "example.org",
            "It happened.",
            read,
            publisher_kind=PublisherKind.NEWS,
        ),
    )
    criterion = Criterion("It happens in 2024.", "It does not happen in 2024.")
    conditional = Criterion("It happens in 2024.", "It does not.", condition="If it rains.")
    predictions = []
    for i in range(n):
        hedge = HEDGES[i % len(HEDGES)]
        predictions.append(
            Prediction(
                f"prediction-{i}",
                f"Statement {i}",
                f"source-{i % 5}",
                made,
                TimeSpan.of_year(2024),
                hedge,
                (excerpt,),
                voice=Voice.OWN,
                criterion=conditional if hedge is Hedge.CONDITIONAL else criterion,
                added_in="synthetic",
                changed_in="synthetic",
            )
        )
    resolutions = []
    for i in range(n):
        verdict = VERDICTS[(i // 5 + i // 25) % len(VERDICTS)]
        if verdict is Verdict.TOO_VAGUE:
            verdict = Verdict.CANNOT_TELL  # too vague is for predictions without a criterion
        cites = (0,) if verdict.needs_evidence else ()
        resolutions.append(
            Resolution(
                f"outcome-{i}",
                f"prediction-{i}",
                verdict,
                read,
                "Why.",
                evidence if verdict.needs_evidence else (),
                parts_held="Some." if verdict is Verdict.PARTLY else None,
                judgements=(
                    Judgement("a", verdict, "Why.", cites),
                    Judgement("b", verdict, "Why.", cites),
                ),
                added_in="synthetic",
                changed_in="synthetic",
            )
        )
    return Dataset(
        "synthetic",
        aiforecasts.SCHEMA_VERSION,
        Collection(()),
        Collection(()),
        Collection(()),
        Collection(predictions),
        Collection(()),
        Collection(()),
        Collection(()),
        Collection(()),
        Collection(resolutions),
    )


def frame(dataset: Dataset) -> pd.DataFrame:
    verdicts = {r.prediction: r.verdict.value for r in dataset.resolutions}
    return pd.DataFrame(
        {
            "source": [p.source for p in dataset.predictions],
            "verdict": [verdicts[p.id] for p in dataset.predictions],
        }
    )


def pandas_hit_rates(table: pd.DataFrame) -> pd.Series:
    """Hit rate per source over settled predictions (came true 1, partly 0.5, did not 0)."""
    weight = table["verdict"].map({"came_true": 1.0, "partly": 0.5, "did_not": 0.0})
    settled = table.assign(weight=weight).dropna(subset=["weight"])
    return settled.groupby("source")["weight"].mean()


def timed(function: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median seconds per call over *runs* calls, and the last result."""
    times = []
    result = function()
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    started = time.perf_counter()
    dataset = build(args.records)
    built = time.perf_counter() - started
    started = time.perf_counter()
    table = frame(dataset)
    framed = time.perf_counter() - started
    print(
        f"aiforecasts {aiforecasts.__version__}, pandas {pd.__version__}, "
        f"Python {sys.version.split()[0]}"
    )
    print(
        f"{args.records:,} predictions + resolutions generated in {built:.1f} s; "
        f"pandas frame built in {framed:.2f} s (not timed below); median of {args.runs} runs\n"
    )

    def afresh(as_of: str | None = None) -> dict[str, Scorecard]:
        """A first call: the counts the dataset keeps for scoring are taken again."""
        dataset._cache.pop("scoring", None)  # noqa: SLF001 - what a first call builds
        return dataset.scores(by="source", as_of=as_of)

    first, _ = timed(afresh, args.runs)
    ours, cards = timed(lambda: dataset.scores(by="source"), args.runs)
    first_as_of, _ = timed(lambda: afresh(as_of="2024-06-30"), args.runs)
    as_of, _ = timed(lambda: dataset.scores(by="source", as_of="2024-06-30"), args.runs)
    theirs, rates = timed(lambda: pandas_hit_rates(table), args.runs)
    for key, card in cards.items():  # the same answer both ways
        assert card.hit_rate is not None
        assert abs(card.hit_rate - float(rates[key])) < 1e-9, key
    print(f"  {'scoring':<62} {'time':>10} {'vs pandas':>10}")
    for label, seconds in (
        ("first Dataset.scores() call (lines up and counts the columns)", first),
        ("Dataset.scores(by='source') again (+ intervals, Brier, skill)", ours),
        ("first Dataset.scores(by='source', as_of=...) (and the timelines)", first_as_of),
        ("Dataset.scores(by='source', as_of=...) again", as_of),
        ("pandas groupby mean of the same hit rates", theirs),
    ):
        print(f"  {label:<62} {seconds * 1e3:8.1f} ms {seconds / theirs:9.2f}x")


if __name__ == "__main__":
    main()
