"""
How the forecasts turned out: a scoreboard per source document and per forecaster, drawn with
intervals.

    python examples/scoreboard.py [OUTPUT.png]

A forecast counts for whoever made it. The rows per source count each document's own
forecasts (not the ones it quotes, reports or argues against); the rows per forecaster count
own and quoted forecasts under the person or organisation who made them. Prints verdict
counts, hit rate with its 95 % Wilson interval, Brier score and skill against always saying
50 %, then the calibration of the hedges, and draws the hit rates with their intervals to
OUTPUT.png (default ``scoreboard.png``) with matplotlib (the ``plot`` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")  # no screen needed
import matplotlib.pyplot as plt

import aiforecasts
from aiforecasts import Scorecard, Verdict, Voice


def table(title: str, cards: dict[str, Scorecard]) -> None:
    print(f"\n{title}")
    print(
        f"{'':<34} {'true':>5} {'partly':>6} {'not':>5} {'open':>5} {'?':>4} {'void':>5}  "
        "hit rate, skill"
    )
    for key, card in cards.items():
        counts = card.counts
        rate = "—" if card.hit_rate is None else f"{card.hit_rate:.0%} ({card.interval})"
        skill = "" if card.skill_vs_half is None else f", {card.skill_vs_half:+.2f}"
        void = counts[Verdict.ANNULLED] + counts[Verdict.TOO_VAGUE]
        print(
            f"{key:<34} {counts[Verdict.CAME_TRUE]:>5} {counts[Verdict.PARTLY]:>6} "
            f"{counts[Verdict.DID_NOT]:>5} {counts[Verdict.NOT_YET_DUE]:>5} "
            f"{counts[Verdict.CANNOT_TELL]:>4} {void:>5}  {rate}{skill}"
        )


def main(output: Path) -> None:
    dataset = aiforecasts.load()
    titles = {source.id: source.title_en for source in dataset.sources}
    by_source = dataset.scores(by="source")
    table("each document's own forecasts (void: annulled or too vague, scored nowhere)", by_source)
    table("own and quoted forecasts, by who made them", dataset.scores(by="forecaster"))
    print("\ncalibration over every forecast: the hedge's probability beside what came true")
    every = list(Voice)
    for hedge_key, card in dataset.scores(by="hedge", voices=every).items():
        row = next(r for r in card.calibration if r.hedge.value == hedge_key)
        seen = "—" if row.hit_rate is None else f"{row.hit_rate:.0%} ({row.interval})"
        print(f"  {hedge_key:<12} read as {row.probability:.0%}, came true {seen} of {row.settled}")

    scored = [(key, card) for key, card in by_source.items() if card.hit_rate is not None]
    figure, axes = plt.subplots(figsize=(9, 0.9 * len(scored) + 1.5))
    for y, (_key, card) in enumerate(scored):
        assert card.hit_rate is not None
        assert card.interval is not None
        axes.plot([card.interval.low, card.interval.high], [y, y], color="tab:blue")
        axes.plot([card.hit_rate], [y], "o", color="tab:blue")
        axes.annotate(
            f"{card.settled} settled",
            (card.interval.high, y),
            xytext=(6, -3),
            textcoords="offset points",
            fontsize=8,
        )
    axes.set_yticks(range(len(scored)), [titles.get(key, key)[:60] for key, _ in scored])
    axes.set_xlim(0, 1.15)
    axes.set_xlabel("hit rate (came true 1, partly 0.5, did not 0), with its 95% Wilson interval")
    axes.set_title(
        "Each document's own forecasts (not those it quotes or reports), "
        f"as of {dataset.resolutions[0].as_of}",
        fontsize=10,
    )
    figure.tight_layout()
    figure.savefig(output, dpi=120)
    print(f"\nplot written to {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "scoreboard.png"))
