"""Match a typed answer against one accepted form, word by word (docs/bank-format.md, "Judging").

Standard library only; pure; every step is capped (answers over `MAX_TOKENS` words are compared
exactly), so the work is at most O(expected words × given words × 4).

The rules, per syllable (a "word" is one written syllable, or a foreign/hyphen-joined word):

* the same letters and tone, whatever vowel the tone mark sits on → right ("tone" if placed
  differently); `lý` / `lí` (final i/y) → right;
* the right letters with marks left out → "diacritics" (thiếu dấu) when the tone was left out or
  nothing was marked; a wrong mark, or the right tone with a vowel mark missing (`họp` for
  `hợp`) → "marks" (sai dấu), once per answer and only in answers of two words or more;
* other letters: a slip of one edit that leaves a non-word (`Quânn`, `Bìh`, `Hàong`) → "typo";
  a change that gives another valid syllable (`Định`, `Văn`, `Ha`, `Ninh`, `nội`) is another
  word → no match. Two words run together or one split (`Việtnam`, `Cam pu chia`) → "typo".
  Typos allowed: none under 5 letters, 1 from 5, 2 from 12 letters;
* numbers and document codes must be exact;
* extra words are harmless when they claim nothing: honorifics and titles, filler (`của`,
  `Đảng ta`, `lần thứ`, `đại biểu toàn quốc` …), words of the question, another accepted form of
  the same answer (`Tổ chức Thương mại Thế giới (WTO)`); anything else (a second name, `và …`,
  another number) makes the answer wrong;
* words of the question may be left out of the answer when what remains is a number
  (`XIII` for `Đại hội XIII` when the question asks which congress).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from quiz.text.codes import DOC_TYPE_WORDS, DocCode, find_codes
from quiz.text.distance import damerau_levenshtein
from quiz.text.numbers import parse_numeral, roman_to_int
from quiz.text.numwords import find_number_words
from quiz.text.syllable import is_syllable
from quiz.text.vietnamese import fold, lacks_only_marks, norm_key, tone_key

MAX_TOKENS = 60
EXACT, TONE, DIACRITICS, MARKS, TYPO = "exact", "tone", "diacritics", "marks", "typo"


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in text.split(","))


# Words that add nothing to an answer (NFC, lower case).
FILLER = _phrases(
    "của, là, ta, đảng, đảng ta, đảng cộng sản việt nam, trung ương, lần, thứ, số, có, được, vào, "
    "từ, đến, tới, đại biểu toàn quốc, toàn quốc, khóa, khoá, nước, tỉnh, thành phố, thủ đô, "
    "giai đoạn, chính là, đó là, gồm, ạ, nhé, đấy, báo, tờ báo, tạp chí, các, những"
)
HONORIFICS = _phrases(
    "ông, bà, anh, chị, cô, chú, bác, cụ, cố, nguyên, đồng chí, ngài, tổng bí thư, bí thư, "
    "chủ tịch, chủ tịch nước, phó, thủ tướng, bộ trưởng, thứ trưởng, trưởng ban, ủy viên, uỷ viên, "
    "ủy viên bộ chính trị, uỷ viên bộ chính trị, ủy viên trung ương, thường trực, đại tướng, tướng, "
    "đại sứ, giáo sư, tiến sĩ, chủ nhiệm, chủ tịch quốc hội"
)
_HEDGES = frozenset({"gan", "hon", "tren", "khoang", "chung", "xap", "xi", "ngot", "uoc"})
# Joining words are never harmless: they add a claim (`Hoàng Bình Quân và Lê Hoài Trung`).
JOINERS = frozenset({"và", "hoặc", "hay", "với", "cùng", "hoặc là", "lẫn"})
# Words of an accepted form an answer may leave out (`đặc phái viên Tổng Bí thư`).
_SLIGHT = frozenset({"của", "các", "những", "là"})
_ORDINAL_CONTEXT = frozenset(
    {"hoi", "khoa", "thu", "ky", "lan", "uong", "quoc", "chuong", "phan", "muc", "hop", "nghi"}
)
_NUMBER_WORD_CONTEXT = frozenset({"thứ", "khóa", "khoá", "thu", "khoa"})
_ROMAN_AMBIGUOUS = frozenset({"i", "v", "x", "l", "c", "d", "m", "di", "li", "mi", "vi", "xi"})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*")
_ACRONYM = re.compile(r"(?<![^\W\d_])((?:[a-z]\.){1,}[a-z])\.?(?![^\W\d_])")
_ISSUER_TW = re.compile(r"(?<=[/\-])\s*tư(?![^\W\d_])")
_VOWELS = frozenset("aeiouy")


class Tok(NamedTuple):
    kind: str  # "w" word, "n" number, "c" document code
    text: str  # word (NFC, lower case) / number as digits / code as `32-CT/TW`


_FILLER_TOKS = tuple(tuple(Tok("w", w) for w in p) for p in FILLER)
_HONORIFIC_TOKS = tuple(tuple(Tok("w", w) for w in p) for p in HONORIFICS)


class Match(NamedTuple):
    """How a given answer matched one form: the counts decide the verdict."""

    typos: int
    joins: int  # two words typed as one, or one as several (`Việtnam`, `Cu Ba`)
    marks: int
    omitted: int  # words of the question left out of the answer
    diacritics: int
    tone: int
    extra: int  # harmless words added


def normalize(text: str) -> str:
    """NFKC, lower case, NFC; `Ð`/`ð` (U+00D0/U+00F0) as `đ`; every dash as `-`; `TƯ` in a
    document code as `TW`; `đ/c` as `đồng chí`; `W.T.O` as `wto`."""
    s = norm_key(re.sub(r"(?<![^\W\d_])TƯ(?![^\W\d_])", "TW", text)).replace("ð", "đ")
    s = s.replace("&", " và ")
    s = re.sub("[\u2010-\u2015\u2212]", "-", s)
    s = _ISSUER_TW.sub("tw", s)
    s = s.replace("đ/c", "đồng chí ")
    return _ACRONYM.sub(lambda m: m.group(1).replace(".", ""), s)


def _number_tokens(raw: str) -> list[Tok]:
    value = parse_numeral(raw) if len(raw) <= 40 else None
    if value is not None:
        return [Tok("n", format(value.normalize(), "f"))]
    return [Tok("n", digits.lstrip("0") or "0") for digits in re.split(r"[.,]", raw)]


def _plain(segment: str, joined: bool) -> list[Tok]:
    out: list[Tok] = []
    for piece in _TOKEN.findall(segment):
        if piece[0].isdigit():
            out.extend(_number_tokens(piece))
        elif piece == "tw":  # `Ban Đối ngoại TW`: TW (TƯ) is Trung ương outside a code
            out.extend((Tok("w", "trung"), Tok("w", "ương")))
        elif joined:
            out.append(Tok("w", piece.replace("-", "")))
        else:
            out.extend(Tok("w", part) for part in piece.split("-"))
    return out


@lru_cache(maxsize=4096)
def tokens(text: str, joined: bool = True, romans: bool = True) -> tuple[Tok, ...]:
    """The comparable tokens of `text`. `joined`: a hyphenated word (`Cu-ba`) is one word, else
    its parts; `romans`: Roman-looking words after an ordinal word (or alone) are numbers."""
    s = normalize(text)
    raw: list[Tok] = []
    pos = 0
    for start, end, code in find_codes(s):
        raw.extend(_plain(s[pos:start], joined))
        if raw and raw[-1].kind == "w" and fold(raw[-1].text) == "so":
            raw.pop()  # "số 32-CT/TW"
        if len(raw) >= 2 and raw[-1].kind == raw[-2].kind == "w":
            kinds = DOC_TYPE_WORDS.get((fold(raw[-2].text), fold(raw[-1].text)), frozenset())
            if code.type in kinds:
                del raw[-2:]  # "Chỉ thị 32-CT/TW" is the code itself
        raw.append(Tok("c", str(code)))
        pos = end
    raw.extend(_plain(s[pos:], joined))
    out: list[Tok] = []
    i = 0
    folded = [fold(t.text) if t.kind == "w" else "" for t in raw]
    unmarked = all(f == t.text for f, t in zip(folded, raw, strict=True) if t.kind == "w")
    while i < len(raw):
        kind, value = raw[i]
        prev = folded[i - 1] if i else ""
        prev_word = raw[i - 1].text if i else ""
        if kind == "w" and (prev_word in _NUMBER_WORD_CONTEXT or unmarked and prev in _NUMBER_WORD_CONTEXT):
            run = find_number_words(folded[i : i + 8])
            if run and run[0][0] == 0:
                kind, value = "n", str(run[0][2])
                i += run[0][1] - 1
        if romans and kind == "w" and value.isascii():
            if value not in _ROMAN_AMBIGUOUS or prev in _ORDINAL_CONTEXT or len(raw) == 1:
                number = roman_to_int(value)
                if number:
                    kind, value = "n", str(number)
        if kind == "n" and out and fold(out[-1].text) == "thu" and out[-1].kind == "w":
            out.pop()  # "thứ 7" = "7", "lần thứ XIII" = "lần XIII"
            if out and out[-1].kind == "w" and fold(out[-1].text) == "lan":
                out.pop()
        out.append(Tok(kind, value))
        i += 1
    return tuple(out)


def has_hyphen_word(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]-[^\W\d_]", text))


# --------------------------------------------------------------------------- one word


def _iy_variant(e: tuple[str, str], g: tuple[str, str]) -> bool:
    """`lý` / `lí`, `kỹ` / `kĩ`: a final i or y after a consonant, same tone."""
    (el, et), (gl, gt) = e, g
    return (
        et == gt
        and len(el) == len(gl) >= 2
        and el[:-1] == gl[:-1]
        and {el[-1], gl[-1]} == {"i", "y"}
        and fold(el[-2]) not in _VOWELS
    )


@lru_cache(maxsize=8192)
def compare_word(e: str, g: str) -> str | None:
    """How given word `g` stands to expected word `e` (both NFC lower case): EXACT, TONE,
    DIACRITICS, MARKS, TYPO, or None when it is another word."""
    if e == g:
        return EXACT
    ek, gk = tone_key(e), tone_key(g)
    if ek == gk or _iy_variant(ek, gk):
        return TONE
    fe, fg = fold(e), fold(g)
    if fe == fg:
        lacking = len(e) == len(g) and all(lacks_only_marks(a, b) for a, b in zip(e, g, strict=True))
        if lacking and not gk[1]:
            return DIACRITICS
        return MARKS
    if damerau_levenshtein(fe, fg, 1) > 1:
        return None
    if is_syllable(g):
        return None  # another word: Định for Bình, nội for ngoại
    if is_syllable(e) or len(fe) >= 5:
        return TYPO
    return None


@lru_cache(maxsize=16384)
def _keys(word: str) -> tuple[tuple[str, str], str]:
    return tone_key(word), fold(word)


# --------------------------------------------------------------------------- one answer


def _harmless_positions(
    given: Sequence[Tok], phrases: Iterable[tuple[Tok, ...]], unmarked: bool
) -> list[bool]:
    """Which given tokens belong to a harmless phrase. A word matches a phrase word with the same
    letters and tone (placement aside), or, in an answer typed without any diacritic, folded."""

    def key(t: Tok) -> object:
        if t.kind != "w":
            return t
        tone, folded = _keys(t.text)
        return folded if unmarked else tone

    gkeys = [None if t.kind == "w" and t.text in JOINERS else key(t) for t in given]
    by_first: dict[object, list[tuple[object, ...]]] = {}
    for phrase in phrases:
        if phrase and len(phrase) <= len(given):
            pkeys = tuple(key(t) for t in phrase)
            by_first.setdefault(pkeys[0], []).append(pkeys)
    marks = [False] * len(given)
    for j, first in enumerate(gkeys):
        for pkeys in by_first.get(first, []) if first is not None else []:
            n = len(pkeys)
            if tuple(gkeys[j : j + n]) == pkeys:
                for k in range(n):
                    marks[j + k] = True
    return marks


def _words(toks: Sequence[Tok]) -> list[str]:
    return [t.text for t in toks if t.kind == "w"]


def typo_allowance(letters: int) -> int:
    """How many typos an answer of `letters` letters tolerates: 0, 1 from 5, 2 from 12."""
    return 2 if letters >= 12 else 1 if letters >= 5 else 0


_WORST = Match(99, 99, 99, 99, 99, 99, 99)
JOIN = "join"


def _add(m: Match, kind: str) -> Match:
    typos, joins, marks, omitted, diacritics, tone, extra = m
    if kind == TYPO:
        typos += 1
    elif kind == JOIN:
        joins += 1
    elif kind == MARKS:
        marks += 1
    elif kind == DIACRITICS:
        diacritics += 1
    elif kind == TONE:
        tone += 1
    elif kind == "omit":
        omitted += 1
    elif kind == "extra":
        extra += 1
    return Match(typos, joins, marks, omitted, diacritics, tone, extra)


def _compare_tok(e: Tok, g: Tok) -> str | None:
    if e.kind != g.kind:
        return None
    if e.kind != "w":
        return EXACT if e.text == g.text else None
    return compare_word(e.text, g.text)


def align(
    expected: Sequence[Tok],
    given: Sequence[Tok],
    harmless: Sequence[bool],
    omittable: Sequence[bool],
) -> Match | None:
    """The best alignment of the given tokens to the expected ones, or None."""
    n, m = len(expected), len(given)
    if n == 0 or m == 0 or n > MAX_TOKENS or m > MAX_TOKENS:
        return None
    best: list[list[Match]] = [[_WORST] * (m + 1) for _ in range(n + 1)]
    best[0][0] = Match(0, 0, 0, 0, 0, 0, 0)
    efold = [fold(t.text) if t.kind == "w" else None for t in expected]
    gfold = [fold(t.text) if t.kind == "w" else None for t in given]

    def offer(i: int, j: int, value: Match) -> None:
        if value < best[i][j]:
            best[i][j] = value

    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here is _WORST:
                continue
            if j < m and harmless[j]:
                offer(i, j + 1, _add(here, "extra"))
            if i < n and omittable[i]:
                offer(i + 1, j, _add(here, "omit"))
            if i < n and j < m:
                kind = _compare_tok(expected[i], given[j])
                if kind is not None:
                    offer(i + 1, j + 1, _add(here, kind))
                # two expected words typed as one (`Việtnam`), one typed as several (`Cam pu chia`)
                g = gfold[j]
                if g is not None and i + 1 < n and efold[i] is not None and efold[i + 1] is not None:
                    if g == efold[i] + efold[i + 1]:  # type: ignore[operator]
                        offer(i + 2, j + 1, _add(here, JOIN))
                e = efold[i]
                if e is not None:
                    joined = ""
                    for k in range(j, min(m, j + 4)):
                        part = gfold[k]
                        if part is None:
                            break
                        joined += part
                        if k > j and joined == e:
                            offer(i + 1, k + 1, _add(here, JOIN))
                        if len(joined) >= len(e):
                            break
    result = best[n][m]
    return None if result is _WORST else result


def acceptable(match: Match, expected: Sequence[Tok]) -> bool:
    """Whether the counts of a match stay within what the rules allow."""
    words = _words(expected)
    allowance = typo_allowance(sum(len(fold(w)) for w in words))
    if match.typos > allowance or match.typos + match.joins > max(allowance, 1):
        return False
    if match.marks:
        foreign_single = len(words) == 1 and not is_syllable(words[0])
        if match.marks > 1 or (len(words) < 2 and not foreign_single):
            return False
        if match.typos and match.typos + match.marks > max(allowance, 1):
            return False
    return True


def _omittable(expected: Sequence[Tok], question_words: set[str]) -> list[bool]:
    """Expected words the answer may leave out: words of the question, when the rest is numbers."""
    in_question = [t.kind == "w" and fold(t.text) in question_words for t in expected]
    core = [t for t, q in zip(expected, in_question, strict=True) if not q]
    slight = [t.kind == "w" and t.text in _SLIGHT for t in expected]
    if not core or any(t.kind == "w" for t in core):
        return slight if not all(slight) else [False] * len(expected)
    return [q or s for q, s in zip(in_question, slight, strict=True)]


class Context(NamedTuple):
    """What surrounds an answer: the question's words and other accepted forms (harmless)."""

    question: tuple[Tok, ...] = ()
    forms: tuple[tuple[Tok, ...], ...] = ()


# Who issues documents coded …/TW, …-CP …, as a question names them (folded words).
_ISSUER_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "TW": (("trung", "uong"), ("bo", "chinh", "tri"), ("ban", "bi", "thu"), ("tw",)),
    "BCT": (("bo", "chinh", "tri"),),
    "BBT": (("ban", "bi", "thu"),),
    "CP": (("chinh", "phu"),),
    "TTG": (("thu", "tuong"),),
    "QH": (("quoc", "hoi"),),
}


def _contains(words: Sequence[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def _bare_code(given: tuple[Tok, ...], code: DocCode, question: Sequence[str]) -> tuple[Tok, ...]:
    """`Chỉ thị 32` (or `32`) read as the code `32-CT/TW` when the question names who issued it
    (`Bộ Chính trị`, `Trung ương` …) and, for a bare number, what kind of document it is."""
    if not any(_contains(question, p) for p in _ISSUER_NAMES.get(code.issuer, ())):
        return given
    if any(t.kind == "c" for t in given):
        return given
    number = Tok("n", str(code.number))
    if number not in given:
        return given
    k = given.index(number)
    start = k
    if start and given[start - 1].kind == "w" and fold(given[start - 1].text) == "so":
        start -= 1
    if start >= 2 and given[start - 1].kind == given[start - 2].kind == "w":
        pair = (fold(given[start - 2].text), fold(given[start - 1].text))
        if pair in DOC_TYPE_WORDS:
            if code.type not in DOC_TYPE_WORDS[pair]:
                return given  # `Nghị quyết 32` is not `32-CT/TW`
            return (*given[: start - 2], Tok("c", str(code)), *given[k + 1 :])
    named = any(code.type in kinds and _contains(question, pair) for pair, kinds in DOC_TYPE_WORDS.items())
    if not named:
        return given
    return (*given[:start], Tok("c", str(code)), *given[k + 1 :])


def match_form(form: str, given: str, context: Context | None = None) -> Match | None:
    """How `given` matches the accepted `form`, or None when it does not."""
    context = context or Context()
    readings_e = [True, False] if has_hyphen_word(form) else [True]
    readings_g = [True, False] if has_hyphen_word(given) else [True]
    question_list = [fold(t.text) for t in context.question if t.kind == "w"]
    question_words = set(question_list)
    best: Match | None = None
    for romans in (True, False):
        for je in readings_e:
            expected = tokens(form, je, romans)
            omittable = _omittable(expected, question_words)
            for jg in readings_g:
                gtoks = tokens(given, jg, romans)
                if not gtoks:
                    continue
                for code in codes_of(expected):
                    gtoks = _bare_code(gtoks, code, question_list)
                unmarked = all(fold(t.text) == t.text for t in gtoks if t.kind == "w")
                # a title is harmless before a name, not when the answer is a title (`Phó Chủ tịch
                # nước` for `Chủ tịch nước`)
                titled = any(_harmless_positions(expected, _HONORIFIC_TOKS, False))
                phrases: list[tuple[Tok, ...]] = list(
                    _FILLER_TOKS if titled else _FILLER_TOKS + _HONORIFIC_TOKS
                )
                phrases += [(t,) for t in context.question]
                phrases += [f for f in context.forms if f != expected]
                harmless = _harmless_positions(gtoks, phrases, unmarked)
                for j in range(len(gtoks) - 1):  # `khoảng 245`, `hơn 130` before a number
                    if gtoks[j + 1].kind == "n" and gtoks[j].kind == "w" and fold(gtoks[j].text) in _HEDGES:
                        harmless[j] = True
                found = align(expected, gtoks, harmless, omittable)
                if found is not None and not romans and (found.typos or found.joins or found.marks):
                    found = None  # `XII` for `XIII` is another number, not a typo
                if found is not None and acceptable(found, expected) and (best is None or found < best):
                    best = found
        if best is not None and not best.typos and not best.joins:
            break
    return best


def codes_of(toks: Iterable[Tok]) -> list[DocCode]:
    out = []
    for t in toks:
        if t.kind == "c":
            found = find_codes(t.text.lower())
            if found:
                out.append(found[0][2])
    return out
