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

from quiz import __version__
from quiz import messages as M
from quiz.errors import QuizError

app = typer.Typer(
    name="quiz",
    help=(
        "Học và nhớ lâu kiến thức đối ngoại Đảng bằng ôn tập ngắt quãng (FSRS).\n\n"
        "Ví dụ:\n\n"
        "  quiz study                      # ôn các câu đến hạn, rồi câu mới\n\n"
        "  quiz exam --count 20 --minutes 15\n\n"
        "  quiz report                     # tiến độ học\n\n"
        "  quiz bank check --sources banks/sources"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
bank_app = typer.Typer(
    help=(
        "Soạn và kiểm tra ngân hàng câu hỏi.\n\n"
        "Ví dụ:\n\n"
        "  quiz bank list\n\n"
        "  quiz bank check banks/ --sources banks/sources\n\n"
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

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def echo(text: str = "", *, style: str | None = None, err: bool = False) -> None:
    """Print text from banks or the core literally (no rich markup), colour only on a terminal."""
    _console(err).print(text, style=style, markup=False, emoji=False)


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
    from quiz.grounding import check_bank
    from quiz.loader import load_paths
    from quiz.paths import banks_dir

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
    from rich.table import Table

    from quiz.loader import display_path, resolve
    from quiz.paths import banks_dir

    folder = banks_dir(banks)
    found = resolve([], folder)
    table = Table(title=M.LIST_TITLE.format(folder=folder), title_justify="left")
    table.add_column(M.COL_ID, no_wrap=True)
    table.add_column(M.COL_TITLE)
    table.add_column(M.COL_QUESTIONS, justify="right")
    table.add_column(M.COL_FILE)
    for bank in found:
        table.add_row(bank.id, bank.title, str(len(bank.questions)), display_path(bank.path))
    _console().print(table)


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
    from quiz.loader import resolve
    from quiz.paths import banks_dir
    from quiz.render import answer_lines, question_lines

    found = resolve([bank], banks_dir(banks))
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


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)
