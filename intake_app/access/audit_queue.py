"""Views and searches are audited off the query path: queued, then written in batches by one thread.

`put` only stamps the event with the wall clock and appends it to a list, so a search never waits for
the audit write. A background thread hands everything queued to the writer within `flush_seconds` of
the first queued item (one second by default), and `close` writes whatever is left. A failed write is
kept and tried again; nothing is dropped. After `close`, `put` writes at once, in the caller's thread.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_FLUSH_SECONDS = 1.0


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class AuditQueue(Generic[T]):
    """A thread-safe queue with one background writer (injected), flushed within a second and on close."""

    def __init__(
        self,
        writer: Callable[[list[tuple[dt.datetime, T]]], None],
        *,
        clock: Callable[[], dt.datetime] = utc_now,
        flush_seconds: float = DEFAULT_FLUSH_SECONDS,
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "audit-writer",
    ) -> None:
        if flush_seconds <= 0:
            raise ValueError("flush_seconds must be positive")
        self._writer = writer
        self._clock = clock
        self._flush_seconds = flush_seconds
        self._on_error = on_error
        self._cond = threading.Condition()
        self._pending: list[tuple[dt.datetime, T]] = []
        self._first_queued: float | None = None  # monotonic time of the oldest pending item
        self._flush_now = False
        self._writing = False
        self._closing = False
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    # --- the caller's side ------------------------------------------------------------------------

    def put(self, item: T) -> None:
        """Queue one event, stamped now. Never blocks on the writer (except after close)."""
        stamped = (self._clock(), item)
        with self._cond:
            if not self._closing:
                self._pending.append(stamped)
                if self._first_queued is None:
                    self._first_queued = time.monotonic()
                    self._cond.notify_all()
                return
        self._writer([stamped])

    def pending(self) -> int:
        with self._cond:
            return len(self._pending)

    def flush(self, timeout: float | None = None) -> bool:
        """Write everything queued now; True when it was written within `timeout` seconds."""
        with self._cond:
            self._flush_now = True
            self._cond.notify_all()
            return self._cond.wait_for(lambda: self._stopped or (not self._pending and not self._writing), timeout) \
                and not self._pending

    def close(self, timeout: float | None = 10.0) -> int:
        """Write what is left and stop the thread; returns how many events could not be written."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join(timeout)
        with self._cond:
            return len(self._pending)

    def __enter__(self) -> AuditQueue[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the writer thread ------------------------------------------------------------------------

    def _due(self) -> bool:
        if not self._pending:
            return False
        if self._closing or self._flush_now:
            return True
        assert self._first_queued is not None
        return time.monotonic() >= self._first_queued + self._flush_seconds

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not self._due():
                        if self._closing and not self._pending:
                            return
                        timeout = None
                        if self._first_queued is not None and self._pending:
                            timeout = max(0.0, self._first_queued + self._flush_seconds - time.monotonic())
                        self._cond.wait(timeout)
                    batch, self._pending = self._pending, []
                    self._first_queued = None
                    self._flush_now = False
                    self._writing = True
                    closing = self._closing
                failed = self._write(batch)
                with self._cond:
                    self._writing = False
                    if failed:
                        self._pending[:0] = batch  # keep order; try again after another interval
                        self._first_queued = time.monotonic()
                    self._cond.notify_all()
                    if failed and closing:
                        return  # the caller learns the count from close()
        finally:
            with self._cond:
                self._stopped = True
                self._cond.notify_all()

    def _write(self, batch: list[tuple[dt.datetime, T]]) -> bool:
        """Hand a batch to the writer; True when it failed (reported to on_error, never raised here)."""
        try:
            self._writer(batch)
        except Exception as exc:  # the thread must survive a locked or full database
            if self._on_error is not None:
                self._on_error(exc)
            return True
        return False
