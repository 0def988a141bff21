"""Views and searches are queued and written by a background thread: within a second, and on close."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from intake_app.access.audit_queue import DEFAULT_FLUSH_SECONDS, AuditQueue

from .fakes import FakeClock

WAIT = 10.0  # an upper bound for a wait on an event; the tests finish as soon as the event is set


class Recorder:
    """A writer that remembers batches and signals each one."""

    def __init__(self, fail_times: int = 0) -> None:
        self.batches: list[list[tuple[dt.datetime, str]]] = []
        self.written = threading.Event()
        self.fail_times = fail_times
        self.threads: set[str] = set()

    def __call__(self, batch: list[tuple[dt.datetime, str]]) -> None:
        self.threads.add(threading.current_thread().name)
        if self.fail_times:
            self.fail_times -= 1
            raise OSError("database is locked")
        self.batches.append(list(batch))
        self.written.set()

    @property
    def items(self) -> list[str]:
        return [item for batch in self.batches for _, item in batch]


def test_the_default_flush_is_within_a_second() -> None:
    assert DEFAULT_FLUSH_SECONDS <= 1.0


def test_events_are_written_on_their_own_without_close(clock: FakeClock) -> None:
    writer = Recorder()
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock)
    try:
        queue.put("patient.view 7")
        assert writer.written.wait(WAIT), "the writer thread never flushed"
        assert writer.items == ["patient.view 7"]
        assert writer.threads == {"audit-writer"}  # off the caller's thread
    finally:
        assert queue.close() == 0


def test_events_carry_the_time_they_happened_not_the_time_they_were_written(clock: FakeClock) -> None:
    writer = Recorder()
    with AuditQueue(writer, clock=clock, flush_seconds=3600) as queue:
        queue.put("search")
        first = clock()
        clock.advance(seconds=30)
        queue.put("patient.view")
        assert not writer.batches  # nothing written yet: the interval has not passed
    assert writer.batches == [[(first, "search"), (first + dt.timedelta(seconds=30), "patient.view")]]


def test_put_does_not_wait_for_a_slow_writer(clock: FakeClock) -> None:
    release = threading.Event()
    entered = threading.Event()
    seen: list[str] = []

    def slow(batch: list[tuple[dt.datetime, str]]) -> None:
        entered.set()
        assert release.wait(WAIT)
        seen.extend(item for _, item in batch)

    queue: AuditQueue[str] = AuditQueue(slow, clock=clock, flush_seconds=0.01)
    queue.put("first")
    assert entered.wait(WAIT)
    for n in range(100):  # the writer is stuck; queuing still returns at once
        queue.put(f"search {n}")
    assert queue.pending() == 100
    release.set()
    assert queue.close() == 0
    assert seen == ["first", *[f"search {n}" for n in range(100)]]


def test_close_writes_what_is_left_at_once(clock: FakeClock) -> None:
    writer = Recorder()
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock, flush_seconds=3600)
    for n in range(5):
        queue.put(f"view {n}")
    assert queue.close() == 0
    assert writer.items == [f"view {n}" for n in range(5)]
    assert len(writer.batches) == 1  # one batch, one transaction


def test_flush_writes_now(clock: FakeClock) -> None:
    writer = Recorder()
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock, flush_seconds=3600)
    queue.put("search")
    assert queue.flush(WAIT)
    assert writer.items == ["search"]
    queue.close()


def test_after_close_events_are_written_at_once_in_the_callers_thread(clock: FakeClock) -> None:
    writer = Recorder()
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock)
    queue.close()
    queue.put("late view")
    assert writer.items == ["late view"]
    assert threading.current_thread().name in writer.threads


def test_a_failed_write_is_kept_in_order_and_tried_again(clock: FakeClock) -> None:
    writer = Recorder(fail_times=2)
    errors: list[BaseException] = []
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock, flush_seconds=0.01, on_error=errors.append)
    queue.put("a")
    queue.put("b")
    assert writer.written.wait(WAIT)
    queue.put("c")
    assert queue.close() == 0
    assert writer.items == ["a", "b", "c"]
    assert [type(e) for e in errors] == [OSError, OSError]


def test_close_reports_what_could_not_be_written(clock: FakeClock) -> None:
    errors: list[BaseException] = []
    writer = Recorder(fail_times=10**6)
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock, flush_seconds=3600, on_error=errors.append)
    queue.put("a")
    queue.put("b")
    assert queue.close() == 2
    assert errors


def test_many_threads_lose_nothing(clock: FakeClock) -> None:
    writer = Recorder()
    queue: AuditQueue[str] = AuditQueue(writer, clock=clock, flush_seconds=0.01)
    start = threading.Barrier(4)

    def desk(n: int) -> None:
        start.wait()
        for i in range(250):
            queue.put(f"{n}-{i}")

    threads = [threading.Thread(target=desk, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert queue.close() == 0
    assert sorted(writer.items) == sorted(f"{n}-{i}" for n in range(4) for i in range(250))
    for n in range(4):  # each desk's events stay in its order
        mine = [item for item in writer.items if item.startswith(f"{n}-")]
        assert mine == [f"{n}-{i}" for i in range(250)]


def test_a_non_positive_interval_is_refused() -> None:
    with pytest.raises(ValueError):
        AuditQueue(Recorder(), flush_seconds=0)
