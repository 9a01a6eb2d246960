"""Study and exam sessions as a script drives them (plain mode), issue 13: a wrong answer comes back in
the same session, the summary lists what was missed, "Tôi đúng" (`!d`) and undo (`!u`) as correcting
rows with the card recomputed from the log, exam skips asked again at the end, questions never reached
("chưa trả lời"), the time limit in the middle of a question, corrections kept by export, merge and
repair, and new questions interleaved across banks and types in an order of the learner's own."""

from __future__ import annotations

import contextlib
import json
import random
import sqlite3
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from test_study import GOOD, RIGHT, read_until, spawn
from test_study import env as study_env  # good.yaml, its right answers in bank order
from typer.testing import CliRunner

from quiz.bank.loader import load_text
from quiz.cli import app

# good.yaml in bank order: the number, the cloze (three blanks), multi, date, text, order, choice, true/false
NUMBER, CLOZE, MULTI, DATE, TEXT, ORDER, CHOICE, TRUEFALSE = (
    RIGHT[0:1],
    RIGHT[1:4],
    RIGHT[4:5],
    RIGHT[5:6],
    RIGHT[6:7],
    RIGHT[7:8],
    RIGHT[8:9],
    RIGHT[9:10],
)
NOW = "2026-11-23T08:00:00+07:00"


env = study_env  # the same fixture: good.yaml in a banks folder, a fixed clock and zone, no fuzz


def run(*args: str, lines: list[str]) -> object:
    text = "\n".join(lines) + ("\n" if lines else "")
    return CliRunner().invoke(app, list(args), input=text)


def rows(path: str, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def tally(env: dict, question: str) -> tuple:
    found = rows(
        env["QUIZ_PROGRESS"],
        f"SELECT reviews, correct, overruled FROM tallies WHERE question = '{question}'",
    )
    return found[0] if found else (0, 0, 0)


def card(path: str, question: str) -> tuple | None:
    found = rows(
        path, f"SELECT state, stability, difficulty, due, reps FROM cards WHERE question = '{question}'"
    )
    return found[0] if found else None


def headers(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Câu ")]


# --- point 6: a wrong answer comes back in the same session ----------------------------------------------


def test_a_wrong_answer_comes_back_after_three_others_and_the_summary_lists_it(env):
    # the number wrong; it comes back after the cloze, multi and date: answered right then
    result = run("study", "--limit", "5", lines=["111", *CLOZE, *MULTI, *DATE, *NUMBER, *TEXT])
    assert result.exit_code == 0, result.output
    out = result.output
    asked = headers(out)
    assert len(asked) == 6 and asked[4] == asked[0] and asked[4].startswith("Câu 1/5")
    assert out.index("↻ Hỏi lại") > out.index(asked[3])  # after three others
    assert [
        r[0]
        for r in rows(
            env["QUIZ_PROGRESS"],
            "SELECT verdict FROM reviews WHERE question = 'so-chinh-dang-2018' ORDER BY id",
        )
    ] == ["wrong", "correct"]
    # the summary: five answered questions (the repeat is a second answer), and what was missed
    assert "Đã trả lời 6 câu: 5 đúng, 0 gần đúng, 1 sai; 0 bỏ qua." in out
    missed = out[out.index("Các câu đã trả lời sai (1):") :]
    assert "Đảng ta có quan hệ với bao nhiêu chính đảng?" in missed
    assert "Đáp án: 245 chính đảng (hỏi lại đã đúng)" in missed


def test_at_the_end_a_wrong_answer_comes_back_at_once_at_most_twice(env):
    result = run("study", "--limit", "1", lines=["1", "2", "3", "4"])
    assert result.exit_code == 0, result.output
    assert len(headers(result.output)) == 3 and result.output.count("↻ Hỏi lại") == 2
    assert tally(env, "so-chinh-dang-2018") == (3, 0, 0)
    missed = result.output[result.output.index("Các câu đã trả lời sai (1):") :]
    assert "Đáp án: 245 chính đảng" in missed and "hỏi lại đã đúng" not in missed


def test_a_skipped_study_question_does_not_come_back(env):
    result = run("study", "--limit", "2", lines=["", *CLOZE])
    assert len(headers(result.output)) == 2 and "↻" not in result.output
    assert "Các câu đã trả lời sai" not in result.output


def test_unreadable_input_is_asked_again_and_never_saved(env):
    # true/false "x", multi "9" (four options), then readable answers
    result = run("study", "--cram", "--limit", "8", lines=[*RIGHT[:4], "9", *MULTI, *RIGHT[5:9], "x", "đ"])
    assert result.exit_code == 0, result.output
    assert "«9»" in result.output and "«x»" in result.output
    answers = [a for (a,) in rows(env["QUIZ_PROGRESS"], "SELECT answer FROM reviews")]
    assert "x" not in answers and "9" not in answers and len(answers) == 8
    assert "8 đúng" in result.output


# --- point 7: "Tôi đúng" and undo ---------------------------------------------------------------------------


def test_overrule_counts_the_answer_correct_and_recomputes_the_card(env, tmp_path, monkeypatch):
    result = run("study", "--limit", "2", lines=["111", "!d", *CLOZE])
    assert result.exit_code == 0, result.output
    assert (
        "✓ Tôi đúng: đã tính là đúng" in result.output and "↻" not in result.output
    )  # overruled: it does not come back
    assert "Đã trả lời 2 câu: 2 đúng, 0 gần đúng, 0 sai; 0 bỏ qua." in result.output
    assert "Các câu đã trả lời sai" not in result.output
    log = rows(
        env["QUIZ_PROGRESS"],
        "SELECT id, verdict, rating, corrects, correction FROM reviews WHERE question = 'so-chinh-dang-2018'",
    )
    assert log == [(1, "wrong", 1, None, None), (2, "correct", 3, 1, "overrule")]  # appended, not changed
    assert tally(env, "so-chinh-dang-2018") == (1, 1, 1)
    # the card is what a right answer at that moment would have made it
    other = tmp_path / "other.db"
    monkeypatch.setenv("QUIZ_PROGRESS", str(other))
    run("study", "--limit", "1", lines=NUMBER)
    assert card(env["QUIZ_PROGRESS"], "so-chinh-dang-2018") == card(str(other), "so-chinh-dang-2018")
    # the report counts it per question, for the author
    monkeypatch.setenv("QUIZ_PROGRESS", env["QUIZ_PROGRESS"])
    report = json.loads(run("report", "--json", lines=[]).output)
    assert report["overruled"] == [
        {
            "bank": "mau-day-du",
            "id": "so-chinh-dang-2018",
            "prompt": "Theo Trưởng Ban Đối ngoại Trung ương (8/2018), Đảng ta có quan hệ với bao nhiêu chính đảng?",
            "overruled": 1,
            "reviews": 1,
        }
    ]
    assert report["totals"]["reviews"] == 2 and report["totals"]["correct"] == 2
    text = run("report", lines=[]).output
    assert "Câu bạn đã sửa lời chấm" in text and "1/1 lần trả lời được sửa thành đúng" in text


def test_undo_asks_again_and_the_card_forgets_the_undone_answer(env, tmp_path, monkeypatch):
    result = run("study", "--limit", "2", lines=["111", "!u", "245", *CLOZE])
    assert result.exit_code == 0, result.output
    assert "↶ Đã hoàn tác" in result.output and "↻" not in result.output
    assert "Đã trả lời 2 câu: 2 đúng, 0 gần đúng, 0 sai; 0 bỏ qua." in result.output
    assert tally(env, "so-chinh-dang-2018") == (1, 1, 0)
    log = rows(
        env["QUIZ_PROGRESS"],
        "SELECT verdict, corrects, correction FROM reviews WHERE question = 'so-chinh-dang-2018' ORDER BY id",
    )
    assert log == [("wrong", None, None), ("wrong", 1, "undo"), ("correct", None, None)]
    other = tmp_path / "other.db"
    monkeypatch.setenv("QUIZ_PROGRESS", str(other))
    run("study", "--limit", "1", lines=NUMBER)
    assert card(env["QUIZ_PROGRESS"], "so-chinh-dang-2018") == card(str(other), "so-chinh-dang-2018")


def test_undo_of_a_first_answer_makes_the_question_new_again(env):
    result = run("study", "--limit", "1", lines=["245", "!u", ""])
    assert result.exit_code == 0, result.output
    assert card(env["QUIZ_PROGRESS"], "so-chinh-dang-2018") is None
    assert tally(env, "so-chinh-dang-2018") == (0, 0, 0)
    report = json.loads(run("report", "--json", lines=[]).output)
    assert report["totals"]["new"] == 8 and report["totals"]["reviews"] == 0
    assert report["heatmap"][-1]["reviews"] == 0  # the undone answer is not activity


def test_overrule_after_a_right_answer_is_refused_and_a_wrong_one_after_undo_comes_back(env):
    result = run("study", "--limit", "2", lines=["245", "!d", "gốc", "thân", "cành", "!u", *CLOZE])
    assert result.exit_code == 0, result.output
    assert "`!d` chỉ dùng sau câu bị chấm sai" in result.output
    assert tally(env, "so-chinh-dang-2018") == (1, 1, 0)
    assert tally(env, "cay-tre-ban-sac") == (1, 1, 0)  # the wrong cloze undone, then answered right
    # `!u` typed at its repeat (next, the last question): the repeat is called off, the cloze asked afresh
    assert len(headers(result.output)) == 4 and "Các câu đã trả lời sai" not in result.output


def test_a_repeat_of_an_overruled_question_is_called_off(env):
    # the only question answered wrong: its repeat is next; `!d` typed there overrules the first answer
    result = run("study", "--limit", "1", lines=["111", "!d"])
    assert result.exit_code == 0, result.output
    assert tally(env, "so-chinh-dang-2018") == (1, 1, 1)
    assert "Các câu đã trả lời sai" not in result.output


def test_plain_scripts_without_commands_are_unchanged(env):
    result = run("study", lines=RIGHT)
    assert result.exit_code == 0 and result.output.count("✓ Đúng") == 8
    assert "Đã dừng" not in result.output


# --- point 8: exams -----------------------------------------------------------------------------------------

EXAM_BANK = "bank: thi-thu\ntitle: Thi thử\nsources:\n  - id: s\n    title: Bài báo\nquestions:\n" + "".join(
    f"  - id: c{i}\n    type: truefalse\n    prompt: Mệnh đề số {i} đúng?\n    answer: true\n"
    f"    explanation: Giải thích {i}.\n    source: s\n    quote: Trích {i}\n"
    for i in range(1, 5)
)


@pytest.fixture
def exam_env(env, tmp_path):
    (Path(env["QUIZ_BANKS"]) / "good.yaml").unlink()
    (Path(env["QUIZ_BANKS"]) / "thi.yaml").write_text(EXAM_BANK, encoding="utf-8")
    return env


def test_exam_skips_come_back_at_the_end_and_show_nothing_before_it(exam_env):
    # c? right, skipped, wrong, skipped; then the second round: right, skipped again
    result = run("exam", "--seed", "1", lines=["đ", "", "s", "", "đ", ""])
    out = result.output
    assert result.exit_code == 0, out
    end = out.index("Điểm:")
    assert "Đáp án" not in out[:end] and "Giải thích" not in out[:end]  # nothing shown before the end
    assert out.count("sẽ hỏi lại ở cuối") == 2 and "Còn 2 câu đã bỏ qua" in out
    assert len(headers(out)) == 6
    assert "Điểm: 2/4 câu đúng (50%)." in out and "1 sai · 1 bỏ qua · 0 chưa trả lời." in out
    review = out[end:]
    assert "✗ Sai — bạn trả lời: sai" in review and "– Bỏ qua." in review
    assert review.count("Giải thích:") == 2 and review.count("Trích dẫn: «Trích") == 2
    assert len(rows(exam_env["QUIZ_PROGRESS"], "SELECT 1 FROM reviews WHERE mode = 'exam'")) == 3


def test_exam_questions_never_reached_are_unanswered_not_wrong(exam_env):
    result = run("exam", "--seed", "1", lines=["đ"])  # then the input ends
    out = result.output
    assert "Điểm: 1/4 câu đúng (25%)." in out and "0 sai · 0 bỏ qua · 3 chưa trả lời." in out
    review = out[out.index("Xem lại") :]
    assert review.count("· Chưa trả lời") == 3 and "✗ Sai" not in review


def _exam_process(env: dict, minutes: str) -> subprocess.Popen:
    return spawn(env, "exam", "--seed", "1", "--minutes", minutes)


def test_exam_time_limit_ends_the_question_being_answered(exam_env):
    # a real process on a pipe: the first answer in time, then nothing: the limit (1.2 s) ends the exam in
    # the middle of the second question, stdin still open
    proc = _exam_process(exam_env, "0.02")
    try:
        assert proc.stdin is not None and proc.stdout is not None
        read_until(proc, "Câu 1/4")
        proc.stdin.write("đ\n")
        proc.stdin.flush()
        started = time.monotonic()
        out = proc.stdout.read()
        waited = time.monotonic() - started
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert "⏱ Còn" in out and "Câu 2/4" in out and "Câu 3/4" not in out
    assert "⏱ Hết giờ: bài thi kết thúc" in out and waited < 10
    assert "Điểm: 1/4" in out and out.count("· Chưa trả lời") == 3 and "✗ Sai" not in out
    assert rows(exam_env["QUIZ_PROGRESS"], "SELECT count(*) FROM reviews") == [(1,)]


def test_exam_answer_after_the_limit_is_not_graded(exam_env):
    proc = _exam_process(exam_env, "0.01")  # 0.6 s
    try:
        assert proc.stdin is not None and proc.stdout is not None
        read_until(proc, "Câu 1/4")
        time.sleep(1.5)
        with contextlib.suppress(BrokenPipeError):  # the exam may have ended already: it did not wait
            proc.stdin.write("đ\n")  # too late
            proc.stdin.flush()
        out = proc.stdout.read()
    finally:
        proc.kill()
        proc.wait(timeout=10)
    assert "⏱ Hết giờ: bài thi kết thúc" in out
    assert "Điểm: 0/4" in out and out.count("· Chưa trả lời") == 4
    assert rows(exam_env["QUIZ_PROGRESS"], "SELECT count(*) FROM reviews") == [(0,)]


def test_plain_study_with_minutes_shows_the_time_left(env):
    result = run("study", "--limit", "1", "--minutes", "5", lines=NUMBER)
    assert "⏱ Còn 5:00" in result.output or "⏱ Còn 4:5" in result.output


# --- corrections through export, merge and repair ------------------------------------------------------------


def _corrected_store(env) -> None:
    # the number overruled, the cloze undone then right, the multi wrong
    run("study", "--limit", "3", lines=["111", "!d", "a", "b", "c", "!u", *CLOZE, "Đối ngoại quốc phòng"])


def _state(path: str) -> tuple:
    return (
        rows(path, "SELECT bank, question, reviews, correct, overruled FROM tallies ORDER BY question"),
        rows(path, "SELECT question, state, stability, difficulty, due, reps FROM cards ORDER BY question"),
        rows(path, "SELECT count(*), sum(correction = 'overrule'), sum(correction = 'undo') FROM reviews"),
    )


def test_merge_keeps_corrections_and_recomputes_the_same_cards(env, tmp_path, monkeypatch):
    _corrected_store(env)
    mine = _state(env["QUIZ_PROGRESS"])
    assert mine[2] == [(6, 1, 1)]
    exported = tmp_path / "a.jsonl"
    assert run("progress", "export", "-o", str(exported), lines=[]).exit_code == 0
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    fixes = [line for line in lines if "correction" in line]
    ids = {line["id"] for line in lines}
    assert sorted(f["correction"] for f in fixes) == ["overrule", "undo"]
    assert all(f["id"].startswith("c-") and f["corrects"] in ids for f in fixes)  # by content id
    other = tmp_path / "b.db"
    monkeypatch.setenv("QUIZ_PROGRESS", str(other))
    assert run("progress", "merge", str(exported), lines=[]).exit_code == 0
    assert _state(str(other)) == mine
    again = run("progress", "merge", str(exported), lines=[])  # idempotent
    assert again.exit_code == 0 and _state(str(other)) == mine
    # and back: a merge of the other store into the first changes nothing
    monkeypatch.setenv("QUIZ_PROGRESS", env["QUIZ_PROGRESS"])
    assert run("progress", "merge", str(other), lines=[]).exit_code == 0
    assert _state(env["QUIZ_PROGRESS"]) == mine


def test_repair_keeps_corrections(env, tmp_path):
    _corrected_store(env)
    mine = _state(env["QUIZ_PROGRESS"])
    repaired = tmp_path / "repaired.db"
    result = run("progress", "repair", "--progress", env["QUIZ_PROGRESS"], "-o", str(repaired), lines=[])
    assert result.exit_code == 0, result.output
    assert _state(str(repaired)) == mine


# --- point 12: new questions interleaved, stable per learner ------------------------------------------------


def _shipped():
    from quiz.bank.library import discover, load_paths

    root = Path(__file__).parent.parent / "banks"
    return list(load_paths(discover([root])).banks)


def test_new_questions_interleave_banks_and_types_in_the_learners_own_order(tmp_path):
    from quiz.progress.store import Store
    from quiz.study.session import study_queue

    banks = _shipped()
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    with Store.open(tmp_path / "a.db") as store:
        seed = store.seed()
    assert len(seed) == 16 and int(seed, 16) >= 0

    def first(seed: str | None) -> list[tuple[str, str]]:
        queue = study_queue(banks, {}, now, new_limit=10, seed=seed, rng=random.Random(0))
        return [item.key for item in queue][:10]  # the first ten (the new limit is per bank)

    mine = first(seed)
    assert mine == first(seed)  # stable for this learner
    assert len({bank for bank, _ in mine}) == min(len(banks), 10)  # one of each bank in turn
    kinds = {q.type for b in banks for q in b.questions if (b.id, q.id) in set(mine)}
    assert len(kinds) >= 4
    by_key = {(b.id, q.id): q for b in banks for q in b.questions}
    assert sum(by_key[key].type == "cloze" for key in mine) <= 4
    with Store.open(tmp_path / "b.db") as other:
        assert first(other.seed()) != mine  # another learner, another order
    assert first(None) == [(b.id, q.id) for b in banks for q in b.questions][:10]  # QUIZ_ORDER=bank


def test_the_order_survives_a_question_added_to_a_bank():
    from quiz.study.session import new_order

    bank, _ = load_text(GOOD.read_text(encoding="utf-8"))
    assert bank is not None
    pool = [(bank, q) for q in bank.questions]
    before = [q.id for _, q in new_order(pool, "abc")]
    after = [q.id for _, q in new_order(pool[:-1], "abc")]
    assert after == [qid for qid in before if qid != pool[-1][1].id]  # the others keep their order


def test_the_cli_uses_the_stores_seed_for_new_questions(env, tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZ_ORDER")
    monkeypatch.setenv("QUIZ_BANKS", str(Path(__file__).parent.parent / "banks"))
    blank = [""] * 40  # every question skipped: nothing is saved, the order stays the store's
    first = run("study", "--limit", "5", lines=blank).output
    again = run("study", "--limit", "5", lines=blank).output
    assert headers(first) == headers(again) and len(headers(first)) == 5
    monkeypatch.setenv("QUIZ_PROGRESS", str(tmp_path / "someone-else.db"))
    other = run("study", "--limit", "5", lines=blank).output
    assert headers(other) != headers(first)


def test_an_exam_time_limit_is_written_with_a_decimal_comma(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from quiz.cli import app

    monkeypatch.setenv("QUIZ_BANKS", str(Path(__file__).resolve().parent.parent / "banks"))
    monkeypatch.setenv("QUIZ_PROGRESS", str(tmp_path / "p.db"))
    result = CliRunner().invoke(app, ["exam", "--plain", "--count", "1", "--minutes", "0.5"], input="\n")
    assert result.exit_code in (0, 1), result.output
    assert "0,5 phút" in result.output and "0.5 phút" not in result.output
    untimed = CliRunner().invoke(app, ["exam", "--plain", "--count", "1"], input="\n")
    assert untimed.exit_code in (0, 1), untimed.output
