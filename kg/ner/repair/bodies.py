"""Bodies named by their field where they are set up: 共建深海声学联合实验室, 组建两地职教协作联盟;
and start-up spaces named by a brand the model reads as common words (某某 | 众创空间).

Such a body has no brand or place before its kind, only what it works on; the model reads the
field as common nouns. The verb that sets it up, or 联合 before its kind, marks the words as its name.
"""
from __future__ import annotations

import re

from ...lexicon import GENERIC_ORG, START_UP_SPACES, STATUS_KINDS, alternatives
from ...regions import gazetteer, is_foreign_country
from .words import BUILDING_VERBS, HAN, HAN_RUN, Word, claim, ends_like_org, merge, starts_no_name

#: A body two or more set up together, named by its field: 某某 | 联合实验室, 某某 | 联合研发中心; and a research
#: station, named by its place and field: 某地 湿地 生态系统 | 野外观测研究站.
_JOINT_BODY = re.compile(r"联合(?:实验室|研发中心|创新中心|研究中心|研究院|研究所)|(?:野外科学|野外)?观测研究站")
#: The dash between the partners in a joint body's name.
_DASHES = frozenset({"—", "-", "－", "——"})
#: Who or what level a joint body has, not its field: 校企联合实验室 names a kind, no body.
_NO_FIELD = frozenset({"校企", "院企", "校地", "校所", "企业", "高校", "产学研", "国际", "省级", "市级", "国家级", "重点", "各类"})
#: What a joint body's field is written with: nouns, names, and the adjectives of a field (大模型).
_FIELD_WORDS = frozenset({"n", "nz", "nw", "vn", "an", "a", "j", "s", "ORG", "LOC", "Region", "Organization"})


#: Verbs that set a body up, and the kinds of body named by their field after them:
#: 组建 | 两地 职教 协作 联盟, 合作建设 | 汽车电子 检测 实验室.
_SETS_UP = frozenset({"共建", "组建", "建设", "成立", "设立", "筹建", "联建", "发起", "发起成立", "合作建设", "共同建设"})
_FIELD_BODY = re.compile(r"(?:联盟|实验室|联合体|试验站|产业学院)$")  # (not 中心: 算力调度中心 is a facility)
#: What the body set up does next, right after its name (…联盟 | 在合肥成立), not the rest of a longer name.
_WHAT_A_BODY_DOES = re.compile(r"在|于|正式|揭牌|成立")
#: A technology's generation inside a field: 5G, 6G.
_GENERATION = re.compile(r"\s*\d[Gg]\s*")


def bodies_set_up(text: str, words: list[Word]) -> list[Word]:
    """合作建设汽车电子检测实验室, 共同组建两地职教协作联盟: the words between a verb of setting up
    and a kind of body name the body set up, when nothing but its field stands between them."""
    k = 0
    while k < len(words) - 1:
        if text[words[k].start:words[k].end] not in _SETS_UP or words[k].label not in ("v", "vn"):
            k += 1
            continue
        if text.startswith("的", words[k].end) and k + 2 < len(words):
            k += 1  # 共同发起的 | 某地 某某 联盟
        j, end = k + 1, None
        while j < len(words) and words[j].start == words[j - 1].end and words[j].end - words[k + 1].start <= 20 and (
                words[j].label in _FIELD_WORDS or (words[j].label in ("v", "ad") and j > k + 1)  # 成果 转移/v 转化/v 联盟
                or (words[j].label == "m" and _GENERATION.fullmatch(text, words[j].start, words[j].end))  # 某省 5G 某某联盟
                or (words[j].label == "w" and not text[words[j].start:words[j].end].strip() and j > k + 1)
                or (j == k + 1 and text[words[j].start:words[j].end] in ("两", "三", "双"))):  # 两 | 地 … 联盟
            if _FIELD_BODY.search(text, words[k + 1].start, words[j].end):  # (试验 | 站: the kind may span words)
                end = j
            j += 1
        # (a place may open the name, 成渝 | 地区 高校…; no other name stands inside it)
        if end is not None and words[end].end - words[k + 1].start >= 6 \
                and (not HAN_RUN.match(text, words[end].end) or _WHAT_A_BODY_DOES.match(text, words[end].end)) \
                and not any(w.is_entity and not (n == 0 and w.label == "Region")
                            and not (n == end - k - 1 and GENERIC_ORG.match(text[w.start:w.end]))  # (…材料 | 现代产业学院/ORG)
                            for n, w in enumerate(words[k + 1:end + 1])):
            name = text[words[k + 1].start:words[end].end]
            if not GENERIC_ORG.match(name) and _FIELD_BODY.sub("", name) not in _NO_FIELD:
                words = claim(words, words[k + 1].start, words[end].end, "Organization")
        k += 1
    return words


def _joins_two_fields(text: str, words: list[Word], k: int) -> bool:
    """感知 | 与 | 控制: a conjunction between two words of a field, none of them a name."""
    return 0 < k < len(words) - 1 and text[words[k].start:words[k].end] in ("与", "和", "及") \
        and all(w.label in _FIELD_WORDS and not w.is_entity and w.label not in ("ORG", "LOC") for w in (words[k - 1], words[k + 1]))


def joint_bodies(text: str, words: list[Word]) -> list[Word]:
    """共建 | 深海 声学 联合 实验室: the field before a joint body's kind is its name, back to the
    verb, mark or particle before it (共建, 的, “); a field may join two (感知 | 与 | 控制)."""
    for body in _JOINT_BODY.finditer(text):
        k = next((n for n, w in enumerate(words) if w.start <= body.start() < w.end), None)
        if k is None or (words[k].label == "Organization" and words[k].start < body.start()
                         and words[k].end >= body.end()):
            if k is not None and k >= 2 and words[k - 2].label in ("Organization", "Person") \
                    and text[words[k - 1].start:words[k - 1].end] in _DASHES \
                    and words[k - 2].end == words[k - 1].start and words[k - 1].end == words[k].start:
                words = claim(words, words[k - 2].start, words[k].end, "Organization")  # 甲—乙联合实验室: both partners name it
                # (the first read as a person too: 汀图 | — | 某某联合实验室)
            continue  # a name already
        inside_a_noun = words[k].start < body.start() and words[k].label in ("n", "nz", "vn") \
            and not ends_like_org(text[words[k].start:body.start()])  # 海上 | 风电智能运维联合实验室/n (not 协会联合研究院/n)
        words = _claim_field(text, words, k, words[k].start if inside_a_noun else body.start(), body.end(), body.start())
    return words


def status_bodies(text: str, words: list[Word]) -> list[Word]:
    """高原 生态 遥感 | 四川省重点实验室: a place and a status it confers name a kind of body, no body;
    the field before them names the one body."""
    for k in range(len(words) - 1, 0, -1):
        w = words[k]
        if w.label == "Organization" and text.endswith(STATUS_KINDS, w.start, w.end) and words[k - 1].end == w.start \
                and words[k - 1].label in _FIELD_WORDS and not words[k - 1].is_entity and (head := gazetteer().head(text[w.start:w.end])) \
                and text[w.start + len(head):w.end] in STATUS_KINDS:
            words = _claim_field(text, words, k, w.start, w.end)
    return words


def _claim_field(text: str, words: list[Word], k: int, start: int, end: int, kind_at: int | None = None) -> list[Word]:
    """The words of a field before a body's kind at ``kind_at`` (word k, which starts at ``start``) name the body with it."""
    kind_at = start if kind_at is None else kind_at
    while k > 0 and words[k - 1].end == start and (words[k - 1].label in _FIELD_WORDS or _joins_two_fields(text, words, k - 1)) \
            and end - words[k - 1].start <= 20 and not starts_no_name(text[words[k - 1].start:words[k - 1].end]) \
            and text[words[k - 1].start:words[k - 1].end] not in BUILDING_VERBS:
        k -= 1
        start = words[k].start
    if kind_at - start >= 2 and text[start:kind_at] not in _NO_FIELD:
        return claim(words, start, end, "Organization")
    return words


_SPACE_KIND = re.compile(alternatives(START_UP_SPACES))
#: What a start-up space's name is made of before its kind: a place, nouns, a verb of two characters (智造, 启航).
_SPACE_NAME_WORDS = frozenset({"n", "nz", "nw", "vn", "an", "j", "v", "m", "Region", "LOC"})
#: Levels and counts before a start-up space's kind, which make a kind of space, not a name: 省级 | 孵化器,
#: 本地 | 众创空间, 国家备案 | 众创空间, 各类 | 孵化器.
_LEVELS = re.compile(r"(?:省|市|区|县|国家)级|国家|本地|各类|新型|优秀|示范|[首该本其各全][^\s]{0,3}|[一二三四五六七八九十两几多数]+[批家个类所]")
#: Who a space is for or what it hatches, before its kind: a kind of space again unless a place or a brand
#: opens the name (科技企业 | 孵化器, 青年 | 创业港; 某区某站 | 青年创业港 is one).
_KINDS_OF_SPACE = re.compile(r"专业化?|科技企业|企业|高校|大学生?|青年|特色|硬科技|海外|离岸|飞地|社区|楼宇|产业|科技|创业|双创|孵化")
#: What may follow a start-up space's name: punctuation, a particle, a preposition or a verb (not 协会: 某某孵化器协会).
_AFTER_A_SPACE = frozenset({"w", "u", "p", "c", "d", "v", "vd", "ad", "f", "m", "q", "TIME"})


def start_up_spaces(text: str, words: list[Word]) -> list[Word]:
    """拾光 | 众创空间, 包河 | 智造/v | 加速器, 某县 | 启航 | 创客 | 空间: the words before a start-up space's
    kind, back to a mark, particle or name, name the space (its place first, if any), unless they only
    say its level or kind (省级孵化器, 科技企业孵化器)."""
    if not _SPACE_KIND.search(text):
        return words
    for kind in _SPACE_KIND.finditer(text):
        k = next((n for n, w in enumerate(words) if w.start <= kind.start() < w.end), None)
        end = next((n for n, w in enumerate(words) if w.start < kind.end() <= w.end), None)
        if k is None or end is None or words[end].end != kind.end() or (words[k].is_entity and words[k].label != "Region"):
            continue  # (a name already: 某某创新孵化器; or the kind runs on into a longer word)
        if end + 1 < len(words) and words[end + 1].label not in _AFTER_A_SPACE:
            continue  # 市孵化器 | 协会: the kind starts another body's name
        first = k  # (the kind's own word may hold the name's last characters: 东站 | 青年创业港)
        while first > 0 and words[first - 1].end == words[first].start and words[first - 1].label in _SPACE_NAME_WORDS \
                and kind.start() - words[first - 1].start <= 8 and not starts_no_name(text[words[first - 1].start:words[first - 1].end]) \
                and (words[first].label not in ("Region", "LOC") or words[first - 1].label in ("Region", "LOC")):
            first -= 1  # (a place opens the name: 某区 | 某站 | 青年创业港)
        while first < k and words[first].label == "v":
            first += 1  # (吸收 | 某市启航创客空间: a verb before the name is no part of it)
        start = words[first].start
        if start == kind.start():
            continue
        if words[first].label in ("Region", "LOC") and is_foreign_country(text[start:words[first].end]) and first < k:
            first += 1  # 某国 | 某某孵化器: the country is not the space's name
            start = words[first].start
        place_end = start
        while place_end < kind.start() and (w := next((w for w in words if w.start == place_end), None)) is not None \
                and w.label in ("Region", "LOC") and gazetteer().lookup(text[w.start:w.end]) is not None:
            place_end = w.end  # (a place of the division data; 某湾 | 众创空间: a brand the model read as a place)
        brand = text[place_end:kind.start()]
        if len(brand) >= 2 and HAN.fullmatch(brand) and not _LEVELS.match(brand) \
                and (place_end > start or words[first].label in ("Region", "LOC") or not _KINDS_OF_SPACE.match(brand)) \
                and not GENERIC_ORG.match(text[start:kind.end()]):
            words = claim(words, start, kind.end(), "Organization")
    return words


#: The end of a university's school named by two fields joined with 与 or 和: 化学 | 与 | 化工学院, 电子 | 与 | 信息 | 工程 | 系.
_SCHOOL_END = re.compile(r"(?:学院|学部|系)$")
#: What the name of the university the school is of has in it.
_UNIVERSITY = re.compile(r"大学|学院")
#: How the model tags the words of a school's field.
_FIELD_TAGS = frozenset({"n", "vn", "nz", "an"})


def schools_named_with_and(text: str, words: list[Word]) -> list[Word]:
    """某某理工大学 | 化学 | 与 | 化工学院: a school named by two fields; the model cuts it at 与."""
    if "与" not in text and "和" not in text:
        return words
    i = 0
    while i < len(words):
        w = words[i]
        at = _UNIVERSITY.search(text, w.start, w.end) if w.label == "Organization" else None
        if at is None or w.end - at.end() > 6:
            i += 1
            continue
        j = i + 1
        while j < len(words) and j - i <= 3 and words[j].label in _FIELD_TAGS and words[j].start == words[j - 1].end:
            j += 1
        if j >= len(words) or text[words[j].start:words[j].end] not in ("与", "和") or words[j].start != words[j - 1].end \
                or (j == i + 1 and w.end == at.end()) or any(ends_like_org(text[x.start:x.end]) for x in words[i + 1:j]):
            i += 1
            continue  # (某某大学 | 与 | 某某学院, 某某大学 | 党委 | 与 | …: two bodies)
        last = next((k for k in range(j + 1, min(j + 5, len(words)))
                     if words[k].start != words[k - 1].end or words[k].label not in _FIELD_TAGS
                     or _SCHOOL_END.search(text, words[k].start, words[k].end)), None)
        if last is not None and words[last].label in _FIELD_TAGS and words[last].start == words[last - 1].end \
                and _SCHOOL_END.search(text, words[last].start, words[last].end) \
                and text[words[j + 1].start:words[last].end] not in ("学院", "系"):
            words = merge(words, i, last, "Organization")
        i += 1
    return words
