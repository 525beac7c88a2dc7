"""What a name says about itself: the places and parent bodies nested in it.

Chinese organization names are built by a grammar: a place, a trade name, an
industry, a legal form (北京岚视科技有限公司); a company with its seat in brackets
(联想（北京）有限公司); a branch named by its place (汀科量子通信网络有限公司北京分公司);
a unit inside a parent body (清华大学 | 能源与动力工程系); a body that governs a zone
(岚湖 | 管委会). The guidelines count a region or organization that only appears
inside another's name as an entity of the document, and the relation stage reads
locatedIn and subsidiaryOf off these nestings.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..doc import Span
from ..lexicon import (
    BRANCH_TAILS,
    BUREAU_UNITS,
    COMPANY_FORM,
    GENERIC_PLACE,
    GOVERNMENT_PARENT_HEADS,
    GOVERNMENT_SUFFIXES,
    GOVERNMENT_UNIT_TAILS,
    ORG_SUFFIXES,
    PARENT_HEADS,
    PARTY,
    REGIONAL_UNITS,
    TRADES,
    UNIT_SCOPES,
    UNIT_TAILS,
    ZONE_BODIES,
    ZONE_KINDS,
    ZONE_SUFFIXES,
    alternatives,
)
from ..regions import AREA, UNIONS, Division, country_before_name, foreign_city_before_name, gazetteer

#: The characters of a division's level, which make a place's short name part of a longer word.
_LEVEL_MARKS = tuple("省市区县州盟旗镇乡")
#: Levels of a place named inside a name (北京分公司, 附属北京安贞医院).
_HEAD_LEVELS = ("country", "province", "city")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    zone = alternatives(ZONE_SUFFIXES)
    return {
        "bracket": re.compile(r"[（(]([^（）()]{2,8})[）)]"),
        "branch_tail": re.compile(rf"(?:{alternatives(BRANCH_TAILS + REGIONAL_UNITS)}|有限公司|有限责任公司|[\u4e00-\u9fff]{{0,4}}医院)$"),
        "after_parent": re.compile(r"(?:集团|附属|大学|科学院|工程院)(?=[\u4e00-\u9fff]{3})"),
        "zone_body": re.compile(rf"^(.{{2,24}}?)(?:{alternatives(ZONE_BODIES)})$"),
        "zone": re.compile(rf"^(.{{0,8}}?(?:{zone}))"),
        # 某某街道办事处, 某某镇人民政府: a township's own bodies are named by it
        "township": re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))(?=办事处|党工委|工委|党委|人民政府|政府)"),
        "government": re.compile(rf"(?:{alternatives(GOVERNMENT_SUFFIXES)})$"),
        # the longest parent: 某某市人民政府国有资产监督管理委员会 | 办公室, not 某某市人民政府
        "government_unit": re.compile(rf"^(.{{2,24}}(?:{alternatives(GOVERNMENT_PARENT_HEADS)}))"
                                      rf"(.{{0,14}}?(?:{alternatives(GOVERNMENT_UNIT_TAILS)}))$"),
        # 某某产业联盟 | 卫星互联网专业委员会: an alliance's committee (not its secretariat: the guidelines' masthead)
        "alliance_unit": re.compile(r"^(.{2,20}?联盟)(.{1,12}?(?:专业委员会|专委会|工作委员会|分会))$"),
        "parent": re.compile(rf"^(.{{2,20}}?(?:{alternatives(PARENT_HEADS)})(?:[（(][^（）()]{{2,8}}[）)])?)"
                             rf"(.{{1,16}}?(?:{alternatives(UNIT_TAILS)})|秘书处|办公室)$"),  # 安徽大学 | 法学院, 某某协会 | 秘书处
    }


def _seat_at_head(name: str, head: str, level: str, government: bool, county_city: bool = False) -> bool:
    """Whether a division at the head of a name is its seat: always for a country or
    province and for a government body; for a city or county, when written in full
    (湘乡市…) or when the name ends like an organization or a trade (宁德时代 does not,
    and a company called 朝阳 something is not placed in 朝阳区); a county-level city
    (寿光 of 寿光市) as a city, when more than a kind of body follows it."""
    if government or level in ("country", "province"):
        return True
    if head.endswith(("市", "区", "县", "旗", "州")):
        return True
    if county_city and level != "city" and len(name) - len(head) <= 2:
        return False  # 合作 | 中心: a word before a bare kind, not the county-level city 合作市
    body = _PARTNERSHIP_FORM.sub("", name)  # 某某合伙企业（有限合伙）, 某某技工学校
    return (level == "city" or county_city) and (body.endswith((*ORG_SUFFIXES, "合伙企业", "学校")) or bool(TRADES.search(name)))


#: A partnership's legal form in brackets, after its name.
_PARTNERSHIP_FORM = re.compile(r"[（(]有限合伙[）)]$")


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,12}|中国（[\u4e00-\u9fff]{2,3}）[\u4e00-\u9fff]{4,16}")  # (中国（某省）自由贸易试验区…)
#: A town, a township or a subdistrict, named after its county inside a name.
_TOWN = re.compile(r"[\u4e00-\u9fff]{2,3}?(?:镇|乡|街道)")
#: A part of a place, which ends in 部 as a ministry does: 北部, 西南部.
_SIDES = ("东部", "南部", "西部", "北部", "中部", "内部")


#: A company named after the university or academy that owns it: 某某大学 | 资产经营有限公司.
_SCHOOLS_COMPANY = re.compile(r"^([\u4e00-\u9fff]{2,12}?(?:大学|科学院|研究院))[\u4e00-\u9fff]{2,10}(?:有限责任公司|有限公司)$")
_MISSION_IN = re.compile(r"[\u4e00-\u9fff]{2,6}?驻([\u4e00-\u9fff]{2,5}?)(?:[\u4e00-\u9fff]{0,4}?(?:联络处|办事处|代表处|联络办)"
                         r"|总领事馆|领事馆|大使馆|总领馆)")
#: A company's registered name (not a partnership's or a fund's, named by their brand first).
_COMPANY_REGISTERED = re.compile(rf"(?:{COMPANY_FORM})$")
_LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司|集团有限公司|集团")


def _place_like(text: str, head: str | None) -> bool:
    """What stands before 管委会 names a place: a zone (…开发区), a division (北京经开区),
    or a short plain name (岚湖), never a body itself (…党工委工委) or a business unit."""
    if not _HAN_NAME.fullmatch(text) or text.endswith(GOVERNMENT_SUFFIXES):
        return False
    return text.endswith(ZONE_SUFFIXES) or (head is not None and len(text) - len(head) <= 3) or len(text) <= 4  # not 中国 | 证券监督


#: A bank's units: its head office (总行) and its branches (分行) and sub-branches (支行).
_BANK = "银行"
_SUB_BRANCH = "支行"


def _bank_branch(name: str) -> tuple[tuple[int, int] | None, int] | None:
    """某某银行济南分行历下科创支行, 某某银行德州创新支行, 某某银行总行普惠金融部: a bank's unit
    whose place, if any, follows the bank's name. The unit's parent is the branch named inside a
    sub-branch's name, else the bank. (A branch named by its place alone, 某某银行西安分行, is read
    as any branch is.)"""
    at = name.find(_BANK)
    if at < 2 or at + len(_BANK) >= len(name) - 1:
        return None
    bank_end = at + len(_BANK)
    if form := _LEGAL_FORM.match(name, bank_end):  # 某某银行股份有限公司 | 合肥高新区支行
        bank_end = form.end()
    rest = name[bank_end:]
    head_office = rest.startswith("总行") and len(rest) > 3
    if not (name.endswith(_SUB_BRANCH) or head_office):
        return None
    branch = name.find("分行", bank_end, len(name) - len(_SUB_BRANCH))
    parent_end = branch + 2 if branch >= 0 and not head_office else bank_end
    g = gazetteer()
    head = g.head(rest)
    division = g.lookup(head) if head else None
    if head and division is not None and division.level in _HEAD_LEVELS + ("county",):
        return (bank_end, bank_end + len(head)), parent_end
    zone = _patterns()["zone"].match(rest)
    if zone and 2 < len(zone.group(1)) <= 6 and zone.end() < len(rest):
        return (bank_end, bank_end + zone.end()), parent_end
    return None, parent_end


def _district_short_name(name: str, at: int, city: str) -> tuple[str, Division] | None:
    """常州 | 武进 | 某某公司: a district or county of the city before it, named without its level
    (武进 of 武进区), which stands for the district only right after its city."""
    g = gazetteer()
    for size in (2, 3):
        for level in ("区", "县", "市"):
            d = g.lookup(name[at:at + size] + level)
            if d is not None and d.parent == city and d.level == "county":
                return name[at:at + size], d
    return None


def _bare_kind(place: str) -> bool:
    """片区 of 片区管委会: a kind of place, not one; but 高新区 of 高新区统计局 is the issue's 高新区
    (kg.resolve keys a bare kind to the zone of that kind the issue names)."""
    return GENERIC_PLACE.match(place) is not None and place not in ZONE_KINDS


#: A zone named after its country and province: 中国（某省）自由贸易试验区….
_PROVINCE_IN_BRACKETS = re.compile(r"中国[（(]([\u4e00-\u9fff]{2,3})[）)]")


def places_inside_a_zone(name: str) -> list[Span]:
    """某省 of 中国（某省）自由贸易试验区某某片区: the province a zone is named after is named too."""
    m = _PROVINCE_IN_BRACKETS.match(name)
    return [Span(*m.span(1), "Region", "rule:nested-region")] if m and gazetteer().lookup(m.group(1)) else []


#: A bureau's unit named by the town it serves: 某某市市场监督管理局 | 某镇 | 市场监管所, 某某分局 | 青塘 | 派出所.
_TOWN_UNIT = re.compile(rf"^(.{{3,24}}?局)([\u4e00-\u9fff]{{2,3}}?)(?:市场)?(?:{alternatives(BUREAU_UNITS)})$")


def nested_names(name: str) -> list[Span]:
    """Regions and parent organizations inside an organization's name, offsets into it, a
    parent's own parent (某某市人民政府办公厅 | 秘书处 → 某某市人民政府办公厅 → 某某市人民政府), and a
    foreign body's name without the country written before it (德国 | 某某集团), which names it too."""
    if name.startswith(PARTY) and len(name) > len(PARTY) + 2:
        lead = len(PARTY)  # the party's committee of a place: the place is read after 中共
        return [Span(0 if s.type == "Organization" else s.start + lead, s.end + lead, s.type, s.source)
                for s in nested_names(name[lead:])]
    spans = _nested_once(name)
    if cut := country_before_name(name):  # 德国 | 某某自动化集团: the name without its country, the same body
        spans.append(Span(cut, len(name), "Organization", "rule:without-country"))
    if city := foreign_city_before_name(name[cut:]):  # (日本)大阪 | 某某株式会社: without its city too
        spans.append(Span(cut + city, len(name), "Organization", "rule:without-country"))
    parent = next((s for s in spans if s.source == "rule:parent-org"), None)
    if parent is not None:
        spans += [s for s in _nested_once(name[:parent.end]) if s.source == "rule:parent-org"]
    return spans


def _nested_once(name: str) -> list[Span]:
    g = gazetteer()
    p = _patterns()
    spans: list[Span] = []

    def region(start: int, end: int, source: str = "rule:nested-region") -> None:
        if 0 <= start < end <= len(name) and (end - start) < len(name) and not _bare_kind(name[start:end]) and \
                not any(s.start == start and s.end == end for s in spans):
            spans.append(Span(start, end, "Region", source))

    mission = _MISSION_IN.fullmatch(name)
    if mission and g.lookup(mission.group(1)):  # 芬兰驻广州总领事馆: it sits in 广州, for 德国
        region(*mission.span(1))
        return spans
    government = bool(p["government"].search(name))
    head = g.head(name)
    if head and not head.endswith(_LEVEL_MARKS) and name[len(head):len(head) + 1] in _LEVEL_MARKS \
            and not g.lookup(name[:len(head) + 1]):
        head = None  # 合作区管委会: a word that starts like a place's short name (合作市) is no place (顺德区 | 市场…: is)
    if head and len(head) < len(name):
        division = g.lookup(head)
        if division and _seat_at_head(name, head, division.level, government, division.name.endswith("市")):
            region(0, len(head))
            second = g.head(name[len(head):], words_too=division.level == "country")
            d2 = g.lookup(second) if second else None
            if d2 is not None and division.level == "country" and division not in g.ancestors(d2):
                second, d2 = None, None  # 德国 | 海宁某某创投: no place of that country
            after_its_city = False
            if d2 is None and (district := _district_short_name(name, len(head), division.code)):
                (second, d2), after_its_city = district, True
            if second and len(head) + len(second) < len(name) and d2 is not None and d2.level in ("city", "county") \
                    and (after_its_city or _seat_at_head(name, second, d2.level, government)):
                region(len(head), len(head) + len(second))  # 湖北武汉…, 湖南省湘潭市…: a place within the first
    elif (area := AREA.match(name)) and area.end() < len(name) and not name.endswith(("大学", "学院")) \
            and area.group() not in UNIONS:
        region(0, area.end())  # 长三角 | 人工智能产业联盟; not 华中科技大学, named after a region long ago
    elif township := p["township"].match(name):
        region(0, township.end(1))
    elif _COMPANY_REGISTERED.search(name) and (county := g.county_at_head(name)):
        region(0, len(county))  # 宁海 | 锐磁电机有限公司: a company's registered name starts with its county
    for s in list(spans):  # 某某县 | 禾市镇 | 某某合作社: a town or township of the county named first
        town = _TOWN.match(name, s.end)
        division = g.lookup(name[s.start:s.end]) if town else None
        if town and len(name) - town.end() >= 2 and division is not None and division.level in ("city", "county"):
            region(s.end, town.end())
    for m in p["bracket"].finditer(name):  # 某某（北京）科技有限公司; a county by its short name in a company's: 某某（泰和）有限公司
        if g.lookup(m.group(1)) or (name.endswith(("公司", "集团")) and g.head(m.group(1)) is None and g.seat(m.group(1))):
            region(*m.span(1))
    branch_of = None
    tail = p["branch_tail"].search(name)
    if tail:  # 云帆智能 | 西安 | 分公司, 某某 | 东南亚 | 有限公司: the place just before the tail
        for size in (6, 5, 4, 3, 2):  # (某某钻井 | 哈萨克斯坦 | 分公司: a country's name may be longer)
            at = tail.start() - size
            # (某某有限公司海曙分公司: a branch may be named by a district's short name)
            # (not 某某区 | 公安 | 分局: a bureau's branch is named by its place after the bureau, 某某局 | 姑苏 | 分局)
            find = g.seat if tail.group().endswith(BRANCH_TAILS) and (tail.group() != "分局" or name.endswith("局", 0, at)) \
                else g.lookup
            division = find(name[at:tail.start()]) if at > 0 else None
            if (division and division.level in _HEAD_LEVELS + ("county",)) \
                    or (at > 1 and AREA.fullmatch(name[at:tail.start()])):
                region(at, tail.start())
                branch_of = at
                break
    for m in p["after_parent"].finditer(name):  # 某某科学院武汉…研究所, 某某大学深圳研究生院
        for end in range(min(m.end() + 4, len(name) - 1), m.end() + 1, -1):
            division = g.lookup(name[m.end():end])
            if division and division.level in _HEAD_LEVELS:
                region(m.end(), end)
                break
    body = p["zone_body"].match(name)
    zone_text: str | None = None
    if body and _place_like(body.group(1), head):  # 岚湖管委会, 湖南湘乡经开区管委会: it governs a place
        zone_text = body.group(1)
    elif (zone := p["zone"].match(name)) and len(zone.group(1)) < len(name):
        zone_text = zone.group(1)  # 济南高新区生命科学城发展中心
        if not (head and zone_text.startswith(head)) and (len(zone_text) > 6 or _LEGAL_FORM.fullmatch(name[len(zone_text):])):
            zone_text = None  # 某某数字港有限公司: a company with a zone's word in its brand
    if zone_text:
        province = head is not None and (d := g.lookup(head)) is not None and d.level == "province"
        start = len(head) if head and province and body is not None and zone_text.startswith(head) and \
            not zone_text[len(head):].startswith(ZONE_SUFFIXES) and len(zone_text) - len(head) >= 2 else 0
        if not g.lookup(zone_text[start:]):  # a division is a region already
            region(start, len(zone_text), "rule:zone")
    if branch_of is None and tail and tail.group().endswith(REGIONAL_UNITS) and name.endswith(UNIT_SCOPES, 0, tail.start()):
        branch_of = tail.start() - 2  # 某某科技 | 国际 | 业务总部: the body's unit serving no one region
    if branch_of is not None and branch_of >= 2 and name[branch_of - 1] not in "（(" and \
            name.endswith(BRANCH_TAILS + REGIONAL_UNITS):
        spans.append(Span(0, branch_of, "Organization", "rule:parent-org"))
        return spans
    town_unit = _TOWN_UNIT.match(name)
    if town_unit:  # 某某局 | 青塘 | 市场监管所: the bureau, and the town the unit serves
        if not any(sp.start <= town_unit.start(2) < sp.end for sp in spans):
            region(*town_unit.span(2))
        spans.append(Span(0, town_unit.end(1), "Organization", "rule:parent-org"))
        return spans
    bank = _bank_branch(name)
    if bank is not None:
        place, parent_end = bank
        if place is not None:
            region(*place)
        spans.append(Span(0, parent_end, "Organization", "rule:parent-org"))
        return spans
    owned = _SCHOOLS_COMPANY.match(name)
    if owned and not gazetteer().lookup(owned.group(1)):
        spans.append(Span(0, owned.end(1), "Organization", "rule:parent-org"))  # 某某大学 | 资产经营有限公司
        return spans
    unit = p["government_unit"].match(name)
    if unit and not unit.group(2).endswith("公司") and (len(unit.group(2)) >= 2 or unit.group(2) == "办公厅") \
            and not unit.group(1).endswith(_SIDES):  # 广西北部 | 湾…中心: a direction, no ministry
        spans.append(Span(0, unit.end(1), "Organization", "rule:parent-org"))
        return spans
    if alliance := p["alliance_unit"].match(name):
        spans.append(Span(0, alliance.end(1), "Organization", "rule:parent-org"))
        return spans
    parent = p["parent"].match(name)
    if parent and (not p["government"].search(parent.group(2)) or parent.group(2).endswith(("办公室", "秘书处"))):
        spans.append(Span(0, parent.end(1), "Organization", "rule:parent-org"))
    return spans
