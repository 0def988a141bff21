"""The database itself, as the Clinic's methods (a mixin): what it is, backups and restoring one, and the
schema upgrade. Each checks the permission table first (`@requires`, with the lock), as every Clinic method
does; the daily backup is the program's own, recorded as "system".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from intake_app.access.audit_chain import AuditAction, verify
from intake_app.access.roles import SYSTEM, Action, Actor, require
from intake_app.errors import IntakeError
from intake_app.services.access import AccessMixin, requires
from intake_app.services.audit_trail import ViewRecorder

if TYPE_CHECKING:
    from intake_app.settings import Settings
    from intake_app.storage import Repository


def shared_group(settings: Settings | None) -> str | None:
    """The OS group the clinic shares its SQLite files with (settings `shared_group`), if any."""
    value = getattr(settings, "shared_group", None) if settings is not None else None
    return value.strip() or None if isinstance(value, str) else None


class MaintenanceMixin(AccessMixin):
    """The database's description, backups, restore and upgrade (mixed into `Clinic`)."""

    @property
    def group(self) -> str | None:
        """The OS group this clinic's files are shared with (settings `shared_group`), if any."""
        return shared_group(self.settings)


    def sqlite_version(self) -> str | None:
        """The SQLite library's version when the database is SQLite (for the About box), else None."""
        if self.repository.engine.dialect.name != "sqlite":
            return None
        from intake_app.storage.database import sqlite_library_version

        return sqlite_library_version()

    def describe_database(self) -> str:
        """Where the data is, without any password (window title, About box)."""
        from intake_app.storage import describe_url

        engine = self.repository.engine
        return describe_url(engine.url.render_as_string(hide_password=True))

    @requires(Action.BACKUP)
    def backup(self, folder: str | Path | None = None) -> Path:
        """A verified backup now (default folder: backups/ beside the database, kept in a rotation); its
        manifest entry carries the audit anchor. On PostgreSQL this says to use the server's own tools."""
        return self._backup(self._current(), folder)

    def _backup(self, actor: Actor, folder: str | Path | None = None) -> Path:
        from intake_app import __version__
        from intake_app.storage.backup import backup_sqlite

        self._views.flush()
        made = backup_sqlite(self.repository.engine, Path(folder) if folder else None, group=self.group,
                             app_version=__version__)
        self._record(actor, AuditAction.BACKUP, detail=made.name)
        return made

    def daily_backup(self, today: dt.date | None = None) -> Path | None:
        """The first backup of the day (the GUI calls this at start and on exit), made by the program itself
        whoever is signed in, and recorded as "system"; None when one exists or the database is not a file."""
        from intake_app.storage.backup import default_backup_folder, latest_backup_on
        from intake_app.storage.database import sqlite_file

        require(SYSTEM, Action.BACKUP)
        database = sqlite_file(self.repository.engine.url)
        if database is None:
            return None
        if latest_backup_on(default_backup_folder(database), today or dt.date.today()) is not None:
            return None
        return self._backup(SYSTEM)

    @requires(Action.RESTORE)
    def restore(self, backup: str | Path) -> Path | None:
        """Replace this SQLite database with a checked backup (needs every other program to have closed it);
        returns where the replaced database was kept. The audit anchor becomes the one in the backup's
        manifest (else the restored chain's own, once checked), and the restore is then recorded."""
        from intake_app.storage import Repository, close_engine, open_database
        from intake_app.storage.backup import POSTGRES_RESTORE_MESSAGE, manifest_anchor, restore_sqlite
        from intake_app.storage.database import sqlite_file

        actor = self._current()
        database = sqlite_file(self.repository.engine.url)
        if database is None:
            raise IntakeError(POSTGRES_RESTORE_MESSAGE)
        source = Path(backup)
        anchor = manifest_anchor(source)
        url = self.repository.engine.url.render_as_string(hide_password=False)
        self._views.close()
        self._anchors.stop()  # no move in the background while the file is replaced and re-anchored
        try:
            close_engine(self.repository.engine)
            try:
                aside = restore_sqlite(database, source, group=self.group)
            finally:
                self._reattach(Repository(open_database(url, group=self.group)))
            if anchor is None:
                report = verify(self.repository.iter_audit())
                anchor = report.anchor() if report.ok else None
            if anchor is not None:
                self._anchors.replace(anchor)
            self._anchors.check()
        finally:
            self._anchors.resume()
        self._record(actor, AuditAction.RESTORE, detail=source.name)
        return aside

    def _reattach(self, repository: Repository) -> None:
        repository.desk, repository.clock = self.desk, self._now
        repository.audit_committed = self._anchors.committed
        self.repository = repository
        self._anchors.repository = repository
        self._views = ViewRecorder(repository.record_events)
        self._overlay_clinic_settings()

    @requires(Action.DB_UPGRADE)
    def upgrade(self) -> bool:
        """Bring the schema to this program's newest (opening already does it); recorded. True when
        something was applied."""
        from intake_app.storage import upgrade
        from intake_app.storage.database import SCHEMA_HEAD

        applied = upgrade(self.repository.engine)
        self._record(self._current(), AuditAction.DB_UPGRADE,
                     detail=f"schema {SCHEMA_HEAD}" + ("" if applied else " (already current)"))
        return applied
