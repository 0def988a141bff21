"""The interface in the desk's and the patient's language: Qt translation files.

The sources are `resources/translations/<name>_<language>.ts` (made by pyside6-lupdate over the gui
package, translated by hand, kept in git): `intake_app_es.ts` holds patient mode and the desk's screens,
`admin_es.ts` the access and outcome screens, `messages_es.ts` the error messages; every file of a language
is loaded. The compiled `.qm`
files are not kept in git: `make setup` (or the tests) runs pyside6-lrelease into `build/translations/`
with the same base names; a bundle ships them in `resources/translations/`. English needs no file: the
strings are written in English.

Two translators, never mixed up:
- the desk's (`install_desk_translator`, the clinic's language, for the whole application);
- the patient's (`install_translator`, owned by the patient-mode window), which answers only for the
  contexts (classes) of patient mode, so the desk keeps its own language while a patient answers.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator

from intake_app.domain.language import ENGLISH, check_language
from intake_app.resources import resources_dir
from intake_app.translation_marks import marked_source_paths

PREFIX = "intake_app"
_PACKAGE = Path(__file__).resolve().parents[2]  # intake_app/
# Sources (and, in a wheel or bundle, the compiled files) live in resources/translations, found through
# the one resources accessor; in a source checkout `make setup` compiles them into build/translations.
SOURCE_DIR = resources_dir() / "translations"
BUILD_DIR = _PACKAGE.parent / "build" / "translations"
#: Every interface string of the application is in the gui package (lupdate reads all of it).
GUI_DIR = _PACKAGE / "gui"
_PATIENT_PACKAGE = "intake_app.gui.patient"


def ts_path(language: str) -> Path:
    """The main source of a language: patient mode and the desk's screens."""
    return SOURCE_DIR / f"{PREFIX}_{check_language(language)}.ts"


def ts_files(language: str) -> list[Path]:
    """Every translation source of a language (`intake_app_es.ts`, `admin_es.ts`, ...)."""
    return sorted(SOURCE_DIR.glob(f"*_{check_language(language)}.ts"))


def gui_sources() -> list[Path]:
    """The Python files lupdate reads: the whole gui package, patient mode included, and the modules below
    it whose display words are marked with QT_TRANSLATE_NOOP (translation_marks.MARKED_SOURCES)."""
    return sorted(GUI_DIR.rglob("*.py")) + marked_source_paths()


def qt_tool(name: str) -> str | None:
    """A PySide6 tool (pyside6-lrelease, pyside6-lupdate): beside this Python first, then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    return shutil.which(name)


def compile_ts(source: Path, out_dir: Path) -> Path:
    """Compile one .ts source into out_dir/<same name>.qm with pyside6-lrelease."""
    lrelease = qt_tool("pyside6-lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease was not found (it comes with PySide6)")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{source.stem}.qm"
    subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True, capture_output=True)
    return target


def compile_translation(language: str, out_dir: Path = BUILD_DIR) -> Path:
    """Compile every source of a language into out_dir; returns the main file's .qm path."""
    for source in ts_files(language):
        compile_ts(source, out_dir)
    return out_dir / f"{PREFIX}_{language}.qm"


def _qm_for(source: Path) -> Path | None:
    """The compiled form of one source: shipped beside it, else built (built now if it is missing or
    older than its source and lrelease is at hand)."""
    shipped = source.with_suffix(".qm")
    if shipped.is_file():
        return shipped
    built = BUILD_DIR / f"{source.stem}.qm"
    if not built.is_file() or built.stat().st_mtime < source.stat().st_mtime:
        try:
            return compile_ts(source, BUILD_DIR)
        except (OSError, subprocess.CalledProcessError):
            pass
    return built if built.is_file() else None


def qm_files(language: str) -> list[Path]:
    """The compiled translations of a language, one per source (shipped without sources: those)."""
    sources = ts_files(language)
    if not sources:  # a bundle may ship the compiled files only
        return sorted(SOURCE_DIR.glob(f"*_{check_language(language)}.qm"))
    return [qm for source in sources if (qm := _qm_for(source)) is not None]


def qm_path(language: str) -> Path | None:
    """The main compiled translation of a language (patient mode and the desk's screens), if found."""
    return next((qm for qm in qm_files(language) if qm.stem == f"{PREFIX}_{language}"), None)


def ts_contexts(language: str) -> frozenset[str]:
    """The class names (contexts) the sources of a language translate."""
    import xml.etree.ElementTree as ElementTree

    names: set[str] = set()
    for source in ts_files(language):
        root = ElementTree.parse(source).getroot()  # noqa: S314 (our own files in the package)
        names.update(name.text or "" for name in root.iter("name"))
    return frozenset(names)


def patient_contexts() -> frozenset[str]:
    """The contexts patient mode's strings are looked up in: its classes, and the classes of ours they
    build on (the map widget, whose legend and titles patient mode shows). PySide looks a class's
    string up along its base classes until one translates it, so the bases belong to the scope too."""
    import intake_app.gui.patient.window  # noqa: F401 (loads every patient-mode module: pages, flow, controls)

    names: set[str] = set()
    for module_name, module in list(sys.modules.items()):
        if module is None or not (module_name == _PATIENT_PACKAGE or module_name.startswith(_PATIENT_PACKAGE + ".")):
            continue
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, QObject) and obj.__module__ == module_name:
                names.update(k.__name__ for k in obj.__mro__ if k.__module__.startswith("intake_app."))
    return frozenset(names)


class ScopedTranslator(QTranslator):
    """The patient's language for patient mode's contexts only; any other context gets no answer here,
    so the desk's own translation (or English) still applies there. English answers the source text
    (an English-speaking patient at a Spanish desk); another language answers from its compiled files."""

    def __init__(self, contexts: frozenset[str], owner: QObject, sources: list[QTranslator] | None = None) -> None:
        super().__init__(owner)
        self.contexts = contexts
        self.sources = sources  # None: English, the source text itself
        for source in sources or ():
            source.setParent(self)

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        if context not in self.contexts:
            return None  # not ours: ask the next translator
        if self.sources is None:
            return source_text
        for source in self.sources:
            found = source.translate(context, source_text, disambiguation, n)
            if found:
                return found
        return None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


class DeskTranslator(QTranslator):
    """One compiled translation for the whole desk. A string lupdate could not give a class (a method
    of a mixin such as IntakeSaving, whose base is a plain object at run time) is stored without a
    context; PySide asks for it under the classes of the object (IntakePage, IntakeSaving, ...), so a
    string not found under the asked context is looked up without one."""

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,  # noqa: D102
                  n: int = -1) -> str | None:
        found = super().translate(context, source_text, disambiguation, n)
        if not found and context:
            found = super().translate("", source_text, disambiguation, n)
        return found or None


#: The desk's own language (the clinic's setting) and its translators, installed at start.
_DESK: dict[str, Any] = {"language": ENGLISH, "translators": []}
#: Patient mode's translators in use: always asked before the desk's, also after the desk's language changed
#: (Qt asks the translator installed last first).
_SCOPED: list[ScopedTranslator] = []


def desk_language() -> str:
    """The language of the desk's screens: the clinic's, when its translation was installed."""
    return str(_DESK["language"])


def _loaded(language: str, parent: QObject | None) -> list[QTranslator]:
    translators: list[QTranslator] = []
    for path in qm_files(language):
        translator = DeskTranslator(parent)
        if translator.load(str(path)):
            translators.append(translator)
    return translators


def _qt_translation(language: str, parent: QObject) -> QTranslator | None:
    """Qt's own words in the language (the Yes, No and Cancel of a message box, the context menu of a
    text box), from the translations PySide6 ships; None when they are not there."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(f"qtbase_{language}", folder) else None


def install_desk_translator(language: str) -> str:
    """The desk's screens in the clinic's language: every compiled translation of that language installed
    for the whole application, and Qt's own (message-box buttons) where PySide6 ships it. Returns the
    language in effect: English for an unknown language, no .qm found or files Qt cannot load (the
    interface is written in English, so nothing is ever blank)."""
    app = QCoreApplication.instance()
    for old in _DESK["translators"]:
        remove_translator(old)
    _DESK.update(language=ENGLISH, translators=[])
    try:
        language = check_language(language)
    except ValueError:
        return ENGLISH
    if language == ENGLISH or app is None:
        _patient_translators_first()
        return ENGLISH
    translators = _loaded(language, app)
    if not translators:
        _patient_translators_first()
        return ENGLISH
    qt_own = _qt_translation(language, app)
    if qt_own is not None:
        translators.insert(0, qt_own)  # installed first, asked last: our own words win
    for translator in translators:
        QCoreApplication.installTranslator(translator)
    _DESK.update(language=language, translators=translators)
    _patient_translators_first()
    return language


def _patient_translators_first() -> None:
    """Patient mode's translators asked before the desk's again: a desk whose language changes while a patient
    answers (the clinic's setting saved meanwhile) leaves the patient in their own language."""
    import shiboken6

    _SCOPED[:] = [t for t in _SCOPED if shiboken6.isValid(t)]  # one whose owner closed is gone
    for translator in _SCOPED:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.installTranslator(translator)


def install_translator(language: str, owner: QObject) -> QTranslator | None:
    """Patient mode in the patient's language (None when no translation was found). Scoped to patient
    mode's contexts, so the desk never switches language; English too (the source text), even at an
    English desk, as the desk's language may change while the patient answers. It belongs to `owner`:
    when the owner goes, Qt removes it."""
    check_language(language)
    if QCoreApplication.instance() is None:
        return None
    if language == ENGLISH:
        translator = ScopedTranslator(patient_contexts(), owner)
    else:
        sources = _loaded(language, None)
        if not sources:
            return None
        translator = ScopedTranslator(patient_contexts(), owner, sources)
    QCoreApplication.installTranslator(translator)
    _SCOPED.append(translator)
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    if translator is not None:
        if translator in _SCOPED:
            _SCOPED.remove(translator)
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
