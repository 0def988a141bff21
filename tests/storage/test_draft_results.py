"""A draft's live screening result is stored with every save, so urgent drafts lead the day list."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from intake_app.domain import Patient
from intake_app.services import Clinic
from tests.conftest import CLINICIAN_SIGNS as SIGNER
from tests.conftest import FULL_ANSWERS, synthetic_document


def _patient(family: str, mrn: str) -> Patient:
    return Patient(family, "Alex", dt.date(1970, 1, 2), "female", "", mrn)


def _answers(**changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(FULL_ANSWERS)
    answers["age_years"] = Patient("x", "y", dt.date(1970, 1, 2)).age_on(dt.date.today())
    answers.update(changes)
    return answers


def test_a_saved_urgent_draft_is_first_and_unacknowledged_in_the_day_list(clinic: Clinic) -> None:
    calm = clinic.start_intake(clinic.register_patient(_patient("Calm", "C-1")).id)
    clinic.complete_intake(calm.id, _answers(), calm.document.visit_date)
    draft = clinic.start_intake(clinic.register_patient(_patient("Draft", "D-1")).id)
    saved = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), draft.document.visit_date)

    assert (saved.status, saved.level) == ("draft", "urgent")
    day = clinic.today(draft.document.visit_date)
    assert [s.id for s in day] == [draft.id, calm.id]
    assert (day[0].status, day[0].level, day[0].acknowledged) == ("draft", "urgent", False)
    # The assessments table stays the record of completed and re-screened results only.
    assert clinic.repository.assessments(draft.id) == []


def test_the_stored_draft_result_follows_the_answers(clinic: Clinic) -> None:
    draft = clinic.start_intake(clinic.register_patient(_patient("Draft", "D-2")).id)
    visit = draft.document.visit_date
    assert clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), visit).level == "urgent"
    calmer = clinic.save_draft(draft.id, _answers(), visit)
    assert calmer.level != "urgent"
    assert clinic.intake(draft.id).level == calmer.level
    assert clinic.today(visit)[0].level == calmer.level


def test_an_imported_draft_carries_its_result(clinic: Clinic, tmp_path: Path) -> None:
    document = synthetic_document(rf_saddle_numbness="new", pain={"right": ["heel"]})  # incomplete: a draft
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    (record,) = clinic.import_file(path)
    assert (record.status, record.level) == ("draft", "urgent")
    (summary,) = clinic.today(record.document.visit_date)
    assert (summary.level, summary.acknowledged) == ("urgent", False)


def test_an_amended_urgent_intake_stays_urgent_in_the_day_list(clinic: Clinic) -> None:
    intake = clinic.start_intake(clinic.register_patient(_patient("Amend", "A-1")).id)
    visit = intake.document.visit_date
    clinic.acknowledge_red_flag(intake.id, **SIGNER, answers=_answers(rf_saddle_numbness="new"), visit_date=visit)
    clinic.complete_intake(intake.id, _answers(rf_saddle_numbness="new"), visit)
    amended = clinic.amend_intake(intake.id, "typo in the pain map")
    assert (amended.status, amended.level) == ("draft", "urgent")
    assert [(s.id, s.level) for s in clinic.today(visit)] == [(amended.id, "urgent")]


def test_screening_a_draft_adds_no_statement_to_the_save(clinic: Clinic) -> None:
    draft = clinic.start_intake(clinic.register_patient(_patient("Count", "N-1")).id)
    statements: list[str] = []
    event.listen(clinic.repository.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_a: statements.append(sql.split()[0].upper()))
    clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), draft.document.visit_date)
    # get_intake (2 SELECTs), then one write transaction: lock, the intake's UPDATE and the audit entry
    # (head SELECT, INSERT, head UPDATE), patient SELECT; after the commit the anchor reads the new entries.
    # Screening adds nothing.
    assert statements.count("UPDATE") == 2  # the intake and the audit head
    assert len(statements) <= 8 + 5


def test_a_red_flag_firing_after_the_acknowledgement_makes_the_draft_unacknowledged_again(clinic: Clinic) -> None:
    from intake_app.errors import AcknowledgementNeeded

    draft = clinic.start_intake(clinic.register_patient(_patient("Lapse", "L-1")).id)
    visit = draft.document.visit_date
    acked = clinic.acknowledge_red_flag(draft.id, **SIGNER, answers=_answers(rf_saddle_numbness="new"),
                                        visit_date=visit)
    assert acked.acknowledged_by == "Dr. Cora Clinician"
    same = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new", pain_score_0_10=3), visit)
    assert (same.acknowledged_by, clinic.today(visit)[0].acknowledged) == ("Dr. Cora Clinician", True)

    lapsed = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new", rf_fever_or_unwell="yes"), visit)
    assert (lapsed.level, lapsed.acknowledged_by, lapsed.acknowledged_at) == ("urgent", None, None)
    assert lapsed.red_flag_ack_by == "Dr. Cora Clinician"  # who acknowledged the earlier red flag stays on record
    (summary,) = clinic.today(visit)
    assert (summary.level, summary.acknowledged) == ("urgent", False)
    assert ("intake.red_flag_ack_lapsed" in [entry[1] for entry in clinic.repository.audit_entries()])
    with pytest.raises(AcknowledgementNeeded):
        clinic.complete_intake(draft.id, _answers(rf_saddle_numbness="new", rf_fever_or_unwell="yes"), visit)
    clinic.acknowledge_red_flag(draft.id, **SIGNER)
    done, _ = clinic.complete_intake(draft.id, _answers(rf_saddle_numbness="new", rf_fever_or_unwell="yes"), visit)
    assert (done.status, done.acknowledged_by) == ("complete", "Dr. Cora Clinician")
