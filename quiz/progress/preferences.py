"""The learner's preferences: a small JSON file in the user config folder.

    <user config dir>/quiz/preferences.json      e.g. ~/.config/quiz/preferences.json
    {"accept_no_diacritics": true}

Why a file and not a table in the progress store: the store is the learner's answer log and card
states, checked before every write and (later) merged between machines; a preference is neither,
needs no schema migration, and can be read and edited by hand. One user account = one learner,
as for the default progress store. Unknown keys are kept as they are (a newer quiz may add some);
a file that is not a JSON object is refused with one line, and never overwritten.

* `accept_no_diacritics` (default false): an answer typed without diacritics counts as correct
  (rated Good, the spelling still shown); set with `quiz config --accept-no-diacritics` /
  `--require-diacritics`.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quiz import messages as M
from quiz.errors import QuizError

FILE_NAME = "preferences.json"
_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class Preferences:
    accept_no_diacritics: bool = False


def default_path() -> Path:
    """`<user config dir>/quiz/preferences.json` (XDG_CONFIG_HOME on Linux)."""
    from platformdirs import user_config_dir

    return Path(user_config_dir("quiz", appauthor=False)) / FILE_NAME


def _read_raw(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = f.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise QuizError(M.PREFERENCES_UNREADABLE.format(path=path, reason=M.os_reason(exc))) from exc
    try:
        raw = json.loads(data.decode("utf-8")) if len(data) <= _MAX_BYTES else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raw = None
    if not isinstance(raw, dict):
        raise QuizError(M.PREFERENCES_DAMAGED.format(path=path))
    return raw


def load(path: Path | None = None) -> Preferences:
    """The learner's preferences (defaults when there is no file)."""
    raw = _read_raw(path or default_path())
    value = raw.get("accept_no_diacritics", False)
    return Preferences(accept_no_diacritics=value is True)


def save(prefs: Preferences, path: Path | None = None) -> Path:
    """Write `prefs` (keeping keys this version does not know), atomically; the path written."""
    target = path or default_path()
    raw = _read_raw(target)
    raw["accept_no_diacritics"] = prefs.accept_no_diacritics
    text = json.dumps(raw, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".preferences-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise QuizError(M.PREFERENCES_UNWRITABLE.format(path=target, reason=M.os_reason(exc))) from exc
    return target
