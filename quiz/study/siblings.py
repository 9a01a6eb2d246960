"""Sibling questions: never two of them in one study session or one exam, so one does not give the other away.

Two questions of a bank are siblings when
- the bank declares it: `siblings: [other-id, …]` on either of them (`Bank.siblings_of`, symmetric);
- one's prompt prints the other's answer (`quiz.bank.lint.detected_siblings`, the `answer_in_prompt`
  warning of `quiz bank check`);
- their quotes overlap in the article (`quiz.bank.grounding.quote_spans`: they tell the same passage).

`SiblingIndex.of(banks)` gathers all three; a `SiblingGate` then admits questions one by one, refusing
any whose sibling it has already admitted. Questions held back stay due (or new) for a later session.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from quiz.bank.model import Bank

Key = tuple[str, str]  # (bank id, question id)
Span = tuple[str | None, int, int]  # (source id, start, end) of a quote in its article


@dataclass
class SiblingIndex:
    """Who may not meet whom: explicit pairs (declared or detected) and quote spans."""

    pairs: dict[Key, set[str]] = field(default_factory=dict)  # key → sibling question ids (same bank)
    spans: dict[Key, Span] = field(default_factory=dict)

    @classmethod
    def of(cls, banks: Iterable[Bank], sources_dir: Path | None = None) -> SiblingIndex:
        """Declared, detected and overlapping-quote siblings of every question of `banks`."""
        from quiz.bank.grounding import quote_spans
        from quiz.bank.lint import detected_siblings

        index = cls()
        for bank in banks:
            for question in bank.questions:
                for other in bank.siblings_of(question.id):
                    index.add(bank.id, question.id, other)
            for a, b in detected_siblings(bank):
                index.add(bank.id, a, b)
            for qid, span in quote_spans(bank, sources_dir).items():
                index.spans[(bank.id, qid)] = span
        return index

    def add(self, bank: str, a: str, b: str) -> None:
        """Make `a` and `b` of `bank` siblings (both ways)."""
        if a != b:
            self.pairs.setdefault((bank, a), set()).add(b)
            self.pairs.setdefault((bank, b), set()).add(a)

    def of_question(self, bank: str, qid: str) -> set[str]:
        """The declared or detected siblings of one question (quote overlaps aside)."""
        return self.pairs.get((bank, qid), set())


class SiblingGate:
    """Admits questions in the order offered, never one whose sibling it has already admitted."""

    def __init__(self, index: SiblingIndex | None = None):
        self.index = index or SiblingIndex()
        self.admitted: set[Key] = set()
        # per (bank, source): admitted quote spans, kept sorted by start and never overlapping
        self.taken: dict[tuple[str, str | None], list[tuple[int, int]]] = {}

    def admit(self, key: Key) -> bool:
        """True (and remembered) if no sibling of `key` was admitted before; False otherwise."""
        bank, qid = key
        if any((bank, other) in self.admitted for other in self.index.of_question(bank, qid)):
            return False
        span = self.index.spans.get(key)
        if span is not None:
            source, start, end = span
            taken = self.taken.setdefault((bank, source), [])
            at = bisect.bisect_left(taken, (start, end))
            # admitted spans never overlap, so only the neighbours on each side can overlap this one
            if at > 0 and taken[at - 1][1] > start:
                return False
            if at < len(taken) and taken[at][0] < end:
                return False
            taken.insert(at, (start, end))
        self.admitted.add(key)
        return True
