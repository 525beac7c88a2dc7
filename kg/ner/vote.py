"""Two readings of an issue, one graph: LAC's names, kept where kg's own model agrees.

The rule layer was built on LAC's reading and gives the better relations; kg's
model (:mod:`kg.ner.charner`, trained on public data) gives the better names on
text of every kind. Each errs where the other does not, so a name both find is
rarely wrong (on every evaluation publication, entity precision rose by 5 to 9
points and recall fell by 1.5 to 4). The vote, per issue:

* every entity of LAC's reading (after the rules, propagation and resolution)
  that kg's model also names somewhere in the issue, with the same type, is kept;
* so is an entity a relation was found for (the sentence's grammar vouches for it)
  and every Policy (found by the title rules, not by a model);
* the rest is dropped from the issue, with its mentions.

Both readings come from one ONNX Runtime call per batch (the model's graph holds
LAC's); the rule layer runs on each. Outside an issue (``kg ner``) there is
nothing to vote with: a sentence gets the model's names.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..doc import Issue, Mention, Span
from ..resolve import surface_key
from . import lac as lacmod
from .charner import CharNerBackend


class VoteBackend(CharNerBackend):
    """kg's model and LAC from one call; :func:`corroborate` keeps what both read."""

    name = "vote"

    def recognize_views(self, texts: Sequence[str]) -> list[tuple[list[Span], list[Span]]]:
        """Two readings of each text: LAC's (as the ``lac`` backend gives it) and the model's
        (as :meth:`recognize` gives it)."""
        lac_tags, ner_tags = self.tag(texts)
        runner = self.runner
        lac_view = lacmod.tag_spans(lac_tags, runner.tag_inside, runner.span_type, "lac")
        return list(zip(lac_view, self._spans(lac_tags, ner_tags)))


def corroborate(issue: Issue) -> None:
    """Drop, in place, the entities of the issue that only one reading found (see the module's
    docstring); relations keep pointing at the same mentions. A no-op for one reading."""
    if issue.other_reading is None:
        return
    other = {(type_, surface_key(text)) for type_, text in issue.other_reading}
    related = {i for r in issue.relations for i in (r.head, r.tail)}
    kept_keys = {(m.type, m.key) for i, m in enumerate(issue.mentions)
                 if m.type == "Policy" or i in related or (m.type, surface_key(m.text)) in other}
    index: dict[int, int] = {}
    mentions: list[Mention] = []
    for i, m in enumerate(issue.mentions):
        if (m.type, m.key) in kept_keys:
            index[i] = len(mentions)
            mentions.append(m)
    for r in issue.relations:
        r.head, r.tail = index[r.head], index[r.tail]
    issue.mentions = mentions
