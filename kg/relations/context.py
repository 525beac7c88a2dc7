"""Relations an article implies: the place it is about, for the companies in it.

An article whose headline names one city, district or zone, and whose text names
no other place beyond the ones containing it, is about that place: the companies
it names without a seat of their own are placed there. These relations are
marked ``derived_from="article"``.
"""
from __future__ import annotations

from ..doc import Issue, Relation
from ..lexicon import LEGAL_FORMS
from ..regions import gazetteer


def from_article_place(issue: Issue, by_sentence: dict[int, list[int]], seated: set[int]) -> list[Relation]:
    """``seated``: organizations (mention indices) already placed by a sentence or their name."""
    g = gazetteer()
    out: list[Relation] = []
    by_article: dict[int, list[int]] = {}
    for n, members in by_sentence.items():
        by_article.setdefault(issue.sentences[n].article, []).extend(members)
    for a, members in by_article.items():
        article = issue.articles[a]
        top = _top_level(issue, sorted(members, key=lambda k: (issue.mentions[k].start, -issue.mentions[k].end)))
        regions = [k for k in top if issue.mentions[k].type == "Region"]
        headline = [k for k in regions if article.headline and issue.mentions[k].start < article.start + len(article.headline) + 4]
        place_keys = {issue.mentions[k].key for k in headline}
        if len(place_keys) != 1:
            continue
        place = headline[0]
        key = issue.mentions[place].key
        division = g.divisions.get(key[9:]) if key.startswith("division:") else None
        if division is not None and division.level not in ("city", "county"):
            continue
        around = {key} | ({f"division:{d.code}" for d in g.ancestors(division)} if division else set())
        if any(issue.mentions[k].key not in around for k in regions):
            continue  # another place is named: the article is not about one
        for k in top:
            m = issue.mentions[k]
            if m.type == "Organization" and k not in seated and LEGAL_FORMS.search(m.text):
                out.append(Relation(k, place, "locatedIn", m.sentence, {}, "article"))
                seated.add(k)
    return out


def _top_level(issue: Issue, members: list[int]) -> list[int]:
    top: list[int] = []
    last_end = -1
    for k in members:
        if issue.mentions[k].start >= last_end:
            top.append(k)
            last_end = issue.mentions[k].end
    return top
