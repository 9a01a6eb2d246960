"""Grounding: every `quote` is verbatim in its source article, and every answer is in its quote.

Quotes are compared whitespace-insensitively (line breaks in the article do not matter), and the
kind of quotation mark or dash does not matter either (`"…"` matches `“…”`, `-` matches ` – `):
`fold_marks`, which keeps a map back to the article's offsets. Nothing else is forgiven. The
answer check is looser (case, diacritics and punctuation folded) since an answer is written for
the learner, but its words, digits and codes must be in the quote: a question whose answer is
not in its quote does not ship.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quiz import messages as M
from quiz.bank.library import display_path
from quiz.bank.loader import Problem
from quiz.bank.model import Bank, Question, Source, format_decimal
from quiz.text.numbers import int_to_roman
from quiz.text.vietnamese import combining_flood, fold


def squash(text: str) -> str:
    """NFC with every run of whitespace made one space: how quotes are compared."""
    return " ".join(unicodedata.normalize("NFC", text).split())


_QUOTE_MARKS = "'‘’‚‛‹›`´′″“”„‟«»\u301d\u301e\uff02"
_MARK_TABLE = str.maketrans({ch: '"' for ch in _QUOTE_MARKS})
_DASH_RUN = re.compile(r" ?[\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]+ ?")


@dataclass(frozen=True)
class Folded:
    """A squashed text with every quotation mark as `"` and every dash (with a space either side)
    as `-`; `original(i)` is where offset `i` of the folded text was in the text."""

    text: str
    cuts: tuple[int, ...] = ()  # folded offsets from which the shift below applies
    shifts: tuple[int, ...] = ()

    def original(self, index: int) -> int:
        at = bisect.bisect_right(self.cuts, index) - 1
        return index + (self.shifts[at] if at >= 0 else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The article's offsets of the folded stretch [start, end)."""
        return self.original(start), (self.original(end - 1) + 1 if end > start else self.original(start))


def fold_marks(text: str) -> Folded:
    """`text` (squashed) as quotes are matched: quotation marks and dashes folded like whitespace."""
    text = text.translate(_MARK_TABLE)
    if not _DASH_RUN.search(text):
        return Folded(text)
    parts: list[str] = []
    cuts: list[int] = []
    shifts: list[int] = []
    done = folded = 0
    for m in _DASH_RUN.finditer(text):
        parts.append(text[done : m.start()])
        folded += m.start() - done
        parts.append("-")
        folded += 1
        done = m.end()
        cuts.append(folded)
        shifts.append(done - folded)
    parts.append(text[done:])
    return Folded("".join(parts), tuple(cuts), tuple(shifts))


def loose(text: str) -> str:
    """Case, diacritics and punctuation folded away: how answers are looked for in quotes."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text).lower()).split())


NEAREST_HINTS = 10  # per bank: quotes not found past these get the fix but no nearest stretch


@dataclass
class GroundingReport:
    problems: list[Problem] = field(default_factory=list)
    quotes_checked: int = 0


def source_path(bank: Bank, file: str, sources_dir: Path | None) -> Path | None:
    """Where a source's `file` is: in `sources_dir` if given, else in `sources/` beside the bank.

    A file that resolves (through a symlink) outside its folder is not used: a stranger's bank
    must not make us read, and print excerpts of, files elsewhere on the machine.
    """
    if sources_dir is not None:
        folders = [sources_dir]
    elif bank.path is not None:
        folders = [bank.path.parent / "sources", bank.path.parent]
    else:
        return None
    for folder in folders:
        candidate = folder / file
        if candidate.is_file() and candidate.resolve().is_relative_to(folder.resolve()):
            return candidate
    return None


def read_source(path: Path) -> str | None:
    """An article as quotes are compared with it (NFC, whitespace squashed); None if unreadable."""
    from quiz.bank.safeyaml import YamlProblem, read_text

    try:
        text = read_text(path)  # the same size cap, file type and UTF-8 rules as a bank
    except (OSError, YamlProblem):
        return None
    return None if combining_flood(text) else squash(text)  # NFC is quadratic on a flood of marks


def source_texts(bank: Bank, sources_dir: Path | None = None) -> list[tuple[Source, Path | None, str | None]]:
    """Each source of the bank with where its article is and its text (None where not found)."""
    out = []
    for source in bank.sources:
        path = source_path(bank, source.file, sources_dir) if source.file else None
        out.append((source, path, read_source(path) if path is not None else None))
    return out


def check_bank(bank: Bank, sources_dir: Path | None = None, *, required: bool = False) -> GroundingReport:
    """Check the quotes of one bank. `required` (with --sources): every quote must be checkable."""
    report = GroundingReport()
    file_name = display_path(bank.path)
    texts: dict[str, str | None] = {}
    for source, path, text in source_texts(bank, sources_dir):
        texts[source.id] = text
        if text is not None or not required:
            continue
        if not source.file:
            message, fix = M.SOURCE_NO_FILE.format(id=source.id), M.SOURCE_NO_FILE_FIX
        else:
            shown = path or (sources_dir / source.file if sources_dir else source.file)
            message, fix = M.SOURCE_FILE_MISSING.format(path=shown), M.SOURCE_FILE_MISSING_FIX
        report.problems.append(Problem(file_name, source.line, message, fix, bank.id))

    hints = 0  # nearest stretches looked for so far: each costs a few scans of a (5 MB) article
    folds: dict[str, Folded] = {}
    for question in bank.questions:
        if not question.quote:
            continue

        def problem(
            message: str, hint: str | None = None, key: str = "quote", q: Question = question
        ) -> Problem:
            return Problem(file_name, q.line_of(key), message, hint, bank.id, q.id)

        if question.source is None:
            if required:
                report.problems.append(problem(M.QUOTE_NO_SOURCE, M.QUOTE_NO_SOURCE_FIX))
            continue
        text = texts.get(question.source)
        if text is None:
            continue
        report.quotes_checked += 1
        quote = fold_marks(squash(question.quote)).text
        cited = bank.source(question.source)
        folded = folds.get(question.source)
        if folded is None:
            folded = folds[question.source] = fold_marks(text)
        if quote not in folded.text:
            hint = M.QUOTE_NOT_FOUND_FIX
            if hints < NEAREST_HINTS:
                hint += "; " + quote_hint(squash(question.quote), text, folded)
            hints += 1
            report.problems.append(problem(M.QUOTE_NOT_FOUND.format(file=cited.file if cited else "?"), hint))
            continue
        for missing in missing_answers(question):
            report.problems.append(
                problem(
                    M.ANSWER_NOT_IN_QUOTE.format(value=missing),
                    M.ANSWER_NOT_IN_QUOTE_FIX,
                    key="text" if question.type == "cloze" else "answer",
                )
            )
    return report


def quote_spans(bank: Bank, sources_dir: Path | None = None) -> dict[str, tuple[str | None, int, int]]:
    """Where each question's quote sits in its article: {question id: (source id, start, end)}.

    Questions whose quotes overlap are siblings (they tell the same passage), which a study session
    keeps apart so that one does not give the other away. Quotes whose article is not found are left out.
    """
    texts = {source.id: fold_marks(text) for source, _, text in source_texts(bank, sources_dir) if text}
    spans: dict[str, tuple[str | None, int, int]] = {}
    for question in bank.questions:
        folded = texts.get(question.source or "")
        if not question.quote or folded is None:
            continue
        quote = fold_marks(squash(question.quote)).text
        start = folded.text.find(quote)
        if start >= 0:
            spans[question.id] = (question.source, *folded.span(start, start + len(quote)))
    return spans


@dataclass(frozen=True)
class CheckTotals:
    """`quiz bank check`: every problem of every file, the quality warnings, and what was checked."""

    problems: list[Problem]
    files: int
    banks: int
    questions: int
    quotes: int
    warnings: list[Problem] = field(default_factory=list)  # `quiz.bank.lint`: errors only with --strict


def check_paths(
    paths: Iterable[Path],
    sources_dir: Path | None = None,
    *,
    library: Path | None = None,
    outside: Callable[[Path], None] | None = None,
) -> CheckTotals:
    """Load, ground and lint every bank under `paths`; with `sources_dir`, every quote must be found in it.

    No `paths`: the banks folder `library`, as the library reads it (a file linked from outside it is
    not read but passed to `outside`).
    """
    from quiz.bank.library import library_files, load_paths
    from quiz.bank.lint import LintWarning, lint_bank
    from quiz.errors import QuizError

    if sources_dir is not None and not sources_dir.is_dir():
        raise QuizError(M.PATH_NOT_FOUND.format(path=sources_dir))
    paths = list(paths)
    if not paths and library is not None:
        paths = library_files(library, outside) if library.is_dir() else [library]
    result = load_paths(paths)
    problems = list(result.problems)
    quotes = 0
    warnings: list[Problem] = []
    for bank in result.banks:
        report = check_bank(bank, sources_dir, required=sources_dir is not None)
        problems += report.problems
        quotes += report.quotes_checked
        warnings += lint_bank(bank)
        if sources_dir is not None and bank.questions and not report.quotes_checked:
            shown = display_path(bank.path)
            warnings.append(
                LintWarning(shown, bank.line, M.NO_QUOTES_CHECKED, M.NO_QUOTES_CHECKED_FIX, bank.id)
            )
    questions = sum(len(b.questions) for b in result.banks)
    return CheckTotals(problems, len(result.files), len(result.banks), questions, quotes, warnings)


def missing_answers(question: Question) -> list[str]:
    """The parts of the answer that cannot be found in the question's quote."""
    quote = loose(question.quote or "")
    padded = f" {quote} "

    def present(value: str) -> bool:
        folded = loose(value)
        return not folded or f" {folded} " in padded

    return [shown for shown, options in _answer_parts(question) if not any(present(o) for o in options)]


def _answer_parts(question: Question) -> Iterator[tuple[str, list[str]]]:
    """(what to show, forms any of which must be in the quote) for each part of the answer."""
    if question.type == "choice":
        yield question.answer, [question.answer]
    elif question.type == "multi":
        for value in question.answer:
            yield value, [value]
    elif question.type == "text":
        yield question.answer, [question.answer, *question.accept]
    elif question.type == "cloze":
        for alternatives in question.blanks:
            yield alternatives[0], list(alternatives)
    elif question.type == "number":
        plain = format(question.answer.normalize(), "f")
        forms = [plain, format_decimal(question.answer), plain.replace(".", ",")]
        if question.answer == question.answer.to_integral_value() and 0 < question.answer < 4000:
            forms += number_words(int(question.answer))
        yield plain, forms
    elif question.type == "date":
        parts = question.answer.split("-")
        yield parts[0], [parts[0]]
        for part in parts[1:]:
            yield part, [part, str(int(part))]


_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


def number_words(n: int) -> list[str]:
    """Other ways an article writes a small whole number: Roman (`VI`), and words (`hai`) up to ten."""
    return [int_to_roman(n), *([_WORDS[n - 1]] if 1 <= n <= 10 else [])]


def quote_hint(quote: str, text: str, folded: Folded | None = None) -> str:
    """What to tell an author whose quote is not in the article (both squashed): where the quote
    and the nearest stretch of the article part, or that stretch, or nothing found."""
    folded = folded or fold_marks(text)
    mine = fold_marks(quote)
    at = _nearest_at(mine.text, folded.text)
    if at is None:
        return M.QUOTE_NOTHING_NEAR
    same = 0
    rest = folded.text[at:]
    while same < len(mine.text) and same < len(rest) and mine.text[same] == rest[same]:
        same += 1
    while same > 0 and mine.text[same - 1].isalnum():  # mark whole words
        same -= 1
    if same >= 8:  # a common start: show where they part
        flead = _word_start(mine.text, same, back=24)
        lead, cut = mine.original(flead), mine.original(same)
        art_lead, art_cut = folded.original(at + flead), folded.original(at + same)
        return M.QUOTE_DIFFERS.format(
            quote=_ellipsis(lead) + quote[lead:cut] + "⟨" + _words(quote[cut:], 16) + "⟩",
            article=_ellipsis(art_lead) + text[art_lead:art_cut] + "⟨" + _words(text[art_cut:], 16) + "⟩",
        )
    return M.QUOTE_NEAREST.format(text=_stretch(text, folded.original(at), min(80, len(quote) + 10)))


def _ellipsis(start: int) -> str:
    return "…" if start > 0 else ""


def _word_start(text: str, index: int, back: int) -> int:
    """An offset at most `back` characters before `index` where a word begins."""
    start = max(0, index - back)
    if start > 0 and text[start - 1].isalnum():
        space = text.find(" ", start, index)
        start = space + 1 if space >= 0 else start
    while start < index and text[start] == " ":
        start += 1
    return start


def _words(text: str, width: int) -> str:
    """The start of `text`, at most about `width` characters, cut at a word end."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return (text[:cut] if cut > 0 else text[:width]) + "…"


def _stretch(text: str, start: int, width: int) -> str:
    """`width` characters of the article from `start`, both ends moved to a word boundary."""
    back = start
    while back > 0 and text[back - 1].isalnum() and start - back < 30:
        back -= 1
    if back > 0 and text[back - 1].isalnum():
        back = start  # a word longer than 30 letters: keep the cut
    return _words(text[back:], width)


def nearest(quote: str, text: str, width: int = 80) -> str | None:
    """The stretch of the article most like a quote that was not found, starting at a word."""
    folded = fold_marks(text)
    at = _nearest_at(fold_marks(quote).text, folded.text)
    return None if at is None else _stretch(text, folded.original(at), min(width, len(quote) + 10))


def _nearest_at(quote: str, text: str) -> int | None:
    """The stretch of the article most like a quote that was not found, to help the author.

    The longest piece (6 to 24 characters) of the quote's head that the article contains, found by a
    binary search over its length, each step a few `str.find` scans (C speed): near-linear in the
    article, where a pure-Python difflib pass took seconds a quote on a 5 MB article.
    """
    head = quote[:24]
    if len(head) < 6 or not text:
        return None

    def where(size: int) -> int | None:
        for offset in range(len(head) - size + 1):
            found = text.find(head[offset : offset + size])
            if found >= 0:
                return max(0, found - offset)
        return None

    best = where(6)
    if best is None:
        return None
    low, high = 6, len(head)
    while low < high:  # a piece of length k found means one of every shorter length is too
        middle = (low + high + 1) // 2
        found = where(middle)
        if found is None:
            high = middle - 1
        else:
            low, best = middle, found
    return best
