"""Exam scoring: the score, the percentage, the pass mark, and the questions to review afterwards.

Answers are matched to questions by (bank id, question id), never by object identity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quiz.study.session import Item, Tally


@dataclass(frozen=True)
class ExamResult:
    score: int  # correct + almost
    total: int  # questions in the exam
    review: list[
        tuple[Item, str | None]
    ]  # wrong, skipped or not reached, in exam order, with the answer given

    @property
    def exact(self) -> float:
        """The score in percent, unrounded (the pass mark compares against this)."""
        return 100 * self.score / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.exact)

    def passed(self, mark: float) -> bool:
        return self.exact >= mark


def score_exam(items: Sequence[Item], tally: Tally, asked: int) -> ExamResult:
    """The result of an exam of `items` of which the first `asked` were asked."""
    given = {item.key: text for item, text, _ in tally.wrong_items}
    missed = {item.key for item in [*tally.skipped_items, *items[asked:]]}
    review = [(item, given.get(item.key)) for item in items if item.key in given or item.key in missed]
    return ExamResult(tally.accepted, len(items), review)
