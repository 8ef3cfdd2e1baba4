"""
What bad input costs: ``aiforecasts validate`` on hostile files, as whole processes,
beside a plain reader of the same bytes (the least any strict reader must do).

    python benchmarks/bench_bad_input.py [--runs N] [--smoke]

(The trial that counts how thousands of malformed inputs end is
``benchmarks/trial_bad_input.py``.)

Files: a 2.9 MB export holding a million empty company objects; an export whose one
field holds a 10 MB value; an export with a million empty objects in one record's list; a
chain of 3,000 parent companies; a CSV export one of whose tables is
100,000 columns wide; a Parquet export one of whose files holds five million rows in a few
hundred kilobytes; ``/dev/zero``; and ``aiforecasts show`` of a 100,000-character name beside an
ordinary one.  Each run is a fresh process, with a time
limit (60 s) and an address-space limit (4 GiB) so that a reader that never stops is
measured as stopped, not waited for.  Figures are medians of wall time and of peak
memory (the process's maximum resident set), and the length of what was printed.
Beside each, its peer reads the same bytes with no checks: ``json.load``, Python's
``csv.reader`` or ``pyarrow.parquet.read_table``.  They are printed side by side, without
verdicts: goals belong to the issues.
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
from typing import Any

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


def _export() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(aiforecasts.to_json(aiforecasts.load()))
    return value


def files(folder: Path, scale: float = 1.0) -> dict[str, tuple[Path, str]]:
    """The hostile inputs, each with the peer that reads the same bytes (*scale* < 1: smaller
    ones, for a smoke run)."""

    def n(count: int) -> int:
        return max(2, int(count * scale))

    million = folder / "million-empty-objects.json"
    records = "[" + ",".join(["{}"] * n(1_000_000)) + "]"
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
        "kind": "x" * n(10_000_000),
        "name": "C",
    }
    document = {
        "dataset_version": "x",
        "records": {"companies": [company]},
        "schema_version": aiforecasts.SCHEMA_VERSION,
    }
    huge.write_text(json.dumps(document))
    found = {
        "a million empty objects (2.9 MB)": (million, "json"),
        "one 10 MB value": (huge, "json"),
    }
    # M2: a million empty objects inside one record's list
    inside = folder / "million-objects-in-one-record.json"
    export = _export()
    export["records"]["companies"][0]["excerpts"] = "__LIST__"
    inside.write_text(json.dumps(export).replace('"__LIST__"', records, 1))
    found["a million empty objects in one record's list"] = (inside, "json")
    # M7: a chain of 3,000 parents, each company the parent of the one before
    chain = folder / "parent-chain-3000.json"
    length = n(3000)
    export = _export()
    first = export["records"]["companies"][0]
    companies: list[dict[str, Any]] = [
        dict(
            first,
            id=f"chain-{i}",
            name=f"Chain {i}",
            name_hans=None,
            name_hant=None,
            aliases=[],
            parent=f"chain-{i + 1}",
        )
        for i in range(length)
    ]
    companies[-1]["parent"] = None
    export["records"]["companies"] += companies
    chain.write_text(json.dumps(export))
    found["a chain of 3,000 parent companies"] = (chain, "json")
    # M6: a CSV table 100,000 columns wide
    wide = folder / "csv-100k-columns"
    aiforecasts.write(aiforecasts.load(), wide, format="csv")
    table = wide / "companies.csv"
    head, _, rest = table.read_text("utf-8").partition("\n")  # the header, then the rows
    extra = ",".join(f"c{i}" for i in range(n(100_000)))
    end = "\r\n" if head.endswith("\r") else "\n"
    table.write_text(f"{head.removesuffix(chr(13))},{extra}{end}{rest}", "utf-8")
    found["a CSV table 100,000 columns wide"] = (wide, "csv")
    try:
        found["a Parquet file of 5M rows"] = (_many_rows(folder, n(5_000_000)), "parquet")
    except ImportError:
        print("(pyarrow is not installed: the Parquet input is left out)", file=sys.stderr)
    return found


def _many_rows(folder: Path, rows: int) -> Path:
    """An export whose companies.parquet holds five million copies of one row, compressed."""
    import pyarrow as pa  # noqa: PLC0415 - only this input needs it
    import pyarrow.parquet as pq  # noqa: PLC0415

    target = folder / "parquet-5m-rows"
    aiforecasts.write(aiforecasts.load(), target, format="parquet")
    path = target / "companies.parquet"
    table = pq.read_table(path)
    size = min(rows, 100_000)
    batch = table.slice(0, 1).take(pa.array([0] * size, type=pa.int32()))
    with pq.ParquetWriter(path, table.schema, compression="zstd") as writer:
        for _ in range(rows // size):  # a hundred thousand rows at a time
            writer.write_table(batch)
    return target


PEERS = {
    "json": (
        "json.load (peer)",
        "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))",
    ),
    "csv": (
        "csv.reader of the tables (peer)",
        (
            "import csv, sys, pathlib; csv.field_size_limit(1 << 30); "
            "[list(csv.reader(open(p, encoding='utf-8', newline=''))) "
            "for p in pathlib.Path(sys.argv[1]).glob('*.csv')]"
        ),
    ),
    "parquet": (
        "pq.read_table (peer)",
        (
            "import sys, pathlib, pyarrow.parquet as pq; "
            "[pq.read_table(p) for p in pathlib.Path(sys.argv[1]).glob('*.parquet')]"
        ),
    ),
}


def _print(name: str, results: list[tuple[float, float, int, str]]) -> None:
    seconds = statistics.median(r[0] for r in results)
    peak = statistics.median(r[1] for r in results)
    printed = statistics.median(r[2] for r in results)
    ended = results[-1][3]
    print(
        f"  {name:<34} {seconds:7.2f} s  {peak:8.1f} MiB peak  "
        f"{printed:>10,.0f} bytes printed  ({ended})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    parser.add_argument("--make", help=argparse.SUPPRESS)  # a child that writes the inputs
    args = parser.parse_args()
    if args.make:
        listing = {
            label: [str(path), peer] for label, (path, peer) in files(Path(args.make)).items()
        }
        print(json.dumps(listing))
        return
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    print(f"Python {sys.version.split()[0]}; median of {args.runs} fresh processes each\n")
    cli = [sys.executable, "-m", "aiforecasts"]
    with tempfile.TemporaryDirectory() as scratch:
        # The inputs are made in a child process: a child's peak memory counts its parent's
        # at the fork, so this process stays small.
        made = subprocess.run(
            [sys.executable, __file__, "--make", scratch, *(["--smoke"] if args.smoke else [])],
            capture_output=True,
            check=True,
        )
        inputs = {
            label: (Path(path), peer) for label, (path, peer) in json.loads(made.stdout).items()
        }
        inputs["/dev/zero"] = (Path("/dev/zero"), "")
        for label, (path, peer) in inputs.items():
            print(label)
            _print(
                "aiforecasts validate",
                [run([*cli, "validate", str(path)]) for _ in range(args.runs)],
            )
            if peer:
                name, code = PEERS[peer]
                command = [sys.executable, "-c", code, str(path)]
                _print(name, [run(command) for _ in range(args.runs)])
            print()
        # M11: a name of 100,000 characters to look up, beside an ordinary one
        print("show: a name of 100,000 characters")
        long_name = ["show", "a" * (1000 if args.smoke else 100_000)]
        _print("aiforecasts show <100,000 a>", [run([*cli, *long_name]) for _ in range(args.runs)])
        _print(
            "aiforecasts show nvidia (peer)",
            [run([*cli, "show", "nvidia"]) for _ in range(args.runs)],
        )
        print()


if __name__ == "__main__":
    main()
