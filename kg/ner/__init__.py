"""The NER stage: a model backend finds names, a rule layer fixes what it cannot do.

Backends are plugins of kind ``"ner"`` (:mod:`kg.plugin`): the built-in ones are
imported only when used, so HanLP costs nothing unless asked for, and other
packages add theirs through the ``kg.ner_backends`` entry-point group. A backend
is any object with a ``name`` and ``recognize(texts) -> list[list[Span]]``.
"""
from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from .. import plugin
from ..doc import Span
from ..errors import BackendError

DEFAULT_BACKEND = plugin.DEFAULTS["ner"]


class Backend(Protocol):
    name: str

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Spans per text, offsets relative to that text.

        Entity spans are typed ``Organization``, ``Person``, ``Region`` (or
        ``Policy``); a backend that segments words may add every other word as a
        span typed ``pos:TAG`` (LAC's tag set), which the rule layer uses to find
        name boundaries. Backends without words still work, with fewer repairs.
        """


def register(name: str, target: str | Callable[..., Backend], description: str = "") -> None:
    """Add a backend: a factory, or a ``"module:attribute"`` string imported on first use."""
    plugin.register(name, "ner", target, description)


def available() -> dict[str, str]:
    """Backend names with a one-line description, built-in and from entry points."""
    return {name: p.description for name, p in plugin.plugins("ner").items()}


def load(name: str = DEFAULT_BACKEND, **options: Any) -> Backend:
    try:
        target = plugin.get(name, "ner")
    except plugin.PluginNotFound:
        raise BackendError(f"unknown NER backend {name!r}; available: {', '.join(sorted(available()))}") from None
    except ImportError as e:
        raise BackendError(f"NER backend {name!r} cannot be imported: {e}") from e
    try:
        inspect.signature(target).bind(**options)
    except TypeError as e:
        raise BackendError(f"NER backend {name!r} does not take these options ({e})") from e
    except ValueError:  # no signature to check (a builtin): let the call decide
        pass
    return target(**options)


from .pipeline import recognize, recognize_stream  # noqa: E402  (the stage's entry points)

__all__ = ["Backend", "BackendError", "available", "load", "recognize", "recognize_stream", "register"]
