"""The words of the progress report shared by the terminal view and the HTML page: percentages,
day labels, the heatmap grid, the summary lines."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from quiz import messages as M

# --- text shared by the terminal view and the HTML page ------------------------------------------


def percent(rate: float | None) -> str:
    """0.8123 → `81%`; None → `—`."""
    return M.REPORT_NONE if rate is None else f"{round(rate * 100)}%"


def rate_text(part: dict[str, Any]) -> str:
    """A retention window as `90% (45/50)`, or `—` when nothing was reviewed."""
    if not part["reviews"]:
        return M.REPORT_NONE
    return M.REPORT_RATE.format(rate=percent(part["rate"]), correct=part["correct"], reviews=part["reviews"])


def day_label(iso: str) -> str:
    """`2026-11-24` → `T3 24/11`."""
    day = date.fromisoformat(iso)
    return f"{M.WEEKDAYS[day.weekday()]} {day.day:02d}/{day.month:02d}"


def when_label(iso: str) -> str:
    """An ISO timestamp as `08:00 23/11/2026` (in the offset it carries: the learner's)."""
    moment = datetime.fromisoformat(iso)
    return f"{moment:%H:%M} {moment.day:02d}/{moment.month:02d}/{moment.year}"


def heat_level(count: int, peak: int) -> int:
    """0 for no answers, else 1..4 by share of the busiest day."""
    if count <= 0 or peak <= 0:
        return 0
    return min(4, max(1, -(-4 * count // peak)))


def heatmap_grid(heatmap: list[dict[str, Any]]) -> list[list[int | None]]:
    """Answers per day as 7 rows (Monday first) × weeks; None for days after the last one."""
    if not heatmap:
        return [[] for _ in range(7)]
    first = date.fromisoformat(heatmap[0]["date"])
    offset = first.weekday()
    weeks = -(-(len(heatmap) + offset) // 7)
    grid: list[list[int | None]] = [[None] * weeks for _ in range(7)]
    for i, item in enumerate(heatmap):
        slot = offset + i
        grid[slot % 7][slot // 7] = item["reviews"]
    return grid


def summary_lines(report: dict[str, Any]) -> list[str]:
    """The headline numbers as plain lines (shared by the terminal view)."""
    totals = report["totals"]
    lines = [M.REPORT_TITLE.format(when=when_label(report["generated_at"]))]
    if report["empty"]:
        lines += [M.REPORT_EMPTY, M.REPORT_EMPTY_HINT]
    headline = M.REPORT_TOTALS.format(**totals)
    if totals["due_today"] > totals["due_now"]:
        headline += f" ({M.REPORT_DUE_TODAY.format(count=totals['due_today'])})"
    lines.append(headline)
    if not report["empty"]:
        lines.append(
            M.REPORT_ANSWERS.format(
                reviews=totals["reviews"],
                correct=totals["correct"],
                accuracy=percent(totals["accuracy"]),
                streak=totals["streak_days"],
            )
        )
        lines.append(
            M.REPORT_RETENTION.format(
                r7=rate_text(report["retention_7d"]), r30=rate_text(report["retention_30d"])
            )
        )
    return lines


def weak_lines(row: dict[str, Any], generated_at: str) -> tuple[str, str]:
    """A weakest question's right answer and its detail line: wrong answers, lapses, when it comes back."""
    if row.get("due") is None:
        due = M.REPORT_WEAK_NO_DUE
    elif datetime.fromisoformat(row["due"]) <= datetime.fromisoformat(generated_at):
        due = M.REPORT_WEAK_DUE_NOW
    else:
        due = M.REPORT_WEAK_DUE_AT.format(when=when_label(row["due"]))
    detail = M.REPORT_WEAK_LINE.format(
        lapses=row["lapses"], wrong=row["reviews"] - row["correct"], reviews=row["reviews"], due=due
    )
    return M.REPORT_WEAK_ANSWER.format(answer=row.get("answer") or M.REPORT_NONE), detail


def from_path_lines(report: dict[str, Any]) -> list[str]:
    """One line per bank read again from the file it was studied from (`quiz study my.yaml`)."""
    return [
        M.REPORT_FROM_PATH.format(bank=row["bank"], path=row["path"])
        for row in report["banks"]
        if row.get("from_path")
    ]


def missing_bank_lines(report: dict[str, Any]) -> list[str]:
    """One line per bank studied from a file that is gone (or no longer loads)."""
    import shlex

    lines = []
    for row in report.get("missing_banks", []):
        why = M.REPORT_MISSING_WHY[row["reason"]].format(path=shlex.quote(row["path"]))
        lines.append(
            M.REPORT_MISSING_LINE.format(
                bank=row["bank"],
                path=row["path"],
                why=why,
                reviews=row["reviews"],
                questions=row["questions"],
                seen=when_label(row.get("last_review") or row["seen_at"]),
            )
        )
    return lines
