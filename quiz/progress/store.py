"""The progress store: one SQLite file holding every answer ever given and each question's FSRS state.

Only the standard library's `sqlite3`. No terminal I/O. Every problem a learner can cause (a file
that is not ours, a corrupt file, a newer schema, a file locked for too long) raises
`quiz.errors.StoreError` with one Vietnamese line naming the file, and such a file is never written.

Usage::

    with Store.open(path) as store:
        store.record(Review(...), card_state)        # one transaction, durable when it returns
        store.record(Review(..., mode="exam"))       # a review without a card update is allowed
        states = store.cards(["chi-thi-doi-ngoai"])  # {(bank, question): CardState}
        store.card(bank, qid)                        # CardState | None (None = never reviewed: new)
        store.reviews(bank, qid, since=t0, until=t1, mode="study")  # list[Review], in time order
        store.correct(review_id, "overrule", at, recomputed_card)  # "Tôi đúng" / "undo": a correcting row
        store.answer_log(bank, qid)  # list[LoggedAnswer] as corrected: what a card is recomputed from
        store.seed()                 # this learner's random seed (order of new questions)
        store.introduced_between(*day_bounds(today()))  # new ones learnt today (quiz.progress.clock)
        store.introduced_by_bank(*day_bounds(today()))  # {bank: new ones its study sessions met today}
        store.remember_bank_path(bank, path, now)      # `bank_paths`: where a bank was studied from
        store.bank_paths()                             # {bank: (absolute path, last seen)}
        store.query("SELECT ... FROM reviews WHERE at >= ?", [to_iso(t0)])  # read-only SQL (report)
        store.save_plan("2026-12-20", 15, [], now); store.active_plan(); store.clear_plan(now)  # exam plans
        store.save_parameters(w, n, loss_default, loss_fitted, kept, now); store.fitted_parameters()  # fits

Durability and concurrency
--------------------------
- `journal_mode=WAL`: readers never block the writer and a commit is one append to the `-wal` file.
- `synchronous=FULL`: each commit is fsync'ed before `record` returns, so an answer survives not only
  `kill -9` of our process (which WAL + NORMAL already survives) but also a power cut or an OS crash.
  The cost is one fsync per answer (well under the 5 ms budget on an SSD: see `benchmarks/store.py`),
  which is nothing at the pace a human answers questions.
- `busy_timeout` 5000 ms and every write inside a short `BEGIN IMMEDIATE` transaction, so two
  processes writing at once both succeed (the second waits for the first's lock).
- `foreign_keys=ON` (no foreign keys yet; on so that later versions can rely on them).
- `record` writes the card state it is given: if two sessions answer the *same* question at the same
  moment, both reviews are logged and the card keeps the state computed by the later one. The state
  logged with each answer (`state_before`) is read from `cards` inside the same write transaction, so
  it is the state the card really had in the file just before that answer.

What `open` checks before writing anything
------------------------------------------
A missing or empty (0-byte) file becomes a new store. Otherwise, before any write (issue 15: a damaged
store is refused with one line and not one byte changed):

1. the file must be a regular file (a FIFO would block), start with the SQLite magic, have a valid page
   size and not be shorter than its header says (truncation);
2. a leftover `-wal` (a process killed before a checkpoint) is read frame by frame as SQLite would
   (`quiz/progress/wal.py`): a frame that fails its salt or checksum at or before the log's last commit
   means SQLite would silently drop committed answers, so the store is refused (`quiz progress repair`
   recovers what can be read into a new file);
3. in one read snapshot, `application_id`, `user_version` and the schema must be ours (or blank), with
   every table, index and trigger of its version (a dropped table is damage, not age);
4. SQLite checks every page: `PRAGMA integrity_check` (indexes too) up to 4 MB of store, `quick_check`
   beyond (~0.04 s per 100,000 reviews, on every open).

Only then is the file switched to WAL and migrated. Rows read later are checked as they are turned into
values (times that parse, verdicts, states, text that decodes): a bad one is a StoreError, never a
traceback. When a check fails with a healthy leftover `-wal` present, SQLite checkpoints that log into
the file as the connection closes (committed answers moved, none lost).

Schema (version 4)
------------------
The file is marked as ours by `PRAGMA application_id = 0x5155495A` ("QUIZ") and carries its schema
version in `PRAGMA user_version` (currently 4). A file with another application id, or with tables but
no id, is someone else's; a higher version is from a newer quiz. `MIGRATIONS[n]` upgrades version n to
n + 1, all steps inside the one transaction that bumps `user_version` (a failed step leaves the file at
its old version, untouched): version 5 is one more function.

Every time is a UTC ISO 8601 string of fixed width, `2026-11-23T01:00:00.000000+00:00`
(`quiz.progress.clock.to_iso`): it sorts in time order and SQLite's `julianday()`/`date(at, 'localtime')`
read it.

`reviews` — append-only log of answers (UPDATE and DELETE are refused by triggers)::

    id           INTEGER PRIMARY KEY   order of insertion
    at           TEXT     when the answer was given (UTC)
    bank         TEXT     bank id
    question     TEXT     question id within the bank
    answer       TEXT     the learner's answer as text (NFC)
    verdict      TEXT     'correct' | 'almost' | 'wrong'   ("almost" counts as correct in reports)
    rating       INTEGER  FSRS rating 1 Again, 2 Hard, 3 Good, 4 Easy
    duration_ms  INTEGER  time taken to answer, or NULL
    mode         TEXT     'study' | 'exam'
    fingerprint  TEXT     `Question.fingerprint()` of the question as it was asked
    state_before TEXT     [v3] the card's FSRS state just before this answer: 'new' (no card yet) |
                          'learning' | 'review' | 'relearning'; NULL for answers logged before v3
    scheduled    INTEGER  [v3] 1 when this answer moved the card on its schedule (`record` was given a
                          card), 0 when not (an exam that leaves cards alone); NULL before v3
    corrects     INTEGER  [v4] the id of the row this row corrects (NULL: an answer). A correcting row
                          is not an answer: "Tôi đúng" (`correction` 'overrule', verdict 'correct') or
                          undo (`correction` 'undo'); the card's state is recomputed from the log
    correction   TEXT     [v4] 'overrule' | 'undo' | NULL
    predicted    REAL     [v4] the recall FSRS predicted just before this answer (NULL: a new card, or
                          logged before v4): the readiness forecast's calibration
    indexes: reviews_at (at), reviews_bank_question (bank, question),
             reviews_card (bank, question, id, at, rating, verdict, mode)  [version 2, for the report:
             one covering scan reads a question's answers in recorded order, grouped, without touching
             the table; since v3 only needed to replay questions whose answers have no state_before]
    trigger reviews_tally (after insert, v3; v4: answers only): keeps `tallies` in step, whoever
            inserts the row; trigger reviews_correction (v4) applies a correcting row to its tally
    index reviews_corrects (corrects) [v4, partial: correcting rows only]

`cards` — the current FSRS state of each question ever scheduled (no row = new)::

    bank, question  TEXT   PRIMARY KEY (bank, question): its index also serves `WHERE bank = ?`,
                           so no separate cards(bank) index is kept
    fsrs_card     TEXT     the `fsrs.Card` as JSON (`Card.to_json()`), what the scheduler resumes from
    state         TEXT     'learning' | 'review' | 'relearning'
    stability     REAL     FSRS stability in days (NULL only before a first rating)
    difficulty    REAL     FSRS difficulty 1..10
    due           TEXT     when it is next due (UTC)
    reps          INTEGER  number of reviews that updated this card
    lapses        INTEGER  times it was forgotten after being learnt (Again while in 'review')
    first_review  TEXT     first review (UTC): introduced that day, for the daily new limit
    last_review   TEXT     last review (UTC): retrievability is computed from here
    fingerprint   TEXT     the question's fingerprint at the last review
    indexes: cards_due (due), cards_first_review (first_review)

`tallies` — per question answered, its answers at a glance (version 3; filled from `reviews` when a v2
file is opened: about a second per million answers, then kept by the trigger)::

    bank, question  TEXT     PRIMARY KEY
    reviews         INTEGER  answers logged
    correct         INTEGER  those judged 'correct' or 'almost'
    last_at         TEXT     the latest answer (UTC)
    unrecorded_at   TEXT     the latest answer logged without state_before (NULL: none), so the report
                             knows which questions still need replaying
    overruled       INTEGER  [v4] answers the learner overruled ("Tôi đúng"): a hint to add `accept` forms

`bank_paths` (v4) — bank id → the file it was last studied from (`bank`, `path` absolute, `seen_at`:
when it was first studied from that file), written at the start of a study or exam session when it
changed, so the report finds banks studied by path (`quiz.bank.library.find_remembered`).

`store_info` (v4) — key/value facts about this store: `seed` (16 hex digits, random, made when the
store is created or migrated) orders new questions the same way for this learner every day.

`plans` (v4) — exam plans (`id`, `created_at`, `exam_date` YYYY-MM-DD, `minutes` a day, `banks` JSON
list, empty = all; `cleared_at`): the active plan is the latest row with `cleared_at` NULL.

`fsrs_parameters` (v4) — parameters fitted to this learner (`fitted_at`, `parameters` JSON, `reviews`
used, held-out `loss_default`/`loss_fitted`, `kept` 1 when they predict better and are used).

For the report: "mastered" (recalled three weeks from now with probability >= 0.9) is
`stability >= julianday(:now) + 21 - julianday(last_review)`; see `quiz.progress.scheduler.MASTERED_SQL`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from quiz import messages as M
from quiz.errors import StoreError
from quiz.progress.card import (
    CARD_STATES,
    CORRECTIONS,
    MODES,
    OVERRULED_RATING,
    VERDICTS,
    CardState,
    LoggedAnswer,
    Review,
    apply_corrections,
)
from quiz.progress.clock import from_iso, to_iso
from quiz.progress.schema import MIGRATIONS, SCHEMA_VERSION
from quiz.progress.store_checks import (
    _BUSY,
    _CANTOPEN,
    _CORRUPT,
    _FULL,
    _IOERR,
    _LOCKED,
    _NOTADB,
    _PERM,
    _READONLY,
    APPLICATION_ID,
    _check_header,
    _classify,
    _corrupt,
    _disk_full,
    _error_code,
    _inspect,
    _is_locked,
    _locked,
    _not_sqlite,
    _unopenable,
    check_pages,
    check_rows,
    check_wal,
    missing_objects,
)

BUSY_TIMEOUT_MS = 5000
_Row = TypeVar("_Row")

# --- the store --------------------------------------------------------------------------------------------


_REVIEW_COLUMNS = "id, at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint"
_CARD_COLUMNS = (
    "bank, question, fsrs_card, state, stability, difficulty, due, reps, lapses, "
    "first_review, last_review, fingerprint"
)


def _card_from_row(row: tuple) -> CardState:
    """A `cards` row as a CardState; ValueError/TypeError when a value is not what the store writes."""
    fi = datetime.fromisoformat
    if row[3] not in CARD_STATES or not all(isinstance(row[i], str) for i in (0, 1, 2, 11)):
        raise ValueError("not a card row")
    return CardState(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        fi(row[6]),
        row[7],
        row[8],
        fi(row[9]),
        fi(row[10]),
        row[11],
    )


def _review_from_row(row: tuple) -> Review:
    """A `reviews` row as a Review; ValueError/TypeError when a value is not what the store writes."""
    if row[5] not in VERDICTS or row[8] not in MODES or not isinstance(row[4], str):
        raise ValueError("not a review row")
    return Review(
        at=from_iso(row[1]),
        bank=row[2],
        question=row[3],
        answer=row[4],
        verdict=row[5],
        rating=row[6],
        duration_ms=row[7],
        mode=row[8],
        fingerprint=row[9],
        id=row[0],
    )


def _logged_from_row(row: tuple) -> LoggedAnswer:
    """An answer row (id, at, verdict, rating, mode, fingerprint, scheduled) for `answer_log`."""
    if row[2] not in VERDICTS or row[4] not in MODES or not 1 <= int(row[3]) <= 4:
        raise ValueError("not a review row")
    moves = bool(row[6]) if row[6] is not None else row[4] == "study"  # before v3: study answers moved it
    return LoggedAnswer(row[0], from_iso(row[1]), row[2], int(row[3]), row[4], row[5] or "", moves)


def _save_card(conn: sqlite3.Connection, card: CardState) -> None:
    conn.execute(
        f"INSERT INTO cards ({_CARD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (bank, question) DO UPDATE SET"
        " fsrs_card = excluded.fsrs_card, state = excluded.state,"
        " stability = excluded.stability, difficulty = excluded.difficulty,"
        " due = excluded.due, reps = excluded.reps, lapses = excluded.lapses,"
        " first_review = excluded.first_review, last_review = excluded.last_review,"
        " fingerprint = excluded.fingerprint",
        card.row(),
    )


class Store:
    """An open progress file. Make one with `Store.open(path)`; close it (or use `with`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = path
        self._conn = conn
        self._busy_timeout_ms = busy_timeout_ms
        self._checked = False

    # opening ------------------------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open (creating it and its folders if missing) the progress file at `path`, migrating it if old.

        `busy_timeout_ms` is how long a write waits for another process's transaction to finish.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"{path}: là một thư mục, không phải tệp tiến độ.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise _unopenable(path, err) from None
        if path.exists():
            if not path.is_file():  # a FIFO would block the first read, a device never ends
                raise StoreError(M.STORE_NOT_REGULAR.format(path=path))
            _check_header(path)
            check_wal(path)  # a damaged leftover log would silently drop answers when SQLite replays it
        try:
            conn = sqlite3.connect(
                os.fspath(path), timeout=busy_timeout_ms / 1000, isolation_level=None, cached_statements=64
            )
        except sqlite3.Error as err:
            raise _unopenable(path, err) from None
        try:
            store = cls(path, conn, busy_timeout_ms)
            store._setup()
            return store
        except BaseException:
            conn.close()
            raise

    def _setup(self) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # SQLite does not wait on a busy lock when that could deadlock (switching a new file to WAL while
        # another process creates it), so retry those steps ourselves until the busy timeout.
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        with self._guard():
            while True:
                try:
                    self._prepare()
                    return
                except sqlite3.OperationalError as err:
                    if not _is_locked(err) or time.monotonic() >= deadline:
                        raise
                    time.sleep(0.005)

    def _prepare(self) -> None:
        conn = self._conn
        # Read-only checks first: nothing is written until we know the file is ours and whole.
        app_id, version, names = _inspect(conn)
        version = _classify(self.path, app_id, version, names)
        if names:  # an existing store (a blank file has nothing to check)
            if missing_objects(version, names):  # a table or trigger gone: damaged, not old
                raise _corrupt(self.path)
            if not self._checked:
                check_pages(conn, self.path)  # every page read once, before the first write
                check_rows(conn, self.path)
                self._checked = True
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        if version < SCHEMA_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have created or upgraded the file meanwhile: decide again under the lock.
            version = _classify(self.path, *_inspect(conn))
            for step in MIGRATIONS[version:]:
                step(conn)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    @contextmanager
    def _guard(self, caller_sql: bool = False) -> Iterator[None]:
        """Turn SQLite failures a learner can cause into one-line StoreErrors.

        A plain SQL error (SQLITE_ERROR: no such table, ...) in our own statements means the schema is
        not what this version wrote, so the file is damaged; in `caller_sql` it is the caller's bug.
        """
        try:
            yield
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # our bug (bad value, closed store), not the learner's
        except sqlite3.DatabaseError as err:
            code = _error_code(err)
            if code in (_BUSY, _LOCKED):
                raise _locked(self.path, self._busy_timeout_ms) from None
            if code == _NOTADB:
                raise _not_sqlite(self.path) from None
            if code == _FULL:
                raise _disk_full(self.path) from None
            if code in (_PERM, _READONLY, _IOERR, _CANTOPEN):
                raise _unopenable(self.path, err) from None
            if caller_sql and code != _CORRUPT:
                raise
            raise _corrupt(self.path) from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, committed (and fsync'ed) when the block ends."""
        conn = self._conn
        with self._guard():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # writing ------------------------------------------------------------------------------------------------

    def record(self, review: Review, card: CardState | None = None) -> int:
        """Log `review` and save `card` (if given) in one transaction; durable on return. The review's id."""
        if review.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {VERDICTS}, not {review.verdict!r}")
        if review.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {review.mode!r}")
        if not 1 <= int(review.rating) <= 4:
            raise ValueError(f"rating must be 1..4, not {review.rating!r}")
        if card is not None and card.key != (review.bank, review.question):
            raise ValueError(f"card {card.key} does not belong to review {(review.bank, review.question)}")
        with self._write() as conn:
            # The card's state just before this answer, read under the write lock: what it really was.
            row = conn.execute(
                "SELECT state FROM cards WHERE bank = ? AND question = ?", (review.bank, review.question)
            ).fetchone()
            cur = conn.execute(
                f"INSERT INTO reviews ({_REVIEW_COLUMNS}, state_before, scheduled, predicted)"
                " VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    to_iso(review.at),
                    review.bank,
                    review.question,
                    unicodedata.normalize("NFC", review.answer),
                    review.verdict,
                    int(review.rating),
                    None if review.duration_ms is None else int(review.duration_ms),
                    review.mode,
                    review.fingerprint,
                    "new" if row is None else row[0],
                    int(card is not None),
                    None if review.predicted is None else min(1.0, max(0.0, float(review.predicted))),
                ),
            )
            review_id = cur.lastrowid
            if card is not None:
                _save_card(conn, card)
        assert review_id is not None
        return review_id

    def correct(self, target: int, correction: str, at: datetime, card: CardState | None) -> int:
        """Log a correction of the answer `target` and set its question's card to `card`, in one transaction.

        'overrule' ("Tôi đúng": the answer counts as correct, rated Good) or 'undo' (the answer is
        withdrawn). The log stays append-only: the answer's row is not changed; a correcting row names it
        (`corrects`) and the `reviews_correction` trigger adjusts the question's tally. `card` is the state
        recomputed from the corrected log (`answer_log`, then `Scheduler.replay`); None when no answer
        that moved the card is left (the question is new again). An answer is corrected at most once,
        and a correcting row is never corrected (ValueError: the caller's bug). The correction's id.
        """
        if correction not in CORRECTIONS:
            raise ValueError(f"correction must be one of {CORRECTIONS}, not {correction!r}")
        with self._write() as conn:
            row = conn.execute(
                "SELECT bank, question, answer, verdict, rating, mode, fingerprint, corrects"
                " FROM reviews WHERE id = ?",
                (int(target),),
            ).fetchone()
            if row is None or row[7] is not None:
                raise ValueError(f"review {target} is not an answer")
            if conn.execute("SELECT 1 FROM reviews WHERE corrects = ?", (int(target),)).fetchone():
                raise ValueError(f"review {target} is already corrected")
            bank, question = row[0], row[1]
            if card is not None and card.key != (bank, question):
                raise ValueError(f"card {card.key} does not belong to review {target}")
            overrule = correction == "overrule"
            cur = conn.execute(
                f"INSERT INTO reviews ({_REVIEW_COLUMNS}, state_before, scheduled, corrects, correction)"
                " VALUES (NULL, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, 0, ?, ?)",
                (
                    to_iso(at),
                    bank,
                    question,
                    row[2],
                    "correct" if overrule else row[3],
                    OVERRULED_RATING if overrule else row[4],
                    row[5],
                    row[6],
                    int(target),
                    correction,
                ),
            )
            if card is None:
                conn.execute("DELETE FROM cards WHERE bank = ? AND question = ?", (bank, question))
            else:
                _save_card(conn, card)
        assert cur.lastrowid is not None
        return cur.lastrowid

    # exam plans and fitted parameters (issue 16) ---------------------------------------------------------

    def save_plan(self, exam_date: str, minutes: int, banks: Sequence[str], now: datetime) -> int:
        """Start a plan, ending any active one: exam day `YYYY-MM-DD`, minutes a day, banks (empty: all)."""
        with self._write() as conn:
            conn.execute("UPDATE plans SET cleared_at = ? WHERE cleared_at IS NULL", (to_iso(now),))
            cur = conn.execute(
                "INSERT INTO plans (created_at, exam_date, minutes, banks, cleared_at)"
                " VALUES (?, ?, ?, ?, NULL)",
                (to_iso(now), exam_date, int(minutes), json.dumps(list(banks), ensure_ascii=False)),
            )
        assert cur.lastrowid is not None
        return cur.lastrowid

    def clear_plan(self, now: datetime) -> bool:
        """End the active plan; False when there was none."""
        with self._write() as conn:
            cur = conn.execute("UPDATE plans SET cleared_at = ? WHERE cleared_at IS NULL", (to_iso(now),))
        return cur.rowcount > 0

    def active_plan(self) -> tuple[datetime, str, int, list[str]] | None:
        """(created_at, exam_date, minutes, banks) of the active plan, or None."""
        with self._guard():
            row = self._conn.execute(
                "SELECT created_at, exam_date, minutes, banks FROM plans WHERE cleared_at IS NULL"
                " ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        try:
            banks = json.loads(row[3])
            if not isinstance(banks, list) or not all(isinstance(b, str) for b in banks):
                raise ValueError("banks")
            return from_iso(row[0]), str(row[1]), int(row[2]), banks
        except (ValueError, TypeError):
            raise _corrupt(self.path) from None

    def save_parameters(
        self,
        parameters: Sequence[float],
        reviews: int,
        loss_default: float | None,
        loss_fitted: float | None,
        kept: bool,
        now: datetime,
    ) -> None:
        """Log one fit of FSRS parameters to this learner's answers, and whether it is used."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO fsrs_parameters"
                " (fitted_at, parameters, reviews, loss_default, loss_fitted, kept)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    to_iso(now),
                    json.dumps([float(x) for x in parameters]),
                    int(reviews),
                    loss_default,
                    loss_fitted,
                    int(kept),
                ),
            )

    def last_fit(self) -> tuple[datetime, list[float], bool] | None:
        """(fitted_at, parameters, kept) of the latest fit, or None."""
        row = self._fit_row("")
        return None if row is None else (row[0], row[1], row[2])

    def fitted_parameters(self) -> list[float] | None:
        """The parameters of the latest fit that was kept (predicted held-out answers better), else None."""
        row = self._fit_row(" WHERE kept = 1")
        return row[1] if row is not None and len(row[1]) == 21 else None

    def _fit_row(self, where: str) -> tuple[datetime, list[float], bool] | None:
        with self._guard():
            row = self._conn.execute(
                f"SELECT fitted_at, parameters, kept FROM fsrs_parameters{where} ORDER BY id DESC LIMIT 1"
            ).fetchone()
        if row is None:
            return None
        try:
            return from_iso(row[0]), [float(x) for x in json.loads(row[1])], bool(row[2])
        except (ValueError, TypeError):
            raise _corrupt(self.path) from None

    # reading ------------------------------------------------------------------------------------------------

    def card(self, bank: str, question: str) -> CardState | None:
        """The state of one question, or None if it was never reviewed (new)."""
        with self._guard():
            row = self._conn.execute(
                f"SELECT {_CARD_COLUMNS} FROM cards WHERE bank = ? AND question = ?", (bank, question)
            ).fetchone()
        return None if row is None else self._rows([row], _card_from_row)[0]

    def cards(self, banks: Iterable[str] | None = None) -> dict[tuple[str, str], CardState]:
        """Every stored card state, keyed by (bank, question); only those banks when `banks` is given."""
        sql = f"SELECT {_CARD_COLUMNS} FROM cards"
        params: tuple[str, ...] = ()
        if banks is not None:
            params = tuple(dict.fromkeys(banks))
            if not params:
                return {}
            sql += f" WHERE bank IN ({', '.join('?' * len(params))})"
        with self._guard():
            rows = self._conn.execute(sql, params).fetchall()
        return {(card.bank, card.question): card for card in self._rows(rows, _card_from_row)}

    def reviews(
        self,
        bank: str | None = None,
        question: str | None = None,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        mode: str | None = None,
    ) -> list[Review]:
        """Logged answers in time order, optionally of one bank / question, in [since, until), of one mode."""
        where: list[str] = []
        params: list[object] = []
        for column, value in (("bank", bank), ("question", question), ("mode", mode)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        if since is not None:
            where.append("at >= ?")
            params.append(to_iso(since))
        if until is not None:
            where.append("at < ?")
            params.append(to_iso(until))
        where.append("corrects IS NULL")  # answers, not the rows correcting them
        sql = f"SELECT {_REVIEW_COLUMNS} FROM reviews"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY at, id"
        with self._guard():
            rows = self._conn.execute(sql, params).fetchall()
        return self._rows(rows, _review_from_row)

    def answer_log(self, bank: str, question: str) -> list[LoggedAnswer]:
        """One question's answers in time order as they count after their corrections: undone ones left
        out, overruled ones correct (rated Good). What a card's state is recomputed from."""
        with self._guard():
            rows = self._conn.execute(
                "SELECT id, at, verdict, rating, mode, fingerprint, scheduled, corrects, correction"
                " FROM reviews WHERE bank = ? AND question = ? ORDER BY at, id",
                (bank, question),
            ).fetchall()
        corrections = {int(r[7]): r[8] for r in rows if r[7] is not None}
        answers = self._rows([r for r in rows if r[7] is None], _logged_from_row)
        return apply_corrections(answers, corrections)

    def seed(self) -> str:
        """This learner's random seed (`store_info`, made with the store): the order of new questions."""
        with self._guard():
            row = self._conn.execute("SELECT value FROM store_info WHERE key = 'seed'").fetchone()
        return str(row[0]) if row is not None else ""

    def _rows(self, rows: list[tuple], make: Callable[[tuple], _Row]) -> list[_Row]:
        """Rows turned into values; a row the store could not have written (a time that is not a time,
        a verdict or state it does not know) means the file was damaged: one StoreError line."""
        try:
            return [make(row) for row in rows]
        except (ValueError, TypeError, OverflowError):
            raise _corrupt(self.path) from None

    def introduced_between(self, start: datetime, end: datetime) -> int:
        """How many questions had their first review in [start, end): e.g. new ones learnt today."""
        with self._guard():
            row = self._conn.execute(
                "SELECT count(*) FROM cards WHERE first_review >= ? AND first_review < ?",
                (to_iso(start), to_iso(end)),
            ).fetchone()
        return int(row[0])

    def query(self, sql: str, params: Iterable[object] = ()) -> list[tuple]:
        """Run a read-only SQL query against the schema above (for the report); rows as tuples.

        The connection is `query_only` meanwhile, so a statement that would write fails instead.
        """
        with self._guard(caller_sql=True):
            self._conn.execute("PRAGMA query_only = ON")
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.OperationalError as err:
                if _error_code(err) == _READONLY:
                    raise ValueError(f"Store.query is read-only: {sql!r}") from None
                raise
            finally:
                self._conn.execute("PRAGMA query_only = OFF")

    def check(self) -> None:
        """A full consistency check (`PRAGMA quick_check`); StoreError if the file is damaged.

        Not run by `open`: it reads the whole file (about 0.1 s for 100,000 reviews). `open` only checks
        the header and the schema; damage elsewhere surfaces as a StoreError when a read reaches it.
        """
        with self._guard():
            rows = self._conn.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise _corrupt(self.path)

    # closing ------------------------------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # banks studied by path, the per-bank daily new limit (issue 13) -----------------------------------------

    def remember_bank_path(self, bank: str, path: Path | str, at: datetime) -> None:
        """Remember that `bank` was studied from the file `path` (absolute) at `at`, so the report finds
        it again when it is not in the banks folder (`bank_paths`, v4). One committed write."""
        self.remember_bank_paths([(bank, path)], at)

    def remember_bank_paths(self, banks: Iterable[tuple[str, Path | str]], at: datetime) -> None:
        """`remember_bank_path` for several banks in one transaction (rows already up to date are not
        rewritten, so a session of the same banks writes nothing)."""
        rows = {bank: os.path.abspath(path) for bank, path in banks}
        if not rows:
            return
        known = self.bank_paths()
        changed = [(b, p) for b, p in rows.items() if known.get(b, (None,))[0] != p]
        if not changed:
            return
        with self._write() as conn:
            conn.executemany(
                "INSERT INTO bank_paths (bank, path, seen_at) VALUES (?, ?, ?)"
                " ON CONFLICT (bank) DO UPDATE SET path = excluded.path, seen_at = excluded.seen_at",
                [(b, p, to_iso(at)) for b, p in changed],
            )

    def bank_paths(self) -> dict[str, tuple[str, datetime]]:
        """Every bank studied from a file: bank id → (the file's absolute path, when it was last seen)."""
        with self._guard():
            rows = self._conn.execute("SELECT bank, path, seen_at FROM bank_paths").fetchall()
        return {
            bank: (path, when)
            for bank, path, when in self._rows(rows, lambda r: (str(r[0]), str(r[1]), from_iso(r[2])))
        }

    def introduced_by_bank(self, start: datetime, end: datetime) -> dict[str, int]:
        """Per bank, how many questions were met for the first time in a study session in [start, end):
        the daily new limit is per bank (as Anki's per deck) and exam questions do not count. An answer
        undone afterwards does not count either. Answers logged before v3 carry no `state_before`: such
        an answer counts when it is the question's first (`cards.first_review`)."""
        sql = (
            "SELECT r.bank, count(DISTINCT r.question) FROM reviews AS r INDEXED BY reviews_at"
            " WHERE r.at >= ? AND r.at < ? AND r.mode = 'study' AND r.corrects IS NULL"
            " AND (r.state_before = 'new' OR (r.state_before IS NULL AND r.at = (SELECT c.first_review"
            " FROM cards AS c WHERE c.bank = r.bank AND c.question = r.question)))"
            " AND NOT EXISTS (SELECT 1 FROM reviews AS u WHERE u.corrects = r.id AND u.correction = 'undo')"
            " GROUP BY r.bank"
        )
        with self._guard():
            rows = self._conn.execute(sql, (to_iso(start), to_iso(end))).fetchall()
        return {str(bank): int(n) for bank, n in rows}
