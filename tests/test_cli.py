"""The `kg` command as a user runs it: a real subprocess, real exit codes."""
from __future__ import annotations

import json

import pytest
from helpers import SAMPLES
from helpers import run_kg as kg

pytestmark = pytest.mark.e2e

COMMANDS = ["build", "stats", "export", "ner"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = kg(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


def test_version_and_backend_list_in_help():
    assert kg("--version").stdout.startswith("kg, version ")
    assert "lac" in kg("build", "--help").stdout and "hanlp" in kg("build", "--help").stdout


def test_build_stats_export_on_the_samples(tmp_path):
    out = tmp_path / "kg-data"
    built = kg("build", SAMPLES, "--out", out)
    assert built.returncode == 0, built.stderr
    assert "3 issue(s)" in built.stdout and "Traceback" not in built.stderr
    stats = kg("stats", out, "--format", "json")
    data = json.loads(stats.stdout)
    assert data["types"]["Organization"] > 30 and len(data["issues"]) == 3
    text = kg("stats", out).stdout
    assert "长风联盟工作简报" in text and "Organization" in text
    exported = kg("export", out, "--format", "jsonl")
    lines = [json.loads(x) for x in exported.stdout.splitlines()]
    assert lines and lines[0]["kind"] == "entity"
    target = tmp_path / "g.ttl"
    assert kg("export", out, "--format", "ttl", "-o", target).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("@prefix")


@pytest.mark.parametrize("args, message", [
    (["build"], "no input given"),
    (["build", "/nonexistent/issues"], "no such file or folder"),
    (["stats", "/nonexistent/graph"], "not a kg graph folder"),
    (["export", "/nonexistent/graph"], "not a kg graph folder"),
    (["build", "--ner", "nope", str(SAMPLES)], "unknown NER backend"),
])
def test_user_mistakes_exit_2_with_one_line(args, message, tmp_path):
    result = kg(*args, "--out", tmp_path / "o") if args[0] == "build" else kg(*args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "o").exists()


def test_bad_files_are_skipped_and_reported(issue_dir, tmp_path):
    (issue_dir / "empty.txt").write_bytes(b"")
    (issue_dir / "scan.txt").write_bytes(b"\x00\x01binary")
    result = kg("build", issue_dir, "--out", tmp_path / "o")
    assert result.returncode == 0
    assert "skipped" in result.stderr and "empty.txt" in result.stderr and "scan.txt" in result.stderr
    assert "skipped 2 file(s)" in result.stdout


def test_out_folder_that_is_not_a_graph_is_refused(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    result = kg("build", SAMPLES, "--out", tmp_path)
    assert result.returncode == 2 and "not a kg graph" in result.stderr
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


def test_ner_reads_lines_and_gives_offsets():
    result = kg("ner", "-", input="工业和信息化部印发《关于推进信息无障碍的指导意见》。\n\n北京旷视科技有限公司\n")
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(rows) == 3 and rows[1]["entities"] == []
    for row in rows:
        for e in row["entities"]:
            assert row["text"][e["start"]:e["end"]] == e["text"]
    assert {"Organization", "Policy"} <= {e["type"] for e in rows[0]["entities"]}
    nested = kg("ner", "--nested", "-", input="北京旷视科技有限公司\n")
    assert "Region" in nested.stdout and "Region" not in result.stdout.splitlines()[2]


def test_ner_rejects_bad_jsonl():
    result = kg("ner", "--input-format", "jsonl", "-", input='{"text": "北京"}\nnot json\n')
    assert result.returncode == 2 and "line 2" in result.stderr
