"""This computer's side of the audit trail: the anchor file, and views and searches written off the query path.

`AnchorKeeper` checks at open that the entries added since this computer's anchor extend it
(`verify_since`: only the new entries are read) and moves the anchor forward after every commit that
appended entries; it never moves onto a chain that failed its check. `ViewRecorder` hands views and
searches to an `AuditQueue`, written within a second (one transaction per batch) and on close.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from intake_app.access.anchor import AnchorUnreadable, anchor_path, move_anchor_forward, read_anchor, write_anchor
from intake_app.access.audit_chain import Anchor, AuditEntry, AuditEvent, ChainReport, advance, verify, verify_since
from intake_app.access.audit_queue import AuditQueue
from intake_app.errors import IntakeError

if TYPE_CHECKING:
    from intake_app.storage import Repository

log = logging.getLogger(__name__)

ANCHOR_INTERVAL = 1.0  # seconds: the anchor file moves at most this often after commits (and at close)


def database_address(repository: Repository) -> str:
    """What names the database for its anchor (hashed into the file name, never written as it is)."""
    from intake_app.storage.database import sqlite_file

    url = repository.engine.url
    path = sqlite_file(url)
    return f"sqlite:///{path.resolve()}" if path is not None else url.render_as_string(hide_password=False)


class AnchorKeeper:
    """The anchor file of one database on this computer."""

    def __init__(self, repository: Repository, folder: Path | None = None) -> None:
        self.repository = repository
        self.path = anchor_path(database_address(repository), folder)
        self.problem: ChainReport | None = None  # the first bad entry found since the anchor, if any
        self.unreadable: AnchorUnreadable | None = None
        self._lock = threading.Lock()
        self._moved_at = float("-inf")  # monotonic time of the last check after a commit
        self._behind = False  # commits happened since then

    def anchor(self) -> Anchor | None:
        """The anchor as stored (None: this computer has none for this database yet)."""
        return read_anchor(self.path)

    def check(self) -> ChainReport | None:
        """At open: are the entries since the anchor a continuation of it? Moves the anchor forward when
        they are; a computer without an anchor checks the whole chain once and anchors it."""
        with self._lock:
            try:
                anchor = read_anchor(self.path)
            except AnchorUnreadable as exc:
                self.unreadable = exc
                log.warning("audit anchor unreadable")
                return None
            if anchor is None:
                report = verify(self.repository.iter_audit())
            else:
                report = verify_since(anchor, self.repository.iter_audit(from_seq=max(anchor.count, 1)))
            self._settle(anchor, report)
            return report

    def committed(self, entry: AuditEntry) -> None:
        """After a commit that appended entries up to `entry`: check what was added since the anchor (also
        other desks' entries) and move the anchor forward; at most once a second (each move is an fsync'd
        file write), the rest at the next commit after that, at close and at `audit verify`."""
        now = time.monotonic()
        if now - self._moved_at < ANCHOR_INTERVAL:
            self._behind = True
            return
        self.catch_up(entry.seq)

    def settle_pending(self) -> None:
        """Move the anchor over anything committed since it last moved (at close)."""
        if self._behind:
            self.catch_up()

    def catch_up(self, upto: int | None = None) -> None:
        """Check the entries added since the anchor and move it forward (never onto a bad chain). A
        failure here never undoes the change already committed: the anchor simply waits."""
        with self._lock:
            if self.unreadable is not None or self.problem is not None:
                return
            self._moved_at, self._behind = time.monotonic(), False
            try:
                anchor = read_anchor(self.path)
                if anchor is not None and upto is not None and anchor.count >= upto:
                    return
                if anchor is None:
                    report = verify(self.repository.iter_audit())
                else:
                    report = verify_since(anchor, self.repository.iter_audit(from_seq=max(anchor.count, 1)))
                self._settle(anchor, report)
            except AnchorUnreadable as exc:
                self.unreadable = exc
            except (IntakeError, OSError) as exc:
                log.warning("audit anchor not moved: %s", type(exc).__name__)

    def _settle(self, anchor: Anchor | None, report: ChainReport) -> None:
        if not report.ok:
            self.problem = report
            log.warning("audit trail check failed at entry %s", report.first_bad)
            return
        if anchor is None or report.count > anchor.count:
            move_anchor_forward(self.path, advance(anchor, report))

    def full_report(self) -> ChainReport:
        """The whole chain checked against this computer's anchor (audit verify); the anchor moves
        forward when it is intact. An unreadable anchor is an IntakeError."""
        with self._lock:
            anchor = read_anchor(self.path)
            self.unreadable = None
            report = verify(self.repository.iter_audit(), anchor)
            if report.ok:
                self.problem = None
                if anchor is None or report.count > anchor.count:
                    move_anchor_forward(self.path, advance(anchor, report))
            else:
                self.problem = report
            return report

    def replace(self, anchor: Anchor) -> None:
        """After a restore: the anchor becomes the backup's (it may move backwards)."""
        with self._lock:
            write_anchor(self.path, anchor)
            self.problem = None
            self.unreadable = None


class ViewRecorder:
    """Views and searches queued and written by one background thread (started at the first one)."""

    def __init__(self, write: Callable[[list[AuditEvent]], object]) -> None:
        self._write = write
        self._queue: AuditQueue[AuditEvent] | None = None
        self._lock = threading.Lock()

    def put(self, event: AuditEvent) -> None:
        with self._lock:
            if self._queue is None:
                self._queue = AuditQueue(self._batch, on_error=self._failed)
            queue = self._queue
        queue.put(event)

    def _batch(self, batch: list[tuple[dt.datetime, AuditEvent]]) -> None:
        self._write([event for _stamp, event in batch])

    @staticmethod
    def _failed(exc: BaseException) -> None:
        log.warning("views and searches not yet written to the audit trail (%s); trying again", type(exc).__name__)

    def flush(self, timeout: float | None = 10.0) -> bool:
        with self._lock:
            queue = self._queue
        return queue.flush(timeout) if queue is not None else True

    def close(self) -> int:
        """Write what is queued and stop the thread; returns how many could not be written."""
        with self._lock:
            queue, self._queue = self._queue, None
        return queue.close() if queue is not None else 0
