"""Regression tests from the code review: hostile banks, odd input, and promises of cli.md."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from quiz.bank.loader import load_text
from quiz.cli import app

DATA = Path(__file__).parent / "data"
GOOD = (DATA / "banks" / "good.yaml").read_text(encoding="utf-8")
runner = CliRunner()

TINY = """bank: {id}
title: Nhỏ
questions:
  - id: mot
    type: text
    prompt: Thủ đô?
    answer: Hà Nội
"""


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "QUIZ_BANKS": str(tmp_path / "banks"),
        "QUIZ_PROGRESS": str(tmp_path / "p.db"),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "NO_COLOR": "1",
        **extra,
    }


def test_escape_codes_in_keys_and_values_never_reach_the_terminal(tmp_path):
    bank = tmp_path / "esc.yaml"
    bank.write_text(
        "bank: esc\ntitle: t\nquestions:\n  - id: a\n    type: number\n    prompt: p\n"
        '    answer: "\\e[31m"\n    "\\e]0;pwned\\a": 1\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["bank", "check", str(bank)])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "<U+001B>" in result.output


def test_a_nesting_bomb_fails_fast():
    start = time.perf_counter()
    bank, problems = load_text("description: " + "[" * 200_000 + "]" * 200_000 + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 2
    assert bank is None and problems[0].code == "yaml_too_deep" and problems[0].line == 1


def test_a_huge_choice_list_is_refused_in_linear_time():
    choices = ", ".join(f"c{i}" for i in range(40_000))
    text = f"bank: x\ntitle: t\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    choices: [{choices}, c1]\n    answer: c1\n"
    start = time.perf_counter()
    bank, problems = load_text(text, "big.yaml")
    assert time.perf_counter() - start < 5
    assert (
        bank is None
        and any("2 đến 8" in str(p) for p in problems)
        and any("`c1` bị lặp" in str(p) for p in problems)
    )


def test_a_broken_bank_does_not_block_the_others(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    (banks / "broken.yaml").write_text("bank: hong\ntitle: [\n", encoding="utf-8")
    listed = runner.invoke(app, ["bank", "list"], env=env(tmp_path))
    assert listed.exit_code == 0 and "mau-day-du" in listed.output and "bỏ qua" in listed.output
    studied = runner.invoke(app, ["study", "mau-day-du", "--limit", "1"], input="245\n", env=env(tmp_path))
    assert studied.exit_code == 0 and "✓ Đúng" in studied.output
    checked = runner.invoke(app, ["bank", "check"], env=env(tmp_path))  # check still reports it, as a problem
    assert checked.exit_code == 1 and checked.exception is None or isinstance(checked.exception, SystemExit)
    assert "broken.yaml:3:" in checked.output and "Traceback" not in checked.output


def test_two_files_with_one_bank_id_are_refused(tmp_path):
    (tmp_path / "a.yaml").write_text(TINY.format(id="cung-id"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(TINY.format(id="cung-id"), encoding="utf-8")
    result = runner.invoke(
        app,
        ["study", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")],
        input="Hà Nội\n",
        env=env(tmp_path),
    )
    assert result.exit_code == 2 and "cung-id" in result.output


def test_a_symlinked_source_outside_the_bank_folder_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("mật khẩu: Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia", encoding="utf-8")
    banks = tmp_path / "banks"
    (banks / "sources").mkdir(parents=True)
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    (banks / "sources" / "000_b93974812a25e7f5.txt").symlink_to(secret)
    result = runner.invoke(app, ["bank", "check", str(banks), "--sources", str(banks / "sources")])
    assert (
        result.exit_code == 1
        and "không tìm thấy tệp nguồn" in result.output
        and "mật khẩu" not in result.output
    )


def test_answers_that_are_not_utf8_are_saved_not_lost(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    full = {**os.environ, **env(tmp_path), "LC_ALL": "C", "PYTHONIOENCODING": ""}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "study", "--limit", "1"],
        input=b"\xff\xfe245\n",
        capture_output=True,
        env=full,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    with sqlite3.connect(tmp_path / "p.db") as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_odd_digits_and_huge_numbers_are_read_again_or_wrong_not_crashes(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    # the cloze skipped (three empty lines); multi "²" cannot be read: asked again, "a" then; a date
    answers = ["245", "", "", "", "²", "a", "9" * 5000]
    result = runner.invoke(app, ["study", "--limit", "4"], input="\n".join(answers) + "\n", env=env(tmp_path))
    assert result.exit_code == 0, result.output
    assert "«²»" in result.output  # named with its hint, never saved
    with sqlite3.connect(tmp_path / "p.db") as conn:
        given = [a for (a,) in conn.execute("SELECT answer FROM reviews")]
    # nor is 5,000 nines a date: asked again too (then the input ends), never saved
    assert (
        "²" not in given and given[0] == "245" and len(given) == 2 and "Chưa đọc được ngày" in result.output
    )


def test_a_cloze_with_its_first_blank_empty_is_still_answered(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    answers = ["245", "", "thân chắc", "cành uyển chuyển"]
    result = runner.invoke(app, ["study", "--limit", "2"], input="\n".join(answers) + "\n", env=env(tmp_path))
    assert "✗ Sai" in result.output and "Bỏ qua" not in result.output
    assert "Đã trả lời 2 câu: 1 đúng, 0 gần đúng, 1 sai; 0 bỏ qua." in result.output


def test_quiz_seed_makes_exams_reproducible(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    outputs = [
        runner.invoke(
            app, ["exam", "--count", "8"], input="\n" * 30, env=env(tmp_path, QUIZ_SEED="abc")
        ).output
        for _ in range(2)
    ]
    assert outputs[0] == outputs[1] and "Câu 8/8" in outputs[0]


def test_pass_mark_compares_the_exact_score(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "a.yaml").write_text(
        "bank: ba-cau\ntitle: t\nquestions:\n"
        + "".join(
            f"  - id: c{i}\n    type: truefalse\n    prompt: Câu {i} đúng?\n    answer: true\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["exam", "--count", "3", "--pass-mark", "66.7"], input="đ\nđ\ns\n", env=env(tmp_path)
    )
    assert "Điểm: 2/3 câu đúng (67%)." in result.output and result.exit_code == 1
