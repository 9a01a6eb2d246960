"""The report from answers whose states were recorded (schema v3) equals the report that replays them.

The same answers are written three ways, each in a real progress file:

- `recorded`: every answer through `Store.record` at schema v3, so each carries the card's state before it;
- `legacy`: the same rows and cards in a file written as schema v2 did (no state), then opened (migrated):
  the report must replay every question's ratings, as it did before v3;
- `mixed`: the first answers written as v2, the file migrated, the rest recorded at v3 (a learner who
  updated quiz midway).

All three reports must be equal, key for key.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.library import resolve
from quiz.progress import store as store_module
from quiz.progress.card import Review
from quiz.progress.report import build_report
from quiz.progress.scheduler import Scheduler, rating_for
from quiz.progress.store import APPLICATION_ID, Store

DATA = Path(__file__).parent / "data" / "report"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2026, 11, 16, 8, 0, tzinfo=HANOI).astimezone(timezone.utc)
SCHEDULER = Scheduler(desired_retention=0.9, fuzz=False)
BANK_OF = {
    "ban-doi-ngoai-1948": "lich-su",
    "chi-thi-32": "lich-su",
    "ba-tru-cot": "lich-su",
    "dai-hoi-13": "so-lieu",
    "da-xoa": "lich-su",  # no longer in its bank: an orphan
    "cau-1": "ngan-hang-cu",  # a bank that no longer exists
}
V2_REVIEW_COLUMNS = "id, at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZ_NOW", raising=False)
    monkeypatch.setenv("QUIZ_TZ", "Asia/Ho_Chi_Minh")


Answer = tuple[str, str, datetime, str, bool]  # question, verdict, when, mode, Easy instead of Good


def record(store: Store, answers: list[Answer], exams_move_cards: bool) -> None:
    """Answer the way a session does: FSRS moves the card (unless an exam leaves it alone), one commit."""
    for qid, verdict, at, mode, easy in answers:
        bank = BANK_OF[qid]
        rating = 4 if easy and verdict == "correct" else rating_for(verdict)
        move = mode == "study" or exams_move_cards
        card = SCHEDULER.review(store.card(bank, qid), bank, qid, rating, at, "f") if move else None
        store.record(Review(at, bank, qid, "…", verdict, rating, 1500, mode, "f"), card)


def write_v2(source: Path, target: Path) -> None:
    """`target`: the reviews and cards of `source` in a file laid out as quiz wrote schema v2."""
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("BEGIN")
    for step in store_module.MIGRATIONS[:2]:
        step(conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 2")
    conn.execute("ATTACH DATABASE ? AS src", (os.fspath(source),))
    conn.execute(f"INSERT INTO reviews ({V2_REVIEW_COLUMNS}) SELECT {V2_REVIEW_COLUMNS} FROM src.reviews")
    conn.execute("INSERT INTO cards SELECT * FROM src.cards")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.close()


def report(banks: list, progress: Path, now: datetime) -> dict:
    data = build_report(banks, progress, now)
    data.pop("progress")
    return data


def three_stores(folder: Path, answers: list[Answer], split: int, exams_move_cards: bool) -> list[Path]:
    recorded, legacy, mixed = folder / "recorded.db", folder / "legacy.db", folder / "mixed.db"
    with Store.open(recorded) as store:
        record(store, answers[:split], exams_move_cards)
    write_v2(recorded, mixed)
    with Store.open(recorded) as store:
        record(store, answers[split:], exams_move_cards)
    with Store.open(mixed) as store:  # migrated to v3 here, then goes on recording
        record(store, answers[split:], exams_move_cards)
    write_v2(recorded, legacy)
    return [recorded, legacy, mixed]


def unrecorded_rows(progress: Path) -> int:
    with Store.open(progress) as store:
        return store.query("SELECT count(*) FROM reviews WHERE state_before IS NULL")[0][0]


GAPS = [1, 5, 10, 11, 60 * 6, 60 * 24, 60 * 24 * 3, 60 * 24 * 12, 60 * 24 * 40]  # minutes


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(BANK_OF)),
            st.sampled_from(["correct", "correct", "almost", "wrong"]),
            st.sampled_from(GAPS),
            st.sampled_from(["study", "study", "study", "exam"]),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    ),
    st.integers(0, 30),
    st.booleans(),
    st.sampled_from([timedelta(hours=2), timedelta(days=6), timedelta(days=25)]),
)
def test_recorded_states_give_the_report_the_replay_gives(
    tmp_path_factory: pytest.TempPathFactory,
    steps: list[tuple[str, str, int, str, bool]],
    split: int,
    exams_move_cards: bool,
    after: timedelta,
) -> None:
    at = T0 - timedelta(days=60)
    answers = []
    for qid, verdict, gap, mode, easy in steps:
        at += timedelta(minutes=gap)
        answers.append((qid, verdict, at, mode, easy))
    split = min(split, len(answers))
    folder = tmp_path_factory.mktemp("same")
    recorded, legacy, mixed = three_stores(folder, answers, split, exams_move_cards)
    assert unrecorded_rows(recorded) == 0
    assert unrecorded_rows(legacy) == len(answers)
    assert unrecorded_rows(mixed) == split
    banks = resolve([], DATA / "banks")
    for now in (at + after, at + timedelta(days=45)):  # soon after the answers, and after the windows
        expected = report(banks, recorded, now)
        assert report(banks, legacy, now) == expected
        assert report(banks, mixed, now) == expected
        only = [b for b in banks if b.id == "lich-su"]
        assert build_report(only, legacy, now, all_banks=False) == build_report(
            only, recorded, now, all_banks=False
        ) | {"progress": str(legacy)}


def test_a_scripted_history_counts_the_same_retention_both_ways(tmp_path: Path) -> None:
    """Learning steps, a lapse, relearning, exams, an orphan: the known retention, from either path."""
    day, minute = timedelta(days=1), timedelta(minutes=1)
    q = "ba-tru-cot"
    answers: list[Answer] = [
        (q, "correct", T0 - 40 * day, "study", False),  # learning step 1
        (q, "correct", T0 - 40 * day + 10 * minute, "study", False),  # graduates
        (q, "correct", T0 - 35 * day, "study", False),  # review, outside both windows
        (q, "wrong", T0 - 20 * day, "study", False),  # review: a lapse (30-day window)
        (q, "correct", T0 - 20 * day + 10 * minute, "study", False),  # relearning
        (q, "almost", T0 - 3 * day, "study", False),  # review, correct (both windows)
        ("dai-hoi-13", "correct", T0 - 10 * day, "study", True),  # graduates at once
        ("dai-hoi-13", "correct", T0 - day, "exam", False),  # review (exams move cards here)
        ("da-xoa", "correct", T0 - 10 * day, "study", True),
        ("da-xoa", "wrong", T0 - day, "study", False),  # review, but an orphan: not counted
        (q, "wrong", T0, "study", False),  # review: a lapse (both windows)
        (q, "wrong", T0 + 10 * minute, "study", False),  # relearning: not counted
        (q, "correct", T0 + 20 * minute, "study", False),  # relearning: not counted
    ]
    banks = resolve([], DATA / "banks")
    now = T0 + timedelta(hours=2)
    for split in (0, 6, len(answers)):
        folder = tmp_path / f"split-{split}"
        folder.mkdir()
        for progress in three_stores(folder, answers, split, exams_move_cards=True):
            data = report(banks, progress, now)
            assert (data["retention_7d"]["reviews"], data["retention_7d"]["correct"]) == (3, 2)
            assert (data["retention_30d"]["reviews"], data["retention_30d"]["correct"]) == (4, 2)
            assert data["totals"]["reviews"] == 11 and data["totals"]["correct"] == 8
            assert [(o["id"], o["reviews"], o["correct"]) for o in data["orphans"]] == [("da-xoa", 2, 1)]
