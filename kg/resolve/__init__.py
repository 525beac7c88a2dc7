"""Group mentions into entities: each mention gets a ``key``; one key, one entity.

A key depends only on the mention, its own issue, the curated alias file
(``ontology/aliases.tsv``) and the packaged division data, never on the other
issues of a build, so an entity's IRI (``vocab.entity_iri(type, key)``) is the
same whenever the same input is built, and adding an issue changes no IRI.

What makes two surfaces one entity:
- the alias file (工信部 = 工业和信息化部), and abbreviations inside names (市经信局);
- the text's own declarations: 北京汀盾量子信息技术有限公司（以下简称汀盾量子）;
- within an issue, an abbreviation whose characters are an ordered subsequence of a
  longer name of the issue (北交所 / 北京证券交易所), or a company's short name
  inside its full name (汀通岚奇 / 中科汀通岚奇（北京）科技有限公司);
- a company's core name without region, legal form or trade (北京岚视科技有限公司 = 岚视);
- a local name resolved by the issue's place: 市经信局 in a Beijing bulletin is
  北京市经济和信息化局;
- regions by division code (北京 = 北京市);
- people by name and, where the issue states a post, the organization.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..doc import Entity, EntityKey, Issue, Mention
from ..lexicon import (
    COMPANY_FORM,
    DECLARATION,
    LEGAL_FORMS,
    LOCAL_LEVELS,
    publisher_body,
    zone_by_kind,
)
from ..regions import country_before_name, gazetteer, own_short_name
from ..resources import ontology_path
from .people import people_by_surname
from .short_forms import (
    abbreviates,
    abbreviates_core,
    company_core,
    is_parent_of,
    shortens,
    trade_name_and_kind,
    without_its_place,
    without_party,
)
from .titles import abridged_titles, short_titles, titles_in_full

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "《": None, "》": None,
                         "(": "（", ")": "）"})


def surface_key(text: str) -> str:
    """Compare names without white space, title marks, quote styles or bracket widths."""
    return "".join(text.split()).translate(_QUOTES)


@dataclass
class Aliases:
    """The curated alias file: forced merges, forbidden merges, abbreviations inside names."""

    same: dict[tuple[str, str], str] = field(default_factory=dict)
    never: set[frozenset] = field(default_factory=set)
    parts: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, *paths: Path) -> Aliases:
        aliases = cls()
        for path in paths:
            for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cols = [c.strip() for c in line.split("\t")]
                if cols[0] == "same" and len(cols) >= 4:
                    aliases.same[(cols[3], surface_key(cols[1]))] = surface_key(cols[2])
                elif cols[0] == "never" and len(cols) >= 4:
                    aliases.never.add(frozenset({(cols[3], surface_key(cols[1])), (cols[3], surface_key(cols[2]))}))
                elif cols[0] == "part" and len(cols) >= 3:
                    aliases.parts[cols[1]] = cols[2]
                else:
                    raise ValueError(f"{path}:{n}: expected 'same|never NAME OTHER TYPE' or "
                                     f"'part SHORT LONG', TAB-separated")
        return aliases

    def forbids(self, type_: str, a: str, b: str) -> bool:
        return frozenset({(type_, a), (type_, b)}) in self.never


@lru_cache(maxsize=8)
def default_aliases(extra: tuple[str, ...] = ()) -> Aliases:
    return Aliases.load(ontology_path("aliases.tsv"), *map(Path, extra))


def resolve_issue(issue: Issue, aliases: Aliases | None = None) -> None:
    """Set ``mention.key`` for every mention of the issue, in place."""
    aliases = aliases or default_aliases()
    _declared_short_names(issue)
    places = article_places(issue)
    publisher = issue.meta.publisher
    for m in issue.mentions:
        if m.source == "rule:publisher-kind" and publisher:  # 协会 in the bulletin of 某某协会
            m.key = organization_key(surface_key(publisher_body(publisher)), aliases, None)
            continue
        m.key = _base_key(m, aliases, places[issue.sentences[m.sentence].article])
    _districts_after_their_city(issue.mentions)
    _counties_by_short_name(issue.mentions)
    _companies_sharing_a_core(issue.mentions)
    _within_issue_abbreviations(issue, aliases)
    _subsidiaries_named_after_parent(issue)
    _zones_named_by_kind(issue.mentions)
    titles_in_full(issue.mentions)
    short_titles(issue.mentions)
    abridged_titles(issue)
    _named_again(issue)
    _names_without_country(issue.mentions)
    people_by_surname(issue)
    if publisher:
        _publisher_as_the_issue_names_it(issue.mentions, publisher_body(publisher))


def _publisher_as_the_issue_names_it(mentions: list[Mention], body: str) -> None:
    """集团 in the bulletin of 某某集团办公室 is the entity of 某某集团 as the issue names it (or, if it
    does not, of a name with the same brand and kind: 某某能源集团, 某某能源集团有限责任公司)."""
    named = [m for m in mentions if m.type == "Organization" and m.source != "rule:publisher-kind"]
    keys = Counter(m.key for m in named if m.text == body) \
        or Counter(m.key for m in named if _same_brand_and_kind(m.text, body))
    if keys:
        key = keys.most_common(1)[0][0]
        for m in mentions:
            if m.source == "rule:publisher-kind":
                m.key = key


#: A company's legal form after its kind: 某某集团 | 有限责任公司.
_FORM_AT_END = re.compile(rf"(?:{COMPANY_FORM}|公司)$")


def _same_brand_and_kind(name: str, body: str) -> bool:
    """某某能源集团 for the publisher 某某集团: the body's brand first, its kind last (a legal form after it)."""
    brand, kind = body[:-2], body[-2:]
    core = _FORM_AT_END.sub("", name) if not name.endswith(kind) else name
    return len(brand) >= 2 and core.startswith(brand) and core.endswith(kind)


def _districts_after_their_city(mentions: list[Mention]) -> None:
    """常州 | 武进 | 某某公司: a district named without its level right after its city is that district."""
    g = gazetteer()
    cities = {m.end: g.divisions[m.key[9:]] for m in mentions
              if m.type == "Region" and m.key.startswith("division:") and g.divisions[m.key[9:]].level == "city"}
    for m in mentions:
        city = cities.get(m.start) if m.type == "Region" and not m.key.startswith("division:") else None
        if city is not None:
            district = next((d for level in ("区", "县", "市") if (d := g.lookup(m.text + level)) is not None
                             and d.parent == city.code), None)
            if district is not None:
                m.key = f"division:{district.code}"


def _counties_by_short_name(mentions: list[Mention]) -> None:
    """泰和 in an issue that names 泰和县 is that county, 某州 where it names 某州市 that city, known to the
    division data or not (kg.ner.propagate finds them)."""
    g = gazetteer()
    counties = {short: m.key for m in mentions if m.type == "Region"
                and (short := g.county_short_name(m.text) or own_short_name(m.text))}
    for m in mentions:
        if m.type == "Region" and not m.key.startswith("division:") and m.text in counties:
            m.key = counties[m.text]


def _names_without_country(mentions: list[Mention]) -> None:
    """德国 | 某某集团: the name without its country is the body the whole name is."""
    whole = {m.end: m for m in mentions if m.type == "Organization" and m.source != _WITHOUT_COUNTRY}
    for m in mentions:
        if m.source == _WITHOUT_COUNTRY and (outer := whole.get(m.end)) is not None and outer.start < m.start:
            m.key = outer.key


_WITHOUT_COUNTRY = "rule:without-country"


def _named_again(issue: Issue) -> None:
    """该院, 工作站: a body named again by its kind is the body (kg.ner.anaphora), with the type the body
    has now (a rule may have retyped it since: 某某分行 read as a place first); a kind word whose body is
    no longer named is dropped."""
    named = {(m.start, m.end): m for m in issue.mentions}  # (a body named again may be named again in turn)
    kept: list[Mention] = []
    resolved: set[int] = set()
    for m in issue.mentions:  # in the text's order: the body comes first, its key already its own
        body = named.get(m.refers_to) if m.refers_to is not None else None
        if m.refers_to is not None and (body is None or id(body) not in resolved):
            continue
        if body is not None:
            m.key, m.type = body.key, body.type
        kept.append(m)
        resolved.add(id(m))
    issue.mentions = kept


def _base_key(m: Mention, aliases: Aliases, place: str | None) -> str:
    key = surface_key(m.text)
    forced = aliases.same.get((m.type, key))
    if forced:
        return forced
    if m.type == "Region":
        division = gazetteer().lookup(key)
        return f"division:{division.code}" if division else key
    if m.type == "Organization":
        return organization_key(key, aliases, place)
    return key


def organization_key(key: str, aliases: Aliases, place: str | None) -> str:
    expanded = key[country_before_name(key):]  # 德国某某集团 is 某某集团
    for short, long in aliases.parts.items():
        if expanded.endswith(short) and not expanded.endswith(long):
            expanded = expanded[: -len(short)] + long
            break
    expanded = _peoples_government(without_party(expanded))
    if expanded != key and (forced := aliases.same.get(("Organization", expanded))):
        return forced
    if expanded[:1] in LOCAL_LEVELS and (len(expanded) > 3 or _LOCAL_LEADERSHIP.fullmatch(expanded)) and place:
        level = expanded[0]
        division = gazetteer().lookup(place)
        chain = [division, *gazetteer().ancestors(division)] if division else []
        match = next((d for d in chain if d.name.endswith(level)), None)
        if match:
            return _peoples_government(match.name + expanded[1:])
    return company_core(expanded) or expanded


#: A place's party committee or government named by its level alone: 市委, 省政府.
_LOCAL_LEADERSHIP = re.compile(r"[省市区县](?:委|人民政府|政府)")




def _peoples_government(name: str) -> str:
    """湖北省政府 is 湖北省人民政府, 省政府 省人民政府; 特朗普政府 and 德国政府 stay."""
    place = gazetteer().lookup(name[:-2])
    if name.endswith("政府") and not name.endswith("人民政府") and (
            name[:-2] in LOCAL_LEVELS or (place is not None and place.level != "country" and gazetteer().in_china(place))):
        return name[:-2] + "人民政府"
    return name


#: An academy's or a university's institute: 省农科院 | 岚屿 | 研究所, named alone as 岚屿研究所 or 岚屿所.
_ACADEMY_UNIT = re.compile(r"^.{2,14}?(?:科院|科学院|大学)([\u4e00-\u9fff]{2,6})研究所$")


@lru_cache(maxsize=8192)
def unit_short_names(name: str) -> tuple[str, ...]:
    """岚屿研究所 and 岚屿所 of 省农科院岚屿研究所, 人才服务局 of 某某片区管委会人才服务局: how an
    article names an institute or a bureau once it has named it with its academy or committee."""
    unit = _ACADEMY_UNIT.match(name)
    if unit:
        return unit.group(1) + "研究所", unit.group(1) + "所"
    bureau = _COMMITTEES_BUREAU.search(name)
    return (bureau.group(1),) if bureau else ()


#: A zone committee's bureau: 某某片区管委会 | 人才服务局.
_COMMITTEES_BUREAU = re.compile(r"(?:管委会|管理委员会)([\u4e00-\u9fff]{2,6}局)$")




def _companies_sharing_a_core(mentions: list[Mention]) -> None:
    """江城集团有限公司 and its 江城智能科技有限公司 share the core 江城 but are two companies.

    An issue that writes two different full names for one core names two companies:
    the group (or the name with the shortest full form) keeps the core, and each other
    full name keys on itself without its legal form.
    """
    full_names: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "Organization" and LEGAL_FORMS.search(m.text) and m.key != surface_key(m.text) \
                and len(LEGAL_FORMS.sub("", m.text)) >= 2:  # (not 集团 alone, the bulletin's own group)
            full_names[m.key].add(_without_seat_and_form(surface_key(m.text)))
    for key, names in full_names.items():
        if len(names) < 2:
            continue
        keeper = min(names, key=lambda n: (not n.endswith("集团") and n != key, len(n)))
        for m in mentions:
            if m.key == key and m.type == "Organization" and LEGAL_FORMS.search(m.text):
                name = _without_seat_and_form(surface_key(m.text))
                if name != keeper:
                    m.key = name


def _subsidiaries_named_after_parent(issue: Issue) -> None:
    """某某芯在杭州设立全资子公司杭州某某芯软件有限公司: a company the sentence says its namesake
    set up or owns is a company of its own, keyed on its full name (not the core they share)."""
    last: dict[str, Mention] = {}
    for m in issue.mentions:
        if m.type != "Organization":
            continue
        parent = last.get(m.key)
        if parent is not None and parent.sentence == m.sentence and parent.end <= m.start \
                and LEGAL_FORMS.search(m.text) and not LEGAL_FORMS.search(parent.text) \
                and _OWNED_BETWEEN.search(issue.text, parent.end, m.start):
            own, shared = _without_seat_and_form(surface_key(m.text)), m.key
            for other in issue.mentions:
                if other.type == "Organization" and other.text == m.text:
                    other.key = own
                elif other.type == "Organization" and other.text == parent.text and other.key == shared == own:
                    other.key = surface_key(parent.text)  # (the namesake was keyed on this name: its own key)
            continue
        last[m.key] = m


#: What one company says of another it owns, right before naming it: 设立全资子公司, 旗下.
_OWNED_BETWEEN = re.compile(r"(?:子公司|孙公司|旗下|下属)\s*$")


def _without_seat_and_form(name: str) -> str:
    """北京江城智能科技有限公司 → 江城智能科技; 江城集团有限公司 → 江城集团."""
    name = re.sub(r"(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)$", "", name)
    name = name[country_before_name(name):]  # (德国 | 斯图加特某某 is 斯图加特某某)
    head = gazetteer().head(name)
    return name[len(head):] if head and len(name) - len(head) >= 2 else name


def article_places(issue: Issue) -> list[str | None]:
    """The province or city each article is about: the one its regions name most,
    else the issue's (省科技厅 in a Jiangsu article of an Anhui digest is Jiangsu's)."""
    g = gazetteer()
    per_article: list[Counter] = [Counter() for _ in issue.articles]
    whole: Counter = Counter()
    inside_a_name = _inside_organizations(issue.mentions)
    for k, m in enumerate(issue.mentions):
        if m.type == "Region" and (d := g.lookup(m.text)) and d.level in ("province", "city") and g.in_china(d):
            if k not in inside_a_name:  # 深圳某某创投 investing in the issue's city: its article stays there
                per_article[issue.sentences[m.sentence].article][d.name] += 1
            whole[d.name] += 1
    if issue.meta.title and (head := g.head(issue.meta.title)) and (d := g.lookup(head)):
        whole[d.name] += 3
    default = whole.most_common(1)[0][0] if whole else None
    # one place named once (a contents line, a company's trip) does not move an article away from the issue's
    return [top[0][0] if (top := c.most_common(1)) and (top[0][1] >= 2 or default is None) else default
            for c in per_article]


def _declared_short_names(issue: Issue) -> None:
    """`X（以下简称国盾量子）`: the short name means X wherever the issue uses it."""
    declared: dict[str, Mention] = {}
    for m in list(issue.mentions):
        if m.type not in ("Organization", "Policy") or m.source == _WITHOUT_COUNTRY:
            continue
        d = DECLARATION.match(issue.text[m.end:m.end + 64]) or (
            _LATIN_NAME_AFTER.match(issue.text[m.end:m.end + 64]) if m.type == "Organization" else None)
        if d:
            declared[d.group(1)] = m
    if not declared:
        return
    covered = {(m.start, m.end) for m in issue.mentions}
    for short, full in declared.items():
        for hit in re.finditer(re.escape(short), issue.text):
            span = (hit.start(), hit.end())
            inside = [m for m in issue.mentions if m.start <= hit.start() and hit.end() <= m.end]
            if span in covered or any(m.type == full.type for m in inside):
                continue
            sentence = _sentence_at(issue, hit.start())
            if sentence is None:
                continue
            issue.mentions.append(Mention(hit.start(), hit.end(), full.type, short, sentence,
                                          "rule:declared-alias"))
            covered.add(span)
    # 澄湖膜 (of 南京澄湖膜科技有限公司) is a brand: no place is named inside it
    aliases = [m for m in issue.mentions if m.source == "rule:declared-alias"]
    if aliases:
        issue.mentions = [m for m in issue.mentions if not (m.type == "Region" and any(
            a.start <= m.start and m.end <= a.end and (a.start, a.end) != (m.start, m.end) for a in aliases))]
    issue.mentions.sort(key=lambda m: (m.start, -m.end))
    issue.declared = {short: full for short, full in declared.items()}


_HAN = re.compile(r"[\u4e00-\u9fff]")
#: A body's own Latin name in brackets after its Chinese one: 某某有限公司（Latin Name Pte. Ltd.）.
_LATIN_NAME_AFTER = re.compile(r"^[（(]\s*([A-Za-z][A-Za-z0-9 .,&'\-]{2,60}?)\s*[）)]")


def _sentence_at(issue: Issue, pos: int) -> int | None:
    lo, hi = 0, len(issue.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = issue.sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


def _inside_organizations(mentions: list[Mention]) -> set[int]:
    """The mentions (by index) that lie inside an organization's name; mentions are sorted by start."""
    inside: set[int] = set()
    open_org: Mention | None = None
    for k, m in enumerate(mentions):
        if open_org is not None and m.start < open_org.end and m.end <= open_org.end and m is not open_org:
            inside.add(k)
            continue
        if m.type == "Organization" and (open_org is None or m.start >= open_org.end):
            open_org = m
    return inside


def _within_issue_abbreviations(issue: Issue, aliases: Aliases) -> None:
    """Short names that abbreviate or shorten a longer name of the same issue take its key."""
    declared = {surface_key(short): full for short, full in getattr(issue, "declared", {}).items()}
    by_type: dict[str, dict[str, str]] = defaultdict(dict)  # type -> surface -> key
    for m in issue.mentions:
        by_type[m.type].setdefault(surface_key(m.text), m.key)
    #: keys a full company name of the issue has: a short name with one of them is that company's
    full_keys = {m.key for m in issue.mentions if m.type == "Organization" and LEGAL_FORMS.search(m.text)}
    found: dict[tuple[str, str], str] = {}  # (surface, key) -> the key it takes
    # every test below keeps the short name's characters: a longer name without one of them is none
    org_chars = {other: frozenset(other) for other in by_type["Organization"]}
    for m in issue.mentions:
        surface = surface_key(m.text)
        if surface in declared and declared[surface].type == m.type:
            m.key = declared[surface].key
            continue
        if m.type != "Organization" or len(surface) > 12 or (m.key in full_keys and not LEGAL_FORMS.search(m.text)):
            continue
        stem = surface[:-2] if surface.endswith("公司") and len(surface) >= 5 else ""
        named = declared[stem].key if stem in declared and declared[stem].type == m.type else by_type[m.type].get(stem)
        if named is not None and named != m.key:
            m.key = named  # 某某赛事公司 where the issue names 某某赛事: that company
            continue
        if (surface, m.key) not in found:
            chars = frozenset(surface)
            # 市委组织部 in a 德州 article is 德州市委组织部, not a county-level city's 某某市委组织部
            placed = surface[:1] in LOCAL_LEVELS and m.key != surface and m.key.endswith(surface[1:])
            place = m.key[:len(m.key) - len(surface) + 1] if placed else ""
            named = {other: other_key for other, other_key in by_type["Organization"].items()
                     if other_key != m.key and len(other) > len(surface) and chars <= org_chars[other]
                     and other_key.startswith(place)
                     and ((len(surface) <= 8 and (abbreviates(surface, other) or shortens(surface, other)
                                                  or abbreviates_core(surface, other) or surface in unit_short_names(other)
                                                  or trade_name_and_kind(surface, other)))
                          or (not placed and without_its_place(surface, other)))  # (先进储能技术研究院 too)
                     and not is_parent_of(surface, other)
                     and not aliases.forbids(m.type, surface, other)}
            # 澜清环境 beside 澜清环境（荆州）生态工程有限公司 and 湖北澜清生态环境科技股份有限公司:
            # the brand before a regional company's seat is the group's name, when the group is named too
            regional = {o for o in named if re.split(r"[（(]", o, maxsplit=1)[0] == surface and len(named) > 1}
            # 岚屿所 abbreviates 岚屿研究所 and 省农科院岚屿研究所: the institute named alone is the one in full
            candidates = {key for other, key in named.items() if other not in regional
                          and not any(other in unit_short_names(o) for o in named)}
            # an ambiguous short name (two companies contain it) stays apart
            found[(surface, m.key)] = candidates.pop() if len(candidates) == 1 else m.key
        m.key = found[(surface, m.key)]


def _zones_named_by_kind(mentions: list[Mention]) -> None:
    """西安高新区, 西安高新技术产业开发区 and, where the issue names no other 高新区, 高新区 alone:
    one zone, keyed by its fullest name."""
    zones: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type == "Region" and (named := zone_by_kind(m.text)):
            zones[named].append(m)
    for (_, kind), written in zones.items():
        key = max(written, key=lambda m: (len(m.text), m.text)).key
        for m in written:
            m.key = key
        if len([z for z in zones if z[1] == kind]) == 1:
            for m in mentions:
                if m.type == "Region" and m.text == kind:
                    m.key = key


def describe_entities(issue: Issue) -> None:
    """Set ``issue.entities``: each entity's label and its other surfaces.

    The label is the fullest name the issue gives (a Chinese one before a Latin one, then the
    longest surface, then the most frequent); a region takes its division's official name, and an
    organization the official form its key gives (市经信局 → 岚州市经济和信息化局)."""
    surfaces: dict[EntityKey, dict[str, int]] = defaultdict(dict)
    publisher = publisher_body(issue.meta.publisher) if issue.meta.publisher else None
    for m in issue.mentions:
        if m.refers_to is not None:  # 该院 is no name of the 院
            continue
        counts = surfaces[(m.type, m.key)]
        # (集团 in the bulletin of 某某集团办公室 names 某某集团: a kind is no label)
        text = publisher if publisher and m.source == "rule:publisher-kind" else m.text
        counts[text] = counts.get(text, 0) + 1
    issue.entities = {}
    for (type_, key), counts in surfaces.items():
        # a Chinese name before a Latin one (某某株式会社, not its own Latin name in brackets)
        label = max(counts, key=lambda s: (bool(_HAN.search(s)), len(surface_key(s)), counts[s]))
        if key.startswith("division:"):
            label = gazetteer().divisions[key[9:]].name
        elif type_ == "Organization" and len(key) > len(surface_key(label)):
            label = key  # the official form the alias file or the issue's place gives
        issue.entities[(type_, key)] = Entity(type_, key, label, sorted(s for s in counts if s != label))
