"""The intake workspace: the form, the leg and foot map, the live result, the red-flag banner, the review.

Owns one open intake: it re-screens on every change, keeps a crash-recovery journal, autosaves the
draft every few seconds and on every section change, shows every answer for review before completing,
and completes the intake when asked. A completed intake opens read-only; "Amend" makes a new revision.
Saving itself (drafts, conflicts, completion) lives in intake_saving.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from intake_app.domain import DocumentInvalid, IntakeDocument, load_questionnaire, parse_document
from intake_app.domain.wording import split_key
from intake_app.errors import IntakeError
from intake_app.gui import messages
from intake_app.gui.assessment_panel import AssessmentPanel, RedFlagBanner, screened_yet
from intake_app.gui.body_map import BodyMapWidget
from intake_app.gui.flow_layout import FlowLayout
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.intake_saving import IntakeSaving
from intake_app.gui.intake_settle import Body, PaintHold, settle_steps, unfilled
from intake_app.gui.review import ReviewPage
from intake_app.gui.tasks import TaskRunner
from intake_app.recovery import RecoveryJournal
from intake_app.screening.model import Assessment
from intake_app.services.live import screen_draft
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.domain.records import IntakeRecord
    from intake_app.services import Clinic

SYMPTOMS = (("pain", QT_TRANSLATE_NOOP("IntakePage", "Pain")),
            ("numbness", QT_TRANSLATE_NOOP("IntakePage", "Numbness")),
            ("tingling", QT_TRANSLATE_NOOP("IntakePage", "Pins and needles")))
SYMPTOM_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2}
#: Below this width the live result shares a tab with the map; below NARROW everything is a tab.
WIDE = 1300
NARROW = 860


class IntakePage(IntakeSaving, QWidget):
    """One open intake. Signals report saves and completion to the window (status bar, lists)."""

    saved = Signal(int)  # intake id, after a draft save reached the database
    completed = Signal(int)
    assessed = Signal(object)  # the Assessment (or None while nothing is screened), after every change
    back_requested = Signal()
    preview_requested = Signal()
    failed = Signal(object)
    dirty_changed = Signal(bool)
    amended = Signal(int)  # the new revision's intake id
    acknowledged = Signal(int)  # a clinician signed off the red flag
    print_requested = Signal()  # completed with "Complete and print both"

    def __init__(self, journal: RecoveryJournal | None = None, parent: QWidget | None = None, *,
                 build_now: bool = True) -> None:
        """`build_now=False`: the form's questions come from `build_steps()` (see IntakeForm)."""
        super().__init__(parent)
        self.clinic: Clinic | None = None
        self.record: IntakeRecord | None = None
        self.assessment: Assessment | None = None
        self.journal = journal or RecoveryJournal()
        self.runner = TaskRunner(self)
        self._dirty = False
        self._row_version = 0
        self._loading = False
        self.settled = False  # laid out and drawn once while hidden (build_steps)
        self.questionnaire = questionnaire = load_questionnaire()

        # Header: who, when, state; the buttons wrap onto a second line on a narrow screen.
        self.back_button = QPushButton(self.tr("\u2190 Patients"), self)
        self.back_button.setObjectName("backButton")
        self.back_button.setAccessibleName(self.tr("Back to the patient list"))
        self.title = QLabel(self)
        self.title.setObjectName("intakeTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.visit_date = QDateEdit(self)
        self.visit_date.setCalendarPopup(True)
        self.visit_date.setDisplayFormat("yyyy-MM-dd")
        self.visit_date.setMaximumDate(QDate.currentDate())
        self.visit_date.setAccessibleName(self.tr("Visit date"))
        visit_label = QLabel(self.tr("&Visit date"), self)
        visit_label.setBuddy(self.visit_date)
        self.state = QLabel(self)
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save draft"), self)
        self.complete_button = QPushButton(self.tr("Review and &complete..."), self)
        self.complete_button.setObjectName("primaryButton")
        self.amend_button = QPushButton(self.tr("&Amend..."), self)
        self.amend_button.setToolTip(self.tr("Make a new revision of this completed intake; the original is kept"))
        self.review_button = QPushButton(self.tr("All a&nswers"), self)
        self.preview_button = QPushButton(self.tr("&Preview and print..."), self)
        header_box = QWidget(self)
        header = FlowLayout(header_box, spacing=8)
        visit = QWidget(header_box)
        visit_row = QHBoxLayout(visit)
        visit_row.setContentsMargins(0, 0, 0, 0)
        visit_row.addWidget(visit_label)
        visit_row.addWidget(self.visit_date)
        for widget in (self.back_button, visit, self.save_button, self.review_button, self.complete_button,
                       self.amend_button, self.preview_button):
            header.addWidget(widget)
        top = QVBoxLayout()
        top.setSpacing(2)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.state)
        top.addLayout(title_row)
        top.addWidget(header_box)

        self.banner = RedFlagBanner(self)
        self.form = IntakeForm(questionnaire, self, build_now=build_now)

        # The map, with the symptom it marks (keys 1, 2, 3), and the live result.
        self.map = BodyMapWidget(self)
        self.symptom_group = QButtonGroup(self)
        chooser_box = QWidget(self)
        chooser = FlowLayout(chooser_box, spacing=10)
        chooser_label = QLabel(self.tr("Map marks:"), chooser_box)
        chooser.addWidget(chooser_label)
        for n, (key, label) in enumerate(SYMPTOMS):
            button = QRadioButton(self.tr("{0} ({1})").format(self.tr(label), n + 1), chooser_box)
            button.setObjectName(f"symptom_{key}")
            button.setProperty("symptom", key)
            button.setToolTip(self.tr("Key {0} chooses this symptom").format(n + 1))
            self.symptom_group.addButton(button, n)
            chooser.addWidget(button)
            if n == 0:
                button.setChecked(True)
        self.map_box = QFrame(self)
        self.map_box.setObjectName("mapBox")
        map_layout = QVBoxLayout(self.map_box)
        map_layout.setContentsMargins(8, 6, 8, 6)
        map_layout.addWidget(chooser_box)
        map_layout.addWidget(self.map, 1)
        self.map.setToolTip(self.tr("Click a region to mark it for the chosen symptom; click again to clear. "
                                    "In the form, type a region's name to add it from the keyboard."))
        self.map.setMinimumSize(140, 140)
        self.panel = AssessmentPanel(questionnaire, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("intakeSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("sideTabs")
        self.all_tabs = QTabWidget(self)
        self.all_tabs.setObjectName("allTabs")
        self.workspace = QStackedWidget(self)
        self.workspace.addWidget(self.splitter)
        self.workspace.addWidget(self.all_tabs)
        self.mode = ""
        self._arrange("wide")

        self.review = ReviewPage(questionnaire, self)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.workspace)
        self.pages.addWidget(self.review)
        self.paint_hold = PaintHold((self,), (self.pages,), (self.map_box, self.panel))  # see open_record

        # On a very short screen (1024x600 at 150 % leaves 373 pixels) the whole page scrolls rather than
        # squeezing the header, the banner or the form below the height their words need.
        body = Body(self)
        body.setObjectName("intakeBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        body.stretchy = self.pages
        self.scroller = QScrollArea(self)
        self.scroller.setObjectName("intakeScroller")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(body)
        unfilled(self.scroller)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroller)

        self.autosave = QTimer(self)
        self.autosave.timeout.connect(self._autosave)
        self._journal_timer = QTimer(self)
        self._journal_timer.setSingleShot(True)
        self._journal_timer.setInterval(300)
        self._journal_timer.timeout.connect(self._write_journal)

        self.form.answersChanged.connect(self._on_answers_changed)
        self.form.sectionChanged.connect(lambda _section: self._autosave())
        self.form.regions_changed.connect(self._on_form_regions)
        self.map.marksChanged.connect(self._on_map_marks)
        self.symptom_group.idToggled.connect(self._on_symptom)
        self.visit_date.dateChanged.connect(lambda _d: self._on_answers_changed())
        self.banner.acknowledge_requested.connect(self.acknowledge)
        self.back_button.clicked.connect(self.back_requested)
        self.save_button.clicked.connect(lambda: self.save())
        self.complete_button.clicked.connect(self.show_review)
        self.review_button.clicked.connect(self.show_review)
        self.amend_button.clicked.connect(self.amend)
        self.preview_button.clicked.connect(self.preview_requested)
        self.review.back_requested.connect(self.show_form)
        self.review.edit_requested.connect(self.edit_field)
        self.review.complete_requested.connect(self.complete)
        self.review.complete_and_print_requested.connect(lambda: self.complete(print_after=True))
        self.review.acknowledge_requested.connect(self.acknowledge)
        # Ctrl+Enter moves on: from the form to the review, from the review to "Complete and print both".
        self.forward_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.forward_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.forward_shortcut.activated.connect(self._forward)
        self.complete_button.setToolTip(self.tr("Every answer on one page, then complete (Ctrl+Enter)"))

    def build_steps(self) -> Iterator[None]:
        """What is left to build, a small step at a time (nothing once built): the form's questions, then the
        hidden page laid out and drawn once (intake_settle.settle_steps)."""
        yield from self.form.build_steps()
        yield from settle_steps(self)

    def finish_building(self) -> None:
        self.form.finish_building()

    # --- layout --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        width = event.size().width()
        self._arrange("wide" if width >= WIDE else "medium" if width >= NARROW else "narrow")
        super().resizeEvent(event)

    def _arrange(self, mode: str) -> None:
        """Wide: form, map and result side by side. Medium: the result shares a tab with the map.
        Narrow (a small screen or large scaling): the form, the map and the result are tabs."""
        if mode == self.mode:
            return
        self.mode = mode
        for tabs in (self.side_tabs, self.all_tabs):
            while tabs.count():
                tabs.removeTab(0)
        map_tab, result_tab = self.tr("&Map"), self.tr("&Result")
        if mode == "narrow":
            self.all_tabs.addTab(self.form, self.tr("F&orm"))
            self.all_tabs.addTab(self.map_box, map_tab)
            self.all_tabs.addTab(self.panel, result_tab)
            self.workspace.setCurrentWidget(self.all_tabs)
            return
        self.splitter.addWidget(self.form)
        if mode == "wide":
            self.splitter.addWidget(self.map_box)
            self.splitter.addWidget(self.panel)
            self.side_tabs.setParent(None)
            self.splitter.setSizes([540, 380, 400])
        else:
            self.side_tabs.addTab(self.map_box, map_tab)
            self.side_tabs.addTab(self.panel, result_tab)
            self.splitter.addWidget(self.side_tabs)
            self.splitter.setSizes([560, 400])
        for index in range(self.splitter.count()):
            self.splitter.setStretchFactor(index, 5 if index == 0 else 4)
        self.workspace.setCurrentWidget(self.splitter)

    def show_result(self) -> None:
        """Bring the live result into view, whichever layout is in use."""
        if self.mode == "medium":
            self.side_tabs.setCurrentWidget(self.panel)
        elif self.mode == "narrow":
            self.all_tabs.setCurrentWidget(self.panel)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Keys 1, 2 and 3 choose the symptom the map marks (when no text box takes them)."""
        index = SYMPTOM_KEYS.get(Qt.Key(event.key()))
        if index is not None and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                                       Qt.KeyboardModifier.KeypadModifier):
            button = self.symptom_group.button(index)
            if button is not None:
                button.setChecked(True)
            return
        super().keyPressEvent(event)

    # --- opening -------------------------------------------------------------------------------

    def open_record(self, clinic: Clinic, record: IntakeRecord, answers: dict[str, Any] | None = None) -> None:
        """Show an intake; `answers` (from crash recovery) replaces the stored ones and marks it unsaved.

        Every intake starts fresh: first section, "Pain" on the map, the form in front. Brought forward from
        another page, the page is drawn in the turns after the one that shows it: the header, then the form,
        then the map and the result (see intake_settle.PaintHold); everything is filled and takes input at
        once.
        """
        if not self.isVisible():
            self.paint_hold.hold()
        self.clinic = clinic
        self.record = record
        self._row_version = record.row_version
        self.autosave.setInterval(clinic.settings.autosave_seconds * 1000)
        self._loading = True
        try:
            visit = record.document.visit_date
            self.visit_date.setDate(QDate(visit.year, visit.month, visit.day))
            self.form.set_answers(answers if answers is not None else dict(record.document.answers))
            shown = self.form.answers_view()
            for key, _label in SYMPTOMS:
                self.map.set_marks(key, record_regions(shown, key))
            self.form.clear_problems()
            self.form.show_section(self.form.first_open_section())
            first = self.symptom_group.button(0)
            if first is not None:
                first.setChecked(True)
        finally:
            self._loading = False
        patient = record.document.patient
        born = patient.date_of_birth.isoformat() if patient.date_of_birth else "?"
        revision = getattr(record, "revision", 1)
        title = self.tr("{0}, {1}  \u00b7  born {2}").format(patient.family_name, patient.given_name, born)
        if revision > 1:
            title += "  \u00b7  " + self.tr("revision {0}").format(revision)
        self.title.setText(title)
        self.title.setToolTip(title + ("  \u00b7  " + self.tr("MRN {0}").format(patient.mrn) if patient.mrn else ""))
        complete = record.status == "complete"
        self.form.set_read_only(complete)
        self.map.setEnabled(not complete)
        self.visit_date.setEnabled(not complete)
        self.save_button.setVisible(not complete)
        self.complete_button.setVisible(not complete)
        self.amend_button.setVisible(complete)
        self.review_button.setVisible(complete)
        self._set_dirty(answers is not None)  # (and the state beside the title)
        self.show_form()
        self.rescreen()
        if not complete:
            self.autosave.start()
        else:
            self.autosave.stop()
        if answers is not None:
            self._write_journal()

    def focus_first_question(self) -> None:
        """Keyboard focus on the first question of the section shown (so typing can start at once)."""
        self.window().setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        self.form.focus_section_start()

    def close_record(self) -> None:
        self.paint_hold.release()
        self.autosave.stop()
        self._journal_timer.stop()
        if self.record is not None and not self._dirty:
            self.journal.clear(self.record.id)
        self.record = None

    @property
    def read_only(self) -> bool:
        return self.record is not None and self.record.status == "complete"

    # --- live screening ------------------------------------------------------------------------

    def document(self) -> IntakeDocument:
        """The current answers as an intake document (validated; raises DocumentInvalid)."""
        assert self.record is not None
        raw = IntakeDocument(self.record.document.patient, self.current_visit_date(), self.form.answers_view(),
                             self.record.document.questionnaire).to_json()  # (to_json copies the answers)
        return parse_document(raw)

    def current_visit_date(self) -> dt.date:
        value = self.visit_date.date().toPython()
        assert isinstance(value, dt.date)
        return value

    def rescreen(self) -> None:
        try:
            document = self.document()
        except DocumentInvalid as exc:
            shown = self.form.show_problems(exc.problems)
            leftover = [p for p in exc.problems if p not in shown]
            if leftover:
                self.state.setText("; ".join(messages.desk_text(m) for _w, m in leftover[:2]))
            return
        self.form.clear_problems()
        # Screened as the save would (the clinic's emergency department in the advice); the save of these
        # same answers reuses this result instead of screening them again (services/live.py).
        assessment = screen_draft(document, self.clinic.settings if self.clinic is not None else None)
        self.form.mark_fired(fired_fields(assessment))
        if screened_yet(self.questionnaire, document.answers, assessment):
            self.assessment = assessment
            self.panel.show_assessment(assessment, document)
        else:
            self.assessment = None
            self.panel.show_not_screened()
        assert self.record is not None
        self.banner.update_for(self.assessment, self.record.acknowledged_by, self.record.acknowledged_at,
                               read_only=self.read_only, acknowledged_role=self.record.acknowledged_role)
        self.assessed.emit(self.assessment)

    def needs_acknowledgement(self) -> bool:
        return (self.assessment is not None and self.assessment.level == "urgent"
                and self.record is not None and not self.record.acknowledged_by)

    def _on_answers_changed(self) -> None:
        if self._loading or self.record is None:
            return
        self._set_dirty(True)
        self.rescreen()
        self._journal_timer.start()

    def _write_journal(self) -> None:
        if self.record is not None and self._dirty:
            try:  # on the journal's writer thread: the window never waits for the disk (its fsync)
                self.journal.write_later(self.record.id, self.current_visit_date(), self.form.answers())
            except (OSError, IntakeError):  # this one refused, or the one before failed (a full disk)
                self.state.setText(self.tr("Warning: the recovery copy could not be written."))

    # --- map and lists in sync -----------------------------------------------------------------

    def _on_form_regions(self, field: str, regions: dict[str, list[str]]) -> None:
        self.map.set_marks(field, regions)

    def _on_map_marks(self, symptom: str, regions: dict[str, list[str]]) -> None:
        self.form.set_regions(symptom, regions)

    def _on_symptom(self, button_id: int, checked: bool) -> None:
        if checked:
            self.map.set_symptom(SYMPTOMS[button_id][0])

    # --- review --------------------------------------------------------------------------------

    def show_review(self) -> None:
        """Every answer in plain words; completing happens from here."""
        answers = self.form.answers()
        problems = [] if self.read_only else [
            (f"answers.{key}", "an answer is required") for key in self.questionnaire.missing_required(answers)]
        problems += [p for p in self.form.problems() if p not in problems]
        self.review.show_summary(answers, self.form.is_field_shown, problems,
                                 needs_acknowledgement=self.needs_acknowledgement() and not self.read_only,
                                 read_only=self.read_only)
        self.pages.setCurrentWidget(self.review)
        self.review.browser.setFocus(Qt.FocusReason.OtherFocusReason)

    def _forward(self) -> None:
        if not self.review_is_open():
            if not self.read_only:
                self.show_review()
        elif self.review.complete_print_button.isVisible() and self.review.complete_print_button.isEnabled():
            self.review.complete_print_button.click()

    def show_form(self) -> None:
        self.pages.setCurrentWidget(self.workspace)

    def review_is_open(self) -> bool:
        return self.pages.currentWidget() is self.review

    def edit_field(self, field: str) -> None:
        """From the review: back to the question (its side, for "field.side")."""
        self.show_form()
        if self.mode == "narrow":
            self.all_tabs.setCurrentWidget(self.form)
        question_id, side = split_key(field)
        self.form.focus_field(f"{question_id}.{side}" if side else question_id)


def fired_fields(assessment: Assessment) -> set[str]:
    """The safety questions whose answers raised a red flag (the fields its reasons name)."""
    fields: set[str] = set()
    for reason in assessment.red_flags:
        for key in reason.because:
            fields.add(split_key(str(key))[0])
    return fields


def record_regions(answers: Mapping[str, Any], field: str) -> dict[str, list[str]]:
    value = answers.get(field) or {}
    return {"left": list(value.get("left", [])), "right": list(value.get("right", []))}
