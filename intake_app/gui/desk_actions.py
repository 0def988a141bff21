"""The window's patient-mode and outcome actions (issues 16 and 17), a mixin of MainWindow kept apart so
each file reads as one concern: "Patient answers" on the open or selected draft, "Record outcome" on the
open or selected completed intake (or one from Today's due list), and the clinicians' Outcomes page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake_app.gui import messages

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStackedWidget, QStatusBar, QTabWidget

    from intake_app.gui.busy import BusyIndicator
    from intake_app.gui.intake_page import IntakePage
    from intake_app.gui.patient_desk import PatientDesk
    from intake_app.gui.patients import PatientsPanel
    from intake_app.gui.today import TodayPanel

    _Base = QWidget
else:
    _Base = object


class DeskActions(_Base):
    """The window supplies the widgets named below."""

    if TYPE_CHECKING:
        clinic: Any
        shell: QStackedWidget
        stack: QStackedWidget
        home_tabs: QTabWidget
        patients_page: QWidget
        patients: PatientsPanel
        today: TodayPanel
        intake_page: IntakePage | None
        patient_desk: PatientDesk
        busy: BusyIndicator
        act_patient_answers: QAction
        act_record_outcome: QAction

        def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt name)
        def leave_intake(self) -> bool: ...
        def on_failure(self, error: BaseException) -> None: ...
        def _update_actions(self) -> None: ...

    outcomes_page: Any = None  # the clinicians' "How the screening does", built on first use

    def _desk_bar(self) -> None:
        """Beside the Find patient and Today tabs: patient mode and the outcome, for the patient selected."""
        corner = QWidget(self.home_tabs)
        bar = QHBoxLayout(corner)
        bar.setContentsMargins(0, 0, 0, 2)
        self.patient_answers_button = QPushButton(corner)
        self.patient_answers_button.setObjectName("patientAnswersButton")
        self.patient_answers_button.clicked.connect(self.patient_answers)
        self.record_outcome_button = QPushButton(corner)
        self.record_outcome_button.setObjectName("recordOutcomeButton")
        self.record_outcome_button.clicked.connect(self.record_outcome)
        bar.addWidget(self.patient_answers_button)
        bar.addWidget(self.record_outcome_button)
        self._word_desk_bar()
        self.home_tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)  # no height taken from the lists

    def _word_desk_bar(self) -> None:
        """The words of the buttons this mixin adds (and of the urgent banner's buttons), in the desk's
        language: when made, and again when the clinic's language changes (the window's retranslate)."""
        if self.__dict__.get("patient_answers_button") is None:  # not built yet
            return
        self.patient_answers_button.setText(self.tr("Patient &answers..."))
        self.patient_answers_button.setToolTip(self.tr(
            "The patient answers the selected draft themselves, full screen (or on the second screen)."))
        self.record_outcome_button.setText(self.tr("Record out&come..."))
        self.record_outcome_button.setToolTip(self.tr("What the specialist found, for the selected completed intake."))
        back = self.__dict__.get("outcomes_back")
        if back is not None:
            back.setText(self.tr("\u2190 &Back to patients"))
        desk = self.__dict__.get("_work_patient_desk")  # once built (work_pages.py)
        if desk is not None:  # its banner's buttons (patient_desk.py words them only when made)
            desk.banner.open_button.setText(QCoreApplication.translate("UrgentBanner", "Open the intake"))
            desk.banner.dismiss_button.setText(QCoreApplication.translate("UrgentBanner", "Dismiss"))
            desk.banner.text.setAccessibleName(QCoreApplication.translate("UrgentBanner", "Urgent"))

    def _sync_desk_buttons(self) -> None:
        for button, action in ((self.patient_answers_button, self.act_patient_answers),
                               (self.record_outcome_button, self.act_record_outcome)):
            button.setVisible(action.isVisible())
            button.setEnabled(action.isEnabled())

    def _banner_follows_screen(self, _index: int) -> None:
        banner = self.patient_desk.banner
        if self.shell.currentWidget() is not self.stack:
            banner.setProperty("wasShown", banner.isVisibleTo(self) or bool(banner.property("wasShown")))
            banner.hide()
        elif banner.property("wasShown"):
            banner.setProperty("wasShown", False)
            banner.show()

    # --- patient mode (issue 16) ----------------------------------------------------------------

    def patient_answers(self) -> None:
        """Patient mode on the open draft, else on the selected patient's draft (the one selected in their
        intakes, else their newest draft); with none, offer to start one."""
        if self.clinic is None:
            return
        page = self.intake_page
        if page is not None and page.record is not None and self.stack.currentWidget() is page:
            intake_id = page.record.id
            if not self.leave_intake():
                return
            self.patient_desk.start(intake_id)
            return
        patient_id = self.patients.current_patient_id()
        if patient_id is None:
            messages.inform(self, self.tr("Patient answers"), self.tr("Choose a patient in the list first."))
            return
        clinic = self.clinic
        selected = self._selected_intake_id()

        def chosen(rows: list[Any]) -> None:
            drafts = [row for row in rows if row.status == "draft"]
            pick = next((row for row in rows if row.id == selected), None) or (drafts[0] if drafts else None)
            if pick is not None:
                self.patient_desk.start(pick.id)
            elif messages.ask_yes_no(self, self.tr("Patient answers"), self.tr("This patient has no draft intake."),
                                     self.tr("Start a new intake for the patient to answer?"), default_yes=True):
                self.patients.runner.run(lambda: clinic.start_intake(patient_id),
                                         lambda record: self.patient_desk.start(record.id), self.on_failure,
                                         label=self.tr("Starting intake..."))

        self.patients.runner.run(lambda: clinic.intakes_for(patient_id), chosen, self.on_failure,
                                 label=self.tr("Opening patient mode..."))

    def _selected_intake_id(self) -> int | None:
        items = self.patients.intakes.selectedItems()
        return int(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    # --- outcomes (issue 17) -------------------------------------------------------------------

    def record_outcome(self, intake_id: int | None = None) -> None:
        """What the specialist found, for a completed intake: the one given (Today's due list), the open one,
        or the one selected in the patient's intake history."""
        if self.clinic is None:
            return
        if not isinstance(intake_id, int) or isinstance(intake_id, bool):
            page = self.intake_page
            if page is not None and page.record is not None and self.stack.currentWidget() is page:
                intake_id = page.record.id
            else:
                intake_id = self._selected_intake_id()
        if intake_id is None:
            messages.inform(self, self.tr("Record outcome"),
                            self.tr("Choose a completed intake in the patient's intakes first."))
            return
        clinic, wanted = self.clinic, intake_id

        def work() -> tuple[Any, Any]:
            record = clinic.intake(wanted)
            return record, (clinic.outcomes_for(wanted) or [None])[0]

        self.patients.runner.run(work, lambda found: self._outcome_dialog(*found), self.on_failure,
                                 label=self.tr("Opening the outcome..."))

    def _outcome_dialog(self, record: Any, current: Any) -> None:
        from intake_app.gui.outcome_dialog import OutcomeDialog

        if record.status != "complete":
            messages.inform(self, self.tr("Record outcome"),
                            self.tr("An outcome is recorded for a completed intake; this one is still a draft."))
            return
        dialog = OutcomeDialog(self.clinic, record.id, urgent=record.level == "urgent", current=current, parent=self)
        dialog.recorded.connect(self._outcome_recorded)
        self.busy.track(dialog.runner)
        self.outcome_dialog = dialog
        dialog.open()

    def _outcome_recorded(self, _record: Any) -> None:
        self.statusBar().showMessage(self.tr("Outcome recorded"), 5000)
        self.today.refresh()
        if self.outcomes_page is not None:
            self.outcomes_page.refresh()

    def show_outcomes(self) -> None:
        """The clinicians' page: how the screening does (built on first use)."""
        if self.clinic is None or not self.leave_intake():
            return
        if self.outcomes_page is None:
            from intake_app.gui.outcomes_page import OutcomesPage

            holder = QWidget(self.stack)
            holder.setObjectName("outcomesHolder")
            column = QVBoxLayout(holder)
            column.setContentsMargins(12, 8, 12, 8)
            back = QPushButton(self.tr("\u2190 &Back to patients"), holder)
            back.clicked.connect(self.show_patients_page)
            self.outcomes_back = back
            row = QHBoxLayout()
            row.addWidget(back)
            row.addStretch(1)
            column.addLayout(row)
            page = OutcomesPage(holder)
            page.failed.connect(self.on_failure)
            self.busy.track(page.runner)
            column.addWidget(page, 1)
            self.stack.addWidget(holder)
            self.outcomes_page = page
            self.outcomes_holder = holder
            page.set_clinic(self.clinic)
        else:
            self.outcomes_page.refresh()
        self.stack.setCurrentWidget(self.outcomes_holder)
        self._update_actions()

    def show_patients_page(self) -> None:
        if self.leave_intake():
            self.stack.setCurrentWidget(self.patients_page)
            self._update_actions()
