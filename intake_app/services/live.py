"""The window's screening of a draft, kept for the save of exactly the same inputs.

The window screens the answers on every change (to show the result); `screen_draft` does that and keeps,
for the same inputs on the same day, the live result (level, tier, urgent rules fired) and the document as
the save checks it. `Clinic.save_draft` of exactly those inputs then neither checks nor screens again.
Keyed by everything the checks and the screening read (`repr`, so 1 and "1", a list and a tuple and key
order are told apart) and the day; at most `_LIVE_KEPT` entries, the oldest dropped first.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument, Patient, parse_document
from intake_app.errors import InvalidInput
from intake_app.services.inputs import _refuse_unstorable
from intake_app.services.results import screen, urgent_rules
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.screening.model import Assessment

LiveResult = tuple[tuple[str, str | None], list[str]]  # (level, tier) and the urgent rules fired
# What `screen_draft` screened today, by everything the screening and the checks read: the live result,
# and the checked document when the input passed the save's checks unchanged (None: the save checks it).
_LIVE: dict[str, tuple[IntakeDocument | None, LiveResult]] = {}
_LIVE_KEPT, _LIVE_LOCK = 32, threading.Lock()


def _live_key(questionnaire: str, patient: Patient, visit_date: dt.date, answers: Mapping[str, Any],
              today: dt.date | None = None) -> str:
    """The inputs as text that tells apart what is read differently (repr: 1 and "1", a list and a tuple,
    key order), with the day they are checked on (the checks compare dates with it)."""
    return repr((today or dt.date.today(), questionnaire, patient, visit_date, answers))


def checked_document(document: IntakeDocument, today: dt.date | None = None) -> IntakeDocument:
    """The document as the save checks it (storable text, the questionnaire's rules); raises InvalidInput
    (DocumentInvalid) naming each field."""
    raw = document.to_json()
    _refuse_unstorable(raw)
    return parse_document(raw, today=today)


def screen_draft(document: IntakeDocument, settings: Settings | None = None) -> Assessment:
    """Screen a draft's document, as the window does on every change, and keep what the save of exactly
    these inputs would do again (`Clinic.save_draft`): the live result, and the checks when it passes them."""
    assessment = screen(document, settings)
    today = dt.date.today()
    key = _live_key(document.questionnaire, document.patient, document.visit_date, document.answers, today)
    try:  # as the save checks them: the answers alone, without who entered them
        checked: IntakeDocument | None = checked_document(replace(document, entered_by={}), today)
    except InvalidInput:
        checked = None
    if checked is not None and _live_key(checked.questionnaire, checked.patient, checked.visit_date,
                                         checked.answers, today) != key:
        checked = None  # the checks change them: the save checks them itself and screens what they become
    kept = (checked, ((assessment.level, assessment.tier), urgent_rules(assessment)))
    with _LIVE_LOCK:
        _LIVE[key] = kept
        while len(_LIVE) > _LIVE_KEPT:
            del _LIVE[next(iter(_LIVE))]
    return assessment


def kept(questionnaire: str, patient: Patient, visit_date: dt.date, answers: Mapping[str, Any],
         ) -> tuple[dict[str, Any] | None, LiveResult | None]:
    """What `screen_draft` kept today for exactly these inputs: (the answers as the save's checks made them,
    a fresh copy the caller may keep, or None; the live result or None)."""
    checked, found = _LIVE.get(_live_key(questionnaire, patient, visit_date, answers), (None, None))
    if checked is None:
        return None, found
    return {key: _copy(value) for key, value in checked.answers.items()}, found


def _copy(value: Any) -> Any:
    """A copy of an answer as a document's JSON holds it (mappings and lists copied, tuples as lists)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return list(value)
    return value
