"""Build the draft records for source 001 ("三问AI发展未来").

    cd /work/main && /work/venv/bin/python drafts/001/build.py

Every excerpt is located by searching the document for its quote; no offset is
typed by hand.  Records are built as model objects and written through the
package's own cattrs converter.
"""

from __future__ import annotations

import hashlib
import json
import sys
from decimal import Decimal
from pathlib import Path

import pendulum

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[1]
sys.path.insert(0, str(MAIN / "src"))

from aiforecasts import (  # noqa: E402
    Certainty,
    Company,
    ComputeTrend,
    Currency,
    Debate,
    Excerpt,
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
from aiforecasts._convert import make_converter  # noqa: E402

FILE = "001_6ee0e88a43b0cc62.txt"
DOC_PATH = MAIN.parent / "shared" / "seeds" / FILE
BLOB = DOC_PATH.read_bytes()
SHA = hashlib.sha256(BLOB).hexdigest()
assert SHA == "56b6d8a7ed96ff066315a3257f489a8c329bd53bad9ef47444f4fc3ec275aab1", SHA
DOC = BLOB.decode("utf-8")
SRC = "three-questions-ai-future"

# Where the site furniture (上一篇/下一篇/免责声明) begins: no excerpt may reach it.
CONTENT_END = DOC.index("上一篇:")


def ex(quote: str, *, nth: int = 0, unique: bool = True) -> Excerpt:
    """The excerpt of *quote*; its *nth* occurrence (unique=True demands exactly one)."""
    starts = []
    pos = DOC.find(quote)
    while pos != -1:
        starts.append(pos)
        pos = DOC.find(quote, pos + 1)
    if not starts:
        raise SystemExit(f"quote not found: {quote!r}")
    if unique and len(starts) != 1:
        raise SystemExit(f"quote occurs {len(starts)} times: {quote!r}")
    start = starts[nth]
    end = start + len(quote)
    assert end <= CONTENT_END, quote
    assert DOC[start:end] == quote
    return Excerpt(SRC, start, end, quote, clean_text(quote))


def name_ex(name: str) -> Excerpt:
    """The first occurrence of a name."""
    return ex(name, unique=False)


D = pendulum.Date
PUB_DAY = D(2024, 7, 12)

PUBLISHED = TimeSpan(PUB_DAY, PUB_DAY, Precision.DAY, "12 July 2024", Certainty.STATED, text="时间:2024-07-12")

MADE = TimeSpan(
    PUB_DAY,
    PUB_DAY,
    Precision.DAY,
    "12 July 2024 (publication)",
    Certainty.INFERRED,
    reason="the source's publication date (2024-07-12); the document does not date the statement",
)

MADE_RECENTLY = TimeSpan(
    D(2024, 6, 12),
    PUB_DAY,
    Precision.DAYS,
    "shortly before 12 July 2024",
    Certainty.INFERRED,
    text="近日",
    reason="近日 ('recently') resolved as the weeks up to publication on 2024-07-12",
)


BY_END_2024 = TimeSpan(
    PUB_DAY,
    D(2024, 12, 31),
    Precision.YEAR,
    "by the end of 2024",
    Certainty.INFERRED,
    TimeRelation.BY,
    text="今年",
    reason="今年 resolved against the publication date 2024-07-12; the work plan's title also names 2024",
)

BY_2026 = TimeSpan(PUB_DAY, D(2026, 12, 31), Precision.YEAR, "by 2026", Certainty.STATED, TimeRelation.BY, text="到2026年")

BY_2028 = TimeSpan(PUB_DAY, D(2028, 12, 31), Precision.YEAR, "by 2028", Certainty.STATED, TimeRelation.BY, text="到2028年")

WITHIN_3_YEARS = TimeSpan(
    PUB_DAY,
    D(2027, 7, 12),
    Precision.YEARS,
    "within three years (by July 2027)",
    Certainty.INFERRED,
    TimeRelation.BY,
    text="未来三年内",
    reason="未来三年内 ('within the next three years') resolved from the publication date 2024-07-12",
)

IN_TEN_YEARS = TimeSpan(
    D(2034, 1, 1),
    D(2034, 12, 31),
    Precision.YEAR,
    "ten years on (2034)",
    Certainty.INFERRED,
    text="十年以后",
    reason="十年以后 ('ten years from now') resolved against the publication year 2024",
)

AS_OF_MAY_28 = TimeSpan(
    D(2024, 5, 28),
    D(2024, 5, 28),
    Precision.DAY,
    "as of 28 May 2024",
    Certainty.INFERRED,
    text="截至5月28日",
    reason="the year is not stated; resolved to 2024 against the publication date 2024-07-12",
)

DEC_2023 = TimeSpan(D(2023, 12, 1), D(2023, 12, 31), Precision.MONTH, "December 2023", Certainty.STATED, text="2023年12月")

YEAR_2023 = TimeSpan(D(2023, 1, 1), D(2023, 12, 31), Precision.YEAR, "2023", Certainty.STATED, text="2023年")

YEAR_2024_TO_DATE = TimeSpan(
    D(2024, 1, 1),
    PUB_DAY,
    Precision.YEAR,
    "2024, up to July",
    Certainty.INFERRED,
    text="今年以来",
    reason="今年以来 ('since the start of this year') resolved against the publication date 2024-07-12",
)

CURRENTLY = TimeSpan(
    PUB_DAY,
    PUB_DAY,
    Precision.DAY,
    "at publication (July 2024)",
    Certainty.INFERRED,
    text="当前",
    reason="当前 ('currently') taken as the publication date 2024-07-12",
)

T = Topic

# ---------------------------------------------------------------------------
# Source
# ---------------------------------------------------------------------------

sources = [
    Source(
        id=SRC,
        file=FILE,
        sha256=SHA,
        title="三问AI发展未来",
        title_en="Three questions on the future of AI development",
        script=Script.HANS,
        published=PUBLISHED,
        excerpts=(ex("三问AI发展未来"), ex("时间:2024-07-12")),
        note=(
            "The page names no outlet and no author. The trailing lines 上一篇/下一篇 "
            "(links to other articles) and the 免责声明 (site disclaimer) are site furniture, "
            "not content, and are not excerpted."
        ),
    )
]

# ---------------------------------------------------------------------------
# Companies and other organisations
# ---------------------------------------------------------------------------


def co(id_, name, kind, first, *, hans=None, aliases=(), country=None, parent=None, note=None, extra=()):
    return Company(
        id=id_,
        name=name,
        kind=kind,
        excerpts=(name_ex(first), *(ex(e) for e in extra)),
        name_hans=hans,
        aliases=tuple(aliases),
        country=country,
        parent=parent,
        note=note,
    )


K = OrgKind
companies = [
    co("soundhound", "SoundHound", K.COMPANY, "加州公司SoundHound", aliases=["SoundHound AI"], country="US"),
    co("baidu", "Baidu", K.COMPANY, "百度", hans="百度", country="CN"),
    co("moonshot-ai", "Moonshot AI", K.STARTUP, "月之暗面", hans="月之暗面", country="CN"),
    co("openai", "OpenAI", K.COMPANY, "OpenAI", country="US"),
    co("meizu", "Meizu", K.COMPANY, "魅族", hans="魅族", country="CN"),
    co(
        "alibaba-cloud",
        "Alibaba Cloud",
        K.COMPANY,
        "阿里云",
        hans="阿里云",
        aliases=["Aliyun"],
        country="CN",
        note="Part of Alibaba, which the document does not name; parent left unset.",
    ),
    co("cheetah-mobile", "Cheetah Mobile", K.COMPANY, "猎豹移动", hans="猎豹移动", country="CN"),
    co("orionstar", "OrionStar", K.COMPANY, "猎户星空", hans="猎户星空", country="CN"),
    co(
        "google",
        "Google",
        K.COMPANY,
        "谷歌",
        hans="谷歌",
        country="US",
        note="The document does not name Alphabet; parent left unset.",
    ),
    co("xai", "xAI", K.STARTUP, "xAI", country="US"),
    co("tencent", "Tencent", K.COMPANY, "腾讯", hans="腾讯", country="CN"),
    co("baichuan-ai", "Baichuan AI", K.STARTUP, "百川智能", hans="百川智能", aliases=["Baichuan", "Baichuan Intelligence"], country="CN"),
    co("llmfarm", "LLMFarm", K.STARTUP, "LLMFarm"),
    co("red-hat", "Red Hat", K.COMPANY, "红帽中国", hans="红帽", aliases=["红帽中国", "Red Hat China"], country="US"),
    co(
        "alibaba-damo-academy",
        "Alibaba DAMO Academy",
        K.LAB,
        "达摩院",
        hans="达摩院",
        aliases=["DAMO Academy"],
        country="CN",
        note="Part of Alibaba, which the document does not name; parent left unset.",
    ),
    co("data-ai", "data.ai", K.RESEARCH_FIRM, "data.ai"),
    co("zhipu-ai", "Zhipu AI", K.STARTUP, "智谱AI", hans="智谱AI", aliases=["Zhipu"], country="CN"),
    co("tencent-cloud", "Tencent Cloud", K.COMPANY, "腾讯云", hans="腾讯云", country="CN", parent="tencent"),
    co("tencent-youtu-lab", "Tencent Youtu Lab", K.LAB, "腾讯优图实验室", hans="腾讯优图实验室", aliases=["Youtu Lab"], country="CN", parent="tencent"),
    co("sensetime", "SenseTime", K.COMPANY, "商汤科技", hans="商汤科技", aliases=["商汤"], country="CN", extra=("商汤AI大装置",)),
    co("ant-group", "Ant Group", K.COMPANY, "蚂蚁集团", hans="蚂蚁集团", country="CN"),
    co(
        "guian-new-area-big-data-bureau",
        "Gui'an New Area Big Data and Science and Technology Innovation Bureau",
        K.GOVERNMENT,
        "贵安新区大数据和科技创新局",
        hans="贵安新区大数据和科技创新局",
        country="CN",
    ),
    co(
        "guizhou-provincial-government",
        "Guizhou Provincial Government",
        K.GOVERNMENT,
        "《贵州省建设数字经济发展创新区2024年工作要点》",
        aliases=["贵州省", "贵州", "Guizhou"],
        country="CN",
        note=(
            "The document names the work plan 《贵州省建设数字经济发展创新区2024年工作要点》 "
            "('Guizhou Province's 2024 work priorities for building a digital-economy development "
            "innovation zone') and says 'Guizhou aims this year …', but not the issuing body by name; "
            "recorded as the province's government."
        ),
    ),
    co("ccid-consulting", "CCID Consulting", K.RESEARCH_FIRM, "赛迪顾问", hans="赛迪顾问", aliases=["CCID"], country="CN"),
    co(
        "sensetime-sensecore-center",
        "SenseTime SenseCore Industry Empowerment Center",
        K.COMPANY,
        "商汤AI大装置产业赋能中心",
        hans="商汤AI大装置产业赋能中心",
        aliases=["SenseTime AI Infrastructure Industry Empowerment Center"],
        country="CN",
        parent="sensetime",
        note="A unit of SenseTime (商汤AI大装置 = SenseTime's AI infrastructure, 'SenseCore').",
    ),
    co("anthropic", "Anthropic", K.STARTUP, "Anthropic", country="US"),
    co("qualcomm", "Qualcomm", K.COMPANY, "高通公司", hans="高通", aliases=["高通公司", "Qualcomm China", "高通公司中国区"], country="US"),
    co("huawei", "Huawei", K.COMPANY, "华为", hans="华为", country="CN"),
    co("huawei-cloud", "Huawei Cloud", K.COMPANY, "华为云", hans="华为云", country="CN", parent="huawei"),
    co(
        "chinese-academy-of-engineering",
        "Chinese Academy of Engineering",
        K.GOVERNMENT,
        "中国工程院",
        hans="中国工程院",
        aliases=["CAE"],
        country="CN",
        note="A national academy; OrgKind has no academy kind, so recorded as a government body.",
    ),
    co("zhejiang-lab", "Zhejiang Lab", K.LAB, "之江实验室", hans="之江实验室", country="CN"),
]

# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


def role(title, original, org):
    return Role(title=title, source=SRC, title_original=original, organization=org)


def person(id_, name, name_en, passages, roles, *, aliases=(), note=None):
    return Person(
        id=id_,
        name=name,
        name_en=name_en,
        excerpts=tuple(ex(p) for p in passages),
        aliases=tuple(aliases),
        roles=tuple(roles),
        note=note,
    )


people = [
    person(
        "robin-li",
        "李彦宏",
        "Robin Li",
        ["百度创始人、董事长兼首席执行官李彦宏"],
        [role("Founder, Chairman and CEO", "百度创始人、董事长兼首席执行官", "baidu")],
        aliases=["Li Yanhong"],
    ),
    person(
        "yang-zhilin",
        "杨植麟",
        "Yang Zhilin",
        ["月之暗面创始人杨植麟"],
        [role("Founder", "月之暗面创始人", "moonshot-ai")],
    ),
    person(
        "li-nan",
        "李楠",
        "Li Nan",
        ["魅族前副总裁李楠"],
        [role("Former Vice President", "魅族前副总裁", "meizu")],
    ),
    person(
        "fu-sheng",
        "傅盛",
        "Fu Sheng",
        ["猎豹移动董事长兼CEO、猎户星空董事长傅盛"],
        [
            role("Chairman and CEO", "猎豹移动董事长兼CEO", "cheetah-mobile"),
            role("Chairman", "猎户星空董事长", "orionstar"),
        ],
    ),
    person(
        "elon-musk",
        "马斯克",
        "Elon Musk",
        ["xAI的创始人马斯克"],
        [role("Founder", "xAI的创始人", "xai")],
        aliases=["Musk"],
    ),
    person(
        "yi-bo",
        "宜博",
        "Yi Bo",
        ["LLMFarm创始人兼CEO宜博"],
        [role("Founder and CEO", "LLMFarm创始人兼CEO", "llmfarm")],
    ),
    person(
        "zhang-jiaju",
        "张家驹",
        "Zhang Jiaju",
        ["红帽中国首席架构师张家驹"],
        [role("Chief Architect, Red Hat China", "红帽中国首席架构师", "red-hat")],
    ),
    person(
        "zhang-peng",
        "张鹏",
        "Zhang Peng",
        ["智谱AI CEO张鹏"],
        [role("CEO", "智谱AI CEO", "zhipu-ai")],
    ),
    person(
        "wu-yunsheng",
        "吴运声",
        "Wu Yunsheng",
        ["腾讯云副总裁、腾讯云智能负责人、腾讯优图实验室负责人吴运声"],
        [
            role("Vice President", "腾讯云副总裁", "tencent-cloud"),
            role("Head of Tencent Cloud Intelligence", "腾讯云智能负责人", "tencent-cloud"),
            role("Head", "腾讯优图实验室负责人", "tencent-youtu-lab"),
        ],
    ),
    person(
        "xu-li",
        "徐立",
        "Xu Li",
        ["商汤科技董事长兼CEO徐立"],
        [role("Chairman and CEO", "商汤科技董事长兼CEO", "sensetime")],
    ),
    person(
        "eric-jing",
        "井贤栋",
        "Eric Jing",
        ["蚂蚁集团董事长兼首席执行官井贤栋"],
        [role("Chairman and CEO", "蚂蚁集团董事长兼首席执行官", "ant-group")],
        aliases=["Jing Xiandong"],
    ),
    person(
        "jiang-qin",
        "蒋钦",
        "Jiang Qin",
        ["商汤AI大装置产业赋能中心主任蒋钦蒋钦"],
        [role("Director", "商汤AI大装置产业赋能中心主任", "sensetime-sensecore-center")],
        note="The document writes the name twice in a row (蒋钦蒋钦), an editing artefact.",
    ),
    person(
        "dario-amodei",
        "Dario Amodei",
        "Dario Amodei",
        ["Anthropic的首席执行官Dario Amodei"],
        [role("CEO", "首席执行官", "anthropic")],
    ),
    person(
        "frank-meng",
        "孟樸",
        "Frank Meng",
        ["高通公司中国区董事长孟樸"],
        [role("Chairman, Qualcomm China", "高通公司中国区董事长", "qualcomm")],
        aliases=["Meng Pu"],
    ),
    person(
        "zhang-pingan",
        "张平安",
        "Zhang Ping'an",
        ["华为常务董事、华为云CEO张平安"],
        [
            role("Executive Director", "华为常务董事", "huawei"),
            role("CEO", "华为云CEO", "huawei-cloud"),
        ],
        aliases=["Zhang Pingan"],
    ),
    person(
        "wang-jian",
        "王坚",
        "Wang Jian",
        ["中国工程院院士、之江实验室主任、阿里云创始人王坚"],
        [
            role("Academician", "中国工程院院士", "chinese-academy-of-engineering"),
            role("Director", "之江实验室主任", "zhejiang-lab"),
            role("Founder", "阿里云创始人", "alibaba-cloud"),
        ],
    ),
]

# ---------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------


def pred(id_, statement, quote, hedge, horizon, *, made=MADE, made_by=(), companies=(), topics=(), condition=None, note=None, attributed_to=None):
    return Prediction(
        id=id_,
        statement=statement,
        source=SRC,
        made=made,
        horizon=horizon,
        hedge=hedge,
        excerpts=(ex(quote),) if isinstance(quote, str) else tuple(ex(q) for q in quote),
        made_by=tuple(made_by),
        attributed_to=attributed_to,
        companies=tuple(companies),
        topics=frozenset(topics),
        condition=condition,
        note=note,
    )


H = Hedge
predictions = [
    # --- debate 1: open source ------------------------------------------------
    pred(
        "robin-li-open-models-need-more-parameters",
        "If open-source models are to match the capability of closed-source models, they will need "
        "more parameters, which means higher inference cost and slower responses.",
        "而如果开源模型想要能力追平闭源模型,那么它就需要有更大的参数,这就意味着推理成本会更高,反应速度会更慢。",
        H.CONDITIONAL,
        None,
        made_by=["robin-li"],
        topics=[T.OPEN_SOURCE, T.SCALING],
        condition="if open-source models are to match closed-source models' capability",
    ),
    pred(
        "yang-zhilin-closed-source-only-path-to-super-apps",
        "Closed source, as OpenAI practises it, is the only path to super apps; open source is only "
        "a customer-acquisition tool for business (ToB) customers.",
        "他认为,像OpenAI一样的闭源是通往超级应用的唯一通路,而开源只是ToB的获客手段。",
        H.CERTAIN,
        None,
        made_by=["yang-zhilin"],
        companies=["openai"],
        topics=[T.OPEN_SOURCE, T.APPLICATIONS, T.BUSINESS_MODEL],
    ),
    pred(
        "yang-zhilin-open-source-cannot-catch-up",
        "Open source cannot catch up with closed source in AI, because it has no compute validation "
        "and no concentration of people and capital.",
        "“AI和其他领域不同,开源没有算力验证,没有人力和资本聚集,是追不上闭源的。”",
        H.CERTAIN,
        None,
        made_by=["yang-zhilin"],
        topics=[T.OPEN_SOURCE, T.COMPUTE, T.TALENT],
    ),
    pred(
        "li-nan-open-source-important-path",
        "As OpenAI tightens up, open source will be an important path for AI development.",
        "随着OpenAI的收紧,开源将是AI发展的一条重要路径。",
        H.CERTAIN,
        None,
        made_by=["li-nan"],
        companies=["openai"],
        topics=[T.OPEN_SOURCE],
    ),
    pred(
        "tencent-larger-open-models",
        "Having switched from closed to open source and open-sourced a text-to-image model, Tencent "
        "says it will go on to try models with more parameters in future.",
        "腾讯也从闭源转为开源,在开源文生图大模型之后,表示未来还会尝试参数量更大的模型。",
        H.CERTAIN,
        None,
        made_by=["tencent"],
        companies=["tencent"],
        topics=[T.OPEN_SOURCE, T.SCALING],
        note="The document does not say whether the larger models would be open-sourced too.",
    ),
    pred(
        "yi-bo-open-closed-gap-narrowing",
        "The gap between the open-source and closed-source communities is gradually narrowing as open "
        "source keeps catching up.",
        "开源社区其实一直处在追赶闭源社区的态势,但这种差距正在逐渐缩小。",
        H.CERTAIN,
        None,
        made_by=["yi-bo"],
        topics=[T.OPEN_SOURCE],
        note="Stated as an ongoing trend rather than a dated forecast.",
    ),
    pred(
        "zhang-jiaju-open-source-agi-humanity",
        "If AI heads towards AGI in future, open source will keep the direction of AI development more "
        "in line with the interests of all humanity, which matters far more than surpassing closed "
        "source in any one respect.",
        "如果未来走向AGI,开源让AI的发展走向,更符合全人类的利益,这一点的价值要远高于在某一方面去超越闭源。",
        H.CONDITIONAL,
        None,
        made_by=["zhang-jiaju"],
        topics=[T.OPEN_SOURCE, T.AGI],
        condition="if AI development leads to AGI",
    ),
    # --- debate 2: applications ------------------------------------------------
    pred(
        "robin-li-ai-era-super-capable-apps",
        "In the AI era the rule may differ from the mobile era: 'super-capable' applications may matter "
        "more than DAU-driven 'super apps'.",
        "AI时代,规律可能不是这样的,“超级能干”的应用比只看DAU的“超级应用”更重要",
        H.POSSIBLE,
        None,
        made_by=["robin-li"],
        topics=[T.APPLICATIONS, T.BUSINESS_MODEL],
    ),
    pred(
        "robin-li-ai-value-exceeds-mobile-internet",
        "As long as AI applications bring large gains to industries and application scenarios, their "
        "overall value will be much greater than that of the mobile internet.",
        "只要对产业、对应用场景能产生大的增益,整体价值就比移动互联网要大多了。",
        H.CONDITIONAL,
        None,
        made_by=["robin-li"],
        topics=[T.APPLICATIONS, T.MARKETS],
        condition="as long as the applications bring large gains to industries and application scenarios",
    ),
    pred(
        "xu-li-vertical-breakthrough-needs-higher-order-reasoning",
        "Breaking through in vertical fields will require humans to build higher-order chains of thought, "
        "since today's large models are only 'memorisers'.",
        "在徐立看来,现在的大模型只是个“记忆器”,而想在垂直领域突破,需要人类构建更加高阶的思维链。",
        H.CONDITIONAL,
        None,
        made_by=["xu-li"],
        topics=[T.APPLICATIONS],
        condition="if AI is to break through in vertical fields",
        note="Stated as a requirement (想…需要…) for a future breakthrough; no date is given.",
    ),
    pred(
        "eric-jing-no-single-model",
        "Future intelligentisation cannot rely on a single large model; it will need open cooperation "
        "across the whole industry.",
        "未来智能化无法依赖单一一个大模型,需要全行业开放合作。",
        H.CERTAIN,
        None,
        made_by=["eric-jing"],
        topics=[T.PARTNERSHIPS, T.APPLICATIONS],
    ),
    pred(
        "eric-jing-agents-new-app-paradigm",
        "In the AI era, professional agents should be the new application paradigm, as apps were in the "
        "mobile-internet era.",
        "移动互联网时代,APP是最典型的应用,但他相信在AI时代,专业智能体应该是新的应用范式。",
        H.LIKELY,
        None,
        made_by=["eric-jing"],
        topics=[T.AGENTS, T.APPLICATIONS],
    ),
    pred(
        "robin-li-agents-best-direction",
        "Agents are the best direction for AI applications.",
        "李彦宏同样认为智能体是最好的AI应用发展方向。",
        H.CERTAIN,
        None,
        made_by=["robin-li"],
        topics=[T.AGENTS, T.APPLICATIONS],
    ),
    pred(
        "robin-li-millions-of-agents",
        "In future, fields such as healthcare, finance, education, manufacturing, transport and "
        "agriculture will build all kinds of agents from their own scenarios, experience, rules and "
        "data; agents will appear on the order of millions, forming a huge agent ecosystem.",
        "他判断,未来,医疗、金融、教育、制造、交通、农业等领域,都会依据自己的场景,自己特有的经验、规则、数据等,做出各种各样的智能体,将来会有数以百万量级的智能体出现,形成庞大的智能体生态。",
        H.CERTAIN,
        None,
        made_by=["robin-li"],
        topics=[T.AGENTS, T.APPLICATIONS],
        note="数以百万量级 = on the order of millions (multiples of 1,000,000 agents).",
    ),
    # --- debate 3: compute -----------------------------------------------------
    pred(
        "guizhou-2024-compute-targets",
        "Under its 2024 work plan for a digital-economy innovation zone, Guizhou aims this year to deploy "
        "over 200,000 intelligent-computing chips and to bring the province's computing capacity to over "
        "75 EFLOPS.",
        "根据《贵州省建设数字经济发展创新区2024年工作要点》,今年贵州要力争部署智算芯片20万张以上,全省算力规模达到75Eflops以上。",
        H.LIKELY,
        BY_END_2024,
        made_by=["guizhou-provincial-government"],
        topics=[T.COMPUTE, T.CHIPS, T.POLICY],
        note="A target (力争, 'strive to') rather than a forecast; the plan's own date is not given.",
    ),
    pred(
        "ccid-china-compute-360-eflops-2026",
        "CCID Consulting expects China's computing capacity to exceed 360 EFLOPS by 2026, with a "
        "three-year compound annual growth rate of 20%.",
        "预计到2026年,中国算力规模将超过360EFlops,三年年复合增长率达到20%",
        H.LIKELY,
        BY_2026,
        made_by=["ccid-consulting"],
        topics=[T.COMPUTE],
    ),
    pred(
        "ccid-china-intelligent-supercomputing-share-2026",
        "CCID Consulting expects the combined share of intelligent computing and supercomputing in China's "
        "computing capacity to reach 40% by 2026.",
        "中国智算算力和超算算力占比之和将达到40%",
        H.LIKELY,
        BY_2026,
        made_by=["ccid-consulting"],
        topics=[T.COMPUTE],
        note="Governed by 预计到2026年 earlier in the same sentence.",
    ),
    pred(
        "amodei-hardware-10x-stronger",
        "If AI model compute grows 10x a year, the hardware needed to train models can be inferred to be "
        "at least 10x more powerful.",
        "若AI模型算力每年增长10倍,那么也可以据此推测训练模型所需的硬件也至少强大10倍。",
        H.CONDITIONAL,
        None,
        made=MADE_RECENTLY,
        made_by=["dario-amodei"],
        topics=[T.COMPUTE, T.CHIPS, T.SCALING],
        condition="if AI model compute grows 10x per year",
        note="The text gives a rate (每年, 'per year'), not a date, so no horizon is recorded.",
    ),
    pred(
        "amodei-hardware-largest-cost-driver",
        "Hardware is therefore very likely to be the largest cost driver in training AI models.",
        "因此,硬件很可能是训练AI模型中最大的成本驱动因素。",
        H.CONDITIONAL,
        None,
        made=MADE_RECENTLY,
        made_by=["dario-amodei"],
        topics=[T.COMPUTE, T.CHIPS],
        condition="if AI model compute grows 10x per year (drawn as a consequence, 因此, of that premise)",
        note="Hedged 很可能 ('very likely') as well as conditional. The text gives no date, so no horizon is recorded.",
    ),
    pred(
        "amodei-training-cost-3-years",
        "Within the next three years, the cost of training large AI models will rise to USD 10 billion "
        "or even USD 100 billion.",
        "未来三年内,AI大模型训练成本将上升至百亿甚至千亿美元。",
        H.CERTAIN,
        WITHIN_3_YEARS,
        made=MADE_RECENTLY,
        made_by=["dario-amodei"],
        topics=[T.COMPUTE, T.SCALING],
        note=(
            "百亿甚至千亿美元 = USD 10,000,000,000 or even 100,000,000,000. The level is also recorded as the "
            "ComputeTrend amodei-training-cost-level-2027 (training_cost, Money range)."
        ),
    ),
    pred(
        "frank-meng-on-device-genai-savings-2028",
        "If 20% of generative AI is moved onto devices, USD 16 billion of computing resources will be "
        "saved by 2028.",
        "如果将20%的生成式AI转移到终端侧,到2028年将节省160亿美元的算力资源。",
        H.CONDITIONAL,
        BY_2028,
        made_by=["frank-meng"],
        topics=[T.COMPUTE, T.DEVICES, T.CLOUD],
        condition="if 20% of generative AI is moved onto devices",
        note=(
            "160亿美元 = USD 16,000,000,000. Not recorded as a ComputeTrend: it is a saving against a "
            "counterfactual (what the compute would cost if it all stayed in the cloud), not a level or rate "
            "of any compute metric; a 'compute_cost' level of USD 16B would misstate it."
        ),
    ),
    pred(
        "frank-meng-on-device-models-match-cloud",
        "With progress in small generative AI, devices will be able to run generative AI models as good as "
        "or better than those in the cloud.",
        "随着小型生成式AI的进步,能够在终端运行与云端一样好甚至更好的生成式AI模型。",
        H.CERTAIN,
        None,
        made_by=["frank-meng"],
        topics=[T.DEVICES, T.CLOUD],
        note="The sentence has no subject of its own; it closes Meng Pu's paragraph and is attributed to him.",
    ),
    pred(
        "wang-jian-ai-problems-not-in-ten-years",
        "Today's AI problems may not be problems at all in ten years; the problems AI faces should be seen "
        "dynamically.",
        "他表示,现在AI的问题,十年以后可能都不是问题,我们要动态地看AI面临的问题。",
        H.POSSIBLE,
        IN_TEN_YEARS,
        made_by=["wang-jian"],
        topics=[T.COMPUTE, T.ENERGY],
    ),
]

# ---------------------------------------------------------------------------
# Compute trends
# ---------------------------------------------------------------------------

G = GrowthKind
compute_trends = [
    ComputeTrend(
        id="moores-law-doubling-two-years",
        statement="By Moore's law, computing power roughly doubles every two years.",
        metric=Metric.HARDWARE_PERFORMANCE,
        growth=Growth(G.DOUBLING_TIME, Decimal("24"), qualifier=Qualifier.ABOUT),
        excerpts=(ex("按照摩尔定律,算力基本每两年就要翻一番。"), ex("比摩尔定律2年增长一倍快得多")),
        claimed_by=("jiang-qin",),
        cites="Moore's law (摩尔定律)",
        note=(
            "Stated first in the article's own voice (基本 'basically', hence 'about'), then restated by "
            "Jiang Qin as a two-year doubling for comparison."
        ),
    ),
    ComputeTrend(
        id="frontier-model-compute-doubling-3-4-months",
        statement="The compute used by the most advanced AI models doubles every three to four months.",
        metric=Metric.TRAINING_COMPUTE,
        growth=Growth(G.DOUBLING_TIME, Decimal("3"), high=Decimal("4"), qualifier=Qualifier.RANGE),
        excerpts=(ex("最先进人工智能模型的计算量每三四个月就翻一番"),),
        claimed_by=("jiang-qin",),
    ),
    ComputeTrend(
        id="frontier-model-compute-nearly-10x-per-year",
        statement="The compute of the most advanced AI models grows nearly 10x a year, far faster than "
        "Moore's law's doubling in two years.",
        metric=Metric.TRAINING_COMPUTE,
        growth=Growth(G.FACTOR, Decimal("10"), period_months=Decimal("12"), qualifier=Qualifier.NEARLY),
        excerpts=(ex("也就是每年增长近10倍,比摩尔定律2年增长一倍快得多"),),
        claimed_by=("jiang-qin",),
        note="Given as a restatement (也就是) of the three-to-four-month doubling.",
    ),
    ComputeTrend(
        id="amodei-model-compute-10x-per-year",
        statement="Dario Amodei posits AI model compute growing 10x per year.",
        metric=Metric.TRAINING_COMPUTE,
        growth=Growth(G.FACTOR, Decimal("10"), period_months=Decimal("12")),
        excerpts=(ex("若AI模型算力每年增长10倍"),),
        claimed_by=("dario-amodei",),
        note="Stated as the premise of a conditional (若 'if'), not as an observed rate.",
    ),
    ComputeTrend(
        id="amodei-training-hardware-10x",
        statement="If model compute grows 10x a year, the hardware needed to train models is at least 10x "
        "more powerful.",
        metric=Metric.HARDWARE_PERFORMANCE,
        growth=Growth(G.FACTOR, Decimal("10"), period_months=Decimal("12"), qualifier=Qualifier.AT_LEAST),
        excerpts=(ex("训练模型所需的硬件也至少强大10倍"),),
        claimed_by=("dario-amodei",),
        note="Conditional on 10x-per-year compute growth; the 12-month period is taken from that premise.",
    ),
    ComputeTrend(
        id="amodei-training-cost-level-2027",
        statement="Within the next three years, the cost of training large AI models will rise to USD 10 "
        "billion or even USD 100 billion.",
        metric=Metric.TRAINING_COST,
        growth=Growth(
            G.LEVEL,
            level=Money(Decimal("10000000000"), Currency.USD, Qualifier.RANGE, Decimal("100000000000")),
        ),
        excerpts=(ex("未来三年内,AI大模型训练成本将上升至百亿甚至千亿美元。"),),
        period=WITHIN_3_YEARS,
        claimed_by=("dario-amodei",),
        note=(
            "百亿甚至千亿美元 ('ten billion or even a hundred billion dollars'): USD 10B is the level "
            "stated, USD 100B the upper possibility (甚至 'or even'); recorded as a range. Also a "
            "Prediction (amodei-training-cost-3-years)."
        ),
    ),
    ComputeTrend(
        id="guian-installed-chips-2024-05",
        statement="As of 28 May, Gui'an New Area had deployed a cumulative 95,800 intelligent-computing chips.",
        metric=Metric.CHIP_COUNT,
        growth=Growth(G.LEVEL, level=Quantity(Decimal("95800"), "chips")),
        excerpts=(ex("截至5月28日,当地已累计部署智算芯片9.58万张"),),
        period=AS_OF_MAY_28,
        claimed_by=("guian-new-area-big-data-bureau",),
        cites="data published by 贵安新区大数据和科技创新局",
        note="当地 ('locally') refers to Gui'an New Area (in Guizhou), not the whole province.",
    ),
    ComputeTrend(
        id="guian-installed-capacity-2024-05",
        statement="As of 28 May, Gui'an New Area's computing capacity reached 30.7 EFLOPS, making it one of "
        "the regions with the strongest intelligent-computing capacity in China.",
        metric=Metric.INSTALLED_CAPACITY,
        growth=Growth(G.LEVEL, level=Quantity(Decimal("30.7"), "EFLOPS")),
        excerpts=(ex("算力规模达到30.7EFlops(每秒10的18次方浮点运算次数)"),),
        period=AS_OF_MAY_28,
        claimed_by=("guian-new-area-big-data-bureau",),
        cites="data published by 贵安新区大数据和科技创新局",
        note="当地 ('locally') refers to Gui'an New Area (in Guizhou), not the whole province.",
    ),
    ComputeTrend(
        id="guizhou-2024-chip-target",
        statement="Guizhou aims to deploy over 200,000 intelligent-computing chips in 2024.",
        metric=Metric.CHIP_COUNT,
        growth=Growth(G.LEVEL, level=Quantity(Decimal("200000"), "chips", Qualifier.OVER)),
        excerpts=(ex("今年贵州要力争部署智算芯片20万张以上"),),
        period=BY_END_2024,
        claimed_by=("guizhou-provincial-government",),
        cites="《贵州省建设数字经济发展创新区2024年工作要点》",
        note="A target (力争).",
    ),
    ComputeTrend(
        id="guizhou-2024-capacity-target",
        statement="Guizhou aims to bring the province's computing capacity to over 75 EFLOPS in 2024.",
        metric=Metric.INSTALLED_CAPACITY,
        growth=Growth(G.LEVEL, level=Quantity(Decimal("75"), "EFLOPS", Qualifier.OVER)),
        excerpts=(ex("全省算力规模达到75Eflops以上"),),
        period=BY_END_2024,
        claimed_by=("guizhou-provincial-government",),
        cites="《贵州省建设数字经济发展创新区2024年工作要点》",
        note="A target (力争).",
    ),
    ComputeTrend(
        id="ccid-china-capacity-2026",
        statement="China's computing capacity will exceed 360 EFLOPS by 2026, growing at a three-year CAGR "
        "of 20%.",
        metric=Metric.INSTALLED_CAPACITY,
        growth=Growth(G.CAGR, Decimal("20"), level=Quantity(Decimal("360"), "EFLOPS", Qualifier.OVER)),
        excerpts=(ex("预计到2026年,中国算力规模将超过360EFlops,三年年复合增长率达到20%"),),
        period=BY_2026,
        claimed_by=("ccid-consulting",),
        cites="赛迪顾问研究数据 (CCID Consulting research data)",
        note="One record for the level and the rate. The base year of the three-year CAGR is not stated.",
    ),
]

# ---------------------------------------------------------------------------
# Debates
# ---------------------------------------------------------------------------


def pos(stance, summary, quote, holder, *, speaker=None, affiliation=None, organization=None):
    return Position(
        stance=stance,
        summary=summary,
        excerpt=ex(quote),
        holder=holder,
        speaker=speaker,
        affiliation=affiliation,
        organization=organization,
    )


S = Stance
debates = [
    Debate(
        id="open-source-iq-tax",
        question="开源是不是“智商税”?",
        question_en="Is open source an 'IQ tax' — a bad bet compared with closed-source models?",
        source=SRC,
        positions=(
            pos(
                S.YES,
                "Has repeatedly backed closed source in public and calls open source an 'IQ tax': at the same "
                "parameter scale closed models are more capable, and matching them would cost open models more "
                "parameters, higher inference cost and slower responses; commercial closed models are the most "
                "competitive.",
                "百度创始人、董事长兼首席执行官李彦宏多次在公开场合力挺“闭源”。他认为,开源其实是一种“智商税”。",
                "Baidu founder, chairman and CEO Robin Li",
                speaker="robin-li",
                affiliation="百度创始人、董事长兼首席执行官",
                organization="baidu",
            ),
            pos(
                S.YES,
                "Also backs closed source: closed source like OpenAI's is the only path to super apps, open source "
                "merely a way to acquire business customers, and open source cannot catch up with closed source.",
                "月之暗面创始人杨植麟同样支持闭源。他认为,像OpenAI一样的闭源是通往超级应用的唯一通路,而开源只是ToB的获客手段。",
                "Moonshot AI founder Yang Zhilin",
                speaker="yang-zhilin",
                affiliation="月之暗面创始人",
                organization="moonshot-ai",
            ),
            pos(
                S.NO,
                "Rebuts Robin Li on Weibo: Llama 3 carries half of China's AI projects, open source will be an "
                "important path as OpenAI tightens up, and asks what Baidu has done for basic technology.",
                "Lama3的性能撑起中国AI项目半边天。随着OpenAI的收紧,开源将是AI发展的一条重要路径。",
                "former Meizu vice president Li Nan",
                speaker="li-nan",
                affiliation="魅族前副总裁",
                organization="meizu",
            ),
            pos(
                S.NO,
                "Disagrees that open-source models are an IQ tax: the real IQ tax is high model-licence and API "
                "fees; open models are free and good enough, and even closed models costing users tens of yuan a "
                "month are an IQ tax.",
                "猎豹移动董事长兼CEO、猎户星空董事长傅盛也对“开源大模型是智商税”的说法表示不认同。他认为,现在收很高的模型授权费、API费,才是智商税。",
                "Cheetah Mobile chairman and CEO, OrionStar chairman Fu Sheng",
                speaker="fu-sheng",
                affiliation="猎豹移动董事长兼CEO、猎户星空董事长",
                organization="cheetah-mobile",
            ),
            pos(
                S.NO,
                "Criticises OpenAI for abandoning its non-profit, open-source mission and open-sources xAI's "
                "314-billion-parameter model Grok to show his support for and confidence in the open-source route.",
                "明星AI创企xAI的创始人马斯克多次表示对OpenAI不满,认为其背离了非盈利开源公司的初心与使命,并积极开源旗下3140亿参数规模的大模型产品Grok,以示其对开源路线的支持与信心。",
                "xAI founder Elon Musk",
                speaker="elon-musk",
                affiliation="明星AI创企xAI的创始人",
                organization="xai",
            ),
            pos(
                S.MIXED,
                "Open source still lags closed source overall — about a year behind if GPT is the benchmark — but "
                "it has always been catching up and the gap is gradually narrowing.",
                "LLMFarm创始人兼CEO宜博表示,整体来讲,开源社区当前还是落后于闭源社区,如果以GPT为标准,大概是一年时间的差距。开源社区其实一直处在追赶闭源社区的态势,但这种差距正在逐渐缩小。",
                "LLMFarm founder and CEO Yi Bo",
                speaker="yi-bo",
                affiliation="LLMFarm创始人兼CEO",
                organization="llmfarm",
            ),
            pos(
                S.NO,
                "Open source does not aim to beat closed source; its value lies in openness and transparency and "
                "more equal access to technology, so that AI does not become a means of profit for a few — and, "
                "should AI head to AGI, in keeping AI aligned with the interests of all humanity.",
                "开源的价值是更加公开透明,技术上更加平权,不会让其成为少数人牟利的手段。",
                "Red Hat China chief architect Zhang Jiaju",
                speaker="zhang-jiaju",
                affiliation="红帽中国首席架构师",
                organization="red-hat",
            ),
        ),
        excerpts=(ex("开源是不是“智商税”?"), ex("开源、闭源之争再度升级,引发业内人士激辩")),
        topics=frozenset({T.OPEN_SOURCE, T.BUSINESS_MODEL}),
        note=(
            "The document also reports company moves without stating a stance on the question: Google "
            "released the open model Gemma, returning from closed to open source; Alibaba Cloud open-sourced "
            "several models from 500 million to 100 billion parameters, and the article states that the newly "
            "released Qwen 2.5 (通义千问2.5) fully catches up with and surpasses GPT-4 Turbo in performance (no "
            "benchmark or figure given); Tencent switched from closed to open source; Baichuan AI chose the "
            "open-source route. The article's own voice says more and more companies 'seem' to be betting on "
            "open source. Yang Zhilin does not use the term 'IQ tax'; his 'yes' follows from his backing of "
            "closed source. 'Lama3' is the document's spelling of Llama 3."
        ),
    ),
    Debate(
        id="race-on-ai-applications",
        question="该不该“卷”应用?",
        question_en="Should the industry compete hard ('juan') on AI applications?",
        source=SRC,
        positions=(
            pos(
                S.YES,
                "The industry broadly agrees that the next stage of AI shifts attention from the models "
                "themselves to applications.",
                "关于下一阶段AI发展怎么走,业界已普遍达成共识,那就是将关注点从模型本身转移到应用上。",
                "the article (reporting an industry consensus)",
            ),
            pos(
                S.YES,
                "This year attention has shifted from large models themselves to how they create value, empower "
                "industries and land in applications; the industry has become more pragmatic.",
                "今年人们已经从关注大模型本身转变为思考和讨论大模型创造价值、赋能产业、落地应用",
                "Zhipu AI CEO Zhang Peng",
                speaker="zhang-peng",
                affiliation="智谱AI CEO",
                organization="zhipu-ai",
            ),
            pos(
                S.YES,
                "Models must land with practicality first: R&D and applications must address concrete business "
                "scenarios, usability and cost-effectiveness.",
                "“大模型的研发、应用必须关注、解决具体业务场景,必须关注可用性和性价比。”",
                "Tencent Cloud vice president Wu Yunsheng",
                speaker="wu-yunsheng",
                affiliation="腾讯云副总裁、腾讯云智能负责人、腾讯优图实验室负责人",
                organization="tencent-cloud",
            ),
            pos(
                S.MIXED,
                "Warns against the 'super-app trap' of judging success by a 1-billion-DAU app, a mobile-era "
                "mindset; in the AI era 'super-capable' applications that bring large gains to industries matter "
                "more — and agents are the best direction for AI applications.",
                "然而,李彦宏强调,要避免掉入“超级应用陷阱”,觉得一定要出现一个10亿DAU的APP才叫成功,这是移动时代的思维逻辑。",
                "Baidu founder, chairman and CEO Robin Li",
                speaker="robin-li",
                affiliation="百度创始人、董事长兼首席执行官",
                organization="baidu",
            ),
            pos(
                S.MIXED,
                "AI's impact has not yet reached a 'super moment' because it has not truly entered vertical "
                "industry applications; today's large models are only 'memorisers', and breakthroughs in vertical "
                "fields need higher-order chains of thought.",
                "商汤科技董事长兼CEO徐立也认为,当前AI的影响还没有到一个超级时刻,因为AI暂未真正走进行业垂直应用引起广泛变化。",
                "SenseTime chairman and CEO Xu Li",
                speaker="xu-li",
                affiliation="商汤科技董事长兼CEO",
                organization="sensetime",
            ),
            pos(
                S.YES,
                "Intelligentisation cannot rely on a single large model and needs open cooperation across the "
                "industry; in the AI era professional agents should be the new application paradigm, as apps were "
                "in the mobile era.",
                "移动互联网时代,APP是最典型的应用,但他相信在AI时代,专业智能体应该是新的应用范式。",
                "Ant Group chairman and CEO Eric Jing (Jing Xiandong)",
                speaker="eric-jing",
                affiliation="蚂蚁集团董事长兼首席执行官",
                organization="ant-group",
            ),
        ),
        excerpts=(ex("该不该“卷”应用?"),),
        topics=frozenset({T.APPLICATIONS, T.AGENTS}),
        note=(
            "Examples the article gives without a speaker: DAMO Academy's AI video-creation platform 寻光 "
            "(benchmarked against Sora) and Tencent's consumer app 腾讯元宝 built on the Hunyuan model. Robin Li's "
            "'mixed' reflects his backing of applications (agents) combined with his warning against chasing "
            "DAU-driven super apps; Xu Li's 'mixed' reflects his view that applications have not yet arrived and "
            "need stronger model reasoning."
        ),
    ),
    Debate(
        id="enough-ai-compute",
        question="智能算力够不够?",
        question_en="Is there enough intelligent computing (AI compute) power?",
        source=SRC,
        positions=(
            pos(
                S.NO,
                "The compute of the most advanced AI models doubles every three to four months — nearly 10x a year, "
                "far faster than Moore's law's doubling every two years.",
                "最先进人工智能模型的计算量每三四个月就翻一番,也就是每年增长近10倍,比摩尔定律2年增长一倍快得多。",
                "Jiang Qin, director of SenseTime's SenseCore industry empowerment center",
                speaker="jiang-qin",
                affiliation="商汤AI大装置产业赋能中心主任",
                organization="sensetime-sensecore-center",
            ),
            pos(
                S.NO,
                "If model compute grows 10x a year, training hardware must be at least 10x more powerful, making "
                "hardware very likely the largest cost driver; training costs will rise to USD 10 billion or even "
                "100 billion within three years.",
                "未来三年内,AI大模型训练成本将上升至百亿甚至千亿美元。",
                "Anthropic CEO Dario Amodei",
                speaker="dario-amodei",
                affiliation="AI初创公司Anthropic的首席执行官",
                organization="anthropic",
            ),
            pos(
                S.MIXED,
                "On-device compute is a new hotspot: moving 20% of generative AI onto devices would save USD 16 "
                "billion of compute by 2028, and small generative models will run on devices as well as or better "
                "than in the cloud.",
                "移动芯片巨头高通公司中国区董事长孟樸认为,如果将20%的生成式AI转移到终端侧,到2028年将节省160亿美元的算力资源。",
                "Qualcomm China chairman Frank Meng (Meng Pu)",
                speaker="frank-meng",
                affiliation="高通公司中国区董事长",
                organization="qualcomm",
            ),
            pos(
                S.MIXED,
                "China must recognise that its chips are restricted and cannot meet AI compute demand on devices "
                "alone; he advocates shifting device-side compute to the cloud and using China's advantages in fibre, "
                "5G infrastructure and energy.",
                "华为常务董事、华为云CEO张平安则表示,要认清芯片受到限制和制约的现实,不能把AI的算力需求都放在终端来解决。",
                "Huawei executive director and Huawei Cloud CEO Zhang Ping'an",
                speaker="zhang-pingan",
                affiliation="华为常务董事、华为云CEO",
                organization="huawei-cloud",
            ),
            pos(
                S.MIXED,
                "Unlike some mainstream views abroad, power is the least of worries because China generates more "
                "electricity a year than the US, Japan and Russia combined; in his 'AI inequality' applications lag "
                "foundation models, models lag existing compute, and compute lags existing power — and today's AI "
                "problems may not be problems in ten years.",
                "关于AI大模型过于耗电的问题,中国工程院院士、之江实验室主任、阿里云创始人王坚与国外一些主流意见不同,他认为中国一年发电量超过美国、日本、俄罗斯的总和,因此电力是最不需要担心的问题。",
                "CAE academician, Zhejiang Lab director and Alibaba Cloud founder Wang Jian",
                speaker="wang-jian",
                affiliation="中国工程院院士、之江实验室主任、阿里云创始人",
                organization="zhejiang-lab",
            ),
        ),
        excerpts=(ex("智能算力够不够?"), ex("算力究竟够不够用成为业界关注焦点")),
        topics=frozenset({T.COMPUTE, T.CHIPS, T.ENERGY, T.DEVICES, T.CLOUD}),
        note=(
            "No speaker answers the question in so many words; stances are read from what each says about "
            "compute demand, cost, chips and power. Jiang Qin's and Dario Amodei's 'no' rest on demand and cost "
            "growing far faster than supply; Wang Jian's 'mixed' combines his view that power is no constraint "
            "with his 'AI inequality', in which compute still lags available power. China's power generation "
            "exceeding the US, Japan and Russia combined carries no figure, so it is kept in Wang Jian's "
            "position rather than as a Statistic. The article also reports regional build-outs (Gui'an/Guizhou, "
            "Beijing, Guangdong, Chengdu, Shanghai), recorded as compute trends where figures are given."
        ),
    ),
]

# ---------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------


def stat(id_, statement, value, quote, *, date=None, companies=(), topics=(), cites=None, note=None):
    return Statistic(
        id=id_,
        statement=statement,
        value=value,
        excerpts=(ex(quote),),
        date=date,
        companies=tuple(companies),
        topics=frozenset(topics),
        cites=cites,
        note=note,
    )


DATA_AI_REPORT = "data.ai《2023年AIGC移动市场洞察》 (2023 AIGC mobile market insights)"
statistics = [
    stat(
        "soundhound-share-price-rise",
        "SoundHound's announcement that its ChatGPT-integrated voice assistant went live with car brands in 11 "
        "European markets lifted its share price by 20%.",
        Quantity(Decimal("20"), "percent"),
        "这一消息为其带来了20%的股价增幅",
        companies=["soundhound"],
        topics=[T.MARKETS],
        note="The document does not date the announcement.",
    ),
    stat(
        "soundhound-europe-markets",
        "SoundHound's ChatGPT-integrated AI voice assistant went live with car brands in 11 European markets.",
        Quantity(Decimal("11"), "markets"),
        "在11个欧洲市场相关汽车品牌中上线",
        companies=["soundhound"],
        topics=[T.APPLICATIONS],
        note="The document does not date the launch. ChatGPT is named; OpenAI is not named here.",
    ),
    stat(
        "grok-parameters",
        "xAI's open-sourced large model Grok has 314 billion parameters.",
        Quantity(Decimal("314000000000"), "parameters"),
        "旗下3140亿参数规模的大模型产品Grok",
        companies=["xai"],
        topics=[T.OPEN_SOURCE, T.SCALING],
    ),
    stat(
        "alibaba-cloud-open-model-sizes",
        "Alibaba Cloud has open-sourced several models with between 500 million and 100 billion parameters.",
        Quantity(Decimal("500000000"), "parameters", Qualifier.RANGE, Decimal("100000000000")),
        "阿里云开源了参数从5亿到千亿的数款模型",
        companies=["alibaba-cloud"],
        topics=[T.OPEN_SOURCE, T.SCALING],
    ),
    stat(
        "baichuan-ai-valuation-2024",
        "Baichuan AI, which chose the open-source route, has been valued at over USD 1.8 billion since the start "
        "of this year.",
        Money(Decimal("1800000000"), Currency.USD, Qualifier.OVER),
        "今年以来估值已超18亿美元",
        date=YEAR_2024_TO_DATE,
        companies=["baichuan-ai"],
        topics=[T.FUNDING, T.STARTUPS, T.OPEN_SOURCE],
        note="A valuation with no round named, so recorded as a Statistic, not a FundingRound.",
    ),
    stat(
        "open-source-lag-one-year",
        "Taking GPT as the benchmark, the open-source community lags the closed-source community by about one year.",
        Quantity(Decimal("1"), "years", Qualifier.ABOUT),
        "如果以GPT为标准,大概是一年时间的差距",
        date=CURRENTLY,
        topics=[T.OPEN_SOURCE],
        note="Yi Bo's estimate.",
    ),
    stat(
        "closed-model-monthly-fee",
        "Some closed-source large models charge users several tens of yuan a month.",
        Money(Decimal("10"), Currency.CNY, Qualifier.SEVERAL),
        "一个月要交几十块钱才能用的那种闭源大模型",
        topics=[T.BUSINESS_MODEL, T.OPEN_SOURCE],
        note="Fu Sheng's example; 几十块钱 = several tens of yuan (块钱 = yuan), a monthly fee.",
    ),
    stat(
        "aigc-app-downloads-december-2023",
        "AIGC app downloads hit a record high in December 2023, exceeding 90 million.",
        Quantity(Decimal("90000000"), "downloads", Qualifier.OVER),
        "2023年12月AIGC应用下载量破纪录达到新高,超过9000万人次",
        date=DEC_2023,
        companies=["data-ai"],
        topics=[T.APPLICATIONS, T.MARKETS],
        cites=DATA_AI_REPORT,
        note="An estimate (估计) by data.ai; counted in 人次 (person-times).",
    ),
    stat(
        "ai-chatbot-share-of-2023-downloads",
        "AI chatbot apps accounted for 72% of total AIGC app downloads in 2023.",
        Quantity(Decimal("72"), "percent"),
        "贡献了2023年总下载量的72%",
        date=YEAR_2023,
        companies=["data-ai"],
        topics=[T.APPLICATIONS, T.MARKETS],
        cites=DATA_AI_REPORT,
    ),
]

funding_rounds: list = []

# ---------------------------------------------------------------------------
# Write
# ---------------------------------------------------------------------------

CONVERTER = make_converter()


def write(kind: str, records: list) -> None:
    doc = {"kind": kind, "records": [CONVERTER.unstructure(r) for r in records], "schema_version": 1}
    (HERE / f"{kind}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")


for kind, records in [
    ("sources", sources),
    ("companies", companies),
    ("people", people),
    ("predictions", predictions),
    ("funding_rounds", funding_rounds),
    ("compute_trends", compute_trends),
    ("debates", debates),
    ("statistics", statistics),
]:
    write(kind, records)
    print(f"{kind}: {len(records)}")
