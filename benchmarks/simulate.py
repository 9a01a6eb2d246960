"""Simulated learners preparing for an exam: today's `quiz study`, the exam plan, cramming and Leitner.

    python benchmarks/simulate.py                    # quick: 30 learners per case, about 10 s
    python benchmarks/simulate.py --learners 200     # the README's table, about 40 s
    python benchmarks/simulate.py --questions 274 --exams 14 30 --memory dhp

Each learner studies the shipped banks' questions (or `--questions N`) once a day with a budget of
`--minutes` (15) a day until the exam, then not at all. What is measured is the learner's *true* memory
(not what the scheduler believes): the mean probability of recall over all questions on the exam day
(a question never shown counts 0), and 30 days after the exam. Each figure is the mean over learners
with a 95 % interval (mean ± 1.96 standard errors).

Two memory models, neither of which is the scheduler's own belief:

- `dhp`: DHP (Ye, Su & Cao, KDD 2022: "A Stochastic Shortest Path Algorithm for Optimizing Spaced
  Repetition Scheduling"), fitted by its authors on MaiMemo's review logs; the formulas and constants
  are those of their published code (maimemo/SSP-MMC, model/utils.py): recall p = 2^(−t/h) with half-life
  h in days; first exposure h0 = −1/log2(max(0.925 − 0.05·d, 0.025)); recalled
  h' = h·(1 + e^3.80863264·d^−0.53420593·h^−0.127362·(1 − p)^0.9678043); forgotten
  h' = e^−0.04158382·d^−0.04067209·h^0.37745957·(1 − p)^−0.22724425 and d += 2 (at most 20); each
  question's difficulty d (1..10) drawn from their simulator's distribution.
- `fsrs`: FSRS-6 with the parameters srs-benchmark fitted to real Anki users (the first 20 users of
  open-spaced-repetition/srs-benchmark result/FSRS-6.jsonl, in `benchmarks/data/fsrs6_users.tsv`), one
  user per learner in turn; the first answer's rating drawn from fsrs-rs's default simulator
  (Again 24 %, Hard 9.4 %, Good 49.5 %, Easy 17.1 %). The scheduler itself always uses fsrs's defaults.

What a learner sees and does (assumptions, not measurements of our learners):

- one session a day; each question at most once a day; a right answer is rated Good, a wrong one
  Again (as `quiz study` rates a verdict); the first time a question is shown it is answered wrong
  under `dhp` (it was never seen), and per the drawn rating under `fsrs`;
- seconds per answer: fsrs-rs's simulator costs measured on Anki users' logs (`quiz.study.plan.Costs`:
  new 19.6 s, recalled 12.4 s, forgotten 19.4 s);
- no sibling burying, no almost-right answers, no exam-day guessing.

Strategies (the scheduler's state is FSRS-6 with fsrs's defaults and desired retention 0.9,
`quiz.progress.memory`; a learning card is due the next day):

- `study`: today's `quiz study --minutes 15`: due questions lowest recall first, then at most 10 new a
  day; the session also ends when nothing is left;
- `plan`: `quiz study` under `quiz plan DATE --minutes 15`: `quiz.study.plan.day_order`, the very code
  the command runs; the session ends when the minutes are spent;
- `cram`: `quiz study --cram --minutes 15` every day: lowest recall first (new ones first), no schedule;
- `leitner`: five boxes with intervals 1, 2, 4, 8, 16 days (right: next box, wrong: box 1), due boxes
  first, then new questions paced as the plan paces them.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.progress.memory import AGAIN, DEFAULT, GOOD, Model  # noqa: E402
from quiz.study.plan import Costs, Memory, day_order, new_quota  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "fsrs6_users.tsv"
STRATEGIES = ("study", "plan", "cram", "leitner")
RETENTION = 0.9
NEW_PER_DAY = 10
LEITNER_DAYS = (1, 2, 4, 8, 16)
AFTER = 30
START = date(2026, 1, 5)
FIRST_RATING = (0.24, 0.094, 0.495, 0.171)  # fsrs-rs default_simulator_config().first_rating_prob


def _dhp_difficulty(u: float) -> int:
    """DHP's simulator distribution of difficulty (maimemo/SSP-MMC simulator.py)."""
    edges = (0.05, 0.12, 0.22, 0.33, 0.46, 0.60, 0.74, 0.85, 0.94)
    for n, edge in enumerate(edges):
        if u < edge:
            return 10 - n
    return 1


class DHP:
    """A learner's true memory under DHP: per question difficulty d and half-life h (days)."""

    def __init__(self, n: int, rng: random.Random) -> None:
        self.d = [_dhp_difficulty(rng.random()) for _ in range(n)]
        self.h = [0.0] * n
        self.last = [-1] * n
        self.rng = rng

    def recall(self, i: int, day: float) -> float:
        if self.last[i] < 0:
            return 0.0
        return 2.0 ** (-(day - self.last[i]) / self.h[i])

    def first(self, i: int, day: int) -> int:
        self.h[i] = -1.0 / math.log2(max(0.925 - 0.05 * self.d[i], 0.025))
        self.last[i] = day
        return AGAIN

    def review(self, i: int, day: int) -> bool:
        p = self.recall(i, day)
        d, h = self.d[i], self.h[i]
        if self.rng.random() < p:
            if p < 1.0:
                self.h[i] = h * (
                    1 + math.exp(3.80863264) * d**-0.53420593 * h**-0.127362 * (1 - p) ** 0.9678043
                )
            self.last[i] = day
            return True
        self.h[i] = math.exp(-0.04158382) * d**-0.04067209 * h**0.37745957 * (1 - p) ** -0.22724425
        self.d[i] = min(d + 2, 20)
        self.last[i] = day
        return False


class FSRSMemory:
    """A learner's true memory under FSRS-6 with one real user's fitted parameters."""

    def __init__(self, n: int, rng: random.Random, parameters: list[float]) -> None:
        self.model = Model(parameters)
        self.s = [0.0] * n
        self.dd = [0.0] * n
        self.last = [-1] * n
        self.rng = rng

    def recall(self, i: int, day: float) -> float:
        if self.last[i] < 0:
            return 0.0
        return self.model.recall(self.s[i], day - self.last[i])

    def first(self, i: int, day: int) -> int:
        rating = self.rng.choices((1, 2, 3, 4), FIRST_RATING)[0]
        self.s[i], self.dd[i] = self.model.initial(rating)
        self.last[i] = day
        return AGAIN if rating == 1 else GOOD

    def review(self, i: int, day: int) -> bool:
        p = self.recall(i, day)
        ok = self.rng.random() < p
        rating = GOOD if ok else AGAIN
        elapsed = day - self.last[i]
        self.s[i] = self.model.next_stability(self.s[i], self.dd[i], elapsed, rating)
        self.dd[i] = self.model.next_difficulty(self.dd[i], rating)
        self.last[i] = day
        return ok


@dataclass
class Scheduled:
    """The scheduler's belief about each question (FSRS-6 defaults), plus Leitner boxes."""

    n: int
    s: list[float | None] = field(default_factory=list)
    d: list[float] = field(default_factory=list)
    last: list[int] = field(default_factory=list)
    due: list[int] = field(default_factory=list)
    box: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.s = [None] * self.n
        self.d = [5.0] * self.n
        self.last = [-1] * self.n
        self.due = [0] * self.n
        self.box = [0] * self.n

    def answer(self, i: int, day: int, rating: int, model: Model = DEFAULT) -> None:
        s = self.s[i]
        if s is None:
            self.s[i], self.d[i] = model.initial(rating)
            self.due[i] = day + 1  # a learning step: due at the next session
        else:
            elapsed = day - self.last[i]
            self.s[i] = model.next_stability(s, self.d[i], elapsed, rating)
            self.d[i] = model.next_difficulty(self.d[i], rating)
            self.due[i] = day + max(1, round(model.interval(self.s[i], RETENTION)))  # type: ignore[arg-type]
        self.last[i] = day
        ok = rating != AGAIN
        self.box[i] = min(self.box[i] + 1, len(LEITNER_DAYS)) if ok else 1

    def retrievability(self, i: int, day: int) -> float:
        return DEFAULT.recall(self.s[i], day - self.last[i]) if self.s[i] is not None else 0.0

    def memory(self, i: int, day: int) -> Memory:
        s = self.s[i]
        if s is None:
            return Memory((str(i), ""))
        return Memory((str(i), ""), s, self.d[i], float(day - self.last[i]), float(self.due[i] - day))


def _day_queue(
    strategy: str, sched: Scheduled, day: int, exam_day: int, seconds: float, new_today: int
) -> list[int]:
    n = sched.n
    if strategy == "study":
        due = [i for i in range(n) if sched.s[i] is not None and sched.due[i] <= day]
        due.sort(key=lambda i: sched.retrievability(i, day))
        new = [i for i in range(n) if sched.s[i] is None][:NEW_PER_DAY]
        return due + new
    if strategy == "cram":
        return sorted(range(n), key=lambda i: sched.retrievability(i, day))
    today, exam = START + timedelta(days=day), START + timedelta(days=exam_day)
    if strategy == "leitner":
        due = [i for i in range(n) if sched.box[i] and sched.last[i] + LEITNER_DAYS[sched.box[i] - 1] <= day]
        unseen = [i for i in range(n) if sched.s[i] is None]
        return due + unseen[: new_quota(len(unseen), today, START, exam)]
    work = day_order(
        [sched.memory(i, day) for i in range(n)], today=today, start=START, exam=exam, seconds=seconds
    )
    return [int(key[0]) for key in work.order]


def run_learner(
    strategy: str, memory: DHP | FSRSMemory, n: int, exam_day: int, minutes: float, costs: Costs
) -> tuple[float, float]:
    sched = Scheduled(n)
    for day in range(exam_day):
        budget = minutes * 60.0
        spent = 0.0
        for i in _day_queue(strategy, sched, day, exam_day, budget, 0):
            if spent >= budget:
                break
            if sched.s[i] is None:
                rating = memory.first(i, day)
                spent += costs.new
            else:
                ok = memory.review(i, day)
                rating = GOOD if ok else AGAIN
                spent += costs.recalled if ok else costs.forgotten
            sched.answer(i, day, rating)
    on_exam = sum(memory.recall(i, exam_day) for i in range(n)) / n
    after = sum(memory.recall(i, exam_day + AFTER) for i in range(n)) / n
    return on_exam, after


def _users() -> list[list[float]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append([float(x) for x in line.split("\t")[1].split(",")])
    return rows


def _shipped_questions() -> int:
    from quiz.bank.library import banks_dir, resolve
    from quiz.study.session import select_questions

    return len(select_questions(resolve([], banks_dir(None))))


def _interval(values: list[float]) -> tuple[float, float]:
    mean = statistics.fmean(values)
    half = 1.96 * statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0
    return mean, half


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=30, help="simulated learners per case (default 30)")
    parser.add_argument("--questions", type=int, default=0, help="questions (default: the shipped banks')")
    parser.add_argument("--minutes", type=float, default=15.0, help="study minutes a day (default 15)")
    parser.add_argument("--exams", type=int, nargs="+", default=[14, 30, 60], help="days to the exam")
    parser.add_argument("--memory", nargs="+", choices=("dhp", "fsrs"), default=["dhp", "fsrs"])
    parser.add_argument("--strategies", nargs="+", choices=STRATEGIES, default=list(STRATEGIES))
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    n = args.questions or _shipped_questions()
    users = _users()
    costs = Costs()
    started = time.monotonic()
    print(
        f"{n} questions, {args.minutes:g} min/day, {args.learners} learners per case; exam-day recall "
        f"(recall {AFTER} days after), mean ± 95% interval"
    )
    for kind in args.memory:
        print(f"\nmemory: {kind}")
        header = "| exam in | " + " | ".join(args.strategies) + " |"
        print(header)
        print("|---|" + "---|" * len(args.strategies))
        for exam_day in args.exams:
            cells = []
            for strategy in args.strategies:
                exam, after = [], []
                for learner in range(args.learners):
                    rng = random.Random(args.seed * 1_000_003 + learner * 7919 + exam_day)
                    memory = DHP(n, rng) if kind == "dhp" else FSRSMemory(n, rng, users[learner % len(users)])
                    e, a = run_learner(strategy, memory, n, exam_day, args.minutes, costs)
                    exam.append(e)
                    after.append(a)
                (em, eh), (am, ah) = _interval(exam), _interval(after)
                cells.append(f"{em:.1%} ± {eh:.1%} ({am:.0%} ± {ah:.0%})")
            print(f"| {exam_day} days | " + " | ".join(cells) + " |", flush=True)
    print(f"\n{time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
