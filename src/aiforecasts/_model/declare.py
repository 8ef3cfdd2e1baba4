"""
How a field of a record or value class is declared: what its metadata says
(its description, the ids it holds, whether the current layout requires it,
whether its text is verbatim) and how the class shows its fields (the
``Attributes:`` section of its docstring, its repr).

Metadata is written with `doc`, `ref`, `needed` and `verbatim`, and read
with `description`, `refers_to`, `is_mutual`, `is_needed`, `schema_of` and
`is_verbatim`: the only functions that know its keys.
"""

from __future__ import annotations

from typing import Literal, TypeVar

import attrs

__all__ = [
    "described",
    "description",
    "doc",
    "is_mutual",
    "is_needed",
    "is_verbatim",
    "needed",
    "ref",
    "refers_to",
    "schema_of",
    "shown",
    "verbatim",
    "wrap",
]


_DOC = "doc"


def doc(text: str) -> dict[str, object]:
    """
    Field metadata: the field's description, in English (markup as in
    docstrings).  It is written once, here: `described` puts it in the class
    docstring (for `help` and the API reference), and the JSON Schema and the
    tables' column descriptions read it (`description`).
    """
    return {_DOC: text}


_NEEDED = "needed"
_SCHEMA = "schema"


def needed(metadata: dict[str, object], **schema: object) -> dict[str, object]:
    """
    Field metadata: the field must be given, and not null, in files of the
    current schema, though records read from older files may lack it (its
    default); *schema* adds JSON Schema keywords (``minItems=2``).
    """
    return {**metadata, _NEEDED: True, _SCHEMA: schema}


def is_needed(field: attrs.Attribute[object]) -> bool:
    """Whether *field* must be given in the current layout though it has a default."""
    return bool(field.metadata.get(_NEEDED, False))


def schema_of(field: attrs.Attribute[object]) -> dict[str, object]:
    """The JSON Schema keywords *field*'s metadata adds (see `needed`)."""
    extra: dict[str, object] = field.metadata.get(_SCHEMA, {})
    return extra


def description(field: attrs.Attribute[object]) -> str | None:
    """*field*'s description (see `doc`), if it has one."""
    text: str | None = field.metadata.get(_DOC)
    return text


def ref(
    *kinds: str,
    mutual: Literal["kinds", "documents"] | None = None,
    doc: str | None = None,
) -> dict[str, object]:
    """
    Field metadata: the field holds ids of records of *kinds* (collection
    names).  A *mutual* link is given on both sides (the integrity check holds
    it so) and joins records of different kinds (``"kinds"``: one claim stated
    in two kinds) or of different documents (``"documents"``: records whose
    excerpts quote no document in common).  *doc* is the field's description
    (see `doc`).
    """
    metadata: dict[str, object] = {"refers_to": kinds, "mutual": mutual}
    if doc is not None:
        metadata[_DOC] = doc
    return metadata


_C = TypeVar("_C", bound=attrs.AttrsInstance)


def described(cls: type[_C]) -> type[_C]:
    """
    Class decorator, put above `attrs.frozen`: add to *cls*'s docstring an
    ``Attributes:`` section (Google style, which Sphinx's napoleon renders)
    giving each field with its description (`doc`), before the docstring's
    ``.. versionadded::`` line.  String work on the fields only: nothing is
    read from the source, and lines are wrapped by `wrap`.

    A class declared ``attrs.frozen(repr=False)`` gets the one `shown`
    ``__repr__``, which writes what attrs would (attrs compiles one per class,
    which costs a first lookup about 4 ms over the record and value classes).
    """
    text = cls.__doc__ or ""
    lines = text.splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=0)
    pad = " " * indent
    section = [f"{pad}Attributes:"]
    for field in attrs.fields(cls):
        about = description(field)
        if about is not None:  # tests/test_field_docs.py names a field without one
            section += wrap(f"{field.name}: {about}", f"{pad}    ", f"{pad}        ", indent + 76)
    block = "\n".join(section)
    head, marker, tail = text.partition(f"\n{pad}.. versionadded::")
    if marker:
        cls.__doc__ = f"{head.rstrip()}\n\n{block}\n{marker}{tail}"
    else:
        cls.__doc__ = f"{text.rstrip()}\n\n{block}\n"
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = shown  # type: ignore[assignment]
    return cls


def shown(self: attrs.AttrsInstance) -> str:
    """
    An attrs instance's repr, as attrs writes it: ``Money(amount=…, currency=…, …)``
    (its fields with ``repr=True``, in order); for the classes `described`
    gives it.

    >>> import aiforecasts
    >>> from decimal import Decimal
    >>> aiforecasts.Quantity(Decimal("3.5"), "EFLOPS")
    Quantity(value=Decimal('3.5'), unit='EFLOPS', qualifier=<Qualifier.EXACT: 'exact'>, high=None)
    """
    cls = type(self)
    fields = ", ".join(
        f"{field.name}={getattr(self, field.name)!r}" for field in cls.__attrs_attrs__ if field.repr
    )
    return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({fields})"


def wrap(text: str, first: str, rest: str, width: int) -> list[str]:
    """
    *text* in lines of at most *width* characters (a longer word stays whole),
    the first line indented by *first*, the others by *rest*: what
    `textwrap.wrap` gives without breaking words or hyphens (the tests hold
    them equal on every field), at a tenth of its cost — the class docstrings
    are written at import.

    >>> wrap("one two three", "", "  ", 8)
    ['one two', '  three']
    """
    lines = []
    indent = first
    while len(indent) + len(text) > width:
        cut = text.rfind(" ", 0, width - len(indent) + 1)
        if cut <= 0:
            cut = text.find(" ")
            if cut < 0:
                break
        lines.append(indent + text[:cut].rstrip())
        text = text[cut + 1 :].lstrip()
        indent = rest
    lines.append(indent + text)
    return lines


def is_mutual(field: attrs.Attribute[object]) -> Literal["kinds", "documents"] | None:
    """What a link given on both sides joins records across (see `ref`); ``None`` if it
    is not such a link."""
    across: Literal["kinds", "documents"] | None = field.metadata.get("mutual") or None
    return across


def refers_to(field: attrs.Attribute[object]) -> tuple[str, ...]:
    """The collections whose ids *field* holds; empty when it holds no ids."""
    kinds: tuple[str, ...] = field.metadata.get("refers_to", ())
    return kinds


_TEXT = "text"
_VERBATIM = "verbatim"


def verbatim(metadata: dict[str, object]) -> dict[str, object]:
    """
    Field metadata: text copied verbatim from a document or a page, whose
    characters are kept whatever they are (only NUL and lone surrogates, which
    no file can hold, are refused: see `_model.checks.nonblank`).
    """
    return {**metadata, _TEXT: _VERBATIM}


def is_verbatim(field: attrs.Attribute[object]) -> bool:
    """Whether *field* holds verbatim text (see `verbatim`)."""
    return bool(field.metadata.get(_TEXT) == _VERBATIM)
