"""Relations a sentence states: rules over the text between its mentions.

Each rule takes a :class:`~.sentence.Sentence` and returns the relations it finds
there, tied to that sentence. The trigger words are in :mod:`kg.lexicon`.
"""
from __future__ import annotations

import re
from itertools import combinations

from ..doc import Issue, Relation
from ..lexicon import (
    ALL_THERE,
    BEFORE_THE_SUBJECT,
    BRANCH_TAILS,
    CLAUSE_BREAK,
    CLAUSE_END,
    CLUSTER_TRIGGER,
    COMPANY_DESCRIPTORS,
    DECLARATION,
    EXAMPLES_AFTER,
    FOUND_TRIGGER,
    FOUNDED_BY,
    FOUNDER_DESCRIPTION,
    HOSTED_BY,
    ISSUE_TRIGGER,
    ISSUED_BY,
    ISSUING_BODY,
    JOINTLY_FOUNDED,
    LATIN_POST,
    LEGAL_FORMS,
    LOCAL_DESCRIPTOR,
    LOCATED_TRIGGER,
    OF_A_STATED_SIZE,
    OPENED_AFTER,
    OPENED_IN,
    OWNED_COMPANY_WORDS,
    OWNER_TO_OWNED,
    PARTNER_LINK_WIDE,
    POLICY_HEADS,
    POST,
    SEAT_BEFORE,
    SET_UP,
    SET_UP_THERE,
    SETTLED_AFTER,
    SETTLED_IN,
    SETTLED_INTO,
    SIGNS_TO_SETTLE,
    THERE_EXAMPLES,
    THIS_BODY,
    ZONE_SUFFIXES,
    alternatives,
)
from ..regions import is_area, is_foreign_country
from .sentence import AND_LINK, OTHERS_LISTED, WIDE_LINK, Sentence, sentence_subject, without_places


def issued(s: Sentence) -> list[Relation]:
    """ORG 印发《POLICY》 (with every body of a joint issue: A 与 B、C，会同 D 等部门联合印发),
    《POLICY》由 A 与 B 联合印发, and a government body's own 《POLICY》 (落实某部《…》)."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Policy" or _OF_A_LIST.match(s.after(k, 20)):
            continue
        for j in range(i - 1, -1, -1):
            kj = s.ks[j]
            gap = s.between(kj, k)
            if CLAUSE_BREAK.search(gap) or len(gap) > 24:
                break
            if s.m(kj).type == "Organization" and ISSUE_TRIGGER.search(gap.rstrip("《“ ")):
                out.extend(s.relation(head, k, "issued") for head in s.group_before(j, link=WIDE_LINK))
                break
            if s.m(kj).type == "Organization" and j == i - 1 and gap.strip() == "《" and ISSUING_BODY.search(s.m(kj).text):
                out.append(s.relation(kj, k, "issued"))  # 落实商务部《某某行动方案》: the ministry's plan
                break
        out.extend(s.relation(head, k, "issued") for head in _by(s, i, ISSUED_BY))
    # 该意见由 A 与 B 联合印发: the policy is the one the article named last with that head noun
    for m in re.finditer(rf"(?:该|此|这一?|上述)({'|'.join(POLICY_HEADS)})\s*由", s.text):
        policy = _last_policy(s, s.sentence.start + m.start(), m.group(1))
        if policy is not None:
            at = s.position(s.sentence.start + m.end())
            out.extend(s.relation(head, policy, "issued") for head in _after_by(s, at, ISSUED_BY))
    return out


#: 公布“某某计划”2025 年度入选名单: what is published is a list under the scheme, not the scheme.
_OF_A_LIST = re.compile(r"^[”\"》]?[^，。；“《]{0,14}?(?:名单|名录|榜单|结果)")


def _last_policy(s: Sentence, offset: int, head_noun: str) -> int | None:
    article = s.sentence.article
    best = None
    for k, m in enumerate(s.issue.mentions):
        if m.type == "Policy" and m.start < offset and s.issue.sentences[m.sentence].article == article \
                and m.text.rstrip("）)》 ").endswith(head_noun):
            best = k
    return best


def _by(s: Sentence, i: int, trigger: re.Pattern) -> list[int]:
    """X 由 A、B … TRIGGER: the group after 由 when X is at position i."""
    after = s.after(s.ks[i], 40)
    m = re.match(r"^[^，。；]{0,14}?由\s*$", after[:after.find("由") + 1]) if "由" in after else None
    if not m:
        return []
    return _after_by(s, i + 1, trigger)


def _after_by(s: Sentence, at: int, trigger: re.Pattern) -> list[int]:
    """The group of organizations (or people with their posts) starting at position
    ``at``, when the trigger follows it."""
    if at >= len(s.ks):
        return []
    group, last = [], at - 1
    j = at
    while j < len(s.ks):
        if s.type(j) == "Region" and j + 1 < len(s.ks) and s.type(j + 1) == "Person" \
                and FOUNDER_DESCRIPTION.match(s.between(s.ks[j], s.ks[j + 1])):
            j += 1  # 某地籍企业家张三: the person, not the place
        if s.type(j) == "Organization" and j + 1 < len(s.ks) and s.type(j + 1) == "Person" and (
                POST.match(s.between(s.ks[j], s.ks[j + 1])) or FOUNDER_DESCRIPTION.match(s.between(s.ks[j], s.ks[j + 1]))):
            j += 1  # 浙江大学教授陈明远, 某大学计算机专业博士乔一凡: the person, not the university
        if s.type(j) not in ("Organization", "Person"):
            break
        if s.type(j) == "Organization" and _PEOPLE_OF.match(s.after(s.ks[j], 6)):
            last = j  # 某大学校友团队: people from the university, not the university
            break
        group.append(s.ks[j])
        last = j
        following = s.past_places(j)  # 由 A 与匈牙利 B 共建: the place describes B
        if following is not None and s.short_name_of.get(following) == j:
            following = s.past_places(following)  # 由 A（简称“a”）、B: past A's short name
        if following is not None and WIDE_LINK.match(DECLARATION.sub("", without_places(s, s.ks[j], s.ks[following]), count=1)):
            if following + 1 < len(s.ks) and s.type(following + 1) == "Organization" \
                    and OWNER_TO_OWNED.fullmatch(s.between(s.ks[following], s.ks[following + 1])):
                following += 1  # 由 A 与 B 旗下的 C 共同发起: C, which B owns
            j = following
            continue
        break
    if not group:
        return []
    rest = s.issue.text[s.m(s.ks[last]).end:s.sentence.end]
    return group if trigger.match(OTHERS_LISTED.sub("", rest, count=1)) else []


#: People from a body, named by it: 某大学校友团队, 某院专家.
_PEOPLE_OF = re.compile(r"^\s*(?:的)?(?:校友|团队|毕业生|师生|专家|学者|研究团队)")
#: A body that guides or hosts what others found, or the first of those under whose guidance it was founded:
#: 在省科技厅指导下，由 A 牵头组建; 在 A、B 指导下，由 ….
_GUIDES = re.compile(r"\s*(?:的)?(?:指导|支持|主办|批准|推动)|[^，。；]{0,20}?(?:指导|支持|主导)下")


#: What people after 由 compose (a committee, a panel): 由甲、乙等 7 名专家组成.
_COMPOSED_OF = re.compile(r"[^，。；]*?组成")


def founded(s: Sentence) -> list[Relation]:
    """A 创办 B; B 由 A（、C）创立 / 牵头组建; 由 A 牵头，联合 B、C 共同组成的 D."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        j = s.past_places(i, -1)  # (某某团队近日在滁州创办 X: the place between says where)
        if j is not None and j < i - 1 and s.m(k).text.endswith(BRANCH_TAILS):
            continue  # (A 在青岛设立 A 青岛分公司: a branch, A's own; see owners)
        if s.m(k).type != "Organization" or j is None:
            continue
        gap = without_places(s, s.ks[j], k)
        if FOUND_TRIGGER.search(gap) and len(gap) <= 16 and not CLAUSE_BREAK.search(gap) and "，" not in gap \
                and s.type(j) in ("Organization", "Person") \
                and not (s.type(j) == "Organization" and LATIN_POST.match(gap.strip())):  # 某学院教授创办 X
            out.extend(s.relation(head, k, "founded") for head in s.group_before(j, ("Organization", "Person"))
                       if head == s.ks[j] or not FOUND_TRIGGER.search(s.before(head, 8)))  # (A 组建的 X、B 组建的 Y: not X)
    for i, k in enumerate(s.ks):  # A 在某某高新区设立的 B: the place between says where
        j = s.past_places(i, -1)
        if s.type(i) == "Organization" and j is not None and j < i - 1 and s.type(j) == "Organization" \
                and _FOUNDED_IN_PLACE.fullmatch(without_places(s, s.ks[j], k)):
            out.append(s.relation(s.ks[j], k, "founded"))
    for m in _BASED_ON.finditer(s.text):  # X 以 A、B 为基础，新设合并组建 Y
        start, end = s.sentence.start + m.start(), s.sentence.start + m.end()
        before, after = s.position(start) - 1, s.position(end)
        if before >= 0 and after < len(s.ks) and s.type(before) == "Organization" \
                and s.type(after) == "Organization" and s.m(s.ks[after]).start == end \
                and not s.issue.text[s.m(s.ks[before]).end:start].strip():
            out.append(s.relation(s.ks[before], s.ks[after], "founded"))
    for i, k in enumerate(s.ks):  # A 牵头，联合 B、C 等 15 家单位，发起成立 X; A 5 月 10 日联合 B、C 等发起成立 X
        nxt = i + 2 if s.short_name_of.get(i + 1) == i else i + 1  # (A（以下简称“a”）5 月 10 日联合 B)
        if s.type(i) != "Organization" or nxt >= len(s.ks) or s.type(nxt) != "Organization":
            continue
        link = s.between(k, s.ks[nxt])
        if "牵头" in link:
            group = s.group_after(i, link=WIDE_LINK)
        elif _JOINS_ON_A_DAY.fullmatch(link):
            group = [k, *s.group_after(nxt, link=WIDE_LINK)]
        else:
            continue
        last = s.ks.index(group[-1])
        if len(group) >= 2 and last + 1 < len(s.ks) and s.type(last + 1) == "Organization" \
                and _LED_FOUNDING.fullmatch(s.between(group[-1], s.ks[last + 1])):
            out.extend(s.relation(head, s.ks[last + 1], "founded") for head in group)
    for m in re.finditer(r"由", s.text):
        offset = s.sentence.start + m.end()
        at = s.position(offset)
        founders = _after_by(s, at, FOUNDED_BY)
        if not founders or (all(s.m(h).type == "Person" for h in founders) and _COMPOSED_OF.match(s.issue.text, offset)):
            continue  # (委员会由甲、乙等 7 名专家组成: its members, not its founders)
        target = _founded_target(s, at, founders, offset)
        if target is not None:
            out.extend(s.relation(head, target, "founded") for head in founders if head != target)
    return out


#: A leader and the day it joined with others: A 5 月 10 日联合 | B.
_JOINS_ON_A_DAY = re.compile(r"\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前|今年|本月)?\s*(?:联合|携手)\s*")
#: After the last of those who found a body together under a leader: 等 15 家经营主体，发起成立.
_LED_FOUNDING = re.compile(r"\s*(?:等[^，。；]{0,10})?[，,]?\s*(?:共同)?(?:发起成立|发起设立|成立|组建|设立)了?"
                           rf"\s*(?:{OF_A_STATED_SIZE})?\s*[“\"]?\s*")  # (…设立规模 5 亿元的 X)
#: 在 PLACE 设立(的) (the place left out): what follows was founded there.
_FOUNDED_IN_PLACE = re.compile(rf"\s*(?:已|将|近日|日前)?在\s*(?:注册)?(?:{SET_UP})(?:了|的)?\s*")
#: 以 A、B 为基础，新设合并组建: the body before 以 founds the one after (the bases become its own).
_BASED_ON = re.compile(r"以[^。；！？]{1,80}?为基础[，,]?\s*(?:新设合并|合并|整合|重组)?\s*(?:组建|设立|成立)了?\s*")


#: Between the bodies that build one together: A、B 和 C; A 与 B; A 宣布与 B.
_BUILDERS_LINK = re.compile(rf"{WIDE_LINK.pattern}|^\s*(?:宣布|将|已|正|还|拟|日前|近日|也)(?:与|同)\s*$")


def jointly_founded(s: Sentence) -> list[Relation]:
    """A 与 B（签署协议，双方将）共建“X”: each of the bodies before the verb founded X."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Organization" or i == 0:
            continue
        before = s.issue.text[s.sentence.start:s.m(k).start]
        if not JOINTLY_FOUNDED.search(before):
            continue
        last = next((j for j in range(i - 1, -1, -1) if s.type(j) == "Organization"), None)
        if last is None or CLAUSE_BREAK.search(s.between(s.ks[last], k)) or len(s.between(s.ks[last], k)) > 40:
            continue
        last = s.short_name_of.get(last, last)  # B（以下简称“b”）共建的 X: the list ends at B
        builders = _builders(s, last)
        if HOSTED_BY.search(s.before(builders[0], 4)):
            continue  # 依托 A 和 B 共同建设的 X: X is theirs (see subsidiaries), not founded by them
        if len(builders) >= 2 or re.search(r"双方|两家|三方|各方|共同|联合", s.between(s.ks[last], k)):
            out.extend(s.relation(head, k, "founded") for head in builders if head != k)
    return out


def _builders(s: Sentence, last: int) -> list[int]:
    """The bodies listed before position ``last`` (included) that build something together; places
    and what kind of body a partner is may stand between them (A 与新加坡企业 B)."""
    group = s.group_before(last, link=_BUILDERS_LINK)
    j = s.ks.index(group[0])
    while True:
        previous = s.past_places(j, -1)
        if previous is None or s.type(previous) != "Organization" or previous == j - 1:
            return group
        link = without_places(s, s.ks[previous], s.ks[j])
        if not (_BUILDERS_LINK.match(link) or PARTNER_LINK_WIDE.match(link)):
            return group
        group = s.group_before(previous, link=_BUILDERS_LINK) + group
        j = s.ks.index(group[0])


def _this_body(s: Sentence, offset: int) -> int | None:
    """该中心 at the start of a sentence: the organization of the article named last with that head."""
    m = THIS_BODY.match(s.text.lstrip())
    if not m or s.sentence.start + len(s.text) - len(s.text.lstrip()) + m.end() > offset:
        return None
    head_noun, article, best = m.group(1), s.sentence.article, None
    for k, mention in enumerate(s.issue.mentions):
        if mention.start >= s.sentence.start:
            break
        if mention.type == "Organization" and s.issue.sentences[mention.sentence].article == article \
                and mention.text.rstrip("”\"") .endswith(head_noun):
            best = k
    return best


#: A short name declared in brackets: （以下简称种子基金）.
_DECLARED = re.compile(r"[（(][^（）()]{0,16}简称[^（）()]{0,16}[）)]")


def _founded_target(s: Sentence, at: int, founders: list[int], offset: int) -> int | None:
    """What was founded: named after the verb (…共同组成的“X”联合体), else the
    organization the sentence is about, before 由."""
    end = s.m(founders[-1]).end
    rest = s.issue.text[end:s.sentence.end]
    skip = OTHERS_LISTED.match(rest)
    start = end + (skip.end() if skip else 0)
    verb = FOUNDED_BY.match(s.issue.text[start:s.sentence.end])
    if verb:
        verb_end = start + verb.end()
        later = s.position(verb_end)
        if later < len(s.ks) and s.type(later) == "Organization" and \
                re.fullmatch(r"\s*的?\s*[“\"]?\s*", s.issue.text[verb_end:s.m(s.ks[later]).start]):
            return s.ks[later]
        if s.issue.text.startswith("的", verb_end):
            return None  # 由 A 与 B 组成的联合体: what they formed is named there, by no name
    named_before = _this_body(s, offset)
    if named_before is not None:
        return named_before
    before = [j for j in range(at) if s.type(j) == "Organization" and s.ks[j] not in founders
              and not _GUIDES.match(s.after(s.ks[j], 24))]
    if not before:
        return None
    right_before = s.ks[before[-1]]  # X 由 A 创立, X（由 A 设立）: the body 由 follows (该基金 of a later clause)
    if s.issue.text[s.m(right_before).end:offset - 1].strip() in ("", "（", "("):
        return right_before
    if s.issue.text[max(0, offset - 8):offset - 1].rstrip().endswith(("（", "(")):
        return None  # 某某创业港（由 A 设立）: what the bracket is said of was not read as a name
    subject = s.ks[before[0]]
    between = s.issue.text[s.m(subject).end:offset]
    between = _DECLARED.sub("", between)
    return subject if not CLAUSE_BREAK.search(between) and len(between) <= 36 else None


#: Words that make the founders of one body act together: 共同发起设立, 由 A、B 共建.
_TOGETHER = re.compile(r"共同|联合|共建|合作|合建|携手|合资")
#: A list that names only some of many: A、B、C 等 9 家企业.
_MANY = re.compile(r"等\s*(?:[4-9]|\d{2,}|[四五六七八九十]|[一二三四五六七八九]十)[余多]?\s*家")


def co_founders(issue: Issue, relations: list[Relation]) -> list[Relation]:
    """The two or three organizations that found one body together, as a sentence says (A 与 B
    共同发起设立的 X, 由 A、B 共建的 X), are each other's partners."""
    founders: dict[tuple[int, int], list[int]] = {}
    for r in relations:
        if r.type == "founded" and issue.mentions[r.head].type == "Organization":
            heads = founders.setdefault((r.sentence, r.tail), [])
            if r.head not in heads:  # two rules may state one founding
                heads.append(r.head)
    out: list[Relation] = []
    for (n, _), heads in founders.items():
        sentence = issue.sentences[n]
        # a long list of founders (由 12 家单位共同发起) is a membership, not a partnership each;
        # 由 A 牵头，联合 B、C 共同组建: A leads, and partners each (:func:`partners` says so)
        text = issue.text[sentence.start:sentence.end]
        if 2 <= len(heads) <= 3 and _TOGETHER.search(text) and "牵头" not in text and not _MANY.search(text):
            out.extend(Relation(a, b, "partnerOf", n) for a, b in combinations(heads, 2))
    return out


def _compiler_seat(s: Sentence) -> list[Relation]:
    """编印：某某秘书处　地址：某市某区某街道, 编印：某某办公室（地址：某市某区）, 某某办公室编（某市）: the compiler
    of a masthead or a footer is at each place of the address after it."""
    if not s.ks or s.type(0) != "Organization":
        return []
    labelled = _COMPILER.fullmatch(s.issue.text, s.sentence.start, s.m(s.ks[0]).start)
    if not labelled and s.issue.text[s.sentence.start:s.m(s.ks[0]).start].strip():
        return []
    compiler = s.ks[0]
    place = next((i for i in range(1, len(s.ks)) if s.m(s.ks[i]).start >= s.m(compiler).end), None)
    if place is None or s.type(place) != "Region" \
            or not (_ADDRESS if labelled else _COMPILED_AT).fullmatch(s.between(compiler, s.ks[place])):
        return []
    return [s.relation(compiler, k, "locatedIn") for k in _place_and_within(s, place)]


#: Before the compiler's name: 编印：, 编印单位：, 主办：.
_COMPILER = re.compile(r"\s*(?:编印|编辑|主办|编印单位|编辑单位|主办单位)\s*[：:]\s*")
#: Between the compiler and its address: 　地址：, （地址：, （.
_ADDRESS = re.compile(r"\s*(?:[（(]\s*(?:地址\s*[：:])?|地址\s*[：:])\s*")
#: A masthead's compiler opening its line and its city in brackets: 某某办公室编（某市）.
_COMPILED_AT = re.compile(r"\s*(?:编印|编)\s*[（(]\s*(?:地址\s*[：:])?\s*")


def _listed_under_a_place(s: Sentence) -> list[Relation]:
    """福州市：A、B、C: a list of bodies headed by the place they are in."""
    if len(s.ks) < 2 or s.type(0) != "Region" or s.issue.text[s.sentence.start:s.m(s.ks[0]).start].strip(" ■●") \
            or not re.match(r"\s*[：:]", s.after(s.ks[0], 2)):
        return []
    first = next((i for i in range(1, len(s.ks)) if s.type(i) == "Organization"), None)
    if first is None or s.between(s.ks[0], s.ks[first]).strip() not in ("：", ":"):
        return []
    return [s.relation(org, s.ks[0], "locatedIn") for org in s.group_after(first, link=AND_LINK)]


#: A company's seat for an area (its 华中总部) and where it is: 某某华中 | 总部落户 | 武汉.
_REGIONAL_SEAT = re.compile(r"\s*(?:区域)?总部(?:正式|已|将)?(?:位于|落户|落地|设在|设于|迁至|选址)(?:在|于)?\s*$")


def located(s: Sentence) -> list[Relation]:
    """X 位于 / 落户 REGION; A、B 等机构均在 REGION; REGION 涌现出 A、B、C; 位于 REGION
    的 X; REGION 企业 X; X 是 REGION 首家入驻企业; 在 REGION，比如 A、B; a table's row (X  REGION)."""
    out: list[Relation] = []
    for i, a, b in s.neighbours():
        ta, tb, link = s.m(a).type, s.m(b).type, s.between(a, b)
        if ta == "Organization" and tb == "Region":
            last_place = s.ks[_chain_end(s, i + 1)]
            if (LOCATED_TRIGGER.match(link) and not _OWNED_THERE.match(s.after(last_place, 12))) \
                    or (ALL_THERE.match(link) and CLAUSE_END.match(s.after(last_place, 2))):  # (not A 位于某地的全资子公司 B: B's seat)
                out.extend(s.relation(org, place, "locatedIn") for org in s.group_before(i)
                           for place in _place_and_within(s, i + 1))
            elif not link.strip() and is_area(s.m(b).text) and i + 2 < len(s.ks) and s.type(i + 2) == "Region" \
                    and _REGIONAL_SEAT.match(s.between(b, s.ks[i + 2])):  # 某某软件华中 | 总部落户 | 武汉
                out.extend(s.relation(a, place, "locatedIn") for place in _place_and_within(s, i + 2))
            elif SETTLED_IN.match(link) and SETTLED_AFTER.match(s.after(b, 16)):
                out.append(s.relation(a, b, "locatedIn"))
            elif _TABLE_ROW.match(s.text) and re.fullmatch(r"\s+", link):
                out.extend(s.relation(a, place, "locatedIn") for place in _place_and_within(s, i + 1))
            elif SETTLED_INTO.match(link) and re.match(r"\s*的\s*(?:企业|单位|机构|项目)", s.after(b, 8)):
                out.extend(s.relation(org, b, "locatedIn") for org in s.group_before(i))  # A、B 等成为首批入驻某园的企业
            elif OPENED_IN.match(link):  # X 已于近日在 武汉市 江夏区 注册成立
                places = _place_and_within(s, i + 1)
                j = s.ks.index(places[-1]) + 1  # (X 在 REGION 注册成立 Y: Y is seated there, not X)
                sets_up_another = j < len(s.ks) and s.type(j) == "Organization" and SET_UP_THERE.match(s.between(places[-1], s.ks[j]))
                if OPENED_AFTER.match(s.after(places[-1], 16)) and not sets_up_another:
                    out.extend(s.relation(a, place, "locatedIn") for place in places)
        elif ta == "Region" and tb == "Organization":
            if CLUSTER_TRIGGER.search(link):
                out.extend(s.relation(org, a, "locatedIn") for org in s.group_after(i + 1))
            elif _OF_A_KIND.fullmatch(link) and SEAT_BEFORE.search(s.before(s.ks[_chain_start(s, i)], 8)):
                # 总部位于瑞典斯德哥尔摩的电池制造商 X: each place; 位于某园区的 A、B、C (companies, or a
                # list closed by 等): each of them
                listed = s.group_after(i + 1, link=AND_LINK)
                if not (all(LEGAL_FORMS.search(s.m(k).text) for k in listed)
                        or s.after(listed[-1], 2).lstrip().startswith("等")):
                    listed = [b]
                out.extend(s.relation(org, place, "locatedIn") for org in listed
                           for place in _place_and_within(s, _chain_start(s, i)))
            elif re.fullmatch(r"\s*(?:区域)?内的\s*", link):  # 某某经济开发区内的 A、B
                out.extend(s.relation(org, a, "locatedIn") for org in s.group_after(i + 1, link=AND_LINK))
            elif LOCAL_DESCRIPTOR.match(link):  # 某国本地巴士制造商 A 和 B (not the partner after 与)
                places = _place_and_within(s, _chain_start(s, i))
                out.extend(s.relation(org, place, "locatedIn") for org in s.group_after(i + 1, link=AND_LINK)
                           for place in places)
            elif link.strip() == "的" and (_LINK_BEFORE.search(s.before(s.ks[_chain_start(s, i)], 4)) or BEFORE_THE_SUBJECT.fullmatch(
                    s.issue.text, s.sentence.start, s.m(s.ks[_chain_start(s, i)]).start)):
                # 与新加坡的 X, 、安徽的 Y, (● )湖北宜昌的 X 与…: the place describes the body named after it
                out.extend(s.relation(b, place, "locatedIn") for place in _place_and_within(s, _chain_start(s, i)))
            elif not link.strip() and is_foreign_country(s.m(a).text):  # 芬兰 Kuusi Materials Oy, 日本某某株式会社
                out.append(s.relation(b, a, "locatedIn"))
            elif EXAMPLES_AFTER.match(link) and THERE_EXAMPLES.search(s.before(a, 4)):
                out.extend(s.relation(org, a, "locatedIn") for org in s.group_after(i + 1))
            elif SET_UP_THERE.match(link):
                first = _chain_start(s, i)
                if s.before(s.ks[first], 2).rstrip().endswith(("在", "于")):
                    out.extend(s.relation(b, place, "locatedIn") for place in _place_and_within(s, first))
    subject = sentence_subject(s)
    if subject is not None:  # X 由 某某 于 2016 年在 REGION 创立: where X was founded
        for i, k in enumerate(s.ks):
            if s.type(i) == "Region" and _FOUNDED_THERE.match(s.after(k, 6)) and s.before(k, 2).endswith(("在", "于")) \
                    and _BY_FOUNDER.fullmatch(s.issue.text[s.m(subject).end:s.m(s.ks[_chain_start(s, i)]).start]):
                out.extend(s.relation(subject, place, "locatedIn") for place in _place_and_within(s, _chain_start(s, i)))
                break
    if subject is not None:  # X 成立于 2012 年，总部位于 武汉市 洪山区
        for i, k in enumerate(s.ks):
            clause = _HEADQUARTERS.search(s.before(k, 20))
            if clause and clause.group().startswith("秘书处") and not _its_own_secretariat(s, subject, s.m(k).start - len(clause.group())):
                continue  # 双方将组建某某中心，中心秘书处设在 REGION: the new body's
            if clause and clause.group().startswith("注册地") and (set_up := _SETS_UP.search(
                    s.issue.text, s.m(subject).end, s.m(k).start - len(clause.group()))) \
                    and any(s.type(j) == "Organization" and set_up.end() <= s.m(s.ks[j]).start < s.m(k).start for j in range(i)):
                continue  # 某某集团组建全资子公司 X，注册地位于 REGION: the new company's
            if s.type(i) == "Region" and clause and not _names_between(s, s.m(k).start - len(clause.group()), i) \
                    and not _OF_A_KIND.match(s.after(s.ks[_chain_end(s, i)], 12)) \
                    and not _ANOTHER_SUBJECT.match(clause.group()):  # (与总部位于大阪的 X: X's seat)
                out.extend(s.relation(subject, place, "locatedIn") for place in _place_and_within(s, i))
                break
    return out + _listed_under_a_place(s) + _scene(s) + _signed_into_the_zone(s) + _compiler_seat(s)


def _signed_into_the_zone(s: Sentence) -> list[Relation]:
    """某某园区举行集中签约活动，A、B 和 C 签约落户: the bodies settle in the zone named before them."""
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization" or not SIGNS_TO_SETTLE.match(s.after(k, 24)):
            continue
        listed = s.group_before(i, link=AND_LINK)
        first = s.ks.index(listed[0])
        zone = next((j for j in range(first - 1, -1, -1) if s.type(j) == "Region"), None)
        if zone is not None and s.m(s.ks[zone]).text.endswith(ZONE_SUFFIXES) \
                and not any(s.type(j) == "Organization" for j in range(zone + 1, first)):
            return [s.relation(org, s.ks[zone], "locatedIn") for org in listed]
    return []


#: A sentence that opens with where it happens: 在 REGION，.
_SCENE_OPENS = re.compile(r"^\s*在\s*$")
#: Between the bodies the scene is about: A 与 B, A、B 和 C.
_SCENE_LINK = re.compile(r"^\s*(?:、|和|与|及|以及|同)\s*$")


def _scene(s: Sentence) -> list[Relation]:
    """在某园区，A 与 B 联合开发的…: the bodies that open the sentence after its place are there."""
    if len(s.ks) < 2 or s.type(0) != "Region" or not _SCENE_OPENS.match(s.issue.text[s.sentence.start:s.m(s.ks[0]).start]):
        return []
    places = _place_and_within(s, 0)
    first = len(places)
    if first >= len(s.ks) or s.type(first) != "Organization" \
            or not re.fullmatch(r"\s*[，,]\s*", s.between(places[-1], s.ks[first])):
        return []
    return [s.relation(org, places[-1], "locatedIn") for org in s.group_after(first, link=_SCENE_LINK)]


#: A row of a table written as text (a number, then columns apart by spaces): a company's column,
#: then its place's: 3  某某项目  某某有限公司    某某市某某区  12.
_TABLE_ROW = re.compile(r"^\s*\d{1,3}\s+\S")
#: After the founders, where: X 由 某某 于 2016 年在 REGION 创立.
_BY_FOUNDER = re.compile(r"\s*由[^，。；]{1,24}?(?:于\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?)?\s*在\s*")
_FOUNDED_THERE = re.compile(r"^\s*(?:创立|创办|创建|成立|注册成立|设立)")


#: 的, or 的 and what kind of company it is: 位于某地的(电池制造商) X.
#: Where a body is named in a list or beside a partner: …与 | 新加坡的 X.
_LINK_BEFORE = re.compile(r"(?:与|同|和|及|、|携手|联合|联手)\s*$")
_OF_A_KIND = re.compile(rf"\s*的\s*(?:[\u4e00-\u9fff]{{0,8}}?(?:{alternatives(COMPANY_DESCRIPTORS)}))?\s*")


#: 总部位于 (秘书处设在: where an association is; 注册地位于), written after the subject and a clause about it;
#: or a clause of its own that seats the subject: ……，2021 年落户 REGION; ……，已完成注册登记并入驻 REGION.
_HEADQUARTERS = re.compile(r"(?:总部|秘书处|注册地)(?:位于|设在|在|设于)\s*$"
                           r"|[，,][^，。；]{0,16}?(?:落户|入驻|扎根)(?:于|在)?\s*$")


_KIND_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,4}$")
#: After a place: a company its owner has there, which the place is said of (A 位于某地的全资子公司 B).
_OWNED_THERE = re.compile(rf"\s*的\s*(?:{alternatives(OWNED_COMPANY_WORDS)})")
#: A body set up or registered in the clauses before a registered seat, whose seat it is.
_SETS_UP = re.compile(rf"{SET_UP}|创办|创立|工商登记")


def _its_own_secretariat(s: Sentence, subject: int, at: int) -> bool:
    """秘书处 alone, or after the subject's kind (商会秘书处 of 某某商会), is the subject's."""
    kind = _KIND_BEFORE.search(s.issue.text, s.sentence.start, at)
    return kind is None or s.m(subject).text.endswith(kind.group())


#: A clause with a subject of its own, the body it goes on about: ……介绍，中心将落户 REGION.
_ANOTHER_SUBJECT = re.compile(r"^[，,]\s*(?:该|此|这一?)?(?:中心|项目|基地|实验室|平台|工厂|研究院|联盟)")


def _names_between(s: Sentence, offset: int, i: int) -> bool:
    """An organization named between ``offset`` and the mention at position i: the clause has a
    subject of its own."""
    return any(s.type(j) == "Organization" and s.m(s.ks[j]).end > offset for j in range(i))


def _chain_end(s: Sentence, i: int) -> int:
    """The last of the places written together that start at position i (日本 | 大阪)."""
    while i + 1 < len(s.ks) and s.type(i + 1) == "Region" and s.m(s.ks[i + 1]).start == s.m(s.ks[i]).end:
        i += 1
    return i


def _chain_start(s: Sentence, i: int) -> int:
    """The first of the places written together that end at position i (上海市 | 浦东新区)."""
    while i > 0 and s.type(i - 1) == "Region" and s.m(s.ks[i - 1]).end == s.m(s.ks[i]).start:
        i -= 1
    return i


def _place_and_within(s: Sentence, i: int) -> list[int]:
    """武汉市江夏区 written as two places: the organization is in both."""
    places = [s.ks[i]]
    while i + 1 < len(s.ks) and s.type(i + 1) == "Region" and s.m(s.ks[i + 1]).start == s.m(s.ks[i]).end:
        i += 1
        places.append(s.ks[i])
    return places


