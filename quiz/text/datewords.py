"""Dates as people type them, brought to the form `quiz.text.dates.parse_date` reads:
`mùng 2/9/1945`, `mồng 2 tháng 9 năm 1945`, months in words (`tháng một`, `tháng mười hai`,
`tháng giêng`, `tháng chạp`), a weekday in front (`Thứ Năm, 11/1/2007`).

Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

from quiz.text.dates import parse_date
from quiz.text.numwords import find_number_words
from quiz.text.vietnamese import fold

_MONTHS = {
    "mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_MONTH_WORDS = re.compile(r"\bthang\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![\w])")
_WEEKDAY = re.compile(r"^\s*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|cn)\b[\s,.\-]*")
_DAY_WORDS = re.compile(r"\b(?:mung|mong)\s+(?=\d)")
_DAY_IN_WORDS = re.compile(r"\b(mung|mong|ngay)\s+((?:[a-z]+\s+){1,3}?)(?=thang\b)")


def _day_in_words(m: re.Match[str]) -> str:
    words = m.group(2).split()
    runs = find_number_words(words)
    if runs and runs[0][0] == 0 and 1 <= runs[0][2] <= 31:
        return f"{m.group(1)} {runs[0][2]} {' '.join(words[runs[0][1] :])}".rstrip() + " "
    return m.group(0)


def prepare(text: str) -> str:
    """`text` folded, with the weekday, `mùng`/`mồng`, days and month words rewritten."""
    s = fold(unicodedata.normalize("NFKC", text)).casefold()
    s = _WEEKDAY.sub("", s)
    s = _MONTH_WORDS.sub(lambda m: f"thang {_MONTHS[m.group(1)]}", s)
    s = _DAY_IN_WORDS.sub(_day_in_words, s)  # `mùng ba tháng hai` = `mùng 3 tháng 2`
    return _DAY_WORDS.sub("", s)


def read_date(text: object) -> tuple[str, str] | None:
    """`parse_date` of `text` as people type it (see the module docstring), or None."""
    if not isinstance(text, str) or len(text) > 100:
        return None
    return parse_date(text) or parse_date(prepare(text))
