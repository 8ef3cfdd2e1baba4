"""
What bad input costs: ``aiforecasts validate`` on hostile files, as whole processes,
beside plain ``json.load`` of the same file (the least any strict reader must do).

    python benchmarks/bench_bad_input.py [--runs N] [--smoke]

Files: a 2.9 MB export holding a million empty company objects; an export whose one
field holds a 10 MB value; ``/dev/zero``.  Each run is a fresh process, with a time
limit (60 s) and an address-space limit (4 GiB) so that a reader that never stops is
measured as stopped, not waited for.  Figures are medians of wall time and of peak
memory (the process's maximum resident set), and the length of what was printed.
They are printed side by side, without verdicts: goals belong to the issues.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiforecasts

LIMIT_SECONDS = 60
LIMIT_BYTES = 4 << 30


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def run(command: list[str]) -> tuple[float, float, int, str]:
    """(seconds, peak MiB, bytes printed, how it ended) of *command* in a fresh process."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            stdout=output,
            stderr=output,
            preexec_fn=_limit,  # noqa: PLW1509 - a limit for the child alone
        )
        timer = threading.Timer(LIMIT_SECONDS, process.kill)
        timer.start()
        _pid, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory
        seconds = time.perf_counter() - start
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        printed = output.tell()
    killed = process.returncode < 0
    ended = f"killed at the {LIMIT_SECONDS} s limit" if killed else f"exit {process.returncode}"
    return seconds, usage.ru_maxrss / 1024, printed, ended


def files(folder: Path) -> dict[str, Path]:
    million = folder / "million-empty-objects.json"
    records = "[" + ",".join(["{}"] * 1_000_000) + "]"
    version = aiforecasts.SCHEMA_VERSION  # the layout this interpreter's package reads
    million.write_text(
        f'{{"dataset_version": "x", "records": {{"companies": {records}}}, '
        f'"schema_version": {version}}}'
    )
    huge = folder / "one-10mb-value.json"
    company = {
        "added_in": "x",
        "changed_in": "x",
        "excerpts": [{"display": "x", "end": 1, "source": "s", "start": 0, "text": "x"}],
        "id": "c",
        "kind": "x" * 10_000_000,
        "name": "C",
    }
    document = {
        "dataset_version": "x",
        "records": {"companies": [company]},
        "schema_version": aiforecasts.SCHEMA_VERSION,
    }
    huge.write_text(json.dumps(document))
    return {"a million empty objects (2.9 MB)": million, "one 10 MB value": huge}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    print(f"Python {sys.version.split()[0]}; median of {args.runs} fresh processes each\n")
    with tempfile.TemporaryDirectory() as scratch:
        inputs: dict[str, Path] = files(Path(scratch))
        inputs["/dev/zero"] = Path("/dev/zero")
        for label, path in inputs.items():
            commands = {"aiforecasts validate": [sys.executable, "-m", "aiforecasts", "validate"]}
            if path.is_file():
                commands["json.load (peer)"] = [
                    sys.executable,
                    "-c",
                    "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))",
                ]
            print(label)
            for name, command in commands.items():
                results = [run([*command, str(path)]) for _ in range(args.runs)]
                seconds = statistics.median(r[0] for r in results)
                peak = statistics.median(r[1] for r in results)
                printed = statistics.median(r[2] for r in results)
                ended = results[-1][3]
                print(
                    f"  {name:<22} {seconds:7.2f} s  {peak:8.1f} MiB peak  "
                    f"{printed:>10,.0f} bytes printed  ({ended})"
                )
            print()


if __name__ == "__main__":
    main()
