"""Load and validate question banks: YAML text in, `Bank` and a list of `Problem`s out.

Every rule of the bank format (docs/bank-format.md) lives here. Validation never stops at
the first fault: it collects every problem of every file, each naming file, line, bank and
question id, what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz import messages as M
from quiz.bank.location import display_path
from quiz.bank.model import Bank
from quiz.bank.safeyaml import (
    YamlProblem,
    parse,
    read_text,
)
from quiz.bank.validate import Problem, _Validator


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
