"""Start-up order and building in idle time (issue 14, window): what happens when, not how fast.

Speed itself is measured in bench/gui.py; these tests hold the order the speed depends on.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from intake_app.gui import app as app_module
from intake_app.gui.app import build_window, create_application
from intake_app.gui.intake_form import IntakeForm
from intake_app.gui.question_row import QuestionRow
from intake_app.settings import Settings
from tests.gui.scripted import ScriptedChooser

pytestmark = pytest.mark.gui


def test_the_form_is_built_a_question_per_step_and_ends_as_the_whole_form(qtbot: Any) -> None:
    whole = IntakeForm()
    qtbot.addWidget(whole)
    form = IntakeForm(build_now=False)
    qtbot.addWidget(form)
    assert not form.built and not form.findChildren(QuestionRow)
    rows = []
    for _step in form.build_steps():
        rows.append(len(form.findChildren(QuestionRow)))
        assert not form.built
    assert form.built
    assert all(b - a <= 1 for a, b in itertools.pairwise(rows))  # never more than one question a step
    assert len(form.findChildren(QuestionRow)) == len(whole.findChildren(QuestionRow))
    assert form.answers() == whole.answers()
    assert [form.nav.item(i).text() for i in range(form.nav.count())] == [
        whole.nav.item(i).text() for i in range(whole.nav.count())]


def test_the_database_opens_only_after_the_window_has_painted(qtbot: Any, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    create_application()
    seen: list[str] = []

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and "paint" not in seen:
                seen.append("paint")
            return False

    opening = app_module.open_database_later

    def recorded(*args: Any) -> None:
        seen.append("open")
        seen.append("sqlalchemy loaded" if "sqlalchemy.orm" in sys.modules else "")
        opening(*args)

    monkeypatch.setattr(app_module, "open_database_later", recorded)
    window = build_window(f"sqlite:///{tmp_path / 'start.db'}", Settings(), ScriptedChooser())
    qtbot.addWidget(window)
    watcher = Paints()
    window.installEventFilter(watcher)
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        window.show()
    assert seen[:2] == ["paint", "open"]
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)


def test_a_window_never_shown_still_opens_its_database(qtbot: Any, tmp_path: Path) -> None:
    create_application()
    window = build_window(f"sqlite:///{tmp_path / 'hidden.db'}", Settings(), ScriptedChooser())
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.clinic_ready, timeout=10000):
        pass
    assert isinstance(window, QWidget) and window.clinic is not None
    qtbot.waitUntil(lambda: not window.patients.runner.is_busy, timeout=10000)
