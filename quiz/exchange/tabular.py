"""Tables in: a Quizlet set (tab-separated `term<TAB>definition`) and a CSV with a header row.

Quizlet's export ("Between term and definition: Tab", "Between rows: New line") gives one card per line;
the term becomes the prompt and the definition the answer of a `text` question.

A CSV (comma, semicolon or tab; UTF-8, a BOM is fine) names its columns in the first row, in English or
Vietnamese, case and diacritics aside:

- the question: `prompt`, `question`, `câu hỏi`, `term`, `front`
- the answer: `answer`, `đáp án`, `definition`, `back` (choice: the right option's text or letter;
  multi: several, `;` or `|` between them)
- `type` / `loại`: one of the 8 types (default `choice` when options are given, else `text`)
- the options: `choices` / `lựa chọn` / `options` with `|` between them, or one column per option `A`…`H`
- `accept` / `chấp nhận` (other accepted answers, `|` between), `items` (an `order` question's items in the
  right order), `text` (a `cloze` text with `{{…}}` blanks), `unit` / `đơn vị`, `tolerance` / `sai số`
- `explanation` / `giải thích`, `quote` / `trích dẫn`, `tags` / `nhãn`, `id`: as in a bank
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from quiz import messages as M
from quiz.bank.model import QUESTION_TYPES
from quiz.errors import QuizError
from quiz.exchange.draftbank import Draft, html_to_text
from quiz.text.vietnamese import fold

MAX_ROWS = 50_000
csv.field_size_limit(1_000_000)

_COLUMNS = {
    "prompt": ("prompt", "question", "cau hoi", "term", "thuat ngu", "front", "mat truoc", "hoi"),
    "answer": ("answer", "dap an", "definition", "dinh nghia", "back", "mat sau", "tra loi"),
    "type": ("type", "loai", "kieu"),
    "choices": ("choices", "lua chon", "options", "phuong an"),
    "accept": ("accept", "chap nhan", "dap an khac"),
    "items": ("items", "muc", "thu tu"),
    "text": ("text", "doan van", "cloze"),
    "unit": ("unit", "don vi"),
    "tolerance": ("tolerance", "sai so"),
    "explanation": ("explanation", "giai thich", "loi giai"),
    "quote": ("quote", "trich dan"),
    "tags": ("tags", "tag", "nhan"),
    "id": ("id", "ma"),
}
_LETTERS = "ABCDEFGH"
_SPLIT = re.compile(r"\s*\|\s*")
_SPLIT_MULTI = re.compile(r"\s*[|;]\s*")


def _key(header: str) -> str:
    return " ".join(fold(header).lower().replace("_", " ").split())


def read_quizlet(text: str, path: Path) -> list[Draft]:
    """A Quizlet export: `term<TAB>definition` per line."""
    drafts: list[Draft] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number > MAX_ROWS:
            raise QuizError(M.IMPORT_TOO_MANY.format(path=path, limit=MAX_ROWS))
        if not line.strip():
            continue
        term, sep, definition = line.partition("\t")
        prompt, answer = html_to_text(term), html_to_text(definition)
        if not sep or not prompt or not answer:
            raise QuizError(M.CSV_BAD_ROW.format(path=path, line=number, problem=M.QUIZLET_BAD_ROW))
        drafts.append(Draft(type="text", prompt=prompt, answer=answer, line=number))
    return drafts


def read_csv(text: str, path: Path) -> list[Draft]:
    """A CSV with a header row (see the module docstring)."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = csv.reader(text.splitlines(), delimiter=delimiter)
    header = next(rows, None)
    if header is None:
        raise QuizError(M.CSV_NO_HEADER.format(path=path))
    columns: dict[str, int] = {}
    letters: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _key(name)
        if len(key) == 1 and key.upper() in _LETTERS:
            letters[key.upper()] = index
            continue
        for field, names in _COLUMNS.items():
            if key in names and field not in columns:
                columns[field] = index
    if not ("prompt" in columns and "answer" in columns) and "text" not in columns and "items" not in columns:
        raise QuizError(M.CSV_NO_HEADER.format(path=path))
    drafts: list[Draft] = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS:
            raise QuizError(M.IMPORT_TOO_MANY.format(path=path, limit=MAX_ROWS))
        if not any(cell.strip() for cell in row):
            continue

        def cell(field: str, row: list[str] = row) -> str:
            index = columns.get(field)
            return html_to_text(row[index]) if index is not None and index < len(row) else ""

        try:
            drafts.append(_row_draft(cell, row, letters, number))
        except ValueError as err:
            raise QuizError(M.CSV_BAD_ROW.format(path=path, line=number, problem=err.args[0])) from None
    return drafts


def _row_draft(cell, row: list[str], letters: dict[str, int], number: int) -> Draft:  # noqa: ANN001
    from quiz.authoring.add import bool_value, date_value, number_value

    choices = [c for c in _SPLIT.split(cell("choices")) if c] if cell("choices") else []
    if not choices and letters:
        choices = [html_to_text(row[i]) for _, i in sorted(letters.items()) if i < len(row)]
        choices = [c for c in choices if c]
    qtype = fold(cell("type")).lower() or ("choice" if choices else "cloze" if cell("text") else "text")
    qtype = {"trac nghiem": "choice", "nhieu dap an": "multi", "dung sai": "truefalse", "so": "number"}.get(
        qtype, qtype
    )
    if qtype not in QUESTION_TYPES:
        raise ValueError(M.CSV_UNKNOWN_TYPE.format(value=cell("type")))
    draft = Draft(
        type=qtype,
        prompt=cell("prompt") or None,
        explanation=cell("explanation") or None,
        quote=cell("quote") or None,
        tags=[t for t in re.split(r"\s*[,;|]\s*", cell("tags")) if t],
        id=cell("id") or None,
        line=number,
    )
    answer = cell("answer")
    if qtype in ("choice", "multi"):
        draft.choices = choices
        wanted = _SPLIT_MULTI.split(answer) if qtype == "multi" else [answer]
        picked = []
        for value in wanted:
            if len(value) == 1 and value.upper() in _LETTERS and value not in choices:
                position = _LETTERS.index(value.upper())
                if position >= len(choices):
                    raise ValueError(M.CSV_NO_ANSWER_IN_CHOICES.format(value=value))
                value = choices[position]
            if value not in choices:
                raise ValueError(M.CSV_NO_ANSWER_IN_CHOICES.format(value=value))
            picked.append(value)
        draft.answer = picked if qtype == "multi" else picked[0]
    elif qtype == "text":
        draft.answer = answer
        draft.accept = [a for a in _SPLIT.split(cell("accept")) if a] if cell("accept") else []
    elif qtype == "number":
        draft.answer = number_value(answer)
        draft.unit = cell("unit") or None
        draft.tolerance = number_value(cell("tolerance")) if cell("tolerance") else None
    elif qtype == "date":
        draft.answer = date_value(answer)
    elif qtype == "truefalse":
        draft.answer = bool_value(answer)
    elif qtype == "cloze":
        draft.text = cell("text") or cell("prompt")
        draft.prompt = None
    elif qtype == "order":
        draft.items = [i for i in _SPLIT.split(cell("items") or answer) if i]
    return draft
