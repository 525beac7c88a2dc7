"""Run a backend over every sentence of many issues at once, then the rule layer."""
from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterator, Sequence

from ..doc import Issue, Mention, Span
from .. import regions
from . import repair, rules

NAME_TYPES = ("Organization", "Person", "Region")
#: Sentences handed to the backend per call: large enough to batch well, small
#: enough for the model and the rules to overlap and for a progress bar to move.
CHUNK = 1000


def recognize(issues: Sequence[Issue], backend, progress: Callable[[int], None] | None = None) -> None:
    """Fill ``issue.mentions`` for every issue, in place."""
    for _ in recognize_stream(issues, backend, progress):
        pass


def recognize_stream(issues: Sequence[Issue], backend,
                     progress: Callable[[int], None] | None = None) -> Iterator[Issue]:
    """Yield each issue once its mentions are filled, in input order.

    The backend runs on the next chunk of issues in a worker thread (ONNX Runtime
    releases the GIL) while this thread applies the rules to the chunk before,
    and the caller writes its graph: model and Python work overlap on two cores.
    """
    chunks = list(_chunks(issues))
    if not chunks:
        return
    switch = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)  # hand the GIL back quickly when a model call returns
    try:
        yield from _overlapped(chunks, backend, progress)
    finally:
        sys.setswitchinterval(switch)


def _overlapped(chunks, backend, progress) -> Iterator[Issue]:
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-ner") as pool:
        pending = pool.submit(_run, backend, chunks[0])
        for k, chunk in enumerate(chunks):
            model_spans = pending.result()
            if k + 1 < len(chunks):
                pending = pool.submit(_run, backend, chunks[k + 1])
            _apply(chunk, model_spans)
            if progress:
                progress(sum(len(s.text) for issue in chunk for s in issue.sentences))
            yield from chunk


def _chunks(issues: Sequence[Issue]) -> Iterator[list[Issue]]:
    chunk: list[Issue] = []
    size = 0
    for issue in issues:
        chunk.append(issue)
        size += len(issue.sentences)
        if size >= CHUNK:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _run(backend, chunk: list[Issue]) -> list[list[Span]]:
    return backend.recognize([s.text for issue in chunk for s in issue.sentences])


def _apply(chunk: list[Issue], model_spans: list[list[Span]]) -> None:
    spans_of = iter(model_spans)
    for issue in chunk:
        issue.mentions = []
        for n, sentence in enumerate(issue.sentences):
            spans = find_spans(sentence.text, next(spans_of))
            if sentence.article == 0 and issue.meta.publisher:
                spans += _publisher(sentence.text, issue.meta.publisher, spans)
            for span in spans:
                start, end = sentence.start + span.start, sentence.start + span.end
                issue.mentions.append(
                    Mention(start, end, span.type, issue.text[start:end], n, span.source))


def find_spans(text: str, model_spans: Sequence[Span]) -> list[Span]:
    """The final spans of one sentence: rules first, model spans where no rule spoke."""
    ruled = rules.titled_works(text)
    ruled += [s for s in rules.quoted_names(text) if not _overlaps(s, ruled)]
    kept = [s for s in repair.repair(text, model_spans) if not _overlaps(s, ruled) or _inside(s, ruled)]
    nested = [Span(s.start + a, s.start + b, "Region", "rule:nested-region")
              for s in kept if s.type == "Organization"
              for a, b in regions.nested_regions(text[s.start:s.end])]
    return sorted(filter(None, (_trim(text, s) for s in ruled + kept + nested)),
                  key=lambda s: (s.start, -s.end))


def _trim(text: str, span: Span) -> Span | None:
    """No mention starts or ends with white space; an empty one is dropped."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return span if (start, end) == (span.start, span.end) else Span(start, end, span.type, span.source)


def _publisher(text: str, publisher: str, spans: Sequence[Span]) -> list[Span]:
    """The masthead's `长风联盟秘书处编` names an organization the model rarely sees."""
    at = text.find(publisher)
    if at < 0 or any(s.start <= at and at + len(publisher) <= s.end and s.type == "Organization" for s in spans):
        return []
    return [Span(at, at + len(publisher), "Organization", "rule:publisher")]


def _inside(span: Span, others: Sequence[Span]) -> bool:
    """A name inside a title (香港 in 《香港徽帜条例》) is kept: it names something too."""
    return any(o.start <= span.start and span.end <= o.end and (o.start, o.end) != (span.start, span.end)
               for o in others)


def flat(spans: Sequence[Span]) -> list[Span]:
    """Drop names nested in a longer name (北京 in 北京旷视科技有限公司), for flat NER output.

    Titles are another layer: a name inside a policy title stays.
    """
    names = [s for s in spans if s.type in NAME_TYPES]
    return [s for s in spans if s.type not in NAME_TYPES or not any(
        o is not s and o.start <= s.start and s.end <= o.end and len(o) > len(s) for o in names)]


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)
