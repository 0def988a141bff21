"""Audit export (CSV, ISO 8601 UTC, inclusive dates) and the viewer's words, filters and local times."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from intake_app.access.audit_chain import AuditAction, AuditEntry, AuditEvent, chain_next
from intake_app.access.audit_export import (
    AUDIT_WORDS,
    CSV_COLUMNS,
    AuditFilter,
    action_words,
    audit_csv,
    local_time_text,
    parse_date,
)
from intake_app.errors import IntakeError

DAY1 = dt.datetime(2026, 11, 29, 23, 30, tzinfo=dt.UTC)


def chain(*events: AuditEvent) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for e in events:
        entries.append(chain_next(entries[-1] if entries else None, e))
    return entries


def ev(at: dt.datetime, who: str = "ana", patient_id: int | None = None, desk: str = "desk-1",
       detail: str = "") -> AuditEvent:
    return AuditEvent(at=at, who=who, role="clinician", action=AuditAction.PATIENT_VIEW, desk=desk,
                      patient_id=patient_id, detail=detail)


ENTRIES = chain(
    ev(DAY1, patient_id=1),
    ev(DAY1 + dt.timedelta(hours=1), who="ben", patient_id=2),  # 2026-11-30 00:30 UTC
    ev(DAY1 + dt.timedelta(days=1), patient_id=1),  # 2026-11-30 23:30 UTC
    ev(DAY1 + dt.timedelta(days=1, hours=1), who="Ben", patient_id=3),  # 2026-12-01 00:30 UTC
)


def rows(lines: list[str]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO("".join(lines))))


def test_csv_has_a_header_and_iso_utc_times() -> None:
    lines = list(audit_csv(ENTRIES))
    assert lines[0].strip().split(",") == list(CSV_COLUMNS)
    first = rows(lines)[0]
    assert first["time_utc"] == "2026-11-29T23:30:00.000000Z"
    assert first["what"] == "Opened a patient" and first["action"] == "patient.view"
    assert first["entry"] == "1" and first["entry_hash"] == ENTRIES[0].entry_hash
    assert len(rows(lines)) == 4


def test_dates_are_inclusive_utc_days() -> None:
    day = dt.date(2026, 11, 30)
    selected = rows(list(audit_csv(ENTRIES, AuditFilter(date_from=day, date_to=day))))
    assert [r["entry"] for r in selected] == ["2", "3"]
    assert [r["entry"] for r in rows(list(audit_csv(ENTRIES, AuditFilter(date_from=day))))] == ["2", "3", "4"]
    assert [r["entry"] for r in rows(list(audit_csv(ENTRIES, AuditFilter(date_to=day))))] == ["1", "2", "3"]


def test_the_viewer_filters_by_account_patient_and_local_day() -> None:
    assert [e.seq for e in ENTRIES if AuditFilter(account="ben").matches(e)] == [2, 4]
    assert [e.seq for e in ENTRIES if AuditFilter(patient_id=1).matches(e)] == [1, 3]
    plus_two = dt.timezone(dt.timedelta(hours=2))  # 2026-11-30 local = 2026-11-29 22:00 .. 2026-11-30 22:00 UTC
    local_day = AuditFilter(date_from=dt.date(2026, 11, 30), date_to=dt.date(2026, 11, 30), tz=plus_two)
    assert [e.seq for e in ENTRIES if local_day.matches(e)] == [1, 2]
    start, end = local_day.bounds()
    assert start == dt.datetime(2026, 11, 29, 22, 0, tzinfo=dt.UTC)
    assert end == dt.datetime(2026, 11, 30, 22, 0, tzinfo=dt.UTC)


def test_times_are_shown_in_local_time() -> None:
    assert local_time_text(DAY1, dt.timezone(dt.timedelta(hours=2))) == "2026-11-30 01:30:00"


def test_a_cell_a_spreadsheet_would_run_is_defused() -> None:
    entries = chain(ev(DAY1, desk="=HYPERLINK(1)", detail="+cmd"), ev(DAY1, desk="@x", detail="-1"))
    selected = rows(list(audit_csv(entries)))
    assert selected[0]["desk"] == "'=HYPERLINK(1)" and selected[0]["detail"] == "'+cmd"
    assert selected[1]["desk"] == "'@x" and selected[1]["detail"] == "'-1"


def test_every_action_has_plain_words() -> None:
    assert set(AUDIT_WORDS) == set(AuditAction)
    for action in AuditAction:
        assert "." not in action_words(action.value) and "_" not in action_words(action.value)
    assert action_words("future.thing") == "future.thing"


def test_dates_are_checked_in_plain_words() -> None:
    assert parse_date(" 2026-11-30 ", "--from") == dt.date(2026, 11, 30)
    with pytest.raises(IntakeError, match="--from must be a date such as 2026-11-30"):
        parse_date("30/11/2026", "--from")
    with pytest.raises(IntakeError, match="start date is after the end date"):
        AuditFilter(date_from=dt.date(2026, 12, 2), date_to=dt.date(2026, 12, 1))


def test_every_action_key_the_program_writes_has_plain_words() -> None:
    # Finding: the save wrote "intake.red_flag_ack_lapsed", which had no words, so the viewer showed the key.
    import re
    from pathlib import Path

    import intake_app

    root = Path(intake_app.__file__).parent
    key = re.compile(r'"((?:intake|patient|session|account|report|data|outcome|settings|database|audit)\.[a-z_]+)"')
    written = {match for folder in ("storage", "services") for path in (root / folder).rglob("*.py")
               for match in key.findall(path.read_text(encoding="utf-8"))}
    known = {action.value for action in AuditAction}
    not_actions = {"intake.db", "patient.name", "patient.key"}  # a file name and two field names in messages
    assert written - not_actions <= known, written - not_actions - known
