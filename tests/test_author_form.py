"""The `quiz bank add` form in a real terminal (tmux) at 80 and 60 columns (issue 18): a long message
wraps instead of being cut off, `<` goes back to an earlier field, what was typed is kept after an
error, one number convention (1.000, 0,6) in hints, errors and parsing, and the bank's own tag
spelling is offered."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path

import pytest

from quiz import messages as M
from quiz.bank.loader import load_file

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "sources" / "000_b93974812a25e7f5.txt"
QUOTE = "Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia"

# tmux is required, never skipped: `.ci/run` installs it where it is missing. Each screen runs on a tmux
# server of its own (`-L`), never the developer's.


class Screen:
    """One command in a detached tmux window of a fixed width; the screen read as the author sees it."""

    def __init__(self, tmp_path: Path, width: int, *args: str):
        self.name = f"quiz-{uuid.uuid4().hex[:8]}"
        self.width = width
        env = {"TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8", "HOME": os.environ["HOME"]}
        for key in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "QUIZ_CACHE", "PATH"):
            if key in os.environ:
                env[key] = os.environ[key]
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        command = (
            f"cd {shlex.quote(str(tmp_path))} && env {exports} {shlex.quote(sys.executable)} -m quiz "
            + " ".join(shlex.quote(a) for a in args)
        )
        command += "; echo EXIT=$?; sleep 60"
        subprocess.run(
            [
                "tmux",
                "-L",
                self.name,
                "new-session",
                "-d",
                "-s",
                self.name,
                "-x",
                str(width),
                "-y",
                "50",
                command,
            ],
            check=True,
        )

    def text(self) -> str:
        out = subprocess.run(
            ["tmux", "-L", self.name, "capture-pane", "-p", "-J", "-S", "-200", "-t", self.name],
            capture_output=True,
            text=True,
        )
        return out.stdout

    def lines(self) -> list[str]:
        out = subprocess.run(
            ["tmux", "-L", self.name, "capture-pane", "-p", "-S", "-200", "-t", self.name],
            capture_output=True,
            text=True,
        )
        return out.stdout.splitlines()

    def joined(self) -> str:
        """The screen's text with line wraps undone (a wrapped word boundary reads as a space)."""
        return " ".join(" ".join(self.lines()).split())

    def wait(self, text: str, timeout: float = 20) -> None:
        wanted = " ".join(text.split())
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            screen = self.joined()
            if wanted in screen or wanted.replace(" ", "") in screen.replace(" ", ""):
                return
            time.sleep(0.15)
        raise AssertionError(f"not on screen: {text!r}\n" + "\n".join(self.lines()))

    def count(self, text: str) -> int:
        return self.joined().replace(" ", "").count(text.replace(" ", ""))

    def send(self, *keys: str) -> None:
        for key in keys:
            if key in ("Enter", "Down", "Up", "C-u", "Space", "BSpace"):
                subprocess.run(["tmux", "-L", self.name, "send-keys", "-t", self.name, key], check=True)
            else:
                subprocess.run(["tmux", "-L", self.name, "send-keys", "-t", self.name, "-l", key], check=True)
            time.sleep(0.25)

    def type(self, text: str) -> None:
        """Clear the field, type `text`, press Enter."""
        self.send("C-u")
        if text:
            self.send(text)
        self.send("Enter")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.name, "kill-server"], capture_output=True)


@pytest.fixture
def grounded(tmp_path: Path) -> Path:
    (tmp_path / "banks" / "sources").mkdir(parents=True)
    shutil.copy(ARTICLE, tmp_path / "banks" / "sources" / ARTICLE.name)
    shutil.copy(DATA / "banks" / "good.yaml", tmp_path / "banks" / "good.yaml")
    return tmp_path


@pytest.mark.parametrize("width", [80, 60])
def test_the_form_wraps_messages_steps_back_and_keeps_what_was_typed(grounded, width):
    bank = grounded / "banks" / "good.yaml"
    before = bank.read_bytes()
    screen = Screen(grounded, width, "bank", "add", "mau-day-du", "--banks", "banks")
    try:
        screen.wait("Loại câu hỏi")
        screen.wait(M.FORM_INTRO)
        screen.send("Down", "Down", "Down", "Enter")  # choice, multi, text, number
        screen.wait("Câu hỏi (như người học thấy)")
        screen.type("Đảng ta có quan hệ với bao nhiêu chính đảng?")
        screen.wait("ví dụ 245, 1.000 hoặc 0,6")  # the hint's convention…
        screen.type("bảymươi")
        # …is the error's: the whole message on screen, wrapped at words, the input as typed
        screen.wait(M.FORM_RETRY.format(message=M.AUTHOR_NOT_A_NUMBER.format(value="bảymươi")))
        assert all(len(line) <= width for line in screen.lines())
        assert "answer: bảymươi" not in screen.joined()
        assert screen.count("0,6): bảymươi") == 2  # asked again with what was typed still in it
        screen.type("75")
        screen.wait("Sai số cho phép")
        screen.type("")
        screen.wait("Đơn vị")
        screen.type("chính đảng")
        screen.wait("Nguồn")
        screen.send("Enter")  # the bank's one source
        screen.wait("Trích dẫn nguyên văn")
        screen.type(QUOTE)
        screen.wait("đáp án `75` không có trong trích dẫn")
        # back to the answer: quote → source → unit → tolerance → answer
        screen.type("<")
        screen.wait(M.FORM_BACK_CHOICE)
        screen.send("Down", "Down", "Enter")  # source, no source, back
        screen.wait("chính đảng")
        screen.type("<")  # unit
        screen.type("<")  # tolerance
        screen.wait("0,6): 75")  # the answer field, 75 still in it
        screen.type("245")
        screen.send("Enter")  # tolerance (empty)
        screen.wait("(Enter để bỏ qua): chính đảng")
        screen.send("Enter")  # unit kept
        screen.send("Enter")  # source kept
        screen.wait(f"có chứa đáp án (Enter để bỏ qua): {QUOTE}")  # the quote kept
        screen.send("Enter")
        screen.wait("Giải thích")
        screen.type("Số liệu 8/2018.")
        screen.wait("Thẻ đã có trong ngân hàng: số-liệu")
        screen.type("so lieu")
        screen.wait("ngân hàng đã có thẻ «số-liệu» (bạn gõ «so lieu»)")
        screen.send("Enter")  # the bank's spelling, filled in
        screen.wait("Mã câu hỏi")
        screen.send("Enter")
        screen.wait("Người học sẽ thấy")
        screen.wait(M.FORM_CONFIRM_BACK)
        screen.send("Enter")
        screen.wait("Đã thêm câu")
        screen.wait("EXIT=0")
    finally:
        screen.close()
    assert bank.read_bytes().startswith(before)
    loaded, problems = load_file(bank)
    assert problems == [] and loaded is not None
    added = loaded.questions[-1]
    assert added.answer == Decimal(245) and added.unit == "chính đảng" and added.quote == QUOTE
    assert added.tags == ("số-liệu",) and added.id == "dang-ta-quan-he-chinh-dang"


@pytest.mark.parametrize("width", [80, 60])
def test_a_duplicate_choice_keeps_the_others_and_the_list_can_be_edited(grounded, width):
    bank = grounded / "banks" / "good.yaml"
    screen = Screen(grounded, width, "bank", "add", "mau-day-du", "--banks", "banks")
    try:
        screen.wait("Loại câu hỏi")
        screen.send("Enter")  # choice
        screen.wait("Câu hỏi (như người học thấy)")
        screen.type("Ai là Trưởng Ban Đối ngoại Trung ương năm 2018?")
        screen.type("Hoàng Bình Quân")
        screen.type("Lê Hoài Trung")
        screen.type("hoàng bình quân")  # the same as choice 1
        screen.wait(M.FORM_DUPLICATE.format(value="hoàng bình quân", n=1))
        screen.wait("Lựa chọn 3 (Enter để kết thúc): hoàng bình quân")  # kept to edit
        screen.type("Nguyễn Văn Son")
        screen.type("<")  # edit the entry before: choice 3 again, filled in
        screen.wait("Lựa chọn 3 (Enter để kết thúc): Nguyễn Văn Son")
        screen.type("Nguyễn Văn Sơn")
        screen.type("")  # end of the list
        screen.wait("Đáp án đúng")
        screen.send("Enter")  # Hoàng Bình Quân
        screen.wait("Nguồn")
        screen.send("Down", "Enter")  # no source
        for _ in range(3):  # quote, explanation, tags: empty
            screen.type("")
        screen.wait("Mã câu hỏi")
        screen.send("Enter")
        screen.wait(M.FORM_CONFIRM_ADD)
        screen.send("Enter")
        screen.wait("EXIT=0")
    finally:
        screen.close()
    loaded, problems = load_file(bank)
    assert problems == [] and loaded is not None
    added = loaded.questions[-1]
    assert added.choices == ("Hoàng Bình Quân", "Lê Hoài Trung", "Nguyễn Văn Sơn")
    assert added.answer == "Hoàng Bình Quân"
    assert "2018" not in added.id and "hoang" not in added.id  # the id names the question, not its answer
