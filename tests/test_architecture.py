"""The package's shape: the library below, the command line on top, no import cycles.

Imports are read from the source (every ``import`` and ``from … import``, at module
level or inside a function), so a cycle or a stray import of the CLI fails here
before it confuses a reader.
"""
from __future__ import annotations

import ast
import subprocess
import sys

import networkx as nx
from helpers import REPO

PACKAGE = REPO / "kg"
MAX_LINES = 600


def _module_name(path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, tuple]:
    return {_module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path, tree, known: set[str]) -> set[str]:
    """The kg modules (and outside top-level packages) a module imports."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            for alias in node.names:  # `from . import repair` imports the module kg.ner.repair
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return found


def _graph():
    modules = _modules()
    known = set(modules)
    graph = nx.DiGraph()
    for name, (path, tree) in modules.items():
        graph.add_node(name)
        for target in _imports(name, path, tree, known):
            graph.add_edge(name, target)
    return graph, known


def test_no_import_cycle_in_the_package():
    graph, known = _graph()
    inside = graph.subgraph(known)
    cycles = list(nx.simple_cycles(inside))
    assert not cycles, cycles


def test_only_the_cli_package_imports_click_or_the_cli():
    graph, _ = _graph()
    offenders = sorted((a, b) for a, b in graph.edges
                       if not a.startswith("kg.cli") and (b == "click" or b.startswith("click.") or b.startswith("kg.cli")))
    assert not offenders, offenders


def test_importing_the_query_api_loads_no_cli_and_no_ner_module():
    code = "import sys, kg.query; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert "kg.query.runner" in loaded  # the check sees the modules it should
    unwanted = [m for m in loaded if m.startswith(("kg.cli", "kg.ner", "click"))]
    assert not unwanted, unwanted


def test_no_module_is_longer_than_600_lines():
    long = {name: n for name, (path, _) in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_the_architecture_check_finds_a_cycle_when_there_is_one():
    """The walker is not vacuous: a made-up pair of modules importing each other is a cycle."""
    a = ast.parse("from . import b\n")
    b = ast.parse("from .a import thing\n")
    known = {"kg.x.a", "kg.x.b", "kg.x"}
    graph = nx.DiGraph()
    graph.add_edges_from(("kg.x.a", t) for t in _imports("kg.x.a", PACKAGE / "x" / "a.py", a, known))
    graph.add_edges_from(("kg.x.b", t) for t in _imports("kg.x.b", PACKAGE / "x" / "b.py", b, known))
    assert list(nx.simple_cycles(graph.subgraph(known)))


def test_every_package_is_installed():
    """A package left out of pyproject.toml works from the checkout and is missing from a wheel."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {_module_name(p) for p in PACKAGE.rglob("__init__.py")}
    assert packages <= listed, sorted(packages - listed)
