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

import datetime
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, NamedTuple

from quiz import messages as M
from quiz.bank.model import Question
from quiz.text.vietnamese import fold, lacks_only_marks, tone_key

CORRECT = "correct"
ALMOST = "almost"
WRONG = "wrong"
OUTCOMES: tuple[str, ...] = (CORRECT, ALMOST, WRONG)
REASONS: tuple[str, ...] = ("diacritics", "tone", "typo")

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


def _norm(text: str) -> str:
    """NFKC, case-folded, NFC again: the form every comparison starts from."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())


def _blank(response: Any) -> bool:
    return not isinstance(response, str) or not response.strip()


# --------------------------------------------------------------------------- Roman numerals

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_to_int(text: str) -> int | None:
    """The value of a Roman numeral (`XIII` → 13, any case), or None if `text` is not one (strictly:
    `IIII`, `IC` and "" are not numerals)."""
    if not isinstance(text, str):
        return None
    s = text.strip().upper()
    if not s or len(s) > 15 or not _ROMAN.fullmatch(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


_ROMAN_DIGITS = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def int_to_roman(n: int) -> str:
    """`13` → `XIII` (1 to 3999; other numbers as Arabic digits)."""
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


# Roman-looking tokens that are also Vietnamese words ("vi", "di", "mi", ...): read as numerals
# only after a word that announces an ordinal, or when they are the whole answer.
_ROMAN_AMBIGUOUS = frozenset({"i", "v", "x", "l", "c", "d", "m", "di", "li", "mi", "vi", "xi"})
_ORDINAL_CONTEXT = frozenset(
    {"hoi", "khoa", "thu", "ky", "lan", "uong", "quoc", "chuong", "phan", "muc", "hop"}
)

# --------------------------------------------------------------------------- document codes

_DOC_TYPES = frozenset(
    {"CT", "NQ", "KL", "QD", "QDI", "TB", "HD", "TT", "TTR", "ND", "CV", "KH", "BC", "QC", "DA", "CTR"}
    | {"TTLT", "NQLT", "QDLT", "HDLT", "CTLT"}
)
_DOC_ISSUERS = frozenset(
    {"TW", "BCT", "BBT", "BCHTW", "CP", "TTG", "QH", "UBTVQH", "BNG", "BDNTW", "DNTW", "VPTW", "BTGTW"}
    | {"BTCTW", "BKTTW", "UBKTW", "BDVTW", "TU", "HU", "DU", "DUK", "BCA", "BQP", "UBND", "CTN", "VPCP"}
)
# The name of a kind of document, folded, and the code types it may be written with.
_DOC_TYPE_WORDS: dict[tuple[str, ...], frozenset[str]] = {
    ("chi", "thi"): frozenset({"CT", "CTLT"}),
    ("nghi", "quyet"): frozenset({"NQ", "NQLT"}),
    ("ket", "luan"): frozenset({"KL"}),
    ("quyet", "dinh"): frozenset({"QD", "QDLT"}),
    ("quy", "dinh"): frozenset({"QDI"}),
    ("thong", "bao"): frozenset({"TB"}),
    ("huong", "dan"): frozenset({"HD", "HDLT"}),
    ("thong", "tri"): frozenset({"TT"}),
    ("thong", "tu"): frozenset({"TT", "TTLT"}),
    ("to", "trinh"): frozenset({"TTR"}),
    ("nghi", "dinh"): frozenset({"ND"}),
    ("cong", "van"): frozenset({"CV"}),
    ("ke", "hoach"): frozenset({"KH"}),
    ("bao", "cao"): frozenset({"BC"}),
    ("quy", "che"): frozenset({"QC"}),
    ("de", "an"): frozenset({"DA"}),
    ("chuong", "trinh"): frozenset({"CTR"}),
}

_CODE = re.compile(
    r"(?<![\w.,/\-])(\d{1,6})"  # number
    r"(?:\s*[/\-]\s*((?:1[89]|20)\d\d)(?=\s*[/\-]))?"  # optional year: 11/2022/NĐ-CP
    r"(\s*[/\-]\s*|\s+|)"  # separator (may be absent: 32CT/TW)
    r"([a-zđ]{1,6})"  # type: CT, NQ, QĐ, ...
    r"(\s*[/\-]\s*|\s+)"  # separator
    r"([a-zđ]{1,8})(?![\w])",  # issuer: TW, BCT, CP, TTg, ...
    re.IGNORECASE,
)


class DocCode(NamedTuple):
    """A document code: `32-CT/TW` → DocCode(32, "CT", "TW"); letters folded to ASCII upper case
    (`QĐ` → `QD`); `year` for codes like `11/2022/NĐ-CP`."""

    number: int
    type: str
    issuer: str
    year: int | None = None

    def __str__(self) -> str:
        if self.year is not None:
            return f"{self.number}/{self.year}/{self.type}-{self.issuer}"
        return f"{self.number}-{self.type}/{self.issuer}"


def _code_at(m: re.Match[str]) -> DocCode | None:
    number, year, sep1, kind, sep2, issuer = m.groups()
    kind_f, issuer_f = fold(kind).upper(), fold(issuer).upper()
    written_as_code = any(c in "/-" for c in sep1 + sep2)
    known = kind_f in _DOC_TYPES, issuer_f in _DOC_ISSUERS
    if not (any(known) if written_as_code else all(known)):
        return None
    return DocCode(int(number), kind_f, issuer_f, int(year) if year else None)


def _find_codes(text: str) -> list[tuple[int, int, DocCode]]:
    """Every document code in `text` as (start, end, code), left to right, not overlapping."""
    found: list[tuple[int, int, DocCode]] = []
    pos = 0
    while pos <= len(text):
        m = _CODE.search(text, pos)
        if m is None:
            break
        code = _code_at(m)
        if code is None:
            pos = m.start() + 1
            continue
        found.append((m.start(), m.end(), code))
        pos = m.end()
    return found


def parse_doc_code(text: str) -> DocCode | None:
    """The first document code in `text`, whatever its separators: `32-CT/TW`, `32/CT-TW`,
    `số 32 CT TW`, `Nghị quyết số 28-NQ/TW` … ; None when there is none."""
    if not isinstance(text, str):
        return None
    found = _find_codes(_norm(text))
    return found[0][2] if found else None


# --------------------------------------------------------------------------- numbers

_NUMBER = re.compile(r"([+\-]?)\s*(\d+(?:[., ]\d+)*)\s*(%?)([^\d]*)")
_MULTIPLIERS = {"nghin": 1000, "ngan": 1000, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_MAX_NUMBER_TEXT = 200


def _parse_numeral(core: str) -> Decimal | None:
    """`1.000` → 1000, `0,6` → 0.6, `1.000.000`, `1 000`, `1.000,5`, `1,000.5`; None if malformed."""
    seps = {c for c in core if not c.isdigit()}
    if not seps:
        return Decimal(core)
    decimal_sep = None
    if "." in seps and "," in seps:
        decimal_sep = "." if core.rfind(".") > core.rfind(",") else ","
        if core.count(decimal_sep) != 1:
            return None
    elif "," in seps:
        decimal_sep = "," if core.count(",") == 1 else None
    elif "." in seps and core.count(".") == 1:
        whole, frac = core.split(".")
        thousands = len(frac) == 3 and 1 <= len(whole) <= 3 and whole != "0" and not whole.startswith("0")
        decimal_sep = None if thousands else "."
    whole, _, frac = core.partition(decimal_sep) if decimal_sep else (core, "", "")
    groups = re.split(r"[., ]", whole)
    group_seps = set(re.findall(r"[., ]", whole))
    if len(group_seps) > 1 or not frac.isdigit() and frac:
        return None
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    digits = "".join(groups)
    return Decimal(digits + "." + frac) if frac else Decimal(digits)


class _NumberText(NamedTuple):
    value: Decimal
    unit: str
    other: Decimal | None  # the other reading of `1.500` / `1,500` (thousands vs decimal)


_AMBIGUOUS_NUMBER = re.compile(r"[1-9]\d{0,2},\d{3}")


def _number_parts(text: str) -> _NumberText | None:
    if not isinstance(text, str) or len(text) > _MAX_NUMBER_TEXT:
        return None
    s = unicodedata.normalize("NFKC", text).replace("\u2212", "-").replace("\u2013", "-").strip()
    m = _NUMBER.fullmatch(s)
    if m is None:
        return None
    sign, core, _, unit = m.groups()
    try:
        value = _parse_numeral(core)
    except (InvalidOperation, ValueError):
        return None
    if value is None:
        return None
    other = None
    if _AMBIGUOUS_NUMBER.fullmatch(core):
        # `1,500` is 1,5 the Vietnamese way but 1500 to a learner used to English writing; nobody
        # writes a decimal with three trailing digits on purpose, so both readings count.
        # (`1.500` is only 1500: reading it as 1.5 would accept `245.000` for 245.)
        other = Decimal(core.replace(",", ""))
        other = -other if sign == "-" else other
    return _NumberText(-value if sign == "-" else value, unit, other)


def parse_number(text: str) -> Decimal | None:
    """A typed number the Vietnamese way, or None: `1.000` = 1000, `1.000.000`, `0,6` = 0.6,
    `12,5%` = 12.5, `-3`; a trailing unit (`245 chính đảng`) is ignored; text with a second number
    or anything before the number is not a number."""
    parts = _number_parts(text)
    return parts.value if parts else None


def _number_readings(text: str) -> list[Decimal]:
    """The values `text` may mean: as written (and `1,500` also as 1500), times a multiplier word
    (`1,5 triệu`), or a Roman numeral (`XIII`)."""
    parts = _number_parts(text)
    if parts is None:
        roman = roman_to_int(text.strip().strip(".")) if isinstance(text, str) and len(text) < 40 else None
        return [Decimal(roman)] if roman else []
    readings = [parts.value] if parts.other is None else [parts.value, parts.other]
    words = fold(parts.unit).casefold().split()
    if words and words[0] in _MULTIPLIERS:
        readings += [value * _MULTIPLIERS[words[0]] for value in readings]
    return readings


# --------------------------------------------------------------------------- dates

_DATE_LABELS = {"ngay": "day", "thang": "month", "nam": "year"}
_DATE_FILLERS = frozenset({"vao"})
_PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
_DIGITS = re.compile(r"\d+")


def parse_date(text: str) -> tuple[str, str] | None:
    """A date typed day first, as (ISO text, precision) with precision "day", "month" or "year".

    `18/2/2019`, `18/02/2019`, `18-2-2019`, `18.2.2019`, `ngày 18 tháng 2 năm 2019`,
    `18 tháng 2, 2019`, `2019-02-18` → ("2019-02-18", "day"); `12/2021`, `tháng 12/2021`,
    `tháng 12 năm 2021` → ("2021-12", "month"); `2021`, `năm 2021` → ("2021", "year").
    Impossible dates (31/2/2019), two-digit years and anything else → None.
    """
    if not isinstance(text, str) or len(text) > 100:
        return None
    s = fold(unicodedata.normalize("NFKC", text)).casefold()
    parts = re.findall(r"\d+|[^\W\d_]+", s)
    numbers: list[tuple[str, str | None]] = []
    label: str | None = None
    for part in parts:
        if _DIGITS.fullmatch(part):
            numbers.append((part, label))
            label = None
        elif part in _DATE_LABELS and label is None:
            label = _DATE_LABELS[part]
        elif part not in _DATE_FILLERS or label is not None:
            return None
    if label is not None or not 1 <= len(numbers) <= 3:
        return None
    labels = [lab for _, lab in numbers]
    if len(numbers) >= 2 and not any(labels) and len(numbers[0][0]) == 4:
        fields = ["year", "month", "day"][: len(numbers)]  # ISO: 2019-02-18, 2021-12
    else:
        fields = {1: ["year"], 2: ["month", "year"], 3: ["day", "month", "year"]}[len(numbers)]
    if any(lab is not None and lab != f for lab, f in zip(labels, fields, strict=True)):
        return None
    values: dict[str, int] = {}
    for (digits, lab), f in zip(numbers, fields, strict=True):
        limit = 4 if f == "year" else 2
        if len(digits) > limit or (f == "year" and len(digits) < 3 and lab != "year"):
            return None
        values[f] = int(digits)
    year, month, day = values["year"], values.get("month"), values.get("day")
    if year < 1 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            datetime.date(year, month or 1, day)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month is not None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"


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
        value = _parse_numeral(raw)
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
    for start, end, code in _find_codes(s):
        raw.extend(_plain_tokens(s[pos:start]))
        if raw and raw[-1][0] == "w" and fold(raw[-1][1]) == "so":
            raw.pop()  # "số 32-CT/TW"
        if len(raw) >= 2 and raw[-1][0] == raw[-2][0] == "w":
            kinds = _DOC_TYPE_WORDS.get((fold(raw[-2][1]), fold(raw[-1][1])), frozenset())
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
    readings = _number_readings(response)
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
    if _PRECISION_RANK[g_precision] < _PRECISION_RANK[e_precision]:
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
