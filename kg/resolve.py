"""Group mentions into entities: each mention gets a ``key``; one key, one entity.

The key is a function of the mention and its own issue only, never of the other
issues in a build, so an entity's IRI (``vocab.entity_iri(type, key)``) is
stable when issues are added or rebuilt.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .doc import Issue, Mention

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "《": None, "》": None})


def surface_key(text: str) -> str:
    """Compare names without white space, title marks or quote styles."""
    return re.sub(r"\s+", "", text).translate(_QUOTES)


def resolve_issue(issue: Issue) -> None:
    """Set ``mention.key`` for every mention of the issue, in place."""
    for m in issue.mentions:
        m.key = surface_key(m.text)
    _short_titles(issue.mentions)


def _short_titles(mentions: list[Mention]) -> None:
    """《行动计划》 after 《工业互联网创新发展行动计划（2021-2023 年）》 is that plan."""
    full = [m for m in mentions if m.type == "Policy"]
    for m in full:
        if len(m.key) > 8:
            continue
        longer = [o for o in full if len(o.key) > len(m.key) + 2 and o.start < m.start
                  and _title_core(o.key).endswith(m.key)]
        if longer:
            m.key = max(longer, key=lambda o: o.start).key


def _title_core(key: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]$", "", key)


def entity_labels(issue: Issue) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(type, key) -> (label, other surfaces) for the entities of one issue."""
    surfaces: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for m in issue.mentions:
        counts = surfaces[(m.type, m.key)]
        counts[m.text] = counts.get(m.text, 0) + 1
    out = {}
    for ident, counts in surfaces.items():
        label = max(counts, key=lambda s: (len(surface_key(s)), counts[s]))
        out[ident] = (label, sorted(s for s in counts if s != label))
    return out
