"""assess(document) -> Assessment: run every rule once, decide the level, order the trace.

Pure and deterministic: the result depends only on the document's answers, patient and visit
date, never on the clock, the environment or earlier calls.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake_app.domain.document import IntakeDocument
from intake_app.domain.questionnaire import Questionnaire
from intake_app.domain.wording import describe_because
from intake_app.screening.facts import Facts
from intake_app.screening.model import GROUP_ORDER, Assessment, Reason
from intake_app.screening.rules import (
    DEFAULT_EMERGENCY_DEPARTMENT,
    RULES,
    RULES_VERSION,
    Hit,
    Rule,
    decide,
    describe_lines,
    format_sources,
    recommendation,
)

# Within a group: fired lines first, then notes and unmet red-flag answers, then "asked: no" lists.
_INFO_RANK = {"": 0, "absent": 0, "note": 1, "unmet": 1, "no": 2}
_GROUP_INDEX = {group: i for i, group in enumerate(GROUP_ORDER)}


# Evidence for information lines whose point is not the rule's own evidence.
_INFO_EVIDENCE = {
    "unmet": "listed so that no positive answer is dropped silently; the clinician confirms it",
    "note": "a check that the answers agree with each other",
}


def plain_answers(questionnaire: Questionnaire, because: Mapping[str, Any]) -> tuple[str, ...]:
    """The answers behind a reason as people read them (domain/wording.py, the document's version)."""
    if any(isinstance(value, Mapping) for value in because.values()):  # never produced by the rules
        return tuple(describe_because(questionnaire, because))
    return tuple(describe_lines(questionnaire, because))


def _reason(rule: Rule, hit: Hit, facts: Facts) -> Reason:
    return Reason(
        rule=rule.id if hit.fired else f"{rule.id}.{hit.info}",
        group=hit.group or rule.group,
        text=hit.text,
        because=dict(hit.because),
        evidence=hit.evidence or _INFO_EVIDENCE.get(hit.info, rule.evidence),
        source=format_sources(hit.sources or rule.sources),
        answers=plain_answers(facts.questionnaire, hit.because),
    )


def assess(document: IntakeDocument, *, emergency_department: str = DEFAULT_EMERGENCY_DEPARTMENT) -> Assessment:
    """Screen one intake document; see docs/rules.md for every rule it applies.

    `emergency_department` is the local name the urgent (tier E) recommendation gives the emergency
    route (the clinic's settings hold it; the screening never reads settings itself).
    """
    facts = Facts(document)
    ranked: list[tuple[tuple[int, int, int, int], Reason]] = []
    for index, rule in enumerate(RULES):
        for seq, hit in enumerate(rule.hits(facts)):
            reason = _reason(rule, hit, facts)
            ranked.append(((_GROUP_INDEX[reason.group], _INFO_RANK[hit.info], index, seq), reason))
    ranked.sort(key=lambda item: item[0])
    decision = decide(facts)
    return Assessment(
        level=decision.level,
        tier=decision.tier,
        spinal_flag=decision.level != "not_indicated",
        reasons=tuple(reason for _, reason in ranked),
        recommendation=recommendation(facts, decision, emergency_department=emergency_department),
        rules_version=RULES_VERSION,
    )
