"""A real interactive session on a pseudo-terminal (pexpect): the session screens for every question type."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

DATA = Path(__file__).parent / "data"
DOWN, SPACE, ENTER = "\x1b[B", " ", "\r"


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "QUIZ_BANKS": str(DATA / "banks"),
        "QUIZ_PROGRESS": str(tmp_path / "progress.db"),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "TERM": "xterm-256color",
        "COLUMNS": "120",
        "LINES": "40",
    }
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable, ["-m", "quiz", *args], env=env, encoding="utf-8", dimensions=(40, 120), timeout=30
    )


def rows(tmp_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "progress.db") as conn:
        return conn.execute("SELECT question, verdict FROM reviews ORDER BY id").fetchall()


def test_every_question_type_answered_on_a_terminal(tmp_path):
    child = spawn(tmp_path, "study")
    try:
        child.expect("Câu 1/8")
        child.expect(r"Số \(chính đảng\):")  # number: a text input with the unit
        child.send("245" + ENTER)
        child.expect("Đúng: 245 chính đảng")
        child.expect("Điền 3 chỗ trống")  # cloze: one form, Enter moves to the next blank
        child.send("goc vung" + ENTER)  # no diacritics: almost
        child.send("thân chắc" + ENTER)
        child.send("cành uyển chuyển" + ENTER)
        child.expect("Gần đúng")
        child.expect("Thiếu dấu")
        child.expect("Chọn mọi đáp án đúng")  # multi: a checkbox
        child.send(SPACE + DOWN + SPACE + ENTER)
        child.expect("Câu 4/8")
        child.expect(r"Ngày \(ngày/tháng/năm\)")  # date, day first
        child.send("18-2-2019" + ENTER)
        child.expect("Đúng: 18/2/2019")
        child.expect("Trả lời:")  # text
        child.send("32/CT-TW" + ENTER)
        child.expect("Đúng: Chỉ thị 32-CT/TW")
        child.expect("Xếp theo đúng thứ tự")  # order: place the first, then the second; Enter answers
        child.send(ENTER)
        child.expect(r"\[1\]")
        child.send(ENTER)
        child.expect("Enter trả lời")
        child.send(ENTER)
        child.expect("Câu 7/8")
        child.expect("Chọn một đáp án")  # choice: a select
        child.send(ENTER)
        child.expect("Đúng hay sai")  # truefalse
        child.send(ENTER)  # the first option is "Đúng"
        child.expect("Đúng — mệnh đề đúng")
        child.expect(r"Đã trả lời 8 câu")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    saved = rows(tmp_path)
    assert len(saved) == 8
    verdicts = dict(saved)
    assert verdicts["so-chinh-dang-2018"] == "correct"
    assert verdicts["cay-tre-ban-sac"] == "almost"
    assert verdicts["chi-thi-32-ngay"] == "correct" and verdicts["chi-thi-32-ten"] == "correct"
    assert verdicts["dung-sai"] == "correct"


def test_ctrl_c_ends_with_a_summary_and_keeps_answers(tmp_path):
    child = spawn(tmp_path, "study")
    try:
        child.expect(r"Số \(chính đảng\):")
        child.send("245" + ENTER)
        child.expect("Điền 3 chỗ trống")
        child.sendcontrol("c")
        child.expect("Đã dừng. Mọi câu đã trả lời đều đã được lưu.")
        child.expect(r"Đã trả lời 1 câu: 1 đúng")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert rows(tmp_path) == [("so-chinh-dang-2018", "correct")]


def test_self_rate_default_keeps_the_rating_and_saves_the_answer(tmp_path):
    child = spawn(tmp_path, "study", "--self-rate", "--limit", "1")
    try:
        child.expect(r"Số \(chính đảng\):")
        child.send("245" + ENTER)
        child.expect("Bạn thấy câu này thế nào")
        child.send(ENTER)  # the default: "Vừa"
        child.expect(r"Đã trả lời 1 câu: 1 đúng")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    with sqlite3.connect(tmp_path / "progress.db") as conn:
        assert conn.execute("SELECT verdict, rating FROM reviews").fetchall() == [("correct", 3)]
