"""Bodies named by their field where they are set up: 共建深海声学联合实验室, 组建两地职教协作联盟.

Such a body has no brand or place before its kind, only what it works on; the model reads the
field as common nouns. The verb that sets it up, or 联合 before its kind, marks the words as its name.
"""
from __future__ import annotations

import re

from ...lexicon import GENERIC_ORG
from .words import BUILDING_VERBS, HAN_RUN, Word, claim, starts_no_name

#: A body two or more set up together, named by its field: 某某 | 联合实验室, 某某 | 联合研发中心.
_JOINT_BODY = re.compile(r"联合(?:实验室|研发中心|创新中心|研究中心|研究院)")
#: The dash between the partners in a joint body's name.
_DASHES = frozenset({"—", "-", "－", "——"})
#: Who or what level a joint body has, not its field: 校企联合实验室 names a kind, no body.
_NO_FIELD = frozenset({"校企", "院企", "校地", "校所", "企业", "高校", "产学研", "国际", "省级", "市级", "国家级", "重点", "各类"})
#: What a joint body's field is written with: nouns, names, and the adjectives of a field (大模型).
_FIELD_WORDS = frozenset({"n", "nz", "nw", "vn", "an", "a", "j", "ORG", "LOC", "Region", "Organization"})


#: Verbs that set a body up, and the kinds of body named by their field after them:
#: 组建 | 两地 职教 协作 联盟, 合作建设 | 汽车电子 检测 实验室.
_SETS_UP = frozenset({"共建", "组建", "建设", "成立", "设立", "筹建", "联建", "发起成立", "合作建设", "共同建设"})
_FIELD_BODY = re.compile(r"(?:联盟|实验室|联合体|试验站)$")  # (not 中心: 算力调度中心 is a facility)


def bodies_set_up(text: str, words: list[Word]) -> list[Word]:
    """合作建设汽车电子检测实验室, 共同组建两地职教协作联盟: the words between a verb of setting up
    and a kind of body name the body set up, when nothing but its field stands between them."""
    k = 0
    while k < len(words) - 1:
        if text[words[k].start:words[k].end] not in _SETS_UP or words[k].label not in ("v", "vn"):
            k += 1
            continue
        j, end = k + 1, None
        while j < len(words) and words[j].start == words[j - 1].end and words[j].end - words[k + 1].start <= 20 and (
                words[j].label in _FIELD_WORDS or (words[j].label in ("v", "ad") and j > k + 1)  # 成果 转移/v 转化/v 联盟
                or (j == k + 1 and text[words[j].start:words[j].end] in ("两", "三", "双"))):  # 两 | 地 … 联盟
            if _FIELD_BODY.search(text, words[k + 1].start, words[j].end):  # (试验 | 站: the kind may span words)
                end = j
            j += 1
        # (a place may open the name, 成渝 | 地区 高校…; no other name stands inside it)
        if end is not None and words[end].end - words[k + 1].start >= 6 and not HAN_RUN.match(text, words[end].end) \
                and not any(w.is_entity and not (n == 0 and w.label == "Region") for n, w in enumerate(words[k + 1:end + 1])):
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
        start = words[k].start if words[k].start == body.start() else body.start()
        while k > 0 and words[k - 1].end == start and (words[k - 1].label in _FIELD_WORDS or _joins_two_fields(text, words, k - 1)) \
                and body.end() - words[k - 1].start <= 20 and not starts_no_name(text[words[k - 1].start:words[k - 1].end]) \
                and text[words[k - 1].start:words[k - 1].end] not in BUILDING_VERBS:
            k -= 1
            start = words[k].start
        if body.start() - start >= 2 and text[start:body.start()] not in _NO_FIELD:
            words = claim(words, start, body.end(), "Organization")
    return words
