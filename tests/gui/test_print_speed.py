"""Issue 14 item 4, printing without a stall: a print job takes less of the machine. Only the inked parts of
a page are painted on the printer: Qt's PDF writer (which prints on Linux and writes PDF files) spent about
two thirds of a job encoding every pixel, white ones too, as JPEG, while the report process kept one of the
two cores busy and the window's thread waited for a CPU.

Structure and counts only; the time a job takes and the stall are measured in bench/gui.py.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from intake_app.gui import printing, report_process
from intake_app.gui.printing import open_pdf, print_to_pdf_file
from intake_app.gui.report_process import ReportProcess
from tests.gui.test_preview import black_page_pdf

pytestmark = pytest.mark.gui

LETTER = (612, 792)
SQUARE = (250, 350, 72, 72)  # points from the bottom left: one inch of ink, in the middle of the page


def square_pdf() -> bytes:
    """A Letter page that is white paper but for one black square inch in its middle."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=LETTER)
    sheet.rect(*SQUARE, stroke=0, fill=1)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[QRect]:
    """The part of each picture painted on a printer (its source rectangle), in order."""
    areas: list[QRect] = []
    draw = QPainter.drawImage

    def noted(self: QPainter, *args: Any) -> None:
        if isinstance(self.device(), printing.QPrinter):
            areas.append(QRect(args[2]))
        draw(self, *args)

    monkeypatch.setattr(QPainter, "drawImage", noted)
    return areas


def here() -> ReportProcess:
    """No report process: the job is painted on this thread, where `painted` sees it."""
    process = ReportProcess([sys.executable, "-c", "pass"])
    process.failures = report_process.MAX_FAILURES
    return process


def rendered(path: Path, size: QSize) -> QImage:
    holder = QObject()
    image = open_pdf(path.read_bytes(), holder).render(0, size)
    holder.deleteLater()
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(Qt.GlobalColor.white)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def test_only_the_inked_part_of_a_page_is_painted(qtbot: QtBot, tmp_path: Path, painted: list[QRect]) -> None:
    """Finding: every band of every page was painted whole, white margins and blank lines too (each band
    encoded as JPEG in full). A page with one square inch of ink now paints a few tiles around it, and the
    printed page still has the square where it was and nothing else."""
    target = tmp_path / "square.pdf"
    assert print_to_pdf_file([square_pdf()], target, reports=here()) == 1
    dpi = printing.PDF_FILE_DPI
    page = (LETTER[0] * dpi / 72) * (LETTER[1] * dpi / 72)
    area = sum(rect.width() * rect.height() for rect in painted)
    assert 0 < area < page * 0.05  # the inch is 1.1 % of the page; the tiles around it a little more

    size = QSize(LETTER[0], LETTER[1])  # one pixel a point: the square is at (250, 792 - 350 - 72)
    image = rendered(target, size)
    left, top, side = SQUARE[0], LETTER[1] - SQUARE[1] - SQUARE[3], SQUARE[2]
    assert image.pixelColor(left + side // 2, top + side // 2).value() < 40
    for x, y in ((left - 3, top + 10), (left + side + 3, top + 10), (left + 10, top - 3),
                 (left + 10, top + side + 3), (5, 5), (LETTER[0] - 5, LETTER[1] - 5)):
        assert image.pixelColor(x, y).value() > 240, (x, y)


def test_a_page_inked_to_its_edges_is_painted_whole(qtbot: QtBot, tmp_path: Path, painted: list[QRect]) -> None:
    """Nothing inked is left out: a page black to its edges is painted in full-width bands covering it."""
    assert print_to_pdf_file([black_page_pdf()], tmp_path / "black.pdf", reports=here()) == 1
    dpi = printing.PDF_FILE_DPI
    width, height = round(LETTER[0] * dpi / 72), round(LETTER[1] * dpi / 72)
    assert {(rect.left(), rect.width()) for rect in painted} == {(0, width)}
    assert sum(rect.height() for rect in painted) == height


def test_a_blank_page_is_still_a_page(qtbot: QtBot, tmp_path: Path, painted: list[QRect]) -> None:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    sheet = canvas.Canvas(out, pagesize=LETTER)
    sheet.showPage()
    sheet.save()
    assert print_to_pdf_file([square_pdf()], tmp_path / "one.pdf", reports=here()) == 1
    one = list(painted)
    painted.clear()
    target = tmp_path / "blank.pdf"
    assert print_to_pdf_file([square_pdf(), out.getvalue(), square_pdf()], target, reports=here()) == 3
    assert painted == one + one  # nothing painted on the blank page, and it is still printed
    holder = QObject()
    assert open_pdf(target.read_bytes(), holder).pageCount() == 3
    holder.deleteLater()
