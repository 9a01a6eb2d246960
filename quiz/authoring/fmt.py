"""The canonical layout of a bank (`quiz bank fmt`): fixed key order, one blank line between
questions; written only when the new text loads to the very same bank."""

from __future__ import annotations

from typing import Any

from quiz import messages as M
from quiz.authoring.add import SOURCE_KEY_ORDER, AuthoringError, _dump, _without_line, question_yaml
from quiz.bank.loader import load_text
from quiz.bank.model import Bank, Question
from quiz.errors import QuizError


def bank_dict(bank: Bank) -> dict[str, Any]:
    """A bank as plain values in canonical key order, defaults left out."""
    out: dict[str, Any] = {"bank": bank.id, "title": bank.title, "language": bank.language}
    if bank.description:
        out["description"] = bank.description
    if bank.sources:
        out["sources"] = [
            {k: getattr(s, k) for k in SOURCE_KEY_ORDER if getattr(s, k) is not None} for s in bank.sources
        ]
    out["questions"] = [question_dict(q) for q in bank.questions]
    return out


def question_dict(question: Question) -> dict[str, Any]:
    """One loaded question as plain values in canonical key order, defaults left out."""
    q = question
    out: dict[str, Any] = {"id": q.id, "type": q.type}
    if q.prompt is not None:
        out["prompt"] = q.prompt
    if q.type == "cloze":
        out["text"] = q.text
        if q.unordered:  # one group of every blank reads best as `true`
            every = (tuple(range(1, len(q.blanks) + 1)),)
            out["unordered"] = True if q.unordered == every else [list(group) for group in q.unordered]
    if q.type in ("choice", "multi"):
        out["choices"] = list(q.choices)
    if q.type == "order":
        out["items"] = list(q.items)
    if q.type == "multi":
        out["answer"] = list(q.answer)
    elif q.type not in ("cloze", "order"):
        out["answer"] = q.answer
    if q.type == "text" and q.accept:
        out["accept"] = list(q.accept)
    if q.type == "number":
        if q.tolerance:
            out["tolerance"] = q.tolerance
        if q.unit:
            out["unit"] = q.unit
    if q.type in ("choice", "multi") and not q.shuffle:
        out["shuffle"] = False
    for key in ("source", "quote", "explanation"):
        if getattr(q, key) is not None:
            out[key] = getattr(q, key)
    if q.tags:
        out["tags"] = list(q.tags)
    if q.siblings:
        out["siblings"] = list(q.siblings)
    return out


def bank_yaml(bank: Bank) -> str:
    """The canonical text of a bank: fixed key order, one blank line between questions."""
    data = bank_dict(bank)
    questions = data.pop("questions")
    head = _dump(data)
    blocks = [question_yaml(q, indent=2) for q in questions]
    return head + "questions:\n" + "\n".join(blocks)


def same_bank(a: Bank, b: Bank) -> bool:
    """Same bank content: every field of the bank, its sources and questions (lines and path aside),
    and the same question fingerprints."""

    def key(bank: Bank) -> tuple[Any, ...]:
        return (
            bank.id,
            bank.title,
            bank.language,
            bank.description,
            tuple(_without_line(s) for s in bank.sources),
            tuple(_without_line(q) for q in bank.questions),
            tuple(q.fingerprint() for q in bank.questions),
            tuple(str(q.answer) for q in bank.questions),
            tuple(str(q.tolerance) for q in bank.questions),
        )

    return key(a) == key(b)


def format_bank(text: str, filename: str = "<bank>") -> str:
    """The canonical layout of a bank's text. Comments are not kept.

    Raises AuthoringError when the bank does not load, and QuizError when the formatted text
    would not load to the very same bank (then nothing must be written).
    """
    bank, problems = load_text(text, filename)
    if bank is None:
        raise AuthoringError(problems)
    formatted = bank_yaml(bank)
    again, problems = load_text(formatted, filename)
    if again is None or not same_bank(bank, again):
        raise QuizError(M.FMT_NOT_SAME.format(file=filename))
    return formatted
