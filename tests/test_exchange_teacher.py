"""Teacher formats: Moodle XML (parsed, structure checked per type), GIFT (read back by an independent
parser), Aiken and Azota (their documented layouts, checked line by line)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from exchange_helpers import bank_from, good_bank
from pygiftparser import gift as giftmodel
from pygiftparser import parser as giftparser

from quiz.exchange.aiken import export_aiken
from quiz.exchange.azota import export_azota
from quiz.exchange.gift import export_gift, gift_text
from quiz.exchange.moodle import export_moodle_xml, moodle_xml

TRICKY = bank_from(
    "bank: kho\ntitle: Ký tự khó\nquestions:\n"
    "  - id: ky-tu\n    type: choice\n    prompt: 'Dấu {ngoặc}, ~ngã, =bằng, #thăng: và <b>thẻ</b> & \"kép\"?'\n"
    "    choices: ['a ~ b', 'c = d', 'e # f', 'g {h} i: j']\n    answer: 'c = d'\n"
    "  - id: mot-cho-trong\n    type: cloze\n    text: 'Đảng ta có quan hệ với {{245|245 chính đảng}} chính đảng'\n"
    "  - id: hai-muc\n    type: order\n    prompt: Xếp\n    items: [Một, Hai]\n"
    "  - id: nhieu\n    type: multi\n    prompt: Chọn\n    choices: [A1, B1, C1, D1, E1]\n    answer: [A1, B1]\n"
    "  - id: cho-trong-la\n    type: cloze\n    text: 'Mã {{a}/b}} và {{c#d}}'\n"
)


def _questions(root: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("name/text"): q for q in root.iter("question") if q.get("type") != "category"}


def test_moodle_xml_carries_all_eight_types(tmp_path: Path) -> None:
    out = tmp_path / "moodle.xml"
    result = export_moodle_xml([good_bank()], out)
    assert result.questions == 8 and result.skipped_total == 0
    root = ET.parse(out).getroot()
    assert root.tag == "quiz"
    categories = [q for q in root.iter("question") if q.get("type") == "category"]
    assert categories[0].findtext("category/text") == "$course$/top/quiz/Ngân hàng mẫu đủ mọi loại câu hỏi"
    qs = _questions(root)
    assert {k: q.get("type") for k, q in qs.items()} == {
        "so-chinh-dang-2018": "numerical",
        "cay-tre-ban-sac": "cloze",
        "ba-tru-cot": "multichoice",
        "chi-thi-32-ngay": "shortanswer",
        "chi-thi-32-ten": "shortanswer",
        "moc-thoi-gian": "ordering",
        "truong-ban-2018": "multichoice",
        "dung-sai": "truefalse",
    }
    for name, q in qs.items():
        assert q.findtext("idnumber") == f"mau-day-du/{name}"
        assert q.find("questiontext").get("format") == "html" and q.findtext("questiontext/text")
    number = qs["so-chinh-dang-2018"]
    assert [
        (a.get("fraction"), a.findtext("text"), a.findtext("tolerance")) for a in number.findall("answer")
    ] == [("100", "245", "0")]
    assert number.findtext("units/unit/unit_name") == "chính đảng"
    assert "245 chính đảng ở 111 quốc gia" in number.findtext("generalfeedback/text")
    cloze = qs["cay-tre-ban-sac"].findtext("questiontext/text")
    assert re.findall(r"\{1:SHORTANSWER:=([^}]*)\}", cloze) == ["gốc vững", "thân chắc", "cành uyển chuyển"]
    multi = qs["ba-tru-cot"]
    assert multi.findtext("single") == "false"
    fractions = {a.findtext("text"): float(a.get("fraction")) for a in multi.findall("answer")}
    assert fractions["Đối ngoại quốc phòng"] == -100
    assert abs(sum(f for f in fractions.values() if f > 0) - 100) < 0.001
    choice = qs["truong-ban-2018"]
    assert choice.findtext("single") == "true"
    assert [(a.findtext("text"), a.get("fraction")) for a in choice.findall("answer")] == [
        ("Hoàng Bình Quân", "100"),
        ("Lê Hoài Trung", "0"),
        ("Nguyễn Huy Tăng", "0"),
    ]
    date = [a.findtext("text") for a in qs["chi-thi-32-ngay"].findall("answer")]
    assert {"18/2/2019", "18/02/2019", "2019-02-18"} <= set(date)
    assert [a.findtext("text") for a in qs["chi-thi-32-ten"].findall("answer")] == [
        "Chỉ thị 32-CT/TW",
        "32-CT/TW",
    ]
    order = qs["moc-thoi-gian"]
    assert [(a.get("fraction"), a.findtext("text")) for a in order.findall("answer")] == [
        ("1", "Chỉ thị 28/CT-TW"),
        ("2", "Chỉ thị 32-CT/TW"),
        ("3", "Chỉ thị 38/CT-TW"),
    ]
    assert order.findtext("gradingtype") == "ABSOLUTE_POSITION"
    tf = {a.findtext("text"): a.get("fraction") for a in qs["dung-sai"].findall("answer")}
    assert tf == {"true": "100", "false": "0"}


def test_moodle_order_as_matching_and_markup_kept_as_text() -> None:
    data, _ = moodle_xml([good_bank(), TRICKY], order_as="matching")
    root = ET.fromstring(data)
    qs = _questions(root)
    order = qs["moc-thoi-gian"]
    assert order.get("type") == "matching"
    pairs = [(s.findtext("text"), s.findtext("answer/text")) for s in order.findall("subquestion")]
    assert pairs == [
        ("Vị trí 1", "Chỉ thị 28/CT-TW"),
        ("Vị trí 2", "Chỉ thị 32-CT/TW"),
        ("Vị trí 3", "Chỉ thị 38/CT-TW"),
    ]
    # a stranger's markup is shown as text in Moodle (escaped HTML), never run
    prompt = qs["ky-tu"].findtext("questiontext/text")
    assert "&lt;b&gt;thẻ&lt;/b&gt;" in prompt and "<b>" not in prompt
    embedded = qs["cho-trong-la"].findtext("questiontext/text")
    assert "{1:SHORTANSWER:=a}\\/b}" not in embedded
    assert "{1:SHORTANSWER:=a\\}\\/b}" in embedded and "{1:SHORTANSWER:=c\\#d}" in embedded


def test_gift_read_back_by_an_independent_parser(tmp_path: Path) -> None:
    out = tmp_path / "de.gift"
    result = export_gift([good_bank()], out)
    assert result.questions == 8 and result.skipped_total == 0
    assert result.notes == 10  # the cloze of three blanks: three missing-word questions
    parsed = giftparser.parse(out.read_text(encoding="utf-8"))
    by_name = {q.name: q for q in parsed.questions}
    kinds = {name: type(q.answer) for name, q in by_name.items()}
    for n, (before, word) in enumerate(
        [("Bản sắc", "gốc vững"), ("gốc vững,", "thân chắc"), ("thân chắc,", "cành uyển chuyển")], start=1
    ):
        blank = by_name.pop(f"cay-tre-ban-sac-{n}")
        assert blank.is_missing_word() and before in blank.text
        assert [o.text for o in blank.answer.options] == [word]
        del kinds[f"cay-tre-ban-sac-{n}"]
    assert kinds == {
        "so-chinh-dang-2018": giftmodel.Numerical,
        "ba-tru-cot": giftmodel.MultipleChoiceCheckbox,
        "chi-thi-32-ngay": giftmodel.Short,
        "chi-thi-32-ten": giftmodel.Short,
        "moc-thoi-gian": giftmodel.Matching,
        "truong-ban-2018": giftmodel.MultipleChoiceRadio,
        "dung-sai": giftmodel.TrueFalse,
    }
    assert all(q.category == "$course$/top/quiz/Ngân hàng mẫu đủ mọi loại câu hỏi" for q in parsed.questions)
    radio = by_name["truong-ban-2018"].answer.options
    assert [(o.text, o.percentage) for o in radio] == [
        ("Hoàng Bình Quân", 1.0),
        ("Lê Hoài Trung", 0.0),
        ("Nguyễn Huy Tăng", 0.0),
    ]
    assert [o.text for o in by_name["chi-thi-32-ten"].answer.options] == ["Chỉ thị 32-CT/TW", "32-CT/TW"]
    assert by_name["so-chinh-dang-2018"].answer.options[0].text == "245:0"
    assert by_name["dung-sai"].answer.options[0].text == "True"
    pairs = [o.text for o in by_name["moc-thoi-gian"].answer.options]
    assert pairs[0] == "Vị trí 1 -> Chỉ thị 28/CT-TW"


def test_gift_escapes_special_characters() -> None:
    text, result = gift_text([TRICKY])
    assert dict(result.skipped) == {"order": 1}  # two items: GIFT matching needs three
    assert result.notes == result.questions + 1  # two blanks: two missing-word questions
    parsed = giftparser.parse(text)
    by_name = {q.name: q for q in parsed.questions}
    tricky = by_name["ky-tu"]
    assert tricky.text == 'Dấu {ngoặc}, ~ngã, =bằng, #thăng: và <b>thẻ</b> & "kép"?'
    options = [(o.text.replace("\\", ""), o.percentage) for o in tricky.answer.options]
    assert options == [("a ~ b", 0.0), ("c = d", 1.0), ("e # f", 0.0), ("g {h} i: j", 0.0)]
    missing = by_name["mot-cho-trong"]
    assert missing.is_missing_word()
    assert [o.text for o in missing.answer.options] == ["245", "245 chính đảng"]


def _blocks(text: str) -> list[list[str]]:
    return [b.splitlines() for b in text.strip("\n").split("\n\n")]


def test_aiken_layout_is_strict(tmp_path: Path) -> None:
    out = tmp_path / "aiken.txt"
    result = export_aiken([good_bank(), TRICKY], out)
    assert result.questions == 3
    assert dict(result.skipped) == {"number": 1, "cloze": 3, "multi": 2, "date": 1, "text": 1, "order": 2}
    blocks = _blocks(out.read_text(encoding="utf-8"))
    assert len(blocks) == 3
    for lines in blocks:
        assert not re.match(r"^[A-H][.)] ", lines[0])  # the question is one line, not an option
        options = lines[1:-1]
        assert len(options) >= 2
        assert [o[:3] for o in options] == [f"{chr(65 + i)}. " for i in range(len(options))]
        match = re.fullmatch(r"ANSWER: ([A-H])", lines[-1])
        assert match and ord(match.group(1)) - 65 < len(options)
    assert blocks[0] == [
        "Ai là Trưởng Ban Đối ngoại Trung ương năm 2018?",
        "A. Hoàng Bình Quân",
        "B. Lê Hoài Trung",
        "C. Nguyễn Huy Tăng",
        "ANSWER: A",
    ]
    assert blocks[1][1:] == ["A. Đúng", "B. Sai", "ANSWER: A"]
    assert blocks[2][-1] == "ANSWER: B"


def test_azota_standard_layout(tmp_path: Path) -> None:
    out = tmp_path / "azota.txt"
    result = export_azota([good_bank(), TRICKY], out)
    assert result.questions == 3 and result.skipped_total == 10
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Phần 1. Ngân hàng mẫu đủ mọi loại câu hỏi"
    questions = [line for line in lines if line.startswith("Câu ")]
    assert [q.split(".")[0] for q in questions] == ["Câu 1", "Câu 2", "Câu 3"]
    end = lines.index("HẾT")
    assert lines[end + 1] == "Bảng đáp án"
    assert lines[end + 2 : end + 5] == ["1-A", "2-A", "3-B"]
    assert lines[end + 5] == "Lời giải" and lines[end + 6].startswith("1. Ông Hoàng Bình Quân")
    body = lines[:end]
    for i, line in enumerate(body):
        assert re.match(r"^(Phần \d+\. |Câu \d+\. |[A-H]\. )", line), line
        if line.startswith("Câu "):
            assert body[i + 1].startswith("A. ") and body[i + 2].startswith("B. ")
