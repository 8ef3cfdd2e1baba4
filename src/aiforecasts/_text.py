"""
Cleaning the artefacts of the source documents for display.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from typing import Any

__all__ = ["clean_text", "fold"]

# Fragments whose bytes were decoded with the wrong codec.  Each maps to the
# text the surrounding sentence calls for; the verbatim excerpt keeps the
# damaged form.
_MOJIBAKE = {
    "?梢韵胂": "可以想象",  # 004: 「…進行設計?梢韵胂,一股新的…」
    "?shù)暨@": "掉這",  # 004: 「輸?shù)暨@場競賽」
    "?nèi)蚧倪M(jìn)": "全球化的進",  # 002: 「改變?nèi)蚧倪M(jìn)程」
    "?cè)谙到y(tǒng)": "在系統",  # 002: 「他們?cè)谙到y(tǒng)層面」
    "?;峁┓?wù)": "模化提供服務",  # 002: 「規(guī)?;峁┓?wù)」
}
_MOJIBAKE_RE = re.compile("|".join(re.escape(bad) for bad in _MOJIBAKE))

# A pinyin reading in parentheses right after the Han character it reads:
# 結(jié)束.  Readings are lower-case syllables with a tone mark; a legitimate
# parenthesis such as (VLA), (FLOPs) or (round-tripping) never matches.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_RE = re.compile(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)"
)

# Runs of sentence punctuation where one mark belongs: 「大年,。」 「桎梏下,,科技」.
_PUNCT = ",、。;:?!"
_PUNCT_RUN_RE = re.compile(f"[{_PUNCT}]{{2,}}")


def clean_text(text: str) -> str:
    """
    Remove the artefacts of the source documents from *text*.

    Three kinds are cleaned, in this order: mis-encoded fragments are
    replaced by the words they stand for (``?梢韵胂,`` → ``可以想象,``);
    inline pinyin annotations after Han characters are removed (``結(jié)束``
    → ``結束``); a run of sentence punctuation is reduced to its last mark
    (``大年,。`` → ``大年。``).  Parentheses that are not a pinyin reading,
    such as ``(VLA)``, ``(SEC)`` or ``(FLOPs)``, are kept, and text without
    artefacts comes back unchanged.

    >>> clean_text("戰(zhàn)爭(zhēng)陰云等政經(jīng)桎梏下,,科技")
    '戰爭陰云等政經桎梏下,科技'
    >>> clean_text("2023年是科技大年,。")
    '2023年是科技大年。'
    >>> clean_text("「視覺 - 語言 - 動作」(VLA)模型,每秒浮點運算次數(FLOPs)")
    '「視覺 - 語言 - 動作」(VLA)模型,每秒浮點運算次數(FLOPs)'

    .. versionadded:: 0.1.0
    """
    text = _MOJIBAKE_RE.sub(lambda match: _MOJIBAKE[match.group()], text)
    text = _PINYIN_RE.sub("", text)
    return _PUNCT_RUN_RE.sub(lambda match: match.group()[-1], text)


_opencc: Any = None
_opencc_lock = threading.Lock()


def _to_simplified(text: str) -> str:
    global _opencc  # noqa: PLW0603
    if _opencc is None:
        with _opencc_lock:
            if _opencc is None:
                import opencc  # noqa: PLC0415 - 20 ms to load: only when text is compared

                _opencc = opencc.OpenCC("t2s")
    converted: str = _opencc.convert(text)
    return converted


def fold(text: str) -> str:
    """
    *text* in the form names and words are compared in: traditional
    characters converted to simplified (by OpenCC), full-width forms to
    their plain equivalents (NFKC) and case folded.

    >>> fold("英偉達") == fold("英伟达")
    True
    >>> fold("ＮＶＩＤＩＡ") == fold("Nvidia")
    True

    .. versionadded:: 0.1.0
    """
    return _to_simplified(unicodedata.normalize("NFKC", text)).casefold()
