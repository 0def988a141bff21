"""The bar chart of the clinicians' page: confirmation among seen patients per level, with 95 % Wilson
whiskers, painted with QPainter (no plotting library to load).

Each bar's label carries its counts ("3 of 4"); a level with fewer than 10 seen patients is drawn hatched and
marked "fewer than 10", so a small group never passes for a trend.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from intake_app.screening.model import LEVEL_TITLES
from intake_app.screening.performance import SMALL_GROUP, LevelFigures, Rate
from intake_app.translation_marks import QT_TRANSLATE_NOOP

INK = QColor("#111111")
BAR = QColor("#3b6e99")
GRID = QColor("#c8c8c8")
MUTED = QColor("#555555")
TITLE = QT_TRANSLATE_NOOP("ConfirmationChart", "Confirmed among seen, by level, with 95% intervals")
SMALL_NOTE = QT_TRANSLATE_NOOP("ConfirmationChart", "fewer than {0}")
# The screening's level titles (screening.model.LEVEL_TITLES, English, no Qt there) marked for lupdate
# here, where they are shown; tests/gui/test_admin_spanish.py checks this list matches LEVEL_TITLES.
LEVEL_TITLES_MARKED = (
    QT_TRANSLATE_NOOP("Level", "URGENT"),
    QT_TRANSLATE_NOOP("Level", "Spinal origin likely"),
    QT_TRANSLATE_NOOP("Level", "Spinal origin possible"),
    QT_TRANSLATE_NOOP("Level", "Spinal origin not indicated"),
)


def level_title(level: str) -> str:
    """A result level's title in the desk's language (an unknown level as recorded)."""
    title = LEVEL_TITLES.get(level)  # type: ignore[call-overload]
    return QCoreApplication.translate("Level", str(title)) if title else level


def rate_text(rate: Rate) -> str:
    """"7 of 9 (78%, 95% CI 45-94%)"; "0 of 0 (no cases)"; a small group is marked (Rate.text, in the
    desk's language)."""
    if not rate.denominator:
        return QCoreApplication.translate("ConfirmationChart", "0 of 0 (no cases)")
    low, high = rate.interval or (0.0, 0.0)
    text = QCoreApplication.translate("ConfirmationChart", "{0} of {1} ({2}%, 95% CI {3}-{4}%)").format(
        rate.numerator, rate.denominator, f"{(rate.value or 0) * 100:.0f}", f"{low * 100:.0f}", f"{high * 100:.0f}")
    if rate.small:
        text += QCoreApplication.translate("ConfirmationChart", " - fewer than {0} cases").format(SMALL_GROUP)
    return text


class ConfirmationChart(QWidget):
    """Bars of confirmation per level; `set_levels` replaces the figures and repaints."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels: tuple[LevelFigures, ...] = ()
        self.setMinimumSize(QSize(420, 230))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr(TITLE))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # the clinic's language changed: the words again
            self.setAccessibleName(self.tr(TITLE))
            self.set_levels(self.levels)

    def set_levels(self, levels: tuple[LevelFigures, ...]) -> None:
        self.levels = levels
        described = "; ".join(f"{level_title(f.level)}: {rate_text(f.confirmation)}" for f in levels)
        self.setAccessibleDescription(described)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(560, 260)

    def labels(self) -> list[str]:
        """The text under each bar (what the chart says in words; tests read it)."""
        labels = []
        for figures in self.levels:
            rate = figures.confirmation
            counts = self.tr("{0} of {1}").format(rate.numerator, rate.denominator)
            text = f"{level_title(figures.level)}\n{counts}"
            if rate.denominator and rate.small:
                text += "\n" + self.tr(SMALL_NOTE).format(SMALL_GROUP)
            labels.append(text)
        return labels

    def empty_text(self) -> str:
        """What the chart says when no intake was completed in the period."""
        return self.tr("No completed intakes in this period.")

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        font = QFont(self.font())
        metrics = painter.fontMetrics()
        line = metrics.height()
        left, top, right, bottom = 8 + metrics.horizontalAdvance("100%") + 6, line * 2, 12, line * 3 + 10
        plot = QRectF(left, top, max(10.0, self.width() - left - right), max(10.0, self.height() - top - bottom))
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(QRectF(0, 2, self.width(), line * 1.4), Qt.AlignmentFlag.AlignHCenter, self.tr(TITLE))
        painter.setFont(font)
        for percent in range(0, 101, 20):  # the value axis and its grid
            y = plot.bottom() - plot.height() * percent / 100
            painter.setPen(QPen(GRID, 1, Qt.PenStyle.DotLine if percent else Qt.PenStyle.SolidLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(INK)
            painter.drawText(QRectF(0, y - line / 2, left - 6, line), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, f"{percent}%")
        painter.setPen(QPen(INK, 1))
        painter.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.left(), plot.bottom()))
        if not self.levels:
            painter.setPen(MUTED)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text())
            painter.end()
            return
        step = plot.width() / len(self.levels)
        bar_width = min(56.0, step * 0.45)
        for index, (figures, label) in enumerate(zip(self.levels, self.labels(), strict=True)):
            rate = figures.confirmation
            centre = plot.left() + step * (index + 0.5)
            if rate.denominator:
                height = plot.height() * (rate.value or 0.0)
                bar = QRectF(centre - bar_width / 2, plot.bottom() - height, bar_width, height)
                painter.setPen(QPen(INK, 1))
                brush = QBrush(BAR, Qt.BrushStyle.BDiagPattern if rate.small else Qt.BrushStyle.SolidPattern)
                if rate.small:  # hatched over a light fill: visibly not a solid figure
                    painter.fillRect(bar, QColor("#dbe6f0"))
                painter.fillRect(bar, brush)
                painter.drawRect(bar)
                low, high = rate.interval or (0.0, 0.0)
                y_low = plot.bottom() - plot.height() * low
                y_high = plot.bottom() - plot.height() * high
                painter.setPen(QPen(INK, 1.6))
                painter.drawLine(QPointF(centre, y_low), QPointF(centre, y_high))
                for y in (y_low, y_high):
                    painter.drawLine(QPointF(centre - 6, y), QPointF(centre + 6, y))
            painter.setPen(INK if rate.denominator else MUTED)
            painter.drawText(QRectF(centre - step / 2, plot.bottom() + 4, step, line * 3 + 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, label)
        painter.end()
