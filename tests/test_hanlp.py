"""HanLP as the NER backend, through the code users run.

A small HanLP NER model is trained here on CPU with HanLP's own trainer, on the
samples labelled by the default backend, saved, and loaded by
``kg build --ner hanlp --ner-model DIR``: the same ``hanlp.load`` call that
loads a pretrained identifier. Nothing is downloaded: the download failure is
shown against a server on 127.0.0.1. Tests that need HanLP skip without it
(``pip install '.[hanlp]'``); the install hint and the tag mapping are tested always.
"""
from __future__ import annotations

import importlib.util
import io
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from helpers import SAMPLES, TYPES, jsonl
from helpers import shacl as _shacl

import kg
from kg import export as exporters
from kg import ner
from kg.doc import Span
from kg.ner import hanlp as backend

needs_hanlp = pytest.mark.skipif(importlib.util.find_spec("hanlp") is None,
                                 reason="HanLP is not installed (pip install '.[hanlp]')")
#: The tiny model is trained on MSRA's tag names, so the mapping is exercised end to end.
MSRA_TAGS = {"Person": "NR", "Region": "NS", "Organization": "NT"}


def run(*args, env=None, input=None, prelude=""):
    """The `kg` command in a subprocess, as a user runs it (``prelude`` runs first)."""
    code = "; ".join(filter(None, ["import sys", prelude, "from kg.cli import main", "sys.argv[0] = 'kg'",
                                   "main()"]))
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True,
                          input=input, timeout=600, env={**os.environ, **(env or {})})


# --- always: no HanLP needed ---------------------------------------------------------------------

def test_without_hanlp_the_command_says_how_to_install_it(tmp_path):
    result = run("build", SAMPLES, "--ner", "hanlp", "--out", tmp_path / "o",
                 prelude="sys.modules['hanlp'] = None")  # what `import hanlp` meets when it is absent
    assert result.returncode == 2, result.stderr
    assert "pip install 'kg[hanlp]'" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o").exists()


def test_build_help_lists_the_backends():
    text = run("build", "--help").stdout
    assert "lac =" in text and "hanlp =" in text


def test_ner_model_for_the_default_backend_is_its_folder(tmp_path):
    result = run("build", SAMPLES, "--ner-model", tmp_path / "nothing", "--out", tmp_path / "o")
    assert result.returncode == 2 and "no such NER model folder (it needs head.onnx and head.json)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    result = run("build", SAMPLES, "--ner", "lac", "--ner-model", tmp_path / "nothing", "--out", tmp_path / "o")
    assert result.returncode == 2 and "not a LAC model folder" in result.stderr


def test_a_backend_that_takes_no_model_says_so():
    class Fixed:
        name = "fixed"

        def recognize(self, texts):
            return [[] for _ in texts]

    ner.register("fixed", Fixed, "test backend without options")
    with pytest.raises(ner.BackendError, match="'fixed' does not take these options"):
        ner.load("fixed", model="x")


@pytest.mark.parametrize("label, expected", [
    ("NR", "Person"), ("NS", "Region"), ("NT", "Organization"),               # MSRA format 1, PKU
    ("PERSON", "Person"), ("LOCATION", "Region"), ("ORGANIZATION", "Organization"),  # MSRA format 2
    ("GPE", "Region"), ("LOC", "Region"), ("ORG", "Organization"), ("PER", "Person"),  # OntoNotes, CoNLL
    ("nr", "Person"), ("ns", "Region"), ("nt", "Organization"),
    ("DATE", None), ("MONEY", None), ("NORP", None), ("FACILITY", None), ("LAW", None),
])
def test_tag_sets_map_onto_our_types(label, expected):
    assert backend.entity_type(label) == expected


def test_lac_words_fill_the_gaps_between_names():
    text = "北京旷视科技有限公司发布了新产品"
    names = [Span(0, 6, "Organization", "hanlp")]  # a name that cuts LAC's word 科技有限公司
    lac_words = [Span(0, 2, "Region", "lac"), Span(2, 4, "pos:nz", "lac"), Span(4, 10, "pos:n", "lac"),
                 Span(10, 12, "pos:v", "lac"), Span(12, 13, "pos:u", "lac"), Span(13, 16, "pos:n", "lac")]
    words = backend._words_around(names, lac_words)
    assert [(text[s.start:s.end], s.type) for s in words] == [
        ("有限公司", "pos:x"), ("发布", "pos:v"), ("了", "pos:u"), ("新产品", "pos:n")]
    cover = sorted(names + words, key=lambda s: s.start)
    assert all(a.end == b.start for a, b in zip(cover, cover[1:])) and cover[-1].end == len(text)


def test_a_multi_task_models_tokens_are_mapped_onto_characters():
    text = "华为 Hicar与北汽蓝谷合作"
    ours = [(k, k + 1) for k, c in enumerate(text) if not c.isspace()]
    found = [("华为", "ORGANIZATION", 0, 1), ("Hicar", "PRODUCT", 1, 2), ("北汽蓝谷", "ORGANIZATION", 3, 5)]
    mapped = backend._retokenize(text, ["华为", "Hicar", "与", "北汽", "蓝谷", "合作"], found, ours)
    spans = [(text[ours[b][0]:ours[e - 1][1]], label) for label, b, e in mapped]
    assert spans == [("华为", "ORGANIZATION"), ("Hicar", "PRODUCT"), ("北汽蓝谷", "ORGANIZATION")]


# --- a model trained here ----------------------------------------------------------------------

def write_training_data(folder) -> tuple[str, str, int]:
    """Char-level BIO TSV files from the samples, labelled by the default backend and its rules."""
    from kg.ingest import find_files, read_issues
    from kg.ner.pipeline import find_spans, flat
    from kg.stages import prepare

    lac = ner.load("lac")
    sentences = [s.text for r in read_issues(find_files([SAMPLES])) for s in prepare(r).sentences]
    rows = []
    for text, spans in zip(sentences, lac.recognize(sentences)):
        tags = ["O"] * len(text)
        for s in flat(find_spans(text, spans)):
            if s.type in MSRA_TAGS:
                tags[s.start:s.end] = [f"B-{MSRA_TAGS[s.type]}"] + [f"I-{MSRA_TAGS[s.type]}"] * (len(s) - 1)
        rows.append([(c, t) for c, t in zip(text, tags) if not c.isspace()])
    paths = {}
    for part, chosen in (("trn", [r for k, r in enumerate(rows) if k % 10]), ("dev", rows[::10])):
        paths[part] = str(folder / f"{part}.tsv")
        with open(paths[part], "w", encoding="utf-8") as f:
            f.writelines("".join(f"{c}\t{t}\n" for c, t in row) + "\n" for row in chosen if row)
    return paths["trn"], paths["dev"], len(rows)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """A BiLSTM tagger with random embeddings, trained for a few epochs by HanLP's ``fit``."""
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    folder = tmp_path_factory.mktemp("hanlp")
    trn, dev, n = write_training_data(folder)
    save_dir = folder / "model"
    started = time.perf_counter()
    # crf=False: HanLP 2.1's RNN tagger hands its CRF the batch-first flag in the wrong slot
    RNNNamedEntityRecognizer().fit(trn, dev, str(save_dir), epochs=10, embed=64, rnn_hidden=128,
                                   batch_size=32, lr=0.01, crf=False, tagging_scheme="BIO", seed=1,
                                   verbose=False)
    print(f"trained on {n} sentences in {time.perf_counter() - started:.1f}s")
    assert (save_dir / "config.json").is_file() and (save_dir / "model.pt").is_file()
    return save_dir


@needs_hanlp
def test_the_tiny_model_builds_a_graph_through_the_command(tiny_model, samples_graph, tmp_path):
    out = tmp_path / "kg-data"
    built = run("build", SAMPLES, "--ner", "hanlp", "--ner-model", tiny_model, "--out", out)
    assert built.returncode == 0, built.stderr
    assert "3 issue(s)" in built.stdout and built.stderr == ""  # HanLP's console chatter is held back
    records = jsonl(out)
    with kg.open(out) as graph:
        texts = {r["id"]: r["text"] for r in graph.select(
            "SELECT ?id ?text WHERE { ?i a kg:Issue ; dcterms:identifier ?id ; kg:text ?text }")}
        sources = {r["s"] for r in graph.select("SELECT DISTINCT ?s WHERE { ?m kg:detectedBy ?s }")}
        nt = io.BytesIO()
        exporters.export(graph, "nt", nt)
    assert "hanlp" in sources and "lac" not in sources
    entities = [r for r in records if r["kind"] == "entity"]
    for e in entities:  # the scorer's contract, as for the default backend
        assert set(e) == {"kind", "id", "type", "label", "mentions"}
        for m in e["mentions"]:
            assert texts[m["doc"]][m["start"]:m["end"]] == m["text"]
    by_type = {t: {e["label"] for e in entities if e["type"] == t} for t in TYPES}
    assert all(by_type[t] for t in TYPES), {t: len(v) for t, v in by_type.items()}
    default = {t: {e["label"] for e in jsonl(samples_graph[0]) if e["kind"] == "entity" and e["type"] == t}
               for t in TYPES}
    assert by_type["Policy"] == default["Policy"]  # titles come from the rule layer, whatever the model
    assert len(by_type["Organization"] & default["Organization"]) >= 10
    assert any(r["kind"] == "relation" for r in records)
    conforms, _, report = _shacl(nt.getvalue())
    assert conforms, report


@needs_hanlp
def test_kg_ner_runs_the_tiny_model_with_offsets(tiny_model):
    lines = "北京旷视科技有限公司发布了新产品。\n\n华为 Hicar 与北汽蓝谷合作，工业和信息化部表示支持。\n"
    result = run("ner", "--ner", "hanlp", "--ner-model", tiny_model, "-", input=lines)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(rows) == 3 and rows[1]["entities"] == []
    for row in rows:
        for e in row["entities"]:
            assert row["text"][e["start"]:e["end"]] == e["text"]
    assert any(e["type"] == "Organization" for e in rows[0]["entities"])


@needs_hanlp
def test_backend_gives_names_and_words_in_bounds(tiny_model):
    model = ner.load("hanlp", model=str(tiny_model))
    assert model.tokens == "chars"  # its vocabulary is characters
    texts = ["北京旷视科技有限公司发布了新产品。", "", "   ", "华为 Hicar 与北汽蓝谷合作。",
             "表格：" + "，".join(f"第{i}项 北京市 {i}.5 亿元" for i in range(300))]  # cut into pieces
    out = model.recognize(texts)
    assert len(out) == len(texts) and out[1] == []
    assert all(s.type.startswith("pos:") for s in out[2])  # white space: LAC's words, no name
    for text, spans in zip(texts, out):
        for s in spans:
            assert 0 <= s.start < s.end <= len(text) and s.source == "hanlp"
            assert s.type in ("Organization", "Person", "Region") or s.type.startswith("pos:")
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))  # one partition, no overlaps
    assert any(not s.type.startswith("pos:") for s in out[0] + out[4])  # a tiny model: some name, no more
    bare = ner.load("hanlp", model=str(tiny_model), words=False).recognize(texts[:1])[0]
    assert bare and all(not s.type.startswith("pos:") for s in bare)


# --- models by URL, from a server on this machine ---------------------------------------------

class _Files(BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}
    requested: ClassVar[list[str]] = []

    def do_GET(self):  # http.server's naming
        self.requested.append(self.path)
        body = self.files.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def model_server(tmp_path):
    """HanLP's file server stood in for on 127.0.0.1 (``HANLP_URL``): nothing leaves the machine.

    Yields the base URL, the files it serves (path -> bytes, empty at first), the
    paths requested, and the environment for ``kg``: HanLP's home in a scratch
    folder, and a proxy that refuses whatever else HanLP reaches for (its PyPI
    version check after a failed download).
    """
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    _Files.files, _Files.requested = {}, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/hanlp/"
    closed = "http://127.0.0.1:9"
    env = {"HANLP_URL": base, "HANLP_HOME": str(tmp_path / "hanlp-home"), "HTTP_PROXY": closed,
           "HTTPS_PROXY": closed, "http_proxy": closed, "https_proxy": closed,
           "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
    yield base, _Files.files, _Files.requested, env
    server.shutdown()
    server.server_close()


def zipped(folder, name) -> bytes:
    """A model folder as HanLP publishes it: a zip holding one folder."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.write(folder, name)  # the folder's own entry: HanLP unpacks by it
        for f in sorted(folder.iterdir()):
            z.write(f, f"{name}/{f.name}")
    return buf.getvalue()


@needs_hanlp
def test_a_model_that_cannot_be_downloaded_names_model_url_and_local_folder(model_server, tmp_path):
    base, _, requested, env = model_server
    result = run("build", SAMPLES, "--ner", "hanlp", "--out", tmp_path / "o", env=env)  # the default model
    assert result.returncode == 2
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message, message
    assert backend.DEFAULT_MODEL in message
    assert f"{base}ner/msra_ner_electra_small_" in message and "404" in message
    assert "--ner-model /path/to/dir" in message
    assert requested and requested[0].startswith("/hanlp/ner/msra_ner_electra_small_")
    assert not (tmp_path / "o").exists()
    assert not [p for p in (tmp_path / "hanlp-home").rglob("*") if p.is_file()]


@needs_hanlp
def test_a_model_url_is_downloaded_once_then_read_from_hanlp_home(tiny_model, model_server, tmp_path):
    base, files, requested, env = model_server
    files["/hanlp/ner/tiny_ner.zip"] = zipped(tiny_model, "tiny_ner")
    seen = []
    for _ in range(2):
        built = run("build", SAMPLES, "--ner", "hanlp", "--ner-model", f"{base}ner/tiny_ner.zip",
                    "--out", tmp_path / "o", env=env)
        assert built.returncode == 0, built.stderr
        assert built.stderr == "" and "3 issue(s)" in built.stdout
        seen.append(len(requested))
    assert set(requested) == {"/hanlp/ner/tiny_ner.zip"} and seen[0] == seen[1]  # then from HANLP_HOME
    assert (tmp_path / "hanlp-home" / "ner" / "tiny_ner" / "config.json").is_file()


@needs_hanlp
def test_a_file_the_model_needs_that_cannot_be_downloaded_is_named(tiny_model, model_server, tmp_path):
    base, files, requested, env = model_server
    model = tmp_path / "needs_vectors"
    model.mkdir()
    for f in tiny_model.iterdir():
        (model / f.name).write_bytes(f.read_bytes())
    config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    config["embed"] = f"{base}embeddings/char_vectors.txt"  # pretrained vectors, fetched when the model loads
    (model / "config.json").write_text(json.dumps(config), encoding="utf-8")
    files["/hanlp/ner/needs_vectors.zip"] = zipped(model, "needs_vectors")
    result = run("build", SAMPLES, "--ner", "hanlp", "--ner-model", f"{base}ner/needs_vectors.zip",
                 "--out", tmp_path / "o", env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    assert f"needs {base}embeddings/char_vectors.txt" in message and "404" in message
    assert str(tmp_path / "hanlp-home" / "embeddings") in message  # where to put it by hand
    assert requested[-1] == "/hanlp/embeddings/char_vectors.txt"


# --- models that are not there, or not NER --------------------------------------------------------

@needs_hanlp
@pytest.mark.parametrize("model, message", [
    ("/nonexistent/hanlp-model", "not found"),
    ("NO_SUCH_PRETRAINED_MODEL_ZH", "not found"),
    ("{empty}", "not a saved HanLP model"),
])
def test_a_model_that_is_not_there_is_one_line(model, message, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("build", SAMPLES, "--ner", "hanlp", "--ner-model", model.format(empty=tmp_path / "empty"),
                 "--out", tmp_path / "o")
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@needs_hanlp
def test_a_hanlp_model_that_is_not_ner_is_refused(tiny_model, tmp_path):
    folder = tmp_path / "tagger"
    folder.mkdir()
    config = json.loads((tiny_model / "config.json").read_text(encoding="utf-8"))
    config["classpath"] = "hanlp.components.taggers.rnn_tagger.RNNTagger"  # a POS tagger's class
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    for name in ("model.pt", "vocabs.json"):
        (folder / name).write_bytes((tiny_model / name).read_bytes())
    with pytest.raises(ner.BackendError, match="RNNTagger, not a NER component"):
        ner.load("hanlp", model=str(folder))
