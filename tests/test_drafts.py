"""The bundled data is exactly what tools/merge_drafts.py makes of the drafts: no hand edits."""

from __future__ import annotations

import importlib.util
import json
from importlib import resources
from pathlib import Path

import pytest

from aiforecasts._dataset import KIND_NAMED

ROOT = Path(__file__).resolve().parents[1]
DRAFTS = sorted(p for p in (ROOT / "drafts").glob("[0-9][0-9][0-9]") if p.is_dir())


@pytest.mark.skipif(not DRAFTS, reason="the drafts live in the checkout, not in the wheel")
def test_data_is_the_merge_of_the_drafts() -> None:
    spec = importlib.util.spec_from_file_location(
        "merge_drafts", ROOT / "tools" / "merge_drafts.py"
    )
    assert spec is not None
    assert spec.loader is not None
    merge_drafts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(merge_drafts)
    kinds, _warnings, errors = merge_drafts.merge(DRAFTS)
    assert errors == []
    data = resources.files("aiforecasts") / "data"
    for name in KIND_NAMED:
        bundled = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))["records"]
        assert kinds[name] == bundled, name
