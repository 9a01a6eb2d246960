"""Benchmark `quiz report --json` on a large progress file.

    python benchmarks/report.py [--dir DIR] [--cards 10000] [--reviews 1000000] [--banks 20] [--runs 5]

Builds, in DIR (default: a temporary folder):

- BANKS YAML banks holding CARDS questions between them (so every card belongs to a question);
- a progress file with one card state per question and REVIEWS answers spread over the year before
  "now", written with one `executemany` in one transaction (not through `Store.record`), each answer
  with the state `Store.record` would have logged (schema v3: `state_before`, `scheduled`);

then measures:

- `build_report` alone (open the store, SQL aggregates, the dict), banks already loaded: the part
  `quiz.progress.report` owns. Aim: well under 0.5 s for a million answers;
- `quiz report --json` end to end in a fresh process (`python -m quiz`), which also loads every bank
  (from the bank cache), and `resolve()` of those banks alone, so the two can be told apart.
  Aim: under 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quiz.bank.library import resolve
from quiz.progress.clock import to_iso
from quiz.progress.report import build_report
from quiz.progress.scheduler import Scheduler
from quiz.progress.store import Store

NOW = datetime(2027, 1, 10, 1, 0, tzinfo=timezone.utc)
VERDICTS = ("correct", "correct", "correct", "almost", "wrong")
RATINGS = {"correct": 3, "almost": 2, "wrong": 1}


def write_banks(folder: Path, n_cards: int, n_banks: int) -> list[tuple[str, str]]:
    """`n_banks` YAML banks with `n_cards` short questions between them; their (bank, id) keys."""
    folder.mkdir(parents=True, exist_ok=True)
    keys = []
    for b in range(n_banks):
        bank = f"ngan-hang-{b:02d}"
        lines = [f"bank: {bank}", f"title: Ngân hàng thử số {b}", "questions:"]
        for i in range(b, n_cards, n_banks):
            qid = f"cau-hoi-{i:05d}"
            keys.append((bank, qid))
            lines += [
                f"  - id: {qid}",
                "    type: text",
                f"    prompt: Câu hỏi số {i} về công tác đối ngoại Đảng là gì?",
                f"    answer: Đáp án {i}",
                f"    tags: [chủ-đề-{i % 7}, số-liệu]",
            ]
        (folder / f"{bank}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return keys


# FSRS's step machine as `quiz.progress.scheduler.Scheduler` configures it (learning steps 1 and 10 min, one
# relearning step): (state, learning step) → rating → the next (state, learning step).
_NEXT = {
    ("new", 0): {1: ("learning", 0), 2: ("learning", 0), 3: ("learning", 1), 4: ("review", 0)},
    ("learning", 0): {1: ("learning", 0), 2: ("learning", 0), 3: ("learning", 1), 4: ("review", 0)},
    ("learning", 1): {1: ("learning", 0), 2: ("learning", 1), 3: ("review", 0), 4: ("review", 0)},
    ("review", 0): {1: ("relearning", 0), 2: ("review", 0), 3: ("review", 0), 4: ("review", 0)},
    ("relearning", 0): {1: ("relearning", 0), 2: ("relearning", 0), 3: ("review", 0), 4: ("review", 0)},
}


def states_before(ratings: list[int]) -> list[str]:
    """The FSRS state of a new card just before each of these ratings (what `Store.record` logs)."""
    out, at = [], ("new", 0)
    for rating in ratings:
        out.append(at[0])
        at = _NEXT[at][rating]
    return out


def write_store(path: Path, keys: list[tuple[str, str]], n_reviews: int) -> None:
    """One card per key and `n_reviews` answers over the year before NOW, in one transaction.

    Each answer is logged with the state its question was in just before it, replayed from the
    question's earlier answers, as `Store.record` would have logged it (the cards themselves are
    unrelated to these answers: only their number and spread matter here)."""
    rng = random.Random(1)
    scheduler = Scheduler(fuzz=False)
    start = NOW - timedelta(days=365)
    Store.open(path).close()  # the schema, at its current version
    card_rows = []
    for bank, qid in keys:
        first = start + timedelta(minutes=rng.randrange(0, 300 * 24 * 60))
        card = scheduler.review(None, bank, qid, rng.choice((1, 3, 3, 4)), first, "0123456789abcdef")
        again = first + timedelta(days=rng.randrange(1, 60))
        card = scheduler.review(card, bank, qid, 3, again, card.fingerprint)
        card_rows.append(card.row())
    review_rows = []
    for _ in range(n_reviews):
        bank, qid = keys[rng.randrange(len(keys))]
        verdict = rng.choice(VERDICTS)
        at = start + timedelta(seconds=rng.randrange(0, 365 * 86400 - 3600))
        rating = RATINGS[verdict]
        review_rows.append((to_iso(at), bank, qid, "Đáp án", verdict, rating, 4200, "study", "0123"))
    review_rows.sort()
    by_question: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(review_rows):
        by_question.setdefault((row[1], row[2]), []).append(i)
    for rows in by_question.values():
        for i, state in zip(rows, states_before([review_rows[i][5] for i in rows]), strict=True):
            review_rows[i] += (state, 1)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", card_rows)
    conn.executemany(
        "INSERT INTO reviews (at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint,"
        " state_before, scheduled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def seconds(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} s (min {min(values):.3f}, max {max(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--banks", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        root = Path(tmp)
        progress, banks_dir = root / "progress.db", root / "banks"
        t0 = time.perf_counter()
        keys = write_banks(banks_dir, args.cards, args.banks)
        write_store(progress, keys, args.reviews)
        size = progress.stat().st_size / 1e6
        print(f"built {args.banks} banks / {args.cards} questions and a store of {args.reviews} answers")
        print(f"  ({size:.0f} MB) in {time.perf_counter() - t0:.1f} s")

        loads, computes = [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            banks = resolve([], banks_dir)
            loads.append(time.perf_counter() - t0)
        report = build_report(banks, progress, NOW)  # warm the page cache once
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = build_report(banks, progress, NOW)
            computes.append(time.perf_counter() - t0)
        assert report["totals"]["reviews"] == args.reviews, report["totals"]
        assert report["totals"]["questions"] == args.cards and not report["orphans"]

        env = {
            **os.environ,
            "QUIZ_PROGRESS": str(progress),
            "QUIZ_BANKS": str(banks_dir),
            "QUIZ_NOW": NOW.isoformat(),
        }
        ends = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "quiz", "report", "--json"], env=env, capture_output=True, check=True
            )
            ends.append(time.perf_counter() - t0)
        assert done.stdout.startswith(b"{")

        print(f"build_report (store → dict, banks loaded):  {seconds(computes)}")
        print(f"resolve() of the {args.banks} banks alone:         {seconds(loads)}")
        print(f"quiz report --json, fresh process:          {seconds(ends)}")
        retention = report["retention_30d"]
        rate, count = retention["rate"], retention["reviews"]
        print(f"  (30-day retention: {rate} over {count} answers in review state)")


if __name__ == "__main__":
    main()
