"""Training data: JSON Lines sentences -> per-character allowed tags, and batches.

Label mapping:

- MSRA: PER, LOC, ORG as they are (every name labelled: one tag per character).
- CLUENER: ``name`` -> PER; ``company``, ``government``, ``organization`` -> ORG.
  CLUENER does not label ordinary place names (its ``address`` is street
  addresses), so everywhere outside its persons and organizations a character
  may be O or part of a LOC (``cluener="partial"``: the CRF marginalises over
  them), or takes LAC's LOC where LAC found a place and O elsewhere
  (``cluener="silver"``), or is O (``cluener="o"``: teaches that places are O).
- Generated sentences (:mod:`training.generate`): fully labelled.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .features import Features
from .model import N_TAGS, TAG_ID, TYPES

CLUENER_TYPES = {"name": "PER", "company": "ORG", "government": "ORG", "organization": "ORG"}
LOC_TAGS = [TAG_ID["O"]] + [TAG_ID[f"{p}-LOC"] for p in "BIES"]
#: LAC's tag ids for a place (its ``LOC-B``/``LOC-I``, the ``ns`` slots).
LAC_LOC_B, LAC_LOC_I = 18, 19


@dataclass
class Labeled:
    """One data file: texts, their features, and allowed tags (chars, N_TAGS) booleans."""

    name: str
    texts: list[str]
    features: Features
    allowed: np.ndarray  # (total chars, N_TAGS) bool, concatenated like the features

    def __len__(self) -> int:
        return len(self.texts)


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def bioes(length: int, entities: Sequence[tuple[int, int, str]]) -> np.ndarray:
    tags = np.zeros(length, dtype=np.int64)
    for start, end, kind in entities:
        if end - start == 1:
            tags[start] = TAG_ID[f"S-{kind}"]
        else:
            tags[start] = TAG_ID[f"B-{kind}"]
            tags[start + 1:end - 1] = TAG_ID[f"I-{kind}"]
            tags[end - 1] = TAG_ID[f"E-{kind}"]
    return tags


def flat_entities(entities: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping entities (rare): the longer is kept."""
    kept: list[tuple[int, int, str]] = []
    for e in sorted(entities, key=lambda e: (-(e[1] - e[0]), e[0])):
        if not any(e[0] < k[1] and k[0] < e[1] for k in kept):
            kept.append(e)
    return sorted(kept)


def full_labels(rows: list[dict]) -> list[np.ndarray]:
    out = []
    for r in rows:
        ents = flat_entities([(e["start"], e["end"], e["type"]) for e in r["entities"] if e["type"] in TYPES])
        tags = bioes(len(r["text"]), ents)
        allowed = np.zeros((len(tags), N_TAGS), dtype=bool)
        allowed[np.arange(len(tags)), tags] = True
        out.append(allowed)
    return out


def cluener_labels(rows: list[dict], features: Features, mode: str) -> list[np.ndarray]:
    out = []
    for i, r in enumerate(rows):
        n = len(r["text"])
        ents = flat_entities([(e["start"], e["end"], CLUENER_TYPES[e["orig_type"]])
                              for e in r["entities"] if e.get("orig_type") in CLUENER_TYPES])
        fixed = np.zeros(n, dtype=bool)
        for a, b, _ in ents:
            fixed[a:b] = True
        if mode == "silver":
            _, lac, _ = features.row(i)
            ents = ents + [e for e in _lac_places(lac) if not fixed[e[0]:e[1]].any()]
        tags = bioes(n, ents)
        allowed = np.zeros((n, N_TAGS), dtype=bool)
        allowed[np.arange(n), tags] = True
        if mode == "partial":
            free = ~fixed
            allowed[np.ix_(free, LOC_TAGS)] = True
        elif mode not in ("silver", "o"):
            raise ValueError(f"cluener mode {mode!r}")
        out.append(allowed)
    return out


def _lac_places(lac: np.ndarray) -> list[tuple[int, int, str]]:
    out, k = [], 0
    while k < len(lac):
        if lac[k] == LAC_LOC_B:
            end = k + 1
            while end < len(lac) and lac[end] == LAC_LOC_I:
                end += 1
            out.append((k, end, "LOC"))
            k = end
        else:
            k += 1
    return out


def concat(parts: list[np.ndarray], width: int) -> np.ndarray:
    return np.concatenate(parts) if parts else np.zeros((0, width), dtype=bool)


def batches(lengths: np.ndarray, max_chars: int, rng: np.random.Generator | None) -> list[np.ndarray]:
    """Rows grouped by similar length, about ``max_chars`` padded characters each; shuffled."""
    order = np.argsort(lengths + (rng.random(len(lengths)) if rng is not None else 0), kind="stable")
    out, start = [], 0
    while start < len(order):
        longest = lengths[order[min(len(order) - 1, start)]]
        end = start + 1
        while end < len(order) and (end - start + 1) * max(longest, lengths[order[end]]) <= max_chars:
            longest = max(longest, lengths[order[end]])
            end += 1
        out.append(order[start:end])
        start = end
    if rng is not None:
        rng.shuffle(out)
    return out
