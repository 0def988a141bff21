"""The rule table: every rule of clinical-logic.md, one module per family, in the order of the trace.

- red_flags: R1-R6
- spinal: S1-S8, A3, A5
- local_patterns: L1-L8
- derived: the derived facts of (b0), defined once
- decision: D0-D7 (the level)
- alerts_gaps: N1-N4, Q1-Q4
- advice: D8 and the recommendation text
"""

from __future__ import annotations

from collections.abc import Mapping

from intake_app.screening.rules import advice, alerts_gaps, decision, local_patterns, red_flags, spinal
from intake_app.screening.rules.advice import DEFAULT_EMERGENCY_DEPARTMENT, recommendation
from intake_app.screening.rules.base import (
    LIKELY_THRESHOLD,
    PATTERN_NAMES,
    RULES_VERSION,
    Hit,
    Rule,
    describe_lines,
    format_sources,
)
from intake_app.screening.rules.decision import Decision, decide, unknown_red_flags
from intake_app.screening.rules.local_patterns import pattern_list, patterns
from intake_app.screening.rules.red_flags import red_flag_hits

# The order of the table is the order of lines within a group of the trace.
RULES: tuple[Rule, ...] = (
    red_flags.R1, red_flags.R2, red_flags.R3, red_flags.R4, red_flags.R5, red_flags.R6,
    decision.D1, advice.D8, decision.D0,
    spinal.S1, spinal.S2, spinal.S3, spinal.S4, spinal.S5, spinal.S6, spinal.S7, spinal.S8, spinal.A3, spinal.A5,
    decision.D2, decision.D3, decision.D4, decision.D5,
    local_patterns.L1, local_patterns.L2, local_patterns.L3, local_patterns.L4, local_patterns.L5,
    local_patterns.L6, local_patterns.L7, local_patterns.L8,
    decision.D6, decision.D7,
    alerts_gaps.N1, alerts_gaps.N2, alerts_gaps.N3, alerts_gaps.N4,
    alerts_gaps.Q1, alerts_gaps.Q2, alerts_gaps.Q3, alerts_gaps.Q4,
)

RULE_BY_ID: Mapping[str, Rule] = {rule.id: rule for rule in RULES}

__all__ = [
    "DEFAULT_EMERGENCY_DEPARTMENT", "LIKELY_THRESHOLD", "PATTERN_NAMES", "RULES", "RULES_VERSION", "RULE_BY_ID",
    "Decision", "Hit", "Rule", "decide", "describe_lines", "format_sources", "pattern_list", "patterns",
    "recommendation", "red_flag_hits", "unknown_red_flags",
]
