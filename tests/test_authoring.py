"""Authoring: `quiz bank new`, `add` (flags and the questionary form), `draft`, `fmt`.

Every test works on real files in tmp_path and checks what an author would notice: the bank
loads, `quiz bank check` passes, the file's existing text and comments are kept byte for byte,
and a refused question leaves the file untouched with the loader's message.
"""

from __future__ import annotations

import os
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quiz.authoring import add as authoring
from quiz.authoring import fmt, new
from quiz.bank.loader import load_file, load_text
from quiz.bank.model import ID_PATTERN, QUESTION_TYPES
from quiz.cli import app
from quiz.errors import QuizError

DATA = Path(__file__).parent / "data"
ARTICLE = DATA / "sources" / "000_b93974812a25e7f5.txt"
GOOD = DATA / "banks" / "good.yaml"
QUOTE = "Đảng ta có quan hệ với 245 chính đảng ở 111 quốc gia"

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.fixture
def grounded(tmp_path: Path) -> Path:
    """A banks folder with the good bank (every type, a source with its article) and comments."""
    (tmp_path / "sources").mkdir()
    shutil.copy(ARTICLE, tmp_path / "sources" / ARTICLE.name)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    return tmp_path


# --------------------------------------------------------------------------------------
# quiz bank new


def test_new_writes_a_starter_that_checks_clean_with_every_type(tmp_path):
    result = run("bank", "new", "chi-thi-doi-ngoai", "--title", "Chỉ thị: đối ngoại", "--banks", tmp_path)
    assert result.exit_code == 0, result.output
    path = tmp_path / "chi-thi-doi-ngoai.yaml"
    bank, problems = load_file(path)
    assert problems == []
    assert bank.id == "chi-thi-doi-ngoai" and bank.title == "Chỉ thị: đối ngoại"
    assert sorted(q.type for q in bank.questions) == sorted(QUESTION_TYPES)
    text = path.read_text(encoding="utf-8")
    for key in ("id", "type", "prompt", "choices", "answer", "accept", "tolerance", "unit", "quote", "tags"):
        assert f"{key}:" in text  # every key shown, with its comment
    assert text.count("#") > 30
    check = run("bank", "check", "--banks", tmp_path)
    assert check.exit_code == 0, check.output


def test_new_refuses_to_overwrite_and_invalid_ids_with_one_line(tmp_path):
    assert run("bank", "new", "thu", "--banks", tmp_path).exit_code == 0
    before = (tmp_path / "thu.yaml").read_bytes()
    again = run("bank", "new", "thu", "--banks", tmp_path)
    assert again.exit_code == 2
    assert len(again.output.strip().splitlines()) == 1 and "không ghi đè" in again.output
    assert (tmp_path / "thu.yaml").read_bytes() == before

    bad = run("bank", "new", "Chỉ thị Đối ngoại", "--banks", tmp_path)
    assert bad.exit_code == 2
    assert "chi-thi-doi-ngoai" in bad.output and len(bad.output.strip().splitlines()) == 1
    assert not (tmp_path / "Chỉ thị Đối ngoại.yaml").exists()


def test_new_refuses_a_bank_id_another_file_already_uses(tmp_path):
    shutil.copy(GOOD, tmp_path / "khac-ten.yaml")
    result = run("bank", "new", "mau-day-du", "--banks", tmp_path)
    assert result.exit_code == 2 and "khac-ten.yaml" in result.output
    assert not (tmp_path / "mau-day-du.yaml").exists()


def test_new_with_source_copies_the_article_and_cites_it(tmp_path):
    article = tmp_path / "bai-bao.txt"
    shutil.copy(ARTICLE, article)
    banks = tmp_path / "banks"
    result = run(
        "bank", "new", "bai-bao", "--source", article, "--source-title", "Phỏng vấn", "--banks", banks
    )
    assert result.exit_code == 0, result.output
    assert (banks / "sources" / "bai-bao.txt").read_bytes() == article.read_bytes()
    bank, problems = load_file(banks / "bai-bao.yaml")
    assert problems == []
    assert bank.sources[0].file == "bai-bao.txt" and bank.sources[0].title == "Phỏng vấn"
    check = run("bank", "check", "--banks", banks, "--sources", banks / "sources")
    assert check.exit_code == 0, check.output

    # a different article of the same name already there: refused, nothing written
    other = tmp_path / "khac" / "bai-bao.txt"
    other.parent.mkdir()
    other.write_text("Một bài khác hẳn.\n", encoding="utf-8")
    clash = run("bank", "new", "bai-khac", "--source", other, "--banks", banks)
    assert clash.exit_code == 2 and "sources" in clash.output
    assert not (banks / "bai-khac.yaml").exists()


# --------------------------------------------------------------------------------------
# quiz bank add, with flags


def test_add_with_flags_appends_a_grounded_question_and_keeps_the_file(grounded):
    path = grounded / "good.yaml"
    before = path.read_bytes()
    result = run(
        "bank", "add", "mau-day-du", "--banks", grounded,
        "--type", "number",
        "--prompt", "Theo bài phỏng vấn (8/2018), Đảng ta có quan hệ với chính đảng ở bao nhiêu quốc gia?",
        "--answer", "111", "--unit", "quốc gia",
        "--source", "tgvn-2018", "--quote", QUOTE,
        "--tag", "số-liệu", "--explanation", "245 chính đảng ở 111 quốc gia.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "[điền số]" in result.output  # shown as the learner will see it
    after = path.read_bytes()
    assert after.startswith(before)  # the original text, comments included, kept verbatim
    assert b"# A bank that uses every question type" in after
    bank, problems = load_file(path)
    assert problems == []
    added = bank.questions[-1]
    assert added.id == "dang-ta-quan-he-chinh-dang"  # no boilerplate lead, no date, never the answer
    assert added.answer == Decimal(111) and added.unit == "quốc gia" and added.quote == QUOTE
    check = run("bank", "check", "--banks", grounded, "--sources", grounded / "sources")
    assert check.exit_code == 0, check.output


@pytest.mark.parametrize(
    ("qtype", "flags", "expected"),
    [
        ("choice", ["--choice", "Hà Nội", "--choice", "Huế", "--answer", "Huế"], "Huế"),
        (
            "multi",
            ["--choice", "A", "--choice", "B", "--choice", "C", "--answer", "A", "--answer", "C"],
            ("A", "C"),
        ),
        ("text", ["--answer", "Chỉ thị 32-CT/TW", "--accept", "32-CT/TW"], "Chỉ thị 32-CT/TW"),
        ("number", ["--answer", "0,6", "--tolerance", "0,1"], Decimal("0.6")),
        ("number", ["--answer", "1.000"], Decimal(1000)),  # one convention: dots group thousands
        ("number", ["--answer", "bảy mươi"], Decimal(70)),
        ("date", ["--answer", "18/2/2019"], "2019-02-18"),
        ("truefalse", ["--answer", "sai"], False),
        ("order", ["--item", "Một", "--item", "Hai", "--item", "Ba"], None),
    ],
)
def test_add_each_type_with_flags_as_an_author_writes_it(grounded, qtype, flags, expected):
    result = run(
        "bank", "add", "mau-day-du", "--banks", grounded, "--type", qtype, "--prompt", "Câu hỏi thử?", *flags
    )
    assert result.exit_code == 0, result.output
    bank, problems = load_file(grounded / "good.yaml")
    assert problems == []
    added = bank.questions[-1]
    assert added.type == qtype and added.id == "cau-hoi-thu"
    assert added.answer == expected


def test_add_cloze_takes_its_id_from_the_text_and_ids_get_a_suffix(grounded):
    args = ["bank", "add", "mau-day-du", "--banks", grounded, "--type", "cloze"]
    text = "Đảng ta có quan hệ với {{245}} chính đảng"
    assert run(*args, "--text", text).exit_code == 0
    second = run(*args, "--text", text)
    assert second.exit_code == 0, second.output
    bank, _ = load_file(grounded / "good.yaml")
    assert [q.id for q in bank.questions[-2:]] == [
        "dang-ta-quan-he-chinh-dang",  # a blank's answer is never in the id
        "dang-ta-quan-he-chinh-dang-2",
    ]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ["--type", "choice", "--prompt", "P?", "--choice", "A", "--choice", "B", "--answer", "Cc"],
            "không có trong `choices`",
        ),
        (["--type", "number", "--prompt", "P?", "--answer", "nhiều"], "«nhiều» không phải là một số"),
        (["--type", "number", "--prompt", "P?", "--answer", "1", "--tolerance", "ít"], "«ít» không phải"),
        (["--type", "date", "--prompt", "P?", "--answer", "31/2/2019"], "không phải ngày hợp lệ"),
        (["--type", "numbr", "--prompt", "P?", "--answer", "1"], "number"),
        (
            ["--type", "text", "--prompt", "P?", "--answer", "x", "--source", "khong-co"],
            "không có trong `sources`",
        ),
        (["--type", "text", "--prompt", "P?", "--answer", "x", "--id", "so-chinh-dang-2018"], "trùng"),
        (["--type", "text", "--prompt", "P?", "--answer", "x", "--id", "Sai Mã"], "sai-ma"),
        (["--type", "number", "--prompt", "P?", "--answer", "1", "--choice", "A"], "`choices`"),
        (["--type", "text", "--answer", "x"], "prompt"),
        (["--type", "cloze", "--text", "không có chỗ trống"], "{{"),
        (["--type", "order", "--prompt", "P?", "--item", "một"], "2"),
        (
            [
                "--type",
                "number",
                "--prompt",
                "P?",
                "--answer",
                "245",
                "--source",
                "tgvn-2018",
                "--quote",
                "Đảng ta có quan hệ với 246 chính đảng",
            ],
            "không có nguyên văn",
        ),
        (
            [
                "--type",
                "number",
                "--prompt",
                "P?",
                "--answer",
                "300",
                "--source",
                "tgvn-2018",
                "--quote",
                QUOTE,
            ],
            "không có trong trích dẫn",
        ),
    ],
)
def test_add_refuses_invalid_input_and_leaves_the_file_byte_for_byte(grounded, flags, message):
    path = grounded / "good.yaml"
    before = path.read_bytes()
    result = run("bank", "add", "mau-day-du", "--banks", grounded, *flags)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert path.read_bytes() == before
    assert sorted(p.name for p in grounded.iterdir()) == ["good.yaml", "sources"]  # no stray temp file


def test_add_without_type_and_without_a_terminal_asks_nothing(grounded):
    before = (grounded / "good.yaml").read_bytes()
    result = run("bank", "add", "mau-day-du", "--banks", grounded, "--prompt", "P?", input="")
    assert result.exit_code == 2 and "--type" in result.output
    assert (grounded / "good.yaml").read_bytes() == before


def test_add_grounds_quotes_against_sources_dir_given(tmp_path):
    bank = tmp_path / "good.yaml"
    shutil.copy(GOOD, bank)
    articles = tmp_path / "bai"
    articles.mkdir()
    shutil.copy(ARTICLE, articles / ARTICLE.name)
    common = [
        "bank",
        "add",
        bank,
        "--type",
        "number",
        "--prompt",
        "P?",
        "--answer",
        "245",
        "--source",
        "tgvn-2018",
    ]
    refused = run(*common, "--quote", "không có trong bài 245", "--sources", articles)
    assert refused.exit_code == 2 and "nguyên văn" in refused.output
    accepted = run(*common, "--quote", QUOTE, "--sources", articles)
    assert accepted.exit_code == 0, accepted.output


# --------------------------------------------------------------------------------------
# appending, at the text level


def question(**fields):
    return authoring.build_question({"type": "text", "prompt": "Thủ đô?", "answer": "Hà Nội", **fields})


def test_append_before_a_key_that_follows_questions_keeps_every_line():
    text = (
        "bank: thu\ntitle: Thử\nquestions:\n- id: mot\n  type: truefalse\n  prompt: Đúng?\n  answer: true\n"
        "# các nguồn\nsources:\n  - id: nguon\n    title: Nguồn\n"
    )
    result = authoring.append_question(text, question(id="hai", source="nguon"))
    assert [q.id for q in result.bank.questions] == ["mot", "hai"]
    assert result.bank.question("hai").source == "nguon"
    kept = iter(result.text.splitlines())
    assert all(any(line == new for new in kept) for line in text.splitlines())  # original lines, in order
    assert result.text.index("- id: hai") < result.text.index("# các nguồn")


def test_append_keeps_crlf_and_a_missing_final_newline():
    text = "bank: thu\r\ntitle: Thử\r\nquestions:\r\n  - id: mot\r\n    type: truefalse\r\n    prompt: Đúng?\r\n    answer: true"
    result = authoring.append_question(text, question(id="hai"))
    assert result.text.startswith(text + "\r\n")
    assert "\n" not in result.text.replace("\r\n", "")
    assert "\r\n  - id: hai\r\n" in result.text


def test_append_refuses_a_bank_that_does_not_load_and_flow_lists():
    with pytest.raises(QuizError):
        authoring.append_question("bank: thu\ntitle: Thử\nquestions: []\n", question(id="hai"))
    flow = "bank: thu\ntitle: Thử\nquestions: [{id: mot, type: truefalse, prompt: Đúng?, answer: true}]\n"
    with pytest.raises(QuizError, match="fmt"):
        authoring.append_question(flow, question(id="hai"))


def test_build_question_reads_values_the_way_an_author_means_them():
    assert authoring.build_question({"type": "number", "answer": "1.000.000"})["answer"] == Decimal(1000000)
    assert authoring.build_question({"type": "number", "answer": "0,6"})["answer"] == Decimal("0.6")
    assert authoring.build_question({"type": "number", "answer": "12.5"})["answer"] == Decimal("12.5")
    assert authoring.build_question({"type": "date", "answer": "tháng 12/2021"})["answer"] == "2021-12"
    assert authoring.build_question({"type": "truefalse", "answer": "Đúng"})["answer"] is True
    q = authoring.build_question({"type": "text", "prompt": "  P?  ", "tags": ["a, b", "c"], "unit": ""})
    assert q == {"type": "text", "prompt": "P?", "tags": ["a", "b", "c"]}


def test_propose_id_folds_vietnamese_and_avoids_taken_ids():
    taken = {"chi-thi-32-ban-hanh", "chi-thi-32-ban-hanh-2"}
    assert (
        authoring.propose_id("Theo bài viết, Chỉ thị 32 ban hành ngày nào?", taken) == "chi-thi-32-ban-hanh-3"
    )
    prompt = "Theo bài viết, Việt Nam là thành viên của bao nhiêu tổ chức quốc tế?"
    assert authoring.propose_id(prompt, set(), answer=Decimal(75)) == "viet-nam-thanh-vien-to-chuc"
    assert authoring.propose_id("Ai dẫn đầu đoàn?", set(), answer="Lê Duẩn") == "dan-dau-doan"
    assert "le" not in authoring.propose_id("Lê Duẩn dẫn đầu đoàn nào?", set(), answer="Lê Duẩn").split("-")
    assert authoring.propose_id("???", set()) == "cau-hoi-moi"


@given(st.text(max_size=120), st.sets(st.text(alphabet="abc-", max_size=8), max_size=5))
def test_propose_id_is_always_a_valid_unused_id(prompt, taken):
    qid = authoring.propose_id(prompt, taken)
    assert ID_PATTERN.match(qid) and qid not in taken and len(qid) <= authoring.ID_MAX_LENGTH


BASE = "# đầu tệp\nbank: thu\ntitle: Thử\nquestions:\n  - id: mot\n    type: truefalse\n    prompt: Đúng?\n    answer: true\n"
# Vietnamese letters, digits, YAML-significant punctuation, spaces: nothing the loader refuses.
vietnamese = st.text(
    alphabet="aăâbdđeêioôơuưyAĐÔàáảãạằẳẵặếềểễệ0123456789 :#-'\"{}[],&*!|>%@`?.\n", max_size=60
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(prompt=vietnamese, answer=vietnamese, tags=st.lists(vietnamese, max_size=3))
def test_any_text_an_author_types_round_trips_through_append(prompt, answer, tags):
    prompt, answer = prompt.strip(), answer.strip()
    tags = [t.strip() for t in tags if t.strip() and "," not in t]
    if not prompt or not answer or "{{" in prompt:
        return
    fields = {"type": "text", "id": "hai", "prompt": prompt, "answer": answer, "tags": tags}
    result = authoring.append_question(BASE, authoring.build_question(fields))
    assert result.text.startswith(BASE)
    added = result.bank.question("hai")
    assert added.prompt == prompt and added.answer == answer and list(added.tags) == tags


# --------------------------------------------------------------------------------------
# quiz bank fmt


def test_fmt_rewrites_in_canonical_layout_and_loads_to_the_same_bank(grounded):
    path = grounded / "good.yaml"
    before, _ = load_file(path)
    check = run("bank", "fmt", "mau-day-du", "--check", "--banks", grounded)
    assert check.exit_code == 1 and "chưa đúng" in check.output
    result = run("bank", "fmt", "mau-day-du", "--banks", grounded)
    assert result.exit_code == 0, result.output
    after, problems = load_file(path)
    assert problems == [] and fmt.same_bank(before, after)
    assert [q.fingerprint() for q in after.questions] == [q.fingerprint() for q in before.questions]
    text = path.read_text(encoding="utf-8")
    original = GOOD.read_text(encoding="utf-8")
    assert fmt.comments(original) and fmt.comments(text) == fmt.comments(original)  # every comment kept
    assert [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()] == [
        "bank",
        "title",
        "language",
        "description",
        "sources",
        "questions",
    ]
    number = text[text.index("- id: so-chinh-dang-2018") :].split("\n\n")[0]
    keys = [line.strip().split(":")[0] for line in number.splitlines()]
    assert keys == ["- id", "type", "prompt", "answer", "unit", "source", "quote", "tags"]
    again = run("bank", "fmt", path, "--check")
    assert again.exit_code == 0 and "đã đúng" in again.output


def test_fmt_keeps_every_shipped_bank_the_same(tmp_path):
    shipped = sorted((Path(__file__).parent.parent / "banks").glob("*.yaml"))
    assert shipped
    for source in shipped:
        text = source.read_text(encoding="utf-8")
        formatted = fmt.format_bank(text, source.name)
        original, _ = load_text(text, source.name)
        again, problems = load_text(formatted, source.name)
        assert problems == [] and fmt.same_bank(original, again)
        assert fmt.format_bank(formatted, source.name) == formatted  # idempotent


def test_shipped_banks_are_in_canonical_form_and_still_check_strict():
    shipped = sorted((Path(__file__).parent.parent / "banks").glob("*.yaml"))
    result = run("bank", "fmt", "--check", *shipped)
    assert result.exit_code == 0, result.output
    assert result.output.count("đã đúng bố cục chuẩn") == len(shipped)
    sources = Path(__file__).parent.parent / "banks" / "sources"
    strict = run("bank", "check", "--strict", "--sources", sources, *shipped)
    assert strict.exit_code == 0, strict.output


def test_fmt_keeps_every_comment_bank_new_writes(tmp_path):
    """`bank new`'s guidance is the author's to delete, not fmt's: every comment line survives."""
    assert run("bank", "new", "thu", "--banks", tmp_path).exit_code == 0
    path = tmp_path / "thu.yaml"
    before = path.read_text(encoding="utf-8")
    result = run("bank", "fmt", path)
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert len(fmt.comments(before)) > 20 and fmt.comments(after) == fmt.comments(before)
    assert run("bank", "fmt", "--check", path).exit_code == 0
    assert list(tmp_path.iterdir()) == [path]  # no backup or temporary file left beside it


def test_fmt_orders_keys_and_spaces_questions_keeping_section_comments():
    text = (
        "title: Thử  # the title\n"
        "bank: thu\n"
        "questions:\n"
        "- answer: 245   # the figure\n"
        "  type: number\n"
        "  id: a\n"
        "  prompt: Bao nhiêu?\n"
        "  # --- second part ---\n"
        "- id: b\n"
        "  type: choice\n"
        '  prompt: "Đâu # không phải chú thích?"\n'
        "  answer: x\n"
        "  choices:\n"
        "  - x\n"
        "  - y\n"
        "\n\n\n"
        "  # --- third part ---\n"
        "- {id: c, type: truefalse, prompt: Đúng?, answer: true}\n"
    )
    formatted = fmt.format_bank(text)
    assert fmt.comments(text) == [
        "# the title",
        "# the figure",
        "# --- second part ---",
        "# --- third part ---",
    ]
    assert sorted(fmt.comments(formatted)) == sorted(fmt.comments(text))
    lines = formatted.splitlines()
    assert lines[0] == "bank: thu" and lines[1].startswith("title: Thử")
    first = formatted[formatted.index("- id: a") : formatted.index("- id: b")]
    assert [ln.strip().split(":")[0] for ln in first.splitlines() if ln.strip() and "#" not in ln[:6]] == [
        "- id",
        "type",
        "prompt",
        "answer",
    ]
    assert "\n\n  # --- second part ---\n  - id: b" in formatted  # the heading stays above its question
    assert "\n\n  # --- third part ---\n  - id: c\n    type: truefalse" in formatted
    assert "\n\n\n" not in formatted and fmt.format_bank(formatted) == formatted


def test_fmt_keeps_exact_decimals_and_defaults():
    text = (
        "bank: thu\ntitle: Thử\nquestions:\n"
        "  - {id: a, type: number, prompt: P?, answer: '1.000', tolerance: 0.50}\n"
        "  - {id: b, type: choice, prompt: P?, choices: [x, 'no'], answer: 'no', shuffle: false}\n"
        "  - {id: c, type: date, prompt: P?, answer: 2019}\n"
        "  - {id: d, type: text, prompt: P?, answer: '2019-02-18', explanation: \"hai\\ndòng\"}\n"
    )
    formatted = fmt.format_bank(text)
    bank, problems = load_text(formatted)
    assert problems == []
    assert str(bank.question("a").answer) == "1.000" and str(bank.question("a").tolerance) == "0.50"
    assert bank.question("b").shuffle is False and bank.question("b").answer == "no"
    assert bank.question("d").explanation == "hai\ndòng"


# --------------------------------------------------------------------------------------
# quiz bank draft


def test_draft_prints_a_bank_and_writes_one_that_checks(tmp_path):
    article = tmp_path / "lich-su.txt"
    shutil.copy(DATA / "articles" / "002_fbc2b2f592f069e3.txt", article)
    shown = run("bank", "draft", article)
    assert shown.exit_code == 0, shown.output
    bank, problems = load_text(shown.stdout)
    assert problems == [] and bank.id == "lich-su" and len(bank.questions) > 5

    banks = tmp_path / "banks"
    out = banks / "lich-su-nhap.yaml"
    wrote = run("bank", "draft", article, "--bank", "lich-su-nhap", "--out", out)
    assert wrote.exit_code == 0, wrote.output
    assert (banks / "sources" / "lich-su.txt").read_bytes() == article.read_bytes()
    check = run("bank", "check", "--banks", banks, "--sources", banks / "sources")
    assert check.exit_code == 0, check.output
    before = out.read_bytes()
    again = run("bank", "draft", article, "--out", out)
    assert again.exit_code == 2 and "không ghi đè" in again.output
    assert out.read_bytes() == before


def test_draft_refuses_an_unreadable_article(tmp_path):
    result = run("bank", "draft", tmp_path / "khong-co.txt")
    assert result.exit_code == 2 and "khong-co.txt" in result.output


# --------------------------------------------------------------------------------------
# quiz bank add, the questionary form on a pseudo-terminal


DOWN = "\x1b[B"


def test_add_interactive_form_on_a_terminal(tmp_path):
    import pexpect

    bank = tmp_path / "thu.yaml"
    bank.write_text(new.starter_bank("thu"), encoding="utf-8")
    before = bank.read_bytes()
    # PROMPT_TOOLKIT_NO_CPR: pexpect never answers the cursor-position request (1 s wait per prompt)
    env = {**os.environ, "TERM": "xterm", "PYTHONIOENCODING": "utf-8", "PROMPT_TOOLKIT_NO_CPR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quiz", "bank", "add", "thu", "--banks", str(tmp_path)],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 200),
    )
    try:
        child.expect("Lo")  # "Loại câu hỏi"
        child.send(DOWN * 3 + "\r")  # choice, multi, text, number
        child.expect("Câu hỏi")
        child.send("Đảng ta có quan hệ với bao nhiêu chính đảng?\r")
        child.expect("Đáp án")
        child.send("nhiều\r")  # not a number: asked again with the message
        child.expect("không phải là một số")
        child.send("\x7f" * 5 + "245\r")
        child.expect("Sai số")
        child.send("\r")
        child.expect("Đơn vị")
        child.send("chính đảng\r")
        child.expect("Trích dẫn")
        child.send("\r")
        child.expect("Giải thích")
        child.send("Số liệu 8/2018.\r")
        child.expect("Thẻ")
        child.send("số-liệu\r")
        child.expect("Mã câu hỏi")
        child.send("\r")  # the proposed id
        child.expect("Thêm câu này")
        child.send("\r")  # the first choice: add it
        child.expect("Đã thêm câu")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    after = bank.read_bytes()
    assert after.startswith(before)
    loaded, problems = load_file(bank)
    assert problems == []
    added = loaded.questions[-1]
    assert added.id == "dang-ta-quan-he-chinh-dang"
    assert added.answer == Decimal(245) and added.unit == "chính đảng"
    assert added.explanation == "Số liệu 8/2018." and added.tags == ("số-liệu",)


words = st.text(alphabet="aăâđêôơưàáảãạằếệAĐ0123456789 :#-'\",&*!|?.%", min_size=1, max_size=25).map(
    str.strip
)
distinct = st.lists(words.filter(bool), min_size=2, max_size=5, unique=True)


@st.composite
def any_question(draw):
    qtype = draw(st.sampled_from(QUESTION_TYPES))
    fields = {"type": qtype, "prompt": draw(words.filter(bool)), "tags": draw(st.lists(words, max_size=2))}
    if qtype in ("choice", "multi"):
        choices = draw(distinct)
        fields["choices"] = choices
        fields["answer"] = choices[0] if qtype == "choice" else choices[: draw(st.integers(1, len(choices)))]
        fields["shuffle"] = draw(st.booleans())
    elif qtype == "text":
        fields["answer"] = draw(words.filter(bool))
        fields["accept"] = draw(st.lists(words, max_size=2))
    elif qtype == "number":
        fields["answer"] = draw(st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False))
        fields["tolerance"] = draw(st.decimals(min_value=0, max_value=10, places=2, allow_nan=False))
    elif qtype == "date":
        fields["answer"] = draw(st.dates()).isoformat()[: draw(st.sampled_from([4, 7, 10]))]
    elif qtype == "truefalse":
        fields["answer"] = draw(st.booleans())
    elif qtype == "cloze":
        fields["text"] = draw(words) + " {{" + draw(words.filter(lambda w: w and "|" not in w)) + "}}"
    elif qtype == "order":
        fields["items"] = draw(distinct)
    return fields


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(any_question(), min_size=1, max_size=4))
def test_fmt_round_trips_any_bank_the_author_tools_write(questions):
    text = new.starter_bank("thu")
    for n, fields in enumerate(questions):
        text = authoring.append_question(text, authoring.build_question({**fields, "id": f"q-{n}"})).text
    formatted = fmt.format_bank(text)  # raises unless it loads to the very same bank
    assert fmt.format_bank(formatted) == formatted
    assert formatted.count("\n  - id: ") == 8 + len(questions)


def test_a_refused_add_names_lines_of_the_new_question_not_of_the_file(grounded):
    path = grounded / "good.yaml"
    lines = path.read_text(encoding="utf-8").count("\n")
    result = run(
        "bank", "add", "mau-day-du", "--banks", grounded, "--type", "number", "--prompt", "P?",
        "--answer", "300", "--source", "tgvn-2018", "--quote", QUOTE,
    )  # fmt: skip
    assert result.exit_code == 2
    assert (
        "good.yaml (câu mới, dòng " in result.output
        and "đáp án `300` không có trong trích dẫn" in result.output
    )
    numbers = [int(n) for n in __import__("re").findall(r"good\.yaml:(\d+)", result.output)]
    assert all(n <= lines for n in numbers)  # never a line the unchanged file does not have


def test_add_with_flags_suggests_the_banks_own_tag_spelling(grounded):
    result = run(
        "bank", "add", "mau-day-du", "--banks", grounded, "--type", "truefalse", "--prompt", "Đúng không?",
        "--answer", "đúng", "--tag", "so lieu",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "thẻ `so lieu` gần giống thẻ đã có `số-liệu`" in result.output


def test_new_samples_are_drafts_out_of_study_and_report_and_check_warns_of_them(tmp_path):
    import json

    assert run("bank", "new", "thu", "--banks", tmp_path).exit_code == 0
    bank, _ = load_file(tmp_path / "thu.yaml")
    assert all({"draft", "mẫu"} <= set(q.tags) for q in bank.questions)
    report = run("report", "thu", "--json", "--banks", tmp_path, "--progress", tmp_path / "p.db")
    assert report.exit_code == 0, report.output
    assert json.loads(report.output)["totals"]["questions"] == 0  # the samples are not the author's questions
    check = run("bank", "check", "--banks", tmp_path, "--sources", tmp_path)
    assert check.exit_code == 0, check.output
    assert "[samples_left]: còn 8 câu mẫu của `quiz bank new`" in check.output
    assert "[no_quotes_checked]: không có trích dẫn nào để đối chiếu với nguồn" in check.output
    assert run("bank", "check", "--banks", tmp_path, "--strict").exit_code == 1


def test_studying_a_broken_bank_says_it_exists_and_points_to_bank_check(tmp_path):
    (tmp_path / "thu-nghiem.yaml").write_text("bank: thu-nghiem\ntitle: [x\n", encoding="utf-8")
    result = run("study", "thu-nghiem", "--banks", tmp_path, "--progress", tmp_path / "p.db")
    assert result.exit_code == 2
    assert "không tìm thấy" not in result.output
    assert "ngân hàng `thu-nghiem` có trong" in result.output and "quiz bank check" in result.output
    assert "Traceback" not in result.output


def test_fmt_turns_a_commented_flow_question_into_block_style_keeping_its_note():
    text = (
        "bank: thu\ntitle: Thử\nquestions:\n"
        "  - {id: a, type: text, prompt: P?, answer: x}  # the note\n"
        "# a heading at column 0\n"
        "  - {type: text, id: b, prompt: Q?, answer: y}\n"
    )
    formatted = fmt.format_bank(text)
    assert "    answer: x" in formatted and "# the note" in formatted.split("- id: b")[0]
    assert formatted.index("# a heading at column 0") < formatted.index("- id: b")
    assert fmt.format_bank(formatted) == formatted
