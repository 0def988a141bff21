"""The words of the screening that the letter quotes, in the letter's language: each reason, the
open safety answers (D8) and the recommendation.

English prints the engine's own lines. Spanish renders each reason from its rule id and answers
(referral_reasons_es, referral_rules_es) and writes the recommendation per level, with the D8 line
("Respuesta(s) de seguridad que hay que comprobar antes de que el paciente se vaya: ...") leading it
exactly where the English one leads. The D8 items are rebuilt from the document only when the
screening of the document gives the very English line the assessment carries; otherwise (an
assessment from other rules) the English line is printed: an open safety answer is never dropped.
"""

from __future__ import annotations

import re
from typing import Any

from intake_app.domain.document import UNKNOWN, IntakeDocument
from intake_app.domain.language import SPANISH
from intake_app.domain.questionnaire import Questionnaire
from intake_app.reports import referral_text as T
from intake_app.reports.referral_reasons_es import PATTERN_NAMES_ES, RULE_NAMES_ES, Words, lower_first, side_of
from intake_app.reports.referral_rules_es import RENDERERS
from intake_app.screening.model import Assessment, Reason

SAFETY_LEAD_EN = T.SAFETY_LEAD.en
_D8 = re.compile(rf"{re.escape(SAFETY_LEAD_EN)}[^.]*(?:\.|$)")
_TOPICS_ES = {
    "whether the back hurts": "si duele la espalda",
    "whether there is new back pain": "si hay dolor de espalda nuevo",
    "infection risk after a recent back operation": "el riesgo de infección tras una operación reciente de espalda",
    "whether the leg hurts": "si duele la pierna",
    "pain down both legs": "el dolor que baja por las dos piernas",
}
_WATCH_ES = {"leg pain": "dolor de pierna", "numbness": "adormecimiento", "weakness": "debilidad",
             "any red flag": "cualquier señal de alarma"}


def english_d8(assessment: Assessment) -> str:
    """The D8 sentence of the recommendation ("Safety answer(s) to check ...: ....") or ""."""
    match = _D8.search(assessment.recommendation)
    return match.group(0).strip() if match else ""


class EnglishWords:
    """The engine's own English lines."""

    language = "en"

    def __init__(self, assessment: Assessment) -> None:
        self.a = assessment

    def reason(self, reason: Reason) -> str:
        return reason.text

    def d8_line(self) -> str:
        return english_d8(self.a)

    def recommendation(self, *, with_d8: bool = True) -> str:
        text = self.a.recommendation.strip()
        if not with_d8:
            d8 = _D8.search(text)
            if d8:
                text = (text[: d8.start()] + text[d8.end():]).strip()
        return text

    def rule_name(self, rule_id: str, english: str) -> str:
        return english


class SpanishWords(EnglishWords):
    """The same lines in Spanish; a line without a Spanish rendering prints in English."""

    language = SPANISH

    def __init__(self, document: IntakeDocument | None, assessment: Assessment, questionnaire: Questionnaire,
                 emergency_department: str, *, words: Words | None = None) -> None:
        """`document` None (a result shown without its answers): the D8 line stays in English. `words`:
        the questionnaire's Spanish words, when the caller keeps them from one result to the next."""
        super().__init__(assessment)
        self.doc = document
        self.w = words if words is not None and words.q is questionnaire else Words(questionnaire)
        self.ed = T.emergency_department(emergency_department, SPANISH)
        self._d8: str | None = None

    def spanish(self, reason: Reason) -> str | None:
        """The reason in Spanish, or None when it has no rendering."""
        if reason.base_rule == "D8":
            line = self.d8_line()
            return line.rstrip(".") if line and line != english_d8(self.a) else None
        renderer = RENDERERS.get(reason.base_rule)
        if renderer is None:
            return None
        try:
            return renderer(self.w, reason)
        except (KeyError, ValueError, TypeError, AttributeError, IndexError):
            return None  # a line this renderer does not know: printed in English, never dropped

    def reason(self, reason: Reason) -> str:
        return self.spanish(reason) or reason.text

    # --- D8 ---------------------------------------------------------------------------------------

    def d8_line(self) -> str:
        if self._d8 is None:
            self._d8 = self._build_d8()
        return self._d8

    def _build_d8(self) -> str:
        english = english_d8(self.a)
        if not english or self.doc is None:
            return english
        from intake_app.screening.facts import Facts
        from intake_app.screening.rules.advice import safety_line
        from intake_app.screening.rules.decision import open_safety_items

        facts = Facts(self.doc)
        if safety_line(facts) != english:
            return english  # another screening than this document's: its own words, never dropped
        items = [self._d8_item(facts, text, answers) for text, answers in open_safety_items(facts)]
        if None in items:
            return english
        return f"{T.SAFETY_LEAD.es}: {'; '.join(i for i in items if i)}."

    def _d8_item(self, facts: Any, text: str, answers: dict[str, Any]) -> str | None:
        w, doc = self.w, self.doc
        if doc is None:
            return None
        if text.startswith("not asked: "):
            missing = [rf for rf in facts.red_flag_ids if doc.answers.get(rf, UNKNOWN) in (None, UNKNOWN)]
            return "no se preguntó: " + ", ".join(lower_first(w.label(rf)) for rf in missing)
        if text.startswith("answers that disagree about "):
            topic = _TOPICS_ES.get(text[len("answers that disagree about "):].partition(" (")[0])
            labels = list(dict.fromkeys(w.label(key.partition(".")[0]) for key in answers))
            return None if topic is None else f"respuestas que no coinciden sobre {topic} ({' / '.join(labels)})"
        if text.startswith("whether the weakness of the "):
            side = side_of(answers, "weakness")
            if side is None:
                return None
            words = lower_first(w.answer(f"weakness.{side}", answers[f"weakness.{side}"]))
            return f"si la debilidad de {w.leg(side)} ({words}) es nueva o va a peor (sin respuesta)"
        weak = [k for k in answers if k.startswith("weakness.")]
        if weak:
            side = weak[0].partition(".")[2]
            line = w.lines({weak[0]: answers[weak[0]]})
            course = facts.course(side)[0]
            if course:
                line += f" ({lower_first(w.answer('weakness_course', course))})"
            return line
        return w.lines(answers, ", ")

    # --- the recommendation ----------------------------------------------------------------------

    def recommendation(self, *, with_d8: bool = True) -> str:
        a = self.a
        safety = self.d8_line() if with_d8 else ""
        listed = "; ".join(self.reason(r) for r in a.red_flags)
        found = [PATTERN_NAMES_ES[rid] for rid in dict.fromkeys(r.base_rule for r in a.reasons)
                 if rid in PATTERN_NAMES_ES]
        if a.level == "urgent" and a.tier != "P":
            parts = [
                "URGENTE: VALORACIÓN DE URGENCIA HOY MISMO.", safety,
                f"Respuesta(s) de alarma: {listed}. Avise ahora al clínico de guardia y no dé una cita ordinaria. Una "
                "sospecha de cola de caballo u otro problema grave de columna va por la vía de urgencias local "
                f"({self.ed} o el equipo de columna de guardia). Entregue al paciente la hoja de signos de alarma.",
            ]
        elif a.level == "urgent":
            parts = [
                "URGENTE: un clínico debe valorar al paciente hoy.", safety,
                "Organice una valoración urgente de columna por el circuito local según el motivo (cáncer: la vía "
                "de compresión medular metastásica; fractura, infección o un niño: sus propias vías). "
                f"Motivo(s): {listed}.",
            ]
        elif a.level == "likely":
            text = ("Las respuestas encajan con un origen en la columna (raíz nerviosa, de tipo ciático) de los "
                    "síntomas del pie. Para valoración clínica; conviene derivar a un especialista de columna para un "
                    "diagnóstico completo. Signos de alarma: volver de inmediato si aparecen síntomas de vejiga, "
                    "intestino o zona perineal, o una debilidad que empeora.")
            if found:
                text += f" Puede coexistir: {', '.join(found)}."
            parts = [safety, text]
        elif a.level == "possible":
            alternatives = ", ".join(found) if found else "ninguno en las respuestas"
            parts = [safety, (
                "Algunas respuestas encajan con un origen en la columna, pero el patrón está incompleto. El clínico "
                "debe explorar (elevación de pierna recta, fuerza, reflejos, sensibilidad) y decidir si deriva a un "
                f"especialista de columna. Otros patrones que considerar: {alternatives}.")]
        else:
            fits = ", ".join(found) if found else "ningún patrón concreto"
            parts = [safety, (
                f"Las respuestas no muestran un patrón de columna. Los rasgos encajan con: {fits}; para valoración "
                f"clínica: no es un diagnóstico. {self._watch_for()}")]
        alerts = [RULE_NAMES_ES[r.base_rule].lower() for r in a.in_group("alert") if r.base_rule in RULE_NAMES_ES]
        if alerts:
            parts.append(f"Alerta(s) de seguridad aparte, sea cual sea el nivel: {'; '.join(alerts)}.")
        return " ".join(part for part in parts if part)

    def _watch_for(self) -> str:
        match = re.search(r"Screen again if (.+?) appears(, or if the symptoms already recorded change)?\.",
                          self.a.recommendation)
        if not match:
            return "Repita el cribado si aparece cualquier señal de alarma o si cambian los síntomas."
        words = [_WATCH_ES.get(part.strip(), part.strip()) for part in re.split(r", | or ", match.group(1))]
        listed = ", ".join(words[:-1]) + (" o " if len(words) > 1 else "") + words[-1]
        tail = ", o si cambian los síntomas ya registrados" if match.group(2) else ""
        return f"Repita el cribado si aparece {listed}{tail}."

    def rule_name(self, rule_id: str, english: str) -> str:
        return RULE_NAMES_ES.get(rule_id, english)


_ROUTE = re.compile(r"local emergency route \((.+) or the on-call spinal team\)")


def emergency_department_of(assessment: Assessment) -> str | None:
    """The emergency department an urgent (tier E) recommendation names, as the screening was given it
    (None when the recommendation names none)."""
    match = _ROUTE.search(assessment.recommendation)
    return match.group(1) if match else None


def words_for(language: str, document: IntakeDocument, assessment: Assessment, questionnaire: Questionnaire,
              emergency_department: str) -> EnglishWords:
    if language == SPANISH:
        return SpanishWords(document, assessment, questionnaire, emergency_department)
    return EnglishWords(assessment)


__all__ = ["EnglishWords", "SpanishWords", "emergency_department_of", "english_d8", "side_of", "words_for"]
