"""
Compute-growth claims compared, projected and drawn on a log scale.

    python examples/compute_growth.py [OUTPUT.png]

Every compute trend that states a rate is converted to one scale (factor per year, doubling
time), compared with the fastest claim, and projected over three years from 1; the projections
are drawn to OUTPUT.png (default ``compute_growth.png``) with matplotlib (the ``plot`` extra).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib as mpl

mpl.use("Agg")  # no screen needed
import matplotlib.pyplot as plt

import aiforecasts
from aiforecasts import Rate


def main(output: Path) -> None:
    dataset = aiforecasts.load()
    rated = [(t, r) for t in dataset.compute_trends if (r := Rate.of(t.growth)) is not None]
    rated.sort(key=lambda pair: -pair[1].factor_per_year)
    fastest = rated[0][1]
    print(f"{'claim':<58} {'x/year':>8} {'doubling':>10}  vs fastest")
    for trend, rate in rated:
        doubling = f"{rate.doubling_months:.1f} mo" if rate.doubling_months else "—"
        ratio = fastest.compare(rate).factor_ratio
        print(f"{trend.id:<58} {rate.factor_per_year:8.2f} {doubling:>10}  {ratio:6.2f}x")

    months = list(range(37))
    figure, axes = plt.subplots(figsize=(9, 5.5))
    styles = ["-", "--", ":", "-."]
    for index, (trend, rate) in enumerate(rated):
        values = [rate.factor_over(m) for m in months]
        axes.plot(months, values, styles[index // 10 % 4], label=trend.id)
    axes.set_yscale("log")
    axes.set_xlabel("months")
    axes.set_ylabel("growth from 1 (log scale)")
    axes.set_title("Compute-growth claims in the aiforecasts sources, projected over three years")
    axes.legend(fontsize=7, loc="upper left")
    figure.tight_layout()
    figure.savefig(output, dpi=120)
    print(f"\nplot written to {output}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "compute_growth.png"))
