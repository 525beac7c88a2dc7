"""Where a person's name starts and ends: the model's reading of a name runs into the next word, or
stops a character short of it (许某某此 | 前任, 温景 | 和 | 表示, 大野某 | 一 | 表示 or 出席); a surname read
as a word of its own (向 | 某某), a name read into the post before it (副校长某某)."""
from __future__ import annotations

import re

from ...lexicon import (
    AFTER_A_PERSON,
    APPOINTING,
    COMMON_SURNAMES,
    COMPOUND_SURNAMES,
    HONORIFICS,
    JAPANESE_SURNAMES,
    LATIN_POST,
    NAME_SOUNDS,
    POST_AT_END,
    POST_SCOPES,
    SAYING,
    SURNAMES,
    TAKING_A_POST,
)
from .words import Word, claim, ends_like_org

#: What a person's name is followed by in its own clause: a verb of saying or of taking a post, 为 before a body.
_SAYS = re.compile(rf"{SAYING}|透露|坦言|{TAKING_A_POST}")
#: Time words whose first character the model may read into the name before them: 某某此 | 前任.
_TIME_WORDS = frozenset({"此前", "目前", "现任", "曾任"})
#: After 于: a date or a year (于 2021 年, 于今年).
_DATED = re.compile(r"\s*(?:\d|今年|去年|同年|当年|次年)")
#: How a person is called by the surname and one character: 王老, 张总, 李工, 刘董.
_ADDRESSED = "老总工董局院所处厅"
#: Words of one character that follow a name as words of their own: 张三也表示, 李四将为….
_AFTER_A_NAME = frozenset("也都还就则又亦曾便才再均同将已更仍在对向等称所说为于并即")


def names_cut_short(text: str, words: list[Word]) -> list[Word]:
    """A two-character person and the next word's first character, when that character
    cannot stand alone there: 任思 | 远于 | 2019年 (远于, 强于 are words too: 于 dates what
    the person did), 温景 | 和 | 表示 and 阮清 | 和 | 为 + body (a conjunction before a verb), 蔺书 | 和 | 同志."""
    words = [Word(w.start, w.end - 1, "Person") if w.label == "Person" and w.end - w.start >= 3
             and text[w.end - 1:w.end + 1] in _TIME_WORDS else w for w in words]  # 许某某此 | 前任: 此前 is no name
    for k in range(len(words) - 1):  # 大野某 | 一一行: the name ends in 一, and 一行 is the party with them
        if words[k].label == "Person" and text[words[k + 1].start:words[k + 1].end] == "一一行" and words[k + 1].start == words[k].end:
            words[k:k + 2] = [Word(words[k].start, words[k].end + 1, "Person"), Word(words[k].end + 1, words[k + 1].end, "n")]
    words = [Word(w.start, w.end - 1, "Person") if w.label == "Person" and w.end - w.start >= 3 and (
        (text[w.end - 1] == "于" and _DATED.match(text, w.end)) or (text[w.end - 1] in "说称" and text.startswith(("，", "：", ":"), w.end)))
             else w for w in words]  # 何某于 | 2021 年: 于 dates what the person did; 温某说，: says
    words = [Word(w.start, w.end - 1, "Person" if w.end - w.start == 4 or text.startswith(COMPOUND_SURNAMES, w.start) else "nz")
             if w.label == "Person" and w.end - w.start in (4, 5) and text[w.end - 1] in "和与及"
             and k + 1 < len(words) and words[k + 1].is_entity and words[k + 1].start == w.end else w
             for k, w in enumerate(words)]  # 院长宁某某和 | 某某院: the conjunction before the next name is none of it
    # (four characters left, without a compound surname: a brand, 某某科创与 | 某某有限公司, no person)
    if not any(w.label == "Person" and (1 <= w.end - w.start <= 3 or "·" in text[w.start:w.end]) for w in words):
        return words
    out = list(words)
    k = 0
    while k < len(out) - 2:
        name, nxt, after = out[k], out[k + 1], out[k + 2]
        piece = text[nxt.start:nxt.end]
        if name.label == "Person" and nxt.start == name.end and (  # 林某 | 之 | 院士, 大野某 | 一 | 表示
                (piece == "之" and name.end - name.start == 2 and text.startswith(HONORIFICS, after.start))
                or (piece == "一" and (_SAYS.match(text, after.start) or after.label == "v"))):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]
        elif name.label == "Person" and name.end - name.start == 1 and nxt.start == name.end and len(piece) == 1 \
                and "\u4e00" <= piece <= "\u9fff" and piece not in _AFTER_A_NAME and piece not in _ADDRESSED and after.start == nxt.end \
                and (after.label == "v" or _SAYS.match(text, after.start)):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]  # 祁 | 越/d | 晋升: a surname and its given name
        elif name.label == "Person" and name.end - name.start == 1 and text[name.start] in SURNAMES and nxt.start == name.end \
                and nxt.label in ("n", "nz") and len(piece) == 2 and all("\u4e00" <= c <= "\u9fff" for c in piece) \
                and after.start == nxt.end and _SAYS.match(text, after.start):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]  # 严/PER | 某珮/n | 表示: the given name read as a noun
        elif name.label != "Person" or nxt.start != name.end or (name.end - name.start != 2 and "·" not in text[name.start:name.end]):
            pass  # (a foreign name cut short too: 哈立德·阿勒图 | 里 | 表示)
        elif len(piece) == 1 and "\u4e00" <= piece <= "\u9fff" and piece not in "等们" and nxt.label not in ("v", "vd", "p", "c", "d") \
                and (text[nxt.end:nxt.end + 1] in ("、", "，", "；") or (piece == "之" and after.label == "v")) \
                and k > 0 and out[k - 1].end == name.start and POST_AT_END.search(text, out[k - 1].start, out[k - 1].end):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]  # 校长程某 | 之 | 、, 总经理汪某 | 同 | ，: a pause ends the name
            # (副区长沈某 | 之 | 带队: or a verb)
        elif piece in ("和", "均") and (after.label == "v" or _SAYS.match(text, after.start)) and after.start == nxt.end \
                and k > 0 and out[k - 1].end == name.start and POST_AT_END.search(text, out[k - 1].start, out[k - 1].end):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]  # 局长吕某 | 和 | 带队, 董事长严某 | 均 | 表示: a name
            # after its post ends in the character, for no list or many stand there
        elif len(piece) == 2 and piece[1] == "于" and (after.label == "TIME" or _DATED.match(text, nxt.end)):
            out[k], out[k + 1] = Word(name.start, name.end + 1, "Person"), Word(nxt.end - 1, nxt.end, "p")
        elif len(piece) == 2 and piece[1] == "任" and piece[0] not in _TAKING_WORDS and LATIN_POST.match(text, nxt.end) \
                and k > 0 and out[k - 1].end == name.start and POST_AT_END.search(text, out[k - 1].start, out[k - 1].end):
            out[k], out[k + 1] = Word(name.start, name.end + 1, "Person"), Word(nxt.end - 1, nxt.end, "v")  # 专家何某 | 某任 | 副主任
        elif len(piece) == 2 and piece[1] in "称说" and "\u4e00" <= piece[0] <= "\u9fff" and text[after.start:after.end] in "，：:" \
                and k > 0 and out[k - 1].end == name.start and POST_AT_END.search(text, out[k - 1].start, out[k - 1].end):
            out[k], out[k + 1] = Word(name.start, name.end + 1, "Person"), Word(nxt.end - 1, nxt.end, "v")  # 董事长马某 | 某称 | ，
        elif len(piece) == 1 and "\u4e00" <= piece <= "\u9fff" and piece not in _AFTER_A_NAME and (
                _SAYS.match(text, after.start) or (text[after.start:after.end] == "为" and k + 3 < len(out)
                                                   and out[k + 3].label == "Organization")
                or (text.startswith("同志", after.start) and not text.startswith("同志们", after.start))):
            out[k:k + 2] = [Word(name.start, nxt.end, "Person")]
        k += 1
    return out


def japanese_given_names(text: str, words: list[Word]) -> list[Word]:
    """小林健 | 太, 田中浩 | 二, 森川 | 直 | 树: a Japanese surname and a given name of two characters, which the model
    reads as one (a Chinese name's length) and a word after. Not 一行 after the name (某某健 | 一行: the party)."""
    if not any(w.label == "Person" and 2 <= w.end - w.start <= 4 and text[w.start:w.start + 2] in _JAPANESE_OPENINGS for w in words):
        return words
    for w in list(words):
        surname = next((n for n in (3, 2) if text[w.start:w.start + n] in JAPANESE_SURNAMES), 0) if w.label == "Person" else 0
        given = w.end - w.start - surname
        need = 2 - given
        if not surname or need not in (1, 2) or text.startswith("一行", w.end):
            continue
        added = text[w.end:w.end + need]
        if len(added) == need and all("\u4e00" <= c <= "\u9fff" and c not in _NOT_IN_A_GIVEN_NAME for c in added):
            words = claim(words, w.start, w.end + need, "Person")
    return words


#: Characters that follow a name as words of their own, never a Japanese given name's (也 and 之 can be: 拓也, 隆之).
_NOT_IN_A_GIVEN_NAME = frozenset("的等和与及在说是为任于将已都就对向从被把给表介指强认称出主致陪带率参担兼同会作获当受代"
                                 "透宣提希坦签现曾此共分均先告回还并则又再仍亦、")
_JAPANESE_OPENINGS = frozenset(n[:2] for n in JAPANESE_SURNAMES)


#: Surnames that are words of one character too, which the model reads as a preposition before
#: the given name: 首席信息官向 | 峻川 | 称.
_SURNAMES_READ_AS_WORDS = frozenset("向于")


#: Who studies, not a post, before a name: 博士研究生某某.
_STUDENTS = ("研究生", "博士后", "博士生", "硕士生")
#: How the model reads a surname standing alone (应/v, 管/v) and the given name after it (卓然/a, 若溪/LOC).
_SURNAME_READ_AS = frozenset({"v", "p", "d", "n", "vd", "Person"})
_GIVEN_NAME_READ_AS = frozenset({"a", "an", "Region", "n", "nz", "ad", "Person"})
#: A pause after a name in a list or its clause.
_PAUSES = ("、", "，", "和", "与", "及")


def names_read_after_surname(text: str, words: list[Word]) -> list[Word]:
    """A person whose surname the model read as a word of its own: 向 | 峻川 (both persons to the
    model), 副总裁向 | 峻川 | 称 (向 read as a preposition after a post, where a name is expected),
    聘任 | 任 | 某某 | 为 (a name after a verb of appointing, whatever the model read)."""
    appointing = any(verb in text for verb in APPOINTING)
    joined: list[int] = []
    for k in range(len(words) - 1):
        w, nxt = words[k], words[k + 1]
        if w.end - w.start != 1 or nxt.end - nxt.start != 2 or nxt.start != w.end or (joined and joined[-1] == k - 1):
            continue  # (a one-character word, then a two-character one: nothing else is looked at)
        appointed = appointing and nxt.label in ("Person", "Organization", "n") \
            and text.endswith(APPOINTING, 0, w.start) and text.startswith("为", nxt.end)  # 聘任 | 任/ORG | 某某/ORG | 为
        if appointed or (nxt.label == "Person" and "\u4e00" <= text[w.start] <= "\u9fff" and (w.label == "Person" or (
                text[w.start] in _SURNAMES_READ_AS_WORDS and k > 0 and words[k - 1].end == w.start
                and POST_AT_END.search(text, max(0, w.start - 10), w.start) is not None
                and AFTER_A_PERSON.match(text, nxt.end)))):
            joined.append(k)
        elif text[w.start] not in SURNAMES:
            continue  # (the two readings below open with a surname)
        elif (k > 0 and words[k - 1].end == w.start and (
                POST_AT_END.search(text, words[k - 1].start, words[k - 1].end)
                or text.endswith(_STUDENTS, words[k - 1].start, words[k - 1].end))) \
                and w.label in _SURNAME_READ_AS and nxt.label in _GIVEN_NAME_READ_AS \
                and all("\u4e00" <= c <= "\u9fff" for c in text[nxt.start:nxt.end]) and text.startswith(_PAUSES, nxt.end):
            joined.append(k)  # 副市长应/v | 卓然/a | 、, 博士研究生管/v | 若溪/LOC | ，: a post, a name read as two words, a pause
        elif text[w.start - 1:w.start] in ("，", "：", "\n") and nxt.label not in ("v", "p", "u", "w", "m", "q") \
                and all("\u4e00" <= c <= "\u9fff" for c in text[nxt.start:nxt.end]) and text.startswith(("任", "兼任", "担任"), nxt.end) \
                and k + 2 < len(words) and words[k + 2].end - words[k + 2].start <= 2 \
                and k + 3 < len(words) and words[k + 3].label == "Organization":
            joined.append(k)  # 宣布，秦/LOC | 某白/c | 任 | 某某集团…: a clause opens with an appointment
    if not joined:
        return words
    out = list(words)
    for k in reversed(joined):
        out[k:k + 2] = [Word(words[k].start, words[k + 1].end, "Person")]
    return out




#: The first characters of what may follow a post's holder (与, 和 and :data:`kg.lexicon.AFTER_A_PERSON`'s words).
_HOLDERS_NEXT = frozenset("与和，、。；：介表指说称强认任担兼出主致 ")


def names_read_into_posts(text: str, words: list[Word]) -> list[Word]:
    """副校长闵某某/n | 与: a post and its holder the model read as one word; the post, then the person. A post and at
    most one character before it (会主任, 任 | 院长) is no person, unless it is a surname and a title (潘院士)."""
    out: list[Word] = []
    for w in words:
        if w.label == "Person" and (post := POST_AT_END.search(text, w.start, w.end)) and post.start() - w.start <= 1 \
                and not (text[w.start] in SURNAMES and text.endswith(HONORIFICS, w.start, w.end)):
            out.append(Word(w.start, w.end, "n"))  # 委员 | 会主任/PER: a post and the character before it, no one's name
            continue  # (but 潘院士: a person called by surname and title)
        post = LATIN_POST.match(text, w.start, w.end) if w.label == "n" and w.end - w.start >= 4 \
            and text[w.end:w.end + 1] in _HOLDERS_NEXT and (text.startswith(("与", "和"), w.end) or AFTER_A_PERSON.match(text, w.end)) \
            else None
        rest = w.end - post.end() if post else 0
        if post and 2 <= rest <= 3 and all("\u4e00" <= c <= "\u9fff" for c in text[post.end():w.end]) \
                and (rest == 3 or text[post.end()] in SURNAMES or text.startswith(COMPOUND_SURNAMES, post.end())) \
                and not LATIN_POST.search(text, post.end(), w.end):
            out += [Word(w.start, post.end(), "n"), Word(post.end(), w.end, "Person")]
        else:
            out.append(w)
    return out


def bodies_read_as_people(text: str, words: list[Word]) -> list[Word]:
    """某某丝绸/PER | 总裁 | 钱某某/PER: a "person" right before a post and the person who holds it is the
    body the post is at (no one holds a post at a person)."""
    out = words
    for k in range(len(words) - 2):
        body, post, holder = words[k], words[k + 1], words[k + 2]
        if body.label == "Person" and post.label == "n" and holder.label == "Person" \
                and body.end == post.start and post.end == holder.start \
                and POST_AT_END.fullmatch(text, post.start, post.end) and LATIN_POST.fullmatch(text, post.start, post.end):
            out = list(out) if out is words else out
            at = out.index(body)
            # (某某亚太区/PER | 总裁: where the post reaches is no part of the body's name)
            scope = next((s for s in POST_SCOPES if text.endswith(s, body.start, body.end) and body.end - body.start - len(s) >= 2), "")
            out[at:at + 1] = [Word(body.start, body.end - len(scope), "Organization")] + (
                [Word(body.end - len(scope), body.end, "n")] if scope else [])
    return out


#: What the holder of a post named just before does in the same clause: 会长某某表示, 总经理某某共同揭牌.
_HOLDER_ACTS = re.compile(rf"{SAYING}|透露|坦言|称|出席|主持|致辞|共同|一同|带队|陪同|兼任|担任|团队|课题组")
#: What follows a post and stands for those who hold it, not a person: 副会长 | 单位 | 表示.
_NOT_HOLDERS = frozenset({"单位", "任期", "人选", "班子", "成员", "团队"})


def holders_read_as_words(text: str, words: list[Word]) -> list[Word]:
    """执行会长 | 庞某/n | 表示: a name neither reading knows, between a post and what its holder does
    (or a pause before the next body in a list of post-holders: 董事长严某某/a | 、| 某某公司), that starts
    with a surname, is the person. (Only the words right before such a verb are looked at.)"""
    acts = [m.start() for m in _HOLDER_ACTS.finditer(text)]
    if "、" in text:  # (or a pause before the next body's post-holder)
        acts += [w.start for k, w in enumerate(words[:-1]) if text[w.start:w.end] == "、" and words[k + 1].label == "Organization"]
    if not acts:
        return words
    ending_at = {w.end: k for k, w in enumerate(words)}
    out = words
    for at in acts:
        k = ending_at.get(len(text[:at].rstrip()))
        if k is None or k == 0:
            continue
        w, post = words[k], words[k - 1]
        piece = text[w.start:w.end]
        if (w.label in ("n", "nz") or (w.label in ("v", "a") and len(piece) == 3)) and 2 <= len(piece) <= 3 and post.end == w.start \
                and post.label == "n" \
                and (piece[0] in SURNAMES or piece.startswith(COMPOUND_SURNAMES)) \
                and all("\u4e00" <= c <= "\u9fff" for c in piece) and not LATIN_POST.search(piece) and piece not in _NOT_HOLDERS \
                and POST_AT_END.search(text, post.start, post.end):
            out = list(out) if out is words else out
            out[k] = Word(w.start, w.end, "Person")
    return out


#: 某某任 | 集团…: a person, then 任, read into the body's name after them.
_APPOINTED_INTO = re.compile(rf"((?:{'|'.join(COMPOUND_SURNAMES)}|[\u4e00-\u9fff])[\u4e00-\u9fff]{{1,2}}?)任(?=[\u4e00-\u9fff]{{2,}})")
#: 聘任 | 某某为公司总裁: the person, 为, the post and where (the verb before the person).
_APPOINTED_AS = re.compile(rf"((?:{'|'.join(COMPOUND_SURNAMES)}|[\u4e00-\u9fff])[\u4e00-\u9fff]{{1,2}}?)为(?=[\u4e00-\u9fff]{{2,}})")
#: What 任 ends as a verb of its own after its character before: 担任, 兼任, 主任, 责任 …
_TAKING_WORDS = frozenset("担兼出现历主责信聘继连留调升新前首原曾就上接转改")
#: A body's kind standing alone for the body named before: 集团 | 投资发展部.
_KIND_FOR_A_BODY = ("集团", "公司", "学院", "院", "局", "中心", "委")


def _appointment(text: str, start: int, end: int) -> re.Match | None:
    """某某任… opening a clause, or 聘任 | 某某为…."""
    m = _APPOINTED_INTO.match(text, start, end)
    if m and text[m.end(1) - 1] not in _TAKING_WORDS and (start == 0 or not "\u4e00" <= text[start - 1] <= "\u9fff"):
        return m
    return _APPOINTED_AS.match(text, start, end) if text.endswith(APPOINTING, 0, start) else None


def _person_cut_before_as(text: str, words: list[Word]) -> list[Word]:
    """聘任 | 邵景/PER | 行为 | 公司: the name's last character read into 为 (行为, a word): the person, then 为."""
    for i, w in enumerate(words):
        if w.label == "Person" and text.endswith(APPOINTING, 0, w.start) \
                and (m := _APPOINTED_AS.match(text, w.start)) and m.end(1) > w.end:
            j = next((j for j in range(i + 1, len(words)) if words[j].end >= m.end()), None)
            if j is not None and words[j].end == m.end():
                return words[:i] + [Word(w.start, m.end(1), "Person"), Word(m.end(1), m.end(), "v")] + words[j + 1:]
    return words


def appointed_read_as_bodies(text: str, words: list[Word]) -> list[Word]:
    """葛某某任集团投资发展/ORG | 部 | 部长: a list of appointments read as one name (or one person); 聘任 |
    邵某某为公司/ORG | 总裁: the person appointed read into what they are appointed to. The person, 任 or 为,
    then what they are appointed to."""
    if "任" not in text and "为" not in text:
        return words
    out: list[Word] = []
    words = _person_cut_before_as(text, words)
    for w in words:
        start = w.start + len(text[w.start:w.end]) - len(text[w.start:w.end].lstrip()) \
            if w.label in ("Organization", "Person") else w.start  # (a line's break read into it)
        m = _appointment(text, start, w.end) if w.label in ("Organization", "Person") else None
        if m and (m.group(1)[0] in SURNAMES or m.group(1).startswith(COMPOUND_SURNAMES)):
            rest = text[m.end():w.end]
            if start > w.start:
                out.append(Word(w.start, start, "w"))
            out += [Word(start, m.end(1), "Person"), Word(m.end(1), m.end(), "v"),
                    Word(m.end(), w.end, "Organization" if not rest.startswith(_KIND_FOR_A_BODY) and ends_like_org(rest) else "n")]
        else:
            out.append(w)
    return out


#: A name written by its sound around its dot: 艾尔肯·吐尔逊 (the model may cut it anywhere: 某买 | 提明 | · | 某某).
_DOTTED = re.compile(rf"{NAME_SOUNDS}{{2,7}}·{NAME_SOUNDS}{{2,7}}")
#: Such a name without a dot: 其木格, 那顺乌日图.
_SOUNDS = re.compile(rf"{NAME_SOUNDS}{{2,8}}")
#: What follows a person in their own clause (某某汇报, 某某与…签约, 某某作报告), as well as :data:`AFTER_A_PERSON`.
_AFTER_A_NAME_OF_SOUNDS = re.compile(rf"{AFTER_A_PERSON.pattern}|\s*(?:汇报|作|当选|入选|荣获|获|与|代表|等|一行)")
#: What may follow a dotted name: the same, a word of time or place (某某·某某于 2019 年创办), a bracket, the end.
_NEXT_TO_A_NAME = re.compile(rf"{_AFTER_A_NAME_OF_SOUNDS.pattern}|\s*(?:[于在将已也是的为（(]|$)")


def names_by_their_sounds(text: str, words: list[Word]) -> list[Word]:
    """Names written by their sound, which LAC reads in pieces (买买 | 提明 | · | 热合曼, 其/r | 木格/n,
    额尔敦/PER | 毕力格/PER): one person when a dot joins two runs of such characters, when a run follows a
    post and ends where the person's clause goes on (秘书长其木格汇报), or when two people abut after a post and
    the second is such a run with no common surname in front. A run LAC reads as one common word stays that word."""
    if "·" in text:
        for m in _DOTTED.finditer(text):
            dot = text.index("·", m.start())
            if any(w.label == "Person" and w.start < m.start() and dot < w.end for w in words):
                continue  # (阿列克 | 谢·某某: the model's reading reaches further than the characters do)
            end = _word_end(text, words, m.start(), m.end(), dot + 3, _NEXT_TO_A_NAME)
            if end is not None and not _other_name_across(words, m.start(), end):
                words = claim(words, m.start(), end, "Person")
    for w in words:
        if w.is_entity or not (run := _SOUNDS.match(text, w.end)) or not POST_AT_END.search(text, w.start, w.end):
            continue
        end = _word_end(text, words, run.start(), run.end(), run.start() + 2, _AFTER_A_NAME_OF_SOUNDS)
        if end is not None and not _other_name_across(words, run.start(), end) \
                and not any(v.start == run.start() and v.end == end and (v.label == "Person" or not v.is_entity) for v in words):
            words = claim(words, run.start(), end, "Person")
    out = list(words)
    k = 0
    while k < len(out) - 1:
        a, b = out[k], out[k + 1]
        if a.label == b.label == "Person" and b.start == a.end and b.end - a.start <= 7 and text[b.start] not in COMMON_SURNAMES \
                and _SOUNDS.fullmatch(text, b.start, b.end) and POST_AT_END.search(text, max(0, a.start - 8), a.start):
            out[k:k + 2] = [Word(a.start, b.end, "Person")]
            continue
        k += 1
    return out


def _word_end(text: str, words: list[Word], start: int, end: int, shortest: int, then: re.Pattern | None = None) -> int | None:
    """The furthest end of a word in (start, end], at least ``shortest``, that ``then`` (if given) follows."""
    ends = sorted({w.end for w in words if start < w.end <= end and w.end >= shortest}, reverse=True)
    return next((e for e in ends if then is None or then.match(text, e) is not None), None)


def _other_name_across(words: list[Word], start: int, end: int) -> bool:
    """A body, place or title of the model's reading that [start, end) would cut into or swallow."""
    return any(w.is_entity and w.label != "Person" and w.start < end and start < w.end
               and not (start <= w.start and w.end <= end and w.end - w.start < end - start) for w in words)
