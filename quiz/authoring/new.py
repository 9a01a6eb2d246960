"""A new bank file: the starter bank of `quiz bank new`, or a draft made from an article
(`quiz bank draft`), with the article copied where the bank finds it. Never overwrites a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz import messages as M
from quiz.authoring.add import article_headline, check_bank_id, starter_bank, write_text_atomic
from quiz.errors import QuizError

STARTER_QUESTIONS = 8  # one example per question type


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
    from quiz.bank.loader import display_path, load_paths

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


def draft_from_article(
    article: Path, bank_id: str | None = None, *, out: Path | None = None, title: str | None = None
) -> tuple[str, Created | None]:
    """A draft bank from an article: its text, and — with `out` — the file written (never overwritten)
    with the article copied beside it."""
    from quiz.authoring.draft import draft_bank
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
    write_text_atomic(out, drafted, overwrite=False)
    return drafted, Created(out, copy_article(article, article_to), 0)
