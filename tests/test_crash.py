"""Nothing lost: a build killed at any phase, by any signal, leaves the previous graph
answering as before, and the next build succeeds with no manual clean-up."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from helpers import SAMPLES

import kg

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PHASES = ("reading", "extraction", "load", "commit", "swap")
SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGTERM": signal.SIGTERM, "SIGINT": signal.SIGINT}
BASE = [SAMPLES / "changfeng_2021_27.txt", SAMPLES / "institute_digest_2022_05.txt"]
ADDED = SAMPLES / "kjrb_special_2023.txt"


def _quads(folder) -> int:
    store = ox.Store.read_only(str(folder / "store"))
    try:
        return len(store)
    finally:
        del store


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A graph of two issues, and the quad count of the same graph with the third added."""
    root = tmp_path_factory.mktemp("crash")
    kg.build(BASE, root / "base")
    kg.build(BASE + [ADDED], root / "full")
    return root / "base", _quads(root / "base"), _quads(root / "full")


def _crash(tmp_path, base_folder, phase: str, sig: int) -> subprocess.CompletedProcess | None:
    graph = tmp_path / "g"
    shutil.copytree(base_folder, graph)
    pause = tmp_path / "paused"
    env = dict(os.environ, KG_TEST_PAUSE=phase, KG_TEST_PAUSE_FILE=str(pause))
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(graph), "-q"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while not pause.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"the build never reached {phase}: rc={proc.returncode} {err[-500:]}")
        time.sleep(0.05)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("name", list(SIGNALS))
def test_a_killed_build_loses_nothing(tmp_path, base, phase, name):
    base_folder, before, after = base
    result = _crash(tmp_path, base_folder, phase, SIGNALS[name])
    graph = tmp_path / "g"
    assert _quads(graph) == before, "the previous graph must answer as before"
    if name != "SIGKILL":
        assert result.returncode == 130 and "interrupted; nothing was changed" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert not list(tmp_path.glob(".g.work-*")), "an interrupted build removes its working folder"
    again = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(graph), "-q"],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert _quads(graph) == after
    assert not list(tmp_path.glob(".g.work-*")) and not list(tmp_path.glob(".g.old"))


def test_killed_just_after_the_swap_leaves_the_new_graph(tmp_path, base):
    """Between the exchange and removing the old copy only SIGKILL can stop it
    (the other signals wait for the swap): the new graph is in place."""
    base_folder, _, after = base
    _crash(tmp_path, base_folder, "cleanup", signal.SIGKILL)
    assert _quads(tmp_path / "g") == after
    again = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(tmp_path / "g"), "-q"],
                           capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and not list(tmp_path.glob(".g.work-*")), again.stderr


def test_a_crash_between_two_renames_is_repaired_by_the_next_writer(tmp_path, base):
    """Where the file system cannot exchange two folders, the swap is two renames; a
    crash between them leaves the old graph beside an empty place, which the next
    writer puts back before anything else."""
    base_folder, _, after = base
    shutil.copytree(base_folder, tmp_path / ".g.old")
    assert not (tmp_path / "g").exists()
    kg.build([ADDED], tmp_path / "g")
    assert _quads(tmp_path / "g") == after and not (tmp_path / ".g.old").exists()


def test_two_builds_into_one_folder(tmp_path, base):
    """The second writer is told who holds the folder, or waits for it with --wait."""
    base_folder, _, after = base
    graph = tmp_path / "g"
    shutil.copytree(base_folder, graph)
    pause = tmp_path / "paused"
    env = dict(os.environ, KG_TEST_PAUSE="load", KG_TEST_PAUSE_FILE=str(pause))
    first = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(graph), "-q"],
                             env=env, stderr=subprocess.PIPE, text=True)
    try:
        while not pause.exists():
            assert first.poll() is None
            time.sleep(0.05)
        second = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(graph), "-q"],
                                capture_output=True, text=True, timeout=300)
        assert second.returncode == 2 and f"PID {first.pid}" in second.stderr and "--wait" in second.stderr
        waiting = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(ADDED), "--out", str(graph), "-q",
                                    "--wait"], stderr=subprocess.PIPE, text=True)
        time.sleep(2)
        assert waiting.poll() is None  # queued behind the first
        first.send_signal(signal.SIGTERM)
        first.wait(60)
        assert waiting.wait(300) == 0
    finally:
        first.kill()
    assert _quads(graph) == after


def test_a_symlinked_graph_stays_a_symlink(tmp_path, base):
    base_folder, _, after = base
    shutil.copytree(base_folder, tmp_path / "real")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    kg.build([ADDED], tmp_path / "link")
    assert (tmp_path / "link").is_symlink() and _quads(tmp_path / "link") == after
