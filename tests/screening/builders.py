"""Small synthetic intake documents for the screening tests (made-up people only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from intake_app.domain import IntakeDocument, load_questionnaire, parse_document
from intake_app.screening import Assessment, Reason, assess

VISIT = dt.date(2026, 3, 2)
RED_FLAGS: tuple[str, ...] = load_questionnaire("foot-leg-intake/1").red_flag_ids  # the same in version 2


def birth_date(age: int, visit: dt.date = VISIT) -> dt.date:
    """A date of birth that makes the patient exactly `age` on the visit date (not a birthday)."""
    return dt.date(visit.year - age - 1, 11, 20) if age >= 0 else visit


V1 = "foot-leg-intake/1"
V2 = "foot-leg-intake/2"


def make_document(answers: dict[str, Any] | None = None, *, age: int | None = 45, red_flags: str | None = "no",
                  age_answered: bool = True, questionnaire: str = V1) -> IntakeDocument:
    """A valid document via parse_document: red flags default to "no" so each test shows one rule.

    `red_flags=None` leaves them unanswered (parse_document then stores "unknown").
    """
    age = 45 if age is None else age
    given: dict[str, Any] = {}
    if age_answered:
        given["age_years"] = age
    if red_flags is not None:
        given.update({rf: red_flags for rf in RED_FLAGS})
    given.update(answers or {})
    data = {
        "format": "intake-document/1",
        "questionnaire": questionnaire,
        "patient": {"family_name": "Testington", "given_name": "Robin", "date_of_birth": birth_date(age).isoformat(),
                    "sex": "unknown", "phone": "", "mrn": "SYN-0001"},
        "visit_date": VISIT.isoformat(),
        "answers": given,
    }
    return parse_document(data, today=VISIT)


def screen(answers: dict[str, Any] | None = None, **kw: Any) -> Assessment:
    return assess(make_document(answers, **kw))


def screen_v2(answers: dict[str, Any] | None = None, **kw: Any) -> Assessment:
    """Screen a questionnaire version 2 document (per-side weakness course, the new questions)."""
    return assess(make_document(answers, questionnaire=V2, **kw))


def rules_of(assessment: Assessment, group: str | None = None) -> list[str]:
    return [r.rule for r in assessment.reasons if group is None or r.group == group]


def reason(assessment: Assessment, rule: str) -> Reason:
    found = [r for r in assessment.reasons if r.rule == rule]
    assert found, f"no {rule} line in {rules_of(assessment)}"
    return found[0]


def fired(assessment: Assessment) -> set[str]:
    """Ids of the rules that fired (information lines such as R1.no excluded)."""
    return {r.rule for r in assessment.reasons if not r.is_information}


# A right-leg CORE pattern with no supporting points: pain travels into the foot, nothing else.
CORE_RIGHT: dict[str, Any] = {
    "radiates_to": {"left": "none", "right": "foot"},
    "pain": {"right": ["sole"]},
    "back_pain": "none",
    "leg_vs_back": "no_back_pain",
    "weakness": {"left": "none", "right": "none"},
    "trauma": "none",
    "back_conditions": ["none"],
    "back_surgery": "none",
}
