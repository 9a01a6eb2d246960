"""Vietnamese text helpers: folding, tone placement, slugs, edit distance."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.model import ID_PATTERN
from quiz.text.distance import damerau_levenshtein, levenshtein
from quiz.text.vietnamese import (
    fold,
    has_diacritics,
    lacks_only_marks,
    nfc,
    same_ignoring_tone_placement,
    slugify,
    strip_tones,
    tone_key,
    tone_of,
)

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
VI_LETTERS = sorted(
    {nfc(v + t) for v in VOWELS for t in TONES}
    | set("bcdđghklmnpqrstvx")
    | {nfc(v + t).upper() for v in VOWELS for t in TONES}
    | set("BCDĐGHKLMNPQRSTVX")
)
vietnamese = st.text(alphabet=st.sampled_from(VI_LETTERS + [" ", "-", ",", "/", "1", "9"]), max_size=40)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Đối ngoại Đảng", "Doi ngoai Dang"),
        ("cây tre Việt Nam", "cay tre Viet Nam"),
        ("Liên hiệp các tổ chức hữu nghị Việt Nam", "Lien hiep cac to chuc huu nghi Viet Nam"),
        ("ĐẠI HỘI XIII", "DAI HOI XIII"),
        ("ưỡng ơ ặ ẵ ậ ễ ổ ữ ỳ", "uong o a a a e o u y"),
        ("32-CT/TW ngày 18/2/2019", "32-CT/TW ngay 18/2/2019"),
        ("", ""),
    ],
)
def test_fold_strips_every_diacritic_and_keeps_case(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("Hoà", "hòa"), ("loà", "lòa")],
)
def test_old_and_new_tone_placement_have_the_same_tone_key(old: str, new: str) -> None:
    assert old != new
    assert tone_key(old) == tone_key(new)
    assert same_ignoring_tone_placement(f"{old} bình", f"{new} bình")


def test_tone_key_separates_letters_from_tone() -> None:
    assert tone_key("Việt") == ("viêt", "nang")
    assert tone_key("Đảng") == ("đang", "hoi")
    assert tone_key("dân") == ("dân", "")
    assert tone_key("hòa") != tone_key("hóa")  # different tones: different words
    assert tone_key("ăn") != tone_key("ân")  # quality marks are letters, not tones
    assert tone_of("ngã") == "nga" and tone_of("sắc") == "sac" and tone_of("huyền") == "huyen"


def test_strip_tones_keeps_quality_marks() -> None:
    assert strip_tones("Đối ngoại Đảng") == "Đôi ngoai Đang"
    assert strip_tones("ưỡng") == "ương"


def test_has_diacritics() -> None:
    assert has_diacritics("Đảng") and has_diacritics("đ")
    assert not has_diacritics("Dang 32-CT/TW")


def test_lacks_only_marks_accepts_missing_marks_but_not_wrong_ones() -> None:
    assert lacks_only_marks("ặ", "a") and lacks_only_marks("ặ", "ă") and lacks_only_marks("ặ", "ạ")
    assert lacks_only_marks("đ", "d") and lacks_only_marks("ố", "ó")
    assert (
        not lacks_only_marks("ặ", "â") and not lacks_only_marks("a", "á") and not lacks_only_marks("d", "đ")
    )
    assert not lacks_only_marks("a", "b")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Chỉ thị 32-CT/TW ban hành ngày nào?", "chi-thi-32-ct-tw-ban-hanh-ngay-nao"),
        ("Đối ngoại Đảng", "doi-ngoai-dang"),
        ("  Đại hội XIII — 2021!  ", "dai-hoi-xiii-2021"),
        ("Bản sắc “cây tre Việt Nam”", "ban-sac-cay-tre-viet-nam"),
        ("???", ""),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugify_max_length_cuts_at_a_word() -> None:
    assert slugify("Chỉ thị 32-CT/TW ban hành ngày nào?", max_length=12) == "chi-thi-32"
    assert slugify("Liênhiệpcáctổchức", max_length=5) == "lienh"


@pytest.mark.parametrize(
    ("a", "b", "lev", "dam"),
    [
        ("kitten", "sitting", 3, 3),
        ("ab", "ba", 2, 1),
        ("", "abc", 3, 3),
        ("Đảng", "Đảng", 0, 0),
        ("ca", "abc", 3, 3),
    ],
)
def test_edit_distances(a: str, b: str, lev: int, dam: int) -> None:
    assert levenshtein(a, b) == lev
    assert damerau_levenshtein(a, b) == dam


@settings(deadline=None)
@given(vietnamese)
def test_fold_leaves_no_mark_and_is_idempotent(s: str) -> None:
    folded = fold(s)
    assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", folded))
    assert "đ" not in folded and "Đ" not in folded
    assert fold(folded) == folded
    assert len(folded) == len(nfc(s))


@settings(deadline=None)
@given(vietnamese)
def test_tone_key_ignores_case_and_unicode_form(s: str) -> None:
    assert tone_key(s) == tone_key(unicodedata.normalize("NFD", s.upper()))


@settings(deadline=None)
@given(st.text(max_size=60))
def test_slugify_always_gives_a_valid_id_or_nothing(s: str) -> None:
    slug = slugify(s)
    assert slug == "" or ID_PATTERN.match(slug)


@settings(deadline=None)
@given(st.text(alphabet="abcđ", max_size=8), st.text(alphabet="abcđ", max_size=8), st.integers(0, 4))
def test_bounded_distance_agrees_with_the_full_one(a: str, b: str, limit: int) -> None:
    full = damerau_levenshtein(a, b)
    assert damerau_levenshtein(a, b, limit) == min(full, limit + 1)
    assert levenshtein(a, b, limit) == min(levenshtein(a, b), limit + 1)
    assert full <= levenshtein(a, b) and full == damerau_levenshtein(b, a)
