"""The desk in the clinic's language (issue 16): its translation installed when found, English for an
unknown language, and an English-speaking patient never sees the desk's Spanish."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from pytestqt.qtbot import QtBot

from intake_app.gui.patient import translations


def next_word() -> str:
    return QCoreApplication.translate("PatientMode", "Next")


def test_the_desk_follows_the_clinic_language_and_an_english_patient_stays_english(qtbot: QtBot) -> None:
    assert translations.install_desk_translator("xx") == "en"  # unknown: English, nothing blank
    assert next_word() == "Next"
    assert translations.install_desk_translator("es") == "es"
    try:
        assert translations.desk_language() == "es"
        assert next_word() == "Siguiente"
        owner = QObject()
        english = translations.install_translator("en", owner)
        assert english is not None and next_word() == "Next"
        assert QCoreApplication.translate("NoSuchContext", "Next") == "Next"
        translations.remove_translator(english)
        assert next_word() == "Siguiente"
    finally:
        assert translations.install_desk_translator("en") == "en"
    assert next_word() == "Next"


def test_a_patient_keeps_their_language_when_the_desk_changes_its_own(qtbot: QtBot) -> None:
    """The clinic's language saved while a patient answers: the desk's translator is installed anew (asked
    first by Qt), yet patient mode's words stay in the patient's language."""
    assert translations.install_desk_translator("en") == "en"
    owner = QObject()
    english = translations.install_translator("en", owner)  # an English-speaking patient at an English desk
    try:
        assert translations.install_desk_translator("es") == "es"
        assert next_word() == "Next"
        assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"  # the desk did change
        translations.remove_translator(english)
        assert next_word() == "Siguiente"
        spanish = translations.install_translator("es", owner)
        assert translations.install_desk_translator("en") == "en"
        assert next_word() == "Siguiente"
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
        translations.remove_translator(spanish)
    finally:
        assert translations.install_desk_translator("en") == "en"
    assert next_word() == "Next"
