"""The screening's other reasons in Spanish: spinal support (S, A), decision lines (D), local
patterns (L), non-spinal alerts (N) and data gaps (Q). See referral_reasons_es for the approach."""

from __future__ import annotations

import re
from collections.abc import Mapping

from intake_app.reports.referral_reasons_es import (
    PATTERN_NAMES_ES,
    POINT_NAMES_ES,
    RED_FLAG_RENDERERS,
    RISKS_ES,
    RULE_NAMES_ES,
    SUPPORT_ES,
    Renderer,
    Words,
    join_words,
    known_list,
    lower_first,
    side_of,
)
from intake_app.screening.model import Reason
from intake_app.screening.rules.base import PATTERN_NAMES
from intake_app.screening.rules.spinal import POINT_NAMES

_POINTS_BY_NAME = {POINT_NAMES[rid]: name for rid, name in POINT_NAMES_ES.items()}
_PATTERNS_BY_NAME = {PATTERN_NAMES[rid]: name for rid, name in PATTERN_NAMES_ES.items()}


def pattern_names(english: str) -> str | None:
    """The engine's pattern list ("plantar fasciitis pattern, gout pattern") in Spanish."""
    found = known_list(english, _PATTERNS_BY_NAME)
    return ", ".join(found) if found else None


# --- spinal support ----------------------------------------------------------------------------------


def _s1(w: Words, r: Reason) -> str | None:
    text = r.text
    if r.rule == "S1":
        if "both legs" in text:
            return "El dolor baja de la espalda o la nalga por las dos piernas hasta los pies"
        side = side_of(r.because)
        return None if side is None else f"El dolor baja de la espalda o la nalga por {w.leg(side)} hasta el pie"
    return {
        "Pain travelling from the back into the foot: not recorded (question unanswered)":
            "Dolor que baja desde la espalda hasta el pie: no consta (pregunta sin respuesta)",
        "Pain travels below the knee but not into the foot": "El dolor baja por debajo de la rodilla, pero no al pie",
        "Pain does not travel below the knee": "El dolor no baja por debajo de la rodilla",
        "Pain does not travel from the back down the leg": "El dolor no baja desde la espalda por la pierna",
    }.get(text)


def _s2(w: Words, r: Reason) -> str | None:
    b = r.because
    if "back_pain" in b:
        detail = lower_first(w.answer("back_pain", b["back_pain"]))
    elif "leg_vs_back" in b:
        detail = "según la respuesta sobre qué duele más, la pierna o la espalda"
    else:
        detail = "consta dolor de espalda nuevo o que ha cambiado"
    return f"Dolor lumbar ({detail})"


def _s3(w: Words, r: Reason) -> str | None:
    side = side_of(r.because, "pain")
    if side is None:
        return None
    what = ("más que el de espalda" if r.because.get("leg_vs_back") == "leg_worse" else "sin dolor de espalda")
    return f"Predomina el dolor de pierna ({what}), con dolor en pantorrilla o espinilla {w.side(side)}"


def _s4(w: Words, r: Reason) -> str | None:
    text = r.text
    if r.rule == "S4":
        side = side_of(r.because)
        if side is None:
            return None
        line = f"Adormecimiento, hormigueo o debilidad bajo la rodilla en {w.leg(side)}"
        caveat = [es for en, es in (("diabetes", "la diabetes"), ("both feet evenly affected",
                                                                    "que los dos pies estén afectados por igual"))
                  if en in text]
        if caveat:
            line += (f" (se cuenta aunque {' y '.join(caveat)} podría explicarlo; no se descarta una neuropatía "
                     "conocida: lo juzga el clínico)")
        return line
    if text.startswith("No numbness, tingling or weakness below the knee on either leg"):
        return "Sin adormecimiento, hormigueo ni debilidad bajo la rodilla en ninguna pierna"
    match = re.match(r"No numbness, tingling or weakness below the knee on the (left|right) \(the leg scored\)"
                     r"(; the (left|right) leg has some)?", text)
    if not match:
        return None
    line = (f"Sin adormecimiento, hormigueo ni debilidad bajo la rodilla en {w.leg(match.group(1))} (la "
            "pierna puntuada)")
    if match.group(3):
        line += f"; {w.leg(match.group(3))} tiene algo, pero cada pierna se juzga por separado"
    return line


def _s7(w: Words, r: Reason) -> str | None:
    b = r.because
    parts = [lower_first(w.answer("back_conditions", c)) for c in b.get("back_conditions", [])]
    if "back_surgery" in b:
        parts.append(f"operación de espalda ({lower_first(w.answer('back_surgery', b['back_surgery']))})")
    return f"Antecedentes de columna: {', '.join(parts)}" if parts else None


def _s8(w: Words, r: Reason) -> str | None:
    match = re.match(r"(L4|L5|S1)-root pattern on the (left|right)", r.text)
    if not match:
        return None
    return f"Patrón de la raíz {match.group(1)} en {w.leg(match.group(2))} (solo orientativo, nunca puntúa)"


def _a3(w: Words, r: Reason) -> str | None:
    if r.text.startswith("No back pain"):
        return "Sin dolor de espalda: esto no descarta un origen en la columna (raíz nerviosa) de los síntomas"
    return ("Dolor de espalda sin registrar: ni siquiera la ausencia de dolor de espalda descartaría un origen en la "
            "columna (raíz nerviosa) de los síntomas")


# --- decision lines -------------------------------------------------------------------------------------


def _points(english: str) -> str | None:
    found = known_list(english, _POINTS_BY_NAME)
    return ", ".join(found) if found else None


def _d0(w: Words, r: Reason) -> str | None:
    match = re.match(r"Red-flag screen complete: all (\d+) questions asked(.*)$", r.text)
    if not match:
        return None
    count, rest = match.groups()
    lead = f"Cribado de señales de alarma completo: se hicieron las {count} preguntas"
    if rest.startswith(" and answered no - no red flags"):
        return f"{lead} y la respuesta fue no: sin señales de alarma"
    parts_es = {
        "some answers are yes, new or long-standing (listed in this section)":
            "hay respuestas sí, nuevo o desde hace tiempo (en esta sección)",
        "a red-flag rule fired": "se cumplió una regla de alarma",
        "answers that did not meet their rule are listed for the clinician":
            "hay respuestas que no cumplen su regla, listadas para el clínico",
        "some answers disagree (see data gaps)": "hay respuestas que no coinciden (ver datos que faltan)",
        "a weakness has no course recorded": "falta la evolución de una debilidad",
    }
    parts = known_list(rest.removeprefix("; open: "), parts_es, "; ")
    return None if parts is None else f"{lead}; pendiente: {'; '.join(parts)}"


def _d1(w: Words, r: Reason) -> str | None:
    match = re.match(r"Red flags found \((.+)\): URGENT, (.+)$", r.text)
    if not match:
        return None
    names = {name.lower(): RULE_NAMES_ES[rid].lower() for rid, name in
             (("R1", "Suspected cauda equina"), ("R2", "Motor deficit"), ("R3", "Suspected spinal infection"),
              ("R4", "Possible malignancy"), ("R5", "Possible fracture"), ("R6", "Child or adolescent"))}
    found = known_list(match.group(1), names, "; ")
    if found is None:
        return None
    urgency = ("urgencia hoy mismo (una urgencia está por encima de la prioridad urgente)"
               if match.group(2).startswith("same-day") else "prioridad urgente")
    return f"Señales de alarma ({'; '.join(found)}): URGENTE, {urgency}"


def _d2(w: Words, r: Reason) -> str | None:
    match = re.match(r"Scored on the (left|right) leg, where pain reaches the foot( \(both legs[^)]*\))?: (\d+) of 6 "
                     r"points \((.+)\)$", r.text)
    if not match:
        return None
    side, both, count, names = match.groups()
    listed = "ninguno" if names == "none" else _points(names)
    if listed is None:
        return None
    both_es = " (el dolor llega a los dos pies; se puntúa la pierna con más puntos)" if both else ""
    return f"Se puntúa {w.leg(side)}, con dolor hasta el pie{both_es}: {count} de 6 puntos ({listed})"


def _d3(w: Words, r: Reason) -> str | None:
    match = re.match(r"LIKELY: pain into the (left|right) foot with (\d+) supporting points", r.text)
    return None if not match else (
        f"PROBABLE: dolor hasta {w.foot(match.group(1))} con {match.group(2)} puntos a favor (3 o más: "
        "umbral de diseño, no validado)")


def _d4(w: Words, r: Reason) -> str | None:
    match = re.match(r"POSSIBLE: pain into the (left|right) foot but only (\d+) supporting", r.text)
    return None if not match else (
        f"POSIBLE: dolor hasta {w.foot(match.group(1))}, pero solo {match.group(2)} punto(s) a favor "
        "(menos de 3)")


def _d5_part(w: Words, part: str) -> str | None:
    match = re.match(r"numbness, tingling or weakness in the (left|right) foot with (.+)$", part)
    if match:
        side = match.group(1)
        table = {**SUPPORT_ES, f"symptoms above the ankle on the same ({side}) leg":
                 f"síntomas por encima del tobillo en la misma pierna ({w.side(side)})"}
        support = known_list(match.group(2), table)
        return None if support is None else (
            f"adormecimiento, hormigueo o debilidad en {w.foot(side)} con {join_words(support)}")
    match = re.match(r"pain in the (left|right) foot, worse standing or walking", part)
    if match:
        return (f"dolor en {w.foot(match.group(1))} que empeora de pie o al caminar y se alivia al sentarse o "
                "inclinarse hacia delante (la estenosis suele dar solo dolor)")
    match = re.match(r"the (left|right) leg giving way with (back pain|thigh or knee pain on the same leg)$", part)
    if match:
        with_es = ("dolor de espalda" if match.group(2) == "back pain"
                   else "dolor de muslo o rodilla en la misma pierna")
        return f"{w.leg(match.group(1))} le falla, con {with_es}"
    return None


def _d5(w: Words, r: Reason) -> str | None:
    body = r.text.removeprefix("POSSIBLE: ").removesuffix("; pain does not reach the foot from the back")
    parts = [_d5_part(w, part) for part in body.split("; ")]
    if None in parts:
        return None
    return f"POSIBLE: {'; '.join(p for p in parts if p)}; el dolor no llega al pie desde la espalda"


def _d6(w: Words, r: Reason) -> str | None:
    names = pattern_names(r.text.partition("fit a local pattern: ")[2])
    return None if names is None else (
        f"SIN INDICIOS: todos los síntomas quedan en el tobillo o por debajo y encajan con un patrón local: {names}")


def _d7(w: Words, r: Reason) -> str | None:
    if r.text.startswith("No spinal features"):
        return ("Sin rasgos de columna: el dolor no llega al pie desde la espalda, no hay adormecimiento, hormigueo ni "
                "debilidad en el pie, ni ninguno de los rasgos a favor")
    match = re.match(r"NOT INDICATED: the features found(?: \((.+)\))? do not make", r.text)
    if not match:
        return None
    listed = _points(match.group(1)) if match.group(1) else ""
    if listed is None:
        return None
    what = f"los rasgos encontrados ({listed})" if listed else "los rasgos encontrados"
    return f"SIN INDICIOS: {what} no forman un patrón de columna sin dolor hasta el pie, ni síntomas del pie con apoyo"


# --- local patterns ------------------------------------------------------------------------------------


def _pattern(rule_id: str) -> Renderer:
    def render(w: Words, r: Reason) -> str | None:
        b, text = r.because, r.text
        side = side_of(b)
        of_foot = f" del{w.foot(side)[2:]}" if side else ""  # " del pie derecho"
        if rule_id == "L1":
            detail = f"dolor en el talón, el arco o la planta{of_foot}, peor en los primeros pasos tras descansar"
        elif rule_id == "L2":
            detail = f"dolor en la parte delantera{of_foot}, relacionado con el calzado"
        elif rule_id == "L3":
            joint = lower_first(w.answer("foot_red_hot_swollen", b.get("foot_red_hot_swollen")))
            detail = f"{joint}: roja, caliente e hinchada, de repente"
        elif rule_id == "L4":
            detail = lower_first(w.answer("trauma", b.get("trauma")))
        elif rule_id == "L5":
            detail = "más actividad últimamente, un punto del hueso que duele al tocar, peor con la carga"
        elif rule_id == "L6":
            detail = "adormecimiento u hormigueo en los dos pies por igual, empezando en los dedos"
        elif rule_id == "L7":
            detail = "aparece siempre a la misma distancia caminando y se alivia al quedarse quieto de pie"
            risks = text.partition("; risk factors: ")[2].partition(")")[0]
            if risks:
                found = known_list(risks, RISKS_ES)
                if found is None:
                    return None
                detail += f"; factores de riesgo: {', '.join(found)}"
        else:
            spared = ", sin afectar al talón" if ", heel spared" in text else ""
            detail = (f"adormecimiento u hormigueo en la planta o los dedos{of_foot} con un signo en el tobillo por "
                      f"dentro{spared}")
        tail = ("puede coexistir con el patrón de columna" if "may co-exist" in text
                else "un patrón ajeno a la columna que considerar")
        article = "una" if rule_id == "L4" else "un"
        return f"Encaja con {article} {PATTERN_NAMES_ES[rule_id]} ({detail}); {tail}"
    return render


# --- alerts and gaps ---------------------------------------------------------------------------------------


def _n1(w: Words, r: Reason) -> str | None:
    joint = lower_first(w.answer("foot_red_hot_swollen", r.because.get("foot_red_hot_swollen")))
    return (f"{joint[:1].upper() + joint[1:]}: roja, caliente e hinchada, con fiebre o malestar general: posible "
            "artritis séptica; derivar de inmediato")


def _q1(w: Words, r: Reason) -> str | None:
    match = re.match(r"Red-flag screen incomplete - not asked: (.+?)\. Ask before", r.text)
    labels = w.flag_labels(match.group(1)) if match else None
    return None if labels is None else (
        f"Cribado de alarma incompleto; no se preguntó: {labels}. Pregunte antes de que el paciente se vaya: hasta "
        "entonces no se descartan señales de alarma")


def _q2(w: Words, r: Reason) -> str | None:
    match = re.match(r"Age (\d+) \(over 60\)", r.text)
    return None if not match else (
        f"Edad {match.group(1)} años (mayor de 60) con un primer episodio de dolor de espalda: una precaución para "
        "el clínico, no un desencadenante")


def q3_items(w: Words) -> Mapping[str, str]:
    """The engine's names of missing answers (short labels, per side too) and their Spanish."""
    items: dict[str, str] = {
        "whether the leg pain is new or changed in the last 3 months (not asked in this version of the form; the "
        "duration answer is used)": "si el dolor de pierna es nuevo o ha cambiado en los últimos 3 meses (esta "
        "versión del formulario no lo pregunta; se usa la duración)",
        "whether the numbness or pins and needles is new or changed in the last 3 months":
            "si el adormecimiento o el hormigueo es nuevo o ha cambiado en los últimos 3 meses",
    }
    return {**items, **w.question_names()}


def _q3(w: Words, r: Reason) -> str | None:
    found = known_list(r.text.removeprefix("Not answered, so screened as nothing reported: "), q3_items(w), "; ")
    return None if found is None else f"Sin respuesta, así que se tomó como nada indicado: {'; '.join(found)}"


def _q4(w: Words, r: Reason) -> str | None:
    b = r.because
    keys = list(b)
    if not keys:
        return None
    first = keys[0]

    def said(key: str) -> str:
        return f"«{w.answer(key, b[key])}»"

    if first == "rf_infection_risk":
        months = w.answer("back_surgery_months_ago", b.get("back_surgery_months_ago"))
        return (f"{w.label('rf_infection_risk')}: respuesta «No», pero consta una operación de espalda hace {months} "
                "(una intervención reciente de columna es un riesgo de infección); pregunte de nuevo; mientras tanto "
                "se considera que hay riesgo de infección")
    if first == "rf_bilateral_leg_symptoms":
        return (f"{w.label(first)}: respuesta «No», pero consta dolor que baja bajo la rodilla en las dos "
                "piernas; vuelva a preguntar por las dos piernas (síntomas nuevos en las dos piernas son una urgencia)")
    if first == "leg_vs_back" and len(keys) > 1 and keys[1] != "back_pain":
        return (f"{w.label(first)}: respuesta {said(first)}, pero consta dolor, adormecimiento u hormigueo por encima "
                "del tobillo; pregunte de nuevo; mientras tanto los síntomas de la pierna cuentan")
    if len(keys) == 2:
        second = keys[1]
        reading = ("se considera que hay dolor de espalda nuevo (la seguridad primero)" if first == "back_pain_new"
                   else "se considera que la espalda duele (la seguridad primero)")
        return (f"{w.label(first)}: respuesta {said(first)}, pero {lower_first(w.label(second))}: respuesta "
                f"{said(second)}; pregunte de nuevo; mientras tanto {reading}")
    return None


def _fixed(spanish: str) -> Renderer:
    return lambda w, r: spanish


OTHER_RENDERERS: Mapping[str, Renderer] = {
    "S1": _s1, "S2": _s2, "S3": _s3, "S4": _s4,
    "S5": _fixed("Empeora al toser, estornudar o hacer fuerza"),
    "S6": _fixed("Empeora de pie o al caminar y se alivia al sentarse o inclinarse hacia delante (claudicación "
                 "neurógena)"),
    "S7": _s7, "S8": _s8, "A3": _a3,
    "A5": _fixed("El dolor hasta el pie ha vuelto tras una operación de espalda que primero lo alivió: se señala de "
                 "nuevo, sin atribuirlo al problema antiguo"),
    "D0": _d0, "D1": _d1, "D2": _d2, "D3": _d3, "D4": _d4, "D5": _d5, "D6": _d6, "D7": _d7,
    **{rid: _pattern(rid) for rid in ("L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8")},
    "N1": _n1,
    "N2": _fixed("Lesión con incapacidad para dar 4 pasos o un punto del hueso que duele al tocar: hay que valorar "
                 "una fractura (reglas de Ottawa)"),
    "N3": _fixed("Diabetes con el pie caliente e hinchado (posible pie de Charcot) o una herida que no cura: "
                 "valoración urgente por el servicio de pie"),
    "N4": _fixed("Herida que no cura o dolor en reposo con el pie frío o pálido: posible isquemia crítica de la "
                 "extremidad; valoración vascular urgente"),
    "Q1": _q1, "Q2": _q2, "Q3": _q3, "Q4": _q4,
}
# D8 is rendered with the recommendation (referral_advice_es), from the open safety items.
RENDERERS: Mapping[str, Renderer] = {**RED_FLAG_RENDERERS, **OTHER_RENDERERS}
