"""Issue 13, the library's share: the daily new limit per bank (exam questions do not count) with hints
that work when run, banks studied by path found again by the report, the user's own banks outside a
clone, tags that fold spaces and hyphens, `--minutes` time left, times in the learner's zone, and the
weakest list's answer and next review. Scripted plain sessions (CliRunner) and real processes."""

from __future__ import annotations

import json
import os
import re
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.bank.library import shipped_banks
from quiz.cli import app
from quiz.progress.clock import to_iso

ANSWER = "Hà Nội"  # every question of these banks has this answer: any order of asking gets it right
NOW = "2026-11-23T08:00:00+07:00"


def bank_text(bank_id: str, count: int, tags: list[list[str]] | None = None) -> str:
    lines = [f"bank: {bank_id}", f"title: Ngân hàng {bank_id}", "questions:"]
    for i in range(1, count + 1):
        lines += [
            f"  - id: cau-{i}",
            "    type: text",
            f"    prompt: Câu số {i} của {bank_id}, thủ đô nước ta là thành phố nào?",
            f"    answer: {ANSWER}",
        ]
        if tags and i <= len(tags) and tags[i - 1]:
            lines.append(f"    tags: [{', '.join(tags[i - 1])}]")
    return "\n".join(lines) + "\n"


def write_bank(folder: Path, bank_id: str, count: int, **kwargs) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{bank_id}.yaml"
    path.write_text(bank_text(bank_id, count, **kwargs), encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    write_bank(banks, "bank-a", 12)
    write_bank(banks, "bank-b", 12)
    values = {
        "QUIZ_BANKS": str(banks),
        "QUIZ_PROGRESS": str(tmp_path / "progress.db"),
        "QUIZ_NOW": NOW,
        "QUIZ_FUZZ": "0",
        "QUIZ_TZ": "Asia/Ho_Chi_Minh",
        "NO_COLOR": "1",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def quiz(*args: str, answers: int = 0):
    """Run `quiz ARGS` in plain mode, answering `answers` questions right."""
    text = "".join(f"{ANSWER}\n" for _ in range(answers))
    return CliRunner().invoke(app, list(args), input=text)


def hint(output: str, prefix: str = "quiz study") -> list[str]:
    """The command a hint suggests (in backticks), as arguments after `quiz`."""
    found = re.findall(r"`(" + re.escape(prefix) + r"[^`]*)`", output)
    assert found, output
    words = shlex.split(found[0])
    assert words[0] == "quiz"
    return words[1:]


def introduced(env) -> dict[str, int]:
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        return dict(conn.execute("SELECT bank, count(*) FROM cards GROUP BY bank"))


# --- point 9: the daily new limit, per bank ---------------------------------------------------------------


def test_the_new_limit_is_per_bank_and_the_hint_when_it_is_reached_gives_new_questions(env):
    first = quiz("study", "--new", "3", answers=30)
    assert first.exit_code == 0, first.output
    assert "6 câu: 0 đến hạn, 6 mới" in first.output  # 3 from each bank, not 3 in all
    assert introduced(env) == {"bank-a": 3, "bank-b": 3}
    again = quiz("study", "--new", "3", answers=30)
    assert "mỗi ngân hàng đã hết lượt câu mới hôm nay" in again.output
    assert "Còn 18 câu mới chưa học" in again.output
    command = hint(again.output)
    assert command == ["study", "--new", "13"]
    ran = quiz(*command, answers=30)  # the hint, run as printed
    assert ran.exit_code == 0 and "18 câu: 0 đến hạn, 18 mới" in ran.output, ran.output
    assert introduced(env) == {"bank-a": 12, "bank-b": 12}


def test_the_default_limit_leaves_room_in_each_bank_after_another_banks_session(env):
    quiz("study", "bank-a", "--new", "10", answers=30)
    other = quiz("study", "bank-b", answers=30)  # bank-a's ten new ones do not use up bank-b's
    assert "10 câu: 0 đến hạn, 10 mới" in other.output, other.output


def test_exam_questions_do_not_count_against_the_new_limit(env):
    exam = quiz("exam", "bank-a", "--count", "5", answers=5)
    assert exam.exit_code == 0, exam.output
    assert introduced(env) == {"bank-a": 5}  # the exam did schedule them
    study = quiz("study", "bank-a", "--new", "3", answers=10)
    assert "3 câu: 0 đến hạn, 3 mới" in study.output, study.output


def test_with_no_new_question_left_the_hint_is_cram_and_it_works(env, tmp_path):
    write_bank(tmp_path / "banks", "nho", 2)
    quiz("study", "nho", answers=2)
    again = quiz("study", "nho")
    assert "không còn câu mới nào" in again.output, again.output
    command = hint(again.output)
    assert command == ["study", "nho", "--cram"]
    ran = quiz(*command, answers=2)
    assert "Ôn tự do 2 câu" in ran.output and ran.output.count("✓ Đúng") == 2, ran.output


def test_the_due_now_hint_names_the_same_bank_file_and_progress_file(env, tmp_path, monkeypatch):
    elsewhere = write_bank(tmp_path / "elsewhere", "cua-toi", 5)
    store = tmp_path / "other.db"
    args = ["study", str(elsewhere), "--progress", str(store)]
    quiz(*args, answers=5)
    monkeypatch.setenv("QUIZ_NOW", "2026-11-30T08:00:00+07:00")  # a week later: all five due
    limited = quiz(*args, "--limit", "2", answers=2)
    assert "Còn 3 câu đến hạn ngay bây giờ" in limited.output, limited.output
    command = hint(limited.output)
    assert command == ["study", str(elsewhere), "--progress", str(store)]
    ran = quiz(*command, answers=5)
    assert "3 câu: 3 đến hạn, 0 mới" in ran.output, ran.output


def test_the_due_now_hint_keeps_the_tag_it_was_run_with(env, tmp_path, monkeypatch):
    write_bank(tmp_path / "banks", "co-the", 4, tags=[["số liệu"]] * 3)
    quiz("study", "co-the", "--tag", "số liệu", answers=3)
    monkeypatch.setenv("QUIZ_NOW", "2026-11-30T08:00:00+07:00")
    limited = quiz("study", "co-the", "--tag", "số liệu", "--limit", "1", answers=1)
    command = hint(limited.output)
    assert command == ["study", "co-the", "--tag", "số liệu"]
    ran = quiz(*command, answers=5)
    assert "2 câu: 2 đến hạn, 0 mới" in ran.output, ran.output


# --- point 10: banks studied by path ------------------------------------------------------------------------


def run(*args: str, cwd: Path, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


@pytest.fixture
def process_env(tmp_path, monkeypatch):
    """The environment of a real `quiz` process: a store, a clock, and the user's folders of this test."""
    values = dict(os.environ)
    for name in [n for n in values if n.startswith("QUIZ_") and n != "QUIZ_CACHE"]:
        del values[name]
    values.update(
        QUIZ_PROGRESS=str(tmp_path / "progress.db"),
        QUIZ_NOW=NOW,
        QUIZ_FUZZ="0",
        QUIZ_TZ="Asia/Ho_Chi_Minh",
        NO_COLOR="1",
        XDG_DATA_HOME=str(tmp_path / "data"),
        PYTHONIOENCODING="utf-8",
        COLUMNS="400",  # long paths on one line
    )
    return values


def test_a_bank_studied_by_path_counts_in_the_report_and_a_gone_file_is_named(tmp_path, process_env):
    mine = write_bank(tmp_path / "elsewhere", "cua-toi", 4)
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    there.mkdir()
    done = run("study", "../elsewhere/cua-toi.yaml", cwd=here, env=process_env, stdin=f"{ANSWER}\n" * 4)
    assert done.returncode == 0, done.stderr
    assert "Tiến độ được lưu trong" in done.stdout and "progress.db" in done.stdout

    # plain `quiz report`, from another folder: the bank is found where it was studied
    data = json.loads(run("report", "--json", cwd=there, env=process_env).stdout)
    row = next(b for b in data["banks"] if b["bank"] == "cua-toi")
    assert row["from_path"] is True and row["path"] == str(mine) and row["reviews"] == 4
    assert data["totals"]["reviews"] == 4 and data["orphans"] == [] and data["missing_banks"] == []
    text = run("report", cwd=there, env=process_env).stdout
    assert f"cua-toi: đọc từ {mine}, nơi đã học" in text and "đã xoá hoặc đổi id" not in text

    by_id = json.loads(run("report", "cua-toi", "--json", cwd=there, env=process_env).stdout)
    assert [(b["bank"], b["reviews"]) for b in by_id["banks"]] == [("cua-toi", 4)]  # its id names it

    mine.unlink()  # the file is gone: the report says so, and where it was
    data = json.loads(run("report", "--json", cwd=there, env=process_env).stdout)
    assert [(m["bank"], m["path"], m["reason"], m["reviews"]) for m in data["missing_banks"]] == [
        ("cua-toi", str(mine), "missing", 4)
    ]
    assert data["orphans"] == [] and data["totals"]["reviews"] == 0
    text = run("report", cwd=there, env=process_env).stdout
    assert "Ngân hàng đã học từ tệp nay không đọc được" in text
    assert "tệp không còn ở đó" in " ".join(text.split()) and "đã xoá hoặc đổi id" not in text

    mine.write_text("bank: cua-toi\nquestions: []\n", encoding="utf-8")  # broken: the hint lists its faults
    data = json.loads(run("report", "--json", cwd=there, env=process_env).stdout)
    assert data["missing_banks"][0]["reason"] == "invalid"
    text = " ".join(run("report", cwd=there, env=process_env).stdout.split())
    command = hint(text, "quiz bank check")
    assert command == ["bank", "check", str(mine)]
    checked = run(*command, cwd=there, env=process_env)
    assert checked.returncode == 1 and "cua-toi.yaml" in checked.stdout


def test_a_bank_studied_by_path_is_remembered_once_per_file(env, tmp_path):
    mine = write_bank(tmp_path / "elsewhere", "cua-toi", 2)
    quiz("study", str(mine), answers=2)
    moved = write_bank(tmp_path / "moved", "cua-toi", 2)
    quiz("study", str(moved))
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        rows = conn.execute("SELECT bank, path FROM bank_paths WHERE bank = 'cua-toi'").fetchall()
    assert rows == [("cua-toi", str(moved))]  # the last file it was studied from


# --- point 11: the user's own banks outside a clone ------------------------------------------------------


def test_bank_new_outside_a_clone_writes_to_the_user_data_folder_and_every_command_reads_it(
    tmp_path, process_env
):
    work = tmp_path / "work"  # no banks/ here, no QUIZ_BANKS: outside a clone
    work.mkdir()
    made = run("bank", "new", "cua-toi", "--title", "Của tôi", cwd=work, env=process_env)
    assert made.returncode == 0, made.stderr
    target = tmp_path / "data" / "quiz" / "banks" / "cua-toi.yaml"
    assert target.is_file() and not (shipped_banks() / "cua-toi.yaml").exists()
    assert str(target) in made.stdout  # it says where

    # the hints it prints work as printed
    add = hint(made.stdout, "quiz bank add")
    assert add == ["bank", "add", "cua-toi"]
    question = ["--type", "text", "--prompt", "Thủ đô nước ta?", "--answer", ANSWER, "--tag", "của tôi"]
    added = run(*add, *question, cwd=work, env=process_env)
    assert added.returncode == 0 and "đã thêm câu" in added.stdout.lower(), added.stderr
    check = hint(made.stdout, "quiz bank check")
    checked = run(*check, cwd=work, env=process_env)
    assert checked.returncode == 0 and "không có lỗi" in checked.stdout, checked.stdout + checked.stderr

    listed = run("bank", "list", cwd=work, env=process_env).stdout
    assert "cua-toi" in listed and "doi-ngoai-dang-2018" in listed  # shipped and own banks together
    own = listed.index(f"Ngân hàng câu hỏi ({target.parent})")  # the learner's own, under their folder
    assert listed.index("doi-ngoai-dang-2018") < own < listed.index("cua-toi  ")
    everything = run("bank", "check", cwd=work, env=process_env)  # no PATH: shipped and own banks
    files = len(list(shipped_banks().glob("*.yaml"))) + 1
    assert re.search(rf"✓ {files} tệp, {files} ngân hàng", everything.stdout), everything.stdout
    studied = run("study", "cua-toi", "--tag", "của tôi", cwd=work, env=process_env, stdin=f"{ANSWER}\n")
    assert studied.returncode == 0 and "✓ Đúng" in studied.stdout, studied.stdout + studied.stderr
    data = json.loads(run("report", "--json", cwd=work, env=process_env).stdout)
    assert [(b["reviews"], b["from_path"]) for b in data["banks"] if b["bank"] == "cua-toi"] == [(1, False)]

    taken = run("bank", "new", "doi-ngoai-dang-2018", cwd=work, env=process_env)
    assert taken.returncode == 2 and "đã có ngân hàng `doi-ngoai-dang-2018`" in taken.stderr


def test_bank_new_in_a_clone_still_writes_to_its_banks_folder(tmp_path, process_env):
    (tmp_path / "banks").mkdir()
    made = run("bank", "new", "cua-toi", cwd=tmp_path, env=process_env)
    assert made.returncode == 0 and (tmp_path / "banks" / "cua-toi.yaml").is_file(), made.stderr
    assert "banks/cua-toi.yaml" in made.stdout and not (tmp_path / "data" / "quiz" / "banks").exists()


# --- point 13: tags, --minutes, time zone, the weakest list ---------------------------------------------


def test_tags_fold_spaces_and_hyphens_and_an_unknown_tag_lists_the_tags(env, tmp_path):
    tags = [["số-liệu"], ["số liệu"], ["Số_Liệu"], ["Mốc thời gian"]]
    write_bank(tmp_path / "banks", "the", 4, tags=tags)
    found = quiz("study", "the", "--tag", "so lieu", answers=4)
    assert "3 câu: 0 đến hạn, 3 mới" in found.output, found.output
    report = json.loads(quiz("report", "the", "--json").output)
    assert [(t["tag"], t["questions"], t["reviews"]) for t in report["tags"]] == [
        ("Mốc thời gian", 1, 0),
        ("số-liệu", 3, 3),
    ]
    unknown = quiz("study", "the", "--tag", "so-lieux")
    assert unknown.exit_code == 2 and len(unknown.output.strip().splitlines()) == 1
    assert "các thẻ có: Mốc thời gian, số-liệu" in unknown.output


def test_study_minutes_says_how_much_time_is_left_before_each_question(env):
    result = quiz("study", "bank-a", "--minutes", "10", "--new", "3", answers=3)
    assert result.exit_code == 0, result.output
    left = re.findall(r"⏱ Còn (\d+):(\d\d)", result.output)
    assert len(left) == 3 and all(9 * 60 <= int(m) * 60 + int(s) <= 600 for m, s in left), result.output


@pytest.mark.parametrize(
    "system,quiz_tz,offset",
    [
        ("UTC", None, "+07:00"),  # the system says UTC: the learner's default zone is Vietnam's
        ("Etc/UTC", None, "+07:00"),
        ("UTC", "UTC", "+00:00"),  # asked for explicitly
        ("Europe/Paris", None, "+01:00"),  # a real zone set up on the system is the learner's
    ],
)
def test_times_are_shown_in_the_learners_zone(tmp_path, process_env, system, quiz_tz, offset):
    process_env.pop("QUIZ_TZ")
    process_env["TZ"] = system
    process_env["QUIZ_NOW"] = "2026-11-22T18:00:00Z"
    if quiz_tz:
        process_env["QUIZ_TZ"] = quiz_tz
    data = json.loads(run("report", "--json", cwd=tmp_path, env=process_env).stdout)
    assert data["generated_at"].endswith(offset)
    assert data["today"] == ("2026-11-23" if offset == "+07:00" else "2026-11-22")


def test_the_study_summary_gives_the_next_review_in_vietnam_time_on_a_utc_system(tmp_path, process_env):
    mine = write_bank(tmp_path, "cua-toi", 1)
    process_env.pop("QUIZ_TZ")
    process_env.update(TZ="UTC", QUIZ_NOW="2026-11-23T01:00:00Z")
    done = run("study", str(mine), cwd=tmp_path, env=process_env, stdin=f"{ANSWER}\n")
    assert "Lần ôn tới: 08:10 23/11/2026" in done.stdout, done.stdout  # 01:10 UTC = 08:10 in Hà Nội


def test_the_weakest_list_shows_the_right_answer_and_when_it_comes_back(env, tmp_path):
    mine = write_bank(tmp_path / "elsewhere", "cua-toi", 1)
    CliRunner().invoke(app, ["study", str(mine)], input="Huế\n")
    text = quiz("report").output
    weakest = text[text.index("Các câu yếu nhất") :]
    assert f"Đáp án: {ANSWER}" in weakest and "sai 1/1" in weakest, weakest
    assert "ôn lại lúc 08:01 23/11/2026" in weakest  # FSRS's first relearning step: one minute
    assert "khả năng nhớ" not in text
    data = json.loads(quiz("report", "--json").output)
    assert data["weakest"][0]["answer"] == ANSWER
    assert data["weakest"][0]["due"] == "2026-11-23T08:01:00+07:00"
    page = tmp_path / "r.html"
    written = quiz("report", "--html", str(page))
    assert f"Đã ghi báo cáo HTML: {page}" in written.output
    html = page.read_text(encoding="utf-8")
    assert f"Đáp án: {ANSWER}" in html and "ôn lại lúc 08:01 23/11/2026" in html


def test_the_html_report_lays_tables_out_for_a_phone(env, tmp_path):
    quiz("study", answers=3)
    quiz("report", "--html", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count('<table class="stats">') == 1  # banks (no tags in these banks)
    assert "@media (max-width: 40rem)" in html and "grid-template-columns: repeat(7" in html
    assert '<div class="scroll"><svg' in html  # the forecast scrolls sideways instead of shrinking


def test_the_store_counts_new_questions_per_bank_from_study_answers_only(tmp_path):
    """`Store.introduced_by_bank`: a question's first study answer of the day counts for its bank; exam
    answers, later answers, correcting rows and undone answers do not (a real SQLite file)."""
    from datetime import datetime, timedelta, timezone

    from quiz.progress.card import Review
    from quiz.progress.scheduler import Scheduler
    from quiz.progress.store import Store

    t0 = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
    scheduler = Scheduler(fuzz=False)
    with Store.open(tmp_path / "p.db") as store:

        def answer(bank: str, qid: str, minutes: int, mode: str = "study") -> int:
            at = t0 + timedelta(minutes=minutes)
            state = scheduler.review(store.card(bank, qid), bank, qid, 3, at, "f")
            return store.record(
                Review(at, bank, qid, ANSWER, "correct", 3, mode=mode, fingerprint="f"), state
            )

        answer("a", "q1", 0)
        answer("a", "q1", 20)  # the same question again: not new any more
        answer("a", "q2", 1)
        answer("b", "q1", 2, mode="exam")  # an exam question: not counted
        undone = answer("b", "q2", 3)
        answer("a", "q3", 60 * 24)  # the next day
        with sqlite3.connect(tmp_path / "p.db") as conn:  # an undo of b/q2's answer (the log only grows)
            conn.execute(
                "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint,"
                " corrects, correction) VALUES (?, 'b', 'q2', '', 'correct', 3, 'study', 'f', ?, 'undo')",
                (to_iso(t0 + timedelta(minutes=4)), undone),
            )
        day = (t0 - timedelta(hours=1), t0 + timedelta(hours=23))
        assert store.introduced_by_bank(*day) == {"a": 2}
        assert store.introduced_by_bank(day[1], day[1] + timedelta(days=1)) == {"a": 1}


def test_the_hints_of_bank_errors_work_as_printed(env, tmp_path):
    broken = tmp_path / "banks" / "hong.yaml"
    broken.write_text("bank: hong\nquestions:\n  - id: x\n    type: nope\n", encoding="utf-8")
    skipped = quiz("study", "bank-a", answers=1)  # a broken bank of the folder: skipped, with a hint
    command = hint(skipped.output, "quiz bank check")
    assert command == ["bank", "check"]
    checked = quiz(*command)
    assert checked.exit_code == 1 and "hong.yaml" in checked.output

    named = tmp_path / "elsewhere" / "hai-loi.yaml"
    named.parent.mkdir()
    named.write_text("bank: hai-loi\nquestions:\n  - id: x\n    type: nope\n  - id: y\n", encoding="utf-8")
    refused = quiz("study", str(named))
    assert refused.exit_code == 2
    command = hint(refused.output, "quiz bank check")
    assert command == ["bank", "check", str(named)]
    checked = quiz(*command)
    assert checked.exit_code == 1 and checked.output.count("hai-loi.yaml") >= 2, checked.output

    unknown = quiz("study", "khong-co")
    command = hint(unknown.output, "quiz bank list")
    listed = quiz(*command)
    assert listed.exit_code == 0 and "bank-a" in listed.output and "bank-b" in listed.output


@pytest.mark.parametrize("with_sources", [False, True])
def test_the_hint_after_an_import_works_as_printed(env, tmp_path, with_sources):
    table = tmp_path / "de.csv"
    table.write_text("câu hỏi,đáp án\nThủ đô nước ta?,Hà Nội\n", encoding="utf-8")
    out = tmp_path / "moi" / "tu-csv.yaml"
    out.parent.mkdir()
    if with_sources:
        (out.parent / "sources").mkdir()
    made = quiz("import", str(table), "-o", str(out))
    assert made.exit_code == 0, made.output
    command = shlex.split(made.output.strip().splitlines()[-1].split(": ", 1)[1])
    assert command[:3] == ["quiz", "bank", "check"] and ("--sources" in command) == with_sources
    checked = quiz(*command[1:])
    assert checked.exit_code == 0 and "không có lỗi" in checked.output, checked.output


def test_a_merge_keeps_where_banks_were_studied_from(env, tmp_path):
    mine = write_bank(tmp_path / "elsewhere", "cua-toi", 2)
    quiz("study", str(mine), answers=2)
    exported = quiz("progress", "export", "-o", str(tmp_path / "a.jsonl"))
    assert exported.exit_code == 0, exported.output
    merged = quiz("progress", "merge", str(tmp_path / "a.jsonl"))
    assert merged.exit_code == 0, merged.output
    data = json.loads(quiz("report", "--json").output)
    assert [(b["reviews"], b["from_path"]) for b in data["banks"] if b["bank"] == "cua-toi"] == [(2, True)]
