"""Issue 14 target 4 (no stall while searching): at sign-in the desk shows the patient list, and Today's
lists behind it are read only when Today is first shown. Before, every sign-in read them at once: the
worker's Python for a second or two at a large clinic (the outcomes due) and about 110 ms of the window's
thread filling hidden tables, in the middle of the first searches."""

from __future__ import annotations

from typing import Any

import pytest

from intake_app.services.clinic import Clinic
from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import wait_idle
from tests.gui.test_front_desk import chooser, open_window, seeded_url  # noqa: F401 (fixtures)


def test_todays_hidden_lists_are_read_when_today_is_first_shown(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    asked: list[str] = []
    today = Clinic.today

    def counted_today(self: Clinic) -> Any:
        asked.append("today")
        return today(self)

    monkeypatch.setattr(Clinic, "today", counted_today)
    window = open_window(qtbot, seeded_url, chooser=chooser)
    wait_idle(qtbot, window.today.runner)
    assert window.patients.isVisible() and not window.today.isVisible()
    assert asked == []  # nothing on screen needed them

    with qtbot.waitSignal(window.today.refreshed, timeout=10000):
        window.show_today()
    assert asked  # shown: read now
    assert window.today.isVisible()
