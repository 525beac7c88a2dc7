"""Nothing lost, nobody locked out: hostile queries, an endpoint under strain, any
file and any name. Each test reproduces a failure a probe found, as a user or an
attacker would."""
from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlencode, urlsplit

import pytest
from helpers import SAMPLES, run_kg

import kg
from kg import query as q
from kg import server as srv
from kg.ingest import decode, find_files

TRADITIONAL = ("長風聯盟工作簡報。工業和信息化部發布《關於推進信息無障礙的指導意見》，北京市經濟和信息化局副局長王磊表示，"
               "將支持企業發展。中關村科技園區管理委員會與河北雄安新區管理委員會近日召開工作對接會。")


class _Rows(BaseHTTPRequestHandler):
    """A SPARQL endpoint of another host: every query gets one row, "leaked"."""

    def do_GET(self):
        self._answer()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._answer()

    def _answer(self):
        body = json.dumps({"head": {"vars": ["x"]},
                           "results": {"bindings": [{"x": {"type": "literal", "value": "leaked"}}]}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def other_host():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Rows)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


@pytest.fixture(scope="module")
def endpoint(samples_graph):
    """The samples served with small limits, so that strain shows quickly."""
    runner = q.QueryRunner(samples_graph[0], 2, start_method="exec", quick_seconds=0.3)
    server = srv.SparqlServer(("127.0.0.1", 0), runner, timeout=8.0, max_clients=4, request_seconds=2.0, quiet=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    thread.join(20)
    server.server_close()
    runner.close()


def _request(url: str, method: str, path: str, body=None, headers=None, timeout=60):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def _sparql(url: str, text: str, **headers):
    return _request(url, "POST", "/sparql", urlencode({"query": text}),
                    {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", **headers})


# -- queries that would leave the graph ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { # a comment ended by a carriage return\rSERVICE <{url}> { ?x ?y ?z } }",
    "SELECT ?x WHERE { \\u0053ERVICE <{url}> { ?x ?y ?z } }",
    "SELECT ?x WHERE { service <{url}> { ?x ?y ?z } }",
])
def test_service_cannot_be_smuggled_past_the_check(samples_graph, endpoint, other_host, text):
    text = text.replace("{url}", other_host)
    result = run_kg("query", samples_graph[0], text)
    assert result.returncode == 2 and "SERVICE" in result.stderr and "leaked" not in result.stdout
    status, body = _sparql(endpoint.url, text)
    assert status == 400 and "leaked" not in body


def test_a_query_worker_cannot_reach_the_network(other_host):
    """The second line: were a SERVICE query to reach a worker, its engine could not connect."""
    code = ("import sys, pyoxigraph as ox\n"
            "from kg.query.sandbox import deny_network\n"
            "if sys.argv[2] == 'deny': assert deny_network()\n"
            "rows = ox.Store().query('SELECT ?x WHERE { SERVICE <' + sys.argv[1] + '> { ?x ?y ?z } }')\n"
            "print([r['x'].value for r in rows])\n")
    allowed = subprocess.run([sys.executable, "-c", code, other_host, "allow"], capture_output=True, text=True)
    assert "leaked" in allowed.stdout  # the check can tell: without the sandbox, it leaks
    denied = subprocess.run([sys.executable, "-c", code, other_host, "deny"], capture_output=True, text=True)
    assert "leaked" not in denied.stdout and denied.returncode != 0


def test_from_and_from_named_are_honoured(samples_graph, endpoint):
    nowhere = "SELECT (COUNT(*) AS ?n) FROM <http://nowhere.example/> WHERE { ?s ?p ?o }"
    result = run_kg("query", samples_graph[0], nowhere, "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"] == "0"
    one = "<https://w3id.org/cnkg/id/graph/kjrb_special_2023>"
    counted = run_kg("query", samples_graph[0], f"SELECT (COUNT(*) AS ?n) FROM {one} WHERE {{ ?s ?p ?o }}",
                     "--format", "json")
    everything = run_kg("query", samples_graph[0], "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "json")
    n_one, n_all = (int(json.loads(r.stdout)["results"]["bindings"][0]["n"]["value"]) for r in (counted, everything))
    assert 0 < n_one < n_all
    status, body = _sparql(endpoint.url, nowhere)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "0"


def test_a_query_past_its_memory_is_a_clear_error(samples_graph):
    result = run_kg("query", samples_graph[0], "--worker-memory", "700",
                    "SELECT ?a ?b WHERE { ?a ?p ?o . ?b ?q ?r } ORDER BY ?a ?b", "--limit", "1")
    assert result.returncode == 1 and "memory" in result.stderr and "Traceback" not in result.stderr


# -- an endpoint that stays up ---------------------------------------------------------------------

def test_light_queries_are_not_starved_by_a_heavy_one(endpoint):
    """With two workers, a query past the quick lane's time moves to the slow lane:
    a light query is answered while the heavy one is still running."""
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    done = threading.Event()
    answers = {}

    def run_heavy():
        answers["heavy"] = _sparql(endpoint.url, heavy)[0]
        done.set()

    thread = threading.Thread(target=run_heavy, daemon=True)
    thread.start()
    time.sleep(1.0)  # past the quick lane's 0.3 s: it has moved
    for _ in range(3):
        status, body = _sparql(endpoint.url, "ASK {}")
        assert status == 200 and json.loads(body)["boolean"] is True
    assert not done.is_set(), "the light queries were answered while the heavy one ran"
    thread.join(60)
    assert answers["heavy"] == 503  # stopped at the time limit


def test_a_worker_killed_at_its_deadline_is_replaced_at_once(samples_graph):
    """The next light query must not wait for a new interpreter to start."""
    with q.QueryRunner(samples_graph[0], 2, start_method="exec") as runner:
        runner.start()
        before = set(runner.idle_pids())
        assert len(before) == 2
        with pytest.raises(kg.errors.QueryTimeout):
            runner.run(q.QueryRequest("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), timeout=1.0)
        waited = time.monotonic() + 60
        while len(runner.idle_pids()) < 2 and time.monotonic() < waited:
            time.sleep(0.1)
        after = set(runner.idle_pids())
    assert len(after) == 2 and len(after - before) == 1  # one killed, one started in its place, unasked


def test_slow_clients_take_no_slot_and_are_cut_off(endpoint):
    """More clients dribbling their bodies than there are slots: real queries are still
    answered, and each slow client is cut off at the whole-request deadline."""
    slow = []
    for _ in range(endpoint.slots._initial_value + 2):  # more than every slot
        s = socket.create_connection(("127.0.0.1", endpoint.server_address[1]), timeout=30)
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 500\r\n\r\nSEL")
        slow.append(s)
    try:
        status, _ = _sparql(endpoint.url, "ASK {}")
        assert status == 200
        time.sleep(endpoint.request_seconds + 1)
        for s in slow:  # cut off: the server shut the connection down
            s.settimeout(5)
            assert s.recv(1000) == b""
    finally:
        for s in slow:
            s.close()


def test_the_host_header_is_checked_on_loopback(endpoint):
    assert _sparql(endpoint.url, "ASK {}", Host="attacker.example")[0] == 421
    assert _sparql(endpoint.url, "ASK {}", Host=f"localhost:{endpoint.server_address[1]}")[0] == 200
    assert _sparql(endpoint.url, "ASK {}", Host=f"127.0.0.1:{endpoint.server_address[1]}")[0] == 200


def test_a_missing_graph_is_404(endpoint):
    status, _ = _request(endpoint.url, "GET", "/store?graph=" + "https%3A%2F%2Fw3id.org%2Fcnkg%2Fid%2Fgraph%2Fnone")
    assert status == 404
    present = "https%3A%2F%2Fw3id.org%2Fcnkg%2Fid%2Fgraph%2Fkjrb_special_2023"
    assert _request(endpoint.url, "GET", f"/store?graph={present}", headers={"Accept": "application/n-triples"})[0] == 200


def test_a_non_loopback_bind_is_warned_about(samples_graph):
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(samples_graph[0]), "--host", "0.0.0.0",
                             "--port", "0", "--workers", "1", "--quiet"], stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not any("not loopback" in line for line in lines):
            lines.append(proc.stderr.readline())
        assert any("not loopback" in line for line in lines), lines
    finally:
        proc.terminate()
        proc.wait(30)


def test_the_server_serves_the_new_graph_after_a_build(tmp_path):
    """No restart: after kg build swaps a new graph in, new queries see it."""
    graph = tmp_path / "g"
    kg.build([SAMPLES / "changfeng_2021_27.txt"], graph)
    runner = q.QueryRunner(graph, 1, start_method="exec")
    server = srv.SparqlServer(("127.0.0.1", 0), runner, quiet=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    count = "SELECT (COUNT(?i) AS ?n) WHERE { ?i a kg:Issue }"
    try:
        assert json.loads(_sparql(server.url, count)[1])["results"]["bindings"][0]["n"]["value"] == "1"
        kg.build([SAMPLES / "kjrb_special_2023.txt"], graph)
        assert json.loads(_sparql(server.url, count)[1])["results"]["bindings"][0]["n"]["value"] == "2"
    finally:
        server.shutdown()
        server.server_close()
        runner.close()


# -- any file, any name ----------------------------------------------------------------------------

def test_a_file_name_that_is_not_utf8(tmp_path):
    folder = tmp_path / "issues"
    folder.mkdir()
    name = os.fsdecode(b"issue_\xb9\xfa.txt")  # GB18030 bytes, as an archive from Chinese Windows keeps them
    shutil.copy(SAMPLES / "kjrb_special_2023.txt", folder / name)
    result = run_kg("build", folder, "--out", tmp_path / "g")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    with kg.open(tmp_path / "g") as graph:
        assert graph.issue_ids() == ["issue_\\xb9\\xfa"]


def test_big5_is_read_as_big5_and_mojibake_is_refused():
    text, encoding = decode(TRADITIONAL.encode("big5"))
    assert encoding == "big5" and text == TRADITIONAL
    assert decode(TRADITIONAL.encode("gb18030"))[1] == "gb18030"  # traditional characters written in GB18030
    # double-byte noise that GB18030 decodes, into rare characters: mojibake, refused by name
    noise = b"".join(bytes([0x81 + (i * 7) % 0x2F, 0x40 + (i * 13) % 0x3E]) for i in range(2000))
    with pytest.raises(ValueError, match="believably"):
        decode(noise)


def test_a_big5_issue_builds_without_mojibake(tmp_path):
    (tmp_path / "tw.txt").write_bytes(("工作簡報\n2024 年第 1 期\n" + TRADITIONAL + "\n").encode("big5"))
    kg.build([tmp_path / "tw.txt"], tmp_path / "g")
    with kg.open(tmp_path / "g") as graph:
        labels = {row["l"] for row in graph.select("SELECT ?l WHERE { ?e rdfs:label ?l }")}
        text = next(graph.select("SELECT ?t WHERE { ?i kg:text ?t }"))["t"]
    assert "王磊" in labels and text.startswith("工作簡報")


def test_an_unreadable_folder_is_named(tmp_path, monkeypatch):
    (tmp_path / "issues" / "locked").mkdir(parents=True)
    shutil.copy(SAMPLES / "kjrb_special_2023.txt", tmp_path / "issues")
    locked = str(tmp_path / "issues" / "locked")
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads every folder: make one unreadable
    skipped = []
    files = find_files([tmp_path / "issues"], skipped.append)
    assert [f.name for f in files] == ["kjrb_special_2023.txt"]
    assert [str(s.path) for s in skipped] == [locked] and "cannot read" in skipped[0].reason


def test_a_very_long_line_is_cut_and_a_huge_file_refused(tmp_path):
    line = "，".join("北京市经济和信息化局支持企业发展" for _ in range(5000))  # 85,000 characters, no full stop
    (tmp_path / "long.txt").write_text("测试简报\n" + line + "\n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("测" * 7_000_000, encoding="utf-8")
    result = run_kg("build", tmp_path / "long.txt", tmp_path / "huge.txt", "--out", tmp_path / "g")
    assert result.returncode == 0, result.stderr
    assert "huge.txt" in result.stderr and "too large" in result.stderr
    with kg.open(tmp_path / "g") as graph:
        longest = max(len(r["v"]) for r in graph.select("SELECT ?v WHERE { ?s a kg:Sentence ; rdf:value ?v }"))
    assert longest <= 600


def test_a_damaged_graph_is_one_line(tmp_path):
    shutil.copytree(SAMPLES, tmp_path / "issues")
    kg.build([tmp_path / "issues" / "kjrb_special_2023.txt"], tmp_path / "g")
    for f in (tmp_path / "g" / "store").iterdir():
        if f.name.startswith("MANIFEST") or f.suffix == ".sst":
            f.write_bytes(os.urandom(64))
    for command in (["stats"], ["export"], ["entities"], ["query", "ASK {}"]):
        result = run_kg(*command[:1], tmp_path / "g", *command[1:])
        assert result.returncode in (1, 2) and "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_an_unwritable_output_place_is_one_line(tmp_path):
    result = run_kg("build", SAMPLES / "kjrb_special_2023.txt", "--out", "/proc/kg-nowhere/g")
    assert result.returncode == 2 and "Traceback" not in result.stderr and result.stderr.startswith("kg: error:")
