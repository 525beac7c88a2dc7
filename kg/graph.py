"""The knowledge graph on disk: an Oxigraph store, one named graph per issue.

Everything derived from an issue (its text, articles, sentences, mentions and
the entities they name) lives in that issue's named graph, so rebuilding an
issue replaces exactly its graph. rdflib is the query API (``KnowledgeGraph.rdf``,
backed by oxrdflib), so SPARQL runs on Oxigraph's engine; the build writes N-Quads
text straight to the pyoxigraph store's bulk loader, which is much faster than
rdflib's per-triple adds.
"""
from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
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
BULK = 100_000  # quads per bulk load: each load costs ~50 ms more, whatever its size
LOADERS = 2  # bulk loads that may run at once (Oxigraph allows it)
STORE_DIR = "store"


class GraphError(Exception):
    """The folder is not a kg graph, or cannot be opened."""


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _iri(iri: str) -> str:
    return f"<{iri}>"


# Issue graphs are written as N-Quads text and parsed by Oxigraph's bulk loader:
# formatting strings is several times cheaper than building a term object per
# node, and the loader runs without the GIL, beside the rest of the build.
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
    "organization": ORG.organization, "postTitle": KG.title, "investor": KG.investor,
    "investee": KG.investee, "round": KG.round, "amount": KG.amount, "lead": KG.leadInvestor,
    "coMentionedWith": KG.coMentionedWith, "within": KG.within, "Region": KG.Region,
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


def issue_nquads(issue: Issue) -> list[str]:
    """Every triple an issue contributes, in its own named graph, as N-Quads lines."""
    out = _Quads(vocab.issue_graph_iri(issue.id))
    add = out.add

    node = _iri(vocab.issue_iri(issue.id))
    add(node, "type", _T["Issue"])
    add(node, "identifier", _lit(issue.id))
    add(node, "text", _lit(issue.text))
    add(node, "sourceFile", _lit(str(issue.path)))
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

    articles = [_iri(vocab.article_iri(issue.id, k)) for k in range(len(issue.articles))]
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

    sentences = [_iri(vocab.sentence_iri(issue.id, k)) for k in range(len(issue.sentences))]
    for k, (s_node, sentence) in enumerate(zip(sentences, issue.sentences)):
        add(s_node, "type", _T["Sentence"])
        add(s_node, "isPartOf", articles[sentence.article])
        add(s_node, "inIssue", node)
        add(s_node, "position", _int(k))
        add(s_node, "start", _int(sentence.start))
        add(s_node, "end", _int(sentence.end))
        add(s_node, "value", _lit(sentence.text))

    entities: dict[tuple[str, str], str] = {}  # (type, key) -> IRI
    for (type_, key), (label, others) in entity_labels(issue).items():
        iri = entities[(type_, key)] = vocab.entity_iri(type_, key)
        e_node = _iri(iri)
        add(e_node, "type", _iri(KG[type_]))
        add(e_node, "label", _zh(label))
        for other in others:
            add(e_node, "alt", _zh(other))

    for m in issue.mentions:
        m_node = _iri(vocab.mention_iri(issue.id, m.start, m.end, m.type))
        add(m_node, "type", _T["Mention"])
        add(m_node, "mentionOf", _iri(entities[(m.type, m.key)]))
        add(m_node, "inSentence", sentences[m.sentence])
        add(m_node, "inArticle", articles[issue.sentences[m.sentence].article])
        add(m_node, "inIssue", node)
        add(m_node, "start", _int(m.start))
        add(m_node, "end", _int(m.end))
        add(m_node, "surface", _lit(m.text))
        add(m_node, "detectedBy", _lit(m.source))

    _region_hierarchy(issue, entities, add)

    for r in issue.relations:
        head_m, tail_m = issue.mentions[r.head], issue.mentions[r.tail]
        head, tail = entities[(head_m.type, head_m.key)], entities[(tail_m.type, tail_m.key)]
        if head == tail:
            continue
        qualifiers = [str(v) for _, v in sorted(r.attributes.items()) if _ != "fromName"]
        statement = _iri(vocab.node_iri("statement", head, r.type, tail, *qualifiers))
        predicate = _iri(KG[r.type])
        s_head, s_tail = _iri(head), _iri(tail)
        out.add_raw(s_head, predicate, s_tail)
        add(statement, "type", _T["Statement"])
        add(statement, "subject", s_head)
        add(statement, "predicate", predicate)
        add(statement, "object", s_tail)
        add(statement, "evidence", sentences[r.sentence])
        add(statement, "detectedBy", _lit("rule:name" if r.attributes.get("fromName") else "rule:relations"))
        def qualified(kind: str, class_: str, head_property: str, tail_property: str) -> str:
            node = _iri(vocab.node_iri(kind, head, tail, *qualifiers))
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
            for attr, prop in (("round", "round"), ("amount", "amount")):
                if r.attributes.get(attr):
                    add(deal, prop, _zh(str(r.attributes[attr])))
            if "lead" in r.attributes:
                add(deal, "lead", f'"{"true" if r.attributes["lead"] else "false"}"{_BOOL}')

    # one triple per pair: how often they meet is in the mentions (kg:inArticle)
    co_with = _T["coMentionedWith"]
    for a, b in co_mentions(issue):
        ea, eb = sorted((entities[a], entities[b]))
        out.add_raw(_iri(ea), co_with, _iri(eb))
    return out.lines


def _region_hierarchy(issue: Issue, entities: dict[tuple[str, str], str], add) -> None:
    """海淀区 kg:within 北京市 kg:within 中国, from the division data. Ancestors are
    described in the issue's graph too, so every issue graph holds whole chains."""
    g = gazetteer()
    described: set[str] = set()

    def division_node(division) -> str:
        key = ("Region", f"division:{division.code}")
        node = _iri(vocab.entity_iri(*key))
        if key not in entities and node not in described:
            described.add(node)
            add(node, "type", _T["Region"])
            add(node, "label", _zh(division.name))
        return node

    for (type_, key), iri in list(entities.items()):
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
        child = _iri(iri)
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
        self._pending: list[str] = []  # N-Quads lines not yet handed to the loader
        self._loads: list[Future] = []
        self._loader: ThreadPoolExecutor | None = None
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

        The new triples are loaded by Oxigraph's bulk loader in a background
        thread, many issues per load (much faster than a transaction per issue),
        while the build goes on; :meth:`commit` waits for them. The build swaps
        the finished folder in, so nothing half-written is ever seen.
        """
        graph = _n(vocab.issue_graph_iri(issue.id))
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        lines = issue_nquads(issue)
        self._pending.extend(lines)
        if len(self._pending) >= BULK:
            self._load_pending()
        self.manifest["issues"][issue.id] = {
            "path": str(issue.path), "triples": len(lines), "sentences": len(issue.sentences),
            "mentions": len(issue.mentions), "title": issue.meta.title, "label": issue.meta.label,
            "date": issue.meta.date.isoformat() if issue.meta.date else None,
        }
        return len(lines)

    def _load_pending(self, parts: int = 1) -> None:
        """Hand the pending lines to the loader threads, in ``parts`` loads run side by side."""
        lines, self._pending = self._pending, []
        if not lines:
            return
        if self._loader is None:
            self._loader = ThreadPoolExecutor(max_workers=LOADERS, thread_name_prefix="kg-store")
        parts = max(1, min(parts, len(lines) // 10_000))
        size = -(-len(lines) // parts)
        for k in range(0, len(lines), size):
            data = "".join(lines[k:k + size]).encode("utf-8")
            self._loads.append(self._loader.submit(self.store.bulk_load, data, ox.RdfFormat.N_QUADS))

    def commit(self) -> None:
        """Load what is pending and wait until every load is in the store.

        The build waits for this last load alone, so it is split over the cores."""
        self._load_pending(parts=LOADERS)
        loads, self._loads = self._loads, []
        errors = [e for e in (load.exception() for load in loads) if e is not None]
        if errors:
            raise GraphError(f"{self.path}: writing the graph failed: {errors[0]}") from errors[0]

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

    def close(self, commit: bool = True) -> None:
        """Close the store; ``commit=False`` (after an error) drops what is still pending."""
        self._rdf = None
        if not self.read_only:
            try:
                if commit:
                    self.commit()
                else:
                    self._pending = []
                    for load in self._loads:
                        load.exception()  # wait: the store must not close under a load
            finally:
                if self._loader is not None:
                    self._loader.shutdown(wait=True)
                    self._loader = None
            self.store.flush()
        del self.store

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(commit=exc_type is None)
