"""Run a backend over every sentence of many issues at once, then the rule layer."""
from __future__ import annotations

import re
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..doc import Issue, Mention, Sentence, Span
from ..lexicon import AFTER_A_PERSON, COMPOUND_SURNAMES, GENERIC_SECTORS, ISSUING_BODY, POST_AT_END, REGISTERED_END, SURNAMES, publisher_body
from ..regions import Division, country_before_name, gazetteer, is_area, is_body_of_water
from ..vocab import NAME_TYPES
from . import repair, rules
from .anaphora import refer_back
from .names import nested_names, places_inside_a_zone
from .propagate import propagate
from .repair.words import ends_like_org

#: Sentences handed to the backend per call: large enough to batch well (the model sorts
#: a chunk's sentences by length; fewer, larger chunks cost less Python around each call:
#: 800 builds 5-8% faster than 300 on 2 cores), small enough for the model and the rules
#: to overlap from the first chunk to the last.
CHUNK = 800
#: The first chunk, so the rules start early; each next one is twice as large, up to CHUNK.
FIRST_CHUNK = 100


def recognize(issues: Iterable[Issue], backend, progress: Callable[[int], None] | None = None) -> None:
    """Fill ``issue.mentions`` for every issue, in place."""
    for _ in recognize_stream(issues, backend, progress):
        pass


def recognize_stream(issues: Iterable[Issue], backend,
                     progress: Callable[[int], None] | None = None) -> Iterator[Issue]:
    """Yield each issue once its mentions are filled, in input order.

    Issues are taken from ``issues`` only as the model asks for more, so a lazy
    iterable (issues being read and normalized) overlaps the model too.
    ``progress`` gets sentence characters.
    """
    two_readings = hasattr(backend, "recognize_views")  # the vote backend: see kg.ner.vote

    def model(chunk: list[Issue]) -> list:
        texts = [s.text for issue in chunk for s in issue.sentences]
        return backend.recognize_views(texts) if two_readings else backend.recognize(texts)

    def sentences(issue: Issue) -> int:
        return len(issue.sentences)

    for chunk, model_spans in model_ahead(_chunks(issues, sentences), model, backend):
        if two_readings:
            _apply_two(chunk, model_spans)
        else:
            _apply(chunk, model_spans)
        if progress:
            progress(sum(len(s.text) for issue in chunk for s in issue.sentences))
        yield from chunk


def spans_stream(texts: Iterable[str], backend, nested: bool = True) -> Iterator[list[Span]]:
    """The final spans of each text (model, then rules), in input order; ``nested=False``
    drops names inside longer names, for flat benchmarks (see :func:`flat`)."""
    for chunk, model_spans in model_ahead(_chunks(texts, lambda text: 1), backend.recognize, backend):
        for text, spans in zip(chunk, model_spans):
            found = find_spans(text, spans)
            yield found if nested else flat(found)


_THREAD_PREFIX = "kg-ner"


def model_ahead(chunks: Iterator[list], model: Callable[[list], list], backend) -> Iterator[tuple[list, list]]:
    """(chunk, model output) in order, the model running on the chunks ahead.

    The model runs in worker threads (ONNX Runtime releases the GIL), as many
    calls at once as the backend's ``concurrent_calls`` (default 1: a backend
    must say that it may be called from several threads), while the caller
    applies the rules to the chunk at hand and writes its graph: model and
    Python work share every core.
    """
    workers = max(1, getattr(backend, "concurrent_calls", 1))
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # hand the GIL back quickly when a model call returns
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=_THREAD_PREFIX)
    ahead: deque = deque()

    def submit_next() -> None:
        chunk = next(chunks, None)
        if chunk:
            ahead.append((chunk, pool.submit(model, chunk)))

    try:
        for _ in range(workers + 1):
            submit_next()
        while ahead:
            chunk, pending = ahead.popleft()
            submit_next()
            yield chunk, pending.result()
    finally:
        # A failed build may drop the last reference to this generator in one of the pool's
        # own threads, which cannot wait for itself: then it only cancels what is queued.
        in_pool = threading.current_thread().name.startswith(_THREAD_PREFIX)
        pool.shutdown(wait=not in_pool, cancel_futures=True)
        sys.setswitchinterval(switch)


def _chunks(items: Iterable, sentences: Callable[[Any], int]) -> Iterator[list]:
    """Items (whole issues, or texts), about CHUNK sentences at a time; the first
    chunks are smaller, so the model starts early and the cores are busy from the start."""
    chunk: list = []
    size, target = 0, FIRST_CHUNK
    for item in items:
        chunk.append(item)
        size += sentences(item)
        if size >= target:
            yield chunk
            chunk, size, target = [], 0, min(CHUNK, target * 2)
    if chunk:
        yield chunk


def _apply(chunk: list[Issue], model_spans: list[list[Span]]) -> None:
    spans_of = iter(model_spans)
    for issue in chunk:
        issue.mentions = _mentions(issue, [_final_spans(issue, s, next(spans_of)) for s in issue.sentences])
        propagate(issue)
        refer_back(issue)


def _apply_two(chunk: list[Issue], views: list[tuple[list[Span], list[Span] | None]]) -> None:
    """The first reading fills the mentions, with the companies only the second reads; the second
    is kept as the names it gives the issue, for the vote once relations are found
    (kg.ner.vote.corroborate). Where the backend gives no second reading (the two are alike:
    most sentences), the rules run once."""
    views_of = iter(views)
    for issue in chunk:
        firsts, seconds, words = [], [], []
        for sentence in issue.sentences:
            first, second = next(views_of)
            words.append(first)
            firsts.append(_final_spans(issue, sentence, first))
            seconds.append(firsts[-1] if second is None else _final_spans(issue, sentence, second))
        other = replace(issue, mentions=_mentions(issue, seconds))
        propagate(other)
        refer_back(other)
        issue.other_reading = {(m.type, m.text) for m in other.mentions}
        issue.mentions = _mentions(issue, firsts)
        brands = _brands_only_the_model_read(issue, firsts, words, other.mentions) \
            + _registered_names_only_the_model_read_whole(issue, firsts, other.mentions) \
            + _funds_only_the_model_read_whole(issue, firsts, words, other.mentions) \
            + _people_only_the_model_read_after_a_post(issue, firsts, words, other.mentions) \
            + _societies_of_two_fields_only_the_model_read(issue, firsts, other.mentions)
        if brands:
            issue.mentions = sorted([m for m in issue.mentions if not any(b.start < m.end and m.start < b.end for b in brands)]
                                    + brands, key=lambda m: (m.start, -m.end))
        propagate(issue)
        refer_back(issue)


#: A company's brand and its trade, four characters: 某某智能, 某某数智 (LAC reads many as a person or as words).
_BRAND_AND_TRADE = re.compile(r"[\u4e00-\u9fff]{2}(?:智能|数智|科技|软件|信息|数据|网络|电子)")


def _brands_only_the_model_read(issue: Issue, firsts: list[list[Span]], words: list[list[Span]],
                                others: list[Mention]) -> list[Mention]:
    """某某智能 where kg's model reads a company and LAC's reading names nothing there (某某 | 智能,
    or a person): the company (the vote keeps it, as the model names it). Not where LAC reads the
    brand as a common word: 量子 | 科技 is a field."""
    out = []
    for m in others:
        if m.type != "Organization" or not _BRAND_AND_TRADE.fullmatch(m.text) or GENERIC_SECTORS.match(m.text) \
                or gazetteer().head(m.text, words_too=True):
            continue
        sentence = issue.sentences[m.sentence]
        start, end = m.start - sentence.start, m.end - sentence.start
        if not any(s.start < end and start < s.end and s.type != "Person" for s in firsts[m.sentence]) \
                and not any(w.start == start and w.end == start + 2 and w.type in _COMMON_WORDS for w in words[m.sentence]):
            out.append(replace(m, source="model:other"))
    return out


def _registered_names_only_the_model_read_whole(issue: Issue, firsts: list[list[Span]], others: list[Mention]) -> list[Mention]:
    """济南某某生物医药…合伙企业（有限合伙） where kg's model reads the registered name whole and LAC's reading
    cuts it after its place and a character or two of its brand (济南某/ORG | 某/v | 生物医药…合伙企业): the whole
    name, as the model reads it."""
    out = []
    for m in others:
        if m.type != "Organization" or not REGISTERED_END.search(m.text):
            continue
        start, end = m.start - issue.sentences[m.sentence].start, m.end - issue.sentences[m.sentence].start
        touching = sorted((s for s in firsts[m.sentence] if s.start < end and start < s.end), key=lambda s: (s.start, -s.end))
        if len(touching) < 2 or not all(start <= s.start and s.end <= end for s in touching):
            continue
        opening, rest = touching[0], touching[-1]
        text = issue.sentences[m.sentence].text
        cut, place = text[opening.end:rest.start], text[opening.start:opening.end]
        if opening.start == start and rest.type == "Organization" and rest.end == end and len(cut) <= 2 and cut.strip() == cut \
                and gazetteer().lookup(place) is None and (head := gazetteer().head(place)) and len(place) - len(head) <= 2:
            out.append(replace(m, source="model:other"))  # (a place and the brand's first characters, then the rest)
    return out


def _funds_only_the_model_read_whole(issue: Issue, firsts: list[list[Span]], words: list[list[Span]],
                                     others: list[Mention]) -> list[Mention]:
    """某市农机装备产业发展基金, 某某医疗健康基金 where kg's model reads the fund whole and LAC's reading names at
    most its place or its sponsor's brand inside it (某市 | 农机 | 装备 | 产业 | 发展 | 基金): the fund, as the model
    reads it, with the places its name holds, when it starts with a name or a level of government (省新型储能产业基金);
    a kind of fund (低碳产业引导基金) starts with neither and stays none."""
    out = []
    for m in others:
        if m.type != "Organization" or not m.text.endswith("基金") or len(m.text) < 5:
            continue
        sentence = issue.sentences[m.sentence]
        start, end = m.start - sentence.start, m.end - sentence.start
        first_word = next((w for w in words[m.sentence] if w.start == start), None)
        if first_word is not None and sentence.text.endswith("基金", first_word.start, first_word.end) and first_word.end < end - 4:
            start = first_word.end  # 子基金 | 某市某某产业发展基金: what kind of fund, then its name
            first_word = next((w for w in words[m.sentence] if w.start == start), None)
        inside = [s for s in firsts[m.sentence] if s.start < end and start < s.end]
        if first_word is None or first_word.end >= end or any(s.start < start or s.end > end or (s.start, s.end) == (start, end)
                                                               for s in inside) \
                or GENERIC_SECTORS.match(sentence.text[start:end - 2]) or _FUND_NAME_GOES_ON.match("".join(sentence.text[end:end + 12].split())):
            continue  # (人工智能基金: a field's fund; 某某基金 | 合伙企业（有限合伙）: a longer name)
        if first_word.type in NAME_TYPES or first_word.type == "pos:nz" or sentence.text[start] in "省市":
            out.append(Mention(start + sentence.start, m.end, m.type, sentence.text[start:end], m.sentence, "model:other"))
            out += [Mention(n.start + sentence.start, n.end + sentence.start, n.type, sentence.text[n.start:n.end],
                            m.sentence, n.source) for n in _nested_in(sentence.text, Span(start, end, m.type, m.source))]
    return out


def _people_only_the_model_read_after_a_post(issue: Issue, firsts: list[list[Span]], words: list[list[Span]],
                                              others: list[Mention]) -> list[Mention]:
    """A person kg's model reads right after a post (副局长某某某, 常务董事佐藤健一) where LAC's reading names
    nothing there (a rare surname read as words: 母/a 学军/n; a name read as one word of another kind) or the person
    without a last character it took for a number or a word (佐藤健 | 一): the person, as the model reads it. Words
    with nothing of LAC's there must start with a surname; a verb after a name is no part of it (韩雪 | 作)."""
    out = []
    for m in others:
        if m.type != "Person" or not 2 <= len(m.text) <= 4:
            continue
        sentence = issue.sentences[m.sentence]
        start, end = m.start - sentence.start, m.end - sentence.start
        if not POST_AT_END.search(sentence.text, max(0, start - 12), start):
            continue
        touching = [s for s in firsts[m.sentence] if s.start < end and start < s.end]
        cut_short = len(touching) == 1 and touching[0].type == "Person" and touching[0].start == start \
            and any(w.start == touching[0].end and w.end == end and w.type in _LEFT_OUT_OF_A_NAME for w in words[m.sentence])
        one_word = any(w.start == start and w.end == end for w in words[m.sentence])  # (渡边诚一/v: a word LAC mistyped)
        place_named = len(touching) == 1 and touching[0].type == "Region" and (touching[0].start, touching[0].end) == (start, end) \
            and AFTER_A_PERSON.match(sentence.text, end) is not None  # (局长邹平介绍: a person named like a city)
        given_name_as_a_body = len(touching) == 1 and touching[0].type == "Organization" and touching[0].end == end \
            and touching[0].end - touching[0].start == 2 and touching[0].start == start + 1 and m.text[0] in SURNAMES
        # (行长包/v | 雅丽/ORG: a surname read as a verb, the given name as a body of two characters)
        if cut_short or place_named or given_name_as_a_body \
                or (not touching and (one_word or m.text[0] in SURNAMES or m.text[:2] in COMPOUND_SURNAMES)):
            out.append(replace(m, source="model:other"))
    return out


def _societies_of_two_fields_only_the_model_read(issue: Issue, firsts: list[list[Span]], others: list[Mention]) -> list[Mention]:
    """某市岩土与防灾学会, 某市氢能与储能学会 where kg's model reads the society whole and LAC's reading takes 与 for a
    conjunction (某市 | 岩土 | 与 | 防灾学会): the society, as the model reads it, when its place (or 省, 市) opens it and what LAC
    names inside it is that place or a piece of the name; not two bodies (甲协会与乙学会)."""
    out = []
    for m in others:
        if m.type != "Organization" or "与" not in m.text or not m.text.endswith(_SOCIETIES):
            continue
        before, _, after = m.text.partition("与")
        head = gazetteer().head(before) or (before[0] if before[0] in "省市县" else None)  # (市岩土与防灾学会: the city's)
        if ends_like_org(before) or not 2 <= len(after) - 2 <= 8 or head is None or len(before) - len(head) < 2:
            continue
        sentence = issue.sentences[m.sentence]
        start, end = m.start - sentence.start, m.end - sentence.start
        touching = [s for s in firsts[m.sentence] if s.start < end and start < s.end]
        if all(start <= s.start and s.end <= end for s in touching) and not any(s.type == "Person" for s in touching):
            out.append(replace(m, source="model:other"))
            out += [Mention(n.start + sentence.start, n.end + sentence.start, n.type, sentence.text[n.start:n.end], m.sentence, n.source)
                    for n in _nested_in(sentence.text, Span(start, end, m.type, m.source))]
    return out


#: The kinds of body named by two fields joined with 与: 某某与某某学会.
_SOCIETIES = ("学会", "研究会", "协会")
#: LAC's tags of a name's last character it left out of the person (佐藤健 | 一/m, 某建 | 新/ad); not a verb (韩青 | 作/v).
_LEFT_OUT_OF_A_NAME = frozenset({"pos:m", "pos:ad", "pos:a", "pos:n", "pos:nz", "pos:q"})
#: What goes on after a fund's name in a partnership's registered one: 某某基金 | 合伙企业（有限合伙）.
_FUND_NAME_GOES_ON = re.compile(r"合伙|[（(]有限合伙[）)]|管理|有限|股份")
#: LAC's tags of the common words a field is written with (量子/n 科技).
_COMMON_WORDS = frozenset({"pos:n", "pos:nz", "pos:vn", "pos:a", "pos:an", "pos:ad", "pos:d"})


def _final_spans(issue: Issue, sentence: Sentence, model_spans: list[Span]) -> list[Span]:
    """One sentence's names after the rules, with the issue's publisher where it is named."""
    spans = _areas_as_places(sentence.text, _abbreviated_regions(find_spans(sentence.text, model_spans)))
    spans = [s for s in spans if not (s.type == "Region" and is_body_of_water(sentence.text[s.start:s.end]))]
    if issue.meta.publisher:
        if sentence.article == 0 and (named := _publisher(sentence.text, issue.meta.publisher, spans)):
            whole = named[0]  # (the model's names cut out of the publisher's give way: 某某管委会制度 | 创新局编;
            ends = (whole.end, whole.start + len(publisher_body(issue.meta.publisher)))  # not the body it edits for)
            spans = [s for s in spans if not (s.type == "Organization" and whole.start <= s.start and s.end <= whole.end
                                              and s.end not in ends)]
            spans += named
        spans = _publisher_by_its_kind(sentence.text, issue.meta.publisher, spans)
    return spans


def _mentions(issue: Issue, spans_by_sentence: list[list[Span]]) -> list[Mention]:
    """The issue's mentions from each sentence's final spans, in order."""
    mentions = []
    for n, (sentence, spans) in enumerate(zip(issue.sentences, spans_by_sentence)):
        for span in spans:
            start, end = sentence.start + span.start, sentence.start + span.end
            mentions.append(Mention(start, end, span.type, issue.text[start:end], n, span.source))
    return mentions


def _areas_as_places(text: str, spans: list[Span]) -> list[Span]:
    """欧盟, 东盟, 川渝 in the graph: areas of several countries or divisions (the ontology's places;
    MSRA's convention, which ``kg ner`` keeps, tags the unions ORG). Rivers (长江) leave the graph in
    :func:`_final_spans` for the same reason: no place the ontology counts, though MSRA tags them LOC."""
    return [replace(s, type="Region") if s.type == "Organization" and s.end - s.start <= 10 and is_area(text[s.start:s.end])
            else s for s in spans]


def _abbreviated_regions(spans: list[Span]) -> list[Span]:
    """One-character places in the graph: three or more in a row name one region (港澳台,
    京津冀: MSRA's convention tags each); fewer name none (中美合作, 沪上), as an abbreviation
    the graph cannot place. ``spans``: in :func:`find_spans`'s order."""
    out: list[Span] = []
    run: list[Span] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append(Span(run[0].start, run[-1].end, "Region", run[0].source))
        run.clear()

    for span in spans:
        if span.type == "Region" and span.end - span.start == 1:
            if run and run[-1].end != span.start:
                flush()
            run.append(span)
            continue
        out.append(span)
    flush()
    return out


def find_spans(text: str, model_spans: Sequence[Span]) -> list[Span]:
    """The final spans of one sentence: rules first, model spans where no rule spoke."""
    ruled = rules.titled_works(text)
    bare = rules.bare_titles(text)
    ruled += [s for s in rules.quoted_names(text) if not _overlaps(s, ruled)
              and not (s.source == "rule:quoted-company" and _read_as_verb(s, model_spans))
              and not (s.source == "rule:scheme" and _inside(s, bare))]  # (某市“某某”建设行动计划: the whole title)
    ruled += [s for s in bare if not _overlaps(s, ruled)]
    ruled += [s for s in rules.masthead(text) + rules.sources(text) + rules.byline_people(text) if not _overlaps(s, ruled)]
    holders = [s for s in ruled if s.type != "Person"]  # (a name holds places and bodies; a person's, none)
    kept = [t for s in repair.repair(text, model_spans) if (t := _trim(text, s)) and (not _overlaps(t, ruled) or (
        _inside(t, holders) and (t.type != "Organization" or ISSUING_BODY.search(text, t.start, t.end))))]
    nested = [n for s in kept + ruled if s.type == "Organization" for n in _nested_in(text, s)]  # off the trimmed name
    nested += [Span(s.start + n.start, s.start + n.end, n.type, n.source) for s in kept if s.type == "Region"
               for n in places_inside_a_zone(text[s.start:s.end])]
    return sorted(filter(None, (_trim(text, s) for s in ruled + kept + nested + _with_country(text, kept))),
                  key=lambda s: (s.start, -s.end))


def _with_country(text: str, spans: list[Span]) -> list[Span]:
    """日本 | 某某株式会社 read apart: the name with its country names the body too (as 德国某某集团
    read whole names it without, :func:`kg.ner.names.nested_names`)."""
    places = {s.end: s for s in spans if s.type == "Region"}
    return [Span(place.start, s.end, "Organization", "rule:with-country") for s in spans
            if s.type == "Organization" and (place := places.get(s.start)) is not None
            and country_before_name(text[place.start:s.end]) == place.end - place.start]


def _nested_in(text: str, span: Span) -> list[Span]:
    """The places and parent bodies inside a name (:func:`nested_names`), as spans of the text; after
    a foreign country read apart (德国 | 某某创投), only that country's places."""
    country = next((d for n in (2, 3, 4, 5) if n <= span.start and (d := gazetteer().lookup(text[span.start - n:span.start]))
                    and d.level == "country" and d.code != "CN"), None)
    return [Span(span.start + n.start, span.start + n.end, n.type, n.source)
            for n in nested_names(text[span.start:span.end])
            if country is None or n.type != "Region" or _within(text[span.start + n.start:span.start + n.end], country)]


def _within(place: str, country: Division) -> bool:
    division = gazetteer().lookup(place)
    return division is not None and country in gazetteer().ancestors(division)


def _read_as_verb(span: Span, words: Sequence[Span]) -> bool:
    """企业“抱团”, 企业“只投不管”: the quote is words the backend reads as a verb and its
    adverbs, what the companies do."""
    inside = [w for w in words if span.start <= w.start and w.end <= span.end]
    return bool(inside) and inside[0].start == span.start and inside[-1].end == span.end \
        and any(w.type == "pos:v" for w in inside) and all(w.type in _VERB_PHRASE for w in inside)


#: What a quoted verb phrase is made of: verbs, adverbs, and a negation.
_VERB_PHRASE = frozenset({"pos:v", "pos:vd", "pos:d", "pos:ad", "pos:c"})


#: Marks that open or close a post, a tag or a heading, never part of a name: 【, #, ＃, @, ◆.
_OUTER_MARKS = frozenset("【】#＃@◆◇■□●▲△▶►★☆")  # (not ○: a zero in 一一○)


def _trim(text: str, span: Span) -> Span | None:
    """No mention starts or ends with white space or a heading's or tag's mark (【静思, #某商城);
    an empty one is dropped."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in _OUTER_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _OUTER_MARKS):
        end -= 1
    if start == end:
        return None
    if span.type == "Policy" and (quote := text.rfind("“", start, end)) > start and "”" not in text[quote:end]:
        start = quote + 1  # 某某人才政策“某某十条: the title is what the quotes open
    return span if (start, end) == (span.start, span.end) else Span(start, end, span.type, span.source)


def _publisher(text: str, publisher: str, spans: Sequence[Span]) -> list[Span]:
    """The masthead's `某某联盟秘书处编` names an organization the model rarely sees."""
    at = text.find(publisher)
    if at < 0 or any(s.start <= at and at + len(publisher) <= s.end and s.type == "Organization" for s in spans):
        return []
    named = Span(at, at + len(publisher), "Organization", "rule:publisher")
    return [named, *_nested_in(text, named)]  # and what its name holds


#: The kinds of body a bulletin's publisher may be, as it calls itself for short: 协会, 本会.
_PUBLISHER_KINDS = ("协会", "学会", "商会", "联盟", "研究会", "促进会", "研究院", "研究所", "研究中心", "集团")
#: A company's legal form after its kind: 某某集团有限公司 is a 集团.
_FORM_AFTER_KIND = re.compile(r"(?:股份)?(?:有限责任|有限)?公司$")
#: Where a bare 协会 stands as a name: at a clause's start, after a word of time or sequence, or
#: after a preposition (由集团副总经理某某兼任).
_BEFORE_BARE_KIND = re.compile(r"(?:^|[，。；：、“（(\s由经为与和及向对]|下一步|同时|此外|目前|今年|近日|当天|会上|其中|随后|届时)$")


@lru_cache(maxsize=16)
def _kind_pattern(kind: str) -> re.Pattern:
    """协会, 本会, 我会 (and 本所 for a 研究所): the ways a body calls itself in its bulletin."""
    after = "(?!士)" if kind[-1] == "院" else "(?=[^\u4e00-\u9fff]|[将的与和已于在为对向联共发召举组主])"  # (我院院长; 我会见)
    return re.compile(rf"(?:本|我)?{kind}|(?:本|我){kind[-1]}{after}")


def _publisher_by_its_kind(text: str, publisher: str, spans: Sequence[Span]) -> list[Span]:
    """协会秘书长某某: in the bulletin of 某某协会, a bare 协会 (or 本会, 我会) is the publisher.
    The model may have read it into a longer word (下一步协会); that word gives way."""
    publisher = publisher_body(publisher)
    kind = next((k for k in _PUBLISHER_KINDS if _FORM_AFTER_KIND.sub("", publisher).endswith(k)), None) \
        or ("公司" if publisher.endswith("公司") else None)  # (公司所属 X in a company's own bulletin: the company)
    if kind is None:
        return list(spans)
    if kind not in text and kind[-1] not in text:
        return list(spans)
    found = []
    for m in _kind_pattern(kind).finditer(text):
        start = m.start()
        prefix = text[:start]
        named_alone = any(s.start == start and s.end == m.end() and s.type == "Organization" for s in spans)
        if m.group().startswith(("本", "我")) or named_alone or _BEFORE_BARE_KIND.search(prefix):
            if not any(s.start < start and m.end() <= s.end and s.type == "Organization" and
                       text[s.start:s.end].endswith(kind) and s.end - s.start > len(m.group()) + 2 for s in spans):
                found.append(Span(start, m.end(), "Organization", "rule:publisher-kind"))
    if not found:
        return list(spans)
    kept = [s for s in spans if not any(s.start < f.end and f.start < s.end for f in found)]
    return sorted(kept + found, key=lambda s: (s.start, -s.end))


def _inside(span: Span, others: Sequence[Span]) -> bool:
    """A name inside a title (香港 in 《香港徽帜条例》) is kept: it names something too (an
    organization only when it is a body that issues documents, the issuer a title may name: not 湖北省科技 of
    《湖北省科技创新…》 nor 某某省概念验证中心 of 《某某省概念验证中心建设工作指引》, what the title is about)."""
    return any(o.start <= span.start and span.end <= o.end and (o.start, o.end) != (span.start, span.end)
               for o in others)


def flat(spans: Sequence[Span]) -> list[Span]:
    """Drop names nested in a longer name (北京 in 北京岚视科技有限公司), for flat NER output.

    Titles are another layer: a name inside a policy title stays.
    """
    names = [s for s in spans if s.type in NAME_TYPES]
    return [s for s in spans if s.type not in NAME_TYPES or not any(
        o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in names)]


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)
