"""`quiz --help/--version` and `quiz bank check/list/show` as an author uses them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from quiz import __version__
from quiz.cli import app

DATA = Path(__file__).parent / "data"
GOOD = (DATA / "banks" / "good.yaml").read_text(encoding="utf-8")
runner = CliRunner()

BROKEN = """bank: hong
title: Ngân hàng hỏng
questions:
  - id: mot
    type: text
    prompt: Đảng ta có quan hệ với bao nhiêu chính đảng?
    anwser: "245"
  - id: hai
    type: number
    prompt: Bao nhiêu quốc gia?
    answer: 0111
  - id: ba
    type: choice
    prompt: Ai?
    choices: [Hoàng Bình Quân, Lê Hoài Trung]
    answer: Nguyễn Huy Tăng
  - id: bon
    type: truefalse
    prompt: Đúng không?
    answer: có
"""


def test_version_and_help_with_examples():
    assert runner.invoke(app, ["--version"]).output.strip() == f"quiz {__version__}"
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("study", "exam", "report", "bank"):
        assert command in result.output
    for command in (["study"], ["exam"], ["bank", "check"], ["bank", "list"], ["bank", "show"]):
        text = runner.invoke(app, [*command, "--help"]).output
        assert "Ví dụ" in text, command


def test_check_names_every_fault_with_its_line(tmp_path):
    bank = tmp_path / "hong.yaml"
    bank.write_text(BROKEN, encoding="utf-8")
    result = runner.invoke(app, ["bank", "check", str(bank)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "hong.yaml:" in line]
    assert [line.split(":")[1] for line in lines] == ["7", "11", "16", "20"], result.output
    assert "`answer`" in lines[0] and "answer: 111" in lines[1] and "Nguyễn Huy Tăng" in lines[2]
    assert "true" in lines[3]
    assert "✗ 4 lỗi trong 1 tệp" in result.output


def test_check_with_sources_verifies_quotes(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    ok = runner.invoke(app, ["bank", "check", str(tmp_path), "--sources", str(DATA / "sources")])
    assert ok.exit_code == 0, ok.output
    assert "1 trích dẫn đã đối chiếu nguồn" in ok.output
    (tmp_path / "good.yaml").write_text(
        GOOD.replace("245 chính đảng ở", "254 chính đảng ở"), encoding="utf-8"
    )
    bad = runner.invoke(app, ["bank", "check", str(tmp_path), "--sources", str(DATA / "sources")])
    assert bad.exit_code == 1
    assert "good.yaml:20: mau-day-du/so-chinh-dang-2018: trích dẫn không có nguyên văn" in bad.output
    assert "trích dẫn viết «Đảng ta có quan hệ với ⟨254 chính đảng ở…⟩»" in bad.output
    assert "bài báo viết «…Đảng ta có quan hệ với ⟨245 chính đảng ở…⟩»" in bad.output


def test_answer_missing_from_its_quote_is_an_error(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD.replace("answer: 245", "answer: 96"), encoding="utf-8")
    bad = runner.invoke(app, ["bank", "check", str(tmp_path), "--sources", str(DATA / "sources")])
    assert (
        bad.exit_code == 1
        and "good.yaml:17: mau-day-du/so-chinh-dang-2018: đáp án `96` không có" in bad.output
    )


def test_missing_source_file_with_sources_flag(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["bank", "check", str(tmp_path / "good.yaml"), "--sources", str(empty)])
    assert result.exit_code == 1 and "không tìm thấy tệp nguồn" in result.output


def test_bad_paths_are_usage_errors(tmp_path):
    result = runner.invoke(app, ["bank", "check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "không tìm thấy" in result.output
    result = runner.invoke(app, ["bank", "check", "--sources", str(tmp_path / "nope")])
    assert result.exit_code == 2
    result = runner.invoke(app, ["study", "--new", "-3"])
    assert result.exit_code == 2


def test_list_and_show(tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    listed = runner.invoke(app, ["bank", "list", "--banks", str(tmp_path)])
    assert listed.exit_code == 0
    assert "mau-day-du" in listed.output and "8" in listed.output and "good.yaml" in listed.output
    shown = runner.invoke(app, ["bank", "show", "mau-day-du", "truong-ban-2018", "--banks", str(tmp_path)])
    assert shown.exit_code == 0
    assert "a) Hoàng Bình Quân" in shown.output and "Đáp án: Hoàng Bình Quân" in shown.output
    whole = runner.invoke(app, ["bank", "show", "mau-day-du", "--banks", str(tmp_path)])
    assert whole.output.count("Đáp án:") == 8
    missing = runner.invoke(app, ["bank", "show", "mau-day-du", "khong-co", "--banks", str(tmp_path)])
    assert missing.exit_code == 2 and "không có câu `khong-co`" in missing.output


def test_bank_text_is_printed_literally_not_as_markup(tmp_path):
    text = GOOD.replace("Xếp các chỉ thị theo thứ tự thời gian", "Xếp [bold]các[/bold] chỉ thị")
    (tmp_path / "good.yaml").write_text(text, encoding="utf-8")
    shown = runner.invoke(app, ["bank", "show", "mau-day-du", "moc-thoi-gian", "--banks", str(tmp_path)])
    assert "Xếp [bold]các[/bold] chỉ thị" in shown.output


def test_real_subprocess_check_of_a_broken_bank(tmp_path):
    bank = tmp_path / "hong.yaml"
    bank.write_text(BROKEN, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "quiz", "bank", "check", str(bank)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stdout.count("hong.yaml:") == 4 and "Traceback" not in done.stderr
    assert "\x1b[" not in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "quiz", "bank", "show", "khong-co"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1 and "Traceback" not in bad.stderr


def test_help_does_not_import_questionary_or_fsrs():
    code = (
        "import sys; from quiz.cli import app; import typer.testing as t; t.CliRunner().invoke(app, ['--help']); "
        "print(sorted(m for m in ('questionary', 'prompt_toolkit', 'fsrs', 'yaml', 'sqlite3') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
