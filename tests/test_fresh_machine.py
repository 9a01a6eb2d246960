"""What a newcomer meets first: usage mistakes in Vietnamese, hermetic folders, README and CI that agree."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

ENGLISH = ("Usage", "Error", "Invalid value", "No such", "Missing", "Try ", "Input should", "Got unexpected")


@pytest.mark.parametrize(
    "args,expected",
    [
        (["exam", "--count", "abc"], "lỗi: --count/-c: `abc` không phải số nguyên — xem `quiz exam --help`"),
        (
            ["exam", "--pass-mark", "200"],
            "lỗi: --pass-mark: `200` phải từ 100 trở xuống — xem `quiz exam --help`",
        ),
        (["study", "--new", "-3"], "lỗi: --new/-n: `-3` phải từ 0 trở lên — xem `quiz study --help`"),
        (["study", "--retention", "x"], "lỗi: --retention: `x` không phải số — xem `quiz study --help`"),
        (
            ["study", "--nope"],
            "lỗi: không có tuỳ chọn --nope; có phải ý bạn là --new? — xem `quiz study --help`",
        ),
        (["study", "--zzzzzz"], "lỗi: không có tuỳ chọn --zzzzzz — xem `quiz study --help`"),
        (["exam", "--count"], "lỗi: tuỳ chọn --count cần một giá trị"),
        (["bank", "show"], "lỗi: thiếu BANK — xem `quiz bank show --help`"),
        (["nosuch"], "lỗi: không có lệnh `nosuch` — xem `quiz --help`"),
        (["bank", "nosuch"], "lỗi: không có lệnh `nosuch` — xem `quiz bank --help`"),
    ],
)
def test_usage_mistakes_are_one_vietnamese_line_exit_2(args, expected):
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(expected), lines
    assert not any(word in result.output for word in ENGLISH), result.output


def test_usage_mistake_from_a_real_process_has_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "exam", "--count", "\x1b[2Jabc"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "\x1b" not in done.stderr  # the typed value is shown escaped


def test_an_os_fault_is_one_line_in_our_words(tmp_path):
    too_long = tmp_path / ("a" * 300 + ".yaml")
    result = runner.invoke(app, ["bank", "check", str(too_long)])
    assert result.exit_code == 2 and not isinstance(result.exception, OSError)
    assert "tên tệp hoặc đường dẫn quá dài" in result.output and "Errno" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_tests_never_see_the_real_home():
    from platformdirs import user_cache_dir, user_data_dir

    home = Path(os.environ["HOME"])
    assert Path(user_data_dir("quiz")).is_relative_to(home)
    assert Path(user_cache_dir("quiz")).is_relative_to(home)
    assert Path(os.environ["QUIZ_PROGRESS"]).name == "default-progress.db"
    assert home != Path.home().parent and "pytest" in str(home)


def test_readme_shows_exactly_two_setup_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Cài đặt", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```sh\n(.+?)\n```", setup)
    assert len(commands) == 2, commands
    study, tests = commands
    for command in commands:
        assert not command.startswith(("pip ", "pip3 ")), (
            "a bare pip install fails on Debian/Ubuntu (PEP 668)"
        )
        assert "venv" in command
    assert "quiz study" in study and "[test]" in tests and "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and "constraints.txt" in ci and "mypy" in ci and "ruff format --check" in ci


def test_the_lock_pins_every_dependency_exactly():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, line
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    for needed in (
        "typer",
        "questionary",
        "pyyaml",
        "fsrs",
        "platformdirs",
        "rich",
        "pytest",
        "mypy",
        "ruff",
    ):
        assert needed in pins, needed
