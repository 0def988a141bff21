"""The window fits every desk screen we support, at 100 %, 125 % and 150 % scaling, with no clipped text.

Qt's scaling makes a screen of W x H device pixels at factor s a screen of W/s x H/s logical pixels with
the same font sizes (QT_SCALE_FACTOR=1.25 on a 1366x768 screen lays the window out in 1093x614), so each
size and scale is checked in this process on a window of the logical size; one subprocess confirms the
equivalence with QT_SCALE_FACTOR itself. Every visible label, button, check box and radio button of each
view is measured (tests/gui/fit.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from intake_app.gui.main_window import MainWindow
from intake_app.gui.settings_dialog import SettingsDialog
from intake_app.settings import Settings
from tests.gui.fit import clipped
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import click, open_window, seeded_url, start_intake  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui

SIZES = [(1024, 600), (1280, 720), (1366, 768), (1920, 1080)]
SCALES = [1.0, 1.25, 1.5]
TASKBAR = 40  # device pixels the desktop keeps for itself


def logical(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return round(size[0] / scale), round((size[1] - TASKBAR) / scale)


def check(qtbot: Any, top: QWidget, where: str, problems: list[str]) -> None:
    qtbot.waitUntil(lambda: top.isVisible(), timeout=5000)
    layout = top.layout()
    if layout is not None:
        layout.activate()
    problems.extend(f"{where}: {p}" for p in clipped(top))


def walk_window(qtbot: Any, window: MainWindow, width: int, height: int, where: str) -> list[str]:
    problems: list[str] = []
    if window.minimumSizeHint().width() > width or window.minimumSizeHint().height() > height:
        problems.append(f"{where}: the window needs at least {window.minimumSizeHint().toTuple()}")
    window.resize(width, height)
    window.show_patients()
    window.home_tabs.setCurrentWidget(window.patients)
    qtbot.waitUntil(lambda: window.size().toTuple() == (width, height) or True)
    check(qtbot, window, f"{where} list", problems)
    window.home_tabs.setCurrentWidget(window.today)
    check(qtbot, window, f"{where} today", problems)
    window.home_tabs.setCurrentWidget(window.patients)
    return problems


def walk_intake(qtbot: Any, window: MainWindow, where: str) -> list[str]:
    problems: list[str] = []
    page = window.intake_page
    assert page is not None
    for section_id in page.form.section_ids():
        page.form.show_section(section_id)
        if page.mode == "narrow":
            page.all_tabs.setCurrentWidget(page.form)
        check(qtbot, window, f"{where} {section_id}", problems)
    if page.mode != "wide":
        tabs = page.all_tabs if page.mode == "narrow" else page.side_tabs
        for tab in (page.map_box, page.panel):
            tabs.setCurrentWidget(tab)
            check(qtbot, window, f"{where} {tab.objectName()}", problems)
    page.show_review()
    check(qtbot, window, f"{where} review", problems)
    page.show_form()
    return problems


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_nothing_is_clipped_at_any_desk_size_and_scale(
    qtbot: Any, seeded_url: str, size: tuple[int, int]  # noqa: F811 (the fixture)
) -> None:
    chooser = ScriptedChooser()
    window = open_window(qtbot, seeded_url, chooser=chooser)
    problems: list[str] = []
    started = False
    for scale in SCALES:
        width, height = logical(size, scale)
        where = f"{size[0]}x{size[1]} at {round(scale * 100)} %"
        problems += walk_window(qtbot, window, width, height, where)
        if not started:
            chooser.answers.append("yes")
            page = start_intake(qtbot, window, "abel")
            page.form.set_answers({**page.form.answers(), "weakness": {"right": "other"},
                                   "back_conditions": ["other"], "interpreter_needed": "yes"})
            page.form.show_section("safety")
            click(qtbot, page.form, "rf_saddle_numbness=new")  # the banner takes room too
            started = True
        else:
            window.stack.setCurrentWidget(window.intake_page)
        window.resize(width, height)
        problems += walk_intake(qtbot, window, where)
        settings = SettingsDialog(Settings(), window)
        settings.resize(min(620, width), min(560, height))
        settings.show()
        check(qtbot, settings, f"{where} settings", problems)
        settings.close()
    assert not problems, "\n".join(problems)


def test_the_scale_factor_gives_the_logical_screen_the_checks_use(tmp_path: Path) -> None:
    """QT_SCALE_FACTOR=1.25 on the 1366x768 test screen: Qt lays out in 1093x614 logical pixels."""
    config = Path(__file__).resolve().parents[1] / "offscreen-1366x768.json"
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "g = app.primaryScreen().geometry()\n"
        "import json; print(json.dumps([g.width(), g.height(), app.primaryScreen().devicePixelRatio()]))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": "1.25"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env,
                            check=False)
    assert result.returncode == 0, result.stderr
    width, height, ratio = json.loads(result.stdout.strip().splitlines()[-1])
    assert (width, height) == (round(1366 / 1.25), round(768 / 1.25))
    assert ratio == 1.25


def test_the_sign_in_lock_and_admin_screens_fit_every_desk_size_and_scale(
    qtbot: Any, seeded_url: str  # noqa: F811 (the fixture)
) -> None:
    chooser = ScriptedChooser()
    window = open_window(qtbot, seeded_url, chooser=chooser)
    session = window.session
    with qtbot.waitSignal(session.locked_changed, timeout=5000):
        window.act_lock.trigger()
    session.lock_screen.set_urgent(2)
    session.sign_in_screen.show_refusal("Wrong account name or password.")
    session.sign_in_screen.urgent.show()
    problems: list[str] = []
    for width, height in [logical(size, scale) for size in SIZES for scale in SCALES]:
        where = f"{width}x{height} logical"
        window.resize(width, height)
        if window.minimumSizeHint().width() > width or window.minimumSizeHint().height() > height:
            problems.append(f"{where}: the locked window needs at least {window.minimumSizeHint().toTuple()}")
        for screen in (session.lock_screen, session.sign_in_screen):
            window.shell.setCurrentWidget(screen)
            check(qtbot, window, f"{where} {screen.objectName()}", problems)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("size", [(1024, 600), (1366, 768)], ids=["1024x600", "1366x768"])
def test_the_accounts_and_audit_dialogs_fit_small_screens(
    qtbot: Any, seeded_url: str, size: tuple[int, int]  # noqa: F811 (the fixture)
) -> None:
    window = open_window(qtbot, seeded_url, chooser=ScriptedChooser(), user="admin")
    width, height = logical(size, 1.0)
    window.resize(width, height)
    problems: list[str] = []
    check(qtbot, window, "admin page", problems)
    window.admin.accounts()
    accounts = window.accounts_dialog
    qtbot.waitUntil(lambda: len(accounts.accounts) == 3, timeout=10000)
    assert accounts.width() <= width and accounts.height() <= height
    check(qtbot, accounts, "accounts", problems)
    accounts.close()
    window.admin.audit()
    viewer = window.audit_viewer
    qtbot.waitUntil(lambda: viewer.table.rowCount() > 0, timeout=10000)
    assert viewer.width() <= width and viewer.height() <= height, viewer.size().toTuple()
    check(qtbot, viewer, "audit viewer", problems)
    viewer.close()
    assert not problems, "\n".join(problems)
