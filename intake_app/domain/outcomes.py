"""What happened after a referral: the specialist's finding, recorded by a clinician for a completed intake.

Plain data and its checks; no database and no Qt. Every problem names the field in words a person reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from intake_app.errors import InvalidInput, Phrase, phrase, word_list
from intake_app.translation_marks import QT_TRANSLATE_NOOP

# Finding codes (exports, CSV, FHIR) and the words people read (English as exported; screens show them
# through QCoreApplication.translate("Outcome", ...)).
FINDINGS: Mapping[str, str] = {
    "spinal_confirmed": QT_TRANSLATE_NOOP("Outcome", "Spinal origin confirmed"),
    "not_spinal": QT_TRANSLATE_NOOP("Outcome", "Not spinal"),
    "other_cause": QT_TRANSLATE_NOOP("Outcome", "Another cause"),
    "not_seen": QT_TRANSLATE_NOOP("Outcome", "Not seen / lost to follow-up"),
}
IMAGING: Mapping[str, str] = {
    "none": QT_TRANSLATE_NOOP("Outcome", "No imaging"),
    "x_ray": QT_TRANSLATE_NOOP("Outcome", "X-ray"),
    "mri": QT_TRANSLATE_NOOP("Outcome", "MRI"),
    "ct": QT_TRANSLATE_NOOP("Outcome", "CT"),
    "ultrasound": QT_TRANSLATE_NOOP("Outcome", "Ultrasound"),
    "nerve_studies": QT_TRANSLATE_NOOP("Outcome", "Nerve conduction studies"),
    "other": QT_TRANSLATE_NOOP("Outcome", "Other imaging"),
}
FIELD_LABELS: Mapping[str, str] = {
    "finding": QT_TRANSLATE_NOOP("Outcome", "Specialist's finding"),
    "other_cause": QT_TRANSLATE_NOOP("Outcome", "Other cause"),
    "seen_by": QT_TRANSLATE_NOOP("Outcome", "Seen by"),
    "seen_on": QT_TRANSLATE_NOOP("Outcome", "Seen on"),
    "imaging": QT_TRANSLATE_NOOP("Outcome", "Imaging"),
    "urgent_route_at": QT_TRANSLATE_NOOP("Outcome", "Reached the urgent route at"),
    "note": QT_TRANSLATE_NOOP("Outcome", "Note"),
}
_When = TypeVar("_When", dt.date, dt.datetime)
# The results that send the patient on to a specialist, so an outcome is expected ("outcome due").
REFERRED_LEVELS = ("urgent", "likely")
MAX_SHORT_TEXT = 200
MAX_NOTE = 4000


@dataclass(frozen=True)
class Outcome:
    """One intake's outcome. `synthetic` marks made-up outcomes from demo-data."""

    finding: str
    seen_by: str = ""
    seen_on: dt.date | None = None
    other_cause: str = ""
    imaging: tuple[str, ...] = ()
    urgent_route_at: dt.datetime | None = None
    note: str = ""
    synthetic: bool = False

    @property
    def finding_text(self) -> str:
        text = FINDINGS[self.finding]
        return f"{text}: {self.other_cause}" if self.finding == "other_cause" and self.other_cause else text

    @property
    def seen(self) -> bool:
        """True when the specialist saw the patient (a finding other than 'not seen')."""
        return self.finding != "not_seen"

    @property
    def confirmed(self) -> bool:
        return self.finding == "spinal_confirmed"

    def to_json(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "other_cause": self.other_cause,
            "seen_by": self.seen_by,
            "seen_on": self.seen_on.isoformat() if self.seen_on else None,
            "imaging": list(self.imaging),
            "urgent_route_at": self.urgent_route_at.isoformat() if self.urgent_route_at else None,
            "note": self.note,
            "synthetic": self.synthetic,
        }


@dataclass
class _Problems:
    items: list[tuple[str, str]] = field(default_factory=list)

    def add(self, key: str, message: str) -> None:
        self.items.append(
            (
                key,
                phrase(
                    QT_TRANSLATE_NOOP("IntakeError", "{field}: {problem}"),
                    {"field": Phrase.word("Outcome", FIELD_LABELS.get(key, key)), "problem": message},
                ),
            )
        )


def _text(value: Any, key: str, limit: int, problems: _Problems, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(key, phrase(QT_TRANSLATE_NOOP("IntakeError", "must be text")))
        return ""
    allowed = {"\n", "\t"} if multiline else set()
    if any((ord(c) < 32 and c not in allowed) or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in value):
        problems.add(key, phrase(QT_TRANSLATE_NOOP("IntakeError", "holds control characters that cannot be stored")))
        return ""
    if len(value) > limit:
        problems.add(
            key, phrase(QT_TRANSLATE_NOOP("IntakeError", "is longer than {limit} characters"), {"limit": limit})
        )
        return ""
    return value.strip()


def _when(value: Any, kind: type[_When], key: str, message: str, problems: _Problems) -> _When | None:
    """A date (or date and time) given as one, or as ISO text; empty is None; bad text is a problem."""
    if isinstance(value, str) and value.strip():
        try:
            return kind.fromisoformat(value.strip())
        except ValueError:
            problems.add(key, message)
            return None
    return value if isinstance(value, kind) else None


def parse_outcome(data: Mapping[str, Any], *, today: dt.date | None = None, synthetic: bool = False) -> Outcome:
    """An Outcome from form, CLI or CSV values (strings or typed); raises InvalidInput naming each field."""
    today = today or dt.date.today()
    problems = _Problems()
    finding = data.get("finding")
    if finding not in FINDINGS:
        problems.add("finding", phrase(QT_TRANSLATE_NOOP("IntakeError", "choose one of {choices}"),
                                       {"choices": word_list("Outcome", list(FINDINGS.values()), quote="'")}))
        finding = "not_seen"
    other = _text(data.get("other_cause"), "other_cause", MAX_SHORT_TEXT, problems)
    if finding == "other_cause" and not other:
        problems.add("other_cause", phrase(QT_TRANSLATE_NOOP("IntakeError", "say briefly what the other cause is")))
    seen_on = _when(data.get("seen_on"), dt.date, "seen_on",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "must be a date written YYYY-MM-DD")), problems)
    if seen_on is not None and seen_on > today:
        problems.add("seen_on", phrase(QT_TRANSLATE_NOOP("IntakeError", "is in the future")))
    imaging_raw = data.get("imaging") or ()
    if isinstance(imaging_raw, str):
        imaging_raw = [part.strip() for part in imaging_raw.replace(";", ",").split(",") if part.strip()]
    imaging = tuple(str(v) for v in imaging_raw)
    unknown = [v for v in imaging if v not in IMAGING]
    if unknown:
        problems.add("imaging", phrase(QT_TRANSLATE_NOOP("IntakeError", "choose from {choices}"),
                                       {"choices": word_list("Outcome", list(IMAGING.values()))}))
    route = _when(
        data.get("urgent_route_at"),
        dt.datetime,
        "urgent_route_at",
        phrase(QT_TRANSLATE_NOOP("IntakeError", "must be a date and time written YYYY-MM-DD HH:MM")),
        problems,
    )
    seen_by = _text(data.get("seen_by"), "seen_by", MAX_SHORT_TEXT, problems)
    note = _text(data.get("note"), "note", MAX_NOTE, problems, multiline=True)
    if problems.items:
        raise InvalidInput(QT_TRANSLATE_NOOP("IntakeError", "The outcome was not recorded."), problems=problems.items)
    return Outcome(
        finding=str(finding),
        seen_by=seen_by,
        seen_on=seen_on,
        other_cause=other,
        imaging=imaging,
        urgent_route_at=route,
        note=note,
        synthetic=synthetic,
    )


@dataclass(frozen=True)
class OutcomeRecord:
    """A stored outcome: one version of an intake's outcome (corrections are new versions; the highest
    `version` is the current one). Times are timezone-aware; `recorded_by` is the account name."""

    id: int
    intake_id: int
    outcome: Outcome
    version: int
    recorded_by: str
    recorded_at: dt.datetime


@dataclass(frozen=True)
class OutcomeDue:
    """A completed intake that was referred (an urgent or "spinal origin likely" result) and still has no
    outcome after the set number of weeks: record ids and dates only."""

    intake_id: int
    patient_id: int
    visit_date: dt.date
    completed_at: dt.datetime
    level: str
    tier: str | None
