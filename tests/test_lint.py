"""The bank quality check (`quiz bank check` warnings, `--strict`): each warning fires on a small
hand-written bank, points at the right file:line and question, and stays silent on a clean bank."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz.bank.lint import giveaway_word, lint_bank
from quiz.bank.loader import load_text
from quiz.cli import app

HEADER = """bank: kiem-tra
title: Ngân hàng kiểm tra chất lượng
questions:
"""

# A clean bank: every type, the right option never the longest, one cloze in eight, no prompt
# printing another's answer, ids that say what is asked.
CHOICE_A = """  - id: hoi-nghi-lan-dau
    type: choice
    prompt: Theo bài viết (2022), hội nghị nào được tổ chức lần đầu tiên vào tháng 12/2021?
    choices: [Hội nghị Đối ngoại toàn quốc, Hội nghị Ngoại giao lần thứ 30, Hội nghị Trung ương 4]
    answer: Hội nghị Đối ngoại toàn quốc
"""
CHOICE_B = """  - id: dai-hoi-dang-gan-nhat
    type: choice
    prompt: Theo bài viết (2022), văn kiện nào định hướng đối ngoại của nhiệm kỳ?
    choices: [Văn kiện Đại hội XIII, Văn kiện Đại hội XII, Cương lĩnh năm 1991 bổ sung]
    answer: Văn kiện Đại hội XIII
"""
MULTI = """  - id: tru-cot-doi-ngoai
    type: multi
    prompt: Theo bài viết (2022), những trụ cột nào hợp thành nền đối ngoại toàn diện?
    choices: [Đối ngoại Đảng, Ngoại giao Nhà nước, Đối ngoại nhân dân, Đối ngoại quốc phòng]
    answer: [Đối ngoại Đảng, Ngoại giao Nhà nước, Đối ngoại nhân dân]
"""
TEXT = """  - id: truong-ban-phong-van
    type: text
    prompt: Ai là Trưởng Ban Đối ngoại Trung ương trả lời phỏng vấn tháng 8/2018?
    answer: Hoàng Bình Quân
"""
NUMBER = """  - id: so-chinh-dang-quan-he
    type: number
    prompt: Theo Trưởng Ban Đối ngoại Trung ương (8/2018), Đảng ta có quan hệ với bao nhiêu chính đảng?
    answer: 245
    unit: chính đảng
"""
DATE = """  - id: chi-thi-quan-he-dang-ngay
    type: date
    prompt: Chỉ thị của Bộ Chính trị về quan hệ đối ngoại đảng trong tình hình mới được ban hành ngày nào?
    answer: 2019-02-18
"""
TRUEFALSE = """  - id: lhhn-co-quan-thuong-truc
    type: truefalse
    prompt: Theo bài phát biểu (cuối 2019), Ban Bí thư ban hành Chỉ thị về hoạt động của LHHN.
    answer: false
"""
CLOZE = """  - id: ban-sac-cay-tre
    type: cloze
    text: "Bản sắc cây tre Việt Nam: {{gốc vững}}, {{thân chắc}}, {{cành uyển chuyển}}"
"""
ORDER = """  - id: moc-thoi-gian-chi-thi
    type: order
    prompt: Xếp các chỉ thị theo thứ tự thời gian ban hành
    items: [Chỉ thị 28/CT-TW, Chỉ thị 32-CT/TW, Chỉ thị 38/CT-TW]
"""
CLEAN = [CHOICE_A, CHOICE_B, MULTI, TEXT, NUMBER, DATE, TRUEFALSE, CLOZE, ORDER]


def bank_text(*questions: str) -> str:
    return HEADER + "\n".join(questions)


def warnings_of(*questions: str) -> list:
    bank, problems = load_text(bank_text(*questions), "kiem-tra.yaml")
    assert problems == [] and bank is not None, [str(p) for p in problems]
    return lint_bank(bank, "kiem-tra.yaml")


def codes(*questions: str) -> list[tuple[str, str | None]]:
    return [(w.code, w.qid) for w in warnings_of(*questions)]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_clean_bank_has_no_warning():
    assert codes(*CLEAN) == []


# --- answer_in_prompt / answer_in_own_prompt ---------------------------------------------

LEAK = """  - id: truong-ban-nhan-dinh
    type: truefalse
    prompt: Theo Trưởng Ban Hoàng Bình Quân (8/2018), quan hệ đảng là nền tảng chính trị của quan hệ nhà nước.
    answer: true
"""


def test_a_prompt_printing_another_questions_answer_is_flagged_at_its_prompt_line():
    text = bank_text(*CLEAN, LEAK)
    found = warnings_of(*CLEAN, LEAK)
    assert [(w.code, w.qid) for w in found] == [("answer_in_prompt", "truong-ban-nhan-dinh")]
    warning = found[0]
    assert warning.line == line_of(text, "Theo Trưởng Ban Hoàng Bình Quân")
    shown = str(warning)
    assert shown.startswith(f"kiem-tra.yaml:{warning.line}: kiem-tra/truong-ban-nhan-dinh: ")
    assert "[answer_in_prompt]" in shown and "truong-ban-phong-van" in shown and "Hoàng Bình Quân" in shown
    assert " — " in shown and "siblings: [truong-ban-phong-van]" in shown  # the fix names the key


def test_declared_siblings_silence_the_pair_either_way_round():
    declared = LEAK.replace("    answer: true\n", "    answer: true\n    siblings: [truong-ban-phong-van]\n")
    assert codes(*CLEAN, declared) == []
    other_side = TEXT + "    siblings: [truong-ban-nhan-dinh]\n"
    clean = [other_side if q is TEXT else q for q in CLEAN]
    assert codes(*clean, LEAK) == []


@pytest.mark.parametrize(
    ("question", "printed"),
    [
        # a number as digits, with Vietnamese thousands, or as a Roman numeral
        ("    prompt: Đảng ta có quan hệ với 245 chính đảng ở bao nhiêu quốc gia?\n", "245"),
        # a date however written
        ("    prompt: Chỉ thị ban hành ngày 18 tháng 2 năm 2019 nói về gì?\n", "18/2/2019"),
        ("    prompt: Chỉ thị ban hành ngày 18/02/2019 nói về gì?\n", "18/2/2019"),
        # tone placement and case do not hide a name
        ("    prompt: Văn kiện đại hội xiii có gì mới?\n", "Văn kiện Đại hội XIII"),
        # all the answers of a multi question
        (
            "    prompt: Đối ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân phối hợp ra sao?\n",
            "Đối ngoại Đảng; Ngoại giao Nhà nước; Đối ngoại nhân dân",
        ),
        # a cloze blank with a word of its sentence beside it
        ("    prompt: Vì sao nói cây tre có gốc vững, thân chắc?\n", "gốc vững"),
    ],
)
def test_answers_are_found_in_prompts_in_every_form(question, printed):
    extra = "  - id: cau-them\n    type: truefalse\n" + question + "    answer: true\n"
    found = warnings_of(*CLEAN, extra)
    assert [w.code for w in found] == ["answer_in_prompt"], [str(w) for w in found]
    assert printed in found[0].message


@pytest.mark.parametrize(
    "prompt",
    [
        "Người lao động nói gì về công cuộc Đổi mới?",  # `lao động` is not `Lào`: diacritics count
        "Chỉ thị có 2 phần, phần nào nói về đảng cầm quyền?",  # a lone digit is not `2 lần`
        "Vì sao thân cây tre phải vững?",  # a lone short word of a blank is not the blank
        "Đối ngoại Đảng phối hợp với kênh nào?",  # one of three answers of a multi question
    ],
)
def test_words_that_merely_resemble_an_answer_are_not_flagged(prompt):
    lao = """  - id: dang-cua-viet-nam
    type: choice
    prompt: Đảng nào dưới đây là đảng của Việt Nam?
    choices: [Đảng Lao động Việt Nam, Đảng Nhân dân Cách mạng Lào, Đảng Nhân dân Campuchia]
    answer: Đảng Lao động Việt Nam
  - id: nuoc-lang-gieng
    type: text
    prompt: Nước nào có chung đường biên giới dài nhất với Việt Nam?
    answer: Lào
  - id: hdba-lan-thu
    type: number
    prompt: Việt Nam trúng cử Hội đồng Bảo an lần thứ mấy?
    answer: 2
    unit: lần
"""
    extra = f"  - id: cau-them\n    type: truefalse\n    prompt: {prompt}\n    answer: true\n"
    assert codes(*CLEAN, lao, extra) == []


def test_a_prompt_printing_its_own_answer_is_flagged():
    own = """  - id: chuc-vu-nguoi-phat-bieu
    type: choice
    prompt: Phó Trưởng ban Nguyễn Huy Tăng phát biểu với cương vị gì?
    choices: [Phó Trưởng ban Ban Đối ngoại Trung ương, Thứ trưởng Bộ Ngoại giao, Phó Chủ tịch LHHN]
    answer: Phó Trưởng ban Ban Đối ngoại Trung ương
"""
    assert ("answer_in_prompt", "chuc-vu-nguoi-phat-bieu") not in codes(*CLEAN, own)
    own_leak = own.replace(
        "Phó Trưởng ban Nguyễn Huy Tăng", "Phó Trưởng ban Ban Đối ngoại Trung ương Nguyễn Huy Tăng"
    )
    assert ("answer_in_own_prompt", "chuc-vu-nguoi-phat-bieu") in codes(*CLEAN, own_leak)


# --- id_has_answer -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "leak"),
    [
        (NUMBER, NUMBER.replace("so-chinh-dang-quan-he", "so-chinh-dang-245"), "245"),
        (TEXT, TEXT.replace("truong-ban-phong-van", "hoang-binh-quan-truong-ban"), "hoang binh quan"),
        (
            CHOICE_B,
            CHOICE_B.replace("dai-hoi-dang-gan-nhat", "van-kien-dai-hoi-xiii"),
            "van kien dai hoi xiii",
        ),
        (DATE, DATE.replace("chi-thi-quan-he-dang-ngay", "chi-thi-ngay-18-2"), "18 2"),
        (DATE, DATE.replace("chi-thi-quan-he-dang-ngay", "chi-thi-2019"), "2019"),
        (TRUEFALSE, TRUEFALSE.replace("lhhn-co-quan-thuong-truc", "ban-bi-thu-khong-phai"), "khong phai"),
        (CLOZE, CLOZE.replace("ban-sac-cay-tre", "cay-tre-goc-vung"), "goc vung"),
    ],
)
def test_an_id_holding_its_answer_is_flagged(old, new, leak):
    questions = [new if q is old else q for q in CLEAN]
    found = [w for w in warnings_of(*questions) if w.code == "id_has_answer"]
    assert len(found) == 1 and leak in found[0].message, [str(w) for w in found]
    assert found[0].line == line_of(bank_text(*questions), "  - id: " + new.split("id: ")[1].split("\n")[0])


def test_an_id_is_no_leak_when_the_prompt_says_the_same_or_every_option_shares_the_words():
    same_as_prompt = CHOICE_A.replace("hoi-nghi-lan-dau", "hoi-nghi-lan-dau-tien")
    assert codes(*[same_as_prompt if q is CHOICE_A else q for q in CLEAN]) == []
    shared = MULTI.replace("tru-cot-doi-ngoai", "ba-kenh-doi-ngoai")  # every option says "đối ngoại"
    assert codes(*[shared if q is MULTI else q for q in CLEAN]) == []


def test_initials_of_the_answer_in_an_id_are_a_leak():
    tbt = """  - id: cuong-vi-tbt
    type: choice
    prompt: Theo bài viết (2022), Nguyễn Phú Trọng thăm Trung Quốc với cương vị gì?
    choices: [Tổng Bí thư, Chủ tịch nước, Thủ tướng Chính phủ]
    answer: Tổng Bí thư
"""
    assert ("id_has_answer", "cuong-vi-tbt") in codes(*CLEAN, tbt)


# --- right_option_longest -------------------------------------------------------------------


def _choice(n: int, right: str, wrong: list[str]) -> str:
    return (
        f"  - id: lua-chon-{n}\n    type: choice\n    prompt: Câu hỏi chọn một số {n} về chủ đề khác nhau?\n"
        f"    choices: [{', '.join([right, *wrong])}]\n    answer: {right}\n"
    )


def test_the_right_option_longest_in_most_choice_questions_is_flagged_once_for_the_bank():
    long_right = [_choice(n, "Phương án đúng dài hơn hẳn", ["Sai một", "Sai hai"]) for n in range(3)]
    text = bank_text(*CLEAN, *long_right)
    found = warnings_of(*CLEAN, *long_right)
    assert [(w.code, w.qid) for w in found] == [("right_option_longest", None)]
    assert "3/5" in found[0].message and "lua-chon-0" in found[0].message
    assert found[0].line == line_of(text, "bank: kiem-tra")
    assert str(found[0]).startswith(f"kiem-tra.yaml:{found[0].line}: kiem-tra: ")


def test_the_right_option_longest_in_half_or_fewer_is_not_flagged():
    two = [_choice(n, "Phương án đúng dài hơn hẳn", ["Sai một", "Sai hai"]) for n in range(2)]
    short = [_choice(n, "Đúng", ["Phương án sai dài hơn", "Sai hai"]) for n in range(2, 4)]
    assert codes(*CLEAN, *two, *short) == []  # 2 of 6
    same_length = [_choice(n, "Alpha", ["Bravo", "Delta"]) for n in range(4)]
    assert codes(*CLEAN, *same_length) == []  # options all of one length tell nothing


# --- prompt_too_long ---------------------------------------------------------------------------


def test_a_prompt_over_220_characters_is_flagged_and_220_is_not():
    def with_prompt(length: int) -> str:
        prompt = ("Theo bài viết, " + "rất " * 60)[: length - 1].rstrip() + "?"
        prompt = prompt + "x" * (length - len(prompt))
        assert len(prompt) == length
        return f"  - id: de-bai-dai\n    type: truefalse\n    prompt: {prompt}\n    answer: true\n"

    assert codes(*CLEAN, with_prompt(220)) == []
    found = warnings_of(*CLEAN, with_prompt(221))
    assert [(w.code, w.qid) for w in found] == [("prompt_too_long", "de-bai-dai")]
    assert "221" in found[0].message


def test_a_cloze_is_measured_as_the_learner_reads_it():
    long_cloze = (
        '  - id: cloze-dai\n    type: cloze\n    text: "'
        + "chữ " * 55
        + '{{đáp án dài dài dài dài dài dài dài dài}}"\n'
    )
    assert ("prompt_too_long", "cloze-dai") in codes(*CLEAN, long_cloze)  # 220 + "____" shown


# --- truefalse_giveaway --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "Theo bài viết, Đảng chỉ quan hệ với các đảng cộng sản.",
        "Theo bài viết, Đảng luôn luôn giữ một cách làm.",
        "Theo bài viết, quan hệ đã hoàn toàn đi vào chiều sâu.",
        "Theo bài viết, Việt Nam không bao giờ tham gia liên minh.",
        "Theo bài viết, Việt Nam đã tham gia tất cả các tổ chức quốc tế.",
        "Theo bài viết, đây là kênh duy nhất.",
        "THEO BÀI VIẾT, ĐẢNG CHỈ QUAN HỆ VỚI ĐẢNG CẦM QUYỀN.",
    ],
)
def test_a_false_statement_with_an_absolute_word_is_flagged(statement):
    false = f"  - id: menh-de\n    type: truefalse\n    prompt: {statement}\n    answer: false\n"
    assert codes(*CLEAN, false) == [("truefalse_giveaway", "menh-de")]
    true = false.replace("answer: false", "answer: true")
    assert codes(*CLEAN, true) == []  # a true statement may say "chỉ": that balances the form


@pytest.mark.parametrize(
    "statement",
    [
        "Chỉ thị 38/CT-TW do Bộ Chính trị ban hành.",  # chỉ thị: a directive, not "only"
        "Ban Bí thư chỉ đạo LHHN trực tiếp.",
        "Bài viết chỉ rõ ba nhiệm vụ.",
        "Trụ sở có địa chỉ ở Hà Nội.",
        "Đảng không chỉ quan hệ với các đảng cộng sản.",  # negated: a hedge, not an absolute
        "Quan hệ đã đi vào chiều sâu, nhưng chưa với tất cả các đối tác.",
    ],
)
def test_chi_in_compounds_and_negated_absolutes_are_no_giveaway(statement):
    assert giveaway_word(statement) is None


# --- cloze_share -----------------------------------------------------------------------------------


def test_more_than_a_quarter_of_cloze_questions_is_flagged_for_the_bank():
    more = CLOZE.replace("ban-sac-cay-tre", "khau-hieu-hai").replace("Bản sắc cây tre", "Khẩu hiệu hai")
    assert codes(*CLEAN, more) == []  # 2 of 10 = 20 %
    third = CLOZE.replace("ban-sac-cay-tre", "khau-hieu-ba").replace("Bản sắc cây tre", "Khẩu hiệu ba")
    fourth = CLOZE.replace("ban-sac-cay-tre", "khau-hieu-bon").replace("Bản sắc cây tre", "Khẩu hiệu bốn")
    found = warnings_of(*CLEAN, more, third, fourth)  # 4 of 12 = 33 %
    assert [(w.code, w.qid) for w in found if w.code == "cloze_share"] == [("cloze_share", None)]
    assert "4/12" in found[0].message and "33%" in found[0].message


# --- the command line --------------------------------------------------------------------------------


@pytest.fixture
def bank_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    def write(*questions: str) -> Path:
        path = tmp_path / "kiem-tra.yaml"
        path.write_text(bank_text(*questions), encoding="utf-8")
        return path

    return write


def test_bank_check_prints_warnings_but_passes_and_strict_fails(bank_file):
    path = bank_file(*CLEAN, LEAK)
    result = CliRunner().invoke(app, ["bank", "check", str(path)])
    assert result.exit_code == 0, result.output
    line = line_of(path.read_text(encoding="utf-8"), "Theo Trưởng Ban Hoàng Bình Quân")
    assert (
        f"kiem-tra.yaml:{line}: kiem-tra/truong-ban-nhan-dinh: cảnh báo [answer_in_prompt]" in result.output
    )
    assert "1 cảnh báo" in result.output and "--strict" in result.output
    strict = CliRunner().invoke(app, ["bank", "check", "--strict", str(path)])
    assert strict.exit_code == 1
    assert "[answer_in_prompt]" in strict.output and "Traceback" not in strict.output


def test_bank_check_on_a_clean_bank_says_no_warning(bank_file):
    path = bank_file(*CLEAN)
    for args in (["bank", "check", str(path)], ["bank", "check", "--strict", str(path)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        assert "cảnh báo" not in result.output


def test_the_check_is_linear_on_a_hostile_bank():
    """Thousands of questions sharing one answer, each prompt printing it many times: capped work."""
    many = [
        f"  - id: cau-{n}\n    type: text\n    prompt: {'Đảng ' * 40}câu {n}?\n    answer: Đảng\n"
        for n in range(1000)
    ]
    bank, problems = load_text(bank_text(*many), "lon.yaml")
    assert bank is not None, problems[:3]
    started = time.perf_counter()
    found = lint_bank(bank)
    elapsed = time.perf_counter() - started
    assert elapsed < 10, elapsed  # ~0.5 s on an idle machine
    assert 0 < len(found) <= 1000 * 51  # each answer is matched against at most 50 prompts
