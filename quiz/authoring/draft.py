"""Draft candidate questions from a Vietnamese article (`quiz bank draft ARTICLE`).

Pure functions, no terminal I/O. `find_candidates` finds every date, number with its noun,
document code, Roman/Arabic congress or term number and quoted formula in a plain-text
article; `draft_bank` turns them into the YAML text of a bank (in the `quiz bank fmt` layout)
whose every question is tagged `draft` and quotes its sentence verbatim, for an author to
review, fix or delete. Numbers get a `number` question, dates a `date` one (a cloze when the
year is missing), codes, congress numbers and quoted formulas a `cloze`; a `choice` variant
follows when the article has at least three distinct values of the same kind.

Recall matters more than precision: a wrong candidate costs the author one deletion, a
missed fact costs a question nobody writes. Offsets (`Candidate.start`) index the NFC form
of the text, in which control characters have been replaced by spaces (`prepare_text`).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.authoring.add import check_bank_id, write_text_atomic
from quiz.authoring.candidates import _NUMBER_WORDS, Candidate, find_candidates, prepare_text
from quiz.authoring.fmt import format_bank
from quiz.authoring.new import Created, article_headline, article_target, copy_article, read_article
from quiz.bank.model import ID_PATTERN, format_date, format_decimal
from quiz.errors import QuizError
from quiz.text.numbers import int_to_roman

# --------------------------------------------------------------------------------------
# Questions

_TIME_TOKEN = re.compile(r"\b\d{1,2}[:h]\d{2}\b")
_CLAUSE = re.compile(r"[;|]|:(?!\d)|(?<=[^\d\s])\s[-–—]\s(?=[^\d\s])|(?<=\))\s?-\s")
_COMMA = re.compile(r",\s")
_LIMIT = 220

# The theme tags of the shipped banks (docs/bank-format.md), so a reviewed draft merges into them.
_TAGS = {
    "date": "mốc-thời-gian",
    "range": "mốc-thời-gian",
    "number": "số-liệu",
    "code": "chỉ-thị-nghị-quyết",
    "ordinal": "mốc-thời-gian",
    "formula": "đường-lối",
}


def _context(sentence: str, start: int, end: int, limit: int = _LIMIT) -> tuple[int, int]:
    """The clause of `sentence` around [start, end): cut at ; : | and dashes, then at commas
    if still longer than `limit`."""
    left, right = 0, len(sentence)
    for m in _CLAUSE.finditer(sentence):
        if m.end() <= start:
            left = max(left, m.end())
        elif m.start() >= end:
            right = min(right, m.start())
    if not _has_words(sentence[left:start] + " " + sentence[end:right]):
        left, right = 0, len(sentence)  # a bare "(03/02/1930 - …)": the clause says nothing
    if right - left <= limit:
        return left, right
    lefts = sorted(
        {m.end() for m in _COMMA.finditer(sentence, left, start) if m.end() <= start}, reverse=True
    )
    rights = sorted({m.start() for m in _COMMA.finditer(sentence, end, right) if m.start() >= end})
    lefts.append(left)
    rights.append(right)
    lo, hi = lefts[0], rights[0]
    i = j = 0
    grew = True
    while grew:
        grew = False
        if i + 1 < len(lefts) and hi - lefts[i + 1] <= limit:
            i += 1
            lo = lefts[i]
            grew = True
        if j + 1 < len(rights) and rights[j + 1] - lo <= limit:
            j += 1
            hi = rights[j]
            grew = True
    return lo, hi


def _has_words(text: str) -> bool:
    return any(ch.isalpha() for ch in _TIME_TOKEN.sub(" ", text))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _tidy_prompt(before: str, middle: str, after: str, *, truncated: bool) -> str:
    """Join pieces of a clause into a question ending with '?'."""
    text = _clean(before + middle + after)
    text = text.strip(" \t.,;:!?…-–—|")
    # drop unbalanced leading/trailing quote or bracket marks
    text = text.strip('"“”‘’«»')
    if text.count("(") > text.count(")"):
        text += ")"
    if truncated and text and not text[0].isupper():
        text = "… " + text
    return (text + "?") if text else "?"


_FUNCTION_WORDS = ("như", "và", "của", "với", "là", "để", "vì", "trong", "cho", "về", "mà")


def _long_blank(formula: str) -> tuple[str, str, str]:
    """Split a long formula into (kept head, phrase to blank, kept tail): the last comma part of
    2-6 words, else what follows the last function word of the final part (at most 10 words)."""
    parts = formula.split(",")
    offset = 0
    best: tuple[int, int] | None = None
    for part in parts:
        n = len(part.split())
        core = part.strip(" .;:!?…")
        if 2 <= n <= 6 and core:
            s = offset + part.index(core)
            best = (s, s + len(core))
        offset += len(part) + 1
    if best is None:
        last = parts[-1]
        base = len(formula) - len(last)
        words = list(re.finditer(r"\S+", last))
        for i in range(len(words) - 2, -1, -1):
            if words[i].group().lower() in _FUNCTION_WORDS and 1 <= len(words) - i - 1 <= 10:
                start = base + words[i + 1].start()
                best = (start, base + len(last.rstrip(" .;:!?…")))
                break
    if best is None:
        core = formula.rstrip(" .;:!?…")
        best = (0, len(core))
    return formula[: best[0]], formula[best[0] : best[1]], formula[best[1] :]


def _cloze_safe(text: str) -> str:
    return text.replace("{", "(").replace("}", ")")


def _answer_safe(text: str) -> str:
    return _clean(text.replace("{", " ").replace("}", " ").replace("|", " "))


def _prompt_parts(c: Candidate, pre_blank: int, post_blank: int) -> tuple[str, str, bool]:
    """Text before and after the span [c.start+pre_blank, c.start+post_blank) within its clause."""
    rel = c.at
    lo, hi = _context(c.sentence, rel + pre_blank, rel + post_blank)
    before = c.sentence[lo : rel + pre_blank]
    after = c.sentence[rel + post_blank : hi]
    return before, after, lo > 0


def _number_prompt(c: Candidate) -> str:
    before, after, cut = _prompt_parts(c, 0, len(c.surface))
    unit = c.unit or ""
    if unit == "%":
        middle = "bao nhiêu phần trăm"
    else:
        middle = "bao nhiêu" + (" " + c.surface[c.blank[1] :].strip() if c.blank and unit else "")
    return _capitalize(_tidy_prompt(before, middle, after, truncated=cut), cut)


_DATE_ASK = {3: "ngày nào", 2: "tháng nào", 1: "năm nào"}


def _date_prompt(c: Candidate) -> str:
    """ "… ngày nào …?" when the date reads as a phrase ("ngày 18/2/2019", "năm 2019"); a blank
    to fill otherwise (a date in brackets or in a range); a dateline asks when it was published."""
    precision = len(c.value.split("-"))
    before, after, cut = _prompt_parts(c, 0, len(c.surface))
    whole = c.sentence[: c.at] + " " + c.sentence[c.at + len(c.surface) :]
    if precision == 3 and not _has_words(whole):
        return M.DRAFT_DATELINE_PROMPT
    lead = c.surface[: c.blank[0]].strip().lower() if c.blank else ""
    glued = after[:1] in ("-", "–", "—") or before[-1:] in ("-", "–", "—")
    if lead and not glued:
        ask = _DATE_ASK[precision]
        if lead not in ("ngày", "tháng", "năm"):
            ask = f"{lead} {ask}"
        return _capitalize(_tidy_prompt(before, ask, after, truncated=cut), cut)
    body = _tidy_prompt(before, "____", after, truncated=cut)[:-1]
    return M.DRAFT_FILL_DATE_PROMPT[precision].format(text=body)


def _capitalize(text: str, truncated: bool) -> str:
    return text if truncated or not text else text[0].upper() + text[1:]


def _cloze_text(c: Candidate, answers: list[str]) -> str | None:
    """The clause with c's blank replaced by {{answers}}."""
    answers = [a for a in dict.fromkeys(_answer_safe(a) for a in answers) if a]
    if not answers or not c.blank:
        return None
    b0, b1 = c.blank
    before, after, cut = _prompt_parts(c, b0, b1)
    text = _clean(_cloze_safe(before) + "{{" + "|".join(answers) + "}}" + _cloze_safe(after))
    text = text.strip(" \t,;:|-–—")
    if cut and text and not text[0].isupper():
        text = "… " + text
    return text


def _formula_cloze(c: Candidate) -> str | None:
    formula = _clean(c.value)
    parts = [p.strip() for p in formula.split(",")]
    words = formula.split()
    if 2 <= len(parts) <= 5 and all(p and len(p.split()) <= 4 for p in parts):
        body = ", ".join("{{" + _answer_safe(p) + "}}" for p in parts if _answer_safe(p))
    elif len(words) <= 12:
        safe = _answer_safe(formula)
        if not safe:
            return None
        body = "{{" + safe + "}}"
    else:
        keep, blank, trail = _long_blank(formula)
        safe = _answer_safe(blank)
        if not safe:
            return None
        body = _cloze_safe(keep) + "{{" + safe + "}}" + _cloze_safe(trail)
    if "{{" not in body:
        return None
    if len(words) <= 12:
        before, after, cut = _prompt_parts(c, 0, len(c.surface))
        before = before[:-1] if before.endswith(("“", '"', "«", "‘")) else before
        after = after[1:] if after.startswith(("”", '"', "»", "’")) else after
        text = _clean(_cloze_safe(before) + "“" + body + "”" + _cloze_safe(after)).strip(" \t,;:|-–—")
        if cut and text and not text[0].isupper():
            text = "… " + text
        return text
    return "“" + body + "”"


def _date_display(iso: str) -> str:
    if iso.startswith("--"):
        m, d = iso[2:].split("-")
        return f"{int(d)}/{int(m)}"
    return format_date(iso)


def _base_id(c: Candidate, typed: dict[str, Any]) -> str:
    """A short id naming what the question asks (its prompt, or its cloze text without the blanks),
    without boilerplate and never holding the answer."""
    from quiz.authoring.add import short_id_words

    asked = typed.get("prompt") if typed["type"] != "cloze" else typed.get("text")
    if asked == M.DRAFT_DATELINE_PROMPT:
        return "ngay-dang-bai"
    hidden = [str(c.value), _token(c), typed.get("answer")]
    if typed["type"] == "cloze":
        hidden += re.findall(r"\{\{(.*?)\}\}", str(asked))
    words = short_id_words(str(asked or ""), hidden)
    return "-".join(words)[:40].rstrip("-") or _KIND_IDS[c.kind]


_KIND_IDS = {
    "date": "moc-thoi-gian",
    "range": "nhiem-ky",
    "number": "so-lieu",
    "code": "van-ban",
    "ordinal": "thu-tu",
    "formula": "trich-dan",
}


def _display(c: Candidate) -> str:
    """How c's value is shown as a choice."""
    if c.kind == "date":
        return _date_display(c.value)
    if c.kind == "number":
        return format_decimal(Decimal(c.value)) + ("%" if c.unit == "%" else "")
    if c.kind == "ordinal":
        return int_to_roman(c.value) if c.value < 4000 else str(c.value)
    return str(c.value)


def _group(c: Candidate) -> tuple[str, ...]:
    """Candidates that can serve as each other's distractors."""
    if c.kind == "date":
        return ("date", "yearless" if c.value.startswith("--") else str(len(c.value.split("-"))))
    if c.kind == "number":
        return ("number", "%" if c.unit == "%" else "")
    return (c.kind,)


class _Pool:
    """The distinct values of one group of candidates, for picking distractors quickly."""

    def __init__(self, members: list[Candidate]):
        self.ordered = bool(members) and _ordered(members[0])
        seen: dict[str, Candidate] = {}
        for c in members:
            seen.setdefault(_display(c), c)
        self.first = seen
        self.size = len(seen)
        self.shown = list(seen)  # order of appearance
        self.unit_of = {d: c.unit for d, c in seen.items()}
        self.by_unit: dict[str | None, list[tuple[Decimal, str]]] = {}
        entries = sorted((_magnitude(c), d) for d, c in seen.items()) if self.ordered else []
        self.entries = entries
        self.keys = [m for m, _ in entries]
        for m, d in entries:
            self.by_unit.setdefault(self.unit_of[d], []).append((m, d))
        self.unit_keys = {unit: [m for m, _ in items] for unit, items in self.by_unit.items()}

    def distractors(self, c: Candidate, count: int = 3) -> list[str]:
        """Up to `count` other values, nearest first, written the way c's answer is written."""
        answer = _token(c)
        shown: list[str] = []
        for key in self._nearest(c, count + 2):
            text = _render(self.first[key], c)
            if text != answer and text not in shown and len(shown) < count:
                shown.append(text)
        return shown

    def _nearest(self, c: Candidate, count: int) -> list[str]:
        answer = _display(c)
        if not self.ordered:
            return [d for d in self.shown if d != answer][:count]
        mag = _magnitude(c)
        picked: list[str] = []
        lists = [self.by_unit.get(c.unit, [])] if c.kind == "number" else []
        for entries in [*lists, self.entries]:
            keys = self.unit_keys.get(c.unit, []) if entries is not self.entries else self.keys
            i = bisect.bisect_left(keys, mag)
            window = entries[max(0, i - count - 1) : i + count + 1]
            for _, d in sorted(window, key=lambda e: (abs(e[0] - mag), e[1])):
                if d != answer and d not in picked and len(picked) < count:
                    picked.append(d)
        return picked


def _token(c: Candidate) -> str:
    """The answer as written in the article ("18/02/2019", "ba", "38/CT-TW", "XIII")."""
    b0, b1 = c.blank or (0, len(c.surface))
    return _clean(c.surface[b0:b1]) or _display(c)


def _render(o: Candidate, like: Candidate) -> str:
    """Distractor `o` written in the style of the answer `like` (words, Roman numerals)."""
    answer = _token(like)
    if o.kind == "number":
        value = Decimal(o.value)
        if answer[:1].isalpha() and value == value.to_integral_value() and 2 <= value <= 10:
            words = {n: w for w, n in _NUMBER_WORDS.items()}
            if int(value) in words:
                return words[int(value)]
        token = _token(o)
        return token if token[:1].isdigit() else format_decimal(value) + ("%" if o.unit == "%" else "")
    if o.kind == "ordinal":
        return int_to_roman(o.value) if (not answer.isdigit() and o.value < 4000) else str(o.value)
    return _token(o)


def _ordered(c: Candidate) -> bool:
    return c.kind in ("number", "ordinal") or (c.kind == "date" and not c.value.startswith("--"))


def _magnitude(c: Candidate) -> Decimal:
    if c.kind == "number":
        return Decimal(c.value)
    if c.kind == "ordinal":
        return Decimal(c.value)
    parts = [int(p) for p in c.value.split("-") if p]
    return Decimal(
        parts[0] * 10000 + (parts[1] if len(parts) > 1 else 0) * 100 + (parts[2] if len(parts) > 2 else 0)
    )


def _number_answer(value: str) -> int | Decimal:
    """An int, or a Decimal (written quoted when it looks like `1.000`, which would read as thousands)."""
    d = Decimal(value)
    if d == d.to_integral_value():
        return int(d)
    return d


def _questions(c: Candidate, source_id: str) -> list[dict[str, Any]]:
    """The typed/cloze question for c (and nothing if none can be built)."""
    common_tail = {"source": source_id, "quote": c.sentence.strip(), "tags": ["draft", _TAGS[c.kind]]}
    if c.kind == "number" and _plainly_written(c):
        q: dict[str, Any] = {"type": "number", "prompt": _number_prompt(c), "answer": _number_answer(c.value)}
        if c.unit:
            q["unit"] = c.unit
        return [q | common_tail]
    if c.kind == "number":
        # "0,50": the answer the loader keeps (0.5) is not what the article wrote; blank it as written
        text = _cloze_text(c, [_token(c)])
    elif c.kind == "range":
        y1, y2 = c.value.split("-")
        text = _cloze_text(c, [_token(c), f"{y1}-{y2}", f"{y1} - {y2}", f"{y1}–{y2}"])
    elif c.kind == "date" and not c.value.startswith("--"):
        return [{"type": "date", "prompt": _date_prompt(c), "answer": c.value} | common_tail]
    elif c.kind == "date":
        b0, b1 = c.blank or (0, len(c.surface))
        text = _cloze_text(c, [c.surface[b0:b1]])
    elif c.kind == "code":
        text = _cloze_text(c, [c.surface, c.value])
    elif c.kind == "ordinal":
        b0, b1 = c.blank or (0, len(c.surface))
        raw = c.surface[b0:b1]
        text = _cloze_text(c, [raw, str(c.value) if not raw.isdigit() else int_to_roman(c.value)])
    else:
        text = _formula_cloze(c)
    if not text or "{{" not in text:
        return []
    return [{"type": "cloze", "text": text} | common_tail]


def _plainly_written(c: Candidate) -> bool:
    """Whether the article writes the number the way a `number` answer is shown: `245`, `1.000`,
    `0,6`, or a number word; not `0,50` or `0.6` (a trailing zero or an English decimal point
    would make the answer look absent from its quote)."""
    written = _token(c).rstrip("% ")
    if written.isalpha():
        return True
    value = Decimal(c.value)
    plain = format(value.normalize(), "f")
    return written in (plain, format_decimal(value), plain.replace(".", ","))


def _choice(c: Candidate, typed: dict[str, Any], pool: _Pool, years: list[int]) -> dict[str, Any] | None:
    """A choice variant whose wrong options are the article's other values of the same kind (other
    figures, codes, dates, terms), nearest first; a year or a term also borrows the article's other
    years."""
    if c.kind not in ("date", "range", "number", "code", "ordinal"):
        return None
    answer = _token(c)
    wrong = pool.distractors(c)
    for extra in _more_distractors(c, years):
        if len(wrong) >= 3:
            break
        if extra != answer and extra not in wrong:
            wrong.append(extra)
    if len(wrong) < 2:
        return None
    if typed["type"] == "cloze":
        prompt = M.DRAFT_CHOOSE_BLANK_PROMPT.format(text=re.sub(r"\{\{.*?\}\}", "____", typed["text"]))
    else:
        prompt = typed["prompt"]
    return {
        "type": "choice",
        "prompt": prompt,
        "choices": [answer, *wrong],
        "answer": answer,
        "source": typed["source"],
        "quote": typed["quote"],
        "tags": list(typed["tags"]),
    }


def _more_distractors(c: Candidate, years: list[int]) -> list[str]:
    """Wrong options beyond the pool: for a year, the article's other years (nearest first); for a
    term (`2020-2021`), the article's years as terms of the same length, then the terms beside it."""
    if c.kind == "date" and len(c.value) == 4:
        year = int(c.value)
        return [str(y) for y in sorted(set(years) - {year}, key=lambda y: (abs(y - year), y))]
    if c.kind != "range":
        return []
    first, last = (int(y) for y in c.value.split("-"))
    length = last - first
    sep = re.search(r"\s?[-–—]\s?", _token(c))
    joint = sep.group() if sep else "-"
    starts = [y for y in sorted(set(years), key=lambda y: (abs(y - first), y)) if y != first]
    starts += [first - length - 1, first + length + 1, first - 2 * (length + 1), first + 2 * (length + 1)]
    return [f"{y}{joint}{y + length}" for y in dict.fromkeys(starts) if y != first]


def _unique(base: str, used: dict[str, int]) -> str:
    """`base`, or `base-2`, `base-3`… if taken. `used` maps each id and base to its last suffix."""
    base = base if base and ID_PATTERN.match(base) else "cau-hoi"
    qid, n = base, used.get(base, 1)
    if base in used:
        n += 1
        qid = f"{base}-{n}"
        while qid in used:
            n += 1
            qid = f"{base}-{n}"
    used[base] = n
    used.setdefault(qid, 1)
    return qid


def _headline(text: str) -> str:
    """The article's title line (datelines skipped), or a generic name."""

    return article_headline(text) or M.DRAFT_ARTICLE_FALLBACK_TITLE


def draft_bank(text: str, bank_id: str, *, title: str | None = None, source_file: str | None = None) -> str:
    """The YAML text of a draft bank proposing questions from the article `text`.

    Every question is tagged `draft` and cites one source (the article, `file: source_file`)
    with the verbatim sentence as `quote`. Raises QuizError if `bank_id` is not a valid id or
    the article holds nothing to ask about.
    """

    check_bank_id(bank_id)
    prepared = prepare_text(text)
    candidates = find_candidates(prepared)
    headline = _headline(prepared)
    source_id = "bai-viet"
    source: dict[str, Any] = {"id": source_id, "title": headline}
    if source_file:
        source["file"] = _clean(prepare_text(source_file)) or source_file
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in candidates:
        groups.setdefault(_group(c), []).append(c)
    pools = {key: _Pool(members) for key, members in groups.items()}
    years = sorted(
        {int(y) for c in candidates if c.kind in ("date", "range") for y in re.findall(r"\d{4}", c.value)}
    )
    used: dict[str, int] = {}
    questions: list[dict[str, Any]] = []
    for c in candidates:
        for typed in _questions(c, source_id):
            base = _base_id(c, typed)
            questions.append({"id": _unique(base, used), **typed})
            choice = _choice(c, typed, pools[_group(c)], years)
            if choice:
                questions.append({"id": _unique(base + "-chon", used), **choice})
    if not questions:
        raise QuizError(M.DRAFT_NOTHING_FOUND)
    bank = {
        "bank": bank_id,
        "title": _clean(prepare_text(title)) if title and title.strip() else f"Bản nháp: {headline}",
        "language": "vi",
        "description": M.DRAFT_DESCRIPTION,
        "sources": [source],
        "questions": questions,
    }
    from quiz.authoring.add import _dump, question_yaml

    head = {k: v for k, v in bank.items() if k != "questions"}
    body = _dump(head) + "questions:\n" + "\n".join(question_yaml(q, indent=2) for q in questions)
    return _canonical(body)


def _canonical(text: str) -> str:
    """The `quiz bank fmt` layout of the draft (so `fmt --check` passes and `bank add` appends
    cleanly); the plain dump if it cannot be proven to load to the same bank."""

    try:
        return format_bank(text, "draft.yaml")
    except QuizError:
        return text


def draft_from_article(
    article: Path, bank_id: str | None = None, *, out: Path | None = None, title: str | None = None
) -> tuple[str, Created | None]:
    """A draft bank from an article: its text, and — with `out` — the file written (never overwritten)
    with the article copied beside it."""
    from quiz.text.vietnamese import slugify

    content = read_article(article)
    bank_id = bank_id if bank_id is not None else (slugify(article.stem, 48) or "ban-nhap")
    check_bank_id(bank_id)
    if out is not None and out.exists():
        raise QuizError(M.AUTHOR_EXISTS.format(path=out))
    article_to = article_target(article, out.parent) if out is not None else None
    drafted = draft_bank(content, bank_id, title=title, source_file=article.name)
    if out is None:
        return drafted, None
    from quiz.bank.loader import load_text

    loaded, _ = load_text(drafted, out.name)
    write_text_atomic(out, drafted, overwrite=False)
    count = len(loaded.questions) if loaded is not None else drafted.count("\n  - id: ")
    return drafted, Created(out, copy_article(article, article_to), count)
