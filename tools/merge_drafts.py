"""Merge extraction drafts (one folder per document) into the bundled data files.

    python tools/merge_drafts.py drafts/000 drafts/001 ...           # report only
    python tools/merge_drafts.py --write drafts/000 drafts/001 ...   # write src/aiforecasts/data

Companies and people that several drafts name are merged into one record by id: excerpts,
aliases and roles are united, missing fields filled; a conflict in a field is reported and the
first value kept. Any other id seen twice is an error. The result is checked by the package's
strict parser before anything is written, and nothing is written without --write.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from aiforecasts._codec import SCHEMA_VERSION, migrate, structure_many, to_builtins
from aiforecasts._dataset import KIND_NAMED as KINDS
from aiforecasts._load import parse

# The drafts are written in the layout of schema version 1.
DRAFT_SCHEMA = 1
VERSIONS = ("added_in", "changed_in")

DATA = Path(__file__).resolve().parents[1] / "src" / "aiforecasts" / "data"
ENTITIES = {"companies", "people"}
UNITED = ("excerpts", "aliases", "roles")
# Spellings that differ between documents become aliases rather than conflicts.
SPELLINGS = ("name", "name_en", "name_hans", "name_hant")

# The same real event, reported by two documents under two ids: the second
# record's excerpts and note are merged into the first.
SAME_AS = {
    # 003 lists 2023's top US venture rounds; 000 reports the same four deals.
    ("funding_rounds", "openai-10b-2023"): "openai-microsoft-10b-2023",
    ("funding_rounds", "anthropic-4b-2023"): "anthropic-amazon-4b-2023",
    ("funding_rounds", "anthropic-2b-2023"): "anthropic-alphabet-2b-2023",
    ("funding_rounds", "inflection-ai-1-3b-2023"): "inflection-ai-1-3b-2023",
}
# One real entity that two drafts gave different ids: the draft's id is
# rewritten wherever it occurs in that draft (ids are whole JSON strings).
REWRITE_IDS = {
    "003": {"us-government": "us-federal-government"},
}
# Ownership the drafts could not state because their folders had to be
# self-contained (the owner is named in another document or none).
PARENTS = {"alibaba-cloud": "alibaba", "alibaba-damo-academy": "alibaba"}
# Notes that replace the drafts' notes where those spoke of their own folder's limits.
NOTES = {
    "google": (
        "Modelled as the brand and operating company; its parent is Alphabet, which documents "
        "000 and 004 name as the investor or listed company. Each record names the one its "
        "document names: 谷歌 / Google where the text says Google, Alphabet where it says Alphabet."
    ),
    "alphabet": (
        "Google's parent company. Records name Alphabet only where the document does "
        "(000: Alphabet's pledge to invest in Anthropic; 004: market value, Pichai as its CEO)."
    ),
    "alibaba-cloud": "Part of Alibaba (parent set across documents: 001 does not name Alibaba).",
    "alibaba-damo-academy": "Part of Alibaba (parent set across documents: 001 does not name it).",
}
# Distinct records that two drafts gave the same id.
RENAMED = {
    ("002", "debates", "open-vs-closed-models-2024"): "open-vs-closed-models-2024-outlook",
}


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def unite(base: list[Any], extra: list[Any]) -> list[Any]:
    seen = [json.dumps(item, sort_keys=True) for item in base]
    result = list(base)
    for item in extra:
        key = json.dumps(item, sort_keys=True)
        if key not in seen:
            seen.append(key)
            result.append(item)
    return result


def merge_record(base: dict[str, Any], other: dict[str, Any], warnings: list[str]) -> None:
    for key, value in other.items():
        if key in UNITED:
            base[key] = unite(base.get(key, []), value)
        elif key not in base:
            base[key] = value
        elif base[key] == value or key == "id":
            continue
        elif key == "note":
            base[key] = f"{base[key]} {value}"
        elif key in SPELLINGS:
            base["aliases"] = unite(base.get("aliases", []), [value])
        else:
            warnings.append(f"{base['id']}.{key}: kept {base[key]!r}, not {value!r}")


# Additions from outside the documents, each citing a public source, by record id.
EXTERNAL = "drafts/EXTERNAL.json"

# Labels the extraction used for forecasts with no time in the text; the model says None.
UNDATED = ("no horizon stated", "no date stated", "open-ended")


def normalise(name: str, record: dict[str, Any]) -> None:
    """Replace a placeholder horizon by None, keeping what the text said in the note."""
    horizon = record.get("horizon")
    if name != "predictions" or horizon is None:
        return
    if any(marker in horizon["label"] for marker in UNDATED):
        said = f" ({horizon['text']})" if horizon.get("text") else ""
        extra = f"The document gives no time for this forecast{said}."
        record["horizon"] = None
        record["note"] = f"{record['note']} {extra}" if record.get("note") else extra


def read_draft(folder: Path, name: str) -> list[dict[str, Any]]:
    """The records of one kind in one draft folder, ids rewritten and horizons normalised."""
    path = folder / f"{name}.json"
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    for old, new in REWRITE_IDS.get(folder.name, {}).items():
        text = text.replace(json.dumps(old), json.dumps(new))
    records: list[dict[str, Any]] = json.loads(text)["records"]
    for record in records:
        normalise(name, record)
        record["id"] = RENAMED.get((folder.name, name, record["id"]), record["id"])
    return records


class Merger:
    """Accumulates the drafts' records, one record per real entity or event."""

    def __init__(self) -> None:
        self.kinds: dict[str, list[dict[str, Any]]] = {name: [] for name in KINDS}
        self.index: dict[str, tuple[str, dict[str, Any]]] = {}
        self.warnings: list[str] = []
        self.errors: list[str] = []

    def add(self, folder: str, name: str, record: dict[str, Any]) -> None:
        same = SAME_AS.get((name, record["id"]))
        seen = self.index.get(same or record["id"])
        if seen is None:
            if same and same != record["id"]:
                self.errors.append(f"{folder}: {record['id']!r}: {same!r} not merged yet")
                return
            self.index[record["id"]] = (name, record)
            self.kinds[name].append(record)
        elif seen[0] == name and same:
            # One event in two documents: keep the first telling, cite both.
            other = record["excerpts"][0]["source"]
            also = f"Also reported by source {other!r}: {record['statement']}"
            record["note"] = f"{also} {record.get('note', '')}".strip()
            merge_record(seen[1], record, [])
        elif seen[0] == name and name in ENTITIES:
            merge_record(seen[1], record, self.warnings)
        else:
            self.errors.append(f"{folder}: {name} id {record['id']!r} already in {seen[0]}")

    def finish(self) -> None:
        root = Path(__file__).resolve().parents[1]
        external = json.loads((root / EXTERNAL).read_text(encoding="utf-8"))
        for record_id, additions in external.items():
            if record_id not in self.index:
                self.errors.append(f"{EXTERNAL}: no record {record_id!r}")
            else:
                self.index[record_id][1]["external"] = additions
        for company in self.kinds["companies"]:
            if company["id"] in PARENTS and "parent" not in company:
                company["parent"] = PARENTS[company["id"]]
            if company["id"] in NOTES:
                company["note"] = NOTES[company["id"]]


def merge(folders: list[Path]) -> tuple[dict[str, list[dict[str, Any]]], list[str], list[str]]:
    merger = Merger()
    for folder in folders:
        for name in KINDS:
            for record in read_draft(folder, name):
                merger.add(folder.name, name, record)
    merger.finish()
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    stamp(merger.kinds, manifest["dataset_version"])
    return merger.kinds, merger.warnings, merger.errors


def stamp(kinds: dict[str, list[dict[str, Any]]], version: str) -> None:
    """
    Bring the drafts' records to the current schema and date them: a record new
    in this dataset version is added and changed in it; one that existed keeps
    its versions, unless its content differs, when it changed in this version.
    """
    for name, records in kinds.items():
        previous = {r["id"]: r for r in bundled(name)}
        for index, record in enumerate(records):
            current = migrate(name, record, DRAFT_SCHEMA, version)
            before = previous.get(current["id"])
            if before is not None and name == "sources":
                # Declared in the bundled data itself, not in the drafts.
                current["repairs"] = before.get("repairs", [])
            current = canonical(name, current)
            if before is not None:
                current["added_in"] = before["added_in"]
                same = all(
                    current.get(k) == before.get(k) for k in {*current, *before} - {*VERSIONS}
                )
                current["changed_in"] = before["changed_in"] if same else version
            records[index] = current


def canonical(name: str, record: dict[str, Any]) -> dict[str, Any]:
    """*record* in the codec's one shape (every field present), as the data files hold it."""
    problems: list[Any] = []
    (structured,) = structure_many(KINDS[name].cls, [record], name, "draft", problems)
    assert not problems, problems
    plain: dict[str, Any] = to_builtins(structured)
    return plain


def bundled(name: str) -> list[dict[str, Any]]:
    """The records of kind *name* as bundled now (schema 2 or later only)."""
    document = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
    if document.get("schema_version", 1) < 2:
        return []
    records: list[dict[str, Any]] = document["records"]
    return records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="write the data files")
    args = parser.parse_args()
    kinds, warnings, errors = merge(args.folders)
    for line in warnings:
        print("conflict:", line)
    for line in errors:
        print("ERROR:", line)
    if errors:
        return 1
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    manifest["schema_version"] = SCHEMA_VERSION
    files = {
        name: dumps({"kind": name, "records": records, "schema_version": SCHEMA_VERSION})
        for name, records in kinds.items()
    }
    dataset = parse(dumps(manifest).encode(), {k: v.encode() for k, v in files.items()})
    print(dataset.counts())
    if args.write:
        for name, text in files.items():
            (DATA / f"{name}.json").write_text(text, encoding="utf-8")
        (DATA / "manifest.json").write_text(dumps(manifest), encoding="utf-8")
        print(f"wrote {len(files)} files to {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
