"""Every interface string of patient mode has its Spanish in the .ts source, and the source is
up to date with the code (pyside6-lupdate finds nothing new)."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from intake_app.gui.patient import translations


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_interface_string_has_a_spanish_translation() -> None:
    found = messages(translations.ts_path("es"))
    assert len(found) > 50
    untranslated = [key for key, m in found.items()
                    if not (m.findtext("translation") or "").strip()
                    or (m.find("translation") is not None and m.find("translation").get("type"))]  # type: ignore[union-attr]
    assert untranslated == []


def test_the_ts_source_holds_every_tr_string_of_the_code(tmp_path: Path) -> None:
    lupdate = translations.qt_tool("pyside6-lupdate")
    assert lupdate is not None
    fresh = tmp_path / "fresh.ts"
    shutil.copy(translations.ts_path("es"), fresh)
    sources = [str(p) for p in sorted(translations.LUPDATE_SOURCES[0].glob("*.py"))]
    sources.append(str(translations.LUPDATE_SOURCES[1]))
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
                   check=True, capture_output=True)
    assert set(messages(fresh)) == set(messages(translations.ts_path("es")))


def test_the_translation_compiles_and_loads(compiled_translations: Path) -> None:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(compiled_translations))
    assert translator.translate("PatientMode", "Next") == "Siguiente"
