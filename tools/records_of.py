"""Print every bundled record that cites one source, for reading beside the document.

python tools/records_of.py ten-ai-predictions-2024
"""

from __future__ import annotations

import json
import sys

import aiforecasts
from aiforecasts._codec import to_builtins


def main(source: str) -> int:
    dataset = aiforecasts.load()
    for name, collection in dataset.collections().items():
        for record in collection:
            if any(excerpt.source == source for excerpt in record.excerpts):
                raw = to_builtins(record)
                for key in ("excerpts",):
                    raw[key] = [e["display"] for e in raw[key]]
                print(f"## {name}: {record.id}")
                print(json.dumps(raw, ensure_ascii=False, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
