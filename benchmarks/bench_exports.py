"""Every export format on the corpus graph: size, time to write, and a round trip.

    . .venv/bin/activate
    python benchmarks/bench_exports.py [--corpus DIR | --graph DIR] [--json]

The corpus (``../shared/corpus`` unless ``--corpus``) is built, or ``--graph`` is
used as it is. Each format of ``kg export`` is written with ``kg.export.write``
(the folder of CSV files for ``neo4j``) and read back with the library of its
ecosystem:

* ``jsonl``: ``json``, every line, as many entities and relations as the graph has;
* ``ttl``, ``nt``: pyoxigraph, the same triples as the union of the issue graphs;
  ``trig``, ``nq``: pyoxigraph, the same quads as the store;
* ``jsonld``: rdflib's JSON-LD parser, the same triples as the ``nt`` export;
* ``graphml``, ``gexf``: networkx's readers, the same nodes and edges (edge ids
  included) as ``kg.propgraph.entity_graph``;
* ``neo4j``: the csv module: neo4j-admin's header rules, and every relationship's
  ends among the node ids.

The figures are printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib

import kg
from kg import export as exporters
from kg import propgraph

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
NEO4J_FIELD = re.compile(r"^(?:\w*:(?:ID|LABEL|START_ID|END_ID|TYPE)(?:\(\w+\))?|\w+(?::(?:int|long|float|double|boolean|"
                         r"byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(?:\[\])?)?)$")


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def check(fmt: str, path: Path, graph) -> str:
    """The round trip of one export: 'ok: ...' or what differs."""
    if fmt == "jsonl":
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        kinds = {k: sum(r["kind"] == k for r in records) for k in ("entity", "relation")}
        return f"ok: {kinds['entity']} entities, {kinds['relation']} relations parse"
    if fmt in ("ttl", "nt"):
        got = {str(t) for t in ox.parse(path=str(path), format=ox.RdfFormat.from_extension(fmt))}
        want = {str(t) for t in exporters._union_triples(graph)}
        return f"ok: {len(got)} triples" if got == want else f"DIFFERS: {len(got)} vs {len(want)} triples"
    if fmt in ("trig", "nq"):
        got = {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.from_extension(fmt))}
        want = {str(q) for q in graph.store}
        return f"ok: {len(got)} quads" if got == want else f"DIFFERS: {len(got)} vs {len(want)} quads"
    if fmt == "jsonld":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            got = set(rdflib.Graph().parse(path, format="json-ld"))
        nt = path.with_suffix(".check.nt")
        exporters.write(graph, "nt", nt)
        want = set(rdflib.Graph().parse(nt, format="nt"))
        nt.unlink()
        return f"ok: {len(got)} triples, the nt export's" if got == want else f"DIFFERS: {len(got)} vs {len(want)} triples"
    if fmt in ("graphml", "gexf"):
        G = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
        want = propgraph.entity_graph(graph)
        same = set(G.nodes) == set(want.nodes) and {k for *_, k in G.edges(keys=True)} == {k for *_, k in want.edges(keys=True)}
        return (f"ok: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges" if same
                else f"DIFFERS: {G.number_of_nodes()}/{G.number_of_edges()} vs {want.number_of_nodes()}/{want.number_of_edges()}")
    if fmt == "neo4j":
        ids, nodes, rels, problems = set(), 0, 0, []
        for kind in ("nodes", "rels"):
            for csv_path in sorted(path.glob(f"{kind}_*.csv")):
                with open(csv_path, encoding="utf-8", newline="") as f:
                    header, *rows = list(csv.reader(f))
                problems += [f"{csv_path.name}: {h}" for h in header if not NEO4J_FIELD.match(h)]
                if kind == "nodes":
                    ids.update(r[header.index("iri:ID")] for r in rows)
                    nodes += len(rows)
                else:
                    problems += [f"{csv_path.name}: dangling end" for r in rows if r[0] not in ids or r[1] not in ids]
                    rels += len(rows)
        return f"ok: {nodes} nodes, {rels} relationships, headers valid" if not problems else f"DIFFERS: {problems[:3]}"
    return "not checked"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--graph", type=Path, default=None, help="a built graph folder (default: build the corpus)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-exports-"))
    try:
        folder = args.graph
        if folder is None:
            if not sorted(args.corpus.glob("*.txt")):
                print(f"bench_exports: no corpus in {args.corpus} (give --corpus DIR or --graph DIR)", file=sys.stderr)
                return 2
            folder = work / "graph"
            kg.build([args.corpus], folder)
        results = []
        with kg.open(folder) as graph:
            triples = len(exporters._union_triples(graph))
            for fmt in exporters.formats():
                out = work / ("neo4j" if exporters.writes_folder(fmt) else f"export.{fmt}")
                started = time.perf_counter()
                exporters.write(graph, fmt, out)
                seconds = time.perf_counter() - started
                results.append({"format": fmt, "bytes": size(out), "seconds": seconds, "round_trip": check(fmt, out, graph)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps({"triples": triples, "exports": results}, ensure_ascii=False, indent=2))
        return 0
    print(f"graph: {triples:,} triples (the union of the issue graphs)")
    print(f"{'format':<8} {'size':>10} {'write s':>8}  round trip")
    for r in results:
        print(f"{r['format']:<8} {r['bytes'] / 1024:>8.0f} KB {r['seconds']:>8.2f}  {r['round_trip']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
