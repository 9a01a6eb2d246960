"""Facts an article states that make good questions: dates, numbers, document codes, ordinals,
formulas (`find_candidates`), each with its sentence. Standard library only; drafting them into
questions is authoring/draft.py."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from quiz.text.escape import FORBIDDEN_CHARS
from quiz.text.numbers import roman_to_int

KINDS: tuple[str, ...] = ("date", "range", "number", "code", "ordinal", "formula")


@dataclass(frozen=True)
class Candidate:
    """One fact found in the article.

    `value` is canonical: an ISO date (`2019-02-18`, `2021-12`, `2022`, or `--12-14` for a
    day and month without a year), a range of years (`2020-2021`, kind `range`), a Decimal
    string (`245`, `0.6`), a document code
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

_RANGE_VALUE = re.compile(r"\d{4}-\d{4}")
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
                if _year_ok(y1) and _year_ok(y2) and y1 < y2:  # a term: "nhiệm kỳ 2020-2021"
                    taken.take(start, end)
                    yield start, end, f"{y1:04d}-{y2:04d}", (0, end - start)
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
        add("range" if _RANGE_VALUE.fullmatch(iso) else "date", iso, start, end, blank=blank)

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
