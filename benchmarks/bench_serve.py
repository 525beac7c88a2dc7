"""`kg serve` under load: light queries while heavy ones run into the time limit and
slow clients dribble their bodies.

    . .venv/bin/activate
    python benchmarks/bench_serve.py [--graph DIR] [--light 190] [--heavy 10] [--slow-body 70]
                                     [--seconds 30] [--timeout 5] [--json]

A real `kg serve` is started on a free 127.0.0.1 port (the samples are built into a
temporary graph unless ``--graph``). Clients, each a thread with its own
connection:

* light: a short query, then a pause of about a second, again and again;
* heavy: a query that cannot finish within ``--timeout`` (a count over a cross product);
* slow-body: a POST that announces a body and sends one byte a second.

Printed: light-query latency p50/p99/max, answers by status code for each kind,
and the resident memory of the server and its workers before, during and after.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LIGHT = [
    "ASK {}",
    "SELECT ?label WHERE { ?e a kg:Organization ; rdfs:label ?label } LIMIT 20",
    "SELECT (COUNT(*) AS ?n) WHERE { ?i a kg:Issue }",
    "SELECT ?s ?t WHERE { GRAPH ?g { ?p org:member ?s ; kg:title ?t } } LIMIT 10",
]
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?r . ?c ?x ?y }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def query(port: int, text: str, timeout: float = 120) -> tuple[int, float]:
    body = urllib.parse.urlencode({"query": text})
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                 "Accept": "application/sparql-results+json"})
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - started
    except (OSError, http.client.HTTPException):
        return 0, time.perf_counter() - started
    finally:
        conn.close()


def slow_body(port: int, stop: threading.Event, codes: Counter) -> None:
    while not stop.is_set():
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=120)
            s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                      b"Content-Length: 1000\r\n\r\n")
            while not stop.is_set():
                s.sendall(b"A")
                time.sleep(1)
        except OSError:
            codes["cut off"] += 1
        finally:
            s.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, default=None)
    parser.add_argument("--light", type=int, default=190)
    parser.add_argument("--heavy", type=int, default=10)
    parser.add_argument("--slow-body", type=int, default=70)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--timeout", type=float, default=5)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    graph = args.graph
    if graph is None:
        graph = Path(tmp.name) / "graph"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(REPO / "samples"), "--out", str(graph), "-q"],
                       check=True)
    port = free_port()
    log = open(Path(tmp.name) / "server.log", "w")  # noqa: SIM115 - closed with the temp folder
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(graph), "--port", str(port), "--quiet",
                               "--timeout", str(args.timeout), "--workers", str(args.workers)],
                              stderr=log, text=True)
    try:
        deadline = time.monotonic() + 60
        while query(port, "ASK {}", 5)[0] != 200:
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("the server did not start")
            time.sleep(0.2)
        memory = {"before": rss_mb(server.pid)}
        stop = threading.Event()
        light_times: list[float] = []
        codes = {"light": Counter(), "heavy": Counter(), "slow-body": Counter()}
        lock = threading.Lock()

        def light_client() -> None:
            rng = random.Random(threading.get_ident())
            while not stop.is_set():
                status, seconds = query(port, rng.choice(LIGHT))
                with lock:
                    codes["light"][status] += 1
                    light_times.append(seconds)
                time.sleep(rng.uniform(0.5, 1.5))

        def heavy_client() -> None:
            while not stop.is_set():
                status, _ = query(port, HEAVY)
                with lock:
                    codes["heavy"][status] += 1

        threads = [threading.Thread(target=heavy_client, daemon=True) for _ in range(args.heavy)]
        threads += [threading.Thread(target=slow_body, args=(port, stop, codes["slow-body"]), daemon=True)
                    for _ in range(args.slow_body)]
        for t in threads:
            t.start()
        time.sleep(min(3.0, args.seconds / 5))  # the heavy queries and slow clients settle in first
        threads += [threading.Thread(target=light_client, daemon=True) for _ in range(args.light)]
        for t in threads[-args.light:]:
            t.start()
        time.sleep(args.seconds / 2)
        memory["during"] = rss_mb(server.pid)
        time.sleep(args.seconds / 2)
        stop.set()
        for t in threads:
            t.join(args.timeout + 30)
        time.sleep(1)
        memory["after"] = rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            print("the server did not stop within 30 s of SIGTERM", file=sys.stderr)
        log.close()
        errors = (Path(tmp.name) / "server.log").read_text()
        if "Traceback" in errors:
            print("the server printed a traceback:\n" + errors[-2000:], file=sys.stderr)
        tmp.cleanup()

    ordered = sorted(light_times)
    figures = {
        "clients": {"light": args.light, "heavy": args.heavy, "slow_body": args.slow_body},
        "seconds": args.seconds, "timeout": args.timeout, "workers": args.workers,
        "light_queries": len(ordered),
        "light_p50_s": statistics.median(ordered) if ordered else None,
        "light_p99_s": ordered[int(0.99 * (len(ordered) - 1))] if ordered else None,
        "light_max_s": ordered[-1] if ordered else None,
        "codes": {kind: dict(sorted(c.items(), key=lambda kv: str(kv[0]))) for kind, c in codes.items()},
        "memory_mb": {k: round(v, 1) for k, v in memory.items()},
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"{args.light} light, {args.heavy} heavy (past the {args.timeout:g} s limit), {args.slow_body} slow-body "
          f"clients for {args.seconds:g} s; {args.workers} workers; {os.cpu_count()} cores")
    print(f"light queries: {len(ordered)}; p50 {figures['light_p50_s']:.3f} s, p99 {figures['light_p99_s']:.3f} s, "
          f"max {figures['light_max_s']:.3f} s")
    for kind, c in figures["codes"].items():
        print(f"{kind:>10}: " + ", ".join(f"{k}: {v}" for k, v in c.items()))
    print("server memory (MB, with workers): " + ", ".join(f"{k} {v}" for k, v in figures["memory_mb"].items()))



if __name__ == "__main__":
    main()
