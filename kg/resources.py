"""Files shipped inside the package: the ontology, the static web files, the query library.

One helper finds them whether kg is installed or run from a source checkout, so
no module builds a path to a data file itself.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

_HERE = Path(__file__).resolve().parent
#: package -> its folder in a source checkout (``kg.ontology`` is ``ontology/`` at the top)
_CHECKOUT = {"kg.ontology": _HERE.parent / "ontology", "kg.static": _HERE / "static",
             "kg.query.library": _HERE / "query" / "library"}


def path(package: str, name: str) -> Path:
    """The file ``name`` of a data package (``kg.ontology``, ``kg.static``, ``kg.query.library``)."""
    try:
        found = Path(str(resources.files(package).joinpath(name)))
        if found.is_file():
            return found
    except ModuleNotFoundError:
        pass
    return _CHECKOUT[package] / name


def text(package: str, name: str) -> str:
    return path(package, name).read_text(encoding="utf-8")


def files(package: str, suffix: str) -> list[Path]:
    """The data package's files ending in ``suffix``, by name."""
    try:
        found = [Path(str(entry)) for entry in resources.files(package).iterdir() if entry.name.endswith(suffix)]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        found = [p for p in _CHECKOUT[package].iterdir() if p.name.endswith(suffix)]
    return sorted(found, key=lambda p: p.name)


def ontology_path(name: str = "kg.ttl") -> Path:
    return path("kg.ontology", name)
