"""Exam scoring: the score, the percentage, the pass mark, and the questions to review afterwards.

Answers are matched to questions by (bank id, question id), never by object identity. A question is
reviewed when it was answered wrong, skipped (and not answered when it came back at the end) or never
reached before the time ran out ("chưa trả lời"): three different things, never all "wrong".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.study.session import Item, Tally

WRONG, SKIPPED, UNANSWERED = "wrong", "skipped", "unanswered"


@dataclass(frozen=True)
class ExamResult:
    score: int  # correct + almost
    total: int  # questions in the exam
    # wrong, skipped or never reached, in exam order: (item, WRONG/SKIPPED/UNANSWERED, the answer given)
    review: list[tuple[Item, str, str | None]]

    @property
    def exact(self) -> float:
        """The score in percent, unrounded (the pass mark compares against this)."""
        return 100 * self.score / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.exact)

    def passed(self, mark: float) -> bool:
        return self.exact >= mark

    def count(self, status: str) -> int:
        return sum(1 for _item, s, _given in self.review if s == status)


def score_exam(items: Sequence[Item], tally: Tally) -> ExamResult:
    """The result of an exam of `items` from the session's tally."""
    given = {item.key: text for item, text, _ in tally.wrong_items}
    skipped = {item.key for item in tally.skipped_items}
    review: list[tuple[Item, str, str | None]] = []
    for item in items:
        outcome = tally.outcomes.get(item.key)
        if outcome == "wrong":
            review.append((item, WRONG, given.get(item.key)))
        elif outcome is None:
            review.append((item, SKIPPED if item.key in skipped else UNANSWERED, None))
    return ExamResult(tally.accepted, len(items), review)
