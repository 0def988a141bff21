"""What input can be stored: checks on every file, document and typed name before anything is stored."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from intake_app.errors import InvalidInput, phrase
from intake_app.translation_marks import QT_TRANSLATE_NOOP

# --- what input can be stored ---------------------------------------------------------------------
# Checked before a document reaches validation, for every command and the GUI alike: a field-named
# message, nothing stored, nothing silently changed.

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NESTING = 10  # a document is at most 4 levels deep (answers -> field -> side -> list)
MAX_REFERENCE_LENGTH = 60  # the stored questionnaire reference column
# Bidi embedding, override and isolate controls: they can make a name display as another name.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FREE_TEXT_BREAKS = frozenset("\t\n\r")


def _is_name_field(where: str) -> bool:
    return where.startswith("patient.") or where == "questionnaire" or ".patient." in where


def _text_problem(text: str, where: str) -> str | None:
    if text.isprintable():  # every character refused below is a non-printable one (Cc, Cs, Cf, Zl, Zp)
        return None
    single_line = _is_name_field(where)
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return phrase(QT_TRANSLATE_NOOP("IntakeError", "contains a broken character (an unpaired surrogate)"))
        category = unicodedata.category(char)
        if category == "Cc" and not (char in FREE_TEXT_BREAKS and not single_line):
            return phrase(
                QT_TRANSLATE_NOOP("IntakeError", "contains a control character ({code}); remove it and try again"),
                {"code": f"U+{code:04X}"},
            )
        if single_line and category in ("Zl", "Zp"):
            return phrase(QT_TRANSLATE_NOOP("IntakeError", "contains a line break ({code}); a name is one line"),
                          {"code": f"U+{code:04X}"})
        if single_line and char in BIDI_CONTROLS:
            return phrase(QT_TRANSLATE_NOOP(
                "IntakeError", "contains a text-direction control ({code}) that can disguise a name; remove it"),
                {"code": f"U+{code:04X}"})
    return None


def check_input(data: Any, where: str = "") -> list[tuple[str, str]]:
    """Problems that make a JSON value unstorable, each as (field, message); [] when it is fine."""
    problems: list[tuple[str, str]] = []
    stack: list[tuple[Any, str, int]] = [(data, where, 0)]
    while stack:
        value, at, depth = stack.pop()
        label = at or "(document)"
        if depth > MAX_NESTING:
            problems.append(
                (
                    label,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "is nested more than {most} levels deep"),
                        {"most": MAX_NESTING},
                    ),
                )
            )
            continue
        if isinstance(value, str):
            problem = _text_problem(value, at)
            if problem:
                problems.append((label, problem))
            if at.endswith("questionnaire") and len(value) > MAX_REFERENCE_LENGTH:
                problems.append(
                    (
                        label,
                        phrase(
                            QT_TRANSLATE_NOOP("IntakeError", "is {count} characters long; at most {limit} allowed"),
                            {"count": len(value), "limit": MAX_REFERENCE_LENGTH},
                        ),
                    )
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                key_text = str(key)
                key_problem = _text_problem(key_text, "patient.key")
                if key_problem:
                    problems.append((f"{at}.(a field name)" if at else "(a field name)", key_problem))
                    continue
                stack.append((item, f"{at}.{key_text}" if at else key_text, depth + 1))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                stack.append((item, f"{at}[{n}]", depth + 1))
        elif isinstance(value, float) and value != value:  # NaN
            problems.append((label, phrase(QT_TRANSLATE_NOOP("IntakeError", "is not a number"))))
    return sorted(problems)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in an intake document")


def read_json_file(path: str | Path, *, check: bool = True) -> Any:
    """JSON from a file ('-' is stdin), with an InvalidInput naming the file (and field) on any failure:
    unreadable, not JSON, too large, too deeply nested, a number too long, or text that cannot be stored.

    `check=False` leaves out the intake-document checks (nesting, text) for a caller that checks what it
    takes from the file itself (a FHIR Bundle nests deeper than a document, and holds other text)."""
    import sys

    name = "standard input" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            text = sys.stdin.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: cannot be read ({reason})"),
            params={"name": name, "reason": reason},
        ) from None
    if len(text) > MAX_FILE_BYTES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: is larger than {size} MB; nothing was read"),
            params={"name": name, "size": MAX_FILE_BYTES // (1024 * 1024)},
        )
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: not valid JSON (line {lineno}, column {colno}: {msg})"),
            params={"name": name, "lineno": exc.lineno, "colno": exc.colno, "msg": exc.msg},
        ) from None
    except RecursionError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: is nested too deeply to be an intake document"),
            params={"name": name},
        ) from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "{name}: holds a number with thousands of digits; no answer needs one"
                ),
                params={"name": name},
            ) from None
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: {exc}"), params={"name": name, "exc": exc}
        ) from None
    problems = check_input(data) if check else []
    if problems:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: holds text or values that cannot be stored"),
            problems,
            params={"name": name},
        )
    return data


def documents_in(data: Any) -> list[Any]:
    """A file holds one intake document or a JSON array of them."""
    return list(data) if isinstance(data, list) else [data]


def _refuse_unstorable(raw: Any) -> None:
    problems = check_input(raw)
    if problems:
        raise InvalidInput(QT_TRANSLATE_NOOP("IntakeError", "Some text cannot be stored"), problems)


def _person(field: str, value: str, *, limit: int = 100, single_line: bool = True) -> str:
    """A name, role or reason typed by a person: required, limited, storable."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{field}: is required"),
            [(field, phrase(QT_TRANSLATE_NOOP("IntakeError", "is required")))],
            params={"field": field},
        )
    if len(text) > limit:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{field}: too long"),
            [
                (
                    field,
                    phrase(
                        QT_TRANSLATE_NOOP("IntakeError", "is {count} characters long; at most {limit} allowed"),
                        {"count": len(text), "limit": limit},
                    ),
                )
            ],
            params={"field": field},
        )
    problem = _text_problem(text, "patient.name" if single_line else "answers.text")
    if problem:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{field}: {problem}"),
            [(field, problem)],
            params={"field": field, "problem": problem},
        )
    return text
