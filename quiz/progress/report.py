"""The progress report, computed: banks + the progress store + a moment in, one plain dict out.

The dict is exactly what `quiz report --json` prints (its shape is documented in docs/report-json.md);
the terminal view (`quiz.ui.report_view`) and the HTML page (`quiz.ui.report_html`) only render it, so the
three always agree. No terminal I/O here, and neither `fsrs` nor `questionary` is imported.

Definitions
-----------
- **Counted questions**: every question of the chosen banks, except those tagged `draft` that were
  never answered (study and exam skip drafts unless asked for them).
- Each counted question is in exactly one of **new** (no scheduling state yet: never answered),
  **mastered** (expected to be recalled three weeks from now: `quiz.progress.scheduler.MASTERED_SQL`, i.e.
  FSRS stability >= days since the last review + 21) or **learning** (everything else that has been
  answered), so new + learning + mastered = questions.
- **due_now**: questions whose next review is at or before now; **due_today**: before the end
  of the learner's day (`quiz.progress.clock.today`, `QUIZ_TZ`); **forecast**: for each of the next 14 days
  (tomorrow first), the questions whose next review falls on that local day.
- **reviews** counts every answer given (study and exam); **correct** those judged `correct` or
  `almost`; **accuracy** = correct / reviews (null when there are no reviews).
- **streak_days**: the number of consecutive local days with at least one answer, ending today, or
  ending yesterday when nothing has been answered yet today (the streak is still alive until the day
  ends); 0 otherwise.
- **True retention** over the last N days (N = 7 and 30; the window is the learner's day N-1 days ago
  at 00:00 local time up to now): among the answers given in the window that moved a question on its
  FSRS schedule while the question was in the FSRS `review` state just before that answer — that is,
  after it had graduated from its learning steps and was not relearning after a lapse — the share
  judged correct (`correct` or `almost`). Answers during learning or relearning steps, answers to new
  questions, and answers that did not update the schedule (an exam, when exams leave cards alone)
  are left out, as Anki's "true retention" does. Since schema v3 each answer is logged with the
  card's state just before it (`reviews.state_before`) and whether it moved the card
  (`reviews.scheduled`), so this is one sum over the window. Answers logged by older versions carry
  neither: a question with such an answer inside the window has its whole history replayed instead —
  its ratings, in the order they were recorded, through FSRS's step machine (`review_mask`): learning
  steps 1 min and 10 min, one relearning step of 10 min, as `quiz.progress.scheduler.Scheduler` configures
  fsrs; which answers moved the schedule is read from `cards.reps`: all of them, or (when reps equals
  the study answers only) those given in study mode. Both give the same figures
  (tests/test_report_recorded.py); 30 days after an upgrade nothing needs replaying any more.
- **Corrections** (schema v4): "Tôi đúng" (overrule) and undo are correcting rows of the log, never
  answers. Their trigger keeps `tallies` right (an undone answer is not counted, an overruled one is
  correct); true retention leaves undone answers out and counts overruled ones as correct; the
  heatmap counts answers, an undo taking its answer back. **overruled** lists the questions whose
  verdict the learner overruled, most often first (a hint to the author to add `accept` forms).
- **weakest**: answered questions with at least one lapse or one wrong answer, ordered by most lapses,
  then lowest retrievability now, then most wrong answers; the first 10.
- **orphans**: questions that have answers or a scheduling state in the store but are no longer in
  their bank (removed or renamed). When banks are named on the command line only those banks' ids are
  considered; with no BANK argument every bank id in the store is. Orphans are listed on their own
  and are left out of totals, banks, tags, retention, forecast and weakest; their answers still count
  as activity (streak and heatmap), which measure days studied.
- **heatmap**: answers per local day for the last 12 weeks: from the Monday 11 weeks before this
  week's Monday up to today (78 to 84 days).

Speed: nothing reads every answer. Per question, answers and correct ones come from `tallies` (kept by
a trigger at each insert, schema v3); true retention is one aggregate over the answers of the last 30
days (`reviews_at`); the heatmap counts its 12 weeks through `reviews_at`, and a longer streak probes one
index entry per older day. `benchmarks/report.py` (1,000,000 answers over 10,000 questions): about
0.15-0.25 s for `build_report`; a store just upgraded from v2 replays the histories of the questions
answered in the last 30 days (read as one `group_concat` string each through `reviews_card`), about
as slow as before v3, until those answers leave the window.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from quiz.bank.model import Bank, Question, tag_key
from quiz.progress.clock import day_bounds, localize, to_iso, today
from quiz.progress.replay import (
    _HISTORY_SQL,
    _T_RATING,
    _T_RIGHT,
    _T_STUDY_ONLY,
    _T_WIN7,
    _T_WIN30,
    _bits,
    review_mask,
)

REPORT_SCHEMA = 1
FORECAST_DAYS = 14
HEATMAP_WEEKS = 12
WEAKEST_COUNT = 10
RETENTION_WINDOWS = (7, 30)
DRAFT_TAG = "draft"
# the ids of the answers corrected by a correcting row of one kind (partial index reviews_corrects)
_CORRECTED = "SELECT corrects FROM reviews WHERE corrects IS NOT NULL AND correction = '{kind}'"
_STREAK_CHUNK_DAYS = 300  # days per activity query when a streak goes back further (3 SQL variables each)

# --- intermediate rows ---------------------------------------------------------------------------------

# A tally is a list of counts in this order (fast to add up for 10,000 questions).
_FIELDS = ("questions", "new", "learning", "mastered", "due_now", "due_today", "reviews", "correct")
_REVIEWS, _CORRECT = _FIELDS.index("reviews"), _FIELDS.index("correct")


@dataclass
class _Card:
    state: str
    stability: float | None
    due: str
    last_review: str
    lapses: int
    reps: int
    mastered: bool


@dataclass
class _Retention:
    days: int
    since: date
    reviews: int = 0
    correct: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "since": self.since.isoformat(),
            "reviews": self.reviews,
            "correct": self.correct,
            "rate": _ratio(self.correct, self.reviews),
        }


def _tally_dict(tally: list[int]) -> dict[str, Any]:
    out: dict[str, Any] = dict(zip(_FIELDS, tally, strict=True))
    out["accuracy"] = _ratio(tally[_CORRECT], tally[_REVIEWS])
    return out


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _is_draft(question: Question) -> bool:
    return any(tag_key(tag) == DRAFT_TAG for tag in question.tags)


def _local_iso(moment: datetime) -> str:
    return localize(moment).isoformat(timespec="seconds")


# --- reading the store ---------------------------------------------------------------------------------


def _scope(bank_ids: Sequence[str] | None, column: str = "bank") -> tuple[str, list[object]]:
    if bank_ids is None:
        return "", []
    return f"{column} IN ({', '.join('?' * len(bank_ids))})", list(bank_ids)


def _read_cards(store: Any, now: datetime, bank_ids: Sequence[str] | None) -> dict[tuple[str, str], _Card]:
    from quiz.progress.scheduler import MASTERED_SQL

    where, params = _scope(bank_ids)
    sql = (
        "SELECT bank, question, state, stability, due, last_review, lapses, reps, "
        f"{MASTERED_SQL.replace(':now', '?')} FROM cards"
    )
    if where:
        sql += " WHERE " + where
    rows = store.query(sql, [to_iso(now), *params])
    return {(r[0], r[1]): _Card(r[2], r[3], r[4], r[5], int(r[6]), int(r[7]), bool(r[8])) for r in rows}


def _read_tallies(
    store: Any, bank_ids: Sequence[str] | None
) -> dict[tuple[str, str], tuple[int, int, str, int]]:
    """Per question answered: (answers, correct answers, last answer, answers overruled by the learner),
    from `tallies` (schema v3; corrections applied by their trigger, v4)."""
    where, params = _scope(bank_ids)
    # a question whose only answers were undone has a tally of no answers: it was never answered
    sql = "SELECT bank, question, reviews, correct, last_at, overruled FROM tallies WHERE reviews > 0"
    if where:
        sql += " AND " + where
    return {(r[0], r[1]): (int(r[2]), int(r[3]), r[4], int(r[5] or 0)) for r in store.query(sql, params)}


def _read_unrecorded(store: Any, since30: datetime, bank_ids: Sequence[str] | None) -> set[tuple[str, str]]:
    """Questions with an answer in the 30-day window that was logged without its state (before v3)."""
    where, params = _scope(bank_ids)
    sql = "SELECT bank, question FROM tallies WHERE unrecorded_at >= ?"
    if where:
        sql += " AND " + where
    return {(r[0], r[1]) for r in store.query(sql, [to_iso(since30), *params])}


def _add_recorded_retention(
    retention: dict[int, _Retention],
    store: Any,
    since: dict[int, datetime],
    bank_ids: Sequence[str] | None,
    only: set[tuple[str, str]] | None,
) -> None:
    """Add the answers since each window's start logged as given in the review state and moving the card
    on its schedule (schema v3), and the correct ones among them: of every question, or of `only` these."""
    where, params = _scope(bank_ids)
    since7, since30 = to_iso(since[7]), to_iso(since[30])
    # reviews_at reads only the window; without the hint SQLite may walk every answer in question order.
    # Corrections (v4): an undone answer is left out, an overruled one counts as correct. Correcting rows
    # themselves are never `scheduled`.
    right = f"(verdict != 'wrong' OR id IN ({_CORRECTED.format(kind='overrule')}))"
    sql = (
        f"SELECT count(*), sum({right}), sum(at >= ?), sum(at >= ? AND {right})"
        + (", bank, question" if only is not None else "")
        + " FROM reviews INDEXED BY reviews_at WHERE at >= ? AND state_before = 'review' AND scheduled = 1"
        + f" AND id NOT IN ({_CORRECTED.format(kind='undo')})"
    )
    if where:
        sql += " AND " + where
    if only is not None:
        sql += " GROUP BY bank, question"
    for row in store.query(sql, [since7, since7, since30, *params]):
        if only is None or (row[4], row[5]) in only:
            retention[30].reviews += row[0]
            retention[30].correct += row[1] or 0
            retention[7].reviews += row[2] or 0
            retention[7].correct += row[3] or 0


_HISTORY_CHUNK = 400  # question ids per history query (SQLite may allow as few as 999 variables)


def _read_histories(
    store: Any, since30: datetime, since7: datetime, keys: set[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """For these questions: the coded history (see `_CODES`) of all their answers, one character per
    answer, in the order the answers were recorded."""
    by_bank: dict[str, list[str]] = {}
    for bank, question in sorted(keys):
        by_bank.setdefault(bank, []).append(question)
    histories: dict[tuple[str, str], str] = {}
    for bank, questions in by_bank.items():
        for i in range(0, len(questions), _HISTORY_CHUNK):
            chunk = questions[i : i + _HISTORY_CHUNK]
            # Reading through reviews_card (bank, question, id, …: schema v2) groups without sorting and
            # hands group_concat each question's answers in the order they were recorded (the order FSRS
            # saw them).
            sql = (
                f"SELECT bank, question, {_HISTORY_SQL} FROM reviews INDEXED BY reviews_card"
                f" WHERE bank = ? AND question IN ({', '.join('?' * len(chunk))}) AND corrects IS NULL"
                " GROUP BY bank, question"
            )
            rows = store.query(sql, [to_iso(since30), to_iso(since7), bank, *chunk])
            histories.update(((b, q), history) for b, q, history in rows)
    return histories


def _day_ranges(days: Sequence[date]) -> tuple[str, list[object]]:
    """`WITH d(i, s, e)`: the i-th day's [start, end) in UTC, as SQL and its parameters."""
    values = []
    params: list[object] = []
    for i, day in enumerate(days):
        start, end = day_bounds(day)
        values.append("(?, ?, ?)")
        params += [i, to_iso(start), to_iso(end)]
    return f"WITH d(i, s, e) AS (VALUES {', '.join(values)}) ", params


def _daily_counts(store: Any, days: Sequence[date], bank_ids: Sequence[str] | None) -> dict[date, int]:
    """Answers per local day (days with none are absent)."""
    if not days:
        return {}
    sql, params = _day_ranges(days)
    where, scope_params = _scope(bank_ids, "r.bank")
    # Without the hint, a bank filter makes SQLite walk the bank's answers once per day (reviews_card).
    # an answer counts once; a correcting row not at all, and an undo takes its answer back
    counted = "sum(CASE WHEN r.corrects IS NULL THEN 1 WHEN r.correction = 'undo' THEN -1 ELSE 0 END)"
    sql += (
        f"SELECT d.i, {counted} FROM d JOIN reviews AS r INDEXED BY reviews_at ON r.at >= d.s AND r.at < d.e"
    )
    if where:
        sql += " AND " + where
    sql += " GROUP BY d.i"
    rows = store.query(sql, [*params, *scope_params])
    return {days[int(i)]: int(n) for i, n in rows if n}


def _active_days(store: Any, days: Sequence[date], bank_ids: Sequence[str] | None) -> set[date]:
    """Which of these local days have at least one answer: one probe of `reviews_at` per day, where
    counting them would read every answer of those days."""
    sql, params = _day_ranges(days)
    where, scope_params = _scope(bank_ids, "r.bank")
    sql += (
        "SELECT d.i FROM d WHERE EXISTS (SELECT 1 FROM reviews AS r INDEXED BY reviews_at"
        " WHERE r.at >= d.s AND r.at < d.e AND r.corrects IS NULL"
    )
    if where:
        sql += " AND " + where
    sql += ")"
    return {days[int(i)] for (i,) in store.query(sql, [*params, *scope_params])}


def _streak(
    store: Any, day: date, activity: dict[date, int], oldest_known: date, bank_ids: Sequence[str] | None
) -> int:
    """Consecutive active days ending today (or yesterday when today has no answers yet).

    `activity` holds the answers per day from `oldest_known` to `day`; older days are read as needed
    (the days before the first answer have none, so the count always ends).
    """
    cursor = day if activity.get(day) else day - timedelta(days=1)
    active = {d for d, n in activity.items() if n}
    streak = 0
    while True:
        if cursor < oldest_known:
            chunk = [cursor - timedelta(days=i) for i in range(_STREAK_CHUNK_DAYS)]
            active |= _active_days(store, chunk, bank_ids)
            oldest_known = chunk[-1]
        if cursor not in active:
            return streak
        streak += 1
        cursor -= timedelta(days=1)


# --- the report -------------------------------------------------------------------------------------------


def heatmap_days(day: date) -> list[date]:
    """The heatmap's days: from the Monday 11 weeks before this week's Monday up to `day`."""
    monday = day - timedelta(days=day.weekday())
    start = monday - timedelta(weeks=HEATMAP_WEEKS - 1)
    return [start + timedelta(days=i) for i in range((day - start).days + 1)]


def build_report(
    banks: Sequence[Bank], progress: Path, now: datetime, *, all_banks: bool = True
) -> dict[str, Any]:
    """The report for `banks` from the progress file at `progress`, as of `now`.

    A missing file is an empty store: it is not created. A file that is not a quiz store (or is
    corrupt) raises `StoreError` from `Store.open`. `all_banks` says that `banks` is every bank
    found (so answers of bank ids not among them are orphans); otherwise only those banks' answers
    are read.
    """
    if not Path(progress).exists():
        return compute_report(banks, None, now, all_banks=all_banks, progress=progress)
    from quiz.progress.store import Store

    with Store.open(progress) as store:
        return compute_report(banks, store, now, all_banks=all_banks, progress=progress)


def compute_report(
    banks: Sequence[Bank],
    store: Any | None,
    now: datetime,
    *,
    all_banks: bool = True,
    progress: Path | str | None = None,
) -> dict[str, Any]:
    """The report dict (the `--json` shape) for `banks` and an open `Store` (None: nothing answered yet)."""
    from bisect import bisect_right

    from quiz.progress.scheduler import retrievability

    if now.tzinfo is None:
        raise ValueError("naive datetime: use an aware datetime (quiz.progress.clock.now())")
    now = now.astimezone(timezone.utc)
    day = today(now)
    since = {n: day_bounds(day - timedelta(days=n - 1))[0] for n in RETENTION_WINDOWS}
    bank_ids = None if all_banks else list(dict.fromkeys(b.id for b in banks))
    heat_days = heatmap_days(day)

    banks = list(banks)
    from_path: set[str] = set()
    lost: list[tuple[str, str, str]] = []
    seen_at: dict[str, datetime] = {}
    if store is not None and all_banks:
        # banks studied by path (`quiz study my.yaml`): found again where they were studied from
        from quiz.bank.library import find_remembered

        remembered = store.bank_paths()
        seen_at = {bank: when for bank, (_path, when) in remembered.items()}
        found, lost = find_remembered({b: p for b, (p, _w) in remembered.items()}, [b.id for b in banks])
        banks += found
        from_path = {b.id for b in found}

    tallies: dict[tuple[str, str], tuple[int, int, str, int]] = {}
    unrecorded: set[tuple[str, str]] = set()
    histories: dict[tuple[str, str], str] = {}
    cards: dict[tuple[str, str], _Card] = {}
    activity: dict[date, int] = {}
    streak = 0
    if store is not None:
        cards = _read_cards(store, now, bank_ids)
        tallies = _read_tallies(store, bank_ids)
        # Answers logged before schema v3 carry no state: replay those questions' whole histories.
        unrecorded = _read_unrecorded(store, since[30], bank_ids)
        if unrecorded:
            histories = _read_histories(store, since[30], since[7], unrecorded)
        activity = _daily_counts(store, heat_days, bank_ids)
        streak = _streak(store, day, activity, heat_days[0], bank_ids)

    now_iso, end_today_iso = to_iso(now), to_iso(day_bounds(day)[1])
    forecast_days = [day + timedelta(days=i) for i in range(1, FORECAST_DAYS + 1)]
    forecast_ends = [to_iso(day_bounds(d)[1]) for d in forecast_days]
    forecast_start, forecast_end = to_iso(day_bounds(forecast_days[0])[0]), forecast_ends[-1]
    forecast = [0] * FORECAST_DAYS
    retention = {n: _Retention(n, day - timedelta(days=n - 1)) for n in RETENTION_WINDOWS}
    bank_rows: list[dict[str, Any]] = []
    bank_tallies: list[list[int]] = []
    tags: dict[str, tuple[str, list[tuple[int, ...]]]] = {}
    weak: list[tuple[tuple[Any, ...], Question, _Card | None, int, int]] = []
    overruled: list[dict[str, Any]] = []
    known: set[tuple[str, str]] = set()
    counted: set[tuple[str, str]] = set()  # questions whose recorded states count in true retention

    for bank in banks:
        ones: list[tuple[int, ...]] = []
        for question in bank.questions:
            key = (bank.id, question.id)
            known.add(key)
            card = cards.get(key)
            answered = tallies.get(key)
            reviews, correct = (answered[0], answered[1]) if answered is not None else (0, 0)
            # questions, new, learning, mastered, due_now, due_today, reviews, correct
            if card is not None:
                due, mastered = card.due, card.mastered
                one = (
                    1,
                    0,
                    0 if mastered else 1,
                    1 if mastered else 0,
                    1 if due <= now_iso else 0,
                    1 if due < end_today_iso else 0,
                    reviews,
                    correct,
                )
                if forecast_start <= due < forecast_end:
                    forecast[bisect_right(forecast_ends, due)] += 1
                if answered is not None:
                    history = histories.get(key)
                    if history:
                        _add_retention(retention, card, history)
                    elif key not in unrecorded:
                        counted.add(key)
            elif answered is not None:
                one = (1, 0, 1, 0, 0, 0, reviews, correct)  # answered only in exams that left it alone
            elif _is_draft(question):
                continue
            else:
                one = (1, 1, 0, 0, 0, 0, 0, 0)
            ones.append(one)
            for tag in dict.fromkeys(question.tags):
                tags.setdefault(tag_key(tag), (tag, []))[1].append(one)
            if answered is not None and answered[3]:
                overruled.append(
                    {
                        "bank": bank.id,
                        "id": question.id,
                        "prompt": question.display_prompt,
                        "overruled": answered[3],
                        "reviews": reviews,
                    }
                )
            lapses = card.lapses if card is not None else 0
            if lapses or reviews != correct:
                recall = 0.0
                if card is not None and card.stability:
                    elapsed = (now - datetime.fromisoformat(card.last_review)).total_seconds() / 86400
                    recall = retrievability(card.stability, elapsed)
                order = (-lapses, recall, correct - reviews, bank.id, question.id)
                weak.append((order, question, card, reviews, correct))
        tally = _sum_columns(ones)
        bank_tallies.append(tally)
        bank_rows.append(
            {
                "bank": bank.id,
                "title": bank.title,
                **_tally_dict(tally),
                "path": str(bank.path) if bank.path is not None else None,
                "from_path": bank.id in from_path,
            }
        )
    totals = _sum_columns(bank_tallies)
    if store is not None:
        # Every answered question counts (the usual case): one sum over the window, no grouping.
        every = not unrecorded and len(counted) == len(tallies)
        _add_recorded_retention(retention, store, since, bank_ids, None if every else counted)

    lost_ids = {bank_id for bank_id, _path, _why in lost}
    missing_banks = []
    for bank_id, path, why in lost:
        counts = [t for (b, _q), t in tallies.items() if b == bank_id]
        if not counts and not any(b == bank_id for b, _q in cards):
            continue  # remembered, never answered: nothing of it is missing from the report
        missing_banks.append(
            {
                "bank": bank_id,
                "path": path,
                "reason": why,
                "seen_at": _local_iso(seen_at[bank_id]),
                "questions": len({q for b, q in (set(cards) | set(tallies)) if b == bank_id}),
                "reviews": sum(t[0] for t in counts),
                "correct": sum(t[1] for t in counts),
                "last_review": _local_iso(datetime.fromisoformat(max(t[2] for t in counts)))
                if counts
                else None,
            }
        )

    orphans = []
    for key in sorted((set(cards) | set(tallies)) - known):
        if key[0] in lost_ids:
            continue  # listed with its bank in `missing_banks`
        card, answered = cards.get(key), tallies.get(key)
        last = answered[2] if answered else None
        if last is None and card is not None:
            last = card.last_review
        orphans.append(
            {
                "bank": key[0],
                "id": key[1],
                "reviews": answered[0] if answered else 0,
                "correct": answered[1] if answered else 0,
                "lapses": card.lapses if card is not None else 0,
                "last_review": _local_iso(datetime.fromisoformat(last)) if last else None,
            }
        )

    weakest = []
    for order, question, card, reviews, correct in heapq.nsmallest(WEAKEST_COUNT, weak, key=_first):
        weakest.append(
            {
                "bank": order[3],
                "id": question.id,
                "prompt": question.display_prompt,
                "reviews": reviews,
                "correct": correct,
                "lapses": -order[0],
                "retrievability": round(order[1], 4),
                "state": card.state if card is not None else "new",
                "overruled": tallies[(order[3], question.id)][3] if (order[3], question.id) in tallies else 0,
                "answer": question.canonical_answer(),
                "due": _local_iso(datetime.fromisoformat(card.due)) if card is not None else None,
            }
        )
    overruled.sort(key=lambda row: (-row["overruled"], row["bank"], row["id"]))
    total_dict = _tally_dict(totals)
    total_dict["streak_days"] = streak
    from quiz.progress.forecast import report_sections

    report = {
        "schema": REPORT_SCHEMA,
        "generated_at": _local_iso(now),
        "today": day.isoformat(),
        "progress": str(progress) if progress is not None else None,
        "empty": not tallies,
        "totals": total_dict,
        "retention_7d": retention[7].as_dict(),
        "retention_30d": retention[30].as_dict(),
        "banks": bank_rows,
        "tags": [
            {"tag": label, **_tally_dict(_sum_columns(rows))}
            for _k, (label, rows) in sorted(tags.items(), key=_tag_order)
        ],
        "forecast": [{"date": d.isoformat(), "due": n} for d, n in zip(forecast_days, forecast, strict=True)],
        "heatmap": [{"date": d.isoformat(), "reviews": activity.get(d, 0)} for d in heat_days],
        "weakest": weakest,
        "overruled": overruled,
        "orphans": orphans,
        "missing_banks": missing_banks,
    }
    report.update(report_sections(banks, store, now, bank_ids))  # readiness, calibration, leeches (issue 16)
    return report


def _first(item: tuple[Any, ...]) -> Any:
    return item[0]


def _sum_columns(rows: Sequence[Sequence[int]]) -> list[int]:
    """Column sums of equally long rows of counts (a tally per row): `_FIELDS` order."""
    return [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * len(_FIELDS)


def _tag_order(item: tuple[str, tuple[str, list[tuple[int, ...]]]]) -> tuple[str, str]:
    from quiz.text.vietnamese import fold

    return (fold(item[0]), item[0])


def _add_retention(retention: dict[int, _Retention], card: _Card, history: str) -> None:
    """Count this question's answers in the retention windows that were given in the `review` state."""
    if card.reps != len(history):
        study_only = history.translate(_T_STUDY_ONLY)
        if card.reps == len(study_only):
            history = study_only  # its exam answers did not move it on its schedule
    in_review = review_mask(history.translate(_T_RATING))
    if not in_review:
        return
    right = _bits(history.translate(_T_RIGHT))
    for n, table in ((7, _T_WIN7), (30, _T_WIN30)):
        counted = in_review & _bits(history.translate(table))
        retention[n].reviews += counted.bit_count()
        retention[n].correct += (counted & right).bit_count()
