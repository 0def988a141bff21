"""What an intake is: the questionnaire, the patient, the intake document and its validation.

No Qt and no SQL in this room.
"""

from intake_app.domain.document import (
    DOCUMENT_FORMAT,
    ENTERED_BY_PATIENT,
    ENTERED_BY_STAFF,
    ENTERED_BY_VALUES,
    UNKNOWN,
    DocumentInvalid,
    IntakeDocument,
    Patient,
    fold,
    missing_required,
    parse_document,
    unanswered_red_flags,
)
from intake_app.domain.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    Question,
    Questionnaire,
    QuestionnaireError,
    Section,
    installed_questionnaires,
    load_questionnaire,
)
from intake_app.domain.wording import answer_text, describe, describe_because, question_text

__all__ = [
    "DEFAULT_QUESTIONNAIRE",
    "DOCUMENT_FORMAT",
    "ENTERED_BY_PATIENT",
    "ENTERED_BY_STAFF",
    "ENTERED_BY_VALUES",
    "UNKNOWN",
    "DocumentInvalid",
    "IntakeDocument",
    "Patient",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Section",
    "answer_text",
    "describe",
    "describe_because",
    "fold",
    "installed_questionnaires",
    "load_questionnaire",
    "missing_required",
    "parse_document",
    "question_text",
    "unanswered_red_flags",
]
