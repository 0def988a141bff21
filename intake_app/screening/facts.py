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

BACK_PAIN_PRESENT = ("mild", "moderate", "severe")

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

    # --- shared clinical facts ---------------------------------------------------------------

    def back_pain(self) -> tuple[Tristate, dict[str, Any]]:
        """Whether there is low back pain, and the answers that say so.

        `back_pain` decides when answered. Otherwise `leg_vs_back` implies it: every choice
        except "no back pain" compares the leg with a back that hurts.
        """
        value = self.answers.get("back_pain")
        if value in BACK_PAIN_PRESENT:
            return "yes", {"back_pain": value}
        if value == "none":
            return "no", {"back_pain": value}
        leg_vs_back = self.answers.get("leg_vs_back")
        if leg_vs_back in ("leg_worse", "about_equal", "back_worse", "no_leg_pain"):
            return "yes", {"leg_vs_back": leg_vs_back}
        if leg_vs_back == "no_back_pain":
            return "no", {"leg_vs_back": leg_vs_back}
        return "unknown", {}

    def new_back_pain(self) -> tuple[Tristate, dict[str, Any]]:
        """Back pain that is new or changed in the last 3 months."""
        state, because = self.back_pain()
        if state != "yes":
            return state, because
        new = self.answers.get("back_pain_new")
        if new == "yes":
            return "yes", {**because, "back_pain_new": new}
        if new == "no":
            return "no", {**because, "back_pain_new": new}
        return "unknown", because

    def nerve_symptoms(self, sides: tuple[str, ...] = SIDES) -> dict[str, Any]:
        """Numbness, tingling (any region) or weakness on the given sides, as `because` entries."""
        found: dict[str, Any] = {}
        for side in sides:
            for field in ("numbness", "tingling"):
                marked = self.regions(field, side)
                if marked:
                    found[side_key(field, side)] = list(marked)
            weak = self.weakness(side)
            if weak is not None:
                found[side_key("weakness", side)] = weak
        return found

    def leg_or_back_symptoms(self) -> tuple[Tristate, dict[str, Any]]:
        """Pain in the back, leg or foot (the precondition of R1).

        "no" only when the form positively records no back pain and no pain on either leg;
        anything left unanswered is "unknown", which the red-flag rules treat as present.
        """
        found: dict[str, Any] = {}
        back, because = self.back_pain()
        if back == "yes":
            found.update(because)
        leg_vs_back = self.answers.get("leg_vs_back")
        if leg_vs_back in ("leg_worse", "about_equal", "back_worse", "no_back_pain"):
            found["leg_vs_back"] = leg_vs_back  # each of these compares a leg that hurts
        for side in SIDES:
            if self.regions("pain", side):
                found[side_key("pain", side)] = list(self.regions("pain", side))
            if self.radiates(side) is not None:
                found[side_key("radiates_to", side)] = self.radiates(side)
        if found:
            return "yes", found
        if back == "no" and self.has("pain"):
            return "no", {}
        return "unknown", {}
