"""The clinic's language applies at once (issue 16, item 3): saved in the clinic settings, the desk's
screens change language there and then, with nothing lost. Before, only the menus, the title and the
sign-in and lock screens followed; the patient list, Today, the intake page and the other pages kept the
old language until the next start, and saving the setting on the desk changed nothing at all."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from intake_app.access.passwords import Secret
from intake_app.access.roles import Actor, Role
from intake_app.domain.questionnaire import load_questionnaire
from intake_app.domain.wording import question_text, section_title
from intake_app.gui.patient import translations
from intake_app.settings import Settings
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import PASSWORD, open_clinic
from tests.gui.test_front_desk import click, open_window, seeded_url, start_intake

__all__ = ["seeded_url"]  # the fixture, used by name

pytestmark = pytest.mark.gui

Q = load_questionnaire()
WAIT_MS = 10000


@pytest.fixture
def english_desk(qapp: Any, compiled: Path) -> Iterator[None]:
    """The desk starts English and is English again after the test."""
    assert translations.install_desk_translator("en") == "en"
    yield
    translations.install_desk_translator("en")


def _menus(window: Any) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


def _save_clinic_language(qtbot: Any, window: Any, language: str) -> None:
    """The clinic settings dialog of the window, the language typed in and saved (as an administrator)."""
    window.admin.clinic_settings()
    dialog = window.clinic_settings_dialog
    editor = dialog.editors["clinic_language"]
    assert isinstance(editor, QLineEdit)
    editor.setText(language)
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_clinic_language_applies_at_once_and_the_open_intake_keeps_its_unsaved_answers(
    qtbot: Any, seeded_url: str, english_desk: None
) -> None:
    window = open_window(qtbot, seeded_url, chooser=ScriptedChooser(), user="doctor",
                         settings=Settings(autosave_seconds=120))
    qtbot.waitUntil(lambda: window.work_builder.done and not window.today.runner.is_busy, timeout=WAIT_MS)
    page = start_intake(qtbot, window, "abbott")
    intake_id, stored = page.record.id, window.clinic.intake(page.record.id)
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=WAIT_MS)
    # Answers typed and not saved: regions on the map, a choice clicked in the form.
    page.form.show_section("where")
    page.form.set_regions("pain", {"right": ["back_of_thigh", "calf", "heel"], "left": []})
    click(qtbot, page.form, "radiates_to.right=foot")
    typed = page.form.answers()
    assert page.dirty and typed["radiates_to"] == {"right": "foot"}
    assert page.panel.heading()  # the result panel has a result to word
    with qtbot.waitSignal(window.today.refreshed, timeout=WAIT_MS):
        window.today.refresh()  # the new draft in Today's list
    assert _cell(window.today.table, 0, 1) == "Draft"
    english_heading = page.panel.heading()
    assert _menus(window)[0] == "&File"

    # An administrator saves the clinic's language (the services' session is theirs for the save; at a real
    # desk they would sign in first, which saves and closes the intake: the language's path is the same).
    window.clinic.sign_in("admin", Secret(PASSWORD))
    _save_clinic_language(qtbot, window, "es")

    qtbot.waitUntil(lambda: _menus(window)[0] == "&Archivo", timeout=WAIT_MS)
    assert translations.desk_language() == "es"
    # The patient list, its headings and Today, in Spanish, as they were.
    patients = window.patients
    assert patients.model.headerData(0, Qt.Orientation.Horizontal) == "Apellidos"
    assert patients.search_label.text() != "&Find patient"
    assert patients.search_label.text() == QCoreApplication.translate("PatientsPanel", "&Find patient")
    assert patients.search.text() == "abbott" and patients.current_patient_id() is not None
    assert window.today.title.text() == "Fichas de admisión de hoy"
    assert window.home_tabs.tabText(1) == QCoreApplication.translate("MainWindow", "&Today") != "&Today"
    assert _cell(window.today.table, 0, 1) == QCoreApplication.translate("TodayPanel", "Draft") != "Draft"
    assert window.today.count.text() == QCoreApplication.translate("TodayPanel", "{0} today").format(1)
    # The intake page: built anew in Spanish, the same intake open with the answers typed, still unsaved.
    spanish = window.intake_page
    assert spanish is not None and spanish is not page
    assert window.stack.currentWidget() is spanish and spanish.record is not None
    assert spanish.record.id == intake_id
    assert spanish.form.language == "es"
    assert spanish.form.answers() == typed and spanish.dirty
    assert spanish.form.current_section() == "where"
    row = spanish.form.row("radiates_to")
    assert row.wording == question_text(Q, "radiates_to", language="es") != question_text(Q, "radiates_to")
    assert spanish.panel.heading() and spanish.panel.heading() != english_heading
    assert spanish.panel.language == "es"
    reader = open_clinic(seeded_url, "doctor")  # another desk's view of the database
    assert reader.intake(intake_id).row_version == stored.row_version  # nothing saved on the way
    assert window.act_save.isEnabled()

    # And back: English again, the answers still there and still unsaved.
    _save_clinic_language(qtbot, window, "en")
    qtbot.waitUntil(lambda: _menus(window)[0] == "&File", timeout=WAIT_MS)
    english = window.intake_page
    assert english is not None and english is not spanish and english.form.language == "en"
    assert english.form.answers() == typed and english.dirty
    assert english.form.row("radiates_to").wording == question_text(Q, "radiates_to")
    assert english.panel.heading() == english_heading
    assert patients.model.headerData(0, Qt.Orientation.Horizontal) == "Family name"
    assert window.today.title.text() == "Today's intakes"
    assert reader.intake(intake_id).row_version == stored.row_version
    # Saved once, by the person, with every answer typed.
    window.clinic.sign_in("doctor", Secret(PASSWORD))
    english.save_now_blocking()
    saved = reader.intake(intake_id)
    assert dict(saved.document.answers) == typed and saved.row_version == stored.row_version + 1
    reader.close()


def test_a_section_and_the_review_stay_open_across_a_change(
    qtbot: Any, seeded_url: str, english_desk: None
) -> None:
    window = open_window(qtbot, seeded_url, chooser=ScriptedChooser(), user="doctor",
                         settings=Settings(autosave_seconds=120))
    page = start_intake(qtbot, window, "abel")
    qtbot.waitUntil(lambda: not page.runner.is_busy, timeout=WAIT_MS)
    page.form.show_section("safety")
    page.show_review()
    window.use_language("es")
    rebuilt = window.intake_page
    assert rebuilt is not None and rebuilt is not page and rebuilt.review_is_open()
    assert rebuilt.form.current_section() == "safety"
    summary = rebuilt.review.browser.toPlainText()
    sections = [s for s in Q.sections if any(q.part == "answers" for q in s.questions)]
    assert section_title(sections[0], language="es") in summary
    assert section_title(sections[0], language="es") != section_title(sections[0])
    window.use_language("en")


def test_a_language_read_at_sign_in_applies_there(qtbot: Any, seeded_url: str, english_desk: None) -> None:
    """Another desk's change of the clinic's language reaches this desk at its next sign-in: the services read
    the clinic settings again then, and the window applies what they read."""
    window = open_window(qtbot, seeded_url, chooser=ScriptedChooser(), user="desk")
    assert _menus(window)[0] == "&File"
    other_desk = open_clinic(seeded_url, "admin")
    try:
        other_desk.save_clinic_settings({"clinic_language": "es"})
        assert _menus(window)[0] == "&File"  # a desk at work keeps its language until its next sign-in
        window.session.sign_out()
        from tests.gui.staff import sign_in

        sign_in(qtbot, window, "desk")
        qtbot.waitUntil(lambda: _menus(window)[0] == "&Archivo", timeout=WAIT_MS)
        other_desk.save_clinic_settings({"clinic_language": "en"})
    finally:
        other_desk.close()
    window.clinic.settings = dataclasses.replace(window.clinic.settings, clinic_language="en")
    window.use_clinic_language()


# --- every page words itself as a page made in that language -------------------------------------------


def words(root: QWidget) -> list[str]:
    """Every word a person (or a screen reader) meets on a page: texts, placeholders, tooltips, accessible
    names and descriptions, tab titles, table headings and cells, combo box items."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.window() is not root.window():
            continue  # a popup made on first use (a date box's calendar): not part of the page
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        if isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView):
            model = widget.model()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
            found += [str(model.index(r, c).data()) for r in range(model.rowCount())
                      for c in range(model.columnCount())]
    return found


def _admin_page() -> QWidget:
    from intake_app.gui.admin_page import AdminPage

    page = AdminPage()
    page.show_for(Actor(name="ada", role=Role.ADMINISTRATOR, display_name="Ada Admin"))
    return page


def _patients() -> QWidget:
    from intake_app.gui.patients import PatientsPanel

    return PatientsPanel()


def _today() -> QWidget:
    from intake_app.gui.today import TodayPanel

    return TodayPanel()


def _outcomes() -> QWidget:
    from intake_app.gui.outcomes_page import OutcomesPage

    return OutcomesPage()


@pytest.mark.parametrize("make", [_admin_page, _patients, _today, _outcomes])
def test_each_page_words_itself_as_one_made_in_the_new_language(qtbot: Any, english_desk: None, make: Any) -> None:
    english = make()
    qtbot.addWidget(english)
    before = words(english)
    assert translations.install_desk_translator("es") == "es"
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    fresh = make()
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: words(english) == words(fresh), timeout=WAIT_MS)
    assert words(english) != before  # Spanish words, not the English ones
    assert translations.install_desk_translator("en") == "en"
    qtbot.waitUntil(lambda: words(english) == before, timeout=WAIT_MS)
