"""The progress report on the terminal: the dict of `quiz.progress.report` rendered with rich.

Everything fits in 80 columns. Colour is rich's decision: only on a terminal, never when the output
is piped or `NO_COLOR` is set. Levels are also drawn with characters (bar lengths, shades
`·░▒▓█`), so nothing depends on colour. Every text that comes from a bank is printed as a rich
`Text`, never parsed as markup.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from quiz import messages as M
from quiz import settings
from quiz.text.escape import escape
from quiz.ui.console import make_console
from quiz.ui.report_text import (
    day_label,
    from_path_lines,
    heat_level,
    heatmap_grid,
    missing_bank_lines,
    percent,
    summary_lines,
    weak_lines,
    when_label,
)

BAR_WIDTH = 40
SHADES = ("·", "░", "▒", "▓", "█")
HEAT_STYLES = ("grey42", "green4", "green3", "green1", "bold bright_green")
WEAKEST_SHOWN = 10


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def _stats_table(rows: list[dict[str, Any]], key: str, header: str, total: dict[str, Any] | None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0), show_edge=False)
    table.add_column(header, overflow="fold", min_width=10, ratio=1)
    for name in (M.COL_COUNT, M.COL_NEW, M.COL_LEARNING, M.COL_MASTERED, M.COL_DUE, M.COL_REVIEWS):
        table.add_column(name, justify="right", no_wrap=True, min_width=4)
    table.add_column(M.COL_ACCURACY, justify="right", no_wrap=True, min_width=4)

    def cells(row: dict[str, Any]) -> list[Text]:
        numbers = (
            row["questions"],
            row["new"],
            row["learning"],
            row["mastered"],
            row["due_now"],
            row["reviews"],
        )
        return [Text(str(n)) for n in numbers] + [Text(percent(row["accuracy"]))]

    for row in rows:
        table.add_row(Text(str(row[key])), *cells(row))
    if total is not None and len(rows) > 1:
        table.add_section()
        table.add_row(Text(M.REPORT_TOTAL_ROW, style="bold"), *cells(total))
    return table


def _forecast(report: dict[str, Any]) -> Table:
    rows = [(M.REPORT_TODAY, report["totals"]["due_today"])]
    rows += [(day_label(item["date"]), item["due"]) for item in report["forecast"]]
    peak = max((n for _label, n in rows), default=0)
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for label, n in rows:
        width = 0 if not n else max(1, round(BAR_WIDTH * n / peak))
        table.add_row(Text(label), Text("█" * width, style="cyan"), Text(str(n)))
    return table


def _heatmap(report: dict[str, Any]) -> Group:
    heatmap = report["heatmap"]
    grid = heatmap_grid(heatmap)
    peak = max((item["reviews"] for item in heatmap), default=0)
    lines: list[RenderableType] = []
    if heatmap:
        first = date.fromisoformat(heatmap[0]["date"])
        monday = date.fromordinal(first.toordinal() - first.weekday())
        header = "   "
        for week in range(0, len(grid[0]), 4):  # a dd/mm label over every fourth week
            start = date.fromordinal(monday.toordinal() + 7 * week)
            header += f"{start.day:02d}/{start.month:02d}".ljust(12)
        lines.append(Text(header.rstrip(), style="dim"))
    for weekday, row in enumerate(grid):
        line = Text(f"{M.WEEKDAYS[weekday]:<3}")
        for count in row:
            if count is None:
                line.append("   ")
                continue
            level = heat_level(count, peak)
            line.append(SHADES[level] * 2, style=HEAT_STYLES[level])
            line.append(" ")
        lines.append(line)
    legend = Text("   ")
    legend.append(M.REPORT_HEAT_LEGEND.format(scale=" ".join(s * 2 for s in SHADES)), style="dim")
    lines.append(legend)
    active = sum(1 for item in heatmap if item["reviews"])
    total = sum(item["reviews"] for item in heatmap)
    lines.append(Text("   " + M.REPORT_HEAT_TOTAL.format(reviews=total, days=active), style="dim"))
    return Group(*lines)


def _weakest(report: dict[str, Any]) -> Group:
    rows = report["weakest"][:WEAKEST_SHOWN]
    if not rows:
        return Group(Text(M.REPORT_WEAKEST_NONE, style="dim"))
    lines: list[RenderableType] = []
    width = len(str(len(rows)))
    for n, row in enumerate(rows, 1):
        head = Text(f"{n:>{width}}. ")
        head.append(f"{row['bank']}/{row['id']}", style="bold")
        lines.append(head)
        indent = " " * (width + 2)
        lines.append(Text(indent + (row["prompt"] or ""), no_wrap=True, overflow="ellipsis"))
        answer, detail = weak_lines(row, report["generated_at"])
        lines.append(Text(indent + answer, style="green", no_wrap=True, overflow="ellipsis"))
        lines.append(Text(indent + detail, style="dim"))
    return Group(*lines)


def _overruled(report: dict[str, Any]) -> Group:
    lines: list[RenderableType] = []
    for row in report["overruled"][:WEAKEST_SHOWN]:
        lines.append(Text("• ").append(f"{row['bank']}/{row['id']}", style="bold"))
        lines.append(Text("  " + (row["prompt"] or ""), no_wrap=True, overflow="ellipsis"))
        detail = M.REPORT_OVERRULED_LINE.format(count=row["overruled"], reviews=row["reviews"])
        lines.append(Text("  " + detail, style="dim"))
    return Group(*lines)


def _orphans(report: dict[str, Any]) -> Group:
    lines: list[RenderableType] = []
    for row in report["orphans"]:
        last = when_label(row["last_review"]) if row["last_review"] else M.REPORT_NONE
        lines.append(
            Text(
                "  "
                + M.REPORT_ORPHAN_LINE.format(
                    bank=row["bank"], id=row["id"], reviews=row["reviews"], last=last
                )
            )
        )
    return Group(*lines)


def _escaped(value: Any) -> Any:
    """The report dict with every text one terminal-safe line (quiz/text/escape.py)."""
    if isinstance(value, str):
        return escape(value, newlines=False)
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    return value


def render(report: dict[str, Any], console: Console) -> None:
    """Print the report dict on `console` (without any style at all when `NO_COLOR` is set)."""
    if settings.current().no_color and console.color_system is not None:
        console = make_console(file=console.file, width=console.width, color_system=None)
    report = _escaped(report)  # ids and prompts may come from a shared progress file or a stranger's bank
    lines = summary_lines(report)

    def out(*objects: Any) -> None:
        console.print(*objects, soft_wrap=False)  # wrap or crop at the console's width, never overflow it

    out(_heading(lines[0]))
    for line in lines[1:]:
        style = "yellow" if line == M.REPORT_EMPTY else ""
        out(Text(line, style=style))
    out(Text(M.REPORT_MASTERED_NOTE, style="dim"))
    if not report["empty"]:
        out(Text(M.REPORT_RETENTION_NOTE, style="dim"))
    out()
    out(_heading(M.REPORT_BANKS))
    out(_stats_table(report["banks"], "bank", M.COL_BANK, report["totals"]))
    for line in from_path_lines(report):
        out(Padding(Text(line, style="dim"), (0, 0, 0, 2)))  # wrapped lines stay indented
    if report.get("missing_banks"):
        out()
        out(_heading(M.REPORT_MISSING_BANKS))
        for line in missing_bank_lines(report):
            out(Padding(Text(line, style="yellow"), (0, 0, 0, 2)))
    out()
    if report["tags"]:
        out(_heading(M.REPORT_TAGS))
        out(_stats_table(report["tags"], "tag", M.COL_TAG, None))
        out()
    if report["empty"]:
        return
    out(_heading(M.REPORT_FORECAST))
    out(_forecast(report))
    out()
    out(_heading(M.REPORT_HEATMAP))
    out(_heatmap(report))
    out()
    out(_heading(M.REPORT_WEAKEST))
    out(_weakest(report))
    if report.get("overruled"):
        out()
        out(_heading(M.REPORT_OVERRULED))
        out(_overruled(report))
    if "readiness" in report:  # the exam forecast, calibration and leeches (issue 16)
        from quiz.ui.report_readiness import terminal

        out()
        out(terminal(report))
    if report["orphans"]:
        out()
        out(_heading(M.REPORT_ORPHANS))
        out(_orphans(report))
