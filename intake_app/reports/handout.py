"""The patient handout: what the answers suggest, what happens next, and when to go to A&E.

Written for a reading age of about 11 (short sentences, everyday words, no rule ids), in type of
at least 12 pt. The emergency list is always printed; for an urgent outcome it comes first.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.questionnaire import load_questionnaire
from intake_app.reports.fonts import BASE_FONT, rich
from intake_app.reports.layout import INK, Footer, content_width, render, style
from intake_app.reports.options import ReportOptions
from intake_app.reports.wording import format_date
from intake_app.screening.model import Assessment

TITLE = "Your foot and leg symptoms"
MIN_TYPE = 12.0
EMERGENCY_RED = colors.HexColor("#A50016")

EMERGENCY_HEADING = "Go to the emergency department now if:"
EMERGENCY_SIGNS = (
    "You cannot feel the skin around your bottom or between your legs, for example when you wipe.",
    "You cannot pee, or it is hard to start, or you leak pee.",
    "You cannot hold in your poo, or you cannot feel it come out.",
    "Your private parts feel numb, or sex feels different.",
    "Your leg or foot gets weaker, or your foot drags or slaps on the ground when you walk.",
    "The pain or numbness spreads to both legs.",
    "You have back pain and a high temperature, or you feel very unwell.",
)
EMERGENCY_CALL = "If you cannot get there safely, call an ambulance on your local emergency number."

NOT_A_DIAGNOSIS = (
    "This sheet is not a diagnosis. Only a doctor or another trained clinician can tell you what is "
    "causing your pain."
)

SUGGESTS = {
    ("urgent", "E"): (
        "Some of your answers can be a sign of a serious problem. You need to be checked today, in "
        "the emergency department. Please stay here. Our staff will tell you where to go."
    ),
    ("urgent", "P"): (
        "Some of your answers mean that a clinician needs to see you today. Please stay here until "
        "they have talked with you."
    ),
    ("likely", None): (
        "Your answers fit a common pattern. A nerve in your lower back may be causing the pain in "
        "your foot. This nerve runs from your back down your leg, all the way to your toes. This can "
        "happen even when your back does not hurt."
    ),
    ("possible", None): (
        "Some of your answers fit a nerve problem in your lower back, but not all of them. The cause "
        "could be in your back. It could also be in your leg or your foot."
    ),
    ("not_indicated", None): (
        "Your answers do not point to a problem in your back. The cause is more likely to be in your "
        "foot or your leg."
    ),
}

NEXT_STEPS = {
    ("urgent", "E"): "A clinician will see you now. You may be sent straight to a hospital. Take this sheet with you.",
    ("urgent", "P"): "A clinician will talk with you today. They may send you to a hospital for a check soon.",
    ("likely", None): (
        "A clinician will examine you. They may send you to a back specialist, a doctor who looks "
        "after the spine, to find the exact cause."
    ),
    ("possible", None): (
        "A clinician will examine your back, legs and feet. Then they will decide if you need to see "
        "a back specialist."
    ),
    ("not_indicated", None): (
        "A clinician will check your foot and leg. They will talk with you about what may help. "
        "Come back to us if your leg starts to hurt, or goes numb or weak."
    ),
}

MORE_QUESTIONS = (
    "We still need to ask you some safety questions. Please do not leave before we have asked them."
)
FOOT_CHECK_TODAY = "Your answers also show a foot problem that a clinician should check today."


def _key(assessment: Assessment) -> tuple[str, str | None]:
    if assessment.level == "urgent":
        return ("urgent", "E" if assessment.tier != "P" else "P")
    return (assessment.level, None)


class _Styles:
    def __init__(self) -> None:
        self.body = style("h_body", 13, leading=18, spaceAfter=6)
        self.bold = style("h_bold", 13, bold=True, leading=18, spaceAfter=6)
        self.clinic = style("h_clinic", 16, bold=True, leading=20)
        self.title = style("h_title", 20, bold=True, leading=25, spaceBefore=4, spaceAfter=6)
        self.h2 = style("h_h2", 15, bold=True, leading=19, spaceBefore=10, spaceAfter=5, keepWithNext=1)
        self.alarm_head = style("h_alarm_head", 16, bold=True, leading=21, textColor=colors.white)
        self.alarm_head_big = style("h_alarm_head_big", 18, bold=True, leading=23, textColor=colors.white)
        self.alarm_item = style("h_alarm_item", 13, leading=17.5, leftIndent=7 * mm, bulletIndent=1.5 * mm,
                                bulletFontName=BASE_FONT, bulletFontSize=13, spaceAfter=3)
        self.alarm_call = style("h_alarm_call", 13, bold=True, leading=17.5, spaceBefore=3)


def _p(text: str, st: object) -> Paragraph:
    return Paragraph(rich(text), st)


class _Handout:
    def __init__(self, document: IntakeDocument, assessment: Assessment, options: ReportOptions) -> None:
        self.doc = document
        self.a = assessment
        self.opt = options
        self.s = _Styles()
        self.width = content_width(options.page_size)
        self.urgent = assessment.level == "urgent"

    def emergency_box(self) -> Flowable:
        s = self.s
        head = _p(EMERGENCY_HEADING, s.alarm_head_big if self.urgent else s.alarm_head)
        items: list[Flowable] = [Paragraph(rich(sign), s.alarm_item, bulletText="\u2022")
                                 for sign in EMERGENCY_SIGNS]
        items.append(_p(EMERGENCY_CALL, s.alarm_call))
        table = Table([[head], [items]], colWidths=[self.width])
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, 0), EMERGENCY_RED),
            ("BOX", (0, 0), (-1, -1), 3.5 if self.urgent else 2.5, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 9),
            ("RIGHTPADDING", (0, 0), (-1, -1), 9),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        return KeepTogether([table])

    def header(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        flow: list[Flowable] = [_p(opt.clinic_name, s.clinic)]
        if opt.clinic_phone.strip():
            flow.append(_p(f"Phone: {opt.clinic_phone}", s.body))
        rule = Table([[""]], colWidths=[self.width], rowHeights=[2])
        rule.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 1.2, INK)]))
        flow += [rule, _p(TITLE, s.title)]
        flow.append(Paragraph(f"<b>For:</b> {rich(self.doc.patient.display_name)}", s.body))
        flow.append(_p(f"Date: {format_date(self.doc.visit_date)}", s.body))
        return flow

    def body(self) -> list[Flowable]:
        s, key = self.s, _key(self.a)
        flow: list[Flowable] = [
            _p("What your answers suggest", s.h2),
            _p(SUGGESTS[key], s.bold if self.urgent else s.body),
            _p(NOT_A_DIAGNOSIS, s.body),
            _p("What happens next", s.h2),
            _p(NEXT_STEPS[key], s.body),
        ]
        questionnaire = load_questionnaire(self.doc.questionnaire)
        if any(self.doc.answers.get(rf, UNKNOWN) == UNKNOWN for rf in questionnaire.red_flag_ids):
            flow.append(_p(MORE_QUESTIONS, s.bold))
        if self.a.in_group("alert"):
            flow.append(_p(FOOT_CHECK_TODAY, s.bold))
        return flow

    def contact(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        if opt.clinic_phone.strip():
            text = f"Any questions? Call {opt.clinic_name} on {opt.clinic_phone}."
        else:
            text = f"Any questions? Ask the staff at {opt.clinic_name}."
        return [_p("Questions", s.h2), _p(text, s.body)]

    def story(self) -> list[Flowable]:
        if self.urgent:
            return [self.emergency_box(), Spacer(1, 5 * mm), *self.header(), *self.body(), *self.contact()]
        return [*self.header(), *self.body(), Spacer(1, 4 * mm), self.emergency_box(), *self.contact()]

    def footer(self) -> Footer:
        markup = f"{rich(self.doc.patient.display_name)}  |  {format_date(self.doc.visit_date)}"
        return Footer(markup, MIN_TYPE)


def build_handout(document: IntakeDocument, assessment: Assessment, options: ReportOptions) -> bytes:
    """The plain-language handout for the patient, as PDF bytes."""
    handout = _Handout(document, assessment, options)
    return render(handout.story(), paper=options.page_size, title=TITLE, footer=handout.footer(),
                  invariant=options.generated_at is not None)
