"""Re-screening stored intakes with the current rules is explicit and keeps the earlier result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from intake_app.domain import parse_document
from intake_app.screening import RULES_VERSION
from intake_app.services import Clinic


def test_rescreen_stores_a_new_result_and_lists_changed_levels(
    clinic: Clinic, database_url: str, full_document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    document = parse_document(full_document)
    old = {"level": "not_indicated", "tier": None, "spinal_flag": False, "reasons": [], "recommendation": "old",
           "rules_version": "2000.01-1"}
    current = clinic.repository.import_documents([(document, old)])[0]
    same = clinic.repository.import_documents([(document, None)])[0]  # a draft is not re-screened

    assert main(["--database", database_url, "rescreen"]) == 0
    out = capsys.readouterr().out
    assert f"re-screened with rules {RULES_VERSION}; 1 intake(s) changed level" in out
    assert f"intake {current.id}: not_indicated (2000.01-1) -> " in out

    history = clinic.repository.assessments(current.id)
    assert [(h.rules_version, h.cause) for h in history] == [("2000.01-1", "import"), (RULES_VERSION, "rescreen")]
    assert history[0].result["recommendation"] == "old"  # the earlier result is kept as it was
    assert clinic.intake(current.id).rules_version == RULES_VERSION
    assert clinic.repository.assessments(same.id) == []

    assert main(["--database", database_url, "rescreen"]) == 0  # nothing left to do
    assert "0 intake(s) changed level" in capsys.readouterr().out
    assert len(clinic.repository.assessments(current.id)) == 2


def test_completing_stores_the_assessment_with_its_rules_version(clinic: Clinic, full_document: dict) -> None:
    document = parse_document(full_document)
    patient = clinic.register_patient(document.patient)
    draft = clinic.start_intake(patient.id, document.visit_date)
    record, assessment = clinic.complete_intake(draft.id, dict(document.answers), document.visit_date)
    assert record.status == "complete"
    assert record.rules_version == RULES_VERSION == assessment.rules_version
    stored = clinic.repository.assessments(draft.id)
    assert stored[0].result == assessment.to_json()


def test_completing_without_the_red_flag_screen_needs_the_explicit_not_asked(
    clinic: Clinic, full_document: dict, tmp_path: Path
) -> None:
    from intake_app.services import IncompleteIntake

    document = parse_document(full_document)
    patient = clinic.register_patient(document.patient)
    draft = clinic.start_intake(patient.id, document.visit_date)
    answers = dict(document.answers)
    answers["rf_bowel_change"] = "unknown"
    with pytest.raises(IncompleteIntake) as excinfo:
        clinic.complete_intake(draft.id, answers, document.visit_date)
    assert excinfo.value.red_flags_unanswered == ["rf_bowel_change"]
    assert clinic.intake(draft.id).status == "draft"
    record, assessment = clinic.complete_intake(draft.id, answers, document.visit_date, red_flags_not_asked=True)
    assert record.red_flags_not_asked
    assert any(r.rule == "Q1" for r in assessment.reasons)
    del answers["onset"]
    answers.pop("age_years")
    other = clinic.start_intake(patient.id, document.visit_date)
    with pytest.raises(IncompleteIntake) as excinfo:
        clinic.complete_intake(other.id, {k: v for k, v in answers.items() if k != "age_years"}, document.visit_date,
                               red_flags_not_asked=True)
    assert excinfo.value.missing == ["age_years"]
