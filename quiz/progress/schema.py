"""The progress store's SQLite schema: one migration per version (v0 → v4); `MIGRATIONS[n]` upgrades
version n to n + 1, and `SCHEMA_VERSION` is how many there are. The store's docstring describes the tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# --- schema and migrations ----------------------------------------------------------------------------


def _migrate_0_to_1(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            bank TEXT NOT NULL,
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'almost', 'wrong')),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER CHECK (duration_ms IS NULL OR duration_ms >= 0),
            mode TEXT NOT NULL CHECK (mode IN ('study', 'exam')),
            fingerprint TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX reviews_at ON reviews (at)")
    conn.execute("CREATE INDEX reviews_bank_question ON reviews (bank, question)")
    conn.execute(
        """
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END
        """
    )
    conn.execute(
        """
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
        BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END
        """
    )
    conn.execute(
        """
        CREATE TABLE cards (
            bank TEXT NOT NULL,
            question TEXT NOT NULL,
            fsrs_card TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('learning', 'review', 'relearning')),
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            first_review TEXT NOT NULL,
            last_review TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            PRIMARY KEY (bank, question)
        ) WITHOUT ROWID
        """
    )
    conn.execute("CREATE INDEX cards_due ON cards (due)")
    conn.execute("CREATE INDEX cards_first_review ON cards (first_review)")


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    # `quiz report` groups every answer by question in recorded order (quiz.progress.report._read_histories).
    conn.execute("CREATE INDEX reviews_card ON reviews (bank, question, id, at, rating, verdict, mode)")


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    # What the report needs, recorded when an answer is written instead of recomputed from the whole log
    # on every report. Rows logged before this version keep NULL in both columns (quiz.progress.report replays
    # those questions' ratings instead).
    conn.execute(
        "ALTER TABLE reviews ADD COLUMN state_before TEXT"
        " CHECK (state_before IN ('new', 'learning', 'review', 'relearning'))"
    )
    conn.execute("ALTER TABLE reviews ADD COLUMN scheduled INTEGER CHECK (scheduled IN (0, 1))")
    # Per question: answers, correct ones, the last one, and the last one logged without a state (NULL
    # when every answer has its state). Kept by SQLite itself in the inserting transaction, so every insert
    # is counted however it is made.
    conn.execute(
        """
        CREATE TABLE tallies (
            bank TEXT NOT NULL,
            question TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            correct INTEGER NOT NULL,
            last_at TEXT NOT NULL,
            unrecorded_at TEXT,
            PRIMARY KEY (bank, question)
        ) WITHOUT ROWID
        """
    )
    conn.execute(
        "INSERT INTO tallies (bank, question, reviews, correct, last_at, unrecorded_at)"
        " SELECT bank, question, count(*), sum(verdict != 'wrong'), max(at), max(at) FROM reviews"
        " GROUP BY bank, question"
    )
    conn.execute(
        """
        CREATE TRIGGER reviews_tally AFTER INSERT ON reviews
        BEGIN
            INSERT INTO tallies (bank, question, reviews, correct, last_at, unrecorded_at)
            VALUES (NEW.bank, NEW.question, 1, NEW.verdict != 'wrong', NEW.at,
                    CASE WHEN NEW.state_before IS NULL THEN NEW.at END)
            ON CONFLICT (bank, question) DO UPDATE SET
                reviews = reviews + 1,
                correct = correct + excluded.correct,
                last_at = max(last_at, excluded.last_at),
                unrecorded_at = coalesce(
                    max(unrecorded_at, excluded.unrecorded_at), unrecorded_at, excluded.unrecorded_at
                );
        END
        """
    )


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    # Issue 13 (sessions) and issue 16 (exam plan), in one step so both land on one version.
    # Corrections: the log stays append-only; "Tôi đúng" (overrule) and undo are new rows that name the
    # row they correct. A correcting row is not an answer: the tally trigger below leaves it out and the
    # correction trigger adjusts the corrected question's tally instead.
    conn.execute("ALTER TABLE reviews ADD COLUMN corrects INTEGER CHECK (corrects IS NULL OR corrects > 0)")
    conn.execute(
        "ALTER TABLE reviews ADD COLUMN correction TEXT"
        " CHECK (correction IS NULL OR correction IN ('overrule', 'undo'))"
    )
    # The recall FSRS predicted for this answer just before it was given (NULL: new card or before v4):
    # the readiness forecast's calibration compares it with what happened.
    conn.execute(
        "ALTER TABLE reviews ADD COLUMN predicted REAL CHECK (predicted IS NULL OR predicted BETWEEN 0 AND 1)"
    )
    conn.execute("ALTER TABLE tallies ADD COLUMN overruled INTEGER NOT NULL DEFAULT 0")
    conn.execute("DROP TRIGGER reviews_tally")
    conn.execute(
        """
        CREATE TRIGGER reviews_tally AFTER INSERT ON reviews WHEN NEW.corrects IS NULL
        BEGIN
            INSERT INTO tallies (bank, question, reviews, correct, last_at, unrecorded_at)
            VALUES (NEW.bank, NEW.question, 1, NEW.verdict != 'wrong', NEW.at,
                    CASE WHEN NEW.state_before IS NULL THEN NEW.at END)
            ON CONFLICT (bank, question) DO UPDATE SET
                reviews = reviews + 1,
                correct = correct + excluded.correct,
                last_at = max(last_at, excluded.last_at),
                unrecorded_at = coalesce(
                    max(unrecorded_at, excluded.unrecorded_at), unrecorded_at, excluded.unrecorded_at
                );
        END
        """
    )
    conn.execute(
        """
        CREATE TRIGGER reviews_correction AFTER INSERT ON reviews WHEN NEW.corrects IS NOT NULL
        BEGIN
            UPDATE tallies SET
                reviews = reviews - (NEW.correction = 'undo'),
                correct = correct + CASE
                    WHEN NEW.correction = 'undo'
                        THEN -((SELECT verdict FROM reviews WHERE id = NEW.corrects) != 'wrong')
                    ELSE ((SELECT verdict FROM reviews WHERE id = NEW.corrects) = 'wrong')
                        * (NEW.verdict != 'wrong')
                END,
                overruled = overruled + (NEW.correction = 'overrule')
            WHERE bank = NEW.bank AND question = NEW.question;
        END
        """
    )
    conn.execute("CREATE INDEX reviews_corrects ON reviews (corrects) WHERE corrects IS NOT NULL")
    # Where each bank studied by path was last loaded from, so the report finds it again (issue 13).
    conn.execute(
        """
        CREATE TABLE bank_paths (
            bank TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            seen_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    # Small facts about this store: `seed` (random, made once) orders new questions per learner (issue 13).
    conn.execute("CREATE TABLE store_info (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    conn.execute("INSERT INTO store_info (key, value) VALUES ('seed', lower(hex(randomblob(8))))")
    # Exam plans (issue 16): the active plan is the latest row not cleared.
    conn.execute(
        """
        CREATE TABLE plans (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            exam_date TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            banks TEXT NOT NULL,
            cleared_at TEXT
        )
        """
    )
    # FSRS parameters fitted to this learner's answers, and whether they beat the defaults on held-out
    # answers (only kept ones are used).
    conn.execute(
        """
        CREATE TABLE fsrs_parameters (
            id INTEGER PRIMARY KEY,
            fitted_at TEXT NOT NULL,
            parameters TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            loss_default REAL,
            loss_fitted REAL,
            kept INTEGER NOT NULL CHECK (kept IN (0, 1))
        )
        """
    )


# MIGRATIONS[n] takes a version-n database to version n + 1 (inside the caller's transaction).
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _migrate_0_to_1,
    _migrate_1_to_2,
    _migrate_2_to_3,
    _migrate_3_to_4,
]
SCHEMA_VERSION = len(MIGRATIONS)


# What a store rebuilt from its answers (`quiz progress repair`, `quiz progress merge`) must keep besides
# the answers and cards: the learner's seed, exam plans, fitted FSRS parameters, where banks were studied.
KEPT_TABLES: dict[str, tuple[str, ...]] = {
    "store_info": ("key", "value"),
    "plans": ("id", "created_at", "exam_date", "minutes", "banks", "cleared_at"),
    "fsrs_parameters": ("id", "fitted_at", "parameters", "reviews", "loss_default", "loss_fitted", "kept"),
    "bank_paths": ("bank", "path", "seen_at"),
}


def read_kept_tables(source: sqlite3.Connection) -> dict[str, list[tuple]]:
    """The rows of each of `KEPT_TABLES` in `source`; a table missing or unreadable there (an older or
    damaged store) is absent from the result."""
    kept = {}
    for table, columns in KEPT_TABLES.items():
        try:
            kept[table] = source.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        except sqlite3.Error:
            continue
    return kept


def write_kept_tables(target: sqlite3.Connection, kept: dict[str, list[tuple]]) -> int:
    """Write rows read with `read_kept_tables` into `target` (inside the caller's transaction), replacing
    the target's (the old seed over the fresh one); rows refused by the target's checks are skipped.
    Returns the number of rows that could not be kept."""
    lost = 0
    for table, rows in kept.items():
        columns = KEPT_TABLES[table]
        names = ", ".join(columns)
        for row in rows:
            try:
                target.execute(
                    f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", row
                )
            except sqlite3.Error:
                lost += 1
    return lost
