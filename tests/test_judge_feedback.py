"""What the learner is told after an answer: reasons named right, options missed/extra, each wrong
blank with its right word; the no-diacritics preference; `quiz config`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quiz import messages as M
from quiz.bank.model import Question
from quiz.cli import app
from quiz.progress import preferences
from quiz.study.judge import judge
from quiz.ui.feedback import verdict_lines


def text(answer: str, prompt: str = "?") -> Question:
    return Question(id="q", type="text", prompt=prompt, answer=answer)


def codes(lines: list[str]) -> list[str | None]:
    return [M.code_of(line) for line in lines]


def test_a_wrong_tone_mark_is_not_missing_diacritics() -> None:
    wrong_mark = judge(text("tổng hợp"), "tổng họp")
    missing = judge(text("tổng hợp"), "tong hop")
    assert (wrong_mark.outcome, wrong_mark.reason) == ("almost", "marks")
    assert (missing.outcome, missing.reason) == ("almost", "diacritics")
    assert codes(verdict_lines(wrong_mark)) == ["detail_marks"]
    assert codes(verdict_lines(missing)) == ["detail_diacritics"]
    assert "«tổng hợp»" in verdict_lines(wrong_mark)[0]


def test_the_preference_counts_missing_diacritics_as_correct_and_still_shows_the_spelling() -> None:
    verdict = judge(text("Hoàng Bình Quân"), "Hoang Binh Quan", accept_no_diacritics=True)
    assert (verdict.outcome, verdict.reason) == ("correct", "diacritics")
    lines = verdict_lines(verdict)
    assert codes(lines) == ["detail_diacritics_accepted"] and "«Hoàng Bình Quân»" in lines[0]
    # a wrong mark or a typo is not missing diacritics: still "almost"
    assert judge(text("tổng hợp"), "tổng họp", accept_no_diacritics=True).outcome == "almost"
    assert judge(text("Hoàng Bình Quân"), "Hoang Binh Quann", accept_no_diacritics=True).outcome == "almost"
    assert judge(text("Ba Lan"), "Ha Lan", accept_no_diacritics=True).outcome == "wrong"


def test_multi_feedback_names_missed_and_extra_options() -> None:
    q = Question(
        id="q",
        type="multi",
        prompt="?",
        choices=("Đối ngoại Đảng", "Ngoại giao Nhà nước", "Đối ngoại nhân dân", "Đối ngoại quốc phòng"),
        answer=("Đối ngoại Đảng", "Ngoại giao Nhà nước", "Đối ngoại nhân dân"),
    )
    verdict = judge(q, {"Đối ngoại Đảng", "Đối ngoại quốc phòng"})
    assert verdict.outcome == "wrong"
    assert verdict.missed == ("Ngoại giao Nhà nước", "Đối ngoại nhân dân")
    assert verdict.extra == ("Đối ngoại quốc phòng",)
    lines = verdict_lines(verdict)
    assert codes(lines) == ["detail_missed", "detail_extra"]
    assert "Ngoại giao Nhà nước; Đối ngoại nhân dân" in lines[0] and "Đối ngoại quốc phòng" in lines[1]
    right = judge(q, ["Đối ngoại nhân dân", "Đối ngoại Đảng", "Ngoại giao Nhà nước"])
    assert right.outcome == "correct" and right.missed == right.extra == () and verdict_lines(right) == []


def test_cloze_feedback_gives_each_wrong_blank_with_its_right_word() -> None:
    q = Question(id="q", type="cloze", text="{{gốc vững}}, {{thân chắc}}, {{cành uyển chuyển}}")
    verdict = judge(q, ["gốc vững", "thân mềm", "cành cứng"])
    assert verdict.outcome == "wrong"
    assert verdict.blanks == ((2, "thân chắc", "wrong"), (3, "cành uyển chuyển", "wrong"))
    lines = verdict_lines(verdict)
    assert codes(lines) == ["detail_blank_wrong", "detail_blank_wrong"]
    assert "2" in lines[0] and "«thân chắc»" in lines[0] and "«cành uyển chuyển»" in lines[1]
    almost = judge(q, ["gốc vững", "than chac", "cành uyển chuyển"])
    assert (almost.outcome, almost.reason, almost.blanks) == (
        "almost",
        "diacritics",
        ((2, "thân chắc", "diacritics"),),
    )
    assert codes(verdict_lines(almost)) == ["detail_blank"]


def test_unordered_blanks_accept_any_order_within_their_group() -> None:
    body = "phá thế {{bao vây}}, {{cô lập}} và {{cấm vận}}"
    free = Question(id="q", type="cloze", text=body, unordered=((1, 2, 3),))
    fixed = Question(id="q", type="cloze", text=body)
    assert judge(free, ["cấm vận", "bao vây", "cô lập"]).outcome == "correct"
    assert judge(fixed, ["cấm vận", "bao vây", "cô lập"]).outcome == "wrong"
    assert judge(free, ["cô lập", "cô lập", "cấm vận"]).outcome == "wrong"  # each blank used once
    group = Question(id="q", type="cloze", text="{{A}} rồi {{bao vây}}, {{cô lập}}", unordered=((2, 3),))
    assert judge(group, ["A", "cô lập", "bao vây"]).outcome == "correct"
    assert judge(group, ["bao vây", "A", "cô lập"]).outcome == "wrong"


def test_notes_are_codes_worded_by_the_ui() -> None:
    number = Question(id="q", type="number", prompt="?", answer=__import__("decimal").Decimal(245))
    assert judge(number, "nhiều").note == "not_a_number"
    assert codes(verdict_lines(judge(number, "nhiều"))) == ["detail_not_a_number"]
    date = Question(id="q", type="date", prompt="?", answer="2019-02-18")
    assert judge(date, "2/2019").note == "need_day"
    cloze = Question(id="q", type="cloze", text="{{a}} {{b}}")
    assert judge(cloze, ["a"]).note == "blank_count"
    assert verdict_lines(judge(cloze, ["a"])) == [M.DETAIL_BLANK_COUNT.format(count=2)]


# --------------------------------------------------------------------------- the preference file


def test_preferences_default_save_and_keep_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "preferences.json"
    assert preferences.load(path) == preferences.Preferences(accept_no_diacritics=False)
    path.parent.mkdir()
    path.write_text('{"future": 1}', encoding="utf-8")
    preferences.save(preferences.Preferences(accept_no_diacritics=True), path)
    assert json.loads(path.read_text(encoding="utf-8")) == {"future": 1, "accept_no_diacritics": True}
    assert preferences.load(path).accept_no_diacritics is True


def test_a_damaged_preference_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "preferences.json"
    path.write_text("[not, an object", encoding="utf-8")
    with pytest.raises(preferences.QuizError) as err:
        preferences.load(path)
    assert M.code_of(str(err.value)) == "preferences_damaged" or "preferences.json" in str(err.value)
    with pytest.raises(preferences.QuizError):
        preferences.save(preferences.Preferences(True), path)
    assert path.read_text(encoding="utf-8") == "[not, an object"


def test_quiz_config_sets_shows_and_remembers_the_setting() -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["config"])
    assert shown.exit_code == 0 and M.CONFIG_OFF in shown.output
    assert not preferences.default_path().exists()  # showing writes nothing
    on = runner.invoke(app, ["config", "--accept-no-diacritics"])
    assert on.exit_code == 0 and M.CONFIG_ON in on.output
    assert preferences.load().accept_no_diacritics is True
    assert M.CONFIG_ON in runner.invoke(app, ["config"]).output
    off = runner.invoke(app, ["config", "--require-diacritics"])
    assert off.exit_code == 0 and preferences.load().accept_no_diacritics is False


def test_quiz_config_on_a_damaged_file_is_one_line_exit_2() -> None:
    path = preferences.default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(app, ["config", "--accept-no-diacritics"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "{"
