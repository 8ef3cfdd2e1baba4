"""Build the draft records for source 002 (智谷趨勢, 2023 in review and seven predictions for 2024).

Run from /work/main:  PYTHONPATH=src /work/venv/bin/python drafts/002/build.py

Every excerpt is located by searching the document for the quote; offsets are never typed.
Quotes are written either in their cleaned form (located through a pattern that allows the
document's inline pinyin and doubled punctuation) or, where a mis-encoded fragment is involved,
verbatim (raw=...).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from aiforecasts import clean_text
from aiforecasts._convert import make_converter
from aiforecasts._dataset import KINDS

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[2] / "shared" / "seeds"
FILE = "002_724268df8fc3c3db.txt"
SRC = "zhigu-2023-review-2024-outlook"
BLOB = (SEEDS / FILE).read_bytes()
DOC = BLOB.decode("utf-8")
SHA = hashlib.sha256(BLOB).hexdigest()
assert SHA == "04fd500f69943b70275179bfab551d7d75857785be34bb7f9425079111289a4d", SHA

# --------------------------------------------------------------------------
# Locating excerpts
# --------------------------------------------------------------------------

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_ANNOT = rf"(?:\([a-zü{_TONED}]{{1,6}}\))?"
_PUNCT = ",、。;:?!"
_ANNOT_RE = re.compile(rf"\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,6}}\)")


def _pattern(clean: str) -> str:
    """A pattern for a cleaned quote; «…» marks a verbatim segment (a mis-encoded fragment)."""
    if "«" in clean:
        out = []
        for i, piece in enumerate(re.split(r"[«»]", clean)):
            out.append(re.escape(piece) if i % 2 else _pattern(piece))
        return "".join(out)
    parts = []
    for ch in clean:
        if ch in _PUNCT:
            # a run of punctuation cleans to its last mark
            parts.append(f"[{re.escape(_PUNCT)}]*" + re.escape(ch))
        elif "\u3400" <= ch <= "\u9fff":
            parts.append(re.escape(ch) + _ANNOT)
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _check_bounds(start: int, end: int) -> None:
    # never start or end inside an inline annotation such as (jié)
    for m in _ANNOT_RE.finditer(DOC):
        assert not (m.start() < start < m.end()), f"starts inside annotation at {start}"
        assert not (m.start() < end < m.end()), f"ends inside annotation at {end}"
        # an excerpt ending on a Han character must take that character's annotation along
        assert m.start() != end, f"ends between a character and its annotation at {end}: {DOC[start:end]!r}"


def ex(quote: str | None = None, *, raw: str | None = None, nth: int = 0) -> dict:
    """An excerpt for *quote* (cleaned form) or *raw* (verbatim)."""
    if raw is not None:
        hits = [m.start() for m in re.finditer(re.escape(raw), DOC)]
        assert hits, f"raw quote not found: {raw!r}"
        start = hits[nth]
        end = start + len(raw)
    else:
        assert quote is not None
        hits = list(re.finditer(_pattern(quote), DOC))
        assert hits, f"quote not found: {quote!r}"
        assert nth < len(hits), (quote, len(hits))
        start, end = hits[nth].span()
        if "«" not in quote:
            assert clean_text(DOC[start:end]) == quote, (clean_text(DOC[start:end]), quote)
    _check_bounds(start, end)
    text = DOC[start:end]
    return {"source": SRC, "start": start, "end": end, "text": text, "display": clean_text(text)}


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

PUB_REASON = (
    "The document carries no date. The New York Times suit against Microsoft and OpenAI is "
    "described as coming 'at the tail of 2023' (踩在2023年的尾巴) and is reported as done; the "
    "numbered predictions are about 2024 (這一切,注定2024年也是一個科技大年), and the items they "
    "date 明年 (Humane's AI Pin 明年3月, Windows 12 明年) stand among them, so the writer's 明年 "
    "is 2024 and the writer stands in 2023. Hence late December 2023. The lower bound, 27 December, is the day that suit "
    "was filed, known from outside the document, which does not state it."
)

PUBLISHED = {
    "start": "2023-12-27",
    "end": "2023-12-31",
    "precision": "days",
    "label": "late December 2023",
    "certainty": "inferred",
    "text": "踩在2023年的尾巴",
    "reason": PUB_REASON,
}

MADE = {
    "start": "2023-12-27",
    "end": "2023-12-31",
    "precision": "days",
    "label": "late December 2023",
    "certainty": "inferred",
    "reason": "the source's publication date (late December 2023, inferred; see the source record)",
}

LIST_REASON = (
    "no date in the sentence; it belongs to the document's predictions for 2024 "
    "(這一切,注定2024年也是一個科技大年), resolved against publication in late December 2023"
)


def span(start, end, precision, label, *, certainty="stated", relation="in", text=None, reason=None):
    d = {"start": start, "end": end, "precision": precision, "label": label, "certainty": certainty,
         "relation": relation}
    if text is not None:
        d["text"] = text
    if reason is not None:
        d["reason"] = reason
    return d


Y2024_STATED = span("2024-01-01", "2024-12-31", "year", "2024", text="2024年")
Y2024_LIST = span("2024-01-01", "2024-12-31", "year", "2024", certainty="inferred", reason=LIST_REASON)
Y2023 = span("2023-01-01", "2023-12-31", "year", "2023", text="2023年")


def y2024_inferred(text, reason):
    return span("2024-01-01", "2024-12-31", "year", "2024", certainty="inferred", text=text, reason=reason)


# --------------------------------------------------------------------------
# Source
# --------------------------------------------------------------------------

sources = [
    {
        "id": SRC,
        "file": FILE,
        "sha256": SHA,
        "title": "2023年是科技大年",
        "title_en": "2023 in review and seven predictions for 2024",
        "script": "zh-Hant",
        "published": PUBLISHED,
        "outlet": "zhigu-trends",
        "author": "zhaoyang",
        "url": "http://lequren.com/1088723.html",
        "excerpts": [
            ex("文章來源:智谷趨勢"),
            ex("作者:朝陽"),
            ex("2023年是科技大年"),
            ex("踩在2023年的尾巴"),
            ex("轉載請注明出處:http://lequren.com/1088723.html"),
        ],
        "note": (
            "The document has no headline; the title is its first content sentence "
            "(2023年是科技大年, '2023 was a big year for technology'), and title_en describes "
            "the article. The url is the address of the reposting page (芒果財經) given in the "
            "document's closing disclaimer, not the original publication by 智谷趨勢. The "
            "publication date is not stated and is inferred (see published.reason). The image "
            "credit (圖片來源:由無界AI生成) and the reposter's disclaimer and risk warning are "
            "not content. The text carries inline pinyin, doubled punctuation and three "
            "mis-encoded fragments, which the excerpts keep and their display repairs."
        ),
    }
]

# --------------------------------------------------------------------------
# Companies and people
# --------------------------------------------------------------------------

SEVEN = "蘋果、微軟、谷歌、亞馬遜、英偉達、Meta和特斯拉7家公司撐起美股漲幅"
PHONES = "2023年,華為、榮耀、小米、vivo、OPPO已嘗試推出大模型手機"
CHIPMAKERS = "高通、英偉達、聯發科等芯片廠商,已推出適配AI算力的產品和平臺"
AICHIPS = "谷歌、亞馬遜、微軟、OpenAI、華為、阿里等科技大廠也都下場,加速研發AI芯片"
NYT = "紐約時報將微軟、OpenAI告上法庭,要求銷毀所有包含其數據的大模型和訓練集,索賠數十億美金"
SCRAPERS = "除了ChatGPT之外,包括Midjourney、Runway、Pika也是全網抓取圖像和視頻進行學習"
UNIS = "而像斯坦福大學、麻省理工等高校機構已在研發新一代的AI架構,對Transformer形成挑戰"


def co(id, name, kind, quotes, *, hant=None, aliases=(), country=None, parent=None, note=None):
    d = {"id": id, "name": name, "kind": kind, "excerpts": [ex(q) if isinstance(q, str) else q for q in quotes]}
    if hant:
        d["name_hant"] = hant
    if aliases:
        d["aliases"] = list(aliases)
    if country:
        d["country"] = country
    if parent:
        d["parent"] = parent
    if note:
        d["note"] = note
    return d


companies = [
    co("zhigu-trends", "Zhigu Trends", "media", ["文章來源:智谷趨勢"], hant="智谷趨勢",
       aliases=["Zhigu Trends", "智谷趨勢"], country="CN",
       note="The outlet the document names as its source (文章來源). Country from the text's "
            "own perspective: it calls China 國內 (domestic)."),
    co("wujie-ai", "Wujie AI", "company", ["圖片來源:由無界AI生成"], hant="無界AI",
       aliases=["無界AI"],
       note="Named only in the image credit: the article's image was generated with 無界AI."),
    co("mango-finance", "Mango Finance", "media",
       ["不代表芒果財經贊同其觀點或證實其描述", "轉載請注明出處:http://lequren.com/1088723.html"],
       hant="芒果財經", aliases=["芒果財經", "lequren.com"],
       note="The reposting site whose disclaimer closes the document; the English name is a "
            "rendering of 芒果財經. Its page address (lequren.com) is given in the disclaimer."),
    co("apple", "Apple", "company", [SEVEN, "蘋果已公布多個AI大模型和技術成果"], hant="蘋果",
       aliases=["Apple", "Apple Inc.", "蘋果"], country="US"),
    co("microsoft", "Microsoft", "company", [SEVEN, "典型代表如微軟,已顯出“贏家通吃”的跡象"],
       hant="微軟", aliases=["Microsoft", "微軟", "MSFT"], country="US"),
    co("google", "Google", "company", [SEVEN, "谷歌Pixel手機已搭載Nano級Gemini"], hant="谷歌",
       aliases=["Google", "谷歌"], country="US",
       note="The guide's parent for google is alphabet, which this document never names; "
            "parent is left unset so that the folder stays self-contained."),
    co("amazon", "Amazon", "company", [SEVEN], hant="亞馬遜", aliases=["Amazon", "亞馬遜"],
       country="US"),
    co("nvidia", "Nvidia", "company", [SEVEN, "英偉達壟斷GPU市場,并推出云服務進行競爭"],
       hant="英偉達", aliases=["Nvidia", "NVIDIA", "英偉達"], country="US"),
    co("meta", "Meta", "company", [SEVEN], aliases=["Meta", "Meta Platforms"], country="US"),
    co("tesla", "Tesla", "company", [SEVEN, "特斯拉的Dojo超算和FSD加速落地"], hant="特斯拉",
       aliases=["Tesla", "特斯拉"], country="US"),
    co("openai", "OpenAI", "startup", ["大眾層面,OpenAI帶來的沖擊,比當初下圍棋的AlphaGo強烈太多"],
       aliases=["OpenAI"], country="US"),
    co("stanford-university", "Stanford University", "university", [UNIS], hant="斯坦福大學",
       aliases=["Stanford", "Stanford University", "斯坦福大學"], country="US"),
    co("mit", "Massachusetts Institute of Technology", "university", [UNIS], hant="麻省理工",
       aliases=["MIT", "麻省理工"], country="US",
       note="The document writes the short form 麻省理工."),
    co("huawei", "Huawei", "company", [PHONES, AICHIPS], hant="華為", aliases=["Huawei", "華為"],
       country="CN"),
    co("honor", "Honor", "company", [PHONES], hant="榮耀", aliases=["Honor", "HONOR", "榮耀"],
       country="CN"),
    co("xiaomi", "Xiaomi", "company", [PHONES], hant="小米", aliases=["Xiaomi", "小米"],
       country="CN"),
    co("vivo", "vivo", "company", [PHONES], aliases=["vivo", "Vivo"], country="CN"),
    co("oppo", "OPPO", "company", [PHONES], aliases=["OPPO", "Oppo"], country="CN"),
    co("samsung", "Samsung", "company", ["三星預計在2024年初發布Galaxy S24,引入生成式AI"],
       hant="三星", aliases=["Samsung", "三星"], country="KR"),
    co("qualcomm", "Qualcomm", "company", [CHIPMAKERS], hant="高通", aliases=["Qualcomm", "高通"],
       country="US"),
    co("mediatek", "MediaTek", "company", [CHIPMAKERS], hant="聯發科",
       aliases=["MediaTek", "聯發科"], country="TW"),
    co("humane", "Humane", "startup",
       ["同時,初創企業Humane的AI Pin(智能別針)也將于明年3月交付"], aliases=["Humane"],
       country="US", note="The document calls it a start-up (初創企業)."),
    co("us-federal-government", "United States federal government", "government",
       ["美國2023年修改芯片管制,對高端AI芯片的管控升級,“閹割版”GPU也被納入管制,限制了國內AI算力擴張速度"],
       hant="美國", aliases=["US government", "United States", "美國"], country="US",
       note="The document writes 美國 (the United States) for the government that revised the "
            "chip-export controls."),
    co("alibaba", "Alibaba", "company", [AICHIPS], hant="阿里",
       aliases=["Alibaba", "Alibaba Group", "阿里"], country="CN",
       note="The document writes the short form 阿里."),
    co("new-york-times", "The New York Times", "media", [NYT], hant="紐約時報",
       aliases=["New York Times", "NYT", "紐約時報"], country="US"),
    co("midjourney", "Midjourney", "startup", [SCRAPERS], aliases=["Midjourney"], country="US"),
    co("runway", "Runway", "startup", [SCRAPERS], aliases=["Runway", "Runway ML", "RunwayML"],
       country="US"),
    co("pika", "Pika", "startup", [SCRAPERS], aliases=["Pika", "Pika Labs"], country="US"),
    co("iea", "International Energy Agency", "international",
       ["國際能源署估計,數據中心的用電量占全球電力消耗的1.5%至2%"], hant="國際能源署",
       aliases=["IEA", "International Energy Agency", "國際能源署"]),
]

people = [
    {
        "id": "zhaoyang",
        "name": "朝陽",
        "name_en": "Zhaoyang",
        "excerpts": [ex("作者:朝陽")],
        "roles": [
            {"title": "author", "title_original": "作者", "organization": "zhigu-trends", "source": SRC}
        ],
        "note": "A pen name; the byline gives it alone, below 文章來源:智谷趨勢.",
    }
]

# --------------------------------------------------------------------------
# Predictions
# --------------------------------------------------------------------------

predictions: list[dict] = []


def pred(id, statement, hedge, horizon, quotes, *, companies=(), topics=(), number=None,
         parent=None, made_by=(), attributed_to=None, condition=None, note=None):
    d = {
        "id": id,
        "statement": statement,
        "source": SRC,
        "made": MADE,
        "horizon": horizon,
        "hedge": hedge,
        "excerpts": [ex(q) if isinstance(q, str) else q for q in quotes],
    }
    if made_by:
        d["made_by"] = list(made_by)
    if attributed_to:
        d["attributed_to"] = attributed_to
    if companies:
        d["companies"] = list(companies)
    if topics:
        d["topics"] = sorted(topics)
    if number is not None:
        d["number"] = number
    if parent:
        d["parent"] = parent
    if condition:
        d["condition"] = condition
    if note:
        d["note"] = note
    predictions.append(d)
    return id


# -- forecasts inside the 2023 review --------------------------------------

pred("ai-dividends-captured-by-big-firms",
     "The dividends of new technologies such as AI will still be captured by large companies; "
     "Microsoft, the typical example, already shows signs of 'winner takes all'.",
     "certain", None,
     ["AI等新技術紅利仍將由大企業占有,典型代表如微軟,已顯出“贏家通吃”的跡象"],
     companies=["microsoft"], topics=["markets"],
     note="A bullet of the 2023 review; no horizon is stated (仍將, 'will still').")

pred("ai-automation-replace-demographic-dividend",
     "In the long run, AI and automation will replace the demographic dividend and change the "
     "course of globalisation.",
     "certain",
     None,
     ["長期來看,AI與自動化將取代人口紅利,改變«?nèi)蚧倪M(jìn)»程"],
     topics=["markets"],
     note="A bullet of the 2023 review; 長期來看 ('in the long run') gives no date, so there is "
          "no horizon. The excerpt contains the mis-encoded fragment "
          "?nèi)蚧倪M(jìn), which clean_text repairs to 全球化的進 (改變全球化的進程).")

pred("tech-big-year-2024",
     "2024 is destined to be another big year for technology.",
     "certain", Y2024_STATED, ["這一切,注定2024年也是一個科技大年"],
     note="The sentence that leads from the 2023 review into the seven predictions.")

# -- 1 ---------------------------------------------------------------------

P1 = pred("gpt-5-closed-models-keep-lead-2024",
          "GPT-5 will be released, and closed models will keep their lead.",
          "certain", Y2024_LIST, ["1、GPT-5發布,閉源模型仍會繼續領先"],
          companies=["openai"], topics=["open_source"], number=1)

pred("google-gemini-ultra-early-2024",
     "Google will release Gemini Ultra early in the year.",
     "certain",
     span("2024-01-01", "2024-04-30", "part_of_year", "early 2024", certainty="inferred", text="年初",
          reason="年初 ('early in the year') under the predictions for 2024, resolved as early 2024"),
     ["年初,谷歌將發布Gemini Ultra"], companies=["google"], parent=P1)

pred("openai-gpt-4-5-or-gpt-5-2024",
     "OpenAI will release GPT-4.5 or even GPT-5, coming closer to artificial general intelligence.",
     "certain", Y2024_LIST, ["OpenAI發布GPT-4.5甚至GPT-5,更加接近通用人工智能"],
     companies=["openai"], topics=["agi"], parent=P1,
     note="The sentence has no modal; it is one of the heading's forecasts (GPT-5發布).")

pred("gpt-4-rivals-fall-further-behind-2024",
     "Competitors still working to catch up with GPT-4 will be left another length behind.",
     "certain", Y2024_LIST, ["那些還在努力對齊GPT-4的競爭對手,又將被拉開一個身位"],
     companies=["openai"], parent=P1)

pred("big-firms-closed-models-stay-ahead-2024",
     "Large companies favour closed models more and will invest more in technology and money; "
     "closed models will keep their lead over open-source models.",
     "certain", Y2024_LIST,
     ["大公司更加青睞閉源模型,在技術和資金方面投入也會更大,將會保持對開源模型的領先"],
     topics=["open_source", "funding"], parent=P1)

pred("universities-new-architectures-challenge-transformer",
     "Universities such as Stanford and MIT are developing a new generation of AI architectures "
     "that challenge the Transformer, the architecture Google published in 2017 and which "
     "mainstream large models such as GPT and Gemini use.",
     "certain", Y2024_LIST,
     ["目前GPT、Gemini等大模型,主流使用的是Transformer架構,這是2017年谷歌發表的技術", UNIS],
     companies=["stanford-university", "mit", "google"], topics=["architecture"], parent=P1,
     note="Stated in the present tense (已在研發…形成挑戰) as part of prediction 1; the first "
          "excerpt gives the Transformer context. The comment that follows (中國的路,還有很長, "
          "'China still has a long way to go') is not a forecast and is not recorded.")

# -- 2 ---------------------------------------------------------------------

P2 = pred("ai-focus-shifts-to-applications-2024",
          "Industry attention will shift from large models to AI applications; AIGC, 'AI+' and "
          "intelligent assistants will give rise to mature business models.",
          "certain", Y2024_LIST,
          ["2、行業關注重點從大模型到AI應用,AIGC、AI+、智能助手等涌現成熟商業模式"],
          topics=["applications", "business_model"], number=2)

pred("general-large-models-game-of-few-giants",
     "The high technical and compute thresholds of large models mean that developing general-"
     "purpose large models is a game for a few tech giants.",
     "certain", Y2024_LIST,
     ["大模型的高技術門檻和算力門檻,注定了研發通用大模型是少數科技巨頭的游戲"],
     topics=["compute", "markets"], parent=P2,
     note="Put as a given (注定了, 'destines'); recorded as the premise of prediction 2.")

pred("inference-cost-roi-obstacle",
     "Large-model inference costs are still high; besides technical maturity, the biggest "
     "obstacle to deploying AI is return on investment, and even inside tech giants AI covers "
     "only the most valuable products and businesses.",
     "certain",
     span("2023-12-27", "2023-12-31", "days", "late December 2023 (at publication)",
          certainty="inferred", text="目前",
          reason="目前 ('currently') = at the source's publication, late December 2023"),
     ["目前,大模型的推理成本仍然很高,落地AI的最大阻礙,除了技術成熟度之外,就是投資回報率的問題。"
      "即便在科技巨頭內部,也僅覆蓋了最有價值的產品業務"],
     topics=["compute", "business_model", "applications"], parent=P2,
     note="Stated as the current situation (目前), not as a forecast; recorded as a sub-claim "
          "because it is the premise of prediction 2's focus on deployment. The horizon is the "
          "time of writing.")

pred("ai-deployment-focus-2024",
     "This year the industry's focus will be putting AI into practice: industry-specific models "
     "and the productisation and commercialisation of AI applications.",
     "certain",
     y2024_inferred("今年", "今年 ('this year') stands inside the predictions for 2024 and is read as "
                            "2024; against the late-December-2023 publication date it could also "
                            "mean 2023, but the future tense (將是) and the context point to 2024"),
     ["今年,行業重點將是AI的落地問題,專注行業模型、AI應用的產品化和商業化"],
     topics=["applications", "business_model"], parent=P2,
     note="今年 is ambiguous against a late-December-2023 publication; resolved as 2024.")

pred("autonomous-driving-explosive-progress-2024",
     "Autonomous driving is expected to make explosive progress in 2024.",
     "likely", Y2024_STATED, ["例如,自動駕駛,預計2024年會迎來爆發式進步"],
     topics=["autonomous_driving"], parent=P2)

pred("tesla-dojo-fsd-deployment-2024",
     "Tesla's Dojo supercomputer and FSD will be deployed faster.",
     "likely", Y2024_LIST, ["特斯拉的Dojo超算和FSD加速落地"],
     companies=["tesla"], topics=["autonomous_driving", "compute"], parent=P2,
     note="The sentence has no modal of its own; it illustrates the preceding expectation "
          "(預計2024年會迎來爆發式進步), whose hedge it takes.")

pred("china-high-level-autonomous-driving-2024",
     "High-level autonomous driving will be promoted in China.",
     "likely", Y2024_LIST, ["國內推廣高級別自動駕駛"],
     topics=["autonomous_driving"], parent=P2,
     note="國內 (domestically) = China from the author's perspective. No modal of its own; it "
          "illustrates the preceding expectation (預計2024年…), whose hedge it takes.")

pred("ai-video-film-business-models-2024",
     "AI-generated video and film will form complete production and business models in 2024.",
     "certain", Y2024_STATED, ["由AI生成的視頻和電影,在2024年也會形成完整的生產和商業模式"],
     topics=["video", "business_model"], parent=P2)

pred("ai-first-at-scale-finance-education-healthcare",
     "Finance, education and healthcare are among the popular fields where AI will first be "
     "deployed at scale.",
     "certain", Y2024_LIST, ["其他如金融、教育、醫療等,也都是AI首先大規模落地的熱門領域"],
     topics=["applications"], parent=P2)

# -- 3 ---------------------------------------------------------------------

P3 = pred("ai-devices-spread-ai-2024",
          "End-user devices will become AI-enabled, accelerating the spread of AI capabilities; "
          "makers of phones and computers are embedding on-device AI at system level and "
          "developing newer chips to solve compute and storage problems.",
          "certain", Y2024_LIST,
          ["3、終端設備AI化,加速AI能力普及",
           "手機、電腦等智能設備的大廠,都在加速AI化。他們«?cè)谙到y(tǒng)»層面,"
           "嵌入端側AI能力;在硬件端,研發更新芯片技術,解決算力和存儲問題"],
          topics=["devices", "chips"], number=3,
          note="The second excerpt contains the mis-encoded fragment ?cè)谙到y(tǒng), which clean_text "
               "repairs to 在系統. The section's 2023 facts (Huawei, Honor, Xiaomi, vivo and OPPO "
               "launched large-model phones; Google Pixel carries Gemini Nano; Qualcomm, Nvidia "
               "and MediaTek launched AI-compute products) are cited in the company records.")

pred("samsung-galaxy-s24-generative-ai-early-2024",
     "Samsung is expected to release the Galaxy S24 in early 2024, bringing in generative AI.",
     "likely", span("2024-01-01", "2024-04-30", "part_of_year", "early 2024", text="2024年初"),
     ["三星預計在2024年初發布Galaxy S24,引入生成式AI"],
     companies=["samsung"], topics=["devices"], parent=P3)

pred("apple-ios-18-more-ai",
     "Apple, having published several AI large models and technical results, is expected to "
     "show more AI capabilities in iOS 18.",
     "likely", Y2024_LIST, ["蘋果已公布多個AI大模型和技術成果,預計iOS 18會體現更多AI能力"],
     companies=["apple"], topics=["devices"], parent=P3,
     note="The document gives no date for iOS 18; the horizon is the list's year.")

pred("microsoft-windows-12-ai-2024",
     "Microsoft will release Windows 12 next year, integrating AI large models (perhaps even "
     "GPT-5).",
     "certain", y2024_inferred("明年", "明年 ('next year') resolved against publication in late "
                                     "December 2023"),
     ["微軟明年發布Windows 12,也將結合AI大模型(甚至GPT-5)"],
     companies=["microsoft", "openai"], topics=["devices"], parent=P3,
     note="GPT-5 is OpenAI's model (prediction 1); the document does not name OpenAI here.")

pred("humane-ai-pin-delivery-march-2024",
     "Start-up Humane's AI Pin will be delivered next March.",
     "certain",
     span("2024-03-01", "2024-03-31", "month", "March 2024", certainty="inferred", text="明年3月",
          reason="明年3月 ('March next year') resolved against publication in late December 2023"),
     ["同時,初創企業Humane的AI Pin(智能別針)也將于明年3月交付"],
     companies=["humane"], topics=["devices"], parent=P3)

pred("phone-replacing-ai-wearables-emerge-2024",
     "New smart wearable devices of this kind, meant to 'replace the phone', will also emerge.",
     "certain", Y2024_LIST, ["這類想“替代手機”的全新智能穿戴設備也將涌現"],
     companies=["humane"], topics=["devices"], parent=P3)

pred("ai-device-upgrade-wave-2024",
     "This will set off an AI-driven device-replacement wave that leads the consumer-electronics "
     "market out of its slump, and become the channel through which many people actually "
     "experience AI.",
     "certain", Y2024_LIST,
     ["這會催生一次AI換機潮,帶領消費電子市場走出低谷。也會成為很多人實際感受AI能力的渠道"],
     topics=["devices", "markets"], parent=P3)

# -- 4 ---------------------------------------------------------------------

P4 = pred("ai-company-shakeout-2024",
          "AI companies will go through a wave of failures; the survivors will win.",
          "certain", Y2024_LIST, ["4、AI公司出現倒閉潮,剩者為王"],
          topics=["startups", "markets"], number=4,
          note="The section opens with the unattributed saying 我們總是高估未來兩年的變化,而低估"
               "未來十年的變革 ('we always overestimate the change of the next two years and "
               "underestimate that of the next ten'), not recorded as a forecast.")

pred("ai-cash-burn-period-shortens",
     "The period in which AI companies are allowed to burn cash to grow will be sharply "
     "shortened.",
     "certain", Y2024_LIST, ["給與AI企業燒錢發展的周期將大幅縮短"],
     topics=["funding", "startups"], parent=P4)

pred("ai-companies-market-test-2024",
     "Next year AI companies will face the market's test, and those without mature deployment "
     "scenarios and business models will be cleared out quickly.",
     "certain",
     y2024_inferred("到明年", "到明年 ('come next year') resolved against publication in late "
                              "December 2023"),
     ["到明年,AI公司將接受市場考驗,沒有成熟落地場景、商業模式的企業將迅速出清"],
     topics=["startups", "business_model"], parent=P4)

pred("ai-resources-concentrate-few-giants",
     "New AI start-ups will still emerge, but resources and the market will quickly concentrate "
     "among a few giants.",
     "certain", Y2024_LIST, ["雖然新的AI創業公司仍將涌現,但資源和市場會迅速向少數巨頭集中"],
     topics=["startups", "markets"], parent=P4)

pred("vertical-data-firms-higher-barriers",
     "Companies that master mature industry scenarios and accumulate vertical data will have "
     "higher barriers to entry.",
     "certain", Y2024_LIST, ["掌握成熟行業場景,積累垂直數據的企業,將有更高的壁壘"],
     topics=["data", "markets"], parent=P4)

# -- 5 ---------------------------------------------------------------------

P5 = pred("compute-hunger-intensifies-chip-war-2024",
          "The hunger of AI large models for compute will intensify the chip war.",
          "certain", Y2024_LIST, ["5、AI大模型的算力饑渴,激化芯片戰"],
          topics=["compute", "chips"], number=5)

pred("ai-compute-demand-near-10x-a-year",
     "The compute demand of AI large models grows nearly tenfold a year, far outpacing the growth "
     "of GPU compute and the pace of data-centre construction.",
     "certain", Y2024_LIST,
     ["AI大模型的算力需求,每年增長近10倍,遠超GPU算力增速和數據中心的建設速度"],
     topics=["compute", "chips", "scaling"], parent=P5,
     note="Stated as a current annual rate, as the premise of prediction 5; the same figure is "
          "the compute trend ai-compute-demand-10x-per-year.")

pred("chip-war-intensifies-2024",
     "The chip war intensifies: the US revised its chip controls in 2023, tightening them on "
     "high-end AI chips and bringing 'cut-down' GPUs under control, which limits the expansion of "
     "China's AI compute; Nvidia monopolises the GPU market and has launched a cloud service to "
     "compete, while Google, Amazon, Microsoft, OpenAI, Huawei, Alibaba and other tech majors have "
     "all entered the field, accelerating development of AI chips.",
     "certain", Y2024_LIST,
     ["美國2023年修改芯片管制,對高端AI芯片的管控升級,“閹割版”GPU也被納入管制,限制了國內AI算力擴張速度",
      "同時,英偉達壟斷GPU市場,并推出云服務進行競爭;" + AICHIPS],
     companies=["us-federal-government", "nvidia", "google", "amazon", "microsoft", "openai", "huawei",
                "alibaba"],
     topics=["chips", "compute", "policy", "regulation", "cloud"], parent=P5,
     note="The forecast is the heading's (激化芯片戰); the quoted sentences state the 2023 "
          "situation behind it. 國內 = China from the author's perspective.")

# -- 6 ---------------------------------------------------------------------

P6 = pred("data-copyright-first-ai-regulation-flashpoint",
          "Data security, compliance and copyright are likely to become the first flashpoint of "
          "AI regulation; at the tail of 2023 the New York Times took Microsoft and OpenAI to "
          "court, demanding destruction of all large models and training sets containing its data "
          "and billions of dollars in damages.",
          "likely", Y2024_LIST,
          ["6、數據安全、合規和版權問題,恐成AI監管的首個爆點", "踩在2023年的尾巴," + NYT],
          companies=["new-york-times", "microsoft", "openai"],
          topics=["data", "copyright", "regulation", "litigation"], number=6,
          note="恐 ('it is feared') is read as likely. The second excerpt is the example the "
               "document gives; the damages figure is the statistic nyt-suit-damages-billions.")

pred("privacy-copyright-litigation-first-2024",
     "New AI technology urgently needs law and regulation to catch up; in 2024 lawsuits over "
     "data privacy and copyright will come first.",
     "certain", Y2024_STATED, ["AI新技術亟需法律和監管跟進,在2024年圍繞數據隱私、版權問題的訴訟將首先到來"],
     topics=["litigation", "copyright", "data", "regulation"], parent=P6)

# -- 7 ---------------------------------------------------------------------

P7 = pred("ai-carbon-green-issues-more-prominent-2024",
          "Carbon-neutrality and green problems caused by AI large models will become more "
          "prominent.",
          "certain", Y2024_LIST, ["7、AI大模型引發的碳中和、綠色問題將更加突顯"],
          topics=["energy"], number=7)

pred("compute-demand-exponential-growth",
     "As AI demand expands, compute demand will increase exponentially.",
     "certain", Y2024_LIST, ["并且隨著AI需求擴大,算力需求還會指數型增加"],
     topics=["compute", "energy"], parent=P7,
     note="No rate is given, so there is no compute-trend record for it.")

pred("ai-compute-largest-power-emissions-source",
     "Compute may become the largest source of electricity consumption and carbon emissions.",
     "possible", Y2024_LIST, ["算力需求還會指數型增加,可能成為最大耗電、碳排放的源頭"],
     topics=["compute", "energy"], parent=P7,
     note="The horizon is the list's year; the sentence itself gives none.")

pred("data-centre-power-share-4pct-2030",
     "The International Energy Agency expects data centres' share of global electricity "
     "consumption (1.5%–2% now, as much as the UK uses) to reach 4% in 2030.",
     "likely", span("2030-01-01", "2030-12-31", "year", "2030", text="2030年"),
     ["國際能源署估計,數據中心的用電量占全球電力消耗的1.5%至2%,相當于英國的用電量。預計2030年,將占到4%"],
     made_by=["iea"], companies=["iea"], topics=["energy"], parent=P7,
     note="The 預計 sentence follows 國際能源署估計 directly and is read as the IEA's projection. "
          "The current share is the statistic iea-data-centre-power-share.")

pred("big-tech-carbon-neutral-2030",
     "Large tech companies have essentially all pledged carbon neutrality by 2030; to keep AI from "
     "dragging them down they are researching small and on-device models to raise compute "
     "efficiency, and turning to green-power purchases, in-house chips and self-built green data "
     "centres.",
     "certain",
     span("2023-12-27", "2030-12-31", "year", "by 2030", relation="by", text="2030",
          reason="the pledge's target year is stated (2030); the span starts at publication"),
     ["大型科技公司基本都有2030碳中和的承諾,想要AI不被拖垮,他們已在研究小模型、端側模型,提升算力效率;"
      "通過采購綠電、自研芯片、自建綠色數據中心等方式解決"],
     topics=["energy", "compute", "chips"], parent=P7,
     attributed_to="large technology companies (their 2030 carbon-neutrality pledges, as the "
                   "document reports them)",
     note="A pledge reported by the document rather than the document's own forecast; recorded "
          "as a sub-claim of prediction 7, attributed to the companies that made the pledges. "
          "The document names none of them here.")

pred("microsoft-nuclear-power-for-ai",
     "Microsoft is already considering building nuclear power plants to power its AI large "
     "models.",
     "possible", None, ["微軟已經在琢磨,建核電站給AI大模型供能"],
     companies=["microsoft"], topics=["energy"], parent=P7,
     note="Reported as something Microsoft is mulling (在琢磨), hence 'possible'; the document "
          "gives no date, so there is no horizon.")

# -- closing outlook -------------------------------------------------------

pred("ai-scale-service-providers-emerge-2024",
     "In 2024, companies and individuals able to provide services and knowledge at scale with "
     "AI will emerge.",
     "certain", Y2024_STATED,
     ["2024年,能用AI規«?;峁┓?wù)»、知識的企業和個體將涌現"],
     topics=["applications", "business_model"],
     note="The excerpt contains the mis-encoded fragment ?;峁┓?wù), which clean_text "
          "repairs to 模化提供服務 (規模化提供服務, 'provide at scale').")

pred("ai-based-new-products-and-models-2024",
     "Products and new models beyond common sense, based on AI, will appear.",
     "certain", Y2024_STATED, ["超出常識、基于AI的產品和新模式會出現"],
     topics=["applications", "business_model"],
     note="Part of the closing sentence that opens with 2024年.")

pred("ai-cross-disciplinary-innovation-2024",
     "As AI crosses disciplines, it will drive more innovation.",
     "certain", Y2024_STATED, ["AI跨學科之后,也會推動更多創新涌現"],
     topics=["applications"],
     note="Part of the closing sentence that opens with 2024年.")

pred("divergence-widens-faster",
     "Divergence and gaps will widen at an even more astonishing speed.",
     "certain",
     y2024_inferred(None, "no date in the sentence; the closing line follows the outlook "
                          "paragraph that opens with 2024年, and is read as part of it"),
     ["分化和差距,還會以更驚人的速度拉開"],
     topics=["markets"],
     note="The closing line; it echoes the review's 2023年,也是分化加劇的一年 ('2023 was also a "
          "year of growing divergence'). The horizon is inferred from the preceding 2024 outlook.")

# --------------------------------------------------------------------------
# Compute trends
# --------------------------------------------------------------------------

compute_trends = [
    {
        "id": "ai-compute-demand-10x-per-year",
        "statement": "The compute demand of AI large models grows nearly tenfold a year, far "
                     "above the growth of GPU compute and the pace of data-centre construction.",
        "metric": "compute_demand",
        "growth": {"kind": "factor", "value": "10", "period_months": "12", "qualifier": "nearly"},
        "excerpts": [ex("AI大模型的算力需求,每年增長近10倍,遠超GPU算力增速和數據中心的建設速度")],
        "note": "No source is cited and no period is given; the rate is stated as current. The "
                "comparison rates (GPU compute, data-centre construction) are not quantified.",
    }
]

# --------------------------------------------------------------------------
# Debates
# --------------------------------------------------------------------------

Q_COPY = clean_text(ex("這些數據和作品的原作者,是否有權拒絕被使用?是否能獲得收益?")["text"])

debates = [
    {
        "id": "ai-training-data-authors-rights",
        "question": Q_COPY,
        "question_en": "Do the original authors of the data and works that AI models are trained "
                       "on have the right to refuse their use, and can they share in the revenue?",
        "source": SRC,
        "topics": sorted(["copyright", "data", "litigation", "regulation"]),
        "excerpts": [
            ex("目前AI大模型使用的數據,多是從互聯網上免費爬蟲抓取"),
            ex("這些數據和作品的原作者,是否有權拒絕被使用?是否能獲得收益?"),
        ],
        "positions": [
            {
                "stance": "uncertain",
                "summary": "The document poses the question without answering it; it says new "
                           "AI technology urgently needs law and regulation to catch up, and "
                           "that lawsuits over data privacy and copyright will come first in 2024.",
                "holder": "the document's own voice (author 朝陽, 智谷趨勢)",
                "excerpt": ex("AI新技術亟需法律和監管跟進,在2024年圍繞數據隱私、版權問題的訴訟將首先到來"),
            },
            {
                "stance": "yes",
                "summary": "The New York Times, as the document reports, took Microsoft and OpenAI "
                           "to court, demanding the destruction of all large models and training "
                           "sets containing its data and billions of dollars in damages — in "
                           "effect claiming the right to refuse such use and to be compensated.",
                "holder": "The New York Times (by its lawsuit)",
                "affiliation": "紐約時報",
                "organization": "new-york-times",
                "excerpt": ex(NYT),
            },
        ],
        "note": "The document frames the question after the New York Times suit and the "
                "observation that models (ChatGPT, Midjourney, Runway, Pika) are trained on data "
                "scraped free from the internet. The New York Times's position is inferred from "
                "its demands as reported, not quoted.",
    },
    {
        "id": "open-vs-closed-models-2024",
        "question": "閉源模型是否仍會繼續領先開源模型?",
        "question_en": "Will closed models keep their lead over open-source models?",
        "source": SRC,
        "topics": ["open_source"],
        "excerpts": [ex("1、GPT-5發布,閉源模型仍會繼續領先")],
        "positions": [
            {
                "stance": "yes",
                "summary": "Large companies favour closed models and will invest more in "
                           "technology and money, so closed models will keep their lead over "
                           "open-source models.",
                "holder": "the document's own voice (author 朝陽, 智谷趨勢)",
                "excerpt": ex("大公司更加青睞閉源模型,在技術和資金方面投入也會更大,將會保持對開源模型的領先"),
            }
        ],
        "note": "The question is framed from prediction 1's heading (閉源模型仍會繼續領先); "
                "the document states only its own position.",
    },
]

# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------

statistics: list[dict] = []


def stat(id, statement, value, quotes, *, date=None, companies=(), topics=(), cites=None, note=None):
    d = {"id": id, "statement": statement, "value": value,
         "excerpts": [ex(q) if isinstance(q, str) else q for q in quotes]}
    if date:
        d["date"] = date
    if companies:
        d["companies"] = list(companies)
    if topics:
        d["topics"] = sorted(topics)
    if cites:
        d["cites"] = cites
    if note:
        d["note"] = note
    statistics.append(d)


def qty(value, unit, qualifier="exact", high=None):
    d = {"value": value, "unit": unit}
    if qualifier != "exact":
        d["qualifier"] = qualifier
    if high is not None:
        d["high"] = high
    return d


Y2023_REVIEW = span("2023-01-01", "2023-12-31", "year", "2023", certainty="inferred",
                    reason="a bullet under 但2023年的大環境卻是“降本增效” (the 2023 environment)")

stat("new-unicorns-down-85pct-2023",
     "In 2023 start-ups saw a wave of closures and the number of new unicorns fell by 85%.",
     qty("85", "percent"), ["創業公司出現倒閉潮,新增獨角獸企業數量下降85%"],
     date=Y2023_REVIEW, topics=["startups", "funding"],
     note="A decline of 85%; the document gives no baseline or source.")

stat("seven-companies-carry-us-stock-gains-2023",
     "Seven companies — Apple, Microsoft, Google, Amazon, Nvidia, Meta and Tesla — carried the "
     "rise of the US stock market in 2023.",
     qty("7", "companies"), [SEVEN],
     date=span("2023-01-01", "2023-12-31", "year", "2023", certainty="inferred",
               reason="a bullet under 2023年,也是分化加劇的一年"),
     companies=["apple", "microsoft", "google", "amazon", "nvidia", "meta", "tesla"],
     topics=["markets"])

stat("openai-paper-80pct-jobs-affected",
     "An OpenAI paper states that 80% of jobs and incomes are affected by AI.",
     qty("80", "percent"), ["OpenAI論文指出80%的工作和收入被AI影響"],
     companies=["openai"], cites="OpenAI paper (OpenAI論文)",
     note="The document does not name the paper or say which workforce the share refers to. "
          "From outside the document: the OpenAI paper usually cited for this figure (Eloundou "
          "et al. 2023, 'GPTs are GPTs') estimates that about 80% of the US workforce could have "
          "at least 10% of their work tasks affected by large language models; it does not say "
          "that 80% of jobs and incomes are affected. The document's wording is looser than "
          "that finding and is kept as stated.")

stat("china-large-models-238-oct-2023",
     "By October 2023, 238 AI large models had appeared in China.",
     qty("238", "models"), ["截至10月,國內已出現238個AI大模型"],
     date=span("2023-10-01", "2023-10-31", "month", "as of October 2023", certainty="inferred",
               text="截至10月", reason="the year is not stated; the passage reviews 2023"),
     topics=["markets"],
     note="國內 (domestically) = China from the author's perspective.")

stat("china-large-models-78-may-2023",
     "In May 2023 the number of AI large models in China was 78.",
     qty("78", "models"), ["5月時這個數字還是78"],
     date=span("2023-05-01", "2023-05-31", "month", "May 2023", certainty="inferred", text="5月時",
               reason="the year is not stated; the passage reviews 2023"),
     topics=["markets"])

stat("large-model-developers-over-100",
     "The current AI boom has produced a hundred or more companies developing large models, plus "
     "more start-ups building applications on open-source models.",
     qty("100", "companies", "at_least"),
     ["這一輪AI熱,催生了上百家研發大模型的企業,以及更多基于開源模型,去做應用研發的創業公司"],
     topics=["startups", "open_source", "markets"],
     note="上百家 ('reaching a hundred', i.e. a hundred or more) is recorded as at least 100.")

stat("large-model-parameter-scale",
     "Large models routinely have hundreds of billions to trillions of parameters, demanding "
     "extremely high compute.",
     qty("100000000000", "parameters", "several"), ["大模型動輒千億萬億的參數規模,對算力要求極高"],
     topics=["scaling", "compute"],
     note="動輒千億萬億 ('routinely hundreds of billions, trillions'): an order of magnitude, "
          "recorded as multiples of 10^11 (千億).")

stat("iea-data-centre-power-share",
     "The International Energy Agency estimates that data centres use 1.5%–2% of global "
     "electricity, as much as the United Kingdom uses.",
     qty("1.5", "percent", "range", "2"),
     ["國際能源署估計,數據中心的用電量占全球電力消耗的1.5%至2%,相當于英國的用電量"],
     companies=["iea"], topics=["energy"], cites="International Energy Agency (國際能源署)",
     note="An estimate (估計) given as a range; no year is stated.")

stat("nyt-suit-damages-billions",
     "At the tail of 2023 the New York Times sued Microsoft and OpenAI, demanding the destruction "
     "of all large models and training sets containing its data and damages of billions of "
     "US dollars.",
     {"amount": "1000000000", "currency": "USD", "qualifier": "several"},
     ["踩在2023年的尾巴," + NYT],
     date=span("2023-12-27", "2023-12-31", "days", "late December 2023", certainty="inferred",
               text="踩在2023年的尾巴",
               reason="'at the tail of 2023', before the document's publication in late December "
                      "2023. The lower bound, 27 December 2023, is the day the suit was filed, "
                      "known from outside the document, which gives no day"),
     companies=["new-york-times", "microsoft", "openai"], topics=["litigation", "copyright", "data"],
     note="數十億美金 ('billions of US dollars') is recorded as an order of magnitude.")

WATER_MS = "為了服務器液冷,微軟一年用掉17億加侖(約64億升)的水,相當于2500個奧運會泳池"
WATER_G = "谷歌用掉56億加侖(約212億升),8500個游泳池"
WATER_NOTE = "Per year (一年); the year is not stated."

stat("microsoft-water-gallons",
     "Microsoft uses 1.7 billion gallons of water a year for liquid cooling of its servers.",
     qty("1700000000", "gallons"), [WATER_MS], companies=["microsoft"], topics=["energy", "compute"],
     note=WATER_NOTE)
stat("microsoft-water-liters",
     "Microsoft's yearly water use for server liquid cooling is about 6.4 billion litres.",
     qty("6400000000", "liters", "about"), [WATER_MS], companies=["microsoft"],
     topics=["energy", "compute"], note=WATER_NOTE + " The litres are the document's conversion "
                                                    "of the 1.7 billion gallons.")
stat("microsoft-water-olympic-pools",
     "Microsoft's yearly water use for server liquid cooling equals 2,500 Olympic swimming pools.",
     qty("2500", "Olympic swimming pools"), [WATER_MS], companies=["microsoft"],
     topics=["energy", "compute"], note=WATER_NOTE)
stat("google-water-gallons",
     "Google uses 5.6 billion gallons of water (a year, for server liquid cooling).",
     qty("5600000000", "gallons"), [WATER_G], companies=["google"], topics=["energy", "compute"],
     note=WATER_NOTE + " The purpose and period are carried over from the Microsoft figure in the "
                       "same sentence.")
stat("google-water-liters",
     "Google's water use is about 21.2 billion litres.",
     qty("21200000000", "liters", "about"), [WATER_G], companies=["google"],
     topics=["energy", "compute"], note=WATER_NOTE + " The litres are the document's conversion "
                                                    "of the 5.6 billion gallons.")
stat("google-water-swimming-pools",
     "Google's water use equals 8,500 swimming pools.",
     qty("8500", "swimming pools"), [WATER_G], companies=["google"], topics=["energy", "compute"],
     note=WATER_NOTE + " The document says 游泳池 (swimming pools) here, 奧運會泳池 (Olympic "
                       "pools) for Microsoft; presumably the same unit.")

# --------------------------------------------------------------------------
# Write, through the package's converter (canonical JSON form)
# --------------------------------------------------------------------------

OUT = {
    "sources": sources,
    "companies": companies,
    "people": people,
    "predictions": predictions,
    "funding_rounds": [],
    "compute_trends": compute_trends,
    "debates": debates,
    "statistics": statistics,
}


def main() -> None:
    conv = make_converter()
    for kind, records in OUT.items():
        cls = KINDS[kind]
        canonical = [conv.unstructure(conv.structure(r, cls)) for r in records]
        doc = {"kind": kind, "records": canonical, "schema_version": 1}
        (HERE / f"{kind}.json").write_text(
            json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
        print(kind, len(canonical))


if __name__ == "__main__":
    main()
