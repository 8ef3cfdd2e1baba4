"""
How often the independent readers of dataset 2026.4 agreed: recomputed from their own files.

    python review/2026.4/agreement.py

Prints raw agreement and Cohen's kappa for each two-reader judgement (voice, settleability,
horizon class, verdict), how the third readings settled the disagreements, and how often a
fresh auditor agreed with a random sample of the final verdicts. docs/methodology.md quotes
these figures; tests/test_judging.py holds the verdict figures to the data.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "src" / "aiforecasts" / "data"


def lines(path: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            found[record["id"]] = record
    return found


def files(pattern: str) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(HERE.glob(pattern)):
        found.update(lines(path))
    return found


def kappa(pairs: list[tuple[Any, Any]]) -> tuple[int, int, float, float]:
    """(agreeing, all, raw agreement, Cohen's kappa)."""
    n = len(pairs)
    agree = sum(a == b for a, b in pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    observed = agree / n
    return agree, n, observed, (observed - expected) / (1 - expected)


def show(label: str, pairs: list[tuple[Any, Any]]) -> None:
    agree, n, raw, k = kappa(pairs)
    print(f"{label:<52} {agree:>3} of {n:<3} {raw:6.1%}  kappa {k:5.2f}")


def main() -> None:
    one, two = lines(HERE / "out" / "voice_V1.jsonl"), lines(HERE / "out" / "voice_V2.jsonl")
    show(
        "voice (own, quoted, reported, rejected)", [(one[k]["voice"], two[k]["voice"]) for k in one]
    )
    first = files("out/criteria_C1*.jsonl")
    second = lines(HERE / "out" / "second_C2.jsonl")
    show(
        "settleable or too vague",
        [(first[k]["settleable"], second[k]["settleable"]) for k in first],
    )
    show(
        "horizon class (stated, inferred, framing, none)",
        [(first[k]["horizon"]["class"], second[k]["horizon_class"]) for k in first],
    )
    a, b = files("out/judge_a_*.jsonl"), files("out/judge_b_*.jsonl")
    # The judges were given a criterion for 107 forecasts and, for the other 33, the reason
    # they cannot be settled, which both could only confirm or overturn: the headline is on
    # the 107.
    settled = json.loads((HERE / "out" / "criteria_final.json").read_text("utf-8"))
    criteria = [k for k in a if settled[k]["settleable"]]
    show(
        "verdict, judge a vs judge b (the 107 with a criterion)",
        [(a[k]["verdict"], b[k]["verdict"]) for k in criteria],
    )
    show("verdict, judge a vs judge b (all 140)", [(a[k]["verdict"], b[k]["verdict"]) for k in a])
    third = lines(HERE / "out" / "third_verdicts.jsonl")
    sided = Counter(
        "a"
        if t["verdict"] == a[k]["verdict"]
        else "b"
        if t["verdict"] == b[k]["verdict"]
        else "neither"
        for k, t in third.items()
    )
    print(
        f"third readings: {len(third)}, siding with a {sided['a']}, b {sided['b']}, "
        f"neither {sided['neither']}"
    )
    final = {
        r["prediction"]: r["verdict"]
        for r in json.loads((DATA / "resolutions.json").read_text("utf-8"))["records"]
    }
    audit = lines(HERE / "audit" / "audit_verdicts.jsonl")
    agree = sum(audit[k]["verdict"] == final[k] for k in audit)
    print(
        f"fresh audit of a random sample: {agree} of {len(audit)} agree ({agree / len(audit):.1%})"
    )


if __name__ == "__main__":
    main()
