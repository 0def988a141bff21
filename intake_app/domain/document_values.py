"""Checking the answers' values: text, free text, dates and each question type's value.

The value checks `document.parse_document` runs on every field; each problem is collected with the
place it concerns, as (field, message) pairs, and the caller raises them together.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import Any

from intake_app.domain.questionnaire import SIDES, Question, Questionnaire
from intake_app.errors import phrase
from intake_app.translation_marks import QT_TRANSLATE_NOOP


def parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def clean_text(value: str) -> str:
    return "".join(c for c in value if unicodedata.category(c) != "Cc" or c in "\t").strip()


def control_character(text: str, allowed: str) -> str | None:
    """The first control character of `text` that is not in `allowed`, if any."""
    for c in text:
        if unicodedata.category(c) == "Cc" and c not in allowed:
            return c
    return None


class ValueChecker:
    def __init__(self, questionnaire: Questionnaire, today: dt.date) -> None:
        self.q = questionnaire
        self.today = today
        self.problems: list[tuple[str, str]] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append((where, message))

    def text(self, question: Question, value: Any, where: str) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be text")))
            return ""
        cleaned = clean_text(value)
        if question.max_length is not None and len(cleaned) > question.max_length:
            self.problem(
                where,
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "is {count} characters long; at most {limit} allowed"),
                    {"count": len(cleaned), "limit": question.max_length},
                ),
            )
        if question.required and not cleaned:
            self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "is required")))
        return cleaned

    def free_text(self, question: Question, value: Any, where: str) -> str | None:
        """An answer's free text: line breaks (multiline questions) and tabs are kept, Windows
        line ends become plain ones, any other control character is refused."""
        if not isinstance(value, str):
            self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be text")))
            return None
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        allowed = "\t\n" if question.multiline else "\t"
        bad = control_character(text, allowed)
        if bad == "\n":
            self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be one line (no line breaks)")))
            return None
        if bad is not None:
            self.problem(
                where,
                phrase(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "contains a control character ({code}); only line breaks and tabs are kept"
                    ),
                    {"code": f"U+{ord(bad):04X}"},
                ),
            )
            return None
        text = text.strip()
        if question.max_length is not None and len(text) > question.max_length:
            self.problem(
                where,
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "is {count} characters long; at most {limit} allowed"),
                    {"count": len(text), "limit": question.max_length},
                ),
            )
            return None
        return text or None

    def date(self, question: Question, value: Any, where: str) -> dt.date | None:
        if value is None or value == "":
            if question.required:
                self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "is required")))
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.problem(
                where,
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "{show} is not a real date in the form YYYY-MM-DD"),
                    {"show": show_value(value)},
                ),
            )
            return None
        if parsed > self.today:
            self.problem(
                where, phrase(QT_TRANSLATE_NOOP("IntakeError", "{date} is in the future"), {"date": parsed.isoformat()})
            )
            return None
        return parsed

    def answer(self, question: Question, value: Any) -> Any:
        where = f"answers.{question.id}"
        qtype = question.type
        if qtype == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                else:
                    self.problem(
                        where,
                        phrase(
                            QT_TRANSLATE_NOOP("IntakeError", "{show} is not a whole number"),
                            {"show": show_value(value)},
                        ),
                    )
                    return None
            assert question.minimum is not None and question.maximum is not None
            if not question.minimum <= value <= question.maximum:
                self.problem(
                    where,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{value} is outside {minimum}-{maximum}"),
                        {"value": value, "minimum": question.minimum, "maximum": question.maximum},
                    ),
                )
                return None
            return value
        if qtype == "choice":
            if value not in question.values:
                self.problem(
                    where,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{show} is not one of {choices}"),
                        {"show": show_value(value), "choices": ", ".join(question.values)},
                    ),
                )
                return None
            return value
        if qtype == "multi":
            if not isinstance(value, list):
                self.problem(where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be a list")))
                return None
            bad = [v for v in value if v not in question.values]
            if bad:
                self.problem(
                    where,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{show} is not one of {choices}"),
                        {"show": show_value(bad[0]), "choices": ", ".join(question.values)},
                    ),
                )
                return None
            chosen = [v for v in question.values if v in value]  # canonical order, no repeats
            exclusive = [v for v in chosen if v in question.exclusive]
            if exclusive and len(chosen) > 1:
                self.problem(
                    where,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "{exclusive} cannot be combined with other choices"),
                        {"exclusive": repr(exclusive[0])},
                    ),
                )
                return None
            return chosen
        if qtype == "text":
            return self.free_text(question, value, where)
        if qtype in ("per_side_regions", "per_side_choice", "per_side_text"):
            if not isinstance(value, Mapping):
                self.problem(
                    where, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be an object with 'left' and/or 'right'"))
                )
                return None
            result: dict[str, Any] = {}
            for side in value:
                if side not in SIDES:
                    self.problem(
                        f"{where}.{side}", phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a side (left or right)"))
                    )
            for side in SIDES:
                if side not in value or value[side] is None:
                    continue
                side_value = value[side]
                if qtype == "per_side_regions":
                    if not isinstance(side_value, list):
                        self.problem(
                            f"{where}.{side}", phrase(QT_TRANSLATE_NOOP("IntakeError", "must be a list of regions"))
                        )
                        continue
                    bad = [v for v in side_value if v not in self.q.region_ids]
                    if bad:
                        self.problem(
                            f"{where}.{side}",
                            phrase(
                                QT_TRANSLATE_NOOP("IntakeError", "{show} is not a known region"),
                                {"show": show_value(bad[0])},
                            ),
                        )
                        continue
                    result[side] = [r for r in self.q.region_ids if r in side_value]
                elif qtype == "per_side_text":
                    text = self.free_text(question, side_value, f"{where}.{side}")
                    if text is not None:
                        result[side] = text
                else:
                    if side_value not in question.values:
                        self.problem(
                            f"{where}.{side}",
                            phrase(
                                QT_TRANSLATE_NOOP("IntakeError", "{show} is not one of {choices}"),
                                {"show": show_value(side_value), "choices": ", ".join(question.values)},
                            ),
                        )
                        continue
                    result[side] = side_value
            return result
        self.problem(
            where, phrase(QT_TRANSLATE_NOOP("IntakeError", "has an unsupported type {qtype}"), {"qtype": qtype})
        )  # pragma: no cover - loader forbids
        return None


def show_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
