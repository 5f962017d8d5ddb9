"""Evidence signals: which sentences of a document show a clause, and how fully."""

from __future__ import annotations

from collections.abc import Sequence

from jdbuilder.check.config import Signals
from jdbuilder.check.document import Sentence
from jdbuilder.check.results import Evidence

MAX_EVIDENCE = 3
MAX_QUOTE = 400


def group_hits(signals: Signals, text: str) -> list[bool]:
    """For each group of patterns, whether any of them is in the text."""
    return [any(pattern.search(text) for pattern in group) for group in signals.groups]


def assess(
    signals: Signals, sentences: Sequence[Sentence], *, topic_first: bool = False
) -> tuple[str, list[Evidence]]:
    """met when every group matches somewhere, partial when some do, missing when none.

    With `topic_first`, the first group names the topic (such as "safeguarding"): without it
    the result is missing, however many other groups match.
    Evidence is the sentences that match every group at once (up to three), or else the
    first sentence matching each group that was found.
    """
    first: list[Sentence | None] = [None] * len(signals.groups)
    complete: list[Sentence] = []
    for sentence in sentences:
        hits = group_hits(signals, sentence.text)
        for index, hit in enumerate(hits):
            if hit and first[index] is None:
                first[index] = sentence
        if hits and all(hits) and len(complete) < MAX_EVIDENCE:
            complete.append(sentence)
    found = sum(1 for sentence in first if sentence is not None)
    if not signals.groups or found == 0 or (topic_first and first[0] is None):
        return "missing", []
    status = "met" if found == len(signals.groups) else "partial"
    chosen = complete or list(dict.fromkeys(s for s in first if s is not None))
    return status, [Evidence(s.text[:MAX_QUOTE], s.location) for s in chosen[:MAX_EVIDENCE]]


def sentence_with_all(signals: Signals, sentences: Sequence[Sentence]) -> Sentence | None:
    """The first sentence in which every group matches (None when there are no groups)."""
    if not signals.groups:
        return None
    for sentence in sentences:
        if all(group_hits(signals, sentence.text)):
            return sentence
    return None
