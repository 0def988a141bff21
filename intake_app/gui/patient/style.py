"""Patient mode's look: large type, big touch targets, colours of at least 4.5:1 contrast.

Sizes come from the system font (so text grows with it): the base point size is twice the
application's, and never under MIN_POINT_SIZE. STYLE_SHEET holds colours, borders and paddings only;
the sizes are written into the window's sheet when it is made (`style_sheet`), worked out from the
system font then. They must be in the sheet: the desk's application style sheet sets every widget's
font size (`QWidget { font-size: 10pt }`), and a style sheet's size wins over a font given with
setFont, so without them patient mode showed the desk's 10 pt. `tests/gui/patient` reads every colour
pair of STYLE_SHEET and checks its contrast.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QWidget

MIN_POINT_SIZE = 20  # the smallest text patient mode shows
MIN_TARGET = 44  # px: the smallest height (and width) of anything a patient touches
TARGET_HEIGHT = 64  # px: the usual height of an answer button

INK = "#1b1f24"
PAGE = "#ffffff"
MUTED = "#4a5159"  # help text on the page
PRIMARY = "#1d5fa8"  # Next, and a chosen answer
PRIMARY_INK = "#ffffff"
SECONDARY = "#e8edf3"  # Back, unchosen answers
CALM = "#e6f1ea"  # the "please tell the front desk" page
CALM_INK = "#17331f"
FOCUS = "#b35900"  # focus ring: dark orange, visible on white and on blue
BORDER = "#5d6b7a"

STYLE_SHEET = f"""
QWidget#patientMode, QWidget#pageBody {{ background: {PAGE}; color: {INK}; }}
QLabel {{ color: {INK}; }}
QLabel#help {{ color: {MUTED}; background: {PAGE}; }}
QLabel#optionText {{ color: {INK}; background: {SECONDARY}; }}
QLabel#optionText[checked="true"] {{ color: {PRIMARY_INK}; background: {PRIMARY}; }}
QPushButton#primary QLabel#optionText {{ color: {PRIMARY_INK}; background: {PRIMARY}; }}
QFrame#calm, QFrame#calm QLabel {{ color: {CALM_INK}; background: {CALM}; }}
QPushButton {{ color: {INK}; background: {SECONDARY}; border: 2px solid {BORDER}; border-radius: 10px;
    padding: 8px 18px; }}
QPushButton#primary {{ color: {PRIMARY_INK}; background: {PRIMARY}; border: 2px solid {PRIMARY}; }}
QPushButton:checked {{ color: {PRIMARY_INK}; background: {PRIMARY}; border: 2px solid {INK}; }}
QPushButton:disabled, QPushButton#primary:disabled {{ color: {MUTED}; background: {SECONDARY};
    border: 2px dashed {BORDER}; }}
QPushButton:focus {{ border: 4px solid {FOCUS}; }}
QLineEdit, QPlainTextEdit, QSpinBox {{ color: {INK}; background: {PAGE}; border: 2px solid {BORDER};
    border-radius: 6px; padding: 6px; }}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus {{ border: 4px solid {FOCUS}; }}
QProgressBar {{ color: {INK}; background: {SECONDARY}; border: 2px solid {BORDER}; border-radius: 6px; }}
QProgressBar::chunk {{ background: {PRIMARY}; }}
QScrollArea {{ background: {PAGE}; border: none; }}
"""

_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DECLARATION = re.compile(r"(?<![-\w])(color|background)\s*:\s*(#[0-9a-fA-F]{6})")


def colour_pairs(sheet: str = STYLE_SHEET) -> list[tuple[str, str, str]]:
    """(selector, text colour, background colour) for every rule that sets both."""
    pairs = []
    for selector, body in _RULE.findall(sheet):
        found = dict(_DECLARATION.findall(body))
        if "color" in found and "background" in found:
            pairs.append((" ".join(selector.split()), found["color"], found["background"]))
    return pairs


def _luminance(colour: str) -> float:
    c = QColor(colour)
    channels = []
    for value in (c.redF(), c.greenF(), c.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    r, g, b = channels
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


#: The larger sizes patient mode uses (headings, the language buttons), as multiples of the base size.
SCALES = (1.25, 1.3, 1.4)


def _scale_key(scale: float) -> str:
    return f"{scale:g}"


def style_sheet() -> str:
    """Patient mode's whole sheet: STYLE_SHEET's colours and the font sizes of now (see the module's note).
    A widget's own sheet wins over the application's, so the desk's font size stops at patient mode."""
    base = base_point_size()
    sizes = [f"QWidget {{ font-size: {base:g}pt; }}"]
    sizes += [f'QWidget[fontScale="{_scale_key(scale)}"] {{ font-size: {base * scale:g}pt; }}' for scale in SCALES]
    return STYLE_SHEET + "\n".join(sizes) + "\n"


def set_scaled_font(widget: QWidget, scale: float, *, bold: bool = False) -> None:
    """The patient font at `scale` (one of SCALES, or 1) for one widget, in its font and in the sheet's terms."""
    if scale != 1.0 and scale not in SCALES:
        raise ValueError(f"patient mode has no text size {scale}; add it to SCALES")
    widget.setFont(patient_font(scale, bold=bold))
    if scale != 1.0:
        widget.setProperty("fontScale", _scale_key(scale))


def base_point_size() -> float:
    """Twice the system's font size, at least MIN_POINT_SIZE: text grows with the system font."""
    app = QApplication.instance()
    system = QApplication.font().pointSizeF() if isinstance(app, QApplication) else 10.0
    if system <= 0:
        system = 10.0
    return max(float(MIN_POINT_SIZE), 2.0 * system)


def apply_fonts(root: QWidget) -> None:
    """Give every widget under `root` that has no font of its own the patient font. (A style sheet
    on an ancestor stops Qt from passing the font down, so each widget gets it set.)"""
    base = patient_font()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) or widget.font().pointSizeF() < MIN_POINT_SIZE:
            widget.setFont(base)


def patient_font(scale: float = 1.0, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(base_point_size() * scale)
    font.setBold(bold)
    return font
