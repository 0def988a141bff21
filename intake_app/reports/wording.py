"""Answers in words, taken from the questionnaire so the printout says what the form said."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.questionnaire import SIDES, Question, Questionnaire

NOT_ANSWERED = "Not answered"
NOT_ASKED = "NOT ASKED - ask before the patient leaves"
NONE_CHOSEN = "None chosen"
NONE_MARKED = "None marked"
SYMPTOMS = ("pain", "numbness", "tingling")


def is_blank(value: Any) -> bool:
    return value is None or value == ""


def format_date(day: dt.date | None) -> str:
    """ISO dates (1961-03-12): unambiguous on both sides of the Atlantic."""
    return day.isoformat() if day else NOT_ANSWERED


def answer_text(questionnaire: Questionnaire, question: Question, value: Any) -> str:
    """One answer as the patient would recognise it, using the questionnaire's own labels.

    An unanswered question reads "Not answered"; an unanswered red-flag question reads as not
    asked - never as "No".
    """
    if question.red_flag and (is_blank(value) or value == UNKNOWN):
        return NOT_ASKED
    if is_blank(value):
        return NOT_ANSWERED
    kind = question.type
    if kind == "integer":
        if not question.unit and question.minimum == 0 and question.maximum is not None:
            return f"{value} out of {question.maximum}"
        return f"{value} {question.unit}".strip()
    if kind in ("choice", "sex"):
        return question.option_label(str(value))
    if kind == "multi":
        # Semicolons, because some option labels contain commas themselves.
        return "; ".join(question.option_label(str(v)) for v in value) if value else NONE_CHOSEN
    if kind == "per_side_choice" and isinstance(value, Mapping):
        return "  |  ".join(
            f"{questionnaire.side_label(side)}: {side_choice(question, value, side)}" for side in SIDES
        )
    if kind == "per_side_regions" and isinstance(value, Mapping):
        return "  |  ".join(
            f"{questionnaire.side_label(side)}: {region_list(questionnaire, value.get(side) or [])}"
            for side in SIDES
        )
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def side_choice(question: Question, value: Mapping[str, Any], side: str) -> str:
    """A per-side choice for one side; a side left out of the answer means "none"."""
    chosen = value.get(side)
    if is_blank(chosen):
        chosen = "none" if "none" in question.values else None
    return question.option_label(str(chosen)) if chosen is not None else NOT_ANSWERED


def region_list(questionnaire: Questionnaire, regions: list[str]) -> str:
    return "; ".join(questionnaire.region_label(r) for r in regions) if regions else NONE_MARKED


def answer_for(questionnaire: Questionnaire, document: IntakeDocument, question_id: str) -> str:
    return answer_text(questionnaire, questionnaire.question(question_id), document.answers.get(question_id))


def applies(questionnaire: Questionnaire, question: Question, answers: Mapping[str, Any]) -> bool:
    """Print a question if it was answered, or if the form would have shown it."""
    return not is_blank(answers.get(question.id)) or questionnaire.is_shown(question, answers)


def because_lines(because: Mapping[str, Any]) -> list[str]:
    """The answers that fired a rule, one "field = value" per line (spaces let long ids wrap)."""
    return [f"{key} = {_plain(value)}" for key, value in because.items()]


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_plain(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple | set | frozenset):
        return "[" + ", ".join(_plain(v) for v in value) + "]"
    if value is None:
        return "not answered"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def source_text(source: str) -> str:
    """Source numbers in brackets, one group per reference: "3" -> "[3]", "[15][16]" -> "[15] [16]".

    The space between groups lets a long list wrap between references instead of inside one.
    """
    source = source.strip()
    if not source:
        return ""
    groups = re.findall(r"\[[^\]]*\]", source) if source.startswith("[") else [f"[{source}]"]
    return " ".join(groups) if groups else source
