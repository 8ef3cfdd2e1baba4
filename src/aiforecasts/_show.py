"""
Plain-text rendering of the dataset for a terminal.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from aiforecasts._convert import make_converter
from aiforecasts._load import load

if TYPE_CHECKING:
    from typing import TextIO

__all__ = ["show_dataset"]


def show_dataset(out: TextIO) -> int:
    """Write versions, counts per kind and one record of each kind to *out*."""
    dataset = load()
    converter = make_converter()
    out.write(
        f"aiforecasts dataset {dataset.dataset_version} (schema {dataset.schema_version})\n\n"
    )
    counts = dataset.counts()
    width = max(map(len, counts))
    out.writelines(f"  {name:<{width}}  {count:>5}\n" for name, count in counts.items())
    out.write(f"  {'total':<{width}}  {sum(counts.values()):>5}\n")
    for name, collection in dataset.collections().items():
        if not collection:
            continue
        out.write(f"\n--- {name}[0] ---\n")
        record = converter.unstructure(collection[0])
        out.write(json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True))
        out.write("\n")
    return 0
