"""The bank model: plain, immutable data, no I/O.

A `Bank` holds `Source`s and `Question`s exactly as the loader validated them.
Every text is NFC. Answers are stored in one canonical Python form per type:

| type      | `answer`                          | other keys used                     |
|-----------|-----------------------------------|-------------------------------------|
| choice    | str (one of `choices`)            | choices, shuffle                    |
| multi     | tuple[str, ...] (subset of choices)| choices, shuffle                   |
| text      | str                               | accept                              |
| number    | Decimal                           | tolerance (Decimal), unit           |
| date      | str "YYYY-MM-DD" / "YYYY-MM" / "YYYY" |                                 |
| truefalse | bool                              |                                     |
| cloze     | None                              | text (with {{a|b}} blanks), blanks, unordered |
| order     | None                              | items (in the correct order)        |
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Context, Decimal
from enum import Enum, IntEnum
from pathlib import Path
from typing import Any, NamedTuple


class _Vocabulary(str, Enum):
    """A closed vocabulary whose values are the strings stored in banks and in the progress store
    (Python 3.10 has no StrEnum): a member is equal to, prints and formats as its value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class QuestionType(_Vocabulary):
    CHOICE = "choice"
    MULTI = "multi"
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    TRUEFALSE = "truefalse"
    CLOZE = "cloze"
    ORDER = "order"


class Outcome(_Vocabulary):
    """The judge's verdict on an answer."""

    CORRECT = "correct"
    ALMOST = "almost"
    WRONG = "wrong"


class Reason(_Vocabulary):
    """Why an answer is almost right (a correct answer may carry TONE as information)."""

    DIACRITICS = "diacritics"  # thiếu dấu: marks left out
    MARKS = "marks"  # sai dấu: a wrong mark
    TONE = "tone"
    TYPO = "typo"


class Mode(_Vocabulary):
    STUDY = "study"
    EXAM = "exam"


class CardStatus(_Vocabulary):
    """A card's FSRS state, as stored in `cards.state`."""

    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


class Rating(IntEnum):
    """FSRS ratings, as stored in `reviews.rating`."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


QUESTION_TYPES: tuple[str, ...] = tuple(t.value for t in QuestionType)

# `\Z`, not `$`: `$` also matches before a final newline, so "bank-id\n" would pass. 80 characters at most:
# an id is typed, shown in one line, and used in file names.
ID_PATTERN = re.compile(r"\A(?=.{1,80}\Z)[a-z0-9]+(?:-[a-z0-9]+)*\Z", re.DOTALL)


class Blank(NamedTuple):
    """One `{{…}}` blank of a cloze text, shaped like the `re.Match` of the old blank regex."""

    begin: int  # index of the opening `{{`
    finish: int  # index just after the closing `}}`
    inner: str

    def group(self, n: int = 0) -> str:
        return self.inner if n == 1 else "{{" + self.inner + "}}"

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return (self.begin, self.finish)


class _ClozeBlanks:
    """`{{…}}` blanks found in one linear pass (the same matches as the regex `{{(.*?)}}` with DOTALL).

    The regex tries every unclosed `{{` against the rest of the text: quadratic (40 KB of `{{` took 19 s).
    Here each `{{` looks for the next `}}` once; when there is none, no later `{{` can close either.
    """

    def finditer(self, text: str) -> Iterator[Blank]:
        at = 0
        while True:
            begin = text.find("{{", at)
            if begin < 0:
                return
            close = text.find("}}", begin + 2)
            if close < 0:
                return
            yield Blank(begin, close + 2, text[begin + 2 : close])
            at = close + 2

    def sub(self, replace: str | Callable[[Blank], str], text: str) -> str:
        parts: list[str] = []
        at = 0
        for blank in self.finditer(text):
            parts.append(text[at : blank.begin])
            parts.append(replace if isinstance(replace, str) else replace(blank))
            at = blank.finish
        parts.append(text[at:])
        return "".join(parts)


CLOZE_BLANK = _ClozeBlanks()


def cloze_blanks(text: str) -> tuple[tuple[str, ...], ...]:
    """The accepted answers of each `{{a|b}}` blank of a cloze text, in order."""
    return tuple(
        tuple(part.strip() for part in m.group(1).split("|") if part.strip())
        for m in CLOZE_BLANK.finditer(text)
    )


def cloze_display(text: str, fill: list[str] | None = None, blank: str = "____") -> str:
    """The cloze text with each blank shown as `blank` (or filled from `fill`)."""
    values = iter(fill or [])

    def sub(m: Blank) -> str:
        if fill is None:
            return blank
        return next(values, blank)

    return CLOZE_BLANK.sub(sub, text)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    file: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str | None = None
    answer: Any = None
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: Decimal = Decimal(0)
    unit: str | None = None
    text: str | None = None
    items: tuple[str, ...] = ()
    shuffle: bool = True
    source: str | None = None
    quote: str | None = None
    explanation: str | None = None
    tags: tuple[str, ...] = ()
    siblings: tuple[str, ...] = ()  # other questions of the bank never asked in the same session or exam
    unordered: tuple[
        tuple[int, ...], ...
    ] = ()  # cloze: groups of 1-based blanks that may be filled in any order
    line: int = 0
    key_lines: tuple[tuple[str, int], ...] = field(default=(), compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of one of the question's keys in its bank file (the question's line if absent)."""
        return dict(self.key_lines).get(key, self.line)

    @property
    def blanks(self) -> tuple[tuple[str, ...], ...]:
        """Accepted answers per blank (cloze only; empty for other types)."""
        return cloze_blanks(self.text) if self.type == "cloze" and self.text else ()

    @property
    def display_prompt(self) -> str:
        """What the learner reads: the prompt, or the cloze text with blanks."""
        if self.type == "cloze":
            return cloze_display(self.text or "")
        return self.prompt or ""

    def canonical_answer(self) -> str:
        """The right answer as one line of text, for display after judging."""
        if self.type == "multi":
            return "; ".join(self.answer)
        if self.type == "truefalse":
            return "Đúng" if self.answer else "Sai"
        if self.type == "cloze":
            return " · ".join(alts[0] for alts in self.blanks)  # the missing words, not the whole text
        if self.type == "order":
            return " → ".join(self.items)
        if self.type == "number":
            text = format_decimal(self.answer)
            return f"{text} {self.unit}" if self.unit else text
        if self.type == "date":
            return format_date(self.answer)
        return str(self.answer)

    def content(self) -> dict[str, Any]:
        """What the learner is asked and what counts as right (no metadata)."""
        content: dict[str, Any] = {
            "type": self.type,
            "prompt": self.prompt,
            "answer": _jsonable(self.answer),
            "choices": list(self.choices),
            "accept": list(self.accept),
            "tolerance": str(self.tolerance),
            "unit": self.unit,
            "text": self.text,
            "items": list(self.items),
        }
        if self.unordered:  # only when set: other questions keep their fingerprint
            content["unordered"] = [list(g) for g in self.unordered]
        return content

    def fingerprint(self) -> str:
        """A short hash of the question's content: changes when its wording or answer does."""
        raw = json.dumps(self.content(), ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    questions: tuple[Question, ...]
    language: str = "vi"
    description: str | None = None
    sources: tuple[Source, ...] = ()
    path: Path | None = None
    line: int = 0
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)
    _siblings: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({q.id: q for q in self.questions})
        pairs: dict[str, set[str]] = {}
        for q in self.questions:
            for other in q.siblings:
                if other != q.id:
                    pairs.setdefault(q.id, set()).add(other)
                    pairs.setdefault(other, set()).add(q.id)
        self._siblings.update({qid: frozenset(ids) for qid, ids in pairs.items()})

    def question(self, qid: str) -> Question | None:
        return self._index.get(qid)

    def siblings_of(self, qid: str) -> frozenset[str]:
        """The questions declared siblings of `qid` (on either side: `siblings` is symmetric)."""
        return self._siblings.get(qid, frozenset())

    def source(self, sid: str | None) -> Source | None:
        return next((s for s in self.sources if s.id == sid), None)


def format_decimal(value: Decimal) -> str:
    """A number the Vietnamese way: `1.000`, `0,6`."""
    sign = "-" if value < 0 else ""
    value = value.copy_abs()  # exact (abs() rounds to the context's 28 digits)
    if value == value.to_integral_value():  # 1E+3 → 1000 (exact: a context as precise as the number)
        value = value.normalize(Context(prec=max(len(value.as_tuple().digits), 1)))
    text = format(value, "f")
    whole, _, frac = text.partition(".")
    first = len(whole) % 3 or 3  # groups of three from the right, in one pass
    out = ".".join([whole[:first], *(whole[i : i + 3] for i in range(first, len(whole), 3))])
    if frac:
        out += "," + frac
    return sign + out


def format_date(iso: str) -> str:
    """`2019-02-18` → `18/2/2019`; `2021-12` → `12/2021`; `2019` → `2019`."""
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"{int(parts[1])}/{parts[0]}"
    return parts[0]


def _jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


_TAG_SEPARATORS = re.compile(r"[\s\-_‐‑‒–—]+")


def tag_key(tag: str) -> str:
    """What makes two tags the same tag: no case, no diacritics, and spaces, hyphens and underscores
    alike (`số liệu` = `số-liệu` = `so_lieu`), so `--tag` and the report group them as one."""
    import unicodedata

    from quiz.text.vietnamese import fold

    folded = fold(unicodedata.normalize("NFC", tag)).casefold()
    return _TAG_SEPARATORS.sub("-", folded).strip("-")
