"""Facts read back from a graph, for the readers that need them whole (export,
analytics): each stated relation with its evidence and qualifiers.

Read per issue graph (``GRAPH ?g``), so a fact stated in several issues comes once
per issue and never more; the facts stated of names found again (:mod:`kg.recurring`),
in a graph of their own, come with the issue graph of their sentence as ``g``.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from .store import KnowledgeGraph
from .vocab import RECURRING_GRAPH

_QUALIFIERS = """
    OPTIONAL { ?st kg:qualifiedBy ?q .
               OPTIONAL { ?q kg:title ?title } OPTIONAL { ?q kg:round ?round }
               OPTIONAL { ?q kg:amount ?amount } OPTIONAL { ?q kg:leadInvestor ?lead } }"""
STATEMENTS = """
SELECT ?st ?s ?p ?o ?g ?doc ?sent ?text ?title ?round ?amount ?lead WHERE {
  GRAPH ?g {
    ?st a kg:Statement ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:evidence ?sent .
    ?sent rdf:value ?text ; kg:inIssue/dcterms:identifier ?doc .""" + _QUALIFIERS + """
  }
}"""
#: The statements of the graph of names found again (kg.recurring): their sentences are in the
#: graphs of their issues, which ``g`` names, as for any statement.
FOUND_AGAIN_STATEMENTS = f"""
SELECT ?st ?s ?p ?o ?g ?doc ?sent ?text ?title ?round ?amount ?lead WHERE {{
  GRAPH <{RECURRING_GRAPH}> {{
    ?st a kg:Statement ; kg:subject ?s ; kg:predicate ?p ; kg:object ?o ; kg:evidence ?sent .""" + _QUALIFIERS + """
  }
  GRAPH ?g { ?sent rdf:value ?text ; kg:inIssue/dcterms:identifier ?doc . }
}"""


def local_name(iri: str) -> str:
    """``kg:holdsPosition`` → ``holdsPosition``."""
    return iri.rsplit("#", 1)[-1]


def statements(graph: KnowledgeGraph) -> Iterator[dict]:
    """One row per statement, issue graph and evidence sentence: ``st`` (the
    statement's IRI), ``s``, ``relation``, ``o``, ``g`` (the issue graph), ``doc``
    (the issue id), ``sent`` (the sentence's IRI), ``text``, and ``attributes``
    (``title``, ``round``, ``amount``, ``lead`` where stated)."""
    for row in chain(graph.select(STATEMENTS), graph.select(FOUND_AGAIN_STATEMENTS)):
        attributes = {k: row[k] for k in ("title", "round", "amount") if row.get(k)}
        if row.get("lead") is not None:
            attributes["lead"] = row["lead"] == "true"
        yield {"st": row["st"], "s": row["s"], "relation": local_name(row["p"]), "o": row["o"], "g": row["g"],
               "doc": row["doc"], "sent": row["sent"], "text": row["text"], "attributes": attributes}
