"""The handout in the patient's language: every sentence in Spanish too, plain enough to read
(Fernández-Huerta 70 or more; English at Flesch-Kincaid grade 6 or lower), safety first as in
English, the patient's answers in Spanish through domain.wording, Spanish letters that print."""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Iterator

import pytest
import textstat

from intake_app.domain import load_questionnaire
from intake_app.domain.wording import question_text_for_side, region_list
from intake_app.reports import ReportError, ReportOptions, build_handout, handout_language
from intake_app.reports import handout_text as words
from intake_app.reports.handout import LARGE_SIZE, NORMAL_SIZE
from intake_app.reports.handout_text import Say, patient_date
from intake_app.screening import assess
from intake_app.settings import Settings
from tests.reports.helpers import (
    CASE_NAMES,
    FIELD_KEY,
    OPTIONS,
    RULE_ID,
    VISIT,
    Case,
    all_text,
    case,
    chars,
    flat,
    make_document,
    page_count,
    pdffonts,
    pdftotext,
)

ALL = {name: case(name) for name in CASE_NAMES}
ALL["child"] = case("likely", age=12)
NAMES = tuple(ALL)
Q = load_questionnaire()
STAY_ES = words.STAY_HERE("es", False)
JARGON_ES = ("radicul", "cauda", "equina", "dermatom", "neuropat", "claudicaci", "bandera roja", "alarma",
             "ciátic", "hernia", "estenosis", "triaje", "cribado", "protocolo", "clínico", "clínica ")


def every_say() -> Iterator[tuple[str, Say]]:
    """Every text the handout module defines, with a name for the failure message."""
    for name, value in vars(words).items():
        if isinstance(value, Say):
            yield name, value
        elif isinstance(value, dict):
            yield from ((f"{name}[{key}]", v) for key, v in value.items() if isinstance(v, Say))
        elif isinstance(value, tuple):
            yield from ((f"{name}[{i}]", v) for i, v in enumerate(value) if isinstance(v, Say))


class _Blank(dict[str, str]):
    """Values for a text's placeholders; any other placeholder (the strip's name, dates...) left empty."""

    def __missing__(self, key: str) -> str:
        return ""


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.fixture(scope="module")
def spanish() -> dict[str, bytes]:
    return {name: build_handout(c.document, c.assessment, OPTIONS, language="es") for name, c in ALL.items()}


@pytest.fixture(scope="module")
def english() -> dict[str, bytes]:
    return {name: build_handout(c.document, c.assessment, OPTIONS, language="en") for name, c in ALL.items()}


@pytest.fixture
def textstat_spanish() -> Iterator[None]:
    """textstat's Spanish measures (Pyphen's Spanish hyphenation: no download); English after."""
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang("en_US")


@pytest.fixture
def syllables_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """English syllables from Pyphen when NLTK's CMU dictionary is absent (textstat would download it)."""
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        from textstat.backend.counts import _count_syllables

        monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
        _count_syllables.count_syllables.cache_clear()


def patient_body(pdf: bytes, c: Case, language: str) -> str:
    """What the patient reads, from the PDF's text layer: after the header (clinic, name, date),
    before the tear-off strip for staff and the page number."""
    text = all_text(pdf)
    marker = f"\u00b7 {patient_date(c.document.visit_date, language)}"
    start = text.index(marker) + len(marker)
    ends = [i for i in (text.find("\u2702", start), text.find("Page 1 of", start), text.find("Página 1 de", start))
            if i >= 0]
    return text[start:min(ends, default=len(text))].strip()


# --- every sentence in both languages ---------------------------------------------------------------


def test_every_text_of_the_handout_has_its_spanish() -> None:
    found = dict(every_say())
    assert len(found) > 30  # the walk found the texts (a renamed container would hide them)
    for name, say in found.items():
        for child in (False, True):
            en, es = say.form("en", child), say.form("es", child)
            assert en.strip() and es.strip(), (name, child)
            assert es != en, f"{name} is not translated"
            assert placeholders(en) == placeholders(es), (name, child, en, es)
        assert not say.es_child or say.es_child != say.es, name


def test_a_text_without_its_spanish_is_caught() -> None:
    missing = Say(en="Stay here.", es="")
    with pytest.raises(TypeError):
        Say(en="Stay here.")  # type: ignore[call-arg]
    assert not missing.form("es", False).strip()  # what the test above fails on


@pytest.mark.parametrize("name", NAMES)
def test_no_english_sentence_in_the_spanish_patient_text(name: str, spanish: dict[str, bytes]) -> None:
    body = patient_body(spanish[name], ALL[name], "es")
    for key, say in every_say():
        for child in (False, True):
            # The clinic's own details (its name, its hours as typed) are not the handout's sentences.
            english_text = say.form("en", child).format_map(
                _Blank(ed="A&E", number="999", count="1", clinic="", phone="", hours=""))
            for sentence in re.split(r"(?<=[.:?])\s+", english_text):
                if len(sentence.split()) >= 3:
                    assert sentence not in body, (key, sentence)
    assert "Page" not in body and "Questions" not in body and "What we think" not in body


# --- readability, measured on the printed text ----------------------------------------------------


@pytest.mark.usefixtures("textstat_spanish")
@pytest.mark.parametrize("name", NAMES)
def test_spanish_handout_reads_easily(name: str, spanish: dict[str, bytes]) -> None:
    text = patient_body(spanish[name], ALL[name], "es")
    assert len(text.split()) > 60
    ease = textstat.fernandez_huerta(text)
    assert ease >= 70, (ease, text)


@pytest.mark.usefixtures("syllables_offline")
@pytest.mark.parametrize("name", NAMES)
def test_english_handout_reads_at_grade_six_or_lower(name: str, english: dict[str, bytes]) -> None:
    text = patient_body(english[name], ALL[name], "en")
    assert len(text.split()) > 60
    grade = textstat.flesch_kincaid_grade(text)
    assert grade <= 6.0, (grade, text)


# --- safety first, as in English --------------------------------------------------------------------


def test_urgent_spanish_opens_with_stay_here_then_the_emergency_number(spanish: dict[str, bytes]) -> None:
    text = flat(all_text(spanish["urgent"]))
    assert STAY_ES in text
    assert text.index(STAY_ES) < text.index("llame al 999 de inmediato") < text.index("Lo que pensamos")
    assert "un problema serio en la espalda" in text and "Necesita una revisión hoy en urgencias del hospital" in text
    assert "de inmediato si:" not in text  # no "go if" list for what the patient already has
    page = chars(spanish["urgent"])[0]
    joined = "".join(str(c["text"]) for c in page)
    assert float(page[joined.index("Quédese aquí")]["size"]) > NORMAL_SIZE


@pytest.mark.parametrize("name", [n for n in NAMES if n not in ("urgent", "longest")])
def test_spanish_go_now_signs_come_first(name: str, spanish: dict[str, bytes]) -> None:
    text = flat(all_text(spanish[name]))
    heading = (words.CALL_HEADING("es", name == "child", ed="urgencias del hospital", number="999"))
    assert heading in text
    signs = [sign("es", name == "child") for sign in words.CALL_SIGNS]
    for sign in signs:
        assert sign in text
    assert text.index(heading) < text.index(signs[-1]) < text.index("Lo que pensamos")
    assert STAY_ES not in text


def test_urgent_p_says_today_in_bold_in_spanish(spanish: dict[str, bytes]) -> None:
    text = flat(all_text(spanish["urgent_p"]))
    think = words.THINK["P"]("es", False)
    assert think in text
    bold = "".join(str(c["text"]) for c in chars(spanish["urgent_p"])[0] if "Bold" in str(c["fontname"]))
    assert "hoy mismo" in bold


def test_open_safety_questions_keep_the_patient_here_in_spanish(spanish: dict[str, bytes]) -> None:
    stay = words.MORE_QUESTIONS("es", False)
    assert stay in flat(all_text(spanish["incomplete"]))
    assert stay not in flat(all_text(spanish["likely"]))


def test_foot_alert_in_spanish(spanish: dict[str, bytes]) -> None:
    text = flat(all_text(spanish["not_indicated"]))
    assert "Hay que revisarle el pie hoy." in text
    for sign in ("frío o pálido", "caliente o hinchado", "una herida que no se cura"):
        assert sign in text


def test_the_strip_for_the_emergency_department_stays_in_the_clinics_words(spanish: dict[str, bytes]) -> None:
    c = ALL["urgent"]
    text = flat(all_text(spanish["urgent"]))
    strip = text[text.index("For the emergency department"):]
    for reason in c.assessment.red_flags:
        assert reason.text in strip
    assert "\u2702 corte por aquí" in text



def test_the_strip_is_in_the_clinics_language_whatever_the_patients(english: dict[str, bytes]) -> None:
    """A Spanish-speaking clinic's emergency department reads the strip in Spanish, with the reasons as the
    Spanish referral letter words them, also on an English patient's handout (it was always English)."""
    from intake_app.reports.referral_advice_es import words_for

    c = ALL["urgent"]
    clinic_es = dataclasses.replace(OPTIONS, clinic_language="es")
    text = flat(all_text(build_handout(c.document, c.assessment, clinic_es, language="en")))
    assert "For the emergency department" not in text
    strip = text[text.index("Para urgencias del hospital"):]
    spanish_reasons = words_for("es", c.document, c.assessment, Q, OPTIONS.emergency_department)
    assert c.assessment.red_flags
    for reason in c.assessment.red_flags:
        assert flat(spanish_reasons.reason(reason)) in strip
        assert reason.text not in strip
    assert "Señales de alarma:" in strip and "Red flags" not in strip
    # The patient's part stays in English, the patient's language.
    assert text.index("Stay here") < text.index("Para urgencias del hospital")
    assert "For the emergency department" in flat(all_text(english["urgent"]))


# --- emergency wording, dates, the child ------------------------------------------------------------


def test_emergency_number_and_department_in_spanish_follow_the_country() -> None:
    c = ALL["likely"]
    us = ReportOptions.from_settings(Settings(country="US", clinic_name="Lakeside Clinic"), page_size="Letter")
    text = flat(all_text(build_handout(c.document, c.assessment, us, language="es")))
    assert "Vaya a la sala de emergencias o llame al 911 de inmediato si:" in text
    de = ReportOptions.from_settings(Settings(country="DE"), page_size="A4")
    assert "llame al 112 de inmediato" in flat(all_text(build_handout(c.document, c.assessment, de, language="es")))
    own = dataclasses.replace(OPTIONS, emergency_department="St Mary's Hospital")
    assert "Vaya a urgencias del hospital (St Mary's Hospital) o llame al 999" in flat(
        all_text(build_handout(c.document, c.assessment, own, language="es")))


def test_dates_in_spanish_are_written_out(spanish: dict[str, bytes], english: dict[str, bytes]) -> None:
    assert patient_date(VISIT, "es") == "2 de marzo de 2026"
    text = flat(all_text(spanish["likely"]))
    assert "Para: Testperson, Alex \u00b7 2 de marzo de 2026" in text
    assert "Testperson, Alex | 2 de marzo de 2026" in text  # the footer
    assert VISIT.isoformat() not in text
    assert f"For: Testperson, Alex \u00b7 {VISIT.isoformat()}" in flat(all_text(english["likely"]))


def test_a_child_is_written_about_to_a_parent_or_carer_in_spanish(spanish: dict[str, bytes]) -> None:
    text = flat(all_text(spanish["child"]))
    assert "Para la madre, el padre o quien cuida a: Testperson, Alex" in text
    assert "su hijo o hija" in text
    assert "hijo" not in flat(all_text(spanish["likely"]))


@pytest.mark.parametrize("name", NAMES)
def test_no_field_key_rule_id_or_jargon_in_spanish(name: str, spanish: dict[str, bytes]) -> None:
    body = patient_body(spanish[name], ALL[name], "es")
    assert not RULE_ID.search(body), RULE_ID.search(body)
    assert [w for w in JARGON_ES if w in body.lower()] == []
    assert "un médico o una enfermera" in body
    text = pdftotext(spanish[name])
    assert not FIELD_KEY.findall(text), FIELD_KEY.findall(text)[:5]


# --- the patient's answers, in Spanish, through wording --------------------------------------------


def test_what_the_patient_told_us_comes_through_wording_in_spanish(spanish: dict[str, bytes]) -> None:
    c = ALL["likely"]
    text = flat(all_text(spanish["likely"]))
    assert "Lo que nos dijo" in text
    pain = c.document.answers["pain"]["right"]
    line = f"{question_text_for_side(Q, 'pain', 'right', language='es')}: {region_list(Q, pain, language='es')}."
    assert line == ("Dolor, pierna derecha: nalga, parte de atrás del muslo, pantorrilla, empeine (parte de "
                    "arriba del pie).")
    assert line in text
    assert "Hormigueo, pierna derecha: empeine (parte de arriba del pie), dedo gordo." in text
    assert "Peor dolor esta semana: 7 de 10." in text
    for english_word in ("Buttock", "buttock", "Back of thigh", "Calf", "Pain, right leg", "out of 10"):
        assert english_word not in text


def test_what_the_patient_told_us_in_english(english: dict[str, bytes]) -> None:
    text = flat(all_text(english["likely"]))
    assert "What you told us" in text
    assert "Pain, right leg: buttock, back of thigh, calf, top of foot." in text
    assert "Worst pain this week: 7 out of 10." in text


def test_an_urgent_same_day_handout_has_no_answers_list(spanish: dict[str, bytes]) -> None:
    assert "Lo que nos dijo" not in all_text(spanish["urgent"])


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_place_marked_still_fits_one_page(language: str) -> None:
    regions = list(Q.region_ids)
    document = make_document({side: {"left": regions, "right": regions} for side in ("pain", "numbness", "tingling")})
    assessment = assess(document, emergency_department=OPTIONS.emergency_department)
    assert assessment.level == "likely"
    pdf = build_handout(document, assessment, OPTIONS, language=language)
    assert page_count(pdf) == 1
    text = flat(all_text(pdf))
    more = words.MORE_PLACES(language, False, count=len(regions) - 2)
    assert more in text  # long lists cut short, not run onto a second page
    assert page_count(build_handout(document, assessment, OPTIONS, language=language, large_print=True)) <= 2


# --- print: one page, big type, Spanish letters -------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_spanish_fits_one_page_at_14_point_and_two_in_large_print(name: str, spanish: dict[str, bytes]) -> None:
    c = ALL[name]
    assert page_count(spanish[name]) == 1
    large = build_handout(c.document, c.assessment, OPTIONS, language="es", large_print=True)
    assert page_count(large) <= 2
    for pdf, size in ((spanish[name], NORMAL_SIZE), (large, LARGE_SIZE)):
        sizes = [float(ch["size"]) for ch in _patient_chars(pdf)]
        assert sizes and min(sizes) >= size - 1e-6


def _patient_chars(pdf: bytes) -> list[dict[str, object]]:
    found = []
    for page in chars(pdf):
        text = "".join(str(c["text"]) for c in page)
        cut = text.find("\u2702")
        body = page[:cut] if cut >= 0 else page
        footer_top = max(float(c["top"]) for c in page) - 15
        found += [c for c in body if str(c["text"]).strip() and float(c["top"]) < footer_top]
    return found


def test_spanish_letters_print_in_embedded_fonts_and_read_back() -> None:
    document = make_document({}, family="Peña Núñez", given="María José")
    options = dataclasses.replace(OPTIONS, clinic_name="Clínica del Pie Añil",
                                  clinic_hours="lunes a sábado, de 8 a 18 h. ¡También los domingos!")
    c = Case("likely", document, assess(document, emergency_department=OPTIONS.emergency_department))
    pdf = build_handout(c.document, c.assessment, options, language="es")
    fonts = pdffonts(pdf)
    assert fonts and all(f["emb"] == "yes" for f in fonts), fonts
    assert {f["name"].split("+")[-1] for f in fonts} <= {"DejaVuSans", "DejaVuSans-Bold"}
    for text in (flat(all_text(pdf)), flat(pdftotext(pdf))):
        for piece in ("¿Preguntas?", "Peña Núñez, María José", "Clínica del Pie Añil", "¡También los domingos!",
                      "diagnóstico", "Siga moviéndose", "médico"):
            assert piece in text, piece
        assert all(ch in text for ch in "¿¡ñáéíóú")
    drawn = {str(ch["text"]): str(ch["fontname"]) for page in chars(pdf) for ch in page}
    for letter in "¿¡ñáéíóú":
        assert "DejaVuSans" in drawn.get(letter, ""), letter


# --- which language --------------------------------------------------------------------------------


def test_the_language_defaults_to_the_patients_preferred_one() -> None:
    es_doc = make_document({"preferred_language": "es"})
    assert handout_language(es_doc) == "es"
    assert handout_language(make_document({"preferred_language": "other"})) == "en"
    assert handout_language(make_document({"preferred_language": "en"})) == "en"
    assert handout_language(make_document({})) == "en"
    assert handout_language(make_document({}), clinic_language="es") == "es"
    assert handout_language(make_document({"preferred_language": "en"}), clinic_language="es") == "en"
    assert handout_language(make_document({}), clinic_language="fr") == "en"
    assert handout_language(es_doc, "en") == "en"
    assessment = assess(es_doc, emergency_department=OPTIONS.emergency_department)
    assert "Lo que pensamos" in all_text(build_handout(es_doc, assessment, OPTIONS))
    assert "What we think" in all_text(build_handout(es_doc, assessment, OPTIONS, language="en"))
    plain = make_document({})
    spanish_clinic = dataclasses.replace(OPTIONS, clinic_language="es")
    assert "Lo que pensamos" in all_text(build_handout(plain, assess(plain), spanish_clinic))


def test_an_unknown_language_is_refused_by_name() -> None:
    c = ALL["likely"]
    with pytest.raises(ReportError, match=r"en \(English\) or es \(Español\), not 'fr'"):
        build_handout(c.document, c.assessment, OPTIONS, language="fr")


def test_the_page_number_is_in_the_patients_language(spanish: dict[str, bytes], english: dict[str, bytes]) -> None:
    # Finding: the Spanish handout's footer said "Page 1 of 1".
    text = flat(all_text(spanish["likely"]))
    assert "Página 1 de 1" in text and "Page 1 of" not in text
    assert "Page 1 of 1" in flat(all_text(english["likely"]))
