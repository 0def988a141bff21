"""Issue 13 items 3 and 5: the audit trail in a REAL database. Edited, deleted, reordered and cut-off
entries are caught and the first bad one named; views and searches are recorded with ids only; a
spoofed settings file changes nothing that is recorded; passwords never reach logs, the crash log or
the audit trail; clinic settings live in the database, administrators only, recorded by name.

On the old code the audit log was plain rows (any SQL edit went unnoticed), named whoever the settings
file said, and recorded no views, searches, prints, sign-ins or settings changes.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.anchor import read_anchor
from intake_app.access.audit_chain import Problem
from intake_app.access.audit_export import AuditFilter
from intake_app.access.lockout import SignInRefused
from intake_app.access.passwords import Secret
from intake_app.access.roles import PermissionDenied
from intake_app.domain import parse_document
from intake_app.services import Clinic
from intake_app.settings import load_settings, settings_path
from tests.conftest import ACCOUNTS, add_test_accounts, secret, signed_in_clinic, synthetic_document
from tests.conftest import fast_passwords as cheap_passwords


def db_path(clinic: Clinic) -> Path:
    return Path(str(clinic.repository.engine.url.database))


def raw(clinic: Clinic, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Plain SQL on the file, as someone with the database in a SQLite tool would do it."""
    connection = sqlite3.connect(db_path(clinic))
    try:
        with connection:
            return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


@pytest.fixture
def busy(database_url: str) -> Iterator[Clinic]:
    """A clinician who registered patients and searched: a chain of a dozen or more entries."""
    clinic = signed_in_clinic(database_url, "clinician")
    patient = parse_document(synthetic_document()).patient
    for _ in range(4):
        record = clinic.register_patient(patient)
        clinic.patient(record.id)
    clinic.search_patients("Testperson")
    clinic.sign_in("admin", secret())
    yield clinic
    clinic.close()


def test_an_untouched_chain_verifies_and_the_anchor_follows_it(busy: Clinic) -> None:
    report = busy.verify_audit()
    assert report.ok, report.message
    busy._anchors.settle_pending()  # the anchor moves at most once a second after commits, and at close
    anchor = read_anchor(busy._anchors.path)
    newest = raw(busy, "SELECT seq, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert newest[0] == report.count + 1  # the check's own entry, written after it
    assert anchor is not None and (anchor.count, anchor.head_hash) == newest  # anchored after its commit
    assert busy.repository.audit_head() == newest
    assert raw(busy, "SELECT seq, hash FROM audit_head") == [newest]


def test_an_edited_entry_is_caught_and_named(busy: Clinic) -> None:
    raw(busy, "UPDATE audit_log SET who = 'someone' WHERE seq = 5")
    report = busy.verify_audit()
    assert (report.problem, report.first_bad) == (Problem.EDITED, 5)
    assert "Entry 5 was changed" in report.message


def test_a_deleted_entry_is_caught_and_named(busy: Clinic) -> None:
    raw(busy, "DELETE FROM audit_log WHERE seq = 4")
    report = busy.verify_audit()
    assert (report.problem, report.first_bad) == (Problem.REMOVED, 4)
    assert "Entry 4 is missing" in report.message


def test_reordered_entries_are_caught_and_named(busy: Clinic) -> None:
    # Swap the stored order of entries 3 and 4 (their rows' ids), leaving each row's content as written.
    raw(busy, "UPDATE audit_log SET id = -1 WHERE seq = 3")
    raw(busy, "UPDATE audit_log SET id = (SELECT id FROM audit_log WHERE seq = 4) - 1 WHERE seq = 4")
    ids = dict(raw(busy, "SELECT seq, id FROM audit_log WHERE seq IN (3, 4)"))
    raw(busy, "UPDATE audit_log SET id = ? WHERE seq = 3", ids[4] + 1)
    report = busy.verify_audit()
    assert report.problem is Problem.REORDERED and report.first_bad == 4
    assert "Entry 4 appears before entry 3" in report.message


def test_entries_cut_off_the_end_are_caught_by_the_anchor(busy: Clinic) -> None:
    assert busy.verify_audit().ok
    count = raw(busy, "SELECT count(*) FROM audit_log")[0][0]
    raw(busy, "DELETE FROM audit_log WHERE seq > ?", count - 3)
    raw(busy, "UPDATE audit_head SET seq = seq - 3")
    report = busy.verify_audit()
    assert report.problem is Problem.CUT_OFF and "this computer last saw" in report.message


def test_a_chain_broken_before_opening_is_found_at_the_next_start(database_url: str, busy: Clinic) -> None:
    busy.verify_audit()
    busy.close()
    connection = sqlite3.connect(database_url.removeprefix("sqlite:///"))
    with connection:
        last = connection.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        connection.execute("UPDATE audit_log SET detail = 'x' WHERE seq = ?", (last,))
    connection.close()
    reopened = Clinic.open(database_url, passwords=cheap_passwords())
    try:
        assert reopened._anchors.problem is not None and reopened._anchors.problem.first_bad == last
    finally:
        reopened.close()


def test_views_and_searches_are_recorded_with_ids_only(database_url: str) -> None:
    clinic = signed_in_clinic(database_url, "front-desk")
    try:
        patient = parse_document(synthetic_document()).patient
        record = clinic.register_patient(patient)
        draft = clinic.start_intake(record.id)
        clinic.search_patients("Testperson Alex 1980")
        clinic.patient(record.id)
        clinic.intake(draft.id)
        clinic.note_printed(draft.id, "referral")
        clinic.note_pdf_saved(draft.id, "handout")
        assert clinic._views.flush(5)
        rows = raw(clinic, "SELECT who, role, action, patient_id, intake_id, detail, desk FROM audit_log ORDER BY id")
    finally:
        clinic.close()
    by_action = {row[2]: row for row in rows}
    assert by_action["patient.search"][3:6] == (None, None, "")  # the fact of searching, never the text
    assert by_action["patient.view"][3:5] == (record.id, None)
    assert by_action["intake.view"][3:5] == (record.id, draft.id)
    assert by_action["report.print"][5] == "referral" and by_action["report.save_pdf"][5] == "handout"
    assert all(row[0] == "desk" and row[1] == "front-desk" for row in rows if row[2].startswith(("patient", "intake")))
    dump = json.dumps(rows)
    for private in ("Testperson", "Alex", "1980", "SYN-0001", "0700"):
        assert private not in dump


def test_a_spoofed_settings_file_no_longer_changes_who_is_recorded(database_url: str) -> None:
    """The old code wrote settings.desk_user into the audit row; now the signed-in account is recorded."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"desk_user": "Dr. Somebody Else", "clinic_name": "Spoof Clinic"}), encoding="utf-8")
    spoofed = load_settings()
    clinic = signed_in_clinic(database_url, "front-desk", settings=spoofed)
    try:
        document = parse_document(synthetic_document())
        record = clinic.register_patient(document.patient)
        clinic.start_intake(record.id)
        rows = raw(clinic, "SELECT who, role, desk, detail FROM audit_log")
    finally:
        clinic.close()
    assert "Somebody" not in json.dumps(rows)
    assert rows[-1][:2] == ("desk", "front-desk")


def test_passwords_never_reach_logs_the_crash_log_or_the_audit_trail(
    database_url: str, caplog: pytest.LogCaptureFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake_app import crashlog

    typed = "Typed-In-Password-4711"
    caplog.set_level(logging.DEBUG)
    clinic = signed_in_clinic(database_url, "administrator")
    try:
        clinic.reset_password("desk", Secret(typed + "x"))
        with pytest.raises(SignInRefused) as refused:
            clinic.sign_in("desk", Secret(typed))
        with pytest.raises(SignInRefused):
            clinic.sign_in(typed, Secret(typed))  # a password typed into the name box
        clinic.sign_in("admin", secret())
        clinic.add_account("nurse", "Nina Nurse", "clinician", Secret(typed + "y"))
        rows = raw(clinic, "SELECT * FROM audit_log")
        accounts = raw(clinic, "SELECT * FROM accounts")
    finally:
        clinic.close()
    monkeypatch.setenv("INTAKE_APP_STATE_DIR", str(tmp_path / "state"))
    exc = refused.value
    crash = crashlog.describe(type(exc), exc.__traceback__)
    written = crashlog.write_crash_log(type(exc), exc.__traceback__)
    logged = written.read_text(encoding="utf-8") if written is not None else ""
    for place, text in (("log", caplog.text), ("audit", json.dumps(rows, default=str)),
                        ("accounts", json.dumps(accounts, default=str)), ("crash report", crash),
                        ("crash log", logged), ("message", str(exc))):
        assert typed not in text, place
    assert "(unknown account)" in json.dumps(rows)  # the name box's content is not recorded either


def test_clinic_settings_live_in_the_database_for_administrators_only(database_url: str) -> None:
    admin = signed_in_clinic(database_url, "administrator")
    try:
        saved = admin.save_clinic_settings({"clinic_name": "Hillside Spine Clinic", "idle_minutes": 12})
        assert (saved.clinic_name, saved.idle_minutes) == ("Hillside Spine Clinic", 12)
        with pytest.raises(Exception, match="not a clinic setting"):
            admin.save_clinic_settings({"large_print": True})
        with pytest.raises(Exception, match="Idle lock"):
            admin.save_clinic_settings({"idle_minutes": 0})
        last = admin.repository.audit_log(limit=1)[0].event
        assert (last.who, last.action, last.detail) == ("admin", "settings.change", "clinic_name, idle_minutes")
    finally:
        admin.close()
    desk = signed_in_clinic(database_url, "front-desk")  # another desk sees them at once
    try:
        assert (desk.settings.clinic_name, desk.idle_minutes) == ("Hillside Spine Clinic", 12)
        with pytest.raises(PermissionDenied):
            desk.save_clinic_settings({"clinic_name": "Mine"})
    finally:
        desk.close()


def test_daily_backup_is_recorded_as_the_program_and_its_manifest_carries_the_anchor(database_url: str) -> None:
    clinic = signed_in_clinic(database_url, "front-desk")
    try:
        made = clinic.daily_backup()
        assert made is not None
        last = clinic.repository.audit_log(limit=1)[0].event
        assert (last.who, last.role, last.action) == ("system", "system", "database.backup")
        manifest = json.loads((made.parent / "manifest.json").read_text(encoding="utf-8"))
        (entry,) = manifest["backups"]
        assert entry["audit_entries"] == last_seq_before(clinic) and len(entry["audit_head"]) == 64
    finally:
        clinic.close()


def last_seq_before(clinic: Clinic) -> int:
    """The backup was taken before its own entry was written."""
    return int(raw(clinic, "SELECT max(seq) FROM audit_log")[0][0]) - 1


@pytest.mark.skipif(sys.platform == "win32", reason="restore needs the POSIX lock file")
def test_a_restore_replaces_the_anchor_and_is_then_recorded(database_url: str) -> None:
    clinic = signed_in_clinic(database_url, "administrator")
    try:
        backup = clinic.backup()
        for _ in range(3):
            clinic.list_accounts()
            clinic.audit_entries()  # entries after the backup: the anchor moves past it
        clinic._anchors.settle_pending()
        ahead = read_anchor(clinic._anchors.path)
        clinic.restore(backup)
        after = read_anchor(clinic._anchors.path)
        assert ahead is not None and after is not None and after.count < ahead.count
        assert clinic.repository.audit_log(limit=1)[0].event.action == "database.restore"
        assert clinic.verify_audit().ok
    finally:
        clinic.close()


def test_the_audit_viewer_filters_and_exports_for_administrators(busy: Clinic) -> None:
    mine = busy.audit_entries(AuditFilter(account="doctor"))
    assert mine and all(e.event.who == "doctor" for e in mine)
    assert mine[0].seq > mine[-1].seq  # newest first
    assert busy.count_audit_entries(AuditFilter(account="doctor")) == len(mine)
    lines = list(busy.audit_csv(AuditFilter(account="doctor")))
    assert lines[0].startswith("entry,time_utc,account") and len(lines) == len(mine) + 1
    assert busy.repository.audit_log(limit=1)[0].event.action == "audit.export"


def test_the_accounts_known_to_the_tests_exist(database_url: str) -> None:
    clinic = Clinic.open(database_url, passwords=cheap_passwords())
    try:
        add_test_accounts(clinic)
        clinic.sign_in("admin", secret())
        assert [a.name for a in clinic.list_accounts()] == sorted(name for name, _ in ACCOUNTS.values())
    finally:
        clinic.close()
