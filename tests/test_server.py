"""`kg serve`: a real server on a free port of 127.0.0.1, queried by a real SPARQL client."""
from __future__ import annotations

import csv
import http.client
import io
import json
import urllib.error
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyoxigraph as ox
import pytest

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
from helpers import serving
from SPARQLWrapper import CSV, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg import server as srv

ORGS = "SELECT DISTINCT ?o ?label WHERE { ?o a kg:Organization ; rdfs:label ?label } ORDER BY ?label"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_ROWS = 500


@pytest.fixture(scope="module")
def endpoint(samples_graph):
    """The samples served by 8 workers, a 3 s limit per query and a 500-row cap."""
    with serving(samples_graph[0], workers=8, timeout=3.0, max_rows=MAX_ROWS) as server:
        yield server.url


def client(url, query, fmt=JSON, method=None):
    sparql = SPARQLWrapper.SPARQLWrapper(url + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == POST:
        sparql.setMethod(POST)
    elif method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    return sparql


def raw(url, method, path, body=None, headers=None):
    """A request as any HTTP client may send it: status, headers, body text."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def test_select_as_json_with_a_sparql_client(endpoint):
    data = client(endpoint, ORGS).queryAndConvert()
    assert data["head"]["vars"] == ["o", "label"]
    labels = [b["label"]["value"] for b in data["results"]["bindings"]]
    assert "工业和信息化部" in labels and labels == sorted(labels)
    assert data["results"]["bindings"][0]["label"]["xml:lang"] == "zh"


@pytest.mark.parametrize("method", [None, POST, POSTDIRECTLY])
def test_get_post_form_and_post_query(endpoint, method):
    data = client(endpoint, "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Issue }", method=method).queryAndConvert()
    assert data["results"]["bindings"][0]["n"]["value"] == "3"


def test_results_by_content_negotiation(endpoint):
    query = "SELECT DISTINCT ?label WHERE { ?o a kg:Person ; rdfs:label ?label } ORDER BY ?label LIMIT 5"
    xml = client(endpoint, query, XML).query().response.read()
    assert ET.fromstring(xml).tag == "{http://www.w3.org/2005/sparql-results#}sparql"
    rows = list(csv.reader(io.StringIO(client(endpoint, query, CSV).query().response.read().decode())))
    assert rows[0] == ["label"] and len(rows) == 6
    tsv = client(endpoint, query, TSV).query().response.read().decode().splitlines()
    assert tsv[0] == "?label" and tsv[1].endswith("@zh")
    construct = ("CONSTRUCT { ?o rdfs:label ?l } WHERE { { SELECT DISTINCT ?o ?l WHERE { ?o a kg:Person ; "
                 "rdfs:label ?l } ORDER BY ?l LIMIT 4 } }")
    for fmt, rdf in ((TURTLE, ox.RdfFormat.TURTLE), (N3, ox.RdfFormat.TURTLE)):
        body = client(endpoint, construct, fmt).query().response.read()
        assert len(list(ox.parse(body, format=rdf))) == 4
    status, headers, body = raw(endpoint, "GET", "/sparql?" + urlencode({"query": construct}),
                                headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["Content-Type"] == "application/n-triples" and len(body.splitlines()) == 4
    ask = client(endpoint, "ASK { ?i a kg:Issue }").queryAndConvert()
    assert ask == {"head": {}, "boolean": True}


@pytest.mark.parametrize("accept", ["image/png", "", "text/html;q=0.9, */*;q=0.1", "application/x-nonsense"])
def test_an_unusable_accept_gets_the_default(endpoint, accept):
    status, headers, body = raw(endpoint, "GET", "/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"}),
                                headers={"Accept": accept})
    assert status == 200 and headers["Content-Type"] == "application/sparql-results+json"
    assert json.loads(body)["boolean"] is True


def test_a_malformed_query_is_400_with_the_parsers_message(endpoint):
    with pytest.raises(QueryBadFormed) as error:
        client(endpoint, "SELECT ?x WHERE {\n  ?x ?y }").query()
    assert "syntax error at line 2, column" in str(error.value)
    status, _, body = raw(endpoint, "GET", "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s foo:p ?o }"}))
    assert status == 400 and "unknown prefix 'foo:'" in body and "Traceback" not in body


def test_updates_and_graph_store_writes_are_403(endpoint):
    update = client(endpoint, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", method=POST)
    with pytest.raises(urllib.error.HTTPError) as error:
        update.query()
    assert error.value.code == 403
    for body, ctype in (("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
                        (urlencode({"update": "CLEAR ALL"}), "application/x-www-form-urlencoded"),
                        (urlencode({"query": "DROP ALL"}), "application/x-www-form-urlencoded")):
        status, _, text = raw(endpoint, "POST", "/sparql", body, {"Content-Type": ctype})
        assert status == 403 and "read-only" in text
    for method in ("PUT", "POST", "DELETE"):
        assert raw(endpoint, method, "/store?default", "<urn:a> <urn:b> <urn:c> .",
                   {"Content-Type": "application/n-triples"})[0] == 403
    assert client(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }").queryAndConvert()["boolean"] is False


def test_a_query_past_the_time_limit_is_stopped_and_the_server_goes_on(endpoint):
    with pytest.raises(urllib.error.HTTPError) as error:
        client(endpoint, EXPENSIVE).query()
    assert error.value.code == 503 and "stopped after 3 s" in error.value.read().decode()
    data = client(endpoint, "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Issue }").queryAndConvert()
    assert data["results"]["bindings"][0]["n"]["value"] == "3"


def test_fifty_concurrent_requests(endpoint):
    queries = [("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Issue }", "3"),
               ("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p rdfs:label '工业和信息化部'@zh }", "1")]

    def one(k):
        text, expected = queries[k % 2]
        data = client(endpoint, text, method=POST if k % 3 else None).queryAndConvert()
        return data["results"]["bindings"][0]["n"]["value"] == expected

    with ThreadPoolExecutor(50) as pool:
        answers = list(pool.map(one, range(50)))
    assert answers == [True] * 50


def test_results_are_capped(endpoint):
    status, headers, body = raw(endpoint, "GET", "/sparql?" + urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}),
                                headers={"Accept": "application/sparql-results+json"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert headers["X-Kg-Rows"] == str(MAX_ROWS) and "cut at 500 rows" in headers["X-Kg-Truncated"]


@pytest.mark.parametrize("method, path, body, headers, status", [
    ("GET", "/nowhere", None, {}, 404),
    ("DELETE", "/sparql", None, {}, 405),
    ("POST", "/", "x", {"Content-Type": "text/plain"}, 405),
    ("GET", "/sparql", None, {}, 400),
    ("GET", "/sparql?default-graph-uri=x", None, {}, 400),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400),
    ("POST", "/sparql", "query=ASK{}", {"Content-Type": "text/plain"}, 415),
    ("POST", "/sparql", "ASK {}", {"Content-Type": "application/sparql-query", "Content-Length": str(2 << 20)}, 413),
    ("POST", "/sparql", b"query=\xff\xfe", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
    ("GET", "/store", None, {}, 400),
])
def test_every_input_is_checked(endpoint, method, path, body, headers, status):
    got, _, text = raw(endpoint, method, path, body, headers)
    assert got == status and "Traceback" not in text and text.strip()


def test_named_queries_and_parameters_over_http(endpoint):
    form = urlencode([("named", "positions"), ("param", "person=刘维亮")])
    status, _, body = raw(endpoint, "POST", "/sparql", form, {
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(body)))
    assert status == 200 and rows[0][:3] == ["name", "title", "organization"] and rows[1][0] == "刘维亮"
    status, _, body = raw(endpoint, "POST", "/sparql", urlencode([("named", "timeline"), ("param", "entity=nobody")]),
                          {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 400 and "no entity is named 'nobody'" in body
    library = json.loads(raw(endpoint, "GET", "/queries")[2])
    assert len(library) >= 10 and {"name", "description", "text", "params"} <= set(library[0])


def test_graph_store_reads_an_issue_graph(endpoint):
    graph = "https://w3id.org/cnkg/id/graph/changfeng_2021_27"
    status, _, body = raw(endpoint, "GET", "/store?" + urlencode({"graph": graph}),
                                headers={"Accept": "application/n-triples"})
    assert status == 200 and 0 < len(list(ox.parse(body.encode(), format=ox.RdfFormat.N_TRIPLES))) <= MAX_ROWS


def test_the_query_page_works_offline(endpoint):
    status, headers, page = raw(endpoint, "GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "<textarea" in page and "positions" in page and "timeline" in page
    assert "<script src" not in page and "<link" not in page and "cdn" not in page.lower()
    embedded = page.split('id="queries">', 1)[1].split("</script>", 1)[0]
    assert "<" not in embedded and json.loads(embedded)[0]["name"]  # every value escaped


def test_the_page_escapes_what_it_embeds(monkeypatch):
    from kg import query as q

    evil = q.NamedQuery("x</script><script>alert(1)</script>", "<b>&", "SELECT * WHERE { ?s ?p '</script>' }")
    monkeypatch.setattr(q, "named_queries", lambda: {evil.name: evil})
    page = srv.render_page("<graph>")
    assert "<script>alert" not in page and "</script><" not in page.split('id="queries">', 1)[1].split(
        "</script>", 1)[0]
    assert "&lt;graph&gt;" in page


def test_accept_parsing():
    assert srv.negotiate("text/csv;q=0.5, application/sparql-results+xml") == {
        "select": "xml", "ask": "xml", "graph": "ttl"}
    assert srv.negotiate("text/turtle")["graph"] == "ttl" and srv.negotiate(None)["select"] == "json"
    assert srv.negotiate("text/html, */*;q=0.1") == {"select": "json", "ask": "json", "graph": "ttl"}
    assert srv.negotiate("application/json", "csv")["select"] == "csv"
    assert srv.negotiate("text/csv", "gif")["select"] == "csv"  # an unknown format= is ignored


@pytest.mark.browser
def test_the_page_in_headless_chromium(endpoint, monkeypatch):
    """Pick a named query, fill its parameter, run it; then a query whose value is markup."""
    import helpers as chromium

    if chromium.find_chromium() is None:
        pytest.skip("no chromium binary (apt-get install chromium)")
    # still offline, but this page's own server on 127.0.0.1 is reachable
    monkeypatch.setattr(chromium, "OFFLINE", ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1",
                                              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
    with chromium.Chromium() as browser:
        page = browser.open(endpoint)
        page.eval("""(function () {
            const pick = document.getElementById("named");
            pick.value = "positions"; pick.dispatchEvent(new Event("change"));
            document.querySelector("#params input[name=person]").value = "刘维亮";
            document.getElementById("run").click();
        })()""")
        page.wait_for("document.querySelectorAll('#out table tr').length > 1", timeout=30)
        cells = page.eval("Array.from(document.querySelectorAll('#out td')).map(td => td.textContent)")
        status = page.eval("document.getElementById('status').textContent")
        page.eval("""(function () {
            const pick = document.getElementById("named");
            pick.value = ""; pick.dispatchEvent(new Event("change"));
            document.getElementById("text").value = 'SELECT ?x WHERE { BIND("<img src=x onerror=window.__xss=1>" AS ?x) }';
            document.getElementById("run").click();
        })()""")
        page.wait_for("document.querySelector('#out td') && document.querySelector('#out td').textContent.includes('img')")
        markup = page.eval("document.querySelector('#out td').textContent")
        page.eval("document.getElementById('text').value = 'SELECT ?x WHERE {'; document.getElementById('run').click()")
        page.wait_for("document.querySelector('#out .err') !== null")
        error = page.eval("document.querySelector('#out .err').textContent")
        executed = page.eval("typeof window.__xss")
        errors, requests = page.console_errors(), page.requests()
    assert "中小企业处处长" in cells and "刘维亮" in cells and status.startswith("1 rows")
    assert markup == "<img src=x onerror=window.__xss=1>" and executed == "undefined"
    assert "syntax error at line 1" in error
    assert all(r.startswith(endpoint) for r in requests)  # nothing fetched from elsewhere
    assert [e for e in errors if "400" not in e] == []  # the bad query's 400 is the only complaint


@pytest.mark.e2e
def test_kg_serve_command_starts_answers_and_stops_cleanly(samples_graph):
    """The command as a user runs it: it says where it listens, answers, and on SIGTERM
    stops with its workers (no process left behind)."""
    import os
    import re
    import signal
    import subprocess
    import sys
    import time

    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(samples_graph[0]), "--port", "0",
                               "--workers", "2", "--quiet"], stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", line).group(1)
        data = client(url, "ASK { ?i a kg:Issue }").queryAndConvert()
        assert data["boolean"] is True
        workers = [p for p in os.listdir("/proc") if p.isdigit() and _parent(p) == server.pid]
        assert len(workers) >= 2
    finally:
        server.send_signal(signal.SIGTERM)
        rest = server.communicate(timeout=30)[1]
    assert server.returncode == 0 and "stopped" in rest and "Traceback" not in rest
    time.sleep(0.2)
    assert [p for p in workers if os.path.exists(f"/proc/{p}")] == []  # killed and reaped


def _parent(pid: str) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None
