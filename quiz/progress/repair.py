"""Recover what can be read from a damaged progress store into a new file (`quiz progress repair`).

The damaged file is never written: it is copied (with its `-wal`) to a temporary folder and read
there. Rows are read from both ends of each table, so one damaged page loses only the rows it held;
answers between damaged pages are reached by seeking row id by row id. Every row is checked as the
store would check it (times, verdicts, ratings, modes, text that decodes); a row that fails is left
out and counted. The new file is a fresh store of the current schema: `tallies` is rebuilt by its
triggers from the recovered answers and their corrections (overrule/undo rows keep the ids of the
answers they correct; a correction whose answer was lost is left out and counted). It is written
beside its final name and linked there only when complete, so an existing file is never overwritten
and a failure leaves nothing half-written.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quiz import messages as M
from quiz.errors import StoreError
from quiz.progress.card import CARD_STATES, CORRECTIONS, MODES, VERDICTS
from quiz.progress.clock import from_iso
from quiz.progress.schema import read_kept_tables, write_kept_tables

_REVIEW_COLUMNS = (
    "id",
    "at",
    "bank",
    "question",
    "answer",
    "verdict",
    "rating",
    "duration_ms",
    "mode",
    "fingerprint",
    "state_before",
    "scheduled",
    "corrects",
    "correction",
    "predicted",
)
_CARD_COLUMNS = (
    "bank",
    "question",
    "fsrs_card",
    "state",
    "stability",
    "difficulty",
    "due",
    "reps",
    "lapses",
    "first_review",
    "last_review",
    "fingerprint",
)
_BATCH = 500
_MAX_PROBES = 1_000_000  # row ids tried one by one between damaged pages


@dataclass(frozen=True)
class RepairResult:
    reviews: int
    reviews_lost: int
    cards: int
    cards_lost: int


def repair(source: Path, target: Path) -> RepairResult:
    """Write the readable answers and cards of `source` to the new store `target`; `source` is untouched."""
    from quiz.progress.store import Store
    from quiz.progress.store_checks import SQLITE_MAGIC

    source, target = Path(source), Path(target)
    if target.exists() or target.is_symlink():
        raise StoreError(M.REPAIR_TARGET_EXISTS.format(path=target))
    if not source.is_file():
        raise StoreError(M.REPAIR_NO_SOURCE.format(path=source))
    try:
        with source.open("rb") as f:
            if f.read(16) != SQLITE_MAGIC:
                raise StoreError(M.REPAIR_NOT_SQLITE.format(path=source))
    except OSError as err:
        raise StoreError(M.REPAIR_UNREADABLE.format(path=source, reason=M.os_reason(err))) from None
    with tempfile.TemporaryDirectory(prefix="quiz-repair-") as scratch:
        copy = Path(scratch) / "old.db"
        try:
            for suffix in ("", "-wal"):
                part = source.with_name(source.name + suffix)
                if part.exists():
                    shutil.copyfile(part, copy.with_name(copy.name + suffix))
        except OSError as err:
            raise StoreError(M.REPAIR_UNREADABLE.format(path=source, reason=M.os_reason(err))) from None
        reviews, reviews_lost, cards, cards_lost = _read_all(copy)
        kept = _read_kept(copy)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        os.unlink(name)  # Store.open makes a fresh store at this free name
    except OSError as err:
        raise StoreError(M.REPAIR_UNWRITABLE.format(path=target, reason=M.os_reason(err))) from None
    partial = Path(name)
    try:
        Store.open(partial).close()
        conn = sqlite3.connect(partial, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(
                f"INSERT INTO reviews ({', '.join(_REVIEW_COLUMNS)})"
                f" VALUES ({', '.join('?' * len(_REVIEW_COLUMNS))})",
                reviews,
            )
            conn.executemany(
                f"INSERT INTO cards ({', '.join(_CARD_COLUMNS)}) VALUES ({', '.join('?' * 12)})"
                " ON CONFLICT (bank, question) DO NOTHING",
                cards,
            )
            write_kept_tables(conn, kept)  # the seed, plans, fitted parameters, bank paths
            conn.execute("COMMIT")
        finally:
            conn.close()
        with Store.open(partial) as store:
            store.check()
        try:
            os.link(partial, target)  # never clobbers a file that appeared meanwhile
        except FileExistsError:
            raise StoreError(M.REPAIR_TARGET_EXISTS.format(path=target)) from None
        except OSError:
            if target.exists():
                raise StoreError(M.REPAIR_TARGET_EXISTS.format(path=target)) from None
            os.replace(partial, target)
    except sqlite3.Error as err:
        raise StoreError(M.REPAIR_UNWRITABLE.format(path=target, reason=str(err)[:80])) from None
    except OSError as err:
        raise StoreError(M.REPAIR_UNWRITABLE.format(path=target, reason=M.os_reason(err))) from None
    finally:
        for suffix in ("", "-wal", "-shm"):
            leftover = partial.with_name(partial.name + suffix)
            if leftover.exists():
                leftover.unlink()
    return RepairResult(len(reviews), reviews_lost, len(cards), cards_lost)


# --- reading what can be read ---------------------------------------------------------------------


def _read_kept(copy: Path) -> dict[str, list[tuple]]:
    """The rows of the tables a rebuilt store keeps (`KEPT_TABLES`), read from the damaged copy while it
    is still there; a table that cannot be read is simply absent."""
    try:
        old = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return read_kept_tables(old)
    finally:
        old.close()


def _read_all(copy: Path) -> tuple[list[tuple], int, list[tuple], int]:
    try:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return [], 0, [], 0
    conn.text_factory = bytes
    try:
        review_columns = _columns(conn, "reviews")
        raw_reviews = _rows(conn, "reviews", review_columns, ("id",)) if "id" in review_columns else []
        card_columns = _columns(conn, "cards")
        raw_cards = _rows(conn, "cards", card_columns, ("bank", "question")) if card_columns else []
    finally:
        conn.close()
    reviews = _with_targets(
        [
            r
            for r in (_review(dict(zip(review_columns, row, strict=True))) for row in raw_reviews)
            if r is not None
        ]
    )
    cards = [
        c for c in (_card(dict(zip(card_columns, row, strict=True))) for row in raw_cards) if c is not None
    ]
    return reviews, len(raw_reviews) - len(reviews), cards, len(raw_cards) - len(cards)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    except sqlite3.DatabaseError:
        return []
    names = [row[1].decode("utf-8", "replace") if isinstance(row[1], bytes) else row[1] for row in rows]
    wanted = _REVIEW_COLUMNS if table == "reviews" else _CARD_COLUMNS
    return [name for name in wanted if name in names]


def _rows(conn: sqlite3.Connection, table: str, columns: list[str], key: tuple[str, ...]) -> list[tuple]:
    """Every readable row of `table`: a forward scan, a backward one, and (rowid tables) seeks between."""
    select = f"SELECT {', '.join(columns)} FROM {table}"
    keys = [columns.index(k) for k in key]
    seen: dict[tuple, tuple] = {}

    def scan(where: str, params: tuple, order: str) -> list[tuple]:
        return conn.execute(f"{select} {where} ORDER BY {order} LIMIT {_BATCH}", params).fetchall()

    def walk(descending: bool) -> tuple | None:
        """Rows from one end until damage; the last key reached (None: the scan ended cleanly)."""
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"{k} {direction}" for k in key)
        compare = "<" if descending else ">"
        bound: tuple | None = None
        while True:
            # keys read as bytes go back as text (a BLOB would compare above every text)
            marks = ", ".join("CAST(? AS TEXT)" if isinstance(v, bytes) else "?" for v in bound or ())
            where = f"WHERE ({', '.join(key)}) {compare} ({marks})" if bound else ""
            try:
                batch = scan(where, bound or (), order)
            except sqlite3.DatabaseError:
                return bound if bound is not None else ()
            if not batch:
                return None
            for row in batch:
                seen.setdefault(tuple(row[i] for i in keys), row)
            bound = tuple(batch[-1][i] for i in keys)

    low = walk(False)
    if low is not None:  # damage somewhere: read from the other end too
        high = walk(True)
        if key == ("id",) and high is not None:
            _probe(conn, select, low, high, lambda row: seen.setdefault((row[0],), row))
    return [seen[k] for k in sorted(seen)]


def _probe(
    conn: sqlite3.Connection, select: str, low: tuple, high: tuple, keep: Callable[[tuple], object]
) -> None:
    """Row ids between the two damaged ends, one seek at a time, skipping ids that fail."""
    start = int(low[0]) if low else 0
    stop = int(high[0]) if high else start + _MAX_PROBES
    current = start
    for _ in range(_MAX_PROBES):
        if current >= stop:
            return
        try:
            row = conn.execute(
                f"{select} WHERE id > ? AND id < ? ORDER BY id LIMIT 1", (current, stop)
            ).fetchone()
        except sqlite3.DatabaseError:
            current += 1
            continue
        if row is None:
            return
        keep(row)
        current = int(row[0])


def _text(value: object, *, lenient: bool = False) -> str | None:
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return value.decode("utf-8", "replace") if lenient else None
    return value if isinstance(value, str) else None


def _time(value: object) -> str | None:
    text = _text(value)
    if text is None:
        return None
    try:
        from_iso(text)
    except (ValueError, TypeError, OverflowError):
        return None
    return text


def _review(row: dict) -> tuple | None:
    at = _time(row.get("at"))
    bank, question = _text(row.get("bank")), _text(row.get("question"))
    answer = _text(row.get("answer"), lenient=True)
    verdict, mode = _text(row.get("verdict")), _text(row.get("mode"))
    fingerprint = _text(row.get("fingerprint", b"")) or ""
    rating, duration = row.get("rating"), row.get("duration_ms")
    state = _text(row.get("state_before")) if row.get("state_before") is not None else None
    scheduled = row.get("scheduled")
    corrects, correction = row.get("corrects"), _text(row.get("correction"))
    predicted = row.get("predicted")
    if (
        not isinstance(row.get("id"), int)
        or at is None
        or not bank
        or not question
        or answer is None
        or verdict not in VERDICTS
        or mode not in MODES
        or not (isinstance(rating, int) and 1 <= rating <= 4)
        or not (duration is None or (isinstance(duration, int) and duration >= 0))
        or not (state is None or state == "new" or state in CARD_STATES)
        or scheduled not in (None, 0, 1)
        or (corrects is None) != (correction is None)
        or not (corrects is None or (isinstance(corrects, int) and 0 < corrects < row["id"]))
        or not (correction is None or correction in CORRECTIONS)
        or not (predicted is None or (isinstance(predicted, (int, float)) and 0 <= predicted <= 1))
    ):
        return None
    return (
        row["id"],
        at,
        bank,
        question,
        answer,
        verdict,
        rating,
        duration,
        mode,
        fingerprint,
        state,
        scheduled,
        corrects,
        correction,
        predicted,
    )


_ID, _CORRECTS = _REVIEW_COLUMNS.index("id"), _REVIEW_COLUMNS.index("corrects")


def _with_targets(reviews: list[tuple]) -> list[tuple]:
    """Recovered rows without the corrections whose answer was lost (or is itself a correction, or was
    corrected already): a correction means nothing without its answer, and its trigger needs it."""
    answers = {r[_ID] for r in reviews if r[_CORRECTS] is None}
    corrected: set[int] = set()
    kept = []
    for review in reviews:
        target = review[_CORRECTS]
        if target is not None:
            if target not in answers or target in corrected:
                continue
            corrected.add(target)
        kept.append(review)
    return kept


def _card(row: dict) -> tuple | None:
    bank, question = _text(row.get("bank")), _text(row.get("question"))
    fsrs_card = _text(row.get("fsrs_card"))
    state, fingerprint = _text(row.get("state")), _text(row.get("fingerprint", b"")) or ""
    times = [_time(row.get(name)) for name in ("due", "first_review", "last_review")]
    numbers = [row.get(name) for name in ("stability", "difficulty")]
    counts = [row.get(name) for name in ("reps", "lapses")]
    if (
        not bank
        or not question
        or not fsrs_card
        or state not in CARD_STATES
        or None in times
        or not all(n is None or isinstance(n, (int, float)) for n in numbers)
        or not all(isinstance(c, int) and c >= 0 for c in counts)
    ):
        return None
    return (bank, question, fsrs_card, state, *numbers, times[0], *counts, times[1], times[2], fingerprint)
