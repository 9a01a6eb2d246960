"""`quiz import` cores: Quizlet sets, CSV tables and Anki text exports become checked draft banks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.loader import load_file
from quiz.errors import QuizError
from quiz.exchange.importing import guess_format, import_file


def _load(path: Path):
    bank, problems = load_file(path)
    assert bank is not None, [str(p) for p in problems]
    return bank


def test_quizlet_set_becomes_a_checked_draft_bank(tmp_path: Path) -> None:
    src = tmp_path / "quizlet.txt"
    src.write_text(
        "Chỉ thị 32-CT/TW ban hành năm nào?\t2019\n"
        "Trưởng Ban Đối ngoại Trung ương năm 2018\tHoàng Bình Quân\n\n"
        "Ba trụ cột đối ngoại\tĐối ngoại Đảng, Ngoại giao Nhà nước, Đối ngoại nhân dân\n",
        encoding="utf-8",
    )
    out = tmp_path / "banks" / "Đối ngoại 2018.yaml"
    result = import_file(src, out)
    assert (result.questions, result.without_quote, result.bank_id) == (3, 3, "doi-ngoai-2018")
    bank = _load(out)
    assert [q.type for q in bank.questions] == ["text"] * 3
    assert bank.questions[1].prompt == "Trưởng Ban Đối ngoại Trung ương năm 2018"
    assert bank.questions[1].answer == "Hoàng Bình Quân"
    assert all(set(q.tags) >= {"draft", "chưa-trích-dẫn"} for q in bank.questions)
    assert all(q.quote is None and q.source is None for q in bank.questions)
    assert out.read_text(encoding="utf-8").count("CẦN TRÍCH DẪN") == 3


def test_existing_output_is_never_overwritten_by_default(tmp_path: Path) -> None:
    src = tmp_path / "set.tsv"
    src.write_text("a\tb\n", encoding="utf-8")
    out = tmp_path / "x.yaml"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(QuizError, match="đã có"):
        import_file(src, out)
    assert out.read_text(encoding="utf-8") == "mine"
    import_file(src, out, overwrite=True)
    assert _load(out).questions[0].answer == "b"


def test_quizlet_line_without_tab_names_the_line(tmp_path: Path) -> None:
    src = tmp_path / "set.tsv"
    src.write_text("a\tb\nkhông có tab\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"set\.tsv:2: "):
        import_file(src, tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_csv_with_header_every_type(tmp_path: Path) -> None:
    src = tmp_path / "de.csv"
    src.write_text(
        "\ufeffLoại;Câu hỏi;Đáp án;A;B;C;Giải thích;Trích dẫn;Nhãn;Đơn vị;Items;Text\n"
        "choice;Ai là Trưởng Ban năm 2018?;A;Hoàng Bình Quân;Lê Hoài Trung;Nguyễn Huy Tăng;Phỏng vấn 8/2018;;nhân sự;;;\n"
        "multi;Trụ cột nào?;A|C;Đối ngoại Đảng;Quốc phòng;Đối ngoại nhân dân;;;;;\n"
        "number;Bao nhiêu chính đảng?;245;;;;;Đảng ta có quan hệ với 245 chính đảng;số liệu;chính đảng;;\n"
        "date;Chỉ thị 32 ban hành ngày nào?;18/2/2019;;;;;;;;;\n"
        "truefalse;Đối ngoại nhân dân là một trụ cột.;đúng;;;;;;;;;\n"
        "cloze;;;;;;;;;;;Bản sắc: {{gốc vững}}, {{thân chắc}}\n"
        "order;Xếp theo thời gian;;;;;;;;;Chỉ thị 28 | Chỉ thị 32 | Chỉ thị 38;\n"
        "text;Chỉ thị nào năm 2019?;Chỉ thị 32-CT/TW;;;;;;;;;\n",
        encoding="utf-8",
    )
    out = tmp_path / "de.yaml"
    result = import_file(src, out)
    assert result.questions == 8 and result.without_quote == 7
    bank = _load(out)
    by_type = {q.type: q for q in bank.questions}
    assert by_type["choice"].answer == "Hoàng Bình Quân"
    assert by_type["choice"].explanation == "Phỏng vấn 8/2018"
    assert by_type["multi"].answer == ("Đối ngoại Đảng", "Đối ngoại nhân dân")
    assert str(by_type["number"].answer) == "245" and by_type["number"].unit == "chính đảng"
    assert by_type["number"].quote == "Đảng ta có quan hệ với 245 chính đảng"
    assert "chưa-trích-dẫn" not in by_type["number"].tags and "số liệu" in by_type["number"].tags
    assert by_type["date"].answer == "2019-02-18"
    assert by_type["truefalse"].answer is True
    assert by_type["cloze"].blanks == (("gốc vững",), ("thân chắc",))
    assert by_type["order"].items == ("Chỉ thị 28", "Chỉ thị 32", "Chỉ thị 38")
    assert all("draft" in q.tags for q in bank.questions)


def test_csv_row_errors_name_the_row(tmp_path: Path) -> None:
    src = tmp_path / "bad.csv"
    src.write_text("prompt,answer,choices\nHỏi?,X,A|B\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"bad\.csv:2: đáp án `X` không nằm trong các lựa chọn"):
        import_file(src, tmp_path / "x.yaml")
    src.write_text("prompt,answer,type\nHỏi?,nhiều,number\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"bad\.csv:2: "):
        import_file(src, tmp_path / "x.yaml")
    src.write_text("tên,tuổi\nA,1\n", encoding="utf-8")
    with pytest.raises(QuizError, match=r"bad\.csv:1: không thấy cột"):
        import_file(src, tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_anki_text_export_with_header(tmp_path: Path) -> None:
    src = tmp_path / "deck.txt"
    src.write_text(
        "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:5\n"
        "Basic\tĐối ngoại::2018\tĐảng ta có quan hệ với bao nhiêu chính đảng?\t245\tso_lieu\n"
        "Cloze\tĐối ngoại::2018\tBản sắc: {{c1::gốc vững}}, {{c2::thân chắc::thân}}\t\t\n",
        encoding="utf-8",
    )
    assert guess_format(src, src.read_text(encoding="utf-8")) == "anki-text"
    out = tmp_path / "tu-anki.yaml"
    result = import_file(src, out)
    bank = _load(out)
    assert result.questions == 2 and bank.title == "2018"
    assert bank.questions[0].answer == "245" and "so lieu" in bank.questions[0].tags
    assert bank.questions[1].blanks == (("gốc vững",), ("thân chắc",))


def test_unknown_extension_asks_for_from(tmp_path: Path) -> None:
    src = tmp_path / "x.docx"
    src.write_bytes(b"PK")
    with pytest.raises(QuizError, match="--from"):
        import_file(src, tmp_path / "x.yaml")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
            st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_quizlet_text_gives_a_valid_bank_or_one_clear_error(rows: list[tuple[str, str]]) -> None:
    """Strangers' sets: whatever they hold, the output loads cleanly or nothing is written."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "s.tsv", Path(tmp) / "o.yaml"
        src.write_text("".join(f"{a.replace(chr(9), ' ')}\t{b}\n" for a, b in rows), encoding="utf-8")
        try:
            import_file(src, out)
        except QuizError as err:
            assert "\n" not in str(err) and not out.exists()
            return
        _load(out)
