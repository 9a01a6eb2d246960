"""Properties of the judge (issue 12): another word never passes as a typo; an honorific in front of
the right answer always passes; the right answer with a wrong name added never passes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.model import Question
from quiz.study.judge import judge
from quiz.text.syllable import is_syllable
from quiz.text.vietnamese import fold, tone_key

# Syllables of Vietnamese personal and place names (none of them a title, filler or numeral).
NAME_SYLLABLES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Văn Thị Minh Hùng Dũng "
    "Tấn Phú Trọng Bình Quân Định Lan Hà Ba Kinh Ninh Hải Sơn Long Nam Bắc Hòa Thanh Tâm Đức Tuấn "
    "Hưng Quang Thắng Lợi Phúc Hiếu Nghĩa Khải Kiệt Sang Phiêu Linh Duẩn Giáp Lâm Huệ Ngân Hoài Khả "
    "Xuân Thu Đông Cường Toàn Thuận Vĩnh Tường Giang Hiền Mạnh Tùng Lộc Thái Nhân Kim Yến Loan"
).split()
HONORIFICS = (
    "ông",
    "bà",
    "đồng chí",
    "Đồng chí",
    "đ/c",
    "Tổng Bí thư",
    "Chủ tịch",
    "Thủ tướng",
    "Phó Thủ tướng",
    "Bộ trưởng",
    "Ủy viên Bộ Chính trị",
    "Chủ tịch nước",
    "cố Tổng Bí thư",
    "nguyên Chủ tịch nước",
    "Đại tướng",
)
JOINERS = (" và ", ", ", " cùng ", " hoặc ", " với ", " ")

names = st.lists(st.sampled_from(NAME_SYLLABLES), min_size=2, max_size=4, unique=True).map(" ".join)


def text(answer: str) -> Question:
    return Question(id="q", type="text", prompt="Đồng chí nào?", answer=answer)


def _other_word(a: str, b: str) -> bool:
    """True when b is another word than a, not a (partly) unaccented or re-toned spelling of it."""
    return fold(a).lower() != fold(b).lower() and tone_key(a) != tone_key(b)


@settings(max_examples=300, deadline=None)
@given(names, st.data())
def test_a_different_valid_syllable_never_passes_as_a_typo(answer: str, data: st.DataObject) -> None:
    words = answer.split()
    at = data.draw(st.integers(0, len(words) - 1))
    other = data.draw(st.sampled_from(NAME_SYLLABLES).filter(lambda s: _other_word(words[at], s)))
    assert is_syllable(other)
    spelling = data.draw(st.sampled_from(("as is", "folded", "lower")))
    changed = " ".join([*words[:at], other, *words[at + 1 :]])
    changed = fold(changed) if spelling == "folded" else changed.lower() if spelling == "lower" else changed
    verdict = judge(text(answer), changed)
    assert verdict.outcome == "wrong", (answer, changed, verdict)


@settings(max_examples=200, deadline=None)
@given(names, st.sampled_from(HONORIFICS))
def test_an_honorific_with_the_right_answer_always_passes(answer: str, honorific: str) -> None:
    verdict = judge(text(answer), f"{honorific} {answer}")
    assert verdict.outcome == "correct", (answer, honorific, verdict)


@settings(max_examples=300, deadline=None)
@given(names, names, st.sampled_from(JOINERS), st.booleans(), st.booleans())
def test_the_right_answer_with_a_wrong_name_never_passes(
    answer: str, other: str, joiner: str, other_first: bool, honorific: bool
) -> None:
    if set(fold(other).lower().split()) <= set(fold(answer).lower().split()):
        other = other + " Khải" if "Khải" not in answer else other + " Loan"
    given_text = f"{other}{joiner}{answer}" if other_first else f"{answer}{joiner}{other}"
    if honorific:
        given_text = "đồng chí " + given_text
    verdict = judge(text(answer), given_text)
    assert verdict.outcome == "wrong", (answer, given_text, verdict)
