"""The referral letter in the clinic's language (issue 16, item 3): a Spanish-speaking clinic gets its
letter in Spanish, read back from the PDF: Spanish headings and answers, red flags first, the open
safety answers (D8) leading, no field key, value code or English word left in the body, and every
rule of the rule table written in Spanish."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from intake_app.domain import load_questionnaire
from intake_app.domain.wording import answer_text, describe, question_text
from intake_app.reports import ReportError, build_referral
from intake_app.reports.letter import level_style
from intake_app.reports.referral_advice_es import SpanishWords, english_d8
from intake_app.reports.referral_reasons_es import RULE_NAMES_ES
from intake_app.reports.referral_rules_es import RENDERERS
from intake_app.reports.referral_text import LEVEL_WORDS, SAFETY_LEAD
from intake_app.reports.wording import brief
from intake_app.screening import RULES, assess
from tests.reports.helpers import (
    CASE_NAMES,
    DOTTED_ASSIGNMENT,
    FIELD_KEY,
    OPTIONS,
    RED_FLAGS,
    case,
    flat,
    make_document,
    page_count,
    page_texts,
    pdftotext,
    screened,
)

Q = load_questionnaire("foot-leg-intake/2")
# A Spanish-speaking clinic, its own details in Spanish (so that the English looked for below can only
# come from the letter itself).
OPTIONS_ES = dataclasses.replace(OPTIONS, clinic_name="Clínica del Puerto",
                                 clinic_address="Calle del Muelle 4, Ejemplo", referrer_role="Fisioterapeuta",
                                 clinic_language="es")
ALL = {name: case(name) for name in CASE_NAMES}
LEVEL_CASES = ("urgent", "urgent_p", "likely", "possible", "not_indicated", "incomplete")
# Words of the English letter that are no Spanish words: none may be left in the Spanish letter's body.
ENGLISH_WORDS = re.compile(
    r"\b(and|the|with|not|answered|asked|more|leg|legs|foot|feet|pain|back|left|right|yes|none|but|of|to|is|"
    r"referral|reason|summary|page|urgent|spinal|tier|recommended|written|seen|born|safety|weakness|numbness|"
    r"tingling|clinician|patient|examination|signature|answers?|questions?|shaded|dots)\b", re.I)
HEADINGS_ES = ("Carta de derivación", "Ayuda de cribado para la valoración clínica", "De", "Para", "Fecha",
               "Paciente", "Motivo de la derivación:", "Actuación recomendada:", "Señales de alarma", "Resumen",
               "A completar por el clínico", "Exploración", "Firma", "N.º de colegiado", "Página 1 de")


@pytest.fixture(scope="module")
def letters() -> dict[str, bytes]:
    return {name: build_referral(c.document, c.assessment, OPTIONS_ES) for name, c in ALL.items()}


def page1(pdf: bytes) -> str:
    return flat(pdftotext(pdf, first=1, last=1))


def body(pdf: bytes) -> str:
    """Page 1 and the questions and answers: everything before the clinician's appendix."""
    text = flat(pdftotext(pdf))
    return text[: text.index("Anexo para el clínico")]


def spanish(name: str) -> SpanishWords:
    c = ALL[name]
    return SpanishWords(c.document, c.assessment, Q, OPTIONS_ES.emergency_department)


# --- which language -------------------------------------------------------------------------------------


def test_the_letter_follows_the_clinics_language() -> None:
    c = ALL["likely"]
    assert "Carta de derivación" in page1(build_referral(c.document, c.assessment, OPTIONS_ES))
    english_clinic = dataclasses.replace(OPTIONS_ES, clinic_language="en")
    assert "Referral letter" in page1(build_referral(c.document, c.assessment, english_clinic))
    other = dataclasses.replace(OPTIONS_ES, clinic_language="fr")  # not written in French: English
    assert "Referral letter" in page1(build_referral(c.document, c.assessment, other))
    assert "Referral letter" in page1(build_referral(c.document, c.assessment, OPTIONS_ES, language="en"))
    with pytest.raises(ReportError, match="not 'fr'"):
        build_referral(c.document, c.assessment, OPTIONS_ES, language="fr")


def test_the_english_letter_is_the_same_whichever_way_it_is_asked_for() -> None:
    c = ALL["urgent"]
    default = build_referral(c.document, c.assessment, OPTIONS)
    assert default == build_referral(c.document, c.assessment, OPTIONS, language="en")
    assert "Referral letter" in page1(default)


def test_the_services_print_the_referral_in_the_clinics_language() -> None:
    from intake_app.services import build_report_pdf
    from intake_app.settings import Settings

    document = ALL["urgent"].document
    spanish_clinic = Settings(clinic_language="es")
    assert "Carta de derivación" in page1(build_report_pdf("referral", document, spanish_clinic))
    assert "Referral letter" in page1(build_report_pdf("referral", document, Settings(clinic_language="en")))
    assert "Referral letter" in page1(build_report_pdf("referral", document, spanish_clinic, language="en"))
    with pytest.raises(ReportError):
        build_report_pdf("referral", document, spanish_clinic, language="de")


# --- what page 1 says ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_page_one_has_the_spanish_headings_and_the_level_in_spanish(letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    text = page1(letters[name])
    for heading in HEADINGS_ES:
        assert heading in text, (name, heading)
    look = level_style(c.assessment.level, c.assessment.tier, OPTIONS_ES.emergency_department, "es")
    assert look.headline in text and look.tier_words in text and look.addressee in text
    assert "2 de marzo de 2026" in text  # dates written out


def test_every_level_has_its_own_spanish_words() -> None:
    for words in LEVEL_WORDS.values():
        assert all(say.es and say.es != say.en for say in words[:2])
    assert len({words[0].es for words in LEVEL_WORDS.values()}) == len(LEVEL_WORDS)


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_the_answers_are_in_spanish(letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    text = body(letters[name])
    for rf in RED_FLAGS:
        value = c.document.answers.get(rf)
        if value not in (None, "no", "unknown"):
            assert question_text(Q, rf, short=True, language="es") in text, rf
    for field in ("pain_score_0_10", "back_pain"):
        assert describe(Q, field, c.document.answers.get(field), language="es") in text
    assert question_text(Q, "back_pain", short=True) not in text  # "Low back pain"


@pytest.mark.parametrize("name", ["urgent", "urgent_p"])
def test_urgent_letters_put_the_red_flags_first(letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    words = spanish(name)
    text = page1(letters[name])
    look = level_style("urgent", c.assessment.tier, OPTIONS_ES.emergency_department, "es")
    reasons = [flat(words.reason(r)) for r in c.assessment.red_flags]
    assert reasons and all(reason not in {flat(r.text) for r in c.assessment.red_flags} for reason in reasons)
    motive = text.index("Motivo de la derivación:")
    assert text.index(look.headline) < motive < text.index("Actuación recomendada:") < text.index("Resumen")
    for reason in reasons:  # in the reason for referral, then first in the red-flag list
        assert motive < text.index(reason) < text.index("Actuación recomendada:")
        assert f"■ {reason}." in text
    assert text.index("Señales de alarma") < text.index(f"■ {reasons[0]}.") < text.index("Resumen")


@pytest.mark.parametrize("name", ["urgent", "possible", "not_indicated", "incomplete"])
def test_the_open_safety_answers_lead_as_in_english(letters: dict[str, bytes], name: str) -> None:
    c = ALL[name]
    english = english_d8(c.assessment)
    assert english, name
    words = spanish(name)
    line = words.d8_line()
    assert line.startswith(SAFETY_LEAD.es + ": ") and line != english
    text = page1(letters[name])
    # Directly under the reason for referral, before the recommended action and the red-flag list.
    assert text.index("Motivo de la derivación:") < text.index(SAFETY_LEAD.es) < text.index("Actuación recomendada:")
    assert text.index(SAFETY_LEAD.es) < text.index("Señales de alarma")
    assert flat(line) in text
    # The whole recommendation: D8 leads it (after the URGENT line for an urgent result), as in English.
    recommendation = words.recommendation()
    lead_en = c.assessment.recommendation.index(SAFETY_LEAD.en)
    if c.assessment.level == "urgent":
        first = recommendation.index(". ") + 2
        assert recommendation[first:].startswith(SAFETY_LEAD.es) and lead_en > 0
    else:
        assert recommendation.startswith(SAFETY_LEAD.es) and lead_en == 0
    assert "Sin señales de alarma" not in text


def test_each_open_answer_is_in_the_spanish_safety_line() -> None:
    words = spanish("incomplete")
    for rf in ("rf_bladder_change", "rf_bowel_change", "rf_weight_loss_unexplained"):
        assert question_text(Q, rf, short=True, language="es").lower() in words.d8_line()
    line = spanish("not_indicated").d8_line()
    assert describe(Q, "rf_fever_or_unwell", "yes", language="es") in line


def test_a_safety_line_the_document_does_not_explain_is_printed_in_english_never_dropped() -> None:
    """An assessment made by other rules than this document's screening: its D8 line is kept as it is."""
    other = ALL["incomplete"].assessment
    document = ALL["likely"].document
    pdf = build_referral(document, other, OPTIONS_ES)
    text = page1(pdf)
    line = flat(english_d8(other))
    assert line in text
    assert text.index("Motivo de la derivación:") < text.index(line) < text.index("Señales de alarma")


def test_no_red_flags_only_where_the_screening_allows_it(letters: dict[str, bytes]) -> None:
    assert "Sin señales de alarma: las 11 preguntas de seguridad" in page1(letters["likely"])
    for name in ("urgent", "urgent_p", "not_indicated", "incomplete", "longest"):
        assert "Sin señales de alarma" not in page1(letters[name]), name


def test_unasked_and_unmet_answers_are_named_in_spanish(letters: dict[str, bytes]) -> None:
    text = page1(letters["incomplete"])
    assert "NO SE PREGUNTÓ" in text
    assert "Las demás preguntas de seguridad (8) tienen respuesta no." in text
    text = page1(letters["not_indicated"])
    assert "Respuesta positiva que no cumple la regla:" in text
    assert "ALERTA DE SEGURIDAD AJENA A LA COLUMNA" in text
    assert "posible artritis séptica" in text


def test_conflicting_answers_are_in_spanish_under_the_safety_line() -> None:
    document = make_document({"back_pain": "none", "leg_vs_back": "back_worse", "back_pain_new": None})
    text = page1(build_referral(*screened(document), OPTIONS_ES))
    assert "Respuestas que no coinciden:" in text
    assert text.index(SAFETY_LEAD.es) < text.index("Respuestas que no coinciden:") < text.index("Señales de alarma")
    assert f"«{answer_text(Q, 'leg_vs_back', 'back_worse', language='es')}»" in text


# --- nothing English, no codes ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", LEVEL_CASES)
def test_no_field_key_value_code_or_english_word_in_the_body(letters: dict[str, bytes], name: str) -> None:
    text = body(letters[name])
    assert not FIELD_KEY.findall(text), FIELD_KEY.findall(text)[:5]
    assert not DOTTED_ASSIGNMENT.findall(text)
    assert not ENGLISH_WORDS.findall(text), ENGLISH_WORDS.findall(text)[:10]
    assert not FIELD_KEY.findall(pdftotext(letters[name]))


def test_the_body_map_speaks_spanish(letters: dict[str, bytes]) -> None:
    text = page1(letters["likely"])
    for word in ("Piernas vistas de frente", "Adormecimiento (rayas)", "Hormigueo (puntos)", "Dcha.", "Izda."):
        assert word in text
    for word in ("Legs from the front", "Pins and needles", "No mark"):
        assert word not in text


def test_long_lists_are_cut_in_spanish() -> None:
    assert brief("Dolor: a, b, c, d, e", 2, "es") == "Dolor: a, b y 3 más"
    assert brief("Pain: a, b, c, d, e", 2) == "Pain: a, b and 3 more"


def test_the_appendix_has_spanish_headings_and_every_rule_name(letters: dict[str, bytes]) -> None:
    text = flat(" ".join(page_texts(letters["longest"])[1:]))
    for heading in ("Preguntas y respuestas", "Anexo para el clínico", "Todas las preguntas de seguridad y sus "
                    "respuestas", "Por qué:", "Clave de las reglas:", "Fuentes citadas"):
        assert heading in text
    shown = {r.base_rule for r in ALL["longest"].assessment.reasons if not r.rule.endswith(".no")}
    for rule in shown:
        assert f"{rule} {RULE_NAMES_ES[rule]}" in text, rule
    assert not re.search(r"\band \d+ more\b", text)  # long answer lists are cut in Spanish ("y 3 más")
    assert re.search(r"\by \d+ más\b", text)


# --- every rule in Spanish -----------------------------------------------------------------------------------


def test_every_rule_of_the_rule_table_has_a_spanish_rendering_and_name() -> None:
    ids = {rule.id for rule in RULES}
    assert ids - {"D8"} <= set(RENDERERS)  # D8 is the safety line, written with the recommendation
    assert ids <= set(RULE_NAMES_ES)
    assert not set(RENDERERS) - ids


def test_every_reason_of_many_screenings_is_written_in_spanish() -> None:
    """Screenings of made-up documents of both questionnaire versions: no reason falls back to English, the
    D8 line is always rebuilt in Spanish, and no English word or code is left."""
    from tests.screening.golden import golden_documents

    seen: set[str] = set()
    for ref in ("foot-leg-intake/1", "foot-leg-intake/2"):
        questionnaire = load_questionnaire(ref)
        for document in golden_documents(ref, 150):
            assessment = assess(document)
            words = SpanishWords(document, assessment, questionnaire, "A&E")
            texts = []
            for reason in assessment.reasons:
                rendered = words.spanish(reason)
                assert rendered is not None, (reason.rule, reason.text)
                seen.add(reason.base_rule)
                texts.append(rendered)
            if english_d8(assessment):
                assert words.d8_line().startswith(SAFETY_LEAD.es)
            texts.append(words.recommendation())
            for text in texts:
                assert not ENGLISH_WORDS.findall(text), (ENGLISH_WORDS.findall(text), text)
                assert not FIELD_KEY.findall(text), text
    assert len(seen) >= 30


# --- layout --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_spanish_letters_stay_within_their_page_targets(paper: str) -> None:
    """As the English targets (2 pages), except the longest case (everything answered, every region on both
    legs), whose trace runs to 4 in Spanish (the Spanish region names are longer)."""
    options = dataclasses.replace(OPTIONS_ES, page_size=paper)
    for name, c in ALL.items():
        limit = 4 if name == "longest" else 2
        assert page_count(build_referral(c.document, c.assessment, options)) <= limit, name


def test_the_footer_numbers_pages_in_spanish(letters: dict[str, bytes]) -> None:
    pages = [flat(t) for t in page_texts(letters["likely"])]
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Página {number} de {total}" in page
        assert "Carta de derivación - ayuda de cribado, no es un diagnóstico" in page


# --- the command line ------------------------------------------------------------------------------------------


def test_the_command_line_prints_the_referral_in_the_clinics_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], full_document: dict) -> None:
    from intake_app.cli import main
    from intake_app.settings import Settings, save_settings

    source = tmp_path / "intake.json"
    source.write_text(json.dumps(full_document), encoding="utf-8")
    save_settings(Settings(clinic_language="es"))
    assert main(["report", str(source), "--referral", str(tmp_path / "es.pdf")]) == 0
    assert "Carta de derivación" in page1((tmp_path / "es.pdf").read_bytes())
    assert main(["report", str(source), "--referral", str(tmp_path / "en.pdf"), "--referral-language", "en"]) == 0
    assert "Referral letter" in page1((tmp_path / "en.pdf").read_bytes())
    capsys.readouterr()
    code = main(["report", str(source), "--referral", str(tmp_path / "fr.pdf"), "--referral-language", "fr"])
    assert code == 1 and "not 'fr'" in capsys.readouterr().err
    assert not (tmp_path / "fr.pdf").exists()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", ["urgent", "likely"])
def test_the_completion_block_labels_fit_their_cells(language: str, name: str) -> None:
    """Each printed label of the block to complete ends inside its cell (a longer Spanish label, such as
    "Elevación de pierna recta", ran into the next cell)."""
    import datetime as dt

    from reportlab.pdfbase.pdfmetrics import stringWidth

    from intake_app.reports.fonts import BOLD_FONT
    from intake_app.reports.layout import content_width
    from intake_app.reports.letter import FirstPage
    from intake_app.reports.referral_advice_es import words_for

    c = ALL[name]
    words = words_for(language, c.document, c.assessment, Q, OPTIONS_ES.emergency_department)
    width = content_width("A4")  # the narrower paper
    page = FirstPage(c.document, c.assessment, Q, OPTIONS_ES, width, dt.datetime(2026, 3, 2, 9, 41), words)
    table = page.completion()[1]
    columns = table._colWidths  # noqa: SLF001 - the widths reportlab lays the table out with
    for row in table._cellvalues:  # noqa: SLF001
        for column, value in enumerate(row):
            if isinstance(value, str) and value and column != 1:  # column 1 of the last rows spans three
                assert stringWidth(value, BOLD_FONT, 7.5) + 6 <= columns[column], (value, columns[column])
