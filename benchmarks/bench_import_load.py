"""
Import time and first-load time of aiforecasts, side by side with named peers.

    python benchmarks/bench_import_load.py [--runs N]

1. ``python -c "import aiforecasts"`` against ``python -c "import attrs, cattrs,
   pendulum"`` (the dependencies alone), each in fresh interpreters, alternated.
   The package imports its modules lazily
   (PEP 562), so the same table also shows the import of the record model
   (``from aiforecasts import Prediction``) and of everything ``load`` needs.
2. The first ``aiforecasts.load()`` in a fresh interpreter against plain
   ``json.loads`` of the same files read the same way, also in a fresh
   interpreter (both after the package's modules are imported, so only the
   work is timed).
3. For context, the same two in a warm process (converters already built).

Figures are medians over the runs; the machine's noise shows in the min–max.
Figures and ratios are printed side by side, without verdicts: goals belong to the issues.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

IMPORT_PACKAGE = "import aiforecasts"
IMPORT_PEERS = "import attrs, cattrs, pendulum"
IMPORT_MODEL = "from aiforecasts import Prediction"
IMPORT_ALL = "import aiforecasts._io.load"

_FILES = (
    "from importlib import resources\n"
    "from aiforecasts._model.kinds import KINDS\n"
    "root = resources.files('aiforecasts') / 'data'\n"
    "names = ['manifest', *(kind.name for kind in KINDS)]\n"
)
FIRST_LOAD = (
    "import time, aiforecasts, aiforecasts._io.load\n"
    "t = time.perf_counter()\n"
    "aiforecasts.load()\n"
    "print(time.perf_counter() - t)\n"
)
FIRST_JSON = (
    "import time, json, aiforecasts, aiforecasts._io.load\n" + _FILES + "t = time.perf_counter()\n"
    "[json.loads((root / f'{n}.json').read_bytes()) for n in names]\n"
    "print(time.perf_counter() - t)\n"
)


def wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def reported(code: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return float(out)


def side_by_side(runs: int, measure: object, a: str, b: str) -> tuple[list[float], list[float]]:
    assert callable(measure)
    measure(a)
    measure(b)  # warm the disk cache
    first: list[float] = []
    second: list[float] = []
    for _ in range(runs):
        first.append(measure(a))
        second.append(measure(b))
    return first, second


def row(label: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"  {label:<44} median {statistics.median(ms):8.2f} ms"
        f"   (min {min(ms):.2f}, max {max(ms):.2f})"
    )


def warm(runs: int) -> tuple[list[float], list[float]]:
    from importlib import resources  # noqa: PLC0415

    import aiforecasts  # noqa: PLC0415
    from aiforecasts._io.folder import parse  # noqa: PLC0415
    from aiforecasts._model.kinds import KINDS  # noqa: PLC0415

    root = resources.files("aiforecasts") / "data"
    manifest = (root / "manifest.json").read_bytes()
    blobs = {kind.name: (root / f"{kind.name}.json").read_bytes() for kind in KINDS}
    aiforecasts.load()  # builds the converters
    parse_times: list[float] = []
    json_times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        parse(manifest, blobs)
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        json.loads(manifest)
        for blob in blobs.values():
            json.loads(blob)
        json_times.append(time.perf_counter() - start)
    return parse_times, json_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per measurement")
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")

    import aiforecasts  # noqa: PLC0415

    counts = aiforecasts.load().counts()
    print(f"aiforecasts {aiforecasts.__version__}, Python {sys.version.split()[0]}")
    print(f"dataset: {sum(counts.values())} records; {args.runs} runs each\n")

    ours, peers = side_by_side(args.runs, wall, IMPORT_PACKAGE, IMPORT_PEERS)
    model, loader = side_by_side(args.runs, wall, IMPORT_MODEL, IMPORT_ALL)
    ratio = statistics.median(ours) / statistics.median(peers)
    print("1. import, whole interpreter (fresh process each run)")
    print(row(f'python -c "{IMPORT_PACKAGE}"', ours))
    print(row(f'python -c "{IMPORT_PEERS}"', peers))
    print(f"  ratio {ratio:.3f} ({(ratio - 1) * 100:+.1f}%)")
    base = statistics.median(peers)
    for label, times in ((IMPORT_MODEL, model), (IMPORT_ALL, loader)):
        extra = statistics.median(times) / base - 1
        print(row(f'python -c "{label}"', times) + f"  {extra * 100:+.1f}% vs peers")
    print()

    ours, peers = side_by_side(args.runs, reported, FIRST_LOAD, FIRST_JSON)
    ratio = statistics.median(ours) / statistics.median(peers)
    print("2. first load in a fresh process (after import)")
    print(row("aiforecasts.load()", ours))
    print(row("json.loads of the same files", peers))
    print(f"  ratio {ratio:.2f}x\n")

    ours, peers = warm(max(args.runs, 50))
    ratio = statistics.median(ours) / statistics.median(peers)
    print("3. for context: parse again in a warm process (converters built)")
    print(row("aiforecasts._io.load.parse(...)", ours))
    print(row("json.loads of the same bytes", peers))
    print(f"  ratio {ratio:.2f}x")


if __name__ == "__main__":
    main()
