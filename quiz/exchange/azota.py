"""Azota's standard exam layout ("Cấu trúc đề thi chuẩn" in Azota's guide), as plain text to paste or save
as a Word file and upload:

    Câu 1. <question>
    A. <option>
    B. <option>
    …
    HẾT
    Bảng đáp án
    1-A
    …
    Lời giải
    1. <explanation, source and quote>

Choice questions and true/false ones (as `A. Đúng` / `B. Sai`) are written; Azota's answer table holds one
letter per question, so multi-answer and every other type are skipped (counted per type). Questions are
numbered across all the banks given; each bank starts a part (`Phần 1. <title>`) when there are several.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quiz import messages as M
from quiz.bank.model import Bank
from quiz.exchange.common import Exported, feedback_text, write_bytes_atomic
from quiz.exchange.plaintext import LETTERS, as_choice, one_line


def azota_text(banks: Sequence[Bank]) -> tuple[str, Exported]:
    result = Exported(path=Path(), format="azota")
    lines: list[str] = []
    key: list[str] = []
    explanations: list[str] = []
    number = 0
    for part, bank in enumerate(banks, start=1):
        if len(banks) > 1:
            lines.append(f"{M.AZOTA_PART} {part}. {one_line(bank.title)}")
        for question in bank.questions:
            choice = as_choice(question)
            if choice is None:
                result.skipped[question.type] += 1
                continue
            number += 1
            prompt, options, right = choice
            lines.append(f"{M.AZOTA_QUESTION} {number}. {prompt}")
            lines += [f"{LETTERS[i]}. {o}" for i, o in enumerate(options)]
            key.append(f"{number}-{right[0]}")
            feedback = one_line(feedback_text(bank, question))
            if feedback:
                explanations.append(f"{number}. {feedback}")
            result.questions += 1
            result.notes += 1
    lines.append(M.AZOTA_END)
    lines.append(M.AZOTA_KEY)
    lines += key
    if explanations:
        lines.append(M.AZOTA_SOLUTIONS)
        lines += explanations
    return "\n".join(lines) + "\n", result


def export_azota(banks: Sequence[Bank], path: Path) -> Exported:
    text, result = azota_text(banks)
    write_bytes_atomic(Path(path), text.encode("utf-8"))
    result.path = Path(path)
    return result
