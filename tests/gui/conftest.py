"""GUI tests run without a display: Qt's offscreen platform, unless the caller chose another."""

from __future__ import annotations

import os

# Must be set before pytest-qt creates the QApplication; without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402 (after the platform choice above)


@pytest.fixture
def staffed_url(database_url: str) -> str:
    """A database with the three staff accounts of tests/gui/staff.py (admin, desk, doctor)."""
    from tests.gui.staff import add_staff

    add_staff(database_url)
    return database_url
