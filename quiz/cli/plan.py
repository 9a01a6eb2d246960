"""`quiz plan`: start, show or end an exam plan; and what `quiz study` does while one is active."""

from __future__ import annotations

import random
from datetime import date
from typing import Annotated, Any

import typer

from quiz import messages as M
from quiz import settings
from quiz.cli.common import (
    BanksArgument,
    BanksOption,
    ProgressOption,
    echo,
    new_order_seed,
    user_errors,
    warn,
)
from quiz.errors import QuizError

DEFAULT_MINUTES = 15


def parse_exam_date(text: str, today: date) -> date:
    """`20/12/2026`, `2026-12-20` or `ngày 20 tháng 12 năm 2026` → a day after today (else QuizError)."""
    from quiz.text.dates import parse_date

    parsed = parse_date(text)
    if parsed is None or parsed[1] != "day":
        raise QuizError(M.PLAN_BAD_DATE.format(value=text))
    exam = date.fromisoformat(parsed[0])
    if exam <= today:
        raise QuizError(M.PLAN_PAST_DATE.format(date=_day(exam), today=_day(today)))
    return exam


def _day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _percent(value: float | None) -> str:
    return M.REPORT_NONE if value is None else f"{value:.0%}"


def _model(store: Any) -> Any:
    from quiz.progress.forecast import model_of

    return model_of(store)


def _fit(store: Any, now: Any) -> None:
    """Fit FSRS to the learner's answers when due (quiz.progress.fit) and say whether it is kept."""
    from quiz.progress.fit import maybe_fit

    result = maybe_fit(store, now)
    if result is not None and result.loss_fitted is not None:
        text = M.PLAN_FIT_KEPT if result.kept else M.PLAN_FIT_DROPPED
        echo(text.format(reviews=result.items), style="dim")


@user_errors
def plan(
    exam_date: Annotated[
        str | None,
        typer.Argument(metavar="NGÀY_THI", help="Ngày thi (20/12/2026 hoặc 2026-12-20).", show_default=False),
    ] = None,
    bank: BanksArgument = None,
    minutes: Annotated[
        int,
        typer.Option("--minutes", "-m", metavar="PHÚT", help="Số phút học mỗi ngày.", min=1, max=600),
    ] = DEFAULT_MINUTES,
    clear: Annotated[bool, typer.Option("--clear", help="Kết thúc kế hoạch đang chạy.")] = False,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Kế hoạch ôn thi: đặt ngày thi và số phút mỗi ngày; quiz study sẽ theo kế hoạch.

    Câu mới được chia đều để giới thiệu hết trước nửa chặng; mỗi ngày ôn câu đến hạn, rồi dùng
    số phút còn lại cho những câu dễ quên nhất vào ngày thi; những ngày cuối ôn lại mọi câu có nguy cơ quên.
    Không có NGÀY_THI: xem kế hoạch (số ngày còn lại, câu mới mỗi ngày, việc hôm nay, dự báo).

    
    Ví dụ:
      quiz plan 20/12/2026 --minutes 15
      quiz plan
      quiz plan --clear
    """
    from quiz.bank.library import banks_dir, progress_path, resolve
    from quiz.progress.clock import now as clock_now
    from quiz.progress.clock import today
    from quiz.progress.store import Store

    now = clock_now()
    if clear:
        with Store.open(progress_path(progress)) as store:
            active = store.active_plan()
            if active is None or not store.clear_plan(now):
                echo(M.PLAN_NOTHING_TO_CLEAR)
                return
        echo(M.PLAN_CLEARED.format(date=_day(date.fromisoformat(active[1]))), style="green")
        return
    chosen = resolve(bank or [], banks_dir(banks), warn=warn)
    if exam_date is None and not progress_path(progress).exists():  # nothing to show: create no file
        echo(M.PLAN_NONE)
        echo(M.PLAN_NONE_HINT, style="dim")
        return
    with Store.open(progress_path(progress)) as store:
        if exam_date is not None:
            exam = parse_exam_date(exam_date, today(now))
            ids = [b.id for b in chosen] if bank else []
            store.save_plan(exam.isoformat(), minutes, ids, now)
            echo(M.PLAN_SAVED.format(date=_day(exam)), style="green")
        _fit(store, now)
        show(store, resolve([], banks_dir(banks), warn=warn) if exam_date is None else chosen, now)


def show(store: Any, every: Any, now: Any) -> None:
    """The active plan: days left, pace of new questions, today's work, the forecast."""
    from quiz.progress.clock import day_bounds, today
    from quiz.progress.forecast import calibration, readiness
    from quiz.study.plan import NEW_BY, load_plan, plan_items, seconds_spent

    active = load_plan(store)
    if active is None:
        echo(M.PLAN_NONE)
        echo(M.PLAN_NONE_HINT, style="dim")
        return
    day = today(now)
    chosen = [b for b in every if not active.banks or b.id in active.banks]
    names = ", ".join(active.banks) if active.banks else M.PLAN_ALL_BANKS
    echo(
        M.PLAN_HEADER.format(
            date=_day(active.exam), days=max(0, (active.exam - day).days), minutes=active.minutes, banks=names
        ),
        style="bold",
    )
    if active.exam <= day:
        echo(M.PLAN_EXAM_TODAY.format(date=_day(active.exam)))
        return
    cards = store.cards([b.id for b in chosen])
    model = _model(store)
    left = max(0.0, active.minutes * 60 - seconds_spent(store, day))
    introduced = store.introduced_between(*day_bounds(day))
    _items, work = plan_items(chosen, cards, now, active, left, model=model, new_today=introduced)
    import math

    by = date.fromordinal(
        active.start.toordinal() + math.ceil(max(1, (active.exam - active.start).days) * NEW_BY)
    )
    if work.unseen:
        per_day = min(work.per_day, work.unseen)
        echo(M.PLAN_PACE.format(unseen=work.unseen, per_day=per_day, by=_day(max(by, day))))
    else:
        echo(M.PLAN_PACE_DONE)
    echo(M.PLAN_TODAY.format(due=work.due, new=work.new, left=math.ceil(left / 60), fits=work.fits))
    if work.final:
        echo(M.PLAN_FINAL, style="yellow")
    plan_row = {"exam_date": active.exam.isoformat(), "minutes": active.minutes, "banks": list(active.banks)}
    ready = readiness(chosen, cards, now, plan_row, calibration(store), model)
    echo(
        M.PLAN_FORECAST.format(
            predicted=_percent(ready["predicted"]), low=_percent(ready["low"]), high=_percent(ready["high"])
        )
    )


def planned_session(store: Any, chosen: Any, now: Any, tags: Any, exam: date | None, siblings: Any) -> Any:
    """Under a plan (or `quiz study --exam DATE`): (items, plan, seconds left, work, banks), else None."""
    from quiz.progress.clock import today
    from quiz.study.plan import Plan, load_plan, plan_items, seconds_spent

    day = today(now)
    active = Plan(day, exam, DEFAULT_MINUTES) if exam is not None else load_plan(store)
    if active is None or active.exam <= day:
        return None
    if active.banks:
        chosen = [b for b in chosen if b.id in active.banks] or chosen
    left = max(0.0, active.minutes * 60 - seconds_spent(store, day))
    from quiz.progress.clock import day_bounds

    items, work = plan_items(
        chosen,
        store.cards([b.id for b in chosen]),
        now,
        active,
        left,
        tags=tags,
        new_today=store.introduced_between(*day_bounds(day)),
        model=_model(store),
        siblings=siblings,
        rng=random.Random(settings.current().seed),
        seed=new_order_seed(store),
    )
    return items, active, left, work, chosen


def tomorrow(store: Any, chosen: Any, active: Any, now: Any, tags: Any) -> str:
    """What is left for tomorrow under the plan, as one line."""
    from datetime import timedelta

    from quiz.progress.clock import day_bounds, today
    from quiz.study.plan import plan_items

    next_day = today(now) + timedelta(days=1)
    late = day_bounds(next_day)[1] - timedelta(seconds=1)  # due at any time tomorrow counts
    cards = store.cards([b.id for b in chosen])
    _items, work = plan_items(chosen, cards, late, active, active.minutes * 60, tags=tags)
    return M.PLAN_TOMORROW.format(due=work.due, new=work.new, days=(active.exam - today(now)).days)


def study_planned(
    store: Any,
    scheduler: Any,
    accept_no_diacritics: bool,
    chosen: Any,
    now: Any,
    tags: Any,
    exam_date: str | None,
    plain: bool,
    minutes: float | None,
    limit: int | None,
    self_rate: bool,
    run: Any,
    summary: Any,
) -> bool:
    """`quiz study` under a plan: ask the day's questions until its minutes are spent, then say what is
    left for tomorrow. False when no plan applies (the usual `quiz study`). `run` and `summary` are
    quiz/cli/study.py's session loop and summary (passed in: cli/study imports this module)."""
    from quiz.cli.common import console as make_console
    from quiz.progress.clock import now as clock_now
    from quiz.progress.clock import today
    from quiz.study.session import Session
    from quiz.study.siblings import SiblingIndex

    exam = parse_exam_date(exam_date, today(now)) if exam_date is not None else None
    planned = planned_session(store, chosen, now, tags or (), exam, SiblingIndex.of(chosen))
    if planned is None:
        return False
    items, active, left, work, chosen = planned
    console = make_console()
    session = Session(store, scheduler, "study", accept_no_diacritics)
    if limit is not None:
        items = items[:limit]
    if left <= 0:
        console.print(M.PLAN_DAY_DONE.format(minutes=active.minutes), markup=False)
        console.print(tomorrow(store, chosen, active, now, tags or ()), markup=False)
        return True
    if not items:
        console.print(M.NOTHING_DUE, markup=False)
        return True
    import math

    console.print(
        M.PLAN_SESSION_START.format(
            date=_day(active.exam), minutes=math.ceil(left / 60), due=work.due, new=work.new
        ),
        markup=False,
        style="dim",
    )
    session_minutes = left / 60 if minutes is None else min(minutes, left / 60)
    outcome = run(session, items, console, plain, session_minutes, self_rate=self_rate)
    later = clock_now()
    summary(console, session, store, chosen, later)
    if outcome.timed_out:
        console.print(M.PLAN_DAY_DONE.format(minutes=active.minutes), markup=False)
    console.print(tomorrow(store, chosen, active, later, tags or ()), markup=False)
    return True
