"""`quiz export …`, `quiz import`, `quiz progress export|merge` as a learner or teacher types them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from exchange_helpers import GOOD, studied_store
from typer.testing import CliRunner

from quiz.cli import app

runner = CliRunner()


def _banks(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "good.yaml").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_help_in_vietnamese_with_examples() -> None:
    for command in (
        ["export"],
        ["export", "anki"],
        ["export", "moodle-xml"],
        ["export", "gift"],
        ["export", "aiken"],
        ["export", "azota"],
        ["import"],
        ["progress"],
        ["progress", "export"],
        ["progress", "merge"],
    ):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0, (command, result.output)
        assert "Ví dụ" in result.output, command
    assert "export" in runner.invoke(app, ["--help"]).output
    assert "progress" in runner.invoke(app, ["--help"]).output


def test_export_every_format_names_the_file_and_what_was_skipped(tmp_path: Path) -> None:
    banks = _banks(tmp_path)
    store = studied_store(tmp_path / "p.db")
    store.close()
    env = {"QUIZ_NOW": "2026-11-01T00:00:00Z"}
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "export",
            "anki",
            "mau-day-du",
            "-o",
            str(out / "d.apkg"),
            "--with-progress",
            "--banks",
            str(banks),
            "--progress",
            str(tmp_path / "p.db"),
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert str(out / "d.apkg") in result.output and "8 câu" in result.output and "10 thẻ" in result.output
    assert "4 lượt ôn" in result.output
    for fmt, name, skipped in (
        ("moodle-xml", "d.xml", None),
        ("gift", "d.gift.txt", "8 câu → 10 câu GIFT"),
        ("aiken", "d.aiken.txt", "6 câu"),
        ("azota", "d.azota.txt", "6 câu"),
    ):
        result = runner.invoke(
            app, ["export", fmt, "mau-day-du", "-o", str(out / name), "--banks", str(banks)]
        )
        assert result.exit_code == 0, result.output
        assert (out / name).exists() and str(out / name) in result.output
        if skipped:
            assert skipped in result.output, result.output


def test_export_errors_are_one_line(tmp_path: Path) -> None:
    banks = _banks(tmp_path)
    result = runner.invoke(
        app, ["export", "gift", "khong-co", "-o", str(tmp_path / "x"), "--banks", str(banks)]
    )
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    result = runner.invoke(
        app, ["export", "moodle-xml", "-o", str(tmp_path / "x.xml"), "--order", "tron", "--banks", str(banks)]
    )
    assert result.exit_code == 2 and "--order" in result.output and "Traceback" not in result.output
    (tmp_path / "dir.xml").mkdir()
    result = runner.invoke(
        app, ["export", "gift", "-o", str(tmp_path / "dir.xml" / "a" / "\0"), "--banks", str(banks)]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_import_quizlet_then_bank_check_passes(tmp_path: Path) -> None:
    src = tmp_path / "bo.txt"
    src.write_text(
        "Chỉ thị 32 ban hành năm nào?\t2019\nĐảng ta quan hệ với bao nhiêu chính đảng?\t245\n",
        encoding="utf-8",
    )
    out = tmp_path / "banks" / "quizlet.yaml"
    result = runner.invoke(app, ["import", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output and "2 câu" in result.output and "chưa có trích dẫn" in result.output
    check = runner.invoke(app, ["bank", "check", str(out)])
    assert check.exit_code == 0, check.output
    again = runner.invoke(app, ["import", str(src), "-o", str(out)])
    assert again.exit_code == 2 and "--ghi-de" in again.output
    bad = runner.invoke(app, ["import", str(src), "-o", str(out), "--from", "word", "--ghi-de"])
    assert bad.exit_code == 2 and "word" in bad.output and len(bad.output.strip().splitlines()) == 1


def test_progress_export_and_merge_between_two_machines(tmp_path: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    studied_store(a).close()
    result = runner.invoke(app, ["progress", "export", "-o", str(tmp_path / "a.jsonl"), "--progress", str(a)])
    assert (
        result.exit_code == 0
        and str(tmp_path / "a.jsonl") in result.output
        and "5 câu trả lời" in result.output
    )
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 5
    result = runner.invoke(app, ["progress", "merge", str(tmp_path / "a.jsonl"), "--progress", str(b)])
    assert result.exit_code == 0, result.output
    assert "0 → 5" in result.output and str(b) in result.output
    result = runner.invoke(app, ["progress", "merge", str(tmp_path / "a.jsonl"), "--progress", str(b)])
    assert "5 → 5" in result.output and "truoc-khi-gop" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["progress", "merge", str(bad), "--progress", str(b)])
    assert result.exit_code == 2 and "bad.jsonl:1:" in result.output and "Traceback" not in result.output
    report = runner.invoke(app, ["report", "--json", "--progress", str(b), "--banks", str(_banks(tmp_path))])
    assert json.loads(report.output)["totals"]["reviews"] == 5


def test_real_subprocess_export(tmp_path: Path) -> None:
    banks = _banks(tmp_path)
    out = tmp_path / "x.apkg"
    env = {**os.environ, "QUIZ_BANKS": str(banks)}
    proc = subprocess.run(
        [sys.executable, "-m", "quiz", "export", "anki", "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.exists() and str(out) in proc.stdout
