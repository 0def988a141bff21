"""The words above the result's reasons are as tall as their lines, in the real window (issue 14 follow-up).

Finding: in the main window the result panel's title ("Screening result (live)"), its level chip and the
"Safety questions not asked yet" notice stood two to three times as tall as their words. The panel set each
label's minimum height from QLabel.heightForWidth, which answers at least the minimum already set: measured
once at a narrow width (before the splitter gives the panel its room), the height could never come down."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from intake_app.domain import load_questionnaire
from intake_app.gui.app import create_application
from intake_app.gui.assessment_panel import AssessmentPanel, needed_height
from tests.gui.scripted import ScriptedChooser
from tests.gui.test_front_desk import open_window, seeded_url, start_intake  # noqa: F401 (the fixture)

pytestmark = pytest.mark.gui

TASKBAR = 40


def lines_of(label: QLabel) -> int:
    """How many lines the label's words take at its width (font metrics, word-wrapped)."""
    metrics = label.fontMetrics()
    room = label.contentsRect().width()
    high = metrics.boundingRect(QRect(0, 0, room, 10_000), int(Qt.TextFlag.TextWordWrap), label.text()).height()
    return max(1, round(high / metrics.lineSpacing()))


def too_tall(label: QLabel) -> str | None:
    margins = label.height() - label.contentsRect().height()
    most = lines_of(label) * label.fontMetrics().lineSpacing() + margins + 2  # 2: rounding of the line heights
    if label.height() > most:
        return (f"{label.objectName()} {label.text()[:40]!r}: {label.height()} px high for {lines_of(label)} "
                f"line(s) of {label.fontMetrics().lineSpacing()} px and {margins} px of margins")
    return None


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)], ids=["1366x768", "1024x600"])
def test_the_result_panel_labels_are_as_tall_as_their_lines_in_the_window(
    qtbot: Any, seeded_url: str, size: tuple[int, int]  # noqa: F811 (the fixture)
) -> None:
    window = open_window(qtbot, seeded_url, chooser=ScriptedChooser())
    window.resize(size[0], size[1] - TASKBAR)
    page = start_intake(qtbot, window, "abel")
    with qtbot.waitSignal(page.assessed):
        page.form.set_regions("pain", {"right": ["heel", "calf"], "left": []})
    page.show_result()
    panel = page.panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.gap.isVisible())
    layout = panel.layout()
    assert layout is not None
    layout.activate()
    QApplication.processEvents()
    labels = (panel.title, panel.level, panel.gap)
    assert all(label.width() > 100 for label in labels)
    problems = [p for p in map(too_tall, labels) if p]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", ["sectionTitle", "levelChip", "gapNotice", "muted"])
def test_needed_height_is_what_qt_gives_a_label_without_a_minimum(qtbot: Any, name: str) -> None:
    """The panel's measure of a label agrees with Qt's own (heightForWidth of a label whose minimum is 0),
    under the application's style sheet (padding and borders), at several widths."""
    create_application()
    panel = AssessmentPanel(load_questionnaire())
    qtbot.addWidget(panel)
    label = QLabel("Safety questions not asked yet: ask them before the patient leaves.", panel)
    label.setObjectName(name)
    label.setProperty("level", "routine")
    label.setWordWrap(True)
    label.ensurePolished()
    for width in (90, 160, 240, 385, 600):
        assert needed_height(label, width) == label.heightForWidth(width), width
