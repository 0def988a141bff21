"""Fonts for the PDFs, and the one way person-supplied text becomes Paragraph markup.

DejaVu Sans (shipped in resources/fonts) covers Latin (with Vietnamese), Greek, Cyrillic, Hebrew and
Arabic. Chinese, Japanese and Korean fall back to reportlab's built-in CID fonts, which PDF viewers
supply themselves, so nothing large is embedded. Arabic is shaped and right-to-left text is put
into visual order here, because reportlab lays text out left to right only.
"""

from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from intake_app.resources import resource_path

BASE_FONT = "DejaVuSans"
BOLD_FONT = "DejaVuSans-Bold"

# One CID font per CJK script. Han characters alone are read as Chinese (simplified Song style).
CJK_CHINESE = "STSong-Light"
CJK_JAPANESE = "HeiseiMin-W3"
CJK_KOREAN = "HYSMyeongJo-Medium"

_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uffa0-\uffdc]")
_CJK_CHAR = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3200-\u32ff\u3300-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC_CHAR = re.compile("[\u0600-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


@cache
def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) as one family; done once per process (about 10 ms)."""
    pdfmetrics.registerFont(TTFont(BASE_FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD_FONT, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        BASE_FONT, normal=BASE_FONT, bold=BOLD_FONT, italic=BASE_FONT, boldItalic=BOLD_FONT
    )


@cache
def _cid_font(name: str) -> str:
    """Register one built-in CID font on first use; the family mapping lets it sit inside <b>."""
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    return name


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    # Ligatures such as the one for "Allah" are missing from DejaVu Sans and would print as a box.
    return arabic_reshaper.ArabicReshaper(configuration={"support_ligatures": False})


def cjk_font_for(text: str) -> str:
    """The CID font for the CJK runs of `text`: kana means Japanese, Hangul Korean, else Chinese."""
    if _KANA.search(text):
        return CJK_JAPANESE
    if _HANGUL.search(text):
        return CJK_KOREAN
    return CJK_CHINESE


def visual_order(text: str) -> str:
    """Shape Arabic letters and reorder right-to-left runs for display; other text is unchanged."""
    if not _RTL_CHAR.search(text):
        return text
    if _ARABIC_CHAR.search(text):
        text = _reshaper().reshape(text)
    return str(get_display(text))


def is_simple(text: str) -> bool:
    """True when `text` needs neither a CJK font nor right-to-left reordering."""
    return not (_CJK_CHAR.search(text) or _RTL_CHAR.search(text))


def rich(text: object) -> str:
    """Paragraph markup that prints `text` literally, in a font that has its glyphs.

    Everything a person typed (names, clinic details) and every label goes through here: markup
    characters are escaped, so `<b>` or `&` print as themselves and nothing is interpreted.
    """
    register_fonts()
    value = visual_order(str(text))
    if not _CJK_CHAR.search(value):
        return escape(value)
    font = _cid_font(cjk_font_for(value))
    parts: list[str] = []
    for run in re.split(f"({_CJK_CHAR.pattern}+)", value):
        if not run:
            continue
        if _CJK_CHAR.match(run):
            parts.append(f'<font name="{font}">{escape(run)}</font>')
        else:
            parts.append(escape(run))
    return "".join(parts)
