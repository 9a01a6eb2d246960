"""Readiness for an exam, how well FSRS's predictions held, and leeches: three parts of the report dict.

- **readiness**: the predicted share of questions recalled on a day — the active plan's exam day, else
  today — if nothing more is studied: per question FSRS's recall at the start of that day (0 for a
  question never answered), averaged over all questions, per bank and per tag. The range is honest
  about two doubts: chance (the recall of N questions is a sum of N coin flips: ± 1.96 standard
  deviations) and the model (widened by how far FSRS's predictions were from this learner's real
  answers, `calibration.gap`; by `UNCALIBRATED_GAP` while fewer than `MIN_CALIBRATION` answers were
  logged with a prediction).
- **calibration**: every answer logged with the recall FSRS predicted just before it
  (`reviews.predicted`, schema v4), in ten bins of predicted recall, each with its share really
  answered right: the reliability plot of the HTML report; and per day of mock exams (`quiz exam`), the
  predicted score against the real one.
- **leeches**: questions forgotten at least `LEECH_LAPSES` times after being learnt, with a suggestion
  to the bank's author.

Only SQL through `Store.query` and the card states; no fsrs import. Cost on `benchmarks/report.py`'s store
(10,000 questions, 1,000,000 answers): about 0.25 s, most of it one scan of `reviews` for the calibration
bins (no index covers `predicted`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any

from quiz import messages as M
from quiz.bank.model import Bank
from quiz.progress.clock import day_bounds, local_timezone, today
from quiz.progress.memory import DEFAULT_PARAMETERS, Model

LEECH_LAPSES = 4
MIN_CALIBRATION = 20
UNCALIBRATED_GAP = 0.10
BINS = 10


def is_leech(lapses: int) -> bool:
    return lapses >= LEECH_LAPSES


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def active_plan(store: Any) -> dict[str, Any] | None:
    """The active plan as plain values (`created`, `exam_date`, `minutes`, `banks`), or None."""
    if store is None:
        return None
    plan = store.active_plan()
    if plan is None:
        return None
    created, exam_date, minutes, banks = plan
    return {"created": created, "exam_date": exam_date, "minutes": minutes, "banks": banks}


def model_of(store: Any) -> Model:
    """FSRS with the learner's kept fitted parameters, else the defaults."""
    fitted = store.fitted_parameters() if store is not None else None
    return Model(fitted) if fitted else Model(DEFAULT_PARAMETERS)


def calibration(store: Any, bank_ids: Sequence[str] | None = None) -> dict[str, Any]:
    """Predicted recall against real answers (see the module docstring)."""
    bins = [[0, 0.0, 0] for _ in range(BINS)]  # answers, sum of predicted, right
    exams: dict[date, list[float]] = {}
    if store is not None:
        where, params = "", []
        if bank_ids is not None:
            where = f" AND bank IN ({', '.join('?' * len(bank_ids))})"
            params = list(bank_ids)
        logged = f"FROM reviews WHERE predicted IS NOT NULL AND corrects IS NULL{where}"
        # One aggregate per bin (a store of a million answers is not read row by row), then the exam
        # answers, which are few, one by one for their local day.
        for slot, count, total, right in store.query(
            f"SELECT min({BINS - 1}, CAST(predicted * {BINS} AS INTEGER)), count(*), sum(predicted),"
            f" sum(verdict IN ('correct', 'almost')) {logged} GROUP BY 1",
            params,
        ):
            bins[int(slot)] = [int(count), float(total), int(right)]
        zone = local_timezone()
        for predicted, right, at in store.query(
            f"SELECT predicted, verdict IN ('correct', 'almost'), at {logged} AND mode = 'exam'", params
        ):
            exam = exams.setdefault(datetime.fromisoformat(at).astimezone(zone).date(), [0, 0.0, 0])
            exam[0] += 1
            exam[1] += float(predicted)
            exam[2] += int(right)
    answers = sum(b[0] for b in bins)
    predicted_mean = sum(b[1] for b in bins) / answers if answers else None
    actual = sum(b[2] for b in bins) / answers if answers else None
    gap = abs(predicted_mean - actual) if predicted_mean is not None and actual is not None else None
    return {
        "answers": answers,
        "predicted": _round(predicted_mean),
        "actual": _round(actual),
        "gap": _round(gap),
        "bins": [
            {
                "from": n / BINS,
                "to": (n + 1) / BINS,
                "answers": b[0],
                "predicted": _round(b[1] / b[0]) if b[0] else None,
                "actual": _round(b[2] / b[0]) if b[0] else None,
            }
            for n, b in enumerate(bins)
        ],
        "exams": [
            {
                "date": d.isoformat(),
                "answers": e[0],
                "predicted": _round(e[1] / e[0]),
                "actual": _round(e[2] / e[0]),
            }
            for d, e in sorted(exams.items())
        ],
    }


def _group(values: list[float], doubt: float) -> dict[str, Any]:
    n = len(values)
    if not n:
        return {"questions": 0, "predicted": None, "low": None, "high": None}
    mean = sum(values) / n
    chance = 1.96 * math.sqrt(sum(p * (1 - p) for p in values)) / n
    return {
        "questions": n,
        "predicted": round(mean, 4),
        "low": round(max(0.0, mean - chance - doubt), 4),
        "high": round(min(1.0, mean + chance + doubt), 4),
    }


def readiness(
    banks: Sequence[Bank],
    cards: dict[tuple[str, str], Any],
    now: datetime,
    plan: dict[str, Any] | None,
    calib: dict[str, Any],
    model: Model,
) -> dict[str, Any]:
    """Predicted exam-day score per bank and tag (see the module docstring). `cards` maps keys to
    objects with `stability` and `last_review` (a datetime or an ISO string)."""
    day = today(now)
    exam = date.fromisoformat(plan["exam_date"]) if plan else None
    target = exam if exam is not None and exam > day else day
    moment = now if target == day else day_bounds(target)[0]
    wanted = set(plan["banks"]) if plan and plan["banks"] else None
    calibrated = calib["answers"] >= MIN_CALIBRATION
    doubt = float(calib["gap"]) if calibrated and calib["gap"] is not None else UNCALIBRATED_GAP
    everything: list[float] = []
    per_bank: list[dict[str, Any]] = []
    per_tag: dict[str, tuple[str, list[float]]] = {}
    for bank in banks:
        if wanted is not None and bank.id not in wanted:
            continue
        values = []
        for question in bank.questions:
            if "draft" in {t.casefold() for t in question.tags}:
                continue
            card = cards.get((bank.id, question.id))
            p = 0.0
            if card is not None and card.stability:
                last = card.last_review
                last = datetime.fromisoformat(last) if isinstance(last, str) else last
                p = model.recall(card.stability, (moment - last).total_seconds() / 86400)
            values.append(p)
            for tag in dict.fromkeys(question.tags):
                per_tag.setdefault(tag.strip().casefold(), (tag, []))[1].append(p)
        everything += values
        per_bank.append({"bank": bank.id, "title": bank.title, **_group(values, doubt)})
    return {
        "date": target.isoformat(),
        "exam_date": exam.isoformat() if exam else None,
        "days_left": (exam - day).days if exam else None,
        "minutes": plan["minutes"] if plan else None,
        "calibrated": calibrated,
        **_group(everything, doubt),
        "banks": per_bank,
        "tags": [{"tag": label, **_group(v, doubt)} for _k, (label, v) in sorted(per_tag.items())],
    }


def leeches(banks: Sequence[Bank], cards: dict[tuple[str, str], Any]) -> list[dict[str, Any]]:
    """Questions forgotten `LEECH_LAPSES` times or more, most lapses first, with the author's hint."""
    found = []
    for bank in banks:
        for question in bank.questions:
            card = cards.get((bank.id, question.id))
            if card is not None and is_leech(card.lapses):
                found.append(
                    {
                        "bank": bank.id,
                        "id": question.id,
                        "prompt": question.display_prompt,
                        "lapses": card.lapses,
                        "suggestion": str(M.LEECH_SUGGESTION),
                    }
                )
    found.sort(key=lambda x: (-x["lapses"], x["bank"], x["id"]))
    return found


def report_sections(
    banks: Sequence[Bank], store: Any, now: datetime, bank_ids: Sequence[str] | None
) -> dict[str, Any]:
    """`readiness`, `calibration` and `leeches` of the report dict for these banks."""
    cards = store.cards(bank_ids) if store is not None else {}
    plan = active_plan(store)
    calib = calibration(store, bank_ids)
    model = model_of(store)
    return {
        "readiness": readiness(banks, cards, now.astimezone(timezone.utc), plan, calib, model),
        "calibration": calib,
        "leeches": leeches(banks, cards),
        "fsrs": {"fitted": store.fitted_parameters() is not None if store is not None else False},
    }
