"""What the session screens are made of, without a terminal: words wrapped whole, an unreadable answer
read as `Invalid` with its hint (asked again, never saved), the answer echoed as read, the true/false
verdict in words. The screens themselves are driven in tmux in tests/test_session_screens.py."""

from __future__ import annotations

import pytest
from exchange_helpers import good_bank

from quiz.study.answers import Invalid, parse_line, unreadable
from quiz.study.judge import judge
from quiz.ui.console import _hang
from quiz.ui.feedback import headline
from quiz.ui.render import answer_echo, cells, wrap

BANK = good_bank()
Q = {q.id: q for q in BANK.questions}
LONG = "Tiếp tục thực hiện nhất quán đường lối đối ngoại độc lập, tự chủ, hòa bình, hữu nghị của Đại hội XIII"


@pytest.mark.parametrize("width", [80, 60, 40, 20])
def test_wrapping_keeps_every_word_whole_and_hangs_under_the_text(width):
    lines = wrap(LONG, width, "› a) ")
    assert all(cells(line) <= width for line in lines)
    assert " ".join(line.strip() for line in lines).removeprefix("› a) ") == LONG
    assert all(line.startswith("     ") for line in lines[1:])  # under the text, not the letter
    assert {w for line in lines for w in line.split()} - {"›", "a)"} == set(LONG.split())


def test_only_a_word_wider_than_the_line_is_ever_cut():
    lines = wrap("ngắn " + "x" * 30 + " cuối", 12, "  ")
    assert lines[0] == "  ngắn" and all(cells(line) <= 12 for line in lines) and lines[-1].endswith("cuối")


def test_console_lines_that_fit_are_left_alone_and_options_hang():
    assert _hang("  đ) Đúng   s) Sai", 80) == "  đ) Đúng   s) Sai"
    hung = _hang(f"  b) {LONG}", 40).splitlines()
    assert hung[0].startswith("  b) Tiếp") and all(line.startswith("     ") for line in hung[1:])


@pytest.mark.parametrize(
    ("qid", "typed"),
    [
        ("dung-sai", "x"),
        ("truong-ban-2018", "5"),
        ("truong-ban-2018", "zz"),
        ("ba-tru-cot", "a q"),
        ("moc-thoi-gian", "1 1 2"),
        ("chi-thi-32-ngay", "abc"),
        ("chi-thi-32-ngay", "2/2019"),
        ("so-chinh-dang-2018", "abc"),
    ],
)
def test_unreadable_lines_are_invalid_with_a_hint_that_says_how_to_answer(qid, typed):
    read = parse_line(Q[qid], typed)
    assert isinstance(read, Invalid) and read.text == typed and read.hint.startswith("Chưa đọc được")
    assert "để trống để bỏ qua" in read.hint


def test_the_hints_name_the_letters_and_numbers_on_screen():
    assert "từ a đến c (hoặc số 1–3)" in parse_line(Q["truong-ban-2018"], "5").hint
    assert "ví dụ `3 2 1`" in parse_line(Q["moc-thoi-gian"], "9").hint
    assert "18/2/2019" in parse_line(Q["chi-thi-32-ngay"], "abc").hint


@pytest.mark.parametrize(
    ("qid", "typed"),
    [
        ("so-chinh-dang-2018", "hai trăm bốn mươi lăm"),
        ("so-chinh-dang-2018", "250"),
        ("chi-thi-32-ngay", "18/2/2020"),
        ("chi-thi-32-ngay", "ngày 18 tháng 2 năm 2019"),
        ("chi-thi-32-ten", "abc"),
        ("dung-sai", "không đúng"),
    ],
)
def test_readable_answers_even_wrong_ones_are_read(qid, typed):
    assert not isinstance(parse_line(Q[qid], typed), Invalid)
    assert unreadable(Q[qid], typed) is None


def test_the_answer_read_is_echoed_in_words():
    shown = list(Q["truong-ban-2018"].choices)
    assert answer_echo(Q["truong-ban-2018"], shown[1], shown) == f"b) {shown[1]}"
    assert answer_echo(Q["dung-sai"], False) == "Sai"
    multi = list(Q["ba-tru-cot"].choices)
    assert answer_echo(Q["ba-tru-cot"], {multi[2], multi[0]}, multi) == f"a) {multi[0]}; c) {multi[2]}"
    assert answer_echo(Q["cay-tre-ban-sac"], ["gốc", "", "cành"]) == "gốc |  | cành"


def test_a_true_false_verdict_reads_naturally():
    question = Q["dung-sai"]  # the statement is true
    assert headline(question, judge(question, True)) == "✓ Đúng — mệnh đề đúng"
    assert headline(question, judge(question, False)) == "✗ Sai — mệnh đề đúng"
    assert (
        headline(Q["so-chinh-dang-2018"], judge(Q["so-chinh-dang-2018"], "245")) == "✓ Đúng: 245 chính đảng"
    )


def test_every_shipped_option_and_prompt_wraps_whole_at_80_60_and_50_columns():
    from pathlib import Path

    from quiz.bank.library import load_paths

    banks = load_paths([Path(__file__).parent.parent / "banks"]).banks
    wide = 0
    for bank in banks:
        for question in bank.questions:
            texts = [question.display_prompt, *question.choices, *question.items]
            for text in texts:
                wide += cells(text) > 76
                for width in (80, 60, 50):
                    lines = wrap(text, width, "› [ ] a) ")
                    assert all(cells(line) <= width for line in lines)
                    assert " ".join(" ".join(line.split()) for line in lines).removeprefix("› [ ] a) ") == (
                        " ".join(text.split())
                    )
    assert wide > 13  # the long ones are there: options and prompts wider than a line


def test_a_numbered_review_line_hangs_under_its_text():
    # the exam's final review: "2. [điền số] …" wrapped at 60 columns keeps its number alone on the left
    hung = _hang(f"2. [điền số] {LONG}", 40).splitlines()
    assert len(hung) > 1 and hung[0].startswith("2. [điền số]")
    assert all(line.startswith("   ") and not line.startswith("    ") for line in hung[1:])


def test_a_wrapped_verdict_hangs_under_its_words_not_its_mark():
    hung = _hang(f"✗ Sai. Đáp án: {LONG}", 40).splitlines()
    assert len(hung) > 1 and hung[0].startswith("✗ Sai. Đáp án:")
    assert all(line.startswith("  ") and not line.startswith("   ") for line in hung[1:])
