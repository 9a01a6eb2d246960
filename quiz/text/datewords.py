"""Dates as people type them, brought to the form `quiz.text.dates.parse_date` reads:
`mùng 2/9/1945`, `mồng 2 tháng 9 năm 1945`, months in words (`tháng một`, `tháng mười hai`,
`tháng giêng`, `tháng chạp`), a weekday in front (`Thứ Năm, 11/1/2007`).

Standard library only.
"""

from __future__ import annotations

import re
import unicodedata

from quiz.text.dates import parse_date
from quiz.text.vietnamese import fold

_MONTHS = {
    "mot": 1, "gieng": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_MONTH_WORDS = re.compile(r"\bthang\s+(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![\w])")
_WEEKDAY = re.compile(r"^\s*(?:thu\s+(?:hai|ba|tu|nam|sau|bay|[2-7])|chu\s+nhat|cn)\b[\s,.\-]*")
_DAY_WORDS = re.compile(r"\b(?:mung|mong)\s+(?=\d)")


def prepare(text: str) -> str:
    """`text` folded, with the weekday, `mùng`/`mồng` and month words rewritten."""
    s = fold(unicodedata.normalize("NFKC", text)).casefold()
    s = _WEEKDAY.sub("", s)
    s = _DAY_WORDS.sub("", s)
    return _MONTH_WORDS.sub(lambda m: f"thang {_MONTHS[m.group(1)]}", s)


def read_date(text: object) -> tuple[str, str] | None:
    """`parse_date` of `text` as people type it (see the module docstring), or None."""
    if not isinstance(text, str) or len(text) > 100:
        return None
    return parse_date(text) or parse_date(prepare(text))
