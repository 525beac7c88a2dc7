"""A name's type from its sentence: list items, Latin names, names before posts, founders'
companies, bodies founded, events and products (deals' parties: :mod:`.deals`)."""
from __future__ import annotations

import re

from ...lexicon import (
    ACADEMIC_UNITS,
    AFTER_A_PERSON,
    AGREEMENT,
    BODY_HEADS,
    DOSAGE_FORMS,
    FOUNDED_BY,
    GENERIC_ORG,
    GENERIC_SECTORS,
    GOVERNMENT_BODY,
    LATIN_POST,
    LIST_TAIL,
    MAKING_TRADES,
    OF_A_STATED_SIZE,
    OWNING,
    POST_AT_END,
    POST_SCOPES,
    SURNAMES,
    WORK_AREAS,
    alternatives,
)
from ...regions import gazetteer, is_area
from .registered import PHASE
from .words import ENTITY, HAN, LATIN, LIST_SEPARATORS, Word, claim, ends_like_org, merge

_OWNED_IN_ITEM = re.compile(OWNING)


#: Words that coordinate two names: A、B; A 与 B.
_COORDINATORS = ("、", "与", "和", "及", "同")


def latin_names(text: str, words: list[Word]) -> list[Word]:
    """A Latin word the model left untyped is an organization where the sentence says so:
    coordinated with one (与NVIDIA、Arm), a post and a person after it (Momenta CEO曹旭东),
    or the other side of an agreement (与Momenta签署)."""
    if not LATIN.search(text):  # no Latin letter in the sentence
        return words
    for k, w in enumerate(words):
        piece = text[w.start:w.end]
        if w.is_entity or len(piece) < 2 or not LATIN.fullmatch(piece) or not piece[0].isupper():
            continue
        before = [x for x in words[max(0, k - 2):k] if not text[x.start:x.end].isspace()]
        after = [x for x in words[k + 1:k + 4] if not text[x.start:x.end].isspace()]
        coordinated = any(
            len(side) >= 2 and text[side[i].start:side[i].end] in _COORDINATORS and side[j].label == "Organization"
            for side, i, j in ((before[::-1], 0, 1), (after, 0, 1)))
        titled = len(after) >= 2 and LATIN_POST.fullmatch(text[after[0].start:after[0].end]) \
            and after[1].label == "Person"
        agreed = bool(before) and text[before[-1].start:before[-1].end] in ("与", "同") \
            and bool(after) and AGREEMENT.match(text, after[0].start)
        product_of = bool(before) and before[-1].label == "Organization"  # 华为 Hicar: a product
        if (coordinated or titled or agreed) and not product_of:
            words[k] = Word(w.start, w.end, "Organization")
    return words


#: Posts of a company, after which the words before are the company's name.
_COMPANY_POST = re.compile(r"(?:联合)?(?:创始人|创办人)|(?:副)?(?:董事长|总裁|总经理)|CEO|CTO|COO|CFO|首席\w{2,4}官")
#: The end of a department's name, which may stand between a company and a post.
_DEPARTMENT_END = re.compile(r"[部处科室组办局院所系]$|中心$|事业部$")


def names_before_posts(text: str, words: list[Word]) -> list[Word]:
    """`星河(ORG) 动力 创始人 刘百奇`: a noun (or a craft: 某某 铸造) between a company and a post, not an area of
    work (技术总监) or a department (研发部), is the rest of the company's name."""
    if not _COMPANY_POST.search(text):
        return words
    k = 0
    while k + 3 < len(words):
        org, noun, j = words[k], words[k + 1], k + 2
        if text[words[j].start:words[j].end] in POST_SCOPES and j + 2 < len(words) and words[j].end == words[j + 1].start:
            j += 1  # 某某 物流 | 亚太区 总裁: the post's scope between
        post, j = words[j], j + 1
        if j + 1 < len(words) and text[words[j].start:words[j].end].isspace():
            j += 1  # 总裁 | Markus Henning
        nxt = words[j]
        piece = text[noun.start:noun.end]
        if org.label == "Organization" and (noun.label in ("n", "nz") or (noun.label in ("v", "vn") and piece in MAKING_TRADES)) \
                and org.end == noun.start \
                and noun.end == words[k + 2].start and len(piece) <= 3 and piece not in WORK_AREAS + POST_SCOPES \
                and not _DEPARTMENT_END.search(piece) and not LATIN_POST.search(piece) \
                and _COMPANY_POST.fullmatch(text[post.start:post.end]) \
                and (nxt.label == "Person" or text[nxt.start:nxt.end] in ("、", "兼") or _name_read_as_a_word(text, nxt)):
            words = merge(words, k, k + 1, "Organization")
        k += 1
    return words


def _name_read_as_a_word(text: str, word: Word) -> bool:
    """高峻/a 介绍: a word of two or three characters opening with a surname, then what a person does."""
    return 2 <= word.end - word.start <= 3 and text[word.start] in SURNAMES and word.label in ("a", "n", "v", "nz") \
        and AFTER_A_PERSON.match(text, word.end) is not None


#: The kinds of unit a university or a government names before a post: 某某学院 教授, 某某处 处长.
_UNIT_KINDS = (*ACADEMIC_UNITS, "处")
_UNIT_WORDS = ("n", "nz", "vn", "an", "j")


def units_before_posts(text: str, words: list[Word]) -> list[Word]:
    """`化学 与 化工 学院 | 教授 | 沈某`: the nouns before a post and a person, ending in a kind of
    unit (学院, 处 …) and starting a clause, are the unit's name, which the model did not read."""
    k = 0
    while k + 2 < len(words):
        post, person = words[k + 1], words[k + 2]
        last = words[k]
        if person.label == "Person" and post.end == person.start and last.end == post.start \
                and LATIN_POST.fullmatch(text[post.start:post.end]) and last.label in _UNIT_WORDS:
            first = k
            while first > 0 and words[first - 1].end == words[first].start and k - first < 4 and (
                    words[first - 1].label in _UNIT_WORDS
                    or (text[words[first - 1].start:words[first - 1].end] in ("与", "和") and first - 1 > 0)):
                first -= 1
            name = text[words[first].start:last.end]
            starts_clause = first == 0 or text[words[first - 1].start:words[first - 1].end] in "，。；：、（ "
            if starts_clause and name.endswith(_UNIT_KINDS) and len(name) >= 4 and name[0] not in "与和" \
                    and not GENERIC_ORG.match(name):
                words = merge(words, first, k, "Organization")
                k = first
        k += 1
    return words


def controlling_owners(text: str, words: list[Word]) -> list[Word]:
    """`某某集团控股 | 的 | 某某公司`: 控股 before 的 is the owning, not the end of the owner's name."""
    if "控股的" not in text:
        return words
    for k, w in enumerate(words):
        name = text[w.start:w.end]
        if w.label == "Organization" and name.endswith("控股") and text.startswith("的", w.end) \
                and ends_like_org(name[:-2]) and len(name) >= 5:
            words = words[:k] + [Word(w.start, w.end - 2, "Organization"), Word(w.end - 2, w.end, "v")] + words[k + 1:]
    return words


#: A subsidiary's word after its owner's name: 某某 | 全资子公司, 某某 | 的控股子公司, 某某 | 在华第三家全资子公司.
_SUBSIDIARY_WORD = re.compile(r"(?:旗下|下属)?的?(?:在华|在[\u4e00-\u9fff]{1,4}?的)?\s*(?:首家|第[一二三四五六七八九十\d]{1,3}家)?"
                              r"(?:全资|控股|参股)?(?:子公司|子企业|孙公司)")
#: What names no owner of its own: a pronoun or a body's kind (系其全资子公司, 为集团控股子公司).
_NO_OWNERS_NAME = re.compile(r"^(?:其|该|本|我|此|上述)|^(?:集团|公司|上市公司|母公司|央企|国企)$")


def owners_named_after_is(text: str, words: list[Word]) -> list[Word]:
    """`某某低空系某某智装全资子公司`: 系 (是, 为) between a company and its owner's name, before the word
    of a subsidiary, parts the two (the model may read them as one name, or the owner in pieces)."""
    if not _SUBSIDIARY_WORD.search(text):
        return words
    parted: list[Word] = []
    for w in words:
        name = text[w.start:w.end]
        at = name.find("系", 2)
        if w.label == "Organization" and 2 <= at <= len(name) - 3 and _SUBSIDIARY_WORD.match(text, w.end) \
                and not _NO_OWNERS_NAME.search(name[at + 1:]):
            parted += [Word(w.start, w.start + at, "Organization"), Word(w.start + at, w.start + at + 1, "v"),
                       Word(w.start + at + 1, w.end, "Organization")]
        else:
            parted.append(w)
    words = parted
    for k, w in enumerate(words[:-2]):
        if w.label != "Organization" or text[words[k + 1].start:words[k + 1].end] not in ("系", "是", "为") or words[k + 1].start != w.end:
            continue
        start = words[k + 1].end
        end = next((v.start for v in words[k + 3:k + 7] if _SUBSIDIARY_WORD.match(text, v.start)), None)
        pieces = [v for v in words[k + 2:] if v.end <= (end or 0)]
        if end is not None and 2 <= end - start <= 12 and pieces and pieces[0].start == start \
                and not any(v.is_entity and v.label not in ("Person", "Organization") for v in pieces) \
                and not (len(pieces) == 1 and pieces[0].label == "Organization") and not _NO_OWNERS_NAME.search(text[start:end]) \
                and HAN.fullmatch(text, start, end):
            words = claim(words, start, end, "Organization")
    return words


#: A unit's last character before its post, which the model read apart: 成果推广 | 处处 | 长,
#: 植保植检 | 站 | 站长.
_DIVISION_POST = re.compile(r"([处科司站])副?\1长")


def divisions_before_posts(text: str, words: list[Word]) -> list[Word]:
    """`省农科院成果推广 | 处处 | 长 | 某某`: the body is the academy; its division and the post are
    the title (成果推广处处长), as for 省科技厅 | 规划处 | 处长. A station is a body of its own:
    `某某县植保植检 | 站 | 站长` names 某某县植保植检站."""
    if not _DIVISION_POST.search(text):
        return words
    k = 0
    while k < len(words):
        w = words[k]
        post = _DIVISION_POST.match(text, w.end)
        name = text[w.start:w.end]
        if w.is_entity and post and not ends_like_org(name) and len(name) >= 3:
            unit_end = post.start() + 1
            if post.group(1) == "站":
                unit = next((j for j in range(k + 1, min(k + 3, len(words))) if words[j].end == unit_end), None)
                if unit is not None:
                    words = merge(words, k, unit, "Organization")
            elif w.label == "Organization":
                cut = next((i for i in range(len(name) - 2, 2, -1) if ends_like_org(name[:i])), None)
                last = next((j for j in range(k + 1, min(k + 4, len(words))) if words[j].end == post.end()), None)
                if cut is not None and last is not None:
                    words = words[:k] + [Word(w.start, w.start + cut, "Organization"), Word(w.start + cut, unit_end, "n"),
                                         Word(unit_end, post.end(), "n")] + words[last + 1:]
        k += 1
    return words


#: A division named alone, with no body before it: 数据资源处, 规划科.
_BARE_DIVISION = re.compile(r"(?![\u4e00-\u9fff]*(?:街道|镇|乡|办事处|联络处|代表处))[\u4e00-\u9fff]{2,8}?[处科]")


def divisions_of_the_body_before(text: str, words: list[Word]) -> list[Word]:
    """`市数据局召开…，数据资源处 | 处长 | 某某`: a division named alone after its bureau is part of the post
    held at the bureau (数据资源处处长), as for 市数据局数据资源处处长; no body of its own."""
    if not LATIN_POST.search(text):
        return words
    bureau_seen = False
    out = []
    for k, w in enumerate(words):
        piece = text[w.start:w.end]
        if w.label == "Organization" and _BARE_DIVISION.fullmatch(piece) and bureau_seen \
                and LATIN_POST.match(text, w.end) and (k == 0 or not words[k - 1].is_entity):
            w = Word(w.start, w.end, "n")
        bureau_seen |= w.label == "Organization" and GOVERNMENT_BODY.search(piece) is not None
        out.append(w)
    return out


def areas_in_posts(text: str, words: list[Word]) -> list[Word]:
    """`某某集团 亚太区 总裁 某某`: the area a post covers, between the body and the post, is part
    of the title, not a place the text is about."""
    if not LATIN_POST.search(text):
        return words
    for k in range(1, len(words) - 2):
        area, post, person = words[k], words[k + 1], words[k + 2]
        if area.label == "Region" and words[k - 1].label == "Organization" and words[k - 1].end == area.start \
                and area.end == post.start and person.label == "Person" \
                and text[area.start:area.end].endswith("区") and LATIN_POST.fullmatch(text[post.start:post.end]):
            words[k] = Word(area.start, area.end, "n")
    for k in range(len(words) - 1):  # 某某株式会社 | 中国 | 区总经理 | 某某, 、亚太区 | 总裁 | 某某: a regional post
        area = words[k]
        if area.label != "Region":
            continue
        work_area = next((a for a in WORK_AREAS if text.startswith(a, area.end)), "")  # (亚太区 | 技术总监)
        region_of_post = (text.startswith("区", area.end) and LATIN_POST.match(text, area.end + 1)) or (
            text.endswith("区", area.start, area.end) and LATIN_POST.match(text, area.end + len(work_area))
            and not gazetteer().lookup(text[area.start:area.end]))  # (海淀区 | 区长 is a district's head)
        if region_of_post and words[k + 1].start == area.end and any(w.label == "Person" for w in words[k + 1:k + 5]):
            piece = text[area.start:area.end]
            scope = next((piece[n:] for n in range(2, len(piece) - 2) if piece[n:] in POST_SCOPES or (
                piece.endswith("区") and is_area(piece[n:-1]))), "")
            brand = piece[:len(piece) - len(scope)]
            if scope and not gazetteer().head(brand, words_too=True) and not is_area(brand):
                words[k:k + 1] = [Word(area.start, area.end - len(scope), "Organization"),
                                  Word(area.end - len(scope), area.end, "n")]  # 某某亚太区 | 技术总监: the company's
                continue
            words[k] = Word(area.start, area.end, "n")
    for k in range(len(words) - 1):  # 某某资本投资 | 总监 | 宋某: the area the model read into the name
        name, post = words[k], words[k + 1]
        if name.label != "Organization" or name.end != post.start:
            continue
        field = text.endswith(WORK_AREAS, name.start, name.end) and next(
            a for a in WORK_AREAS if text.endswith(a, name.start, name.end))
        if field and LATIN_POST.match(text, post.start, post.end) and ends_like_org(text[name.start:name.end - len(field)]):
            words[k:k + 2] = [Word(name.start, name.end - len(field), "Organization"),
                              Word(name.end - len(field), post.end, "n")]
        elif name.end - name.start >= 4 and text[name.end - 1:name.end + 1] in _AREAS_OF_TWO \
                and LATIN_POST.match(text, name.end + 1):
            words[k:k + 2] = [Word(name.start, name.end - 1, "Organization"),
                              Word(name.end - 1, post.end, "n")]  # 某某科创投 | 资经理, 某某科创投 | 资 | 经理: an area cut in two
    return words


#: Areas of work of two characters, which LAC may cut in two across a name and its post (某某投 | 资经理).
_AREAS_OF_TWO = tuple(a for a in WORK_AREAS if len(a) == 2)


def founded_subjects(text: str, words: list[Word]) -> list[Word]:
    """`云帆智能由张远航于2018年创办`: what a person or body founded is an organization."""
    if "由" not in text:
        return words
    for k, w in enumerate(words):
        if text[w.start:w.end] != "由" or k == 0 or k + 1 >= len(words) or not words[k + 1].is_entity \
                or not FOUNDED_BY.match(text[words[k + 1].end:words[k + 1].end + 30]):
            continue
        first = k
        while first > 0 and words[first - 1].label in ("n", "nz", "Person", "Organization", "Region") \
                and words[first - 1].end == words[first].start and k - first < 3:
            first -= 1
        piece = text[words[first].start:words[k - 1].end] if first < k else ""
        clause_start = first == 0 or text[words[first - 1].start:words[first - 1].end] in "，。；：、"
        if clause_start and 2 <= len(piece) <= 12 and (k - first > 1 or words[first].label != "Organization"):
            return merge(words, first, k - 1, "Organization")
    return words


_FIELDS = re.compile(r"领域|环节|行业|产业|赛道|方向|板块|类")


def _division(text: str, w: Word) -> bool:
    """马来西亚, 湖北省: a place of the division data read as a place (in 某国、某国等国的工厂 the
    list's tail names bodies of the places)."""
    return w.label == "Region" and gazetteer().lookup(text[w.start:w.end]) is not None


def lists(text: str, words: list[Word]) -> list[Word]:
    """Items of a 、-list take the entity type that the named items share.

    A list counts as typed when at least two items are named with one type and
    no other type is as common, or when it ends in 等企业 / 等机构 (organizations).
    """
    if not any(sep in text for sep in LIST_SEPARATORS):
        return words
    seps = [k for k, w in enumerate(words) if text[w.start:w.end] in LIST_SEPARATORS]
    if not seps:
        return words
    runs, run = [], [seps[0]]
    for k in seps[1:]:
        if k - run[-1] <= 5 and not any(text[w.start:w.end] in _CLAUSE_BREAKS for w in words[run[-1] + 1:k]):
            run.append(k)
        else:
            runs.append(run)
            run = [k]
    runs.append(run)
    for run in reversed(runs):  # merging items shortens the list: later runs first keep earlier indices true
        items = _list_items(text, words, run)
        if not items:
            continue
        named = [words[a].label for a, b in items if a == b and words[a].is_entity]
        counts = {t: named.count(t) for t in ENTITY}
        best = max(counts, key=lambda t: counts[t])
        # 等一批高成长的创新药企业: organizations, unless the model read people (王某、李某等一批
        # 科学家创办的企业)
        end = words[items[-1][1]].end
        tail = LIST_TAIL.match(text[end:end + 18])
        # …等细分领域企业, 等 5 个环节的企业: the items are fields the companies work in
        of_bodies = tail is not None and not _FIELDS.search(tail.group()) and not (best == "Person" and counts[best] >= 2) \
            and not (not named and all(a == b and words[a].end - words[a].start <= 2 for a, b in items))
        # (引进仓储、冷链、印刷等配套企业: common words of two characters, none named, are trades)
        if of_bodies:
            best = "Organization"
        elif counts[best] < 2 or sorted(counts.values())[-2] == counts[best]:
            continue
        for a, b in reversed(items):
            piece = text[words[a].start:words[b].end]
            if a == b and words[a].is_entity:
                if words[a].label != best and ((of_bodies and best == "Organization" and not _division(text, words[a])) or
                                                (counts[best] >= 3 and counts[words[a].label] == 1)):
                    words[a] = Word(words[a].start, words[a].end, best)
                continue
            if not 2 <= len(piece) <= 10 or GENERIC_SECTORS.search(piece) or _OWNED_IN_ITEM.search(piece):
                continue  # 某某资本旗下基金: an owner and what it owns, not one name
            brand_read_as_a_person = best == "Organization" and a > 0 and words[a - 1].label == "Person" \
                and words[a - 1].end - words[a - 1].start == 2  # 某岬/PER | 海工/n、…有限公司: a brand and its trade
            if a > 0 and (words[a - 1].label == best or brand_read_as_a_person) and words[a - 1].end == words[a].start and a == b \
                    and words[a].label in ("n", "nz"):
                a -= 1  # 长城(ORG) 网际(n): the name's head was tagged, its tail not
            if re.fullmatch(r"[\d.%％]+", piece) or any(text[words[x].start:words[x].end] in _CLAUSE_BREAKS
                                                        for x in range(a, b + 1)):
                continue
            if words[a].is_entity and words[b].is_entity and any(words[x].label == "c" for x in range(a, b + 1)):
                continue  # 香港、澳门 | 及 | 英国、法国: two names in one item
            if best == "Person" and any(words[x].label in ("Organization", "Region")
                                        or POST_AT_END.search(text, words[x].start, words[x].end) for x in range(a, b + 1)):
                continue  # 某某建筑 | 总经理 | 曹某: a body, a post and a person, no one name
            words = merge(words, a, b, best)
    return words


_CLAUSE_BREAKS = set("，。；：:！？“”《》（）() ") | {"等"}
_ITEM_STOPS = {"p", "c", "u", "d", "r", "w", "xc", "f", "q"}


def _list_items(text: str, words: list[Word], run: list[int]) -> list[tuple[int, int]]:
    """(first word, last word) of each item around the separators of one run."""
    items = []
    # the first item: back from the first separator over name-like words, at most 3
    a = run[0] - 1
    first = a
    while first - 1 >= 0 and a - first < 2 and words[first - 1].label not in _ITEM_STOPS \
            and not words[first - 1].is_entity and not words[first].is_entity \
            and words[first - 1].label not in ("v", "vd"):
        first -= 1
    if a >= 0 and words[a].label not in _ITEM_STOPS:
        items.append((first, a))
    for x, y in zip(run, run[1:]):
        if y - x >= 2:
            items.append((x + 1, y - 1))
    # the last item: forward over name-like words until a stop word, 等, or a verb
    b = run[-1] + 1
    last = b
    while last + 1 < len(words) and last - b < 2 and not words[last].is_entity \
            and words[last + 1].label not in _ITEM_STOPS | {"v", "vd", "vn"} \
            and not words[last + 1].is_entity and text[words[last + 1].start:words[last + 1].end] != "等":
        last += 1
    if b < len(words) and words[b].label not in _ITEM_STOPS:
        items.append((b, last))
    return items


#: Before a kind of body: every one of them, no one body (各设区市国资委, 各区县科技局).
_EACH = re.compile(r"各(?:个|设|开发|高新|类|级)?$")


def bodies_of_each(text: str, words: list[Word]) -> list[Word]:
    """各设区市国资委: the bodies of every city, named by their kind, are not one organization."""
    if "各" not in text:
        return words
    return [Word(w.start, w.end, "n") if w.label == "Organization" and _EACH.search(text, max(0, w.start - 3), w.start)
            else w for w in words]


#: A founding verb and 的 right before what was founded: 共同出资组建的 | 某某联合创新中心.
_FOUNDED_BEFORE = re.compile(rf"(?:组建|设立|成立|共建|创办|创立|发起设立)(?:的|{OF_A_STATED_SIZE})$")  # (设立规模 5 亿元的)
_FOUNDED_BEFORE_ANYWHERE = re.compile(_FOUNDED_BEFORE.pattern.rstrip("$"))
#: The kinds of body a founding verb and 的 name: a body's head, or a fund.
_FOUNDED_KINDS = (*BODY_HEADS, "基金")
_FOUNDED_PARTS = frozenset({"n", "nz", "nw", "v", "vn", "vd", "an", "a", "j", "f", "ORG", "LOC", "Region", "Organization",
                            "Person"})


def founded_objects(text: str, words: list[Word]) -> list[Word]:
    """共同出资组建的 | 某某 功率 器件 联合创新 中心, 发起设立规模 5 亿元的 | 某某 概念 验证 基金: the words up to a
    body's head after a founding verb and 的 name the body founded, however the model read them, and end
    before a verb said of it (某某中心 | 获批 | 省级工程研究中心)."""
    if not _FOUNDED_BEFORE_ANYWHERE.search(text):
        return words
    for k, w in enumerate(words):
        if text[w.start:w.end] != "的" or not _FOUNDED_BEFORE.search(text, 0, w.end):
            continue
        end = None
        first = k + 1
        while first < len(words) and not text[words[first].start:words[first].end].strip():
            first += 1  # 共建的 | G60 科创走廊…中心: the space PDF text leaves around Latin letters
        for j in range(first, min(first + 12, len(words))):
            piece = text[words[j].start:words[j].end]
            if (words[j].label not in _FOUNDED_PARTS and piece not in ("—", "-") and piece.strip()
                    and not (words[j].label == "m" and PHASE.fullmatch(piece))
                    and not (piece in ("与", "和") and j > first and end is None)) \
                    or words[j].start != words[j - 1].end or (end is not None and words[j].label == "v"):
                break  # (a dash joins the partners' names: 某某—某某柔性显示材料联合实验室; a fund's phase: 二期;
                # 与 inside the name before its kind: 某某评价与转化研究中心)
            if text[words[first].start:words[j].end].endswith(_FOUNDED_KINDS) and words[j].end - words[first].start >= 6 \
                    and (not text.endswith("基金", 0, words[j].end) or words[first].is_entity or words[first].label in ("ORG", "LOC")):
                end = j  # (a fund is named by its place or sponsor: not 低空产业基金, a kind of fund)
        if end is not None:
            words = claim(words, words[first].start, words[end].end, "Organization")
    return words


#: Events, which the guidelines do not count as organizations: 某某创投大会, 投资贸易洽谈会, 沙龙.
_EVENT_WORDS = ("大会", "沙龙", "论坛", "峰会", "博览会", "交易会", "洽谈会", "推介会", "交流会", "年会", "路演", "大赛", "展会")
_EVENT = re.compile(alternatives(_EVENT_WORDS))


def events(text: str, words: list[Word]) -> list[Word]:
    """天府创投 | 大会, 中国国际投资贸易洽谈会: a name of an event, or the first words of one, is no
    organization (but 全国人民代表大会 is)."""
    if not _EVENT.search(text):
        return words
    out: list[Word] = []
    for w in words:
        event = next((e for e in _EVENT_WORDS if text.endswith(e, w.start, w.end)), None) \
            if w.label == "Organization" and not text.endswith("代表大会", w.start, w.end) else None
        if event and text.endswith(_HOSTS, w.start, w.end - len(event)):  # 联合国 | 大会: the host stays
            out += [Word(w.start, w.end - len(event), w.label), Word(w.end - len(event), w.end, "n")]
        elif event or (w.label == "Organization" and _EVENT.match(text, w.end) and not text.endswith(_HOSTS, w.start, w.end)):
            out.append(Word(w.start, w.end, "n"))
        else:
            out.append(w)
    return out


#: A body that holds its own meeting: 某某理事会 | 年会, 联合国 | 大会 (the body is named, the event is not).
_HOSTS = ("会", "国", "协", "组织", "集团", "公司", "局", "委", "部", "院", "联盟")


#: A verb of bringing out a product, before its quoted name: 推出“某某通”联名卡.
_LAUNCHED = re.compile(r"(?:推出|发布|上线|打造|开发|研发|发行|推介|首发)\s*“\s*$")


def products(text: str, words: list[Word]) -> list[Word]:
    """联合推出“某某行”信用卡: a quoted name after a verb of launching is a product's, no body's
    (unless it ends like one: 打造“某某研究院”)."""
    return [Word(w.start, w.end, "nz") if w.label == "Organization" and (
        (_LAUNCHED.search(text, 0, w.start) and text.startswith("”", w.end) and not ends_like_org(text[w.start:w.end]))
        or text.endswith(DOSAGE_FORMS, w.start, w.end)) else w for w in words]  # (“某某补血颗粒”: a medicine)

