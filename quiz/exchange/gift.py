"""GIFT, Moodle's plain-text question format (also read by many other quiz tools).

| ours      | GIFT                                                                              |
|-----------|-----------------------------------------------------------------------------------|
| choice    | `{=right ~wrong …}`                                                               |
| multi     | `{~%50%right ~%50%right ~%-100%wrong}` (weights as in Moodle XML)                  |
| text      | short answer `{=answer =other accepted form …}`                                   |
| date      | short answer accepting the usual ways to write the date                           |
| number    | `{#245:0}` (answer:tolerance); the unit in the question text                      |
| truefalse | `{TRUE}` / `{FALSE}`                                                              |
| cloze     | missing word `before {=a =b} after`: one question per blank (`id-1`, `id-2`…) |
| order     | 3+ items: matching `{=Vị trí 1 -> item …}`; fewer: skipped (GIFT matching needs three pairs) |

The explanation, source and quote are the general feedback (`####…`). Special characters `~ = # { } :`
are escaped with a backslash, line breaks written as `\\n`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quiz import messages as M
from quiz.bank.model import CLOZE_BLANK, Bank, Question
from quiz.exchange.common import Exported, date_forms, feedback_text, number_text, write_bytes_atomic

_SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    out = text
    for char in _SPECIAL:
        out = out.replace(char, "\\" + char)
    return out.replace("\r", "").replace("\n", "\\n")


def _weights(question: Question) -> list[str]:
    right = set(question.answer)
    wrong = len(question.choices) - len(right)
    out = []
    for choice in question.choices:
        weight = 100 / len(right) if choice in right else -100 / wrong
        out.append(f"~%{_percent(weight)}%{escape(choice)}")
    return out


def _percent(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def question_gift(bank: Bank, question: Question) -> str | None:
    """One question in GIFT (None when GIFT cannot express it)."""
    feedback = feedback_text(bank, question)
    tail = f" ####{escape(feedback)}" if feedback else ""
    title = f"::{escape(question.id)}:: "
    prompt = escape(question.prompt or "")
    if question.type == "number" and question.unit:
        prompt += f" ({M.UNIT_LABEL}\\: {escape(question.unit)})"
    if question.type == "choice":
        options = " ".join(("=" if c == question.answer else "~") + escape(c) for c in question.choices)
        return f"{title}{prompt} {{{options}{tail}}}"
    if question.type == "multi":
        return f"{title}{prompt} {{{' '.join(_weights(question))}{tail}}}"
    if question.type in ("text", "date"):
        forms = (
            [question.answer, *question.accept] if question.type == "text" else date_forms(question.answer)
        )
        answers = " ".join("=" + escape(f) for f in dict.fromkeys(forms))
        return f"{title}{prompt} {{{answers}{tail}}}"
    if question.type == "number":
        tolerance = format(question.tolerance.normalize(), "f")
        return f"{title}{prompt} {{#{number_text(question)}:{tolerance}{tail}}}"
    if question.type == "truefalse":
        return f"{title}{prompt} {{{'TRUE' if question.answer else 'FALSE'}{tail}}}"
    if question.type == "cloze":
        return "\n\n".join(_missing_words(question, tail))
    if question.type == "order":
        if len(question.items) < 3 or any("->" in item for item in question.items):
            return None
        pairs = " ".join(
            f"={escape(M.EXPORT_ORDER_POSITION.format(n=n))} -> {escape(item)}"
            for n, item in enumerate(question.items, start=1)
        )
        return f"{title}{prompt} {M.ORDER_MATCH_HINT} {{{pairs}{tail}}}"
    return None


def _missing_words(question: Question, tail: str) -> list[str]:
    """A cloze as GIFT missing-word questions, one per blank (the other blanks filled in):
    GIFT holds one answer set per question."""
    text = question.text or ""
    matches = list(CLOZE_BLANK.finditer(text))
    out = []
    for n, (match, answers) in enumerate(zip(matches, question.blanks, strict=True), start=1):
        before = CLOZE_BLANK.sub(lambda m: m.group(1).split("|")[0].strip(), text[: match.start()])
        after = CLOZE_BLANK.sub(lambda m: m.group(1).split("|")[0].strip(), text[match.end() :])
        name = question.id if len(matches) == 1 else f"{question.id}-{n}"
        options = " ".join("=" + escape(a) for a in answers)
        body = f"::{escape(name)}:: {escape(before).rstrip()} {{{options}{tail}}} {escape(after).lstrip()}"
        out.append(body.rstrip())
    return out


def gift_text(banks: Sequence[Bank]) -> tuple[str, Exported]:
    result = Exported(path=Path(), format="gift")
    blocks: list[str] = []
    for bank in banks:
        blocks.append(
            f"// quiz: {bank.id}\n$CATEGORY: $course$/top/quiz/{bank.title.replace(chr(10), ' ')}\n"
        )
        for question in bank.questions:
            text = question_gift(bank, question)
            if text is None:
                result.skipped[question.type] += 1
                continue
            blocks.append(text + "\n")
            result.questions += 1
            result.notes += text.count("\n\n::") + 1  # a cloze of n blanks is n GIFT questions
    return "\n".join(blocks), result


def export_gift(banks: Sequence[Bank], path: Path) -> Exported:
    text, result = gift_text(banks)
    write_bytes_atomic(Path(path), text.encode("utf-8"))
    result.path = Path(path)
    return result
