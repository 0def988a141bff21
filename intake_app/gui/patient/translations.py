"""Patient mode's interface strings in the patient's language: Qt translation files.

The sources are `resources/translations/intake_app_<language>.ts` (made by pyside6-lupdate over this
package and the map widget, translated by hand, kept in git). The compiled `.qm` files are not kept
in git: `make setup` (or the tests) runs pyside6-lrelease into `build/translations/`; a bundle ships
them in `resources/translations/`. English needs no file: the strings are written in English.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from intake_app.domain.language import ENGLISH, check_language
from intake_app.resources import resources_dir

PREFIX = "intake_app"
_PACKAGE = Path(__file__).resolve().parents[2]  # intake_app/
# Sources (and, in a wheel or bundle, the compiled files) live in resources/translations, found through
# the one resources accessor; in a source checkout `make setup` compiles them into build/translations.
SOURCE_DIR = resources_dir() / "translations"
BUILD_DIR = _PACKAGE.parent / "build" / "translations"
# lupdate reads these (this package, and the map widget whose legend patient mode shows).
LUPDATE_SOURCES = (Path(__file__).resolve().parent, _PACKAGE / "gui" / "body_map.py")


def ts_path(language: str) -> Path:
    return SOURCE_DIR / f"{PREFIX}_{check_language(language)}.ts"


def qt_tool(name: str) -> str | None:
    """A PySide6 tool (pyside6-lrelease, pyside6-lupdate): beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    return shutil.which(name)


def compile_translation(language: str, out_dir: Path = BUILD_DIR) -> Path:
    """Compile one .ts source into out_dir with pyside6-lrelease; returns the .qm path."""
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease was not found (it comes with PySide6)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PREFIX}_{language}.qm"
    subprocess.run([lrelease, "-silent", str(ts_path(language)), "-qm", str(target)], check=True,
                   capture_output=True)
    return target


def qm_path(language: str) -> Path | None:
    """The compiled translation: shipped beside the sources, else built (built now if it is
    missing or older than its source and lrelease is at hand)."""
    shipped = SOURCE_DIR / f"{PREFIX}_{language}.qm"
    if shipped.is_file():
        return shipped
    built = BUILD_DIR / f"{PREFIX}_{language}.qm"
    source = ts_path(language)
    if source.is_file() and (not built.is_file() or built.stat().st_mtime < source.stat().st_mtime):
        try:
            return compile_translation(language)
        except (OSError, subprocess.CalledProcessError):
            return built if built.is_file() else None
    return built if built.is_file() else None


class SourceText(QTranslator):
    """English as written, for the contexts of our .ts files: installed for an English-speaking patient
    while the desk runs in another language (the most recently installed translator answers first; for any
    other context it answers nothing, so the desk's translation still applies there)."""

    def __init__(self, contexts: frozenset[str], owner: QObject) -> None:
        super().__init__(owner)
        self.contexts = contexts

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        return source_text if context in self.contexts else None  # None: not ours, ask the next translator

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


def ts_contexts(language: str) -> frozenset[str]:
    """The class names (contexts) a .ts source translates."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(ts_path(language)).getroot()  # noqa: S314 (our own file in the package)
    return frozenset(name.text or "" for name in root.iter("name"))


#: The desk's own language (the clinic's setting) and its translator, installed at start.
_DESK: dict[str, Any] = {"language": ENGLISH, "translator": None}


def desk_language() -> str:
    return str(_DESK["language"])


def install_desk_translator(language: str) -> str:
    """The desk's screens in the clinic's language: its compiled translation installed for the whole
    application when one is found. Returns the language in effect: English for an unknown language, a
    missing .qm or a file Qt cannot load (the interface is written in English, so nothing is ever blank)."""
    app = QCoreApplication.instance()
    remove_translator(_DESK["translator"])
    _DESK.update(language=ENGLISH, translator=None)
    try:
        language = check_language(language)
    except ValueError:
        return ENGLISH
    if language == ENGLISH or app is None:
        return ENGLISH
    path = qm_path(language)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        return ENGLISH
    QCoreApplication.installTranslator(translator)
    _DESK.update(language=language, translator=translator)
    return language


def install_translator(language: str, owner: QObject) -> QTranslator | None:
    """Load and install the translation of `language` (None for English when the desk is in English too,
    or when none is found). The translator belongs to `owner`: when the owner goes, Qt removes the
    translation, so the desk's screens never stay in the patient's language."""
    check_language(language)
    if QCoreApplication.instance() is None:
        return None
    if language == ENGLISH:
        if desk_language() == ENGLISH:
            return None
        source = SourceText(ts_contexts(desk_language()), owner)
        QCoreApplication.installTranslator(source)
        return source
    path = qm_path(language)
    if path is None:
        return None
    translator = QTranslator(owner)
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
