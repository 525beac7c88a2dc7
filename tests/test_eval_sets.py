"""The publications under eval/ (dev/ and heldout/) are usable gold: every name and
evidence sentence is in its issue's text, relations join entities of the same
issue with the types the guidelines allow. A broken set would score nonsense."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from helpers import SHARED

ROOT = Path(__file__).resolve().parent.parent
SETS = sorted(p.parent for p in (ROOT / "eval").glob("*/*/gold.jsonl"))
HELDOUT = [p for p in SETS if p.parent.name == "heldout"]
SIGNATURES = {
    "holdsPosition": ({"Person"}, {"Organization"}),
    "issued": ({"Organization"}, {"Policy"}),
    "investedIn": ({"Organization"}, {"Organization"}),
    "founded": ({"Person", "Organization"}, {"Organization"}),
    "partnerOf": ({"Organization"}, {"Organization"}),
    "locatedIn": ({"Organization"}, {"Region"}),
    "subsidiaryOf": ({"Organization"}, {"Organization"}),
}


def squeeze(text: str) -> str:
    return unicodedata.normalize("NFKC", re.sub(r"\s+", "", text))


@pytest.mark.parametrize("folder", SETS, ids=[p.name for p in SETS])
def test_gold_matches_its_issues(folder):
    texts = {p.stem: squeeze(p.read_text(encoding="utf-8")) for p in (folder / "issues").glob("*.txt")}
    assert len(texts) >= 2, "a publication needs two issues to measure merging across issues"
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    types: dict[tuple[str, str], str] = {}
    for row in rows:
        assert row["doc"] in texts, f"{row['doc']}: no such issue"
        if row["kind"] == "entity":
            key = (row["doc"], row["canonical"])
            assert key not in types, f"{key}: annotated twice"
            types[key] = row["type"]
            for alias in {row["canonical"], *row["aliases"]}:
                assert squeeze(alias).strip("《》") in texts[row["doc"]], f"{row['doc']}: {alias} not in the text"
    relations = [r for r in rows if r["kind"] == "relation"]
    assert relations
    for r in relations:
        heads, tails = SIGNATURES[r["relation"]]
        assert types.get((r["doc"], r["head"])) in heads, f"{r['doc']}: head of {r}"
        assert types.get((r["doc"], r["tail"])) in tails, f"{r['doc']}: tail of {r}"
        assert squeeze(r["evidence"]) in texts[r["doc"]], f"{r['doc']}: evidence not in the text: {r['evidence']}"


@pytest.mark.skipif(not (SHARED / "eval" / "score_kg.py").exists(), reason="needs ../shared/eval/score_kg.py")
def test_the_evaluation_script_scores_each_heldout_publication():
    result = subprocess.run([sys.executable, str(ROOT / "eval" / "score.py"), "--sets", "heldout", "--json"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    scored = [json.loads(line) for line in result.stdout.splitlines()]
    assert [s["publication"] for s in scored] == [p.name for p in HELDOUT]
    for s in scored:
        assert s["docs"] == 2 and s["entities"]["micro"]["gold"] > 0 and s["relations"]["micro"]["gold"] > 0
