"""The order of the stages, written once.

    file → ingest → normalize → segment → NER → resolve → relations → vote → people → describe

``kg build``, the Python API (:func:`kg.build`, :func:`extract`) and the tests all
go through these functions, so an option such as the alias file reaches every path.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from . import ner, textindex
from .doc import Issue, RawIssue
from .ner.vote import corroborate
from .normalize import normalize
from .nquads import IssueGraph, issue_graph
from .regions import describe_hierarchy
from .relations import co_mentions, extract_relations
from .resolve import Aliases, describe_entities, resolve_issue
from .resolve.people import resolve_people
from .segment import segment


def prepare(raw: RawIssue) -> Issue:
    """Normalize and segment one file as its reader returned it; the document's own
    metadata fills what the text does not say."""
    return segment(Issue(raw.id, raw.path, raw.encoding, normalize(raw.text)), fallback=raw.meta)


def finish(issue: Issue, aliases: Aliases | None = None) -> Issue:
    """Everything after NER, in place: keys, relations, people by post, and what the
    graph says of the entities (labels, region chains, co-mentions)."""
    resolve_issue(issue, aliases)
    issue.relations = extract_relations(issue)
    corroborate(issue)
    resolve_people(issue)
    describe_entities(issue)
    describe_hierarchy(issue)
    issue.co_mentions = co_mentions(issue)
    return issue


def extract_stream(issues: Iterable[Issue], backend, aliases: Aliases | None = None,
                   progress: Callable[[int], None] | None = None) -> Iterator[Issue]:
    """Each issue with its mentions, relations and entities, in input order.

    The NER model runs ahead on the next issues while this yields the one at hand."""
    for issue in ner.recognize_stream(issues, backend, progress):
        yield finish(issue, aliases)


def extract(issues: list[Issue], backend, aliases: Aliases | None = None,
            progress: Callable[[int], None] | None = None) -> list[Issue]:
    """:func:`extract_stream` for a list, in place; returns the issues."""
    for _ in extract_stream(issues, backend, aliases, progress):
        pass
    return issues


def to_graph(issue: Issue) -> IssueGraph:
    """A finished issue as the writer takes it: its N-Quads, manifest record and
    search-index rows (all made here, so a Dask worker makes them too)."""
    made = issue_graph(issue)
    made.index = textindex.index_rows(issue)
    return made
