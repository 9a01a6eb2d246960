"""Validation of parsed YAML into a `Bank`: every problem of a file as a `Problem`
(`file:line: bank/id: what — fix`), the key lists of banks, sources and each question type."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.bank.model import CLOZE_BLANK, ID_PATTERN, QUESTION_TYPES, Bank, Question, Source
from quiz.bank.safeyaml import (
    Mapping,
    Scalar,
    Sequence,
)
from quiz.text.escape import describe_control, escape, find_control
from quiz.text.vietnamese import MAX_COMBINING_RUN, combining_flood

BANK_KEYS = ("bank", "title", "language", "description", "sources", "questions")
SOURCE_KEYS = ("id", "title", "publisher", "published", "url", "file")
COMMON_KEYS = ("id", "type", "prompt", "source", "quote", "explanation", "tags", "siblings")
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "choice": ("choices", "answer", "shuffle"),
    "multi": ("choices", "answer", "shuffle"),
    "text": ("answer", "accept"),
    "number": ("answer", "tolerance", "unit"),
    "date": ("answer",),
    "truefalse": ("answer",),
    "cloze": ("text", "unordered"),
    "order": ("items",),
}
ALL_QUESTION_KEYS = COMMON_KEYS + tuple(sorted({k for keys in TYPE_KEYS.values() for k in keys}))
BANK_SUFFIXES = (".yaml", ".yml")

# Decimal's default precision: past it, arithmetic (tolerance, judging) would round without a word, and
# no question asks for a 29-digit number (a million digits overflowed the formatting: issue 15).
MAX_DIGITS = 28
_PLAIN_NUMBER = re.compile(r"^[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?$")
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_AMBIGUOUS_THOUSANDS = re.compile(r"^[-+]?[1-9][0-9]{0,2}\.[0-9]{3}$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Problem:
    """One fault in a bank file, printed as `file:line: bank/id: what — fix`."""

    file: str
    line: int
    message: str
    hint: str | None = None
    bank: str | None = None
    qid: str | None = None
    code: str = ""  # stable: the catalogue key of `message` (`yaml_tab`, `missing_key`…); tests check it

    def __post_init__(self) -> None:
        if not self.code:
            object.__setattr__(self, "code", M.code_of(self.message) or "other")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        who = "/".join(p for p in (self.bank, self.qid) if p)
        text = f"{where}: {who}: {self.message}" if who else f"{where}: {self.message}"
        # keys, raw values and article excerpts come from strangers: never let them drive the terminal
        # one line, a file name with a newline included; a 5,000-character value shortened
        return escape(f"{text} — {self.hint}" if self.hint else text, newlines=False, shorten=True)


def repeated(values: list[str]) -> list[str]:
    """The values that occur more than once (linear: a stranger's list may be huge)."""
    return sorted(value for value, count in Counter(values).items() if count > 1)


def suggest(key: str, known: Iterable[str]) -> str | None:
    """The nearest known key to a misspelt one (`anwser` → `answer`)."""
    return _suggest(key, tuple(known))


MAX_GUESSES = 500  # suggestions per file: difflib costs ~0.1 ms each, and a stranger's file has 100,000 keys


@lru_cache(maxsize=4096)
def _suggest(key: str, known: tuple[str, ...]) -> str | None:
    if len(key) > 64:  # no key is that long: nothing to suggest, and no quadratic comparison to pay
        return None
    match = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return match[0] if match else None


def slug_hint(value: str) -> str:
    """A valid id close to an invalid one (`Câu 1` → `cau-1`), to suggest in the fix."""
    from quiz.text.vietnamese import slugify

    return slugify(value[:200], 48) or "cau-hoi-1"


# --------------------------------------------------------------------------------------
# Validation


class _Validator:
    def __init__(self, filename: str, path: Path | None):
        self.file = filename
        self.path = path
        self.problems: list[Problem] = []
        self.bank_id: str | None = None
        self.qid: str | None = None
        self.guesses = 0

    # -- reporting ---------------------------------------------------------------------
    def missing(self, mapping: Mapping, key: str, hint: str | None = None) -> None:
        if key not in mapping.misspelt:
            self.error(mapping.line, M.MISSING_KEY.format(key=key), hint or M.ADD_KEY.format(key=key))

    def unknown_key(self, mapping: Mapping, key: str, known: Iterable[str]) -> None:
        known = tuple(known)
        guess = self.suggest(key, known)
        if guess:
            mapping.misspelt.add(guess)
        hint = (
            M.DID_YOU_MEAN.format(suggestion=guess) if guess else M.KNOWN_KEYS.format(keys=", ".join(known))
        )
        self.error(mapping.key_lines[key], M.UNKNOWN_KEY.format(key=key), hint)

    def suggest(self, key: str, known: Iterable[str]) -> str | None:
        """`suggest`, for the first MAX_GUESSES unknown words of the file (then no guess)."""
        self.guesses += 1
        return suggest(key, known) if self.guesses <= MAX_GUESSES else None

    def error(self, line: int, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem(self.file, line, message, hint, self.bank_id, self.qid))

    def check_keys(
        self, mapping: Mapping, allowed: Iterable[str], known: Iterable[str] | None = None
    ) -> None:
        allowed = tuple(allowed)
        for key, line in mapping.duplicates:
            self.error(line, M.DUPLICATE_KEY.format(key=key), M.DUPLICATE_KEY_FIX.format(key=key))
        for key in mapping:
            if key not in allowed:
                self.unknown_key(mapping, key, allowed)

    def check_id(self, item: Mapping, value: str, seen: dict[str, int], duplicate: str | None = None) -> None:
        """An id is well-formed and (given `seen`, the lines of ids met so far) not used twice."""
        line = item.key_lines["id" if duplicate else "bank"]
        if not ID_PATTERN.match(value):
            self.error(line, M.BAD_ID.format(value=value), M.BAD_ID_FIX.format(suggestion=slug_hint(value)))
        if duplicate and value in seen:
            self.error(line, duplicate.format(id=value, line=seen[value]), M.DUPLICATE_FIX)
        seen.setdefault(value, line)

    # -- typed getters -----------------------------------------------------------------
    def text(self, mapping: Mapping, key: str, *, required: bool = False, strict: bool = False) -> str | None:
        """A text value. `strict`: refuse YAML-1.1 numbers/dates as text too (answers)."""
        node = mapping.get(key)
        line = mapping.key_lines.get(key, mapping.line)
        if node is None:
            if required:
                self.missing(mapping, key)
            return None
        return self.scalar_text(node, key, line, strict=strict, required=required)

    def scalar_text(
        self, node: Any, key: str, line: int, *, strict: bool = False, required: bool = True
    ) -> str | None:
        if not isinstance(node, Scalar):
            self.error(getattr(node, "line", line), M.EXPECTED_TEXT.format(key=key))
            return None
        if node.kind == "bool":
            self.error(
                node.line,
                M.YAML_BOOL_TRAP.format(key=key, raw=node.raw),
                M.QUOTE_IT.format(key=key, raw=node.raw),
            )
            return None
        if node.kind == "null":
            if node.raw in ("", "~", "null", "Null", "NULL") and not required:
                return None
            if node.raw == "":
                self.error(node.line, M.EMPTY_TEXT.format(key=key), M.ADD_KEY.format(key=key))
            else:
                self.error(
                    node.line,
                    M.YAML_NULL_TRAP.format(key=key, raw=node.raw),
                    M.QUOTE_IT.format(key=key, raw=node.raw),
                )
            return None
        if strict and node.kind == "timestamp":
            self.error(
                node.line,
                M.YAML_DATE_TRAP.format(key=key, raw=node.raw),
                M.QUOTE_OR_DATE.format(key=key, raw=node.raw),
            )
            return None
        if strict and node.kind in ("int", "float"):
            self.error(
                node.line,
                M.YAML_NUMBER_TRAP.format(key=key, raw=node.raw),
                M.QUOTE_IT.format(key=key, raw=node.raw),
            )
            return None
        value = node.raw if node.kind != "str" else str(node.value)
        flood = combining_flood(value)  # before NFC, which is quadratic in a run of marks
        if flood:
            self.error(
                node.line,
                M.COMBINING_FLOOD.format(key=key, count=flood, limit=MAX_COMBINING_RUN),
                M.COMBINING_FLOOD_FIX,
            )
            return None
        value = unicodedata.normalize("NFC", value)
        bad = find_control(value)
        if bad:
            self.error(
                node.line,
                M.CONTROL_CHAR.format(key=key, char=describe_control(bad.group())),
                M.CONTROL_CHAR_FIX,
            )
            return None
        if not value.strip():
            self.error(node.line, M.EMPTY_TEXT.format(key=key), M.ADD_KEY.format(key=key))
            return None
        return value.strip()

    def text_list(
        self, mapping: Mapping, key: str, *, required: bool = False, strict: bool = False
    ) -> list[str] | None:
        node = mapping.get(key)
        if node is None:
            if required:
                self.missing(mapping, key)
            return None
        if not isinstance(node, Sequence):
            self.error(
                getattr(node, "line", mapping.key_lines.get(key, 0)),
                M.EXPECTED_LIST.format(key=key),
                M.EXPECTED_LIST_FIX.format(key=key),
            )
            return None
        values = [self.scalar_text(item, key, node.line, strict=strict) for item in node]
        return None if any(v is None for v in values) else values  # type: ignore[return-value]

    def boolean(self, mapping: Mapping, key: str, default: bool) -> bool:
        node = mapping.get(key)
        if node is None:
            return default
        if isinstance(node, Scalar) and node.kind == "bool":
            return bool(node.value)
        self.error(getattr(node, "line", mapping.line), M.BOOL_EXPECTED_BOOL.format(key=key))
        return default

    def number(self, mapping: Mapping, key: str, *, required: bool) -> Decimal | None:
        node = mapping.get(key)
        if node is None:
            if required:
                self.missing(mapping, key)
            return None
        if not isinstance(node, Scalar):
            self.error(
                getattr(node, "line", mapping.line),
                M.NUMBER_EXPECTED.format(key=key, raw="…"),
                M.NUMBER_EXPECTED_FIX,
            )
            return None
        raw = node.raw.strip()
        digits = sum(map(str.isdigit, raw))
        if digits > MAX_DIGITS:  # before Decimal(): a million digits overflow its formatting
            self.error(
                node.line,
                M.NUMBER_TOO_LONG.format(key=key, digits=digits, limit=MAX_DIGITS),
                M.NUMBER_TOO_LONG_FIX,
            )
            return None
        if _LEADING_ZERO.match(raw):
            fixed = raw.lstrip("+-0") or "0"
            self.error(
                node.line,
                M.NUMBER_LEADING_ZERO.format(key=key, raw=raw),
                M.NUMBER_LEADING_ZERO_FIX.format(key=key, fixed=fixed),
            )
            return None
        if not _PLAIN_NUMBER.match(raw) or node.kind not in ("int", "float", "str"):
            self.error(node.line, M.NUMBER_EXPECTED.format(key=key, raw=raw), M.NUMBER_EXPECTED_FIX)
            return None
        value = Decimal(raw)
        if _AMBIGUOUS_THOUSANDS.match(raw) and not node.quoted:
            self.error(
                node.line,
                M.NUMBER_AMBIGUOUS.format(key=key, raw=raw, value=value.normalize()),
                M.NUMBER_AMBIGUOUS_FIX.format(thousands=raw.replace(".", "")),
            )
            return None
        return value

    # -- the bank ----------------------------------------------------------------------
    def bank(self, data: Any) -> tuple[Bank | None, list[Problem]]:
        if not isinstance(data, Mapping):
            self.error(getattr(data, "line", 1), M.NOT_A_MAPPING)
            return None, self.problems
        self.check_keys(data, BANK_KEYS)
        bank_id = self.text(data, "bank", required=True)
        if bank_id is not None:
            self.check_id(data, bank_id, {})
        self.bank_id = bank_id
        title = self.text(data, "title", required=True)
        language = self.text(data, "language") or "vi"
        if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)?", language):
            self.error(
                data.key_lines.get("language", data.line),
                M.BAD_LANGUAGE.format(value=language),
                M.LANGUAGE_FIX,
            )
        description = self.text(data, "description")
        sources = self.sources(data)
        questions = self.questions(data, {s.id for s in sources})
        if self.problems or bank_id is None or title is None:
            return None, self.problems
        bank = Bank(
            id=bank_id,
            title=title,
            questions=tuple(questions),
            language=language,
            description=description,
            sources=tuple(sources),
            path=self.path,
            line=data.key_lines.get("bank", 1),
        )
        return bank, self.problems

    def sources(self, data: Mapping) -> list[Source]:
        node = data.get("sources")
        if node is None:
            return []
        if not isinstance(node, Sequence):
            self.error(
                getattr(node, "line", data.line),
                M.EXPECTED_LIST.format(key="sources"),
                M.EXPECTED_LIST_FIX.format(key="sources"),
            )
            return []
        out: list[Source] = []
        seen: dict[str, int] = {}
        for item in node:
            if not isinstance(item, Mapping):
                self.error(getattr(item, "line", node.line), M.EXPECTED_MAPPING.format(key="sources"))
                continue
            self.check_keys(item, SOURCE_KEYS)
            sid = self.text(item, "id", required=True)
            if sid is None:
                continue
            self.check_id(item, sid, seen, M.DUPLICATE_SOURCE_ID)
            file = self.text(item, "file")
            if file is not None and (Path(file).is_absolute() or ".." in Path(file).parts or "\\" in file):
                self.error(item.key_lines["file"], M.UNSAFE_FILE.format(value=file), M.UNSAFE_FILE_FIX)
            out.append(
                Source(
                    id=sid,
                    title=self.text(item, "title") or sid,
                    publisher=self.text(item, "publisher"),
                    published=self.published(item),
                    url=self.text(item, "url"),
                    file=file,
                    line=item.line,
                )
            )
        return out

    def published(self, item: Mapping) -> str | None:
        node = item.get("published")
        if node is None:
            return None
        iso = _date_value(node)
        if iso is None:
            self.error(
                getattr(node, "line", item.line),
                M.DATE_SOURCE_EXPECTED.format(raw=getattr(node, "raw", "…")),
                M.DATE_EXPECTED_FIX,
            )
        return iso

    def questions(self, data: Mapping, source_ids: set[str]) -> list[Question]:
        node = data.get("questions")
        if node is None:
            self.missing(data, "questions", M.NO_QUESTIONS_FIX)
            return []
        if not isinstance(node, Sequence) or not node:
            self.error(getattr(node, "line", data.line), M.NO_QUESTIONS, M.NO_QUESTIONS_FIX)
            return []
        out: list[Question] = []
        seen: dict[str, int] = {}
        for item in node:
            self.qid = None
            if not isinstance(item, Mapping):
                self.error(getattr(item, "line", node.line), M.EXPECTED_MAPPING.format(key="questions"))
                continue
            question = self.question(item, seen, source_ids)
            if question is not None:
                out.append(question)
        self.qid = None
        for question in out:  # a sibling names another question of this bank
            for other in question.siblings:
                if other == question.id or other not in seen:
                    self.qid = question.id
                    self.error(
                        question.line_of("siblings"),
                        M.SIBLING_UNKNOWN.format(id=other),
                        M.SIBLING_UNKNOWN_FIX,
                    )
        self.qid = None
        return out

    def question(self, item: Mapping, seen: dict[str, int], source_ids: set[str]) -> Question | None:
        before = len(self.problems)
        qid = self.text(item, "id", required=True)
        if qid is not None:
            self.qid = qid
            self.check_id(item, qid, seen, M.DUPLICATE_QUESTION_ID)
        qtype = self.text(item, "type", required=True)
        if qtype is not None and qtype not in QUESTION_TYPES:
            guess = self.suggest(qtype, QUESTION_TYPES)
            hint = (
                M.DID_YOU_MEAN.format(suggestion=guess)
                if guess
                else M.BAD_TYPE_FIX.format(types=", ".join(QUESTION_TYPES))
            )
            self.error(item.key_lines["type"], M.BAD_TYPE.format(value=qtype), hint)
            qtype = None
        # keys: unknown keys get a suggestion; known keys of another type get a type-specific message
        for key, line in item.duplicates:
            self.error(line, M.DUPLICATE_KEY.format(key=key), M.DUPLICATE_KEY_FIX.format(key=key))
        allowed = COMMON_KEYS + TYPE_KEYS[qtype] if qtype else ALL_QUESTION_KEYS
        for key in item:
            if key in allowed:
                continue
            if qtype and key in ALL_QUESTION_KEYS:
                self.error(
                    item.key_lines[key],
                    M.KEY_NOT_FOR_TYPE.format(key=key, type=qtype),
                    M.KEY_NOT_FOR_TYPE_FIX.format(type=qtype, keys=", ".join(TYPE_KEYS[qtype])),
                )
                continue
            self.unknown_key(item, key, allowed if qtype else ALL_QUESTION_KEYS)

        prompt = self.text(item, "prompt", required=qtype not in (None, "cloze"))
        source = self.text(item, "source")
        if source is not None and source not in source_ids:
            ids = ", ".join(sorted(source_ids))
            self.error(
                item.key_lines["source"],
                M.UNKNOWN_SOURCE.format(value=source),
                M.UNKNOWN_SOURCE_FIX.format(ids=ids) if ids else M.NO_SOURCES_FIX,
            )
        fields: dict[str, Any] = {
            "prompt": prompt,
            "source": source,
            "quote": self.text(item, "quote"),
            "explanation": self.text(item, "explanation"),
            "tags": tuple(self.text_list(item, "tags") or ()),
            "siblings": tuple(self.text_list(item, "siblings") or ()),
        }
        if qtype is not None:
            fields.update(getattr(self, f"q_{qtype}")(item))
        if len(self.problems) > before or qid is None or qtype is None:
            return None
        return Question(id=qid, type=qtype, line=item.line, key_lines=tuple(item.key_lines.items()), **fields)

    # -- per type ----------------------------------------------------------------------
    def choices(self, item: Mapping) -> list[str] | None:
        choices = self.text_list(item, "choices", required=True)
        if choices is None:
            return None
        line = item.key_lines["choices"]
        ok = True
        if not 2 <= len(choices) <= 8:
            self.error(line, M.CHOICES_COUNT.format(key="choices", count=len(choices)), M.CHOICES_COUNT_FIX)
            ok = False
        for dup in repeated(choices):
            self.error(line, M.CHOICES_DUPLICATE.format(value=dup), M.CHOICES_DUPLICATE_FIX)
            ok = False
        return choices if ok else None

    def answer_in(self, value: str, choices: list[str], line: int) -> bool:
        if value in choices:
            return True
        guess = self.suggest(value, choices)
        hint = M.DID_YOU_MEAN.format(suggestion=guess) if guess else M.ANSWER_NOT_IN_CHOICES_FIX
        self.error(line, M.ANSWER_NOT_IN_CHOICES.format(value=value), hint)
        return False

    def q_choice(self, item: Mapping) -> dict[str, Any]:
        choices = self.choices(item)
        answer = self.text(item, "answer", required=True)
        if choices is not None and answer is not None:
            self.answer_in(answer, choices, item.key_lines["answer"])
        return {
            "choices": tuple(choices or ()),
            "answer": answer,
            "shuffle": self.boolean(item, "shuffle", True),
        }

    def q_multi(self, item: Mapping) -> dict[str, Any]:
        choices = self.choices(item)
        node = item.get("answer")
        answer: list[str] | None
        if isinstance(node, Scalar) and node.kind == "str":
            answer = [self.scalar_text(node, "answer", node.line) or ""]
        else:
            answer = self.text_list(item, "answer", required=True)
        if answer is not None and not answer:
            self.error(item.key_lines.get("answer", item.line), M.MULTI_EMPTY, M.MULTI_EMPTY_FIX)
        if choices is not None and answer:
            for value in answer:
                self.answer_in(value, choices, item.key_lines["answer"])
            for dup in repeated(answer):
                self.error(
                    item.key_lines["answer"], M.CHOICES_DUPLICATE.format(value=dup), M.CHOICES_DUPLICATE_FIX
                )
        return {
            "choices": tuple(choices or ()),
            "answer": tuple(answer or ()),
            "shuffle": self.boolean(item, "shuffle", True),
        }

    def q_text(self, item: Mapping) -> dict[str, Any]:
        answer = self.text(item, "answer", required=True, strict=True)
        accept = self.text_list(item, "accept", strict=True) or []
        return {"answer": answer, "accept": tuple(accept)}

    def q_number(self, item: Mapping) -> dict[str, Any]:
        answer = self.number(item, "answer", required=True)
        tolerance = self.number(item, "tolerance", required=False)
        if tolerance is not None and tolerance < 0:
            self.error(item.key_lines["tolerance"], M.TOLERANCE_NEGATIVE)
        return {"answer": answer, "tolerance": tolerance or Decimal(0), "unit": self.text(item, "unit")}

    def q_date(self, item: Mapping) -> dict[str, Any]:
        node = item.get("answer")
        if node is None:
            self.missing(item, "answer", M.DATE_EXPECTED_FIX)
            return {}
        if isinstance(node, Scalar) and isinstance(node.value, dt.datetime):
            self.error(node.line, M.DATE_WITH_TIME.format(raw=node.raw), M.DATE_EXPECTED_FIX)
            return {}
        iso = _date_value(node)
        if iso is None:
            self.error(
                getattr(node, "line", item.line),
                M.DATE_EXPECTED.format(raw=getattr(node, "raw", "…")),
                M.DATE_EXPECTED_FIX,
            )
        return {"answer": iso}

    def q_truefalse(self, item: Mapping) -> dict[str, Any]:
        node = item.get("answer")
        if node is None:
            self.missing(item, "answer", M.BOOL_EXPECTED_FIX)
            return {}
        if isinstance(node, Scalar) and node.kind == "bool":
            return {"answer": bool(node.value)}
        if isinstance(node, Scalar) and node.raw.strip().lower() in ("đúng", "đ", "true"):
            return {"answer": True}
        if isinstance(node, Scalar) and node.raw.strip().lower() in ("sai", "s", "false"):
            return {"answer": False}
        self.error(
            getattr(node, "line", item.line),
            M.BOOL_EXPECTED.format(raw=getattr(node, "raw", "…")),
            M.BOOL_EXPECTED_FIX,
        )
        return {}

    def q_cloze(self, item: Mapping) -> dict[str, Any]:
        text = self.text(item, "text", required=True)
        if text is None:
            return {}
        line = item.key_lines["text"]
        blanks = list(CLOZE_BLANK.finditer(text))
        leftover = CLOZE_BLANK.sub("", text)
        if "{{" in leftover or "}}" in leftover:
            self.error(line, M.CLOZE_UNBALANCED, M.CLOZE_UNBALANCED_FIX)
        elif not blanks:
            self.error(line, M.CLOZE_NO_BLANK, M.CLOZE_NO_BLANK_FIX)
        for n, match in enumerate(blanks, 1):
            if not [p for p in match.group(1).split("|") if p.strip()]:
                self.error(line, M.CLOZE_EMPTY_BLANK.format(n=n), M.CLOZE_EMPTY_BLANK_FIX)
        return {"text": text, "unordered": self.unordered(item, len(blanks))}

    def unordered(self, item: Mapping, count: int) -> tuple[tuple[int, ...], ...]:
        """`unordered: true` (every blank) or `[[2, 3], …]`: groups of 1-based blanks filled in any order."""
        node = item.get("unordered")
        if node is None:
            return ()
        line = item.key_lines["unordered"]
        if isinstance(node, Scalar) and node.kind == "bool":
            return (tuple(range(1, count + 1)),) if node.value and count >= 2 else ()
        groups: list[tuple[int, ...]] = []
        taken: set[int] = set()
        if isinstance(node, Sequence):
            for group in node:
                if not isinstance(group, Sequence):
                    break
                values = [v.value for v in group if isinstance(v, Scalar) and v.kind == "int"]
                if len(values) != len(group) or len(values) < 2:
                    break
                if (
                    any(not 1 <= v <= count for v in values)
                    or taken & set(values)
                    or len(set(values)) < len(values)
                ):
                    break
                taken |= set(values)
                groups.append(tuple(values))
            else:
                if groups:
                    return tuple(groups)
        self.error(line, M.UNORDERED_BAD.format(count=count), M.UNORDERED_BAD_FIX)
        return ()

    def q_order(self, item: Mapping) -> dict[str, Any]:
        items = self.text_list(item, "items", required=True)
        if items is None:
            return {}
        line = item.key_lines["items"]
        if not 2 <= len(items) <= 8:
            self.error(line, M.ORDER_COUNT.format(count=len(items)), M.ORDER_COUNT_FIX)
        for dup in repeated(items):
            self.error(line, M.CHOICES_DUPLICATE.format(value=dup), M.CHOICES_DUPLICATE_FIX)
        return {"items": tuple(items)}


def _date_value(node: Any) -> str | None:
    """A YAML date/int/string as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; None if invalid."""
    if not isinstance(node, Scalar):
        return None
    if isinstance(node.value, dt.datetime):
        return None
    if isinstance(node.value, dt.date):
        return node.value.isoformat()
    raw = node.raw.strip()
    match = _ISO_DATE.match(raw)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            dt.date(int(year), int(month), int(day))
        elif month and not 1 <= int(month) <= 12:
            return None
    except ValueError:
        return None
    if int(year) < 1:
        return None
    return raw
