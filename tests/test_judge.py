"""The answer judge: a table of real answers from the source articles, then properties."""

from __future__ import annotations

import datetime
import time
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.model import Question, format_date, format_decimal
from quiz.study.judge import Verdict, judge, judge_text
from quiz.text.codes import DocCode, parse_doc_code
from quiz.text.dates import parse_date
from quiz.text.numbers import parse_number, roman_to_int
from quiz.ui.feedback import verdict_lines


def text(answer: str, *accept: str) -> Question:
    return Question(id="q", type="text", prompt="?", answer=answer, accept=accept)


def number(answer: str | int, tolerance: str | int = 0, unit: str | None = None) -> Question:
    return Question(
        id="q", type="number", prompt="?", answer=Decimal(answer), tolerance=Decimal(tolerance), unit=unit
    )


def date(answer: str) -> Question:
    return Question(id="q", type="date", prompt="?", answer=answer)


def cloze(body: str) -> Question:
    return Question(id="q", type="cloze", text=body)


def choice(answer: str, *choices: str) -> Question:
    return Question(id="q", type="choice", prompt="?", answer=answer, choices=choices)


def multi(answer: tuple[str, ...], *choices: str) -> Question:
    return Question(id="q", type="multi", prompt="?", answer=answer, choices=choices)


def truefalse(answer: bool) -> Question:
    return Question(id="q", type="truefalse", prompt="?", answer=answer)


def order(*items: str) -> Question:
    return Question(id="q", type="order", prompt="?", items=items)


DOI_NGOAI = text("Đối ngoại Đảng")
CAY_TRE = text("cây tre Việt Nam")
VUFO = text("Liên hiệp các tổ chức hữu nghị Việt Nam", "VUFO")
CHI_THI_32 = text("Chỉ thị 32-CT/TW", "32-CT/TW")
NGHI_QUYET_28 = text("Nghị quyết số 28-NQ/TW")
DAI_HOI_13 = text("Đại hội XIII")
BAN_DOI_NGOAI = text("Ban Đối ngoại Trung ương", "Ban Đối ngoại TW", "BĐNTW")
CHINH_DANG = number(245, unit="chính đảng")
QUOC_GIA = number(111, tolerance=2, unit="quốc gia")
NGAY_CT32 = date("2019-02-18")
THANG_HN = date("2021-12")
NAM_2021 = date("2021")
CAY_TRE_CLOZE = cloze('Bản sắc "cây tre Việt Nam": "{{gốc vững}}, {{thân chắc}}, {{cành uyển chuyển}}"')
BA_TRU_COT = ("Đối ngoại Đảng", "Ngoại giao Nhà nước", "Đối ngoại nhân dân", "Đối ngoại quốc phòng")
NFD = unicodedata.normalize("NFD", "Đối ngoại Đảng")

C, A, W = "correct", "almost", "wrong"

# (question, response, outcome, reason)
CASES: list[tuple[Question, Any, str, str | None]] = [
    # --- text: case, spaces, punctuation and Unicode form never matter
    (DOI_NGOAI, "Đối ngoại Đảng", C, None),
    (DOI_NGOAI, "đối ngoại đảng", C, None),
    (DOI_NGOAI, "ĐỐI NGOẠI ĐẢNG", C, None),
    (DOI_NGOAI, "  Đối   ngoại  Đảng.  ", C, None),
    (DOI_NGOAI, "«Đối ngoại Đảng»!", C, None),
    (DOI_NGOAI, NFD, C, None),
    (DOI_NGOAI, "Đối\tngoại\nĐảng", C, None),
    # --- text: missing diacritics, fully or partly → almost
    (DOI_NGOAI, "doi ngoai dang", A, "diacritics"),
    (DOI_NGOAI, "DOI NGOAI DANG", A, "diacritics"),
    (DOI_NGOAI, "Doi ngoai Đảng", A, "diacritics"),
    (DOI_NGOAI, "Đối ngoại Dang", A, "diacritics"),
    (DOI_NGOAI, "Đối ngoai Đảng", A, "diacritics"),
    (DOI_NGOAI, "Đôi ngoại Đang", A, "diacritics"),
    # --- text: wrong diacritic on a long answer is a typo, other answers are wrong
    (DOI_NGOAI, "Đối ngoại Đăng", A, "marks"),  # a wrong mark, not a missing one
    (DOI_NGOAI, "Đối ngoại nhân dân", W, None),
    (DOI_NGOAI, "Ngoại giao Nhà nước", W, None),
    (DOI_NGOAI, "Đối ngoại", W, None),
    (CAY_TRE, "cây tre Việt Nam", C, None),
    (CAY_TRE, "Cây tre Việt Nam", C, None),
    (CAY_TRE, '"cây tre Việt Nam"', C, None),
    (CAY_TRE, "cay tre viet nam", A, "diacritics"),
    (CAY_TRE, "cây tre Viêt Nam", A, "diacritics"),
    (CAY_TRE, "cây tre Việt Nm", A, "typo"),
    (CAY_TRE, "cây tre Việt Nan", W, None),  # "nan" is another syllable, not a slip
    (CAY_TRE, "cay tre viet nma", A, "typo"),
    (CAY_TRE, "cây tre Việtnam", A, "typo"),
    (CAY_TRE, "cây tre", W, None),
    (CAY_TRE, "cây trúc Việt Nam", W, None),  # another word, however few the edits
    (CAY_TRE, "cây tre Lào", W, None),
    (CAY_TRE, "cây bàng Việt Nam", W, None),
    (VUFO, "Liên hiệp các tổ chức hữu nghị Việt Nam", C, None),
    (VUFO, "liên hiệp các tổ chức hữu nghị việt nam.", C, None),
    (VUFO, "Lien hiep cac to chuc huu nghi Viet Nam", A, "diacritics"),
    (VUFO, "Liên hiệp các tô chưc hữu nghị Việt Nam", A, "diacritics"),
    (VUFO, "Liên hiệp các tổ chức hữu nghị Việt Nma", A, "typo"),
    (VUFO, "Liên hiệp các tổ chứ hữu ngh Việt Nam", W, None),  # "chứ" is a word
    (VUFO, "Liên hiệp các tổ chứcc hữu ngh Việt Nam", A, "typo"),
    (VUFO, "Lien hiep cac to chuc huu nghi Vietnam", A, "typo"),
    (VUFO, "Liên hiệp các tổ chứ hữu ngh Việt Na", W, None),
    (VUFO, "Liên hiệp các tổ chức hữu nghị", W, None),
    (VUFO, "VUFO", C, None),
    (VUFO, "vufo", C, None),
    (VUFO, "Hội hữu nghị", W, None),
    # --- text: old and new tone placement are the same answer
    (text("hòa bình"), "hoà bình", C, "tone"),
    (text("hoà bình"), "hòa bình", C, "tone"),
    (text("Thủy"), "thuỷ", C, "tone"),
    (text("ủy ban"), "uỷ ban", C, "tone"),
    (text("khỏe"), "khoẻ", C, "tone"),
    (text("Ủy viên Bộ Chính trị"), "Uỷ viên Bộ Chính trị", C, "tone"),
    (text("Ủy viên Bộ Chính trị"), "Ủy viên Bộ Chính trị", C, None),
    (text("hòa bình"), "hoà binh", A, "diacritics"),
    (text("hòa bình"), "hoa binh", A, "diacritics"),
    (text("hòa bình"), "hóa bình", A, "marks"),
    (text("hòa"), "hóa", W, None),
    (text("thủy"), "thúy", W, None),
    # --- text: no typo tolerance under 5 letters; 1 edit from 5, 2 from 12
    (text("Đảng"), "dang", A, "diacritics"),
    (text("Đảng"), "Đảg", W, None),
    (text("Đảng"), "Đăng", W, None),
    (text("Lào"), "Lao", A, "diacritics"),
    (text("Lào"), "Lạo", W, None),
    (text("Cuba"), "Cua", W, None),
    (text("Trung Quốc"), "Trung Quoc", A, "diacritics"),
    (text("Trung Quốc"), "Trung Quóc", A, "marks"),  # the tone typed, a vowel mark wrong
    (text("Trung Quốc"), "Trung Quớc", A, "marks"),
    (text("Hồ Chí Minh"), "Hồ Chí Mimh", A, "typo"),
    (text("Hồ Chí Minh"), "Hồ Chí Mnih", A, "typo"),
    (text("Hồ Chí Minh"), "Hồ Chí Mnh", A, "typo"),
    (text("Hồ Chí Minh"), "Hồ Chí Mi", W, None),
    (text("Lê Hoài Trung"), "Lê Hoài Trungg", A, "typo"),
    (text("Lê Hoài Trung"), "Lê Hoài Trun", W, None),  # a possible syllable: another word
    (text("Lê Hoài Trung"), "Lê Hoà Trun", W, None),
    (text("Hoàng Bình Quân"), "Hoàng Bìh Quâ", A, "typo"),
    (text("Hoàng Bình Quân"), "Hoàn Bìh Quâ", W, None),
    # --- text: accepted forms; the expected shown is the form matched
    (BAN_DOI_NGOAI, "Ban Đối ngoại Trung ương", C, None),
    (BAN_DOI_NGOAI, "Ban Doi ngoai TW", A, "diacritics"),
    (BAN_DOI_NGOAI, "BĐNTW", C, None),
    (BAN_DOI_NGOAI, "bdntw", A, "diacritics"),
    (BAN_DOI_NGOAI, "Ban Tuyên giáo Trung ương", W, None),
    # --- document codes: separators never matter, numbers and letters must be exact
    (CHI_THI_32, "Chỉ thị 32-CT/TW", C, None),
    (CHI_THI_32, "32-CT/TW", C, None),
    (CHI_THI_32, "32/CT-TW", C, None),
    (CHI_THI_32, "số 32-CT/TW", C, None),
    (CHI_THI_32, "32 CT TW", C, None),
    (CHI_THI_32, "32-ct/tw", C, None),
    (CHI_THI_32, "32CT/TW", C, None),
    (CHI_THI_32, "Chỉ thị số 32-CT/TW", C, None),
    (CHI_THI_32, "chi thi so 32 ct tw", C, None),
    (CHI_THI_32, "33-CT/TW", W, None),
    (CHI_THI_32, "Chỉ thị 23-CT/TW", W, None),
    (CHI_THI_32, "32-NQ/TW", W, None),
    (CHI_THI_32, "32-CT/TV", W, None),
    (CHI_THI_32, "Chỉ thị 32", W, None),
    (CHI_THI_32, "Nghị quyết 32-CT/TW", W, None),
    (NGHI_QUYET_28, "28-NQ/TW", C, None),
    (NGHI_QUYET_28, "Nghị quyết 28/NQ-TW", C, None),
    (NGHI_QUYET_28, "nghi quyet so 28 nq tw", C, None),
    (NGHI_QUYET_28, "Nghị quyết 29-NQ/TW", W, None),
    (text("Chỉ thị 38/CT-TW"), "38-CT/TW", C, None),
    # --- Roman and Arabic ordinals are the same
    (DAI_HOI_13, "Đại hội XIII", C, None),
    (DAI_HOI_13, "Đại hội 13", C, None),
    (DAI_HOI_13, "Đại hội xiii", C, None),
    (DAI_HOI_13, "Đại hội lần thứ XIII", C, None),
    (DAI_HOI_13, "dai hoi xiii", A, "diacritics"),
    (DAI_HOI_13, "dai hoi 13", A, "diacritics"),
    (DAI_HOI_13, "Đại hội XII", W, None),
    (DAI_HOI_13, "Đại hội 12", W, None),
    (DAI_HOI_13, "Đại hội XIV", W, None),
    (DAI_HOI_13, "Đại hội XIIII", W, None),
    (text("Đại hội VI"), "Đại hội 6", C, None),
    (text("Đại hội VI"), "dai hoi vi", A, "diacritics"),
    (text("khóa X"), "khoá 10", C, "tone"),
    (text("XIII"), "13", C, None),
    # --- digits inside a text answer get no typo tolerance
    (text("245 chính đảng"), "245 chinh dang", A, "diacritics"),
    (text("245 chính đảng"), "246 chính đảng", W, None),
    (text("245 chính đảng"), "245 chính đảg", A, "typo"),
    (text("ngày 14/12/2021"), "ngày 14/12/2021", C, None),
    (text("ngày 14/12/2021"), "ngày 15/12/2021", W, None),
    # --- empty answers are wrong
    (DOI_NGOAI, "", W, None),
    (DOI_NGOAI, "   ", W, None),
    (DOI_NGOAI, "...", W, None),
    (DOI_NGOAI, None, W, None),
    # --- numbers: Vietnamese separators, trailing unit, tolerance; never a typo
    (CHINH_DANG, "245", C, None),
    (CHINH_DANG, "245 chính đảng", C, None),
    (CHINH_DANG, "245 chinh dang", C, None),
    (CHINH_DANG, " 245. ", C, None),
    (CHINH_DANG, "246", W, None),
    (CHINH_DANG, "24", W, None),
    (CHINH_DANG, "2450", W, None),
    (CHINH_DANG, "254", W, None),
    (CHINH_DANG, "abc", W, None),
    (CHINH_DANG, "245 chính đảng ở 111 quốc gia", W, None),
    (CHINH_DANG, "khoảng 245", C, None),  # a hedge claims nothing wrong
    (CHINH_DANG, "", W, None),
    (QUOC_GIA, "111", C, None),
    (QUOC_GIA, "113 quốc gia", C, None),
    (QUOC_GIA, "109", C, None),
    (QUOC_GIA, "114", W, None),
    (number(1000), "1.000", C, None),
    (number(1000), "1000", C, None),
    (number(1000), "1 000", C, None),
    (number(1000), "1,000", C, None),
    (number(1000), "1.000,0", C, None),
    (number(1000), "1.00", W, None),
    (number(1500), "1,500", C, None),
    (number("1.5"), "1,500", C, None),
    (number("1.5"), "1.500", W, None),
    (number(245), "245.000", W, None),
    (number(1_000_000), "1.000.000", C, None),
    (number(1_000_000), "1 triệu", C, None),
    (number(1_000_000), "1.000.00", W, None),
    (number("0.6"), "0,6", C, None),
    (number("0.6"), "0.6", C, None),
    (number("0.6"), "0,60", C, None),
    (number("0.6"), "0,7", W, None),
    (number("0.6"), "6", W, None),
    (number("12.5", unit="%"), "12,5%", C, None),
    (number("12.5", unit="%"), "12,5 %", C, None),
    (number("12.5", unit="%"), "12,4%", W, None),
    (number(13), "XIII", C, None),
    (number(13), "xiii", C, None),
    (number(-5), "−5", C, None),
    # --- dates: day first, every usual spelling, precision asked = precision needed
    (NGAY_CT32, "18/2/2019", C, None),
    (NGAY_CT32, "18/02/2019", C, None),
    (NGAY_CT32, "18-2-2019", C, None),
    (NGAY_CT32, "18.2.2019", C, None),
    (NGAY_CT32, "ngày 18 tháng 2 năm 2019", C, None),
    (NGAY_CT32, "Ngày 18 tháng 02 năm 2019.", C, None),
    (NGAY_CT32, "ngay 18 thang 2 nam 2019", C, None),
    (NGAY_CT32, "18 tháng 2, 2019", C, None),
    (NGAY_CT32, "ngày 18/2/2019", C, None),
    (NGAY_CT32, "2019-02-18", C, None),
    (NGAY_CT32, "2/2019", W, None),
    (NGAY_CT32, "tháng 2 năm 2019", W, None),
    (NGAY_CT32, "2019", W, None),
    (NGAY_CT32, "19/2/2019", W, None),
    (NGAY_CT32, "18/3/2019", W, None),
    (NGAY_CT32, "2/18/2019", W, None),
    (NGAY_CT32, "18/2/19", W, None),
    (NGAY_CT32, "18/2", W, None),
    (NGAY_CT32, "hôm qua", W, None),
    (date("2019-02-28"), "31/2/2019", W, None),
    (date("2019-09-19"), "19/9/2019", C, None),
    (THANG_HN, "12/2021", C, None),
    (THANG_HN, "tháng 12/2021", C, None),
    (THANG_HN, "tháng 12 năm 2021", C, None),
    (THANG_HN, "2021-12", C, None),
    (THANG_HN, "14/12/2021", C, None),
    (THANG_HN, "14/11/2021", W, None),
    (THANG_HN, "11/2021", W, None),
    (THANG_HN, "2021", W, None),
    (NAM_2021, "2021", C, None),
    (NAM_2021, "năm 2021", C, None),
    (NAM_2021, "12/2021", C, None),
    (NAM_2021, "14/12/2021", C, None),
    (NAM_2021, "2020", W, None),
    (NAM_2021, "21", W, None),
    # --- cloze: every blank like a text answer
    (CAY_TRE_CLOZE, ["gốc vững", "thân chắc", "cành uyển chuyển"], C, None),
    (CAY_TRE_CLOZE, ["Gốc vững", "thân chắc.", "cành  uyển chuyển"], C, None),
    (CAY_TRE_CLOZE, ["gốc vững", "than chac", "cành uyển chuyển"], A, "diacritics"),
    (CAY_TRE_CLOZE, ["gốc vững", "thân chắc", "cành uyển chuyểm"], A, "typo"),
    (CAY_TRE_CLOZE, ["goc vung", "thân chắc", "cành uyển chuyểm"], A, "diacritics"),
    (CAY_TRE_CLOZE, ["gốc vững", "thân mềm", "cành uyển chuyển"], W, None),
    (CAY_TRE_CLOZE, ["gốc vững", "", "cành uyển chuyển"], W, None),
    (CAY_TRE_CLOZE, ["gốc vững", "thân chắc"], W, None),
    (cloze("Ba trụ cột: {{Đối ngoại Đảng}}, ngoại giao Nhà nước, {{đối ngoại nhân dân|ĐNND}}"),
     ["đối ngoại đảng", "đnnd"], C, None),
    (cloze("{{hòa bình}} và hữu nghị"), ["hoà bình"], C, "tone"),
    # --- choice, multi, truefalse, order
    (choice("Đối ngoại Đảng", *BA_TRU_COT), "Đối ngoại Đảng", C, None),
    (choice("Đối ngoại Đảng", *BA_TRU_COT), "Đối ngoại nhân dân", W, None),
    (multi(BA_TRU_COT[:3], *BA_TRU_COT), ["Đối ngoại nhân dân", "Đối ngoại Đảng", "Ngoại giao Nhà nước"], C, None),
    (multi(BA_TRU_COT[:3], *BA_TRU_COT), ("Đối ngoại Đảng", "Ngoại giao Nhà nước"), W, None),
    (multi(BA_TRU_COT[:3], *BA_TRU_COT), list(BA_TRU_COT), W, None),
    (truefalse(True), True, C, None),
    (truefalse(True), False, W, None),
    (truefalse(False), False, C, None),
    (order("Chỉ thị 28/CT-TW", "Chỉ thị 32-CT/TW", "Chỉ thị 38/CT-TW"),
     ["Chỉ thị 28/CT-TW", "Chỉ thị 32-CT/TW", "Chỉ thị 38/CT-TW"], C, None),
    (order("Chỉ thị 28/CT-TW", "Chỉ thị 32-CT/TW", "Chỉ thị 38/CT-TW"),
     ["Chỉ thị 32-CT/TW", "Chỉ thị 28/CT-TW", "Chỉ thị 38/CT-TW"], W, None),
]  # fmt: skip


@pytest.mark.parametrize(("question", "response", "outcome", "reason"), CASES)
def test_judge_table(question: Question, response: Any, outcome: str, reason: str | None) -> None:
    verdict = judge(question, response)
    assert (verdict.outcome, verdict.reason) == (outcome, reason)
    assert verdict.accepted == (outcome != "wrong")
    assert unicodedata.is_normalized("NFC", verdict.expected)


def test_the_table_is_large_and_covers_every_outcome() -> None:
    assert len(CASES) >= 100
    assert {(outcome, reason) for _, _, outcome, reason in CASES} >= {
        ("correct", None),
        ("correct", "tone"),
        ("almost", "diacritics"),
        ("almost", "typo"),
        ("wrong", None),
    }


def test_expected_is_the_form_matched_with_its_diacritics() -> None:
    assert judge(BAN_DOI_NGOAI, "Ban Doi ngoai TW").expected == "Ban Đối ngoại TW"
    assert judge(BAN_DOI_NGOAI, "bdntw").expected == "BĐNTW"
    assert judge(BAN_DOI_NGOAI, "Ban Tuyên giáo").expected == "Ban Đối ngoại Trung ương"
    assert judge(VUFO, "vufo").expected == "VUFO"
    assert judge(CHI_THI_32, "32 CT TW").expected == "Chỉ thị 32-CT/TW"


def test_details_tell_the_learner_the_spelling() -> None:
    def lines(question: Question, response: Any) -> list[str]:
        return verdict_lines(judge(question, response))

    assert lines(text("Đảng"), "dang") == ["Thiếu dấu: đáp án đúng là «Đảng»"]
    assert "«cây tre Việt Nam»" in lines(CAY_TRE, "cây tre Việt Nm")[0]
    assert lines(DOI_NGOAI, "Đối ngoại Đảng") == []
    blank = lines(CAY_TRE_CLOZE, ["gốc vững", "than chac", "cành uyển chuyển"])
    assert len(blank) == 1 and blank[0].startswith("Chỗ trống 2") and "«thân chắc»" in blank[0]
    wrong = lines(CAY_TRE_CLOZE, ["gốc vững", "x", "y"])
    assert [line.split(" sai")[0] for line in wrong] == ["Chỗ trống 2", "Chỗ trống 3"]
    assert "«thân chắc»" in wrong[0] and "«cành uyển chuyển»" in wrong[1]
    assert lines(NGAY_CT32, "2/2019") == ["Cần trả lời đủ ngày, tháng và năm"]
    assert lines(CHINH_DANG, "nhiều") == ["Không đọc được số trong câu trả lời"]


def test_expected_of_other_types_is_the_canonical_answer() -> None:
    assert judge(CHINH_DANG, "1").expected == "245 chính đảng"
    assert judge(NGAY_CT32, "1/1/2000").expected == "18/2/2019"
    assert judge(truefalse(False), True).expected == "Sai"
    assert judge(CAY_TRE_CLOZE, ["a", "b", "c"]).expected == "gốc vững · thân chắc · cành uyển chuyển"


def test_verdict_is_frozen() -> None:
    verdict = Verdict("correct", "Đảng")
    with pytest.raises(AttributeError):
        verdict.outcome = "wrong"  # type: ignore[misc]
    assert verdict.accepted and verdict.reason is None and verdict.note is None


# --------------------------------------------------------------------------- the parsers


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1.000", "1000"),
        ("1.000.000", "1000000"),
        ("0,6", "0.6"),
        ("12,5%", "12.5"),
        ("245 chính đảng", "245"),
        ("1.000,5", "1000.5"),
        ("1,000,000", "1000000"),
        ("-3", "-3"),
        ("3,14", "3.14"),
        ("0.6", "0.6"),
    ],
)
def test_parse_number(raw: str, value: str) -> None:
    assert parse_number(raw) == Decimal(value)


@pytest.mark.parametrize(
    "raw", ["", "abc", "1.2.3", "12.34.567", "1,2,3", "245 ở 111", "khoảng 5", "5e3", "--5"]
)
def test_parse_number_rejects_junk(raw: str) -> None:
    assert parse_number(raw) is None


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("18/2/2019", ("2019-02-18", "day")),
        ("ngày 18 tháng 2 năm 2019", ("2019-02-18", "day")),
        ("2019-02-18", ("2019-02-18", "day")),
        ("29/2/2020", ("2020-02-29", "day")),
        ("tháng 12/2021", ("2021-12", "month")),
        ("12-2021", ("2021-12", "month")),
        ("năm 2021", ("2021", "year")),
        ("năm 938", ("0938", "year")),
    ],
)
def test_parse_date(raw: str, parsed: tuple[str, str]) -> None:
    assert parse_date(raw) == parsed


@pytest.mark.parametrize(
    "raw",
    ["31/2/2019", "29/2/2019", "0/1/2019", "1/13/2019", "18/2/19", "ngày 2019", "tháng", "18/2/2019 10:00"],
)
def test_parse_date_rejects_impossible_dates(raw: str) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("32-CT/TW", DocCode(32, "CT", "TW")),
        ("số 32/CT-TW", DocCode(32, "CT", "TW")),
        ("32 ct tw", DocCode(32, "CT", "TW")),
        ("Nghị quyết số 28-NQ/TW ngày 25/10/2013", DocCode(28, "NQ", "TW")),
        ("Quyết định 1234/QĐ-TTg", DocCode(1234, "QD", "TTG")),
        ("Nghị định 11/2022/NĐ-CP", DocCode(11, "ND", "CP", 2022)),
    ],
)
def test_parse_doc_code(raw: str, code: DocCode) -> None:
    assert parse_doc_code(raw) == code


@pytest.mark.parametrize("raw", ["năm 2019 ban hành", "245 chính đảng", "18/2/2019", "Đại hội XIII", ""])
def test_parse_doc_code_finds_nothing_in_ordinary_text(raw: str) -> None:
    assert parse_doc_code(raw) is None


@pytest.mark.parametrize(
    ("raw", "value"), [("XIII", 13), ("xiii", 13), ("IV", 4), ("MCMXCIX", 1999), ("IIII", None), ("IC", None)]
)
def test_roman_to_int(raw: str, value: int | None) -> None:
    assert roman_to_int(raw) == value


# --------------------------------------------------------------------------- properties

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in TONES} | set("bcdđghklmnpqrstvx")
)
ALPHABET = LETTERS + [c.upper() for c in LETTERS]
words = st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=8)
phrases = st.lists(words, min_size=1, max_size=6).map(" ".join)
answers = st.one_of(
    phrases,
    st.text(alphabet=st.sampled_from(ALPHABET + list(" -/.,0123456789")), min_size=1, max_size=30).filter(
        lambda s: s.strip()
    ),
)


@settings(deadline=None)
@given(answers, st.lists(answers, max_size=3))
def test_the_exact_answer_and_every_accepted_form_are_correct(answer: str, accept: list[str]) -> None:
    for form in [answer, *accept]:
        verdict = judge_text(answer, accept, form)
        assert verdict.outcome == "correct" and verdict.reason is None


@settings(deadline=None)
@given(answers, answers)
def test_unicode_form_never_matters(answer: str, response: str) -> None:
    expected = judge_text(answer, [], response)
    assert judge_text(answer, [], unicodedata.normalize("NFD", response)) == expected
    assert judge_text(unicodedata.normalize("NFD", answer), [], response).outcome == expected.outcome


@settings(deadline=None)
@given(answers, answers)
def test_case_never_matters(answer: str, response: str) -> None:
    expected = judge_text(answer, [], response)
    assert judge_text(answer, [], response.upper()) == expected
    assert judge_text(answer, [], response.lower()) == expected
    assert judge_text(answer, [], answer.upper()).outcome == "correct"


@settings(deadline=None)
@given(phrases)
def test_dropping_every_diacritic_is_almost_or_better(answer: str) -> None:
    from quiz.text.vietnamese import fold

    verdict = judge_text(answer, [], fold(answer))
    assert (
        verdict.outcome == "correct"
        if fold(answer).lower() == answer.lower()
        else verdict.reason == "diacritics"
    )


@settings(deadline=None)
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=3, allow_nan=False, allow_infinity=False))
def test_a_number_written_either_way_is_correct(value: Decimal) -> None:
    question = number(str(value))
    plain = format(value, "f").replace(".", ",")  # Vietnamese decimal comma, no grouping
    for written in (format_decimal(value), plain, f"{format_decimal(value)} chính đảng"):
        assert judge(question, written).outcome == "correct", written


@settings(deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)))
def test_a_date_written_any_usual_way_is_correct(day: datetime.date) -> None:
    question = date(day.isoformat())
    d, m, y = day.day, day.month, day.year
    for written in (
        format_date(day.isoformat()),
        f"{d:02d}/{m:02d}/{y}",
        f"{d}-{m}-{y}",
        f"{d}.{m}.{y}",
        f"ngày {d} tháng {m} năm {y}",
        f"{d} tháng {m}, {y}",
        day.isoformat(),
    ):
        assert judge(question, written).outcome == "correct", written
    assert judge(date(f"{y}-{m:02d}"), f"tháng {m}/{y}").outcome == "correct"
    assert judge(date(str(y)), f"năm {y}").outcome == "correct"
    assert judge(question, f"{m}/{y}").outcome == "wrong"


@settings(deadline=None)
@given(
    st.integers(1, 99999), st.sampled_from(["CT", "NQ", "KL", "QĐ"]), st.sampled_from(["TW", "BCT", "BBT"])
)
def test_a_document_code_matches_whatever_its_separators(n: int, kind: str, issuer: str) -> None:
    question = text(f"{n}-{kind}/{issuer}")
    for written in (
        f"{n}/{kind}-{issuer}",
        f"số {n} {kind} {issuer}",
        f"{n}-{kind.lower()}/{issuer.lower()}",
    ):
        assert judge(question, written).outcome == "correct", written
    assert judge(question, f"{n + 1}-{kind}/{issuer}").outcome == "wrong"


@settings(deadline=None)
@given(phrases, st.integers(0, 10**6), st.integers(1, 9))
def test_a_different_number_in_a_text_answer_is_never_almost(words: str, n: int, delta: int) -> None:
    question = text(f"{words} {n}")
    assert judge(question, f"{words} {n}").outcome == "correct"
    assert judge(question, f"{words} {n + delta}").outcome == "wrong"


ANY_RESPONSE = st.one_of(
    st.text(),
    st.lists(st.text(), max_size=4),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(alphabet="0123456789.,/- %", max_size=30),
)
QUESTIONS = [
    DOI_NGOAI, VUFO, CHI_THI_32, DAI_HOI_13, BAN_DOI_NGOAI, CHINH_DANG, QUOC_GIA, NGAY_CT32, THANG_HN,
    NAM_2021, CAY_TRE_CLOZE, choice("Đối ngoại Đảng", *BA_TRU_COT), multi(BA_TRU_COT[:3], *BA_TRU_COT),
    truefalse(True), order(*BA_TRU_COT), number("0.6"),
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(QUESTIONS), ANY_RESPONSE)
def test_the_judge_never_raises(question: Question, response: Any) -> None:
    verdict = judge(question, response)
    assert verdict.outcome in ("correct", "almost", "wrong")
    assert verdict.reason in ("diacritics", "tone", "typo", None)


@settings(deadline=None)
@given(st.text(), st.lists(st.text(), max_size=2), st.text())
def test_text_judging_and_parsers_never_raise(answer: str, accept: list[str], response: str) -> None:
    judge_text(answer, accept, response)
    parse_number(response)
    parse_date(response)
    parse_doc_code(response)
    roman_to_int(response)


def test_judging_is_cheap_even_for_huge_garbage() -> None:
    start = time.perf_counter()
    for response in ("x" * 100_000, "1" * 100_000, "đ " * 50_000, "32-CT/" * 10_000):
        for question in (VUFO, CHI_THI_32, CHINH_DANG, NGAY_CT32):
            assert judge(question, response).outcome == "wrong"
    assert time.perf_counter() - start < 5


@given(st.integers(min_value=1, max_value=3999))
def test_roman_numerals_round_trip(n):
    from quiz.text.numbers import int_to_roman, roman_to_int

    assert roman_to_int(int_to_roman(n)) == n
