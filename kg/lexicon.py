"""Words that signal names and relations in Chinese news text, in one place.

The NER rules (``ner/rules.py``), the name repairs (``ner/repair/``), the relation
stage (``relations.py``) and resolution (``resolve/``) read their trigger words,
suffixes and the patterns built from them here, so that one word list never drifts
into two. Nothing here is a name list: these are the grammar's closed classes
(legal forms, body suffixes, posts, verbs of issuing, funding, founding).
"""
from __future__ import annotations

import re


def alternatives(words) -> str:
    """A regex alternation of ``words``, longest first (so 委员会 wins over 委)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# -- organization names ------------------------------------------------------------------------

#: Kinds of area, not a division's name: 自治区, 合作区, 智慧城市.
KINDS_OF_AREA = ("城市", "自治区", "合作区", "开发区", "示范区", "新区", "园区", "城区", "景区", "片区", "辖区", "社区", "街区", "小区",
                 "县区", "市区", "保税区", "实验区", "功能区", "集聚区", "先行区")
#: A division named with its level, 某滨区, 某溪县, 某州市 (not 国家市场, 区块链, 市级: other words).
NAMED_DIVISION = re.compile(r"(?![国全中各本该我省])[\u4e00-\u9fff]{2,3}[市区县](?![场块域级政属长民])")
#: Kinds of body the model may write as two words: 家庭 | 农场, 推广 | 站.
KINDS_IN_TWO_WORDS = ("家庭农场", "试验站", "服务站", "推广站", "监测站", "植检站", "救援支队", "救援大队", "救援总队", "执法支队", "执法大队")
#: A bureau's unit in a town, named by the town: 某某局某镇市场监管所, 某某局某某派出所.
BUREAU_UNITS = ("监管所", "派出所", "税务所", "司法所", "财政所")
#: Bodies named by their town: a bureau's unit, a business (某某加油站).
UNITS_OF_A_TOWN = (*BUREAU_UNITS, "加油站")
ORG_SUFFIXES = (
    "有限责任公司", "股份有限公司", "有限公司", "公司", "集团", "控股", "资本", "创投", "投资", "基金",
    "基金会", "银行", "分行", "支行", "证券", "研究院", "研究所", "研究中心", "实验室", "中心", "大学", "学院", "医院",
    "协会", "学会", "联盟", "委员会", "管委会", "办公室", "工作组", "秘书处", "联席会", "交易所",
    "分会", "智库", "出版社", "电视台", "报社", "研究会", "促进会", "商会", "联合会", "合作社",
    "事务所", "孵化器", "加速器", "株式会社", "领导小组", "工作站", "工作室", "服务团", "工作专班", "工作队", "煤矿", *KINDS_IN_TWO_WORDS,
    "博物馆", "美术馆", "图书馆", "纪念馆", "科技馆", "文化馆", "档案馆",
    "局", "厅", "委", "部", "院", "署", "办", *UNITS_OF_A_TOWN,
)
#: Kinds of space where start-ups are hatched, named by a brand or place before them: 某某众创空间, 某某加速器.
START_UP_SPACES = ("众创空间", "创客空间", "孵化器", "加速器", "创业港", "创新工场")
#: Words that end like an organization but are posts or generic nouns.
NOT_ORG_WORDS = re.compile(r"(?:局长|部长|院长|处长|厅长|所长|委员|常委|主任|干部|内部|外部|全部|局部|总部|本部|学院派"
                           r"|布局|格局|结局|大局|全局|变局|开局|破局|新局|注册资本|实缴资本)$")
#: Words that end a company name whatever tag the model gave them (泰煜 | 投资/v).
STRONG_SUFFIX_WORDS = {"资本", "创投", "投资", "基金", "集团", "控股", "科技", "资管", "证券", "银行", "数科"}
#: The State Council's ministries and commissions by their full names (a fixed list of the central
#: government's make-up, not names learnt from any text): named alone, they are bodies whatever
#: words the model cut them into (生态 | 环境部).
MINISTRIES = ("外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会",
              "公安部", "国家安全部", "民政部", "司法部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部",
              "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "国家卫生健康委员会",
              "退役军人事务部", "应急管理部", "审计署")
#: The lines of business a place's own company is named by after the place (某州交通旅游投资集团,
#: 某市城市建设发展集团): a name that starts with one has no brand of its own to be called by.
PUBLIC_LINES = ("交通", "旅游", "文旅", "城市", "城建", "城投", "文化", "建设", "发展", "能源", "水务", "产业", "国有",
                "资产", "金融", "投资", "实业", "工业", "农业", "商贸", "物流", "港口", "航空", "铁路", "水利",
                "电力", "燃气", "环境", "生态", "康养", "交投", "农投", "旅投", "置业", "地产", "开发")
#: The heads of a body named in quotes: “信息无障碍技术和知识产权开放工作组”.
BODY_HEADS = ("工作组", "联盟", "委员会", "实验室", "联合体", "研究院", "研究中心", "创新中心", "协会",
              "学会", "基金会", "俱乐部", "共同体", "工作委员会", "专委会", "分会", "创新联合体", "产业联盟")
GOVERNMENT_BODY = re.compile(r"(?:局|委|厅|办|委员会|管委会|办公室|政府)$")
#: A body that issues documents, the one a title may name: ministries (部), 国务院, 署, the central bank.
ISSUING_BODY = re.compile(r"(?:局|委|厅|办|委员会|管委会|办公室|政府|部|国务院|署|人民银行)$")
#: The last characters a government body's name can end with (a cheap test before the pass).
GOVERNMENT_BODY_ENDS = re.compile(r"[局委厅办会室府]")
#: Words before an organization name that belong to it: 市 经信局, 国家 发展改革委.
REGION_PREFIX_WORDS = ("市", "省", "区", "县", "州", "国家", "中央", "全国")
#: Levels of a local government, as the first character of 市经信局, 省科技厅.
LOCAL_LEVELS = ("市", "省", "区", "县")
LEGAL_FORMS = re.compile(r"(?:集团)?(?:股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司|集团|株式会社)$"
                         r"|(?:合伙企业|基金)[（(]有限合伙[）)]$")
#: The end of a registered name, which nothing but a name stands right before: 某某精密株式会社,
#: 某某创业投资合伙企业（有限合伙）. (Not 公司 or 集团 alone: 该公司, 子公司.)
#: A company's registered form (a partnership's is in brackets after its name, below).
COMPANY_FORM = r"股份有限公司|有限责任公司|有限公司|株式会社"
REGISTERED_FORM = re.compile(rf"{COMPANY_FORM}|(?:合伙企业|基金)[（(]有限合伙[）)]")
#: A name that ends in its registered legal form.
REGISTERED_END = re.compile(rf"(?:{REGISTERED_FORM.pattern})$")
#: What a company owns, before the owned one's name: 全资子公司 | 某某有限公司. Never part of a name.
OWNED_COMPANY_WORDS = ("子公司", "全资子公司", "控股子公司", "分公司", "母公司", "孙公司", "参股公司", "合资公司")
TRADES = re.compile(r"(?:网络科技|信息技术|信息科技|科技发展|网络技术|电子信息|智能科技|数字科技|"
                    r"科技|技术|信息|网络|软件|电子|智能|数据)$")
#: Crafts a company's short name may end with, which the model reads as verbs: 某某铸造, 某某酿造.
MAKING_TRADES = frozenset({"铸造", "锻造", "冶炼", "制造", "印刷", "包装", "酿造", "纺织", "养殖"})
#: Nouns that describe a company before its name: 提供商“曼孚科技”, 研发商北京衡芯量子科技有限公司.
COMPANY_DESCRIPTORS = ("公司", "企业", "厂商", "提供商", "服务商", "运营商", "供应商", "制造商", "开发商",
                       "研发商", "设备商", "芯片商", "材料商", "软件商", "发行商", "平台", "机构", "品牌", "初创", "创企", "独角兽",
                       "股东")
DESCRIPTOR = re.compile(f"(?:{alternatives(COMPANY_DESCRIPTORS)})$")
#: How a person named in full is addressed after: 某院士, 某教授 (and 某总 by the surname alone).
HONORIFICS = ("院士", "教授", "研究员", "博士", "先生", "女士")
#: How a medicine is made up, at the end of its name: 某某补血颗粒, 某某胶囊 (no body's name ends so).
DOSAGE_FORMS = ("颗粒", "胶囊", "注射液", "口服液", "滴丸", "软膏", "糖浆", "喷雾剂", "颗粒剂")
#: A description, then a full company name: the name starts after the description (not 企业 of a trade:
#: 某某企业管理咨询有限公司).
DESCRIBED_COMPANY = re.compile(r"^.{2,16}?(?:(?:研发商|提供商|服务商|运营商|供应商|制造商|开发商|厂商|企业(?!管理|服务|发展|咨询)|公司"
                               r"|(?:实施|运营|建设|投资|责任)主体)"
                               r"(?=.{4,}(?:有限公司|有限责任公司|股份公司|集团)$)"
                               r"|(?:设备商|芯片商|材料商|软件商|发行商|工作室|企业(?!管理|服务|发展|咨询))(?=.{4,}(?:公司|株式会社)$))")
# (荷兰光刻设备商 | 某某公司, 德国工控安全企业 | 某某安全公司)
#: An "organization" made only of generic words (智能汽车公司, 汽车行业, 多维度), a
#: category of bodies (中小企业, 国家重点实验室), or one character.
#: Kinds of body a government confers as a status: 某省某某重点实验室, 某某工程技术研究中心.
STATUS_KINDS = ("重点实验室", "工程实验室", "工程研究中心", "工程技术研究中心", "技术创新中心", "国际联合研究中心",
                "国际科技合作基地")
GENERIC_ORG = re.compile(
    r"^(?:(?:科技|智能|汽车|电动|运动|互联网|医疗|教育|金融|数据|信息|技术|网络|软件|硬件|新能源|人工智能|"
    r"创新|创业|初创|科创|投资|上市|民营|国有|外资|龙头|头部|平台|制造|服务|研发|生物|医药|"
    r"飞行|航空|物流|无人机|机器人|芯片|半导体|新材料|稀土|钢铁|煤炭|化工|矿业|纺织|食品|电力|建材)+(?:公司|企业|集团|机构|合资公司)|"
    # a verb read into the kind word after it: 整合 | 集团旗下…
    r"(?:整合|收购|并购|依托|带动|重组|推动)(?:公司|企业|集团)|"
    # a company's unit named by its kind only: 中国子公司, 合资公司 (not 德州分公司, a branch named again)
    r"(?:中国|海外|境外|国内)?(?:子公司|合资公司)|.{0,6}(?:行业|产业|领域|维度|板块)|公告|政府|企业|公司|集团|"
    # bodies of several places counted, not one: 三省一市人民政府, 两省科技厅, 九城市科技局
    r"[一二三四五六七八九十两多各]{1,2}个?(?:省|市|区|县|城市|地市)(?:[一二三四五六七八九十两]{1,2}(?:省|市|区|县))?"
    r".*(?:人民政府|政府|办公厅|局|厅|委|办|委员会)|"
    # a round or a deal, not a name: 天使轮融资, A 轮投资
    r".{0,6}轮(?:融资|投资)|"
    # a role in a deal, not a name: 合作银行, 签约机构, 承办单位
    r"(?:合作|签约|试点|承办|协办|主办|参与|托管|经办|放款|授信|合资)(?:银行|机构|企业|单位|公司|方)|"
    # categories of body, not bodies: 中小企业, 科研院所, a status such as 国家重点实验室
    r"中小企业|小微企业|科研院所|院所|高校|高等院校|银行|证券|保险|券商|科技|"
    rf"(?:国家级?|全国|自治区|[\u4e00-\u9fff]{{0,3}}[省市]级?)?(?:{alternatives(STATUS_KINDS)})|"
    # a kind of body with no name before it: 中心, 创新中心, 新中心, 管理委员会
    r"(?:新|创新|研发|技术|产业|现代产业|服务)?(?:中心|研究院|研究所|实验室|委员会|管理委员会|管委会|联盟|基地|园区|学院|科协)|"
    # a group sent on an errand: 招商小分队, 代表团
    r"(?:招商|考察|调研|工作)?(?:小分队|分队|代表团|考察团|调研组|专班)|项目|平台|工程|学校|本校|我校|"
    # a party to a deal by its side or its country: 甲方, 泰方, 外方
    r"[中外美日韩德法英俄泰越缅印澳加甲乙丙双各对我]方|"
    # a kind of investing or of fund: 股权投资, 子基金投资, S 基金, QFLP 基金
    r"(?:子基金|股权|创业|风险|天使|产业|早期)投资|[A-Z]{1,5}\s*基金|"
    # a body named again by a demonstrative and its kind: 该院, 上述公司 (see kg.ner.anaphora)
    r"(?:该|上述)[\u4e00-\u9fff]{1,4}|.)$")
#: A body's own organs and departments: 董事会, 党委, 财务部. After a company, a university or an
#: association they name no new body (某某股份有限公司 | 监事会), and alone they name none.
INTERNAL_ORGANS = ("董事会", "监事会", "董事局", "理事会", "党委", "党工委", "党组", "纪委", "工会", "团委", "党支部", "党总支",
                   "总经办", "总经理办公室", "办公室", "秘书处", "组织部", "宣传部", "投资决策委员会", "投委会")
#: What a department of a company does: 财务部, 人力资源部, 供应链管理部 (not 教育部, a ministry).
DEPARTMENT_FUNCTIONS = ("财务", "财会", "审计", "人事", "人力资源", "采购", "资金", "投资", "投资发展", "装备", "供应链管理",
                        "风险管理", "法务", "市场", "销售", "营销", "行政", "综合", "计划财务", "生产技术", "技术",
                        "会员", "党群工作", "政治工作", "总经理工作", "战略发展", "企业管理", "品牌", "客户服务",
                        "安全环保", "安全生产", "安全", "环保", "工程管理", "运营管理")
_ORDINAL = r"(?:第[一二三四五六七八九十\d]+届)?"
ORGAN = re.compile(rf"(?:{_ORDINAL}(?:{alternatives(INTERNAL_ORGANS)}|(?:{alternatives(DEPARTMENT_FUNCTIONS)})+(?:部|科|处)))+$")
#: A name that stops here may have organs after it: a company, a university, an association.
ORGAN_PARENT = re.compile(r"(?:公司|集团|总厂|厂|大学|学院|协会|学会|商会|联合会|事务所|银行|证券|合作社|联合社|供销社)$")
#: A "place" that is only the kind of a zone, with no name: 科技园区, 科创园, 开发区, 国家大学科技园.
GENERIC_PLACE = re.compile(r"^(?:国家级?|省级|市级)?(?:大学|科技|产业|工业|高新|高新技术|科创|创新|经济|软件|物流|生态|文化|农业|双创|孵化)*"
                           r"(?:园区|科技园|产业园|工业园|科创园|软件园|开发区|高新区|新区|保税区|综保区|园|基地"
                           r"|自贸区|自贸试验区|自由贸易试验区|片区|自贸片区|合作区|特色小镇|小镇)$")
#: Sector words that lists of industries share with lists of companies.
GENERIC_SECTORS = re.compile(
    r"^(?:人工智能|电子商务|交通出行|金融科技|教育科技|医疗健康|企业服务|智能制造|新能源|新材料|生物医药|"
    r"集成电路|大数据|云计算|物联网|区块链|信息技术|文化娱乐|本地生活|汽车交通|硬件|软件|游戏|物流|"
    r"制造业|服务业|金融|教育|医疗|能源|汽车|芯片|半导体|新能源汽车|智能网联汽车|汽车零部件|动力电池|储能)$")
#: `(以下简称汀盾量子)`: the text declares a short name.
#: (Latin Name，简称ABC): a body's own Latin name may come first.
DECLARATION = re.compile(r"^[（(]\s*(?:[A-Za-z][A-Za-z0-9 .&'-]{1,40}[，,]\s*)?(?:以下)?(?:简称|下称|以下称|股票简称|证券简称)"
                         r"\s*[:：]?\s*[“\"]?([^”\"）)，,、]{2,12})[”\"]?\s*[）)]")

# -- titles and schemes ------------------------------------------------------------------------

#: Head nouns of a policy title, longest first where one is the tail of another.
POLICY_HEADS = (
    "指导意见", "实施意见", "若干意见", "意见", "管理办法", "实施办法", "办法", "暂行规定", "规定",
    "条例", "法", "规划", "行动计划", "计划", "实施方案", "工作方案", "方案", "通知", "决定", "纲要",
    "实施细则", "细则", "若干措施", "措施", "政策", "战略", "指南", "准则", "规则", "目录", "清单",
    "决议", "公约", "协定", "法案", "要点", "路线图", "规范", "标准", "指引", "导则", "规程", "规范条件", "准入条件",
)
REPORT_HEADS = (
    "报告", "白皮书", "蓝皮书", "绿皮书", "指数", "榜单", "排行榜", "名单", "年鉴", "发展现状",
    "调查", "研究", "案例集", "图谱", "地图", "手册",
)
#: A company named in Latin letters ends with its legal form or kind: Skarvik Energi AB, Corvana GmbH,
#: Summit Grid Partners, a Spanish S.L. The name is the capitalized words before it.
FOREIGN_COMPANY = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][A-Za-z0-9&'\-]*\.?\s+){1,4}"
    r"(?:S\.L\.|S\.A\.S\.|S\.A\.|S\.p\.A\.|S\.r\.l\.|B\.V\.|N\.V\.|A/S|Sdn\.?\s?Bhd\.?|Pty\.?\s?Ltd\.?|JSC|KG|"
    r"AB|AS|ASA|Oyj?|GmbH|AG|SE|SA|SAS|SpA|NV|BV|Inc\.?|Ltd\.?|Limited|LLC|LLP|PLC|plc|Corp\.?|Corporation|"
    r"Co\.,?\s?Ltd\.?|KK|K\.K\.|Pte\.?\s?Ltd\.?|Partners|Capital|Ventures|Fund|Holdings|Group)(?![A-Za-z])")
#: Characters of names written in Chinese for foreign places and people: 奥斯汀, 于默奥, 瓦萨.
TRANSLITERATION_CHARS = ("阿埃艾安奥巴贝本比波伯布达德迪丁杜多厄恩法菲费弗福伽盖格贡古哈海汉豪赫亨胡华霍基吉加杰金卡凯坎柯科克肯库拉莱赖兰朗劳勒雷"
                         "里利林琳隆卢鲁伦罗洛马迈曼梅门蒙米明莫默姆穆纳奈南内尼涅宁纽诺帕佩彭皮珀普齐奇恰乔切琴萨木图塞桑森沙莎圣施什斯松苏索塔泰"
                         "坦特提图托瓦万威韦维温沃乌西希夏谢辛休雅亚扬耶伊因英尤于泽扎詹兹汀项浦堡哥尔达戈格鹿奎蒂芬隆摩夫")
TRANSLITERATION = re.compile(rf"^[{TRANSLITERATION_CHARS}]{{2,5}}$")
#: Characters of names of people written by their sound: a foreigner's, and names of the Uyghur, Kazakh, Mongolian
#: and Tibetan peoples (艾尔肯·吐尔逊, 其木格, 扎西顿珠), which have no surname in front.
NAME_SOUNDS = f"[{TRANSLITERATION_CHARS}吾买热依江不都合乎力孜丽娜雅额日敦其顿珠次仁卓玛旺堆扎桑顺毕嘎仓措央拉曲珍群培益增丹朗" \
              "平那乌兰斯琴巴尔宝音朝满勒楚哲敖呼提古曼努帕玉素甫吐逊迪拜汗罕衣排麦]"
#: A newspaper or agency given as the source of an item: （来源：经济参考报）.
SOURCE_MEDIA = re.compile(r"(?:来源|来自|稿源|转自)\s*[:：]\s*([\u4e00-\u9fff]{2,10}?(?:日报|晚报|时报|早报|商报|报|新闻网|网|通讯社|新闻社|电视台))")
#: Head nouns that name a document even without 《》 (湖南省促进科技成果转化实施方案, 人才新政20条);
#: the shorter heads (意见, 办法, 规划) name one only inside 《》.
BARE_POLICY_HEADS = re.compile(
    r"(?:指导意见|实施意见|若干意见|管理办法|实施办法|暂行办法|实施细则|管理细则|操作细则|管理规定|若干措施|若干政策|政策措施|"
    r"行动计划|行动方案|实施方案|工作方案|三年行动|促进条例|管理条例|条例|暂行规定|若干规定|工作指引|操作指引|"
    r"(?:新政)?[0-9一二三四五六七八九十]{1,3}条(?:措施|举措|政策)?|工作规程|操作规程|办法|规则|规范|规划|规程)")
#: Heads that make a title only after a long enough name: 某某跨省执业备案办法, not 奖励办法.
SHORT_POLICY_HEADS = ("办法", "规则", "规范", "规划", "规程")
#: Verbs and prepositions that put a document's name right after them: 印发, 出台, 根据, 落实.
BARE_POLICY_BEFORE = re.compile(
    r"(?:印发|出台|发布|发出|下发|制定|颁布|出炉|推出|公布|审议通过|修订|施行|实施|落实|贯彻|根据|按照|依据|对照)(?:了|的)?$")
#: Words that make a "title" a description of documents, not a name: 相关政策措施, 一系列若干措施.
GENERIC_DOCUMENT = re.compile(r"^(?:相关|有关|一系列|系列|一批|多项|多个|各项|各类|这些|这项|该|此|新一轮|一揽子|配套|"
                              r"具体|专门|专项|(?:支持|扶持)(?![\u4e00-\u9fff]{10})|优惠|新的|新|[0-9一二三四五六七八九十两多几]+[项个份条部])")
MEDIA_HEADS = ("日报", "晚报", "时报", "早报", "报", "杂志", "周刊", "月刊", "学报")
SCHEME_HEADS = ("专项", "工程", "行动计划", "计划", "行动", "政策", "方案", "规划", "试点", "项目库")

# -- posts -------------------------------------------------------------------------------------

_POST = (r"(?:常务|执行|首席|名誉|高级|资深|联合|代理|专职|驻会|创会)?(?:副)?"
         r"(?:党组书记|党委书记|党工委书记|党组副书记|党委副书记|党工委副书记|党委委员|党组成员|党委常委|书记|院长|局长|部长|厅长|处长|科长|司长|主任|董事长|董事|"
         r"省长|市长|区长|县长|州长|镇长|乡长|"
         r"总经理|经理|总裁|总监|CEO|CTO|COO|CFO|首席[\u4e00-\u9fff]{1,3}官|首席科学家|首席专家|创始人|"
         r"合伙人|所长|校长|会长|理事长|秘书长|主席|总工程师|总师|负责人|行长|社长|台长|总编辑|"
         r"主编|研究员|院士|教授|委员|常委|助理|总经理助理|市场总经理|专家|代表|总领事|领事|大使|参赞|成员|"
         r"组长|站长|首席工程师|董事会秘书|董秘|农场主|巡视员|调研员|团长|馆长|[总支大]?队长|矿长|厂长|总会计师|总经济师|总地质师|"
         r"关长|监事长|监事会主席|"
         r"导演|制作人|制片人|出品人|主策划)")
#: A post as written between an organization and a person: 院长; 党组书记、主任;
#: 中小企业处处长; 战略发展部品牌市场总经理.
POST = re.compile(rf"^\s*(?:[\u4e00-\u9fff]{{0,10}}?{_POST})(?:\s*[、兼和及]\s*(?:[\u4e00-\u9fff]{{0,6}}?{_POST}))*\s*$")

#: A post written as one word after a company's name: Momenta CEO, 某公司董事长.
LATIN_POST = re.compile(_POST)
#: A post the model read as the end of a name: 猇亭区委书记 (a place?) is 猇亭区委 and 书记.
POST_AT_END = re.compile(rf"{_POST}$")
#: The commonest surnames, most common first (the training generator draws its people from them).
COMMON_SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛"
                   "叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔"
                   "贺赖龚文")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容")
#: Single-character surnames: the common ones and the rest of the usual stock (严, 庞, 覃, 褚 …).
SURNAMES = frozenset(COMMON_SURNAMES + "严庞柏牛葛樊左尚翟覃申施温洪聂符邢骆付齐柯岳包耿凌焦韦管甘霍祝单盛裴阮殷庄倪季关"
                     "晏舒刁蔺卓池房滕宁童项纪祁路闫辛虞饶鲁边柴屈苗褚穆解吉钮杭谈蓝缪卜戚邬麦景乐费桂谷冉游鞠喻伍楚"
                     "仇瞿燕巫占毕郎莫连尤姬綦丛宫艾蒙欧狄仲胥廉鲍冷邝梅查邸苑荣佟危陶郁竺隋岑兰贝晁简沙靳佘匡粟封"
                     "揭练骞郜蔚栾宿应")
#: Japanese family names as Chinese text writes them (a given name of two characters follows: 小林健一, 森川直树).
_JAPANESE_SURNAME_TEXT = (
    "佐藤 铃木 高桥 田中 伊藤 渡边 山本 中村 小林 加藤 吉田 山田 佐佐木 山口 松本 井上 木村 清水 山崎 "
    "池田 桥本 阿部 石川 山下 中岛 石井 小川 前田 冈田 长谷川 藤田 后藤 近藤 村上 远藤 青木 坂本 斋藤 "
    "福田 太田 西村 藤井 冈本 松田 中川 中野 原田 小野 田村 竹内 金子 和田 中山 石田 上田 森田 柴田 酒井 "
    "工藤 横山 宫崎 宫本 内田 高木 安藤 岛田 谷口 大野 高田 丸山 今井 河野 藤原 小岛 村田 武田 上野 杉山 "
    "增田 平野 大冢 千叶 久保 松井 小山 岩崎 樱井 野口 松尾 野村 木下 菊地 佐野 大西 杉本 新井 滨田 菅原 "
    "市川 水野 小松 古川 小池 中田 松原 森川 藤川 三泽 小野寺 西田 北村 服部 荒木 永井 平田 吉川 吉村 "
    "岩田 川口 樋口 高野 三浦 片山 广濑 秋山 北川 石原 成田 大石 安田 宫田 本田 久保田 川崎 黑田 上原 "
    "松冈 细川 泽田 大桥 中西 望月 富田 三宅 星野 熊谷 矢野 浅野 大谷 桑原 早川 冈部 长尾 小泽 坂口 川上 "
    "野田 冈崎 土屋 铃村 西川 小西 植田 齐藤 筒井 宫下 堀田 寺田 奥田 根本 松下 石桥 三木 国分 志村 大岛 "
    "竹田 菊池 岛村 黑木 高须 仲村 "
)
JAPANESE_SURNAMES = frozenset(_JAPANESE_SURNAME_TEXT.split())
#: Verbs of saying, after a person who says something: 某某表示, 某某介绍 (regular-expression alternatives).
SAYING = "介绍|表示|指出|强调|认为|说"
#: Verbs of taking a post, after the person who takes it.
TAKING_A_POST = "担任|兼任|出任"
#: What follows a person's name in its own clause: the clause's end, a verb of saying, of taking a post or of
#: attending (某某表示, 某某任…, 某某主持).
AFTER_A_PERSON = re.compile(rf"\s*(?:[，、。；：]|{SAYING}|称|任|{TAKING_A_POST}|出席|主持|致辞)")
#: Where a post reaches, said between a company and the post: 某某集团 | 全球 | 首席执行官.
POST_SCOPES = ("全球", "全国", "中国区", "亚太区", "亚太", "海外", "国际")
#: Areas of work that stand before a post and are no part of the name: 技术总监, 市场副总裁.
WORK_AREAS = ("技术", "市场", "产品", "销售", "研发", "财务", "运营", "战略", "品牌", "人力资源", "人力", "行政",
              "法务", "投资", "业务", "数据", "安全", "工程", "设计", "质量", "生产", "采购", "供应链", "党委",
              "党组", "纪委", "工会", "董事会", "监事会", "区域", "大区", "事业群", "集团")
#: What a founder is described as between an organization and the name: 某大学 计算机专业博士 乔一凡.
FOUNDER_DESCRIPTION = re.compile(r"^\s*[\u4e00-\u9fff]{0,8}?(?:博士|博士后|硕士|校友|毕业生|学者|专家|研究员|教授|院士|工程师|企业家|创业者)\s*$")
#: Roles of a byline: 科技日报（记者吴纯新 通讯员刘梦雅）, 新华社记者 任超.
BYLINE_ROLE = re.compile(r"(?:本报|特约|首席|摄影|见习)?(?:记者|通讯员|实习生|摄影)\s*$")
#: A post that makes its holder a founder: 创始人, 联合创始人, 创办人.
FOUNDER_POST = re.compile(r"创始人|创办人|创始合伙人")
#: A founder's word alone, which says who founded a body and is no post held at it.
FOUNDER_ONLY = re.compile(r"(?:联合)?(?:创始人|创办人)")

# -- relation triggers -------------------------------------------------------------------------

#: Between the issuer and the title, at the end: 联合印发, 制定了被称为“绿色通道”制度的.
ISSUE_TRIGGER = re.compile(r"(?:联合)?(?:制定下发|印发|发布|发出|出台|制定|下发|颁布|推出|公布|签署|修订|审议通过|正式实施)(?:了|的)?"
                           r"(?:[^，。；！？]{0,16}的|[^，。；！？]{0,12}(?:政策|文件|措施))?\s*$")  # 出台人才政策“某某十条”
#: Words that join a name to the verb before it and are not part of it: 会同市经信局.
LEADING_CONNECTIVES = ("会同", "联合", "携手", "联手", "协同")
#: Before the body that hosts a lab or a centre: 依托 | A 建设的 X.
HOSTED_BY = re.compile(r"依托\s*$")
#: A body's stated size between the verb that sets it up and its name: 设立 | 规模 5 亿元的 | 某某基金.
OF_A_STATED_SIZE = r"(?:总?规模[^，。；的“”]{1,12}?的|[^，。；的“”]{1,12}?规模的)"
FOUND_TRIGGER = re.compile(rf"(?:共同|联合|牵头)?(?:发起成立|发起设立|发起|创立|创办|成立|组建|设立|创建|筹建)"
                           rf"(?:了|的|{OF_A_STATED_SIZE})?\s*[“\"]?\s*$")
#: Two or more bodies building a named one together: A 与 B 签署协议，双方将共建“X”; A 与 B 共同出资 1 亿元，在某地组建 X.
JOINTLY_FOUNDED = re.compile(r"(?:共建|合作共建|共同建设|合作建设|(?:共同|联合)(?:出资|发起)?(?:组建|成立|设立)|合资(?:设立|成立|组建)"
                             r"|共同出资[^，。；]{0,12}?[，,]\s*在[^，。；]{1,12}?(?:组建|成立|设立)"
                             r"|(?:各|分别)出资[^，。；]{0,16}?(?:共同)?(?:组建|成立|设立))"
                             r"(?:了|的)?\s*[“\"]?\s*$")
#: Words that make an earlier body the one a sentence goes on about: 该中心, 这一联盟.
THIS_BODY = re.compile(r"(?:该|此|这一?|上述)(中心|联盟|实验室|研究院|研究所|平台|基地|公司|企业|机构|协会|学院|园区)")
#: After 由 and the founders: 由浙江大学教授陈明远 2020 年 5 月创立; 由 A 牵头组建; 由 A、B 共同组成的 X.
#: A comma only after 牵头 (由 A 牵头，联合…组建): 由 X 负责，目前已在某地设立办事处 is no founding by X.
#: 发起 alone when it ends the clause: X 在某地设立，由 A、B、C 共同发起，….
FOUNDED_BY = re.compile(r"^(?:[^。；！？，]{0,12}?牵头[，,])?[^。；！？，]{0,20}?(?:共同|联合|牵头)?"
                        r"(?:发起成立|发起设立|创立|创办|组建|成立|设立|创建|组成|筹建|共建|合作建设|共同建设|发起(?=\s*[，。；,]))")
#: After 由 and the issuers: 由工业和信息化部与中国残疾人联合会于 2020 年 9 月联合印发.
ISSUED_BY = re.compile(r"^[^。；！？，]{0,16}?(?:联合|共同)?(?:印发|发布|出台|制定|下发|颁布|公布)")
#: What was founded stands in quotes after: 成立“……工作组”.
FOUNDED_BEFORE_QUOTE = re.compile(rf"(?:成立|组建|设立|发起成立|牵头成立|创建|组成|共建)(?:了|的)?\s*(?:{OF_A_STATED_SIZE})?$")
#: Words of an agreement: both sides named around 与 are organizations.
AGREEMENT_WORDS = ("签署", "签订", "签约", "达成", "战略合作", "合作协议", "共建")
AGREEMENT = re.compile(alternatives(AGREEMENT_WORDS))
#: An agreement that is a deal, not a partnership: 与 B 签署增资协议 (an investment), 与 B 原股东签署股权转让协议.
DEAL_AGREEMENT = re.compile(r"(?:增资|增资扩股|股权转让|股份转让)协议")
PARTNER_WORDS = re.compile(alternatives(AGREEMENT_WORDS + ("合作", "携手", "战略", "协议", "联手",
                                                             "共同打造", "共同推进", "共同主办", "联合主办",
                                                             "联合举办", "共同举办", "共同组织", "联合组织",
                                                             "共同承办", "联合承办", "联合开展", "共同开展", "联合攻关",
                                                             "联合申报", "协同机制", "联动机制", "联合开发", "共同开发",
                                                             "联合研制", "联合研发", "共同研发")))
#: Bodies that host or organize one thing together, after 由: 由 A、B 共同主办的….
HOSTED_TOGETHER = re.compile(r"^\s*(?:共同|联合)(?:主办|举办|承办|组织)")
PARTNER_LINK = re.compile(r"^\s*[”’\"]?\s*[）)]?\s*(?:[A-Za-z][\w-]*\s*)?(?:与|和|同|携手|联合|联手)\s*$")
#: The same with a date, an adverb or a description of the partner between:
#: 4 月 17 日与瑞典 | Skarvik Energi AB, 正会同 | 民航中南地区管理局, 与德国氢能装备企业 | Corvana GmbH, 还将联合,
#: 5 月 13 日分别与 (each of the bodies before it with the body after).
PARTNER_LINK_WIDE = re.compile(r"^\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日\s*|上月|本月|本周|上周|今年|去年|近期|日前|此前)?"
                               r"(?:同日|当日)?(?:宣布|表示)?(?:已|正|将|也|还|刚|近日)*(?:分别)?(?:与|同|会同|携手|联手|联合)\s*(?:(?:总部位于|位于|地处|来自)\s*的?)?\s*"
                               r"(?:[\u4e00-\u9fff]{0,12}?(?:企业|公司|机构|集团|[\u4e00-\u9fff]{1,3}商|高校|大学))?\s*$")
#: Between a body and where it is: X 位于 | 落户 | 入驻 Y, X（位于 Y）, 某某会会址设在 Y.
LOCATED_TRIGGER = re.compile(r"^\s*[（(]?(?:近日|日前|近期)?(?:正式|已|将|已经|拟)?(?:总部|会址|办公地点|注册地)?(?:即|也|均|则)?"
                             r"(?:位于|落户|落地|坐落于|坐落在|扎根|设在|设于|入驻|迁至|选址|注册)(?:在|于)?\s*$")
#: A body opened in a place: X 在 REGION 揭牌运行 / 正式成立 / 开业, X（简称“Y”）在 REGION 设立.
OPENED_IN = re.compile(r"^\s*[”\"’）)]{0,2}\s*(?:已经|已|将|正式|近日|日前|于近日|本月|上月|本周|今年"
                       r"|于?\s*\d{1,2}\s*月\s*\d{1,2}\s*日)*\s*(?:在|于)\s*$")
OPENED_AFTER = re.compile(r"^\s*(?:正式)?(?:揭牌|挂牌|成立|开业|落成|启用|投入运营|投入使用|开园|注册(?:成立)?|完成(?:工商)?注册"
                          r"|设立(?=\s*[，。；,]))"  # 某某基金在武汉设立，首期规模…
                          # 在珠海注册成立全资子公司: what is set up there is another body
                          r"(?!\s*(?:成立|设立)?\s*了?\s*(?:一家|一个)?\s*(?:全资|控股|合资)?\s*"
                          r"(?:子公司|分公司|公司|中心|基地|工厂|项目|平台))")
#: 在 REGION 设立全资子公司 X, 在 REGION 共建 X: the body set up there is seated there.
#: Verbs of setting a body up (注册 may come first: 注册成立).
SET_UP = alternatives(("设立", "成立", "组建", "新设", "投资设立"))
SET_UP_THERE = re.compile(rf"^\s*(?:注册)?(?:{SET_UP}|共建|合作共建|共同建设|合作建设)(?:了?\s*(?:一家|一个)?\s*(?:全资|控股|合资)?\s*"
                          r"(?:子公司|分公司|公司)|的(?:全资|控股)?(?:子公司|分公司)?|了)?\s*$")
#: A place, then the organization seated there: 位于济南高新区的…, 成立于岚湖软件园的…, 首批入驻某园区的….
SEAT_BEFORE = re.compile(r"(?:位于|地处|坐落于|成立于|落户于?|扎根于?|总部位于|设在|(?:首批|首家|第一批|新)?(?:入驻|进驻))\s*$")
#: REGION 企业 ORG: 苏州工业园区另一家医疗器械企业华瑞医疗集团, 某国本地巴士制造商 X.
LOCAL_DESCRIPTOR = re.compile(r"^(?:的)?(?:另一家|又一家|首家|一家)?(?:本地|当地|本土)?[\u4e00-\u9fff]{0,8}?"
                              rf"(?:{alternatives(COMPANY_DESCRIPTORS)}|龙头)\s*$")
#: ORG 是 REGION 首家入驻企业.
#: A list of bodies, then the place they moved into: A、B 等成为首批入驻 | 某某创新港 | 的企业.
SETTLED_INTO = re.compile(r"^\s*(?:等[^，。；]{0,6}?)?(?:成为|是|为)?(?:首批|首家|第一批|又一批)?(?:入驻|落户|进驻)\s*$")
SETTLED_IN = re.compile(r"^\s*(?:是|为|系|作为)\s*$")
#: After a list of bodies: they signed to settle in the place the sentence is about (…签约落户，协议总投资…),
#: each with the place, not with each other.
SIGNS_TO_SETTLE = re.compile(r"^\s*(?:等[^，。；]{0,12}?)?(?:集中|正式|先后|相继|同时)?签约(?:落户|入驻|进驻)\s*[，。；]")
SETTLED_AFTER = re.compile(r"^[^，。；]{0,6}?(?:入驻|落户|引进)(?:的)?(?:企业|项目|单位|机构)")
#: 在 REGION，比如 A、B: the list that follows is of organizations there.
THERE_EXAMPLES = re.compile(r"(?:在|位于)\s*$")
EXAMPLES_AFTER = re.compile(r"^\s*[，,]\s*(?:比如|例如|如|包括|像)\s*$")
#: A、B 等机构均在 REGION: a list, then where all of it is.
ALL_THERE = re.compile(r"^\s*等[^，。；]{0,24}?(?:(?:均|都|全部|也都)(?:在|位于|落户于?|设在|扎根于?|集聚在)"
                       # A、B、C 等十家低空企业落户 REGION
                       r"|[家个][^，。；]{0,10}?(?:企业|单位|机构|公司)(?:先后|相继|陆续|已|已经)?(?:落户于?|入驻|进驻|签约落户))\s*$")
CLAUSE_END = re.compile(r"^\s*(?:[，。；！,;]|$)")
CLUSTER_TRIGGER = re.compile(r"(?:涌现出|涌现|集聚了?|聚集了?|培育出|孕育出|诞生了?|汇聚了?)[^，。；]{0,4}$")
#: The words by which a body owns another: 某某集团旗下 | 下属 | 所属 …
OWNING_WORDS = ("旗下", "下属", "所属")
OWNING = f"(?:{alternatives(OWNING_WORDS)})"
#: What kind of unit an owner's word goes on to name, before the unit's name: 旗下 | 产业投资平台 | 某某创投.
OWNED_PLATFORM = r"(?:[\u4e00-\u9fff]{0,6}?(?:投资平台|投资机构|平台))"
#: Between an owner and what it owns, in a list or a deal: A 旗下的 B, A 旗下产业投资平台 B.
OWNER_TO_OWNED = re.compile(rf"\s*(?:的)?{OWNING}(?:的)?{OWNED_PLATFORM}?\s*")
#: A 旗下 B, A 旗下已有 B、C 等, A (出资)控股的 B, A 旗下投资平台 B: B is A's.
SUBSIDIARY_OF_HEAD = re.compile(rf"^\s*(?:(?:的|将|把)?{OWNING}(?:的|(?:已|现|目前|共)?(?:拥有|有|设有|包括)|{OWNED_PLATFORM})?"
                                r"|(?:出资)?(?:全资)?控股的"
                                r"|(?:在[^，。；]{1,10}?)?(?:全资|控股)(?:设立|成立|组建|新设)的)\s*$")  # (由 A (在某地)全资设立的 B)
#: A 全资子公司 B, A 新设立的全资子公司 B, A 在上海设立子公司 B: B is A's.
SUBSIDIARY_NAMED = re.compile(r"^\s*(?:[^。；]{0,40}?(?P<set_up>设立|成立|组建|新设)(?:了|的)?|[^。；]{0,24}?(?:公告|宣布|披露)[，,]?"
                              r"|[^。；，]{0,8}?向其?(?:在[^，。；]{1,8}?的)?)?\s*"  # (A 日前向(其在某地的)全资子公司 B 增资)
                              r"(?:在[^，。；、]{1,6}?的?)?(?:首家|第一家|唯一一家)?"  # (A 在华全资子公司 B, A 在中国的首家全资子公司 B)
                              rf"{OWNING}?(?:的)?(?:[一二三四]级)?(?:全资|控股)?(?:子公司|分公司|子企业)"
                              r"(?:[、，,]\s*(?:位于|地处|总部位于|注册于|落户)[^，。；、]{1,16}?的)?\s*$")  # (A 全资子公司、位于某地的 B)
#: X……，旗下拥有 A、B 等: the sentence's subject owns them.
OWNS_AFTER_CLAUSE = re.compile(r"[，,]\s*(?:旗下|下设)(?:拥有|有|设有|包括)?\s*$")
SUBSIDIARY_OF_TAIL = re.compile(r"^\s*[（(]?\s*(?:是|为|系|作为)?(?:隶属于|隶属)\s*$")  # B 隶属于 A, B（隶属 A）
SUBSIDIARY_NOUN = re.compile(r"^\s*(?:[，,]\s*(?=作为))?(?:整体|正式|已|将)?(?:是|为|系|成为|作为)\s*$")
#: A、B 整体成为其全资子公司: they become the sentence's subject's.
SUBSIDIARY_OF_SUBJECT = re.compile(r"^\s*(?:整体|均|都|正式|已|将)?(?:成为|为|是)其(?:[一二三四]级)?(?:全资|控股)?(?:子公司|子企业)")
#: When a body was set up, between its owner and 在某地设立: 某某 | 2023 年 | 在某地设立的全资子公司.
SET_UP_WHEN = r"(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|今年|去年|此前|日前|近日)?\s*"
SUBSIDIARY_AFTER = re.compile(rf"^\s*{SET_UP_WHEN}(?:(?:在[^，。；]{{1,10}}?(?:投资)?|(?:出资|全资|独资)?(?:发起)?)(?:设立|成立|组建|新设))?的?"
                              r"(?:在华|在[\u4e00-\u9fff]{1,4}?的)?(?:首家|第[一二三四五六七八九十\d]{1,3}家)?"  # 在华第三家全资子公司
                              r"(?:(?:旗下|下属|直属|所属)的?[\u4e00-\u9fff]{0,6}?(?:企业|公司|单位|机构|平台)"
                              r"|(?:旗下|下属)?(?:的)?(?:[\u4e00-\u9fff]{1,4}型)?"
                              r"(?:全资|控股)?(?:[一二三四]级)?(?:子公司|分公司|子企业|子基金|下属(?:单位|企业|机构|公司)))")
#: B 的母公司 A: B is A's.
PARENT_NAMED = re.compile(r"^\s*的?\s*(?:母公司|控股股东|控股公司)\s*(?:是|为)?\s*$")

# -- financing ---------------------------------------------------------------------------------

#: The roles in a round that name investors: 由君联资本领投，中芯聚源跟投.
INVESTOR_ROLES = ("领投", "跟投", "参投")
#: A verb of investing, with the role captured (领投 marks the lead).
INVEST_TRIGGER = re.compile(rf"(?:联合|共同|独家)?"
                            rf"({alternatives(INVESTOR_ROLES + ('追加投资', '独家投资', '投资', '加码', '追投', '继续支持', '投出'))})")
#: 参与本轮投资的其他机构还包括：A，B，C 等: the investors follow.
#: 投资方为 A 和 B: the investors are named to the clause's end.
INVESTORS_NAMED = re.compile(r"投资方(?:为|是|包括)[：:]?")
INVESTORS_LISTED = re.compile(r"(?:参与|参投)(?:了)?本轮(?:投资|融资)?的[^，。；：:]{0,10}?(?:包括|有)[：:]?|"
                              + INVESTORS_NAMED.pattern)
#: Before a role: the names in that clause are investors.
INVESTOR_ROLE = re.compile(rf"(?:联合|共同|持续|继续|也)?(?:{alternatives(INVESTOR_ROLES + ('独家投资',))})")
#: Right after a word: it names the company funded (地平线完成 C2 轮融资).
FUNDED = re.compile(r"\s*(?:于?\s*(?:今年|去年|\d{4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?)?"
                    r"(?:宣布|正式|已经|已|近日|日前|本月|上月){0,2}(?:(?:完成|获得|获)(?:(?!投资)[^，。；：:]){0,30}?融资"
                    r"|(?:获得|获)[^，。；：:]{0,30}?投资)")  # (完成 3 笔投资 is the investor's, 获得…投资 the company's)
#: A clause with no subject of its own that is a funding: `……，今年 3 月完成 2 亿元 A 轮融资`
#: (its subject is the sentence's).
FUNDED_CLAUSE = re.compile(r"[，,]\s*(?:(?:今年|去年|近日|日前|此前|\d{4}\s*年)?\s*(?:\d{1,2}\s*月)?\s*(?:\d{1,2}\s*日)?)"
                           + FUNDED.pattern)
#: Right after a mention, which may end inside quotes or brackets or have an aside after it:
#: “衡芯量子”完成 B 轮融资, 某某有限公司（Latin Name）近日完成….
FUNDED_AFTER_NAME = re.compile(r"(?:[”\"’）)]|[（(][^（）()，。]{1,30}[）)])?" + FUNDED.pattern)
ROUND = re.compile(r"(种子|天使\+?|Pre-A\+?|Pre-B|A\+{0,2}|A\d|B\+?|B\d|C\+?|C\d|D\+?|E|F|Pre-IPO|战略)\s*轮")
#: A round at the end of a name read with it: 某某智能 A 轮 (the company funded), 某某天使基金天使轮 (the fund, in the round).
ROUND_AT_END = re.compile(rf"\s*(?:{ROUND.pattern})$")
AMOUNT = re.compile(r"(?:近|超|超过|逾|约|数)?\s*(?:\d[\d,.]*\s*)?(?:千万|百万|十亿|亿|万)\s*"
                    r"(?:元|美元|人民币|港元|澳门元|欧元|日元|英镑|新加坡元)(?:级)?")
#: A holding or a place in a round: A、B 分别持有 X 4.6%和3.2%的股份; 以 1 亿元参与 X A 轮融资.
HOLDS_STAKE = re.compile(r"(?:分别|合计|共|累计|直接|间接)?持有\s*$")
STAKE = re.compile(r"^\s*(?:约|超过|逾)?[\d.]+\s*[%％]")
JOINS_ROUND = re.compile(r"参与(?:了)?\s*$")
ROUND_AFTER = re.compile(r"^\s*(?:的)?\s*(?:本轮|新一轮|[^，。；]{0,8}?轮)?\s*(?:融资|增资)")
#: Generic investor words that are not names.
GENERIC_INVESTORS = re.compile(r"^(?:老股东|股东|资方|投资方|投资人|机构|基金|其他机构|多家机构|本轮|新股东)$")

# -- lists and clauses -------------------------------------------------------------------------

#: A list that ends like this is a list of organizations: 等 8 家企业, 等一批独角兽.
LIST_TAIL = re.compile(r"^等(?:\s*\d+\s*家|一批|多家|[^，。；、]{0,12}?)(?:企业|公司|机构|单位|平台|资方|投资方|厂商|高校|院所|独角兽)")
#: Small counts written in characters: 三方, 四家发起方.
COUNT_WORDS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
LIST_LINK = re.compile(r"^\s*(?:、|和|与|及|以及)\s*$")
CLAUSE_BREAK = re.compile(r"[。；！？]")
#: A quoted name after one of these is a company: 提供商“曼孚科技”.
COMPANY_BEFORE_QUOTE = re.compile(f"(?:{alternatives(COMPANY_DESCRIPTORS)}|商)$")

# -- what a name says about itself -------------------------------------------------------------

#: A named zone ends like this: 岚州经济技术开发区, 济南高新区, 岚湖软件园, 岚湖科学城.
ZONE_SUFFIXES = ("经济技术开发区", "高新技术产业开发区", "经济开发区", "经开区", "高新区", "开发区", "科学城", "科技城", "生物城", "医药城",
                 "科学园", "大学城", "科教城", "起步区", "先导区",
                 "科创城", "软件园", "科技园", "产业园", "工业园", "园区", "综合保税区", "综保区", "保税港区", "保税区", "自贸区", "新区",
                 "示范区", "创新区", "台商投资区", "经济圈", "都市圈", "城市群", "城市带", "经济带", "经济区", "科创走廊", "经济走廊",
                 "旅游度假区", "度假区", "风景名胜区", "风景区", "景区",
                 "创新谷", "科创谷", "科技谷", "智造谷", "数字港", "信息港", "科技港", "创新港", "自贸片区", "片区",
                 "机器人谷", "合作区", "小镇")  # (not 光谷 or 药谷 alone: brands take them too, 某某光谷仪器有限公司)
#: A road, railway, bridge or line: a place before it names where it runs, the whole is no place
#: (某县至某县高速公路, 某市绕城高速, 11 座特大桥).
ROUTE_SUFFIXES = ("城际铁路", "高速铁路", "高速公路", "快速路", "铁路", "公路", "高铁", "绕城高速", "绕城", "高速",
                  "特大桥", "大桥", "隧道", "航线", "专线")
#: The kinds of zone a bulletin names alone once it has named one in full: 高新区 for
#: 某某高新区 or 某某高新技术产业开发区.
ZONE_KINDS = {"高新区": ("高新技术产业开发区", "高新区"), "经开区": ("经济技术开发区", "经开区"),
              "自贸区": ("自由贸易试验区", "自贸区"), "综保区": ("综合保税区", "综保区")}


def zone_by_kind(name: str) -> tuple[str, str] | None:
    """(the zone's name, its kind) for 西安高新技术产业开发区 → (西安, 高新区); None for a bare kind."""
    for kind, forms in ZONE_KINDS.items():
        for form in forms:
            if name.endswith(form) and len(name) > len(form):
                return name[:-len(form)], kind
    return None


#: A body that governs a zone: what stands before it is the zone (岚湖管委会 → 岚湖).
ZONE_BODIES = ("管理委员会", "管委会", "党工委", "工委", "执行委员会", "执委会")
#: A government body: its place may be a district or county too (海淀区政府 → 海淀区).
GOVERNMENT_SUFFIXES = ("人民政府", "政府", "党工委", "工委", "管理委员会", "管委会", "委员会", "委", "局", "厅",
                       "办公室", "办", "市委", "区委", "县委", "省委", "海关")
#: Verbs that give someone a post, before the person's name: 聘任某某为总经理, 选举某某为会长.
APPOINTING = ("聘任", "任命", "选举", "推选", "聘请", "提名", "增补", "选聘", "委任")
#: The marks a bulletin sets before an item or a headline: ■ 某某…, ● 某某….
ITEM_MARKS = "■□◆◇●▲△★☆▶►▷◎•·"
#: What may stand before the body a sentence is about: an item's mark or number ((一), 二、), a date, 近日, 其间,
#: 会上 and a comma.
BEFORE_THE_SUBJECT = re.compile(rf"[{ITEM_MARKS}]?\s*"
                                r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、．])?\s*"
                                r"(?:(?:\d{4}\s*年)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|近日|日前|近期|其间|期间|会上|此外|同时)?"
                                r"\s*[，,]?\s*")
#: The party's name before a place's party committee: 中共 | 某某市委.
PARTY = "中共"
#: A government body and a unit of it: 科技部 | 成果转化与区域创新司, 省科技厅 | 成果转化处,
#: 湖北省人民政府 | 办公厅, a party committee's 某某市委 | 组织部 and 某某市委人才工作领导小组 | 办公室.
GOVERNMENT_PARENT_HEADS = ("人民政府", "政府", "委员会", "部", "厅", "局", "领导小组")
GOVERNMENT_UNIT_TAILS = ("办公厅", "办公室", "司", "处", "局", "中心", "科", "组织部", "宣传部", "统战部", "领导小组",
                         "总队", "支队", "大队")
#: Where a parent body's name ends when a unit's name follows it (清华大学 | 能源与动力工程系).
#: 科院 for the short names of academies: 省农科院 | 某某研究所, 市社科院 | 某某研究所.
PARENT_HEADS = ("大学", "学院", "科学院", "工程院", "社会科学院", "科院", "研究院", "集团", "股份有限公司", "有限责任公司", "有限公司", "银行",
                "协会", "学会", "联合会", "商会", "促进会", "联合社", "供销社", "人民政府", "政府")
#: How a unit inside a parent body is named: a school, department, institute, branch, office.
#: A university's or an institute's units: 某某学院, 某某研究所, 某某实验室.
ACADEMIC_UNITS = ("系", "学院", "研究所", "研究院", "研究中心", "实验室")
UNIT_TAILS = ACADEMIC_UNITS + ("研究生院", "校区", "重点实验室", "分公司", "分行", "分院", "分会", "分中心", "研发中心",
                               "办公室", "事业部", "医院", "秘书处")
#: The kinds of a body's unit named by the region it serves: 某某集团华东区域总部, 某某研究院东北试验站.
REGIONAL_UNITS = ("区域总部", "运营总部", "业务总部", "试验站", "服务站")
#: What such a unit may serve instead of a region: 某某科技国际业务总部, 某某联盟海外服务站.
UNIT_SCOPES = ("国际", "海外", "全球")
#: A branch named by its place: 北京分公司, 北京有限公司 after 集团.
BRANCH_TAILS = ("分公司", "中心支公司", "支公司", "分行", "支行", "分院", "分会", "分中心", "分所", "分局", "办事处", "代表处",
                "研发中心")


#: The office of a body that edits its bulletin: 某某促进会秘书处编 is the 促进会's bulletin.
_EDITING_OFFICE = re.compile(r"(?:党委|党组|党政|总经理|综合)?(?:秘书处|办公室|编辑部|综合处|宣传部|党群工作部|办公厅)$")


def publisher_body(publisher: str) -> str:
    """某某促进会 of 某某促进会秘书处, 某某集团有限公司 of its 党委办公室: the body whose bulletin it
    is, not its editing office."""
    body = _EDITING_OFFICE.sub("", publisher)
    if department := _COMPANY_DEPARTMENT.fullmatch(body):
        body = department.group(1)  # 某某有限公司 of its 科技与数字化部
    elif unit := _INSTITUTES_UNIT.fullmatch(body):
        body = unit.group(1)  # 某某研究院 of its 科技信息室
    return body if len(body) >= 4 else publisher


#: An institute's unit that edits its bulletin: 某某研究院 | 科技信息室.
_INSTITUTES_UNIT = re.compile(r"(.{4,}?(?:研究院|研究所|科学院|研究中心))[\u4e00-\u9fff]{2,8}?(?:室|处)")
#: A company's department that edits its bulletin: 某某有限公司 | 科技与数字化部.
_COMPANY_DEPARTMENT = re.compile(r"(.{4,}?(?:有限责任公司|有限公司|集团))[\u4e00-\u9fff]{2,10}?部")
