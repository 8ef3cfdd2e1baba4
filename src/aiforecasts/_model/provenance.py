"""
Where a record's words come from: `Excerpt`, a verbatim slice of a source
document; `External`, information from outside the documents with the public
source it rests on; `Repair`, a damaged fragment of a document and the text it
stands for.
"""

from __future__ import annotations

import attrs

from aiforecasts._model.checks import checked, nonblank
from aiforecasts._model.declare import described, doc, ref, verbatim

__all__ = ["Excerpt", "External", "Repair"]


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Excerpt:
    """
    A verbatim slice of a source document.

    ``document_text[start:end] == text`` holds for the text of the document
    whose SHA-256 the `Source` records (offsets count Unicode code points of
    the UTF-8-decoded file).  *display* is the same passage with the
    document's artefacts cleaned: ``clean_text(text, source.repairs)``.

    .. versionadded:: 0.1.0
    """

    source: str = attrs.field(metadata=ref("sources", doc="The id of the `Source` quoted."))
    start: int = attrs.field(
        metadata=doc(
            "Where the passage starts in the document's text, in Unicode code points from 0."
        )
    )
    end: int = attrs.field(
        metadata=doc("Where it ends (excluded): *start* plus the length of *text*.")
    )
    text: str = attrs.field(
        validator=nonblank,
        metadata=verbatim(doc("The passage verbatim, the document's artefacts included.")),
    )
    display: str = attrs.field(
        validator=nonblank,
        metadata=verbatim(
            doc(
                "The passage with the document's artefacts cleaned, for reading: "
                "``clean_text(text, source.repairs)``."
            )
        ),
    )

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            msg = f"offsets must satisfy 0 <= start < end, not {self.start}..{self.end}"
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = (
                f"text has {len(self.text)} characters but the offsets "
                f"{self.start}..{self.end} span {self.end - self.start}"
            )
            raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class External:
    """
    Information from outside the source documents, and the public source it
    rests on.  The documents' own words stay as they are; this sits beside them.

    >>> e = External("The column is by Rob Toews (Forbes).", "https://www.forbes.com/...",
    ...              field="translation_of")
    >>> e.field
    'translation_of'

    .. versionadded:: 0.1.0
    """

    statement: str = attrs.field(validator=nonblank, metadata=doc("What is added, in English."))
    cites: str = attrs.field(validator=nonblank, metadata=doc("The URL of the public source."))
    field: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The name of the record field the addition bears on (``translation_of``); ``None`` "
            "when it bears on the record as a whole."
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Repair:
    """
    A damaged fragment of a source document and the text it stands for.

    Some documents carry fragments whose bytes were decoded with the wrong
    codec (``?梢韵胂`` where the original said 可以想象).  The verbatim
    excerpts keep the damage; `clean_text` puts *intended* in its place for
    display when given the document's repairs (`Source.repairs`).

    >>> from aiforecasts import clean_text
    >>> repair = Repair("?梢韵胂", "可以想象")
    >>> clean_text("進行設計?梢韵胂,一股", (repair,))
    '進行設計可以想象,一股'

    .. versionadded:: 0.1.0
    """

    damaged: str = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=verbatim(doc("The fragment as it stands in the document (``?梢韵胂``).")),
    )
    intended: str = attrs.field(
        metadata=verbatim(doc("What the surrounding sentence calls for in its place (可以想象)."))
    )
