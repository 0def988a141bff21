"""intake-app export --format json|fhir|csv [--out] [--overwrite] and import of FHIR bundles (issue 15, 3-4)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from intake_app.cli import main
from intake_app.services import Clinic
from tests.cli.conftest import signed_in
from tests.conftest import FULL_ANSWERS, synthetic_document


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _documents() -> list[dict[str, Any]]:
    complete = synthetic_document(**json.loads(json.dumps(FULL_ANSWERS)), desk_note="=HYPERLINK(\"x\")")
    complete["questionnaire"] = "foot-leg-intake/2"
    complete["patient"]["phone"] = "+44 7000 000001"
    first = synthetic_document(**json.loads(json.dumps(FULL_ANSWERS)))
    first["questionnaire"] = "foot-leg-intake/1"
    first["patient"]["mrn"] = "SYN-0002"
    draft = synthetic_document(pain={"right": ["heel"]}, rf_saddle_numbness="new")
    draft["questionnaire"] = "foot-leg-intake/2"
    draft["patient"]["mrn"] = "SYN-0003"
    return [complete, first, draft]


@pytest.fixture
def stored(tmp_path: Path, database_url: str, capsys: pytest.CaptureFixture[str]) -> str:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(_documents()), encoding="utf-8")
    code, out, _ = run(capsys, "--database", database_url, "import", str(source))
    assert code == 0, out
    assert "imported 3 intake(s) (2 complete, 1 draft)" in out
    return database_url


def _uuids(url: str) -> set[tuple[str, int]]:
    clinic = Clinic.open(url)
    try:
        return {(r.intake_uuid, r.revision) for r in clinic.repository.iter_intakes()}
    finally:
        clinic.repository.engine.dispose()


def test_json_to_stdout_and_to_a_folder(stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--database", stored, "export")
    assert code == 0
    assert [d["patient"]["mrn"] for d in json.loads(out)] == ["SYN-0001", "SYN-0002", "SYN-0003"]
    assert "exported 3 intake(s) as json" in err
    folder = tmp_path / "json"
    assert run(capsys, "--database", stored, "export", "--format", "json", "--out", str(folder))[0] == 0
    assert sorted(os.listdir(folder)) == ["intake-000001.json", "intake-000002.json", "intake-000003.json"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "intake-000001.json").stat().st_mode) == 0o600


def test_fhir_to_stdout_is_a_valid_r4_bundle(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--database", stored, "export", "--format", "fhir")
    assert code == 0
    bundle = json.loads(out)
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 3
    assert kinds.count("Observation") == 2  # the two complete intakes; the draft has no stored result
    assert kinds.count("Questionnaire") == 2  # both questionnaire versions
    identifiers = {e["resource"]["identifier"]["value"] for e in bundle["entry"]
                   if e["resource"]["resourceType"] == "QuestionnaireResponse"}
    assert {f"urn:uuid:{u}" for u, _ in _uuids(stored)} == identifiers or {u for u, _ in _uuids(stored)} == {
        i.removeprefix("urn:uuid:") for i in identifiers}


def test_fhir_to_a_folder_one_bundle_per_intake(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fhir"
    assert run(capsys, "--database", stored, "export", "--format", "fhir", "--out", str(folder))[0] == 0
    names = sorted(os.listdir(folder))
    assert names == sorted(f"intake-{u}-r{r}.fhir.json" for u, r in _uuids(stored))
    for name in names:
        Bundle.model_validate(json.loads((folder / name).read_text(encoding="utf-8")))
        assert stat.S_IMODE((folder / name).stat().st_mode) == 0o600
    code, _, err = run(capsys, "--database", stored, "export", "--format", "fhir", "--out", str(folder))
    assert code == 1
    assert "already exist" in err and "--overwrite" in err
    assert run(capsys, "--database", stored, "export", "--format", "fhir", "--out", str(folder),
               "--overwrite")[0] == 0


def _csv_rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_to_a_file_has_a_bom_and_neutralised_formulas(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "intakes.csv"
    assert run(capsys, "--database", stored, "export", "--format", "csv", "--out", str(target))[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    rows = _csv_rows(target.read_bytes())
    assert len(rows) == 3
    first = rows[0]
    assert first["phone"] == "'+44 7000 000001"
    assert first["desk_note"] == "'=HYPERLINK(\"x\")"
    assert {r["questionnaire"] for r in rows} == {"foot-leg-intake/1", "foot-leg-intake/2"}
    assert rows[2]["status"] == "draft"
    code, _, err = run(capsys, "--database", stored, "export", "--format", "csv", "--out", str(target))
    assert code == 1
    assert "already exists" in err


def test_csv_to_stdout_has_the_bom(stored: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", stored, "export", "--format", "csv"]) == 0
    rows = _csv_rows(capsys.readouterr().out.encode("utf-8"))
    assert [r["mrn"] for r in rows] == ["SYN-0001", "SYN-0002", "SYN-0003"]


def test_json_round_trip_through_import(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], staffed_database: Callable[[str], str]
) -> None:
    exported = run(capsys, "--database", stored, "export")[1]
    path = tmp_path / "export.json"
    path.write_text(exported, encoding="utf-8")
    other = staffed_database("other")
    code, out, _ = run(capsys, "--database", other, "import", str(path))
    assert code == 0 and "imported 3 intake(s) (2 complete, 1 draft)" in out
    assert json.loads(run(capsys, "--database", other, "export")[1]) == json.loads(exported)


def test_fhir_round_trip_keeps_identity_and_history_and_never_duplicates(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], staffed_database: Callable[[str], str]
) -> None:
    path = tmp_path / "bundle.json"
    path.write_text(run(capsys, "--database", stored, "export", "--format", "fhir")[1], encoding="utf-8")
    other = staffed_database("other")
    code, out, err = run(capsys, "--database", other, "import", str(path))
    assert code == 0 and "imported 3 intake(s) (2 complete, 1 draft)" in out, err
    assert _uuids(other) == _uuids(stored)
    assert json.loads(run(capsys, "--database", other, "export")[1]) == json.loads(
        run(capsys, "--database", stored, "export")[1])
    clinic = Clinic.open(other)
    try:
        records = list(clinic.repository.iter_intakes())
        complete = [r for r in records if r.status == "complete"]
        for record in complete:  # the exported result kept as history, then re-screened now
            assert [a.cause for a in clinic.repository.assessments(record.id)] == ["import", "rescreen"]
        (draft,) = [r for r in records if r.status == "draft"]
        assert (draft.level, clinic.repository.assessments(draft.id)) == ("urgent", [])
    finally:
        clinic.repository.engine.dispose()
    # The same bundle again, here or back home: nothing is duplicated.
    for url in (other, stored):
        code, out, _ = run(capsys, "--database", url, "import", str(path))
        assert code == 0 and "imported 0 intake(s)" in out and "3 already stored, left alone" in out
        assert len(_uuids(url)) == 3


def test_an_amended_revision_comes_back_as_that_revision(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], staffed_database: Callable[[str], str]
) -> None:
    clinic = signed_in(stored, "doctor")
    amended = clinic.amend_intake(1, "a correction")
    clinic.close()
    path = tmp_path / "bundle.json"
    path.write_text(run(capsys, "--database", stored, "export", "--format", "fhir")[1], encoding="utf-8")
    other = staffed_database("other")
    assert run(capsys, "--database", other, "import", str(path))[0] == 0
    assert (amended.intake_uuid, 2) in _uuids(other)
    assert "3 already stored" in run(capsys, "--database", stored, "import", str(path))[1]


def test_a_damaged_bundle_imports_nothing(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], staffed_database: Callable[[str], str]
) -> None:
    bundle = json.loads(run(capsys, "--database", stored, "export", "--format", "fhir")[1])
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "QuestionnaireResponse":
            entry["resource"].pop("identifier")
            break
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")
    other = staffed_database("other")
    code, _, err = run(capsys, "--database", other, "import", str(path))
    assert code == 1
    assert "nothing imported" in err
    assert _uuids(other) == set()


def test_every_export_is_in_the_audit_trail(stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--database", stored, "export", "--format", "csv", "--out", str(tmp_path / "x.csv"))[0] == 0
    code, out, err = run(capsys, "--database", stored, "--user", "admin", "audit", "export")
    assert code == 0, err
    exports = [row for row in csv.DictReader(io.StringIO(out)) if row["what"] == "Exported patient data"]
    assert [(row["account"], row["role"]) for row in exports] == [("doctor", "clinician")]
