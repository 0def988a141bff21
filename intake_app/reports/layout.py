"""Page set-up shared by both reports: paper, printer-safe margins, the footer on every page.

The footer (patient name, date of birth, "Page X of Y") is measured before layout so that a long
name wraps inside it and pushes the body up instead of being clipped.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from reportlab import platypus, rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from intake_app.reports.fonts import BASE_FONT, BOLD_FONT, para, register_fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": LETTER}
# Most office printers cannot print closer than about 5 mm to the edge; 15 mm is safe everywhere.
PRINT_MARGIN: float = 15 * mm
SIDE_MARGIN: float = 15 * mm
TOP_MARGIN: float = 15 * mm
FOOTER_GAP: float = 5 * mm
INK = colors.HexColor("#111111")
RULE_GREY = colors.HexColor("#888888")


@dataclass(frozen=True)
class Footer:
    """What every page carries at the bottom: the patient (markup) and the page count."""

    markup: str
    font_size: float
    plain: str = ""  # the same text unmarked, to tell whether it needs shaping
    page_label: str = "Page {number} of {total}"  # in the reader's language


def page_size(name: str) -> tuple[float, float]:
    """Width and height in points; ReportOptions has already checked the name."""
    width, height = PAGE_SIZES[name]
    return float(width), float(height)


def content_width(name: str) -> float:
    return page_size(name)[0] - 2 * SIDE_MARGIN


def style(name: str, size: float, *, bold: bool = False, leading: float | None = None, **kw: Any) -> ParagraphStyle:
    """A paragraph style in DejaVu Sans; leading defaults to 1.25 times the size."""
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=BOLD_FONT if bold else BASE_FONT,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.25, 1),
        textColor=kw.pop("textColor", INK),
        **kw,
    )


def _page_label(number: int, total: int, template: str = Footer.page_label) -> str:
    return template.format(number=number, total=total)


def _numbered_canvas(page_width: float, footer_top: float, font_size: float,
                     label: str = Footer.page_label) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each can say how many pages there are."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.setFont(BASE_FONT, font_size)
                self.setFillColor(INK)
                text = _page_label(number, total, label)
                self.drawRightString(page_width - SIDE_MARGIN, footer_top - font_size, text)
                super().showPage()
            super().save()

    return NumberedCanvas


@cache
def configure_reportlab() -> None:
    """Process-wide reportlab settings (this package is reportlab's only user in the program).

    Compressed streams are written as binary instead of ASCII85 text: ASCII85 only matters for
    7-bit mail transports; without it the files are a fifth smaller and a referral builds about
    10% faster. Drawings start in DejaVu Sans instead of Helvetica, which would otherwise be
    referenced (unembedded) by every page with a drawing even though no text uses it.
    """
    from reportlab.graphics import shapes

    register_fonts()
    rl_config.useA85 = 0
    shapes.STATE_DEFAULTS["fontName"] = BASE_FONT


def _footer_geometry(paper: str, footer: Footer) -> tuple[Paragraph, float]:
    """The footer paragraph and the top of the footer band (points from the bottom edge)."""
    width, height = page_size(paper)
    footer_style = style(f"footer{footer.font_size}", footer.font_size, textColor=INK)
    label_width = stringWidth(_page_label(999, 999, footer.page_label), BASE_FONT, footer.font_size) + 4 * mm
    footer_para = para(footer.markup, footer_style, footer.plain)
    _, footer_height = footer_para.wrap(width - 2 * SIDE_MARGIN - label_width, height)
    footer_height = max(footer_height, footer_style.leading)
    return footer_para, PRINT_MARGIN + footer_height


def frame_height(paper: str, footer: Footer) -> float:
    """The height of the body frame on each page (what page 1 must fit in)."""
    _, footer_top = _footer_geometry(paper, footer)
    return page_size(paper)[1] - TOP_MARGIN - footer_top - FOOTER_GAP


def render(
    story: Sequence[Flowable],
    *,
    paper: str,
    title: str,
    footer: Footer,
    invariant: bool = False,
) -> bytes:
    """Lay the story out on pages with the footer and return the PDF bytes.

    The PDF metadata names only the kind of report and the program, never the patient. The canvas
    starts in DejaVu Sans, so no unembedded Helvetica is ever referenced.
    """
    register_fonts()
    configure_reportlab()
    width, height = page_size(paper)
    footer_para, footer_top = _footer_geometry(paper, footer)
    bottom = footer_top + FOOTER_GAP

    def draw_footer(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE_GREY)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE_MARGIN, footer_top + 1.5 * mm, width - SIDE_MARGIN, footer_top + 1.5 * mm)
        footer_para.drawOn(canvas, SIDE_MARGIN, PRINT_MARGIN)
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        leftMargin=SIDE_MARGIN,
        rightMargin=SIDE_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=bottom,
        title=title,
        author="Foot & Leg Intake",
        creator="Foot & Leg Intake",
        subject="",
        keywords="",
        invariant=1 if invariant else 0,
        initialFontName=BASE_FONT,
    )
    frame = Frame(
        SIDE_MARGIN, bottom, width - 2 * SIDE_MARGIN, height - TOP_MARGIN - bottom,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=draw_footer)])
    doc.build(list(story), canvasmaker=_numbered_canvas(width, footer_top, footer.font_size,
                                                                  footer.page_label))
    return buffer.getvalue()


class Table(platypus.Table):  # type: ignore[misc]
    """reportlab's Table, with DejaVu Sans as the cell font from the start.

    A plain Table draws every string cell (even an empty one) in Helvetica unless told otherwise,
    which puts an unembedded Helvetica into the PDF; this one never does.
    """

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        super().__init__(data, *args, **kwargs)
        self.setStyle(platypus.TableStyle([("FONT", (0, 0), (-1, -1), BASE_FONT, 8)]))
