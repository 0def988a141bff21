"""What the referral letter says around the answers, in English and in Spanish, side by side.

Every fixed word of the letter (headings, labels, table headers, the screening-aid disclaimer, the
footer and page numbers) is defined once here, its Spanish beside its English, with the handout's
`Say` type. The letter is written for the receiving clinician in the clinic's language; the Spanish
is the plain clinical Spanish of a letter between colleagues. The screening's reasons and the
recommendation in Spanish are in referral_reasons_es / referral_advice_es; the answers come through
domain.wording with `language=`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from intake_app.domain.language import ENGLISH, SPANISH
from intake_app.reports.handout_text import Say, department, patient_date
from intake_app.screening.model import Group

# The languages a referral letter is written in.
REFERRAL_LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)


def say(text: Say, language: str, **values: object) -> str:
    """`text` in `language` (Spanish, else English), with its placeholders filled."""
    return text(language, False, **{k: str(v) for k, v in values.items()})


# --- page 1: heading, from / to / when, the patient ------------------------------------------------

TITLE = Say(en="Referral letter", es="Carta de derivación")
AMENDED = Say(en="amended (revision {revision})", es="modificada (revisión {revision})")
SCREENING_AID = Say(en="Screening aid for clinician review - not a diagnosis",
                    es="Ayuda de cribado para la valoración clínica; no es un diagnóstico")
PHONE = Say(en="Phone {phone}", es="Tel. {phone}")
FROM = Say(en="From", es="De")
TO = Say(en="To", es="Para")
WHEN = Say(en="When", es="Fecha")
REFERRER_BLANK = Say(en="Referrer: ______________________", es="Remitente: ______________________")
DIRECT_PHONE = Say(en="Direct phone", es="Teléfono directo")
CLINIC_PHONE = Say(en="Clinic phone", es="Teléfono de la clínica")
WRITTEN = Say(en="Written {when}", es="Escrita el {when}")
SEEN = Say(en="Seen {day}", es="Consulta del {day}")
INTERPRETER = Say(en="Interpreter needed", es="Necesita intérprete")
PATIENT = Say(en="Patient", es="Paciente")
AGE = Say(en="(age {age})", es="({age} años)")
MRN = Say(en="MRN", es="N.º de historia")
NOT_RECORDED = Say(en="not recorded", es="no consta")

# --- page 1: the decision ---------------------------------------------------------------------------

REASON_FOR_REFERRAL = Say(en="Reason for referral:", es="Motivo de la derivación:")
RED_FLAGS_BELOW = Say(en="Red-flag answer(s) listed below", es="Respuestas de alarma: ver la lista de abajo")
LIKELY_LEAD = Say(en="Sciatica-type pattern", es="Patrón de tipo ciático")
POSSIBLE_LEAD = Say(en="Some features of a spinal origin", es="Algunos rasgos de origen en la columna")
MORE_FEATURES = Say(en="and {count} more supporting features (page 2)",
                    es="y {count} rasgos más a favor (página 2)")
PATTERN_INCOMPLETE = Say(en="pattern incomplete", es="patrón incompleto")
NO_SPINAL_PATTERN_LOCAL = Say(en="No spinal pattern; ", es="Sin patrón de columna; ")
NO_SPINAL_PATTERN = Say(en="No spinal pattern in the answers given; for clinician assessment",
                        es="Las respuestas no muestran un patrón de columna; para valoración clínica")
NOT_ASKED_ITEM = Say(en="not asked: ", es="no se preguntó: ")
SAFETY_LEAD = Say(en="Safety answer(s) to check before the patient leaves",
                  es="Respuesta(s) de seguridad a comprobar antes de que el paciente se vaya")
# When an assessment carries no D8 sentence, the letter makes one from the open answers.
OPEN_ANSWERS_LEAD = Say(en="Safety answers to check before the patient leaves",
                        es="Respuestas de seguridad a comprobar antes de que el paciente se vaya")
CONFLICTING = Say(en="Conflicting answers:", es="Respuestas que no coinciden:")
RECOMMENDED = Say(en="Recommended action:", es="Actuación recomendada:")

# --- page 1: red flags, summary, alerts, the block to complete ---------------------------------------

RED_FLAGS = Say(en="Red flags", es="Señales de alarma")
RULE_NOT_MET = Say(en="Positive answer, rule not met:", es="Respuesta positiva que no cumple la regla:")
NOT_ASKED_LEAD = Say(en="NOT ASKED - ask before the patient leaves:",
                     es="NO SE PREGUNTÓ: pregunte antes de que el paciente se vaya:")
OTHERS_NO = Say(en="All other safety questions ({count}) answered no.",
                es="Las demás preguntas de seguridad ({count}) tienen respuesta no.")
NO_RED_FLAGS = Say(en="No red flags: all {count} safety questions asked and answered no.",
                   es="Sin señales de alarma: las {count} preguntas de seguridad se hicieron y la respuesta fue no.")
ALL_NO = Say(en="All {count} safety questions answered no.",
             es="Las {count} preguntas de seguridad tienen respuesta no.")
ALSO_ANSWERED = Say(en="Also answered:", es="También respondió:")
SUMMARY = Say(en="Summary", es="Resumen")
SIDE_LEG = Say(en="{side} leg:", es="Pierna {side}:")
LEGS = Say(en="Legs:", es="Piernas:")
NOTHING_MARKED = Say(en="no pain, numbness, tingling or weakness marked",
                     es="no se marcó dolor, adormecimiento, hormigueo ni debilidad")
COURSE = Say(en="Course:", es="Evolución:")
LEG_AND_BACK = Say(en="Leg and back:", es="Pierna y espalda:")
SPINAL_HISTORY = Say(en="Spinal history:", es="Antecedentes de columna:")
HEALTH = Say(en="Health:", es="Salud:")
NON_SPINAL_ALERT = Say(en="NON-SPINAL SAFETY ALERT", es="ALERTA DE SEGURIDAD AJENA A LA COLUMNA")
TO_COMPLETE = Say(en="For the clinician to complete", es="A completar por el clínico")
EXAMINATION = Say(en="Examination", es="Exploración")
LEFT = Say(en="Left", es="Izquierda")
RIGHT = Say(en="Right", es="Derecha")
POWER = Say(en="Power (L2-S1)", es="Fuerza (L2-S1)")
REFLEXES = Say(en="Reflexes (knee, ankle)", es="Reflejos (rodilla, tobillo)")
STRAIGHT_LEG = Say(en="Straight-leg raise", es="Signo de Lasègue")
SENSATION = Say(en="Sensation (L4, L5, S1)", es="Sensibilidad (L4, L5, S1)")
SADDLE = Say(en="Saddle sensation", es="Sensibilidad perineal")
BLADDER_SCAN = Say(en="Bladder scan (residual, ml)", es="Ecografía vesical (residuo, ml)")
OTHER = Say(en="Other", es="Otros")
ACTIONS = Say(en="Actions taken", es="Medidas tomadas")
TIME = Say(en="Time", es="Hora")
SIGNATURE = Say(en="Signature", es="Firma")
NAME = Say(en="Name", es="Nombre")
REGISTRATION = Say(en="Registration no.", es="N.º de colegiado")


# --- the level: headline, tier in words, addressee ----------------------------------------------------

# (headline, tier words, addressee) per level key; "{ed}" is the emergency department.
LEVEL_WORDS: Mapping[str, tuple[Say, Say, Say]] = {
    "E": (Say(en="URGENT - SAME-DAY EMERGENCY ASSESSMENT", es="URGENTE: VALORACIÓN DE URGENCIA HOY MISMO"),
          Say(en="Tier E: same-day emergency", es="Nivel E: urgencia hoy mismo"),
          Say(en="On-call spinal team (via {ed})", es="Equipo de columna de guardia (a través de {ed})")),
    "P": (Say(en="URGENT - CLINICIAN REVIEW TODAY", es="URGENTE: VALORACIÓN CLÍNICA HOY"),
          Say(en="Tier P: urgent priority, not an emergency", es="Nivel P: prioridad urgente, no es una emergencia"),
          Say(en="Urgent spinal pathway", es="Circuito urgente de columna")),
    "likely": (Say(en="SPINAL ORIGIN LIKELY", es="ORIGEN EN LA COLUMNA PROBABLE"),
               Say(en="Routine referral: spine specialist advised",
                   es="Derivación ordinaria: se aconseja especialista de columna"),
               Say(en="Spine clinic", es="Consulta de columna")),
    "possible": (Say(en="SPINAL ORIGIN POSSIBLE", es="ORIGEN EN LA COLUMNA POSIBLE"),
                 Say(en="Routine: clinician to examine and decide", es="Ordinaria: el clínico explora y decide"),
                 Say(en="Spine clinic", es="Consulta de columna")),
    "not_indicated": (Say(en="SPINAL ORIGIN NOT INDICATED", es="SIN INDICIOS DE ORIGEN EN LA COLUMNA"),
                      Say(en="No spinal referral indicated by the answers",
                          es="Las respuestas no indican derivación a columna"),
                      Say(en="Reviewing clinician (foot and leg)", es="Clínico que valora (pie y pierna)")),
}


def emergency_department(name: str, language: str) -> str:
    """The emergency department as the letter names it: the clinic's own name in English, the usual
    Spanish name (or "urgencias del hospital (local name)") in Spanish."""
    return department(name, language) if language == SPANISH else name


# --- pages 2 on: questions and answers, the appendix ------------------------------------------------

QUESTIONS_AND_ANSWERS = Say(en="Questions and answers", es="Preguntas y respuestas")
EVERY_SAFETY_QUESTION = Say(en="Every safety question and its answer",
                            es="Todas las preguntas de seguridad y sus respuestas")
TRACE_HEADING = Say(
    en="Why: the rule trace in plain words (rules version {version}; safety questions answered no are in the "
       "list above)",
    es="Por qué: las reglas en palabras sencillas (v. {version}; las preguntas de seguridad con un no, arriba)")
TRACE_RULE = Say(en="Rule", es="Regla")
TRACE_FINDING = Say(en="Finding; the answers behind it; evidence [source]",
                    es="Hallazgo; las respuestas en que se basa; evidencia [fuente]")
ANSWERS = Say(en="answers:", es="respuestas:")
KEY_HEADING = Say(en="Key to the rule ids:", es="Clave de las reglas:")
KEY_SUFFIX = Say(en="A rule id with a suffix is an information line: the rule was looked at and did not fire.",
                 es="Una regla con sufijo es informativa: no se cumplió.")
LOCAL_RULE = Say(en="local rule", es="regla local")
SOURCES = Say(en="Sources cited in the trace", es="Fuentes citadas")
SOURCE = Say(en="source {key}", es="fuente {key}")
APPENDIX = Say(en="Appendix for the clinician", es="Anexo para el clínico")
VERSIONS = Say(en="questionnaire {title} (version {version}), rules version {rules}, Foot & Leg Intake {app}",
               es="cuestionario {title} (v. {version}), reglas v. {rules}, Foot & Leg Intake {app}")
FOOTER = Say(en="born {born}", es="nac. {born}")
FOOTER_AID = Say(en="screening aid, not a diagnosis", es="ayuda de cribado, no es un diagnóstico")
PAGE = Say(en="Page {number} of {total}", es="Página {number} de {total}")

GROUP_TITLES: Mapping[Group, Say] = {
    "red_flag": Say(en="Red flags", es="Señales de alarma"),
    "for": Say(en="Supports spinal origin", es="A favor de un origen en la columna"),
    "against": Say(en="Against / alternatives", es="En contra / alternativas"),
    "alert": Say(en="Safety alerts", es="Alertas de seguridad"),
    "gap": Say(en="Data gaps", es="Datos que faltan"),
}

# --- the desk's live result panel (intake_app.services.results), in the same words as the letter -------

# The level in a few words, on the result panel's chip ("E" and "P": urgent, by tier).
DESK_LEVELS: Mapping[str, Say] = {
    "E": Say(en="URGENT - same-day emergency", es="URGENTE - urgencia hoy mismo"),
    "P": Say(en="URGENT - urgent priority", es="URGENTE - prioridad urgente"),
    "urgent": Say(en="URGENT", es="URGENTE"),
    "likely": Say(en="Spinal origin LIKELY", es="Origen en la columna PROBABLE"),
    "possible": Say(en="Spinal origin POSSIBLE", es="Origen en la columna POSIBLE"),
    "not_indicated": Say(en="Spinal origin not indicated", es="Sin indicios de origen en la columna"),
}
NOT_SCREENED_YET = Say(en="Not screened yet", es="Sin cribado todavía")
NO_REASONS = Say(en="No reasons recorded.", es="No consta ningún motivo.")
# The red-flag banner across the intake, and when a clinician acknowledged it ("09:41 on 02 Mar 2026").
URGENT_RED_FLAG = Say(en="URGENT RED FLAG.", es="SEÑAL DE ALARMA URGENTE.")
AT_TIME_ON_DAY = Say(en="{time} on {day}", es="{time} del {day}")

# The body map on page 1 draws its own words (view titles, the key) in English: their Spanish, as
# patient mode shows the same map.
MAP_WORDS_ES: Mapping[str, str] = {
    "Legs from the front": "Piernas vistas de frente",
    "Legs from behind": "Piernas vistas por detrás",
    "Tops of the feet": "Los pies por arriba",
    "Soles, heels up": "Las plantas, con el talón arriba",
    "Inner side of each foot": "Cada pie por dentro",
    "Whole foot": "Todo el pie",
    "All toes": "Todos los dedos",
    "Pain (shaded)": "Dolor (gris)",
    "Numbness (diagonal lines)": "Adormecimiento (rayas)",
    "Pins and needles (dots)": "Hormigueo (puntos)",
    "No mark: nothing reported.": "Sin marca: nada indicado.",
    # Under each leg, where "Derecha" and "Izquierda" would not fit: the usual abbreviations.
    "Right": "Dcha.",
    "Left": "Izda.",
}


def letter_date(day: dt.date | None, language: str) -> str:
    """A date in the letter: ISO in English (1961-03-12), written out in Spanish (12 de marzo de 1961)."""
    if day is None:
        return say(NOT_RECORDED, language)
    return patient_date(day, language)


def letter_time(moment: dt.datetime, language: str) -> str:
    """When the letter was written: "2026-03-02 09:41"; "2 de marzo de 2026, 09:41"."""
    if language == SPANISH:
        return f"{patient_date(moment.date(), language)}, {moment.strftime('%H:%M')}"
    return moment.strftime("%Y-%m-%d %H:%M")


def referral_language(language: str | None, clinic_language: str) -> str:
    """The letter's language: `language` when given (one of REFERRAL_LANGUAGES, else ValueError), else
    the clinic's language when the letter is written in it, else English."""
    if language is not None:
        if language not in REFERRAL_LANGUAGES:
            raise ValueError(language)
        return language
    return clinic_language if clinic_language in REFERRAL_LANGUAGES else ENGLISH
