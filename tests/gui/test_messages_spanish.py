"""Issue 16 item 3 (languages), error messages on a Spanish desk: a stale save, a permission refusal, a
refused sign-in, invalid patient details and a database error each read in Spanish, with no English words
and no field keys; at an English desk the same screens show the English as before."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from intake_app.access.roles import Action, PermissionDenied, require
from intake_app.access.secret import Secret
from intake_app.domain import Patient
from intake_app.errors import IntakeError, StaleRecord
from intake_app.gui import messages
from intake_app.gui.patient_dialog import PatientDialog
from intake_app.gui.session import refusal_text
from intake_app.gui.sign_in import SignInScreen
from intake_app.storage.database import translate_error
from tests.gui.scripted import ScriptedChooser

#: English words that would betray an untranslated message (Spanish never uses them as words).
ENGLISH = {"the", "was", "were", "not", "is", "are", "your", "you", "this", "that", "cannot", "changed", "saved",
           "desk", "account", "password", "wrong", "database", "busy", "required", "date", "intake",
           "after", "opened", "sign", "needs", "which", "with", "and", "again", "name", "characters"}
FIELD_KEY = re.compile(r"\b[a-z]+_[a-z_]+\b|\bpatient\.|\banswers\.")


def english_words(text: str) -> set[str]:
    return set(re.findall(r"[a-zA-Z]+", text.lower())) & ENGLISH


def assert_spanish(text: str) -> None:
    assert text.strip()
    assert english_words(text) == set(), text
    assert not FIELD_KEY.search(text), text


class Holder(QWidget):
    """A window carrying a scripted chooser, as the main window does."""

    def __init__(self) -> None:
        super().__init__()
        self.chooser = ScriptedChooser()

    def shown(self) -> str:
        return "\n".join(text for _kind, _title, text in self.chooser.shown)


@pytest.fixture
def holder(qtbot: Any) -> Holder:
    widget = Holder()
    qtbot.addWidget(widget)
    return widget


def stale_save(clinic: Any) -> StaleRecord:
    record = clinic.register_patient(Patient("Testperson", "Alex", dt.date(1980, 1, 15), "female", "", "SYN-1"))
    clinic.update_patient(record.id, Patient("Testperson", "Alexa", dt.date(1980, 1, 15), "female", "", "SYN-1"),
                          expected_version=record.row_version)
    with pytest.raises(StaleRecord) as stale:  # the same record saved again from the version first opened
        clinic.update_patient(record.id, Patient("Testperson", "Alex", dt.date(1980, 1, 15), "female", "", "SYN-2"),
                              expected_version=record.row_version)
    return stale.value


def database_busy() -> IntakeError:
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
    return translate_error(busy)


def refused_sign_in(clinic: Any) -> IntakeError:
    clinic.sign_out()
    with pytest.raises(IntakeError) as refused:
        clinic.sign_in("desk", Secret("not the right password"))
    return refused.value


def test_a_stale_save_a_refusal_and_a_database_error_read_in_spanish(
        spanish_desk: None, holder: Holder, desk_clinic: Any) -> None:
    stale = stale_save(desk_clinic)
    messages.show_error(holder, stale)
    assert "Otro puesto cambió la ficha de este paciente" in holder.shown()
    with pytest.raises(PermissionDenied) as denied:
        require(desk_clinic.signed_in, Action.RESCREEN)
    messages.show_error(holder, denied.value)

    assert "cuenta de recepción" in holder.shown() and "volver a cribar" in holder.shown()
    messages.show_error(holder, database_busy())
    assert "La base de datos está ocupada" in holder.shown()
    assert len(holder.chooser.shown) == 3
    for _kind, _title, text in holder.chooser.shown:
        assert_spanish(text.replace(desk_clinic.signed_in.shown_name, "Nombre"))  # the staff member's own name



def test_a_refused_sign_in_reads_in_spanish(spanish_desk: None, qtbot: Any, desk_clinic: Any) -> None:
    screen = SignInScreen()
    qtbot.addWidget(screen)
    screen.show_refusal(refusal_text(refused_sign_in(desk_clinic)))
    assert screen.error.text().startswith("El nombre de la cuenta o la contraseña no son correctos.")
    assert_spanish(screen.error.text())


def test_invalid_patient_details_are_named_in_spanish(spanish_desk: None, qtbot: Any, desk_clinic: Any) -> None:
    dialog = PatientDialog(desk_clinic)
    qtbot.addWidget(dialog)
    dialog.editors["family_name"].setText("Testperson")
    dialog.editors["given_name"].setText("Alex")
    dialog.editors["date_of_birth"].setText("31.02.1980")  # no such day
    dialog.submit()
    born = dialog.errors["date_of_birth"]
    assert not born.isHidden()
    assert born.text() == "Fecha de nacimiento: no es una fecha real (AAAA-MM-DD o DD.MM.AAAA)."
    sex = dialog.errors["sex"]
    assert sex.text().endswith("es obligatorio: elija una opción (“No consta” si no se sabe).")
    dialog.editors["date_of_birth"].setText("15.01.1980")
    dialog.editors["sex"].setCurrentIndex(dialog.editors["sex"].findData("female"))
    dialog.editors["family_name"].setText("Test\u202eperson")  # a direction control that disguises a name
    dialog.submit()
    family = dialog.errors["family_name"]
    assert not family.isHidden() and "control de dirección del texto" in family.text()
    for label in (born, sex, family):
        assert_spanish(label.text())


def test_an_english_desk_shows_the_english_as_before(holder: Holder, qtbot: Any, desk_clinic: Any) -> None:
    stale = stale_save(desk_clinic)
    messages.show_error(holder, stale)
    messages.show_error(holder, database_busy())
    assert holder.chooser.shown[0][2] == f"{stale.message}\n{stale.hint}"
    assert holder.chooser.shown[1][2] == ("The database is busy (another desk is writing).\n"
                                          "Wait a moment and try again.")
    dialog = PatientDialog(desk_clinic)
    qtbot.addWidget(dialog)
    dialog.editors["date_of_birth"].setText("31.02.1980")
    dialog.submit()
    assert dialog.errors["date_of_birth"].text() == "Date of birth is not a real date (YYYY-MM-DD or DD.MM.YYYY)."
    assert refusal_text(refused_sign_in(desk_clinic)) == (
        "Wrong account name or password. After 5 wrong passwords the account is locked for 15 minutes.")


def test_the_summary_pages_problems_read_in_spanish(spanish_desk: None, qtbot: Any) -> None:
    """The review's "Before completing" list shows the document's problems in the desk's language (it
    showed the English problem text beside the Spanish question name)."""
    from intake_app.domain import load_questionnaire
    from intake_app.errors import phrase
    from intake_app.gui.review import summary_html

    problems = [("answers.onset", phrase("is required"))]
    html = summary_html(load_questionnaire(), {}, lambda _key: True, problems, read_only=False, language="es")
    listed = re.sub(r"<[^>]+>", " ", html.split("</ul>")[0])
    assert "es obligatorio" in listed, listed
    assert english_words(listed) == set() and "is required" not in listed, listed
