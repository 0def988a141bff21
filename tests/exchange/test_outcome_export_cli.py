"""`intake-app export` carries each intake's outcome (issue 17, item 1): the CSV's outcome columns and the
FHIR outcome Observation, end to end through the command line as a signed-in clinician; demo-data's
synthetic outcomes labelled as such; a re-import elsewhere. All people and outcomes here are made up."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from intake_app.cli import main
from intake_app.exchange.outcomes_csv import OUTCOME_COLUMNS
from intake_app.exchange.outcomes_fhir import SYNTHETIC_LABEL, is_outcome_observation
from tests.cli.conftest import PASSWORD, add_accounts, cheap_hasher, private_file
from tests.conftest import FULL_ANSWERS, synthetic_document
from tests.exchange.test_fhir_roundtrip import through_r4b


@pytest.fixture(autouse=True)
def as_doctor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from intake_app.access import passwords

    monkeypatch.setattr(passwords, "default_hasher", cheap_hasher)
    monkeypatch.setenv("INTAKE_APP_USER", "doctor")
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "password.txt", PASSWORD)))


def database(tmp_path: Path, name: str) -> str:
    url = f"sqlite:///{tmp_path / (name + '.db')}"
    add_accounts(url)
    return url


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_export_carries_the_recorded_outcome_in_csv_and_fhir_and_the_bundle_imports_elsewhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database(tmp_path, "clinic")
    documents = []
    for mrn in ("SYN-0201", "SYN-0202"):
        doc = synthetic_document(**json.loads(json.dumps(FULL_ANSWERS)))
        doc["questionnaire"] = "foot-leg-intake/2"
        doc["patient"]["mrn"] = mrn
        documents.append(doc)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(documents), encoding="utf-8")
    assert main(["--database", url, "import", str(source)]) == 0
    assert main(["--database", url, "outcome", "record", "1", "--finding", "spinal_confirmed", "--note",
                 "=HYPERLINK(\"x\")\nsecond line"]) == 0
    capsys.readouterr()

    assert main(["--database", url, "export", "--format", "csv"]) == 0
    first, second = csv_rows(capsys.readouterr().out)
    assert (first["outcome_finding"], first["outcome_version"], first["outcome_synthetic"]) == (
        "spinal_confirmed", "1", "no")
    assert first["outcome_note"] == "'=HYPERLINK(\"x\")\nsecond line"
    assert {c: second[c] for c in OUTCOME_COLUMNS} == dict.fromkeys(OUTCOME_COLUMNS, "")

    out_file = tmp_path / "intakes.csv"
    assert main(["--database", url, "export", "--format", "csv", "--out", str(out_file)]) == 0
    assert csv_rows(out_file.read_text(encoding="utf-8"))[0]["outcome_finding"] == "spinal_confirmed"

    assert main(["--database", url, "export", "--format", "fhir"]) == 0
    bundle = json.loads(capsys.readouterr().out)
    through_r4b(bundle)
    (outcome,) = [e["resource"] for e in bundle["entry"] if is_outcome_observation(e["resource"])]
    responses = [e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"]
    assert outcome["derivedFrom"] == [{"reference": responses[0]}]

    folder = tmp_path / "fhir"
    assert main(["--database", url, "export", "--format", "fhir", "--out", str(folder)]) == 0
    files = sorted(folder.iterdir())
    with_outcome = [f for f in files if any(is_outcome_observation(e["resource"])
                                            for e in json.loads(f.read_text(encoding="utf-8"))["entry"])]
    assert len(with_outcome) == 1
    capsys.readouterr()
    elsewhere = database(tmp_path, "elsewhere")
    assert main(["--database", elsewhere, "import", str(with_outcome[0])]) == 0
    assert "imported 1 intake(s) (1 complete, 0 draft); 1 outcome(s) in the file not imported" in (
        capsys.readouterr().out)


def test_demo_datas_synthetic_outcomes_are_labelled_synthetic_in_the_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = database(tmp_path, "demo")
    assert main(["--database", url, "--user", "admin", "demo-data", "40"]) == 0
    capsys.readouterr()
    assert main(["--database", url, "export", "--format", "csv", "--status", "complete"]) == 0
    rows = csv_rows(capsys.readouterr().out)
    labelled = [row["outcome_synthetic"] for row in rows if row["outcome_finding"]]
    assert labelled and set(labelled) == {"yes"}
    assert main(["--database", url, "export", "--format", "fhir", "--status", "complete"]) == 0
    bundle = json.loads(capsys.readouterr().out)
    outcomes = [e["resource"] for e in bundle["entry"] if is_outcome_observation(e["resource"])]
    assert len(outcomes) == len(labelled)
    assert all(o["meta"]["security"] == [SYNTHETIC_LABEL] for o in outcomes)
