"""quiz report: computed from real progress files filled with known answers (Store.record + FSRS)."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from quiz.bank.library import resolve
from quiz.cli import app
from quiz.progress.card import Review
from quiz.progress.replay import review_states
from quiz.progress.report import build_report, heatmap_days
from quiz.progress.scheduler import Scheduler, is_mastered, rating_for
from quiz.progress.store import Store
from quiz.ui.report_html import render_html
from quiz.ui.report_view import render

DATA = Path(__file__).parent / "data" / "report"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
T0 = datetime(2026, 11, 16, 8, 0, tzinfo=HANOI).astimezone(timezone.utc)  # Monday 08:00 in Hà Nội
SCHEDULER = Scheduler(desired_retention=0.9, fuzz=False)
GUARANTEED_TOTALS = {
    "questions": int,
    "new": int,
    "learning": int,
    "mastered": int,
    "due_now": int,
    "reviews": int,
    "correct": int,
    "accuracy": (float, type(None)),
    "streak_days": int,
}
GUARANTEED_BANK = {k: v for k, v in GUARANTEED_TOTALS.items() if k != "streak_days"} | {
    "bank": str,
    "title": str,
}


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("QUIZ_NOW", "QUIZ_PROGRESS", "QUIZ_BANKS", "NO_COLOR", "QUIZ_RETENTION", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QUIZ_TZ", "Asia/Ho_Chi_Minh")
    monkeypatch.chdir(tmp_path)


@pytest.fixture()
def banks_dir(tmp_path: Path) -> Path:
    target = tmp_path / "banks"
    shutil.copytree(DATA / "banks", target)
    return target


def answer(
    store: Store,
    bank: str,
    qid: str,
    verdict: str,
    at: datetime,
    *,
    mode: str = "study",
    rating: int | None = None,
    schedule: bool = True,
) -> None:
    """Record one answer the way a session does: FSRS moves the card, both saved in one transaction."""
    rating = rating or rating_for(verdict)
    card = SCHEDULER.review(store.card(bank, qid), bank, qid, rating, at, "f") if schedule else None
    store.record(Review(at, bank, qid, "…", verdict, rating, 1500, mode, "f"), card)


def cli(args: list[str], progress: Path, banks: Path, now: datetime, **env: str):
    environment = {
        "QUIZ_PROGRESS": str(progress),
        "QUIZ_BANKS": str(banks),
        "QUIZ_NOW": now.isoformat(),
        "QUIZ_TZ": "Asia/Ho_Chi_Minh",
        **env,
    }
    return CliRunner().invoke(app, ["report", *args], env=environment)


def report_json(progress: Path, banks: Path, now: datetime, *names: str) -> dict:
    result = cli([*names, "--json"], progress, banks, now)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def local_day(moment: datetime) -> date:
    return moment.astimezone(HANOI).date()


# --- an empty or missing store -----------------------------------------------------------------------


def test_missing_store_is_a_friendly_empty_report_and_creates_nothing(
    tmp_path: Path, banks_dir: Path
) -> None:
    progress = tmp_path / "chua-co" / "progress.db"
    result = cli([], progress, banks_dir, T0)
    assert result.exit_code == 0, result.output
    assert "Chưa có lượt ôn nào" in result.stdout
    assert "quiz study" in result.stdout
    assert "7 câu: 7 mới" in result.stdout  # the draft question is not counted
    data = report_json(progress, banks_dir, T0)
    assert data["empty"] is True
    assert data["totals"] | {} == {
        "questions": 7,
        "new": 7,
        "learning": 0,
        "mastered": 0,
        "due_now": 0,
        "due_today": 0,
        "reviews": 0,
        "correct": 0,
        "accuracy": None,
        "streak_days": 0,
    }
    assert [d["due"] for d in data["forecast"]] == [0] * 14
    assert data["weakest"] == [] and data["orphans"] == []
    html_file = tmp_path / "bao-cao.html"
    assert cli(["--html", str(html_file)], progress, banks_dir, T0).exit_code == 0
    assert "Chưa có lượt ôn nào" in html_file.read_text(encoding="utf-8")
    assert not progress.parent.exists()


def test_store_without_answers_is_empty_too(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    Store.open(progress).close()
    data = report_json(progress, banks_dir, T0)
    assert data["empty"] is True and data["totals"]["new"] == 7


def test_corrupt_or_foreign_store_is_one_line_and_exit_2(tmp_path: Path, banks_dir: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    result = cli([], junk, banks_dir, T0)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and str(junk) in result.stderr
    assert junk.read_bytes() == b"this is not a database" * 100

    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    result = cli(["--json"], foreign, banks_dir, T0)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "chương trình khác" in result.stderr


def test_unknown_bank_and_unwritable_html_exit_2(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    assert cli(["khong-co"], progress, banks_dir, T0).exit_code == 2
    result = cli(["--html", str(tmp_path / "khong" / "co" / "r.html")], progress, banks_dir, T0)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


# --- known answers → known numbers ------------------------------------------------------------------------


def fill_known(progress: Path) -> datetime:
    """Three days of answers; returns the moment the report is asked for (Wednesday 20:00)."""
    with Store.open(progress) as store:
        # Monday: lich-su/ban-doi-ngoai-1948 learnt (Good, Good 10 min later), chi-thi-32 wrong twice,
        # so-lieu/so-chinh-dang-2018 answered Easy (graduates at once).
        answer(store, "lich-su", "ban-doi-ngoai-1948", "correct", T0)
        answer(store, "lich-su", "ban-doi-ngoai-1948", "correct", T0 + timedelta(minutes=10))
        answer(store, "lich-su", "chi-thi-32", "wrong", T0 + timedelta(minutes=1))
        answer(store, "lich-su", "chi-thi-32", "wrong", T0 + timedelta(minutes=3))
        answer(store, "so-lieu", "so-chinh-dang-2018", "correct", T0 + timedelta(minutes=5), rating=4)
        # Tuesday: an "almost" counts as correct; an exam answer counts as a review.
        answer(store, "lich-su", "chi-thi-32", "almost", T0 + timedelta(days=1))
        answer(store, "so-lieu", "dai-hoi-13", "wrong", T0 + timedelta(days=1, minutes=2), mode="exam")
        # Wednesday morning.
        answer(store, "lich-su", "chi-thi-32", "correct", T0 + timedelta(days=2))
    return T0 + timedelta(days=2, hours=12)


def test_known_answers_give_known_totals_banks_tags_and_streak(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    data = report_json(progress, banks_dir, now)
    totals = data["totals"]
    assert (totals["reviews"], totals["correct"]) == (8, 5)
    assert totals["accuracy"] == round(5 / 8, 4)
    assert totals["questions"] == 7 and totals["new"] == 3  # 7 counted, 4 answered
    assert totals["new"] + totals["learning"] + totals["mastered"] == totals["questions"]
    assert totals["streak_days"] == 3
    banks = {b["bank"]: b for b in data["banks"]}
    assert list(banks) == ["lich-su", "so-lieu"]
    assert banks["lich-su"]["title"] == 'Lịch sử đối ngoại <Đảng> & "nhân dân"'
    assert (banks["lich-su"]["questions"], banks["lich-su"]["reviews"], banks["lich-su"]["correct"]) == (
        4,
        6,
        4,
    )
    assert (banks["so-lieu"]["questions"], banks["so-lieu"]["reviews"], banks["so-lieu"]["correct"]) == (
        3,
        2,
        1,
    )
    assert banks["so-lieu"]["accuracy"] == 0.5
    tags = {t["tag"]: t for t in data["tags"]}
    assert tags["số-liệu"]["questions"] == 3 and tags["số-liệu"]["reviews"] == 2
    assert tags["mốc-thời-gian"]["questions"] == 2 and tags["mốc-thời-gian"]["reviews"] == 3
    assert "draft" not in tags
    heat = {d["date"]: d["reviews"] for d in data["heatmap"]}
    assert (heat["2026-11-16"], heat["2026-11-17"], heat["2026-11-18"]) == (5, 2, 1)
    assert sum(heat.values()) == 8
    # Every figure agrees with the store itself.
    with Store.open(progress) as store:
        cards = store.cards()
        reviews = store.reviews()
    assert len(reviews) == totals["reviews"]
    assert sum(r.verdict != "wrong" for r in reviews) == totals["correct"]
    assert totals["mastered"] == sum(is_mastered(c, now) for c in cards.values())
    assert totals["due_now"] == sum(c.due <= now for c in cards.values())


def test_due_forecast_buckets_each_card_on_its_local_day(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    data = report_json(progress, banks_dir, now)
    with Store.open(progress) as store:
        dues = [c.due for c in store.cards().values()]
    today = local_day(now)
    expected = {today + timedelta(days=i): 0 for i in range(1, 15)}
    for due in dues:
        if local_day(due) in expected:
            expected[local_day(due)] += 1
    assert data["forecast"] == [{"date": d.isoformat(), "due": n} for d, n in expected.items()]
    assert sum(expected.values()) >= 1  # the Easy card is due in a few days
    end_today = datetime.combine(today + timedelta(days=1), datetime.min.time(), HANOI)
    assert data["totals"]["due_today"] == sum(d < end_today for d in dues)


def test_mastered_means_recalled_three_weeks_from_now(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    with Store.open(progress) as store:
        answer(store, "so-lieu", "so-quoc-gia-2018", "correct", T0, rating=4)
        card = store.card("so-lieu", "so-quoc-gia-2018")
        answer(store, "so-lieu", "so-quoc-gia-2018", "correct", card.due, rating=4)
        card = store.card("so-lieu", "so-quoc-gia-2018")
    assert card.stability > 21
    just_after = card.last_review + timedelta(hours=1)
    later = card.last_review + timedelta(days=card.stability - 21 + 1)
    assert is_mastered(card, just_after) and not is_mastered(card, later)
    for moment, mastered in ((just_after, 1), (later, 0)):
        totals = report_json(progress, banks_dir, moment)["totals"]
        assert (totals["mastered"], totals["learning"]) == (mastered, 1 - mastered)


def test_streak_counts_days_up_to_today_or_yesterday(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    with Store.open(progress) as store:
        for day in range(3):  # Monday, Tuesday, Wednesday (a late answer at 23:30 local time)
            answer(store, "so-lieu", "dai-hoi-13", "correct", T0 + timedelta(days=day, hours=15, minutes=30))
    streak = lambda now: report_json(progress, banks_dir, now)["totals"]["streak_days"]  # noqa: E731
    assert streak(T0 + timedelta(days=2, hours=16)) == 3  # Wednesday night
    assert streak(T0 + timedelta(days=3, hours=1)) == 3  # Thursday morning: still alive
    assert streak(T0 + timedelta(days=4, hours=1)) == 0  # Friday: broken
    with Store.open(progress) as store:
        answer(store, "so-lieu", "dai-hoi-13", "correct", T0 + timedelta(days=3))
    assert streak(T0 + timedelta(days=3, hours=1)) == 4


def test_a_streak_longer_than_the_heatmap(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    days = 400
    start = T0 - timedelta(days=days - 1)
    with Store.open(progress) as store:
        answer(store, "so-lieu", "dai-hoi-13", "correct", start - timedelta(days=2))  # before a gap
        for i in range(days):
            store.record(
                Review(start + timedelta(days=i), "so-lieu", "dai-hoi-13", "…", "correct", 3, None, "exam")
            )
    data = report_json(progress, banks_dir, T0 + timedelta(hours=1))
    assert data["totals"]["streak_days"] == days
    assert all(d["reviews"] >= 1 for d in data["heatmap"])


def test_heatmap_covers_twelve_calendar_weeks() -> None:
    for offset in range(7):
        day = date(2026, 11, 16) + timedelta(days=offset)
        days = heatmap_days(day)
        assert days[0].weekday() == 0 and days[-1] == day
        assert len(days) == 77 + offset + 1
        assert days == [days[0] + timedelta(days=i) for i in range(len(days))]


# --- true retention ------------------------------------------------------------------------------------------


def states_before(ratings: list[int], gaps: list[float]) -> str:
    """The oracle: '1' where the real FSRS scheduler had the card in `review` just before the answer."""
    card, at, out = None, T0, []
    for rating, gap in zip(ratings, gaps, strict=True):
        at += timedelta(hours=gap)
        out.append("1" if card is not None and card.state == "review" else "0")
        card = SCHEDULER.review(card, "b", "q", rating, at, "f")
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from([0.01, 0.2, 3.0, 30.0, 200.0, 2000.0])),
        max_size=25,
    )
)
def test_replayed_review_states_match_fsrs(steps: list[tuple[int, float]]) -> None:
    ratings = [r for r, _gap in steps]
    assert review_states("".join(map(str, ratings))) == states_before(ratings, [g for _r, g in steps])


def test_true_retention_counts_only_answers_given_in_review_state(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    q = ("lich-su", "ba-tru-cot")
    with Store.open(progress) as store:
        answer(store, *q, "correct", T0 - timedelta(days=40))  # learning step 1
        answer(store, *q, "correct", T0 - timedelta(days=40) + timedelta(minutes=10))  # graduates
        answer(store, *q, "correct", T0 - timedelta(days=35))  # review, outside both windows
        answer(store, *q, "wrong", T0 - timedelta(days=20))  # review: a lapse (30-day window)
        answer(store, *q, "correct", T0 - timedelta(days=20) + timedelta(minutes=10))  # relearning
        answer(store, *q, "almost", T0 - timedelta(days=3))  # review, correct (both windows)
        answer(store, *q, "wrong", T0)  # review: a lapse (both windows)
        answer(store, *q, "wrong", T0 + timedelta(minutes=10))  # relearning: not counted
        answer(store, *q, "correct", T0 + timedelta(minutes=20))  # relearning: not counted
        # Another question never leaves its learning steps: none of its answers count.
        for minutes in (0, 2, 4):
            answer(store, "lich-su", "chi-thi-32", "wrong", T0 + timedelta(minutes=minutes))
        # An exam answer that moved a reviewed card counts like any other.
        answer(store, "so-lieu", "dai-hoi-13", "correct", T0 - timedelta(days=10), rating=4)
        answer(store, "so-lieu", "dai-hoi-13", "correct", T0 - timedelta(days=1), mode="exam")
    data = report_json(progress, banks_dir, T0 + timedelta(hours=2))
    assert data["retention_7d"] | {} == {
        "days": 7,
        "since": "2026-11-10",
        "reviews": 3,
        "correct": 2,
        "rate": 0.6667,
    }
    assert data["retention_30d"]["reviews"] == 4 and data["retention_30d"]["correct"] == 2
    assert data["retention_30d"]["since"] == "2026-10-18"


def test_exam_answers_that_left_the_card_alone_are_not_replayed(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    q = ("so-lieu", "dai-hoi-13")
    with Store.open(progress) as store:
        answer(store, *q, "correct", T0 - timedelta(days=10), rating=4)  # graduates at once
        answer(store, *q, "wrong", T0 - timedelta(days=5), mode="exam", schedule=False)
        answer(store, *q, "wrong", T0 - timedelta(days=5, minutes=-1), mode="exam", schedule=False)
        answer(store, *q, "correct", T0 - timedelta(days=1))  # still in review: the exams did not count
    data = report_json(progress, banks_dir, T0)
    assert (data["retention_7d"]["reviews"], data["retention_7d"]["correct"]) == (1, 1)
    assert data["totals"]["reviews"] == 4 and data["totals"]["correct"] == 2


# --- orphans, drafts, choosing banks ---------------------------------------------------------------------------


def test_orphans_are_listed_apart_and_left_out_of_totals(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    with Store.open(progress) as store:
        answer(store, "lich-su", "cau-da-xoa", "wrong", T0)
        answer(store, "lich-su", "cau-da-xoa", "correct", T0 + timedelta(minutes=1))
        answer(store, "ngan-hang-cu", "cau-1", "correct", T0, mode="exam", schedule=False)
        long_id = "-".join(["mot-cau-hoi-co-id-rat-dai"] * 5)
        answer(store, "ngan-hang-cu", long_id, "wrong", T0, mode="exam", schedule=False)
        answer(store, "so-lieu", "dai-hoi-13", "correct", T0)
    now = T0 + timedelta(hours=1)
    data = report_json(progress, banks_dir, now)
    assert data["totals"]["reviews"] == 1 and data["totals"]["questions"] == 7
    orphans = {(o["bank"], o["id"]): o for o in data["orphans"]}
    assert list(orphans) == [("lich-su", "cau-da-xoa"), ("ngan-hang-cu", "cau-1"), ("ngan-hang-cu", long_id)]
    assert orphans[("lich-su", "cau-da-xoa")] | {} == {
        "bank": "lich-su",
        "id": "cau-da-xoa",
        "reviews": 2,
        "correct": 1,
        "lapses": 0,
        "last_review": "2026-11-16T08:01:00+07:00",
    }
    assert all(w["id"] != "cau-da-xoa" for w in data["weakest"])
    assert data["totals"]["streak_days"] == 1 and sum(d["reviews"] for d in data["heatmap"]) == 5
    only = report_json(progress, banks_dir, now, "lich-su")
    assert [(o["bank"], o["id"]) for o in only["orphans"]] == [("lich-su", "cau-da-xoa")]
    assert [b["bank"] for b in only["banks"]] == ["lich-su"] and only["totals"]["reviews"] == 0
    text = cli([], progress, banks_dir, now).stdout
    assert "không còn trong ngân hàng" in text and "ngan-hang-cu/cau-1" in text
    assert max(cell_len(line) for line in text.splitlines()) <= 80


def test_a_draft_question_counts_once_answered(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    with Store.open(progress) as store:
        answer(store, "lich-su", "cau-nhap", "correct", T0)
    data = report_json(progress, banks_dir, T0)
    assert data["totals"]["questions"] == 8 and data["orphans"] == []
    assert any(t["tag"] == "draft" for t in data["tags"])


def test_weakest_most_lapses_then_lowest_retrievability(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    with Store.open(progress) as store:
        for qid in ("ban-doi-ngoai-1948", "truong-ban-2018"):  # graduate at once, then lapse
            answer(store, "lich-su", qid, "correct", T0 - timedelta(days=30), rating=4)
            answer(store, "lich-su", qid, "wrong", T0 - timedelta(days=20))
            answer(store, "lich-su", qid, "correct", T0 - timedelta(days=20, minutes=-10))
        answer(store, "lich-su", "truong-ban-2018", "correct", T0 - timedelta(days=5), rating=4)
        answer(store, "lich-su", "truong-ban-2018", "wrong", T0 - timedelta(days=2))  # a second lapse
        answer(store, "so-lieu", "so-chinh-dang-2018", "wrong", T0 - timedelta(days=9))  # no lapse
        answer(store, "so-lieu", "dai-hoi-13", "wrong", T0 - timedelta(days=1))  # no lapse, more recent
        answer(store, "so-lieu", "so-quoc-gia-2018", "correct", T0 - timedelta(days=1))  # never wrong
    data = report_json(progress, banks_dir, T0)
    weakest = [(w["bank"], w["id"], w["lapses"]) for w in data["weakest"]]
    assert weakest == [
        ("lich-su", "truong-ban-2018", 2),
        ("lich-su", "ban-doi-ngoai-1948", 1),
        ("so-lieu", "so-chinh-dang-2018", 0),
        ("so-lieu", "dai-hoi-13", 0),
    ]
    recalls = [w["retrievability"] for w in data["weakest"][2:]]
    assert recalls == sorted(recalls)
    assert data["weakest"][0]["prompt"] == "Ai là Trưởng Ban Đối ngoại Trung ương năm 2018?"


# --- JSON, HTML and the terminal agree ---------------------------------------------------------------------------


def test_json_has_the_guaranteed_keys_and_types(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    data = report_json(progress, banks_dir, now)
    assert datetime.fromisoformat(data["generated_at"]) == now
    assert data["generated_at"].endswith("+07:00")
    for key, kind in GUARANTEED_TOTALS.items():
        assert isinstance(data["totals"][key], kind), key
    for row in data["banks"]:
        for key, kind in GUARANTEED_BANK.items():
            assert isinstance(row[key], kind), key
    assert len(data["forecast"]) == 14
    for item in data["forecast"]:
        assert set(item) == {"date", "due"} and isinstance(item["due"], int)
        date.fromisoformat(item["date"])
    assert data["forecast"][0]["date"] == "2026-11-19"
    for row in data["weakest"]:
        assert {"bank": str, "id": str, "reviews": int, "lapses": int}.items() <= {
            k: type(row[k]) for k in ("bank", "id", "reviews", "lapses")
        }.items()
    for key in ("tags", "retention_7d", "retention_30d", "heatmap", "orphans"):
        assert key in data


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.ids: list[str] = []
        self.text: list[str] = []
        self.rects: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        self.ids += [v for k, v in attrs if k == "id" and v]
        if tag == "rect":
            self.rects.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_one_self_contained_escaped_page(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    out = tmp_path / "tien-do.html"
    result = cli(["--html", str(out)], progress, banks_dir, now)
    assert result.exit_code == 0 and str(out) in result.stdout
    page_text = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(page_text)
    assert {"summary", "banks", "tags", "forecast", "heatmap", "weakest"} <= set(page.ids)
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert not [k for k, v in page.attrs if k in ("src", "href") or (v and "url(" in v)]
    assert "@media print" in page_text and "<svg" in page_text
    text = "".join(page.text)
    # Bank text shows as text, never as markup.
    assert "<script>alert(1)</script>" in text and "<b>thẻ lạ</b>" in text
    assert 'Lịch sử đối ngoại <Đảng> & "nhân dân"' in text
    data = report_json(progress, banks_dir, now)
    heat = {r["data-date"]: int(r["data-reviews"] or 0) for r in page.rects if r.get("data-date")}
    assert heat == {d["date"]: d["reviews"] for d in data["heatmap"]}
    assert f"{data['totals']['reviews']} lượt" in text


def test_terminal_report_is_plain_when_piped_and_fits_80_columns(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    result = cli([], progress, banks_dir, now)
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b" not in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80
    for needle in (
        "8 lượt, đúng 5 (62%)",
        "chuỗi ngày học: 3 ngày",
        "Các câu yếu nhất",
        "T2 ",
        "lich-su/chi-thi-32",
    ):
        assert needle in out, needle
    # Rich markup in a bank is printed literally.
    assert "(2019) [bold]x[/bold] về" in out


def test_colour_only_on_a_terminal_without_no_color(
    tmp_path: Path, banks_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    data = build_report(resolve([], banks_dir), progress, now)
    terminal = io.StringIO()
    render(data, Console(file=terminal, force_terminal=True, width=80, color_system="truecolor"))
    assert "\x1b[" in terminal.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    plain = io.StringIO()
    render(data, Console(file=plain, force_terminal=True, width=80, color_system="truecolor"))
    assert "\x1b" not in plain.getvalue()
    assert plain.getvalue().splitlines()[0].startswith("Tiến độ học")


def test_html_and_json_are_pure_renderings_of_the_same_dict(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    now = fill_known(progress)
    data = build_report(resolve([], banks_dir), progress, now)
    assert render_html(data) == render_html(json.loads(json.dumps(data)))
    assert data == build_report(resolve([], banks_dir), progress, now)


def test_report_does_not_import_fsrs_or_questionary(tmp_path: Path, banks_dir: Path) -> None:
    progress = tmp_path / "progress.db"
    fill_known(progress)
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from quiz.cli import app\n"
        "for args in (['report'], ['report', '--json'], ['report', '--html', sys.argv[1]]):\n"
        "    r = CliRunner().invoke(app, args)\n"
        "    assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fsrs', 'questionary')))\n"
    )
    env = {
        "QUIZ_PROGRESS": str(progress),
        "QUIZ_BANKS": str(banks_dir),
        "QUIZ_NOW": T0.isoformat(),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "r.html")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ban-doi-ngoai-1948", "chi-thi-32", "dai-hoi-13", "da-xoa"]),
            st.sampled_from(["correct", "almost", "wrong"]),
            st.integers(0, 60 * 24 * 20),
        ),
        max_size=30,
    )
)
def test_report_invariants(
    tmp_path_factory: pytest.TempPathFactory, answers: list[tuple[str, str, int]]
) -> None:
    folder = tmp_path_factory.mktemp("inv")
    progress = folder / "progress.db"
    banks = resolve([], DATA / "banks")
    bank_of = {
        "ban-doi-ngoai-1948": "lich-su",
        "chi-thi-32": "lich-su",
        "dai-hoi-13": "so-lieu",
        "da-xoa": "lich-su",
    }
    start = T0 - timedelta(days=20)
    with Store.open(progress) as store:
        for qid, verdict, minutes in sorted(answers, key=lambda a: a[2]):
            answer(store, bank_of[qid], qid, verdict, start + timedelta(minutes=minutes))
    data = build_report(banks, progress, T0)
    totals = data["totals"]
    assert totals["new"] + totals["learning"] + totals["mastered"] == totals["questions"]
    kept = [a for a in answers if a[0] != "da-xoa"]
    assert totals["reviews"] == len(kept) == sum(b["reviews"] for b in data["banks"])
    assert totals["correct"] == sum(v != "wrong" for _q, v, _m in kept)
    assert sum(o["reviews"] for o in data["orphans"]) == len(answers) - len(kept)
    for window in ("retention_7d", "retention_30d"):
        assert 0 <= data[window]["correct"] <= data[window]["reviews"] <= totals["reviews"]
    assert data["retention_7d"]["reviews"] <= data["retention_30d"]["reviews"]
    assert sum(d["reviews"] for d in data["heatmap"]) <= len(answers)
    assert totals["due_now"] <= totals["due_today"] <= totals["questions"] - totals["new"]
