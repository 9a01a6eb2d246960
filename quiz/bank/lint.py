"""The bank quality check: questions that load but give themselves away (`quiz bank check` warnings).

Each finding is a `LintWarning`, printed `file:line: bank/id: cảnh báo [code]: what — fix`, with a
stable `code` (its catalogue key). `quiz bank check` prints them without failing; `--strict` counts
them as errors. The checks (docs/bank-format.md, "Quality warnings"):

| code                    | fires on                                                                      |
|-------------------------|-------------------------------------------------------------------------------|
| `answer_in_prompt`      | a prompt prints another question's answer (same bank, not declared siblings)  |
| `answer_in_own_prompt`  | a prompt prints its own answer                                                |
| `id_has_answer`         | an id holds its answer, or part of it the prompt does not show (folded)       |
| `right_option_longest`  | the right option is the longest in most choice questions of a bank            |
| `prompt_too_long`       | a prompt (a cloze's text as shown) over `PROMPT_LIMIT` characters             |
| `truefalse_giveaway`    | a false true/false statement with an absolute word ("chỉ", "luôn luôn"…)      |
| `cloze_share`           | more than `CLOZE_LIMIT` of a bank's questions are cloze                       |
| `samples_left`          | sample questions of `quiz bank new` (tag `mẫu`) are still in the bank         |
| `no_quotes_checked`     | with `--sources`, a bank none of whose quotes could be checked (grounding.py) |

Prompts and answers are compared as words: case and tone placement (`hoà` = `hòa`) never matter,
punctuation separates words, diacritics count (`Lào` is not `lao động`); a number is found as its
digits (`1.000` too) or its Roman numeral, a date as `19/9/2019`, `19 tháng 9 năm 2019` or ISO.
Ids are compared folded to ASCII, as ids are written.

Everything here is linear in the size of the bank: answers are looked up in a dictionary keyed by
their first words, and each answer is matched against at most `MAX_MATCHES` prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from quiz import messages as M
from quiz.bank.location import display_path
from quiz.bank.model import CLOZE_BLANK, Bank, Question, format_date, format_decimal
from quiz.bank.validate import Problem
from quiz.text.escape import printable
from quiz.text.numbers import int_to_roman
from quiz.text.vietnamese import norm_key, slugify, tone_key

PROMPT_LIMIT = 220  # characters a learner reads in one prompt
CLOZE_LIMIT = 0.25  # share of a bank's questions that may be cloze
LONGEST_SHARE = 0.5  # the right option the longest in more than this share of choice questions…
LONGEST_MIN = 3  # …and in at least this many of them
RARE = 2  # a cloze blank printed alone in more prompts than this is the bank's subject
MAX_MATCHES = 50  # prompts one answer is matched against (caps the work on a hostile bank)
KEY_WORDS = 12  # answers are indexed by their first KEY_WORDS words
SHOWN = 60  # characters of an answer quoted in a message

# Absolute words that make a false statement recognisable by its form (word runs, lower case).
GIVEAWAY_WORDS: tuple[str, ...] = (
    "chỉ",
    "luôn luôn",
    "hoàn toàn",
    "không bao giờ",
    "chưa bao giờ",
    "tất cả",
    "toàn bộ",
    "duy nhất",
    "tuyệt đối",
    "không hề",
    "bất kỳ",
    "bất kì",
    "bất cứ",
    "mọi",
    "mãi mãi",
)
# "chỉ" that is not "only": chỉ thị, chỉ đạo, địa chỉ…
_CHI_COMPOUNDS = frozenset("thị đạo tiêu số rõ ra huy định dẫn trích điểm giáo lệnh báo trỏ tay vàng".split())
_CHI_BEFORE = frozenset({"địa", "kim", "sợi"})
# A negated absolute is a hedge, not a giveaway: "không chỉ", "chưa hoàn toàn", "không phải tất cả".
_NEGATIONS = frozenset({"không", "chưa", "chẳng"})
_NEGATABLE = frozenset({"chỉ", "luôn luôn", "hoàn toàn", "tất cả", "toàn bộ", "tuyệt đối", "mọi"})
# Words of a true/false id that say the statement is false.
_FALSE_ID_RUNS: tuple[tuple[str, ...], ...] = (("khong", "phai"), ("sai",), ("khong", "dung"))

_WORD = re.compile(r"[^\W_]+")
_ROMAN_WORD = re.compile(
    r"\b(?=[IVXLCDM]{2,}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
)

Words = tuple[str, ...]


@dataclass(frozen=True)
class LintWarning(Problem):
    """A quality warning: a `Problem` that `quiz bank check` prints but only `--strict` fails on."""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = "/".join(p for p in (self.bank, self.qid) if p)
        text = f"{M.WARNING_LABEL} [{self.code}]: {self.message}"
        text = f"{where}: {who}: {text}" if who else f"{where}: {text}"
        return printable(f"{text} — {self.hint}" if self.hint else text)


# --------------------------------------------------------------------------------------
# Words


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """One word as compared: digits as they are, a syllable as its letters and tone."""
    if word.isdigit():
        return word
    letters, tone = tone_key(word)
    return f"{letters}\x00{tone}" if tone else letters


def words(text: str) -> Words:
    """The words of a text as prompts and answers are compared (case and tone placement folded)."""
    return tuple(_word_key(w) for w in _WORD.findall(norm_key(text)))


def ascii_words(text: str) -> Words:
    """The words of a text folded to ASCII, as an id is written (`Đại hội XIII` → dai, hoi, xiii)."""
    return tuple(w for w in slugify(text).split("-") if w)


def contains(haystack: Words, needle: Words) -> bool:
    """True when `needle` is a run of consecutive words of `haystack`."""
    n = len(needle)
    if not n or n > len(haystack):
        return False
    first = needle[0]
    return any(haystack[i : i + n] == needle for i, w in enumerate(haystack) if w == first)


def shown(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


# --------------------------------------------------------------------------------------
# What a question's answer looks like in text


@dataclass(frozen=True)
class AnswerPart:
    """One part of an answer (a multi answer, a cloze blank…): how to show it, the texts it may be
    written as, and texts that give it away only where the bank seldom prints them (`rare`)."""

    shown: str
    texts: tuple[str, ...]
    rare: tuple[str, ...] = ()


def answer_parts(question: Question) -> tuple[list[AnswerPart], bool]:
    """The parts of a question's answer, and whether a prompt gives it away only with all of them (multi)."""
    qtype = question.type
    if qtype == "choice":
        return [AnswerPart(question.answer, (question.answer,))], False
    if qtype == "multi":
        return [AnswerPart(a, (a,)) for a in question.answer], True
    if qtype == "text":
        return [AnswerPart(question.answer, (question.answer, *question.accept))], False
    if qtype == "cloze":
        return cloze_parts(question.text or ""), False
    if qtype == "number":
        return [AnswerPart(question.canonical_answer(), number_texts(question))], False
    if qtype == "date":
        return [AnswerPart(format_date(question.answer), date_texts(question.answer))], False
    return [], False  # truefalse and order: their answer is not a phrase a prompt could print


def cloze_parts(text: str) -> list[AnswerPart]:
    """Each blank with a word of its sentence beside it (`và vị thế`, `gốc vững thân`: the text read
    with every blank filled). A blank of three words or more counts alone too, where at most `RARE`
    other prompts print it: printed all over the bank it is the bank's subject, not a giveaway."""
    blanks = list(CLOZE_BLANK.finditer(text))
    alternatives = [[a.strip() for a in b.group(1).split("|") if a.strip()] for b in blanks]
    pieces: list[str] = []  # the text with every blank filled by its first answer
    spans: list[tuple[int, int]] = []
    at, length = 0, 0
    for blank, alts in zip(blanks, alternatives, strict=True):
        pieces.append(text[at : blank.start()])
        length += len(pieces[-1])
        first = alts[0] if alts else ""
        spans.append((length, length + len(first)))
        pieces.append(first)
        length += len(first)
        at = blank.end()
    pieces.append(text[at:])
    filled = "".join(pieces)
    parts = []
    for (start, end), alts in zip(spans, alternatives, strict=True):
        if not alts:
            continue
        before = _WORD.findall(filled[:start])[-1:]
        after = _WORD.findall(filled[end:])[:1]
        texts = [f"{before[0]} {alt}" for alt in alts if before] + [
            f"{alt} {after[0]}" for alt in alts if after
        ]
        rare = [alt for alt in alts if len(words(alt)) >= 3 or not (before or after)]
        parts.append(AnswerPart(alts[0], tuple(texts), tuple(rare)))
    return parts


def number_texts(question: Question) -> tuple[str, ...]:
    """A number as a prompt could print it: digits (`1000`, `1.000`), its Roman numeral; a
    one-digit number only with its unit (`2 lần`), a lone digit is too often something else."""
    value = question.answer
    texts = [format(value.normalize(), "f"), format_decimal(value)]
    if question.unit and abs(value) < 10:
        texts = [f"{t} {question.unit}" for t in texts]
    if value == value.to_integral_value() and 2 <= value < 4000:
        roman = int_to_roman(int(value))
        if len(roman) >= 2:  # a lone V, X, L, C, D or M is too often something else
            texts.append(roman)
    return tuple(dict.fromkeys(texts))


def date_texts(iso: str) -> tuple[str, ...]:
    parts = iso.split("-")
    year = parts[0]
    if len(parts) == 1:
        return (year,)
    month = str(int(parts[1]))
    months = dict.fromkeys((month, parts[1]))
    if len(parts) == 2:
        return tuple([f"{m}/{year}" for m in months] + [f"tháng {month} năm {year}", f"{year}-{parts[1]}"])
    day = str(int(parts[2]))
    days = dict.fromkeys((day, parts[2]))
    return tuple([f"{d}/{m}/{year}" for d in days for m in months] + [f"{day} tháng {month} năm {year}", iso])


def prompt_words(question: Question) -> Words:
    """What the learner reads, as words (a cloze's text with its blanks hidden)."""
    return words(question.display_prompt)


# --------------------------------------------------------------------------------------
# Answers printed in prompts (also what study and exam keep apart)


@dataclass(frozen=True)
class Giveaway:
    """The prompt of `shown_in` prints (part of) the answer of `answer_of`."""

    answer_of: str
    shown_in: str
    answer: str


def giveaways(bank: Bank) -> list[Giveaway]:
    """Every (question, prompt) pair of the bank where the prompt prints the question's answer.

    Linear: answers are indexed by their first words, each prompt is scanned once per answer length,
    and one answer is matched against at most `MAX_MATCHES` prompts.
    """
    prompts = [prompt_words(q) for q in bank.questions]
    index: dict[Words, list[tuple[int, int, Words, bool]]] = {}  # key → (question, part, words, rare)
    lengths: set[int] = set()
    parts_of: list[tuple[list[AnswerPart], bool]] = []
    for qn, question in enumerate(bank.questions):
        parts, need_all = answer_parts(question)
        parts_of.append((parts, need_all))
        for pn, part in enumerate(parts):
            forms = [(t, False) for t in part.texts] + [(t, True) for t in part.rare]
            for text, rare in forms:
                full = words(text)
                if full:
                    index.setdefault(full[:KEY_WORDS], []).append((qn, pn, full, rare))
                    lengths.add(min(len(full), KEY_WORDS))
    seen: dict[Words, list[int]] = {}  # key → the prompts it is in (at most MAX_MATCHES)
    for bn, prompt in enumerate(prompts):
        found = {
            prompt[i : i + n]
            for i in range(len(prompt))
            for n in lengths
            if i + n <= len(prompt) and prompt[i : i + n] in index
        }
        for key in found:
            hits = seen.setdefault(key, [])
            if len(hits) < MAX_MATCHES:
                hits.append(bn)
    printed: dict[tuple[int, int], set[int]] = {}  # (question, part) → the prompts that print it
    for key, hits in seen.items():
        for qn, pn, full, rare in index[key]:
            where = {bn for bn in hits if len(full) <= KEY_WORDS or contains(prompts[bn], full)}
            if rare and len(where - {qn}) > RARE:
                continue  # printed all over the bank: its subject, not a giveaway
            printed.setdefault((qn, pn), set()).update(where)
    out: list[Giveaway] = []
    for qn, (parts, need_all) in enumerate(parts_of):
        if not parts:
            continue
        per_part = [printed.get((qn, pn), set()) for pn in range(len(parts))]
        shown_in: dict[int, str] = {}
        if need_all:
            shown_in = {bn: "; ".join(p.shown for p in parts) for bn in set.intersection(*per_part)}
        else:
            for pn, bns in enumerate(per_part):
                for bn in bns:
                    shown_in.setdefault(bn, parts[pn].shown)
        qid = bank.questions[qn].id
        out.extend(Giveaway(qid, bank.questions[bn].id, shown_in[bn]) for bn in sorted(shown_in))
    return out


def detected_siblings(bank: Bank) -> list[tuple[str, str]]:
    """Pairs of questions of the bank of which one prints the other's answer (both ways, no self-pairs)."""
    return [(g.answer_of, g.shown_in) for g in giveaways(bank) if g.answer_of != g.shown_in]


# --------------------------------------------------------------------------------------
# The checks


SAMPLE_TAG = "mẫu"  # the tag of `quiz bank new`'s sample questions


def lint_bank(bank: Bank, file: str | None = None) -> list[LintWarning]:
    """Every quality warning of one (valid) bank, in file order; `file`: its name as shown."""
    file = file or display_path(bank.path)
    found: list[LintWarning] = []

    def warn(line: int, message: str, hint: str, qid: str | None = None) -> None:
        found.append(LintWarning(file, line, message, hint, bank.id, qid))

    by_id = {q.id: q for q in bank.questions}
    for g in giveaways(bank):
        target = by_id[g.shown_in]
        key = "text" if target.type == "cloze" else "prompt"
        answer = shown(g.answer)
        if g.answer_of == g.shown_in:
            warn(
                target.line_of(key),
                M.ANSWER_IN_OWN_PROMPT.format(answer=answer),
                M.ANSWER_IN_OWN_PROMPT_FIX,
                target.id,
            )
        elif g.answer_of not in bank.siblings_of(g.shown_in):
            warn(
                target.line_of(key),
                M.ANSWER_IN_PROMPT.format(other=g.answer_of, answer=answer),
                M.ANSWER_IN_PROMPT_FIX.format(other=g.answer_of, answer=answer),
                target.id,
            )
    for question in bank.questions:
        for leak in id_leaks(question):
            warn(
                question.line_of("id"),
                M.ID_HAS_ANSWER.format(answer=shown(leak)),
                M.ID_HAS_ANSWER_FIX.format(suggestion=suggest_id(question, bank)),
                question.id,
            )
            break
        length = len(question.display_prompt)
        if length > PROMPT_LIMIT:
            key = "text" if question.type == "cloze" else "prompt"
            warn(
                question.line_of(key),
                M.PROMPT_TOO_LONG.format(length=length, limit=PROMPT_LIMIT),
                M.PROMPT_TOO_LONG_FIX,
                question.id,
            )
        if question.type == "truefalse" and question.answer is False:
            word = giveaway_word(question.prompt or "")
            if word:
                warn(
                    question.line_of("prompt"),
                    M.TRUEFALSE_GIVEAWAY.format(word=word),
                    M.TRUEFALSE_GIVEAWAY_FIX,
                    question.id,
                )
    longest = [q.id for q in bank.questions if q.type == "choice" and right_option_longest(q)]
    choices = sum(1 for q in bank.questions if q.type == "choice")
    if len(longest) >= LONGEST_MIN and len(longest) > LONGEST_SHARE * choices:
        ids = ", ".join(longest[:6]) + ("…" if len(longest) > 6 else "")
        warn(
            bank.line,
            M.RIGHT_OPTION_LONGEST.format(count=len(longest), total=choices, ids=ids),
            M.RIGHT_OPTION_LONGEST_FIX,
        )
    samples = [q.id for q in bank.questions if SAMPLE_TAG in q.tags]
    if samples:
        ids = ", ".join(samples[:4]) + ("…" if len(samples) > 4 else "")
        warn(bank.line, M.SAMPLES_LEFT.format(count=len(samples), ids=ids), M.SAMPLES_LEFT_FIX)
    clozes = sum(1 for q in bank.questions if q.type == "cloze")
    total = len(bank.questions)
    if total and clozes > CLOZE_LIMIT * total:
        warn(
            bank.line,
            M.CLOZE_SHARE.format(
                count=clozes, total=total, percent=round(100 * clozes / total), limit=round(100 * CLOZE_LIMIT)
            ),
            M.CLOZE_SHARE_FIX,
        )
    found.sort(key=lambda w: w.line)
    return found


def right_option_longest(question: Question) -> bool:
    """The right option of a choice question is the longest (ties count; options all alike do not)."""
    right = len(question.answer.strip())
    others = [len(c.strip()) for c in question.choices if c != question.answer]
    return bool(others) and right >= max(others) and right > min(others)


def giveaway_word(statement: str) -> str | None:
    """The first absolute word of a statement ("chỉ" as "only", "luôn luôn", "tất cả"…), if any;
    not when negated ("không chỉ", "chưa với tất cả")."""
    text = _WORD.findall(norm_key(statement))
    for phrase in GIVEAWAY_WORDS:
        run = tuple(phrase.split())
        for i in range(len(text) - len(run) + 1):
            if tuple(text[i : i + len(run)]) != run:
                continue
            if run == ("chỉ",):
                after = text[i + 1] if i + 1 < len(text) else ""
                before = text[i - 1] if i else ""
                if after in _CHI_COMPOUNDS or before in _CHI_BEFORE:
                    continue
            if phrase in _NEGATABLE and _NEGATIONS & set(text[max(0, i - 2) : i]):
                continue
            return phrase
    return None


def id_leaks(question: Question) -> Iterator[str]:
    """Parts of the answer that the question's id holds and its prompt does not show (ASCII-folded)."""
    id_words = tuple(question.id.split("-"))
    prompt = ascii_words(question.display_prompt)
    if question.type == "truefalse":
        if question.answer is False:
            for run in _FALSE_ID_RUNS:
                if contains(id_words, run) and not contains(prompt, run):
                    yield " ".join(run)
        return
    parts, _ = answer_parts(question)
    if question.type == "cloze":  # the blanks' own words, not the words beside them
        parts = [AnswerPart(alts[0], alts) for alts in question.blanks if alts]
    wrong = [ascii_words(c) for c in question.choices if c not in _right_options(question)]
    for part in parts:
        for piece, partial in _id_pieces(question, part):
            if not contains(id_words, piece) or contains(prompt, piece):
                continue
            if partial and any(contains(option, piece) for option in wrong):
                continue  # words the wrong options share tell nothing
            yield " ".join(piece)


def _right_options(question: Question) -> tuple[str, ...]:
    if question.type == "choice":
        return (question.answer,)
    return tuple(question.answer) if question.type == "multi" else ()


def _id_pieces(question: Question, part: AnswerPart) -> Iterator[tuple[Words, bool]]:
    """(run, partial) for each run of an answer an id could leak: the whole answer, its initials
    (`tbt` for Tổng Bí thư; three words or more) and any number in it (digits or Roman); partial:
    two or more consecutive words of it (two only at its start or end: `truong ban`, not `ban cong`)."""
    if question.type == "date":
        pieces = ascii_words(question.answer)  # year, month, day
        yield pieces[:1], False
        if len(pieces) >= 2:
            yield ("thang", str(int(pieces[1]))), False
            yield (pieces[1], pieces[0]), False
            yield (str(int(pieces[1])), pieces[0]), False
        if len(pieces) == 3:
            yield (str(int(pieces[2])), str(int(pieces[1]))), False
        return
    texts = part.texts
    if question.type == "number":
        texts = (format(question.answer.normalize(), "f"), *texts)
    for text in texts:
        run = ascii_words(text)
        if not run:
            continue
        yield run, False
        if 3 <= len(run) <= 6:
            yield ("".join(w[0] for w in run),), False
        for w in run:
            if w.isdigit():
                yield (w,), False
        for numeral in _ROMAN_WORD.findall(text):  # as written: `XIII`, not the folded `vi` of `vị`
            if numeral:
                yield (numeral.lower(),), False
        for size in range(min(len(run), KEY_WORDS) - 1, 1, -1):  # the longest leak first
            for i in range(len(run) - size + 1):
                if size >= 3 or i == 0 or i + size == len(run):  # two words: the answer's first or last
                    yield run[i : i + size], True


def suggest_id(question: Question, bank: Bank) -> str:
    """An id from the question's prompt without the answer's words, not used in the bank."""
    prompt = ascii_words(question.display_prompt)
    leaks = {w for leak in id_leaks(question) for w in leak.split()} - set(prompt)
    kept = [w for w in prompt if w not in leaks]
    base = "-".join(kept[:6]) or "cau-hoi"
    taken = {q.id for q in bank.questions}
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def lint_banks(banks: Iterable[Bank]) -> list[LintWarning]:
    """The quality warnings of several banks, bank by bank."""
    return [w for bank in banks for w in lint_bank(bank)]
