"""The patient handout: what to do now, what we think, what happens next, and when to get help.

Written in the patient's language, English or Spanish (`language`; by default the document's
preferred language when it is one of those, else the clinic's language when it is, else English).
Every fixed sentence comes from handout_text, where each is defined once in both languages; the
patient's answers (where it hurts, the worst pain) come through domain.wording in that language,
in the patient's words. Set in 14 pt (18 pt in large print), at a Flesch-Kincaid grade of 6 or
lower in English and a Fernández-Huerta ease of 70 or more in Spanish. Safety comes first in both:
for an urgent same-day (E) result it opens with a black-bordered "Stay here" box and ends with a
tear-off strip for the emergency department (clinical words, for staff, in the clinic's language, the
reasons worded as the referral letter words them);
every other result opens with the signs that mean "go now". The emergency number and the
emergency department come from the options (settings, country defaults). A child under 16 is
written about to a parent or carer.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, TableStyle

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.language import ENGLISH, LANGUAGE_NAMES, check_language
from intake_app.domain.questionnaire import SIDES, load_questionnaire
from intake_app.domain.wording import describe, is_blank, question_text_for_side, region_list
from intake_app.reports import handout_text as words
from intake_app.reports.fonts import BASE_FONT, rich, text_para
from intake_app.reports.handout_text import HANDOUT_LANGUAGES, patient_date
from intake_app.reports.layout import INK, Footer, Table, content_width, frame_height, render, style
from intake_app.reports.options import ReportError, ReportOptions
from intake_app.reports.referral_advice_es import words_for
from intake_app.reports.wording import format_date
from intake_app.screening.model import Assessment
from intake_app.translation_marks import QT_TRANSLATE_NOOP

NORMAL_SIZE = 14.0
LARGE_SIZE = 18.0
STRIP_SIZE = 9.0
CHILD_AGE = 16
# Where the patient told us they feel it, per leg, and how bad the worst pain was.
TOLD_US_REGIONS = ("pain", "numbness", "tingling")
TOLD_US_SCORE = "pain_score_0_10"
# A longer list of places is cut to its first few ("heel, arch, sole, ankle and 9 more").
MAX_PLACES = 4
MIN_PLACES = 2
# Room a page break may waste in large print (a heading kept with its text, the "go now" box kept whole).
PAGE_BREAK_SLACK = 60 * mm


def level_key(assessment: Assessment) -> str:
    if assessment.level == "urgent":
        return "P" if assessment.tier == "P" else "E"
    return assessment.level


def handout_language(document: IntakeDocument, language: str | None = None, clinic_language: str = ENGLISH) -> str:
    """The language to write the handout in: `language` when given ("en" or "es", else a
    ReportError naming it), else the patient's preferred language when it is one of those, else the
    clinic's language when it is one of those, else English."""
    if language is not None:
        try:
            return check_language(language)
        except ValueError:
            known = " or ".join(f"{code} ({LANGUAGE_NAMES[code]})" for code in HANDOUT_LANGUAGES)
            raise ReportError(
                QT_TRANSLATE_NOOP("IntakeError", "The handout is written in {known}, not {language}."),
                params={"known": known, "language": repr(language)},
            ) from None
    for choice in (document.answers.get("preferred_language"), clinic_language):
        if choice in HANDOUT_LANGUAGES:
            return str(choice)
    return ENGLISH


class _Styles:
    def __init__(self, size: float) -> None:
        k = size / NORMAL_SIZE
        self.size = size
        self.body = style(f"h_body{size}", size, leading=size * 1.3, spaceAfter=3 * k)
        self.bold = style(f"h_bold{size}", size, bold=True, leading=size * 1.3, spaceAfter=3 * k)
        self.clinic = style(f"h_clinic{size}", size, bold=True, leading=size * 1.25)
        self.h2 = style(f"h_h2{size}", size * 1.1, bold=True, leading=size * 1.4, spaceBefore=5 * k,
                        spaceAfter=1 * k, keepWithNext=1)
        self.stay = style(f"h_stay{size}", size * 1.2, bold=True, leading=size * 1.55)
        self.item = style(f"h_item{size}", size, leading=size * 1.28, leftIndent=6 * mm * k,
                          bulletIndent=1 * mm, bulletFontName=BASE_FONT, bulletFontSize=size, spaceAfter=1 * k)
        self.strip = style("h_strip", STRIP_SIZE, leading=STRIP_SIZE * 1.25)
        self.strip_bold = style("h_strip_bold", STRIP_SIZE, bold=True, leading=STRIP_SIZE * 1.25)


class _Handout:
    def __init__(self, document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                 large_print: bool | None, language: str | None) -> None:
        self.doc = document
        self.a = assessment
        self.opt = options
        self.language = handout_language(document, language, options.clinic_language)
        self.large = options.large_print if large_print is None else large_print
        self.s = _Styles(LARGE_SIZE if self.large else NORMAL_SIZE)
        self.width = content_width(options.page_size)
        self.key = level_key(assessment)
        age = document.patient.age_on(document.visit_date)
        if age is None and isinstance(document.answers.get("age_years"), int):
            age = document.answers["age_years"]
        self.child = age is not None and age < CHILD_AGE
        self.values = {"ed": words.department(options.emergency_department, self.language),
                       "number": options.emergency_number}
        self.q = load_questionnaire(document.questionnaire)

    def say(self, text: words.Say, **values: Any) -> str:
        return text(self.language, self.child, **{**self.values, **{k: str(v) for k, v in values.items()}})

    def date(self, day: Any) -> str:
        return patient_date(day, self.language)

    def patient_sentences(self) -> list[str]:
        """Every sentence the patient (or carer) reads, for the reading-grade check."""
        return [t for t in self._texts() if t]

    def _texts(self) -> list[str]:
        texts = []
        if self.key == "E":
            texts += [self.say(words.STAY_HERE), self.say(words.IF_YOU_LEAVE)]
        if self.screen_open():
            texts.append(self.say(words.MORE_QUESTIONS))
        if self.key != "E":
            texts += [self.say(words.CALL_HEADING), *[self.say(sign) for sign in words.CALL_SIGNS]]
        texts += [self.say(words.THINK[self.key]), self.say(words.NOT_A_DIAGNOSIS), self.say(words.NEXT[self.key]),
                  self.say(words.MEANWHILE[self.key])]
        if self.a.in_group("alert"):
            texts.append(self.say(words.FOOT_ALERT))
        return texts

    def screen_open(self) -> bool:
        """True while any safety answer is open (D8: positive but unmet, not asked, conflicting, a weakness
        without its course) or a red-flag question is unanswered (Q1). Then the "please do not leave yet"
        box leads the handout, before any reassuring word."""
        return self.a.safety_open or any(self.doc.answers.get(rf, UNKNOWN) == UNKNOWN for rf in self.q.red_flag_ids)

    # --- parts ----------------------------------------------------------------------------------

    def header(self) -> list[Flowable]:
        s, opt, patient = self.s, self.opt, self.doc.patient
        rows = [
            [text_para(opt.clinic_name, s.clinic)],
            [text_para(f"{self.say(words.FOR)}: {patient.display_name}  \u00b7  {self.date(self.doc.visit_date)}",
                       s.body)],
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

    def safety_box(self) -> list[Flowable]:
        """D8 on the patient's page: the open safety answers are settled before the patient leaves, so this
        comes first (after the urgent "stay here" box), before anything that could reassure."""
        if not self.screen_open():
            return []
        box = Table([[text_para(self.say(words.MORE_QUESTIONS), self.s.bold)]], colWidths=[self.width])
        box.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 2.5, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return [box, Spacer(1, 2 * mm)]

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
            text_para(self.say(words.WHAT_WE_THINK), s.h2),
            text_para(self.say(words.THINK[key]), s.bold if urgent else s.body),
            text_para(self.say(words.NOT_A_DIAGNOSIS), s.body),
            text_para(self.say(words.WHAT_NEXT), s.h2),
            text_para(self.say(words.NEXT[key]), s.body),
        ]
        if key != "E":
            flow.append(text_para(f"{self.say(words.APPOINTMENT)} ______________________________", s.body))
        flow += [text_para(self.say(words.WHAT_YOU_CAN_DO), s.h2), text_para(self.say(words.MEANWHILE[key]), s.body)]
        if self.a.in_group("alert"):
            flow.append(text_para(self.say(words.FOOT_ALERT), s.bold))
        return flow

    def told_us_lines(self, places: int = MAX_PLACES) -> list[str]:
        """Where the patient feels it, per leg, and the worst pain, in the questionnaire's words in
        the handout's language ("Dolor, pierna derecha: talón, arco del pie"); a list of more than
        `places` places is cut to its first ones ("... y 9 más")."""
        lines = []
        answers = self.doc.answers
        for field in TOLD_US_REGIONS:
            value = answers.get(field)
            if not self.q.has_question(field) or not isinstance(value, dict):
                continue
            for side in SIDES:
                marked = value.get(side)
                if not isinstance(marked, list) or not marked:
                    continue
                label = question_text_for_side(self.q, field, side, language=self.language)
                shown = region_list(self.q, marked[:places], language=self.language)
                if len(marked) > places:
                    shown += " " + self.say(words.MORE_PLACES, count=len(marked) - places)
                lines.append(f"{label}: {shown}.")
        score = answers.get(TOLD_US_SCORE)
        if self.q.has_question(TOLD_US_SCORE) and not is_blank(score) and score != UNKNOWN:
            lines.append(describe(self.q, TOLD_US_SCORE, score, audience="patient", language=self.language) + ".")
        return lines

    def told_us(self, room: float) -> list[Flowable]:
        """What the patient told us, in at most `room` points of height: lists cut shorter, then
        lines left off the end, rather than a handout that runs onto another page. Not for an urgent
        same-day (E) result: that page is about staying here, and the strip for the emergency
        department must fit on it."""
        full = self.told_us_lines(MAX_PLACES)
        if self.key == "E" or not full:
            return []
        short = self.told_us_lines(MIN_PLACES)
        for lines in (full, *[short[:count] for count in range(len(short), 0, -1)]):
            section = [text_para(self.say(words.YOU_TOLD_US), self.s.h2),
                       *[text_para(line, self.s.item, bulletText="\u2022") for line in lines]]
            if _height(section, self.width) <= room:
                return section
        return []

    def contact(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        phone = opt.clinic_phone.strip()
        if phone:
            text = self.say(words.CALL_CLINIC, clinic=opt.clinic_name, phone=phone)
        else:
            text = self.say(words.ASK_STAFF, clinic=opt.clinic_name)
        if opt.clinic_hours.strip():
            text += " " + self.say(words.OPEN_HOURS, hours=opt.clinic_hours.strip())
        return [text_para(self.say(words.QUESTIONS_HEADING), s.h2), text_para(text, s.body)]

    def strip(self) -> list[Flowable]:
        """The tear-off strip for the emergency department: clinical words, for staff."""
        s, opt, patient = self.s, self.opt, self.doc.patient
        language = opt.clinic_language if opt.clinic_language in HANDOUT_LANGUAGES else ENGLISH

        def say(text: words.Say, **values: str) -> str:
            return text(language, False, **values)

        reasons = words_for(language, self.doc, self.a, self.q, opt.emergency_department)
        flags = [reasons.reason(reason) for reason in self.a.red_flags]
        onset = self.q.has_question("new_symptom_started") and self.doc.answers.get("new_symptom_started")
        if onset:
            flags.append(describe(self.q, "new_symptom_started", onset, language=language))
        phone = opt.referrer_phone.strip() or opt.clinic_phone.strip() or say(words.STRIP_NO_PHONE)
        referrer = ", ".join(part for part in (opt.referrer_name.strip(), opt.referrer_role.strip()) if part)
        lines: list[Flowable] = [
            text_para(say(words.STRIP_HEADING), s.strip_bold),
            text_para(say(words.STRIP_SEEN, name=patient.display_name, born=format_date(patient.date_of_birth),
                          seen=format_date(self.doc.visit_date), clinic=opt.clinic_name), s.strip),
            text_para(say(words.STRIP_FLAGS, flags="; ".join(flags) if flags else say(words.STRIP_NO_FLAGS)),
                      s.strip),
            text_para(say(words.STRIP_REFERRER, referrer=referrer or opt.clinic_name, phone=phone), s.strip),
        ]
        cut = Table([[self.say(words.TEAR_HERE)]], colWidths=[self.width])
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
            if self.screen_open():
                flow += [Spacer(1, 2 * mm), *self.safety_box()]
        else:
            flow += [*self.safety_box(), *self.call_box()]
        flow += self.body()
        end = self.contact()
        pages = 2 if self.large else 1
        room = pages * frame_height(self.opt.page_size, self.footer()) - _height([*flow, *end], self.width)
        room -= (pages - 1) * PAGE_BREAK_SLACK
        flow += [*self.told_us(room), *end]
        if self.key == "E":
            flow += self.strip()
        return flow

    def footer(self) -> Footer:
        name = self.doc.patient.display_name
        markup = f"{rich(name)}  |  {rich(self.date(self.doc.visit_date))}"
        return Footer(markup, 9.0, name, page_label=words.PAGE_LABEL[self.language])


def _height(flowables: list[Flowable], width: float) -> float:
    """The height the flowables take in a frame `width` wide, spacing included (a little more than
    the frame uses, since the first paragraph's space before is dropped at the top of a page)."""
    canvas = Canvas(io.BytesIO())  # tables measure on a canvas; nothing is drawn
    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):  # its wrap() always asks to be split: measure what it holds
            total += _height(list(flowable._content), width)
            continue
        _, height = flowable.wrapOn(canvas, width, 10_000)
        total += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def handout_sentences(document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                      *, language: str | None = None) -> list[str]:
    """The patient's fixed text of the handout (not the staff strip), e.g. to check its reading grade."""
    return _Handout(document, assessment, options, None, language).patient_sentences()


def build_handout(document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                  *, large_print: bool | None = None, language: str | None = None) -> bytes:
    """The plain-language handout for the patient, as PDF bytes.

    `large_print` None: the options'. `language` "en" or "es"; None: the patient's preferred
    language when it is one of those, else the clinic's (options.clinic_language) when it is, else
    English (another code is a ReportError)."""
    handout = _Handout(document, assessment, options, large_print, language)
    return render(handout.story(), paper=options.page_size, title=handout.say(words.TITLE),
                  footer=handout.footer(), invariant=options.generated_at is not None)
