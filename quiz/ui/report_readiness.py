"""The report's readiness forecast, calibration and leeches, on the terminal and in HTML (issue 16).

Both views render the report dict's `readiness`, `calibration` and `leeches` (quiz/progress/forecast.py);
the HTML page adds the reliability plot (predicted recall against the share really answered right) as
inline SVG.
"""

from __future__ import annotations

from html import escape
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from quiz import messages as M
from quiz.progress.forecast import LEECH_LAPSES
from quiz.ui.report_text import day_label, percent


def _day(iso: str) -> str:
    return day_label(iso) + "/" + iso[:4]


def readiness_line(ready: dict[str, Any]) -> str:
    return M.REPORT_READINESS.format(
        date=_day(ready["date"]),
        predicted=percent(ready["predicted"]),
        low=percent(ready["low"]),
        high=percent(ready["high"]),
    )


def calibration_lines(calib: dict[str, Any]) -> list[str]:
    if not calib["answers"]:
        return [M.REPORT_CALIBRATION_NONE]
    lines = [
        M.REPORT_CALIBRATION_LINE.format(
            answers=calib["answers"], predicted=percent(calib["predicted"]), actual=percent(calib["actual"])
        )
    ]
    for exam in calib["exams"]:
        lines.append(
            M.REPORT_EXAM_LINE.format(
                date=_day(exam["date"]),
                predicted=percent(exam["predicted"]),
                actual=percent(exam["actual"]),
                answers=exam["answers"],
            )
        )
    return lines


# --- terminal ----------------------------------------------------------------------------------------


def terminal(report: dict[str, Any]) -> Group:
    """Readiness per bank and tag, calibration, leeches: for quiz/ui/report_view.py."""
    ready = report["readiness"]
    parts: list[RenderableType] = [Text(M.REPORT_READINESS_TITLE, style="bold underline")]
    parts.append(Text(readiness_line(ready), style="bold"))
    parts.append(Text(M.REPORT_READINESS_NOTE, style="dim"))
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column in ("", M.COL_COUNT, M.COL_PREDICTED, M.COL_RANGE):
        table.add_column(column, justify="right" if column else "left", overflow="ellipsis", no_wrap=True)
    for key, rows in (("bank", ready["banks"]), ("tag", ready["tags"])):
        for row in rows:
            table.add_row(
                row[key],
                str(row["questions"]),
                percent(row["predicted"]),
                f"{percent(row['low'])}–{percent(row['high'])}",
            )
    parts.append(table)
    parts.append(Text(""))
    parts.append(Text(M.REPORT_CALIBRATION, style="bold underline"))
    parts += [Text(line) for line in calibration_lines(report["calibration"])]
    if report["leeches"]:
        parts.append(Text(""))
        parts.append(Text(M.REPORT_LEECHES.format(lapses=LEECH_LAPSES), style="bold underline"))
        for row in report["leeches"]:
            head = Text("• ")
            head.append(f"{row['bank']}/{row['id']}", style="bold")
            head.append(" · " + M.REPORT_LEECH_LINE.format(lapses=row["lapses"]), style="dim")
            parts.append(head)
            parts.append(Text("  " + (row["prompt"] or ""), no_wrap=True, overflow="ellipsis"))
            parts.append(Text("  " + row["suggestion"], style="dim"))
    return Group(*parts)


# --- HTML --------------------------------------------------------------------------------------------


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def reliability_svg(calib: dict[str, Any]) -> str:
    """Predicted recall (x) against the share answered right (y), one dot per bin sized by its answers."""
    size, pad = 240, 34
    title = _e(M.REPORT_RELIABILITY)
    end = pad + size
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {end + 20} {end + 10}" width="{end + 20}" '
        f'height="{end + 10}" role="img" aria-label="{title}" class="reliability">',
        f"<title>{title}</title>",
        f'<rect x="{pad}" y="10" width="{size}" height="{size}" fill="none" stroke="#8c959f"/>',
        f'<line x1="{pad}" y1="{10 + size}" x2="{end}" y2="10" stroke="#8c959f" stroke-dasharray="4 3"/>',
    ]
    for tick in (0, 50, 100):
        x = pad + size * tick / 100
        y = 10 + size - size * tick / 100
        parts.append(f'<text x="{x}" y="{end + 4}" text-anchor="middle" font-size="10">{tick}%</text>')
        parts.append(f'<text x="{pad - 4}" y="{y + 3}" text-anchor="end" font-size="10">{tick}%</text>')
    peak = max((b["answers"] for b in calib["bins"]), default=0) or 1
    for b in calib["bins"]:
        if not b["answers"]:
            continue
        x = pad + size * b["predicted"]
        y = 10 + size - size * b["actual"]
        r = 3 + 7 * (b["answers"] / peak) ** 0.5
        label = f"{percent(b['predicted'])} → {percent(b['actual'])} ({b['answers']})"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#0969da" fill-opacity="0.75">'
            f"<title>{_e(label)}</title></circle>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def html_section(report: dict[str, Any]) -> str:
    """The readiness, calibration and leeches sections of the HTML page."""
    ready = report["readiness"]
    rows = []
    for key, group in (("bank", ready["banks"]), ("tag", ready["tags"])):
        for row in group:
            rows.append(
                f'<tr><td class="text">{_e(row[key])}</td><td>{row["questions"]}</td>'
                f"<td>{_e(percent(row['predicted']))}</td>"
                f"<td>{_e(percent(row['low']))}–{_e(percent(row['high']))}</td></tr>"
            )
    heads = "".join(f'<th scope="col">{_e(h)}</th>' for h in ("", M.COL_COUNT, M.COL_PREDICTED, M.COL_RANGE))
    out = [
        f'<section id="readiness">\n<h2>{_e(M.REPORT_READINESS_TITLE)}</h2>',
        f"<p><strong>{_e(readiness_line(ready))}</strong></p>",
        f'<p class="note">{_e(M.REPORT_READINESS_NOTE)}</p>',
        f"<table><thead><tr>{heads}</tr></thead><tbody>",
        *rows,
        "</tbody></table>\n</section>",
        f'<section id="calibration">\n<h2>{_e(M.REPORT_CALIBRATION)}</h2>',
        *(f"<p>{_e(line)}</p>" for line in calibration_lines(report["calibration"])),
        f'<p class="note">{_e(M.REPORT_RELIABILITY)}</p>',
        reliability_svg(report["calibration"]),
        "</section>",
    ]
    if report["leeches"]:
        items = []
        for row in report["leeches"]:
            lapses = M.REPORT_LEECH_LINE.format(lapses=row["lapses"])
            items.append(
                f"<li><code>{_e(row['bank'])}/{_e(row['id'])}</code> · {_e(lapses)}"
                f'<br>{_e(row["prompt"])}<br><span class="detail">{_e(row["suggestion"])}</span></li>'
            )
        out.append(
            f'<section id="leeches">\n<h2>{_e(M.REPORT_LEECHES.format(lapses=LEECH_LAPSES))}</h2>\n'
            '<ol class="weakest">\n' + "\n".join(items) + "\n</ol>\n</section>"
        )
    return "\n".join(out)
