"""A week of scripted `quiz study` sessions, then `quiz report`, `--json` and `--html` must agree with
each other and with the answers given.

The bank's questions are all true/false with the answer "true", so a script answers `đ` to be right
and `s` to be wrong whatever order the session asks them in.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from quiz.cli import app
from quiz.progress.scheduler import Scheduler, is_mastered
from quiz.progress.store import Store

DATA = Path(__file__).parent / "data" / "report" / "week"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
MONDAY = datetime(2026, 11, 16, tzinfo=HANOI)
# (day of the week, local time, answers typed): Thursday is skipped, so the streak on Sunday is 3.
SESSIONS = [
    (0, "08:00", "đ s đ đ"),
    (0, "08:30", "đ đ s đ"),
    (0, "21:00", "đ đ đ đ"),
    (1, "07:45", "s đ đ đ"),
    (1, "08:05", "đ đ đ đ"),
    (2, "22:30", "đ s đ đ"),
    (4, "06:00", "đ đ đ đ"),
    (4, "06:15", "s s đ đ"),
    (5, "12:00", "đ đ đ đ"),
    (6, "19:00", "đ đ s đ"),
    (6, "19:20", "đ đ đ đ"),
]
REPORT_AT = MONDAY + timedelta(days=6, hours=22)  # Sunday 22:00


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("week")
    banks = root / "banks"
    shutil.copytree(DATA, banks)
    env = {
        "QUIZ_PROGRESS": str(root / "progress.db"),
        "QUIZ_BANKS": str(banks),
        "QUIZ_TZ": "Asia/Ho_Chi_Minh",
        "QUIZ_FUZZ": "0",
        "QUIZ_SEED": "7",
        "NO_COLOR": "1",
    }
    runner = CliRunner()
    for day, clock, answers in SESSIONS:
        hour, minute = map(int, clock.split(":"))
        at = (MONDAY + timedelta(days=day, hours=hour, minutes=minute)).isoformat()
        lines = "\n".join(answers.split()) + "\n"
        result = runner.invoke(
            app, ["study", "--plain", "--new", "4"], input=lines, env={**env, "QUIZ_NOW": at}
        )
        assert result.exit_code == 0, result.output
    env["QUIZ_NOW"] = REPORT_AT.isoformat()
    html_file = root / "tien-do.html"
    outputs = {
        "text": runner.invoke(app, ["report"], env=env),
        "json": runner.invoke(app, ["report", "--json"], env=env),
        "html": runner.invoke(app, ["report", "--html", str(html_file)], env=env),
    }
    for result in outputs.values():
        assert result.exit_code == 0, result.output
    with Store.open(root / "progress.db") as store:
        reviews = store.reviews()
        cards = store.cards()
    return {
        "text": outputs["text"].stdout,
        "json": json.loads(outputs["json"].stdout),
        "html": html_file.read_text(encoding="utf-8"),
        "reviews": reviews,
        "cards": cards,
    }


def test_the_sessions_were_recorded(week: dict) -> None:
    assert len(week["reviews"]) >= 20
    assert {r.mode for r in week["reviews"]} == {"study"}


def test_totals_match_the_answers_given(week: dict) -> None:
    reviews, totals = week["reviews"], week["json"]["totals"]
    assert totals["reviews"] == len(reviews)
    assert totals["correct"] == sum(r.verdict == "correct" for r in reviews)
    assert totals["accuracy"] == round(totals["correct"] / totals["reviews"], 4)
    assert totals["questions"] == 4 and totals["new"] == 0
    now = REPORT_AT.astimezone(timezone.utc)
    assert totals["mastered"] == sum(is_mastered(c, now) for c in week["cards"].values())
    assert totals["due_now"] == sum(c.due <= now for c in week["cards"].values())
    assert totals["streak_days"] == 3


def test_heatmap_and_forecast_match_the_store(week: dict) -> None:
    data = week["json"]
    per_day = Counter(r.at.astimezone(HANOI).date().isoformat() for r in week["reviews"])
    heat = {d["date"]: d["reviews"] for d in data["heatmap"] if d["reviews"]}
    assert heat == dict(per_day)
    assert len(heat) == 6  # Thursday skipped
    due_days = Counter(c.due.astimezone(HANOI).date().isoformat() for c in week["cards"].values())
    assert data["forecast"] == [
        {"date": f["date"], "due": due_days.get(f["date"], 0)} for f in data["forecast"]
    ]


def test_true_retention_matches_a_replay_through_fsrs(week: dict) -> None:
    scheduler = Scheduler(fuzz=False)
    since7 = (MONDAY + timedelta(days=0)).astimezone(timezone.utc)  # Monday..Sunday is the 7-day window
    cards: dict = {}
    counted = defaultdict(lambda: [0, 0])
    for review in week["reviews"]:
        key = (review.bank, review.question)
        card = cards.get(key)
        if card is not None and card.state == "review":
            for window, since in (("7", since7), ("30", MONDAY - timedelta(days=23))):
                if review.at >= since:
                    counted[window][0] += 1
                    counted[window][1] += review.verdict != "wrong"
        cards[key] = scheduler.review(card, review.bank, review.question, review.rating, review.at, "f")
    data = week["json"]
    assert [data["retention_7d"]["reviews"], data["retention_7d"]["correct"]] == counted["7"]
    assert [data["retention_30d"]["reviews"], data["retention_30d"]["correct"]] == counted["30"]
    assert counted["7"][0] >= 1
    assert {k: c.state for k, c in cards.items()} == {k: c.state for k, c in week["cards"].items()}


def test_weakest_are_the_questions_answered_wrong(week: dict) -> None:
    wrong = Counter((r.bank, r.question) for r in week["reviews"] if r.verdict == "wrong")
    weakest = week["json"]["weakest"]
    assert {(w["bank"], w["id"]) for w in weakest} == set(wrong)
    for w in weakest:
        assert w["reviews"] - w["correct"] == wrong[(w["bank"], w["id"])]
        assert w["lapses"] == week["cards"][(w["bank"], w["id"])].lapses


def test_terminal_shows_the_same_numbers(week: dict) -> None:
    text, totals = week["text"], week["json"]["totals"]
    accuracy = f"{round(totals['accuracy'] * 100)}%"
    assert f"Đã trả lời {totals['reviews']} lượt, đúng {totals['correct']} ({accuracy})" in text
    assert f"chuỗi ngày học: {totals['streak_days']} ngày" in text
    r7 = week["json"]["retention_7d"]
    assert f"7 ngày {round(r7['rate'] * 100)}% ({r7['correct']}/{r7['reviews']})" in text
    row = re.search(r"^dung-sai\s+(.*)$", text, re.M)
    assert row is not None
    b = week["json"]["banks"][0]
    expected = [b["questions"], b["new"], b["learning"], b["mastered"], b["due_now"], b["reviews"]]
    assert row.group(1).split() == [str(n) for n in expected] + [accuracy]
    for item in week["json"]["forecast"]:
        day = datetime.fromisoformat(item["date"])
        line = re.search(rf"^\S+ {day.day:02d}/{day.month:02d} [█ ]*(\d+)$", text, re.M)
        assert line is not None and int(line.group(1)) == item["due"]
    for w in week["json"]["weakest"]:
        assert f"{w['bank']}/{w['id']}" in text


class Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.section: str | None = None
        self.rows: dict[str, list[list[str]]] = defaultdict(list)
        self.cell: list[str] | None = None
        self.bars: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "section":
            self.section = attributes.get("id")
        elif tag == "tr" and self.section:
            self.rows[self.section].append([])
        elif tag == "td":
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self.cell is not None and self.section:
            self.rows[self.section][-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)
        if self.section == "forecast" and re.fullmatch(r".+: \d+", data.strip()):
            self.bars.append(data.strip())


def test_html_shows_the_same_numbers(week: dict) -> None:
    page = Cells()
    page.feed(week["html"])
    data = week["json"]
    bank_rows = [r for r in page.rows["banks"] if r]
    b = data["banks"][0]
    assert bank_rows[0][0].startswith("dung-sai")
    assert bank_rows[0][1:] == [
        str(b[k]) for k in ("questions", "new", "learning", "mastered", "due_now", "reviews")
    ] + [f"{round(b['accuracy'] * 100)}%"]
    dues = [int(bar.rsplit(": ", 1)[1]) for bar in page.bars]
    assert dues == [data["totals"]["due_today"]] + [f["due"] for f in data["forecast"]]
    tag_rows = {r[0]: r for r in page.rows["tags"] if r}
    assert set(tag_rows) == {t["tag"] for t in data["tags"]}
