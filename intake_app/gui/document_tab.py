"""One document of the preview: a busy or error notice until its PDF is there, then its pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from intake_app.gui.page_view import PageView, RenderedPages


class _DocumentTab(QWidget):
    """One document: a busy or error notice until the PDF is there, then the pages, fitted to the width."""

    retry_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.pdf: bytes | None = None
        self.failed = False

        self.notice = QLabel(self)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)  # moving bar: how long it takes is not known
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setFixedWidth(240)
        self.busy_bar.setAccessibleName(self.tr("Working"))
        self.retry_button = QPushButton(self.tr("Try again"), self)
        self.retry_button.clicked.connect(self.retry_requested)
        notice_page = QWidget(self)
        notice_layout = QVBoxLayout(notice_page)
        notice_layout.addStretch(2)
        notice_layout.addWidget(self.notice)
        notice_layout.addSpacing(8)
        notice_layout.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        notice_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        notice_layout.addStretch(3)

        self.view = PageView(self)
        self.view.setAccessibleName(title)
        self.view.page_changed.connect(self._show_page_number)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(notice_page)
        self.stack.addWidget(self.view)
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageCount")
        self.page_label.setContentsMargins(6, 0, 6, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.page_label)
        self.show_busy(self.tr("Preparing..."))

    @property
    def page_count(self) -> int:
        return self.view.page_count()

    @property
    def shown(self) -> bool:
        return self.view.pages is not None

    def clear(self) -> None:
        """Nothing of an earlier document is kept (a new intake is previewed in the same dialog)."""
        self.pdf = None
        self.view.clear_pages()

    def show_busy(self, text: str) -> None:
        self.failed = False
        self.notice.setText(text)
        self.busy_bar.show()
        self.retry_button.hide()
        self.page_label.clear()
        self.stack.setCurrentIndex(0)

    def show_failure(self, text: str) -> None:
        self.failed = True
        self.notice.setText(text)
        self.busy_bar.hide()
        self.retry_button.show()
        self.page_label.clear()
        self.stack.setCurrentIndex(0)

    def show_pages(self, pages: RenderedPages) -> None:
        """The document's pages, rendered off the GUI thread; from its first page (a new document) or at the
        same place (the same document rendered again for a new width)."""
        same = self.pdf is pages.pdf
        self.pdf = pages.pdf
        self.view.set_pages(pages, keep_place=same)
        self.stack.setCurrentIndex(1)
        self._show_page_number(self.view.current_page())

    def _show_page_number(self, page: int) -> None:
        count = self.page_count
        if not count:
            return
        pages = self.tr("1 page") if count == 1 else self.tr("{0} pages").format(count)
        self.page_label.setText(self.tr("{0} \u00b7 showing page {1} of {2}").format(pages, page + 1, count))


#: Its words are translated in the context "_DocumentTab" (the class's name, as `tr` reads it).
DocumentTab = _DocumentTab
