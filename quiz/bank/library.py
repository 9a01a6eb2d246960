"""Where banks and the progress store live (cli.md, "Where things are")."""

from __future__ import annotations

from pathlib import Path

import quiz
from quiz import settings

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
