"""The preview's pages: rendered as pictures away from the GUI thread, shown in a scrolling column fitted to
its width.

Rendering a PDF page takes PDFium's lock and, through PySide6, Python's: one whole page at screen size is
10-40 ms in which no other thread of the process can run any Python. So the pages are rendered in the
application's report process (report_process.py, which calls `render_pages`), or, when there is none, on
the preview's worker thread in bands of RENDER_BAND_PIXELS (about a millisecond each); the GUI thread only
draws finished pictures: it never touches the PDF while a preview is being prepared.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from intake_app.gui.printing import _band_rows, _render_band, open_pdf

RENDER_BAND_PIXELS = 120_000  # pixels per render call (each holds Python's lock for about a millisecond)
PAGE_SPACING = 12
MARGIN = 12
# Pages drawn wider or narrower than they were rendered by more than this share are rendered again for the
# width they are drawn at: a picture drawn at its own size is sharp and costs the GUI thread no scaling.
RENDER_AGAIN = 0.02


@dataclass(frozen=True)
class RenderedPages:
    """A PDF and pictures of its pages, each `width` pixels wide on white."""

    pdf: bytes
    points: tuple[QSizeF, ...]  # each page's size in points
    images: tuple[QImage, ...]
    width: int


def render_pages(pdf: bytes, width: int) -> RenderedPages:
    """Every page of `pdf` as a picture `width` pixels wide. Runs on a worker thread; raises PrintError
    when the bytes are not a readable PDF."""
    holder = QObject()  # parent of the document: it goes when the holder goes, on this thread
    try:
        document = open_pdf(pdf, holder)
        points, images = [], []
        for index in range(document.pageCount()):
            size = document.pagePointSize(index)
            points.append(QSizeF(size))
            height = max(2, round(width * size.height() / size.width()))
            images.append(_render_page(document, index, QSize(width, height)))
        return RenderedPages(pdf, tuple(points), tuple(images), width)
    finally:
        shiboken6.delete(holder)


def _render_page(document: QPdfDocument, index: int, size: QSize) -> QImage:
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(QColor(Qt.GlobalColor.white))
    rows = _band_rows(size, RENDER_BAND_PIXELS)
    painter = QPainter(page)
    try:
        for top in range(0, size.height(), rows):
            band = _render_band(document, index, size, top, rows)
            painter.drawImage(QPoint(0, top), band, QRect(0, 0, size.width(), min(rows, size.height() - top)))
    finally:
        painter.end()
    return page


class _Column(QWidget):
    """The pages one below the other, each as wide as the column allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: RenderedPages | None = None
        self.rects: list[QRect] = []
        self.setAutoFillBackground(False)

    def arrange(self, width: int) -> None:
        self.rects = []
        y = MARGIN
        inner = max(1, width - 2 * MARGIN)
        for points in self.pages.points if self.pages else ():
            height = round(inner * points.height() / points.width())
            self.rects.append(QRect(MARGIN, y, inner, height))
            y += height + PAGE_SPACING
        self.setFixedHeight(y - PAGE_SPACING + MARGIN if self.rects else 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        if self.pages is None:
            return
        painter = QPainter(self)
        shown = event.rect()
        scale = self.devicePixelRatioF()
        for rect, image in zip(self.rects, self.pages.images, strict=True):
            if rect.intersects(shown):
                # Smoothed only while the picture waits to be rendered again for this width (see RENDER_AGAIN).
                exact = abs(rect.width() * scale - image.width()) <= 1
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not exact)
                painter.drawImage(rect, image)
        painter.end()


class PageView(QScrollArea):
    """Pictures of a document's pages, fitted to the width, scrolled with the wheel, keys or bar.

    `page_changed(index)` when another page comes to the middle of the view; `width_wanted(pixels)` when
    the pages shown were rendered for a width far from the one they are drawn at (render them again).
    """

    page_changed = Signal(int)
    width_wanted = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # the width never jumps
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundRole(QPalette.ColorRole.Dark)
        self.column = _Column(self)
        self.setWidget(self.column)
        self._page = 0
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    @property
    def pages(self) -> RenderedPages | None:
        return self.column.pages

    def page_count(self) -> int:
        return len(self.column.pages.images) if self.column.pages else 0

    def render_width(self) -> int:
        """How many pixels wide the pages should be rendered to be drawn sharp at the current width."""
        inner = max(200, self.viewport().width() - 2 * MARGIN)
        return round(inner * self.devicePixelRatioF())

    def set_pages(self, pages: RenderedPages, *, keep_place: bool = False) -> None:
        bar = self.verticalScrollBar()
        share = bar.value() / max(1, bar.maximum()) if keep_place else 0.0
        self.column.pages = pages
        self.column.resize(self.viewport().width(), self.column.height())
        self.column.arrange(self.viewport().width())
        self.column.setFixedWidth(self.viewport().width())
        bar.setValue(round(share * bar.maximum()))
        self._page = -1
        self._scrolled(bar.value())

    def current_page(self) -> int:
        return max(0, self._page)

    def clear_pages(self) -> None:
        """No pages (the pictures of an earlier document are let go)."""
        self.column.pages = None
        self.column.arrange(self.viewport().width())
        self._page = 0

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        width = self.viewport().width()
        self.column.setFixedWidth(width)
        self.column.arrange(width)
        self.check_width()

    def check_width(self) -> None:
        """Ask for the pages again (`width_wanted`) when they were rendered for a width far from this one."""
        pages = self.column.pages
        wanted = self.render_width()
        if pages is not None and self.isVisible() and abs(wanted - pages.width) > RENDER_AGAIN * pages.width:
            self.width_wanted.emit(wanted)

    def _scrolled(self, value: int) -> None:
        rects = self.column.rects
        if not rects:
            return
        bar = self.verticalScrollBar()
        if value >= bar.maximum() > 0:
            page = len(rects) - 1  # at the very end the last page is the one being read, however short
        else:
            middle = value + self.viewport().height() // 2
            page = next((i for i, rect in enumerate(rects) if middle < rect.bottom() + PAGE_SPACING), len(rects) - 1)
        if page != self._page:
            self._page = page
            self.page_changed.emit(page)
