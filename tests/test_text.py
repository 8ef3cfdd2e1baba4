from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

import aiforecasts
from aiforecasts import Repair, clean_text

if TYPE_CHECKING:
    from pathlib import Path

PINYIN = re.compile(r"[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
DOUBLED = re.compile(r"[,、。;:?!]{2,}")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("結(jié)束", "結束"),
        ("戰(zhàn)爭(zhēng)", "戰爭"),
        ("桎梏下,,科技", "桎梏下,科技"),
        ("2023年是科技大年,。", "2023年是科技大年。"),
        ("能力。,;", "能力;"),
        ("“視覺 - 語言 - 動作”(VLA)模型", "“視覺 - 語言 - 動作”(VLA)模型"),
        ("美國證券交易委員會(SEC)", "美國證券交易委員會(SEC)"),
        ("每秒浮點運算次數(FLOPs)", "每秒浮點運算次數(FLOPs)"),
        ("返程投资(round-tripping)", "返程投资(round-tripping)"),
        ("Gemini(de)", "Gemini(de)"),
        ("(1)计算需求更低", "(1)计算需求更低"),
        ("", ""),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("raw", "repairs", "clean"),
    [
        ("進行設計?梢韵胂,一股", [("?梢韵胂", "可以想象")], "進行設計可以想象,一股"),
        # A repair goes first: the damaged fragment holds a pinyin-like "(jìn)".
        ("改變?nèi)蚧倪M(jìn)程", [("?nèi)蚧倪M(jìn)", "全球化的進")], "改變全球化的進程"),
        # The longer of two overlapping fragments wins, whatever their order.
        ("ab?xyz", [("?x", "1"), ("?xyz", "2")], "ab2"),
        ("?x 不是 ?x", [("?x", "")], " 不是 "),
        # Without it, the fragment stays: its "(jìn)" follows a Latin letter, not a Han one.
        ("改變?nèi)蚧倪M(jìn)程", [], "改變?nèi)蚧倪M(jìn)程"),
    ],
)
def test_repairs(raw: str, repairs: list[tuple[str, str]], clean: str) -> None:
    assert clean_text(raw, [Repair(*pair) for pair in repairs]) == clean


def test_a_repair_names_a_fragment() -> None:
    with pytest.raises(ValueError, match="damaged"):
        Repair("", "x")


def test_clean_is_idempotent(seeds: Path) -> None:
    for path in sorted(seeds.glob("*.txt")):
        once = clean_text(path.read_text(encoding="utf-8"))
        assert clean_text(once) == once, path.name


@pytest.mark.parametrize(
    ("prefix", "annotations", "repaired"),
    [
        ("002", 317, ["全球化的進程", "他們在系統層面", "規模化提供服務"]),
        ("004", 131, ["可以想象", "輸掉這場競賽"]),
    ],
)
def test_seed_artefacts_are_all_removed(
    seeds: Path, prefix: str, annotations: int, repaired: list[str]
) -> None:
    (path,) = seeds.glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    (source,) = (s for s in aiforecasts.load().sources if s.file == path.name)
    clean = clean_text(raw, source.repairs)
    # Every annotation is one reading in parentheses; the README counts them.
    readings = re.findall(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", raw)
    assert len(readings) == annotations
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", clean)
    assert not DOUBLED.search(clean)
    for words in repaired:
        assert words in clean
    for garbled in ("梢韵胂", "蚧倪", "谙到", "峁┓", "暨@"):
        assert garbled not in clean


def test_documents_without_artefacts_are_unchanged(seeds: Path) -> None:
    for prefix in ("000", "001", "003"):
        (path,) = seeds.glob(f"{prefix}_*.txt")
        raw = path.read_text(encoding="utf-8")
        assert clean_text(raw) == raw, prefix
