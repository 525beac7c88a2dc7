"""Investments: who invested in whom, in which round, for how much, and who led; and
stakes held (A 持有 X 5% 的股份) or taken in a round (以 1 亿元参与 X A 轮融资).

The headline or an earlier sentence of the article often names the company
funded (X 完成 B 轮融资), later sentences the investors (由 A 领投，B、C 跟投).
"""
from __future__ import annotations

import re

from ..doc import Issue, Relation
from ..lexicon import (
    AMOUNT,
    BEFORE_THE_SUBJECT,
    COUNT_WORDS,
    FUNDED,
    FUNDED_AFTER_NAME,
    FUNDED_CLAUSE,
    HOLDS_STAKE,
    INVEST_TRIGGER,
    INVESTORS_LISTED,
    JOINS_ROUND,
    OWNER_TO_OWNED,
    ROUND,
    ROUND_AFTER,
    STAKE,
)
from .sentence import Sentence, sentence_subject, without_places

#: Before 投资 as a noun: 创业投资, 股权投资, 天使投资 (a kind of investing, not a deal).
_KIND_OF_INVESTMENT = re.compile(r"(?:创业|股权|风险|天使|产业|早期|私募|跨境|战略)$")


#: Before 投资: a company it goes to (向 X 战略投资 1.8 亿元).
_TOWARDS_A_DEAL = re.compile(r"向[^，。；]{2,40}?(?:战略|股权)$")
#: Before 投资: the deal of the sentence (参与本轮战略投资, 对 X 进行战略投资), not a kind of investing.
_A_DEAL = re.compile(r"(?:(?:参与|参投)?本轮|进行|开展)(?:战略|股权)?$")


#: After 投资 as a noun: 投资环境, 投资贸易洽谈会, 投资协议 (what investing is about, not a deal).
_INVESTMENT_NOUN = re.compile(r"环境|推介|促进|贸易|洽谈|合作|协议|总额|规模|项目|机构|意向|需求|领域|方向|服务|政策|补贴|奖励")


def investments(issue: Issue, by_sentence: dict[int, list[int]]) -> list[Relation]:
    """Every investedIn relation of the issue, with round, amount and lead."""
    out = []
    funded: dict[int, tuple[int, str | None]] = {}  # sentence -> (company funded, round)
    # a sentence of several deals, one per clause: X 获…投资，投资方为 A；Y 完成 A 轮融资，B 领投；…
    funded_in_clause: dict[int, tuple[int, str | None]] = {}  # where a ；-clause starts -> (company, round)
    for n, sentence in enumerate(issue.sentences):
        ks = sorted(by_sentence.get(n, []), key=lambda k: issue.mentions[k].start)
        for k in ks:
            m = issue.mentions[k]
            if m.type == "Organization" and FUNDED_AFTER_NAME.match(issue.text, m.end) \
                    and not issue.text[m.end:m.end + 2].startswith("的"):
                if n not in funded:
                    r = ROUND.search(issue.text, m.end, sentence.end)
                    funded[n] = (k, r.group(0) if r else None)
                opened = issue.text.rfind("；", sentence.start, m.start) + 1
                if opened > 0 and not issue.text[opened:m.start].strip():  # the company opens its clause
                    r = ROUND.search(issue.text, m.end, _deal_end(issue.text, m.end, sentence.end))
                    funded_in_clause[opened] = (k, r.group(0) if r else None)
        # 青禾储能创办于……，去年 11 月获得 A 轮融资: the sentence's subject was funded
        clause = FUNDED_CLAUSE.search(sentence.text) if n not in funded else None
        first = ks[0] if ks else None
        if clause and first is not None and issue.mentions[first].type == "Organization" \
                and issue.mentions[first].start == sentence.start:
            r = ROUND.search(sentence.text, clause.start())
            funded[n] = (first, r.group(0) if r else None)

    def latest_funded(n: int) -> tuple[int, str | None] | tuple[None, None]:
        """The company funded in this sentence, else the nearest before it in the article."""
        article = issue.sentences[n].article
        for back in range(n, -1, -1):
            if issue.sentences[back].article != article:
                break
            if back in funded:
                return funded[back]
        return None, None

    for n, sentence in enumerate(issue.sentences):
        text = sentence.text
        if not INVEST_TRIGGER.search(text) and not INVESTORS_LISTED.search(text):
            continue
        ks = [k for k in sorted(by_sentence.get(n, []), key=lambda k: issue.mentions[k].start)
              if issue.mentions[k].type == "Organization"]
        investee, funded_round = latest_funded(n)
        round_ = (r.group(0) if (r := ROUND.search(text)) else None) or funded_round
        amount = a.group(0).strip() if (a := AMOUNT.search(text)) else None
        listed = INVESTORS_LISTED.search(text)
        if listed and investee is not None:  # 参与本轮投资的机构还包括：A，B，C 等
            listing = sentence.start + listed.end()
            opened = issue.text.rfind("；", sentence.start, listing) + 1
            listed_to, listed_round = funded_in_clause.get(opened, (investee, round_))
            ends = _deal_end(issue.text, listing, sentence.end)  # (…，投资方为 A；Y 完成…: A's clause only)
            for n_k, k in enumerate(ks):
                owner = n_k + 1 < len(ks) and OWNER_TO_OWNED.fullmatch(  # A 旗下的 B: B invests
                    issue.text, issue.mentions[k].end, issue.mentions[ks[n_k + 1]].start)
                if listing <= issue.mentions[k].start < ends and k != listed_to and not owner:
                    out.append(Relation(k, listed_to, "investedIn", n, {"round": listed_round} if listed_round else {}))
            if "；" not in issue.text[ends:sentence.end] and not issue.text.startswith("；", ends):
                continue
            listed_clause = (max(opened, sentence.start), ends)
        else:
            listed_clause = (0, 0)
        named_target = None  # A 领投 X A 轮融资，B、C 跟投: the followers join the round named first
        first = ks[0] if ks else None  # the body the sentence starts with (after a date or 近日)
        subject = first if first is not None and BEFORE_THE_SUBJECT.fullmatch(
            issue.text, sentence.start, issue.mentions[first].start) else None
        names = [issue.mentions[k] for k in by_sentence.get(n, [])]
        for t in INVEST_TRIGGER.finditer(text):
            at = sentence.start + t.start()
            if listed_clause[0] <= at < listed_clause[1]:
                continue  # its investors were listed
            names_its_target = any(m.start == sentence.start + t.end() for m in names)  # 以 1 亿元战略投资 X
            if any(m.start <= at < m.end for m in names) or (t.group(1) == "投资" and not names_its_target and (
                    (_KIND_OF_INVESTMENT.search(text, max(0, t.start() - 2), t.start())
                     and not _A_DEAL.search(text, max(0, t.start() - 8), t.start())  # (参与本轮战略投资: a deal, not a kind)
                     and not _TOWARDS_A_DEAL.search(text, max(0, t.start() - 48), t.start()))
                    or _INVESTMENT_NOUN.match(text, t.end()))):
                continue  # 《天使投资…办法》, 某某投资集团, 创业投资: a name or a kind of investing, no deal
            clause_start = max(sentence.start + max(text.rfind(c, 0, t.start()) for c in "，。；：") + 1,
                               sentence.start)
            investors = [k for k in ks if clause_start <= issue.mentions[k].start
                         and issue.mentions[k].end <= at and k != investee]
            # 向 A、B 分别投资: A and B are funded; the sentence's subject invests
            towards = _TOWARDS.search(issue.text, clause_start, at)
            funded_here = [k for k in investors if towards and issue.mentions[k].start >= towards.end()]
            investors = [k for k in investors if k not in funded_here]
            # 由 A 旗下的 B 领投: B invests (but A does where its fund is not named: A 旗下基金领投)
            investors = [k for n, k in enumerate(investors) if n + 1 == len(investors) or not OWNER_TO_OWNED.fullmatch(
                issue.text, issue.mentions[k].end, issue.mentions[investors[n + 1]].start)]
            target = investee
            opens = issue.text.rfind("；", sentence.start, at) + 1
            own = funded_in_clause.get(opens)
            if own is not None:  # …；Y 完成 A 轮融资，B 领投: the deal of this clause
                target, deal_funded_round = own
            elif opens > 0 and FUNDED.search(issue.text, opens, at):
                continue  # …；某某完成天使轮融资，B 领投: a deal of a company not recognized, not the sentence's
            after = [k for k in ks if issue.mentions[k].start >= sentence.start + t.end()]
            named_in_turn: list[int] = []
            # (A 投资了 X, A 参与投资的 X: X, named right after)
            if after and (re.fullmatch(r"了?|的", issue.text[sentence.start + t.end():issue.mentions[after[0]].start])
                          or (_DESCRIBED.fullmatch(issue.text, sentence.start + t.end(), issue.mentions[after[0]].start)
                              and ROUND_AFTER.match(issue.text[issue.mentions[after[0]].end:sentence.end]))):
                target = named_target = after[0]  # 联想之星曾领投图灵量子天使轮
                named_in_turn = _listed_after(issue, after)  # 先后投资了 A、B 和 C: each of them
            elif target is None:
                target = named_target
            targets = funded_here or (named_in_turn if len(named_in_turn) > 1 else [target] if target is not None else [])
            if len(funded_here) == 1 and named_target is None:
                named_target = funded_here[0]  # A 对 X 追加投资…，B 跟投: B joins A's deal in X
            opens_with_the_deal = funded_here or _NO_INVESTOR.fullmatch(issue.text, clause_start, at)
            if not investors and subject is not None and clause_start > issue.mentions[subject].end \
                    and opens_with_the_deal:
                investors = [subject]  # 某某基金完成三笔投资：领投 X A 轮融资: the subject leads
            if not targets and t.group(1) in _MORE_OF and subject is not None and investors and subject not in investors:
                targets = [subject]  # X 二期启动建设，A 追加投资 1500 万元: more money into the sentence's subject
            if not targets:
                continue
            # the round and amount of this clause's deal (…；向 A、B 分别投资…，均为天使轮), else the sentence's
            deal = issue.text[clause_start:_deal_end(issue.text, sentence.start + t.end(), sentence.end)]
            deal_round = (r.group(0) if (r := ROUND.search(deal)) else None) or (deal_funded_round if own else round_)
            deal_amount = None if "分别" in deal else (a.group(0).strip() if (a := AMOUNT.search(deal)) else
                                                        None if own else amount)
            lead = t.group(1) == "领投"
            for target in targets:
                for k in investors:
                    if k != target:
                        out.append(Relation(k, target, "investedIn", n,
                                            {k2: v for k2, v in (("round", deal_round), ("amount", deal_amount),
                                                                 ("lead", lead)) if v not in (None, "")}))
    return out


def _listed_after(issue: Issue, after: list[int]) -> list[int]:
    """The companies listed from the first of ``after`` on (A、B 和 C), up to anything else."""
    listed = after[:1]
    for k in after[1:]:
        m = issue.mentions[k]
        if m.type != "Organization" or issue.mentions[listed[-1]].type != "Organization" \
                or issue.text[issue.mentions[listed[-1]].end:m.start].strip() not in ("、", "和", "及", "以及", "与"):
            break
        listed.append(k)
    return listed


#: Between a role and the company whose round it is, what kind of company it is:
#: 领投某地初创企业 X A 轮融资, 跟投本地科技公司 X.
_DESCRIBED = re.compile(r"了?[^，。；：、]{0,12}?(?:初创企业|初创公司|创业公司|企业|公司)\s*")
#: Roles that put more money into what the investor funded before, named earlier in the sentence.
_MORE_OF = ("追加投资", "追投", "加码")
#: A clause that opens with its deal, no investor named: ：领投 X…, ，并领投 X….
_NO_INVESTOR = re.compile(r"\s*(?:并|还|又|再|同时|也|已|将|此外)?\s*")
#: Before the companies a clause funds: 向 A、B 分别投资, 对 X 追加投资.
_TOWARDS = re.compile(r"(?:向|对)(?=[^，。；：]*$)")


def _deal_end(text: str, start: int, end: int) -> int:
    """Where a deal's clause ends: the next 。 or ；, else the sentence's end."""
    return min((p for p in (text.find("；", start, end), text.find("。", start, end)) if p >= 0), default=end)


def stakes(s: Sentence) -> list[Relation]:
    """A、B 分别持有 X 4.6%和3.2%的股份: holders invested in X; X……，以 1 亿元参与 Y A 轮融资:
    the sentence's subject invested in Y."""
    out: list[Relation] = []
    subject = sentence_subject(s)
    held = None  # the company the last stake was held in: …；C、D 分别持股 5.1% 和 3.8% (in it too)
    for i, k in enumerate(s.ks):
        if s.type(i) == "Organization" and held is not None and held != k and _HOLDS_TOO.match(s.after(k, 12)):
            out.extend(s.relation(holder, held, "investedIn") for holder in s.group_before(i) if holder != held)
        if s.type(i) != "Organization" or i == 0:
            continue
        before = s.between(s.ks[i - 1], k)
        if s.type(i - 1) == "Organization" and HOLDS_STAKE.search(before) and len(before) <= 8 \
                and STAKE.match(s.after(k, 8)):
            holders = s.group_before(i - 1)
            out.extend(s.relation(holder, k, "investedIn") for holder in holders)
            if _CONTROLS.match(s.after(k, 24)) and len(holders) == 1:  # …，为控股股东: k is the holder's
                out.append(s.relation(k, holders[0], "subsidiaryOf"))
            held = k
        elif subject is not None and subject != k and JOINS_ROUND.search(s.before(k, 4)) \
                and (stated := ROUND_AFTER.match(s.after(k, 16))):
            round_ = ROUND.search(stated.group())
            out.append(s.relation(subject, k, "investedIn", round=round_.group(0) if round_ else None))
    return out


#: A stake each of the bodies before it holds in a body named earlier: 分别持有 55%、45% 股权,
#: (，三方)分别持有 50%、30%、20% 的份额.
_SHARES_EACH = re.compile(r"(?P<sides>[，,]\s*(?:[二两三四五六七八九]|双|各)方)?\s*分别(?:持有|持股)\s*其?\s*"
                          r"(?P<shares>[\d.]+\s*[%％](?:\s*[、和及与]\s*[\d.]+\s*[%％])+)\s*的?\s*(?:股权|股份|出资份额|份额)?")
#: Before the holders: 由 (X，由 A 与 B 分别持有…), or a clause's start after a company just set up.
_HELD_BY = re.compile(r"由\s*$")
#: Before a company: it is set up here (…共同出资设立 | X, 在某地组建 | X).
_SET_UP_HERE = re.compile(r"(?:设立|成立|组建|新设)(?:了|的)?\s*$")


#: The same stake for each of the bodies that set a fund or company up: 四家发起方分别持有 25% 份额.
_ALIKE_SHARES = re.compile(r"(?P<count>[两二三四五六七八九])\s*[家方个]\s*(?:发起方|出资方|股东|发起人|合伙人)?\s*"
                           r"(?:各|分别)(?:持有|持股|出资|认缴)?\s*[\d.]+\s*[%％]")


def alike_shares(s: Sentence) -> list[Relation]:
    """由 A、B、C、D 共同发起设立的 X（简称 x）…，四家发起方分别持有 25% 份额: each of the N bodies
    that set X up invested in it (only when the sentence names exactly N of them)."""
    out: list[Relation] = []
    for m in _ALIKE_SHARES.finditer(s.text):
        last = s.position(s.sentence.start + m.start()) - 1
        if last < 0 or s.type(last) != "Organization":
            continue
        made = s.short_name_of.get(last, last)
        builders = _set_up_by(s, made)
        if builders and len({s.m(b).key for b in builders}) == COUNT_WORDS[m.group("count")]:
            out.extend(s.relation(b, s.ks[made], "investedIn") for b in builders)
    return out


def shares_each(s: Sentence) -> list[Relation]:
    """Each holder of a share invested in the body held, one share per holder:
    X，由 A 与 B 分别持有 55%、45% 股权; X 在某地设立，由 A、B、C 共同发起，三方分别持有…的份额;
    A 与 B 共同出资设立 X，双方分别持有其 60% 和 40% 股权; …组建 X，A、B 分别持股 51% 和 49%; X 注册资本 2 亿元，
    A、B 分别持股 70%、30% (X the sentence's subject)."""
    out: list[Relation] = []
    for m in _SHARES_EACH.finditer(s.text):
        at = s.sentence.start + m.start()
        last = s.position(at) - 1
        if last < 0 or s.type(last) != "Organization":
            continue
        shares = len(re.findall(r"[%％]", m.group("shares")))
        gap = s.issue.text[s.m(s.ks[last]).end:at]
        if m.group("sides") and _SET_UP_HERE.search(s.before(s.ks[last], 6)):
            made, builders = s.ks[last], _set_up_by(s, last)  # …设立 X，双方分别持有其…: X's builders hold it
            if len(builders) == shares:
                out.extend(s.relation(b, made, "investedIn") for b in builders)
            continue
        if gap.strip() and not (m.group("sides") and len(gap) <= 8 and not re.search(r"[，。；,]", gap)):
            continue  # (由 A、B、C 共同发起，三方分别持有: the sides are the bodies just named)
        holders = s.group_past_places(last, forward=False)
        j = s.ks.index(holders[0])
        before = s.issue.text[s.sentence.start:s.m(holders[0]).start]
        held = next((s.ks[i] for i in range(j - 1, -1, -1) if s.type(i) == "Organization"), None)
        after_a_clause = re.search(r"[，,]\s*$", before) is not None
        if len(holders) != shares or held is None or "。" in s.issue.text[s.m(held).end:s.m(holders[0]).start] \
                or not (_HELD_BY.search(before) or (after_a_clause and _SET_UP_HERE.search(s.before(held, 6)))
                        or (after_a_clause and held == sentence_subject(s, after_a_date=True))):
            continue
        out.extend(s.relation(holder, held, "investedIn") for holder in holders if s.m(holder).key != s.m(held).key)
    return out


#: After its holders, a stake in the body the sentence named before them: (分别)持有其 6.2%、4.8% 的股份.
_HOLDS_ITS = re.compile(r"^\s*(?:分别|合计|共)?(?:持有|持股)其\s*(?P<shares>[\d.]+\s*[%％](?:\s*[、和及与]\s*[\d.]+\s*[%％])*)")


def stakes_in_it(s: Sentence) -> list[Relation]:
    """X 系 A 参股企业，A 持有其 30% 股份; X……，早期投资方 A、B 分别持有其 6.2%、4.8% 的股份: each holder
    invested in the body named before them in the sentence (one share per holder)."""
    out: list[Relation] = []
    if "其" not in s.text:
        return out
    for i, k in enumerate(s.ks):
        its = _HOLDS_ITS.match(s.after(k, 40)) if s.type(i) == "Organization" else None
        if its is None:
            continue
        holders = s.group_past_places(i, forward=False)
        first = s.ks.index(holders[0])
        held = next((s.ks[j] for j in range(first - 1, -1, -1) if s.type(j) == "Organization"
                     and s.m(s.ks[j]).key not in {s.m(h).key for h in holders}), None)
        if held is not None and len(holders) == len(re.findall(r"[%％]", its.group("shares"))):
            out.extend(s.relation(h, held, "investedIn") for h in holders)
    return out


#: Between a body and who holds a stake in it: (其余) 49% 股权(仍)由 | A 持有.
_STAKE_HELD_BY = re.compile(r"^\s*(?:的)?\s*(?:其余|剩余|另外|其他)?\s*[\d.]+\s*[%％]\s*的?\s*(?:股权|股份)\s*(?:仍|则|继续|现)?\s*由\s*$")
_HELD = re.compile(r"^\s*(?:共同)?持有")
#: One side of a deal (德方, 中方, 外方): no holder named.
_A_SIDE = re.compile(r"[\u4e00-\u9fff]方")


def stakes_of_the_subject(s: Sentence) -> list[Relation]:
    """X 为某集团控股企业，该集团持股 60%，A 持股 40%: a holder opening a clause holds its stake in the
    sentence's subject; X 其余 49% 股权仍由 A 持有: A holds a stake in X."""
    out: list[Relation] = []
    if "持" not in s.text:
        return out
    subject = sentence_subject(s)
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization":
            continue
        if subject is not None and s.m(subject).refers_to is None and not _A_SIDE.fullmatch(s.m(k).text) \
                and s.before(k, 2).rstrip().endswith(("，", ",")) and _HOLDS_TOO.match(s.after(k, 12)) \
                and all(s.m(s.ks[j]).key != s.m(k).key or s.after(s.ks[j], 2).startswith("控股") for j in range(i)):
            # (a deal said before: 获得 A 投资，A 持股 20%; not its owner: 为 A 控股企业，A 持股 65%)
            out.append(s.relation(k, subject, "investedIn"))
        elif i > 0 and s.type(i - 1) == "Organization" and _STAKE_HELD_BY.match(s.between(s.ks[i - 1], k)) \
                and _HELD.match(s.after(k, 6)):
            out.append(s.relation(k, s.ks[i - 1], "investedIn"))
    return out


#: Between the bodies that set a company up and its name: (4 月 9 日签约，)共同出资设立.
_BUILT_BY = re.compile(r"[^，。；]{0,16}(?:[，,]\s*(?:共同|联合|合资|双方|并)[^，。；]{0,12})?")


def _set_up_by(s: Sentence, i: int) -> list[int]:
    """The bodies that set up the company at position i: A 与 B (共同出资)设立 | X, places and dates aside
    (A 与 B 4 月 9 日签约，共同出资设立 | X)."""
    verb = s.m(s.ks[i]).start
    builder = next((j for j in range(i - 1, -1, -1) if s.type(j) == "Organization"), None)
    if builder is None or not _BUILT_BY.fullmatch(s.issue.text[s.m(s.ks[builder]).end:verb]):
        return []
    return s.group_past_places(builder, forward=False)


#: Before the first of the bodies a subject puts money into: (分别)向 A、B 和 C 出资.
_TOWARDS_EACH = re.compile(r"(?:分别)?向\s*$")
_PUTS_IN = re.compile(r"^\s*(?:分别)?(?:出资|注资)")


def contributions(s: Sentence) -> list[Relation]:
    """某某基金…，分别向 A、德国 B 和 C 出资 3000 万元、…: the sentence's subject invested in each."""
    subject = sentence_subject(s)
    if subject is None or "向" not in s.text:
        return []
    for i, k in enumerate(s.ks):
        if s.type(i) == "Organization" and k != subject and _TOWARDS_EACH.search(s.before(k, 4)):
            funded = s.group_past_places(i)
            if _PUTS_IN.match(s.after(funded[-1], 6)):
                return [s.relation(subject, f, "investedIn") for f in funded if s.m(f).key != s.m(subject).key]
    return []


#: After the company a stake is held in: the holder controls it (38%股份，为控股股东).
_CONTROLS = re.compile(r"^\s*[\d.]+\s*[%％]\s*的?\s*(?:股份|股权)?\s*[，,]\s*(?:为|系|是|成为)其?(?:控股股东|第一大股东)")
#: After holders, a stake in the company named before: 分别持股 5.1% 和 3.8%, 分别持有 10%、6%股份.
_HOLDS_TOO = re.compile(r"^\s*(?:分别|合计|共|各)?(?:持有|持股)\s*[\d.]+\s*[%％]")
#: Between a buyer and what it buys: 拟以 9.6 亿元收购, 以 3.5 亿元认购, 以 6000 万元受让, 完成对.
_BUYS = re.compile(r"^\s*[）)]?\s*(?:[^，。；]{0,12}?(?:公告|宣布|披露)[^，。；]{0,12}?)?[，,]?\s*(?:拟|将|已|正式|同月|近日)?\s*"
                   r"(?:(?:以|出资)[^，。；]{1,16}?)?(?:收购|认购|并购|受让)\s*$")
_COMPLETES = re.compile(r"^\s*(?:[^，。；]{0,12}?(?:公告|宣布|披露)[，,]?)?\s*(?:拟|将|已|正式|近日)?\s*(?:以[^，。；]{1,16}?)?完成对\s*$")
#: After what is bought: the stake (65%股权, 100%股权, 全部股权) or, after 完成对 X, 的全资收购 (65%股权的交割).
_STAKE_BOUGHT = re.compile(r"^\s*(?:（[^（）]{0,30}）)?\s*(?:(?P<share>[\d.]+)\s*[%％]|(?P<whole>全部))?\s*的?\s*"
                           r"(?:股权|股份|新增注册资本)")
_BOUGHT_AFTER = re.compile(r"^\s*(?:（[^（）]{0,30}）)?\s*(?:(?P<share>[\d.]+)\s*[%％]\s*(?:股权|股份))?\s*的\s*"
                           r"(?:(?P<whole>全资)?(?:收购|并购|交割|过户)|(?P<funded>(?:[^，。；]{0,8}?轮|战略|股权)?\s*(?:投资|注资)))"
                           rf"|^\s*(?P<put_in>(?:{AMOUNT.pattern})?\s*(?:增资|注资))")


def acquisitions(s: Sentence) -> list[Relation]:
    """A 以 N 亿元收购 B 65% 股权, A 完成对 B 的全资收购, A 认购 B 4.9% 股权: A invested in B;
    a majority or the whole bought makes B A's subsidiary."""
    out: list[Relation] = []
    for i in range(1, len(s.ks)):
        j = s.past_places(i, -1)  # (收购韩国 | 某某株式会社: the country says where the bought one is)
        if s.type(i) != "Organization" or j is None or s.type(j) != "Organization":
            continue
        buyer, bought = s.ks[j], s.ks[i]
        link, after = without_places(s, buyer, bought), s.after(bought, 40)
        if _BUYS.match(link):
            stake = _STAKE_BOUGHT.match(after)
            if stake is None and "收购" not in link:
                continue  # 认购 says what: a stake or new capital
        elif _COMPLETES.match(link):
            stake = _BOUGHT_AFTER.match(after)
            if stake is None:
                continue
        else:
            continue
        out.append(s.relation(buyer, bought, "investedIn"))
        share = stake.group("share") if stake else None
        if stake is not None and (stake.groupdict().get("funded") or stake.groupdict().get("put_in")):
            continue  # 完成对 X 的天使轮投资, 完成对 X 1.5 亿元增资: a stake, not the company
        if stake is None or stake.group("whole") or (share and float(share) > 50):  # 收购 X: all of it
            out.append(s.relation(bought, buyer, "subsidiaryOf"))
    return out


#: After a fund: it raised money (完成 10 亿元首关, 完成二期募集).
_RAISED = re.compile(r"^\s*(?:近日|日前|已|正式)?完成[^，。；]{0,16}?(?:募集|首关|关账|募资|增资)")
#: After the last of a list: they committed capital to the fund (分别认缴 2 亿元, 等认缴出资).
_COMMITTED = re.compile(r"^\s*(?:等[^，。；]{0,8}?)?(?:分别|共同|合计)?(?:认缴|参与出资|出资)")
#: Between the last of a list and the fund it committed capital to: A、B 分别认缴 | 某某基金.
_COMMITTED_TO = re.compile(r"\s*(?:等[^，。；]{0,8}?)?(?:分别|共同|合计)?(?:认缴|出资认缴)\s*")
#: Between a company and its investor: 获得 X B 轮投资, 获 X 战略融资.
_RECEIVES = re.compile(r"^\s*(?:\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*(?:宣布|近日|日前|已|正式){0,2}(?:获得|获)\s*$")
#: (500 万欧元战略投资; （简称某某基金）5 亿元增资)
_ROUND_RECEIVED = re.compile(rf"^\s*(?:[（(][^（）()]{{1,20}}[）)])?\s*(?:{AMOUNT.pattern})?\s*"
                             r"(?P<round>[^，。；]{0,8}?轮|战略)?\s*(?:投资|融资|增资)")
#: Between a company and who invested in it early: 某某数据(的)早期投资方 X.
_INVESTOR_OF = re.compile(r"^\s*的?(?:早期|天使轮|老|现有)?(?:投资方|投资人)(?:为|是)?\s*$")


#: Between an investor and the fund or company it puts more in: A 近日向 | X | 追加认缴 10 亿元.
_TOWARDS_ONE = re.compile(r"\s*(?:近日|日前|已|已经|将|再次|同步|也|还|又)?\s*[向对]\s*"
                          r"(?:其(?:在[^，。；]{1,8}的)?(?:全资|控股)?子公司)?\s*")  # (向其在某地的全资子公司 X 增资)
_PUTS_MORE = re.compile(r"^\s*(?:追加|增加|新增)?(?:认缴|出资|增资|注资)|^\s*追加\s*[\d.]")
#: Another investor following suit in a later clause: …，B 同步追加 10 亿元.
_FOLLOWS_SUIT = re.compile(r"^\s*(?:同步|同时|也|亦|还|随后|一并)\s*(?:追加|增资|认缴)")


def commitments(s: Sentence) -> list[Relation]:
    """某某三期完成 10 亿元首关，A、B 和 C 分别认缴…: the fund's investors; 某某科技获得 X B 轮投资;
    某某数据早期投资方 X: X invested in the company."""
    out: list[Relation] = []
    fund = next((k for k in s.ks if s.m(k).type == "Organization" and _RAISED.match(s.after(k, 24))), None)
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization":
            continue
        if fund is not None and s.m(k).start > s.m(fund).end and _COMMITTED.match(s.after(k, 16)):
            out.extend(s.relation(lp, fund, "investedIn") for lp in s.group_before(i) if lp != fund)
        if i > 0 and s.type(i - 1) == "Organization" and _COMMITTED_TO.fullmatch(s.between(s.ks[i - 1], k)):
            out.extend(s.relation(lp, k, "investedIn") for lp in s.group_before(i - 1)  # A、B 分别认缴 X
                       if s.m(lp).key != s.m(k).key)
        if i > 0 and s.type(i - 1) == "Organization" and (received := _ROUND_RECEIVED.match(s.after(k, 24))) \
                and _RECEIVES.match(s.between(s.ks[i - 1], k)):
            round_ = ROUND.search(received.group()) if received.group("round") else None
            out.append(s.relation(k, s.ks[i - 1], "investedIn", round=round_.group(0) if round_ else (
                "战略融资" if received.group("round") == "战略" else None)))
        if i > 0 and s.type(i - 1) == "Organization" and _INVESTOR_OF.match(s.between(s.ks[i - 1], k)):
            out.extend(s.relation(investor, s.ks[i - 1], "investedIn") for investor in s.group_after(i))
    return out + _more_committed(s)


def _more_committed(s: Sentence) -> list[Relation]:
    """A 向 X 追加认缴 10 亿元，B 同步追加 10 亿元: A, then B, put money into X."""
    out: list[Relation] = []
    target = None
    for i, k in enumerate(s.ks):
        if s.type(i) != "Organization":
            continue
        if i > 0 and s.type(i - 1) == "Organization" and _TOWARDS_ONE.fullmatch(s.between(s.ks[i - 1], k)) \
                and _PUTS_MORE.match(s.after(k, 8)):
            out.append(s.relation(s.ks[i - 1], k, "investedIn"))
            target = k
        elif target is not None and s.m(k).key != s.m(target).key and _FOLLOWS_SUIT.match(s.after(k, 8)) \
                and re.search(r"[，,；;]\s*$", s.before(k, 2)):
            out.append(s.relation(k, target, "investedIn"))
    return out
