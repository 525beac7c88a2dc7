"""Foreign names: a country's mission, companies and brands in Latin letters, transliterated people, places abroad.

The model reads Chinese text best; names from abroad it cuts at their spaces and dots.
"""
from __future__ import annotations

import re

from ...lexicon import COMPANY_FORM, FOREIGN_COMPANY, POST_AT_END, TRANSLITERATION
from ...regions import gazetteer, is_foreign_country
from .words import HAN, HAN_RUN, LATIN, LATIN_THEN_SPACE, NOUNISH, Word, claim, ends_like_org, merge

#: After 驻 and a place: a country's mission there (芬兰驻广州总领事馆).
_MISSION = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:总领事馆|领事馆|大使馆|总领馆)")
#: After 驻 and a place: a Chinese province's, city's or county's office there (某某县驻深圳招商联络处).
_OFFICE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:联络处|办事处|代表处|联络办)")


def missions(text: str, words: list[Word]) -> list[Word]:
    """芬兰驻广州总领事馆, 某某县驻深圳招商联络处: a country or a division of China, 驻, a place and its
    mission or office there are one organization."""
    at = text.find("驻")
    while at > 0:
        mission = _MISSION.match(text, at + 1)
        country = next((size for size in (5, 4, 3, 2) if at >= size and is_foreign_country(text[at - size:at])), 0)
        if mission and country:
            words = claim(words, at - country, mission.end(), "Organization")
        office = _OFFICE.match(text, at + 1)
        owner = next((size for size in (6, 5, 4, 3) if at >= size and text[at - 1] in "省市县区"
                      and (d := gazetteer().lookup(text[at - size:at])) is not None and d.level != "country"), 0)
        if office and owner:
            words = claim(words, at - owner, office.end(), "Organization")
        at = text.find("驻", at + 1)
    return words


def foreign_companies(text: str, words: list[Word]) -> list[Word]:
    """Skarvik Energi AB, Corvana GmbH, Summit Grid Partners: capitalized Latin words and a
    legal form or kind of firm are one organization, however the model cut them."""
    if not LATIN_THEN_SPACE.search(text):
        return words
    for m in FOREIGN_COMPANY.finditer(text):
        words = claim(words, m.start(), m.end(), "Organization")
    for m in _LATIN_NAME_THEN_COMPANY.finditer(text):  # Equator Link 公司, PT Nusantara Orbit 公司
        words = claim(words, m.start(), m.end(), "Organization")
    for m in _KIND_THEN_LATIN_NAME.finditer(text):  # 某国花卉育种企业 Bloemhof, 游戏发行商 Some Games
        if all(re.search("[a-z]", word) for word in m.group(1).split()):  # (not 公司 CEO, 企业 Micro LED: a post, a technique)
            words = claim(words, m.start(1), m.end(1), "Organization")
    return words


def latin_people(text: str, words: list[Word]) -> list[Word]:
    """`亚太区总裁 Markus Henning 出席`: two or three capitalized Latin words right after a post are a person."""
    if not LATIN_THEN_SPACE.search(text):
        return words
    for m in _LATIN_PERSON.finditer(text):
        if POST_AT_END.search(text[max(0, m.start() - 12):m.start()].rstrip()):
            words = claim(words, m.start(), m.end(), "Person")
    return words


#: A given name and a family name in Latin letters (Anna-Lena Berg): each word a capital, then small letters.
_LATIN_PERSON = re.compile(r"(?<![A-Za-z.&])[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}(?![A-Za-z.&])")
#: Capitalized Latin words, then 公司: a foreign company named in Latin and called a company.
_LATIN_NAME_THEN_COMPANY = re.compile(r"(?<![A-Za-z])(?:[A-Z][A-Za-z0-9&'\-]*\s+){1,3}[A-Z][A-Za-z0-9&'\-]*\s*公司")
#: A kind of firm, then its name in Latin letters (企业 Bloemhof, 发行商 Some Games), before Chinese text.
_KIND_THEN_LATIN_NAME = re.compile(r"(?:企业|公司|厂商|提供商|服务商|运营商|供应商|制造商|开发商|研发商|设备商|发行商|初创|创企)\s*"
                                   r"([A-Z][A-Za-z0-9&'\-]+(?:\s[A-Z][A-Za-z0-9&'\-]+){0,3})(?=\s*[\u4e00-\u9fff，、。；])(?!\s*轮)")


def join_latin_names(text: str, words: list[Word]) -> list[Word]:
    """`Lanx 岚柏投资`, `TAI 资本`: a Latin word, a space, then an organization word."""
    if not LATIN_THEN_SPACE.search(text):
        return words
    i = 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        gap = text[a.end:b.start]
        nxt = words[i + 2] if i + 2 < len(words) and text[b.end:words[i + 2].start] == "" else None
        if LATIN.fullmatch(text[a.start:a.end]) and gap.strip() == "" and b.start == a.end + len(gap):
            target = b if b.label == "Organization" or (b.label in NOUNISH and ends_like_org(text[b.start:b.end])) else None
            if target is None and nxt is not None and nxt.label in NOUNISH and ends_like_org(text[b.start:nxt.end]):
                words = merge(words, i, i + 2, "Organization")
                continue
            if target is None and nxt is not None and nxt.label == "Organization" and not text[b.start:b.end].strip() \
                    and (_REGISTERED_AFTER.match(text, nxt.start) or text.endswith(_FIRM_ENDS, nxt.start, nxt.end)
                         or text.startswith(_FIRM_ENDS, nxt.end)):
                # Tidora | 海洋技术（香港）有限公司, Lumex | 岚柏投资 (not eVTOL | 审定中心, Micro | LED)
                words = merge(words, i, i + 2, "Organization")
                continue
            if target is not None:
                words = merge(words, i, i + 1, "Organization")
                continue
        i += 1
    return words


#: The kinds of firm a Latin brand opens the name of: Lumex 岚柏投资.
_FIRM_ENDS = ("投资", "资本", "创投", "基金", "集团", "控股", "证券", "银行")
#: A company's registered name after a Latin brand and a space: Tidora | 海洋技术（香港）有限公司.
_REGISTERED_AFTER = re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:[（(][\u4e00-\u9fff]{{2,6}}[）)])?(?:{COMPANY_FORM})")


#: How the model may read a transliterated surname after the dot: a name, a noun, or 本 | 某某 as a pronoun's word.
_AFTER_THE_DOT = frozenset({"Person", "nz", "nr", "r", "n"})


def dotted_names(text: str, words: list[Word]) -> list[Word]:
    """马里奥· | 桑托斯, 扬 | · | 范德林登 and 宋汀 | ·本澄尼: a transliterated name the model cut at its
    dot is one person."""
    if "·" not in text:
        return words
    i = 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        dot_alone = text[b.start:b.end] == "·" and i + 2 < len(words)
        if dot_alone:
            b = words[i + 2]
        if (a.label == "Person" and (dot_alone or text[a.end - 1] == "·") and b.label in _AFTER_THE_DOT \
                and HAN_RUN.fullmatch(text, b.start, b.end) and text[a.end:b.start] in ("", "·")) \
                or (a.label == "Person" and b.start == a.end and text[b.start] == "·" and HAN_RUN.fullmatch(text, b.start + 1, b.end)):
            words = merge(words, i, i + 1 + dot_alone, "Person")
            continue
        if a.label == "Person" and (dot := _dot_after_a_cut_name(text, words, i)) is not None:
            words = merge(words, i, dot + 1, "Person")
            continue
        i += 1
    return _conjunction_read_into_dotted_names(text, words)


def _dot_after_a_cut_name(text: str, words: list[Word], i: int) -> int | None:
    """颂 | 猜 | · | 披塔亚: LAC cut the first part of a transliterated name and read its rest as a
    word; one or two characters up to the dot, then a name after it, are the same person's."""
    j = i + 1
    while j < len(words) and words[j].start == words[j - 1].end and not words[j].is_entity \
            and HAN.fullmatch(text, words[j].start, words[j].end) and words[j].end - words[i].end <= 2:
        j += 1
    if j == i + 1 or j + 1 >= len(words) or text[words[j].start:words[j].end] != "·" or words[j].start != words[j - 1].end:
        return None
    after = words[j + 1]
    if after.label in _AFTER_THE_DOT and after.start == words[j].end and HAN_RUN.fullmatch(text, after.start, after.end):
        return j
    return None


def _conjunction_read_into_dotted_names(text: str, words: list[Word]) -> list[Word]:
    """某某·某某万和 | 晋岳(LOC): a conjunction read into a transliterated name before the next name
    (和 after its last syllable, a body or a person after it) is the conjunction."""
    out = words
    for k, w in enumerate(words[:-1]):
        after = words[k + 1]
        if w.label == "Person" and "·" in text[w.start:w.end] and text[w.end - 1] in "和与及" and w.end - w.start >= 5 \
                and after.start == w.end and (after.is_entity or after.label in ("n", "nz")):
            out = list(out) if out is words else out
            at = out.index(w)
            out[at:at + 1] = [Word(w.start, w.end - 1, "Person"), Word(w.end - 1, w.end, "c")]
    return out


#: Before a foreign place the model read as a person: 在瓦萨建设, 位于奥斯汀.
_AT_PLACE = re.compile(r"(?:在|于|落户|位于|赴|到|来自)\s*$")
#: After it: what is done there.
_DONE_THERE = re.compile(r"^\s*(?:建设|投产|设立|建厂|落地|布局|规划|开设|成立|举行|召开|市|州|等地)")


_FOREIGN_PLACE_LABELS = frozenset({"Region", "Person", "Organization"})


#: What a body's name ends with and no place's does.
_SCHOOL_OR_COMPANY = re.compile(r"(?:大学|学院|研究院|研究所|实验室|有限公司|公司|集团)$")


def foreign_places(text: str, words: list[Word]) -> list[Word]:
    """瑞典斯德哥尔摩 is two places; 在瓦萨建设, 得克萨斯州奥斯汀: a transliterated "person" in a
    place's position is a place; 日本, 山东 typed as organizations are places."""
    out: list[Word] = []
    g = gazetteer()
    for k, w in enumerate(words):
        if w.label in ("n", "nz", "Person") and _foreign_place_there(text, words, k):
            out.append(Word(w.start, w.end, "Region"))  # 总部位于神户，; 位于比雷埃夫斯/PER; 德国 | 汉堡/n | 设立
            continue
        if w.label not in _FOREIGN_PLACE_LABELS:
            out.append(w)
            continue
        piece = text[w.start:w.end]
        if w.label == "Region" and piece.endswith("州") and len(out) >= 2 and text[out[-1].start:out[-1].end] == "新" \
                and out[-1].end == w.start and out[-2].end == out[-1].start and out[-2].label == "Region" \
                and is_foreign_country(text[out[-2].start:out[-2].end]):
            out[-1] = Word(out[-1].start, w.end, "Region")  # 墨西哥 | 新/a | 某某州: the state's name starts with 新
            continue
        if w.label == "Region" and len(piece) >= 4:
            cut = next((n for n in range(2, min(6, len(piece) - 1)) if (d := g.lookup(piece[:n])) is not None
                        and d.level == "country" and (TRANSLITERATION.match(piece[n:]) or g.lookup(piece[n:])
                                                      or (_FOREIGN_STATE.fullmatch(piece[n:]) and is_foreign_country(piece[:n])))), None)
            if cut is not None and g.lookup(piece) is None:  # 瑞典 | 斯德哥尔摩
                out += [Word(w.start, w.start + cut, "Region"), Word(w.start + cut, w.end, "Region")]
                continue
            if _SCHOOL_OR_COMPANY.search(piece) and len(piece) >= 5 and g.lookup(piece) is None:
                w = Word(w.start, w.end, "Organization")  # 英国某市某某大学: a body named with its places
        elif w.label == "Person":
            before = text[words[k - 1].start:words[k - 1].end] if k > 0 else ""
            after_place = k > 0 and words[k - 1].label == "Region" and words[k - 1].end == w.start
            after_country = after_place and (d := g.lookup(before)) is not None and d.level == "country"
            done_there = _DONE_THERE.match(text[w.end:w.end + 4])
            # 得克萨斯州奥斯汀; but 美国特朗普 is a person unless something is done there
            at_place = _AT_PLACE.search(text, 0, w.start) and (done_there or text[w.end:w.end + 1] == "的")
            of_a_body = after_country and text.startswith("的", w.end) and k + 2 < len(words) \
                and words[k + 1].end == w.end + 1 and words[k + 2].label == "Organization"  # 荷兰某某的 | 某某公司: its city
            if (TRANSLITERATION.match(piece) and ((after_place and (not after_country or done_there)) or at_place)) or of_a_body:
                w = Word(w.start, w.end, "Region")
        elif w.label == "Organization" and (d := g.lookup(piece)) is not None and not ends_like_org(piece):
            w = Word(w.start, w.end, "Region")
        out.append(w)
    return out


def _foreign_place_there(text: str, words: list[Word], k: int) -> bool:
    """A foreign city (or a transliterated "person") where a body's seat is said, before the clause ends or
    what is done there: 总部位于神户，, 总部位于比雷埃夫斯。, 在德国 | 汉堡 | 设立."""
    w = words[k]
    seated = text[max(0, w.start - 3):w.start].rstrip().endswith("位于")
    if not (seated or (k > 0 and words[k - 1].label == "Region" and words[k - 1].end == w.start)) \
            or not (_CLAUSE_ENDS.match(text, w.end) or _DONE_THERE.match(text[w.end:w.end + 4])):
        return False
    d = gazetteer().lookup(text[w.start:w.end])
    if d is not None and ":" in d.code:  # (kg.regions codes a foreign city by its country: DE:慕尼黑)
        return seated or (k > 0 and words[k - 1].end == w.start and is_foreign_country(text[words[k - 1].start:words[k - 1].end]))
    return seated and w.label == "Person" and TRANSLITERATION.match(text[w.start:w.end]) is not None


#: Where a clause or a list goes on after a place: 总部位于某地，
_CLAUSE_ENDS = re.compile(r"\s*(?:[，。；、,;]|$)")


#: A foreign country's state, province or town by its own name and level, after the country's: 巴西 | 某某州.
_FOREIGN_STATE = re.compile(r"[\u4e00-\u9fff]{2,5}[州省府城]")
