"""Hypothesis strategies: valid intake documents (complete or draft) for made-up patients.

Every answer of the questionnaire may be present or missing, so drafts, contradictions and rare
combinations are all generated; the document always passes parse_document. Documents of every
released questionnaire version are generated (version 1 and version 2).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from intake_app.domain import IntakeDocument, Question, Questionnaire, load_questionnaire, parse_document
from tests.screening.builders import VISIT, birth_date

V1 = "foot-leg-intake/1"
V2 = "foot-leg-intake/2"
QUESTIONNAIRE = load_questionnaire(V2)
QUESTIONNAIRES = {ref: load_questionnaire(ref) for ref in (V1, V2)}
REGIONS = QUESTIONNAIRE.region_ids
PER_SIDE_FIELDS = tuple(sorted({q.id for qn in QUESTIONNAIRES.values() for q in qn.answer_questions if q.per_side}))
RED_FLAGS = QUESTIONNAIRE.red_flag_ids
assert QUESTIONNAIRES[V1].red_flag_ids == RED_FLAGS
POSITIVE_RED_FLAG_VALUES: dict[str, tuple[str, ...]] = {
    rf: tuple(v for v in QUESTIONNAIRE.question(rf).values if v not in ("no", "unknown")) for rf in RED_FLAGS
}
FREE_TEXT = st.text(alphabet="abcdefghij klmnop", max_size=20)


def _sides(value: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={"left": value, "right": value})


def answer_strategy(question: Question) -> st.SearchStrategy[Any]:
    """Any valid answer to one question."""
    if question.type == "per_side_regions":
        return _sides(st.lists(st.sampled_from(REGIONS), unique=True, max_size=5))
    if question.type == "per_side_choice":
        return _sides(st.sampled_from(question.values))
    if question.type == "per_side_text":
        return _sides(FREE_TEXT)
    if question.type == "text":
        return FREE_TEXT
    if question.type == "choice":
        return st.sampled_from(question.values)
    if question.type == "multi":
        free = [v for v in question.values if v not in question.exclusive]
        picks = st.lists(st.sampled_from(free), unique=True, max_size=4)
        if question.exclusive:
            return st.one_of(picks, st.sampled_from([[v] for v in question.exclusive]))
        return picks
    if question.type == "integer":
        assert question.minimum is not None and question.maximum is not None
        return st.integers(question.minimum, min(question.maximum, 400))
    raise AssertionError(f"no strategy for {question.type}")  # pragma: no cover - a new field type


def answers_for(questionnaire: Questionnaire) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {}, optional={q.id: answer_strategy(q) for q in questionnaire.answer_questions if q.id != "age_years"}
    )


ANSWERS = {ref: answers_for(qn) for ref, qn in QUESTIONNAIRES.items()}


@st.composite
def raw_documents(draw: st.DrawFn, refs: tuple[str, ...] = (V1, V2)) -> dict[str, Any]:
    """A JSON-like intake document; age_years (when given) matches the date of birth."""
    ref = draw(st.sampled_from(refs))
    age = draw(st.integers(0, 100))
    answers = draw(ANSWERS[ref])
    if draw(st.booleans()):
        answers["age_years"] = age
    return {
        "format": "intake-document/1",
        "questionnaire": ref,
        "patient": {"family_name": "Synthetic", "given_name": "Casey", "date_of_birth": birth_date(age).isoformat(),
                    "sex": draw(st.sampled_from(["female", "male", "other", "unknown"])), "phone": "", "mrn": ""},
        "visit_date": VISIT.isoformat(),
        "answers": answers,
    }


def parse(raw: dict[str, Any]) -> IntakeDocument:
    return parse_document(raw, today=VISIT)


documents = raw_documents().map(parse)
v1_documents = raw_documents((V1,)).map(parse)
