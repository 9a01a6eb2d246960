"""The progress report as one self-contained HTML page: inline CSS, inline SVG charts, no script,
no font, no image, nothing fetched from the network, so it opens offline and prints well.

Every text that comes from a bank (ids, titles, tags, prompts) or from the store is passed through
`html.escape`: banks are written by strangers. Pure: `render_html(report) -> str`.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from quiz import messages as M
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

HEAT_COLOURS = ("#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39")

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.meta, .note { color: #59636e; font-size: .9rem; }
.summary p { margin: .25rem 0; }
.empty { background: #fff8c5; border: 1px solid #d4a72c; padding: .6rem .8rem; border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { padding: .3rem .5rem; border-bottom: 1px solid #d0d7de; text-align: right; }
th:first-child, td:first-child { text-align: left; }
td.text { text-align: left; }
thead th { background: #f6f8fa; }
tfoot td { font-weight: 600; }
code { font-size: .88em; }
svg { max-width: 100%; height: auto; }
svg text { font-family: inherit; fill: #1f2328; }
ol.weakest li { margin-bottom: .5rem; }
ol.weakest .detail { color: #59636e; font-size: .88rem; }
.scroll { overflow-x: auto; }
ul.missing li { margin-bottom: .4rem; }
ol.weakest .answer { color: #1a7f37; }
/* A phone (480 px): each row's name on its own line above its figures, nothing squeezed letter by letter */
@media (max-width: 40rem) {
  body { margin: 1rem auto; padding: 0 .7rem; }
  h1 { font-size: 1.35rem; }
  h2 { margin-top: 1.5rem; }
  table.stats, table.stats thead, table.stats tbody, table.stats tfoot { display: block; }
  table.stats tr { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); }
  table.stats th, table.stats td { padding: .2rem .25rem; overflow-wrap: anywhere; }
  table.stats th { font-size: .78rem; }
  table.stats th:first-child, table.stats td:first-child { grid-column: 1 / -1; border-bottom: none;
       padding-bottom: 0; overflow-wrap: normal; }
  table.stats tbody tr, table.stats tfoot tr { border-bottom: 1px solid #d0d7de; }
  table.stats td { border-bottom: none; }
  table.orphans { font-size: .82rem; }
  table.orphans td.text { overflow-wrap: anywhere; }
  svg.forecast { min-width: 40rem; }
  ol.weakest { padding-left: 1.4rem; }
  ol.weakest code { overflow-wrap: anywhere; }
}
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section, table, svg, li { break-inside: avoid; }
  .empty { border-color: #000; }
  a { color: inherit; text-decoration: none; }
}
"""


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _stats_table(rows: list[dict[str, Any]], key: str, header: str, total: dict[str, Any] | None) -> str:
    heads = [header, M.COL_COUNT, M.COL_NEW, M.COL_LEARNING, M.COL_MASTERED, M.COL_DUE, M.COL_REVIEWS]
    heads.append(M.COL_ACCURACY)

    def cells(row: dict[str, Any]) -> str:
        numbers = [row[k] for k in ("questions", "new", "learning", "mastered", "due_now", "reviews")]
        return "".join(f"<td>{_e(n)}</td>" for n in numbers) + f"<td>{_e(percent(row['accuracy']))}</td>"

    out = [
        '<table class="stats">',
        "<thead><tr>",
        *(f'<th scope="col">{_e(h)}</th>' for h in heads),
        "</tr></thead>",
    ]
    out.append("<tbody>")
    for row in rows:
        label = f"<td>{_e(row[key])}"
        if key == "bank" and row.get("title"):
            label += f'<br><span class="note">{_e(row["title"])}</span>'
        out.append(f"<tr>{label}</td>{cells(row)}</tr>")
    out.append("</tbody>")
    if total is not None and len(rows) > 1:
        out.append(f"<tfoot><tr><td>{_e(M.REPORT_TOTAL_ROW)}</td>{cells(total)}</tr></tfoot>")
    out.append("</table>")
    return "\n".join(out)


def forecast_svg(report: dict[str, Any]) -> str:
    """Vertical bars: due today (overdue included), then each of the next 14 days."""
    rows = [(M.REPORT_TODAY, "", report["totals"]["due_today"])]
    for item in report["forecast"]:
        weekday, _space, dm = day_label(item["date"]).partition(" ")
        rows.append((weekday, dm, item["due"]))
    peak = max((n for _a, _b, n in rows), default=0) or 1
    bar, gap, top, chart = 34, 10, 22, 150
    width = len(rows) * (bar + gap) + gap
    height = top + chart + 40
    title = _e(M.REPORT_FORECAST)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{title}" class="forecast">',
        f"<title>{title}</title>",
        f'<line x1="0" y1="{top + chart}" x2="{width}" y2="{top + chart}" stroke="#8c959f"/>',
    ]
    for i, (label, sub, n) in enumerate(rows):
        x = gap + i * (bar + gap)
        h = round(chart * n / peak)
        y = top + chart - h
        fill = "#cf222e" if i == 0 else "#0969da"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{bar}" height="{h}" fill="{fill}">'
            f"<title>{_e(' '.join(filter(None, (label, sub))))}: {n}</title></rect>"
        )
        parts.append(f'<text x="{x + bar / 2}" y="{y - 5}" text-anchor="middle" font-size="12">{n}</text>')
        middle = f'x="{x + bar / 2}" text-anchor="middle"'
        parts.append(f'<text {middle} y="{top + chart + 15}" font-size="11">{_e(label)}</text>')
        if sub:
            parts.append(f'<text {middle} y="{top + chart + 29}" font-size="10">{_e(sub)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def heatmap_svg(report: dict[str, Any]) -> str:
    """A calendar of answers per day: one column per week, Monday at the top."""
    heatmap = report["heatmap"]
    grid = heatmap_grid(heatmap)
    peak = max((item["reviews"] for item in heatmap), default=0)
    cell, gap, left, top = 14, 3, 30, 18
    weeks = len(grid[0]) if grid else 0
    width = left + weeks * (cell + gap) + 10
    height = top + 7 * (cell + gap) + 26
    title = _e(M.REPORT_HEATMAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width * 2}" '
        f'height="{height * 2}" role="img" aria-label="{title}" class="heatmap">',
        f"<title>{title}</title>",
    ]
    first = date.fromisoformat(heatmap[0]["date"]) if heatmap else date.today()
    monday = first.toordinal() - first.weekday()
    if heatmap:
        for week in range(0, weeks, 4):
            start = date.fromordinal(monday + 7 * week)
            x = left + week * (cell + gap)
            parts.append(
                f'<text x="{x}" y="{top - 6}" font-size="9">{start.day:02d}/{start.month:02d}</text>'
            )
    for weekday, row in enumerate(grid):
        y = top + weekday * (cell + gap)
        parts.append(f'<text x="0" y="{y + cell - 3}" font-size="9">{_e(M.WEEKDAYS[weekday])}</text>')
        for week, count in enumerate(row):
            if count is None:
                continue
            x = left + week * (cell + gap)
            day = date.fromordinal(monday + 7 * week + weekday)
            colour = HEAT_COLOURS[heat_level(count, peak)]
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" rx="2" fill="{colour}" '
                f'data-date="{day.isoformat()}" data-reviews="{count}">'
                f"<title>{day.day:02d}/{day.month:02d}/{day.year}: {count}</title></rect>"
            )
    y = top + 7 * (cell + gap) + 12
    low, _scale, high = M.REPORT_HEAT_LEGEND.partition("{scale}")
    parts.append(f'<text x="{left}" y="{y}" font-size="9">{_e(low.strip())}</text>')
    for level, colour in enumerate(HEAT_COLOURS):
        x = left + 18 + level * (cell - 1)
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="{cell - 4}" height="{cell - 4}" rx="2" fill="{colour}"/>'
        )
    x = left + 18 + len(HEAT_COLOURS) * (cell - 1) + 3
    parts.append(f'<text x="{x}" y="{y}" font-size="9">{_e(high.strip())}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _weakest(report: dict[str, Any]) -> str:
    rows = report["weakest"]
    if not rows:
        return f'<p class="note">{_e(M.REPORT_WEAKEST_NONE)}</p>'
    items = []
    for row in rows:
        answer, detail = weak_lines(row, report["generated_at"])
        items.append(
            f"<li><code>{_e(row['bank'])}/{_e(row['id'])}</code><br>{_e(row['prompt'])}"
            f'<br><span class="answer">{_e(answer)}</span>'
            f'<br><span class="detail">{_e(detail)}</span></li>'
        )
    return '<ol class="weakest">\n' + "\n".join(items) + "\n</ol>"


def _overruled(report: dict[str, Any]) -> str:
    items = []
    for row in report["overruled"]:
        detail = M.REPORT_OVERRULED_LINE.format(count=row["overruled"], reviews=row["reviews"])
        items.append(
            f"<li><code>{_e(row['bank'])}/{_e(row['id'])}</code><br>{_e(row['prompt'])}"
            f'<br><span class="detail">{_e(detail)}</span></li>'
        )
    return '<ol class="weakest">\n' + "\n".join(items) + "\n</ol>"


def _orphans(report: dict[str, Any]) -> str:
    heads = (M.COL_BANK, "id", M.COL_REVIEWS, M.COL_ACCURACY, M.COL_LAST)
    out = [
        '<table class="orphans">',
        "<thead><tr>",
        *(f'<th scope="col">{_e(h)}</th>' for h in heads),
        "</tr></thead><tbody>",
    ]
    for row in report["orphans"]:
        last = when_label(row["last_review"]) if row["last_review"] else M.REPORT_NONE
        accuracy = percent(row["correct"] / row["reviews"]) if row["reviews"] else M.REPORT_NONE
        out.append(
            f'<tr><td>{_e(row["bank"])}</td><td class="text">{_e(row["id"])}</td>'
            f"<td>{row['reviews']}</td><td>{_e(accuracy)}</td><td>{_e(last)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(report: dict[str, Any]) -> str:
    """The whole page, as one string (UTF-8 when written)."""
    lines = summary_lines(report)
    title = M.REPORT_HTML_TITLE
    summary = []
    for line in lines[1:]:
        cls = ' class="empty"' if line == M.REPORT_EMPTY else ""
        summary.append(f"<p{cls}>{_e(line)}</p>")
    progress = report.get("progress") or M.REPORT_NO_PROGRESS_FILE
    sections = [
        f'<section id="summary" class="summary">\n{"".join(summary)}\n'
        f'<p class="note">{_e(M.REPORT_MASTERED_NOTE)}<br>{_e(M.REPORT_RETENTION_NOTE)}</p>\n</section>',
        f'<section id="banks">\n<h2>{_e(M.REPORT_BANKS)}</h2>\n'
        f"{_stats_table(report['banks'], 'bank', M.COL_BANK, report['totals'])}\n"
        + "".join(f'<p class="note">{_e(line)}</p>\n' for line in from_path_lines(report))
        + "</section>",
    ]
    if report.get("missing_banks"):
        items = "".join(f"<li>{_e(line)}</li>" for line in missing_bank_lines(report))
        sections.append(
            f'<section id="missing-banks">\n<h2>{_e(M.REPORT_MISSING_BANKS)}</h2>\n'
            f'<ul class="missing">{items}</ul>\n</section>'
        )
    if report["tags"]:
        sections.append(
            f'<section id="tags">\n<h2>{_e(M.REPORT_TAGS)}</h2>\n'
            f"{_stats_table(report['tags'], 'tag', M.COL_TAG, None)}\n</section>"
        )
    sections.append(
        f'<section id="forecast">\n<h2>{_e(M.REPORT_FORECAST)}</h2>\n'
        f'<div class="scroll">{forecast_svg(report)}</div>\n</section>'
    )
    sections.append(
        f'<section id="heatmap">\n<h2>{_e(M.REPORT_HEATMAP)}</h2>\n{heatmap_svg(report)}\n</section>'
    )
    sections.append(
        f'<section id="weakest">\n<h2>{_e(M.REPORT_WEAKEST)}</h2>\n{_weakest(report)}\n</section>'
    )
    if report.get("overruled"):
        sections.append(
            f'<section id="overruled">\n<h2>{_e(M.REPORT_OVERRULED)}</h2>\n{_overruled(report)}\n</section>'
        )
    if "readiness" in report:  # the exam forecast, calibration (reliability plot) and leeches (issue 16)
        from quiz.ui.report_readiness import html_section

        sections.append(html_section(report))
    if report["orphans"]:
        sections.append(
            f'<section id="orphans">\n<h2>{_e(M.REPORT_ORPHANS)}</h2>\n{_orphans(report)}\n</section>'
        )
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="vi">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)} — {_e(report['today'])}</title>",
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            "<header>",
            f"<h1>{_e(title)}</h1>",
            f'<p class="meta">{_e(M.REPORT_GENERATED.format(when=when_label(report["generated_at"])))} · '
            f"{_e(M.REPORT_PROGRESS_FILE.format(path=progress))}</p>",
            "</header>",
            "<main>",
            *sections,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
