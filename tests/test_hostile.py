"""Hostile input (issue 15): every case generated here, each refused or handled within a time bound.

Banks come from strangers, files from anywhere, ids and answers from a shared progress file. Each case
asserts what a user sees (one Vietnamese line, exit code, nothing driving the terminal) and how long it
may take: generous bounds (a few seconds for megabytes) that a quadratic path blows through by far.
Cases that could hang (FIFOs, devices) run in a subprocess with a timeout.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from quiz.bank.cache import cache_dir
from quiz.bank.loader import load_file, load_text
from quiz.bank.model import ID_PATTERN, cloze_blanks, cloze_display, format_decimal
from quiz.cli import app
from quiz.text.escape import escape

runner = CliRunner()
DATA = Path(__file__).parent / "data"
GOOD = (DATA / "banks" / "good.yaml").read_text(encoding="utf-8")
WORST: dict[str, float] = {}  # case → seconds, printed at the end of the run (-s) for the note


@contextmanager
def within(seconds: float, case: str):
    start = time.perf_counter()
    yield
    took = time.perf_counter() - start
    WORST[case] = max(took, WORST.get(case, 0.0))
    assert took < seconds, f"{case}: {took:.2f} s (bound {seconds} s)"


def head(body: str, bank: str = "hostile") -> str:
    return f"bank: {bank}\ntitle: Ngân hàng lạ\nquestions:\n{body}"


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "QUIZ_BANKS": str(tmp_path / "banks"),
        "QUIZ_PROGRESS": str(tmp_path / "p.db"),
        "QUIZ_NOW": "2026-11-23T08:00:00+07:00",
        "QUIZ_FUZZ": "0",
        "QUIZ_SEED": "1",
        "NO_COLOR": "1",
        **extra,
    }


def banks_with(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def quiz(args: list[str], tmp_path: Path, *, timeout: float = 20, stdin: bytes = b"", **extra: str):
    """The real program in a subprocess (what hangs is killed at `timeout`, and the test fails)."""
    full = {**os.environ, **env(tmp_path, **extra)}
    return subprocess.run(
        [sys.executable, "-m", "quiz", *args],
        input=stdin,
        capture_output=True,
        env=full,
        timeout=timeout,
        cwd=tmp_path,
    )


def one_clean_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text and "Error" not in text, text
    return lines[0]


def terminal_safe(text: str) -> bool:
    """Nothing in `text` can move the cursor, retitle the window, reorder text or hide a character."""
    return not any(
        ch in text
        for ch in (
            "\x1b",
            "\x9b",
            "\x9d",
            "\x07",
            "\x00",
            "\r",
            "\u202e",
            "\u2066",
            "\u200e",
            "\u200f",
            "\u061c",
            "\ufeff",
            "\u200b",
        )
    )


# --- 1. one stranger's bank must not stall every command ----------------------------------------------


def test_unclosed_cloze_braces_are_refused_in_linear_time():
    text = head("  - id: a\n    type: cloze\n    text: '" + "{{ab " * 240_000 + "'\n")  # 1.2 MB
    with within(5, "cloze {{ ×240k (1.2 MB)"):
        bank, problems = load_text(text, "cloze.yaml")
    assert bank is None and [p.code for p in problems] == ["cloze_unbalanced"]


def test_cloze_scanning_keeps_the_regex_meaning():
    assert cloze_blanks("a {{x|y}} b {{ z }} {{{w}}") == (("x", "y"), ("z",), ("{w",))
    assert cloze_display("{{a}} và {{b}}") == "____ và ____"
    with within(2, "cloze display 1 MB"):
        assert cloze_display("{{" * 500_000) == "{{" * 500_000


def test_a_flood_of_combining_marks_is_refused_before_normalising():
    flood = "a" + "\u0301\u0323" * 200_000  # 400k marks that NFC would reorder: quadratic
    text = head(f"  - id: a\n    type: text\n    prompt: '{flood}'\n    answer: x\n")
    with within(5, "combining marks ×400k"):
        bank, problems = load_text(text, "marks.yaml")
    assert bank is None and [p.code for p in problems] == ["combining_flood"]


def test_vietnamese_with_stacked_marks_still_loads():
    decomposed = "Vie\u0323\u0302t Nam ho\u0300a bi\u0300nh"  # NFD, two marks on one letter
    bank, problems = load_text(
        head(f"  - id: a\n    type: text\n    prompt: '{decomposed}'\n    answer: x\n")
    )
    assert problems == [] and bank is not None and bank.questions[0].prompt == "Việt Nam hòa bình"


@pytest.mark.parametrize(
    "flood",
    ["[" + "{}, " * 1_300_000 + "]\n", "[" + "[], " * 1_300_000 + "]\n", "[" + "a, " * 1_700_000 + "]\n"],
    ids=["mappings", "lists", "scalars"],
)
def test_a_5mb_flow_flood_is_refused_early(flood):
    with within(5, f"flow flood 5 MB ({flood[1:3]})"):
        bank, problems = load_text(flood, "flood.yaml")
    assert bank is None and problems[0].code == "yaml_too_many_nodes" and problems[0].line == 1


def test_a_failed_bank_is_remembered_by_size_and_mtime(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "bad.yaml"
    bad.write_text(head("  - id: a\n    type: cloze\n    text: '{{ab'\n"), encoding="utf-8")
    first = load_file(bad)
    assert first[0] is None and [p.code for p in first[1]] == ["cloze_unbalanced"]
    assert cache_dir() is not None and any(cache_dir().iterdir())

    import quiz.bank.loader as loader

    def never(*_a, **_k):
        raise AssertionError("a failed bank was validated again")

    monkeypatch.setattr(loader, "load_text", never)
    again = load_file(bad)
    assert again[0] is None and [str(p) for p in again[1]] == [str(p) for p in first[1]]
    bad.write_text(head("  - id: a\n    type: cloze\n    text: '{{ab}}'\n"), encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("QUIZ_CACHE", str(tmp_path / "cache"))
    assert load_file(bad)[1] == []  # the edit (new size) is seen


def test_the_banks_folder_with_one_hostile_file_stays_fast(tmp_path):
    banks_with(
        tmp_path,
        **{
            "good.yaml": GOOD,
            "cloze.yaml": head("  - id: a\n    type: cloze\n    text: '" + "{{a" * 400_000 + "'\n", "c"),
            "marks.yaml": head(
                "  - id: a\n    type: text\n    prompt: 'a" + "\u0301\u0323" * 100_000 + "'\n", "m"
            ),
            "flood.yaml": "[" + "{}," * 1_000_000 + "]\n",
        },
    )
    for attempt in range(2):
        with within(6, f"bank list with three hostile files (run {attempt + 1})"):
            listed = runner.invoke(app, ["bank", "list"], env=env(tmp_path))
        assert listed.exit_code == 0 and "mau-day-du" in listed.output
        assert listed.output.count("bỏ qua") == 3


# --- 2. numbers bounded to what a question can mean ---------------------------------------------------


@pytest.mark.parametrize("digits", [1_000_000, 999_999, 60])
def test_a_number_answer_with_absurd_digits_is_refused(digits):
    text = head(f"  - id: a\n    type: number\n    prompt: p\n    answer: 1{'0' * (digits - 1)}\n")
    with within(3, f"number of {digits} digits"):
        bank, problems = load_text(text, "n.yaml")
    assert bank is None and [p.code for p in problems] == ["number_too_long"]


def test_numbers_a_question_can_mean_still_load():
    text = head(
        "  - id: a\n    type: number\n    prompt: GDP?\n    answer: 123456789012345678901234.5\n"
        "    tolerance: 0.000001\n"
    )
    bank, problems = load_text(text)
    assert problems == [] and bank is not None


def test_formatting_a_number_is_linear():
    with within(2, "format_decimal 200k digits"):
        text = format_decimal(Decimal("9" * 200_000 + ".5"))
    assert text.startswith("99.999.999.") and text.endswith(",5") and text.count(".") == 66_666
    assert format_decimal(Decimal("-1234567.50")) == "-1.234.567,50"
    assert format_decimal(Decimal("1E+3")) == "1.000" and format_decimal(Decimal("0.6")) == "0,6"


# --- 4. everything printed passes one escaping function ----------------------------------------------

PAYLOADS = [
    "\x1b[2J\x1b[H",
    "\x1b]0;pwned\x07",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
    "\x9b31m",
    "\u202eevil",
    "nul\x00byte",
    "bell\x07",
    "cr\roverwrite",
    "\u200e\u200f\u061c\ufeff\u200b",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_escaping_function_neutralises(payload):
    shown = escape(payload)
    assert terminal_safe(shown) and "<U+" in shown
    assert "\n" not in escape("a\nb", newlines=False) and escape("a\nb") == "a\nb"


def test_the_exam_review_escapes_typed_answers(tmp_path):
    banks_with(
        tmp_path,
        **{
            "t.yaml": head(
                "".join(
                    f"  - id: c{i}\n    type: text\n    prompt: Câu {i}?\n    answer: Hà Nội\n"
                    for i in range(len(PAYLOADS))
                )
            )
        },
    )
    typed = "\n".join(PAYLOADS) + "\n"
    result = quiz(
        ["exam", "--count", str(len(PAYLOADS))], tmp_path, stdin=typed.encode("utf-8", "surrogatepass")
    )
    out = result.stdout.decode("utf-8", "replace")
    review = out[out.index("Xem lại") :]
    assert terminal_safe(review), review
    assert review.count("<U+001B>") >= 3 and "<U+009B>" in review and "<U+202E>" in review


def test_report_escapes_ids_read_from_the_store(tmp_path):
    banks_with(tmp_path, **{"good.yaml": GOOD})
    assert quiz(["study", "--limit", "1"], tmp_path, stdin=b"245\n").returncode == 0
    conn = sqlite3.connect(tmp_path / "p.db")  # a shared progress.db from a stranger
    with conn:
        conn.execute(
            "INSERT INTO reviews (at, bank, question, answer, verdict, rating, mode, fingerprint)"
            " VALUES ('2026-11-23T00:00:00.000000+00:00', ?, ?, 'x', 'wrong', 1, 'study', 'f')",
            ("evil\x1b]0;pwned\x07", "q\x1b[2J\u202e\ny"),
        )
    conn.close()
    result = quiz(["report"], tmp_path)
    out = result.stdout.decode()
    assert result.returncode == 0 and terminal_safe(out) and "<U+001B>" in out


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path):
    folder = banks_with(tmp_path)
    (folder / "x\n✓ 0 lỗi: mọi thứ ổn.yaml").write_text("bank: [\n", encoding="utf-8")
    result = runner.invoke(app, ["bank", "check"], env=env(tmp_path))
    assert result.exit_code == 1
    assert not any(line.startswith("✓ 0 lỗi") for line in result.output.splitlines()), result.output
    assert "x<U+000A>✓ 0 lỗi" in result.output


def test_invisible_marks_in_bank_text_are_refused(tmp_path):
    for mark in ("\u200e", "\u200f", "\u061c", "\ufeff", "\u200b", "\r"):
        escaped = f"\\u{ord(mark):04x}" if mark != "\r" else "\\r"
        text = head(f'  - id: a\n    type: text\n    prompt: "Thủ{escaped} đô?"\n    answer: x\n')
        bank, problems = load_text(text)
        assert bank is None and [p.code for p in problems] == ["control_char"], mark


def test_two_choices_differing_by_a_zero_width_space_are_refused():
    text = head(
        '  - id: a\n    type: choice\n    prompt: p\n    choices: ["Hà Nội", "Hà\\u200b Nội"]\n    answer: Hà Nội\n'
    )
    bank, problems = load_text(text)
    assert bank is None and problems


def test_a_huge_typed_answer_is_capped(tmp_path):
    banks_with(tmp_path, **{"good.yaml": GOOD})
    with within(5, "1 MB typed answer"):
        result = quiz(["study", "--limit", "1"], tmp_path, stdin=b"2" * 1_000_000 + b"\n")
    assert result.returncode == 0, result.stderr.decode()
    with sqlite3.connect(tmp_path / "p.db") as conn:
        (length,) = conn.execute("SELECT length(answer) FROM reviews").fetchone()
    assert length <= 2000


def test_a_flood_of_problems_is_printed_batched_and_capped(tmp_path):
    body = "".join(f"  - id: q{i}\n    type: bogus\n    zz: 1\n    yy: 2\n" for i in range(34_000))
    folder = banks_with(tmp_path, **{"many.yaml": head(body)})
    with within(20, "100k problems printed"):
        result = runner.invoke(app, ["bank", "check", str(folder / "many.yaml")], env=env(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) < 1000 and lines[-1] == "✗ 102000 lỗi trong 1 tệp", lines[-3:]
    assert any("… và 101800 lỗi khác" in line for line in lines), lines[-3:]


# --- 5. no hangs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["bank", "check"], ["study"], ["bank", "show"]])
def test_a_fifo_is_refused_without_blocking(tmp_path, command):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    with within(15, f"fifo: {' '.join(command)}"):
        result = quiz([*command, str(fifo)], tmp_path, timeout=15)
    assert result.returncode in (1, 2)
    assert "không phải tệp thường" in result.stdout.decode() + result.stderr.decode()


def test_dev_zero_with_a_huge_size_cap_is_refused(tmp_path):
    with within(15, "/dev/zero with a huge QUIZ_MAX_BANK_BYTES"):
        result = quiz(["bank", "check", "/dev/zero"], tmp_path, QUIZ_MAX_BANK_BYTES=str(10**18))
    text = result.stdout.decode() + result.stderr.decode()
    assert result.returncode in (1, 2) and "MemoryError" not in text and "Traceback" not in text


def test_missing_quotes_in_a_5mb_article_are_checked_fast(tmp_path):
    folder = banks_with(tmp_path)
    sources = folder / "sources"
    sources.mkdir()
    sentence = "Đảng ta có quan hệ với nhiều chính đảng trên thế giới. "
    (sources / "big.txt").write_text(sentence * (4_900_000 // len(sentence.encode())), encoding="utf-8")
    questions = "".join(
        f"  - id: q{i}\n    type: text\n    prompt: p{i}?\n    answer: x\n    source: s\n"
        f"    quote: câu trích số {i} không hề có trong bài báo này\n"
        for i in range(200)
    )
    (folder / "b.yaml").write_text(
        "bank: b\ntitle: t\nsources:\n  - id: s\n    title: t\n    file: big.txt\nquestions:\n" + questions,
        encoding="utf-8",
    )
    with within(20, "200 missing quotes in a 4.9 MB article"):
        result = runner.invoke(app, ["bank", "check", str(folder / "b.yaml"), "--sources", str(sources)])
    assert result.exit_code == 1 and result.output.count("không có nguyên văn") >= 1


# --- 6. OS errors: one Vietnamese line, naming the file -----------------------------------------------

LONG = "a" * 5000


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["bank", "check", f"/tmp/{LONG}.yaml"], {}),
        (["bank", "show", LONG], {}),
        (["bank", "show", f"{LONG}.yaml"], {}),
        (["study", f"{LONG}.yaml"], {}),
        (["study", "--limit", "1"], {"QUIZ_PROGRESS": f"/tmp/{LONG}.db"}),
        (["report"], {"QUIZ_PROGRESS": f"/tmp/{LONG}.db"}),
        (["bank", "list"], {"QUIZ_BANKS": f"/tmp/{LONG}"}),
        (["study", "--limit", "1"], {"QUIZ_BANKS": f"/tmp/{LONG}"}),
    ],
)
def test_a_name_too_long_is_one_line(tmp_path, args, extra):
    banks_with(tmp_path, **{"good.yaml": GOOD})
    result = runner.invoke(app, args, env={**env(tmp_path), **extra}, input="245\n")
    line = one_clean_line(result.output)
    assert result.exit_code == 2 and "quá dài" in line and len(line) < 400, line


@pytest.mark.parametrize(("number", "said"), [(28, "đĩa đầy"), (30, "chỉ đọc"), (13, "không có quyền")])
@pytest.mark.parametrize("command", ["new", "add", "fmt", "draft"])
def test_a_full_or_read_only_disk_is_one_line_and_the_bank_stays(
    tmp_path, monkeypatch, number, said, command
):
    import errno
    import tempfile

    folder = banks_with(tmp_path, **{"good.yaml": GOOD})
    article = tmp_path / "bai.txt"
    article.write_text("Ngày 18/2/2019, Bộ Chính trị ban hành Chỉ thị 32-CT/TW.\n", encoding="utf-8")
    before = (folder / "good.yaml").read_bytes()

    def fault(*_args, **_kwargs):
        raise OSError(number, os.strerror(number), str(folder))

    monkeypatch.setattr(tempfile, "mkstemp", fault)
    args = {
        "new": ["bank", "new", "moi"],
        "add": ["bank", "add", "mau-day-du", "--type", "truefalse", "--prompt", "Đúng?", "--answer", "đúng"],
        "fmt": ["bank", "fmt", "mau-day-du"],
        "draft": ["bank", "draft", str(article), "--out", str(folder / "nhap.yaml")],
    }[command]
    result = runner.invoke(app, args, env=env(tmp_path))
    assert errno.errorcode[number]
    line = one_clean_line(result.output)
    assert result.exit_code == 2 and said in line, line
    assert (folder / "good.yaml").read_bytes() == before


# --- 7. ids resolve only inside the banks folder ------------------------------------------------------


def test_an_id_never_falls_back_to_a_folder_of_the_current_directory(tmp_path, monkeypatch):
    banks_with(tmp_path, **{"good.yaml": GOOD})
    (tmp_path / "tmp").mkdir()
    (tmp_path / "tmp" / "other.yaml").write_text(GOOD.replace("mau-day-du", "lac-vao"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["bank", "show", "tmp"], env=env(tmp_path))
    assert result.exit_code == 2 and "lac-vao" not in result.output
    assert "không tìm thấy ngân hàng `tmp`" in result.output
    assert runner.invoke(app, ["bank", "show", "./tmp"], env=env(tmp_path)).exit_code == 0  # a path says so


def test_an_id_with_a_trailing_newline_is_not_an_id(tmp_path):
    banks_with(tmp_path, **{"good.yaml": GOOD})
    result = runner.invoke(app, ["bank", "show", "mau-day-du\n"], env=env(tmp_path))
    assert result.exit_code == 2 and "<U+000A>" in result.output
    assert ID_PATTERN.match("mau-day-du\n") is None and ID_PATTERN.match("mau-day-du")
    assert ID_PATTERN.match("a" * 81) is None  # and an id fits in a line


def test_bank_check_without_arguments_does_not_follow_a_symlink_out(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("bank: [\n  mật khẩu\n", encoding="utf-8")
    folder = banks_with(tmp_path, **{"good.yaml": GOOD})
    (folder / "link.yaml").symlink_to(outside / "secret.yaml")
    result = runner.invoke(app, ["bank", "check"], env=env(tmp_path))
    assert "mật khẩu" not in result.output and "secret" not in result.output
    assert "link.yaml" in result.output  # said, not read


# --- hypothesis: inputs that grow ---------------------------------------------------------------------

PATHOLOGICAL = st.sampled_from(
    [
        "{{",
        "}}",
        "{",
        "\u0301\u0323",
        "\u0323",
        "[",
        "]",
        "{}",
        ", ",
        "'",
        '"',
        "\\",
        ":",
        "- ",
        "&a ",
        "*a ",
        "!!",
        "#",
        "\t",
        "\n  ",
    ]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    unit=PATHOLOGICAL,
    count=st.integers(1_000, 150_000),
    where=st.sampled_from(["prompt", "text", "answer", "key", "top"]),
)
def test_long_runs_anywhere_are_linear(unit, count, where):
    run = unit * count
    if where == "top":
        text = run
    elif where == "key":
        text = head(f"  - id: a\n    type: text\n    {run}: 1\n")
    else:
        text = head(f"  - id: a\n    type: cloze\n    prompt: p\n    {where}: '{run}'\n    answer: x\n")
    with within(3, "hypothesis: long runs (≤ 2 MB)"):
        load_text(text, "grow.yaml")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    depth=st.integers(1, 50_000), width=st.integers(1, 200_000), opener=st.sampled_from(["[", "{a: ", "- "])
)
def test_deep_nesting_and_floods_are_linear(depth, width, opener):
    closer = {"[": "]", "{a: ": "}", "- ": ""}[opener]
    nested = (
        opener * depth + "x" + closer * depth
        if opener != "- "
        else "".join("  " * i + "- " for i in range(min(depth, 2_000)))
    )
    flood = "[" + "x, " * width + "]"
    for text in (nested, flood, head(f"  - id: a\n    type: choice\n    prompt: p\n    choices: {flood}\n")):
        with within(3, "hypothesis: nesting and floods"):
            bank, problems = load_text(text, "grow.yaml")
        assert bank is None or not problems


@settings(max_examples=30, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            ["\x1b", "\x9b", "\u202e", "\u200b", "\n", "\r", "a", "á", "\x00", "\ufeff"]
        ),
        max_size=2_000,
    )
)
def test_escaped_text_is_always_terminal_safe(text):
    assert terminal_safe(escape(text)) and "\n" not in escape(text, newlines=False)


def test_zz_report_worst_case(capsys):
    """Not a check: prints the slowest hostile case of this run (`pytest -s tests/test_hostile.py`)."""
    if WORST:
        case, seconds = max(WORST.items(), key=lambda kv: kv[1])
        with capsys.disabled():
            print(f"\nhostile suite, worst case: {case}: {seconds:.2f} s")


# --- nothing reaches the terminal around the one escaping console -------------------------------------

# Printing that does not go through quiz/ui/console.py, each with why it is safe.
ALLOWED_RAW_OUTPUT = {
    ("quiz/cli/common.py", "typer.echo"): "Click's help text (our own words)",
    ("quiz/cli/__init__.py", "typer.echo"): "the version number",
    ("quiz/cli/report.py", "typer.echo"): "--json, through escape_json",
    ("quiz/cli/bank.py", "sys.stdout.write"): "bank draft's YAML: candidates remove FORBIDDEN_CHARS",
}


def test_ui_and_cli_print_only_through_the_escaping_console():
    import ast

    root = Path(__file__).parent.parent
    found = []
    for folder in ("quiz/ui", "quiz/cli"):
        for path in sorted((root / folder).glob("*.py")):
            name = str(path.relative_to(root))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                what = (
                    func.id
                    if isinstance(func, ast.Name)
                    else f"{ast.unparse(func.value)}.{func.attr}"
                    if isinstance(func, ast.Attribute)
                    else ""
                )
                raw = what in (
                    "print",
                    "Console",
                    "typer.echo",
                    "click.echo",
                    "sys.stdout.write",
                    "sys.stderr.write",
                )
                raw = raw or what.endswith(".Console") or what in ("os.write",)
                if raw and (name, what) not in ALLOWED_RAW_OUTPUT:
                    found.append(f"{name}:{node.lineno}: {what}")
    assert not found, "printing around quiz/ui/console.py: " + ", ".join(found)


def test_a_full_or_read_only_disk_under_sqlite_is_named(tmp_path, monkeypatch):
    """SQLite says "disk I/O error" or "unable to open" for a full or read-only disk: the learner reads which."""
    import errno as _errno
    import sqlite3 as _sqlite3

    from quiz.progress import store_checks

    class Disk:
        f_frsize = 4096
        f_bavail = 0
        f_flag = 0

    monkeypatch.setattr(store_checks.os, "statvfs", lambda _p: Disk())
    fault = _sqlite3.OperationalError("disk I/O error")
    assert "đĩa đã đầy" in str(store_checks._unopenable(tmp_path / "p.db", fault))
    Disk.f_flag = os.ST_RDONLY
    assert "chỉ đọc" in str(store_checks._unopenable(tmp_path / "p.db", fault))
    Disk.f_flag, Disk.f_bavail = 0, 10**6
    assert "lỗi đọc ghi" in str(store_checks._unopenable(tmp_path / "p.db", fault))
    assert "đĩa đã đầy" in str(store_checks._unopenable(tmp_path / "p.db", OSError(_errno.ENOSPC, "")))
