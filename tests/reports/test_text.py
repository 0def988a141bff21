"""Names as people type them: markup prints literally, every script comes back from the text layer."""

from __future__ import annotations

import pytest

from intake_app.reports import ReportOptions, build_handout, build_referral
from intake_app.reports.fonts import (
    BASE_FONT,
    CJK_CHINESE,
    CJK_JAPANESE,
    CJK_KOREAN,
    cjk_font_for,
    register_fonts,
    rich,
    visual_order,
)
from tests.reports.helpers import OPTIONS, all_text, chars, flat, make_document, nfkc, screened

HOSTILE = '<b>Ann</b> & <img src="x"/>'


def test_rich_escapes_markup_characters() -> None:
    assert rich(HOSTILE) == '&lt;b&gt;Ann&lt;/b&gt; &amp; &lt;img src="x"/&gt;'
    assert rich("&amp; &#60;") == "&amp;amp; &amp;#60;"


@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_a_hostile_name_prints_literally_and_nothing_is_evaluated(build: object) -> None:
    document = make_document(family=HOSTILE, given='<font name="Courier">Bo</font> &amp;')
    options = ReportOptions("Clinic <i>&</i> Co", "1 <br/> Road", "<u>0</u>", "A4", OPTIONS.generated_at)
    pdf = build(*screened(document), options)  # type: ignore[operator]
    text = all_text(pdf)
    assert f'{HOSTILE}, <font name="Courier">Bo</font> &amp;' in text
    assert "Clinic <i>&</i> Co" in text
    # The <font> tag was not obeyed: no Courier anywhere in the file.
    assert not any("Courier" in str(c["fontname"]) for page in chars(pdf) for c in page)


NAMES = {
    "cyrillic": ("Иванова", "Анна Сергеевна"),
    "greek": ("Παπαδοπούλου", "Ελένη"),
    "vietnamese": ("Nguyễn", "Thị Hương"),
    "chinese": ("王", "小明"),
    "japanese": ("やまだ", "花子"),
    "korean": ("김", "민준"),
}


@pytest.mark.parametrize("script", NAMES, ids=list(NAMES))
@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_names_in_many_scripts_come_back_from_the_text_layer(script: str, build: object) -> None:
    family, given = NAMES[script]
    pdf = build(*screened(make_document(family=family, given=given)), OPTIONS)  # type: ignore[operator]
    assert f"{family}, {given}" in all_text(pdf)


def test_cjk_names_use_a_cjk_font_instead_of_boxes() -> None:
    pdf = build_referral(*screened(make_document(family="王", given="小明")), OPTIONS)
    fonts = {str(c["fontname"]) for page in chars(pdf) for c in page if c["text"] in "王小明"}
    # reportlab names the PDF font after the Adobe standard face (STSong-Light -> STSongStd-Light).
    assert fonts and all("STSong" in f for f in fonts)


@pytest.mark.parametrize(
    ("text", "font"),
    [("王小明", CJK_CHINESE), ("山田 はなこ", CJK_JAPANESE), ("やまだ", CJK_JAPANESE), ("김민준", CJK_KOREAN),
     ("金 민준", CJK_KOREAN)],
)
def test_the_cjk_font_follows_the_script(text: str, font: str) -> None:
    assert cjk_font_for(text) == font
    assert f'<font name="{font}">' in rich(text)


def test_latin_greek_and_cyrillic_stay_in_dejavu() -> None:
    assert rich("Nguyễn Ελένη Анна") == "Nguyễn Ελένη Анна"
    pdf = build_referral(*screened(make_document(family="Nguyễn", given="Ελένη Анна")), OPTIONS)
    fonts = {str(c["fontname"]) for page in chars(pdf) for c in page if c["text"] in "ễΕλένηАна"}
    assert fonts and all("DejaVuSans" in f for f in fonts)


def test_every_name_glyph_exists_in_the_embedded_font() -> None:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(BASE_FONT).face
    for family, given in [v for k, v in NAMES.items() if k in ("cyrillic", "greek", "vietnamese")]:
        for ch in family + given:
            if ch.strip():
                assert ord(ch) in face.charToGlyph, ch


ARABIC = ("عبد الله", "محمد")
HEBREW = ("כהן", "שרה")


def test_right_to_left_text_is_shaped_and_put_in_visual_order() -> None:
    shaped = visual_order("محمد")
    assert shaped != "محمد"
    assert nfkc(shaped)[::-1] == "محمد"  # presentation forms, reversed for left-to-right layout
    assert visual_order("שרה") == "הרש"
    assert visual_order("Alex") == "Alex"


@pytest.mark.parametrize("name", [ARABIC, HEBREW], ids=["arabic", "hebrew"])
def test_right_to_left_names_come_back_in_reading_order(name: tuple[str, str]) -> None:
    family, given = name
    pdf = build_referral(*screened(make_document(family=family, given=given)), OPTIONS)
    # pypdf reorders right-to-left runs into logical order; NFKC folds shaped Arabic letters back.
    # (pdfplumber returns the visual order instead, i.e. the name reversed.)
    text = nfkc(all_text(pdf))
    assert f"{family}, {given}" in text
    assert "\x00" not in text and "\ufffd" not in text


def test_arabic_never_needs_a_ligature_dejavu_lacks() -> None:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    face = pdfmetrics.getFont(BASE_FONT).face
    for ch in visual_order("عبد الله محمد"):
        assert ord(ch) in face.charToGlyph, hex(ord(ch))


def test_a_mixed_latin_and_arabic_name_keeps_both_parts() -> None:
    pdf = build_referral(*screened(make_document(family="Haddad", given="محمد")), OPTIONS)
    text = flat(nfkc(all_text(pdf)))
    assert "Haddad" in text and "محمد" in text
