"""Posts: who holds which post at which body, as a sentence says.

ORG POST PERSON (岚湖信息研究院院长汀晓晖) and chains of them, PERSON（ORG POST）,
PERSON 任 ORG POST, a profile's first line (PERSON，ORG POST。), ORG POST 由 PERSON 担任,
and the reporters of a byline. A founder's post makes a ``founded`` too.
"""
from __future__ import annotations

import re

from ..doc import Relation
from ..lexicon import (
    APPOINTING,
    BYLINE_ROLE,
    CLAUSE_BREAK,
    CLAUSE_END,
    FOUNDER_DESCRIPTION,
    FOUNDER_ONLY,
    FOUNDER_POST,
    LATIN_POST,
    POST,
    SAYING,
    SET_UP,
    TAKING_A_POST,
    alternatives,
)
from ..regions import gazetteer
from .sentence import Sentence, sentence_before, sentence_subject

#: A bracketed aside between an organization and a post: X（原Y）董事长, X（以下简称Z）院长.
_ASIDE = re.compile(r"^\s*[（(][^（）()]{1,30}[）)]")
#: Between two people holding the same post: 副主任A、B.
_SAME_POST = re.compile(r"^\s*[、和及]\s*$")
_ORG_POST_LINK = re.compile(r"\s*[、，]\s*$")
#: Between two people of one body, each with a post: 厅长A、副厅长B.
_NEXT_POST = re.compile(r"^\s*[、，和及]\s*([^，。；：（）()]{1,16})$")


def positions(s: Sentence) -> list[Relation]:
    """ORG POST PERSON (岚湖信息研究院院长汀晓晖), chains of them (A 副总经理、B 副总经理
    王丽; 岚州市科委、岚湖管委会党组书记、主任许岚), the people listed after one post,
    and PERSON（ORG POST）. A founder's post makes a ``founded`` too."""
    in_turn = _posts_in_turn(s)
    out: list[Relation] = _posts_filled_by(s) + _posts_named_after(s) + in_turn
    taken_in_turn = {r.head for r in in_turn}  # (their post is at the body before, not the sentence's subject)
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Person":
            continue
        # 行知机器人创始人宁远舟为协会副会长: the post before the name and the one taken after it
        taken = _post_taken(s, i) or ([] if k in taken_in_turn else _post_at_subject(s, i))
        held = (_post_before(s, i) or _post_after_the_name(s, i) or _post_at_a_government(s, i) or _post_in_brackets(s, i)
                or _post_in_profile(s, i) or _post_opening_a_clause(s, i) or _members_post_opening_a_clause(s, i)
                or _post_of_a_founder(s, i)) + taken + _post_also_taken(s, i) + _members_post_listed_before(s, i)
        for j in _listed_before(s, i):  # 增补 A 公司总经理张三、B 公司总经理李四为副会长: both take it
            out.extend(s.relation(s.ks[j], org, "holdsPosition", title=title) for org, title in taken)
        for org, title in held:
            if not FOUNDER_ONLY.fullmatch(title):  # 创始人 alone says who founded it, not a post held
                out.append(s.relation(k, org, "holdsPosition", title=title))
            if FOUNDER_POST.search(title):
                out.append(s.relation(k, org, "founded"))
        if held:  # 副主任A、B: the people listed after one post hold it too; 厅长A、副厅长B: their own post
            j = i
            while j + 1 < len(s.ks) and s.type(j + 1) == "Person":
                link = s.between(s.ks[j], s.ks[j + 1])
                next_post = _NEXT_POST.match(link)
                if _SAME_POST.match(link):
                    out.extend(s.relation(s.ks[j + 1], org, "holdsPosition", title=title) for org, title in held)
                elif next_post and POST.match(next_post.group(1)) and len(held) == 1 \
                        and _post_fits(next_post.group(1), s.m(held[0][0]).text):
                    out.append(s.relation(s.ks[j + 1], held[0][0], "holdsPosition", title=next_post.group(1).strip()))
                else:
                    break
                j += 1
    return out


def _listed_before(s: Sentence, i: int) -> list[int]:
    """The people listed before the i-th mention, each perhaps with a body and a post of their own
    (A 公司总经理张三、B 公司总经理李四): positions in the sentence's mentions."""
    out: list[int] = []
    j = i
    while j > 0:
        q = j - 1
        if s.type(q) == "Organization" and POST.fullmatch(s.between(s.ks[q], s.ks[j])):
            q -= 1  # (the body before the next person's post)
        if q < 0 or s.type(q) != "Person" or not re.fullmatch(r"\s*、\s*", s.between(s.ks[q], s.ks[q + 1])):
            break
        out.append(q)
        j = q
    return out


#: A person taking a post with no body named: 任总经理, 担任副总裁.
_TAKES_BARE_POST = re.compile(r"^\s*(?:任|担任|出任|当选)\s*([^，。；：、（）()]{1,10}?)(?=$|[，。；])")
#: A person taking a post at a body: 任 ORG.
_TAKES_AT = re.compile(r"^\s*(?:同志)?\s*(?:现)?(?:任|担任|出任|兼任|当选)\s*$")


def _posts_in_turn(s: Sentence) -> list[Relation]:
    """陈某任某某公司董事长，陈某某任总经理: the next clause's post is at the body the one before named (also
    when the second person is introduced with a post of their own: ，某某科技副总裁陈某某任总经理)."""
    out: list[Relation] = []
    for i in range(len(s.ks) - 2):
        first, body = s.ks[i], s.ks[i + 1]
        if (s.type(i), s.type(i + 1)) != ("Person", "Organization") or not _TAKES_AT.match(s.between(first, body)):
            continue
        nxt = i + 2
        if s.type(nxt) == "Organization" and nxt + 1 < len(s.ks) and POST.fullmatch(s.between(s.ks[nxt], s.ks[nxt + 1])):
            nxt += 1  # (某某科技副总裁 | 陈某某)
        second, opening = s.ks[nxt], s.ks[i + 2]
        if s.type(nxt) == "Person" and re.fullmatch(r"[^，。；]{1,10}[，,]\s*", s.between(body, opening)) \
                and (taken := _TAKES_BARE_POST.match(s.after(second, 14))) and POST.fullmatch(taken.group(1)) \
                and (nxt + 1 >= len(s.ks) or s.m(s.ks[nxt + 1]).start > s.m(second).end + taken.end()):
            out.append(s.relation(second, _named_in_full(s, body), "holdsPosition", title=taken.group(1).strip()))
    return out


def _named_in_full(s: Sentence, k: int) -> int:
    """The mention a body named again by its kind stands for (兼任合资公司董事长: the company named before)."""
    refers_to = s.m(k).refers_to
    if refers_to is None:
        return k
    return next((n for n, m in enumerate(s.issue.mentions) if (m.start, m.end) == refers_to and m.type == s.m(k).type), k)


#: ORG POST (将)由 …: the post is filled by the person named before 担任.
_FILLED_BY = re.compile(r"^([^，。；（）()由]{1,14}?)\s*(?:一职)?\s*(?:将|拟|仍|均)?\s*由")
_FILLS = re.compile(r"^\s*(?:[（(][^（）()，。]{1,40}[）)])?\s*(?:同志|教授|研究员|博士|院士|先生|女士)?\s*(?:担任|出任|兼任|接任)")
#: After the person who fills a post, the next post of the body and who fills it: 担任，德方副主任为.
_NEXT_FILLED = re.compile(r"^\s*[^，。；]{0,12}?[，,]\s*([^，。；（）()]{1,10}?)\s*为\s*$")


def _posts_filled_by(s: Sentence) -> list[Relation]:
    """某某实验室主任由某某大学教授张三担任: the person holds the post of the body named first."""
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        filled = _FILLED_BY.match(s.after(k, 16)) if s.type(i) == "Organization" else None
        if filled is None or not POST.match(filled.group(1)):
            continue
        person = next((j for j in range(i + 1, len(s.ks)) if s.type(j) == "Person"), None)
        if person is not None and _FILLS.match(s.after(s.ks[person], 48)) \
                and not CLAUSE_BREAK.search(s.between(k, s.ks[person])):
            out.append(s.relation(s.ks[person], k, "holdsPosition", title=filled.group(1).strip()))
            for j in range(person + 1, len(s.ks)):  # …担任，外方主任为 B: the next post of the same body
                if s.type(j) == "Organization":
                    break
                also = _NEXT_FILLED.match(s.between(s.ks[j - 1], s.ks[j])) if s.type(j) == "Person" else None
                if also and POST.match(also.group(1)):
                    out.append(s.relation(s.ks[j], k, "holdsPosition", title=also.group(1).strip()))
    subject = sentence_subject(s, after_a_date=True)
    for i, k in enumerate(s.ks):  # 某某集团总部位于…，董事长由(某某资本合伙人)张三担任: a clause of the subject's
        if subject is None or s.type(i) != "Person" or not _FILLS.match(s.after(k, 48)):
            continue
        before = s.issue.text[s.m(subject).end:s.m(k).start]
        clause = re.search(r"[，,]\s*([^，。；（）()由]{1,14}?)\s*由(?=[^，。；由]*$)", before)
        by_at = s.m(subject).end + clause.end() if clause else 0  # (a body named before 由 holds it: 分院院长由)
        opens = s.m(subject).end + clause.start() if clause else 0
        if not clause or not POST.match(clause.group(1)) \
                or any(s.type(j) == "Organization" and opens <= s.m(s.ks[j]).start < by_at for j in range(i)):
            continue
        set_up = [s.ks[j] for j in range(i) if s.type(j) == "Organization" and s.ks[j] != subject
                  and s.m(s.ks[j]).start < opens and _SET_UP_BEFORE.search(s.before(s.ks[j], 12))]
        if set_up:  # 设立全资子公司某某，总经理由…: the post of the body the sentence sets up
            out.append(s.relation(k, set_up[-1], "holdsPosition", title=clause.group(1).strip()))
            continue
        appointed = [s.ks[j] for j in range(i) if s.type(j) == "Organization" and s.m(s.ks[j]).end <= opens
                     and s.m(s.ks[j]).start > s.m(subject).end and _TAKES_A_POST_AT.search(s.before(s.ks[j], 4))
                     and LATIN_POST.match(s.after(s.ks[j], 8))]  # 某甲出任某公司董事长，总经理由某乙担任: that company's
        out.append(s.relation(k, appointed[-1] if appointed else subject, "holdsPosition", title=clause.group(1).strip()))
    for i, k in enumerate(s.ks):  # …共同组建某某研究院，院长由张三担任: the post names the kind of the body named last
        clause = _FILLED_AFTER_A_CLAUSE.search(s.issue.text, s.sentence.start, s.m(k).start) \
            if s.type(i) == "Person" and _FILLS.match(s.after(k, 48)) else None
        named = [j for j in range(i) if s.type(j) == "Organization" and s.m(s.ks[j]).end <= clause.start()] if clause else []
        if clause and named and _post_fits(clause.group(1), s.m(s.ks[named[-1]]).text) \
                and (subject is None or s.ks[named[-1]] != subject):
            out.append(s.relation(k, s.ks[named[-1]], "holdsPosition", title=clause.group(1).strip()))
    return out


#: A verb of taking a post right before the body: 出任 | 某公司董事长.
_TAKES_A_POST_AT = re.compile(rf"(?:{TAKING_A_POST}|任)\s*$")


#: ，负责人为 | 张三。: a clause that names who holds one of the subject's posts.
_POST_IS = re.compile(r"[，,]\s*([^，。；（）()由为是]{1,10}?)\s*(?:为|是)\s*$")


def _posts_named_after(s: Sentence) -> list[Relation]:
    """X 由 A 与 B 共建，负责人为张三: the person holds that post at the sentence's subject."""
    subject = sentence_subject(s, after_a_date=True)
    if subject is None:
        return []
    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        clause = _POST_IS.search(s.before(k, 16)) if s.type(i) == "Person" else None
        if clause is None or not POST.match(clause.group(1)) or not CLAUSE_END.match(s.after(k, 2)):
            continue
        start = s.m(k).start - len(s.before(k, 16)) + clause.start()
        inside = [s.ks[j] for j in range(i) if s.type(j) in ("Organization", "Person") and s.m(s.ks[j]).end > start]
        post = clause.group(1).strip()
        if not inside:
            out.append(s.relation(k, subject, "holdsPosition", title=post))
        elif len(inside) == 1 and s.m(inside[0]).refers_to is not None and post.startswith(s.m(inside[0]).text) \
                and POST.match(post[len(s.m(inside[0]).text):]):
            # ，分公司负责人为张三: the body named again by its kind
            out.append(s.relation(k, inside[0], "holdsPosition", title=post[len(s.m(inside[0]).text):]))
    return out


#: Before a body the sentence sets up: a post filled after it is that body's (设立某某成都分公司，…，负责人由;
#: 设立全资子公司某某，总经理由).
_SET_UP_BEFORE = re.compile(r"(?:设立|成立|组建|新设|注册)(?:了|的)?(?:全资|控股)?(?:子公司|分公司)?\s*$")


#: ，院长由…: a clause that gives a post of a kind of body (院长, 所长, 站长) before 由.
_FILLED_AFTER_A_CLAUSE = re.compile(r"[，,]\s*((?:首任|首届)?(?:常务)?副?[院所站]长)\s*由[^，。；由]*$")


#: 某某半导体由 | 董事长 | 张三 | 于 2019 年创办: a founder named with a post at what was founded.
_BY_POST = re.compile(r"由\s*([^，。；由]{1,10})\s*$")
_FOUNDED_IT = re.compile(r"^\s*(?:于[^，。；]{1,12}?)?(?:创办|创立|创建|创设|发起成立|成立)")


def _post_of_a_founder(s: Sentence, i: int) -> list[tuple[int, str]]:
    """某某半导体由董事长张三于 2019 年创办: the post is at the body the sentence starts with."""
    by = _BY_POST.search(s.before(s.ks[i], 14))
    subject = sentence_subject(s, after_a_date=True)
    if by is None or subject is None or not POST.fullmatch(by.group(1)) or FOUNDER_DESCRIPTION.match(by.group(1)) \
            or not _FOUNDED_IT.match(s.after(s.ks[i], 16)) \
            or any(s.type(j) == "Organization" and s.ks[j] != subject for j in range(i)):
        return []
    return [(subject, by.group(1).strip())]


def _post_in_profile(s: Sentence, i: int) -> list[tuple[int, str]]:
    """A profile's first line, PERSON，ORG POST。: 张三，某某有限公司创始人、董事长。"""
    if i + 1 >= len(s.ks) or s.type(i + 1) != "Organization" or s.issue.text[s.sentence.start:s.m(s.ks[i]).start].strip() \
            or not _PROFILE_LINK.fullmatch(s.between(s.ks[i], s.ks[i + 1])):
        return []
    org = s.ks[i + 1]
    post = re.split(r"[，,。；;！？]", s.issue.text[s.m(org).end:s.sentence.end], maxsplit=1)[0].strip()
    return [(org, post.strip())] if POST.match(post) and not _NOT_A_POST.match(post) else []


#: Between a profile's person and the body of the post: 张三，某某公司董事长; 张三是某某大学教授.
_PROFILE_LINK = re.compile(r"\s*(?:[，,：:]|是|系|现为|现任)\s*")
#: A "post" that starts with a preposition belongs to a clause: 行知机器人由机器人专家宁远舟创立.
_NOT_A_POST = re.compile(r"\s*(?:由|被|与|和|对|向|从|在|把|将|给|为)")


#: Kinds of body whose head's post is named after them: 厅长, 院长, 站长 ….
_HEADED_KINDS = "厅局院部处司所科站"


def _post_fits(post: str, org: str) -> bool:
    """院长 is a post of a 院, 局长 of a 局: a post named after a kind of body fits that kind only (or the
    body's unit named in it: 数据要素处处长 at a 局)."""
    kind = re.search(rf"([{_HEADED_KINDS}])长$", post.strip())
    return kind is None or kind.group(1) in org or (kind.group(1) in "处科" and post.strip().endswith(kind.group(1) * 2 + "长"))


def _post_before(s: Sentence, i: int) -> list[tuple[int, str]]:
    """(organization, post) pairs written before the person at position i."""
    if i == 0 or s.type(i - 1) != "Organization":
        return []
    k, org = s.ks[i], s.ks[i - 1]
    post = _ASIDE.sub("", s.between(org, k), count=1)
    if post.endswith("的") and _HOLDING.search(s.before(org, 4)):
        post = post[:-1]  # 身兼某某董事长的张三
    if re.match(r"\s*[）)]", post) and i >= 2 and s.type(i - 2) == "Organization" and \
            re.fullmatch(r"\s*[（(]\s*(?:原|即|前身为|简称)?\s*", s.between(s.ks[i - 2], org)):
        org, post = s.ks[i - 2], re.sub(r"^\s*[）)]", "", post)  # X（原Y）董事长: the post is X's
    if not POST.match(post) or _NOT_A_POST.match(post) or "由" in post:  # 某某生物由研究员…创办: a clause
        return []
    held = [(org, post.strip())]
    j = i - 1
    while j > 0 and s.type(j - 1) == "Organization":
        link = s.between(s.ks[j - 1], s.ks[j])
        own_post = _ORG_POST_LINK.sub("", link)
        if _TAKEN_BY_ANOTHER.search(s.before(s.ks[j - 1], 4)):
            break  # 由张三任实验室主任，某某公司董事长李四…: that post is 张三's
        if re.fullmatch(r"\s*[、和及]\s*", link):  # A、B 书记: the same post
            held.append((s.ks[j - 1], post.strip()))
        elif own_post != link and POST.match(own_post):  # A 副总经理、B 副总经理
            held.append((s.ks[j - 1], own_post.strip()))
        else:
            break
        j -= 1
    return held


#: Before a body and the post at it that the person named after holds: 身兼 | 某某 | 董事长的张三.
_HOLDING = re.compile(r"(?:身兼|兼任|现任|担任|出任)\s*$")
#: Between the person of a relative clause and the body it describes: 由张三院士担任首席科学家的 | 某某生物.
_POST_OF_WHAT_FOLLOWS = re.compile(r"^\s*(?:同志|院士|教授|副?研究员|博士)?\s*(?:担任|出任|兼任)\s*([^，。；：、（）()的]{1,10})的\s*$")
#: Before a body whose post someone named earlier takes: 张三任 | 实验室 | 主任, 选举张三为 | 某协会 | 会长.
_TAKEN_BY_ANOTHER = re.compile(r"(?:兼任|担任|出任|任|当选|为)\s*$")
#: Between a person and the body of a post taken: 陆建成任…管委会常务副主任, 任命李明为…, 张三同志任….
_TAKES = re.compile(r"^\s*(?:同志|院士|教授|副?研究员|博士)?\s*(?:不再(?:担任|兼任)[^，。；]{1,20}?[，,]\s*)?"  # (不再担任…，调任)
                    r"(?:已|将|拟|正式|同时|曾|曾经|此前|先后|共同|分别|现|继续|仍)?"
                    r"(?:担任|出任|兼任|升任|改任|调任|留任|不再担任|不再兼任|任|为|当选为?|(?:受|获|被)聘(?:为|担任|出任)?)"
                    r"(?:集团|公司)?(?:旗下|所属|下属)?\s*$")  # (任集团旗下 ORG POST: the body named after)
#: PERSON 曾在 ORG 任 POST, PERSON 加入 ORG 任 POST: a post held at the body named between.
_HELD_AT = re.compile(r"^\s*(?:(?:曾|曾经|此前|先后|现)?在|(?:正式)?(?:加入|加盟))\s*$")
_HELD_AFTER = re.compile(r"^\s*(?:任|担任)\s*([^，。；：、（）()]{1,10}?)(?=$|[，。；：、])")
_POST_TAKEN = re.compile(r"^([^，。；：、（）()]{1,14}?)(?=$|[，。；：、]|的|一职|职务)")
#: Several posts taken at once: 总经理、党委副书记.
_POSTS_TAKEN = re.compile(r"^([^，。；：（）()]{1,24}?)(?=$|[，。；：]|的|一职|职务)")
#: Before a body whose post the person appointed leaves: 免去其…职务, 不再担任…职务.
_LEAVES = re.compile(r"(?:免去其?|不再担任|不再兼任)\s*$")


def _post_taken(s: Sentence, i: int) -> list[tuple[int, str]]:
    """PERSON 任 ORG POST: appointments (陆建成任某管委会常务副主任), and the posts the same
    clause says the person leaves (，免去其 ORG POST 职务: a post held, as the guidelines count it)."""
    last = i  # 聘任张三、李四为 ORG POST: the people listed take the post together
    while last + 1 < len(s.ks) and s.type(last + 1) == "Person" \
            and re.fullmatch(r"\s*[、和及]\s*", s.between(s.ks[last], s.ks[last + 1])):
        last += 1
    i = last
    if i + 1 < len(s.ks) and s.type(i + 1) == "Organization" and _HELD_AT.match(s.between(s.ks[i], s.ks[i + 1])):
        held_at = _HELD_AFTER.match(s.after(s.ks[i + 1], 14))  # 曾在某某大学任骨科教授
        return [(s.ks[i + 1], held_at.group(1).strip())] if held_at and POST.match(held_at.group(1)) else []
    if i + 1 < len(s.ks) and s.type(i + 1) == "Organization" \
            and (relative := _POST_OF_WHAT_FOLLOWS.match(s.between(s.ks[i], s.ks[i + 1]))) and POST.match(relative.group(1)):
        return [(s.ks[i + 1], relative.group(1).strip())]
    if i + 1 >= len(s.ks) or s.type(i + 1) != "Organization" or not _TAKES.match(s.between(s.ks[i], s.ks[i + 1])):
        return []
    taken = _title_after(s, i + 1)
    if not taken:
        return []
    held = [(s.ks[i + 1], taken)]
    for j in range(i + 2, len(s.ks)):
        if s.type(j) == "Person":
            break
        if s.type(j) == "Organization" and (_LEAVES.search(s.between(s.ks[j - 1], s.ks[j]))
                                            or _MOVES_ON.search(s.between(s.ks[j - 1], s.ks[j]))):
            left = _title_after(s, j)
            if left:
                held.append((s.ks[j], left))
    return held


#: The person's next post in the clause after: …不再担任某联盟秘书长，调任 | 某某中心 | 主任.
_MOVES_ON = re.compile(r"[，,]\s*(?:随后|后|并)?(?:调任|改任|转任|升任|出任)\s*$")


#: Between a person given one post and the body of a second one: 为集团副总经理，兼任 | 某某公司董事长.
_ALSO_TAKES = re.compile(r"\s*(?:为|任|担任|出任)[^，。；]{1,30}?[，,]\s*(?:并|同时)?\s*兼任\s*")


def _post_also_taken(s: Sentence, i: int) -> list[tuple[int, str]]:
    """聘任张三为集团副总经理，兼任某某公司董事长: the second post, at the body the next clause names."""
    for j in range(i + 1, len(s.ks)):
        if s.type(j) == "Person":
            break
        if s.type(j) == "Organization" and _ALSO_TAKES.fullmatch(s.issue.text, s.m(s.ks[i]).end, s.m(s.ks[j]).start):
            title = _title_after(s, j)
            return [(s.ks[j], title)] if title else []
    return []


def _title_after(s: Sentence, j: int) -> str | None:
    """The post written right after the body at position j (up to the next name): 总经理、党委副书记."""
    k = s.ks[j]
    room = (s.m(s.ks[j + 1]).start if j + 1 < len(s.ks) else s.sentence.end) - s.m(k).end
    after = s.after(k, max(0, min(28, room)))
    post = _POSTS_TAKEN.match(after)
    if not post or not POST.match(post.group(1)):
        post = _POST_TAKEN.match(after)
    return post.group(1).strip() if post and POST.match(post.group(1)) else None


#: Before a person given a post by the body the sentence is about: 选举张三为董事长, 聘任李四为总经理.
_ELECTED = re.compile(rf"(?:{alternatives(APPOINTING)})\s*原?\s*$")  # 聘任原(某某公司董事)张三为…
_AS_POST = re.compile(r"^\s*为\s*([^，。；：、（）()]{1,10}?)(?=$|[，。；：、])")
#: Appointments in turn: 选举 A 为某协会会长，| B 为副会长: the verb is the first clause's.
_ELECTED_BEFORE = re.compile(rf"(?:{alternatives(APPOINTING)})[^。；！？]{{2,40}}?为[^，。；！？]{{1,24}}[，、]\s*$")
#: After a person who takes a post, no body named: 加盟并出任合伙人, 晋升为执行董事, (研究员)兼任站长, 任副院长,
#: 继续担任总经理, 现任公司首席执行官 (公司: the body the sentence is about), 当选会长, 增补为副理事长.
_TAKES_POST = re.compile(r"^\s*(?:同志|教授|副?研究员|博士|院士|先生|女士)?"
                         r"(?:[^，。；、]{0,4}?并)?(?:继续|仍|现)?(?:出任|担任|兼任|晋升为|升任|获聘为?|当选为?|(?:增补|增选|补选)为|任(?![命职务期]))"
                         r"\s*(?:公司|集团)?([^，。；：、（）()]{1,10}?)(?=$|[，。；：、])")


def _post_at_subject(s: Sentence, i: int) -> list[tuple[int, str]]:
    """某某公司召开董事会，选举张三为董事长; 某某创投宣布，张三加盟并出任合伙人: the post is at the
    body the sentence starts with."""
    after = s.after(s.ks[i], 16)
    # 选举(某某公司董事长)张三为理事长: the person may be named with a post of their own
    introduced = i > 0 and s.type(i - 1) == "Organization" and POST.fullmatch(s.between(s.ks[i - 1], s.ks[i]))
    first = s.ks[i - 1] if introduced else s.ks[i]
    elected = _ELECTED.search(s.before(s.ks[i], 6)) or (introduced and _ELECTED.search(s.before(s.ks[i - 1], 6))) \
        or _ELECTED_BEFORE.search(s.issue.text, s.sentence.start, s.m(first).start)
    post = (_AS_POST.match(after) if elected else None) or _TAKES_POST.match(after)  # (聘任 A 为…，B 继续担任…)
    if not post or not POST.match(post.group(1)) or (i + 1 < len(s.ks) and s.m(s.ks[i + 1]).start
                                                      < s.m(s.ks[i]).end + post.end()):
        return []
    opening = s.m(s.ks[i - 1] if introduced else s.ks[i]).start
    by = _BY_IN_CLAUSE.search(s.issue.text, s.sentence.start, opening) or _BY_BEFORE.search(s.issue.text, s.sentence.start, opening)
    if by is not None and not elected:  # …组建某某研究院，由(某大学教授)张三担任院长、李四担任副院长
        founders = [f.span(1) for f in _FOUNDERS.finditer(s.issue.text, s.sentence.start, by.start())]
        named = [k for j, k in enumerate(s.ks[:i]) if s.type(j) == "Organization" and s.m(k).end <= by.start()
                 and not any(a <= s.m(k).start < b for a, b in founders)]  # (X 由 A 与 B 共同设立，由…出任董事长: X's)
        return [(named[-1], post.group(1).strip())] if named else []  # the body named last before 由
    subject = sentence_subject(s, after_a_date=True)
    title = post.group(1).strip()
    if _MEMBERS_POST.fullmatch(title) and (subject is None or not s.m(subject).text.endswith(_MEMBERS_BODIES)):
        # 甲公司董事长张三当选会长: a post members elect is the association's in view, not a company's
        association = _association_in_view(s, opening)
        if association is not None:
            return [(association, title)]
        if "会长" in title:
            return []  # (no association in view: no post; a 理事长 may be a board's, 某研究院理事会)
    if subject is None or (introduced and subject == s.ks[i - 1]) \
            or (_SETS_UP_ANOTHER.search(s.issue.text, s.m(subject).end, opening)
                and not s.issue.text.startswith("由", s.m(subject).end)):  # (X 由 A 与 B 成立: X is the new body)
        return []  # (A 与 B 成立某某学院，…某某任院长: the post is the new body's)
    return [(subject, title)]


#: Posts an association's members elect, and the bodies whose posts they are.
_MEMBERS_POST = re.compile(r"(?:首任|首届)?(?:常务|执行|名誉)?副?(?:会长|理事长|秘书长|监事长)(?:兼(?:副?秘书长|监事长))?")
_MEMBERS_BODIES = ("会", "联盟")  # 协会, 商会, 学会, 促进会; an alliance


def _association_in_view(s: Sentence, before: int) -> int | None:
    """The association named last before ``before`` in the sentence, or else in the sentence before
    it in the same article (某某商会在赣州成立。…当选会长)."""
    named = _associations(s, before)
    if not named and (previous := sentence_before(s)) is not None:
        named = _associations(previous, previous.sentence.end)
    return named[-1] if named else None


def _associations(s: Sentence, before: int) -> list[int]:
    return [k for j, k in enumerate(s.ks) if s.type(j) == "Organization" and s.m(k).end <= before
            and s.m(k).text.endswith(_MEMBERS_BODIES)]


#: The subject sets up another body before the person is named: A 与 B 成立某某学院，….
_SETS_UP_ANOTHER = re.compile(rf"(?:{SET_UP}|共建)(?!于)")


#: The bodies that set up another, after 由 in an earlier clause (该公司由 A 与 B 共同发起设立): not the body a post is at.
_FOUNDERS = re.compile(rf"由([^由，。；！？]*?)(?:共同|联合)?(?:出资|发起)?(?:{SET_UP})")


#: The 由 of the clause a person takes a post in: 由 A 担任院长、B 担任副院长; or of the clause
#: before, when this one goes on with another person: 由 A 任实验室主任，B 任副主任.
_BY_IN_CLAUSE = re.compile(r"由[^由，。；！？]*$")
_BY_BEFORE = re.compile(r"由[^由，。；！？]*(?:担任|兼任|任)[^由，。；！？]*[，,][^由，。；！？]*$")


#: The posts of a place's government, written after the place alone: 某某市副市长, 某某区常务副区长 (never a post
#: at a company a sentence is about).
_GOVERNMENT_POST = re.compile(r"^\s*(?:常务)?副?[省市区县州]长\s*$")


def _post_at_a_government(s: Sentence, i: int) -> list[tuple[int, str]]:
    """某某市副市长张三: the post is at the place's 人民政府, when the issue names that body."""
    if i == 0 or s.type(i - 1) != "Region":
        return []
    place, k = s.m(s.ks[i - 1]), s.ks[i]
    post = s.between(s.ks[i - 1], k)
    if not _GOVERNMENT_POST.match(post):
        return []
    division = gazetteer().lookup(place.text)
    full = division.name if division is not None else place.text  # 德州副市长: 德州市人民政府
    names = {place.text + "人民政府", place.text + "政府", full + "人民政府", full + "政府"}
    governments = [n for n, m in enumerate(s.issue.mentions) if m.type == "Organization" and m.text in names]
    if not governments:
        return []
    nearest = min(governments, key=lambda n: abs(s.issue.mentions[n].start - s.m(k).start))
    return [(nearest, post.strip())]


#: A post named after a kind of body alone: 站长, 副院长, 常务副所长.
_KIND_POST = re.compile(rf"(?:常务|执行)?副?[{_HEADED_KINDS}]长")


def _post_opening_a_clause(s: Sentence, i: int) -> list[tuple[int, str]]:
    """某某医疗总部位于…，创始人兼 CEO 张三曾…: a clause opened by a post and its holder is about
    the body the sentence starts with (or, where the post is named after a kind of body the subject is not,
    the body of that kind named last: 站长 of the 某某站), after a date, perhaps with its short name declared (no other
    body named before, but where it happens: 某某协会理事会在 X 召开，会长张三…). Not 由 and a post (…，由学校某处处长张三兼任执行董事): the post held
    there is the one taken after the name."""
    subject = sentence_subject(s, after_a_date=True)
    opening = re.search(r"[，,]\s*([^，。；（）()]{1,12}?)\s*$", s.before(s.ks[i], 16))
    at = s.ks.index(subject) if subject is not None else -1
    if subject is not None and opening is not None and _KIND_POST.fullmatch(opening.group(1).strip()) \
            and not _post_fits(post := opening.group(1).strip(), s.m(subject).text):  # X 将 Y 站列为…，站长张三
        fitting = [s.ks[j] for j in range(i) if s.type(j) == "Organization" and s.m(s.ks[j]).text.endswith(post[-2])]
        return [(fitting[-1], post)] if fitting else []  # (the body of the post's kind named last)
    post = opening.group(1) if opening is not None else ""
    if post.startswith("由") and _IN_CHARGE.match(s.after(s.ks[i], 4)):
        post = post[1:]  # …，由副院长张三分管: a post of the subject's, who is put in charge
    if subject is None or opening is None or not POST.fullmatch(post) or post.startswith("由") \
            or (_GOVERNMENT_POST.match(post) and "政府" not in s.m(subject).text) \
            or any(s.type(j) == "Organization" and j != at and s.short_name_of.get(j) != at and not _names_again(s, j, subject)
                   and not s.before(s.ks[j], 2).endswith("在") for j in range(i)) \
            or (i > 0 and s.type(i - 1) == "Region" and s.m(s.ks[i - 1]).start >= s.m(s.ks[i]).start - len(opening.group(0))):
        return []  # (…，某某市副市长张三: a place's post)
    return [(subject, post.strip())]


def _members_post_opening_a_clause(s: Sentence, i: int) -> list[tuple[int, str]]:
    """会长张三作工作报告，…; …，秘书长李四带队: a post an association's members elect, opening a clause with
    no body named in it, is the association's in view (in the sentence or the one before)."""
    return _members_post_before(s, i)


def _members_post_listed_before(s: Sentence, i: int) -> list[tuple[int, str]]:
    """常务副会长、某某公司董事长王五: such a post listed before a body and the post held there (a second post)."""
    listed = i > 0 and s.type(i - 1) == "Organization" and POST.fullmatch(s.between(s.ks[i - 1], s.ks[i]))
    return _members_post_before(s, i - 1) if listed and s.before(s.ks[i - 1], 1) == "、" else []


def _members_post_before(s: Sentence, first: int) -> list[tuple[int, str]]:
    """The association in view and the members' post that opens the clause up to the ``first``-th mention."""
    opening = _CLAUSE_OPENING.search(s.issue.text[s.sentence.start:s.m(s.ks[first]).start])
    at = s.sentence.start + opening.start(1) if opening is not None else 0
    if opening is None or not _MEMBERS_POST.fullmatch(opening.group(1)) or (first > 0 and s.m(s.ks[first - 1]).end > at):
        return []
    association = _association_in_view(s, at)
    return [(association, opening.group(1))] if association is not None else []


#: The words of a clause up to a person, or up to a body and its post listed after (after a mark or at the sentence's start).
_CLAUSE_OPENING = re.compile(r"(?:^|[，,；;。])\s*([^，,；;。、（）()\s]{1,8})\s*、?\s*$")


def _names_again(s: Sentence, j: int, k: int) -> bool:
    """Whether the j-th mention names the mention k again (某某光电董事会聘任…为公司总经理: 公司)."""
    return s.m(s.ks[j]).refers_to == (s.m(k).start, s.m(k).end)


#: What one is put in charge of with 由: 由副院长张三分管.
_IN_CHARGE = re.compile(r"\s*(?:分管|负责|牵头|领衔|主抓|挂帅|统筹)")


def _post_after_the_name(s: Sentence, i: int) -> list[tuple[int, str]]:
    """ORG PERSON POST: 岚州市数据局汀一帆局长介绍 (the post after the name, as one addresses an official)."""
    if i == 0 or s.type(i - 1) != "Organization" or s.between(s.ks[i - 1], s.ks[i]).strip():
        return []
    post = _POST_AFTER_NAME.match(s.after(s.ks[i], 12))
    if post is None or not POST.fullmatch(post.group(1)) or not _post_fits(post.group(1), s.m(s.ks[i - 1]).text):
        return []
    return [(s.ks[i - 1], post.group(1))]


#: A post right after a person's name, then what the person does: 局长介绍, 院长表示.
_POST_AFTER_NAME = re.compile(r"((?:常务)?副?[\u4e00-\u9fff]{0,4}?(?:局长|厅长|主任|院长|所长|处长|书记|董事长|总经理|校长|会长|理事长|秘书长))"
                              rf"(?={SAYING}|透露|称|主持|出席|致辞|随后|带队|率|一行|陪同|[，、])")


def _post_in_brackets(s: Sentence, i: int) -> list[tuple[int, str]]:
    """PERSON（ORG POST）: 李明（某研究院院长）; and each of a list of them: 黄某（协会副会长、某某公司董事长）."""
    if i + 1 >= len(s.ks) or s.type(i + 1) != "Organization" or not re.fullmatch(r"\s*[（(]\s*", s.between(s.ks[i], s.ks[i + 1])):
        return []
    held: list[tuple[int, str]] = []
    for j in range(i + 1, len(s.ks)):
        if held and s.m(s.ks[j]).end <= s.m(held[-1][0]).end:
            continue  # (a place inside the body's name)
        post = _POST_IN_BRACKETS.match(s.after(s.ks[j], 24)) if s.type(j) == "Organization" else None
        if not post or not POST.match(post.group(1)) or (held and not s.between(held[-1][0], s.ks[j]).rstrip().endswith("、")):
            break  # (the list goes on only body after body, each with its post)
        held.append((s.ks[j], post.group(1).strip()))
        if post.group(2) != "、":
            break
    return held


#: A post in brackets after a person's body, up to the bracket's end or the next body of the list.
_POST_IN_BRACKETS = re.compile(r"([^（）()，。、]{1,20})([）)、])")


def bylines(s: Sentence) -> list[Relation]:
    """科技日报（记者吴纯新 通讯员刘梦雅）; 新华社记者 任超摄: the people are reporters of
    the newspaper or agency named before them."""
    def role_before(j: int, opening: bool) -> re.Match | None:
        gap = s.between(s.ks[j - 1], s.ks[j])
        return re.fullmatch(r"\s*" + (r"[（(]?\s*" if opening else "") + r"(" + BYLINE_ROLE.pattern + r")", gap)

    out: list[Relation] = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Person" or i == 0:
            continue
        j = i
        while j > 0 and s.type(j - 1) == "Person" and role_before(j, opening=False):
            j -= 1  # back over the other people of the byline
        if j == 0 or s.type(j - 1) != "Organization" or not role_before(j, opening=True):
            continue
        own = role_before(i, opening=i == j)
        if own:
            out.append(s.relation(k, s.ks[j - 1], "holdsPosition", title=own.group(1).strip()))
    return out
