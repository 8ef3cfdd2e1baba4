"""
The adversarial trial of issue 23, rerun on demand: thousands of malformed inputs to the
readers, each classified by how reading it ended.

    python benchmarks/trial_bad_input.py [--scale 1.0] [--seed 23] [--smoke]

Inputs, all made from the bundled dataset with a seeded random generator (``--scale 1``
makes 2,999 of them, the trial's mix):

- ``parquet`` (2,400): one byte of one file of a Parquet export changed to a random other
  value, at a random place (footer and page headers included);
- ``json`` (200): a JSON export with one change — a value of another type or out of range,
  a key dropped or added or repeated, nesting thousands deep, a list of a hundred thousand
  items inside a record, a number of thousands of digits, control characters, a cut, a byte
  flipped, invalid UTF-8;
- ``jsonl`` (150): the same, and lines dropped, repeated, swapped or cut, for JSON Lines;
- ``csv`` (150): a CSV export with a cell, a header or a file changed;
- ``folder`` (99): the bundled layout (a manifest and one file per kind) with a kind file,
  the manifest or the sums changed.

Each input is read with ``aiforecasts.load_path`` and its ending counted as one of:
``DataError with a path`` (every problem listed names where it is), ``DataError without a
path``, ``accepted, same data`` (the change did not change what the file holds, such as a
flip in padding), ``accepted, as the file says`` (a valid edit of a text format: the file
now holds other data and the reader returned exactly that, as writing it back in the same
format shows; a field the file leaves out may come back with its default), ``accepted,
different data`` (the reader returned something else than the original and than the file
says: for Parquet, any accepted byte flip that changed the data; silent corruption),
``other exception`` (anything but `DataError`), and ``over
the time limit`` (20 s).  Each kind of input runs in a fresh process whose peak resident
memory is printed beside the slowest single input, so "bounded by 1 s and 200 MB" can be
read off.  Figures only: the goals are in the issue.
"""

from __future__ import annotations

import argparse
import collections
import importlib.resources
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiforecasts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

TIME_LIMIT = 20
COUNTS = {"parquet": 2400, "json": 200, "jsonl": 150, "csv": 150, "folder": 99}
ENDINGS = (
    "DataError with a path",
    "DataError without a path",
    "accepted, same data",
    "accepted, as the file says",
    "accepted, different data",
    "other exception",
    "over the time limit",
)


class _OverTime(BaseException):
    """Raised by the alarm: not an Exception, so no reader can swallow it."""


def _alarm(_signal: int, _frame: object) -> None:
    raise _OverTime


def _read(path: Path, original: aiforecasts.Dataset) -> tuple[str, str]:
    """How reading *path* ended, and a short note of the exception if it was not DataError."""
    signal.alarm(TIME_LIMIT)
    try:
        loaded = aiforecasts.load_path(path)
    except _OverTime:
        return "over the time limit", ""
    except aiforecasts.DataError as error:
        with_paths = all(problem.path and problem.path != "" for problem in error.problems)
        return ("DataError with a path" if with_paths else "DataError without a path"), ""
    except Exception as error:  # noqa: BLE001 - what the trial counts
        return "other exception", f"{type(error).__name__}: {str(error)[:120]}"
    finally:
        signal.alarm(0)
    if loaded == original:
        return "accepted, same data", ""
    return (
        "accepted, as the file says" if _as_written(loaded, path) else "accepted, different data"
    ), ""


def _covers(written: Any, held: Any) -> bool:
    """Whether *held* (what the reader returned, written back) says what *written* (the file)
    says, where a key the file leaves out may come back with its default."""
    if isinstance(written, dict) and isinstance(held, dict):
        return all(key in held and _covers(value, held[key]) for key, value in written.items())
    if isinstance(written, list) and isinstance(held, list):
        return len(written) == len(held) and all(map(_covers, written, held))
    return bool(written == held)


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _as_written(loaded: aiforecasts.Dataset, path: Path) -> bool:  # noqa: PLR0911
    """Whether *loaded*, written back in the format of *path*, holds what *path* holds."""
    if path.suffix == ".json":
        return _covers(json.loads(path.read_bytes()), json.loads(aiforecasts.to_json(loaded)))
    if path.suffix == ".jsonl":
        lines = [_canonical(json.loads(line)) for line in path.read_text("utf-8").splitlines()]
        again = [_canonical(json.loads(line)) for line in aiforecasts.to_jsonl(loaded).splitlines()]
        return sorted(lines) == sorted(again)
    if (path / "manifest.json").exists():  # the bundled layout: the records of each kind
        again = json.loads(aiforecasts.to_json(loaded))["records"]
        for name, records in again.items():
            file = path / f"{name}.json"
            held = json.loads(file.read_bytes())["records"] if file.exists() else []
            if not _covers(held, records):
                return False
        return True
    if any(path.glob("*.csv")):
        import csv  # noqa: PLC0415 - only this kind of input needs it

        with tempfile.TemporaryDirectory() as scratch:
            again_folder = aiforecasts.write(loaded, Path(scratch) / "again", format="csv")
            for table in again_folder.glob("*.csv"):
                held = path / table.name
                if not held.exists():
                    return False
                rows = [
                    sorted(csv.reader(f.open(encoding="utf-8-sig", newline="")))
                    for f in (held, table)
                ]
                if rows[0] != rows[1]:
                    return False
        return True
    return False  # Parquet: a flipped byte is never an edit


# -- changes to a JSON value -------------------------------------------------------------

_OTHER_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    "x",
    [],
    {},
    "1e999",
    "-0",
    "9" * 400,
    "\x1b[31m\u202e",
    "\u200b",
    "a" * 100_000,
    "0000-01-01",
    "10000-01-01",
    "2024-02-30",
]
_RAW_VALUES = [
    "9" * 5000,  # past Python's int-string limit
    "1e999999",
    "[" * 100_000 + "]" * 100_000,
    "[" + ",".join(["{}"] * 100_000) + "]",
    "NaN",
    "-Infinity",
]


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


def _at(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


def _changed_value(rng: random.Random, document: Any, top: tuple[Any, ...]) -> tuple[Any, str, str]:
    """*document* with one change below *top*, raw text to splice in (if any), and what changed."""
    places = [place for place in _places(_at(document, top), top) if len(place) > len(top)]
    place = rng.choice(places)
    parent = _at(document, place[:-1])
    action = rng.choice(["value", "value", "value", "raw", "drop", "add", "repeat"])
    if action == "repeat" and not isinstance(parent, dict):
        action = "value"
    marker = "__TRIAL_RAW__"
    what = f"{action} at {'.'.join(map(str, place))[:80]}"
    if action == "drop" and isinstance(parent, dict):
        del parent[place[-1]]
    elif action == "drop":
        parent.pop(place[-1])
    elif action == "add" and isinstance(parent, dict):
        parent["zz_unknown"] = 1
    elif action == "add":  # an item of a list twice
        parent.insert(place[-1], json.loads(json.dumps(parent[place[-1]])))
    elif action == "repeat" and isinstance(parent, dict):
        # a key twice: the marker is replaced by the text of the key repeated
        key = place[-1]
        parent[marker] = 0
        return document, f"{json.dumps(key)}: {json.dumps(rng.choice(_OTHER_VALUES[:9]))}", what
    elif action == "raw":
        parent[place[-1]] = marker
        raw = rng.choice(_RAW_VALUES)
        return document, raw, f"{what}: {raw[:12]}"
    else:
        value = rng.choice(_OTHER_VALUES)
        parent[place[-1]] = value
        what = f"{what}: {str(value)[:12]!r}"
    return document, "", what


def _dump(document: Any, raw: str) -> bytes:
    text = json.dumps(document, ensure_ascii=False)
    if raw:
        if '"__TRIAL_RAW__": 0' in text:
            text = text.replace('"__TRIAL_RAW__": 0', raw, 1)
        else:
            text = text.replace('"__TRIAL_RAW__"', raw, 1)
    return text.encode()


def _bytes_changed(rng: random.Random, blob: bytes) -> tuple[bytes, str]:
    action = rng.choice(["cut", "flip", "invalid utf-8"])
    position = rng.randrange(len(blob))
    what = f"{action} at byte {position}"
    if action == "cut":
        return blob[:position], what
    if action == "flip":
        flipped = bytes([blob[position] ^ rng.randrange(1, 256)])
        return blob[:position] + flipped + blob[position + 1 :], what
    return blob[:position] + b"\xff\xfe" + blob[position:], what


# -- the kinds of input ------------------------------------------------------------------


def _json_inputs(
    rng: random.Random, folder: Path, dataset: aiforecasts.Dataset
) -> Iterator[tuple[Path, str]]:
    export = json.loads(aiforecasts.to_json(dataset))
    kinds = [kind for kind, records in export["records"].items() if records]
    path = folder / "trial.json"
    while True:
        if rng.random() < 0.2:
            blob, what = _bytes_changed(rng, aiforecasts.to_json(dataset).encode())
        elif rng.random() < 0.1:
            blob = _dump(export, "")[:-1] + b', "records": {}}'  # the last key wins?
            what = "records repeated, empty"
        else:
            document = json.loads(json.dumps(export))
            kind = rng.choice(kinds)
            top: tuple[Any, ...] = ("records", kind, rng.randrange(len(export["records"][kind])))
            if rng.random() < 0.1:
                top = ()
            document, raw, what = _changed_value(rng, document, top)
            blob = _dump(document, raw)
        path.write_bytes(blob)
        yield path, what


def _jsonl_inputs(
    rng: random.Random, folder: Path, dataset: aiforecasts.Dataset
) -> Iterator[tuple[Path, str]]:
    lines = aiforecasts.to_jsonl(dataset).splitlines()
    path = folder / "trial.jsonl"
    while True:
        changed = list(lines)
        action = rng.choice(["value", "value", "value", "bytes", "drop", "repeat", "swap", "first"])
        index = rng.randrange(len(changed))
        what = f"{action} line {index}"
        if action == "value":
            document, raw, what = _changed_value(rng, json.loads(changed[index]), ())
            changed[index] = _dump(document, raw).decode("utf-8", "surrogateescape")
        elif action == "drop":
            del changed[index]
        elif action == "repeat":
            changed.insert(index, changed[index])
        elif action == "swap":
            other = rng.randrange(len(changed))
            changed[index], changed[other] = changed[other], changed[index]
        elif action == "first":
            changed[0] = rng.choice(["{", "[]", "null", '{"records": 1}', "x"])
        text = "\n".join(changed) + "\n"
        blob = text.encode("utf-8", "surrogateescape")
        if action == "bytes":
            blob, what = _bytes_changed(rng, blob)
        path.write_bytes(blob)
        yield path, what


_CELLS = [
    "--1",
    "x",
    "",
    "null",
    "1e999",
    "9" * 5000,
    '"',
    "\x00",
    "\x1b[2J",
    "2024-13-40",
    "[",
    '{"a":',
    "[" * 10_000,
    "1_000",
    "٣",
    "NaN",
    "a" * 200_000,
]


def _csv_inputs(
    rng: random.Random, folder: Path, dataset: aiforecasts.Dataset
) -> Iterator[tuple[Path, str]]:
    original = folder / "csv-original"
    aiforecasts.write(dataset, original, format="csv")
    import csv  # noqa: PLC0415 - only this kind of input needs it
    import io  # noqa: PLC0415

    csv.field_size_limit(1 << 30)
    tables = sorted(original.glob("*.csv"))
    target = folder / "csv-trial"
    while True:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(original, target)
        table = target / rng.choice(tables).name
        rows = list(csv.reader(io.StringIO(table.read_text("utf-8"), newline="")))
        action = rng.choice(["cell", "cell", "cell", "header", "wide", "bytes", "gone", "bom"])
        what = f"{action} of {table.name}"
        if action == "cell" and len(rows) > 1:
            row = rng.randrange(1, len(rows))
            column = rng.randrange(len(rows[row]))
            rows[row][column] = rng.choice(_CELLS)
            what += f" {rows[0][column]}: {rows[row][column][:12]!r}"
        elif action == "header":
            column = rng.randrange(len(rows[0]))
            rows[0][column] = rng.choice(["", "zz", rows[0][rng.randrange(len(rows[0]))]])
            what += f" {column}: {rows[0][column]!r}"
        elif action == "wide":
            width = rng.choice([10, 5000, 100_000])
            rows[0] += [f"c{n}" for n in range(width)]
            what += f" {width}"
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        blob = buffer.getvalue().encode("utf-8", "surrogatepass")
        if action == "bytes":
            blob, what = _bytes_changed(rng, blob)
            what = f"{what} of {table.name}"
        elif action == "bom":
            blob = b"\xef\xbb\xbf" + blob
        if action == "gone":
            table.unlink()
        else:
            table.write_bytes(blob)
        yield target, what


def _folder_inputs(
    rng: random.Random, folder: Path, _dataset: aiforecasts.Dataset
) -> Iterator[tuple[Path, str]]:
    bundled = Path(str(importlib.resources.files("aiforecasts") / "data"))
    target = folder / "folder-trial"
    names = sorted(path.name for path in bundled.glob("*.json"))
    while True:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(bundled, target)
        name = rng.choice(names)
        file = target / name
        action = rng.choice(["value", "value", "value", "bytes", "sums"])
        if action == "value":
            document = json.loads(file.read_bytes())
            document, raw, what = _changed_value(rng, document, ())
            file.write_bytes(_dump(document, raw))
        elif action == "bytes":
            blob, what = _bytes_changed(rng, file.read_bytes())
            file.write_bytes(blob)
        else:  # a change, with the folder's own sums rewritten to match it
            document = json.loads(file.read_bytes())
            document, raw, what = _changed_value(rng, document, ())
            file.write_bytes(_dump(document, raw))
            sums = subprocess.run(
                ["sha256sum", *sorted(p.name for p in target.iterdir() if p.name != "SHA256SUMS")],
                cwd=target,
                capture_output=True,
                check=True,
            ).stdout
            (target / "SHA256SUMS").write_bytes(sums)
            what = f"{what}, sums rewritten"
        yield target, f"{name}: {what}"


def _parquet_inputs(
    rng: random.Random, folder: Path, dataset: aiforecasts.Dataset
) -> Iterator[tuple[Path, str]]:
    original = folder / "parquet-original"
    aiforecasts.write(dataset, original, format="parquet")
    files = sorted(path.name for path in original.glob("*.parquet"))
    target = folder / "parquet-trial"
    while True:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(original, target)
        file = target / rng.choice(files)
        blob = bytearray(file.read_bytes())
        position = rng.randrange(len(blob))
        blob[position] ^= rng.randrange(1, 256)
        file.write_bytes(bytes(blob))
        yield target, f"{file.name} byte {position} of {len(blob)}"


INPUTS: dict[
    str, Callable[[random.Random, Path, aiforecasts.Dataset], Iterator[tuple[Path, str]]]
] = {
    "parquet": _parquet_inputs,
    "json": _json_inputs,
    "jsonl": _jsonl_inputs,
    "csv": _csv_inputs,
    "folder": _folder_inputs,
}


def trial(kind: str, count: int, seed: int) -> dict[str, Any]:
    """Run *count* inputs of *kind*; what each ending counted and the slowest input."""
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(f"{seed}-{kind}")  # noqa: S311 - a reproducible trial, not secrets
    dataset = aiforecasts.load()
    endings: collections.Counter[str] = collections.Counter()
    others: collections.Counter[str] = collections.Counter()
    slowest, slowest_what = 0.0, ""
    examples: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        inputs = INPUTS[kind](rng, Path(scratch), dataset)
        for _ in range(count):
            path, what = next(inputs)
            start = time.perf_counter()
            ending, note = _read(path, dataset)
            seconds = time.perf_counter() - start
            if seconds > slowest:
                slowest, slowest_what = seconds, what
            endings[ending] += 1
            if note:
                others[note.split(":")[0]] += 1
            if ending not in {"DataError with a path", "accepted, same data"}:
                examples.setdefault(ending, []).append(f"{what} -> {note}" if note else what)
    return {
        "endings": dict(endings),
        "others": dict(others),
        "slowest": slowest,
        "slowest_what": slowest_what,
        "examples": {ending: found[:5] for ending, found in examples.items()},
    }


def _child(kind: str, count: int, seed: int) -> tuple[dict[str, Any], float]:
    """The trial of one kind in a fresh process: its result and the process's peak MiB."""
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(
            [sys.executable, __file__, "--kind", kind, "--count", str(count), "--seed", str(seed)],
            stdout=output,
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return {"endings": {"process died": count}, "others": {}, "slowest": 0.0}, 0.0
        output.seek(0)
        return json.loads(output.read()), usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0: the trial's 2,999 inputs")
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--smoke", action="store_true", help="a few inputs of each kind")
    parser.add_argument(
        "--examples", action="store_true", help="print inputs that did not end well"
    )
    parser.add_argument(
        "--only", nargs="+", choices=list(COUNTS), help="these kinds of input alone"
    )
    parser.add_argument("--kind", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.kind:  # a child: one kind of input
        print(json.dumps(trial(args.kind, args.count, args.seed)))
        return
    scale = 0.005 if args.smoke else args.scale
    if args.smoke:
        print("SMOKE RUN: checks that this trial works; its figures measure nothing.\n")
    print(
        f"aiforecasts {aiforecasts.__version__}, Python {sys.version.split()[0]}, seed {args.seed}"
    )
    totals: collections.Counter[str] = collections.Counter()
    header = f"{'input':<8} {'count':>6}  " + "  ".join(f"{e[:14]:>14}" for e in ENDINGS)
    print(f"\n{header}  {'slowest':>8}  {'peak':>9}")
    for kind, full in COUNTS.items():
        if args.only and kind not in args.only:
            continue
        count = max(2, round(full * scale))
        start = time.perf_counter()
        result, peak = _child(kind, count, args.seed)
        seconds = time.perf_counter() - start
        endings = result["endings"]
        totals.update(endings)
        totals["inputs"] += count
        cells = "  ".join(f"{endings.get(e, 0):>14}" for e in ENDINGS)
        print(
            f"{kind:<8} {count:>6}  {cells}  {result['slowest']:>7.2f}s  {peak:>6.0f} MiB"
            f"   ({seconds:.0f} s in all)"
        )
        for note, n in sorted(result["others"].items()):
            print(f"{'':<16}other: {n} × {note}")
        if args.examples:
            print(f"{'':<16}slowest: {result.get('slowest_what', '')}")
            for ending, found in result.get("examples", {}).items():
                for what in found:
                    print(f"{'':<16}{ending}: {what}")
        for ending in set(endings) - set(ENDINGS):
            print(f"{'':<16}{ending}: {endings[ending]}")
    inputs = totals.pop("inputs")
    changed = inputs - totals["accepted, same data"]
    print(f"\n{inputs:,} inputs; {changed:,} of them changed what the file holds")
    for ending in ENDINGS:
        share = 100 * totals[ending] / inputs if inputs else 0.0
        print(f"  {ending:<26} {totals[ending]:>6,}  {share:5.1f} %")
    with_path = totals["DataError with a path"]
    print(
        f"  DataError with a path, of inputs whose data changed: "
        f"{100 * with_path / changed if changed else 0.0:.1f} %"
    )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process's own peak: {own:.0f} MiB)")


if __name__ == "__main__":
    main()
