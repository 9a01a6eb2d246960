"""The bank library: where banks and the progress store live (cli.md, "Where things are"), finding
bank files under folders (`discover`, `load_paths`), and turning BANK arguments into banks (`resolve`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


def user_banks_dir() -> Path:
    """The learner's own banks outside a clone: `banks/` in the user data folder (platformdirs), where
    an upgrade of the package never deletes them."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("quiz", appauthor=False)) / "banks"


def _chosen_folder(override: str | Path | None) -> bool:
    """Was the banks folder chosen (`--banks`, `QUIZ_BANKS`, `./banks/`), rather than the shipped one?"""
    return bool(override) or bool(settings.current().banks) or Path("banks").is_dir()


def library_dirs(override: str | Path | None = None) -> list[Path]:
    """Every folder the library reads: the banks folder, and — when that is the shipped one (outside a
    clone) — the user's own banks folder too (`user_banks_dir`)."""
    folder = banks_dir(override)
    if _chosen_folder(override):
        return [folder]
    return [folder, user_banks_dir()]


def new_bank_dir(override: str | Path | None = None) -> Path:
    """Where `bank new` writes: the chosen banks folder, else (outside a clone) the user's banks folder —
    never inside the installed package."""
    return banks_dir(override) if _chosen_folder(override) else user_banks_dir()


def folders_label(folders: Path | Sequence[Path]) -> str:
    """One or more folders as they are named in a message: `a` or `a, b`."""
    if isinstance(folders, Path):
        return str(folders)
    return ", ".join(str(f) for f in folders)


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


def resolve(
    names: Iterable[str],
    banks_dir: Path | Sequence[Path],
    warn: Callable[[str], None] | None = None,
    remembered: dict[str, str] | None = None,
) -> list[Bank]:
    """Turn BANK arguments (bank id, YAML file, or folder) into valid banks; no names = every bank.

    `banks_dir` is the banks folder, or the library's folders (`library_dirs`). A bank id is looked up
    only inside them, never following a symlink out of it. A file of the
    banks folder that does not load is skipped with one line through `warn` (a stranger's broken bank
    must not block the others); without `warn` it raises. A file or folder named explicitly must load
    cleanly, and two banks with the same id cannot be studied together. `remembered` (bank id → the
    file it was studied from, `Store.bank_paths`) lets an id name a bank studied by path.
    """
    names = list(names)
    folders = [banks_dir] if isinstance(banks_dir, Path) else list(banks_dir)
    shown = folders_label(folders)
    library: list[Bank] | None = None

    def load_library() -> list[Bank]:
        nonlocal library
        if library is None:
            library = _load_library(folders, warn)
        return library

    if not names:
        if not load_library():
            raise QuizError(M.NO_BANKS.format(folder=shown))
        return load_library()
    chosen: list[Bank] = []
    for name in names:
        path = Path(name)
        if ID_PATTERN.match(name) and path.suffix not in BANK_SUFFIXES:
            # an id names a bank of the banks folder, nothing else: never a folder of the current
            # directory that happens to have its name (`./tmp/` or `/tmp` from the root); `./tmp` says so
            found = [b for b in load_library() if b.id == name]
            if not found and remembered and name in remembered and Path(remembered[name]).is_file():
                found = [b for b in _load_named(Path(remembered[name])) if b.id == name]
            loaded = {b.path for b in load_library()}
            broken = None if found else _broken_file(folders, name, loaded)
            if broken is not None:
                raise QuizError(M.BANK_BROKEN.format(name=name, path=display_path(broken)))
            if not found:
                ids = ", ".join(b.id for b in load_library()) or "—"
                raise QuizError(
                    M.UNKNOWN_BANK.format(name=name, folder=shown)
                    + "; "
                    + M.UNKNOWN_BANK_HINT.format(ids=ids)
                )
        elif path.exists():
            found = _load_named(path)
        else:
            raise QuizError(M.UNKNOWN_BANK.format(name=name, folder=shown))
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


def _broken_file(folders: Sequence[Path], name: str, loaded: set[Path | None]) -> Path | None:
    """The file of the banks folders that holds bank `name` (by its file name or its `bank:` line)
    but does not load, if there is one."""
    import re

    line = re.compile(r"^bank:\s*[\"']?" + re.escape(name) + r"[\"']?\s*(#.*)?$", re.MULTILINE)
    files = [file for folder in folders if folder.is_dir() for file in library_files(folder)]
    for file in files:
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
    _raise_on_problems(result, path)
    return result.banks


def _load_library(folders: Sequence[Path], warn: Callable[[str], None] | None) -> list[Bank]:
    """All banks of the library's folders, leaving out files that resolve (via symlinks) outside them."""
    files = [file for folder in folders if folder.is_dir() for file in library_files(folder)]
    if not files:
        return []
    result = load_paths(files)
    if result.problems and warn is None:
        _raise_on_problems(result)
    by_file: dict[str, list[Problem]] = {}
    for problem in result.problems:
        by_file.setdefault(problem.file, []).append(problem)
    for file, problems in by_file.items():
        warn(M.SKIPPED_BANK.format(file=file, count=len(problems), problem=problems[0]))  # type: ignore[misc]
    return result.banks


def _raise_on_problems(result: LoadResult, path: Path | None = None) -> None:
    """The first problem as one line, and the `bank check` command that lists them all (of `path`)."""
    if result.problems:
        import shlex

        first = str(result.problems[0])
        command = "quiz bank check" + (f" {shlex.quote(display_path(path))}" if path is not None else "")
        more = (
            ""
            if len(result.problems) == 1
            else f" (+{len(result.problems) - 1}; "
            + M.INVALID_BANKS.format(count=len(result.problems), command=command)
            + ")"
        )
        raise QuizError(first + more)


def find_remembered(
    remembered: dict[str, str], known: Iterable[str]
) -> tuple[list[Bank], list[tuple[str, str, str]]]:
    """Banks studied from files outside the library (`Store.bank_paths`: id → absolute path), found
    again: (the banks that still load from their file, [(id, path, why not)] for the others), where
    `why not` is `missing` (no such file now), `invalid` (it does not load) or `changed` (it holds
    another bank now). Ids in `known` (banks of the library) are left alone."""
    taken = set(known)
    found: list[Bank] = []
    lost: list[tuple[str, str, str]] = []
    for bank_id, path in sorted(remembered.items()):
        if bank_id in taken:
            continue
        file = Path(path)
        if not file.is_file():
            lost.append((bank_id, path, "missing"))
            continue
        try:
            bank, problems = load_file(file)
        except (QuizError, OSError):
            bank, problems = None, []
        if bank is None or problems:
            lost.append((bank_id, path, "invalid"))
        elif bank.id != bank_id:
            lost.append((bank_id, path, "changed"))
        else:
            found.append(bank)
            taken.add(bank_id)
    return found, lost
