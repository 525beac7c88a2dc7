"""Shared fixtures: the shipped samples, and the real corpus beside the checkout."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
ONTOLOGY = REPO / "ontology"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


needs_corpus = pytest.mark.skipif(not corpus_files(), reason="../shared/corpus is absent")


@pytest.fixture(scope="session")
def lac():
    from kg import ner

    return ner.load("lac")


@pytest.fixture(scope="session")
def samples_graph(tmp_path_factory):
    """The samples built once per session; tests must not modify it."""
    import kg

    out = tmp_path_factory.mktemp("samples") / "kg-data"
    report = kg.build([SAMPLES], out)
    return out, report


@pytest.fixture(scope="session")
def corpus_graph(tmp_path_factory):
    if not corpus_files():
        pytest.skip("../shared/corpus is absent")
    import kg

    out = tmp_path_factory.mktemp("corpus") / "kg-data"
    kg.build([CORPUS], out)
    return out


@pytest.fixture
def issue_dir(tmp_path):
    """A scratch folder holding a copy of the samples, to add bad files to."""
    folder = tmp_path / "issues"
    shutil.copytree(SAMPLES, folder)
    return folder
