"""Drive a study or exam session on the terminal: ask, judge, show, save — until done or interrupted.

Two front ends share one loop:

* `PlainIO` when standard input is not a terminal (or `--plain`): one answer per line, plain
  text out, no colour — sessions can be scripted and tested.
* `InteractiveIO` on a terminal: the screens of `quiz.ui.screens` (prompt_toolkit, imported lazily).

Ctrl-C or end of input at any point ends the loop; every answer already judged is already saved
(the session commits each one as it is judged), and the summary is printed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import IO, Any

from rich.console import Console

from quiz import messages as M
from quiz.progress.forecast import is_leech
from quiz.study.answers import MAX_ANSWER_CHARS, SKIP, cap, parse_line
from quiz.study.session import Item, Session
from quiz.text.escape import printable
from quiz.ui.feedback import headline, verdict_lines
from quiz.ui.render import answer_echo, grounding_lines, kind_label, question_lines
from quiz.ui.screens import InteractiveIO

VERDICT_MARKS = {"correct": "✓", "almost": "≈", "wrong": "✗"}
VERDICT_STYLES = {"correct": "green", "almost": "yellow", "wrong": "red"}


class PlainIO:
    """One answer per line from a stream; cloze questions take one line per blank."""

    interactive = False

    def __init__(self, stream: IO[str], console: Console):
        self.stream = stream
        self.console = console
        # typed on a terminal: a prompt marker before each line; read from a file or a pipe: the
        # answer read is echoed, so the output reads as the whole exchange
        self.terminal = stream.isatty() if hasattr(stream, "isatty") else False

    def _line(self) -> str:
        if self.terminal:
            self.console.print(M.PLAIN_PROMPT, end="", style="bold", markup=False)
        line = self.stream.readline(MAX_ANSWER_CHARS + 2)
        if line == "":
            raise EOFError
        if not line.endswith("\n"):  # longer than any answer: the rest of the line is dropped, not kept
            while (rest := self.stream.readline(1 << 16)) and not rest.endswith("\n"):
                pass
        # bytes that were not UTF-8 arrive as lone surrogates: keep them visible, storable
        line = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return cap(line.rstrip("\r\n"))

    def ask(self, item: Item) -> Any:
        response = self._ask(item)
        if not self.terminal and response is not SKIP:
            shown = answer_echo(item.question, response, item.shown)
            self.console.print(M.PLAIN_ECHO.format(answer=shown), style="dim", markup=False)
        return response

    def _ask(self, item: Item) -> Any:
        question = item.question
        if question.type == "cloze":  # one line per blank, all read so scripts stay in step
            answers = [self._line() for _ in question.blanks]
            return answers if any(a.strip() for a in answers) else SKIP
        line = self._line()
        if not line.strip():
            return SKIP
        return parse_line(question, line, item.shown)

    def self_rate(self) -> str | None:
        word = self._line().strip().lower()
        return {"e": "easy", "easy": "easy", "dễ": "easy", "h": "hard", "hard": "hard", "khó": "hard"}.get(
            word
        )


@dataclass
class Outcome:
    interrupted: bool = False
    timed_out: bool = False
    asked: int = 0


def run(
    session: Session,
    items: list[Item],
    io: PlainIO | InteractiveIO,
    console: Console,
    now: Callable[[], datetime],
    *,
    deadline: float | None = None,
    self_rate: bool = False,
    show_feedback: bool = True,
) -> Outcome:
    """Ask every item in turn. `deadline` is a `time.monotonic()` value after which no question starts."""
    outcome = Outcome()
    total = len(items)
    for position, item in enumerate(items, 1):
        if deadline is not None and time.monotonic() >= deadline:
            outcome.timed_out = True
            console.print(M.TIME_UP, style="yellow")
            break
        console.print()
        console.print(
            M.POSITION.format(n=position, total=total, bank=item.bank.title, kind=kind_label(item.question)),
            style="dim",
            markup=False,
        )
        for line in question_lines(item.question, item.shown or None, options=not io.interactive, kind=False):
            console.print(line, style="bold", markup=False)
        started = time.monotonic()
        try:
            response = io.ask(item)
        except (EOFError, KeyboardInterrupt):
            outcome.interrupted = True
            break
        outcome.asked += 1
        duration_ms = int((time.monotonic() - started) * 1000)
        if response is SKIP:
            session.skip(item)
            console.print(
                M.SKIPPED_LINE.format(answer=item.question.canonical_answer()), markup=False, style="dim"
            )
            continue
        verdict = session.judge(item, response)
        rate = None
        if self_rate and verdict.outcome == "correct" and show_feedback:
            console.print(headline(item.question, verdict), style="green", markup=False)
            try:
                rate = io.self_rate()
            except (EOFError, KeyboardInterrupt):
                outcome.interrupted = True
        lapses_before = item.card.lapses if item.card is not None else 0
        state = session.record(item, response, verdict, now(), duration_ms, rate)
        if show_feedback:
            show_verdict(
                console, item, verdict, repeat_correct=not (self_rate and verdict.outcome == "correct")
            )
            if state.lapses > lapses_before and is_leech(state.lapses):
                show_leech(console, item, state.lapses)
        if outcome.interrupted:
            break
    return outcome


def show_leech(console: Console, item: Item, lapses: int) -> None:
    """A leech just lapsed again (issue 16): say so, and show its explanation and quote once more."""
    console.print(M.LEECH_NOTE.format(lapses=lapses), style="bold yellow", markup=False)
    for line in grounding_lines(item.bank, item.question):
        if not line.startswith(M.SHOW_SOURCE):
            console.print(f"  {line}", markup=False, style="yellow")


def show_verdict(console: Console, item: Item, verdict: Any, repeat_correct: bool = True) -> None:
    """✓/≈/✗ with the right answer, then why (diacritics, typo), explanation, source and quote."""
    if verdict.outcome != "correct" or repeat_correct:
        console.print(
            headline(item.question, verdict),
            style=VERDICT_STYLES[verdict.outcome],
            markup=False,
        )
    for line in verdict_lines(verdict):
        console.print(f"  {printable(line)}", markup=False)
    for line in grounding_lines(item.bank, item.question):
        console.print(f"  {line}", markup=False, style="dim" if line.startswith(M.SHOW_SOURCE) else None)
