"""Time to build a study queue for 10,000 cards with 100,000 reviews (issue 5: aim < 200 ms).

    python benchmarks/queue.py

Reuses the synthetic store of `benchmarks/store.py` (10,000 cards over 20 banks, 100,000 reviews over a
year), builds matching banks in memory, then times what `quiz study` does before the first question:
open the store, read every card state, count today's new cards, order due cards by retrievability and
add new ones.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from store import build  # noqa: E402

from quiz.bank.model import Bank, Question  # noqa: E402
from quiz.progress.clock import day_bounds, today  # noqa: E402
from quiz.progress.store import Store  # noqa: E402
from quiz.study.session import study_queue  # noqa: E402


def banks(n_cards: int) -> list[Bank]:
    by_bank: dict[str, list[Question]] = {}
    for i in range(n_cards + 500):  # 500 questions never reviewed: new ones
        bank = f"bank-{i % 20:02d}"
        by_bank.setdefault(bank, []).append(
            Question(id=f"cau-hoi-{i:05d}", type="text", prompt=f"Câu {i}?", answer="Đảng")
        )
    return [Bank(id=b, title=b, questions=tuple(qs)) for b, qs in sorted(by_bank.items())]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "progress.db"
        build(path, 10_000, 100_000)
        library = banks(10_000)
        now = datetime(2027, 1, 15, tzinfo=timezone.utc)
        times, sizes = [], []
        for _ in range(7):
            start = time.perf_counter()
            with Store.open(path) as store:
                cards = store.cards([b.id for b in library])
                introduced = store.introduced_between(*day_bounds(today(now)))
                items = study_queue(library, cards, now, introduced_today=introduced, rng=random.Random(1))
            times.append(time.perf_counter() - start)
            sizes.append(len(items))
    due = sizes[0] - 10
    print(
        f"10,000 cards, 100,000 reviews: queue of {sizes[0]} ({due} due + 10 new) "
        f"built in median {statistics.median(times) * 1000:.0f} ms (aim < 200 ms)"
    )


if __name__ == "__main__":
    main()
