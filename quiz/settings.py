"""The environment, read in one place: one frozen `Settings` object.

No other module reads `os.environ` for `QUIZ_*` (or `NO_COLOR`): they call `current()`, or are
given a `Settings`. Values are kept as written (None when unset); the module that owns a setting
interprets it and words its error (`QUIZ_NOW` → progress/clock.py, `QUIZ_RETENTION` →
progress/scheduler.py, …). `current()` reads the environment again only when it has changed, so a
process reads it once, and tests that set a variable see it.

| variable | meaning | read by |
|---|---|---|
| QUIZ_NOW | the current instant (tests, demos) | progress/clock.py |
| QUIZ_TZ | the learner's timezone (IANA name) | progress/clock.py, progress/report.py |
| QUIZ_SEED | reproducible question order | cli/study.py |
| QUIZ_ORDER | `bank`: new questions in bank order, not interleaved (scripts) | cli/study.py |
| QUIZ_FUZZ | `0` turns the scheduler's interval fuzzing off | cli/study.py |
| QUIZ_RETENTION | desired retention, 0.7 – 0.99 | progress/scheduler.py |
| QUIZ_CACHE | `0` = no bank cache, else the cache folder | bank/cache.py |
| QUIZ_MAX_BANK_BYTES | size cap of one bank file | bank/safeyaml.py |
| QUIZ_BANKS, QUIZ_PROGRESS | where banks and progress live | bank/library.py |
| NO_COLOR | no colour at all | ui/report_view.py |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    now: str | None = None  # QUIZ_NOW
    tz: str | None = None  # QUIZ_TZ
    seed: str | None = None  # QUIZ_SEED
    fuzz: str | None = None  # QUIZ_FUZZ
    retention: str | None = None  # QUIZ_RETENTION
    cache: str | None = None  # QUIZ_CACHE
    max_bank_bytes: str | None = None  # QUIZ_MAX_BANK_BYTES
    banks: str | None = None  # QUIZ_BANKS
    progress: str | None = None  # QUIZ_PROGRESS
    order: str | None = None  # QUIZ_ORDER
    no_color: str | None = None  # NO_COLOR

    @property
    def fuzzing(self) -> bool:
        return (self.fuzz if self.fuzz is not None else "1") != "0"

    @property
    def timezone_name(self) -> str:
        """QUIZ_TZ stripped ("" when unset: the system's local timezone)."""
        return (self.tz or "").strip()


VARIABLES: dict[str, str] = {
    f.name: "NO_COLOR" if f.name == "no_color" else f"QUIZ_{f.name.upper()}" for f in fields(Settings)
}

_cached: tuple[tuple[str | None, ...], Settings] | None = None


def from_environment(environ: os._Environ[str] | dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    return Settings(**{name: env.get(var) for name, var in VARIABLES.items()})


def current() -> Settings:
    """The settings of this process's environment (read again only when it changed)."""
    global _cached
    key = tuple(os.environ.get(var) for var in VARIABLES.values())
    if _cached is None or _cached[0] != key:
        _cached = (key, from_environment())
    return _cached[1]
