"""Keep the test run hermetic: no test reads or writes the user's real folders.

Every user path the tool can reach (platformdirs' data and cache folders, `~`, the bank cache, the
progress store, the banks folder chosen by environment) points into the test's own temporary folder,
for CliRunner calls and for the subprocesses tests start (they inherit the environment).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_USER_VARIABLES = ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")


@pytest.fixture(autouse=True, scope="session")
def _user_folders(tmp_path_factory: pytest.TempPathFactory):
    """One fake home for the whole run; the bank cache in it (a session cache keeps tests fast)."""
    home = tmp_path_factory.mktemp("home")
    saved = {name: os.environ.get(name) for name in (*_USER_VARIABLES, "QUIZ_CACHE")}
    os.environ["HOME"] = str(home)
    for name in _USER_VARIABLES[1:]:
        os.environ[name] = str(home / name.lower())
    os.environ["QUIZ_CACHE"] = str(home / "bank-cache")
    yield home
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def _no_stray_quiz_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A developer's own QUIZ_* settings never leak into a test (the bank cache aside), and a test that
    names no progress store gets one of its own, never the clone's `progress/progress.db`; nor does
    any test share a preferences file."""
    for name in list(os.environ):
        if name.startswith("QUIZ_") and name != "QUIZ_CACHE":
            monkeypatch.delenv(name)
    monkeypatch.setenv("QUIZ_PROGRESS", str(tmp_path / "default-progress.db"))
    # scripted sessions answer new questions in bank order; tests of the interleaved order (a learner's
    # own, drawn from the store's seed) remove this (tests/test_session_plain.py)
    monkeypatch.setenv("QUIZ_ORDER", "bank")
    # the learner's preferences file (quiz config) is the test's own: a setting never leaks
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`pty`: drives a real pseudo-terminal; `slow`: over a few seconds. `pytest -m "not slow and not pty"`
    is the quick local loop; CI runs everything."""
    for item in items:
        path = Path(str(item.fspath)).name
        if path in _PTY_MODULES or "on_a_terminal" in item.name:
            item.add_marker(pytest.mark.pty)
        if path in _SLOW_MODULES or any(word in item.name for word in _SLOW_WORDS):
            item.add_marker(pytest.mark.slow)


_PTY_MODULES = {"test_interactive.py", "test_session_screens.py", "test_author_form.py"}
_SLOW_MODULES = {"test_packaging.py"}
_SLOW_WORDS = ("kill", "fails_fast", "never_raises", "two_processes", "concurrent")
