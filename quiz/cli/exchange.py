"""`quiz export …` and `quiz import`: banks to Anki, Moodle XML, GIFT, Aiken, Azota; other tools' files in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from quiz import messages as M
from quiz.cli.common import (
    BanksArgument,
    BanksOption,
    ProgressOption,
    _Command,
    _Group,
    echo,
    user_errors,
    warn,
)

export_app = typer.Typer(
    cls=_Group,
    help=(
        "Xuất ngân hàng câu hỏi sang công cụ khác: Anki, Moodle, Azota.\n\n"
        "\b\nVí dụ:\n"
        "  quiz export anki doi-ngoai-dang-2018 -o doi-ngoai.apkg --with-progress\n"
        "  quiz export moodle-xml doi-ngoai-dang-2018 -o de.xml\n"
        "  quiz export gift doi-ngoai-dang-2018 -o de.gift.txt\n"
        "  quiz export aiken doi-ngoai-dang-2018 -o de.aiken.txt\n"
        "  quiz export azota doi-ngoai-dang-2018 -o de.azota.txt\n\n"
        "Bảng chuyển đổi từng loại câu và những gì bị mất: docs/exchange.md."
    ),
    no_args_is_help=True,
)

OutputOption = Annotated[
    Path,
    typer.Option("--output", "-o", metavar="TỆP", help="Tệp sẽ ghi (ghi đè nếu đã có).", show_default=False),
]


def _banks(bank: list[str] | None, banks: Path | None) -> list[Any]:
    from quiz.bank.library import library_dirs, resolve

    return resolve(bank or [], library_dirs(banks), warn=warn)


def _report(result: Any, label: str) -> None:
    """The file written and what went in; what was left out, per type."""
    if result.format == "anki":
        line = M.EXPORT_ANKI_DONE.format(
            path=result.path, questions=result.questions, notes=result.notes, cards=result.cards
        )
        if result.reviews:
            line += M.EXPORT_ANKI_REVIEWS.format(reviews=result.reviews)
    elif result.notes != result.questions:
        line = M.EXPORT_DONE_SPLIT.format(
            path=result.path, questions=result.questions, items=result.notes, format=label
        )
    else:
        line = M.EXPORT_DONE.format(path=result.path, questions=result.questions, format=label)
    echo(line, style="green")
    if result.skipped_total:
        kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.skipped.items()) if n)
        warn(M.EXPORT_SKIPPED.format(count=result.skipped_total, format=label, kinds=kinds))


@export_app.command("anki", cls=_Command)
@user_errors
def export_anki(
    output: OutputOption,
    bank: BanksArgument = None,
    with_progress: Annotated[
        bool,
        typer.Option(
            "--with-progress",
            help="Mang theo lịch sử ôn của từng câu (revlog) và trạng thái FSRS, để FSRS của Anki học tiếp.",
        ),
    ] = False,
    banks: BanksOption = None,
    progress: ProgressOption = None,
) -> None:
    """Xuất thành gói Anki (.apkg): mỗi câu một ghi chú; xuất lại thì Anki cập nhật, không nhân đôi.

    
    Ví dụ:
      quiz export anki doi-ngoai-dang-2018 -o doi-ngoai.apkg --with-progress
    """
    from quiz.exchange.anki import export_apkg
    from quiz.progress.clock import now

    chosen = _banks(bank, banks)
    store = None
    if with_progress:
        from quiz.bank.library import progress_path
        from quiz.progress.store import Store

        path = progress_path(progress)
        if path.exists():
            store = Store.open(path)
        else:
            warn(M.EXPORT_NO_PROGRESS.format(path=path))
    try:
        result = export_apkg(chosen, output, timestamp=now(), store=store)
    finally:
        if store is not None:
            store.close()
    _report(result, "Anki")


@export_app.command("moodle-xml", cls=_Command)
@user_errors
def export_moodle(
    output: OutputOption,
    bank: BanksArgument = None,
    order: Annotated[
        str,
        typer.Option(
            "--order",
            metavar="ordering|matching",
            help="Câu sắp xếp thành câu `ordering` (Moodle 4.4+) hay `matching` (mọi bản Moodle).",
        ),
    ] = "ordering",
    banks: BanksOption = None,
) -> None:
    """Xuất Moodle XML (đủ 8 loại câu) để nhập vào ngân hàng câu hỏi của Moodle.

    
    Ví dụ:
      quiz export moodle-xml doi-ngoai-dang-2018 -o de.xml --order matching
    """
    from quiz.errors import QuizError
    from quiz.exchange.moodle import ORDER_AS, export_moodle_xml

    if order not in ORDER_AS:
        raise QuizError(M.EXPORT_BAD_ORDER.format(value=order))
    _report(export_moodle_xml(_banks(bank, banks), output, order_as=order), "Moodle XML")


@export_app.command("gift", cls=_Command)
@user_errors
def export_gift(output: OutputOption, bank: BanksArgument = None, banks: BanksOption = None) -> None:
    """Xuất GIFT (định dạng văn bản của Moodle).

    
    Ví dụ:
      quiz export gift doi-ngoai-dang-2018 -o de.gift.txt
    """
    from quiz.exchange.gift import export_gift as write

    _report(write(_banks(bank, banks), output), "GIFT")


@export_app.command("aiken", cls=_Command)
@user_errors
def export_aiken(output: OutputOption, bank: BanksArgument = None, banks: BanksOption = None) -> None:
    """Xuất Aiken (Moodle): chỉ câu một đáp án và đúng/sai.

    
    Ví dụ:
      quiz export aiken doi-ngoai-dang-2018 -o de.aiken.txt
    """
    from quiz.exchange.aiken import export_aiken as write

    _report(write(_banks(bank, banks), output), "Aiken")


@export_app.command("azota", cls=_Command)
@user_errors
def export_azota(output: OutputOption, bank: BanksArgument = None, banks: BanksOption = None) -> None:
    """Xuất đề Azota theo cấu trúc chuẩn: câu hỏi, phương án A–H, HẾT, bảng đáp án, lời giải.

    
    Ví dụ:
      quiz export azota doi-ngoai-dang-2018 -o de.azota.txt
    """
    from quiz.exchange.azota import export_azota as write

    _report(write(_banks(bank, banks), output), "Azota")


@user_errors
def import_command(
    file: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp cần nhập.", show_default=False)],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="TỆP.yaml",
            help="Ngân hàng nháp sẽ ghi, ví dụ banks/moi.yaml.",
            show_default=False,
        ),
    ],
    source_format: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="anki|anki-text|quizlet|csv",
            help="Định dạng của tệp (mặc định: đoán theo phần mở rộng .apkg, .txt, .tsv, .csv).",
            show_default=False,
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option("--ghi-de", help="Ghi đè nếu tệp -o đã có.")] = False,
) -> None:
    """Nhập bộ thẻ Anki (.apkg hoặc bản xuất văn bản), bộ Quizlet (tab giữa thuật ngữ và định nghĩa) hoặc
    CSV có dòng tiêu đề thành một ngân hàng nháp: mọi câu mang tag `draft`; câu chưa có trích dẫn được
    đánh dấu `chưa-trích-dẫn` để bạn bổ sung nguồn (không bao giờ tự bịa trích dẫn).

    \b
    Ví dụ:
      quiz import the-anki.apkg -o banks/tu-anki.yaml
      quiz import bo-quizlet.txt -o banks/quizlet.yaml
      quiz import de.csv -o banks/de.yaml --from csv
    """
    from quiz.errors import QuizError
    from quiz.exchange.importing import IMPORT_FORMATS, import_file

    if source_format is not None and source_format not in IMPORT_FORMATS:
        raise QuizError(M.IMPORT_BAD_FORMAT.format(value=source_format, formats=", ".join(IMPORT_FORMATS)))
    result = import_file(file, output, source_format, overwrite=overwrite)
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(result.by_type.items()))
    echo(
        M.IMPORT_DONE.format(path=result.path, bank=result.bank_id, questions=result.questions, kinds=kinds),
        style="green",
    )
    if result.without_quote:
        warn(M.IMPORT_WITHOUT_QUOTE.format(count=result.without_quote))
    import shlex

    command = f"quiz bank check {shlex.quote(str(result.path))}"
    sources = Path(result.path).parent / "sources"
    if sources.is_dir():  # the articles beside the bank: its quotes are checked against them
        command += f" --sources {shlex.quote(str(sources))}"
    echo(M.IMPORT_NEXT.format(command=command))
