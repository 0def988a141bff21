"""Opening databases: settings, migrations, locations and errors a person can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from intake_app.errors import StorageError
from intake_app.storage import create_database_engine, default_database_path, resolve_database_url, upgrade
from intake_app.storage.database import current_revision, head_revision, translate_error
from intake_app.storage.models import Base


def test_the_known_schema_head_is_the_newest_migration() -> None:
    from intake_app.storage.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD, "update SCHEMA_HEAD in storage/database.py with each new migration"


def test_migrations_upgrade_an_empty_database(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(engine) is None
    assert upgrade(engine) is True
    assert current_revision(engine) == head_revision()
    assert upgrade(engine) is False  # idempotent
    assert {"patients", "intakes", "assessments", "audit_log"} <= set(inspect(engine).get_table_names())


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'cmp.db'}")
    upgrade(engine)
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], "models changed without a migration"


def test_sqlite_is_opened_with_wal_foreign_keys_full_sync_and_busy_timeout(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_search_indexes_exist(tmp_path: Path) -> None:
    engine = create_database_engine(f"sqlite:///{tmp_path / 'i.db'}")
    upgrade(engine)
    indexed = {tuple(ix["column_names"]) for ix in inspect(engine).get_indexes("patients")}
    # The name indexes also hold the date of birth and the MRN (migration 0007); the birth-date and MRN indexes
    # the id and the other searched columns (migration 0008).
    assert {("family_fold", "given_fold", "date_of_birth", "mrn_fold"),
            ("given_fold", "family_fold", "date_of_birth", "mrn_fold"),
            ("date_of_birth", "id", "family_fold", "given_fold", "mrn_fold"),
            ("mrn_fold", "id", "family_fold", "given_fold", "date_of_birth")} <= indexed


def test_default_database_lives_in_the_user_data_folder(isolated_user_dirs: Path) -> None:
    path = default_database_path()
    assert str(path).startswith(str(isolated_user_dirs))
    assert resolve_database_url() == f"sqlite:///{path}"
    assert path.parent.is_dir()


def test_environment_and_explicit_urls_win(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("INTAKE_APP_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert resolve_database_url().endswith("env.db")
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_a_folder_that_does_not_exist_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="does not exist"):
        create_database_engine(f"sqlite:///{tmp_path / 'missing' / 'x.db'}")


def test_a_path_through_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StorageError, match="does not exist"):
        create_database_engine(f"sqlite:///{tmp_path / 'afile' / 'x.db'}")


def test_a_read_only_folder_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import intake_app.storage.database as database

    folder = tmp_path / "ro"
    folder.mkdir()
    monkeypatch.setattr(database.os, "access", lambda path, mode: False)
    with pytest.raises(StorageError, match="read-only"):
        create_database_engine(f"sqlite:///{folder / 'x.db'}")


def test_a_bad_url_is_a_clear_error() -> None:
    with pytest.raises(StorageError, match="not a valid URL"):
        create_database_engine("this is not a url")


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the pages of a database" * 200)
    with pytest.raises(StorageError, match="not an intake database"):
        upgrade(create_database_engine(f"sqlite:///{path}"))


@pytest.mark.parametrize(
    ("code", "words"),
    [(sqlite3.SQLITE_FULL, "disk is full"), (sqlite3.SQLITE_BUSY, "busy"), (sqlite3.SQLITE_READONLY, "read-only")],
)
def test_driver_errors_become_messages_by_error_code(code: int, words: str) -> None:
    original = sqlite3.OperationalError("driver text that is never shown")
    original.sqlite_errorcode = code  # type: ignore[attr-defined]
    error = translate_error(OperationalError("INSERT", {}, original))
    assert words in error.message
    assert "driver text" not in str(error)
