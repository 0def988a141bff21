"""The screening rules (clinical-logic.md ids A, R, S, L, N, Q, D) and `assess(document)`.

No Qt and no SQL in this room: the same document always gives the same Assessment.
"""

from intake_app.screening.engine import assess
from intake_app.screening.model import Assessment, Reason
from intake_app.screening.rules import RULES, RULES_VERSION, Rule

__all__ = ["RULES", "RULES_VERSION", "Assessment", "Reason", "Rule", "assess"]
