"""
The fast path: msgspec decoders and encoders for the record classes.

Imported only when data is read or written (it imports msgspec).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import types
import typing
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import msgspec
import pendulum

from aiforecasts._convert import DECIMAL, structure_date
from aiforecasts._dataset import KINDS
from aiforecasts._migrate import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["Fast", "make_fast"]


class _KindFile(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    records: msgspec.Raw
    schema_version: int


class _Export(msgspec.Struct, forbid_unknown_fields=True):
    dataset_version: str
    records: msgspec.Raw
    schema_version: int


class _Line(msgspec.Struct, forbid_unknown_fields=True):
    kind: str
    record: msgspec.Raw


class Fast:
    """
    msgspec decoders and encoders for the record classes: the fast path.

    Decoding goes straight into the attrs classes (msgspec runs their
    validators), after a check against mirror types that refuse unknown keys
    and decimals written as numbers — rules msgspec alone would not apply.
    Any error means: go the slow way, which names every problem.
    """

    def __init__(self) -> None:
        self.kinds = KINDS
        self._decoders: dict[tuple[str, str], Any] = {}  # built on first use, per kind
        self._parts: Any = msgspec.defstruct(
            "Parts", [(name, msgspec.Raw, None) for name in KINDS], forbid_unknown_fields=True
        )
        self._raw_items = msgspec.json.Decoder(list[msgspec.Raw])
        self.encoder = msgspec.json.Encoder(enc_hook=encode_hook, order="sorted")

    def _decoder(self, name: str, role: str) -> Any:
        """The decoder of *role* (``many``, ``one``, ``check``) for kind *name*."""
        decoder = self._decoders.get((name, role))
        if decoder is None:
            cls = KINDS[name]
            if role == "many":
                decoder = msgspec.json.Decoder(list[cls], dec_hook=_decode_hook)  # type: ignore[valid-type]
            elif role == "one":
                decoder = msgspec.json.Decoder(cls, dec_hook=_decode_hook)
            else:
                decoder = msgspec.json.Decoder(_mirror(cls))
            self._decoders[(name, role)] = decoder
        return decoder

    def records(self, name: str, raw: bytes, *, trusted: bool = False) -> list[Any]:
        """
        The records of kind *name* in the JSON array *raw*; *trusted* input
        (the bundled files, which the test suite holds to the exact layout)
        skips the strict check.
        """
        if not trusted:
            # The check goes record by record, so that its throw-away objects
            # never all exist at once; then one decode builds the records.
            check = self._decoder(name, "check")
            for item in self._raw_items.decode(raw):
                check.decode(item)
        with _no_gc():
            records: list[Any] = self._decoder(name, "many").decode(raw)
        return records

    def kind_file(self, name: str, blob: bytes, *, trusted: bool = False) -> list[Any]:
        """The records of a kind file (the bundled layout) of the current schema version."""
        head = msgspec.json.decode(blob, type=_KindFile)
        if head.kind != name or head.schema_version != SCHEMA_VERSION:
            msg = "not this kind, or another schema version"
            raise ValueError(msg)
        return self.records(name, head.records, trusted=trusted)

    def export(self, blob: bytes) -> tuple[int, str, dict[str, list[Any]]]:
        """(schema version, dataset version, records per kind) of a JSON export."""
        head = msgspec.json.decode(blob, type=_Export)
        if head.schema_version != SCHEMA_VERSION or not head.dataset_version:
            return head.schema_version, head.dataset_version, {}
        parts = msgspec.json.decode(head.records, type=self._parts)
        found = {
            name: self.records(name, raw)
            for name in self.kinds
            if (raw := getattr(parts, name)) is not None
        }
        return head.schema_version, head.dataset_version, found

    def line(self, blob: bytes) -> tuple[str, Any]:
        """(kind, record) of one line of a JSON Lines export."""
        item = msgspec.json.decode(blob, type=_Line)
        self._decoder(item.kind, "check").decode(item.record)
        return item.kind, self._decoder(item.kind, "one").decode(item.record)

    def encode(self, value: Any) -> bytes:
        """*value* (records, lists, dicts) as compact JSON with sorted keys."""
        encoded: bytes = self.encoder.encode(value)
        return encoded


_fast: Fast | None = None


def make_fast() -> Fast:
    """The `Fast` decoders, built once (about a millisecond) on first use."""
    global _fast  # noqa: PLW0603
    if _fast is None:
        _fast = Fast()
    return _fast


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many new objects are made at once:
    they hold no cycles, and collections during the decode would visit them all
    again and again (as msgspec's documentation advises for large decodes)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@functools.lru_cache(maxsize=4096)
def _date(value: str) -> pendulum.Date:
    return structure_date(value, pendulum.Date)


def _decode_hook(type_: type, value: Any) -> Any:
    if type_ is pendulum.Date:
        return _date(value) if isinstance(value, str) else structure_date(value, type_)
    raise NotImplementedError(type_)


# datetime.date.isoformat, a C function, serves pendulum's Date subclass too.
encode_hook = datetime.date.isoformat


_MIRRORS: dict[type, Any] = {}


def _mirror(type_: Any) -> Any:
    """
    A msgspec type that accepts what *type_* may be written as, refusing
    unknown keys and decimals that are not strings; anything else it leaves
    to the real decode (``msgspec.Raw``: not even parsed).
    """
    if isinstance(type_, type) and attrs.has(type_):
        found = _MIRRORS.get(type_)
        if found is None:
            attrs.resolve_types(type_)
            fields: list[Any] = []
            for field in attrs.fields(type_):
                mirrored = _mirror(field.type)
                if field.default is attrs.NOTHING:
                    fields.append((field.name, mirrored))
                elif mirrored is msgspec.Raw:  # Raw takes null too; "Raw | None" would not
                    fields.append((field.name, mirrored, None))
                else:
                    fields.append((field.name, mirrored | None, None))
            found = msgspec.defstruct(
                f"{type_.__name__}Check", fields, forbid_unknown_fields=True, gc=False, kw_only=True
            )
            _MIRRORS[type_] = found
        return found
    if type_ is Decimal:
        return typing.Annotated[str, msgspec.Meta(pattern=f"^{DECIMAL}$")]
    if type_ is pendulum.Date:
        return str
    origin = typing.get_origin(type_)
    arguments = typing.get_args(type_)
    if origin in (tuple, frozenset) and arguments:
        item = _mirror(arguments[0])
        return msgspec.Raw if item is msgspec.Raw else list[item]  # type: ignore[valid-type]
    if origin in (types.UnionType, typing.Union):
        options = [_mirror(a) for a in arguments if a is not type(None)]
        if len(options) == 1 and options[0] is not msgspec.Raw:
            return options[0] | None
    return msgspec.Raw
