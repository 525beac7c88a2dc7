"""Run a backend over every sentence of many issues at once, then the rule layer."""
from __future__ import annotations

from typing import Callable, Sequence

from ..doc import Issue, Mention, Span
from .. import regions
from . import repair, rules

NAME_TYPES = ("Organization", "Person", "Region")
#: Sentences handed to the backend per call: large enough to batch well, small
#: enough for a progress bar to move.
CHUNK = 4000


def recognize(issues: Sequence[Issue], backend, progress: Callable[[int], None] | None = None) -> None:
    """Fill ``issue.mentions`` for every issue, in place."""
    jobs = [(issue, n) for issue in issues for n in range(len(issue.sentences))]
    for k in range(0, len(jobs), CHUNK):
        chunk = jobs[k:k + CHUNK]
        texts = [issue.sentences[n].text for issue, n in chunk]
        for (issue, n), model_spans in zip(chunk, backend.recognize(texts)):
            sentence = issue.sentences[n]
            spans = find_spans(sentence.text, model_spans)
            if sentence.article == 0 and issue.meta.publisher:
                spans += _publisher(sentence.text, issue.meta.publisher, spans)
            for span in spans:
                start, end = sentence.start + span.start, sentence.start + span.end
                issue.mentions.append(
                    Mention(start, end, span.type, issue.text[start:end], n, span.source))
        if progress:
            progress(sum(len(t) for t in texts))


def find_spans(text: str, model_spans: Sequence[Span]) -> list[Span]:
    """The final spans of one sentence: rules first, model spans where no rule spoke."""
    ruled = rules.titled_works(text)
    ruled += [s for s in rules.quoted_names(text) if not _overlaps(s, ruled)]
    kept = [s for s in repair.repair(text, model_spans) if not _overlaps(s, ruled) or _inside(s, ruled)]
    nested = [Span(s.start + a, s.start + b, "Region", "rule:nested-region")
              for s in kept if s.type == "Organization"
              for a, b in regions.nested_regions(text[s.start:s.end])]
    return sorted(ruled + kept + nested, key=lambda s: (s.start, -s.end))


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
