"""What every command shares: the usage-error group (`_Group`), the common options, printing
(`echo`), and `user_errors` (a QuizError is one Vietnamese line and exit code 2)."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from quiz import messages as M
from quiz.errors import QuizError


def vietnamese_help(text: str) -> str:
    """Click and Typer's own help words (Usage, Options, [required], …) in Vietnamese."""
    import re

    for english, ours in M.HELP_WORDS:
        text = re.sub(english, ours, text, flags=re.MULTILINE)
    return text


class _Command(TyperCommand):
    """A command whose `--help` speaks Vietnamese."""

    def get_help(self, ctx: Any) -> str:
        return vietnamese_help(super().get_help(ctx))


class _Group(TyperGroup):
    """The command group: Click/Typer usage errors become one Vietnamese line, exit code 2;
    `--help` speaks Vietnamese."""

    def get_help(self, ctx: Any) -> str:
        return vietnamese_help(super().get_help(ctx))

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
            echo(os_error_line(exc), style="red", err=True, one_line=True)
            sys.exit(2)
        except MemoryError:  # a setting or a file that asks for more memory than there is
            echo(f"{M.ERROR_PREFIX}: {M.OUT_OF_MEMORY}", style="red", err=True, one_line=True)
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


BanksOption = Annotated[
    Path | None,
    typer.Option(
        "--banks",
        metavar="THƯ_MỤC",
        help="Thư mục ngân hàng câu hỏi (mặc định ./banks/ hoặc $QUIZ_BANKS).",
        show_default=False,
    ),
]
ProgressOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        metavar="TỆP",
        help="Tệp tiến độ (mặc định ./progress/progress.db hoặc $QUIZ_PROGRESS).",
        show_default=False,
    ),
]


TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="THẺ",
        help="Chỉ hỏi câu có thẻ này (lặp lại để chọn nhiều; không phân biệt dấu).",
        show_default=False,
    ),
]
MinutesOption = Annotated[
    float | None,
    typer.Option("--minutes", "-m", metavar="PHÚT", help="Giới hạn thời gian (phút).", show_default=False),
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


def console(stderr: bool = False):
    from quiz.ui.console import make_console

    return make_console(stderr)


def echo(text: str = "", *, style: str | None = None, err: bool = False, one_line: bool = False) -> None:
    """Print text from banks or the core literally (no markup, no escape codes), colour only on a terminal.

    `one_line`: a message that must stay one line (an error): newlines escaped too, a very long word
    (a 5,000-character path) shortened in the middle.
    """
    from quiz.text.escape import escape

    shown = escape(text, newlines=False, shorten=True) if one_line else text
    console(err).print(shown, style=style, markup=False)  # the console escapes whatever it prints


MAX_SHOWN = 200  # lines of a list (problems of `bank check`) printed before "… and N more"


def echo_lines(lines: Iterable[str], *, style: str | None = None, err: bool = False) -> None:
    """Print many lines through one console (not one per line), at most MAX_SHOWN, then how many more."""
    out = console(err)
    shown = 0
    for line in lines:
        if shown < MAX_SHOWN:
            out.print(line, style=style, markup=False)
        shown += 1
    if shown > MAX_SHOWN:
        out.print(M.PROBLEMS_MORE.format(count=shown - MAX_SHOWN), style="dim", markup=False)


def os_error_line(exc: OSError) -> str:
    """An OS fault as one line naming its file: `lỗi: FILE: đĩa đầy` (the file's name shortened)."""
    name = exc.filename if getattr(exc, "filename", None) is not None else None
    where = f"{os.fsdecode(name)}: " if isinstance(name, (str, bytes, os.PathLike)) else ""
    return f"{M.ERROR_PREFIX}: {where}{M.os_reason(exc)}"


def warn(text: str) -> None:
    echo(text, style="yellow", err=True)


def user_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """A QuizError becomes one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except QuizError as exc:
            echo(f"{M.ERROR_PREFIX}: {exc}", style="red", err=True, one_line=True)
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:  # each entry point names the file it could not use
            echo(os_error_line(exc), style="red", err=True, one_line=True)
            raise typer.Exit(2) from None

    return wrapper


def positive(value: float | None, option: str) -> None:
    if value is not None and value <= 0:
        raise QuizError(M.BAD_NUMBER_OPTION.format(option=option))


def no_match(banks: Any, tags: list[str] | None) -> QuizError:
    """No question in these banks carries these tags: say which tags they do have."""
    from quiz.bank.model import tag_key
    from quiz.text.vietnamese import fold

    message = M.NO_MATCH.format(banks=", ".join(b.id for b in banks), tags=", ".join(tags or []) or "—")
    known: dict[str, str] = {}
    for bank in banks:
        for question in bank.questions:
            for tag in question.tags:
                known.setdefault(tag_key(tag), tag)
    if tags and known:
        listed = sorted(known.values(), key=lambda t: (fold(t).casefold(), t))
        message += "; " + M.NO_MATCH_TAGS.format(tags=", ".join(listed))
    return QuizError(message)


def new_order_seed(store: Any) -> str | None:
    """How new questions are ordered: the learner's own seed, QUIZ_SEED, or bank order (QUIZ_ORDER=bank)."""
    from quiz import settings

    current = settings.current()
    if (current.order or "").strip().casefold() == "bank":
        return None
    return current.seed or store.seed()
