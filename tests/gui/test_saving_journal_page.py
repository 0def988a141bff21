"""Issue 14 target 4, the window's side: the recovery journal holds the newest answers after a burst of
changes, and a successful save removes the entry (the removal queued behind the writes on the journal's
thread). Offscreen; waits on signals and conditions, never on fixed sleeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from intake_app.recovery import RecoveryJournal
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import open_window, start_intake
from tests.gui.test_front_desk import seeded_url as seeded_url  # noqa: F401 - the fixture, shared

pytestmark = pytest.mark.gui


def _entries(journal: RecoveryJournal) -> dict[int, dict[str, Any]]:
    return {draft.intake_id: draft.answers for draft in journal.pending()}


def test_a_burst_of_changes_leaves_the_newest_answers_and_a_save_removes_the_entry(
    qtbot: Any, seeded_url: str, tmp_path: Path  # noqa: F811
) -> None:
    journal = RecoveryJournal(tmp_path / "recovery")
    window = open_window(qtbot, seeded_url, journal, chooser=ScriptedChooser())
    page = start_intake(qtbot, window, "berger")
    page.autosave.stop()
    intake_id = page.record.id
    for regions in (["heel"], ["heel", "arch"], ["arch"], ["big_toe", "arch"]):
        page.form.set_regions("pain", {"right": regions, "left": []})
    # The journal is written a moment after the last change (the page's timer), then by the journal's thread.
    newest = page.form.answers()
    assert newest["pain"] == {"right": ["arch", "big_toe"]}
    qtbot.waitUntil(lambda: _entries(journal).get(intake_id) == newest, timeout=10000)
    with qtbot.waitSignal(page.saved, timeout=10000):
        assert page.save()
    assert journal.flush(10)
    assert intake_id not in _entries(journal)
    assert window.clinic.intake(intake_id).document.answers["pain"] == {"right": ["arch", "big_toe"]}
