"""Build the draft records for source 000 (ten-ai-predictions-2024).

Run from /work/main:
    PYTHONPATH=src /work/venv/bin/python drafts/000/build.py

Every excerpt is located by searching the document for the quoted text, so no
offset is typed by hand; display forms are computed with clean_text.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pendulum

from aiforecasts import clean_text
from aiforecasts._convert import make_converter
from aiforecasts._model import (
    Certainty,
    Company,
    Currency,
    Debate,
    Excerpt,
    FundingKind,
    FundingRound,
    FundingStatus,
    Hedge,
    Investment,
    InvestorRole,
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
)

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[2] / "shared" / "seeds" / "000_d19b0fbece737a18.txt"
SRC = "ten-ai-predictions-2024"
SHA = "3d792e83d271201585b9642f00b5f9e7882db25b9403199a094e160cec6b7c36"

BLOB = SEED.read_bytes()
assert hashlib.sha256(BLOB).hexdigest() == SHA
DOC = BLOB.decode("utf-8")


def ex(quote: str, occurrence: int | None = None) -> Excerpt:
    """The excerpt for *quote*; it must occur exactly once unless *occurrence* picks one."""
    hits = []
    pos = DOC.find(quote)
    while pos != -1:
        hits.append(pos)
        pos = DOC.find(quote, pos + 1)
    if not hits:
        raise SystemExit(f"quote not found: {quote!r}")
    if occurrence is None:
        if len(hits) != 1:
            raise SystemExit(f"quote occurs {len(hits)} times, pick one: {quote!r}")
        start = hits[0]
    else:
        start = hits[occurrence]
    end = start + len(quote)
    assert DOC[start:end] == quote
    return Excerpt(SRC, start, end, quote, clean_text(quote))


def D(y: int, m: int, d: int) -> pendulum.Date:
    return pendulum.Date(y, m, d)


def M(s: str) -> Decimal:
    return Decimal(s)


def usd(amount: str, q: Qualifier = Qualifier.EXACT) -> Money:
    return Money(Decimal(amount), Currency.USD, q)


T = Topic

# --------------------------------------------------------------------------
# Time spans
# --------------------------------------------------------------------------

PUB_REASON = (
    "The document states no date. It calls 2024 '明年' (next year) and 2023 '今年' (this year); "
    "it says OpenAI's board fired Sam Altman '上个月' (last month), which is widely known to have "
    "happened in November 2023 (the only fact used from outside the document); it says Mistral's "
    "Mixtral came out '近日' (in recent days) and that bitcoin is '今日' (today) above $40,000. "
    "Hence December 2023."
)
PUBLISHED = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "December 2023",
    Certainty.INFERRED,
    reason=PUB_REASON,
)
MADE = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "December 2023",
    Certainty.INFERRED,
    reason="the source's publication month (inferred: see the source record)",
)
TODAY = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "December 2023 (today)",
    Certainty.INFERRED,
    text="今日",
    reason="今日 ('today') resolved to the source's inferred publication month, December 2023",
)
TO_DATE = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "to date (December 2023)",
    Certainty.INFERRED,
    text="迄今",
    reason="迄今 ('so far') resolved to the source's inferred publication month, December 2023",
)
NOW = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "December 2023 (present tense)",
    Certainty.INFERRED,
    reason="stated in the present tense; resolved to the source's inferred publication month",
)
NEXT_YEAR = TimeSpan(
    D(2024, 1, 1),
    D(2024, 12, 31),
    Precision.YEAR,
    "2024",
    Certainty.INFERRED,
    text="明年",
    reason="明年 resolved against the publication year 2023",
)
Y2024 = TimeSpan(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "2024", text="2024 年")


def y2024_context(why: str, text: str | None = None) -> TimeSpan:
    return TimeSpan(
        D(2024, 1, 1),
        D(2024, 12, 31),
        Precision.YEAR,
        "2024",
        Certainty.INFERRED,
        text=text,
        reason=why,
    )


NO_TIME = "The document gives no time for this forecast."

NEXT_FEW_YEARS = TimeSpan(
    D(2024, 1, 1),
    D(2026, 12, 31),
    Precision.YEARS,
    "the next few years (about 2024-2026)",
    Certainty.INFERRED,
    text="未来几年",
    reason="未来几年 ('the next few years') counted from the December 2023 publication; "
    "几年 ('a few years') taken as about three, so the end (2026-12-31) is an approximation",
)


THIS_YEAR = TimeSpan(
    D(2023, 1, 1),
    D(2023, 12, 31),
    Precision.YEAR,
    "2023",
    Certainty.INFERRED,
    text="今年",
    reason="今年 resolved against the publication year 2023",
)
LAST_YEAR = TimeSpan(
    D(2022, 1, 1),
    D(2022, 12, 31),
    Precision.YEAR,
    "2022",
    Certainty.INFERRED,
    text="去年",
    reason="去年 resolved against the publication year 2023",
)
EARLIER_THIS_YEAR = TimeSpan(
    D(2023, 1, 1),
    D(2023, 12, 31),
    Precision.YEAR,
    "earlier in 2023",
    Certainty.INFERRED,
    text="今年早些时候",
    reason="今年早些时候 ('earlier this year') resolved against the publication year 2023; "
    "the month is not given",
)
JANUARY = TimeSpan(
    D(2023, 1, 1),
    D(2023, 1, 31),
    Precision.MONTH,
    "January 2023",
    Certainty.INFERRED,
    text="一月",
    reason="一月 (January) in a paragraph about 今年; the year 2023 from the publication date",
)
JUNE = TimeSpan(
    D(2023, 6, 1),
    D(2023, 6, 30),
    Precision.MONTH,
    "June 2023",
    Certainty.INFERRED,
    text="六月",
    reason="六月 (June) in a paragraph about 今年; the year 2023 from the publication date",
)
AUTUMN = TimeSpan(
    D(2023, 9, 1),
    D(2023, 11, 30),
    Precision.SEASON,
    "autumn 2023",
    Certainty.INFERRED,
    text="秋季",
    reason="秋季 (autumn) in a paragraph about 今年; the year 2023 from the publication date",
)
LATE_2023_AFTER_AUTUMN = TimeSpan(
    D(2023, 9, 1),
    D(2023, 12, 31),
    Precision.PART_OF_YEAR,
    "late 2023",
    Certainty.INFERRED,
    text="紧接着",
    reason="紧接着 ('soon after') Amazon's autumn-2023 announcement and before the December 2023 "
    "publication; the exact month is not given",
)
OCTOBER = TimeSpan(
    D(2023, 10, 1),
    D(2023, 10, 31),
    Precision.MONTH,
    "October 2023",
    Certainty.INFERRED,
    text="10 月份",
    reason="10 月份 (October); the year 2023 from context (a recent development, "
    "before the December 2023 publication)",
)
SEPTEMBER = TimeSpan(
    D(2023, 9, 1),
    D(2023, 9, 30),
    Precision.MONTH,
    "September 2023",
    Certainty.INFERRED,
    text="9 月",
    reason="9 月 (September) in the 'recent months' rise of the current year; "
    "the year 2023 from the publication date",
)
START_OF_YEAR = TimeSpan(
    D(2023, 1, 1),
    D(2023, 4, 30),
    Precision.PART_OF_YEAR,
    "start of 2023",
    Certainty.INFERRED,
    text="年初",
    reason="年初 ('the start of the year') resolved against the publication year 2023",
)
RECENTLY = TimeSpan(
    D(2023, 9, 1),
    D(2023, 12, 31),
    Precision.PART_OF_YEAR,
    "late 2023 (recently)",
    Certainty.INFERRED,
    text="最近",
    reason="最近 ('recently') before the inferred December 2023 publication",
)
COMING_MONTHS = TimeSpan(
    D(2023, 12, 1),
    D(2024, 4, 30),
    Precision.PART_OF_YEAR,
    "in the coming months (by early 2024)",
    Certainty.INFERRED,
    TimeRelation.BY,
    text="未来几个月",
    reason="未来几个月 ('the next few months') counted from the December 2023 "
    "publication; taken as by early 2024 (the end is an approximation)",
)
BY_END_2024 = TimeSpan(
    D(2023, 12, 1),
    D(2024, 12, 31),
    Precision.YEAR,
    "by the end of 2024",
    relation=TimeRelation.BY,
    text="2024 年底",
)
BY_END_2023 = TimeSpan(
    D(2023, 12, 1),
    D(2023, 12, 31),
    Precision.MONTH,
    "before the end of 2023",
    relation=TimeRelation.BY,
    text="2023 年末之前",
)
BY_THEN_2024 = TimeSpan(
    D(2023, 12, 1),
    D(2024, 12, 31),
    Precision.YEAR,
    "by the time Mistral's model ships (2024)",
    Certainty.INFERRED,
    TimeRelation.BY,
    text="届时",
    reason="届时 ('by then') = when Mistral releases the GPT-4-class model it promised for "
    "'2024 年某时' (some time in 2024)",
)

# --------------------------------------------------------------------------
# Source
# --------------------------------------------------------------------------

sources = [
    Source(
        id=SRC,
        file=SEED.name,
        sha256=SHA,
        title="2024 年 AI 领域的 10 大预测 [译]",
        title_en="Ten predictions for AI in 2024 (translation)",
        script=Script.HANS,
        published=PUBLISHED,
        excerpts=(
            ex("2024 年 AI 领域的 10 大预测 [译]"),
            ex("上个月,当 OpenAI 的首席执行官 Sam Altman 被董事会意外解雇时"),
            ex("就像我们近日见到的 Mistral 推出的 Mixtral 模型一样"),
            ex("从 9 月的 $25,000 涨至今日的 $40,000 以上"),
        ),
        translation_of=(
            "an English-language column of ten AI predictions for 2024; "
            "the document does not name it or its author"
        ),
        note=(
            "No byline, outlet or date in the document; the publication month is inferred "
            "(see published.reason). The line under the title ('预测 #8: …') restates "
            "prediction 8 and is not a separate prediction."
        ),
    )
]

# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------

C = OrgKind
companies = [
    Company(
        "nvidia",
        "Nvidia",
        C.COMPANY,
        (ex("1. Nvidia 将尝试推出 GPU 云服务"),),
        aliases=("Nvidia", "NVIDIA"),
        country="US",
    ),
    Company(
        "amazon",
        "Amazon",
        C.COMPANY,
        (
            ex("但亚马逊、微软和谷歌——Nvidia 最大的客户"),
            ex("Amazon宣布将对 Anthropic 投资高达 40 亿美元"),
        ),
        name_hans="亚马逊",
        aliases=("Amazon", "亚马逊"),
        country="US",
    ),
    Company(
        "aws",
        "Amazon Web Services",
        C.COMPANY,
        (ex("亚马逊云服务(Amazon Web Services)"),),
        name_hans="亚马逊云服务",
        aliases=("Amazon Web Services", "AWS", "亚马逊云服务"),
        country="US",
        parent="amazon",
    ),
    Company(
        "microsoft",
        "Microsoft",
        C.COMPANY,
        (
            ex("但亚马逊、微软和谷歌——Nvidia 最大的客户"),
            ex("Microsoft 在一月投资了 100 亿美元给 OpenAI"),
        ),
        name_hans="微软",
        aliases=("Microsoft", "微软"),
        country="US",
    ),
    Company(
        "microsoft-azure",
        "Microsoft Azure",
        C.COMPANY,
        (ex("微软云(Microsoft Azure)"),),
        name_hans="微软云",
        aliases=("Microsoft Azure", "Azure", "微软云"),
        country="US",
        parent="microsoft",
    ),
    Company(
        "github",
        "GitHub",
        C.COMPANY,
        (ex("从 ChatGPT、Midjourney 到 GitHub Copilot 等"),),
        aliases=("GitHub",),
        country="US",
        parent="microsoft",
        note="Named only in the product names GitHub Copilot; GitHub is owned by Microsoft.",
    ),
    Company(
        "google",
        "Google",
        C.COMPANY,
        (
            ex("但亚马逊、微软和谷歌——Nvidia 最大的客户"),
            ex("Transformer 架构最初于 2017 年由 Google 在一篇里程碑式论文中提出"),
        ),
        name_hans="谷歌",
        aliases=("Google", "谷歌"),
        country="US",
        parent="alphabet",
    ),
    Company(
        "google-cloud",
        "Google Cloud Platform",
        C.COMPANY,
        (ex("谷歌云平台(Google Cloud Platform)"),),
        name_hans="谷歌云平台",
        aliases=("Google Cloud Platform", "Google Cloud", "GCP", "谷歌云平台"),
        country="US",
        parent="google",
    ),
    Company(
        "alphabet",
        "Alphabet",
        C.COMPANY,
        (ex("Alphabet 也宣布计划向同一家公司投资高达 20 亿美元"),),
        aliases=("Alphabet",),
        country="US",
    ),
    Company(
        "google-deepmind",
        "Google DeepMind",
        C.LAB,
        (
            ex("像 OpenAI、Google DeepMind、Anthropic 和 Cohere 这样的尖端 AI 模型开发者"),
            ex("DeepMind 发布的FunSearch 模型"),
        ),
        aliases=("Google DeepMind", "DeepMind"),
        country="GB",
        parent="alphabet",
        note="The document writes both 'Google DeepMind' and 'DeepMind' (the FunSearch "
        "model); both are treated as the same lab.",
    ),
    Company(
        "openai",
        "OpenAI",
        C.STARTUP,
        (ex("像 OpenAI、Google DeepMind、Anthropic 和 Cohere 这样的尖端 AI 模型开发者"),),
        aliases=("OpenAI",),
        country="US",
    ),
    Company(
        "anthropic",
        "Anthropic",
        C.STARTUP,
        (ex("像 OpenAI、Google DeepMind、Anthropic 和 Cohere 这样的尖端 AI 模型开发者"),),
        aliases=("Anthropic",),
        country="US",
    ),
    Company(
        "cohere",
        "Cohere",
        C.STARTUP,
        (
            ex("像 OpenAI、Google DeepMind、Anthropic 和 Cohere 这样的尖端 AI 模型开发者"),
            ex("Microsoft 近期就宣布与 OpenAI 的竞争对手 Cohere 达成合作"),
        ),
        aliases=("Cohere",),
        country="CA",
    ),
    Company(
        "meta",
        "Meta",
        C.COMPANY,
        (ex("但 Meta 和新兴的初创公司 Mistral 等少数公司选择公开他们的最新模型权重"),),
        aliases=("Meta", "Meta Platforms"),
        country="US",
    ),
    Company(
        "mistral-ai",
        "Mistral AI",
        C.STARTUP,
        (ex("但 Meta 和新兴的初创公司 Mistral 等少数公司选择公开他们的最新模型权重"),),
        aliases=("Mistral", "Mistral AI"),
        country="FR",
    ),
    Company(
        "stability-ai",
        "Stability AI",
        C.STARTUP,
        (ex("2. Stability AI 离倒闭不远。"), ex("曾经备受瞩目的创业公司 Stability AI")),
        aliases=("Stability AI", "Stability"),
        country="GB",
    ),
    Company(
        "coatue",
        "Coatue Management",
        C.INVESTOR,
        (ex("去年,Coatue 和 Lightspeed 这两家公司领投了 Stability 的 1 亿美元融资轮。"),),
        aliases=("Coatue",),
        country="US",
    ),
    Company(
        "lightspeed-venture-partners",
        "Lightspeed Venture Partners",
        C.INVESTOR,
        (ex("去年,Coatue 和 Lightspeed 这两家公司领投了 Stability 的 1 亿美元融资轮。"),),
        aliases=("Lightspeed",),
        country="US",
    ),
    Company(
        "intel",
        "Intel",
        C.COMPANY,
        (ex("该公司从 Intel 筹集到 5000 万美元资金"),),
        aliases=("Intel",),
        country="US",
    ),
    Company(
        "coreweave",
        "CoreWeave",
        C.STARTUP,
        (ex("甚至可能涉及收购如 CoreWeave 这样的新兴云服务供应商"),),
        aliases=("CoreWeave",),
        country="US",
    ),
    Company(
        "inflection-ai",
        "Inflection AI",
        C.STARTUP,
        (ex("然后在六月又领头对 Inflection 投入了 13 亿美元"),),
        aliases=("Inflection", "Inflection AI"),
        country="US",
    ),
    Company(
        "hugging-face",
        "Hugging Face",
        C.STARTUP,
        (
            ex(
                "对包括 Cohere、Inflection、Hugging Face、Mistral、CoreWeave、Inceptive、AI21 Labs 和 Imbue 等多家使用其 GPU 的 AI 创业公司进行了投资"
            ),
        ),
        aliases=("Hugging Face",),
        country="US",
    ),
    Company(
        "inceptive",
        "Inceptive",
        C.STARTUP,
        (
            ex(
                "对包括 Cohere、Inflection、Hugging Face、Mistral、CoreWeave、Inceptive、AI21 Labs 和 Imbue 等多家使用其 GPU 的 AI 创业公司进行了投资"
            ),
        ),
        aliases=("Inceptive",),
        country="US",
    ),
    Company(
        "ai21-labs",
        "AI21 Labs",
        C.STARTUP,
        (
            ex(
                "对包括 Cohere、Inflection、Hugging Face、Mistral、CoreWeave、Inceptive、AI21 Labs 和 Imbue 等多家使用其 GPU 的 AI 创业公司进行了投资"
            ),
        ),
        aliases=("AI21 Labs", "AI21"),
        country="IL",
    ),
    Company(
        "imbue",
        "Imbue",
        C.STARTUP,
        (
            ex(
                "对包括 Cohere、Inflection、Hugging Face、Mistral、CoreWeave、Inceptive、AI21 Labs 和 Imbue 等多家使用其 GPU 的 AI 创业公司进行了投资"
            ),
        ),
        aliases=("Imbue",),
        country="US",
    ),
    Company(
        "sakana-ai",
        "Sakana AI",
        C.STARTUP,
        (
            ex(
                "同时由 Transformer 的联合发明者之一领衔的新兴公司 Sakana AI 也在一篇最新报道中被提及"
            ),
        ),
        aliases=("Sakana AI", "Sakana"),
        country="JP",
        note="The document calls it a new company led by one of the Transformer's co-inventors "
        "(not named) and says a recent report mentioned it in the search for alternatives to "
        "the Transformer. Country from the company's identity, not the text.",
    ),
    Company(
        "mit",
        "Massachusetts Institute of Technology",
        C.UNIVERSITY,
        (ex("MIT 开发了液态神经网络"),),
        aliases=("MIT",),
        country="US",
    ),
    Company(
        "stanford-university",
        "Stanford University",
        C.UNIVERSITY,
        (
            ex("其中,Stanford 的 Chris Ré 实验室是这一研究领域的重要中心。"),
            ex("斯坦福研究员彼得·亨德森指出"),
        ),
        name_hans="斯坦福",
        aliases=("Stanford", "Stanford University", "斯坦福"),
        country="US",
    ),
    Company(
        "stanford-chris-re-lab",
        "Chris Ré's lab at Stanford",
        C.LAB,
        (
            ex("其中,Stanford 的 Chris Ré 实验室是这一研究领域的重要中心。"),
            ex("Ré 实验室近年推出的一些引人注目的次二次方模型架构包括 S4、Monarch Mixer 和 Hyena"),
        ),
        aliases=("Chris Ré 实验室", "Ré 实验室"),
        country="US",
        parent="stanford-university",
        note="The document calls it 'Stanford 的 Chris Ré 实验室' / 'Ré 实验室'; it gives no "
        "formal name.",
    ),
    Company(
        "midjourney",
        "Midjourney",
        C.STARTUP,
        (ex("从 ChatGPT、Midjourney 到 GitHub Copilot 等"),),
        aliases=("Midjourney",),
        country="US",
        note="Named in the document as a product / model (Midjourney images), the company's "
        "namesake.",
    ),
    Company(
        "runway",
        "Runway",
        C.STARTUP,
        (ex("还是 Pika 或 Runway 制作的视频"),),
        aliases=("Runway",),
        country="US",
    ),
    Company(
        "pika",
        "Pika",
        C.STARTUP,
        (ex("还是 Pika 或 Runway 制作的视频"),),
        aliases=("Pika", "Pika Labs"),
        country="US",
    ),
    Company(
        "us-sec",
        "U.S. Securities and Exchange Commission",
        C.GOVERNMENT,
        (ex("预计明年美国证券交易委员会(SEC)将对 AI 投资中的“返程投资”进行更加严格的审查"),),
        name_hans="美国证券交易委员会",
        aliases=("SEC", "US SEC", "Securities and Exchange Commission", "美国证券交易委员会"),
        country="US",
    ),
    Company(
        "us-supreme-court",
        "Supreme Court of the United States",
        C.COURT,
        (ex("这个问题将逐渐升级到美国最高法院审理。"),),
        name_hans="美国最高法院",
        aliases=("US Supreme Court", "Supreme Court", "美国最高法院"),
        country="US",
    ),
    Company(
        "us-federal-government",
        "United States federal government",
        C.GOVERNMENT,
        (
            ex("拜登总统近期的 AI 行政命令要求美国各联邦政府机构任命首席人工智能官"),
            ex("美国政府将新增超过 400 名首席 AI 官"),
        ),
        name_hans="美国政府",
        aliases=("US government", "美国政府", "美国各联邦政府机构"),
        country="US",
    ),
]

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

people = [
    Person(
        "emad-mostaque",
        "Emad Mostaque",
        "Emad Mostaque",
        (ex("由于与 Stability 的 CEO Emad Mostaque 的分歧"),),
        roles=(Role("CEO", SRC, "CEO", "stability-ai"),),
    ),
    Person(
        "sam-altman",
        "Sam Altman",
        "Sam Altman",
        (ex("当 OpenAI 的首席执行官 Sam Altman 被董事会意外解雇时"),),
        aliases=("Altman",),
        roles=(Role("CEO", SRC, "首席执行官", "openai"),),
        note="The document says he was unexpectedly fired by OpenAI's board 'last month' and "
        "that Satya Nadella played a key role in his reinstatement.",
    ),
    Person(
        "satya-nadella",
        "Satya Nadella",
        "Satya Nadella",
        (ex("Microsoft 的首席执行官 Satya Nadella 在使他复职中扮演了重要角色"),),
        roles=(Role("CEO", SRC, "首席执行官", "microsoft"),),
        note="The document says that when OpenAI's board unexpectedly fired Sam Altman "
        "'last month' (上个月), Nadella played an important role in his reinstatement.",
    ),
    Person(
        "chris-re",
        "Chris Ré",
        "Chris Ré",
        (
            ex("其中,Stanford 的 Chris Ré 实验室是这一研究领域的重要中心。"),
            ex("Ré 和他的学生致力于研发一种新型模型架构"),
        ),
        aliases=("Ré", "Chris Re"),
        roles=(
            Role(
                "head of a research lab at Stanford (with students)",
                SRC,
                None,
                "stanford-chris-re-lab",
            ),
        ),
        note="The document gives no title; it speaks of 'Stanford 的 Chris Ré 实验室' and "
        "'Ré 和他的学生' (Ré and his students). Two of his students released Mamba.",
    ),
    Person(
        "bill-gurley",
        "Bill Gurley",
        "Bill Gurley",
        (ex("比如风险资本家 Bill Gurley 就对此发表了看法"),),
        roles=(Role("venture capitalist", SRC, "风险资本家"),),
        note="Said to have commented on round-tripping; the document does not give his view.",
    ),
    Person(
        "peter-henderson",
        "彼得·亨德森",
        "Peter Henderson",
        (ex("斯坦福研究员彼得·亨德森指出"),),
        roles=(Role("Stanford researcher", SRC, "斯坦福研究员", "stanford-university"),),
    ),
    Person(
        "joe-biden",
        "拜登",
        "Joe Biden",
        (ex("拜登总统近期的 AI 行政命令"),),
        aliases=("拜登总统", "President Biden"),
        roles=(Role("President (of the United States)", SRC, "总统", "us-federal-government"),),
        note="Named only as 拜登总统 (President Biden).",
    ),
]

# --------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------

H = Hedge
predictions: list[Prediction] = []


def pred(
    id: str,
    statement: str,
    hedge: Hedge,
    horizon: TimeSpan | None,
    excerpts,
    *,
    topics=(),
    companies=(),
    number=None,
    parent=None,
    made=MADE,
    made_by=(),
    attributed_to=None,
    condition=None,
    note=None,
) -> None:
    if horizon is None and (note is None or "no time" not in note and "no date" not in note):
        note = NO_TIME if note is None else f"{note} {NO_TIME}"
    predictions.append(
        Prediction(
            id=id,
            statement=statement,
            source=SRC,
            made=made,
            horizon=horizon,
            hedge=hedge,
            excerpts=tuple(excerpts),
            made_by=tuple(made_by),
            attributed_to=attributed_to,
            companies=tuple(companies),
            topics=frozenset(topics),
            condition=condition,
            number=number,
            parent=parent,
            note=note,
        )
    )


# 1 ------------------------------------------------------------------------
P1 = "nvidia-gpu-cloud-2024"
pred(
    P1,
    "Nvidia will try to launch a GPU cloud service: having started DGX Cloud earlier "
    "in 2023, it will significantly step up this strategy of offering its own cloud service "
    "in 2024.",
    H.CERTAIN,
    NEXT_YEAR,
    [ex("1. Nvidia 将尝试推出 GPU 云服务"), ex("我们预测,Nvidia 明年将显著加强这一策略。")],
    topics=[T.CHIPS, T.CLOUD, T.COMPUTE],
    companies=["nvidia"],
    number=1,
)
pred(
    "nvidia-own-data-centers-2024",
    "Stepping up its cloud strategy may include Nvidia building its own data centres (DGX "
    "Cloud currently runs on other cloud providers' physical infrastructure).",
    H.POSSIBLE,
    y2024_context("part of prediction 1, whose horizon is 明年 (2024)"),
    [ex("这可能包括 Nvidia 自建数据中心(目前 DGX Cloud 还依托于其他云服务商的物理基础设施)")],
    topics=[T.CHIPS, T.CLOUD, T.COMPUTE],
    companies=["nvidia"],
    parent=P1,
)
pred(
    "nvidia-acquire-cloud-provider-2024",
    "Nvidia might even acquire an emerging cloud provider such as CoreWeave, which would be "
    "an attempt at vertical integration.",
    H.POSSIBLE,
    y2024_context("part of prediction 1, whose horizon is 明年 (2024)"),
    [
        ex("甚至可能涉及收购如 CoreWeave 这样的新兴云服务供应商"),
        ex("这样的收购可视为 Nvidia 进行垂直整合的一种尝试"),
    ],
    topics=[T.CHIPS, T.CLOUD, T.COMPUTE, T.PARTNERSHIPS],
    companies=["nvidia", "coreweave"],
    parent=P1,
)
pred(
    "nvidia-cloud-relations-more-complex-2024",
    "Going into 2024, the relationship between Nvidia and the large cloud providers is "
    "expected to become more complicated.",
    H.LIKELY,
    TimeSpan(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "2024", text="随着我们步入 2024 年"),
    [ex("总之,随着我们步入 2024 年,预计 Nvidia 与大型云服务商之间的关系将变得更为复杂。")],
    topics=[T.CHIPS, T.CLOUD, T.PARTNERSHIPS],
    companies=["nvidia", "aws", "microsoft-azure", "google-cloud"],
    parent=P1,
)
pred(
    "cloud-providers-chips-compete-with-nvidia",
    "The AI chips that the major cloud providers (Amazon, Microsoft, Google) are actively "
    "developing in-house will compete directly with Nvidia's GPUs.",
    H.CERTAIN,
    None,
    [ex("这些主要的云服务商都在积极研发自家的 AI 芯片,这将直接与 Nvidia 的 GPU 形成竞争")],
    topics=[T.CHIPS, T.CLOUD],
    companies=["nvidia", "amazon", "microsoft", "google"],
    parent=P1,
)

# 2 ------------------------------------------------------------------------
P2 = "stability-ai-collapse-2024"
pred(
    P2,
    "Stability AI is not far from going under: under mounting pressure, the troubled "
    "company is expected finally to collapse and shut down in 2024.",
    H.LIKELY,
    NEXT_YEAR,
    [
        ex("2. Stability AI 离倒闭不远。"),
        ex("我们预计,明年这家深陷困境的公司将在不断增长的压力下最终崩溃并关闭。"),
    ],
    topics=[T.STARTUPS, T.FUNDING],
    companies=["stability-ai"],
    number=2,
)
pred(
    "stability-ai-intel-money-runs-out-2024",
    "At Stability AI's rate of spending, Intel's $50M investment is unlikely to last until "
    "the end of 2024.",
    H.LIKELY,
    BY_END_2024,
    [ex("以这种速度消耗资金,5000 万美元的投资恐怕难以撑到 2024 年底。")],
    topics=[T.STARTUPS, T.FUNDING],
    companies=["stability-ai", "intel"],
    parent=P2,
    note="恐怕难以 ('is afraid it can hardly') rendered as 'unlikely'.",
)

# 3 ------------------------------------------------------------------------
P3 = "llm-term-fades-2024"
pred(
    P3,
    "The terms 'large language model' and 'LLM' will gradually fade from use, as AI "
    "models become increasingly multimodal and the terms grow less accurate.",
    H.CERTAIN,
    y2024_context(
        "the column's predictions are for 2024 (title); the section "
        "dates its expectation '到了 2024 年'"
    ),
    [ex("3. “大语言模型”和“LLM”将逐渐淡出人们的视野。")],
    topics=[T.TERMINOLOGY, T.MULTIMODAL],
    number=3,
)
pred(
    "ai-model-terminology-diversifies-2024",
    "In 2024, as models become more multidimensional, the terms used to describe them will "
    "become richer and more varied.",
    H.CERTAIN,
    TimeSpan(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "2024", text="到了 2024 年"),
    [ex("到了 2024 年,随着我们的模型变得越来越多维化,描述它们的术语也将随之丰富和多元化。")],
    topics=[T.TERMINOLOGY, T.MULTIMODAL],
    parent=P3,
)

# 4 ------------------------------------------------------------------------
P4 = "closed-models-stay-ahead-2024"
pred(
    P4,
    "The most advanced closed, commercial models will continue to outperform the best "
    "open-source models by a meaningful margin in 2024 and beyond.",
    H.CERTAIN,
    TimeSpan(
        D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "2024 and beyond", text="到 2024 年甚至之后"
    ),
    [
        ex("4. 最先进的商业闭源模型将持续显著领先于最先进的开源模型。"),
        ex("我们预测,到 2024 年甚至之后,最顶尖的封闭模型仍将在性能上显著超越最好的开放模型。"),
    ],
    topics=[T.OPEN_SOURCE, T.SCALING],
    companies=["openai", "google-deepmind", "anthropic", "cohere", "meta", "mistral-ai"],
    number=4,
    note="The horizon is '2024 and beyond'; the span covers 2024, the label says 'and beyond'.",
)
pred(
    "open-models-catch-up-soon",
    "Open-source advocates believe the performance gap between closed and open models is "
    "narrowing, and predict that open models will soon catch up with closed ones, possibly "
    "as early as 2024.",
    H.POSSIBLE,
    NEXT_YEAR,
    [ex("他们甚至预测开放模型很快就会在性能上赶超封闭模型,可能在明年就实现")],
    topics=[T.OPEN_SOURCE],
    attributed_to="many open-source advocates",
    parent=P4,
    note="A counter-prediction that the column rejects ('我们对此持有不同看法').",
)
pred(
    "mistral-open-gpt4-class-model-2024",
    "Mistral has recently said it will open-source a GPT-4-class model at some point in 2024.",
    H.CERTAIN,
    TimeSpan(
        D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "some time in 2024", text="2024 年某时"
    ),
    [ex("Mistral 最近声称,它将在 2024 年某时开源一个与 GPT-4 同等级别的模型")],
    topics=[T.OPEN_SOURCE],
    companies=["mistral-ai"],
    made_by=["mistral-ai"],
    made=RECENTLY,
    parent=P4,
)
pred(
    "mistral-model-year-behind",
    "By the time Mistral releases its GPT-4-class open model, it will very likely be more "
    "than a year behind the state of the art (OpenAI released GPT-4 in early 2023).",
    H.LIKELY,
    BY_THEN_2024,
    [ex("等到 Mistral 推出这款新模型时,它很可能已经落后于行业发展趋势超过一年。")],
    topics=[T.OPEN_SOURCE],
    companies=["mistral-ai", "openai"],
    parent=P4,
)
pred(
    "openai-gpt45-or-gpt5-by-then",
    "By then OpenAI may already have released GPT-4.5 or even GPT-5, opening a new era of "
    "performance.",
    H.POSSIBLE,
    BY_THEN_2024,
    [ex("届时,OpenAI 可能已经推出了 GPT-4.5 甚至 GPT-5,从而开启了一个全新的性能时代。")],
    topics=[T.SCALING],
    companies=["openai"],
    parent=P4,
)
pred(
    "gpt45-before-end-2023-rumour",
    "According to rumours, GPT-4.5 might even be released before the end of 2023.",
    H.POSSIBLE,
    BY_END_2023,
    [ex("(有传闻称 GPT-4.5 甚至可能在 2023 年末之前推出。)")],
    topics=[T.SCALING],
    companies=["openai"],
    attributed_to="rumours (unnamed)",
    parent=P4,
)
pred(
    "open-models-not-surpass-closed-2024",
    "In 2024 it will not be easy for open models to surpass closed models in performance.",
    H.LIKELY,
    TimeSpan(D(2024, 1, 1), D(2024, 12, 31), Precision.YEAR, "2024", text="2024 年"),
    [ex("2024 年,开放模型在性能上超越封闭模型似乎并不容易。")],
    topics=[T.OPEN_SOURCE, T.SCALING],
    parent=P4,
    note="似乎并不容易 ('does not seem easy') rendered as hedge 'likely'. The reason the text "
    "gives (huge and rising cost of frontier models) is frontier-model-costs-keep-rising.",
)
pred(
    "frontier-model-costs-keep-rising",
    "New models that push the state of the art need huge investment, and the cost will rise "
    "further as model capabilities improve.",
    H.CERTAIN,
    None,
    [ex("推进最先进技术的新模型所需的投资巨大,随着模型能力的提升,所需成本将进一步增加。")],
    topics=[T.SCALING, T.COMPUTE],
    parent=P4,
    note="A cost-trend claim with no rate or level, so a Prediction and not a ComputeTrend. "
    "The next sentence's estimate (about $2B for GPT-5) is the Statistic "
    "openai-gpt5-development-cost; the text does not present it as a level of this trend. "
    "The document gives no time for this forecast.",
)
pred(
    "meta-unlikely-to-open-source-frontier-model",
    "The column doubts that Meta, a listed company answerable to shareholders, would spend "
    "nearly $2B on an industry-leading AI model and then open-source it for free with no "
    "clear return.",
    H.LIKELY,
    None,
    [
        ex(
            "但 Meta 真的会投资近 20 亿美元去开发一个业界领先的 AI 模型,然后无偿开源,不期待任何明确的投资回报吗?"
        )
    ],
    topics=[T.OPEN_SOURCE, T.BUSINESS_MODEL],
    companies=["meta"],
    parent=P4,
    note="Put as a rhetorical question ('Meta 真的会…吗?'); the implied forecast is that Meta "
    "would not do so, hedged 'likely' (a rhetorical question states doubt, not certainty). "
    "The nearly $2B is hypothetical, so it is not a Statistic.",
)
pred(
    "mistral-and-others-drop-open-source",
    "The column has a hunch that, as Mistral and other companies spend more money on more "
    "powerful models, they may gradually abandon open source and charge for their most "
    "advanced models as proprietary products.",
    H.POSSIBLE,
    None,
    [
        ex(
            "我们有种预感,随着 Mistral 等公司投入更多资金开发更强大的 AI 模型,他们或许会逐渐放弃开源立场,转而将最先进的模型作为专利产品进行收费。"
        ),
        ex("即使 Mistral 拥有数十亿美元用于开发超越 OpenAI 的新模型,它真的会选择无偿分享这一成果吗?"),
    ],
    topics=[T.OPEN_SOURCE, T.BUSINESS_MODEL],
    companies=["mistral-ai"],
    parent=P4,
    note="The rhetorical question about Mistral (with a hypothetical 数十亿美元, not a "
    "Statistic) leads up to the hunch; hedge from 我们有种预感 / 或许.",
)
pred(
    "open-source-key-role-ai-adoption",
    "Open-source models will play a key role in the spread of AI over the next few years.",
    H.CERTAIN,
    NEXT_FEW_YEARS,
    [ex("相反,我们认为开源模型在未来几年 AI 的普及中将扮演关键角色。")],
    topics=[T.OPEN_SOURCE, T.APPLICATIONS],
    parent=P4,
)
pred(
    "frontier-ai-systems-stay-proprietary",
    "The most advanced systems, those that push the limits of AI, will continue to remain "
    "proprietary.",
    H.CERTAIN,
    None,
    [ex("然而,我们预见那些最先进、能推动 AI 极限的系统,将继续保持专有状态。")],
    topics=[T.OPEN_SOURCE],
    parent=P4,
)
pred(
    "open-model-hosting-price-war",
    "Offering hosting services for open-source models ends up in fierce price competition, "
    "as recently seen with Mistral's Mixtral; open-sourcing foundation models has no clear "
    "business model.",
    H.CERTAIN,
    None,
    [
        ex(
            "例如,提供开源模型的托管服务,最终会陷入激烈的价格竞争,就像我们近日见到的 Mistral 推出的 Mixtral 模型一样。"
        )
    ],
    topics=[T.OPEN_SOURCE, T.BUSINESS_MODEL, T.MARKETS],
    companies=["mistral-ai"],
    parent=P4,
    note="A general claim (最终会, 'ends up') illustrated by Mixtral, rather than a dated forecast.",
)

# 5 ------------------------------------------------------------------------
P5 = "chief-ai-officers-2024"
pred(
    P5,
    "Many Fortune 500 companies will create the position of Chief AI Officer; appointing "
    "one to lead a company's AI programme is expected to be a common strategy of large "
    "companies in 2024.",
    H.LIKELY,
    NEXT_YEAR,
    [
        ex("5. 许多财富 500 强公司将新设首席人工智能官职位。"),
        ex(
            "我们预计,明年大型企业普遍采取的策略之一将是任命一位“首席人工智能官”来领导公司的 AI 项目。"
        ),
    ],
    topics=[T.LEADERSHIP, T.TALENT, T.CORPORATE_GOVERNANCE],
    number=5,
    note="The headline says 将 (will), the body 我们预计 (we expect); hedge 'likely' follows "
    "the body.",
)
pred(
    "us-government-400-chief-ai-officers",
    "President Biden's recent executive order on AI requires US federal agencies to appoint "
    "Chief AI Officers, which means the US government will add over 400 Chief AI Officers in "
    "the coming months.",
    H.CERTAIN,
    COMING_MONTHS,
    [
        ex(
            "拜登总统近期的 AI 行政命令要求美国各联邦政府机构任命首席人工智能官,这意味着未来几个月内,美国政府将新增超过 400 名首席 AI 官。"
        )
    ],
    topics=[T.POLICY, T.LEADERSHIP, T.TALENT],
    companies=["us-federal-government"],
    parent=P5,
)
pred(
    "chief-ai-officer-trend-gains-momentum",
    "Given the similar trend under way in government, the chief-AI-officer trend will gain "
    "even more momentum in the corporate world.",
    H.CERTAIN,
    y2024_context("part of prediction 5, whose horizon is 明年 (2024)"),
    [ex("鉴于政府领域正在进行的相似趋势,这一潮流在企业界将获得更大的势头。")],
    topics=[T.LEADERSHIP, T.CORPORATE_GOVERNANCE],
    parent=P5,
)
pred(
    "chief-ai-officer-signal-of-seriousness",
    "Creating a Chief AI Officer role will become a popular way for companies to show "
    "publicly that they take AI seriously (whether such roles add long-term value is another "
    "question).",
    H.CERTAIN,
    y2024_context("part of prediction 5, whose horizon is 明年 (2024)"),
    [ex("设置首席人工智能官的职位,将成为公司对外展示其对 AI 认真态度的流行方式。")],
    topics=[T.LEADERSHIP, T.CORPORATE_GOVERNANCE],
    parent=P5,
)

# 6 ------------------------------------------------------------------------
P6 = "transformer-alternatives-gain-traction-2024"
pred(
    P6,
    "Alternatives to the Transformer architecture will gain recognition and grow in importance.",
    H.CERTAIN,
    y2024_context(
        "the column's predictions are for 2024 (title); the section says 明年 (next year, 2024)"
    ),
    [ex("6. 替代 Transformer 架构的新兴技术将获得认可并愈发重要。")],
    topics=[T.ARCHITECTURE],
    companies=["stanford-chris-re-lab", "mit", "sakana-ai"],
    number=6,
    note="Examples the section names: the sub-quadratic architectures S4, Monarch Mixer and "
    "Hyena from Chris Ré's Stanford lab, and Mamba, released by two of Ré's students 上月 "
    "(November 2023); separately, MIT's liquid neural networks, and the start-up Sakana AI "
    "(led by one of the Transformer's co-inventors), mentioned in a recent report as "
    "looking for Transformer alternatives. Only the Ré-lab architectures are called "
    "sub-quadratic.",
)
pred(
    "alternative-architecture-breakthrough-2024",
    "In 2024 one or more of these new architectures (such as Mamba) will break through and "
    "begin to be widely adopted, moving from research novelty to reliable production "
    "alternatives.",
    H.CERTAIN,
    NEXT_YEAR,
    [
        ex(
            "我们预测,明年将有一种或多种这类新架构实现突破,并开始被广泛采用,它们将从仅仅是新奇的研究领域的产物转变为在实际生产中可靠的 AI 替代方案。"
        )
    ],
    topics=[T.ARCHITECTURE],
    parent=P6,
)
pred(
    "transformers-not-disappear-2024",
    "The column does not think Transformers will disappear in 2024: they are an important "
    "foundation on which the world's most important AI systems are built.",
    H.LIKELY,
    Y2024,
    [ex("我们并不认为 Transformer 在 2024 年就会退出历史舞台。")],
    topics=[T.ARCHITECTURE],
    parent=P6,
    note="我们并不认为 ('we do not think') rendered as hedge 'likely'. It answers the "
    "commentators' 'end of the Transformer era' (debate transformer-era-ending).",
)
pred(
    "mamba-ends-transformer-era",
    "Some commentators think Mamba marks 'the end of the Transformer era'.",
    H.CERTAIN,
    None,
    [ex("一些评论员 甚至认为它标志着“Transformer 时代的结束”")],
    topics=[T.ARCHITECTURE],
    attributed_to="some commentators",
    parent=P6,
    note="Reported view of unnamed commentators on Mamba, released 上月 by two of Chris Ré's "
    "students; the column does not share it (transformers-not-disappear-2024).",
)
pred(
    "transformer-alternatives-in-applications-2024",
    "In 2024, advanced alternatives to the Transformer will be integrated into real-world AI "
    "applications.",
    H.CERTAIN,
    Y2024,
    [ex("然而,我们预测,在 2024 年将会有 Transformer 的先进替代品集成到现实世界 AI 应用中。")],
    topics=[T.ARCHITECTURE, T.APPLICATIONS],
    parent=P6,
)

# 7 ------------------------------------------------------------------------
P7 = "regulators-scrutinize-cloud-ai-investments-2024"
pred(
    P7,
    "Regulators will closely scrutinise cloud providers' strategic investments in AI "
    "start-ups and the accounting questions they raise; the near-absence of regulatory "
    "scrutiny will change in 2024.",
    H.CERTAIN,
    Y2024,
    [
        ex("7. 监管机构将严格审查云服务提供商对 AI 创业公司的战略投资及其带来的会计问题。"),
        ex("但这一情况将在 2024 年发生改变。"),
    ],
    topics=[T.REGULATION, T.FUNDING, T.CLOUD, T.STARTUPS],
    companies=["microsoft", "amazon", "alphabet", "nvidia"],
    number=7,
)
pred(
    "sec-scrutiny-round-tripping-2024",
    "The US SEC is expected to scrutinise 'round-tripping' in AI investments more closely in 2024.",
    H.LIKELY,
    NEXT_YEAR,
    [ex("预计明年美国证券交易委员会(SEC)将对 AI 投资中的“返程投资”进行更加严格的审查")],
    topics=[T.REGULATION, T.FUNDING, T.CLOUD],
    companies=["us-sec"],
    parent=P7,
)
pred(
    "round-tripping-deals-decline-2024",
    "SEC scrutiny may lead to a sharp fall in the number and size of such round-tripping deals.",
    H.POSSIBLE,
    y2024_context("part of the SEC forecast for 明年 (2024)"),
    [ex("并可能导致此类交易的数量和规模大幅下降")],
    topics=[T.REGULATION, T.FUNDING, T.CLOUD],
    companies=["us-sec"],
    parent=P7,
)
pred(
    "ai-funding-impact-2024",
    "Because cloud providers have been the main source of capital behind the generative-AI "
    "boom, this could significantly affect the overall AI fundraising environment in 2024.",
    H.POSSIBLE,
    Y2024,
    [
        ex(
            "鉴于云服务提供商一直是推动生成式 AI (generative AI) 热潮的主要资本来源,这可能对 2024 年整体 AI 筹资环境产生重大影响。"
        )
    ],
    topics=[T.FUNDING, T.STARTUPS, T.CLOUD],
    parent=P7,
)
pred(
    "round-tripping-shapes-competition",
    "These investments, touching a grey area of accounting rules, will have a major impact on "
    "the future competitive landscape of AI.",
    H.CERTAIN,
    None,
    [
        ex(
            "这类投资触及了会计规则中的一个模糊区域。虽然这听起来像是一个深奥的议题,但它将对 AI 领域的未来竞争格局产生重大影响。"
        )
    ],
    topics=[T.FUNDING, T.CLOUD, T.MARKETS],
    parent=P7,
)

# 8 ------------------------------------------------------------------------
P8 = "microsoft-openai-rift-2024"
pred(
    P8,
    "The Microsoft/OpenAI relationship will face challenges: the partnership between the "
    "two may run into problems in 2024, and signs of friction are already appearing.",
    H.POSSIBLE,
    NEXT_YEAR,
    [
        ex("8. Microsoft/OpenAI 关系将面临挑战。"),
        ex("预测 #8: Microsoft 与 OpenAI 的合作关系将开始出现裂痕。"),
        ex("我们预测,明年这两个科技巨头之间的合作关系可能会出现问题。"),
        ex("比如,Microsoft 近期就宣布与 OpenAI 的竞争对手 Cohere 达成合作。"),
        ex("面对运营 OpenAI 模型所需的高昂成本,Microsoft 同时也在内部投资小型语言模型的 AI 研究,例如Phi-2。"),
    ],
    topics=[T.PARTNERSHIPS, T.CORPORATE_GOVERNANCE],
    companies=["microsoft", "openai", "cohere"],
    number=8,
    note="The headline and the restatement under the title say 将 (will); the body's forecast "
    "hedges with 可能 (may), and the hedge follows the body. Signs of friction the text gives: "
    "Microsoft recently announced a partnership with OpenAI's competitor Cohere (no investment "
    "or amount stated, so no FundingRound), and, given the high cost of running OpenAI's "
    "models, Microsoft is investing internally in research on small language models such as "
    "Phi-2 (internal research spending, not a FundingRound).",
)
pred(
    "openai-competes-with-microsoft-for-customers",
    "As OpenAI aggressively expands its enterprise business, it will increasingly compete "
    "directly with Microsoft for customers.",
    H.CERTAIN,
    y2024_context("part of prediction 8, whose horizon is 明年 (2024)"),
    [ex("随着 OpenAI 积极扩展其企业业务,它将日益直接与 Microsoft 在客户争夺战中展开竞争。")],
    topics=[T.PARTNERSHIPS, T.MARKETS],
    companies=["openai", "microsoft"],
    parent=P8,
)
pred(
    "ai-safety-issues-become-hot-topics",
    "In the long run, as AI grows more powerful, questions of AI safety, risk, regulation and "
    "public accountability will become hot topics.",
    H.CERTAIN,
    None,
    [
        ex(
            "放眼长远,随着 AI 技术的不断壮大,围绕 AI 安全、风险、监管以及公众问责等方面的问题将成为热点议题。"
        )
    ],
    topics=[T.REGULATION, T.POLICY],
    parent=P8,
    note="The document gives no date, only 放眼长远 ('in the long run').",
)
pred(
    "microsoft-openai-diverge-on-safety",
    "Given their different cultures, values and histories, Microsoft and OpenAI are likely to "
    "diverge in their philosophy and approach to these AI safety, risk, regulation and "
    "accountability questions.",
    H.LIKELY,
    None,
    [
        ex(
            "鉴于两家公司不同的文化背景、价值观念和发展历程,它们在处理这些问题的理念和方法上很可能会出现分歧。"
        )
    ],
    topics=[T.PARTNERSHIPS, T.REGULATION, T.CORPORATE_GOVERNANCE],
    companies=["microsoft", "openai"],
    parent=P8,
    note="The document gives no date, only the paragraph's 放眼长远 ('in the long run').",
)
pred(
    "microsoft-openai-symbiosis-wont-last",
    "The current mutually beneficial coexistence of Microsoft and OpenAI is unlikely to last "
    "forever.",
    H.LIKELY,
    None,
    [ex("目前,这两个组织互利共存。但这种状态不太可能永久持续。")],
    topics=[T.PARTNERSHIPS],
    companies=["microsoft", "openai"],
    parent=P8,
)

# 9 ------------------------------------------------------------------------
P9 = "ai-hype-shifts-to-crypto-2024"
pred(
    P9,
    "Some of the AI hype and herd behaviour will flow back to cryptocurrency, a trend "
    "expected to continue in 2024; the enthusiasm and direction of venture capitalists may "
    "shift quickly.",
    H.POSSIBLE,
    Y2024,
    [
        ex("9. 2023 年将从人工智能的炒作和跟风现象中回流到加密货币,这一趋势预计将在 2024 年继续。"),
        ex("然而一年时间足够发生很多变化,风险投资家们的热情和方向也可能迅速转变。"),
    ],
    topics=[T.CRYPTO, T.FUNDING, T.MARKETS],
    number=9,
    note="The translated headline is garbled: it literally says '2023 will flow back from AI "
    "hype and herd behaviour to crypto, a trend expected to continue in 2024'. The statement "
    "follows the sense of the section (VCs' enthusiasm returning from AI to crypto). The "
    "headline says 预计 (expected); the body hedges with 可能 (may) and puts its concrete "
    "forecast as conditional (vcs-return-to-crypto-2024); the hedge follows the body.",
)
pred(
    "crypto-bull-cycle-coming",
    "Another big crypto bull cycle will inevitably come, as in 2013, 2017 and 2021.",
    H.CERTAIN,
    None,
    [ex("就像过去在 2013 年、2017 年和 2021 年那样,另一个大的牛市循环是必然会到来的。")],
    topics=[T.CRYPTO, T.MARKETS],
    parent=P9,
)
pred(
    "bitcoin-upswing-drives-crypto-hype",
    "We may be in a major bitcoin upswing; if so, it will bring a great deal of crypto "
    "activity and hype.",
    H.CONDITIONAL,
    y2024_context("part of prediction 9, whose horizon is 2024"),
    [
        ex(
            "我们可能正处于一次比特币的重大上涨趋势中,一旦这成为现实,将带动大量的加密货币活动和炒作。"
        )
    ],
    topics=[T.CRYPTO, T.MARKETS],
    parent=P9,
    condition="if the possible major bitcoin upswing turns out to be real",
)
pred(
    "vcs-return-to-crypto-2024",
    "If crypto asset prices rebound strongly in 2024, some of the well-known VCs, "
    "entrepreneurs and technologists now all-in on AI (many deeply involved in crypto in the "
    "2021-2022 bull market) will return to crypto, just as they turned to AI this year.",
    H.CONDITIONAL,
    NEXT_YEAR,
    [
        ex(
            "如果明年加密资产价格强劲回升,可以预见,他们中的一些人将重返加密货币领域,正如他们今年转向人工智能领域一样。"
        )
    ],
    topics=[T.CRYPTO, T.FUNDING, T.TALENT],
    parent=P9,
    condition="if crypto asset prices rebound strongly in 2024",
)

# 10 -----------------------------------------------------------------------
P10 = "us-court-copyright-infringement-2024"
pred(
    P10,
    "At least one US court will rule that generative AI models trained on the internet "
    "infringe copyright (the body: 'don't be surprised' if, in 2024, at least one US court "
    "rules that models such as GPT-4 and Midjourney do so), and that the companies building them "
    "are liable to the owners of the intellectual property used in training; the question "
    "will gradually make its way up to the US Supreme Court.",
    H.POSSIBLE,
    NEXT_YEAR,
    [
        ex(
            "10. 至少有一个美国法院将裁决互联网上训练的生成式 AI 模型侵犯了版权。这个问题将逐渐升级到美国最高法院审理。"
        ),
        ex(
            "因此,不要惊讶明年会有至少一家美国法院裁决,认为像 GPT-4 和 Midjourney 这样的生成式 AI(Generative AI)模型确实违反了版权法,而且开发这些模型的公司需要对模型训练所依赖的知识产权的所有者承担责任。"
        ),
    ],
    topics=[T.COPYRIGHT, T.LITIGATION, T.DATA],
    companies=["openai", "midjourney"],
    number=10,
    note="The headline says 将 (will); the body puts the 2024 ruling as 'don't be surprised "
    "if' (不要惊讶), and the hedge follows the body. The Supreme Court part, unhedged (将) in "
    "the body too, is copyright-question-reaches-supreme-court.",
)
pred(
    "genai-copyright-liability-risk",
    "Training leading generative AI models on large amounts of copyrighted content could "
    "create enormous legal liability and even change the economics of the whole industry.",
    H.POSSIBLE,
    None,
    [ex("这一事实可能引发巨大法律责任,甚至改变整个行业的经济模式。")],
    topics=[T.COPYRIGHT, T.LITIGATION, T.BUSINESS_MODEL],
    parent=P10,
)
pred(
    "other-us-courts-find-fair-use",
    "Other US courts, in other jurisdictions and on different facts, are likely to reach the "
    "opposite conclusion: that generative AI models are protected by fair use.",
    H.LIKELY,
    None,
    [
        ex(
            "在其他司法区域,面临不同的案件事实,其他美国法院很可能得出完全相反的结论:生成式 AI 模型受到“合理使用”原则的保护。"
        )
    ],
    topics=[T.COPYRIGHT, T.LITIGATION],
    parent=P10,
)
pred(
    "copyright-question-reaches-supreme-court",
    "The question will gradually rise to the US Supreme Court, which will eventually give a "
    "definitive ruling.",
    H.CERTAIN,
    None,
    [ex("这个问题将逐渐上升至美国最高法院,最终获得决定性的法律定论。")],
    topics=[T.COPYRIGHT, T.LITIGATION],
    companies=["us-supreme-court"],
    parent=P10,
)
pred(
    "no-supreme-court-ruling-2024",
    "There will probably be no Supreme Court ruling on the question in 2024 ('do not expect' "
    "one): the path to the Supreme "
    "Court is long and winding.",
    H.LIKELY,
    NEXT_YEAR,
    [ex("(通往该国最高法院的路径漫长且曲折,不要期待明年就能有最高法院对此问题的裁决。)")],
    topics=[T.COPYRIGHT, T.LITIGATION],
    companies=["us-supreme-court"],
    parent=P10,
    note="Put as 'do not expect' (不要期待) a ruling next year, rendered as hedge 'likely'.",
)
pred(
    "copyright-litigation-and-settlements",
    "In the meantime there will be a flood of lawsuits and many settlement negotiations, with "
    "lawyers around the world busy with the complexities of case law.",
    H.CERTAIN,
    None,
    [
        ex(
            "在此期间,将会爆发大量诉讼,进行许多和解谈判,世界各地的律师将忙于应对各种案例法的复杂情况。"
        )
    ],
    topics=[T.COPYRIGHT, T.LITIGATION],
    parent=P10,
    note="The document gives no date, only 在此期间 ('in the meantime', i.e. until the "
    "Supreme Court rules).",
)
pred(
    "billions-depend-on-copyright-outcomes",
    "Billions of dollars will hinge on the outcomes of these lawsuits.",
    H.CERTAIN,
    None,
    [ex("数十亿美元的资金走向将取决于这些诉讼的结果。")],
    topics=[T.COPYRIGHT, T.LITIGATION],
    parent=P10,
)

# --------------------------------------------------------------------------
# Funding rounds
# --------------------------------------------------------------------------

FK, FS, IR = FundingKind, FundingStatus, InvestorRole
NV_SENTENCE = ex(
    "此外,Nvidia 作为今年全球最活跃的 AI 投资者,对包括 Cohere、Inflection、Hugging Face、Mistral、CoreWeave、Inceptive、AI21 Labs 和 Imbue 等多家使用其 GPU 的 AI 创业公司进行了投资。"
)

funding_rounds = [
    FundingRound(
        "stability-ai-100m-round-2022",
        "stability-ai",
        "In 2022, Coatue and Lightspeed led Stability AI's $100M funding round.",
        FK.ROUND,
        FS.CLOSED,
        (ex("去年,Coatue 和 Lightspeed 这两家公司领投了 Stability 的 1 亿美元融资轮。"),),
        investors=(
            Investment("coatue", IR.LEAD),
            Investment("lightspeed-venture-partners", IR.LEAD),
        ),
        amount=usd("100000000"),
        date=LAST_YEAR,
        note="The document adds that both investors are said to have since left Stability's "
        "board after disagreements with CEO Emad Mostaque.",
    ),
    FundingRound(
        "stability-ai-4b-valuation-attempt-2023",
        "stability-ai",
        "Earlier in 2023, Stability AI tried to raise more money at a $4B valuation but failed.",
        FK.ROUND,
        FS.FAILED,
        (ex("今年早些时候,公司曾试图以 40 亿美元的估值筹集更多资金,但最终未能成功。"),),
        valuation=usd("4000000000"),
        date=EARLIER_THIS_YEAR,
    ),
    FundingRound(
        "stability-ai-intel-50m-2023",
        "stability-ai",
        "Stability AI raised $50M from Intel (in October 2023), extending its runway; for Intel "
        "the investment is said to reflect its wish to win a marquee customer for its new AI "
        "chips.",
        FK.INVESTMENT,
        FS.CLOSED,
        (ex("该公司从 Intel 筹集到 5000 万美元资金"), ex("在 10 月份 Intel 投资的时候")),
        investors=(Investment("intel", IR.SOLE),),
        amount=usd("50000000"),
        date=OCTOBER,
    ),
    FundingRound(
        "openai-microsoft-10b-2023",
        "openai",
        "Microsoft invested $10B in OpenAI in January 2023.",
        FK.INVESTMENT,
        FS.CLOSED,
        (ex("Microsoft 在一月投资了 100 亿美元给 OpenAI"),),
        investors=(Investment("microsoft", IR.SOLE),),
        amount=usd("10000000000"),
        date=JANUARY,
    ),
    FundingRound(
        "inflection-ai-1-3b-2023",
        "inflection-ai",
        "In June 2023 Microsoft led a $1.3B investment in Inflection.",
        FK.ROUND,
        FS.CLOSED,
        (ex("然后在六月又领头对 Inflection 投入了 13 亿美元"),),
        investors=(Investment("microsoft", IR.LEAD),),
        amount=usd("1300000000"),
        date=JUNE,
        note="Other participants are not named in the document.",
    ),
    FundingRound(
        "anthropic-amazon-4b-2023",
        "anthropic",
        "In autumn 2023 Amazon announced it would invest up to $4B in Anthropic.",
        FK.INVESTMENT,
        FS.ANNOUNCED,
        (ex("随后在秋季,Amazon宣布将对 Anthropic 投资高达 40 亿美元。"),),
        investors=(Investment("amazon", IR.SOLE),),
        amount=usd("4000000000", Qualifier.UP_TO),
        date=AUTUMN,
    ),
    FundingRound(
        "anthropic-alphabet-2b-2023",
        "anthropic",
        "Soon after Amazon's announcement, Alphabet announced plans to invest up to $2B in "
        "Anthropic.",
        FK.INVESTMENT,
        FS.ANNOUNCED,
        (ex("紧接着,Alphabet 也宣布计划向同一家公司投资高达 20 亿美元。"),),
        investors=(Investment("alphabet", IR.SOLE),),
        amount=usd("2000000000", Qualifier.UP_TO),
        date=LATE_2023_AFTER_AUTUMN,
    ),
    FundingRound(
        "openai-microsoft-total-2023",
        "openai",
        "To date Microsoft has invested over $10B in OpenAI.",
        FK.TOTAL,
        FS.CLOSED,
        (ex("迄今,Microsoft 已向 OpenAI 投入超过 100 亿美元。"),),
        investors=(Investment("microsoft", IR.SOLE),),
        amount=usd("10000000000", Qualifier.OVER),
        date=TO_DATE,
        note="A cumulative total; it includes the January 2023 $10B investment "
        "(openai-microsoft-10b-2023).",
    ),
]

NV_DATE = TimeSpan(
    D(2023, 1, 1),
    D(2023, 12, 31),
    Precision.YEAR,
    "2023",
    Certainty.INFERRED,
    text="今年",
    reason="今年 ('this year', Nvidia as this year's most active AI investor) resolved against "
    "the publication year 2023",
)
for cid, name in [
    ("cohere", "Cohere"),
    ("inflection-ai", "Inflection"),
    ("hugging-face", "Hugging Face"),
    ("mistral-ai", "Mistral"),
    ("coreweave", "CoreWeave"),
    ("inceptive", "Inceptive"),
    ("ai21-labs", "AI21 Labs"),
    ("imbue", "Imbue"),
]:
    funding_rounds.append(
        FundingRound(
            f"{cid}-nvidia-2023",
            cid,
            f"Nvidia, described as the world's most active AI investor in 2023, invested in "
            f"{name}, one of several AI start-ups using its GPUs (amount not stated).",
            FK.INVESTMENT,
            FS.CLOSED,
            (NV_SENTENCE,),
            investors=(Investment("nvidia", IR.SOLE),),
            date=NV_DATE,
        )
    )

# --------------------------------------------------------------------------
# Debates
# --------------------------------------------------------------------------

debates = [
    Debate(
        "open-vs-closed-models-2024",
        "开放模型会在性能上赶超封闭模型吗?",
        "Will open(-source) models catch up with the best closed models in performance "
        "(possibly in 2024)?",
        SRC,
        (
            Position(
                Stance.YES,
                "Many open-source advocates think the performance gap between closed and open "
                "models is narrowing, and predict open models will soon catch up, possibly next "
                "year (2024).",
                ex(
                    "然而,许多开源支持者认为封闭和开放模型之间的性能差距正在逐渐缩小,他们甚至预测开放模型很快就会在性能上赶超封闭模型,可能在明年就实现。"
                ),
                "open-source advocates",
            ),
            Position(
                Stance.NO,
                "The column disagrees: the best closed models will still clearly outperform the "
                "best open models in 2024 and beyond, because frontier models need huge and "
                "rising investment and open-sourcing them has no clear business model.",
                ex(
                    "然而,我们对此持有不同看法。我们预测,到 2024 年甚至之后,最顶尖的封闭模型仍将在性能上显著超越最好的开放模型。"
                ),
                "the column's authors",
            ),
        ),
        (ex("在当下的 AI 领域讨论中,开源与闭源 AI 模型的辩论成为了一个重要话题。"),),
        topics=frozenset({T.OPEN_SOURCE, T.SCALING, T.BUSINESS_MODEL}),
        note="Meta and Mistral are said to publish their latest model weights, but the document "
        "gives no stance of theirs on whether open models will catch up, so they have no "
        "Position.",
    ),
    Debate(
        "genai-copyright-fair-use",
        "美国法院会裁决在互联网上训练的生成式 AI 模型侵犯版权(而非属于“合理使用”)吗?",
        "Will US courts rule that generative AI models trained on internet data infringe "
        "copyright, rather than being protected by fair use?",
        SRC,
        (
            Position(
                Stance.MIXED,
                "The column predicts that at least one US court may well rule in 2024 that models "
                "such as GPT-4 and Midjourney infringe copyright and that their makers are "
                "liable, while other US courts are likely to find fair use; it says both sides "
                "have reasonable arguments.",
                ex(
                    "因此,不要惊讶明年会有至少一家美国法院裁决,认为像 GPT-4 和 Midjourney 这样的生成式 AI(Generative AI)模型确实违反了版权法,而且开发这些模型的公司需要对模型训练所依赖的知识产权的所有者承担责任。"
                ),
                "the column's authors",
            ),
            Position(
                Stance.UNCERTAIN,
                "Peter Henderson notes that machine-learning people may not know the details of "
                "fair use, and that courts have ruled fair use does not apply in some high-profile "
                "cases closely resembling AI outputs; he says the outcome of litigation in this "
                "area is still very uncertain.",
                ex(
                    "“机器学习领域的人可能不太了解合理使用的细节,同时,法院已经裁定一些备受关注的实际案例不适用于合理使用,而这些案例与 AI 输出的作品非常相似,”斯坦福研究员彼得·亨德森指出。“目前,这个领域的诉讼结果还很不确定。”"
                ),
                "Stanford researcher Peter Henderson",
                speaker="peter-henderson",
                affiliation="斯坦福研究员",
                organization="stanford-university",
            ),
        ),
        (
            ex("这些问题的答案将取决于法院如何解释一个关键的法律概念——“合理使用”。"),
            ex("在这个问题上,双方都有其合理的论据和论点。"),
        ),
        topics=frozenset({T.COPYRIGHT, T.LITIGATION, T.DATA}),
        note="The column's stance is mixed: it expects at least one court to find infringement "
        "and other courts likely to find fair use, until the Supreme Court decides.",
    ),
    Debate(
        "transformer-era-ending",
        "Mamba 是否标志着“Transformer 时代的结束”?",
        "Does Mamba (and the rise of sub-quadratic alternatives) mark 'the end of the "
        "Transformer era'?",
        SRC,
        (
            Position(
                Stance.YES,
                "Some commentators go as far as to say that Mamba marks 'the end of the "
                "Transformer era'.",
                ex("一些评论员 甚至认为它标志着“Transformer 时代的结束”"),
                "some commentators",
            ),
            Position(
                Stance.MIXED,
                "The column does not think Transformers will disappear in 2024, as the world's "
                "most important AI systems are built on them, but predicts that advanced "
                "alternatives will be integrated into real-world AI applications in 2024.",
                ex("我们并不认为 Transformer 在 2024 年就会退出历史舞台。"),
                "the column's authors",
            ),
        ),
        (ex("这引发了 AI 研究界的极大关注,一些评论员 甚至认为它标志着“Transformer 时代的结束”。"),),
        topics=frozenset({T.ARCHITECTURE}),
        note="The question is framed from the commentators' phrase; the column answers it in "
        "the section's last paragraph.",
    ),
    Debate(
        "cloud-ai-investments-round-tripping",
        "云服务商对 AI 创业公司的投资是否构成“返程投资(round-tripping)”,让其确认了本不该确认的收入?",
        "Are cloud providers' investments in AI start-ups 'round-tripping' that lets them book "
        "revenue they should not?",
        SRC,
        (
            Position(
                Stance.MIXED,
                "The column says not every such deal is true round-tripping (it depends on "
                "whether the start-up must spend the money on the investor's products) and the "
                "Microsoft-OpenAI and Amazon-Anthropic contracts are not public, but that in at "
                "least some cases cloud providers may have booked revenue they should not have.",
                ex("但至少在某些情况下,云服务提供商可能通过这些投资确认了本不该确认的收入。"),
                "the column's authors",
            ),
        ),
        (
            ex(
                "这种被称为“返程投资(round-tripping)”(资金被投出后又迅速回流)的交易模式,今年在硅谷的领导者们中引起了不小的关注,比如风险资本家 Bill Gurley 就对此发表了看法。"
            ),
            ex("并非所有提及的交易都确实是真正的“返程投资” (round-tripping)。"),
        ),
        topics=frozenset({T.FUNDING, T.CLOUD, T.REGULATION, T.STARTUPS}),
        note="Bill Gurley is said to have commented on round-tripping, but the document does "
        "not say what his view is, so he has no Position.",
    ),
]

# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------

statistics = [
    Statistic(
        "stability-ai-monthly-spend-2023",
        "At the time of Intel's October 2023 investment, Stability AI was reportedly spending "
        "$8M a month, with revenue only a small fraction of that.",
        usd("8000000"),
        (
            ex(
                "在 10 月份 Intel 投资的时候,据报道,Stability 每月的支出高达 800 万美元,而其收入仅占很小一部分。"
            ),
        ),
        date=OCTOBER,
        companies=("stability-ai",),
        topics=frozenset({T.STARTUPS}),
        cites="unnamed reports (据报道)",
        note="Per month. 高达 here stresses the size of a reported figure, not a ceiling, so the "
        "qualifier is exact.",
    ),
    Statistic(
        "openai-gpt5-development-cost",
        "OpenAI's cost of developing GPT-5 is estimated at about $2B.",
        usd("2000000000", Qualifier.ABOUT),
        (ex("据估计,OpenAI 开发 GPT-5 的花费约为 20 亿美元。"),),
        companies=("openai",),
        topics=frozenset({T.SCALING, T.COMPUTE}),
        cites="an unnamed estimate (据估计)",
    ),
    Statistic(
        "meta-llama-2-cost",
        "Meta reportedly spent about $20M to build Llama 2.",
        usd("20000000", Qualifier.ABOUT),
        (ex("据悉,Meta 构建 Llama 2 的成本约为 2000 万美元"),),
        companies=("meta",),
        topics=frozenset({T.OPEN_SOURCE, T.SCALING}),
        cites="unnamed (据悉)",
    ),
    Statistic(
        "microsoft-market-value-2023",
        "Microsoft's market value is $2.7 trillion.",
        usd("2700000000000"),
        (ex("Microsoft 的市值高达 2.7 万亿美元"),),
        date=NOW,
        companies=("microsoft",),
        topics=frozenset({T.MARKETS}),
        note="高达 here stresses the size, not a ceiling, so the qualifier is exact.",
    ),
    Statistic(
        "microsoft-second-largest-company-2023",
        "Microsoft is the world's second-largest company.",
        Quantity(Decimal("2"), "rank"),
        (ex("作为全球第二大公司"),),
        date=NOW,
        companies=("microsoft",),
        topics=frozenset({T.MARKETS}),
        note="A rank among the world's companies (by market value, as the same sentence suggests).",
    ),
    Statistic(
        "bitcoin-price-start-2023",
        "At the start of 2023 the bitcoin price was under $17,000.",
        usd("17000", Qualifier.LESS_THAN),
        (ex("比特币的价格自年初的不到 $17,000 起"),),
        date=START_OF_YEAR,
        topics=frozenset({T.CRYPTO, T.MARKETS}),
    ),
    Statistic(
        "bitcoin-price-september-2023",
        "In September 2023 the bitcoin price was $25,000.",
        usd("25000"),
        (ex("从 9 月的 $25,000 涨至今日的 $40,000 以上"),),
        date=SEPTEMBER,
        topics=frozenset({T.CRYPTO, T.MARKETS}),
    ),
    Statistic(
        "bitcoin-price-december-2023",
        "Today (December 2023) the bitcoin price is above $40,000, after rising sharply in "
        "recent months.",
        usd("40000", Qualifier.OVER),
        (ex("从 9 月的 $25,000 涨至今日的 $40,000 以上"),),
        date=TODAY,
        topics=frozenset({T.CRYPTO, T.MARKETS}),
    ),
    Statistic(
        "us-government-chief-ai-officers-count",
        "Under President Biden's AI executive order, the US government will add over 400 "
        "Chief AI Officers in the coming months.",
        Quantity(Decimal("400"), "officers", Qualifier.OVER),
        (ex("这意味着未来几个月内,美国政府将新增超过 400 名首席 AI 官"),),
        date=COMING_MONTHS,
        companies=("us-federal-government",),
        topics=frozenset({T.POLICY, T.LEADERSHIP}),
        note="A forecast figure; the forecast itself is also the prediction "
        "us-government-400-chief-ai-officers.",
    ),
    Statistic(
        "genai-copyright-litigation-stakes",
        "Billions of dollars will hinge on the outcomes of the generative-AI copyright lawsuits.",
        usd("1000000000", Qualifier.SEVERAL),
        (ex("数十亿美元的资金走向将取决于这些诉讼的结果。"),),
        topics=frozenset({T.COPYRIGHT, T.LITIGATION}),
        note="数十亿美元 ('billions of dollars'): an order of magnitude only. A forecast figure; "
        "the forecast itself is also the prediction billions-depend-on-copyright-outcomes.",
    ),
]

# --------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------

conv = make_converter()
kinds = {
    "sources": sources,
    "companies": companies,
    "people": people,
    "predictions": predictions,
    "funding_rounds": funding_rounds,
    "compute_trends": [],
    "debates": debates,
    "statistics": statistics,
}
for kind, records in kinds.items():
    doc = {"kind": kind, "records": [conv.unstructure(r) for r in records], "schema_version": 1}
    (HERE / f"{kind}.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(kind, len(records))
