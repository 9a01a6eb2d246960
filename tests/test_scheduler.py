"""The FSRS scheduler: ratings, next states, retrievability, mastery."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.progress.card import CardState
from quiz.progress.scheduler import (
    AGAIN,
    EASY,
    FSRS_DEFAULT_DECAY,
    GOOD,
    HARD,
    MASTERY_DAYS,
    Scheduler,
    card_retrievability,
    is_mastered,
    rating_for,
    retrievability,
)

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
REPO = Path(__file__).resolve().parent.parent


def answer(
    scheduler: Scheduler, card: CardState | None, rating: int, at: datetime, qid: str = "q"
) -> CardState:
    return scheduler.review(card, "chi-thi", qid, rating, at, "fp")


def interval(card: CardState) -> timedelta:
    return card.due - card.last_review


def graduated(scheduler: Scheduler, at: datetime = T0) -> CardState:
    """A card answered correctly twice (new → learning → review)."""
    card = answer(scheduler, None, GOOD, at)
    return answer(scheduler, card, GOOD, card.due)


# --- fsrs is imported lazily ----------------------------------------------------------------------------


def test_importing_the_scheduler_store_and_clock_does_not_import_fsrs() -> None:
    code = (
        "import sys, quiz.progress.scheduler, quiz.progress.store, quiz.progress.clock\n"
        "from quiz.progress.scheduler import is_mastered, retrievability, Scheduler\n"
        "Scheduler()\n"
        "print('fsrs' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- ratings ----------------------------------------------------------------------------------------------


def test_verdicts_map_to_ratings() -> None:
    assert rating_for("wrong") == AGAIN == 1
    assert rating_for("almost") == HARD == 2
    assert rating_for("correct") == GOOD == 3


def test_self_rating_adjusts_only_a_correct_answer() -> None:
    assert rating_for("correct", "easy") == EASY == 4
    assert rating_for("correct", "hard") == HARD
    assert rating_for("wrong", "easy") == AGAIN
    assert rating_for("almost", "easy") == HARD
    assert rating_for("wrong", "hard") == AGAIN


@given(st.sampled_from(["correct", "almost", "wrong"]), st.sampled_from([None, "easy", "hard"]))
def test_a_wrong_answer_never_passes(outcome: str, self_rate: str | None) -> None:
    rating = rating_for(outcome, self_rate)
    assert 1 <= rating <= 4
    assert (rating == AGAIN) == (outcome == "wrong")
    assert rating <= rating_for(outcome) or outcome == "correct"


def test_unknown_outcomes_and_self_ratings_are_bugs() -> None:
    with pytest.raises(ValueError):
        rating_for("skipped")
    with pytest.raises(ValueError):
        rating_for("correct", "medium")


# --- reviews ----------------------------------------------------------------------------------------------


def test_a_new_card_after_one_answer() -> None:
    card = answer(Scheduler(fuzz=False), None, GOOD, T0)
    assert card.key == ("chi-thi", "q")
    assert card.first_review == card.last_review == T0
    assert card.reps == 1 and card.lapses == 0
    assert card.state == "learning"
    assert card.stability is not None and card.difficulty is not None
    assert card.due > T0
    assert json.loads(card.fsrs_card)["stability"] == card.stability


def test_a_wrong_answer_is_due_sooner_than_a_correct_one() -> None:
    scheduler = Scheduler(fuzz=False)
    assert answer(scheduler, None, AGAIN, T0).due < answer(scheduler, None, GOOD, T0).due
    learnt = graduated(scheduler)
    at = learnt.due
    wrong = answer(scheduler, learnt, rating_for("wrong"), at)
    almost = answer(scheduler, learnt, rating_for("almost"), at)
    right = answer(scheduler, learnt, rating_for("correct"), at)
    easy = answer(scheduler, learnt, rating_for("correct", "easy"), at)
    assert wrong.due < almost.due < right.due < easy.due


def test_answering_correctly_again_and_again_makes_the_interval_grow() -> None:
    scheduler = Scheduler(fuzz=False)
    card = answer(scheduler, None, GOOD, T0)
    intervals = [interval(card)]
    for _ in range(5):
        card = answer(scheduler, card, GOOD, card.due)
        intervals.append(interval(card))
    assert intervals == sorted(intervals) and len(set(intervals)) == len(intervals)
    assert intervals[-1] > timedelta(days=100)
    assert card.reps == 6 and card.lapses == 0 and card.state == "review"
    assert card.first_review == T0


def test_forgetting_a_learnt_card_is_a_lapse() -> None:
    scheduler = Scheduler(fuzz=False)
    learnt = graduated(scheduler)
    forgot = answer(scheduler, learnt, AGAIN, learnt.due)
    assert forgot.lapses == 1 and forgot.state == "relearning"
    assert forgot.stability < learnt.stability
    assert forgot.due - forgot.last_review < timedelta(days=1)
    # a wrong answer while still learning is not a lapse
    assert answer(scheduler, None, AGAIN, T0).lapses == 0


def test_without_fuzz_results_are_deterministic() -> None:
    def run() -> list[CardState]:
        scheduler = Scheduler(fuzz=False)
        states, card = [], None
        for rating in (GOOD, GOOD, HARD, GOOD, AGAIN, GOOD, EASY):
            card = answer(scheduler, card, rating, card.due if card else T0)
            states.append(card)
        return states

    assert run() == run()


def test_fuzz_spreads_intervals_of_cards_learnt_together() -> None:
    random.seed(5)
    scheduler = Scheduler()  # fuzz is on by default
    assert scheduler.fuzz is True
    learnt = graduated(Scheduler(fuzz=False))
    learnt = answer(Scheduler(fuzz=False), learnt, GOOD, learnt.due)  # ~11 days: fuzz range applies
    dues = {answer(scheduler, learnt, GOOD, learnt.due).due for _ in range(40)}
    exact = answer(Scheduler(fuzz=False), learnt, GOOD, learnt.due)
    assert len(dues) > 1
    spread = [abs((d - exact.due).total_seconds()) / interval(exact).total_seconds() for d in dues]
    assert max(spread) <= 0.2


def test_times_in_any_timezone_are_stored_in_utc() -> None:
    hanoi = timezone(timedelta(hours=7))
    card = answer(Scheduler(fuzz=False), None, GOOD, T0.astimezone(hanoi))
    assert card.last_review == T0 and card.last_review.tzinfo == timezone.utc
    assert card.due.tzinfo == timezone.utc


def test_bad_inputs_are_bugs() -> None:
    scheduler = Scheduler(fuzz=False)
    with pytest.raises(ValueError):
        answer(scheduler, None, 5, T0)
    with pytest.raises(ValueError):
        answer(scheduler, None, GOOD, datetime(2026, 11, 23))
    card = answer(scheduler, None, GOOD, T0)
    with pytest.raises(ValueError):
        scheduler.review(card, "chi-thi", "another", GOOD, T0, "fp")


def test_a_changed_question_carries_its_new_fingerprint() -> None:
    scheduler = Scheduler(fuzz=False)
    card = answer(scheduler, None, GOOD, T0)
    again = scheduler.review(card, "chi-thi", "q", GOOD, card.due, "new-fingerprint")
    assert again.fingerprint == "new-fingerprint"


# --- desired retention ------------------------------------------------------------------------------------


def test_retention_defaults_to_0_9_and_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZ_RETENTION", raising=False)
    assert Scheduler().desired_retention == 0.9
    monkeypatch.setenv("QUIZ_RETENTION", "0,85")
    assert Scheduler().desired_retention == 0.85
    assert Scheduler(desired_retention=0.95).desired_retention == 0.95  # the argument wins


def test_higher_retention_means_shorter_intervals() -> None:
    strict, relaxed = Scheduler(0.97, fuzz=False), Scheduler(0.8, fuzz=False)
    learnt_strict, learnt_relaxed = graduated(strict), graduated(relaxed)
    assert interval(learnt_strict) < interval(learnt_relaxed)


@pytest.mark.parametrize("value", ["abc", "1.5", "0.3", "90%"])
def test_a_bad_retention_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("QUIZ_RETENTION", value)
    with pytest.raises(QuizError, match="QUIZ_RETENTION") as info:
        Scheduler()
    assert "\n" not in str(info.value)
    with pytest.raises(QuizError):
        Scheduler(desired_retention=1.2)


# --- retrievability and mastery ---------------------------------------------------------------------------


def test_decay_is_fsrs_default() -> None:
    import fsrs.scheduler

    assert FSRS_DEFAULT_DECAY == fsrs.scheduler.DEFAULT_PARAMETERS[20]


@given(
    stability=st.floats(min_value=0.01, max_value=36500),
    days=st.integers(min_value=0, max_value=20000),
)
def test_retrievability_equals_fsrs(stability: float, days: int) -> None:
    import fsrs

    last = T0
    card = fsrs.Card(card_id=1, state=fsrs.State.Review, stability=stability, difficulty=5.0, due=T0)
    card.last_review = last
    expected = fsrs.Scheduler().get_card_retrievability(card, last + timedelta(days=days))
    assert retrievability(stability, days) == pytest.approx(expected, rel=1e-12)


def test_retrievability_of_real_reviewed_cards_equals_fsrs() -> None:
    import fsrs

    scheduler = Scheduler(fuzz=False)
    card = graduated(scheduler)
    for days in (0, 1, 3, 10, 100):
        now = card.last_review + timedelta(days=days)
        expected = fsrs.Scheduler().get_card_retrievability(fsrs.Card.from_json(card.fsrs_card), now)
        assert card_retrievability(card, now) == pytest.approx(expected, rel=1e-12)


def test_the_forgetting_curve() -> None:
    assert retrievability(5.0, 0) == 1.0
    assert retrievability(5.0, 5.0) == pytest.approx(0.9)  # stability: days until recall falls to 90 %
    assert retrievability(5.0, 10) < retrievability(5.0, 5.5) < 0.9
    assert retrievability(0.0, 1) == 0.0
    assert card_retrievability(None, T0) == 0.0


@given(st.floats(min_value=0.01, max_value=1e5), st.floats(min_value=0, max_value=1e5))
def test_retrievability_is_a_probability_that_decreases(stability: float, days: float) -> None:
    r = retrievability(stability, days)
    assert 0.0 < r <= 1.0
    assert retrievability(stability, days + 1) <= r


def test_a_new_or_just_learnt_card_is_not_mastered_a_well_known_one_is() -> None:
    scheduler = Scheduler(fuzz=False)
    assert not is_mastered(None, T0)
    card = graduated(scheduler)
    assert not is_mastered(card, card.last_review)
    while card.stability < MASTERY_DAYS:
        card = answer(scheduler, card, GOOD, card.due)
    assert is_mastered(card, card.last_review)
    # mastery fades when the learner stops reviewing
    later = card.last_review + timedelta(days=card.stability)
    assert not is_mastered(card, later)


@given(
    stability=st.floats(min_value=0.1, max_value=3650),
    days_since=st.floats(min_value=0, max_value=3650),
)
def test_mastered_means_recalled_three_weeks_from_now(stability: float, days_since: float) -> None:
    state = CardState(
        bank="b",
        question="q",
        fsrs_card="{}",
        state="review",
        stability=stability,
        difficulty=5.0,
        due=T0,
        reps=3,
        lapses=0,
        first_review=T0,
        last_review=T0,
        fingerprint="f",
    )
    now = T0 + timedelta(days=days_since)
    r_in_three_weeks = retrievability(stability, days_since + MASTERY_DAYS)
    assume(abs(r_in_three_weeks - 0.9) > 1e-9)
    assert is_mastered(state, now) == (r_in_three_weeks >= 0.9)
