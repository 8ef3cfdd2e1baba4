"""
The records claims refer to: the source documents (`Source`), and the
organisations (`Company`) and people (`Person`, each `Role` a document gives
them) the documents name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from aiforecasts._model.checks import checked, nonblank, quote, version
from aiforecasts._model.common import ADDED_IN, CHANGED_IN, EXTERNAL, ID, MENTIONS, NOTE
from aiforecasts._model.declare import described, doc, ref
from aiforecasts._model.provenance import Excerpt, External, Repair
from aiforecasts._model.spans import TimeSpan
from aiforecasts._model.vocab import COUNTRIES, OrgKind, Script

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Company", "Person", "Role", "Source"]


def _file_name(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    """A bare file name: a document is looked up in one folder, never elsewhere."""
    if not value or value in {".", ".."} or any(c in value for c in "/\\\x00"):
        msg = f"{attribute.name} must be a bare file name, not {quote(value)}"
        raise ValueError(msg)


def _country(_inst: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in COUNTRIES:
        msg = (
            f"{attribute.name} must be an ISO 3166-1 alpha-2 code such as 'US', not {quote(value)}"
        )
        raise ValueError(msg)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Source:
    """
    One source document.

    *sha256* is the hex digest of the file's bytes, artefacts included; a
    user can check it with `verify_sources`.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
    file: str = attrs.field(
        validator=_file_name,
        metadata=doc(
            "The document's file name in the folder of documents (a bare name, no folders)."
        ),
    )
    sha256: str = attrs.field(
        validator=attrs.validators.matches_re(r"[0-9a-f]{64}"),
        metadata=doc(
            "The SHA-256 of the document file's bytes, artefacts included, in 64 lower-case "
            "hex digits; `verify_sources` checks it."
        ),
    )
    title: str = attrs.field(validator=nonblank, metadata=doc("The title as written."))
    title_en: str = attrs.field(
        validator=nonblank,
        metadata=doc("The title in English (a description, where the document has no headline)."),
    )
    script: Script = attrs.field(
        metadata=doc(
            "The script the document is written in: simplified or traditional Chinese, or "
            "English (`Script`)."
        )
    )
    published: TimeSpan = attrs.field(
        metadata=doc(
            "When the document was published; inferred, with the reason, where it carries no date."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Where the title, date and byline stand in the document (at least one)."),
    )
    outlet: str | None = attrs.field(
        default=None,
        metadata=ref(
            "companies", doc="The id of the publishing `Company` (a media outlet), if known."
        ),
    )
    author: str | None = attrs.field(
        default=None,
        metadata=ref(
            "people", doc="The id of the author's `Person`, where the document names one."
        ),
    )
    url: str | None = attrs.field(
        default=None,
        metadata=doc(
            "The web address the document was published (or reposted) at, where known; "
            "else ``None``."
        ),
    )
    translation_of: str | None = attrs.field(
        default=None,
        metadata=doc(
            "What the document translates, in English, when it is a translation; else ``None``."
        ),
    )
    repairs: tuple[Repair, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Damaged fragments of the document and what they stand for; `clean_text` applies "
            "them to the excerpts' display text."
        ),
    )
    mentions: tuple[str, ...] = attrs.field(default=(), metadata=MENTIONS)
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Company:
    """
    A company or other organisation: lab, investor, university, government
    body, court, media outlet.

    *aliases* holds every spelling the documents use (and common English
    ones), in any script; *parent* links a brand or unit to its owner
    (Google → Alphabet).

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
    name: str = attrs.field(validator=nonblank, metadata=doc("The canonical English name."))
    kind: OrgKind = attrs.field(
        metadata=doc(
            "What kind of organisation it is: company, startup, lab, investor, university, "
            "government body, court, media … (`OrgKind`)."
        )
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Passages of the documents that name it (at least one)."),
    )
    name_hans: str | None = attrs.field(
        default=None,
        metadata=doc("Its Chinese name in simplified characters (英伟达), if it has one."),
    )
    name_hant: str | None = attrs.field(
        default=None,
        metadata=doc("Its Chinese name in traditional characters (英偉達), if it has one."),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Its other names and spellings, in any script: those the documents use, and "
            "common English ones."
        ),
    )
    country: str | None = attrs.field(
        default=None,
        validator=_country,
        metadata=doc(
            "The country it is based in, as an ISO 3166-1 alpha-2 code (``US``); ``None`` "
            "where none applies or it is not known."
        ),
    )
    parent: str | None = attrs.field(
        default=None, metadata=ref("companies", doc="The id of the owning `Company`.")
    )
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the organisation (canonical, Chinese and aliases)."""
        return _names(self.name, self.name_hans, self.name_hant, self.aliases)


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Role:
    """
    A role a document gives a person: title and organisation.

    .. versionadded:: 0.1.0
    """

    title: str = attrs.field(
        validator=nonblank,
        metadata=doc('The title in English ("CEO", "Stanford researcher").'),
    )
    source: str = attrs.field(
        metadata=ref("sources", doc="The id of the `Source` that states the role.")
    )
    title_original: str | None = attrs.field(
        default=None,
        metadata=doc(
            'The title as written ("首席执行官"); ``None`` where the document gives no title '
            "as such."
        ),
    )
    organization: str | None = attrs.field(
        default=None,
        metadata=ref(
            "companies", doc="The id of the `Company` the role is at; ``None`` if at none."
        ),
    )


@described
@attrs.frozen(repr=False, field_transformer=checked)
class Person:
    """
    A person the documents name.

    .. versionadded:: 0.1.0
    """

    id: str = attrs.field(metadata=ID)
    name: str = attrs.field(
        validator=nonblank,
        metadata=doc("The name as written in the first document that names the person."),
    )
    name_en: str = attrs.field(
        validator=nonblank,
        metadata=doc("The name romanised, in English order (``Robin Li`` for 李彦宏)."),
    )
    excerpts: tuple[Excerpt, ...] = attrs.field(
        validator=attrs.validators.min_len(1),
        metadata=doc("Passages of the documents that name the person (at least one)."),
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        metadata=doc(
            "Other names and spellings the documents use or readers know: the surname alone, "
            "other scripts, titles (``Altman``, ``奧特曼``)."
        ),
    )
    roles: tuple[Role, ...] = attrs.field(
        default=(),
        metadata=doc(
            "The roles the documents give the person (a title, and the organisation where "
            "there is one), each with the source that states it."
        ),
    )
    note: str | None = attrs.field(default=None, metadata=NOTE)
    external: tuple[External, ...] = attrs.field(default=(), metadata=EXTERNAL)
    added_in: str = attrs.field(kw_only=True, validator=version, metadata=ADDED_IN)
    changed_in: str = attrs.field(kw_only=True, validator=version, metadata=CHANGED_IN)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the person (as written, English and aliases)."""
        return _names(self.name, self.name_en, None, self.aliases)


def _names(*parts: str | Iterable[str] | None) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for part in parts:
        if part is None:
            continue
        for name in (part,) if isinstance(part, str) else part:
            seen.setdefault(name, None)
    return tuple(seen)
