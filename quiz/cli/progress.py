"""`quiz progress …`: the progress store across devices (export, merge) and its repair."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quiz import messages as M
from quiz.cli.common import ProgressOption, _Command, _Group, echo, user_errors

progress_app = typer.Typer(
    cls=_Group,
    help=(
        "Tiến độ học trên nhiều máy: xuất nhật ký câu trả lời, gộp từ máy khác; cứu tệp bị hỏng.\n\n"
        "\b\nVí dụ:\n"
        "  quiz progress export -o ~/Sync/may-xach-tay.jsonl\n"
        "  quiz progress merge ~/Sync/may-ban.jsonl\n"
        "  quiz progress repair -o tien-do-moi.db      # cứu tệp tiến độ bị hỏng\n\n"
        "Gộp theo thứ tự nào, bao nhiêu lần cũng cho cùng một kết quả."
    ),
    no_args_is_help=True,
)


@progress_app.command("export", cls=_Command)
@user_errors
def progress_export(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", metavar="TỆP.jsonl", help="Tệp sẽ ghi (ghi đè nếu đã có).", show_default=False
        ),
    ],
    progress: ProgressOption = None,
) -> None:
    """Xuất mọi câu trả lời (mỗi dòng một đối tượng JSON, có id ổn định) để máy khác gộp vào.

    
    Ví dụ:
      quiz progress export -o ~/Sync/may-xach-tay.jsonl
    """
    from quiz.bank.library import progress_path
    from quiz.exchange.progress_sync import export_jsonl
    from quiz.progress.store import Store

    path = progress_path(progress)
    with Store.open(path) as store:
        count = export_jsonl(store, output)
    echo(M.PROGRESS_EXPORTED.format(path=output, count=count, store=path), style="green")


@progress_app.command("merge", cls=_Command)
@user_errors
def progress_merge(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="TỆP…", help="Bản xuất .jsonl hoặc tệp tiến độ của máy khác.", show_default=False
        ),
    ],
    progress: ProgressOption = None,
) -> None:
    """Gộp câu trả lời từ máy khác vào tệp tiến độ: hợp không trùng lặp, trạng thái thẻ tính lại bằng FSRS
    theo thứ tự thời gian. Tệp tiến độ cũ được sao lưu bên cạnh trước khi ghi.

    
    Ví dụ:
      quiz progress merge ~/Sync/may-ban.jsonl
      quiz progress merge a.jsonl b.jsonl
    """
    from quiz.bank.library import progress_path
    from quiz.exchange.progress_sync import merge
    from quiz.progress.clock import now

    report = merge(progress_path(progress), files, now=now())
    for path, read, new in report.sources:
        echo(M.PROGRESS_MERGE_SOURCE.format(path=path, read=read, new=new))
    if report.backup is not None:
        echo(M.PROGRESS_MERGE_BACKUP.format(path=report.backup))
    echo(
        M.PROGRESS_MERGED.format(
            path=report.store,
            before=report.before,
            after=report.after,
            added=report.added,
            questions=report.questions,
        ),
        style="green",
    )


@progress_app.command("repair", cls=_Command)
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

    
    Ví dụ:
      quiz progress repair -o tien-do-moi.db
      quiz progress repair --progress hong.db -o moi.db
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
