"""
Value types: the parts records are made of, and how their fields are declared
and checked, in one place.

Each value type is an immutable, slotted attrs class, defined by what it is
about:

- `_model.figures`: amounts of money and quantities as the documents qualify
  them (`Money`, `Quantity`), and the measurable figure a prediction states
  (`Target`);
- `_model.spans`: spans of time with their precision (`TimeSpan`);
- `_model.provenance`: verbatim excerpts, additions from outside the
  documents and repairs of damaged text (`Excerpt`, `External`, `Repair`);
- `_model.judging`: what would settle a prediction and how it was judged
  (`Criterion`, `Evidence`, `Judgement`).

The field declarations they and the records share are in `_model.declare`
(`doc`, `ref`, `needed`, `verbatim`, `described`) and the checks in
`_model.checks` (`checked`, `nonblank`, `version`, `required`, `quote` …).
The modules that build on them (`_model.growth`, `_model.fields`,
`_model.kinds`, `_model.integrity`, and the layers above) import them from
here; the modules that define the records import from the defining modules.
"""

from __future__ import annotations

from aiforecasts._model.checks import (
    DECIMAL_DIGITS,
    DECIMAL_EXPONENTS,
    DECIMAL_PLACES,
    PROSE,
    SLUG,
    VERSION,
    FieldError,
    any_lacking,
    check_decimal,
    checked,
    nonblank,
    older_layout,
    optional_nonblank,
    quote,
    required,
    version,
)
from aiforecasts._model.declare import (
    described,
    description,
    doc,
    is_mutual,
    is_needed,
    is_verbatim,
    needed,
    ref,
    refers_to,
    schema_of,
    shown,
    verbatim,
    wrap,
)
from aiforecasts._model.figures import Money, Quantity, Target, figure_of, number_text
from aiforecasts._model.judging import Criterion, Evidence, Judgement
from aiforecasts._model.provenance import Excerpt, External, Repair
from aiforecasts._model.spans import TimeSpan

__all__ = [
    "DECIMAL_DIGITS",
    "DECIMAL_EXPONENTS",
    "DECIMAL_PLACES",
    "PROSE",
    "SLUG",
    "VERSION",
    "Criterion",
    "Evidence",
    "Excerpt",
    "External",
    "FieldError",
    "Judgement",
    "Money",
    "Quantity",
    "Repair",
    "Target",
    "TimeSpan",
    "any_lacking",
    "check_decimal",
    "checked",
    "described",
    "description",
    "doc",
    "figure_of",
    "is_mutual",
    "is_needed",
    "is_verbatim",
    "needed",
    "nonblank",
    "number_text",
    "older_layout",
    "optional_nonblank",
    "quote",
    "ref",
    "refers_to",
    "required",
    "schema_of",
    "shown",
    "verbatim",
    "version",
    "wrap",
]
