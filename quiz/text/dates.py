"""Dates typed day first the Vietnamese way (`18/2/2019`, `ngày 18 tháng 2 năm 2019`, `tháng 12/2021`).

Standard library only.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from quiz.text.vietnamese import fold

_DATE_LABELS = {"ngay": "day", "thang": "month", "nam": "year"}
_DATE_FILLERS = frozenset({"vao"})
PRECISION_RANK = {"year": 1, "month": 2, "day": 3}
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
