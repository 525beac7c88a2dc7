"""End to end: the shipped samples and the real corpus through `kg build`."""
from __future__ import annotations

import io

import pyoxigraph as ox
import pytest
import rdflib
from helpers import SAMPLES, TYPES, jsonl
from helpers import shacl as _shacl

import kg
from kg import export as exporters
from kg.store import KnowledgeGraph


def test_samples_build_names_at_least_80_entities_of_the_four_types(samples_graph):
    out, report = samples_graph
    assert sorted(report.issues) == ["changfeng_2021_27", "institute_digest_2022_05", "kjrb_special_2023"]
    entities = [r for r in jsonl(out) if r["kind"] == "entity"]
    by_type = {t: {e["label"] for e in entities if e["type"] == t} for t in TYPES}
    assert sum(len(v) for v in by_type.values()) >= 80
    assert all(len(by_type[t]) >= 5 for t in TYPES)
    assert "关于推进信息无障碍的指导意见" in by_type["Policy"]
    assert "科学技术进步法" in by_type["Policy"]
    assert not {"专精特新", "双循环"} & by_type["Policy"]
    assert "北京大学首都发展研究院" in by_type["Organization"]  # broken across lines in the file


def test_jsonl_follows_the_scorer_contract(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        texts = {row["id"]: row["text"] for row in graph.select(
            "SELECT ?id ?text WHERE { ?i a kg:Issue ; dcterms:identifier ?id ; kg:text ?text }")}
    records = jsonl(out)
    assert records and all(r["kind"] in ("entity", "relation") for r in records)
    for r in records:
        if r["kind"] != "entity":
            continue
        assert set(r) == {"kind", "id", "type", "label", "mentions"} and r["id"].startswith("https://")
        for m in r["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]


def test_an_entity_seen_in_several_issues_is_one_line(samples_graph):
    out, _ = samples_graph
    entities = [r for r in jsonl(out) if r["kind"] == "entity"]
    keys = [(e["type"], e["label"]) for e in entities if e["type"] in ("Organization", "Region", "Policy")]
    assert len(keys) == len(set(keys))  # people may share a name and stay apart
    by_label = {(e["type"], e["label"]): e for e in entities}
    ministry = by_label[("Organization", "工业和信息化部")]
    assert {"工信部", "工业和信息化部"} <= {m["text"] for m in ministry["mentions"]}
    assert len({m["doc"] for m in ministry["mentions"]}) == 3
    beijing = by_label[("Region", "北京市")]
    assert {"北京", "北京市"} <= {m["text"] for m in beijing["mentions"]}


def test_issue_metadata_and_provenance_are_queryable(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        rows = list(graph.query("""
            SELECT ?date ?sentence WHERE {
              ?m kg:mentionOf ?e ; kg:inSentence ?s ; kg:inIssue ?i .
              ?e rdfs:label "关于推进信息无障碍的指导意见"@zh .
              ?s rdf:value ?sentence . ?i dcterms:issued ?date }"""))
    assert rows and all("信息无障碍" in str(r.sentence) for r in rows)
    assert {str(r.date) for r in rows} <= {"2021-12-10", "2022-05-20", "2023-03-08"}


@pytest.mark.parametrize("fmt, parse_format, ox_format", [
    ("ttl", "turtle", ox.RdfFormat.TURTLE), ("nt", "nt", ox.RdfFormat.N_TRIPLES),
    ("trig", "trig", ox.RdfFormat.TRIG), ("nq", "nquads", ox.RdfFormat.N_QUADS),
])
def test_rdf_exports_round_trip_through_two_parsers(samples_graph, fmt, parse_format, ox_format):
    out, _ = samples_graph
    buf = io.BytesIO()
    with kg.open(out) as graph:
        exporters.export(graph, fmt, buf)
        if fmt in ("ttl", "nt"):
            expected = {str(t) for t in exporters._union_triples(graph)}
        else:
            expected = {str(q) for q in graph.store}
    data = buf.getvalue()
    via_ox = {str(x) for x in ox.parse(data, ox_format)}
    assert via_ox == expected
    ds = rdflib.Dataset()
    ds.parse(data=data.decode("utf-8"), format=parse_format)
    n = len(ds) if fmt in ("ttl", "nt") else sum(len(g) for g in ds.graphs())
    assert n == len(expected)


def test_samples_graph_passes_the_shacl_shapes(samples_graph):
    out, _ = samples_graph
    buf = io.BytesIO()
    with kg.open(out) as graph:
        exporters.export(graph, "nt", buf)
    conforms, _, text = _shacl(buf.getvalue())
    assert conforms, text


def test_shapes_catch_a_broken_graph(samples_graph):
    out, _ = samples_graph
    buf = io.BytesIO()
    with kg.open(out) as graph:
        exporters.export(graph, "nt", buf)
    broken = b"\n".join(line for line in buf.getvalue().split(b"\n")
                        if b"ontology#surface>" not in line)
    conforms, _, text = _shacl(broken)
    assert not conforms and "surface" in text


def test_corpus_build_passes_shacl_and_round_trips_through_pyoxigraph(corpus_graph):
    buf = io.BytesIO()
    with kg.open(corpus_graph) as graph:
        exporters.export(graph, "trig", buf)
        quads = {str(q) for q in graph.store}
        nt = io.BytesIO()
        exporters.export(graph, "nt", nt)
        issues = graph.issue_ids()
    assert len(issues) == 4
    assert {str(q) for q in ox.parse(buf.getvalue(), ox.RdfFormat.TRIG)} == quads
    conforms, _, text = _shacl(nt.getvalue())
    assert conforms, text


def _count(graph, name: str) -> int:
    return len(list(graph.store.quads_for_pattern(None, None, None, ox.NamedNode(
        f"https://w3id.org/cnkg/id/{name}"))))


def test_rebuilding_an_issue_replaces_its_graph(tmp_path):
    out = tmp_path / "g"
    one = SAMPLES / "changfeng_2021_27.txt"
    kg.build([one], out)
    with kg.open(out) as graph:
        issue_graph = _count(graph, "graph/changfeng_2021_27")
        iris = {r["e"] for r in graph.select("SELECT DISTINCT ?e WHERE { ?m kg:mentionOf ?e }")}
    kg.build([one], out)
    with kg.open(out) as graph:
        assert _count(graph, "graph/changfeng_2021_27") == issue_graph
    kg.build([SAMPLES / "kjrb_special_2023.txt"], out)
    with kg.open(out) as graph:
        assert graph.issue_ids() == ["changfeng_2021_27", "kjrb_special_2023"]
        assert _count(graph, "graph/changfeng_2021_27") == issue_graph
        after = {r["e"] for r in graph.select("SELECT DISTINCT ?e WHERE { ?m kg:mentionOf ?e }")}
    assert iris <= after  # IRIs are stable when an issue is added


def test_a_relation_no_longer_stated_leaves_the_graph(tmp_path):
    issue = tmp_path / "in" / "a.txt"
    issue.parent.mkdir()
    issue.write_text("■ 动态\n中国信息通信研究院院长余晓晖表示，工作将继续推进。", encoding="utf-8")
    out = tmp_path / "g"
    kg.build([issue], out)
    ask = "ASK { ?p kg:holdsPosition ?o }"
    with kg.open(out) as graph:
        assert graph.query(ask).askAnswer
    issue.write_text("■ 动态\n中国信息通信研究院发布报告，工作将继续推进。", encoding="utf-8")
    kg.build([issue], out)
    with kg.open(out) as graph:
        assert not graph.query(ask).askAnswer
        assert not graph.query("ASK { ?st a kg:Statement ; kg:predicate kg:holdsPosition }").askAnswer


def test_interrupted_build_leaves_the_previous_graph(tmp_path, monkeypatch):
    out = tmp_path / "g"
    kg.build([SAMPLES / "changfeng_2021_27.txt"], out)
    before = sorted(p.name for p in out.rglob("*"))

    def boom(self, graph):
        raise KeyboardInterrupt

    monkeypatch.setattr(KnowledgeGraph, "add_graph", boom)
    with pytest.raises(KeyboardInterrupt):
        kg.build([SAMPLES], out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != ".g.lock"] == ["g"]  # the writer lock stays
    with kg.open(out) as graph:
        assert graph.issue_ids() == ["changfeng_2021_27"]


def test_a_failed_background_load_fails_the_build_and_keeps_the_previous_graph(tmp_path, monkeypatch):
    """Triples are loaded in background threads: a load that fails must not go unnoticed."""
    from kg import nquads as graph_module
    from kg.errors import GraphError

    out = tmp_path / "g"
    kg.build([SAMPLES / "changfeng_2021_27.txt"], out)
    before = sorted(p.name for p in out.rglob("*"))
    real = graph_module.issue_nquads
    monkeypatch.setattr(graph_module, "issue_nquads",
                        lambda issue: real(issue) + ['<x:s> <x:p> "an unterminated literal <x:g> .\n'])
    with pytest.raises(GraphError, match="writing the graph failed"):
        kg.build([SAMPLES], out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != ".g.lock"] == ["g"]  # the writer lock stays


def test_every_line_the_writer_makes_passes_the_strict_parser(tmp_path):
    """The store loads kg's own lines leniently, without checking each IRI again (kg.vocab
    mints them escaped): so every line must pass Oxigraph's strict parser, whatever the
    file name (spaces, Chinese, #) becomes in the issue's IRIs."""
    import shutil

    from kg import ner
    from kg.ingest import RawIssue, find_files, read_issues
    from kg.stages import extract, prepare, to_graph

    for sample in SAMPLES.glob("*.txt"):
        shutil.copyfile(sample, tmp_path / f"第 {sample.stem} #简报.txt")
    issues = [prepare(r) for r in read_issues(find_files([tmp_path])) if isinstance(r, RawIssue)]
    assert len(issues) == 3
    lines = [line for issue in extract(issues, ner.load()) for line in to_graph(issue).lines]
    assert len(lines) > 1000
    store = ox.Store()
    store.bulk_load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS)  # strict: raises SyntaxError
    assert len(store) == len(set(lines))


def test_remove_drops_an_issue_and_keeps_the_others_quad_for_quad(tmp_path):
    import pyoxigraph as ox

    out = tmp_path / "g"
    kg.build([SAMPLES], out)
    kept = ("changfeng_2021_27", "institute_digest_2022_05")

    def graphs(folder):
        store = ox.Store.read_only(str(folder / "store"))
        quads = {g: sorted(str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(
            f"https://w3id.org/cnkg/id/graph/{g}"))) for g in (*kept, "kjrb_special_2023")}
        del store
        return quads

    before = graphs(out)
    only_there = "SELECT DISTINCT ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } FILTER NOT EXISTS { GRAPH ?h { ?e rdfs:label ?x } " \
                 "FILTER(?h != ?g) } FILTER(STRENDS(STR(?g), 'kjrb_special_2023')) }"
    with kg.open(out) as graph:
        alone = {r["l"] for r in graph.select(only_there)}
    assert alone  # the check can fail: that issue names entities no other does
    from kg.build import remove

    assert remove(out, ["kjrb_special_2023.txt"]) == ["kjrb_special_2023"]  # by file name
    after = graphs(out)
    assert after["kjrb_special_2023"] == [] and all(after[g] == before[g] for g in kept)
    with kg.open(out) as graph:
        assert graph.issue_ids() == sorted(kept)
        # an entity only that issue named is gone; one the others name stays
        labels = {r["l"] for r in graph.select("SELECT ?l WHERE { ?e rdfs:label ?l }")}
    assert "北京市经济和信息化局" in labels and not labels & alone
    with pytest.raises(kg.InputError, match="no issue nowhere"):
        remove(out, ["nowhere"])
