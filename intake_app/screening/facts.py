"""Read-only access to a document's answers in the shape the rules need.

The rules never index `document.answers` directly: a missing answer, a missing side and an
unanswered list all mean "nothing recorded" here, so a draft is screened instead of crashing, and
every rule treats gaps the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Literal, TypeVar

from intake_app.domain.document import IntakeDocument
from intake_app.domain.questionnaire import Question, Questionnaire, load_questionnaire

SIDES: tuple[str, str] = ("left", "right")

# The region vocabulary of clinical-logic.md (c), in its order. FOOT is "ankle and everything after
# it"; a test checks that the questionnaire's region groups say the same.
REGIONS: tuple[str, ...] = (
    "buttock", "back_of_thigh", "front_of_thigh", "knee", "calf", "outer_shin", "inner_shin",
    "ankle", "inner_ankle", "heel", "arch", "sole", "ball_of_foot", "between_toes_3_4", "top_of_foot",
    "outer_edge_of_foot", "big_toe", "big_toe_joint", "little_toes", "all_toes", "whole_foot",
)
FOOT: tuple[str, ...] = REGIONS[REGIONS.index("ankle"):]
BELOW_KNEE: tuple[str, ...] = ("calf", "outer_shin", "inner_shin")
ABOVE_ANKLE: tuple[str, ...] = REGIONS[: REGIONS.index("ankle")]
REGION_FIELDS: tuple[str, str, str] = ("pain", "numbness", "tingling")
SIDE_CHOICE_FIELDS: tuple[str, str] = ("radiates_to", "weakness")

Tristate = Literal["yes", "no", "unknown"]
T = TypeVar("T")


@cache
def _form_facts(ref: str) -> tuple[tuple[str, ...], tuple[Question, ...]]:
    """The questionnaire's red-flag ids and answer questions (its properties rebuild them per call)."""
    questionnaire = load_questionnaire(ref)
    return questionnaire.red_flag_ids, questionnaire.answer_questions


def side_key(field: str, side: str) -> str:
    """The `because` key of one side of a per-side answer, e.g. "tingling.right"."""
    return f"{field}.{side}"


def other_side(side: str) -> str:
    return "right" if side == "left" else "left"


class Facts:
    """One document's answers plus a memo, so derived facts are computed once per assessment."""

    __slots__ = ("_choices", "_memo", "_regions", "answers", "document", "questionnaire")

    def __init__(self, document: IntakeDocument) -> None:
        self.document = document
        self.answers: Mapping[str, Any] = document.answers
        self.questionnaire: Questionnaire = load_questionnaire(document.questionnaire)
        self._memo: dict[str, Any] = {}
        # The per-side answers are read dozens of times per assessment: unpack them once.
        self._regions: dict[tuple[str, str], tuple[str, ...]] = {}
        self._choices: dict[tuple[str, str], str | None] = {}
        for name in (*REGION_FIELDS, *SIDE_CHOICE_FIELDS):
            value = self.answers.get(name)
            for side in SIDES:
                given = value.get(side) if isinstance(value, Mapping) else None
                if name in REGION_FIELDS:
                    self._regions[name, side] = tuple(given) if isinstance(given, list | tuple) else ()
                else:
                    self._choices[name, side] = given if isinstance(given, str) else None

    def memo(self, key: str, compute: Callable[[Facts], T]) -> T:
        """Compute a derived fact once (rules share points, CORE sides, red flags, ...)."""
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = compute(self)
        return value

    # --- raw answers -------------------------------------------------------------------------

    def get(self, field: str) -> Any:
        """The answer, or None when it was not given."""
        return self.answers.get(field)

    def has(self, field: str) -> bool:
        return self.answers.get(field) is not None

    def is_(self, field: str, *values: str) -> bool:
        return self.answers.get(field) in values

    def chosen(self, field: str) -> tuple[str, ...]:
        """The values ticked in a multi-choice answer (empty when unanswered)."""
        value = self.answers.get(field)
        return tuple(value) if isinstance(value, list | tuple) else ()

    def chosen_of(self, field: str, wanted: tuple[str, ...]) -> tuple[str, ...]:
        picked = self.chosen(field)
        return tuple(v for v in picked if v in wanted)

    def side_value(self, field: str, side: str) -> str | None:
        """One side of a per-side choice; a missing side means none (returned as None)."""
        if (field, side) in self._choices:
            return self._choices[field, side]
        value = self.answers.get(field)
        if isinstance(value, Mapping):
            side_answer = value.get(side)
            return side_answer if isinstance(side_answer, str) else None
        return None

    def has_side(self, field: str, side: str) -> bool:
        value = self.answers.get(field)
        return isinstance(value, Mapping) and value.get(side) is not None

    def regions(self, field: str, side: str) -> tuple[str, ...]:
        """Regions marked on one side for pain, numbness or tingling (empty when none)."""
        if (field, side) in self._regions:
            return self._regions[field, side]
        value = self.answers.get(field)
        if isinstance(value, Mapping):
            marked = value.get(side)
            if isinstance(marked, list | tuple):
                return tuple(marked)
        return ()

    def regions_in(self, field: str, side: str, group: tuple[str, ...]) -> tuple[str, ...]:
        marked = self.regions(field, side)
        return tuple(r for r in group if r in marked)

    def weakness(self, side: str) -> str | None:
        """The weakness on one side, or None for no weakness (a missing side means none)."""
        value = self.side_value("weakness", side)
        return None if value in (None, "none") else value

    def radiates(self, side: str) -> str | None:
        """How far pain travels down one leg, or None when it does not (or was not answered)."""
        value = self.side_value("radiates_to", side)
        return None if value in (None, "none") else value

    # --- patient -----------------------------------------------------------------------------

    @property
    def red_flag_ids(self) -> tuple[str, ...]:
        return _form_facts(self.document.questionnaire)[0]

    @property
    def answer_questions(self) -> tuple[Question, ...]:
        return _form_facts(self.document.questionnaire)[1]

    @property
    def age(self) -> int | None:
        """Age in years: the answer if given, else from date of birth and visit date."""
        value = self.answers.get("age_years")
        if isinstance(value, int):
            return value
        return self.document.patient.age_on(self.document.visit_date)

    @property
    def age_answered(self) -> bool:
        return isinstance(self.answers.get("age_years"), int)

    # --- answers whose shape differs between questionnaire versions ---------------------------

    def course(self, side: str) -> tuple[str | None, dict[str, Any]]:
        """The recorded course of the weakness on one side, and the answer it comes from.

        Version 2 asks `weakness_course` per side; in version 1 it is one value that applies to the
        sides with weakness (clinical-logic.md (b0), (c)). None when the side has no weakness, or no
        course is recorded for it (missing or n/a); the `because` part then still names an n/a answer.
        """
        if self.weakness(side) is None:
            return None, {}
        value = self.answers.get("weakness_course")
        if isinstance(value, Mapping):
            given = value.get(side)
            because = {side_key("weakness_course", side): given} if isinstance(given, str) else {}
        else:
            given = value
            because = {"weakness_course": given} if isinstance(given, str) else {}
        if given in ("new_stable", "worsening", "longstanding_stable"):
            return str(given), because
        return None, because
