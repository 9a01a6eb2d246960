"""`quiz bank …`: check, list, show, and the authoring commands new, add, draft, fmt."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from quiz import messages as M
from quiz.cli.common import BanksOption, _Command, _Group, echo, echo_lines, user_errors, warn
from quiz.errors import QuizError

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


@bank_app.command("check", cls=_Command)
@user_errors
def bank_check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="TỆP", help="Tệp YAML hoặc thư mục (mặc định: thư mục ngân hàng).", show_default=False
        ),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="THƯ_MỤC",
            help="Thư mục bài báo gốc: mọi `quote` phải có nguyên văn trong tệp nguồn.",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Coi cảnh báo chất lượng là lỗi (mã thoát 1).")
    ] = False,
    banks: BanksOption = None,
) -> None:
    """Kiểm tra ngân hàng câu hỏi: liệt kê mọi lỗi (tệp:dòng) trong một lần chạy, rồi các cảnh báo
    chất lượng (đề in đáp án của câu khác, id chứa đáp án, đề quá dài…; xem docs/bank-format.md).

    
    Ví dụ:
      quiz bank check
      quiz bank check banks/moi.yaml --sources banks/sources --strict

    Mã thoát: 0 không lỗi, 1 có lỗi (--strict: cả cảnh báo), 2 đường dẫn không dùng được.
    """
    from quiz.bank.grounding import check_paths
    from quiz.bank.library import display_path, library_dirs, library_files

    def outside(file: Path) -> None:
        home = next((f for f in folders if file.parent == f), folders[0])
        warn(M.LINK_OUTSIDE.format(file=display_path(file), folder=home))

    folders = library_dirs(banks)
    if not paths and len(folders) > 1:  # outside a clone: the shipped banks and the user's own
        paths = [file for folder in folders if folder.is_dir() for file in library_files(folder, outside)]
    totals = check_paths(paths or [], sources, library=folders[0], outside=outside)
    echo_lines(str(problem) for problem in totals.problems)  # one console, the first MAX_SHOWN
    echo_lines((str(w) for w in totals.warnings), style="red" if strict else "yellow")
    errors = len(totals.problems) + (len(totals.warnings) if strict else 0)
    if errors:
        echo(M.CHECK_FAILED.format(count=errors, files=totals.files), style="red")
        raise typer.Exit(1)
    template = M.CHECK_OK_SOURCES if sources is not None else M.CHECK_OK
    echo(
        template.format(
            files=totals.files, banks=totals.banks, questions=totals.questions, quotes=totals.quotes
        ),
        style="green",
    )
    if totals.warnings:
        echo(M.CHECK_WARNINGS.format(count=len(totals.warnings)), style="yellow")


@bank_app.command("list", cls=_Command)
@user_errors
def bank_list(banks: BanksOption = None) -> None:
    """Liệt kê các ngân hàng câu hỏi: id, tên, số câu, tệp.

    
    Ví dụ:
      quiz bank list
      quiz bank list --banks ~/ngan-hang
    """
    from quiz.bank.library import display_path, library_dirs, resolve

    folders = library_dirs(banks)
    found = resolve([], folders, warn=warn)
    width = max(len(b.id) for b in found)
    for n, folder in enumerate(f for f in folders if f.is_dir() or f == folders[0]):
        # each folder under its title (outside a clone: the shipped banks, then the learner's own)
        inside = [b for b in found if b.path is not None and b.path.parent == folder]
        if n and not inside:
            continue
        if n:
            echo()
        echo(M.LIST_TITLE.format(folder=display_path(folder)), style="bold")
        for bank in inside:
            count = M.LIST_COUNT.format(count=len(bank.questions))
            echo(f"{bank.id:<{width}}  {count:>8}  {bank.path.name}", style="bold")  # type: ignore[union-attr]
            echo(f"    {bank.title}")
    echo(M.LIST_TOTAL.format(banks=len(found), questions=sum(len(b.questions) for b in found)), style="dim")


@bank_app.command("show", cls=_Command)
@user_errors
def bank_show(
    bank: Annotated[str, typer.Argument(help="Id ngân hàng hoặc tệp YAML.")],
    question_id: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Id câu hỏi (bỏ trống: cả ngân hàng).")
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Xem một ngân hàng, hoặc một câu hỏi như người học thấy, kèm đáp án.

    
    Ví dụ:
      quiz bank show doi-ngoai-dang-2018
      quiz bank show doi-ngoai-dang-2018 so-chinh-dang-2018
    """
    from quiz.bank.library import library_dirs, resolve
    from quiz.ui.render import answer_lines, question_lines

    found = resolve([bank], library_dirs(banks), warn=warn)
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


def _library(folders: list[Path]) -> list[Any]:
    """The banks of the library, or none when it has none."""
    from quiz.bank.library import resolve

    try:
        return resolve([], folders, warn=lambda _line: None)
    except QuizError:
        return []


def _one_bank(name: str, banks: Path | None) -> Any:
    """The single bank a BANK argument names (it must have a file)."""
    from quiz.bank.library import library_dirs, resolve

    found = resolve([name], library_dirs(banks), warn=warn)
    if len(found) != 1 or found[0].path is None:
        raise QuizError(M.AUTHOR_ONE_BANK.format(name=name))
    return found[0]


@bank_app.command("new", cls=_Command)
@user_errors
def bank_new(
    bank_id: Annotated[str, typer.Argument(metavar="ID", help="Mã ngân hàng mới, ví dụ chi-thi-doi-ngoai.")],
    title: Annotated[
        str | None, typer.Option("--title", metavar="TÊN", help="Tên ngân hàng.", show_default=False)
    ] = None,
    source: Annotated[
        Path | None,
        typer.Option(
            "--source",
            metavar="TỆP",
            help="Tệp văn bản bài báo: thành nguồn `file:` và được chép vào <thư mục ngân hàng>/sources/.",
            show_default=False,
        ),
    ] = None,
    source_title: Annotated[
        str | None,
        typer.Option(
            "--source-title",
            metavar="TÊN",
            help="Tên bài báo (mặc định: dòng tiêu đề của bài).",
            show_default=False,
        ),
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Tạo ngân hàng mới <thư mục ngân hàng>/ID.yaml: mỗi loại câu hỏi một câu mẫu, mọi khóa có chú thích.

    
    Ví dụ:
      quiz bank new chi-thi-doi-ngoai --title "Chỉ thị về đối ngoại" --source bai-bao.txt

    Không ghi đè tệp đã có. Tiếp theo: quiz bank add ID, rồi quiz bank check.
    """
    import shlex

    from quiz.authoring.new import create_bank
    from quiz.bank.library import display_path, library_dirs, new_bank_dir
    from quiz.bank.model import ID_PATTERN

    folder = new_bank_dir(banks)  # outside a clone: the user data folder, never the installed package
    if ID_PATTERN.match(bank_id) and not (folder / f"{bank_id}.yaml").exists():  # an existing file: its error
        taken = next((b for b in _library(library_dirs(banks)) if b.id == bank_id), None)
        if taken is not None:
            raise QuizError(M.AUTHOR_BANK_ID_TAKEN.format(id=bank_id, path=display_path(taken.path)))
    created = create_bank(folder, bank_id, title=title, source=source, source_title=source_title)
    if created.article is not None:
        echo(M.NEW_SOURCE_COPIED.format(path=display_path(created.article)))
    again = f" --banks {shlex.quote(str(banks))}" if banks is not None else ""
    echo(
        M.NEW_DONE.format(
            path=display_path(created.path),
            count=created.questions,
            add=f"quiz bank add {bank_id}{again}",
            check=f"quiz bank check {shlex.quote(display_path(created.path))}",
        ),
        style="green",
    )


@bank_app.command("add", cls=_Command)
@user_errors
def bank_add(
    bank: Annotated[str, typer.Argument(help="Id ngân hàng hoặc tệp YAML.")],
    qtype: Annotated[
        str | None,
        typer.Option(
            "--type",
            metavar="LOẠI",
            help="choice, multi, text, number, date, truefalse, cloze hoặc order. Có --type: không hỏi gì.",
            show_default=False,
        ),
    ] = None,
    prompt: Annotated[
        str | None, typer.Option("--prompt", metavar="CÂU_HỎI", help="Câu hỏi.", show_default=False)
    ] = None,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="ĐÁP_ÁN",
            help="Đáp án (multi: lặp lại cho mỗi đáp án đúng).",
            show_default=False,
        ),
    ] = None,
    choice: Annotated[
        list[str] | None,
        typer.Option("--choice", metavar="LỰA_CHỌN", help="Một lựa chọn (lặp lại).", show_default=False),
    ] = None,
    accept: Annotated[
        list[str] | None,
        typer.Option(
            "--accept",
            metavar="CÁCH_VIẾT",
            help="Cách viết khác cũng đúng (text; lặp lại).",
            show_default=False,
        ),
    ] = None,
    tolerance: Annotated[
        str | None,
        typer.Option("--tolerance", metavar="SỐ", help="Sai số cho phép (number).", show_default=False),
    ] = None,
    unit: Annotated[
        str | None, typer.Option("--unit", metavar="ĐƠN_VỊ", help="Đơn vị (number).", show_default=False)
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text", metavar="ĐOẠN_VĂN", help="Đoạn văn có chỗ trống {{đáp án}} (cloze).", show_default=False
        ),
    ] = None,
    item: Annotated[
        list[str] | None,
        typer.Option(
            "--item", metavar="MỤC", help="Một mục, theo đúng thứ tự (order; lặp lại).", show_default=False
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="MÃ", help="Mã nguồn.", show_default=False)
    ] = None,
    quote: Annotated[
        str | None,
        typer.Option("--quote", metavar="TRÍCH_DẪN", help="Trích dẫn nguyên văn từ bài.", show_default=False),
    ] = None,
    explanation: Annotated[
        str | None,
        typer.Option("--explanation", metavar="GIẢI_THÍCH", help="Giải thích.", show_default=False),
    ] = None,
    tag: Annotated[
        list[str] | None, typer.Option("--tag", metavar="THẺ", help="Thẻ (lặp lại).", show_default=False)
    ] = None,
    qid: Annotated[
        str | None,
        typer.Option("--id", metavar="MÃ", help="Mã câu (mặc định: từ câu hỏi).", show_default=False),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources",
            metavar="THƯ_MỤC",
            help="Thư mục bài báo để đối chiếu `quote` (mặc định: sources/ cạnh ngân hàng).",
            show_default=False,
        ),
    ] = None,
    banks: BanksOption = None,
) -> None:
    """Thêm một câu hỏi vào cuối ngân hàng, giữ nguyên văn bản và chú thích sẵn có.

    Không có --type (trong terminal): hỏi từng trường, kiểm tra ngay, xem trước rồi xác nhận;
    gõ < để quay lại trường trước. Số viết kiểu Việt Nam: 245, 1.000 (hàng nghìn), 0,6 (thập phân).

    
    Ví dụ:
      quiz bank add chi-thi-doi-ngoai
      quiz bank add chi-thi-doi-ngoai --type number --prompt "Bao nhiêu chính đảng?" --answer 245

    Câu không hợp lệ, hoặc trích dẫn không có nguyên văn trong bài: mã thoát 2, tệp không đổi.
    """
    from quiz.authoring import add as authoring
    from quiz.bank.library import display_path
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

        question = ask_question(found, original, filename=name, path=path, sources_dir=sources)
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
        question = authoring.question_from_options(fields, {q.id for q in found.questions})
        for typed, known in authoring.tag_suggestions(question.get("tags", []), found):
            warn(M.ADD_TAG_SUGGEST.format(typed=typed, known=known))
    result = authoring.commit_question(path, original, bom, question, filename=name, sources_dir=sources)
    if qtype is not None:
        for line in question_lines(result.question):
            echo(line, style="bold")
        for line in answer_lines(result.bank, result.question):
            echo(line)
    echo(M.ADD_DONE.format(id=result.question.id, path=name, count=len(result.bank.questions)), style="green")


@bank_app.command("draft", cls=_Command)
@user_errors
def bank_draft(
    article: Annotated[Path, typer.Argument(help="Tệp văn bản bài báo (UTF-8).")],
    bank_id: Annotated[
        str | None,
        typer.Option(
            "--bank", metavar="MÃ", help="Mã ngân hàng (mặc định: từ tên tệp bài báo).", show_default=False
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="TỆP",
            help="Ghi ra tệp này (không ghi đè), chép bài báo vào sources/ cạnh nó; mặc định: in ra.",
            show_default=False,
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TÊN", help="Tên ngân hàng.", show_default=False)
    ] = None,
) -> None:
    """Soạn nháp ngân hàng từ một bài báo: câu hỏi về ngày tháng, con số, số hiệu văn bản, trích dẫn.

    Mọi câu mang thẻ `draft` và trích nguyên văn câu trong bài: duyệt, sửa hoặc xóa từng câu.

    
    Ví dụ:
      quiz bank draft bai-bao.txt --out banks/bai-bao.yaml
      quiz bank draft bai-bao.txt > nhap.yaml
    """
    from quiz.authoring.draft import draft_from_article

    drafted, created = draft_from_article(article, bank_id, out=out, title=title)
    if created is None:
        sys.stdout.write(drafted)
        return
    if created.article is not None:
        echo(M.NEW_SOURCE_COPIED.format(path=created.article))
    echo(M.DRAFT_WROTE.format(path=created.path, count=created.questions), style="green")


@bank_app.command("fmt", cls=_Command)
@user_errors
def bank_fmt(
    names: Annotated[list[str], typer.Argument(metavar="BANK...", help="Id ngân hàng hoặc tệp YAML.")],
    check: Annotated[
        bool, typer.Option("--check", help="Chỉ kiểm tra: mã thoát 1 nếu tệp chưa đúng bố cục chuẩn.")
    ] = False,
    banks: BanksOption = None,
) -> None:
    """Viết lại ngân hàng theo bố cục chuẩn (thứ tự khóa cố định, một dòng trống giữa các câu).

    Mọi chú thích (# …) và các nhóm câu được giữ nguyên. Tệp chỉ được ghi khi bản mới nạp lại
    đúng y ngân hàng cũ (mọi câu, mọi trường) và còn đủ mọi chú thích.

    
    Ví dụ:
      quiz bank fmt chi-thi-doi-ngoai
      quiz bank fmt banks/moi.yaml --check
    """
    from quiz.authoring import add as authoring
    from quiz.authoring.fmt import format_bank
    from quiz.bank.library import display_path

    unformatted = 0
    for name in names:
        found = _one_bank(name, banks)
        shown = display_path(found.path)
        original, bom = authoring.read_bank_text(found.path)
        formatted = format_bank(original, shown)
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
