"""The screens of a study or exam session on a terminal (prompt_toolkit, imported lazily).

One small prompt_toolkit application per screen, drawn below what the runner printed (the header
and the question's prompt), so the scrollback keeps every question and answer:

* every line is wrapped at word boundaries to the terminal's current width (`render.wrap`), an
  option's continuation lines hanging under its text; nothing is ever cut at the right edge;
* the letters and numbers shown beside options pick (single choice, true/false: `đ`/`d`/`s`) or
  tick (multi) their option; there is no hidden select-all; ↑ on the first option stays there;
* Esc skips, Ctrl-C / Ctrl-D raise KeyboardInterrupt / EOFError so the session ends with its summary;
* a typed number or date that cannot be read is refused in place with its hint (nothing returned);
* a cloze question is one form: Enter moves to the next blank and answers on the last one;
* with a deadline, a countdown line shows the time left and the screen returns `TIMED_OUT` at the
  limit, even mid-answer;
* input typed before a screen is shown is dropped (the terminal's buffer and prompt_toolkit's
  type-ahead), so nothing typed ahead leaks into the next prompt — `flush_input` is called at the
  end of the session too, so nothing reaches the shell.

Each `ask*` returns the response for the judge, `SKIP` or `TIMED_OUT`.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.filters import is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input.typeahead import clear_typeahead
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.processors import BeforeInput
from prompt_toolkit.styles import Style

from quiz import messages as M
from quiz.bank.model import Question
from quiz.study.answers import SKIP, TIMED_OUT, cap, unreadable
from quiz.text.escape import escape
from quiz.ui.render import date_precision, letter, seconds_left, time_left_line, wrap

STYLE = Style.from_dict(
    {
        "label": "bold",
        "pointer": "fg:#5f87af bold",
        "current": "bold",
        "answer": "fg:#00875f bold",
        "hint": "fg:ansibrightblack",
        "error": "fg:ansired bold",
        "clock": "fg:ansiyellow",
        "clock-low": "fg:ansired bold",
    }
)
POINTER = "› "


def flush_input() -> None:
    """Drop whatever was typed but not read yet (called before every screen and at the end)."""
    try:
        import termios

        if sys.stdin.isatty():
            termios.tcflush(sys.stdin.fileno(), termios.TCIFLUSH)
    except (ImportError, OSError, ValueError):  # not a POSIX terminal: nothing to drop
        pass


def _width() -> int:
    """The terminal's current width, one column spared (no autowrap at the last column)."""
    try:
        return max(20, get_app().output.get_size().columns - 1)
    except Exception:  # noqa: BLE001 — no running app (a test rendering): a common width
        return 79


def _wrapped(style: str, text: str, first: str = "", rest: str | None = None) -> StyleAndTextTuples:
    lines = wrap(text, _width(), first, rest)
    return [(style, "\n".join(lines))]


def _clock_text(deadline: float) -> StyleAndTextTuples:
    left = seconds_left(deadline - time.monotonic())
    style = "class:clock-low" if left < 60 else "class:clock"
    return [(style, "  " + time_left_line(left))]


async def _expire(app: Application[Any], deadline: float) -> None:
    """Redraw the countdown each second; at the deadline end the screen with TIMED_OUT."""
    while not app.is_done:
        left = deadline - time.monotonic()
        if left <= 0:
            app.exit(result=TIMED_OUT)
            return
        await asyncio.sleep(min(left, 1.0))
        app.invalidate()


def _common_keys(skip: bool = True) -> KeyBindings:
    keys = KeyBindings()

    @keys.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @keys.add("c-d")
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if skip:

        @keys.add("escape")  # not eager: Alt-b, Alt-f (ESC then a key) still move by words
        def _skip(event: KeyPressEvent) -> None:
            event.app.exit(result=SKIP)

    return keys


def _run(
    label: str,
    summary: Callable[[Any], str],
    body: Sequence[Any],
    help_text: Callable[[], StyleAndTextTuples],
    keys: KeyBindings,
    deadline: float | None,
    *,
    focus: Any = None,
    erase: bool = False,
) -> Any:
    """Show one screen until a key binding exits it (or the deadline passes)."""
    if deadline is not None and time.monotonic() >= deadline:
        return TIMED_OUT
    label = escape(label, newlines=False)

    def head() -> StyleAndTextTuples:
        app = get_app()
        if not app.is_done:
            return _wrapped("class:label", label, POINTER)
        try:  # ended by Ctrl-C / Ctrl-D: the future holds the exception, the label alone is left
            result = app.future.result() if app.future is not None else TIMED_OUT
        except BaseException:  # noqa: BLE001
            result = TIMED_OUT
        shown = "" if result is TIMED_OUT else M.SKIP_CHOICE if result is SKIP else summary(result)
        if not shown:
            return _wrapped("class:label", label, POINTER)
        lines = wrap(f"{label} {shown}", _width(), POINTER)
        text = "\n".join(lines)
        cut = len(POINTER) + len(label)
        return [("class:label", text[:cut]), ("class:answer", text[cut:])]

    def footer() -> StyleAndTextTuples:
        text = help_text()
        if deadline is not None:  # the time left, under the answer, redrawn every second
            text = [*text, ("", "\n"), *_clock_text(deadline)]
        return text

    parts: list[Any] = [Window(FormattedTextControl(head), dont_extend_height=True)]
    parts += [ConditionalContainer(part, ~is_done) for part in body]
    parts.append(
        ConditionalContainer(Window(FormattedTextControl(footer), dont_extend_height=True), ~is_done)
    )
    from prompt_toolkit.key_binding import merge_key_bindings

    app: Application[Any] = Application(
        layout=Layout(HSplit(parts), focused_element=focus),
        key_bindings=merge_key_bindings([_common_keys(), keys]),
        style=STYLE,
        erase_when_done=erase,
        mouse_support=False,
    )

    def pre_run() -> None:
        clear_typeahead(app.input)
        if deadline is not None:
            app.create_background_task(_expire(app, deadline))

    flush_input()
    return app.run(pre_run=pre_run, handle_sigint=False)


# --- lists: single choice, true/false, multi -------------------------------------------


@dataclass
class _State:
    cursor: int = 0
    error: str = ""
    auto: bool = False  # order: the last item was placed by itself


class _Row:
    def __init__(self, mark: str, text: str, value: Any, keys: Sequence[str] = ()):
        self.mark = mark  # "a)" as shown; "" for the skip row
        self.text = escape(text, newlines=False)
        self.value = value
        self.keys = keys


def _choose(
    label: str,
    rows: list[_Row],
    help_line: str,
    deadline: float | None,
    *,
    multi: bool = False,
    skip_row: bool = True,
) -> Any:
    if skip_row:
        rows = [*rows, _Row("", M.SKIP_CHOICE, SKIP)]
    state = _State()
    ticked: set[int] = set()
    keys = KeyBindings()

    def render() -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        for index, row in enumerate(rows):
            here = index == state.cursor
            box = ("[x] " if index in ticked else "[ ] ") if multi and row.value is not SKIP else ""
            lead = (POINTER if here else "  ") + box + (f"{row.mark} " if row.mark else "")
            lines = wrap(row.text, _width(), lead)
            style = "class:current" if here else ""
            if out:
                out.append(("", "\n"))
            out.append(("class:pointer" if here else "", lines[0][: len(lead)]))
            out.append((style, "\n".join([lines[0][len(lead) :], *lines[1:]])))
        return out

    def help_text() -> StyleAndTextTuples:
        text: StyleAndTextTuples = []
        if state.error:
            text += _wrapped("class:error", state.error, "  ") + [("", "\n")]
        return text + _wrapped("class:hint", help_line, "  ")

    def picked() -> Any:
        if multi:
            return {rows[i].value for i in sorted(ticked)}
        return rows[state.cursor].value

    def summary(result: Any) -> str:
        chosen = [rows[i] for i in sorted(ticked)] if multi else [r for r in rows if r.value == result][:1]
        return "; ".join(f"{r.mark} {r.text}".strip() for r in chosen)

    @keys.add("up")
    @keys.add("s-tab")
    def _up(event: KeyPressEvent) -> None:
        state.cursor = max(0, state.cursor - 1)  # never wraps round to the skip row

    @keys.add("down")
    @keys.add("tab")
    def _down(event: KeyPressEvent) -> None:
        state.cursor = min(len(rows) - 1, state.cursor + 1)

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        row = rows[state.cursor]
        if row.value is SKIP or (multi and not ticked):
            event.app.exit(result=SKIP)
        else:
            event.app.exit(result=picked())

    if multi:

        @keys.add(" ")
        def _toggle(event: KeyPressEvent) -> None:
            if rows[state.cursor].value is not SKIP:
                ticked.symmetric_difference_update({state.cursor})

    for index, row in enumerate(rows):
        for key in row.keys:

            def _pick(event: KeyPressEvent, index: int = index) -> None:
                state.cursor = index
                if multi:
                    ticked.symmetric_difference_update({index})
                else:
                    event.app.exit(result=rows[index].value)

            keys.add(key)(_pick)

    control = FormattedTextControl(render, focusable=True, show_cursor=False)
    window = Window(control, dont_extend_height=True)
    return _run(label, summary, [window], help_text, keys, deadline, focus=window)


def _option_keys(index: int) -> list[str]:
    keys = [letter(index)] if index < 26 else []
    if index < 9:
        keys.append(str(index + 1))
    return keys


def _option_rows(shown: list[str]) -> list[_Row]:
    return [_Row(f"{letter(i)})", text, text, _option_keys(i)) for i, text in enumerate(shown)]


def ask(question: Question, shown: list[str], deadline: float | None = None) -> Any:
    """Ask one question with the screen its type needs."""
    if question.type == "choice":
        return _choose(M.PICK_ONE, _option_rows(shown), M.SELECT_HELP, deadline)
    if question.type == "multi":
        return _choose(M.PICK_MANY, _option_rows(shown), M.CHECKBOX_HELP, deadline, multi=True)
    if question.type == "truefalse":
        rows = [_Row("đ)", M.TRUE, True, ("đ", "d", "Đ", "D")), _Row("s)", M.FALSE, False, ("s", "S"))]
        return _choose(M.PICK_TRUEFALSE, rows, M.TRUEFALSE_HELP, deadline)
    if question.type == "order":
        return _ask_order(shown, deadline)
    if question.type == "cloze" and len(question.blanks) > 1:
        return _ask_cloze(question, deadline)
    label = {"number": M.TYPE_NUMBER}.get(question.type, M.TYPE_TEXT)
    if question.type == "date":
        label = M.DATE_INPUTS[date_precision(question)]
    if question.type == "number" and question.unit:
        label = f"{label[:-1]} ({question.unit}):"
    return _ask_text(question, label, deadline)


# --- typed answers: text, number, date, cloze ------------------------------------------


def _input_window(buffer: Buffer, prefix: str) -> Window:
    return Window(
        BufferControl(buffer, input_processors=[BeforeInput(prefix, style="class:pointer")]),
        wrap_lines=True,
        dont_extend_height=True,
    )


def _ask_text(question: Question, label: str, deadline: float | None) -> Any:
    state = _State()
    buffer = Buffer(multiline=False)
    buffer.on_text_changed += lambda _buffer: setattr(state, "error", "")
    keys = KeyBindings()

    def help_text() -> StyleAndTextTuples:
        text: StyleAndTextTuples = []
        if state.error:
            text += _wrapped("class:error", state.error, "  ") + [("", "\n")]
        return text + _wrapped("class:hint", M.TEXT_HELP, "  ")

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        text = buffer.text
        if not text.strip():
            event.app.exit(result=SKIP)
            return
        problem = unreadable(question, text)
        if problem:
            state.error = problem  # asked again in place: nothing is returned, nothing saved
            return
        event.app.exit(result=cap(text))

    def summary(result: Any) -> str:
        return escape(buffer.text, newlines=False)

    window = _input_window(buffer, "  ")
    result = _run(label, summary, [window], help_text, keys, deadline, focus=window)
    if question.type == "cloze" and isinstance(result, str):
        return [result]  # a cloze answer is one text per blank
    return result


def _ask_cloze(question: Question, deadline: float | None) -> Any:
    count = len(question.blanks)
    buffers = [Buffer(multiline=False) for _ in range(count)]
    windows = [_input_window(b, f"  ({n}) ") for n, b in enumerate(buffers, 1)]
    keys = KeyBindings()

    def current() -> int:
        return next((i for i, w in enumerate(windows) if get_app().layout.has_focus(w)), 0)

    def move(step: int) -> None:
        get_app().layout.focus(windows[max(0, min(count - 1, current() + step))])

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        if current() < count - 1:
            move(1)  # Enter moves to the next blank, even from an empty one
            return
        answers = [cap(b.text) for b in buffers]
        event.app.exit(result=answers if any(a.strip() for a in answers) else SKIP)

    @keys.add("tab")
    @keys.add("down")
    def _next(event: KeyPressEvent) -> None:
        move(1)

    @keys.add("s-tab")
    @keys.add("up")
    def _previous(event: KeyPressEvent) -> None:
        move(-1)

    def summary(result: Any) -> str:
        return " | ".join(escape(a, newlines=False) or "…" for a in result)

    def help_text() -> StyleAndTextTuples:
        return _wrapped("class:hint", M.CLOZE_HELP, "  ")

    return _run(
        M.CLOZE_FORM.format(count=count), summary, windows, help_text, keys, deadline, focus=windows[0]
    )


# --- order ---------------------------------------------------------------------------


def _ask_order(shown: list[str], deadline: float | None) -> Any:
    count = len(shown)
    texts = [escape(t, newlines=False) for t in shown]
    placed: list[int] = []
    state = _State()
    keys = KeyBindings()

    def complete() -> bool:
        return len(placed) == count

    def place(index: int) -> None:
        if index in placed or complete():
            return
        placed.append(index)
        left = [i for i in range(count) if i not in placed]
        if len(left) == 1:  # the last item has only one place left
            placed.append(left[0])
            state.auto = True
        state.cursor = left[0] if left else index

    def back() -> None:
        if placed:
            placed.pop()
        if state.auto and placed:
            placed.pop()
        state.auto = False

    def render() -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        for index, text in enumerate(texts):
            here = index == state.cursor and not complete()
            rank = f"[{placed.index(index) + 1}]" if index in placed else "[ ]"
            lead = (POINTER if here else "  ") + f"{rank} {index + 1}) "
            lines = wrap(text, _width(), lead)
            if out:
                out.append(("", "\n"))
            out.append(("class:pointer" if here else "", lines[0][: len(lead)]))
            style = "class:current" if here else ("class:hint" if index in placed else "")
            out.append((style, "\n".join([lines[0][len(lead) :], *lines[1:]])))
        return out

    def help_text() -> StyleAndTextTuples:
        return _wrapped("class:hint", M.ORDER_READY if complete() else M.ORDER_HELP, "  ")

    @keys.add("up")
    def _up(event: KeyPressEvent) -> None:
        state.cursor = max(0, state.cursor - 1)

    @keys.add("down")
    def _down(event: KeyPressEvent) -> None:
        state.cursor = min(count - 1, state.cursor + 1)

    @keys.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        if complete():
            event.app.exit(result=[shown[i] for i in placed])
        else:
            place(state.cursor)

    @keys.add("backspace")
    def _back(event: KeyPressEvent) -> None:
        back()

    for index in range(min(count, 9)):

        def _pick(event: KeyPressEvent, index: int = index) -> None:
            if placed and placed[-1] == index and not state.auto:
                back()  # the same number again takes it back
            else:
                place(index)

        keys.add(str(index + 1))(_pick)

    def summary(result: Any) -> str:
        return " → ".join(texts[i] for i in placed)

    control = FormattedTextControl(render, focusable=True, show_cursor=False)
    window = Window(control, dont_extend_height=True)
    return _run(M.PICK_ORDER, summary, [window], help_text, keys, deadline, focus=window)


# --- after the verdict, self-rating ------------------------------------------------------


def after_verdict(can_overrule: bool, can_undo: bool) -> str:
    """ "next", "overrule" or "undo": one key, offered in a dim line that is erased after."""
    if not (can_overrule or can_undo):
        return "next"
    words = [M.KEY_NEXT] + ([M.KEY_OVERRULE] if can_overrule else []) + ([M.KEY_UNDO] if can_undo else [])
    keys = KeyBindings()

    def choose(result: str) -> Callable[[KeyPressEvent], None]:
        return lambda event: event.app.exit(result=result)

    keys.add("enter")(choose("next"))
    keys.add(" ")(choose("next"))
    if can_overrule:
        for key in ("d", "đ", "D", "Đ"):
            keys.add(key)(choose("overrule"))
    if can_undo:
        for key in ("u", "U"):
            keys.add(key)(choose("undo"))
    line = " · ".join(words)
    common = _common_keys(skip=False)
    flush_input()
    from prompt_toolkit.key_binding import merge_key_bindings

    app: Application[str] = Application(
        layout=Layout(
            HSplit(
                [Window(FormattedTextControl(lambda: _wrapped("class:hint", line)), dont_extend_height=True)]
            )
        ),
        key_bindings=merge_key_bindings([common, keys]),
        style=STYLE,
        erase_when_done=True,
        mouse_support=False,
    )
    return app.run(pre_run=lambda: clear_typeahead(app.input), handle_sigint=False)


def ask_self_rate() -> str | None:
    rows = [
        _Row("a)", M.SELF_RATE_GOOD, "good", _option_keys(0) + ["v"]),
        _Row("b)", M.SELF_RATE_EASY, "easy", _option_keys(1)),
        _Row("c)", M.SELF_RATE_HARD, "hard", _option_keys(2) + ["k"]),
    ]
    picked = _choose(M.SELF_RATE_QUESTION, rows, M.SELF_RATE_HELP, None, skip_row=False)
    return None if picked in ("good", SKIP) else picked  # "good" keeps the judge's rating
