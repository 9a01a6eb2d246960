"""A question, its answer and its grounding as the plain text lines a learner reads.

Pure functions returning strings: the CLI decides where and how (colour or not) to print them.
"""

from __future__ import annotations

import string
import unicodedata

from quiz import messages as M
from quiz.bank.model import Bank, Question, cloze_display, format_date, format_decimal

LETTERS = string.ascii_lowercase


def seconds_left(seconds: float) -> int:
    """Whole seconds left, rounded up (a limit shows 0:00 only once it has passed), never below 0."""
    return max(0, int(seconds + 0.999))


def time_left_line(left: int) -> str:
    """`⏱ Còn m:ss`: how much of a session's or an exam's time is left."""
    return M.TIME_LEFT.format(left=f"{left // 60}:{left % 60:02d}")


def letter(index: int) -> str:
    return LETTERS[index]


def kind_label(question: Question) -> str:
    """The question's type in words (`chọn một`, `điền tháng/năm`), as the header shows it."""
    if question.type == "date":
        return M.DATE_LABELS[date_precision(question)]
    return M.TYPE_LABELS.get(question.type, question.type)


def question_lines(
    question: Question, order: list[str] | None = None, options: bool = True, kind: bool = True
) -> list[str]:
    """The question as asked: prompt, then lettered choices or numbered items.

    `order` is the shuffled order of choices (choice/multi) or items (order) the learner sees;
    `options=False` leaves them out (an interactive widget shows them instead); `kind=False` leaves
    out the `[type]` mark (a session's header already says it).
    """
    shown_prompt = numbered_cloze(question) if question.type == "cloze" else question.display_prompt
    lines = [f"[{kind_label(question)}] {shown_prompt}" if kind else shown_prompt]
    if question.type == "cloze" and question.prompt:
        lines.insert(0, question.prompt)
    if not options:
        return lines
    if question.type in ("choice", "multi"):
        shown = order or list(question.choices)
        lines += [f"  {letter(i)}) {choice}" for i, choice in enumerate(shown)]
    elif question.type == "order":
        shown = order or list(question.items)
        lines += [f"  {i}) {item}" for i, item in enumerate(shown, 1)]
    elif question.type == "truefalse":
        lines.append(f"  đ) {M.TRUE}   s) {M.FALSE}")
    elif question.type == "number" and question.unit:
        lines.append(f"  ({question.unit})")
    return lines


def answer_echo(question: Question, response: object, shown: list[str] | None = None) -> str:
    """The answer as it was read, in words (`b) Hoàng Bình Quân`, `Sai`, `a) …; c) …`), for plain output
    that does not show what was typed."""
    shown = shown or list(question.choices or question.items)

    def lettered(text: str) -> str:
        return f"{letter(shown.index(text))}) {text}" if text in shown[:26] else text

    if isinstance(response, bool):
        return M.TRUE if response else M.FALSE
    if question.type == "choice" and isinstance(response, str):
        return lettered(response)
    if question.type == "multi" and isinstance(response, (set, frozenset, list)):
        return "; ".join(lettered(c) for c in shown if c in response)
    if isinstance(response, (list, tuple)):
        return (" → " if question.type == "order" else " | ").join(str(r) for r in response)
    return str(getattr(response, "text", response))


def date_precision(question: Question) -> str:
    """ "day", "month" or "year": how precise a date answer is asked for."""
    return {3: "day", 2: "month"}.get(len(str(question.answer).split("-")), "year")


def numbered_cloze(question: Question) -> str:
    """The cloze text with numbered blanks when there are several, so each input has its place."""
    count = len(question.blanks)
    if count < 2:
        return cloze_display(question.text or "")
    return cloze_display(question.text or "", [f"____({n})" for n in range(1, count + 1)])


def answer_lines(bank: Bank, question: Question) -> list[str]:
    """The answer, accepted alternatives, explanation, source and quote."""
    lines = [f"{M.SHOW_ANSWER}: {question.canonical_answer()}"]
    if question.type == "text" and question.accept:
        lines.append(f"{M.SHOW_ACCEPT}: {'; '.join(question.accept)}")
    if question.type == "cloze":
        lines.append(f"  {cloze_display(question.text or '', [alts[0] for alts in question.blanks])}")
        alternatives = [M.OR.join(b) for b in question.blanks if len(b) > 1]
        if alternatives:
            lines.append(f"{M.SHOW_ACCEPT}: {'; '.join(alternatives)}")
    if question.type == "number" and question.tolerance:
        lines.append(M.SHOW_TOLERANCE.format(value=format_decimal(question.tolerance)))
    lines += grounding_lines(bank, question)
    if question.tags:
        lines.append(f"{M.SHOW_TAGS}: {', '.join(question.tags)}")
    return lines


def grounding_lines(bank: Bank, question: Question) -> list[str]:
    """Explanation, then the source and its quote, as shown after every answer."""
    lines = []
    if question.explanation:
        lines.append(f"{M.SHOW_EXPLANATION}: {question.explanation}")
    source = bank.source(question.source)
    if source is not None:
        when = f", {format_date(source.published)}" if source.published else ""
        publisher = (
            f" ({source.publisher}{when})" if source.publisher else (f" ({source.published})" if when else "")
        )
        lines.append(f"{M.SHOW_SOURCE}: {source.title}{publisher}")
    if question.quote:
        lines.append(f"{M.SHOW_QUOTE}: «{question.quote}»")
    return lines


def cells(text: str) -> int:
    """How many terminal columns `text` takes (wide East Asian characters two, combining marks none)."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """`text` wrapped at word boundaries to `width` columns: `first` before the first line, `rest`
    (spaces as wide as `first` by default) before the others. A word wider than a line is the only
    thing ever cut. Each newline of `text` starts a new line."""
    rest = " " * cells(first) if rest is None else rest
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = first if not lines else rest
        used = cells(line)
        empty = True
        for word in paragraph.split():
            size = cells(word)
            if not empty and used + 1 + size > width:
                lines.append(line)
                line, used, empty = rest, cells(rest), True
            if not empty:
                line, used = line + " ", used + 1
            while used + size > width and used < width and size > 1:  # a word longer than a line
                room = width - used
                head, word = _cut(word, room)
                lines.append(line + head)
                line, used = rest, cells(rest)
                size = cells(word)
            line, used, empty = line + word, used + size, False
        lines.append(line)
    return lines


def _cut(word: str, room: int) -> tuple[str, str]:
    """The first `room` columns of a word and the rest (never zero characters)."""
    used = 0
    for index, char in enumerate(word):
        used += cells(char)
        if used > room:
            return word[: max(1, index)], word[max(1, index) :]
    return word, ""
