"""Party and state document codes (`32-CT/TW`, `11/2022/NĐ-CP`) whatever their separators.

Standard library only.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from quiz.text.vietnamese import fold, norm_key

_DOC_TYPES = frozenset(
    {"CT", "NQ", "KL", "QD", "QDI", "TB", "HD", "TT", "TTR", "ND", "CV", "KH", "BC", "QC", "DA", "CTR"}
    | {"TTLT", "NQLT", "QDLT", "HDLT", "CTLT"}
)
_DOC_ISSUERS = frozenset(
    {"TW", "BCT", "BBT", "BCHTW", "CP", "TTG", "QH", "UBTVQH", "BNG", "BDNTW", "DNTW", "VPTW", "BTGTW"}
    | {"BTCTW", "BKTTW", "UBKTW", "BDVTW", "TU", "HU", "DU", "DUK", "BCA", "BQP", "UBND", "CTN", "VPCP"}
)
# The name of a kind of document, folded, and the code types it may be written with.
DOC_TYPE_WORDS: dict[tuple[str, ...], frozenset[str]] = {
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


def find_codes(text: str) -> list[tuple[int, int, DocCode]]:
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
    found = find_codes(norm_key(text))
    return found[0][2] if found else None
