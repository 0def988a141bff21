"""Outcomes in the exports (issue 17, item 1: "exported - CSV columns; FHIR as an Observation linked to the
intake"): the CSV's outcome columns (empty without one, synthetic said so, hostile text neutralised), the
outcome Observation in the intake's Bundle (linked to its QuestionnaireResponse and Patient, valid under the
R4B models) and read back apart from the assessment, and the services' export reading outcomes per batch.
All people and outcomes here are made up."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from intake_app.domain.outcomes import Outcome, OutcomeRecord
from intake_app.exchange import ExchangeError, ExchangeInvalid, csv_bytes, csv_columns, from_fhir_bundle, to_fhir_bundle
from intake_app.exchange.fhir_export import full_url
from intake_app.exchange.outcomes_csv import OUTCOME_COLUMNS, unneutralise
from intake_app.exchange.outcomes_fhir import (
    OUTCOME_IDENTIFIER_SYSTEM,
    SYNTHETIC_LABEL,
    is_outcome_observation,
)
from intake_app.screening import assess
from tests.exchange.documents import entries, item, resources, rich_document
from tests.exchange.test_csv import read
from tests.exchange.test_fhir_roundtrip import through_r4b

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
V2 = "foot-leg-intake/2"
ROUTE = dt.datetime(2025, 7, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
# Formula starts and line breaks in every free-text field a person types into an outcome.
HOSTILE = Outcome(finding="other_cause", other_cause="=HYPERLINK(\"http://x.invalid\",\"gout\")",
                  seen_by="@Dr Example", seen_on=dt.date(2025, 7, 20), imaging=("x_ray", "mri"),
                  urgent_route_at=ROUTE, note="+1 on the scale\n=cmd|' /C calc'!A0\nthird line")
SYNTHETIC = Outcome(finding="spinal_confirmed", seen_by="Dr Demo", seen_on=dt.date(2025, 7, 10), synthetic=True)


def record(outcome: Outcome, version: int = 1, intake_id: int = 7) -> OutcomeRecord:
    return OutcomeRecord(3, intake_id, outcome, version, "doctor", dt.datetime(2025, 7, 21, 9, 0, tzinfo=dt.UTC))


def with_outcome(outcome: OutcomeRecord | None, *, intake_uuid: str = UUID, revision: int = 1) -> Any:
    return dataclasses.replace(item(rich_document(V2), intake_uuid=intake_uuid, revision=revision), outcome=outcome)


def outcome_cells(row: Mapping[str, str]) -> dict[str, str]:
    return {column: row[column] for column in OUTCOME_COLUMNS}


# --- CSV --------------------------------------------------------------------------------------------


def test_the_csv_has_the_outcome_columns_last() -> None:
    for columns in (csv_columns(), csv_columns(patient_details=False)):
        assert columns[-len(OUTCOME_COLUMNS):] == list(OUTCOME_COLUMNS)
        assert len(set(columns)) == len(columns)


def test_an_outcome_comes_back_from_the_csv_with_every_value_and_no_formula() -> None:
    (row,) = read(csv_bytes([with_outcome(record(HOSTILE, version=2))]))
    cells = outcome_cells(row)
    # Read back (the apostrophe a spreadsheet hides taken off), every value is the outcome's.
    assert {k: unneutralise(v) for k, v in cells.items()} == {
        "outcome_finding": "other_cause", "outcome_other_cause": HOSTILE.other_cause,
        "outcome_seen_by": "@Dr Example", "outcome_seen_on": "2025-07-20", "outcome_imaging": "x_ray; mri",
        "outcome_urgent_route_at": "2025-07-01T14:30+01:00", "outcome_note": HOSTILE.note,
        "outcome_version": "2", "outcome_synthetic": "no",
    }
    # In the file, no cell a spreadsheet reads starts like a formula; the note keeps its line breaks.
    assert cells["outcome_other_cause"].startswith("'=") and cells["outcome_seen_by"].startswith("'@")
    assert cells["outcome_note"] == "'" + HOSTILE.note
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


def test_an_intake_without_an_outcome_has_empty_outcome_cells() -> None:
    rows = read(csv_bytes([with_outcome(None), with_outcome(record(SYNTHETIC),
                                                            intake_uuid="6f1c1b0e-9f5c-4a53-8d43-3c2d1a2b3c4d")]))
    assert outcome_cells(rows[0]) == dict.fromkeys(OUTCOME_COLUMNS, "")
    assert rows[0]["level"]  # the rest of the row is there
    assert outcome_cells(rows[1])["outcome_finding"] == "spinal_confirmed"


def test_a_synthetic_outcome_is_labelled_synthetic_in_the_csv() -> None:
    (row,) = read(csv_bytes([with_outcome(record(SYNTHETIC))]))
    assert (row["outcome_synthetic"], row["outcome_seen_by"], row["outcome_version"]) == ("yes", "Dr Demo", "1")


# --- FHIR -------------------------------------------------------------------------------------------


def outcome_entry(bundle: dict[str, Any]) -> dict[str, Any]:
    (found,) = [e for e in entries(bundle, "Observation") if is_outcome_observation(e["resource"])]
    return found


def test_the_bundle_holds_the_outcome_observation_linked_to_the_intake_and_valid_r4b() -> None:
    bundle = to_fhir_bundle([with_outcome(record(HOSTILE, version=2))])
    through_r4b(bundle)  # fhir.resources' R4B models validate every resource
    (response,) = entries(bundle, "QuestionnaireResponse")
    (patient,) = entries(bundle, "Patient")
    observations = entries(bundle, "Observation")
    assert len(observations) == 2  # the assessment and the outcome, each its own
    found = outcome_entry(bundle)
    resource = found["resource"]
    assert found["fullUrl"] == full_url(f"Observation/outcome/{UUID}/1")
    assert found["fullUrl"] not in {e["fullUrl"] for e in bundle["entry"] if e is not found}
    assert resource["derivedFrom"] == [{"reference": response["fullUrl"]}]
    assert resource["subject"] == {"reference": patient["fullUrl"]} == response["resource"]["subject"]
    assert resource["identifier"] == [{"system": OUTCOME_IDENTIFIER_SYSTEM, "value": f"{UUID}/2"}]
    assert resource["status"] == "corrected" and resource["note"] == [{"text": HOSTILE.note}]
    assert "meta" not in resource
    # the outcome follows its intake's screening Observation in the bundle
    kinds = [e["fullUrl"] for e in bundle["entry"]]
    assert kinds.index(found["fullUrl"]) == kinds.index(response["fullUrl"]) + 2


def test_a_synthetic_outcome_carries_the_test_data_label() -> None:
    resource = outcome_entry(to_fhir_bundle([with_outcome(record(SYNTHETIC))]))["resource"]
    assert resource["meta"]["security"] == [SYNTHETIC_LABEL]
    assert resource["status"] == "final"


def test_without_an_outcome_no_outcome_observation_is_written() -> None:
    bundle = to_fhir_bundle([with_outcome(None)])
    assert not any(is_outcome_observation(r) for r in resources(bundle, "Observation"))
    (back,) = from_fhir_bundle(through_r4b(bundle))
    assert back.outcome is None and back.outcome_version is None


@pytest.mark.parametrize("outcome", [HOSTILE, SYNTHETIC, Outcome(finding="not_seen")])
def test_the_outcome_comes_back_from_the_bundle_apart_from_the_assessment(outcome: Outcome) -> None:
    exported = with_outcome(record(outcome, version=3))
    (back,) = from_fhir_bundle(through_r4b(to_fhir_bundle([exported])), today=dt.date(2025, 8, 1))
    assert back.outcome == outcome and back.outcome_version == 3
    assert back.assessment == assess(exported.document).to_json()  # never the outcome taken for the assessment
    assert back.document == exported.document


def test_a_draft_with_an_outcome_and_a_draft_without_one_in_one_bundle() -> None:
    other = "6f1c1b0e-9f5c-4a53-8d43-3c2d1a2b3c4d"
    first = with_outcome(record(SYNTHETIC))
    second = item(rich_document(V2), intake_uuid=other, screened=False, status="draft")
    back = from_fhir_bundle(through_r4b(to_fhir_bundle([first, second])))
    assert [(b.intake_uuid, b.outcome) for b in back] == [(UUID, SYNTHETIC), (other, None)]


def test_one_intakes_outcome_with_two_of_its_revisions_is_refused() -> None:
    with pytest.raises(ExchangeError, match="two of its revisions"):
        to_fhir_bundle([with_outcome(record(SYNTHETIC), revision=1), with_outcome(record(SYNTHETIC), revision=2)])


def _bundle_with(change: Any) -> dict[str, Any]:
    bundle = to_fhir_bundle([with_outcome(record(HOSTILE))])
    change(bundle, outcome_entry(bundle)["resource"])
    return bundle


def _problems(bundle: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(ExchangeInvalid) as caught:
        from_fhir_bundle(bundle, today=dt.date(2025, 8, 1))
    return caught.value.problems


def test_an_outcome_observation_that_names_no_intake_of_the_bundle_is_a_problem() -> None:
    problems = _problems(_bundle_with(lambda b, r: r.update(derivedFrom=[{"reference": "urn:uuid:elsewhere"}])))
    assert problems == [("entry[4] Observation (outcome) derivedFrom",
                         "must name the intake's QuestionnaireResponse in the bundle")]


def test_an_outcome_observation_of_another_intake_or_patient_is_a_problem() -> None:
    other = "urn:uuid:6f1c1b0e-9f5c-4a53-8d43-3c2d1a2b3c4d"
    wrong_intake = _bundle_with(lambda b, r: r.update(identifier=[{"system": OUTCOME_IDENTIFIER_SYSTEM,
                                                                    "value": f"{other[9:]}/1"}]))
    assert [w for w, _ in _problems(wrong_intake)] == ["entry[4] Observation (outcome) identifier"]
    wrong_patient = _bundle_with(lambda b, r: r.update(subject={"reference": other}))
    assert [w for w, _ in _problems(wrong_patient)] == ["entry[4] Observation (outcome) subject"]


def test_two_outcomes_for_one_intake_and_an_observation_claiming_both_roles_are_problems() -> None:
    def twice(bundle: dict[str, Any], resource: dict[str, Any]) -> None:
        bundle["entry"].append({"fullUrl": "urn:uuid:6f1c1b0e-9f5c-4a53-8d43-3c2d1a2b3c4d", "resource": resource})

    assert _problems(_bundle_with(twice)) == [("entry[5] Observation (outcome)",
                                               "repeats the outcome of entry[4]: one outcome per intake")]

    def both(bundle: dict[str, Any], resource: dict[str, Any]) -> None:
        screening = next(r for r in resources(bundle, "Observation") if r is not resource)
        resource["code"]["coding"] += screening["code"]["coding"]

    assert _problems(_bundle_with(both)) == [("entry[4] Observation code",
                                              "names both the screening and the outcome; it must be one of them")]


def test_an_unreadable_outcome_is_named_without_its_values() -> None:
    def bad(bundle: dict[str, Any], resource: dict[str, Any]) -> None:
        resource["valueCodeableConcept"]["coding"][0]["code"] = "maybe"
        resource["effectiveDateTime"] = "2999-01-01"

    ((where, message),) = _problems(_bundle_with(bad))
    assert where == "entry[4] Observation (outcome)"
    assert "finding" in message and "seen_on" in message and "maybe" not in message and "2999" not in message


# --- the services: outcomes looked up per batch --------------------------------------------------------


def fake_records(count: int) -> Iterator[tuple[Any, dict[str, Any] | None]]:
    from intake_app.domain.records import IntakeRecord

    document = rich_document(V2)
    now = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)
    result = assess(document).to_json()
    for n in range(1, count + 1):
        yield IntakeRecord(n, 1, "complete", document, result["rules_version"], result["level"], result["tier"],
                           False, None, None, now, now, now, intake_uuid=f"00000000-0000-4000-8000-{n:012d}"), result


def test_the_services_look_outcomes_up_once_per_batch() -> None:
    from intake_app.services.exchange import OUTCOME_BATCH, write_stream

    calls: list[list[int]] = []

    def lookup(ids: Sequence[int]) -> dict[int, OutcomeRecord]:
        calls.append(list(ids))
        return {i: record(SYNTHETIC, intake_id=i) for i in ids if i % 250 == 0}

    stream = io.StringIO(newline="")
    result = write_stream(fake_records(OUTCOME_BATCH * 2 + 1), "csv", stream, outcomes=lookup)
    assert [len(c) for c in calls] == [OUTCOME_BATCH, OUTCOME_BATCH, 1]
    assert [i for c in calls for i in c] == list(result.intake_ids)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff"), newline="")))
    assert [n for n, row in enumerate(rows, 1) if row["outcome_finding"]] == [250, 500, 750, 1000]
    assert all(rows[n - 1]["outcome_synthetic"] == "yes" for n in (250, 1000))

    calls.clear()
    write_stream(fake_records(3), "json", io.StringIO(), outcomes=lookup)
    assert calls == []  # the JSON documents hold answers only


def test_current_outcomes_reads_a_batch_in_one_query(tmp_path: Path) -> None:
    """The storage read behind `Clinic._export_outcomes`: one SELECT for up to 500 intakes."""
    from intake_app.storage import close_engine, create_database_engine, upgrade
    from intake_app.storage.outcomes_store import current_outcomes

    engine = create_database_engine(f"sqlite:///{tmp_path / 'batch.db'}")
    upgrade(engine)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    try:
        assert current_outcomes(engine, range(1, 501)) == {}
        assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 1
        statements.clear()
        current_outcomes(engine, range(1, 502))
        assert sum(s.lstrip().upper().startswith("SELECT") for s in statements) == 2
    finally:
        close_engine(engine)


# --- through a real clinic: export with the clinic's look-up, import back ------------------------------


@pytest.fixture
def clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from intake_app.access import passwords
    from tests.cli.conftest import add_accounts, cheap_hasher, signed_in

    monkeypatch.setattr(passwords, "default_hasher", cheap_hasher)
    url = f"sqlite:///{tmp_path / 'clinic.db'}"
    add_accounts(url)
    opened = signed_in(url, "doctor")
    yield opened
    opened.close()


@pytest.fixture
def other_clinic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from intake_app.access import passwords
    from tests.cli.conftest import add_accounts, cheap_hasher, signed_in

    monkeypatch.setattr(passwords, "default_hasher", cheap_hasher)
    url = f"sqlite:///{tmp_path / 'other.db'}"
    add_accounts(url)
    opened = signed_in(url, "doctor")
    yield opened
    opened.close()


def _stored(clinic: Any, tmp_path: Path) -> list[int]:
    from tests.conftest import FULL_ANSWERS, synthetic_document

    documents = []
    for mrn in ("SYN-0101", "SYN-0102"):
        doc = synthetic_document(**json.loads(json.dumps(FULL_ANSWERS)))
        doc["questionnaire"] = V2
        doc["patient"]["mrn"] = mrn
        documents.append(doc)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(documents), encoding="utf-8")
    records = clinic.import_file(source)
    assert [r.status for r in records] == ["complete", "complete"]
    return [r.id for r in records]


def test_a_clinics_export_carries_the_recorded_outcome_and_its_bundle_imports(
    clinic: Any, other_clinic: Any, tmp_path: Path
) -> None:
    from intake_app.services.exchange import write_per_intake, write_stream

    with_one, without = _stored(clinic, tmp_path)
    clinic.record_outcome(with_one, {"finding": "not_spinal", "note": "=1+1\nsecond line", "seen_by": "-Dr B"})
    clinic.record_outcome(with_one, {"finding": "spinal_confirmed", "note": "=1+1\nsecond line", "seen_by": "-Dr B"})

    stream = io.StringIO(newline="")
    exported = write_stream(clinic.repository.iter_for_export(), "csv", stream, outcomes=clinic._export_outcomes)
    rows = dict(zip(exported.intake_ids, csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff"), newline="")),
                    strict=True))
    assert outcome_cells(rows[without]) == dict.fromkeys(OUTCOME_COLUMNS, "")
    row = rows[with_one]
    assert (row["outcome_finding"], row["outcome_version"], row["outcome_synthetic"]) == ("spinal_confirmed", "2", "no")
    assert row["outcome_note"] == "'=1+1\nsecond line" and row["outcome_seen_by"] == "'-Dr B"

    folder = tmp_path / "fhir"
    result = write_per_intake(lambda: clinic.repository.iter_for_export(), "fhir", folder, overwrite=False,
                              group=None, outcomes=clinic._export_outcomes)
    assert result.intake_ids == exported.intake_ids
    bundles = {n: json.loads(path.read_text(encoding="utf-8")) for n, path in zip(result.intake_ids, result.paths,
                                                                                   strict=True)}
    for bundle in bundles.values():
        through_r4b(bundle)
    found = outcome_entry(bundles[with_one])["resource"]
    assert found["valueCodeableConcept"]["coding"][0]["code"] == "spinal_confirmed"
    assert not any(is_outcome_observation(r) for r in resources(bundles[without], "Observation"))

    # Imported elsewhere: no error, the intake and its screening history come in; the outcome is read and
    # checked, and left for a clinician there to record (docs/exchange.md).
    imported = other_clinic.import_file(result.paths[result.intake_ids.index(with_one)])
    assert [(r.status, r.intake_uuid, r.level) for r in imported] == [
        ("complete", clinic.intake(with_one).intake_uuid, clinic.intake(with_one).level)]
    assert other_clinic.outcomes_for(imported[0].id) == []


def test_the_import_command_imports_a_bundle_with_an_outcome_and_says_the_outcome_was_not_imported(
    clinic: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from intake_app.cli import main
    from intake_app.services.exchange import bundle_outcome_count, write_per_intake
    from tests.cli.conftest import PASSWORD, add_accounts, private_file

    with_one, _without = _stored(clinic, tmp_path)
    clinic.record_outcome(with_one, {"finding": "not_seen"})
    result = write_per_intake(lambda: clinic.repository.iter_for_export(), "fhir", tmp_path / "fhir",
                              overwrite=False, group=None, outcomes=clinic._export_outcomes)
    assert [bundle_outcome_count(path) for path in result.paths] == [1, 0]

    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    add_accounts(url)
    monkeypatch.setenv("INTAKE_APP_USER", "doctor")
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "password.txt", PASSWORD)))
    capsys.readouterr()
    assert main(["--database", url, "import", *map(str, result.paths)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{result.paths[0]}: imported 1 intake(s) (1 complete, 0 draft); 1 outcome(s) in the file not imported (a "
        "clinician records them here: intake-app outcome record, or outcome import from a CSV file)",
        f"{result.paths[1]}: imported 1 intake(s) (1 complete, 0 draft)",
    ]
    # Imported again: the intake is left alone, and the note still says the outcome was not taken.
    assert main(["--database", url, "import", str(result.paths[0])]) == 0
    assert "1 already stored, left alone; 1 outcome(s) in the file not imported" in capsys.readouterr().out


def test_an_intake_amended_after_its_outcome_is_exported_with_it(clinic: Any, tmp_path: Path) -> None:
    from intake_app.services.exchange import write_stream

    with_one, _without = _stored(clinic, tmp_path)
    clinic.record_outcome(with_one, {"finding": "spinal_confirmed"})
    draft = clinic.amend_intake(with_one, "Phone number typed wrong")
    stream = io.StringIO()
    write_stream(clinic.repository.iter_for_export(status="draft"), "fhir", stream, outcomes=clinic._export_outcomes)
    bundle = json.loads(stream.getvalue())
    through_r4b(bundle)
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert (response["status"], response["meta"]["versionId"]) == ("in-progress", "2")
    found = outcome_entry(bundle)
    assert found["fullUrl"] == full_url(f"Observation/outcome/{draft.intake_uuid}/2")
    assert found["resource"]["identifier"][0]["value"] == f"{draft.intake_uuid}/1"
    (back,) = from_fhir_bundle(bundle)
    assert (back.status, back.revision, back.outcome_version) == ("draft", 2, 1)


def test_the_outcome_look_up_asks_for_the_export_permission(clinic: Any, tmp_path: Path) -> None:
    from intake_app.access.roles import PermissionDenied
    from tests.cli.conftest import signed_in

    with_one, _without = _stored(clinic, tmp_path)
    clinic.record_outcome(with_one, {"finding": "not_seen"})
    assert list(clinic._export_outcomes([with_one])) == [with_one]
    desk = signed_in(f"sqlite:///{tmp_path / 'clinic.db'}", "desk")
    try:
        with pytest.raises(PermissionDenied):
            desk._export_outcomes([with_one])
    finally:
        desk.close()
