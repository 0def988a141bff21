"""Issue 14 target 4: the recovery journal is written by its own thread (the window's thread never waits for
the fsync), in order, the newest request per intake winning, one writer at a time, atomically; a program
that dies between two writes leaves the entry written last, whole, and recovery offers it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from intake_app import recovery
from intake_app.errors import IntakeError
from intake_app.files import atomic_write_text
from intake_app.recovery import RecoveryJournal

DAY = dt.date(2026, 1, 2)
REPOSITORY = Path(__file__).resolve().parents[2]


class Gate:
    """Holds every journal file write until opened, recording the thread and what each write held."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.open = threading.Event()
        self.entered = threading.Event()
        self.threads: list[threading.Thread] = []
        self.texts: list[str] = []
        self.active = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        original = atomic_write_text

        def held(path: Path, text: str, **options: Any) -> Path:
            with self._lock:
                self.active += 1
                self.most_at_once = max(self.most_at_once, self.active)
                self.threads.append(threading.current_thread())
                self.texts.append(text)
            self.entered.set()
            try:
                assert self.open.wait(30), "the test never opened the gate"
                return original(path, text, **options)
            finally:
                with self._lock:
                    self.active -= 1

        monkeypatch.setattr(recovery, "atomic_write_text", held)


def test_writes_happen_off_the_calling_thread_and_the_latest_answers_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    journal = RecoveryJournal(tmp_path / "recovery")
    journal.write_later(1, DAY, {"pain_score_0_10": 0})
    assert gate.entered.wait(30)  # the writer thread holds the first write at the gate...
    for score in range(1, 8):  # ...while a burst of changes comes in: the call returns without waiting
        journal.write_later(1, DAY, {"pain_score_0_10": score})
    answers = {"pain_score_0_10": 8}
    journal.write_later(1, DAY, answers)
    answers["pain_score_0_10"] = 99  # changed after the call: the journal keeps what was asked
    gate.open.set()
    assert journal.flush(30)
    assert [d.answers for d in journal.pending()] == [{"pain_score_0_10": 8}]
    assert gate.threads and threading.current_thread() not in gate.threads
    assert len(gate.texts) == 2  # the first write, then only the newest of the burst
    assert gate.most_at_once == 1


def test_a_clear_after_writes_removes_the_entry_and_a_write_after_it_makes_a_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(monkeypatch)
    journal = RecoveryJournal(tmp_path / "recovery")
    journal.write_later(1, DAY, {"pain_score_0_10": 1})
    assert gate.entered.wait(30)
    journal.write_later(1, DAY, {"pain_score_0_10": 2})
    journal.write_later(2, DAY, {"pain_score_0_10": 5})
    journal.clear(1)  # the save of intake 1 succeeded while its writes were still waiting
    gate.open.set()
    assert journal.flush(30)
    assert [(d.intake_id, d.answers) for d in journal.pending()] == [(2, {"pain_score_0_10": 5})]
    journal.clear(2)
    journal.write_later(2, DAY, {"pain_score_0_10": 6})
    assert [(d.intake_id, d.answers) for d in journal.pending()] == [(2, {"pain_score_0_10": 6})]


def test_a_failed_background_write_is_reported_by_the_next_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, text: str, **options: Any) -> Path:
        raise IntakeError("The disk is full; nothing was written.")

    journal = RecoveryJournal(tmp_path / "recovery")
    monkeypatch.setattr(recovery, "atomic_write_text", full_disk)
    journal.write_later(1, DAY, {"pain_score_0_10": 1})
    assert journal.flush(30)
    journal.clear(2)  # a clear never raises it: the save that cleared has nothing to do with it
    monkeypatch.undo()
    with pytest.raises(IntakeError, match="disk is full"):
        journal.write_later(1, DAY, {"pain_score_0_10": 2})
    journal.write_later(1, DAY, {"pain_score_0_10": 3})  # reported once; the writes go on
    assert [d.answers for d in journal.pending()] == [{"pain_score_0_10": 3}]


def _dying_writer(folder: Path) -> str:
    """A program that writes an entry, waits for it, then asks for a newer one and dies at once (os._exit:
    no clean exit, the writer thread killed wherever it was)."""
    return textwrap.dedent(f"""
        import datetime as dt, os
        from pathlib import Path
        from intake_app.recovery import RecoveryJournal

        journal = RecoveryJournal(Path({str(folder)!r}))
        journal.write_later(7, dt.date(2026, 1, 2), {{"pain_score_0_10": 1}})
        assert journal.flush(30)
        journal.write_later(7, dt.date(2026, 1, 2), {{"pain_score_0_10": 2, "onset": "sudden"}})
        os._exit(0)
    """)


def test_a_program_dying_between_writes_leaves_a_whole_entry_that_recovery_offers(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    done = subprocess.run([sys.executable, "-c", _dying_writer(folder)], cwd=REPOSITORY, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found = RecoveryJournal(folder).pending()
    assert [d.intake_id for d in found] == [7]  # readable (never half written), so it is offered
    assert found[0].answers in ({"pain_score_0_10": 1}, {"pain_score_0_10": 2, "onset": "sudden"})
    # Besides the entry, at most the temporary file of a write the death cut short (never read as an entry).
    assert all(p.name == "intake-7.json" or p.name.startswith(".tmp-") for p in folder.iterdir())


def test_write_waits_for_its_entry_and_raises_its_own_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = RecoveryJournal(tmp_path / "recovery")
    journal.write_later(3, DAY, {"pain_score_0_10": 1})
    journal.write(3, DAY, {"pain_score_0_10": 2})  # after the waiting one, and on disk when it returns
    assert (tmp_path / "recovery" / "intake-3.json").is_file()
    assert [d.answers for d in RecoveryJournal(tmp_path / "recovery").pending()] == [{"pain_score_0_10": 2}]

    def full_disk(path: Path, text: str, **options: Any) -> Path:
        raise IntakeError("The disk is full; nothing was written.")

    monkeypatch.setattr(recovery, "atomic_write_text", full_disk)
    with pytest.raises(IntakeError, match="disk is full"):
        journal.write(3, DAY, {"pain_score_0_10": 3})
    monkeypatch.undo()
    journal.write(3, DAY, {"pain_score_0_10": 4})  # reported by the write that failed, not again
    assert [d.answers for d in journal.pending()] == [{"pain_score_0_10": 4}]
