"""Progress across devices: the answer log as JSONL, and an order-free merge of several logs into a store.

Export (`export_jsonl`): one JSON object per answer, in time order::

    {"id": "a-3f0c…", "at": "2026-11-23T01:00:00.000000+00:00", "bank": "…", "question": "…",
     "answer": "…", "verdict": "correct", "rating": 3, "duration_ms": 5200, "mode": "study",
     "fingerprint": "…", "scheduled": true}

A correction ("Tôi đúng" or undo, schema v4) travels as its own line with `"correction"` ('overrule' |
'undo') and `"corrects"`: the content id of the answer it corrects (row ids differ between stores), and
an id of its own (`c-…`, a hash of time, question, kind and that id). `"predicted"` is carried when known.

`id` is a hash of the answer's content (time, bank, question, answer, verdict, rating, duration, mode,
fingerprint), so the same answer has the same id on every machine and in every export.

Merge (`merge`): the union of the store's answers and those of the given files (JSONL exports or other
quiz progress files), without duplicates (same id). The store is then rebuilt from that union: every
answer in time order (ties by id), each question's card replayed through FSRS without fuzz (an undone
answer left out, an overruled one rated Good), the corrections after the answers, each answer
logged with the state its card had just before it. The result depends only on the union, so merging is
idempotent, commutative and associative: two machines that merge each other's exports, in any order and
any number of times, hold the same answers, the same card states and the same report.

The rebuilt log replaces the store's content through SQLite's backup API (a writer waiting on the file
sees the new content, and the WAL stays consistent); the store as it was is first copied beside it
(`…-truoc-khi-gop-<time>.sqlite`). Nothing is lost: the rebuilt log holds every answer of the old one.
A damaged or foreign file is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.errors import QuizError
from quiz.exchange.common import write_bytes_atomic
from quiz.progress.clock import from_iso, to_iso

SQLITE_MAGIC = b"SQLite format 3\x00"
VERDICTS = ("correct", "almost", "wrong")
MODES = ("study", "exam")
MAX_LINE = 64 * 1024
CORRECTIONS = ("overrule", "undo")


@dataclass(frozen=True)
class Answer:
    """One logged answer, as it travels between devices."""

    at: str  # to_iso form (fixed width UTC)
    bank: str
    question: str
    answer: str
    verdict: str
    rating: int
    duration_ms: int | None
    mode: str
    fingerprint: str
    scheduled: bool | None  # None: logged before schema v3 (then a study answer moved the card)
    correction: str | None = None  # a correcting row (v4): 'overrule' | 'undo' of the answer `corrects`
    corrects: str | None = None  # the corrected answer's content id
    predicted: float | None = None  # the recall FSRS predicted just before the answer (v4)

    @property
    def id(self) -> str:
        if self.correction is not None:
            raw = json.dumps(
                [self.at, self.bank, self.question, self.correction, self.corrects],
                ensure_ascii=False,
                separators=(",", ":"),
            )
            return "c-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]
        raw = json.dumps(
            [
                self.at,
                self.bank,
                self.question,
                self.answer,
                self.verdict,
                self.rating,
                self.duration_ms,
                self.mode,
                self.fingerprint,
            ],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return "a-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]

    @property
    def moves_card(self) -> bool:
        if self.correction is not None:
            return False
        return self.scheduled if self.scheduled is not None else self.mode == "study"

    def as_json(self) -> str:
        data = {
            "id": self.id,
            "at": self.at,
            "bank": self.bank,
            "question": self.question,
            "answer": self.answer,
            "verdict": self.verdict,
            "rating": self.rating,
            "duration_ms": self.duration_ms,
            "mode": self.mode,
            "fingerprint": self.fingerprint,
            "scheduled": self.scheduled,
        }
        if self.correction is not None:
            data["correction"], data["corrects"] = self.correction, self.corrects
        if self.predicted is not None:
            data["predicted"] = self.predicted
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _order(answer: Answer) -> tuple[str, str]:
    return (answer.at, answer.id)


# --- reading ------------------------------------------------------------------------------------------------


_SELECT = (
    "SELECT id, at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint, {scheduled},"
    " {corrections}, {predicted} FROM reviews ORDER BY at, id"
)


def _rows_to_answers(rows: Iterable[Sequence[Any]]) -> list[Answer]:
    """Rows of `_SELECT` as answers; a correcting row names its answer by that answer's content id."""
    rows = list(rows)
    answers: list[Answer] = []
    by_row: dict[int, Answer] = {}
    for r in sorted(rows, key=lambda r: r[11] is not None):  # answers first: corrections name them
        answer = Answer(
            at=to_iso(from_iso(r[1])),
            bank=r[2],
            question=r[3],
            answer=r[4],
            verdict=r[5],
            rating=int(r[6]),
            duration_ms=None if r[7] is None else int(r[7]),
            mode=r[8],
            fingerprint=r[9] or "",
            scheduled=None if r[10] is None else bool(r[10]),
            predicted=None if r[13] is None else float(r[13]),
        )
        if r[11] is not None:
            target = by_row.get(int(r[11]))
            if target is None or r[12] not in CORRECTIONS:
                continue  # a correction of an answer this log does not hold: nothing to correct
            answer = replace(answer, correction=r[12], corrects=target.id, scheduled=False, predicted=None)
        by_row[int(r[0])] = answer
        answers.append(answer)
    return sorted(answers, key=_order)


def store_answers(store: Any) -> list[Answer]:
    """Every answer (and correction) of an open `Store`, in time order."""
    rows = store.query(
        _SELECT.format(scheduled="scheduled", corrections="corrects, correction", predicted="predicted")
    )
    return _rows_to_answers(rows)


def export_jsonl(store: Any, path: Path) -> int:
    """Write the store's answer log to `path` as JSONL (all or nothing); the number of answers written."""
    answers = store_answers(store)
    data = "".join(a.as_json() + "\n" for a in answers).encode("utf-8")
    write_bytes_atomic(Path(path), data)
    return len(answers)


def _check_answer(data: Any) -> Answer:
    if not isinstance(data, dict):
        raise ValueError("not an object")
    text_keys = ("at", "bank", "question", "answer", "verdict", "mode")
    for key in text_keys:
        if not isinstance(data.get(key), str):
            raise ValueError(f"`{key}`")
    if data["verdict"] not in VERDICTS:
        raise ValueError("`verdict`")
    if data["mode"] not in MODES:
        raise ValueError("`mode`")
    rating = data.get("rating")
    if not isinstance(rating, int) or isinstance(rating, bool) or not 1 <= rating <= 4:
        raise ValueError("`rating`")
    duration = data.get("duration_ms")
    if duration is not None and (not isinstance(duration, int) or isinstance(duration, bool) or duration < 0):
        raise ValueError("`duration_ms`")
    scheduled = data.get("scheduled")
    if scheduled is not None and not isinstance(scheduled, bool):
        raise ValueError("`scheduled`")
    fingerprint = data.get("fingerprint", "")
    if not isinstance(fingerprint, str):
        raise ValueError("`fingerprint`")
    correction, corrects = data.get("correction"), data.get("corrects")
    if correction is not None and (correction not in CORRECTIONS or not isinstance(corrects, str)):
        raise ValueError("`correction`")
    if correction is None and corrects is not None:
        raise ValueError("`corrects`")
    predicted = data.get("predicted")
    if predicted is not None and (
        not isinstance(predicted, (int, float)) or isinstance(predicted, bool) or not 0 <= predicted <= 1
    ):
        raise ValueError("`predicted`")
    moment = from_iso(data["at"])
    nfc = unicodedata.normalize
    answer = Answer(
        at=to_iso(moment),
        bank=nfc("NFC", data["bank"]),
        question=nfc("NFC", data["question"]),
        answer=nfc("NFC", data["answer"]),
        verdict=data["verdict"],
        rating=rating,
        duration_ms=duration,
        mode=data["mode"],
        fingerprint=fingerprint,
        scheduled=False if correction is not None else scheduled,
        correction=correction,
        corrects=corrects,
        predicted=None if predicted is None or correction is not None else float(predicted),
    )
    if "id" in data and data["id"] != answer.id:
        raise ValueError("`id`")
    return answer


def read_jsonl(path: Path) -> list[Answer]:
    """The answers of a JSONL export; QuizError naming file:line on the first bad line."""
    answers: list[Answer] = []
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if len(raw) > MAX_LINE:
                    raise QuizError(M.JSONL_BAD_LINE.format(path=path, line=number, problem="> 64 KiB"))
                if not raw.strip():
                    continue
                try:
                    answers.append(_check_answer(json.loads(raw.decode("utf-8"))))
                except (ValueError, UnicodeDecodeError) as err:
                    problem = err.args[0] if isinstance(err, ValueError) and err.args else type(err).__name__
                    raise QuizError(
                        M.JSONL_BAD_LINE.format(path=path, line=number, problem=problem)
                    ) from None
    except OSError as err:
        raise QuizError(M.READ_FAILED.format(path=path, error=M.os_reason(err))) from None
    return answers


def read_store_file(path: Path) -> list[Answer]:
    """The answers of another quiz progress file, opened read-only (never migrated nor written)."""
    from quiz.progress.schema import SCHEMA_VERSION
    from quiz.progress.store_checks import APPLICATION_ID

    try:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    except sqlite3.Error:
        raise QuizError(M.MERGE_NOT_PROGRESS.format(path=path)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID or not 1 <= version <= SCHEMA_VERSION:
            raise QuizError(M.MERGE_NOT_PROGRESS.format(path=path))
        rows = conn.execute(
            _SELECT.format(
                scheduled="scheduled" if version >= 3 else "NULL",
                corrections="corrects, correction" if version >= 4 else "NULL, NULL",
                predicted="predicted" if version >= 4 else "NULL",
            )
        ).fetchall()
    except sqlite3.DatabaseError:
        raise QuizError(M.MERGE_NOT_PROGRESS.format(path=path)) from None
    finally:
        conn.close()
    return _rows_to_answers(rows)


def read_answers(path: Path) -> list[Answer]:
    """A JSONL export or a quiz progress file, told apart by their first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as err:
        raise QuizError(M.READ_FAILED.format(path=path, error=M.os_reason(err))) from None
    if head == SQLITE_MAGIC:
        return read_store_file(path)
    if head[:1] not in (b"{", b"\n", b"\r", b" ", b""):
        raise QuizError(M.MERGE_NOT_PROGRESS.format(path=path))
    return read_jsonl(path)


# --- replaying ----------------------------------------------------------------------------------------------


def replay_card_states(bank: str, question: str, answers: Sequence[tuple[str, int]]) -> list[tuple[str, Any]]:
    """Each (time, rating) through FSRS without fuzz: (state name just before, CardState after) per answer."""
    from quiz.progress.scheduler import Scheduler

    scheduler = Scheduler(fuzz=False)
    card = None
    steps: list[tuple[str, Any]] = []
    for at, rating in answers:
        before = "new" if card is None else card.state
        moment = from_iso(at) if isinstance(at, str) else at
        card = scheduler.review(card, bank, question, int(rating), moment, card.fingerprint if card else "")
        steps.append((before, card))
    return steps


# --- merging ------------------------------------------------------------------------------------------------


@dataclass
class MergeReport:
    store: Path
    backup: Path | None
    before: int  # answers in the store before
    after: int  # answers in the store after
    sources: list[tuple[Path, int, int]] = field(default_factory=list)  # (file, answers read, new ones)
    questions: int = 0  # questions whose card state was rebuilt

    @property
    def added(self) -> int:
        return self.after - self.before


def union(*logs: Iterable[Answer]) -> list[Answer]:
    """The answers of all logs, each once, in time order (ties by id)."""
    seen: dict[str, Answer] = {}
    for log in logs:
        for answer in log:
            old = seen.get(answer.id)
            # The same answer from a pre-v3 store (scheduled unknown) and from a newer one: keep the known.
            if old is None or (old.scheduled is None and answer.scheduled is not None):
                seen[answer.id] = answer
    return sorted(seen.values(), key=_order)


def build_rows(answers: Sequence[Answer]) -> tuple[list[tuple], list[tuple]]:
    """The `reviews` rows (`_ROW_COLUMNS`) and `cards` rows of a store holding `answers`.

    Answers come first, in time order, then the corrections, each naming its answer's new row id. An
    answer is corrected once: the first correction (time, id) of it counts, later ones are dropped, as
    are corrections of answers not in the log. An undone answer does not move its card, an overruled
    one moves it as Good (the store's `apply_corrections`).
    """
    from quiz.progress.card import OVERRULED_RATING

    plain = [a for a in answers if a.correction is None]
    known = {a.id for a in plain}
    corrections: dict[str, Answer] = {}
    for answer in answers:
        if answer.correction is not None and answer.corrects in known and answer.corrects not in corrections:
            corrections[answer.corrects] = answer
    by_question: dict[tuple[str, str], list[Answer]] = {}
    for answer in plain:
        by_question.setdefault((answer.bank, answer.question), []).append(answer)
    state_of: dict[str, str] = {}
    card_rows: list[tuple] = []
    for (bank, question), group in sorted(by_question.items()):

        def kind(answer: Answer) -> str | None:
            fix = corrections.get(answer.id)
            return fix.correction if fix is not None else None

        moving = [a for a in group if a.moves_card and kind(a) != "undo"]
        ratings = [OVERRULED_RATING if kind(a) == "overrule" else a.rating for a in moving]
        steps = replay_card_states(bank, question, [(a.at, r) for a, r in zip(moving, ratings, strict=True)])
        last = None
        moved = iter(zip(moving, steps, strict=True))
        pending = next(moved, None)
        current = "new"
        for answer in group:
            if pending is not None and pending[0] is answer:
                state_of[answer.id] = pending[1][0]
                current = pending[1][1].state
                last = (answer, pending[1][1])
                pending = next(moved, None)
            else:
                state_of[answer.id] = current
        if last is not None:
            answer, card = last
            card = _with_fingerprint(card, answer.fingerprint)
            card_rows.append(card.row())
    row_of = {a.id: n for n, a in enumerate(plain, 1)}
    review_rows: list[tuple] = [
        (
            row_of[a.id],
            a.at,
            a.bank,
            a.question,
            a.answer,
            a.verdict,
            a.rating,
            a.duration_ms,
            a.mode,
            a.fingerprint,
            state_of[a.id],
            int(a.moves_card),
            None,
            None,
            a.predicted,
        )
        for a in plain
    ]
    fixes = sorted(corrections.values(), key=_order)
    review_rows += [
        (
            len(plain) + n,
            c.at,
            c.bank,
            c.question,
            c.answer,
            c.verdict,
            c.rating,
            None,
            c.mode,
            c.fingerprint,
            None,
            0,
            row_of[c.corrects or ""],
            c.correction,
            None,
        )
        for n, c in enumerate(fixes, 1)
    ]
    return review_rows, card_rows


_ROW_COLUMNS = (
    "id, at, bank, question, answer, verdict, rating, duration_ms, mode, fingerprint, state_before,"
    " scheduled, corrects, correction, predicted"
)


def _with_fingerprint(card: Any, fingerprint: str) -> Any:
    from dataclasses import replace

    return replace(card, fingerprint=fingerprint)


def _write_store(path: Path, answers: Sequence[Answer]) -> None:
    from quiz.progress.store import Store

    Store.open(path).close()  # the current schema, empty
    review_rows, card_rows = build_rows(answers)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            f"INSERT INTO reviews ({_ROW_COLUMNS}) VALUES ({', '.join('?' * 15)})",
            review_rows,
        )
        conn.executemany(
            "INSERT INTO cards (bank, question, fsrs_card, state, stability, difficulty, due, reps, lapses,"
            " first_review, last_review, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            card_rows,
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _keep_tables(store_path: Path, rebuilt: Path) -> None:
    """This machine's seed, exam plans, fitted FSRS parameters and bank paths, into the rebuilt store
    (another device's are not taken: they are that device's own)."""
    from quiz.progress.schema import read_kept_tables, write_kept_tables

    mine = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    new = sqlite3.connect(rebuilt, isolation_level=None)
    try:
        new.execute("BEGIN IMMEDIATE")
        write_kept_tables(new, read_kept_tables(mine))
        new.execute("COMMIT")
    finally:
        mine.close()
        new.close()


def merge(store_path: Path, files: Sequence[Path], *, now: datetime | None = None) -> MergeReport:
    """Merge the answers of `files` into the store at `store_path` (see the module docstring)."""
    from quiz.progress.store import Store

    store_path = Path(store_path)
    logs: list[list[Answer]] = []
    report_sources: list[tuple[Path, int, int]] = []
    with Store.open(store_path) as store:  # refuses a damaged or foreign store before anything is written
        mine = store_answers(store)
    known = {a.id for a in mine}
    for file in files:
        file = Path(file)
        if file.resolve() == store_path.resolve():
            raise QuizError(M.MERGE_SAME_FILE.format(path=file))
        answers = read_answers(file)
        new = {a.id for a in answers} - known
        known |= new
        report_sources.append((file, len(answers), len(new)))
        logs.append(answers)
    merged = union(mine, *logs)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    stem = f"{store_path.stem}-truoc-khi-gop-{moment:%Y%m%dT%H%M%S}"
    backup = store_path.with_name(stem + store_path.suffix)
    for n in range(2, 1000):  # never over an earlier copy
        if not backup.exists():
            break
        backup = store_path.with_name(f"{stem}-{n}{store_path.suffix}")
    with tempfile.TemporaryDirectory(prefix=".quiz-merge-", dir=store_path.parent) as tmp:
        rebuilt = Path(tmp) / "merged.sqlite"
        _write_store(rebuilt, merged)
        _keep_tables(store_path, rebuilt)
        source = sqlite3.connect(rebuilt)
        target = sqlite3.connect(store_path, timeout=5)
        try:
            if mine:
                copy = sqlite3.connect(backup)
                try:
                    target.backup(copy)
                finally:
                    copy.close()
            count = target.execute("SELECT count(*) FROM reviews").fetchone()[0]
            if count != len(mine):  # a study session wrote meanwhile: start again rather than lose it
                raise QuizError(M.MERGE_BUSY.format(path=store_path))
            source.backup(target)
        except sqlite3.Error as err:
            reason = M.MERGE_LOCKED if "locked" in str(err) or "busy" in str(err) else M.MERGE_SQLITE
            raise QuizError(M.MERGE_FAILED.format(path=store_path, error=reason)) from None
        finally:
            source.close()
            target.close()
    return MergeReport(
        store=store_path,
        backup=backup if mine else None,
        before=len(mine),
        after=len(merged),
        sources=report_sources,
        questions=len({(a.bank, a.question) for a in merged}),
    )
