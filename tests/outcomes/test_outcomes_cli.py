"""Outcomes through the real Clinic and the command line: `outcome record`, `outcome import`, `outcomes report`,
run as signed-in staff accounts (a clinician may, the front desk may not), audited in the chained trail."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from intake_app.cli import main
from intake_app.storage import close_engine, create_database_engine
from intake_app.storage.models import AuditRow
from tests.cli.conftest import PASSWORD, add_accounts, cheap_hasher, private_file

from .conftest import LIKELY, URGENT, add_intake


@pytest.fixture(autouse=True)
def as_doctor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from intake_app.access import passwords

    monkeypatch.setattr(passwords, "default_hasher", cheap_hasher)
    monkeypatch.setenv("INTAKE_APP_USER", "doctor")
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "password.txt", PASSWORD)))


@pytest.fixture
def staffed(database_url: str) -> str:
    add_accounts(database_url)
    return database_url


def intake(url: str, scenario: str = LIKELY, days: int = 40) -> int:
    engine = create_database_engine(url)
    try:
        return add_intake(engine, scenario, dt.datetime.now(dt.UTC) - dt.timedelta(days=days))
    finally:
        close_engine(engine)


def outcome_entries(url: str) -> list[tuple[str, str, int | None, str]]:
    engine = create_database_engine(url)
    try:
        with Session(engine) as session:
            return [(r.who, r.role, r.intake_id, r.detail) for r in session.query(AuditRow).order_by(AuditRow.seq)
                    if r.action == "outcome.record"]
    finally:
        close_engine(engine)


def test_outcome_record_as_a_clinician_and_refused_for_the_front_desk(
    staffed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    intake_id = intake(staffed)
    assert main(["--database", staffed, "--user", "desk", "outcome", "record", str(intake_id),
                 "--finding", "not_spinal"]) == 1
    assert "cannot record an outcome" in capsys.readouterr().err
    assert outcome_entries(staffed) == []
    assert main(["--database", staffed, "outcome", "record", str(intake_id), "--finding", "Spinal origin confirmed",
                 "--seen-on", "2026-11-20", "--seen-by", "Ms Example", "--imaging", "mri", "--note", "L5"]) == 0
    assert capsys.readouterr().out.strip() == f"intake {intake_id}: outcome recorded: Spinal origin confirmed"
    assert main(["--database", staffed, "outcome", "record", str(intake_id), "--finding", "other_cause",
                 "--other-cause", "Gout", "--version", "1"]) == 0
    assert "corrected (version 2): Another cause: Gout" in capsys.readouterr().out
    assert outcome_entries(staffed) == [("doctor", "clinician", intake_id, "version 1"),
                                        ("doctor", "clinician", intake_id, "version 2")]
    assert main(["--database", staffed, "--user", "admin", "audit", "verify"]) == 0  # the chain still holds
    capsys.readouterr()
    assert main(["--database", staffed, "outcome", "record", str(intake_id), "--finding", "maybe",
                 "--seen-on", "yesterday"]) == 1
    err = capsys.readouterr().err
    assert "Specialist's finding: choose one of" in err and "Seen on: must be a date written YYYY-MM-DD" in err
    assert "seen_on" not in err


def test_outcome_import_names_bad_rows_and_stores_nothing_then_a_good_file(
    staffed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = intake(staffed), intake(staffed, URGENT, 30)
    bad = tmp_path / "outcomes.csv"
    bad.write_text(f"intake_id,finding,seen_on\n{first},spinal_confirmed,\n{second},not_spinal,2026-13-01\n",
                   encoding="utf-8")
    assert main(["--database", staffed, "outcome", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: line 3: Seen on: must be a date written YYYY-MM-DD" in err and "nothing imported" in err
    assert outcome_entries(staffed) == []
    bad.write_text(f"intake_id,finding,seen_on\n{first},spinal_confirmed,\n{second},not_spinal,2026-11-01\n",
                   encoding="utf-8")
    assert main(["--database", staffed, "outcome", "import", str(bad)]) == 0
    assert capsys.readouterr().out.strip() == f"{bad}: imported 2 outcome(s)"
    assert [e[2] for e in outcome_entries(staffed)] == [first, second]


def test_outcomes_report_writes_a_private_pdf_with_its_chart(
    staffed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    intake_id = intake(staffed)
    assert main(["--database", staffed, "outcome", "record", str(intake_id), "--finding", "spinal_confirmed"]) == 0
    out = tmp_path / "record.pdf"
    assert main(["--database", staffed, "outcomes", "report", "--from", "2020-01-01", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and (os.stat(out).st_mode & 0o777) == 0o600
    assert main(["--database", staffed, "outcomes", "report", "--out", str(out)]) == 1  # exists: not replaced
    assert main(["--database", staffed, "outcomes", "report", "--out", str(out), "--overwrite"]) == 0
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Confirmed among seen, by level" in text and "1 of 1" in text
    assert main(["--database", staffed, "--user", "desk", "outcomes", "report", "--out", str(out),
                 "--overwrite"]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["--database", staffed, "outcomes", "report", "--from", "2026-02-30", "--out", str(out)])
    assert usage.value.code == 2 and "'2026-02-30' is not a date written YYYY-MM-DD" in capsys.readouterr().err


def test_demo_data_gives_synthetic_outcomes(database_url: str) -> None:
    pytest.importorskip("faker")
    from intake_app.access.passwords import Passwords, Secret
    from intake_app.services import Clinic

    add_accounts(database_url)
    clinic = Clinic.open(database_url, passwords=Passwords(cheap_hasher()))
    try:
        clinic.sign_in("admin", Secret(PASSWORD))
        clinic.add_demo_data(300, seed=5)
        clinic.sign_in("doctor", Secret(PASSWORD))
        report = clinic.outcomes_performance()
        assert report.overall.synthetic and report.overall.cases == 300
        assert sum(f.seen for f in report.overall.levels) > 50
        clinic.sign_in("admin", Secret(PASSWORD))
        assert clinic.verify_audit().ok
    finally:
        clinic.close()
