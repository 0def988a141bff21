"""This computer's side of the audit trail: the anchor file, and views and searches written off the query path.

`AnchorKeeper` checks at open that the entries added since this computer's anchor extend it
(`verify_since`: only the new entries are read) and moves the anchor forward after commits that appended
entries; it never moves onto a chain that failed its check. The move after a commit (reading the new
entries, checking them, an fsync'd file write: 3-20 ms) is made by a background thread, at most once per
`ANCHOR_INTERVAL`, never on the thread that saved. An anchor left behind (the program stopped before the
thread moved it) is caught up at the next open, as for entries other desks added: the chain since the
anchor is checked then. `ViewRecorder` hands views and searches to an `AuditQueue`, written within a
second (one transaction per batch) and on close.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
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
CATCH_UP_BATCH = 200  # entries read per short session when the anchor catches up
YIELD_EVERY = 8  # entries checked between two moments other threads may run


def _yielding(entries: Iterable[AuditEntry]) -> Iterator[AuditEntry]:
    """The entries, with Python's lock offered to other threads every YIELD_EVERY of them."""
    for count, entry in enumerate(entries, 1):
        yield entry
        if count % YIELD_EVERY == 0:
            time.sleep(0)


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
        self._lock = threading.Lock()  # one check or move of the anchor at a time
        self._moved_at = float("-inf")  # monotonic time of the last check
        # The background mover: `_behind` (commits since the last check), its thread while it has work,
        # and `_stopped` (no more background moves: closing, restoring).
        self._follow = threading.Condition()
        self._behind = False
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._pool = repository.engine.pool  # the engine's pool at the last commit (a dispose makes a new one)

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
            self._moved_at = time.monotonic()
            self._settle(anchor, report)
            return report

    def committed(self, entry: AuditEntry) -> None:
        """After a commit that appended entries (up to `entry`): the background thread checks what was added
        since the anchor (also other desks' entries) and moves the anchor forward, at most once per
        ANCHOR_INTERVAL (each move is an fsync'd file write). Nothing of that runs here, on the thread that
        committed: this only notes the commit and starts the thread when none is running."""
        with self._follow:
            self._behind = True
            self._pool = self.repository.engine.pool
            if self._stopped:
                return  # settled at close, or by the check after a restore
            if self._thread is None:
                self._thread = threading.Thread(target=self._follow_commits, name="audit-anchor", daemon=True)
                self._thread.start()
            # A running thread is not woken: it is waiting out the interval and then sees `_behind` (each
            # wake-up would take Python's lock from the saving thread for nothing).

    def _follow_commits(self) -> None:
        """The background thread: while commits are pending, wait out the interval since the last check and
        move the anchor over them; ends when none are pending (the next commit starts another)."""
        while True:
            with self._follow:
                while True:
                    # A database closed meanwhile (its engine disposed: a new pool) is left alone; the next
                    # open catches the anchor up. A check now would open a connection nobody closes.
                    closed = self.repository.engine.pool is not self._pool
                    if self._stopped or not self._behind or closed:
                        self._thread = None
                        self._follow.notify_all()
                        return
                    wait = self._moved_at + ANCHOR_INTERVAL - time.monotonic()
                    if wait <= 0:
                        break
                    self._follow.wait(wait)  # `stop` wakes it at once
                self._behind = False
            self.catch_up()

    def settle_pending(self) -> None:
        """Move the anchor over anything committed since it last moved, now, on this thread (at close, and
        where the anchor must be current: `audit verify`, a backup's manifest)."""
        with self._follow:
            behind, self._behind = self._behind, False
        if behind:
            self.catch_up()

    def stop(self, timeout: float = 30.0) -> None:
        """No more background moves (closing, restoring): waits for a move under way, then settles what
        is pending on this thread. `resume` lets commits start the thread again."""
        with self._follow:
            self._stopped = True
            self._follow.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        self.settle_pending()

    def resume(self) -> None:
        with self._follow:
            self._stopped = False

    def catch_up(self, upto: int | None = None) -> None:
        """Check the entries added since the anchor and move it forward (never onto a bad chain). A
        failure here never undoes the change already committed: the anchor simply waits."""
        with self._lock:
            if self.unreadable is not None or self.problem is not None:
                return
            self._moved_at = time.monotonic()
            try:
                anchor = read_anchor(self.path)
                if anchor is not None and upto is not None and anchor.count >= upto:
                    return
                # Read in small batches and checked letting other threads run every few entries: on the
                # background thread a long check would otherwise hold Python's lock for several
                # milliseconds at a time (the switch interval) against a save or the window.
                since = 0 if anchor is None else max(anchor.count, 1)
                entries = _yielding(self.repository.iter_audit(from_seq=since, batch=CATCH_UP_BATCH))
                report = verify(entries) if anchor is None else verify_since(anchor, entries)
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
