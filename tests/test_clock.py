"""The clock: QUIZ_NOW, the learner's day, stored time strings."""

from __future__ import annotations

import time
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.errors import QuizError
from quiz.progress import clock

UTC = timezone.utc


@pytest.fixture(autouse=True)
def _no_clock_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZ_NOW", raising=False)
    monkeypatch.delenv("QUIZ_TZ", raising=False)


def test_without_quiz_now_it_is_the_real_time_in_utc() -> None:
    before = datetime.now(UTC)
    now = clock.now()
    assert now.tzinfo == UTC
    assert before <= now <= datetime.now(UTC)


def test_an_empty_quiz_now_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_NOW", "  ")
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-23T08:00:00+07:00", datetime(2026, 11, 23, 1, 0, tzinfo=UTC)),
        ("2026-11-23T01:00:00Z", datetime(2026, 11, 23, 1, 0, tzinfo=UTC)),
        ("2026-11-23T01:00:00.250z", datetime(2026, 11, 23, 1, 0, 0, 250000, tzinfo=UTC)),
        ("2026-11-23T08:00", datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),  # no offset: UTC
        ("2026-11-23 08:00:00", datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        ("2026-11-23", datetime(2026, 11, 23, 0, 0, tzinfo=UTC)),
        (" 2026-11-23T08:00:00-05:00\n", datetime(2026, 11, 23, 13, 0, tzinfo=UTC)),
    ],
)
def test_quiz_now_replaces_the_clock(monkeypatch: pytest.MonkeyPatch, value: str, expected: datetime) -> None:
    monkeypatch.setenv("QUIZ_NOW", value)
    now = clock.now()
    assert now == expected and now.tzinfo == UTC


@pytest.mark.parametrize("value", ["hôm qua", "2026-13-01", "23/11/2026", "2026-11-23T25:00", "Z", "now"])
def test_a_bad_quiz_now_is_a_clear_vietnamese_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("QUIZ_NOW", value)
    with pytest.raises(QuizError) as info:
        clock.now()
    message = str(info.value)
    assert message.startswith("QUIZ_NOW=") and "ISO 8601" in message and "không" in message
    assert "\n" not in message and unicodedata.is_normalized("NFC", message)


def test_today_is_the_learners_local_day(monkeypatch: pytest.MonkeyPatch) -> None:
    evening_utc = datetime(2026, 11, 22, 18, 30, tzinfo=UTC)
    monkeypatch.setenv("QUIZ_TZ", "Asia/Ho_Chi_Minh")
    assert clock.today(evening_utc) == date(2026, 11, 23)
    monkeypatch.setenv("QUIZ_TZ", "UTC")
    assert clock.today(evening_utc) == date(2026, 11, 22)
    monkeypatch.setenv("QUIZ_TZ", "America/New_York")
    assert clock.today(datetime(2026, 11, 23, 3, 0, tzinfo=UTC)) == date(2026, 11, 22)


def test_today_defaults_to_quiz_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TZ", "Asia/Ho_Chi_Minh")
    monkeypatch.setenv("QUIZ_NOW", "2026-11-22T23:30:00+07:00")
    assert clock.today() == date(2026, 11, 22)
    monkeypatch.setenv("QUIZ_NOW", "2026-11-22T17:30:00Z")
    assert clock.today() == date(2026, 11, 23)


def test_without_quiz_tz_the_system_timezone_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    if not hasattr(time, "tzset"):
        return  # the system timezone cannot be switched here; QUIZ_TZ is covered above
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        assert clock.today(datetime(2026, 11, 22, 18, 30, tzinfo=UTC)) == date(2026, 11, 23)
        start, end = clock.day_bounds(date(2026, 11, 23))
        assert start == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
        assert end == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_bad_quiz_tz_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TZ", "Hà Nội")
    with pytest.raises(QuizError, match="QUIZ_TZ"):
        clock.today(datetime(2026, 11, 23, tzinfo=UTC))


def test_day_bounds_are_local_midnights_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZ_TZ", "Asia/Ho_Chi_Minh")
    start, end = clock.day_bounds(date(2026, 11, 23))
    assert start == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    monkeypatch.setenv("QUIZ_TZ", "Europe/Paris")
    start, end = clock.day_bounds(date(2026, 3, 29))  # clocks go forward: a 23-hour day
    assert end - start == timedelta(hours=23)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.timezones()))
def test_day_bounds_contain_every_instant_of_that_day(moment: datetime) -> None:
    # hypothesis picks the zone of `moment`; the learner's zone is Hanoi (set without monkeypatch: pure env)
    import os

    os.environ["QUIZ_TZ"] = "Asia/Ho_Chi_Minh"
    try:
        start, end = clock.day_bounds(clock.today(moment))
        assert start <= moment < end
    finally:
        del os.environ["QUIZ_TZ"]


def test_stored_strings_are_fixed_width_utc() -> None:
    hanoi = timezone(timedelta(hours=7))
    assert clock.to_iso(datetime(2026, 11, 23, 8, tzinfo=hanoi)) == "2026-11-23T01:00:00.000000+00:00"
    with pytest.raises(ValueError):
        clock.to_iso(datetime(2026, 11, 23, 8))


aware = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.timezones())


@given(aware)
def test_stored_strings_round_trip(moment: datetime) -> None:
    text = clock.to_iso(moment)
    assert len(text) == 32
    back = clock.from_iso(text)
    # compare in UTC: PEP 495 makes a local time inside a DST gap unequal to every other instant
    assert back == moment.astimezone(UTC) and back.tzinfo == UTC


@given(aware, aware)
def test_stored_strings_sort_in_time_order(a: datetime, b: datetime) -> None:
    assert (clock.to_iso(a) < clock.to_iso(b)) == (a.astimezone(UTC) < b.astimezone(UTC))
