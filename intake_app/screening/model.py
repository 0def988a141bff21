"""What a screening produces: the Assessment and its Reasons (plain data, JSON-ready)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Level = Literal["urgent", "likely", "possible", "not_indicated"]
Tier = Literal["E", "P"]
Group = Literal["red_flag", "for", "against", "alert", "gap"]

LEVELS: tuple[Level, ...] = ("urgent", "likely", "possible", "not_indicated")
# The order in which reason groups are shown to the clinician (clinical-logic section d).
GROUP_ORDER: tuple[Group, ...] = ("red_flag", "for", "against", "alert", "gap")
GROUP_TITLES: Mapping[Group, str] = {
    "red_flag": "Red flags",
    "for": "Supports spinal origin",
    "against": "Against / alternatives",
    "alert": "Safety alerts",
    "gap": "Data gaps",
}
LEVEL_TITLES: Mapping[Level, str] = {
    "urgent": "URGENT",
    "likely": "Spinal origin likely",
    "possible": "Spinal origin possible",
    "not_indicated": "Spinal origin not indicated",
}


@dataclass(frozen=True)
class Reason:
    """One line of the rule trace: which rule, in which group, why, and the answers that fired it."""

    rule: str
    group: Group
    text: str
    because: Mapping[str, Any] = field(default_factory=dict)
    evidence: str = ""
    source: str = ""
    # The answers behind the line in the questionnaire's own words (what people read); `because`
    # keeps the field keys for machines (exports, audits, tests).
    answers: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "group": self.group, "text": self.text, "because": dict(self.because),
                "answers": list(self.answers)}

    @property
    def is_information(self) -> bool:
        """True for information lines ("R1.no", "R4.unmet", "S1.absent"): the base rule did not fire."""
        return "." in self.rule

    @property
    def base_rule(self) -> str:
        """The rule id without an information suffix ("R4.unmet" -> "R4")."""
        return self.rule.partition(".")[0]


@dataclass(frozen=True)
class Assessment:
    level: Level
    tier: Tier | None
    spinal_flag: bool
    reasons: tuple[Reason, ...]
    recommendation: str
    rules_version: str

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "tier": self.tier,
            "spinal_flag": self.spinal_flag,
            "reasons": [r.to_json() for r in self.reasons],
            "recommendation": self.recommendation,
            "rules_version": self.rules_version,
        }

    def in_group(self, group: Group) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.group == group)

    @property
    def red_flags(self) -> tuple[Reason, ...]:
        """The red-flag rules that fired (R1-R6), without the "asked: no" and "not met" lines."""
        return tuple(r for r in self.reasons if r.group == "red_flag" and r.rule[:1] == "R" and not r.is_information)

    @property
    def safety_open(self) -> bool:
        """True while a safety answer is open: positive but unmet, not asked, conflicting or a weakness
        without its course (D8), or a red-flag question unanswered (Q1)."""
        return any(r.rule in ("D8", "Q1") for r in self.reasons)

    @property
    def red_flag_screen_complete(self) -> bool:
        """False while any red-flag question is unanswered (rule Q1 fired)."""
        return not any(r.rule == "Q1" for r in self.reasons)
