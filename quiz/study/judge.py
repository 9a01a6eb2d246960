"""Judge a learner's response against a `Question`: correct, almost (with a reason) or wrong.

Pure functions, standard library only; nothing here raises on any response.

`judge(question, response)` dispatches on the question type (see docs/design.md for the response
each type gets). Typed answers (`text`, cloze blanks, `number`, `date`) follow "Judging typed
answers" in the bank format:

* case, surrounding spaces and punctuation, repeated spaces, Unicode form never matter;
* old/new tone placement (`hoà` = `hòa`) is correct, with reason "tone" as information;
* missing diacritics (all or some) is "almost", reason "diacritics";
* a small typo (edit distance 1 from 5 letters, 2 from 12) is "almost", reason "typo";
  never on numbers, dates or document codes: different digits or codes are wrong;
* document codes match whatever the separators (`32-CT/TW` = `32/CT-TW` = `số 32 CT TW`);
* Roman and Arabic ordinals agree (`Đại hội XIII` = `Đại hội 13`);
* numbers use Vietnamese separators (`1.000`, `0,6`), a trailing unit is ignored;
* dates are day first; the precision asked is the precision needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

from quiz import messages as M
from quiz.bank.model import Outcome, Question, Reason
from quiz.text.codes import DOC_TYPE_WORDS, find_codes
from quiz.text.dates import PRECISION_RANK, parse_date
from quiz.text.numbers import number_readings, parse_numeral, roman_to_int
from quiz.text.vietnamese import fold, lacks_only_marks, norm_key, tone_key

CORRECT = Outcome.CORRECT.value
ALMOST = Outcome.ALMOST.value
WRONG = Outcome.WRONG.value
OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
REASONS: tuple[str, ...] = tuple(r.value for r in Reason)

# Learner-visible explanations (Vietnamese, NFC). `{expected}` is the answer as the bank spells it.


@dataclass(frozen=True)
class Verdict:
    """The judge's decision.

    `outcome` is "correct", "almost" or "wrong"; `reason` is "diacritics", "tone", "typo" or None
    (a correct answer may carry "tone"); `expected` is the answer to show (for text, the accepted
    form the learner matched); `detail` a short Vietnamese explanation when useful.
    """

    outcome: str
    expected: str
    reason: str | None = None
    detail: str | None = None

    @property
    def accepted(self) -> bool:
        """True for correct and almost: the learner knew it."""
        return self.outcome in (CORRECT, ALMOST)


# --------------------------------------------------------------------------- normalisation


_norm = norm_key


def _blank(response: Any) -> bool:
    return not isinstance(response, str) or not response.strip()


# Roman-looking tokens that are also Vietnamese words ("vi", "di", "mi", ...): read as numerals
# only after a word that announces an ordinal, or when they are the whole answer.
_ROMAN_AMBIGUOUS = frozenset({"i", "v", "x", "l", "c", "d", "m", "di", "li", "mi", "vi", "xi"})
_ORDINAL_CONTEXT = frozenset(
    {"hoi", "khoa", "thu", "ky", "lan", "uong", "quoc", "chuong", "phan", "muc", "hop"}
)

# --------------------------------------------------------------------------- text answers

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_VOWELS = frozenset("aeiouy")
_Spelling = Sequence[tuple[str, str]]


class _TextKey(NamedTuple):
    tokens: tuple[tuple[str, str], ...]  # ("w", word) / ("n", number) / ("c", document code)
    tones: tuple[tuple[str, str], ...]  # words as tone keys, numbers and codes as they are
    spelled: tuple[tuple[str, str], ...]  # (letter, tone) per character, for the lenient distance
    figures: tuple[tuple[str, str], ...]  # the numbers and codes, in order
    letters: int  # how many letters the words have


def _number_tokens(raw: str) -> list[tuple[str, str]]:
    try:
        value = parse_numeral(raw)
    except (InvalidOperation, ValueError):
        value = None
    if value is not None and len(raw) <= 40:
        return [("n", format(value.normalize(), "f"))]
    return [("n", digits.lstrip("0") or "0") for digits in re.split(r"[.,]", raw)]


def _plain_tokens(segment: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for tok in _TOKEN.findall(segment):
        out.extend(_number_tokens(tok) if tok[0].isdigit() else [("w", tok)])
    return out


def _text_key(text: str, romans: bool = True) -> _TextKey:
    """The comparable form of a typed answer. With `romans` False, Roman-looking words
    (`XIII`, `vi`, `d`, ...) stay words."""
    s = _norm(text)
    raw: list[tuple[str, str]] = []
    pos = 0
    for start, end, code in find_codes(s):
        raw.extend(_plain_tokens(s[pos:start]))
        if raw and raw[-1][0] == "w" and fold(raw[-1][1]) == "so":
            raw.pop()  # "số 32-CT/TW"
        if len(raw) >= 2 and raw[-1][0] == raw[-2][0] == "w":
            kinds = DOC_TYPE_WORDS.get((fold(raw[-2][1]), fold(raw[-1][1])), frozenset())
            if code.type in kinds:
                del raw[-2:]  # "Chỉ thị 32-CT/TW" is the code itself
        raw.append(("c", str(code)))
        pos = end
    raw.extend(_plain_tokens(s[pos:]))

    tokens: list[tuple[str, str]] = []
    for i, (kind, value) in enumerate(raw):
        if romans and kind == "w" and value.isascii():
            prev = fold(raw[i - 1][1]) if i and raw[i - 1][0] == "w" else ""
            if value not in _ROMAN_AMBIGUOUS or prev in _ORDINAL_CONTEXT or len(raw) == 1:
                number = roman_to_int(value)
                if number:
                    kind, value = "n", str(number)
        if kind == "n" and len(tokens) >= 2 and [fold(t[1]) for t in tokens[-2:]] == ["lan", "thu"]:
            del tokens[-2:]  # "lần thứ XIII" = "XIII"
        tokens.append((kind, value))

    tones: list[tuple[str, str]] = []
    spelled: list[tuple[str, str]] = []
    letters = 0
    for kind, value in tokens:
        if spelled:
            spelled.append((" ", ""))
        if kind == "w":
            base, tone = tone_key(value)
            tones.append((base, tone))
            spelled.extend(_spell(base, tone))
            letters += len(base)
        else:
            tones.append((kind, value))
            spelled.extend((c, "") for c in value)
    figures = tuple(t for t in tokens if t[0] != "w")
    return _TextKey(tuple(tokens), tuple(tones), tuple(spelled), figures, letters)


_expected_key = lru_cache(maxsize=2048)(_text_key)


def typo_allowance(letters: int) -> int:
    """How many edits a text answer of `letters` letters tolerates: 0, 1 from 5, 2 from 12."""
    return 2 if letters >= 12 else 1 if letters >= 5 else 0


def _spell(letters: str, tone: str) -> list[tuple[str, str]]:
    """A word as (letter, tone) pairs, the tone carried by its last vowel whatever the spelling
    rule placed it on, so that `hoà` and `hòa` spell alike and a missing tone is a missing mark."""
    spelled = [(c, "") for c in letters]
    if tone and spelled:
        vowels = [i for i, c in enumerate(letters) if fold(c) in _VOWELS]
        at = vowels[-1] if vowels else len(letters) - 1
        spelled[at] = (letters[at], tone)
    return spelled


def _lacks(expected: tuple[str, str], given: tuple[str, str]) -> bool:
    """True when the given (letter, tone) is the expected one with some diacritics left out."""
    return lacks_only_marks(expected[0], given[0]) and given[1] in ("", expected[1])


def _lenient_distance(expected: _Spelling, given: _Spelling, limit: int) -> int:
    """Damerau (OSA) distance over (letter, tone) pairs where leaving out diacritics costs nothing:
    a letter may lack some of its marks or its tone. Above `limit` reports `limit + 1`; the work
    is O(len × limit)."""
    n, m = len(expected), len(given)
    if abs(n - m) > limit:
        return limit + 1
    big = limit + 1
    prev2: list[int] = []
    prev = [j if j <= limit else big for j in range(m + 1)]
    for i in range(1, n + 1):
        e = expected[i - 1]
        cur = [big] * (m + 1)
        if i <= limit:
            cur[0] = i
        for j in range(max(1, i - limit), min(m, i + limit) + 1):
            g = given[j - 1]
            best = prev[j - 1] + (0 if e == g or _lacks(e, g) else 1)
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if cur[j - 1] + 1 < best:
                best = cur[j - 1] + 1
            if i > 1 and j > 1 and e == given[j - 2] and expected[i - 2] == g and e != g:
                if prev2[j - 2] + 1 < best:
                    best = prev2[j - 2] + 1
            cur[j] = min(best, big)
        if min(cur) > limit:
            return big
        prev2, prev = prev, cur
    return min(prev[m], big)


def _squash(text: str) -> str:
    return " ".join(_norm(text).split())


def _compare(ekey: _TextKey, gkey: _TextKey) -> tuple[int, str, str | None] | None:
    """(rank, outcome, reason) of one given key against one expected key; lower rank is better."""
    if ekey.tokens == gkey.tokens:
        return 0, CORRECT, None
    if ekey.figures != gkey.figures:  # numbers and document codes must be exact
        return None
    if ekey.tones == gkey.tones:
        return 1, CORRECT, "tone"
    limit = typo_allowance(ekey.letters)
    distance = _lenient_distance(ekey.spelled, gkey.spelled, limit)
    if distance == 0:
        return 2, ALMOST, "diacritics"
    if distance <= limit:
        return 2 + distance, ALMOST, "typo"
    return None


def _match_text(expected: str, given: str, gkeys: list[_TextKey]) -> tuple[int, str, str | None] | None:
    """(rank, outcome, reason) of `given` against one accepted form, or None if it does not match.

    Roman-looking words (`XIII`, `vi`) are first read as numerals where that makes sense, then,
    if that does not give a match, as the words they may be (`d` for `Đ`, `ii` for `iì`).
    """
    ekey = _expected_key(expected)
    if not ekey.tokens:  # an answer made of punctuation only
        same = _squash(expected) == _squash(given) and bool(_squash(given))
        return (0, CORRECT, None) if same else None
    found = _compare(ekey, gkeys[0])
    if found is None or found[0] > 0:
        if len(gkeys) == 1:
            gkeys.append(_text_key(given, romans=False))
        strict = _expected_key(expected, romans=False)
        if strict != ekey or gkeys[1] != gkeys[0]:
            other = _compare(strict, gkeys[1])
            # Only for missing diacritics: a typo between `XII` and `XIII` is a different number.
            if other is not None and other[0] <= 2 and (found is None or other[0] < found[0]):
                found = other
    return found


_DETAILS = {"diacritics": M.DETAIL_DIACRITICS, "typo": M.DETAIL_TYPO, "tone": M.DETAIL_TONE}


def judge_text(expected: str, accept: Sequence[str], given: str) -> Verdict:
    """Judge a typed answer against `expected` and every form in `accept`.

    The verdict's `expected` is the form matched (with its diacritics), else `expected`.
    """
    expected_text = expected if isinstance(expected, str) else str(expected)
    if _blank(given):
        return Verdict(WRONG, expected_text)
    gkeys = [_text_key(given)]
    best: tuple[int, str, str | None] | None = None
    best_form = expected_text
    if isinstance(accept, str):
        accept = [accept]
    for form in [expected_text, *(a for a in accept or () if isinstance(a, str))]:
        found = _match_text(form, given, gkeys)
        if found is not None and (best is None or found[0] < best[0]):
            best, best_form = found, form
            if found[0] == 0:
                break
    if best is None:
        return Verdict(WRONG, expected_text)
    _, outcome, reason = best
    detail = _DETAILS[reason].format(expected=best_form) if reason else None
    return Verdict(outcome, best_form, reason, detail)


# --------------------------------------------------------------------------- per question type


def _canonical(question: Question) -> str:
    try:
        return question.canonical_answer()
    except Exception:  # a malformed Question must not break judging
        return str(question.answer)


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and _squash(a) == _squash(b)


def _judge_choice(question: Question, response: Any) -> Verdict:
    ok = _same(response, question.answer)
    return Verdict(CORRECT if ok else WRONG, _canonical(question))


def _judge_multi(question: Question, response: Any) -> Verdict:
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
    ok = {_squash(c) for c in chosen} == right
    return Verdict(CORRECT if ok else WRONG, expected)


_TRUE_WORDS = frozenset({"đúng", "đ", "d", "dung", "true", "t", "y", "yes", "có", "co", "1"})
_FALSE_WORDS = frozenset({"sai", "s", "false", "f", "n", "no", "không", "khong", "0"})


def _judge_truefalse(question: Question, response: Any) -> Verdict:
    value: bool | None = None
    if isinstance(response, bool):
        value = response
    elif isinstance(response, str):
        word = _squash(response).strip(" .!")
        value = True if word in _TRUE_WORDS else False if word in _FALSE_WORDS else None
    ok = value is not None and value == bool(question.answer)
    return Verdict(CORRECT if ok else WRONG, _canonical(question))


def _judge_order(question: Question, response: Any) -> Verdict:
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


def _judge_number(question: Question, response: Any) -> Verdict:
    expected_text = _canonical(question)
    if _blank(response):
        return Verdict(WRONG, expected_text)
    readings = number_readings(response)
    if not readings:
        return Verdict(WRONG, expected_text, detail=M.DETAIL_NOT_A_NUMBER)
    try:
        expected = Decimal(str(question.answer))
        tolerance = abs(Decimal(str(question.tolerance or 0)))
        ok = any(abs(value - expected) <= tolerance for value in readings)
    except (InvalidOperation, ValueError, ArithmeticError):
        ok = False
    return Verdict(CORRECT if ok else WRONG, expected_text)


def _judge_date(question: Question, response: Any) -> Verdict:
    expected_text = _canonical(question)
    if _blank(response):
        return Verdict(WRONG, expected_text)
    expected = parse_date(str(question.answer))
    given = parse_date(response)
    if given is None or expected is None:
        return Verdict(WRONG, expected_text, detail=M.DETAIL_NOT_A_DATE if given is None else None)
    (e_iso, e_precision), (g_iso, g_precision) = expected, given
    if PRECISION_RANK[g_precision] < PRECISION_RANK[e_precision]:
        need = M.DETAIL_NEED_DAY if e_precision == "day" else M.DETAIL_NEED_MONTH
        return Verdict(WRONG, expected_text, detail=need)
    ok = g_iso[: len(e_iso)] == e_iso
    return Verdict(CORRECT if ok else WRONG, expected_text)


def _judge_cloze(question: Question, response: Any) -> Verdict:
    expected = _canonical(question)
    blanks = question.blanks
    if isinstance(response, str):
        response = [response]
    try:
        given = list(response)
    except TypeError:
        return Verdict(WRONG, expected)
    if len(given) != len(blanks) or not blanks:
        return Verdict(WRONG, expected, detail=M.DETAIL_BLANK_COUNT.format(count=len(blanks)))
    verdicts = [judge_text(alts[0], alts[1:], g) for alts, g in zip(blanks, given, strict=True)]
    wrong = [str(n) for n, v in enumerate(verdicts, 1) if v.outcome == WRONG]
    if wrong:
        return Verdict(WRONG, expected, detail=M.DETAIL_BLANKS_WRONG.format(numbers=", ".join(wrong)))
    for n, v in enumerate(verdicts, 1):
        if v.outcome == ALMOST:
            return Verdict(ALMOST, expected, v.reason, M.DETAIL_BLANK.format(n=n, detail=v.detail))
    tone = any(v.reason == "tone" for v in verdicts)
    return Verdict(CORRECT, expected, "tone" if tone else None)


def _judge_text_question(question: Question, response: Any) -> Verdict:
    return judge_text(question.answer, question.accept, response)


_JUDGES = {
    "choice": _judge_choice,
    "multi": _judge_multi,
    "text": _judge_text_question,
    "number": _judge_number,
    "date": _judge_date,
    "truefalse": _judge_truefalse,
    "cloze": _judge_cloze,
    "order": _judge_order,
}


def judge(question: Question, response: Any) -> Verdict:
    """Judge `response` (shaped as docs/design.md says for the question's type) → `Verdict`.

    Never raises on any response; an empty or unreadable one is wrong.
    """
    judge_type = _JUDGES.get(question.type)
    if judge_type is None:
        return Verdict(WRONG, _canonical(question))
    return judge_type(question, response)
