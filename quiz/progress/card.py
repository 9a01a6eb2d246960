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
