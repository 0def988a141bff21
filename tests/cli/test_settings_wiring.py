"""The services and the command line print and screen with the clinic's settings."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from intake_app.access.passwords import Secret
from intake_app.cli import main
from intake_app.domain import Patient, parse_document
from intake_app.services import report_options, screen
from intake_app.settings import Settings, save_settings
from tests.cli.conftest import PASSWORD, signed_in
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.reports.helpers import all_text

GB = Settings(clinic_name="Test Clinic", country="GB", referrer_name="Dr Referrer", referrer_role="Physio",
              emergency_number="01234 999")


def _urgent() -> dict[str, Any]:
    return synthetic_document(**{**copy.deepcopy(FULL_ANSWERS), "rf_saddle_numbness": "new"})


def _recommendation_text(result: dict[str, Any]) -> str:
    return json.dumps(result, ensure_ascii=False)


def test_report_options_come_from_the_settings() -> None:
    options = report_options(GB)
    assert (options.referrer_name, options.referrer_role) == ("Dr Referrer", "Physio")
    assert (options.emergency_number, options.emergency_department) == ("01234 999", "A&E")
    assert report_options(GB, referrer_name="Dr Other", revision=3).referrer_name == "Dr Other"


def test_screen_names_the_clinics_emergency_department() -> None:
    document = parse_document(_urgent())
    assert "A&E" in _recommendation_text(screen(document, GB).to_json())
    assert "A&E" not in _recommendation_text(screen(document).to_json())
    us = dataclasses.replace(GB, country="US")
    assert "the ER (emergency room)" in _recommendation_text(screen(document, us).to_json())


def test_a_completed_intake_stores_the_clinics_wording(database_url: str) -> None:
    clinic = signed_in(database_url, "doctor", GB)
    record = clinic.register_patient(Patient("Test", "Alex", dt.date(1970, 1, 2), "female", "", "W-1"))
    intake = clinic.start_intake(record.id)
    answers = {**copy.deepcopy(FULL_ANSWERS), "rf_saddle_numbness": "new",
               "age_years": intake.document.answers["age_years"]}
    clinic.acknowledge_red_flag(intake.id, clinician="doctor", password=Secret(PASSWORD), answers=answers,
                                visit_date=intake.document.visit_date)
    _stored, assessment = clinic.complete_intake(intake.id, answers, intake.document.visit_date)
    assert "A&E" in _recommendation_text(assessment.to_json())
    assert "A&E" in _recommendation_text(clinic.repository.assessments(intake.id)[-1].result)
    clinic.close()


def test_the_referral_prints_the_revision_and_the_settings_referrer(database_url: str) -> None:
    clinic = signed_in(database_url, "desk", GB)
    document = parse_document(synthetic_document(**copy.deepcopy(FULL_ANSWERS)))
    first = all_text(clinic.referral_pdf(document))
    assert "Dr Referrer" in first
    assert "amended (revision" not in first
    amended = all_text(clinic.referral_pdf(document, revision=2, referrer_name="Dr Letter"))
    assert "amended (revision 2)" in amended
    assert "Dr Letter" in amended
    clinic.close()


@pytest.fixture
def gb_settings() -> Settings:
    save_settings(GB)
    return GB


def test_cli_assess_and_report_read_the_settings(
    gb_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "urgent.json"
    path.write_text(json.dumps(_urgent()), encoding="utf-8")
    assert main(["assess", str(path)]) == 0
    assert "A&E" in capsys.readouterr().out
    assert main(["assess", "--format", "text", str(path)]) == 0
    assert "A&E" in capsys.readouterr().out
    out = tmp_path / "handout.pdf"
    referral = tmp_path / "referral.pdf"
    assert main(["report", str(path), "--handout", str(out), "--referral", str(referral)]) == 0
    assert "01234 999" in all_text(out.read_bytes())
    assert "Dr Referrer" in all_text(referral.read_bytes())


def test_cli_report_prints_a_given_revision(tmp_path: Path) -> None:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(synthetic_document(**copy.deepcopy(FULL_ANSWERS))), encoding="utf-8")
    referral = tmp_path / "referral.pdf"
    assert main(["report", str(path), "--referral", str(referral), "--revision", "3"]) == 0
    assert "amended (revision 3)" in all_text(referral.read_bytes())
    with pytest.raises(SystemExit):
        main(["report", str(path), "--referral", str(referral), "--revision", "0"])
