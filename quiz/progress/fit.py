"""Fit FSRS parameters to one learner's answers, and keep them only when they predict better.

The optimizer is fsrs-rs's (`fsrs-rs-python`: a small wheel with no dependencies, imported only here,
only when a fit runs); py-fsrs's own optimizer would need torch.

- Each question's answers that moved its schedule, in time order, become FSRS items: for every answer
  after the first that came at least a day after the one before (FSRS learns from day intervals), the
  item is the history up to that answer, whose rating is the one to predict.
- Items are split by time: the latest `HOLDOUT` share is held out; parameters are fitted on the rest.
- Both the defaults and the fitted parameters predict the held-out answers; the fitted ones are kept
  (used by the scheduler and the forecast) only when their log loss is lower. Every fit is logged in
  the store's `fsrs_parameters`, kept or not.
- `maybe_fit` runs at most once every `REFIT_DAYS`, and only with at least `MIN_ITEMS` items.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from quiz.progress.clock import local_timezone
from quiz.progress.memory import DEFAULT_PARAMETERS

MIN_ITEMS = 200
HOLDOUT = 0.2
REFIT_DAYS = 7


@dataclass(frozen=True)
class Fit:
    parameters: list[float]
    items: int
    loss_default: float | None
    loss_fitted: float | None
    kept: bool


History = Sequence[tuple[datetime, int]]  # (when, rating) of one question, in time order


def histories(store: Any) -> list[list[tuple[datetime, int]]]:
    """Every question's scheduled answers (not undone, not correcting rows) as (time, rating), in order."""
    rows = store.query(
        "SELECT bank, question, at, rating FROM reviews"
        " WHERE corrects IS NULL AND scheduled IS NOT 0"
        " AND id NOT IN (SELECT corrects FROM reviews WHERE correction = 'undo')"
        " ORDER BY bank, question, at, id"
    )
    out: list[list[tuple[datetime, int]]] = []
    key = None
    for bank, question, at, rating in rows:
        if (bank, question) != key:
            out.append([])
            key = (bank, question)
        out[-1].append((datetime.fromisoformat(at), int(rating)))
    return out


def items_of(history: History) -> list[tuple[datetime, list[tuple[int, int]]]]:
    """(time of the answer to predict, [(rating, days since the previous answer)…]) per usable answer."""
    zone = local_timezone()
    days = [at.astimezone(zone).date() for at, _ in history]
    reviews: list[tuple[int, int]] = []
    out = []
    for n, (at, rating) in enumerate(history):
        delta = 0 if n == 0 else (days[n] - days[n - 1]).days
        reviews.append((rating, delta))
        if n > 0 and delta > 0:
            out.append((at, list(reviews)))
    return out


def fit(all_histories: Sequence[History], *, holdout: float = HOLDOUT) -> Fit | None:
    """Fit on the older items, compare on the newer ones; None when there are too few items."""
    items = sorted((x for h in all_histories for x in items_of(h)), key=lambda x: x[0])
    if len(items) < MIN_ITEMS:
        return None
    import fsrs_rs_python as rs

    def make(chosen: Sequence[tuple[datetime, list[tuple[int, int]]]]) -> list[Any]:
        return [rs.FSRSItem([rs.FSRSReview(r, d) for r, d in reviews]) for _, reviews in chosen]

    cut = int(len(items) * (1 - holdout))
    train, test = make(items[:cut]), make(items[cut:])
    defaults = list(DEFAULT_PARAMETERS)
    try:
        fitted = [float(x) for x in rs.FSRS(defaults).compute_parameters(train)]
        loss_default = float(rs.FSRS(defaults).evaluate(test).log_loss)
        loss_fitted = float(rs.FSRS(fitted).evaluate(test).log_loss)
    except BaseException as err:  # the optimizer refuses odd data (a Rust panic is a BaseException)
        if not isinstance(err, Exception) and type(err).__name__ != "PanicException":
            raise
        return Fit(defaults, len(items), None, None, False)
    if len(fitted) != 21:
        return Fit(defaults, len(items), loss_default, None, False)
    return Fit(fitted, len(items), loss_default, loss_fitted, loss_fitted < loss_default)


def maybe_fit(store: Any, now: datetime) -> Fit | None:
    """Fit and log when due (see the module docstring); None when nothing was fitted."""
    last = store.last_fit()
    if last is not None and now - last[0] < timedelta(days=REFIT_DAYS):
        return None
    result = fit(histories(store))
    if result is None:
        return None
    store.save_parameters(
        result.parameters, result.items, result.loss_default, result.loss_fitted, result.kept, now
    )
    return result
