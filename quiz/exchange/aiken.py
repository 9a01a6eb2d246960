"""Aiken, Moodle's simplest import format: single-answer multiple choice only.

Each question is its prompt on one line, then `A. option` lines, then `ANSWER: A`, then a blank line.
Choice questions are written as they are and true/false ones as `A. Đúng` / `B. Sai`; every other type
is skipped (counted per type in the result). Lost: the explanation, source and quote (Aiken has no
feedback), the order the bank asked for when `shuffle: false` (Moodle decides), tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quiz.bank.model import Bank
from quiz.exchange.common import Exported, iter_questions, write_bytes_atomic
from quiz.exchange.plaintext import LETTERS, as_choice


def aiken_text(banks: Sequence[Bank]) -> tuple[str, Exported]:
    result = Exported(path=Path(), format="aiken")
    blocks: list[str] = []
    for _bank, question in iter_questions(banks):
        choice = as_choice(question)
        if choice is None:
            result.skipped[question.type] += 1
            continue
        prompt, options, right = choice
        lines = [prompt, *(f"{LETTERS[i]}. {o}" for i, o in enumerate(options)), f"ANSWER: {right[0]}"]
        blocks.append("\n".join(lines) + "\n")
        result.questions += 1
        result.notes += 1
    return "\n".join(blocks), result


def export_aiken(banks: Sequence[Bank], path: Path) -> Exported:
    text, result = aiken_text(banks)
    write_bytes_atomic(Path(path), text.encode("utf-8"))
    result.path = Path(path)
    return result
