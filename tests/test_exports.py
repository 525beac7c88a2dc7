"""The exports for other tools, each read back with the library of its ecosystem:
GraphML and GEXF with networkx, JSON-LD with rdflib, Neo4j's CSV files with the
csv module against neo4j-admin's header rules. And the regions' codes."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import networkx as nx
import pytest
import rdflib
from helpers import ONTOLOGY, run_kg

import kg
from kg import export as exporters
from kg import jsonld, propgraph, vocab

DCTERMS_IDENTIFIER = rdflib.URIRef(vocab.DCTERMS.identifier)
DIVISION_CODE, COUNTRY_CODE = rdflib.URIRef(vocab.KG.divisionCode), rdflib.URIRef(vocab.KG.countryCode)


@pytest.fixture(scope="module")
def expected(samples_graph):
    with kg.open(samples_graph[0]) as graph:
        return propgraph.entity_graph(graph)


def _export(folder, fmt) -> bytes:
    buf = io.BytesIO()
    with kg.open(folder) as graph:
        exporters.export(graph, fmt, buf)
    return buf.getvalue()


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_read_back_with_networkx(samples_graph, expected, tmp_path, fmt, read):
    path = tmp_path / f"g.{fmt}"
    with kg.open(samples_graph[0]) as graph:
        exporters.write(graph, fmt, path)
    G = read(path, force_multigraph=True) if fmt == "graphml" else read(path)
    assert G.is_directed() and G.is_multigraph()
    assert set(G.nodes) == set(expected.nodes)
    assert G.number_of_edges() == expected.number_of_edges()
    for n, d in expected.nodes(data=True):
        got = G.nodes[n]
        assert got["label"] == d["label"] and got["type"] == d["type"] and int(got["mentions"]) == d["mentions"]
        assert (got.get("aliases") or "").split("|") == (d["aliases"] or [""])
        assert got.get("code") == d.get("code")
    relations = {r for _, _, r in G.edges(data="relation")}
    assert {"holdsPosition", "issued", "within"} <= relations
    stated = [(k, d) for _, _, k, d in expected.edges(keys=True, data=True) if d["evidence"]]
    by_key = {k: d for _, _, k, d in G.edges(keys=True, data=True)}
    for key, d in stated:
        got = by_key[key]  # the statement's IRI is the edge's id
        evidence = json.loads(got["evidence"])
        assert evidence == [{k: e[k] for k in ("doc", "date", "sentence")} for e in d["evidence"]]
        assert int(got["evidence_count"]) == len(evidence) and got["first_sentence"] == evidence[0]["sentence"]
        assert got["relation"] == d["relation"]
        if d.get("title"):
            assert got["title"] == d["title"]


def test_gexf_colours_nodes_by_type(samples_graph, tmp_path):
    path = tmp_path / "g.gexf"
    path.write_bytes(_export(samples_graph[0], "gexf"))
    G = nx.read_gexf(path)
    person = next(d for _, d in G.nodes(data=True) if d["type"] == "Person")
    assert person["viz"]["color"]["r"] == int(vocab.TYPE_STYLE["Person"]["color"][1:3], 16)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")  # inside rdflib's JSON-LD parser
def test_jsonld_is_compacted_and_parses_back_to_the_nt_triples(samples_graph):
    data = _export(samples_graph[0], "jsonld")
    doc = json.loads(data)
    assert doc["@context"] == jsonld.context() and doc["@context"]["kg"] == str(vocab.KG)
    nodes = doc["@graph"]
    person = next(n for n in nodes if n.get("@type") == "kg:Person")
    assert person["@id"].startswith("kgid:person/") and isinstance(person["label"], str)
    mention = next(n for n in nodes if n.get("@type") == "kg:Mention")
    assert isinstance(mention["start"], int) and mention["mentionOf"].startswith("kgid:")
    via_jsonld = rdflib.Graph().parse(data=data.decode("utf-8"), format="json-ld")
    via_nt = rdflib.Graph().parse(data=_export(samples_graph[0], "nt").decode("utf-8"), format="nt")
    assert len(via_jsonld) == len(via_nt) > 10_000
    assert set(via_jsonld) == set(via_nt)


def test_the_shipped_context_is_the_one_the_export_uses():
    assert json.loads((ONTOLOGY / "context.jsonld").read_text(encoding="utf-8")) == {"@context": jsonld.context()}
    iris = [iri for iri, _ in jsonld.TERMS.values()]
    assert len(iris) == len(set(iris)), "two terms for one property"


# -- Neo4j ---------------------------------------------------------------------------------

#: neo4j-admin database import's header fields: an id, label, start, end or type field
#: (optionally named, an id with an id space), or a property with an optional type.
NEO4J_TYPES = "int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration"
HEADER_FIELD = re.compile(rf"^(?:(?P<name>\w+)?:(?P<special>ID|LABEL|START_ID|END_ID|TYPE|IGNORE)(?:\(\w+\))?"
                          rf"|(?P<prop>\w+)(?::(?P<type>{NEO4J_TYPES})(?P<array>\[\])?)?)$")


def _read(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _check_value(field: str, value: str) -> None:
    m = HEADER_FIELD.match(field)
    assert m, f"bad header field {field!r}"
    if value == "" or m["type"] is None:
        return
    for item in value.split(";") if m["array"] else [value]:
        assert item != "", (field, value)
        if m["type"] in ("int", "long"):
            int(item)
        elif m["type"] == "boolean":
            assert item in ("true", "false")
        elif m["type"] == "date":
            dt.date.fromisoformat(item)


@pytest.fixture(scope="module")
def neo4j_folder(samples_graph, tmp_path_factory):
    out = tmp_path_factory.mktemp("neo4j") / "import"
    with kg.open(samples_graph[0]) as graph:
        exporters.write(graph, "neo4j", out)
    return out


def test_neo4j_files_follow_the_importers_header_rules(neo4j_folder, expected):
    node_files = sorted(neo4j_folder.glob("nodes_*.csv"))
    rel_files = sorted(neo4j_folder.glob("rels_*.csv"))
    assert {p.name for p in node_files} >= {"nodes_Organization.csv", "nodes_Person.csv", "nodes_Region.csv",
                                             "nodes_Policy.csv", "nodes_Issue.csv"}
    ids: set[str] = set()
    for path in node_files:
        header, rows = _read(path)
        specials = [HEADER_FIELD.match(f)["special"] for f in header]
        assert specials.count("ID") == 1 and specials.count("LABEL") == 1, path.name
        for row in rows:
            assert len(row) == len(header)
            for field, value in zip(header, row):
                _check_value(field, value)
            ids.add(row[specials.index("ID")])
    assert {n for n in expected} <= ids
    for path in rel_files:
        header, rows = _read(path)
        assert header[:3] == [":START_ID", ":END_ID", ":TYPE"], path.name
        assert rows and {r[2] for r in rows} == {path.stem[len("rels_"):]}
        for row in rows:
            assert len(row) == len(header)
            assert row[0] in ids and row[1] in ids, f"{path.name}: a relationship end without a node"
            for field, value in zip(header, row):
                _check_value(field, value)
    stated = sum(1 for *_, d in expected.edges(data=True))
    assert sum(len(_read(p)[1]) for p in rel_files if p.name != "rels_MENTIONED_IN.csv") == stated


def test_neo4j_values_and_readme(neo4j_folder):
    header, rows = _read(neo4j_folder / "nodes_Region.csv")
    beijing = next(dict(zip(header, r)) for r in rows if r[1] == "北京市")
    assert beijing["code"] == "110000" and beijing[":LABEL"] == "Entity;Region"
    header, rows = _read(neo4j_folder / "rels_HOLDS_POSITION.csv")
    posts = [dict(zip(header, r)) for r in rows]
    assert any(p["title"] for p in posts)
    assert all(json.loads(p["evidence"])[0]["sentence"] == p["first_sentence"] for p in posts)
    readme = (neo4j_folder / "README.txt").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in readme
    for path in neo4j_folder.glob("*.csv"):
        kind = "--nodes=" if path.name.startswith("nodes_") else "--relationships="
        assert kind + path.name in readme


def test_neo4j_needs_an_output_folder_and_replaces_only_its_own(samples_graph, neo4j_folder, tmp_path):
    result = run_kg("export", samples_graph[0], "--format", "neo4j")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "--output DIR" in result.stderr
    with kg.open(samples_graph[0]) as graph:
        exporters.write(graph, "neo4j", neo4j_folder)  # again, over an earlier export: replaced
        other = tmp_path / "mine"
        other.mkdir()
        (other / "notes.txt").write_text("keep me", encoding="utf-8")
        with pytest.raises(kg.InputError, match="not an earlier neo4j export"):
            exporters.write(graph, "neo4j", other)
        with pytest.raises(kg.InputError, match="writes a folder"):
            exporters.export(graph, "neo4j", io.BytesIO())
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine"]  # no temporary folder left behind
    assert (neo4j_folder / "README.txt").is_file()


# -- region codes --------------------------------------------------------------------------


def test_regions_state_their_division_or_country_code(samples_graph):
    g = rdflib.Graph().parse(data=_export(samples_graph[0], "nt").decode("utf-8"), format="nt")
    label = rdflib.URIRef(vocab.RDFS.label)
    by_label = {str(g.value(s, label)): s for s in g.subjects(DCTERMS_IDENTIFIER, None)
                if (s, rdflib.RDF.type, rdflib.URIRef(vocab.KG.Region)) in g}
    assert str(g.value(by_label["北京市"], DIVISION_CODE)) == "110000"
    assert str(g.value(by_label["北京市"], DCTERMS_IDENTIFIER)) == "110000"
    assert str(g.value(by_label["海淀区"], DIVISION_CODE)) == "110108"
    assert str(g.value(by_label["中国"], COUNTRY_CODE)) == "CN" and g.value(by_label["中国"], DIVISION_CODE) is None
    for s, code in g.subject_objects(DIVISION_CODE):
        assert re.fullmatch(r"\d{6}", str(code)) and g.value(s, DCTERMS_IDENTIFIER) == code
    for s, code in g.subject_objects(COUNTRY_CODE):
        assert re.fullmatch(r"[A-Z]{2}", str(code)) and g.value(s, DCTERMS_IDENTIFIER) == code
    # a region not matched to the division data (a zone) has no code
    zones = [s for s in g.subjects(rdflib.RDF.type, rdflib.URIRef(vocab.KG.Region)) if g.value(s, DCTERMS_IDENTIFIER) is None]
    assert zones


@pytest.mark.parametrize("key, expected_code", [
    ("division:110108", ("divisionCode", "110108")), ("division:CN", ("countryCode", "CN")),
    ("北京经开区", None), ("division:1101", None),
])
def test_region_code_from_the_key(key, expected_code):
    assert vocab.region_code(key) == expected_code


def test_the_shapes_check_the_codes(samples_graph):
    from helpers import shacl

    nt = _export(samples_graph[0], "nt")
    broken = nt.replace(b'ontology#divisionCode> "110000"', b'ontology#divisionCode> "11000"')
    conforms, _, text = shacl(broken)
    assert not conforms and "divisionCode" in text


@pytest.mark.parametrize("name, params", [("timeline", {"entity": "北京市"}), ("evidence", {"object": "北京市"}),
                                          ("issues", {})])
def test_named_queries_take_issue_ids_from_issues_not_region_codes(samples_graph, name, params):
    """Regions have a dcterms:identifier too: a query must say it wants an issue's."""
    from kg.query import run_query

    with kg.open(samples_graph[0]) as graph:
        ids = set(graph.issue_ids())
    rows = run_query(samples_graph[0], named=name, params=params).dicts()
    assert rows and {str(r["issue"]) for r in rows} <= ids
