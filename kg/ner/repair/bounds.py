"""Where a name starts and ends: names the model cut short, ran together, or ran into a post."""
from __future__ import annotations

import re

from ...lexicon import (
    AFTER_A_PERSON,
    AMOUNT,
    BRANCH_TAILS,
    DESCRIPTOR,
    GENERIC_ORG,
    GOVERNMENT_BODY,
    KINDS_IN_TWO_WORDS,
    LATIN_POST,
    LEADING_CONNECTIVES,
    NOT_ORG_WORDS,
    ORG_SUFFIXES,
    ORGAN,
    ORGAN_PARENT,
    OWNING,
    OWNING_WORDS,
    POST,
    POST_AT_END,
    REGION_PREFIX_WORDS,
    REGISTERED_END,
    REGISTERED_FORM,
    STRONG_SUFFIX_WORDS,
    UNITS_OF_A_TOWN,
    ZONE_SUFFIXES,
    alternatives,
)
from ...regions import AREA, gazetteer, is_area, is_foreign_country, joins_a_place
from ..anaphora import KINDS
from .registered import BUSINESS_VERBS, PHASE
from .words import (
    BUILDING_VERBS,
    ENTITY,
    LATIN,
    NOUNISH,
    Word,
    ends_item,
    ends_like_org,
    merge,
)

#: Words that join two bodies acting together: 市政府会同市发改委, 省科技厅联合省教育厅.
#: Verbs of a deal the model may read into one name: 某某中标工信部 (a company, then the body).
_DEALS = ("中标", "收购", "并购", "入股", "牵手")
_JOINING = re.compile(alternatives(("共同组建", "联合组建", "共建", *LEADING_CONNECTIVES, "与", "和", "及", "系", *_DEALS)))
#: What follows 联合 inside one name: 联合会, 联合体, 联合国 (not 联合 | 国家…), 联合实验室.
_JOINED_NAME_TAIL = ("会", "体", "国", "实验", "创新", "研究", "办公", "培养", "学院", "大学", "基金", "舰队")

#: A company's legal form, then words about what it owns: 某某有限公司 | 旗下子公司.
_OWNED_AFTER_NAME = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|资本|创投|控股)"
                               rf"({OWNING}|全资|控股(?=子)|的)")
#: A noun for what a company owns (旗下子公司, 全资子公司): never the tail of its name.
_OWNED_NOUN = re.compile(rf"(?:{OWNING}|全资|控股子)")


def split_joined(text: str, words: list[Word]) -> list[Word]:
    """`云梦市人民政府会同市发展和改革委员会` read as one name: two bodies and the word between;
    `某某有限公司旗下子公司`: the company, then what it owns.

    Split only where both sides are names of their own (each ends like an
    organization and has words before its suffix), so 发展和改革委员会 and
    联合实验室 stay whole.
    """
    out: list[Word] = []
    starts = {w.start: w for w in words}
    for w in words:
        if w.label not in _SPLIT_LABELS and w.end - w.start < 6:
            out.append(w)  # a short common word: nothing below splits it
            continue
        if w.label == "w" and text[w.start].isspace() and _HAN_START.match(text, w.start, w.end):  # ◎江北区 | 　江北区数据局/w
            space = len(text[w.start:w.end]) - len(text[w.start:w.end].lstrip())
            out.append(Word(w.start, w.start + space, "w"))
            w = Word(w.start + space, w.end, "n")
        if w.is_entity and text[w.end - 1].isspace() and text[w.start:w.end].strip():  # ◎象山县　| 象山县数据局
            name = text[w.start:w.end].rstrip()
            label = "Region" if w.label == "Organization" and gazetteer().lookup(name) else w.label
            out.append(Word(w.start, w.start + len(name), label))
            w = Word(w.start + len(name), w.end, "w")
        if w.label == "Person" and w.end - w.start in (3, 4) and text[w.end - 1] == "任" and (
                ((following := starts.get(w.end)) is not None and following.label == "Organization")
                or any(POST.match(text[w.end:w.end + size]) for size in range(2, 8))):
            out.append(Word(w.start, w.end - 1, "Person"))  # 许某任 | 某某有限公司首席数据官, 方某任 | 执行理事长
            w = Word(w.end - 1, w.end, "v")
        elif w.label == "Person" and w.end - w.start == 4 and text[w.end - 1] == "及":
            out.append(Word(w.start, w.end - 1, "Person"))  # 谭某某及 | 40 余家单位负责人: the name, then 及
            w = Word(w.end - 1, w.end, "c")
        copula = _IS_OF.search(text, w.start + 2, w.end) if w.label == "Organization" else None
        if copula and ((REGISTERED_FORM.search(text, copula.end(), w.end) and w.end - copula.end() >= 6)
                       or (REGISTERED_END.search(text, w.start, copula.start()) and w.end - copula.end() >= 4)):
            out += [Word(w.start, copula.start(), "Organization"), Word(copula.start(), copula.end(), "v")]
            w = Word(copula.end(), w.end, "Organization")  # 某某供应链 | 系 | 某某控股集团有限公司(旗下企业);
            # 某某有限公司 | 系 | 某某水投控股子公司
        elif w.label == "Organization" and w.end - w.start >= 4 and text[w.end - 1] == "系" \
                and (parent_name := starts.get(w.end)) is not None and parent_name.label == "Organization" \
                and REGISTERED_FORM.search(text, parent_name.start, parent_name.end):
            out.append(Word(w.start, w.end - 1, "Organization"))  # 某某供应链系/ORG | 某某集团有限公司
            w = Word(w.end - 1, w.end, "v")
        if w.label == "Organization" and w.end - w.start >= 4 and text[w.end - 1:w.end + 1] in _HANDLING_VERBS:
            out.append(Word(w.start, w.end - 1, "Organization"))  # 为某某药业办 | 结: the company, then the verb 办结
            w = Word(w.end - 1, w.end, "v")
        came = _CAME_TO_A_KIND.search(text, w.start + 3, w.end) if w.label == "Organization" and "来" in text else None
        if came and came.end() == w.end and _names_a_body(text[w.start:came.start()]):
            out += [Word(w.start, came.start(), "Organization"), Word(came.start(), came.start() + 1, "v")]
            w = Word(came.start() + 1, w.end, "n")  # 省国资委 | 来 | 集团调研: a visit to the body named by its kind
        if w.label == "Organization" and w.end - w.start >= 5 and text[w.end - 1] == "由" and ends_like_org(text[w.start:w.end - 1]):
            out.append(Word(w.start, w.end - 1, "Organization"))  # 某某产业投资基金由/ORG | 某某集团: the name, then 由
            w = Word(w.end - 1, w.end, "p")
        if w.label == "Organization" and w.end - w.start >= 4 and text.endswith("总部", w.start, w.end):
            out += _area_apart(text, Word(w.start, w.end - 2, "Organization"))  # 某某科技 | 总部位于: the body, then its seat
            w = Word(w.end - 2, w.end, "n")
        elif w.label == "Organization" and text.startswith(("总部", "区域总部"), w.end):
            *head, w = _area_apart(text, w)
            out += head
        lead = _LEADING_JOINER.match(text, w.start, w.end) if w.label == "Organization" else None
        body = text[lead.end():w.end] if lead else ""
        if lead and len(body) >= 3 and ends_like_org(body) and (body.startswith(REGION_PREFIX_WORDS) or gazetteer().head(body)):
            out.append(Word(w.start, lead.end(), "c"))  # 市数据局 | 联合市人力社保局: the joining word, then the body
            w = Word(lead.end(), w.end, w.label)
        if (w.label == "Organization" and w.end - w.start >= 5 and text.startswith("投", w.start)
                and text[w.start - 1:w.start] in "领跟参") or (
                w.label in ("Organization", "Person") and w.end - w.start >= 3
                and ((text.startswith("方", w.start) and text.endswith(_PARTY_ROLES, 0, w.start))
                     or (text.startswith("东", w.start) and text.endswith("股", 0, w.start)))):
            out += [Word(w.start, w.start + 1, "n")]  # 领 | 投某某, 运营 | 方某某公司, 股 | 东某某创投: a word's last character
            w = Word(w.start + 1, w.end, w.label)
        if w.end - w.start >= 6 and text[w.start:w.start + 2] in _SETTING_UP_TOGETHER and ends_like_org(text[w.start + 2:w.end]) \
                and w.label not in ("Person", "Region"):
            out.append(Word(w.start, w.start + 2, "v"))  # 共建某某大学某某研究院 read as one word: the verb, then the body
            w = Word(w.start + 2, w.end, "Organization")
        built = _SET_UP_INSIDE.search(text, w.start + 2, w.end - 3) if w.label == "Organization" else None
        place = built is not None and gazetteer().lookup(text[w.start:built.start()]) is not None  # 绵阳 | 共建 | 研究院
        if built and ends_like_org(text[built.end():w.end]) and (_names_a_body(text[w.start:built.start()]) or place):
            left = Word(w.start, built.start(), "Region" if place else "Organization")  # 某某区与某某大学 | 共建 | 某某研究院
            bare = _bare_suffix(text[built.end():w.end]) or GENERIC_ORG.match(text[built.end():w.end])  # (共建 | 产业学院)
            out += ((not place and _joined_parts(text, left)) or [left]) + [Word(built.start(), built.end(), "v"),
                                                           Word(built.end(), w.end, "n" if bare else "Organization")]
            continue
        form = REGISTERED_FORM.search(text, w.start, w.end) if w.label == "Organization" else None
        if form and form.end() < w.end and not text.startswith(("（", "("), form.end()):
            verb = _DEALS_AFTER_NAME.match(text, form.end(), w.end)
            if verb or (w.end - form.end() <= 3 and not ends_like_org(text[form.end():w.end])):
                # 某某有限公司 | 合作, 某某有限公司 | 合作建设 | 某某实验室: the model ran on past the name
                out += [Word(w.start, form.end(), w.label), Word(form.end(), verb.end() if verb else w.end, "v")]
                if verb and verb.end() < w.end:
                    out.append(Word(verb.end(), w.end, "n"))
                continue
        if w.label in ("Organization", "Region") and 4 <= w.end - w.start <= 6 and (pair := _two_places(text[w.start:w.end])):
            out += [Word(w.start, w.start + pair, "Region"), Word(w.start + pair, w.end, "Region")]  # 绵阳 | 德阳
            continue
        if w.label == "Organization" and w.end - w.start >= 5 and out and out[-1].end == w.start \
                and text[out[-1].start:w.start + 1] in ("选举", "推举"):
            out[-1] = Word(out[-1].start, w.start + 1, "v")  # 选 | 举某某集团: the verb, then the body
            w = Word(w.start + 1, w.end, w.label)
        if w.label == "Organization" and w.end - w.start >= 4 and out and text[w.start] == "任" \
                and (out[-1].label == "Person" or text.endswith("同志", 0, w.start)):
            out.append(Word(w.start, w.start + 1, "v"))  # 张三同志 | 任 | 某某公司总经理: the verb, then the body
            w = Word(w.start + 1, w.end, w.label)
        if w.label == "Organization" and w.end - w.start >= 4:
            owning = _OWNING_INSIDE.search(text, w.start + 2, w.end)
            if owning and (owning.group().startswith(OWNING_WORDS) or text.startswith("子", owning.end())) \
                    and not REGISTERED_END.search(text, owning.end(), w.end) and not _owns_a_named_unit(text, w, owning):
                # 某某交投所属 | 某某公司, 某某稀金全资 | 子公司, 某某所属三级子 | 企业: the owner, then words of owning
                out += [Word(w.start, owning.start(), w.label), Word(owning.start(), w.end, "n")]
                continue
            if owning and owning.group() in OWNING_WORDS and ends_like_org(text[w.start:owning.start()]) \
                    and ((w.end - owning.end() >= 8 and REGISTERED_END.search(text, owning.end(), w.end))
                         or _owns_a_named_unit(text, w, owning)):
                # 某某管理委员会旗下 | 某某产业投资有限公司: the owner, the word, the company it owns
                owned_at = _past_unit_kind(text, owning.end(), w.end)
                out += [Word(w.start, owning.start(), w.label), Word(owning.start(), owned_at, "f"),
                        Word(owned_at, w.end, w.label)]
                continue
            belongs = _BELONGS_TO.search(text, w.start + 2, w.end - 2)
            unit = text[w.start:belongs.start()] if belongs else ""
            if belongs and (ends_like_org(unit) or unit.endswith(_UNIT_ENDS)) and ends_like_org(text[belongs.end():w.end]):
                # 某某处隶属县某某中心: a unit, the verb, the body it belongs to (联络处 alone: a kind, named before)
                out += [Word(w.start, belongs.start(), w.label if len(unit) > 3 else "n"),
                        Word(belongs.start(), belongs.end(), "v"),
                        Word(belongs.end(), w.end, w.label)]
                continue
            if text[w.end - 1] in _PREPOSITIONS and ends_like_org(text[w.start:w.end - 1]):
                out += [Word(w.start, w.end - 1, w.label), Word(w.end - 1, w.end, "p")]  # 市国资委以 | …为基础
                continue
        if w.label == "Organization" and w.end - w.start >= 5 and text.endswith("控股", w.start, w.end) \
                and (text.startswith(("子公司", "子企业"), w.end)
                     or (text.startswith("的", w.end) and getattr(starts.get(w.end + 1), "label", "") == "Organization")):
            out += [Word(w.start, w.end - 2, w.label), Word(w.end - 2, w.end, "n")]  # 某某鞋业 | 控股子公司, 某某社 | 控股的 | 某某公司
            continue
        trailing = _TRAILING_JOINER.search(text, w.start, w.end) if w.label == "Organization" else None
        before_joiner = text[w.start:trailing.start()] if trailing else ""
        # 某某装备联合 | 某某大学, 某某市联合 | 某某大学: a connective before a name ends no name
        following = starts.get(w.end)
        before_a_name = trailing and len(before_joiner) >= 3 and following is not None and following.label == "Organization" \
            and (trailing.group().strip() in LEADING_CONNECTIVES  # (某某新能源与 | 某某集团: a brand and its trade, 与)
                 or (trailing.group().strip() in ("与", "和", "及") and before_joiner.endswith(_FIRM_TRADES)))
        if trailing and (_names_a_body(before_joiner) or LATIN.fullmatch(before_joiner) or before_a_name):
            # 国家互联网信息办公室联合 | 国家发展改革委; 某创投有限公司领投
            label = "Region" if before_a_name and gazetteer().lookup(before_joiner) else w.label
            out += [Word(w.start, trailing.start(), label), Word(trailing.start(), w.end, "c")]
            continue
        if w.label == "Organization" and w.end - w.start >= 7:
            owned = _OWNED_AFTER_NAME.search(text, w.start, w.end)
            if owned and w.end - owned.start(1) >= 2:  # 某某有限公司 | 旗下 | 子公司
                company = Word(w.start, owned.start(1), w.label)
                out.extend(_joined_parts(text, company) or [company])
                out.append(Word(owned.start(1), owned.end(1), "f"))
                if owned.end(1) < w.end:
                    out.append(Word(owned.end(1), w.end, "n"))
                continue
            owner = _OWNER_OF_NAMED.search(text, w.start + 2, w.end)
            if owner and w.end - owner.end() >= 4 and REGISTERED_END.search(text, owner.end(), w.end):
                # 某某交投 | 控股子公司 | 某某科技股份有限公司: the owner, the word, the company owned
                owned_at = _past_unit_kind(text, owner.end(), w.end)
                out += [Word(w.start, owner.start(), w.label), Word(owner.start(), owned_at, "n"),
                        Word(owned_at, w.end, w.label)]
                continue
            w_parts = _joined_parts(text, w)
            if w_parts:
                out.extend(w_parts)
                continue
        out.append(w)
    return out


#: The labels :func:`split_joined` looks into (any word of six characters or more too: 共建某某大学某某研究院/n).
_SPLIT_LABELS = frozenset((*ENTITY, "w"))
#: A unit belonging to a body, read as one name with it: 某某处 | 隶属 | 某某中心.
_BELONGS_TO = re.compile(r"隶属于?|归属于?")
#: What kind of unit a body owns, between the word of owning and the unit's name: 下属 | 企业 | 某某有限公司.
_UNIT_KIND = re.compile(r"的?(?:企业|单位|公司|机构|平台)")


def _past_unit_kind(text: str, at: int, end: int) -> int:
    """Where an owned unit's name starts after its owner's word of owning at ``at``: past what kind
    of unit it is (某某社下属企业 | 某某有限公司), which is no part of the name."""
    kind = _UNIT_KIND.match(text, at, end - 6)
    return kind.end() if kind else at
def _owns_a_named_unit(text: str, w: Word, owning: re.Match) -> bool:
    """某某科学院下属 | 某某资源研究所: a body, its word of owning, then a unit named in full (not
    下属企业, 所属单位: what kind of unit, unnamed)."""
    unit = text[_past_unit_kind(text, owning.end(), w.end):w.end]
    return owning.group() in OWNING_WORDS and ends_like_org(text[w.start:owning.start()]) and len(unit) >= 5 \
        and ends_like_org(unit) and not _bare_suffix(unit) and not GENERIC_ORG.match(unit)


#: White space, then a Chinese word, read as one punctuation mark.
_HAN_START = re.compile(r"\s+[\u4e00-\u9fff]")
#: 来 and a body's kind standing for the body named before (省国资委来集团调研).
_CAME_TO_A_KIND = re.compile(r"来(?:集团|公司|学院|院|校|局|所|中心|园区|企业)")
#: A joining word the model read as the start of the name after it: 联合 | 市人力社保局.
_LEADING_JOINER = re.compile(alternatives(LEADING_CONNECTIVES))
#: Words of owning inside what the model read as one name, with what may follow them: 所属三级子.
_OWNING_INSIDE = re.compile(rf"{OWNING}(?:[一二三四]级)?(?:全资|控股)?子?|(?:全资|控股)(?=子|$)")
#: Prepositions a name never ends with, which the model may read into one: 市国资委以 | 某某为基础.
_PREPOSITIONS = frozenset("以在于向对从把将被给")
#: Inside one "name": words by which the body before owns the registered company after.
_OWNER_OF_NAMED = re.compile(rf"{OWNING}?(?:的)?(?:[一二三四]级)?(?:全资|控股)?(?:子公司|子企业)|{OWNING}")
#: A joining word the model took as the end of a name.
_TRAILING_JOINER = re.compile(
    rf"\s*(?:{alternatives((*LEADING_CONNECTIVES, '领投', '跟投', '参投', '参与', '签署', '签约', '宣布', '共建', '与', '和', '及', '系'))})$")


#: The last characters of a unit's name: 能源节约和科技装备司 is one department, not two brands.
_UNIT_ENDS = ("司", "处", "科", "室", "部", "局", "院", "所", "中心", "组")
#: The end of a company's or its branch's full name.
_COMPANY_ENDS = ("分公司", "有限公司", "集团")
#: Bodies acting together, after the last of them: 共同实施, 共建.
_TOGETHER = re.compile(r"共同|一起|共建|合作")
#: An adverb between a body and the joining word: 省发展改革委正会同….
_ADVERB_BEFORE_JOINING = ("正", "已", "将", "也", "还", "并", "再", "均", "拟")


#: What a company does with another, read into its name: 某某有限公司合作建设….
_DEALS_AFTER_NAME = re.compile(r"(?:合作|共同|联合|携手)?(?:建设|共建|组建|签署|签约|合作|开展)")


def _two_places(name: str) -> int | None:
    """Where a word of two places named side by side splits (万州达州, 绵阳德阳), if it is one."""
    g = gazetteer()
    for cut in (2, 3):
        if len(name) - cut >= 2 and g.lookup(name[:cut]) and g.lookup(name[cut:]) and g.lookup(name) is None:
            return cut
    return None


def _joined_parts(text: str, w: Word) -> list[Word] | None:
    name = text[w.start:w.end]
    for m in _JOINING.finditer(name, 3):
        left, right = name[:m.start()], name[m.end():]
        if len(m.group()) == 1 and joins_a_place(left, m.group(), right, BRANCH_TAILS):
            continue  # 某某银行泰 | 和 | 支行: the 和 of a place's name (泰和), no joining word
        if left.endswith(_ADVERB_BEFORE_JOINING) and _names_a_body(left[:-1]) and len(m.group()) == 2:
            at = w.start + m.start() - 1
            return [Word(w.start, at, "Organization"), Word(at, w.start + m.end(), "c"),
                    Word(w.start + m.end(), w.end, "Organization")]
        # 某某中标工信部…: a verb between a company and a body it deals with
        dealt_with = m.group() in _DEALS and len(left) >= 2 and _names_a_body(right)
        both_bodies = len(right) >= 3 and _names_a_body(left) and _names_a_body(right) \
            and not (right.startswith(_JOINED_NAME_TAIL) and not right.startswith("国家")) and not _bare_suffix(right)
        # 华为云与科大讯飞, 某某陶瓷联合某某卫浴: a name with 与 inside ends in its suffix (区块链与边缘计算研究院)
        two_brands = ((m.group() in ("与", "和", "及") and len(right) >= 2)
                      or (m.group() in LEADING_CONNECTIVES and len(left) >= 4 and len(right) >= 4)) \
            and not _names_a_body(left) and not _names_a_body(right) and not right.endswith(_UNIT_ENDS)
        # 某某科技联合某某大学: a company's short name (its brand and trade), a connective, a body
        brand_with_body = m.group() in LEADING_CONNECTIVES and len(left) >= 4 and left.endswith(_FIRM_TRADES) \
            and _names_a_body(right) and len(right) >= 3
        # 某某资本系某某集团有限公司: 系 (is) between two names (not 系统, 系列)
        is_of = m.group() == "系" and _names_a_body(left) and _names_a_body(right) and len(right) >= 4 \
            and right[0] not in "统列数"
        # 某某市联合某某大学: a place acting with a body
        place_with_body = m.group() in LEADING_CONNECTIVES and gazetteer().lookup(left) is not None \
            and _names_a_body(right) and len(right) >= 3 and not right.startswith(_JOINED_NAME_TAIL)
        # 某某码头联合某某电信芜湖分公司…共同实施: a short name, 联合, a company's full name, acting together
        short_with_company = m.group() == "联合" and len(left) >= 4 and len(right) >= 8 and right.endswith(_COMPANY_ENDS) \
            and _TOGETHER.search(text, w.end, w.end + 30) is not None
        # 某市农业农村局联合 | 协会: a government body, the connective, then a body named by its kind alone
        body_with_a_kind = m.group() in LEADING_CONNECTIVES and len(left) >= 4 and GOVERNMENT_BODY.search(left) is not None \
            and _bare_suffix(right) and not right.startswith(_JOINED_NAME_TAIL)
        if both_bodies or two_brands or dealt_with or brand_with_body or place_with_body or is_of or short_with_company \
                or body_with_a_kind:
            at, after = w.start + m.start(), w.start + m.end()
            return [Word(w.start, at, "Region" if place_with_body else "Organization"), Word(at, after, "c"),
                    Word(after, w.end, "n" if body_with_a_kind else "Organization")]
    return None


def _names_a_body(name: str) -> bool:
    return ends_like_org(name) or bool(GOVERNMENT_BODY.search(name))


def _bare_suffix(name: str) -> bool:
    """研究院, 有限公司: a suffix with nothing before it names nothing."""
    return any(name.endswith(suffix) and len(name) - len(suffix) < 2 for suffix in ORG_SUFFIXES)


def posts_inside_names(text: str, words: list[Word]) -> list[Word]:
    """`猇亭区委书记`, `宜昌市委常委` read as one name: the body, then the post; `中国工程院院士龙 |
    启航 | 介绍`: the body, the post and a person whose name the model split."""
    out: list[Word] = []
    skip = False
    for k, w in enumerate(words):
        if skip:
            skip = False
            continue
        taken = _POST_TAKEN_INSIDE.search(text, w.start, w.end) if w.label in ("Organization", "n") else None
        if taken and ((w.label == "n" and taken.start() == w.start) or (
                w.label == "Organization" and taken.start() - w.start >= 3 and ends_like_org(text[w.start:taken.start()]))):
            out += [Word(w.start, taken.start(), "Organization")] if taken.start() > w.start else []
            out += [Word(taken.start(1), taken.end(1), "n"), Word(taken.start(2), taken.end(2), "Person"),
                    Word(taken.end(2), taken.end(), "v"), Word(taken.end(), w.end, "n")]  # 某某院院士张三任实验室 | 主任
            continue
        if w.label in ("Organization", "Region"):
            post = POST_AT_END.search(text, w.start, w.end)
            rest = words[k + 1] if k + 1 < len(words) else None
            if post is None and rest is not None and _PERSONS_REST.fullmatch(text, rest.start, rest.end) \
                    and rest.start == w.end and not rest.is_entity and AFTER_A_PERSON.match(text, rest.end):
                post = POST_AT_END.search(text, w.start, w.end - 1)  # the person's surname is the last character
                if post and ends_like_org(text[w.start:post.start()]) and post.start() - w.start >= 3:
                    out += [Word(w.start, post.start(), "Organization"), Word(post.start(), w.end - 1, "n"),
                            Word(w.end - 1, rest.end, "Person")]
                    skip = True
                    continue
                post = None
            if post and post.start() - w.start >= 3:
                body = text[w.start:post.start()]
                label = "Organization" if GOVERNMENT_BODY.search(body) or ends_like_org(body) else w.label
                out += [Word(w.start, post.start(), label), Word(post.start(), w.end, "n")]
                continue
        prefix = _POST_PREFIX_AT_END.search(text, w.start, w.end) if w.label == "Organization" else None
        if prefix and LATIN_POST.match(text, w.end) and ends_like_org(text[w.start:prefix.start()]):
            out += [Word(w.start, prefix.start(), "Organization"), Word(prefix.start(), w.end, "n")]  # 某某协会创会 | 会长
            continue
        out.append(w)
    return out


#: The first word of a post read into the name before it: 某某协会创会 | 会长, 某某学会名誉 | 理事长.
_POST_PREFIX_AT_END = re.compile(r"(?:创会|名誉|常务|执行)$")


#: An area at the end of a company's name, before the seat it has there: 某某软件华中 | 总部.
_AREA_AT_END = re.compile(rf"(?:{AREA.pattern})$")


def _area_apart(text: str, w: Word) -> list[Word]:
    """某某软件华中 (before 总部): the company, then the area its regional seat serves; 华中 alone: the area."""
    if is_area(text[w.start:w.end]):
        return [Word(w.start, w.end, "Region")]
    area = _AREA_AT_END.search(text, w.start + 2, w.end)
    if area is None or area.start() - w.start < 2:
        return [w]
    return [Word(w.start, area.start(), "Organization"), Word(area.start(), w.end, "Region")]


#: Inside one "name": a post, a person and the verb by which the person takes another post.
_POST_TAKEN_INSIDE = re.compile(rf"({POST_AT_END.pattern.rstrip('$')})([\u4e00-\u9fff]{{2,3}}?)(?:兼任|担任|任)(?=[\u4e00-\u9fff]{{2,}})")
#: The given name of a person the model split after the surname, and what follows a person.
_PERSONS_REST = re.compile(r"[\u4e00-\u9fff]{1,2}")


#: A company's boards: whatever name is before them (某某储能 | 董事会) is a company's.
_BOARDS = ("董事会", "监事会", "董事局")
#: A post in the party organ of a body: 某某委党委 | 委员, 某某局党组 | 成员 (of any body, a bureau too).
_PARTY_POST_AFTER = re.compile(r"(?:副)?书记|委员|成员|常委")


def organs_inside_names(text: str, words: list[Word]) -> list[Word]:
    """`某某股份有限公司监事会`, `某某集团财务部`, `某某委党委` (before 委员) read as one name: the body, then its organ
    (a word, not a body of its own); an organ read alone as a name is a word too."""
    out: list[Word] = []
    for w in words:
        organ = ORGAN.search(text, w.start, w.end) if w.label == "Organization" else None
        if organ is None:
            out.append(w)
        elif organ.start() == w.start:
            out.append(Word(w.start, w.end, "n"))
        elif text[w.start:organ.start()] in KINDS:  # 基金 | 投资决策委员会: the fund named before (kg.ner.anaphora), its organ
            out += [Word(w.start, organ.start(), "n"), Word(organ.start(), w.end, "n")]
        elif organ.start() - w.start >= 3 and (ORGAN_PARENT.search(text, w.start, organ.start())
                                               or text[organ.start():w.end] in _BOARDS
                                               or (_PARTY_POST_AFTER.match(text, w.end)
                                               and text[organ.start():w.end] in ("党委", "党组"))
                                               or (organ.start() - w.start >= 4 and LATIN_POST.match(text, w.end)
                                                   and text.endswith(("部", "董事会", "监事会"), organ.start(), w.end))):
            # (某某航运 | 人力资源部经理: a short name, its department, then a post in it; not 某某街道党工委 or
            # 某某领导小组办公室, bodies of their own)
            out += [Word(w.start, organ.start(), w.label), Word(organ.start(), w.end, "n")]
        else:
            out.append(w)
    return out


#: Verbs of setting up a body together, which the model may read into its name (共建某某研究院).
_SETTING_UP_TOGETHER = ("共建", "组建", "筹建", "联建")
_SET_UP_INSIDE = re.compile("|".join(_SETTING_UP_TOGETHER))


_MINISTRY = re.compile(r"(?:部|省|厅|署|局|委员会|政府|议会)$")


#: Words that end a governing body's name and never a place's.
_GOVERNING_BODY = re.compile(r"(?:委员会|管委会|人民政府|政府|办公室|局)$")
#: Words that end a firm's name and never a place's.
_FIRM_WORDS = tuple(STRONG_SUFFIX_WORDS - {"科技"})
#: The last word of a company's short name, its trade: 某某科技, 某某能源.
_FIRM_TRADES = (*STRONG_SUFFIX_WORDS, "能源", "智能", "软件", "电子", "生物", "医药", "材料")


#: What only a body's name ends with, never a place's: 某某县某某镇某某专业合作社 read as a place.
_BODY_ENDS = ("合作社", "有限公司", "协会", "研究院", "研究所", "医院", "银行", "应用中心", "研究中心", "创新中心",
              "监测中心", *UNITS_OF_A_TOWN)
#: What a party to a project is, before 方 (投资方, 运营方 | 某某公司).
_PARTY_ROLES = ("投资", "出资", "运营", "建设", "承建", "管理", "承办", "主办")


def suffixes_cut_in_two(text: str, words: list[Word]) -> list[Word]:
    """某某资/ORG | 本旗/n | 下: a name's suffix word the model cut in two; its last character joins the name."""
    out = list(words)
    for k in range(len(out) - 1):
        w, nxt = out[k], out[k + 1]
        if w.label == "Organization" and w.end - w.start >= 3 and nxt.start == w.end and nxt.end - nxt.start >= 2 \
                and not nxt.is_entity and text[w.end - 1:w.end + 1] in STRONG_SUFFIX_WORDS \
                and not text.endswith(tuple(STRONG_SUFFIX_WORDS), w.start, w.end):
            out[k], out[k + 1] = Word(w.start, w.end + 1, w.label), Word(w.end + 1, nxt.end, nxt.label)
    return out


def extend_suffixes(text: str, words: list[Word]) -> list[Word]:
    out = list(words)
    i = 0
    while i < len(out):
        w = out[i]
        # one character read as a name before a name (任 | 某某有限公司: the verb) starts none
        if w.label == "Region" and w.end - w.start >= 4 and (text[w.start:w.end].endswith(_FIRM_WORDS + _BODY_ENDS)
                                                            or _GOVERNING_BODY.search(text, w.start, w.end)):
            out[i] = w = Word(w.start, w.end, "Organization")  # 深圳某某创投, 某某合作区执行委员会 read as a place
        elif w.label == "Organization" and w.end - w.start >= 4 and text[w.start:w.end].endswith(ZONE_SUFFIXES):
            out[i] = w = Word(w.start, w.end, "Region")  # 某某大学城, 某某科学城 read as a body
        elif w.label == "Person" and w.end - w.start >= 4 and text[w.start:w.end].endswith(_FIRM_TRADES + ("航空",)):
            out[i] = w = Word(w.start, w.end, "Organization")  # 某某航空, 某某科技 read as a person
        if w.is_entity and text[w.start:w.end] in OWNING_WORDS:
            out[i] = w = Word(w.start, w.end, "n")  # 组建 | 下属/ORG | 某某研究所: the owner's word, no name
        if (w.label in ENTITY or w.label in ("nz", "ORG")) and not _a_partnership(text, w) \
                and not (w.end - w.start == 1 and i + 1 < len(out) and out[i + 1].is_entity):
            end = _suffix_end(text, out, i)
            # 日本 | 某某株式会社: a company's country is not its name's; a ministry's is (某国产业部)
            if end is not None and is_foreign_country(text[w.start:w.end]) \
                    and not _MINISTRY.search(text, out[end].start, out[end].end):
                end = None
            if end is not None:
                out = merge(out, i, end, "Organization")
                if not REGISTERED_END.search(text, out[i].start, out[i].end):
                    continue  # 中共某某市委 | 人才工作领导小组办公室: the merged name may run on
        i += 1
    return [Word(w.start, w.end, "Organization") if w.label == "ORG" else w for w in out]


def _a_partnership(text: str, w: Word) -> bool:
    """A partnership's name ends in its legal form, after which no unit is named: 某某投资中心（有限合伙） | 投资总监
    (a company's may go on: 某某有限公司 | 某某分公司)."""
    return text.endswith(("（有限合伙）", "(有限合伙)"), w.start, w.end)


#: Verbs that start with 办, whose first character the model may read into the name before: 办结, 办理.
_HANDLING_VERBS = ("办结", "办理", "办妥", "办好", "办成")
#: A post and who fills it, read as one word: 总经理由 | 集团….
_POST_THEN_BY = re.compile(rf"(?:{LATIN_POST.pattern})由")
#: Prepositions and verbs before a place where something is done: 在, 于, 赴, 来, 到.
_WHERE_DONE = ("在", "于", "赴", "来", "到")
#: Kinds of investing before 投资, which then is the deal, not a firm's name: 战略 | 投资.
_KINDS_OF_INVESTING = ("战略", "天使", "股权", "风险", "早期", "轮")
#: A place's government named by its level: a body of its own, never the tail of another's name.
_A_GOVERNMENT = re.compile(r"[省市区县](?:人民)?政府")


_ORDINAL_OR_COUNT = re.compile(r"首|[一二三四五六七八九十两多数几]+[批家个只支项]")


def _suffix_end(text: str, words: list[Word], i: int) -> int | None:
    """The last word of an organization name that starts at word i, if its tail is missing."""
    best = None
    j = i + 1
    length = words[i].end - words[i].start
    while j < len(words) and j <= i + 4:
        w = words[j]
        piece = text[w.start:w.end]
        if w.start != words[j - 1].end:
            break
        if piece in "（(" and j + 2 < len(words):
            # a bracketed region inside a company name: 中科汀通岚奇（北京）科技有限公司
            close = words[j + 2]
            if text[words[j + 1].start:words[j + 1].end] and text[close.start:close.end] in "）)":
                j += 3
                continue
            break
        if w.label == "Person" or NOT_ORG_WORDS.search(piece) or _OWNED_NOUN.match(piece) or _A_GOVERNMENT.fullmatch(piece) \
                or _POST_TAKEN_INSIDE.match(piece) \
                or piece in ("同志", "合资") or piece in BUILDING_VERBS or (piece == "控股" and text.startswith(("子公司", "子企业", "的"), w.end)) \
                or _POST_THEN_BY.search(piece) or (text.startswith("奖", w.end) and not text.startswith("奖励", w.end)):
            break  # (某某市委 | 市政府: two bodies; 张三 | 同志 | 任…: a person; 某某 | 控股子公司, 控股的; 某某 | 合资公司; 某市青年科技 | 奖)
        if w.label == "m" and _ORDINAL_OR_COUNT.match(piece):
            break  # 某某基金 | 首批子基金, 某市 | 首家示范网点: which or how many, no name
        if w.label == "m" and PHASE.fullmatch(piece) and text[:w.start].endswith("基金"):
            best = j  # 某某产业投资基金 | 二期: the fund's phase is its name's
            break
        if ORGAN.fullmatch(piece) and ORGAN_PARENT.search(text, words[i].start, words[j - 1].end):
            break  # 某某有限公司 | 财务部: the company's organ, not the end of its name
        if piece == "投资" and (text.endswith(_KINDS_OF_INVESTING, 0, w.start) or AMOUNT.match(text, w.end)
                               or (j == i + 1 and text.endswith(_WHERE_DONE, 0, words[i].start)
                                   and gazetteer().lookup(text[words[i].start:words[i].end]))):
            break  # 某某基金 | 战略投资, 某某液压 | 投资 2 亿元: the deal, not the firm's name; 来某地 | 投资: investing there
        strong = (piece in STRONG_SUFFIX_WORDS and (piece != "投资" or ends_item(text, w.end))) \
            or (piece == "站" and text.endswith("中心", 0, w.start))  # 某某监测中心 | 站: a centre's station
        # an unknown name's tail LAC tagged an adjective: 江苏 | 先进材料技术研究院/a
        odd_tail = w.label == "a" and len(piece) >= 4 and ends_like_org(piece)
        # a verb read into a name just before its kind: 某某 | 创新/v | 工作室
        # (not after a place where something is done: 在某地 | 建设/v | 某某中心)
        verb_before_kind = w.label == "v" and piece in BUSINESS_VERBS and j + 1 < len(words) and words[j + 1].start == w.end \
            and not (words[i].label == "Region" and text.endswith(_WHERE_DONE, 0, words[i].start)) \
            and text[words[j + 1].start:words[j + 1].end] not in STRONG_SUFFIX_WORDS - {"基金"} \
            and (ends_like_org(text[words[j + 1].start:words[j + 1].end]) or (  # (某某局 | 审核/v | 查验/vn | 中心)
                words[j + 1].label == "vn" and j + 2 < len(words) and words[j + 2].start == words[j + 1].end
                and ends_like_org(text[words[j + 2].start:words[j + 2].end])))
        if w.label not in NOUNISH and not w.is_entity and not strong and not odd_tail and not verb_before_kind:
            break
        length += w.end - w.start
        if length > 24:
            break
        if strong or odd_tail or (ends_like_org(piece) and (len(piece) >= 2 or w.label in ("n", "ORG"))) \
                or text.endswith(KINDS_IN_TWO_WORDS, words[i].start, w.end):
            best = j
        j += 1
    if best is not None and best + 1 < len(words) and words[best + 1].start == words[best].end:
        after = text[words[best + 1].start:words[best + 1].end]
        if DESCRIPTOR.fullmatch(after) and not ends_like_org(after):
            return None  # 北欧投资 | 机构: a kind of body described (the Nordic investor …), no name
    return best


def prepositions_read_into_names(text: str, words: list[Word]) -> list[Word]:
    """某某担保由 | 市财政局…出资组建, 某某航空与 | 某某科技（襄阳）有限公司: 由 (or 与, 和, 及) ends no name; the word
    before the next name is cut off."""
    if "由" not in text and "与" not in text and "和" not in text and "及" not in text:
        return words
    out: list[Word] = []
    for k, w in enumerate(words):
        if w.label == "Organization" and w.end - w.start >= 4 and text[w.end - 1] in "由与和及" \
                and k + 1 < len(words) and words[k + 1].is_entity and words[k + 1].start == w.end:
            out += [Word(w.start, w.end - 1, w.label), Word(w.end - 1, w.end, "p" if text[w.end - 1] == "由" else "c")]
            continue
        out.append(w)
    return out


#: 系 as "is" between a short name and the full name of its owner (not 系统, 系列, a university's 系).
_IS_OF = re.compile(r"系(?![统列数])")
