"""Reading a FHIR QuestionnaireResponse's items back into an intake document's answers.

The base of `fhir_import`'s response reader: each item is read by its question's shape in the
installed questionnaire (per side, codes, a whole number, text), with who entered the answer
(questionnaireresponse-author). Problems are collected with their place in the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake_app.domain import ENTERED_BY_PATIENT, ENTERED_BY_STAFF, Question, Questionnaire
from intake_app.domain.questionnaire import SIDES
from intake_app.errors import phrase
from intake_app.exchange import fhir_codes as c
from intake_app.exchange.fhir_export import shape_of
from intake_app.exchange.items import ExchangeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP


class Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, where: str, message: str) -> None:
        self.items.append((where, message))


def as_mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class ItemReader:
    """The problems of the QuestionnaireResponse in the bundle's entry `index`, and its answers (see `answers`)."""

    def __init__(self, index: int, resource: Mapping[str, Any], problems: Problems) -> None:
        self.where = f"entry[{index}] QuestionnaireResponse"
        self.resource = resource
        self.problems = problems
        self.ok = True
        self.subject_ref: str | None = None
        self.entered_by: dict[str, str] = {}

    def problem(self, where: str, message: str) -> None:
        self.ok = False
        self.problems.add(f"{self.where} {where}".strip(), message)

    # --- answers -------------------------------------------------------------------------------

    def answers(self, questionnaire: Questionnaire) -> dict[str, Any]:
        answers: dict[str, Any] = {}
        questions = {q.id: q for q in questionnaire.answer_questions}
        self._walk(as_list(self.resource.get("item")), questionnaire, questions, answers, "")
        return answers

    def _walk(
        self, items: list[Any], questionnaire: Questionnaire, questions: Mapping[str, Question],
        answers: dict[str, Any], where: str,
    ) -> None:
        for raw in items:
            item = as_mapping(raw)
            link = item.get("linkId")
            here = f"{where}.item({link})" if where else f"item({link})"
            if isinstance(link, str) and link.startswith(c.section_link_id("")):
                if "answer" in item:
                    self.problem(
                        here, phrase(QT_TRANSLATE_NOOP("IntakeError", "a section holds no answers of its own"))
                    )
                if item_authors(item):
                    self.problem(
                        here,
                        phrase(
                            QT_TRANSLATE_NOOP(
                                "IntakeError", "who entered an answer is given on its question, not on a section"
                            )
                        ),
                    )
                self._walk(as_list(item.get("item")), questionnaire, questions, answers, here)
                continue
            question = questions.get(link) if isinstance(link, str) else None
            if question is None:
                self.problem(
                    here, phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a question of this questionnaire version"))
                )
                continue
            if question.id in answers:
                self.problem(here, phrase(QT_TRANSLATE_NOOP("IntakeError", "is answered twice")))
                continue
            try:
                shape = shape_of(question)
            except ExchangeError:
                self.problem(
                    here,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "is a kind of question this program cannot read from FHIR yet")
                    ),
                )
                continue
            if shape.per_side:
                value = self._side_values(item, questionnaire, question, shape, here)
            elif "item" in item:
                self.problem(
                    here, phrase(QT_TRANSLATE_NOOP("IntakeError", "holds nested items; only the answers were expected"))
                )
                value = None
            else:
                value = self._value(item, questionnaire, question, shape.kind, here)
            if value is not None:
                answers[question.id] = value
                self._author(item, question.id, here)

    def _author(self, item: Mapping[str, Any], field: str, here: str) -> None:
        """Who entered the answer (questionnaireresponse-author), when the item says so."""
        authors = item_authors(item)
        if not authors:
            return
        where = f"{here}.extension(questionnaireresponse-author)"
        if len(authors) > 1:
            self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must say once who entered the answer")))
            return
        reference = as_mapping(authors[0].get("valueReference"))
        target = reference.get("reference")
        if target is not None:
            kind = reference.get("type", c.PATIENT_REFERENCE_TYPE)
            if target != self.subject_ref or kind != c.PATIENT_REFERENCE_TYPE:
                self.problem(
                    where,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "must refer to the intake's own Patient, or to clinic staff")
                    ),
                )
                return
            self.entered_by[field] = ENTERED_BY_PATIENT
        elif reference.get("type") == c.STAFF_REFERENCE_TYPE:
            self.entered_by[field] = ENTERED_BY_STAFF
        else:
            self.problem(
                where,
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "must refer to the intake's own Patient, or to clinic staff (type Practitioner)"
                    )
                ),
            )

    def _side_values(
        self, item: Mapping[str, Any], questionnaire: Questionnaire, question: Question, shape: c.Shape, here: str
    ) -> dict[str, Any] | None:
        if "answer" in item:
            self.problem(here, phrase(QT_TRANSLATE_NOOP("IntakeError", "answers go in the items for each side")))
            return None
        result: dict[str, Any] = {}
        links = {c.side_link_id(question.id, side): side for side in SIDES}
        for raw in as_list(item.get("item")):
            child = as_mapping(raw)
            link = child.get("linkId")
            side = links.get(link) if isinstance(link, str) else None
            if side is None or side in result:
                self.problem(
                    f"{here}.item({link})",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "must be one item per side (left, right)")),
                )
                return None
            if item_authors(child):
                self.problem(
                    f"{here}.item({link})",
                    phrase(
                        QT_TRANSLATE_NOOP(
                            "IntakeError", "who entered an answer is given on its question, not on a side"
                        )
                    ),
                )
                return None
            value = self._value(child, questionnaire, question, shape.kind, f"{here}.item({link})")
            if value is None:
                return None
            result[side] = value
        return {side: result[side] for side in SIDES if side in result}

    def _value(
        self, item: Mapping[str, Any], questionnaire: Questionnaire, question: Question, kind: c.Kind, here: str
    ) -> Any:
        answers = [as_mapping(a) for a in as_list(item.get("answer"))]
        if kind in ("codings", "regions"):
            return self._codes(answers, questionnaire, question, kind, here)
        if kind == "string":
            if not answers:
                return ""
            if len(answers) == 1 and isinstance(answers[0].get("valueString"), str):
                return answers[0]["valueString"]
            self.problem(here, phrase(QT_TRANSLATE_NOOP("IntakeError", "must hold one text answer (valueString)")))
            return None
        if len(answers) != 1:
            self.problem(here, phrase(QT_TRANSLATE_NOOP("IntakeError", "must hold exactly one answer")))
            return None
        if kind == "integer":
            number = answers[0].get("valueInteger")
            if isinstance(number, bool) or not isinstance(number, int):
                self.problem(here, phrase(QT_TRANSLATE_NOOP("IntakeError", "must hold a whole number (valueInteger)")))
                return None
            return number
        codes = self._codes(answers, questionnaire, question, kind, here)
        return codes[0] if codes else None

    def _codes(
        self, answers: list[Mapping[str, Any]], questionnaire: Questionnaire, question: Question, kind: c.Kind,
        here: str,
    ) -> list[str] | None:
        system = c.region_system(questionnaire.id) if kind == "regions" else c.answer_system(
            questionnaire.id, question.id)
        codes = []
        for answer in answers:
            coding = as_mapping(answer.get("valueCoding"))
            code = coding.get("code")
            if coding.get("system") != system or not isinstance(code, str):
                self.problem(
                    here,
                    phrase(
                        QT_TRANSLATE_NOOP(
                            "IntakeError", "must hold codes of this question's own code system (valueCoding)"
                        )
                    ),
                )
                return None
            codes.append(code)
        return codes


def item_authors(item: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The questionnaireresponse-author extensions of an item."""
    return [as_mapping(e) for e in as_list(item.get("extension")) if as_mapping(e).get("url") == c.HL7_QR_AUTHOR]
