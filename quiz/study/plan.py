"""Studying for an exam on a known date: how many new questions today, and in which order to ask.

Pure functions over what FSRS knows of each question (`Memory`): `quiz study` under a plan and
`benchmarks/simulate.py` call the same code. No terminal I/O, no store.

- **Pacing** (`new_quota`): every new question is introduced by the half-way point of the plan
  (`NEW_BY`); today's share is the questions still new divided by the days left before that point
  (all of them once it is past).
- **Today's order** (`day_order`): questions FSRS says are due, lowest recall first — but never so
  many that today's new questions get no time (`NEW_SHARE` of the day is kept for them); then
  today's new questions; then the other due ones; then, for the rest of the day's minutes, every other
  question by how much a review now raises its expected recall on the exam day, per second spent.
- **The last pass** (the final `FINAL_SHARE` of the plan, at least `FINAL_MIN_DAYS` days): anything
  still new first, then every question whose predicted exam-day recall is below `AT_RISK`, lowest
  first, then the rest by gain.

The session itself ends when the day's minutes are spent (`quiz.cli.study`), so the order only says
what comes first; `DayWork` estimates how much of it fits today (the `quiz plan` summary).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from quiz.progress.memory import AGAIN, DEFAULT, GOOD, Model

if TYPE_CHECKING:
    from quiz.bank.model import Bank
    from quiz.progress.card import CardState
    from quiz.study.session import Item
    from quiz.study.siblings import SiblingIndex

NEW_BY = 0.5  # all new questions introduced by this share of the plan
NEW_SHARE = 0.3  # of the day's seconds kept for today's new questions before the other due ones
FINAL_SHARE = 0.1  # the last pass: this share of the plan's days before the exam
FINAL_MIN_DAYS = 2
AT_RISK = 0.9  # predicted exam-day recall below this: reviewed in the last pass

Key = tuple[str, str]


@dataclass(frozen=True)
class Costs:
    """Seconds per answer: a new question (read, answer, read the explanation), a review recalled,
    a review forgotten. Defaults: the median costs fsrs-rs's simulator ships, measured on Anki users'
    review logs (first answer Again 19.6 s, review Good 12.4 s, review Again 19.4 s)."""

    new: float = 19.6
    recalled: float = 12.4
    forgotten: float = 19.4


@dataclass(frozen=True)
class Memory:
    """What FSRS knows of one question at the start of today's session."""

    key: Key
    stability: float | None = None  # None: never answered (new)
    difficulty: float | None = None
    elapsed: float = 0.0  # days since the last answer
    due_in: float = 0.0  # days until FSRS's next review (<= 0: due now)

    @property
    def new(self) -> bool:
        return self.stability is None


@dataclass(frozen=True)
class DayWork:
    """Today under the plan: what is asked first, and how much of it should fit in the day's minutes."""

    order: list[Key]
    due: int  # questions due today
    new: int  # new questions to introduce today
    fits: int  # how many questions of `order` should fit in the day's seconds
    final: bool  # the last pass before the exam
    unseen: int = 0  # questions never answered yet
    per_day: int = 0  # new questions a day at today's pace (today's quota before any was introduced)


def days_between(start: date, end: date) -> int:
    return (end - start).days


def new_quota(unseen: int, today: date, start: date, exam: date) -> int:
    """New questions to introduce today so that all are introduced by the plan's half-way point."""
    if unseen <= 0:
        return 0
    span = max(1, days_between(start, exam))
    deadline = start.toordinal() + math.ceil(span * NEW_BY)
    days = deadline - today.toordinal()
    return unseen if days <= 1 else math.ceil(unseen / days)


def final_days(start: date, exam: date) -> int:
    span = max(1, days_between(start, exam))
    return max(FINAL_MIN_DAYS, round(span * FINAL_SHARE))


def exam_recall(memory: Memory, days_to_exam: float, model: Model = DEFAULT) -> float:
    """Predicted recall on the exam day if the question is not asked again (0 if never answered)."""
    return model.recall(memory.stability, memory.elapsed + max(0.0, days_to_exam))


def review_gain(memory: Memory, days_to_exam: float, model: Model = DEFAULT, costs: Costs = Costs()) -> float:
    """Expected rise of exam-day recall from asking the question now, per second of the learner's time."""
    t = max(0.0, days_to_exam)
    if memory.stability is None:
        stability, _ = model.initial(AGAIN)
        return model.recall(stability, t) / costs.new
    difficulty = memory.difficulty if memory.difficulty is not None else 5.0
    now = model.recall(memory.stability, memory.elapsed)
    kept = model.next_stability(memory.stability, difficulty, memory.elapsed, GOOD)
    lost = model.next_stability(memory.stability, difficulty, memory.elapsed, AGAIN)
    after = now * model.recall(kept, t) + (1.0 - now) * model.recall(lost, t)
    before = model.recall(memory.stability, memory.elapsed + t)
    seconds = now * costs.recalled + (1.0 - now) * costs.forgotten
    return (after - before) / seconds


def day_order(
    memories: Sequence[Memory],
    *,
    today: date,
    start: date,
    exam: date,
    seconds: float,
    model: Model = DEFAULT,
    costs: Costs = Costs(),
    new_today: int = 0,
) -> DayWork:
    """The order to ask today's questions in under a plan (see the module docstring).

    `memories` in the order new questions should be introduced (bank order); `new_today` counts new
    questions already introduced today (a second session the same day does not introduce more).
    """
    days_to_exam = max(0, days_between(today, exam))
    unseen = [m for m in memories if m.new]
    seen = [m for m in memories if not m.new]
    quota = max(0, new_quota(len(unseen) + new_today, today, start, exam) - new_today)
    fresh = unseen[:quota]
    final = days_to_exam <= final_days(start, exam)
    due = sorted(
        (m for m in seen if m.due_in <= 0), key=lambda m: (model.recall(m.stability, m.elapsed), m.key)
    )

    def by_gain(items: Sequence[Memory]) -> list[Memory]:
        return sorted(items, key=lambda m: (-review_gain(m, days_to_exam, model, costs), m.key))

    if final:
        fresh = unseen
        risky = [m for m in seen if exam_recall(m, days_to_exam, model) < AT_RISK]
        risky.sort(key=lambda m: (exam_recall(m, days_to_exam, model), m.key))
        taken = {m.key for m in risky}
        order = fresh + risky + by_gain([m for m in seen if m.key not in taken])
    else:
        room = max(0.0, seconds - NEW_SHARE * seconds if fresh else seconds)
        first: list[Memory] = []
        spent = 0.0
        for m in due:
            if spent >= room:
                break
            first.append(m)
            spent += _seconds(m, model, costs)
        taken = {m.key for m in first}
        later = [m for m in due if m.key not in taken]
        asked = taken | {m.key for m in later}
        order = first + fresh + later + by_gain([m for m in seen if m.key not in asked])
    fits, spent = 0, 0.0
    for m in order:
        spent += _seconds(m, model, costs)
        if spent > seconds:
            break
        fits += 1
    per_day = new_quota(len(unseen) + new_today, today, start, exam)
    return DayWork([m.key for m in order], len(due), len(fresh), fits, final, len(unseen), per_day)


def _seconds(memory: Memory, model: Model, costs: Costs) -> float:
    if memory.stability is None:
        return costs.new
    now = model.recall(memory.stability, memory.elapsed)
    return now * costs.recalled + (1.0 - now) * costs.forgotten


# --- the learner's plan, on real banks and cards ------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """An exam plan as stored (`plans` table): started, exam day, minutes a day, bank ids (empty: all)."""

    start: date
    exam: date
    minutes: int
    banks: tuple[str, ...] = ()


def load_plan(store: Any) -> Plan | None:
    """The active plan of the store, or None."""
    from quiz.progress.clock import today

    row = store.active_plan()
    if row is None:
        return None
    created, exam_date, minutes, banks = row
    return Plan(today(created), date.fromisoformat(exam_date), minutes, tuple(banks))


def memory_of(key: Key, card: CardState | None, now: datetime) -> Memory:
    """What FSRS knows of a question at `now`, from its stored card (None: new)."""
    if card is None or card.stability is None:
        return Memory(key)
    day = 86400.0
    return Memory(
        key,
        card.stability,
        card.difficulty,
        (now - card.last_review).total_seconds() / day,
        (card.due - now).total_seconds() / day,
    )


def seconds_spent(store: Any, day: date) -> float:
    """Seconds spent answering on the learner's `day` (the logged answer times)."""
    from quiz.progress.clock import day_bounds, to_iso

    start, end = day_bounds(day)
    row = store.query(
        "SELECT coalesce(sum(duration_ms), 0) FROM reviews WHERE at >= ? AND at < ? AND corrects IS NULL",
        [to_iso(start), to_iso(end)],
    )
    return float(row[0][0]) / 1000.0


def plan_items(
    banks: Sequence[Bank],
    cards: dict[Key, CardState],
    now: datetime,
    plan: Plan,
    seconds: float,
    *,
    tags: Sequence[str] = (),
    new_today: int = 0,
    model: Model = DEFAULT,
    siblings: SiblingIndex | None = None,
    rng: random.Random | None = None,
    seed: str | None = None,
) -> tuple[list[Item], DayWork]:
    """Today's questions under `plan`, in `day_order`'s order, siblings kept apart; new questions come
    in the learner's interleaved order (`new_order` with `seed`; None: bank order)."""
    from quiz.progress.clock import today
    from quiz.study.session import Item, new_order, select_questions, shuffled_view
    from quiz.study.siblings import SiblingGate

    rng = rng or random.Random()
    pool = {(b.id, q.id): (b, q) for b, q in new_order(select_questions(banks, tags), seed)}
    memories = [memory_of(key, cards.get(key), now) for key in pool]
    work = day_order(
        memories,
        today=today(now),
        start=plan.start,
        exam=plan.exam,
        seconds=seconds,
        model=model,
        new_today=new_today,
    )
    gate = SiblingGate(siblings)
    items = []
    for key in work.order:
        if gate.admit(key):
            bank, question = pool[key]
            item = Item(bank, question, cards.get(key))
            item.shown = shuffled_view(question, rng)
            items.append(item)
    return items, work
