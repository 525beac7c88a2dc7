"""Real SPARQL servers for the tests and benchmarks, on free 127.0.0.1 ports, each with a
throwaway database, stopped by PID.

- :class:`OxigraphServer`: ``oxigraph serve`` from the PyPI package ``oxigraph``.
- :class:`VirtuosoServer`: Debian's ``virtuoso-t`` (``virtuoso-opensource-7-bin``),
  with a generated ini file and a generated ``dba`` password.
"""
from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # it answered
    except OSError:
        return False


class _Server:
    process: subprocess.Popen | None = None
    url = ""

    def wait_ready(self, probe: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{type(self).__name__} exited with {self.process.returncode}: {self.log()}")
            if _answers(probe):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{type(self).__name__} did not answer within {seconds} s: {self.log()}")

    def log(self) -> str:
        return ""

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """Stop the server by its PID (and reap it)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.kill(self.process.pid, sig)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class OxigraphServer(_Server):
    """``oxigraph serve`` on a store folder (kept across :meth:`start` calls)."""

    def __init__(self, folder: Path, port: int | None = None, timeout_s: int | None = None):
        self.folder = Path(folder)
        self.port = port or free_port()
        self.timeout_s = timeout_s
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> OxigraphServer:
        binary = oxigraph_binary()
        if not binary:
            raise RuntimeError("oxigraph (pip install oxigraph) is not installed")
        args = [binary, "serve", "--location", str(self.folder), "--bind", f"127.0.0.1:{self.port}"]
        if self.timeout_s:
            args += ["--timeout-s", str(self.timeout_s)]
        self._log = self.folder.with_name(self.folder.name + ".log")
        with open(self._log, "wb") as log:
            self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL)
        self.wait_ready(self.url + "/")
        return self

    def log(self) -> str:
        try:
            return self._log.read_text(errors="replace")[-500:]
        except OSError:
            return ""


_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CheckpointInterval = 60
DirsAllowed = ., {d}
ThreadCleanupInterval = 1

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 8
ServerThreads = 8

[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = {timeout}
MaxQueryCostEstimationTime = 0
"""


class VirtuosoServer(_Server):
    """``virtuoso-t`` in the foreground on a throwaway database, its ``dba`` password generated."""

    def __init__(self, folder: Path, memory_mb: int = 128, timeout_s: int = 0):
        self.folder = Path(folder)
        self.sql_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}/sparql"
        self.user, self.password = "dba", secrets.token_urlsafe(12)
        buffers = max(2000, memory_mb * 1024 // 8 * 2 // 3)  # two thirds of the memory in 8 KB pages
        self.ini = _INI.format(d=self.folder, sql=self.sql_port, http=self.http_port, buffers=buffers,
                               dirty=buffers * 3 // 4, timeout=timeout_s)

    def start(self) -> VirtuosoServer:
        binary = virtuoso_binary()
        if not binary:
            raise RuntimeError("virtuoso-t (apt-get install virtuoso-opensource-7-bin) is not installed")
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "virtuoso.ini").write_text(self.ini, encoding="utf-8")
        first = not (self.folder / "virtuoso.db").exists()
        self.process = subprocess.Popen([binary, "-f", "-c", str(self.folder / "virtuoso.ini")], cwd=self.folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        self.wait_ready(f"http://127.0.0.1:{self.http_port}/sparql?query=ASK%7B%7D", 90)
        if first:
            self.isql("dba", f"USER_CHANGE_PASSWORD('dba', 'dba', '{self.password}');")
        return self

    def isql(self, password: str, command: str) -> str:
        isql = shutil.which("isql-vt") or "isql-vt"
        done = subprocess.run([isql, f"127.0.0.1:{self.sql_port}", "dba", password, f"exec={command}"],
                              capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql: {done.stdout[-300:]} {done.stderr[-300:]}")
        return done.stdout

    def log(self) -> str:
        try:
            return (self.folder / "virtuoso.log").read_text(errors="replace")[-500:]
        except OSError:
            return ""

    def env(self) -> dict[str, str]:
        """The environment of a kg process that writes to this server."""
        return dict(os.environ, KG_STORE_USER=self.user, KG_STORE_PASSWORD=self.password)
