"""`quiz study` and `quiz exam`: parse, build the queue, run the session, print the summary."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from quiz import messages as M
from quiz import settings
from quiz.cli.common import (
    BanksArgument,
    BanksOption,
    MinutesOption,
    PlainOption,
    ProgressOption,
    TagOption,
    new_order_seed,
    no_match,
    positive,
    user_errors,
    warn,
)
from quiz.cli.common import (
    console as make_console,
)

DEFAULT_NEW = 10  # new questions a day per bank


def _scheduler(retention: float | None) -> Any:

    from quiz.progress.scheduler import Scheduler, option_retention

    return Scheduler(desired_retention=option_retention(retention), fuzz=settings.current().fuzzing)


def _accept_no_diacritics() -> bool:
    """The learner's preference (`quiz config --accept-no-diacritics`)."""
    from quiz.progress.preferences import load

    return load().accept_no_diacritics


def _front_end(plain: bool, console: Any) -> Any:
    from quiz.ui.runner import InteractiveIO, PlainIO

    if plain or not sys.stdin.isatty():
        return PlainIO(sys.stdin, console)
    return InteractiveIO(console)


def _remember(store: Any, chosen: Any, now: Any) -> None:
    """Remember the file each bank was read from, so `quiz report` finds banks studied by path."""
    store.remember_bank_paths([(b.id, b.path) for b in chosen if b.path is not None], now)


def _run_session(
    session: Any,
    items: Any,
    console: Any,
    plain: bool,
    minutes: float | None,
    *,
    time_left: bool = False,
    **options: Any,
) -> Any:
    """Ask the items until done, out of time, or interrupted (then say that every answer is saved).
    `time_left`: a line before each question says how much of `minutes` is left."""
    import time

    from quiz.progress.clock import now as clock_now
    from quiz.ui.runner import run

    deadline = time.monotonic() + minutes * 60 if minutes else None
    io = _front_end(plain, console)
    outcome = run(session, items, io, console, clock_now, deadline=deadline, time_left=time_left, **options)
    if outcome.interrupted:
        console.print()
        console.print(M.INTERRUPTED, markup=False, style="yellow")
    return outcome


def _command(*words: str, banks: Any = None, progress: Any = None) -> str:
    """A `quiz …` command line to print as a hint, its words quoted for the shell, with the learner's
    own `--banks`/`--progress` so it reads the same banks and store."""
    import shlex

    extra = []
    if banks is not None:
        extra += ["--banks", str(banks)]
    if progress is not None:
        extra += ["--progress", str(progress)]
    return " ".join(shlex.quote(w) if i > 1 else w for i, w in enumerate(["quiz", "study", *words, *extra]))


class _Again:
    """The BANK arguments and options of this `quiz study`, to suggest running it again."""

    def __init__(self, bank: Any, tag: Any, banks: Any, progress: Any) -> None:
        self.bank = list(bank or [])
        self.tag = list(tag or [])
        self.banks = banks
        self.progress = progress

    def command(self, *options: str, tags: list[str] | None = None) -> str:
        """`quiz study` with these BANK arguments, tags (default: this command's) and options."""
        words = list(self.bank)
        for t in self.tag if tags is None else tags:
            words += ["--tag", t]
        return _command(*words, *options, banks=self.banks, progress=self.progress)


def _nothing_due(console: Any, store: Any, chosen: Any, now: Any, again: _Again, introduced: Any) -> None:
    """Nothing to ask: say why, and the command that does give questions (`quiz.study.hints`)."""
    from quiz.study.hints import more_new

    more = more_new(chosen, store.cards([b.id for b in chosen]), now, again.tag, introduced, DEFAULT_NEW)
    cram = again.command("--cram")
    if more is None:
        console.print(M.NOTHING_LEFT, markup=False)
        console.print(M.NOTHING_LEFT_HINT.format(cram=cram), markup=False, style="dim")
        return
    console.print(M.NOTHING_DUE, markup=False)
    command = again.command("--new", str(more.new_limit))
    console.print(
        M.NOTHING_DUE_HINT.format(count=more.left, command=command, cram=cram), markup=False, style="dim"
    )


def _print_summary(
    console: Any, session: Any, store: Any, banks: Any, now: Any, again: _Again | None = None
) -> None:
    from quiz.bank.location import display_path
    from quiz.progress.clock import local_timezone
    from quiz.study.hints import due_scope
    from quiz.study.session import next_due

    tally = session.tally
    console.print()
    console.print(
        M.SUMMARY.format(
            answered=tally.answered,
            correct=tally.correct,
            almost=tally.almost,
            wrong=tally.wrong,
            skipped=tally.skipped,
        ),
        style="bold",
        markup=False,
    )
    from quiz.ui.runner import show_missed

    show_missed(console, tally)
    if tally.answered:
        console.print(M.PROGRESS_SAVED.format(path=display_path(store.path)), markup=False, style="dim")
    due = next_due(store, banks, now)
    if due is None:
        return
    if due.due_now and again is not None:
        # the command that asks them: this one, else without its tags, else the drafts (`--tag draft`)
        scope = due_scope(banks, store.cards([b.id for b in banks]), now, again.tag)
        if scope is not None:
            console.print(
                M.NEXT_DUE_NOW.format(count=due.due_now, command=again.command(tags=scope)), markup=False
            )
            return
    if due.first is None:
        return
    when = due.first.astimezone(local_timezone()).strftime("%H:%M %d/%m/%Y")
    console.print(M.NEXT_DUE.format(when=when, count=due.soon), markup=False)


def _predicted_score(store: Any, scheduler: Any, items: Any) -> float:
    """The exam score FSRS predicts before the exam: mean recall of its questions now (0 if new)."""
    from quiz.progress.clock import now as clock_now

    now = clock_now()
    cards = store.cards(list(dict.fromkeys(it.bank.id for it in items)))
    values = [scheduler.recall(cards.get(it.key), now) or 0.0 for it in items]
    return sum(values) / len(values) if values else 0.0


@user_errors
def study(
    bank: BanksArgument = None,
    tag: TagOption = None,
    new: Annotated[
        int,
        typer.Option(
            "--new",
            "-n",
            metavar="SỐ",
            help="Số câu mới tối đa mỗi ngày của mỗi ngân hàng (tính cả câu đã học hôm nay).",
            min=0,
        ),
    ] = DEFAULT_NEW,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-l", metavar="SỐ", help="Số câu tối đa trong phiên.", min=1, show_default=False
        ),
    ] = None,
    minutes: MinutesOption = None,
    cram: Annotated[bool, typer.Option("--cram", help="Ôn tự do mọi câu, bỏ qua lịch ôn.")] = False,
    self_rate: Annotated[
        bool, typer.Option("--self-rate", help="Sau câu đúng, tự đánh giá Dễ/Vừa/Khó.")
    ] = False,
    retention: Annotated[
        float | None,
        typer.Option(
            "--retention", metavar="TỈ_LỆ", help="Tỉ lệ nhớ mong muốn (mặc định 0,9).", show_default=False
        ),
    ] = None,
    exam_date: Annotated[
        str | None,
        typer.Option(
            "--exam",
            metavar="NGÀY_THI",
            help="Ôn cho kỳ thi ngày này (một lần, như quiz plan NGÀY_THI).",
            show_default=False,
        ),
    ] = None,
    plain: PlainOption = False,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Ôn tập ngắt quãng: câu đến hạn trước (câu dễ quên nhất trước), rồi câu mới.

    Mỗi câu trả lời được chấm, hiện đáp án, giải thích, trích dẫn nguồn và lưu ngay.
    Khi stdin không phải terminal: mỗi dòng một câu trả lời (chữ cái a/b/c, `a c` cho nhiều
    lựa chọn, `3 1 2` cho sắp xếp, đ/s cho đúng/sai, mỗi chỗ trống một dòng); dòng trống để bỏ qua.

    
    Ví dụ:
      quiz study
      quiz study doi-ngoai-dang-2018 --new 5
      quiz study --tag số-liệu --minutes 10
    """
    import random

    from quiz.bank.library import library_dirs, progress_path, resolve
    from quiz.progress.clock import day_bounds, today
    from quiz.progress.clock import now as clock_now
    from quiz.progress.store import Store
    from quiz.study.session import Session, select_questions, study_queue
    from quiz.study.siblings import SiblingIndex

    positive(minutes, "--minutes")
    chosen = resolve(bank or [], library_dirs(banks), warn=warn)
    if not select_questions(chosen, tag or ()):
        raise no_match(chosen, tag)
    scheduler = _scheduler(retention)
    console = make_console()
    accept_no_diacritics = _accept_no_diacritics()  # a damaged preferences file: refused before the store
    again = _Again(bank, tag, banks, progress)
    with Store.open(progress_path(progress)) as store:
        scheduler.use_parameters(store.fitted_parameters())  # fitted to this learner and kept, if any
        now = clock_now()
        _remember(store, chosen, now)
        if not cram:  # an exam plan (quiz plan, or --exam) decides the day's questions: quiz/cli/plan.py
            from quiz.cli.plan import study_planned

            if study_planned(
                store,
                scheduler,
                accept_no_diacritics,
                chosen,
                now,
                tag,
                exam_date,
                plain,
                minutes,
                limit,
                self_rate,
                _run_session,
                _print_summary,
            ):
                return
        introduced = store.introduced_by_bank(*day_bounds(today(now)))
        items = study_queue(
            chosen,
            store.cards([b.id for b in chosen]),
            now,
            tags=tag or (),
            new_limit=new,
            introduced_today=introduced,
            limit=limit,
            cram=cram,
            siblings=SiblingIndex.of(chosen),
            rng=random.Random(settings.current().seed),  # QUIZ_SEED: reproducible demos and tests
            seed=new_order_seed(store),
        )
        session = Session(store, scheduler, "study", accept_no_diacritics)
        if not items:
            _nothing_due(console, store, chosen, now, again, introduced)
            _print_summary(console, session, store, chosen, now)
            return
        due = sum(1 for it in items if it.card is not None)
        if cram:
            console.print(M.CRAM_START.format(count=len(items)), markup=False, style="dim")
        else:
            console.print(
                M.SESSION_START.format(count=len(items), due=due, new=len(items) - due),
                markup=False,
                style="dim",
            )
        _run_session(session, items, console, plain, minutes, time_left=True, self_rate=self_rate)
        _print_summary(console, session, store, chosen, clock_now(), again)


@user_errors
def exam(
    bank: BanksArgument = None,
    count: Annotated[int, typer.Option("--count", "-c", metavar="SỐ", help="Số câu hỏi.", min=1)] = 20,
    minutes: MinutesOption = None,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", metavar="SỐ", help="Cùng seed → cùng câu hỏi, cùng thứ tự.", show_default=False
        ),
    ] = None,
    tag: TagOption = None,
    pass_mark: Annotated[
        float | None,
        typer.Option(
            "--pass-mark",
            metavar="PHẦN_TRĂM",
            help="Ngưỡng đạt (%); dưới ngưỡng → mã thoát 1.",
            min=0,
            max=100,
            show_default=False,
        ),
    ] = None,
    plain: PlainOption = False,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Thi thử: N câu ngẫu nhiên, có thể giới hạn thời gian; chấm điểm và xem lại câu sai ở cuối.

    Kết quả được lưu như các lượt ôn (chế độ exam) và cập nhật lịch ôn.

    
    Ví dụ:
      quiz exam --count 20 --minutes 15
      quiz exam --seed 42 --pass-mark 80
    """

    from quiz.bank.library import library_dirs, progress_path, resolve
    from quiz.bank.location import display_path
    from quiz.progress.clock import now as clock_now
    from quiz.progress.store import Store
    from quiz.study.exam import score_exam
    from quiz.study.session import Session, exam_queue
    from quiz.study.siblings import SiblingIndex
    from quiz.ui.runner import show_exam_review

    positive(minutes, "--minutes")
    chosen = resolve(bank or [], library_dirs(banks), warn=warn)
    items = exam_queue(
        chosen,
        count,
        seed=seed if seed is not None else settings.current().seed,
        tags=tag or (),
        siblings=SiblingIndex.of(chosen),
    )
    if not items:
        raise no_match(chosen, tag)
    console = make_console()
    scheduler = _scheduler(None)
    accept_no_diacritics = _accept_no_diacritics()  # a damaged preferences file: refused before the store
    with Store.open(progress_path(progress)) as store:
        _remember(store, chosen, clock_now())
        scheduler.use_parameters(store.fitted_parameters())
        predicted = _predicted_score(store, scheduler, items)  # compared with the real score below
        session = Session(store, scheduler, "exam", accept_no_diacritics)
        # 0,5 phút: a decimal comma, the Vietnamese way
        limit = M.EXAM_LIMIT.format(minutes=f"{minutes:g}".replace(".", ",")) if minutes else ""
        console.print(M.EXAM_START.format(count=len(items), limit=limit), markup=False, style="dim")
        _run_session(session, items, console, plain, minutes, show_feedback=False)
    result = score_exam(items, session.tally)
    if session.tally.answered:
        console.print(M.PROGRESS_SAVED.format(path=display_path(store.path)), markup=False, style="dim")
    console.print()
    console.print(
        M.EXAM_SCORE.format(score=result.score, total=result.total, percent=result.percent),
        style="bold",
        markup=False,
    )
    console.print(
        M.EXAM_PREDICTED.format(predicted=f"{predicted:.0%}", actual=f"{result.exact / 100:.0%}"),
        markup=False,
        style="dim",
    )
    if result.review:
        console.print(
            M.EXAM_BREAKDOWN.format(
                wrong=result.count("wrong"),
                skipped=result.count("skipped"),
                unanswered=result.count("unanswered"),
            ),
            markup=False,
        )
    show_exam_review(console, result)
    if pass_mark is not None:
        passed = result.passed(pass_mark)
        console.print(
            M.EXAM_PASS.format(mark=f"{pass_mark:g}")
            if passed
            else M.EXAM_FAIL.format(mark=f"{pass_mark:g}"),
            markup=False,
            style="green" if passed else "red",
        )
        if not passed:
            raise typer.Exit(1)
