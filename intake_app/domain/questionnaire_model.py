"""What a questionnaire is once loaded: its questions, options, sections and show-if conditions.

Every object is frozen. A questionnaire's lookups by id (questions, sections, regions, sides, display
texts) are built once, on first use, into read-only mappings: the window asks for a question by id many
times on each click, and a linear search over some sixty questions each time added up.
Loading and checking the YAML files is in `questionnaire.py`, which re-exports these names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from intake_app.domain.language import ENGLISH, Text, coerce_texts

FIELD_TYPES = frozenset(
    {"text", "date", "sex", "integer", "choice", "multi", "per_side_regions", "per_side_choice", "per_side_text"}
)
PARTS = frozenset({"answers", "patient", "visit"})
SIDES = ("left", "right")
PER_SIDE_TYPES = frozenset({"per_side_regions", "per_side_choice", "per_side_text"})
TEXT_TYPES = frozenset({"text", "per_side_text"})
T = TypeVar("T")


_EMPTY = Text("")


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    short: Text = _EMPTY  # display-only: a shorter wording for printed lines ("the foot" for "Into the foot")
    patient: Text = _EMPTY  # display-only: the wording a patient reads ("I don't know" for "Not asked")

    def __post_init__(self) -> None:
        coerce_texts(self, ("label", "short", "patient"))

    @property
    def printed(self) -> Text:
        return self.short or self.label

    @property
    def for_patient(self) -> Text:
        """The wording a patient reads: the patient wording, else the full label."""
        return self.patient or self.label


def _first_by_key(pairs: Iterable[tuple[str, T]]) -> Mapping[str, T]:
    """A read-only mapping of each key to the first item given for it (what a linear search found)."""
    index: dict[str, T] = {}
    for key, item in pairs:
        index.setdefault(key, item)
    return MappingProxyType(index)


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, list | tuple | Mapping) and not value)


@dataclass(frozen=True)
class Condition:
    """Show a question only while another answer is (or is not) one of some values, or is given.

    `answered` holds for any non-empty answer other than "none". For a per-side field the
    condition holds when either side meets it, unless `per_side` is set: then `holds(answers, side)`
    judges that one side only (a per-side question asked only for the sides that meet it).
    An unanswered field never meets a condition.
    """

    field: str
    values: frozenset[str]
    negate: bool
    answered: bool = False
    per_side: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field,)

    def holds(self, answers: Mapping[str, Any], side: str | None = None) -> bool:
        value = answers.get(self.field)
        if value is None:
            return False
        if isinstance(value, Mapping):
            sides = (side,) if self.per_side and side is not None else SIDES
            parts = [value.get(s) for s in sides]
        else:
            parts = [value]
        # Each chosen value on its own: a list (several choices, or one side's regions) is flattened.
        candidates: list[str] = []
        for part in parts:
            items = part if isinstance(part, list | tuple) else [part]
            candidates.extend(item for item in items if isinstance(item, str) and item != "")
        if not candidates:
            return False
        if self.answered:
            return any(c != "none" for c in candidates)
        if self.negate:
            return any(c not in self.values for c in candidates)
        return any(c in self.values for c in candidates)


@dataclass(frozen=True)
class AnyOf:
    """Holds when one of its conditions holds."""

    conditions: tuple[Condition, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.field for c in self.conditions)

    @property
    def per_side(self) -> bool:
        return any(c.per_side for c in self.conditions)

    def holds(self, answers: Mapping[str, Any], side: str | None = None) -> bool:
        return any(c.holds(answers, side) for c in self.conditions)


ShowIf = Condition | AnyOf


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    label: Text
    help: Text = _EMPTY
    part: str = "answers"
    required: bool = False
    red_flag: bool = False
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    unit: Text = _EMPTY
    show_if: ShowIf | None = None
    exclusive: tuple[str, ...] = ()
    short: Text = _EMPTY  # display-only: a short label for printed lines; may hold one "{side}" placeholder
    multiline: bool = False  # a text answer that keeps line breaks
    counts_as_unanswered: tuple[str, ...] = ()  # options that do not satisfy `required`
    patient: Text = _EMPTY  # display-only: the question as the patient reads it (patient mode)
    help_patient: Text = _EMPTY  # display-only: help for the patient

    def __post_init__(self) -> None:
        coerce_texts(self, ("label", "help", "unit", "short", "patient", "help_patient"))

    @cached_property
    def texts(self) -> tuple[tuple[str, Text], ...]:
        """Every display text of the question and its options, named ("label", "options(new).patient")."""
        named = [(name, getattr(self, name)) for name in ("label", "short", "help", "unit", "patient", "help_patient")]
        for option in self.options:
            named.extend((f"options({option.value}).{name}", getattr(option, name))
                         for name in ("label", "short", "patient"))
        return tuple((name, text) for name, text in named if text)

    @cached_property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    @cached_property
    def _option_index(self) -> Mapping[str, Option]:
        return _first_by_key((o.value, o) for o in self.options)

    @property
    def per_side(self) -> bool:
        return self.type in PER_SIDE_TYPES

    def is_unanswered(self, value: Any) -> bool:
        """No answer for `required`: blank, or one of `counts_as_unanswered`."""
        return _is_blank(value) or (isinstance(value, str) and value in self.counts_as_unanswered)

    def option_label(self, value: str, language: str = ENGLISH) -> str:
        option = self._option_index.get(value)
        return value if option is None else option.label.text(language)

    def option(self, value: str) -> Option | None:
        return self._option_index.get(value)


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]
    intro: Text = _EMPTY
    patient: Text = _EMPTY  # display-only: the section's title as a patient reads it

    def __post_init__(self) -> None:
        coerce_texts(self, ("title", "intro", "patient"))


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title: Text
    regions: tuple[Option, ...]
    region_groups: Mapping[str, tuple[str, ...]]
    sides: tuple[Option, ...]
    sections: tuple[Section, ...]
    source: Path = field(compare=False, repr=False, default=Path())

    def __post_init__(self) -> None:
        coerce_texts(self, ("title",))

    @property
    def ref(self) -> str:
        return f"{self.id}/{self.version}"

    # The tuples and lookups below are built on first use and kept: the questionnaire never changes.

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def answer_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.part == "answers")

    @cached_property
    def answer_index(self) -> Mapping[str, Question]:
        """The answer questions by id (read-only)."""
        return _first_by_key((q.id, q) for q in self.answer_questions)

    @cached_property
    def red_flag_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if q.red_flag)

    @cached_property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.regions)

    @cached_property
    def question_index(self) -> Mapping[str, Question]:
        """Every question by id (read-only)."""
        return _first_by_key((q.id, q) for q in self.questions)

    @cached_property
    def _section_index(self) -> Mapping[str, Section]:
        return _first_by_key((q.id, s) for s in self.sections for q in s.questions)

    @cached_property
    def _region_index(self) -> Mapping[str, Option]:
        return _first_by_key((r.value, r) for r in self.regions)

    @cached_property
    def _side_index(self) -> Mapping[str, Option]:
        return _first_by_key((o.value, o) for o in self.sides)

    @cached_property
    def _texts(self) -> tuple[tuple[str, Text], ...]:
        named: list[tuple[str, Text]] = [("title", self.title)]
        named.extend((f"regions({r.value}).label", r.label) for r in self.regions)
        named.extend((f"sides({s.value}).label", s.label) for s in self.sides)
        for section in self.sections:
            named.extend((f"sections({section.id}).{name}", getattr(section, name))
                         for name in ("title", "intro", "patient") if getattr(section, name))
            for question in section.questions:
                named.extend((f"{question.id}.{name}", text) for name, text in question.texts)
        return tuple(named)

    @cached_property
    def _text_index(self) -> Mapping[str, Text]:
        return _first_by_key(self._texts)

    def question(self, question_id: str) -> Question:
        return self.question_index[question_id]

    def has_question(self, question_id: str) -> bool:
        return question_id in self.question_index

    def region_label(self, region_id: str, language: str = ENGLISH) -> str:
        region = self._region_index.get(region_id)
        return region_id if region is None else region.label.text(language)

    def side_label(self, side: str, language: str = ENGLISH) -> str:
        option = self._side_index.get(side)
        return side if option is None else option.label.text(language)

    def section_of(self, question_id: str) -> Section:
        return self._section_index[question_id]

    def texts(self) -> tuple[tuple[str, Text], ...]:
        """Every display text of the questionnaire, each named by where it is
        ("title", "regions(heel).label", "sections(safety).title", "rf_saddle_numbness.patient")."""
        return self._texts

    def text(self, key: str, language: str = ENGLISH) -> str:
        """One display text by its name in `texts()` ("sections(safety).title"), in `language`."""
        return self._text_index[key].text(language)

    def is_shown(self, question: Question, answers: Mapping[str, Any]) -> bool:
        """Whether a question applies, given the answers so far (its `show_if` condition);
        a per-side question judged per side is shown when it applies to either side."""
        return question.show_if is None or question.show_if.holds(answers)

    def shown_sides(self, question: Question, answers: Mapping[str, Any]) -> tuple[str, ...]:
        """The sides a per-side question is asked for: both, unless its condition is judged per
        side (then only the sides that meet it). A question that is not per side: both or none."""
        if question.show_if is None:
            return SIDES
        if question.per_side and question.show_if.per_side:
            return tuple(side for side in SIDES if question.show_if.holds(answers, side))
        return SIDES if question.show_if.holds(answers) else ()

    def missing_required(self, answers: Mapping[str, Any]) -> list[str]:
        """Required questions asked but not answered: "field", or "field.side" for a per-side
        question (required for each side it is asked for). Options listed in
        `counts_as_unanswered` do not count as an answer here."""
        missing: list[str] = []
        for question in self.answer_questions:
            if not question.required:
                continue
            value = answers.get(question.id)
            if question.per_side:
                per_side = value if isinstance(value, Mapping) else {}
                for side in self.shown_sides(question, answers):
                    if question.is_unanswered(per_side.get(side)):
                        missing.append(f"{question.id}.{side}")
            elif self.is_shown(question, answers) and question.is_unanswered(value):
                missing.append(question.id)
        return missing
