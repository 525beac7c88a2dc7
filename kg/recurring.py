"""Names one issue taught, found again in the other issues.

An issue's graph is a function of that issue alone (:mod:`kg.cluster`), so a company
that one issue names in full and by its short name (…有限公司，以下简称某某投资) and
the next issue only by the short name is missed in the second wherever the model does
not know the name. Once the issues' graphs are in the store, this pass reads the names
each issue used and marks their uses in the other issues, where nothing was found, as
mentions of the same entity, and reads such an issue again, from the store, with the
relation stage: the relations its sentences state of those names. They live in a graph
of their own (``kgid:recurring``), made again whole by every build and removal, since
it depends on all the issues (as the timeline does); the issues' own graphs are left
as they are.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from . import vocab
from .doc import Article, Entity, FoundAgain, Issue, Mention, Relation, Sentence, Taught
from .names_again import a_name_to_look_for, stands_alone
from .nquads import recurring_nquads
from .relations import extract_relations
from .vocab import ENTITY_TYPES, article_iri, sentence_iri

_MENTIONS = ("SELECT ?g ?e ?surface ?source ?start ?end ?s WHERE { GRAPH ?g { ?m kg:mentionOf ?e ; kg:surface ?surface ; "
             "kg:detectedBy ?source ; kg:start ?start ; kg:end ?end ; kg:inSentence ?s } }")
_ENTITIES = "SELECT ?g ?e ?class ?label WHERE { GRAPH ?g { ?e a ?class ; rdfs:label ?label } }"
_ISSUES = "SELECT ?g ?issue ?doc ?text WHERE { GRAPH ?g { ?issue a kg:Issue ; dcterms:identifier ?doc ; kg:text ?text } }"
#: Read only for an issue where a taught name is met (its graph's IRI put in: kg.vocab mints it escaped).
_ARTICLES = ("SELECT ?n ?start ?end ?headline WHERE {{ GRAPH <{graph}> {{ ?a a kg:Article ; schema:position ?n ; "
             "kg:start ?start ; kg:end ?end OPTIONAL {{ ?a dcterms:title ?headline }} }} }}")
_SENTENCES = ("SELECT ?s ?n ?article ?start ?end WHERE {{ GRAPH <{graph}> {{ ?s a kg:Sentence ; schema:position ?n ; "
              "dcterms:isPartOf [ schema:position ?article ] ; kg:start ?start ; kg:end ?end }} }}")


def update(graph) -> int:
    """Make the graph of names found again anew from the issues the store holds (a graph
    folder or a SPARQL server), with the relations they take part in; return how many
    uses were found."""
    found, read = find_again(graph)
    graph.replace_graph(str(vocab.RECURRING_GRAPH), recurring_nquads(found, read))
    return len(found)


def find_again(graph) -> tuple[list[FoundAgain], list[tuple[Issue, list[Relation]]]]:
    """Every use, in one issue, of a name another issue taught, where that issue found nothing;
    and each such issue, read back from the store with those uses as mentions, with the
    relations its sentences state of them (the relation stage run again on it)."""
    recurring = str(vocab.RECURRING_GRAPH)
    taught_by: dict[str, dict[Taught, set[str]]] = defaultdict(lambda: defaultdict(set))
    used: dict[str, set[str]] = defaultdict(set)
    mentions: dict[str, list[dict]] = defaultdict(list)
    entities = {(row["g"], row["e"]): (_type(row["class"]), row["label"]) for row in graph.select(_ENTITIES)}
    for row in graph.select(_MENTIONS):
        g, surface = row["g"], row["surface"]
        if g == recurring:
            continue
        used[g].add(surface)
        mentions[g].append(row)
        type_, label = entities.get((g, row["e"]), (None, ""))
        if type_ and a_name_to_look_for(surface, type_, row["source"]):
            taught_by[surface][Taught(surface, type_, row["e"], label)].add(g)
    names = {surface: name for surface, by in taught_by.items() if (name := _one_entity(by))}
    if not names:
        return [], []
    by_start: dict[str, list[str]] = defaultdict(list)  # first two characters -> names, the longest first
    for surface in sorted(names, key=lambda s: (-len(s), s)):
        by_start[surface[:2]].append(surface)
    found: list[FoundAgain] = []
    read: list[tuple[Issue, list[Relation]]] = []
    for row in graph.select(_ISSUES):
        g, text = row["g"], row["text"]
        met = [] if g == recurring else list(_names_met(text, g, names, taught_by, by_start, used[g]))
        if not met:
            continue
        issue = _read_back(graph, g, row["doc"], text, mentions[g], entities)
        uses = list(_uses(issue, row, met))
        if uses:
            found.extend(uses)
            read.append((issue, _relations_of(issue, uses)))
    return sorted(found, key=lambda f: (f.issue_id, f.start, -f.end)), read


def _names_met(text: str, g: str, names: dict[str, Taught], taught_by, by_start,
               used: set[str]) -> Iterable[tuple[int, Taught]]:
    """Each place in an issue's text where a name other issues taught, and this one did not use,
    starts: (start, name), the longest first at each place."""
    for at in range(len(text) - 1):
        for surface in by_start.get(text[at:at + 2], ()):
            if text.startswith(surface, at) and surface not in used and taught_by[surface][names[surface]] - {g} \
                    and stands_alone(text, at, at + len(surface), names[surface].type):
                yield at, names[surface]


def _read_back(graph, g: str, doc: str, text: str, mentions: list[dict],
               entities: dict[tuple[str, str], tuple[str | None, str]]) -> Issue:
    """An issue as the relation stage reads it, from its graph in the store: articles,
    sentences, mentions (its rows of :data:`_MENTIONS`) and entities (keyed by their IRI;
    ``entities`` gives each one's type and label, by graph)."""
    issue = Issue(doc, Path(doc), "", text)
    articles = sorted((int(r["n"]), int(r["start"]), int(r["end"]), r["headline"])
                      for r in graph.select(_ARTICLES.format(graph=g)))
    issue.articles = [Article(start, end, headline) for _, start, end, headline in articles]
    sentences = sorted((int(r["n"]), int(r["start"]), int(r["end"]), int(r["article"]), r["s"])
                       for r in graph.select(_SENTENCES.format(graph=g)))
    issue.sentences = [Sentence(start, end, article, text[start:end]) for _, start, end, article, _ in sentences]
    position = {iri: n for n, *_, iri in sentences}
    read = []
    for r in mentions:
        type_, label = entities.get((g, r["e"]), (None, ""))
        if type_ and r["s"] in position:
            read.append(Mention(int(r["start"]), int(r["end"]), type_, r["surface"], position[r["s"]], r["source"], r["e"]))
            issue.entities[(type_, r["e"])] = Entity(type_, r["e"], label)
    issue.mentions = sorted(read, key=lambda m: (m.start, m.end, m.type))
    return issue


def _uses(issue: Issue, row: dict, met: list[tuple[int, Taught]]) -> Iterable[FoundAgain]:
    """The names met in one issue, where the issue found nothing (nor another name met before, or
    longer at the same place) and within one sentence."""
    spans = [(m.start, m.end) for m in issue.mentions]
    starts = [s.start for s in issue.sentences]
    for at, name in met:
        end = at + len(name.surface)
        n = bisect_right(starts, at) - 1
        if n < 0 or issue.sentences[n].end < end:
            continue  # a masthead or a heading outside the sentences
        if any(s < end and at < e for s, e in spans) or (name.type == "Region" and any(e == at for _, e in spans)):
            continue  # found already, or inside a name (某某集团 | 大中华区: a unit of the body before it)
        spans.append((at, end))
        yield FoundAgain(name, row["issue"], row["doc"], sentence_iri(issue.id, n),
                         article_iri(issue.id, issue.sentences[n].article), at, end)


def _relations_of(issue: Issue, uses: list[FoundAgain]) -> list[Relation]:
    """The relations the issue's sentences state of the names found again in it: the issue,
    with those uses added to its mentions (in place), read by the relation stage again.
    Not those its article implies (:mod:`kg.relations.context` reads places by their keys,
    which a read-back issue does not have)."""
    starts = [s.start for s in issue.sentences]
    new = [Mention(f.start, f.end, f.name.type, f.name.surface, bisect_right(starts, f.start) - 1, f.source, f.name.entity)
           for f in uses]
    for f in uses:
        issue.entities[(f.name.type, f.name.entity)] = Entity(f.name.type, f.name.entity, f.name.label)
    # only the articles where a name is found again are read: the rest states nothing of it
    articles = {issue.sentences[m.sentence].article for m in new}
    issue.mentions = [m for m in issue.mentions if issue.sentences[m.sentence].article in articles]
    first_new = len(issue.mentions)
    issue.mentions += new
    return [r for r in extract_relations(issue)
            if max(r.head, r.tail) >= first_new and r.derived_from != "article"]


def _one_entity(by: dict[Taught, set[str]]) -> Taught | None:
    """The entity a name stands for: the one most issues used it for (a short name without
    its full one in some issues has a key of its own there); none if the types differ."""
    if len({t.type for t in by}) > 1:
        return None
    return min(by, key=lambda t: (-len(by[t]), -len(t.label), t.entity))


def _type(class_iri: str) -> str | None:
    name = class_iri[len(str(vocab.KG)):] if class_iri.startswith(str(vocab.KG)) else ""
    return name if name in ENTITY_TYPES else None
