"""The questionnaire, loaded from forms/<id>/<version>.yaml and checked on load.

This is the single definition of every intake question: the GUI builds its form from it, the
reports print its wording, validation and exports use its field names. The objects it builds are
described in `questionnaire_model.py` and re-exported here.

Loaded once per process: each questionnaire by its reference, and the list of installed ones (the
forms/ folder does not change while the program runs; pass a folder to list another one).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from intake_app.domain.language import ENGLISH, LANGUAGES, Text
from intake_app.domain.questionnaire_model import (
    FIELD_TYPES,
    PARTS,
    PER_SIDE_TYPES,
    SIDES,
    TEXT_TYPES,
    AnyOf,
    Condition,
    Option,
    Question,
    Questionnaire,
    Section,
    ShowIf,
)
from intake_app.errors import IntakeError
from intake_app.resources import forms_dir
from intake_app.translation_marks import QT_TRANSLATE_NOOP

__all__ = [
    "DEFAULT_QUESTIONNAIRE",
    "FIELD_TYPES",
    "PARTS",
    "PER_SIDE_TYPES",
    "REFERENCE_PATTERN",
    "SIDES",
    "SIDE_PLACEHOLDER",
    "TEXT_TYPES",
    "AnyOf",
    "Condition",
    "Option",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Section",
    "ShowIf",
    "installed_questionnaires",
    "is_reference",
    "load_questionnaire",
    "load_questionnaire_file",
    "parse_questionnaire",
    "questionnaire_path",
]

DEFAULT_QUESTIONNAIRE = "foot-leg-intake/2"

# "<id>/<version>": a lower-case id of letters, digits and hyphens, and a whole version number.
REFERENCE_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,47}/[1-9][0-9]{0,3}")


# libyaml's safe loader is ten times faster than the pure-Python one; both accept the same documents.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class QuestionnaireError(IntakeError):
    """A questionnaire file is missing or broken; the message names the file and the key."""


_EMPTY = Text("")


# --- loading ---------------------------------------------------------------------------------


class _Reader:
    """Reads one YAML mapping with error messages that name the file and the key path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> QuestionnaireError:
        return QuestionnaireError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: {key}: {problem}"),
            params={"name": self.path.name, "key": key, "problem": problem},
        )

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


def installed_questionnaires(forms: Path | None = None) -> tuple[str, ...]:
    """The references ("foot-leg-intake/1", ...) of every questionnaire file in forms/, in order.

    The installed forms/ folder is listed once per process (every document read asks); a folder
    passed in is listed afresh each time.
    """
    return _installed() if forms is None else _listing(forms)


@cache
def _installed() -> tuple[str, ...]:
    return _listing(forms_dir())


def _listing(forms: Path) -> tuple[str, ...]:
    refs: list[str] = []
    for folder in sorted(p for p in forms.iterdir() if p.is_dir() and not p.name.startswith(".")):
        versions = sorted(int(f.stem) for f in folder.glob("*.yaml") if f.stem.isdigit())
        refs.extend(f"{folder.name}/{v}" for v in versions)
    return tuple(refs)


def is_reference(ref: Any) -> bool:
    """Whether `ref` has the shape of a questionnaire reference ("foot-leg-intake/2")."""
    return isinstance(ref, str) and REFERENCE_PATTERN.fullmatch(ref) is not None


def questionnaire_path(ref: str) -> Path:
    if not is_reference(ref):
        shown = repr(ref) if len(repr(ref)) <= 40 else repr(ref)[:37] + "..."
        raise QuestionnaireError(
            QT_TRANSLATE_NOOP("IntakeError", "{shown} is not a questionnaire reference like {default_questionnaire}"),
            params={"shown": shown, "default_questionnaire": repr(DEFAULT_QUESTIONNAIRE)},
        )
    qid, _, version = ref.partition("/")
    return forms_dir() / qid / f"{version}.yaml"


def load_questionnaire_file(path: Path) -> Questionnaire:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QuestionnaireError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: cannot be read ({strerror})"),
            params={"name": path.name, "strerror": exc.strerror or exc},
        ) from None
    try:
        data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a safe loader, C-accelerated when available
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            raise QuestionnaireError(QT_TRANSLATE_NOOP("IntakeError", "{name}: not valid YAML at line {line}"),
                                     params={"name": path.name, "line": mark.line + 1}) from None
        raise QuestionnaireError(QT_TRANSLATE_NOOP("IntakeError", "{name}: not valid YAML"),
                                 params={"name": path.name}) from None

    return parse_questionnaire(data, path)


@cache
def load_questionnaire(ref: str = DEFAULT_QUESTIONNAIRE) -> Questionnaire:
    """The questionnaire named by `ref` ("<id>/<version>"), loaded once and cached."""
    path = questionnaire_path(ref)
    if not path.is_file():
        raise QuestionnaireError(
            QT_TRANSLATE_NOOP("IntakeError", "questionnaire {ref} is not installed (no {name})"),
            params={"ref": repr(ref), "name": path.name},
        )
    questionnaire = load_questionnaire_file(path)
    if questionnaire.ref != ref:
        raise QuestionnaireError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: id/version say {ref}, expected {ref2}"),
            params={"name": path.name, "ref": repr(questionnaire.ref), "ref2": repr(ref)},
        )
    return questionnaire

