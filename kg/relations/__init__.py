"""The relation stage: stated relations between the mentions of an issue, each
tied to the sentence that states it.

The rules are a table (:data:`RULES`): each reads one kind of evidence. Sentence
rules (:mod:`.stated`, :mod:`.owners`, :mod:`.posts`) read the text between the mentions of one sentence, with
the trigger words of :mod:`kg.lexicon` (院长, 印发, 领投, 创办, 合作, 位于, 旗下 …);
issue rules read across sentences (investments, :mod:`.funding`) or off names
(:mod:`.names`: 北京岚视科技有限公司 is in 北京). Co-mentions (entities named in one
article with no stated relation) are listed apart by :func:`co_mentions`, because
they are weaker evidence.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations

from ..doc import EntityKey, Issue, Relation
from ..vocab import CO_MENTION_TYPES
from . import context, funding, names, owners, partners, posts, stated
from .sentence import Sentence


@dataclass(frozen=True)
class Rule:
    name: str
    relations: tuple[str, ...]
    #: "sentence" rules take a Sentence, "issue" rules the Issue and its mentions by sentence
    scope: str
    find: Callable


RULES: tuple[Rule, ...] = (
    Rule("positions", ("holdsPosition", "founded"), "sentence", posts.positions),
    Rule("bylines", ("holdsPosition",), "sentence", posts.bylines),
    Rule("issued", ("issued",), "sentence", stated.issued),
    Rule("founded", ("founded",), "sentence", stated.founded),
    Rule("jointly founded", ("founded",), "sentence", stated.jointly_founded),
    Rule("partners", ("partnerOf",), "sentence", partners.partners),
    Rule("located", ("locatedIn",), "sentence", stated.located),
    Rule("subsidiaries", ("subsidiaryOf", "founded"), "sentence", owners.subsidiaries),
    Rule("stakes", ("investedIn",), "sentence", funding.stakes),
    Rule("shares each", ("investedIn",), "sentence", funding.shares_each),
    Rule("alike shares", ("investedIn",), "sentence", funding.alike_shares),
    Rule("contributions", ("investedIn",), "sentence", funding.contributions),
    Rule("stakes in it", ("investedIn",), "sentence", funding.stakes_in_it),
    Rule("stakes of the subject", ("investedIn",), "sentence", funding.stakes_of_the_subject),
    Rule("commitments", ("investedIn",), "sentence", funding.commitments),
    Rule("acquisitions", ("investedIn", "subsidiaryOf"), "sentence", funding.acquisitions),
    Rule("investments", ("investedIn",), "issue", funding.investments),
    Rule("names", ("locatedIn", "subsidiaryOf", "issued"), "issue", names.from_names),
)


def extract_relations(issue: Issue) -> list[Relation]:
    """Every relation of an issue, each tied to its sentence; stated ones first, so a
    relation both stated and read off a name counts as stated."""
    by_sentence: dict[int, list[int]] = {}
    for k, m in enumerate(issue.mentions):
        by_sentence.setdefault(m.sentence, []).append(k)
    sentences = []
    for n, members in by_sentence.items():
        members.sort(key=lambda k: (issue.mentions[k].start, -issue.mentions[k].end))
        sentences.append(Sentence(issue, n, members))
    found: list[Relation] = []
    for rule in RULES:
        if rule.scope == "sentence":
            for sentence in sentences:
                found.extend(rule.find(sentence))
        else:
            found.extend(rule.find(issue, by_sentence))
    found.extend(stated.co_founders(issue, found))
    # placed by a sentence or their name; or investors, parties from outside the article's place
    seated = {r.head for r in found if r.type in ("locatedIn", "investedIn")}
    found.extend(context.from_article_place(issue, by_sentence, seated))
    return _unique(found)


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
    by_article: list[set[EntityKey]] = [set() for _ in issue.articles]
    for m in issue.mentions:
        article = issue.sentences[m.sentence].article
        if m.type in CO_MENTION_TYPES and 0 <= article < len(by_article):
            by_article[article].add((m.type, m.key))
    pairs: dict[tuple, None] = {}
    for named in by_article:
        for pair in combinations(sorted(named), 2):
            if frozenset(pair) not in stated:
                pairs.setdefault(pair)
    return list(pairs)
