"""The notebooks run top to bottom in a real Jupyter kernel, as committed (no outputs)."""
from __future__ import annotations

import time

import pytest
from helpers import REPO

pytestmark = pytest.mark.e2e

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_are_two_notebooks():
    assert [p.name for p in NOTEBOOKS] == ["01_explore.ipynb", "02_analytics.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_are_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(path, capsys):
    nb = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}}).execute()
    with capsys.disabled():
        print(f"\n{path.name}: {time.perf_counter() - started:.1f}s")
    stderr = "".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", [])
                     if o.get("name") == "stderr")
    assert "missing from font" not in stderr and "Glyph" not in stderr  # Chinese, not boxes
    outputs = [o for c in nb.cells for o in c.get("outputs", [])]
    assert any("image/png" in o.get("data", {}) for o in outputs) or path.name != "01_explore.ipynb"
    assert all(o.get("output_type") != "error" for o in outputs)
