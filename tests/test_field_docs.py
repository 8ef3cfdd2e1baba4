"""
Every field of every record kind, and of the values records hold, is described in its
class docstring, so that `help()` and the API reference both show it.

The docstring is read as a reader gets it (``cls.__doc__``, ``pydoc.render_doc``), not
through the machinery that writes it, so the test holds whatever writes the descriptions.
"""

from __future__ import annotations

import importlib
import inspect
import pydoc
import re
import textwrap

import attrs
import pytest

import aiforecasts
from aiforecasts._model.declare import wrap

# The public attrs classes of the modules of the record kinds and the values they hold.
_MODULES = [
    importlib.import_module(f"aiforecasts.{name}")
    for name in (
        "_model.records",
        "_model.figures",
        "_model.spans",
        "_model.provenance",
        "_model.judging",
        "_model.growth",
    )
]
CLASSES = sorted(
    {  # a class exported by two of the modules counts once
        obj
        for module in _MODULES
        for name in module.__all__
        if name in aiforecasts.__all__
        and isinstance(obj := getattr(module, name), type)
        and attrs.has(obj)
    },
    key=lambda cls: cls.__name__,
)

# An entry of a Google-style section: "name: description" or "name (type): description".
_ENTRY = re.compile(r"(?P<name>\w+)(?: \([^)]*\))?:(?: (?P<text>.*))?")


def described(cls: type) -> dict[str, str]:
    """Field name → description, from the ``Attributes:`` section of *cls*'s docstring."""
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    assert "Attributes:" in lines, f"{cls.__name__}'s docstring has no Attributes: section"
    entries: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[lines.index("Attributes:") + 1 :]:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0:  # the section ends
            break
        match = _ENTRY.fullmatch(line.strip())
        if indent == 4 and match:
            current = entries.setdefault(match["name"], [])
            current.append(match["text"] or "")
        elif indent > 4 and current is not None:  # a description's next line
            current.append(line.strip())
        else:
            pytest.fail(f"{cls.__name__}: unexpected line in Attributes: {line!r}")
    return {name: " ".join(" ".join(parts).split()) for name, parts in entries.items()}


def _rendered(cls: type) -> str:
    """What ``help(cls)`` shows, as plain words (no overstrike, no ``|`` margin)."""
    text = pydoc.plain(pydoc.render_doc(cls))
    return " ".join(re.sub(r"(?m)^ \|", " ", text).split())


def test_the_classes_are_found() -> None:
    names = {cls.__name__ for cls in CLASSES}
    kinds = {
        "Source", "Company", "Person", "Prediction", "FundingRound", "ComputeTrend",
        "Debate", "Statistic", "Resolution", "Tombstone",
    }  # fmt: skip
    parts = {
        "Role", "Investment", "Position", "Excerpt", "External", "Evidence", "Target",
        "Repair", "TimeSpan", "Money", "Quantity", "Growth",
    }  # fmt: skip
    assert kinds | parts <= names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_every_field_is_described_in_the_docstring(cls: type) -> None:
    fields = [field.name for field in attrs.fields(cls)]
    found = described(cls)
    assert [name for name in fields if name not in found] == [], "fields without a description"
    assert [name for name in found if name not in fields] == [], "descriptions of no field"
    for name in fields:
        text = found[name]
        assert re.search(r"[A-Za-z]{2}", text), f"{cls.__name__}.{name}: empty description"
        assert text.strip("`*. ") != name, f"{cls.__name__}.{name}: the name, not a description"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
def test_help_shows_every_description(cls: type) -> None:
    shown = _rendered(cls)
    for name, text in described(cls).items():
        assert f"{name}: {text}" in shown, f"help({cls.__name__}) does not show {name}'s"


def test_the_json_schema_describes_every_field() -> None:
    """The exports' schema carries the same descriptions (one source for both)."""
    definitions = aiforecasts.json_schema()["$defs"]
    for cls in CLASSES:
        if cls.__name__ not in definitions:
            continue  # not part of a record (Rate, RateComparison)
        properties = definitions[cls.__name__]["properties"]
        expected = described(cls)
        for name, schema in properties.items():
            assert " ".join(schema["description"].split()) == expected[name], (cls, name)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("width", [40, 80, 84])
def test_descriptions_wrap_as_textwrap_does(cls: type, width: int) -> None:
    """The docstrings' own wrapping (cheaper at import) gives `textwrap.wrap`'s lines, words and
    hyphens unbroken, for every field's entry, at the widths the docstrings use and a narrow one."""
    for field in attrs.fields(cls):
        entry = f"{field.name}: {field.metadata['doc']}"
        expected = textwrap.wrap(
            entry,
            width,
            initial_indent="    ",
            subsequent_indent="        ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        assert wrap(entry, "    ", "        ", width) == expected, (cls.__name__, field.name)
