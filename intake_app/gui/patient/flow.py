"""What patient mode asks, in which order, and what the patient's answers become (no Qt here).

A step is one page: one question, or one side of a per-side question. The steps are worked out
again from the answers after every change, so a question appears as soon as its `show_if` holds and
a per-side question is asked only for the sides that meet its condition. Staff-only questions (the
patient block, the visit, the desk note) are never asked; the preferred language is set by the
language page. Every answer the patient gives is marked in `entered_by` (field name -> "patient").
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from intake_app.domain.language import ENGLISH, check_language
from intake_app.domain.questionnaire import SIDES, Question, Questionnaire

PATIENT = "patient"
UNKNOWN = "unknown"
LANGUAGE_FIELD = "preferred_language"
# Never asked in patient mode: staff sections and fields (the language page answers preferred_language).
STAFF_SECTIONS = frozenset({"patient"})
STAFF_FIELDS = frozenset({"desk_note", LANGUAGE_FIELD})
# Answers to a safety question that are not positive: anything else reaches the desk at once.
NOT_POSITIVE = frozenset({"no", UNKNOWN})


@dataclass(frozen=True)
class Step:
    """One page of questions: a question, for one side when it is asked per side (choice or text)."""

    question: Question
    side: str | None = None

    @property
    def key(self) -> str:
        return self.question.id if self.side is None else f"{self.question.id}.{self.side}"


@dataclass(frozen=True)
class PatientResult:
    """What patient mode hands back: the answers (the draft's, with the patient's), who entered
    each answer the patient gave, the language chosen, and whether the patient reached the end."""

    answers: Mapping[str, Any]
    entered_by: Mapping[str, str]
    language: str
    finished: bool = False


def is_positive_red_flag(question: Question, value: Any) -> bool:
    """A safety question answered with anything but "no" or "I don't know"."""
    return question.red_flag and isinstance(value, str) and value != "" and value not in NOT_POSITIVE


def asked_in_patient_mode(questionnaire: Questionnaire, question: Question) -> bool:
    section = questionnaire.section_of(question.id)
    return question.part == "answers" and section.id not in STAFF_SECTIONS and question.id not in STAFF_FIELDS


@dataclass
class PatientFlow:
    """The answers being given and the steps that apply to them."""

    questionnaire: Questionnaire
    answers: dict[str, Any] = field(default_factory=dict)
    language: str = ENGLISH
    entered_by: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.answers = copy.deepcopy(dict(self.answers))
        check_language(self.language)

    # --- steps ----------------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        steps: list[Step] = []
        q = self.questionnaire
        for question in q.questions:
            if not asked_in_patient_mode(q, question):
                continue
            if question.type in ("per_side_choice", "per_side_text"):
                steps.extend(Step(question, side) for side in q.shown_sides(question, self.answers))
            elif q.is_shown(question, self.answers):
                steps.append(Step(question))
        return steps

    def index_of(self, key: str) -> int | None:
        for i, step in enumerate(self.steps()):
            if step.key == key:
                return i
        return None

    # --- answers --------------------------------------------------------------------------------

    def value(self, step: Step) -> Any:
        value = self.answers.get(step.question.id)
        if step.side is None:
            return value
        return value.get(step.side) if isinstance(value, Mapping) else None

    def set_language(self, language: str) -> None:
        self.language = check_language(language)
        self.answers[LANGUAGE_FIELD] = language
        self.entered_by[LANGUAGE_FIELD] = PATIENT

    def set_value(self, step: Step, value: Any) -> None:
        """Record the patient's answer for one step (None or empty clears it) and forget answers to
        questions that no longer apply."""
        qid = step.question.id
        if step.side is None:
            if _blank(value):
                self.answers.pop(qid, None)
            else:
                self.answers[qid] = copy.deepcopy(value)
        else:
            sides = dict(self.answers.get(qid) or {})
            if _blank(value):
                sides.pop(step.side, None)
            else:
                sides[step.side] = value
            if sides:
                self.answers[qid] = sides
            else:
                self.answers.pop(qid, None)
        self.entered_by[qid] = PATIENT
        self._forget_hidden()

    def _forget_hidden(self) -> None:
        q = self.questionnaire
        for question in q.questions:
            if question.id not in self.answers or question.show_if is None:
                continue
            if not asked_in_patient_mode(q, question) or question.red_flag:
                continue  # staff answers stay as staff left them; a safety answer is never dropped
            if question.per_side and isinstance(self.answers[question.id], Mapping):
                shown = q.shown_sides(question, self.answers)
                kept = {s: v for s, v in self.answers[question.id].items() if s in shown}
                if kept != dict(self.answers[question.id]):
                    self._replace(question.id, kept)
            elif not q.is_shown(question, self.answers):
                self._replace(question.id, None)

    def _replace(self, qid: str, value: Any) -> None:
        if _blank(value):
            self.answers.pop(qid, None)
        else:
            self.answers[qid] = value
        if self.entered_by.get(qid) == PATIENT and qid not in self.answers:
            del self.entered_by[qid]

    def needs_answer(self, step: Step) -> bool:
        """A safety question (answer, or "I don't know") or a required one cannot be skipped."""
        if step.question.red_flag:
            return _blank(self.value(step))
        if step.question.required:
            return step.question.is_unanswered(self.value(step))
        return False

    def red_flags(self) -> list[str]:
        """The safety questions answered positively, in questionnaire order."""
        return [q.id for q in self.questionnaire.questions if is_positive_red_flag(q, self.answers.get(q.id))]

    def result(self, *, finished: bool = False) -> PatientResult:
        entered = {k: v for k, v in self.entered_by.items() if k in self.answers}
        return PatientResult(copy.deepcopy(self.answers), entered, self.language, finished)


def allows_dont_know(question: Question) -> bool:
    return UNKNOWN in question.values


def _blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple | Mapping) and not value)


__all__ = [
    "PATIENT", "SIDES", "PatientFlow", "PatientResult", "Step", "allows_dont_know", "asked_in_patient_mode",
    "is_positive_red_flag",
]
