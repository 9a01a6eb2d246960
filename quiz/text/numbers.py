"""Numbers the Vietnamese way: Roman numerals, `1.000` / `0,6` separators, multiplier words.

Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from quiz.text.vietnamese import fold

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


_NUMBER = re.compile(r"([+\-]?)\s*(\d+(?:[., ]\d+)*)\s*(%?)([^\d]*)")
_MULTIPLIERS = {"nghin": 1000, "ngan": 1000, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_MAX_NUMBER_TEXT = 200


def parse_numeral(core: str) -> Decimal | None:
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
        value = parse_numeral(core)
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


def number_readings(text: str) -> list[Decimal]:
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
