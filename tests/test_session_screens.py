"""The study and exam screens as a learner meets them in a real terminal (tmux), at 80 and 60 columns.

Every question type is answered with the keys shown on screen; what the terminal shows is read back
with `tmux capture-pane` (the scrollback included): long options whole, no word broken at the
right edge, no question id on screen; unreadable numbers and dates asked again and never saved;
the cloze form; nothing typed ahead reaching the next prompt or the shell; the countdown and the
time-out mid-question and the keys after a verdict (through tests/screens_driver.py, the screens
themselves; the study loop waits for that key after every verdict).
"""

from __future__ import annotations

import os
import re
import shlex
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
BANK = HERE / "data" / "screens" / "dai-hoi.yaml"
DRIVER = HERE / "screens_driver.py"
LONG_CHOICE = "Tiếp tục thực hiện nhất quán đường lối đối ngoại độc lập, tự chủ, hòa bình, hữu nghị, hợp tác và phát triển của Đại hội XIII"
LONG_MULTI = "Đối ngoại Đảng do Ban Đối ngoại Trung ương tham mưu và tổ chức thực hiện trên phạm vi cả nước"
LONG_ITEM = "Chỉ thị 28/CT-TW về đối ngoại nhân dân trong tình hình mới của Ban Bí thư Trung ương Đảng"
IDS = ["lua-chon-dai", "nhieu", "dung-sai", "so", "ngay", "dien", "thu-tu", "chu"]

# tmux is required, never skipped: `.ci/run` installs it where it is missing (README: `apt install tmux`).


class Terminal:
    """One program in a tmux pane of a given width, on a tmux server of its own."""

    def __init__(self, tmp_path: Path, width: int, command: list[str], env: dict[str, str]):
        self.socket = f"quiz-screens-{os.getpid()}-{width}-{tmp_path.name}"[:100]
        script = tmp_path / "run.sh"
        exports = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in env.items())
        # after the program: what reaches the shell is read and shown (typed-ahead keys must not)
        script.write_text(
            "#!/bin/bash\n" + exports + shlex.join(command) + '\necho "[exit $?]"\n'
            'read -t 2 leaked; echo "[shell read: $leaked]"\nsleep 600\n',
            encoding="utf-8",
        )
        script.chmod(0o755)
        self.width = width
        self._tmux("new-session", "-d", "-s", "t", "-x", str(width), "-y", "30", str(script))

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20)
        return done.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        self._tmux("send-keys", "-t", "t", *(["-l"] if literal else []), *keys)
        time.sleep(0.15)

    def type(self, text: str) -> None:
        self.keys(text, literal=True)

    def screen(self, history: bool = True) -> str:
        """What the pane shows, with its scrollback (tmux pushes a screen cleared from its first row
        into the scrollback, so a program drawn from the top row is read with `history=False`)."""
        return self._tmux("capture-pane", "-p", *(["-S", "-"] if history else []), "-t", "t")

    def wait(self, text: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never shown; the screen:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


def go_on(term: Terminal) -> None:
    """After a verdict the screen waits for one key (Enter tiếp · d Tôi đúng · u hoàn tác): Enter."""
    wait_now(term, "Enter tiếp")
    term.keys("Enter")


def wait_now(term: Terminal, text: str, timeout: float = 20) -> str:
    """`Terminal.wait` on what the pane shows now (not its scrollback, which holds earlier screens)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        shown = term.screen(history=False)
        if text in shown:
            return shown
        time.sleep(0.1)
    raise AssertionError(f"{text!r} not on screen:\n{term.screen(history=False)}")


def environment(tmp_path: Path) -> dict[str, str]:
    banks = tmp_path / "banks"
    banks.mkdir(exist_ok=True)
    (banks / BANK.name).write_bytes(BANK.read_bytes())
    return {
        "QUIZ_BANKS": str(banks),
        "QUIZ_PROGRESS": str(tmp_path / "progress.db"),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "QUIZ_SEED": "1",
        "QUIZ_CACHE": "0",
        "TERM": "xterm-256color",
        "HOME": os.environ["HOME"],
        "PATH": os.environ["PATH"],
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }


@pytest.fixture
def terminal(tmp_path: Path):
    opened: list[Terminal] = []

    def start(width: int, *args: str, driver: bool = False) -> Terminal:
        command = [sys.executable, str(DRIVER), *args] if driver else [sys.executable, "-m", "quiz", *args]
        term = Terminal(tmp_path, width, command, environment(tmp_path))
        opened.append(term)
        return term

    yield start
    for term in opened:
        term.close()


def saved(tmp_path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(tmp_path / "progress.db") as conn:
        return conn.execute("SELECT question, answer, verdict FROM reviews ORDER BY id").fetchall()


def words_whole(screen: str, width: int, texts: list[str]) -> None:
    """No line is wider than the terminal, each text is shown whole (wrapped lines joined), and no
    word of it is broken across two lines."""
    lines = [line.rstrip() for line in screen.splitlines()]
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    flat = re.sub(r"\s+", " ", " ".join(line.strip() for line in lines))
    for text in texts:
        assert text in flat, f"{text!r} not shown whole"
    shown_words = {w for line in lines for w in line.split()}
    known = {w for text in texts for w in text.split()}
    for word in known:  # a word cut at the edge would leave two pieces, neither of them the word
        pieces = [
            w for w in shown_words if w != word and len(w) > 1 and word.startswith(w) and w not in known
        ]
        assert word in shown_words or not pieces, f"{word!r} broken: {pieces}"


@pytest.mark.parametrize("width", [80, 60])
def test_every_type_answered_with_its_keys_words_whole_and_no_id_on_screen(terminal, tmp_path, width):
    term = terminal(width, "study")
    term.wait("Câu 1/8 · Đại hội XIII và công tác đối ngoại · chọn một")
    term.wait("c) Trưởng Ban")
    words_whole(term.screen(), width, [LONG_CHOICE])
    term.keys("Up", "Up")  # ↑ on the first option stays there: it never wraps round to "(bỏ qua)"
    term.type("c")  # the letter shown picks its option
    go_on(term)
    term.wait("Câu 2/8")
    term.wait("Chọn mọi đáp án đúng")
    term.type("a")  # ticks a only: no hidden select-all
    screen = term.wait("[x] a)")
    assert "[x] b)" not in screen and "[x] c)" not in screen
    term.type("3i")  # 3 ticks c; i inverts nothing
    term.type("2")  # 2 ticks b
    term.keys("Enter")
    term.wait("✓ Đúng: " + LONG_MULTI[:20])
    go_on(term)
    term.wait("Đúng hay sai?")
    term.type("đ")  # đ (or d) answers true
    term.wait("✓ Đúng — mệnh đề đúng")
    go_on(term)
    term.wait("Số (chính đảng):")
    term.type("abc")
    term.keys("Enter")
    term.wait("Chưa đọc được số")  # asked again in place, nothing saved
    term.keys("C-u")
    term.type("245")
    term.keys("Enter")
    term.wait("✓ Đúng: 245 chính đảng")
    go_on(term)
    term.wait("↻ Hỏi lại")  # the first, answered wrong, comes back three questions later
    wait_now(term, "gõ chữ cái hoặc số của đáp án")  # the select is up (its help line)
    term.keys("Escape")  # skipped this time
    term.wait("Ngày (ngày/tháng/năm):")
    term.type("tháng hai")
    term.keys("Enter")
    term.wait("Chưa đọc được ngày")
    term.keys("C-u")
    term.type("18/2/2019")
    term.keys("Enter")
    term.wait("✓ Đúng: 18/2/2019")
    go_on(term)
    term.wait("Điền 3 chỗ trống:")
    term.keys("Enter")  # Enter on the first blank moves to the second, it does not skip
    term.type("thân chắc")
    term.keys("Enter")
    term.type("cành uyển chuyển")
    term.keys("Up", "Up")  # back to the first blank
    term.type("gốc vững")
    term.keys("Tab", "Tab", "Enter")  # Enter on the last blank answers
    term.wait("✓ Đúng: gốc vững · thân chắc · cành uyển chuyển")
    go_on(term)
    term.wait("Xếp theo đúng thứ tự:")
    term.type("1")  # the numbers shown place their item next
    term.type("3")  # the last one places itself
    term.wait("[3] 2)")
    term.keys("Enter")
    term.wait("✓ Đúng: " + LONG_ITEM[:20])
    go_on(term)
    term.wait("Trả lời:")
    term.type("32-CT/TW")
    term.keys("Enter")
    go_on(term)
    screen = term.wait("[exit 0]")
    assert "Đã trả lời 8 câu: 7 đúng, 0 gần đúng, 1 sai; 1 bỏ qua." in screen
    assert not [i for i in IDS if f"· {i}" in screen or f"/{i}" in screen]  # never the id
    words_whole(screen, width, [LONG_CHOICE, LONG_MULTI, LONG_ITEM])
    rows = saved(tmp_path)
    assert [r[0] for r in rows] == IDS
    assert [r[2] for r in rows] == ["wrong", *["correct"] * 7]
    assert not [r for r in rows if r[1] in ("abc", "tháng hai")]  # unreadable input never saved


def test_typed_ahead_keys_reach_neither_the_next_prompt_nor_the_shell(terminal, tmp_path):
    term = terminal(80, "study", "--limit", "3")
    term.wait("Chọn một đáp án")
    term.type("cab")  # c answers; a and b typed ahead must not tick the next question's options
    go_on(term)
    screen = term.wait("Chọn mọi đáp án đúng")
    time.sleep(0.5)
    screen = term.screen()
    assert "[x]" not in screen
    term.keys("Escape")  # an explicit key skips
    term.wait("– Bỏ qua")
    term.wait("Đúng hay sai?")
    term.type("s")  # wrong: it comes back at the end, after the first one
    go_on(term)
    term.wait("↻ Hỏi lại")
    wait_now(term, "gõ chữ cái hoặc số của đáp án")
    term.keys("Escape")  # the first one again: skipped
    wait_now(term, "đ (hoặc d) đúng")  # the true/false screen is up
    term.type("đ")  # the last answer
    wait_now(term, "Enter tiếp")
    term.keys("Enter", "đột", "Enter")  # on: then keys typed ahead while the summary prints
    screen = term.wait("[shell read: ")
    term.wait("[shell read: ]")  # the shell read nothing
    assert "command not found" not in screen
    assert [r[2] for r in saved(tmp_path)] == ["wrong", "wrong", "correct"]


def test_escape_skips_and_a_cloze_with_every_blank_empty_is_skipped(terminal, tmp_path):
    term = terminal(60, "study", "--cram")
    term.wait("Chọn một đáp án")
    term.keys("Escape")
    for n in range(2, 6):  # multi, true/false, number, date: skipped with Esc
        term.wait(f"Câu {n}/8")
        time.sleep(0.3)
        term.keys("Escape")
    term.wait("Điền 3 chỗ trống:")
    term.keys("Enter", "Enter", "Enter")  # through every blank, none filled: skipped
    term.wait("Câu 7/8")
    term.keys("C-c")
    screen = term.wait("[exit 0]")
    assert "Đã dừng. Mọi câu đã trả lời đều đã được lưu." in screen
    assert "0 bỏ qua" not in screen and "6 bỏ qua" in screen
    assert saved(tmp_path) == []


@pytest.mark.parametrize("width", [80, 60])
def test_countdown_shows_the_time_left_and_the_limit_ends_the_question(terminal, width):
    term = terminal(width, str(BANK), "so", "ask", "3", driver=True)
    term.wait("⏱ Còn 0:03")
    term.type("24")  # half an answer: the limit does not wait for it
    term.wait("⏱ Còn 0:01")  # counting down
    term.wait("RESULT TIMED_OUT after 3.")
    screen = term.screen(history=False)
    assert "Còn" not in screen and "24" not in screen  # the finished screen keeps only the question


def test_the_limit_ends_a_choice_mid_question_too(terminal):
    term = terminal(80, str(BANK), "lua-chon-dai", "ask", "2", driver=True)
    term.wait("Chọn một đáp án")
    term.keys("Down")
    term.wait("RESULT TIMED_OUT after 2.")


@pytest.mark.parametrize(
    ("can", "keys", "result"),
    [
        (("1", "1"), ["d"], "overrule"),
        (("1", "1"), ["đ"], "overrule"),
        (("1", "1"), ["u"], "undo"),
        (("1", "1"), ["Enter"], "next"),
        (("0", "1"), ["d", "Enter"], "next"),  # "Tôi đúng" not offered: d does nothing
    ],
)
def test_after_a_verdict_one_key_overrules_undoes_or_goes_on(terminal, can, keys, result):
    term = terminal(60, str(BANK), "so", "after", *can, driver=True)
    screen = term.wait("Enter tiếp")
    assert ("d Tôi đúng" in screen) == (can[0] == "1") and "u hoàn tác" in screen
    for key in keys:
        if key in ("Enter",):
            term.keys(key)
        else:
            term.type(key)
    term.wait(f"RESULT {result} ")
    assert "Enter tiếp" not in term.screen(history=False)  # the hint line is gone once answered


def test_plain_on_a_terminal_shows_a_prompt_marker_and_hangs_options_under_their_text(terminal, tmp_path):
    term = terminal(60, "study", "--plain", "--limit", "2")
    screen = term.wait("c) Trưởng Ban")
    lines = screen.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("  a) Tiếp tục"))
    assert lines[first + 1].startswith("     lập,")  # the wrapped words hang under the option's text
    words_whole(screen, 60, [LONG_CHOICE])
    assert "›" in [line.strip() for line in term.wait("\n›").splitlines()]  # the prompt marker
    term.type("a")
    term.keys("Enter")
    term.wait("✓ Đúng: Tiếp tục")
    term.wait("Câu 2/2")
    term.keys("C-c")
    term.wait("[exit 0]")
    assert [r[2] for r in saved(tmp_path)] == ["correct"]
