"""The referral letter for the receiving clinician.

Page 1 (letter.py) stands alone and is what an urgent letter faxes. After it: the questions and
answers in plain words, then an appendix with every safety question and its answer, the rule trace
in plain words with a key to the rule ids, the numbered sources the trace cites, and the
questionnaire and rules versions. Answers are worded by intake_app.domain.wording only; no field
key or value code is printed. Tables split only between rows.

Written in the clinic's language (`language`: "en" or "es"; None: the clinic's language from the
options when the letter is written in it, else English). Fixed words come from referral_text, each
beside its English; the screening's lines in Spanish from referral_advice_es. The trace keeps its rule
ids, and the evidence and source titles stay in English (the literature is English).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepInFrame, PageBreak, TableStyle

from intake_app import __version__
from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.questionnaire import Questionnaire, load_questionnaire
from intake_app.domain.wording import answer_text, describe_because, question_text, section_title
from intake_app.reports import referral_text as T
from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, para, rich, text_para
from intake_app.reports.handout_text import Say
from intake_app.reports.layout import Footer, Table, content_width, frame_height, render, style
from intake_app.reports.letter import GRID_GREY, LABEL_FILL, FirstPage
from intake_app.reports.options import ReportError, ReportOptions
from intake_app.reports.referral_advice_es import words_for
from intake_app.reports.referral_text import REFERRAL_LANGUAGES, letter_date, referral_language
from intake_app.reports.wording import SOURCE_TITLES, applies, brief, cited_sources, source_text
from intake_app.screening.model import GROUP_ORDER, Assessment, Reason
from intake_app.translation_marks import QT_TRANSLATE_NOOP

TITLE = T.TITLE.en
SIZE = 7.3
SEPARATOR = "  \u00b7  "
LEADING = 8.5
EVIDENCE_GREY = "#4A4F55"
# Sections printed on page 1 or in the appendix rather than in the questions and answers.
SKIPPED_SECTIONS = ("patient", "safety")


def _rule_names() -> dict[str, str]:
    from intake_app.screening import RULES

    return {rule.id: rule.name for rule in RULES}


class _Styles:
    def __init__(self) -> None:
        self.h1 = style("r_h1", 10.5, bold=True, leading=12.5, spaceBefore=2, spaceAfter=2)
        self.h2 = style("r_h2", 8.5, bold=True, leading=10.5, spaceBefore=4, spaceAfter=1.5)
        self.cell = style("r_cell", SIZE, leading=LEADING)
        self.cell_bold = style("r_cell_bold", SIZE, bold=True, leading=LEADING)
        self.body = style("r_body", SIZE, leading=LEADING, spaceAfter=1.5)
        self.small = style("r_small", 6.6, leading=7.8, spaceAfter=0.5)


def _grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], *, header: bool = True,
          extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A ruled table whose header repeats on each page it flows onto; rows never split."""
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), BASE_FONT, SIZE, LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID_GREY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL), ("FONT", (0, 0), (-1, 0), BOLD_FONT, SIZE, LEADING)]
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


class _Referral:
    def __init__(self, document: IntakeDocument, assessment: Assessment, options: ReportOptions,
                 language: str) -> None:
        self.doc = document
        self.a = assessment
        self.opt = options
        self.lang = language
        self.q: Questionnaire = load_questionnaire(document.questionnaire)
        self.words = words_for(language, document, assessment, self.q, options.emergency_department)
        self.s = _Styles()
        self.width = content_width(options.page_size)
        self.generated = options.generated_at or dt.datetime.now().replace(microsecond=0)

    def t(self, text: Say, **values: object) -> str:
        return T.say(text, self.lang, **values)

    # --- page 1 ---------------------------------------------------------------------------------

    def first_page(self) -> list[Flowable]:
        page = FirstPage(self.doc, self.a, self.q, self.opt, self.width, self.generated, self.words)
        height = frame_height(self.opt.page_size, self.footer())
        return [KeepInFrame(self.width, height, page.flowables(), mode="shrink"), PageBreak()]

    # --- questions and answers ------------------------------------------------------------------

    def answers(self) -> list[Flowable]:
        """Each section as running text ("Pain: ...  ·  Numbness: ..."): denser than a table."""
        s, q, lang = self.s, self.q, self.lang
        flow: list[Flowable] = [text_para(self.t(T.QUESTIONS_AND_ANSWERS), s.h1)]
        for section in q.sections:
            if section.id in SKIPPED_SECTIONS:
                continue
            items = []
            for question in section.questions:
                if question.part != "answers" or not applies(q, question, self.doc.answers):
                    continue
                value = self.doc.answers.get(question.id)
                items.append((question_text(q, question, short=True, language=lang),
                              answer_text(q, question, value, language=lang)))
            if not items:
                continue
            title = section_title(section, language=lang)
            markup = f"<b>{rich(title)}.</b> " + SEPARATOR.join(
                f"<b>{rich(label)}:</b> {rich(value)}" for label, value in items)
            plain = " ".join(f"{label} {value}" for label, value in items)
            flow.append(para(markup, s.body, plain))
        return flow

    # --- appendix ---------------------------------------------------------------------------------

    def safety_questions(self) -> list[Flowable]:
        s, q, lang = self.s, self.q, self.lang
        flow: list[Flowable] = [CondPageBreak(40 * mm), *self.appendix_heading(),
                                text_para(self.t(T.EVERY_SAFETY_QUESTION), s.h2)]
        items = []
        for rf in q.red_flag_ids:
            value = self.doc.answers.get(rf, UNKNOWN)
            text = answer_text(q, rf, value, language=lang)
            if value == UNKNOWN:
                shown = f"<b>{rich(text.upper())}</b>"
            elif value != "no":
                shown = f"<b>{rich(text)}</b>"
            else:
                shown = rich(text)
            label = question_text(q, rf, short=True, language=lang)
            items.append((f"{rich(label)}: {shown}", f"{label} {text}"))
        flow.append(para(SEPARATOR.join(m for m, _ in items), s.body, " ".join(t for _, t in items)))
        return flow

    def trace(self) -> list[Flowable]:
        s, q, w = self.s, self.q, self.width
        flow: list[Flowable] = [
            CondPageBreak(30 * mm),
            text_para(self.t(T.TRACE_HEADING, version=self.a.rules_version), s.h2),
        ]
        rows: list[list[Any]] = [[self.t(T.TRACE_RULE), self.t(T.TRACE_FINDING)]]
        extra: list[tuple[Any, ...]] = []
        widths = [w * 0.065, w * 0.935]
        for group in GROUP_ORDER:
            reasons = [r for r in self.a.in_group(group) if not r.rule.endswith(".no")]
            if not reasons:
                continue
            rows.append([self.t(T.GROUP_TITLES[group]), ""])
            extra += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                      ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#F6F7F8")),
                      ("FONT", (0, len(rows) - 1), (-1, len(rows) - 1), BOLD_FONT, SIZE, LEADING)]
            for r in reasons:
                rows.append(self.trace_row(r, q))
                if not r.is_information:
                    extra.append(("FONT", (0, len(rows) - 1), (0, len(rows) - 1), BOLD_FONT, SIZE, LEADING))
        flow.append(_grid(rows, widths, extra=extra))
        return flow

    def trace_row(self, r: Reason, q: Questionnaire) -> list[Any]:
        """Rule id | the finding, its answers (long lists shortened) and the evidence with sources."""
        evidence = " ".join(part for part in (r.evidence.strip(), source_text(r.source)) if part)
        because = [brief(line, 2, self.lang) for line in describe_because(q, r.because, language=self.lang)]
        text = self.words.reason(r)
        markup = rich(text)
        plain = " ".join([text, *because, evidence])
        if because:
            markup += f" \u2014 <i>{rich(self.t(T.ANSWERS))}</i> " + "; ".join(rich(line) for line in because)
        if evidence:
            markup += f' <font size="6.5" color="{EVIDENCE_GREY}">\u2014 {rich(evidence)}</font>'
        rule, _, suffix = r.rule.partition(".")
        return [f"{rule}\n{suffix}" if suffix else rule, para(markup, self.s.cell, plain)]

    def shown_reasons(self) -> list[Reason]:
        return [r for r in self.a.reasons if not r.rule.endswith(".no")]

    def rule_key(self) -> list[Flowable]:
        names = _rule_names()
        seen: list[str] = []
        for r in self.shown_reasons():
            if r.base_rule not in seen:
                seen.append(r.base_rule)
        local = self.t(T.LOCAL_RULE)
        parts = [f"<b>{rich(rule)}</b> {rich(self.words.rule_name(rule, names.get(rule, local)))}" for rule in seen]
        text = f"{rich(self.t(T.KEY_HEADING))} " + "; ".join(parts) + f". {rich(self.t(T.KEY_SUFFIX))}"
        return [para(text, self.s.body, text)]

    def sources(self) -> list[Flowable]:
        s = self.s
        keys = cited_sources([*(r.source for r in self.shown_reasons())])
        flow: list[Flowable] = [CondPageBreak(12 * mm), text_para(self.t(T.SOURCES), s.h2)]
        entries = []
        for key in keys:
            label = "[A1-A9]" if key == "A" else f"[{key}]"
            entries.append(f"<b>{label}</b> {rich(SOURCE_TITLES.get(key, self.t(T.SOURCE, key=key)))}")
        flow.append(para(SEPARATOR.join(entries), s.small, ""))
        return flow

    def appendix_heading(self) -> list[Flowable]:
        """The appendix title with the versions that produced this letter."""
        title = self.q.title.text(self.lang) if hasattr(self.q.title, "text") else str(self.q.title)
        versions = self.t(T.VERSIONS, title=title, version=self.q.ref.rpartition("/")[2], rules=self.a.rules_version,
                          app=__version__)
        markup = (f"{rich(self.t(T.APPENDIX))} <font size=\"7.5\" name=\"{BASE_FONT}\">- "
                  f"{rich(versions)}</font>")
        return [para(markup, self.s.h1, versions)]

    def story(self) -> list[Flowable]:
        return [
            *self.first_page(),
            *self.answers(),
            *self.safety_questions(),
            *self.trace(),
            *self.rule_key(),
            *self.sources(),
        ]

    def footer(self) -> Footer:
        patient = self.doc.patient
        amended = f" - {self.t(T.AMENDED, revision=self.opt.revision)}" if self.opt.revision > 1 else ""
        born = self.t(T.FOOTER, born=letter_date(patient.date_of_birth, self.lang))
        markup = (f"<b>{rich(patient.display_name)}</b>  |  {rich(born)}"
                  f"  |  {rich(self.t(T.TITLE))}{rich(amended)} - {rich(self.t(T.FOOTER_AID))}")
        return Footer(markup, 7.5, patient.display_name, page_label=self.t(T.PAGE, number="{number}",
                                                                             total="{total}"))


def build_referral(document: IntakeDocument, assessment: Assessment, options: ReportOptions, *,
                   language: str | None = None) -> bytes:
    """The referral letter for the receiving clinician, as PDF bytes, in `language` ("en" or "es";
    None: the clinic's language, options.clinic_language, when the letter is written in it, else English)."""
    try:
        chosen = referral_language(language, options.clinic_language)
    except ValueError:
        known = " or ".join(REFERRAL_LANGUAGES)
        raise ReportError(
            QT_TRANSLATE_NOOP("IntakeError", "The referral letter is written in {known}, not {language}."),
            params={"known": known, "language": repr(str(language)[:20])},
        ) from None
    referral = _Referral(document, assessment, options, chosen)
    return render(referral.story(), paper=options.page_size, title=referral.t(T.TITLE), footer=referral.footer(),
                  invariant=options.generated_at is not None)
