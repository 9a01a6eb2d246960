"""How a path is shown to the learner: relative to the working folder when inside it."""

from __future__ import annotations

from pathlib import Path


def display_path(path: Path | None) -> str:
    if path is None:
        return "<bank>"
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
