"""Crash recovery for open drafts: the latest unsaved answers, written on every change.

The database holds the autosaved draft; this journal holds what was typed since. A clean save or
close removes the entry; an entry found at start means the program stopped unexpectedly, and the
user is offered the answers back. Files are named by intake id only, never by patient.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()

    def _path(self, intake_id: int) -> Path:
        return self.folder / f"intake-{int(intake_id)}.json"

    def write(self, intake_id: int, visit_date: dt.date, answers: dict[str, Any]) -> None:
        """Atomically replace the entry for this intake (a power cut leaves the old or the new one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(intake_id)
        tmp = path.with_suffix(".tmp")
        payload = {
            "intake_id": intake_id, "visit_date": visit_date.isoformat(), "answers": answers,
            "written_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        with tmp.open("w", encoding="utf-8") as handle:
            json.dump(payload, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    def clear(self, intake_id: int) -> None:
        self._path(intake_id).unlink(missing_ok=True)

    def pending(self) -> list[RecoveredDraft]:
        """Entries left behind by a crash; unreadable ones are skipped (and removed)."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("intake-*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append(RecoveredDraft(
                    int(data["intake_id"]), dt.date.fromisoformat(data["visit_date"]), dict(data["answers"]),
                    dt.datetime.fromisoformat(data["written_at"]),
                ))
            except (OSError, ValueError, KeyError, TypeError):
                path.unlink(missing_ok=True)
        return found
