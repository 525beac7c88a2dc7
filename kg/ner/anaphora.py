"""Bodies named again by their kind: 该院, 工作站 for the 某某院士工作站 just named.

A bulletin names a body in full once, then goes on about it by its kind alone:
研究院设在某某新区，院长由某某担任; 由该院研究员某某担任实验室主任; 首批入驻创新港的企业.
Without the body, the post, the seat or the deal has nobody to attach to. Such a
word is made a mention that refers to the body named last with that kind, in the
same article and a few sentences back (``Mention.refers_to``); the resolver gives it
that body's key. A kind word with no such body before it stays a common noun.
Only the kind and its place in the clause decide, never a list of names.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..doc import Issue, Mention
from ..lexicon import APPOINTING, BEFORE_THE_SUBJECT, INTERNAL_ORGANS, LATIN_POST, alternatives

#: Kinds a body is named again by (the longest first, so 研究中心 wins over 中心).
KINDS = ("研究院", "研究所", "研究中心", "创新中心", "实验室", "工作站", "工作室", "中心站", "中心", "联盟", "基金", "孵化器", "加速器",
         "创新港", "产业园", "园区", "基地", "平台", "协会", "学会", "研究会", "联合会", "商会", "促进会", "集团", "分院", "分会", "分公司", "公司",
         "医院", "分行", "支行", "分局", "事业部", "学校", "联合体", "分中心", "联络处", "办事处", "街道办事处", "管委会", "厅",
         "合作社", "标委会", "专委会")
_KIND = alternatives(KINDS)
#: 该院, 此中心, 上述基金, 新公司: a demonstrative and a kind (院 and 所 for any 研究院, 学院, 研究所, 馆 for a museum;
#: 该行 for a bank or its branch, never 此行, a trip; 该校 for a university or college; 该局, 该委, 该厅, 该办 for a
#: government body, 该办 for its office too: 某某推进办公室; 该部 for a department or a ministry).
_DEMONSTRATIVE = re.compile(rf"(?:该|此|这一?|上述)({_KIND}|院|所|馆)|该(行|校|局|委|厅|办|部)|新(公司)")
#: A kind opening a clause, then what is said of the body: its seat, who fills it, its first deal,
#: or one of its posts (研究院党委书记、院长某某, 联盟理事长由某某担任), or its owner (公司控股股东为); 合资公司 and 新公司
#: name the company the article set up.
_SUBJECT = re.compile(rf"(?:^|(?<=[，；。：]))(合资公司|新公司|{_KIND})"
                      r"(?=由|设在|设于|位于|会址(?:设在|位于)|落户|坐落|首个|首批|首期|总规模|已于|隶属|控股股东|母公司)")
#: 公司 opening a clause that buys into another company: …公告，公司拟以 2 亿元收购某某 51% 股权.
_BUYER = re.compile(r"(?:^|(?<=[，；。：]))(公司)(?=[^，。；：]{0,20}?(?:收购|增资|认购|入股|受让|参股))")
#: A kind opening a clause that works with another body: …介绍，公司今年与某某联合开发, 公司已与某某签署协议,
#: 协会分别与 A、B 签署合作协议.
_PARTNERING = re.compile(rf"(?:^|(?<=[，；。：]))({_KIND})"
                         r"(?=[^，。；：与同由]{0,12}(?:与|同)[^，。；：]{2,30}?(?:联合|共同|合作|签署|签订|共建))")
_OPENING_KIND = re.compile(rf"(?:^|(?<=[，；。：由（]))(合资公司|新公司|{_KIND})")
#: A post taken at a kind (担任实验室主任, 兼任孵化器负责人, 当选联合体理事长); a kind settled in (入驻创新港的); a kind
#: one works with (将与研究院联合攻关).
_POST_AT = re.compile(rf"(?:担任|兼任|出任|当选为?|(?:增补|增选|补选)为|受聘为|聘任为|任)({_KIND}|合资公司|新公司)")
#: A kind one is appointed to a post at: 聘任某某为联盟秘书长, 选举某某为协会会长.
_APPOINTED_AT = re.compile(rf"(?:{alternatives(APPOINTING)})[^，。；：]{{2,30}}?为({_KIND})")
_PARTNER_OF = re.compile(rf"(?:与|同)({_KIND})(?=联合|共同|合作|签署|签订|共建)")
_SETTLED_IN = re.compile(rf"(?:入驻|落户|进驻)({_KIND})(?=的)")
#: A kind that owns what follows: 奶源来自集团旗下某某牧业有限公司, 公司下属某某厂.
_OWNING_KIND = re.compile(rf"({_KIND})(?=旗下|下属|所属)")
#: A unit named again by its own place and kind, opening a clause: 某某中心芜湖分中心 …。芜湖分中心由….
_UNIT_AGAIN = re.compile(r"(?:^|(?<=[，；。：]))([\u4e00-\u9fff]{2,4}(?:分中心|分公司|分院|分会|分行|支行|分所))")
_ANY_KIND = re.compile(rf"{_KIND}|院|所|馆|该[行校局委厅办]")
#: What the name of a school ends with: 该校, 学校 name it again.
_SCHOOLS = ("大学", "学院", "学校")
#: What the name of a body named again by a word other than its name's end ends with: a school (该校, 学校),
#: an office (该办), a zone's committee (管委会 for 某某园管理委员会), a group with its legal form (集团 for
#: 某某集团有限公司), a standards committee (标委会 for 某某标准化技术委员会), an alliance's committee (专委会 for 某某专业委员会).
_NAME_ENDS = {"校": _SCHOOLS, "学校": _SCHOOLS, "办": ("办", "办公室"), "管委会": ("管委会", "管理委员会"),
              "集团": ("集团", "集团有限公司", "集团股份有限公司", "集团有限责任公司", "集团公司"),
              "标委会": ("标准化技术委员会", "标委会"), "专委会": ("专业委员会", "专委会")}
#: The company a sentence has just set up, named again by what it is: 兼任合资公司董事长.
_COMPANY_JUST_SET_UP = {"合资公司": "公司", "新公司": "公司"}
#: A post, perhaps with its term or the body's organ before it: 当选联盟首届理事长, 兼任基金投委会主任.
_TERM_THEN_POST = re.compile(rf"(?:首届|首任|第[一二三四五六七八九十]{{1,2}}届)?(?:{alternatives(INTERNAL_ORGANS)})?{LATIN_POST.pattern}")
#: How far back the body may have been named.
_SENTENCES_BACK = 3


def refer_back(issue: Issue) -> None:
    """Add, in place, a mention for each kind word that names a body of the article again."""
    mentions = issue.mentions
    if not mentions:
        return
    starts = [m.start for m in mentions]
    added: list[Mention] = []
    replaced: set[int] = set()  # ids of the pieces a unit's name again is read in place of (汀州分 | 中心)
    for n, sentence in enumerate(issue.sentences):
        text = sentence.text
        if not _ANY_KIND.search(text):  # every site names a kind
            continue
        for at, kind in _sites(text):
            start = sentence.start + at
            end = start + len(kind)
            lo = bisect_left(starts, start - 40)
            overlapping = [m for m in mentions[lo:lo + 40] if m.start <= start < m.end or start <= m.start < end]
            pieces = (_UNIT_AGAIN.fullmatch(kind) is not None and all(
                start <= m.start and m.end <= end and m.type != "Organization" for m in overlapping)) \
                or all(m.text == kind and (m.source == "rule:short-name" or not m.source.startswith("rule:"))
                        for m in overlapping)  # 管委会, 街道办事处: the kind alone, said of one body
            if overlapping and not pieces:
                continue  # the word is part of a name already
            body = _antecedent(issue, mentions, bisect_left(starts, start), n, kind)
            if body is not None:
                added.append(Mention(start, end, body.type, issue.text[start:end], n, "rule:refers-back",
                                     refers_to=(body.start, body.end)))
                replaced.update(id(m) for m in overlapping)
    if added:
        kept = [m for m in mentions if id(m) not in replaced]
        issue.mentions = sorted(kept + added, key=lambda m: (m.start, -m.end))


def _sites(text: str) -> list[tuple[int, str]]:
    """(offset, the word naming the body) of each kind word in a place a body's name takes."""
    sites = [(m.start(), m.group(0)) for m in _DEMONSTRATIVE.finditer(text)]
    sites += [(m.start(1), m.group(1)) for m in _SUBJECT.finditer(text)]
    sites += [(m.start(1), m.group(1)) for m in _OPENING_KIND.finditer(text)
              if _TERM_THEN_POST.match(text, m.end(1)) and not _SUBJECT.match(text, m.start(1))
              and not (m.group(1) == "公司" and text[m.start(1) - 1:m.start(1)] == "由")]  # (由公司副总裁…: whose?)
    sites += [(m.start(1), m.group(1)) for pattern in (_BUYER, _PARTNERING) for m in pattern.finditer(text)
              if not _SUBJECT.match(text, m.start(1))]
    sites += [(m.start(1), m.group(1)) for m in _UNIT_AGAIN.finditer(text)]
    sites += [(m.start(1), m.group(1)) for m in _SETTLED_IN.finditer(text)]
    sites += [(m.start(1), m.group(1)) for m in _OWNING_KIND.finditer(text)]
    sites += [(m.start(1), m.group(1)) for m in _PARTNER_OF.finditer(text)]
    sites += [(m.start(1), m.group(1)) for pattern in (_POST_AT, _APPOINTED_AT) for m in pattern.finditer(text)
              if _TERM_THEN_POST.match(text, m.end(1))]
    return sites


def _antecedent(issue: Issue, mentions: list[Mention], before: int, sentence: int, word: str) -> Mention | None:
    """The organization or place of the same article named last before the word, whose name
    ends with the word's kind (该院: with 院)."""
    demonstrative = _DEMONSTRATIVE.fullmatch(word)
    kind = next(g for g in demonstrative.groups() if g) if demonstrative else _COMPANY_JUST_SET_UP.get(word, word)
    article = issue.sentences[sentence].article
    if word == "公司" and (subject := _company_opening(issue, mentions, before, sentence)) is not None:
        return subject
    found: list[Mention] = []
    for m in reversed(mentions[:before]):
        if m.sentence < sentence - _SENTENCES_BACK or issue.sentences[m.sentence].article != article \
                or (found and m.sentence != found[0].sentence):
            break
        if m.type in ("Organization", "Region") and m.refers_to is None:
            name = m.text.strip("“”\"")
            if name.endswith(_NAME_ENDS.get(kind, kind)) and len(name) > len(kind):
                found.append(m)
    # 该行 is the 某某银行某某分行 named, not the 某某银行 inside its name (but 研究院 is the 某某研究院 in 某某研究院某某分院)
    found = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]
    if not found:
        return None
    if word == "公司":  # 公司 alone is the company the article is about: its sentence's subject, if one is
        opening = issue.sentences[found[0].sentence].start
        subject = next((m for m in found if BEFORE_THE_SUBJECT.fullmatch(issue.text, opening, m.start)), None)
        if subject is None and not _JUST_SET_UP.search(issue.text, max(0, found[0].start - 8), found[0].start):
            # 视衡智能本轮融资由 A 领投，B 有限公司跟投。公司创始人…: the company that sentence is about (unless the
            # company named is one just set up: …联合组建的 X 有限公司。公司…)
            subject = _company_opening(issue, mentions, mentions.index(found[-1]) + 1, found[0].sentence)
        return subject or found[0]
    return found[0]


#: Right before a company just set up: 联合组建的, 共同出资设立的.
_JUST_SET_UP = re.compile(r"(?:组建|设立|成立|注册)(?:了|的)\s*$")


def _company_opening(issue: Issue, mentions: list[Mention], before: int, sentence: int) -> Mention | None:
    """某某生物注册于…，某院士任公司首席科学家: 公司 is the company the sentence opens with, named by its
    short name (a name that ends with no other kind of body)."""
    opening = issue.sentences[sentence].start
    first, k = None, before - 1
    while k >= 0 and mentions[k].sentence == sentence:
        first, k = mentions[k], k - 1
    if first is None or first.type != "Organization" or first.refers_to is not None \
            or not BEFORE_THE_SUBJECT.fullmatch(issue.text, opening, first.start):
        return None
    name = first.text.strip("“”\"")
    return first if not name.endswith(KINDS) and not name.endswith(_NOT_A_COMPANY) else None


#: The end of a name of a body that is no company: 某某研究院, 某某局, 某某大学.
_NOT_A_COMPANY = ("院", "所", "局", "委", "办", "厅", "大学", "学院", "学校", "政府", "协会", "部", "处", "站", "馆", "会")
