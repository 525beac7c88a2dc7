"""Namespaces and terms of the kg ontology (ontology/kg.ttl documents them).

Every IRI the graph writer mints is built here, so the scheme lives in one place.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD

KG = Namespace("https://w3id.org/cnkg/ontology#")
ID = Namespace("https://w3id.org/cnkg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES = {
    "kg": KG, "kgid": ID, "org": ORG, "schema": SCHEMA, "prov": PROV,
    "dcterms": DCTERMS, "rdf": RDF, "rdfs": RDFS, "skos": SKOS,
    "xsd": XSD, "owl": OWL, "sh": SH,
}

ENTITY_TYPES = ("Organization", "Person", "Region", "Policy")
#: Types extracted and kept apart from the four scored ones.
EXTRA_TYPES = ("Report",)

#: Not under graph/, where issue graphs are (graph/{issue id}), so no file name collides.
ONTOLOGY_GRAPH = ID["ontology"]

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
    digest = hashlib.sha1(f"{type_}\t{key}".encode("utf-8")).hexdigest()[:16]
    return f"{_ID}{type_.lower()}/{digest}"


def node_iri(kind: str, *parts: str) -> str:
    """A statement, post, investment or co-mention node: a hash of what identifies it."""
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
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)
