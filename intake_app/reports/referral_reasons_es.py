"""The screening's reasons in Spanish, for the referral letter of a Spanish-speaking clinic.

The screening engine writes each reason in English (intake_app/screening). Here each rule id has a
Spanish renderer that writes the same finding from the reason's rule id, its `because` answers
(named through domain.wording in Spanish) and, where the engine's choice of words depends on facts
that `because` does not carry (which clause of a "but ..." applied, an age, a list of point names),
the known parts of the English line. A renderer that meets a line it does not know returns None and
the letter prints the English line instead: a reason is never dropped.
`tests/reports/test_referral_spanish.py` checks that every rule of the rule table has a renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from intake_app.domain.language import SPANISH
from intake_app.domain.questionnaire import Questionnaire
from intake_app.domain.wording import (
    answer_text,
    describe_because,
    question_text,
    question_text_for_side,
    side_word,
    split_key,
)
from intake_app.screening.model import Reason
from intake_app.screening.rules.base import RED_FLAG_LABELS

ES = SPANISH

RULE_NAMES_ES: Mapping[str, str] = {
    "R1": "Sospecha de síndrome de cola de caballo", "R2": "Déficit motor",
    "R3": "Sospecha de infección de la columna", "R4": "Posible cáncer", "R5": "Posible fractura",
    "R6": "Niño o adolescente", "D1": "Las señales de alarma deciden",
    "D8": "Respuestas de seguridad pendientes, primero",
    "D0": "Cribado de alarma completo", "S1": "Núcleo: dolor hasta el pie",
    "S2": "Dolor de espalda (P1)", "S3": "Predomina el dolor de pierna (P2)", "S4": "Síntomas de nervio (P3)",
    "S5": "Empeora al toser, estornudar o hacer fuerza (P4)", "S6": "Claudicación neurógena (P5)",
    "S7": "Antecedentes de columna (P6)", "S8": "Patrón de raíz (solo orientativo)",
    "A3": "Sin dolor de espalda no se descarta", "A5": "El patrón vuelve tras la operación",
    "D2": "Pierna puntuada y puntos", "D3": "Probable", "D4": "Posible, con núcleo", "D5": "Posible, sin núcleo",
    "L1": "Patrón de fascitis plantar", "L2": "Patrón de neuroma de Morton", "L3": "Patrón de gota",
    "L4": "Lesión aguda de tobillo o pie", "L5": "Patrón de fractura por estrés",
    "L6": "Patrón de neuropatía periférica", "L7": "Patrón de claudicación vascular",
    "L8": "Patrón de túnel tarsiano", "D6": "Patrón local, solo el pie", "D7": "Sin patrón de columna",
    "N1": "Posible artritis séptica", "N2": "Valorar fractura", "N3": "Urgencia de pie diabético",
    "N4": "Posible isquemia crítica de la extremidad", "Q1": "Cribado de alarma incompleto",
    "Q2": "Mayor de 60, primer episodio de dolor de espalda", "Q3": "Faltan respuestas",
    "Q4": "Respuestas que no coinciden",
}
PATTERN_NAMES_ES: Mapping[str, str] = {
    "L1": "patrón de fascitis plantar", "L2": "patrón de neuroma de Morton", "L3": "patrón de gota",
    "L4": "lesión aguda de tobillo o pie", "L5": "patrón de fractura por estrés",
    "L6": "patrón de neuropatía periférica", "L7": "patrón de claudicación vascular",
    "L8": "patrón de túnel tarsiano",
}
POINT_NAMES_ES: Mapping[str, str] = {
    "S2": "dolor de espalda", "S3": "predomina el dolor de pierna", "S4": "adormecimiento, hormigueo o debilidad",
    "S5": "empeora al toser, estornudar o hacer fuerza", "S6": "claudicación neurógena",
    "S7": "antecedentes de columna",
}
# The clauses the engine puts after "but" (why a red-flag rule did not fire), in Spanish.
_CLAUSES: Mapping[str, str] = {
    "no back pain is recorded": "no consta dolor de espalda",
    "back pain is not recorded (ask now)": "no se ha registrado si hay dolor de espalda (pregunte ahora)",
    "the back pain is not new or changed": "el dolor de espalda no es nuevo ni ha cambiado",
    "it is not recorded whether the back pain is new (ask now)":
        "no consta si el dolor de espalda es nuevo (pregunte ahora)",
    "the injury question is unanswered (ask now)": "falta la respuesta sobre golpes o caídas (pregunte ahora)",
    "no minor fall or lift is recorded and the back pain is not severe":
        "no consta una caída pequeña ni un esfuerzo y el dolor de espalda no es fuerte",
    "no minor fall or lift is recorded": "no consta una caída pequeña ni un esfuerzo al levantar peso",
}
RISKS_ES = {"smoking": "fuma", "diabetes": "diabetes", "known circulation problem": "problema de circulación conocido",
             "cold or pale foot": "pie frío o pálido"}
SUPPORT_ES = {"back pain": "dolor de espalda", "neurogenic claudication": "claudicación neurógena",
               "spinal history": "antecedentes de columna"}
_CLINICIAN_CHECKS = "el clínico debe comprobarlo antes de que el paciente se vaya"


def lower_first(text: str) -> str:
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def known_list(text: str, table: Mapping[str, str], separator: str = ", ") -> list[str] | None:
    """`text`, a list of known English names joined by `separator` (names may hold commas), in Spanish."""
    out: list[str] = []
    rest = text.strip()
    names = sorted(table, key=len, reverse=True)
    while rest:
        for name in names:
            if rest.startswith(name):
                out.append(table[name])
                rest = rest[len(name):]
                if rest.startswith(separator):
                    rest = rest[len(separator):]
                elif rest.startswith(" and "):
                    rest = rest[len(" and "):]
                break
        else:
            return None
    return out


def join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " y " + items[-1]


class Words:
    """Spanish words for one questionnaire: questions, answers and sides through domain.wording."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.q = questionnaire
        self.by_label = {label: rf for rf, label in RED_FLAG_LABELS.items()}
        self._gaps: dict[str, str] | None = None

    def question_names(self) -> Mapping[str, str]:
        """Every question's short label in English (also per side, as the data-gap line names a side)
        -> in Spanish."""
        if self._gaps is None:
            q, names = self.q, {}
            for question in q.questions:
                names[question_text(q, question, short=True)] = question_text(q, question, short=True, language=ES)
                for side in ("left", "right"):
                    names[question_text_for_side(q, question, side)] = question_text_for_side(q, question, side,
                                                                                              language=ES)
            self._gaps = names
        return self._gaps

    def label(self, field: str) -> str:
        return question_text(self.q, field, short=True, language=ES)

    def answer(self, key: str, value: Any) -> str:
        field, side = split_key(key)
        return answer_text(self.q, field, value, side=side, language=ES)

    def lines(self, because: Mapping[str, Any], separator: str = "; ") -> str:
        return separator.join(describe_because(self.q, because, language=ES))

    def side(self, side: str) -> str:
        return side_word(self.q, side, ES)

    def leg(self, side: str) -> str:
        return f"la pierna {self.side(side)}"

    def foot(self, side: str) -> str:
        """"el pie derecho": the side word agreed with a masculine noun."""
        word = self.side(side)
        return f"el pie {word[:-1] + 'o' if word.endswith('a') else word}"

    def flag_labels(self, english: str, separator: str = "; ") -> str | None:
        """English red-flag labels ("saddle numbness; history of cancer") as the Spanish questions."""
        ids = [self.by_label.get(part.strip()) for part in english.split(separator)]
        if not ids or None in ids:
            return None
        return "; ".join(lower_first(self.label(rf)) for rf in ids if rf)

    def clauses(self, english: str) -> str | None:
        found = known_list(english, _CLAUSES)
        return " y ".join(found) if found else None


def side_of(because: Mapping[str, Any], *fields: str) -> str | None:
    for key in because:
        field, side = split_key(key)
        if side and (not fields or field in fields):
            return side
    return None


Renderer = Callable[[Words, Reason], "str | None"]


def _asked_no(w: Words, r: Reason) -> str | None:
    labels = "; ".join(lower_first(w.label(rf)) for rf in r.because)
    return f"Preguntado y con respuesta no (no es señal de alarma): {labels}" if labels else None


# --- red flags R1-R6 --------------------------------------------------------------------------------


def _r1(w: Words, r: Reason) -> str | None:
    b = r.because
    suffix = r.rule.partition(".")[2]
    if suffix == "no":
        return _asked_no(w, r)
    first = next(iter(b), "")
    if suffix == "unmet":
        if first == "rf_bilateral_leg_symptoms":
            return ("Síntomas en las dos piernas desde hace tiempo y sin cambios: por sí solos no cumplen la regla "
                    "de cola de caballo; el clínico debe confirmar que no se han extendido ni han cambiado")
        if b.get(first) == "longstanding_unchanged":
            return (f"{w.label(first)}: desde hace tiempo y sin cambios, así que no se cumple la regla de cola de "
                    "caballo (que pide un cambio nuevo); el clínico debe confirmar que nada ha cambiado")
        return (f"{w.label(first)}: nuevo, pero no consta dolor de espalda ni síntomas en la pierna o el pie, así "
                "que no se cumple la regla de cola de caballo; el clínico debe comprobar esta respuesta y las del "
                "dolor antes de que el paciente se vaya")
    if first == "rf_bilateral_leg_symptoms":
        return "Dolor o adormecimiento en las dos piernas, nuevo o que se extiende"
    if first.startswith("weakness"):
        worse = any(v == "worsening" for k, v in b.items() if k.startswith("weakness_course"))
        return "Debilidad en las dos piernas, que va a peor" if worse else "Debilidad nueva en las dos piernas"
    if first in RED_FLAG_LABELS:
        return f"Cambio nuevo: {lower_first(w.label(first))}"
    return None


def _r2(w: Words, r: Reason) -> str | None:
    b = r.because
    side = side_of(b, "weakness")
    if side is None:
        return None
    weak = b.get(f"weakness.{side}")
    course = b.get(f"weakness_course.{side}", b.get("weakness_course"))
    words = lower_first(w.answer(f"weakness.{side}", weak))
    leg = w.leg(side)
    if r.rule == "R2":
        if course == "worsening":
            what = "Pie caído" if weak == "foot_drop" else f"Debilidad ({words})"
            return f"{what} en {leg}, que va a peor"
        if course == "new_stable":
            return f"Pie caído nuevo en {leg}, que no va a peor"
        return (f"Pie caído en {leg}; no consta si es nuevo: se trata como nuevo (pregunte si es nuevo o si va "
                "a peor)")
    if course == "new_stable":
        return (f"Debilidad nueva en {leg} ({words}), sin pie caído y sin empeorar, así que no se cumple la regla "
                "de déficit motor; el clínico debe explorar la fuerza antes de que el paciente se vaya")
    return (f"Debilidad en {leg} ({words}) desde hace tiempo y sin cambios: no es un déficit motor nuevo, así que "
            "no se cumple la regla de déficit motor; el clínico debe confirmarlo")


def _r3(w: Words, r: Reason) -> str | None:
    b, text = r.because, r.text
    if r.rule == "R3.no":
        return _asked_no(w, r)
    if r.rule == "R3":
        if "rf_fever_or_unwell" in b:
            return "Dolor de espalda con fiebre o malestar general"
        return ("Dolor de espalda nuevo con riesgo de infección (drogas inyectadas, defensas bajas, operación "
                "reciente de columna o úlcera de pie diabético)")
    match = re.match(r"(Fever or feeling unwell|Infection risk), but (.+?); the spinal-infection rule", text)
    why = w.clauses(match.group(2)) if match else None
    if not match or why is None:
        return None
    if match.group(1) == "Infection risk":
        return f"Riesgo de infección, pero {why}; la regla de infección de la columna pide dolor de espalda nuevo"
    return (f"Fiebre o malestar general, pero {why}; la regla de infección de la columna pide dolor de espalda (una "
            "articulación roja, caliente e hinchada con fiebre la revisa la alerta de artritis séptica)")


_R4_PAINS = {"new or changed back pain": "dolor de espalda nuevo o que ha cambiado",
             "new or changed pain down the leg": "dolor nuevo o que ha cambiado que baja por la pierna"}


def _r4(w: Words, r: Reason) -> str | None:
    b, text = r.because, r.text
    if r.rule == "R4.no":
        return _asked_no(w, r)
    for rf, label in (("rf_weight_loss_unexplained", "Pérdida de peso sin explicación"),
                      ("rf_night_pain_constant", "Dolor constante por la noche")):
        if rf in b and "rf_cancer_history" not in b:
            if r.rule == "R4":
                return f"{label} con dolor de espalda"
            match = re.search(r", but (.+?); the malignancy rule", text)
            why = w.clauses(match.group(1)) if match else None
            return None if why is None else (f"{label}, pero {why}; la regla de cáncer pide dolor de espalda; el "
                                             "clínico debe valorar otras causas")
    if r.rule == "R4":
        if "not recorded whether the leg pain is new" in text:
            return ("Antecedente de cáncer con dolor que baja por la pierna; no consta si el dolor de pierna es nuevo "
                    "(pregunte ahora): se trata como prioridad urgente")
        match = re.match(r"History of cancer with (.+?)(, and new numbness, tingling or weakness)?$", text)
        pains = known_list(match.group(1), _R4_PAINS) if match else None
        if not match or not pains:
            return None
        nerve = ", y adormecimiento, hormigueo o debilidad nuevos" if match.group(2) else ""
        return f"Antecedente de cáncer con {join_words(pains)}{nerve}"
    if text.startswith("Cancer history with back pain; not recorded"):
        return ("Antecedente de cáncer con dolor de espalda; no consta si el dolor de espalda es nuevo (pregunte "
                "ahora); el clínico debe valorarlo")
    if text.startswith("Cancer history; pain not new"):
        return ("Antecedente de cáncer; el dolor no es nuevo: el clínico debe valorarlo (un dolor antiguo y sin "
                "cambios no cumple la regla de cáncer)")
    if text.startswith("Cancer history with symptoms in the foot only"):
        return ("Antecedente de cáncer con síntomas solo en el pie, que no es dolor que baja por la pierna; el "
                "clínico debe valorarlo")
    match = re.match(r"Cancer history, but (.+?) and there is no pain down the leg", text)
    why = w.clauses(match.group(1)) if match else None
    if why is None:
        return None
    return f"Antecedente de cáncer, pero {why} y no hay dolor que baje por la pierna; el clínico debe valorarlo"


def _r5(w: Words, r: Reason) -> str | None:
    b, text = r.because, r.text
    if r.rule == "R5.no":
        return _asked_no(w, r)
    if r.rule == "R5":
        if "rf_osteoporosis_or_steroids" in b:
            if b.get("trauma") == "minor_fall_or_lift":
                return ("Dolor de espalda nuevo tras una caída pequeña o un esfuerzo, con huesos débiles o "
                        "corticoides durante meses")
            return ("Dolor de espalda nuevo y fuerte con huesos débiles o corticoides durante meses (un hueso frágil "
                    "se rompe a menudo sin golpe)")
        if "with back pain and numbness" in text:
            return ("Caída desde altura o accidente de tráfico con dolor de espalda y adormecimiento, hormigueo o "
                    "debilidad en una pierna")
        return "Caída desde altura o accidente de tráfico con dolor de espalda"
    if text.startswith("Major fall or collision, but "):
        why = w.clauses(text[len("Major fall or collision, but "):].partition(";")[0])
        return None if why is None else (
            f"Caída desde altura o accidente de tráfico, pero {why}; la regla de fractura pide dolor de espalda (la "
            "alerta de valorar fractura revisa el pie y el tobillo)")
    match = re.match(r"Osteoporosis or long-term steroids, but (.+?); the fragility", text)
    why = w.clauses(match.group(1)) if match else None
    if why is None:
        return None
    return (f"Huesos débiles o corticoides durante meses, pero {why}; la parte de fractura por fragilidad pide dolor "
            "de espalda nuevo tras una caída pequeña o un esfuerzo, o dolor de espalda nuevo y fuerte")


def _r6(w: Words, r: Reason) -> str | None:
    match = re.match(r"Age (\d+) \(under 16\) with (.+)$", r.text)
    if not match:
        return None
    age, rest = match.groups()
    lead = f"Edad {age} años (menor de 16)"
    if r.rule == "R6":
        if rest.startswith("pain travelling into the foot"):
            return f"{lead} con dolor que baja hasta el pie"
        return f"{lead} con dolor de espalda y síntomas en la pierna (de nervio, o dolor que baja por la pierna)"
    why_en = rest.partition(", so the child rule")[0]
    if why_en.startswith("leg symptoms but "):
        clause = w.clauses(why_en[len("leg symptoms but "):])
        if clause is None:
            return None
        why = f"síntomas en la pierna, pero {clause}"
    else:
        why = "sin dolor hasta el pie ni síntomas de la pierna por encima del pie ni de nervio"
    return (f"{lead} con {why}, así que no se cumple la regla infantil; la guía de adultos (NICE NG59) no se "
            "aplica: el clínico debe valorarlo")


RED_FLAG_RENDERERS: Mapping[str, Renderer] = {"R1": _r1, "R2": _r2, "R3": _r3, "R4": _r4, "R5": _r5, "R6": _r6}
