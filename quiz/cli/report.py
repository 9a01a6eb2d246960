"""`quiz report`: the progress report as text, JSON or one HTML page."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quiz import messages as M
from quiz.cli.common import BanksArgument, BanksOption, ProgressOption, console, echo, user_errors, warn
from quiz.errors import QuizError


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
            metavar="TỆP",
            help="Ghi báo cáo thành một trang HTML độc lập (mở được khi không có mạng, in đẹp).",
            show_default=False,
        ),
    ] = None,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Tiến độ học: theo ngân hàng và thẻ — câu mới, đang học, đã thuộc, đến hạn, tỉ lệ đúng,
    chuỗi ngày học, lịch ôn 14 ngày tới, hoạt động 12 tuần qua, các câu yếu nhất.

    
    Ví dụ:
      quiz report
      quiz report --json
      quiz report --html tien-do.html
    """
    import json

    from quiz.bank.library import library_dirs, progress_path, resolve
    from quiz.progress.clock import now as clock_now
    from quiz.progress.report import build_report
    from quiz.text.escape import escape_json

    remembered = None
    if bank and progress_path(progress).is_file():  # an id may name a bank studied by path
        from quiz.progress.store import Store

        with Store.open(progress_path(progress)) as store:
            remembered = {b: path for b, (path, _when) in store.bank_paths().items()}
    chosen = resolve(bank or [], library_dirs(banks), warn=warn, remembered=remembered)
    data = build_report(chosen, progress_path(progress), clock_now(), all_banks=not bank)
    if html is not None:
        from quiz.ui.report_html import render_html

        try:
            html.write_text(render_html(data), encoding="utf-8")
        except OSError as exc:
            raise QuizError(M.REPORT_HTML_UNWRITABLE.format(path=html, reason=M.os_reason(exc))) from None
        echo(M.REPORT_HTML_WRITTEN.format(path=html), style="green", err=as_json)
    if as_json:
        typer.echo(escape_json(json.dumps(data, ensure_ascii=False, indent=2)))  # valid JSON, inert text
    elif html is None:
        from quiz.ui.report_view import render

        render(data, console())
