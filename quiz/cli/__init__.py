"""The command line: a thin Typer layer over the core (`quiz.cli:main` is the console script).

Each command parses its flags, makes one core call, prints, and returns the exit code. Heavy imports
(yaml, sqlite, fsrs, questionary, rich) happen inside the commands that need them, so
`quiz --help` stays instant. One module per command group: study.py (study, exam), bank.py
(bank …), report.py (report), exchange.py (export …, import), progress.py (progress …); common.py
holds what they share.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from quiz import __version__
from quiz.cli import config as _config
from quiz.cli import plan as _plan
from quiz.cli import report as _report
from quiz.cli import study as _study
from quiz.cli.bank import bank_app
from quiz.cli.common import _Command, _Group
from quiz.cli.exchange import export_app, import_command
from quiz.cli.progress import progress_app

app = typer.Typer(
    cls=_Group,
    name="quiz",
    help=(
        "Học và nhớ lâu kiến thức đối ngoại Đảng bằng ôn tập ngắt quãng (FSRS).\n\n"
        "\b\nVí dụ:\n"
        "  quiz study                          # ôn câu đến hạn, rồi câu mới\n"
        "  quiz study --tag số-liệu --new 5    # chỉ câu về số liệu\n"
        "  quiz exam --count 20 --minutes 15   # thi thử\n"
        "  quiz plan 20/12/2026 --minutes 15   # ôn cho kỳ thi ngày 20/12\n"
        "  quiz report                         # tiến độ học\n"
        "  quiz config --accept-no-diacritics  # tính câu trả lời không dấu là đúng\n"
        "  quiz bank check --sources banks/sources\n"
        "  quiz export anki doi-ngoai-dang-2018 -o doi-ngoai.apkg   # sang Anki\n"
        "  quiz progress merge ~/Sync/may-ban.jsonl                # gộp tiến độ máy khác"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rendering it with rich costs ~0.1 s at every `--help`
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(bank_app, name="bank")
app.add_typer(export_app, name="export")
app.add_typer(progress_app, name="progress")


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
app.command("study", cls=_Command)(_study.study)
app.command("exam", cls=_Command)(_study.exam)
app.command("report", cls=_Command)(_report.report)
app.command("import", cls=_Command)(import_command)
app.command("config", cls=_Command)(_config.config)
app.command("plan", cls=_Command)(_plan.plan)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(130)
