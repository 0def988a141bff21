"""Issue 14 target 2: the draft save made cheaper without losing anything.

The save is one transaction (storage/drafts.py `save`): on SQLite its statements run through the driver, on
the connection the pool lends (or, when something listens to SQLAlchemy's events, on a pooled SQLAlchemy
connection), and the transaction is begun there with the write lock; on other databases it is
SQLAlchemy's transaction and Core statements. Each test of what a save must keep (the version check,
refusals that change nothing, the audit entry chained in the same transaction, the rollback on a failure,
the stored values) runs every way, the Core way forced on SQLite here (PostgreSQL itself runs in
tests/postgres). The live level may come from the window's own screening of exactly the
same inputs (`screen_draft`), never from a result for other inputs.
"""

from __future__ import annotations

import copy
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.audit_chain import verify
from intake_app.domain import IntakeDocument, Patient, parse_document
from intake_app.errors import IntakeError, InvalidInput, StaleRecord, StorageError
from intake_app.services import Clinic
from intake_app.services import live as live_module
from intake_app.services.live import screen_draft
from intake_app.storage import drafts
from intake_app.storage.rows import DriverStatement
from tests.conftest import FULL_ANSWERS, signed_in_clinic

BORN = dt.date(1970, 1, 2)


@pytest.fixture(params=["lent", "driver", "core"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every way of running the save: on the connection the pool lends (SQLite), through the driver on a
    SQLAlchemy connection (SQLite, when something listens to SQLAlchemy's events) and SQLAlchemy's Core
    (other databases)."""
    if request.param != "lent":
        monkeypatch.setattr(drafts, "lends", lambda _engine: False)
    if request.param == "core":
        monkeypatch.setattr(DriverStatement, "runs_on", staticmethod(lambda _connection: False))
    return str(request.param)


@pytest.fixture
def other_desk(database_url: str, clinic: Clinic) -> Iterator[Clinic]:
    desk = signed_in_clinic(database_url, "front-desk")
    yield desk
    desk.close()


def _answers(**changes: Any) -> dict[str, Any]:
    answers = copy.deepcopy(FULL_ANSWERS)
    answers["age_years"] = Patient("x", "y", BORN).age_on(dt.date.today())
    answers.update(changes)
    return answers


def _draft(clinic: Clinic, mrn: str = "S-1") -> Any:
    return clinic.start_intake(clinic.register_patient(Patient("Savepath", "Alex", BORN, "female", "", mrn)).id)


def _file(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _stored(url: str, intake_id: int) -> tuple[Any, ...]:
    """What the file holds for the intake and the audit trail, read with plain sqlite3."""
    with sqlite3.connect(_file(url)) as raw:
        row = raw.execute("SELECT row_version, answers, level, updated_at FROM intakes WHERE id = ?",
                          (intake_id,)).fetchone()
        head = raw.execute("SELECT seq, hash FROM audit_head").fetchone()
        count = raw.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return (*row, head, count)


def _chain_ok(clinic: Clinic) -> bool:
    report = verify(clinic.repository.iter_audit())
    return report.ok and report.count == clinic.repository.audit_head()[0]


# --- what a save keeps, both ways ------------------------------------------------------------------


def test_the_saved_record_is_exactly_what_a_later_read_finds(clinic: Clinic, way: str) -> None:
    draft = _draft(clinic)
    saved = clinic.save_draft(draft.id, _answers(pain_score_0_10=3), draft.document.visit_date, by="staff")
    assert saved == clinic.repository.get_intake(draft.id)
    assert saved.row_version == draft.row_version + 1
    assert saved.document.entered_by["pain_score_0_10"] == "staff"
    assert clinic.repository.audit_entries()[-1][1:] == ("intake.save", draft.patient_id, draft.id)
    assert _chain_ok(clinic)


def test_times_and_dates_are_stored_as_sqlalchemy_stores_them(
    clinic: Clinic, database_url: str, way: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _draft(clinic)
    on_the_second = dt.datetime(2026, 3, 4, 5, 6, 7)  # no microseconds: isoformat() would leave them out
    monkeypatch.setattr(drafts, "utcnow", lambda: on_the_second)
    saved = clinic.save_draft(draft.id, _answers(), dt.date(2026, 3, 4))
    assert saved.updated_at == on_the_second
    assert _stored(database_url, draft.id)[3] == "2026-03-04 05:06:07.000000"
    with sqlite3.connect(_file(database_url)) as raw:
        assert raw.execute("SELECT visit_date FROM intakes WHERE id = ?", (draft.id,)).fetchone()[0] == "2026-03-04"
    assert clinic.repository.get_intake(draft.id).updated_at == on_the_second


def test_a_stale_save_is_refused_and_changes_nothing(
    clinic: Clinic, other_desk: Clinic, database_url: str, way: str
) -> None:
    draft = _draft(clinic)
    visit = draft.document.visit_date
    mine = clinic.save_draft(draft.id, _answers(pain_score_0_10=2), visit, expected_version=draft.row_version)
    before = _stored(database_url, draft.id)
    with pytest.raises(StaleRecord) as refused:
        other_desk.save_draft(draft.id, _answers(pain_score_0_10=9), visit, expected_version=draft.row_version)
    assert refused.value.current == mine
    assert _stored(database_url, draft.id) == before  # the row, the audit head and the entries as they were
    # The desk that saved last keeps its record; another desk's save in between is never overwritten blind.
    theirs = other_desk.save_draft(draft.id, _answers(pain_score_0_10=9), visit, expected_version=mine.row_version)
    with pytest.raises(StaleRecord):
        clinic.save_draft(draft.id, _answers(pain_score_0_10=4), visit, expected_version=mine.row_version)
    again = clinic.save_draft(draft.id, _answers(pain_score_0_10=4), visit)  # no version named: read, then saved
    assert again.row_version == theirs.row_version + 1
    assert _chain_ok(clinic)


def test_a_completed_intake_refuses_a_draft_save_and_changes_nothing(
    clinic: Clinic, other_desk: Clinic, database_url: str, way: str
) -> None:
    draft = _draft(clinic)
    visit = draft.document.visit_date
    clinic.save_draft(draft.id, _answers(), visit)  # this desk keeps the stored record
    other_desk.complete_intake(draft.id, _answers(), visit)
    before = _stored(database_url, draft.id)
    with pytest.raises(IntakeError, match="already complete"):
        clinic.save_draft(draft.id, _answers(pain_score_0_10=1), visit)
    assert _stored(database_url, draft.id) == before
    later = _draft(clinic, "S-2")  # the refusal left no transaction open: the next write goes through
    assert clinic.save_draft(later.id, _answers(), visit).row_version == later.row_version + 1
    assert _chain_ok(clinic)


def test_a_failed_audit_entry_undoes_the_whole_save(clinic: Clinic, database_url: str, way: str) -> None:
    draft = _draft(clinic)
    visit = draft.document.visit_date
    before = _stored(database_url, draft.id)
    with sqlite3.connect(_file(database_url)) as raw:
        raw.execute("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(StorageError) as failed:
        clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), visit)
    assert "rf_saddle_numbness" not in str(failed.value) and "new" not in str(failed.value).split()
    assert _stored(database_url, draft.id) == before  # the intake's UPDATE went with the failed entry
    with sqlite3.connect(_file(database_url)) as raw:
        raw.execute("DROP TRIGGER refuse_audit")
    saved = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), visit)  # nothing left half-open
    assert (saved.row_version, saved.level) == (draft.row_version + 1, "urgent")
    assert _chain_ok(clinic)


def test_bad_answers_name_the_field_and_change_nothing(clinic: Clinic, database_url: str, way: str) -> None:
    draft = _draft(clinic)
    before = _stored(database_url, draft.id)
    with pytest.raises(InvalidInput) as refused:
        clinic.save_draft(draft.id, _answers(pain_score_0_10=42), draft.document.visit_date)
    assert "answers.pain_score_0_10" in [field for field, _message in refused.value.problems]
    assert _stored(database_url, draft.id) == before


def test_an_acknowledgement_lapses_in_the_same_save_with_its_own_entry(clinic: Clinic, way: str) -> None:
    from tests.conftest import CLINICIAN_SIGNS

    draft = _draft(clinic)
    visit = draft.document.visit_date
    clinic.acknowledge_red_flag(draft.id, **CLINICIAN_SIGNS, answers=_answers(rf_saddle_numbness="new"),
                                visit_date=visit)
    lapsed = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new", rf_fever_or_unwell="yes"), visit)
    assert (lapsed.level, lapsed.acknowledged_at) == ("urgent", None)
    assert lapsed == clinic.repository.get_intake(draft.id)
    actions = [entry[1] for entry in clinic.repository.audit_entries()]
    assert actions[-2:] == ["intake.red_flag_ack_lapsed", "intake.save"]
    assert _chain_ok(clinic)


def test_a_missing_audit_head_is_rebuilt_inside_the_save(clinic: Clinic, database_url: str, way: str) -> None:
    draft = _draft(clinic)
    with sqlite3.connect(_file(database_url)) as raw:
        raw.execute("DELETE FROM audit_head")
    clinic.save_draft(draft.id, _answers(), draft.document.visit_date)
    assert _chain_ok(clinic)


# --- on SQLite: one transaction, begun with the write lock ---------------------------------------------


def test_on_sqlite_a_save_is_one_transaction_with_the_write_lock(clinic: Clinic) -> None:
    draft = _draft(clinic)
    clinic.save_draft(draft.id, _answers(), draft.document.visit_date)  # this desk now keeps the record
    seen: list[str] = []
    pooled = clinic.repository.engine.raw_connection()
    try:
        pooled.driver_connection.set_trace_callback(seen.append)
    finally:
        pooled.close()
    clinic.save_draft(draft.id, _answers(pain_score_0_10=1), draft.document.visit_date)
    words = [" ".join(sql.split()[:3]).upper() for sql in seen]
    # The anchor may read the new entries after the commit; the save itself is these, in this order.
    assert words[:6] == ["BEGIN IMMEDIATE", "UPDATE INTAKES SET", "SELECT AUDIT_HEAD.SEQ, AUDIT_HEAD.HASH",
                         "INSERT INTO AUDIT_LOG", "UPDATE AUDIT_HEAD SET", "COMMIT"]


def test_statement_listeners_see_the_driver_statements(clinic: Clinic) -> None:
    from sqlalchemy import event

    draft = _draft(clinic)
    seen: list[str] = []
    event.listen(clinic.repository.engine, "before_cursor_execute",
                 lambda _c, _cursor, sql, *_rest: seen.append(sql.split()[0].upper()))
    clinic.save_draft(draft.id, _answers(), draft.document.visit_date)
    assert seen.count("UPDATE") == 2 and seen.count("INSERT") == 1


# --- the live level ---------------------------------------------------------------------------------


@pytest.fixture
def screenings(monkeypatch: pytest.MonkeyPatch) -> list[IntakeDocument]:
    """Every document the Clinic screens itself (not through `screen_draft`)."""
    screened: list[IntakeDocument] = []
    original = Clinic._screen

    def counting(self: Clinic, document: IntakeDocument) -> Any:
        screened.append(document)
        return original(self, document)

    monkeypatch.setattr(Clinic, "_screen", counting)
    return screened


def _as_the_window(record: Any, answers: dict[str, Any], visit: dt.date | None = None) -> IntakeDocument:
    """The document the intake page screens on every change (gui/intake_page.py `document`)."""
    stored = record.document
    raw = IntakeDocument(stored.patient, visit or stored.visit_date, answers, stored.questionnaire).to_json()
    return parse_document(raw)


def test_the_windows_screening_of_the_same_inputs_is_not_repeated(clinic: Clinic,
                                                                   screenings: list[IntakeDocument]) -> None:
    draft = _draft(clinic)
    shown = _as_the_window(draft, _answers(rf_saddle_numbness="new"))
    assert screen_draft(shown, clinic.settings).level == "urgent"
    saved = clinic.save_draft(draft.id, dict(shown.answers), shown.visit_date, by="staff")
    assert screenings == []
    assert (saved.level, saved.tier) == ("urgent", clinic._screen(saved.document).tier)


def test_a_result_for_other_inputs_is_never_used(clinic: Clinic, screenings: list[IntakeDocument]) -> None:
    draft = _draft(clinic)
    visit = draft.document.visit_date
    screen_draft(_as_the_window(draft, _answers(rf_saddle_numbness="new")))  # urgent, for other answers
    calm = clinic.save_draft(draft.id, _answers(), visit)
    assert calm.level != "urgent" and len(screenings) == 1
    screen_draft(_as_the_window(draft, _answers(), visit - dt.timedelta(days=1)))  # for another visit date
    clinic.save_draft(draft.id, _answers(), visit)
    assert len(screenings) == 2
    urgent = clinic.save_draft(draft.id, _answers(rf_saddle_numbness="new"), visit)  # screened first, above
    assert urgent.level == "urgent" and len(screenings) == 2
    # The same answers for another patient (another age, another person) are screened again.
    other = _draft(clinic, "S-9")
    screen_draft(_as_the_window(draft, _answers(rf_saddle_numbness="new")))
    clinic.save_draft(other.id, _answers(rf_saddle_numbness="new", age_years=other.document.answers["age_years"]),
                      other.document.visit_date)
    assert len(screenings) == 3


def test_the_key_tells_apart_what_the_screening_reads_differently() -> None:
    patient = Patient("Savepath", "Alex", BORN, "female")
    day = dt.date(2026, 3, 4)

    def key(answers: dict[str, Any], **other: Any) -> str:
        return live_module._live_key(other.get("questionnaire", "foot-leg-intake/2"),
                                       other.get("patient", patient), other.get("visit", day), answers)

    assert key({"pain_score_0_10": 1}) != key({"pain_score_0_10": "1"})
    assert key({"pain_score_0_10": 1}) != key({"pain_score_0_10": 1.0}) != key({"pain_score_0_10": True})
    assert key({"a": 1, "b": 2}) != key({"b": 2, "a": 1})
    assert key({"x": [1]}) != key({"x": (1,)})
    assert key({"x": 1}) != key({"x": 1}, visit=day + dt.timedelta(days=1))
    assert key({"x": 1}) != key({"x": 1}, patient=Patient("Savepath", "Alex", dt.date(1971, 1, 2), "female"))
    assert key({"x": 1}) != key({"x": 1}, questionnaire="foot-leg-intake/1")


def test_the_checks_are_skipped_only_for_inputs_that_passed_them_unchanged(
    clinic: Clinic, screenings: list[IntakeDocument], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _draft(clinic)
    checked: list[IntakeDocument] = []
    original = live_module.checked_document

    def counting(document: IntakeDocument, today: dt.date | None = None) -> IntakeDocument:
        checked.append(document)
        return original(document, today)

    monkeypatch.setattr(live_module, "checked_document", counting)
    shown = _as_the_window(draft, _answers(pain_score_0_10=4))
    screen_draft(shown)
    assert len(checked) == 1  # the window's screening checked them once
    saved = clinic.save_draft(draft.id, dict(shown.answers), shown.visit_date)
    assert len(checked) == 1 and screenings == []  # the save neither checked nor screened them again
    assert saved.document.answers == shown.answers and saved == clinic.repository.get_intake(draft.id)
    assert saved.document.answers["pain"] is not shown.answers["pain"]  # a copy, not shared with anyone
    # Not in the checks' own form (another order): checked by the save, the window's result reused.
    loose = dict(reversed(list(shown.answers.items())))
    clinic.save_draft(draft.id, loose, shown.visit_date)
    assert len(checked) == 2 and screenings == []
    # Text that cannot be stored: the window still sees a result, the save refuses it naming the field.
    bad = replace(shown, answers={**shown.answers, "current_medicines": "ok\x00"})
    screen_draft(bad)
    with pytest.raises(InvalidInput) as refused:
        clinic.save_draft(draft.id, dict(bad.answers), bad.visit_date)
    assert [field for field, _message in refused.value.problems] == ["answers.current_medicines"]


def test_yesterdays_checks_are_not_todays(clinic: Clinic, screenings: list[IntakeDocument]) -> None:
    draft = _draft(clinic)
    shown = _as_the_window(draft, _answers(pain_score_0_10=5))
    screen_draft(shown)
    today, yesterday = dt.date.today(), dt.date.today() - dt.timedelta(days=1)
    for key in list(live_module._LIVE):  # as if the window had screened them yesterday
        live_module._LIVE[key.replace(repr(today), repr(yesterday), 1)] = live_module._LIVE.pop(key)
    clinic.save_draft(draft.id, dict(shown.answers), shown.visit_date)
    assert len(screenings) == 1


def test_only_the_latest_screened_inputs_are_kept(clinic: Clinic) -> None:
    draft = _draft(clinic)
    for score in range(live_module._LIVE_KEPT + 5):
        screen_draft(_as_the_window(draft, _answers(pain_score_0_10=score % 11, duration_days=score + 1)))
    assert len(live_module._LIVE) == live_module._LIVE_KEPT
