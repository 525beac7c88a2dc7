"""Shared fixtures: the shipped samples, and the real corpus beside the checkout (helpers.py has the rest)."""
from __future__ import annotations

import shutil

import pytest
from helpers import CORPUS, SAMPLES, corpus_files


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
