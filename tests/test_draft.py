"""`quiz bank draft` core: candidates from an article and the draft bank built from them."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.authoring.candidates import Candidate, find_candidates
from quiz.authoring.draft import draft_bank
from quiz.bank.loader import load_text
from quiz.bank.model import ID_PATTERN
from quiz.errors import QuizError

ARTICLES = Path(__file__).parent / "data" / "articles"
ARTICLE_FILES = sorted(ARTICLES.glob("*.txt"))


def article(prefix: str) -> str:
    (path,) = ARTICLES.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


def facts(
    text: str, kinds: tuple[str, ...] = ("date", "range", "number", "code", "ordinal")
) -> list[tuple[str, object]]:
    return [(c.kind, c.value) for c in find_candidates(text) if c.kind in kinds]


def only(text: str, kind: str) -> list[Candidate]:
    return [c for c in find_candidates(text) if c.kind == kind]


# --------------------------------------------------------------------------------------
# Exact findings in real articles (checked by reading each article)


def test_interview_2018_exact_dates_numbers_ordinals() -> None:
    # 000: interview with Hoàng Bình Quân (13/08/2018), plus the "Tin khác" list.
    assert facts(article("000")) == [
        ("date", "2020-06-01"),  # Thứ hai Ngày 1 Tháng 6 Năm 2020 (site banner)
        ("date", "2018-08-13"),  # 13/08/2018 14:11 (the time is not a number)
        ("number", "245"),
        ("number", "111"),
        ("number", "96"),
        ("number", "63"),
        ("number", "28"),
        ("number", "38"),
        ("number", "23"),
        ("ordinal", 1),  # Hà Giang … lần thứ I
        ("range", "2018-2023"),  # nhiệm kỳ 2018 – 2023: one fact, a term
        ("date", "2018-03-29"),
        ("date", "2016-09-14"),
        ("ordinal", 1),  # Liên hiệp … lần thứ I (another line)
        ("range", "2016-2021"),  # nhiệm kỳ 2016 - 2021
        ("date", "2016-03-15"),
        ("number", "20"),  # 20 năm bình thường hóa
        ("date", "2015-09-30"),
        ("date", "2008-07-24"),
        ("date", "2008-05-13"),
        ("date", "2008-03-21"),
    ]
    numbers = {c.value: c.surface for c in only(article("000"), "number")}
    assert numbers["245"] == "245 chính đảng"
    assert numbers["111"] == "111 quốc gia"
    assert numbers["96"] == "96 ĐCS"
    assert numbers["63"] == "63 đảng cầm quyền"
    assert numbers["38"] == "38 cuộc hội thảo"
    assert numbers["23"] == "23 thỏa thuận"
    assert numbers["20"] == "20 năm"


def test_lhhn_speech_exact_dates_numbers_codes_ordinals() -> None:
    # 004: speech at the 6th congress of VUFO. The banner repeats "94 năm" in one sentence: once.
    assert facts(article("004")) == [
        ("number", "94"),
        ("date", "1930-02-03"),
        ("date", "2024-02-03"),
        ("date", "1930-02-24"),
        ("date", "2024-02-24"),
        ("number", "83"),
        ("date", "1941-01-28"),
        ("date", "2024-01-28"),
        ("ordinal", 18),  # ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVIII
        ("ordinal", 8),  # ĐẠI HỘI ĐẢNG BỘ KHỐI LẦN THỨ VIII
        ("number", "370"),
        ("ordinal", 11),  # ĐẠI HỘI CÔNG ĐOÀN … LẦN THỨ XI
        ("range", "2023-2028"),  # NHIỆM KỲ 2023-2028
        ("date", "2024-05-28"),  # Thứ Ba, 28/05/2024 23:47
        ("ordinal", 6),  # lần thứ VI (lead)
        ("ordinal", 6),  # Đại hội lần thứ VI (greeting)
        ("number", "30"),  # hơn 30 năm qua
        ("number", "247"),
        ("number", "111"),
        ("code", "28-CT/TW"),  # written 28/CT-TW
        ("date", "2008-12-02"),
        ("ordinal", 10),  # Ban Bí thư khóa X
        ("code", "32-CT/TW"),
        ("date", "2019-02-18"),
        ("code", "38-CT/TW"),  # written 38/CT-TW
        ("date", "2019-09-19"),
        ("number", "2"),  # "để hai bên chủ động phối hợp" (number word)
        ("ordinal", 6),  # Đại hội đại biểu toàn quốc lần thứ VI (closing)
    ]
    codes = only(article("004"), "code")
    assert [c.surface for c in codes] == ["28/CT-TW", "32-CT/TW", "38/CT-TW"]
    assert {c.label for c in codes} == {"Chỉ thị"}


def test_formulas_in_the_cay_tre_article() -> None:
    formulas = [c.value for c in only(article("001"), "formula")]
    assert "cây tre Việt Nam" in formulas
    assert "gốc vững, thân chắc, cành uyển chuyển" in formulas
    assert "luôn vì lợi ích của dân tộc mà phục vụ" in formulas
    assert (
        "Hòa bình, hợp tác và phát triển vẫn là xu thế lớn, song cũng đứng trước không ít trở ngại, khó khăn"
        in (formulas)
    )
    # The unclosed “trường phái … quote is not invented into a formula.
    assert not any(f.startswith("trường phái") for f in formulas)


def test_conference_article_codes_and_partial_dates() -> None:
    text = article("003")
    assert [(c.value, c.label) for c in only(text, "code")] == [("32-CT/TW", "Chỉ thị")] * 3
    dates = [(c.value, c.surface) for c in only(text, "date")]
    assert ("--12-14", "ngày 14/12") in dates
    assert ("2019", "năm 2019") in dates
    assert [(c.value, c.surface) for c in only(text, "range")] == [("2021-2026", "2021-2026")]  # nhiệm kỳ
    formulas = [c.value for c in only(text, "formula")]
    assert "Tăng cường và nâng cao hiệu quả quan hệ đối ngoại đảng trong tình hình mới" in formulas
    assert ("number", "0.6") in facts(text)


def test_every_fact_the_shipped_banks_teach_is_found() -> None:
    # The dates, numbers and codes the articles are quoted for in docs and banks.
    found = {(c.kind, c.value) for p in ARTICLE_FILES for c in find_candidates(p.read_text(encoding="utf-8"))}
    for fact in [
        ("date", "2019-02-18"),
        ("date", "2019-09-19"),
        ("date", "2008-12-02"),
        ("date", "1930-02-03"),
        ("date", "2021-12"),
        ("date", "--12-14"),
        ("date", "2018-08-13"),
        ("date", "2019-06-07"),
        ("date", "1966-01-08"),
        ("number", "245"),
        ("number", "247"),
        ("number", "111"),
        ("number", "37"),
        ("number", "24"),
        ("number", "70"),
        ("number", "500"),
        ("number", "35"),
        ("number", "94"),
        ("number", "3"),
        ("code", "32-CT/TW"),
        ("code", "38-CT/TW"),
        ("code", "28-CT/TW"),
        ("ordinal", 13),
        ("ordinal", 12),
        ("ordinal", 6),
        ("ordinal", 10),
    ]:
        assert fact in found, fact


# --------------------------------------------------------------------------------------
# Patterns, one behaviour each


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("Chỉ thị được ban hành ngày 18/2/2019.", "2019-02-18", "ngày 18/2/2019"),
        ("Đảng ra đời ngày 03/02/1930 tại Hương Cảng.", "1930-02-03", "ngày 03/02/1930"),
        ("Ký ngày 18-2-2019 tại Hà Nội.", "2019-02-18", "ngày 18-2-2019"),
        ("Ký ngày 18.2.2019 tại Hà Nội.", "2019-02-18", "ngày 18.2.2019"),
        ("Ký ngày 18 tháng 2 năm 2019 tại Hà Nội.", "2019-02-18", "ngày 18 tháng 2 năm 2019"),
        ("Hội nghị diễn ra vào ngày 14/12 tại Hà Nội.", "--12-14", "ngày 14/12"),
        ("Hội nghị (tháng 12/2021) rất quan trọng.", "2021-12", "tháng 12/2021"),
        ("Hội nghị tháng 12 năm 2021 rất quan trọng.", "2021-12", "tháng 12 năm 2021"),
        ("Số liệu 12/2021 cho thấy điều đó.", "2021-12", "12/2021"),
        ("Trong năm 2022, Đảng đã làm nhiều việc.", "2022", "năm 2022"),
        ("Tết Canh Tý 2020, Tổng Bí thư trả lời phỏng vấn.", "2020", "2020"),
    ],
)
def test_dates_in_every_written_form(text: str, value: str, surface: str) -> None:
    (date,) = only(text, "date")
    assert (date.value, date.surface) == (value, surface)
    assert text[date.start : date.start + len(date.surface)] == date.surface
    assert date.sentence == text


def test_a_year_inside_a_date_is_not_a_count() -> None:
    text = "Chỉ thị 32-CT/TW ngày 18/02/2019 và Hội nghị năm 2018 có 245 chính đảng."
    assert facts(text) == [("code", "32-CT/TW"), ("date", "2019-02-18"), ("date", "2018"), ("number", "245")]


def test_impossible_dates_are_not_dates() -> None:
    assert not only("Ngày 31/2/2019 không tồn tại.", "date") or all(
        c.value != "2019-02-31" for c in only("Ngày 31/2/2019 không tồn tại.", "date")
    )
    assert only("Tỷ lệ 45/13 không phải ngày.", "date") == []


def test_times_urls_and_glued_numbers_are_not_numbers() -> None:
    text = "Lúc 14:11 tại http://vufo.org.vn/a-42-4682.html nhóm G7 bàn về Covid-19, gọi 0912 với 4 cán bộ."
    assert facts(text) == [("number", "4")]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia.", "245", "chính đảng"),
        ("Kinh tế tăng 0,6% trong quý đầu.", "0.6", "%"),
        ("Có 1.000 người tham dự.", "1000", "người"),
        ("Kỷ niệm 94 năm ngày thành lập Đảng.", "94", "năm"),
        ("Tổ chức 38 cuộc hội thảo lý luận.", "38", "cuộc hội thảo"),
        ("Trong đó có 96 ĐCS, 63 đảng cầm quyền.", "96", "ĐCS"),
        ("Dân số đạt 2,5 triệu người vào cuối kỳ.", "2.5", "triệu người"),
        ("Kinh tế tăng 0.6% (viết kiểu Anh).", "0.6", "%"),
    ],
)
def test_numbers_with_their_noun(text: str, value: str, unit: str) -> None:
    first = only(text, "number")[0]
    assert (first.value, first.unit) == (value, unit)
    assert first.surface.endswith(unit)


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("Phát huy sức mạnh giữa ba trụ cột đối ngoại.", "3", "ba trụ cột"),
        ("Ông đã chủ trì hai Hội nghị quan trọng.", "2", "hai Hội nghị"),
    ],
)
def test_number_words(text: str, value: str, surface: str) -> None:
    (found,) = only(text, "number")
    assert (found.value, found.surface) == (value, surface)


def test_number_words_that_are_not_counts() -> None:
    text = "Thứ hai, ông đến Ba Lan. Hai là, mở rộng quan hệ. Thứ ba ngày 5 tháng 3."
    assert only(text, "number") == []


@pytest.mark.parametrize(
    ("text", "code", "label"),
    [
        ("Bộ Chính trị ban hành Chỉ thị số 32-CT/TW về đối ngoại đảng.", "32-CT/TW", "Chỉ thị"),
        ("Ban Bí thư ra Chỉ thị 38/CT-TW về LHHN.", "38-CT/TW", "Chỉ thị"),
        ("Thực hiện Nghị quyết số 22-NQ/TW về hội nhập quốc tế.", "22-NQ/TW", "Nghị quyết"),
        ("Theo Kết luận số 12-KL/TW của Bộ Chính trị.", "12-KL/TW", "Kết luận"),
        ("Căn cứ Nghị định 15/2018/NĐ-CP của Chính phủ.", "15/2018/NĐ-CP", "Nghị định"),
        ("Căn cứ Quyết định số 123/QĐ-TTg của Thủ tướng.", "123/QĐ-TTg", "Quyết định"),
        ("Văn bản 35-CT/TW đã được tổng kết.", "35-CT/TW", None),
        ("Thực hiện Nghị quyết số 36 của Bộ Chính trị.", "Nghị quyết 36", "Nghị quyết"),
        ("Thực hiện Nghị quyết 36 của Bộ Chính trị.", "Nghị quyết 36", "Nghị quyết"),
    ],
)
def test_document_codes(text: str, code: str, label: str | None) -> None:
    (found,) = only(text, "code")
    assert (found.value, found.label) == (code, label)


@pytest.mark.parametrize(
    ("text", "value", "surface"),
    [
        ("Nghị quyết Đại hội XIII của Đảng.", 13, "Đại hội XIII"),
        ("Đại hội đại biểu toàn quốc lần thứ VI của LHHN.", 6, "lần thứ VI"),
        ("Ban Bí thư khóa XII đã ban hành.", 12, "khóa XII"),
        ("Ban Bí thư khoá X đã ban hành.", 10, "khoá X"),
        ("Bám sát Nghị quyết Đại hội 12 của Đảng.", 12, "Đại hội 12"),
        ("Hội nghị Trung ương 8 khóa XI bàn về chiến lược.", 8, "Hội nghị Trung ương 8"),
        ("ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVIII THÀNH CÔNG.", 18, "LẦN THỨ XVIII"),
        ("Bước vào thế kỷ XXI, thời cơ và thách thức đan xen.", 21, "thế kỷ XXI"),
    ],
)
def test_congress_and_term_numbers(text: str, value: int, surface: str) -> None:
    found = only(text, "ordinal")[0]
    assert (found.value, found.surface) == (value, surface)


def test_a_number_written_with_a_trailing_zero_is_blanked_as_written() -> None:
    (q,) = yaml.safe_load(draft_bank("Lãi suất tăng 0,50% trong quý.", "nhap"))["questions"]
    assert q["type"] == "cloze" and "{{0,50%}}" in q["text"]


def test_a_document_number_is_not_a_count_but_a_duration_is() -> None:
    assert facts("Chỉ thị 32 năm 2019 về đối ngoại.") == [("code", "Chỉ thị 32"), ("date", "2019")]
    assert facts("Quyết định 5 năm một lần.") == [("number", "5")]


def test_roman_letters_inside_words_are_not_ordinals() -> None:
    assert only("Đại hội Công đoàn và khóa học lần này.", "ordinal") == []
    assert only("Đại hội VIỆT NAM.", "ordinal") == []


def test_quoted_formulas_straight_curly_and_nested() -> None:
    text = 'Ông nói: “Ta tạo “dư địa” để thích ứng”. Chỉ thị về "Tăng cường quan hệ đối ngoại đảng".'
    assert [c.value for c in only(text, "formula")] == [
        "Ta tạo “dư địa” để thích ứng",
        "dư địa",
        "Tăng cường quan hệ đối ngoại đảng",
    ]


def test_same_fact_in_the_same_sentence_once_but_again_in_another_sentence() -> None:
    text = (
        "Thực hiện Chỉ thị số 32-CT/TW là thực hiện Chỉ thị số 32-CT/TW. Chỉ thị số 32-CT/TW rất quan trọng."
    )
    codes = only(text, "code")
    assert len(codes) == 2
    assert codes[0].sentence == "Thực hiện Chỉ thị số 32-CT/TW là thực hiện Chỉ thị số 32-CT/TW."
    assert codes[1].sentence == "Chỉ thị số 32-CT/TW rất quan trọng."


def test_sentence_is_the_full_sentence_verbatim() -> None:
    text = article("000")
    (c,) = [c for c in only(text, "number") if c.value == "245"]
    assert c.sentence == (
        "Hiện nay, Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia, trong đó có 96 ĐCS, "
        "63 đảng cầm quyền; 28 đảng tham gia liên minh cầm quyền, tham chính."
    )
    assert text[c.start : c.start + len(c.surface)] == "245 chính đảng"


# --------------------------------------------------------------------------------------
# The draft bank


def drafted(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    out = draft_bank(text, "nhap-" + path.stem[:3], source_file=path.name)
    return text, yaml.safe_load(out)


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem[:3])
def test_draft_of_each_article_is_a_valid_bank_of_draft_questions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    out = draft_bank(text, "nhap-" + path.stem[:3], source_file=path.name)
    data = yaml.safe_load(out)
    assert data["bank"] == "nhap-" + path.stem[:3]
    assert [s["file"] for s in data["sources"]] == [path.name]
    questions = data["questions"]
    assert len(questions) >= 10
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    assert all(ID_PATTERN.match(i) for i in ids)
    assert all("draft" in q["tags"] for q in questions)
    article_squashed = squash(text)
    for q in questions:
        assert q["source"] == data["sources"][0]["id"]
        assert squash(q["quote"]) in article_squashed, q["id"]
    bank, problems = load_text(out, path.name)
    assert problems == []
    assert bank is not None and len(bank.questions) == len(questions)


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem[:3])
def test_draft_of_each_article_passes_grounding(path: Path, tmp_path: Path) -> None:
    from quiz.bank.grounding import check_bank
    from quiz.bank.loader import load_file

    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    bank_file = tmp_path / "nhap.yaml"
    bank_file.write_text(draft_bank(path.read_text(encoding="utf-8"), "nhap", source_file=path.name), "utf-8")
    bank, problems = load_file(bank_file)
    assert problems == [] and bank is not None
    report = check_bank(bank, required=True)
    assert [str(p) for p in report.problems] == []
    assert report.quotes_checked == len(bank.questions)


def pick(data: dict, **wanted: object) -> dict:
    """The one drafted question with these values (ids name what is asked, so tests find by content)."""
    found = [q for q in data["questions"] if all(q.get(k) == v for k, v in wanted.items())]
    assert found, wanted
    return found[0]


def test_choices_are_written_as_in_the_article() -> None:
    _, data = drafted(next(ARTICLES.glob("003_*.txt")))
    words = pick(data, type="choice", answer="hai")
    assert "ba" in words["choices"]
    _, data = drafted(next(ARTICLES.glob("004_*.txt")))
    assert pick(data, type="choice", answer="18/02/2019")
    assert set(pick(data, type="choice", answer="38/CT-TW")["choices"]) == {
        "38/CT-TW",
        "28/CT-TW",
        "32-CT/TW",
    }


def test_draft_questions_per_kind() -> None:
    _, data = drafted(ARTICLES.glob("000_*.txt").__next__())
    q = pick(data, type="number", answer=245)
    assert q["unit"] == "chính đảng" and q["tags"] == ["draft", "số-liệu"]
    assert "bao nhiêu chính đảng" in q["prompt"] and "245" not in q["prompt"] and q["prompt"].endswith("?")
    choice = pick(data, id=q["id"] + "-chon")
    assert choice["type"] == "choice" and choice["answer"] == "245"
    assert len(choice["choices"]) == 4 and len(set(choice["choices"])) == 4
    assert set(choice["choices"]) <= {
        "245",
        "111",
        "96",
        "63",
        "28",
        "38",
        "23",
        "20",
    }  # the article's figures

    _, data = drafted(ARTICLES.glob("004_*.txt").__next__())
    date = pick(data, type="date", answer="2019-02-18")
    assert "ngày nào" in date["prompt"] and "18/02/2019" not in date["prompt"]
    assert date["tags"] == ["draft", "mốc-thời-gian"]
    code = next(q for q in data["questions"] if "{{38/CT-TW|38-CT/TW}}" in q.get("text", ""))
    assert code["type"] == "cloze" and code["tags"] == ["draft", "chỉ-thị-nghị-quyết"]
    assert any("khóa {{X|10}}" in q.get("text", "") for q in data["questions"])

    _, data = drafted(ARTICLES.glob("001_*.txt").__next__())
    texts = [q.get("text", "") for q in data["questions"] if q["type"] == "cloze"]
    assert any("“{{gốc vững}}, {{thân chắc}}, {{cành uyển chuyển}}”" in t for t in texts)
    assert any("“{{cây tre Việt Nam}}”" in t for t in texts)


THEME_TAGS = {"mốc-thời-gian", "số-liệu", "chỉ-thị-nghị-quyết", "nhân-vật-tổ-chức", "đường-lối"}


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda p: p.stem[:3])
def test_draft_ids_are_short_never_boilerplate_nor_the_answer_and_tags_are_the_banks(path: Path) -> None:
    from quiz.bank.lint import id_leaks

    text = path.read_text(encoding="utf-8")
    bank, problems = load_text(draft_bank(text, "nhap", source_file=path.name), "nhap.yaml")
    assert bank is not None, problems
    shipped_tags = {
        t
        for f in (REPO / "banks").glob("*.yaml")
        for q in load_text(f.read_text("utf-8"))[0].questions
        for t in q.tags
    }
    assert THEME_TAGS <= shipped_tags  # the themes are the shipped banks' own
    for q in bank.questions:
        assert len(q.id) <= 48 and not q.id.startswith(("theo-bai", "chon-dap-an", "dien-vao", "dien-nam")), (
            q.id
        )
        assert list(id_leaks(q)) == [], (q.id, q.answer)
        assert set(q.tags) - {"draft"} <= THEME_TAGS and "draft" in q.tags


def test_a_term_of_years_is_one_fact_with_terms_as_distractors() -> None:
    text = (
        "Việt Nam được bầu là Ủy viên không thường trực Hội đồng Bảo an nhiệm kỳ 2020-2021 tại New York "
        "ngày 7/6/2019. Trước đó, Việt Nam giữ vị trí này nhiệm kỳ 2008-2009."
    )
    data = yaml.safe_load(draft_bank(text, "nhap"))
    cloze = next(q for q in data["questions"] if "{{2020-2021" in q.get("text", ""))
    assert (
        "nhiệm kỳ {{2020-2021|2020 - 2021|2020–2021}}" in cloze["text"] and "mốc-thời-gian" in cloze["tags"]
    )
    choice = pick(data, type="choice", answer="2020-2021")
    assert "2008-2009" in choice["choices"] and len(choice["choices"]) == 4  # the article's other term first
    assert all(len(c) == 9 and int(c[5:]) - int(c[:4]) == 1 for c in choice["choices"])


def test_a_year_question_borrows_the_articles_other_years() -> None:
    text = "Hội nghị lần đầu họp năm 1995. Năm 2007, Việt Nam gia nhập WTO. Ngày 8/1/1966, đoàn sang thăm."
    data = yaml.safe_load(draft_bank(text, "nhap"))
    choice = pick(data, type="choice", answer="1995")
    assert set(choice["choices"]) == {"1995", "2007", "1966"}


def test_draft_out_says_how_many_questions_it_wrote(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from quiz.cli import app

    article_file = next(ARTICLES.glob("004_*.txt"))
    out = tmp_path / "banks" / "nhap.yaml"
    result = CliRunner().invoke(app, ["bank", "draft", str(article_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    bank, _ = load_text(out.read_text(encoding="utf-8"), "nhap.yaml")
    assert bank is not None and f"Đã ghi bản nháp {len(bank.questions)} câu vào" in result.output


def test_year_only_and_month_dates_keep_their_precision() -> None:
    _, data = drafted(ARTICLES.glob("001_*.txt").__next__())
    dates = {q["answer"] for q in data["questions"] if q["type"] == "date"}
    assert {"2021-12", "2022", "2023", "2045"} <= dates
    month = next(q for q in data["questions"] if q["type"] == "date" and q["answer"] == "2021-12")
    assert "tháng nào" in month["prompt"]


def test_yearless_date_becomes_a_cloze() -> None:
    out = draft_bank("Hội nghị dự kiến diễn ra vào ngày 14/12, tại Thủ đô Hà Nội.", "nhap")
    (q,) = yaml.safe_load(out)["questions"]
    assert q["type"] == "cloze" and "ngày {{14/12}}" in q["text"]


def test_draft_title_and_source_file_are_used() -> None:
    out = draft_bank(
        article("003"), "hoi-nghi-2021", title="Hội nghị Đối ngoại toàn quốc", source_file="003.txt"
    )
    data = yaml.safe_load(out)
    assert data["title"] == "Hội nghị Đối ngoại toàn quốc"
    assert data["sources"][0]["file"] == "003.txt"
    assert "draft" in data["description"]  # tells the author what to do


def test_draft_is_already_in_fmt_layout() -> None:
    from quiz.authoring.fmt import format_bank

    out = draft_bank(article("004"), "nhap-004", source_file="004.txt")
    assert format_bank(out) == out


def test_bad_bank_id_and_empty_article_are_user_errors() -> None:
    with pytest.raises(QuizError):
        draft_bank("Ngày 18/2/2019.", "Bad Id")
    with pytest.raises(QuizError):
        draft_bank("Không có gì để hỏi ở đây.", "nhap")


def test_strings_that_look_like_numbers_or_dates_stay_strings() -> None:
    out = draft_bank(article("004"), "nhap-004")
    data = yaml.safe_load(out)
    for q in data["questions"]:
        if q["type"] == "date":
            assert isinstance(q["answer"], str)
        if q["type"] == "choice":
            assert all(isinstance(c, str) for c in q["choices"])


# --------------------------------------------------------------------------------------
# Never crash

_ALPHABET = st.sampled_from(
    list('0123456789/-.,:;%“”"‘’«» \n')
    + [
        "ngày ",
        "tháng ",
        "năm ",
        "Đại hội ",
        "lần thứ ",
        "khóa ",
        "XIII",
        "VI",
        "CT",
        "TW",
        "NQ",
        "Chỉ thị số ",
    ]
    + ["đảng ", "Đ", "ế", "a", "A", "\x1b", "{", "}", "|", "\t", "\u202e", "e\u0301", "2019", "1930"]
)
_TEXTY = st.lists(_ALPHABET, max_size=60).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(max_size=300), _TEXTY))
def test_find_candidates_never_raises(text: str) -> None:
    for c in find_candidates(text):
        assert c.kind in ("date", "number", "code", "ordinal", "formula")
        assert c.surface and c.surface.strip() == c.surface or c.kind == "formula"
        assert squash(c.surface) in squash(c.sentence)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.one_of(st.text(max_size=200), _TEXTY))
def test_draft_bank_is_valid_or_a_clean_user_error(text: str) -> None:
    try:
        out = draft_bank(text, "nhap")
    except QuizError:
        return
    bank, problems = load_text(out, "nhap.yaml")
    assert problems == []
    assert bank is not None
    assert all("draft" in q.tags for q in bank.questions)


_PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=200)


@settings(max_examples=200, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.one_of(_PRINTABLE, _TEXTY.map(lambda t: re.sub("[\x1b\u202e]", "", t))))
def test_draft_of_any_text_passes_grounding(text: str) -> None:
    import tempfile

    from quiz.bank.grounding import check_bank
    from quiz.bank.loader import load_file

    try:
        out = draft_bank(text, "nhap", source_file="bai.txt")
    except QuizError:
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "sources").mkdir()
        (root / "sources" / "bai.txt").write_text(text, encoding="utf-8")
        (root / "nhap.yaml").write_text(out, encoding="utf-8")
        bank, problems = load_file(root / "nhap.yaml")
        assert problems == [] and bank is not None
        assert [str(p) for p in check_bank(bank, required=True).problems] == []


def test_number_values_are_decimal_strings() -> None:
    for c in only("Có 1.234.567 người và 0,25% và 12 tỉnh.", "number"):
        assert str(Decimal(c.value)) == c.value
    assert re.fullmatch(r"\d+", only("Có 1.234.567 người.", "number")[0].value)


# --------------------------------------------------------------------------------------
# The shipped banks: every date, number and document code they teach is found by draft

REPO = Path(__file__).parent.parent


def _spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `haystack`, ignoring whitespace, as spans of `haystack`."""
    index = [i for i, ch in enumerate(haystack) if not ch.isspace()]
    flat = "".join(haystack[i] for i in index)
    target = squash(needle)
    spans, at = [], flat.find(target)
    while target and at >= 0:
        spans.append((index[at], index[at + len(target) - 1] + 1))
        at = flat.find(target, at + 1)
    return spans


def _taught(question) -> list[tuple[str, str]]:
    """The (kind, value) facts a question teaches: its number/date answer, and every date,
    number, code and congress number written in its right answers."""
    if question.type == "number":
        return [("number", format(Decimal(question.answer).normalize(), "f"))]
    if question.type == "date":
        return [("date", question.answer)]
    answers: list[str] = []
    if question.type == "text":
        answers = [question.answer]
    elif question.type == "choice":
        answers = [question.answer]
    elif question.type == "multi":
        answers = list(question.answer)
    elif question.type == "order":
        answers = list(question.items)
    elif question.type == "cloze":
        answers = [a for blank in question.blanks for a in blank]
    kinds = ("date", "number", "code", "ordinal")
    return sorted({(c.kind, str(c.value)) for a in answers for c in find_candidates(a) if c.kind in kinds})


def test_shipped_banks_facts_are_all_found_by_draft() -> None:
    from quiz.bank.loader import load_file

    checked = 0
    missing = []
    for bank_file in sorted((REPO / "banks").glob("*.yaml")):
        bank, _ = load_file(bank_file)
        if bank is None:
            continue  # a bank with problems is its author's to fix; `quiz bank check` reports it
        for q in bank.questions:
            source = bank.source(q.source)
            if not source or not source.file or not (REPO / "banks" / "sources" / source.file).is_file():
                continue
            text = (REPO / "banks" / "sources" / source.file).read_text(encoding="utf-8")
            candidates = find_candidates(text)
            where = _spans(text, q.quote) if q.quote else []
            for kind, value in _taught(q):
                checked += 1
                kinds = ("number", "ordinal") if kind in ("number", "ordinal") else (kind,)
                same = [c for c in candidates if c.kind in kinds and str(c.value) == value]
                if kind in ("number", "date") and where:
                    same = [
                        c
                        for c in same
                        if any(s < c.start - c.at + len(c.sentence) and c.start - c.at < e for s, e in where)
                    ]
                if not same:
                    missing.append((bank.id, q.id, kind, value))
    assert missing == []
    assert checked >= 30


def test_a_decimal_that_looks_like_thousands_is_written_so_it_loads():
    # "1,001" is one point zero zero one; unquoted `answer: 1.001` would be refused as ambiguous
    from quiz.bank.loader import load_text

    out = draft_bank("Tỉ lệ đạt 1,001 lần so với năm trước.", "nhap", source_file="bai.txt")
    bank, problems = load_text(out, "nhap.yaml")
    assert problems == [] and bank is not None
    assert any(q.type == "number" and str(q.answer) == "1.001" for q in bank.questions)
