"""Shared by the Aiken and Azota writers: the choice questions as (prompt, options, right letters)."""

from __future__ import annotations

from quiz import messages as M
from quiz.bank.model import Question

LETTERS = "ABCDEFGH"


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def as_choice(question: Question, *, multi: bool = False) -> tuple[str, list[str], list[str]] | None:
    """A choice (or true/false; multi when allowed) question as prompt, options and right letters."""
    if question.type == "truefalse":
        return one_line(question.prompt), [M.TRUE, M.FALSE], ["A" if question.answer else "B"]
    if question.type == "choice":
        options = [one_line(c) for c in question.choices]
        return one_line(question.prompt), options, [LETTERS[question.choices.index(question.answer)]]
    if question.type == "multi" and multi:
        options = [one_line(c) for c in question.choices]
        right = [LETTERS[i] for i, c in enumerate(question.choices) if c in question.answer]
        return one_line(question.prompt), options, right
    return None
