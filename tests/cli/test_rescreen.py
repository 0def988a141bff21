"""Re-screening stored intakes with the current rules is explicit and keeps the earlier result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from intake_app.domain import parse_document
from intake_app.screening import RULES_VERSION
from intake_app.services import Clinic


def store(clinic: Clinic, document: Any, result: dict[str, Any] | None) -> Any:
    """A document stored as if imported with `result` (None: a draft), by the signed-in account."""
    return clinic.repository.import_documents([(document, result)], actor=clinic.signed_in)[0]


def test_rescreen_stores_a_new_result_and_lists_changed_levels(
    clinic: Clinic, database_url: str, full_document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    document = parse_document(full_document)
    old = {"level": "not_indicated", "tier": None, "spinal_flag": False, "reasons": [], "recommendation": "old",
           "rules_version": "2000.01-1"}
    current = store(clinic, document, old)
    same = store(clinic, document, None)  # a draft is not re-screened

    assert main(["--database", database_url, "rescreen"]) == 0
    out = capsys.readouterr().out
    assert f"re-screened with rules {RULES_VERSION}; 1 intake(s) changed result" in out
    row = next(line for line in out.splitlines() if line.split()[:1] == [str(current.id)])
    assert "spinal origin not indicated" in row  # the old result beside the new one
    assert "not_indicated" not in out  # plain words, no value codes

    history = clinic.repository.assessments(current.id)
    assert [(h.rules_version, h.cause) for h in history] == [("2000.01-1", "import"), (RULES_VERSION, "rescreen")]
    assert history[0].result["recommendation"] == "old"  # the earlier result is kept as it was
    assert clinic.intake(current.id).rules_version == RULES_VERSION
    assert clinic.repository.assessments(same.id) == []

    assert main(["--database", database_url, "rescreen"]) == 0  # nothing left to do
    assert "0 intake(s) changed result" in capsys.readouterr().out
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


def old_result(level: str, tier: str | None) -> dict[str, Any]:
    return {"level": level, "tier": tier, "spinal_flag": False, "reasons": [], "recommendation": "old",
            "rules_version": "2000.01-1"}


def test_rescreen_lists_a_change_of_tier_alone(clinic: Clinic, database_url: str, full_document: dict[str, Any],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from intake_app.services import screen

    document = parse_document(full_document)
    now = screen(document)
    other_tier = "P" if now.tier != "P" else "E"
    same_level = store(clinic, document, old_result(now.level, other_tier))
    unchanged = store(clinic, document, old_result(now.level, now.tier))
    changes = clinic.rescreen()
    assert [c.intake_id for c in changes] == [same_level.id]
    assert (changes[0].old_tier, changes[0].new_tier) == (other_tier, now.tier)
    assert unchanged.id not in [c.intake_id for c in changes]


def test_a_result_that_rose_after_the_patient_left_goes_on_the_recall_list(
    clinic: Clinic, database_url: str, full_document: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    from intake_app.services import screen

    urgent = dict(full_document)
    urgent["answers"] = dict(full_document["answers"], rf_saddle_numbness="new", rf_bladder_change="new")
    document = parse_document(urgent)
    assert screen(document).level == "urgent"
    rose = store(clinic, document, old_result("possible", None))
    fell = store(clinic, parse_document(full_document), old_result("urgent", "E"))
    assert main(["--database", database_url, "rescreen"]) == 0
    out = capsys.readouterr().out
    assert "recall: contact the patient" in out
    assert [e.intake_id for e in clinic.recall_list()] == [rose.id]  # a result that fell is not recalled
    assert fell.id not in [e.intake_id for e in clinic.recall_list()]

    assert main(["--database", database_url, "recall"]) == 0
    out = capsys.readouterr().out
    assert f"intake {rose.id}" in out and "Testperson, Alex" in out and "spinal origin possible -> URGENT" in out

    # Who contacted the patient: the signed-in clinician unless --who names someone else.
    assert main(["--database", database_url, "recall", "--contacted", str(rose.id)]) == 0
    assert "marked contacted" in capsys.readouterr().out
    assert clinic.recall_list() == []
    assert main(["--database", database_url, "recall"]) == 0
    assert "nobody to contact" in capsys.readouterr().out
    assert main(["--database", database_url, "recall", "--contacted", str(rose.id), "--who", "Dr Example"]) == 1
    assert "not on the recall list" in capsys.readouterr().err
    assert len(clinic.repository.assessments(rose.id)) == 2  # the earlier result is kept
