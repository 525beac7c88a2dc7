"""`kg query` and the kg.query API, on the shipped samples built once per session."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from helpers import needs_corpus

from kg import query as q

# A query that never ends on any graph: a three-way cross product.
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
WANTED = {"positions", "issued", "investors", "orgs-in-region", "recurring", "timeline", "co-mentioned",
          "evidence", "policies-by-region", "new-entities"}


@pytest.fixture(scope="module")
def graph(samples_graph):
    return samples_graph[0]


def kg(*args, input=None):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, input=input, timeout=120, check=False)


def run(graph, text=None, **kwargs) -> q.QueryResult:
    kwargs.setdefault("timeout", None)
    return q.run_query(graph, text, **kwargs)


# --------------------------------------------------------------------------- the library

def test_the_library_answers_what_an_analyst_asks():
    library = q.named_queries()
    assert len(library) >= 10 and set(library) >= WANTED
    for name, query in library.items():
        assert query.text.startswith("# ") and query.description, name
        assert query.description == query.text.splitlines()[0][2:].strip()
        for param in query.params:
            assert param.kind in q.PARAM_KINDS and param.help, (name, param)


@pytest.mark.parametrize("name", sorted(q.named_queries()))
def test_every_named_query_answers_on_the_samples(graph, name):
    query = q.named_query(name)
    result = run(graph, named=name, params=query.example_params())
    assert result.kind == "select" and len(result) >= 1, name
    assert not {p.name for p in query.params} & set(result.variables)  # inputs are not repeated
    assert not result.notes


def column(result, name):
    return [row[name] for row in result.dicts()]


def direct(graph, text) -> list[dict]:
    """A plain query, to check a named query's answer against the graph itself."""
    return run(graph, text).dicts()


def test_positions_of_a_person(graph):
    result = run(graph, named="positions", params={"person": "刘维亮"}).dicts()
    posts = direct(graph, """SELECT DISTINCT ?title ?organization WHERE {
        ?p rdfs:label "刘维亮"@zh . ?post org:member ?p ; org:organization ?o ; kg:title ?title .
        ?o rdfs:label ?organization }""")
    assert posts and [(r["title"], r["organization"]) for r in result] == [
        (r["title"], r["organization"]) for r in posts]
    assert all(r["name"] == "刘维亮" and int(r["issues"]) >= 1 and r["first"] <= r["last"] for r in result)
    everyone = run(graph, named="positions")
    assert len(everyone) > 10 and "刘维亮" in column(everyone, "name")
    at_org = run(graph, named="positions", params={"org": "北京市经济和信息化局"})
    assert set(column(at_org, "organization")) == {"北京市经济和信息化局"} and "刘维亮" in column(at_org, "name")


def test_issued_policies_come_in_date_order(graph):
    result = run(graph, named="issued")
    dates = column(result, "date")
    assert len(result) > 5 and dates == sorted(dates)
    pairs = direct(graph, "SELECT DISTINCT ?a ?b WHERE { ?o kg:issued ?p . ?o rdfs:label ?a . ?p rdfs:label ?b }")
    assert {(r["issuer"], r["policy"]) for r in result.dicts()} == {(r["a"], r["b"]) for r in pairs}
    assert all(r["evidence"] for r in result.dicts())
    since = run(graph, named="issued", params={"since": "2022-01-01"})
    assert 0 < len(since) < len(result) and min(column(since, "date")) >= "2022-01-01"


def test_investors_with_rounds_and_leads(graph):
    company = "北京澄知智能科技有限公司"
    rows = run(graph, named="investors", params={"company": company}).dicts()
    deals = direct(graph, f"""SELECT DISTINCT ?investor ?round WHERE {{ ?c rdfs:label "{company}"@zh .
        ?d kg:investee ?c ; kg:investor ?i ; kg:round ?round . ?i rdfs:label ?investor }}""")
    assert deals and sorted((r["investor"], r["round"]) for r in rows) == sorted(
        (r["investor"], r["round"]) for r in deals)
    assert {r["investee"] for r in rows} == {company} and {r["lead"] for r in rows} <= {"true", "false", None}
    by = run(graph, named="investors", params={"company": company, "by": "红杉中国"}).dicts()
    assert by and {r["investor"] for r in by} == {"红杉中国"}


def test_organizations_in_a_region_include_its_districts(graph):
    rows = run(graph, named="orgs-in-region", params={"region": "北京市"}).dicts()
    # an organization's label as the issue placing it gives it (another issue may use a short name)
    in_districts = direct(graph, """SELECT DISTINCT ?organization ?district WHERE { ?bj rdfs:label "北京市"@zh .
        GRAPH ?g { ?o kg:locatedIn ?r ; rdfs:label ?organization } ?r kg:within+ ?bj ; rdfs:label ?district }""")
    assert in_districts  # e.g. a company in 海淀区
    placed = {(row["organization"], row["located_in"]) for row in rows}
    assert {(r["organization"], r["district"]) for r in in_districts} <= placed
    assert len(rows) > 20 and all(int(r["issues"]) >= 1 for r in rows)


def test_recurring_timeline_co_mentions_evidence(graph):
    top = run(graph, named="recurring").dicts()[0]
    assert top["entity"] == "北京市" and top["issues"] == "3"
    people = run(graph, named="recurring", params={"type": "Person"})
    assert set(column(people, "class")) == {str(q.vocab.KG.Person)}
    timeline = run(graph, named="timeline", params={"entity": "北京市经济和信息化局"})
    assert column(timeline, "date") == ["2021-12-10", "2022-05-20", "2023-03-08"]
    assert all(s for s in column(timeline, "first_sentence"))
    together = run(graph, named="co-mentioned", params={"entity": "北京市经济和信息化局"}).dicts()
    counts = [int(r["together"]) for r in together]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1
    evidence = run(graph, named="evidence", params={"subject": "刘维亮"}).dicts()
    assert evidence and all("刘维亮" in r["sentence"] for r in evidence)
    assert {r["predicate"] for r in evidence} == {"holdsPosition"}
    issued = run(graph, named="evidence", params={"relation": "issued"})
    assert len(issued) >= 1 and set(column(issued, "predicate")) == {"issued"}
    both_ways = run(graph, named="relations", params={"entity": "北京市经济和信息化局"}).dicts()
    assert {r["direction"] for r in both_ways} <= {"→", "←"} and any(
        r["relation"] == "holdsPosition" and r["direction"] == "←" for r in both_ways)


def test_policies_per_region_and_new_entities_per_issue(graph):
    beijing = run(graph, named="policies-by-region", params={"region": "北京市"}).dicts()
    assert len(beijing) == 1 and int(beijing[0]["policies"]) >= 1 and "北京市" in beijing[0]["titles"]
    everywhere = run(graph, named="policies-by-region").dicts()
    assert "北京市" in [r["place"] for r in everywhere]
    china = next(r for r in everywhere if r["place"] == "中国")  # everything in 北京市 is in 中国 too
    assert int(china["policies"]) >= int(beijing[0]["policies"])
    new = run(graph, named="new-entities").dicts()
    assert [r["date"] for r in new] == ["2021-12-10", "2022-05-20", "2023-03-08"]
    named = direct(graph, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?m kg:mentionOf ?e }")[0]["n"]
    assert sum(int(r["new"]) for r in new) == int(named)  # each entity is new exactly once


# --------------------------------------------------------------------------- parameters

def test_names_as_users_type_them(graph):
    """Label, alias, 《》 and spaces, half-width for full-width: all find the same entity."""
    expected = run(graph, named="timeline", params={"entity": "北京市经济和信息化局"}).rows
    for typed in ("市经信局", "《北京市经济和信息化局》", "  北京市经济和信息化局 "):
        assert run(graph, named="timeline", params={"entity": typed}).rows == expected, typed
    loose = run(graph, named="timeline", params={"entity": "工业互联网创新发展行动计划(2021-2023年)"})
    assert len(loose) >= 1 and "using 工业互联网创新发展行动计划（2021-2023 年）" in loose.notes[0]
    iri = run(graph, "SELECT ?e WHERE { ?e rdfs:label '北京市经济和信息化局'@zh } LIMIT 1").rows[0][0].value
    assert run(graph, named="timeline", params={"entity": f"<{iri}>"}).rows == expected


def test_a_name_of_several_entities_runs_for_each(graph):
    result = run(graph, named="timeline", params={"entity": "国盾量子"})
    assert "names 2 entities" in result.notes[0] and len(result) >= 2


def test_unknown_names_suggest_similar_ones(graph):
    with pytest.raises(q.QueryError, match="no entity is named '经济和信息化局'.*北京市经济和信息化局"):
        run(graph, named="timeline", params={"entity": "经济和信息化局"})
    with pytest.raises(q.QueryError, match="no Person is named"):
        run(graph, named="positions", params={"person": "北京市"})  # a region, not a person


def test_parameters_are_bound_not_pasted(graph):
    sneaky = '北京市"@zh } UNION { ?e ?p ?name'
    ad_hoc = "SELECT ?name ?e WHERE { ?e rdfs:label ?name }"
    assert len(run(graph, ad_hoc, params={"name": sneaky})) == 0
    assert len(run(graph, ad_hoc, params={"name": "北京市"})) >= 1
    with pytest.raises(q.QueryError, match="no entity is named"):
        run(graph, named="timeline", params={"entity": sneaky})


@pytest.mark.parametrize("named, params, message", [
    ("timeline", {}, "needs --param entity"),
    ("positions", {"nobody": "x"}, "unknown parameter 'nobody'"),
    ("issued", {"since": "last spring"}, "not a date"),
    ("recurring", {"type": "not a class"}, "not a class"),
    ("nope", {}, "no named query 'nope'"),
    ("position", {}, "did you mean positions"),
])
def test_bad_parameters_are_user_errors(graph, named, params, message):
    with pytest.raises(q.QueryError, match=message):
        run(graph, named=named, params=params)


def test_param_arguments():
    assert q.parse_param_args(["person=王磊", "since=2021-06-01"]) == {"person": "王磊", "since": "2021-06-01"}
    assert q.parse_param_args(["text=a=b"]) == {"text": "a=b"}
    for bad in (["王磊"], ["=x"], ["a b=c"], ["x=1", "x=2"]):
        with pytest.raises(q.QueryError):
            q.parse_param_args(bad)


def test_a_bound_variable_must_be_selected(graph):
    with pytest.raises(q.QueryError, match="does not select \\?name"):
        run(graph, "SELECT ?e WHERE { ?e rdfs:label ?name }", params={"name": "北京市"})


# --------------------------------------------------------------------------- queries and errors

def test_prefixes_are_declared_and_a_query_may_declare_its_own(graph):
    assert len(run(graph, "SELECT ?o WHERE { ?o a kg:Organization } LIMIT 3")) == 3
    own = run(graph, "PREFIX kg: <http://example.org/> SELECT (kg:x AS ?x) WHERE {}")
    assert own.rows[0][0].value == "http://example.org/x"
    assert {"kg", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "prov", "org", "schema"} <= set(q.PREFIXES)


def test_syntax_errors_give_line_and_column(graph):
    with pytest.raises(q.QuerySyntaxError) as error:
        run(graph, "SELECT ?x WHERE {\n  ?x a kg:Person ;\n  FILTER(?x ==) }")
    assert error.value.line == 3 and error.value.column > 1
    assert "line 3, column" in str(error.value) and "\n" not in str(error.value)
    with pytest.raises(q.QuerySyntaxError, match="unknown prefix 'foo:'"):
        run(graph, "SELECT * WHERE { ?s foo:bar ?o }")


def test_updates_and_federation_are_refused(graph):
    for text in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "PREFIX a: <urn:a>\n# c\nDELETE WHERE { ?s ?p ?o }",
                 "LOAD <http://example.org/x>", "CLEAR ALL"):
        assert q.is_update(text)
        with pytest.raises(q.UpdateRefused):
            run(graph, text)
    assert not q.is_update("SELECT ?insert WHERE { ?insert ?p 'DELETE' }")
    with pytest.raises(q.QueryError, match="SERVICE"):
        run(graph, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
    assert not q.uses_service("SELECT ?service WHERE { ?service ?p 'SERVICE' }")


def test_timeout_kills_the_worker_and_the_runner_keeps_serving(graph):
    with q.QueryRunner(graph, 1, start_method="exec") as runner:
        with pytest.raises(q.QueryTimeout, match="stopped after 0.3 s"):
            runner.run(q.QueryRequest(EXPENSIVE), timeout=0.3)
        assert _children_in_state("Z") == [] and runner._alive == 0
        answer = runner.run(q.QueryRequest("ASK { ?s a kg:Issue }"), timeout=10)
        assert answer.boolean is True


def _children_in_state(state: str) -> list[int]:
    found = []
    for pid in os.listdir("/proc"):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] == state and int(fields[1]) == os.getpid():
            found.append(int(pid))
    return found


def test_run_query_on_an_open_graph(graph):
    import kg

    with kg.open(graph) as opened:
        result = q.run_query(opened, "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Issue }")
        assert result.dicts() == [{"n": "3"}]
        assert q.run_query(opened, "ASK { ?i a kg:Issue }", timeout=None).boolean


# --------------------------------------------------------------------------- formats

def test_display_width_and_cut():
    assert q.display_width("北京市") == 6 and q.display_width("abc") == 3 and q.display_width("ａ") == 2
    cut = q.cut("北京市经济和信息化局", 9)
    assert cut == "北京市经…" and q.display_width(cut) <= 9
    assert q.cut("short", 9) == "short" and q.cut("北京市经济和信息化局", 0) == "北京市经济和信息化局"


def test_table_aligns_chinese_and_cuts_long_cells(graph):
    result = run(graph, named="positions")
    table = q.format_table(result, max_width=12).splitlines()
    header, rule, rows, footer = table[0], table[1], table[2:-1], table[-1]
    starts = [k for k, ch in enumerate(rule) if ch == "-" and (k == 0 or rule[k - 1] == " ")]
    width = q.display_width
    for line in rows:  # every column starts where its rule starts, counted in display columns
        for start in starts[1:]:
            prefix = next(line[:k] for k in range(len(line) + 1) if width(line[:k]) >= start)
            assert width(prefix) == start and line[len(prefix) - 1] == " ", line
    assert any("…" in line for line in rows) and all(
        width(cell) <= 12 for line in rows for cell in line.split("  ") if cell.strip())
    assert footer == f"({len(rows)} rows)" and header.split()[:3] == ["name", "title", "organization"]


def test_solution_formats(graph):
    result = run(graph, named="positions", params={"person": "刘维亮"})
    rows = list(csv.reader(io.StringIO(q.format_result(result, "csv").decode())))
    assert rows[0][:3] == ["name", "title", "organization"] and rows[1][:3] == ["刘维亮", "中小企业处处长", "北京市经济和信息化局"]
    tsv = q.format_result(result, "tsv").decode().splitlines()
    assert tsv[0].startswith("?name\t?title") and '"刘维亮"@zh' in tsv[1]
    data = json.loads(q.format_result(result, "json"))
    assert data["head"]["vars"][0] == "name"
    assert data["results"]["bindings"][0]["name"] == {"type": "literal", "value": "刘维亮", "xml:lang": "zh"}
    assert data["results"]["bindings"][0]["issues"]["datatype"].endswith("#integer")
    xml = ET.fromstring(q.format_result(result, "xml"))
    assert xml.tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    with pytest.raises(q.QueryError, match="ttl is for CONSTRUCT"):
        q.format_result(result, "ttl")


def test_graph_and_boolean_formats(graph):
    result = run(graph, "CONSTRUCT { ?p rdfs:label ?l } WHERE { { SELECT DISTINCT ?p ?l WHERE {"
                        " ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 5 } }")
    assert result.kind == "graph" and len(result) == 5
    for fmt, rdf in (("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES), ("jsonld", ox.RdfFormat.JSON_LD),
                     ("rdfxml", ox.RdfFormat.RDF_XML)):
        assert len(list(ox.parse(q.format_result(result, fmt), format=rdf))) == 5, fmt
    assert q.format_table(result).splitlines()[0].split() == ["subject", "predicate", "object"]
    ask = run(graph, "ASK { ?p a kg:Person }")
    assert ask.boolean is True and q.format_result(ask, "table") == b"true\n"
    assert json.loads(q.format_result(ask, "json")) == {"head": {}, "boolean": True}


# --------------------------------------------------------------------------- the command

def test_cli_examples_from_the_issue(graph, tmp_path):
    table = kg("query", graph, "SELECT ?org ?label WHERE { ?org a kg:Organization ; rdfs:label ?label }")
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].split() == ["org", "label"] and "kgid:organization/" in table.stdout
    rq = tmp_path / "my.rq"
    rq.write_text("# people\nSELECT DISTINCT ?name WHERE { ?p a kg:Person ; rdfs:label ?name } ORDER BY ?name\n",
                  encoding="utf-8")
    out = kg("query", graph, "-f", rq, "--format", "csv")
    rows = list(csv.reader(io.StringIO(out.stdout)))
    assert out.returncode == 0 and rows[0] == ["name"] and ["刘维亮"] in rows
    named = kg("query", graph, "--named", "positions", "--param", "person=刘维亮")
    assert named.returncode == 0 and "中小企业处处长" in named.stdout and "(1 row)" in named.stdout
    listing = kg("query", graph, "--list").stdout.splitlines()
    assert len(listing) >= 10 and any(line.startswith("positions ") and "Posts held" in line for line in listing)
    shown = kg("query", "--named", "timeline", "--show")
    assert shown.returncode == 0 and shown.stdout.startswith("# An entity's timeline")


def test_cli_help_and_a_folder_that_is_not_a_graph(tmp_path):
    helped = kg("query", "--help")
    assert helped.returncode == 0 and "--param" in helped.stdout and "--timeout" in helped.stdout
    missing = kg("query", tmp_path, "ASK {}")
    assert missing.returncode == 2 and "not a kg graph folder" in missing.stderr


def test_cli_ask_sets_the_exit_status(graph):
    assert kg("query", graph, "ASK { ?i a kg:Issue }").stdout == "true\n"
    no = kg("query", graph, "ASK { ?i a kg:Nothing }")
    assert no.returncode == 1 and no.stdout == "false\n"


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE {\n ?x ?y }"], "syntax error at line 2, column"),
    (["-f", "/nonexistent/my.rq"], "cannot read /nonexistent/my.rq"),
    (["--named", "nope"], "no named query 'nope'"),
    (["--named", "timeline", "--param", "entity"], "bad --param 'entity'"),
    (["--named", "timeline", "--param", "entity=nobody at all"], "no entity is named 'nobody at all'"),
    (["INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "SPARQL Update is refused"),
    ([], "give one query"),
])
def test_cli_user_mistakes_exit_2_with_one_line(graph, args, message):
    result = kg("query", graph, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("kg: error: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_cli_timeout_is_a_clear_message(graph):
    result = kg("query", graph, EXPENSIVE, "--timeout", "0.5")
    assert result.returncode == q.QueryTimeout.exit_code and result.stdout == ""
    assert result.stderr.startswith("kg: error: query stopped after 0.5 s (--timeout 0.5)")


def test_cli_limit_and_width(graph):
    out = kg("query", graph, "--named", "recurring", "--limit", "3", "--max-width", "6")
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) == 2 + 3 + 1 and "cut at the row limit" in lines[-1]
    assert all(q.display_width(cell) <= 15 for cell in lines[2].split("  ") if cell)


@needs_corpus
def test_every_named_query_runs_on_the_corpus(corpus_graph):
    overrides = {"investors": {"company": "苏州蛙声科技有限公司"}}
    for name, query in q.named_queries().items():
        result = run(corpus_graph, named=name, params=overrides.get(name, query.example_params()))
        assert result.kind == "select", name
