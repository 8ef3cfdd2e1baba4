"""
Start-up of the command line: ``aiforecasts show ID`` end to end against
``python -c "import pycountry; pycountry.countries.lookup('de')"``, the classic
dataset-as-a-package lookup, each in fresh processes, alternated, in one run.

    python benchmarks/bench_cli.py [--runs N]

The installed console script is used (found beside this interpreter), as a
user would run it.  Figures and their ratio are printed side by side,
without verdicts: goals belong to the issues.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    script = Path(sys.executable).with_name("aiforecasts")
    if not script.exists():
        found = shutil.which("aiforecasts")
        if found is None:
            sys.exit("the aiforecasts console script is not installed")
        script = Path(found)
    ours = [str(script), "show", "nvidia"]
    peer = [sys.executable, "-c", "import pycountry; pycountry.countries.lookup('de')"]
    wall(ours)
    wall(peer)
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(args.runs):
        mine.append(wall(ours))
        theirs.append(wall(peer))
    print(f"Python {sys.version.split()[0]}; median of {args.runs} runs each, fresh processes\n")
    for label, times in (("aiforecasts show nvidia", mine), ("pycountry lookup('de')", theirs)):
        ms = [t * 1000 for t in times]
        print(
            f"  {label:<26} median {statistics.median(ms):7.1f} ms"
            f"   (min {min(ms):.1f}, max {max(ms):.1f})"
        )
    ratio = statistics.median(mine) / statistics.median(theirs)
    print(f"\n  ours / pycountry = {ratio:.2f}")


if __name__ == "__main__":
    main()
