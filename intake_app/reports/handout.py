"""The patient handout: what to do now, what we think, what happens next, and when to get help.

Set in 14 pt (18 pt in large print) and written at a reading grade of 6 or lower (handout_text).
For an urgent same-day (E) result it opens with a black-bordered "Stay here" box and ends with a
tear-off strip for the emergency department (clinical words, for staff). The emergency number and
the local name of the emergency department come from the options (settings, country defaults).
A child under 16 is written about to a parent or carer.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.questionnaire import load_questionnaire
from intake_app.domain.wording import describe
from intake_app.reports import handout_text as words
from intake_app.reports.fonts import BASE_FONT, rich, text_para
from intake_app.reports.layout import INK, Footer, Table, content_width, render, style
from intake_app.reports.options import ReportOptions
from intake_app.reports.wording import format_date
from intake_app.screening.model import Assessment
from intake_app.settings import with_article

TITLE = "Your foot and leg symptoms"
NORMAL_SIZE = 14.0
LARGE_SIZE = 18.0
STRIP_SIZE = 9.0
CHILD_AGE = 16


def level_key(assessment: Assessment) -> str:
    if assessment.level == "urgent":
        return "P" if assessment.tier == "P" else "E"
    return assessment.level


class _Styles:
    def __init__(self, size: float) -> None:
        k = size / NORMAL_SIZE
        self.size = size
        self.body = style(f"h_body{size}", size, leading=size * 1.3, spaceAfter=3 * k)
        self.bold = style(f"h_bold{size}", size, bold=True, leading=size * 1.3, spaceAfter=3 * k)
        self.clinic = style(f"h_clinic{size}", size, bold=True, leading=size * 1.25)
        self.h1 = style(f"h_h1{size}", size * 1.3, bold=True, leading=size * 1.6, spaceAfter=2 * k)
        self.h2 = style(f"h_h2{size}", size * 1.1, bold=True, leading=size * 1.4, spaceBefore=5 * k,
                        spaceAfter=1 * k, keepWithNext=1)
        self.stay = style(f"h_stay{size}", size * 1.2, bold=True, leading=size * 1.55)
        self.item = style(f"h_item{size}", size, leading=size * 1.28, leftIndent=6 * mm * k,
                          bulletIndent=1 * mm, bulletFontName=BASE_FONT, bulletFontSize=size, spaceAfter=1 * k)
        self.strip = style("h_strip", STRIP_SIZE, leading=STRIP_SIZE * 1.25)
        self.strip_bold = style("h_strip_bold", STRIP_SIZE, bold=True, leading=STRIP_SIZE * 1.25)


class _Handout:
    def __init__(self, document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                 large_print: bool | None) -> None:
        self.doc = document
        self.a = assessment
        self.opt = options
        self.large = options.large_print if large_print is None else large_print
        self.s = _Styles(LARGE_SIZE if self.large else NORMAL_SIZE)
        self.width = content_width(options.page_size)
        self.key = level_key(assessment)
        age = document.patient.age_on(document.visit_date)
        if age is None and isinstance(document.answers.get("age_years"), int):
            age = document.answers["age_years"]
        self.child = age is not None and age < CHILD_AGE
        self.values = {"ed": with_article(options.emergency_department), "number": options.emergency_number}
        self.q = load_questionnaire(document.questionnaire)

    def say(self, text: words.Say) -> str:
        return text(self.child, **self.values)

    def patient_sentences(self) -> list[str]:
        """Every sentence the patient (or carer) reads, for the reading-grade check."""
        return [t for t in self._texts() if t]

    def _texts(self) -> list[str]:
        texts = []
        if self.key == "E":
            texts += [self.say(words.STAY_HERE), self.say(words.IF_YOU_LEAVE)]
        else:
            texts += [self.say(words.CALL_HEADING), *[self.say(sign) for sign in words.CALL_SIGNS]]
        texts += [self.say(words.THINK[self.key]), self.say(words.NOT_A_DIAGNOSIS), self.say(words.NEXT[self.key]),
                  self.say(words.MEANWHILE[self.key])]
        if self.screen_open():
            texts.append(self.say(words.MORE_QUESTIONS))
        if self.a.in_group("alert"):
            texts.append(self.say(words.FOOT_ALERT))
        return texts

    def screen_open(self) -> bool:
        return any(self.doc.answers.get(rf, UNKNOWN) == UNKNOWN for rf in self.q.red_flag_ids)

    # --- parts ----------------------------------------------------------------------------------

    def header(self) -> list[Flowable]:
        s, opt, patient = self.s, self.opt, self.doc.patient
        who = "For the parent or carer of" if self.child else "For"
        rows = [
            [text_para(opt.clinic_name, s.clinic)],
            [text_para(f"{who}: {patient.display_name}  \u00b7  {format_date(self.doc.visit_date)}", s.body)],
        ]
        table = Table(rows, colWidths=[self.width])
        table.setStyle(TableStyle([
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBELOW", (0, -1), (-1, -1), 1.0, INK),
        ]))
        return [table, Spacer(1, 2 * mm)]

    def stay_box(self) -> list[Flowable]:
        s = self.s
        box = Table([[text_para(self.say(words.STAY_HERE), s.stay)]], colWidths=[self.width])
        box.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 4, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 10), ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
        ]))
        return [box, Spacer(1, 2 * mm), text_para(self.say(words.IF_YOU_LEAVE), s.bold)]

    def call_box(self) -> list[Flowable]:
        s = self.s
        items: list[Flowable] = [text_para(self.say(words.CALL_HEADING), s.bold)]
        items += [text_para(self.say(sign), s.item, bulletText="\u2022") for sign in words.CALL_SIGNS]
        box = Table([[items]], colWidths=[self.width])
        box.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 2.5, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        return [KeepTogether([box])]

    def body(self) -> list[Flowable]:
        s, key = self.s, self.key
        urgent = key in ("E", "P")
        flow: list[Flowable] = [
            text_para("What we think", s.h2),
            text_para(self.say(words.THINK[key]), s.bold if urgent else s.body),
            text_para(self.say(words.NOT_A_DIAGNOSIS), s.body),
            text_para("What happens next", s.h2),
            text_para(self.say(words.NEXT[key]), s.body),
        ]
        if key != "E":
            flow.append(text_para(f"{words.APPOINTMENT} ______________________________", s.body))
        flow += [text_para("What you can do now", s.h2), text_para(self.say(words.MEANWHILE[key]), s.body)]
        if self.screen_open():
            flow.append(text_para(self.say(words.MORE_QUESTIONS), s.bold))
        if self.a.in_group("alert"):
            flow.append(text_para(self.say(words.FOOT_ALERT), s.bold))
        return flow

    def contact(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        phone = opt.clinic_phone.strip()
        text = f"Call {opt.clinic_name} on {phone}." if phone else f"Ask the staff at {opt.clinic_name}."
        if opt.clinic_hours.strip():
            text += f" Open: {opt.clinic_hours.strip()}."
        return [text_para("Questions", s.h2), text_para(text, s.body)]

    def strip(self) -> list[Flowable]:
        """The tear-off strip for the emergency department: clinical words, for staff."""
        s, opt, patient = self.s, self.opt, self.doc.patient
        flags = [reason.text for reason in self.a.red_flags]
        onset = self.q.has_question("new_symptom_started") and self.doc.answers.get("new_symptom_started")
        if onset:
            flags.append(describe(self.q, "new_symptom_started", onset))
        phone = opt.referrer_phone.strip() or opt.clinic_phone.strip() or "see letter"
        referrer = ", ".join(part for part in (opt.referrer_name.strip(), opt.referrer_role.strip()) if part)
        lines: list[Flowable] = [
            text_para("For the emergency department", s.strip_bold),
            text_para(f"{patient.display_name}, born {format_date(patient.date_of_birth)}, "
                      f"seen {format_date(self.doc.visit_date)} at {opt.clinic_name}.", s.strip),
            text_para("Red flags: " + ("; ".join(flags) if flags else "see the referral letter") + ".", s.strip),
            text_para(f"Referrer: {referrer or opt.clinic_name}; direct phone {phone}.", s.strip),
        ]
        cut = Table([["\u2702  tear here"]], colWidths=[self.width])
        cut.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), BASE_FONT, 7, 8),
            ("LINEABOVE", (0, 0), (-1, -1), 0.8, INK, None, [3, 2]),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]))
        box = Table([[lines]], colWidths=[self.width])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, INK), ("TOPPADDING", (0, 0), (-1, -1), 2),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return [CondPageBreak(35 * mm), Spacer(1, 3 * mm), KeepTogether([cut, box])]

    def story(self) -> list[Flowable]:
        flow = [*self.header()]
        if self.key == "E":
            flow += self.stay_box()
        else:
            flow += self.call_box()
        flow += [*self.body(), *self.contact()]
        if self.key == "E":
            flow += self.strip()
        return flow

    def footer(self) -> Footer:
        name = self.doc.patient.display_name
        markup = f"{rich(name)}  |  {format_date(self.doc.visit_date)}"
        return Footer(markup, 9.0, name)


def handout_sentences(document: IntakeDocument, assessment: Assessment, options: ReportOptions) -> list[str]:
    """The patient's text of the handout (not the staff strip), e.g. to check its reading grade."""
    return _Handout(document, assessment, options, None).patient_sentences()


def build_handout(document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                  *, large_print: bool | None = None) -> bytes:
    """The plain-language handout for the patient, as PDF bytes (large_print None: the options')."""
    handout = _Handout(document, assessment, options, large_print)
    return render(handout.story(), paper=options.page_size, title=TITLE, footer=handout.footer(),
                  invariant=options.generated_at is not None)
