"""The administration, access and outcomes screens in the clinic's language (issue 16, item 3).

With the Spanish desk translation installed, the accounts dialog, the audit viewer, the outcomes page (with
its chart), the administrator's page and the settings dialogs show none of their English strings: words
from lower rooms (roles, audit actions, outcome findings, setting labels, result levels) included. An
English desk shows exactly what it showed before. admin_es.ts is up to date with the code and complete.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from intake_app.access.accounts import Account
from intake_app.access.audit_chain import AuditAction, AuditEntry, AuditEvent, chain_next
from intake_app.access.audit_export import AUDIT_WORDS, AuditFilter
from intake_app.access.roles import ROLE_WORDS, Action, Actor, Role
from intake_app.domain.outcomes import FIELD_LABELS, FINDINGS, IMAGING, Outcome
from intake_app.gui.patient import translations
from intake_app.screening.model import LEVEL_TITLES
from intake_app.screening.performance import CaseRow, PerformanceReport, Rate, measure
from intake_app.settings import CLINIC_FIELDS, Settings
from intake_app.translation_marks import MARKED_SOURCES, marked_source_paths

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
ADMIN_TS = ROOT / "resources" / "translations" / "admin_es.ts"
# The gui files whose strings admin_es.ts holds (sign_in.py's access strings are kept here too).
ADMIN_GUI_FILES = tuple(f"intake_app/gui/{name}.py" for name in (
    "accounts_dialog", "acknowledge_dialog", "admin_page", "audit_viewer", "crash", "lock_screen",
    "outcome_dialog", "outcomes_chart", "outcomes_page", "password_dialogs", "settings_dialog", "setup_dialog",
    "sign_in",
))
# The contexts of the screens this file looks at.
SCREEN_CONTEXTS = ("AccountsDialog", "AccountForm", "AdminPage", "AuditViewer", "AuditAction", "ConfirmationChart",
                   "Level", "Outcome", "OutcomeDialog", "OutcomesPage", "Role", "Setting", "SettingsDialog",
                   "ClinicSettingsDialog")
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


def ts_messages(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ('' when unfinished)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and not translation.get("type")
            found[(name, message.findtext("source") or "")] = (translation.text or "") if done else ""  # type: ignore[union-attr]
    return found


def english_words() -> dict[str, str]:
    """The screens' English strings (at least 4 letters, not the same in Spanish) -> their Spanish."""
    words = {}
    for (context, source), spanish in ts_messages(ADMIN_TS).items():
        plain = re.sub(r"\{\d\}|&(?=\w)", "", source).strip(" .:")
        same = plain.lower() == spanish.replace("&", "").lower().strip(" .:")
        if context in SCREEN_CONTEXTS and len(plain) >= 4 and not same:
            words[plain] = spanish
    return words


def shown_texts(widget: QWidget) -> list[str]:
    """Every text a person (or a screen reader) meets in `widget`: labels, buttons, combo items, table
    headers and cells, tooltips and accessible names, the window title."""
    texts = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        texts += [child.toolTip(), child.accessibleName(), child.accessibleDescription()]
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QTableWidget):
            items = [child.horizontalHeaderItem(c) for c in range(child.columnCount())]
            items += [child.item(r, c) for r in range(child.rowCount()) for c in range(child.columnCount())]
            texts += [item.text() for item in items if item is not None]
    return [html.unescape(re.sub(r"<[^>]+>", "", text)).replace("&", "") for text in texts if text]


def english_left(texts: list[str], allowed: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(English string, where) for each known English string still shown."""
    left = []
    for english in english_words():
        pattern = re.compile(r"(?<![\w-])" + re.escape(english.replace("&", "")) + r"(?![\w-])")
        left += [(english, text) for text in texts if pattern.search(text) and not any(a in text for a in allowed)]
    return left


# --- fakes of the clinic: only what each screen reads ------------------------------------------------------


class AccountsClinic:
    def list_accounts(self) -> list[Account]:
        return [
            Account("ana", "Ana Ruiz", Role.CLINICIAN, "x"),
            Account("ben", "Ben Ortiz", Role.FRONT_DESK, "x", disabled=True, must_change_password=True),
            Account("cat", "Cat Gil", Role.ADMINISTRATOR, "x",
                    locked_until=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)),
        ]


def audit_entries() -> list[AuditEntry]:
    events = [AuditEvent(at=NOW + dt.timedelta(minutes=n), who="ana", role=str(role), action=str(action),
                         desk="desk-1", patient_id=7 if n % 2 else None,
                         detail="idle_minutes, clinic_name" if action == AuditAction.SETTINGS_CHANGE else "")
              for n, (action, role) in enumerate(zip(AUDIT_WORDS, [*Role] * 20, strict=False))]
    entries: list[AuditEntry] = []
    for event in events:
        entries.append(chain_next(entries[-1] if entries else None, event))
    return list(reversed(entries))


class AuditClinic:
    def __init__(self) -> None:
        self.entries = audit_entries()

    def count_audit_entries(self, _selection: AuditFilter) -> int:
        return len(self.entries)

    def audit_entries(self, _selection: AuditFilter, *, limit: int, offset: int) -> list[AuditEntry]:
        return self.entries[offset:offset + limit]


def performance_report() -> PerformanceReport:
    def row(n: int, level: str, rules: tuple[str, ...], finding: str | None, version: str = "2026.11-2",
            rescreen: bool = False) -> CaseRow:
        outcome = None if finding is None else Outcome(
            finding=finding, urgent_route_at=NOW + dt.timedelta(hours=n + 1) if level == "urgent" else None)
        return CaseRow(n, version, level, None, rules, n == 3, NOW - dt.timedelta(days=n + 1), outcome, rescreen)

    rows = [row(1, "urgent", ("R1",), "spinal_confirmed"), row(2, "likely", ("S1",), "spinal_confirmed"),
            row(3, "likely", ("S1", "Q1"), "not_spinal"), row(4, "possible", ("S2",), "other_cause"),
            row(5, "not_indicated", (), None), row(6, "likely", ("S1",), "not_seen", "2026.11-1"),
            row(6, "not_indicated", (), None, "2027.01-1", rescreen=True)]
    return measure(rows)


class OutcomesClinic:
    def __init__(self, report: PerformanceReport) -> None:
        self.report = report

    def outcomes_performance(self, _start: Any, _end: Any) -> PerformanceReport:
        return self.report


# --- the screens ------------------------------------------------------------------------------------------


def accounts_screens(qtbot: QtBot) -> list[str]:
    from intake_app.gui.accounts_dialog import AccountForm, AccountsDialog

    dialog = AccountsDialog(AccountsClinic())
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=5000)
    dialog.table.selectRow(1)
    form = AccountForm(dialog)
    return shown_texts(dialog) + shown_texts(form)


def audit_screen(qtbot: QtBot) -> list[str]:
    from intake_app.gui.audit_viewer import AuditViewer

    viewer = AuditViewer(AuditClinic())
    qtbot.addWidget(viewer)
    qtbot.waitUntil(lambda: viewer.table.rowCount() == len(AUDIT_WORDS), timeout=5000)
    return shown_texts(viewer)


def outcomes_screen(qtbot: QtBot) -> tuple[list[str], Any]:
    from intake_app.gui.outcomes_page import OutcomesPage

    page = OutcomesPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.set_clinic(OutcomesClinic(performance_report()))  # type: ignore[arg-type]
    texts = shown_texts(page)
    for index in range(page.version.count()):  # every rules version and the re-screened results
        page.version.setCurrentIndex(index)
        texts += shown_texts(page) + page.chart.labels()
    texts.append(page.chart.empty_text())
    return texts, page


def admin_screens(qtbot: QtBot) -> list[str]:
    from intake_app.gui.admin_page import AdminPage
    from intake_app.gui.outcome_dialog import OutcomeDialog
    from intake_app.gui.settings_dialog import SettingsDialog

    page = AdminPage()
    qtbot.addWidget(page)
    page.show_for(Actor("root", Role.ADMINISTRATOR, "Olu Owner"))
    texts = shown_texts(page)
    for fields in (tuple(CLINIC_FIELDS), None):  # the clinic's settings and this desk's preferences
        dialog = SettingsDialog(Settings(), fields=fields)
        qtbot.addWidget(dialog)
        texts += shown_texts(dialog)
    outcome = OutcomeDialog(None, 12, urgent=True)  # type: ignore[arg-type]
    qtbot.addWidget(outcome)
    return texts + shown_texts(outcome)


# Shown on purpose in English (names, not words for people to read): none of the screen's strings.
CLINICAL_RULE_NAMES = ("R1 ", "S1 ", "S2 ", "Q1 ")


@pytest.mark.usefixtures("spanish_desk")
def test_a_spanish_desk_shows_no_english_on_the_admin_access_and_outcomes_screens(qtbot: QtBot) -> None:
    assert len(english_words()) > 150
    texts = accounts_screens(qtbot)
    assert "desactivada, debe elegir una contraseña nueva" in texts and "recepción" in texts
    assert any(text.startswith("bloqueada hasta las ") for text in texts)
    assert english_left(texts) == []

    texts = audit_screen(qtbot)
    assert "Cuándo" in texts and "Dio por vista una señal de alarma" in texts and "clínico" in texts
    assert "Bloqueo por inactividad, Nombre de la clínica" in texts  # a settings change names them in Spanish
    assert english_left(texts) == []

    texts, page = outcomes_screen(qtbot)
    assert "URGENTE\n1 de 1\nmenos de 10" in texts and "Todas las fichas de admisión (resultados originales)" in texts
    assert any("1 de 1 (100 %, IC del 95 %" in text for text in texts)
    assert english_left(texts, allowed=CLINICAL_RULE_NAMES) == []
    assert page.chart.accessibleName() == "Confirmado entre los vistos, por nivel, con intervalos del 95 %"

    texts = admin_screens(qtbot)
    assert "Sesión iniciada: Olu Owner (administrador)" in texts
    assert "Bloqueo por inactividad" in texts and "Otras pruebas de imagen" in texts
    assert english_left(texts) == []


class BackupClinic:
    def backup(self) -> Path:
        return Path("/backups/intake-2026-11-20.db")


@pytest.mark.usefixtures("spanish_desk")
def test_the_administrators_tools_and_the_crash_note_speak_spanish(qtbot: QtBot, monkeypatch: Any) -> None:
    """They were filed under the contexts 'page' and 'self.window' (or not marked at all), so a Spanish
    desk showed them in English."""
    from PySide6.QtWidgets import QMainWindow

    from intake_app import crashlog
    from intake_app.gui import crash
    from intake_app.gui.admin_page import AdminPage, AdminTools
    from tests.gui.scripted import ScriptedChooser

    window = QMainWindow()
    qtbot.addWidget(window)
    window.clinic = BackupClinic()  # type: ignore[attr-defined]
    window.admin_page = AdminPage(window)  # type: ignore[attr-defined]
    window.use_clinic_language = lambda: None  # type: ignore[attr-defined]  # the main window's (language tests)
    tools = AdminTools(window)
    tools.backup()
    qtbot.waitUntil(lambda: bool(window.admin_page.status.text()), timeout=5000)  # type: ignore[attr-defined]
    assert window.admin_page.status.text() == "Copia de seguridad hecha: intake-2026-11-20.db"  # type: ignore[attr-defined]
    tools._clinic_settings_saved(Settings())
    assert window.statusBar().currentMessage() == "Ajustes de la clínica guardados"

    chooser = ScriptedChooser()
    monkeypatch.setattr(crashlog, "write_crash_log", lambda *_args: None)
    crash.handle_exception(RuntimeError, RuntimeError("boom"), None, chooser=chooser)
    assert chooser.shown[-1][2] == "No se ha podido escribir el registro del fallo."


def chain_reports() -> list[Any]:
    from intake_app.access.audit_chain import INTACT, INTACT_UNANCHORED, ChainReport, Problem

    return [ChainReport(4, "0" * 64, message=INTACT), ChainReport(4, "0" * 64, message=INTACT_UNANCHORED),
            *[ChainReport(4, "0" * 64, problem, 3, f"English message about entries 3 to 5 ({problem})")
              for problem in Problem]]


@pytest.mark.usefixtures("spanish_desk")
def test_the_trail_checks_verdict_speaks_spanish() -> None:
    from intake_app.gui.audit_viewer import verdict_text

    verdicts = [verdict_text(report) for report in chain_reports()]
    assert verdicts[0] == "El registro de auditoría está intacto."
    assert all("3" in text for text in verdicts[2:])
    assert english_left(verdicts) == [] and not any("English" in text for text in verdicts)


def test_an_english_desk_is_unchanged(qtbot: QtBot) -> None:
    from intake_app.gui.audit_viewer import COLUMNS
    from intake_app.gui.outcomes_chart import rate_text
    from intake_app.gui.outcomes_page import ALL_VERSIONS, LEVEL_HEADERS, RESCREENED, urgent_text

    texts = accounts_screens(qtbot)
    assert "switched off, must choose a new password" in texts and "front-desk" in texts and "active" in texts
    texts = audit_screen(qtbot)
    assert all(column in texts for column in COLUMNS)
    assert "Acknowledged a red flag" in texts and "Idle lock, Clinic name" in texts
    texts, page = outcomes_screen(qtbot)
    assert "URGENT\n1 of 1\nfewer than 10" in texts and ALL_VERSIONS in texts and RESCREENED in texts
    assert all(header in texts for header in LEVEL_HEADERS)
    assert "No completed intakes in this period." in texts
    report = page.report
    assert report is not None
    assert urgent_text(report.overall) == (
        "1 urgent result(s); the time the patient reached the emergency or urgent route was recorded for 1; median "
        "50.0 hours after the intake was completed.")
    for rate in (Rate(0, 0), Rate(3, 4), Rate(7, 9), Rate(1, 3), Rate(40, 41), Rate(12, 30)):
        assert rate_text(rate) == rate.text()
    from intake_app.gui.audit_viewer import VERDICT_OK, verdict_text

    assert all(key == words for key, words in VERDICT_OK.items())
    assert all(verdict_text(report) == report.message for report in chain_reports())
    texts = admin_screens(qtbot)
    assert "Signed in: Olu Owner (administrator)" in texts and "Idle lock" in texts
    assert FINDINGS["not_seen"] in texts and IMAGING["nerve_studies"] in texts and FIELD_LABELS["note"] in texts


def test_the_screens_level_titles_are_the_screenings() -> None:
    from intake_app.gui.outcomes_chart import LEVEL_TITLES_MARKED

    assert set(LEVEL_TITLES_MARKED) == set(LEVEL_TITLES.values())


def test_the_stored_and_exported_words_stay_english() -> None:
    assert ROLE_WORDS[Role.FRONT_DESK] == "front-desk"
    assert AUDIT_WORDS[AuditAction.INTAKE_RED_FLAG_ACK] == "Acknowledged a red flag"
    assert FINDINGS["spinal_confirmed"] == "Spinal origin confirmed"
    assert Action.MANAGE_ACCOUNTS.value == "accounts.manage"
    assert [p.relative_to(ROOT / "intake_app").as_posix() for p in marked_source_paths()] == list(MARKED_SOURCES)


def test_the_marker_loads_nothing_for_the_windows_early_imports() -> None:
    """Roles, the audit words and the settings are read before the window paints: marking their words
    must not load the questionnaire's room (and YAML) with them."""
    import sys

    code = ("import sys, intake_app.access.roles, intake_app.access.audit_export, intake_app.settings; "
            "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('intake_app.domain')))")
    shown = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    assert shown.stdout.strip() == "[]"


def test_admin_es_is_complete_and_up_to_date_with_the_code(tmp_path: Path) -> None:
    found = ts_messages(ADMIN_TS)
    assert [key for key, spanish in found.items() if not spanish.strip()] == []
    lupdate = translations.qt_tool("pyside6-lupdate")
    assert lupdate is not None
    fresh = tmp_path / "admin_es.ts"
    shutil.copy(ADMIN_TS, fresh)
    sources = [str(ROOT / name) for name in ADMIN_GUI_FILES] + [str(p) for p in marked_source_paths()]
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    # The error messages' templates (context IntakeError) are marked in the same lower modules; their Spanish
    # lives in messages_es.ts (the messages' own file), not here.
    assert {key for key in ts_messages(fresh) if key[0] != "IntakeError"} == set(found)
    # The lower rooms' words are in it: every role, audit action, outcome word and setting label.
    assert {("Role", w) for w in ROLE_WORDS.values()} <= set(found)
    assert {("AuditAction", w) for w in AUDIT_WORDS.values()} <= set(found)
    assert {("Outcome", w) for w in [*FINDINGS.values(), *IMAGING.values(), *FIELD_LABELS.values()]} <= set(found)
    assert {("Setting", str(f.metadata["label"])) for f in Settings.__dataclass_fields__.values()} <= set(found)
