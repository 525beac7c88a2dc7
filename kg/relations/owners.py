"""Who owns whom: subsidiaries, units and hosted bodies as a sentence states them (A 旗下 B, B 隶属于 A,
A 全资子公司 B, A 在某地设立子公司 B, 依托 A 建设的 X)."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..doc import Relation
from ..lexicon import (
    AGREEMENT_WORDS,
    BEFORE_THE_SUBJECT,
    HOSTED_BY,
    LEGAL_FORMS,
    OWNS_AFTER_CLAUSE,
    PARENT_NAMED,
    SET_UP_WHEN,
    SUBSIDIARY_AFTER,
    SUBSIDIARY_NAMED,
    SUBSIDIARY_NOUN,
    SUBSIDIARY_OF_HEAD,
    SUBSIDIARY_OF_SUBJECT,
    SUBSIDIARY_OF_TAIL,
)
from .sentence import Sentence, sentence_subject, without_places

#: Before a company: it is its own company's (A 与其控股子公司 | B, …介绍，其全资子公司 | B, …，其在华全资子公司 | B).
_ITS_OWN = re.compile(r"(?:与|和|、|[，,])其(?:在华|在[\u4e00-\u9fff]{1,4}?的)?(?:[一二三四]级)?(?:全资|控股)?(?:子公司|子企业)\s*$")
#: Between a company and its owner named with a description: 是某市民营企业 | A (places left out).
_IS_OF_A_KIND = re.compile(r"\s*(?:是|为|系)[\u4e00-\u9fff]{0,8}?(?:企业|集团|公司)?\s*")


#: A clause naming a subsidiary with no owner named before it in the clause: 募资将用于全资子公司 B.
_OWNED_BY_NOBODY_NAMED = re.compile(r"(?:^|[，；。：])[^，；。：]{0,12}?(?:投向|用于|通过|依托|由)其?(?:全资|控股)子公司\s*$")


def _article_subject(s: Sentence) -> int | None:
    """The company the article is about: the subject of its first sentence that has one
    (a headline, or a lead opening with a date)."""
    issue = s.issue
    article = issue.sentences[s.n].article
    first = s.n
    while first > 0 and issue.sentences[first - 1].article == article and s.n - first < 6:
        first -= 1
    for n in range(first, s.n + 1):
        sentence = issue.sentences[n]
        at = bisect_left(issue.mentions, sentence.start, key=lambda m: m.start)
        if at < len(issue.mentions) and issue.mentions[at].sentence == n:
            m = issue.mentions[at]
            if m.type == "Organization" and BEFORE_THE_SUBJECT.fullmatch(issue.text, sentence.start, m.start):
                return at
    return None


#: 依托 A 建设的 X, 依托 A 和 B 在某地共同建设 X: a lab or a center hosted by A is A's.
_HOST_BUILT = re.compile(r"\s*(?:在\s*)?(?:共同|联合)?\s*(?:在\s*)?(?:建设|组建|设立|成立|建立|共建)(?:的)?\s*")
#: After the owner: 在某地设立的(全资子公司), 出资设立的(子基金): the owner set it up.
_SET_UP_BY = re.compile(rf"\s*{SET_UP_WHEN}(?:在[^，。；]{{1,10}}?(?:投资)?|(?:出资|全资|独资)?(?:发起)?)(?:设立|成立|组建|新设)")
#: Before the body a unit is set up in: 设在 | 某某公司 | 的 | 某某工作站.
_SET_UP_AT = re.compile(r"(?:设在|设于)\s*$")
#: Before the body another belongs to: 隶属于 | 某某局 | 的 | 某某监测站.
_BELONGS_TO = re.compile(r"(?:隶属于|隶属)\s*$")


def _owner_in_clause(s: Sentence, k: int, sub: int, between: str, subject: int | None) -> int | None:
    """Who sets up the subsidiary named after a body k, commas perhaps between them: the body that opens
    the last clause that has one (…，B 将投资…，并在某地设立全资子公司 C: B's); a clause that goes on with
    what the subject did (A 获 B 投资，并在某地设立全资子公司 C: A's, the sentence's subject); else k."""
    openings = [j for j in s.ks if s.m(k).start <= s.m(j).start < s.m(sub).start and s.m(j).type == "Organization"
                and s.issue.text[s.m(j).start - 2:s.m(j).start].strip().endswith(("，", ","))]
    if openings:
        return openings[-1]
    comma = max(between.rfind("，"), between.rfind(","))
    if comma >= 0 and _GOES_ON.match(between, comma + 1):
        if subject is not None and s.short_name_of.get(s.ks.index(k)) == s.ks.index(subject):
            return k  # 某某集团有限公司（简称“某某集团”）…公告，拟…设立: the subject by its short name
        return subject if subject is not None and subject <= k else None
    return k


#: A clause that goes on with what the sentence's subject did or will do: …，并在某地设立, …，同期在, …，将投资.
_GOES_ON = re.compile(r"\s*(?:并|同期|同时|随后|还|另|将|拟|计划)")


def _owned_group(s: Sentence, i: int) -> list[int]:
    """A 旗下 B、C: B and C; A 控股的 B 与 C 签约: B only, C its partner in the agreement."""
    group = s.group_after(i)
    if len(group) == 2 and s.between(*group).strip() == "与" and s.after(group[1], 12).lstrip().startswith(AGREEMENT_WORDS):
        return group[:1]
    return group


def subsidiaries(s: Sentence) -> list[Relation]:
    """A 旗下 B; B 隶属于 A, 隶属于 A 的 B; B 是 A 的（研发型）子公司; B 的母公司 A; A 全资子公司 B; A 设立子公司 B (A founded B
    too); X……，旗下拥有 A、B."""
    out: list[Relation] = []
    for i, a, b in s.neighbours("Organization", "Organization"):
        link = s.between(a, b)
        # B（简称C）全资子公司: what is said of B follows its short name
        after_b = s.after(s.ks[i + 2], 24) if s.short_name_of.get(i + 2) == i + 1 else s.after(b, 24)
        if SUBSIDIARY_OF_HEAD.match(link):
            out.extend(s.relation(sub, a, "subsidiaryOf") for sub in _owned_group(s, i + 1))
        elif not link and s.m(a).source == "rule:publisher-kind" and s.m(a).text[0] in "我本":
            out.append(s.relation(b, a, "subsidiaryOf"))  # 我院 | 南昌灌溉试验站: the publisher's own unit
        elif link.strip() == "的" and (_BELONGS_TO.search(s.before(a, 4)) or (
                _SET_UP_AT.search(s.before(a, 4)) and not LEGAL_FORMS.search(s.m(b).text))):
            out.append(s.relation(b, a, "subsidiaryOf"))  # 设在某某公司的某某博士后工作站, 隶属于某局的某某站
        elif SUBSIDIARY_OF_TAIL.match(link) or (SUBSIDIARY_NOUN.match(link) and SUBSIDIARY_AFTER.match(after_b)) \
                or PARENT_NAMED.match(link):
            out.append(s.relation(a, b, "subsidiaryOf"))
            if SUBSIDIARY_NOUN.match(link) and _SET_UP_BY.match(after_b):
                out.append(s.relation(b, a, "founded"))  # B 是 A 在某地设立的全资子公司
    subject = sentence_subject(s, after_a_date=True)
    for i, k in enumerate(s.ks):  # places may stand between: A 在上海市浦东新区设立子公司 B
        later = s.past_places(i)
        if s.type(i) != "Organization" or later is None or s.type(later) != "Organization":
            continue
        between = s.between(k, s.ks[later])
        named = SUBSIDIARY_NAMED.match(between)
        if named is None:
            continue
        owner = _owner_in_clause(s, k, s.ks[later], between, subject)
        if owner is not None and owner != s.ks[later]:
            out.append(s.relation(s.ks[later], owner, "subsidiaryOf"))
            if named.group("set_up"):
                out.append(s.relation(owner, s.ks[later], "founded"))
    for i, k in enumerate(s.ks):  # A 与其控股子公司 B; A 董事长张三介绍，其全资子公司 B: the body before 其 owns B
        if i > 0 and s.type(i) == "Organization" and _ITS_OWN.search(s.before(k, 12)):
            owner = next((s.ks[j] for j in range(i - 1, -1, -1) if s.type(j) == "Organization"), None)
            if owner is not None and s.m(owner).key != s.m(k).key:
                out.append(s.relation(k, owner, "subsidiaryOf"))
    for i, k in enumerate(s.ks):  # B 是某市民营企业 A 的全资子公司: a place and a description between
        later = s.past_places(i)
        if s.type(i) == "Organization" and later is not None and s.type(later) == "Organization" \
                and _IS_OF_A_KIND.fullmatch(without_places(s, k, s.ks[later])) and SUBSIDIARY_AFTER.match(s.after(s.ks[later], 16)):
            out.append(s.relation(k, s.ks[later], "subsidiaryOf"))
    for i, k in enumerate(s.ks):  # 募资将用于全资子公司 B: the company the article is about owns B
        if s.type(i) == "Organization" and _OWNED_BY_NOBODY_NAMED.search(s.before(k, 24)) \
                and (owner := _article_subject(s)) is not None and owner != k:
            out.append(s.relation(k, owner, "subsidiaryOf"))
    for i, k in enumerate(s.ks):  # 依托 A（和 B）(共同)建设的 X: X is a unit of each host
        if s.type(i) == "Organization" and HOSTED_BY.search(s.before(k, 4)):
            hosts = s.group_after(i)
            after = s.past_places(s.ks.index(hosts[-1]))
            if after is not None and s.type(after) == "Organization" \
                    and _HOST_BUILT.fullmatch(without_places(s, hosts[-1], s.ks[after])):
                out.extend(s.relation(s.ks[after], host, "subsidiaryOf") for host in hosts)
    subject = sentence_subject(s)
    if subject is not None:
        for i, k in enumerate(s.ks[1:], 1):
            if s.type(i) == "Organization" and OWNS_AFTER_CLAUSE.search(s.before(k, 8)) \
                    and s.type(i - 1) != "Organization":
                out.extend(s.relation(sub, subject, "subsidiaryOf") for sub in s.group_after(i))
                break
        for i, k in enumerate(s.ks[1:], 1):
            if s.type(i) == "Organization" and SUBSIDIARY_OF_SUBJECT.match(s.after(k, 16)):
                out.extend(s.relation(sub, subject, "subsidiaryOf") for sub in s.group_before(i) if sub != subject)
    return out
