"""Places and the bodies named by them: zones, units inside a parent, government bodies."""
from __future__ import annotations

import re
from collections.abc import Callable

from ...lexicon import (
    BODY_HEADS,
    GENERIC_PLACE,
    GOVERNMENT_BODY,
    GOVERNMENT_BODY_ENDS,
    LATIN_POST,
    MINISTRIES,
    NOT_ORG_WORDS,
    ORGAN,
    OWNING_WORDS,
    PARENT_HEADS,
    PARTY,
    ROUTE_SUFFIXES,
    STATUS_KINDS,
    UNIT_TAILS,
    ZONE_SUFFIXES,
    alternatives,
)
from ...regions import gazetteer
from .words import BUILDING_VERBS, ENTITY, Word, claim, ends_like_org, merge


def government_bodies(text: str, words: list[Word]) -> list[Word]:
    """市 | 经济 | 和 | 信息化局 → 市经济和信息化局: a level word or region, then nouns
    ending in a government body's suffix; a ministry named in full, however the model cut it."""
    for m in _MINISTRY_NAMED.finditer(text):
        if not any(w.label == "Organization" and w.start <= m.start() and m.end() <= w.end for w in words) \
                and not any(w.start < m.start() < w.end or w.start < m.end() < w.end for w in words if w.is_entity):
            words = claim(words, m.start(), m.end(), "Organization")  # (not inside 某省生态环境厅 or another name)
    if not GOVERNMENT_BODY_ENDS.search(text):  # no other word of the sentence can end like one
        return words
    i = 0
    while i < len(words):
        w = words[i]
        piece = text[w.start:w.end]
        if piece in ("市", "省", "区", "县", "国家") or w.label == "Region" or (
                piece[0] in "市省区县" and w.label in ("n", "nz", "Organization") and len(piece) <= 6):
            j, end = i + 1, None
            while j < len(words) and j <= i + 5 and words[j].start == words[j - 1].end:
                label, word = words[j].label, text[words[j].start:words[j].end]
                office_of_a_task = label == "v" and j + 1 < len(words) and words[j + 1].start == words[j].end \
                    and text[words[j + 1].start:words[j + 1].end] in ("办公室", "办")  # 某市某某产业 | 推进/v | 办公室
                if (label not in ("n", "nz", "vn", "c", "an") and not office_of_a_task) or (label == "c" and word not in ("和", "与")
                                                                                           and not _AND_READ_WITH_THE_BODY.match(word)):
                    break
                if GOVERNMENT_BODY.search(word) and not NOT_ORG_WORDS.search(word) and word not in ("党委", "党组"):
                    end = j  # (the party organ of the body just named is a word of a post: 党委 | 委员)
                j += 1
            if end is not None and end > i:
                words = merge(words, i, end, "Organization")
        elif w.label in ("n", "nz") and len(piece) >= 5 and GOVERNMENT_BODY.search(piece) \
                and (head := gazetteer().head(piece)) and len(piece) - len(head) >= 2 and not NOT_ORG_WORDS.search(piece):
            words[i] = Word(w.start, w.end, "Organization")  # 江北区数据局 read as one common noun
        i += 1
    return words


#: 和 read with the body's last word (文化体育 | 和旅游局/c): the word still ends the body's name.
_AND_READ_WITH_THE_BODY = re.compile(r"^[和及][\u4e00-\u9fff]{1,5}(?:局|厅|委|委员会)$")
#: A ministry named in full and alone, or its general office or a department (某某部办公厅, 某某部种业管理司, which LAC
#: may read as one common noun); not the 教育部 of 教育部门 (a kind of body), nor after a level word.
_MINISTRY_NAMED = re.compile(rf"(?<![省市区县])(?:{alternatives(MINISTRIES)})(?:办公厅|[\u4e00-\u9fff]{{1,7}}?[^公\W]司)?(?!门)")


#: A party committee (市委, 中共某某市委) whose office for one task is named by it and the task:
#: 市委 | 人才 | 办, 县委 | 改革 | 办 (the office of its 人才工作领导小组, 改革委员会).
_PARTY_COMMITTEE = re.compile(rf"(?:{PARTY})?[\u4e00-\u9fff]{{0,4}}[省市区县州]委")


#: A place's party committee and its government named as one: 北京市委市政府.
_COMMITTEE_AND_GOVERNMENT = re.compile(rf"((?:{PARTY})?[\u4e00-\u9fff]{{0,6}}[省市区县]委)([省市区县](?:人民)?政府)")


def party_offices(text: str, words: list[Word]) -> list[Word]:
    """市委 | 人才 | 办 is a body, and so is 市委 before a post of its own (市委 | 常委);
    北京市委市政府 is two."""
    if "委" not in text:
        return words
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.label == "Organization" and (both := _COMMITTEE_AND_GOVERNMENT.fullmatch(text, w.start, w.end)):
            words[i:i + 1] = [Word(w.start, both.end(1), "Organization"), Word(both.end(1), w.end, "Organization")]
    i = 0
    while i < len(words):
        w = words[i]
        committee = w.label in ("Organization", "n", "nz") and _PARTY_COMMITTEE.fullmatch(text, w.start, w.end)
        if committee and w.label != "Organization" and i + 1 < len(words) and words[i + 1].start == w.end \
                and LATIN_POST.fullmatch(text, words[i + 1].start, words[i + 1].end):
            words[i] = w = Word(w.start, w.end, "Organization")
        if committee and "办" in text:
            j, size = i + 1, 0
            while j < len(words) and j <= i + 3 and words[j].start == words[j - 1].end and size <= 4:
                word = text[words[j].start:words[j].end]
                if word.endswith("办") and j > i + (word == "办"):
                    words = merge(words, i, j, "Organization")
                    break
                if words[j].label not in ("n", "vn", "v", "nz", "j"):
                    break
                size += len(word)
                j += 1
        i += 1
    return words


#: The words between a place and the kind of zone it names: nouns and the like, never
#: a preposition, conjunction or verb (苏州工业园区 | 以 | 园区 is not one place).
_ZONE_PARTS = ("n", "nz", "nw", "vn", "an", "s", "j", "Region")
#: A part of a country or a province a zone may be named by: 某国 | 东部 | 经济走廊.
_PARTS_OF_A_COUNTRY = frozenset({"东部", "西部", "南部", "北部", "中部", "东南", "西南", "东北", "西北"})


def parks_named_after_bodies(text: str, words: list[Word]) -> list[Word]:
    """某某大学科技园, 某某研究院产业园: a park named after the body that runs it is a place."""
    return [Word(w.start, w.end, "Region") if w.label == "Organization" and
            text[w.start:w.end].endswith(_PARKS) and w.end - w.start >= 6 else w for w in words]


#: Kinds of park: a name ending in one is a place whatever body it is named after.
_PARKS = ("科技园", "产业园", "软件园", "工业园", "创新园", "大学城", "科学城", "科技城", "科创港", "数字港",
          "创新谷", "科创谷")


#: A pilot free trade zone's official name, and an area of it: 中国（某省）自由贸易试验区某某片区.
_FREE_TRADE_ZONE = re.compile(r"中国[（(][\u4e00-\u9fff]{2,3}[）)](?:自由贸易试验区(?:[\u4e00-\u9fff]{2,6}?片区)?"
                              r"|[\u4e00-\u9fff]{2,8}?综合试验区)")  # (中国（某市）某某综合试验区 too)


def zones(text: str, words: list[Word]) -> list[Word]:
    """贵阳 | 综保区, 济南 | 高新区: a place, then the kind of zone, is one place; a zone, then
    a park in it (江城高新区 | 星湖创新科技园), or a city, then a named district (上海市 |
    浦东新区), is two; 中国（某省）自由贸易试验区某某片区 is one, the country and province in it too."""
    for m in _FREE_TRADE_ZONE.finditer(text):
        if not any(w.label == "Organization" and w.start <= m.start() and w.end > m.end() for w in words):
            words = claim(words, m.start(), m.end(), "Region")  # (not inside its 管委会's name)
    def part(ws: list[Word], i: int, j: int) -> bool:
        piece = text[ws[j].start:ws[j].end]
        if piece in _RANKS_OF_PARKS:
            return False  # 某某区 | 重点 | 园区: which of the place's parks, not one named
        if ws[j].label == "Region" and gazetteer().lookup(piece):
            return False  # a division of its own (but 成渝地区 | 双城 | 经济圈, 苏州 | 工业园区 are one)
        if j == i + 1 and (ws[j].label == "Region" or _named_zone_word(piece)) and _is_district(text[ws[i].start:ws[i].end]):
            return False  # 某某区 | 某某湾 新材料 产业园, 某某区 | 梦想小镇/n: a district, then a park named in it
        if ws[j].label == "Region" and j == i + 1 and _NAMED_ZONE.fullmatch(piece) \
                and text[ws[i].start:ws[i].end].endswith(("省", "市")) and gazetteer().lookup(text[ws[i].start:ws[i].end]):
            return False  # 某某市 | 某某航空港经济区: a city written with its level, then a zone named in it
        ends_a_zone = len(piece) == 1 and text[ws[i].start:ws[j].end].endswith(ZONE_SUFFIXES)  # 皖江 | 城市 | 带/v
        ends_a_zone |= ws[j].label == "v" and j + 1 < len(ws) and text[ws[j + 1].start:ws[j + 1].end] in ZONE_SUFFIXES
        # (长白山 | 保护/v | 开发区: a verb right before the kind of zone)
        return (ws[j].label in _ZONE_PARTS or piece in ZONE_SUFFIXES or ends_a_zone or piece in _PARTS_OF_A_COUNTRY) \
            and not text[ws[i].start:ws[i].end].endswith(ZONE_SUFFIXES)  # 青梧 | 创新谷/v

    words = _after_a_place(words, 3, "Region", part,
                           lambda ws, i, j: text[ws[i].start:ws[j].end].endswith(ZONE_SUFFIXES))
    return [Word(w.start, w.end, "Region") if k and w.label in _ZONE_PARTS and words[k - 1].end == w.start
            and words[k - 1].label == "Region" and _named_zone_word(text[w.start:w.end])
            and _is_district(text[words[k - 1].start:words[k - 1].end]) else w for k, w in enumerate(words)]


#: Words saying which of a place's parks, not naming one: 某某区重点园区.
_RANKS_OF_PARKS = frozenset({"重点", "主要", "相关", "有关", "周边", "骨干", "其他", "其它"})


def _named_zone_word(piece: str) -> bool:
    """梦想小镇, 星湖科技园: a zone's own name and its kind in one word (not 工业园区, a kind alone)."""
    return bool(_NAMED_ZONE.fullmatch(piece)) and not GENERIC_PLACE.fullmatch(piece)


def parks_named_by_trade(text: str, words: list[Word]) -> list[Word]:
    """猇亭 | 先进 | 制造 | 产业园, 三江新区 | 动力 | 电池 | 产业园: a place (a zone too), the trades a park
    is for and its kind are one place, the park; so where the model read the place and a trade as a
    company (湾沚航空/ORG | 新材料 | 产业园). A park with a name of its own (江城高新区 | 星湖创新科技园) is
    not named by trades: the model reads it whole."""
    if not any(kind in text for kind in _PARK_KINDS):
        return words
    k = 0
    while k < len(words):
        if text[words[k].start:words[k].end] in _PARK_KINDS and not words[k].is_entity:
            j = k
            while j > 0 and k - j < 3 and words[j - 1].end == words[j].start and words[j - 1].label in _TRADE_WORDS \
                    and words[j - 1].end - words[j - 1].start >= 2:
                j -= 1
            if 0 < j < k and words[j - 1].end == words[j].start and _opens_a_park(text, words[j - 1]):
                words = merge(words, j - 1, k, "Region")
                k = j - 1
        k += 1
    return words


#: The kinds of park named by the trades they are for.
_PARK_KINDS = frozenset({"产业园", "工业园", "物流园", "科技园", "创业园"})
#: LAC's tags of the words a park's trades are written with (先进/a 制造/vn).
_TRADE_WORDS = frozenset({"n", "vn", "a", "an"})


def _opens_a_park(text: str, word: Word) -> bool:
    """A place, or a company of four characters that is a place's short name and a trade (湾沚航空)."""
    if word.label == "Region":
        return True
    seat = gazetteer().seat(text[word.start:word.start + 2]) if word.label == "Organization" and word.end - word.start == 4 else None
    return seat is not None and seat.level in ("city", "county")


_LEVELS = ("country", "province", "city", "county")
#: A zone with a name of its own before its kind: 德州 | 大学城, 某某 | 科学城 (not 高新区 alone).
_NAMED_ZONE = re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:{alternatives(ZONE_SUFFIXES)})")


_ROUTE = re.compile(rf"(?:{alternatives(ROUTE_SUFFIXES)})(?=[由的在与和]?$)")


def routes(text: str, words: list[Word]) -> list[Word]:
    """某县至某县高速公路 read as one place: a road or a line is no place, the place it is named by is
    (平塘 | 高速公路), and a road's own short name is none (某平 | 高速); a place before 至 another is a
    place, whatever the model read it as (凌云 | 至 | 乐业); a count of things is none (46 | 台岸桥)."""
    if not any(w.label == "Region" for w in words):
        return words
    g = gazetteer()
    out: list[Word] = []
    for k, w in enumerate(words):
        if w.label != "Region":
            out.append(w)
            continue
        name = text[w.start:w.end]
        counted = [x for x in words[max(0, k - 2):k] if text[x.start:x.end].strip()][-1:]
        if name[0] in "座台条辆艘" and counted and counted[0].label == "m":
            out.append(w._replace(label="n"))  # 46 | 台岸桥, 11 | 座特大桥: a count of things, no place
            continue
        route = _ROUTE.search(name)
        if route is None and k + 1 < len(words) and g.seat(name) is None \
                and _ROUTE.fullmatch(text[words[k + 1].start:words[k + 1].end]):
            out.append(w._replace(label="nz"))  # 某平 | 高速公路: the road's own short name
            continue
        if route is None or g.lookup(name) is not None:
            out.append(w)
            continue
        place = name[:route.start()].rstrip()
        named = len(place) >= 2 and g.seat(place) is not None
        if named:
            out.append(Word(w.start, w.start + len(place), "Region"))
        out.append(Word(w.start + len(place) if named else w.start, w.start + route.end(), "n"))
        if route.end() < len(name):
            out.append(Word(w.start + route.end(), w.end, "p"))  # 某某铁路由 | 某某集团施工: the preposition
    for k in range(len(out) - 2 if "至" in text else 0):
        if text[out[k + 1].start:out[k + 1].end] != "至":
            continue
        for one, other in ((k, k + 2), (k + 2, k)):
            if out[other].label == "Region" and out[one].label != "Region" \
                    and g.seat(text[out[one].start:out[one].end]) is not None:
                out[one] = out[one]._replace(label="Region")
    return out


def divisions_read_as_bodies(text: str, words: list[Word]) -> list[Word]:
    """浙江省 | 台州市 read as a body: a division named in full, with its level, is a place."""
    g = gazetteer()
    return [Word(w.start, w.end, "Region") if w.label == "Organization" and text.endswith(("省", "市", "县"), w.start, w.end)
            and g.lookup(text[w.start:w.end]) is not None else w for w in words]


def _place_started_before(text: str, start: int, w: Word) -> int:
    """The length of a county or city named from ``start``, one character before the name ``w``, to
    its level inside ``w`` (于 + 都县: 于都县), or 0."""
    g = gazetteer()
    for end in range(w.start + 2, min(w.end, w.start + 4) + 1):
        division = g.lookup(text[start:end]) if text[end - 1] in "县市区" else None
        if division is not None and division.level in ("city", "county"):
            return end - start
    return 0


def places_cut_before_their_kind(text: str, words: list[Word]) -> list[Word]:
    """某某联合历下 | 区某某街道办事处: a district's kind read into the next name; the district is
    the characters before it and its kind, the name starts after (历下区 | 某某街道办事处). A place
    set apart by a space is no part of the name after it either; nor is a county's first
    character part of the word before it (由于 | 都县人民医院)."""
    g = gazetteer()
    out: list[Word] = []
    for w in words:
        if w.label not in ENTITY:
            out.append(w)
            continue
        prev = out[-1] if out and out[-1].end == w.start else None
        gap = next((at for at in range(w.start + 2, w.end - 2) if text[at] in " \u3000"), -1) \
            if w.end - w.start >= 5 and (" " in text or "\u3000" in text) else -1
        if gap > 0 and g.lookup(text[w.start:gap]) is not None:
            rest = "Organization" if ends_like_org(text[gap + 1:w.end]) else w.label
            out += [Word(w.start, gap, "Region"), Word(gap + 1, w.end, rest)]
            continue  # 某某区　某某集团: an article's place, set apart before its first sentence
        if prev is not None and prev.label in _BEFORE_A_PLACE and prev.end - prev.start >= 2 \
                and _place_started_before(text, prev.end - 1, w):
            out[-1] = Word(prev.start, prev.end - 1, prev.label)  # 由于 | 都县人民医院: 由 | 于都县人民医院
            out.append(Word(prev.end - 1, w.end, w.label))
            continue
        if prev is not None and w.end - w.start >= 4 and text[w.start] in "区县":
            place = next((n for n in (3, 2) if prev.end - n >= prev.start
                          and (d := g.lookup(text[prev.end - n:w.start + 1])) is not None and d.level == "county"), 0)
            if place:
                out.pop()
                if prev.end - place > prev.start:
                    out.append(Word(prev.start, prev.end - place, prev.label))
                out += [Word(prev.end - place, w.start + 1, "Region"), Word(w.start + 1, w.end, w.label)]
                continue
        out.append(w)
    return out


#: LAC's tags of the words a place's first character may be read into: 由于/c, 位于/v, 对于/p.
_BEFORE_A_PLACE = frozenset({"c", "p", "v", "d"})


def chained_places(text: str, words: list[Word]) -> list[Word]:
    """成都市武侯区 read as one place: a division, then a division within it, are two places (the
    graph places a body in both, and 武侯区 is named alone elsewhere)."""
    if not any(w.label == "Region" and w.end - w.start >= 4 for w in words):
        return words
    g = gazetteer()
    out: list[Word] = []
    skip = 0
    for k, w in enumerate(words):
        if skip:
            skip -= 1
            continue
        name = text[w.start:w.end]
        if w.label == "Region" and g.lookup(name) is None and (run_on := _cut_into_the_next(text, words, k)):
            cut, skip = run_on  # 池州市东 | 至 | 县: 池州市 and 东至县, the model's cut one character late
            out += [Word(w.start, cut, "Region"), Word(cut, words[k + skip].end, "Region")]
            continue
        if w.label == "Region" and 4 <= len(name) <= 12 and g.lookup(name) is None:
            for cut in range(2, len(name) - 1):
                outer, inner = g.lookup(name[:cut]), g.lookup(name[cut:])
                if outer and inner and inner.parent == outer.code \
                        and _LEVELS.index(inner.level) > _LEVELS.index(outer.level):
                    out += [Word(w.start, w.start + cut, "Region"), Word(w.start + cut, w.end, "Region")]
                    break
                if outer and name[:cut].endswith(("市", "区", "县")) and _NAMED_ZONE.fullmatch(name[cut:]):
                    out += [Word(w.start, w.start + cut, "Region"), Word(w.start + cut, w.end, "Region")]
                    break  # 德城区 | 德州大学城: a district, then a zone named in it
            else:
                out.append(w)
            continue
        out.append(w)
    return out


def _cut_into_the_next(text: str, words: list[Word], k: int) -> tuple[int, int] | None:
    """Where a place the model ran into the next one's first characters splits, and how many of
    the following words (up to two, of one character each) finish the second place."""
    g = gazetteer()
    w = words[k]
    for extra in (1, 2):
        last = k + extra
        if last >= len(words) or any(words[j].end - words[j].start != 1 or words[j].start != words[j - 1].end
                                     for j in range(k + 1, last + 1)):
            return None
        name = text[w.start:words[last].end]
        for cut in range(2, w.end - w.start):
            outer, inner = g.lookup(name[:cut]), g.lookup(name[cut:])
            if outer and inner and inner.parent == outer.code:
                return w.start + cut, extra
    return None


def _is_district(name: str) -> bool:
    """A county-level division of the data (南康区, 信州区): the zones in it have names of their own."""
    division = gazetteer().lookup(name)
    return name.endswith(("区", "县")) and division is not None and division.level == "county"


#: Words that may make up a unit's name between its parent and its tail: 能源 与 动力 工程.
_UNIT_PARTS = ("n", "nz", "nw", "vn", "an", "j")


_CAMPUS = re.compile(r"[（(][^（）()]{1,6}[）)]$")


def _campus_follows(text: str, words: list[Word], i: int) -> bool:
    """A university, then its city in brackets: 中国矿业大学 | （ | 徐州 | ）."""
    if i + 3 >= len(words) or not text[words[i].start:words[i].end].endswith(("大学", "学院")):
        return False
    opening, place, closing = words[i + 1], words[i + 2], words[i + 3]
    return (text[opening.start:opening.end] in ("（", "(") and place.label == "Region"
            and text[closing.start:closing.end] in ("）", ")")
            and all(words[k].start == words[k - 1].end for k in range(i + 1, i + 4)))


#: Words between two bodies that are no part of a unit's name: 研究院 共建 联合实验室.
_BUILDING_TOGETHER = ("共建", "合建", "联建", "共同组建", "合作", "携手", "联合")


#: A government body's divisions: 企业改革处, 规划司, 企业改革局, 办公室.
_OFFICE_TAILS = ("处", "司", "局", "办公室")
#: A corps of a bureau (公安厅某某总队) is a body of its own, before its head's post too (总队长), as a station is.
_CORPS = ("总队", "支队", "大队")
_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:处|司)")
#: A government body, then at most a word the model read into it, then its division: 省某某委(产权)管理处.
#: The first characters of a division's name read into the body's: 市某某委 | 汽车 (产业处).
_GLUED_TO_BODY = re.compile(r"(?<=[委局厅])[\u4e00-\u9fff]{1,3}$")
_DIVISION = re.compile(r"(?:委|局|厅)[\u4e00-\u9fff]{0,3}$")
#: The first words of a division or corps read into its bureau's name: 省某某局网络 | 安全 管理 处, 省公安厅网络安全 | 保卫 总队.
_READ_INTO_BODY = re.compile(r"(?<=[局厅])[\u4e00-\u9fff]{2,6}$")
#: A government body and its division read as one name: 某某市工信局 | 电子信息产业处, 园区管委会 | 科技创新委员会.
_BODY_AND_DIVISION = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:局|厅|委|管委会))([\u4e00-\u9fff]{2,10}(?<!办事)(?:处|科)"
                                r"|(?<=管委会)[\u4e00-\u9fff]{2,8}委员会)")


def _office_after(text: str, words: list[Word], i: int) -> Word | None:
    """The word after the organization at i when it names a division (管理处, 产业处)."""
    if words[i].label != "Organization" or i + 1 >= len(words):
        return None
    after = words[i + 1]
    return after if _OFFICE.fullmatch(text, after.start, after.end) else None


def units(text: str, words: list[Word]) -> list[Word]:
    """清华大学 | 能源 与 动力 工程 | 系: a parent body, nouns, then a unit's tail (系, 学院,
    研究所 …) is the unit's name, even where the model read 系 as a verb; the parent is
    found inside it again later (:mod:`kg.ner.names`)."""
    i = 0
    while i < len(words):
        w = words[i]
        if w.label != "Organization":  # (every unit below is read after a body)
            i += 1
            continue
        if _campus_follows(text, words, i):
            words = merge(words, i, i + 3, "Organization")  # 中国矿业大学（徐州）: a campus's name
            w = words[i]
        whole = _BODY_AND_DIVISION.fullmatch(text, w.start, w.end) if w.label == "Organization" else None
        if whole and LATIN_POST.match(text, w.end):  # 某某市工信局电子信息产业处 | 处长: the bureau's post
            words[i:i + 1] = [Word(w.start, whole.end(1), "Organization"), Word(whole.end(1), w.end, "n")]
            w = words[i]
        office = _office_after(text, words, i)
        glued = _GLUED_TO_BODY.search(text, w.start, w.end) if office and LATIN_POST.match(text, office.end) else None
        if glued:  # 市某某委汽车 | 产业处 | 处长: the body, then its division's name, before the head's post
            words[i:i + 1] = [Word(w.start, glued.start(), "Organization"), Word(glued.start(), w.end, "n")]
            w, office = words[i], _office_after(text, words, i)
        read_on = _READ_INTO_BODY.search(text, w.start, w.end) if w.label == "Organization" \
            and not GOVERNMENT_BODY.search(text, w.start, w.end) else None  # (某某局海陵分局 is whole)
        government = w.label == "Organization" and not ORGAN.search(text, w.start, w.end) \
            and bool(GOVERNMENT_BODY.search(text, w.start, read_on.start() if read_on else w.end))  # (某某公司董事局 is a company's organ)
        if office and office.start == w.end and office.label in ("n", "nz") \
                and _DIVISION.search(text, w.start, w.end) and not ORGAN.search(text, w.start, w.end) \
                and not LATIN_POST.match(text, office.end):
            words = merge(words, i, i + 1, "Organization")  # 省某某委(产权) | 管理处: a division of the body
        elif w.label == "Organization" and (government or _CAMPUS.sub("", text[w.start:w.end]).endswith(PARENT_HEADS)):
            tails = _OFFICE_TAILS + _CORPS if government else UNIT_TAILS
            j, end, nouns = i + 1, None, int(read_on is not None)  # (words read into the body's name count)
            while j < len(words) and j <= i + 7 and words[j].start == words[j - 1].end:
                word = text[words[j].start:words[j].end]
                if word in OWNING_WORDS:
                    break  # 某某管委会 | 旗下 | 某某公司: what the body owns, no unit of its name
                if nouns and word.endswith(tails) and text[w.end:words[j].end].endswith(tails):
                    end = j
                    break
                if words[j].label in _UNIT_PARTS and word not in _BUILDING_TOGETHER:
                    nouns += 1
                elif not (words[j].label == "c" and word in ("与", "和") and nouns):
                    break
                j += 1
            post_after = end is not None and government and (
                LATIN_POST.match(text, words[end].end)
                or (text.endswith(("处处", "科科"), words[end].start, words[end].end) and text.startswith("长", words[end].end))) \
                and not text.endswith(_CORPS, w.start, words[end].end)  # (某某产业 | 处处/d | 长: the division's head)
            if end is not None and not post_after:
                words = merge(words, i, end, "Organization")
            elif post_after and read_on:
                # (a division before its head's post, 某某委 | 中小企业处 | 处长, reads as the body's post;
                # 省某某局网络 | 安全 管理 处 | 处长: the division's first words read into the body's name)
                words[i:i + 1] = [Word(w.start, read_on.start(), "Organization"), Word(read_on.start(), w.end, "n")]
        i += 1
    return words


#: Words that may name what a body does between its place and its kind: 新型 显示 技术创新 | 中心.
_BODY_PARTS = ("n", "nz", "nw", "vn", "an", "a", "j")
#: A place's public centres, named by what they do: 某某区大数据发展中心, 某某县政务服务中心, 某某省生态环境监测中心.
_PUBLIC_CENTRES = ("发展中心", "服务中心", "促进中心", "管理中心", "监测中心", "救援站")


def bodies_after_a_place(text: str, words: list[Word]) -> list[Word]:
    """湖北省 | 新型 显示 技术创新 | 中心: a place, what the body does, and a body's kind
    (创新中心, 研究院, 联盟 …) is one organization the model read as a place and words; so is a
    place and a status the model read as a name (广西 | 某某诊疗重点实验室)."""
    def part(ws: list[Word], i: int, j: int) -> bool:  # 新型 显示(v): a verb inside, not first (nor 共建: it builds one)
        return ws[j].label in _BODY_PARTS or (j > i + 1 and ws[j].label == "v" and ws[j].end - ws[j].start == 2
                                              and text[ws[j].start:ws[j].end] not in BUILDING_VERBS) \
            or (j == i + 1 and text[ws[j].start:ws[j].end] in _NAMING_VERBS and _ran_on(text[ws[i].start:ws[i].end])) \
            or (j == i + 1 and ws[j].label == "Organization" and text.endswith(STATUS_KINDS, ws[j].start, ws[j].end))

    def whole(ws: list[Word], i: int, j: int) -> bool:
        name = text[ws[i].end:ws[j].end]
        farm = name.endswith(_FARMS) and not _FARM_WORDS.fullmatch(name)  # (not 某县 | 农民专业合作社: a kind)
        return (j > i + 1 or ws[j].label == "Organization") \
            and (name.endswith(BODY_HEADS + _PUBLIC_CENTRES) or farm) and ws[j].end - ws[i].start <= 20

    return _after_a_place(words, 6, "Organization", part, whole)


#: Registered farms and cooperatives, named after their place (某旗某某奶牛养殖专业合作社, 某县某某家庭牧场).
_FARMS = ("专业合作社", "家庭农场", "家庭牧场")
_FARM_WORDS = re.compile(r"(?:农民|农业|种植|养殖|专业|家庭|农场|牧场|合作社)+")


#: Verbs a body's name may hold right after the place's words the model ran on: 某省产教融合 | 促进 | 联盟.
_NAMING_VERBS = frozenset({"促进", "发展", "合作", "交流", "服务", "创新"})


def _ran_on(place: str) -> bool:
    """江西省产教融合: a place the model ran on into a body's first words (then 促进/v | 联盟 ends it)."""
    head = gazetteer().head(place)
    return head is not None and gazetteer().lookup(place) is None and len(place) - len(head) >= 2


def _after_a_place(words: list[Word], most: int, label: str, part: Callable[[list[Word], int, int], bool],
                   whole: Callable[[list[Word], int, int], bool]) -> list[Word]:
    """A place, then up to ``most`` adjoining words that may be ``part`` of a name: the
    longest run that makes a ``whole`` name becomes one word with ``label``."""
    i = 0
    while i < len(words):
        if words[i].label == "Region":
            j, end = i + 1, None
            while j < len(words) and j <= i + most and words[j].start == words[j - 1].end and part(words, i, j):
                if whole(words, i, j):
                    end = j
                j += 1
            if end is not None:
                words = merge(words, i, end, label)
        i += 1
    return words


#: The kinds of unit a place or a body posts in another place: 某市驻某地工作组, 某区驻某县帮扶工作队.
_POSTED_KINDS = ("工作组", "工作队", "办事处", "联络处", "联络组", "工作站")
#: Words between the sending place and 驻, or between the place posted to and the kind: 东西部 | 协作, 帮扶.
_POSTED_WORDS = frozenset({"n", "vn", "v", "f", "j", "nz"})


def posted_units(text: str, words: list[Word]) -> list[Word]:
    """青岚市东西部协作驻汀南工作组, 某区驻某县帮扶工作队: a unit a place sends to another, one body named
    from the sending place to its kind (the model reads the places and the words apart)."""
    if "驻" not in text:
        return words
    for k, w in enumerate(words):
        if text[w.start:w.end] != "驻" or k == 0 or k + 1 >= len(words) or words[k + 1].label not in ("Region", "Organization"):
            continue
        end = next((j for j in range(k + 1, min(k + 4, len(words)))
                    if text[words[j].start:words[j].end].endswith(_POSTED_KINDS)), None)  # (驻 | 某地工作组/ORG too)
        if end is None or any(words[j].label not in _POSTED_WORDS for j in range(k + 2, end)):
            continue
        start = k - 1
        while start > k - 4 and start >= 0 and words[start].label in _POSTED_WORDS:
            start -= 1
        if start >= 0 and words[start].label in ("Region", "Organization") and words[start].end <= words[start + 1].start:
            words = claim(words, words[start].start, words[end].end, "Organization")
    return words


#: A task force named by its place and its work: 某县污水治理工作专班, 某市乡村振兴工作领导小组; or its office
#: (某市某某产业发展领导小组办公室, the body that acts for it).
_TASK_FORCE = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:工作专班|领导小组|指挥部)(?:办公室)?")
#: Words that join clauses, never inside a task force's name.
_NOT_IN_A_NAME = re.compile(r"[的和与及在对由将为是]")


def task_forces(text: str, words: list[Word]) -> list[Word]:
    """A place and the words of a task force's work up to its kind (工作专班, 领导小组, 指挥部): one body,
    however many words the model read (more than a name's usual tail)."""
    if not any(kind in text for kind in ("专班", "领导小组", "指挥部")):
        return words
    for w in [w for w in words if w.label == "Region"]:
        force = _TASK_FORCE.match(text, w.end)
        if force and not _NOT_IN_A_NAME.search(force.group()) and gazetteer().lookup(text[w.start:w.end]) is not None:
            words = claim(words, w.start, force.end(), "Organization")
    return words


#: A village's or a community's own bodies: its party branch and its committee.
_VILLAGE_BODIES = ("党总支", "党支部", "党委", "村民委员会", "村委会", "居民委员会", "居委会")


def village_bodies(text: str, words: list[Word]) -> list[Word]:
    """某县 | 某镇 | 某村 | 党总支: the village's party branch, one body named from the first place on."""
    if "村" not in text and "社区" not in text:
        return words
    for k in range(len(words) - 1, 0, -1):
        w, village = words[k], words[k - 1]
        if village.label == "Region" and village.end == w.start and text[village.start:village.end].endswith(("村", "社区")) \
                and text[w.start:w.end] in _VILLAGE_BODIES:
            start = k - 1
            while start > 0 and words[start - 1].label == "Region" and words[start - 1].end == words[start].start:
                start -= 1
            words = merge(words, start, k, "Organization")
    return words
