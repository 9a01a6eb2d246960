"""quiz.text helpers of the judge: syllable structure, numbers in words, dates and yes/no as typed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.text.datewords import read_date
from quiz.text.numwords import words_to_int
from quiz.text.syllable import is_syllable, parse_syllable
from quiz.text.vietnamese import fold
from quiz.text.yesno import truth_value

REAL = (
    "Nguyễn Thị Bình Định Văn Tấn Dũng Hà Ba Lan Bắc Kinh Ninh đối ngoại nội nhân dân Hoàng Quân "
    "Trưởng Ban Trung ương Đảng Cộng sản Việt Nam quốc thuỷ thủy hoà hòa uỷ khuya thuở giữa gìn "
    "giếng gì quyết quên nghiệp ghế yêu ước Mỹ Lý Trọng Phú Huế xoong khoẻ oái"
).split()


@pytest.mark.parametrize("word", REAL)
def test_real_syllables_parse_accented_and_folded(word: str) -> None:
    assert is_syllable(word) and is_syllable(fold(word)) and is_syllable(word.upper())


@pytest.mark.parametrize(
    "token",
    ["Quânn", "Bìh", "Quaan", "Hàong", "Nguyn", "Nguễn", "WTO", "Campuchia", "Bìt", "ci", "ka", "chủu", ""],
)
def test_slips_and_foreign_words_are_not_syllables(token: str) -> None:
    assert not is_syllable(token)


def test_structure_and_the_look_alike_eth() -> None:
    assert parse_syllable("Nguyễn") == ("ng", "u", "yên", "nga")
    assert parse_syllable("Ðảng") == parse_syllable("Đảng") == ("đ", "", "ang", "hoi")
    assert parse_syllable("hoà") == parse_syllable("hòa")  # old and new placement


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    assert isinstance(is_syllable(text), bool)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("hai trăm bốn mươi lăm", 245),
        ("hai trăm bốn lăm", 245),
        ("một nghìn", 1000),
        ("một ngàn", 1000),
        ("ba mươi tám", 38),
        ("ba tám", 38),
        ("hai mốt", 21),
        ("một trăm linh năm", 105),
        ("một trăm lẻ năm", 105),
        ("một trăm ba", 130),
        ("bảy chục", 70),
        ("mười ba", 13),
        ("một nghìn hai", 1200),
        ("hai triệu", 2_000_000),
    ],
)
def test_numbers_in_words(words: str, value: int) -> None:
    assert words_to_int(fold(words).split()) == value


def test_dates_as_typed() -> None:
    assert read_date("mùng 2/9/1945") == read_date("mồng 2 tháng 9 năm 1945") == ("1945-09-02", "day")
    assert read_date("Thứ Năm, 11/1/2007") == read_date("11 tháng giêng 2007") == ("2007-01-11", "day")
    assert read_date("tháng mười hai năm 2021") == read_date("tháng chạp 2021") == ("2021-12", "month")
    assert read_date("tháng một 2021") == ("2021-01", "month")
    assert read_date("mồng ba") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("đúng", True), ("có", True), ("chính xác", True), ("Đúng rồi!", True), ("phải", True)]
    + [("sai", False), ("sai rồi", False), ("không đúng", False), ("không", False), ("Không.", False)]
    + [("có lẽ", None), ("không biết", None), ("", None)],
)
def test_true_false_in_words(text: str, value: bool | None) -> None:
    assert truth_value(text) is value
