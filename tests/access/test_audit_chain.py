"""The audit chain catches an edited, a removed, a reordered entry and a cut-off tail, naming the first bad one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from intake_app.access.accounts import Account
from intake_app.access.audit_chain import (
    EMPTY_ANCHOR,
    GENESIS_HASH,
    ROW_COLUMNS,
    Anchor,
    AuditAction,
    AuditEntry,
    AuditEvent,
    InvalidAuditEntry,
    Problem,
    advance,
    canonical_bytes,
    chain_batch,
    chain_next,
    content_hash,
    entry_from_row,
    entry_to_row,
    event_for,
    failed_sign_in_event,
    readable_entries,
    verify,
    verify_since,
)
from intake_app.access.roles import SYSTEM, Actor, Role

START = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


def event(n: int, action: AuditAction = AuditAction.INTAKE_VIEW) -> AuditEvent:
    return AuditEvent(at=START + dt.timedelta(minutes=n), who="ana.ruiz", role="clinician", action=action,
                      desk="desk-1", patient_id=100 + n, intake_id=200 + n)


def build(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    for i in range(n):
        entries.append(chain_next(entries[-1] if entries else None, event(i)))
    return entries


def resealed(entry: AuditEntry, **changes: object) -> AuditEntry:
    """An entry changed by someone who also recomputed its own hash."""
    changed = dataclasses.replace(entry.event, **changes)  # type: ignore[arg-type]
    return AuditEntry(entry.seq, changed, entry.prev_hash, content_hash(entry.seq, changed, entry.prev_hash))


def test_an_intact_chain_verifies_and_gives_its_anchor() -> None:
    entries = build(10)
    report = verify(entries)
    assert report.ok and report.problem is None and report.first_bad is None
    assert report.count == 10 and report.head_hash == entries[-1].entry_hash
    assert report.message.startswith("The audit trail's links are intact, but this computer has no anchor")
    assert verify(entries, report.anchor()).message == "The audit trail is intact."
    assert verify(entries, report.anchor()).ok
    assert verify(entries, Anchor(4, entries[3].entry_hash)).ok  # another desk added entries since


def test_each_entry_holds_the_previous_hash_and_its_own() -> None:
    entries = build(3)
    assert entries[0].prev_hash == GENESIS_HASH
    assert entries[1].prev_hash == entries[0].entry_hash
    assert entries[2].prev_hash == entries[1].entry_hash
    assert [e.seq for e in entries] == [1, 2, 3]


def test_the_canonical_encoding_is_fixed() -> None:
    entry = chain_next(None, event(0))
    body = canonical_bytes(entry.seq, entry.event, entry.prev_hash)
    assert body == (
        b'{"action":"intake.view","at":"2026-11-30T09:00:00.000000Z","desk":"desk-1","detail":"",'
        b'"intake_id":200,"patient_id":100,"prev":"' + GENESIS_HASH.encode() + b'","role":"clinician",'
        b'"seq":1,"v":1,"who":"ana.ruiz"}'
    )
    # The same instant written in another zone hashes the same.
    local = dataclasses.replace(event(0), at=START.astimezone(dt.timezone(dt.timedelta(hours=-5))))
    assert content_hash(1, local, GENESIS_HASH) == entry.entry_hash


@pytest.mark.parametrize("position", [0, 4, 9])
def test_an_edited_entry_is_named(position: int) -> None:
    entries = build(10)
    original = entries[position]
    entries[position] = dataclasses.replace(original, event=dataclasses.replace(original.event, who="someone.else"))
    report = verify(entries)
    assert report.problem is Problem.EDITED
    assert report.first_bad == original.seq
    assert report.message == f"Entry {original.seq} was changed after it was written."


def test_an_edit_with_a_recomputed_hash_is_caught_by_the_next_entry() -> None:
    entries = build(10)
    entries[4] = resealed(entries[4], patient_id=999)
    report = verify(entries)
    assert (report.problem, report.first_bad) == (Problem.EDITED, 5)
    assert report.message == "Entry 5 was changed after entry 6 was written."


def test_an_edit_of_the_last_entry_with_a_recomputed_hash_is_caught_by_the_anchor() -> None:
    entries = build(10)
    anchor = verify(entries).anchor()
    entries[-1] = resealed(entries[-1], action="intake.save")
    assert verify(entries).ok  # on its own the database cannot tell
    report = verify(entries, anchor)
    assert (report.problem, report.first_bad) == (Problem.REWRITTEN, 10)


@pytest.mark.parametrize(
    ("removed", "named"), [([0], "Entry 1 is"), ([4], "Entry 5 is"), ([3, 4, 5], "Entries 4 to 6 are")]
)
def test_a_removed_entry_is_named(removed: list[int], named: str) -> None:
    entries = [e for i, e in enumerate(build(10)) if i not in removed]
    report = verify(entries)
    assert report.problem is Problem.REMOVED
    assert report.first_bad == removed[0] + 1
    assert report.message == f"{named} missing (removed from the database)."


def test_a_reordered_entry_is_named() -> None:
    entries = build(10)
    entries[3], entries[4] = entries[4], entries[3]
    report = verify(entries)
    assert (report.problem, report.first_bad) == (Problem.REORDERED, 5)
    assert report.message == "Entry 5 appears before entry 4: the entries were reordered."


def test_an_entry_moved_to_the_end_is_reordered_not_removed() -> None:
    entries = build(10)
    moved = entries.pop(2)
    entries.append(moved)
    report = verify(entries)
    assert (report.problem, report.first_bad) == (Problem.REORDERED, 4)


def test_a_repeated_entry_is_caught() -> None:
    entries = build(5)
    entries.insert(3, entries[2])
    report = verify(entries)
    assert (report.problem, report.first_bad) == (Problem.REORDERED, 3)


def test_a_cut_off_tail_is_caught_against_the_anchor() -> None:
    entries = build(10)
    anchor = verify(entries).anchor()
    report = verify(entries[:7], anchor)
    assert (report.problem, report.first_bad) == (Problem.CUT_OFF, 8)
    assert report.message == ("The last 3 entries are missing: this computer last saw 10 entries, "
                              "the database now has 7.")
    assert verify(entries[:7]).ok  # without the anchor a shorter chain looks whole: that is what it is for
    assert verify([], anchor).problem is Problem.CUT_OFF


def test_a_chain_rebuilt_from_scratch_does_not_match_the_anchor() -> None:
    entries = build(10)
    anchor = verify(entries).anchor()
    forged: list[AuditEntry] = []
    for i, original in enumerate(entries):
        changed = dataclasses.replace(original.event, who="intruder") if i == 2 else original.event
        forged.append(chain_next(forged[-1] if forged else None, changed))
    assert verify(forged).ok
    report = verify(forged, anchor)
    assert (report.problem, report.first_bad) == (Problem.REWRITTEN, 10)


def test_the_first_problem_wins() -> None:
    entries = build(10)
    entries[2] = dataclasses.replace(entries[2], entry_hash="f" * 64)
    del entries[6]
    report = verify(entries)
    assert (report.problem, report.first_bad) == (Problem.EDITED, 3)


def test_the_anchor_moves_forward_only_and_never_onto_a_bad_chain() -> None:
    entries = build(5)
    first = advance(None, verify(entries[:3]))
    later = advance(first, verify(entries, first))
    assert (later.count, later.head_hash) == (5, entries[-1].entry_hash)
    with pytest.raises(ValueError, match="backwards"):
        advance(later, verify(entries[:3]))
    broken = verify([*entries[:2], entries[3]])
    with pytest.raises(ValueError, match="never anchored"):
        advance(first, broken)


def test_the_anchor_round_trips_through_a_backup_manifest() -> None:
    anchor = verify(build(3)).anchor()
    manifest = json.loads(json.dumps({"files": [], **anchor.to_manifest()}))
    assert Anchor.from_manifest(manifest) == anchor
    assert verify([], EMPTY_ANCHOR).ok
    with pytest.raises(ValueError):
        Anchor.from_manifest({})
    for count, head in [(-1, GENESIS_HASH), (1, "xyz"), (0, "a" * 64), (1, GENESIS_HASH), (True, "a" * 64)]:
        with pytest.raises(ValueError):
            Anchor(count, head)


@pytest.mark.parametrize(
    "changes",
    [
        {"at": dt.datetime(2026, 11, 30, 9, 0)},  # naive: could be local time
        {"who": ""},
        {"who": "ana\nruiz"},
        {"desk": "desk\u202e1"},
        {"detail": "x" * 201},
        {"detail": "line one\nline two"},
        {"action": "Viewed Patient Smith"},
        {"action": "intake.view; drop"},
        {"patient_id": -1},
        {"intake_id": True},
        {"patient_id": "12"},
    ],
)
def test_entries_hold_ids_and_keys_only(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidAuditEntry):
        dataclasses.replace(event(0), **changes)  # type: ignore[arg-type]


def test_every_action_key_is_a_valid_entry() -> None:
    for action in AuditAction:
        assert AuditEvent(at=START, who="system", action=action, desk="").action == action.value


# --- rows, events from actors --------------------------------------------------------------------


def test_rows_round_trip_and_naive_stored_times_are_utc() -> None:
    entries = build(3)
    rows = [entry_to_row(e) for e in entries]
    assert set(rows[0]) == set(ROW_COLUMNS)
    assert [entry_from_row(r) for r in rows] == entries
    naive = [{**r, "at": r["at"].replace(tzinfo=None)} for r in rows]
    assert verify(readable_entries(naive)).ok


def test_a_row_with_values_the_program_never_writes_is_reported_as_changed() -> None:
    rows = [entry_to_row(e) for e in build(5)]
    rows[2] = {**rows[2], "who": "ana\nruiz"}
    report = verify(readable_entries(rows))
    assert (report.problem, report.first_bad) == (Problem.EDITED, 3)
    rows = [entry_to_row(e) for e in build(5)]
    rows[3] = {**rows[3], "seq": "four", "at": "yesterday"}
    assert (verify(readable_entries(rows)).problem, verify(readable_entries(rows)).first_bad) == (Problem.EDITED, 4)


def test_events_name_the_account_and_its_role() -> None:
    clinician = Actor("ana.ruiz", Role.CLINICIAN, "Dr Ana Ruiz")
    made = event_for(clinician, AuditAction.INTAKE_RED_FLAG_ACK, at=START, desk="desk-1", patient_id=1, intake_id=2)
    assert (made.who, made.role, made.action) == ("ana.ruiz", "clinician", "intake.red_flag_ack")
    backup = event_for(SYSTEM, AuditAction.BACKUP, at=START, desk="desk-1")
    assert (backup.who, backup.role) == ("system", "system")


def test_a_failed_sign_in_never_records_what_was_typed_as_the_name() -> None:
    typed = "my secret password"  # typed into the name box by mistake
    unknown = failed_sign_in_event(None, at=START, desk="desk-1")
    assert typed not in repr(unknown) and unknown.who == "(unknown account)"
    account = Account("ana.ruiz", "Dr Ana Ruiz", Role.CLINICIAN, "$argon2id$...")
    assert failed_sign_in_event(account, at=START, desk="desk-1").who == "ana.ruiz"


# --- checking only what is new since the anchor (at start, before appending) ---------------------


def since(entries: list[AuditEntry], anchor: Anchor) -> list[AuditEntry]:
    """What storage returns for `WHERE seq >= :count ORDER BY id`."""
    return [e for e in entries if e.seq >= max(anchor.count, 1)]


def test_checking_since_the_anchor_accepts_new_entries_from_other_desks() -> None:
    entries = build(12)
    anchor = verify(entries[:5]).anchor()
    report = verify_since(anchor, since(entries, anchor))
    assert report.ok and report.count == 12 and report.head_hash == entries[-1].entry_hash
    assert verify_since(EMPTY_ANCHOR, entries).ok
    assert verify_since(verify(entries).anchor(), since(entries, verify(entries).anchor())).ok


def test_checking_since_the_anchor_catches_each_problem() -> None:
    entries = build(12)
    anchor = verify(entries[:5]).anchor()
    edited = list(entries)
    edited[4] = dataclasses.replace(edited[4], event=dataclasses.replace(edited[4].event, who="x"))
    report = verify_since(anchor, since(edited, anchor))
    assert (report.problem, report.first_bad) == (Problem.EDITED, 5)
    resealed_anchor = list(entries)
    resealed_anchor[4] = resealed(entries[4], who="x")
    report = verify_since(anchor, since(resealed_anchor, anchor))
    assert (report.problem, report.first_bad) == (Problem.REWRITTEN, 5)
    later = list(entries)
    del later[8]
    report = verify_since(anchor, since(later, anchor))
    assert (report.problem, report.first_bad) == (Problem.REMOVED, 9)
    report = verify_since(anchor, since(entries[:3], anchor))
    assert (report.problem, report.first_bad) == (Problem.CUT_OFF, 5)
    swapped = list(entries)
    swapped[6], swapped[7] = swapped[7], swapped[6]
    report = verify_since(anchor, since(swapped, anchor))
    assert (report.problem, report.first_bad) == (Problem.REORDERED, 8)


def test_a_batch_continues_the_chain() -> None:
    first = build(3)
    batch = chain_batch(first[-1], [event(10), event(11)])
    assert [e.seq for e in batch] == [4, 5]
    assert verify([*first, *batch]).ok
    assert chain_batch(None, []) == []
