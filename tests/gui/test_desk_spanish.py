"""The desk's screens in the clinic's language (issue 16, item 3): with the clinic language set to Spanish
the intake form's sections, questions, help, options, units and region names, the summary page, the map
and the desk's buttons and menus read Spanish; an English desk stays English; patient mode's translator
never changes the desk's language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from intake_app.domain.questionnaire import load_questionnaire
from intake_app.domain.wording import help_text, option_text, question_text, section_title
from intake_app.gui.body_map import BodyMapWidget
from intake_app.gui.field_widgets import ComboChoiceEditor, IntegerEditor, RadioChoiceEditor
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.patient import translations
from intake_app.gui.review import SummaryPage, problem_name
from intake_app.gui.side_widgets import PerSideChoiceEditor, PerSideRegionsEditor

pytestmark = pytest.mark.gui

Q = load_questionnaire()



@pytest.fixture
def spanish_desk(qapp: Any, compiled: Path) -> Iterator[None]:
    assert translations.install_desk_translator("es") == "es"
    yield
    assert translations.install_desk_translator("en") == "en"
    assert QCoreApplication.translate("IntakeForm", "Sections of the form") == "Sections of the form"


def _texts(widget: Any, kind: type) -> list[str]:
    return [w.text() for w in widget.findChildren(kind)]


def _first(kind: type, form: IntakeForm) -> Any:
    for question in Q.answer_questions:
        editor = form.editor(question.id)
        if isinstance(editor, kind):
            return question, editor
    raise AssertionError(f"no {kind.__name__} in the form")


def test_a_spanish_desk_shows_the_form_in_spanish(qtbot: Any, spanish_desk: None) -> None:
    form = IntakeForm(Q)
    qtbot.addWidget(form)
    assert form.language == "es"
    labels = _texts(form, QLabel)
    nav = [form.nav.item(i).text() for i in range(form.nav.count())]
    for section in (s for s in Q.sections if s.id in form.section_ids()):
        spanish = section_title(section, language="es")
        assert spanish != section.title
        assert spanish in labels
        assert any(item.startswith(spanish) for item in nav)
    assert "Preguntas de seguridad" in labels

    for question in Q.answer_questions:
        row = form.row(question.id)
        spanish = question_text(Q, question, language="es")
        assert spanish != question_text(Q, question)  # every question has its own Spanish
        assert row.label.text().startswith(spanish.replace("&", "&amp;") if question.required else spanish)
        if question.help:
            assert row.help is not None and row.help.text() == help_text(Q, question, language="es")

    question, radios = _first(RadioChoiceEditor, form)
    assert [b.text().replace("&&", "&") for b in radios.buttons] == [
        option_text(Q, question, o.value, language="es") for o in question.options]
    # A long list of options is a combo box (the current questionnaire has none; the editor is built alone).
    question = next(q for q in Q.answer_questions if q.type == "choice" and not q.red_flag)
    combo = ComboChoiceEditor(question, Q)
    qtbot.addWidget(combo)
    items = [combo.combo.itemText(i) for i in range(combo.combo.count())]
    assert items == ["Sin respuesta", *(option_text(Q, question, o.value, language="es") for o in question.options)]
    assert combo.combo.accessibleName() == question_text(Q, question, language="es")
    question, sides = _first(PerSideChoiceEditor, form)
    assert {label.text() for label in sides.findChildren(QLabel)} >= {"Derecha", "Izquierda"}
    question, number = _first(IntegerEditor, form)
    if question.unit:
        assert number.unit_label is not None and number.unit_label.text() == question.unit.text("es")

    # The form's own words and the region chips.
    buttons = _texts(form, QPushButton)
    assert any(text.startswith("Siguiente: ") for text in buttons)
    assert any(text.startswith("‹ Atrás: ") for text in buttons)
    regions = next(e for _q, e in [_first(PerSideRegionsEditor, form)])
    assert regions.empty.text().startswith("Nada marcado todavía")
    regions.toggle("right", "heel")
    chip = regions.chip_buttons()[0]
    assert chip.text().startswith(f"Derecha: {Q.region_label('heel', 'es')}")
    assert Q.region_label("heel", "es") != Q.region_label("heel")
    assert regions.adders["right"].region_for(Q.region_label("calf", "es")[:4]) == "calf"
    assert regions.adders["right"].placeholderText() == "escriba una zona"


def test_an_english_desk_stays_english(qtbot: Any, qapp: Any) -> None:
    assert translations.desk_language() == "en"
    form = IntakeForm(Q)
    qtbot.addWidget(form)
    labels = _texts(form, QLabel)
    assert "Safety questions" in labels and "Preguntas de seguridad" not in labels
    for question in Q.answer_questions:
        assert form.row(question.id).wording == question.label
    question, radios = _first(RadioChoiceEditor, form)
    assert [b.text().replace("&&", "&") for b in radios.buttons] == [o.label for o in question.options]
    assert any(text.startswith("Next: ") for text in _texts(form, QPushButton))
    page = SummaryPage(Q)
    qtbot.addWidget(page)
    safety = next(q for q in Q.answer_questions if q.red_flag)
    page.show_summary({safety.id: "unknown"}, lambda _f: True, [], needs_acknowledgement=False)
    assert "NOT ASKED" in page.text() and safety.label in page.text()
    assert page.heading.text() == "Review the answers before completing"


def test_a_spanish_desk_reviews_and_names_problems_in_spanish(qtbot: Any, spanish_desk: None) -> None:
    page = SummaryPage(Q)
    qtbot.addWidget(page)
    safety = next(q for q in Q.answer_questions if q.red_flag)
    page.show_summary({safety.id: "unknown"}, lambda _f: True, [("answers.pain", "is required")],
                      needs_acknowledgement=True)
    text = page.text()
    assert "NO SE PREGUNTÓ" in text and "NOT ASKED" not in text
    assert question_text(Q, safety, language="es") in text
    assert "URGENTE:" in text and "Ir a la pregunta" in text and "Antes de completar:" in text
    assert page.heading.text() == "Revise las respuestas antes de completar"
    assert {b.text() for b in page.findChildren(QAbstractButton)} >= {"Completar &ahora",
                                                                      "Dar por vista la señal de alarma..."}
    assert page.problems[0][1].startswith("antes, un clínico")
    assert problem_name(Q, "answers.weakness_course.right") == (
        f"{question_text(Q, 'weakness_course', language='es')} (Derecha)")


def test_a_spanish_desk_draws_the_map_in_spanish(qtbot: Any, spanish_desk: None) -> None:
    widget = BodyMapWidget()
    qtbot.addWidget(widget)
    assert widget.describe("heel", "right") == f"Derecha - {Q.region_label('heel', 'es')}"
    assert widget._legend_name("tingling") == "Hormigueo"
    titles = {view.label for view in widget._map.views}
    assert "Piernas vistas de frente" in titles and "Legs from the front" not in titles
    english = BodyMapWidget(language="en")
    qtbot.addWidget(english)
    assert english.describe("heel", "right") == "Right - Heel"


def test_the_desk_window_menus_and_lists_read_spanish(qtbot: Any, spanish_desk: None, tmp_path: Path) -> None:
    from intake_app.gui.main_window import MainWindow
    from intake_app.settings import Settings

    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Settings(), state)
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Archivo" in menus and "&File" not in menus
    every_action = [a.text() for menu in window.menuBar().actions() if menu.menu() for a in menu.menu().actions()]
    assert "&Nueva ficha de admisión" in every_action
    # The sign-in screen's words come from the second file (admin_es.ts): every file of the language is loaded.
    buttons = {b.text() for b in window.findChildren(QPushButton)}
    assert "&Iniciar sesión" in buttons and "&Sign in" not in buttons


def test_a_mixin_string_is_found_under_the_class_qt_asks_for(spanish_desk: None) -> None:
    """IntakeSaving is a mixin: lupdate stores its strings without a context, Qt asks under IntakePage."""
    assert QCoreApplication.translate("IntakePage", "Saving draft...") == "Guardando el borrador..."
    assert QCoreApplication.translate("IntakeSaving", "Unsaved changes") == "Cambios sin guardar"


def test_patient_mode_never_changes_the_desk_language(spanish_desk: None) -> None:
    """An English-speaking patient at a Spanish desk: patient mode in English, the desk still Spanish."""
    owner = QObject()
    english = translations.install_translator("en", owner)
    try:
        assert QCoreApplication.translate("PatientMode", "Next") == "Next"
        assert QCoreApplication.translate("IntakeForm", "Sections of the form") == "Secciones del cuestionario"
        assert QCoreApplication.translate("SummaryPage", "NOT ASKED") == "NO SE PREGUNTÓ"
    finally:
        translations.remove_translator(english)


def test_a_spanish_patient_at_an_english_desk_leaves_the_desk_english(qapp: Any, compiled: Path) -> None:
    assert translations.desk_language() == "en"
    owner = QObject()
    spanish = translations.install_translator("es", owner)
    try:
        assert spanish is not None
        assert QCoreApplication.translate("PatientMode", "Next") == "Siguiente"
        assert QCoreApplication.translate("IntakeForm", "Sections of the form") == "Sections of the form"
        assert QCoreApplication.translate("SummaryPage", "NOT ASKED") == "NOT ASKED"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        translations.remove_translator(spanish)
    assert QCoreApplication.translate("PatientMode", "Next") == "Next"


def test_no_desk_class_shares_its_name_with_a_patient_mode_class() -> None:
    """Qt looks strings up by class name: a desk class named like a patient-mode class would take the
    patient's language while patient mode is open (the desk's summary page was called ReviewPage)."""
    import importlib
    import pkgutil
    import sys

    import intake_app.gui as gui

    for module in pkgutil.walk_packages(gui.__path__, "intake_app.gui."):
        importlib.import_module(module.name)
    desk = {obj.__name__ for name, module in list(sys.modules.items())
            if name.startswith("intake_app.gui") and not name.startswith("intake_app.gui.patient")
            for obj in vars(module).values()
            if isinstance(obj, type) and issubclass(obj, QObject) and obj.__module__ == name}
    shared = desk & translations.patient_contexts()
    assert shared == {"BodyMapWidget"}  # patient mode's map is the desk's widget, in the patient's words


def test_a_spanish_desk_asks_yes_or_no_in_spanish(qtbot: Any, spanish_desk: None) -> None:
    """The desk's questions say "Sí guarda sus respuestas": the message box's own buttons must say Sí too."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert texts == {"Sí", "No"}


def _accelerator(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def test_no_two_entries_of_a_spanish_menu_share_an_accelerator(qtbot: Any, spanish_desk: None,
                                                                tmp_path: Path) -> None:
    from intake_app.gui.main_window import MainWindow
    from intake_app.settings import Settings

    window = MainWindow(Settings(), QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    bar = [a for a in window.menuBar().actions() if a.text()]
    groups = [[a.text() for a in bar]] + [[a.text() for a in m.menu().actions() if a.text()] for m in bar if m.menu()]
    clashes = []
    for texts in groups:
        keys = [k for k in map(_accelerator, texts) if k]
        clashes += [(k, [t for t in texts if _accelerator(t) == k]) for k in set(keys) if keys.count(k) > 1]
    assert clashes == []


# --- the clinic's language from the start (session 10) ---------------------------------------------------


def _set_clinic_language(url: str, language: str) -> None:
    from tests.gui.staff import open_clinic

    admin = open_clinic(url, "admin")
    admin.save_clinic_settings({"clinic_language": language})
    admin.close()


def _started_window(qtbot: Any, url: str) -> Any:
    """The window as the program starts it (build_window: window.ini in the test's config folder), shown,
    with its database open."""
    from intake_app.gui.app import build_window, create_application
    from intake_app.settings import Settings
    from tests.gui.scripted import ScriptedChooser
    from tests.gui.staff import fast_passwords

    create_application()
    window = build_window(url, Settings(), ScriptedChooser(), clinic_options={"passwords": fast_passwords()})
    qtbot.addWidget(window)
    return window


def _menu_titles(window: Any) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _reads_spanish(window: Any) -> bool:
    screen, lock = window.session.sign_in_screen, window.session.lock_screen
    return ("&Archivo" in _menu_titles(window) and screen.sign_in_button.text() == "&Iniciar sesión"
            and screen.name_label.text() != "Account &name" and lock.unlock_button.text() != "&Unlock")


def _reads_english(window: Any) -> bool:
    screen, lock = window.session.sign_in_screen, window.session.lock_screen
    return ("&File" in _menu_titles(window) and screen.sign_in_button.text() == "&Sign in"
            and screen.name_label.text() == "Account &name" and lock.unlock_button.text() == "&Unlock"
            and window.db_label.text().startswith("Database: "))


@pytest.fixture
def desk_reset(qapp: Any, compiled: Path) -> Iterator[None]:
    """The desk starts English (as the program does) and is English again afterwards."""
    assert translations.install_desk_translator("en") == "en"
    yield
    translations.install_desk_translator("en")


def test_a_spanish_clinic_starts_spanish_and_a_changed_setting_is_followed(
    qtbot: Any, desk_reset: None, staffed_url: str
) -> None:
    """Found in session 10: the menus, the sign-in and the lock screen were built before the database (which
    holds the clinic's language) was open, so a Spanish clinic's desk showed them in English. Now the window
    words itself again when the language changes, and remembers the clinic's language for its next start."""
    from intake_app.gui.window_access import LANGUAGE_KEY

    _set_clinic_language(staffed_url, "es")
    first = _started_window(qtbot, staffed_url)
    assert "&File" in _menu_titles(first)  # the first start knows nothing yet
    with qtbot.waitSignal(first.clinic_ready, timeout=10000):
        first.show()
    # No translator installed by the test: the window took the clinic's setting from the database.
    qtbot.waitUntil(lambda: _reads_spanish(first), timeout=5000)
    assert translations.desk_language() == "es" and first.desk_language == "es"
    assert first.db_label.text().startswith("Base de datos: ")
    qtbot.waitUntil(lambda: first.work_builder.done, timeout=10000)
    tabs = [first.home_tabs.tabText(i) for i in range(first.home_tabs.count())]
    assert tabs == [QCoreApplication.translate("MainWindow", "Find &patient"),
                    QCoreApplication.translate("MainWindow", "&Today")]
    assert "Find &patient" not in tabs
    assert first.window_state.value(LANGUAGE_KEY) == "es"
    first.close()

    # The next start paints Spanish before its database is open: the remembered language went in first.
    translations.install_desk_translator("en")
    second = _started_window(qtbot, staffed_url)
    assert second.clinic is None and _reads_spanish(second)
    second.close()

    # The administrator sets English: the next start opens Spanish (remembered), then follows the database.
    _set_clinic_language(staffed_url, "en")
    third = _started_window(qtbot, staffed_url)
    assert _reads_spanish(third)
    with qtbot.waitSignal(third.clinic_ready, timeout=10000):
        third.show()
    qtbot.waitUntil(lambda: _reads_english(third), timeout=5000)
    assert translations.desk_language() == "en" and third.window_state.value(LANGUAGE_KEY) == "en"
    third.close()


def test_the_urgent_notice_and_the_locked_user_are_worded_again_when_the_language_changes(
    qtbot: Any, desk_reset: None
) -> None:
    """The sign-in screen's "Urgent red flag - sign in" (safety: it must read in the desk's language) was
    looked up under a variable's name and stayed English; shown before the language changed, it follows it."""
    from intake_app.access.roles import Actor, Role
    from intake_app.gui.lock_screen import LockScreen
    from intake_app.gui.sign_in import SignInScreen, show_urgent

    screen, lock = SignInScreen(), LockScreen()
    for widget in (screen, lock):
        qtbot.addWidget(widget)
    show_urgent(screen.urgent, 1)
    show_urgent(lock.urgent, 2)
    lock.show_for(Actor(name="rosa", role=Role.FRONT_DESK, display_name="Rosa"))
    assert screen.urgent.text() == "Urgent red flag - sign in"
    assert translations.install_desk_translator("es") == "es"
    qtbot.waitUntil(lambda: screen.urgent.text() == "Señal de alarma urgente - inicie sesión", timeout=5000)
    assert lock.urgent.text() == "Señales de alarma urgentes (2) - inicie sesión"
    assert lock.who.text() == "Sesión iniciada: Rosa (recepción)"
    assert screen.rule.text().startswith("Al menos")
    assert translations.install_desk_translator("en") == "en"
    qtbot.waitUntil(lambda: screen.urgent.text() == "Urgent red flag - sign in", timeout=5000)
