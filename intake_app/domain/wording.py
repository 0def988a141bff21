"""Answers in the questionnaire's own words: the ONE place that turns field keys and value codes
into what people read.

Screens, messages, the banner and both PDFs name a question and its answer through these
functions ("Numbness around the back passage: Yes, new"); field keys and value codes stay in JSON,
exports and logs. Nothing here raises on an unknown field or value: a code the questionnaire does
not list falls back to a readable form (underscores become spaces), so a caller can never print a
code by accident.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal

from intake_app.domain.questionnaire import SIDE_PLACEHOLDER, SIDES, Question, Questionnaire

Audience = Literal["desk", "patient"]

UNKNOWN = "unknown"
NOT_ANSWERED = "not answered"
NOT_ASKED = "not asked"
DONT_KNOW = "I don't know"
NONE_MARKED = "none marked"

# Value codes that a question may not list among its options, in plain words.
_PLAIN_CODES = {
    "n/a": "not applicable",
    "none": "none",
    "yes": "Yes",
    "no": "No",
}

_WHITESPACE_WITH_BREAK = re.compile(r"\s*\n\s*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_blank(value: Any) -> bool:
    """No answer: None, empty text, an empty list or an empty per-side object."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list | tuple | set | frozenset | Mapping):
        return not value
    return False


def readable(code: Any) -> str:
    """A code nobody defined, in the plainest words we can make: "back_pain_new" -> "back pain new".

    Underscores and dots become spaces; upper-case codes (derived facts such as BACK_PAIN) are
    lower-cased. Used only as a fallback, so that a key never reaches a person as it is.
    """
    text = str(code)
    if text in _PLAIN_CODES:
        return _PLAIN_CODES[text]
    text = re.sub(r"[_.]+", " ", text).strip()
    if text.isupper():
        text = text.lower()
    return text


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """"Heel" -> "heel" for a list inside a sentence; keeps "MRN" and "3rd" as they are."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def find_question(questionnaire: Questionnaire, field: str | Question) -> Question | None:
    if isinstance(field, Question):
        return field
    try:
        return questionnaire.question(field)
    except KeyError:
        return None


def side_word(questionnaire: Questionnaire, side: str) -> str:
    """"right" for the right side, from the questionnaire's side labels."""
    if side in SIDES:
        return _lower_first(questionnaire.side_label(side))
    return readable(side)


# --- questions --------------------------------------------------------------------------------


def question_text(questionnaire: Questionnaire, field: str | Question, *, short: bool = False) -> str:
    """The question's wording from the questionnaire; `short=True` gives its short label (for
    printed lines and the trace), falling back to the full wording. Without a side, a "{side}"
    placeholder in the short label is dropped ("Pain travels down the leg as far as")."""
    question = find_question(questionnaire, field)
    if question is None:
        return _capitalised(readable(field))
    if short and question.short:
        return _fill_side(question.short, None)
    return question.label


def _fill_side(text: str, side_text: str | None) -> str:
    if side_text is None:
        return re.sub(r"\s+", " ", text.replace(SIDE_PLACEHOLDER, "")).strip()
    return text.replace(SIDE_PLACEHOLDER, side_text)


def question_text_for_side(questionnaire: Questionnaire, field: str | Question, side: str) -> str:
    """The short label naming one side: "Pain travels down the right leg as far as",
    "Numbness, right leg"."""
    question = find_question(questionnaire, field)
    word = side_word(questionnaire, side)
    if question is not None and SIDE_PLACEHOLDER in question.short:
        return _fill_side(question.short, word)
    return f"{question_text(questionnaire, field, short=True)}, {word} leg"


# --- answers ----------------------------------------------------------------------------------


def answer_text(
    questionnaire: Questionnaire,
    field: str | Question,
    value: Any,
    *,
    side: str | None = None,
    audience: Audience = "desk",
) -> str:
    """One answer in the questionnaire's option labels.

    "Yes, new"; region lists joined ("heel, arch"); whole numbers with their unit ("21 days",
    "7 out of 10"). `unknown` reads "not asked" at the desk (and in the letter) and "I don't know"
    for a patient; a question that offers "don't know" as a choice of its own (not a safety
    question) reads its own label at the desk. No answer reads "not answered". With `side`, a
    per-side answer (`{"left": ..., "right": ...}`) is read for that side only; without it, both
    sides are read ("Left: heel; Right: none marked").
    """
    question = find_question(questionnaire, field)
    if side is not None and isinstance(value, Mapping):
        value = value.get(side)
        if is_blank(value) and question is not None and question.per_side:
            return _empty_side(question)
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    if side is not None and question is not None and question.type == "per_side_regions" and value == []:
        return NONE_MARKED
    if is_blank(value):
        return NOT_ANSWERED
    if question is not None and question.type in ("text", "per_side_text") and isinstance(value, str):
        return value.strip()  # the person's own words, as written (even the word "unknown")
    if value == UNKNOWN:
        return _unknown_text(question, audience)
    if question is None:
        return _fallback(questionnaire, value)
    kind = question.type
    if isinstance(value, Mapping):
        if question.per_side or set(value) <= set(SIDES):
            return _both_sides(questionnaire, question, value, audience)
        return _fallback(questionnaire, value)
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return _number(question, value)
    if kind == "per_side_regions" or (isinstance(value, list | tuple) and kind not in ("multi",)):
        return _regions(questionnaire, value)
    if kind == "multi":
        items = value if isinstance(value, list | tuple) else [value]
        # Semicolons, because some option labels contain commas themselves.
        return "; ".join(_option(question, v) if isinstance(v, str) else _fallback(questionnaire, v) for v in items)
    if kind in ("choice", "sex", "per_side_choice"):
        return _option(question, value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if kind == "date" and isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return value.strip()
    return _fallback(questionnaire, value)


def _unknown_text(question: Question | None, audience: Audience) -> str:
    if question is not None and question.type == "sex":
        return _option(question, UNKNOWN)  # "Not stated", for everyone
    if audience == "patient":
        return DONT_KNOW
    if question is not None and not question.red_flag and UNKNOWN in question.values:
        # The desk chose this question's own "don't know" option: say what was chosen.
        return _option(question, UNKNOWN)
    return NOT_ASKED


def _empty_side(question: Question) -> str:
    """A side left out of a per-side answer: no regions marked, or that question's "none"."""
    if question.type == "per_side_regions":
        return NONE_MARKED
    if "none" in question.values:
        return _option(question, "none")
    return NOT_ANSWERED


def _option(question: Question, value: Any) -> str:
    code = str(value)
    for option in question.options:
        if option.value == code:
            return option.printed
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return readable(code)


def _number(question: Question, value: int) -> str:
    if not question.unit and question.minimum == 0 and question.maximum is not None:
        return f"{value} out of {question.maximum}"
    unit = question.unit
    if value == 1 and unit.endswith("s"):
        unit = unit[:-1]
    return f"{value} {unit}".strip()


def region_list(questionnaire: Questionnaire, regions: Any) -> str:
    """Regions in the questionnaire's words, in the order given: "heel, arch"."""
    return _regions(questionnaire, regions)


def _regions(questionnaire: Questionnaire, regions: Any) -> str:
    if isinstance(regions, str):
        regions = [regions]
    if not isinstance(regions, list | tuple) or not regions:
        return NONE_MARKED
    words = []
    for region in regions:
        if isinstance(region, str) and region in questionnaire.region_ids:
            words.append(_lower_first(questionnaire.region_label(region)))
        else:
            words.append(_fallback(questionnaire, region))
    return ", ".join(words)


def _both_sides(questionnaire: Questionnaire, question: Question, value: Mapping[str, Any], audience: Audience) -> str:
    parts = []
    for side in SIDES:
        text = answer_text(questionnaire, question, value, side=side, audience=audience)
        parts.append(f"{_capitalised(side_word(questionnaire, side))}: {text}")
    return "; ".join(parts)


def _fallback(questionnaire: Questionnaire, value: Any) -> str:
    """A value of no known question, readable whatever its shape."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Mapping):
        return "; ".join(f"{_capitalised(readable(k))}: {_fallback(questionnaire, v)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        if not value:
            return NOT_ANSWERED
        return _regions(questionnaire, sorted(value, key=str) if isinstance(value, set | frozenset) else list(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return NOT_ANSWERED
    if value == UNKNOWN:
        return NOT_ASKED
    return readable(value)


# --- lines ------------------------------------------------------------------------------------


def describe(
    questionnaire: Questionnaire,
    field: str | Question,
    value: Any,
    *,
    side: str | None = None,
    audience: Audience = "desk",
) -> str:
    """One line a person reads: "Numbness around the back passage: Yes, new";
    per side: "Pain travels down the right leg as far as: the foot", "Numbness, right leg: heel, sole".

    Free text is kept whole, its line breaks shown as " / " so the line stays one line.
    """
    if side is not None:
        label = question_text_for_side(questionnaire, field, side)
    else:
        label = question_text(questionnaire, field, short=True)
    answer = answer_text(questionnaire, field, value, side=side, audience=audience)
    answer = _WHITESPACE_WITH_BREAK.sub(" / ", answer).replace("\t", " ")
    separator = " " if label.endswith("?") else ": "
    return f"{label}{separator}{answer}"


def split_key(key: str) -> tuple[str, str | None]:
    """"weakness.right" -> ("weakness", "right"); "back_pain" -> ("back_pain", None)."""
    field, dot, side = str(key).rpartition(".")
    if dot and side in SIDES and field:
        return field, side
    return str(key), None


def describe_because(
    questionnaire: Questionnaire, because: Mapping[str, Any], *, audience: Audience = "desk"
) -> list[str]:
    """The answers behind a reason, one line each, in the questionnaire's words.

    Keys are "field" or "field.side"; a value `{"left": ..., "right": ...}` under a key without a
    side gives one line per side it holds. Never raises; an unknown field reads in plain words.
    """
    lines: list[str] = []
    for key, value in because.items():
        field, side = split_key(key)
        if side is None and isinstance(value, Mapping) and value and set(value) <= set(SIDES):
            lines.extend(describe(questionnaire, field, value, side=s, audience=audience) for s in SIDES if s in value)
        else:
            lines.append(describe(questionnaire, field, value, side=side, audience=audience))
    return lines
