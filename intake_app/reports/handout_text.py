"""What the handout says, in English and in Spanish, side by side: each sentence is defined once here.

English is written at a Flesch-Kincaid grade of 6 or lower; Spanish at a Fernández-Huerta ease of
70 or more, for patients in plain Mexican and US Spanish (usted, short sentences, everyday words:
"espalda baja", "orinar", "dormida"), written for the reader rather than word for word. Each text has
an adult form ("you") and may have a form for the parent or carer of a child under 16 ("your
child"). "{ed}" is the local name of the emergency department and "{number}" the emergency number
(settings, with defaults by country). We say "doctor or nurse", never "clinician".

`tests/reports/test_handout_spanish.py` fails when a text lacks its Spanish, when the two
languages use different placeholders, or when an English sentence shows up in a Spanish handout.
Spanish often needs no child form where English has one: "usted" takes the third person, so "No
puede orinar" reads for an adult and for a child alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from intake_app.domain.language import ENGLISH, SPANISH
from intake_app.settings import with_article

# The languages a handout is written in.
HANDOUT_LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)


@dataclass(frozen=True)
class Say:
    """One text of the handout in each language; the child forms default to the adult ones."""

    en: str
    es: str
    en_child: str = ""
    es_child: str = ""

    def form(self, language: str, child: bool) -> str:
        """The unformatted text in `language` ("es" or else English) for an adult or a child."""
        adult, young = (self.es, self.es_child) if language == SPANISH else (self.en, self.en_child)
        return (young or adult) if child else adult

    def __call__(self, language: str, child: bool, **values: str) -> str:
        return self.form(language, child).format(**values)


# --- safety first ---------------------------------------------------------------------------------

STAY_HERE = Say(
    en="Stay here. Do not leave on your own. We are arranging an urgent check today.",
    en_child="Stay here with your child. Do not leave on your own. We are arranging an urgent check today.",
    es="Quédese aquí. No se vaya por su cuenta. Ya estamos pidiendo una revisión urgente para hoy.",
    es_child="Quédese aquí con su hijo o hija. No se vayan por su cuenta. Ya estamos pidiendo una "
             "revisión urgente para hoy.",
)
IF_YOU_LEAVE = Say(
    en="If you have to leave, or you feel worse on the way, call {number} at once.",
    en_child="If you have to leave, or your child gets worse on the way, call {number} at once.",
    es="Si tiene que irse, o se siente peor por el camino, llame al {number} de inmediato.",
    es_child="Si tienen que irse, o su hijo o hija se pone peor por el camino, llame al {number} de inmediato.",
)
CALL_HEADING = Say(
    en="Go to {ed} or call {number} at once if:",
    en_child="Take your child to {ed} or call {number} at once if:",
    es="Vaya a {ed} o llame al {number} de inmediato si:",
    es_child="Lleve a su hijo o hija a {ed} o llame al {number} de inmediato si:",
)
# In Spanish "usted" takes the third person, so one form reads for an adult and for a child.
CALL_SIGNS = (
    Say(en="The skin around your bottom or between your legs feels numb.",
        en_child="The skin around their bottom or between their legs feels numb.",
        es="Siente dormida la piel entre las nalgas, alrededor del ano o en los genitales."),
    Say(en="You cannot pee, or you leak pee. This is new.",
        en_child="They cannot pee, or they leak pee. This is new.",
        es="No puede orinar, o se le sale la orina sin querer, y antes no le pasaba."),
    Say(en="You cannot hold your poo, or cannot feel it.",
        en_child="They cannot hold their poo, or cannot feel it.",
        es="Se le salen las heces (popó) sin querer, o no siente cuando salen."),
    Say(en="Your leg or foot gets weaker, or your foot drags.",
        en_child="Their leg or foot gets weaker, or their foot drags.",
        es="La pierna o el pie tiene cada vez menos fuerza, o arrastra el pie."),
    Say(en="The pain or numbness spreads to both legs.",
        es="Ahora siente dolor o adormecimiento en las dos piernas."),
    Say(en="You have back pain and a fever, or feel very ill.",
        en_child="They have back pain and a fever, or seem very ill.",
        es="Tiene dolor de espalda y fiebre, o se siente muy mal."),
)

# --- what we think, what happens next, what you can do --------------------------------------------

THINK = {
    "E": Say(
        en="Some of your answers can be a sign of a serious back problem. You need a check today at {ed}.",
        en_child="Some answers can be a sign of a serious back problem. Your child needs a check today at {ed}.",
        es="Algunas de sus respuestas pueden ser señal de un problema serio en la espalda. Necesita una "
           "revisión hoy en {ed}.",
        es_child="Algunas respuestas pueden ser señal de un problema serio en la espalda. Su hijo o hija "
                 "necesita una revisión hoy en {ed}.",
    ),
    "P": Say(
        en="Some of your answers mean a doctor or nurse needs to see you today.",
        en_child="Some answers mean a doctor or nurse needs to see your child today.",
        es="Por lo que nos respondió, tiene que ver hoy mismo a un médico o a una enfermera.",
        es_child="Por lo que nos respondió, su hijo o hija tiene que ver hoy mismo a un médico o a una "
                 "enfermera.",
    ),
    "likely": Say(
        en="A nerve in your lower back may cause the pain in your foot. The nerve runs from your back down "
           "your leg to your toes. This can happen even when your back does not hurt.",
        en_child="A nerve in the lower back may cause the pain in your child's foot. The nerve runs from the "
                 "back down the leg to the toes.",
        es="El dolor del pie puede venir de un nervio de la espalda baja. Ese nervio va de la espalda, por "
           "la pierna, hasta los dedos del pie. Esto puede pasar aunque no le duela la espalda.",
        es_child="El dolor en el pie de su hijo o hija puede venir de un nervio de la espalda baja. Ese "
                 "nervio va de la espalda, por la pierna, hasta los dedos del pie.",
    ),
    "possible": Say(
        en="Some of your answers fit a nerve problem in your lower back. Some do not. The cause may be in "
           "your back, your leg or your foot.",
        en_child="Some answers fit a nerve problem in the lower back. Some do not. The cause may be in the "
                 "back, the leg or the foot.",
        es="Algunas de sus respuestas hacen pensar que un nervio de la espalda baja causa el problema. "
           "Otras no. La causa puede estar en la espalda, en la pierna o en el pie.",
        es_child="Algunas respuestas hacen pensar que un nervio de la espalda baja causa el problema. Otras "
                 "no. La causa puede estar en la espalda, en la pierna o en el pie.",
    ),
    "not_indicated": Say(
        en="Your answers do not point to your back. The cause is more likely in your foot or leg.",
        en_child="The answers do not point to the back. The cause is more likely in the foot or leg.",
        es="Sus respuestas no apuntan a la espalda. Lo más probable es que la causa esté en el pie o en "
           "la pierna.",
        es_child="Las respuestas no apuntan a la espalda. Lo más probable es que la causa esté en el pie o "
                 "en la pierna.",
    ),
}
NOT_A_DIAGNOSIS = Say(
    en="This sheet is not a diagnosis. Only a doctor or nurse can tell you the cause.",
    es="Esta hoja no es un diagnóstico. Solo un médico o una enfermera le puede decir la causa.",
)

NEXT = {
    "E": Say(
        en="A doctor or nurse will see you now. You may go straight to {ed}. Take this sheet with you.",
        en_child="A doctor or nurse will see your child now. You may go straight to {ed}. Take this sheet.",
        es="Un médico o una enfermera le va a atender ahora mismo. Puede que tenga que ir directo a {ed}. "
           "Lleve esta hoja con usted.",
        es_child="Un médico o una enfermera va a atender a su hijo o hija ahora mismo. Puede que tengan que "
                 "ir directo a {ed}. Lleve esta hoja.",
    ),
    "P": Say(
        en="A doctor or nurse will talk with you today. They may send you for a check soon.",
        en_child="A doctor or nurse will talk with you today. They may send your child for a check soon.",
        es="Hoy va a hablar con un médico o una enfermera. Puede que le manden pronto a otra revisión.",
        es_child="Hoy va a hablar con un médico o una enfermera. Puede que manden pronto a su hijo o hija "
                 "a otra revisión.",
    ),
    "likely": Say(
        en="A doctor or nurse will examine you. They may send you to a back specialist.",
        en_child="A doctor or nurse will examine your child. They may send your child to a back specialist.",
        es="Un médico o una enfermera le va a revisar. Puede que tenga que ver a un especialista de la "
           "espalda.",
        es_child="Un médico o una enfermera va a revisar a su hijo o hija. Puede que tenga que ver a un "
                 "especialista de la espalda.",
    ),
    "possible": Say(
        en="A doctor or nurse will check your back, legs and feet. Then they will decide what to do.",
        en_child="A doctor or nurse will check your child's back, legs and feet. Then they will decide.",
        es="Un médico o una enfermera le va a revisar la espalda, las piernas y los pies. Después le dirá "
           "qué hacer.",
        es_child="Un médico o una enfermera va a revisar la espalda, las piernas y los pies de su hijo o "
                 "hija. Después le dirá qué hacer.",
    ),
    "not_indicated": Say(
        en="A doctor or nurse will check your foot and leg. They will tell you what may help.",
        en_child="A doctor or nurse will check your child's foot and leg. They will tell you what may help.",
        es="Un médico o una enfermera le va a revisar el pie y la pierna. Le dirá qué le puede ayudar.",
        es_child="Un médico o una enfermera va a revisar el pie y la pierna de su hijo o hija. Le dirá qué "
                 "puede ayudar.",
    ),
}
APPOINTMENT = Say(en="Your next appointment:", es="Su próxima cita:")
# The footer's page count ({number} and {total} are filled in when the pages are counted).
PAGE_LABEL = {"en": "Page {number} of {total}", "es": "Página {number} de {total}"}

MEANWHILE = {
    "E": Say(en="Do not drive. Do not go home first.",
             es="No maneje. No vaya primero a su casa.",
             es_child="No maneje. No vayan primero a su casa."),
    "P": Say(en="Do not drive until a doctor or nurse has seen you.",
             en_child="Stay with your child until a doctor or nurse has seen them.",
             es="No maneje hasta que hable con un médico o una enfermera.",
             es_child="Quédese con su hijo o hija hasta que le atienda un médico o una enfermera."),
    "likely": Say(en="Keep moving gently. Short walks help. Take your usual pain tablets as the pack says.",
                  en_child="Help your child keep moving gently. Use the pain medicine you usually give, as "
                           "the pack says.",
                  es="Siga moviéndose con calma. Caminar un poco ayuda. Tome sus pastillas de siempre para "
                     "el dolor, como dice la caja.",
                  es_child="Ayude a su hijo o hija a seguir moviéndose con calma. Dele la medicina de siempre "
                           "para el dolor, como dice la caja."),
    "possible": Say(en="Keep moving gently. Short walks help. Take your usual pain tablets as the pack says.",
                    en_child="Help your child keep moving gently. Use the pain medicine you usually give, as "
                             "the pack says.",
                    es="Siga moviéndose con calma. Caminar un poco ayuda. Tome sus pastillas de siempre para "
                       "el dolor, como dice la caja.",
                    es_child="Ayude a su hijo o hija a seguir moviéndose con calma. Dele la medicina de "
                             "siempre para el dolor, como dice la caja."),
    "not_indicated": Say(en="Rest the foot when it hurts. Wear soft, flat shoes.",
                         en_child="Let your child rest the foot when it hurts. Soft, flat shoes help.",
                         es="Descanse el pie cuando le duela. Use zapatos planos y suaves.",
                         es_child="Deje que su hijo o hija descanse el pie cuando le duela. Los zapatos "
                                  "planos y suaves ayudan."),
}
MORE_QUESTIONS = Say(
    en="Please do not leave yet. We need to check some safety answers with you first.",
    en_child="Please do not leave yet. We need to check some safety answers with you first.",
    es="Por favor, no se vaya todavía. Antes tenemos que revisar con usted unas respuestas importantes.",
    es_child="Por favor, no se vayan todavía. Antes tenemos que revisar con ustedes unas respuestas importantes.",
)
FOOT_ALERT = Say(
    en="Your foot needs a check today. Go to {ed} or call us at once if your foot turns cold or pale, gets "
       "hot or swollen, or a sore will not heal.",
    en_child="Your child's foot needs a check today. Go to {ed} or call us at once if the foot turns cold or "
             "pale, gets hot or swollen, or a sore will not heal.",
    es="Hay que revisarle el pie hoy. Vaya a {ed} o llámenos de inmediato si el pie se pone frío o pálido, "
       "caliente o hinchado, o si tiene una herida que no se cura.",
    es_child="Hay que revisar hoy el pie de su hijo o hija. Vaya a {ed} o llámenos de inmediato si el pie se "
             "pone frío o pálido, caliente o hinchado, o si tiene una herida que no se cura.",
)

# --- headings, the header, what you told us, contact ----------------------------------------------

TITLE = Say(en="Your foot and leg symptoms", es="Sus molestias en el pie y la pierna")
FOR = Say(en="For", en_child="For the parent or carer of",
          es="Para", es_child="Para la madre, el padre o quien cuida a")
WHAT_WE_THINK = Say(en="What we think", es="Lo que pensamos")
WHAT_NEXT = Say(en="What happens next", es="Lo que sigue")
WHAT_YOU_CAN_DO = Say(en="What you can do now", es="Lo que puede hacer ahora")
YOU_TOLD_US = Say(en="What you told us", en_child="What you told us about your child",
                  es="Lo que nos dijo", es_child="Lo que nos dijo de su hijo o hija")
MORE_PLACES = Say(en="and {count} more", es="y {count} más")
QUESTIONS_HEADING = Say(en="Questions", es="¿Preguntas?")
CALL_CLINIC = Say(en="Call {clinic} on {phone}.", es="Llame a {clinic} al {phone}.")
ASK_STAFF = Say(en="Ask the staff at {clinic}.", es="Pregunte al personal de {clinic}.")
OPEN_HOURS = Say(en="Open: {hours}.", es="Horario: {hours}.")
TEAR_HERE = Say(en="\u2702  tear here", es="\u2702  corte por aquí")

# --- the tear-off strip: clinical words for the emergency department's staff ------------------------
# Written in the clinic's language (the emergency department's staff are the clinic's neighbours, whatever
# language the patient reads), with the screening's reasons as the referral letter words them.
STRIP_HEADING = Say(en="For the emergency department", es="Para urgencias del hospital")
STRIP_SEEN = Say(en="{name}, born {born}, seen {seen} at {clinic}.",
                 es="{name}, nacido/a el {born}, visto/a el {seen} en {clinic}.")
STRIP_FLAGS = Say(en="Red flags: {flags}.", es="Señales de alarma: {flags}.")
STRIP_NO_FLAGS = Say(en="see the referral letter", es="ver la carta de derivación")
STRIP_REFERRER = Say(en="Referrer: {referrer}; direct phone {phone}.",
                     es="Remitente: {referrer}; teléfono directo {phone}.")
STRIP_NO_PHONE = Say(en="see letter", es="ver la carta")

# --- dates and the emergency department -----------------------------------------------------------

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
NOT_RECORDED = Say(en="not recorded", es="sin fecha")

# What Spanish-speaking patients call the department that the clinic's settings name in English.
_DEPARTMENTS_ES = {
    "a&e": "urgencias del hospital",
    "er (emergency room)": "la sala de emergencias",
    "the er (emergency room)": "la sala de emergencias",
    "er": "la sala de emergencias",
    "emergency room": "la sala de emergencias",
    "emergency department": "urgencias del hospital",
    "the emergency department": "urgencias del hospital",
    "emergency unit": "urgencias del hospital",
}


def patient_date(day: dt.date | None, language: str) -> str:
    """A date as the patient reads it: ISO in English (1961-03-12: the same on both sides of the
    Atlantic), written out in Spanish ("2 de marzo de 2026")."""
    if day is None:
        return NOT_RECORDED(language, False)
    if language == SPANISH:
        return f"{day.day} de {MONTHS_ES[day.month - 1]} de {day.year}"
    return day.isoformat()


def department(name: str, language: str) -> str:
    """The emergency department as the sentence needs it: "the ER (emergency room)", "A&E"; in
    Spanish the usual name ("la sala de emergencias", "urgencias del hospital"), or for a local
    name the clinic set, that name after "urgencias" ("urgencias del hospital (St Mary's)")."""
    if language != SPANISH:
        return with_article(name)
    plain = " ".join(name.split())
    known = _DEPARTMENTS_ES.get(plain.casefold())
    if known:
        return known
    return f"urgencias del hospital ({plain})" if plain else "urgencias del hospital"
