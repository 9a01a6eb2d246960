"""Benchmark the progress store: time to record one answer, time to load every card state.

    python benchmarks/store.py [--dir DIR] [--cards 10000] [--reviews 100000] [--records 300]

Builds a progress file with CARDS card states and REVIEWS logged answers (in DIR, default a temporary
folder on the same disk as /tmp), then measures on it:

- `Store.record` (one review + one card upsert, committed and fsync'ed): median and 95th percentile
  (`--synchronous NORMAL` shows what the per-answer fsync of the store's FULL setting costs);
- `Scheduler.review` (computing the next FSRS state, fuzz on): median;
- `Store.cards()` for all cards (dict of CardState): median of several runs;
- `Store.open` of the existing file, and `Store.open` + `cards()` as a fresh process would do it.

Aims: record < 5 ms, loading 10,000 cards well under 200 ms.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quiz.progress.card import Review
from quiz.progress.clock import to_iso
from quiz.progress.scheduler import Scheduler
from quiz.progress.store import Store


def build(path: Path, n_cards: int, n_reviews: int) -> None:
    """A realistic store: n_cards cards over 20 banks, n_reviews reviews spread over a year."""
    rng = random.Random(1)
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    scheduler = Scheduler(fuzz=False)
    Store.open(path).close()  # schema
    keys = [(f"bank-{i % 20:02d}", f"cau-hoi-{i:05d}") for i in range(n_cards)]
    card_rows = []
    for bank, qid in keys:
        at = start + timedelta(minutes=rng.randrange(0, 365 * 24 * 60))
        state = scheduler.review(None, bank, qid, rng.choice((1, 3, 3, 3, 4)), at, "0123456789abcdef")
        card_rows.append(state.row())
    review_rows = []
    for _ in range(n_reviews):
        bank, qid = keys[rng.randrange(n_cards)]
        at = start + timedelta(seconds=rng.randrange(0, 365 * 86400))
        verdict = rng.choice(("correct", "correct", "almost", "wrong"))
        rating = {"correct": 3, "almost": 2, "wrong": 1}[verdict]
        review_rows.append(
            (
                to_iso(at),
                bank,
                qid,
                "Hội nghị Trung ương 8",
                verdict,
                rating,
                4200,
                "study",
                "0123456789abcdef",
            )
        )
    review_rows.sort()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", card_rows)
    conn.executemany(
        "INSERT INTO reviews (at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument(
        "--synchronous",
        choices=("FULL", "NORMAL"),
        default="FULL",
        help="measure record with this setting (the store uses FULL; NORMAL to see what fsync costs)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        path = Path(tmp) / "progress.db"
        t0 = time.perf_counter()
        build(path, args.cards, args.reviews)
        took = time.perf_counter() - t0
        size = path.stat().st_size / 1e6
        print(f"built {path.name}: {args.cards} cards, {args.reviews} reviews, {size:.1f} MB in {took:.1f} s")

        scheduler = Scheduler(fuzz=True)
        now = datetime(2027, 1, 10, 8, tzinfo=timezone.utc)

        opens = []
        for _ in range(5):
            t0 = time.perf_counter()
            store = Store.open(path)
            opens.append(time.perf_counter() - t0)
            store.close()

        cold = []
        for _ in range(5):
            t0 = time.perf_counter()
            with Store.open(path) as store:
                states = store.cards()
            cold.append(time.perf_counter() - t0)
        assert len(states) == args.cards, len(states)

        with Store.open(path) as store:
            store._conn.execute(f"PRAGMA synchronous = {args.synchronous}")
            loads = []
            for _ in range(9):
                t0 = time.perf_counter()
                states = store.cards()
                loads.append(time.perf_counter() - t0)

            keys = list(states)
            rng = random.Random(2)
            records, reviews = [], []
            for i in range(args.records):
                key = keys[rng.randrange(len(keys))]
                at = now + timedelta(seconds=i * 7)
                t0 = time.perf_counter()
                state = scheduler.review(states[key], key[0], key[1], 3, at, "0123456789abcdef")
                t1 = time.perf_counter()
                store.record(Review(at, key[0], key[1], "1986", "correct", 3, 5000, "study", "0123"), state)
                t2 = time.perf_counter()
                states[key] = state
                reviews.append(t1 - t0)
                records.append(t2 - t1)

        records.sort()
        p95 = records[int(len(records) * 0.95) - 1]
        rows = [
            (f"Store.record (synchronous={args.synchronous})", records, f", p95 {ms(p95)}"),
            ("Scheduler.review (FSRS next state)", reviews, ""),
            (f"Store.cards() for {args.cards} cards", loads, ""),
            ("Store.open (existing file)", opens, ""),
            ("Store.open + cards() (fresh process)", cold, ""),
        ]
        for label, times, extra in rows:
            print(f"{label + ':':42} median {ms(statistics.median(times))}{extra}")


if __name__ == "__main__":
    main()
