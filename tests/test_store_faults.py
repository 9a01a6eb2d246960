"""A damaged progress store (issue 15): refused before anything is written, with one line and exit 2.

Each test builds a real store (the program's own answers plus a few thousand rows so that tables span
many pages), damages it the way disks and strangers do (pages, WAL frames, rows, tables), runs a
command, and checks what the learner sees and that not one byte of the store, its `-wal` or its `-shm`
changed. `quiz progress repair` then writes what can be read to a new file and keeps the old.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli import app

runner = CliRunner()
DATA = Path(__file__).parent / "data"
GOOD = (DATA / "banks" / "good.yaml").read_text(encoding="utf-8")
ROWS = 3000


def env(tmp_path: Path, store: Path) -> dict[str, str]:
    return {
        "QUIZ_BANKS": str(tmp_path / "banks"),
        "QUIZ_PROGRESS": str(store),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "QUIZ_SEED": "1",
        "NO_COLOR": "1",
    }


@contextmanager
def db(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain SQLite connection, committed and closed (so the last close checkpoints the -wal)."""
    conn = sqlite3.connect(path)
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def make_store(tmp_path: Path) -> Path:
    """A healthy store: two real answers, then ROWS more rows and cards (many pages of each table)."""
    banks = tmp_path / "banks"
    banks.mkdir(exist_ok=True)
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    store = tmp_path / "p.db"
    done = runner.invoke(app, ["study", "--limit", "2"], input="245\n\n\n\n", env=env(tmp_path, store))
    assert done.exit_code == 0, done.output
    with db(store) as conn:
        conn.executemany(
            "INSERT INTO reviews (at, bank, question, answer, verdict, rating, duration_ms, mode,"
            " fingerprint, state_before, scheduled)"
            " VALUES (?, 'mau-day-du', ?, ?, 'correct', 3, 1000, 'study', 'f', 'new', 1)",
            [
                (f"2026-11-{1 + i % 20:02d}T01:00:00.000000+00:00", f"cu-{i}", f"đáp án {i} " * 4)
                for i in range(ROWS)
            ],
        )
        row = conn.execute("SELECT * FROM cards LIMIT 1").fetchone()
        conn.executemany(
            "INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row[0], f"cu-{i}", *row[2:]) for i in range(ROWS)],
        )
    return store


def files(store: Path) -> dict[str, str | None]:
    """A hash of the store and of its -wal and -shm (None when absent)."""
    out: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm"):
        path = store.with_name(store.name + suffix)
        out[suffix or "db"] = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
    return out


def page_of(store: Path, table: str, leaf: bool = True) -> int:
    """A page (1-based) of `table`'s b-tree: its root, or a leaf in the middle of it."""
    with db(store) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        if not leaf:
            return root
        try:
            pages = [
                r[0]
                for r in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
                )
            ]
        except sqlite3.OperationalError:  # no dbstat in this SQLite: the root is a fine target too
            return root
    return pages[len(pages) // 2] if pages else root


def page_size(store: Path) -> int:
    return struct.unpack(">H", store.read_bytes()[16:18])[0] or 65536


def poke(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def assert_refused(tmp_path: Path, store: Path, commands: list[list[str]]) -> None:
    before = files(store)
    for command in commands:
        result = runner.invoke(app, command, input="245\n" * 5, env=env(tmp_path, store))
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert result.exit_code == 2, (command, result.output)
        assert len(lines) == 1 and "Traceback" not in result.output, (command, result.output)
        assert str(store.name) in lines[0] and "hỏng" in lines[0], lines[0]
        assert files(store) == before, command


STUDY, EXAM, REPORT = ["study", "--limit", "3"], ["exam", "--count", "2"], ["report"]


# --- pages ------------------------------------------------------------------------------------------


def test_a_leaf_page_with_garbage_in_its_cell_pointers(tmp_path):
    store = make_store(tmp_path)
    size = page_size(store)
    poke(store, (page_of(store, "reviews") - 1) * size + 8, b"\xff" * 64)
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


def test_a_page_of_cards_zeroed(tmp_path):
    store = make_store(tmp_path)
    size = page_size(store)
    poke(store, (page_of(store, "cards") - 1) * size, b"\x00" * size)
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


def test_an_index_out_of_step_with_its_table(tmp_path):
    store = make_store(tmp_path)
    with db(store) as conn:  # the index now claims to cover another column
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX reviews_at ON reviews (answer)' WHERE name = 'reviews_at'"
        )
    assert_refused(tmp_path, store, [STUDY, EXAM])


def test_a_freelist_pointing_past_the_end(tmp_path):
    store = make_store(tmp_path)
    pages = store.stat().st_size // page_size(store)
    poke(store, 32, struct.pack(">II", pages + 1000, 5))  # first freelist trunk page, free page count
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


# --- rows and tables ----------------------------------------------------------------------------------


def test_undecodable_text_in_a_row(tmp_path):
    store = make_store(tmp_path)
    with db(store) as conn:
        conn.execute(
            "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
            " VALUES ('2026-11-22T01:00:00.000000+00:00', 'mau-day-du', CAST(x'fffec3' AS TEXT),"
            " 'x', 'wrong', 1, 'study', 'f')"
        )
    assert_refused(tmp_path, store, [REPORT])  # the report reads the question ids (orphans)


@pytest.mark.parametrize("table", ["tallies", "cards", "reviews"])
def test_a_missing_table(tmp_path, table):
    store = make_store(tmp_path)
    with db(store) as conn:
        conn.execute(f"DROP TABLE {table}")
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


@pytest.mark.parametrize("column", ["due", "last_review", "first_review"])
def test_a_bad_timestamp_in_cards(tmp_path, column):
    store = make_store(tmp_path)
    with db(store) as conn:
        conn.execute(f"UPDATE cards SET {column} = 'hôm qua' WHERE question = 'so-chinh-dang-2018'")
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


def test_a_bad_timestamp_in_reviews(tmp_path):
    store = make_store(tmp_path)
    with db(store) as conn:
        conn.execute(
            "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
            " VALUES ('tháng trước', 'mau-day-du', 'so-chinh-dang-2018', 'x', 'wrong', 1, 'study', 'f')"
        )
    assert_refused(tmp_path, store, [REPORT])


# --- a leftover -wal (the program was killed before a checkpoint) --------------------------------------


def crashed_copy(tmp_path: Path, commits: int = 4) -> Path:
    """A store and the -wal a killed process leaves: `commits` answers in WAL frames, not yet in the file."""
    live = make_store(tmp_path)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(commits):
        conn.execute(
            "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
            f" VALUES ('2026-11-23T00:0{i}:00.000000+00:00', 'mau-day-du', 'wal-{i}', 'x', 'wrong', 1, 'study', 'f')"
        )
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(live.with_name(live.name + suffix), crashed / f"p.db{suffix}")
    conn.close()
    return crashed / "p.db"


def wal_frames(store: Path) -> tuple[int, int]:
    """(page size, number of frames) of a store's -wal."""
    wal = store.with_name(store.name + "-wal").read_bytes()
    size = struct.unpack(">I", wal[8:12])[0]
    return size, (len(wal) - 32) // (24 + size)


def test_a_healthy_leftover_wal_keeps_its_answers(tmp_path):
    store = crashed_copy(tmp_path)
    result = runner.invoke(app, ["report", "--json"], env=env(tmp_path, store))
    assert result.exit_code == 0, result.output
    with db(store) as conn:
        assert conn.execute("SELECT count(*) FROM reviews WHERE question LIKE 'wal-%'").fetchone()[0] == 4


def test_a_flipped_byte_in_a_committed_wal_frame(tmp_path):
    store = crashed_copy(tmp_path)
    size, frames = wal_frames(store)
    assert frames >= 4
    poke(store.with_name("p.db-wal"), 32 + (24 + size) + 24 + size // 2, b"\x5a")  # the second frame's page
    assert_refused(tmp_path, store, [STUDY, EXAM, REPORT])


def test_a_flipped_byte_in_the_wal_header(tmp_path):
    store = crashed_copy(tmp_path)
    poke(store.with_name("p.db-wal"), 16, b"\x01\x02")  # a salt: SQLite would ignore the whole log
    assert_refused(tmp_path, store, [STUDY, REPORT])


def test_a_flipped_byte_in_a_frame_header(tmp_path):
    store = crashed_copy(tmp_path)
    size, _ = wal_frames(store)
    poke(store.with_name("p.db-wal"), 32 + 8, b"\x00\x00\x00\x07")  # the first frame's salt
    assert_refused(tmp_path, store, [STUDY])


def test_a_torn_uncommitted_tail_is_a_crash_not_damage(tmp_path):
    """Half a transaction after the last commit was never acknowledged: SQLite drops it, and so may we."""
    store = crashed_copy(tmp_path)
    wal = store.with_name("p.db-wal")
    size, frames = wal_frames(store)
    data = wal.read_bytes()
    last = data[32 + (frames - 1) * (24 + size) : 32 + frames * (24 + size)]
    torn = last[:4] + b"\x00\x00\x00\x00" + last[8:16] + b"\x00" * 8 + last[24 : 24 + size // 2]
    wal.write_bytes(data + torn)
    result = runner.invoke(app, ["report", "--json"], env=env(tmp_path, store))
    assert result.exit_code == 0, result.output


# --- the way out: repair into a new file --------------------------------------------------------------


def test_repair_writes_what_can_be_read_and_keeps_the_old(tmp_path):
    store = make_store(tmp_path)
    size = page_size(store)
    poke(store, (page_of(store, "reviews") - 1) * size + 8, b"\xff" * 64)
    before = files(store)
    new = tmp_path / "repaired.db"
    result = runner.invoke(app, ["progress", "repair", "--progress", str(store), "-o", str(new)])
    assert result.exit_code == 0, result.output
    assert files(store) == before
    with db(new) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        recovered = conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
        tallies = conn.execute("SELECT sum(reviews) FROM tallies").fetchone()[0]
        cards = conn.execute("SELECT count(*) FROM cards").fetchone()[0]
    assert 0 < recovered < ROWS + 1 and tallies == recovered and cards == ROWS + 1
    assert str(recovered) in result.output
    study = runner.invoke(app, ["study", "--limit", "1"], input="245\n", env=env(tmp_path, new))
    assert study.exit_code == 0, study.output


def test_repair_never_overwrites_and_refuses_the_same_file(tmp_path):
    store = make_store(tmp_path)
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"mine")
    for target in (taken, store):
        result = runner.invoke(app, ["progress", "repair", "--progress", str(store), "-o", str(target)])
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1, result.output
    assert taken.read_bytes() == b"mine"


def test_repair_of_bad_rows_keeps_the_good_ones(tmp_path):
    store = make_store(tmp_path)
    with db(store) as conn:
        total, spoilt = conn.execute("SELECT count(*), sum(id % 100 = 7) FROM reviews").fetchone()
        conn.execute("DROP TRIGGER reviews_no_update")
        conn.execute("UPDATE reviews SET at = 'hỏng' WHERE id % 100 = 7")
        conn.execute("UPDATE cards SET due = 'hỏng' WHERE question = 'cu-5'")
    new = tmp_path / "repaired.db"
    result = runner.invoke(app, ["progress", "repair", "--progress", str(store), "-o", str(new)])
    assert result.exit_code == 0, result.output
    with db(new) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == total - spoilt
        assert conn.execute("SELECT count(*) FROM cards WHERE question = 'cu-5'").fetchone()[0] == 0
