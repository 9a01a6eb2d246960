"""The vocabularies are enums whose values are the strings (and ints) banks and stores already hold."""

from __future__ import annotations

import json

from quiz.bank.model import QUESTION_TYPES, CardStatus, Mode, Outcome, QuestionType, Rating, Reason
from quiz.progress.card import CARD_STATES, MODES, VERDICTS
from quiz.study.judge import OUTCOMES, REASONS


def test_values_stay_the_stored_strings() -> None:
    assert QUESTION_TYPES == ("choice", "multi", "text", "number", "date", "truefalse", "cloze", "order")
    assert OUTCOMES == VERDICTS == ("correct", "almost", "wrong")
    assert REASONS == ("diacritics", "marks", "tone", "typo")
    assert MODES == ("study", "exam")
    assert CARD_STATES == ("learning", "review", "relearning")
    assert [int(r) for r in Rating] == [1, 2, 3, 4]


def test_a_member_is_its_value() -> None:
    for member in [*QuestionType, *Outcome, *Reason, *Mode, *CardStatus]:
        assert member == member.value and str(member) == member.value and f"{member}" == member.value
        assert json.dumps(member) == json.dumps(member.value)
