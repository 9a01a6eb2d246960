"""The interactive front end of a study or exam session: the screens on a terminal.

`InteractiveIO` implements the runner's session IO (ask, after_verdict, self_rate) with the
widgets of `quiz.ui.prompts`, imported only when the first screen is shown, so `quiz --help`
stays cheap.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console

from quiz.study.session import Item


class InteractiveIO:
    """questionary widgets on a terminal."""

    interactive = True

    def __init__(self, console: Console):
        self.console = console
        from quiz.ui import prompts

        self.prompts = prompts

    def ask(self, item: Item) -> Any:
        return self.prompts.ask(item.question, item.shown)

    def self_rate(self) -> str | None:
        return self.prompts.ask_self_rate()
