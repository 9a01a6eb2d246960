"""What every exporter and importer shares: the result of an export, stable ids, text helpers."""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quiz import messages as M
from quiz.bank.model import Bank, Question, format_date, format_decimal
from quiz.errors import QuizError


@dataclass
class Exported:
    """The outcome of one export: the file written, how many questions went in, which were left out."""

    path: Path
    format: str
    questions: int = 0
    notes: int = 0  # Anki: notes; other formats: questions written
    cards: int = 0  # Anki: cards (a cloze note has one card per cloze group)
    reviews: int = 0  # Anki --with-progress: revlog rows
    skipped: Counter[str] = field(default_factory=Counter)  # question type -> how many were left out

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())


def stable_int(*parts: str, bits: int = 52) -> int:
    """A positive integer from text, the same on every machine (Anki ids stay below 2**53 for JavaScript)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    value = int.from_bytes(digest[:8], "big") >> (64 - bits)
    return value or 1


def iter_questions(banks: Iterable[Bank]) -> Iterator[tuple[Bank, Question]]:
    for bank in banks:
        for question in bank.questions:
            yield bank, question


def date_forms(iso: str) -> list[str]:
    """The ways a learner may write a date answer, for formats that only compare strings."""
    parts = iso.split("-")
    forms = [format_date(iso)]
    if len(parts) == 3:
        y, m, d = parts
        forms += [f"{d}/{m}/{y}", f"{int(d)}-{int(m)}-{y}", iso, f"ngày {int(d)} tháng {int(m)} năm {y}"]
    elif len(parts) == 2:
        y, m = parts
        forms += [f"{m}/{y}", f"tháng {int(m)}/{y}", f"tháng {int(m)} năm {y}", iso]
    return list(dict.fromkeys(forms))


def number_text(question: Question) -> str:
    """A number answer in plain decimal notation with a point (what other tools parse)."""
    return format(question.answer.normalize(), "f") if question.answer is not None else ""


def answer_line(question: Question) -> str:
    """The right answer as one line (our own wording: `245 chính đảng`, `18/2/2019`, `Đúng`)."""
    return question.canonical_answer()


def source_line(bank: Bank, question: Question) -> str | None:
    """`Title (publisher, date)` of the question's source, or None."""
    source = bank.source(question.source)
    if source is None:
        return None
    extra = ", ".join(p for p in (source.publisher, source.published) if p)
    return f"{source.title} ({extra})" if extra else source.title


def back_html(bank: Bank, question: Question, *, answer: bool = True) -> str:
    """The back of a card: the answer, the explanation, the source and the quote, as escaped HTML."""
    parts: list[str] = []
    if answer:
        parts.append(f"<div class=quiz-answer><b>{M.ANSWER_LABEL}:</b> {esc(answer_line(question))}</div>")
    if question.explanation:
        parts.append(f"<div class=quiz-explanation>{esc(question.explanation)}</div>")
    source = source_line(bank, question)
    if source:
        found = bank.source(question.source)
        url = found.url if found is not None else None
        link = f' <a href="{esc(url)}">{esc(url)}</a>' if url else ""
        parts.append(f"<div class=quiz-source><b>{M.SOURCE_LABEL}:</b> {esc(source)}{link}</div>")
    if question.quote:
        parts.append(f"<blockquote class=quiz-quote>{esc(question.quote)}</blockquote>")
    return "\n".join(parts)


def esc(text: str | None) -> str:
    """Text as HTML (a stranger's bank may hold markup: it is shown, never run)."""
    return html.escape(text or "", quote=True).replace("\n", "<br>")


def feedback_text(bank: Bank, question: Question) -> str:
    """Explanation, source and quote as plain text, for the general feedback of teacher formats."""
    parts = []
    if question.explanation:
        parts.append(question.explanation)
    source = source_line(bank, question)
    if source:
        parts.append(f"{M.SOURCE_LABEL}: {source}")
    if question.quote:
        parts.append(f"“{question.quote}”")
    return "\n".join(parts)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write all of `data` or nothing: a crash never leaves half a file; OS faults as one QuizError line."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise QuizError(M.CANNOT_WRITE.format(path=path, error=M.os_reason(err))) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise QuizError(M.CANNOT_WRITE.format(path=path, error=M.os_reason(err))) from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


__all__ = ["Exported", "format_decimal", "stable_int"]
