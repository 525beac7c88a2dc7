"""kg's own NER head (charner): the shipped model, its training path, its ONNX export, bad files."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from helpers import SAMPLES, full_viterbi, run_kg

from kg import ner
from kg.ner import BackendError
from kg.ner.charner import CharNerBackend, default_model_dir, entity_spans, viterbi
from kg.ner.pipeline import find_spans

REPO = Path(__file__).resolve().parents[1]
SHIPPED = default_model_dir()

#: Written for this test (not from any data set): names of every kind, in the newsletter's style.
PINNED_TEXT = "2023年5月，杭州市经济和信息化局副局长周立新在滨江区调研了云栖数智科技有限公司。"


@pytest.fixture(scope="module")
def charner():
    return ner.load("charner")


def test_registered_and_loads_the_shipped_model(charner):
    assert "charner" in ner.available()
    assert charner.name == "charner" and charner.concurrent_calls >= 1
    assert (SHIPPED / "head.onnx").stat().st_size <= 20 * 1024 * 1024
    assert (SHIPPED / "MODEL_CARD.md").is_file()


def test_pinned_output_of_the_shipped_model(charner):
    spans = charner.recognize([PINNED_TEXT])[0]
    names = [(PINNED_TEXT[s.start:s.end], s.type) for s in spans if not s.type.startswith("pos:")]
    assert names == PINNED_NAMES
    # every character is covered once: names and LAC's words, side by side
    covered = sorted((s.start, s.end) for s in spans)
    assert covered[0][0] == 0 and covered[-1][1] == len(PINNED_TEXT)
    assert all(a[1] == b[0] for a, b in zip(covered, covered[1:]))


PINNED_NAMES = [("杭州市经济和信息化局", "Organization"), ("周立新", "Person"), ("滨江区", "Region"),
                ("云栖数智科技有限公司", "Organization")]


def test_rule_layer_keeps_working_on_its_words(charner):
    text = "这一轮由澄湖资本领投，远帆创投、青禾资本参与跟投。"
    found = {(text[s.start:s.end], s.type) for s in find_spans(text, charner.recognize([text])[0])}
    assert {("澄湖资本", "Organization"), ("远帆创投", "Organization"), ("青禾资本", "Organization")} <= found


def test_batched_gives_what_one_text_at_a_time_gives(charner):
    texts = [PINNED_TEXT, "", "北京", "省工信厅印发《关于促进工业软件发展的实施意见》。" * 3, "Keep 完成 F 轮融资。"]
    together = charner.recognize(texts)
    alone = [charner.recognize([t])[0] for t in texts]
    assert together == alone


def test_pruned_viterbi_is_exact():
    rng = np.random.default_rng(11)
    for _ in range(60):
        transitions = rng.normal(0, rng.choice([0.3, 1.0, 3.0]), (13, 13)).astype(np.float32)
        emissions = (rng.normal(0, 1, (6, 12, 13)) * rng.choice([0.5, 3.0, 12.0])).astype(np.float32)
        lengths = rng.integers(1, 13, 6)
        paths = viterbi(emissions, transitions, lengths)
        for i in range(6):
            assert paths[i, :lengths[i]].tolist() == full_viterbi(emissions[i, :lengths[i]], transitions)


def test_entity_spans_from_bioes():
    # O, PER: B1 I2 E3 S4, LOC: B5 I6 E7 S8, ORG: B9 I10 E11 S12
    tags = np.array([0, 1, 2, 3, 0, 4, 5, 7, 9, 10, 0, 6, 6, 0, 8, 8, 12])
    assert entity_spans(tags, strict=False) == [
        (1, 4, 0), (5, 6, 0), (6, 8, 1), (8, 10, 2), (11, 13, 1), (14, 15, 1), (15, 16, 1), (16, 17, 2)]
    # strict: names left open (B I) or begun inside (I I) are dropped
    assert entity_spans(tags) == [(1, 4, 0), (5, 6, 0), (6, 8, 1), (14, 15, 1), (15, 16, 1), (16, 17, 2)]
    # no name goes across the start of the next text
    assert entity_spans(np.array([5, 7, 5, 7]), np.array([0, 2])) == [(0, 2, 1), (2, 4, 1)]
    assert entity_spans(np.array([5, 6, 6, 7]), np.array([0, 2])) == []


# -- bad model files: one clear line -----------------------------------------------------------

def _copy(tmp_path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(SHIPPED, target)
    return target


def _fails(path, fragment):
    with pytest.raises(BackendError) as e:
        CharNerBackend(path)
    message = str(e.value)
    assert "\n" not in message and fragment in message, message


def test_missing_model_folder(tmp_path):
    _fails(tmp_path / "nowhere", "no such NER model folder")


def test_missing_head(tmp_path):
    model = _copy(tmp_path)
    (model / "head.onnx").unlink()
    _fails(model, "no head.onnx")


def test_truncated_head(tmp_path):
    model = _copy(tmp_path)
    data = (model / "head.onnx").read_bytes()
    (model / "head.onnx").write_bytes(data[:len(data) // 3])
    _fails(model, "not a valid ONNX model")


@pytest.mark.e2e
@pytest.mark.parametrize("command", ["ner", "build"])
def test_a_truncated_model_is_one_line_and_exit_2_on_the_command_line(tmp_path, command):
    model = _copy(tmp_path)
    data = (model / "head.onnx").read_bytes()
    (model / "head.onnx").write_bytes(data[:len(data) // 2])
    if command == "ner":
        result = run_kg("ner", "--ner-model", model, "-", input="北京\n")
    else:
        result = run_kg("build", SAMPLES, "--ner-model", model, "--out", tmp_path / "g")
        assert not (tmp_path / "g").exists()
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "head.onnx: not a valid ONNX model" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_head_trained_on_another_lac(tmp_path):
    model = _copy(tmp_path)
    meta = json.loads((model / "head.json").read_text())
    meta["lac_vocab_size"] += 100
    (model / "head.json").write_text(json.dumps(meta))
    _fails(model, "retrain it")


def test_transitions_of_the_wrong_shape(tmp_path):
    model = _copy(tmp_path)
    meta = json.loads((model / "head.json").read_text())
    meta["transitions"] = [row[:-1] for row in meta["transitions"]]
    (model / "head.json").write_text(json.dumps(meta))
    _fails(model, "transitions are")


def test_head_with_the_wrong_number_of_tags(tmp_path):
    model = _copy(tmp_path)
    meta = json.loads((model / "head.json").read_text())
    meta["tags"] = meta["tags"][:9]  # O and two types: the graph still gives 13 scores
    meta["transitions"] = [row[:9] for row in meta["transitions"][:9]]
    (model / "head.json").write_text(json.dumps(meta))
    _fails(model, "scores per character")


def test_head_json_that_is_not_json(tmp_path):
    model = _copy(tmp_path)
    (model / "head.json").write_text("{not json")
    _fails(model, "not a charner model description")


def test_graph_with_weights_of_the_wrong_shape(tmp_path):
    onnx = pytest.importorskip("onnx")
    from onnx import numpy_helper

    model = _copy(tmp_path)
    graph = onnx.load(str(model / "head.onnx"))
    for init in graph.graph.initializer:
        if init.name == "out.w" or init.name == "lex.weight16":
            w = numpy_helper.to_array(init)
            init.CopyFrom(numpy_helper.from_array(w[..., :-2].copy(), init.name))
            break
    onnx.save(graph, str(model / "head.onnx"))
    with pytest.raises(BackendError) as e:
        CharNerBackend(model)
    assert "\n" not in str(e.value)


# -- training: the tiny run, and ONNX against PyTorch ---------------------------------------------

def _tiny_data(folder: Path) -> Path:
    """Training files in the format of ner_train/, made of generated sentences only."""
    from training.generate import sentences

    folder.mkdir(parents=True, exist_ok=True)
    rows = sentences(400, seed=5)
    with open(folder / "msra_train.jsonl", "w", encoding="utf-8") as f:
        for r in rows[:300]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    names = {"ORG": "company", "PER": "name", "LOC": "address"}
    with open(folder / "cluener_train.jsonl", "w", encoding="utf-8") as f:
        for r in rows[300:]:
            ents = [dict(e, orig_type=names[e["type"]]) for e in r["entities"]]
            f.write(json.dumps({"text": r["text"], "entities": ents}, ensure_ascii=False) + "\n")
    return folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("torch")
    from training import train_ner

    root = tmp_path_factory.mktemp("tiny")
    data = _tiny_data(root / "data")
    out = root / "model"
    assert train_ner.main(["--tiny", "--data", str(data), "--out", str(out), "--cache", str(root / "cache"),
                           "--no-tests", "--threads", "1", "--save-torch"]) == 0
    return out


def test_tiny_training_writes_a_model_the_backend_loads(tiny_model):
    for name in ("head.onnx", "head.json", "MODEL_CARD.md"):
        assert (tiny_model / name).is_file()
    card = (tiny_model / "MODEL_CARD.md").read_text()
    assert "SHA-256" in card and "seed" in card
    backend = ner.load("charner", model=str(tiny_model))
    spans = backend.recognize([PINNED_TEXT, "北京"])
    assert len(spans) == 2 and all(0 <= s.start < s.end <= len(PINNED_TEXT) for s in spans[0])


def test_training_repeats_itself(tiny_model, tmp_path):
    """The same command on the same data writes the same weights (fixed seeds, CPU, fixed threads)."""
    from training import train_ner

    data = _tiny_data(tmp_path / "data")
    again = tmp_path / "again"
    assert train_ner.main(["--tiny", "--data", str(data), "--out", str(again), "--cache", str(tmp_path / "cache"),
                           "--no-tests", "--threads", "1"]) == 0
    assert (again / "head.onnx").read_bytes() == (tiny_model / "head.onnx").read_bytes()
    assert json.loads((again / "head.json").read_text()) == json.loads((tiny_model / "head.json").read_text())


def test_training_refuses_missing_data_in_one_line(tmp_path, capsys):
    pytest.importorskip("torch")
    from training import train_ner

    assert train_ner.main(["--data", str(tmp_path / "nowhere"), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "msra_train.jsonl: no such file" in err
    assert not (tmp_path / "m").exists()


def _sentences() -> list[str]:
    from kg.ingest import find_files, read_issues
    from kg.stages import prepare
    from training.generate import sentences

    texts = [s["text"] for s in sentences(200, seed=9)]
    texts += [s.text for r in read_issues(find_files([REPO / "samples"])) for s in prepare(r).sentences if hasattr(r, 'text')]
    return texts


def _pytorch_tags(model, remap, texts):
    from training import features
    from training.train_ner import predict

    return predict(model, features.compute(texts), remap)


def test_onnx_gives_the_tags_pytorch_gives_tiny(tiny_model):
    torch = pytest.importorskip("torch")
    from training.model import Head, HeadConfig

    saved = torch.load(tiny_model / "head.pt", weights_only=False)
    model = Head(HeadConfig(**saved["config"]))
    model.load_state_dict(saved["state"])
    texts = _sentences()
    _, onnx_tags = CharNerBackend(tiny_model).tag(texts)
    assert len(texts) >= 200
    assert [t.tolist() for t in _pytorch_tags(model, saved["remap"], texts)] == [t.tolist() for t in onnx_tags]


def test_onnx_gives_the_tags_pytorch_gives_shipped():
    pytest.importorskip("torch")
    from training.export import head_from_onnx

    model, remap = head_from_onnx(SHIPPED)
    texts = _sentences()
    _, onnx_tags = CharNerBackend(SHIPPED).tag(texts)
    assert [t.tolist() for t in _pytorch_tags(model, remap, texts)] == [t.tolist() for t in onnx_tags]
