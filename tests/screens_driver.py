"""Run one session screen of quiz/ui/screens.py on a terminal and print what it returned.

tests/test_session_screens.py starts it in tmux for what the study loop does not reach yet from
the command line (a deadline, the keys after a verdict):

    python tests/screens_driver.py BANK.yaml QUESTION_ID ask [SECONDS]
    python tests/screens_driver.py BANK.yaml QUESTION_ID after CAN_OVERRULE CAN_UNDO
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from quiz.bank.loader import load_file
from quiz.study.answers import SKIP, TIMED_OUT
from quiz.study.session import Item
from quiz.ui.console import make_console
from quiz.ui.screens import InteractiveIO


def main() -> None:
    bank, _ = load_file(Path(sys.argv[1]))
    assert bank is not None
    question = next(q for q in bank.questions if q.id == sys.argv[2])
    console = make_console()
    io = InteractiveIO(console)
    item = Item(bank, question, shown=list(question.choices or question.items))
    started = time.monotonic()
    if sys.argv[3] == "ask":
        deadline = started + float(sys.argv[4]) if len(sys.argv) > 4 else None
        result = io.ask(item, deadline)
        shown = "TIMED_OUT" if result is TIMED_OUT else "SKIP" if result is SKIP else repr(result)
    else:
        shown = io.after_verdict(item, None, can_overrule=sys.argv[4] == "1", can_undo=sys.argv[5] == "1")
    console.print(f"RESULT {shown} after {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main()
