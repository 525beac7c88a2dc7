"""Property-based tests: generated inputs through the normalizer, the segmenter, IRI
minting and the whole extraction, with a fixed example budget and seed so that a
run is repeatable. Whatever the input, nothing raises, offsets point into the
issue's text, and what is written parses back."""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import vocab
from kg.doc import Issue
from kg.ingest import RawIssue
from kg.normalize import normalize
from kg.nquads import issue_nquads
from kg.segment import segment
from kg.stages import extract, prepare

FAST = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])

#: What newsletter text is made of, and what breaks parsers: Chinese, Latin, digits,
#: punctuation of both widths, brackets and title marks, line breaks of three kinds,
#: zero-width and control characters, and the odd character from anywhere.
PIECES = st.one_of(
    st.sampled_from(list("北京市经济和信息化局工业部长王磊中关村科技有限公司发布印发领投《》“”（）()、，。；：！？ \n\r\t■【】#")),
    st.sampled_from(["\u200b", "\u3000", "\ufeff", "\x0c", "\x00", "\\", '"', "<", ">", "&", "\u2028"]),
    st.characters(blacklist_categories=["Cs"]),
    st.sampled_from(["有限公司", "研究院", "管委会", "（北京）", "2021 年第 26 期", "11 月 12 日", "领投", "院长"]),
)
TEXT = st.lists(PIECES, max_size=300).map("".join)


@FAST
@given(TEXT)
def test_normalize_never_fails_and_leaves_no_carriage_return(raw):
    text = normalize(raw)
    assert "\r" not in text and "\u200b" not in text and "\ufeff" not in text


@FAST
@given(TEXT)
def test_segments_are_views_onto_the_text(raw):
    issue = segment(Issue("t", Path("t.txt"), "utf-8", normalize(raw)))
    for article in issue.articles:
        assert 0 <= article.start <= article.end <= len(issue.text)
    for sentence in issue.sentences:
        assert issue.text[sentence.start:sentence.end] == sentence.text and sentence.text.strip()
        assert len(sentence.text) <= 600
        assert 0 <= sentence.article < len(issue.articles)


@FAST
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_minted_iris_are_valid_whatever_the_names(issue_id, key):
    for iri in (vocab.issue_iri(issue_id), vocab.issue_graph_iri(issue_id), vocab.sentence_iri(issue_id, 3),
                vocab.mention_iri(issue_id, 1, 5, "Organization"), vocab.entity_iri("Organization", key)):
        ox.NamedNode(iri)
        rdflib.URIRef(iri)  # and rdflib accepts it too
    assert vocab.issue_iri(issue_id) != vocab.issue_iri(issue_id + "x")


@pytest.fixture(scope="module")
def backend():
    from kg import ner

    return ner.load("lac")


@SLOW
@given(TEXT)
def test_the_whole_extraction_writes_a_graph_that_parses_back(backend, raw):
    issue = prepare(RawIssue("fuzz", Path("fuzz.txt"), "utf-8", raw))
    extract([issue], backend)
    for m in issue.mentions:
        assert issue.text[m.start:m.end] == m.text
    for r in issue.relations:
        assert 0 <= r.head < len(issue.mentions) and 0 <= r.tail < len(issue.mentions)
    data = "".join(issue_nquads(issue)).encode("utf-8")
    store = ox.Store()
    store.load(data, ox.RdfFormat.N_QUADS)  # Oxigraph reads it
    nt = io.BytesIO()
    ox.serialize((q.triple for q in store), nt, ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph().parse(data=nt.getvalue().decode("utf-8"), format="nt")  # and so does rdflib
    assert len(graph) == len({q.triple for q in store})
