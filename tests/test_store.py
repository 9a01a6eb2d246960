"""The progress store, on real SQLite files in tmp_path."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.errors import QuizError, StoreError
from quiz.progress import store as store_module
from quiz.progress.card import CardState, Review
from quiz.progress.clock import to_iso
from quiz.progress.scheduler import Scheduler
from quiz.progress.store import APPLICATION_ID, SCHEMA_VERSION, Store

T0 = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)
REPO = Path(__file__).resolve().parent.parent


def review(qid: str = "chi-thi-32-ngay", at: datetime = T0, bank: str = "chi-thi", **kw: object) -> Review:
    values: dict = dict(
        at=at,
        bank=bank,
        question=qid,
        answer="18/2/2019",
        verdict="correct",
        rating=3,
        duration_ms=4200,
        mode="study",
        fingerprint="0123456789abcdef",
    )
    values.update(kw)
    return Review(**values)


def card_for(r: Review, rating: int | None = None, previous: CardState | None = None) -> CardState:
    return Scheduler(fuzz=False).review(previous, r.bank, r.question, rating or r.rating, r.at, r.fingerprint)


def write_bytes(path: Path, data: bytes) -> bytes:
    path.write_bytes(data)
    return data


def assert_refused(path: Path, data: bytes, words: str) -> StoreError:
    """Opening (and reading) `path` fails with one clear line naming the file; the file is untouched."""
    with pytest.raises(StoreError) as info:
        with Store.open(path) as s:
            s.cards()
            s.reviews()
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    assert words in message
    assert unicodedata.is_normalized("NFC", message)
    assert path.read_bytes() == data
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert isinstance(info.value, QuizError) and info.value.exit_code == 2
    return info.value


def build_store(path: Path, n: int = 300) -> bytes:
    with Store.open(path) as s:
        for i in range(n):
            r = review(f"cau-{i:04d}", answer="Nghị quyết " * 20)
            s.record(r, card_for(r))
    return path.read_bytes()


# --- creating, round trips, reopening -------------------------------------------------------------------


def test_open_creates_folders_and_a_marked_versioned_wal_file(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "progress.db"
    with Store.open(path) as s:
        assert s.cards() == {} and s.reviews() == []
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    indexes = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"reviews", "cards"} <= tables
    assert {"reviews_at", "reviews_bank_question", "cards_due", "cards_first_review"} <= indexes


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    path.touch()
    with Store.open(path) as s:
        r = review()
        s.record(r, card_for(r))
    with Store.open(path) as s:
        assert len(s.reviews()) == 1
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_connection_settings(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        conn = s._conn
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_review_and_card_round_trip_and_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    r = review(answer="Chỉ thị 32", verdict="almost", rating=2, duration_ms=None, mode="study")
    card = card_for(r)
    with Store.open(path) as s:
        review_id = s.record(r, card)
        assert s.card("chi-thi", "chi-thi-32-ngay") == card
    with Store.open(path) as s:
        [back] = s.reviews()
        assert back == Review(**{**r.__dict__, "id": review_id})
        assert s.card("chi-thi", "chi-thi-32-ngay") == card
        assert s.cards() == {card.key: card}
        assert s.card("chi-thi", "khong-co") is None


def test_times_are_stored_as_fixed_width_utc_strings(tmp_path: Path) -> None:
    at = datetime(2026, 11, 23, 8, 0, tzinfo=timezone(timedelta(hours=7)))
    with Store.open(tmp_path / "p.db") as s:
        r = review(at=at)
        s.record(r, card_for(r))
        [(stored,)] = s.query("SELECT at FROM reviews")
        assert stored == "2026-11-23T01:00:00.000000+00:00"
        [(first, last)] = s.query("SELECT first_review, last_review FROM cards")
        assert first == last == stored
        assert s.reviews()[0].at == at  # same instant
        assert s.reviews()[0].at.tzinfo == timezone.utc


def test_updating_a_card_keeps_one_row_and_logs_every_review(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        r1 = review()
        c1 = card_for(r1)
        s.record(r1, c1)
        r2 = review(at=c1.due, verdict="wrong", rating=1, answer="1986")
        c2 = card_for(r2, previous=c1)
        s.record(r2, c2)
        assert s.cards() == {c2.key: c2}
        assert s.card(*c2.key).reps == 2
        assert [x.verdict for x in s.reviews()] == ["correct", "wrong"]


def test_an_exam_answer_can_be_logged_without_a_card(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        s.record(review(mode="exam"))
        assert s.cards() == {}
        assert [x.mode for x in s.reviews()] == ["exam"]


def test_record_is_one_transaction(tmp_path: Path) -> None:
    """If the card cannot be saved, the review is not logged either."""
    with Store.open(tmp_path / "p.db") as s:
        r = review()
        bad = CardState(**{**card_for(r).__dict__, "state": "forgotten"})
        with pytest.raises(sqlite3.IntegrityError):
            s.record(r, bad)
        assert s.reviews() == [] and s.cards() == {}
        s.record(r, card_for(r))  # the store is still usable
        assert len(s.reviews()) == 1


def test_record_rejects_values_outside_the_schema(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        for bad in (review(verdict="skipped"), review(mode="cram"), review(rating=5)):
            with pytest.raises(ValueError):
                s.record(bad)
        r = review()
        with pytest.raises(ValueError):
            s.record(r, card_for(review(qid="other")))
        with pytest.raises(ValueError):
            s.record(review(at=datetime(2026, 11, 23)))  # naive
        assert s.reviews() == []


def test_reviews_are_append_only(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        s.record(review())
    raw = sqlite3.connect(path)
    for sql in ("UPDATE reviews SET verdict = 'wrong'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            raw.execute(sql)
    raw.close()


def test_readers_filter_by_bank_question_time_and_mode(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        for i, (bank, qid, mode) in enumerate(
            [("a", "x", "study"), ("a", "y", "exam"), ("b", "x", "study"), ("a", "x", "study")]
        ):
            r = review(qid, at=T0 + timedelta(hours=i), bank=bank, mode=mode)
            s.record(r, card_for(r) if mode == "study" else None)
        assert len(s.reviews()) == 4
        assert [(r.bank, r.question) for r in s.reviews("a")] == [("a", "x"), ("a", "y"), ("a", "x")]
        assert len(s.reviews("a", "x")) == 2
        assert len(s.reviews(mode="exam")) == 1
        assert [r.at for r in s.reviews(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=3))] == [
            T0 + timedelta(hours=1),
            T0 + timedelta(hours=2),
        ]
        assert set(s.cards()) == {("a", "x"), ("b", "x")}
        assert set(s.cards(["b"])) == {("b", "x")}
        assert set(s.cards(iter(["a", "zzz"]))) == {("a", "x")}
        assert s.cards([]) == {}


def test_introduced_between_counts_first_reviews_in_a_half_open_range(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        first = review("q1", at=T0)
        c = card_for(first)
        s.record(first, c)
        again = review("q1", at=T0 + timedelta(days=1))
        s.record(again, card_for(again, previous=c))  # a later review does not re-introduce it
        for i, hours in enumerate((2, 24, 25)):
            r = review(f"n{i}", at=T0 + timedelta(hours=hours))
            s.record(r, card_for(r))
        day = timedelta(days=1)
        assert s.introduced_between(T0, T0 + day) == 2  # q1 and n0; n1 is at exactly T0 + 1 day
        assert s.introduced_between(T0 + day, T0 + 2 * day) == 2
        assert s.introduced_between(T0 - day, T0) == 0


def test_query_is_read_only(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        s.record(review())
        assert s.query("SELECT count(*) FROM reviews WHERE bank = ?", ["chi-thi"]) == [(1,)]
        with pytest.raises(ValueError):
            s.query(
                "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
                " VALUES ('x', 'b', 'q', 'a', 'wrong', 1, 'study', 'f')"
            )
        s.record(review())  # writing through record still works afterwards
        assert s.query("SELECT count(*) FROM reviews") == [(2,)]


def test_a_mistake_in_caller_sql_is_not_blamed_on_the_file(tmp_path: Path) -> None:
    with Store.open(tmp_path / "p.db") as s:
        with pytest.raises(sqlite3.OperationalError):
            s.query("SELECT no_such_column FROM reviews")
        assert s.query("SELECT count(*) FROM cards") == [(0,)]


def test_a_path_that_cannot_be_created_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="không mở hoặc tạo được") as info:
        Store.open(blocker / "progress.db")
    assert "\n" not in str(info.value)


def test_the_mastered_sql_matches_is_mastered(tmp_path: Path) -> None:
    from quiz.progress.clock import to_iso
    from quiz.progress.scheduler import MASTERED_SQL, is_mastered

    scheduler = Scheduler(fuzz=False)
    with Store.open(tmp_path / "p.db") as s:
        for i in range(8):
            state, at = None, T0
            for _ in range(i):
                state = scheduler.review(state, "b", f"q{i}", 3, at, "f")
                at = state.due
            if state is not None:
                s.record(review(f"q{i}", at=state.last_review, bank="b"), state)
        now = T0 + timedelta(days=30)
        sql = f"SELECT bank, question FROM cards WHERE {MASTERED_SQL}"
        by_sql = set(s.query(sql.replace(":now", "?"), [to_iso(now)]))
        by_python = {key for key, card in s.cards().items() if is_mastered(card, now)}
        assert by_sql == by_python and 0 < len(by_python) < 7


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    answer=st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    seconds=st.integers(min_value=0, max_value=10**9),
    micro=st.integers(min_value=0, max_value=999_999),
    offset=st.integers(min_value=-12 * 60, max_value=14 * 60),
    duration=st.none() | st.integers(min_value=0, max_value=10**9),
)
def test_any_review_round_trips(
    tmp_path: Path, answer: str, seconds: int, micro: int, offset: int, duration: int | None
) -> None:
    at = datetime(2000, 1, 1, tzinfo=timezone(timedelta(minutes=offset))) + timedelta(
        seconds=seconds, microseconds=micro
    )
    r = review(answer=answer, at=at, duration_ms=duration)
    with Store.open(tmp_path / "h.db") as s:
        review_id = s.record(r)
        back = next(x for x in s.reviews() if x.id == review_id)
    assert back.at == at
    assert back.answer == unicodedata.normalize("NFC", answer)
    assert back.duration_ms == duration


# --- what each answer records for the report (schema v3) ------------------------------------------------


def recorded_states(path: Path) -> list[tuple[str | None, int | None]]:
    raw = sqlite3.connect(path)
    rows = raw.execute("SELECT state_before, scheduled FROM reviews ORDER BY id").fetchall()
    raw.close()
    return rows


def test_record_logs_the_cards_state_before_each_answer(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        r1 = review()
        c1 = card_for(r1)  # new → learning
        s.record(r1, c1)
        r2 = review(at=T0 + timedelta(minutes=10))
        c2 = card_for(r2, previous=c1)  # learning → review
        s.record(r2, c2)
        s.record(review(at=T0 + timedelta(days=1), mode="exam"))  # an exam that leaves the card alone
        r4 = review(at=c2.due, verdict="wrong", rating=1)
        c4 = card_for(r4, previous=c2)  # review → relearning (a lapse)
        s.record(r4, c4)
        s.record(review("chua-hoc", at=T0, mode="exam"))  # never scheduled
    assert (c1.state, c2.state, c4.state) == ("learning", "review", "relearning")
    assert recorded_states(path) == [("new", 1), ("learning", 1), ("review", 0), ("review", 1), ("new", 0)]


def tallies(path: Path) -> tuple[list[tuple], list[tuple]]:
    """The `tallies` table, and what it should hold computed from `reviews`."""
    raw = sqlite3.connect(path)
    kept = raw.execute(
        "SELECT bank, question, reviews, correct, last_at, unrecorded_at FROM tallies ORDER BY bank, question"
    ).fetchall()
    expected = raw.execute(
        "SELECT bank, question, count(*), sum(verdict != 'wrong'), max(at),"
        " max(CASE WHEN state_before IS NULL THEN at END) FROM reviews GROUP BY bank, question"
        " ORDER BY bank, question"
    ).fetchall()
    raw.close()
    return kept, expected


def test_tallies_follow_every_insert_even_outside_record(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    with Store.open(path) as s:
        for i, verdict in enumerate(("correct", "wrong", "almost", "wrong")):
            r = review(f"q{i % 2}", at=T0 + timedelta(hours=i), verdict=verdict, rating=3)
            s.record(r, card_for(r))
        s.record(review("q0", at=T0 - timedelta(days=1), mode="exam"))  # logged late: last_at stays
    raw = sqlite3.connect(path)
    raw.execute(  # a row without a state, as older versions wrote them
        "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
        " VALUES (?, 'chi-thi', 'q1', 'x', 'correct', 3, 'study', 'f')",
        (to_iso(T0 - timedelta(days=2)),),
    )
    raw.commit()
    raw.close()
    kept, expected = tallies(path)
    assert kept == expected
    assert [row[2:4] for row in kept] == [(3, 3), (3, 1)]
    assert kept[0][5] is None and kept[1][5] == to_iso(T0 - timedelta(days=2))


# --- migrations -------------------------------------------------------------------------------------------


def write_v2(path: Path) -> list[tuple]:
    """A progress file as quiz wrote schema v2 (the same migration functions, then its own inserts)."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("BEGIN")
    for step in store_module.MIGRATIONS[:2]:
        step(raw)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("PRAGMA user_version = 2")
    first = review("q1")
    card = card_for(first)
    rows = [
        (to_iso(T0), "chi-thi", "q1", "18/2/2019", "correct", 3, 4200, "study", "f"),
        (to_iso(T0 + timedelta(minutes=1)), "chi-thi", "q2", "1986", "wrong", 1, None, "exam", "f"),
        (to_iso(T0 + timedelta(minutes=2)), "cu", "q3", "Đổi mới", "almost", 2, 10, "study", "f"),
    ]
    raw.executemany(
        "INSERT INTO reviews (at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    raw.execute(
        "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        card.row(),
    )
    raw.execute("COMMIT")
    raw.close()
    return rows


def dump(path: Path, sql: str) -> list[tuple]:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def test_a_v2_file_is_migrated_to_v3_and_loses_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    rows = write_v2(path)
    old_reviews = dump(path, f"SELECT {store_module._REVIEW_COLUMNS} FROM reviews ORDER BY id")
    old_cards = dump(path, "SELECT * FROM cards")
    with Store.open(path) as s:
        assert [(r.bank, r.question, r.verdict) for r in s.reviews()] == [(r[1], r[2], r[4]) for r in rows]
        assert set(s.cards()) == {("chi-thi", "q1")}
        card = s.card("chi-thi", "q1")
        later = review("q1", at=card.due)
        s.record(later, card_for(later, previous=card))
    assert dump(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)] and SCHEMA_VERSION == 4
    assert dump(path, f"SELECT {store_module._REVIEW_COLUMNS} FROM reviews WHERE id <= 3") == old_reviews
    assert dump(path, "SELECT * FROM cards WHERE question != 'q1'") == old_cards[1:]
    # Old answers keep no state (the report replays them); the new one has its state.
    assert recorded_states(path) == [(None, None)] * 3 + [("learning", 1)]
    kept, expected = tallies(path)
    assert kept == expected and sum(t[2] for t in kept) == 4
    for sql in ("UPDATE reviews SET state_before = 'review'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            dump(path, sql)
    # Opening a v3 file again changes nothing.
    schema = dump(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    with Store.open(path) as s:
        assert len(s.reviews()) == 4
    assert dump(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert tallies(path)[0] == kept


def test_a_failed_migration_leaves_the_v2_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    write_v2(path)
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE tallies (x)")  # in the way of the migration's own table
    raw.commit()
    raw.close()
    schema = dump(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    data = dump(path, "SELECT * FROM reviews ORDER BY id")
    with pytest.raises(StoreError):
        Store.open(path)
    assert dump(path, "PRAGMA user_version") == [(2,)]
    assert dump(path, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert dump(path, "SELECT * FROM reviews ORDER BY id") == data  # no new columns either


# --- durability and concurrency --------------------------------------------------------------------------


def test_a_recorded_answer_is_visible_to_another_connection_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    s = Store.open(path)
    r = review()
    s.record(r, card_for(r))
    other = sqlite3.connect(path)
    assert other.execute("SELECT answer FROM reviews").fetchall() == [("18/2/2019",)]
    assert other.execute("SELECT question, reps FROM cards").fetchall() == [("chi-thi-32-ngay", 1)]
    other.close()
    s.close()


def run_python(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_answer_survives_kill_9_right_after_record(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    child = run_python(
        """
        import os, signal, sys
        from datetime import datetime, timezone
        from pathlib import Path
        from quiz.progress.scheduler import Scheduler
        from quiz.progress.card import Review
        from quiz.progress.store import Store
        at = datetime(2026, 11, 23, 1, tzinfo=timezone.utc)
        s = Store.open(Path(sys.argv[1]))
        card = Scheduler(fuzz=False).review(None, "b", "q", 3, at, "f")
        s.record(Review(at, "b", "q", "Đại hội XIII", "correct", 3, 900, "study", "f"), card)
        os.kill(os.getpid(), signal.SIGKILL)
        """,
        str(path),
    )
    _, err = child.communicate(timeout=60)
    assert child.returncode == -signal.SIGKILL, err
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT answer FROM reviews").fetchall() == [("Đại hội XIII",)]
    assert raw.execute("SELECT bank, question FROM cards").fetchall() == [("b", "q")]
    raw.close()
    with Store.open(path) as s:
        assert len(s.reviews()) == 1


WRITER = """
import sys, time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from quiz.progress.scheduler import Scheduler
from quiz.progress.card import Review
from quiz.progress.store import Store
path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
scheduler = Scheduler(fuzz=False)
at = datetime(2026, 11, 23, 1, tzinfo=timezone.utc)
Path(str(go) + "." + name).touch()
while not go.exists():
    time.sleep(0.001)
with Store.open(path) as s:
    for i in range(200):
        qid = f"{name}-{i % 50}"
        when = at + timedelta(seconds=i)
        card = scheduler.review(s.card("b", qid), "b", qid, 3, when, "f")
        s.record(Review(when, "b", qid, name, "correct", 3, 10, "study", "f"), card)
print("ok")
"""


def test_two_processes_writing_at_once_both_succeed(tmp_path: Path) -> None:
    path = tmp_path / "new" / "progress.db"  # both create and migrate the same new file
    go = tmp_path / "go"
    children = [run_python(WRITER, str(path), name, str(go)) for name in ("p1", "p2")]
    deadline = datetime.now() + timedelta(seconds=60)
    while not all(Path(f"{go}.{n}").exists() for n in ("p1", "p2")) and datetime.now() < deadline:
        pass
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0 and out.strip() == "ok", err
    with Store.open(path) as s:
        reviews = s.reviews()
        assert len(reviews) == 400
        assert sorted(r.answer for r in reviews).count("p1") == 200
        cards = s.cards()
        assert len(cards) == 100 and all(c.reps == 4 for c in cards.values())


# --- files that are not ours ----------------------------------------------------------------------------


def test_a_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    data = write_bytes(path, "Ghi chú ôn tập: Chỉ thị 32 ngày 18/2/2019\n".encode())
    assert_refused(path, data, "không phải cơ sở dữ liệu SQLite")


def test_a_tiny_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    data = write_bytes(path, b"SQLite format 3\x00")
    assert_refused(path, data, "không phải cơ sở dữ liệu SQLite")


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    raw.execute("INSERT INTO notes (body) VALUES ('x')")
    raw.commit()
    raw.close()
    assert_refused(path, path.read_bytes(), "chương trình khác")


def test_a_database_with_another_application_id_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id = 12345")
    raw.commit()
    raw.close()
    assert_refused(path, path.read_bytes(), "chương trình khác")


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99])
def test_a_newer_schema_is_refused_untouched(tmp_path: Path, version: int) -> None:
    path = tmp_path / "progress.db"
    build_store(path, 3)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {version}")
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    error = assert_refused(path, path.read_bytes(), "phiên bản quiz mới hơn")
    assert f"v{version}" in str(error)


def test_a_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    whole = build_store(path)
    for size in (len(whole) // 2, len(whole) // 2 + 100, 4096 * 3):
        data = write_bytes(path, whole[:size])
        assert_refused(path, data, "bị hỏng")


def test_a_database_with_a_damaged_schema_page_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    whole = bytearray(build_store(path))
    whole[200:4096] = bytes((i * 37) % 256 for i in range(200, 4096))
    data = write_bytes(path, bytes(whole))
    assert_refused(path, data, "bị hỏng")


def test_damage_found_by_check(tmp_path: Path) -> None:
    path = tmp_path / "progress.db"
    whole = bytearray(build_store(path))
    page_size = int.from_bytes(whole[16:18], "big")
    with Store.open(path) as s:
        s.check()  # a healthy file passes
    # damage every page after the schema: the full check must notice
    for page in range(1, len(whole) // page_size):
        start = page * page_size
        whole[start : start + 64] = b"\xff" * 64
    data = write_bytes(path, bytes(whole))
    with pytest.raises(StoreError, match="bị hỏng"):
        with Store.open(path) as s:
            s.check()
    assert path.read_bytes() == data


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="thư mục"):
        Store.open(tmp_path)


def test_a_store_locked_too_long_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout_ms=100) as s:
            with pytest.raises(StoreError, match="khoá quá 0.1 giây"):
                s.record(review())
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(path) as s:
        s.record(review())
        assert len(s.reviews()) == 1


def test_migrations_are_one_function_per_version() -> None:
    assert SCHEMA_VERSION == len(store_module.MIGRATIONS)
    assert all(callable(step) for step in store_module.MIGRATIONS)
