"""Load and validate question banks: YAML text in, `Bank` and a list of `Problem`s out.

Every rule of the bank format (docs/bank-format.md) lives here. Validation never stops at
the first fault: it collects every problem of every file, each naming file, line, bank and
question id, what is wrong and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.bank.model import CLOZE_BLANK, ID_PATTERN, QUESTION_TYPES, Bank, Question, Source
from quiz.bank.safeyaml import (
    Mapping,
    Scalar,
    Sequence,
    YamlProblem,
    parse,
    read_text,
)
from quiz.errors import QuizError
from quiz.text.escape import describe_control, find_control, printable

BANK_KEYS = ("bank", "title", "language", "description", "sources", "questions")
SOURCE_KEYS = ("id", "title", "publisher", "published", "url", "file")
COMMON_KEYS = ("id", "type", "prompt", "source", "quote", "explanation", "tags")
TYPE_KEYS: dict[str, tuple[str, ...]] = {
    "choice": ("choices", "answer", "shuffle"),
    "multi": ("choices", "answer", "shuffle"),
    "text": ("answer", "accept"),
    "number": ("answer", "tolerance", "unit"),
    "date": ("answer",),
    "truefalse": ("answer",),
    "cloze": ("text",),
    "order": ("items",),
}
ALL_QUESTION_KEYS = COMMON_KEYS + tuple(sorted({k for keys in TYPE_KEYS.values() for k in keys}))
BANK_SUFFIXES = (".yaml", ".yml")

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
        return printable(f"{text} — {self.hint}" if self.hint else text)


@dataclass
class LoadResult:
    banks: list[Bank]
    problems: list[Problem]
    files: list[Path]

    @property
    def ok(self) -> bool:
        return not self.problems


# --------------------------------------------------------------------------------------
# Public API


def load_text(
    text: str, filename: str = "<bank>", path: Path | None = None
) -> tuple[Bank | None, list[Problem]]:
    """Validate one bank's YAML text. Returns the bank (None if it has any problem) and all problems."""
    try:
        data = parse(text)
    except YamlProblem as exc:
        return None, [Problem(filename, exc.line, exc.message, exc.hint)]
    return _Validator(filename, path).bank(data)


def load_file(path: Path) -> tuple[Bank | None, list[Problem]]:
    """Read and validate one bank file (size-capped before parsing; a clean bank is cached)."""
    from quiz.bank import cache as bankcache

    where = bankcache.entry(path)
    cached = bankcache.get(path, where)
    if cached is not None:
        return cached, []
    name = display_path(path)
    try:
        text = read_text(path)
    except YamlProblem as exc:
        return None, [Problem(name, exc.line, exc.message, exc.hint)]
    except OSError as exc:
        return None, [
            Problem(name, 0, M.FILE_UNREADABLE.format(error=M.os_reason(exc)), M.FILE_UNREADABLE_FIX)
        ]
    bank, problems = load_text(text, name, path)
    if bank is not None and not problems:
        bankcache.put(where, bank)
    return bank, problems


def discover(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into their bank files (`*.yaml`, `*.yml`, not recursive), keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in BANK_SUFFIXES and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise QuizError(M.PATH_NOT_FOUND.format(path=path))
    return found


def load_paths(paths: Iterable[Path]) -> LoadResult:
    """Load every bank file under `paths`; bank ids must be unique across all of them."""
    files = discover(paths)
    banks: list[Bank] = []
    problems: list[Problem] = []
    seen: dict[str, Bank] = {}
    for file in files:
        bank, found = load_file(file)
        problems.extend(found)
        if bank is None:
            continue
        if bank.id in seen:
            other = seen[bank.id]
            problems.append(
                Problem(
                    display_path(file),
                    bank.line,
                    M.DUPLICATE_BANK_ID.format(
                        id=bank.id, other=display_path(other.path) if other.path else "?"
                    ),
                    M.DUPLICATE_BANK_FIX,
                    bank=bank.id,
                )
            )
            continue
        seen[bank.id] = bank
        banks.append(bank)
    return LoadResult(banks, problems, files)


def resolve(names: Iterable[str], banks_dir: Path, warn: Callable[[str], None] | None = None) -> list[Bank]:
    """Turn BANK arguments (bank id, YAML file, or folder) into valid banks; no names = every bank.

    A bank id is looked up only inside `banks_dir`, never following a symlink out of it. A file of the
    banks folder that does not load is skipped with one line through `warn` (a stranger's broken bank
    must not block the others); without `warn` it raises. A file or folder named explicitly must load
    cleanly, and two banks with the same id cannot be studied together.
    """
    names = list(names)
    library: list[Bank] | None = None

    def load_library() -> list[Bank]:
        nonlocal library
        if library is None:
            library = _load_library(banks_dir, warn)
        return library

    if not names:
        if not load_library():
            raise QuizError(M.NO_BANKS.format(folder=banks_dir))
        return load_library()
    chosen: list[Bank] = []
    for name in names:
        path = Path(name)
        if ID_PATTERN.match(name) and path.suffix not in BANK_SUFFIXES:
            found = [b for b in load_library() if b.id == name]
            if not found and path.is_dir():
                found = _load_named(path)
            elif not found:
                ids = ", ".join(b.id for b in load_library()) or "—"
                raise QuizError(
                    M.UNKNOWN_BANK.format(name=name, folder=banks_dir)
                    + "; "
                    + M.UNKNOWN_BANK_HINT.format(ids=ids)
                )
        elif path.exists():
            found = _load_named(path)
        else:
            raise QuizError(M.UNKNOWN_BANK.format(name=name, folder=banks_dir))
        for bank in found:
            twin = next((c for c in chosen if c.id == bank.id), None)
            if twin is None:
                chosen.append(bank)
            elif twin.path != bank.path:
                raise QuizError(
                    f"{display_path(bank.path)}: "
                    + M.DUPLICATE_BANK_ID.format(id=bank.id, other=display_path(twin.path))
                )
    return chosen


def _load_named(path: Path) -> list[Bank]:
    result = load_paths([path])
    _raise_on_problems(result)
    return result.banks


def _load_library(banks_dir: Path, warn: Callable[[str], None] | None) -> list[Bank]:
    """All banks of the banks folder, leaving out files that resolve (via symlinks) outside it."""
    if not banks_dir.is_dir():
        return []
    root = banks_dir.resolve()
    files = [file for file in discover([banks_dir]) if file.resolve().is_relative_to(root)]
    result = load_paths(files)
    if result.problems and warn is None:
        _raise_on_problems(result)
    by_file: dict[str, list[Problem]] = {}
    for problem in result.problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, problems in by_file.items():
        warn(M.SKIPPED_BANK.format(file=file, count=len(problems), problem=problems[0]))  # type: ignore[misc]
    return result.banks


def _raise_on_problems(result: LoadResult) -> None:
    if result.problems:
        first = str(result.problems[0])
        more = (
            ""
            if len(result.problems) == 1
            else f" (+{len(result.problems) - 1}; {M.INVALID_BANKS.format(count=len(result.problems))})"
        )
        raise QuizError(first + more)


def display_path(path: Path | None) -> str:
    if path is None:
        return "<bank>"
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def repeated(values: list[str]) -> list[str]:
    """The values that occur more than once (linear: a stranger's list may be huge)."""
    return sorted(value for value, count in Counter(values).items() if count > 1)


def suggest(key: str, known: Iterable[str]) -> str | None:
    """The nearest known key to a misspelt one (`anwser` → `answer`)."""
    match = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return match[0] if match else None


def slug_hint(value: str) -> str:
    """A valid id close to an invalid one (`Câu 1` → `cau-1`), to suggest in the fix."""
    from quiz.text.vietnamese import slugify

    return slugify(value, 48) or "cau-hoi-1"


# --------------------------------------------------------------------------------------
# Validation


class _Validator:
    def __init__(self, filename: str, path: Path | None):
        self.file = filename
        self.path = path
        self.problems: list[Problem] = []
        self.bank_id: str | None = None
        self.qid: str | None = None

    # -- reporting ---------------------------------------------------------------------
    def missing(self, mapping: Mapping, key: str, hint: str | None = None) -> None:
        if key not in mapping.misspelt:
            self.error(mapping.line, M.MISSING_KEY.format(key=key), hint or M.ADD_KEY.format(key=key))

    def unknown_key(self, mapping: Mapping, key: str, known: Iterable[str]) -> None:
        known = tuple(known)
        guess = suggest(key, known)
        if guess:
            mapping.misspelt.add(guess)
        hint = (
            M.DID_YOU_MEAN.format(suggestion=guess) if guess else M.KNOWN_KEYS.format(keys=", ".join(known))
        )
        self.error(mapping.key_lines[key], M.UNKNOWN_KEY.format(key=key), hint)

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
        value = unicodedata.normalize("NFC", node.raw if node.kind != "str" else str(node.value))
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
        return out

    def question(self, item: Mapping, seen: dict[str, int], source_ids: set[str]) -> Question | None:
        before = len(self.problems)
        qid = self.text(item, "id", required=True)
        if qid is not None:
            self.qid = qid
            self.check_id(item, qid, seen, M.DUPLICATE_QUESTION_ID)
        qtype = self.text(item, "type", required=True)
        if qtype is not None and qtype not in QUESTION_TYPES:
            guess = suggest(qtype, QUESTION_TYPES)
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
        guess = suggest(value, choices)
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
        return {"text": text}

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
