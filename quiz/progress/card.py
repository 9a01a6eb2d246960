"""A question's scheduling state (`CardState`) and one logged answer (`Review`): the values the
scheduler computes and the store keeps, so that neither has to import the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from quiz.bank.model import CardStatus, Mode, Outcome
from quiz.progress.clock import to_iso

VERDICTS: tuple[str, ...] = tuple(o.value for o in Outcome)
MODES: tuple[str, ...] = tuple(m.value for m in Mode)
CARD_STATES: tuple[str, ...] = tuple(s.value for s in CardStatus)


@dataclass(frozen=True)
class Review:
    """One answer, as logged in `reviews`."""

    at: datetime
    bank: str
    question: str
    answer: str
    verdict: str
    rating: int
    duration_ms: int | None = None
    mode: str = "study"
    fingerprint: str = ""
    id: int | None = None  # set when read back from the store
    predicted: float | None = None  # FSRS recall just before the answer (None: a new card)


@dataclass(frozen=True)
class CardState:
    """A question's scheduling state, as stored in `cards` (made by `quiz.progress.scheduler.Scheduler`)."""

    bank: str
    question: str
    fsrs_card: str
    state: str
    stability: float | None
    difficulty: float | None
    due: datetime
    reps: int
    lapses: int
    first_review: datetime
    last_review: datetime
    fingerprint: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.bank, self.question)

    def row(self) -> tuple:
        """The values of a `cards` row, in the table's column order."""
        return (
            self.bank,
            self.question,
            self.fsrs_card,
            self.state,
            self.stability,
            self.difficulty,
            to_iso(self.due),
            self.reps,
            self.lapses,
            to_iso(self.first_review),
            to_iso(self.last_review),
            self.fingerprint,
        )


CORRECTIONS: tuple[str, ...] = ("overrule", "undo")
OVERRULED_RATING = 3  # "Tôi đúng": the answer counts as correct, scheduled Good


@dataclass(frozen=True)
class LoggedAnswer:
    """One answer of a question's log as it stands after its corrections (`apply_corrections`)."""

    id: int
    at: datetime
    verdict: str
    rating: int
    mode: str
    fingerprint: str
    moves_card: bool  # it moved the card on its schedule (`reviews.scheduled`; before v3: a study answer)
    overruled: bool = False


def apply_corrections(answers: list[LoggedAnswer], corrections: dict[int, str]) -> list[LoggedAnswer]:
    """The answers as they count once corrected: an undone answer is gone, an overruled one is correct
    (rated Good). `corrections` maps a corrected answer's id to 'overrule' or 'undo'."""
    from dataclasses import replace

    out = []
    for answer in answers:
        kind = corrections.get(answer.id)
        if kind == "undo":
            continue
        if kind == "overrule":
            answer = replace(answer, verdict="correct", rating=OVERRULED_RATING, overruled=True)
        out.append(answer)
    return out
