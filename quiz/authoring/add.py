"""Adding one question to a bank without an editor (`quiz bank add`), and the YAML helpers
authoring shares (`yaml_scalar`, `question_yaml`, reading and writing a bank file exactly).

Pure functions on text (plus two small file helpers at the end), no terminal I/O:

* `build_question` — an author's raw answers (what they typed, or CLI flags) as a question dict;
* `propose_id` — a unique question id from the prompt (Vietnamese folded to an ascii slug);
* `append_question` — the bank text with one question appended to its `questions:` list, the
  existing text and comments kept byte for byte, validated by the loader before it is returned;
* `commit_question` — the whole `quiz bank add` transaction.

Starter banks are authoring/new.py, the canonical layout authoring/fmt.py.

Every check is the loader's (`load_text`) or the grounding check's (`check_bank`): the author
sees the same messages as `quiz bank check` prints.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from quiz import messages as M
from quiz.bank.loader import load_text
from quiz.bank.model import CLOZE_BLANK, ID_PATTERN, QUESTION_TYPES, Bank, Question
from quiz.bank.validate import TYPE_KEYS, Problem
from quiz.errors import QuizError
from quiz.text.vietnamese import slugify

ID_MAX_LENGTH = 48
FLOW_WIDTH = 100
_NO_WRAP = 1_000_000
PLACEHOLDER_ID = "cau-hoi-moi"
LIST_FIELDS = ("choices", "accept", "items", "tags")
# Key order of a question in canonical layout: id, type, prompt/text, the type's keys, grounding.
QUESTION_KEY_ORDER = (
    "id",
    "type",
    "prompt",
    "text",
    "unordered",
    "choices",
    "items",
    "answer",
    "accept",
    "tolerance",
    "unit",
    "shuffle",
    "source",
    "quote",
    "explanation",
    "tags",
    "siblings",
)
BANK_KEY_ORDER = ("bank", "title", "language", "description", "sources", "questions")
SOURCE_KEY_ORDER = ("id", "title", "publisher", "published", "url", "file")

_AMBIGUOUS_THOUSANDS = re.compile(r"^[-+]?[1-9][0-9]{0,2}\.[0-9]{3}$")
_TRUE_WORDS = {"true", "đúng", "đ", "d", "dung", "y", "yes", "có", "co", "1"}
_FALSE_WORDS = {"false", "sai", "s", "n", "no", "không", "khong", "0"}


class AuthoringError(QuizError):
    """A question (or formatted bank) the loader refuses: carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "?"
        more = f" (+{len(problems) - 1})" if len(problems) > 1 else ""
        super().__init__(first + more)


# --------------------------------------------------------------------------------------
# YAML emission


class _Flow(list):
    """A list emitted in flow style: `tags: [a, b]`."""


class _RawNumber(str):
    """A number exactly as the author typed it, emitted unquoted so the loader judges it."""


class _Dumper(yaml.SafeDumper):
    """Safe dumper that indents block lists under their key (`  - a`), as the banks are written."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _plain_scalar(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    tag = dumper.resolve(yaml.ScalarNode, text, (True, False))
    return dumper.represent_scalar(tag, text)


def _represent_decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value, "f")
    if _AMBIGUOUS_THOUSANDS.match(text):  # `1.000` unquoted would read as a thousands separator
        return dumper.represent_str(text)
    return _plain_scalar(dumper, text)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_str(value)


_Dumper.add_representer(Decimal, _represent_decimal)
_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(M.Text, _represent_str)  # catalogue strings (a str subclass) write as text
_Dumper.add_representer(_RawNumber, lambda d, v: _plain_scalar(d, str(v)))
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", list(v), flow_style=True)
)


def _dump(value: Any) -> str:
    return yaml.dump(
        value,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=_NO_WRAP,
        default_flow_style=False,
    )


def yaml_scalar(value: Any) -> str:
    """One value as YAML text for `key: <value>` on one line (quoted when YAML needs it)."""
    text = _dump({"k": value})
    assert text.startswith("k: ")
    return text[3:].rstrip("\n")


def _styled(key: str, value: list[Any], indent: int) -> list[Any]:
    """Short lists in flow style (`[a, b]`), long ones one item per line."""
    if any(isinstance(v, str) and "\n" in v for v in value):
        return list(value)
    if any(isinstance(v, list) for v in value):  # `unordered: [[2, 3, 4]]`
        return _Flow([_Flow(v) if isinstance(v, list) else v for v in value])
    width = indent + len(key) + 4 + sum(len(yaml_scalar(v)) + 2 for v in value)
    return _Flow(value) if width <= FLOW_WIDTH else list(value)


def question_yaml(question: dict[str, Any], indent: int = 2) -> str:
    """One question as a YAML list item (`- id: …`) whose dash sits at column `indent`."""
    item = {k: (_styled(k, v, indent + 2) if isinstance(v, list) else v) for k, v in question.items()}
    body = _dump([item])
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in body.splitlines(keepends=True))


# --------------------------------------------------------------------------------------
# Ids


def check_bank_id(bank_id: str) -> None:
    """Raise QuizError (with a slug suggestion) unless `bank_id` is a valid bank id."""
    if not ID_PATTERN.match(bank_id or ""):
        suggestion = slugify(bank_id or "", ID_MAX_LENGTH) or "ngan-hang-moi"
        raise QuizError(M.AUTHOR_BAD_BANK_ID.format(value=bank_id, suggestion=suggestion))


# Words an id does without: the boilerplate leads of prompts ("Theo bài viết, …"), question words
# and small function words (compared before diacritics are folded: `thị` stays, `thì` goes).
_ID_LEADS = tuple(
    tuple(lead.split())
    for lead in (
        "theo bài viết",
        "theo bài phát biểu",
        "theo bài báo",
        "theo bài phỏng vấn",
        "theo bài",
        "trong bài viết",
        "chọn đáp án đúng cho chỗ trống",
        "điền vào chỗ trống",
        "điền năm vào chỗ trống",
        "điền tháng vào chỗ trống",
        "điền ngày vào chỗ trống",
        "bài viết được đăng",
        "theo",
    )
)
_ID_SKIP = frozenset(
    "là và của các những một được đã có trong với cho này đó thì mà ở tại về đến từ bao nhiêu nào gì ai "
    "khi đâu sao hay hoặc như thế ngày tháng năm".split()
)
ID_WORDS = 6  # an id names what is asked in at most this many words


def short_id_words(text: str, answer: Any = None) -> list[str]:
    """The words of a proposed id: `text` (a prompt, or a cloze text without its blanks) without its
    boilerplate lead, small words, or any word of the answer, folded to ASCII."""
    plain = CLOZE_BLANK.sub(" ", unicodedata.normalize("NFC", text)).replace("____", " ")
    plain = re.sub(r"\([^()]*\)", " ", plain)  # "(8/2018)": a context, not what is asked
    words = [w for w in re.split(r"[^\w]+", plain.lower()) if w]
    for lead in _ID_LEADS:
        if tuple(words[: len(lead)]) == lead:
            words = words[len(lead) :]
            break
    hidden = set(_answer_words(answer))
    out: list[str] = []
    for word in words:
        if word in _ID_SKIP:
            continue
        out += [w for w in slugify(word).split("-") if w and w not in hidden]
    return out[:ID_WORDS]


def _answer_words(answer: Any) -> list[str]:
    if answer is None or isinstance(answer, bool):
        return []
    if isinstance(answer, (list, tuple)):
        return [w for a in answer for w in _answer_words(a)]
    if isinstance(answer, Decimal):
        text = format(answer.normalize(), "f")
        return [w for w in slugify(text).split("-") if w] + [text.replace(".", "")]
    return [w for w in slugify(str(answer)).split("-") if w]


def propose_id(
    text: str, taken: Iterable[str], max_length: int = ID_MAX_LENGTH, *, answer: Any = None
) -> str:
    """A short question id from a prompt (or cloze text), unique among `taken`: `-2`, `-3`… if needed.
    It names what is asked, never the answer (a cloze's blanks are left out).

    >>> propose_id("Theo bài viết, Chỉ thị 32 ban hành ngày nào?", {"chi-thi-32-ban-hanh"})
    'chi-thi-32-ban-hanh-2'
    """
    taken = set(taken)
    base = slugify("-".join(short_id_words(text, answer)), min(max_length, 40)) or PLACEHOLDER_ID
    qid, n = base, 2
    while qid in taken:
        suffix = f"-{n}"
        qid = base[: max_length - len(suffix)].rstrip("-") + suffix
        n += 1
    return qid


def tag_suggestions(tags: Iterable[str], bank: Bank) -> list[tuple[str, str]]:
    """(typed, the bank's spelling) for each tag that the bank already has, written another way."""
    known = sorted({t for q in bank.questions for t in q.tags})
    return [(t, known_tag(t, known)) for t in tags if known_tag(t, known) != t]


def known_tag(tag: str, known: Iterable[str]) -> str:
    """The bank's own spelling of `tag` when it is one of its tags written another way
    (`so lieu`, `Số liệu`, `so-lieu` → `số-liệu`); else `tag` as typed."""
    known = list(known)
    if tag in known:
        return tag
    key = slugify(tag)
    for other in known:
        if slugify(other) == key:
            return other
    return tag


# --------------------------------------------------------------------------------------
# Building a question from what the author typed


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    return value


def _text_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [v for v in (_clean(x) for x in value) if v != ""]


def number_value(text: str) -> Decimal | str:
    """A number typed by an author, the Vietnamese way (as learners type them): `245`, `1.000` and
    `1.000.000` (dots group thousands), `0,6` (a decimal comma), `-3`, or in words (`bảy mươi`) →
    Decimal. Anything else is returned as typed (`number_problem` explains it)."""
    from quiz.text.numbers import parse_numeral
    from quiz.text.numwords import words_to_int
    from quiz.text.vietnamese import fold

    raw = " ".join(_clean(text).replace("\u2212", "-").split())
    sign = -1 if raw.startswith("-") else 1
    core = raw.lstrip("+-").strip()
    if core and core[0].isdigit():
        try:
            value = parse_numeral(core.replace(" ", ""))
        except ArithmeticError:
            value = None
        if value is not None:
            return sign * value
    words = fold(core).casefold().split()
    number = words_to_int(words) if words else None
    if number is not None:
        return Decimal(sign * number)
    return raw


def number_problem(fields: dict[str, Any]) -> str | None:
    """What is wrong with a number the author typed (answer or tolerance), in the form's words."""
    if _clean(fields.get("type")) != "number":
        return None
    for key in ("answer", "tolerance"):
        value = fields.get(key)
        if isinstance(value, (list, tuple)) and len(value) == 1:
            value = value[0]
        if isinstance(value, str) and _clean(value) and not isinstance(number_value(value), Decimal):
            return M.AUTHOR_NOT_A_NUMBER.format(value=_clean(value))
    return None


def date_value(text: str) -> str:
    """A date typed day first (`18/2/2019`, `tháng 12/2021`) or ISO, as ISO; else as typed."""
    from quiz.text.dates import parse_date

    parsed = parse_date(_clean(text))
    return parsed[0] if parsed else _clean(text)


def bool_value(value: Any) -> Any:
    """`đúng`/`sai`, `true`/`false`, `đ`/`s`… as a bool; anything else as typed."""
    if isinstance(value, bool):
        return value
    word = _clean(str(value)).lower()
    if word in _TRUE_WORDS:
        return True
    if word in _FALSE_WORDS:
        return False
    return _clean(str(value))


def build_question(fields: dict[str, Any]) -> dict[str, Any]:
    """The question dict (canonical key order) for an author's raw fields.

    `fields` holds strings (and lists of strings for choices, accept, items, tags and a multi
    answer) as typed; empty values are dropped. Values are converted the way an author means
    them (`0,6` → 0.6, `18/2/2019` → 2019-02-18, `đúng` → true) but never checked here: the
    loader judges the result (see `append_question`), so a key that does not fit the type
    reaches it and gets its message.
    """
    qtype = _clean(fields.get("type")) or None
    out: dict[str, Any] = {}
    for key in QUESTION_KEY_ORDER:
        value = fields.get(key)
        if key in LIST_FIELDS:
            value = _text_list(value)
            if key == "tags":
                value = [t for tag in value for t in (p.strip() for p in tag.split(",")) if t]
            if value:
                out[key] = value
            continue
        if key == "answer":
            value = _answer(qtype, value)
            if value is not None and value != "" and value != []:
                out[key] = value
            continue
        if key == "tolerance" and value is not None and not isinstance(value, Decimal):
            value = number_value(str(value)) if _clean(str(value)) else None
        if key == "shuffle" and value is not None:
            value = bool_value(value)
        value = _clean(value)
        if value is None or value == "":
            continue
        out[key] = value
    return out


def _answer(qtype: str | None, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        values = _text_list(value)
        if qtype == "multi":
            return values
        if len(values) != 1:
            return values or None  # several answers for a one-answer type: the loader says so
        value = values[0]
    if isinstance(value, (bool, Decimal, int)):
        return value
    value = _clean(str(value))
    if value == "":
        return None
    if qtype == "multi":
        return [value]
    if qtype == "number":
        return number_value(value)
    if qtype == "date":
        return date_value(value)
    if qtype == "truefalse":
        return bool_value(value)
    return value


def _placeholders(question: dict[str, Any], taken: set[str]) -> dict[str, Any]:
    """`question` completed with valid stand-ins for what the author has not been asked yet."""
    q = dict(question)
    qtype = q.get("type")
    if not q.get("id"):
        q["id"] = propose_id(PLACEHOLDER_ID, taken)
    if qtype not in QUESTION_TYPES:
        return q
    if qtype != "cloze":
        q.setdefault("prompt", "?")
    if qtype in ("choice", "multi"):
        q.setdefault("choices", ["…1", "…2"])
        first = q["choices"][0] if isinstance(q["choices"], list) and q["choices"] else "…1"
        q.setdefault("answer", first if qtype == "choice" else [first])
    elif qtype == "text":
        q.setdefault("answer", "…")
    elif qtype == "number":
        q.setdefault("answer", Decimal(1))
    elif qtype == "date":
        q.setdefault("answer", "2000")
    elif qtype == "truefalse":
        q.setdefault("answer", True)
    elif qtype == "cloze":
        q.setdefault("text", "{{…}}")
    elif qtype == "order":
        q.setdefault("items", ["…1", "…2"])
    return {k: q[k] for k in QUESTION_KEY_ORDER if k in q}


def type_keys(qtype: str) -> tuple[str, ...]:
    """The keys a question of `qtype` may have, in the order the form asks them."""
    return TYPE_KEYS[qtype]


# --------------------------------------------------------------------------------------
# Appending a question to a bank file's text


@dataclass(frozen=True)
class Appended:
    """The result of `append_question`: the new file text, the question as loaded, its bank."""

    text: str
    question: Question
    bank: Bank


def _insertion_point(text: str) -> tuple[int, int, bool]:
    """(offset where a new item goes, column of the `questions:` dashes, blank line between items)."""
    root = yaml.compose(str.__str__(text), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(root, yaml.MappingNode):
        raise QuizError(M.AUTHOR_NO_QUESTIONS_LIST)
    keys = [k.value for k, _ in root.value]
    if "questions" not in keys:
        raise QuizError(M.AUTHOR_NO_QUESTIONS_LIST)
    index = keys.index("questions")
    node = root.value[index][1]
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise QuizError(M.AUTHOR_FLOW_QUESTIONS)
    column = node.start_mark.column
    lines = text.splitlines(keepends=True)
    blank = False
    if len(node.value) > 1:  # are items separated by a blank line (comments above an item aside)?
        above = node.value[-1].start_mark.line - 1
        while above > 0 and lines[above].lstrip().startswith("#"):
            above -= 1
        blank = above > 0 and not lines[above].strip()
    if index == len(root.value) - 1:
        return len(text), column, blank
    # Another top-level key follows: insert before it and the comments right above it.
    line = root.value[index + 1][0].start_mark.line
    while line > 0 and (not lines[line - 1].strip() or lines[line - 1].lstrip().startswith("#")):
        if lines[line - 1].strip() and len(lines[line - 1]) - len(lines[line - 1].lstrip()) > column:
            break
        line -= 1
    return sum(len(x) for x in lines[:line]), column, blank


def _without_line(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, line=0)
    return value


def append_question(
    text: str,
    question: dict[str, Any],
    *,
    filename: str = "<bank>",
    path: Path | None = None,
    sources_dir: Path | None = None,
    grounding: bool = True,
) -> Appended:
    """`text` with `question` added as the last item of its `questions:` list.

    The existing text is kept byte for byte (at the end of the file when `questions:` is the
    last key, which is usual). The whole new text must load clean, keep every existing question
    as it was, and — when the bank's source article can be found (`grounding`, see
    `quiz.bank.grounding.source_path`) — the quote must be verbatim in it: otherwise AuthoringError
    carries the loader's problems and nothing is returned to write.
    """
    from quiz.bank.grounding import check_bank

    before, problems = load_text(text, filename, path)
    if before is None:
        raise AuthoringError(problems)
    at, column, blank = _insertion_point(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    head, tail = text[:at], text[at:]
    if head and not head.endswith("\n"):
        head += newline
    block = question_yaml(question, indent=column)
    if blank:
        block = "\n" + block
    if newline != "\n":
        block = block.replace("\n", newline)
    new_text = head + block + tail
    first = head.count("\n") + 1  # the new question's first line in the new text
    size = block.count("\n")

    def placed(found: list[Problem]) -> list[Problem]:
        """Problems as the author can find them: a line of the new question is named as such (the
        file does not have it), a line after it keeps its number in the unchanged file."""
        out = []
        for p in found:
            if first <= p.line < first + size:
                where = M.AUTHOR_NEW_QUESTION_LINE.format(file=p.file, line=p.line - first + 1)
                out.append(dataclasses.replace(p, file=where, line=0))
            elif p.line >= first + size:
                out.append(dataclasses.replace(p, line=p.line - size))
            else:
                out.append(p)
        return out

    after, problems = load_text(new_text, filename, path)
    if after is None:
        raise AuthoringError(placed(problems))
    if grounding:
        qid = question.get("id")
        report = check_bank(after, sources_dir)
        found = [p for p in report.problems if p.qid == qid]
        if found:
            raise AuthoringError(placed(found))
    added = [q for q in after.questions if q.id == question.get("id")]
    kept = [_without_line(q) for q in after.questions if q.id != question.get("id")]
    if len(added) != 1 or kept != [_without_line(q) for q in before.questions]:
        raise QuizError(M.AUTHOR_APPEND_FAILED)
    return Appended(new_text, added[0], after)


def check_fields(
    text: str,
    fields: dict[str, Any],
    *,
    filename: str = "<bank>",
    path: Path | None = None,
    sources_dir: Path | None = None,
) -> list[str]:
    """What is wrong with the fields given so far (the loader's `message — hint`s), or [].

    Fields not asked yet are filled with valid stand-ins, so only what the author typed is judged.
    """
    bank, problems = load_text(text, filename, path)
    if bank is None:
        return [_short(p) for p in problems]
    wrong_number = number_problem(fields)
    if wrong_number:
        return [wrong_number]
    question = _placeholders(build_question(fields), {q.id for q in bank.questions})
    try:
        append_question(text, question, filename=filename, path=path, sources_dir=sources_dir)
    except AuthoringError as exc:
        return [_short(p) for p in exc.problems]
    except QuizError as exc:
        return [str(exc)]
    return []


def _short(problem: Problem) -> str:
    return f"{problem.message} — {problem.hint}" if problem.hint else problem.message


# --------------------------------------------------------------------------------------
# Canonical layout (`quiz bank fmt`)


# --------------------------------------------------------------------------------------
# Starter bank (`quiz bank new`)


# --------------------------------------------------------------------------------------
# Files: read and write a bank's text exactly


def read_bank_text(path: Path) -> tuple[str, bytes]:
    """A bank file's text and the byte-order mark it started with (b"" if none)."""
    from quiz.bank.safeyaml import read_text

    try:
        text = read_text(path)
    except OSError as exc:
        raise QuizError(M.FILE_UNREADABLE.format(error=M.os_reason(exc))) from exc
    except Exception as exc:  # YamlProblem: too big, not UTF-8
        raise QuizError(f"{path}: {exc}") from exc
    bom = codecs.BOM_UTF8 if path.read_bytes()[:3] == codecs.BOM_UTF8 else b""
    return text, bom


def write_text_atomic(path: Path, text: str, bom: bytes = b"", *, overwrite: bool = True) -> None:
    """Write `text` (UTF-8, after `bom`) all at once: a crash never leaves half a file.

    With `overwrite=False`, an existing file is refused (QuizError) and left alone. An OS fault (disk
    full, read-only disk, no permission) leaves the old file as it was and names `path` (one line).
    """
    try:
        _write_atomic(path, text, bom, overwrite=overwrite)
    except OSError as exc:  # the temporary file's name or none at all: say which bank file it was
        raise OSError(exc.errno, exc.strerror, str(path)) from None


def _write_atomic(path: Path, text: str, bom: bytes, *, overwrite: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not overwrite and path.exists():
        raise QuizError(M.AUTHOR_EXISTS.format(path=path))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(bom + text.encode("utf-8"))
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if overwrite:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if the file appeared meanwhile: never clobbers it
            except FileExistsError:
                raise
            except OSError:  # a file system without hard links
                with open(path, "xb") as out:
                    out.write(bom + text.encode("utf-8"))
            os.unlink(tmp)
    except FileExistsError:
        os.unlink(tmp)
        raise QuizError(M.AUTHOR_EXISTS.format(path=path)) from None
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------------------
# The `quiz bank add` transaction


def question_from_options(fields: dict[str, Any], taken: Iterable[str]) -> dict[str, Any]:
    """A question from command-line fields, with an id proposed from its prompt when none is given."""
    wrong_number = number_problem(fields)
    if wrong_number:
        raise QuizError(wrong_number)
    question = build_question(fields)
    if "id" not in question:
        seed = question.get("prompt") or question.get("text") or ""
        question = {"id": propose_id(str(seed), taken, answer=question.get("answer")), **question}
    return question


def commit_question(
    path: Path,
    original: str,
    bom: bytes,
    question: dict[str, Any],
    *,
    filename: str,
    sources_dir: Path | None = None,
) -> Appended:
    """Append `question` to the bank file read as (`original`, `bom`) and write it at once; refuses
    (file untouched) an invalid question, an ungrounded quote, or a file changed since it was read."""
    result = append_question(original, question, filename=filename, path=path, sources_dir=sources_dir)
    if read_bank_text(path) != (original, bom):
        raise QuizError(M.AUTHOR_CHANGED.format(path=filename))
    write_text_atomic(path, result.text, bom)
    return result
