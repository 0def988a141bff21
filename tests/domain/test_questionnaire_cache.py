"""The questionnaire's lookups are built once and kept (issue 14): the same objects come back every
time, they cannot be changed, and every answer is what the old linear searches gave."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from intake_app.domain.language import Text
from intake_app.domain.questionnaire import (
    Option,
    Question,
    Questionnaire,
    Section,
    installed_questionnaires,
    load_questionnaire,
    load_questionnaire_file,
    questionnaire_path,
)
from intake_app.resources import forms_dir

REFS = installed_questionnaires()


@pytest.fixture(params=REFS)
def questionnaire(request: pytest.FixtureRequest) -> Questionnaire:
    return load_questionnaire(request.param)


# --- the same objects every time -------------------------------------------------------------------


def test_the_question_tuples_are_built_once(questionnaire: Questionnaire) -> None:
    assert questionnaire.questions is questionnaire.questions
    assert questionnaire.answer_questions is questionnaire.answer_questions
    assert questionnaire.red_flag_ids is questionnaire.red_flag_ids
    assert questionnaire.region_ids is questionnaire.region_ids
    assert questionnaire.texts() is questionnaire.texts()
    question = questionnaire.questions[0]
    assert question.values is question.values
    assert question.texts is question.texts


def test_a_question_by_id_is_the_same_object_as_in_its_section(questionnaire: Questionnaire) -> None:
    for section in questionnaire.sections:
        for question in section.questions:
            assert questionnaire.question(question.id) is question
            assert questionnaire.question(question.id) is questionnaire.question(question.id)
            assert questionnaire.section_of(question.id) is section
            assert questionnaire.question_index[question.id] is question


def test_the_lookups_cannot_be_changed(questionnaire: Questionnaire) -> None:
    first = questionnaire.questions[0]
    with pytest.raises(TypeError):
        questionnaire.question_index["smuggled"] = first  # type: ignore[index]
    with pytest.raises(TypeError):
        questionnaire.answer_index["smuggled"] = first  # type: ignore[index]
    assert "smuggled" not in questionnaire.question_index
    with pytest.raises(dataclasses.FrozenInstanceError):
        questionnaire.id = "other"  # type: ignore[misc]


def test_a_questionnaire_is_loaded_once_per_reference() -> None:
    for ref in REFS:
        assert load_questionnaire(ref) is load_questionnaire(ref)


def test_the_installed_listing_is_read_once() -> None:
    assert installed_questionnaires() is installed_questionnaires()


# --- the same answers as the linear searches -------------------------------------------------------


def test_every_lookup_answers_as_a_linear_search_did(questionnaire: Questionnaire) -> None:
    questions = tuple(q for s in questionnaire.sections for q in s.questions)
    assert questionnaire.questions == questions
    assert questionnaire.answer_questions == tuple(q for q in questions if q.part == "answers")
    assert dict(questionnaire.answer_index) == {q.id: q for q in questions if q.part == "answers"}
    assert questionnaire.red_flag_ids == tuple(q.id for q in questions if q.red_flag)
    for question in questions:
        assert questionnaire.has_question(question.id)
        assert question.values == tuple(o.value for o in question.options)
        for option in question.options:
            assert question.option(option.value) is option
            for language in ("en", "es"):
                assert question.option_label(option.value, language) == option.label.text(language)
        assert question.option("no such value") is None
        assert question.option_label("no such value") == "no such value"
    for region in questionnaire.regions:
        for language in ("en", "es"):
            assert questionnaire.region_label(region.value, language) == region.label.text(language)
    for side in questionnaire.sides:
        assert questionnaire.side_label(side.value, "es") == side.label.text("es")
    assert questionnaire.region_label("elbow") == "elbow"
    assert questionnaire.side_label("middle") == "middle"
    names = [name for name, _text in questionnaire.texts()]
    assert len(names) == len(set(names))
    for name, text in questionnaire.texts():
        assert questionnaire.text(name, "es") == text.text("es")


@pytest.mark.parametrize("lookup", ["question", "section_of", "text"])
def test_an_unknown_key_is_still_a_key_error_naming_it(lookup: str) -> None:
    questionnaire = load_questionnaire()
    with pytest.raises(KeyError) as raised:
        getattr(questionnaire, lookup)("no_such_field")
    assert raised.value.args == ("no_such_field",)
    assert not questionnaire.has_question("no_such_field")


def _question(qid: str, label: str) -> Question:
    return Question(qid, "choice", Text(label), options=(Option("yes", Text("Yes")), Option("yes", Text("Twice"))))


def test_a_repeated_id_finds_the_first_as_before() -> None:
    """Files never repeat an id (the loader refuses it), but a questionnaire built in code may: the first
    wins, as the linear search found it."""
    first, second = _question("same", "First"), _question("same", "Second")
    built = Questionnaire("made-up", 1, Text("Made up"), (Option("heel", Text("Heel")), Option("heel", Text("Sole"))),
                          {}, (Option("left", Text("Left")), Option("right", Text("Right"))),
                          (Section("a", Text("A"), (first,)), Section("b", Text("B"), (second,))))
    assert built.question("same") is first
    assert built.section_of("same").id == "a"
    assert built.region_label("heel") == "Heel"
    assert first.option_label("yes") == "Yes"
    assert built.text("same.label") == "First"


def test_a_changed_copy_has_its_own_lookups() -> None:
    questionnaire = load_questionnaire()
    assert questionnaire.has_question("pain")  # the original's lookups are filled first
    kept = tuple(s for s in questionnaire.sections if all(q.id != "pain" for q in s.questions))
    copy = dataclasses.replace(questionnaire, sections=kept)
    assert not copy.has_question("pain")
    assert questionnaire.has_question("pain")
    assert len(copy.questions) < len(questionnaire.questions)


def test_filled_lookups_change_neither_equality_nor_hash() -> None:
    path = questionnaire_path("foot-leg-intake/2")
    fresh, used = load_questionnaire_file(path), load_questionnaire_file(path)
    used.texts()
    used.question("pain")
    assert fresh == used
    assert hash(fresh.questions[0]) == hash(used.questions[0])


# --- listing another folder ------------------------------------------------------------------------


def test_a_folder_passed_in_is_listed_afresh(tmp_path: Path) -> None:
    forms = tmp_path / "forms"
    (forms / "foot-leg-intake").mkdir(parents=True)
    shutil.copyfile(forms_dir() / "foot-leg-intake" / "1.yaml", forms / "foot-leg-intake" / "1.yaml")
    assert installed_questionnaires(forms) == ("foot-leg-intake/1",)
    (forms / "ankle-check").mkdir()
    (forms / "ankle-check" / "3.yaml").write_text("id: ankle-check\n", encoding="utf-8")
    (forms / ".hidden").mkdir()
    (forms / "foot-leg-intake" / "notes.yaml").write_text("", encoding="utf-8")
    assert installed_questionnaires(forms) == ("ankle-check/3", "foot-leg-intake/1")
    assert installed_questionnaires() == REFS  # the installed folder's listing is not disturbed
