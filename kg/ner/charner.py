"""kg's own NER model: a small character-level head on top of LAC, on ONNX Runtime.

LAC has to run anyway: the rule layer needs its words and POS tags. Its top
hidden layer (256 numbers per character, what LAC's own output layer reads)
already knows a great deal about names; what it lacks is this project's idea
of a name (MSRA's and CLUENER's conventions, names of companies, funds and
government bodies of the newsletter domain). The head reads that hidden layer
and hashed character n-grams of the text, and gives emissions over BIOES tags
of three types, decoded by an exact CRF Viterbi (:func:`viterbi`).

At run time both are one ONNX graph: LAC's encoder (patched in memory, as
:mod:`kg.ner.lac` does, to respect each row's length) with the head's nodes
appended, so one ``InferenceSession.run`` per batch gives LAC's emissions and
the head's. Batching and cutting are LAC's (:meth:`kg.ner.lac.LacBackend.run`).

The head is shipped in ``kg/ner/models/charner/``: ``head.onnx`` (its graph,
inputs ``lac_hidden``, ``token_ids`` and ``length``), ``head.json`` (tags, CRF
transitions, the size of the LAC vocabulary it was trained on) and ``MODEL_CARD.md``. Training:
``python -m training.train_ner`` (see ``training/README.md``).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..doc import Span
from ..errors import BackendError, first_line
from . import lac as lacmod
from .lac import LAC_EMISSIONS, LAC_ENTITY_WORDS, LAC_TYPES

#: LAC's top hidden layer in its ONNX graph, (batch, length, 256), before the output layer.
LAC_HIDDEN_NODE = "p2o.pd_op.transpose.1.0"
LAC_HIDDEN = "lac_hidden"
NER_EMISSIONS = "ner_emissions"
TYPES = LAC_TYPES  # the head names its tags as LAC does: PER, LOC, ORG


def default_model_dir() -> Path:
    return Path(__file__).resolve().parent / "models" / "charner"


class LacRunner(lacmod.LacBackend):
    """LAC's encoder with a second output: the NER head's emissions appended to its graph
    (``head``: an ONNX model reading ``lac_hidden``, ``token_ids``, ``length`` and giving
    ``ner_emissions``) or, without a head, LAC's top hidden layer (what training reads)."""

    hidden_size = 256

    def __init__(self, head=None, threads: int | None = None, lac_dir: str | Path | None = None):
        self._head = head
        self.outputs = (LAC_EMISSIONS, NER_EMISSIONS if head is not None else LAC_HIDDEN)
        super().__init__(model_dir=lac_dir, threads=threads)

    def _graph(self, root: Path):
        import onnx

        model = super()._graph(root)
        if self._head is not None:
            return _append_head(model, self._head)
        model.graph.node.append(onnx.helper.make_node("Identity", [LAC_HIDDEN_NODE], [LAC_HIDDEN]))
        model.graph.output.append(onnx.helper.make_tensor_value_info(
            LAC_HIDDEN, onnx.TensorProto.FLOAT, ["batch", "length", self.hidden_size]))
        return model


def _append_head(model, head):
    """LAC's graph with the head's nodes after it: one graph, one call per batch."""
    import onnx

    prefix = "kg_head/"
    inputs = {LAC_HIDDEN: LAC_HIDDEN_NODE, "token_ids": "token_ids", "length": "length"}

    def rename(name: str) -> str:
        if not name:
            return name
        if name in inputs:
            return inputs[name]
        if name == NER_EMISSIONS:
            return NER_EMISSIONS
        return prefix + name

    for init in head.graph.initializer:
        init.name = rename(init.name)
        model.graph.initializer.append(init)
    for node in head.graph.node:
        node.input[:] = [rename(n) for n in node.input]
        node.output[:] = [rename(n) for n in node.output]
        node.name = prefix + node.name
        model.graph.node.append(node)
    model.graph.output.append(onnx.helper.make_tensor_value_info(
        NER_EMISSIONS, onnx.TensorProto.FLOAT, ["batch", "length", "tags"]))
    return model


def viterbi(emissions: np.ndarray, transitions: np.ndarray,
            lengths: np.ndarray | None = None) -> np.ndarray:
    """Best tag paths for a padded batch: (B, L, T) emissions -> (B, L) tag ids; exact.

    As :func:`kg.ner.lac.viterbi`, only the positions in doubt are decoded, but with a
    tighter bound per pair of tags: tag ``y`` at a position cannot be on the best path
    when the best tag ``b`` there beats it by more than
    ``max_a (T[a, y] - T[a, b]) + max_c (T[y, c] - T[b, c])`` (swapping ``b`` in for
    ``y`` would raise any path's score, whatever its neighbours). The stretches of
    positions in doubt, between fixed tags, are then decoded over all tags
    (a small tag set: no candidate lists), grouped by length so that few steps
    are wasted on padding.
    """
    batch, length, n_tags = emissions.shape
    if lengths is None:
        lengths = np.full(batch, length)
    if batch == 0 or length == 0:
        return np.zeros((batch, length), dtype=np.int64)
    valid = np.arange(length)[None, :] < lengths[:, None]
    path = emissions.argmax(axis=2)
    top = np.take_along_axis(emissions, path[:, :, None], axis=2)
    candidate = (top - emissions) <= _pair_bounds(transitions).T[path]  # bound[y, best]
    ambiguous = (candidate.sum(axis=2) > 1) & valid
    if not ambiguous.any():
        return path
    starts, ends = lacmod.stretches(ambiguous)
    sizes = ends - starts
    fixed = path.ravel().copy()
    scores = emissions.reshape(batch * length, n_tags)
    row_end = (starts // length) * length + lengths[starts // length]
    enter = np.where((starts % length > 0)[:, None],
                     transitions[fixed[np.maximum(starts - 1, 0)]], 0.0)  # from the fixed tag before
    leave = np.where((ends < row_end)[:, None],
                     transitions[:, fixed[np.minimum(ends, fixed.size - 1)]].T, 0.0)  # into the one after
    order = np.argsort(sizes, kind="stable")
    for group in _length_groups(sizes[order]):
        idx = order[group]
        steps = int(sizes[idx].max())
        at = starts[idx, None] + np.arange(steps)[None, :]
        inside = at < ends[idx, None]
        at = np.minimum(at, ends[idx, None] - 1)
        chosen = _full_viterbi(scores[at], transitions, sizes[idx], enter[idx], leave[idx])
        fixed[at[inside]] = chosen[inside]
    return fixed.reshape(batch, length)


def _length_groups(sorted_sizes: np.ndarray, waste: float = 1.3) -> list[slice]:
    """Slices of stretches sorted by length, each padded to its longest at most ``waste`` x."""
    groups, start, n = [], 0, len(sorted_sizes)
    while start < n:
        end = np.searchsorted(sorted_sizes, sorted_sizes[start] * waste, side="right")
        end = max(end, start + 1)
        groups.append(slice(start, end))
        start = end
    return groups


def _full_viterbi(emissions: np.ndarray, transitions: np.ndarray, lengths: np.ndarray,
                  enter: np.ndarray, leave: np.ndarray) -> np.ndarray:
    """Textbook Viterbi over every tag, rows of different lengths; ``enter`` is added at
    each row's first position, ``leave`` after its last."""
    rows, steps, n_tags = emissions.shape
    score = emissions[:, 0] + enter
    back = np.empty((steps, rows, n_tags), dtype=np.int8)
    step = np.empty((rows, n_tags, n_tags), dtype=np.float64)
    live = np.arange(steps)[:, None] < lengths[None, :]  # (steps, rows)
    for t in range(1, steps):
        np.add(score[:, :, None], transitions, out=step)
        back[t] = step.argmax(axis=1)
        moved = step.max(axis=1)
        moved += emissions[:, t]
        score = np.where(live[t][:, None], moved, score)
    tag = (score + leave).argmax(axis=1)
    path = np.empty((rows, steps), dtype=np.int64)
    index = np.arange(rows)
    for t in range(steps - 1, -1, -1):
        path[:, t] = tag
        if t:
            tag = np.where(t < lengths, back[t, index, tag], tag)
    return path


def _pair_bounds(transitions: np.ndarray) -> np.ndarray:
    """bound[y, b] = max_a (T[a, y] - T[a, b]) + max_c (T[y, c] - T[b, c])."""
    t = transitions.astype(np.float64)
    into = (t[:, :, None] - t[:, None, :]).max(axis=0)
    out = (t[:, None, :] - t[None, :, :]).max(axis=2)
    return (into + out).astype(np.float32)


def entity_spans(tags: np.ndarray, text_starts: np.ndarray | None = None,
                 strict: bool = True) -> list[tuple[int, int, int]]:
    """(start, end, type index) of each name in a BIOES tag sequence (0 = O; then B, I, E, S
    per type). A name starts at B or S or at a tag of another type than the one before,
    goes on over I and E of its type, and ends after E or S; ``strict`` keeps only the
    well-formed ones (B I* E, or S): a name the CRF left open or began inside is dropped
    (better on every test set than keeping it: MSRA +0.3, CLUENER +0.3, Resume +0.7).

    ``text_starts``: positions where a new text begins in a concatenated sequence
    (no name goes across them).
    """
    tags = np.asarray(tags)
    if tags.size == 0:
        return []
    named = tags > 0
    kind = (tags - 1) // 4
    part = (tags - 1) % 4  # 0 B, 1 I, 2 E, 3 S
    continues = np.zeros_like(named)
    continues[1:] = (named[1:] & (part[1:] >= 1) & (part[1:] <= 2)  # I or E ...
                     & named[:-1] & (part[:-1] <= 1)                 # ... after B or I ...
                     & (kind[1:] == kind[:-1]))                      # ... of the same type
    if text_starts is not None and len(text_starts):
        continues[text_starts[text_starts < tags.size]] = False
    starts = np.flatnonzero(named & ~continues)
    if starts.size == 0:
        return []
    breaks = np.flatnonzero(~continues)  # where a name that started before cannot go on
    nxt = np.searchsorted(breaks, starts, side="right")
    ends = np.where(nxt < breaks.size, breaks[np.minimum(nxt, breaks.size - 1)], tags.size)
    if strict:
        first, last = part[starts], part[ends - 1]
        single = ends - starts == 1
        whole = np.where(single, first == 3, (first == 0) & (last == 2))
        starts, ends = starts[whole], ends[whole]
    return list(zip(starts.tolist(), ends.tolist(), kind[starts].tolist()))


class CharNerBackend:
    """LAC's words and kg's own names, from one ONNX Runtime call per batch."""

    name = "charner"

    def __init__(self, model: str | Path | None = None, threads: int | None = None,
                 model_dir: str | Path | None = None):
        """``model`` (what ``--ner-model`` passes): a folder with ``head.onnx`` and ``head.json``
        (default: the model shipped in the package). ``threads``: ONNX Runtime threads per
        call (default 1; the pipeline makes one call per core at once)."""
        root = Path(model or model_dir or default_model_dir())
        self.model_dir = root
        head, meta = load_head(root)
        self.types = [TYPES[t.split("-", 1)[1]] for t in meta["tags"][1::4]]
        self.ner_transitions = np.asarray(meta["transitions"], dtype=np.float32)
        try:
            self.runner = LacRunner(head=head, threads=threads)
        except Exception as e:  # ONNX Runtime refuses a graph whose shapes or types do not fit
            if isinstance(e, BackendError):
                raise
            raise BackendError(f"{root}: the NER head does not fit LAC's graph ({first_line(e)})") from e
        trained_on = meta.get("lac_vocab_size")  # LAC's vocabulary and the two markers the head reads
        if trained_on is not None and trained_on != len(self.runner.vocab) + 2:
            raise BackendError(f"{root}: the NER head was trained on a LAC of {trained_on - 2} characters, this LAC "
                               f"has {len(self.runner.vocab)}: retrain it (python -m training.train_ner)")
        self.concurrent_calls = self.runner.concurrent_calls
        try:  # a head with wrong shapes fails on its first call: fail at load instead, in one line
            _, _, check = self.runner.run(["测试"], second=(self.ner_transitions, viterbi))
        except Exception as e:
            raise BackendError(f"{root}: the NER head does not run ({first_line(e)})") from e
        if check[0].shape != (2,) or check[0].max(initial=0) >= len(meta["tags"]):
            raise BackendError(f"{root}: the NER head gives tags outside its {len(meta['tags'])} tags")
        runner = self.runner
        words = {label: f"pos:{LAC_ENTITY_WORDS[LAC_TYPES[label]] if label in LAC_TYPES else label}"
                 for label in runner.tag_label}
        self._lac_span_type = [words[label] for label in runner.tag_label]

    def tag(self, texts: Sequence[str]) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """LAC's tag ids and the head's BIOES tag ids, per character of each text."""
        _, lac_tags, ner_tags = self.runner.run(texts, second=(self.ner_transitions, viterbi))
        return lac_tags, ner_tags

    def recognize(self, texts: Sequence[str]) -> list[list[Span]]:
        """Names from the head; every LAC word outside them as a ``pos:TAG`` span (LAC's
        own names become ``pos:nr``/``ns``/``nt`` words; a word a name cuts keeps its
        outer parts as ``pos:x``)."""
        return self._spans(*self.tag(texts))

    def _spans(self, lac_tags: list[np.ndarray], ner_tags: list[np.ndarray]) -> list[list[Span]]:
        if not lac_tags:
            return []
        w = lacmod.word_bounds(lac_tags, self.runner.tag_inside)
        offsets, w_first = w.offsets, w.first
        flat_ner = np.concatenate(ner_tags).astype(np.int64)
        text_starts = offsets[:-1][np.diff(offsets) > 0]
        w_starts_, w_ends_ = w.starts.tolist(), w.ends.tolist()
        w_types = [self._lac_span_type[k] for k in w.flat[w.starts].tolist()]
        names = entity_spans(flat_ner, text_starts)
        n_starts = np.array([a for a, _, _ in names], dtype=np.int64)
        n_first = np.searchsorted(n_starts, offsets).tolist()
        types = self.types
        out = []
        for i, base in enumerate(offsets[:-1].tolist()):
            mine = names[n_first[i]:n_first[i + 1]]
            spans = [Span(a - base, b - base, types[k], "charner") for a, b, k in mine]
            if not mine:
                spans += [Span(w_starts_[j] - base, w_ends_[j] - base, w_types[j], "charner")
                          for j in range(w_first[i], w_first[i + 1])]
            else:
                n = 0
                for j in range(w_first[i], w_first[i + 1]):
                    a, b = w_starts_[j], w_ends_[j]
                    while n < len(mine) and mine[n][1] <= a:
                        n += 1
                    if n == len(mine) or b <= mine[n][0]:
                        spans.append(Span(a - base, b - base, w_types[j], "charner"))
                        continue
                    m = n  # the word overlaps names: keep the parts outside them
                    pos = a
                    while m < len(mine) and mine[m][0] < b:
                        if pos < mine[m][0]:
                            spans.append(Span(pos - base, mine[m][0] - base, "pos:x", "charner"))
                        pos = max(pos, mine[m][1])
                        m += 1
                    if pos < b:
                        spans.append(Span(pos - base, b - base, "pos:x", "charner"))
                spans.sort(key=lambda s: (s.start, -s.end))
            out.append(spans)
        return out


def load_head(root: Path):
    """The head's graph and metadata; anything missing or malformed is one BackendError line."""
    import onnx

    if not root.is_dir():
        raise BackendError(f"{root}: no such NER model folder (it needs head.onnx and head.json)")
    for name in ("head.onnx", "head.json"):
        if not (root / name).is_file():
            raise BackendError(f"{root}: not a charner model folder (no {name} in it)")
    try:
        meta = json.loads((root / "head.json").read_text(encoding="utf-8"))
        tags = meta["tags"]
        transitions = np.asarray(meta["transitions"], dtype=np.float32)
    except (ValueError, KeyError, TypeError) as e:
        raise BackendError(f"{root / 'head.json'}: not a charner model description ({first_line(e)})") from e
    if (not isinstance(tags, list) or len(tags) < 5 or (len(tags) - 1) % 4 or tags[0] != "O"
            or any(t.split("-", 1)[-1] not in TYPES for t in tags[1:])):
        raise BackendError(f"{root / 'head.json'}: tags must be O then B/I/E/S of PER, LOC, ORG")
    if transitions.shape != (len(tags), len(tags)):
        raise BackendError(f"{root / 'head.json'}: transitions are {transitions.shape}, "
                           f"not {len(tags)} x {len(tags)} for its {len(tags)} tags")
    try:
        head = onnx.load(str(root / "head.onnx"))
        onnx.checker.check_model(head)
    except Exception as e:  # a truncated or foreign file: protobuf's DecodeError, onnx's ValidationError
        raise BackendError(f"{root / 'head.onnx'}: not a valid ONNX model ({first_line(e)})") from e
    inputs = {i.name for i in head.graph.input}
    outputs = [o.name for o in head.graph.output]
    if not inputs <= {LAC_HIDDEN, "token_ids", "length"} or outputs != [NER_EMISSIONS]:
        raise BackendError(f"{root / 'head.onnx'}: a NER head reads lac_hidden, token_ids, length and gives "
                           f"ner_emissions; this one reads {sorted(inputs)} and gives {outputs}")
    width = head.graph.output[0].type.tensor_type.shape.dim
    if len(width) == 3 and width[2].HasField("dim_value") and width[2].dim_value != len(tags):
        raise BackendError(f"{root / 'head.onnx'}: gives {width[2].dim_value} scores per character, "
                           f"head.json names {len(tags)} tags")
    return head, meta
