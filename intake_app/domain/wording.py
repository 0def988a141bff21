"""Answers in the questionnaire's own words: the ONE place that turns field keys and value codes
into what people read.

Screens, messages, the banner and both PDFs name a question and its answer through these
functions ("Numbness around the back passage: Yes, new"); field keys and value codes stay in JSON,
exports and logs. Nothing here raises on an unknown field or value: a code the questionnaire does
not list falls back to a readable form (underscores become spaces), so a caller can never print a
code by accident.

Every function takes `language` ("en", the default, or "es": the questionnaire's translations) and
most take `audience`: "desk" (staff screens and the letter) or "patient" (patient mode and the
handout), which reads the patient wording the questionnaire gives (`patient`, `help_patient`, an
option's `patient` label: "I don't know" rather than "Not asked") where it gives one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal

from intake_app.domain.language import ENGLISH
from intake_app.domain.questionnaire import SIDE_PLACEHOLDER, SIDES, Option, Question, Questionnaire, Section

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

# The few words wording adds around the questionnaire's own, by language.
_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "not answered": NOT_ANSWERED, "not asked": NOT_ASKED, "dont know": DONT_KNOW,
        "none marked": NONE_MARKED, "out of": "{0} out of {1}", "side leg": "{0}, {1} leg",
        "yes": "Yes", "no": "No", "n/a": "not applicable", "none": "none",
    },
    "es": {
        "not answered": "sin respuesta", "not asked": "no se preguntó", "dont know": "No lo sé",
        "none marked": "ninguna zona marcada", "out of": "{0} de {1}", "side leg": "{0}, pierna {1}",
        "yes": "Sí", "no": "No", "n/a": "no aplica", "none": "ninguno",
    },
}


def word(key: str, language: str = ENGLISH) -> str:
    """One of the words wording adds ("not answered", "not asked", "dont know", ...) in `language`."""
    return _WORDS.get(language, _WORDS[ENGLISH]).get(key) or _WORDS[ENGLISH][key]

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


def side_word(questionnaire: Questionnaire, side: str, language: str = ENGLISH) -> str:
    """"right" for the right side, from the questionnaire's side labels ("derecha" in Spanish)."""
    if side in SIDES:
        return _lower_first(questionnaire.side_label(side, language))
    return readable(side)


def section_title(section: Section, *, language: str = ENGLISH, audience: Audience = "desk") -> str:
    """A section's title; for a patient, its patient wording when it has one."""
    if audience == "patient" and section.patient:
        return section.patient.text(language)
    return section.title.text(language)


# --- questions --------------------------------------------------------------------------------


def question_text(
    questionnaire: Questionnaire,
    field: str | Question,
    *,
    short: bool = False,
    language: str = ENGLISH,
    audience: Audience = "desk",
) -> str:
    """The question's wording from the questionnaire; `short=True` gives its short label (for
    printed lines and the trace), falling back to the full wording. Without a side, a "{side}"
    placeholder in the short label is dropped ("Pain travels down the leg as far as"). For a
    patient, the full wording is the question as the patient reads it ("Where does it hurt?")."""
    question = find_question(questionnaire, field)
    if question is None:
        return _capitalised(readable(field))
    if short and question.short:
        return _fill_side(question.short.text(language), None)
    if audience == "patient" and question.patient and not short:
        return question.patient.text(language)
    return question.label.text(language)


def help_text(
    questionnaire: Questionnaire, field: str | Question, *, language: str = ENGLISH, audience: Audience = "desk"
) -> str:
    """The question's help ("" when it has none); for a patient, the patient help when given.
    A patient is never shown the desk's help when the question has patient wording of its own
    (desk help speaks about "the patient")."""
    question = find_question(questionnaire, field)
    if question is None:
        return ""
    if audience == "patient":
        if question.help_patient:
            return question.help_patient.text(language)
        if question.patient:
            return ""
    return question.help.text(language)


def option_text(
    questionnaire: Questionnaire,
    field: str | Question,
    value: str,
    *,
    language: str = ENGLISH,
    audience: Audience = "desk",
) -> str:
    """One option's full wording, as a form offers it: the label at the desk ("Not asked"), the
    patient wording for a patient ("I don't know"), falling back to the label."""
    question = find_question(questionnaire, field)
    option = question.option(value) if question is not None else None
    if option is None:
        return _plain_code(value, language)
    return _option_label(option, language, audience, printed=False)


def _option_label(option: Option, language: str, audience: Audience, *, printed: bool) -> str:
    if audience == "patient" and option.patient:
        return option.patient.text(language)
    return (option.printed if printed else option.label).text(language)


def _fill_side(text: str, side_text: str | None) -> str:
    if side_text is None:
        return re.sub(r"\s+", " ", text.replace(SIDE_PLACEHOLDER, "")).strip()
    return text.replace(SIDE_PLACEHOLDER, side_text)


def question_text_for_side(
    questionnaire: Questionnaire, field: str | Question, side: str, *, language: str = ENGLISH
) -> str:
    """The short label naming one side: "Pain travels down the right leg as far as",
    "Numbness, right leg"."""
    question = find_question(questionnaire, field)
    side_text = side_word(questionnaire, side, language)
    if question is not None and SIDE_PLACEHOLDER in question.short.text(language):
        return _fill_side(question.short.text(language), side_text)
    return word("side leg", language).format(question_text(questionnaire, field, short=True, language=language),
                                             side_text)


# --- answers ----------------------------------------------------------------------------------


def answer_text(
    questionnaire: Questionnaire,
    field: str | Question,
    value: Any,
    *,
    side: str | None = None,
    audience: Audience = "desk",
    language: str = ENGLISH,
) -> str:
    """One answer in the questionnaire's option labels (in `language`).

    "Yes, new"; region lists joined ("heel, arch"); whole numbers with their unit ("21 days",
    "7 out of 10"). `unknown` reads "not asked" at the desk (and in the letter) and "I don't know"
    for a patient; a question that offers "don't know" as a choice of its own (not a safety
    question) reads its own label at the desk. No answer reads "not answered". With `side`, a
    per-side answer (`{"left": ..., "right": ...}`) is read for that side only; without it, both
    sides are read ("Left: heel; Right: none marked").
    """
    lang = language
    question = find_question(questionnaire, field)
    if side is not None and isinstance(value, Mapping):
        value = value.get(side)
        if is_blank(value) and question is not None and question.per_side:
            return _empty_side(question, lang, audience)
    if isinstance(value, set | frozenset):
        value = sorted(value, key=str)
    if side is not None and question is not None and question.type == "per_side_regions" and value == []:
        return word("none marked", lang)
    if is_blank(value):
        return word("not answered", lang)
    if question is not None and question.type in ("text", "per_side_text") and isinstance(value, str):
        return value.strip()  # the person's own words, as written (even the word "unknown")
    if value == UNKNOWN:
        return _unknown_text(question, audience, lang)
    if question is None:
        return _fallback(questionnaire, value, lang)
    kind = question.type
    if isinstance(value, Mapping):
        if question.per_side or set(value) <= set(SIDES):
            return _both_sides(questionnaire, question, value, audience, lang)
        return _fallback(questionnaire, value, lang)
    if kind == "integer" and isinstance(value, int) and not isinstance(value, bool):
        return _number(question, value, lang)
    if kind == "per_side_regions" or (isinstance(value, list | tuple) and kind not in ("multi",)):
        return _regions(questionnaire, value, lang)
    if kind == "multi":
        items = value if isinstance(value, list | tuple) else [value]
        # Semicolons, because some option labels contain commas themselves.
        return "; ".join(
            _option(question, v, lang, audience) if isinstance(v, str) else _fallback(questionnaire, v, lang)
            for v in items
        )
    if kind in ("choice", "sex", "per_side_choice"):
        return _option(question, value, lang, audience)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    if kind == "date" and isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return value.strip()
    return _fallback(questionnaire, value, lang)


def _unknown_text(question: Question | None, audience: Audience, language: str) -> str:
    if question is not None and question.type == "sex":
        return _option(question, UNKNOWN, language, "desk")  # "Not stated", for everyone
    if audience == "patient":
        return word("dont know", language)
    if question is not None and not question.red_flag and UNKNOWN in question.values:
        # The desk chose this question's own "don't know" option: say what was chosen.
        return _option(question, UNKNOWN, language, audience)
    return word("not asked", language)


def _empty_side(question: Question, language: str, audience: Audience) -> str:
    """A side left out of a per-side answer: no regions marked, or that question's "none"."""
    if question.type == "per_side_regions":
        return word("none marked", language)
    if "none" in question.values:
        return _option(question, "none", language, audience)
    return word("not answered", language)


def _option(question: Question, value: Any, language: str = ENGLISH, audience: Audience = "desk") -> str:
    code = str(value)
    option = question.option(code)
    if option is not None:
        return _option_label(option, language, audience, printed=True)
    if isinstance(value, bool):
        return word("yes" if value else "no", language)
    return _plain_code(code, language)


def _plain_code(code: str, language: str) -> str:
    if code in _PLAIN_CODES:
        return word(code, language)
    return readable(code)


def _number(question: Question, value: int, language: str = ENGLISH) -> str:
    if not question.unit and question.minimum == 0 and question.maximum is not None:
        return word("out of", language).format(value, question.maximum)
    unit = question.unit.text(language)
    if value == 1:
        unit = _singular(unit, language)
    return f"{value} {unit}".strip()


def _singular(unit: str, language: str) -> str:
    """"days" -> "day"; in Spanish "días" -> "día", "meses" -> "mes", "años" -> "año"."""
    if language == "es" and unit.endswith("es") and len(unit) > 3 and unit[-3] not in "aeiouáéíóú":
        return unit[:-2]
    return unit[:-1] if unit.endswith("s") else unit


def region_list(questionnaire: Questionnaire, regions: Any, *, language: str = ENGLISH) -> str:
    """Regions in the questionnaire's words, in the order given: "heel, arch"."""
    return _regions(questionnaire, regions, language)


def _regions(questionnaire: Questionnaire, regions: Any, language: str = ENGLISH) -> str:
    if isinstance(regions, str):
        regions = [regions]
    if not isinstance(regions, list | tuple) or not regions:
        return word("none marked", language)
    words = []
    for region in regions:
        if isinstance(region, str) and region in questionnaire.region_ids:
            words.append(_lower_first(questionnaire.region_label(region, language)))
        else:
            words.append(_fallback(questionnaire, region, language))
    return ", ".join(words)


def _both_sides(
    questionnaire: Questionnaire, question: Question, value: Mapping[str, Any], audience: Audience, language: str
) -> str:
    parts = []
    for side in SIDES:
        text = answer_text(questionnaire, question, value, side=side, audience=audience, language=language)
        parts.append(f"{_capitalised(side_word(questionnaire, side, language))}: {text}")
    return "; ".join(parts)


def _fallback(questionnaire: Questionnaire, value: Any, language: str = ENGLISH) -> str:
    """A value of no known question, readable whatever its shape."""
    if isinstance(value, bool):
        return word("yes" if value else "no", language)
    if isinstance(value, Mapping):
        return "; ".join(
            f"{_capitalised(readable(k))}: {_fallback(questionnaire, v, language)}" for k, v in value.items()
        )
    if isinstance(value, list | tuple | set | frozenset):
        if not value:
            return word("not answered", language)
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        return _regions(questionnaire, items, language)
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None:
        return word("not answered", language)
    if value == UNKNOWN:
        return word("not asked", language)
    return _plain_code(str(value), language) if str(value) in _PLAIN_CODES else readable(value)


# --- lines ------------------------------------------------------------------------------------


def describe(
    questionnaire: Questionnaire,
    field: str | Question,
    value: Any,
    *,
    side: str | None = None,
    audience: Audience = "desk",
    language: str = ENGLISH,
) -> str:
    """One line a person reads: "Numbness around the back passage: Yes, new";
    per side: "Pain travels down the right leg as far as: the foot", "Numbness, right leg: heel, sole".

    Free text is kept whole, its line breaks shown as " / " so the line stays one line.
    """
    if side is not None:
        label = question_text_for_side(questionnaire, field, side, language=language)
    else:
        label = question_text(questionnaire, field, short=True, language=language)
    answer = answer_text(questionnaire, field, value, side=side, audience=audience, language=language)
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
    questionnaire: Questionnaire,
    because: Mapping[str, Any],
    *,
    audience: Audience = "desk",
    language: str = ENGLISH,
) -> list[str]:
    """The answers behind a reason, one line each, in the questionnaire's words.

    Keys are "field" or "field.side"; a value `{"left": ..., "right": ...}` under a key without a
    side gives one line per side it holds. Never raises; an unknown field reads in plain words.
    """
    lines: list[str] = []
    for key, value in because.items():
        field, side = split_key(key)
        if side is None and isinstance(value, Mapping) and value and set(value) <= set(SIDES):
            lines.extend(
                describe(questionnaire, field, value, side=s, audience=audience, language=language)
                for s in SIDES
                if s in value
            )
        else:
            lines.append(describe(questionnaire, field, value, side=side, audience=audience, language=language))
    return lines
