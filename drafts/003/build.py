"""Build the draft records for source 003 (refining-large-models).

Run from /work/main:  PYTHONPATH=src /work/venv/bin/python drafts/003/build.py

Every excerpt is located by searching the document for its quote; no offset
is typed by hand.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal as D
from pathlib import Path

import pendulum

from aiforecasts import clean_text
from aiforecasts._convert import make_converter
from aiforecasts._model import (
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
)

HERE = Path(__file__).resolve().parent
FILE = "003_42aa6c5b11485348.txt"
SEED = HERE.parents[2] / "shared" / "seeds" / FILE
BLOB = SEED.read_bytes()
SHA = hashlib.sha256(BLOB).hexdigest()
assert SHA == "b001ef779f9c132b892737cfcd12e6d90b5075db98ea382cddecf33d4ba58984", SHA
DOC = BLOB.decode("utf-8")
SRC = "refining-large-models"


def ex(quote: str, occurrence: int = 0) -> Excerpt:
    """The excerpt for *quote*; it must occur exactly once unless *occurrence* is given."""
    starts = []
    pos = DOC.find(quote)
    while pos != -1:
        starts.append(pos)
        pos = DOC.find(quote, pos + 1)
    if not starts:
        raise ValueError(f"quote not found: {quote!r}")
    if occurrence == 0 and len(starts) != 1:
        raise ValueError(f"quote occurs {len(starts)} times: {quote!r}")
    start = starts[occurrence]
    end = start + len(quote)
    assert DOC[start:end] == quote
    return Excerpt(SRC, start, end, quote, clean_text(quote))


def span(start, end, precision, label, certainty=Certainty.STATED, relation=TimeRelation.IN,
         text=None, reason=None) -> TimeSpan:
    s = pendulum.parse(start).date()
    e = pendulum.parse(end).date()
    return TimeSpan(pendulum.Date(s.year, s.month, s.day), pendulum.Date(e.year, e.month, e.day),
                    precision, label, certainty, relation, text, reason)


def year(y: int, text: str | None = None) -> TimeSpan:
    return span(f"{y}-01-01", f"{y}-12-31", Precision.YEAR, str(y), text=text)


def usd(amount: str, qualifier: Qualifier = Qualifier.EXACT, high: str | None = None) -> Money:
    return Money(D(amount), Currency.USD, qualifier, D(high) if high else None)


def qty(value: str, unit: str, qualifier: Qualifier = Qualifier.EXACT, high: str | None = None) -> Quantity:
    return Quantity(D(value), unit, qualifier, D(high) if high else None)


T = Topic

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

PUB = span(
    "2024-04-11", "2024-05-31", Precision.SEASON, "spring 2024 (after 11 April)",
    Certainty.INFERRED,
    reason=(
        "The document states no publication date. Its latest dated facts are market values "
        "'数据截至2024年4月11日', Jassy's shareholder letter '(2024.4)', and '今年一季度' spoken of "
        "as over, so it was published after 2024-04-11; placed in late spring 2024 (to 2024-05-31; "
        "that end date is an assumption, not in the text). "
        "Precision 'season': the window is about seven weeks, wider than 'days'."
    ),
)
Y2023 = span(
    "2023-01-01", "2023-12-31", Precision.YEAR, "2023", Certainty.INFERRED,
    text="去年", reason="去年 resolved against the publication year 2024",
)
Q1_2024 = span(
    "2024-01-01", "2024-03-31", Precision.QUARTER, "Q1 2024", Certainty.INFERRED,
    text="今年一季度", reason="今年一季度 resolved against the publication year 2024",
)


# --------------------------------------------------------------------------
# Source
# --------------------------------------------------------------------------

sources = [
    Source(
        id=SRC,
        file=FILE,
        sha256=SHA,
        title="炼大模型,大炼模型",
        title_en="Refining large models, refining models at scale",
        script=Script.HANS,
        published=PUB,
        excerpts=(
            ex("炼大模型,大炼模型"),
            ex("本文来自微信公众号:腾讯研究院 (ID:cyberlawrc),作者:闫德利"),
            ex("数据截至2024年4月11日"),
            ex("亚马逊CEO贾西致股东信(2024.4)"),
            ex("今年一季度"),
        ),
        outlet="tencent-research-institute",
        author="yan-deli",
        note=(
            "Published through Tencent Research Institute's WeChat official account (ID cyberlawrc), "
            "as its last line states; no URL and no publication date in the text (date inferred, see "
            "published.reason). The document refers to charts and a table (funding 2019-2023, "
            "compute of milestone ML systems, Hugging Face dataset languages, MacroPolo talent "
            "distribution, market values of China's ten largest internet companies, CNKI article "
            "counts) whose contents are not in the text."
        ),
    )
]

# --------------------------------------------------------------------------
# Companies
# --------------------------------------------------------------------------

C = OrgKind
companies = [
    Company("tencent", "Tencent", C.COMPANY, (ex("本文来自微信公众号:腾讯研究院"),),
            name_hans="腾讯", country="CN",
            note="Named only as part of 腾讯研究院 (Tencent Research Institute), its research unit."),
    Company("tencent-research-institute", "Tencent Research Institute", C.LAB,
            (ex("本文来自微信公众号:腾讯研究院 (ID:cyberlawrc)"),),
            name_hans="腾讯研究院", aliases=("TRI",), country="CN", parent="tencent",
            note="The document is published through its WeChat official account, ID cyberlawrc."),
    Company("cb-insights", "CB Insights", C.RESEARCH_FIRM, (ex("来源:CB Insight,"),),
            aliases=("CB Insight",), country="US",
            note="The document writes 'CB Insight' (without the final s)."),
    Company("dealroom", "Dealroom.co", C.RESEARCH_FIRM, (ex("(来源:Dealroom.co)"),),
            aliases=("Dealroom",), country="NL"),
    Company("crunchbase", "Crunchbase", C.RESEARCH_FIRM, (ex("(来源:Crunchbase)"),), country="US"),
    Company("openai", "OpenAI", C.STARTUP,
            (ex("OpenAI、Anthropic(2笔)和Inflection AI三家GenAI公司占据了4个"),), country="US"),
    Company("anthropic", "Anthropic", C.STARTUP,
            (ex("OpenAI、Anthropic(2笔)和Inflection AI三家GenAI公司占据了4个"),), country="US"),
    Company("inflection-ai", "Inflection AI", C.STARTUP,
            (ex("OpenAI、Anthropic(2笔)和Inflection AI三家GenAI公司占据了4个"),),
            aliases=("Inflection",), country="US"),
    Company("microsoft", "Microsoft", C.COMPANY, (ex("主要投资者是微软、亚马逊、谷歌和英伟达等巨头"),),
            name_hans="微软", aliases=("MSFT",), country="US"),
    Company("amazon", "Amazon", C.COMPANY, (ex("主要投资者是微软、亚马逊、谷歌和英伟达等巨头"),),
            name_hans="亚马逊", country="US"),
    Company("google", "Google", C.COMPANY, (ex("主要投资者是微软、亚马逊、谷歌和英伟达等巨头"),),
            name_hans="谷歌", country="US",
            note="Parent Alphabet is not named in this document, so no parent is set here."),
    Company("nvidia", "Nvidia", C.COMPANY, (ex("主要投资者是微软、亚马逊、谷歌和英伟达等巨头"),),
            name_hans="英伟达", aliases=("NVIDIA",), country="US"),
    Company("moonshot-ai", "Moonshot AI", C.STARTUP, (ex("月之暗面10亿美元A轮融资"),),
            name_hans="月之暗面", country="CN"),
    Company("minimax", "MiniMax", C.STARTUP, (ex("MiniMax 6亿美元融资"),), country="CN"),
    Company("us-government", "United States government", C.GOVERNMENT,
            (ex("实际上美国政府也高度重视"),), name_hans="美国政府", aliases=("US government",),
            country="US"),
    Company("white-house", "The White House", C.GOVERNMENT,
            (ex("美国白宫发布《国家人工智能研发战略计划》(2016)"),),
            name_hans="白宫", aliases=("美国白宫", "White House"), country="US"),
    Company("ostp", "White House Office of Science and Technology Policy", C.GOVERNMENT,
            (ex("美国白宫科技政策办公室(OSTP)"),),
            name_hans="白宫科技政策办公室", aliases=("OSTP", "美国白宫科技政策办公室",
                                            "Office of Science and Technology Policy"),
            country="US", parent="white-house"),
    Company("select-committee-on-ai", "Select Committee on Artificial Intelligence", C.GOVERNMENT,
            (ex("相继设置了人工智能特别委员会(2018)"),),
            name_hans="人工智能特别委员会", aliases=("Select Committee on AI",), country="US",
            parent="ostp",
            note="The document says OSTP set it up in 2018 (hence parent ostp, as the text frames it)."),
    Company("national-ai-initiative-office", "National Artificial Intelligence Initiative Office",
            C.GOVERNMENT, (ex("国家人工智能倡议办公室(2021)"),),
            name_hans="国家人工智能倡议办公室", aliases=("National AI Initiative Office", "NAIIO"),
            country="US", parent="ostp",
            note="The document says OSTP set it up in 2021."),
    Company("cyberspace-administration-of-china", "Cyberspace Administration of China", C.GOVERNMENT,
            (ex("根据国家互联网信息办公室《数字中国发展报告(2022年)》"),),
            name_hans="国家互联网信息办公室", aliases=("CAC", "国家网信办"), country="CN",
            note="Cited as publisher of 《数字中国发展报告(2022年)》 (Digital China Development Report 2022)."),
    Company("the-decoder", "THE DECODER", C.MEDIA, (ex("根据THE DECODER披露(2023)"),),
            aliases=("The Decoder",), country="DE"),
    Company("new-street-research", "New Street Research", C.RESEARCH_FIRM,
            (ex("来源:New Street Research,2023"),)),
    Company("hugging-face", "Hugging Face", C.STARTUP, (ex("在Hugging Face的高质量数据集中"),),
            country="US"),
    Company("oecd", "OECD", C.INTERNATIONAL, (ex("(来源:OECD,2023)"),),
            aliases=("Organisation for Economic Co-operation and Development",)),
    Company("macropolo", "MacroPolo", C.NONPROFIT, (ex("根据MacroPolo数据(2024)"),), country="US"),
    Company("us-census-bureau", "US Census Bureau", C.GOVERNMENT, (ex("来源:人口普查局,2024"),),
            name_hans="人口普查局", aliases=("Census Bureau", "United States Census Bureau"),
            country="US",
            note="The text says only 人口普查局; it is cited for the AI adoption rate of US firms."),
    Company("finbold", "Finbold", C.MEDIA, (ex("(来源:Finbold)"),)),
    Company("github", "GitHub", C.COMPANY, (ex("微软的GitHub Copilot也采用会员订阅模式"),),
            country="US", parent="microsoft"),
    Company("wall-street-journal", "The Wall Street Journal", C.MEDIA, (ex("来源:华尔街日报,2023.10"),),
            name_hans="华尔街日报", aliases=("Wall Street Journal", "WSJ"), country="US"),
    Company("xueqiu", "Xueqiu", C.COMPANY, (ex("来源:根据雪球财经数据整理"),),
            name_hans="雪球财经", aliases=("雪球", "Snowball Finance"), country="CN",
            note="Cited (as 雪球财经) for the market-value data of China's ten largest internet companies."),
    Company("andreessen-horowitz", "Andreessen Horowitz", C.INVESTOR, (ex("根据A16Z(2023)的数据"),),
            aliases=("A16Z", "a16z"), country="US"),
    Company("cnki", "CNKI", C.COMPANY, (ex("在中国知网上"),),
            name_hans="中国知网", aliases=("China National Knowledge Infrastructure",), country="CN"),
]

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

DART = ex("达特茅斯会议的主要参与者就曾作出大胆预言")
DART_ROLE = "principal participant of the Dartmouth Conference"
people = [
    Person("yan-deli", "闫德利", "Yan Deli",
           (ex("作者:闫德利"),),
           roles=(Role("author (article on Tencent Research Institute's WeChat account)", SRC, "作者",
                       "tencent-research-institute"),)),
    Person("jaime-sevilla", "Jaime Sevilla", "Jaime Sevilla",
           (ex("根据Jaime Sevilla等人的研究(2022)"), ex("Sevilla J, Heim L, Ho A, et al.")),
           aliases=("Sevilla J",),
           note="Lead author of 'Compute trends across three eras of machine learning' (2022), as cited."),
    Person("lennart-heim", "Heim L", "Lennart Heim", (ex("Sevilla J, Heim L, Ho A, et al."),),
           note="Named only as 'Heim L' in the citation; the given name is not in the text."),
    Person("anson-ho", "Ho A", "Anson Ho", (ex("Sevilla J, Heim L, Ho A, et al."),),
           note="Named only as 'Ho A' in the citation; the given name is not in the text."),
    Person("joseph-schumpeter", "熊彼特", "Joseph Schumpeter",
           (ex("不管把多大数量的马车连续相加,也决不能得到一条铁路(熊彼特,1934)"),),
           aliases=("Schumpeter",),
           note="Quoted (1934): adding up any number of horse carriages (马车) in succession never gives a railway."),
    Person("andrew-yao", "姚期智", "Andrew Yao",
           (ex("其中只有一名华人——姚期智(2000)"), ex("自1966年以来,全世界共有77人获得图灵奖")),
           aliases=("Andrew Chi-Chih Yao", "Yao Qizhi"),
           roles=(Role("Turing Award laureate (2000), the only ethnic Chinese laureate", SRC,
                       "图灵奖"),)),
    Person("allen-newell", "艾伦·纽厄尔", "Allen Newell",
           (ex("1958年,艾伦·纽厄尔和赫伯特·西蒙(两人共同获得1975图灵奖)"), DART),
           roles=(Role("Turing Award co-laureate (1975)", SRC, "1975图灵奖"),
                  Role(DART_ROLE, SRC, "达特茅斯会议的主要参与者"))),
    Person("herbert-simon", "赫伯特·西蒙", "Herbert Simon",
           (ex("1958年,艾伦·纽厄尔和赫伯特·西蒙(两人共同获得1975图灵奖)"),
            ex("赫伯特·西蒙(1978年诺贝尔经济学奖获得者)"), DART),
           aliases=("Herbert A. Simon",),
           roles=(Role("Turing Award co-laureate (1975)", SRC, "1975图灵奖"),
                  Role("Nobel laureate in economics (1978)", SRC, "1978年诺贝尔经济学奖获得者"),
                  Role(DART_ROLE, SRC, "达特茅斯会议的主要参与者"))),
    Person("marvin-minsky", "马文·闵斯基", "Marvin Minsky",
           (ex("马文·闵斯基(1969图灵奖获得者)"), DART),
           roles=(Role("Turing Award laureate (1969)", SRC, "1969图灵奖获得者"),
                  Role(DART_ROLE, SRC, "达特茅斯会议的主要参与者"))),
    Person("irad-kimhi", "Irad Kimhi", "Irad Kimhi",
           (ex("“综观世界经济史,工业革命是唯一一件大事”(Irad Kimhi,2006)"),),
           note="Cited (2006) for the line that the industrial revolution is the only big event in world economic history."),
    Person("xie-yun", "谢耘", "Xie Yun", (ex("谢耘(2023)对其评价是"),)),
    Person("jensen-huang", "黄仁勋", "Jensen Huang", (ex("黄仁勋(2023.2):ChatGPT是"),),
           note="The document gives no title or affiliation for him."),
    Person("bill-gates", "比尔·盖茨", "Bill Gates", (ex("比尔·盖茨在《The Age of AI has begun》(2023.3)中表示"),),
           note="The document gives no title or affiliation; it cites his essay 'The Age of AI has begun' (2023.3)."),
    Person("andy-jassy", "贾西", "Andy Jassy", (ex("亚马逊CEO贾西致股东信(2024.4)"),),
           roles=(Role("CEO", SRC, "CEO", "amazon"),)),
    Person("arnold-toynbee", "阿诺德·汤因比", "Arnold Toynbee",
           (ex("术语“Industrial Revolution”才在阿诺德·汤因比的推动下为大众所知"),),
           note="Credited with popularising the term 'Industrial Revolution'."),
    Person("david-landes", "戴维·兰德斯", "David Landes",
           (ex("到1969年戴维·兰德斯《不受束缚的普罗米修斯》才标准化了其学术定义"),),
           note="His 《不受束缚的普罗米修斯》 (The Unbound Prometheus, 1969) standardised the academic definition of the Second Industrial Revolution, per the text."),
    Person("barack-obama", "奥巴马", "Barack Obama", (ex("在奥巴马时期"),),
           note="Named only to date the 2016 US National AI R&D Strategic Plan ('在奥巴马时期'); no title stated."),
    Person("donald-trump", "特朗普", "Donald Trump", (ex("特朗普时期(2019)"),),
           note="Named only to date the 2019 update of the plan ('特朗普时期'); no title stated."),
    Person("joe-biden", "拜登", "Joe Biden", (ex("拜登时期(2023)"),),
           note="Named only to date the 2023 update of the plan ('拜登时期'); no title stated."),
]

# --------------------------------------------------------------------------
# Funding rounds
# --------------------------------------------------------------------------

TOP5 = ex("去年美国前5大风险投资中,OpenAI、Anthropic(2笔)和Inflection AI三家GenAI公司占据了4个,"
          "融资额分别高达100亿美元、40亿美元、20亿美元和13亿美元")
INVESTORS = ex("主要投资者是微软、亚马逊、谷歌和英伟达等巨头(来源:Crunchbase)")
TOP5_NOTE = (
    "One of the four GenAI deals among the top 5 US venture rounds of 2023 (source: Crunchbase); "
    "amounts are matched to companies by the order of '分别'. The text names the investors only "
    "collectively ('主要投资者是微软、亚马逊、谷歌和英伟达等巨头'), without pairing them with a round, "
    "so no investors are recorded. '高达' here is emphatic ('as much as'), not a ceiling, so the "
    "amount is recorded as exact."
)
Q1_NOTE = "One of the global top three GenAI venture deals of Q1 2024, two of which went to China; no investors named."
funding_rounds = [
    FundingRound("openai-10b-2023", "openai",
                 "OpenAI raised $10 billion in 2023, one of the five largest US venture deals of the year.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (TOP5, INVESTORS),
                 amount=usd("10000000000"), date=Y2023, note=TOP5_NOTE),
    FundingRound("anthropic-4b-2023", "anthropic",
                 "Anthropic raised $4 billion in 2023, one of its two deals among the five largest US venture deals of the year.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (TOP5, INVESTORS),
                 amount=usd("4000000000"), date=Y2023, note=TOP5_NOTE),
    FundingRound("anthropic-2b-2023", "anthropic",
                 "Anthropic raised $2 billion in 2023, the other of its two deals among the five largest US venture deals of the year.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (TOP5, INVESTORS),
                 amount=usd("2000000000"), date=Y2023, note=TOP5_NOTE),
    FundingRound("inflection-ai-1-3b-2023", "inflection-ai",
                 "Inflection AI raised $1.3 billion in 2023, one of the five largest US venture deals of the year.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (TOP5, INVESTORS),
                 amount=usd("1300000000"), date=Y2023, note=TOP5_NOTE),
    FundingRound("moonshot-ai-series-a-q1-2024", "moonshot-ai",
                 "Moonshot AI (月之暗面) raised a $1 billion Series A round in Q1 2024, one of the three largest GenAI venture deals worldwide that quarter.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (ex("月之暗面10亿美元A轮融资"),),
                 amount=usd("1000000000"), date=Q1_2024, round_name="Series A", note=Q1_NOTE),
    FundingRound("minimax-600m-q1-2024", "minimax",
                 "MiniMax raised $600 million in Q1 2024, one of the three largest GenAI venture deals worldwide that quarter.",
                 FundingKind.ROUND, FundingStatus.CLOSED, (ex("MiniMax 6亿美元融资"),),
                 amount=usd("600000000"), date=Q1_2024, note=Q1_NOTE),
    FundingRound("openai-total-funding-11-3b", "openai",
                 "Since its founding OpenAI has consumed $11.3 billion of funding, against cumulative revenue of under $2 billion.",
                 FundingKind.TOTAL, FundingStatus.CLOSED,
                 (ex("自成立以来的收入累计不足20亿美元(来源:Finbold),却耗费了113亿美元融资"),),
                 amount=usd("11300000000"),
                 note="Cumulative since founding ('自成立以来'); the text says the funding was spent ('耗费'). No date span is given beyond 'since founding'."),
]

# --------------------------------------------------------------------------
# Compute trends
# --------------------------------------------------------------------------

SEVILLA = "Sevilla J, Heim L, Ho A, et al. Compute trends across three eras of machine learning. 2022"
SEV_CITE = ex("来源:Sevilla J, Heim L, Ho A, et al. Compute trends across three eras of machine learning. 2022.")
compute_trends = [
    ComputeTrend(
        "training-compute-doubling-pre-deep-learning",
        "In the pre-deep-learning era (1952–2009) the training compute of machine-learning systems doubled every 21.3 months, in line with Moore's law.",
        Metric.TRAINING_COMPUTE, Growth(GrowthKind.DOUBLING_TIME, D("21.3")),
        (ex("在前深度学习时代(1952-2009),算力需求每21.3个月翻一番,符合摩尔定律"), SEV_CITE),
        period=span("1952-01-01", "2009-12-31", Precision.YEARS, "1952–2009"),
        claimed_by=("jaime-sevilla", "lennart-heim", "anson-ho"), cites=SEVILLA,
        note="The text says 算力需求 (compute demand); the chart caption makes it the training compute of milestone ML systems (里程碑机器学习系统的训练算力需求).",
    ),
    ComputeTrend(
        "training-compute-doubling-deep-learning",
        "In the deep-learning era (2010–2022) the training compute of machine-learning systems accelerated to a doubling every 5.6 months.",
        Metric.TRAINING_COMPUTE, Growth(GrowthKind.DOUBLING_TIME, D("5.6")),
        (ex("在深度学习时代(2010-2022),算力需求加快到每5.6个月翻一番"), SEV_CITE),
        period=span("2010-01-01", "2022-12-31", Precision.YEARS, "2010–2022"),
        claimed_by=("jaime-sevilla", "lennart-heim", "anson-ho"), cites=SEVILLA,
        note="The text says 算力需求 (compute demand); the chart caption makes it the training compute of milestone ML systems (里程碑机器学习系统的训练算力需求).",
    ),
]

# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------

MP = ex("根据MacroPolo数据(2024)")
statistics = [
    Statistic("genai-deal-count-growth-2023",
              "The number of generative-AI venture deals grew 66% in 2023, against a global venture-capital slump.",
              qty("66", "percent"),
              (ex("去年的融资笔数和融资额分别增长66%和400%(来源:CB Insight,如下图所示)"),),
              date=Y2023, topics=frozenset({T.FUNDING, T.STARTUPS}), cites="CB Insight",
              note="The chart caption ('2019-2023年全球GenAI的融资笔数和融资额') makes this global GenAI funding. The text writes 'CB Insight' for CB Insights."),
    Statistic("genai-funding-amount-growth-2023",
              "The amount of generative-AI venture funding grew 400% in 2023.",
              qty("400", "percent"),
              (ex("去年的融资笔数和融资额分别增长66%和400%(来源:CB Insight,如下图所示)"),),
              date=Y2023, topics=frozenset({T.FUNDING, T.STARTUPS}), cites="CB Insight",
              note="Global GenAI funding, per the chart caption. The text writes 'CB Insight' for CB Insights."),
    Statistic("genai-funding-top-sector-2023",
              "Generative AI ranked first among all sectors by venture funding amount in 2023.",
              qty("1", "rank"),
              (ex("融资额高居所有细分领域第一位(来源:Dealroom.co)"),),
              date=Y2023, topics=frozenset({T.FUNDING, T.STARTUPS}), cites="Dealroom.co"),
    Statistic("us-top5-vc-deals-genai-2023",
              "Four of the five largest US venture deals of 2023 went to three GenAI companies: OpenAI, Anthropic (two deals) and Inflection AI.",
              qty("4", "deals"), (TOP5,), date=Y2023,
              companies=("openai", "anthropic", "inflection-ai"),
              topics=frozenset({T.FUNDING, T.STARTUPS}), cites="Crunchbase"),
    Statistic("china-top3-genai-vc-deals-q1-2024",
              "China accounted for two of the world's three largest GenAI venture deals in Q1 2024 (Moonshot AI and MiniMax).",
              qty("2", "deals"),
              (ex("今年一季度,全球前三大GenAI风险投资中,我国占其二"),), date=Q1_2024,
              companies=("moonshot-ai", "minimax"), topics=frozenset({T.FUNDING, T.STARTUPS})),
    Statistic("china-genai-registered-models",
              "117 large models have passed China's national generative-AI service filing (registration).",
              qty("117", "models"),
              (ex("已有117个大模型通过国家生成式人工智能服务备案"),),
              date=span("2024-04-11", "2024-05-31", Precision.SEASON, "as of publication (spring 2024)",
                        Certainty.INFERRED, text="已有",
                        reason="'已有' (so far) read as of the document's publication, spring 2024"),
              topics=frozenset({T.REGULATION, T.POLICY})),
    Statistic("us-national-ai-rd-strategic-plan-strategies",
              "The US National AI R&D Strategic Plan, issued by the White House in 2016 and updated in 2019 and 2023, comprises 9 strategies: long-term investment, human–AI collaboration, ethics, safety, datasets, evaluation standards, talent, public–private partnership and international cooperation.",
              qty("9", "strategies"),
              (ex("在奥巴马时期,美国白宫发布《国家人工智能研发战略计划》(2016),特朗普时期(2019)和拜登时期(2023)分别对其进行了更新,从而形成了9大战略——长期投资、人和AI协作、伦理、安全、数据集、评估标准、人才、公私合作、国际合作"),),
              date=span("2016-01-01", "2023-12-31", Precision.YEARS, "2016–2023 (issued 2016, updated 2019 and 2023)"),
              companies=("white-house",), topics=frozenset({T.POLICY})),
    Statistic("gpt-4-training-compute",
              "According to THE DECODER (2023), GPT-4's FLOPs — which the document glosses as floating-point operations per second — reached 2.15×10^25.",
              qty("21500000000000000000000000", "FLOP"),
              (ex("根据THE DECODER披露(2023),GPT-4的每秒浮点运算次数(FLOPs)达到2.15×10^25"),),
              companies=("openai",), topics=frozenset({T.COMPUTE, T.SCALING}), cites="THE DECODER (2023)",
              note="The document calls the figure '每秒浮点运算次数(FLOPs)' (floating-point operations per second). That is wrong: 2.15×10^25 is a total count of floating-point operations for training, not a rate per second (no system performs 10^25 operations a second, and the sentence pairs it with the cost of one training run). Kept as stated; unit recorded as total FLOP."),
    Statistic("gpt-4-training-cost",
              "One training run of GPT-4 cost $63 million.",
              usd("63000000"),
              (ex("一次训练成本6300万美元"),),
              companies=("openai",), topics=frozenset({T.COMPUTE}), cites="THE DECODER (2023)"),
    Statistic("nvidia-ml-gpu-share",
              "Nvidia holds a 95% share of the market for machine-learning GPUs.",
              qty("95", "percent"),
              (ex("在机器学习图形处理器领域,英伟达占有95%的市场份额(来源:New Street Research,2023)"),),
              companies=("nvidia",), topics=frozenset({T.CHIPS, T.MARKETS}), cites="New Street Research, 2023"),
    Statistic("china-data-output-2022",
              "China produced 8.1 ZB of data in 2022.",
              qty("8.1", "ZB"),
              (ex("2022年我国数据产量8.1ZB"),), date=year(2022),
              topics=frozenset({T.DATA}),
              cites="国家互联网信息办公室《数字中国发展报告(2022年)》 (Cyberspace Administration of China, Digital China Development Report 2022)"),
    Statistic("china-data-global-share-2022",
              "China's data output was 10.5% of the world total in 2022, ranking second in the world.",
              qty("10.5", "percent"),
              (ex("全球占比10.5%,位居世界第二"),), date=year(2022),
              topics=frozenset({T.DATA}),
              cites="国家互联网信息办公室《数字中国发展报告(2022年)》 (Cyberspace Administration of China, Digital China Development Report 2022)"),
    Statistic("china-data-output-rank-2022",
              "China ranked second in the world by data output in 2022.",
              qty("2", "rank"),
              (ex("全球占比10.5%,位居世界第二"),), date=year(2022),
              topics=frozenset({T.DATA}),
              cites="国家互联网信息办公室《数字中国发展报告(2022年)》 (Cyberspace Administration of China, Digital China Development Report 2022)"),
    Statistic("hugging-face-datasets-english-share",
              "English accounts for 37.7% of Hugging Face's high-quality datasets, ranking first among languages.",
              qty("37.7", "percent"),
              (ex("在Hugging Face的高质量数据集中,英语以37.7%的比重位居第一位"),),
              companies=("hugging-face",), topics=frozenset({T.DATA}), cites="OECD, 2023"),
    Statistic("hugging-face-datasets-english-rank",
              "English ranks first among languages in Hugging Face's high-quality datasets.",
              qty("1", "rank"),
              (ex("英语以37.7%的比重位居第一位"),),
              companies=("hugging-face",), topics=frozenset({T.DATA}), cites="OECD, 2023"),
    Statistic("hugging-face-datasets-chinese-share",
              "Chinese accounts for only 3.2% of Hugging Face's high-quality datasets, tied ninth with Polish.",
              qty("3.2", "percent"),
              (ex("中文仅占3.2%,和波兰语并列第九(来源:OECD,2023)"),),
              companies=("hugging-face",), topics=frozenset({T.DATA}), cites="OECD, 2023"),
    Statistic("hugging-face-datasets-chinese-rank",
              "Chinese ranks ninth among languages in Hugging Face's high-quality datasets, tied with Polish.",
              qty("9", "rank"),
              (ex("中文仅占3.2%,和波兰语并列第九(来源:OECD,2023)"),),
              companies=("hugging-face",), topics=frozenset({T.DATA}), cites="OECD, 2023",
              note="A tie (并列第九), shared with Polish."),
    Statistic("turing-award-laureates-since-1966",
              "77 people worldwide have received the Turing Award since 1966.",
              qty("77", "people"),
              (ex("自1966年以来,全世界共有77人获得图灵奖"),),
              date=span("1966-01-01", "2024-05-31", Precision.YEARS, "since 1966",
                        Certainty.INFERRED, TimeRelation.SINCE, text="自1966年以来",
                        reason="start stated (1966); the end is the latest possible publication date, as the count is as of the document"),
              topics=frozenset({T.TALENT}),
),
    Statistic("turing-award-chinese-laureates",
              "Only one of the Turing Award laureates is ethnic Chinese: Andrew Yao (2000).",
              qty("1", "people"),
              (ex("其中只有一名华人——姚期智(2000)"),),
              date=span("1966-01-01", "2024-05-31", Precision.YEARS, "since 1966",
                        Certainty.INFERRED, TimeRelation.SINCE, text="自1966年以来 … 其中",
                        reason="'其中' (of them) refers to the 77 laureates since 1966; the end is the latest possible publication date"),
              topics=frozenset({T.TALENT})),
    Statistic("top-ai-researchers-origin-china",
              "China is the country of origin of 26% of the world's most elite (top 2%) AI researchers, second and close behind the US.",
              qty("26", "percent"),
              (ex("全球最顶级(前2%)AI研究人员的原籍国中,我国以26%的比例逼近美国(28%),位居第二位"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top-ai-researchers-origin-china-rank",
              "By country of origin of the world's most elite (top 2%) AI researchers, China ranks second, behind the US.",
              qty("2", "rank"),
              (ex("我国以26%的比例逼近美国(28%),位居第二位"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top-ai-researchers-origin-us",
              "The US is the country of origin of 28% of the world's most elite (top 2%) AI researchers.",
              qty("28", "percent"),
              (ex("全球最顶级(前2%)AI研究人员的原籍国中,我国以26%的比例逼近美国(28%)"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top20-ai-researchers-origin-china",
              "China is the country of origin of 47% of top-tier (top 20%) AI researchers, far ahead of the US.",
              qty("47", "percent"),
              (ex("在顶级(前20%)AI研究人员的原籍国中,我国有47%,远超美国(18%)"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top20-ai-researchers-origin-us",
              "The US is the country of origin of 18% of top-tier (top 20%) AI researchers.",
              qty("18", "percent"),
              (ex("在顶级(前20%)AI研究人员的原籍国中,我国有47%,远超美国(18%)"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top-ai-researchers-employment-china",
              "China employs only 12% of the world's most elite (top 2%) AI researchers, second but far behind the US.",
              qty("12", "percent"),
              (ex("在最顶级(前2%)AI研究人员的就业国家中,我国仍位居第二,但仅有12%,远落后于美国(57%)"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top-ai-researchers-employment-china-rank",
              "By country of employment of the world's most elite (top 2%) AI researchers, China still ranks second, far behind the US.",
              qty("2", "rank"),
              (ex("在最顶级(前2%)AI研究人员的就业国家中,我国仍位居第二"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("top-ai-researchers-employment-us",
              "The US employs 57% of the world's most elite (top 2%) AI researchers.",
              qty("57", "percent"),
              (ex("在最顶级(前2%)AI研究人员的就业国家中,我国仍位居第二,但仅有12%,远落后于美国(57%)"), MP),
              topics=frozenset({T.TALENT}), cites="MacroPolo (2024)"),
    Statistic("us-firms-ai-adoption-rate",
              "Only 5.4% of US firms have adopted AI.",
              qty("5.4", "percent"),
              (ex("美国企业的AI采用率仅有5.4%(来源:人口普查局,2024)"),),
              topics=frozenset({T.APPLICATIONS}), cites="人口普查局 (US Census Bureau), 2024"),
    Statistic("openai-revenue-models",
              "OpenAI has three revenue models: paid member subscriptions, developer fees and a revenue share from Microsoft.",
              qty("3", "revenue models"),
              (ex("OpenAI有会员订阅付费、开发者付费和微软分成三种盈利模式"),),
              companies=("openai", "microsoft"), topics=frozenset({T.BUSINESS_MODEL})),
    Statistic("openai-cumulative-revenue",
              "OpenAI's cumulative revenue since its founding is under $2 billion.",
              usd("2000000000", Qualifier.LESS_THAN),
              (ex("自成立以来的收入累计不足20亿美元(来源:Finbold)"),),
              companies=("openai",), topics=frozenset({T.BUSINESS_MODEL}), cites="Finbold"),
    Statistic("github-copilot-monthly-price",
              "GitHub Copilot users pay a $10 monthly fee.",
              usd("10"),
              (ex("用户需支付10美元月费或100美元年费"),),
              companies=("github", "microsoft"), topics=frozenset({T.BUSINESS_MODEL})),
    Statistic("github-copilot-annual-price",
              "GitHub Copilot users can alternatively pay a $100 annual fee.",
              usd("100"),
              (ex("用户需支付10美元月费或100美元年费"),),
              companies=("github", "microsoft"), topics=frozenset({T.BUSINESS_MODEL})),
    Statistic("github-copilot-loss-per-user",
              "Because of high computing costs, Microsoft loses on average over $20 per GitHub Copilot user per month.",
              usd("20", Qualifier.OVER),
              (ex("微软平均每月在每个用户上的亏损超过20美元"),),
              companies=("microsoft", "github"), topics=frozenset({T.BUSINESS_MODEL, T.COMPUTE}),
              cites="华尔街日报 (Wall Street Journal), 2023.10"),
    Statistic("github-copilot-loss-heavy-user",
              "For heavy GitHub Copilot users Microsoft's monthly loss reaches up to $80 per user.",
              usd("80", Qualifier.UP_TO),
              (ex("重度用户高达 80 美元(来源:华尔街日报,2023.10)"),),
              companies=("microsoft", "github"), topics=frozenset({T.BUSINESS_MODEL, T.COMPUTE}),
              cites="华尔街日报 (Wall Street Journal), 2023.10"),
    Statistic("genai-revenue-share-to-cloud",
              "10–20% of total generative-AI revenue goes to cloud service providers.",
              qty("10", "percent", Qualifier.RANGE, "20"),
              (ex("根据A16Z(2023)的数据,GenAI总收入的10-20%将流向云服务提供商"),),
              topics=frozenset({T.CLOUD, T.BUSINESS_MODEL, T.COMPUTE}), cites="A16Z (2023)",
              note="The text says 将流向 ('will flow to'), but presents it as A16Z data on the revenue split, so it is kept as a statistic rather than a forecast."),
    Statistic("startup-early-funding-share-on-compute",
              "80–90% of generative-AI startups' early-stage funding is spent buying compute from cloud platforms.",
              qty("80", "percent", Qualifier.RANGE, "90"),
              (ex("创业公司 80%-90%的早期融资都用于向云计算平台购买算力"),),
              topics=frozenset({T.CLOUD, T.COMPUTE, T.STARTUPS, T.FUNDING}), cites="A16Z (2023)"),
    Statistic("top3-cloud-infrastructure-providers",
              "Microsoft, Amazon and Google are the world's three largest cloud infrastructure service providers, and also the most active GenAI investors.",
              qty("3", "companies"),
              (ex("微软、亚马逊和谷歌是全球三大云基础设施服务商,也是最活跃的GenAI投资者"),),
              companies=("microsoft", "amazon", "google"), topics=frozenset({T.CLOUD, T.MARKETS, T.FUNDING})),
    Statistic("nvidia-market-value-growth-since-chatgpt",
              "Nvidia's market value has risen 457% since ChatGPT's release.",
              qty("457", "percent"),
              (ex("自ChatGPT发布以来,英伟达市值增长457%"),),
              companies=("nvidia",), topics=frozenset({T.MARKETS, T.CHIPS}),
              note="Measured from ChatGPT's release (whose date the text does not give) to an unstated cut-off, so no date span is recorded."),
    Statistic("nvidia-market-value-rank",
              "Nvidia has become the company with the world's third-highest market value, the biggest beneficiary of GenAI.",
              qty("3", "rank"),
              (ex("成为全球市值第三高的公司,是最大获益者"),),
              companies=("nvidia",), topics=frozenset({T.MARKETS, T.CHIPS})),
    Statistic("cnki-fourth-industrial-revolution-articles",
              "CNKI lists 386 articles with '第四次工业革命' (fourth industrial revolution) in the title, not counting 2024.",
              qty("386", "articles"),
              (ex("以“第四次工业革命”和“第四次产业革命”为题名的文章分别有386篇和48篇(不计入2024年)"),),
              date=span("2009-01-01", "2023-12-31", Precision.YEARS, "2009–2023", Certainty.INFERRED,
                        text="自2009年以来 … (不计入2024年)",
                        reason="2024 is excluded, so the count runs to the end of 2023; the preceding sentence dates the talk of a fourth industrial revolution from 2009"),
              companies=("cnki",), topics=frozenset({T.TERMINOLOGY})),
    Statistic("cnki-fourth-industrial-revolution-chanye-articles",
              "CNKI lists 48 articles with '第四次产业革命' (fourth industrial revolution, 'industry' wording) in the title, not counting 2024.",
              qty("48", "articles"),
              (ex("以“第四次工业革命”和“第四次产业革命”为题名的文章分别有386篇和48篇(不计入2024年)"),),
              date=span("2009-01-01", "2023-12-31", Precision.YEARS, "2009–2023", Certainty.INFERRED,
                        text="自2009年以来 … (不计入2024年)",
                        reason="2024 is excluded, so the count runs to the end of 2023; the preceding sentence dates the talk of a fourth industrial revolution from 2009"),
              companies=("cnki",), topics=frozenset({T.TERMINOLOGY})),
    Statistic("industrial-revolution-term-lag",
              "The term 'Industrial Revolution' became widely known, through Arnold Toynbee, only 40 years after the First Industrial Revolution (1760–1840) ended.",
              qty("40", "years"),
              (ex("第一次工业革命(1760-1840)结束40年后,术语“Industrial Revolution”才在阿诺德·汤因比的推动下为大众所知"),),
              topics=frozenset({T.TERMINOLOGY})),
    Statistic("second-industrial-revolution-term-lag",
              "Economists began using the term 'Second Industrial Revolution' only 40 years after it (1870–1914) ended; David Landes's The Unbound Prometheus standardised its academic definition in 1969.",
              qty("40", "years"),
              (ex("第二次工业革命(1870-1914)结束40年后,经济学家才开始使用“Second Industrial Revolution”,到1969年戴维·兰德斯《不受束缚的普罗米修斯》才标准化了其学术定义"),),
              topics=frozenset({T.TERMINOLOGY})),
]

# --------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------


def made_year(y: int) -> TimeSpan:
    return span(f"{y}-01-01", f"{y}-12-31", Precision.YEAR, str(y))


def within(y: int, n: int, text: str) -> TimeSpan:
    return span(f"{y}-01-01", f"{y + n}-12-31", Precision.YEARS, f"by {y + n} (within {n} years of {y})",
                Certainty.INFERRED, TimeRelation.BY, text=text,
                reason=f"{text} resolved from the year the statement is dated, {y}: {y} + {n} = {y + n}")


HIST_NOTE = ("Quoted by the author as an example of the 'blind optimism' of early AI (谢耘: 志存高远,盲目乐观); "
             "the text implies but does not state that it did not come true.")
predictions = [
    Prediction("newell-simon-1958-chess-champion",
               "Within ten years a digital computer will be the world chess champion.",
               SRC, made_year(1958), within(1958, 10, "十年之内"), Hedge.CERTAIN,
               (ex("“十年之内,数字计算机将成为国际象棋世界冠军”"),
                ex("1958年,艾伦·纽厄尔和赫伯特·西蒙(两人共同获得1975图灵奖)")),
               made_by=("allen-newell", "herbert-simon"), note=HIST_NOTE),
    Prediction("newell-simon-1958-theorem",
               "Within ten years a digital computer will discover and prove an important mathematical theorem.",
               SRC, made_year(1958), within(1958, 10, "十年之内"), Hedge.CERTAIN,
               (ex("“十年之内,数字计算机将发现并证明一个重要的数学定理”"),
                ex("1958年,艾伦·纽厄尔和赫伯特·西蒙(两人共同获得1975图灵奖)")),
               made_by=("allen-newell", "herbert-simon"), note=HIST_NOTE),
    Prediction("simon-1965-machines-any-work",
               "Within twenty years machines will be capable of doing any work a man can do.",
               SRC, made_year(1965), within(1965, 20, "二十年内"), Hedge.CERTAIN,
               (ex("1965年,赫伯特·西蒙(1978年诺贝尔经济学奖获得者):“二十年内,机器将能完成人能做到的一切工作。”"),),
               made_by=("herbert-simon",), topics=frozenset({T.AGI}), note=HIST_NOTE),
    Prediction("minsky-1970-average-human-intelligence",
               "In three to eight years we will have a machine with average human intelligence.",
               SRC, made_year(1970),
               span("1973-01-01", "1978-12-31", Precision.YEARS, "1973–1978 (three to eight years after 1970)",
                    Certainty.INFERRED, TimeRelation.IN, text="在三到八年的时间里",
                    reason="在三到八年的时间里 resolved from the year the statement is dated, 1970: 1970 + 3 = 1973 to 1970 + 8 = 1978"),
               Hedge.CERTAIN,
               (ex("1970年,马文·闵斯基(1969图灵奖获得者):“在三到八年的时间里,我们将得到一台具有人类平均智能的机器。”"),),
               made_by=("marvin-minsky",), topics=frozenset({T.AGI}), note=HIST_NOTE),
    Prediction("ai-fourth-industrial-revolution-arriving",
               "An AI-driven fourth industrial revolution is coming.",
               SRC, PUB, None, Hedge.CERTAIN,
               (ex("人们兴奋大呼:人工智能驱动的第四次工业革命正在到来。"),),
               attributed_to="people excited by ChatGPT's release (人们)",
               note="Reported, not endorsed: the author goes on to call it a paradox. The exclamation followed ChatGPT's release but is not dated, so 'made' is the publication span. '正在到来' (is arriving) gives no horizon, so horizon is None."),
    Prediction("fourth-industrial-revolution-conditional-prosperity",
               "If the fourth industrial revolution arrives, people will be full of confidence, the economy will be vibrant and life will flourish.",
               SRC, PUB, None, Hedge.CONDITIONAL,
               (ex("第四次工业革命如果到来,人们必会踌躇满志,经济必会生机蓬勃,生活必会欣欣向荣。"),),
               condition="The fourth industrial revolution arrives.",
               topics=frozenset({T.MARKETS}),
               note="The author uses this as a test: '然而,好像并不是。这是一个悖论' (yet it seems not so — a paradox). The text gives no time for it, so horizon is None."),
    Prediction("china-dataset-quality-years",
               "Raising the quality of China's datasets will not happen quickly; it will take years of accumulation.",
               SRC, PUB, None, Hedge.CERTAIN,
               (ex("我国数据集的质量仍有待进一步提升。当然,这非一日之功,需要历经岁月的积累。"),),
               topics=frozenset({T.DATA}),
               note="A statement about the time scale ('需要历经岁月的积累', it will take years), not a dated forecast; no horizon is given, so horizon is None."),
]

# --------------------------------------------------------------------------
# Debates
# --------------------------------------------------------------------------

debates = [
    Debate(
        "genai-fourth-industrial-revolution",
        "人工智能(GenAI)驱动的第四次工业革命正在到来吗?",
        "Is the AI (GenAI)-driven fourth industrial revolution arriving — is GenAI a fourth industrial revolution?",
        SRC,
        (
            Position(Stance.YES,
                     "After ChatGPT's release people excitedly proclaimed that an AI-driven fourth industrial revolution is arriving.",
                     ex("人们兴奋大呼:人工智能驱动的第四次工业革命正在到来。"),
                     "people excited by ChatGPT's release (人们)"),
            Position(Stance.MIXED,
                     "Sceptics, as the author reports them: this time seems different (says the author), and even for sceptics ChatGPT's release means a major breakthrough in AI technology — a concession of a breakthrough, not a claim of an industrial revolution.",
                     ex("这次似乎不一样,即使对怀疑论者来说,ChatGPT的发布也意味着人工智能技术的重大突破。"),
                     "sceptics (怀疑论者), as reported by the author"),
            Position(Stance.MIXED,
                     "Some say that what has been 'experienced' since 2009 is the third, not the fourth, industrial revolution.",
                     ex("自2009年以来我们时刻在“经历”第四次工业革命(也有人说是第三次工业革命)。"),
                     "some (也有人), unnamed"),
            Position(Stance.NO,
                     "Xie Yun (2023) judged the field's optimism about 'intelligence' as 'lofty in ambition, blindly optimistic'; the author cites this as a caution against proclaiming a revolution.",
                     ex("谢耘(2023)对其评价是:“志存高远,盲目乐观。”"),
                     "Xie Yun", speaker="xie-yun"),
            Position(Stance.MIXED,
                     "Jensen Huang (Feb 2023) called ChatGPT 'the iPhone moment of AI' and OpenAI's work 'one of the greatest things that have ever been done for computing' — a comparison with a specific technology, not an industrial revolution, as the author reads it.",
                     ex("黄仁勋(2023.2):ChatGPT是“the iPhone moment of AI”, OpenAI所做工作是“one of the greatest things that have ever been done for computing”。"),
                     "Jensen Huang", speaker="jensen-huang"),
            Position(Stance.MIXED,
                     "Bill Gates ('The Age of AI has begun', Mar 2023) counted GPT with the graphical user interface as the two revolutionary technology demonstrations of his life and said AI's development is as important as the creation of the microprocessor, the PC, the internet and the mobile phone — major, but likened to specific technologies.",
                     ex("比尔·盖茨在《The Age of AI has begun》(2023.3)中表示,图形用户界面和GPT是他一生中见证过的两次革命性技术展示,并指出:“人工智能的发展与微处理器、个人电脑、互联网和移动电话的诞生一样重要。”"),
                     "Bill Gates", speaker="bill-gates"),
            Position(Stance.UNCERTAIN,
                     "Amazon CEO Andy Jassy (shareholder letter, Apr 2024): generative AI 'may be' the largest technology transformation since the cloud, and 'perhaps' since the Internet — hedged, and compared with specific technologies.",
                     ex("亚马逊CEO贾西致股东信(2024.4):“Generative AI may be the largest technology transformation since the cloud (which itself, is still in the early stages), and perhaps since the Internet.”"),
                     "Amazon CEO Andy Jassy", speaker="andy-jassy", affiliation="亚马逊CEO",
                     organization="amazon"),
            Position(Stance.UNCERTAIN,
                     "The author: were the fourth industrial revolution here, people would be confident and the economy and life flourishing, yet it seems not — a paradox; time will answer and there is no need to argue. Industrial revolutions are named in hindsight, not predicted; earlier technologies (microelectronics, cloud, IoT, big data, blockchain…) were all once hailed as the fourth industrial revolution.",
                     ex("然而,好像并不是。这是一个悖论。对此,时间可以给出答案,我们不必争论。"),
                     "the document's author, Yan Deli (published by Tencent Research Institute)"),
        ),
        (
            ex("第四次工业革命的悖论"),
            ex("国外一般把GenAI(或AI)比作智能手机、云计算、互联网等特定技术,且通常使用“可能”“之一”等词汇。"),
            ex("第四,历次工业革命都不是预测的结果,而是后人的总结。"),
        ),
        topics=frozenset({T.TERMINOLOGY, T.APPLICATIONS}),
        note="Technologies the text says were once given the 'fourth industrial revolution' mission, with the years it gives: microelectronics (1984), cloud computing (2012), the Internet of Things (2016), big data (2016), blockchain (2017), the industrial internet (2017) and new infrastructure (2020); '现在轮到GenAI了'. The 'some say third' position is about what has been 'experienced' since 2009, not about GenAI as such. The author presents Huang, Gates and Jassy as evidence that abroad GenAI is likened to specific technologies (smartphone, cloud, internet) with hedges such as 'may' and 'one of'; their stances are relative to the industrial-revolution framing, which none of them uses in the quoted words. The author's position is recorded as the document's own voice (no speaker id), per the Position docstring.",
    ),
]

TWO_PROBLEMS_NOTE = (
    "The author presents this as one of 'two prominent problems' GenAI faces, after noting that every "
    "innovation meets difficulties and people's doubts ('遭受人们的质疑'); the text names no one who "
    "doubts or defends GenAI on this point, so the only position is the document's own voice. "
    "The figures offered in support are Statistics of this source."
)
debates += [
    Debate(
        "genai-killer-app-commercialisation",
        "GenAI是否缺乏杀手级应用、面临商业化困难?",
        "Does GenAI lack a killer application and face difficulties in commercialisation?",
        SRC,
        (
            Position(Stance.YES,
                     "The author: GenAI lacks a killer application (as Office was for the PC era, search for the desktop internet and mobile payment for the mobile internet) and faces commercialisation difficulties: it is still early in adoption (only 5.4% of US firms use AI), large models burn dollars and produce fewer dollars, it lacks the economies of scale of traditional software and needs heavy user subsidies, Chinese users prefer free services, and its business model is still at an early, exploratory stage. Only development can solve the problem.",
                     ex("一是缺乏杀手级应用,面临商业化困难。"),
                     "the document's author, Yan Deli (published by Tencent Research Institute)"),
        ),
        (
            ex("每次创新都不是轻而易举的,都需要破除很多困难,遭受人们的质疑。当前的GenAI面临以下两个比较突出的问题。"),
            ex("GenAI的商业模式仍处于探索的初期。"),
        ),
        topics=frozenset({T.APPLICATIONS, T.BUSINESS_MODEL}),
        note=TWO_PROBLEMS_NOTE,
    ),
    Debate(
        "genai-platform-companies-vs-cloud-chips",
        "GenAI是否显著提振了平台企业业绩?",
        "Has GenAI significantly boosted the performance of (Chinese) platform companies, or are cloud and chip firms the main beneficiaries?",
        SRC,
        (
            Position(Stance.NO,
                     "The author: GenAI has not significantly boosted platform companies' results — China's internet platforms are still in a slump, and since ChatGPT's release their market values have risen for some and fallen for others, with a considerable share falling substantially, despite favourable factors such as the end of the pandemic and state support — while cloud providers (Microsoft, Amazon, Google) and chips (Nvidia, +457%, now third by market value) are the biggest beneficiaries.",
                     ex("二是未能显著提振平台企业业绩,云和芯片是最大受益者。"),
                     "the document's author, Yan Deli (published by Tencent Research Institute)"),
        ),
        (
            ex("然而,GenAI的火爆未能显著提振平台企业的业绩,我国互联网平台仍处于萎靡期。"),
        ),
        topics=frozenset({T.MARKETS, T.CLOUD, T.CHIPS}),
        note=TWO_PROBLEMS_NOTE,
    ),
]

# --------------------------------------------------------------------------
# Write
# --------------------------------------------------------------------------

conv = make_converter()
KIND_RECORDS = {
    "sources": sources,
    "companies": companies,
    "people": people,
    "predictions": predictions,
    "funding_rounds": funding_rounds,
    "compute_trends": compute_trends,
    "debates": debates,
    "statistics": statistics,
}
for kind, records in KIND_RECORDS.items():
    doc = {"kind": kind, "records": [conv.unstructure(r) for r in records], "schema_version": 1}
    (HERE / f"{kind}.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(kind, len(records))
