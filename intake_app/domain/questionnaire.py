"""The questionnaire, loaded from forms/<id>/<version>.yaml and checked on load.

This is the single definition of every intake question: the GUI builds its form from it, the
reports print its wording, validation and exports use its field names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from intake_app.domain.language import ENGLISH, LANGUAGES, Text, coerce_texts
from intake_app.errors import IntakeError
from intake_app.resources import forms_dir

DEFAULT_QUESTIONNAIRE = "foot-leg-intake/2"

FIELD_TYPES = frozenset(
    {"text", "date", "sex", "integer", "choice", "multi", "per_side_regions", "per_side_choice", "per_side_text"}
)
PARTS = frozenset({"answers", "patient", "visit"})
SIDES = ("left", "right")
PER_SIDE_TYPES = frozenset({"per_side_regions", "per_side_choice", "per_side_text"})
TEXT_TYPES = frozenset({"text", "per_side_text"})
# "<id>/<version>": a lower-case id of letters, digits and hyphens, and a whole version number.
REFERENCE_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,47}/[1-9][0-9]{0,3}")


# libyaml's safe loader is ten times faster than the pure-Python one; both accept the same documents.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class QuestionnaireError(IntakeError):
    """A questionnaire file is missing or broken; the message names the file and the key."""


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

    @property
    def texts(self) -> tuple[tuple[str, Text], ...]:
        """Every display text of the question and its options, named ("label", "options(new).patient")."""
        named = [(name, getattr(self, name)) for name in ("label", "short", "help", "unit", "patient", "help_patient")]
        for option in self.options:
            named.extend((f"options({option.value}).{name}", getattr(option, name))
                         for name in ("label", "short", "patient"))
        return tuple((name, text) for name, text in named if text)

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    @property
    def per_side(self) -> bool:
        return self.type in PER_SIDE_TYPES

    def is_unanswered(self, value: Any) -> bool:
        """No answer for `required`: blank, or one of `counts_as_unanswered`."""
        return _is_blank(value) or (isinstance(value, str) and value in self.counts_as_unanswered)

    def option_label(self, value: str, language: str = ENGLISH) -> str:
        for option in self.options:
            if option.value == value:
                return option.label.text(language)
        return value

    def option(self, value: str) -> Option | None:
        for option in self.options:
            if option.value == value:
                return option
        return None


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

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @property
    def answer_questions(self) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.part == "answers")

    @property
    def red_flag_ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if q.red_flag)

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(r.value for r in self.regions)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def has_question(self, question_id: str) -> bool:
        return any(q.id == question_id for q in self.questions)

    def region_label(self, region_id: str, language: str = ENGLISH) -> str:
        for region in self.regions:
            if region.value == region_id:
                return region.label.text(language)
        return region_id

    def side_label(self, side: str, language: str = ENGLISH) -> str:
        for option in self.sides:
            if option.value == side:
                return option.label.text(language)
        return side

    def section_of(self, question_id: str) -> Section:
        for section in self.sections:
            if any(q.id == question_id for q in section.questions):
                return section
        raise KeyError(question_id)

    def texts(self) -> tuple[tuple[str, Text], ...]:
        """Every display text of the questionnaire, each named by where it is
        ("title", "regions(heel).label", "sections(safety).title", "rf_saddle_numbness.patient")."""
        named: list[tuple[str, Text]] = [("title", self.title)]
        named.extend((f"regions({r.value}).label", r.label) for r in self.regions)
        named.extend((f"sides({s.value}).label", s.label) for s in self.sides)
        for section in self.sections:
            named.extend((f"sections({section.id}).{name}", getattr(section, name))
                         for name in ("title", "intro", "patient") if getattr(section, name))
            for question in section.questions:
                named.extend((f"{question.id}.{name}", text) for name, text in question.texts)
        return tuple(named)

    def text(self, key: str, language: str = ENGLISH) -> str:
        """One display text by its name in `texts()` ("sections(safety).title"), in `language`."""
        for name, text in self.texts():
            if name == key:
                return text.text(language)
        raise KeyError(key)

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


# --- loading ---------------------------------------------------------------------------------


class _Reader:
    """Reads one YAML mapping with error messages that name the file and the key path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> QuestionnaireError:
        return QuestionnaireError(f"{self.path.name}: {key}: {problem}")

    def mapping(self, value: Any, key: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(key, "expected a mapping of keys to values")
        return value

    def seq(self, value: Any, key: str) -> list[Any]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, "expected a non-empty list")
        return value

    def text(self, data: Mapping[str, Any], name: str, key: str, *, required: bool = True) -> Text:
        """A display text: plain (English) text, or `{en: ..., es: ...}` with an English wording."""
        value = data.get(name)
        if value is None and not required:
            return _EMPTY
        if isinstance(value, Mapping):
            translations: dict[str, str] = {}
            for language, wording in value.items():
                if language not in LANGUAGES:
                    raise self.fail(f"{key}.{name}.{language}", f"unknown language; expected one of {list(LANGUAGES)}")
                if not isinstance(wording, str) or not wording.strip():
                    raise self.fail(f"{key}.{name}.{language}", "expected non-empty text")
                translations[str(language)] = wording.strip()
            if ENGLISH not in translations:
                raise self.fail(f"{key}.{name}", "a translated text needs its English wording (en)")
            return Text(translations[ENGLISH], translations)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key}.{name}", "expected non-empty text")
        return Text(value.strip())

    def integer(self, data: Mapping[str, Any], name: str, key: str) -> int | None:
        value = data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{key}.{name}", "expected a whole number")
        return value

    def options(self, value: Any, key: str) -> tuple[Option, ...]:
        options = []
        for i, item in enumerate(self.seq(value, key)):
            item_key = f"{key}[{i}]"
            item = self.mapping(item, item_key)
            extra = sorted(str(k) for k in set(item) - {"value", "id", "label", "short", "patient"})
            if extra:
                raise self.fail(f"{item_key}.{extra[0]}", "unknown key (quote labels that contain a comma)")
            raw = item.get("value", item.get("id"))
            if raw is None or isinstance(raw, bool | Mapping | list):
                raise self.fail(f"{item_key}.value", "expected a value (quote yes/no in YAML)")
            options.append(
                Option(str(raw), self.text(item, "label", item_key), self.text(item, "short", item_key, required=False),
                       self.text(item, "patient", item_key, required=False))
            )
        values = [o.value for o in options]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise self.fail(key, f"duplicate values {duplicates}")
        return tuple(options)


_QUESTION_KEYS = frozenset(
    {"id", "type", "label", "help", "part", "required", "red_flag", "options", "min", "max",
     "max_length", "unit", "show_if", "exclusive", "short", "multiline", "counts_as_unanswered",
     "patient", "help_patient"}
)


def _read_question(r: _Reader, raw: Any, key: str) -> Question:
    data = r.mapping(raw, key)
    qid = r.text(data, "id", key)
    key = f"{key}({qid})"
    unknown = sorted(set(data) - _QUESTION_KEYS)
    if unknown:
        raise r.fail(f"{key}.{unknown[0]}", "unknown key")
    qtype = r.text(data, "type", key)
    if qtype not in FIELD_TYPES:
        raise r.fail(f"{key}.type", f"unknown type {qtype!r}; expected one of {sorted(FIELD_TYPES)}")
    part = str(data.get("part", "answers"))
    if part not in PARTS:
        raise r.fail(f"{key}.part", f"expected one of {sorted(PARTS)}")
    options: tuple[Option, ...] = ()
    if qtype in {"choice", "multi", "per_side_choice", "sex"}:
        options = r.options(data.get("options"), f"{key}.options")
    elif "options" in data:
        raise r.fail(f"{key}.options", f"a {qtype} question takes no options")
    show_if: ShowIf | None = None
    if "show_if" in data:
        raw_show_if = r.mapping(data["show_if"], f"{key}.show_if")
        if "any" in raw_show_if:
            if set(raw_show_if) != {"any"}:
                raise r.fail(f"{key}.show_if", "'any' takes a list of conditions and nothing beside it")
            items = r.seq(raw_show_if["any"], f"{key}.show_if.any")
            show_if = AnyOf(tuple(_read_condition(r, item, f"{key}.show_if.any[{i}]") for i, item in enumerate(items)))
        else:
            show_if = _read_condition(r, raw_show_if, f"{key}.show_if")
    exclusive = tuple(str(v) for v in data.get("exclusive", ()) or ())
    for value in exclusive:
        if value not in {o.value for o in options}:
            raise r.fail(f"{key}.exclusive", f"{value!r} is not one of the options")
    counts_as_unanswered = tuple(str(v) for v in data.get("counts_as_unanswered", ()) or ())
    for value in counts_as_unanswered:
        if value not in {o.value for o in options}:
            raise r.fail(f"{key}.counts_as_unanswered", f"{value!r} is not one of the options")
    for flag in ("required", "red_flag", "multiline"):
        if not isinstance(data.get(flag, False), bool):
            raise r.fail(f"{key}.{flag}", "expected true or false")
    question = Question(
        id=qid,
        type=qtype,
        label=r.text(data, "label", key),
        help=r.text(data, "help", key, required=False),
        part=part,
        required=bool(data.get("required", False)),
        red_flag=bool(data.get("red_flag", False)),
        options=options,
        minimum=r.integer(data, "min", key),
        maximum=r.integer(data, "max", key),
        max_length=r.integer(data, "max_length", key),
        unit=r.text(data, "unit", key, required=False),
        show_if=show_if,
        exclusive=exclusive,
        short=_short_label(r, data, key),
        multiline=bool(data.get("multiline", False)),
        counts_as_unanswered=counts_as_unanswered,
        patient=r.text(data, "patient", key, required=False),
        help_patient=r.text(data, "help_patient", key, required=False),
    )
    if question.multiline and qtype not in TEXT_TYPES:
        raise r.fail(f"{key}.multiline", "only a text question can be multiline")
    if question.max_length is not None and qtype not in TEXT_TYPES:
        raise r.fail(f"{key}.max_length", "only a text question has a maximum length")
    if question.show_if is not None and question.show_if.per_side and not question.per_side:
        raise r.fail(f"{key}.show_if.per_side", "only a per-side question can be asked per side")
    if question.red_flag and "unknown" not in question.values:
        raise r.fail(f"{key}.options", "a red-flag question needs an 'unknown' (not asked) option")
    if qtype == "integer" and (question.minimum is None or question.maximum is None):
        raise r.fail(key, "an integer question needs min and max")
    return question


SIDE_PLACEHOLDER = "{side}"
_CONDITION_KEYS = frozenset({"field", "in", "not_in", "answered", "per_side"})


def _read_condition(r: _Reader, raw: Any, key: str) -> Condition:
    cond = r.mapping(raw, key)
    unknown = sorted(str(k) for k in set(cond) - _CONDITION_KEYS)
    if unknown:
        raise r.fail(f"{key}.{unknown[0]}", "unknown key")
    target = r.text(cond, "field", key)
    kinds = [k for k in ("in", "not_in", "answered") if k in cond]
    if len(kinds) != 1:
        raise r.fail(key, "give exactly one of 'in', 'not_in' or 'answered'")
    for flag in ("answered", "per_side"):
        if not isinstance(cond.get(flag, True), bool):
            raise r.fail(f"{key}.{flag}", "expected true or false")
    if kinds[0] == "answered":
        if cond["answered"] is not True:
            raise r.fail(f"{key}.answered", "write 'answered: true' (or use 'in'/'not_in')")
        return Condition(target, frozenset(), False, answered=True, per_side=bool(cond.get("per_side", False)))
    negate = kinds[0] == "not_in"
    values = r.seq(cond[kinds[0]], key)
    return Condition(
        target, frozenset(str(v) for v in values), negate, per_side=bool(cond.get("per_side", False))
    )


def _short_label(r: _Reader, data: Mapping[str, Any], key: str) -> Text:
    """A question's short label: plain text with at most one "{side}" (filled with "left"/"right"),
    in every language it is given in."""
    short = r.text(data, "short", key, required=False)
    for language, wording in short.translations.items():
        stripped = wording.replace(SIDE_PLACEHOLDER, "", 1)
        if "{" in stripped or "}" in stripped:
            raise r.fail(f"{key}.short", f'the only placeholder allowed is one "{{side}}" ({language})')
    return short


def parse_questionnaire(data: Any, path: Path) -> Questionnaire:
    """Build a Questionnaire from loaded YAML, checking every key; errors name file and key."""
    r = _Reader(path)
    top = r.mapping(data, "(top)")
    qid = r.text(top, "id", "(top)")
    version = r.integer(top, "version", "(top)")
    if version is None or version < 1:
        raise r.fail("version", "expected a whole number of 1 or more")
    regions = r.options(top.get("regions"), "regions")
    region_ids = {o.value for o in regions}
    groups_raw = r.mapping(top.get("region_groups", {}), "region_groups")
    groups: dict[str, tuple[str, ...]] = {}
    for name, members in groups_raw.items():
        members_list = [str(m) for m in r.seq(members, f"region_groups.{name}")]
        bad = [m for m in members_list if m not in region_ids]
        if bad:
            raise r.fail(f"region_groups.{name}", f"unknown region {bad[0]!r}")
        groups[str(name)] = tuple(members_list)
    sides = r.options(top.get("sides"), "sides")
    if tuple(o.value for o in sides) != SIDES:
        raise r.fail("sides", "expected exactly left and right")
    sections = []
    seen: set[str] = set()
    for i, raw_section in enumerate(r.seq(top.get("sections"), "sections")):
        skey = f"sections[{i}]"
        sdata = r.mapping(raw_section, skey)
        sid = r.text(sdata, "id", skey)
        skey = f"sections({sid})"
        questions = []
        for j, raw_q in enumerate(r.seq(sdata.get("fields"), f"{skey}.fields")):
            q = _read_question(r, raw_q, f"{skey}.fields[{j}]")
            if q.id in seen:
                raise r.fail(f"{skey}.fields({q.id})", "field defined twice")
            seen.add(q.id)
            questions.append(q)
        unknown_keys = sorted(str(k) for k in set(sdata) - {"id", "title", "intro", "patient", "fields"})
        if unknown_keys:
            raise r.fail(f"{skey}.{unknown_keys[0]}", "unknown key")
        sections.append(
            Section(sid, r.text(sdata, "title", skey), tuple(questions),
                    r.text(sdata, "intro", skey, required=False), r.text(sdata, "patient", skey, required=False))
        )
    questionnaire = Questionnaire(
        id=qid, version=version, title=r.text(top, "title", "(top)"), regions=regions,
        region_groups=groups, sides=sides, sections=tuple(sections), source=path,
    )
    for q in questionnaire.questions:
        if q.show_if is None:
            continue
        for target in q.show_if.fields:
            if not questionnaire.has_question(target):
                raise r.fail(f"{q.id}.show_if.field", f"unknown field {target!r}")
            if q.show_if.per_side and not questionnaire.question(target).per_side:
                raise r.fail(f"{q.id}.show_if.per_side", f"{target!r} is not a per-side field")
    return questionnaire


def installed_questionnaires() -> tuple[str, ...]:
    """The references ("foot-leg-intake/1", ...) of every questionnaire file in forms/, in order."""
    refs: list[str] = []
    for folder in sorted(p for p in forms_dir().iterdir() if p.is_dir() and not p.name.startswith(".")):
        versions = sorted(int(f.stem) for f in folder.glob("*.yaml") if f.stem.isdigit())
        refs.extend(f"{folder.name}/{v}" for v in versions)
    return tuple(refs)


def is_reference(ref: Any) -> bool:
    """Whether `ref` has the shape of a questionnaire reference ("foot-leg-intake/2")."""
    return isinstance(ref, str) and REFERENCE_PATTERN.fullmatch(ref) is not None


def questionnaire_path(ref: str) -> Path:
    if not is_reference(ref):
        shown = repr(ref) if len(repr(ref)) <= 40 else repr(ref)[:37] + "..."
        raise QuestionnaireError(f"{shown} is not a questionnaire reference like {DEFAULT_QUESTIONNAIRE!r}")
    qid, _, version = ref.partition("/")
    return forms_dir() / qid / f"{version}.yaml"


def load_questionnaire_file(path: Path) -> Questionnaire:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QuestionnaireError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    try:
        data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C-accelerated when available
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise QuestionnaireError(f"{path.name}: not valid YAML{where}") from None
    return parse_questionnaire(data, path)


@cache
def load_questionnaire(ref: str = DEFAULT_QUESTIONNAIRE) -> Questionnaire:
    """The questionnaire named by `ref` ("<id>/<version>"), loaded once and cached."""
    path = questionnaire_path(ref)
    if not path.is_file():
        raise QuestionnaireError(f"questionnaire {ref!r} is not installed (no {path.name})")
    questionnaire = load_questionnaire_file(path)
    if questionnaire.ref != ref:
        raise QuestionnaireError(f"{path.name}: id/version say {questionnaire.ref!r}, expected {ref!r}")
    return questionnaire

