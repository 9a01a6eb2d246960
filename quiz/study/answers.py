"""Read a learner's typed line as a response for the judge (plain mode and scripts).

cli.md: a choice by its letter or number, several as `a c` or `1,3`, an order as `3 1 2 4`,
true/false as `đ`/`s`, `true`/`false`, `y`/`n` or in words (`không đúng`, `chính xác`: quiz/text/yesno.py).
A choice may also be typed as its text, and
several choices or an order as texts separated by `;` (shuffle-proof scripts).
Pure functions; nothing here reads stdin.
A line that cannot be read as an answer (`x` for true/false, `5` with three options, `abc` for a
date) becomes `Invalid(text, hint)`: the front end asks again with the hint and saves nothing
(`unreadable` is the same check for one typed text, used by the screens while the learner types).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Final

from quiz import messages as M
from quiz.bank.model import Question
from quiz.text.yesno import truth_value

_SPLIT = re.compile(r"[\s,;]+")


# A typed answer longer than this is cut here before it is judged or stored: no answer is that long,
# and a megabyte pasted into the prompt must not be judged (edit distances) or logged whole.
MAX_ANSWER_CHARS = 2000


def cap(text: str) -> str:
    """A typed answer cut to MAX_ANSWER_CHARS characters."""
    return text[:MAX_ANSWER_CHARS]


SKIP = object()  # the learner skipped the question (an empty answer): nothing is judged or saved


class _Sentinel:
    """A named marker compared by identity (`TIMED_OUT`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


# the time limit passed while the learner was on the question: nothing is judged or saved
TIMED_OUT: Final = _Sentinel("timed_out")


@dataclass(frozen=True)
class Invalid:
    """A line that is not a well-formed answer for its question: asked again with `hint`, never saved
    (a caller that judges it anyway gets "wrong", the text kept as typed)."""

    text: str
    hint: str = ""


def _last_letter(count: int) -> str:
    return chr(ord("a") + max(0, min(count, 26) - 1))


def hint(question: Question, shown: list[str] | None = None) -> str:
    """How to type an answer to `question`, said when a line could not be read."""
    count = len(shown) if shown else len(question.choices or question.items)
    if question.type == "choice":
        return M.HINT_CHOICE.format(last=_last_letter(count), count=count)
    if question.type == "multi":
        return M.HINT_MULTI.format(last=_last_letter(count))
    if question.type == "order":
        return M.HINT_ORDER.format(count=count, example=" ".join(str(n) for n in range(count, 0, -1)))
    if question.type == "truefalse":
        return M.HINT_TRUEFALSE
    if question.type == "number":
        return M.HINT_NUMBER
    if question.type == "date":
        precision = {3: "day", 2: "month"}.get(len(str(question.answer).split("-")), "year")
        return M.HINT_DATE[precision]
    return ""


_UNREADABLE_NOTES = ("not_a_number", "not_a_date", "need_day", "need_month")


def unreadable(question: Question, text: str) -> str | None:
    """The hint when a typed number or date cannot be read as one (`abc`, or `2/2019` when the day is
    asked), else None. Other typed answers are always readable."""
    if question.type not in ("number", "date") or not text.strip():
        return None
    from quiz.study.judge import judge

    note = getattr(judge(question, cap(text)), "note", None)
    return hint(question) if note in _UNREADABLE_NOTES else None


def _position(token: str, shown: list[str]) -> str | None:
    """The option shown at a letter (`a`) or a number (`1`), as displayed."""
    token = token.strip().lower()
    if len(token) == 1 and "a" <= token <= "z":
        index = ord(token) - ord("a")
    elif token.isascii() and token.isdigit() and len(token) <= 2:
        index = int(token) - 1
    else:
        return None
    return shown[index] if 0 <= index < len(shown) else None


def _option(token: str, shown: list[str]) -> str | None:
    """An option by its position or, for longer input, its own text (case aside).

    A single letter or a small number is read first as a position, since that is what the learner
    sees beside each option (a choice that is itself "2" is typed by its letter, or as "2" only
    when there is no second option).
    """
    token = token.strip()
    return _position(token, shown) or next((c for c in shown if c.casefold() == token.casefold()), None)


def _options(text: str, shown: list[str]) -> list[str] | None:
    """Several options: `a c`, `1,3`, `3 1 2`, or their texts separated by `;`."""
    if ";" in text:
        picks = [_option(t, shown) for t in text.split(";") if t.strip()]
        if picks and None not in picks:
            return picks  # type: ignore[return-value]
    picks = [_option(t, shown) for t in _SPLIT.split(text) if t]
    if picks and None not in picks:
        return picks  # type: ignore[return-value]
    single = _option(text, shown)  # one option given by its text, spaces and all
    return [single] if single is not None else None


def parse_line(question: Question, line: str, shown: list[str] | None = None) -> Any:
    """The response for `judge(question, response)` from one typed line.

    `shown` is the order in which choices (or order items) were displayed. Cloze questions
    take one line per blank: use `parse_line` per blank, which returns the text itself.
    """
    text = unicodedata.normalize("NFC", line).strip()
    shown = shown if shown is not None else list(question.choices or question.items)
    if question.type == "choice":
        return _option(text, shown) or Invalid(text, hint(question, shown))
    if question.type == "multi":
        picks = _options(text, shown)
        return set(picks) if picks else Invalid(text, hint(question, shown))
    if question.type == "order":
        picks = _options(text, shown)
        return picks if picks and sorted(picks) == sorted(shown) else Invalid(text, hint(question, shown))
    if question.type == "truefalse":
        value = truth_value(text)  # `đ`, `có`, `chính xác`, `không đúng`, `sai rồi` …
        if value is not None:
            return value
        return Invalid(text, hint(question, shown))
    problem = unreadable(question, text)  # `abc` for a number or a date
    return Invalid(text, problem) if problem else text


def describe(question: Question, response: Any) -> str:
    """A response as one line of text for the review log."""
    if isinstance(response, Invalid):
        return response.text
    if isinstance(response, bool):
        return "đúng" if response else "sai"
    if question.type == "multi":
        return "; ".join(c for c in question.choices if c in response)
    if isinstance(response, (list, tuple)):
        return (" → " if question.type == "order" else " | ").join(response)
    return str(response)
