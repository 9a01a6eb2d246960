"""`pip install .` ships the banks inside the package, so `quiz` finds them from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_wheel_carries_the_banks_and_quiz_finds_them_anywhere(tmp_path):
    # the build backend itself (the test extra installs it): a venv made --without-pip has no pip to ask
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(tmp_path.glob("quiz-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(site)
    shipped = sorted(p.name for p in (ROOT / "banks").glob("*.yaml"))
    assert shipped and all(f"quiz/banks/{name}" in names for name in shipped)
    assert any(n.startswith("quiz/banks/sources/") for n in names)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZ_")}
    env.update(PYTHONPATH=str(site), NO_COLOR="1")
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "bank", "list"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert str(site / "quiz" / "banks") in done.stdout
    assert all(name.removesuffix(".yaml") in done.stdout for name in shipped)
