"""Fonts for the PDFs, and the one way person-supplied text becomes Paragraph markup.

Every font is a TrueType font embedded (subset) in the PDF, so a name prints the same on any viewer
or printer. DejaVu Sans (shipped in resources/fonts) covers Latin (with Vietnamese), Greek,
Cyrillic, Hebrew and Arabic. Chinese, Japanese and Korean use WenQuanYi Micro Hei (or Droid Sans
Fallback), Thai uses a TLWG font (Garuda, Loma...) and Devanagari Lohit Devanagari: system fonts
found with fontconfig (`make setup` installs them). Thai and Devanagari need glyph shaping, which
reportlab does with uharfbuzz. Where a script has no font (or no shaping), the name is printed in
Latin letters with "(name in a script this printer cannot show)" rather than as empty boxes.

Arabic is shaped and right-to-left text is put into visual order here, because reportlab lays
text out left to right only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.platypus import Paragraph

from intake_app.resources import resource_path

BASE_FONT = "DejaVuSans"
BOLD_FONT = "DejaVuSans-Bold"
CANNOT_SHOW = "(name in a script this printer cannot show)"
# Where fonts live on a Debian/Ubuntu machine, for when fontconfig is not installed.
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", str(Path.home() / ".local/share/fonts"))


@dataclass(frozen=True)
class Script:
    """A writing system DejaVu Sans lacks: which characters, which fonts may show it, and shaping."""

    name: str
    pattern: re.Pattern[str]
    families: tuple[str, ...]  # fontconfig family names, best first
    files: tuple[str, ...]  # file names to look for when fontconfig cannot be asked
    shaping: bool


CJK = Script(
    "cjk",
    re.compile(
        "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
        "\u3200-\u32ff\u3300-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
        "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
    ),
    ("WenQuanYi Micro Hei", "Droid Sans Fallback"),
    ("wqy-microhei.ttc", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf"),
    shaping=False,
)
THAI = Script("thai", re.compile("[\u0e00-\u0e7f]"), ("Garuda", "Loma", "Norasi", "Kinnari", "Sawasdee"),
              ("Garuda.ttf", "Loma.ttf", "Norasi.ttf", "Kinnari.ttf", "Sawasdee.ttf"), shaping=True)
DEVANAGARI = Script("devanagari", re.compile("[\u0900-\u097f\ua8e0-\ua8ff\u1cd0-\u1cff]"),
                    ("Lohit Devanagari", "Gargi", "Samanala"),
                    ("Lohit-Devanagari.ttf", "Gargi.ttf"), shaping=True)
SCRIPTS: tuple[Script, ...] = (CJK, THAI, DEVANAGARI)
_SCRIPT_RUNS = re.compile("(" + "|".join(f"{s.pattern.pattern}+" for s in SCRIPTS) + ")")
_NEEDS_SHAPING = re.compile("|".join(s.pattern.pattern for s in SCRIPTS if s.shaping))

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


def _fc_match(family: str) -> Path | None:
    """The file fontconfig gives for exactly this family, or None (no fc-match, or another family)."""
    program = shutil.which("fc-match")
    if not program:
        return None
    try:
        result = subprocess.run([program, "-f", "%{family}\t%{file}", family], capture_output=True,
                                text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    names, _, file = result.stdout.partition("\t")
    if result.returncode != 0 or family.casefold() not in (n.strip().casefold() for n in names.split(",")):
        return None
    path = Path(file.strip())
    return path if path.is_file() else None


def _search_dirs(file_name: str) -> Path | None:
    for folder in SYSTEM_FONT_DIRS:
        if not os.path.isdir(folder):
            continue
        for root, _dirs, files in os.walk(folder):
            if file_name in files:
                return Path(root) / file_name
    return None


@cache
def script_font(script: Script) -> str | None:
    """The registered font name for a script, or None when no usable font is installed.

    A font is usable when reportlab can embed it (TrueType outlines: a CFF font such as Noto Sans
    CJK raises TTFError) and, for a script that needs shaping, when uharfbuzz is importable.
    """
    register_fonts()
    candidates = [_fc_match(family) for family in script.families]
    candidates += [_search_dirs(name) for name in script.files]
    for path in candidates:
        if path is None:
            continue
        name = f"Intake-{script.name}"
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except (TTFError, OSError, ValueError):
            continue
        if script.shaping and not font.shapable:
            return None
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        return name
    return None


@cache
def _reshaper() -> arabic_reshaper.ArabicReshaper:
    # Ligatures such as the one for "Allah" are missing from DejaVu Sans and would print as a box.
    return arabic_reshaper.ArabicReshaper(configuration={"support_ligatures": False})


def visual_order(text: str) -> str:
    """Shape Arabic letters and reorder right-to-left runs for display; other text is unchanged."""
    if not _RTL_CHAR.search(text):
        return text
    if _ARABIC_CHAR.search(text):
        text = _reshaper().reshape(text)
    return str(get_display(text))


def _script_of(run: str) -> Script | None:
    return next((s for s in SCRIPTS if s.pattern.match(run)), None)


def is_simple(text: str) -> bool:
    """True when `text` prints in DejaVu Sans alone, left to right (a plain table cell will do)."""
    return not (_SCRIPT_RUNS.search(text) or _RTL_CHAR.search(text))


def needs_shaping(text: str) -> bool:
    return bool(_NEEDS_SHAPING.search(text))


def printable(text: object) -> str:
    """`text` as it can be printed: a run in a script with no usable font is transliterated and
    followed once by CANNOT_SHOW. Everything else is unchanged."""
    value = str(text)
    if not _SCRIPT_RUNS.search(value):
        return value
    parts: list[str] = []
    missing = False
    for run in _SCRIPT_RUNS.split(value):
        script = _script_of(run) if run else None
        if script is not None and script_font(script) is None:
            parts.append(_transliterate(run))
            missing = True
        else:
            parts.append(run)
    joined = "".join(parts)
    if not missing:
        return joined
    return f"{' '.join(joined.split())} {CANNOT_SHOW}".strip()


def _transliterate(run: str) -> str:
    """Latin letters for a run (anyascii); without that package only the note is printed."""
    try:
        from anyascii import anyascii
    except ImportError:
        return ""
    return str(anyascii(run)).strip()


def rich(text: object) -> str:
    """Paragraph markup that prints `text` literally, in a font that has its glyphs.

    Everything a person typed (names, clinic details) and every label goes through here: markup
    characters are escaped, so `<b>` or `&` print as themselves and nothing is interpreted.
    """
    register_fonts()
    value = visual_order(printable(text))
    if not _SCRIPT_RUNS.search(value):
        return escape(value)
    parts: list[str] = []
    for run in _SCRIPT_RUNS.split(value):
        if not run:
            continue
        script = _script_of(run)
        font = script_font(script) if script is not None else None
        if font is not None:
            parts.append(f'<font name="{font}">{escape(run)}</font>')
        else:
            parts.append(escape(run))
    return "".join(parts)


@cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def para(markup: str, style: ParagraphStyle, plain: str | Sequence[str] = "", **kw: object) -> Paragraph:
    """A Paragraph from markup made with rich(); shaped (uharfbuzz) only when the text needs it,
    since shaping every paragraph would cost time for nothing."""
    probe = plain if isinstance(plain, str) else " ".join(plain)
    if needs_shaping(probe or markup):
        style = _shaped(style)
    return Paragraph(markup, style, **kw)


def text_para(text: object, style: ParagraphStyle, **kw: object) -> Paragraph:
    """A Paragraph printing `text` literally (escaped, right fonts, shaped where needed)."""
    return para(rich(text), style, str(text), **kw)
