"""
Cleaning the artefacts of the source documents for display.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    from aiforecasts._model.provenance import Repair

__all__ = ["PUNCT_RUN_RE", "clean_text", "fold", "pinyin_re", "plural", "repairs_pattern"]

# A pinyin reading in parentheses right after the Han character it reads:
# 結(jié)束.  Readings are lower-case syllables with a tone mark; a legitimate
# parenthesis such as (VLA), (FLOPs) or (round-tripping) never matches.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = (
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)"
)


@functools.cache
def pinyin_re() -> re.Pattern[str]:
    """The pinyin pattern, compiled on first use (2 ms: loading the data needs none of it)."""
    return re.compile(_PINYIN)


# Runs of sentence punctuation where one mark belongs: 「大年,。」 「桎梏下,,科技」.
_PUNCT = ",、。;:?!"
PUNCT_RUN_RE = re.compile(f"[{_PUNCT}]{{2,}}")


def clean_text(text: str, repairs: Iterable[Repair] = ()) -> str:
    """
    Remove the artefacts of the source documents from *text*.

    Three kinds are cleaned, in this order: the damaged fragments that
    *repairs* names are replaced by the text they stand for (a document's
    `Source.repairs`: ``?梢韵胂,`` → ``可以想象,``); inline pinyin
    annotations after Han characters are removed (``結(jié)束`` → ``結束``); a
    run of sentence punctuation is reduced to its last mark (``大年,。`` →
    ``大年。``).  Parentheses that are not a pinyin reading, such as
    ``(VLA)``, ``(SEC)`` or ``(FLOPs)``, are kept, and text without artefacts
    comes back unchanged.

    >>> clean_text("戰(zhàn)爭(zhēng)陰云等政經(jīng)桎梏下,,科技")
    '戰爭陰云等政經桎梏下,科技'
    >>> clean_text("2023年是科技大年,。")
    '2023年是科技大年。'
    >>> clean_text("「視覺 - 語言 - 動作」(VLA)模型,每秒浮點運算次數(FLOPs)")
    '「視覺 - 語言 - 動作」(VLA)模型,每秒浮點運算次數(FLOPs)'

    A document's repairs come with its source record:

    >>> import aiforecasts
    >>> source = aiforecasts.load().sources.get("llm-scaling-bottleneck")
    >>> clean_text("進行設計?梢韵胂,一股新的", source.repairs)
    '進行設計可以想象,一股新的'

    .. versionadded:: 0.1.0
    """
    table = tuple(repairs)
    if table:
        pattern, replacements = repairs_pattern(table)
        text = pattern.sub(lambda match: replacements[match.group()], text)
    text = pinyin_re().sub("", text)
    return PUNCT_RUN_RE.sub(lambda match: match.group()[-1], text)


@functools.lru_cache(maxsize=64)
def repairs_pattern(repairs: tuple[Repair, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for a document's repairs (longest fragment first) and their replacements."""
    replacements = {repair.damaged: repair.intended for repair in repairs}
    ordered = sorted(replacements, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))), replacements


_opencc: Any = None
_opencc_lock = threading.Lock()


def _to_simplified(text: str) -> str:
    global _opencc  # noqa: PLW0603
    if _opencc is None:
        with _opencc_lock:
            if _opencc is None:
                import opencc  # noqa: PLC0415 - 20 ms to load: only when text is compared

                # Both scripts to traditional first, then Taiwan usage to mainland simplified,
                # phrases included (輝達 → 英伟达, 晶片 → 芯片, 軟體 → 软件).  tw2sp alone rewrites
                # a traditional phrase (執行 → 运行) but not its simplified form (执行): going
                # through traditional makes the two forms of a word fold alike.
                _opencc = (opencc.OpenCC("s2t"), opencc.OpenCC("tw2sp"))
    to_traditional, to_mainland = _opencc
    converted: str = to_mainland.convert(to_traditional.convert(text))
    return converted


_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def fold(text: str) -> str:
    """
    *text* in the form names and words are compared in: full-width forms
    made plain (NFKC), Chinese converted to traditional and then to
    simplified with Taiwan usage made mainland usage (OpenCC's ``s2t`` and
    ``tw2sp`` phrase tables), and case folded.  A lone surrogate (which no
    text can hold) becomes U+FFFD.

    >>> fold("英偉達") == fold("英伟达") == fold("輝達")
    True
    >>> fold("晶片") == fold("芯片")
    True
    >>> fold("首席執行官") == fold("首席执行官")
    True
    >>> fold("ＮＶＩＤＩＡ") == fold("Nvidia")
    True

    .. versionadded:: 0.1.0
    """
    text = _SURROGATE_RE.sub("\ufffd", text)
    return _to_simplified(unicodedata.normalize("NFKC", text)).casefold()


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """
    *count* and the noun in its number.

    >>> plural(1, "round"), plural(2, "round"), plural(0, "company", "companies")
    ('1 round', '2 rounds', '0 companies')
    """
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
