"""How the screening does: the clinicians' page of the screening's own record (issue 17).

Per level: screened, seen by the specialist, confirmed, and the share confirmed among the seen with its
95 % interval, always beside its counts, with a note for groups of fewer than 10; a bar chart of the same
(outcomes_chart.py); per rule: fired, seen, confirmed; the urgent cases' time to the urgent route; the
share completed with open safety answers. A combo box picks all intakes, one rules version, or the
re-screened results (kept apart). The figures are read on a TaskRunner through
`Clinic.outcomes_performance`; the page never touches the database itself.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from intake_app.gui.outcomes_chart import ConfirmationChart, level_title, rate_text
from intake_app.gui.tasks import TaskRunner
from intake_app.screening.performance import SMALL_GROUP, Performance, PerformanceReport
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.services.outcomes import OutcomesMixin

# English source texts, shown through QCoreApplication.translate("OutcomesPage", ...).
ALL_VERSIONS = QT_TRANSLATE_NOOP("OutcomesPage", "All intakes (original results)")
RESCREENED = QT_TRANSLATE_NOOP("OutcomesPage", "Re-screened with newer rules (kept apart)")
SYNTHETIC_BANNER = QT_TRANSLATE_NOOP("OutcomesPage", "SYNTHETIC OUTCOMES - made-up demo data, not real patients")
LEVEL_HEADERS = (QT_TRANSLATE_NOOP("OutcomesPage", "Level"), QT_TRANSLATE_NOOP("OutcomesPage", "Screened"),
                 QT_TRANSLATE_NOOP("OutcomesPage", "Seen by the specialist"),
                 QT_TRANSLATE_NOOP("OutcomesPage", "Spinal origin confirmed"),
                 QT_TRANSLATE_NOOP("OutcomesPage", "Confirmed among seen"))
RULE_HEADERS = (QT_TRANSLATE_NOOP("OutcomesPage", "Rule"), QT_TRANSLATE_NOOP("OutcomesPage", "Fired"),
                QT_TRANSLATE_NOOP("OutcomesPage", "Seen"), QT_TRANSLATE_NOOP("OutcomesPage", "Confirmed"),
                QT_TRANSLATE_NOOP("OutcomesPage", "Confirmed among seen"))


def _words(text: str) -> str:
    return QCoreApplication.translate("OutcomesPage", text)


def _table(headers: tuple[str, ...], name: str, parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([_words(header) for header in headers])
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
    table.setMinimumHeight(min(height, 420))


def urgent_text(performance: Performance) -> str:
    urgent = performance.urgent
    reached = sum(1 for case in urgent if case.hours_to_route is not None)
    median = performance.median_hours_to_route
    if median is None:
        return QCoreApplication.translate(
            "OutcomesPage", "{0} urgent result(s); the time the patient reached the emergency or urgent route was "
            "recorded for {1}.").format(len(urgent), reached)
    return QCoreApplication.translate(
        "OutcomesPage", "{0} urgent result(s); the time the patient reached the emergency or urgent route was "
        "recorded for {1}; median {2} hours after the intake was completed.").format(
            len(urgent), reached, f"{median:.1f}")


class OutcomesPage(QWidget):
    """The page; `set_clinic(clinic)` then `refresh()`. `loaded(report)` after each refresh (tests wait on
    it), `failed(error)` when the figures could not be read (the window shows it)."""

    loaded = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic: OutcomesMixin | None = None
        self.report: PerformanceReport | None = None
        self.runner = TaskRunner(self)
        self.rule_names: dict[str, str] = {}
        self.title = title = QLabel(self)
        title.setObjectName("sectionTitle")
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        self.whole = QCheckBox(self)
        self.whole.setChecked(True)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.start.setDate(today.addMonths(-12))
        self.end.setDate(today)
        self.whole.toggled.connect(self._period_changed)
        self.version = QComboBox(self)
        self.version.setObjectName("rulesVersion")
        self.version.currentIndexChanged.connect(lambda _index: self._show())
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.from_label, self.to_label, self.rules_label = QLabel(self), QLabel(self), QLabel(self)
        controls = QHBoxLayout()
        controls.addWidget(self.whole)
        controls.addWidget(self.from_label)
        controls.addWidget(self.start)
        controls.addWidget(self.to_label)
        controls.addWidget(self.end)
        controls.addSpacing(12)
        controls.addWidget(self.rules_label)
        controls.addWidget(self.version, 1)
        controls.addWidget(self.refresh_button)
        self.banner = QLabel(self)
        self.banner.setObjectName("syntheticBanner")
        self.banner.setStyleSheet("border: 2px solid #111; padding: 4px; font-weight: bold;")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.levels_table = _table(LEVEL_HEADERS, "levelTable", self)
        self.chart = ConfirmationChart(self)
        self.rules_title = QLabel(self)
        self.rules_title.setObjectName("sectionTitle")
        self.rules_key = QLabel(self)
        self.rules_key.setWordWrap(True)
        self.rules_key.setObjectName("muted")
        self.rules_table = _table(RULE_HEADERS, "ruleTable", self)
        self.urgent = QLabel(self)
        self.urgent.setWordWrap(True)
        self.open_safety = QLabel(self)
        self.open_safety.setWordWrap(True)
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.summary)
        column.addWidget(self.levels_table)
        column.addWidget(self.chart)
        column.addWidget(self.rules_title)
        column.addWidget(self.rules_key)
        column.addWidget(self.rules_table)
        column.addWidget(self.urgent)
        column.addWidget(self.open_safety)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(scroll, 1)
        self._period_changed(True)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Every word of the page in the desk's language (at first, and when the clinic's language changes):
        the figures shown stay, worded again; the chosen group and period stay chosen."""
        self.title.setText(self.tr("How the screening does"))
        self.intro.setText(self.tr(
            "What the specialists found for the intakes this clinic sent on. 'Confirmed among seen' is the share "
            "of patients the specialist saw whose spinal origin was confirmed, with its 95% interval. Every rate "
            "shows its counts; groups of fewer than {0} are marked and are not a trend.").format(SMALL_GROUP))
        self.whole.setText(self.tr("&Whole record"))
        self.start.setAccessibleName(self.tr("From"))
        self.end.setAccessibleName(self.tr("To"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.rules_label.setText(self.tr("Rules:"))
        self.version.setAccessibleName(self.tr("Rules version"))
        self.refresh_button.setText(self.tr("&Show"))
        self.banner.setText(_words(SYNTHETIC_BANNER))
        self.levels_table.setAccessibleName(self.tr("Figures by level"))
        self.levels_table.setHorizontalHeaderLabels([_words(header) for header in LEVEL_HEADERS])
        self.rules_title.setText(self.tr("By rule"))
        self.rules_key.setText(self.tr(
            "Each rule is named by its id in the rules document (R red flags, S signs of a spinal origin, L local "
            "patterns, N safety alerts, Q data gaps, D the decision) and its plain name. A rule's cases are every "
            "intake it fired for, whatever the level."))
        self.rules_table.setAccessibleName(self.tr("Figures by rule"))
        self.rules_table.setHorizontalHeaderLabels([_words(header) for header in RULE_HEADERS])
        if self.report is not None:
            self._show_choices(self.report, self.version.currentIndex())
        self._show()
        self.chart.update()

    def set_clinic(self, clinic: OutcomesMixin) -> None:
        from intake_app.services.outcomes import rule_names

        self.clinic = clinic
        self.rule_names = rule_names()
        self.refresh()

    def period(self) -> tuple[dt.date | None, dt.date | None]:
        if self.whole.isChecked():
            return (None, None)
        return (self.start.date().toPython(), self.end.date().toPython())  # type: ignore[return-value]

    def _period_changed(self, whole: bool) -> None:
        self.start.setEnabled(not whole)
        self.end.setEnabled(not whole)

    def refresh(self) -> None:
        """Read the figures for the chosen period in the background."""
        if self.clinic is None:
            return
        clinic = self.clinic
        start, end = self.period()
        self.refresh_button.setEnabled(False)

        def done(report: PerformanceReport) -> None:
            self.refresh_button.setEnabled(True)
            self.set_report(report)
            self.loaded.emit(report)

        def failed(error: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.failed.emit(error)

        self.runner.run(lambda: clinic.outcomes_performance(start, end), done, failed,
                        label=self.tr("Reading the screening's record..."))

    def set_report(self, report: PerformanceReport) -> None:
        """Show a report (keeps the chosen rules version when it is still there)."""
        chosen = self.version.currentText()
        self.report = report
        choices = self._show_choices(report)
        self.version.blockSignals(True)
        self.version.setCurrentIndex(choices.index(chosen) if chosen in choices else 0)
        self.version.blockSignals(False)
        self._show()

    def _show_choices(self, report: PerformanceReport, current: int = 0) -> list[str]:
        """The groups the combo box offers, in the desk's language (the choice at `current` kept)."""
        choices = [_words(ALL_VERSIONS)] + [self.tr("Rules version {0}").format(p.rules_version)
                                            for p in report.by_version]
        if report.rescreened is not None:
            choices.append(_words(RESCREENED))
        self.version.blockSignals(True)
        self.version.clear()
        self.version.addItems(choices)
        self.version.setCurrentIndex(max(0, min(current, len(choices) - 1)))
        self.version.blockSignals(False)
        return choices

    def performance(self) -> Performance | None:
        """The group the combo box shows."""
        report = self.report
        if report is None:
            return None
        index = self.version.currentIndex()
        if index <= 0:
            return report.overall
        if index <= len(report.by_version):
            return report.by_version[index - 1]
        return report.rescreened

    def _show(self) -> None:
        performance = self.performance()
        if performance is None:
            self.banner.setVisible(False)
            self.summary.setText(self.tr("The figures appear here once they are read."))
            _fill(self.levels_table, [])
            _fill(self.rules_table, [])
            self.chart.set_levels(())
            self.urgent.clear()
            self.open_safety.clear()
            return
        self.banner.setVisible(performance.synthetic)
        self.summary.setText((self.tr("{0} re-screened intakes.") if performance.rules_version == "rescreen"
                              else self.tr("{0} completed intakes.")).format(performance.cases))
        _fill(self.levels_table, [
            [level_title(f.level), str(f.screened), str(f.seen), str(f.confirmed), rate_text(f.confirmation)]
            for f in performance.levels
        ])
        self.chart.set_levels(performance.levels if performance.cases else ())
        rows = [[f"{f.rule} {self.rule_names.get(f.rule, '')}".strip(), str(f.fired), str(f.seen), str(f.confirmed),
                 rate_text(f.confirmation)] for f in performance.rules]
        _fill(self.rules_table, rows or [[self.tr("No rule fired in this period."), "", "", "", ""]])
        self.urgent.setText(urgent_text(performance))
        self.open_safety.setText(self.tr(
            "Intakes completed with a safety answer still open (not asked, or positive without its rule): {0}.")
            .format(rate_text(performance.open_safety)))
