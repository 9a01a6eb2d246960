"""What a hint should suggest, computed with the queue it suggests running, so it always works.

- `more_new`: when the daily new limit (per bank) leaves nothing to ask, the `--new N` that does give
  new questions (the most a bank met today, plus `step`), or None when no new question is left.
- `due_scope`: after a session, the tags with which `quiz study` asks the questions still due now —
  those of the session, else none, else `draft` (drafts are only asked with `--tag draft`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from quiz.bank.model import Bank
from quiz.progress.card import CardState
from quiz.study.session import DRAFT_TAG, select_questions, study_queue


@dataclass(frozen=True)
class MoreNew:
    new_limit: int  # the `--new` to suggest
    left: int  # new questions not yet met in these banks (and tags)


def more_new(
    banks: Sequence[Bank],
    cards: dict[tuple[str, str], CardState],
    now: datetime,
    tags: Sequence[str],
    introduced: Mapping[str, int],
    step: int,
) -> MoreNew | None:
    """The `--new` that gives up to `step` new questions of each bank today, or None when none is left
    (then: `--cram`)."""
    left: dict[str, int] = {}
    for bank, question in select_questions(banks, tags):
        if (bank.id, question.id) not in cards:
            left[bank.id] = left.get(bank.id, 0) + 1
    if not left:
        return None
    limit = max(introduced.get(b, 0) for b in left) + step
    if not study_queue(banks, cards, now, tags=tags, new_limit=limit, introduced_today=introduced):
        return None
    return MoreNew(limit, sum(left.values()))


def due_scope(
    banks: Sequence[Bank], cards: dict[tuple[str, str], CardState], now: datetime, tags: Sequence[str]
) -> list[str] | None:
    """The tags with which a study session of `banks` asks the questions due now (None: it asks none)."""
    for scope in (list(tags), [], [DRAFT_TAG]):
        if study_queue(banks, cards, now, tags=scope, new_limit=0):
            return scope
    return None
