"""The trained head as an ONNX graph, and the files that ship with it.

The graph is written node by node from the PyTorch weights (not traced), at
LAC's opset (13), so that :mod:`kg.ner.charner` can append it to LAC's graph:

    inputs   lac_hidden (B, L, 256) float, token_ids (B, L) int64 (LAC's ids), length (B) int64
    output   ner_emissions (B, L, tags) float

Ids at and past each row's end become ``PAD_ID`` and a row is framed by
``START_ID`` and ``PAD_ID`` (:func:`training.model.padded_ids`), so a row's result
does not depend on the rows it is batched with. Characters are LAC's ids remapped
to the head's vocabulary by a Gather; bigrams and the lexical templates are
hashed in the graph exactly as :func:`training.model.lex_index` does; the BiLSTM
is ONNX's LSTM with ``sequence_lens`` (each row stops at its own end, as
PyTorch's packed sequences do). Matrices are stored as float32, embedding and
lexical tables as float16 (rows are looked up in half precision, then cast).
"""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from . import model as M
from .model import TAGS, Head

OPSET = 13
FORMAT = 1
INT64_MAX = np.iinfo(np.int64).max


def head_graph(model: Head, remap: np.ndarray) -> onnx.ModelProto:
    cfg = model.cfg
    sd = {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model.state_dict().items()}
    inits: list = []
    nodes: list = []

    def const(name: str, value) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def i64(name: str, *values: int) -> str:
        return const(name, np.array(values, dtype=np.int64))

    def node(op: str, inputs: list[str], output: str, **attrs) -> str:
        nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def table(name: str, weights: np.ndarray, index: str) -> str:
        """Rows of a float16 table, as float32 (looked up in half precision: half the memory traffic)."""
        half = const(f"{name}.weight16", weights.astype(np.float16))
        rows = node("Gather", [half, index], f"{name}.rows", axis=0)
        return node("Cast", [rows], f"{name}.out", to=TensorProto.FLOAT)

    # each row's ids, PAD_ID past its end, framed by START_ID and PAD_ID
    width = node("Gather", [node("Shape", ["token_ids"], "ids.shape"), i64("one", 1)], "ids.length", axis=0)
    positions = node("Range", [const("zero", np.array(0, dtype=np.int64)), width,
                               const("step", np.array(1, dtype=np.int64))], "ids.positions")
    valid = node("Less", [node("Unsqueeze", [positions, i64("axis0", 0)], "ids.pos2"),
                          node("Unsqueeze", ["length", i64("axis1", 1)], "ids.len2")], "ids.valid")
    ids = node("Where", [valid, "token_ids", i64("pad", M.PAD_ID)], "ids.masked")
    framed = node("Pad", [ids, i64("pads.start", 0, M.REACH, 0, 0), const("start", np.array(M.START_ID))],
                  "ids.started", mode="constant")
    framed = node("Pad", [framed, i64("pads.end", 0, 0, 0, M.REACH), const("padv", np.array(M.PAD_ID))],
                  "ids.framed", mode="constant")
    views: dict[int, str] = {}

    def view(o: int) -> str:
        if o not in views:
            end = -(M.REACH - o) if o < M.REACH else INT64_MAX
            views[o] = node("Slice", [framed, i64(f"view{o}.s", M.REACH + o), i64(f"view{o}.e", end),
                                      i64(f"view{o}.a", 1)], f"ids.at{o}")
        return views[o]

    def hashed(name: str, salt: int, offsets, buckets: int) -> str:
        n = const(f"{name}.n", np.array(buckets, dtype=np.int64))
        p = const(f"{name}.p", np.array(M.HASH_PRIME, dtype=np.int64)) if len(offsets) > 1 else None
        h = None
        for k, o in enumerate(offsets):
            if h is None:
                h = node("Add", [const(f"{name}.salt", np.array(salt * M.HASH_PRIME, dtype=np.int64)), view(o)],
                         f"{name}.h{k}")
            else:
                h = node("Add", [node("Mul", [h, p], f"{name}.m{k}"), view(o)], f"{name}.h{k}")
            h = node("Mod", [h, n], f"{name}.r{k}")
        return h

    parts = []
    if cfg.proj:
        x = node("MatMul", ["lac_hidden", const("proj.w", sd["proj.weight"].T.copy())], "proj.mm")
        x = node("Add", [x, const("proj.b", sd["proj.bias"])], "proj.add")
        parts.append(node("Relu", [x], "proj.out"))
    if cfg.char_dim:
        ours = node("Gather", [const("char.remap", remap.astype(np.int64)), view(0)], "char.ids", axis=0)
        parts.append(table("char", sd["char.weight"], ours))
    if cfg.bigram_dim:
        # (id * P + next) mod buckets, as model.bigram_index: the first step has no salt
        n = const("bigram.n", np.array(cfg.bigram_buckets, dtype=np.int64))
        h = node("Mul", [view(0), const("bigram.p", np.array(M.HASH_PRIME, dtype=np.int64))], "bigram.m")
        h = node("Mod", [node("Add", [h, view(1)], "bigram.a"), n], "bigram.ids")
        parts.append(table("bigram", sd["bigram.weight"], h))
    if cfg.lactag_dim:  # LAC's decoded tags: an input of its own (a second call after LAC's Viterbi)
        parts.append(table("lactag", sd["lactag.weight"], "lac_tags"))
    emissions = None
    if parts:
        x = parts[0] if len(parts) == 1 else node("Concat", parts, "features", axis=2)
        if cfg.conv:
            keep = node("Cast", [node("Unsqueeze", [valid, i64("axis2", 2)], "conv.valid")], "conv.mask",
                        to=TensorProto.FLOAT)
            for k in range(cfg.conv_layers):
                x = node("Mul", [x, keep], f"conv{k}.masked")
                x = node("Transpose", [x], f"conv{k}.in", perm=[0, 2, 1])
                x = node("Conv", [x, const(f"conv{k}.w", sd[f"convs.{k}.weight"]),
                                  const(f"conv{k}.b", sd[f"convs.{k}.bias"])], f"conv{k}.conv",
                         pads=[1, 1], kernel_shape=[3])
                x = node("Relu", [x], f"conv{k}.relu")
                x = node("Transpose", [x], f"conv{k}.out", perm=[0, 2, 1])
        if cfg.lstm:
            H = cfg.lstm
            seq = node("Transpose", [x], "lstm.in", perm=[1, 0, 2])  # (L, B, in)
            lens = node("Cast", ["length"], "lstm.lens", to=TensorProto.INT32)

            def gates(m: np.ndarray) -> np.ndarray:  # PyTorch i, f, g, o -> ONNX i, o, f, c
                i, f, g, o = np.split(m, 4, axis=0)
                return np.concatenate([i, o, f, g], axis=0)

            W = np.stack([gates(sd["lstm.weight_ih_l0"]), gates(sd["lstm.weight_ih_l0_reverse"])])
            R = np.stack([gates(sd["lstm.weight_hh_l0"]), gates(sd["lstm.weight_hh_l0_reverse"])])
            B = np.stack([np.concatenate([gates(sd["lstm.bias_ih_l0"]), gates(sd["lstm.bias_hh_l0"])]),
                          np.concatenate([gates(sd["lstm.bias_ih_l0_reverse"]),
                                          gates(sd["lstm.bias_hh_l0_reverse"])])])
            nodes.append(helper.make_node("LSTM", [seq, const("lstm.W", W), const("lstm.R", R),
                                                   const("lstm.B", B), lens],
                                          ["lstm.Y"], name="lstm", direction="bidirectional", hidden_size=H))
            y = node("Transpose", ["lstm.Y"], "lstm.t", perm=[2, 0, 1, 3])  # (B, L, 2, H)
            x = node("Reshape", [y, i64("lstm.shape", 0, 0, 2 * H)], "lstm.out")
        x = node("MatMul", [x, const("out.w", sd["out.weight"].T.copy())], "out.mm")
        emissions = node("Add", [x, const("out.b", sd["out.bias"])], "out.add")
    if cfg.lex_buckets:
        rows = [node("Unsqueeze", [hashed(f"lex{t}", t + 1, offsets, cfg.lex_buckets), i64(f"lex{t}.ax", 2)],
                     f"lex{t}.col") for t, offsets in enumerate(M.LEX_TEMPLATES)]
        index = node("Concat", rows, "lex.index", axis=2)
        looked = table("lex", sd["lex.weight"], index)  # (B, L, K, tags)
        lex = node("ReduceSum", [looked, i64("lex.axes", 2)], "lex.sum", keepdims=0)
        emissions = lex if emissions is None else node("Add", [emissions, lex], "lex.add")
    node("Identity", [emissions], "ner_emissions")
    graph = helper.make_graph(
        nodes, "kg_ner_head",
        [helper.make_tensor_value_info("lac_hidden", TensorProto.FLOAT, ["batch", "length", 256]),
         helper.make_tensor_value_info("token_ids", TensorProto.INT64, ["batch", "length"]),
         helper.make_tensor_value_info("length", TensorProto.INT64, ["batch"])]
        + ([helper.make_tensor_value_info("lac_tags", TensorProto.INT64, ["batch", "length"])]
           if cfg.lactag_dim else []),
        [helper.make_tensor_value_info("ner_emissions", TensorProto.FLOAT, ["batch", "length", len(TAGS)])],
        inits)
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="kg-training")
    m.ir_version = 7
    onnx.checker.check_model(m)
    return m


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


TABLES = ("char", "bigram", "lactag", "lex")


def round_tables(model: Head) -> None:
    """Embedding and lexical tables to float16 precision, as the graph stores them,
    so that the PyTorch model and the ONNX graph compute the same numbers."""
    import torch

    with torch.no_grad():
        for name in TABLES:
            if hasattr(model, name):
                table = getattr(model, name).weight
                table.copy_(table.half().float())


def head_from_onnx(folder: Path) -> tuple[Head, np.ndarray]:
    """The PyTorch head back from a shipped ``head.onnx`` and ``head.json`` (for tests)."""
    import torch

    meta = json.loads((Path(folder) / "head.json").read_text(encoding="utf-8"))
    cfg = M.HeadConfig(**meta["config"])
    graph = onnx.load(str(Path(folder) / "head.onnx"))
    w = {i.name: numpy_helper.to_array(i) for i in graph.graph.initializer}
    model = Head(cfg)
    sd = {"transitions": np.asarray(meta["transitions"], dtype=np.float32)}
    if cfg.proj:
        sd["proj.weight"], sd["proj.bias"] = w["proj.w"].T, w["proj.b"]
    for name in TABLES:
        if f"{name}.weight16" in w:
            sd[f"{name}.weight"] = w[f"{name}.weight16"].astype(np.float32)
    for k in range(cfg.conv_layers if cfg.conv else 0):
        sd[f"convs.{k}.weight"], sd[f"convs.{k}.bias"] = w[f"conv{k}.w"], w[f"conv{k}.b"]
    if cfg.lstm:
        def torch_gates(m: np.ndarray) -> np.ndarray:  # ONNX i, o, f, c -> PyTorch i, f, g, o
            i, o, f, c = np.split(m, 4, axis=0)
            return np.concatenate([i, f, c, o], axis=0)

        for d, suffix in ((0, ""), (1, "_reverse")):
            sd[f"lstm.weight_ih_l0{suffix}"] = torch_gates(w["lstm.W"][d])
            sd[f"lstm.weight_hh_l0{suffix}"] = torch_gates(w["lstm.R"][d])
            b_ih, b_hh = np.split(w["lstm.B"][d], 2)
            sd[f"lstm.bias_ih_l0{suffix}"], sd[f"lstm.bias_hh_l0{suffix}"] = torch_gates(b_ih), torch_gates(b_hh)
    if "out.w" in w:
        sd["out.weight"], sd["out.bias"] = w["out.w"].T, w["out.b"]
    model.load_state_dict({k: torch.from_numpy(np.array(v, dtype=np.float32)) for k, v in sd.items()})
    remap = w.get("char.remap", np.zeros(M.LAC_VOCAB + 2, dtype=np.int64))
    return model, remap


def write_model(model: Head, remap: np.ndarray, out: Path, result: dict, data_files: list[Path]) -> None:
    """head.onnx, head.json and MODEL_CARD.md into ``out`` (the tables rounded first: see round_tables)."""
    out.mkdir(parents=True, exist_ok=True)
    graph = head_graph(model, remap)
    onnx.save(graph, str(out / "head.onnx"))
    meta = {
        "format": FORMAT,
        "tags": list(TAGS),
        "transitions": model.transitions.detach().numpy().astype(float).round(6).tolist(),
        "config": model.cfg.to_dict(),
        "lac_vocab_size": len(remap),
        "head_sha256": sha256(out / "head.onnx"),
    }
    (out / "head.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    card = model_card(result, data_files, out)
    (out / "MODEL_CARD.md").write_text(card, encoding="utf-8")


def model_card(result: dict, data_files: list[Path], out: Path) -> str:
    args = result["args"]
    lines = ["# kg character NER head (charner)", "",
             "A small head on LAC's top hidden layer and a table of hashed character n-gram features, with a CRF; "
             "runs inside LAC's ONNX graph (`kg/ner/charner.py`).", "",
             f"Written {time.strftime('%Y-%m-%d %H:%M:%S')} by `{result.get('command', 'python -m training.train_ner')}` "
             "(see `training/README.md`); the same command, on the same data, writes the same weights.", "",
             "## Data", "", "| file | SHA-256 |", "|---|---|"]
    for f in data_files:
        lines.append(f"| `{Path(f).name}` | `{sha256(Path(f)) if Path(f).is_file() else 'absent'}` |")
    gen = args.get("generated") or 0
    lines += ["", f"Generated sentences (training/generate.py, seed {args['seed']}): {gen}.",
              f"CLUENER labels: {args['cluener']} (see training/data.py).",
              f"Held out for dev: {json.dumps(args.get('dev_rows'))} rows (seeded).", "",
              "## Hyper-parameters", "", "```json", json.dumps(result["config"], indent=1),
              json.dumps({k: args[k] for k in ("seed", "epochs", "lr", "batch_chars", "min_char_count", "threads",
                                                 "dropout", "aux", "generated", "cluener")}, indent=1), "```", "",
              f"Training time: {result['train_seconds']} s on this machine "
              f"({args.get('threads')} threads, CPU).", "",
              "## Scores (exact-span micro F1, the head alone, no rule layer)", "",
              "| epoch | loss/char | seconds | dev |", "|---|---|---|---|"]
    for h in result["history"]:
        lines.append(f"| {h['epoch']} | {h['loss_per_char']} | {h['seconds']} | "
                     + "; ".join(f"{k} {v['f1']}" for k, v in h["dev"].items()) + " |")
    lines += ["", "| test set | F1 | per type |", "|---|---|---|"]
    for name, s in result.get("tests", {}).items():
        lines.append(f"| {name} | {s['f1']} | " + ", ".join(f"{k} {v}" for k, v in s.items() if k != "f1") + " |")
    if result.get("extra"):
        lines += ["", "## Measured with the product", "", result["extra"]]
    lines.append("")
    return "\n".join(lines)
