"""GUI tests run without a display: Qt's offscreen platform, unless the caller chose another."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Must be set before pytest-qt creates the QApplication; without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402 (after the platform choice above)


@pytest.fixture
def staffed_url(database_url: str) -> str:
    """A database with the three staff accounts of tests/gui/staff.py (admin, desk, doctor)."""
    from tests.gui.staff import add_staff

    add_staff(database_url)
    return database_url


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every Spanish source compiled with pyside6-lrelease, as `make setup` does, into a test folder."""
    from intake_app.gui.patient import translations

    out = tmp_path_factory.mktemp("translations")
    translations.compile_translation("es", out)
    old = translations.BUILD_DIR
    translations.BUILD_DIR = out
    yield out
    translations.BUILD_DIR = old


@pytest.fixture
def spanish_desk(qapp: Any, compiled: Path) -> Iterator[None]:
    """The desk in Spanish for one test, English again after it."""
    from intake_app.gui.patient import translations

    assert translations.install_desk_translator("es") == "es"
    yield
    assert translations.install_desk_translator("en") == "en"
