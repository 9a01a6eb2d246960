"""Vietnamese text helpers: Unicode NFC, diacritic folding, tone placement, slugs.

Pure functions, standard library only. Nothing here raises on any `str` input.

Vietnamese diacritics come in two kinds, which this module keeps apart:

* vowel-quality marks, which make a different letter: circumflex (â ê ô), breve (ă), horn (ơ ư)
  and the stroke of đ;
* tone marks, one per syllable: huyền (à), sắc (á), hỏi (ả), ngã (ã), nặng (ạ).

Old and new spelling rules put the tone mark on different vowels (`hoà` / `hòa`, `thuỷ` / `thủy`).
`tone_key` separates a syllable's letters from its tone, so placement never matters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks (in NFD) and their Vietnamese names. U+0340/U+0341 (deprecated tone
# marks) are canonically equivalent to U+0300/U+0301, so NFD already turns them into these.
TONE_MARKS: dict[str, str] = {
    "\u0300": "huyen",  # grave: à
    "\u0301": "sac",  # acute: á
    "\u0309": "hoi",  # hook above: ả
    "\u0303": "nga",  # tilde: ã
    "\u0323": "nang",  # dot below: ạ
}
# Combining vowel-quality marks: circumflex (â ê ô), breve (ă), horn (ơ ư).
QUALITY_MARKS: frozenset[str] = frozenset({"\u0302", "\u0306", "\u031b"})
# Pseudo-mark standing for the stroke of đ/Đ, which Unicode does not decompose.
STROKE = "stroke"

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def nfc(s: str) -> str:
    """`s` in Unicode NFC (the form every text of a bank is stored in)."""
    return unicodedata.normalize("NFC", s)


def norm_key(text: str) -> str:
    """NFKC, case-folded, NFC again: the form every comparison of typed text starts from."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text).casefold())


def fold(s: str) -> str:
    """`s` with every diacritic removed (tone and quality marks, đ→d, Đ→D); case is kept.

    >>> fold("Đối ngoại Đảng")
    'Doi ngoai Dang'
    """
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def strip_tones(s: str) -> str:
    """`s` with the five tone marks removed but vowel-quality marks (â ă ê ô ơ ư đ) kept.

    >>> strip_tones("Việt Nam hoà bình")
    'Viêt Nam hoa binh'
    """
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))


def tone_of(syllable: str) -> str:
    """The tone of one syllable by name: "" (ngang), "huyen", "sac", "hoi", "nga" or "nang".

    A (malformed) syllable carrying several tone marks gets their names joined with "+".
    """
    found = sorted({TONE_MARKS[c] for c in unicodedata.normalize("NFD", syllable) if c in TONE_MARKS})
    return "+".join(found)


def tone_key(word: str) -> tuple[str, str]:
    """(letters without tone, tone) of one syllable, lower-cased: old and new placement agree.

    >>> tone_key("hoà") == tone_key("hòa") == ("hoa", "huyen")
    True
    >>> tone_key("thuỷ") == tone_key("thủy")
    True
    """
    text = nfc(word).lower()
    return strip_tones(text), tone_of(text)


def syllables(s: str) -> list[str]:
    """The words (runs of letters) of `s`, NFC; digits and punctuation separate them."""
    return re.findall(r"[^\W\d_]+", nfc(s))


def same_ignoring_tone_placement(a: str, b: str) -> bool:
    """True when `a` and `b` have the same words, spelled alike but for where tones are placed
    (and case): `Hoà bình` / `hòa bình`, `thuỷ` / `thủy`."""
    return [tone_key(w) for w in syllables(a)] == [tone_key(w) for w in syllables(b)]


def has_diacritics(s: str) -> bool:
    """True when `s` has any diacritic (tone, quality mark or đ)."""
    return fold(s) != nfc(s)


@lru_cache(maxsize=4096)
def char_marks(ch: str) -> tuple[str, frozenset[str]]:
    """(base letter, set of marks) of one character: `ặ` → ("a", {breve, dot below}).

    The stroke of đ counts as the mark `STROKE`. Characters without marks give (ch, ∅).
    """
    marks: set[str] = set()
    if ch in ("đ", "Đ"):
        return ("d" if ch == "đ" else "D"), frozenset({STROKE})
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    marks.update(c for c in decomposed if unicodedata.combining(c))
    if not base:  # a lone combining mark
        return ch, frozenset()
    return base, frozenset(marks)


def lacks_only_marks(expected_ch: str, given_ch: str) -> bool:
    """True when `given_ch` is `expected_ch` with zero or more of its marks left out
    (`a` for `ả`, `ă` for `ẳ`, `d` for `đ`), never with a wrong or extra mark."""
    if expected_ch == given_ch:
        return True
    e_base, e_marks = char_marks(expected_ch)
    g_base, g_marks = char_marks(given_ch)
    return e_base == g_base and g_marks <= e_marks


def slugify(s: str, max_length: int | None = None) -> str:
    """An ASCII id made of `a-z`, `0-9` and single `-`: what bank and question ids look like.

    `max_length` cuts at a `-` boundary (a single over-long word is cut hard). May return "".

    >>> slugify("Chỉ thị 32-CT/TW ban hành ngày nào?")
    'chi-thi-32-ct-tw-ban-hanh-ngay-nao'
    """
    ascii_text = unicodedata.normalize("NFKD", fold(s)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", ascii_text).strip("-")
    if max_length is not None and len(slug) > max_length:
        cut = slug[: max(max_length, 0) + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[: max(max_length, 0)]
        slug = slug[:max_length].strip("-")
    return slug
