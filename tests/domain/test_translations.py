"""Every text of every installed questionnaire in English and Spanish, patient wording for every
question a patient answers, and wording by language and audience."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
import yaml

from intake_app.domain.language import LANGUAGES, Text, check_language
from intake_app.domain.questionnaire import (
    QuestionnaireError,
    installed_questionnaires,
    load_questionnaire,
    load_questionnaire_file,
    questionnaire_path,
)
from intake_app.domain.wording import (
    answer_text,
    describe,
    help_text,
    option_text,
    question_text,
    region_list,
    section_title,
)

REFS = installed_questionnaires()
V1, V2 = "foot-leg-intake/1", "foot-leg-intake/2"
CODE = re.compile(r"[a-z]+_[a-z_]+")
# Questions a patient never answers in patient mode: the staff's patient block and desk note.
STAFF_ONLY_SECTIONS = {"patient"}
STAFF_ONLY_FIELDS = {"desk_note", "preferred_language"}


@pytest.mark.parametrize("ref", REFS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_has_a_translation(ref: str, language: str) -> None:
    q = load_questionnaire(ref)
    texts = q.texts()
    assert len(texts) > 300
    missing = [name for name, text in texts if not text.has(language)]
    assert missing == [], f"{ref}: no {language} wording for {missing}"


@pytest.mark.parametrize("ref", REFS)
def test_every_question_option_region_side_and_section_is_among_the_texts(ref: str) -> None:
    q = load_questionnaire(ref)
    names = {name for name, _text in q.texts()}
    for section in q.sections:
        assert f"sections({section.id}).title" in names
        for question in section.questions:
            assert f"{question.id}.label" in names
            if question.help:
                assert f"{question.id}.help" in names
            for option in question.options:
                assert f"{question.id}.options({option.value}).label" in names
    for region in q.regions:
        assert f"regions({region.value}).label" in names
    for side in q.sides:
        assert f"sides({side.value}).label" in names


def test_spanish_is_not_the_english_copied() -> None:
    q = load_questionnaire(V2)
    same = [name for name, text in q.texts()
            if text.text("es") == text.text("en") and text.text("en") not in {"No", "Diabetes"}]
    # Only words spelled the same in both languages may be the same.
    assert same == []


@pytest.mark.parametrize("ref", REFS)
def test_patients_get_their_own_wording_for_every_question_they_answer(ref: str) -> None:
    q = load_questionnaire(ref)
    for section in q.sections:
        if section.id in STAFF_ONLY_SECTIONS:
            continue
        assert section.patient, section.id
        for question in section.questions:
            if question.id in STAFF_ONLY_FIELDS:
                continue
            assert question.patient.has("en") and question.patient.has("es"), question.id
            assert "the patient" not in question.patient.text("en").lower(), question.id


@pytest.mark.parametrize("ref", REFS)
def test_a_patient_never_reads_not_asked(ref: str) -> None:
    q = load_questionnaire(ref)
    for question in q.questions:
        for option in question.options:
            for language in LANGUAGES:
                shown = option_text(q, question, option.value, language=language, audience="patient")
                assert shown.lower() not in {"not asked", "no se preguntó"}, (question.id, option.value)
    for field in q.red_flag_ids:
        assert option_text(q, field, "unknown", audience="patient") == "I don't know"
        assert option_text(q, field, "unknown", language="es", audience="patient") == "No lo sé"
        assert option_text(q, field, "unknown") == "Not asked"
        assert answer_text(q, field, "unknown", language="es") == "no se preguntó"
        assert answer_text(q, field, "unknown", language="es", audience="patient") == "No lo sé"


@pytest.mark.parametrize("ref", REFS)
def test_spanish_wording_reads_in_plain_words(ref: str) -> None:
    q = load_questionnaire(ref)
    for question in q.questions:
        for audience in ("desk", "patient"):
            text = question_text(q, question, language="es", audience=audience)
            assert text and not CODE.search(text)
        for option in question.options:
            for audience in ("desk", "patient"):
                line = describe(q, question, option.value, language="es", audience=audience)
                assert not CODE.search(line), line
                assert "not asked" not in line and "not answered" not in line, line


def test_examples_in_spanish_and_for_the_patient() -> None:
    q = load_questionnaire(V2)
    assert question_text(q, "pain") == "Where is the pain?"  # the default is unchanged
    assert question_text(q, "pain", audience="patient") == "Where does it hurt?"
    assert question_text(q, "pain", language="es", audience="patient") == "¿Dónde le duele?"
    assert question_text(q, "rf_cancer_history", audience="patient") == "Have you ever had cancer?"
    assert help_text(q, "pain_score_0_10", language="es", audience="patient").startswith("0 es nada de dolor")
    # Desk help speaks about "the patient": a patient never sees it where patient wording exists.
    assert help_text(q, "back_pain", audience="patient") == ""
    assert help_text(q, "back_pain").startswith("Needed for the safety rules")
    assert describe(q, "radiates_to", {"right": "foot"}, side="right", language="es") == (
        "El dolor baja por la pierna derecha hasta: el pie")
    assert describe(q, "numbness", {"left": ["heel"]}, side="left", language="es") == (
        "Adormecimiento, pierna izquierda: talón")
    assert answer_text(q, "pain_score_0_10", 7, language="es") == "7 de 10"
    assert answer_text(q, "duration_days", 1, language="es") == "1 día"
    assert answer_text(q, "duration_days", 3, language="es") == "3 días"
    assert answer_text(q, "back_surgery_months_ago", 1, language="es") == "1 mes"
    assert answer_text(q, "back_surgery_months_ago", 5, language="es") == "5 meses"
    assert answer_text(q, "age_years", 1, language="es") == "1 año"
    assert answer_text(q, "pain", None, language="es") == "sin respuesta"
    assert answer_text(q, "back_pain", "severe", language="es", audience="patient") == "Mucho"
    assert answer_text(q, "back_pain", "severe", language="es") == "Fuerte"
    assert region_list(q, ["heel", "sole"], language="es") == "talón, planta del pie"
    assert section_title(q.sections[-1], language="es") == "Para la carta al especialista"
    assert section_title(q.sections[-1], language="es", audience="patient") == "Medicinas e idioma"
    assert q.text("sections(safety).title", "es") == "Preguntas de seguridad"


def test_version_1_gains_spanish_without_changing_its_english() -> None:
    q = load_questionnaire(V1)
    assert q.question("rf_saddle_numbness").label.text("es").startswith("¿Tiene la piel dormida")
    original = yaml.safe_load(questionnaire_path(V1).read_text(encoding="utf-8"))
    first = original["sections"][1]["fields"][0]
    assert first["label"]["en"] == q.question("pain").label == "Where is the pain?"


def test_text_is_its_english_string_and_keeps_its_translations() -> None:
    text = Text("Heel", {"en": "Heel", "es": "Talón"})
    assert text == "Heel" and isinstance(text, str)
    assert text.text("es") == "Talón" and text.text("fr") == "Heel"
    copied = pickle.loads(pickle.dumps(text))
    assert copied.text("es") == "Talón"
    assert check_language("es") == "es"
    with pytest.raises(ValueError, match="unknown language"):
        check_language("xx")


def _write(tmp_path: Path, old: str, new: str) -> Path:
    text = questionnaire_path(V2).read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "2.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_translation_without_english_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "{en: Buttock, es: Nalga}", "{es: Nalga}")
    with pytest.raises(QuestionnaireError, match=r"regions\[0\]\.label: a translated text needs its English"):
        load_questionnaire_file(path)


def test_an_unknown_language_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "{en: Buttock, es: Nalga}", "{en: Buttock, xx: Nalga}")
    with pytest.raises(QuestionnaireError, match="xx: unknown language"):
        load_questionnaire_file(path)


def test_a_spanish_short_label_holds_only_the_side_placeholder(tmp_path: Path) -> None:
    path = _write(tmp_path, "El dolor baja por la pierna {side} hasta", "El dolor baja por la pierna {lado} hasta")
    with pytest.raises(QuestionnaireError, match=r"placeholder.*\(es\)"):
        load_questionnaire_file(path)
