"""Properties over generated data: exact round trips; broken input only ever raises DataError."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import aiforecasts
from aiforecasts import DataError
from aiforecasts._codec.json import Engine
from aiforecasts._io.loads import read_export
from aiforecasts._model.checks import check_decimal
from aiforecasts._model.fields import DECIMAL

from .strategies import broken, broken_lines, datasets

if TYPE_CHECKING:
    from decimal import Decimal

ROUND_TRIPS = 100
BROKEN_INPUTS = 2000
# A real export to break: the golden file of the current schema (part of the data, so its
# references are not checked; every other rule is).
EXPORT = (Path(__file__).parent / "golden" / f"schema-{aiforecasts.SCHEMA_VERSION}.json").read_text(
    encoding="utf-8"
)


@settings(max_examples=ROUND_TRIPS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_round_trip(dataset: aiforecasts.Dataset) -> None:
    text = aiforecasts.to_json(dataset)
    assert aiforecasts.loads(text) == dataset
    assert aiforecasts.loads(aiforecasts.to_jsonl(dataset)) == dataset
    assert aiforecasts.to_json(aiforecasts.loads(text)) == text
    assert aiforecasts.to_csv(dataset) == aiforecasts.to_csv(aiforecasts.loads(text))


@settings(
    max_examples=BROKEN_INPUTS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(broken(EXPORT))
def test_broken_input_raises_data_error_and_nothing_else(case: tuple[str, bytes, bool]) -> None:
    how, blob, surely_invalid = case
    try:
        loaded = aiforecasts.loads(blob, check_references=False)
    except DataError as error:
        assert error.problems
        assert all(problem.path and problem.message for problem in error.problems)
    else:
        assert not surely_invalid, f"{how}: accepted"
        assert isinstance(loaded, aiforecasts.Dataset)


@pytest.mark.parametrize("junk", [b"", b"null", b"[]", b'{"records": 1}', b"\xef\xbb\xbf{}"])
def test_foreign_documents(junk: bytes) -> None:
    with pytest.raises(DataError):
        aiforecasts.loads(junk)


def _outcome(blob: bytes, engine: Engine) -> aiforecasts.Dataset | None:
    try:
        return read_export(blob, check_references=False, engine=engine)
    except DataError as error:
        assert error.problems
        return None


@settings(
    max_examples=BROKEN_INPUTS,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(broken(EXPORT))
def test_the_two_engines_agree_on_broken_exports(case: tuple[str, bytes, bool]) -> None:
    """The fast engine and the detailed one accept and refuse the same input, and read the
    same records from what they accept."""
    how, blob, _surely_invalid = case
    fast, detailed = _outcome(blob, "fast"), _outcome(blob, "detailed")
    assert (fast is None) == (detailed is None), how
    assert fast == detailed


EXPORT_LINES = aiforecasts.to_jsonl(aiforecasts.loads(EXPORT, check_references=False))


@settings(max_examples=BROKEN_INPUTS // 2, deadline=None)
@given(broken_lines(EXPORT_LINES))
def test_the_two_engines_agree_on_broken_lines(case: tuple[str, bytes]) -> None:
    how, blob = case
    fast, detailed = _outcome(blob, "fast"), _outcome(blob, "detailed")
    assert (fast is None) == (detailed is None), how
    assert fast == detailed


@settings(max_examples=500, deadline=None)
@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_a_figure_the_types_accept_is_written_in_a_form_the_reader_accepts(
    value: Decimal,
) -> None:
    try:
        check_decimal("x", value)
    except ValueError:
        return
    assert re.fullmatch(DECIMAL, str(abs(value)))
