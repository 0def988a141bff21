"""Importing outcomes from a CSV file: all or nothing, every bad row named by line and field in plain words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from intake_app.access.roles import PermissionDenied
from intake_app.domain.outcomes import Outcome
from intake_app.errors import InvalidInput
from intake_app.exchange.outcomes_csv import outcomes_csv_bytes
from intake_app.storage import Repository
from intake_app.storage.models_outcomes import OutcomeRow

from .conftest import FRONT_DESK, LIKELY, NOW, URGENT, OutcomeDesk, add_intake, audit_rows

HEADER = "intake_id,finding,other_cause,seen_by,seen_on,imaging,urgent_route_at,note\n"


def write(tmp_path: Path, text: str, name: str = "outcomes.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stored(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(OutcomeRow)) or 0)


def test_a_good_file_is_stored_with_words_or_codes_and_audited(engine: Engine, desk: OutcomeDesk,
                                                                tmp_path: Path) -> None:
    a = add_intake(engine, LIKELY, NOW - dt.timedelta(days=50))
    b = add_intake(engine, URGENT, NOW - dt.timedelta(days=40))
    c = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))
    desk.record_outcome(c, {"finding": "not_seen"})
    path = write(tmp_path, HEADER
                 + f"{a},Spinal origin confirmed,,Dr Example,2026-11-01,\"MRI, X-ray\",,\"Seen; MRI done\"\n"
                 + f"{b},not_spinal,,,,,2026-10-20 12:00,\n"
                 + "\n"
                 + f"{c},other cause,Gout,,,,,\n")
    records = desk.import_outcomes_csv(path)
    assert [(r.intake_id, r.version, r.outcome.finding) for r in records] == [
        (a, 1, "spinal_confirmed"), (b, 1, "not_spinal"), (c, 2, "other_cause")]
    assert records[0].outcome.imaging == ("mri", "x_ray") and records[0].outcome.note == "Seen; MRI done"
    assert [(e.action, e.intake_id) for e in audit_rows(engine)][-3:] == [
        ("outcome.record", a), ("outcome.record", b), ("outcome.record", c)]


def test_an_exported_outcomes_file_reads_back(engine: Engine, desk: OutcomeDesk, tmp_path: Path) -> None:
    a = add_intake(engine, URGENT, NOW - dt.timedelta(days=50))
    outcome = Outcome(finding="spinal_confirmed", seen_by="=HYPERLINK()", seen_on=dt.date(2026, 11, 1),
                      imaging=("mri",), urgent_route_at=(NOW - dt.timedelta(days=49)).astimezone(),
                      note="-2 on the scale")
    path = tmp_path / "back.csv"
    path.write_bytes(outcomes_csv_bytes([(a, outcome)]))
    [record] = desk.import_outcomes_csv(path)
    assert record.outcome == outcome


def test_every_bad_row_is_named_by_line_and_field_and_nothing_is_stored(
    engine: Engine, desk: OutcomeDesk, tmp_path: Path
) -> None:
    good = add_intake(engine, LIKELY, NOW - dt.timedelta(days=50))
    draft = add_intake(engine, LIKELY, NOW - dt.timedelta(days=5), status="draft")
    path = write(tmp_path, HEADER
                 + f"{good},spinal_confirmed,,,,,,\n"              # line 2: fine
                 + "x,not_spinal,,,,,,\n"                          # line 3: no intake number
                 + f"{good},maybe,,,31/12/2026,PET,,\n"            # line 4: repeated intake, three bad fields
                 + "4711,not_seen,,,,,,\n"                         # line 5: no such intake (found later)
                 + f"{draft},other_cause,,,,,,\n")                 # line 6: other cause without its text
    with pytest.raises(InvalidInput) as caught:
        desk.import_outcomes_csv(path)
    problems = caught.value.problems
    assert "nothing was imported" in caught.value.message
    assert problems == [
        ("line 3", "Intake number: must be the intake's number (a whole number)"),
        ("line 4", f"Intake number: intake {good} is on line 2 already; give one row per intake"),
        ("line 4", "Specialist's finding: choose one of 'Spinal origin confirmed', 'Not spinal', 'Another cause', "
                   "'Not seen / lost to follow-up'"),
        ("line 4", "Seen on: must be a date written YYYY-MM-DD"),
        ("line 4", problems[4][1]),
        ("line 6", "Other cause: say briefly what the other cause is"),
    ]
    assert problems[4][1].startswith("Imaging: choose from")
    for _where, message in problems:
        assert "_" not in message.split(":")[0]
    assert stored(engine) == 0 and audit_rows(engine) == []
    # With the rows fixed, the intakes that cannot take an outcome are named next, still all or nothing.
    path = write(tmp_path, HEADER + f"{good},spinal_confirmed,,,,,,\n4711,not_seen,,,,,,\n{draft},not_seen,,,,,,\n")
    with pytest.raises(InvalidInput) as caught:
        desk.import_outcomes_csv(path)
    assert caught.value.problems == [
        ("line 3", "Intake number: there is no intake 4711"),
        ("line 4", f"Intake number: Intake {draft} is not complete yet; an outcome is recorded only for a "
                   "completed intake, so nothing was recorded."),
    ]
    assert stored(engine) == 0 and audit_rows(engine) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("intake,finding\n1,not_seen\n", ["the column intake_id is missing",
                                      "the column 'intake' is not an outcome column"]),
    ("", ["the column intake_id is missing", "the column finding is missing"]),
])
def test_a_file_without_the_right_columns_is_refused(desk: OutcomeDesk, tmp_path: Path, text: str,
                                                     expected: list[str]) -> None:
    with pytest.raises(InvalidInput) as caught:
        desk.import_outcomes_csv(write(tmp_path, text))
    messages = [message for _line, message in caught.value.problems]
    assert all(any(m.startswith(e) for m in messages) for e in expected)


def test_a_file_that_is_not_text_or_has_no_rows_is_refused(desk: OutcomeDesk, tmp_path: Path) -> None:
    path = tmp_path / "binary.csv"
    path.write_bytes(b"\xff\xfe\x00intake")
    with pytest.raises(InvalidInput, match="not a UTF-8 text file"):
        desk.import_outcomes_csv(path)
    with pytest.raises(InvalidInput, match="holds no outcomes"):
        desk.import_outcomes_csv(write(tmp_path, HEADER))


def test_front_desk_cannot_import(engine: Engine, repository: Repository, tmp_path: Path) -> None:
    intake_id = add_intake(engine, LIKELY, NOW - dt.timedelta(days=50))
    with pytest.raises(PermissionDenied):
        OutcomeDesk(repository, FRONT_DESK).import_outcomes_csv(write(tmp_path, HEADER + f"{intake_id},not_seen\n"))
    assert stored(engine) == 0
