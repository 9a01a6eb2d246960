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

import hashlib
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from quiz.bank.model import Bank, Question
from quiz.progress.card import CardState, Review, apply_corrections
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
    """What happened in one session. Corrections (overrule, undo) are applied, so it always tells the
    answers as they now count."""

    answered: int = 0
    correct: int = 0
    almost: int = 0
    wrong: int = 0
    skipped: int = 0
    overruled: int = 0
    undone: int = 0
    wrong_items: list[tuple[Item, str, Any]] = field(default_factory=list)  # every wrong answer
    skipped_items: list[Item] = field(default_factory=list)  # skipped and not answered since
    outcomes: dict[tuple[str, str], str] = field(default_factory=dict)  # each question's latest outcome
    missed: dict[tuple[str, str], Item] = field(default_factory=dict)  # answered wrong at least once

    @property
    def accepted(self) -> int:
        return self.correct + self.almost


@dataclass
class _Answered:
    """The last answer recorded in a session: what an overrule or an undo corrects."""

    item: Item
    review_id: int
    outcome: str
    given: str
    verdict: Any
    outcome_before: str | None  # the question's outcome in this session before this answer


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


def _rank(seed: str, *parts: str) -> int:
    """A stable pseudo-random number for `parts` under `seed` (the same on every machine and run)."""
    digest = hashlib.sha256("\x00".join((seed, *parts)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def new_order(pool: Sequence[tuple[Bank, Question]], seed: str | None) -> list[tuple[Bank, Question]]:
    """Questions in the order new ones are introduced: interleaved across banks (one of each bank in
    turn) and, within a bank, each type spread evenly through it, in an order drawn from `seed` — the
    learner's own (`Store.seed`), so it is the same every day for one learner and differs between
    learners. A question added to a bank later takes its place without reshuffling the rest of its
    type. `seed` None keeps the bank order (`QUIZ_ORDER=bank`: scripts that answer a bank in order)."""
    if seed is None:
        return list(pool)
    by_bank: dict[str, list[tuple[Bank, Question]]] = {}
    for bank, question in pool:
        by_bank.setdefault(bank.id, []).append((bank, question))
    runs: list[tuple[int, list[tuple[Bank, Question]]]] = []
    for bank_id, entries in by_bank.items():
        by_type: dict[str, list[tuple[Bank, Question]]] = {}
        for entry in sorted(entries, key=lambda e: _rank(seed, bank_id, e[1].id)):
            by_type.setdefault(entry[1].type, []).append(entry)
        placed = []
        for kind, group in by_type.items():
            offset = _rank(seed, bank_id, "type", kind) / 2**64  # where in the bank this type starts
            placed += [
                ((i + offset) / len(group), _rank(seed, bank_id, e[1].id), e) for i, e in enumerate(group)
            ]
        placed.sort(key=lambda p: (p[0], p[1]))
        runs.append((_rank(seed, bank_id), [entry for _, _, entry in placed]))
    runs.sort(key=lambda r: r[0])
    longest = max((len(run) for _, run in runs), default=0)
    return [run[i] for i in range(longest) for _, run in runs if i < len(run)]


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
    seed: str | None = None,
) -> list[Item]:
    """What to ask now: due cards by lowest retrievability, then new questions (`new_order` by `seed`).

    `new_limit` is per bank and per day: `introduced_today` maps a bank id to the questions it already
    introduced today (`Store.introduced_by_bank`; a plain number is taken for every bank).

    `siblings` (`SiblingIndex.of(banks)`: declared, answer-in-prompt and overlapping-quote pairs)
    buries siblings: of questions that give each other away, only the first in line is asked in this
    session; the others wait (still due, or still new) for a later one.
    """
    from quiz.progress.scheduler import card_retrievability

    rng = rng or random.Random()
    pool = new_order(select_questions(banks, tags), seed)
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
        self.last: _Answered | None = None

    def skip(self, item: Item) -> None:
        """A skipped question is not a review: nothing is saved, the schedule is unchanged."""
        if item not in self.tally.skipped_items:
            self.tally.skipped += 1
            self.tally.skipped_items.append(item)
        self.last = None

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
        review_id = self.store.record(review, state)
        item.card = state
        given = describe(question, response)
        self.last = _Answered(
            item, review_id, verdict.outcome, given, verdict, self.tally.outcomes.get(item.key)
        )
        self._count(item, verdict.outcome, given, verdict, +1)
        return state

    def overrule(self, item: Item, now: datetime) -> CardState | None:
        """ "Tôi đúng": the last answer (wrong or almost) counts as correct, rated Good. A correcting row
        is logged (the log stays append-only) and the card is recomputed from the corrected log."""
        last = self._last(item)
        if last.outcome == "correct":
            raise ValueError("a correct answer cannot be overruled")
        state = self._correct(last, "overrule", now)
        self._count(item, last.outcome, last.given, last.verdict, -1)
        self._count(item, "correct", last.given, last.verdict, +1)
        self.tally.overruled += 1
        if last.outcome == "wrong" and last.outcome_before != "wrong":
            self.tally.missed.pop(item.key, None)  # it was not missed after all
        return state

    def undo(self, item: Item, now: datetime) -> CardState | None:
        """Withdraw the last answer: a correcting row, the card recomputed as if it had not been given
        (None: the question is new again); the question can be asked again."""
        last = self._last(item)
        state = self._correct(last, "undo", now)
        self._count(item, last.outcome, last.given, last.verdict, -1)
        self.tally.undone += 1
        if last.outcome_before is None:
            self.tally.outcomes.pop(item.key, None)
        else:
            self.tally.outcomes[item.key] = last.outcome_before
        if last.outcome == "wrong" and last.outcome_before != "wrong":
            self.tally.missed.pop(item.key, None)
        return state

    def _last(self, item: Item) -> _Answered:
        if self.last is None or self.last.item is not item:
            raise ValueError("only the last answer of the session can be corrected")
        return self.last

    def _correct(self, last: _Answered, correction: str, now: datetime) -> CardState | None:
        """Log the correction and the card's state recomputed from the corrected log, together."""
        bank, qid = last.item.key
        log = apply_corrections(self.store.answer_log(bank, qid), {last.review_id: correction})
        steps = [(a.at, a.rating, a.fingerprint) for a in log if a.moves_card]
        state = self.scheduler.replay(bank, qid, steps)
        self.store.correct(last.review_id, correction, now, state)
        last.item.card = state
        self.last = None  # an answer is corrected once
        return state

    def _count(self, item: Item, outcome: str, given: str, verdict: Any, sign: int) -> None:
        """Add (sign +1) or take back (-1) one answer of `outcome`."""
        tally = self.tally
        tally.answered += sign
        if outcome == "correct":
            tally.correct += sign
        elif outcome == "almost":
            tally.almost += sign
        else:
            tally.wrong += sign
            if sign > 0:
                tally.wrong_items.append((item, given, verdict))
                tally.missed.setdefault(item.key, item)
            else:
                for n in range(len(tally.wrong_items) - 1, -1, -1):
                    if tally.wrong_items[n][0] is item:
                        del tally.wrong_items[n]
                        break
        if sign > 0:
            tally.outcomes[item.key] = outcome
            if item in tally.skipped_items:  # skipped earlier, answered now (an exam's second round)
                tally.skipped_items.remove(item)
                tally.skipped -= 1


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
