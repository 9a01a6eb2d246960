"""The interactive front end of a study or exam session: the screens on a terminal.

`InteractiveIO` implements the runner's session IO with the screens of `quiz.ui.prompts`
(prompt_toolkit), imported only when a session starts on a terminal, so `quiz --help` stays cheap:

* `ask(item, deadline)`: the response, `SKIP`, or `TIMED_OUT` when `time.monotonic()` passes
  `deadline` while the learner is on the question (a countdown shows the time left). Unreadable
  input never returns: the screen says why and waits.
* `after_verdict(item, verdict, can_overrule=, can_undo=)`: one key after the feedback — Enter
  "next", `d` "overrule" ("Tôi đúng"), `u` "undo" — offered in one dim line.
* `self_rate()`: Easy / Good / Hard after a correct answer (`--self-rate`).

Whatever is typed ahead is dropped before each screen and when the session ends (at exit), so it
reaches neither the next prompt nor the shell.
"""

from __future__ import annotations

import atexit
from typing import Any

from rich.console import Console

from quiz.study.session import Item


class InteractiveIO:
    """The prompt_toolkit screens on a terminal."""

    interactive = True

    def __init__(self, console: Console):
        self.console = console
        from quiz.ui import prompts

        self.prompts = prompts
        atexit.register(prompts.flush_input)  # keys typed during the summary never reach the shell

    def ask(self, item: Item, deadline: float | None = None) -> Any:
        return self.prompts.ask(item.question, item.shown, deadline)

    def after_verdict(self, item: Item, verdict: Any, *, can_overrule: bool, can_undo: bool) -> str:
        return self.prompts.after_verdict(can_overrule, can_undo)

    def final_command(self) -> str | None:
        return None  # a learner at the keyboard has nothing more to type after the last question

    def self_rate(self) -> str | None:
        return self.prompts.ask_self_rate()
