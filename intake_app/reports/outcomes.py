"""The screening's own record as a PDF: how often each level and rule was confirmed by the specialist.

Built from a PerformanceReport (screening/performance.py); knows nothing of the database or Qt. Every
rate is printed with its counts and its 95% Wilson interval; groups of fewer than 10 cases are marked;
synthetic (demo) outcomes are labelled on every page. Charts are reportlab's own vector graphics, so
their labels and axes are in the text layer.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, register_fonts
from intake_app.reports.layout import Table, configure_reportlab
from intake_app.screening.model import LEVEL_TITLES
from intake_app.screening.performance import Performance, PerformanceReport

INK = colors.HexColor("#111111")
BAR = colors.HexColor("#3b6e99")
BAR_LIGHT = colors.HexColor("#a9c4dc")
GRID = colors.HexColor("#9a9a9a")
URGENT_LISTED = 40  # urgent cases listed one by one in the PDF (all of them are counted)
SYNTHETIC_NOTE = "SYNTHETIC OUTCOMES - made-up demo data, not real patients"


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = {"fontName": BASE_FONT, "textColor": INK}
    return {
        "title": ParagraphStyle("title", fontSize=17, leading=21, spaceAfter=4, **{**base, "fontName": BOLD_FONT}),
        "h2": ParagraphStyle("h2", fontSize=12.5, leading=16, spaceBefore=10, spaceAfter=4,
                             **{**base, "fontName": BOLD_FONT}),
        "body": ParagraphStyle("body", fontSize=9.5, leading=12.5, **base),
        "small": ParagraphStyle("small", fontSize=8.5, leading=11, **base),
        "cell": ParagraphStyle("cell", fontSize=8.5, leading=10.5, **base),
        "banner": ParagraphStyle("banner", fontSize=10, leading=13, borderWidth=1.5, borderColor=INK,
                                 borderPadding=5, spaceAfter=8, **{**base, "fontName": BOLD_FONT}),
    }


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table(rows: Sequence[Sequence[Any]], widths: Sequence[float], styles: dict[str, ParagraphStyle]) -> Table:
    cells = [
        [c if isinstance(c, Paragraph) else Paragraph(f"<b>{_esc(c)}</b>" if i == 0 else _esc(c), styles["cell"])
         for c in r]
        for i, r in enumerate(rows)
    ]
    table = Table(cells, colWidths=list(widths), repeatRows=1, splitByRow=True)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _level_rows(performance: Performance, styles: dict[str, ParagraphStyle]) -> list[list[Any]]:
    rows: list[list[Any]] = [
        ["Level", "Screened", "Seen by the specialist", "Spinal origin confirmed", "Confirmed among seen"]
    ]
    for figures in performance.levels:
        rows.append([LEVEL_TITLES.get(figures.level, figures.level), figures.screened, figures.seen,  # type: ignore[call-overload]
                     figures.confirmed, figures.confirmation.text()])
    return rows


def confirmation_chart(performance: Performance, width: float) -> Drawing:
    """Bars: share confirmed among seen, per level, with 95% interval whiskers and the counts under each bar."""
    levels = [f for f in performance.levels]
    height = 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 16 * mm, 16 * mm
    chart.width, chart.height = width - 24 * mm, height - 26 * mm
    chart.data = [[(f.confirmation.value or 0.0) * 100 for f in levels]]
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.valueAxis.labels.fontName = BASE_FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.categoryAxis.categoryNames = [
        f"{LEVEL_TITLES.get(f.level, f.level)}\n{f.confirmed} of {f.seen}" for f in levels  # type: ignore[call-overload]
    ]
    chart.categoryAxis.labels.fontName = BASE_FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.dy = -2
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = INK
    chart.barWidth = 10
    drawing.add(chart)
    step = chart.width / max(1, len(levels))
    for index, figures in enumerate(levels):
        interval = figures.confirmation.interval
        if interval is None:
            continue
        x = chart.x + step * (index + 0.5)
        low, high = (chart.y + chart.height * v for v in interval)
        drawing.add(Line(x, low, x, high, strokeColor=INK, strokeWidth=1))
        drawing.add(Line(x - 4, low, x + 4, low, strokeColor=INK, strokeWidth=1))
        drawing.add(Line(x - 4, high, x + 4, high, strokeColor=INK, strokeWidth=1))
    drawing.add(String(chart.x, height - 6 * mm, "Confirmed among seen, by level (bars), with 95% intervals",
                       fontName=BOLD_FONT, fontSize=8.5, fillColor=INK))
    return drawing


def rule_chart(performance: Performance, width: float, rule_names: Mapping[str, str]) -> Drawing:
    """Per rule: how often it fired (light) and how many of its cases were confirmed (dark)."""
    rules = list(performance.rules)[:14]
    bar_room = 9
    height = max(40 * mm, len(rules) * bar_room * 2 + 24 * mm)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62 * mm, 10 * mm
    chart.width, chart.height = width - 70 * mm, height - 20 * mm
    chart.data = [[r.fired for r in reversed(rules)], [r.confirmed for r in reversed(rules)]]
    chart.categoryAxis.categoryNames = [
        f"{r.rule} {rule_names.get(r.rule, '')}"[:38] for r in reversed(rules)
    ]
    chart.categoryAxis.labels.fontName = BASE_FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    top = max([r.fired for r in rules] or [1])
    step = max(1, math.ceil(top / 5))  # whole numbers of intakes on the axis, never 0 0 0 1
    chart.valueAxis.valueMin, chart.valueAxis.valueStep = 0, step
    chart.valueAxis.valueMax = step * math.ceil(top / step)
    chart.valueAxis.labels.fontName = BASE_FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = BAR_LIGHT
    chart.bars[1].fillColor = BAR
    chart.bars.strokeColor = INK
    drawing.add(chart)
    drawing.add(String(chart.x, height - 5 * mm, "Times fired (light) and cases confirmed (dark), per rule",
                       fontName=BOLD_FONT, fontSize=8.5, fillColor=INK))
    return drawing


def _period_text(period: tuple[dt.date | None, dt.date | None]) -> str:
    start, end = period
    if start is None and end is None:
        return "all completed intakes"
    return f"intakes completed {start.isoformat() if start else 'from the start'} to " \
           f"{end.isoformat() if end else 'today'}"


def build_outcomes_report(
    report: PerformanceReport,
    *,
    clinic_name: str,
    rule_names: Mapping[str, str],
    paper: str = "A4",
    generated: dt.datetime | None = None,
) -> bytes:
    """The PDF: figures per level and rule, red-flag timings, open safety answers, per rules version."""
    configure_reportlab()  # drawings start in the embedded font, never an unembedded Helvetica
    styles = _styles()
    pagesize = LETTER if paper == "Letter" else A4
    buffer = io.BytesIO()
    generated = generated or dt.datetime.now()
    overall = report.overall
    synthetic = overall.synthetic or any(p.synthetic for p in report.by_version)

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(BASE_FONT, 8)
        note = f"{clinic_name} - screening record - page {document.page}"
        if synthetic:
            note = f"{SYNTHETIC_NOTE} - {note}"
        canvas.drawString(18 * mm, 10 * mm, note)
        canvas.restoreState()

    document = SimpleDocTemplate(
        buffer, pagesize=pagesize, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm, bottomMargin=18 * mm,
        title="Screening record", author=clinic_name, subject="How the screening does", creator="Foot & Leg Intake",
        initialFontName=BASE_FONT,
    )
    width = pagesize[0] - 36 * mm
    story: list[Any] = [
        Paragraph("How the screening does", styles["title"]),
        Paragraph(_esc(f"{clinic_name} - {_period_text(report.period)} - made {generated:%Y-%m-%d %H:%M}"),
                  styles["body"]),
        Spacer(1, 4),
    ]
    if synthetic:
        story.append(Paragraph(SYNTHETIC_NOTE, styles["banner"]))
    story.append(Paragraph(
        _esc(f"{overall.cases} completed intakes. 'Confirmed among seen' is the share of patients the specialist "
             "saw whose spinal origin was confirmed (the positive predictive value), with its 95% Wilson interval. "
             "Every rate shows its counts; groups of fewer than 10 cases are marked and should not be read as a "
             "trend."), styles["small"]))
    story.append(Paragraph("By level", styles["h2"]))
    story.append(_table(_level_rows(overall, styles), [0.22 * width, 0.12 * width, 0.17 * width, 0.17 * width,
                                                        0.32 * width], styles))
    if overall.cases:
        story.append(Spacer(1, 6))
        story.append(confirmation_chart(overall, width))
    story.append(Paragraph("By rule", styles["h2"]))
    rule_rows: list[list[Any]] = [["Rule", "Fired", "Seen", "Confirmed", "Confirmed among seen"]]
    for figures in overall.rules:
        rule_rows.append([f"{figures.rule} {rule_names.get(figures.rule, '')}".strip(), figures.fired, figures.seen,
                          figures.confirmed, figures.confirmation.text()])
    if len(rule_rows) == 1:
        rule_rows.append(["No rule fired in this period.", "", "", "", ""])
    story.append(_table(rule_rows, [0.34 * width, 0.09 * width, 0.09 * width, 0.14 * width, 0.34 * width], styles))
    if overall.rules:
        story.append(Spacer(1, 6))
        story.append(rule_chart(overall, width, rule_names))
    story.append(Paragraph("Red-flag (urgent) cases and the time to the urgent route", styles["h2"]))
    urgent = overall.urgent
    reached = [case for case in urgent if case.hours_to_route is not None]
    median = overall.median_hours_to_route
    story.append(Paragraph(_esc(
        f"{len(urgent)} urgent results; the time the patient reached the emergency or urgent route was recorded "
        f"for {len(reached)}" + (f"; median {median:.1f} hours after the intake was completed." if median is not None
                                 else ".")), styles["body"]))
    if urgent:
        # The cases that need a look first: no time recorded, then the slowest; a long list is cut with a count.
        listed = sorted(urgent, key=lambda c: (c.hours_to_route is not None, -(c.hours_to_route or 0.0),
                                               c.intake_id))[:URGENT_LISTED]
        if len(urgent) > len(listed):
            story.append(Paragraph(_esc(
                f"Listed: the {len(listed)} cases with no time recorded or the longest times, of {len(urgent)}."),
                styles["small"]))
        urgent_rows: list[list[Any]] = [["Intake", "Tier", "Completed", "Reached the urgent route", "Hours"]]
        for case in listed:
            hours = case.hours_to_route
            urgent_rows.append([case.intake_id, {"E": "same-day emergency", "P": "urgent priority"}.get(
                case.tier or "", "urgent"), f"{case.completed_at.astimezone():%Y-%m-%d %H:%M}",
                f"{case.reached_route_at.astimezone():%Y-%m-%d %H:%M}" if case.reached_route_at else "not recorded",
                f"{hours:.1f}" if hours is not None else "-"])
        story.append(_table(urgent_rows, [0.12 * width, 0.2 * width, 0.22 * width, 0.3 * width, 0.16 * width],
                            styles))
    story.append(Paragraph("Open safety answers at completion", styles["h2"]))
    story.append(Paragraph(_esc(
        f"Intakes completed with a safety answer still open (not asked, or positive without its rule): "
        f"{overall.open_safety.text()}."), styles["body"]))
    if len(report.by_version) > 1 or report.rescreened is not None:
        story.append(Paragraph("By rules version", styles["h2"]))
        groups: list[Performance] = list(report.by_version)
        if report.rescreened is not None:
            groups.append(report.rescreened)
        for performance in groups:
            title = ("Re-screened with newer rules (kept apart from the original results)"
                     if performance.rules_version == "rescreen" else f"Rules version {performance.rules_version}")
            story.append(KeepTogether([
                Paragraph(_esc(f"{title}: {performance.cases} intakes"), styles["body"]),
                _table(_level_rows(performance, styles),
                       [0.22 * width, 0.12 * width, 0.17 * width, 0.17 * width, 0.32 * width], styles),
                Spacer(1, 6),
            ]))
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()

