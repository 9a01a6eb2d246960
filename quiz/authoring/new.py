"""A new bank file: the starter bank of `quiz bank new`, or a draft made from an article
(`quiz bank draft`), with the article copied where the bank finds it. Never overwrites a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from quiz import messages as M
from quiz.authoring.add import AuthoringError, _clean, check_bank_id, write_text_atomic, yaml_scalar
from quiz.bank.loader import load_text
from quiz.errors import QuizError

STARTER_QUESTIONS = 8  # one example per question type
_DATELINE = re.compile(r"^(thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật)\b", re.IGNORECASE)


def article_headline(text: str) -> str | None:
    """The first line of an article with at least three words (its title), or None."""
    for line in unicodedata.normalize("NFC", text).splitlines():
        line = " ".join(line.split())
        if _DATELINE.match(line):  # "Thứ hai Ngày 1 Tháng 6 Năm 2020", "Thứ Ba, 28/05/2024 23:47"
            continue
        if len(line.split()) >= 3:
            return line if len(line) <= 120 else line[:119].rsplit(" ", 1)[0] + "…"
    return None


def starter_bank(
    bank_id: str,
    *,
    title: str | None = None,
    source_file: str | None = None,
    source_title: str | None = None,
) -> str:
    """The text of a new bank: every key explained in a comment, one example of each of the 8
    question types (tagged `mẫu`), and — with `source_file` — a source entry citing the article."""
    check_bank_id(bank_id)
    title = _clean(title) or M.STARTER_DEFAULT_TITLE.format(id=bank_id)
    if source_file:
        source = M.STARTER_SOURCE.format(
            title=yaml_scalar(_clean(source_title) or source_file), file=yaml_scalar(source_file)
        )
    else:
        source = M.STARTER_NO_SOURCE
    text = M.STARTER_BANK.format(id=bank_id, title=yaml_scalar(title), sources=source)
    bank, problems = load_text(text, f"{bank_id}.yaml")
    if bank is None:  # pragma: no cover - the template is tested
        raise AuthoringError(problems)
    return text


def read_article(path: Path) -> str:
    """An article's text (UTF-8), or one QuizError line."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        error = M.os_reason(exc) if isinstance(exc, OSError) else M.NOT_UTF8
        raise QuizError(M.ARTICLE_UNREADABLE.format(path=path, error=error)) from None


def article_target(article: Path, folder: Path) -> Path | None:
    """Where an article must be copied so banks in `folder` find it (`folder/sources/NAME`),
    or None when it is already there or beside them. Refuses a different file of the same name."""
    data = article.read_bytes()
    for candidate in (folder / "sources" / article.name, folder / article.name):
        if candidate.is_file() and candidate.read_bytes() == data:
            return None
    target = folder / "sources" / article.name
    if target.exists():
        raise QuizError(M.AUTHOR_SOURCE_CONFLICT.format(path=target))
    return target


def copy_article(article: Path, target: Path | None) -> Path | None:
    """Copy the article to `target` (never overwriting); the path written, or None."""
    if target is None:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, read_article(article), overwrite=False)
    return target


@dataclass(frozen=True)
class Created:
    path: Path  # the bank file written
    article: Path | None  # where the article was copied, if it was
    questions: int


def create_bank(
    folder: Path,
    bank_id: str,
    *,
    title: str | None = None,
    source: Path | None = None,
    source_title: str | None = None,
) -> Created:
    """Write the starter bank `folder/ID.yaml` (and copy the article): refuses an existing file or id."""
    from quiz.bank.library import display_path, load_paths

    check_bank_id(bank_id)
    target = folder / f"{bank_id}.yaml"
    if target.exists():
        raise QuizError(M.AUTHOR_EXISTS.format(path=target))
    if folder.is_dir():
        for other in load_paths([folder]).banks:
            if other.id == bank_id:
                raise QuizError(M.AUTHOR_BANK_ID_TAKEN.format(id=bank_id, path=display_path(other.path)))
    article_to = None
    if source is not None:
        source_title = source_title or article_headline(read_article(source))
        article_to = article_target(source, folder)
    text = starter_bank(
        bank_id,
        title=title,
        source_file=source.name if source is not None else None,
        source_title=source_title,
    )
    write_text_atomic(target, text, overwrite=False)
    copied = copy_article(source, article_to) if source is not None else None
    return Created(target, copied, STARTER_QUESTIONS)
