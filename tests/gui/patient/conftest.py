"""Patient-mode tests: the Spanish translation compiled once (into build/, never committed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from intake_app.gui.patient import translations


@pytest.fixture(scope="session", autouse=True)
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Compile the .ts sources with pyside6-lrelease, as `make setup` does, and use that build."""
    out = tmp_path_factory.mktemp("translations")
    built = translations.compile_translation("es", out)
    old = translations.BUILD_DIR
    translations.BUILD_DIR = out
    yield built
    translations.BUILD_DIR = old


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    """No test leaves the application in Spanish (a closed patient mode removes its translation)."""
    from PySide6.QtCore import QCoreApplication

    from tests.gui.patient.helpers import OPENED, close_for_good

    yield
    while OPENED:
        mode, desk = OPENED.pop()
        if mode.isVisible():
            close_for_good(mode, desk)
    assert QCoreApplication.translate("PatientMode", "Next") == "Next"
