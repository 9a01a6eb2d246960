"""Judge a learner's response against a `Question`: correct, almost (with a reason) or wrong.

Pure functions; nothing here raises on any response. The verdict carries codes only (outcome,
reason, note, the options missed or extra, the blanks wrong); the ui turns them into Vietnamese.

`judge(question, response)` dispatches on the question type (docs/design.md gives the response
each type gets). Typed answers follow "Judging typed answers" in docs/bank-format.md; the word
by word rules live in `quiz.text.match`: a typo is a slip inside one syllable that leaves a
non-word; a change that yields another valid syllable is another word, and wrong.

Reasons: "tone" (right, tone mark placed the old/new way or `lí`/`lý`), "diacritics" (thiếu
dấu: marks left out), "marks" (sai dấu: a wrong mark), "typo" (lỗi gõ). With
`accept_no_diacritics` (the learner's setting), "diacritics" is correct, reason kept so that the
spelling is still shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from quiz.bank.model import Outcome, Question, Reason, cloze_blanks
from quiz.text.dates import PRECISION_RANK, parse_date
from quiz.text.datewords import read_date
from quiz.text.match import FILLER, Context, Match, match_form, normalize, tokens
from quiz.text.numbers import number_readings, roman_to_int
from quiz.text.numwords import find_number_words
from quiz.text.vietnamese import fold, norm_key
from quiz.text.yesno import truth_value

CORRECT = Outcome.CORRECT.value
ALMOST = Outcome.ALMOST.value
WRONG = Outcome.WRONG.value
OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
REASONS: tuple[str, ...] = tuple(r.value for r in Reason)
# Notes (codes) a verdict may carry; quiz/ui/render.py words them.
NOTES: tuple[str, ...] = ("not_a_number", "not_a_date", "need_day", "need_month", "blank_count")


@dataclass(frozen=True)
class Verdict:
    """The judge's decision, as codes.

    `outcome` "correct" / "almost" / "wrong"; `reason` "diacritics", "marks", "tone", "typo" or
    None; `expected` the answer to show (for text, the accepted form matched); `note` one of
    `NOTES` or None; `missed` / `extra` the options a multi answer left out / chose wrongly;
    `blanks` for cloze, (blank number 1-based, its right word, reason or None) of every blank
    not right as typed (wrong blanks have reason "wrong").
    """

    outcome: str
    expected: str
    reason: str | None = None
    note: str | None = None
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    blanks: tuple[tuple[int, str, str], ...] = ()
    count: int = 0  # blanks expected (note "blank_count")

    @property
    def accepted(self) -> bool:
        """True for correct and almost: the learner knew it."""
        return self.outcome in (CORRECT, ALMOST)


def _blank(response: Any) -> bool:
    return not isinstance(response, str) or not response.strip()


def _squash(text: str) -> str:
    return " ".join(norm_key(text).split())


# --------------------------------------------------------------------------- text answers

_RANK = {CORRECT: 0, ALMOST: 1}


def _verdict_of(match: Match) -> tuple[str, str | None]:
    if match.typos or match.joins:
        return ALMOST, "typo"
    if match.marks:
        return ALMOST, "marks"
    if match.diacritics:
        return ALMOST, "diacritics"
    return CORRECT, "tone" if match.tone else None


def judge_text(
    expected: str,
    accept: Sequence[str] = (),
    given: Any = "",
    prompt: str = "",
    accept_no_diacritics: bool = False,
) -> Verdict:
    """Judge a typed answer against `expected` and every form in `accept`.

    `prompt` is what the learner was asked (its words are harmless in the answer). The
    verdict's `expected` is the form matched (with its diacritics), else `expected`.
    """
    expected_text = expected if isinstance(expected, str) else str(expected)
    if _blank(given) or len(given) > 2000:
        return Verdict(WRONG, expected_text)
    if isinstance(accept, str):
        accept = [accept]
    forms = [expected_text, *(a for a in accept or () if isinstance(a, str))]
    context = Context(
        question=tokens(prompt or "", True, False) if prompt else (),
        forms=tuple(tokens(f) for f in forms),
    )
    best: tuple[tuple[int, Match, bool], str, str | None, str] | None = None
    for form in forms:
        if not tokens(form):  # an answer made of punctuation only
            if _squash(form) == _squash(given):
                return Verdict(CORRECT, form)
            continue
        found = match_form(form, given, context)
        if found is None:
            continue
        outcome, reason = _verdict_of(found)
        literal = fold(_squash(form)).split() != fold(_squash(given)).split()  # ties: the form as typed
        key = (_RANK[outcome], found, literal)
        if best is None or key < best[0]:
            best = (key, outcome, reason, form)
    if best is None:
        return Verdict(WRONG, expected_text)
    _, outcome, reason, form = best
    if reason == "diacritics" and accept_no_diacritics:
        outcome = CORRECT
    return Verdict(outcome, form, reason)


# --------------------------------------------------------------------------- per question type


def _canonical(question: Question) -> str:
    try:
        return question.canonical_answer()
    except Exception:  # a malformed Question must not break judging
        return str(question.answer)


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and _squash(a) == _squash(b)


def _judge_choice(question: Question, response: Any, **_: Any) -> Verdict:
    ok = _same(response, question.answer)
    return Verdict(CORRECT if ok else WRONG, _canonical(question))


def _judge_multi(question: Question, response: Any, **_: Any) -> Verdict:
    expected = _canonical(question)
    if isinstance(response, str):
        response = [response]
    try:
        chosen = list(response)
    except TypeError:
        return Verdict(WRONG, expected)
    if not all(isinstance(c, str) for c in chosen) or not isinstance(question.answer, Iterable):
        return Verdict(WRONG, expected)
    right = {_squash(a) for a in question.answer if isinstance(a, str)}
    picked = {_squash(c) for c in chosen}
    options = list(question.choices) or [*question.answer, *chosen]
    missed = tuple(dict.fromkeys(c for c in options if _squash(c) in right - picked))
    extra = tuple(dict.fromkeys(c for c in [*options, *chosen] if _squash(c) in picked - right))
    ok = picked == right
    return Verdict(CORRECT if ok else WRONG, expected, missed=missed, extra=extra)


def _judge_truefalse(question: Question, response: Any, **_: Any) -> Verdict:
    value = response if isinstance(response, bool) else truth_value(response)
    ok = value is not None and value == bool(question.answer)
    return Verdict(CORRECT if ok else WRONG, _canonical(question))


def _judge_order(question: Question, response: Any, **_: Any) -> Verdict:
    expected = _canonical(question)
    if isinstance(response, str):
        return Verdict(WRONG, expected)
    try:
        given = list(response)
    except TypeError:
        return Verdict(WRONG, expected)
    items = list(question.items)
    ok = len(given) == len(items) and all(_same(g, e) for g, e in zip(given, items, strict=True))
    return Verdict(CORRECT if ok else WRONG, expected)


# Words a learner puts around a number that claim nothing more (folded).
_HEDGES = frozenset(
    "gan hon tren khoang chung xap xi uoc tinh ngot do toi den co la so thu duoc tat ca tong cong "
    "chi rieng".split()
)
_MULTIPLIERS = {"nghin": 1000, "ngan": 1000, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_NUMBER_PIECE = re.compile(r"[+\-]?\d+(?:[., ]\d{3})*(?:[.,]\d+)?|[^\W\d_]+")


def _number_items(text: str) -> list[tuple[str, list[Decimal] | str]]:
    """The response as ("n", readings) and ("w", folded word) items."""
    s = normalize(text).replace("%", " ")
    pieces = _NUMBER_PIECE.findall(s)
    words = [fold(p) if not p[0].isdigit() and p[0] not in "+-" else "" for p in pieces]
    runs = {start: (end, value) for start, end, value in find_number_words(words)}
    items: list[tuple[str, list[Decimal] | str]] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if i in runs:
            end, value = runs[i]
            items.append(("n", [Decimal(value)]))
            i = end
            continue
        if words[i] == "":
            readings = number_readings(piece)
            if i + 1 < len(pieces) and words[i + 1] in _MULTIPLIERS:
                readings = [r * _MULTIPLIERS[words[i + 1]] for r in readings]
                i += 1
            items.append(("n", readings))
        else:
            items.append(("w", words[i]))
        i += 1
    return items


def _judge_number(question: Question, response: Any, **_: Any) -> Verdict:
    expected_text = _canonical(question)
    if _blank(response) or len(response) > 200:
        return Verdict(WRONG, expected_text)
    try:
        expected = Decimal(str(question.answer))
        tolerance = abs(Decimal(str(question.tolerance or 0)))
    except (InvalidOperation, ValueError, ArithmeticError):
        return Verdict(WRONG, expected_text)
    items = _number_items(response)
    roman = roman_to_int(response.strip().strip(".")) if len(items) == 1 and items[0][0] == "w" else None
    if roman:
        items = [("n", [Decimal(roman)])]
    numbers = [r for kind, r in items if kind == "n"]
    if not numbers:
        return Verdict(WRONG, expected_text, note="not_a_number")
    asked = _number_items(" ".join(filter(None, [question.prompt, question.unit])))
    quoted = _number_items(question.quote or "")
    known_numbers = {v for _, r in [*asked, *quoted] if isinstance(r, list) for v in r}
    harmless = {w for _, w in asked if isinstance(w, str)} | _HEDGES
    harmless |= {fold(w) for phrase in FILLER for w in phrase}
    quote_words = {w for _, w in quoted if isinstance(w, str)}

    def right(readings: list[Decimal]) -> bool:
        return any(abs(value - expected) <= tolerance for value in readings)

    numbers_given = [r for kind, r in items if kind == "n" and isinstance(r, list)]
    # with another number of the quote, the quote's words may come too: `… ở 111 quốc gia`
    second = any(not right(r) and any(v in known_numbers for v in r) for r in numbers_given)
    found = False
    for kind, item in items:
        if kind == "n":
            assert isinstance(item, list)
            if right(item) and not found:
                found = True
            elif not any(v in known_numbers for v in item):
                return Verdict(WRONG, expected_text)  # a second number: `245 hoặc 250`
        elif item not in harmless and not (second and item in quote_words):
            return Verdict(WRONG, expected_text)  # `245 quốc gia` for 245 chính đảng
    return Verdict(CORRECT if found else WRONG, expected_text)


def _judge_date(question: Question, response: Any, **_: Any) -> Verdict:
    expected_text = _canonical(question)
    if _blank(response):
        return Verdict(WRONG, expected_text)
    expected = parse_date(str(question.answer))
    given = read_date(response)
    if given is None or expected is None:
        return Verdict(WRONG, expected_text, note="not_a_date" if given is None else None)
    (e_iso, e_precision), (g_iso, g_precision) = expected, given
    if PRECISION_RANK[g_precision] < PRECISION_RANK[e_precision]:
        return Verdict(WRONG, expected_text, note="need_day" if e_precision == "day" else "need_month")
    ok = g_iso[: len(e_iso)] == e_iso
    return Verdict(CORRECT if ok else WRONG, expected_text)


def _groups(question: Question, count: int) -> list[list[int]]:
    """The blanks (0-based) that may be permuted among themselves, each blank in one group."""
    unordered = getattr(question, "unordered", ())
    if unordered is True:  # a Question built in code may say True: every blank
        groups = [list(range(count))]
    elif isinstance(unordered, (tuple, list)):
        groups = [[p - 1 for p in g if isinstance(p, int) and 0 < p <= count] for g in unordered]
    else:
        groups = []
    seen = {p for g in groups for p in g}
    return [g for g in groups if g] + [[p] for p in range(count) if p not in seen]


_BLANK_RANK = {CORRECT: 0, ALMOST: 1, WRONG: 2}


def _assign(group: list[int], given: list[int], cost: dict[tuple[int, int], int]) -> list[int] | None:
    """The permutation of `given` over `group` with the lowest total cost (bitmask DP, ≤ 12)."""
    n = len(group)
    if n > 12:
        return None
    best: dict[int, tuple[int, list[int]]] = {0: (0, [])}
    for i in range(n):
        nxt: dict[int, tuple[int, list[int]]] = {}
        for mask, (total, chosen) in best.items():
            for k in range(n):
                if mask & (1 << k):
                    continue
                value = total + cost[(group[i], given[k])]
                key = mask | (1 << k)
                if key not in nxt or value < nxt[key][0]:
                    nxt[key] = (value, [*chosen, given[k]])
        best = nxt
    return best[(1 << n) - 1][1]


def _judge_cloze(question: Question, response: Any, accept_no_diacritics: bool = False) -> Verdict:
    expected = _canonical(question)
    blanks = question.blanks
    if isinstance(response, str):
        response = [response]
    try:
        given = list(response)
    except TypeError:
        return Verdict(WRONG, expected)
    if len(given) != len(blanks) or not blanks:
        return Verdict(WRONG, expected, note="blank_count", count=len(blanks))
    context = " ".join(filter(None, [re.sub(r"\{\{.*?\}\}", " ", question.text or ""), question.prompt]))
    verdicts: dict[tuple[int, int], Verdict] = {}

    def verdict(b: int, g: int) -> Verdict:
        if (b, g) not in verdicts:
            alts = blanks[b]
            verdicts[(b, g)] = judge_text(alts[0], alts[1:], given[g], context, accept_no_diacritics)
        return verdicts[(b, g)]

    placed: dict[int, Verdict] = {}
    for group in _groups(question, len(blanks)):
        if len(group) == 1:
            placed[group[0]] = verdict(group[0], group[0])
            continue
        cost = {(b, g): _BLANK_RANK[verdict(b, g).outcome] for b in group for g in group}
        order = _assign(group, list(group), cost) or list(group)
        for b, g in zip(group, order, strict=True):
            placed[b] = verdict(b, g)
    notes = tuple(
        (b + 1, blanks[b][0], "wrong" if v.outcome == WRONG else v.reason or "")
        for b, v in sorted(placed.items())
        if v.outcome != CORRECT or v.reason not in (None, "tone")
    )
    outcomes = {v.outcome for v in placed.values()}
    if WRONG in outcomes:
        return Verdict(WRONG, expected, blanks=notes)
    if ALMOST in outcomes:
        reason = next(v.reason for _, v in sorted(placed.items()) if v.outcome == ALMOST)
        return Verdict(ALMOST, expected, reason, blanks=notes)
    reasons = [v.reason for v in placed.values() if v.reason]
    reason = "diacritics" if "diacritics" in reasons else "tone" if reasons else None
    return Verdict(CORRECT, expected, reason, blanks=notes)


def _judge_text_question(question: Question, response: Any, accept_no_diacritics: bool = False) -> Verdict:
    return judge_text(question.answer, question.accept, response, question.prompt or "", accept_no_diacritics)


_JUDGES: dict[str, Callable[..., Verdict]] = {
    "choice": _judge_choice,
    "multi": _judge_multi,
    "text": _judge_text_question,
    "number": _judge_number,
    "date": _judge_date,
    "truefalse": _judge_truefalse,
    "cloze": _judge_cloze,
    "order": _judge_order,
}


def judge(question: Question, response: Any, accept_no_diacritics: bool = False) -> Verdict:
    """Judge `response` (shaped as docs/design.md says for the question's type) → `Verdict`.

    `accept_no_diacritics`: the learner's setting that counts an answer typed without
    diacritics as correct (reason "diacritics" kept, so the spelling is shown). Never raises on
    any response; an empty or unreadable one is wrong.
    """
    judge_type = _JUDGES.get(question.type)
    if judge_type is None:
        return Verdict(WRONG, _canonical(question))
    return judge_type(question, response, accept_no_diacritics=accept_no_diacritics)


__all__ = ["Verdict", "judge", "judge_text", "cloze_blanks", "OUTCOMES", "REASONS", "NOTES"]
