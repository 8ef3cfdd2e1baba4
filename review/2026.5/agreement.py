"""
The agreement figures of the third review (issue 24), recomputed from the readers' outputs.

    python review/2026.5/agreement.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


def _load(name: str) -> list[dict[str, Any]]:
    found = json.loads((HERE / "out" / name).read_text("utf-8"))
    return found if isinstance(found, list) else [found]  # the third reader wrote one item


def positions() -> None:
    a = {(j["debate"], j["position"]): j for j in _load("debates_a.json")}
    b = {(j["debate"], j["position"]): j for j in _load("debates_b.json")}
    c = {(j["debate"], j["position"]): j for j in _load("debates_c.json")}
    n = len(a)
    agree = sum(a[k]["decision"] == b[k]["decision"] for k in a)
    counts_a = Counter(j["decision"] for j in a.values())
    counts_b = Counter(j["decision"] for j in b.values())
    expected = sum(counts_a[d] * counts_b[d] for d in counts_a) / n**2
    kappa = (agree / n - expected) / (1 - expected)
    both = [k for k in a if a[k]["decision"] == b[k]["decision"] == "answers"]
    stances = sum(a[k]["stance"] == b[k]["stance"] for k in both)
    final = Counter((c[k] if a[k]["decision"] != b[k]["decision"] else a[k])["decision"] for k in a)
    print(f"positions: {n} judged; a and b agree on {agree} ({agree / n:.0%}), kappa {kappa:.2f}")
    print(f"  a: {dict(counts_a)}; b: {dict(counts_b)}; third reading: {len(c)}")
    print(f"  both answer: {len(both)}, same stance: {stances}; as settled: {dict(final)}")


def contradictions() -> None:
    linked = {}
    for reader in ("a", "b", "c"):
        items = _load(f"contra_{reader}.json")
        pairs = {frozenset(i["records"]) for i in items if i["verdict"] == "contradicts"}
        linked[reader] = pairs
        print(f"contradictions, reader {reader}: {len(items)} examined, {len(pairs)} linked")
    both = linked["a"] & linked["b"]
    settled = (linked["a"] ^ linked["b"]) & linked["c"]
    print(f"  found by both: {len(both)}; by one, confirmed by the third: {len(settled)}")
    for pair in sorted(both | settled, key=sorted):
        print("   ", " ~ ".join(sorted(pair)))


def audits() -> None:
    for name in ("before", "after"):
        graded = json.loads((HERE / "audit" / f"audit_{name}.json").read_text("utf-8"))
        counts = Counter(g["grade"] for g in graded)
        print(f"audit {name}: {len(graded)} records, {dict(counts)}")


if __name__ == "__main__":
    positions()
    contradictions()
    audits()
