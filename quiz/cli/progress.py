"""`quiz progress …`: commands on the progress file itself (repair; export and merge are added here too)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quiz import messages as M
from quiz.cli.common import ProgressOption, _Group, echo, user_errors

progress_app = typer.Typer(
    cls=_Group,
    help=(
        "Làm việc với tệp tiến độ.\n\n"
        "\b\nVí dụ:\n"
        "  quiz progress repair -o tien-do-moi.db\n"
        "  quiz progress repair --progress hong.db -o moi.db"
    ),
    no_args_is_help=True,
)


@progress_app.command("repair")
@user_errors
def progress_repair(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="TỆP_MỚI", help="Tệp tiến độ mới để ghi (không ghi đè)."),
    ],
    progress: ProgressOption = None,
) -> None:
    """Cứu tệp tiến độ bị hỏng: chép mọi câu trả lời và lịch ôn còn đọc được sang một tệp mới.

    Tệp cũ được giữ nguyên, không một byte nào bị ghi. Sau đó dùng tệp mới bằng --progress
    hoặc QUIZ_PROGRESS (hoặc thay tệp cũ bằng tệp mới khi đã kiểm tra).

    Ví dụ:  quiz progress repair -o tien-do-moi.db  ·  quiz progress repair --progress hong.db -o moi.db
    """
    from quiz.bank.library import progress_path
    from quiz.errors import QuizError
    from quiz.progress.repair import repair

    source = progress_path(progress)
    if out.exists() or out.is_symlink():
        raise QuizError(M.REPAIR_TARGET_EXISTS.format(path=out))
    if source.exists() and out.resolve() == source.resolve():
        raise QuizError(M.REPAIR_SAME_FILE.format(path=out))
    result = repair(source, out)
    echo(
        M.REPAIR_DONE.format(
            reviews=result.reviews,
            reviews_lost=result.reviews_lost,
            cards=result.cards,
            cards_lost=result.cards_lost,
            path=out,
            old=source,
        ),
        style="green",
    )
