"""Partners: who works with whom, as a sentence says.

A 与 B、C 签署合作协议 (A with each of them); A 联合 B 共建; A、B 和 C 与 D 签约 (each with D);
由 A、B 共同主办 (hosts together); A、B 与 C 签署三方合作协议 (every side with every other);
…，并与 C 共同举办 (the sentence's subject with C).
"""
from __future__ import annotations

import re
from itertools import combinations

from ..doc import Relation
from ..lexicon import (
    AGREEMENT,
    CLAUSE_BREAK,
    COUNT_WORDS,
    DEAL_AGREEMENT,
    HOSTED_TOGETHER,
    ISSUED_BY,
    LIST_LINK,
    PARTNER_LINK,
    PARTNER_LINK_WIDE,
    PARTNER_WORDS,
    POST,
    SIGNS_TO_SETTLE,
    SUBSIDIARY_OF_HEAD,
)
from .sentence import AND_LINK, OTHERS_LISTED, Sentence, sentence_before, sentence_subject, without_places


def partners(s: Sentence) -> list[Relation]:
    """A 与 B、C 签署合作协议; A 联合 B 共建; A、B 和 C 与 D 签约 (A, B, C each with D)."""
    pairs = _pairs(s)
    out = [s.relation(s.ks[i], s.ks[j], "partnerOf") for i, j in pairs]
    paired = {i for pair in pairs for i in pair}
    for i, j, a, b in _organizations_in_turn(s):
        if i in paired or j in paired:
            continue
        link = s.between(a, b)
        if not PARTNER_LINK.match(link) and not PARTNER_LINK_WIDE.match(without_places(s, a, b)) \
                and not _LEADS_THEN_JOINS.fullmatch(link):
            continue
        if link.strip() in ("和", "及", "以及") and (_splits_later(s, j) or _joined_earlier(s, i)):
            continue  # A 和 B 与 C, A 与 B 和 C: 和 coordinates one side
        if _RELYING_ON.search(s.before(a, 4)):
            continue  # X 将依托该中心与 B 联合开发: the centre is where, X is B's partner
        left = s.group_before(i, link=AND_LINK)
        right = s.group_after(j)
        tail_text = s.issue.text[s.m(right[-1]).end:s.sentence.end]
        clause = CLAUSE_BREAK.split(tail_text, 1)[0]
        if SIGNS_TO_SETTLE.match(tail_text):
            continue  # A、B 和 C 签约落户: each signed with the place
        if ISSUED_BY.match(OTHERS_LISTED.sub("", clause, count=1)) and any(s.type(j) == "Policy" for j in range(len(s.ks))):
            continue  # A 联合 B、C 印发《…》: they issued it together, which says so already
        if DEAL_AGREEMENT.search(clause[:40]) and not _COOPERATION.search(clause[:40]):
            continue  # A 与 B 签署增资协议: A invests in B, says funding.py
        if link.strip()[-2:] in ("携手", "联合", "联手", "会同") or PARTNER_WORDS.search(clause[:40]):
            right = [_owned_after(s, y) for y in right]  # A 和 B 旗下 C 共同主办: C hosts, not B
            out.extend(s.relation(x, y, "partnerOf") for x in left for y in right)
            sides = _ALL_SIDES.match(clause)
            if sides and COUNT_WORDS.get(sides.group(1)) in (None, len(left) + len(right)):
                out.extend(s.relation(x, y, "partnerOf") for x, y in combinations(left + right, 2))
    return out + _hosts(s) + _partners_of_the_subject(s) + _both_sides(s) + _delegations(s) + _acting_together(s) + _teams(s) \
        + _sides_signing(s)


#: After a list of bodies, how many sides sign: A、B、C 三方签署合作框架协议.
_SIDES_SIGN = re.compile(r"^\s*(?:[两二三四五六七八九]|多)方(?:共同|联合)?(?:签署|签订|签约|达成)")


def _sides_signing(s: Sentence) -> list[Relation]:
    """A、B、C 三方签署合作框架协议: each of the bodies listed is a partner of each other one."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if s.type(i) == "Organization" and _SIDES_SIGN.match(s.after(k, 12)):
            group = s.group_before(i, link=AND_LINK)
            out.extend(s.relation(x, y, "partnerOf") for x, y in combinations(group, 2))
    return out


_COOPERATION = re.compile(r"合作|共建|携手")
#: Before a body that is what another relies on, not a party: 依托 | 该中心 | 与 B.
_RELYING_ON = re.compile(r"(?:依托|依靠|借助|利用)\s*$")
#: What a list of bodies then does together, after a date perhaps: (5 月)联合约谈, 共同开展 (not a document
#: they issue, a body they found, nor an event they host: other rules say those).
_TOGETHER = re.compile(r"\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|近日|日前|近期|同日)?\s*(?:联合|共同)"
                       r"(?!印发|发布|出台|制定|下发|颁布|公布|发起|设立|成立|组建|出资|投资|主办|举办|承办)")


def _acting_together(s: Sentence) -> list[Relation]:
    """A、B 5 月联合对…开展执法检查, A、B 联合约谈…: two or three bodies opening a clause that act together."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        opens = s.issue.text[max(s.sentence.start, s.m(k).start - 1):s.m(k).start]
        if s.type(i) != "Organization" or opens not in ("", "，", "；") or (i > 0 and s.m(s.ks[i - 1]).end > s.m(k).start - 1):
            continue
        group = s.group_after(i)
        if 2 <= len(group) <= 3 and _TOGETHER.match(s.after(group[-1], 12)):
            out.extend(s.relation(a, b, "partnerOf") for a, b in combinations(group, 2))
    return out


#: A person's team, who work for the person's body: 某所所长某某 | 团队 | 与.
_TEAM = re.compile(r"\s*(?:研究团队|科研团队|创新团队|团队|课题组)")


def _teams(s: Sentence) -> list[Relation]:
    """A 所长 P 团队与 B 合作, A 研究员 P 课题组联合 B: the team of a body's person works with B, so A does."""
    out: list[Relation] = []
    for p in range(1, len(s.ks) - 1):
        if s.type(p) != "Person" or s.type(p - 1) != "Organization" or s.type(p + 1) != "Organization" \
                or not POST.match(s.between(s.ks[p - 1], s.ks[p])):
            continue
        after = s.between(s.ks[p], s.ks[p + 1])
        team = _TEAM.match(after)
        link = after[team.end():] if team else ""
        clause = CLAUSE_BREAK.split(s.issue.text[s.m(s.ks[p + 1]).end:s.sentence.end], 1)[0]
        if team and PARTNER_LINK.match(link) and (link.strip() in ("携手", "联合", "联手") or PARTNER_WORDS.search(clause[:40])):
            out.append(s.relation(s.ks[p - 1], s.ks[p + 1], "partnerOf"))
    return out


#: A、B 与 C 签署三方合作协议, A 与 B、C 三方共建: every side is every other's partner.
_ALL_SIDES = re.compile(r"^(?:\s*[（(][^（）()]*[）)])?[^，。；]{0,12}?([三四五六多各])方")
#: 双方 and what they do together: 双方还签订了合作协议, 双方将共建…, 双方将在某领域联合开发….
_BOTH_SIDES = re.compile(r"双方[^，。；]{0,16}?(?:签署|签订|达成|共建|合作|携手|商定|联合|共同|互认|互设)")
#: Talks are not yet a partnership: 双方就某某合作进行洽谈.
_TALKS = re.compile(r"[^，。；]{0,8}?(?:洽谈|商谈|会谈|磋商|探讨)")


def _both_sides(s: Sentence) -> list[Relation]:
    """A 出资认购 B 的股权，双方并签订合作协议: the two bodies named before 双方; where the sentence
    names none before it (某某表示，双方将联合开发…), the two the sentence before named."""
    both = _BOTH_SIDES.search(s.text)
    if both is None or _TALKS.match(s.text, both.end()):
        return []
    at = s.sentence.start + both.start()
    before = [k for i, k in enumerate(s.ks) if s.type(i) == "Organization" and s.m(k).end <= at
              and i not in s.short_name_of]
    if not before and (previous := sentence_before(s)) is not None:
        before = _bodies_of(previous)
    keys = {s.m(k).key for k in before}
    return [s.relation(before[0], before[-1], "partnerOf")] if len(before) >= 2 and len(keys) == 2 else []


def _bodies_of(s: Sentence) -> list[int]:
    return [k for i, k in enumerate(s.ks) if s.type(i) == "Organization" and i not in s.short_name_of]


#: 由 A 牵头，(联合) B、C 共同…: A leads, with each of them.
_LEADS_THEN_JOINS = re.compile(r"\s*(?:牵头)?[，,]\s*(?:联合|携手)\s*|\s*牵头[，,、]\s*")
#: A clause going on with the sentence's subject: …，并与 C 共同举办.
_AND_WITH = re.compile(r"[，；,;]\s*(?:并|还|同时|也|另)(?:与|同)\s*$")
#: …，近期联合 C 推出: the subject works with C (unless they issue a document together).
_JOINS_WITH = re.compile(r"[，；,;]\s*(?:近期|近日|日前|并|还|同时|也|另)?(?:联合|携手|联手)\s*$")


#: A delegation led by a body's officer, or the officer's visit: 某某大学副校长张三率团访问…, 某某公司总经理
#: 李四一行 6 月 17 日访问…, 某某中心副主任王五同志带队赴….
_LEADS_A_DELEGATION = re.compile(r"^\s*(?:同志|博士|教授)?\s*(?:等)?\s*(?:一行)?\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前)?\s*"
                                 r"(?:率(?:团|队|代表团)|带队|到访|来访|访问|考察|走访)")
_VISITS = re.compile(r"率|带队|到访|来访|访问|考察|走访")
#: …，(并)与 Y: the body the delegation met, at the start of a clause.
_THEN_WITH = re.compile(r"[，,]\s*(?:并|还|同时|随后)?(?:与|同)\s*$")


def _delegations(s: Sentence) -> list[Relation]:
    """X 副校长张三率团访问某地，…，并与 Y 签署合作备忘录: the body of who led the visit is Y's partner."""
    out: list[Relation] = []
    if not _VISITS.search(s.text):
        return out
    for i, k in enumerate(s.ks):
        if s.type(i) != "Person" or i == 0 or not _LEADS_A_DELEGATION.match(s.after(k, 20)):
            continue
        body = next((j for j in range(i - 1, -1, -1) if s.type(j) == "Organization"), None)
        if body is None or not POST.match(s.between(s.ks[body], k)):
            continue
        for j in range(i + 1, len(s.ks)):
            if s.type(j) == "Organization" and _THEN_WITH.search(s.before(s.ks[j], 6)):
                group = s.group_after(j)
                clause = CLAUSE_BREAK.split(s.issue.text[s.m(group[-1]).end:s.sentence.end], 1)[0]
                if AGREEMENT.search(clause[:30]) or PARTNER_WORDS.search(clause[:20]):
                    out.extend(s.relation(s.ks[body], y, "partnerOf") for y in group)
                break
    return out


def _owned_after(s: Sentence, k: int) -> int:
    """B 旗下 C: the organization named after 旗下, else B itself."""
    i = s.ks.index(k)
    if i + 1 < len(s.ks) and s.type(i + 1) == "Organization" and SUBSIDIARY_OF_HEAD.match(s.between(k, s.ks[i + 1])):
        return s.ks[i + 1]
    return k


def _hosts(s: Sentence) -> list[Relation]:
    """由 A、B 共同主办的…: two or three bodies that host one thing are partners."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization" or not s.before(k, 2).endswith("由") or \
                (i > 0 and s.m(s.ks[i - 1]).end > s.m(k).start - 2):
            continue
        group = [_owned_after(s, h) for h in s.group_after(i)]
        if 2 <= len(group) <= 3 and HOSTED_TOGETHER.match(s.after(group[-1], 8)):
            out.extend(s.relation(a, b, "partnerOf") for a, b in combinations(group, 2))
    return out


def _partners_of_the_subject(s: Sentence) -> list[Relation]:
    """A 与 B 签署协议，并与 C 共同举办…: the clause's partner is the sentence's subject's too."""
    subject = sentence_subject(s, after_a_date=True)
    if subject is None:
        return []
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if k == subject or s.type(i) != "Organization":
            continue
        clause = CLAUSE_BREAK.split(s.after(k, 40), 1)[0]
        if (_AND_WITH.search(s.before(k, 8)) and PARTNER_WORDS.search(clause)) \
                or (_JOINS_WITH.search(s.before(k, 8)) and not ISSUED_BY.match(clause)
                    and "由" not in s.issue.text[s.m(subject).end:s.m(k).start]):  # (由 A 牵头，联合 B: A's partner)
            out.extend(s.relation(subject, y, "partnerOf") for y in s.group_after(i))
    return out


def _pairs(s: Sentence) -> list[tuple[int, int]]:
    """A 与 B、C 与 D、E 与 F 等 12 个合作项目: a list of pairs, each with its own partner (the
    positions of each pair's two organizations); none where the list holds fewer than two pairs."""
    if sum(s.text.count(link) for link in _PAIR_LINKS) < 2:
        return []
    turns = _organizations_in_turn(s)
    links = [without_places(s, a, b).strip() for _, _, a, b in turns]
    pairs: list[tuple[int, int]] = []
    t = 0
    while t < len(turns):
        chain: list[tuple[int, int]] = []
        u = t
        while u < len(turns) and links[u] in _PAIR_LINKS and (not chain or turns[u][0] == turns[u - 1][1]):
            chain.append(turns[u][:2])
            if u + 2 < len(turns) and links[u + 1] == "、" and turns[u + 1][0] == turns[u][1]:
                u += 2
            else:
                break
        if len(chain) >= 2:
            pairs.extend(chain)
            t = u + 1
        else:
            t += 1
    return pairs


_PAIR_LINKS = ("与", "同")


def _organizations_in_turn(s: Sentence) -> list[tuple[int, int, int, int]]:
    """(position, the next one's position, organization, the next organization) with only
    places between them (与瑞典 Skarvik Energi AB: the place describes the partner)."""
    out = []
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization":
            continue
        j = s.past_places(i)
        if j is not None and s.type(j) == "Organization":
            out.append((i, j, k, s.ks[j]))
    return out


def _joined_earlier(s: Sentence, i: int) -> bool:
    """The organization at position i ends a list that a stronger link (与, 同, 携手) opened."""
    j = i
    while j > 0 and s.type(j - 1) in ("Organization", "Region"):
        link = s.between(s.ks[j - 1], s.ks[j]).strip()
        if s.type(j - 1) == "Organization" and (link.endswith(("与", "同", "携手", "联合", "联手"))
                                                or PARTNER_LINK_WIDE.match(without_places(s, s.ks[j - 1], s.ks[j]))):
            return True
        if link and not LIST_LINK.match(link) and s.type(j - 1) == "Organization":
            return False
        j -= 1
    return False


def _splits_later(s: Sentence, i: int) -> bool:
    """A stronger partner link (与, 同, 携手) follows within the same list."""
    j = i
    while j + 1 < len(s.ks) and s.type(j + 1) == "Organization":
        link = s.between(s.ks[j], s.ks[j + 1]).strip()
        if link in ("与", "同", "携手", "联合", "联手") or PARTNER_LINK_WIDE.match(without_places(s, s.ks[j], s.ks[j + 1])):
            return True
        if not LIST_LINK.match(link):
            return False
        j += 1
    return False
