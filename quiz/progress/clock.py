"""The clock: what time it is, which day it is for the learner, and how times are stored.

- `now()` is the current instant, timezone-aware, in UTC. The `QUIZ_NOW` environment variable
  (an ISO 8601 timestamp such as `2026-11-23T08:00:00+07:00` or `2026-11-23T01:00:00Z`) replaces
  the real clock, so tests and demos can replay days. A timestamp without an offset
  (`2026-11-23T08:00`, or a bare date `2026-11-23`) is read as **UTC**, never as local time.
  A malformed `QUIZ_NOW` raises `QuizError` with one Vietnamese line.
- `today(now)` is the learner's calendar day at that instant, in `QUIZ_TZ` (an IANA name such as
  `Asia/Ho_Chi_Minh`) when it is set, else in the system's local timezone — except when the system
  says UTC (a container, a server, WSL, a machine never set up): then the learner's zone is
  `DEFAULT_ZONE`, Vietnam's `Asia/Ho_Chi_Minh` (the learners this tool is written for); `QUIZ_TZ=UTC`
  keeps UTC. Days matter for streaks and the daily limit of new questions, and every time shown is
  in that zone; `day_bounds(day)` gives that day as a UTC range.
- Every time stored on disk is a UTC ISO 8601 string of fixed width,
  `YYYY-MM-DDTHH:MM:SS.ffffff+00:00` (`to_iso`), so strings sort in time order, SQLite's
  `julianday()`/`date()` understand them and `from_iso` reads them back on Python 3.10+.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo

from quiz import settings
from quiz.errors import QuizError

UTC = timezone.utc
NOW_ENV = "QUIZ_NOW"
TZ_ENV = "QUIZ_TZ"
DEFAULT_ZONE = "Asia/Ho_Chi_Minh"  # the learner's zone when the system says UTC
_UTC_NAMES = frozenset({"UTC", "UCT", "Universal", "Zulu", "Etc/UTC", "Etc/UCT"})


def parse_timestamp(text: str) -> datetime:
    """An ISO 8601 timestamp as an aware UTC datetime (no offset means UTC); ValueError if malformed."""
    raw = text.strip()
    if raw[-1:] in ("Z", "z"):
        raw = raw[:-1] + "+00:00"
    parsed = datetime.fromisoformat(raw)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def now() -> datetime:
    """The current instant in UTC (aware), or `QUIZ_NOW` when that is set and non-empty."""
    value = (settings.current().now or "").strip()
    if not value:
        return datetime.now(UTC)
    try:
        moment = parse_timestamp(value)
        if not 1971 <= moment.year <= 9000:  # days, forecasts and FSRS intervals must stay representable
            raise ValueError(value)
        return moment
    except (ValueError, IndexError, OverflowError):
        raise QuizError(
            f"{NOW_ENV}={value!r} không phải là thời điểm hợp lệ: "
            "hãy dùng dạng ISO 8601, ví dụ 2026-11-23T08:00:00+07:00."
        ) from None


_clock_now = now


def system_says_utc() -> bool:
    """Is the system's local timezone plain UTC (no zone set up), rather than a real place?"""
    import time as _time

    return _time.timezone == 0 and _time.altzone == 0 and _time.tzname[0] in _UTC_NAMES


def _zone_name() -> str:
    """`QUIZ_TZ`, else `DEFAULT_ZONE` when the system says UTC, else "" (the system's own zone)."""
    name = settings.current().timezone_name
    if not name and system_says_utc():
        return DEFAULT_ZONE
    return name


def local_timezone() -> tzinfo:
    """The learner's timezone: `QUIZ_TZ` when set, else the system's local timezone (`DEFAULT_ZONE`
    when that is UTC)."""
    name = _zone_name()
    if not name:
        local = datetime.now().astimezone().tzinfo
        assert local is not None
        return local
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ValueError, OSError, LookupError):
        # ZoneInfoNotFoundError is a KeyError (a LookupError); bad paths raise ValueError.
        if not settings.current().timezone_name:
            return UTC  # no time zone database here (the default zone is not loadable): the system's UTC
        raise QuizError(
            f"{TZ_ENV}={name!r} không phải là múi giờ hợp lệ: hãy dùng tên IANA, ví dụ Asia/Ho_Chi_Minh."
        ) from None


def localize(moment: datetime) -> datetime:
    """`moment` in the learner's timezone (`local_timezone`), DST-correct."""
    if not _zone_name():
        # No argument: the system's local timezone at that instant (DST-correct).
        return moment.astimezone()
    return moment.astimezone(local_timezone())


def today(now: datetime | None = None) -> date:
    """The learner's calendar day at `now` (default: `now()`), in `QUIZ_TZ` or the system timezone."""
    moment = now if now is not None else _clock_now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return localize(moment).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The learner's day as a half-open UTC range [start, end): local midnight to the next one."""
    start_naive = datetime.combine(day, time())
    end_naive = datetime.combine(day + timedelta(days=1), time())
    if not _zone_name():
        # A naive datetime's astimezone() reads it as system local time.
        return start_naive.astimezone().astimezone(UTC), end_naive.astimezone().astimezone(UTC)
    zone = local_timezone()
    return (
        start_naive.replace(tzinfo=zone).astimezone(UTC),
        end_naive.replace(tzinfo=zone).astimezone(UTC),
    )


def to_iso(moment: datetime) -> str:
    """The fixed-width UTC string stored on disk: `2026-11-23T01:00:00.000000+00:00`.

    Raises ValueError for a naive datetime: every time inside the program is aware.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime: use an aware datetime (quiz.progress.clock.now())")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str) -> datetime:
    """Read back a string written by `to_iso` (any ISO 8601 string with an offset) as aware UTC."""
    return parse_timestamp(text)
