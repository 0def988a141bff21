"""The tamper-evident audit trail: entries chained by SHA-256, and a check that names the first bad one.

Each entry records who did what and when (UTC), from which desk, about which record ids; never names or
clinical content. Its hash covers a canonical encoding of all of that plus its position (`seq`) and the
hash of the entry before it, so changing, removing or moving any entry breaks the chain from there on.
The latest hash and the count also live outside the database (an anchor file, and every backup's
manifest), which catches a cut-off tail and a chain rebuilt from scratch. Limit: someone who can rewrite
both the database and the anchor can forge a consistent chain (docs/access.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from intake_app.access.accounts import Account, require_utc
from intake_app.access.roles import Actor

FORMAT_VERSION = 1
GENESIS_HASH = "0" * 64
MAX_WHO_LENGTH = 100
MAX_DESK_LENGTH = 100
MAX_DETAIL_LENGTH = 200
_ACTION = re.compile(r"[a-z][a-z_]*(\.[a-z][a-z_]*)*\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")


class AuditAction(StrEnum):
    """Everything that is recorded. Existing storage action names are kept as they were."""

    SIGN_IN = "session.sign_in"
    SIGN_IN_FAILED = "session.sign_in_failed"
    SIGN_OUT = "session.sign_out"
    LOCK = "session.lock"
    UNLOCK = "session.unlock"
    ACCOUNT_LOCKED = "account.locked"
    ACCOUNT_ADD = "account.add"
    ACCOUNT_CHANGE = "account.change"
    ACCOUNT_DISABLE = "account.disable"
    ACCOUNT_UNLOCK = "account.unlock"
    PASSWORD_RESET = "account.password_reset"
    PASSWORD_CHANGE = "account.password_change"
    RECOVERY_KEY_USED = "account.recovery_key_used"
    PATIENT_VIEW = "patient.view"
    PATIENT_SEARCH = "patient.search"
    PATIENT_ADD = "patient.add"
    PATIENT_UPDATE = "patient.update"
    INTAKE_VIEW = "intake.view"
    INTAKE_START = "intake.start"
    INTAKE_SAVE = "intake.save"
    INTAKE_COMPLETE = "intake.complete"
    INTAKE_AMEND = "intake.amend"
    INTAKE_RED_FLAG_ACK = "intake.red_flag_ack"
    INTAKE_RED_FLAG_ACK_LAPSED = "intake.red_flag_ack_lapsed"
    INTAKE_RESCREEN = "intake.rescreen"
    INTAKE_IMPORT = "intake.import"
    REPORT_PRINT = "report.print"
    REPORT_SAVE_PDF = "report.save_pdf"
    DATA_EXPORT = "data.export"
    DATA_IMPORT = "data.import"
    OUTCOME_RECORD = "outcome.record"
    INTAKE_RECALL = "intake.recall"
    RECALL_CONTACTED = "intake.contacted"
    SETTINGS_CHANGE = "settings.change"
    BACKUP = "database.backup"
    RESTORE = "database.restore"
    DEMO_DATA = "database.demo_data"
    DB_UPGRADE = "database.upgrade"
    AUDIT_VIEW = "audit.view"
    AUDIT_EXPORT = "audit.export"
    AUDIT_VERIFY = "audit.verify"


class InvalidAuditEntry(ValueError):
    """A programming error: an entry would hold something the trail must not (free text, a naive time)."""


def _plain(field: str, value: str, limit: int, *, required: bool) -> str:
    if not isinstance(value, str):
        raise InvalidAuditEntry(f"{field} must be text")
    if required and not value:
        raise InvalidAuditEntry(f"{field} is empty")
    if len(value) > limit:
        raise InvalidAuditEntry(f"{field} is longer than {limit} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value):
        raise InvalidAuditEntry(f"{field} holds control or format characters")
    return value


def _record_id(field: str, value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise InvalidAuditEntry(f"{field} must be a record id")
    return value


@dataclass(frozen=True)
class AuditEvent:
    """What happened, before it takes its place in the chain.

    `who` is the account name (or "system"); `role` the role it acted in ("" when nobody was signed in,
    e.g. a failed sign-in); `detail` is a non-clinical subject such as an account or setting name.
    """

    at: dt.datetime
    who: str
    action: str
    desk: str
    role: str = ""
    patient_id: int | None = None
    intake_id: int | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "at", require_utc(self.at))
        except ValueError as exc:
            raise InvalidAuditEntry(str(exc)) from None
        _plain("who", self.who, MAX_WHO_LENGTH, required=True)
        _plain("desk", self.desk, MAX_DESK_LENGTH, required=False)
        _plain("role", self.role, 20, required=False)
        _plain("detail", self.detail, MAX_DETAIL_LENGTH, required=False)
        if not isinstance(self.action, str) or len(self.action) > 40 or not _ACTION.match(self.action):
            raise InvalidAuditEntry("action must be an action key such as intake.view")
        _record_id("patient_id", self.patient_id)
        _record_id("intake_id", self.intake_id)


@dataclass(frozen=True)
class AuditEntry:
    """An event in the chain: its position (1, 2, ...), the previous entry's hash and its own hash."""

    seq: int
    event: AuditEvent
    prev_hash: str
    entry_hash: str


UNKNOWN_ACCOUNT = "(unknown account)"
ROW_COLUMNS = ("seq", "at", "who", "role", "action", "desk", "patient_id", "intake_id", "detail", "prev_hash",
               "entry_hash")


def event_for(
    actor: Actor, action: AuditAction, *, at: dt.datetime, desk: str, patient_id: int | None = None,
    intake_id: int | None = None, detail: str = "",
) -> AuditEvent:
    """The event for something a signed-in account (or the program) did."""
    return AuditEvent(at=at, who=actor.name, role=actor.role.value, action=action.value, desk=desk,
                      patient_id=patient_id, intake_id=intake_id, detail=detail)


def failed_sign_in_event(account: Account | None, *, at: dt.datetime, desk: str) -> AuditEvent:
    """A failed sign-in names the account only when it exists: what was typed into the name box is never
    recorded (people type their password there by mistake)."""
    who = account.name if account is not None else UNKNOWN_ACCOUNT
    return AuditEvent(at=at, who=who, role="", action=AuditAction.SIGN_IN_FAILED.value, desk=desk)


def entry_to_row(entry: AuditEntry) -> dict[str, Any]:
    """Column values for storage (`at` timezone-aware UTC; drop the tzinfo if the column is naive UTC)."""
    e = entry.event
    return {"seq": entry.seq, "at": e.at, "who": e.who, "role": e.role, "action": e.action, "desk": e.desk,
            "patient_id": e.patient_id, "intake_id": e.intake_id, "detail": e.detail, "prev_hash": entry.prev_hash,
            "entry_hash": entry.entry_hash}


def entry_from_row(row: Mapping[str, Any]) -> AuditEntry:
    """An entry from stored column values; a naive `at` is read as UTC (how storage keeps times)."""
    at = row["at"]
    if isinstance(at, dt.datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    event = AuditEvent(at=at, who=row["who"], role=row["role"], action=row["action"], desk=row["desk"],
                       patient_id=row["patient_id"], intake_id=row["intake_id"], detail=row["detail"])
    return AuditEntry(int(row["seq"]), event, str(row["prev_hash"]), str(row["entry_hash"]))


def format_time(at: dt.datetime) -> str:
    """ISO 8601 UTC with microseconds and a Z, the form that is hashed and exported."""
    return require_utc(at).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_bytes(seq: int, event: AuditEvent, prev_hash: str) -> bytes:
    """The exact bytes an entry's hash covers: sorted-key compact ASCII JSON (stable across versions)."""
    body = {
        "v": FORMAT_VERSION,
        "seq": seq,
        "at": format_time(event.at),
        "who": event.who,
        "role": event.role,
        "action": event.action,
        "desk": event.desk,
        "patient_id": event.patient_id,
        "intake_id": event.intake_id,
        "detail": event.detail,
        "prev": prev_hash,
    }
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def content_hash(seq: int, event: AuditEvent, prev_hash: str) -> str:
    return hashlib.sha256(canonical_bytes(seq, event, prev_hash)).hexdigest()


def chain_next(previous: AuditEntry | None, event: AuditEvent) -> AuditEntry:
    """The entry that follows `previous` (None: the first entry of a new chain)."""
    seq = 1 if previous is None else previous.seq + 1
    prev_hash = GENESIS_HASH if previous is None else previous.entry_hash
    return AuditEntry(seq, event, prev_hash, content_hash(seq, event, prev_hash))


def chain_batch(previous: AuditEntry | None, events: Iterable[AuditEvent]) -> list[AuditEntry]:
    """Entries for several events in order (one transaction of the audit queue's writer)."""
    entries: list[AuditEntry] = []
    for event in events:
        previous = chain_next(previous, event)
        entries.append(previous)
    return entries


@dataclass(frozen=True)
class Anchor:
    """The chain as last seen by this computer: how many entries, and the hash of the last one."""

    count: int
    head_hash: str

    def __post_init__(self) -> None:
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 0:
            raise ValueError("anchor count must be a whole number")
        if not isinstance(self.head_hash, str) or not _HEX64.match(self.head_hash):
            raise ValueError("anchor hash must be 64 hex digits")
        if (self.count == 0) != (self.head_hash == GENESIS_HASH):
            raise ValueError("an empty chain has the genesis hash, and only it")

    def to_manifest(self) -> dict[str, int | str]:
        """The form kept in a backup's manifest."""
        return {"audit_entries": self.count, "audit_head": self.head_hash}

    @classmethod
    def from_manifest(cls, data: dict[str, object]) -> Anchor:
        count, head = data.get("audit_entries"), data.get("audit_head")
        if not isinstance(count, int) or not isinstance(head, str):
            raise ValueError("the manifest has no audit anchor")
        return cls(count, head)


EMPTY_ANCHOR = Anchor(0, GENESIS_HASH)


class Problem(StrEnum):
    EDITED = "edited"
    REMOVED = "removed"
    REORDERED = "reordered"
    CUT_OFF = "cut_off"
    REWRITTEN = "rewritten"


INTACT = "The audit trail is intact."
INTACT_UNANCHORED = (
    "The audit trail's links are intact, but this computer has no anchor for this database, "
    "so entries cut off the end would not show."
)


@dataclass(frozen=True)
class ChainReport:
    """The result of `verify`: intact, or the first bad entry (its position) and why, in plain words."""

    count: int
    head_hash: str
    problem: Problem | None = None
    first_bad: int | None = None
    message: str = INTACT

    @property
    def ok(self) -> bool:
        return self.problem is None

    def anchor(self) -> Anchor:
        """The anchor for this chain (only meaningful when it is intact)."""
        return Anchor(self.count, self.head_hash)


def _bad(count: int, head: str, problem: Problem, first_bad: int | None, message: str) -> ChainReport:
    return ChainReport(count, head, problem, first_bad, message)


def verify(entries: Iterable[AuditEntry], anchor: Anchor | None = None) -> ChainReport:
    """Check a whole chain given in stored order (oldest first) against itself and, if given, the anchor.

    Streams: one pass, keeping only the positions seen after the first gap (to tell a moved entry from
    a removed one). Returns the first problem found, naming the entry's position.
    """
    return _walk(entries, EMPTY_ANCHOR, anchor)


def verify_since(anchor: Anchor, entries: Iterable[AuditEntry]) -> ChainReport:
    """Check only what was added since `anchor`: `entries` are the stored entries from position
    `anchor.count` on (the anchored entry itself first), e.g. `WHERE seq >= :count ORDER BY id`.

    Quick enough for every start and before every append; `verify` checks everything (audit verify).
    """
    if anchor.count == 0:
        return _walk(entries, EMPTY_ANCHOR, anchor)
    iterator = iter(entries)
    first = next(iterator, None)
    if first is None or first.seq > anchor.count:
        return _bad(anchor.count - 1, anchor.head_hash, Problem.CUT_OFF, anchor.count,
                    f"Entry {anchor.count} and any after it are missing: this computer last saw "
                    f"{anchor.count} entries.")
    if content_hash(first.seq, first.event, first.prev_hash) != first.entry_hash:
        return _bad(first.seq - 1, first.prev_hash, Problem.EDITED, first.seq,
                    f"Entry {first.seq} was changed after it was written.")
    if first.seq != anchor.count or first.entry_hash != anchor.head_hash:
        return _bad(anchor.count - 1, first.prev_hash, Problem.REWRITTEN, anchor.count,
                    f"Entry {anchor.count} is not the one this computer last saw: the trail up to it "
                    "was rewritten.")
    return _walk(iterator, anchor, None)


def _walk(entries: Iterable[AuditEntry], start: Anchor, anchor: Anchor | None) -> ChainReport:
    """Follow the chain from `start` (the entries come right after it) and check it against `anchor`."""
    expected, prev_hash = start.count + 1, start.head_hash
    anchored_hash: str | None = GENESIS_HASH if anchor is not None and anchor.count == 0 else None
    gap: tuple[int, int] | None = None  # (missing position, position found there instead)
    seen_after_gap: set[int] = set()
    for entry in entries:
        seq = entry.seq
        if gap is not None:
            seen_after_gap.add(seq)
            continue
        done = expected - 1
        if content_hash(seq, entry.event, entry.prev_hash) != entry.entry_hash:
            return _bad(done, prev_hash, Problem.EDITED, seq, f"Entry {seq} was changed after it was written.")
        if seq < expected:
            return _bad(done, prev_hash, Problem.REORDERED, seq,
                        f"Entry {seq} appears again after entry {expected - 1}: it was moved or copied.")
        if seq > expected:
            gap = (expected, seq)
            seen_after_gap.add(seq)
            continue
        if entry.prev_hash != prev_hash:
            # This entry is as written, but the one before it no longer has the hash recorded here:
            # the earlier entry was changed and its hash recomputed.
            return _bad(done, prev_hash, Problem.EDITED, seq - 1,
                        f"Entry {seq - 1} was changed after entry {seq} was written.")
        prev_hash = entry.entry_hash
        if anchor is not None and seq == anchor.count:
            anchored_hash = prev_hash
        expected += 1
    count = expected - 1
    if gap is not None:
        missing, found = gap
        if missing in seen_after_gap:
            return _bad(count, prev_hash, Problem.REORDERED, found,
                        f"Entry {found} appears before entry {missing}: the entries were reordered.")
        last_missing = missing
        while last_missing + 1 < found and last_missing + 1 not in seen_after_gap:
            last_missing += 1
        which = f"Entry {missing} is" if last_missing == missing else f"Entries {missing} to {last_missing} are"
        return _bad(count, prev_hash, Problem.REMOVED, missing, f"{which} missing (removed from the database).")
    if anchor is not None:
        if count < anchor.count:
            return _bad(count, prev_hash, Problem.CUT_OFF, count + 1,
                        f"The last {anchor.count - count} entries are missing: this computer last saw "
                        f"{anchor.count} entries, the database now has {count}.")
        if anchored_hash != anchor.head_hash:
            return _bad(count, prev_hash, Problem.REWRITTEN, anchor.count,
                        f"Entry {anchor.count} is not the one this computer last saw: the trail up to it "
                        "was rewritten.")
    return ChainReport(count, prev_hash, message=INTACT if anchor is not None or start.count else INTACT_UNANCHORED)


_UNREADABLE = AuditEvent(at=dt.datetime(1970, 1, 1, tzinfo=dt.UTC), who="?", action="unreadable", desk="")


def readable_entries(rows: Iterable[Mapping[str, Any]]) -> Iterator[AuditEntry]:
    """Stored rows as entries for `verify`. A row holding values the program never writes (a line break in
    a name, a bad time) cannot be an honest entry: it comes out with a hash that never matches, so
    `verify` reports it as changed, in its place in the order."""
    last_seq = 0
    for row in rows:
        try:
            entry = entry_from_row(row)
        except (InvalidAuditEntry, KeyError, TypeError, ValueError):
            seq = row.get("seq")
            seq = seq if isinstance(seq, int) and not isinstance(seq, bool) else last_seq + 1
            entry = AuditEntry(seq, _UNREADABLE, GENESIS_HASH, "unreadable")
        last_seq = entry.seq
        yield entry


def advance(anchor: Anchor | None, report: ChainReport) -> Anchor:
    """The anchor to write after a verified chain: only ever forward, never onto a bad chain."""
    if not report.ok:
        raise ValueError("a broken chain is never anchored")
    if anchor is not None and report.count < anchor.count:
        raise ValueError("an anchor never moves backwards")
    return report.anchor()
