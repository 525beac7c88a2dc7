"""The relation stage: stated relations between the mentions of one sentence.

Each rule reads the sentence text between mentions (the trigger words, kept in
:mod:`kg.lexicon`: 院长, 印发, 领投, 创办, 合作, 位于, 旗下 …) and returns
:class:`~kg.doc.Relation` objects tied to that sentence. Co-mentions (entities
named in one article without a stated relation) are listed apart by
:func:`co_mentions`, because they are weaker evidence.
"""
from __future__ import annotations

import re
from itertools import combinations

from .doc import EntityKey, Issue, Mention, Relation
from .lexicon import (
    AMOUNT,
    CLAUSE_BREAK,
    CLUSTER_TRIGGER,
    FOUND_TRIGGER,
    FUNDED_AFTER_NAME,
    INVEST_TRIGGER,
    ISSUE_TRIGGER,
    LIST_LINK,
    LOCATED_TRIGGER,
    PARTNER_LINK,
    PARTNER_WORDS,
    POST,
    ROUND,
    SUBSIDIARY_AFTER,
    SUBSIDIARY_NOUN,
    SUBSIDIARY_OF_HEAD,
    SUBSIDIARY_OF_TAIL,
)
from .vocab import CO_MENTION_TYPES


def extract_relations(issue: Issue) -> list[Relation]:
    """Every stated relation of an issue, each tied to its sentence."""
    by_sentence: dict[int, list[int]] = {}
    for k, m in enumerate(issue.mentions):
        by_sentence.setdefault(m.sentence, []).append(k)
    found: list[Relation] = []
    for n, members in by_sentence.items():
        members.sort(key=lambda k: (issue.mentions[k].start, -issue.mentions[k].end))
        sentence = _Sentence(issue, n, members)
        for rule in (_holds_position, _issued, _founded, _partners, _located, _subsidiary):
            found.extend(rule(sentence))
    found.extend(_investments(issue, by_sentence))
    found.extend(_located_by_name(issue))
    return _unique(found)


class _Sentence:
    """A sentence's top-level mentions in order, with the text between them."""

    def __init__(self, issue: Issue, n: int, members: list[int]):
        self.issue, self.n = issue, n
        self.sentence = issue.sentences[n]
        top, last_end = [], -1
        for k in members:  # nested mentions (北京 in 北京旷视…) are not links in a chain
            m = issue.mentions[k]
            if m.start >= last_end:
                top.append(k)
                last_end = m.end
        self.ks = top

    def m(self, k: int) -> Mention:
        return self.issue.mentions[k]

    def neighbours(self, first: str | None = None, second: str | None = None):
        """(position, mention, next mention) for each pair of adjacent top-level
        mentions, of the given types when given."""
        for i in range(len(self.ks) - 1):
            a, b = self.ks[i], self.ks[i + 1]
            if (first is None or self.m(a).type == first) and (second is None or self.m(b).type == second):
                yield i, a, b

    def between(self, a: int, b: int) -> str:
        return self.issue.text[self.m(a).end:self.m(b).start]

    def before(self, k: int, width: int = 30) -> str:
        start = max(self.sentence.start, self.m(k).start - width)
        return self.issue.text[start:self.m(k).start]

    def after(self, k: int, width: int = 30) -> str:
        end = min(self.sentence.end, self.m(k).end + width)
        return self.issue.text[self.m(k).end:end]

    def group_before(self, i: int, types=("Organization",)) -> list[int]:
        """The coordinated mentions ending at position i: A、B 和 C."""
        group = [self.ks[i]]
        j = i
        while j > 0 and self.m(self.ks[j - 1]).type in types \
                and LIST_LINK.match(self.between(self.ks[j - 1], self.ks[j])):
            j -= 1
            group.insert(0, self.ks[j])
        return group

    def group_after(self, i: int, types=("Organization",)) -> list[int]:
        group = [self.ks[i]]
        j = i
        while j + 1 < len(self.ks) and self.m(self.ks[j + 1]).type in types \
                and LIST_LINK.match(self.between(self.ks[j], self.ks[j + 1])):
            j += 1
            group.append(self.ks[j])
        return group


def _rel(s: _Sentence, head: int, tail: int, type_: str, **attributes) -> Relation:
    return Relation(head, tail, type_, s.n, {k: v for k, v in attributes.items() if v not in (None, "")})


def _holds_position(s: _Sentence) -> list[Relation]:
    """中国信息通信研究院院长余晓晖; 北京市科委、中关村管委会党组书记、主任许强;
    北京证券交易所副总经理、全国股转公司副总经理王丽."""
    out = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Person" or i == 0 or s.m(s.ks[i - 1]).type != "Organization":
            continue
        post = s.between(s.ks[i - 1], k)
        if not POST.match(post):
            continue
        out.append(_rel(s, k, s.ks[i - 1], "holdsPosition", title=post.strip()))
        j = i - 1
        while j > 0 and s.m(s.ks[j - 1]).type == "Organization":
            link = s.between(s.ks[j - 1], s.ks[j])
            own_post = re.sub(r"\s*[、，]\s*$", "", link)
            if re.fullmatch(r"\s*[、和及]\s*", link):        # A、B 书记: the same post
                out.append(_rel(s, k, s.ks[j - 1], "holdsPosition", title=post.strip()))
            elif own_post != link and POST.match(own_post):  # A 副总经理、B 副总经理
                out.append(_rel(s, k, s.ks[j - 1], "holdsPosition", title=own_post.strip()))
            else:
                break
            j -= 1
    return out


def _issued(s: _Sentence) -> list[Relation]:
    out = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Policy" or i == 0:
            continue
        for j in range(i - 1, -1, -1):
            kj = s.ks[j]
            gap = s.between(kj, k)
            if CLAUSE_BREAK.search(gap) or len(gap) > 24:
                break
            if s.m(kj).type == "Organization" and ISSUE_TRIGGER.search(gap.rstrip("《“ ")):
                for head in s.group_before(j):
                    out.append(_rel(s, head, k, "issued"))
                break
    return out


def _founded(s: _Sentence) -> list[Relation]:
    out = []
    for i, k in enumerate(s.ks):
        if s.m(k).type != "Organization" or i == 0:
            continue
        j = i - 1
        gap = s.between(s.ks[j], k)
        if not FOUND_TRIGGER.search(gap) or len(gap) > 16 or CLAUSE_BREAK.search(gap) or "，" in gap:
            continue
        if s.m(s.ks[j]).type in ("Organization", "Person"):
            for head in s.group_before(j, ("Organization", "Person")):
                out.append(_rel(s, head, k, "founded"))
    return out


def _partners(s: _Sentence) -> list[Relation]:
    """A 与 B、C 签署合作协议; A 联合 B、C 共建; A 携手 B."""
    out = []
    for i, a, b in s.neighbours("Organization", "Organization"):
        link = s.between(a, b)
        if not PARTNER_LINK.match(link):
            continue
        group = s.group_after(i + 1)
        tail_text = s.issue.text[s.m(group[-1]).end:s.sentence.end]
        clause = CLAUSE_BREAK.split(tail_text, 1)[0]
        if link.strip()[-2:] in ("携手", "联合", "联手") or PARTNER_WORDS.search(clause[:40]):
            for other in group:
                out.append(_rel(s, a, other, "partnerOf"))
    return out


def _located(s: _Sentence) -> list[Relation]:
    """X 位于 / 落户 REGION; REGION 涌现出 A、B、C 等企业."""
    out = []
    for i, a, b in s.neighbours():
        if s.m(a).type == "Organization" and s.m(b).type == "Region" and LOCATED_TRIGGER.match(s.between(a, b)):
            for org in s.group_before(i):
                out.append(_rel(s, org, b, "locatedIn"))
        if s.m(a).type == "Region" and s.m(b).type == "Organization" and CLUSTER_TRIGGER.search(s.between(a, b)):
            for org in s.group_after(i + 1):
                out.append(_rel(s, org, a, "locatedIn"))
    return out


def _subsidiary(s: _Sentence) -> list[Relation]:
    out = []
    for i, a, b in s.neighbours("Organization", "Organization"):
        link = s.between(a, b)
        if SUBSIDIARY_OF_HEAD.match(link):          # A 旗下 B → B subsidiaryOf A
            for sub in s.group_after(i + 1):
                out.append(_rel(s, sub, a, "subsidiaryOf"))
        elif SUBSIDIARY_OF_TAIL.match(link) or (SUBSIDIARY_NOUN.match(link) and SUBSIDIARY_AFTER.match(s.after(b, 12))):        # B 隶属于 A
            out.append(_rel(s, a, b, "subsidiaryOf"))
    return out


def _investments(issue: Issue, by_sentence: dict[int, list[int]]) -> list[Relation]:
    """Investors of a round, and the company funded: the headline or an earlier
    sentence of the article often names the company, later ones the investors."""
    out = []
    funded: dict[int, tuple[int, str | None]] = {}  # sentence -> (company funded, round)
    for n, sentence in enumerate(issue.sentences):
        for k in sorted(by_sentence.get(n, []), key=lambda k: issue.mentions[k].start):
            m = issue.mentions[k]
            if m.type == "Organization" and FUNDED_AFTER_NAME.match(issue.text, m.end) \
                    and not issue.text[m.end:m.end + 2].startswith("的"):
                r = ROUND.search(issue.text, m.end, sentence.end)
                funded[n] = (k, r.group(0) if r else None)
                break

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
        if not INVEST_TRIGGER.search(text):
            continue
        ks = [k for k in sorted(by_sentence.get(n, []), key=lambda k: issue.mentions[k].start)
              if issue.mentions[k].type == "Organization"]
        investee, funded_round = latest_funded(n)
        round_ = (r.group(0) if (r := ROUND.search(text)) else None) or funded_round
        amount = a.group(0).strip() if (a := AMOUNT.search(text)) else None
        for t in INVEST_TRIGGER.finditer(text):
            at = sentence.start + t.start()
            clause_start = max(sentence.start + max(text.rfind(c, 0, t.start()) for c in "，。；：") + 1,
                               sentence.start)
            investors = [k for k in ks if clause_start <= issue.mentions[k].start
                         and issue.mentions[k].end <= at and k != investee]
            target = investee
            after = [k for k in ks if issue.mentions[k].start >= sentence.start + t.end()]
            if after and re.fullmatch(r"了?", issue.text[sentence.start + t.end():issue.mentions[after[0]].start]):
                target = after[0]  # 联想之星曾领投图灵量子天使轮
            if target is None:
                continue
            lead = t.group(1) == "领投"
            for k in investors:
                if k != target:
                    out.append(Relation(k, target, "investedIn", n,
                                        {k2: v for k2, v in (("round", round_), ("amount", amount),
                                                             ("lead", lead)) if v not in (None, "")}))
    return out


def _located_by_name(issue: Issue) -> list[Relation]:
    """北京旷视科技有限公司 → 北京: a region nested in an organization's own name."""
    out = []
    orgs = [(k, m) for k, m in enumerate(issue.mentions) if m.type == "Organization"]
    regions = [(k, m) for k, m in enumerate(issue.mentions) if m.type == "Region"]
    for k, org in orgs:
        for r, region in regions:
            if org.start <= region.start and region.end <= org.end and (region.start, region.end) != (org.start, org.end):
                out.append(Relation(k, r, "locatedIn", org.sentence, {"fromName": True}))
    return out


def _unique(relations: list[Relation]) -> list[Relation]:
    seen, out = set(), []
    for r in relations:
        key = (r.head, r.tail, r.type)
        if r.head != r.tail and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def co_mentions(issue: Issue) -> list[tuple[EntityKey, EntityKey]]:
    """Entity pairs, as (type, key) pairs, named in one article of the issue with no
    stated relation between them, in the order first met. How many articles name
    both is not kept: the graph's mentions give it."""
    stated = set()
    for r in issue.relations:
        a, b = issue.mentions[r.head], issue.mentions[r.tail]
        stated.add(frozenset({(a.type, a.key), (b.type, b.key)}))
    pairs: dict[tuple, None] = {}
    for a_index in range(len(issue.articles)):
        keys = sorted({(m.type, m.key) for m in issue.mentions
                       if issue.sentences[m.sentence].article == a_index and m.type in CO_MENTION_TYPES})
        for pair in combinations(keys, 2):
            if frozenset(pair) not in stated:
                pairs.setdefault(pair)
    return list(pairs)
