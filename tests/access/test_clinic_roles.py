"""Issue 13 item 1: every service call checks the role, on the REAL Clinic over a real database.

Table-driven: every method in roles.SERVICE_ACTIONS is called as each account role, with nobody signed
in and with the window locked. A role the permission table does not allow gets PermissionDenied before
anything happens; an allowed role gets through the check (the call may still be refused for another
reason, e.g. "not on the recall list", but never by the role check). On the old code (no accounts, no
checks) every call went through for everyone.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.roles import ACCOUNT_ROLES, PERMISSIONS, SERVICE_ACTIONS, Action, PermissionDenied, Role
from intake_app.services import Clinic, WindowLocked
from tests.conftest import ACCOUNTS, FULL_ANSWERS, fast_passwords, secret, signed_in_clinic, synthetic_document

Call = Callable[[Clinic], Any]


class World:
    """Records the calls need: a patient, a draft, a completed intake, a spare account, an import file."""

    def __init__(self, url: str, folder: Path) -> None:
        self.folder = folder
        setup = signed_in_clinic(url, "clinician")
        self.import_path = folder / "document.json"
        self.import_path.write_text(json.dumps(synthetic_document(**FULL_ANSWERS)), encoding="utf-8")
        (done,) = setup.import_file(self.import_path)  # a complete intake
        self.done_id, self.patient, self.patient_id = done.id, done.document.patient, done.patient_id
        draft = setup.start_intake(done.patient_id)
        self.draft_id, self.visit, self.document = draft.id, draft.document.visit_date, done.document
        setup.sign_out()
        setup.sign_in("admin", secret())
        setup.add_account("spare", "Spare Person", Role.FRONT_DESK, secret())
        setup.close()


def calls(w: World) -> dict[str, Call]:
    answers = dict(FULL_ANSWERS)
    return {
        "search_patients": lambda c: c.search_patients("Tablerole"),
        "count_patients": lambda c: c.count_patients(),
        "today": lambda c: c.today(),
        "likely_duplicates": lambda c: c.likely_duplicates(w.patient),
        "register_patient": lambda c: c.register_patient(w.patient),
        "update_patient": lambda c: c.update_patient(w.patient_id, w.patient),
        "patient": lambda c: c.patient(w.patient_id),
        "intakes_for": lambda c: c.intakes_for(w.patient_id),
        "intake": lambda c: c.intake(w.draft_id),
        "revisions": lambda c: c.revisions(w.draft_id),
        "start_intake": lambda c: c.start_intake(w.patient_id),
        "save_draft": lambda c: c.save_draft(w.draft_id, answers, w.visit),
        "complete_intake": lambda c: c.complete_intake(w.draft_id, {"age_years": 46}, w.visit),
        "amend_intake": lambda c: c.amend_intake(w.done_id, "a correction"),
        "acknowledge_red_flag": lambda c: c.acknowledge_red_flag(w.draft_id, clinician="doctor", password=secret()),
        "referral_pdf": lambda c: c.referral_pdf(w.document),
        "handout_pdf": lambda c: c.handout_pdf(w.document),
        "note_printed": lambda c: c.note_printed(w.draft_id, "referral"),
        "note_pdf_saved": lambda c: c.note_pdf_saved(w.draft_id, "handout"),
        "rescreen": lambda c: c.rescreen(),
        "recall_list": lambda c: c.recall_list(),
        "mark_contacted": lambda c: c.mark_contacted(w.draft_id),
        "record_outcome": lambda c: c.record_outcome(w.done_id, {}),
        "import_outcomes_csv": lambda c: c.import_outcomes_csv(w.folder / "no-such-file.csv"),
        "outcomes_for": lambda c: c.outcomes_for(w.done_id),
        "outcomes_due": lambda c: c.outcomes_due(),
        "outcomes_performance": lambda c: c.outcomes_performance(),
        "outcomes_report_pdf": lambda c: c.outcomes_report_pdf(),
        "import_file": lambda c: c.import_file(w.import_path),
        "export_documents": lambda c: c.export_documents(format="json", stream=io.StringIO()),
        "add_demo_data": lambda c: c.add_demo_data(2),
        "backup": lambda c: c.backup(w.folder / "backups"),
        "restore": lambda c: c.restore(w.folder / "no-such-backup.db"),
        "upgrade": lambda c: c.upgrade(),
        "add_account": lambda c: c.add_account(f"new-{c.signed_in.name if c.signed_in else 'x'}", "New Person",
                                               "front-desk", secret()),
        "list_accounts": lambda c: c.list_accounts(),
        "disable_account": lambda c: c.disable_account("spare"),
        "enable_account": lambda c: c.enable_account("spare"),
        "unlock_account": lambda c: c.unlock_account("spare"),
        "reset_password": lambda c: c.reset_password("spare", secret("another long password")),
        "save_clinic_settings": lambda c: c.save_clinic_settings({"clinic_name": "Table Clinic"}),
        "audit_entries": lambda c: c.audit_entries(),
        "count_audit_entries": lambda c: c.count_audit_entries(),
        "verify_audit": lambda c: c.verify_audit(),
        "audit_csv": lambda c: list(c.audit_csv()),
    }


def checked_methods() -> list[str]:
    return sorted(name for name in SERVICE_ACTIONS if hasattr(Clinic, name))


def test_the_table_calls_every_checked_method_of_the_real_clinic() -> None:
    table = calls(None)  # type: ignore[arg-type] # the lambdas read the world only when called
    missing = [name for name in checked_methods() if name not in table]
    assert not missing, f"add a call for {missing}"
    for name in checked_methods():
        method = getattr(Clinic, name)
        assert getattr(method, "__required_action__", None) is SERVICE_ACTIONS[name], name


def session_action(name: str) -> Action:
    """The action the signed-in session needs: the table's, except for a countersigned action, whose
    table action is checked against the signer (acknowledging needs a clinician's own password at a
    session that may save the intake)."""
    method = getattr(Clinic, name)
    return getattr(method, "__session_action__", SERVICE_ACTIONS[name])


def outcome(clinic: Clinic, call: Call) -> str:
    try:
        call(clinic)
    except PermissionDenied:
        return "denied"
    except Exception as exc:  # refused for another reason (not found, nothing to do): got past the check
        return f"allowed ({type(exc).__name__})"
    return "allowed"


@pytest.mark.parametrize("role", [r.value for r in ACCOUNT_ROLES])
def test_each_role_may_call_exactly_what_the_permission_table_allows(
    role: str, database_url: str, tmp_path: Path
) -> None:
    world = World(database_url, tmp_path)
    table = calls(world)
    clinic = signed_in_clinic(database_url, role)
    wrong = []
    try:
        for name in checked_methods():
            expected = Role(role) in PERMISSIONS[session_action(name)]
            got = outcome(clinic, table[name])
            if got.startswith("allowed") != expected:
                wrong.append(f"{name}: {got}, expected {'allowed' if expected else 'denied'}")
            if clinic.signed_in is None or clinic.signed_in.name != ACCOUNTS[role][0]:  # restore reopened
                clinic.sign_in(ACCOUNTS[role][0], secret())
    finally:
        clinic.close()
    assert not wrong, "\n".join(wrong)


def test_with_nobody_signed_in_every_checked_call_is_refused(database_url: str, tmp_path: Path) -> None:
    world = World(database_url, tmp_path)
    table = calls(world)
    clinic = Clinic.open(database_url, passwords=fast_passwords())
    try:
        got = {name: outcome(clinic, table[name]) for name in checked_methods()}
    finally:
        clinic.close()
    assert {name for name, result in got.items() if result != "denied"} == set()


def test_a_locked_window_refuses_every_checked_call_until_unlocked(database_url: str, tmp_path: Path) -> None:
    world = World(database_url, tmp_path)
    table = calls(world)
    clinic = signed_in_clinic(database_url, "clinician")
    try:
        clinic.lock()
        assert clinic.locked and clinic.signed_in is not None and clinic.signed_in.name == "doctor"
        for name in checked_methods():
            with pytest.raises(WindowLocked, match="locked"):
                table[name](clinic)
        assert clinic.urgent_waiting() >= 0  # the lock screen's signal still works
        clinic.unlock_session(secret())
        assert outcome(clinic, table["patient"]) == "allowed"
    finally:
        clinic.close()


def test_the_command_line_and_the_window_share_the_check() -> None:
    """Both go through Clinic: the check sits on the service method itself, not in a caller."""
    for name in checked_methods():
        assert hasattr(getattr(Clinic, name), "__wrapped__"), name
