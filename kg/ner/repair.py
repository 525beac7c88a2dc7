"""Repair names the model cuts short, splits, or misses inside a list.

Works on the backend's words (``pos:TAG`` spans, LAC's tag set) around its
entity spans; with a backend that gives no words, entity spans pass unchanged
except for the character-level rules.

- suffix extension: 市经济和 | 信息化局 → 市经济和信息化局; 钟鼎(PER) | 资本 → 钟鼎资本 (ORG)
- prefix extension: 北京市(LOC) | 经济和信息化局(ORG) → one ORG; Aspex | 思柏投资 → one ORG
- lists: in 阿里巴巴、快手、饿了么、腾讯 the unnamed items take the type the named ones share
- investors: the word before 领投 / 跟投 is an organization
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..doc import Span
from ..lexicon import (
    AGREEMENT,
    BODY_HEADS,
    DESCRIBED_COMPANY,
    DESCRIPTOR,
    FOUNDED_BY,
    FUNDED,
    GENERIC_INVESTORS,
    GENERIC_ORG,
    GENERIC_PLACE,
    GENERIC_SECTORS,
    GOVERNMENT_BODY,
    GOVERNMENT_BODY_ENDS,
    INVESTOR_ROLE,
    LATIN_POST,
    LEADING_CONNECTIVES,
    LIST_TAIL,
    NOT_ORG_WORDS,
    ORG_SUFFIXES,
    PARENT_HEADS,
    POST_AT_END,
    REGION_PREFIX_WORDS,
    STRONG_SUFFIX_WORDS,
    UNIT_TAILS,
    WORK_AREAS,
    ZONE_SUFFIXES,
)
from ..regions import gazetteer
from ..vocab import NAME_TYPES

ENTITY = NAME_TYPES
NOUNISH = {"n", "nz", "nw", "vn", "an", "m", "ORG", "LOC"}
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")
LATIN_THEN_SPACE = re.compile(r"[A-Za-z0-9] ")
LIST_SEPARATORS = ("、",)
#: A name has letters or digits (360): a rule of box-drawing characters (────) names nothing.
_HAS_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


class _Word(NamedTuple):
    """A word or a name of one sentence; a tuple, as a sentence has dozens of them."""

    start: int
    end: int
    label: str  # an entity type or a LAC tag

    @property
    def is_entity(self) -> bool:
        return self.label in ENTITY


def _words(spans: Sequence[Span]) -> list[_Word]:
    labels = _LABELS
    return [_Word(s.start, s.end, labels.get(s.type) or _label(s.type))
            for s in sorted(spans, key=_order)]


def _order(span: Span) -> tuple[int, int]:
    return span.start, -span.end


_LABELS: dict[str, str] = {}


def _label(type_: str) -> str:
    """``pos:n`` -> ``n``; entity types stay."""
    label = _LABELS[type_] = type_[4:] if type_.startswith("pos:") else type_
    return label


def repair(text: str, spans: Sequence[Span]) -> list[Span]:
    """Entity spans of one sentence after repair; ``pos:`` words are consumed here."""
    words = _words(spans)
    if not any(not w.is_entity for w in words):
        return [s for s in spans if s.type in ENTITY and _HAS_LETTERS.search(text[s.start:s.end])]
    words = _split_joined(text, words)
    words = _posts_inside_names(text, words)
    words = _join_latin_names(text, words)
    words = _bracketed_seats(text, words)
    words = _extend_suffixes(text, words)
    words = _extend_prefixes(text, words)
    words = _zones(text, words)
    words = _bodies_after_a_place(text, words)
    words = _units(text, words)
    words = _government_bodies(text, words)
    words = _investors(text, words)
    words = _counterparts(text, words)
    words = _funded(text, words)
    words = _lists(text, words)
    words = _latin_names(text, words)
    words = _names_before_posts(text, words)
    words = _founded_subjects(text, words)
    source = spans[0].source if spans else "model"
    return [Span(w.start + _descriptor_prefix(text[w.start:w.end], w.label), w.end, w.label, source)
            for w in words if w.is_entity and _HAS_LETTERS.search(text[w.start:w.end])
            and not GENERIC_SECTORS.match(text[w.start:w.end])
            and not (w.label == "Organization" and GENERIC_ORG.match(text[w.start:w.end]))
            and not (w.label == "Region" and GENERIC_PLACE.match(text[w.start:w.end]))]




def _descriptor_prefix(name: str, label: str) -> int:
    """`量子计算测控系统研发商北京衡芯量子科技有限公司`: the name starts after the description;
    `会同市经信局`: after the connective the model took in."""
    if label != "Organization":
        return 0
    m = DESCRIBED_COMPANY.match(name)
    if m:
        return m.end()
    connective = next((c for c in LEADING_CONNECTIVES if name.startswith(c)), None)
    return len(connective) if connective and len(name) - len(connective) >= 3 else 0


def _merge(words: list[_Word], i: int, j: int, label: str) -> list[_Word]:
    """Words i..j (inclusive) become one word with ``label``."""
    merged = _Word(words[i].start, words[j].end, label)
    return words[:i] + [merged] + words[j + 1:]


def _ends_like_org(text: str) -> bool:
    return text.endswith(ORG_SUFFIXES) and not NOT_ORG_WORDS.search(text)


#: Words that join two bodies acting together: 市政府会同市发改委, 省科技厅联合省教育厅.
_JOINING = re.compile(r"共同组建|联合组建|共建|会同|联合|携手|联手|协同|与|和|及")
#: What follows 联合 inside one name: 联合会, 联合体, 联合国, 联合实验室.
_JOINED_NAME_TAIL = ("会", "体", "国", "实验", "创新", "研究", "办公", "培养", "学院", "大学", "基金", "舰队")


#: A company's legal form, then words about what it owns: 某某有限公司 | 旗下子公司.
_OWNED_AFTER_NAME = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|集团公司|集团)(旗下|下属|所属|全资|控股(?=子)|的)")
#: A noun for what a company owns (旗下子公司, 全资子公司): never the tail of its name.
_OWNED_NOUN = re.compile(r"(?:旗下|下属|所属|全资|控股子)")


def _split_joined(text: str, words: list[_Word]) -> list[_Word]:
    """`云梦市人民政府会同市发展和改革委员会` read as one name: two bodies and the word between;
    `某某有限公司旗下子公司`: the company, then what it owns.

    Split only where both sides are names of their own (each ends like an
    organization and has words before its suffix), so 发展和改革委员会 and
    联合实验室 stay whole.
    """
    out: list[_Word] = []
    for w in words:
        if w.label == "Organization" and w.end - w.start >= 7:
            owned = _OWNED_AFTER_NAME.search(text, w.start, w.end)
            if owned and w.end - owned.start(1) >= 2:  # 某某有限公司 | 旗下 | 子公司
                company = _Word(w.start, owned.start(1), w.label)
                out.extend(_joined_parts(text, company) or [company])
                out.append(_Word(owned.start(1), owned.end(1), "f"))
                if owned.end(1) < w.end:
                    out.append(_Word(owned.end(1), w.end, "n"))
                continue
            w_parts = _joined_parts(text, w)
            if w_parts:
                out.extend(w_parts)
                continue
        out.append(w)
    return out


def _joined_parts(text: str, w: _Word) -> list[_Word] | None:
    name = text[w.start:w.end]
    for m in _JOINING.finditer(name, 3):
        left, right = name[:m.start()], name[m.end():]
        both_bodies = len(right) >= 3 and _names_a_body(left) and _names_a_body(right) \
            and not right.startswith(_JOINED_NAME_TAIL) and not _bare_suffix(right)
        # 华为云与科大讯飞: a name with 与 inside ends in its suffix (区块链与边缘计算研究院)
        two_brands = m.group() in ("与", "和", "及") and len(right) >= 2 \
            and not _names_a_body(left) and not _names_a_body(right)
        if both_bodies or two_brands:
            at, after = w.start + m.start(), w.start + m.end()
            return [_Word(w.start, at, "Organization"), _Word(at, after, "c"), _Word(after, w.end, "Organization")]
    return None


def _names_a_body(name: str) -> bool:
    return _ends_like_org(name) or bool(GOVERNMENT_BODY.search(name))


def _bare_suffix(name: str) -> bool:
    """研究院, 有限公司: a suffix with nothing before it names nothing."""
    return any(name.endswith(suffix) and len(name) - len(suffix) < 2 for suffix in ORG_SUFFIXES)


def _posts_inside_names(text: str, words: list[_Word]) -> list[_Word]:
    """`猇亭区委书记`, `宜昌市委常委` read as one name: the body, then the post."""
    out: list[_Word] = []
    for w in words:
        if w.label in ("Organization", "Region"):
            post = POST_AT_END.search(text, w.start, w.end)
            if post and post.start() - w.start >= 3:
                body = text[w.start:post.start()]
                label = "Organization" if GOVERNMENT_BODY.search(body) or _ends_like_org(body) else w.label
                out += [_Word(w.start, post.start(), label), _Word(post.start(), w.end, "n")]
                continue
        out.append(w)
    return out


def _join_latin_names(text: str, words: list[_Word]) -> list[_Word]:
    """`Aspex 思柏投资`, `BAI 资本`: a Latin word, a space, then an organization word."""
    if not LATIN_THEN_SPACE.search(text):
        return words
    i = 0
    while i + 1 < len(words):
        a, b = words[i], words[i + 1]
        gap = text[a.end:b.start]
        nxt = words[i + 2] if i + 2 < len(words) and text[b.end:words[i + 2].start] == "" else None
        if LATIN.fullmatch(text[a.start:a.end]) and gap.strip() == "" and b.start == a.end + len(gap):
            target = b if b.label == "Organization" or _ends_like_org(text[b.start:b.end]) else None
            if target is None and nxt is not None and _ends_like_org(text[b.start:nxt.end]):
                words = _merge(words, i, i + 2, "Organization")
                continue
            if target is not None:
                words = _merge(words, i, i + 1, "Organization")
                continue
        i += 1
    return words


_BRACKETED_SEAT = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")
_AFTER_SEAT = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,12}?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团)")
#: Tags that cannot be part of a company name before its bracketed seat.
_NOT_NAME_TAGS = {"p", "v", "vd", "c", "u", "d", "w", "r", "xc", "q", "m", "f", "TIME"}


def _bracketed_seats(text: str, words: list[_Word]) -> list[_Word]:
    """联想（北京）有限公司, 百度在线网络技术（北京）有限公司: a company named with its seat
    in brackets is one name, however the model cut it."""
    for m in _BRACKETED_SEAT.finditer(text):
        after = _AFTER_SEAT.match(text, m.end())
        if not after or gazetteer().lookup(m.group(1)) is None:
            continue
        first = None
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w.end > m.start():
                continue
            if w.end != (words[first].start if first is not None else m.start()) or w.label in _NOT_NAME_TAGS \
                    or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", text[w.start:w.end]) \
                    or m.start() - w.start > 16:
                break
            first = k
        if first is not None:
            words = _claim(words, words[first].start, after.end(), "Organization")
    return words


def _extend_suffixes(text: str, words: list[_Word]) -> list[_Word]:
    out = list(words)
    i = 0
    while i < len(out):
        w = out[i]
        starts_name = w.is_entity or w.label in ("nz", "ORG")
        if starts_name:
            end = _suffix_end(text, out, i)
            if end is not None:
                out = _merge(out, i, end, "Organization")
        i += 1
    return [_Word(w.start, w.end, "Organization") if w.label == "ORG" else w for w in out]


def _suffix_end(text: str, words: list[_Word], i: int) -> int | None:
    """The last word of an organization name that starts at word i, if its tail is missing."""
    best = None
    j = i + 1
    length = words[i].end - words[i].start
    while j < len(words) and j <= i + 4:
        w = words[j]
        piece = text[w.start:w.end]
        if w.start != words[j - 1].end:
            break
        if piece in "（(" and j + 2 < len(words):
            # a bracketed region inside a company name: 中科世通亨奇（北京）科技有限公司
            close = words[j + 2]
            if text[words[j + 1].start:words[j + 1].end] and text[close.start:close.end] in "）)":
                j += 3
                continue
            break
        if w.label == "Person" or NOT_ORG_WORDS.search(piece) or _OWNED_NOUN.match(piece):
            break
        strong = piece in STRONG_SUFFIX_WORDS and (piece != "投资" or _ends_item(text, w.end))
        if w.label not in NOUNISH and not w.is_entity and not strong:
            break
        length += w.end - w.start
        if length > 24:
            break
        if strong or (_ends_like_org(piece) and (len(piece) >= 2 or w.label in ("n", "ORG"))):
            best = j
        j += 1
    return best


def _government_bodies(text: str, words: list[_Word]) -> list[_Word]:
    """市 | 经济 | 和 | 信息化局 → 市经济和信息化局: a level word or region, then nouns
    ending in a government body's suffix."""
    if not GOVERNMENT_BODY_ENDS.search(text):  # no word of the sentence can end like one
        return words
    i = 0
    while i < len(words):
        w = words[i]
        piece = text[w.start:w.end]
        if piece in ("市", "省", "区", "县", "国家") or w.label == "Region" or (
                piece[0] in "市省区县" and w.label in ("n", "nz", "Organization") and len(piece) <= 6):
            j, end = i + 1, None
            while j < len(words) and j <= i + 5 and words[j].start == words[j - 1].end:
                label, word = words[j].label, text[words[j].start:words[j].end]
                if label not in ("n", "nz", "vn", "c", "an") or (label == "c" and word not in ("和", "与")):
                    break
                if GOVERNMENT_BODY.search(word) and not NOT_ORG_WORDS.search(word):
                    end = j
                j += 1
            if end is not None and end > i:
                words = _merge(words, i, end, "Organization")
        i += 1
    return words


#: The words between a place and the kind of zone it names: nouns and the like, never
#: a preposition, conjunction or verb (苏州工业园区 | 以 | 园区 is not one place).
_ZONE_PARTS = ("n", "nz", "nw", "vn", "an", "s", "j", "Region")


def _zones(text: str, words: list[_Word]) -> list[_Word]:
    """贵阳 | 综保区, 济南 | 高新区: a place, then the kind of zone, is one place."""
    i = 0
    while i < len(words):
        w = words[i]
        if w.label == "Region":
            j, end = i + 1, None
            while j < len(words) and j <= i + 3 and words[j].start == words[j - 1].end \
                    and words[j].label in _ZONE_PARTS:
                if text[w.start:words[j].end].endswith(ZONE_SUFFIXES):
                    end = j
                j += 1
            if end is not None:
                words = _merge(words, i, end, "Region")
        i += 1
    return words


#: Words that may make up a unit's name between its parent and its tail: 能源 与 动力 工程.
_UNIT_PARTS = ("n", "nz", "nw", "vn", "an", "j")


_CAMPUS = re.compile(r"[（(][^（）()]{1,6}[）)]$")


def _campus_follows(text: str, words: list[_Word], i: int) -> bool:
    """A university, then its city in brackets: 中国矿业大学 | （ | 徐州 | ）."""
    if i + 3 >= len(words) or not text[words[i].start:words[i].end].endswith(("大学", "学院")):
        return False
    opening, place, closing = words[i + 1], words[i + 2], words[i + 3]
    return (text[opening.start:opening.end] in ("（", "(") and place.label == "Region"
            and text[closing.start:closing.end] in ("）", ")")
            and all(words[k].start == words[k - 1].end for k in range(i + 1, i + 4)))


def _units(text: str, words: list[_Word]) -> list[_Word]:
    """清华大学 | 能源 与 动力 工程 | 系: a parent body, nouns, then a unit's tail (系, 学院,
    研究所 …) is the unit's name, even where the model read 系 as a verb; the parent is
    found inside it again later (:mod:`kg.ner.names`)."""
    i = 0
    while i < len(words):
        w = words[i]
        if w.label == "Organization" and _campus_follows(text, words, i):
            words = _merge(words, i, i + 3, "Organization")  # 中国矿业大学（徐州）: a campus's name
            w = words[i]
        if w.label == "Organization" and _CAMPUS.sub("", text[w.start:w.end]).endswith(PARENT_HEADS):
            j, end, nouns = i + 1, None, 0
            while j < len(words) and j <= i + 7 and words[j].start == words[j - 1].end:
                word = text[words[j].start:words[j].end]
                if nouns and word.endswith(UNIT_TAILS) and text[w.end:words[j].end].endswith(UNIT_TAILS):
                    end = j
                    break
                if words[j].label in _UNIT_PARTS:
                    nouns += 1
                elif not (words[j].label == "c" and word in ("与", "和") and nouns):
                    break
                j += 1
            if end is not None:
                words = _merge(words, i, end, "Organization")
        i += 1
    return words


def _ends_item(text: str, pos: int) -> bool:
    """The next character closes a list item or a name (、，。 等 跟投 …)."""
    return pos >= len(text) or text[pos] in "、，。；：）)和与及等跟领继持也均"


#: Words that may name what a body does between its place and its kind: 新型 显示 技术创新 | 中心.
_BODY_PARTS = ("n", "nz", "nw", "vn", "an", "a", "j")


def _bodies_after_a_place(text: str, words: list[_Word]) -> list[_Word]:
    """湖北省 | 新型 显示 技术创新 | 中心: a place, what the body does, and a body's kind
    (创新中心, 研究院, 联盟 …) is one organization the model read as a place and words."""
    i = 0
    while i < len(words):
        if words[i].label == "Region":
            j, end = i + 1, None
            while j < len(words) and j <= i + 6 and words[j].start == words[j - 1].end \
                    and (words[j].label in _BODY_PARTS or (  # 新型 显示(v): a verb inside, not first
                        j > i + 1 and words[j].label == "v" and words[j].end - words[j].start == 2)):
                if j > i + 1 and text[words[i].end:words[j].end].endswith(BODY_HEADS) \
                        and words[j].end - words[i].start <= 20:
                    end = j
                j += 1
            if end is not None:
                words = _merge(words, i, end, "Organization")
        i += 1
    return words


def _extend_prefixes(text: str, words: list[_Word]) -> list[_Word]:
    """北京市 + 经济和信息化局, 市 + 经信局: a region or a level word before an organization."""
    i = 1
    while i < len(words):
        w, prev = words[i], words[i - 1]
        if w.label == "Organization" and prev.end == w.start:
            piece = text[prev.start:prev.end]
            body = text[w.start:w.end]
            if (prev.label == "Region" and (GOVERNMENT_BODY.search(body) or piece.endswith(("市", "省", "区", "县")))) \
                    or piece in REGION_PREFIX_WORDS:
                words = _merge(words, i - 1, i, "Organization")
                i = max(i - 1, 1)
                continue
        i += 1
    return words


_CLAUSE_START = re.compile(r"[，。；：:！？]|本轮(?:融资|投资)?由|由")
_ADVERBS = re.compile(r"(?:等[^、，]{0,8}?(?:股东|资方|机构|投资方|投资人)|等|联合|共同|持续|继续|也|均|曾|已|再次|此前)+$")


def _investors(text: str, words: list[_Word]) -> list[_Word]:
    """Names before 领投 / 跟投 are investors: `由君联资本领投，中芯聚源、琥珀资本跟投`."""
    for m in INVESTOR_ROLE.finditer(text):
        head = text[:m.start()]
        starts = [b.end() for b in _CLAUSE_START.finditer(head)]
        clause_start = starts[-1] if starts else 0
        pos = clause_start
        for piece in re.split(r"(、|和|及)", head[clause_start:]):
            start, pos = pos, pos + len(piece)
            if piece in ("、", "和", "及"):
                continue
            name = _ADVERBS.sub("", piece)
            name = re.sub(r"^(?:老股东|新股东|股东|投资方|其他机构|机构)", "", name)
            if name.strip() and 2 <= len(name.strip()) <= 16 and not GENERIC_INVESTORS.match(name.strip()):
                name_start = start + piece.find(name)
                words = _claim(words, name_start + len(name) - len(name.lstrip()),
                               name_start + len(name.rstrip()), "Organization")
    return words




def _funded(text: str, words: list[_Word]) -> list[_Word]:
    """`地平线完成 C2 轮融资`, `Keep 完成 F 轮融资`: who is funded is an organization."""
    if "融资" not in text:
        return words
    k = 0
    while k < len(words):
        w = words[k]
        if w.is_entity or not FUNDED.match(text, w.end):
            k += 1
            continue
        piece = text[w.start:w.end]
        first = k
        while first > 0 and words[first - 1].label in ("n", "nz") and words[first - 1].end == words[first].start \
                and not DESCRIPTOR.search(text[words[first - 1].start:words[first - 1].end]) and k - first < 2:
            first -= 1
        # 星河(ORG) 动力 完成 B 轮融资: the model named the first half of the name
        named_head = first > 0 and words[first - 1].label in ("Organization", "Person") \
            and words[first - 1].end == words[first].start
        if named_head:
            first -= 1
        after_descriptor = first > 0 and DESCRIPTOR.search(text[words[first - 1].start:words[first - 1].end])
        starts_clause = first == 0 or words[first - 1].label in ("w", "TIME")
        name_like = (w.label == "nz" and len(piece) >= 2) or bool(LATIN.fullmatch(piece)) \
            or (w.label == "n" and (named_head or after_descriptor or (starts_clause and len(piece) >= 2)))
        if name_like and not GENERIC_INVESTORS.match(piece) and not DESCRIPTOR.search(piece):
            start = first if after_descriptor or named_head else k
            words = _merge(words, start, k, "Organization")
            k = start
        k += 1
    return words






def _counterparts(text: str, words: list[_Word]) -> list[_Word]:
    """`国盾量子与神州信息签署合作协议`: both sides of an agreement are organizations."""
    if not AGREEMENT.search(text):
        return words
    for k, w in enumerate(words):
        if text[w.start:w.end] not in ("与", "和", "同") or k == 0 or k + 1 >= len(words):
            continue
        clause_end = next((x.start for x in words[k:] if text[x.start:x.end] in "，。；！？"), len(text))
        if not AGREEMENT.search(text, w.end, clause_end):
            continue
        left, right = words[k - 1], words[k + 1]
        if right.label == "Organization" and not left.is_entity:
            first = k - 1
            while first > 0 and words[first - 1].label in ("n", "nz") and k - first < 3:
                first -= 1
            piece = text[words[first].start:left.end]
            if all(words[x].label in ("n", "nz") for x in range(first, k)) and 2 <= len(piece) <= 10 \
                    and (first == 0 or words[first - 1].label in ("w", "p", "c", "TIME", "d")):
                return _counterparts(text, _merge(words, first, k - 1, "Organization"))
        if left.label == "Organization" and not right.is_entity:
            last = k + 1
            while last + 1 < len(words) and words[last + 1].label in ("n", "nz") and last - k < 3:
                last += 1
            piece = text[right.start:words[last].end]
            if all(words[x].label in ("n", "nz") for x in range(k + 1, last + 1)) and 2 <= len(piece) <= 10 \
                    and last + 1 < len(words) and words[last + 1].label in ("v", "p", "d", "w"):
                return _counterparts(text, _merge(words, k + 1, last, "Organization"))
    return words


#: Words that coordinate two names: A、B; A 与 B.
_COORDINATORS = ("、", "与", "和", "及", "同")


def _latin_names(text: str, words: list[_Word]) -> list[_Word]:
    """A Latin word the model left untyped is an organization where the sentence says so:
    coordinated with one (与NVIDIA、Arm), a post and a person after it (Momenta CEO曹旭东),
    or the other side of an agreement (与Momenta签署)."""
    if not any(c.isascii() and c.isalpha() for c in text):
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
            words[k] = _Word(w.start, w.end, "Organization")
    return words


#: Posts of a company, after which the words before are the company's name.
_COMPANY_POST = re.compile(r"(?:联合)?(?:创始人|创办人)|(?:副)?(?:董事长|总裁|总经理)|CEO|CTO|COO|CFO|首席\w{2,4}官")
#: The end of a department's name, which may stand between a company and a post.
_DEPARTMENT_END = re.compile(r"[部处科室组办局院所系]$|中心$|事业部$")


def _names_before_posts(text: str, words: list[_Word]) -> list[_Word]:
    """`星河(ORG) 动力 创始人 刘百奇`: a noun between a company and a post, not an area of
    work (技术总监) or a department (研发部), is the rest of the company's name."""
    k = 0
    while k + 3 < len(words):
        org, noun, post, nxt = words[k], words[k + 1], words[k + 2], words[k + 3]
        piece = text[noun.start:noun.end]
        if org.label == "Organization" and noun.label in ("n", "nz") and org.end == noun.start \
                and noun.end == post.start and len(piece) <= 3 and piece not in WORK_AREAS \
                and not _DEPARTMENT_END.search(piece) and not LATIN_POST.search(piece) \
                and _COMPANY_POST.fullmatch(text[post.start:post.end]) \
                and (nxt.label == "Person" or text[nxt.start:nxt.end] in ("、", "兼")):
            words = _merge(words, k, k + 1, "Organization")
        k += 1
    return words


def _founded_subjects(text: str, words: list[_Word]) -> list[_Word]:
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
            return _merge(words, first, k - 1, "Organization")
    return words


def _claim(words: list[_Word], start: int, end: int, label: str) -> list[_Word]:
    """Make [start, end) one entity word; words it cuts through keep their outside parts."""
    if start >= end:
        return words
    out: list[_Word] = []
    for w in words:
        if w.end <= start or w.start >= end:
            out.append(w)
            continue
        if w.start < start:
            out.append(_Word(w.start, start, "x"))
        if not out or out[-1].start != start or out[-1].label != label:
            if not any(o.start == start and o.end == end for o in out):
                out.append(_Word(start, end, label))
        if w.end > end:
            out.append(_Word(end, w.end, "x"))
    return out


def _lists(text: str, words: list[_Word]) -> list[_Word]:
    """Items of a 、-list take the entity type that the named items share.

    A list counts as typed when at least two items are named with one type and
    no other type is as common, or when it ends in 等企业 / 等机构 (organizations).
    """
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
    for run in runs:
        items = _list_items(text, words, run)
        if not items:
            continue
        named = [words[a].label for a, b in items if a == b and words[a].is_entity]
        tail = text[words[items[-1][1]].end:words[items[-1][1]].end + 8]
        counts = {t: named.count(t) for t in ENTITY}
        best = max(counts, key=lambda t: counts[t])
        if LIST_TAIL.match(tail):
            best = "Organization"
        elif counts[best] < 2 or sorted(counts.values())[-2] == counts[best]:
            continue
        for a, b in reversed(items):
            piece = text[words[a].start:words[b].end]
            if a == b and words[a].is_entity:
                if words[a].label != best and ((LIST_TAIL.match(tail) and best == "Organization") or
                                                (counts[best] >= 3 and counts[words[a].label] == 1)):
                    words[a] = _Word(words[a].start, words[a].end, best)
                continue
            if not 2 <= len(piece) <= 10 or GENERIC_SECTORS.search(piece):
                continue
            if a > 0 and words[a - 1].label == best and words[a - 1].end == words[a].start and a == b \
                    and words[a].label in ("n", "nz"):
                a -= 1  # 长城(ORG) 网际(n): the name's head was tagged, its tail not
            if re.fullmatch(r"[\d.%％]+", piece) or any(text[words[x].start:words[x].end] in _CLAUSE_BREAKS
                                                        for x in range(a, b + 1)):
                continue
            words = _merge(words, a, b, best)
    return words


_CLAUSE_BREAKS = set("，。；：:！？“”《》（）() ") | {"等"}
_ITEM_STOPS = {"p", "c", "u", "d", "r", "w", "xc", "f", "q"}


def _list_items(text: str, words: list[_Word], run: list[int]) -> list[tuple[int, int]]:
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
