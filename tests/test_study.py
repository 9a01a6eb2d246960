"""`quiz study` and `quiz exam` as a learner (or a script) uses them: plain sessions over simulated days,
kill -9 in the middle, two sessions at once, bad stores, edited and deleted questions."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.cli import app

DATA = Path(__file__).parent / "data"
GOOD = DATA / "banks" / "good.yaml"

# The right answers to good.yaml, in bank order (the order new questions are introduced).
RIGHT = [
    "245",
    "gốc vững",
    "thân chắc",
    "cành uyển chuyển",
    "Đối ngoại Đảng; Ngoại giao Nhà nước; Đối ngoại nhân dân",
    "18/2/2019",
    "32/CT-TW",
    "Chỉ thị 28/CT-TW; Chỉ thị 32-CT/TW; Chỉ thị 38/CT-TW",
    "Hoàng Bình Quân",
    "đ",
]
# Wrong answers to the same questions (cloze: three blanks).
WRONG = [
    "111",
    "gốc chắc",
    "thân vững",
    "cành mềm",
    "Đối ngoại quốc phòng",
    "19/9/2019",
    "38/CT-TW",
    "Chỉ thị 38/CT-TW; Chỉ thị 32-CT/TW; Chỉ thị 28/CT-TW",
    "Lê Hoài Trung",
    "s",
]


@pytest.fixture
def env(tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "good.yaml").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    values = {
        "QUIZ_BANKS": str(banks),
        "QUIZ_PROGRESS": str(tmp_path / "progress.db"),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "QUIZ_TZ": "Asia/Ho_Chi_Minh",
        "NO_COLOR": "1",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


IDS = [
    "so-chinh-dang-2018",
    "cay-tre-ban-sac",
    "ba-tru-cot",
    "chi-thi-32-ngay",
    "chi-thi-32-ten",
    "moc-thoi-gian",
    "truong-ban-2018",
    "dung-sai",
]
CLOZE_TEXT = 'Bản sắc "cây tre Việt Nam": "____(1), ____(2), ____(3)"'


def asked_ids(output: str) -> list[str]:
    """The questions asked, in order, found by the prompt under each header (no id is on screen)."""
    from quiz.bank.loader import load_file
    from quiz.ui.render import question_lines

    bank, _ = load_file(DATA / "banks" / "good.yaml")
    assert bank is not None
    by_prompt = {question_lines(q, options=False, kind=False)[0]: q.id for q in bank.questions}
    lines = output.splitlines()
    return [by_prompt[lines[i + 1]] for i, line in enumerate(lines) if line.startswith("Câu ")]


def study(*args: str, answers: list[str] | None = None, now: str | None = None, monkeypatch=None):
    if now and monkeypatch:
        monkeypatch.setenv("QUIZ_NOW", now)
    text = "\n".join(answers or []) + ("\n" if answers else "")
    return CliRunner().invoke(app, ["study", *args], input=text)


def reviews(env) -> list[tuple]:
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        return conn.execute("SELECT question, verdict, rating, mode FROM reviews ORDER BY id").fetchall()


def test_first_session_asks_new_questions_and_saves_every_answer(env):
    result = study(answers=RIGHT)
    assert result.exit_code == 0, result.output
    assert "Câu 1/8 · Ngân hàng mẫu đủ mọi loại câu hỏi · điền số" in result.output
    assert not [q for q in IDS if q in result.output]  # ids can give answers away: never on screen
    assert result.output.count("✓ Đúng") == 8
    assert "Đã trả lời 8 câu: 8 đúng, 0 gần đúng, 0 sai; 0 bỏ qua." in result.output
    assert "Trích dẫn: «Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia»" in result.output
    rows = reviews(env)
    assert len(rows) == 8 and {r[1] for r in rows} == {"correct"} and {r[2] for r in rows} == {3}
    assert "\x1b[" not in result.output  # piped: no colour


def test_verdicts_almost_and_wrong_are_rated_hard_and_again(env):
    answers = ["245 chinh dang", "goc vung", "than chac", "canh uyen chuyen", *WRONG[4:]]
    result = study(answers=answers)
    assert result.exit_code == 0, result.output
    rows = dict((q, (v, r)) for q, v, r, _ in reviews(env))
    assert rows["so-chinh-dang-2018"] == ("correct", 3)  # the unit is text, the number is right
    assert rows["cay-tre-ban-sac"] == ("almost", 2)  # typed without diacritics
    assert rows["chi-thi-32-ngay"] == ("wrong", 1)
    assert "≈ Gần đúng" in result.output and "✗ Sai. Đáp án: 18/2/2019" in result.output


def test_daily_new_limit_counts_questions_already_introduced_today(env, monkeypatch):
    first = study("--new", "3", answers=RIGHT[:1] + RIGHT[1:4] + RIGHT[4:5])
    assert "3 câu: 0 đến hạn, 3 mới" in first.output
    again = study("--new", "3", answers=RIGHT)
    assert "hết lượt câu mới hôm nay" in again.output and len(reviews(env)) == 3
    tomorrow = study(
        "--new", "3", answers=RIGHT[5:], now="2026-11-24T08:00:00+07:00", monkeypatch=monkeypatch
    )
    assert "3 mới" in tomorrow.output


def test_wrong_answers_come_back_sooner_than_right_ones(env, monkeypatch):
    # everything right but the cloze; it comes back after three others (skipped then: three empty blanks)
    answers = RIGHT[:1] + WRONG[1:4] + RIGHT[4:7] + ["", "", ""] + RIGHT[7:]
    first = study(answers=answers)
    assert first.output.count("↻ Hỏi lại") == 1 and first.output.count("✓ Đúng") == 7
    # Five minutes later only the wrong one (FSRS relearning step: 1 minute) is due again.
    later = study(answers=RIGHT[1:4], now="2026-11-23T08:05:00+07:00", monkeypatch=monkeypatch)
    assert "1 câu: 1 đến hạn, 0 mới" in later.output and CLOZE_TEXT in later.output
    # An hour later everything is due again, the weakest first: the cloze answered wrong.
    day2 = study(
        answers=[*RIGHT[1:4], RIGHT[0], *RIGHT[4:]], now="2026-11-23T09:00:00+07:00", monkeypatch=monkeypatch
    )
    assert "8 câu: 8 đến hạn" in day2.output
    assert "Câu 1/8 · Ngân hàng mẫu đủ mọi loại câu hỏi · điền chỗ trống" in day2.output
    assert day2.output.index(CLOZE_TEXT) < day2.output.index("Câu 2/8") and day2.output.count("✓ Đúng") == 8
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        due = dict(conn.execute("SELECT question, due FROM cards"))
    assert due["so-chinh-dang-2018"] > "2026-11-24"  # graduated: at least a day away
    assert due["cay-tre-ban-sac"] < due["so-chinh-dang-2018"]  # the one that was wrong comes back sooner
    # A week later the graduated questions are due again.
    week = study(answers=[""] * 8, now="2026-11-30T08:00:00+07:00", monkeypatch=monkeypatch)
    assert "đến hạn" in week.output and "Đảng ta có quan hệ với bao nhiêu chính đảng?" in week.output


def test_empty_line_skips_and_end_of_input_ends_with_summary(env):
    result = study(answers=["", "gốc vững", "thân chắc", "cành uyển chuyển"])
    assert "– Bỏ qua. Đáp án: 245 chính đảng" in result.output
    assert "Đã dừng. Mọi câu đã trả lời đều đã được lưu." in result.output
    assert "Đã trả lời 1 câu: 1 đúng, 0 gần đúng, 0 sai; 1 bỏ qua." in result.output
    assert [r[0] for r in reviews(env)] == ["cay-tre-ban-sac"]
    assert result.exit_code == 0


def test_tag_filter_ignores_diacritics(env):
    result = study("--tag", "so-lieu", answers=["245"])
    assert "1 câu: 0 đến hạn, 1 mới" in result.output
    missing = study("--tag", "khong-co")
    assert missing.exit_code == 2 and "không có câu hỏi nào khớp" in missing.output


def test_cram_asks_everything_regardless_of_schedule(env):
    study(answers=RIGHT)
    result = study("--cram", "--limit", "2", answers=RIGHT[:4])
    assert "Ôn tự do 2 câu" in result.output and len(reviews(env)) == 10


def test_limit_caps_the_session(env):
    result = study("--limit", "2", answers=RIGHT)
    assert "2 câu: 0 đến hạn, 2 mới" in result.output and len(reviews(env)) == 2


def test_edited_question_keeps_its_history_and_deleted_one_is_kept(env, monkeypatch):
    study(answers=RIGHT)
    bank = Path(env["QUIZ_BANKS"]) / "good.yaml"
    text = bank.read_text(encoding="utf-8")
    text = text.replace(
        "Ai là Trưởng Ban Đối ngoại Trung ương năm 2018?", "Năm 2018, ai là Trưởng Ban Đối ngoại Trung ương?"
    )
    start = text.index("  - id: dung-sai")
    bank.write_text(text[:start], encoding="utf-8")  # delete the last question
    result = study("--cram", answers=RIGHT, now="2026-11-24T08:00:00+07:00", monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert "Ôn tự do 7 câu" in result.output
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        prints = conn.execute(
            "SELECT fingerprint FROM reviews WHERE question = 'truong-ban-2018' ORDER BY id"
        ).fetchall()
        deleted = conn.execute("SELECT count(*) FROM reviews WHERE question = 'dung-sai'").fetchone()[0]
        card = conn.execute("SELECT reps FROM cards WHERE question = 'truong-ban-2018'").fetchone()[0]
    assert len(prints) == 2 and prints[0] != prints[1]  # same question id, the fingerprint shows the edit
    assert card == 2  # its schedule went on from the first review
    assert deleted == 1  # a removed question's history stays


@pytest.mark.parametrize("content", [b"this is not a database\n" * 10, b""])
def test_a_store_that_is_not_ours_is_refused_and_untouched(env, content):
    path = Path(env["QUIZ_PROGRESS"])
    path.write_bytes(content)
    result = study(answers=RIGHT)
    if content:
        assert result.exit_code == 2
        assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
        assert path.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused(env):
    path = Path(env["QUIZ_PROGRESS"])
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    before = path.read_bytes()
    result = study(answers=RIGHT)
    assert result.exit_code == 2 and "progress.db" in result.output
    assert path.read_bytes() == before


def test_unknown_bank_is_one_clear_line(env):
    result = study("khong-ton-tai")
    assert result.exit_code == 2
    assert "không tìm thấy ngân hàng `khong-ton-tai`" in result.output and "mau-day-du" in result.output


def test_exam_same_seed_same_questions_and_score(env):
    def order(output: str) -> list[str]:  # each header with the prompt under it
        lines = output.splitlines()
        return [f"{line} {lines[i + 1]}" for i, line in enumerate(lines) if line.startswith("Câu ")]

    first = CliRunner().invoke(app, ["exam", "--count", "5", "--seed", "7"], input="\n" * 20)
    second = CliRunner().invoke(app, ["exam", "--count", "5", "--seed", "7"], input="\n" * 20)
    other = CliRunner().invoke(app, ["exam", "--count", "5", "--seed", "8"], input="\n" * 20)
    # five questions, then the five skipped ones once more at the end (nothing shown before the end)
    assert order(first.output) == order(second.output) and len(order(first.output)) == 10
    assert order(first.output) != order(other.output)
    assert "Điểm: 0/5 câu đúng (0%)." in first.output and "✓ Đúng" not in first.output


RIGHT_BY_ID = {
    "so-chinh-dang-2018": ["245"],
    "cay-tre-ban-sac": RIGHT[1:4],
    "ba-tru-cot": [RIGHT[4]],
    "chi-thi-32-ngay": [RIGHT[5]],
    "chi-thi-32-ten": [RIGHT[6]],
    "moc-thoi-gian": [RIGHT[7]],
    "truong-ban-2018": [RIGHT[8]],
    "dung-sai": [RIGHT[9]],
}


def test_exam_results_are_saved_and_pass_mark_sets_exit_code(env):
    dry = CliRunner().invoke(app, ["exam", "--count", "8", "--seed", "1"], input="\n" * 20)
    order = asked_ids(dry.output)[:8]  # the skipped ones come back after
    Path(env["QUIZ_PROGRESS"]).unlink()
    answers = [a for qid in order for a in RIGHT_BY_ID[qid]]
    result = CliRunner().invoke(
        app, ["exam", "--count", "8", "--seed", "1", "--pass-mark", "50"], input="\n".join(answers)
    )
    assert result.exit_code == 0, result.output
    assert "Điểm: 8/8 câu đúng (100%)." in result.output and "✓ Đạt (ngưỡng 50%)." in result.output
    assert {r[3] for r in reviews(env)} == {"exam"}
    failed = CliRunner().invoke(app, ["exam", "--count", "8", "--pass-mark", "50"], input="\n" * 20)
    assert failed.exit_code == 1 and "Chưa đạt" in failed.output
    assert "Xem lại các câu sai, bỏ qua hoặc chưa trả lời:" in failed.output


# --- real processes ------------------------------------------------------------------------


def spawn(env, *args: str) -> subprocess.Popen:
    full = {**os.environ, **env, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "quiz", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=full,
        text=True,
        encoding="utf-8",
    )


def read_until(proc: subprocess.Popen, marker: str, timeout: float = 30) -> str:
    seen = ""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline, seen
        line = proc.stdout.readline()
        assert line, seen
        seen += line
    return seen


def test_kill_9_mid_session_loses_no_judged_answer(env):
    proc = spawn(env, "study")
    try:
        read_until(proc, "Câu 1/8")
        proc.stdin.write("245\n")
        proc.stdin.flush()
        read_until(proc, "Câu 2/8")  # the first answer has been judged (and so saved)
        for line in RIGHT[1:4]:
            proc.stdin.write(line + "\n")
        proc.stdin.flush()
        read_until(proc, "Câu 3/8")
        proc.stdin.write("a")  # half-typed third answer
        proc.stdin.flush()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        proc.kill()
    assert [r[0] for r in reviews(env)] == ["so-chinh-dang-2018", "cay-tre-ban-sac"]
    # the store is sound after the kill: the next session goes on from it
    result = study(answers=RIGHT[4:])
    assert result.exit_code == 0 and "6 câu: 0 đến hạn, 6 mới" in result.output
    assert len(reviews(env)) == 2 + 6 and result.output.count("✓ Đúng") == 6


def test_two_sessions_at_once_both_save_everything(env, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    # --cram: both sessions ask all eight questions, whichever starts first
    procs = [spawn(env, "study", "--plain", "--cram") for _ in range(2)]
    with ThreadPoolExecutor(2) as pool:
        outputs = list(pool.map(lambda p: p.communicate("\n".join(RIGHT) + "\n", timeout=60)[0], procs))
    assert [p.returncode for p in procs] == [0, 0], outputs
    rows = reviews(env)
    # Each saw the other's answers change the cram order, so some of its lines met other questions (a
    # wrong answer is asked again, an unreadable one read again): every verdict printed is a saved row.
    given = sum(out.count("\n✓ Đúng") + out.count("\n≈ Gần đúng") + out.count("\n✗ Sai") for out in outputs)
    assert len(rows) == given >= 8
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_time_limit_stops_before_the_next_question(env):
    proc = spawn(env, "exam", "--count", "8", "--seed", "3", "--minutes", "0.005")  # 0.3 s
    read_until(proc, "Câu 1/8")
    time.sleep(0.6)
    out, _ = proc.communicate("\n".join(["x"] * 12) + "\n", timeout=30)
    # the limit ends the exam in the middle of the first question, without waiting for its answer
    assert "⏱ Hết giờ: bài thi kết thúc" in out and "Câu 2/8" not in out
    assert "Điểm: 0/8" in out and out.count("· Chưa trả lời") == 8 and "✗ Sai" not in out


def test_self_rate_turns_a_correct_answer_into_easy_or_hard(env):
    # after each correct answer one more line: e (dễ), h (khó) or empty (vừa)
    result = study(
        "--self-rate", "--limit", "2", answers=["245", "e", "gốc vững", "thân chắc", "cành uyển chuyển", "h"]
    )
    assert result.exit_code == 0, result.output
    assert [r[2] for r in reviews(env)] == [4, 2]
    wrong = study("--self-rate", "--limit", "1", "--cram", answers=[WRONG[4], "e"])
    assert reviews(env)[2][1:3] == ("wrong", 1)  # a wrong answer is never upgraded (and asks nothing)
    assert wrong.exit_code == 0


def test_bad_quiz_now_is_one_clear_line(env, monkeypatch):
    monkeypatch.setenv("QUIZ_NOW", "hôm qua")
    result = study(answers=RIGHT)
    assert result.exit_code == 2 and "QUIZ_NOW" in result.output and "Traceback" not in result.output


SIBLINGS = """bank: anh-em
title: Câu hỏi cùng một đoạn trích
sources:
  - id: tgvn-2018
    title: Phỏng vấn Trưởng Ban Đối ngoại Trung ương
    file: 000_b93974812a25e7f5.txt
questions:
  - id: so-chinh-dang
    type: number
    prompt: Theo Trưởng Ban Đối ngoại Trung ương (8/2018), Đảng ta có quan hệ với bao nhiêu chính đảng?
    answer: 245
    source: tgvn-2018
    quote: Đảng ta có quan hệ với 245 chính đảng
  - id: so-quoc-gia
    type: number
    prompt: Theo Trưởng Ban Đối ngoại Trung ương (8/2018), 245 chính đảng mà Đảng ta có quan hệ ở bao nhiêu quốc gia?
    answer: 111
    source: tgvn-2018
    quote: 245 chính đảng ở 111 quốc gia
  - id: truong-ban
    type: text
    prompt: Ai là Trưởng Ban Đối ngoại Trung ương trả lời phỏng vấn TG&VN tháng 8/2018?
    answer: Hoàng Bình Quân
    source: tgvn-2018
    quote: Trưởng Ban Đối ngoại Trung ương Hoàng Bình Quân
"""


def test_questions_on_the_same_passage_are_not_asked_in_one_session(env, monkeypatch):
    banks = Path(env["QUIZ_BANKS"])
    (banks / "good.yaml").unlink()
    (banks / "anh-em.yaml").write_text(SIBLINGS, encoding="utf-8")
    (banks / "sources").mkdir()
    (banks / "sources" / "000_b93974812a25e7f5.txt").write_bytes(
        (DATA / "sources" / "000_b93974812a25e7f5.txt").read_bytes()
    )
    first = study(answers=["245", "Hoàng Bình Quân"])
    assert (
        "2 câu: 0 đến hạn, 2 mới" in first.output and "ở bao nhiêu quốc gia?" not in first.output
    )  # it would give 245 away
    later = study(answers=["111"], now="2026-11-23T08:02:00+07:00", monkeypatch=monkeypatch)
    assert "ở bao nhiêu quốc gia?" in later.output  # the sibling comes in a later session


def test_the_no_diacritics_preference_rates_an_unaccented_answer_good_and_shows_the_spelling(env):
    assert CliRunner().invoke(app, ["config", "--accept-no-diacritics"]).exit_code == 0
    answers = ["245", "goc vung", "than chac", "canh uyen chuyen", "Đối ngoại quốc phòng", *WRONG[5:]]
    result = study(answers=answers)
    assert result.exit_code == 0, result.output
    rows = dict((q, (v, r)) for q, v, r, _ in reviews(env))
    assert rows["cay-tre-ban-sac"] == ("correct", 3)  # Good, not Hard
    assert "viết có dấu là «gốc vững»" in result.output
    assert "Còn thiếu: " in result.output  # the multi answer names what was missed
    assert rows["so-chinh-dang-2018"] == ("correct", 3) and rows["ba-tru-cot"][0] == "wrong"


def test_a_damaged_preferences_file_stops_study_before_the_store_is_touched(env):
    from quiz.progress.preferences import default_path

    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_text("not json", encoding="utf-8")
    result = study(answers=RIGHT)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "preferences.json" in result.output and not Path(env["QUIZ_PROGRESS"]).exists()


def test_piped_answers_are_echoed_as_read(env):
    result = study("--limit", "3", answers=["245", "gốc vững", "", "thân chắc", "a c b"])
    assert "› 245" in result.output  # each answer read is shown, as the learner would have seen it
    assert "› gốc vững |  | thân chắc" in result.output
    assert "› a) " in result.output and "; c) " in result.output
