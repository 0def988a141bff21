"""The audit trail for administrators: who did what and when, filtered by account, patient id and day.

Times are shown in local time; actions in plain words (access.audit_export.action_words). "Check the
trail" runs the chain check and says its result in words; "Export CSV..." writes what the filter selects
(ISO 8601 UTC times) to a file chosen through the window's chooser. Entries hold ids, never names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.access.audit_chain import INTACT, INTACT_UNANCHORED, AuditEntry, ChainReport, Problem
from intake_app.access.audit_export import AuditFilter, action_words, local_time_text
from intake_app.access.roles import ROLE_WORDS, Role
from intake_app.errors import IntakeError
from intake_app.files import atomic_write_text
from intake_app.gui import messages
from intake_app.gui.chooser import Chooser, documents_folder
from intake_app.gui.tasks import TaskRunner
from intake_app.translation_marks import QT_TRANSLATE_NOOP

PAGE = 200
COLUMNS = (QT_TRANSLATE_NOOP("AuditViewer", "When"), QT_TRANSLATE_NOOP("AuditViewer", "Account"),
           QT_TRANSLATE_NOOP("AuditViewer", "Role"), QT_TRANSLATE_NOOP("AuditViewer", "What"),
           QT_TRANSLATE_NOOP("AuditViewer", "Desk"), QT_TRANSLATE_NOOP("AuditViewer", "Patient"),
           QT_TRANSLATE_NOOP("AuditViewer", "Intake"), QT_TRANSLATE_NOOP("AuditViewer", "Detail"))


# The chain check's verdict (access.audit_chain, English there) in the desk's language. An English desk
# shows the check's own message, which can say more (how many entries are missing).
VERDICT_OK = {
    INTACT: QT_TRANSLATE_NOOP("AuditViewer", "The audit trail is intact."),
    INTACT_UNANCHORED: QT_TRANSLATE_NOOP(
        "AuditViewer", "The audit trail's links are intact, but this computer has no anchor for this database, "
        "so entries cut off the end would not show."),
}
VERDICT_PROBLEM = {
    Problem.EDITED: QT_TRANSLATE_NOOP("AuditViewer", "Entry {0} was changed after it was written."),
    Problem.REMOVED: QT_TRANSLATE_NOOP(
        "AuditViewer", "Entry {0} is missing (removed from the database); entries after it may be missing too."),
    Problem.REORDERED: QT_TRANSLATE_NOOP(
        "AuditViewer", "Entry {0} is out of place: entries were moved, copied or reordered."),
    Problem.CUT_OFF: QT_TRANSLATE_NOOP(
        "AuditViewer", "Entry {0} and any after it are missing: the end of the trail was cut off."),
    Problem.REWRITTEN: QT_TRANSLATE_NOOP(
        "AuditViewer", "Entry {0} is not the one this computer last saw: the trail up to it was rewritten."),
}


def verdict_text(report: ChainReport) -> str:
    """The check's result in the desk's language (its own English message when nothing translates it)."""
    if report.problem is None:
        source = VERDICT_OK.get(report.message)
    else:
        source = VERDICT_PROBLEM.get(report.problem) if report.first_bad is not None else None
    if source is None:
        return report.message
    translated = QCoreApplication.translate("AuditViewer", source)
    return report.message if translated == source else translated.format(report.first_bad)


def role_words(role: str) -> str:
    """A recorded role in the desk's language (an unknown one as recorded)."""
    try:
        return QCoreApplication.translate("Role", ROLE_WORDS[Role(role)])
    except ValueError:
        return role


def entry_cells(entry: AuditEntry, tz: dt.tzinfo | None = None) -> tuple[str, ...]:
    """One row of the viewer: local time, who, role, plain words, desk, ids, detail."""
    event = entry.event
    what = QCoreApplication.translate("AuditAction", action_words(event.action))
    return (local_time_text(event.at, tz), event.who, role_words(event.role), what,
            event.desk, "" if event.patient_id is None else str(event.patient_id),
            "" if event.intake_id is None else str(event.intake_id), detail_words(event.action, event.detail))


def detail_words(action: str, detail: str) -> str:
    """A settings change names the changed settings by their labels (in the desk's language), never their
    keys."""
    if action != "settings.change" or not detail:
        return detail
    import dataclasses

    from intake_app.settings import Settings

    labels = {f.name: QCoreApplication.translate("Setting", str(f.metadata["label"]))
              for f in dataclasses.fields(Settings) if f.metadata.get("label")}
    return ", ".join(labels.get(part.strip(), part.strip()) for part in detail.split(","))


def local_zone() -> dt.tzinfo:
    zone = dt.datetime.now().astimezone().tzinfo
    return zone if zone is not None else dt.UTC


class _DateBox(QWidget):
    """A date that can be switched off ("any")."""

    def __init__(self, caption: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.use = QCheckBox(caption, self)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.currentDate())
        self.date.setEnabled(False)
        self.use.toggled.connect(self.date.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.use)
        row.addWidget(self.date)

    def value(self) -> dt.date | None:
        if not self.use.isChecked():
            return None
        picked = self.date.date().toPython()
        return picked if isinstance(picked, dt.date) else None

    def set_value(self, day: dt.date | None) -> None:
        self.use.setChecked(day is not None)
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))


class AuditViewer(QDialog):
    """`shown(rows)` after each page arrived; `checked(report)` after the chain check."""

    shown = Signal(int)
    checked = Signal(object)
    exported = Signal(object)  # the Path written

    def __init__(self, clinic: Any, parent: QWidget | None = None, *, chooser: Chooser | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.chooser = chooser or messages.chooser_for(parent)
        self.runner = TaskRunner(self)
        self.tz = local_zone()
        self.selection = AuditFilter(tz=self.tz)
        self.entries: list[AuditEntry] = []
        self.total = 0
        self.setWindowTitle(self.tr("Audit trail"))
        self.setSizeGripEnabled(True)

        self.account = QLineEdit(self)
        self.account.setObjectName("auditAccount")
        self.account.setPlaceholderText(self.tr("any account"))
        self.account.setMaxLength(40)
        self.patient = QLineEdit(self)
        self.patient.setObjectName("auditPatient")
        self.patient.setPlaceholderText(self.tr("any patient id"))
        self.patient.setValidator(QIntValidator(1, 2_000_000_000, self))
        self.patient.setMaximumWidth(130)
        self.date_from = _DateBox(self.tr("From"), self)
        self.date_to = _DateBox(self.tr("to"), self)
        self.show_button = QPushButton(self.tr("&Show"), self)
        self.show_button.setObjectName("primaryButton")
        self.show_button.setDefault(True)
        filters = QHBoxLayout()
        account_label = QLabel(self.tr("&Account"), self)
        account_label.setBuddy(self.account)
        patient_label = QLabel(self.tr("&Patient id"), self)
        patient_label.setBuddy(self.patient)
        for widget in (account_label, self.account, patient_label, self.patient, self.date_from, self.date_to):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.show_button)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit trail entries, newest first"))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("AuditViewer", c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)

        self.count = QLabel(self)
        self.count.setObjectName("muted")
        self.more_button = QPushButton(self.tr("Show &older"), self)
        self.check_button = QPushButton(self.tr("&Check the trail"), self)
        self.check_button.setToolTip(self.tr("Check that no entry was changed, removed or moved"))
        self.export_button = QPushButton(self.tr("&Export CSV..."), self)
        close = QPushButton(self.tr("Close"), self)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("auditCheck")
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.more_button)
        bottom.addStretch(1)
        for button in (self.check_button, self.export_button, close):
            button.setAutoDefault(False)
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addLayout(bottom)

        self.show_button.clicked.connect(self.apply)
        self.account.returnPressed.connect(self.apply)
        self.patient.returnPressed.connect(self.apply)
        self.more_button.clicked.connect(self.more)
        self.check_button.clicked.connect(self.check)
        self.export_button.clicked.connect(self.export)
        close.clicked.connect(self.accept)
        self._fit()
        self.apply()

    def _fit(self) -> None:
        """1000 x 620, or less on a small screen (within the window it belongs to)."""
        parent = self.parentWidget()
        area = parent.window().size() if parent is not None else (
            self.screen().availableGeometry().size() if self.screen() is not None else None)
        width, height = 1000, 620
        if area is not None:
            width, height = min(width, area.width() - 24), min(height, area.height() - 24)
        self.resize(width, height)

    # --- reading -------------------------------------------------------------------------------

    def filter_from_boxes(self) -> AuditFilter:
        patient = self.patient.text().strip()
        return AuditFilter(account=self.account.text().strip() or None, patient_id=int(patient) if patient else None,
                           date_from=self.date_from.value(), date_to=self.date_to.value(), tz=self.tz)

    def apply(self) -> None:
        """Show the newest entries the filter selects."""
        try:
            self.selection = self.filter_from_boxes()
        except IntakeError as exc:
            messages.show_error(self, exc, self.windowTitle())
            return
        self.entries = []
        self.table.setRowCount(0)
        self._load(0)

    def more(self) -> None:
        self._load(len(self.entries))

    def _load(self, offset: int) -> None:
        clinic, selection = self.clinic, self.selection

        def work() -> tuple[list[AuditEntry], int]:
            total = clinic.count_audit_entries(selection)  # first: reading records a view of the trail
            return clinic.audit_entries(selection, limit=PAGE, offset=offset), total

        self.runner.run(work, lambda result: self._show(*result), self._failed, label=self.tr("Reading the trail..."))

    def _show(self, entries: list[AuditEntry], total: int) -> None:
        start = len(self.entries)
        self.entries.extend(entries)
        self.total = total
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(entries, start=start):
            for column, text in enumerate(entry_cells(entry, self.tz)):
                item = QTableWidgetItem(text)
                if column in (5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.count.setText(self.tr("{0} of {1} entries").format(len(self.entries), total) if total
                           else self.tr("No entries match."))
        self.more_button.setVisible(len(self.entries) < total)
        self.shown.emit(len(self.entries))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, IntakeError):
            raise error
        messages.show_error(self, error, self.windowTitle())

    # --- checking and exporting ------------------------------------------------------------------

    def check(self) -> None:
        clinic = self.clinic

        def done(report: ChainReport) -> None:
            self.verdict.setText(verdict_text(report))
            self.verdict.setStyleSheet("color: #1b5e20; font-weight: bold;" if report.ok
                                      else "color: #b3261e; font-weight: bold;")
            self.verdict.show()
            self.checked.emit(report)

        self.runner.run(clinic.verify_audit, done, self._failed, label=self.tr("Checking the trail..."))

    def export(self) -> None:
        target = self.chooser.save_file(self, self.tr("Export the audit trail"),
                                        documents_folder() / f"audit-{dt.date.today().isoformat()}.csv",
                                        self.tr("CSV files (*.csv)"))
        if target is None:
            return
        if target.suffix.lower() != ".csv":
            target = target.with_name(target.name + ".csv")
        clinic, selection = self.clinic, self.selection

        def work() -> Path:
            return atomic_write_text(target, "".join(clinic.audit_csv(selection)), overwrite=True)

        def done(path: Path) -> None:
            self.verdict.setText(self.tr("Saved {0}.").format(path.name))
            self.verdict.setStyleSheet("")
            self.verdict.show()
            self.exported.emit(path)

        self.runner.run(work, done, self._failed, label=self.tr("Exporting..."))
