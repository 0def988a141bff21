"""Outcomes in exchange files: the FHIR Observation linked to the intake (round trip), the CSV columns."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from intake_app.domain.outcomes import Outcome, OutcomeRecord
from intake_app.exchange.items import ExchangeError
from intake_app.exchange.outcomes_csv import (
    OUTCOME_COLUMNS,
    OUTCOME_FILE_COLUMNS,
    outcome_cells,
    outcomes_csv_bytes,
    unneutralise,
)
from intake_app.exchange.outcomes_fhir import (
    FINDING_SYSTEM,
    SYNTHETIC_LABEL,
    is_outcome_observation,
    outcome_from_observation,
    outcome_observation,
)

UUID = "6f1c1b0e-9f5c-4a53-8d43-3c2d1a2b3c4d"
ROUTE = dt.datetime(2026, 11, 2, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
FULL = Outcome(finding="other_cause", other_cause="Gout of the big toe joint", seen_by="Dr Example",
               seen_on=dt.date(2026, 11, 20), imaging=("x_ray", "ultrasound"), urgent_route_at=ROUTE,
               note="Seen in clinic.\nNo surgery.")


def record(outcome: Outcome, version: int = 1) -> OutcomeRecord:
    return OutcomeRecord(5, 42, outcome, version, "doctor", dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC))


@pytest.mark.parametrize("outcome", [FULL, Outcome(finding="not_seen"), Outcome(finding="spinal_confirmed",
                                                                                  synthetic=True)])
def test_fhir_observation_round_trip(outcome: Outcome) -> None:
    resource = outcome_observation(record(outcome, 2), intake_uuid=UUID, patient_url="urn:uuid:p",
                                   response_url="urn:uuid:qr")
    assert is_outcome_observation(resource)
    assert resource["derivedFrom"] == [{"reference": "urn:uuid:qr"}]
    assert resource["subject"] == {"reference": "urn:uuid:p"} and resource["status"] == "corrected"
    assert resource["valueCodeableConcept"]["coding"][0] == {
        "system": FINDING_SYSTEM, "code": outcome.finding,
        "display": {"other_cause": "Another cause", "not_seen": "Not seen / lost to follow-up",
                    "spinal_confirmed": "Spinal origin confirmed"}[outcome.finding]}
    assert (SYNTHETIC_LABEL in resource.get("meta", {}).get("security", [])) == outcome.synthetic
    read = outcome_from_observation(resource, today=dt.date(2026, 11, 29))
    assert (read.intake_uuid, read.version, read.response_reference) == (UUID, 2, "urn:uuid:qr")
    assert read.outcome == outcome


def test_fhir_observation_in_plain_words_and_bad_ones_refused() -> None:
    resource = outcome_observation(record(FULL), intake_uuid=UUID, patient_url="urn:uuid:p",
                                   response_url="urn:uuid:qr")
    assert resource["valueCodeableConcept"]["text"] == "Another cause: Gout of the big toe joint"
    assert resource["status"] == "final" and resource["performer"] == [{"display": "Dr Example"}]
    assert [c["code"]["text"] for c in resource["component"]] == [
        "Other cause", "Imaging", "Imaging", "Reached the emergency or urgent route"]
    broken = {**resource, "valueCodeableConcept": {"coding": [{"system": FINDING_SYSTEM, "code": "maybe"}]}}
    with pytest.raises(ExchangeError, match=r"cannot be read \(finding\)"):
        outcome_from_observation(broken)
    with pytest.raises(ExchangeError, match="not an outcome"):
        outcome_from_observation({"resourceType": "Observation", "code": {}})
    with pytest.raises(ExchangeError, match="identifier"):
        outcome_from_observation({**resource, "identifier": []})


def test_csv_columns_of_an_outcome_and_the_outcomes_file() -> None:
    cells = outcome_cells(record(Outcome(finding="not_spinal", note="-5 points on the scale", synthetic=True), 3))
    assert dict(zip(OUTCOME_COLUMNS, cells, strict=True)) == {
        "outcome_finding": "not_spinal", "outcome_other_cause": "", "outcome_seen_by": "", "outcome_seen_on": "",
        "outcome_imaging": "", "outcome_urgent_route_at": "", "outcome_note": "'-5 points on the scale",
        "outcome_version": "3", "outcome_synthetic": "yes"}
    assert outcome_cells(None) == [""] * len(OUTCOME_COLUMNS)
    data = outcomes_csv_bytes([(42, FULL)])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(OUTCOME_FILE_COLUMNS)
    assert rows[1][:6] == ["42", "other_cause", "Gout of the big toe joint", "Dr Example", "2026-11-20",
                           "x_ray; ultrasound"]
    assert rows[1][6] == "2026-11-02T14:30+01:00" and rows[1][7] == "Seen in clinic.\nNo surgery."
    assert unneutralise("'-5") == "-5" and unneutralise("'quoted") == "'quoted"


def test_exports_find_each_intakes_current_outcome(engine: object, desk: object) -> None:
    from intake_app.storage.outcomes_store import current_outcomes

    from .conftest import LIKELY, NOW, add_intake

    first = add_intake(engine, LIKELY, NOW - dt.timedelta(days=30))  # type: ignore[arg-type]
    second = add_intake(engine, LIKELY, NOW - dt.timedelta(days=20))  # type: ignore[arg-type]
    desk.record_outcome(first, {"finding": "not_seen"})  # type: ignore[attr-defined]
    desk.record_outcome(first, {"finding": "spinal_confirmed"})  # type: ignore[attr-defined]
    found = current_outcomes(engine, [first, second, 999])  # type: ignore[arg-type]
    assert list(found) == [first] and (found[first].version, found[first].outcome.finding) == (2, "spinal_confirmed")
    cells = dict(zip(OUTCOME_COLUMNS, outcome_cells(found[first]), strict=True))
    assert (cells["outcome_finding"], cells["outcome_version"], cells["outcome_synthetic"]) == (
        "spinal_confirmed", "2", "no")
