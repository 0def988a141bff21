"""The pages of patient mode: the language page, one question a page, the review, and the short
message pages (tell the front desk, are you still there, thank you, the start page)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from intake_app.domain.language import LANGUAGE_NAMES, LANGUAGES
from intake_app.domain.wording import answer_text, help_text, option_text, question_text, section_title
from intake_app.gui.patient.body_map import RegionPicker
from intake_app.gui.patient.controls import NumberEntry, OptionList, ScoreScale, TextAnswer, WrapButton
from intake_app.gui.patient.flow import PatientFlow, Step
from intake_app.gui.patient.style import MIN_TARGET, set_scaled_font


def _label(text: str, parent: QWidget, *, scale: float = 1.0, bold: bool = False, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    set_scaled_font(label, scale, bold=bold)
    if name:
        label.setObjectName(name)
    return label


class Page(QWidget):
    """A page: its content scrolls when it is taller than the screen (large system fonts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QWidget()
        self.body.setObjectName("pageBody")
        self.content = QVBoxLayout(self.body)
        self.content.setContentsMargins(32, 16, 32, 16)
        self.content.setSpacing(16)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.body)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setAccessibleName(self.tr("Page"))
        self.scroller.setAccessibleDescription(self.tr("The current page of questions"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

    def first_focus(self) -> QWidget | None:
        return None


class LanguagePage(Page):
    """The first page: English or Español, each written in its own language."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content.addStretch(1)
        # Both languages at once: the patient has not chosen yet.
        self.content.addWidget(_label("Choose your language", self.body, scale=1.4, bold=True))
        self.content.addWidget(_label("Elija su idioma", self.body, scale=1.4, bold=True))
        self.buttons: dict[str, WrapButton] = {}
        for language in LANGUAGES:
            name = LANGUAGE_NAMES[language]
            hint = self.tr("questions in this language")
            button = WrapButton(name, self.body, description=f"{name}: {hint}")
            set_scaled_font(button, 1.3, bold=True)
            set_scaled_font(button.label(), 1.3, bold=True)
            button.clicked.connect(partial(self._choose, language))
            self.buttons[language] = button
            self.content.addWidget(button)
        self.content.addStretch(2)

    def _choose(self, language: str, _checked: bool = False) -> None:
        self.chosen.emit(language)

    def first_focus(self) -> QWidget | None:
        return self.buttons[LANGUAGES[0]]


class QuestionPage(Page):
    """One question (or one leg of a per-side question), in the patient's words."""

    answered = Signal(object)

    def __init__(self, flow: PatientFlow, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        q, question, lang = flow.questionnaire, step.question, flow.language
        section = q.section_of(question.id)
        self.content.addWidget(_label(section_title(section, language=lang, audience="patient"), self.body,
                                      name="help"))
        if step.side is not None:
            side = self.tr("Your left leg") if step.side == "left" else self.tr("Your right leg")
            self.content.addWidget(_label(side, self.body, bold=True))
        self.question_label = _label(question_text(q, question, language=lang, audience="patient"), self.body,
                                     scale=1.25, bold=True)
        self.content.addWidget(self.question_label)
        hint = help_text(q, question, language=lang, audience="patient")
        self.help_label = _label(hint, self.body, name="help") if hint else None
        if self.help_label is not None:
            self.content.addWidget(self.help_label)
        description = question_text(q, question, language=lang, audience="patient")
        self.control = self._control(flow, step, description)
        self.control.set_value(flow.value(step))
        self.control.changed.connect(self.answered.emit)
        if question.type == "per_side_regions":
            self.content.addWidget(self.control, 1)
        else:
            self.content.addWidget(self.control)
            self.content.addStretch(1)

    def _control(self, flow: PatientFlow, step: Step, description: str) -> Any:
        q, question, lang = flow.questionnaire, step.question, flow.language
        kind = question.type
        if kind == "per_side_regions":
            return RegionPicker(q, question, lang, self.body)
        if kind in ("choice", "multi", "per_side_choice", "sex"):
            options = [(o.value, option_text(q, question, o.value, language=lang, audience="patient"))
                       for o in question.options]
            return OptionList(options, self.body, multiple=kind == "multi", exclusive=question.exclusive,
                              description=description)
        if kind == "integer" and question.minimum is not None and question.maximum is not None:
            if question.maximum - question.minimum <= 10 and not question.unit:
                return ScoreScale(question.minimum, question.maximum, self.body, description=description,
                                  low=self.tr("no pain"), high=self.tr("worst pain"))
            return NumberEntry(question.minimum, question.maximum, question.unit.text(lang), self.body,
                               description=description, less=self.tr("Less"), more=self.tr("More"))
        return TextAnswer(question.max_length, question.multiline, self.body, description=description)

    def first_focus(self) -> QWidget | None:
        control = self.control
        if isinstance(control, OptionList | ScoreScale):
            buttons = control.buttons()
            chosen = [b for b in buttons if b.isChecked()]
            return (chosen or buttons)[0]
        if isinstance(control, NumberEntry):
            return control.spin
        if isinstance(control, TextAnswer):
            return control.edit
        if isinstance(control, RegionPicker):
            return control.lists["left"].buttons()[0]
        return None


class ReviewPage(Page):
    """Every answer the patient gave, in their language, each with a button to change it."""

    change = Signal(str)

    def __init__(self, flow: PatientFlow, steps: Sequence[Step], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        q, lang = flow.questionnaire, flow.language
        self.content.addWidget(_label(self.tr("Please check your answers"), self.body, scale=1.25, bold=True))
        self.content.addWidget(_label(self.tr("Touch Change to correct an answer. When all is right, touch "
                                              "I have finished."), self.body, name="help"))
        self.change_buttons: list[QPushButton] = []
        for step in steps:
            row = QFrame(self.body)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 8, 0, 8)
            words = QVBoxLayout()
            asked = question_text(q, step.question, language=lang, audience="patient")
            if step.side is not None:
                leg = self.tr("left leg") if step.side == "left" else self.tr("right leg")
                asked = f"{asked} ({leg})"
            value = flow.value(step)
            if value is None:
                answer = self.tr("No answer")
            else:
                answer = answer_text(q, step.question, value, language=lang, audience="patient")
            words.addWidget(_label(asked, row, bold=True))
            words.addWidget(_label(answer, row))
            layout.addLayout(words, 1)
            button = QPushButton(self.tr("Change"), row)
            button.setMinimumSize(MIN_TARGET * 3, MIN_TARGET + 12)
            button.setAccessibleName(f"{self.tr('Change')}: {asked}")
            button.setAccessibleDescription(self.tr("Go back to this question to change the answer"))
            button.clicked.connect(partial(self._change, step.key))
            self.change_buttons.append(button)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.content.addWidget(row)
        self.content.addStretch(1)

    def _change(self, key: str, _checked: bool = False) -> None:
        self.change.emit(key)

    def first_focus(self) -> QWidget | None:
        return self.change_buttons[0] if self.change_buttons else None


class MessagePage(Page):
    """A heading, a few calm words, and big buttons."""

    def __init__(self, heading: str, text: str, buttons: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None, *, calm: bool = False) -> None:
        super().__init__(parent)
        frame = QFrame(self.body)
        if calm:
            frame.setObjectName("calm")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(20)
        layout.addWidget(_label(heading, frame, scale=1.4, bold=True))
        if text:
            layout.addWidget(_label(text, frame))
        self.buttons: list[WrapButton] = []
        for caption, description in buttons:
            button = WrapButton(caption, frame, description=description)
            button.setObjectName("primary")
            self.buttons.append(button)
            layout.addWidget(button)
        self.content.addStretch(1)
        self.content.addWidget(frame)
        self.content.addStretch(2)

    def first_focus(self) -> QWidget | None:
        return self.buttons[0] if self.buttons else None
