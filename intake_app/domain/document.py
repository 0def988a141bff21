"""The patient and the intake document (format "intake-document/1"), with validation.

A document is what `assess`, `report`, `export` and `import` exchange. Its `questionnaire`
reference ("foot-leg-intake/1", "foot-leg-intake/2") says which questionnaire version's fields it
holds, and validation is against that version; every problem is reported with the field it concerns.

Who entered each answer (the patient in patient mode, or staff) travels in the optional
`entered_by` object: answer field name -> "patient" or "staff". A document that records nobody
leaves it out, so documents written before it existed read and write exactly as before.

The checks of each value (text, dates, each question type's answer) are in document_values.py.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from intake_app.domain.document_values import ValueChecker, show_value
from intake_app.domain.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    SIDES,
    Questionnaire,
    QuestionnaireError,
    installed_questionnaires,
    is_reference,
    load_questionnaire,
)
from intake_app.errors import InvalidInput, phrase
from intake_app.translation_marks import QT_TRANSLATE_NOOP

DOCUMENT_FORMAT = "intake-document/1"
SEXES = ("female", "male", "other", "unknown")
PATIENT_KEYS = ("family_name", "given_name", "date_of_birth", "sex", "phone", "mrn")
UNKNOWN = "unknown"
MAX_AGE_YEARS = 120
FIRST_QUESTIONNAIRE = "foot-leg-intake/1"  # what a document without a questionnaire reference holds
ENTERED_BY_PATIENT = "patient"
ENTERED_BY_STAFF = "staff"
ENTERED_BY_VALUES = (ENTERED_BY_PATIENT, ENTERED_BY_STAFF)
DOCUMENT_KEYS = ("format", "questionnaire", "patient", "visit_date", "answers", "entered_by")


class DocumentInvalid(InvalidInput):
    """The document broke the rules; `problems` is a list of (field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        count = len(problems)
        message = (QT_TRANSLATE_NOOP("IntakeError", "1 problem in the intake document") if count == 1 else
                   QT_TRANSLATE_NOOP("IntakeError", "{count} problems in the intake document"))
        super().__init__(message, problems, params={"count": count} if count != 1 else None)


@dataclass(frozen=True)
class Patient:
    family_name: str
    given_name: str
    date_of_birth: dt.date | None
    sex: str = "unknown"
    phone: str = ""
    mrn: str = ""

    @property
    def display_name(self) -> str:
        return f"{self.family_name}, {self.given_name}".strip(", ")

    def age_on(self, day: dt.date) -> int | None:
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def to_json(self) -> dict[str, Any]:
        return {
            "family_name": self.family_name,
            "given_name": self.given_name,
            "date_of_birth": self.date_of_birth.isoformat() if self.date_of_birth else None,
            "sex": self.sex,
            "phone": self.phone,
            "mrn": self.mrn,
        }


@dataclass(frozen=True)
class IntakeDocument:
    patient: Patient
    visit_date: dt.date
    answers: Mapping[str, Any] = field(default_factory=dict)
    questionnaire: str = DEFAULT_QUESTIONNAIRE
    # Who entered each answer: answer field name -> "patient" or "staff" (a per-side field has one
    # entry for both sides). A field not listed has no record of who entered it.
    entered_by: Mapping[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": DOCUMENT_FORMAT,
            "questionnaire": self.questionnaire,
            "patient": self.patient.to_json(),
            "visit_date": self.visit_date.isoformat(),
            "answers": {k: _copy(v) for k, v in self.answers.items()},
        }
        if self.entered_by:  # left out when nobody is recorded: older documents stay byte-identical
            data["entered_by"] = dict(self.entered_by)
        return data

    def with_answers(
        self, answers: Mapping[str, Any], *, by: str | None = None, entered_by: Mapping[str, str] | None = None
    ) -> IntakeDocument:
        """A copy holding `answers`, with who entered them.

        An entry is kept while its field still holds the very answer it was recorded for; a cleared
        answer loses its entry. A new or changed answer is marked as entered `by` "patient" or
        "staff" when that is given; without it its entry is dropped (who changed it is not known
        here, and a wrong record is worse than none). `entered_by` instead replaces the record whole.
        """
        if by is not None and by not in ENTERED_BY_VALUES:
            raise ValueError(f"by must be one of {', '.join(ENTERED_BY_VALUES)}")
        if entered_by is not None:
            if by is not None:
                raise ValueError("give either by or entered_by, not both")
            return replace(self, answers=dict(answers), entered_by=dict(entered_by))
        record: dict[str, str] = {}
        for key, value in answers.items():
            unchanged = key in self.answers and self.answers[key] == value
            if unchanged and key in self.entered_by:
                record[key] = self.entered_by[key]
            elif not unchanged and by is not None:
                record[key] = by
        return replace(self, answers=dict(answers), entered_by=record)


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return list(value)
    return value


def fold(text: str) -> str:
    """Lower-case, accent-free form of a name, for search and duplicate checks."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped).casefold().strip()


# --- validation --------------------------------------------------------------------------------


class _Validator(ValueChecker):
    """The value checks, and the patient's details."""

    def patient(self, raw: Any) -> Patient | None:
        if not isinstance(raw, Mapping):
            self.problem(
                "patient", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be an object with the patient's details"))
            )
            return None
        for key in raw:
            if key not in PATIENT_KEYS:
                self.problem(f"patient.{key}", phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a known patient field")))
        values: dict[str, Any] = {}
        for key in PATIENT_KEYS:
            question = self.q.question(key)
            where = f"patient.{key}"
            if question.type == "text":
                values[key] = self.text(question, raw.get(key), where)
            elif question.type == "date":
                values[key] = self.date(question, raw.get(key), where)
            else:
                sex = raw.get(key, "unknown")
                if sex not in question.values:
                    self.problem(
                        where,
                        phrase(
                            QT_TRANSLATE_NOOP("IntakeError", "{show} is not one of {choices}"),
                            {"show": show_value(sex), "choices": ", ".join(question.values)},
                        ),
                    )
                    sex = "unknown"
                values[key] = sex
        return Patient(**values)


def parse_document(data: Any, *, today: dt.date | None = None) -> IntakeDocument:
    """Check a JSON-like object against the format and its questionnaire; return the document.

    The answers are checked against the questionnaire version the `questionnaire` reference names
    (a document without one is read as version 1, as before version 2 existed). Unanswered
    red-flag questions become "unknown" (never "no"). A draft with missing answers is valid:
    missing answers are data gaps for the screening, not errors. Raises DocumentInvalid naming
    every field that is wrong.
    """
    today = today or dt.date.today()
    if not isinstance(data, Mapping):
        raise DocumentInvalid([("(document)", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be a JSON object")))])
    problems: list[tuple[str, str]] = []
    if data.get("format") != DOCUMENT_FORMAT:
        problems.append(
            ("format", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be {format}"), {"format": repr(DOCUMENT_FORMAT)}))
        )
    questionnaire = _referenced_questionnaire(data, problems)
    if questionnaire is None:
        raise DocumentInvalid(problems)
    for key in data:
        if key not in DOCUMENT_KEYS:
            problems.append((str(key), phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a known document field"))))
    v = _Validator(questionnaire, today)
    v.problems = problems
    patient = v.patient(data.get("patient"))
    visit_date = v.date(questionnaire.question("visit_date"), data.get("visit_date"), "visit_date")
    if patient and patient.date_of_birth and visit_date and patient.date_of_birth > visit_date:
        v.problem("patient.date_of_birth", phrase(QT_TRANSLATE_NOOP("IntakeError", "is after the visit date")))
    raw_answers = data.get("answers", {})
    answers: dict[str, Any] = {}
    if not isinstance(raw_answers, Mapping):
        v.problem("answers", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be an object of field names to answers")))
        raw_answers = {}
    known = questionnaire.answer_index
    for key, value in raw_answers.items():
        question = known.get(key)
        if question is None:
            v.problem(
                f"answers.{key}", phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a question of this questionnaire"))
            )
            continue
        if value is None:
            continue
        checked = v.answer(question, value)
        if checked is not None:
            answers[key] = checked
    # Who entered an answer the document does not hold (cleared since, or a red flag filled in
    # as "unknown" below) is not an answer anyone entered: such entries are dropped.
    entered_by: dict[str, str] = {}
    if "entered_by" in data:
        entered_by = _entered_by(data["entered_by"], questionnaire, v, answered=set(answers))
    for rf in questionnaire.red_flag_ids:
        answers.setdefault(rf, UNKNOWN)
    if patient and patient.date_of_birth and visit_date and "age_years" in answers:
        expected = patient.age_on(visit_date)
        if expected is not None and abs(expected - answers["age_years"]) > 1:
            v.problem(
                "answers.age_years",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "{age} does not match the date of birth ({expected})"),
                    {"age": answers["age_years"], "expected": expected},
                ),
            )
    if v.problems:
        raise DocumentInvalid(v.problems)
    assert patient is not None and visit_date is not None
    ordered = {q.id: answers[q.id] for q in questionnaire.answer_questions if q.id in answers}
    return IntakeDocument(patient=patient, visit_date=visit_date, answers=ordered, questionnaire=questionnaire.ref,
                          entered_by=entered_by)


_FIELD_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,63}")  # safe to name as a place


def _entered_by(raw: Any, questionnaire: Questionnaire, v: _Validator, *, answered: set[str]) -> dict[str, str]:
    """The `entered_by` object checked against the questionnaire: field name -> patient or staff,
    in the questionnaire's order, only for fields the document answers."""
    allowed = ", ".join(ENTERED_BY_VALUES)
    if not isinstance(raw, Mapping):
        v.problem(
            "entered_by",
            phrase(
                QT_TRANSLATE_NOOP("IntakeError", "must be an object of answer field names to {allowed}"),
                {"allowed": allowed},
            ),
        )
        return {}
    fields = [q.id for q in questionnaire.answer_questions]
    if len(raw) > len(fields):
        v.problem(
            "entered_by",
            phrase(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "holds {count} entries; this questionnaire has only {count2} questions"
                ),
                {"count": len(raw), "count2": len(fields)},
            ),
        )
        return {}
    known = set(fields)
    per_side = {f"{q.id}.{side}": q.id for q in questionnaire.answer_questions if q.per_side for side in SIDES}
    found: dict[str, str] = {}
    for key, who in raw.items():
        if isinstance(key, str) and key in per_side:
            v.problem(
                f"entered_by.{key}",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "is recorded once for both sides, under {per_side}"),
                    {"per_side": per_side[key]},
                ),
            )
        elif not isinstance(key, str):  # only a program can pass one; never shown
            v.problem(
                "entered_by",
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "holds a name that is not text; names are the questionnaire's field names"
                    )
                ),
            )
        elif key not in known:
            if _FIELD_NAME.fullmatch(key):
                v.problem(
                    f"entered_by.{key}",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a question of this questionnaire")),
                )
            else:  # not even shaped like a field name: shown quoted and cut short, never as a place
                v.problem(
                    "entered_by",
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{show} is not a field name of this questionnaire"),
                        {"show": show_value(key)},
                    ),
                )
        elif not isinstance(who, str):  # a list or an object is not repeated back (it may be huge)
            v.problem(
                f"entered_by.{key}",
                phrase(QT_TRANSLATE_NOOP("IntakeError", "must be one of {allowed}, as text"), {"allowed": allowed}),
            )
        elif who not in ENTERED_BY_VALUES:
            v.problem(
                f"entered_by.{key}",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "{show} is not one of {allowed}"),
                    {"show": show_value(who), "allowed": allowed},
                ),
            )
        else:
            found[key] = who
    return {key: found[key] for key in fields if key in found and key in answered}


def _referenced_questionnaire(data: Mapping[str, Any], problems: list[tuple[str, str]]) -> Questionnaire | None:
    """The questionnaire version the document names; None (with a problem) when it names none."""
    installed = ", ".join(installed_questionnaires())
    if "questionnaire" not in data:
        # Written before there was a second version (the reference used to be optional and meant
        # version 1): read as version 1, as it always was.
        return load_questionnaire(FIRST_QUESTIONNAIRE)
    if data["questionnaire"] in (None, ""):
        problems.append(
            (
                "questionnaire",
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "is required: the questionnaire version the answers follow ({installed})"
                    ),
                    {"installed": installed},
                ),
            )
        )
        return None
    ref = data["questionnaire"]
    if not isinstance(ref, str):
        problems.append(
            (
                "questionnaire",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "must be text naming a questionnaire version ({installed})"),
                    {"installed": installed},
                ),
            )
        )
        return None
    if not is_reference(ref):
        problems.append(
            (
                "questionnaire",
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "{show} is not a questionnaire reference; expected one of {installed}"
                    ),
                    {"show": show_value(ref), "installed": installed},
                ),
            )
        )
        return None
    try:
        return load_questionnaire(ref)
    except QuestionnaireError:
        problems.append(
            (
                "questionnaire",
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "{show} is not an installed questionnaire ({installed})"),
                    {"show": show_value(ref), "installed": installed},
                ),
            )
        )
        return None


def missing_required(document: IntakeDocument) -> list[str]:
    """Required questions asked but not answered (what blocks completing): "field", or
    "field.side" for a per-side question such as `weakness_course` in version 2, which is required
    for each side with weakness."""
    return load_questionnaire(document.questionnaire).missing_required(document.answers)


def unanswered_red_flags(document: IntakeDocument) -> list[str]:
    questionnaire = load_questionnaire(document.questionnaire)
    return [rf for rf in questionnaire.red_flag_ids if document.answers.get(rf, UNKNOWN) == UNKNOWN]
