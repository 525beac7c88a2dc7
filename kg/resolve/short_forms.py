"""Whether a short name is a longer one's: an abbreviation (北交所 / 北京证券交易所), a company's core or
short name inside its full name, a body named without its place, and the cases that are not (a branch
named after its parent). A company's core name (岚视 of 北京岚视科技有限公司) is read here too."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import (
    BRANCH_TAILS,
    LEGAL_FORMS,
    LOCAL_LEVELS,
    ORG_SUFFIXES,
    PARENT_HEADS,
    PARTY,
    TRADES,
    UNIT_TAILS,
    ZONE_SUFFIXES,
)
from ..regions import gazetteer
from .titles import in_order


def without_party(name: str) -> str:
    """中共某某市委 is 某某市委: the party's name before a place's committee adds nothing
    (中共中央 keeps it: no place follows)."""
    if name.startswith(PARTY) and (head := gazetteer().head(name[len(PARTY):])) \
            and len(name) > len(PARTY) + len(head):
        return name[len(PARTY):]
    return name


@lru_cache(maxsize=8192)
def company_core(name: str) -> str | None:
    """岚视 for 北京岚视科技有限公司 and 岚视科技: the name without region, legal form, trade.

    A company registered with its seat in brackets (腾讯科技（北京）有限公司) is a legal
    entity of its own, not the group it belongs to: its core keeps the seat
    (中科汀通岚奇（北京）), so it never merges with the group's short name (腾讯).
    """
    core = name
    stripped = LEGAL_FORMS.sub("", core)
    has_form = stripped != core
    before_trade = stripped
    stripped = TRADES.sub("", stripped)
    if not has_form and stripped == before_trade:
        return None
    head = gazetteer().head(stripped)
    if head and len(stripped) - len(head) >= 2:
        stripped = stripped[len(head):].lstrip("市省")
    if len(stripped) < 2 or re.fullmatch(r"[\d\W]+", stripped):
        return None
    return stripped


def is_parent_of(short: str, long: str) -> bool:
    """中国电子学会 / 中国电子学会智能制造分会, 某某银行某某分行 / 某某银行某某分行某某支行, 某某路桥 /
    某某路桥老挝分公司 (某某路桥第二工程分公司), 某某公司 / 某某祥云分公司: the body a unit or a branch is part of, not its
    short name."""
    unit_of_a_parent = short.endswith(PARENT_HEADS + ("分行",)) and long.endswith(UNIT_TAILS + BRANCH_TAILS)
    stem = short[:-2] if short.endswith("公司") else short  # (某某公司 / 某某祥云分公司: its branch named by its short name)
    return (long.startswith(short) and (unit_of_a_parent or long.endswith(BRANCH_TAILS))) \
        or (len(stem) >= 2 and stem != short and long.startswith(stem) and long.endswith(BRANCH_TAILS))


def abbreviates(short: str, long: str) -> bool:
    """北交所 / 北京证券交易所: same first character, last character kept, in order.

    A place and a whole suffix (武汉大学) is a name of its own, not 武汉理工大学 cut short.
    """
    if short[:1] in LOCAL_LEVELS and short[1:2] == "委":  # 市委人才办 / 中共某某市委人才工作领导小组办公室
        long = _committee_of_a_level(long, short[0])
    if len(short) < 2 or short[0] != long[0] or (len(short) == 2 and short[0] in LOCAL_LEVELS):  # 省委, 市委
        return False
    suffix = next((x for x in _SUFFIXES_LONGEST_FIRST if len(x) >= 2 and short.endswith(x) and long.endswith(x)), None)
    if suffix and gazetteer().lookup(short[:-len(suffix)]):
        return False
    government = re.search(r"(?:人民政府|政府)$", short)  # 某某市人民政府 is no short name of 某某市某某区人民政府
    if government and gazetteer().lookup(short[:government.start()]):
        return False
    if short[-1] != long[-1] and not (short[-1] == "委" and long.endswith("委员会")) \
            and not (short[-1] == "办" and long.endswith("办公室")):
        return False
    return in_order(short, long)


_SUFFIXES_LONGEST_FIRST = sorted(ORG_SUFFIXES, key=len, reverse=True)


def _committee_of_a_level(long: str, level: str) -> str:
    """中共某某市委人才工作领导小组办公室 → 市委人才工作领导小组办公室: the name as 市委 starts it."""
    long = without_party(long)
    head = gazetteer().head(long)
    if head and head.endswith(level) and long[len(head):].startswith("委"):
        return long[len(head) - 1:]
    return long


def abbreviates_core(short: str, long: str) -> bool:
    """澜清环境 / 湖北澜清生态环境科技股份有限公司: an abbreviation of the company's core name (not across
    a seat in brackets: 某某风电 is no short name of 某某某某（某地）海上风电技术有限公司, a company of its own)."""
    core = company_core(long) if LEGAL_FORMS.search(long) else None
    return core is not None and core != long and len(core) > len(short) and not re.search(r"[（(]", core) and abbreviates(short, core)


def shortens(short: str, long: str) -> bool:
    """世通亨奇 / 中科汀通岚奇（北京）科技有限公司: a company's short name inside its full name.
    Not a body of another kind the company is named after: 某某大学 / 某某大学资产经营有限公司."""
    return len(short) >= 2 and short in long and bool(LEGAL_FORMS.search(long)) and not LEGAL_FORMS.search(short) \
        and not (long.startswith(short) and short.endswith(_NOT_A_COMPANY))


def trade_name_and_kind(short: str, long: str) -> bool:
    """驰澄公司 / 江苏驰澄车规验证技术有限公司, 汀澜集团 / 汀澜科技集团有限公司: the first characters of
    the company's core name, then what kind of company it is."""
    kind = "集团" if short.endswith("集团") else "公司" if short.endswith("公司") else None
    stem = short[:-2] if kind else ""
    if len(stem) < 2 or not LEGAL_FORMS.search(long) or (kind == "集团" and "集团" not in long):
        return False
    core = company_core(long)
    return core is not None and core.startswith(stem)


#: Bodies of a kind no company's short name ends with.
_NOT_A_COMPANY = ("大学", "学院", "研究院", "研究所", "医院", "协会", "学会", "委员会", "管委会", "政府", "局", "厅", "部")


def without_its_place(short: str, long: str) -> bool:
    """招商服务局 / 某市高新区招商服务局, 管委会 / 某市经济技术开发区管理委员会: a body named
    without its place, a division or a zone of one (not 中关村科技园区, whose committee
    has a namesake in 岚湖科学城)."""
    long = re.sub("管理委员会$", "管委会", long)
    if len(long) <= len(short) or not long.endswith(short):
        return False
    place = long[:-len(short)]
    return gazetteer().lookup(place) is not None or (place.endswith(ZONE_SUFFIXES) and gazetteer().head(place) is not None)
