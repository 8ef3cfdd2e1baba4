"""Records per source document: the table the dataset is reviewed against."""

from __future__ import annotations

import pytest

import aiforecasts
from aiforecasts._model.kinds import KIND_NAMED
from aiforecasts._model.records import CLAIMS


def table(dataset: aiforecasts.Dataset) -> dict[str, dict[str, int]]:
    """Source id → kind → the number of records citing that source in any excerpt."""
    counts = {source.id: dict.fromkeys(KIND_NAMED, 0) for source in dataset.sources}
    for name, collection in dataset.collections().items():
        for record in collection:
            for source in KIND_NAMED[name].sources(record):  # tombstones quote nothing
                counts[source][name] += 1
    return counts


def test_every_document_contributes(
    dataset: aiforecasts.Dataset, capsys: pytest.CaptureFixture[str]
) -> None:
    counts = table(dataset)
    width = max(map(len, counts))
    lines = [f"{'source':<{width}} " + " ".join(f"{k[:11]:>11}" for k in KIND_NAMED)]
    for source, row in counts.items():
        lines.append(f"{source:<{width}} " + " ".join(f"{row[k]:>11}" for k in KIND_NAMED))
    with capsys.disabled():
        print("\n\nrecords per source document (a record citing two documents counts in both)")
        print("\n".join(lines))
    assert set(counts) == {source.id for source in dataset.sources}
    claims = (*CLAIMS, "debates")
    for source, row in counts.items():
        assert row["sources"] == 1, source
        assert sum(row[kind] for kind in claims) > 0, source  # every document says something
