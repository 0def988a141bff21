"""One question of the intake form: its wording, markers, help text, editor and the problem beside it.

The wording and help are the questionnaire's, in the editor's language (the desk's), through domain/wording.py.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from intake_app.domain.questionnaire import Question
from intake_app.domain.wording import help_text, question_text
from intake_app.gui.field_widgets import FieldEditor, RadioChoiceEditor


class QuestionRow(QFrame):
    """One question: its wording, markers, help text, editor and the problem shown beside it."""

    def __init__(self, question: Question, editor: FieldEditor, section_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.question = question
        self.editor = editor
        self.section_id = section_id
        self.external_problems: list[str] = []
        self.language = editor.language
        self.wording = question_text(editor.questionnaire, question, language=self.language)
        self.help_wording = help_text(editor.questionnaire, question, language=self.language)
        self.setObjectName("redFlagRow" if question.red_flag else "questionRow")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10 if question.red_flag else 0, 6, 6, 6)
        layout.setSpacing(4)

        header = QHBoxLayout()
        header.setSpacing(6)
        self.badge: QLabel | None = None
        if question.red_flag:
            # Only a red flag that fired wears red; the others look like any question, so the real
            # alarm stands out.
            self.badge = QLabel(self.tr("Red flag"), self)
            self.badge.setObjectName("redFlagBadge")
            self.badge.setAccessibleName(self.tr("Red flag raised by this answer"))
            self.badge.hide()
            header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setObjectName("question")
        self.label.setWordWrap(True)
        bold = QFont(self.label.font())
        bold.setBold(True)
        self.label.setFont(bold)
        self.label.setAccessibleName(self.wording)
        if question.required:
            # The mark sits right after the wording, so it reads as part of the question.
            self.label.setTextFormat(Qt.TextFormat.RichText)
            self.label.setText(f'{html.escape(self.wording)} <span style="color:#b3261e">*</span>')
            self.label.setAccessibleDescription(self.tr("required"))
            self.label.setToolTip(self.tr("An answer is required"))
        else:
            self.label.setTextFormat(Qt.TextFormat.PlainText)
            self.label.setText(self.wording)
        self.label.setBuddy(editor.focus_control())
        header.addWidget(self.label, 1)
        layout.addLayout(header)

        self.help: QLabel | None = None
        if self.help_wording:
            self.help = QLabel(self.help_wording, self)
            self.help.setObjectName("help")
            self.help.setTextFormat(Qt.TextFormat.PlainText)
            self.help.setWordWrap(True)
            small = QFont(self.help.font())
            small.setPointSizeF(max(small.pointSizeF() - 1, 7.5))
            self.help.setFont(small)
            layout.addWidget(self.help)

        layout.addSpacing(2)
        layout.addWidget(editor)

        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.refresh_problem()

    def set_fired(self, fired: bool) -> None:
        """Wear red (badge and border) while this safety answer raises a red flag."""
        if self.badge is None or self.badge.isHidden() != fired:
            return
        self.badge.setVisible(fired)
        self.setProperty("fired", fired)
        self.style().unpolish(self)
        self.style().polish(self)

    def is_fired(self) -> bool:
        return self.badge is not None and not self.badge.isHidden()

    def problem_text(self) -> str:
        """What is wrong right now: the editor's own check first, then problems handed in."""
        local = self.editor.local_problem()
        return "\n".join([local] if local else self.external_problems)

    def refresh_problem(self) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        parts = []
        if self.question.red_flag:
            parts.append(self.tr("Red-flag question."))
        if self.question.required:
            parts.append(self.tr("Required."))
        if self.help_wording:
            parts.append(self.help_wording)
        if isinstance(self.editor, RadioChoiceEditor) and not self.question.red_flag:
            parts.append(self.tr("Press Delete to clear the answer."))
        if text:
            parts.append(text)
        if isinstance(self.editor, RadioChoiceEditor) or self.question.type == "multi":
            # Radio buttons and check boxes are named by their option; the question goes here.
            parts.insert(0, self.wording)
        self.editor.set_accessible_description(" ".join(parts))
