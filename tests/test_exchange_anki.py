"""Anki export checked by importing the deck into a fresh collection with the real Anki library."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import anki.collection as anki_collection
import pytest
from exchange_helpers import T0, bank_from, good_bank, studied_store

from quiz.exchange.anki import export_apkg, read_apkg

STAMP = datetime(2026, 11, 1, tzinfo=timezone.utc)


def _collection(tmp_path: Path):
    return anki_collection.Collection(os.fspath(tmp_path / "anki" / "collection.anki2"))


def _import(col, path: Path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    request = ImportAnkiPackageRequest(
        package_path=os.fspath(path),
        options=ImportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False),
    )
    return col.import_anki_package(request).log


def _notes(col) -> dict[str, dict[str, str]]:
    """Imported notes by our id field, as {field name: value}, plus the note type's name."""
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        fields = dict(note.items())
        fields["_type"] = note.note_type()["name"]
        fields["_tags"] = " ".join(note.tags)
        out[fields["QuizId"]] = fields
    return out


@pytest.fixture
def anki_dir(tmp_path: Path) -> Path:
    (tmp_path / "anki").mkdir()
    return tmp_path


def test_one_note_per_question_and_every_type_mapped(anki_dir: Path) -> None:
    bank = good_bank()
    out = anki_dir / "deck.apkg"
    result = export_apkg([bank], out, timestamp=STAMP)
    col = _collection(anki_dir)
    try:
        log = _import(col, out)
        assert len(log.new) == len(bank.questions) == result.notes == 8
        assert col.note_count() == 8
        # the cloze has three blanks, each its own cloze: 3 cards; the 7 others one card each
        assert col.card_count() == result.cards == 10
        notes = _notes(col)
        kinds = {qid.split("/")[1]: n["_type"] for qid, n in notes.items()}
        assert kinds["cay-tre-ban-sac"] == "quiz · điền chỗ trống"
        assert {kinds[q] for q in ("chi-thi-32-ngay", "chi-thi-32-ten", "so-chinh-dang-2018")} == {
            "quiz · gõ đáp án"
        }
        assert {kinds[q] for q in ("ba-tru-cot", "moc-thoi-gian", "truong-ban-2018", "dung-sai")} == {
            "quiz · lựa chọn"
        }
        cloze = notes["mau-day-du/cay-tre-ban-sac"]
        assert "{{c1::gốc vững}}" in cloze["Text"] and "{{c3::cành uyển chuyển}}" in cloze["Text"]
        number = notes["mau-day-du/so-chinh-dang-2018"]
        assert number["Answer"] == "245"
        assert "chính đảng" in number["Prompt"]  # the unit is shown with the question
        assert "245 chính đảng ở 111 quốc gia" in number["Back"]  # the quote
        assert "TG&amp;VN" in number["Back"]  # the source, escaped
        choice = notes["mau-day-du/truong-ban-2018"]
        assert "Lê Hoài Trung" in choice["Options"] and "Hoàng Bình Quân" in choice["Answer"]
        assert "tháng 8/2018" in choice["Back"]  # the explanation
        date = notes["mau-day-du/chi-thi-32-ngay"]
        assert date["Answer"] == "18/2/2019"
        assert "mau-day-du" in cloze["_tags"].split()
        order = notes["mau-day-du/moc-thoi-gian"]
        assert "Chỉ thị 28/CT-TW → Chỉ thị 32-CT/TW → Chỉ thị 38/CT-TW" in order["Answer"]
        # the card's question side renders (templates are valid in real Anki)
        card = col.get_card(col.find_cards("QuizId:mau-day-du/truong-ban-2018")[0])
        assert "Ai là Trưởng Ban" in card.question()
        assert "Hoàng Bình Quân" in card.answer()
    finally:
        col.close()


def test_unordered_cloze_group_is_one_card(anki_dir: Path) -> None:
    bank = bank_from(
        "bank: nhom\ntitle: Nhóm\nquestions:\n"
        "  - id: ba-tu\n    type: cloze\n    text: 'Phá thế {{bao vây}}, {{cô lập}} và {{cấm vận}}; {{mở rộng}}'\n"
        "    unordered: [[1, 2, 3]]\n"
    )
    out = anki_dir / "nhom.apkg"
    result = export_apkg([bank], out, timestamp=STAMP)
    assert result.cards == 2
    col = _collection(anki_dir)
    try:
        _import(col, out)
        assert col.card_count() == 2
        text = col.get_note(col.find_notes("")[0])["Text"]
        assert text.count("{{c1::") == 3 and text.count("{{c2::") == 1
    finally:
        col.close()


def test_second_export_updates_and_does_not_duplicate(anki_dir: Path) -> None:
    bank = good_bank()
    first, second = anki_dir / "v1.apkg", anki_dir / "v2.apkg"
    export_apkg([bank], first, timestamp=STAMP)
    text = (
        Path(bank.path)
        .read_text(encoding="utf-8")
        .replace("Ông Hoàng Bình Quân trả lời", "Ông Hoàng Bình Quân (đã sửa) trả lời")
    )
    changed = bank_from(text)
    export_apkg([changed], second, timestamp=STAMP + timedelta(days=1))
    col = _collection(anki_dir)
    try:
        _import(col, first)
        log = _import(col, second)
        assert len(log.new) == 0 and len(log.updated) == 8
        assert col.note_count() == 8 and col.card_count() == 10
        assert "(đã sửa)" in _notes(col)["mau-day-du/truong-ban-2018"]["Back"]
    finally:
        col.close()


def test_same_timestamp_is_not_an_update(anki_dir: Path) -> None:
    """Anki updates a note only when it is newer: an export stamped the same instant changes nothing."""
    bank = good_bank()
    path = anki_dir / "same.apkg"
    export_apkg([bank], path, timestamp=STAMP)
    col = _collection(anki_dir)
    try:
        _import(col, path)
        log = _import(col, path)
        assert len(log.new) == 0 and len(log.updated) == 0 and col.note_count() == 8
    finally:
        col.close()


def test_with_progress_writes_revlog_rows_and_card_state(anki_dir: Path) -> None:
    bank = good_bank()
    store = studied_store(anki_dir / "progress.db")
    out = anki_dir / "progress.apkg"
    try:
        result = export_apkg([bank], out, timestamp=STAMP, store=store)
        cards = store.cards()
    finally:
        store.close()
    assert result.reviews == 4  # the exam answer moved no card: left out
    col = _collection(anki_dir)
    try:
        _import(col, out)
        rows = col.db.all(
            "SELECT r.id, r.ease, r.type, r.ivl, n.flds FROM revlog r JOIN cards c ON c.id = r.cid"
            " JOIN notes n ON n.id = c.nid ORDER BY r.id"
        )
        assert len(rows) == 4
        leader = [r for r in rows if "truong-ban-2018" in r[4]]
        assert [r[1] for r in leader] == [3, 3, 1]  # Good, Good, Again
        assert [r[2] for r in leader] == [0, 0, 1]  # learn, learn, review
        assert leader[0][0] == int(T0.timestamp() * 1000)
        assert leader[1][3] > 0  # graduated: an interval in days
        date_rows = [r for r in rows if "chi-thi-32-ngay" in r[4]]
        assert [r[1] for r in date_rows] == [2]  # almost = Hard
        cid = col.find_cards("QuizId:mau-day-du/truong-ban-2018")[0]
        card = col.get_card(cid)
        ours = cards[("mau-day-du", "truong-ban-2018")]
        assert card.type == (3 if ours.state == "relearning" else 2 if ours.state == "review" else 1)
        assert card.lapses == ours.lapses == 1 and card.reps == ours.reps == 3
        assert card.memory_state is not None and abs(card.memory_state.stability - ours.stability) < 0.01
        untouched = col.get_card(col.find_cards("QuizId:mau-day-du/dung-sai")[0])
        assert untouched.type == 0  # never studied: a new card in Anki
    finally:
        col.close()


def test_progress_second_import_keeps_history_once(anki_dir: Path) -> None:
    bank = good_bank()
    store = studied_store(anki_dir / "progress.db")
    try:
        export_apkg([bank], anki_dir / "a.apkg", timestamp=STAMP, store=store)
        export_apkg([bank], anki_dir / "b.apkg", timestamp=STAMP + timedelta(hours=1), store=store)
    finally:
        store.close()
    col = _collection(anki_dir)
    try:
        _import(col, anki_dir / "a.apkg")
        _import(col, anki_dir / "b.apkg")
        assert col.db.scalar("SELECT count(*) FROM revlog") == 4
        assert col.card_count() == 10
    finally:
        col.close()


def test_exported_deck_reads_back_as_draft_questions(anki_dir: Path) -> None:
    out = anki_dir / "deck.apkg"
    export_apkg([good_bank()], out, timestamp=STAMP)
    title, drafts = read_apkg(out)
    assert len(drafts) == 8
    cloze = [d for d in drafts if d.type == "cloze"]
    assert cloze and cloze[0].text is not None and "{{gốc vững}}" in cloze[0].text


def test_deck_made_in_anki_imports_as_a_checked_draft_bank(anki_dir: Path) -> None:
    """A deck a learner made in Anki itself (Basic and Cloze notes) becomes a draft bank."""
    from quiz.bank.loader import load_text
    from quiz.exchange.draftbank import bank_text

    col = _collection(anki_dir)
    try:
        basic = col.models.by_name("Basic")
        note = col.new_note(basic)
        note["Front"] = "Đại hội <b>XIII</b> của Đảng họp năm nào?"
        note["Back"] = "2021"
        note.tags = ["lich_su"]
        col.add_note(note, col.decks.id("Đối ngoại"))
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"] = "Ba trụ cột: {{c1::Đối ngoại Đảng}}, {{c2::Ngoại giao Nhà nước::cơ quan}}"
        col.add_note(cloze, col.decks.id("Đối ngoại"))
        target = anki_dir / "made.apkg"
        from anki.exporting import AnkiPackageExporter

        exporter = AnkiPackageExporter(col)
        exporter.exportInto(os.fspath(target))
    finally:
        col.close()
    title, drafts = read_apkg(target)
    assert {d.type for d in drafts} == {"text", "cloze"}
    text, without = bank_text(drafts, bank_id="doi-ngoai", title=title, origin=str(target))
    bank, problems = load_text(text)
    assert bank is not None, problems
    assert without == 2
    assert all("draft" in q.tags for q in bank.questions)
    asked = {q.prompt: q.answer for q in bank.questions if q.type == "text"}
    assert asked == {"Đại hội XIII của Đảng họp năm nào?": "2021"}
    assert [q.blanks for q in bank.questions if q.type == "cloze"] == [
        (("Đối ngoại Đảng",), ("Ngoại giao Nhà nước",))
    ]
    assert all(q.quote is None for q in bank.questions)  # never invented


def test_deck_in_anki_s_new_format_gets_one_clear_line(anki_dir: Path) -> None:
    from anki.collection import ExportAnkiPackageOptions

    from quiz.errors import QuizError

    col = _collection(anki_dir)
    try:
        note = col.new_note(col.models.by_name("Basic"))
        note["Front"], note["Back"] = "Hỏi", "Đáp"
        col.add_note(note, col.decks.id("Mới"))
        target = anki_dir / "new.apkg"
        col.export_anki_package(
            out_path=os.fspath(target),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_media=False, legacy=False),
            limit=None,
        )
    finally:
        col.close()
    with pytest.raises(QuizError, match="Support older Anki versions") as caught:
        read_apkg(target)
    assert "\n" not in str(caught.value)
