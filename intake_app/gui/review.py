"""The summary page shown before an intake is completed: every answer in plain words, section by section.

Unanswered questions and safety questions left "not asked" are highlighted; each answer has an "Edit"
link that goes back to its question. Problems that stop completion (a required answer missing, a red
flag not yet acknowledged) are listed first, each in the question's own words with "Go to question".
Questions, answers and section titles are the questionnaire's wording in the desk's language
(`language=`, by default the clinic's), the page's own words through Qt's translation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from intake_app.domain.questionnaire import Questionnaire
from intake_app.domain.wording import answer_text, question_text, section_title, split_key
from intake_app.gui import messages
from intake_app.gui.field_widgets import desk_language
from intake_app.gui.flow_layout import FlowLayout

UNKNOWN = "unknown"
_STYLE = (
    "h3 { margin: 10px 0 4px 0; color: #2b3a4a; } table { border-collapse: collapse; }"
    " td { padding: 3px 8px; vertical-align: top; } .q { color: #2b3a4a; } .a { font-weight: 600; }"
    " .missing td { background: #fff4d6; } .notasked td { background: #fbe3e1; }"
    " .problems { background: #fbe3e1; padding: 6px; } a { color: #1d5fa8; }"
)


def problem_name(questionnaire: Questionnaire, field: str, *, language: str | None = None) -> str:
    """A problem's field ("answers.weakness_course.right") in the question's own words, in the desk's
    language unless `language` is given."""
    language = language or desk_language()
    key = field.removeprefix("answers.")
    question_id, side = split_key(key)
    text = question_text(questionnaire, question_id, language=language)
    if side is not None:
        text += f" ({questionnaire.side_label(side, language)})"
    return text


def summary_html(questionnaire: Questionnaire, answers: Mapping[str, Any], shown: Callable[[str], bool],
                 problems: list[tuple[str, str]], *, read_only: bool, language: str | None = None) -> str:
    """The review as HTML: problems first (with links), then each section's questions and answers."""
    language = language or desk_language()
    parts: list[str] = []
    if problems:
        go = escape(QCoreApplication.translate("SummaryPage", "Go to question"))
        items = "".join(
            f"<li>{escape(problem_name(questionnaire, field, language=language))}: "
            f"{escape(messages.desk_text(message))} "
            f"<a href='go:{escape(field.removeprefix('answers.'))}'>{go}</a></li>"
            for field, message in problems
        )
        before = escape(QCoreApplication.translate("SummaryPage", "Before completing:"))
        parts.append(f"<div class='problems'><b>{before}</b><ul>{items}</ul></div>")
    not_asked = QCoreApplication.translate("SummaryPage", "NOT ASKED")
    edit = escape(QCoreApplication.translate("SummaryPage", "Edit"))
    for section in questionnaire.sections:
        rows = []
        for question in section.questions:
            if question.part != "answers" or not shown(question.id):
                continue
            value = answers.get(question.id)
            words = answer_text(questionnaire, question, value, language=language)
            if value == UNKNOWN and question.red_flag:
                css, words = "notasked", not_asked
            elif value in (None, [], {}, ""):
                css = "missing"
            else:
                css = ""
            link = "" if read_only else f" <a href='edit:{escape(question.id)}'>{edit}</a>"
            label = question_text(questionnaire, question, language=language)
            rows.append(f"<tr class='{css}'><td class='q' width='48%'>{escape(label)}</td>"
                        f"<td class='a' width='44%'>{escape(words)}</td><td width='8%'>{link}</td></tr>")
        if rows:
            title = section_title(section, language=language)
            parts.append(f"<h3>{escape(title)}</h3><table width='100%'>{''.join(rows)}</table>")
    return "".join(parts)


class SummaryPage(QWidget):
    """Summary before completing; `edit_requested(field)`, `complete_requested()`, `back_requested()`.

    Named apart from patient mode's ReviewPage: Qt looks interface strings up by class name, and patient
    mode's translation (in the patient's language) answers for its own classes' names only."""

    edit_requested = Signal(str)
    complete_requested = Signal()
    complete_and_print_requested = Signal()
    back_requested = Signal()
    acknowledge_requested = Signal()

    def __init__(self, questionnaire: Questionnaire, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        super().__init__(parent)
        self.questionnaire = questionnaire
        self.language = language or desk_language()
        self.heading = QLabel(self.tr("Review the answers before completing"), self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.note = QLabel(self.tr("Highlighted: not answered (yellow) and safety questions NOT ASKED (red)."), self)
        self.note.setObjectName("muted")
        self.note.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("reviewText")
        self.browser.setAccessibleName(self.tr("Every answer of this intake"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDefaultStyleSheet(_STYLE)
        self.browser.anchorClicked.connect(self._on_link)
        self.back_button = QPushButton(self.tr("\u2190 Back to the form"), self)
        self.back_button.setObjectName("reviewBack")
        self.ack_button = QPushButton(self.tr("Acknowledge red flag..."), self)
        self.ack_button.setObjectName("reviewAcknowledge")
        self.complete_button = QPushButton(self.tr("Complete &now"), self)
        self.complete_print_button = QPushButton(self.tr("Complete and print &both..."), self)
        self.complete_print_button.setObjectName("primaryButton")
        self.complete_print_button.setToolTip(
            self.tr("Complete, then print the referral summary and the handout (Ctrl+Enter)"))
        self.back_button.clicked.connect(self.back_requested)
        self.ack_button.clicked.connect(self.acknowledge_requested)
        self.complete_button.clicked.connect(self.complete_requested)
        self.complete_print_button.clicked.connect(self.complete_and_print_requested)
        buttons_box = QWidget(self)
        buttons = FlowLayout(buttons_box, spacing=8)
        for button in (self.back_button, self.ack_button, self.complete_button, self.complete_print_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons_box)
        self.problems: list[tuple[str, str]] = []

    def show_summary(self, answers: Mapping[str, Any], shown: Callable[[str], bool],
                     problems: list[tuple[str, str]], *, needs_acknowledgement: bool, read_only: bool = False) -> None:
        self.problems = list(problems)
        if needs_acknowledgement:
            self.problems.insert(0, ("ack", self.tr("the red flag must be acknowledged by a named clinician first")))
        html = summary_html(self.questionnaire, answers, shown,
                            [p for p in self.problems if p[0] != "ack"], read_only=read_only, language=self.language)
        if needs_acknowledgement:
            html = ("<div class='problems'>"
                    + self.tr("<b>URGENT:</b> a clinician must acknowledge the red flag before the intake can be "
                              "completed. <a href='ack:'>Acknowledge</a>")
                    + "</div>") + html
        self.browser.setHtml(html)
        self.ack_button.setVisible(needs_acknowledgement and not read_only)
        for button in (self.complete_button, self.complete_print_button):
            button.setVisible(not read_only)
            button.setEnabled(not self.problems)
        self.heading.setText(self.tr("All answers") if read_only else self.tr("Review the answers before completing"))

    def text(self) -> str:
        return self.browser.toPlainText()

    def _on_link(self, url: QUrl) -> None:
        target = url.toString()
        kind, _, field = target.partition(":")
        if kind in ("edit", "go"):
            self.edit_requested.emit(field)
        elif kind == "ack":
            self.acknowledge_requested.emit()


#: The name the intake page knows the summary page by.
ReviewPage = SummaryPage
