"""Names an issue introduces once in full, found again wherever it uses them.

A bulletin names a company in full once (武汉明澈光电科技有限公司) and by its short
name after (明澈光电); a bureau with its place once (某某区招商服务局) and without it
after (招商服务局); a person once whole (罗致远) and the model cuts the same name
short elsewhere (罗致 before 远于2019年). The model reads each sentence alone, so it
misses what the issue itself has taught: here the issue's own full names decide.
Only names of the issue are used, never a list.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..doc import Issue, Mention
from ..lexicon import (
    BRANCH_TAILS,
    COMPANY_FORM,
    DECLARATION,
    FOREIGN_COMPANY,
    GENERIC_ORG,
    GENERIC_PLACE,
    GOVERNMENT_BODY,
    KINDS_OF_AREA,
    LEGAL_FORMS,
    NAMED_DIVISION,
    ORG_SUFFIXES,
    PUBLIC_LINES,
    TRADES,
    zone_by_kind,
)
from ..names_again import a_name_to_look_for, stands_alone
from ..regions import AREA, gazetteer, own_short_name
from ..resolve import company_core, unit_short_names
from .names import nested_names
from .repair.words import ends_like_org

_SEAT = re.compile(r"[（(]")
#: A seat in brackets right before a name's rest: （苏州） | 半导体有限公司.
_SEAT_BEFORE = re.compile(r"[（(][\u4e00-\u9fff]{2,8}[）)]$")
#: A seat in brackets and a company's legal form after a short name: 某某文化 | （大阪）株式会社.
_SEAT_AND_FORM = re.compile(rf"[（(]([\u4e00-\u9fff]{{2,8}})[）)](?:{COMPANY_FORM})")
#: A short name shorter than this is too likely to be an ordinary word (中科, 华为 the model knows).
_SHORTEST = 3


def propagate(issue: Issue) -> None:
    """Add the short names of the issue's companies and complete cut-short people, in place."""
    issue.mentions = mentions = _starts_of_declared_names(issue)
    divisions = _divisions_inside_bodies(issue)
    found = _short_names(issue) + _whole_people(issue) + _people_read_as_bodies(issue) + _people_again(issue) + _bodies_again(issue) \
        + _bodies_cut_short_again(issue) \
        + _zones_by_kind(issue) \
        + _counties_by_short_name(issue) + _whole_places(issue) + _whole_bodies(issue) + _units_named_after_a_short_name(issue) \
        + _names_running_to_their_declaration(issue) \
        + divisions + _short_places_inside_names(issue, divisions)
    if not found:
        return
    found.sort(key=lambda f: f.start)
    starts = [f.start for f in found]
    kept = [m for m in mentions if not any(  # names are short: only those starting near m can touch it
        _cuts(m, f) for f in found[bisect_left(starts, m.start - 64):bisect_right(starts, m.end)])]
    taken = {(m.start, m.end, m.type) for m in kept}
    for f in found:  # (two rules may find the same name: it is added once)
        if (f.start, f.end, f.type) not in taken:
            taken.add((f.start, f.end, f.type))
            kept.append(f)
    issue.mentions = _branches_after_short_names(issue, sorted(kept, key=lambda m: (m.start, -m.end)))


def _branches_after_short_names(issue: Issue, mentions: list[Mention]) -> list[Mention]:
    """天枢安全 | 荆州分公司, 某某传动 | 中东办事处: a company's short name, then a branch named by its
    place, is that company's branch (the short name inside it its parent, as a full name's would be),
    whether the model read the branch as a name or not."""
    branches: list[Mention] = []
    for company in mentions:
        if company.source == "rule:short-name" and company.type == "Organization" \
                and (tail := _branch_named_by_place(issue.text, company.end)):
            branches.append(_mention(issue, company.start, tail, "Organization", "rule:short-name"))
            company.source = "rule:parent-org"
    if not branches:
        return mentions
    kept = [m for m in mentions if m.source == "rule:parent-org" or m.type != "Organization"
            or not any(b.start <= m.start and m.end <= b.end for b in branches)]  # (its place stays: 荆州)
    return sorted(kept + branches, key=lambda m: (m.start, -m.end))


#: What ends a company named by its parent's short name and a place: 某某产发 | 欧洲 | 有限公司.
_PLACED_COMPANY_FORMS = tuple(COMPANY_FORM.split("|"))


def _branch_named_by_place(text: str, at: int) -> int | None:
    """Where a branch (or a company) named by a place, starting at ``at``, ends: 荆州 | 分公司,
    中东 | 办事处, 欧洲 | 有限公司."""
    for size in (4, 3, 2):
        place = text[at:at + size]
        if gazetteer().head(place) == place or AREA.fullmatch(place):
            rest = text[at + size:at + size + 6]
            tail = next((t for t in BRANCH_TAILS + _PLACED_COMPANY_FORMS if rest.startswith(t)), None)
            if tail:
                return at + size + len(tail)
    return None


def _short_names(issue: Issue) -> list[Mention]:
    """Every use of a company's core name (明澈光电 of 武汉明澈光电科技有限公司) and of a
    body's full name, also where the model tagged it as something else or cut it."""
    cores: set[str] = set()
    places = {m.text for m in issue.mentions if m.type == "Region"}
    people = {m.text for m in issue.mentions if m.type == "Person" and len(m.text) >= 3}
    for m in issue.mentions:
        if m.type == "Organization" and LEGAL_FORMS.search(m.text):
            core = company_core(m.text)
            # 艾某森 read as a person where the issue names 常州艾某森医用材料有限公司: the company's brand
            cores.update(p for p in people if core and core.startswith(p) and len(core) > len(p))
            if core and _SEAT.search(core):  # 行知机器人 of 行知机器人（合肥）有限公司
                brand = _SEAT.split(core, maxsplit=1)[0]
                if len(brand) >= _SHORTEST:
                    cores.add(brand)  # 某桥微电子 of 某桥微电子（苏州）有限公司, found before 某桥微
                core = TRADES.sub("", brand) if len(TRADES.sub("", brand)) >= _SHORTEST else brand
            if core and len(core) >= _SHORTEST:
                cores.add(core)
            if core and len(core) >= 6 and not _SEAT.search(core) and not core.startswith(PUBLIC_LINES):
                # the brand and its trade's first word (not 交通旅游投资: a place's company, no brand):
                cores.update(core[:n] for n in (4, 5) if len(core) - n >= 2  # 澄川生物, 瑞安达生物
                             and core[:n] not in places)  # not 青梧数字港 of 青梧数字港运营管理有限公司
                trade_end = core[:2] + core[-2:]  # 骋远汽车 of 骋远新能源汽车: the brand and its trade's last word
                if len(core) >= 6 and trade_end not in places and trade_end in issue.text:
                    cores.add(trade_end)
            head = gazetteer().head(m.text)
            if core and head and len(core) >= 3 and m.text.startswith(head + core[:2]):
                cores.add(head + core[:2])  # 厦门钠科 of 厦门钠科新能源科技有限公司
        elif m.type == "Organization" and FOREIGN_COMPANY.fullmatch(m.text) and len(m.text.split()[0]) >= 4:
            cores.add(m.text.split()[0])  # Skarvik of Skarvik Energi AB
        elif m.type == "Organization" and len(m.text) >= 4 and m.text.endswith(ORG_SUFFIXES):
            cores.add(m.text)  # 湖北省先进传感技术创新中心 (missed where the model read 湖北省 alone), 山左资本
            cores.update(unit_short_names(m.text))  # 某某所 of 省农科院某某研究所
    cores |= offices(issue.mentions)
    cores |= declared_short_names(issue)
    cores = {core for core in cores if not GENERIC_PLACE.fullmatch(core)}  # 科技园 of 科技园公司: a kind of place
    out: list[Mention] = []
    text = issue.text
    organizations = [m for m in issue.mentions if m.type == "Organization"]
    longer_people = [m for m in issue.mentions if m.type == "Person" and "·" in m.text]  # (某某·贝拉某: the founder)
    longer_places = [m for m in issue.mentions if m.type == "Region" and len(m.text) >= 4]  # (某市经开 | 区: the zone)
    for core in sorted(cores, key=lambda c: (-len(c), c)):  # the longest name first, in a fixed order
        at = text.find(core)
        while at >= 0:
            end = at + len(core)
            if (seated := _SEAT_AND_FORM.match(text, end)) and gazetteer().seat(seated.group(1)) is not None:
                end = seated.end()  # 某某文化 | （大阪）株式会社: a registered name of its own, a subsidiary's
            if not _inside_organization(organizations, at, end) and not _inside_organization(out, at, end) \
                    and not any(p.start <= at and end <= p.end for p in longer_people) \
                    and not any(p.start <= at and end < p.end for p in longer_places):
                out.append(_mention(issue, at, end, "Organization", "rule:short-name"))
            at = text.find(core, end)
    return out


def _starts_of_declared_names(issue: Issue) -> list[Mention]:
    """本源 | 量子计算科技（合肥）股份有限公司（以下简称本源量子）: the short name the text declares
    starts the full name, so the model cut its first characters off; so does the core name of
    another company of the issue (某某数据集团, then 某某 | 数据（银川）有限公司, its subsidiary)."""
    cores: dict[str, list[str]] = {}  # by the characters a cut may have left before the name: 1 to 4
    for core in {core for m in issue.mentions if m.type == "Organization" and LEGAL_FORMS.search(m.text)
                 and (core := company_core(m.text)) and len(core) >= 2 and not _SEAT.search(core)}:
        for k in range(1, min(len(core), 4) + 1):
            cores.setdefault(core[:k], []).append(core)
    out = []
    for m in issue.mentions:
        short = _declared_after(issue, m)
        cut = next((k for k in range(1, min(len(short), 4)) if not m.text.startswith(short)
                    and issue.text.startswith(short, m.start - k)), 0)
        if short and not cut and (seat := _SEAT_BEFORE.search(issue.text, max(0, m.start - 12), m.start)) \
                and issue.text.endswith(short, 0, seat.start()):
            cut = m.start - seat.start() + len(short)  # 某某 | 芯/v （苏州） | 半导体有限公司（简称“某某芯”）
        if not cut and m.type == "Organization" and LEGAL_FORMS.search(m.text) and len(m.text) <= 20 \
                and m.source != "rule:without-country":  # (大阪 | 某某株式会社: its place left off on purpose)
            cut = next((k for k in range(1, 5) for core in cores.get(issue.text[max(0, m.start - k):m.start], ())
                        if not m.text.startswith(core) and issue.text.startswith(core, m.start - k)), 0)  # (某某 | 数据（银川）有限公司 too)
        out.append(_mention(issue, m.start - cut, m.end, m.type, m.source) if cut else m)
    taken = [(n.start, m.start) for n, m in zip(out, issue.mentions) if n.start < m.start]
    return [n for n in out if not any(start <= n.start and n.end <= end for start, end in taken)
            or (n.type == "Region" and gazetteer().lookup(n.text) is not None)]  # (某江 | 重工…分公司; not its seat, 苏州)


def _names_running_to_their_declaration(issue: Issue) -> list[Mention]:
    """某某大学 | 成果 转化 天使 基金（以下简称天使基金）: a body the model read short where the text declares the
    short name of a longer one: the name runs from the body to the declaration when it ends as the short name
    does and like a body's name (with what its name holds)."""
    out: list[Mention] = []
    for m in issue.mentions:
        run = _RUN_TO_A_DECLARATION.match(issue.text, m.end) if m.type == "Organization" else None
        if run is None or _NO_NAME_WORD.search(run.group()) or any(m.end <= o.start < run.end() for o in issue.mentions):
            continue  # (nor a name of its own inside it)
        end = run.end()
        short, full = _declared_short_at(issue.text, end), issue.text[m.start:end]
        if len(short) >= 2 and full.endswith(short[-2:]) and ends_like_org(full) and len(full) <= 24:
            out.append(_mention(issue, m.start, end, "Organization", "rule:declared-name"))
            out += [_mention(issue, m.start + n.start, m.start + n.end, n.type, n.source) for n in nested_names(full)]
    return out


#: Characters between a body and a declaration that would make them one name: 某某大学 | 成果转化天使基金（以下简称…).
_RUN_TO_A_DECLARATION = re.compile(r"[\u4e00-\u9fff]{2,12}(?=[（(]\s*(?:以下)?(?:简称|下称|以下称))")
#: Words no name is made of: a body, then 的 or a conjunction, is a clause.
_NO_NAME_WORD = re.compile(r"[的与和及等在为是将对向由]")


def _declared_short_at(text: str, at: int) -> str:
    declared = DECLARATION.match(text[at:at + 64])
    return declared.group(1).strip() if declared else ""


def declared_short_names(issue: Issue) -> set[str]:
    """某某路桥工程有限公司（以下简称“某某路桥”）: the text says what the short name is, even one
    the model reads as a place or a person elsewhere, and even of two characters (某睿创新孵化器（简称“某睿”））."""
    out = set()
    for m in issue.mentions:
        short = _declared_after(issue, m)
        if len(short) >= 2 and short != m.text and not short.startswith("《"):
            out.add(short)
    return out


def _declared_after(issue: Issue, m: Mention) -> str:
    """The short name an organization's mention declares right after it (（以下简称“X”）), or ""."""
    return _declared_short_at(issue.text, m.end) if m.type == "Organization" else ""


def offices(mentions: list[Mention]) -> set[str]:
    """招商服务局 of 某某高新区招商服务局, 管委会 of 某某开发区管理委员会: a government body's name
    without its place, which an issue uses alone once it has named the body in full."""
    place_ends: dict[int, list[int]] = {}
    for m in mentions:
        if m.type == "Region":
            place_ends.setdefault(m.start, []).append(m.end)
    out = set()
    for m in mentions:
        if m.type != "Organization" or not GOVERNMENT_BODY.search(m.text):
            continue
        place_end = max((end for end in place_ends.get(m.start, ()) if end < m.end), default=None)
        rest = m.text[place_end - m.start:] if place_end else ""
        if rest in ("管理委员会", "管委会"):
            out.add("管委会")
        elif len(rest) >= 4 and not rest.startswith("人民") and not GENERIC_ORG.match(rest):
            out.add(rest)
    return out


#: A determiner before a kind of zone makes it a kind, not the zone: 国家高新区, 各开发区.
_KIND_NOT_ZONE = re.compile(r"(?:国家级?|省级|市级|各|全国|该|其他|多个|一批|首批|\d+\s*个|[个家所])$")


def _zones_by_kind(issue: Issue) -> list[Mention]:
    """高新区 in an issue that names one 某某高新区 (or 某某高新技术产业开发区) is that zone."""
    named: dict[str, set[str]] = {}
    for m in issue.mentions:
        if m.type == "Region" and (zone := zone_by_kind(m.text)):
            named.setdefault(zone[1], set()).add(zone[0])
    out = []
    for kind, zones in named.items():
        if len(zones) != 1:
            continue
        for hit in re.finditer(kind, issue.text):
            start, end = hit.span()
            if not any(m.start <= start and end <= m.end for m in issue.mentions) \
                    and not _KIND_NOT_ZONE.search(issue.text, max(0, start - 4), start):
                out.append(_mention(issue, start, end, "Region", "rule:zone-by-kind"))
    return out


def _counties_by_short_name(issue: Issue) -> list[Mention]:
    """泰和 in an issue that names 泰和县: the county, where a name starts with it (泰和某某村镇银行) or
    the model read it alone as a name of another kind."""
    g = gazetteer()
    shorts = {short for m in issue.mentions if m.type == "Region" and (short := g.county_short_name(m.text))}
    out = []
    starts = [m.start for m in issue.mentions]
    for short in shorts:
        for hit in re.finditer(short, issue.text):
            start, end = hit.span()
            near = issue.mentions[bisect_left(starts, start - 64):bisect_right(starts, end)]
            if issue.text.startswith(("县", "区"), end) or any(
                    m.type == "Region" and m.start <= start and end <= m.end for m in near):
                continue  # the county in full, or a place named with it (泰和工业园区)
            if any((m.type == "Organization" and m.start == start and m.end > end) or (m.start, m.end) == (start, end)
                   for m in near):
                out.append(_mention(issue, start, end, "Region", "rule:nested-region"))
            elif cut := next((m for m in near if m.type == "Organization" and m.start == start + 1 and m.end >= end + 2), None):
                # 为如 | 东海某某有限公司 in an issue that names 如东县: the name opens with the county, cut after its first character
                out += [_mention(issue, start, cut.end, "Organization", cut.source), _mention(issue, start, end, "Region", "rule:nested-region")]
    return out


#: A division's own government body, after the division's name: 人民政府, 应急管理局, 消防救援大队.
_GOVERNMENT_BODY = re.compile(r"(?:人民政府|[\u4e00-\u9fff]{1,10}?(?:局|委员会|大队|支队|办公室|指挥部|法院|检察院))")


def _its_own_body(name: str, head: re.Match) -> bool:
    """某某区 | 应急管理局: a division of two characters and its level, then its own government body (a longer
    stem is more often an area of another kind: 某某灌区 | 管理局)."""
    return len(head.group()) == 3 and _GOVERNMENT_BODY.fullmatch(name, head.end()) is not None


def _divisions_inside_bodies(issue: Issue) -> list[Mention]:
    """某滨区消防救援大队, 某州市某滨区应急管理局 where the issue names 某滨区 as a place, or the rest of the name is
    the division's own body: the place in the body's name, at its start or after its city, though the division
    data do not know it (the data's places are found inside names already)."""
    places = {m.text for m in issue.mentions if m.type == "Region" and NAMED_DIVISION.fullmatch(m.text)
              and gazetteer().lookup(m.text) is None}
    out = []
    for m in issue.mentions:
        if m.type != "Organization":
            continue
        at = 0
        while (head := NAMED_DIVISION.match(m.text, at)) and not head.group().endswith(KINDS_OF_AREA) \
                and (head.group() in places or gazetteer().lookup(head.group()) or _its_own_body(m.text, head)):
            if (head.group() in places or _its_own_body(m.text, head)) and len(m.text) - head.end() >= 2:
                out.append(_mention(issue, m.start + at, m.start + head.end(), "Region", "rule:nested-region"))
            at = head.end()
    return out


def _short_places_inside_names(issue: Issue, divisions: list[Mention]) -> list[Mention]:
    """某州 of 某州市, 某湖 of 某湖区 at the head of a body's name (某州某湖体育发展集团有限公司), where the
    issue names the place in full and the division data know neither form: a registered name starts with
    its places' short names, as it does with the data's places (found inside names already)."""
    regions = [m for m in issue.mentions + divisions if m.type == "Region"]
    shorts = {short for m in regions if (short := own_short_name(m.text))}
    if not shorts:
        return []
    longer_places: dict[int, int] = {}  # start -> the end of the longest place starting there
    for m in regions:
        longer_places[m.start] = max(m.end, longer_places.get(m.start, 0))
    g = gazetteer()
    out = []
    for m in issue.mentions:
        if m.type != "Organization" or not (m.text.endswith(ORG_SUFFIXES) or LEGAL_FORMS.search(m.text)):
            continue
        at = 0
        while at < len(m.text):
            short = next((s for s in shorts if m.text.startswith(s, at)), None)
            known = None if short else g.head(m.text[at:])
            end = at + len(short or known or "")
            if end == at or m.text.startswith(("市", "区", "县"), end) or len(m.text) - end < 2 \
                    or longer_places.get(m.start + at, 0) > m.start + end:
                break  # the place in full (found already), a zone named after it, or the name is the place
            if short:
                out.append(_mention(issue, m.start + at, m.start + end, "Region", "rule:nested-region"))
            at = end
    return out


def _whole_people(issue: Issue) -> list[Mention]:
    """罗致 where the issue names 罗致远, and the text goes on with 远: the whole name."""
    people = {m.text for m in issue.mentions if m.type == "Person" and 2 <= len(m.text) <= 4}
    out = []
    for m in issue.mentions:
        if m.type != "Person":
            continue
        for whole in sorted(people, key=lambda p: (-len(p), p)):
            if len(whole) > len(m.text) and whole.startswith(m.text) \
                    and issue.text.startswith(whole, m.start):
                out.append(_mention(issue, m.start, m.start + len(whole), "Person", "rule:whole-name"))
                break
    return out


def _units_named_after_a_short_name(issue: Issue) -> list[Mention]:
    """瀚某电网合肥供电公司 where the issue declares 瀚某电网 the short name of 安徽瀚某电网有限公司: the
    parent's short name and the unit's place inside its name (its parent, and where it is)."""
    shorts = sorted((s for s in declared_short_names(issue) if len(s) >= 3), key=lambda s: (-len(s), s))  # the longest first
    out = []
    for m in issue.mentions:
        if m.type != "Organization" or not m.text.endswith("公司"):
            continue
        short = next((s for s in shorts if m.text.startswith(s)), "")
        rest = m.text[len(short):] if short else ""
        place = gazetteer().head(rest) if rest else None
        if place and len(rest) - len(place) >= 3:
            out += [_mention(issue, m.start, m.start + len(short), "Organization", "rule:parent-org"),
                    _mention(issue, m.start + len(short), m.start + len(short) + len(place), "Region", "rule:nested-region")]
    return out


def _whole_places(issue: Issue) -> list[Mention]:
    """澳深度合作区 where the issue names 横琴粤澳深度合作区, and the text has 横琴粤 before it: the whole place."""
    places = sorted({m.text for m in issue.mentions if m.type == "Region" and len(m.text) >= 4
                     and not gazetteer().head(m.text)}, key=lambda p: (-len(p), p))  # (not 重庆 | 两江新区), the longest first
    out = []
    for m in issue.mentions:
        if m.type != "Region":
            continue
        whole = next((p for p in places if len(p) > len(m.text) and p.endswith(m.text)
                      and issue.text.startswith(p, m.end - len(p))), None)
        if whole is not None:
            out.append(_mention(issue, m.end - len(whole), m.end, "Region", "rule:whole-place"))
    return out


def _whole_bodies(issue: Issue) -> list[Mention]:
    """某科学院 before 分析测试中心, where the issue names 某科学院分析测试中心 and the text goes on so: the whole body."""
    by_opening: dict[str, list[str]] = {}  # by their first two characters, the longest first
    for body in sorted({m.text for m in issue.mentions if m.type == "Organization" and m.text.endswith(ORG_SUFFIXES)},
                       key=lambda b: (-len(b), b)):
        by_opening.setdefault(body[:2], []).append(body)
    read_whole = {(m.start, m.end) for m in issue.mentions if m.type == "Organization"}
    out = []
    for m in issue.mentions:
        if m.type != "Organization" or len(m.text) < 2:
            continue
        whole = next((b for b in by_opening.get(m.text[:2], ()) if len(b) >= len(m.text) + 3 and b.startswith(m.text)
                      and issue.text.startswith(b, m.start)), None)
        if whole is not None and (m.start, m.start + len(whole)) not in read_whole:  # (not the parent named inside it)
            out.append(_mention(issue, m.start, m.start + len(whole), "Organization", "rule:whole-body"))
    return out


def _people_read_as_bodies(issue: Issue) -> list[Mention]:
    """甘某某 read as a body in one sentence (由甘某某与某研究院共同创立) and as a person in another: the
    person, unless a company of the issue is named after them (艾某森 of 常州艾某森…有限公司)."""
    people = {m.text for m in issue.mentions if m.type == "Person" and 2 <= len(m.text) <= 3}  # (not 瑞鑫铜业 of a headline)
    if not people:
        return []
    cores = {core for m in issue.mentions if m.type == "Organization" and LEGAL_FORMS.search(m.text)
             and (core := company_core(m.text))}
    return [_mention(issue, m.start, m.end, "Person", "rule:person-again") for m in issue.mentions
            if m.type == "Organization" and m.text in people and not m.text.endswith(ORG_SUFFIXES)
            and not any(core.startswith(m.text) for core in cores)]


#: A person's name as the issue writes it whole: three or four Chinese characters.
_WHOLE_NAME = re.compile(r"[\u4e00-\u9fff]{3,4}")


def _people_again(issue: Issue) -> list[Mention]:
    """任子墨 where the issue names 任子墨 in another place and the model read 任 | 子墨 here (a verb
    and a noun): a person's whole name found again where nothing was found."""
    people = {m.text for m in issue.mentions if m.type == "Person" and _WHOLE_NAME.fullmatch(m.text)}
    return _found_again(issue, people, "Person", "rule:person-again")


def _bodies_again(issue: Issue) -> list[Mention]:
    """素某服饰 where the model read it as a company in one sentence of the issue and not in another
    (素某服饰创始人、首席执行官…): the body's name found again where nothing was found, as
    :mod:`kg.recurring` finds it in other issues."""
    return [m for m in _found_again(issue, _bodies_named(issue), "Organization", "rule:short-name", read_as="Person")
            if stands_alone(issue.text, m.start, m.end, "Organization")]


def _bodies_cut_short_again(issue: Issue) -> list[Mention]:
    """丰某 | 动力 where the issue reads 丰某动力 whole elsewhere: the model's name cut short at its start is
    the body's whole name, found again (other names the model read inside it give way too). With two readings
    (:mod:`kg.ner.vote`), only a name both read."""
    bodies = {name for name in _bodies_named(issue) if issue.other_reading is None or ("Organization", name) in issue.other_reading}
    prefixes = {(m.start, m.end) for m in issue.mentions if m.type == "Organization"}
    return [m for m in _found_again(issue, bodies, "Organization", "rule:short-name", read_as="Organization")
            if (m.start, m.end) not in prefixes and any((m.start, end) in prefixes for end in range(m.start + 2, m.end))
            and stands_alone(issue.text, m.start, m.end, "Organization")]


def _bodies_named(issue: Issue) -> set[str]:
    """The bodies' names the issue reads that are worth looking for in its other sentences."""
    return {m.text for m in issue.mentions if m.type == "Organization" and a_name_to_look_for(m.text, m.type, m.source)}


def _found_again(issue: Issue, names: set[str], type_: str, source: str, read_as: str = "") -> list[Mention]:
    """Each place in the issue's sentences where one of the names occurs and no mention is (or, when
    ``read_as`` is a type, only mentions of that type inside it: 霁某/PER of 霁某服饰)."""
    if not names:
        return []
    spans = sorted((m.start, m.end) for m in issue.mentions if m.type != read_as)
    inside = [(m.start, m.end) for m in issue.mentions if m.type == read_as]
    starts = [s.start for s in issue.sentences]
    out = []
    for name in sorted(names):
        at = issue.text.find(name)
        while at >= 0:
            end = at + len(name)
            n = bisect_right(starts, at) - 1
            near = spans[max(0, bisect_left(spans, (at - 64, 0))):bisect_right(spans, (end, end))]
            if n >= 0 and issue.sentences[n].end >= end and not any(s < end and at < e for s, e in near) \
                    and all(at <= s and e <= end for s, e in inside if s < end and at < e):
                out.append(_mention(issue, at, end, type_, source))
            at = issue.text.find(name, end)
    return out


def _inside_organization(mentions: list[Mention], start: int, end: int) -> bool:
    """Already an organization's name, or inside a longer one (the full name itself)."""
    return any(m.type == "Organization" and m.start <= start and end <= m.end for m in mentions)


def _cuts(m: Mention, name: Mention) -> bool:
    """A mention the name replaces: it overlaps the name without holding all of it,
    or it is the name with another type (星枢智算 read as a person)."""
    overlaps = m.start < name.end and name.start < m.end
    holds = m.start <= name.start and name.end <= m.end
    same_span = (m.start, m.end) == (name.start, name.end)
    return overlaps and ((not holds and not same_span) or (same_span and m.type != name.type))


def _mention(issue: Issue, start: int, end: int, type_: str, source: str) -> Mention:
    starts = [s.start for s in issue.sentences]
    n = max(0, bisect_right(starts, start) - 1)
    return Mention(start, end, type_, issue.text[start:end], n, source)
