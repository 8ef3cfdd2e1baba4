"""
`to_arrow` builds each column from the records' typed values.  It makes the very
table the earlier path made — records to the CSV rows' text, parsed back to
decimals and dates (kept here as the reference) — for the bundled data, for
generated datasets, and for records built with their validators disabled, which
hold values of types their fields do not declare; and it refuses the same value
first, with the same message.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import aiforecasts
from aiforecasts._io import arrow as _arrow, columns as _columns
from aiforecasts._model.kinds import KIND_OF

from .strategies import datasets

pa = pytest.importorskip("pyarrow")


def _through_rows(records: list[Any], version: str) -> Any:
    """The table of *records* (of one kind) as the row-by-row path made it, from the CSV rows."""
    kind = KIND_OF[type(records[0])].name
    schema = _arrow.arrow_schema(kind)
    shapes = [field.shape for _name, field, _required in _columns.table_columns(type(records[0]))]
    derived = _columns.DERIVED.get(kind, ())
    names = _columns.csv_columns(kind)
    columns: list[list[Any]] = [[] for _ in names]
    for row in _columns.table_rows(kind, records, version):
        identifier = row[0]
        for index, cell in enumerate(row):
            where = f"{kind} {identifier} {names[index]}"
            value = cell
            if index < len(shapes):
                value = _arrow._value(shapes[index], cell, where)
            elif index < len(shapes) + len(derived) and cell is not None:
                exact = derived[index - len(shapes)].exact
                value = _arrow._value(_arrow._DECIMAL, cell, where) if exact else float(cell)
            columns[index].append(value)
    arrays = [pa.array(v, type=f.type) for v, f in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _same_table(records: list[Any], version: str = "2026.1") -> None:
    typed = aiforecasts.to_arrow(records, dataset_version=version)
    assert typed.equals(_through_rows(records, version), check_metadata=False)


def _same_refusal(records: list[Any], version: str = "2026.1") -> str:
    """The message both paths refuse *records* with (the same type, the same text)."""
    with pytest.raises(Exception) as typed:  # whatever it is: the same from both
        aiforecasts.to_arrow(records, dataset_version=version)
    with pytest.raises(type(typed.value)) as rows:
        _through_rows(records, version)
    assert str(typed.value) == str(rows.value)
    return str(typed.value)


def test_the_bundled_data_makes_the_same_tables(dataset: aiforecasts.Dataset) -> None:
    for collection in dataset.collections().values():
        if len(collection):
            _same_table(list(collection), dataset.dataset_version)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_generated_datasets_make_the_same_tables(generated: aiforecasts.Dataset) -> None:
    for collection in generated.collections().values():
        if len(collection):
            _same_table(list(collection))


def _holding(record: Any, **values: Any) -> Any:
    """A copy of *record* holding *values* as they are: past its converters and validators,
    as nothing but such a deliberate step builds one (attrs.evolve converts, then checks)."""
    copy = attrs.evolve(record)
    for name, value in values.items():
        object.__setattr__(copy, name, value)
    return copy


def test_values_of_undeclared_types_make_the_same_tables(dataset: aiforecasts.Dataset) -> None:
    """Each value of a type its field does not declare goes the way of its JSON."""
    prediction = next(p for p in dataset.predictions if p.topics and p.number is None)
    odd = [
        _holding(prediction, hedge=prediction.hedge.value),  # a choice's value, not the choice
        _holding(prediction, topics=tuple(prediction.topics)),  # a set as a tuple
        _holding(prediction, companies=["nvidia", "openai"]),  # a list, not a tuple
        _holding(prediction, made=_holding(prediction.made, start="2024-01-02")),
        _holding(prediction, horizon="2025"),  # text for a part: its columns empty
    ]
    _same_table([prediction, *odd])
    _same_refusal([_holding(prediction, number=True)])  # a bool for an int: pyarrow's error


def test_the_first_unwritable_value_row_by_row_is_refused(dataset: aiforecasts.Dataset) -> None:
    rounds = [r for r in dataset.funding_rounds if r.amount is not None and r.valuation is None]
    first, second = rounds[:2]
    assert first.amount is not None
    assert second.amount is not None
    # A figure in a later column of row 0, and one in an earlier column of row 1.
    valuation = _holding(first.amount, amount=Decimal("1E-10"))
    early = _holding(second.amount, amount=Decimal("1E-30"))
    records = [_holding(first, valuation=valuation), _holding(second, amount=early)]
    message = _same_refusal(records)
    assert message.startswith(f"funding_rounds {first.id} valuation.amount: 1E-10 ")
    prediction = dataset.predictions[0]
    instant = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    _same_refusal([_holding(prediction, made=_holding(prediction.made, start=instant))])
