"""Questions read from another tool, turned into a draft bank that passes `quiz bank check`.

Every imported question is tagged `draft` (kept out of study until the author has checked it). Other
tools carry no verbatim source quote, so none is invented: a question without a quote also gets the tag
`chưa-trích-dẫn`, and a comment above it asks the author to ground it (`quiz bank check --sources`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.authoring.add import ID_MAX_LENGTH, propose_id, question_yaml, yaml_scalar
from quiz.bank.loader import load_text
from quiz.bank.model import ID_PATTERN
from quiz.errors import QuizError
from quiz.text.vietnamese import slugify

DRAFT_TAG = "draft"
NO_QUOTE_TAG = "chưa-trích-dẫn"
MAX_FIELD = 2000  # characters kept of one imported field (a prompt of a stranger's deck may be huge)

_TAG = re.compile(r"<[^>]{0,2000}>")
_BREAK = re.compile(r"<\s*(br|/div|/p|/li)\s*/?\s*>", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")


def html_to_text(value: str) -> str:
    """Anki/Quizlet field HTML as plain NFC text on one line: tags dropped, entities decoded, no controls."""
    text = _BREAK.sub(" ", value[: MAX_FIELD * 4])
    text = html.unescape(_TAG.sub("", text))
    text = _CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " "))
    text = _SPACES.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text[:MAX_FIELD])


@dataclass
class Draft:
    """One question read from elsewhere, in our vocabulary (values already plain text)."""

    type: str
    prompt: str | None = None
    answer: Any = None
    choices: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    text: str | None = None
    unit: str | None = None
    tolerance: Any = None
    explanation: str | None = None
    quote: str | None = None
    source: str | None = None
    tags: list[str] = field(default_factory=list)
    id: str | None = None
    line: int = 0  # where it was read (a CSV row, a text line), for messages

    def as_dict(self, qid: str) -> dict[str, Any]:
        out: dict[str, Any] = {"id": qid, "type": self.type}
        if self.type != "cloze":
            out["prompt"] = self.prompt
        if self.type == "cloze":
            out["text"] = self.text
        if self.type in ("choice", "multi"):
            out["choices"] = list(self.choices)
        if self.type == "order":
            out["items"] = list(self.items)
        if self.type not in ("cloze", "order"):
            out["answer"] = self.answer
        if self.type == "text" and self.accept:
            out["accept"] = [a for a in dict.fromkeys(self.accept) if a != self.answer]
            if not out["accept"]:
                del out["accept"]
        if self.type == "number":
            if self.tolerance:
                out["tolerance"] = self.tolerance
            if self.unit:
                out["unit"] = self.unit
        for key in ("source", "quote", "explanation"):
            value = getattr(self, key)
            if value:
                out[key] = value
        tags = [_clean_tag(t) for t in self.tags]
        tags = [t for t in tags if t and t not in (DRAFT_TAG, NO_QUOTE_TAG)]
        tags.append(DRAFT_TAG)
        if not self.quote:
            tags.append(NO_QUOTE_TAG)
        out["tags"] = list(dict.fromkeys(tags))
        return out


def _clean_tag(tag: str) -> str:
    return html_to_text(tag).replace("_", " ").strip()[:40]


@dataclass
class Imported:
    """A draft bank written from another tool's file."""

    path: Path
    bank_id: str
    questions: int
    without_quote: int
    skipped: int  # rows or notes with nothing usable (an empty answer, an unknown type)
    by_type: dict[str, int] = field(default_factory=dict)


def bank_id_for(path: Path) -> str:
    """The bank id an output file name suggests (`banks/Lịch sử.yaml` → `lich-su`)."""
    bank_id = slugify(Path(path).stem, ID_MAX_LENGTH) or "nhap"
    if not ID_PATTERN.match(bank_id):
        bank_id = "nhap"
    return bank_id


def bank_text(drafts: list[Draft], *, bank_id: str, title: str, origin: str) -> tuple[str, int]:
    """The YAML text of a draft bank from `drafts`, and how many lack a quote. Raises QuizError if empty."""
    if not drafts:
        raise QuizError(M.IMPORT_EMPTY.format(path=origin))
    taken: set[str] = set()
    line_of: dict[str, int] = {}
    blocks: list[str] = []
    without_quote = 0
    for draft in drafts:
        basis = draft.id or draft.prompt or draft.text or draft.type
        qid = draft.id if draft.id and ID_PATTERN.match(draft.id) and draft.id not in taken else None
        if qid is None:
            qid = propose_id(basis.replace("{{", " ").replace("}}", " "), taken)
        taken.add(qid)
        line_of[qid] = draft.line
        block = question_yaml(draft.as_dict(qid), indent=2)
        if not draft.quote:
            without_quote += 1
            block = f"  # {M.IMPORT_NEEDS_QUOTE}\n" + block
        blocks.append(block)
    head = (
        f"# {M.IMPORT_HEADER.format(origin=origin)}\n"
        f"# {M.IMPORT_HEADER_DRAFT}\n"
        f"bank: {bank_id}\n"
        f"title: {yaml_scalar(title or bank_id)}\n"
        "language: vi\n"
        "questions:\n"
    )
    text = head + "\n".join(blocks)
    bank, problems = load_text(text, origin)
    if bank is None:  # a value the bank format refuses: name the row it came from, write nothing
        first = problems[0] if problems else None
        line = line_of.get(first.qid or "", 0) if first is not None else 0
        where = f"{origin}:{line}" if line else origin
        what = first.message + (f" — {first.hint}" if first and first.hint else "") if first else "?"
        raise QuizError(M.IMPORT_INVALID.format(path=where, problem=what))
    return text, without_quote
