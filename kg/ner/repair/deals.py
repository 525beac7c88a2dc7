"""Names read from a deal's sentence: investors before 领投 / 跟投 and listed after 投资方为,
the company funded (某某完成 B 轮融资), and both sides of an agreement (A 与 B 签署…协议)."""
from __future__ import annotations

import re

from ...lexicon import AGREEMENT, DESCRIPTOR, FUNDED, GENERIC_INVESTORS, INVESTOR_ROLE, INVESTORS_NAMED, OWNED_PLATFORM, OWNING, ROUND_AT_END
from ...regions import joins_a_place
from .words import LATIN, Word, claim, ends_like_org, merge

_CLAUSE_START = re.compile(r"[，。；：:！？]|本轮(?:融资|投资)?由|由")
_ADVERBS = re.compile(r"(?:等[^、，]{0,8}?(?:股东|资方|机构|投资方|投资人)|作为[^、，]{0,6}?(?:方|人)"
                      r"|等|联合|共同|持续|继续|也|还|并|又|均|曾|已|再次|此前|参与|进行|超额|追加"
                      r"|优先|将(?:对[^、，]{1,8}?)?|拟|表示|称|近日|日前|近期|目前|当天|当日|同日|次日|随后|同期|同步|今年|本月|上月|本周|上周|今日)+$")


_UNNAMED_FUND = re.compile(rf"(?:{OWNING}|管理)的?(?:基金|子基金|投资平台|产业基金)$")


def investors(text: str, words: list[Word]) -> list[Word]:
    """Names before 领投 / 跟投 are investors: `由某某资本领投，某某创投、某某基金参与跟投`; a
    shareholder's name read into the word 股东 (老 | 股东某某天使基金) is one too."""
    words = _listed_investors(text, words)
    for w in words if "股东" in text else ():
        if w.label == "n" and (holder := _HOLDER_NAMED.fullmatch(text, w.start, w.end)):
            words = claim(words, holder.start(1), holder.end(1), "Organization")
    role_end = 0  # `A领投、B跟投`: B's clause starts after A's role
    for m in INVESTOR_ROLE.finditer(text):
        head = text[:m.start()]
        starts = [b.end() for b in _CLAUSE_START.finditer(head)]
        clause_start = max(starts[-1] if starts else 0, role_end)
        role_end = m.end()
        funded = next((w for w in words if w.label == "Organization" and w.start < m.start() and w.end > m.end() + 3), None)
        if funded is not None and ends_like_org(text[m.end():funded.end]):  # 某某基金领投某某科技有限公司/ORG: the company funded too
            words = claim(words, m.end(), funded.end, "Organization")
        pos = clause_start
        for piece in _items_of_a_list(head[clause_start:]):
            start, pos = pos, pos + len(piece)
            if piece in ("、", "和", "及", "以及", "与"):
                continue
            name = _ADVERBS.sub("", _AFTER_OWNER.sub("", piece))  # 某某集团旗下的 | 某某资本; 某某科技获得 | 某某基金
            name = re.sub(r"^(?:老股东|新股东|股东|投资方|其他机构|机构)", "", name)
            name = _UNNAMED_FUND.sub("", name)  # 某某资本旗下基金: the fund is not named, its owner is
            name = ROUND_AT_END.sub("", name)  # 某某智能 A 轮 | 领投方: the company funded and its round
            if name.strip() and 2 <= len(name.strip()) <= 16 and not GENERIC_INVESTORS.match(name.strip()) \
                    and not _NO_INVESTORS_NAME.search(name):  # (某某的经验是其领投的原因: a clause, no name)
                name_start = start + piece.find(name)
                words = claim(words, name_start + len(name) - len(name.lstrip()),
                               name_start + len(name.rstrip()), "Organization")
    return words




#: A particle, a copula or a pronoun: a clause before 领投, not an investor's name.
_NO_INVESTORS_NAME = re.compile(r"[的是其]")
#: 股东某某天使基金: the word for a shareholder with a fund's or an investing firm's name after it.
_HOLDER_NAMED = re.compile(r"股东([\u4e00-\u9fff]{2,10}(?:基金|资本|创投))")


def _items_of_a_list(text: str) -> list[str]:
    """The items of a list and the words between them (、, 和, 及, 以及, 与), a place's 和 kept in its item (泰和县)."""
    parts = re.split(r"(、|和|以及|及|(?<!参)与)", text)  # (not 参与: 某某资本参与跟投)
    out: list[str] = []
    k = 0
    while k < len(parts):
        if parts[k] in ("和", "及") and out and k + 1 < len(parts) and joins_a_place(out[-1], parts[k], parts[k + 1]):
            out[-1] += parts[k] + parts[k + 1]
            k += 2
            continue
        if parts[k] == "和" and k + 1 < len(parts) and (not out or out[-1] in ("", "、")) and parts[k + 1][:1].strip():
            out.append(parts[k] + parts[k + 1])  # 、和某投资: a name that starts with 和 opens its item
            k += 2
            continue
        out.append(parts[k])
        k += 1
    return out


#: What stands before an investor's own name in its list item: its owner (某某集团旗下的), the
#: company it funds and the verb (某某科技近日获得), or where it is (总部位于北京的).
_AFTER_OWNER = re.compile(rf"^.*?(?:{OWNING}的?|获得)(?:{OWNED_PLATFORM}(?=[\u4e00-\u9fff]{{4}}))?"
                          r"|^(?:总部)?(?:位于|设在|来自)[\u4e00-\u9fff]{1,12}?的")


def _listed_investors(text: str, words: list[Word]) -> list[Word]:
    """`投资方为A和B`: the names listed to the clause's end are investors."""
    listed = INVESTORS_NAMED.search(text)
    if listed is None:
        return words
    clause = re.split(r"[，。；]", text[listed.end():], maxsplit=1)[0]
    pos = listed.end()
    for piece in re.split(r"(、|和|及|以及)", clause):
        start, pos = pos, pos + len(piece)
        name = _AFTER_OWNER.sub("", piece).strip()
        if piece not in ("、", "和", "及", "以及") and 2 <= len(name) <= 16 and not GENERIC_INVESTORS.match(name) \
                and not re.search(r"等|[\d%％]", name):
            at = start + piece.find(name)
            words = claim(words, at, at + len(name), "Organization")
    return words


#: Words of announcing between a company and its funding: 某某公告完成…融资.
_REPORTING = frozenset({"公告", "宣布", "官宣", "披露", "透露", "表示"})


def funded(text: str, words: list[Word]) -> list[Word]:
    """`地平线完成 C2 轮融资`, `Keep 完成 F 轮融资`: who is funded is an organization."""
    if "融资" not in text:
        return words
    k = 0
    while k < len(words):
        w = words[k]
        if w.is_entity or not FUNDED.match(text, w.end):
            k += 1
            continue
        piece = text[w.start:w.end]
        if piece in _REPORTING:  # 某某科技 | 公告 | 完成 B 轮融资: who announces, not the announcement
            first = k
            while first > 0 and words[first - 1].label in ("n", "nz") and words[first - 1].end == words[first].start \
                    and k - first < 2:
                first -= 1
            name = text[words[first].start:w.start]
            if first < k and (first == 0 or words[first - 1].label in ("w", "TIME")) \
                    and not GENERIC_INVESTORS.match(name) and not DESCRIPTOR.search(name):
                words = merge(words, first, k - 1, "Organization")
                k = first + 1
            k += 1
            continue
        first = k
        while first > 0 and words[first - 1].label in ("n", "nz") and words[first - 1].end == words[first].start \
                and not DESCRIPTOR.search(text[words[first - 1].start:words[first - 1].end]) and k - first < 2:
            first -= 1
        # 星河(ORG) 动力 完成 B 轮融资: the model named the first half of the name
        named_head = first > 0 and words[first - 1].label in ("Organization", "Person") \
            and words[first - 1].end == words[first].start
        if named_head:
            first -= 1
        after_descriptor = first > 0 and DESCRIPTOR.search(text[words[first - 1].start:words[first - 1].end])
        starts_clause = first == 0 or words[first - 1].label in ("w", "TIME")
        name_like = (w.label == "nz" and len(piece) >= 2) or bool(LATIN.fullmatch(piece)) \
            or (w.label == "n" and (named_head or after_descriptor or (starts_clause and len(piece) >= 2))) \
            or (w.label == "vn" and starts_clause and first < k) \
            or (w.label == "v" and named_head and len(piece) == 2 and words[first].label == "Person"
                and (first == 0 or words[first - 1].label == "w"))  # 某某 | 导航/vn 获…投资; 某某/Person | 复材/v 完成…
        if name_like and not GENERIC_INVESTORS.match(piece) and not DESCRIPTOR.search(piece):
            # a clause's opening words up to the verb are the whole name: 某某 | 无人机 完成 A 轮融资
            start = first if after_descriptor or named_head or starts_clause else k
            words = merge(words, start, k, "Organization")
            k = start
        k += 1
    return words






def counterparts(text: str, words: list[Word]) -> list[Word]:
    """`国盾量子与神州信息签署合作协议`: both sides of an agreement are organizations."""
    if not AGREEMENT.search(text):
        return words
    for k, w in enumerate(words):
        if text[w.start:w.end] not in ("与", "和", "同") or k == 0 or k + 1 >= len(words):
            continue
        clause_end = next((x.start for x in words[k:] if text[x.start:x.end] in "，。；！？"), len(text))
        if not AGREEMENT.search(text, w.end, clause_end):
            continue
        left, right = words[k - 1], words[k + 1]
        if right.label == "Organization" and not left.is_entity:
            first = k - 1
            while first > 0 and words[first - 1].label in ("n", "nz") and k - first < 3:
                first -= 1
            piece = text[words[first].start:left.end]
            if all(words[x].label in ("n", "nz") for x in range(first, k)) and 2 <= len(piece) <= 10 \
                    and (first == 0 or words[first - 1].label in ("w", "p", "c", "TIME", "d")):
                return counterparts(text, merge(words, first, k - 1, "Organization"))
        if left.label == "Organization" and not right.is_entity:
            last = k + 1
            while last + 1 < len(words) and words[last + 1].label in ("n", "nz") and last - k < 3:
                last += 1
            piece = text[right.start:words[last].end]
            if all(words[x].label in ("n", "nz") for x in range(k + 1, last + 1)) and 2 <= len(piece) <= 10 \
                    and last + 1 < len(words) and words[last + 1].label in ("v", "p", "d", "w"):
                return counterparts(text, merge(words, k + 1, last, "Organization"))
    return words
