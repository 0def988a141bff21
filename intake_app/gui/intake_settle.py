"""The intake page's body, its idle-time settling, and the paint it holds back while it is brought forward.

The window builds the intake page while the desk is idle (`IntakePage.build_steps`); the steps here then lay
the hidden page out and draw it once, a few milliseconds a step, so that showing it for the first intake has
little left to do. When an intake is opened, the page's workspace (the form, the map and the result) is
drawn in stages after the page comes forward (`PaintHold`): the header one event-loop turn later, the form
a turn after it, the map and the result a turn after that. Filling, showing and drawing the whole page in
one turn was one stall of 20-50 ms.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImage, QMoveEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from shiboken6 import isValid

from intake_app.gui.question_row import QuestionRow

if TYPE_CHECKING:
    from intake_app.gui.intake_page import IntakePage

#: A settling step hands the event loop back after this long.
SETTLE_STEP_S = 0.004
#: The held paint is let go this long after the page came forward (a third of a frame): by a timer, not a
#: posted event, so that what waits (input, other timers) is handled between showing the page and drawing
#: its workspace.
HOLD_MS = 5


def settle_steps(page: IntakePage) -> Iterator[None]:
    """Lay out and draw the hidden page once, a few milliseconds a step. Done all at once when it is first
    shown, it stalled the window for 100-300 ms: every layout of the page's ~900 widgets computed for the
    first time, every widget's style rules looked up and its words shaped at its first paint. Stops as soon
    as the page is on screen (opened meanwhile: what is left is done by showing it)."""
    parent = page.parentWidget()
    if parent is None or page.isVisible():
        return
    page.setGeometry(parent.contentsRect())  # the room it will have (a page of the window's stack)
    yield
    # The result panel in the state a new intake opens with ("not screened yet"), so that it is laid out and
    # drawn below with the words it will show: its first words, level chip style and reasons were otherwise
    # set, polished and laid out in the turn that opens the first intake.
    if page.record is None:
        page.panel.show_not_screened()
        yield
    # Children first: a parent's layout then finds its children's sizes already worked out.
    widgets = [w for w in page.findChildren(QWidget) if w.layout() is not None]
    clock = StepClock()
    for widget in reversed(widgets):
        if page.isVisible():
            return
        layout = widget.layout() if isValid(widget) else None
        if layout is not None:
            layout.activate()
        if clock.spent():
            yield
    outer = page.layout()
    if outer is not None:
        outer.activate()
    yield
    # A hidden widget hears of its new size only when it is first shown or drawn, and only then places its
    # children (a scroll area its body, a splitter the form, the map and the result): told here, parents
    # before children, so every piece has the size it will be shown at.
    for _done in _deliver_all(page, page, clock):
        if page.isVisible():
            return
        yield
    # The form's stack places only the section in front; every other section got no size at all, so the
    # first intake (which opens on "Where it hurts", not the first section) sized and placed ~140 widgets
    # when shown. Each section is given the size it will be shown at, and placed, here.
    stack = page.form.stack
    for index in range(stack.count()):
        section = stack.widget(index)
        if page.isVisible():
            return
        if section is None or section is stack.currentWidget():
            continue
        section.setGeometry(stack.contentsRect())
        for _done in _deliver_all(page, section, clock):
            if page.isVisible():
                return
            yield
    # The map's shapes and the layers it keeps for this size, a piece a step (made all at once by its first
    # paint, they were one step of 20-50 ms).
    for _piece in page.map.prepare_steps():
        if page.isVisible():
            return
        yield
    yield
    clock = StepClock()
    # Then each piece drawn once into an image nobody sees (a question row at a time).
    canvas = QImage(max(1, page.width()), max(1, page.height()), QImage.Format.Format_ARGB32_Premultiplied)
    pieces: list[QWidget] = [page.map, page.map_box, page.panel, page.form.nav,
                             *page.form.findChildren(QuestionRow)]
    for piece in pieces:
        if page.isVisible():
            return
        if isValid(piece) and not piece.isHidden() and not piece.size().isEmpty():
            piece.render(canvas)
        if clock.spent():
            yield
    page.settled = True


def _deliver_all(page: QWidget, top: QWidget, clock: StepClock) -> Iterator[None]:
    """The pending move and resize events of `top` and everything in it, parents before children (a
    scroll area's body, a row's editor, sized by their parents' layouts as the events arrive)."""
    for widget in [top, *top.findChildren(QWidget)]:
        if page.isVisible():
            return
        if isValid(widget):
            deliver_pending_geometry(widget)
            if isinstance(widget, QScrollArea):
                content = widget.widget()
                layout = content.layout() if content is not None else None
                if layout is not None:
                    layout.activate()
        if clock.spent():
            yield


def deliver_pending_geometry(widget: QWidget) -> None:
    """The move and resize events a hidden widget is owed, as Qt sends them when it is first shown."""
    if widget.testAttribute(Qt.WidgetAttribute.WA_PendingMoveEvent):
        QApplication.sendEvent(widget, QMoveEvent(widget.pos(), widget.pos()))
        widget.setAttribute(Qt.WidgetAttribute.WA_PendingMoveEvent, False)
    if widget.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
        QApplication.sendEvent(widget, QResizeEvent(widget.size(), QSize()))
        widget.setAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent, False)


class StepClock:
    """How long the current step has run: `spent()` says when to hand the event loop back (and starts anew)."""

    def __init__(self, budget_s: float = SETTLE_STEP_S) -> None:
        self.budget_s = budget_s
        self._started = time.perf_counter()

    def spent(self) -> bool:
        if time.perf_counter() - self._started < self.budget_s:
            return False
        self._started = time.perf_counter()
        return True


class PaintHold:
    """Draws a widget in stages, one event-loop turn after another: `stages[0]` (and everything in it) from
    the turn after it is held, each next stage (widgets inside the ones before) a turn later.

    Held, the stages' updates are off, so the turn that brings the intake page forward fills, shows and lays
    it out but draws none of it; a timer lets go of one stage at a time: the header (who, when, the buttons,
    the urgent banner), then the form, then the map and the result. Drawn all in one turn with the rest of
    the opening, they were the longest stall of an open. Nothing else is delayed: the widgets are filled,
    laid out and take input at once."""

    def __init__(self, *stages: tuple[QWidget, ...]) -> None:
        self.stages = stages
        self._next_stage = len(stages)
        self._timer = QTimer(stages[0][0])
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(HOLD_MS)
        self._timer.timeout.connect(self._next)

    @property
    def held(self) -> bool:
        return self._timer.isActive()

    @property
    def drawn_stages(self) -> int:
        """How many stages have been let go (all of them when nothing is held)."""
        return self._next_stage

    def hold(self) -> None:
        # Inner stages first: a widget held on its own stays held when the one around it is let go (Qt keeps
        # an explicit setUpdatesEnabled(False)); held after its parent, it would only inherit the parent's.
        for stage in reversed(self.stages):
            for widget in stage:
                if widget.updatesEnabled():
                    widget.setUpdatesEnabled(False)
        self._next_stage = 0
        self._timer.start()

    def _next(self) -> None:
        """Let go of the next stage; the timer runs again while any is left."""
        self._let_go(self.stages[self._next_stage])
        self._next_stage += 1
        if self._next_stage < len(self.stages):
            self._timer.start()

    def release(self) -> None:
        """Every stage drawn again (at once, when the page is left before the timer let go of all)."""
        self._timer.stop()
        for stage in self.stages[self._next_stage:]:
            self._let_go(stage)
        self._next_stage = len(self.stages)

    @staticmethod
    def _let_go(stage: tuple[QWidget, ...]) -> None:
        for widget in stage:
            if not widget.updatesEnabled():
                widget.setUpdatesEnabled(True)


def unfilled(area: QScrollArea) -> None:
    """A scroll area whose viewport and widget leave their background to what is behind them.

    A scroll area fills both by default, which makes them "opaque" to Qt's repaint manager: when the window's
    stack brought the intake page forward, each such widget was drawn on its own and then drawn again with
    the stack (every question row, the map and the result panel twice). The page's body paints the same
    colour itself (`Body.paintEvent`), as part of the one pass."""
    area.viewport().setAutoFillBackground(False)
    content = area.widget()
    if content is not None:
        content.setAutoFillBackground(False)


class Body(QWidget):
    """The page inside its scroll area: as tall as the screen allows, taller only below its minimum.

    The scroll area asks for the height at a width; the layout would answer with the height it would
    *like* (the form's full length), giving a 1366x768 screen a second scroll bar it does not need. The
    answer here counts the header and the banner at that width, and only the minimum of the rest."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.stretchy: QWidget | None = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """The background its scroll area used to fill (see `unfilled`)."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        painter.end()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        layout = self.layout()
        if layout is None or self.stretchy is None:
            return super().heightForWidth(width)
        stretchy = self.stretchy
        liked = stretchy.heightForWidth(width) if stretchy.hasHeightForWidth() else stretchy.sizeHint().height()
        needed = layout.heightForWidth(width) - max(0, liked) + stretchy.minimumSizeHint().height()
        return max(needed, self.minimumSizeHint().height())
