"""The bundled data: fidelity to the source documents, completeness of each record."""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal
from importlib import resources
from typing import TYPE_CHECKING

import attrs
import pytest

import aiforecasts
from aiforecasts import Money, Quantity, clean_text
from aiforecasts._codec.json import structure_many, to_builtins
from aiforecasts._model.fields import walk
from aiforecasts._model.kinds import KIND_OF, KINDS
from aiforecasts._tools.verify import excerpts

if TYPE_CHECKING:
    from pathlib import Path

DATA = resources.files("aiforecasts") / "data"
HAN = re.compile(r"[\u3400-\u9fff]")
QUOTED = re.compile(r"'[^']*'|\([^)]*\)|“[^”]*”|\"[^\"]*\"")


def test_every_kind_has_an_english_field() -> None:
    for kind in KINDS:
        assert kind.english in attrs.fields_dict(kind.cls), kind.name


def test_not_empty(dataset: aiforecasts.Dataset) -> None:
    counts = dataset.counts()
    for kind in ("sources", "companies", "people", "predictions", "funding_rounds", "debates"):
        assert counts[kind] > 0, kind


OUTSIDE = {"tombstones", "resolutions"}


def test_every_record_has_english_text_and_an_excerpt(dataset: aiforecasts.Dataset) -> None:
    for kind in KINDS:
        for record in dataset.collections()[kind.name]:
            text = getattr(record, kind.english)
            assert text.strip(), record.id
            # English, though it may quote the original in quotes or parentheses.
            assert not HAN.search(QUOTED.sub("", text)), (record.id, text)
            # Every record quotes its documents, but for those about what is outside them: a
            # tombstone stands for a record no longer there, a resolution cites web pages.
            assert kind.excerpts(record) or kind.name in OUTSIDE, record.id


def test_positions_have_summaries(dataset: aiforecasts.Dataset) -> None:
    for debate in dataset.debates:
        assert debate.positions, debate.id
        for position in debate.positions:
            assert position.summary.strip()
            assert position.holder.strip()


@pytest.fixture(scope="module")
def documents(seeds: Path, dataset: aiforecasts.Dataset) -> dict[str, str]:
    """Source id → the text of the document whose SHA-256 the source records."""
    texts = {}
    for source in dataset.sources:
        blob = (seeds / source.file).read_bytes()
        assert hashlib.sha256(blob).hexdigest() == source.sha256, source.file
        texts[source.id] = blob.decode("utf-8")
    return texts


def test_every_excerpt_slices_its_document(
    dataset: aiforecasts.Dataset, documents: dict[str, str]
) -> None:
    checked = 0
    for path, excerpt in excerpts(dataset):
        document = documents[excerpt.source]
        assert document[excerpt.start : excerpt.end] == excerpt.text, path
        checked += 1
    assert checked >= len(list(dataset.records()))


def test_display_is_the_clean_text(dataset: aiforecasts.Dataset) -> None:
    """Each excerpt's display form is its text cleaned, with its own document's repairs."""
    repaired = 0
    for path, excerpt in excerpts(dataset):
        source = dataset.sources.get(excerpt.source)
        assert source is not None
        assert excerpt.display == clean_text(excerpt.text, source.repairs), path
        repaired += excerpt.display != clean_text(excerpt.text)
    assert repaired > 0  # the repairs show (where each is declared: the test below)


def test_every_repair_is_used_and_damage_is_only_where_declared(
    dataset: aiforecasts.Dataset, documents: dict[str, str]
) -> None:
    """A repair names a fragment its document has; no other document has one of them."""
    for source in dataset.sources:
        for repair in source.repairs:
            assert repair.damaged in documents[source.id], (source.id, repair)
    damaged = {repair.damaged for source in dataset.sources for repair in source.repairs}
    for source in dataset.sources:
        for fragment in damaged - {repair.damaged for repair in source.repairs}:
            assert fragment not in documents[source.id], (source.id, fragment)


def test_sources_cover_the_seed_files(seeds: Path, dataset: aiforecasts.Dataset) -> None:
    files = {source.file for source in dataset.sources}
    assert files <= {path.name for path in seeds.glob("*.txt")}


def test_files_are_canonical_json() -> None:
    """UTF-8, sorted keys, indented, not ASCII-escaped: re-dumping changes no byte."""
    for name in [*(kind.name for kind in KINDS), "manifest"]:
        blob = (DATA / f"{name}.json").read_bytes()
        value = json.loads(blob.decode("utf-8"))
        canonical = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        assert blob.decode("utf-8") == canonical, name


def test_round_trip(dataset: aiforecasts.Dataset) -> None:
    """Every record writes exactly what its file holds: the codec's one shape, all fields."""
    for name, collection in dataset.collections().items():
        raw = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
        assert [to_builtins(record) for record in collection] == raw["records"]


def test_records_are_frozen(dataset: aiforecasts.Dataset) -> None:
    record = dataset.companies[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.name = "x"  # type: ignore[misc]


def test_fast_and_detailed_structuring_agree(dataset: aiforecasts.Dataset) -> None:
    """The loader's fast engine builds exactly what the detailed engine builds."""
    for kind in KINDS:
        raw = json.loads((DATA / f"{kind.name}.json").read_text(encoding="utf-8"))["records"]
        problems: list[aiforecasts.Problem] = []
        detailed = structure_many(kind.cls, raw, kind.name, "test", problems)
        assert problems == []
        assert detailed == list(getattr(dataset, kind.name))


def test_external_additions_cite_public_sources(dataset: aiforecasts.Dataset) -> None:
    """Anything from outside the documents says so and cites where it comes from."""
    found = 0
    for record in dataset.records():
        for addition in getattr(record, "external", ()):  # tombstones have none
            found += 1
            # the page's own address as it was read (a few stored pages are plain http)
            assert addition.cites.startswith(("https://", "http://")), record.id
            assert addition.statement.strip(), record.id
            assert addition.field is None or addition.field in attrs.fields_dict(type(record))
    assert found >= 1
    column = dataset.sources.get("ten-ai-predictions-2024")
    assert column is not None
    assert column.author is None  # the document names no author; the addition does
    assert "Rob Toews" in column.external[0].statement


PINYIN_ANNOTATION = re.compile(r"[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
DOUBLED_PUNCTUATION = re.compile(r"[,、。;:?!]{2,}")
# Chinese text shown to users besides excerpts' display forms.  (Notes may quote artefacts.)
SHOWN = {"name", "name_hans", "name_hant", "title", "question", "title_original", "affiliation"}


def test_display_texts_are_clean(dataset: aiforecasts.Dataset) -> None:
    """No display text or Chinese field carries a pinyin annotation or doubled punctuation."""
    texts = [(path, excerpt.display) for path, excerpt in excerpts(dataset)]
    for name, collection in dataset.collections().items():
        for index, record in enumerate(collection):
            for path, field, value in walk(record, f"{name}[{index}]"):
                # Evidence quotes the web verbatim, artefacts of its pages included.
                if field.name in SHOWN and isinstance(value, str) and ".evidence[" not in path:
                    texts.append((path, value))
    assert len(texts) > 900  # every excerpt and Chinese name, title and question
    for path, text in texts:
        assert not PINYIN_ANNOTATION.search(text), (path, text)
        assert not DOUBLED_PUNCTUATION.search(text), (path, text)


_SCALES = {"万亿": 10**12, "萬億": 10**12, "亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)(?:×10\^(\d+))?\s*(万亿|萬億|亿|億|万|萬)?")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2, "兩": 2, "零": 0}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = re.compile(r"[〇零一二两兩三四五六七八九十百千万萬亿億]+")


def _chinese_numeral(text: str) -> int:
    total = section = number = 0
    for char in text:
        if char in _CN_DIGITS:
            number = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            section += (number or 1) * _CN_UNITS[char]
            number = 0
        elif char in "万萬":
            total += (section + number) * 10**4
            section = number = 0
        else:  # 亿
            total = (total + section + number) * 10**8
            section = number = 0
    return total + section + number


def numbers_in(text: str) -> set[Decimal]:
    """Every number a Chinese text states, in Arabic or Chinese numerals, with 万/亿 applied."""
    found = set()
    for match in _ARABIC.finditer(text):
        value = Decimal(match.group(1).replace(",", ""))
        if match.group(2):
            value *= 10 ** int(match.group(2))
        found.add(value * _SCALES.get(match.group(3) or "", 1))
    for run in _CN_RUN.findall(text):
        # Every part of a run: 「千億萬億」 states two numbers.
        for start in range(len(run)):
            for end in range(start + 1, len(run) + 1):
                found.add(Decimal(_chinese_numeral(run[start:end])))
    return found


def _comparison(record: object, value: Money | Quantity) -> bool:
    note = getattr(record, "note", None) or ""
    return (
        isinstance(value, Quantity)
        and value.value == 1
        and (value.unit == "rank" or value.unit.startswith("times"))
        and ("rank" in note or "ratio" in note)
    )


def test_every_amount_is_stated_in_its_excerpts(dataset: aiforecasts.Dataset) -> None:
    """Each Money or Quantity figure (base units, 亿 = 10^8 …) is a number its excerpts state."""
    checked = 0
    for record in dataset.records():
        if KIND_OF[type(record)].name in OUTSIDE:
            continue  # figures observed outside the documents (a resolution's evidence)
        texts = [excerpt.display for excerpt in KIND_OF[type(record)].excerpts(record)]
        stated = numbers_in(" ".join(texts))
        for path, _field, value in walk(record, record.id):
            if isinstance(value, Money | Quantity):
                low = value.amount if isinstance(value, Money) else value.value
                for amount in (low, value.high):
                    if amount is not None:
                        checked += 1
                        # Cents: 「6美分」 is USD 0.06.
                        if amount in stated or amount * 100 in stated:
                            continue
                        # A comparison made in words (最活跃 "most active", 超过…总和 "exceeds
                        # … combined") is recorded as rank 1 or a ratio to 1, and says so.
                        assert _comparison(record, value), (path, amount)
    assert checked > 100
