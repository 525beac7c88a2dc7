"""Train kg's NER head (``kg/ner/charner.py``) and write the model the package ships.

    python -m training.train_ner --out kg/ner/models/charner            # the shipped model
    python -m training.train_ner --tiny --out /tmp/tiny-model             # seconds: CI

Data: ``../shared/eval/ner_train/`` (MSRA train, CLUENER train; see data.py
for the label mapping) and generated sentences (generate.py). A held-out dev
split of both (fixed by the seed) is scored after every epoch; the test sets of
``../shared/eval/ner_bench/`` are scored at the end, for the model card only.

The output folder gets ``head.onnx``, ``head.json`` and ``MODEL_CARD.md``
(data hashes, hyper-parameters, seeds, epochs, time, scores); ``--tiny`` trains
a few hundred sentences for one epoch and writes the same files.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shlex
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import torch

from kg.ner.charner import entity_spans, viterbi

from . import data as D
from . import features as F
from . import model as M
from .model import N_TAGS, TYPES, Head, HeadConfig

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "eval"
TEST_SETS = {  # name: (file, scored types)
    "msra_test": ("msra_test.jsonl", ("PER", "LOC", "ORG")),
    "cluener_dev": ("cluener_dev.jsonl", ("PER", "ORG")),
    "weibo_test": ("weibo_test.jsonl", ("PER", "LOC", "ORG")),
    "resume_test": ("resume_test.jsonl", ("PER", "LOC", "ORG")),
}


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


class Corpus:
    """Training rows from several files, as one set of concatenated arrays."""

    def __init__(self, parts: list[D.Labeled]):
        self.parts = parts
        self.lengths = np.concatenate([np.diff(p.features.offsets) for p in parts])
        self.part_of = np.concatenate([np.full(len(p), k) for k, p in enumerate(parts)])
        self.row_of = np.concatenate([np.arange(len(p)) for p in parts])

    def rows(self, index: np.ndarray):
        for i in index:
            p = self.parts[self.part_of[i]]
            r = self.row_of[i]
            a, b = p.features.offsets[r], p.features.offsets[r + 1]
            yield p.features.ids[a:b], p.features.lac[a:b], p.features.hidden[a:b], p.allowed[a:b]


def tensors(rows, remap: np.ndarray, cfg: HeadConfig, with_allowed: bool = True):
    """Padded batch tensors: hidden, chars, bigrams, LAC tags, lengths, allowed, mask, lexical rows."""
    rows = list(rows)
    lengths = np.array([len(r[0]) for r in rows])
    B, L = len(rows), int(lengths.max())
    ids = np.zeros((B, L), dtype=np.int64)
    lac = np.zeros((B, L), dtype=np.int64)
    hidden = np.zeros((B, L, 256), dtype=np.float32)
    allowed = np.ones((B, L, N_TAGS), dtype=bool)
    for k, r in enumerate(rows):
        n = lengths[k]
        ids[k, :n], lac[k, :n], hidden[k, :n] = r[0], r[1], r[2]
        if with_allowed:
            allowed[k, :n] = r[3]
    mask = np.arange(L)[None, :] < lengths[:, None]
    padded = M.padded_ids(ids, lengths)
    chars = remap[padded[:, M.REACH:M.REACH + L]]
    bigrams = M.bigram_index(padded, cfg.bigram_buckets) if cfg.bigram_dim else np.zeros((B, L), dtype=np.int64)
    lex = torch.from_numpy(M.lex_index(padded, cfg.lex_buckets)) if cfg.lex_buckets else None
    return (torch.from_numpy(hidden), torch.from_numpy(chars), torch.from_numpy(bigrams),
            torch.from_numpy(lac), torch.from_numpy(lengths), torch.from_numpy(allowed),
            torch.from_numpy(mask), lex)


def predict(model: Head, feats: F.Features, remap: np.ndarray, max_chars: int = 8000) -> list[np.ndarray]:
    """Tags per text: the model's emissions, then the run-time Viterbi."""
    model.eval()
    transitions = model.transitions.detach().numpy()
    lengths = np.diff(feats.offsets)
    out: list = [np.zeros(0, dtype=np.int64)] * len(lengths)
    with torch.no_grad():
        for index in D.batches(np.maximum(lengths, 1), max_chars, None):
            index = [i for i in index if lengths[i] > 0]
            if not index:
                continue
            rows = [feats.row(i) + (None,) for i in index]
            hidden, chars, bigrams, lac, n, _, _, lex = tensors(rows, remap, model.cfg, with_allowed=False)
            em = model(hidden, chars, bigrams, lac, n, lex).numpy()
            paths = viterbi(em, transitions, n.numpy())
            for k, i in enumerate(index):
                out[i] = paths[k, :lengths[i]]
    return out


def score(rows: list[dict], tags: list[np.ndarray], types) -> dict:
    tp, n_pred, n_gold = Counter(), Counter(), Counter()
    for r, t in zip(rows, tags):
        gold = {(e["start"], e["end"], e["type"]) for e in r["entities"] if e["type"] in types}
        pred = {(a, b, TYPES[k]) for a, b, k in entity_spans(t) if TYPES[k] in types}
        for kind in types:
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            tp[kind] += len(g & p)
            n_pred[kind] += len(p)
            n_gold[kind] += len(g)

    def prf(a, p, g):
        pr, rc = a / p if p else 0.0, a / g if g else 0.0
        return round(100 * (2 * pr * rc / (pr + rc) if pr + rc else 0.0), 2)

    out = {"f1": prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))}
    out.update({k: prf(tp[k], n_pred[k], n_gold[k]) for k in types})
    return out


def load_training(args, cache: Path, rng: np.random.Generator):
    """(train parts, dev parts) as Labeled; dev is a fixed held-out slice of each file."""
    sources = []
    msra = D.read_jsonl(args.data / "msra_train.jsonl")
    cluener = D.read_jsonl(args.data / "cluener_train.jsonl")
    if args.tiny:
        msra, cluener = msra[:300], cluener[:100]
    sources.append(("msra_train", msra, "full"))
    if args.cluener != "none":
        sources.append(("cluener_train", cluener, args.cluener))
    if args.generated:
        from . import generate

        gen = generate.sentences(args.generated, seed=args.seed)
        sources.append(("generated", gen, "full"))
    train, dev = [], []
    for name, rows, mode in sources:
        rows = [r for r in rows if r["text"]]
        feats = F.cached([r["text"] for r in rows], cache, name if not args.tiny else f"tiny-{name}",
                         progress=not args.tiny)
        if mode == "full":
            allowed = D.full_labels(rows)
        else:
            allowed = D.cluener_labels(rows, feats, mode)
        n_dev = 0 if name == "generated" else min(len(rows) // 10, args.dev_rows.get(name, 0))
        perm = rng.permutation(len(rows))
        dev_idx, train_idx = np.sort(perm[:n_dev]), np.sort(perm[n_dev:])
        for idx, target in ((train_idx, train), (dev_idx, dev)):
            if len(idx) == 0:
                continue
            sub = subset(feats, idx)
            target.append(D.Labeled(name, [rows[i]["text"] for i in idx], sub,
                                    np.concatenate([allowed[i] for i in idx]) if len(idx) else None))
            target[-1].rows = [rows[i] for i in idx]
            target[-1].mode = mode
    return train, dev


def subset(feats: F.Features, idx: np.ndarray) -> F.Features:
    lengths = np.diff(feats.offsets)[idx]
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    take = np.concatenate([np.arange(feats.offsets[i], feats.offsets[i + 1]) for i in idx]) if len(idx) else \
        np.zeros(0, dtype=np.int64)
    return F.Features(offsets, feats.ids[take], feats.lac[take], feats.hidden[take])


def char_vocab(parts: list[D.Labeled], min_count: int) -> np.ndarray:
    """LAC token id -> our character index (0 padding, 1 rare): characters seen ``min_count`` times.
    Indexed by LAC's ids and the two markers (PAD_ID, START_ID), which map to 0."""
    counts = np.bincount(np.concatenate([p.features.ids for p in parts]), minlength=M.LAC_VOCAB)
    remap = np.ones(M.LAC_VOCAB + 2, dtype=np.int64)
    keep = np.flatnonzero(counts[:M.LAC_VOCAB] >= min_count)
    remap[keep] = np.arange(2, 2 + len(keep))
    remap[M.PAD_ID] = remap[M.START_ID] = 0
    return remap


def _settings(argv: list[str]) -> list[str]:
    """The command's arguments without those that cannot change the model (where the cache and the log are)."""
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a in ("--cache", "--log"):
            skip = True
        elif not a.startswith(("--cache=", "--log=")):
            out.append(a)
    return out


def _check_inputs(args) -> str | None:
    """What stops a run before it starts, as one line (a missing data file, an unusable --out)."""
    for name in ("msra_train.jsonl", "cluener_train.jsonl"):
        if not (args.data / name).is_file():
            return f"{args.data / name}: no such file (--data is the folder of ner_train's files)"
    if args.out.exists() and not args.out.is_dir():
        return f"{args.out}: exists and is not a folder (--out is the model folder to write)"
    if args.epochs < 1 or args.generated < 0:
        return "--epochs must be at least 1 and --generated at least 0"
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="model folder to write")
    ap.add_argument("--data", type=Path, default=SHARED / "ner_train")
    ap.add_argument("--tests", type=Path, default=SHARED / "ner_bench")
    ap.add_argument("--cache", type=Path, default=Path(os.environ.get("KG_NER_CACHE", "/tmp/kg-ner-cache")))
    ap.add_argument("--tiny", action="store_true", help="a few hundred sentences, one epoch (CI)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-chars", type=int, default=3000)
    ap.add_argument("--cluener", choices=("partial", "silver", "o", "none"), default="partial")
    ap.add_argument("--generated", type=int, default=20000, help="generated sentences added to training")
    ap.add_argument("--proj", type=int, default=128)
    ap.add_argument("--char-dim", type=int, default=0)
    ap.add_argument("--bigram-dim", type=int, default=0)
    ap.add_argument("--bigram-buckets", type=int, default=1 << 16)
    ap.add_argument("--lactag-dim", type=int, default=0)
    ap.add_argument("--lstm", type=int, default=0)
    ap.add_argument("--conv", type=int, default=0)
    ap.add_argument("--conv-layers", type=int, default=1)
    ap.add_argument("--lex-buckets", type=int, default=1 << 19, help="rows of the lexical emission table (0: none)")
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--aux", type=float, default=1.0, help="weight of the per-character loss on emissions")
    ap.add_argument("--min-char-count", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-tests", action="store_true", help="skip scoring the test sets")
    ap.add_argument("--log", type=Path, default=None, help="append a result line (JSON) to this file")
    ap.add_argument("--save-torch", action="store_true",
                    help="also write head.pt (the PyTorch weights; never shipped)")
    args = ap.parse_args(argv)
    problem = _check_inputs(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    args.dev_rows = {"msra_train": 2000, "cluener_train": 500}
    if args.tiny:  # the shipped model's shape, small: seconds on one core
        args.epochs = 1
        args.generated = min(args.generated, 100)
        args.lex_buckets = min(args.lex_buckets, 1 << 12)
        args.dev_rows = {"msra_train": 30, "cluener_train": 10}

    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    rng = np.random.default_rng(args.seed)
    started = time.time()
    train, dev = load_training(args, args.cache, rng)
    remap = char_vocab(train, args.min_char_count)
    cfg = HeadConfig(proj=args.proj, char_dim=args.char_dim, bigram_dim=args.bigram_dim,
                     bigram_buckets=args.bigram_buckets, lactag_dim=args.lactag_dim, lstm=args.lstm,
                     conv=args.conv, conv_layers=args.conv_layers, lex_buckets=args.lex_buckets,
                     dropout=args.dropout, chars=int(remap.max()) + 1)
    model = Head(cfg)
    corpus = Corpus(train)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    steps_per_epoch = len(D.batches(corpus.lengths, args.batch_chars, np.random.default_rng(0)))
    total_steps = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: max(0.05, 1 - s / max(1, total_steps)))
    history = []
    print(f"train rows {len(corpus.lengths)} chars {int(corpus.lengths.sum())}; "
          f"chars in vocab {int(remap.max()) - 1}; config {cfg.to_dict()}", flush=True)
    for epoch in range(1, args.epochs + 1):
        model.train()
        t0, total, n = time.time(), 0.0, 0
        for index in D.batches(corpus.lengths, args.batch_chars, rng):
            hidden, chars, bigrams, lac, lengths, allowed, mask, lex = tensors(corpus.rows(index), remap, cfg)
            em = model(hidden, chars, bigrams, lac, lengths, lex)
            loss = model.loss(em, allowed, mask, aux=args.aux)
            opt.zero_grad()
            (loss / len(index)).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            n += int(lengths.sum())
        dev_scores = {p.name: score(p.rows, predict(model, p.features, remap),
                                    ("PER", "LOC", "ORG") if p.mode == "full" else ("PER", "ORG"))
                      for p in dev}
        history.append({"epoch": epoch, "loss_per_char": round(total / max(n, 1), 4),
                        "seconds": round(time.time() - t0, 1), "dev": dev_scores})
        print(json.dumps(history[-1], ensure_ascii=False), flush=True)
    train_seconds = time.time() - started
    from . import export

    export.round_tables(model)  # what ships: the scores below are the shipped model's

    tests = {}
    if not args.no_tests:
        for name, (file, types) in TEST_SETS.items():
            path = args.tests / file
            if not path.is_file():
                continue
            rows = D.read_jsonl(path)
            if args.tiny:
                rows = rows[:50]
            feats = F.cached([r["text"] for r in rows], args.cache, name if not args.tiny else f"tiny-{name}",
                             progress=False)
            tests[name] = score(rows, predict(model, feats, remap), types)
        print(json.dumps({"tests": tests}), flush=True)

    command = " ".join(["python -m training.train_ner", *(shlex.quote(a) for a in _settings(sys.argv[1:] if argv is None else argv))])
    result = {"command": command, "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
              "config": cfg.to_dict(), "train_seconds": round(train_seconds, 1), "history": history,
              "tests": tests}
    args.out.mkdir(parents=True, exist_ok=True)
    if args.save_torch:
        torch.save({"state": model.state_dict(), "config": cfg.to_dict(), "remap": remap},
                   args.out / "head.pt")
    export.write_model(model, remap, args.out, result, [args.data / "msra_train.jsonl",
                                                         args.data / "cluener_train.jsonl"])
    if args.log:
        with open(args.log, "a", encoding="utf-8") as f:
            f.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
