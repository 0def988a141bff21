"""Issue 14 target 2: the draft save's shorter path keeps its guarantees.

When the desk holds the record at the version it checks (its own last save), the UPDATE returns only what
the acknowledgement check needs and the stored record is made from the held one: it must equal the row as
read back, in every field, also when an acknowledgement lapses. A stale save is still refused with nothing
written (no changed row, no audit entry), and the audit chain still verifies.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import sqlite3
from typing import Any

import pytest

from intake_app.access.audit_chain import verify
from intake_app.domain import Patient
from intake_app.errors import StaleRecord
from intake_app.storage import drafts
from tests.conftest import FULL_ANSWERS, secret, signed_in_clinic

NO_RED_FLAGS = {key: "no" for key in (
    "rf_saddle_numbness", "rf_bladder_change", "rf_bowel_change", "rf_sexual_dysfunction", "rf_bilateral_leg_symptoms",
    "rf_fever_or_unwell", "rf_infection_risk", "rf_cancer_history", "rf_weight_loss_unexplained",
    "rf_night_pain_constant", "rf_osteoporosis_or_steroids")}


@pytest.fixture
def clinic(database_url: str) -> Any:
    opened = signed_in_clinic(database_url, "clinician")
    yield opened
    opened.close()


def _intake(clinic: Any) -> Any:
    patient = clinic.register_patient(Patient("Testperson", "Saving", dt.date(1970, 1, 2), "female", "", ""))
    return clinic.start_intake(patient.id)


def _audit_rows(url: str) -> int:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return int(connection.execute("SELECT count(*) FROM audit_log").fetchone()[0])
    finally:
        connection.close()


def test_the_record_made_from_the_held_one_equals_the_row_read_back(
    clinic: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = _intake(clinic)
    shortcuts: list[bool] = []
    original = drafts.update_draft

    def watched(*args: Any, **kwargs: Any) -> Any:
        base = kwargs.get("base")
        shortcuts.append(base is not None and kwargs["expected_version"] == base.row_version)
        return original(*args, **kwargs)

    monkeypatch.setattr(drafts, "update_draft", watched)
    visit = record.document.visit_date
    for score in range(4):
        record = clinic.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": score, "onset": "gradual"}, visit,
                                   expected_version=record.row_version, by="staff")
        assert record == clinic.repository.get_intake(record.id)
    assert shortcuts[1:] and all(shortcuts[1:])  # the desk's own last save was the held record


def _full(**changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(FULL_ANSWERS)
    answers["age_years"] = Patient("x", "y", dt.date(1970, 1, 2)).age_on(dt.date.today())
    return {**answers, **changes}


def test_a_lapsed_acknowledgement_is_the_same_on_the_held_record_and_the_row(clinic: Any) -> None:
    record = _intake(clinic)
    visit = record.document.visit_date
    record = clinic.save_draft(record.id, _full(rf_saddle_numbness="new"), visit, expected_version=record.row_version,
                               by="staff")
    acknowledged = clinic.acknowledge_red_flag(record.id, clinician="doctor", password=secret())
    assert acknowledged.acknowledged_at is not None
    # Saved on top of the acknowledged row: the same red flag stays acknowledged...
    same = clinic.save_draft(record.id, _full(rf_saddle_numbness="new", pain_score_0_10=3), visit,
                             expected_version=acknowledged.row_version, by="staff")
    assert same.acknowledged_at is not None and same == clinic.repository.get_intake(record.id)
    # ...and a new urgent red flag lapses it, on the record made from the held one as on the row.
    lapsed = clinic.save_draft(record.id, _full(rf_saddle_numbness="new", rf_fever_or_unwell="yes"), visit,
                               expected_version=same.row_version, by="staff")
    assert lapsed.acknowledged_at is None and lapsed.red_flag_ack_by is not None
    assert lapsed == clinic.repository.get_intake(record.id)


def test_a_stale_save_is_refused_with_nothing_written(clinic: Any, database_url: str) -> None:
    record = _intake(clinic)
    visit = record.document.visit_date
    mine = clinic.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": 1}, visit,
                             expected_version=record.row_version, by="staff")
    other = signed_in_clinic(database_url, "front-desk")
    try:
        theirs = other.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": 7}, visit,
                                  expected_version=mine.row_version, by="staff")
    finally:
        other.close()
    entries = _audit_rows(database_url)
    with pytest.raises(StaleRecord) as refused:
        clinic.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": 2}, visit,
                          expected_version=mine.row_version, by="staff")
    assert refused.value.current == theirs
    assert clinic.repository.get_intake(record.id) == theirs
    assert _audit_rows(database_url) == entries
    # Without a version (the command line), the held record is not trusted: the row is read and saved.
    saved = clinic.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": 3}, visit, by="staff")
    assert saved.row_version == theirs.row_version + 1
    assert saved == clinic.repository.get_intake(record.id)
    assert verify(clinic.repository.iter_audit()).ok


def test_the_held_record_is_used_only_at_the_version_checked(clinic: Any) -> None:
    record = _intake(clinic)
    stale_copy = dataclasses.replace(record, level="urgent")  # not what the row holds, and a version behind
    saved = clinic.save_draft(record.id, {**NO_RED_FLAGS, "pain_score_0_10": 4}, record.document.visit_date,
                              expected_version=record.row_version, by="staff")
    document = dataclasses.replace(saved.document, answers={**saved.document.answers, "pain_score_0_10": 5})
    again = drafts.save(clinic.repository, record.id, document, expected_version=None, actor=clinic._current(),
                        live=None, base=stale_copy)
    assert again == clinic.repository.get_intake(record.id)
    assert again.level != "urgent"


def test_the_record_made_on_top_of_the_held_one_is_what_replace_makes() -> None:
    from intake_app.storage.records import IntakeRecord

    assert not hasattr(IntakeRecord, "__post_init__")  # no checks of its own that a copy would skip
    document = copy.deepcopy(_document_for_copy())
    when = dt.datetime(2026, 1, 2, 3, 4, 5)
    values: dict[str, Any] = {}
    for number, field in enumerate(dataclasses.fields(IntakeRecord)):  # every field a value of its own
        values[field.name] = {"document": document, "red_flags_not_asked": True}.get(
            field.name, when + dt.timedelta(minutes=number) if "_at" in field.name else f"{field.name}-{number}")
    base = IntakeRecord(**values)
    changes = {"document": dataclasses.replace(document, answers={"onset": "sudden"}), "level": "urgent",
               "tier": None, "updated_at": when, "row_version": 8, "red_flag_ack_at": None}
    made = drafts._on_top(base, **changes)
    assert type(made) is IntakeRecord
    assert made == dataclasses.replace(base, **changes)
    assert base == IntakeRecord(**values)  # the held record itself is unchanged


def _document_for_copy() -> Any:
    from intake_app.domain import IntakeDocument

    return IntakeDocument(Patient("Testperson", "Copy", dt.date(1970, 1, 2), "female", "", ""), dt.date(2026, 1, 2),
                          {"onset": "gradual"}, entered_by={"onset": "staff"})
