"""Crash recovery for open drafts: the latest unsaved answers, written on every change.

The database holds the autosaved draft; this journal holds what was typed since. A clean save or
close removes the entry; an entry found at start means the program stopped unexpectedly, and the
user is offered the answers back. Files are named by intake id only, never by patient. The folder is
0700 and each entry 0600 (whatever the umask), written atomically (files.py); a symbolic link planted
at an entry's name is never followed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake_app.files import atomic_write_text, private_dir

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

    def _path(self, intake_id: int) -> Path:
        return self.folder / f"intake-{int(intake_id)}.json"

    def write(self, intake_id: int, visit_date: dt.date, answers: dict[str, Any]) -> None:
        """Atomically replace the entry for this intake (a power cut leaves the old or the new one)."""
        private_dir(self.folder, group=self.group)
        payload = {
            "intake_id": intake_id, "visit_date": visit_date.isoformat(), "answers": answers,
            "written_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        atomic_write_text(self._path(intake_id), json.dumps(payload, ensure_ascii=False), overwrite=True,
                          group=self.group)

    def clear(self, intake_id: int) -> None:
        self._path(intake_id).unlink(missing_ok=True)

    def pending(self) -> list[RecoveredDraft]:
        """Entries left behind by a crash; unreadable ones are skipped (and removed)."""
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
