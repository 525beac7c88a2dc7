"""SPARQL over a graph folder: prefixes, named queries, safe parameters, time limits, formats.

The package is split by job: ``text`` (prefixes, what a query is), ``params``
(declarations, the named library, binding), ``execute`` (running in-process),
``formats`` (serializing results) and ``runner`` (worker processes with deadlines).

This is the API behind ``kg query`` and ``kg serve``, and for notebooks::

    from kg.query import run_query, format_result, named_queries
    result = run_query("kg-data", named="positions", params={"person": "王磊"})
    for row in result.dicts():
        print(row["title"], row["organization"])
    print(format_result(result, "table").decode())

* Prefixes: those of the ontology and the common W3C vocabularies (:data:`PREFIXES`)
  are declared for every query; a query may declare its own (its own win).
* Parameters are bound with Oxigraph's substitutions (SEP-0007), never pasted into
  the query text. A bound variable must appear in the SELECT clause (Oxigraph's
  rule); it is an input, so it is left out of the results.
* ``entity`` parameters take a name as an analyst types it (a label or alias, with
  or without 《》, full- or half-width) or an IRI, and are resolved to the entities
  so named before the query runs; several entities of that name give one run each.
* Time limits: with a ``timeout`` the query runs in a worker process that is killed
  (and reaped) at the deadline, materializing and formatting included; Oxigraph
  0.5 has no cancellation, so this is the only way to stop a query in Rust code.
* The default graph is the union of the issue graphs. An entity's names and a
  relation are stated in every issue that names them, and Oxigraph 0.5 sees such
  a triple once per graph (oxigraph#1919, fixed upstream in 0.6): count with
  DISTINCT. The named queries join inside ``GRAPH ?g { ... }`` (one issue at a
  time), which keeps them exact and linear in the number of issues.
* Oxigraph plans a query before the parameters are substituted, so it cannot
  know they are bound; the named queries put the pattern that uses a parameter
  first, so that a given name drives the query.
"""
from __future__ import annotations

from .. import vocab
from ..errors import QueryError, QueryFailed, QuerySyntaxError, QueryTimeout, ServerBusy, UpdateRefused
from ..terminal import cut, display_width
from .execute import QueryResult, execute, resolve_entity
from .formats import FORMATS, GRAPH_FORMATS, SOLUTION_FORMATS, content_type, format_result, format_table, results_json
from .params import (
                     PARAM_KINDS,
                     Bindings,
                     NamedQuery,
                     Param,
                     bind_params,
                     named_queries,
                     named_query,
                     parse_declarations,
                     parse_param_args,
)
from .pool import DEFAULT_TIMEOUT, QueryRunner, default_memory_limit
from .request import Formatted, QueryRequest, serve_request
from .runner import prepare, run_query
from .text import PREFIXES, is_update, query_form, uses_dataset, uses_service

__all__ = [
                     "DEFAULT_TIMEOUT",
                     "FORMATS",
                     "GRAPH_FORMATS",
                     "PARAM_KINDS",
                     "PREFIXES",
                     "SOLUTION_FORMATS",
                     "Bindings",
                     "Formatted",
                     "NamedQuery",
                     "Param",
                     "QueryError",
                     "QueryFailed",
                     "QueryRequest",
                     "QueryResult",
                     "QueryRunner",
                     "QuerySyntaxError",
                     "QueryTimeout",
                     "ServerBusy",
                     "UpdateRefused",
                     "bind_params",
                     "content_type",
                     "cut",
                     "default_memory_limit",
                     "display_width",
                     "execute",
                     "format_result",
                     "format_table",
                     "is_update",
                     "named_queries",
                     "named_query",
                     "parse_declarations",
                     "parse_param_args",
                     "prepare",
                     "query_form",
                     "resolve_entity",
                     "results_json",
                     "run_query",
                     "serve_request",
                     "uses_dataset",
                     "uses_service",
                     "vocab",
]
