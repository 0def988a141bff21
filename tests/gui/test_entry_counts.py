"""How much work a typical intake takes: the demo data's "likely" scenario (sciatica, full pattern, every
safety question answered "No"), from finding the patient to the printed referral and handout.

One run by mouse, counting clicks (and the scrolls a person would need); one by keyboard only, counting
keystrokes. The counts are printed (pytest -s) and held to a ceiling, so a change that adds work fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from intake_app.demo import NO_RED_FLAGS, SCENARIOS
from intake_app.gui.main_window import MainWindow
from intake_app.gui.side_widgets import RegionAdder
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import open_window, seeded_url  # noqa: F401 (fixture)

pytestmark = pytest.mark.gui

LIKELY = dict(next(answers for name, answers in SCENARIOS if name == "sciatica, full pattern"))
EXPECTED = {**LIKELY, **NO_RED_FLAGS}
MAX_CLICKS = 40
MAX_KEYSTROKES = 150


class Counter:
    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.clicks = 0
        self.keys = 0
        self.scrolls = 0
        self.typed = 0

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        scroller = _scroller_of(widget)
        if scroller is not None and not widget.visibleRegion().boundingRect().contains(
                pos or widget.rect().center()):
            scroller.ensureWidgetVisible(widget, 0, 40)  # the person scrolls to it
            self.scrolls += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())
        self.clicks += 1

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key press as the window system delivers it (so Alt+letter shortcuts work too)."""
        focus = QApplication.focusWidget()
        assert focus is not None
        self.qtbot.keyClick(focus.window().windowHandle(), key, modifier)
        self.keys += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(QApplication.focusWidget(), text)
        self.keys += len(text)
        self.typed += len(text)

    def tab_to(self, name: str, limit: int = 80) -> None:
        for _ in range(limit):
            if QApplication.focusWidget() is not None and QApplication.focusWidget().objectName() == name:
                return
            self.key(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {name}")


def _scroller_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.objectName().startswith("page_"):
            return parent
        parent = parent.parentWidget()
    return None


def button(window: MainWindow, name: str) -> QAbstractButton:
    found = window.findChild(QAbstractButton, name)
    assert found is not None, name
    return found


def shortest_prefix(adder: RegionAdder, region: str) -> str:
    label = adder.questionnaire.region_label(region)
    return next(label[:n] for n in range(1, len(label) + 1) if adder.region_for(label[:n]) == region)


def finish(qtbot: Any, window: MainWindow, chooser: ScriptedChooser, tmp_path: Path) -> None:
    page = window.intake_page
    assert page is not None
    try:
        qtbot.waitUntil(lambda: (tmp_path / "printed.pdf").exists(), timeout=30000)
    except Exception:
        raise AssertionError(f"not printed; asked: {chooser.shown}; state: {page.state.text()}") from None
    stored = window.clinic.intake(page.record.id)
    assert stored.status == "complete"
    answers = dict(stored.document.answers)
    answers.pop("age_years")
    assert answers == EXPECTED
    assert (tmp_path / "printed-patient-handout.pdf").exists()


def test_a_mouse_intake_of_the_likely_scenario_takes_at_most_40_clicks(
    qtbot: Any, seeded_url: str, tmp_path: Path  # noqa: F811
) -> None:
    chooser = ScriptedChooser()
    chooser.print_target = tmp_path / "printed.pdf"
    window = open_window(qtbot, seeded_url, chooser=chooser)
    count = Counter(qtbot)
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        count.type("abel")  # the search box has the focus from the start; one match is chosen by itself
    with qtbot.waitSignal(window.intake_opened, timeout=10000):
        count.click(window.patients.new_intake_button)
    page = window.intake_page
    assert page is not None and page.mode == "wide" and page.form.current_section() == "where"

    body_map = page.map
    for symptom, regions in (("pain", LIKELY["pain"]["right"]), ("tingling", LIKELY["tingling"]["right"])):
        if body_map.symptom() != symptom:
            count.click(button(window, f"symptom_{symptom}"))
        for region in regions:
            shape = next(s for s in body_map._map.shapes_for(region, "right")
                         if body_map.rect().contains(body_map.map_to_widget(*s.centroid).toPoint()))
            count.click(body_map, body_map.map_to_widget(*shape.centroid).toPoint())
    count.click(button(window, "radiates_to.right=foot"))
    count.click(button(window, "weakness.right=none"))
    for section, choices in (
        ("behaviour", ["pain_character=shooting_electric", "onset=gradual", "trauma=none", "worse_with=sitting",
                       "worse_with=cough_sneeze_strain", "better_with=walking_about"]),
        ("back", ["back_pain=moderate", "back_pain_new=yes", "first_back_episode=no", "leg_vs_back=leg_worse",
                  "back_conditions=herniated_disc", "back_surgery=none"]),
        ("safety", [f"{rf}=no" for rf in NO_RED_FLAGS]),
    ):
        count.click(page.form.page(page.form.current_section()).findChild(QAbstractButton, "nextSection"))
        assert page.form.current_section() == section
        for name in choices:
            count.click(button(window, name))
    assert page.panel.heading() == "Spinal origin LIKELY"
    count.click(page.complete_button)
    assert page.review.problems == [], page.review.problems
    count.click(page.review.complete_print_button)
    count.clicks += 1  # OK in the print dialog (the chooser answers it)
    finish(qtbot, window, chooser, tmp_path)
    print(f"\nMOUSE INTAKE: {count.clicks} clicks, {count.scrolls} scrolls, {count.typed} characters typed")
    assert count.clicks <= MAX_CLICKS


def test_a_keyboard_only_intake_of_the_likely_scenario_from_search_to_printed_pdf(
    qtbot: Any, seeded_url: str, tmp_path: Path  # noqa: F811
) -> None:
    chooser = ScriptedChooser()
    chooser.print_target = tmp_path / "printed.pdf"
    window = open_window(qtbot, seeded_url, chooser=chooser)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    count = Counter(qtbot)
    assert QApplication.focusWidget() is window.patients.search
    with qtbot.waitSignal(window.patients.search_finished, timeout=10000):
        count.type("abel")
    count.key(Qt.Key.Key_Return)  # to the list, on the one match
    with qtbot.waitSignal(window.intake_opened, timeout=10000):
        count.key(Qt.Key.Key_Return)  # no intake yet: a new one starts
    page = window.intake_page
    assert page is not None

    def regions(field: str, side: str, wanted: list[str]) -> None:
        count.tab_to(f"{field}.{side}")
        adder = QApplication.focusWidget()
        assert isinstance(adder, RegionAdder)
        for region in wanted:
            count.type(shortest_prefix(adder, region))
            count.key(Qt.Key.Key_Return)

    def choose(field: str, value: str) -> None:
        """Tab into the group (it lands on its first option when none is chosen), then arrows."""
        editor = page.form.editor(field.split(".")[0])
        first = next(b for b in editor.controls() if b.objectName().startswith(f"{field}="))
        count.tab_to(first.objectName())
        names = [b.objectName() for b in editor.controls() if b.objectName().startswith(f"{field}=")]
        steps = names.index(f"{field}={value}")
        if steps == 0:
            count.key(Qt.Key.Key_Space)
        for _ in range(steps):
            count.key(Qt.Key.Key_Right)

    def tick(name: str) -> None:
        count.tab_to(name)
        count.key(Qt.Key.Key_Space)

    regions("pain", "right", LIKELY["pain"]["right"])
    regions("tingling", "right", LIKELY["tingling"]["right"])
    choose("radiates_to.right", "foot")
    choose("weakness.right", "none")
    count.tab_to("nextSection")
    count.key(Qt.Key.Key_Space)
    assert page.form.current_section() == "behaviour"
    tick("pain_character=shooting_electric")
    choose("onset", "gradual")
    choose("trauma", "none")
    tick("worse_with=sitting")
    tick("worse_with=cough_sneeze_strain")
    tick("better_with=walking_about")
    count.tab_to("nextSection")
    count.key(Qt.Key.Key_Space)
    choose("back_pain", "moderate")
    choose("back_pain_new", "yes")
    choose("first_back_episode", "no")
    choose("leg_vs_back", "leg_worse")
    tick("back_conditions=herniated_disc")
    choose("back_surgery", "none")
    count.tab_to("nextSection")
    count.key(Qt.Key.Key_Space)
    assert page.form.current_section() == "safety"
    for rf in NO_RED_FLAGS:
        count.tab_to(f"{rf}=unknown")  # a safety question starts on "Not asked"
        count.key(Qt.Key.Key_N)
    assert page.panel.heading() == "Spinal origin LIKELY"
    count.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Review and complete
    assert page.review_is_open()
    count.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Complete and print both
    count.keys += 1  # Enter in the print dialog (the chooser answers it)
    finish(qtbot, window, chooser, tmp_path)
    print(f"\nKEYBOARD INTAKE: {count.keys} keystrokes ({count.typed} of them typed letters)")
    assert count.keys <= MAX_KEYSTROKES
