"""Screening as the services use it: the clinic's wording, what rose to a recall, which red flags are urgent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intake_app.domain import IntakeDocument
from intake_app.errors import InvalidInput
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.screening.model import Assessment

class IncompleteIntake(InvalidInput):
    """Completing was refused: required answers are missing or red-flag questions were not asked."""

    def __init__(self, missing: list[str], red_flags_unanswered: list[str]) -> None:
        problems = [(f"answers.{f}", "is required") for f in missing]
        problems += [(f"answers.{f}", "was not asked") for f in red_flags_unanswered]
        parts = []
        if missing:
            parts.append(f"{len(missing)} required question(s) unanswered")
        if red_flags_unanswered:
            parts.append(f"{len(red_flags_unanswered)} red-flag question(s) not asked")
        super().__init__("Cannot complete the intake: " + "; ".join(parts) + ".", problems)
        self.missing = missing
        self.red_flags_unanswered = red_flags_unanswered


@dataclass(frozen=True)
class RescreenChange:
    """An intake whose level or tier changed when re-screened with the current rules (old beside new)."""

    intake_id: int
    old_level: str | None
    new_level: str
    old_rules_version: str | None
    old_tier: str | None = None
    new_tier: str | None = None
    recall: bool = False  # the result rose to urgent or likely: the patient goes on the recall list


def screen(document: IntakeDocument, settings: Settings | None = None) -> Assessment:
    """The screening result for a document (pure; used live while typing). With `settings`, the urgent
    recommendation names the clinic's local emergency department ("A&E", "the ER ...")."""
    from intake_app.screening import assess

    if settings is None:
        return assess(document)
    return assess(document, emergency_department=settings.emergency().department_phrase)


LEVEL_RANK = {"urgent": 0, "likely": 1, "possible": 2, "not_indicated": 3}


def rose_to_recall(old_level: str | None, new_level: str) -> bool:
    """True when a result rose to urgent or likely (the patient must be contacted)."""
    if new_level not in ("urgent", "likely"):
        return False
    return LEVEL_RANK[new_level] < LEVEL_RANK.get(old_level or "not_indicated", 3)


def urgent_rules(assessment: Assessment) -> list[str]:
    """The urgent red-flag rules an assessment fired ([] unless the level is urgent)."""
    if assessment.level != "urgent":
        return []
    return sorted({reason.base_rule for reason in assessment.red_flags}) or ["urgent"]
