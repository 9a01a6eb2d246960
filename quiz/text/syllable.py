"""Vietnamese syllable structure: is a typed token a possible Vietnamese syllable?

Standard library only; pure functions; linear in the token's length (tokens over 12 letters are
never syllables).

A Vietnamese syllable is written (onset)(medial)nucleus(coda) + one tone:

* onset: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none;
* medial /w/: `o` before a ă e (hoa, hoặc, khoẻ), `u` before â ê y ơ (tuân, huế, thuỷ, thuở);
  after `q` the `u` is part of the onset;
* nucleus and coda from the closed list of rimes below (a ă â e ê i/y o ô ơ u ư, the diphthongs
  iê/yê/ia/ya, uô/ua, ươ/ưa, and the codas c ch m n ng nh p t, semivowels i y o u);
* tone: ngang, huyền, sắc, hỏi, ngã, nặng; a syllable closed by p, t, c or ch only takes sắc or
  nặng. The mark may sit on either vowel of `oa oe uy` and the like (old `hoà` / new `hòa`
  placement): only which tone, not where its mark sits, is checked.

Why encode the structure rather than use a word list: no well-kept, licensed list of Vietnamese
syllables is published as a Python package (the PyPI candidates are NLP toolkits such as
underthesea or pyvi, heavy and pulling in model files, or unmaintained spell-checkers); the
structure is closed and small (about 160 written rimes), so a model of a few dozen lines is
exact for the question this module answers, keeps `quiz.text` free of dependencies, and cannot
drift out of date. The model errs on the safe side for the judge: it accepts a few syllables
that are possible but rare or unused (`quynh` with a tone no word has), and a token it accepts
is treated as "another word", never as a typo, so over-acceptance can only make the judge
stricter, never fool it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["is_syllable", "parse_syllable", "Syllable"]

_TONES = {"\u0300": "huyen", "\u0301": "sac", "\u0309": "hoi", "\u0303": "nga", "\u0323": "nang"}

# Onsets, longest first so that `ngh` is tried before `ng` and `n`.
_ONSETS: tuple[str, ...] = (
    "ngh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ng",
    "nh",
    "ph",
    "qu",
    "th",
    "tr",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)

# Rimes without a medial, as written (tone marks removed, quality marks kept).
_PLAIN_RIMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu
    iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut
    uôc uôi uôm uôn uông uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu
    ươc ươi ươm ươn ương ươp ươt ươu
    """.split()
)

# Rimes after the medial `o` / `u` (the medial written first), and after `qu` (which already
# carries the medial): the part after the medial letter.
_AFTER_O = frozenset("a ac ach ai am an ang anh ao ap at ay ăc ăm ăn ăng ăp ăt e em en eo et".split())
_AFTER_U = frozenset("ân âng ât ây ê êch ênh êt ơ y ych ynh yt ya yêt yên yêch yu".split())
_AFTER_QU = _AFTER_O | _AFTER_U | frozenset("i ên ôc yêt yên yêch ynh ych".split())

# Onsets that cannot take a medial (they are followed by a rounded vowel or are labials).
_NO_MEDIAL = frozenset({"b", "p", "m", "v", "ph", "qu", "gh", "ngh", "k", "c"})
_STOPS = ("p", "t", "c", "ch")

# Spelling rules: `k gh ngh` before i/y, e, ê (and iê/yê); `c g ng` elsewhere.
_FRONT = ("i", "y", "e", "ê")


class Syllable(tuple[str, str, str, str]):
    """(onset, medial, rime, tone) of a written syllable; tone "" is ngang."""

    __slots__ = ()

    @property
    def onset(self) -> str:
        return self[0]

    @property
    def medial(self) -> str:
        return self[1]

    @property
    def rime(self) -> str:
        return self[2]

    @property
    def tone(self) -> str:
        return self[3]


def _split_tone(token: str) -> tuple[str, str] | None:
    """(letters with quality marks, tone name) or None for several tones or a non-letter."""
    decomposed = unicodedata.normalize("NFD", token.replace("Ð", "Đ").lower())
    tones = [_TONES[c] for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return None
    letters = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return letters, tones[0] if tones else ""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _index(rimes: frozenset[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for rime in rimes:
        out.setdefault(_fold(rime), []).append(rime)
    return {key: tuple(sorted(values)) for key, values in out.items()}


_BY_FOLD = {
    "plain": _index(_PLAIN_RIMES),
    "o": _index(_AFTER_O),
    "u": _index(_AFTER_U),
    "qu": _index(_AFTER_QU),
}


def _lacks_marks(real: str, given: str) -> bool:
    """True when `given` is `real` with zero or more quality marks left out."""
    return len(real) == len(given) and all(g == r or g == _fold(r) for r, g in zip(real, given, strict=True))


def _rimes(kind: str, given: str, lenient: bool) -> list[str]:
    """The real rimes of a kind that `given` is, or (lenient) may be with quality marks added."""
    if not lenient:
        return [r for r in _BY_FOLD[kind].get(_fold(given), ()) if r == given]
    return [r for r in _BY_FOLD[kind].get(_fold(given), ()) if _lacks_marks(r, given)]


def _onset_allows(onset: str, rime: str) -> bool:
    first = rime[0]
    # c/g/ng before front vowels are spelled k/gh/ngh, and those only there.
    if onset in ("k", "gh", "ngh"):
        return first in _FRONT
    if onset in ("c", "g", "ng"):
        return first not in _FRONT or (onset == "g" and rime == "i")  # `gì` is g + i
    # `y…` starts a rime only without onset (`yêu`, `yên`); `y` alone follows any (`Mỹ`, `Lý`).
    if first == "y" and rime != "y":
        return onset == ""
    return True


def _readings(onset: str, rest: str) -> list[tuple[str, str, str]]:
    """(medial, rime, kind) readings of what follows `onset`."""
    if onset == "qu":
        return [("", rest, "qu")]
    if onset == "gi":
        # `gia` = gi + a; `gìn`, `giếng` = gi + in, iêng (the i written once); `gì` = gi + i.
        out = [("", "i" + rest, "plain")]
        if rest and rest[0] not in "iy":
            out.append(("", rest, "plain"))
        return out
    out = [("", rest, "plain")]
    if len(rest) > 1 and rest[0] in "ou" and onset not in _NO_MEDIAL:
        out.append((rest[0], rest[1:], rest[0]))
    return out


@lru_cache(maxsize=8192)
def parse_syllable(token: str) -> Syllable | None:
    """The structure of `token` as one Vietnamese syllable, or None if it cannot be one.

    Case and NFC/NFD never matter; `Ð` (U+00D0) is read as `Đ`. A token typed without any
    diacritic (`nguyen`, `viet`) parses when adding marks could make it a syllable (the first
    such reading is returned, quality marks restored); a token with some mark is read as typed
    (`chủu` is no syllable, though `chửu` would be), since whoever typed one mark could type all.

    >>> parse_syllable("Nguyễn")
    ('ng', 'u', 'yên', 'nga')
    >>> parse_syllable("Quânn") is None
    True
    """
    if not isinstance(token, str) or not 0 < len(token) <= 12:
        return None
    split = _split_tone(token)
    if split is None:
        return None
    letters, tone = split
    if not letters.isalpha():
        return None
    lenient = not tone and _fold(letters) == letters
    for onset in _ONSETS:
        if not letters.startswith(onset):
            continue
        rest = letters[len(onset) :]
        for medial, given_rime, kind in _readings(onset, rest):
            if not given_rime:
                continue
            for rime in _rimes(kind, given_rime, lenient):
                if kind == "plain" and not _onset_allows(onset, rime):
                    continue
                if rime.endswith(_STOPS) and tone and tone not in ("sac", "nang"):
                    continue
                return Syllable((onset, medial, rime, tone))
    return None


def is_syllable(token: str) -> bool:
    """True when `token` (accented or folded) is a possible Vietnamese syllable.

    >>> [is_syllable(t) for t in ("Định", "Văn", "Ha", "nội", "Bìh", "Quaan", "WTO")]
    [True, True, True, True, False, False, False]
    """
    return parse_syllable(token) is not None
