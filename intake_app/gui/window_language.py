"""The desk's language, the clinic's setting, at once (a mixin of MainWindow, kept apart so each file reads
as one concern).

The window starts in the language the clinic had last time (window.ini, see window_access.language_at_start)
and takes the database's once it is open. When the setting changes (an administrator saves the clinic
settings on this desk; a setting read at a sign-in) the new language applies at once, nothing lost:

- the translator changes and Qt's LanguageChange has every page word itself again: the menus and title
  (here), the sign-in and lock screens, the patient list, Today, the administrator's and the outcomes pages,
  each keeping what it shows (the search, the patient chosen, the lists, the figures);
- the intake page words its questions in the desk's language when it is built (the questionnaire's wording,
  domain/wording.py, in `IntakeForm.language`), so it is built anew and the open intake opened in it again as
  it was: answers typed and not saved yet stay in the form, still unsaved (nothing is saved twice, nothing
  lost; the recovery journal keeps them as before), with the section, the review, the map's symptom and the
  tabs as they were;
- the preview dialog, made ahead with the old words, is made again when next needed.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from intake_app.gui.window_access import LANGUAGE_KEY
from intake_app.gui.work_pages import home_tab_titles

_TRANSLATIONS = "intake_app.gui.patient.translations"

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QLabel, QStackedWidget

    from intake_app.gui.intake_page import IntakePage
    from intake_app.gui.preview import PreviewDialog

    _Base = QWidget
else:
    _Base = object


@dataclass(frozen=True)
class OpenIntake:
    """What the intake page showed, to show again once it is built in the new language."""

    record: Any
    answers: dict[str, Any] | None  # typed and not saved yet (None: as stored)
    visit_date: dt.date | None  # changed and not saved yet
    section: str
    review: bool
    symptom: int
    tabs: tuple[int, int]  # the map/result tabs and the all-in-tabs layout's current tab
    shown: bool  # the page was the one in front


class DeskLanguage(_Base):
    """The window supplies the widgets named below."""

    if TYPE_CHECKING:
        clinic: Any
        stack: QStackedWidget
        intake_page: IntakePage | None
        preview_dialog: PreviewDialog | None
        window_state: QSettings
        desk_language: str
        db_label: QLabel
        _description: str | None
        _words: list[tuple[Callable[[str], None], str]]
        _idle: QTimer
        _building: Iterator[None] | None

        def show_user(self) -> None: ...
        def _update_actions(self) -> None: ...
        def _word_desk_bar(self) -> None: ...
        def _ensure_intake_page(self) -> IntakePage: ...
        def _start_building(self) -> None: ...

    def use_language(self, language: str) -> None:
        """The desk's screens in the clinic's language where a translation exists (English otherwise):
        installed when it is not the one in effect, applied to every page at once (see the module's note),
        and remembered for the next start's first paint."""
        # The translations module not loaded yet means no translation was ever installed: an English clinic
        # then needs nothing, and the window does not load it (with the questionnaire's room behind it, 8-9 ms
        # of this thread) in the turn the database has opened in.
        loaded = sys.modules.get(_TRANSLATIONS)
        before = loaded.desk_language() if loaded is not None else "en"
        if language == before:
            self.desk_language = language
        else:
            from intake_app.gui.patient import translations

            self.desk_language = translations.install_desk_translator(language)
        if self.window_state.value(LANGUAGE_KEY) != self.desk_language:
            self.window_state.setValue(LANGUAGE_KEY, self.desk_language)
            self.window_state.sync()
        if self.desk_language != before:
            self._language_changed()

    def use_clinic_language(self) -> None:
        """The language of the clinic's settings as this desk last read them."""
        clinic = self.clinic
        if clinic is not None:
            self.use_language(getattr(clinic.settings, "clinic_language", "en") or "en")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """The window's own words in the desk's language: menus, title, status bar, the home tabs and the
        buttons beside them (the pages word themselves)."""
        for setter, english in self._words:
            setter(self.tr(english))
        self._show_database()
        self.show_user()
        tabs = self.__dict__.get("_work_home_tabs")  # once built (work_pages.py)
        if tabs is not None:
            for index, title in enumerate(home_tab_titles()):
                tabs.setTabText(index, title)
        self._word_desk_bar()

    def _show_database(self) -> None:
        """The whole location goes in the window title and the tooltip; the status bar names just the file,
        so a long folder path never pushes the bar wider than a small screen."""
        description = self._description
        if description is None:
            self.setWindowTitle(QCoreApplication.translate("MainWindow", "Foot & Leg Intake"))
            return
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Foot & Leg Intake - {0}").format(description))
        short = description.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        self.db_label.setText(QCoreApplication.translate("MainWindow", "Database: {0}").format(short))
        self.db_label.setToolTip(description)

    # --- what does not word itself ---------------------------------------------------------------

    def _language_changed(self) -> None:
        """The pieces made in the old language: the preview dialog goes (made again when needed), the intake
        page is built anew with the open intake as it was."""
        dialog = self.preview_dialog
        if dialog is not None and shiboken6.isValid(dialog) and not dialog.isVisible():
            self.preview_dialog = None
            dialog.deleteLater()
        self.rebuild_intake_page()

    def rebuild_intake_page(self) -> None:
        """The intake page in the desk's language. A save under way finishes first, on the page that began it."""
        from intake_app.gui.field_widgets import desk_language

        page = self.intake_page
        if page is None or page.form.language == desk_language():
            return
        if page.runner.is_busy:
            page.runner.idle.connect(self.rebuild_intake_page, Qt.ConnectionType.SingleShotConnection)
            return
        state = self._open_intake(page)
        splitter = page.splitter.saveState()
        if page.record is not None:
            page.close_record()  # stops its timers; the recovery journal keeps unsaved answers
        self._idle.stop()  # what was being built in idle time is built again (the page, the preview)
        self._building = None
        self.stack.removeWidget(page)
        page.hide()
        page.deleteLater()
        self.intake_page = None
        if state is None:
            self._start_building()  # in idle time, as after the start
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # the page is built at once (about a second)
        try:
            self._reopen(state, splitter)
        finally:
            QApplication.restoreOverrideCursor()

    def _open_intake(self, page: IntakePage) -> OpenIntake | None:
        if page.record is None:
            return None
        unsaved = page.dirty
        return OpenIntake(
            record=page.record, answers=page.form.answers() if unsaved else None,
            visit_date=page.current_visit_date() if unsaved else None, section=page.form.current_section(),
            review=page.review_is_open(), symptom=page.symptom_group.checkedId(),
            tabs=(page.side_tabs.currentIndex(), page.all_tabs.currentIndex()),
            shown=self.stack.currentWidget() is page)

    def _reopen(self, state: OpenIntake, splitter: QByteArray) -> None:
        page = self._ensure_intake_page()
        page.splitter.restoreState(splitter)  # the sizes the person gave the form, map and result
        page.open_record(self.clinic, state.record, state.answers)
        visit = state.visit_date
        if visit is not None and visit != page.current_visit_date():
            page.visit_date.setDate(QDate(visit.year, visit.month, visit.day))  # still unsaved, as it was
        page.form.show_section(state.section)
        button = page.symptom_group.button(state.symptom)
        if button is not None:
            button.setChecked(True)
        page.side_tabs.setCurrentIndex(state.tabs[0])
        page.all_tabs.setCurrentIndex(state.tabs[1])
        if state.review:
            page.show_review()
        if state.shown:
            self.stack.setCurrentWidget(page)
        self._update_actions()
