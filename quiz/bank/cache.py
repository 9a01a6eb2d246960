"""A cache of validated banks, so that a large library loads in a blink (`quiz report`, `quiz study`).

A bank file is parsed and validated once; the result is kept as JSON (plain data, never code) under
the user's cache folder, keyed by the file's absolute path, size and modification time and by the
version of quiz that validated it. Any change to the file, or a new quiz, makes a fresh validation.
A cache file that cannot be read is ignored; one that cannot be written is skipped. `QUIZ_CACHE=0`
turns the cache off; `QUIZ_CACHE=DIR` puts it in DIR.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from quiz import __version__, settings
from quiz.bank.model import Bank, Question, Source

FORMAT = 3  # bump when the JSON layout or the validation rules change (2: siblings, unordered; 3: problems)


def cache_dir() -> Path | None:
    setting = settings.current().cache or ""
    if setting == "0":
        return None
    if setting:
        return Path(setting)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quiz", appauthor=False)) / "banks"


def entry(path: Path) -> tuple[Path, str] | None:
    """Where the cache of `path` lives and the key it must carry, or None when off or unusable."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        stat = path.stat()
        absolute = str(path.resolve())
    except OSError:
        return None
    key = f"{FORMAT}|{__version__}|{absolute}|{stat.st_size}|{stat.st_mtime_ns}"
    name = hashlib.sha256(absolute.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".json"
    return folder / name, key


def get(path: Path, where: tuple[Path, str] | None) -> Bank | None:
    """The cached bank for `path` if it is still valid, else None (`where` from `entry(path)`)."""
    if where is None:
        return None
    file, key = where
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("key") != key:
            return None
        return _bank(data["bank"], path)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def get_problems(where: tuple[Path, str] | None) -> list[dict[str, Any]] | None:
    """The problems remembered for a file that failed validation, if its size and time still match.

    A broken bank in the banks folder is read on every `study`, `exam`, `report` and `bank list`; it
    costs its validation once, like a good one. Each problem is a dict of `Problem` fields but `file`
    (the name shown depends on the current directory).
    """
    if where is None:
        return None
    file, key = where
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("key") != key or not isinstance(data.get("problems"), list):
            return None
        return [dict(p) for p in data["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def put_problems(where: tuple[Path, str] | None, problems: list[dict[str, Any]]) -> None:
    """Remember the problems of a file that failed validation (best effort, as `put`)."""
    _write(where, "problems", problems)


def put(where: tuple[Path, str] | None, bank: Bank) -> None:
    """Remember a bank that validated cleanly (best effort: a read-only cache is no error).

    `where` is taken (by `entry`) before the file is read, so a file edited while it was being
    validated is never cached under its new time.
    """
    _write(where, "bank", _plain(bank))


def _write(where: tuple[Path, str] | None, kind: str, value: Any) -> None:
    if where is None:
        return
    file, key = where
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary = file.with_suffix(f".{os.getpid()}.tmp")
        payload = json.dumps({"key": key, kind: value}, ensure_ascii=False)
        temporary.write_text(payload, encoding="utf-8")
        os.replace(temporary, file)
    except OSError:
        return


def _plain(bank: Bank) -> dict[str, Any]:
    questions = []
    for q in bank.questions:
        item = asdict(q)
        item["answer"] = str(q.answer) if isinstance(q.answer, Decimal) else q.answer
        item["tolerance"] = str(q.tolerance)
        questions.append(item)
    return {
        "id": bank.id,
        "title": bank.title,
        "language": bank.language,
        "description": bank.description,
        "line": bank.line,
        "sources": [asdict(s) for s in bank.sources],
        "questions": questions,
    }


def _bank(data: dict[str, Any], path: Path) -> Bank:
    questions = []
    for item in data["questions"]:
        answer = item["answer"]
        if item["type"] == "number":
            answer = Decimal(answer)
        elif isinstance(answer, list):
            answer = tuple(answer)
        questions.append(
            Question(
                **{
                    **item,
                    "answer": answer,
                    "tolerance": Decimal(item["tolerance"]),
                    "choices": tuple(item["choices"]),
                    "accept": tuple(item["accept"]),
                    "items": tuple(item["items"]),
                    "tags": tuple(item["tags"]),
                    "siblings": tuple(item.get("siblings", ())),
                    "unordered": tuple(tuple(group) for group in item.get("unordered", ())),
                    "key_lines": tuple((k, n) for k, n in item["key_lines"]),
                }
            )
        )
    return Bank(
        id=data["id"],
        title=data["title"],
        questions=tuple(questions),
        language=data["language"],
        description=data["description"],
        sources=tuple(Source(**s) for s in data["sources"]),
        path=path,
        line=data["line"],
    )
