"""LAC's view of every sentence, computed once and cached: the inputs of the NER head.

For each text: LAC's token ids (what its encoder reads), LAC's decoded tags
(word boundaries and POS, Viterbi as the ``lac`` backend decodes them) and
LAC's top hidden layer (256 numbers per character, the input of LAC's own
output layer), stored as float16. The hidden layer comes from the same
length-aware LAC graph the run-time backend uses (:func:`kg.ner.charner.lac_graph`),
so what the head is trained on is what it sees at run time.

Cache: one ``.npz`` per data file and feature version, keyed by the SHA-256 of
the texts, in ``--cache`` (never in the repository).
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from kg.ner import lac as lacmod
from kg.ner.charner import LacRunner

VERSION = "lacfeat-1"


class Features:
    """Concatenated per-character arrays; ``offsets[i]:offsets[i+1]`` is text i."""

    def __init__(self, offsets: np.ndarray, ids: np.ndarray, lac: np.ndarray, hidden: np.ndarray):
        self.offsets, self.ids, self.lac, self.hidden = offsets, ids, lac, hidden

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        a, b = self.offsets[i], self.offsets[i + 1]
        return self.ids[a:b], self.lac[a:b], self.hidden[a:b]


def texts_hash(texts: Sequence[str]) -> str:
    h = hashlib.sha256(VERSION.encode())
    for t in texts:
        h.update(t.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()[:16]


def compute(texts: Sequence[str], runner: LacRunner | None = None, progress: bool = False) -> Features:
    runner = runner or LacRunner()
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    total = int(offsets[-1])
    ids = np.zeros(total, dtype=np.int32)
    tags = np.zeros(total, dtype=np.int8)
    hidden = np.zeros((total, runner.hidden_size), dtype=np.float16)
    step = 2000
    for k in range(0, len(texts), step):
        chunk = list(texts[k:k + step])
        for i, (t_ids, t_tags, t_hidden) in enumerate(zip(*runner.run(chunk))):
            a = offsets[k + i]
            ids[a:a + len(t_ids)] = t_ids
            tags[a:a + len(t_tags)] = t_tags
            hidden[a:a + len(t_ids)] = t_hidden
        if progress:
            print(f"  features {min(k + step, len(texts))}/{len(texts)}", flush=True)
    return Features(offsets, ids, tags, hidden)


def cached(texts: Sequence[str], cache: Path, name: str, progress: bool = True) -> Features:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{name}.{texts_hash(texts)}.npz"
    if path.is_file():
        z = np.load(path)
        return Features(z["offsets"], z["ids"], z["lac"], z["hidden"])
    f = compute(texts, progress=progress)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, offsets=f.offsets, ids=f.ids, lac=f.lac, hidden=f.hidden)
    tmp.replace(path)
    return f


__all__ = ["Features", "cached", "compute", "lacmod"]
