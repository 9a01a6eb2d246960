"""The questionary screens for a study or exam session on a terminal (imported lazily).

Each `ask_*` returns the response for the judge, or `SKIP`. Ctrl-C and Ctrl-D raise
KeyboardInterrupt / EOFError (we use `unsafe_ask`), so the session can end cleanly with its summary.
"""

from __future__ import annotations

from typing import Any

import questionary
from questionary import Choice

from quiz import messages as M
from quiz.bank.model import Question
from quiz.study.answers import SKIP
from quiz.ui.render import date_precision, letter

STYLE = questionary.Style([("qmark", "fg:#5f87af bold"), ("question", "bold"), ("answer", "fg:#00875f bold")])


def _select(message: str, choices: list[Choice]) -> Any:
    return questionary.select(
        message, choices=choices, style=STYLE, qmark="›", instruction=M.SELECT_HELP
    ).unsafe_ask()


def _skip_choice() -> Choice:
    return Choice(title=M.SKIP_CHOICE, value=SKIP)


def ask(question: Question, shown: list[str]) -> Any:
    """Ask one question with the widget its type needs."""
    if question.type == "choice":
        choices = [Choice(title=f"{letter(i)}) {c}", value=c) for i, c in enumerate(shown)]
        return _select(M.PICK_ONE, [*choices, _skip_choice()])
    if question.type == "multi":
        choices = [Choice(title=f"{letter(i)}) {c}", value=c) for i, c in enumerate(shown)]
        picked = questionary.checkbox(
            M.PICK_MANY, choices=choices, style=STYLE, qmark="›", instruction=M.CHECKBOX_HELP
        ).unsafe_ask()
        return set(picked) if picked else SKIP
    if question.type == "truefalse":
        choices = [Choice(title=M.TRUE, value=True), Choice(title=M.FALSE, value=False), _skip_choice()]
        return _select(M.PICK_TRUEFALSE, choices)
    if question.type == "order":
        return _ask_order(shown)
    if question.type == "cloze":
        return _ask_cloze(question)
    label = {"number": M.TYPE_NUMBER}.get(question.type, M.TYPE_TEXT)
    if question.type == "date":
        label = M.DATE_INPUTS[date_precision(question)]
    if question.type == "number" and question.unit:
        label = f"{label} ({question.unit})"
    text = questionary.text(label, style=STYLE, qmark="›").unsafe_ask()
    return text if text and text.strip() else SKIP


def _ask_order(shown: list[str]) -> Any:
    remaining = list(shown)
    picked: list[str] = []
    while len(remaining) > 1:
        choices = [Choice(title=item, value=item) for item in remaining]
        if not picked:
            choices.append(_skip_choice())
        value = _select(M.ORDER_POSITION.format(n=len(picked) + 1, total=len(shown)), choices)
        if value is SKIP:
            return SKIP
        picked.append(value)
        remaining.remove(value)
    return picked + remaining


def _ask_cloze(question: Question) -> Any:
    count = len(question.blanks)
    answers: list[str] = []
    for n in range(1, count + 1):
        label = M.CLOZE_BLANK_LABEL.format(n=n, total=count) if count > 1 else M.TYPE_TEXT
        text = questionary.text(label, style=STYLE, qmark="›").unsafe_ask()
        if not text or not text.strip():
            if not answers:
                return SKIP
            text = ""
        answers.append(text)
    return answers


def ask_self_rate() -> str | None:
    choices = [
        Choice(M.SELF_RATE_GOOD, value="good"),  # questionary replaces a None value by the title
        Choice(M.SELF_RATE_EASY, value="easy"),
        Choice(M.SELF_RATE_HARD, value="hard"),
    ]
    picked = _select(M.SELF_RATE_QUESTION, choices)
    return None if picked == "good" else picked  # "good" keeps the judge's rating
