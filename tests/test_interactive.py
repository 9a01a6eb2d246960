"""A real interactive session on a pseudo-terminal (pexpect): the session screens for every question type."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pexpect

DATA = Path(__file__).parent / "data"
DOWN, SPACE, ENTER, ESC = "\x1b[B", " ", "\r", "\x1b"


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


def go_on(child: pexpect.spawn) -> None:
    """After a verdict the screen waits for one key (Enter tiếp · d Tôi đúng · u hoàn tác): Enter."""
    child.expect("Enter tiếp")
    child.send(ENTER)


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
        go_on(child)
        child.expect("Điền 3 chỗ trống")  # cloze: one form, Enter moves to the next blank
        child.send("goc vung" + ENTER)  # no diacritics: almost
        child.send("thân chắc" + ENTER)
        child.send("cành uyển chuyển" + ENTER)
        child.expect("Gần đúng")
        child.expect("Thiếu dấu")
        go_on(child)
        child.expect("Chọn mọi đáp án đúng")  # multi: a checkbox
        child.send(SPACE + DOWN + SPACE + ENTER)
        go_on(child)
        child.expect("Câu 4/8")
        child.expect(r"Ngày \(ngày/tháng/năm\)")  # date, day first
        child.send("18-2-2019" + ENTER)
        child.expect("Đúng: 18/2/2019")
        go_on(child)
        child.expect("Trả lời:")  # text
        child.send("32/CT-TW" + ENTER)
        child.expect("Đúng: Chỉ thị 32-CT/TW")
        go_on(child)
        child.expect("Xếp theo đúng thứ tự")  # order: place the first, then the second; Enter answers
        child.send(ENTER)
        child.expect(r"\[1\]")
        child.send(ENTER)
        child.expect("Enter trả lời")
        child.send(ENTER)
        go_on(child)
        # the multi (two of its three right options ticked: wrong) comes back three questions later
        child.expect("↻ Hỏi lại")
        child.expect("Câu 3/8")
        child.expect("Chọn mọi đáp án đúng")
        child.send(ESC)  # skipped
        child.expect("Câu 7/8")
        child.expect("Chọn một đáp án")  # choice: a select
        child.send(ENTER)
        go_on(child)
        child.expect("Đúng hay sai")  # truefalse
        child.send(ENTER)  # the first option is "Đúng"
        child.expect("Đúng — mệnh đề đúng")
        # the wrong order comes back at the end (twice at most), so does the choice if Enter picked a
        # wrong one: Enter whatever they ask
        for _ in range(40):  # Enter whenever the screen waits (a redrawn line is not plain text)
            if child.expect([r"Đã trả lời (\d+) câu", pexpect.TIMEOUT], timeout=1) == 0:
                break
            child.send(ENTER)
        answered = int(child.match.group(1))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    saved = rows(tmp_path)
    assert len(saved) == answered and answered >= 10  # the order twice more
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
        go_on(child)
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
        go_on(child)
        child.expect(r"Đã trả lời 1 câu: 1 đúng")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    with sqlite3.connect(tmp_path / "progress.db") as conn:
        assert conn.execute("SELECT verdict, rating FROM reviews").fetchall() == [("correct", 3)]
