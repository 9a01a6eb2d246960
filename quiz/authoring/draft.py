"""Draft candidate questions from a Vietnamese article (`quiz bank draft ARTICLE`).

Pure functions, no terminal I/O. `find_candidates` finds every date, number with its noun,
document code, Roman/Arabic congress or term number and quoted formula in a plain-text
article; `draft_bank` turns them into the YAML text of a bank (in the `quiz bank fmt` layout)
whose every question is tagged `draft` and quotes its sentence verbatim, for an author to
review, fix or delete. Numbers get a `number` question, dates a `date` one (a cloze when the
year is missing), codes, congress numbers and quoted formulas a `cloze`; a `choice` variant
follows when the article has at least three distinct values of the same kind.

Recall matters more than precision: a wrong candidate costs the author one deletion, a
missed fact costs a question nobody writes. Offsets (`Candidate.start`) index the NFC form
of the text, in which control characters have been replaced by spaces (`prepare_text`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml

from quiz import messages as M
from quiz.bank.model import ID_PATTERN, format_date, format_decimal
from quiz.errors import QuizError
from quiz.text.escape import FORBIDDEN_CHARS  # what the loader refuses
from quiz.text.numbers import int_to_roman, roman_to_int

KINDS: tuple[str, ...] = ("date", "number", "code", "ordinal", "formula")

_NO_WRAP = 1_000_000


class _Dumper(yaml.SafeDumper):
    """The safe dumper, knowing that catalogue strings (`messages.Text`) are text."""


_Dumper.add_representer(M.Text, yaml.SafeDumper.represent_str)


@dataclass(frozen=True)
class Candidate:
    """One fact found in the article.

    `value` is canonical: an ISO date (`2019-02-18`, `2021-12`, `2022`, or `--12-14` for a
    day and month without a year), a Decimal string (`245`, `0.6`), a document code
    (`32-CT/TW`; `Nghị quyết 36` for a numbered document without a code), an int (ordinals)
    or the quoted text (formulas). `surface` is the text as
    written (a date keeps its leading `ngày`/`tháng`/`năm`, a number its noun, an ordinal its
    keyword), `sentence` the full sentence(s) it came from, verbatim, `start` its offset.
    """

    kind: str
    value: Any
    surface: str
    sentence: str
    start: int
    unit: str | None = None  # number: the noun after it ("chính đảng", "%")
    label: str | None = None  # code: "Chỉ thị", "Nghị quyết"… when written before it
    blank: tuple[int, int] | None = field(default=None, compare=False)  # what a cloze blanks, in surface
    at: int = field(default=0, compare=False)  # offset of surface in sentence

    @property
    def end(self) -> int:
        return self.start + len(self.surface)


def prepare_text(text: str) -> str:
    """The text candidates are found in: NFC, control characters replaced by spaces."""
    return FORBIDDEN_CHARS.sub(" ", unicodedata.normalize("NFC", text))


# --------------------------------------------------------------------------------------
# Sentences

_TERMINATOR = re.compile(r"[.!?…]+[\"”’»)\]]*(?=\s)")
_ABBREVIATIONS = {"tp", "ts", "pgs", "gs", "ths", "bs", "mr", "mrs", "ms", "dr", "st", "v.v", "ông", "bà"}


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at line breaks and at sentence-ending punctuation
    followed by a capital letter, a digit or an opening quote/bracket."""
    cuts: list[int] = []
    for m in _TERMINATOR.finditer(text):
        rest = text[m.end() : m.end() + 4].lstrip()
        nxt = rest[:1]
        if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in '"“‘«([-–'):
            continue
        word = re.search(r"([\w.]+)$", text[max(0, m.start() - 8) : m.start()])
        if (
            word
            and "." not in m.group()[1:]
            and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isupper())
            )
        ):
            continue
        cuts.append(m.end())
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        inner = [c for c in cuts if line.start() < c < line.end()]
        for cut in [*inner, line.end()]:
            seg = text[start:cut]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg.rstrip())
            if trail > lead:
                spans.append((start + lead, start + trail))
            start = cut
    return spans


class _Sentences:
    def __init__(self, text: str):
        self.text = text
        self.spans = sentence_spans(text)
        self.starts = [s for s, _ in self.spans]

    def cover(self, start: int, end: int) -> tuple[int, int]:
        """The span of the sentence(s) covering [start, end)."""
        if not self.spans:
            return start, end
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        j = max(0, bisect.bisect_right(self.starts, max(start, end - 1)) - 1)
        return min(self.spans[i][0], start), max(self.spans[j][1], end)


# --------------------------------------------------------------------------------------
# Patterns

_ROMAN = r"(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_NB = r"(?<![\w.,/:-])"  # no digit/letter/separator glued before a number
_NA = r"(?![\w]|[.,/:-]\d)"  # …nor after it

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:html?|php|aspx?|vn|com|org|net)\b\S*", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_TIME = re.compile(_NB + r"\d{1,2}[:h]\d{2}(?::\d{2})?" + r"(?!\d)")

_DOC_TYPES = (
    "chỉ thị|nghị quyết|kết luận|quyết định|nghị định|thông tư|quy định|quy chế|hướng dẫn|"
    "thông báo|công văn|chỉ định|luật|pháp lệnh|tờ trình|báo cáo|đề án|chương trình"
)
_LETTERS = r"[A-ZĐ][A-ZĐa-zđ]{0,7}"
_CODE = re.compile(
    r"(?:(?P<label>(?i:"
    + _DOC_TYPES
    + r"))\s+(?:(?i:số)\s+)?)?"
    + _NB
    + r"(?P<num>\d{1,5}(?:/\d{4})?)\s?(?P<sep>[-/])\s?(?P<groups>"
    + _LETTERS
    + r"(?:\s?[-/]\s?"
    + _LETTERS
    + r"){0,3})(?![\w])"
)
_BARE_DOC = re.compile(
    r"(?P<label>(?i:"
    + _DOC_TYPES
    + r"))\s+(?i:số)\s+(?P<num>\d{1,5})"
    + _NA
    + r"|(?P<label2>Chỉ thị|Nghị quyết|Kết luận|Quyết định|Nghị định|Thông tư|Quy định)\s+(?P<num2>\d{1,5})"
    + r"(?![\w]|[.,/:-]\d|\s*(?:năm|tháng|ngày)\b(?!\s*\d))"
)

_DAY = r"(?P<d>\d{1,2})"
_MONTH = r"(?P<m>\d{1,2})"
_YEAR = r"(?P<y>\d{4})"
_NGAY = r"(?:(?i:ngày|hôm|sáng|trưa|chiều|tối|đêm|từ|đến)\s+)"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "day",
        re.compile(
            r"(?i:ngày)\s+" + _DAY + r"\s+(?i:tháng)\s+" + _MONTH + r"\s*,?\s+(?i:năm)\s+" + _YEAR + _NA
        ),
    ),
    ("day", re.compile(_NB + r"(?:(?i:ngày)\s+)?" + r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})" + _NA)),
    (
        "day",
        re.compile(
            _NB + r"(?:(?i:ngày)\s+)?" + _DAY + r"\s?(?P<s>[/.-])\s?" + _MONTH + r"\s?(?P=s)\s?" + _YEAR + _NA
        ),
    ),
    ("month", re.compile(r"(?i:tháng)\s+" + _MONTH + r"\s*,?\s+(?i:năm)\s+" + _YEAR + _NA)),
    ("month", re.compile(_NB + r"(?:(?i:tháng)\s+)?" + _MONTH + r"\s?[/-]\s?" + _YEAR + _NA)),
    ("yearless", re.compile(r"(?i:ngày)\s+" + _DAY + r"\s+(?i:tháng)\s+" + _MONTH + r"(?!\d|\s*/\s*\d)")),
    ("yearless", re.compile(_NB + r"(?:" + _NGAY + r")?" + _DAY + r"\s?/\s?" + _MONTH + _NA)),
    ("range", re.compile(_NB + r"(?P<y>\d{4})\s?[-–—]\s?(?P<y2>\d{4})" + _NA)),
    ("year", re.compile(r"(?i:năm)\s+" + _YEAR + _NA)),
    ("year", re.compile(_NB + r"(?P<y>1[5-9]\d\d|20\d\d|2100)" + _NA)),
)

_ORDINAL = re.compile(
    r"(?P<kw>(?i:đại hội(?:\s+(?:đại biểu|đảng|toàn quốc|toàn đảng))*|lần thứ|lần|khóa|khoá|"
    r"hội nghị trung ương|hội nghị lần thứ|trung ương|kỳ họp thứ|kỳ họp|quốc hội khóa|quốc hội khoá|thế kỷ))"
    r"\s+(?P<n>" + _ROMAN + r"(?![\w])|\d{1,3}" + _NA + r")"
)
_THU = re.compile(r"(?i:thứ)\s+$")

_NUMBER = re.compile(
    _NB
    + r"(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,15})(?:,(?P<f>\d{1,6})|\.(?P<f2>\d{1,2})(?!\d))?(?![\w]|[.,/:]\d)"
    + r"(?P<pct>\s?%)?"
)
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_NUMBER_WORD = re.compile(r"(?<![\w])(?i:" + "|".join(_NUMBER_WORDS) + r")(?![\w])")
_WORD = re.compile(r"\s+([^\W\d_][\w]*)")

_STOP = set(
    """ở tại với của và trong qua theo cho từ đến là có được đã sẽ nhằm để như mà thì trên dưới
    gần hơn sau trước đầu cuối nữa này đó kia vào ra lên bị do vì nên nhưng hay hoặc khi nếu
    cũng đều chỉ mới rất đang vừa còn luôn đây thế các những mỗi mọi""".split()
)
_TIME_UNITS = {"năm", "tháng", "ngày", "tuần", "quý", "giờ", "phút", "giây"}
# A classifier takes the two syllables after it ("cuộc hội thảo"); a single noun stands alone.
_CLASSIFIERS = {"cuộc", "chuyến", "vị", "bức", "bài", "bộ", "đoàn", "đảng", "chiếc", "lượt", "đợt", "phiên"}
_SINGLE = {
    "người",
    "nước",
    "bên",
    "phía",
    "miền",
    "lần",
    "tỉnh",
    "huyện",
    "xã",
    "đồng",
    "USD",
    "km",
    "ha",
    "tấn",
}
_SCALE = {"nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn", "trăm"}

_QUOTE_PAIRS = {"“": "”", "«": "»", "‘": "’", "„": "“"}
_QUOTE_CLOSERS = {v: k for k, v in _QUOTE_PAIRS.items() if k != "„"}


def _decimal_text(value: Decimal) -> str:
    """`245`, `0.6`, `1000` (never `1E+3`)."""
    return format(value.normalize(), "f")


def canonical_code(code: str) -> str:
    """`38 / CT-TW` → `38-CT/TW` for Party documents (issuer TW); other codes lose spaces only."""
    compact = re.sub(r"\s+", "", code)
    m = re.fullmatch(r"(\d+)[-/]([A-ZĐa-zđ]+)[-/](TW)", compact)
    if m:
        return f"{m.group(1)}-{m.group(2)}/{m.group(3)}"
    return compact


# --------------------------------------------------------------------------------------
# Finding candidates


class _Taken:
    """Spans already claimed by a higher-priority pattern (sorted, never overlapping)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i > 0 and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def take(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _valid_date(y: int, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        dt.date(y if y > 0 else 2000, m, d)
    except ValueError:
        return False
    return True


def _year_ok(y: int) -> bool:
    return 1000 <= y <= 2200


def _year_is_count(text: str, end: int) -> bool:
    """A bare 4-digit number followed by a lowercase noun is a count ("2000 người"), not a year."""
    m = _WORD.match(text, end)
    if not m:
        return False
    word = m.group(1)
    return word.islower() and word not in _STOP and word not in _TIME_UNITS


def _noun(text: str, end: int) -> tuple[str | None, int]:
    """The noun after a number: one word of two syllables ("chính đảng"), or a classifier and
    two more ("cuộc hội thảo"), a time unit ("năm") or an acronym ("ĐCS") alone; stops at
    punctuation, a line break or a function word."""
    words: list[str] = []
    pos = end
    limit = 2
    while len(words) < limit:
        m = _WORD.match(text, pos)
        if not m or "\n" in m.group(0):
            break
        word = m.group(1)
        low = word.lower()
        if low in _STOP or (words and low in _TIME_UNITS):
            break
        words.append(word)
        pos = m.end()
        if low in _SINGLE or word in _SINGLE:
            break
        if len(words) == 1:
            if low in _TIME_UNITS or (len(word) > 1 and word.isupper()):
                break
            if low in _CLASSIFIERS or low in _SCALE:
                limit = 3
    if not words:
        return None, end
    return " ".join(words), pos


def _dates(text: str, taken: _Taken) -> Iterable[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, iso, blank span) of each date, in pattern priority order."""
    for precision, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if not taken.free(start, end):
                continue
            groups = m.groupdict()
            if precision == "range":
                y1, y2 = int(groups["y"]), int(groups["y2"])
                if _year_ok(y1) and _year_ok(y2) and y1 <= y2:
                    taken.take(start, end)
                    yield m.start("y"), m.end("y"), f"{y1:04d}", (0, 4)
                    yield m.start("y2"), m.end("y2"), f"{y2:04d}", (0, 4)
                continue
            y = int(groups["y"]) if groups.get("y") else None
            mo = int(groups["m"]) if groups.get("m") else None
            d = int(groups["d"]) if groups.get("d") else None
            if y is not None and not _year_ok(y):
                continue
            if precision == "day" and not (mo and d and _valid_date(y or 2000, mo, d)):
                continue
            if precision == "month" and not (mo and 1 <= mo <= 12):
                continue
            if precision == "yearless" and not (mo and d and _valid_date(2000, mo, d)):
                continue
            if precision == "year" and not m.group(0).lower().startswith("năm") and _year_is_count(text, end):
                continue
            if precision == "day":
                iso = f"{y:04d}-{mo:02d}-{d:02d}"
            elif precision == "month":
                iso = f"{y:04d}-{mo:02d}"
            elif precision == "year":
                iso = f"{y:04d}"
            else:
                iso = f"--{mo:02d}-{d:02d}"
            first = min(m.start(g) for g in ("d", "m", "y") if groups.get(g))
            taken.take(start, end)
            yield start, end, iso, (first - start, end - start)


def _formulas(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of the content of each quoted formula, innermost first; unmatched quotes ignored."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == "\n" and stack and text[i + 1 : i + 2] == "\n":
            stack.clear()  # a quote never spans paragraphs
        elif ch in _QUOTE_CLOSERS and stack and _QUOTE_PAIRS[stack[-1][0]] == ch:
            _, start = stack.pop()
            yield start, i
        elif ch in _QUOTE_CLOSERS:
            # ’ is also an apostrophe; a stray closer matches nothing
            continue
        elif ch in _QUOTE_PAIRS:
            stack.append((ch, i + 1))
    for line in re.finditer(r"[^\n]+", text):
        for m in re.finditer(r'"([^"\n]+)"', line.group()):
            yield line.start() + m.start(1), line.start() + m.end(1)


def find_candidates(text: str) -> list[Candidate]:
    """Every date, number, document code, ordinal and quoted formula of `text`, in text order.

    The same fact (same kind and value in the same sentence) is reported once.
    """
    text = prepare_text(text)
    sentences = _Sentences(text)
    taken = _Taken()
    found: list[Candidate] = []

    def add(kind: str, value: Any, start: int, end: int, **extra: Any) -> None:
        s, e = sentences.cover(start, end)
        found.append(Candidate(kind, value, text[start:end], text[s:e], start, at=start - s, **extra))

    for pattern in (_URL, _EMAIL, _TIME):
        for m in pattern.finditer(text):
            if taken.free(*m.span()):
                taken.take(*m.span())

    for m in _CODE.finditer(text):
        groups = re.split(r"\s?[-/]\s?", m.group("groups"))
        if len(groups) < 2 and not m.group("label"):
            continue
        start = m.start("num")
        if not taken.free(start, m.end()):
            continue
        surface = text[start : m.end()]
        label = m.group("label")
        taken.take(start, m.end())
        add("code", canonical_code(surface), start, m.end(), label=_label(label), blank=(0, len(surface)))
    for m in _BARE_DOC.finditer(text):
        group = "num" if m.group("num") else "num2"
        start, end = m.span(group)
        if not taken.free(start, end):
            continue
        label = _label(m.group("label") or m.group("label2"))
        taken.take(start, end)
        add("code", f"{label} {m.group(group)}", start, end, label=label, blank=(0, end - start))

    for start, end, iso, blank in _dates(text, taken):
        add("date", iso, start, end, blank=blank)

    for m in _ORDINAL.finditer(text):
        if not taken.free(m.start("n"), m.end("n")) or not m.group("n"):
            continue
        raw = m.group("n")
        value = int(raw) if raw.isdigit() else (roman_to_int(raw) or 0)
        if value <= 0:
            continue
        taken.take(m.start("n"), m.end("n"))
        add("ordinal", value, m.start(), m.end(), blank=(m.start("n") - m.start(), m.end() - m.start()))

    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if not taken.free(start, end) or _THU.search(text, max(0, start - 6), start):
            continue
        frac = m.group("f") or m.group("f2")
        if len(m.group("n")) > 1 and m.group("n").startswith("0"):
            continue  # "007", a phone number: not a count
        raw = m.group("n").replace(".", "") + ("." + frac if frac else "")
        try:
            amount = Decimal(raw)
        except InvalidOperation:
            continue
        noun: str | None
        if m.group("pct"):
            noun, stop = "%", end
        else:
            noun, stop = _noun(text, end)
        taken.take(start, end)
        add("number", _decimal_text(amount), start, stop, unit=noun, blank=(0, end - start))

    for m in _NUMBER_WORD.finditer(text):
        # "ba trụ cột", "hai Hội nghị"; not "Thứ hai", "Hai là", "Ba Lan", "mười hai".
        start, end = m.span()
        nxt = _WORD.match(text, end)
        if not nxt or "\n" in nxt.group(0) or not taken.free(start, end):
            continue
        follower = nxt.group(1)
        if (
            _THU.search(text, max(0, start - 6), start)
            or follower.lower() in _STOP
            or follower.lower() in _NUMBER_WORDS
            or (m.group()[0].isupper() and follower[0].isupper())
        ):
            continue
        noun, stop = _noun(text, end)
        if not noun:
            continue
        taken.take(start, end)
        add("number", str(_NUMBER_WORDS[m.group().lower()]), start, stop, unit=noun, blank=(0, end - start))

    for start, end in _formulas(text):
        content = text[start:end]
        stripped = content.strip()
        if len(stripped) < 2 or not any(ch.isalpha() for ch in stripped) or len(stripped) > 600:
            continue
        lead = len(content) - len(content.lstrip())
        s = start + lead
        add("formula", stripped, s, s + len(stripped), blank=(0, len(stripped)))

    found.sort(key=lambda c: (c.start, KINDS.index(c.kind)))
    seen: set[tuple[str, str, str]] = set()
    unique: list[Candidate] = []
    for c in found:
        key = (c.kind, str(c.value), " ".join(c.sentence.split()))
        if key in seen:
            continue
        seen.add(key)
        unique.append(c)
    return unique


def _label(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.lower()
    return raw[:1].upper() + raw[1:]


# --------------------------------------------------------------------------------------
# Questions

_TIME_TOKEN = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_CLAUSE = re.compile(r"[;|]|:(?!\d)|(?<=[^\d\s])\s[-–—]\s(?=[^\d\s])|(?<=\))\s?-\s")
_COMMA = re.compile(r",\s")
_LIMIT = 220

_TAGS = {
    "date": "thời gian",
    "number": "số liệu",
    "code": "văn bản",
    "ordinal": "đại hội, khóa",
    "formula": "trích dẫn",
}


def _context(sentence: str, start: int, end: int, limit: int = _LIMIT) -> tuple[int, int]:
    """The clause of `sentence` around [start, end): cut at ; : | and dashes, then at commas
    if still longer than `limit`."""
    left, right = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= start:
            left = max(left, m.end())
        elif m.start() >= end:
            right = min(right, m.start())
    if not _has_words(sentence[left:start] + " " + sentence[end:right]):
        left, right = 0, len(sentence)  # a bare "(03/02/1930 - …)": the clause says nothing
    if right - left <= limit:
        return left, right
    lefts = sorted(
        {m.end() for m in _COMMA.finditer(sentence, left, start) if m.end() <= start}, reverse=True
    )
    rights = sorted({m.start() for m in _COMMA.finditer(sentence, end, right) if m.start() >= end})
    lefts.append(left)
    rights.append(right)
    lo, hi = lefts[0], rights[0]
    i = j = 0
    grew = True
    while grew:
        grew = False
        if i + 1 < len(lefts) and hi - lefts[i + 1] <= limit:
            i += 1
            lo = lefts[i]
            grew = True
        if j + 1 < len(rights) and rights[j + 1] - lo <= limit:
            j += 1
            hi = rights[j]
            grew = True
    return lo, hi


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in _TIME_TOKEN.sub(" ", text))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _tidy_prompt(before: str, middle: str, after: str, *, truncated: bool) -> str:
    """Join pieces of a clause into a question ending with '?'."""
    text = _clean(before + middle + after)
    text = text.strip(" \t.,;:!?…-–—|")
    # drop unbalanced leading/trailing quote or bracket marks
    text = text.strip('"“”‘’«»')
    if text.count("(") > text.count(")"):
        text += ")"
    if truncated and text and not text[0].isupper():
        text = "… " + text
    return (text + "?") if text else "?"


_FUNCTION_WORDS = ("như", "và", "của", "với", "là", "để", "vì", "trong", "cho", "về", "mà")


def _long_blank(formula: str) -> tuple[str, str, str]:
    """Split a long formula into (kept head, phrase to blank, kept tail): the last comma part of
    2-6 words, else what follows the last function word of the final part (at most 10 words)."""
    parts = formula.split(",")
    offset = 0
    best: tuple[int, int] | None = None
    for part in parts:
        n = len(part.split())
        core = part.strip(" .;:!?…")
        if 2 <= n <= 6 and core:
            s = offset + part.index(core)
            best = (s, s + len(core))
        offset += len(part) + 1
    if best is None:
        last = parts[-1]
        base = len(formula) - len(last)
        words = list(re.finditer(r"\S+", last))
        for i in range(len(words) - 2, -1, -1):
            if words[i].group().lower() in _FUNCTION_WORDS and 1 <= len(words) - i - 1 <= 10:
                start = base + words[i + 1].start()
                best = (start, base + len(last.rstrip(" .;:!?…")))
                break
    if best is None:
        core = formula.rstrip(" .;:!?…")
        best = (0, len(core))
    return formula[: best[0]], formula[best[0] : best[1]], formula[best[1] :]


def _cloze_safe(text: str) -> str:
    return text.replace("{", "(").replace("}", ")")


def _answer_safe(text: str) -> str:
    return _clean(text.replace("{", " ").replace("}", " ").replace("|", " "))


def _prompt_parts(c: Candidate, pre_blank: int, post_blank: int) -> tuple[str, str, bool]:
    """Text before and after the span [c.start+pre_blank, c.start+post_blank) within its clause."""
    rel = c.at
    lo, hi = _context(c.sentence, rel + pre_blank, rel + post_blank)
    before = c.sentence[lo : rel + pre_blank]
    after = c.sentence[rel + post_blank : hi]
    return before, after, lo > 0


def _number_prompt(c: Candidate) -> str:
    before, after, cut = _prompt_parts(c, 0, len(c.surface))
    unit = c.unit or ""
    if unit == "%":
        middle = "bao nhiêu phần trăm"
    else:
        middle = "bao nhiêu" + (" " + c.surface[c.blank[1] :].strip() if c.blank and unit else "")
    return _capitalize(_tidy_prompt(before, middle, after, truncated=cut), cut)


_DATE_ASK = {3: "ngày nào", 2: "tháng nào", 1: "năm nào"}


def _date_prompt(c: Candidate) -> str:
    """ "… ngày nào …?" when the date reads as a phrase ("ngày 18/2/2019", "năm 2019"); a blank
    to fill otherwise (a date in brackets or in a range); a dateline asks when it was published."""
    precision = len(c.value.split("-"))
    before, after, cut = _prompt_parts(c, 0, len(c.surface))
    whole = c.sentence[: c.at] + " " + c.sentence[c.at + len(c.surface) :]
    if precision == 3 and not _has_words(whole):
        return M.DRAFT_DATELINE_PROMPT
    lead = c.surface[: c.blank[0]].strip().lower() if c.blank else ""
    glued = after[:1] in ("-", "–", "—") or before[-1:] in ("-", "–", "—")
    if lead and not glued:
        ask = _DATE_ASK[precision]
        if lead not in ("ngày", "tháng", "năm"):
            ask = f"{lead} {ask}"
        return _capitalize(_tidy_prompt(before, ask, after, truncated=cut), cut)
    body = _tidy_prompt(before, "____", after, truncated=cut)[:-1]
    return M.DRAFT_FILL_DATE_PROMPT[precision].format(text=body)


def _capitalize(text: str, truncated: bool) -> str:
    return text if truncated or not text else text[0].upper() + text[1:]


def _cloze_text(c: Candidate, answers: list[str]) -> str | None:
    """The clause with c's blank replaced by {{answers}}."""
    answers = [a for a in dict.fromkeys(_answer_safe(a) for a in answers) if a]
    if not answers or not c.blank:
        return None
    b0, b1 = c.blank
    before, after, cut = _prompt_parts(c, b0, b1)
    text = _clean(_cloze_safe(before) + "{{" + "|".join(answers) + "}}" + _cloze_safe(after))
    text = text.strip(" \t,;:|-–—")
    if cut and text and not text[0].isupper():
        text = "… " + text
    return text


def _formula_cloze(c: Candidate) -> str | None:
    formula = _clean(c.value)
    parts = [p.strip() for p in formula.split(",")]
    words = formula.split()
    if 2 <= len(parts) <= 5 and all(p and len(p.split()) <= 4 for p in parts):
        body = ", ".join("{{" + _answer_safe(p) + "}}" for p in parts if _answer_safe(p))
    elif len(words) <= 12:
        safe = _answer_safe(formula)
        if not safe:
            return None
        body = "{{" + safe + "}}"
    else:
        keep, blank, trail = _long_blank(formula)
        safe = _answer_safe(blank)
        if not safe:
            return None
        body = _cloze_safe(keep) + "{{" + safe + "}}" + _cloze_safe(trail)
    if "{{" not in body:
        return None
    if len(words) <= 12:
        before, after, cut = _prompt_parts(c, 0, len(c.surface))
        before = before[:-1] if before.endswith(("“", '"', "«", "‘")) else before
        after = after[1:] if after.startswith(("”", '"', "»", "’")) else after
        text = _clean(_cloze_safe(before) + "“" + body + "”" + _cloze_safe(after)).strip(" \t,;:|-–—")
        if cut and text and not text[0].isupper():
            text = "… " + text
        return text
    return "“" + body + "”"


def _slug(text: str, limit: int = 48) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] if "-" in slug[:limit] else slug[:limit]
    return slug.strip("-")


def _date_display(iso: str) -> str:
    if iso.startswith("--"):
        m, d = iso[2:].split("-")
        return f"{int(d)}/{int(m)}"
    return format_date(iso)


def _base_id(c: Candidate) -> str:
    if c.kind == "date":
        if c.value.startswith("--"):
            return "ngay-" + _slug(_date_display(c.value))
        prefix = {3: "ngay", 2: "thang", 1: "nam"}[len(c.value.split("-"))]
        return f"{prefix}-{_slug(_date_display(c.value))}"
    if c.kind == "number":
        return _slug(f"so {c.value} {'phan tram' if c.unit == '%' else c.unit or ''}")
    if c.kind == "code":
        return _slug(f"{c.label or 'van ban'} {c.value}")
    if c.kind == "ordinal":
        keyword = c.surface[: c.blank[0]] if c.blank else ""
        return _slug(f"{keyword} {c.value}") or f"thu-tu-{c.value}"
    return "trich-" + (_slug(" ".join(str(c.value).split()[:6])) or "dan")


def _display(c: Candidate) -> str:
    """How c's value is shown as a choice."""
    if c.kind == "date":
        return _date_display(c.value)
    if c.kind == "number":
        return format_decimal(Decimal(c.value)) + ("%" if c.unit == "%" else "")
    if c.kind == "ordinal":
        return int_to_roman(c.value) if c.value < 4000 else str(c.value)
    return str(c.value)


def _group(c: Candidate) -> tuple[str, ...]:
    """Candidates that can serve as each other's distractors."""
    if c.kind == "date":
        return ("date", "yearless" if c.value.startswith("--") else str(len(c.value.split("-"))))
    if c.kind == "number":
        return ("number", "%" if c.unit == "%" else "")
    return (c.kind,)


class _Pool:
    """The distinct values of one group of candidates, for picking distractors quickly."""

    def __init__(self, members: list[Candidate]):
        self.ordered = bool(members) and _ordered(members[0])
        seen: dict[str, Candidate] = {}
        for c in members:
            seen.setdefault(_display(c), c)
        self.first = seen
        self.size = len(seen)
        self.shown = list(seen)  # order of appearance
        self.unit_of = {d: c.unit for d, c in seen.items()}
        self.by_unit: dict[str | None, list[tuple[Decimal, str]]] = {}
        entries = sorted((_magnitude(c), d) for d, c in seen.items()) if self.ordered else []
        self.entries = entries
        self.keys = [m for m, _ in entries]
        for m, d in entries:
            self.by_unit.setdefault(self.unit_of[d], []).append((m, d))
        self.unit_keys = {unit: [m for m, _ in items] for unit, items in self.by_unit.items()}

    def distractors(self, c: Candidate, count: int = 3) -> list[str]:
        """Up to `count` other values, nearest first, written the way c's answer is written."""
        answer = _token(c)
        shown: list[str] = []
        for key in self._nearest(c, count + 2):
            text = _render(self.first[key], c)
            if text != answer and text not in shown and len(shown) < count:
                shown.append(text)
        return shown

    def _nearest(self, c: Candidate, count: int) -> list[str]:
        answer = _display(c)
        if not self.ordered:
            return [d for d in self.shown if d != answer][:count]
        mag = _magnitude(c)
        picked: list[str] = []
        lists = [self.by_unit.get(c.unit, [])] if c.kind == "number" else []
        for entries in [*lists, self.entries]:
            keys = self.unit_keys.get(c.unit, []) if entries is not self.entries else self.keys
            i = bisect.bisect_left(keys, mag)
            window = entries[max(0, i - count - 1) : i + count + 1]
            for _, d in sorted(window, key=lambda e: (abs(e[0] - mag), e[1])):
                if d != answer and d not in picked and len(picked) < count:
                    picked.append(d)
        return picked


def _token(c: Candidate) -> str:
    """The answer as written in the article ("18/02/2019", "ba", "38/CT-TW", "XIII")."""
    b0, b1 = c.blank or (0, len(c.surface))
    return _clean(c.surface[b0:b1]) or _display(c)


def _render(o: Candidate, like: Candidate) -> str:
    """Distractor `o` written in the style of the answer `like` (words, Roman numerals)."""
    answer = _token(like)
    if o.kind == "number":
        value = Decimal(o.value)
        if answer[:1].isalpha() and value == value.to_integral_value() and 2 <= value <= 10:
            words = {n: w for w, n in _NUMBER_WORDS.items()}
            if int(value) in words:
                return words[int(value)]
        token = _token(o)
        return token if token[:1].isdigit() else format_decimal(value) + ("%" if o.unit == "%" else "")
    if o.kind == "ordinal":
        return int_to_roman(o.value) if (not answer.isdigit() and o.value < 4000) else str(o.value)
    return _token(o)


def _ordered(c: Candidate) -> bool:
    return c.kind in ("number", "ordinal") or (c.kind == "date" and not c.value.startswith("--"))


def _magnitude(c: Candidate) -> Decimal:
    if c.kind == "number":
        return Decimal(c.value)
    if c.kind == "ordinal":
        return Decimal(c.value)
    parts = [int(p) for p in c.value.split("-") if p]
    return Decimal(
        parts[0] * 10000 + (parts[1] if len(parts) > 1 else 0) * 100 + (parts[2] if len(parts) > 2 else 0)
    )


def _number_answer(value: str) -> int | float:
    d = Decimal(value)
    if d == d.to_integral_value():
        return int(d)
    return float(value)


def _questions(c: Candidate, source_id: str) -> list[dict[str, Any]]:
    """The typed/cloze question for c (and nothing if none can be built)."""
    common_tail = {"source": source_id, "quote": c.sentence.strip(), "tags": ["draft", _TAGS[c.kind]]}
    if c.kind == "number" and _plainly_written(c):
        q: dict[str, Any] = {"type": "number", "prompt": _number_prompt(c), "answer": _number_answer(c.value)}
        if c.unit:
            q["unit"] = c.unit
        return [q | common_tail]
    if c.kind == "number":
        # "0,50": the answer the loader keeps (0.5) is not what the article wrote; blank it as written
        text = _cloze_text(c, [_token(c)])
    elif c.kind == "date" and not c.value.startswith("--"):
        return [{"type": "date", "prompt": _date_prompt(c), "answer": c.value} | common_tail]
    elif c.kind == "date":
        b0, b1 = c.blank or (0, len(c.surface))
        text = _cloze_text(c, [c.surface[b0:b1]])
    elif c.kind == "code":
        text = _cloze_text(c, [c.surface, c.value])
    elif c.kind == "ordinal":
        b0, b1 = c.blank or (0, len(c.surface))
        raw = c.surface[b0:b1]
        text = _cloze_text(c, [raw, str(c.value) if not raw.isdigit() else int_to_roman(c.value)])
    else:
        text = _formula_cloze(c)
    if not text or "{{" not in text:
        return []
    return [{"type": "cloze", "text": text} | common_tail]


def _plainly_written(c: Candidate) -> bool:
    """Whether the article writes the number the way a `number` answer is shown: `245`, `1.000`,
    `0,6`, or a number word; not `0,50` or `0.6` (a trailing zero or an English decimal point
    would make the answer look absent from its quote)."""
    written = _token(c).rstrip("% ")
    if written.isalpha():
        return True
    value = Decimal(c.value)
    plain = format(value.normalize(), "f")
    return written in (plain, format_decimal(value), plain.replace(".", ","))


def _choice(c: Candidate, typed: dict[str, Any], pool: _Pool) -> dict[str, Any] | None:
    if c.kind not in ("date", "number", "code", "ordinal") or pool.size < 3:
        return None
    wrong = pool.distractors(c)
    if len(wrong) < 2:
        return None
    answer = _token(c)
    if typed["type"] == "cloze":
        prompt = M.DRAFT_CHOOSE_BLANK_PROMPT.format(text=re.sub(r"\{\{.*?\}\}", "____", typed["text"]))
    else:
        prompt = typed["prompt"]
    return {
        "type": "choice",
        "prompt": prompt,
        "choices": [answer, *wrong],
        "answer": answer,
        "source": typed["source"],
        "quote": typed["quote"],
        "tags": list(typed["tags"]),
    }


def _unique(base: str, used: dict[str, int]) -> str:
    """`base`, or `base-2`, `base-3`… if taken. `used` maps each id and base to its last suffix."""
    base = base if base and ID_PATTERN.match(base) else "cau-hoi"
    qid, n = base, used.get(base, 1)
    if base in used:
        n += 1
        qid = f"{base}-{n}"
        while qid in used:
            n += 1
            qid = f"{base}-{n}"
    used[base] = n
    used.setdefault(qid, 1)
    return qid


def _headline(text: str) -> str:
    """The article's title line (datelines skipped), or a generic name."""
    from quiz.authoring.add import article_headline

    return article_headline(text) or M.DRAFT_ARTICLE_FALLBACK_TITLE


def draft_bank(text: str, bank_id: str, *, title: str | None = None, source_file: str | None = None) -> str:
    """The YAML text of a draft bank proposing questions from the article `text`.

    Every question is tagged `draft` and cites one source (the article, `file: source_file`)
    with the verbatim sentence as `quote`. Raises QuizError if `bank_id` is not a valid id or
    the article holds nothing to ask about.
    """
    from quiz.authoring.add import check_bank_id

    check_bank_id(bank_id)
    prepared = prepare_text(text)
    candidates = find_candidates(prepared)
    headline = _headline(prepared)
    source_id = "bai-viet"
    source: dict[str, Any] = {"id": source_id, "title": headline}
    if source_file:
        source["file"] = _clean(prepare_text(source_file)) or source_file
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in candidates:
        groups.setdefault(_group(c), []).append(c)
    pools = {key: _Pool(members) for key, members in groups.items()}
    used: dict[str, int] = {}
    questions: list[dict[str, Any]] = []
    for c in candidates:
        for typed in _questions(c, source_id):
            base = _base_id(c)
            questions.append({"id": _unique(base, used), **typed})
            choice = _choice(c, typed, pools[_group(c)])
            if choice:
                questions.append({"id": _unique(base + "-chon", used), **choice})
    if not questions:
        raise QuizError(M.DRAFT_NOTHING_FOUND)
    bank = {
        "bank": bank_id,
        "title": _clean(prepare_text(title)) if title and title.strip() else f"Bản nháp: {headline}",
        "language": "vi",
        "description": M.DRAFT_DESCRIPTION,
        "sources": [source],
        "questions": questions,
    }
    body = yaml.dump(
        bank, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_NO_WRAP, default_flow_style=False
    )
    return _canonical(body)


def _canonical(text: str) -> str:
    """The `quiz bank fmt` layout of the draft (so `fmt --check` passes and `bank add` appends
    cleanly); the plain dump if it cannot be proven to load to the same bank."""
    from quiz.authoring.add import format_bank

    try:
        return format_bank(text, "draft.yaml")
    except QuizError:
        return text
