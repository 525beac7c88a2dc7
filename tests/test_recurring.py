"""Names one issue taught, found again in another issue of the same graph (kg.recurring)."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from helpers import jsonl

import kg
from kg import query
from kg.build import remove
from kg.names_again import a_name_to_look_for, stands_alone

_MASTHEAD = "滨湖智造工作简报\n2024 年第 {n} 期（总第 3{n} 期）\n滨湖智造促进会秘书处编                2024 年 {n} 月 20 日\n\n■ 企业动态\n"
#: The first issue names the company in full and declares its short name.
TEACHES = _MASTHEAD.format(n=1) + (
    "苏州澜汐精密制造有限公司（以下简称“澜汐精密”）近日完成 B 轮融资，本轮由青穗资本领投。"
    "澜汐精密成立于 2018 年，主营高精度减速器。\n")
#: The second uses the short name alone: once as the company, once at the start of a park's name.
USES = _MASTHEAD.format(n=2) + (
    "澜汐精密新一代减速器产线于 2 月中旬投产，年产能达到 30 万台。\n"
    "澜汐精密产业园二期同步开工。\n")

_FOUND_AGAIN = """SELECT ?surface ?start ?e ?doc WHERE {
  GRAPH kgid:recurring { ?m kg:surface ?surface ; kg:start ?start ; kg:mentionOf ?e ; kg:inIssue ?i }
  ?i dcterms:identifier ?doc }"""


@pytest.fixture
def issues(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binhu_2024_01.txt").write_text(TEACHES, encoding="utf-8")
    (folder / "binhu_2024_02.txt").write_text(USES, encoding="utf-8")
    return folder


def _found(out):
    with kg.open(out) as graph:
        return sorted((r["surface"], int(r["start"]), r["e"], r["doc"]) for r in graph.select(_FOUND_AGAIN))


def _entity_of(out, surface, doc):
    with kg.open(out) as graph:
        return {r["e"] for r in graph.select(
            f'SELECT ?e WHERE {{ GRAPH ?g {{ ?m kg:surface "{surface}" ; kg:mentionOf ?e ; kg:inIssue ?i }} '
            f'?i dcterms:identifier "{doc}" }}')}


def test_the_short_name_one_issue_declared_is_found_in_the_next(issues, tmp_path):
    alone = tmp_path / "alone"
    kg.build([issues / "binhu_2024_02.txt"], alone)
    assert not _entity_of(alone, "澜汐精密", "binhu_2024_02")  # the issue alone does not find it
    assert _found(alone) == []

    both = tmp_path / "both"
    report = kg.build([issues], both)
    taught = _entity_of(both, "澜汐精密", "binhu_2024_01")
    assert len(taught) == 1
    found = _found(both)
    # the company, as the first issue's entity; not the start of 澜汐精密产业园
    assert [(s, doc) for s, _, _, doc in found] == [("澜汐精密", "binhu_2024_02")] and report.found_again == 1
    assert found[0][2] in taught
    with kg.open(both) as graph:
        text = next(graph.select('SELECT ?t WHERE { ?i dcterms:identifier "binhu_2024_02" ; kg:text ?t }'))["t"]
    assert text.index("澜汐精密") == found[0][1]
    # the scorer's export lists the use under the same entity, in the second issue
    lines = jsonl(both)
    entity = next(e for e in lines if e.get("kind") == "entity" and e["id"] in taught)
    assert {m["doc"] for m in entity["mentions"]} == {"binhu_2024_01", "binhu_2024_02"}


def test_removing_the_teaching_issue_takes_what_it_taught_and_leaves_the_other_graph(issues, tmp_path):
    out = tmp_path / "g"
    kg.build([issues], out)
    assert _found(out)
    before = _issue_graph(out, "binhu_2024_02")
    remove(out, ["binhu_2024_01"])
    assert _found(out) == []
    assert _issue_graph(out, "binhu_2024_02") == before


def _issue_graph(out, issue_id):
    with kg.open(out) as graph:
        return sorted(str(q) for q in graph.store.quads_for_pattern(
            None, None, None, ox.NamedNode(f"https://w3id.org/cnkg/id/graph/{issue_id}")))


def test_an_issue_added_later_teaches_the_issues_already_built(issues, tmp_path):
    out = tmp_path / "g"
    kg.build([issues / "binhu_2024_02.txt"], out)
    assert _found(out) == []
    kg.build([issues / "binhu_2024_01.txt"], out)
    together = tmp_path / "together"
    kg.build([issues], together)
    assert _found(out) == _found(together) != []


def test_what_is_not_a_name_to_look_for_elsewhere():
    # a body read back from its kind, and a policy's short title, stand in for names
    assert not a_name_to_look_for("研究院", "Organization", "rule:refers-back")
    assert not a_name_to_look_for("实施细则", "Policy", "rule:title")
    # too short to tell from a word; a kind of body or of area with nothing before it
    assert not a_name_to_look_for("鹭科", "Organization", "lac")
    assert not a_name_to_look_for("科研院所", "Organization", "lac")
    assert not a_name_to_look_for("化工园区", "Region", "lac")
    assert a_name_to_look_for("澜汐精密", "Organization", "rule:short-name")
    assert a_name_to_look_for("骆思远", "Person", "lac")


@pytest.mark.parametrize("text, start, end, kind, alone", [
    ("澜汐精密新一代产线投产", 0, 4, "Organization", True),
    ("澜汐精密产业园二期开工", 0, 4, "Organization", False),  # the start of a park's name
    ("各市经信局将于下月", 2, 5, "Organization", False),  # 市 | 经信局: another city's bureau
    ("运动平台 Keeper 上线", 5, 9, "Organization", False),  # Keep of Keeper
    ("运动平台 Keep 上线", 5, 9, "Organization", True),
    ("落户鹭岛软件园三期", 2, 4, "Region", False),  # the start of a park's name
    ("发展智能网联汽车产业", 2, 6, "Organization", False),  # the start of a sector's name
    ("岚汐科创投资部经理", 0, 5, "Organization", False),  # cut inside 投资, a body's kind
])
def test_a_use_must_stand_alone(text, start, end, kind, alone):
    assert stands_alone(text, start, end, kind) is alone


def test_the_samples_graph_keeps_the_names_found_again_in_their_own_graph(samples_graph):
    out, report = samples_graph
    assert report.found_again > 0
    with kg.open(out) as graph:
        graphs = {r["g"] for r in graph.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?m a kg:Mention ; kg:detectedBy 'rule:named-elsewhere' } }")}
    assert graphs == {"https://w3id.org/cnkg/id/recurring"}


#: A later issue that states relations of the short name alone: a partner, an officer.
STATES = _MASTHEAD.format(n=3) + (
    "3 月 12 日，澜汐精密与江南理工大学签订产学研合作协议，共建精密传动联合实验室。"
    "澜汐精密总经理唐亦舟表示，实验室首期投入 2000 万元。\n")

_RECURRING_FACTS = """SELECT ?h ?p ?t ?first WHERE {
  GRAPH kgid:recurring { ?st kg:subject ?hs ; kg:predicate ?p ; kg:object ?ts }
  GRAPH kgid:timeline { ?st kg:firstReported ?first }
  ?hs rdfs:label ?h . ?ts rdfs:label ?t }"""


def _relations_in(out, doc):
    """(head label, relation, tail label) of the exported relations with evidence in ``doc``."""
    lines = jsonl(out)
    label = {e["id"]: e["label"] for e in lines if e.get("kind") == "entity"}
    return {(label[r["head"]], r["relation"], label[r["tail"]]) for r in lines
            if r.get("kind") == "relation" and any(ev["doc"] == doc for ev in r["evidence"])}


def test_relations_stated_of_a_name_found_again_join_the_graph(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binhu_2024_01.txt").write_text(TEACHES, encoding="utf-8")
    (folder / "binhu_2024_03.txt").write_text(STATES, encoding="utf-8")
    partner = ("苏州澜汐精密制造有限公司", "partnerOf", "江南理工大学")
    officer = ("唐亦舟", "holdsPosition", "苏州澜汐精密制造有限公司")

    alone = tmp_path / "alone"
    kg.build([folder / "binhu_2024_03.txt"], alone)
    assert not {partner, officer} & _relations_in(alone, "binhu_2024_03")

    both = tmp_path / "both"
    kg.build([folder], both)
    assert {partner, officer} <= _relations_in(both, "binhu_2024_03")
    # kept apart with the names found again, and dated by the issue whose sentence states them
    with kg.open(both) as graph:
        facts = {(r["h"], r["p"].rsplit("#", 1)[-1], r["t"]): r["first"] for r in graph.select(_RECURRING_FACTS)}
    assert facts[partner] == facts[officer] == "2024-03-20"
    # the named queries read them as any relation: its issue and date, its sentence
    post = query.run_query(both, named="positions", params={"person": "唐亦舟"}, timeout=None).dicts()
    assert [(r["title"], r["organization"], r["issues"], r["first"]) for r in post] == [
        ("总经理", "苏州澜汐精密制造有限公司", "1", "2024-03-20")]
    cited = query.run_query(both, named="evidence", params={"subject": "唐亦舟"}, timeout=None).dicts()
    assert [(r["predicate"], r["issue"], r["sentence"]) for r in cited] == [
        ("holdsPosition", "binhu_2024_03", "澜汐精密总经理唐亦舟表示，实验室首期投入 2000 万元。")]

    before = _issue_graph(both, "binhu_2024_03")
    remove(both, ["binhu_2024_01"])
    assert not {partner, officer} & _relations_in(both, "binhu_2024_03")
    assert _issue_graph(both, "binhu_2024_03") == before
