"""Repair the names the model cuts short, runs together, mistypes or misses.

Works on the backend's words (``pos:TAG`` spans, LAC's tag set) around its
entity spans; with a backend that gives no words, entity spans pass unchanged
except for the character-level rules. The passes run in the order of
:func:`repair`, each a function of the sentence and its words:

- ``bounds``: where a name starts and ends (two bodies run together at 会同 split; a post
  read into a name cut off; 由 after a name cut off);
- ``offices``: a government office's level and place before it, and the 和 inside its name
  (市 | 大数据 | 和 | 智慧城市建设办公室);
- ``registered`` and ``branches``: a company's registered name and its branches' (某某（北京）有限公司;
  某某银行 | 某地自贸区 | 支行);
- ``bodies``: bodies set up together (某某与某某共建的某某中心);
- ``foreign``: foreign companies, missions and Latin names;
- ``divisions``: a county or prefecture named in full that the model read in pieces (正 | 蓝 | 旗);
- ``places``: places and the bodies named by them (济南 | 高新区; 清华大学 … 系;
  湖北省 | 先进传感技术创新中心);
- ``people``: where a person's name ends (许某某此 | 前任, 大野某 | 一 | 表示);
- ``deals``: who takes part in a deal (investors before 领投, the company before 完成融资,
  parties to an agreement);
- ``context``: a name's type from the rest of its sentence (list items, Latin names, names
  before posts, bodies founded);
- ``words``: what the passes share.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...doc import Span
from ...lexicon import DESCRIBED_COMPANY, GENERIC_ORG, GENERIC_PLACE, GENERIC_SECTORS, LEADING_CONNECTIVES, NOT_ORG_WORDS, ROUND, ROUND_AT_END
from ...regions import AREA, gazetteer, is_foreign_country
from .bodies import bodies_set_up, joint_bodies, schools_named_with_and, start_up_spaces, status_bodies
from .bounds import (
    extend_suffixes,
    organs_inside_names,
    posts_inside_names,
    prepositions_read_into_names,
    split_joined,
    suffixes_cut_in_two,
)
from .branches import branches, branches_in_words, regional_units
from .context import (
    areas_in_posts,
    bodies_of_each,
    controlling_owners,
    divisions_before_posts,
    divisions_of_the_body_before,
    events,
    founded_objects,
    founded_subjects,
    latin_names,
    lists,
    names_before_posts,
    owners_named_after_is,
    products,
    units_before_posts,
)
from .deals import counterparts, funded, investors
from .divisions import divisions_read_in_pieces
from .foreign import dotted_names, foreign_companies, foreign_places, join_latin_names, latin_people, missions
from .offices import bodies_named_with_and, extend_prefixes
from .people import (
    appointed_read_as_bodies,
    bodies_read_as_people,
    holders_read_as_words,
    japanese_given_names,
    names_by_their_sounds,
    names_cut_short,
    names_read_after_surname,
    names_read_into_posts,
)
from .places import (
    bodies_after_a_place,
    chained_places,
    divisions_read_as_bodies,
    government_bodies,
    parks_named_after_bodies,
    parks_named_by_trade,
    party_offices,
    places_cut_before_their_kind,
    posted_units,
    routes,
    task_forces,
    units,
    village_bodies,
    zones,
)
from .registered import bracketed_seats, partnership_forms, registered_names
from .words import ENTITY, HAS_LETTERS, Word, ends_like_org, words_of


def repair(text: str, spans: Sequence[Span]) -> list[Span]:
    """Entity spans of one sentence after repair; ``pos:`` words are consumed here."""
    words = words_of(spans)
    if not any(not w.is_entity for w in words):
        return [s for s in spans if s.type in ENTITY and HAS_LETTERS.search(text[s.start:s.end])]
    words = places_cut_before_their_kind(text, words)
    words = divisions_read_as_bodies(text, words)
    words = divisions_read_in_pieces(text, words)
    words = prepositions_read_into_names(text, words)
    words = split_joined(text, words)
    words = appointed_read_as_bodies(text, words)
    words = branches_in_words(text, words)
    words = routes(text, words)
    words = posts_inside_names(text, words)
    words = names_cut_short(text, words)
    words = japanese_given_names(text, words)
    words = names_read_after_surname(text, words)
    words = names_read_into_posts(text, words)
    words = bodies_read_as_people(text, words)
    words = holders_read_as_words(text, words)
    words = foreign_companies(text, words)
    words = latin_people(text, words)
    words = missions(text, words)
    words = join_latin_names(text, words)
    words = dotted_names(text, words)
    words = names_by_their_sounds(text, words)
    words = bracketed_seats(text, words)
    words = registered_names(text, words)
    words = partnership_forms(text, words)
    words = joint_bodies(text, words)
    words = start_up_spaces(text, words)
    words = bodies_set_up(text, words)
    words = schools_named_with_and(text, words)
    words = suffixes_cut_in_two(text, words)
    words = extend_suffixes(text, words)
    words = status_bodies(text, words)
    words = organs_inside_names(text, words)
    words = bodies_named_with_and(text, words)
    words = extend_prefixes(text, words)
    words = branches(text, words)
    words = regional_units(text, words)
    words = foreign_places(text, words)
    words = chained_places(text, words)
    words = zones(text, words)
    words = parks_named_by_trade(text, words)
    words = parks_named_after_bodies(text, words)
    words = bodies_after_a_place(text, words)
    words = units(text, words)
    words = posted_units(text, words)
    words = task_forces(text, words)
    words = village_bodies(text, words)
    words = government_bodies(text, words)
    words = party_offices(text, words)
    words = bodies_of_each(text, words)
    words = events(text, words)
    words = products(text, words)
    words = investors(text, words)
    words = counterparts(text, words)
    words = funded(text, words)
    words = lists(text, words)
    words = latin_names(text, words)
    words = names_before_posts(text, words)
    words = areas_in_posts(text, words)
    words = units_before_posts(text, words)
    words = divisions_before_posts(text, words)
    words = divisions_of_the_body_before(text, words)
    words = controlling_owners(text, words)
    words = owners_named_after_is(text, words)
    words = founded_subjects(text, words)
    words = founded_objects(text, words)
    source = spans[0].source if spans else "model"
    out = []
    for w in words:
        if w.is_entity and (opened := _UNCLOSED.search(text, w.start, w.end)) and opened.start() - w.start >= 2:
            w = Word(w.start, opened.start(), w.label)  # 于某·韦伯（Jürgen: the name ends before its bracket
        if w.label == "Organization" and text[w.start] == "原" and w.end - w.start >= 6 and text[w.start + 1] != "子" \
                and ends_like_org(text[w.start + 1:w.end]) and gazetteer().head(text[w.start:w.end]) is None:
            w = Word(w.start + 1, w.end, w.label)  # 由原 | 某某钢铁有限公司总经理某某接任: the body the person was at
        if w.label == "Organization" and (its_round := ROUND_AT_END.search(text, w.start, w.end)) and its_round.start() - w.start >= 2:
            w = Word(w.start, its_round.start(), w.label)  # 某某天使基金天使轮 | 投资: the fund, then the round it took part in
        place = _place_before_its_field(text[w.start:w.end]) if w.label == "Organization" else None
        if place is not None:  # 某州 | 科技合作对接会: the place, no body
            out.append(Span(w.start, w.start + len(place), "Region", source))
        if not w.is_entity:
            continue
        if w.label == "Region" and _STREET.search(text, w.start, w.end) and _HOUSE_NUMBER.match(text, w.end):
            continue  # 某某区明湖东路 12 号: a street of an address, no place of its own
        cut = _descriptor_prefix(text, w)
        if not _names_one(text[w.start + cut:w.end], w.label):
            continue  # (经 | 集团: a kind of body after the preposition names none)
        if cut and (country := gazetteer().head(text[w.start:w.start + cut])) and is_foreign_country(country):
            out.append(Span(w.start, w.start + len(country), "Region", source))  # 荷兰 | 光刻设备商 | 某某公司
        out.append(Span(w.start + cut, w.end, w.label, source))
    return out


#: A street, and the house number after it in an address.
_STREET = re.compile(r"(?:路|大道|大街|街)$")
_HOUSE_NUMBER = re.compile(r"\s*[\d０-９]+\s*号")
#: A bracket the name opens and does not close.
_UNCLOSED = re.compile(r"[（(][^（(）)]*$")
#: A place written with its level or as an area, before what it is said of: 某某市, 某某地区.
_PLACE_BEFORE = re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:省|市|区|县|地区)")
#: A company's base named by its place: 遂宁基地, 遂宁基地二期.
_BASE = re.compile(r"^([\u4e00-\u9fff]{2,4}?)基地")
_AREA_BEFORE = re.compile(rf"^(?:{AREA.pattern})")
#: One character said again and again: 哈哈哈, 嘿嘿 (a laugh, never a place or a body).
_REPEATED = re.compile(r"(.)\1+")


def _names_one(piece: str, label: str) -> bool:
    """Whether a span the model and the repairs call a name names one thing: not a sector
    (信息技术服务业), a kind of body (科研院所, 创新中心), a kind of zone (科技园区) or a laugh."""
    if not HAS_LETTERS.search(piece) or GENERIC_SECTORS.match(piece) or GENERIC_SECTORS.match(_PLACE_BEFORE.sub("", piece)) \
            or GENERIC_SECTORS.match(_AREA_BEFORE.sub("", piece)):
        return False  # (德阳市新能源汽车, 川渝新能源汽车: a place's industry, no body)
    if label == "Organization":  # not 总部 or 局长 alone either, nor a delegation (某某协会代表团), nor a round (天使轮)
        if piece.endswith("子公司") and gazetteer().seat(piece[:-3]) is not None:
            return False  # 常州子公司: a company's unit named by its place and kind
        return not GENERIC_ORG.match(piece) and not _REPEATED.fullmatch(piece) and not NOT_ORG_WORDS.fullmatch(piece) \
            and not ROUND.fullmatch(piece) \
            and not (piece.endswith(_DELEGATIONS) and not _NATIONAL.match(piece)) \
            and _place_before_its_field(piece) is None
    if label == "Region":  # not 某某基地 either: a company's base named by its place, nor a delegation
        return not GENERIC_PLACE.match(piece) and not _REPEATED.fullmatch(piece) and not piece.endswith(_DELEGATIONS) \
            and not ((base := _BASE.match(piece)) and gazetteer().lookup(base.group(1)) is not None)
    if label == "Person":
        return not _STUDIED_ABROAD.fullmatch(piece)
    return True


#: What follows a place's name when it says the place's field, not a body: 某州科技(合作对接会).
_A_PLACES_FIELD = frozenset({"科技", "产业", "经济", "创新", "经贸"})


def _place_before_its_field(piece: str) -> str | None:
    """巴伐利亚科技, 长三角科技: a place (or an area) and its field read as one name; the place, if so."""
    head = gazetteer().head(piece) or (area.group() if (area := _AREA_BEFORE.match(piece)) else None)
    return head if head and piece[len(head):] in _A_PLACES_FIELD else None
#: A group sent on a visit, named after whom it comes from: 某某协会代表团.
_DELEGATIONS = ("代表团", "考察团", "访问团", "调研团")
#: A country's delegation (中国代表团, 中国体育代表团) acts for the country, and is one.
_NATIONAL = re.compile(r"^(?:中国|[\u4e00-\u9fff]{2,5}?国)(?:[\u4e00-\u9fff]{0,4})?(?:代表团)$")
#: 留德博士, 留美学者: where someone studied, read as a two-character name.
_STUDIED_ABROAD = re.compile(r"留[美德日英法韩澳加俄欧苏]")




def _descriptor_prefix(text: str, w: Word) -> int:
    """`量子计算测控系统研发商北京衡芯量子科技有限公司`: the name starts after the description,
    also where the model took in only its last character (美国测试设备 | 商某某公司);
    `会同市经信局`, `经联盟理事会`, `依托某某大学`, `据省经信厅`: after the connective, preposition or verb the
    model took in."""
    if w.label != "Organization":
        return 0
    name = text[w.start:w.end]
    m = DESCRIBED_COMPANY.match(name) or _ROLE_BEFORE_AN_INVESTOR.match(name)
    if m and len(name) - m.end() >= 4:
        return m.end()
    if name.startswith("商") and len(name) >= 5 and text.endswith(_VENDOR_STEMS, 0, w.start):
        return 1
    lead = len(name) - len(name.lstrip())  # (● 据省某某院: the model's word may start with the space)
    name = name.lstrip()
    connective = next((c for c in (*LEADING_CONNECTIVES, "依托", "据") if name.startswith(c)
                       and not name.startswith("联合国")), None)  # (联合国某某署: the United Nations' own body)
    if connective is None and _BY_WAY_OF.match(name):
        connective = "经"  # 经联盟理事会研究决定: the body that decided, after the preposition
    shortest = 2 if connective == "经" else 3
    return lead + (len(connective) if connective and len(name) - len(connective) >= shortest else 0)


#: A role in a deal before an investor's name: 天使轮投资方 | 某某天使基金, 老股东 | 某某资本.
#: (发起方之一 | 某某集团, 园区运营方 | 某某公司, 基金管理人 | 某某私募基金管理有限公司 too)
_ROLE_BEFORE_AN_INVESTOR = re.compile(r"(?:[^，。]{0,6}?轮)?(?:投资方|投资人|出资方)|(?:老|原)?股东|方?之一|(?:园区)?(?:运营方|建设方|管理方)"
                                      r"|(?:基金)?(?:管理人|托管人)")
#: What a vendor is said to make or do, before 商 (设备商, 发行商).
_VENDOR_STEMS = ("设备", "芯片", "材料", "软件", "发行", "零售", "游戏", "测试")
#: 经 as a preposition before a body (经省政府批准, 经联盟理事会研究), not 经济, 经信, 经开 ….
_BY_WAY_OF = re.compile(r"经(?!济|信|开|贸|管|发|纬|典|营)")
