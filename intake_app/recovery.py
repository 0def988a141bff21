"""Crash recovery for open drafts: the latest unsaved answers, written on every change.

The database holds the autosaved draft; this journal holds what was typed since. A clean save or
close removes the entry; an entry found at start means the program stopped unexpectedly, and the
user is offered the answers back. Files are named by intake id only, never by patient. The folder is
0700 and each entry 0600 (whatever the umask), written atomically (files.py); a symbolic link planted
at an entry's name is never followed.

Writing an entry ends in an fsync (3-20 ms), so the window need not wait for it: `write_later` takes
the answers as they are at the call (serialized at once) and the journal's one writer thread writes
them; `clear` is queued the same way, and `write` is `write_later` waiting for its entry to be on disk.
Per intake only the newest request counts (a burst of changes writes the latest answers; a save's clear
after them removes the entry), requests are carried out in order, and one thread at a time touches the
files. The thread is started for a burst of requests and ends when none is waiting; it is not a daemon,
so the interpreter's exit waits for it. `pending` and `flush` wait for what was asked before. A stop
between two writes leaves the entry written last (the atomic rename: the old file or the new one, never
half of one); answers asked for in the few milliseconds before a crash may be missing, as those typed
in the 300 ms before the window asks are.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake_app.files import _refuse_link, atomic_write_text, private_dir

ENV_STATE_DIR = "INTAKE_APP_STATE_DIR"


def recovery_dir() -> Path:
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override) / "recovery"
    from platformdirs import user_state_path

    return user_state_path("intake-app", appauthor=False) / "recovery"


@dataclass(frozen=True)
class RecoveredDraft:
    intake_id: int
    visit_date: dt.date
    answers: dict[str, Any]
    written_at: dt.datetime


class RecoveryJournal:
    def __init__(self, folder: Path | None = None, *, group: str | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.group = group
        self._lock = threading.Condition()
        # What the writer thread is still to do, per intake (the newest request only): the entry's text to
        # write, or None to remove the entry.
        self._waiting: dict[int, str | None] = {}
        self._writer: threading.Thread | None = None
        self._failure: Exception | None = None  # the last background write that failed

    def _path(self, intake_id: int) -> Path:
        return self.folder / f"intake-{int(intake_id)}.json"

    def write_later(self, intake_id: int, visit_date: dt.date, answers: dict[str, Any]) -> None:
        """Replace the entry for this intake with these answers (as they are at this call), atomically (a
        power cut leaves the old or the new one), on the writer thread: the caller never waits for the
        fsync (the window, a few hundred milliseconds after each change). Raises at once when the folder
        cannot be made private or a symbolic link sits at the entry's name; a background write that
        failed (a full disk) is raised by the next call, once."""
        text = self._entry(intake_id, visit_date, answers)
        failure = self._queue(int(intake_id), text)
        if failure is not None:
            raise failure

    def write(self, intake_id: int, visit_date: dt.date, answers: dict[str, Any]) -> None:
        """`write_later`, waiting until the entry is on disk (and raising if it could not be written)."""
        self.write_later(intake_id, visit_date, answers)
        self.flush()
        with self._lock:
            failure, self._failure = self._failure, None
        if failure is not None:
            raise failure

    def _entry(self, intake_id: int, visit_date: dt.date, answers: dict[str, Any]) -> str:
        """The entry's text; the folder made private and the entry's name checked (no symbolic link)."""
        payload = {
            "intake_id": intake_id, "visit_date": visit_date.isoformat(), "answers": answers,
            "written_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        text = json.dumps(payload, ensure_ascii=False)
        private_dir(self.folder, group=self.group)  # a few system calls, no fsync: its problems are told now
        _refuse_link(self._path(intake_id))
        return text

    def clear(self, intake_id: int) -> None:
        """Remove the entry for this intake (after a save or a deliberate discard), after any write of it
        asked for before; a write asked for afterwards makes a new one. Never raises a write's failure:
        the next `write` reports it."""
        self._queue(int(intake_id), None)

    def _queue(self, intake_id: int, text: str | None) -> Exception | None:
        """Ask the writer thread (started when none runs) to write `text` (None: remove the entry); returns
        the last background failure when asked to write, once."""
        with self._lock:
            failure = None
            if text is not None:
                failure, self._failure = self._failure, None
            self._waiting.pop(intake_id, None)  # re-inserted last: requests run in the order asked
            self._waiting[intake_id] = text
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_waiting, name="recovery-journal")
                self._writer.start()
        return failure

    def _write_waiting(self) -> None:
        """The writer thread: carry out the waiting requests in order; end when none is left."""
        while True:
            with self._lock:
                if not self._waiting:
                    self._writer = None
                    self._lock.notify_all()
                    return
                intake_id = next(iter(self._waiting))
                text = self._waiting.pop(intake_id)
            try:
                if text is None:
                    self._path(intake_id).unlink(missing_ok=True)
                else:
                    private_dir(self.folder, group=self.group)
                    atomic_write_text(self._path(intake_id), text, overwrite=True, group=self.group)
            except Exception as exc:  # kept for the next write to report; the thread carries on
                with self._lock:
                    self._failure = exc

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every write and removal asked for so far is done; False if `timeout` passed first."""
        with self._lock:
            return self._lock.wait_for(lambda: self._writer is None, timeout)

    def pending(self) -> list[RecoveredDraft]:
        """Entries left behind by a crash; unreadable ones are skipped (and removed)."""
        self.flush()
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("intake-*.json")):
            if path.is_symlink():
                continue
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append(RecoveredDraft(
                    int(data["intake_id"]), dt.date.fromisoformat(data["visit_date"]), dict(data["answers"]),
                    dt.datetime.fromisoformat(data["written_at"]),
                ))
            except (OSError, ValueError, KeyError, TypeError):
                path.unlink(missing_ok=True)
        return found
