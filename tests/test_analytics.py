"""Graph analytics (kg.analytics) and the commands over them: `kg stats`, `kg path`."""
from __future__ import annotations

import json
from itertools import pairwise

import networkx as nx
import pytest
from helpers import run_kg

import kg
from kg import analytics as ka


@pytest.fixture(scope="module")
def G(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        return ka.to_networkx(graph, co_mentions=True)


def test_to_networkx_nodes_and_edges_carry_what_the_graph_says(G):
    assert isinstance(G, nx.MultiDiGraph)
    ministry = ka.find_entity(G, "工业和信息化部")
    node = G.nodes[ministry]
    assert node["type"] == "Organization" and "工信部" in node["aliases"]
    assert len(node["issues"]) == 3 and node["mentions"] >= 3
    relations = {d["relation"] for *_, d in G.edges(data=True)}
    assert {"holdsPosition", "issued", "investedIn", "locatedIn", ka.CO_MENTION} <= relations
    for _, _, d in G.edges(data=True):
        if d["relation"] in (ka.CO_MENTION, "within"):
            continue
        assert d["evidence"], d  # every stated relation cites its sentence(s)
        assert all(ev["sentence"] and ev["doc"] in G.graph["issues"] for ev in d["evidence"])
    posts = [d for *_, d in G.edges(data=True) if d["relation"] == "holdsPosition"]
    assert any(d.get("title") for d in posts)
    deals = [d for *_, d in G.edges(data=True) if d["relation"] == "investedIn"]
    assert any(d.get("round") for d in deals)
    co = [d for *_, d in G.edges(data=True) if d["relation"] == ka.CO_MENTION]
    assert co and all(d["count"] >= 1 and d["issues"] for d in co)


def test_filters_by_type_issue_date_and_mentions(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        policies = ka.to_networkx(graph, types=["Organization", "Policy"])
        late = ka.to_networkx(graph, since="2022-01-01")
        one = ka.to_networkx(graph, issues=["kjrb_special_2023"])
        frequent = ka.to_networkx(graph, min_mentions=3)
        with pytest.raises(ka.EntityNotFound):
            ka.to_networkx(graph, issues=["no-such-issue"])
    assert {d["type"] for _, d in policies.nodes(data=True)} == {"Organization", "Policy"}
    assert set(late.graph["issues"]) == {"institute_digest_2022_05", "kjrb_special_2023"}
    assert all(set(d["issues"]) <= set(late.graph["issues"]) for _, d in late.nodes(data=True))
    assert all(ev["doc"] != "changfeng_2021_27" for *_, d in late.edges(data=True) for ev in d["evidence"])
    assert all(d["issues"] == ["kjrb_special_2023"] for _, d in one.nodes(data=True))
    assert frequent.number_of_nodes() and all(d["mentions"] >= 3 for _, d in frequent.nodes(data=True))


def test_pagerank_and_reproducible_communities(G):
    ranks = ka.pagerank(G)
    assert abs(sum(ranks.values()) - 1) < 1e-6
    top = ka.importance(G, ranks)[0]
    assert G.nodes[top]["label"] == "北京市"  # the hub of the samples' located-in links
    first, second = ka.communities(G), ka.communities(G)
    assert first == second and len(first) > 3
    assert [len(c) for c in first] == sorted((len(c) for c in first), reverse=True)
    assert all(len(c) > 1 for c in first)  # unlinked entities are not communities of one


def test_shortest_path_hops_carry_evidence(G):
    hops = ka.shortest_path(G, "北京旷视科技有限公司", "红杉中国")
    assert hops[0]["source_label"] == "北京旷视科技有限公司" and hops[-1]["target_label"] == "红杉中国"
    for a, b in pairwise(hops):
        assert a["target"] == b["source"]
    assert all(h["evidence"] and h["evidence"][0]["doc"] for h in hops if h["relation"] != "within")
    assert ka.shortest_path(G, "工信部", "工业和信息化部") == []  # an alias names the same entity
    with pytest.raises(ka.EntityNotFound, match="no entity named"):
        ka.shortest_path(G, "不存在的机构", "北京市")
    with pytest.raises(nx.NetworkXNoPath):
        ka.shortest_path(G, "北京旷视科技有限公司", "红杉中国", avoid=["北京市"], relations=["investedIn"])


def test_timeline_orders_issues_and_counts_new_entities(G):
    rows = ka.timeline(G)
    assert [r["period"] for r in rows] == ["2021-12", "2022-05", "2023-03"]
    assert rows[0]["new_entities"] == rows[0]["entities"]
    assert all(0 < r["new_entities"] <= r["entities"] for r in rows)


def test_kg_path_prints_hops_with_evidence_and_exit_codes(samples_graph):
    out, _ = samples_graph
    found = run_kg("path", out, "北京旷视科技有限公司", "红杉中国")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("北京旷视科技有限公司 → 红杉中国:") and "locatedIn" in found.stdout
    assert any(line.strip().startswith("[institute_digest_2022_05") for line in lines)
    as_json = json.loads(run_kg("path", out, "北京旷视科技有限公司", "红杉中国", "--format", "json").stdout)
    assert as_json["found"] and as_json["length"] == len(as_json["hops"]) >= 2
    unknown = run_kg("path", out, "不存在的机构", "北京市")
    assert unknown.returncode == 2 and unknown.stderr.startswith("kg: error: no entity named")
    assert "Traceback" not in unknown.stderr and len(unknown.stderr.splitlines()) == 1
    none = run_kg("path", out, "北京旷视科技有限公司", "红杉中国", "--via", "investedIn")
    assert none.returncode == 1 and "no path between" in none.stderr
    assert run_kg("path", out, "a", "b", "--via", "nope").returncode == 2


def test_kg_stats_text_and_json(samples_graph):
    out, _ = samples_graph
    text = run_kg("stats", out)
    assert text.returncode == 0, text.stderr
    for heading in ("entities by type:", "relations (links, evidence sentences):", "top 10 by PageRank",
                    "top 10 by issues", "communities (Louvain", "issues over time", "issues:"):
        assert heading in text.stdout
    data = json.loads(run_kg("stats", out, "--format", "json").stdout)
    assert {"types", "relations", "top_pagerank", "top_by_issues", "communities", "timeline", "issues"} <= set(data)
    assert data["relations"]["holdsPosition"]["edges"] > 0 and data["co_mention_pairs"] > 0
    assert data["top_pagerank"][0]["label"] == "北京市"
    assert data["communities"]["largest"][0]["size"] >= data["communities"]["largest"][-1]["size"]
    assert [p["period"] for p in data["timeline"]] == ["2021-12", "2022-05", "2023-03"]


def test_the_entity_graph_is_read_once_per_issue_copy_not_per_join_of_copies(samples_graph, tmp_path):
    """Each issue graph repeats the descriptions of its entities. Read across the union,
    those copies multiplied (2.44 million rows for 40 issues); read per issue graph, the
    samples built twice over (new issue ids, the same entities) cost twice the rows."""
    import shutil

    from helpers import SAMPLES

    twice = tmp_path / "twice"
    twice.mkdir()
    for f in SAMPLES.glob("*.txt"):
        for copy in ("a", "b"):
            shutil.copyfile(f, twice / f"{f.stem}_{copy}.txt")
    kg.build([twice], tmp_path / "g2")

    def rows_read(folder):
        with kg.open(folder) as graph:
            count = 0
            select = graph.select

            def counting(sparql):
                nonlocal count
                for row in select(sparql):
                    count += 1
                    yield row

            graph.select = counting
            G = ka.to_networkx(graph, min_mentions=0)
        return count, G

    once, G1 = rows_read(samples_graph[0])
    doubled, G2 = rows_read(tmp_path / "g2")
    assert G2.number_of_nodes() == G1.number_of_nodes() > 50
    assert once > 100 and doubled <= 2 * once
