"""Who entered each answer in the exchange files (issue 16, item 1): FHIR (the core
questionnaireresponse-author extension on each answer's item, read back exactly), CSV (the fields the
patient entered, and those staff entered) and the JSON export, for both questionnaire versions."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from intake_app.domain import DocumentInvalid, IntakeDocument, load_questionnaire
from intake_app.exchange import (
    ExchangeError,
    ExchangeInvalid,
    csv_bytes,
    csv_columns,
    documents_json,
    from_fhir_bundle,
    to_fhir_bundle,
)
from intake_app.exchange import fhir_codes as c
from tests.exchange.documents import VERSIONS, document, flat_items, item, resources, rich_document
from tests.exchange.test_csv import read
from tests.exchange.test_fhir_roundtrip import through_r4b

AUTHOR = "http://hl7.org/fhir/StructureDefinition/questionnaireresponse-author"
UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def marked(doc: IntakeDocument) -> IntakeDocument:
    """Every answer marked: per-side ones and every third by staff, the rest by the patient."""
    q = load_questionnaire(doc.questionnaire)
    per_side = {question.id for question in q.answer_questions if question.per_side}
    who = {key: ("staff" if key in per_side or i % 3 == 0 else "patient") for i, key in enumerate(doc.answers)}
    return dataclasses.replace(doc, entered_by=who)


def authors(bundle: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """linkId -> its questionnaireresponse-author extensions, for every item of the first response."""
    (response,) = resources(bundle, "QuestionnaireResponse")[:1]
    return {link: [e for e in it.get("extension", []) if e["url"] == AUTHOR]
            for link, it in flat_items(response.get("item", [])).items()}


def test_the_extension_is_hl7s_own() -> None:
    assert c.HL7_QR_AUTHOR == AUTHOR


# --- FHIR round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize("ref", VERSIONS)
def test_entered_by_comes_back_exactly_through_fhir_and_the_r4b_models(ref: str) -> None:
    doc = marked(rich_document(ref))
    assert set(doc.entered_by.values()) == {"patient", "staff"}
    (back,) = from_fhir_bundle(through_r4b(to_fhir_bundle([item(doc, intake_uuid=UUID)])))
    assert dict(back.document.entered_by) == dict(doc.entered_by)
    assert back.document == doc
    assert back.document.to_json() == doc.to_json()


@pytest.mark.parametrize("ref", VERSIONS)
def test_without_entered_by_no_item_names_an_author_and_none_comes_back(ref: str) -> None:
    doc = rich_document(ref)
    bundle = to_fhir_bundle([item(doc, intake_uuid=UUID)])
    assert not any(authors(bundle).values())
    assert AUTHOR not in json.dumps(bundle)
    (back,) = from_fhir_bundle(through_r4b(bundle))
    assert back.document.entered_by == {}
    assert "entered_by" not in back.document.to_json()


@pytest.mark.parametrize("ref", VERSIONS)
def test_each_answered_question_names_the_patient_resource_or_clinic_staff(ref: str) -> None:
    doc = marked(rich_document(ref))
    bundle = through_r4b(to_fhir_bundle([item(doc, intake_uuid=UUID)]))
    (response,) = resources(bundle, "QuestionnaireResponse")
    patient_url = response["subject"]["reference"]
    found = authors(bundle)
    for key, who in doc.entered_by.items():
        (extension,) = found[key]
        if who == "patient":
            assert extension["valueReference"] == {"reference": patient_url, "type": "Patient"}
        else:
            assert extension["valueReference"] == {"type": "Practitioner", "display": "Clinic staff"}
    # only the questions themselves: not the sections, not the sides of a per-side question
    assert {link for link, found_here in found.items() if found_here} == set(doc.entered_by)


def test_only_the_marked_answers_carry_an_author() -> None:
    doc = dataclasses.replace(document(VERSIONS[0], {"onset": "gradual", "pain": {"left": ["heel"]}}),
                              entered_by={"pain": "patient"})
    found = authors(to_fhir_bundle([item(doc)]))
    assert [link for link, here in found.items() if here] == ["pain"]
    (back,) = from_fhir_bundle(through_r4b(to_fhir_bundle([item(doc)])))
    assert back.document.entered_by == {"pain": "patient"}


def test_two_intakes_each_keep_their_own_patient_and_entries() -> None:
    first = dataclasses.replace(document(VERSIONS[0], {"onset": "gradual"}), entered_by={"onset": "patient"})
    second = dataclasses.replace(document(VERSIONS[-1], {"onset": "sudden"}, names=("Other", "Sam"), mrn="SYN-2"),
                                 entered_by={"onset": "staff", "age_years": "patient"})
    back = from_fhir_bundle(through_r4b(to_fhir_bundle([item(first, patient_id=1), item(second, patient_id=2)])))
    assert [dict(b.document.entered_by) for b in back] == [{"onset": "patient"},
                                                           {"age_years": "patient", "onset": "staff"}]


def test_a_document_with_a_value_other_than_patient_or_staff_cannot_be_exported() -> None:
    doc = dataclasses.replace(document(VERSIONS[0], {"onset": "gradual"}), entered_by={"onset": "nurse"})
    with pytest.raises(ExchangeError, match="patient or staff"):
        to_fhir_bundle([item(doc)])
    with pytest.raises(ExchangeError, match="patient or staff"):
        csv_bytes([item(doc)])


def test_a_document_naming_a_question_its_version_does_not_ask_cannot_be_exported() -> None:
    doc = dataclasses.replace(document(VERSIONS[0], {"onset": "gradual"}), entered_by={"nope": "staff"})
    with pytest.raises(ExchangeError, match="does not ask"):
        to_fhir_bundle([item(doc)])
    with pytest.raises(ExchangeError, match="does not ask"):
        csv_bytes([item(doc)])


# --- FHIR import: hostile author extensions -------------------------------------------------------


def bundle_with_entries() -> dict[str, Any]:
    doc = dataclasses.replace(
        document(VERSIONS[0], {"onset": "gradual", "pain": {"left": ["heel"]}}),
        entered_by={"onset": "patient", "pain": "staff"},
    )
    return to_fhir_bundle([item(doc, intake_uuid=UUID)])


def response_of(bundle: dict[str, Any]) -> dict[str, Any]:
    (response,) = resources(bundle, "QuestionnaireResponse")
    return response


def item_of(bundle: dict[str, Any], link: str) -> dict[str, Any]:
    return flat_items(response_of(bundle)["item"])[link]


def patient_author(bundle: dict[str, Any]) -> dict[str, Any]:
    return {"url": AUTHOR, "valueReference": {"reference": response_of(bundle)["subject"]["reference"]}}


STAFF = {"url": AUTHOR, "valueReference": {"type": "Practitioner", "display": "Clinic staff"}}


def on_section(b: dict[str, Any]) -> None:
    section = response_of(b)["item"][0]
    section["extension"] = [STAFF]


def on_side(b: dict[str, Any]) -> None:
    item_of(b, "pain.left")["extension"] = [STAFF]


def twice(b: dict[str, Any]) -> None:
    item_of(b, "onset")["extension"] = [patient_author(b), copy.deepcopy(STAFF)]


def other_patient(b: dict[str, Any]) -> None:
    item_of(b, "onset")["extension"] = [{"url": AUTHOR, "valueReference": {"reference": "urn:uuid:someone-else"}}]


def a_device(b: dict[str, Any]) -> None:
    item_of(b, "onset")["extension"] = [{"url": AUTHOR, "valueReference": {"type": "Device", "display": "Kiosk"}}]


def no_reference(b: dict[str, Any]) -> None:
    item_of(b, "onset")["extension"] = [{"url": AUTHOR, "valueString": "patient"}]


def patient_address_typed_otherwise(b: dict[str, Any]) -> None:
    ref = response_of(b)["subject"]["reference"]
    item_of(b, "onset")["extension"] = [{"url": AUTHOR, "valueReference": {"reference": ref,
                                                                           "type": "Practitioner"}}]


def not_a_list(b: dict[str, Any]) -> None:
    item_of(b, "onset")["extension"] = {"url": AUTHOR}


HOSTILE = {
    "on a section": (on_section, "QuestionnaireResponse item(section/", "not on a section"),
    "on a side": (on_side, "item(pain).item(pain.left)", "not on a side"),
    "twice": (twice, "item(onset).extension(questionnaireresponse-author)", "once"),
    "another patient": (other_patient, "item(onset).extension(questionnaireresponse-author)", "own Patient"),
    "a device": (a_device, "item(onset).extension(questionnaireresponse-author)", "clinic staff"),
    "no reference": (no_reference, "item(onset).extension(questionnaireresponse-author)", "clinic staff"),
    "patient address typed otherwise": (patient_address_typed_otherwise,
                                        "item(onset).extension(questionnaireresponse-author)", "own Patient"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_broken_author_extension_is_refused_naming_the_place(case: str) -> None:
    change, place, words = HOSTILE[case]
    bundle = bundle_with_entries()
    change(bundle)
    with pytest.raises(ExchangeInvalid) as excinfo:
        from_fhir_bundle(bundle)
    ((where, message),) = excinfo.value.problems
    assert place in where and where.startswith("entry[")
    assert words in message


def test_an_extension_that_is_not_a_list_is_passed_over_like_any_unknown_one() -> None:
    bundle = bundle_with_entries()
    not_a_list(bundle)
    (back,) = from_fhir_bundle(bundle)
    assert back.document.entered_by == {"pain": "staff"}


def test_the_sample_bundle_imports_with_its_entries() -> None:
    """Guards the hostile cases above: unbroken, the same bundle imports."""
    (back,) = from_fhir_bundle(bundle_with_entries())
    assert back.document.entered_by == {"pain": "staff", "onset": "patient"}


# --- CSV ------------------------------------------------------------------------------------------


def test_who_entered_the_answers_follows_the_answers_then_only_the_outcome_comes() -> None:
    from intake_app.exchange.outcomes_csv import OUTCOME_COLUMNS

    for columns in (csv_columns(), csv_columns(patient_details=False)):
        assert columns[-len(OUTCOME_COLUMNS):] == list(OUTCOME_COLUMNS)
        who = columns[:-len(OUTCOME_COLUMNS)]
        assert who[-2:] == ["entered_by_patient", "entered_by_staff"]
        assert columns.count("entered_by_patient") == 1


@pytest.mark.parametrize("ref", VERSIONS)
def test_the_csv_lists_the_fields_each_entered_in_questionnaire_order(ref: str) -> None:
    doc = marked(rich_document(ref))
    (row,) = read(csv_bytes([item(doc)]))
    order = [q.id for q in load_questionnaire(ref).answer_questions]
    patient = [k for k in order if doc.entered_by.get(k) == "patient"]
    staff = [k for k in order if doc.entered_by.get(k) == "staff"]
    assert patient and staff
    assert row["entered_by_patient"] == "; ".join(patient)
    assert row["entered_by_staff"] == "; ".join(staff)


def test_the_csv_cells_are_empty_when_nobody_is_recorded() -> None:
    (row,) = read(csv_bytes([item(rich_document(VERSIONS[0]))]))
    assert (row["entered_by_patient"], row["entered_by_staff"]) == ("", "")


def test_the_csv_leaves_out_an_entry_for_a_field_without_an_answer() -> None:
    doc = dataclasses.replace(document(VERSIONS[0], {"onset": "gradual"}),
                              entered_by={"onset": "patient", "trauma": "patient"})
    (row,) = read(csv_bytes([item(doc)]))
    assert row["entered_by_patient"] == "onset"


# --- JSON export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", VERSIONS)
def test_the_json_export_carries_entered_by_only_when_recorded(ref: str) -> None:
    doc = marked(rich_document(ref))
    plain = rich_document(ref)
    with_who, without = documents_json([item(doc), item(plain)])
    assert with_who["entered_by"] == dict(doc.entered_by)
    assert "entered_by" not in without


def test_a_document_file_with_a_bad_entered_by_stores_nothing(clinic: Any, tmp_path: Path) -> None:
    doc = dataclasses.replace(document(VERSIONS[-1], {"onset": "gradual"}), entered_by={"onset": "patient"})
    good = doc.to_json()
    bad = copy.deepcopy(good)
    bad["entered_by"] = {"onset": "nurse"}
    path = tmp_path / "intakes.json"
    path.write_text(json.dumps([good, bad]), encoding="utf-8")
    with pytest.raises(DocumentInvalid) as excinfo:
        clinic.import_file(path)
    assert ("entered_by.onset", "'nurse' is not one of patient, staff") in excinfo.value.problems
    assert clinic.count_patients() == 0
    path.write_text(json.dumps([good]), encoding="utf-8")
    clinic.import_file(path)  # the control: the good one alone is stored
    assert clinic.count_patients() == 1
