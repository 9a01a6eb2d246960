"""The bank library: where banks and the progress store live (cli.md, "Where things are"), finding
bank files under folders (`discover`, `load_paths`), and turning BANK arguments into banks (`resolve`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import quiz
from quiz import messages as M
from quiz import settings
from quiz.bank.loader import LoadResult, load_file
from quiz.bank.location import display_path
from quiz.bank.model import ID_PATTERN, Bank
from quiz.bank.validate import BANK_SUFFIXES, Problem
from quiz.errors import QuizError

PROGRESS_FILE = "progress.db"


def shipped_banks() -> Path:
    """The banks that come with the package (inside the wheel, or the clone's `banks/`)."""
    inside = Path(quiz.__file__).parent / "banks"
    return inside if inside.is_dir() else Path(quiz.__file__).parent.parent / "banks"


def banks_dir(override: str | Path | None = None) -> Path:
    """`--banks DIR`, else `QUIZ_BANKS`, else `./banks/` when it exists, else the shipped banks."""
    if override:
        return Path(override)
    if settings.current().banks:
        return Path(settings.current().banks or "")
    local = Path("banks")
    return local if local.is_dir() else shipped_banks()


def progress_path(override: str | Path | None = None) -> Path:
    """`--progress FILE`, else `QUIZ_PROGRESS`, else `./progress/progress.db` when `./progress/` exists,
    else the user data dir."""
    if override:
        return Path(override)
    if settings.current().progress:
        return Path(settings.current().progress or "")
    local = Path("progress")
    if local.is_dir():
        return local / PROGRESS_FILE
    from platformdirs import user_data_dir

    return Path(user_data_dir("quiz", appauthor=False)) / PROGRESS_FILE


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
            # an id names a bank of the banks folder, nothing else: never a folder of the current
            # directory that happens to have its name (`./tmp/` or `/tmp` from the root); `./tmp` says so
            found = [b for b in load_library() if b.id == name]
            broken = None if found else _broken_file(banks_dir, name, {b.path for b in load_library()})
            if broken is not None:
                shown = display_path(broken)
                raise QuizError(M.BANK_BROKEN.format(name=name, path=shown))
            if not found:
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


def _broken_file(banks_dir: Path, name: str, loaded: set[Path | None]) -> Path | None:
    """The file of the banks folder that holds bank `name` (by its file name or its `bank:` line)
    but does not load, if there is one."""
    import re

    line = re.compile(r"^bank:\s*[\"']?" + re.escape(name) + r"[\"']?\s*(#.*)?$", re.MULTILINE)
    for file in library_files(banks_dir) if banks_dir.is_dir() else []:
        if file in loaded:
            continue
        if file.stem == name:
            return file
        try:
            head = file.read_bytes()[:65536].decode("utf-8", "replace")
        except OSError:
            continue
        if line.search(head):
            return file
    return None


def library_files(banks_dir: Path, outside: Callable[[Path], None] | None = None) -> list[Path]:
    """The bank files of the banks folder, leaving out (and passing to `outside`) those that resolve,
    through a symlink, outside it: the library never reads a file a stranger's link points at."""
    root = banks_dir.resolve()
    files = []
    for file in discover([banks_dir]):
        if file.resolve().is_relative_to(root):
            files.append(file)
        elif outside is not None:
            outside(file)
    return files


def _load_named(path: Path) -> list[Bank]:
    result = load_paths([path])
    _raise_on_problems(result)
    return result.banks


def _load_library(banks_dir: Path, warn: Callable[[str], None] | None) -> list[Bank]:
    """All banks of the banks folder, leaving out files that resolve (via symlinks) outside it."""
    if not banks_dir.is_dir():
        return []
    result = load_paths(library_files(banks_dir))
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
