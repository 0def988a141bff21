"""What every rule module shares: the Rule and Hit types, the vocabulary, and small helpers.

The rules of clinical-logic.md are objects, one per rule id (A, R, S, L, N, Q, D).

Each rule's `condition` looks at a document (through `Facts`) and returns the lines it adds to the
rule trace: a `Hit` with no `info` means the rule fired; a Hit with `info` is an information line
reported under a suffixed id (for example "R1.no" for red-flag questions answered no, "R4.unmet"
for a positive red-flag answer that did not meet its rule, "S1.absent" for a spinal feature looked
for and not found). Decision rules (D) read the other rules' results through the memo in `Facts`,
so every rule is evaluated once per assessment.

Change any rule and RULES_VERSION must change too (tests/screening pins a fingerprint).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from intake_app.domain import wording
from intake_app.domain.document import IntakeDocument
from intake_app.domain.questionnaire import Question, Questionnaire, load_questionnaire
from intake_app.screening.facts import (
    Facts,
)
from intake_app.screening.model import Group, Tier

RULES_VERSION = "2026.12-1"

# --- vocabulary the rules share ------------------------------------------------------------------

RED_FLAG_LABELS: Mapping[str, str] = {
    "rf_saddle_numbness": "saddle numbness",
    "rf_bladder_change": "change in passing urine",
    "rf_bowel_change": "change in bowel control",
    "rf_sexual_dysfunction": "change in sexual function",
    "rf_bilateral_leg_symptoms": "symptoms down both legs",
    "rf_fever_or_unwell": "fever or feeling unwell",
    "rf_infection_risk": "infection risk",
    "rf_cancer_history": "history of cancer",
    "rf_weight_loss_unexplained": "unexplained weight loss",
    "rf_night_pain_constant": "constant night pain",
    "rf_osteoporosis_or_steroids": "osteoporosis or long-term steroids",
}
# Which R rule each red-flag question belongs to (its "asked, answered no" line is filed there).
RED_FLAG_RULE: Mapping[str, str] = {
    "rf_saddle_numbness": "R1",
    "rf_bladder_change": "R1",
    "rf_bowel_change": "R1",
    "rf_sexual_dysfunction": "R1",
    "rf_bilateral_leg_symptoms": "R1",
    "rf_fever_or_unwell": "R3",
    "rf_infection_risk": "R3",
    "rf_cancer_history": "R4",
    "rf_weight_loss_unexplained": "R4",
    "rf_night_pain_constant": "R4",
    "rf_osteoporosis_or_steroids": "R5",
}
CES_QUESTIONS: tuple[str, ...] = (
    "rf_saddle_numbness", "rf_bladder_change", "rf_bowel_change", "rf_sexual_dysfunction",
)
SPINAL_CONDITIONS = ("herniated_disc", "spinal_stenosis", "spondylolisthesis", "previous_sciatica")
ROOT_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("L4", ("inner_shin", "inner_ankle", "arch")),
    ("L5", ("outer_shin", "top_of_foot", "big_toe")),
    ("S1", ("calf", "sole", "heel", "outer_edge_of_foot", "little_toes")),
)
PATTERN_NAMES: Mapping[str, str] = {
    "L1": "plantar fasciitis pattern",
    "L2": "Morton's neuroma pattern",
    "L3": "gout pattern",
    "L4": "acute ankle/foot injury",
    "L5": "stress fracture pattern",
    "L6": "peripheral neuropathy pattern",
    "L7": "vascular claudication pattern",
    "L8": "tarsal tunnel pattern",
}
LIKELY_THRESHOLD = 3


@dataclass(frozen=True)
class Hit:
    """One line a rule adds to the trace; `info` set means information, not a fired rule."""

    text: str
    because: Mapping[str, Any] = field(default_factory=dict)
    tier: Tier | None = None
    info: str = ""  # "" fired; else the id suffix: "no", "unmet", "absent", "note"
    group: Group | None = None  # overrides the rule's group (e.g. S1.absent under "against")
    evidence: str = ""
    sources: tuple[str, ...] = ()
    # A positive red-flag answer that did not meet its rule (b0): the answer(s), for the D8 line.
    open: Mapping[str, Any] | None = None
    side: str | None = None  # the leg an L-pattern matched on (D6 judges sides separately)

    @property
    def fired(self) -> bool:
        return not self.info


Condition = Callable[[Facts], tuple[Hit, ...]]


@dataclass(frozen=True)
class Rule:
    """A clinical rule: what it looks for, where it reports, why (evidence) and from where."""

    id: str
    name: str
    group: Group
    when: str  # the condition in plain words (for docs/rules.md)
    effect: str  # what it does to the outcome
    evidence: str
    sources: tuple[str, ...]
    condition: Condition = field(compare=False, repr=False)
    local: bool = False  # added by this project where the specification is silent

    def hits(self, facts: Facts) -> tuple[Hit, ...]:
        """Evaluate once per document; later calls (from decision rules) reuse the result."""
        return facts.memo(f"hits:{self.id}", self.condition)

    def evaluate(self, document: IntakeDocument) -> tuple[Hit, ...]:
        return self.hits(Facts(document))

    def applies(self, document: IntakeDocument) -> bool:
        """True when the rule fires for this document (information lines do not count)."""
        return any(h.fired for h in self.evaluate(document))

    @property
    def source_ref(self) -> str:
        return format_sources(self.sources)


def format_sources(sources: tuple[str, ...]) -> str:
    return "".join(f"[{s}]" for s in sources)


def _hit(text: str, because: Mapping[str, Any], **kw: Any) -> tuple[Hit, ...]:
    return (Hit(text, dict(because), **kw),)


def _asked_no(f: Facts, rule_id: str) -> tuple[Hit, ...]:
    """The rule's red-flag questions answered "no", listed so the clinician sees what was asked."""
    answered_no = [rf for rf, rule in RED_FLAG_RULE.items() if rule == rule_id and f.get(rf) == "no"]
    if not answered_no:
        return ()
    labels = "; ".join(RED_FLAG_LABELS[rf] for rf in answered_no)
    return _hit(
        f"Asked and answered no (not a red flag): {labels}",
        {rf: "no" for rf in answered_no},
        info="no",
        evidence="asked on purpose, because patients seldom mention these unprompted",
        sources=("2",),
    )



# --- plain words ----------------------------------------------------------------------------
# Rule lines name answers through domain/wording.py (the one place that turns codes into the
# questionnaire's words). The same few answers recur in every assessment, so the words are cached per
# questionnaire version; values are hashable here (lists are passed as tuples).


@lru_cache(maxsize=16)
def _questions(ref: str) -> Mapping[str, Question]:
    """The questionnaire's questions by id (the wording functions accept a Question directly)."""
    return {q.id: q for q in load_questionnaire(ref).questions}


def _question(ref: str, field: str) -> Question | str:
    return _questions(ref).get(field, field)


@lru_cache(maxsize=4096)
def _answer_words(ref: str, field: str, value: Any, side: str | None) -> str:
    given = list(value) if isinstance(value, tuple) else value
    return wording.answer_text(load_questionnaire(ref), _question(ref, field), given, side=side)


def answer_text(questionnaire: Questionnaire, field: str, value: Any, *, side: str | None = None) -> str:
    frozen = tuple(value) if isinstance(value, list) else value
    return _answer_words(questionnaire.ref, field, frozen, side)


@lru_cache(maxsize=1024)
def _question_words(ref: str, field: str, side: str | None) -> str:
    questionnaire = load_questionnaire(ref)
    if side is None:
        return wording.question_text(questionnaire, _question(ref, field), short=True)
    return wording.question_text_for_side(questionnaire, _question(ref, field), side)


def question_text(questionnaire: Questionnaire, field: str, *, short: bool = True) -> str:
    """The question's short label (the rules only ever print short labels)."""
    return _question_words(questionnaire.ref, field, None)


def question_text_for_side(questionnaire: Questionnaire, field: str, side: str) -> str:
    return _question_words(questionnaire.ref, field, side)


@lru_cache(maxsize=4096)
def _describe_words(ref: str, field: str, value: Any, side: str | None) -> str:
    given = list(value) if isinstance(value, tuple) else value
    return wording.describe(load_questionnaire(ref), _question(ref, field), given, side=side)


def describe(questionnaire: Questionnaire, field: str, value: Any, *, side: str | None = None) -> str:
    frozen = tuple(value) if isinstance(value, list) else value
    return _describe_words(questionnaire.ref, field, frozen, side)


def describe_lines(questionnaire: Questionnaire, because: Mapping[str, Any]) -> list[str]:
    """`because` in the questionnaire's words, one line per answer (as wording.describe_because)."""
    lines = []
    for key, value in because.items():
        field, side = wording.split_key(key)
        lines.append(describe(questionnaire, field, value, side=side))
    return lines
