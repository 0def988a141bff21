"""Issue 12 item 7 (property): text of every Unicode category, control characters and 1 MB strings goes
through validate, save, load, assess and both PDFs without a traceback, and comes back unchanged (but
for the spaces trimmed at both ends) or is refused with a message naming the field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intake_app.domain import parse_document
from intake_app.errors import InvalidInput
from intake_app.services import Clinic, check_input, screen
from tests.conftest import signed_in_clinic, synthetic_document

pytestmark = pytest.mark.slow

FIELDS = [("patient", "family_name"), ("patient", "given_name"), ("patient", "mrn"), ("patient", "phone"),
          ("answers", "desk_note"), ("answers", "current_medicines"), ("answers", "back_conditions_other")]
AWKWARD = (
    [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u00a0", "\u00ad", "\u061c", "\u200b", "\u200c", "\u200d",
                                     "\u200e", "\u200f", "\u2028", "\u2029", "\u2060", "\ufeff", "\ufffd", "\ufffe",
                                     "\U0001f600", "\U000e0001", "\ud800", "\udfff", "\U0010ffff", "\u0301"]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
)
any_character = st.one_of(st.characters(exclude_categories=()), st.sampled_from(AWKWARD))
texts = st.one_of(
    st.text(any_character, max_size=60),
    st.builds(lambda c, n: c * n, any_character, st.sampled_from([101, 2001, 1_000_000])),
    st.builds(lambda a, b: a + "x" * 1_000_000 + b, st.text(any_character, max_size=3),
              st.text(any_character, max_size=3)),
)


@pytest.fixture(scope="module")
def shared_clinic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Clinic]:
    clinic = signed_in_clinic(f"sqlite:///{tmp_path_factory.mktemp('anytext') / 'intake.db'}")
    yield clinic
    clinic.close()


def through_json(document: dict[str, Any]) -> Any:
    """What reading a file gives (lone surrogates travel as \\u escapes, as in a hostile file)."""
    return json.loads(json.dumps(document, ensure_ascii=True))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(field=st.sampled_from(FIELDS), text=texts)
def test_any_text_is_kept_or_refused_with_a_message(shared_clinic: Clinic, field: tuple[str, str], text: str) -> None:
    part, key = field
    raw = synthetic_document()
    raw["questionnaire"] = "foot-leg-intake/2"
    raw[part][key] = text
    data = through_json(raw)
    where = f"{part}.{key}"
    problems = check_input(data)
    if problems:
        assert all(message for _, message in problems)
        assert any(name == where for name, _ in problems), problems
        return
    try:
        document = parse_document(data)
    except InvalidInput as refused:
        assert any(name == where for name, _ in refused.problems), refused.problems
        return
    expected = text.strip()
    stored_value = (document.patient.to_json() if part == "patient" else document.answers).get(key, "")
    assert stored_value == expected
    if part == "patient":
        patient = shared_clinic.repository.add_patient(document.patient, actor=shared_clinic.signed_in)
        loaded = replace(document, patient=shared_clinic.patient(patient.id).patient)
        assert loaded.patient.to_json()[key] == expected
    else:
        (record,) = shared_clinic.repository.import_documents([(document, None)], actor=shared_clinic.signed_in)
        loaded = shared_clinic.intake(record.id).document
        assert loaded.answers.get(key, "") == expected
    assessment = screen(loaded)
    assert assessment.level in ("urgent", "likely", "possible", "not_indicated")
    assert shared_clinic.referral_pdf(loaded).startswith(b"%PDF")
    assert shared_clinic.handout_pdf(loaded).startswith(b"%PDF")


def test_a_1_mb_name_in_a_file_is_refused_with_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from intake_app.cli import main

    raw = synthetic_document()
    raw["patient"]["family_name"] = "x" * 1_000_000
    source = tmp_path / "big.json"
    source.write_text(json.dumps(raw), encoding="utf-8")
    assert main(["validate", str(source)]) == 1
    assert "patient.family_name: is 1000000 characters long; at most 100 allowed" in capsys.readouterr().err
