"""The command line: a thin Typer layer over the core.

Commands parse flags, call the core, print, and choose the exit code. Heavy imports
(yaml, sqlite, fsrs, questionary) happen inside the commands that need them, so
`quiz --help` stays instant.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from quiz import __version__
from quiz import messages as M
from quiz.errors import QuizError


class _Group(TyperGroup):
    """The command group: Click/Typer usage errors become one Vietnamese line, exit code 2."""

    def main(  # type: ignore[override]  # the same call, standalone_mode handled here
        self, args: Any = None, prog_name: str | None = None, standalone_mode: bool = True, **kwargs: Any
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, standalone_mode=False, **kwargs)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **kwargs)
        except typer.Abort:
            echo(M.ABORTED, err=True)
            sys.exit(1)
        except OSError as exc:  # an OS fault no command foresaw (name too long, disk full…): one line, exit 2
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            echo(f"{M.ERROR_PREFIX}: {where}{M.os_reason(exc)}", style="red", err=True)
            sys.exit(2)
        except (
            Exception
        ) as exc:  # Click's own exceptions: matched by name, their module moves between versions
            kinds = {cls.__name__ for cls in type(exc).__mro__}
            if "NoArgsIsHelpError" in kinds:
                typer.echo(exc.ctx.get_help())  # type: ignore[attr-defined]
                sys.exit(getattr(exc, "exit_code", 2))
            if "UsageError" in kinds:
                echo(usage_error_line(exc), style="red", err=True)
                sys.exit(2)
            if "ClickException" in kinds:
                echo(f"{M.ERROR_PREFIX}: {M.USAGE_OTHER}", style="red", err=True)
                sys.exit(getattr(exc, "exit_code", 1))
            raise
        sys.exit(code if isinstance(code, int) else 0)


def usage_error_line(exc: Any) -> str:
    """A Click/Typer usage error in the project's words: `lỗi: what — xem `quiz … --help``."""
    kinds = {cls.__name__ for cls in type(exc).__mro__}
    param = getattr(exc, "param", None)
    name = "/".join(getattr(param, "opts", None) or []) or getattr(param, "name", "") or ""
    if param is not None and getattr(param, "param_type_name", "") == "argument":
        name = (getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()
    if "NoSuchOption" in kinds:
        option = exc.option_name
        what = (
            M.USAGE_DID_YOU_MEAN.format(name=option, suggestion=", ".join(exc.possibilities))
            if exc.possibilities
            else M.USAGE_NO_SUCH_OPTION.format(name=option)
        )
    elif "BadOptionUsage" in kinds:
        what = M.USAGE_NEEDS_VALUE.format(name=exc.option_name)
    elif "MissingParameter" in kinds:
        what = M.USAGE_MISSING_ARGUMENT.format(name=name)
    elif "BadParameter" in kinds:
        what = M.USAGE_BAD_VALUE.format(name=name, **_bad_value(exc))
    else:
        what = _usage_message(str(getattr(exc, "message", "")))
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "quiz"
    return f"{M.ERROR_PREFIX}: " + M.USAGE_LINE.format(what=what, command=command)


def _bad_value(exc: Any) -> dict[str, str]:
    """The value refused and why, from the validation error Typer raised it for."""
    cause = exc.__cause__
    errors = cause.errors(include_url=False) if hasattr(cause, "errors") else []
    if not errors:
        return {"value": "", "reason": M.USAGE_REASON_OTHER}
    first = errors[0]
    template = M.USAGE_REASONS.get(first.get("type", ""), M.USAGE_REASON_OTHER)
    try:
        reason = template.format(**(first.get("ctx") or {}))
    except (KeyError, ValueError, TypeError):
        reason = M.USAGE_REASON_OTHER
    return {"value": str(first.get("input", ""))[:80], "reason": reason}


def _usage_message(message: str) -> str:
    import re

    if found := re.match(r"No such command '(.*)'", message):
        return M.USAGE_NO_SUCH_COMMAND.format(name=found.group(1)[:80])
    if message.startswith("Missing command"):
        return M.USAGE_MISSING_COMMAND
    if found := re.match(r"Got unexpected extra arguments? \((.*)\)", message):
        return M.USAGE_EXTRA_ARGUMENTS.format(args=found.group(1)[:200])
    return M.USAGE_OTHER


app = typer.Typer(
    cls=_Group,
    name="quiz",
    help=(
        "Học và nhớ lâu kiến thức đối ngoại Đảng bằng ôn tập ngắt quãng (FSRS).\n\n"
        "\b\nVí dụ:\n"
        "  quiz study                          # ôn câu đến hạn, rồi câu mới\n"
        "  quiz study --tag số-liệu --new 5    # chỉ câu về số liệu\n"
        "  quiz exam --count 20 --minutes 15   # thi thử\n"
        "  quiz report                         # tiến độ học\n"
        "  quiz bank check --sources banks/sources"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rendering it with rich costs ~0.1 s at every `--help`
    context_settings={"help_option_names": ["-h", "--help"]},
)
bank_app = typer.Typer(
    cls=_Group,
    help=(
        "Soạn và kiểm tra ngân hàng câu hỏi.\n\n"
        "\b\nVí dụ:\n"
        "  quiz bank list\n"
        "  quiz bank check banks/ --sources banks/sources\n"
        "  quiz bank show doi-ngoai-dang-2018 so-chinh-dang-2018"
    ),
    no_args_is_help=True,
)
app.add_typer(bank_app, name="bank")

BanksOption = Annotated[
    Path | None,
    typer.Option(
        "--banks", help="Thư mục ngân hàng câu hỏi (mặc định ./banks/ hoặc $QUIZ_BANKS).", show_default=False
    ),
]
ProgressOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="Tệp tiến độ (mặc định ./progress/progress.db hoặc $QUIZ_PROGRESS).",
        show_default=False,
    ),
]


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def echo(text: str = "", *, style: str | None = None, err: bool = False) -> None:
    """Print text from banks or the core literally (no markup, no escape codes), colour only on a terminal."""
    from quiz.text.escape import printable

    _console(err).print(printable(text), style=style, markup=False)


def _warn(text: str) -> None:
    echo(text, style="yellow", err=True)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """A QuizError becomes one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except QuizError as exc:
            echo(f"{M.ERROR_PREFIX}: {exc}", style="red", err=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quiz {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát.")
    ] = False,
) -> None:
    """Học và nhớ lâu kiến thức đối ngoại Đảng."""


# ----------------------------------------------------------------------------------------
# quiz study / quiz exam

TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        help="Chỉ hỏi câu có thẻ này (lặp lại để chọn nhiều; không phân biệt dấu).",
        show_default=False,
    ),
]
MinutesOption = Annotated[
    float | None, typer.Option("--minutes", "-m", help="Giới hạn thời gian (phút).", show_default=False)
]
PlainOption = Annotated[
    bool,
    typer.Option("--plain", help="Chế độ dòng lệnh thuần (mỗi dòng một câu trả lời), kể cả trên terminal."),
]
BanksArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="BANK",
        help="Id ngân hàng, tệp YAML hoặc thư mục (mặc định: tất cả).",
        show_default=False,
    ),
]


def _positive(value: float | None, option: str) -> None:
    if value is not None and value <= 0:
        raise QuizError(M.BAD_NUMBER_OPTION.format(option=option))


def _scheduler(retention: float | None):
    import os

    from quiz.progress.scheduler import Scheduler

    if retention is not None and not 0.7 <= retention <= 0.99:
        raise QuizError(M.BAD_RETENTION)
    return Scheduler(desired_retention=retention, fuzz=os.environ.get("QUIZ_FUZZ", "1") != "0")


def _front_end(plain: bool, console):
    from quiz.ui.runner import InteractiveIO, PlainIO

    if plain or not sys.stdin.isatty():
        return PlainIO(sys.stdin, console)
    return InteractiveIO(console)


def _quote_spans(banks) -> dict:
    """Where each question's quote sits in its article, so sibling questions are kept apart."""
    from quiz.bank.grounding import quote_spans

    return {(b.id, qid): span for b in banks for qid, span in quote_spans(b).items()}


def _run_session(session, items, console, plain: bool, minutes: float | None, **options: Any):
    """Ask the items until done, out of time, or interrupted (then say that every answer is saved)."""
    import time

    from quiz.progress.clock import now as clock_now
    from quiz.ui.runner import run

    deadline = time.monotonic() + minutes * 60 if minutes else None
    outcome = run(
        session, items, _front_end(plain, console), console, clock_now, deadline=deadline, **options
    )
    if outcome.interrupted:
        console.print()
        console.print(M.INTERRUPTED, markup=False, style="yellow")
    return outcome


def _print_summary(console, session, store, banks, now) -> None:
    from datetime import timedelta

    from quiz.progress.clock import local_timezone

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
    ids = {(b.id, q.id) for b in banks for q in b.questions}
    dues = sorted(c.due for key, c in store.cards([b.id for b in banks]).items() if key in ids)
    if not dues:
        return
    due_now = sum(1 for d in dues if d <= now)
    if due_now:
        console.print(M.NEXT_DUE_NOW.format(count=due_now), markup=False)
        return
    soon = sum(1 for d in dues if d <= now + timedelta(hours=24))
    when = dues[0].astimezone(local_timezone()).strftime("%H:%M %d/%m/%Y")
    console.print(M.NEXT_DUE.format(when=when, count=soon), markup=False)


@app.command()
@user_errors
def study(
    bank: BanksArgument = None,
    tag: TagOption = None,
    new: Annotated[
        int,
        typer.Option("--new", "-n", help="Số câu mới tối đa mỗi ngày (tính cả câu đã học hôm nay).", min=0),
    ] = 10,
    limit: Annotated[
        int | None,
        typer.Option("--limit", "-l", help="Số câu tối đa trong phiên.", min=1, show_default=False),
    ] = None,
    minutes: MinutesOption = None,
    cram: Annotated[bool, typer.Option("--cram", help="Ôn tự do mọi câu, bỏ qua lịch ôn.")] = False,
    self_rate: Annotated[
        bool, typer.Option("--self-rate", help="Sau câu đúng, tự đánh giá Dễ/Vừa/Khó.")
    ] = False,
    retention: Annotated[
        float | None,
        typer.Option("--retention", help="Tỉ lệ nhớ mong muốn (mặc định 0,9).", show_default=False),
    ] = None,
    plain: PlainOption = False,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Ôn tập ngắt quãng: câu đến hạn trước (câu dễ quên nhất trước), rồi câu mới.

    Mỗi câu trả lời được chấm, hiện đáp án, giải thích, trích dẫn nguồn và lưu ngay.
    Khi stdin không phải terminal: mỗi dòng một câu trả lời (chữ cái a/b/c, `a c` cho nhiều
    lựa chọn, `3 1 2` cho sắp xếp, đ/s cho đúng/sai, mỗi chỗ trống một dòng); dòng trống để bỏ qua.

    Ví dụ:  quiz study  ·  quiz study doi-ngoai-dang-2018 --new 5  ·  quiz study --tag số-liệu --minutes 10
    """
    import os
    import random

    from quiz.bank.library import banks_dir, progress_path
    from quiz.bank.loader import resolve
    from quiz.progress.clock import day_bounds, today
    from quiz.progress.clock import now as clock_now
    from quiz.progress.store import Store
    from quiz.study.session import Session, select_questions, study_queue

    _positive(minutes, "--minutes")
    chosen = resolve(bank or [], banks_dir(banks), warn=_warn)
    if not select_questions(chosen, tag or ()):
        raise QuizError(
            M.NO_MATCH.format(banks=", ".join(b.id for b in chosen), tags=", ".join(tag or []) or "—")
        )
    scheduler = _scheduler(retention)
    console = _console()
    with Store.open(progress_path(progress)) as store:
        now = clock_now()
        introduced = store.introduced_between(*day_bounds(today(now)))
        items = study_queue(
            chosen,
            store.cards([b.id for b in chosen]),
            now,
            tags=tag or (),
            new_limit=new,
            introduced_today=introduced,
            limit=limit,
            cram=cram,
            spans=_quote_spans(chosen),
            rng=random.Random(os.environ.get("QUIZ_SEED")),  # QUIZ_SEED: reproducible demos and tests
        )
        session = Session(store, scheduler, "study")
        if not items:
            console.print(M.NOTHING_DUE, markup=False)
            console.print(M.NOTHING_DUE_HINT, markup=False, style="dim")
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
        _run_session(session, items, console, plain, minutes, self_rate=self_rate)
        _print_summary(console, session, store, chosen, clock_now())


@app.command()
@user_errors
def exam(
    bank: BanksArgument = None,
    count: Annotated[int, typer.Option("--count", "-c", help="Số câu hỏi.", min=1)] = 20,
    minutes: MinutesOption = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Cùng seed → cùng câu hỏi, cùng thứ tự.", show_default=False),
    ] = None,
    tag: TagOption = None,
    pass_mark: Annotated[
        float | None,
        typer.Option(
            "--pass-mark",
            help="Ngưỡng đạt (%%); dưới ngưỡng → mã thoát 1.",
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

    Ví dụ:  quiz exam --count 20 --minutes 15  ·  quiz exam --seed 42 --pass-mark 80
    """

    from quiz.bank.library import banks_dir, progress_path
    from quiz.bank.loader import resolve
    from quiz.progress.store import Store
    from quiz.study.session import Session, exam_queue
    from quiz.ui.render import question_lines

    _positive(minutes, "--minutes")
    chosen = resolve(bank or [], banks_dir(banks), warn=_warn)
    import os

    items = exam_queue(
        chosen, count, seed=seed if seed is not None else os.environ.get("QUIZ_SEED"), tags=tag or ()
    )
    if not items:
        raise QuizError(
            M.NO_MATCH.format(banks=", ".join(b.id for b in chosen), tags=", ".join(tag or []) or "—")
        )
    console = _console()
    scheduler = _scheduler(None)
    with Store.open(progress_path(progress)) as store:
        session = Session(store, scheduler, "exam")
        limit = M.EXAM_LIMIT.format(minutes=f"{minutes:g}") if minutes else ""
        console.print(M.EXAM_START.format(count=len(items), limit=limit), markup=False, style="dim")
        outcome = _run_session(session, items, console, plain, minutes, show_feedback=False)
    tally = session.tally
    total = len(items)
    exact = 100 * tally.accepted / total
    percent = round(exact)
    console.print()
    console.print(
        M.EXAM_SCORE.format(score=tally.accepted, total=total, percent=percent), style="bold", markup=False
    )
    given = {id(it): text for it, text, _ in tally.wrong_items}
    missed = {id(it) for it in tally.skipped_items + items[outcome.asked :]}
    review = [(it, given.get(id(it))) for it in items if id(it) in given or id(it) in missed]
    if review:
        console.print(M.EXAM_REVIEW, style="bold", markup=False)
        for n, (item, answer) in enumerate(review, 1):
            console.print(f"{n}. " + " ".join(question_lines(item.question, options=False)), markup=False)
            console.print(
                "   " + M.EXAM_YOUR_ANSWER.format(given=answer or M.EXAM_NO_ANSWER), markup=False, style="red"
            )
            console.print(
                "   " + M.VERDICT_LINE["wrong"].format(expected=item.question.canonical_answer()),
                markup=False,
            )
    if pass_mark is not None:
        passed = exact >= pass_mark
        console.print(
            M.EXAM_PASS.format(mark=f"{pass_mark:g}")
            if passed
            else M.EXAM_FAIL.format(mark=f"{pass_mark:g}"),
            markup=False,
            style="green" if passed else "red",
        )
        if not passed:
            raise typer.Exit(1)


# ----------------------------------------------------------------------------------------
# quiz bank …


@bank_app.command("check")
@user_errors
def bank_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Tệp YAML hoặc thư mục (mặc định: thư mục ngân hàng).", show_default=False),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources", help="Thư mục bài báo gốc: mọi `quote` phải có nguyên văn trong tệp nguồn."
        ),
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Kiểm tra ngân hàng câu hỏi: liệt kê mọi lỗi (tệp:dòng) trong một lần chạy.

    Ví dụ:  quiz bank check  ·  quiz bank check banks/moi.yaml --sources banks/sources

    Mã thoát: 0 không lỗi, 1 có lỗi, 2 đường dẫn không dùng được.
    """
    from quiz.bank.grounding import check_bank
    from quiz.bank.library import banks_dir
    from quiz.bank.loader import load_paths

    if sources is not None and not sources.is_dir():
        raise QuizError(M.PATH_NOT_FOUND.format(path=sources))
    result = load_paths(paths or [banks_dir(banks)])
    problems = list(result.problems)
    quotes = 0
    for bank in result.banks:
        report = check_bank(bank, sources, required=sources is not None)
        problems += report.problems
        quotes += report.quotes_checked
    for problem in problems:
        echo(str(problem))
    questions = sum(len(b.questions) for b in result.banks)
    if problems:
        echo(M.CHECK_FAILED.format(count=len(problems), files=len(result.files)), style="red")
        raise typer.Exit(1)
    template = M.CHECK_OK_SOURCES if sources is not None else M.CHECK_OK
    echo(
        template.format(files=len(result.files), banks=len(result.banks), questions=questions, quotes=quotes),
        style="green",
    )


@bank_app.command("list")
@user_errors
def bank_list(banks: BanksOption = None) -> None:
    """Liệt kê các ngân hàng câu hỏi: id, tên, số câu, tệp.

    Ví dụ:  quiz bank list  ·  quiz bank list --banks ~/ngan-hang
    """
    from quiz.bank.library import banks_dir
    from quiz.bank.loader import display_path, resolve

    folder = banks_dir(banks)
    found = resolve([], folder, warn=_warn)
    echo(M.LIST_TITLE.format(folder=folder), style="bold")
    width = max(len(b.id) for b in found)
    for bank in found:
        where = bank.path.relative_to(folder) if bank.path and bank.path.is_relative_to(folder) else bank.path
        shown = str(where) if where != bank.path else display_path(where)
        count = M.LIST_COUNT.format(count=len(bank.questions))
        echo(f"{bank.id:<{width}}  {count:>8}  {shown}", style="bold")
        echo(f"    {bank.title}")
    echo(M.LIST_TOTAL.format(banks=len(found), questions=sum(len(b.questions) for b in found)), style="dim")


@bank_app.command("show")
@user_errors
def bank_show(
    bank: Annotated[str, typer.Argument(help="Id ngân hàng hoặc tệp YAML.")],
    question_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Id câu hỏi (bỏ trống: cả ngân hàng).")
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Xem một ngân hàng, hoặc một câu hỏi như người học thấy, kèm đáp án.

    Ví dụ:  quiz bank show doi-ngoai-dang-2018  ·  quiz bank show doi-ngoai-dang-2018 so-chinh-dang-2018
    """
    from quiz.bank.library import banks_dir
    from quiz.bank.loader import resolve
    from quiz.ui.render import answer_lines, question_lines

    found = resolve([bank], banks_dir(banks), warn=_warn)
    for item in found:
        questions = item.questions
        if question_id is not None:
            question = item.question(question_id)
            if question is None:
                raise QuizError(M.UNKNOWN_QUESTION.format(bank=item.id, id=question_id))
            questions = (question,)
        else:
            echo(f"{item.title} ({item.id}) — {len(item.questions)} câu", style="bold")
            if item.description:
                echo(item.description)
            echo()
        for question in questions:
            echo(f"{item.id}/{question.id}", style="dim")
            for line in question_lines(question):
                echo(line, style="bold")
            for line in answer_lines(item, question):
                echo(line)
            echo()


# ----------------------------------------------------------------------------------------
# quiz bank new / add / draft / fmt (authoring)


def _one_bank(name: str, banks: Path | None):
    """The single bank a BANK argument names (it must have a file)."""
    from quiz.bank.library import banks_dir
    from quiz.bank.loader import resolve

    found = resolve([name], banks_dir(banks), warn=_warn)
    if len(found) != 1 or found[0].path is None:
        raise QuizError(M.AUTHOR_ONE_BANK.format(name=name))
    return found[0]


def _read_article(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        error = M.os_reason(exc) if isinstance(exc, OSError) else M.NOT_UTF8
        raise QuizError(M.ARTICLE_UNREADABLE.format(path=path, error=error)) from None


def _article_target(article: Path, folder: Path) -> Path | None:
    """Where an article must be copied so banks in `folder` find it (`folder/sources/NAME`),
    or None when it is already there or beside them. Refuses a different file of the same name."""
    data = article.read_bytes()
    for candidate in (folder / "sources" / article.name, folder / article.name):
        if candidate.is_file() and candidate.read_bytes() == data:
            return None
    target = folder / "sources" / article.name
    if target.exists():
        raise QuizError(M.AUTHOR_SOURCE_CONFLICT.format(path=target))
    return target


def _copy_article(article: Path, target: Path | None) -> None:
    from quiz.authoring.add import write_text_atomic

    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, _read_article(article), overwrite=False)
        echo(M.NEW_SOURCE_COPIED.format(path=target))


@bank_app.command("new")
@user_errors
def bank_new(
    bank_id: Annotated[str, typer.Argument(metavar="ID", help="Mã ngân hàng mới, ví dụ chi-thi-doi-ngoai.")],
    title: Annotated[str | None, typer.Option("--title", help="Tên ngân hàng.", show_default=False)] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            help="Tệp văn bản bài báo: thành nguồn `file:` và được chép vào <thư mục ngân hàng>/sources/.",
            show_default=False,
        ),
    ] = None,
    source_title: Annotated[
        str | None,
        typer.Option(
            "--source-title", help="Tên bài báo (mặc định: dòng tiêu đề của bài).", show_default=False
        ),
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Tạo ngân hàng mới <thư mục ngân hàng>/ID.yaml: mỗi loại câu hỏi một câu mẫu, mọi khóa có chú thích.

    Ví dụ:  quiz bank new chi-thi-doi-ngoai --title "Chỉ thị về đối ngoại" --source bai-bao.txt

    Không ghi đè tệp đã có. Tiếp theo: quiz bank add ID, rồi quiz bank check.
    """
    from quiz.authoring import add as authoring
    from quiz.bank.library import banks_dir
    from quiz.bank.loader import display_path, load_paths

    authoring.check_bank_id(bank_id)
    folder = banks_dir(banks)
    target = folder / f"{bank_id}.yaml"
    if target.exists():
        raise QuizError(M.AUTHOR_EXISTS.format(path=target))
    if folder.is_dir():
        for other in load_paths([folder]).banks:
            if other.id == bank_id:
                raise QuizError(M.AUTHOR_BANK_ID_TAKEN.format(id=bank_id, path=display_path(other.path)))
    article_to = None
    if source is not None:
        source_title = source_title or authoring.article_headline(_read_article(source))
        article_to = _article_target(source, folder)
    text = authoring.starter_bank(
        bank_id,
        title=title,
        source_file=source.name if source is not None else None,
        source_title=source_title,
    )
    authoring.write_text_atomic(target, text, overwrite=False)
    if source is not None:
        _copy_article(source, article_to)
    echo(M.NEW_DONE.format(path=target, count=8, id=bank_id), style="green")


@bank_app.command("add")
@user_errors
def bank_add(
    bank: Annotated[str, typer.Argument(help="Id ngân hàng hoặc tệp YAML.")],
    qtype: Annotated[
        str | None,
        typer.Option(
            "--type",
            help="choice, multi, text, number, date, truefalse, cloze hoặc order. Có --type: không hỏi gì.",
            show_default=False,
        ),
    ] = None,
    prompt: Annotated[str | None, typer.Option("--prompt", help="Câu hỏi.", show_default=False)] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option("--answer", help="Đáp án (multi: lặp lại cho mỗi đáp án đúng).", show_default=False),
    ] = None,
    choice: Annotated[
        list[str] | None, typer.Option("--choice", help="Một lựa chọn (lặp lại).", show_default=False)
    ] = None,
    accept: Annotated[
        list[str] | None,
        typer.Option("--accept", help="Cách viết khác cũng đúng (text; lặp lại).", show_default=False),
    ] = None,
    tolerance: Annotated[
        str | None, typer.Option("--tolerance", help="Sai số cho phép (number).", show_default=False)
    ] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Đơn vị (number).", show_default=False)] = None,
    text: Annotated[
        str | None,
        typer.Option("--text", help="Đoạn văn có chỗ trống {{đáp án}} (cloze).", show_default=False),
    ] = None,
    item: Annotated[
        list[str] | None,
        typer.Option("--item", help="Một mục, theo đúng thứ tự (order; lặp lại).", show_default=False),
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Mã nguồn.", show_default=False)] = None,
    quote: Annotated[
        str | None, typer.Option("--quote", help="Trích dẫn nguyên văn từ bài.", show_default=False)
    ] = None,
    explanation: Annotated[
        str | None, typer.Option("--explanation", help="Giải thích.", show_default=False)
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="Thẻ (lặp lại).", show_default=False)] = None,
    qid: Annotated[
        str | None, typer.Option("--id", help="Mã câu (mặc định: từ câu hỏi).", show_default=False)
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            help="Thư mục bài báo để đối chiếu `quote` (mặc định: sources/ cạnh ngân hàng).",
            show_default=False,
        ),
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Thêm một câu hỏi vào cuối ngân hàng, giữ nguyên văn bản và chú thích sẵn có.

    Không có --type (trong terminal): hỏi từng trường, kiểm tra ngay, xem trước rồi xác nhận.

    Ví dụ:  quiz bank add chi-thi-doi-ngoai

      quiz bank add chi-thi-doi-ngoai --type number --prompt "Bao nhiêu chính đảng?" --answer 245

    Câu không hợp lệ, hoặc trích dẫn không có nguyên văn trong bài: mã thoát 2, tệp không đổi.
    """
    from quiz.authoring import add as authoring
    from quiz.bank.loader import display_path
    from quiz.ui.render import answer_lines, question_lines

    if sources is not None and not sources.is_dir():
        raise QuizError(M.PATH_NOT_FOUND.format(path=sources))
    found = _one_bank(bank, banks)
    path = found.path
    name = display_path(path)
    original, bom = authoring.read_bank_text(path)
    if qtype is None:
        if not sys.stdin.isatty():
            raise QuizError(M.ADD_NEEDS_TYPE.format(types=", ".join(M.TYPE_LABELS)))
        from quiz.ui.author_form import ask_question

        question = ask_question(found, original, filename=name, path=path, sources_dir=sources, show=echo)
        if question is None:
            echo(M.ADD_CANCELLED)
            return
    else:
        fields = {
            "type": qtype,
            "prompt": prompt,
            "answer": answer,
            "choices": choice,
            "accept": accept,
            "tolerance": tolerance,
            "unit": unit,
            "text": text,
            "items": item,
            "source": source,
            "quote": quote,
            "explanation": explanation,
            "tags": tag,
            "id": qid,
        }
        question = authoring.build_question(fields)
        if "id" not in question:
            seed = question.get("prompt") or question.get("text") or ""
            question = {
                "id": authoring.propose_id(str(seed), {q.id for q in found.questions}),
                **question,
            }
    result = authoring.append_question(original, question, filename=name, path=path, sources_dir=sources)
    if authoring.read_bank_text(path) != (original, bom):
        raise QuizError(M.AUTHOR_CHANGED.format(path=name))
    authoring.write_text_atomic(path, result.text, bom)
    if qtype is not None:
        for line in question_lines(result.question):
            echo(line, style="bold")
        for line in answer_lines(result.bank, result.question):
            echo(line)
    echo(M.ADD_DONE.format(id=result.question.id, path=name, count=len(result.bank.questions)), style="green")


@bank_app.command("draft")
@user_errors
def bank_draft(
    article: Annotated[Path, typer.Argument(help="Tệp văn bản bài báo (UTF-8).")],
    bank_id: Annotated[
        str | None,
        typer.Option("--bank", help="Mã ngân hàng (mặc định: từ tên tệp bài báo).", show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Ghi ra tệp này (không ghi đè), chép bài báo vào sources/ cạnh nó; mặc định: in ra.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="Tên ngân hàng.", show_default=False)] = None,
) -> None:
    """Soạn nháp ngân hàng từ một bài báo: câu hỏi về ngày tháng, con số, số hiệu văn bản, trích dẫn.

    Mọi câu mang thẻ `draft` và trích nguyên văn câu trong bài: duyệt, sửa hoặc xóa từng câu.

    Ví dụ:  quiz bank draft bai-bao.txt --out banks/bai-bao.yaml  ·  quiz bank draft bai-bao.txt > nhap.yaml
    """
    from quiz.authoring import add as authoring
    from quiz.authoring.draft import draft_bank
    from quiz.text.vietnamese import slugify

    content = _read_article(article)
    bank_id = bank_id if bank_id is not None else (slugify(article.stem, 48) or "ban-nhap")
    authoring.check_bank_id(bank_id)
    if out is not None and out.exists():
        raise QuizError(M.AUTHOR_EXISTS.format(path=out))
    article_to = _article_target(article, out.parent) if out is not None else None
    drafted = draft_bank(content, bank_id, title=title, source_file=article.name)
    if out is None:
        sys.stdout.write(drafted)
        return
    authoring.write_text_atomic(out, drafted, overwrite=False)
    _copy_article(article, article_to)
    echo(M.DRAFT_WROTE.format(path=out), style="green")


@bank_app.command("fmt")
@user_errors
def bank_fmt(
    names: Annotated[list[str], typer.Argument(metavar="BANK...", help="Id ngân hàng hoặc tệp YAML.")],
    check: Annotated[
        bool, typer.Option("--check", help="Chỉ kiểm tra: mã thoát 1 nếu tệp chưa đúng bố cục chuẩn.")
    ] = False,
    banks: BanksOption = None,
) -> None:
    """Viết lại ngân hàng theo bố cục chuẩn (thứ tự khóa cố định, một dòng trống giữa các câu).

    Chú ý: mọi chú thích (# …) trong tệp sẽ mất. Tệp chỉ được ghi khi bản mới nạp lại
    đúng y ngân hàng cũ (mọi câu, mọi trường).

    Ví dụ:  quiz bank fmt chi-thi-doi-ngoai  ·  quiz bank fmt banks/moi.yaml --check
    """
    from quiz.authoring import add as authoring
    from quiz.bank.loader import display_path

    unformatted = 0
    for name in names:
        found = _one_bank(name, banks)
        shown = display_path(found.path)
        original, bom = authoring.read_bank_text(found.path)
        formatted = authoring.format_bank(original, shown)
        if formatted == original:
            echo(M.FMT_ALREADY.format(path=shown), style="green")
        elif check:
            unformatted += 1
            echo(M.FMT_NEEDED.format(path=shown), style="red")
        else:
            authoring.write_text_atomic(found.path, formatted, bom)
            echo(M.FMT_DONE.format(path=shown), style="green")
    if unformatted:
        raise typer.Exit(1)


# ----------------------------------------------------------------------------------------
# quiz report


@app.command()
@user_errors
def report(
    bank: BanksArgument = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="In báo cáo dạng JSON (cho script; xem docs/report-json.md).")
    ] = False,
    html: Annotated[
        Path | None,
        typer.Option(
            "--html",
            metavar="FILE",
            help="Ghi báo cáo thành một trang HTML độc lập (mở được khi không có mạng, in đẹp).",
            show_default=False,
        ),
    ] = None,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Tiến độ học: theo ngân hàng và thẻ — câu mới, đang học, đã thuộc, đến hạn, tỉ lệ đúng,
    chuỗi ngày học, lịch ôn 14 ngày tới, hoạt động 12 tuần qua, các câu yếu nhất.

    Ví dụ:  quiz report  ·  quiz report --json  ·  quiz report --html tien-do.html
    """
    import json

    from quiz.bank.library import banks_dir, progress_path
    from quiz.bank.loader import resolve
    from quiz.progress.clock import now as clock_now
    from quiz.progress.report import build_report

    chosen = resolve(bank or [], banks_dir(banks), warn=_warn)
    data = build_report(chosen, progress_path(progress), clock_now(), all_banks=not bank)
    if html is not None:
        from quiz.ui.report_html import render_html

        try:
            html.write_text(render_html(data), encoding="utf-8")
        except OSError as exc:
            raise QuizError(M.REPORT_HTML_UNWRITABLE.format(path=html, reason=M.os_reason(exc))) from None
        echo(M.REPORT_HTML_WRITTEN.format(path=html), style="green", err=as_json)
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    elif html is None:
        from quiz.ui.report_view import render

        render(data, _console())


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)
