"""Sibling questions: the `siblings:` key (validated, symmetric, kept by fmt and the cache), and
siblings — declared, or detected because one prompt prints the other's answer — never asked in one
study session or one exam (plain mode, through the command line, answers read from the real store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.bank.loader import load_file, load_text
from quiz.cli import app

BANK = """bank: anh-em
title: Câu hỏi liên quan
questions:
  - id: nguoi-tra-loi-phong-van
    type: text
    prompt: Ai trả lời phỏng vấn báo TG&VN tháng 8/2018 về đối ngoại Đảng?
    answer: Hoàng Bình Quân
  - id: chuc-vu-nguoi-tra-loi
    type: text
    prompt: Người trả lời phỏng vấn báo TG&VN tháng 8/2018 giữ chức vụ gì?
    answer: Trưởng Ban Đối ngoại Trung ương
    siblings: [nguoi-tra-loi-phong-van]
  - id: so-quoc-gia
    type: number
    prompt: Theo phỏng vấn tháng 8/2018, các chính đảng có quan hệ với Đảng ta ở bao nhiêu quốc gia?
    answer: 111
  - id: so-chau-luc
    type: number
    prompt: Theo phỏng vấn tháng 8/2018, 111 quốc gia đó thuộc bao nhiêu châu lục?
    answer: 5
"""
DECLARED = {"nguoi-tra-loi-phong-van", "chuc-vu-nguoi-tra-loi"}
DETECTED = {"so-quoc-gia", "so-chau-luc"}  # so-chau-luc's prompt prints 111
RIGHT = {
    "nguoi-tra-loi-phong-van": "Hoàng Bình Quân",
    "chuc-vu-nguoi-tra-loi": "Trưởng Ban Đối ngoại Trung ương",
    "so-quoc-gia": "111",
    "so-chau-luc": "5",
}


# --- the key ------------------------------------------------------------------------------------


def test_siblings_are_symmetric():
    bank, problems = load_text(BANK, "anh-em.yaml")
    assert problems == [] and bank is not None
    assert bank.siblings_of("chuc-vu-nguoi-tra-loi") == {"nguoi-tra-loi-phong-van"}
    assert bank.siblings_of("nguoi-tra-loi-phong-van") == {"chuc-vu-nguoi-tra-loi"}  # declared on the other
    assert bank.siblings_of("so-quoc-gia") == frozenset()
    assert bank.question("chuc-vu-nguoi-tra-loi").siblings == ("nguoi-tra-loi-phong-van",)


def _line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("value", "code", "shown"),
    [
        ("[nguoi-tra-loi]", "sibling_unknown", "nguoi-tra-loi"),
        ("[chuc-vu-nguoi-tra-loi]", "sibling_unknown", "chuc-vu-nguoi-tra-loi"),  # not itself
        ("nguoi-tra-loi-phong-van", "expected_list", "siblings"),
    ],
)
def test_a_bad_siblings_list_is_one_located_error(value, code, shown):
    text = BANK.replace("siblings: [nguoi-tra-loi-phong-van]", f"siblings: {value}")
    bank, problems = load_text(text, "anh-em.yaml")
    assert bank is None
    assert [(p.code, p.line, p.qid) for p in problems] == [
        (code, _line(text, "siblings:"), "chuc-vu-nguoi-tra-loi")
    ]
    assert shown in str(problems[0]) and str(problems[0]).startswith(f"anh-em.yaml:{problems[0].line}: ")


def test_bank_check_names_an_unknown_sibling_with_file_and_line(tmp_path):
    path = tmp_path / "anh-em.yaml"
    text = BANK.replace("siblings: [nguoi-tra-loi-phong-van]", "siblings: [khong-co]")
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["bank", "check", str(path)])
    assert result.exit_code == 1
    assert f"anh-em.yaml:{_line(text, 'siblings:')}: anh-em/chuc-vu-nguoi-tra-loi: " in result.output
    assert "khong-co" in result.output and "Traceback" not in result.output


def test_fmt_and_the_bank_cache_keep_siblings(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "anh-em.yaml"
    path.write_text(BANK, encoding="utf-8")
    result = CliRunner().invoke(app, ["bank", "fmt", str(path)])
    assert result.exit_code == 0, result.output
    assert "siblings: [nguoi-tra-loi-phong-van]" in path.read_text(encoding="utf-8")
    first, _ = load_file(path)  # validated, then cached
    again, _ = load_file(path)  # from the cache
    assert first is not None and again is not None
    assert again.siblings_of("nguoi-tra-loi-phong-van") == {"chuc-vu-nguoi-tra-loi"}
    assert again.question("chuc-vu-nguoi-tra-loi").siblings == ("nguoi-tra-loi-phong-van",)


# --- study and exam ---------------------------------------------------------------------------------


@pytest.fixture
def env(tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "anh-em.yaml").write_text(BANK, encoding="utf-8")
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


def asked(env, mode: str | None = None) -> list[str]:
    """The questions answered, in order, as the store recorded them."""
    query = "SELECT question FROM reviews" + (" WHERE mode = ?" if mode else "") + " ORDER BY id"
    with sqlite3.connect(env["QUIZ_PROGRESS"]) as conn:
        return [row[0] for row in conn.execute(query, (mode,) if mode else ())]


def test_siblings_are_never_asked_in_one_study_session(env, monkeypatch):
    answers = "\n".join(RIGHT[q] for q in ["nguoi-tra-loi-phong-van", "so-quoc-gia"]) + "\n"
    first = CliRunner().invoke(app, ["study", "--plain"], input=answers)
    assert first.exit_code == 0, first.output
    assert asked(env) == ["nguoi-tra-loi-phong-van", "so-quoc-gia"]  # one of each pair, in bank order
    monkeypatch.setenv("QUIZ_NOW", "2026-11-23T08:10:00+07:00")  # both due again (learning step)
    again = CliRunner().invoke(app, ["study", "--plain"], input=answers)
    assert asked(env)[2:] == ["nguoi-tra-loi-phong-van", "so-quoc-gia"], again.output  # siblings still wait
    monkeypatch.setenv("QUIZ_NOW", "2026-11-23T08:30:00+07:00")  # nothing due: the new siblings' turn
    answers = "\n".join(RIGHT[q] for q in ["chuc-vu-nguoi-tra-loi", "so-chau-luc"]) + "\n"
    later = CliRunner().invoke(app, ["study", "--plain"], input=answers)
    assert later.exit_code == 0, later.output
    assert asked(env)[4:] == ["chuc-vu-nguoi-tra-loi", "so-chau-luc"]


def test_cram_keeps_siblings_apart_too(env):
    result = CliRunner().invoke(app, ["study", "--plain", "--cram"], input="0\n" * 4)
    assert result.exit_code == 0, result.output
    questions = set(asked(env))
    assert len(questions) == 2 and not DECLARED <= questions and not DETECTED <= questions


@pytest.mark.parametrize("seed", range(6))
def test_siblings_are_never_in_one_exam(env, seed):
    result = CliRunner().invoke(
        app, ["exam", "--plain", "--count", "4", "--seed", str(seed)], input="0\n" * 4
    )
    assert result.exit_code == 0, result.output
    questions = asked(env, "exam")
    assert len(questions) == 2 and len(set(questions)) == 2  # two pairs: one of each
    assert not DECLARED <= set(questions) and not DETECTED <= set(questions)


def test_an_exam_of_unrelated_questions_is_unchanged(env):
    banks = Path(env["QUIZ_BANKS"])
    text = BANK.replace("    siblings: [nguoi-tra-loi-phong-van]\n", "").replace(
        "111 quốc gia đó thuộc", "các quốc gia đó thuộc"
    )
    (banks / "anh-em.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["exam", "--plain", "--count", "4", "--seed", "1"], input="0\n" * 4)
    assert result.exit_code == 0, result.output
    assert sorted(asked(env, "exam")) == sorted(RIGHT)
