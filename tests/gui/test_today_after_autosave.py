"""Issue 14 target 4 (no stall while saving): a draft saved while the intake page is in front no longer
refreshes Today's hidden lists (the worker spent 1-2 s of Python on the outcomes due at a large clinic
after every autosave, and the window tens of milliseconds showing them); Today is refreshed when shown."""

from __future__ import annotations

from typing import Any

from tests.gui.scripted import ScriptedChooser
from tests.gui.staff import wait_idle
from tests.gui.test_front_desk import chooser, open_window, seeded_url, start_intake  # noqa: F401 (fixtures)


def test_a_draft_saved_behind_the_intake_page_leaves_today_for_when_it_is_shown(
    qtbot: Any, seeded_url: str, chooser: ScriptedChooser  # noqa: F811
) -> None:
    window = open_window(qtbot, seeded_url, chooser=chooser)
    page = start_intake(qtbot, window, "berger")
    wait_idle(qtbot, window.today.runner)
    asked: list[str] = []
    today = window.clinic.today

    def counted_today() -> Any:
        asked.append("today")
        return today()

    window.clinic.today = counted_today
    assert not window.today.isVisible()
    for regions in ({"right": ["heel"], "left": []}, {"right": ["heel", "arch"], "left": []}):
        page.form.set_regions("pain", regions)
        with qtbot.waitSignal(page.saved, timeout=10000):
            page.save()
    wait_idle(qtbot, window.today.runner)
    assert asked == []  # nothing on screen needed it

    window.show_today()  # back to Today: the lists are read again, with the saved draft in them
    qtbot.waitUntil(lambda: asked != [], timeout=10000)
    wait_idle(qtbot, window.today.runner)
    assert window.today.isVisible()
