"""Build the draft records for seed 004 (source id ``llm-scaling-bottleneck``).

    cd /work/main && PYTHONPATH=src /work/venv/bin/python drafts/004/build.py

Every excerpt is located by searching the document for its quote: quotes are
written here in their *clean* form (as `clean_text` displays them), found in
`clean_text(document)` and mapped back to the raw offsets, so `text` keeps the
artefacts verbatim and an excerpt never starts or ends inside a pinyin
annotation or the mis-encoded fragment.  Offsets are never typed by hand.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal as D
from pathlib import Path

import pendulum

from aiforecasts import (
    Certainty,
    Company,
    ComputeTrend,
    Currency,
    Debate,
    Excerpt,
    FundingKind,
    FundingRound,
    FundingStatus,
    Growth,
    GrowthKind,
    Hedge,
    Metric,
    Money,
    OrgKind,
    Person,
    Position,
    Precision,
    Prediction,
    Qualifier,
    Quantity,
    Role,
    Script,
    Source,
    Stance,
    Statistic,
    TimeRelation,
    TimeSpan,
    Topic,
    clean_text,
)
from aiforecasts._convert import make_converter
from aiforecasts._text import _MOJIBAKE, _PINYIN_RE

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "shared" / "seeds" / "004_3cedf37b46dd57ca.txt"
SRC = "llm-scaling-bottleneck"

BLOB = SEED.read_bytes()
DOC = BLOB.decode("utf-8")
SHA = hashlib.sha256(BLOB).hexdigest()
assert SHA == "ac3ba54de4b7a0187777ce101c252087289f408c2f0ef4a0c0b1bfc3fe251dd1"

# Everything from this line on is site advertising, not content.
END_OF_CONTENT = DOC.index("來源:智通財經(jīng)APP") + len("來源:智通財經(jīng)APP")


# --------------------------------------------------------------------------
# Clean text with a map back to raw offsets
# --------------------------------------------------------------------------


def _clean_map(raw: str) -> tuple[str, list[int | None], list[int | None]]:
    """The clean text and, for each clean character, the raw offsets where it
    starts and ends (``None`` where an excerpt may not start or end there).

    Mirrors clean_text: mis-encoded fragments are replaced by their repair (which
    may be shorter than the fragment: '?shù)暨@' -> '掉這'; an excerpt may start at
    the repair's first character and end after its last, never in between);
    pinyin annotations are dropped (this document has no doubled punctuation,
    which the assert below confirms).
    """
    chars: list[str] = []
    starts: list[int | None] = []
    ends: list[int | None] = []
    i = 0
    fixes = sorted(_MOJIBAKE.items(), key=lambda kv: -len(kv[0]))
    while i < len(raw):
        for bad, good in fixes:
            if raw.startswith(bad, i):
                chars.extend(good)
                for k in range(len(good)):
                    starts.append(i if k == 0 else None)
                    ends.append(i + len(bad) if k == len(good) - 1 else None)
                i += len(bad)
                break
        else:
            chars.append(raw[i])
            starts.append(i)
            ends.append(i + 1)
            i += 1
    text = "".join(chars)
    # drop pinyin annotations (they follow the Han character they read)
    keep = [True] * len(text)
    for match in _PINYIN_RE.finditer(text):
        for k in range(match.start(), match.end()):
            keep[k] = False
    clean = "".join(c for c, k in zip(text, keep) if k)
    start_index = [w for w, k in zip(starts, keep) if k]
    end_index = [w for w, k in zip(ends, keep) if k]
    assert clean == clean_text(raw), "clean map disagrees with clean_text"
    return clean, start_index, end_index


CLEAN, STARTS, ENDS = _clean_map(DOC)


def ex(quote: str, after: str | None = None, *, ads_ok: bool = False) -> Excerpt:
    """The excerpt whose clean form is *quote* (first occurrence, or the first
    after the clean anchor *after*)."""
    start_at = CLEAN.index(after) if after else 0
    c = CLEAN.find(quote, start_at)
    if c < 0:
        raise SystemExit(f"quote not found: {quote!r}")
    start = STARTS[c]
    end = ENDS[c + len(quote) - 1]
    if start is None or end is None:
        raise SystemExit(f"quote starts or ends inside a repaired fragment: {quote!r}")
    # include a pinyin annotation that follows the last character
    m = re.match(r"\([^()]{1,7}\)", DOC[end:])
    if m and clean_text(DOC[end - 1 : end + m.end()]) == DOC[end - 1]:
        end += m.end()
    text = DOC[start:end]
    assert clean_text(text) == quote, (quote, text, clean_text(text))
    assert ads_ok or end <= END_OF_CONTENT, f"excerpt in the advertising: {quote!r}"
    return Excerpt(source=SRC, start=start, end=end, text=text, display=clean_text(text))


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

d = pendulum.Date

PUBLISHED = TimeSpan(
    d(2024, 9, 1),
    d(2024, 12, 31),
    Precision.PART_OF_YEAR,
    label="late 2024",
    certainty=Certainty.INFERRED,
    reason=(
        "The document carries no date; inferred from the text: analysts' forecast for "
        "Microsoft's capex '到2025年' still lies ahead; ChatGPT's release in November 2022 is "
        "in the past and the big five have since gained $8 trillion in market value; token "
        "prices are compared with 'three years ago' ($60 then, 6 cents now); Pichai and Altman "
        "spoke at the same recent conference; OpenAI is said to be raising $157 billion "
        "(outside the document: the figure of OpenAI's October 2024 round)."
    ),
)

MADE = TimeSpan(
    PUBLISHED.start,
    PUBLISHED.end,
    Precision.PART_OF_YEAR,
    label="late 2024",
    certainty=Certainty.INFERRED,
    reason="the source's publication span (inferred, late 2024)",
)

BY_2025 = TimeSpan(
    PUBLISHED.start,
    d(2025, 12, 31),
    Precision.YEAR,
    label="by 2025",
    relation=TimeRelation.BY,
    text="到2025年",
)

class NoTime:
    """Marks a forecast the document gives no time for: its horizon is None,
    and a note says so (quoting the vague expression, if any)."""

    def __init__(self, text: str | None = None) -> None:
        self.text = text

    @property
    def note(self) -> str:
        where = f" ({self.text})" if self.text else ""
        return f"The document gives no time for this forecast{where}."


def future(text: str | None = None) -> NoTime:
    """No horizon: the document states none."""
    return NoTime(text)


SOON = NoTime("即將")


AT_PUBLICATION = TimeSpan(
    PUBLISHED.start,
    PUBLISHED.end,
    Precision.PART_OF_YEAR,
    label="late 2024 (at publication)",
    certainty=Certainty.INFERRED,
    reason="a present-tense figure, dated to the source's publication span (late 2024)",
)

# --------------------------------------------------------------------------
# Source
# --------------------------------------------------------------------------

TITLE_LINE = "大型語言模型遇到瓶頸 AI“淘金熱”時代即將終結?"

sources = [
    Source(
        id=SRC,
        file=SEED.name,
        sha256=SHA,
        title=TITLE_LINE,
        title_en="Large language models hit a bottleneck: is the AI 'gold rush' era about to end?",
        script=Script.HANT,
        published=PUBLISHED,
        excerpts=(
            ex(TITLE_LINE),
            ex("來源:智通財經APP"),
            ex("您所在的位置:紅商網 >> 天下匯頻道 >> 正文"),
            ex("智通財經注意到"),
        ),
        outlet="zhitong-finance",
        note=(
            "From 智通財經 (Zhitong Finance; '來源:智通財經APP'), republished on 紅商網 (the "
            "breadcrumb '紅商網 >> 天下匯頻道 >> 正文'). No author is named and no date is given. "
            "Everything after '來源:智通財經APP' is site advertising and was not extracted. The "
            "file carries inline pinyin after many characters (結(jié)束) and two mis-encoded "
            "fragments, both repaired by clean_text: '?梢韵胂' (可以想象) and '輸?shù)暨@場' "
            "(輸掉這場)."
        ),
    )
]

# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------

companies = [
    Company(
        id="openai",
        name="OpenAI",
        kind=OrgKind.LAB,
        excerpts=(ex("像OpenAI這樣的模型開發商"),),
        country="US",
    ),
    Company(
        id="microsoft",
        name="Microsoft",
        kind=OrgKind.COMPANY,
        excerpts=(ex("僅微軟一家公司"),),
        name_hant="微軟",
        aliases=("MSFT",),
        country="US",
    ),
    Company(
        id="general-motors",
        name="General Motors",
        kind=OrgKind.COMPANY,
        excerpts=(ex("是通用汽車的六倍"),),
        name_hant="通用汽車",
        aliases=("GM",),
        country="US",
    ),
    Company(
        id="alphabet",
        name="Alphabet",
        kind=OrgKind.COMPANY,
        excerpts=(ex("Alphabet、亞馬遜、Meta平臺、微軟和英偉達的總市值"),),
        country="US",
    ),
    Company(
        id="amazon",
        name="Amazon",
        kind=OrgKind.COMPANY,
        excerpts=(ex("Alphabet、亞馬遜、Meta平臺、微軟和英偉達的總市值"),),
        name_hant="亞馬遜",
        country="US",
    ),
    Company(
        id="meta",
        name="Meta",
        kind=OrgKind.COMPANY,
        excerpts=(ex("Alphabet、亞馬遜、Meta平臺、微軟和英偉達的總市值"),),
        aliases=("Meta平臺", "Meta Platforms"),
        country="US",
    ),
    Company(
        id="nvidia",
        name="Nvidia",
        kind=OrgKind.COMPANY,
        excerpts=(ex("Alphabet、亞馬遜、Meta平臺、微軟和英偉達的總市值"),),
        name_hant="英偉達",
        aliases=("NVIDIA",),
        country="US",
    ),
    Company(
        id="xai",
        name="xAI",
        kind=OrgKind.STARTUP,
        excerpts=(ex("埃隆·馬斯克的xAI公司"),),
        country="US",
    ),
    Company(
        id="anthropic",
        name="Anthropic",
        kind=OrgKind.LAB,
        excerpts=(ex("OpenAI和Anthropic等模型開發商"),),
        country="US",
    ),
    Company(
        id="y-combinator",
        name="Y Combinator",
        kind=OrgKind.INVESTOR,
        excerpts=(ex("Y Combinator是一家為剛起步的硅谷公司提供資金和孵化的公司"),),
        aliases=("YC",),
        country="US",
        note="Described as a company that funds and incubates fledgling Silicon Valley companies.",
    ),
    Company(
        id="epoch-ai",
        name="Epoch AI",
        kind=OrgKind.LAB,
        excerpts=(ex("根據研究機構Epoch.ai的數據"),),
        aliases=("Epoch.ai", "Epoch"),
        note="Called a research institution (研究機構) in the document.",
    ),
    Company(
        id="andreessen-horowitz",
        name="Andreessen Horowitz",
        kind=OrgKind.INVESTOR,
        excerpts=(ex("據風險投資公司安德森·霍洛維茨稱"),),
        name_hant="安德森·霍洛維茨",
        aliases=("a16z",),
        country="US",
        note="Called a venture-capital firm (風險投資公司) in the document.",
    ),
    Company(
        id="zhitong-finance",
        name="Zhitong Finance",
        kind=OrgKind.MEDIA,
        excerpts=(ex("智通財經注意到"), ex("來源:智通財經APP")),
        name_hant="智通財經",
        aliases=("智通財經APP",),
        note="The outlet the article comes from ('來源:智通財經APP').",
    ),
    Company(
        id="hongshang-wang",
        name="Hongshang Wang",
        kind=OrgKind.MEDIA,
        excerpts=(ex("您所在的位置:紅商網 >> 天下匯頻道 >> 正文"),),
        name_hant="紅商網",
        note=(
            "The website that republished the article (its breadcrumb: '紅商網 >> 天下匯頻道 >> "
            "正文'); the English name is a pinyin rendering, the document gives none."
        ),
    ),
]

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


def no_title(org_name: str, org: str, how: str) -> Role:
    return Role(
        title=f"associated with {org_name} ({how}; no title stated)",
        source=SRC,
        organization=org,
    )


people = [
    Person(
        id="sundar-pichai",
        name="皮查伊",
        name_en="Sundar Pichai",
        excerpts=(ex("Alphabet首席執行官皮查伊在最近的一次活動中表示"),),
        aliases=("Pichai",),
        roles=(
            Role(title="CEO", source=SRC, title_original="首席執行官", organization="alphabet"),
        ),
    ),
    Person(
        id="sam-altman",
        name="奧特曼",
        name_en="Sam Altman",
        excerpts=(ex("OpenAI的奧特曼在同一場會議上表示"),),
        aliases=("Altman",),
        roles=(no_title("OpenAI", "openai", "'OpenAI的奧特曼'"),),
    ),
    Person(
        id="jensen-huang",
        name="黃仁勛",
        name_en="Jensen Huang",
        excerpts=(ex("黃仁勛的公司受益于一股搶購硅片的熱潮"),),
        aliases=("Huang",),
        roles=(no_title("Nvidia", "nvidia", "Nvidia is called '黃仁勛的公司', Huang's company"),),
    ),
    Person(
        id="elon-musk",
        name="埃隆·馬斯克",
        name_en="Elon Musk",
        excerpts=(ex("埃隆·馬斯克的xAI公司"),),
        aliases=("Musk",),
        roles=(no_title("xAI", "xai", "'埃隆·馬斯克的xAI公司', Musk's xAI"),),
    ),
    Person(
        id="satya-nadella",
        name="納德拉",
        name_en="Satya Nadella",
        excerpts=(ex("納德拉和皮查伊可以放下油門"),),
        aliases=("Nadella",),
        note=(
            "The document states no role or affiliation for him; he is named with Pichai right "
            "after a paragraph on Microsoft and its peers."
        ),
    ),
    Person(
        id="mark-zuckerberg",
        name="扎克伯格",
        name_en="Mark Zuckerberg",
        excerpts=(ex("就連扎克伯格也承認"), ex("扎克伯格的Meta提供的開源模型")),
        aliases=("Zuckerberg",),
        roles=(no_title("Meta", "meta", "'扎克伯格的Meta', Zuckerberg's Meta"),),
    ),
]

# --------------------------------------------------------------------------
# Funding
# --------------------------------------------------------------------------

funding_rounds = [
    FundingRound(
        id="openai-157b-2024",
        company="openai",
        statement=(
            "Model developers such as OpenAI keep raising money — $157 billion, as the "
            "document states it — on the belief that bigger systems give better results."
        ),
        kind=FundingKind.TOTAL,
        status=FundingStatus.CLOSED,
        excerpts=(ex("因此,像OpenAI這樣的模型開發商不斷籌集1570億美元的資金"),),
        amount=Money(D("157000000000"), Currency.USD),
        note=(
            "Wrong as stated: $157 billion was OpenAI's reported valuation in its October 2024 "
            "funding round, not money raised (the round itself raised far less). This correction "
            "comes from outside the document, which gives no other figure; the amount is kept as "
            "stated. Recorded as 'total' because 不斷籌集 ('keeps raising') describes continuing "
            "fund-raising rather than one round, so it must not be summed with rounds."
        ),
    )
]

# --------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------

T = Topic


def pred(id, statement, hedge, quotes, horizon, **kw) -> Prediction:  # noqa: A002
    if isinstance(horizon, NoTime):
        kw["note"] = f"{kw['note']} {horizon.note}" if kw.get("note") else horizon.note
        horizon = None
    return Prediction(
        id=id,
        statement=statement,
        source=SRC,
        made=MADE,
        horizon=horizon,
        hedge=hedge,
        excerpts=tuple(ex(q) if isinstance(q, str) else ex(*q) for q in quotes),
        **kw,
    )


predictions = [
    pred(
        "microsoft-capex-64b-2025",
        "Analysts expect Microsoft alone to reach $64 billion in capital expenditure by 2025, "
        "six times General Motors'.",
        Hedge.LIKELY,
        ["分析師預計,到2025年,僅微軟一家公司的資本支出就將達到640億美元,是通用汽車的六倍"],
        BY_2025,
        attributed_to="analysts",
        companies=("microsoft", "general-motors"),
        topics=frozenset({T.COMPUTE, T.CHIPS}),
        note="The amount (USD 64,000,000,000) and the six-times comparison are the forecast's figures.",
    ),
    pred(
        "ai-gold-rush-phase-ending",
        "The AI gold-rush phase may be about to end, opening the door to nimbler new competitors.",
        Hedge.POSSIBLE,
        ["淘金熱階段可能即將結束,為更靈活的新競爭者打開了大門"],
        SOON,
        topics=frozenset({T.SCALING, T.MARKETS, T.STARTUPS}),
    ),
    pred(
        "better-algorithms-future-progress",
        "Some researchers hope future AI progress will come from better algorithms rather than "
        "the historical brute-force approach.",
        Hedge.POSSIBLE,
        ["一些研究人員希望未來的進步將來自更好的算法,而不是歷史上的暴力破解方法"],
        future("未來"),
        attributed_to="some researchers",
        topics=frozenset({T.SCALING, T.ARCHITECTURE}),
        note="Put as a hope (希望), hence 'possible'.",
    ),
    pred(
        "test-time-compute-better-results",
        "With 'test-time compute', giving a model extra time at inference to find patterns or "
        "use new data may produce better results, perhaps letting machines break big problems "
        "into small ones.",
        Hedge.POSSIBLE,
        [
            "一種被稱為“測試時間計算”的技術專注于增強推理過程,即客戶使用人工智能系統的時間",
            "給模型額外的時間來發現模式或使用新的數據可能會產生更好的結果,也許可以讓機器把大問題分解成小問題",
        ],
        future(),
        topics=frozenset({T.SCALING, T.COMPUTE}),
    ),
    pred(
        "test-time-compute-limits",
        "Once a model has considered all possible answers to a problem, adding more time will "
        "not necessarily help.",
        Hedge.CONDITIONAL,
        ["一旦一個模型考慮了一個問題的所有可能的答案,增加更多的時間并不一定有幫助"],
        future(),
        condition="once a model has considered all possible answers to a problem",
        topics=frozenset({T.SCALING, T.COMPUTE}),
        note="The document also calls test-time compute promising but a step back from the vision of exponentially improving software.",
    ),
    pred(
        "slow-ai-users-look-elsewhere",
        "If AI systems take too long, users may look for answers elsewhere.",
        Hedge.CONDITIONAL,
        ["如果人工智能系統耗時太長,用戶也可能會去別處尋找答案"],
        future(),
        condition="if AI systems take too long (to answer)",
        topics=frozenset({T.APPLICATIONS, T.COMPUTE}),
    ),
    pred(
        "new-era-affects-players-differently",
        "A new era will likely affect the players (Alphabet, Amazon, Meta, Microsoft, Nvidia "
        "and others) in different ways.",
        Hedge.LIKELY,
        ["一個新時代很可能會以不同的方式影響玩家"],
        future(),
        companies=("alphabet", "amazon", "meta", "microsoft", "nvidia"),
        topics=frozenset({T.MARKETS}),
    ),
    pred(
        "nvidia-most-to-lose",
        "Nvidia arguably has the most to lose in the new era.",
        Hedge.POSSIBLE,
        ["可以說,英偉達的損失最大"],
        future(),
        companies=("nvidia",),
        topics=frozenset({T.CHIPS, T.MARKETS}),
        note="可以說 ('arguably') read as 'possible'.",
    ),
    pred(
        "specialised-chips-nvidia-risk",
        "In future, companies may prefer more specialised, cheaper semiconductors, which would "
        "put Nvidia's $3.3 trillion equity value at risk.",
        Hedge.POSSIBLE,
        ["未來,公司可能更愿意使用更專業、更便宜的半導體,這將使英偉達3.3萬億美元的股權價值面臨風險"],
        future("未來"),
        companies=("nvidia",),
        topics=frozenset({T.CHIPS, T.MARKETS}),
    ),
    pred(
        "model-developers-conflicted",
        "Model developers such as OpenAI and Anthropic may feel conflicted about the end of "
        "AI scaling.",
        Hedge.POSSIBLE,
        ["OpenAI和Anthropic等模型開發商可能會感到矛盾"],
        future(),
        companies=("openai", "anthropic"),
        topics=frozenset({T.SCALING, T.BUSINESS_MODEL}),
    ),
    pred(
        "model-developers-finances-benefit",
        "If OpenAI, Anthropic and other model developers no longer need to train ever-larger "
        "systems, their financial statements will benefit.",
        Hedge.CONDITIONAL,
        ["積極的一面是,如果他們不再需要訓練越來越大的系統,他們的財務報表將會受益"],
        future(),
        condition="if they no longer need to train ever-larger systems",
        companies=("openai", "anthropic"),
        topics=frozenset({T.SCALING, T.BUSINESS_MODEL, T.COMPUTE}),
        parent="model-developers-conflicted",
    ),
    pred(
        "end-of-scaling-weakens-bull-case",
        "The end of AI scaling would weaken part of the optimistic case for OpenAI and "
        "Anthropic: that their proprietary models will keep getting smarter and eventually "
        "replace most of the world's existing software.",
        Hedge.CONDITIONAL,
        ["另一方面,人工智能規模的終結將削弱這些公司的部分樂觀理由"],
        future(),
        condition="if AI scaling comes to an end",
        companies=("openai", "anthropic"),
        topics=frozenset({T.SCALING, T.BUSINESS_MODEL}),
        parent="model-developers-conflicted",
    ),
    pred(
        "proprietary-models-replace-software",
        "The optimistic case for OpenAI and Anthropic: their proprietary models will become "
        "ever smarter and eventually replace most of the world's existing software.",
        Hedge.CERTAIN,
        ["即OpenAI或Anthropic的專有模型將變得越來越智能,并最終取代世界上大部分現有的軟件"],
        future(),
        attributed_to="optimists about OpenAI and Anthropic (the companies' bull case)",
        companies=("openai", "anthropic"),
        topics=frozenset({T.SCALING, T.APPLICATIONS, T.BUSINESS_MODEL}),
        note=(
            "Reported, not endorsed: the document presents it as the bull case that the end of "
            "scaling would weaken; no holder is named."
        ),
    ),
    pred(
        "big-tech-mixed-picture",
        "The outlook for the big technology companies is likewise mixed.",
        Hedge.CERTAIN,
        ["大型企業的情況也同樣好壞參半"],
        future(),
        companies=("microsoft",),
        topics=frozenset({T.MARKETS, T.SCALING}),
    ),
    pred(
        "big-tech-no-existential-risk",
        "Microsoft and its peers may no longer face the existential risk of watching a rival "
        "build a superintelligent giant model able to do any task — a risk conceivable if AI "
        "scaled indefinitely.",
        Hedge.POSSIBLE,
        [
            "好消息是,微軟的和同行們可能不再面臨眼看著競爭對手開發出一個能夠執行任何任務的超級智能巨型模型的生存風險",
            "如果人工智能無限擴展,這種風險可能是可以想象的",
        ],
        future(),
        companies=("microsoft",),
        topics=frozenset({T.AGI, T.SCALING, T.MARKETS}),
        parent="big-tech-mixed-picture",
    ),
    pred(
        "losing-ai-race-missing-wealth-creation",
        "Losing this race (to a rival with a superintelligent giant model) would mean missing "
        "out on what may be the greatest wealth-creating technology ever.",
        Hedge.CONDITIONAL,
        ["輸掉這場競賽將意味著錯過可能是有史以來最偉大的創造財富的技術"],
        future(),
        condition=(
            "if a big company such as Microsoft lost the race — a risk the document says was "
            "conceivable if AI scaled indefinitely"
        ),
        companies=("microsoft",),
        topics=frozenset({T.AGI, T.SCALING, T.MARKETS}),
        parent="big-tech-mixed-picture",
        note=(
            "The raw text carries the mis-encoded fragment '輸?shù)暨@場' (輸掉這場), which "
            "clean_text repairs. 可能 ('may be') hedges only the 'greatest wealth-creating "
            "technology ever' part. It explains the stakes behind the existential risk "
            "(big-tech-no-existential-risk) and the jackpot in smaller-jackpot-smaller-risk."
        ),
    ),
    pred(
        "smaller-jackpot-smaller-risk",
        "For the big companies the jackpot may now be smaller, but so is the risk of being "
        "crushed by a more powerful competitor.",
        Hedge.POSSIBLE,
        ["因此,雖然頭獎現在可能變小了,但被更強大的競爭對手碾壓的風險也變小了"],
        future(),
        companies=("microsoft",),
        topics=frozenset({T.MARKETS}),
        parent="big-tech-mixed-picture",
    ),
    pred(
        "nadella-pichai-ease-off",
        "Freed of that worry, Nadella (Microsoft) and Pichai (Alphabet) can ease off the "
        "accelerator and wait for more revenue to justify all the spending.",
        Hedge.POSSIBLE,
        ["從這種擔憂中解脫出來后,納德拉和皮查伊可以放下油門,等待更多的收入來證明所有的支出是合理的"],
        future(),
        companies=("microsoft", "alphabet"),
        topics=frozenset({T.COMPUTE, T.MARKETS, T.LEADERSHIP}),
        note=(
            "The document does not name their companies here; Microsoft and Alphabet follow "
            "from the context (Microsoft and peers; Pichai as Alphabet's CEO earlier)."
        ),
    ),
    pred(
        "shareholders-pleased",
        "Shareholders will be pleased (if the big companies ease off), since past railway and "
        "telecom booms showed that over-enthusiasm for new technology is dangerous.",
        Hedge.CERTAIN,
        ["股東們會很高興:過去鐵路和電信行業的繁榮表明,對新技術的過度熱情是危險的"],
        future(),
        companies=("microsoft", "alphabet"),
        topics=frozenset({T.MARKETS}),
    ),
    pred(
        "lower-barriers-to-entry",
        "The end of the capex arms race may also mean lower barriers to entry.",
        Hedge.POSSIBLE,
        ["然而,資本支出軍備競賽的結束也可能意味著進入門檻的降低"],
        future(),
        topics=frozenset({T.STARTUPS, T.MARKETS, T.COMPUTE}),
    ),
    pred(
        "startups-competitive-products-cheaply",
        "If massive computing power is no longer the norm, new start-ups should be able to build "
        "competitive AI products at minimal cost, perhaps on the open-source models Meta "
        "provides.",
        Hedge.CONDITIONAL,
        [
            "如果龐大的計算能力不再是主流,那么新的初創公司應該能夠以最低的成本生產出具有競爭力的人工智能產品,或許可以基于扎克伯格的Meta提供的開源模型進行設計"
        ],
        future(),
        condition="if massive computing power is no longer the mainstream",
        companies=("meta",),
        topics=frozenset({T.STARTUPS, T.OPEN_SOURCE, T.COMPUTE, T.APPLICATIONS}),
        parent="lower-barriers-to-entry",
    ),
    pred(
        "vertical-enterprise-software-wave",
        "Conceivably, a new wave of enterprise-software businesses will adapt widely used "
        "systems to serve particular industries, such as legal professionals or coders.",
        Hedge.POSSIBLE,
        ["可以想象,一股新的企業軟件業務浪潮將對廣泛使用的系統進行調整,以服務于特定行業,比如法律專業人士或編碼人員"],
        future(),
        topics=frozenset({T.APPLICATIONS, T.STARTUPS}),
        parent="lower-barriers-to-entry",
        note=(
            "The excerpt begins with the mis-encoded fragment '?梢韵胂' (可以想象, 'conceivably'); "
            "clean_text restores it."
        ),
    ),
    pred(
        "y-combinator-potential-challengers",
        "Among the fledgling companies Y Combinator funds and incubates are hundreds of "
        "potential new challengers.",
        Hedge.POSSIBLE,
        ["Y Combinator是一家為剛起步的硅谷公司提供資金和孵化的公司,其中有數百家潛在的新挑戰者"],
        future(),
        companies=("y-combinator",),
        topics=frozenset({T.STARTUPS}),
        parent="lower-barriers-to-entry",
        note="潛在 ('potential') read as 'possible'.",
    ),
    pred(
        "stable-training-costs-good-for-investors",
        "Whichever company wins, AI training costs ceasing to spiral upward could be good news "
        "for investors; the document links this to the recent steep fall in the price of "
        "inference, the cost incurred when customers use already-trained models.",
        Hedge.CONDITIONAL,
        [
            "無論哪家公司獲勝,如果人工智能培訓成本停止螺旋式上升,對投資者來說可能都是一個好消息",
            "這可能是由于最近推理的價格急劇下降,或者當客戶使用已經訓練好的模型時所產生的費用",
        ],
        future(),
        condition="if AI training costs stop spiralling upward",
        topics=frozenset({T.MARKETS, T.COMPUTE}),
        note=(
            "Also hedged with 可能 ('could'). The second sentence reads as garbled translation: "
            "'這可能是由于' ('this may be due to') links the good news to the fall in inference "
            "prices, which the original probably meant as an addition rather than a cause; kept "
            "as written."
        ),
    ),
    pred(
        "cost-squeeze-helps-adoption",
        "The squeeze in (inference) costs should help adoption and let early signs of progress "
        "spread.",
        Hedge.LIKELY,
        ["成本緊縮應該有助于采納,讓早期的進展跡象得以擴散"],
        future(),
        topics=frozenset({T.APPLICATIONS, T.COMPUTE}),
    ),
    pred(
        "post-gold-rush-prove-returns",
        "After the gold rush, the hard task will be to prove returns on the investment and "
        "justify investors' dazzling expectations.",
        Hedge.CERTAIN,
        ["淘金熱之后的艱巨任務是證明投資回報——并證明投資者令人眼花繚亂的預期是合理的"],
        future(),
        topics=frozenset({T.MARKETS, T.BUSINESS_MODEL}),
    ),
]

# --------------------------------------------------------------------------
# Compute trends
# --------------------------------------------------------------------------

THREE_YEARS = TimeSpan(
    d(2021, 9, 1),
    PUBLISHED.end,
    Precision.YEARS,
    label="the three years to late 2024",
    certainty=Certainty.INFERRED,
    text="三年前",
    reason="三年前 ('three years ago') resolved against the publication (late 2024): late 2021 to late 2024",
)

compute_trends = [
    ComputeTrend(
        id="epoch-largest-model-compute-cost-doubling",
        statement="According to Epoch.ai, the compute cost of the largest models doubles every 8 months.",
        metric=Metric.COMPUTE_COST,
        growth=Growth(GrowthKind.DOUBLING_TIME, D("8")),
        excerpts=(ex("根據研究機構Epoch.ai的數據,最大模型的計算成本每8個月翻一番"),),
        claimed_by=("epoch-ai",),
        cites="Epoch.ai",
    ),
    ComputeTrend(
        id="epoch-training-power-doubling",
        statement="According to Epoch.ai, the power used for training doubles every year.",
        metric=Metric.TRAINING_POWER,
        growth=Growth(GrowthKind.DOUBLING_TIME, D("12")),
        excerpts=(ex("根據研究機構Epoch.ai的數據,最大模型的計算成本每8個月翻一番,訓練功耗每年翻一番"),),
        claimed_by=("epoch-ai",),
        cites="Epoch.ai",
        note="Stated as 每年翻一番 ('doubles every year'), i.e. a doubling time of 12 months.",
    ),
    ComputeTrend(
        id="token-price-decline-a16z",
        statement=(
            "The cost of processing one million tokens fell from $60 three years ago to 6 cents "
            "now, according to Andreessen Horowitz."
        ),
        metric=Metric.TOKEN_PRICE,
        growth=Growth(GrowthKind.LEVEL, level=Money(D("0.06"), Currency.USD)),
        excerpts=(
            ex("三年前,處理100萬個代幣(一個數據單位)的成本為60美元。據風險投資公司安德森·霍洛維茨稱,現在的成本為6美分"),
        ),
        period=THREE_YEARS,
        claimed_by=("andreessen-horowitz",),
        cites="安德森·霍洛維茨 (Andreessen Horowitz)",
        note=(
            "A decline stated as two price levels per one million tokens: USD 60 three years "
            "ago and 6 US cents (USD 0.06) now. Recorded as the end level (USD 0.06) over the "
            "three-year period; the text states no rate, so none is entered (a factor would "
            "be a number computed from the two levels, not one the text states). Both levels "
            "are also Statistics (token-price-three-years-ago, token-price-now). The document "
            "attributes the current price to Andreessen Horowitz; the $60 figure stands in "
            "the sentence before."
        ),
    ),
    ComputeTrend(
        id="xai-million-gpu-supercomputer",
        statement=(
            "Elon Musk's xAI recently planned to build a supercomputer with one million GPU "
            "chips, ten times today's already very large supercomputers."
        ),
        metric=Metric.CHIP_COUNT,
        growth=Growth(GrowthKind.LEVEL, level=Quantity(D("1000000"), "chips")),
        excerpts=(
            ex("埃隆·馬斯克的xAI公司最近計劃建造一臺擁有100萬個圖形處理單元芯片的超級計算機,是目前已經非常龐大的超級計算機的10倍"),
        ),
        companies=("xai",),
        note=(
            "A planned level (100萬個圖形處理單元芯片, one million GPU chips); the text also "
            "says it is ten times today's very large supercomputers, a comparison with no "
            "period, so it is not recorded as a growth factor (it is the Statistic "
            "xai-supercomputer-ten-times-current). No target date is stated."
        ),
    ),
]

# --------------------------------------------------------------------------
# Debates
# --------------------------------------------------------------------------


def pos(stance, summary, quote, holder, **kw) -> Position:
    return Position(stance=stance, summary=summary, excerpt=ex(quote), holder=holder, **kw)


debates = [
    Debate(
        id="ai-scaling-wall",
        question="人工智能擴展定律是否正在瓦解——大型語言模型是否遇到瓶頸、撞上了“墻”?",
        question_en=(
            "Are AI scaling laws breaking down — have large language models hit a bottleneck "
            "or 'wall', so that bigger is no longer better?"
        ),
        source=SRC,
        excerpts=(
            ex(TITLE_LINE),
            ex("然而,現在這種確定性的核心似乎正在瓦解。由于沒有新的數據來訓練軟件,研究人員正在努力通過投入更多的資源來獲得更智能的輸出"),
            ex("多個人工智能實驗室在改進下一代模型方面遇到了問題"),
        ),
        positions=(
            pos(
                Stance.NO,
                "Until recently technologists agreed that AI is 'scalable': bigger is better.",
                "技術專家直到最近才認同人工智能是“可擴展的”,這意味著越大越好",
                "technologists (until recently)",
            ),
            pos(
                Stance.NO,
                "In 2020 OpenAI researchers showed that large language models improve at a steady "
                "rate when trained with more data, computing power and parameters — the evidence "
                "for scaling.",
                "2020年,OpenAI的研究人員表明,當使用更多的數據、計算能力和參數(就像系統的旋鈕和刻度盤)進行訓練時,所謂的大型語言模型會以穩定的速度改進",
                "OpenAI researchers (2020)",
                affiliation="OpenAI",
                organization="openai",
            ),
            pos(
                Stance.YES,
                "The evidence for AI scaling laws seems to be crumbling: cutting-edge systems have "
                "already absorbed most of the world's useful and available training data.",
                "人工智能擴展定律的證據似乎正在瓦解。尖端系統已經吸收了世界上大部分有用和可用的訓練數據",
                "the document's own voice (Zhitong Finance)",
            ),
            pos(
                Stance.YES,
                "At a recent event Pichai said leading models have reached similar performance "
                "levels and further improvement is now harder.",
                "Alphabet首席執行官皮查伊在最近的一次活動中表示,領先的模型已經達到了類似的性能水平,現在進一步改進的難度更大了",
                "Alphabet CEO Sundar Pichai",
                speaker="sundar-pichai",
                affiliation="Alphabet首席執行官",
                organization="alphabet",
            ),
            pos(
                Stance.MIXED,
                "At the same conference Altman said 'there is no wall', while conceding that the "
                "easier gains from scaling up AI have faded.",
                "OpenAI的奧特曼在同一場會議上表示,“沒有墻”,同時他承認,AI規模擴大帶來的更容易的收益已經消退",
                "OpenAI's Sam Altman",
                speaker="sam-altman",
                affiliation="OpenAI",
                organization="openai",
            ),
            pos(
                Stance.MIXED,
                "Some researchers hope future progress will come from better algorithms rather "
                "than the historical brute-force approach: scale is no longer the path, but "
                "progress can continue.",
                "一些研究人員希望未來的進步將來自更好的算法,而不是歷史上的暴力破解方法",
                "some researchers",
            ),
            pos(
                Stance.NO,
                "AI boosters have been pushing a vision of software improving exponentially "
                "(against which test-time compute is called a step back).",
                "雖然很有希望,但與人工智能支持者一直在推動的以指數方式改進軟件的愿景相比,這是一個退步",
                "AI boosters (人工智能支持者)",
            ),
        ),
        topics=frozenset({T.SCALING, T.COMPUTE, T.DATA}),
        note=(
            "The question is framed from the title and the paragraph on scaling laws. Pichai's "
            "remark is recorded as 'yes' (the document cites it as evidence of the slowdown, and "
            "he offers no counterpoint); Altman's as 'mixed' ('no wall' plus a concession). The "
            "2020 OpenAI result and the technologists' earlier consensus are the 'bigger is "
            "better' side as the document describes it, not statements about the present."
        ),
    ),
    Debate(
        id="ai-overinvestment",
        question="企業是否已經在人工智能上過度投資?",
        question_en="Have companies over-invested in AI?",
        source=SRC,
        excerpts=(ex("從這種擔憂中解脫出來后,納德拉和皮查伊可以放下油門,等待更多的收入來證明所有的支出是合理的"),),
        positions=(
            pos(
                Stance.YES,
                "Even Zuckerberg has admitted that companies may have over-invested.",
                "就連扎克伯格也承認,企業可能已經過度投資了",
                "Mark Zuckerberg",
                speaker="mark-zuckerberg",
            ),
            pos(
                Stance.YES,
                "Shareholders would welcome an easing of spending: past railway and telecom "
                "booms show that excessive enthusiasm for a new technology is dangerous.",
                "股東們會很高興:過去鐵路和電信行業的繁榮表明,對新技術的過度熱情是危險的",
                "the document's own voice (Zhitong Finance)",
            ),
        ),
        topics=frozenset({T.COMPUTE, T.MARKETS}),
        note=(
            "Zuckerberg's admission is hedged (可能, 'may'); it is recorded as 'yes' with that "
            "hedge in the summary. The document's 'yes' is implied (it says shareholders would "
            "be pleased by an easing and warns of over-enthusiasm), not stated outright. No "
            "affiliation is given for Zuckerberg at this point (elsewhere: '扎克伯格的Meta')."
        ),
    ),
]

# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------

SINCE_CHATGPT = TimeSpan(
    d(2022, 11, 1),
    PUBLISHED.end,
    Precision.YEARS,
    label="November 2022 to late 2024",
    certainty=Certainty.INFERRED,
    relation=TimeRelation.SINCE,
    text="2022年11月OpenAI發布ChatGPT時",
    reason=(
        "from ChatGPT's release (November 2022, stated) to the publication (late 2024, inferred)"
    ),
)

SINCE_PRE_CHATGPT = TimeSpan(
    d(2022, 7, 1),
    PUBLISHED.end,
    Precision.YEARS,
    label="from before ChatGPT (2022) to late 2024",
    certainty=Certainty.INFERRED,
    relation=TimeRelation.SINCE,
    text="自Chatgpt之前的時期以來",
    reason=(
        "'the period before ChatGPT' taken as the quarter(s) before its release in November "
        "2022 (stated elsewhere in the text), up to the publication (late 2024, inferred)"
    ),
)

statistics = [
    Statistic(
        id="big-tech-market-value-gain-since-chatgpt",
        statement=(
            "The combined market value of Alphabet, Amazon, Meta Platforms, Microsoft and Nvidia "
            "is $8 trillion higher than when OpenAI released ChatGPT in November 2022."
        ),
        value=Money(D("8000000000000"), Currency.USD),
        excerpts=(ex("Alphabet、亞馬遜、Meta平臺、微軟和英偉達的總市值比2022年11月OpenAI發布ChatGPT時高出8萬億美元"),),
        date=SINCE_CHATGPT,
        companies=("alphabet", "amazon", "meta", "microsoft", "nvidia"),
        topics=frozenset({T.MARKETS}),
        note="An increase in combined market value, not a level.",
    ),
    Statistic(
        id="nvidia-equity-value-3-3t",
        statement="Nvidia's equity value is $3.3 trillion.",
        value=Money(D("3300000000000"), Currency.USD),
        excerpts=(ex("這將使英偉達3.3萬億美元的股權價值面臨風險"),),
        date=AT_PUBLICATION,
        companies=("nvidia",),
        topics=frozenset({T.MARKETS, T.CHIPS}),
    ),
    Statistic(
        id="microsoft-capex-six-times-gm",
        statement=(
            "Microsoft's forecast 2025 capital expenditure ($64 billion) would be six times "
            "General Motors'."
        ),
        value=Quantity(D("6"), "times"),
        excerpts=(ex("到2025年,僅微軟一家公司的資本支出就將達到640億美元,是通用汽車的六倍"),),
        date=BY_2025,
        companies=("microsoft", "general-motors"),
        topics=frozenset({T.COMPUTE}),
        cites="analysts (分析師)",
        note="Part of the analysts' forecast (prediction microsoft-capex-64b-2025), not a measured figure.",
    ),
    Statistic(
        id="meta-ad-revenue-growth-since-chatgpt",
        statement=(
            "Meta's quarterly advertising revenue has grown 46% since the period before ChatGPT, "
            "possibly thanks to better ad targeting."
        ),
        value=Quantity(D("46"), "percent"),
        excerpts=(ex("Meta的季度廣告收入自Chatgpt之前的時期以來增長了46%,這可能是因為更好的廣告定位"),),
        date=SINCE_PRE_CHATGPT,
        companies=("meta",),
        topics=frozenset({T.MARKETS, T.APPLICATIONS}),
    ),
    Statistic(
        id="meta-operating-costs-growth-since-chatgpt",
        statement="Over the same period Meta's operating costs grew only 5%.",
        value=Quantity(D("5"), "percent"),
        excerpts=(ex("而運營成本僅增長了5%"),),
        date=SINCE_PRE_CHATGPT,
        companies=("meta",),
        topics=frozenset({T.MARKETS}),
    ),
    Statistic(
        id="token-price-three-years-ago",
        statement="Three years ago processing one million tokens cost $60.",
        value=Money(D("60"), Currency.USD),
        excerpts=(ex("三年前,處理100萬個代幣(一個數據單位)的成本為60美元"),),
        date=TimeSpan(
            d(2021, 9, 1),
            d(2021, 12, 31),
            Precision.PART_OF_YEAR,
            label="late 2021",
            certainty=Certainty.INFERRED,
            text="三年前",
            reason="三年前 ('three years ago') resolved against the publication (late 2024)",
        ),
        topics=frozenset({T.COMPUTE}),
        note=(
            "Price per one million tokens (代幣, 'a unit of data'). The attribution to Andreessen "
            "Horowitz stands in the next sentence, with the current price."
        ),
    ),
    Statistic(
        id="token-price-now",
        statement="Processing one million tokens now costs 6 cents, according to Andreessen Horowitz.",
        value=Money(D("0.06"), Currency.USD),
        excerpts=(ex("據風險投資公司安德森·霍洛維茨稱,現在的成本為6美分"),),
        date=AT_PUBLICATION,
        topics=frozenset({T.COMPUTE}),
        cites="安德森·霍洛維茨 (Andreessen Horowitz)",
        note="Price per one million tokens; 6美分 = USD 0.06.",
    ),
    Statistic(
        id="xai-supercomputer-ten-times-current",
        statement=(
            "xAI's planned one-million-GPU supercomputer would be ten times today's already "
            "very large supercomputers."
        ),
        value=Quantity(D("10"), "times"),
        excerpts=(ex("是目前已經非常龐大的超級計算機的10倍"),),
        date=AT_PUBLICATION,
        companies=("xai",),
        topics=frozenset({T.COMPUTE, T.CHIPS}),
        note=(
            "A comparison of size with today's supercomputers (目前, at publication), with no "
            "period; the planned level itself (100萬個圖形處理單元芯片) is the compute trend "
            "xai-million-gpu-supercomputer."
        ),
    ),
    Statistic(
        id="y-combinator-hundreds-of-challengers",
        statement="Y Combinator has hundreds of potential new challengers among its companies.",
        value=Quantity(D("100"), "companies", Qualifier.SEVERAL),
        excerpts=(ex("其中有數百家潛在的新挑戰者"),),
        date=AT_PUBLICATION,
        companies=("y-combinator",),
        topics=frozenset({T.STARTUPS}),
        note="數百家 ('several hundred'): order of magnitude 100 with qualifier 'several'.",
    ),
]

# --------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------

CONVERTER = make_converter()
KINDS = {
    "sources": sources,
    "companies": companies,
    "people": people,
    "predictions": predictions,
    "funding_rounds": funding_rounds,
    "compute_trends": compute_trends,
    "debates": debates,
    "statistics": statistics,
}


def main() -> None:
    ids = [r.id for records in KINDS.values() for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids"
    slug = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*\Z")
    assert all(slug.match(i) for i in ids), [i for i in ids if not slug.match(i)]
    for kind, records in KINDS.items():
        doc = {
            "kind": kind,
            "records": [CONVERTER.unstructure(r) for r in records],
            "schema_version": 1,
        }
        (HERE / f"{kind}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    print({k: len(v) for k, v in KINDS.items()})


if __name__ == "__main__":
    main()
