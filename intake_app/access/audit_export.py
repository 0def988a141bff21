"""Reading the audit trail: plain words for each action, filters, local-time display and CSV export.

`intake-app audit export [--from DATE] [--to DATE]` writes CSV with ISO 8601 UTC times; the dates are
inclusive and, like the times written, are UTC days. The administrators' viewer shows local time and
filters by account, patient id and (local) date with the same `AuditFilter`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from intake_app.access.audit_chain import AuditAction, AuditEntry, format_time
from intake_app.errors import IntakeError
from intake_app.translation_marks import QT_TRANSLATE_NOOP

# Plain words for each action (English in the CSV export); the viewer shows them through
# QCoreApplication.translate("AuditAction", ...).
AUDIT_WORDS: Mapping[AuditAction, str] = {
    AuditAction.SIGN_IN: QT_TRANSLATE_NOOP("AuditAction", "Signed in"),
    AuditAction.SIGN_IN_FAILED: QT_TRANSLATE_NOOP("AuditAction", "Sign-in failed"),
    AuditAction.SIGN_OUT: QT_TRANSLATE_NOOP("AuditAction", "Signed out"),
    AuditAction.LOCK: QT_TRANSLATE_NOOP("AuditAction", "Window locked"),
    AuditAction.UNLOCK: QT_TRANSLATE_NOOP("AuditAction", "Window unlocked"),
    AuditAction.ACCOUNT_LOCKED: QT_TRANSLATE_NOOP("AuditAction", "Account locked after wrong passwords"),
    AuditAction.ACCOUNT_ADD: QT_TRANSLATE_NOOP("AuditAction", "Account added"),
    AuditAction.ACCOUNT_CHANGE: QT_TRANSLATE_NOOP("AuditAction", "Account changed"),
    AuditAction.ACCOUNT_DISABLE: QT_TRANSLATE_NOOP("AuditAction", "Account switched off"),
    AuditAction.ACCOUNT_UNLOCK: QT_TRANSLATE_NOOP("AuditAction", "Account unlocked"),
    AuditAction.PASSWORD_RESET: QT_TRANSLATE_NOOP("AuditAction", "Password reset by an administrator"),
    AuditAction.PASSWORD_CHANGE: QT_TRANSLATE_NOOP("AuditAction", "Password changed"),
    AuditAction.RECOVERY_KEY_USED: QT_TRANSLATE_NOOP("AuditAction", "Recovery key used"),
    AuditAction.PATIENT_VIEW: QT_TRANSLATE_NOOP("AuditAction", "Opened a patient"),
    AuditAction.PATIENT_SEARCH: QT_TRANSLATE_NOOP("AuditAction", "Searched for patients"),
    AuditAction.PATIENT_ADD: QT_TRANSLATE_NOOP("AuditAction", "Registered a patient"),
    AuditAction.PATIENT_UPDATE: QT_TRANSLATE_NOOP("AuditAction", "Changed a patient's details"),
    AuditAction.INTAKE_VIEW: QT_TRANSLATE_NOOP("AuditAction", "Opened an intake"),
    AuditAction.INTAKE_START: QT_TRANSLATE_NOOP("AuditAction", "Started an intake"),
    AuditAction.INTAKE_SAVE: QT_TRANSLATE_NOOP("AuditAction", "Saved a draft"),
    AuditAction.INTAKE_COMPLETE: QT_TRANSLATE_NOOP("AuditAction", "Completed an intake"),
    AuditAction.INTAKE_AMEND: QT_TRANSLATE_NOOP("AuditAction", "Amended an intake"),
    AuditAction.INTAKE_RED_FLAG_ACK: QT_TRANSLATE_NOOP("AuditAction", "Acknowledged a red flag"),
    AuditAction.INTAKE_RED_FLAG_ACK_LAPSED: QT_TRANSLATE_NOOP(
        "AuditAction", "Red flag acknowledgement lapsed (the answers changed)"),
    AuditAction.INTAKE_RESCREEN: QT_TRANSLATE_NOOP("AuditAction", "Re-screened an intake"),
    AuditAction.INTAKE_IMPORT: QT_TRANSLATE_NOOP("AuditAction", "Imported an intake"),
    AuditAction.REPORT_PRINT: QT_TRANSLATE_NOOP("AuditAction", "Printed a report"),
    AuditAction.REPORT_SAVE_PDF: QT_TRANSLATE_NOOP("AuditAction", "Saved a report as PDF"),
    AuditAction.DATA_EXPORT: QT_TRANSLATE_NOOP("AuditAction", "Exported patient data"),
    AuditAction.DATA_IMPORT: QT_TRANSLATE_NOOP("AuditAction", "Imported a file"),
    AuditAction.OUTCOME_RECORD: QT_TRANSLATE_NOOP("AuditAction", "Recorded an outcome"),
    AuditAction.INTAKE_RECALL: QT_TRANSLATE_NOOP("AuditAction", "Put on the recall list"),
    AuditAction.RECALL_CONTACTED: QT_TRANSLATE_NOOP("AuditAction", "Marked a recall as contacted"),
    AuditAction.SETTINGS_CHANGE: QT_TRANSLATE_NOOP("AuditAction", "Changed a clinic setting"),
    AuditAction.BACKUP: QT_TRANSLATE_NOOP("AuditAction", "Backed up the database"),
    AuditAction.RESTORE: QT_TRANSLATE_NOOP("AuditAction", "Restored a backup"),
    AuditAction.DEMO_DATA: QT_TRANSLATE_NOOP("AuditAction", "Added demonstration data"),
    AuditAction.DB_UPGRADE: QT_TRANSLATE_NOOP("AuditAction", "Upgraded the database"),
    AuditAction.AUDIT_VIEW: QT_TRANSLATE_NOOP("AuditAction", "Viewed the audit trail"),
    AuditAction.AUDIT_EXPORT: QT_TRANSLATE_NOOP("AuditAction", "Exported the audit trail"),
    AuditAction.AUDIT_VERIFY: QT_TRANSLATE_NOOP("AuditAction", "Checked the audit trail"),
}

CSV_COLUMNS = ("entry", "time_utc", "account", "role", "action", "what", "desk", "patient_id", "intake_id",
               "detail", "previous_hash", "entry_hash")


def action_words(action: str) -> str:
    """Plain words for an action key; an unknown key (from a newer program) is shown as recorded."""
    try:
        return AUDIT_WORDS[AuditAction(action)]
    except ValueError:
        return action


def local_time_text(at: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """A stored UTC time as people read it, in local time (or `tz`)."""
    return at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S")


def parse_date(text: str, option: str) -> dt.date:
    """A DATE option (YYYY-MM-DD); a plain message naming the option otherwise."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "{option} must be a date such as 2026-11-30, not {text}."),
                          params={"option": option, "text": repr(text[:40])}) from None


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show or export: by account, patient id, and inclusive dates in `tz` (UTC default)."""

    account: str | None = None
    patient_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    tz: dt.tzinfo = dt.UTC

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The start date is after the end date; nothing would match."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Swap the two dates."),
            )

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """The UTC instants [start, end) the dates cover, for a database query."""
        start = end = None
        if self.date_from:
            start = dt.datetime.combine(self.date_from, dt.time(), self.tz).astimezone(dt.UTC)
        if self.date_to:
            end = dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time(), self.tz).astimezone(dt.UTC)
        return start, end

    def matches(self, entry: AuditEntry) -> bool:
        event = entry.event
        if self.account is not None and event.who.casefold() != self.account.casefold():
            return False
        if self.patient_id is not None and event.patient_id != self.patient_id:
            return False
        start, end = self.bounds()
        return not ((start and event.at < start) or (end and event.at >= end))


def _cell(value: object) -> str:
    """Text for a CSV cell; a leading = + - @ is defused so a spreadsheet never runs it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_csv(entries: Iterable[AuditEntry], selection: AuditFilter | None = None) -> Iterator[str]:
    """CSV lines (header first) for the entries the filter selects, times in ISO 8601 UTC."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def line(row: Iterable[object]) -> str:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_cell(v) for v in row])
        return buffer.getvalue()

    yield line(CSV_COLUMNS)
    for entry in entries:
        if selection is not None and not selection.matches(entry):
            continue
        e = entry.event
        yield line((entry.seq, format_time(e.at), e.who, e.role, e.action, action_words(e.action), e.desk,
                    e.patient_id, e.intake_id, e.detail, entry.prev_hash, entry.entry_hash))
