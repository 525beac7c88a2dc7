"""The knowledge graph on disk: an Oxigraph store, one named graph per issue.

Everything derived from an issue (its text, articles, sentences, mentions and
the entities they name) lives in that issue's named graph, so rebuilding an
issue replaces exactly its graph. rdflib is the query API (``KnowledgeGraph.rdf``,
backed by oxrdflib), so SPARQL runs on Oxigraph's engine; bulk writes go to the
pyoxigraph store directly, which is much faster than rdflib's per-triple adds.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from . import vocab
from .doc import Issue
from .resolve import entity_labels
from .regions import gazetteer
from .relations import co_mentions
from .vocab import DCTERMS, KG, ONTOLOGY_GRAPH, ORG, RDF, RDFS, SCHEMA, SKOS, XSD

MANIFEST = "manifest.json"
BULK = 50_000  # quads per bulk load: fewer loads are faster, and they overlap the model
STORE_DIR = "store"


class GraphError(Exception):
    """The folder is not a kg graph, or cannot be opened."""


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_T = {name: _n(iri) for name, iri in {
    "type": RDF.type, "label": RDFS.label, "alt": SKOS.altLabel, "value": RDF.value,
    "identifier": DCTERMS.identifier, "title": DCTERMS.title, "issued": DCTERMS.issued,
    "isPartOf": DCTERMS.isPartOf, "issueNumber": SCHEMA.issueNumber, "position": SCHEMA.position,
    "Issue": KG.Issue, "Article": KG.Article, "Sentence": KG.Sentence, "Mention": KG.Mention,
    "text": KG.text, "sourceFile": KG.sourceFile, "encoding": KG.encoding,
    "issueLabel": KG.issueLabel, "publisherName": KG.publisherName, "section": KG.section,
    "start": KG.start, "end": KG.end, "inIssue": KG.inIssue, "inArticle": KG.inArticle,
    "inSentence": KG.inSentence, "mentionOf": KG.mentionOf, "surface": KG.surface,
    "detectedBy": KG.detectedBy,
    "Statement": KG.Statement, "CoMention": KG.CoMention, "Post": KG.Post, "Investment": KG.Investment,
    "subject": KG.subject, "predicate": KG.predicate, "object": KG.object, "evidence": KG.evidence,
    "qualifiedBy": KG.qualifiedBy, "count": KG["count"], "member": ORG.member,
    "organization": ORG.organization, "postTitle": KG.title, "investor": KG.investor,
    "investee": KG.investee, "round": KG.round, "amount": KG.amount, "lead": KG.leadInvestor,
    "coMentionedWith": KG.coMentionedWith, "within": KG.within,
}.items()}
_BOOL = _n(XSD.boolean)
_INT = _n(XSD.integer)
_DATE = _n(XSD.date)


def _int(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_INT)


def _zh(text: str) -> ox.Literal:
    return ox.Literal(text, language="zh")


def issue_quads(issue: Issue) -> list[ox.Quad]:
    """Every triple an issue contributes, in its own named graph."""
    g = _n(vocab.issue_graph_iri(issue.id))
    out: list[ox.Quad] = []

    def add(s, p, o):
        out.append(ox.Quad(s, _T[p], o, g))

    node = _n(vocab.issue_iri(issue.id))
    add(node, "type", _T["Issue"])
    add(node, "identifier", ox.Literal(issue.id))
    add(node, "text", ox.Literal(issue.text))
    add(node, "sourceFile", ox.Literal(str(issue.path)))
    add(node, "encoding", ox.Literal(issue.encoding))
    meta = issue.meta
    if meta.title:
        add(node, "title", _zh(meta.title))
    if meta.number:
        add(node, "issueNumber", ox.Literal(meta.number))
    if meta.label:
        add(node, "issueLabel", ox.Literal(meta.label))
    if meta.date:
        add(node, "issued", ox.Literal(meta.date.isoformat(), datatype=_DATE))
    if meta.publisher:
        add(node, "publisherName", _zh(meta.publisher))

    articles = [_n(vocab.article_iri(issue.id, k)) for k in range(len(issue.articles))]
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

    sentences = [_n(vocab.sentence_iri(issue.id, k)) for k in range(len(issue.sentences))]
    for k, (s_node, sentence) in enumerate(zip(sentences, issue.sentences)):
        add(s_node, "type", _T["Sentence"])
        add(s_node, "isPartOf", articles[sentence.article])
        add(s_node, "inIssue", node)
        add(s_node, "position", _int(k))
        add(s_node, "start", _int(sentence.start))
        add(s_node, "end", _int(sentence.end))
        add(s_node, "value", ox.Literal(sentence.text))

    entities = {}
    for (type_, key), (label, others) in entity_labels(issue).items():
        e_node = _n(vocab.entity_iri(type_, key))
        entities[(type_, key)] = e_node
        add(e_node, "type", _n(KG[type_]))
        add(e_node, "label", _zh(label))
        for other in others:
            add(e_node, "alt", _zh(other))

    for m in issue.mentions:
        m_node = _n(vocab.mention_iri(issue.id, m.start, m.end, m.type))
        sentence = issue.sentences[m.sentence]
        add(m_node, "type", _T["Mention"])
        add(m_node, "mentionOf", entities[(m.type, m.key)])
        add(m_node, "inSentence", sentences[m.sentence])
        add(m_node, "inArticle", articles[sentence.article])
        add(m_node, "inIssue", node)
        add(m_node, "start", _int(m.start))
        add(m_node, "end", _int(m.end))
        add(m_node, "surface", ox.Literal(m.text))
        add(m_node, "detectedBy", ox.Literal(m.source))

    _region_hierarchy(issue, entities, add)

    def entity(k: int) -> ox.NamedNode:
        m = issue.mentions[k]
        return entities[(m.type, m.key)]

    for r in issue.relations:
        head, tail = entity(r.head), entity(r.tail)
        if head == tail:
            continue
        qualifiers = [str(v) for _, v in sorted(r.attributes.items()) if _ != "fromName"]
        statement = _n(vocab.node_iri("statement", head.value, r.type, tail.value, *qualifiers))
        predicate = _n(KG[r.type])
        out.append(ox.Quad(head, predicate, tail, g))
        add(statement, "type", _T["Statement"])
        add(statement, "subject", head)
        add(statement, "predicate", predicate)
        add(statement, "object", tail)
        add(statement, "evidence", sentences[r.sentence])
        add(statement, "detectedBy", ox.Literal("rule:name" if r.attributes.get("fromName") else "rule:relations"))
        if r.type == "holdsPosition":
            post = _n(vocab.node_iri("post", head.value, tail.value, *qualifiers))
            add(statement, "qualifiedBy", post)
            add(post, "type", _T["Post"])
            add(post, "member", head)
            add(post, "organization", tail)
            if r.attributes.get("title"):
                add(post, "postTitle", _zh(str(r.attributes["title"])))
        elif r.type == "investedIn":
            deal = _n(vocab.node_iri("investment", head.value, tail.value, *qualifiers))
            add(statement, "qualifiedBy", deal)
            add(deal, "type", _T["Investment"])
            add(deal, "investor", head)
            add(deal, "investee", tail)
            for attr, prop in (("round", "round"), ("amount", "amount")):
                if r.attributes.get(attr):
                    add(deal, prop, _zh(str(r.attributes[attr])))
            if "lead" in r.attributes:
                add(deal, "lead", ox.Literal("true" if r.attributes["lead"] else "false", datatype=_BOOL))

    for (a, b), (count, _article) in co_mentions(issue).items():
        ea, eb = entities[a], entities[b]
        if eb.value < ea.value:
            ea, eb = eb, ea
        node = _n(vocab.node_iri("comention", issue.id, ea.value, eb.value))
        out.append(ox.Quad(ea, _T["coMentionedWith"], eb, g))
        add(node, "type", _T["CoMention"])
        add(node, "subject", ea)
        add(node, "object", eb)
        add(node, "count", _int(count))
    return out


def _region_hierarchy(issue: Issue, entities: dict, add) -> None:
    """海淀区 kg:within 北京市 kg:within 中国, from the division data. Ancestors are
    described in the issue's graph too, so every issue graph holds whole chains."""
    g = gazetteer()
    described: set[str] = set()

    def division_node(division) -> ox.NamedNode:
        node = _n(vocab.entity_iri("Region", f"division:{division.code}"))
        if ("Region", f"division:{division.code}") not in entities and node.value not in described:
            described.add(node.value)
            add(node, "type", _n(KG.Region))
            add(node, "label", _zh(division.name))
        return node

    for (type_, key), node in list(entities.items()):
        if type_ != "Region":
            continue
        if key.startswith("division:"):
            parents = g.ancestors(g.divisions[key[9:]])
        else:  # 北京经开区: a zone named after the division it lies in
            head = g.head(key)
            division = g.lookup(head) if head and len(key) > len(head) + 1 else None
            if division is None:
                continue
            parents = [division, *g.ancestors(division)]
        child = node
        for division in parents:
            parent = division_node(division)
            add(child, "within", parent)
            child = parent


def ontology_path(name: str = "kg.ttl") -> Path:
    """The ontology files, from the installed package or the source checkout."""
    try:
        found = Path(str(resources.files("kg.ontology").joinpath(name)))
        if found.is_file():
            return found
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "ontology" / name


class KnowledgeGraph:
    """A graph folder: ``store/`` (Oxigraph) and ``manifest.json`` (what was built)."""

    def __init__(self, path: Path, store: ox.Store, manifest: dict, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._pending: list[ox.Quad] = []
        self.store = store
        self.manifest = manifest
        self._rdf = None

    @classmethod
    def create(cls, path: str | Path) -> "KnowledgeGraph":
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path / STORE_DIR))
        store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE,
                   to_graph=_n(ONTOLOGY_GRAPH))
        return cls(path, store, {"issues": {}})

    @classmethod
    def open(cls, path: str | Path, read_only: bool = True) -> "KnowledgeGraph":
        path = Path(path)
        if not (path / MANIFEST).is_file() or not (path / STORE_DIR).is_dir():
            raise GraphError(f"{path}: not a kg graph folder (make one with: kg build ISSUES --out {path})")
        try:
            manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
            store = ox.Store.read_only(str(path / STORE_DIR)) if read_only else ox.Store(str(path / STORE_DIR))
        except (OSError, ValueError) as e:
            raise GraphError(f"{path}: cannot open the graph: {e}") from e
        return cls(path, store, manifest, read_only)

    def add_issue(self, issue: Issue) -> int:
        """Replace the issue's named graph with its new content; return the triple count.

        The new triples are written by :meth:`commit` in one bulk load, which is
        several times faster than a transaction per issue; the build swaps the
        finished folder in, so nothing half-written is ever seen.
        """
        graph = _n(vocab.issue_graph_iri(issue.id))
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        quads = issue_quads(issue)
        self._pending.extend(quads)
        if len(self._pending) >= BULK:
            self.commit()
        self.manifest["issues"][issue.id] = {
            "path": str(issue.path), "triples": len(quads), "sentences": len(issue.sentences),
            "mentions": len(issue.mentions), "title": issue.meta.title, "label": issue.meta.label,
            "date": issue.meta.date.isoformat() if issue.meta.date else None,
        }
        return len(quads)

    def commit(self) -> None:
        if self._pending:
            self.store.bulk_extend(self._pending)
            self._pending = []

    def save_manifest(self, **extra) -> None:
        self.manifest.update(extra)
        (self.path / MANIFEST).write_text(
            json.dumps(self.manifest, ensure_ascii=False, indent=2), encoding="utf-8")

    @property
    def rdf(self):
        """An rdflib Dataset over the store: the union of all graphs is the default graph."""
        if self._rdf is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset

            self._rdf = Dataset(store=OxigraphStore(store=self.store), default_union=True)
            for prefix, ns in vocab.PREFIXES.items():
                self._rdf.bind(prefix, ns, override=True)
        return self._rdf

    def query(self, sparql: str, **bindings):
        """SPARQL over all issues; ``bindings`` are bound safely, never pasted into the text."""
        from rdflib.term import Identifier, Literal

        init = {k: v if isinstance(v, Identifier) else Literal(v) for k, v in bindings.items()}
        return self.rdf.query(sparql, initBindings=init)

    def frame(self, sparql: str, **bindings):
        """A SELECT's rows as a pandas DataFrame (pandas is needed only here).

        Keyword arguments bind variables safely (Oxigraph substitutions); as
        Oxigraph requires, a bound variable must be in the SELECT clause."""
        import pandas as pd

        result = self.query(sparql, **bindings)
        columns = [str(v) for v in result.vars]
        rows = [[None if value is None else value.toPython() for value in row] for row in result]
        return pd.DataFrame(rows, columns=columns)

    def select(self, sparql: str) -> Iterator[dict]:
        """Rows of a SELECT as dicts of Python values, straight from pyoxigraph (fast)."""
        prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in vocab.PREFIXES.items())
        result = self.store.query(prefixes + sparql, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        for row in result:
            yield {name: (term.value if term is not None else None) for name, term in zip(names, row)}

    def issue_ids(self) -> list[str]:
        return sorted(self.manifest.get("issues", {}))

    def __len__(self) -> int:
        return len(self.store)

    def close(self) -> None:
        self._rdf = None
        if not self.read_only:
            self.commit()
            self.store.flush()
        del self.store

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
