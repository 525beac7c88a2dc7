"""Registered names: a company's name up to its legal form (某某精机株式会社, 某某有限公司), and one
registered with its seat in brackets (某某（北京）有限公司), however the model cut them."""
from __future__ import annotations

import re

from ...lexicon import (
    AFTER_A_PERSON,
    BRANCH_TAILS,
    DESCRIPTOR,
    ORG_SUFFIXES,
    OWNED_COMPANY_WORDS,
    OWNING,
    OWNING_WORDS,
    REGISTERED_FORM,
    alternatives,
)
from ...regions import gazetteer, is_foreign_country
from .words import BUILDING_VERBS, Word, claim, starts_no_name

_BRACKETED_SEAT = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")
#: What follows the bracketed seat in the name (not a copula or a conjunction: 某某（上海）为 | 德国某某有限公司;
#: nor 的: 某某（宿迁）的 | 控股子公司, the company named by its short name and what it holds).
_AFTER_SEAT = re.compile(r"(?![为是系与及的])[\u4e00-\u9fffA-Za-z]{0,12}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团"
                         r"|中心|研究院|研究所|实验室|孵化器)"
                         rf"(?:[\u4e00-\u9fff]{{2,4}}?(?:{alternatives(BRANCH_TAILS)}))?")  # …有限公司合肥分公司
#: Tags that cannot be part of a company name before its bracketed seat.
_NOT_NAME_TAGS = {"p", "v", "vd", "c", "u", "d", "w", "r", "xc", "q", "m", "f", "TIME"}


def bracketed_seats(text: str, words: list[Word]) -> list[Word]:
    """联想（北京）有限公司, 百度在线网络技术（北京）有限公司, 某某（新加坡）技术服务中心: a company or a
    centre named with its seat in brackets is one name, however the model cut it."""
    for m in _BRACKETED_SEAT.finditer(text):
        after = _AFTER_SEAT.match(text, m.end())
        if not after or gazetteer().seat(m.group(1)) is None:
            continue
        if owned := _BRAND_AFTER_OWNED.search(text, 0, m.start()):
            words = claim(words, owned.start(1), after.end(), "Organization")  # 全资子公司 | 某某/v 未来/TIME | （某地）…
            continue
        first = None
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w.end > m.start():
                continue
            # a verb after a brand is the name's business (雨燕 | 互动/v | （新加坡）有限公司)
            brand_verb = w.label == "v" and w.end - w.start >= 2 and k > 0 and words[k - 1].end == w.start \
                and text[w.start:w.end] not in BUILDING_VERBS \
                and not (words[k - 1].label == "Person" and AFTER_A_PERSON.match(text, w.start)) \
                and (words[k - 1].label in ("Organization", "nz", "ORG", "Person") or (  # (a brand read as a place)
                    words[k - 1].label == "Region" and gazetteer().lookup(text[words[k - 1].start:words[k - 1].end]) is None)
                     or DESCRIPTOR.search(text, words[k - 1].start, words[k - 1].end)  # (某某导航企业 | 知某/v | 医疗科技)
                     or (words[k - 1].label == "n" and k > 1 and DESCRIPTOR.search(text, words[k - 2].start, words[k - 2].end)))
            # (某某显示企业 | 芯某微/n | 显示/v | （合肥）有限公司: a brand read as a noun, after what the company is)
            if w.end == (words[first].start if first is not None else m.start()) and w.label == "v" and k > 0 \
                    and text.endswith(OWNED_COMPANY_WORDS, words[k - 1].start, w.start):
                first = k  # 全资子公司 | 某某智算/v | （合肥）科技有限公司: the brand, after what the company is
                break
            if w.end != (words[first].start if first is not None else m.start()) \
                    or (w.label in _NOT_NAME_TAGS and not brand_verb) \
                    or not re.fullmatch(r"\s*[\u4e00-\u9fffA-Za-z0-9]+", text[w.start:w.end]) \
                    or starts_no_name(text[w.start:w.end]) \
                    or m.start() - w.start > 16:
                break
            first = k
            if text.startswith(OWNING_WORDS, w.start) and m.start() - w.start > 4:
                break  # 某某集团 | 旗下某某电器/n | （某地）…: the owner's word opens the word, not the name
        if first is not None:  # (● 某某 | （某地）…: from the name, not the space the model took in)
            start = words[first].start + len(text[words[first].start:words[first].end]) \
                - len(text[words[first].start:words[first].end].lstrip())
            if text.startswith(OWNING_WORDS, start) and m.start() - start > 4:
                start += 2
            words = claim(words, start, after.end(), "Organization")
    return words


#: A brand of two to six characters right after what the company is, before its bracketed seat.
_BRAND_AFTER_OWNED = re.compile(rf"(?:{alternatives(OWNED_COMPANY_WORDS)})([\u4e00-\u9fff]{{2,6}})$")


#: What a registered name is made of before its legal form: nouns, places and names the model
#: found inside it, and the words LAC tags as adjectives when it does not know them (精密).
_REGISTERED_NAME_PARTS = frozenset({"n", "nz", "nw", "vn", "an", "a", "j", "ORG", "LOC", "Region", "Organization"})
#: Verbs that name a company's business inside its name (某某高质量发展母基金, 某某城市建设有限公司),
#: never what the sentence does with it (设立, 投资 stay out).
BUSINESS_VERBS = frozenset({"发展", "创新", "建设", "服务", "管理", "运营", "开发", "制造", "经营", "咨询", "孵化", "引导", "促进",
                            "审核", "审评", "检验", "检测", "认证", "评估", "监测", "转化", "转移", "创业"})


#: A fund's phase or number inside its name: 某某三期, 某某一号.
PHASE = re.compile(r"[一二三四五六七八九十\d]{1,3}(?:期|号)")


def _business(text: str, words: list[Word], k: int) -> bool:
    """发展 in 某某发展母基金, and 高质量 before it: a business the name states, not a verb of the
    sentence; 三期 in 某某三期创业投资合伙企业."""
    w = words[k]
    if w.label == "m":
        return bool(PHASE.fullmatch(text, w.start, w.end))
    if w.label == "v":
        return text[w.start:w.end] in BUSINESS_VERBS
    return w.label in ("ad", "d") and k + 1 < len(words) and words[k + 1].label == "v" \
        and text[words[k + 1].start:words[k + 1].end] in BUSINESS_VERBS


#: A word of owning that starts the model's word: 旗下 | 某某有限公司.
_OWNED_WORD_START = re.compile(rf"{OWNING}(?:的)?|(?:全资|控股)?子(?:公司|企业)")
#: A verb of a deal inside one word, between a company and the registered company it deals in.
_DEAL_INSIDE = re.compile(r"收购|并购|入股|增资|参股")


def registered_names(text: str, words: list[Word]) -> list[Word]:
    """东辰 | 精机株式会社, 全资子公司 | 远帆 | 空天东南亚有限责任公司: a registered legal form ends a
    name, which starts after the last word that cannot be part of one, however the model read it."""
    for form in REGISTERED_FORM.finditer(text):
        if text[form.start() - 1:form.start()] in "）)":
            continue  # a seat in brackets: bracketed_seats
        k = next((n for n, w in enumerate(words) if w.start <= form.start() < w.end), None)
        if k is not None and k >= 2 and words[k].label == "Organization" and _brand_then_business(text, words, k):
            words = claim(words, words[k - 2].start, words[k].end, "Organization")  # 某某/ORG | 合成/v | 生物科技有限公司/ORG
            continue
        if k is None or (words[k].label == "Organization" and words[k].start < form.start() and words[k].end >= form.end()):
            continue
        start = words[k].start
        owned = _OWNED_WORD_START.match(text, start, form.start())
        if owned:  # 某某集团 | 旗下某某有限公司 read as one word: the name starts after 旗下
            deal = _DEAL_INSIDE.search(text, owned.end() + 2, form.start() - 4)
            if deal:  # 全资子公司某某国际收购某某矿业股份有限公司/n: the owned company buys the other
                words = claim(claim(words, owned.end(), deal.start(), "Organization"), deal.end(), form.end(), "Organization")
            elif form.start() - owned.end() >= 2:
                words = claim(words, owned.end(), form.end(), "Organization")
            continue
        while k > 0 and words[k - 1].end == start and (words[k - 1].label in _REGISTERED_NAME_PARTS or _business(
                text, words, k - 1)) \
                and not starts_no_name(text[words[k - 1].start:words[k - 1].end]) and form.end() - words[k - 1].start <= 30 \
                and not is_foreign_country(text[words[k - 1].start:words[k - 1].end]):
            k -= 1
            start = words[k].start
        k = _place_opening_the_name(text, words, k)
        start = words[k].start
        if form.start() - start >= 2:
            words = claim(words, start, form.end(), "Organization")
    return words


#: What comes before a registered name that a list or a clause opens with, or a verb of setting one up.
_BEFORE_AN_ITEM = re.compile(r"(?:^|[、，,：:；;和与及（(—的]|设立|成立|组建|收购)\s*$")


def _a_place_perhaps_with_the_brands_first(piece: str) -> bool:
    """济南 or 济南衡 (| 昇/v | 数字经济…合伙企业): a place of the division data, perhaps with the first
    character of the brand after it read into it."""
    head = gazetteer().head(piece)
    return gazetteer().lookup(piece) is not None or (head is not None and len(piece) - len(head) == 1)


def _place_opening_the_name(text: str, words: list[Word], k: int) -> int:
    """岚州 | 长/v | 投/v | 某某制造合伙企业（有限合伙）, 济南衡 | 昇/v | 数字经济…: one or two one-character words the model read
    between the place a registered name opens with and the rest of it are the name's (its trade
    name's), when the place starts an item of a list or a clause. The index of the name's first word."""
    j = k
    while j > 0 and k - j < 2 and words[j - 1].end == words[j].start and words[j - 1].end - words[j - 1].start == 1 \
            and words[j - 1].label in ("v", "vn", "a", "d", "n") and "\u4e00" <= text[words[j - 1].start] <= "\u9fff":
        j -= 1
    if j == k and j > 0 and words[j - 1].end == words[j].start and words[j - 1].end - words[j - 1].start == 2 \
            and words[j - 1].label in ("v", "vn", "a") and (words[j].label in ("Organization", "nz", "ORG")
                                                         or text[words[j].start:words[j].end] in BUSINESS_VERBS):
        j -= 1  # 常州 | 创某/v | 泓某/ORG | 医疗器械…合伙企业: a brand the model read as a verb, before another or
        # before the business (杭州 | 拓某/v | 创业/v | 投资…)
    place = words[j - 1] if 0 < j < k else None
    if place is not None and place.label == "Region" and place.end == words[j].start \
            and _a_place_perhaps_with_the_brands_first(text[place.start:place.end]) \
            and _BEFORE_AN_ITEM.search(text, max(0, place.start - 4), place.start):
        return j - 1
    return k


#: A partnership's legal form, in brackets after its name.
_PARTNERSHIP = re.compile(r"[（(](?:特殊普通合伙|普通合伙|有限合伙)[）)]")


def partnership_forms(text: str, words: list[Word]) -> list[Word]:
    """某某会计师事务所 | （特殊普通合伙） | 湖北分所: the legal form in brackets ends the firm's name, and a
    branch named right after it is the firm's branch, one name."""
    for m in _PARTNERSHIP.finditer(text):
        firm = next((w for w in words if w.end == m.start() and w.label == "Organization"), None)
        if firm is None or any(w.label == "Organization" and w.start < m.start() and w.end >= m.end() for w in words):
            continue  # (a name with the form in it already: 某某合伙企业（有限合伙）)
        branch = next((w for w in words if w.start == m.end() and w.label == "Organization"
                       and text.endswith(BRANCH_TAILS, w.start, w.end)), None)
        words = claim(words, firm.start, branch.end if branch else m.end(), "Organization")
    return words


def _brand_then_business(text: str, words: list[Word], k: int) -> bool:
    """某某/ORG | 合成/v | 生物科技有限公司/ORG: a brand, a verb of its business and a trade with the legal form
    the model read as two companies; one, when the brand names no body of its own (no kind or form ends it)."""
    brand, verb, rest = words[k - 2], words[k - 1], words[k]
    return brand.label in ("Organization", "ORG") and brand.end == verb.start and verb.end == rest.start \
        and verb.label == "v" and verb.end - verb.start == 2 and text[verb.start:verb.end] not in BUILDING_VERBS \
        and not _LINKING_VERBS.fullmatch(text, verb.start, verb.end) \
        and 2 <= brand.end - brand.start <= 6 and not text.endswith(ORG_SUFFIXES, brand.start, brand.end)


#: Verbs that join two companies in a sentence, never a word of one's name: 某某 | 收购 | 某某有限公司 (and
#: :data:`BUILDING_VERBS`, 设立, 成立 …, checked beside them).
_LINKING_VERBS = re.compile(r"收购|投资|控股|入股|参股|并购|联合|携手|合作|签约|对接|牵手|增资|注资|领投|跟投|入驻|落户|协助|委托|支持"
                            r"|包括|包含|涵盖|覆盖|成为|作为")
