"""Drive a study or exam session on the terminal: ask, judge, show, save — until done or interrupted.

Two front ends share one loop (both implement `SessionIO`):

* `PlainIO` when standard input is not a terminal (or `--plain`): one answer per line, plain
  text out, no colour — sessions can be scripted and tested.
* `InteractiveIO` on a terminal: the screens of `quiz.ui.screens` (prompt_toolkit, imported lazily).

What the loop does (docs/cli.md, "Study and exam sessions"):

* study: a question answered wrong comes back `REPEAT_GAP` questions later (or at the end when fewer
  are left), at most `MAX_RETURNS` times a session; after each verdict the learner may overrule the
  judge ("Tôi đúng", after a wrong or almost verdict) or undo the answer (it is asked again), both
  logged as correcting rows (`Session.overrule` / `Session.undo`);
* exam: no feedback; a skipped question comes back once at the end while time remains; the time
  limit ends the exam even in the middle of a question (`TIMED_OUT`: that answer is not graded);
* an exam with a time limit says the time left before each question in plain mode (the screen counts
  down itself; a study session's line comes from quiz/cli/study.py).

Ctrl-C or end of input at any point ends the loop; every answer already judged is already saved
(the session commits each one as it is judged), and the summary is printed.
"""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any, Protocol

from rich.console import Console

from quiz import messages as M
from quiz.progress.forecast import is_leech
from quiz.study.answers import MAX_ANSWER_CHARS, SKIP, TIMED_OUT, Invalid, cap, parse_line
from quiz.study.session import Item, Session, Tally
from quiz.text.escape import printable
from quiz.ui.feedback import headline, verdict_lines
from quiz.ui.render import (
    answer_echo,
    grounding_lines,
    kind_label,
    question_lines,
    seconds_left,
    time_left_line,
)
from quiz.ui.screens import InteractiveIO

__all__ = ["InteractiveIO", "Outcome", "PlainIO", "SessionIO", "run", "show_exam_review", "show_missed"]

VERDICT_MARKS = {"correct": "✓", "almost": "≈", "wrong": "✗"}
VERDICT_STYLES = {"correct": "green", "almost": "yellow", "wrong": "red"}
REPEAT_GAP = 3  # a question answered wrong comes back after this many others (Anki's learning step)
MAX_RETURNS = 2  # ... and at most this many times in one session
OVERRULE, UNDO = "!d", "!u"  # plain mode: a line of its own after a verdict


class SessionIO(Protocol):
    """What the loop needs of a front end (the contract between runner and screens)."""

    interactive: bool

    def ask(self, item: Item, deadline: float | None = None) -> Any:
        """The response, SKIP, or TIMED_OUT when `time.monotonic()` passes `deadline` while waiting.
        Unreadable input never returns: it is asked again with its hint."""
        ...

    def after_verdict(self, item: Item, verdict: Any, *, can_overrule: bool, can_undo: bool) -> str:
        """After the feedback: "next", "overrule" ("Tôi đúng") or "undo"."""
        ...

    def final_command(self) -> str | None:
        """After the last question: "overrule"/"undo" read from a script, else None."""
        ...

    def self_rate(self) -> str | None: ...


class _Late(Exception):
    """The deadline passed while a line was being waited for."""


class _FdLines:
    """Lines read straight from a file descriptor, so that a wait can end at a deadline (`select`)."""

    def __init__(self, fd: int):
        self.fd = fd
        self.buffer = b""
        self.eof = False

    def readline(self, deadline: float | None) -> bytes:
        """One line with its newline (b"" at end of input); raises `_Late` at `deadline`."""
        limit = 4 * (MAX_ANSWER_CHARS + 2)  # bytes enough for the longest answer kept, in UTF-8
        dropping = False
        while b"\n" not in self.buffer and not self.eof:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                ready = remaining > 0 and select.select([self.fd], [], [], remaining)[0]
                if not ready:
                    raise _Late
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                self.eof = True
            elif dropping:  # the rest of an overlong line is dropped, not kept
                cut = chunk.find(b"\n")
                self.buffer += chunk[cut:] if cut >= 0 else b""
            else:
                self.buffer += chunk
                if b"\n" not in self.buffer and len(self.buffer) > limit:
                    self.buffer, dropping = self.buffer[:limit], True
        cut = self.buffer.find(b"\n")
        if cut < 0:
            line, self.buffer = self.buffer, b""
        else:
            line, self.buffer = self.buffer[: cut + 1], self.buffer[cut + 1 :]
        if len(line) > limit:
            line = line[:limit] + b"\n"
        return line


@dataclass(frozen=True)
class _Command:
    """Plain mode: `!d` ("overrule") or `!u` ("undo") typed in place of an answer, correcting the
    previous one ("none": refused, nothing to correct)."""

    kind: str


class PlainIO:
    """One answer per line from a stream; cloze questions take one line per blank.

    After a verdict, a line that is exactly `!d` (overrule: "Tôi đúng") or `!u` (undo) is read as that
    command; any other line is kept as the next answer, so scripts that never use them are unchanged.
    A line that cannot be read as an answer (`x` for true/false, `5` with three options) is not saved:
    its hint is printed and the next line is read instead.
    """

    interactive = False

    def __init__(self, stream: IO[str], console: Console):
        self.stream = stream
        self.console = console
        self._may_overrule = self._may_undo = False  # what a `!d`/`!u` line would correct now
        # typed on a terminal: a prompt marker before each line; read from a file or a pipe: the
        # answer read is echoed, so the output reads as the whole exchange
        self.terminal = stream.isatty() if hasattr(stream, "isatty") else False
        self._fd: _FdLines | None = None
        try:
            if os.name == "posix":
                self._fd = _FdLines(stream.fileno())
        except (AttributeError, OSError, ValueError):  # a stream without a descriptor (tests, StringIO)
            self._fd = None

    def _line(self, deadline: float | None = None) -> str:
        if self.terminal:
            self.console.print(M.PLAIN_PROMPT, end="", style="bold", markup=False)
        if self._fd is not None:
            raw = self._fd.readline(deadline)
            if raw == b"":
                raise EOFError
            line = raw.decode("utf-8", "replace")
        else:
            line = self.stream.readline(MAX_ANSWER_CHARS + 2)
            if line == "":
                raise EOFError
            if not line.endswith("\n"):  # longer than any answer: the rest of the line is dropped, not kept
                while (rest := self.stream.readline(1 << 16)) and not rest.endswith("\n"):
                    pass
            # bytes that were not UTF-8 arrive as lone surrogates: keep them visible, storable
            line = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        return cap(line.rstrip("\r\n"))

    def ask(self, item: Item, deadline: float | None = None) -> Any:
        try:
            response = self._ask(item, deadline)
        except _Late:
            return TIMED_OUT
        if deadline is not None and time.monotonic() >= deadline:
            return TIMED_OUT  # given after the limit: not graded
        if not self.terminal and response is not SKIP and not isinstance(response, _Command):
            shown = answer_echo(item.question, response, item.shown)
            self.console.print(M.PLAIN_ECHO.format(answer=shown), style="dim", markup=False)
        return response

    def _ask(self, item: Item, deadline: float | None) -> Any:
        question = item.question
        while True:
            if question.type == "cloze":  # one line per blank, all read so scripts stay in step
                first = self._line(deadline)
                command = self._command(first)
                if command is not None:
                    if command.kind == "none":
                        continue  # refused: read the answer again
                    return command
                answers = [first, *(self._line(deadline) for _ in question.blanks[1:])]
                return answers if any(a.strip() for a in answers) else SKIP
            line = self._line(deadline)
            command = self._command(line)
            if command is not None:
                if command.kind == "none":
                    continue
                return command
            if not line.strip():
                return SKIP
            response = parse_line(question, line, item.shown)
            if not isinstance(response, Invalid):
                return response
            hint = getattr(response, "hint", "") or M.UNREADABLE
            self.console.print(
                M.UNREADABLE_LINE.format(text=response.text, hint=hint), markup=False, style="yellow"
            )

    def after_verdict(self, item: Item, verdict: Any, *, can_overrule: bool, can_undo: bool) -> str:
        """Nothing is read here (the next question is shown at once): a `!d` or `!u` line typed in
        place of the next answer corrects this one (`ask` returns it as a `_Command`)."""
        self._may_overrule, self._may_undo = can_overrule, can_undo
        if can_overrule:
            self.console.print(M.PLAIN_AFTER_VERDICT, markup=False, style="dim")
        return "next"

    def _command(self, line: str) -> _Command | None:
        """`!d`/`!u` as a command when allowed; a refused one is read past (None is returned for an
        answer line, which ends the chance to correct the previous answer)."""
        word = line.strip()
        allowed = {OVERRULE: self._may_overrule, UNDO: self._may_undo}
        self._may_overrule = self._may_undo = False
        if word not in allowed:
            return None
        if allowed[word]:
            return _Command("overrule" if word == OVERRULE else "undo")
        self.console.print(M.CANNOT_CORRECT, markup=False, style="dim")
        return _Command("none")

    def final_command(self) -> str | None:
        """After the last question: "overrule"/"undo" when the next line is `!d`/`!u` (and allowed);
        nothing is read from a terminal (a learner there has nothing more to type)."""
        if not (self._may_overrule or self._may_undo) or self.terminal:
            return None
        try:
            command = self._command(self._line())
        except EOFError:
            return None
        return command.kind if command is not None and command.kind != "none" else None

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
    repeats: int = 0  # questions asked again after a wrong answer
    unanswered: list[Item] = field(default_factory=list)  # an exam's questions never reached


@dataclass(eq=False)
class _Turn:
    item: Item
    kind: str = "first"  # "first" | "repeat" (answered wrong earlier) | "skipped" (an exam's second round)
    spawned: _Turn | None = None  # the repeat its wrong answer called for


def _time_left(console: Console, deadline: float) -> None:
    console.print(time_left_line(seconds_left(deadline - time.monotonic())), markup=False, style="dim")


def _ask(io: SessionIO, item: Item, deadline: float | None) -> Any:
    """The front end's answer; TIMED_OUT when the exam's limit passed first (a late answer is not
    graded, whichever front end let it through)."""
    response = io.ask(item, deadline)
    return TIMED_OUT if deadline is not None and time.monotonic() >= deadline else response


def _final_command(io: SessionIO, last: _Turn, end: int, correct: Callable[[str, _Turn, int], None]) -> bool:
    """Plain mode after the last question: a `!d`/`!u` line still corrects the last answer (read only
    when input is not a terminal, so a learner at the keyboard is never kept waiting). True when the
    undone question is to be asked again."""
    kind = io.final_command()
    if kind is None:
        return False
    correct(kind, last, end)
    return kind == "undo"


def run(
    session: Session,
    items: list[Item],
    io: SessionIO,
    console: Console,
    now: Callable[[], datetime],
    *,
    deadline: float | None = None,
    time_left: bool = False,
    self_rate: bool = False,
    show_feedback: bool = True,
) -> Outcome:
    """Ask every item, and the repeats and second rounds the answers call for (module docstring).

    `deadline` is a `time.monotonic()` value: no question starts after it, and in an exam
    (`show_feedback=False`) it also ends the question being answered. An exam says how much time is
    left before each question (its screen counts down itself); a study session does so, just before
    each answer, with `time_left` (`quiz study --minutes`, not a planned day).
    """
    exam = not show_feedback
    outcome = Outcome()
    queue = [_Turn(item) for item in items]
    number = {
        id(item): n for n, item in enumerate(items, 1)
    }  # a question keeps its number when it comes back
    returns: dict[tuple[str, str], int] = {}
    second_round = False
    last: _Turn | None = None  # the turn whose answer may still be overruled or undone

    def correct(kind: str, turn: _Turn, start: int) -> None:
        """Overrule or undo the answer given at `turn`; an undone question is asked again at `start`."""
        item = turn.item
        if kind == "overrule":
            session.overrule(item, now())
            console.print(M.OVERRULED, markup=False, style="green")
        else:
            session.undo(item, now())
            console.print(M.UNDONE, markup=False, style="yellow")
        if turn.spawned is not None and turn.spawned in queue[start:]:  # its repeat is not needed now
            queue.remove(turn.spawned)
            returns[item.key] -= 1
            outcome.repeats -= 1
        if kind == "undo":
            queue.insert(start, _Turn(item, turn.kind))

    i = 0
    while True:
        if i >= len(queue):
            if last is None or not _final_command(io, last, len(queue), correct):
                break
            last = None
        turn = queue[i]
        item = turn.item
        if deadline is not None and time.monotonic() >= deadline:
            outcome.timed_out = True
            console.print(M.TIME_UP, style="yellow")
            break
        console.print()
        if turn.kind == "skipped" and not second_round:
            second_round = True
            left = sum(1 for t in queue[i:] if t.kind == "skipped")
            console.print(M.EXAM_SECOND_ROUND.format(count=left), markup=False, style="bold")
        if deadline is not None and exam and not io.interactive:  # the exam screen counts down itself
            _time_left(console, deadline)
        if turn.kind == "repeat":
            console.print(M.REPEAT_LINE, markup=False, style="yellow")
        console.print(
            M.POSITION.format(
                n=number[id(item)], total=len(items), bank=item.bank.title, kind=kind_label(item.question)
            ),
            style="dim",
            markup=False,
        )
        for line in question_lines(item.question, item.shown or None, options=not io.interactive, kind=False):
            console.print(line, style="bold", markup=False)
        if deadline is not None and time_left and not exam:
            _time_left(console, deadline)
        started = time.monotonic()
        try:
            response = _ask(io, item, deadline if exam else None)
        except (EOFError, KeyboardInterrupt):
            outcome.interrupted = True
            break
        if isinstance(response, _Command):  # plain: `!d`/`!u` typed in place of this answer
            if last is not None and response.kind != "none":
                correct(response.kind, last, i)
            last = None
            continue  # this question (or the one undone) is asked now
        if response is TIMED_OUT:
            outcome.timed_out = True
            console.print(M.EXAM_TIME_UP, markup=False, style="yellow")
            break
        last = None
        outcome.asked += 1
        duration_ms = int((time.monotonic() - started) * 1000)
        if response is SKIP:
            session.skip(item)
            if not exam:
                console.print(
                    M.SKIPPED_LINE.format(answer=item.question.canonical_answer()), markup=False, style="dim"
                )
            elif turn.kind == "first":  # nothing shown before the end; it comes back while time remains
                queue.append(_Turn(item, "skipped"))
                console.print(M.EXAM_SKIPPED, markup=False, style="dim")
            else:
                console.print(M.SKIPPED, markup=False, style="dim")
            i += 1
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
        i += 1
        if exam:
            continue
        if verdict.outcome == "wrong" and returns.get(item.key, 0) < MAX_RETURNS:
            returns[item.key] = returns.get(item.key, 0) + 1
            turn.spawned = _Turn(item, "repeat")
            queue.insert(min(i + REPEAT_GAP, len(queue)), turn.spawned)
            outcome.repeats += 1
        last = turn
        try:
            action = io.after_verdict(item, verdict, can_overrule=verdict.outcome != "correct", can_undo=True)
        except (EOFError, KeyboardInterrupt):
            outcome.interrupted = True
            break
        if action in ("overrule", "undo") and not (action == "overrule" and verdict.outcome == "correct"):
            correct(action, turn, i)
            last = None
    if exam:
        outcome.unanswered = [t.item for t in queue[i:] if t.kind == "first"]
    return outcome


def show_missed(console: Console, tally: Tally) -> None:
    """The questions answered wrong in this session, each with its right answer (after the summary)."""
    if not tally.missed:
        return
    console.print(M.MISSED_HEADER.format(count=len(tally.missed)), style="bold", markup=False)
    for item in tally.missed.values():
        question = item.question
        later = M.MISSED_RECOVERED if tally.outcomes.get(item.key) in ("correct", "almost") else ""
        console.print(f"• {printable(question.display_prompt)}", markup=False)
        console.print(
            "  " + M.MISSED_ANSWER.format(answer=question.canonical_answer()) + later,
            markup=False,
            style="red" if not later else None,
        )


def show_exam_review(console: Console, result: Any) -> None:
    """The final review of an exam: each question wrong, skipped or never reached, the answer given,
    the right answer, its explanation, source and quote."""
    from quiz.study.exam import SKIPPED, UNANSWERED
    from quiz.text.escape import escape

    if not result.review:
        return
    console.print(M.EXAM_REVIEW, style="bold", markup=False)
    for n, (item, status, answer) in enumerate(result.review, 1):
        question = item.question
        console.print(f"{n}. " + " ".join(question_lines(question, options=False)), markup=False)
        if status == SKIPPED:
            console.print("   " + M.EXAM_SKIPPED_REVIEW, markup=False, style="yellow")
        elif status == UNANSWERED:
            console.print("   " + M.EXAM_UNANSWERED, markup=False, style="yellow")
        else:
            console.print(
                "   "
                + M.EXAM_YOUR_ANSWER.format(
                    given=escape(answer, newlines=False) if answer else M.EXAM_NO_ANSWER
                ),
                markup=False,
                style="red",
            )
        console.print("   " + M.EXAM_RIGHT_ANSWER.format(expected=question.canonical_answer()), markup=False)
        for line in grounding_lines(item.bank, question):
            console.print(f"   {line}", markup=False, style="dim" if line.startswith(M.SHOW_SOURCE) else None)


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
