"""Numbers written in Vietnamese words: `hai trăm bốn mươi lăm` = 245, `một nghìn` = 1000.

Standard library only; works on folded, lower-case words (`hai tram bon muoi lam`), so it reads
answers typed with or without diacritics. Linear in the number of words (capped at 16).

Colloquial forms count as people mean them: `hai trăm bốn lăm` = 245, `ba tám` = 38,
`hai mốt` = 21, `một trăm ba` = 130 (a lone digit after trăm is the tens), `một nghìn hai` = 1200,
`bảy chục` = 70, `một trăm linh năm` / `lẻ năm` = 105, `một nghìn rưỡi` = 1500.
Ordinal words: `nhất` = 1, `tư` = 4.
"""

from __future__ import annotations

DIGITS: dict[str, int] = {
    "khong": 0,
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "lam": 5,
    "nham": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
}
_SCALES = {"nghin": 1000, "ngan": 1000, "trieu": 10**6, "ty": 10**9, "ti": 10**9}
_ZERO_TENS = frozenset({"linh", "le"})
NUMBER_WORDS = frozenset(DIGITS) | frozenset(_SCALES) | _ZERO_TENS | {"muoi", "chuc", "tram", "nhat", "ruoi"}
_HALVES = {"tram": 100, **_SCALES}
_MAX_WORDS = 16


def _below_thousand(words: list[str], after_scale: int) -> int | None:
    """The value of a group under 1000 (`hai tram bon muoi lam`), or None.

    `after_scale` is the scale word before the group (1000 for `một nghìn hai`): a lone digit
    right after a scale means the next order down (`một nghìn hai` = 1200).
    """
    if not words:
        return 0
    value = 0
    i = 0
    if len(words) >= 2 and words[1] == "tram" and words[0] in DIGITS:
        value = DIGITS[words[0]] * 100
        i = 2
        rest = words[i:]
        if len(rest) == 1 and rest[0] in DIGITS:
            return value + DIGITS[rest[0]] * 10  # một trăm ba = 130
        if len(rest) == 2 and rest[0] in _ZERO_TENS and rest[1] in DIGITS:
            return value + DIGITS[rest[1]]
    rest = words[i:]
    if not rest:
        return value
    if rest[0] == "muoi":  # mười, mười lăm
        if len(rest) == 1:
            return value + 10
        if len(rest) == 2 and rest[1] in DIGITS and rest[1] not in ("mot", "khong"):
            return value + 10 + DIGITS[rest[1]]
        if len(rest) == 2 and rest[1] == "mot":  # mười một
            return value + 11
        return None
    if rest[0] in DIGITS:
        tens = DIGITS[rest[0]]
        if len(rest) == 1:
            if i == 0 and after_scale > 1:
                return value + tens * after_scale // 10  # một nghìn hai = 1200
            return value + tens
        if rest[1] in ("muoi", "chuc") and tens >= 2 or (rest[1] == "chuc" and tens >= 1):
            if len(rest) == 2:
                return value + tens * 10
            if len(rest) == 3 and rest[2] in DIGITS and rest[2] != "khong":
                return value + tens * 10 + DIGITS[rest[2]]
            return None
        if len(rest) == 2 and rest[1] in DIGITS and tens >= 1:
            return value + tens * 10 + DIGITS[rest[1]]  # ba tám = 38, hai mốt = 21
    return None


def words_to_int(words: list[str]) -> int | None:
    """The number that the folded words mean, all of them, or None.

    >>> words_to_int("hai tram bon muoi lam".split())
    245
    >>> words_to_int("mot nghin".split()), words_to_int("ba tam".split()), words_to_int(["ba"])
    (1000, 38, 3)
    """
    if not words or len(words) > _MAX_WORDS or any(w not in NUMBER_WORDS for w in words):
        return None
    if words == ["nhat"]:
        return 1
    if len(words) >= 3 and words[-1] == "ruoi" and words[-2] in _HALVES:
        whole = words_to_int(words[:-1])  # `một nghìn rưỡi` = 1500, `một trăm rưỡi` = 150
        return None if whole is None else whole + _HALVES[words[-2]] // 2
    total = 0
    group: list[str] = []
    last_scale = 10**12 + 1
    previous_scale = 1
    for word in words:
        if word in _SCALES:
            scale = _SCALES[word]
            if scale >= last_scale:
                return None
            value = _below_thousand(group, previous_scale) if group else 1 if not total else None
            if value is None or value == 0:
                return None
            total += value * scale
            group = []
            last_scale = previous_scale = scale
        else:
            group.append(word)
    tail = _below_thousand(group, previous_scale if total else 1)
    if tail is None:
        return None
    return total + tail


def find_number_words(words: list[str]) -> list[tuple[int, int, int]]:
    """Every maximal run of number words in `words` (folded) that reads as a number:
    (start, end, value), left to right."""
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < len(words):
        if words[i] not in NUMBER_WORDS:
            i += 1
            continue
        j = i
        while j < len(words) and words[j] in NUMBER_WORDS and j - i < _MAX_WORDS:
            j += 1
        # the longest readable prefix of the run
        for end in range(j, i, -1):
            value = words_to_int(words[i:end])
            if value is not None:
                out.append((i, end, value))
                i = end
                break
        else:
            i += 1
    return out
