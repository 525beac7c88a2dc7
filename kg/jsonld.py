"""JSON-LD: the union of the issue graphs (the triples ``nt`` writes), compacted with
a context for the ontology, so a node reads as plain JSON::

    {"@id": "kgid:person/…", "@type": "kg:Person", "label": "王磊", "altLabel": …}

The context (:func:`context`, also in ``ontology/context.jsonld``) declares the
ontology's prefixes and a short term for each property the graph uses: links
between nodes are typed ``@id``, names are ``@zh`` strings, dates are
``xsd:date``; integers and booleans are JSON numbers and booleans. A value a
term does not fit (a label in another language) keeps the full form, so nothing
is lost: read back with any JSON-LD processor, it gives the same triples.
"""
from __future__ import annotations

import io
import json
from typing import Any, BinaryIO

from . import vocab
from .store import KnowledgeGraph

ID, ZH, DATE = "@id", "zh", "xsd:date"

#: term -> (property as prefix:name, what its values are: "@id", "zh", a datatype, or None for as they come)
TERMS: dict[str, tuple[str, str | None]] = {
    # entities and text
    "label": ("rdfs:label", ZH), "altLabel": ("skos:altLabel", ZH), "value": ("rdf:value", None),
    "identifier": ("dcterms:identifier", None), "title": ("dcterms:title", ZH), "dateIssued": ("dcterms:issued", DATE),
    "isPartOf": ("dcterms:isPartOf", ID), "issueNumber": ("schema:issueNumber", None),
    "position": ("schema:position", None), "text": ("kg:text", None), "sourceFile": ("kg:sourceFile", None),
    "encoding": ("kg:encoding", None), "issueLabel": ("kg:issueLabel", None),
    "publisherName": ("kg:publisherName", ZH), "section": ("kg:section", ZH), "start": ("kg:start", None),
    "end": ("kg:end", None), "inIssue": ("kg:inIssue", ID), "inArticle": ("kg:inArticle", ID),
    "inSentence": ("kg:inSentence", ID), "mentionOf": ("kg:mentionOf", ID), "surface": ("kg:surface", None),
    "detectedBy": ("kg:detectedBy", None), "divisionCode": ("kg:divisionCode", None),
    "countryCode": ("kg:countryCode", None),
    # statements and their qualifiers
    "subject": ("kg:subject", ID), "predicate": ("kg:predicate", ID), "object": ("kg:object", ID),
    "evidence": ("kg:evidence", ID), "qualifiedBy": ("kg:qualifiedBy", ID), "derivedFrom": ("kg:derivedFrom", ID),
    "member": ("org:member", ID), "organization": ("org:organization", ID), "postTitle": ("kg:title", ZH),
    "investor": ("kg:investor", ID), "investee": ("kg:investee", ID), "round": ("kg:round", ZH),
    "amount": ("kg:amount", ZH), "leadInvestor": ("kg:leadInvestor", None),
    "firstReported": ("kg:firstReported", DATE), "lastReported": ("kg:lastReported", DATE),
    # links between entities
    **{relation: (f"kg:{relation}", ID) for relation in (*vocab.STATED_RELATIONS, "within", vocab.CO_MENTION)},
}


def context() -> dict[str, Any]:
    """The JSON-LD context: the ontology's prefixes and a term for each property."""
    ctx: dict[str, Any] = {prefix: str(ns) for prefix, ns in vocab.PREFIXES.items()}
    for term, (iri, kind) in TERMS.items():
        if kind is None:
            ctx[term] = iri
        elif kind == ZH:
            ctx[term] = {"@id": iri, "@language": ZH}
        else:
            ctx[term] = {"@id": iri, "@type": kind}
    return ctx


def to_jsonld(graph: KnowledgeGraph) -> dict[str, Any]:
    """The compacted document: ``{"@context": …, "@graph": [node, …]}``."""
    import rdflib

    from .export import write_nt

    data = io.BytesIO()
    write_nt(graph, data)
    g = rdflib.Graph()
    g.parse(data=data.getvalue().decode("utf-8"), format="nt")
    ctx = context()
    doc = json.loads(g.serialize(format="json-ld", context=ctx, use_native_types=True, auto_compact=False))
    if isinstance(doc, list):  # nothing to compact (an empty graph)
        doc = {"@graph": doc}
    doc.pop("@context", None)
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    links = {term for term, (_, kind) in TERMS.items() if kind == ID}
    for node in nodes:
        _shrink_ids(node, links)
    return {"@context": ctx, "@graph": nodes}


_KGID = str(vocab.ID)


def _shrink(value: Any) -> Any:
    """``https://w3id.org/cnkg/id/person/…`` → ``kgid:person/…`` (a compact IRI, as
    JSON-LD reads it back); other values as they are."""
    if isinstance(value, str) and value.startswith(_KGID):
        return "kgid:" + value[len(_KGID):]
    if isinstance(value, list):
        return [_shrink(v) for v in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return {"@id": _shrink(value["@id"])}
    return value


def _shrink_ids(node: dict, links: set[str]) -> None:
    """Node ids, and the values of the terms typed ``@id``, in compact form (rdflib leaves
    them whole)."""
    for key in list(node):
        if key == "@id" or key in links:
            node[key] = _shrink(node[key])


def write_jsonld(graph: KnowledgeGraph, out: BinaryIO) -> None:
    out.write(json.dumps(to_jsonld(graph), ensure_ascii=False, indent=1).encode("utf-8"))
    out.write(b"\n")


__all__ = ["TERMS", "context", "to_jsonld", "write_jsonld"]
