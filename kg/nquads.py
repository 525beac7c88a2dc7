"""The graph writer: one issue in, the N-Quads lines of its named graph out.

A pure function of the :class:`~kg.doc.Issue` once the stages are done
(:func:`kg.stages.finish`): it serialises what the issue holds and decides
nothing. Every IRI comes from :mod:`kg.vocab`.

Lines are formatted as text rather than built as term objects: that is several
times cheaper, and Oxigraph's bulk loader parses them in background threads.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .doc import EntityKey, FoundAgain, Issue, Relation
from .vocab import (
    DCTERMS,
    KG,
    ORG,
    RDF,
    RDFS,
    RECURRING_GRAPH,
    SCHEMA,
    SKOS,
    XSD,
    article_iri,
    entity_iri,
    issue_graph_iri,
    issue_iri,
    mention_iri,
    node_iri,
    region_code,
    sentence_iri,
)


def _iri(iri: str) -> str:
    return f"<{iri}>"


_T = {name: _iri(iri) for name, iri in {
    "type": RDF.type, "label": RDFS.label, "alt": SKOS.altLabel, "value": RDF.value,
    "identifier": DCTERMS.identifier, "title": DCTERMS.title, "issued": DCTERMS.issued,
    "isPartOf": DCTERMS.isPartOf, "issueNumber": SCHEMA.issueNumber, "position": SCHEMA.position,
    "Issue": KG.Issue, "Article": KG.Article, "Sentence": KG.Sentence, "Mention": KG.Mention,
    "text": KG.text, "sourceFile": KG.sourceFile, "encoding": KG.encoding,
    "issueLabel": KG.issueLabel, "publisherName": KG.publisherName, "section": KG.section,
    "start": KG.start, "end": KG.end, "inIssue": KG.inIssue, "inArticle": KG.inArticle,
    "inSentence": KG.inSentence, "mentionOf": KG.mentionOf, "surface": KG.surface,
    "detectedBy": KG.detectedBy,
    "Statement": KG.Statement, "Post": KG.Post, "Investment": KG.Investment,
    "subject": KG.subject, "predicate": KG.predicate, "object": KG.object, "evidence": KG.evidence,
    "qualifiedBy": KG.qualifiedBy, "member": ORG.member,
    "organization": ORG.organization, "postTitle": KG["title"], "investor": KG.investor,
    "investee": KG.investee, "round": KG.round, "amount": KG.amount, "lead": KG.leadInvestor,
    "coMentionedWith": KG.coMentionedWith, "within": KG.within, "derivedFrom": KG.derivedFrom,
    "divisionCode": KG.divisionCode, "countryCode": KG.countryCode,
}.items()}
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_INT = f"^^<{XSD.integer}>"
_DATE = f"^^<{XSD.date}>"
_BOOL = f"^^<{XSD.boolean}>"


def _lit(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"'


def _zh(text: str) -> str:
    return f'"{text.translate(_ESCAPES)}"@zh'


def _int(value: int) -> str:
    return f'"{value}"{_INT}'


class _Quads:
    """The N-Quads lines of one named graph; terms are N-Quads text (``<iri>``, ``"lit"``)."""

    def __init__(self, graph_iri: str):
        self.tail = f" <{graph_iri}> .\n"
        self.lines: list[str] = []

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {_T[p]} {o}{self.tail}")

    def add_raw(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o}{self.tail}")


@dataclass
class IssueGraph:
    """What a store needs of one finished issue: its N-Quads lines and its manifest record.
    Small and picklable, so a worker process (:mod:`kg.cluster`) can send it back."""
    id: str
    lines: list[str]
    record: dict = field(default_factory=dict)
    characters: int = 0
    sentences: int = 0
    mentions: int = 0
    index: Any = None  # its rows for the full-text index (kg.textindex.IndexRows), made beside the lines


def issue_graph(issue: Issue) -> IssueGraph:
    """The issue's graph and the manifest record the store keeps of it."""
    lines = issue_nquads(issue)
    record = {
        "path": os.fsencode(issue.path).decode("utf-8", "backslashreplace"), "triples": len(lines),
        "sentences": len(issue.sentences), "mentions": len(issue.mentions), "title": issue.meta.title,
        "label": issue.meta.label, "date": issue.meta.date.isoformat() if issue.meta.date else None,
    }
    return IssueGraph(issue.id, lines, record, sum(len(s.text) for s in issue.sentences),
                      len(issue.sentences), len(issue.mentions))


def issue_nquads(issue: Issue) -> list[str]:
    """Every triple an issue contributes, in its own named graph, as N-Quads lines."""
    out = _Quads(issue_graph_iri(issue.id))
    node = _iri(issue_iri(issue.id))
    _issue(out, node, issue)
    articles = _articles(out, node, issue)
    sentences = _sentences(out, node, issue, articles)
    entities = _entities(out, issue)
    _mentions(out, node, issue, entities, sentences, articles)
    for child, parent in issue.within:
        out.add(_iri(entities[child]), "within", _iri(entities[parent]))
    stated = {_statement(issue, r, entities) for r in issue.relations if r.derived_from is None}
    for r in issue.relations:
        _relation(out, issue, r, entities, sentences, articles, stated)
    # one triple per pair: how often they meet is in the mentions (kg:inArticle)
    co_with = _T["coMentionedWith"]
    for a, b in issue.co_mentions:
        ea, eb = sorted((entities[a], entities[b]))
        out.add_raw(_iri(ea), co_with, _iri(eb))
    return out.lines


def _issue(out: _Quads, node: str, issue: Issue) -> None:
    add = out.add
    add(node, "type", _T["Issue"])
    add(node, "identifier", _lit(issue.id))
    add(node, "text", _lit(issue.text))
    add(node, "sourceFile", _lit(os.fsencode(issue.path).decode("utf-8", "backslashreplace")))
    add(node, "encoding", _lit(issue.encoding))
    meta = issue.meta
    if meta.title:
        add(node, "title", _zh(meta.title))
    if meta.number:
        add(node, "issueNumber", _lit(meta.number))
    if meta.label:
        add(node, "issueLabel", _lit(meta.label))
    if meta.date:
        add(node, "issued", f'"{meta.date.isoformat()}"{_DATE}')
    if meta.publisher:
        add(node, "publisherName", _zh(meta.publisher))


def _articles(out: _Quads, node: str, issue: Issue) -> list[str]:
    add = out.add
    articles = [_iri(article_iri(issue.id, k)) for k in range(len(issue.articles))]
    for k, (a_node, article) in enumerate(zip(articles, issue.articles)):
        add(a_node, "type", _T["Article"])
        add(a_node, "isPartOf", node)
        add(a_node, "position", _int(k))
        add(a_node, "start", _int(article.start))
        add(a_node, "end", _int(article.end))
        if article.headline:
            add(a_node, "title", _zh(article.headline))
        if article.section:
            add(a_node, "section", _zh(article.section))
    return articles


def _sentences(out: _Quads, node: str, issue: Issue, articles: list[str]) -> list[str]:
    add = out.add
    sentences = [_iri(sentence_iri(issue.id, k)) for k in range(len(issue.sentences))]
    for k, (s_node, sentence) in enumerate(zip(sentences, issue.sentences)):
        add(s_node, "type", _T["Sentence"])
        add(s_node, "isPartOf", articles[sentence.article])
        add(s_node, "inIssue", node)
        add(s_node, "position", _int(k))
        add(s_node, "start", _int(sentence.start))
        add(s_node, "end", _int(sentence.end))
        add(s_node, "value", _lit(sentence.text))
    return sentences


def _entities(out: _Quads, issue: Issue) -> dict[EntityKey, str]:
    """Type, label and aliases of each entity, and a region's code; returns (type, key) -> IRI."""
    add = out.add
    iris: dict[EntityKey, str] = {}
    for ident, entity in issue.entities.items():
        iri = iris[ident] = entity_iri(entity.type, entity.key)
        e_node = _iri(iri)
        add(e_node, "type", _iri(KG[entity.type]))
        add(e_node, "label", _zh(entity.label))
        for other in entity.aliases:
            add(e_node, "alt", _zh(other))
        if entity.type == "Region" and (code := region_code(entity.key)):
            # the code joins to other datasets (Wikidata P442 / P297): ontology/README.md
            add(e_node, "identifier", _lit(code[1]))
            add(e_node, code[0], _lit(code[1]))
    return iris


def _mentions(out: _Quads, node: str, issue: Issue, entities: dict[EntityKey, str], sentences: list[str],
              articles: list[str]) -> None:
    add = out.add
    for m in issue.mentions:
        m_node = _iri(mention_iri(issue.id, m.start, m.end, m.type))
        add(m_node, "type", _T["Mention"])
        add(m_node, "mentionOf", _iri(entities[(m.type, m.key)]))
        add(m_node, "inSentence", sentences[m.sentence])
        add(m_node, "inArticle", articles[issue.sentences[m.sentence].article])
        add(m_node, "inIssue", node)
        add(m_node, "start", _int(m.start))
        add(m_node, "end", _int(m.end))
        add(m_node, "surface", _lit(m.text))
        add(m_node, "detectedBy", _lit(m.source))


def recurring_nquads(found: list[FoundAgain], read: list[tuple[Issue, list[Relation]]]) -> list[str]:
    """The mentions :mod:`kg.recurring` found, in their own graph: each with what a query
    of one graph asks beside it (its entity's class and label); and the relations stated
    of them, each issue read back with mentions keyed by their entity's IRI (with the class
    and label of the entities at both ends)."""
    out = _Quads(str(RECURRING_GRAPH))
    add = out.add
    for f in found:
        m_node = _iri(mention_iri(f.issue_id, f.start, f.end, f.name.type))
        entity = _iri(f.name.entity)
        add(m_node, "type", _T["Mention"])
        add(m_node, "mentionOf", entity)
        add(m_node, "inSentence", _iri(f.sentence))
        add(m_node, "inArticle", _iri(f.article))
        add(m_node, "inIssue", _iri(f.issue))
        add(m_node, "start", _int(f.start))
        add(m_node, "end", _int(f.end))
        add(m_node, "surface", _lit(f.name.surface))
        add(m_node, "detectedBy", _lit(f.source))
        add(entity, "type", _iri(KG[f.name.type]))
        add(entity, "label", _zh(f.name.label))
    for issue, relations in read:
        entities = {(m.type, m.key): m.key for m in issue.mentions}
        sentences = [_iri(sentence_iri(issue.id, k)) for k in range(len(issue.sentences))]
        articles = [_iri(article_iri(issue.id, k)) for k in range(len(issue.articles))]
        stated = {_statement(issue, r, entities) for r in relations if r.derived_from is None}
        for r in relations:
            _relation(out, issue, r, entities, sentences, articles, stated)
            for m in (issue.mentions[r.head], issue.mentions[r.tail]):
                add(_iri(m.key), "type", _iri(KG[m.type]))
                add(_iri(m.key), "label", _zh(issue.entities[(m.type, m.key)].label))
    return list(dict.fromkeys(out.lines))


def _statement(issue: Issue, r: Relation, entities: dict[EntityKey, str]) -> str:
    """The statement's IRI: a function of what it says (head, relation, tail, qualifiers)."""
    head_m, tail_m = issue.mentions[r.head], issue.mentions[r.tail]
    head, tail = entities[(head_m.type, head_m.key)], entities[(tail_m.type, tail_m.key)]
    return node_iri("statement", head, r.type, tail, *[str(v) for _, v in sorted(r.attributes.items())])


def _relation(out: _Quads, issue: Issue, r: Relation, entities: dict[EntityKey, str],
              sentences: list[str], articles: list[str], stated: set[str]) -> None:
    """The plain triple, and a kg:Statement with its evidence, qualified by a kg:Post
    (the title) or a kg:Investment (round, amount, lead). A relation read off a name
    or implied by its article says so (kg:derivedFrom), unless a sentence of the
    issue also states it."""
    add = out.add
    head_m, tail_m = issue.mentions[r.head], issue.mentions[r.tail]
    head, tail = entities[(head_m.type, head_m.key)], entities[(tail_m.type, tail_m.key)]
    if head == tail:
        return
    qualifiers = [str(v) for _, v in sorted(r.attributes.items())]
    statement_iri = _statement(issue, r, entities)
    statement = _iri(statement_iri)
    predicate = _iri(KG[r.type])
    s_head, s_tail = _iri(head), _iri(tail)
    out.add_raw(s_head, predicate, s_tail)
    add(statement, "type", _T["Statement"])
    add(statement, "subject", s_head)
    add(statement, "predicate", predicate)
    add(statement, "object", s_tail)
    add(statement, "evidence", sentences[r.sentence])
    if r.derived_from is None or statement_iri in stated:
        add(statement, "detectedBy", _lit("rule:relations"))
    else:
        add(statement, "detectedBy", _lit(f"rule:{r.derived_from}"))
        if r.derived_from == "name":  # the mention whose name carries it: the one holding the other
            outer = head_m if head_m.start <= tail_m.start and tail_m.end <= head_m.end else tail_m
            add(statement, "derivedFrom", _iri(mention_iri(issue.id, outer.start, outer.end, outer.type)))
        else:
            add(statement, "derivedFrom", articles[issue.sentences[r.sentence].article])

    def qualified(kind: str, class_: str, head_property: str, tail_property: str) -> str:
        node = _iri(node_iri(kind, head, tail, *qualifiers))
        add(statement, "qualifiedBy", node)
        add(node, "type", _T[class_])
        add(node, head_property, s_head)
        add(node, tail_property, s_tail)
        return node

    if r.type == "holdsPosition":
        post = qualified("post", "Post", "member", "organization")
        if r.attributes.get("title"):
            add(post, "postTitle", _zh(str(r.attributes["title"])))
    elif r.type == "investedIn":
        deal = qualified("investment", "Investment", "investor", "investee")
        for attr in ("round", "amount"):
            if r.attributes.get(attr):
                add(deal, attr, _zh(str(r.attributes[attr])))
        if "lead" in r.attributes:
            add(deal, "lead", f'"{"true" if r.attributes["lead"] else "false"}"{_BOOL}')
