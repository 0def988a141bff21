"""The referral summary for the spine specialist: outcome, rule trace, red-flag screen, symptoms.

Rule ids (A, R, S, L, N, Q, D) are printed with every reason so the specialist can follow the
trace back to clinical-logic.md; the wording of questions and answers comes from the questionnaire.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from intake_app import __version__
from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.questionnaire import SIDES, Questionnaire, load_questionnaire
from intake_app.reports.drawing import symptom_map
from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, is_simple, rich
from intake_app.reports.layout import INK, Footer, content_width, render, style
from intake_app.reports.options import ReportOptions
from intake_app.reports.wording import (
    NOT_ASKED,
    SYMPTOMS,
    answer_for,
    answer_text,
    applies,
    because_lines,
    format_date,
    source_text,
)
from intake_app.screening.model import GROUP_ORDER, GROUP_TITLES, LEVEL_TITLES, Assessment, Group

TITLE = "Referral summary"
DISCLAIMER = "Screening aid for clinician review - not a diagnosis"
HEADER_GREY = colors.HexColor("#E6E8EB")
GRID_GREY = colors.HexColor("#9AA0A6")
NOT_ASKED_FILL = colors.HexColor("#FFE3E3")
CHECK = "\u2713"
CELL_SIZE = 8.5
CELL_LEADING = 10.5
EVIDENCE_SIZE = 7.5
EVIDENCE_GREY = "#4A4F55"
CELL_PADDING = 7.5

# Fields shown in their own sections; everything else lands in "Other answers".
SYMPTOM_FIELDS = ("pain", "numbness", "tingling", "radiates_to", "weakness", "weakness_course")
HISTORY_FIELDS = ("onset", "duration_days", "trauma")
HISTORY_SECTION = "back"

EMPTY_GROUP_TEXT: dict[Group, str] = {
    "red_flag": "No red-flag rule fired on the answers given.",
    "for": "No feature supporting a spinal origin was found.",
    "against": "Nothing listed against a spinal origin.",
    "alert": "No non-spinal safety alert.",
    "gap": "No data gaps.",
}


@dataclass(frozen=True)
class _Banner:
    headline: str
    fill: colors.Color
    text: colors.Color
    border: float


def _banner_for(assessment: Assessment) -> _Banner:
    """Colour and weight follow urgency; URGENT is reversed out of a heavy black frame for mono print."""
    level = assessment.level
    if level == "urgent":
        if assessment.tier == "E":
            headline = "URGENT - EMERGENCY ASSESSMENT TODAY"
        elif assessment.tier == "P":
            headline = "URGENT - CLINICIAN REVIEW TODAY"
        else:
            headline = "URGENT"
        return _Banner(headline, colors.HexColor("#A50016"), colors.white, 3.5)
    headline = LEVEL_TITLES[level].upper()
    if level == "likely":
        return _Banner(headline, colors.HexColor("#FFD8A8"), INK, 2.0)
    if level == "possible":
        return _Banner(headline, colors.HexColor("#FFF3BF"), INK, 1.25)
    return _Banner(headline, colors.HexColor("#E6F4EA"), INK, 0.75)


class _Styles:
    def __init__(self) -> None:
        self.body = style("body", 9.5, leading=12.5)
        self.small = style("small", 8, leading=10)
        self.cell = style("cell", 8.5, leading=10.5)
        self.cell_bold = style("cell_bold", 8.5, bold=True, leading=10.5)
        self.head = style("head", 8.5, bold=True, leading=10.5)
        self.clinic = style("clinic", 13, bold=True, leading=16)
        self.title = style("title", 15, bold=True, leading=19, alignment=2)
        self.right_small = style("right_small", 8.5, leading=11, alignment=2)
        self.h2 = style("h2", 11.5, bold=True, leading=14, spaceBefore=9, spaceAfter=4)
        self.h3 = style("h3", 9.5, bold=True, leading=12, spaceBefore=4, spaceAfter=2)
        self.note = style("note", 9.5, leading=12.5, spaceBefore=3)
        self.banner = style("banner", 15, bold=True, leading=19, textColor=colors.white)
        self.banner_dark = style("banner_dark", 14, bold=True, leading=18)
        self.banner_sub = style("banner_sub", 9, leading=11.5, textColor=colors.white)
        self.banner_sub_dark = style("banner_sub_dark", 9, leading=11.5)
        self.recommendation = style("recommendation", 10, leading=13.5, spaceBefore=5)
        self.recommendation_bold = style("recommendation_bold", 10.5, bold=True, leading=14, spaceBefore=5)
        self.warn = style("warn", 10, bold=True, leading=13)
        self.disclaimer = style("disclaimer", 10, bold=True, leading=13, alignment=1)


def _p(text: str, st: object) -> Paragraph:
    return Paragraph(rich(text), st)


def _heading(text: str, st: ParagraphStyle, *, room: float = 30 * mm) -> list[Flowable]:
    """A heading that starts a new page unless `room` is left under it (never orphaned at the foot).

    Used instead of keepWithNext, which would glue the heading to a whole long table and push
    both to the next page.
    """
    return [CondPageBreak(room), _p(text, st)]


def _grid(rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], *, header_rows: int = 1,
          extra: Iterable[tuple[object, ...]] = ()) -> Table:
    """A ruled table whose header rows repeat on every page it flows onto.

    Fixed short texts (headers, tick marks) go in as plain strings, which lay out several times
    faster than Paragraphs; anything that may need wrapping or escaping is a Paragraph.
    """
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), BASE_FONT, CELL_SIZE, CELL_LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_GREY))
        commands.append(("FONT", (0, 0), (-1, header_rows - 1), BOLD_FONT, CELL_SIZE, CELL_LEADING))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


class _Referral:
    def __init__(self, document: IntakeDocument, assessment: Assessment, options: ReportOptions) -> None:
        self.doc = document
        self.a = assessment
        self.opt = options
        self.q: Questionnaire = load_questionnaire(document.questionnaire)
        self.s = _Styles()
        self.width = content_width(options.page_size)
        self.generated = options.generated_at or dt.datetime.now().replace(microsecond=0)

    def _cell(self, text: str | Sequence[str], width: float, *, bold: bool = False) -> Flowable | str:
        """A table cell for plain text (one string, or several lines).

        Text that needs no CJK font and no right-to-left reordering is wrapped here with simpleSplit
        and goes in as a plain multi-line string, several times cheaper to lay out than a
        Paragraph (the table's FONT command sets its font); anything else, or a word too long
        for the column, becomes a Paragraph, which can also break inside a word.
        """
        lines = [text] if isinstance(text, str) else list(text)
        font = BOLD_FONT if bold else BASE_FONT
        avail = width - CELL_PADDING
        if all(is_simple(line) for line in lines):
            wrapped = [part for line in lines for part in (simpleSplit(line, font, CELL_SIZE, avail) or [""])]
            if all(stringWidth(part, font, CELL_SIZE) <= avail for part in wrapped):
                return "\n".join(wrapped)
        return Paragraph("<br/>".join(rich(line) for line in lines), self.s.cell_bold if bold else self.s.cell)

    # --- sections -------------------------------------------------------------------------------

    def header(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        left: list[Flowable] = [_p(opt.clinic_name, s.clinic)]
        # An address typed over several lines keeps its line breaks.
        lines = [*opt.clinic_address.splitlines(), f"Phone {opt.clinic_phone}" if opt.clinic_phone.strip() else ""]
        left += [_p(line.strip(), s.small) for line in lines if line.strip()]
        right: list[Flowable] = [
            _p(TITLE, s.title),
            _p("Screening for a spinal cause of foot symptoms", s.right_small),
            _p(f"Generated {self.generated.strftime('%Y-%m-%d %H:%M')}", s.right_small),
        ]
        table = Table([[left, right]], colWidths=[self.width * 0.55, self.width * 0.45])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LINEBELOW", (0, 0), (-1, -1), 1.2, INK),
        ]))
        return [table, Spacer(1, 2 * mm), _p(DISCLAIMER + ".", s.small), Spacer(1, 2 * mm)]

    def patient_block(self) -> list[Flowable]:
        s, q, patient = self.s, self.q, self.doc.patient
        age = patient.age_on(self.doc.visit_date)
        born = format_date(patient.date_of_birth)
        if age is not None:
            born += f" (age {age} at the visit)"

        def label(text: str) -> Paragraph:
            return _p(text, s.head)

        def value(text: str) -> Paragraph:
            return _p(text or "Not answered", s.cell)

        rows = [
            [label("Patient"), _p(patient.display_name, s.cell_bold), "", ""],
            [label(q.question("date_of_birth").label), value(born),
             label(q.question("sex").label), value(q.question("sex").option_label(patient.sex))],
            [label(q.question("mrn").label), value(patient.mrn),
             label(q.question("phone").label), value(patient.phone)],
            [label(q.question("visit_date").label), value(format_date(self.doc.visit_date)),
             label(q.question("age_years").label), value(answer_for(q, self.doc, "age_years"))],
        ]
        w = self.width
        table = _grid(rows, [w * 0.17, w * 0.38, w * 0.13, w * 0.32], header_rows=0, extra=[
            ("SPAN", (1, 0), (3, 0)),
            ("BACKGROUND", (0, 0), (0, -1), HEADER_GREY),
            ("BACKGROUND", (2, 1), (2, -1), HEADER_GREY),
        ])
        return [table, Spacer(1, 4 * mm)]

    def outcome(self) -> list[Flowable]:
        s, a = self.s, self.a
        banner = _banner_for(a)
        urgent = a.level == "urgent"
        tier = {"E": "E (same-day emergency)", "P": "P (urgent priority)"}.get(a.tier or "", "none")
        sub = f"Level: {a.level.replace('_', ' ')}  |  Tier: {tier}  |  Spinal flag: {'yes' if a.spinal_flag else 'no'}"
        cell = [
            _p(banner.headline, s.banner if urgent else s.banner_dark),
            _p(sub, s.banner_sub if urgent else s.banner_sub_dark),
        ]
        table = Table([[cell]], colWidths=[self.width])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), banner.fill),
            ("BOX", (0, 0), (-1, -1), banner.border, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ]))
        flow: list[Flowable] = [table]
        recommendation = a.recommendation.strip() or "No recommendation was recorded."
        flow.append(_p(recommendation, s.recommendation_bold if urgent else s.recommendation))
        missing = [rf for rf in self.q.red_flag_ids if self.doc.answers.get(rf, UNKNOWN) == UNKNOWN]
        if missing:
            count = len(missing)
            text = (f"RED-FLAG SCREEN INCOMPLETE: {count} safety question{'s' if count != 1 else ''} "
                    "not asked. Ask before the patient leaves; the result may change (Q1).")
            flow += [Spacer(1, 3 * mm), self._boxed([_p(text, s.warn)], NOT_ASKED_FILL, 2.0)]
        alerts = self.a.in_group("alert")
        if alerts:
            lines: list[Flowable] = [_p("SAFETY ALERT - separate from the spinal screen", s.warn)]
            lines += [_p(f"[{r.rule}] {r.text}", s.body) for r in alerts]
            flow += [Spacer(1, 3 * mm), self._boxed(lines, colors.HexColor("#FFF0E0"), 2.0)]
        return [KeepTogether(flow), Spacer(1, 2 * mm)]

    def _boxed(self, content: list[Flowable], fill: colors.Color, border: float) -> Table:
        table = Table([[content]], colWidths=[self.width])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("BOX", (0, 0), (-1, -1), border, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        return table

    def reasons(self) -> list[Flowable]:
        s, w = self.s, self.width
        flow = _heading(f"Why: the rule trace (rules version {self.a.rules_version})", s.h2)
        widths = [w * 0.11, w * 0.55, w * 0.34]
        for group in GROUP_ORDER:
            reasons = self.a.in_group(group)
            # Room for the heading, the table header and a first row or two, so it is never orphaned.
            flow += _heading(GROUP_TITLES[group], s.h3, room=(35 if reasons else 12) * mm)
            if not reasons:
                text = EMPTY_GROUP_TEXT[group]
                if group == "red_flag" and any(
                    self.doc.answers.get(rf, UNKNOWN) == UNKNOWN for rf in self.q.red_flag_ids
                ):
                    text += " The screen is incomplete, so this is not a clear result."
                flow.append(_p(text, s.body))
                continue
            rows: list[list[Flowable | str]] = [["Rule", "Finding, with evidence [source]", "Answers that fired it"]]
            fired: list[tuple[object, ...]] = []
            for r in reasons:
                evidence = " ".join(part for part in (r.evidence.strip(), source_text(r.source)) if part)
                finding = rich(r.text)
                if evidence:
                    # The evidence sits under the finding in smaller grey type: one row stays short.
                    finding += f'<br/><font size="{EVIDENCE_SIZE}" color="{EVIDENCE_GREY}">{rich(evidence)}</font>'
                # "R4.unmet", "S1.absent": information lines, set lighter than rules that fired.
                if "." not in r.rule:
                    fired.append(("FONT", (0, len(rows)), (0, len(rows)), BOLD_FONT, CELL_SIZE, CELL_LEADING))
                rows.append([
                    self._cell(r.rule, widths[0]),
                    Paragraph(finding, s.cell),
                    self._cell(because_lines(r.because) or ["-"], widths[2]),
                ])
            flow.append(_grid(rows, widths, extra=fired))
        return flow

    def red_flag_screen(self) -> list[Flowable]:
        s, q, w = self.s, self.q, self.width
        flow = _heading("Red-flag screen (every safety question)", s.h2)
        rows: list[list[Flowable | str]] = [["Question", "Answer"]]
        extra: list[tuple[object, ...]] = []
        for i, rf in enumerate(q.red_flag_ids, start=1):
            question = q.question(rf)
            value = self.doc.answers.get(rf, UNKNOWN)
            text = answer_text(q, question, value)
            positive = value not in ("no", UNKNOWN)
            strong = positive or text == NOT_ASKED
            rows.append([self._cell(question.label, w * 0.66), self._cell(text, w * 0.34, bold=strong)])
            if strong:
                extra.append(("FONT", (1, i), (1, i), BOLD_FONT, CELL_SIZE, CELL_LEADING))
            if text == NOT_ASKED:
                extra += [("BACKGROUND", (1, i), (1, i), NOT_ASKED_FILL),
                          ("BOX", (1, i), (1, i), 1.5, colors.black)]
        flow.append(_grid(rows, [w * 0.66, w * 0.34], extra=extra))
        return flow

    def symptoms(self) -> list[Flowable]:
        s, q, w, answers = self.s, self.q, self.width, self.doc.answers
        flow = _heading("Symptoms by side", s.h2)
        names = {"pain": "Pain", "numbness": "Numbness", "tingling": "Tingling"}
        marked = {
            (kind, side): set((answers.get(kind) or {}).get(side) or [])
            for kind in SYMPTOMS for side in SIDES
        }
        regions = [r for r in q.region_ids if any(r in m for m in marked.values())]
        unanswered = [kind for kind in SYMPTOMS if answers.get(kind) is None]
        if regions:
            head1: list[Flowable | str] = ["Region"]
            head2: list[Flowable | str] = [""]
            for side in SIDES:
                head1 += [q.side_label(side), "", ""]
                head2 += [names[kind] for kind in SYMPTOMS]
            rows: list[list[Flowable | str]] = [head1, head2]
            for region in regions:
                row: list[Flowable | str] = [self._cell(q.region_label(region), w * 0.28)]
                for side in SIDES:
                    row += [CHECK if region in marked[(kind, side)] else "" for kind in SYMPTOMS]
                rows.append(row)
            mark_w = (w * 0.72) / 6
            table = _grid(rows, [w * 0.28] + [mark_w] * 6, header_rows=2, extra=[
                ("SPAN", (0, 0), (0, 1)),
                ("SPAN", (1, 0), (3, 0)),
                ("SPAN", (4, 0), (6, 0)),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("FONT", (1, 2), (-1, -1), BOLD_FONT, 10, 11),
                ("LINEAFTER", (3, 0), (3, -1), 1.2, INK),
            ])
            flow.append(table)
        else:
            flow.append(_p("No pain, numbness or tingling was marked on either leg.", s.body))
        if unanswered:
            flow.append(_p("Not answered: " + "; ".join(q.question(k).label for k in unanswered), s.note))
        rows2: list[list[Flowable | str]] = [["Question", "Answer"]]
        for field in ("radiates_to", "weakness", "weakness_course"):
            question = q.question(field)
            if applies(q, question, answers):
                rows2.append([self._cell(question.label, w * 0.5),
                              self._cell(answer_for(q, self.doc, field), w * 0.5)])
        flow += [Spacer(1, 3 * mm), _grid(rows2, [w * 0.5, w * 0.5])]
        if regions:
            flow += [Spacer(1, 4 * mm), symptom_map(self.doc, q, w)]
        return flow

    def _answers_table(self, title: str, field_ids: Sequence[str]) -> list[Flowable]:
        s, q, w = self.s, self.q, self.width
        flow = _heading(title, s.h2)
        rows: list[list[Flowable | str]] = [["Question", "Answer"]]
        for field in field_ids:
            question = q.question(field)
            if applies(q, question, self.doc.answers):
                rows.append([self._cell(question.label, w * 0.5),
                             self._cell(answer_for(q, self.doc, field), w * 0.5)])
        if len(rows) == 1:
            flow.append(_p("Nothing to show for this section.", s.body))
        else:
            flow.append(_grid(rows, [w * 0.5, w * 0.5]))
        return flow

    def history(self) -> list[Flowable]:
        back = next((sec for sec in self.q.sections if sec.id == HISTORY_SECTION), None)
        fields = [*HISTORY_FIELDS, *(question.id for question in back.questions)] if back else list(HISTORY_FIELDS)
        return self._answers_table("History", [f for f in fields if self.q.has_question(f)])

    def other_answers(self) -> list[Flowable]:
        shown = {*SYMPTOM_FIELDS, *HISTORY_FIELDS, "age_years"}
        back = next((sec for sec in self.q.sections if sec.id == HISTORY_SECTION), None)
        if back:
            shown |= {question.id for question in back.questions}
        rest = [qq.id for qq in self.q.answer_questions if qq.id not in shown and not qq.red_flag]
        return self._answers_table("Other answers", rest)

    def closing(self) -> list[Flowable]:
        s, w = self.s, self.width
        versions = (f"Questionnaire {self.q.ref} ({self.q.title}); rules version {self.a.rules_version}; "
                    f"Foot & Leg Intake {__version__}.")
        sign = Table(
            [[_p("Referring clinician", s.head), "", _p("Signature", s.head), "", _p("Date", s.head), ""]],
            colWidths=[w * 0.17, w * 0.3, w * 0.12, w * 0.22, w * 0.07, w * 0.12],
            rowHeights=[12 * mm],
        )
        sign.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, 0), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, 0), 0.8, INK),
            ("LINEBELOW", (5, 0), (5, 0), 0.8, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [
            CondPageBreak(45 * mm),
            *_heading("Versions", s.h2),
            _p(versions, s.body),
            Spacer(1, 5 * mm),
            KeepTogether([_p(DISCLAIMER, s.disclaimer), Spacer(1, 2 * mm), sign]),
        ]

    def story(self) -> list[Flowable]:
        return [
            *self.header(),
            *self.patient_block(),
            *self.outcome(),
            *self.reasons(),
            *self.red_flag_screen(),
            *self.symptoms(),
            *self.history(),
            *self.other_answers(),
            *self.closing(),
        ]

    def footer(self) -> Footer:
        patient = self.doc.patient
        markup = (f"<b>{rich(patient.display_name)}</b>  |  born {format_date(patient.date_of_birth)}"
                  f"  |  {TITLE} - {DISCLAIMER.lower()}")
        return Footer(markup, 7.5)


def build_referral(document: IntakeDocument, assessment: Assessment, options: ReportOptions) -> bytes:
    """The referral summary for the spine specialist, as PDF bytes."""
    referral = _Referral(document, assessment, options)
    return render(referral.story(), paper=options.page_size, title=TITLE, footer=referral.footer(),
                  invariant=options.generated_at is not None)
