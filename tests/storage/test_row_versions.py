"""Issue 12 item 3: no lost updates. Every save checks the row version inside its write transaction;
the completed-intake guard is checked there too. Issue 9 item 6 / contracts: acknowledgement before
completing an URGENT intake, amended revisions, today's list."""

from __future__ import annotations

import copy
import datetime as dt
import io
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from intake_app.domain import parse_document
from intake_app.errors import AcknowledgementNeeded, IntakeError, InvalidInput, StaleRecord
from intake_app.services import Clinic, screen
from intake_app.storage import IntakeRecord, PatientRecord
from tests.conftest import CLINICIAN_SIGNS as SIGNER
from tests.conftest import FULL_ANSWERS, signed_in_clinic, synthetic_document


@pytest.fixture
def other_desk(database_url: str, clinic: Clinic) -> Iterator[Clinic]:
    """A second program on the same database (its own engine and connection)."""
    desk = signed_in_clinic(database_url, "front-desk")
    yield desk
    desk.close()


def draft(clinic: Clinic, **answers: Any) -> IntakeRecord:
    document = parse_document(synthetic_document(**(copy.deepcopy(FULL_ANSWERS) | answers)))
    return clinic.repository.import_documents([(document, None)], actor=clinic.signed_in)[0]


def answers_of(record: IntakeRecord, **changes: Any) -> dict[str, Any]:
    return dict(record.document.answers) | changes


def test_every_save_bumps_the_row_version(clinic: Clinic) -> None:
    record = draft(clinic)
    assert record.row_version == 1 and record.revision == 1
    saved = clinic.save_draft(record.id, answers_of(record, pain_score_0_10=3), record.document.visit_date,
                              expected_version=1)
    assert saved.row_version == 2
    assert clinic.intake(record.id).row_version == 2


def test_two_desks_saving_the_same_intake_do_not_overwrite_each_other(clinic: Clinic, other_desk: Clinic) -> None:
    record = draft(clinic)
    visit = record.document.visit_date
    mine = clinic.save_draft(record.id, answers_of(record, pain_score_0_10=2), visit, expected_version=1)
    with pytest.raises(StaleRecord) as refused:
        other_desk.save_draft(record.id, answers_of(record, pain_score_0_10=9), visit, expected_version=1)
    current = refused.value.current
    assert isinstance(current, IntakeRecord)
    assert current.row_version == mine.row_version == 2
    assert current.document.answers["pain_score_0_10"] == 2  # the other desk's version, shown beside yours
    assert "changed at another desk" in str(refused.value)
    assert clinic.intake(record.id).document.answers["pain_score_0_10"] == 2


def test_a_stale_patient_update_is_refused(clinic: Clinic, other_desk: Clinic) -> None:
    record = draft(clinic)
    patient = clinic.patient(record.patient_id)
    assert patient.row_version == 1
    renamed = clinic.update_patient(patient.id, patient.patient.__class__(**{
        **patient.patient.__dict__, "phone": "0700 000002"}), expected_version=1)
    assert renamed.row_version == 2
    with pytest.raises(StaleRecord) as refused:
        other_desk.update_patient(patient.id, patient.patient, expected_version=1)
    assert isinstance(refused.value.current, PatientRecord)
    assert refused.value.current.patient.phone == "0700 000002"


def test_an_autosave_cannot_overwrite_an_intake_another_desk_completed(
    clinic: Clinic, other_desk: Clinic, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The finding: the status was checked in one transaction and written in another, so an autosave that
    read "draft" just before another desk completed overwrote the completed answers."""
    record = draft(clinic, rf_saddle_numbness="no")
    visit = record.document.visit_date
    stale_view = clinic.intake(record.id)  # this desk read the draft ...
    done, _ = other_desk.complete_intake(record.id, answers_of(record), visit)  # ... the other desk completes
    assert done.status == "complete"
    monkeypatch.setattr(clinic.repository, "get_intake", lambda intake_id: stale_view)  # the read came first
    with pytest.raises(IntakeError, match="already complete"):
        clinic.save_draft(record.id, answers_of(record, rf_saddle_numbness="new"), visit)
    stored = other_desk.intake(record.id)
    assert stored.status == "complete"
    assert stored.document.answers["rf_saddle_numbness"] == "no"
    assert stored.row_version == done.row_version


def test_concurrent_saves_with_the_same_version_let_exactly_one_win(clinic: Clinic, other_desk: Clinic) -> None:
    record = draft(clinic)
    visit = record.document.visit_date
    for round_ in range(10):
        version = clinic.intake(record.id).row_version
        outcomes: list[str] = []
        barrier = threading.Barrier(4)

        def save(desk: Clinic, score: int, version: int = version, barrier: threading.Barrier = barrier,
                 outcomes: list[str] = outcomes) -> None:
            barrier.wait()
            try:
                desk.save_draft(record.id, answers_of(record, pain_score_0_10=score), visit, expected_version=version)
                outcomes.append("saved")
            except StaleRecord:
                outcomes.append("stale")

        threads = [threading.Thread(target=save, args=(desk, n)) for n, desk in
                   enumerate([clinic, clinic, other_desk, other_desk])]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["saved", "stale", "stale", "stale"], round_
        assert clinic.intake(record.id).row_version == version + 1


def urgent_answers() -> dict[str, Any]:
    answers = synthetic_document(**copy.deepcopy(FULL_ANSWERS) | {"rf_saddle_numbness": "new",
                                                                  "rf_bladder_change": "new"})["answers"]
    assert screen(parse_document(synthetic_document(**answers))).level == "urgent"
    return dict(answers)


def test_an_urgent_intake_needs_the_acknowledgement_before_it_completes(clinic: Clinic) -> None:
    record = draft(clinic)
    visit = record.document.visit_date
    answers = urgent_answers()
    with pytest.raises(AcknowledgementNeeded, match="acknowledged"):
        clinic.complete_intake(record.id, answers, visit)
    assert clinic.intake(record.id).status == "draft"
    acked = clinic.acknowledge_red_flag(record.id, **SIGNER, answers=answers, visit_date=visit)
    assert (acked.acknowledged_by, acked.acknowledged_role) == ("Dr. Cora Clinician", "clinician")
    assert acked.acknowledged_at is not None
    done, assessment = clinic.complete_intake(record.id, answers, visit)
    assert done.status == "complete" and assessment.level == "urgent"
    assert done.acknowledged_by == "Dr. Cora Clinician"
    assert "intake.red_flag_ack" in [action for _, action, _, _ in clinic.repository.audit_entries()]


def test_an_acknowledgement_made_before_a_new_red_flag_fired_does_not_cover_it(clinic: Clinic) -> None:
    record = draft(clinic)
    visit = record.document.visit_date
    clinic.acknowledge_red_flag(record.id, **SIGNER, answers=answers_of(record), visit_date=visit)
    later = urgent_answers()  # the red flag fires after the acknowledgement
    with pytest.raises(AcknowledgementNeeded):
        clinic.complete_intake(record.id, later, visit)
    clinic.acknowledge_red_flag(record.id, **SIGNER, answers=later, visit_date=visit)
    assert clinic.complete_intake(record.id, later, visit)[0].status == "complete"


def test_the_acknowledgement_needs_a_clinicians_own_password(clinic: Clinic) -> None:
    from intake_app.access.lockout import SignInRefused
    from intake_app.access.roles import PermissionDenied
    from tests.conftest import secret

    record = draft(clinic)
    with pytest.raises(SignInRefused, match="Wrong account name or password"):
        clinic.acknowledge_red_flag(record.id, clinician="doctor", password=secret("not the password"))
    with pytest.raises(SignInRefused):
        clinic.acknowledge_red_flag(record.id, clinician="nobody", password=secret())
    with pytest.raises(PermissionDenied, match="cannot acknowledge a red flag"):
        clinic.acknowledge_red_flag(record.id, clinician="desk", password=secret())
    assert clinic.intake(record.id).red_flag_ack_at is None


def test_amending_makes_a_new_revision_and_keeps_the_original(clinic: Clinic) -> None:
    record = draft(clinic)
    visit = record.document.visit_date
    done, _ = clinic.complete_intake(record.id, answers_of(record), visit)
    with pytest.raises(InvalidInput):
        clinic.amend_intake(done.id, "")
    amended = clinic.amend_intake(done.id, "Pain score was typed wrongly")
    assert (amended.revision, amended.amends_id, amended.status) == (2, done.id, "draft")
    assert amended.amend_reason == "Pain score was typed wrongly"
    clinic.save_draft(amended.id, answers_of(record, pain_score_0_10=4), visit, expected_version=amended.row_version)
    with pytest.raises(IntakeError, match="amended"):
        clinic.save_draft(done.id, answers_of(record), visit)
    revisions = clinic.revisions(done.id)
    assert [(r.id, r.revision) for r in revisions] == [(done.id, 1), (amended.id, 2)]
    assert clinic.revisions(amended.id) == revisions
    assert clinic.intake(done.id).document.answers == done.document.answers  # the original is kept
    assert len(clinic.repository.assessments(done.id)) == 1  # ... with its assessment
    assert [s.id for s in clinic.intakes_for(record.patient_id)] == [amended.id]  # lists show the latest
    assert clinic.export_documents(stream=io.StringIO()).intake_ids == (amended.id,)
    assert [s.id for s in clinic.today(visit)] == [amended.id]
    with pytest.raises(IntakeError, match="already amended"):
        clinic.amend_intake(done.id, "again")


def test_today_lists_unacknowledged_urgent_intakes_first(clinic: Clinic) -> None:
    calm = draft(clinic)
    visit = calm.document.visit_date
    clinic.complete_intake(calm.id, answers_of(calm), visit)
    urgent = draft(clinic)
    answers = urgent_answers()
    clinic.acknowledge_red_flag(urgent.id, **SIGNER, answers=answers, visit_date=visit)
    clinic.complete_intake(urgent.id, answers, visit)
    waiting = draft(clinic)
    clinic.repository.store_assessment(waiting.id, screen(parse_document(synthetic_document(**answers))).to_json(),
                                       "import", actor=clinic.signed_in)  # urgent, nobody acknowledged yet
    listed = clinic.today(visit)
    assert [s.id for s in listed][:2] == [waiting.id, urgent.id]
    assert listed[0].acknowledged is False and listed[1].acknowledged is True
    assert listed[0].patient_name == "Testperson, Alex"
    assert clinic.today(visit + dt.timedelta(days=1)) == []
