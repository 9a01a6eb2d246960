"""Quotes against their article (issue 18): quotation marks and dashes fold like whitespace, the
offsets still map back to the article, and a quote that does not match says where it parts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from quiz.bank.grounding import fold_marks, nearest, quote_hint, quote_spans, squash
from quiz.bank.loader import load_file
from quiz.cli import app

ARTICLE = (
    "Tiêu đề bài báo về đối ngoại\n"
    "Đồng chí nhận Huân chương “Vì sự nghiệp đối ngoại Đảng” năm 2020. Việt Nam là Ủy viên không "
    "thường trực Hội đồng Bảo an nhiệm kỳ 2020–2021, bảo đảm lợi ích quốc gia – dân tộc. Đoàn do "
    "Alexander Nikolayevich Shelepin dẫn đầu sang thăm Việt Nam.\n"
)


def bank(quote: str, answer: str = "2020") -> str:
    return (
        "bank: thu\ntitle: Thử\nsources:\n  - id: bai\n    title: Bài\n    file: bai.txt\nquestions:\n"
        f"  - id: a\n    type: text\n    prompt: Gì?\n    answer: '{answer}'\n    source: bai\n"
        f"    quote: '{quote}'\n"
    )


def check(tmp_path: Path, quote: str, answer: str = "2020"):
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "thu.yaml").write_text(bank(quote, answer), encoding="utf-8")
    return CliRunner().invoke(
        app, ["bank", "check", str(tmp_path / "thu.yaml"), "--sources", str(tmp_path / "sources")]
    )


def test_straight_quotes_and_plain_hyphens_match_curly_quotes_and_dashes(tmp_path):
    for quote in (
        'Huân chương "Vì sự nghiệp đối ngoại Đảng" năm 2020',
        "nhiệm kỳ 2020-2021, bảo đảm lợi ích quốc gia-dân tộc",
        "nhiệm kỳ 2020 — 2021, bảo đảm lợi ích quốc gia - dân tộc",
    ):
        result = check(tmp_path, quote)
        assert result.exit_code == 0, (quote, result.output)
        assert "1 trích dẫn đã đối chiếu nguồn" in result.output


def test_a_quote_that_still_differs_shows_where_it_parts_from_the_article(tmp_path):
    result = check(tmp_path, 'Huân chương "Vì sự nghiệp đối ngoại của Đảng" năm 2020')
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "trích dẫn viết «…" in out and 'sự nghiệp đối ngoại ⟨của Đảng" năm…⟩»' in out
    assert "bài báo viết «…“Vì sự nghiệp đối ngoại ⟨Đảng” năm 2020.…⟩»" in out


def test_the_nearest_stretch_starts_at_a_word():
    text = squash(ARTICLE)
    near = nearest("olayevich Shelepin dẫn đầu đã đến", text)
    assert near is not None and near.startswith("Nikolayevich Shelepin dẫn đầu")
    hint = quote_hint("Xolayevich Shelepin dẫn đầu", text)
    assert "«Nikolayevich Shelepin dẫn đầu" in hint


def test_folded_offsets_map_back_to_the_article(tmp_path):
    folded = fold_marks(squash(ARTICLE))
    assert "2020-2021" in folded.text and "quốc gia-dân tộc" in folded.text
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "bai.txt").write_text(ARTICLE, encoding="utf-8")
    quote = "bảo đảm lợi ích quốc gia-dân tộc. Đoàn do"
    (tmp_path / "thu.yaml").write_text(bank(quote, "dân tộc"), encoding="utf-8")
    loaded, problems = load_file(tmp_path / "thu.yaml")
    assert loaded is not None, problems
    _, start, end = quote_spans(loaded)["a"]
    assert squash(ARTICLE)[start:end] == "bảo đảm lợi ích quốc gia – dân tộc. Đoàn do"
