"""Session logic: which questions to ask, and what happens to an answer. No terminal I/O.

- `study_queue`: due questions first (lowest retrievability first), then new ones up to the daily
  new limit of each bank (as Anki's per-deck limit), counting those its study sessions already
  introduced today (exam questions do not count); `cram` ignores the schedule.
- `exam_queue`: N questions drawn at random; the same seed gives the same questions in the same
  order with the same shuffled choices.
- Both keep siblings apart (`quiz.study.siblings`): never two questions of which one gives the other
  away in one session or one exam.
- `Session.answer`: judge → rating → FSRS → one committed write to the store, then the verdict.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from quiz.bank.model import Bank, Question
from quiz.progress.card import CardState, Review
from quiz.progress.store import Store
from quiz.study.answers import Invalid, cap, describe
from quiz.study.siblings import SiblingGate, SiblingIndex

DRAFT_TAG = "draft"


@dataclass
class Item:
    """One question to ask, with the order its choices or items are shown in."""

    bank: Bank
    question: Question
    card: CardState | None = None
    shown: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.bank.id, self.question.id)


@dataclass
class Tally:
    answered: int = 0
    correct: int = 0
    almost: int = 0
    wrong: int = 0
    skipped: int = 0
    wrong_items: list[tuple[Item, str, Any]] = field(default_factory=list)
    skipped_items: list[Item] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return self.correct + self.almost


def tag_key(tag: str) -> str:
    """Tags compare without case or diacritics, spaces and hyphens alike: `--tag "so lieu"` finds
    `số-liệu` (`quiz.bank.model.tag_key`)."""
    from quiz.bank.model import tag_key as key

    return key(tag)


def select_questions(banks: Iterable[Bank], tags: Sequence[str] = ()) -> list[tuple[Bank, Question]]:
    """Every question of the banks carrying one of `tags` (all when none); `draft` only if asked."""
    wanted = {tag_key(t) for t in tags}
    chosen = []
    for bank in banks:
        for question in bank.questions:
            keys = {tag_key(t) for t in question.tags}
            if DRAFT_TAG in keys and DRAFT_TAG not in wanted:
                continue
            if wanted and not keys & wanted:
                continue
            chosen.append((bank, question))
    return chosen


def shuffled_view(question: Question, rng: random.Random) -> list[str]:
    """The order choices or order items are shown in (order items are always shuffled)."""
    if question.type in ("choice", "multi"):
        shown = list(question.choices)
        if question.shuffle:
            rng.shuffle(shown)
        return shown
    if question.type == "order":
        shown = list(question.items)
        for _ in range(10):  # never show the items already in the right order
            rng.shuffle(shown)
            if shown != list(question.items):
                break
        return shown
    return []


def study_queue(
    banks: Iterable[Bank],
    cards: dict[tuple[str, str], CardState],
    now: datetime,
    *,
    tags: Sequence[str] = (),
    new_limit: int = 10,
    introduced_today: Mapping[str, int] | int = 0,
    limit: int | None = None,
    cram: bool = False,
    rng: random.Random | None = None,
    siblings: SiblingIndex | None = None,
) -> list[Item]:
    """What to ask now: due cards by lowest retrievability, then new questions in bank order.

    `new_limit` is per bank and per day: `introduced_today` maps a bank id to the questions it already
    introduced today (`Store.introduced_by_bank`; a plain number is taken for every bank).

    `siblings` (`SiblingIndex.of(banks)`: declared, answer-in-prompt and overlapping-quote pairs)
    buries siblings: of questions that give each other away, only the first in line is asked in this
    session; the others wait (still due, or still new) for a later one.
    """
    from quiz.progress.scheduler import card_retrievability

    rng = rng or random.Random()
    pool = select_questions(banks, tags)
    gate = SiblingGate(siblings)
    if cram:
        items = [Item(b, q, cards.get((b.id, q.id))) for b, q in pool]
        items.sort(key=lambda it: card_retrievability(it.card, now) if it.card else 0.0)
        items = [it for it in items if gate.admit(it.key)]
    else:
        due = [Item(b, q, cards[(b.id, q.id)]) for b, q in pool if (b.id, q.id) in cards]
        due = [it for it in due if it.card is not None and it.card.due <= now]
        due.sort(key=lambda it: card_retrievability(it.card, now))
        due = [it for it in due if gate.admit(it.key)]
        new: list[Item] = []
        taken: dict[str, int] = {}
        for bank, question in pool:
            met = introduced_today if isinstance(introduced_today, int) else introduced_today.get(bank.id, 0)
            if taken.get(bank.id, 0) >= new_limit - met:
                continue
            item = Item(bank, question)
            if item.key not in cards and gate.admit(item.key):
                new.append(item)
                taken[bank.id] = taken.get(bank.id, 0) + 1
        items = due + new
    if limit is not None:
        items = items[: max(0, limit)]
    for item in items:
        item.shown = shuffled_view(item.question, rng)
    return items


def exam_queue(
    banks: Iterable[Bank],
    count: int,
    *,
    seed: int | str | None = None,
    tags: Sequence[str] = (),
    cards: dict[tuple[str, str], CardState] | None = None,
    siblings: SiblingIndex | None = None,
) -> list[Item]:
    """`count` questions at random (all if fewer), never two siblings; reproducible with `seed`."""
    rng = random.Random(seed)
    gate = SiblingGate(siblings)
    cards = cards or {}
    pool = select_questions(banks, tags)
    items: list[Item] = []
    for bank, question in rng.sample(pool, len(pool)):  # the whole pool shuffled: siblings are skipped
        if len(items) >= count:
            break
        if gate.admit((bank.id, question.id)):
            items.append(Item(bank, question, cards.get((bank.id, question.id))))
    for item in items:
        item.shown = shuffled_view(item.question, rng)
    return items


class Session:
    """Judges answers and commits each one to the store the moment it is judged."""

    def __init__(self, store: Store, scheduler: Any, mode: str = "study", accept_no_diacritics: bool = False):
        self.store = store
        self.scheduler = scheduler
        self.mode = mode
        # the learner's preference: an answer typed without diacritics is correct (rated Good)
        self.accept_no_diacritics = accept_no_diacritics
        self.tally = Tally()

    def skip(self, item: Item) -> None:
        """A skipped question is not a review: nothing is saved, the schedule is unchanged."""
        self.tally.skipped += 1
        self.tally.skipped_items.append(item)

    def judge(self, item: Item, response: Any) -> Any:
        """The verdict on a response (a malformed line is simply wrong)."""
        from quiz.study.judge import Verdict, judge

        if isinstance(response, Invalid):
            return Verdict("wrong", item.question.canonical_answer())
        return judge(item.question, response, accept_no_diacritics=self.accept_no_diacritics)

    def record(
        self,
        item: Item,
        response: Any,
        verdict: Any,
        now: datetime,
        duration_ms: int | None = None,
        self_rate: str | None = None,
    ) -> CardState:
        """Rate the verdict, move the card on the FSRS schedule and commit both in one transaction."""
        from quiz.progress.scheduler import rating_for

        question = item.question
        rating = rating_for(verdict.outcome, self_rate if verdict.outcome == "correct" else None)
        fingerprint = question.fingerprint()
        card = self.store.card(item.bank.id, question.id)
        state = self.scheduler.review(card, item.bank.id, question.id, rating, now, fingerprint)
        review = Review(
            at=now,
            bank=item.bank.id,
            question=question.id,
            answer=cap(describe(question, response)),  # a pasted megabyte is not logged whole
            verdict=verdict.outcome,
            rating=rating,
            duration_ms=duration_ms,
            mode=self.mode,
            fingerprint=fingerprint,
            predicted=self.scheduler.recall(card, now),  # the readiness forecast's calibration
        )
        self.store.record(review, state)
        item.card = state
        self._count(item, verdict, response)
        return state

    def _count(self, item: Item, verdict: Any, response: Any) -> None:
        tally = self.tally
        tally.answered += 1
        if verdict.outcome == "correct":
            tally.correct += 1
        elif verdict.outcome == "almost":
            tally.almost += 1
        else:
            tally.wrong += 1
            tally.wrong_items.append((item, describe(item.question, response), verdict))


@dataclass(frozen=True)
class NextDue:
    """When the chosen banks are next due: how many now, else the first due time and how many in 24 h."""

    due_now: int
    first: datetime | None
    soon: int


def next_due(store: Store, banks: Sequence[Bank], now: datetime) -> NextDue | None:
    """The next-due summary of the questions of `banks` already learnt; None when none is."""
    from datetime import timedelta

    ids = {(b.id, q.id) for b in banks for q in b.questions}
    dues = sorted(c.due for key, c in store.cards([b.id for b in banks]).items() if key in ids)
    if not dues:
        return None
    due_now = sum(1 for d in dues if d <= now)
    if due_now:
        return NextDue(due_now, None, 0)
    return NextDue(0, dues[0], sum(1 for d in dues if d <= now + timedelta(hours=24)))
