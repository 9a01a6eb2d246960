"""Spaced repetition with FSRS-6 (the `fsrs` package): verdict → rating, next card state, memory strength.

Importing this module does NOT import `fsrs` (only `Scheduler.review` does), so `quiz report`, which
needs `retrievability` and `is_mastered` only, stays instant.

- `rating_for(outcome, self_rate)`: the judge's verdict as an FSRS rating — wrong → Again (1),
  almost → Hard (2), correct → Good (3). A learner's self-rating may turn a *correct* answer into
  Easy (4, "easy") or Hard (2, "hard"); it never turns a wrong or almost answer into a better rating.
- `Scheduler(desired_retention=0.9, fuzz=True).review(card, bank, qid, rating, now, fingerprint)`:
  the `CardState` after one review (a new card when `card` is None). The desired retention comes from
  the argument, else the `QUIZ_RETENTION` environment variable, else 0.9. Fuzzing (a small random
  spread of review intervals, so cards learnt together do not stay together) is on by default;
  pass `fuzz=False` for reproducible results.
- `retrievability(stability, elapsed_days)`: FSRS-6's forgetting curve
  R(t) = (1 + F·t/S)^(−d), with d = w[20] = 0.1542 (fsrs's default decay) and F = 0.9^(−1/d) − 1,
  so that R(S) = 0.9: the stability S is the number of days after which recall falls to 90 %.
  Elapsed days may be fractional (`fsrs.Scheduler.get_card_retrievability` floors them to whole days).
- `is_mastered(card, now)`: a question is **mastered when it is expected to be recalled three weeks from
  now**: its retrievability 21 days after `now` is at least 0.9. Because R(S) = 0.9 and R decreases,
  that is exactly `stability >= days from the last review to now + 21 days`; `MASTERED_SQL` is the same
  test for SQL over the `cards` table (bind `:now` to a `quiz.progress.clock.to_iso` string).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from quiz import messages as M
from quiz import settings
from quiz.bank.model import Rating
from quiz.errors import QuizError
from quiz.progress.card import CardState

AGAIN, HARD, GOOD, EASY = (int(r) for r in Rating)

# fsrs 6.x DEFAULT_PARAMETERS[20] (FSRS_DEFAULT_DECAY); tests check it against the installed package.
FSRS_DEFAULT_DECAY = 0.1542
DEFAULT_RETENTION = 0.9
RETENTION_RANGE = (0.7, 0.99)
RETENTION_ENV = "QUIZ_RETENTION"

MASTERY_DAYS = 21
MASTERY_RETENTION = 0.9
MASTERED_SQL = f"(stability >= julianday(:now) + {MASTERY_DAYS} - julianday(last_review))"

_OUTCOME_RATINGS = {"wrong": AGAIN, "almost": HARD, "correct": GOOD}
_STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}
_SECONDS_PER_DAY = 86400.0


def rating_for(outcome: str, self_rate: str | None = None) -> int:
    """The FSRS rating (1..4) for a verdict outcome, adjusted by the learner's "easy"/"hard" self-rating."""
    try:
        rating = _OUTCOME_RATINGS[outcome]
    except KeyError:
        raise ValueError(f"unknown outcome {outcome!r}: expected one of {sorted(_OUTCOME_RATINGS)}") from None
    if self_rate is None:
        return rating
    if self_rate not in ("easy", "hard"):
        raise ValueError(f"unknown self-rating {self_rate!r}: expected 'easy' or 'hard'")
    if rating == GOOD:
        return EASY if self_rate == "easy" else HARD
    return rating  # a wrong or almost answer is never upgraded


def retrievability(stability: float, elapsed_days: float, decay: float = FSRS_DEFAULT_DECAY) -> float:
    """Probability of recall `elapsed_days` after the last review of a card of this stability (FSRS-6)."""
    if stability is None or stability <= 0:
        return 0.0
    factor = 0.9 ** (-1.0 / decay) - 1.0
    return (1.0 + factor * max(0.0, elapsed_days) / stability) ** -decay


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / _SECONDS_PER_DAY


def card_retrievability(card: CardState | None, now: datetime) -> float:
    """The card's probability of recall at `now` (0 for a new card)."""
    if card is None or card.stability is None:
        return 0.0
    return retrievability(card.stability, _days(now - card.last_review))


def is_mastered(card: CardState | None, now: datetime) -> bool:
    """Expected to be recalled three weeks from now: retrievability at now + 21 days >= 0.9."""
    if card is None or card.stability is None:
        return False
    # R(t) >= 0.9  <=>  t <= S (R is decreasing and R(S) = 0.9); compared exactly, as MASTERED_SQL does.
    return card.stability >= _days(now + timedelta(days=MASTERY_DAYS) - card.last_review)


def retention_from_env() -> float:
    """`QUIZ_RETENTION` as a float in 0.7..0.99, or 0.9 when unset."""
    value = (settings.current().retention or "").strip()
    if not value:
        return DEFAULT_RETENTION
    try:
        return _check_retention(float(value.replace(",", ".")))
    except (ValueError, QuizError):
        low, high = RETENTION_RANGE
        raise QuizError(
            f"{RETENTION_ENV}={value!r} không hợp lệ: hãy ghi một số từ {low} đến {high}, ví dụ 0.9."
        ) from None


def option_retention(value: float | None) -> float | None:
    """A `--retention` option checked against the same range (None: not given)."""
    if value is not None and not RETENTION_RANGE[0] <= value <= RETENTION_RANGE[1]:
        raise QuizError(M.BAD_RETENTION)
    return value


def _check_retention(value: float) -> float:
    low, high = RETENTION_RANGE
    if not low <= value <= high:
        raise QuizError(f"Tỉ lệ ghi nhớ mong muốn {value} không hợp lệ: hãy chọn một số từ {low} đến {high}.")
    return value


class Scheduler:
    """FSRS-6 scheduling of one learner's cards (default parameters, learning steps 1 min and 10 min)."""

    def __init__(
        self,
        desired_retention: float | None = None,
        fuzz: bool = True,
        parameters: Sequence[float] | None = None,
    ) -> None:
        self.desired_retention = (
            retention_from_env() if desired_retention is None else _check_retention(float(desired_retention))
        )
        self.fuzz = fuzz
        # FSRS parameters fitted to this learner and kept (`quiz.progress.fit`); None: fsrs's defaults
        self.parameters = tuple(parameters) if parameters is not None else None
        self._fsrs: Any = None

    def _scheduler(self) -> Any:
        if self._fsrs is None:
            import fsrs

            options: dict[str, Any] = {"desired_retention": self.desired_retention}
            options["enable_fuzzing"] = self.fuzz
            if self.parameters is not None:
                options["parameters"] = self.parameters
            self._fsrs = fsrs.Scheduler(**options)
        return self._fsrs

    def use_parameters(self, parameters: Sequence[float] | None) -> None:
        """Schedule with these FSRS parameters from now on (None: fsrs's defaults)."""
        if parameters is not None and len(parameters) != 21:
            raise ValueError("FSRS-6 needs 21 parameters")
        self.parameters = tuple(parameters) if parameters is not None else None
        self._fsrs = None

    def recall(self, card: CardState | None, now: datetime) -> float | None:
        """The probability of recall FSRS predicts for `card` at `now` (None for a new card), with this
        scheduler's parameters: what is logged with each answer (`reviews.predicted`)."""
        if card is None or card.stability is None:
            return None
        decay = self.parameters[20] if self.parameters is not None else FSRS_DEFAULT_DECAY
        return retrievability(card.stability, _days(now - card.last_review), decay)

    def review(
        self,
        card: CardState | None,
        bank: str,
        qid: str,
        rating: int,
        now: datetime,
        fingerprint: str,
    ) -> CardState:
        """The card's state after being answered with `rating` (1..4) at `now` (new card when None)."""
        import fsrs

        if rating not in (AGAIN, HARD, GOOD, EASY):
            raise ValueError(f"rating must be 1..4, not {rating!r}")
        if now.tzinfo is None:
            raise ValueError("naive datetime: use an aware datetime (quiz.progress.clock.now())")
        at = now.astimezone(timezone.utc)
        if card is None:
            fsrs_card = fsrs.Card(card_id=int(at.timestamp() * 1000), due=at)
            first_review, reps, lapses = at, 0, 0
        else:
            if card.key != (bank, qid):
                raise ValueError(f"card {card.key} is not ({bank!r}, {qid!r})")
            fsrs_card = fsrs.Card.from_json(card.fsrs_card)
            first_review, reps, lapses = card.first_review, card.reps, card.lapses
        was_review = fsrs_card.state == fsrs.State.Review
        updated, _log = self._scheduler().review_card(fsrs_card, fsrs.Rating(rating), review_datetime=at)
        if was_review and rating == AGAIN:
            lapses += 1
        return CardState(
            bank=bank,
            question=qid,
            fsrs_card=updated.to_json(),
            state=_STATE_NAMES[int(updated.state)],
            stability=updated.stability,
            difficulty=updated.difficulty,
            due=updated.due.astimezone(timezone.utc),
            reps=reps + 1,
            lapses=lapses,
            first_review=first_review,
            last_review=at,
            fingerprint=fingerprint,
        )

    def replay(self, bank: str, qid: str, answers: Sequence[tuple[datetime, int, str]]) -> CardState | None:
        """A card's state recomputed from its answers (time, rating, fingerprint), in time order, from a
        new card on, with this scheduler's retention and parameters but without fuzz (the same log always
        gives the same state); None when there are none."""
        quiet = Scheduler(self.desired_retention, fuzz=False, parameters=self.parameters)
        card: CardState | None = None
        for at, rating, fingerprint in answers:
            card = quiet.review(card, bank, qid, int(rating), at, fingerprint)
        return card
