"""Every interface string of the application has its Spanish in a .ts source, the sources are up to date
with the code (pyside6-lupdate over the whole gui package finds nothing more), and each translation keeps
its placeholders, accelerator and rich-text tags."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from intake_app.gui.patient import translations


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def all_messages() -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for path in translations.ts_files("es"):
        found.update(messages(path))
    return found


def translation_texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_the_spanish_sources_are_the_main_file_and_the_admin_screens() -> None:
    names = {path.name for path in translations.ts_files("es")}
    assert "intake_app_es.ts" in names
    assert names <= {"intake_app_es.ts", "admin_es.ts", "messages_es.ts"}  # messages: the error messages' words


@pytest.mark.parametrize("path", translations.ts_files("es"), ids=lambda p: p.name)
def test_every_message_of_a_spanish_source_is_translated(path: Path) -> None:
    found = messages(path)
    assert found
    untranslated = [key for key, m in found.items()
                    if m.find("translation") is None
                    or m.find("translation").get("type")  # type: ignore[union-attr]  # unfinished, vanished, obsolete
                    or not all(text.strip() for text in translation_texts(m))]
    assert untranslated == []


def test_the_sources_hold_every_tr_string_of_the_gui_package(tmp_path: Path) -> None:
    """A new interface string in any gui file (desk, admin or patient mode) fails here until its Spanish
    is written (lupdate finds it; no .ts has it)."""
    lupdate = translations.qt_tool("pyside6-lupdate")
    assert lupdate is not None
    fresh = tmp_path / "fresh_es.ts"
    sources = [str(p) for p in translations.gui_sources()]
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    in_code = set(messages(fresh))
    in_sources = set(all_messages())
    assert len(in_code) > 400
    assert sorted(in_code - in_sources) == [], "strings of the code without a translation"
    assert sorted(in_sources - in_code) == [], "translations of strings the code no longer has"


def test_no_string_is_translated_twice() -> None:
    """The split between the files is by screen: one message lives in one file only."""
    seen: dict[tuple[str, str], str] = {}
    twice = []
    for path in translations.ts_files("es"):
        for key in messages(path):
            if key in seen:
                twice.append((key, seen[key], path.name))
            seen[key] = path.name
    assert twice == []


_PLACEHOLDERS = re.compile(r"\{[a-z_0-9]*\}|%n|%\d")
_TAGS = re.compile(r"</?[a-zA-Z0-9]+")


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&|amp;|lt;|gt;|quot;|#)", text.replace("&&", "")))


@pytest.mark.parametrize("path", translations.ts_files("es"), ids=lambda p: p.name)
def test_each_translation_keeps_placeholders_accelerators_and_tags(path: Path) -> None:
    wrong = []
    for (context, source), message in messages(path).items():
        for text in translation_texts(message):
            if sorted(_PLACEHOLDERS.findall(text)) != sorted(_PLACEHOLDERS.findall(source)):
                wrong.append((context, source, text, "placeholders"))
            if _accelerators(text) != _accelerators(source):
                wrong.append((context, source, text, "accelerator"))
            if sorted(_TAGS.findall(text)) != sorted(_TAGS.findall(source)):
                wrong.append((context, source, text, "tags"))
            if source.endswith("\n") != text.endswith("\n") or source.endswith("...") != text.endswith("..."):
                wrong.append((context, source, text, "ending"))
    assert wrong == []


def test_safety_words_are_never_softened() -> None:
    """Urgent stays urgent, a red flag stays a red flag (señal de alarma), not asked stays not asked."""
    found = all_messages()
    for (_context, source), message in found.items():
        text = " ".join(translation_texts(message))
        if "URGENT" in source:
            assert "URGENTE" in text, source
        elif re.search(r"\burgent\b", source, re.IGNORECASE):
            assert re.search(r"urgen", text, re.IGNORECASE), source
        if re.search(r"red[ -]flag", source, re.IGNORECASE):
            assert re.search(r"señal(es)? de alarma", text, re.IGNORECASE), source
        if "NOT ASKED" in source:
            assert "NO SE PREGUNT" in text, source
        if re.search(r"\bNOW\b", source):
            assert "AHORA" in text, source


def test_the_translation_compiles_and_loads(compiled_translations: Path) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled_translations))
    assert translator.translate("PatientMode", "Next") == "Siguiente"
    assert translator.translate("IntakeForm", "Sections of the form") == "Secciones del cuestionario"


# Found in session 10: `window.tr(...)` (app.py), `self.sign_in_screen.tr(...)` (session.py) and
# `label.tr(...)` (sign_in.py: the urgent red-flag notice of the sign-in screen) were stored under the
# variable's name, which Qt never asks for: those strings stayed English on a Spanish desk.
def test_every_context_is_one_qt_asks_for() -> None:
    """Qt looks a string up by the class of the object whose tr() runs (and its base classes); a context
    lupdate took from a variable name (`window.tr(...)`) is never asked for, so its Spanish would never
    show. The empty context (methods of mixins) is answered by the desk's translator."""
    import importlib
    import pkgutil
    import sys

    from PySide6.QtCore import QObject

    import intake_app.gui as gui

    for module in pkgutil.walk_packages(gui.__path__, "intake_app.gui."):
        importlib.import_module(module.name)
    classes = {obj.__name__ for name, module in list(sys.modules.items()) if name.startswith("intake_app.gui")
               for obj in vars(module).values()
               if isinstance(obj, type) and issubclass(obj, QObject) and obj.__module__ == name}
    # Contexts the code asks for by name: QCoreApplication.translate("Context", ...) (the words marked with
    # QT_TRANSLATE_NOOP below the gui are shown that way).
    asked = re.compile(r'\btranslate\(\s*"([A-Za-z_]\w*)"')
    literal = {name for path in translations.gui_sources() for name in asked.findall(path.read_text("utf-8"))}
    contexts = {context for context, _source in all_messages()}
    never_asked = sorted(contexts - classes - literal - {""})
    assert never_asked == []
