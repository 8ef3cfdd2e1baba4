"""
Export and reload 100,000 synthetic predictions, side by side with named peers
on equivalent records, in one run.

    python benchmarks/bench_serialise.py [--records N] [--runs N]

Peers, each with its usual JSON library:

- cattrs' default ``Converter`` on the same attrs classes (stdlib ``json``; only
  the hooks pendulum dates need),
- pydantic v2 models with the same fields (``TypeAdapter.validate_json`` /
  ``dump_json``),
- msgspec ``Struct``\\ s with the same fields (``msgspec.json``).

aiforecasts is measured through its public API: ``to_json`` (compact, keys sorted,
with versions) and ``loads`` (strict: unknown keys and number-typed decimals
refused, validators run, ids checked; references off, as the synthetic
records cite a source the run does not hold).  Figures and ratios are
printed side by side, without verdicts: goals belong to the issues.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import cattrs
import msgspec
import pendulum
import pydantic

import aiforecasts
from aiforecasts import Criterion, Excerpt, Hedge, Precision, Prediction, TimeSpan, Topic, Voice

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")


def synthetic(n: int) -> list[Prediction]:
    made = TimeSpan.of_year(2023)
    criterion = Criterion(
        "The company ships the model within the window.",
        "It does not ship it within the window.",
    )
    return [
        Prediction(
            f"prediction-{i}",
            f"Company {i % 977} will ship model {i} by {2024 + i % 3}",
            "s",
            made,
            TimeSpan(
                pendulum.Date(2024 + i % 3, 1, 1),
                pendulum.Date(2024 + i % 3, 4, 30),
                Precision.PART_OF_YEAR,
                f"early {2024 + i % 3}",
            ),
            Hedge.LIKELY,
            (Excerpt("s", i % 5000, i % 5000 + 9, "明年将发布新模型。", "明年将发布新模型。"),),
            companies=(f"company-{i % 977}",),
            topics=frozenset({Topic.CHIPS, Topic.CLOUD}),
            voice=Voice.OWN,
            criterion=criterion,
            added_in="synthetic",
            changed_in="synthetic",
        )
        for i in range(n)
    ]


# -- peers: equivalent records ----------------------------------------------


class PTimeSpan(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    start: datetime.date
    end: datetime.date
    precision: Precision
    label: str
    certainty: str = "stated"
    relation: str = "in"
    text: str | None = None
    reason: str | None = None


class PExcerpt(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    source: str
    start: int
    end: int
    text: str
    display: str


class PCriterion(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    came_true: str
    did_not: str
    partly: str | None = None
    condition: str | None = None
    note: str | None = None


class PPrediction(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    id: str
    statement: str
    source: str
    made: PTimeSpan
    horizon: PTimeSpan | None
    hedge: Hedge
    excerpts: tuple[PExcerpt, ...]
    made_by: tuple[str, ...] = ()
    attributed_to: str | None = None
    companies: tuple[str, ...] = ()
    topics: frozenset[Topic] = frozenset()
    condition: str | None = None
    number: int | None = None
    parent: str | None = None
    targets: tuple[Any, ...] = ()
    voice: str | None = None
    unsettleable: str | None = None
    criterion: PCriterion | None = None
    same_claim: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    note: str | None = None
    external: tuple[Any, ...] = ()
    added_in: str
    changed_in: str


class MTimeSpan(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    start: datetime.date
    end: datetime.date
    precision: Precision
    label: str
    certainty: str = "stated"
    relation: str = "in"
    text: str | None = None
    reason: str | None = None


class MExcerpt(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    source: str
    start: int
    end: int
    text: str
    display: str


class MCriterion(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    came_true: str
    did_not: str
    partly: str | None = None
    condition: str | None = None
    note: str | None = None


class MPrediction(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: str
    statement: str
    source: str
    made: MTimeSpan
    horizon: MTimeSpan | None
    hedge: Hedge
    excerpts: tuple[MExcerpt, ...]
    made_by: tuple[str, ...] = ()
    attributed_to: str | None = None
    companies: tuple[str, ...] = ()
    topics: frozenset[Topic] = frozenset()
    condition: str | None = None
    number: int | None = None
    parent: str | None = None
    targets: tuple[Any, ...] = ()
    voice: str | None = None
    unsettleable: str | None = None
    criterion: MCriterion | None = None
    same_claim: tuple[str, ...] = ()
    contradicts: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    note: str | None = None
    external: tuple[Any, ...] = ()
    added_in: str
    changed_in: str


def cattrs_default() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_structure_hook(pendulum.Date, lambda v, _: pendulum.Date.fromisoformat(v))
    converter.register_unstructure_hook(pendulum.Date, lambda d: d.isoformat())
    return converter


# -- measuring --------------------------------------------------------------


def timed(function: Callable[[], T], runs: int) -> tuple[float, T]:
    times = []
    result = function()
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_mib(function: Callable[[], Any]) -> float:
    """Peak traced memory while *function* runs and its result is alive, in MiB."""
    gc.collect()
    tracemalloc.start()
    result = function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    return peak / 2**20


def parquet_beside_json(
    collection: aiforecasts.Collection[Prediction], records: list[Prediction], runs: int
) -> None:
    """Size on disk, write and read-back time of the same records as JSON and as Parquet."""
    print("Parquet beside JSON (the same records, written and read back through the package)")
    folder = Path(tempfile.mkdtemp())
    try:
        json_path = aiforecasts.write(collection, folder / "all.json", dataset_version="synthetic")
        parquet = aiforecasts.write(
            collection, folder / "parquet", format="parquet", dataset_version="synthetic"
        )
        formats = {
            "JSON (aiforecasts.write / load_path)": (
                lambda: aiforecasts.write(
                    collection, folder / "again.json", overwrite=True, dataset_version="synthetic"
                ),
                lambda: aiforecasts.load_path(json_path, check_references=False),
                json_path.stat().st_size,
            ),
            "Parquet (format='parquet' / load_path)": (
                lambda: aiforecasts.write(
                    collection,
                    folder / "again",
                    format="parquet",
                    overwrite=True,
                    dataset_version="synthetic",
                ),
                lambda: aiforecasts.load_path(parquet, check_references=False),
                sum(p.stat().st_size for p in parquet.glob("*.parquet")),
            ),
        }
        print(f"  {'format':<40} {'on disk':>10} {'write':>10} {'read':>10}")
        for name, (write, read, size) in formats.items():
            written, _ = timed(write, runs)
            loaded, back = timed(read, runs)
            assert list(back.predictions) == records
            print(
                f"  {name:<40} {size / 2**20:7.1f} MiB {written * 1e3:7.0f} ms "
                f"{loaded * 1e3:7.0f} ms"
            )
        print()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--smoke", action="store_true", help="a quick run that checks the script works"
    )
    args = parser.parse_args()
    if args.smoke:
        print("SMOKE RUN: checks that this benchmark works; its figures measure nothing.\n")
    records = synthetic(args.records)
    collection = aiforecasts.Collection(records)
    print(
        f"aiforecasts {aiforecasts.__version__}, cattrs, pydantic {pydantic.VERSION}, "
        f"msgspec {msgspec.__version__}, Python {sys.version.split()[0]}"
    )

    ours_text = aiforecasts.to_json(collection, dataset_version="synthetic")
    converter = cattrs_default()
    cattrs_text = json.dumps(converter.unstructure(records), default=sorted)
    adapter = pydantic.TypeAdapter(list[PPrediction])
    pydantic_text = adapter.dump_json(adapter.validate_json(cattrs_text))
    m_decoder = msgspec.json.Decoder(list[MPrediction])
    m_records = m_decoder.decode(cattrs_text)
    msgspec_text = msgspec.json.encode(m_records)
    print(
        f"{len(records):,} records; JSON sizes: ours {len(ours_text.encode()) / 2**20:.1f} MiB "
        f"(compact), cattrs {len(cattrs_text) / 2**20:.1f}, "
        f"msgspec {len(msgspec_text) / 2**20:.1f}; median of {args.runs} runs\n"
    )

    decode = {
        "aiforecasts.loads": lambda: aiforecasts.loads(ours_text, check_references=False),
        "cattrs default Converter + json": lambda: converter.structure(
            json.loads(cattrs_text), list[Prediction]
        ),
        "pydantic v2 validate_json": lambda: adapter.validate_json(pydantic_text),
        "msgspec Structs": lambda: m_decoder.decode(msgspec_text),
    }
    encode = {
        "aiforecasts.to_json": lambda: aiforecasts.to_json(collection, dataset_version="x"),
        "cattrs default Converter + json": lambda: json.dumps(
            converter.unstructure(records), default=sorted
        ),
        "pydantic v2 dump_json": lambda: adapter.dump_json(adapter.validate_json(pydantic_text)),
        "msgspec Structs": lambda: msgspec.json.encode(m_records),
    }
    p_records = adapter.validate_json(pydantic_text)
    encode["pydantic v2 dump_json"] = lambda: adapter.dump_json(p_records)

    assert list(aiforecasts.loads(ours_text, check_references=False).predictions) == records
    assert converter.structure(json.loads(cattrs_text), list[Prediction]) == records

    print("decode (JSON -> records)")
    times = {name: timed(f, args.runs)[0] for name, f in decode.items()}
    for name, seconds in times.items():
        print(f"  {name:<34} {seconds * 1e3:9.1f} ms")
    ours = times["aiforecasts.loads"]
    vs_cattrs = times["cattrs default Converter + json"] / ours
    vs_pydantic = times["pydantic v2 validate_json"] / ours
    print(f"  ours vs cattrs default: {vs_cattrs:.2f}x faster")
    print(f"  ours vs pydantic v2:    {vs_pydantic:.2f}x faster\n")

    print("encode (records -> JSON)")
    times = {name: timed(f, args.runs)[0] for name, f in encode.items()}
    for name, seconds in times.items():
        print(f"  {name:<34} {seconds * 1e3:9.1f} ms")
    ratio = times["aiforecasts.to_json"] / times["msgspec Structs"]
    print(f"  ours vs msgspec: {ratio:.2f}x its time")
    ratio = times["aiforecasts.to_json"] / times["pydantic v2 dump_json"]
    print(f"  ours vs pydantic v2 dump_json: {ratio:.2f}x its time\n")

    parquet_beside_json(collection, records, args.runs)

    print("peak memory while decoding, result alive")
    memory = {
        "aiforecasts.loads": peak_mib(decode["aiforecasts.loads"]),
        "cattrs default Converter + json": peak_mib(decode["cattrs default Converter + json"]),
        "pydantic v2 validate_json": peak_mib(decode["pydantic v2 validate_json"]),
        "msgspec Structs": peak_mib(decode["msgspec Structs"]),
    }
    for name, mib in memory.items():
        print(f"  {name:<34} {mib:9.1f} MiB")
    ratio = memory["aiforecasts.loads"] / memory["msgspec Structs"]
    print(f"  ours vs msgspec Structs: {ratio:.2f}x")


if __name__ == "__main__":
    main()
