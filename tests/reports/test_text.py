"""Names as people type them: markup prints literally, every script comes back from the text layer."""

from __future__ import annotations

import pytest

from intake_app.reports import ReportOptions, build_handout, build_referral, fonts
from intake_app.reports.fonts import (
    BASE_FONT,
    CANNOT_SHOW,
    CJK,
    DEVANAGARI,
    THAI,
    printable,
    register_fonts,
    rich,
    script_font,
    visual_order,
)
from tests.reports.helpers import (
    OPTIONS,
    all_text,
    chars,
    flat,
    make_document,
    nfkc,
    pdffonts,
    pdftotext,
    screened,
)

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
    "thai": ("ใจดี", "สมชาย"),
}


@pytest.mark.parametrize("script", NAMES, ids=list(NAMES))
@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_names_in_many_scripts_come_back_from_the_text_layer(script: str, build: object) -> None:
    family, given = NAMES[script]
    pdf = build(*screened(make_document(family=family, given=given)), OPTIONS)  # type: ignore[operator]
    assert f"{family}, {given}" in all_text(pdf)


@pytest.mark.parametrize(("text", "script"), [("王小明", CJK), ("山田 はなこ", CJK), ("김민준", CJK),
                                              ("สมชาย", THAI), ("प्रिया", DEVANAGARI)])
def test_each_script_gets_an_embeddable_truetype_font(text: str, script: fonts.Script) -> None:
    from reportlab.pdfbase import pdfmetrics

    name = script_font(script)
    assert name is not None, f"no font for {script.name}: run make setup"
    assert f'<font name="{name}">' in rich(text)
    face = pdfmetrics.getFont(name).face
    for ch in text.replace(" ", ""):
        assert ord(ch) in face.charToGlyph, (script.name, ch)


def test_cjk_names_use_the_embedded_cjk_font_instead_of_boxes() -> None:
    pdf = build_referral(*screened(make_document(family="王", given="小明")), OPTIONS)
    fonts_used = {str(c["fontname"]) for page in chars(pdf) for c in page if c["text"] in "王小明"}
    assert fonts_used and all("Intake-cjk" in f or "WenQuanYi" in f or "Droid" in f for f in fonts_used), fonts_used


MORE_SCRIPTS = {
    "thai": ("ใจดี", "สมชาย"),
    "devanagari": ("शर्मा", "प्रिया"),
}


@pytest.mark.parametrize("script", MORE_SCRIPTS, ids=list(MORE_SCRIPTS))
@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_shaped_scripts_print_with_their_own_font(script: str, build: object) -> None:
    family, given = MORE_SCRIPTS[script]
    pdf = build(*screened(make_document(family=family, given=given)), OPTIONS)  # type: ignore[operator]
    text = pdftotext(pdf)
    assert CANNOT_SHOW not in text
    # reportlab maps a shaped conjunct (र्म, प्र) to a private-use code in the text layer, so only
    # the letters outside conjuncts are compared; every glyph is drawn from the embedded font.
    if script == "thai":
        assert f"{family}, {given}" in text
    else:
        assert "\u0936" in text and "\u092f\u093e" in text
    names = {row["name"].split("+")[-1] for row in pdffonts(pdf)}
    assert any(n.startswith(("Garuda", "Loma", "Lohit", "Gargi", "Norasi", "Kinnari", "Sawasdee")) for n in names)


ALL_SCRIPTS = {
    "cyrillic": ("Иванова", "Анна"), "greek": ("Παπαδοπούλου", "Ελένη"), "vietnamese": ("Nguyễn", "Thị Hương"),
    "chinese": ("王", "小明"), "japanese": ("やまだ", "花子"), "korean": ("김", "민준"),
    "arabic": ("حداد", "محمد"), "hebrew": ("כהן", "שרה"), "thai": ("ใจดี", "สมชาย"),
    "devanagari": ("शर्मा", "प्रिया"),
}


@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_every_font_in_a_multi_script_report_is_embedded(build: object) -> None:
    pdfs = [build(*screened(make_document(family=f, given=g)), OPTIONS)  # type: ignore[operator]
            for f, g in ALL_SCRIPTS.values()]
    for pdf in pdfs:
        rows = pdffonts(pdf)
        assert rows
        assert all(row["emb"] == "yes" for row in rows), [row["line"] for row in rows]
        assert not any("Helvetica" in row["name"] or "Times" in row["name"] for row in rows)


def test_a_script_with_no_usable_font_prints_a_transliteration_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "script_font", lambda script: None if script is THAI else "DejaVuSans")
    assert printable("สมชาย Smith") == f"smchay Smith {CANNOT_SHOW}"
    pdf = build_referral(*screened(make_document(family="ใจดี", given="สมชาย")), OPTIONS)
    text = flat(pdftotext(pdf))
    assert CANNOT_SHOW in text
    assert "aichdi, smchay" in text


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


@pytest.mark.parametrize("build", [build_referral, build_handout], ids=["referral", "handout"])
def test_every_case_embeds_every_font_and_keeps_the_patient_out_of_the_metadata(build: object) -> None:
    import io

    from pypdf import PdfReader

    from tests.reports.helpers import CASE_NAMES, case

    for name in CASE_NAMES:
        c = case(name, family="Nguyễn-王", given="Анна")
        pdf = build(c.document, c.assessment, OPTIONS)  # type: ignore[operator]
        rows = pdffonts(pdf)
        assert rows and all(row["emb"] == "yes" for row in rows), (name, [row["line"] for row in rows])
        metadata = " ".join(str(v) for v in (PdfReader(io.BytesIO(pdf)).metadata or {}).values())
        assert "Nguy" not in metadata and "Анна" not in metadata and "王" not in metadata


def test_without_a_transliterator_the_note_alone_is_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_anyascii(name: str, *args: object, **kwargs: object) -> object:
        if name == "anyascii":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fonts, "script_font", lambda script: None)
    monkeypatch.setattr(builtins, "__import__", no_anyascii)
    assert printable("สมชาย Smith") == f"Smith {CANNOT_SHOW}"
