"""Screening as the services use it: the clinic's wording, what rose to a recall, which red flags are urgent,
and a result's words in the desk's language (`result_text`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument
from intake_app.domain.language import ENGLISH, SPANISH
from intake_app.errors import InvalidInput, phrase
from intake_app.settings import Settings
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.domain.questionnaire import Questionnaire
    from intake_app.screening.model import Assessment, Group

class IncompleteIntake(InvalidInput):
    """Completing was refused: required answers are missing or red-flag questions were not asked."""

    def __init__(self, missing: list[str], red_flags_unanswered: list[str]) -> None:
        required = phrase(QT_TRANSLATE_NOOP("IntakeError", "is required"))
        not_asked = phrase(QT_TRANSLATE_NOOP("IntakeError", "was not asked"))
        problems: list[tuple[str, str]] = [(f"answers.{f}", required) for f in missing]
        problems += [(f"answers.{f}", not_asked) for f in red_flags_unanswered]
        if missing and red_flags_unanswered:
            message = QT_TRANSLATE_NOOP("IntakeError", "Cannot complete the intake: {missing} required question(s) "
                                                       "unanswered; {not_asked} red-flag question(s) not asked.")
        elif missing:
            message = QT_TRANSLATE_NOOP("IntakeError",
                                        "Cannot complete the intake: {missing} required question(s) unanswered.")
        else:
            message = QT_TRANSLATE_NOOP("IntakeError",
                                        "Cannot complete the intake: {not_asked} red-flag question(s) not asked.")
        super().__init__(message, problems,
                         params={"missing": len(missing), "not_asked": len(red_flags_unanswered)})
        self.missing = missing
        self.red_flags_unanswered = red_flags_unanswered


@dataclass(frozen=True)
class RescreenChange:
    """An intake whose level or tier changed when re-screened with the current rules (old beside new)."""

    intake_id: int
    old_level: str | None
    new_level: str
    old_rules_version: str | None
    old_tier: str | None = None
    new_tier: str | None = None
    recall: bool = False  # the result rose to urgent or likely: the patient goes on the recall list


def screen(document: IntakeDocument, settings: Settings | None = None) -> Assessment:
    """The screening result for a document (pure; used live while typing). With `settings`, the urgent
    recommendation names the clinic's local emergency department ("A&E", "the ER ...")."""
    from intake_app.screening import assess

    if settings is None:
        return assess(document)
    return assess(document, emergency_department=settings.emergency().department_phrase)


LEVEL_RANK = {"urgent": 0, "likely": 1, "possible": 2, "not_indicated": 3}


def rose_to_recall(old_level: str | None, new_level: str) -> bool:
    """True when a result rose to urgent or likely (the patient must be contacted)."""
    if new_level not in ("urgent", "likely"):
        return False
    return LEVEL_RANK[new_level] < LEVEL_RANK.get(old_level or "not_indicated", 3)


def urgent_rules(assessment: Assessment) -> list[str]:
    """The urgent red-flag rules an assessment fired ([] unless the level is urgent)."""
    if assessment.level != "urgent":
        return []
    return sorted({reason.base_rule for reason in assessment.red_flags}) or ["urgent"]


# --- a result in words, in the desk's language ----------------------------------------------------------
#
# English is the screening's own words, and loads nothing more. Spanish is the referral letter's: each reason
# and the recommendation (with its D8 line) rendered by reports.referral_advice_es, the level, group titles and
# key from reports.referral_text, so the desk and the letter say the same. The reports room (and reportlab)
# loads on the first Spanish result: `load_spanish_words` lets the desk load it ahead, off its GUI thread.

#: The level in a few words (the desk's chip) in English; referral_text.DESK_LEVELS has them beside their Spanish.
LEVEL_HEADINGS: Mapping[str, str] = {
    "urgent": "URGENT",
    "likely": "Spinal origin LIKELY",
    "possible": "Spinal origin POSSIBLE",
    "not_indicated": "Spinal origin not indicated",
}
TIER_WORDS: Mapping[str, str] = {"E": "same-day emergency", "P": "urgent priority"}
NOT_SCREENED = "Not screened yet"
NO_REASONS = "No reasons recorded."
URGENT_RED_FLAG = "URGENT RED FLAG."
RULE_WORD = "rule"
KEY_HEADING = "Key to the rule ids:"
KEY_SUFFIX = "A rule id with a suffix is an information line: the rule was looked at and did not fire."
RESULT_LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)


@dataclass(frozen=True)
class ResultText:
    """A screening result in plain words in one language, for the desk's result panel.

    `reasons[i]` and `answers[i]` are the words of `assessment.reasons[i]` and the answers behind it; a reason
    without a rendering in the language reads in English (never dropped). `rule_names` name every rule id
    of the result (base ids), for the clinician trace's key."""

    language: str
    heading: str
    recommendation: str
    reasons: tuple[str, ...]
    answers: tuple[tuple[str, ...], ...]
    group_titles: Mapping[Group, str]
    rule_names: Mapping[str, str]
    rule_word: str = RULE_WORD
    key_heading: str = KEY_HEADING
    key_suffix: str = KEY_SUFFIX
    no_reasons: str = NO_REASONS


def result_language(language: str | None) -> str:
    """The language a result is worded in: Spanish or English (any other language: English)."""
    return SPANISH if language == SPANISH else ENGLISH


def level_heading(assessment: Assessment, language: str | None = ENGLISH) -> str:
    """The level in a few words: "URGENT - same-day emergency", "Spinal origin LIKELY"; in Spanish the
    letter's words ("URGENTE - urgencia hoy mismo")."""
    if result_language(language) == SPANISH:
        from intake_app.reports.referral_text import DESK_LEVELS

        return DESK_LEVELS[assessment.tier or assessment.level].es
    heading = LEVEL_HEADINGS[assessment.level]
    if assessment.tier:
        heading += f" - {TIER_WORDS[assessment.tier]}"
    return heading


def not_screened_text(language: str | None = ENGLISH) -> str:
    """What the level chip says while there is nothing to screen."""
    if result_language(language) == SPANISH:
        from intake_app.reports.referral_text import NOT_SCREENED_YET

        return NOT_SCREENED_YET.es
    return NOT_SCREENED


def urgent_red_flag_text(language: str | None = ENGLISH) -> str:
    """The red-flag banner's first words."""
    if result_language(language) == SPANISH:
        from intake_app.reports.referral_text import URGENT_RED_FLAG as SPANISH_WORDS

        return SPANISH_WORDS.es
    return URGENT_RED_FLAG


def moment_text(moment: dt.datetime, language: str | None = ENGLISH) -> str:
    """A local time and day for a person: "09:41 on 02 Mar 2026"; "09:41 del 2 de marzo de 2026"."""
    if result_language(language) == SPANISH:
        from intake_app.reports.handout_text import patient_date
        from intake_app.reports.referral_text import AT_TIME_ON_DAY

        return AT_TIME_ON_DAY.es.format(time=moment.strftime("%H:%M"), day=patient_date(moment.date(), SPANISH))
    return moment.strftime("%H:%M on %d %b %Y")


def red_flag_summary(assessment: Assessment, questionnaire: Questionnaire, language: str | None = ENGLISH) -> str:
    """The red flags that fired, in plain words in `language` ("; " between them), or else the recommendation
    (the acknowledgement's and the red-flag banner's words)."""
    text = result_text(assessment, questionnaire, language)
    fired = [words for reason, words in zip(assessment.reasons, text.reasons, strict=True)
             if reason in assessment.red_flags]
    return "; ".join(fired) or text.recommendation


def load_spanish_words() -> None:
    """Load the Spanish renderings (the reports room) now, e.g. on a worker thread before the first result."""
    import intake_app.reports.referral_advice_es  # noqa: F401


def _rule_names(assessment: Assessment) -> dict[str, str]:
    from intake_app.screening.rules import RULE_BY_ID

    names: dict[str, str] = {}
    for reason in assessment.reasons:
        rule = RULE_BY_ID.get(reason.base_rule)
        names.setdefault(reason.base_rule, rule.name if rule is not None else "")
    return names


# The questionnaire's Spanish words, kept from one result to the next (they look question names up once).
_WORDS: dict[int, tuple[Any, Any]] = {}


def _spanish_words(questionnaire: Questionnaire) -> Any:
    from intake_app.reports.referral_reasons_es import Words

    kept = _WORDS.get(id(questionnaire))
    if kept is None or kept[0] is not questionnaire:
        kept = (questionnaire, Words(questionnaire))
        _WORDS[id(questionnaire)] = kept
    return kept[1]


def result_text(assessment: Assessment, questionnaire: Questionnaire, language: str | None = ENGLISH, *,
                document: IntakeDocument | None = None, emergency_department: str | None = None) -> ResultText:
    """`assessment` in plain words in `language` (Spanish, else English), as the referral letter says it.

    `document`: the answers screened, from which the Spanish D8 line ("Respuesta(s) de seguridad ...") is
    rebuilt; without it that line stays in English. `emergency_department`: the one the screening was given
    (None: read from the recommendation, else the screening's default)."""
    from intake_app.domain.wording import describe_because
    from intake_app.screening.model import GROUP_TITLES

    if result_language(language) == ENGLISH:
        return ResultText(
            ENGLISH, level_heading(assessment), assessment.recommendation,
            tuple(reason.text for reason in assessment.reasons),
            tuple(tuple(describe_because(questionnaire, reason.because)) for reason in assessment.reasons),
            GROUP_TITLES, _rule_names(assessment))
    from intake_app.reports import referral_text as T
    from intake_app.reports.referral_advice_es import SpanishWords, emergency_department_of
    from intake_app.screening.rules import DEFAULT_EMERGENCY_DEPARTMENT

    department = emergency_department or emergency_department_of(assessment) or DEFAULT_EMERGENCY_DEPARTMENT
    words = SpanishWords(document, assessment, questionnaire, department, words=_spanish_words(questionnaire))
    names = {rule: words.rule_name(rule, name) for rule, name in _rule_names(assessment).items()}
    return ResultText(
        SPANISH, level_heading(assessment, SPANISH), words.recommendation(),
        tuple(words.reason(reason) for reason in assessment.reasons),
        tuple(tuple(describe_because(questionnaire, reason.because, language=SPANISH))
              for reason in assessment.reasons),
        {group: say.es for group, say in T.GROUP_TITLES.items()}, names,
        rule_word=T.TRACE_RULE.es.lower(), key_heading=T.KEY_HEADING.es, key_suffix=T.KEY_SUFFIX.es,
        no_reasons=T.NO_REASONS.es)
