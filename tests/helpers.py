"""What the tests share: where the samples and the corpus are, running the kg command
as a user does, reading a graph's JSON Lines export, the SHACL check, and a real
headless Chromium.

The Chromium part: A headless Chromium driven through the DevTools protocol, with the network cut off.

No driver and no websocket: Chromium's ``--remote-debugging-pipe`` speaks the
protocol as NUL-terminated JSON over file descriptors 3 (commands in) and 4
(replies and events out). Used by tests/test_viz.py and benchmarks/bench_viz.py.
"""
from __future__ import annotations

import base64
import fcntl
import io
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
ONTOLOGY = REPO / "ontology"
#: The four scored entity types.
TYPES = ("Organization", "Person", "Region", "Policy")


def full_viterbi(emissions, transitions) -> list[int]:
    """Textbook Viterbi over every tag, one sequence: the reference for the pruned ones."""
    score, back = emissions[0].astype(np.float64), []
    for t in range(1, len(emissions)):
        cand = score[:, None] + transitions
        back.append(cand.argmax(0))
        score = cand.max(0) + emissions[t]
    path = [int(score.argmax())]
    for b in reversed(back):
        path.append(int(b[path[-1]]))
    return path[::-1]


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


def run_kg(*args, input=None):
    """The ``kg`` command in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True,
                          text=True, input=input, timeout=300)


def jsonl(out):
    """The graph folder's ``jsonl`` export, as records."""
    import kg
    from kg import export as exporters

    buf = io.BytesIO()
    with kg.open(out) as graph:
        exporters.export(graph, "jsonl", buf)
    return [json.loads(line) for line in buf.getvalue().decode("utf-8").splitlines()]


def shacl(nt_bytes: bytes):
    """pyshacl's verdict on N-Triples against the ontology's shapes."""
    import rdflib

    pyshacl = pytest.importorskip("pyshacl")
    data = rdflib.Graph().parse(data=nt_bytes.decode("utf-8"), format="nt")
    shapes = rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")
    ontology = rdflib.Graph().parse(ONTOLOGY / "kg.ttl")
    return pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none")


# -- headless Chromium -------------------------------------------------------------------------



CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

#: No network at all: every host resolves to nothing, and any proxy use goes to a closed port.
OFFLINE = ["--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
           "--host-resolver-rules=MAP * ~NOTFOUND"]


@contextmanager
def serving(graph, **options):
    """``kg.server.serve`` on a free 127.0.0.1 port in a thread; yields the server
    (its ``url``), shut down and joined on leaving."""
    from kg import server as srv

    ready, box = threading.Event(), {}

    def started(server):
        box["server"] = server
        ready.set()

    options = {"quiet": True, **options, "ready": started}
    thread = threading.Thread(target=srv.serve, args=(graph, "127.0.0.1", 0), kwargs=options, daemon=True)
    thread.start()
    assert ready.wait(60), "the server did not start"
    try:
        yield box["server"]
    finally:
        box["server"].shutdown()
        thread.join(20)
    assert not thread.is_alive()


def find_chromium() -> str | None:
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class ChromiumError(RuntimeError):
    pass


class Chromium:
    """``with Chromium() as browser: page = browser.open(url)`` …"""

    def __init__(self, binary: str | None = None, width: int = 1400, height: int = 900):
        self.binary = binary or find_chromium()
        if not self.binary:
            raise ChromiumError("no chromium binary found")
        self.width, self.height = width, height
        self._next = 0
        self._buffer = b""
        self.events: list[dict] = []

    def __enter__(self) -> Chromium:
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire():  # in the child: our pipe ends become fds 3 and 4 (moved out of the way first)
            a = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
                "--disable-features=Translate,MediaRouter,OptimizationHints",
                f"--user-data-dir={self.profile}", f"--window-size={self.width},{self.height}",
                "--remote-debugging-pipe", *OFFLINE, "about:blank"]
        self.process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=wire, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- protocol ---------------------------------------------------------------------------
    def _read(self, deadline: float) -> dict | None:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise ChromiumError("chromium closed the protocol pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply is None:
                raise ChromiumError(f"{method}: no answer in {timeout}s")
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise ChromiumError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def pump(self, seconds: float) -> None:
        """Collect events for a while."""
        deadline = time.monotonic() + seconds
        while (event := self._read(deadline)) is not None:
            if "method" in event:
                self.events.append(event)

    def open(self, url: str, timeout: float = 60) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        page.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while not any(e["method"] == "Page.loadEventFired" and e.get("sessionId") == session for e in self.events):
            if time.monotonic() > deadline:
                raise ChromiumError(f"{url} did not load in {timeout}s")
            self.pump(0.1)
        return page


class Page:
    def __init__(self, browser: Chromium, session: str):
        self.browser, self.session = browser, session

    def send(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.send(method, params, self.session, timeout)

    def eval(self, expression: str, timeout: float = 30):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout)
        if "exceptionDetails" in result:
            raise ChromiumError(f"{expression}: {result['exceptionDetails'].get('exception', {}).get('description') or result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 60, interval: float = 0.05):
        deadline = time.monotonic() + timeout
        while True:
            value = self.eval(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise ChromiumError(f"timed out waiting for {expression}")
            self.browser.pump(interval)

    def screenshot(self, path: str | Path) -> bytes:
        png = base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])
        Path(path).write_bytes(png)
        return png

    def _events(self, method: str) -> list[dict]:
        return [e["params"] for e in self.browser.events if e["method"] == method and e.get("sessionId") == self.session]

    def console_errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (such as failed loads)."""
        out = [" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
               for p in self._events("Runtime.consoleAPICalled") if p.get("type") in ("error", "assert")]
        out += [p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"].get("text", "")
                for p in self._events("Runtime.exceptionThrown")]
        out += [p["entry"].get("text", "") for p in self._events("Log.entryAdded")
                if p["entry"].get("level") == "error"]
        return out

    def requests(self) -> list[str]:
        """Every URL the page asked for (the document itself included)."""
        return [p["request"]["url"] for p in self._events("Network.requestWillBeSent")]
