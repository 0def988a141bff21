"""Issue 14 item 4, printing without a stall: a print job takes less of the machine, and what it takes waits
for the window.

- Only the inked parts of a page are painted on the printer (Qt's PDF writer, which prints on Linux and
  writes PDF files, spent about two thirds of a job encoding every pixel, white ones too, as JPEG).
- The report process runs in a session of its own, so that on Linux its CPU is not charged to the window's
  scheduling group (the window's thread waited behind the job it had asked for), and it gives way there.

Structure and counts only; the time a job takes and the stall are measured in bench/gui.py.
"""

from __future__ import annotations

import io
import os
import subprocess
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
    target = tmp_path / "blank.pdf"
    assert print_to_pdf_file([square_pdf(), out.getvalue(), square_pdf()], target, reports=here()) == 3
    holder = QObject()
    assert open_pdf(target.read_bytes(), holder).pageCount() == 3
    holder.deleteLater()


@pytest.mark.skipif(sys.platform == "win32", reason="sessions are POSIX; Windows asks for a priority class")
def test_the_report_process_starts_in_a_session_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding: the process shared the window's session, so on Linux its print jobs were charged to the
    window's scheduling group and its nice value counted only against the window's own threads."""
    asked: list[dict[str, Any]] = []
    popen = subprocess.Popen

    def noted(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        asked.append(kwargs)
        return popen(*args, **kwargs)

    monkeypatch.setattr(report_process.subprocess, "Popen", noted)
    process = ReportProcess([sys.executable, "-c", "import sys; sys.stdin.read()"])
    process.start()
    try:
        assert process.pid is not None
        assert asked[0].get("start_new_session") is True
        assert os.getsid(process.pid) == process.pid != os.getsid(0)
    finally:
        process.close()


@pytest.mark.skipif(not Path("/proc/self/autogroup").exists(), reason="Linux with automatic scheduling groups")
def test_the_report_process_gives_way_to_the_window_in_its_own_scheduling_group(qtbot: QtBot) -> None:
    process = ReportProcess()
    try:
        process.render(black_page_pdf(), 40)  # answered: the process is serving
        assert process.pid is not None
        group = Path(f"/proc/{process.pid}/autogroup").read_text()
        assert group != Path("/proc/self/autogroup").read_text()
        assert group.split()[-1] == str(report_process.GROUP_NICE)
    finally:
        process.close()


def test_a_process_that_does_not_lead_its_session_leaves_the_group_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Started by hand in a terminal, the process would otherwise make the terminal's whole session nicer."""
    niced: list[int] = []
    monkeypatch.setattr(report_process.os, "nice", niced.append, raising=False)
    group = tmp_path / "autogroup"
    group.write_text("/autogroup-1 nice 0\n")
    monkeypatch.setattr(report_process.os, "getsid", lambda _pid: 1, raising=False)
    monkeypatch.setattr(report_process.os, "getpid", lambda: 2)
    report_process._give_way(group)
    assert group.read_text() == "/autogroup-1 nice 0\n" and niced == [report_process.PROCESS_NICE]

    monkeypatch.setattr(report_process.os, "getsid", lambda _pid: 2, raising=False)
    report_process._give_way(group)
    assert group.read_text() == f"{report_process.GROUP_NICE}\n"
