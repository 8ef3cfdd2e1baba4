"""Check a folder of extracted records (one JSON file per kind) the way the tests will.

    python tools/check_draft.py drafts/000

Loads the folder through the package's strict parser, then checks every excerpt
against ../shared/seeds and that its display form is clean_text(text).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from aiforecasts import clean_text
from aiforecasts._dataset import KIND_NAMED as KINDS
from aiforecasts._load import parse
from aiforecasts._verify import excerpts

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def main(folder: str) -> int:
    root = Path(folder)
    files = {}
    for name in KINDS:
        path = root / f"{name}.json"
        files[name] = (
            path.read_bytes()
            if path.exists()
            else json.dumps({"kind": name, "records": [], "schema_version": 1}).encode()
        )
    manifest = json.dumps({"dataset_version": "draft", "schema_version": 1}).encode()
    dataset = parse(manifest, files)
    texts = {}
    for source in dataset.sources:
        blob = (SEEDS / source.file).read_bytes()
        assert hashlib.sha256(blob).hexdigest() == source.sha256, f"sha256 of {source.file}"
        texts[source.id] = blob.decode("utf-8")
    bad = 0
    for where, excerpt in excerpts(dataset):
        text = texts[excerpt.source]
        if text[excerpt.start : excerpt.end] != excerpt.text:
            print(f"OFFSETS {where}: {text[excerpt.start : excerpt.end]!r} != {excerpt.text!r}")
            bad += 1
        document = dataset.sources.get(excerpt.source)
        repairs = document.repairs if document is not None else ()
        if excerpt.display != clean_text(excerpt.text, repairs):
            print(f"DISPLAY {where}: {excerpt.display!r} != {clean_text(excerpt.text, repairs)!r}")
            bad += 1
    print(dataset.counts(), f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
