"""The one way anything reaches the terminal: a rich Console whose every text passes `escape`.

Commands and screens print through `make_console()`; whatever they hand it (a message, a question from
a stranger's bank, an id read from a shared progress file, an answer the learner typed, a file name
with a newline in it) is escaped on the way out (quiz/text/escape.py), so no origin can drive the
terminal. Strings are printed literally (no rich markup, no emoji codes); a rich `Text` keeps its
styles unless escaping changes it (then it is printed plain, escaped, in its base style).
tests/test_hostile.py checks that ui/ and cli/ make no Console of their own and print nothing around it.
"""

from __future__ import annotations

import os
import re
from typing import Any

from rich.console import Console, ConsoleDimensions
from rich.text import Text

from quiz.text.escape import escape


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, Text):
        shown = escape(value.plain)
        return value if shown == value.plain else Text(shown, style=value.style, end=value.end)
    return value  # tables and groups are built from Text (report_view escapes its data first)


# a line's indent and its option, list or verdict mark (`  a) `, `đ) `, `3. `, `✗ `): its wrapped lines hang
# under the text
_HANG = re.compile(r"[ ]*(?:(?:[a-zđ]|[0-9]{1,2})\) |[0-9]{1,3}\. |[✓✗≈–] )?")


def _hang(text: str, width: int) -> str:
    """Lines wider than the terminal wrapped at word boundaries, continuation lines indented under the
    text (an option's text, not its letter); lines that fit are left exactly as they are."""
    from quiz.ui.render import cells, wrap

    out = []
    for line in text.split("\n"):
        if cells(line) <= width:
            out.append(line)
            continue
        lead = _HANG.match(line).group()  # type: ignore[union-attr]
        out += wrap(line[len(lead) :], width, lead)
    return "\n".join(out)


class SafeConsole(Console):
    """A Console that escapes every str and Text it prints, and never reads markup in a str."""

    follow_terminal = False  # on a terminal: its own size, asked at each print (a resize is followed)

    @property
    def size(self) -> ConsoleDimensions:
        if self.follow_terminal:  # never a stale COLUMNS/LINES from the environment
            try:
                columns, lines = os.get_terminal_size(self.file.fileno())
            except (AttributeError, ValueError, OSError):
                pass
            else:
                if columns > 0:
                    return ConsoleDimensions(columns, lines or 25)
        return Console.size.fget(self)  # type: ignore[attr-defined]

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]

    def print(self, *objects: Any, **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)
        shown = [_safe(o) for o in objects]
        if self.follow_terminal and not kwargs.get("soft_wrap", self.soft_wrap):
            shown = [_hang(o, self.width) if isinstance(o, str) else o for o in shown]
        super().print(*shown, **kwargs)


def make_console(stderr: bool = False, **options: Any) -> SafeConsole:
    """The console for stdout (or stderr): no highlighting, no emoji codes.

    On a terminal, lines are wrapped at word boundaries to its width (no word broken in half by the
    terminal's own wrapping); piped or redirected output keeps each line whole (soft wrapping), so
    scripts read one line per message.
    """
    settings: dict[str, Any] = {"highlight": False, "emoji": False, **options}
    console = SafeConsole(stderr=stderr, **settings)
    if "soft_wrap" not in options:
        console.soft_wrap = not console.is_terminal
    console.follow_terminal = console.is_terminal and "width" not in options
    return console
