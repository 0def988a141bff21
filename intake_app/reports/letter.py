"""Page 1 of the referral letter: everything a receiving clinician needs to act, on one page.

From / To / When, the patient, the decision box (level and tier in words, the reason for
referral, the safety answers still to check and any conflicting answers), the red flags, a short
summary, a one-row body map with the non-spinal alerts, and a block for the clinician to complete.
Page 1 stands alone: it is laid out inside one frame and shrunk to fit rather than flowing over.
Written in the letter's language (English or Spanish): fixed words from referral_text, answers
through domain.wording with `language=`, the screening's lines through referral_advice_es.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.language import ENGLISH
from intake_app.domain.questionnaire import SIDES, Questionnaire
from intake_app.domain.wording import answer_text, describe, describe_because, is_blank, question_text
from intake_app.reports import referral_text as T
from intake_app.reports.drawing import symptom_row
from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, para, rich, text_para
from intake_app.reports.handout_text import Say
from intake_app.reports.layout import INK, Table, style
from intake_app.reports.options import ReportOptions
from intake_app.reports.referral_advice_es import EnglishWords
from intake_app.reports.referral_text import LEVEL_WORDS, letter_date, letter_time
from intake_app.reports.wording import SYMPTOMS, brief
from intake_app.screening.model import Assessment, Level

GRID_GREY = colors.HexColor("#9AA0A6")
LABEL_FILL = colors.HexColor("#EEF0F2")
POSITIVE = {"yes", "new", "new_or_spreading"}
ONSET_FIELD = "new_symptom_started"


@dataclass(frozen=True)
class LevelStyle:
    """How a level looks; border and fill differ in grey as well as in colour (fax, photocopy)."""

    headline: str
    tier_words: str
    addressee: str
    fill: colors.Color
    text: colors.Color
    border: float
    dash: tuple[float, ...] | None
    double: bool


def level_style(level: Level, tier: str | None, emergency_department: str, language: str = ENGLISH) -> LevelStyle:
    """The level's headline, tier and addressee in `language`, and its look."""
    key = ("P" if tier == "P" else "E") if level == "urgent" else level
    headline, tier_words, addressee = (T.say(text, language, ed=T.emergency_department(emergency_department,
                                                                                       language))
                                       for text in LEVEL_WORDS[key])
    if key == "E":
        return LevelStyle(headline, tier_words, addressee, colors.black, colors.white, 3.0, None, False)
    if key == "P":
        return LevelStyle(headline, tier_words, addressee, colors.HexColor("#F4B4B4"), INK, 3.0, None, True)
    if key == "likely":
        return LevelStyle(headline, tier_words, addressee, colors.HexColor("#E3E3E3"), INK, 1.5, None, True)
    if key == "possible":
        return LevelStyle(headline, tier_words, addressee, colors.white, INK, 1.5, (4, 2), False)
    return LevelStyle(headline, tier_words, addressee, colors.white, INK, 0.6, None, False)


class Styles:
    def __init__(self) -> None:
        self.clinic = style("l_clinic", 12, bold=True, leading=14.5)
        self.small = style("l_small", 8, leading=9.8)
        self.small_bold = style("l_small_bold", 8, bold=True, leading=9.8)
        self.title = style("l_title", 13, bold=True, leading=16, alignment=2)
        self.right = style("l_right", 8, leading=10, alignment=2)
        self.label = style("l_label", 7.5, bold=True, leading=9.3)
        self.cell = style("l_cell", 8.5, leading=10.4)
        self.cell_bold = style("l_cell_bold", 8.5, bold=True, leading=10.4)
        self.h2 = style("l_h2", 9.5, bold=True, leading=11.5, spaceBefore=5, spaceAfter=2)
        self.line = style("l_line", 8.5, leading=10.6, leftIndent=8, firstLineIndent=-8, spaceAfter=1)
        self.headline_light = style("l_head_light", 13, bold=True, leading=16, textColor=colors.white)
        self.headline = style("l_head", 13, bold=True, leading=16)
        self.sub_light = style("l_sub_light", 9, bold=True, leading=11.5, textColor=colors.white)
        self.sub = style("l_sub", 9, bold=True, leading=11.5)
        self.box_light = style("l_box_light", 8.5, leading=10.8, textColor=colors.white)
        self.box = style("l_box", 8.5, leading=10.8)
        self.check = style("l_check", 9, bold=True, leading=11.5)


def p(text: object, st: Any) -> Paragraph:
    return text_para(text, st)


def bold_lead(lead: str, rest: str, st: Any) -> Paragraph:
    return para(f"<b>{rich(lead)}</b> {rich(rest)}", st, f"{lead} {rest}")


def answer(doc: IntakeDocument, field: str) -> Any:
    return doc.answers.get(field)


class FirstPage:
    """Builds the flowables of page 1 for one intake."""

    def __init__(self, doc: IntakeDocument, a: Assessment, q: Questionnaire, opt: ReportOptions,
                 width: float, generated: dt.datetime, words: EnglishWords | None = None) -> None:
        self.doc, self.a, self.q, self.opt = doc, a, q, opt
        self.width = width
        self.generated = generated
        self.words = words or EnglishWords(a)
        self.lang = self.words.language
        self.s = Styles()
        self.look = level_style(a.level, a.tier, opt.emergency_department, self.lang)

    def t(self, text: Say, **values: object) -> str:
        """A fixed text of the letter in its language."""
        return T.say(text, self.lang, **values)

    # --- helpers -------------------------------------------------------------------------------

    def has(self, field: str) -> bool:
        return self.q.has_question(field)

    def said(self, field: str, *, side: str | None = None) -> str:
        """"Label: answer" in the questionnaire's words (fields missing from this form: empty)."""
        if not self.has(field):
            return ""
        return describe(self.q, field, answer(self.doc, field), side=side, language=self.lang)

    def _box(self, content: list[Flowable], *, border: float = 0.6, fill: colors.Color | None = None) -> Table:
        table = Table([[content]], colWidths=[self.width])
        commands: list[tuple[Any, ...]] = [
            ("BOX", (0, 0), (-1, -1), border, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if fill is not None:
            commands.append(("BACKGROUND", (0, 0), (-1, -1), fill))
        table.setStyle(TableStyle(commands))
        return table

    # --- sections ------------------------------------------------------------------------------

    def heading(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        left: list[Flowable] = [p(opt.clinic_name, s.clinic)]
        lines = [*opt.clinic_address.splitlines()]
        if opt.clinic_phone.strip():
            lines.append(self.t(T.PHONE, phone=opt.clinic_phone.strip()))
        left += [p(line.strip(), s.small) for line in lines if line.strip()]
        right: list[Flowable] = [p(self.t(T.TITLE), s.title)]
        if opt.revision > 1:
            right.append(p(self.t(T.AMENDED, revision=opt.revision), s.title))
        right.append(p(self.t(T.SCREENING_AID), s.right))
        table = Table([[left, right]], colWidths=[self.width * 0.58, self.width * 0.42])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 1.0, INK),
        ]))
        return [table, Spacer(1, 1.5 * mm)]

    def from_to_when(self) -> list[Flowable]:
        s, opt = self.s, self.opt
        referrer = opt.referrer_name.strip() or self.t(T.REFERRER_BLANK)
        role = opt.referrer_role.strip()
        phone = opt.referrer_phone.strip() or opt.clinic_phone.strip()
        phone_label = self.t(T.DIRECT_PHONE if opt.referrer_phone.strip() else T.CLINIC_PHONE)
        sender: list[Flowable] = [p(self.t(T.FROM), s.label), p(referrer, s.cell_bold)]
        if role:
            sender.append(p(role, s.cell))
        sender.append(p(f"{phone_label}: {phone or '______________'}", s.cell))
        to: list[Flowable] = [p(self.t(T.TO), s.label), p(self.look.addressee, s.cell_bold)]
        when: list[Flowable] = [
            p(self.t(T.WHEN), s.label),
            p(self.t(T.WRITTEN, when=letter_time(self.generated, self.lang)), s.cell),
            p(self.t(T.SEEN, day=letter_date(self.doc.visit_date, self.lang)), s.cell),
        ]
        w = self.width
        table = Table([[sender, to, when]], colWidths=[w * 0.4, w * 0.33, w * 0.27])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, GRID_GREY), ("INNERGRID", (0, 0), (-1, -1), 0.5, GRID_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return [table, Spacer(1, 1.5 * mm)]

    def language_line(self) -> str:
        """Interpreter and preferred language, when recorded (version 2 questionnaire)."""
        parts = []
        if self.has("interpreter_needed") and answer(self.doc, "interpreter_needed") == "yes":
            language = answer(self.doc, "interpreter_language")
            parts.append(self.t(T.INTERPRETER) + (f": {language}" if not is_blank(language) else ""))
        if self.has("preferred_language") and not is_blank(answer(self.doc, "preferred_language")):
            parts.append(self.said("preferred_language"))
        return "; ".join(parts)

    def patient(self) -> list[Flowable]:
        s, q, patient, lang = self.s, self.q, self.doc.patient, self.lang
        age = patient.age_on(self.doc.visit_date)
        born = letter_date(patient.date_of_birth, lang) + (f" {self.t(T.AGE, age=age)}" if age is not None else "")
        blank = self.t(T.NOT_RECORDED)
        sex = answer_text(q, "sex", patient.sex, language=lang) if patient.sex else blank

        def cell(label: str, value: str, *, bold: bool = False) -> list[Flowable]:
            return [p(label, s.label), p(value or blank, s.cell_bold if bold else s.cell)]

        w = self.width
        row = [
            cell(self.t(T.PATIENT), patient.display_name, bold=True),
            cell(question_text(q, "date_of_birth", language=lang), born),
            cell(question_text(q, "sex", language=lang), sex),
            cell(self.t(T.MRN), patient.mrn),
            cell(question_text(q, "phone", language=lang), patient.phone),
        ]
        widths = [w * 0.3, w * 0.2, w * 0.11, w * 0.17, w * 0.22]
        rows: list[list[Any]] = [row]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.5, GRID_GREY), ("INNERGRID", (0, 0), (-1, -1), 0.5, GRID_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        language = self.language_line()
        if language:
            rows.append([p(language, s.cell_bold), "", "", "", ""])
            commands.append(("SPAN", (0, 1), (-1, 1)))
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle(commands))
        return [table, Spacer(1, 2 * mm)]

    # --- the decision ---------------------------------------------------------------------------

    def reason_line(self) -> str:
        """One plain line: why this letter is written."""
        a, say = self.a, self.words.reason
        if a.level == "urgent":
            texts = [say(r) for r in a.red_flags]
            return "; ".join(texts) if texts else self.t(T.RED_FLAGS_BELOW)
        scored = [r for r in a.reasons if r.group == "for" and r.rule[:1] == "S" and not r.is_information
                  and r.rule != "S8"]
        if a.level in ("likely", "possible"):
            lead = self.t(T.LIKELY_LEAD if a.level == "likely" else T.POSSIBLE_LEAD)
            texts = [_lower_first(say(r)) for r in scored]
            if len(texts) > 3:
                texts = [*texts[:2], self.t(T.MORE_FEATURES, count=len(texts) - 2)]
            return f"{lead}: " + ("; ".join(texts) if texts else self.t(T.PATTERN_INCOMPLETE))
        local = [say(r) for r in a.reasons if r.rule[:1] == "L" and not r.is_information]
        if local:
            return self.t(T.NO_SPINAL_PATTERN_LOCAL) + "; ".join(_lower_first(t) for t in local)
        return self.t(T.NO_SPINAL_PATTERN)

    def d8_line(self) -> str:
        """The "safety answers to check before the patient leaves" sentence (D8), if any: the
        screening's own, else (an assessment that carries none) made here from the open answers."""
        line = self.words.d8_line()
        if line:
            return line
        open_items = []
        missing = [rf for rf in self.q.red_flag_ids if self.doc.answers.get(rf, UNKNOWN) == UNKNOWN]
        if missing:
            open_items.append(self.t(T.NOT_ASKED_ITEM) + ", ".join(
                question_text(self.q, rf, short=True, language=self.lang).lower() for rf in missing))
        for reason in self.a.reasons:
            if reason.rule.endswith(".unmet"):
                open_items.append(self.words.reason(reason))
        if not open_items:
            return ""
        return f"{self.t(T.OPEN_ANSWERS_LEAD)}: " + "; ".join(open_items) + "."

    def conflicts(self) -> list[str]:
        return [self.words.reason(r) for r in self.a.reasons if r.base_rule == "Q4"]

    def recommendation(self) -> str:
        """The recommendation without its D8 sentence (printed in its own box above)."""
        return self.words.recommendation(with_d8=False)

    def decision(self) -> list[Flowable]:
        s, look = self.s, self.look
        dark = look.text == colors.white
        inner: list[Flowable] = [
            p(look.headline, s.headline_light if dark else s.headline),
            p(look.tier_words, s.sub_light if dark else s.sub),
            bold_lead(self.t(T.REASON_FOR_REFERRAL), self.reason_line(), s.box_light if dark else s.box),
        ]
        # Inset so that a double line, drawn outside the cell, stays inside the printable margin.
        head = Table([[inner]], colWidths=[self.width - 6])
        commands: list[tuple[Any, ...]] = [
            ("BACKGROUND", (0, 0), (-1, -1), look.fill),
            ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
        # A dashed line (possible), a double line (likely, urgent P) or a heavy one (urgent E): still
        # distinct on a greyscale fax.
        commands.append(("BOX", (0, 0), (-1, -1), look.border, colors.black, None,
                         list(look.dash) if look.dash else None, None, 2 if look.double else 1, 2.0))
        head.setStyle(TableStyle(commands))
        # A double line is drawn outside the box: room for it before the next line.
        flow: list[Flowable] = [head, Spacer(1, 2 if look.double else 0.5)]
        checks: list[Flowable] = []
        d8 = self.d8_line()
        if d8:
            checks.append(p(d8, s.check))
        for conflict in self.conflicts():
            checks.append(bold_lead(self.t(T.CONFLICTING), conflict, s.cell))
        if checks:
            flow += [Spacer(1, 1 * mm), self._box(checks, border=2.0, fill=colors.HexColor("#FFF2CC")),
                     Spacer(1, 1)]
        flow.append(bold_lead(self.t(T.RECOMMENDED), self.recommendation(), s.small))
        return [*flow, Spacer(1, 1 * mm)]

    # --- red flags ------------------------------------------------------------------------------

    def onset(self) -> str:
        if self.has(ONSET_FIELD) and not is_blank(answer(self.doc, ONSET_FIELD)):
            return self.said(ONSET_FIELD)
        return ""

    def red_flags(self) -> list[Flowable]:
        s, q, a, lang = self.s, self.q, self.a, self.lang
        lines: list[Flowable] = []
        onset = self.onset()
        for reason in a.red_flags:
            shown = "; ".join(brief(line, 3, lang) for line in describe_because(q, reason.because, language=lang))
            lines.append(bold_lead(f"\u25A0 {self.words.reason(reason)}.", shown + (f". {onset}" if onset else ""),
                                   s.line))
        for reason in a.reasons:
            if reason.rule.endswith(".unmet"):
                lines.append(bold_lead(f"\u25A1 {self.t(T.RULE_NOT_MET)}", self.words.reason(reason), s.line))
        answers = self.doc.answers
        missing = [rf for rf in q.red_flag_ids if answers.get(rf, UNKNOWN) == UNKNOWN]
        if missing:
            names = "; ".join(question_text(q, rf, short=True, language=lang) for rf in missing)
            lines.append(bold_lead(f"\u25B2 {self.t(T.NOT_ASKED_LEAD)}", names, s.line))
        answered_no = [rf for rf in q.red_flag_ids if answers.get(rf) == "no"]
        positive = [rf for rf in q.red_flag_ids if answers.get(rf) not in ("no", UNKNOWN, None)]
        if answered_no:
            if positive or missing:
                text = self.t(T.OTHERS_NO, count=len(answered_no))
            elif self.no_red_flags_allowed():
                text = self.t(T.NO_RED_FLAGS, count=len(answered_no))
            else:
                text = self.t(T.ALL_NO, count=len(answered_no))
            lines.append(p(text, s.line))
        for rf in positive:
            if not any(rf in r.because for r in a.red_flags) and not any(
                    rf in r.because for r in a.reasons if r.rule.endswith(".unmet")):
                lines.append(bold_lead(f"\u25A1 {self.t(T.ALSO_ANSWERED)}",
                                       describe(q, rf, answers.get(rf), language=lang), s.line))
        return [p(self.t(T.RED_FLAGS), s.h2), *lines]

    def no_red_flags_allowed(self) -> bool:
        """Only when the screening itself says so (rule D0 and nothing open)."""
        return any(r.rule == "D0" and "no red flags" in r.text.lower() for r in self.a.reasons) and not self.d8_line()

    # --- summary --------------------------------------------------------------------------------

    def side_line(self, side: str) -> str:
        q, answers, lang = self.q, self.doc.answers, self.lang
        parts = []
        for kind in SYMPTOMS:
            regions = (answers.get(kind) or {}).get(side) or []
            if regions:
                parts.append(brief(describe(q, kind, answers.get(kind), side=side, language=lang), 4, lang))
        for field in ("radiates_to", "weakness"):
            value = (answers.get(field) or {}).get(side) if isinstance(answers.get(field), dict) else None
            if not is_blank(value) and value != "none":
                parts.append(describe(q, field, answers.get(field), side=side, language=lang))
        course = answers.get("weakness_course")
        weak = (answers.get("weakness") or {}).get(side) if isinstance(answers.get("weakness"), dict) else None
        if not is_blank(weak) and weak != "none" and self.has("weakness_course"):
            if isinstance(course, dict):
                parts.append(describe(q, "weakness_course", course, side=side, language=lang))
            else:
                parts.append(describe(q, "weakness_course", course, language=lang))
        return "; ".join(parts)

    def summary_lines(self) -> list[tuple[str, str]]:
        q = self.q
        lines: list[tuple[str, str]] = []
        for side in SIDES:
            text = self.side_line(side)
            if text:
                side_name = q.side_label(side, self.lang)
                if self.lang != ENGLISH:
                    side_name = side_name.lower()
                lines.append((self.t(T.SIDE_LEG, side=side_name), text))
        if not lines:
            lines.append((self.t(T.LEGS), self.t(T.NOTHING_MARKED)))
        course = [self.said(f) for f in ("duration_days", "onset", "trauma", "pain_score_0_10") if self.has(f)]
        lines.append((self.t(T.COURSE), "; ".join(c for c in course if c)))
        back = [self.said(f) for f in ("leg_vs_back", "back_pain", "back_pain_new") if self.has(f)]
        lines.append((self.t(T.LEG_AND_BACK), "; ".join(b for b in back if b)))
        history = [self.said(f) for f in ("back_conditions", "back_surgery") if self.has(f)]
        if self.has("back_surgery") and answer(self.doc, "back_surgery") not in (None, "none"):
            history.append(self.said("back_surgery_months_ago"))
        lines.append((self.t(T.SPINAL_HISTORY), "; ".join(h for h in history if h)))
        health = [self.said(f) for f in ("rf_cancer_history", "rf_osteoporosis_or_steroids", "diabetes",
                                         "blood_thinner") if self.has(f)]
        lines.append((self.t(T.HEALTH), "; ".join(h for h in health if h)))
        return lines

    def summary(self) -> list[Flowable]:
        s = self.s
        return [p(self.t(T.SUMMARY), s.h2), *[bold_lead(lead, text, s.line) for lead, text in self.summary_lines()]]

    # --- body map and alerts ----------------------------------------------------------------------

    def map_and_alerts(self) -> list[Flowable]:
        s, answers = self.s, self.doc.answers
        marked = any((answers.get(kind) or {}).get(side) for kind in SYMPTOMS for side in SIDES)
        alerts = self.a.in_group("alert")
        alert_flow: list[Flowable] = []
        if alerts:
            alert_flow.append(p(self.t(T.NON_SPINAL_ALERT), s.check))
            alert_flow += [p(f"\u25A0 {self.words.reason(r)}", s.cell) for r in alerts]
        if not marked and not alerts:
            return []
        if not marked:
            return [Spacer(1, 1.5 * mm), self._box(alert_flow, border=2.0)]
        drawing = symptom_row(self.doc, self.q, self.width, max_height=48 * mm)
        if self.lang != ENGLISH:
            translate_drawing(drawing)
        flow: list[Flowable] = [Spacer(1, 1.5 * mm), drawing]
        if alerts:
            flow += [Spacer(1, 1.5 * mm), self._box(alert_flow, border=2.0)]
        return flow

    # --- for the clinician ----------------------------------------------------------------------

    def completion(self) -> list[Flowable]:
        s, w = self.s, self.width
        t = self.t
        exam, left, right = t(T.EXAMINATION), t(T.LEFT), t(T.RIGHT)
        rows: list[list[Any]] = [[exam, left, right, exam, left, right]]
        checks = [(t(T.POWER), t(T.REFLEXES)), (t(T.STRAIGHT_LEG), t(T.SENSATION))]
        for a, b in checks:
            rows.append([a, "", "", b, "", ""])
        urgent = self.a.level == "urgent"
        rows.append([t(T.SADDLE), "", "", t(T.BLADDER_SCAN) if urgent else t(T.OTHER), "", ""])
        rows.append([t(T.ACTIONS), "", "", "", t(T.TIME), ""])
        rows.append([t(T.SIGNATURE), "", t(T.NAME), "", t(T.REGISTRATION), ""])
        cw = [w * 0.19, w * 0.12, w * 0.12, w * 0.27, w * 0.15, w * 0.15]
        table = Table(rows, colWidths=cw, rowHeights=[11] + [15] * (len(rows) - 1))
        last = len(rows) - 1
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), BASE_FONT, 7.5, 9),
            ("FONT", (0, 0), (-1, 0), BOLD_FONT, 7.5, 9),
            ("FONT", (0, 1), (0, -1), BOLD_FONT, 7.5, 9),
            ("FONT", (3, 1), (3, -3), BOLD_FONT, 7.5, 9),
            ("FONT", (4, last - 1), (4, last - 1), BOLD_FONT, 7.5, 9),
            ("FONT", (2, last), (2, last), BOLD_FONT, 7.5, 9),
            ("FONT", (4, last), (4, last), BOLD_FONT, 7.5, 9),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID_GREY),
            ("BOX", (0, 0), (-1, -1), 1.0, INK),
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL),
            ("SPAN", (1, last - 1), (3, last - 1)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        return [p(self.t(T.TO_COMPLETE), s.h2), table]

    def flowables(self) -> list[Flowable]:
        return [
            *self.heading(),
            *self.from_to_when(),
            *self.patient(),
            *self.decision(),
            *self.red_flags(),
            *self.summary(),
            *self.map_and_alerts(),
            *self.completion(),
        ]


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def translate_drawing(flowable: Flowable) -> None:
    """The words the body map draws (view titles, Left/Right, the key) in Spanish; a longer word is
    drawn smaller so that it stays inside the width its English had. (drawing.py draws them in English
    only; this stands in until it takes a language.)"""
    from reportlab.graphics.shapes import Group, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    table = T.MAP_WORDS_ES

    def walk(node: Any) -> None:
        for item in getattr(node, "contents", []):
            if isinstance(item, String) and item.text in table:
                new = table[item.text]
                old_width = stringWidth(item.text, item.fontName, item.fontSize)
                new_width = stringWidth(new, item.fontName, item.fontSize)
                if new_width > old_width:
                    item.fontSize = item.fontSize * old_width / new_width
                item.text = new
            elif isinstance(item, Group):
                walk(item)

    walk(getattr(flowable, "drawing", flowable))
