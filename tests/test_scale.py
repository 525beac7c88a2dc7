"""Scale (issue 17): extraction on a Dask cluster, and the graph on a SPARQL server
(Oxigraph's and Virtuoso), each giving the same graph, quad for quad, as the plain
build; readers on a server's URL; failures in one line, never half-written."""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from helpers import SAMPLES, run_kg
from servers import OxigraphServer, VirtuosoServer, oxigraph_binary, virtuoso_binary

import kg
from kg import export, ner
from kg.stores.remote import bind_values

pytestmark = [pytest.mark.e2e]

needs_oxigraph = pytest.mark.skipif(not oxigraph_binary(), reason="oxigraph (pip install oxigraph) is absent")
needs_virtuoso = pytest.mark.skipif(not virtuoso_binary(), reason="virtuoso-opensource-7-bin is absent")
_BNODE = re.compile(r"_:[A-Za-z0-9]+")


def canonical(graph) -> list[str]:
    """The graph's N-Quads, sorted, blank-node labels blanked (the ontology's differ between loads)."""
    with kg.open(graph) as opened:
        out = io.BytesIO()
        export.export(opened, "nq", out)
    return sorted(_BNODE.sub("_:b", line) for line in out.getvalue().decode("utf-8").splitlines() if line)


@pytest.fixture(scope="module")
def reference(samples_graph):
    return canonical(samples_graph[0])


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory, samples_graph):
    if not oxigraph_binary():
        pytest.skip("oxigraph (pip install oxigraph) is absent")
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "store").start() as server:
        done = run_kg("build", SAMPLES, "--store", server.url, "-q")
        assert done.returncode == 0, done.stderr
        yield server


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory, samples_graph):
    if not virtuoso_binary():
        pytest.skip("virtuoso-opensource-7-bin is absent")
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start() as server:
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "--store", server.url, "-q"],
                              capture_output=True, text=True, env=server.env(), timeout=300)
        assert done.returncode == 0, done.stderr
        yield server


# -- the same graph ---------------------------------------------------------------------------------

def test_two_dask_workers_build_the_same_graph(tmp_path, reference, samples_graph):
    report = kg.build([SAMPLES], tmp_path / "kg", workers=2)
    assert not report.failed and len(report.issues) == 3
    assert canonical(tmp_path / "kg") == reference
    # the workers make the search index's rows too: written by the build (not rebuilt on the
    # first search), with the same hits as the plain build's index
    from kg import search, textindex

    index = textindex.index_path(tmp_path / "kg")
    built_at = index.stat().st_mtime_ns

    for words in ("信息无障碍", "北京", "董事长"):
        hits = [h.to_dict() for h in search.search(tmp_path / "kg", words, limit=50)]
        assert hits and hits == [h.to_dict() for h in search.search(samples_graph[0], words, limit=50)]
    assert index.stat().st_mtime_ns == built_at


@needs_oxigraph
def test_an_oxigraph_server_holds_the_same_graph(oxigraph, reference):
    assert canonical(oxigraph.url) == reference


@needs_virtuoso
def test_virtuoso_holds_the_same_graph(virtuoso, reference, monkeypatch):
    monkeypatch.setenv("KG_STORE_USER", virtuoso.user)
    monkeypatch.setenv("KG_STORE_PASSWORD", virtuoso.password)
    assert canonical(virtuoso.url) == reference


@needs_oxigraph
def test_rebuilding_issues_on_a_server_replaces_them(oxigraph, reference, tmp_path):
    one = SAMPLES / "kjrb_special_2023.txt"
    done = run_kg("build", one, "--store", oxigraph.url, "-q")
    assert done.returncode == 0, done.stderr
    assert canonical(oxigraph.url) == reference  # replaced, not doubled; the timeline re-dated the same
    with kg.open(oxigraph.url) as graph:
        assert graph.issue_ids() == sorted(p.stem for p in SAMPLES.glob("*.txt"))
        assert graph.manifest["backend"] == ner.DEFAULT_BACKEND


# -- readers on a URL ---------------------------------------------------------------------------------

@needs_oxigraph
@pytest.mark.parametrize("args", [
    ("query", "{g}", "--named", "positions", "--param", "person=刘维亮"),
    ("query", "{g}", "--named", "issued", "--format", "csv"),
    ("query", "{g}", "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Organization }"),
    ("stats", "{g}", "--format", "json"),
    ("path", "{g}", "工信部", "王志刚"),
    ("issues", "{g}", "--format", "json"),
    ("export", "{g}", "--format", "jsonl"),
])
def test_reading_commands_answer_the_same_from_a_server(oxigraph, samples_graph, args):
    on_folder = run_kg(*(a.replace("{g}", str(samples_graph[0])) for a in args))
    on_server = run_kg(*(a.replace("{g}", oxigraph.url) for a in args))
    assert on_folder.returncode == 0, on_folder.stderr
    assert on_server.returncode == 0, on_server.stderr
    if args[0] == "issues":  # JSON lines
        assert [json.loads(x) for x in on_server.stdout.splitlines()] == [json.loads(x) for x in on_folder.stdout.splitlines()]
    elif args[0] == "stats":
        assert json.loads(on_server.stdout) == json.loads(on_folder.stdout)
    else:
        assert on_server.stdout == on_folder.stdout


@needs_oxigraph
def test_viz_and_the_python_api_on_a_server(oxigraph, tmp_path):
    done = run_kg("viz", oxigraph.url, "-o", tmp_path / "n.html")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "n.html").stat().st_size > 10_000
    from kg.analytics import to_networkx
    from kg.query import run_query

    with kg.open(oxigraph.url) as graph:
        assert to_networkx(graph).number_of_nodes() > 100
        rows = run_query(graph, named="positions", params={"person": "刘维亮"}).dicts()
        assert rows and rows[0]["organization"] == "北京市经济和信息化局"
        import rdflib

        frame = graph.frame("SELECT DISTINCT ?name WHERE { ?e a kg:Organization ; rdfs:label ?name }",
                            name=rdflib.Literal("工业和信息化部", lang="zh"))
        assert list(frame["name"]) == ["工业和信息化部"]


#: Named queries Virtuoso answers differently, and why (the README says so too).
VIRTUOSO_DIFFERS = {
    "policies-by-region": "kg:within* with both ends unbound: Virtuoso matches no zero-length path",
}


@needs_virtuoso
def test_every_named_query_runs_on_virtuoso_as_on_the_folder(virtuoso, samples_graph, monkeypatch):
    """Every named query with its example parameters: as many rows as on the folder, and
    the same rows where the query picks no SAMPLE and concatenates nothing (engines choose
    the sample and the order, and the language of a GROUP_CONCAT, each their own way)."""
    from kg.query import named_queries, run_query

    monkeypatch.setenv("KG_STORE_USER", virtuoso.user)
    monkeypatch.setenv("KG_STORE_PASSWORD", virtuoso.password)
    for name, query in named_queries().items():
        params = {p.name: p.example for p in query.params if p.required and p.example}
        here = run_query(samples_graph[0], named=name, params=params, timeout=None)
        there = run_query(virtuoso.url, named=name, params=params, timeout=None)
        if name in VIRTUOSO_DIFFERS:
            assert 0 < len(there) <= len(here), name
            continue
        assert len(there) == len(here), name
        if "SAMPLE(" not in query.text and "GROUP_CONCAT" not in query.text:
            assert sorted(map(str, there.rows)) == sorted(map(str, here.rows)), name


@needs_oxigraph
def test_serve_fronts_a_server_read_only(oxigraph):
    import urllib.error
    import urllib.parse
    import urllib.request

    from servers import free_port

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", oxigraph.url, "--port", str(port),
                                "--workers", "2", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/queries", timeout=2).read()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, process.stderr.read().decode()
                time.sleep(0.2)
        url = base + "/sparql?" + urllib.parse.urlencode({"named": "positions", "param": "person=刘维亮"})
        request = urllib.request.Request(url, headers={"Accept": "text/csv"})
        body = urllib.request.urlopen(request, timeout=30).read().decode("utf-8")
        assert "北京市经济和信息化局" in body
        update = urllib.request.Request(base + "/sparql", data=b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                        headers={"Content-Type": "application/sparql-update"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(update, timeout=30)
        assert refused.value.code == 403
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


# -- failures -------------------------------------------------------------------------------------------

@needs_virtuoso
def test_wrong_credentials_are_one_line_and_never_shown(virtuoso, tmp_path):
    wrong = "Wr0ngPassw0rd-xyz"
    env = dict(virtuoso.env(), KG_STORE_PASSWORD=wrong)
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES / "kjrb_special_2023.txt"),
                           "--store", virtuoso.url, "-q"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "refused" in done.stderr and "credentials" in done.stderr
    assert wrong not in done.stderr + done.stdout and virtuoso.password not in done.stderr


@needs_virtuoso
def test_credentials_from_netrc(virtuoso, tmp_path):
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {virtuoso.user} password {virtuoso.password}\n", encoding="utf-8")
    netrc.chmod(0o600)
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_STORE_")}
    env["NETRC"] = str(netrc)
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES / "kjrb_special_2023.txt"),
                           "--store", virtuoso.url, "-q"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr


def test_credentials_in_the_url_are_refused():
    done = run_kg("stats", "http://dba:secret-pw@127.0.0.1:9/sparql")
    assert done.returncode == 2 and "secret-pw" not in done.stderr
    assert "KG_STORE_USER" in done.stderr and done.stderr.count("\n") == 1


def test_folder_only_commands_refuse_a_url_with_a_hint():
    """kg search and kg remove work on a graph folder; a URL is named whole, with what to do instead."""
    url = "http://127.0.0.1:9/sparql"
    for args, hint in ((("search", url, "芯片"), "--named find"), (("remove", url, "some-issue"), "Graph Store")):
        done = run_kg(*args)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
        assert url in done.stderr and hint in done.stderr and "Traceback" not in done.stderr


def test_an_unreachable_store_is_one_line():
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}"
    for args in (("stats", url), ("query", url, "ASK {}"), ("build", SAMPLES, "--store", url)):
        done = run_kg(*args)
        assert done.returncode != 0
        assert done.stderr.count("\n") == 1 and "cannot reach the store" in done.stderr, done.stderr


def test_a_store_that_does_not_answer_times_out():
    """A server that accepts and never answers: the query stops at --timeout (exit 124)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        started = time.monotonic()
        done = run_kg("query", url, "SELECT * WHERE { ?s ?p ?o }", "--timeout", "3")
        assert done.returncode in (124, 2), done.stderr
        assert done.stderr.count("\n") == 1 and time.monotonic() - started < 120
    finally:
        stop.set()
        thread.join(5)
        for conn in held:
            conn.close()
        listener.close()


@needs_virtuoso
def test_virtuoso_time_limit_is_a_time_out_not_a_partial_answer(virtuoso):
    heavy = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "query", virtuoso.url, heavy, "--timeout", "2"],
                          capture_output=True, text=True, env=virtuoso.env(), timeout=120)
    assert done.returncode == 124, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1


@needs_oxigraph
def test_the_server_stopping_mid_build_leaves_whole_issues(tmp_path, samples_graph):
    """Killed while a build writes: the build fails in one line; every issue graph the
    server kept is complete (as many quads as its sample), none is half-written."""
    issues = tmp_path / "issues"
    issues.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    for k in range(16):
        for sample in samples:
            shutil.copy(sample, issues / f"{sample.stem}__{k:02d}.txt")
    with kg.open(samples_graph[0]) as graph:
        expected = {row["g"].rsplit("/", 1)[1]: int(row["n"]) for row in graph.select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/graph/')) } GROUP BY ?g")}
    server = OxigraphServer(tmp_path / "store").start()
    build = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(issues), "--store", server.url, "-q"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while build.poll() is None and time.monotonic() < deadline:
            with kg.open(server.url) as graph:
                written = len(graph.store.named_graphs())
            if written >= 3:  # the ontology and the first issues are in
                server.stop(signal.SIGKILL)
                break
            time.sleep(0.05)
        _, err = build.communicate(timeout=120)
    finally:
        if build.poll() is None:
            build.kill()
        server.stop()
    assert build.returncode != 0, "the build ended before the server was stopped"
    assert err.count("\n") == 1 and err.startswith("kg: error:") and "issue" in err, err
    server.start()
    try:
        with kg.open(server.url) as graph:
            counts = {row["g"].rsplit("/", 1)[1]: int(row["n"]) for row in graph.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/graph/')) } GROUP BY ?g")}
            records = graph.issue_ids()
    finally:
        server.stop()
    assert counts, "no issue was written before the stop"
    assert len(counts) < 48
    for issue_id, n in counts.items():
        assert n == expected[issue_id.split("__")[0]], issue_id
    assert set(records) <= set(counts)


def test_a_dead_worker_is_retried_and_a_failed_issue_is_named(tmp_path):
    issues = tmp_path / "issues"
    issues.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, issues / sample.name)
    shutil.copy(SAMPLES / "kjrb_special_2023.txt", issues / "broken_issue.txt")
    env = dict(os.environ, KG_TEST_KILL_WORKER=f"changfeng_2021_27:{tmp_path / 'killed-once'}",
               KG_TEST_FAIL_ISSUE="broken_issue")
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(issues), "--out", str(tmp_path / "kg"),
                           "--workers", "2"], capture_output=True, text=True, env=env, timeout=600)
    assert (tmp_path / "killed-once").exists()  # a worker died on that issue once
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "broken_issue" in errors[0], done.stderr
    with kg.open(tmp_path / "kg") as graph:
        assert graph.issue_ids() == ["changfeng_2021_27", "institute_digest_2022_05", "kjrb_special_2023"]


def test_without_dask_workers_say_how_to_install(tmp_path):
    stub = tmp_path / "stub" / "dask"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text("raise ImportError('no dask here')\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(stub.parent), os.environ.get("PYTHONPATH", "")]))
    for option in (("--workers", "2"), ("--scheduler", "tcp://127.0.0.1:8786")):
        done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "--out", str(tmp_path / "kg"),
                               *option], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 2
        assert done.stderr.strip() == "kg: error: --workers and --scheduler need Dask: pip install 'kg[scale]' " \
                                      "(dask[distributed])"


# -- binding on a server ----------------------------------------------------------------------------------

def test_bound_values_go_to_the_head_of_the_where_group():
    import pyoxigraph as ox

    value = {ox.Variable("x"): ox.Literal("a } b", language="zh")}
    select = bind_values('PREFIX a: <http://a/{}> SELECT ?x WHERE { ?s a:p "{" . ?s a:q ?x }', value)
    assert select.index('VALUES (?x) { ("a } b"@zh) }') == select.index("WHERE {") + len("WHERE {") + 1
    construct = bind_values("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?x }", value)
    assert construct.startswith("CONSTRUCT { ?s ?p ?x } WHERE { VALUES")
    short = bind_values("CONSTRUCT WHERE { ?s ?p ?x }", value)
    assert short.startswith("CONSTRUCT WHERE { VALUES")
    asked = bind_values("# a comment {\nASK { ?s ?p ?x }", value)
    assert asked.startswith("# a comment {\nASK { VALUES")
    nested = bind_values("SELECT ?x WHERE { { SELECT ?x WHERE { ?s ?p ?x } LIMIT 3 } ?x ?q ?y }", value)
    assert nested.count("VALUES (?x)") == 2 and "{ SELECT ?x WHERE { VALUES" in nested


def test_an_existing_cluster_by_its_scheduler_address(tmp_path, reference):
    from dask import distributed

    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        done = run_kg("build", SAMPLES, "--out", tmp_path / "kg", "--scheduler", cluster.scheduler_address, "-q")
    assert done.returncode == 0, done.stderr
    assert canonical(tmp_path / "kg") == reference
