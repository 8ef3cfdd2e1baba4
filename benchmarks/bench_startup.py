"""
Start-up of typed use, whole-process, side by side with pycountry and with the
floor its dependencies set.

    python benchmarks/bench_startup.py [--runs N] [--importtime] [--compare SRC]

Each command runs in a fresh interpreter; the commands are alternated within
each round so that the machine's drift touches all alike.  Before timing, each
runs once with bytecode writing allowed, so that every module is read from its
``.pyc`` as in an installed package.  Figures are medians over the runs, with
the min–max; ratios are printed, not verdicts (goals belong to the issues).

* typed: ``import aiforecasts; aiforecasts.load().companies.lookup('英偉達')``
* typed, dated: ``… aiforecasts.load().predictions.in_year(2024).count()`` — records
  with dates, so pendulum is imported too (a company has none)
* pycountry: ``import pycountry; pycountry.countries.lookup('de')``
* floor: ``import attrs, pendulum`` (what any attrs + pendulum library pays)
* python: an empty interpreter

``--compare SRC`` adds the typed command run from another checkout's ``src``
folder (an older commit, say), alternated with the rest.  ``--importtime`` adds the
``python -X importtime`` breakdown of the typed
command: the modules that cost the most, cumulative and self, median of the runs.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "typed": "import aiforecasts; aiforecasts.load().companies.lookup('英偉達')",
    "typed, dated": "import aiforecasts; aiforecasts.load().predictions.in_year(2024).count()",
    "pycountry": "import pycountry; pycountry.countries.lookup('de')",
    "floor (attrs + pendulum)": "import attrs, pendulum",
    "python": "pass",
}
_IMPORT_RE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _env(*, bytecode: bool) -> dict[str, str]:
    env = dict(os.environ)
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def whole_process(code: str, env: dict[str, str], path: str | None = None) -> float:
    if path is not None:
        env = {**env, "PYTHONPATH": path}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return time.perf_counter() - start


def importtime(code: str, runs: int, env: dict[str, str]) -> None:
    """The typed command's costliest imports (median µs over *runs*)."""
    seen: dict[str, list[tuple[int, int, int]]] = {}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            check=True,
            env=env,
            capture_output=True,
            text=True,
        )
        for line in done.stderr.splitlines():
            match = _IMPORT_RE.match(line)
            if match:
                own, total, indent, name = match.groups()
                seen.setdefault(name, []).append((int(own), int(total), len(indent)))
    rows = []
    for name, values in seen.items():
        own = statistics.median(v[0] for v in values)
        total = statistics.median(v[1] for v in values)
        rows.append((total, own, values[0][2], name))
    rows.sort(reverse=True)
    print(f"\n-X importtime of the typed command, median of {runs} runs (ms):")
    print(f"  {'cumulative':>10} {'self':>7}  module")
    shown = [row for row in rows if row[2] <= 3 or row[3].startswith("aiforecasts")]
    for total, own, depth, name in shown[:30]:
        print(f"  {total / 1e3:10.1f} {own / 1e3:7.1f}  {' ' * (depth - 1)}{name}")
    ours = sum(own for _, own, _, name in rows if name.startswith("aiforecasts"))
    print(f"  the package's own modules, self time summed: {ours / 1e3:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true", help="add the import breakdown")
    parser.add_argument("--compare", metavar="SRC", help="also the typed command from SRC")
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    env = _env(bytecode=True)
    commands = {label: (code, None) for label, code in COMMANDS.items()}
    if args.compare:
        commands[f"typed, from {args.compare}"] = (COMMANDS["typed"], args.compare)
    for code, path in commands.values():  # write the bytecode, as an installed package has it
        whole_process(code, env, path)
    times: dict[str, list[float]] = {label: [] for label in commands}
    for _ in range(args.runs):
        for label, (code, path) in commands.items():
            times[label].append(whole_process(code, env, path))
    print(f"Python {sys.version.split()[0]}; whole process, median of {args.runs} runs, alternated")
    medians = {label: statistics.median(values) for label, values in times.items()}
    print(f"  {'command':<30} {'median':>9} {'min–max':>17}")
    for label, values in times.items():
        low, high = min(values), max(values)
        print(f"  {label:<30} {medians[label] * 1e3:6.1f} ms {low * 1e3:7.1f}–{high * 1e3:.1f} ms")
    typed, peer = medians["typed"], medians["pycountry"]
    floor = medians["floor (attrs + pendulum)"]
    print(f"\n  typed / pycountry: {typed / peer:.2f}x")
    print(f"  typed - floor: {(typed - floor) * 1e3:+.1f} ms")
    dated = medians["typed, dated"]
    print(f"  typed, dated / pycountry: {dated / peer:.2f}x")
    print(f"  typed, dated - floor: {(dated - floor) * 1e3:+.1f} ms")
    if args.compare:
        other = medians[f"typed, from {args.compare}"]
        print(f"  typed from {args.compare} / pycountry: {other / peer:.2f}x")
        print(f"  typed from {args.compare} - floor: {(other - floor) * 1e3:+.1f} ms")
    if args.importtime:
        importtime(COMMANDS["typed"], max(3, args.runs // 3), env)


if __name__ == "__main__":
    main()
