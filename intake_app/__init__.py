"""Foot & Leg Intake: a front-desk screening aid for a possible spinal origin of foot pain.

The program is an aid for clinician review, never a diagnosis.
"""

__version__ = "0.1.0"
