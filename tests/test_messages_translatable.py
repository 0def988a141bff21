"""Issue 16 item 3 (languages), error messages: every message, hint and problem text an IntakeError carries
is a template marked with QT_TRANSLATE_NOOP("IntakeError", ...) with named parameters, translated in
resources/translations/messages_es.ts; the English (str, logs, the command line) stays as it was.

SCOPE is every module below the gui (and two gui modules); a module holding marked templates must be named in
translation_marks.MESSAGE_SOURCES, so pyside6-lupdate reads it.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import intake_app
from intake_app.errors import IntakeError, Phrase, phrase
from intake_app.translation_marks import MARKED_SOURCES, MESSAGE_SOURCES, QT_TRANSLATE_NOOP

PACKAGE = Path(intake_app.__file__).resolve().parent
MESSAGES_TS = PACKAGE.parent / "resources" / "translations" / "messages_es.ts"

# The gui's own words go through self.tr; these two gui modules also build field problems for the services.
GUI_IN_SCOPE = ("gui/messages.py", "gui/patient_dialog.py")
#: The modules whose IntakeError messages must all be marked templates (paths inside intake_app/): every
#: module below the gui (a new one is checked from its first line), and the two gui modules above.
SCOPE: tuple[str, ...] = (
    *sorted(str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
            if path.relative_to(PACKAGE).parts[0] != "gui" and "migrations" not in path.parts
            and path.name != "__main__.py"),  # imported by the checks below; it would run the command line
    *GUI_IN_SCOPE,
)

CONTEXT = "IntakeError"
_PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def _error_classes() -> set[str]:
    """The names of IntakeError and every subclass of it the program defines."""
    import importlib

    for relative in (*SCOPE, "gui/printing.py", "services/clinic.py"):
        importlib.import_module("intake_app." + relative.removesuffix(".py").replace("/", "."))
    names, todo = set(), [IntakeError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return names


ERROR_CLASSES = _error_classes()


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_mark(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP"


def _marked_in_context(node: ast.Call) -> bool:
    return (len(node.args) == 2 and isinstance(node.args[0], ast.Constant) and node.args[0].value == CONTEXT
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str))


def _unmarked(node: ast.AST | None) -> list[ast.AST]:
    """The places in `node` where words are written without a mark: a string literal, an f-string, words
    glued or formatted together; a QT_TRANSLATE_NOOP outside the messages' context."""
    if node is None:
        return []
    if _is_mark(node):
        assert isinstance(node, ast.Call)
        return [] if _marked_in_context(node) else [node]
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and node.value else []
    if isinstance(node, ast.JoinedStr):
        return [node]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return [node]
    if isinstance(node, ast.Call):
        if _name(node.func) in ("format", "replace", "join", "format_map"):
            return [node]
        if _name(node.func) in ("phrase", "Phrase"):
            return _unmarked(node.args[0]) if node.args else []
        return []
    if isinstance(node, ast.IfExp):
        return _unmarked(node.body) + _unmarked(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [bad for value in node.values for bad in _unmarked(value)]
    return []  # a name, an attribute, a subscript: checked where it is defined (module constants below)


def _problem_texts(node: ast.Call) -> list[ast.expr]:
    """The problem texts a call hands on: problem(where, text), problems.add(where, text),
    problems.append((where, text)), _csv_problem(line, field, text), and (field, text) pairs in a list."""
    name = _name(node.func)
    if name == "problem" and len(node.args) >= 2:
        return [node.args[1]]
    if name == "add" and len(node.args) == 2 and "problem" in ast.unparse(node.func):
        return [node.args[1]]
    if name == "append" and "problem" in ast.unparse(node.func) and node.args and isinstance(node.args[0], ast.Tuple):
        return node.args[0].elts[1:2]
    if name == "_csv_problem" and len(node.args) >= 3:
        return [node.args[2]]
    return []


def _pairs(node: ast.expr) -> list[ast.expr]:
    """The texts of a list of (field, text) pairs (the problems of an InvalidInput)."""
    if isinstance(node, (ast.List, ast.Tuple)):
        return [e.elts[1] for e in node.elts if isinstance(e, ast.Tuple) and len(e.elts) == 2]
    return []


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    found: dict[str, ast.expr] = {}
    for statement in tree.body:
        targets = statement.targets if isinstance(statement, ast.Assign) else []
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            found[targets[0].id] = statement.value

        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value:
            found[statement.target.id] = statement.value
    return found


def _constant_words(value: ast.expr) -> list[ast.AST]:
    """A module constant used as a message: its words must be marked (a dict's keys are not words)."""
    if isinstance(value, ast.Dict):
        return [bad for v in value.values for bad in _constant_words(v)]
    if isinstance(value, (ast.Tuple, ast.List)):
        return [bad for v in value.elts for bad in _constant_words(v)]
    return _unmarked(value)


def _direct_names(node: ast.expr) -> set[str]:
    """The constants a message is taken from directly (MESSAGE, MESSAGES[key], A if x else B)."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.Subscript):
        return _direct_names(node.value)
    if isinstance(node, ast.IfExp):
        return _direct_names(node.body) | _direct_names(node.orelse)
    return set()


def unmarked_messages(relative: str) -> list[str]:
    """Every message, hint or problem text of one module that is not a marked template, as file:line."""
    return unmarked_in(relative, (PACKAGE / relative).read_text(encoding="utf-8"))


def unmarked_in(relative: str, source: str) -> list[str]:
    tree = ast.parse(source)
    constants = _module_constants(tree)
    bad: list[ast.AST] = []
    used_names: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        texts: list[ast.expr] = []
        if _name(node.func) in ERROR_CLASSES or (
                _name(node.func) == "__init__" and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Call) and _name(node.func.value.func) == "super"):
            for arg in node.args:
                texts.extend(_pairs(arg) or [arg])
            texts += [k.value for k in node.keywords if k.arg == "hint"]
            texts += [p for k in node.keywords if k.arg == "problems" for p in _pairs(k.value)]
        elif _name(node.func) in ("phrase", "Phrase") and node.args:
            texts.append(node.args[0])
        texts += _problem_texts(node)
        for text in texts:
            bad += _unmarked(text)
            used_names.update(_direct_names(text))
    for name in sorted(used_names & set(constants)):
        if name.isupper() or (name.startswith("_") and name[1:].isupper()):
            bad += _constant_words(constants[name])
    return [f"{relative}:{getattr(node, 'lineno', '?')}: {ast.unparse(node)[:90]}" for node in bad]  # type: ignore[arg-type]


def marked_templates(relative: str) -> set[str]:
    """The templates a module marks in the messages' context (QT_TRANSLATE_NOOP and translate calls)."""
    tree = ast.parse((PACKAGE / relative).read_text(encoding="utf-8"))
    return {node.args[1].value for node in ast.walk(tree)  # type: ignore[attr-defined]
            if isinstance(node, ast.Call) and _name(node.func) in ("QT_TRANSLATE_NOOP", "translate")
            and _marked_in_context(node)}


def spanish() -> dict[str, tuple[str, str | None]]:
    """messages_es.ts: source -> (translation, its type attribute: None when finished)."""
    root = ElementTree.parse(MESSAGES_TS).getroot()  # noqa: S314 (our own file)
    found: dict[str, tuple[str, str | None]] = {}
    for context in root.iter("context"):
        assert context.findtext("name") == CONTEXT
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = (translation.text or "", translation.get("type"))
    return found


def test_the_scope_is_read_by_lupdate() -> None:
    with_templates = {name for name in SCOPE if name not in GUI_IN_SCOPE and marked_templates(name)}
    assert with_templates <= set(MESSAGE_SOURCES)
    assert set(MESSAGE_SOURCES) <= set(MARKED_SOURCES)
    assert all((PACKAGE / name).is_file() for name in SCOPE)


@pytest.mark.parametrize("relative", SCOPE)
def test_every_message_hint_and_problem_is_a_marked_template(relative: str) -> None:
    assert unmarked_messages(relative) == []


def test_the_scan_finds_unmarked_messages() -> None:
    """The scan itself: the forms the old code used are each caught."""
    import textwrap

    sample = textwrap.dedent('''
        STALE = "This record was changed."
        def f(name, v):
            raise IntakeError(f"{name} is too long", hint="Shorten it.")
            raise StorageError("The database is busy.")
            raise InvalidInput("Bad input", [("patient.sex", "is required")])
            v.problem("answers.x", f"is {len(name)} characters long")
            raise IntakeError(STALE)
            raise IntakeError("a " + name)
            raise IntakeError(QT_TRANSLATE_NOOP("Other", "Wrong context"))
            raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "Fine {name}."), params={"name": name})
    ''')
    found = unmarked_in("sample.py", sample)
    assert len(found) == 9, found
    assert not any("Fine" in line for line in found)


def test_every_template_has_a_finished_spanish_translation_with_the_same_placeholders() -> None:
    templates = set().union(*(marked_templates(name) for name in SCOPE))
    translated = spanish()
    assert len(templates) > 400
    assert sorted(templates - set(translated)) == [], "templates without a Spanish translation"
    assert sorted(set(translated) - templates) == [], "translations of templates the code no longer has"
    unfinished = sorted(s for s, (t, kind) in translated.items() if kind or not t.strip())
    assert unfinished == []
    wrong = [(s, t) for s, (t, _) in translated.items()
             if sorted(_PLACEHOLDER.findall(s)) != sorted(_PLACEHOLDER.findall(t))]
    assert wrong == []


def test_the_spanish_never_softens_a_red_flag_or_keeps_english_words() -> None:
    translated = spanish()
    for source, (text, _) in translated.items():
        if "URGENT" in source:
            assert "URGENTE" in text
        if "red flag" in source:
            assert "señal de alarma" in text or "señales de alarma" in text, source
        prose = re.sub(r"\S*[-_/.=|]\S*|[A-Z_]{3,}", " ", _PLACEHOLDER.sub("", text))  # commands, paths, names
        words = set(re.findall(r"[a-z]+", prose))
        assert not words & {"the", "was", "not", "is", "cannot", "intake", "account", "password", "changed"}, text


def test_the_english_is_unchanged() -> None:
    """str(), .message and .hint are the English the command line and the logs have always shown."""
    from intake_app.access.lockout import Outcome, SignInAttempt
    from intake_app.access.passwords import check_new_password
    from intake_app.access.roles import Action, Actor, PermissionDenied, Role
    from intake_app.access.secret import Secret
    from intake_app.domain.document import DocumentInvalid
    from intake_app.errors import StaleRecord
    from intake_app.services.results import IncompleteIntake
    from intake_app.storage.database import translate_error

    desk = Actor("ana", Role.FRONT_DESK, "Ana Ruiz")
    assert str(PermissionDenied(desk, Action.RESCREEN)) == (
        "Ana Ruiz is signed in with a front-desk account, which cannot re-screen intakes with new rules. "
        "This needs a clinician account.")
    assert str(PermissionDenied(None, Action.SAVE_INTAKE)) == (
        "Sign in first: to save an intake you need a front-desk or clinician account.")
    assert PermissionDenied(Actor("o", Role.ADMINISTRATOR), Action.SAVE_INTAKE).message == (
        "o is signed in with an administrator account, which cannot save an intake.")
    assert str(StaleRecord(None, what="patient")) == (
        "This patient's record was changed at another desk after you opened it; your changes were not saved. "
        "Compare the two versions, choose what to keep, then save again.")
    refusal = SignInAttempt(Outcome.WRONG, None).refusal()
    assert (refusal.message, refusal.hint) == (
        "Wrong account name or password.", "After 5 wrong passwords the account is locked for 15 minutes.")
    with pytest.raises(IntakeError) as weak:
        check_new_password(Secret("short"))
    assert weak.value.message == "The password is too short: it needs at least 12 characters."
    assert str(DocumentInvalid([("a", "b")])) == "1 problem in the intake document"
    assert str(DocumentInvalid([("a", "b"), ("c", "d")])) == "2 problems in the intake document"
    assert str(IncompleteIntake(["x"], ["y", "z"])) == (
        "Cannot complete the intake: 1 required question(s) unanswered; 2 red-flag question(s) not asked.")
    import sqlite3

    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
    error = translate_error(busy)
    assert str(error) == "The database is busy (another desk is writing). Wait a moment and try again."


def test_a_phrase_is_its_english_and_keeps_its_template() -> None:
    text = phrase(QT_TRANSLATE_NOOP("IntakeError", "is {count} characters long; at most {limit} allowed"),
                  {"count": 130, "limit": 100})
    assert text == "is 130 characters long; at most 100 allowed"
    assert isinstance(text, Phrase) and text.template.startswith("is {count}") and text.params["limit"] == 100
    error = IntakeError(QT_TRANSLATE_NOOP("IntakeError", "{name}: cannot be read ({reason})"),
                        params={"name": "a{b}.json", "reason": "No such file"})
    assert str(error) == "a{b}.json: cannot be read (No such file)"  # braces in a value stay as they are
    assert IntakeError("Plain {old} text").message == "Plain {old} text"  # an unconverted caller's words
    import pickle

    again = pickle.loads(pickle.dumps(error.message))  # noqa: S301 (our own object)
    assert again == error.message and again.template == error.message.template
