"""The graph's vocabulary, in one place: namespaces, entity types, relations, their
Chinese names and display styles, how a label is chosen, and how IRIs are minted.

ontology/kg.ttl documents the terms; every IRI the writer produces is built here.
"""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache


class Namespace(str):
    """An IRI prefix whose terms are plain strings: ``KG["Issue"]``, ``KG.Issue``.

    Plain ``str``, so that neither the build nor a query worker has to import rdflib.
    """

    def __getitem__(self, name) -> str:
        return str(self) + name

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        return str(self) + name

    @property
    def title(self) -> str:  # type: ignore[override]  # dcterms:title, not str.title()
        return str(self) + "title"


KG = Namespace("https://w3id.org/cnkg/ontology#")
ID = Namespace("https://w3id.org/cnkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: The ontology's prefixes (exports declare these).
PREFIXES = {
    "kg": KG, "kgid": ID, "org": ORG, "schema": SCHEMA, "prov": PROV,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "skos": SKOS,
    "xsd": XSD, "owl": OWL, "sh": SH,
}
#: Declared for every SPARQL query: the ontology's prefixes and the common W3C ones.
QUERY_PREFIXES: dict[str, str] = {
    **{p: str(ns) for p, ns in PREFIXES.items()},
    "dc": "http://purl.org/dc/elements/1.1/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "void": "http://rdfs.org/ns/void#",
    "vann": "http://purl.org/vocab/vann/",
}

# -- entity types ---------------------------------------------------------------------------

#: The types the evaluation scores.
ENTITY_TYPES = ("Organization", "Person", "Region", "Policy")
#: Extracted and kept apart from the scored ones.
EXTRA_TYPES = ("Report",)
TYPES = ENTITY_TYPES + EXTRA_TYPES
#: Types a NER model finds as names (titles come from rules).
NAME_TYPES = ("Organization", "Person", "Region")
#: Types whose mentions in one article make a co-mention pair.
CO_MENTION_TYPES = ("Organization", "Person", "Policy")
TYPE_STYLE = {
    "Organization": {"label": "机构", "color": "#4e79a7", "shape": "dot"},
    "Person": {"label": "人物", "color": "#e15759", "shape": "diamond"},
    "Region": {"label": "地区", "color": "#59a14f", "shape": "triangle"},
    "Policy": {"label": "政策", "color": "#f28e2b", "shape": "square"},
    "Report": {"label": "报告", "color": "#b07aa1", "shape": "hexagon"},
}
TYPE_LABELS = {t: s["label"] for t, s in TYPE_STYLE.items()}
#: Colours of communities in the network page's community mode, the largest first;
#: communities past the list share the last colour.
COMMUNITY_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                    "#17becf", "#bcbd22", "#393b79", "#ad494a", "#637939", "#7b4173", "#3182bd")
OTHER_COMMUNITY_COLOR = "#b5b5b5"

# -- relations -------------------------------------------------------------------------------

#: Relations stated by a sentence, as the relation stage finds them.
STATED_RELATIONS = ("holdsPosition", "issued", "investedIn", "founded", "partnerOf", "locatedIn",
                    "subsidiaryOf")
#: Links between entities as the analytics read them, in the order they are listed:
#: the stated relations and the region hierarchy (``kg:within``, from the division data).
RELATIONS = ("holdsPosition", "issued", "investedIn", "founded", "partnerOf", "subsidiaryOf",
             "locatedIn", "within")
CO_MENTION = "coMentionedWith"
RELATION_STYLE = {
    "holdsPosition": {"label": "任职", "color": "#d4545a", "arrows": True},
    "issued": {"label": "发布", "color": "#e8892b", "arrows": True},
    "investedIn": {"label": "投资", "color": "#8e5fc7", "arrows": True},
    "founded": {"label": "创立", "color": "#2f9e9a", "arrows": True},
    "partnerOf": {"label": "合作", "color": "#3b6fb0", "arrows": False},
    "subsidiaryOf": {"label": "隶属", "color": "#b89a1c", "arrows": True},
    "locatedIn": {"label": "位于", "color": "#7fbf70", "arrows": True},
    "within": {"label": "属于", "color": "#b9b0a8", "arrows": True},
    CO_MENTION: {"label": "共现", "color": "#b8b8b8", "arrows": False, "dashes": True},
}
RELATION_LABELS = {r: s["label"] for r, s in RELATION_STYLE.items()}


def preferred_label(counts: Mapping[str, int]) -> str:
    """The label to show for an entity whose issues label it differently: the one
    most issues use, then the longest, then the last in code-point order (a fixed
    choice, so every command shows the same)."""
    return max(counts, key=lambda label: (counts[label], len(label), label))


# -- IRIs ------------------------------------------------------------------------------------

# -- codes that join to other datasets -------------------------------------------------------

#: A region whose entity key starts with this was matched to the division data (kg.regions).
DIVISION_KEY = "division:"


def region_code(key: str) -> tuple[str, str] | None:
    """``division:110108`` → ``("divisionCode", "110108")``, ``division:CN`` →
    ``("countryCode", "CN")``: the code a region's key carries and the kg property
    that states it; None for a region not matched to the division data (a zone).

    Their values are those of Wikidata's P442 (China administrative division code)
    and P297 (ISO 3166-1 alpha-2 code): a join, not an IRI per code (Wikidata has
    none); ontology/README.md has the query."""
    if not key.startswith(DIVISION_KEY):
        return None
    code = key[len(DIVISION_KEY):]
    if len(code) == 6 and code.isdigit():
        return "divisionCode", code
    if len(code) == 2 and code.isascii() and code.isalpha() and code.isupper():
        return "countryCode", code
    return None


#: Not under graph/, where issue graphs are (graph/{issue id}), so no file name collides.
ONTOLOGY_GRAPH = ID["ontology"]
#: When each statement was first and last reported, across the issues that state it.
TIMELINE_GRAPH = ID["timeline"]
#: The names one issue taught, found again in the others (kg.recurring).
RECURRING_GRAPH = ID["recurring"]
#: On a SPARQL server (no folder for a manifest file): what was built, one record per issue.
MANIFEST_GRAPH = ID["manifest"]

_ID = str(ID)  # IRIs below are minted as plain strings: the graph writer needs no rdflib terms


def issue_iri(issue_id: str) -> str:
    return f"{_ID}issue/{_slug(issue_id)}"


def issue_graph_iri(issue_id: str) -> str:
    return f"{_ID}graph/{_slug(issue_id)}"


def article_iri(issue_id: str, n: int) -> str:
    return f"{_ID}issue/{_slug(issue_id)}/article/{n}"


def sentence_iri(issue_id: str, n: int) -> str:
    return f"{_ID}issue/{_slug(issue_id)}/sentence/{n}"


def mention_iri(issue_id: str, start: int, end: int, type_: str) -> str:
    return f"{_ID}issue/{_slug(issue_id)}/mention/{start}-{end}-{type_.lower()}"


def entity_iri(type_: str, key: str) -> str:
    """Stable: a function of the entity's type and resolved key only."""
    digest = hashlib.sha1(f"{type_}\t{key}".encode()).hexdigest()[:16]
    return f"{_ID}{type_.lower()}/{digest}"


def node_iri(kind: str, *parts: str) -> str:
    """A statement, post or investment node: a hash of what identifies it."""
    digest = hashlib.sha1("\t".join((kind, *parts)).encode("utf-8")).hexdigest()[:20]
    return f"{_ID}{kind}/{digest}"


@lru_cache(maxsize=4096)
def _slug(text: str) -> str:
    """IRIs stay valid whatever the file name: keep safe characters, escape the rest."""
    out = []
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch in "-_."):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogateescape")))
    return "".join(out)
