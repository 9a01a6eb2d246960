"""The bank loader: a good bank with every type loads; each bad bank names its fault and line."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.library import load_paths, resolve
from quiz.bank.loader import load_file, load_text
from quiz.bank.model import QUESTION_TYPES
from quiz.errors import QuizError

DATA = Path(__file__).parent / "data"
GOOD = (DATA / "banks" / "good.yaml").read_text(encoding="utf-8")

HEAD = """bank: thu
title: Thử
sources:
  - id: nguon
    title: Nguồn
questions:
"""


def one(body: str) -> list[str]:
    """Load a bank made of HEAD + one question body; return the problems as strings."""
    bank, problems = load_text(HEAD + body, "thu.yaml")
    assert bank is None or not problems
    return [str(p) for p in problems]


def test_good_bank_uses_every_type_and_loads():
    bank, problems = load_text(GOOD, "good.yaml")
    assert problems == []
    assert {q.type for q in bank.questions} == set(QUESTION_TYPES)
    number = bank.question("so-chinh-dang-2018")
    assert number.answer == Decimal(245) and number.unit == "chính đảng"
    assert bank.question("chi-thi-32-ngay").answer == "2019-02-18"
    assert bank.question("cay-tre-ban-sac").blanks == (("gốc vững",), ("thân chắc",), ("cành uyển chuyển",))
    assert bank.question("dung-sai").answer is True
    assert bank.sources[0].published == "2018-08-13"


# Each bad bank has exactly one fault; the message must name the line and say what to do.
BAD = [
    (
        "unknown key with suggestion",
        "  - id: a\n    type: text\n    prompt: p\n    anwser: x\n",
        10,
        "`answer`",
    ),
    ("unknown type", "  - id: a\n    type: texte\n    prompt: p\n    answer: x\n", 8, "`text`"),
    ("missing prompt", "  - id: a\n    type: text\n    answer: x\n", 7, "prompt"),
    ("bad id", "  - id: Câu 1\n    type: text\n    prompt: p\n    answer: x\n", 7, "cau-1"),
    ("yaml 1.1 no", "  - id: a\n    type: text\n    prompt: p\n    answer: no\n", 10, 'answer: "no"'),
    ("yaml 1.1 on", "  - id: a\n    type: text\n    prompt: p\n    answer: on\n", 10, 'answer: "on"'),
    (
        "unquoted date in text",
        "  - id: a\n    type: text\n    prompt: p\n    answer: 2019-02-18\n",
        10,
        "type: date",
    ),
    (
        "number with leading zero",
        "  - id: a\n    type: number\n    prompt: p\n    answer: 08\n",
        10,
        "answer: 8",
    ),
    ("octal trap", "  - id: a\n    type: number\n    prompt: p\n    answer: 010\n", 10, "answer: 10"),
    ("thousands dot", "  - id: a\n    type: number\n    prompt: p\n    answer: 1.000\n", 10, "1000"),
    (
        "answer not a choice",
        "  - id: a\n    type: choice\n    prompt: p\n    choices: [Hà Nội, Huế]\n    answer: Ha Noi\n",
        11,
        "Hà Nội",
    ),
    (
        "one choice",
        "  - id: a\n    type: choice\n    prompt: p\n    choices: [Huế]\n    answer: Huế\n",
        10,
        "2 đến 8",
    ),
    (
        "duplicate choice",
        "  - id: a\n    type: multi\n    prompt: p\n    choices: [A, A, B]\n    answer: [A]\n",
        10,
        "bị lặp",
    ),
    ("cloze without blank", "  - id: a\n    type: cloze\n    text: không có chỗ trống\n", 9, "{{đáp án}}"),
    ("cloze unbalanced", "  - id: a\n    type: cloze\n    text: thiếu {{đóng\n", 9, "không cân đối"),
    ("bad date", "  - id: a\n    type: date\n    prompt: p\n    answer: 2019-02-30\n", 10, "YYYY-MM-DD"),
    (
        "date with time",
        "  - id: a\n    type: date\n    prompt: p\n    answer: 2019-02-18 10:00:00\n",
        10,
        "giờ",
    ),
    (
        "truefalse as text",
        "  - id: a\n    type: truefalse\n    prompt: p\n    answer: có\n",
        10,
        "answer: true",
    ),
    ("order of one", "  - id: a\n    type: order\n    prompt: p\n    items: [A]\n", 10, "2 đến 8"),
    (
        "key of another type",
        "  - id: a\n    type: text\n    prompt: p\n    answer: x\n    choices: [a, b]\n",
        11,
        "không dùng cho câu hỏi loại `text`",
    ),
    (
        "unknown source",
        "  - id: a\n    type: text\n    prompt: p\n    answer: x\n    source: khac\n",
        11,
        "nguon",
    ),
    (
        "duplicate key",
        "  - id: a\n    type: text\n    prompt: p\n    prompt: q\n    answer: x\n",
        10,
        "hai lần",
    ),
    ("ansi escape", '  - id: a\n    type: text\n    prompt: "xin \\e[31mchào"\n    answer: x\n', 9, "U+001B"),
    ("bidi override", "  - id: a\n    type: text\n    prompt: p\u202e\n    answer: x\n", 9, "U+202E"),
    (
        "tags not a list",
        "  - id: a\n    type: text\n    prompt: p\n    answer: x\n    tags: 3\n",
        11,
        "danh sách",
    ),
    (
        "multi answer outside choices",
        "  - id: a\n    type: multi\n    prompt: p\n    choices: [A, B]\n    answer: [A, C]\n",
        11,
        "`C`",
    ),
]


@pytest.mark.parametrize("name,body,line,fragment", BAD, ids=[b[0] for b in BAD])
def test_each_bad_bank_names_its_fault(name, body, line, fragment):
    problems = one(body)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"thu.yaml:{line}: thu/"), problems[0]
    assert fragment in problems[0]
    assert " — " in problems[0]  # every problem says how to fix it


def test_duplicate_question_ids_name_the_first_line():
    body = "  - id: a\n    type: text\n    prompt: p\n    answer: x\n  - id: a\n    type: text\n    prompt: q\n    answer: y\n"
    problems = one(body)
    assert problems == [problems[0]] and "dòng 7" in problems[0] and problems[0].startswith("thu.yaml:11:")


def test_all_problems_of_a_file_in_one_run():
    body = (
        "  - id: a\n    type: text\n    prompt: p\n    anwser: x\n"
        "  - id: b\n    type: number\n    prompt: p\n    answer: 08\n"
        "  - id: c\n    type: choice\n    prompt: p\n    choices: [A, B]\n    answer: D\n"
    )
    problems = one(body)
    lines = [p.split(":")[1] for p in problems]
    # the misspelt key (not also reported as a missing `answer`), the leading zero, the answer not a choice
    assert lines == ["10", "14", "19"], problems


@pytest.mark.parametrize(
    "text,code,line",
    [
        ("a: &x [1]\nb: *x\n", "yaml_anchor", 1),
        ("bank: !!python/object/apply:os.system [ls]\n", "yaml_tag", 1),
        ("bank: [unclosed\n", "yaml_unclosed_bracket", 2),
        ("bank: {a: 1\n", "yaml_unclosed_bracket", 2),
        ("", "yaml_empty", 1),
        ("- a\n- b\n", "not_a_mapping", 1),
        ("bank: x\n\ttitle: y\n", "yaml_tab", 2),
        ("bank: x\ntitle:\n\t- y\n", "yaml_tab", 3),
        ("bank: x\ntitle: Ngày: 18/2\n", "yaml_mapping_value", 2),
        ('bank: x\ntitle: "chưa đóng\n', "yaml_unclosed_quote", 3),
        ('bank: x\ntitle: "sai \\q"\n', "yaml_bad_escape", 2),
        ("bank: x\n  title: y\n", "yaml_mapping_value", 2),
        ("bank: x\nquestions:\n  - id: a\n - id: b\n", "yaml_bad_indent", 4),
        ("bank: x\ntitle: `y`\n", "yaml_bad_start", 2),
        ("bank: x\n---\nbank: y\n", "yaml_one_document", 2),
        ("bank: x\ntitle\nquestions: []\n", "yaml_missing_colon", 3),
        ("description: " + "[" * 200 + "]" * 200 + "\n", "yaml_too_deep", 1),
    ],
)
def test_unsafe_or_broken_yaml_is_refused_in_our_words(text, code, line):
    """Every YAML fault is one coded line of our own with its line number: never the library's English."""
    bank, problems = load_text(text, "x.yaml")
    assert bank is None and len(problems) == 1, problems
    assert (problems[0].code, problems[0].line) == (code, line), problems[0]
    shown = str(problems[0])
    assert shown.startswith(f"x.yaml:{line}: ")
    for english in ("found", "expected", "while ", "mapping values", "allowed", "scanning", "nesting"):
        assert english not in shown, shown


def test_billion_laughs_fails_fast():
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    bank, problems = load_text("\n".join(levels) + "\n", "laughs.yaml")
    assert time.perf_counter() - start < 0.1
    assert bank is None and "anchor" in str(problems[0])


def test_oversize_file_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_MAX_BANK_BYTES", "1000")
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "#" * 2000, encoding="utf-8")
    bank, problems = load_file(big)
    assert bank is None and "quá lớn" in str(problems[0])


def test_bank_ids_unique_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    result = load_paths([tmp_path])
    assert len(result.banks) == 1
    assert (
        len(result.problems) == 1
        and "b.yaml" in str(result.problems[0])
        and "a.yaml" in str(result.problems[0])
    )


def test_text_is_nfc(tmp_path):
    nfd = "  - id: a\n    type: text\n    prompt: Đảng\n    answer: hòa\n".replace("ò", "o\u0300")
    bank, problems = load_text(HEAD + nfd, "x.yaml")
    assert problems == [] and bank.questions[0].answer == "hòa"


def test_resolve_by_id_stays_inside_banks_folder(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    outside = tmp_path / "outside.yaml"
    outside.write_text(GOOD, encoding="utf-8")
    (banks / "link.yaml").symlink_to(outside)
    with pytest.raises(QuizError, match="mau-day-du"):
        resolve(["mau-day-du"], banks)
    with pytest.raises(QuizError):
        resolve(["../outside"], banks)
    (banks / "good.yaml").write_text(GOOD, encoding="utf-8")
    assert [b.id for b in resolve(["mau-day-du"], banks)] == ["mau-day-du"]


# --- properties ------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_loader_never_raises_on_arbitrary_text(text):
    bank, problems = load_text(text, "fuzz.yaml")
    # the contract: a bank comes back exactly when there is no problem, and each problem is one located,
    # coded line of our own (never the YAML library's English)
    assert (bank is None) == bool(problems)
    for problem in problems:
        line = str(problem)
        assert problem.file == "fuzz.yaml" and problem.line >= 0 and problem.code != "other"
        assert "\n" not in line and line.startswith("fuzz.yaml")


vi_text = st.text(
    alphabet=st.sampled_from(
        list("abcdeghiklmnopqrstuvxyĐđăâêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ ,.-()\"'?:#&*!%")
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip())


@settings(max_examples=150, deadline=None)
@given(
    prompt=vi_text,
    answer=vi_text,
    accept=st.lists(vi_text, max_size=3),
    number=st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False),
)
def test_any_text_written_by_safe_dump_round_trips(prompt, answer, accept, number):
    doc = {
        "bank": "thu",
        "title": "Thử",
        "questions": [
            {"id": "a", "type": "text", "prompt": prompt, "answer": answer, "accept": accept},
            {"id": "b", "type": "number", "prompt": prompt, "answer": float(number)},
        ],
    }
    bank, problems = load_text(yaml.safe_dump(doc, allow_unicode=True), "rt.yaml")
    assert problems == [], problems
    text_q = bank.question("a")
    assert text_q.answer == answer.strip() and text_q.prompt == prompt.strip()
    assert list(text_q.accept) == [a.strip() for a in accept]
    assert bank.question("b").answer == Decimal(repr(float(number)))


# --- siblings and unordered blanks (issue 12, 14) ----------------------------------------

SIBLINGS_BANK = """bank: anh-em
title: Anh em
questions:
  - id: mot
    type: text
    prompt: Một?
    answer: một
    siblings: [hai]
  - id: hai
    type: cloze
    text: "{{a}}, {{b}} và {{c}}"
    unordered: [[1, 2, 3]]
  - id: ba
    type: cloze
    text: "{{a}} rồi {{b}}, {{c}}"
    unordered: true
"""


def test_siblings_and_unordered_groups_are_read():
    bank, problems = load_text(SIBLINGS_BANK, "x.yaml")
    assert not problems and bank is not None
    one, two, three = bank.questions
    assert one.siblings == ("hai",)
    assert two.unordered == ((1, 2, 3),) and three.unordered == ((1, 2, 3),)


@pytest.mark.parametrize(
    "old,new,code,line",
    [
        ("siblings: [hai]", "siblings: [khong-co]", "sibling_unknown", 8),
        ("siblings: [hai]", "siblings: [mot]", "sibling_unknown", 8),
        ("unordered: [[1, 2, 3]]", "unordered: [[1, 4]]", "unordered_bad", 12),
        ("unordered: [[1, 2, 3]]", "unordered: [[1], [2, 3]]", "unordered_bad", 12),
        ("unordered: [[1, 2, 3]]", "unordered: [[1, 2], [2, 3]]", "unordered_bad", 12),
        ("unordered: [[1, 2, 3]]", "unordered: xin", "unordered_bad", 12),
    ],
)
def test_bad_siblings_and_unordered_groups_are_located(old, new, code, line):
    bank, problems = load_text(SIBLINGS_BANK.replace(old, new), "x.yaml")
    assert bank is None and [(p.code, p.line) for p in problems] == [(code, line)], problems
