"""Patient mode: the patient answers their own intake on the clinic's PC (full screen, or a second
screen), one question a page, in English or Spanish.

Staff start it for one selected patient and one draft; it shows nothing else (no patient list, no
menus). Leaving needs a staff sign-in (`staff_sign_in(parent) -> bool`, given by the caller):
closing the window (Alt+F4), Escape and the Staff button all ask for it. After IDLE_PROMPT_S
seconds without a touch it asks "Are you still there?"; IDLE_SAVE_S seconds later it saves the
draft through `save_draft` and shows a start page that shows nothing of the intake. A positive
answer to a safety question emits `redFlagAnswered` at once, for the desk's urgent banner; on a
single screen the patient then sees a calm "please tell the front desk now" page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE, Questionnaire, load_questionnaire
from intake_app.gui.patient.flow import PatientFlow, PatientResult, Step, is_positive_red_flag
from intake_app.gui.patient.pages import LanguagePage, MessagePage, Page, QuestionPage, ReviewPage
from intake_app.gui.patient.style import MIN_TARGET, TARGET_HEIGHT, apply_fonts, patient_font, style_sheet
from intake_app.gui.patient.translations import install_translator, remove_translator

IDLE_PROMPT_S = 180.0  # no touch for 3 minutes: "Are you still there?"
IDLE_SAVE_S = 60.0  # no answer for a further minute: save the draft, show the start page
IDLE_CHECK_MS = 1000

StaffSignIn = Callable[[QWidget], bool]
SaveDraft = Callable[[PatientResult], None]
_TOUCHES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin,
                      QEvent.Type.TouchUpdate, QEvent.Type.Wheel})


class PatientMode(QWidget):
    """The patient's own intake, one question a page. `result()` gives the answers so far."""

    redFlagAnswered = Signal(str, str)  # field, value: show the urgent banner on the staff screen now
    finished = Signal(object)  # PatientResult (finished=True), after it was saved
    saved = Signal(object)  # PatientResult, after each save (finish, idle, staff leaving)
    left = Signal()  # staff signed in and left patient mode
    pageChanged = Signal(str)  # "language", "question", "review", "tell_desk", "still_there", "start", ...

    def __init__(self, answers: Mapping[str, Any] | None = None, *, staff_sign_in: StaffSignIn,
                 save_draft: SaveDraft, questionnaire: Questionnaire | None = None,
                 clock: Callable[[], float] = time.monotonic, single_screen: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientMode")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(style_sheet())  # with its font sizes: the desk's sheet sets 10 pt
        self.setFont(patient_font())
        self.setWindowTitle(self.tr("Your answers"))
        self.flow = PatientFlow(questionnaire or load_questionnaire(DEFAULT_QUESTIONNAIRE), dict(answers or {}))
        self._staff_sign_in = staff_sign_in
        self._save_draft = save_draft
        self._clock = clock
        self._single_screen = single_screen
        self._translator: Any = None
        self._may_close = False
        self._signalled: set[tuple[str, str]] = set()
        self._tell_desk_due = False
        self._told_desk = False
        self._index = 0  # the current step while a question page shows
        self._page_kind = "language"
        self._before_idle: str | None = None
        self._idle_since = clock()
        self._asked_at: float | None = None
        self._build()
        self._show_language()
        self._timer = QTimer(self)
        self._timer.setInterval(IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        self._timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # --- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 0)
        self.progress = QProgressBar(self)
        self.progress.setMinimumHeight(MIN_TARGET - 8)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.staff_button = QPushButton(self)
        self.staff_button.setMinimumHeight(MIN_TARGET + 12)
        self.staff_button.clicked.connect(self.staff_requested)
        self.staff_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        top.addWidget(self.progress_label)
        top.addWidget(self.progress, 1)
        top.addStretch(0)
        top.addWidget(self.staff_button)
        self.stack = QStackedLayout()
        bottom = QHBoxLayout()
        bottom.setContentsMargins(24, 8, 24, 16)
        self.back_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("primary")
        for button in (self.back_button, self.next_button):
            button.setMinimumSize(MIN_TARGET * 5, TARGET_HEIGHT + 8)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(top)
        outer.addLayout(self.stack, 1)
        outer.addLayout(bottom)
        apply_fonts(self)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Your answers"))
        self.staff_button.setText(self.tr("Staff"))
        self.staff_button.setAccessibleName(self.tr("Staff"))
        self.staff_button.setAccessibleDescription(self.tr("For the front desk: sign in to leave or help"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.setAccessibleDescription(self.tr("Go to the previous page"))
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setAccessibleDescription(self.tr("How far you are through the questions"))
        self._update_nav()

    def _set_page(self, page: Page, kind: str) -> None:
        old = self.stack.currentWidget()
        apply_fonts(page)
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._page_kind = kind
        self._update_nav()
        focus = page.first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pageChanged.emit(kind)

    def page(self) -> Page:
        widget = self.stack.currentWidget()
        assert isinstance(widget, Page)
        return widget

    def page_kind(self) -> str:
        return self._page_kind

    def _update_nav(self) -> None:
        kind = self._page_kind
        steps = self.flow.steps()
        on_question = kind == "question"
        self.back_button.setVisible(kind in ("question", "review"))
        self.next_button.setVisible(kind in ("question", "review"))
        self.progress.setVisible(kind in ("question", "review"))
        self.progress_label.setVisible(kind in ("question", "review"))
        total = max(len(steps), 1)
        done = self._index + 1 if on_question else total
        self.progress.setRange(0, total)
        self.progress.setValue(done if on_question else total)
        if kind == "review":
            self.progress_label.setText(self.tr("Last step"))
        else:
            self.progress_label.setText(self.tr("Question {0} of {1}").format(min(done, total), total))
        self.progress.setAccessibleDescription(self.progress_label.text())
        if kind == "review":
            self.next_button.setText(self.tr("I have finished"))
            self.next_button.setAccessibleName(self.tr("I have finished"))
            self.next_button.setAccessibleDescription(self.tr("Send your answers to the front desk"))
            self.next_button.setEnabled(True)
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next"))
            step = self._step()
            blocked = step is not None and self.flow.needs_answer(step)
            self.next_button.setEnabled(not blocked)
            self.next_button.setAccessibleDescription(
                self.tr("Choose an answer first. If you are not sure, choose I don't know.") if blocked
                else self.tr("Go to the next page"))

    # --- pages ----------------------------------------------------------------------------------

    def _show_language(self) -> None:
        page = LanguagePage()
        page.chosen.connect(self.choose_language)
        self._set_page(page, "language")

    def choose_language(self, language: str) -> None:
        remove_translator(self._translator)
        self._translator = install_translator(language, self)
        self.flow.set_language(language)
        self._retranslate()
        self._show_step(0)

    def _step(self) -> Step | None:
        steps = self.flow.steps()
        return steps[self._index] if self._page_kind == "question" and 0 <= self._index < len(steps) else None

    def _show_step(self, index: int) -> None:
        steps = self.flow.steps()
        if not steps:
            self._show_review()
            return
        self._index = max(0, min(index, len(steps) - 1))
        page = QuestionPage(self.flow, steps[self._index])
        page.answered.connect(self._answered)
        self._page_kind = "question"
        self._set_page(page, "question")

    def _show_review(self) -> None:
        page = ReviewPage(self.flow, self.flow.steps())
        page.change.connect(self._change)
        self._set_page(page, "review")

    def _change(self, key: str) -> None:
        index = self.flow.index_of(key)
        if index is not None:
            self._show_step(index)

    def _answered(self, value: Any) -> None:
        page = self.page()
        if not isinstance(page, QuestionPage):
            return
        step = page.step
        self.flow.set_value(step, value)
        if is_positive_red_flag(step.question, value) and (step.question.id, str(value)) not in self._signalled:
            self._signalled.add((step.question.id, str(value)))
            self._tell_desk_due = self._single_screen and not self._told_desk
            self.redFlagAnswered.emit(step.question.id, str(value))
        # The step list may have changed (a question now applies): keep this step current.
        index = self.flow.index_of(step.key)
        if index is not None:
            self._index = index
        self._update_nav()

    def go_next(self) -> None:
        if self._page_kind == "review":
            self.finish()
            return
        if self._page_kind != "question" or not self.next_button.isEnabled():
            return
        if self._tell_desk_due:
            self._tell_desk_due = False
            self._told_desk = True
            self._show_tell_desk()
            return
        self._advance()

    def _advance(self) -> None:
        if self._index + 1 < len(self.flow.steps()):
            self._show_step(self._index + 1)
        else:
            self._show_review()

    def go_back(self) -> None:
        if self._page_kind == "review":
            self._show_step(len(self.flow.steps()) - 1)
        elif self._page_kind == "question":
            if self._index == 0:
                self._show_language()
            else:
                self._show_step(self._index - 1)

    def _show_tell_desk(self) -> None:
        page = MessagePage(
            self.tr("Please tell the front desk now"),
            self.tr("Thank you for this answer. Please go to the front desk now and tell them you have "
                    "reached this page. They will want to talk with you."),
            [(self.tr("Continue with the questions"), self.tr("Go on to the next question"))],
            calm=True)
        page.buttons[0].clicked.connect(self._advance)
        self._set_page(page, "tell_desk")

    def finish(self) -> None:
        result = self.flow.result(finished=True)
        self._save(result)
        page = MessagePage(self.tr("Thank you"),
                           self.tr("You have answered all the questions. Please tell the front desk that "
                                   "you have finished."))
        self._set_page(page, "finished")
        self.finished.emit(result)

    def result(self) -> PatientResult:
        return self.flow.result()

    def _save(self, result: PatientResult) -> None:
        self._save_draft(result)
        self.saved.emit(result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        focus = self.page().first_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- idle -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _TOUCHES and isinstance(watched, QWidget) and (
                watched is self or self.isAncestorOf(watched)):
            self.touched()
        return False

    def touched(self) -> None:
        """A touch, click or key press: the patient is here."""
        self._idle_since = self._clock()

    def check_idle(self) -> None:
        """Called every second: ask whether the patient is still there, then save and step away."""
        now = self._clock()
        if self._page_kind in ("start", "finished", "staff"):
            return
        if self._page_kind == "still_there":
            if self._asked_at is not None and now - self._asked_at >= IDLE_SAVE_S:
                self._step_away()
            return
        if now - self._idle_since >= IDLE_PROMPT_S:
            self._ask_still_there(now)

    def _ask_still_there(self, now: float) -> None:
        self._before_idle = self._page_kind
        self._asked_at = now
        page = MessagePage(self.tr("Are you still there?"),
                           self.tr("Touch the button to carry on with your answers."),
                           [(self.tr("Yes, I am here"), self.tr("Carry on with the questions"))])
        page.buttons[0].clicked.connect(self._resume)
        self._set_page(page, "still_there")

    def _resume(self) -> None:
        self._asked_at = None
        self.touched()
        self._restore(self._before_idle)

    def _restore(self, kind: str | None, _checked: bool = False) -> None:
        if kind == "review":
            self._show_review()
        elif kind == "question":
            self._show_step(self._index)
        else:
            self._show_language()

    def _step_away(self) -> None:
        self._asked_at = None
        self._save(self.flow.result())
        remove_translator(self._translator)
        self._translator = None
        self._retranslate()
        page = MessagePage(self.tr("Welcome"), self.tr("Please ask the front desk to start."))
        self._set_page(page, "start")

    # --- leaving --------------------------------------------------------------------------------

    def staff_requested(self) -> None:
        """The Staff button: after a staff sign-in, carry on with the patient or leave."""
        if not self._staff_sign_in(self):
            return
        before = {"start": "language", "language": "language", "review": "review"}.get(self._page_kind, "question")
        page = MessagePage(self.tr("Staff"), self.tr("The answers so far are kept as a draft."),
                           [(self.tr("Carry on with the patient"), self.tr("Back to the patient's questions")),
                            (self.tr("Leave patient mode"), self.tr("Save the draft and close patient mode"))])
        page.buttons[0].clicked.connect(partial(self._restore, before))
        page.buttons[1].clicked.connect(self.leave)
        self._set_page(page, "staff")

    def leave(self) -> None:
        """Save the draft and close (staff have signed in)."""
        self._save(self.flow.result())
        self._may_close = True
        self.close()
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            event.accept()  # never leaves patient mode
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._page_kind in ("question", "review"):
            self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._may_close:
            if not self._staff_sign_in(self):
                event.ignore()
                return
            self._save(self.flow.result())
            self._may_close = True
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        remove_translator(self._translator)
        self._translator = None
        event.accept()
