"""Settings: typed, described, stored as JSON in the user's config folder, checked when read."""

from __future__ import annotations

import json
import stat
from dataclasses import fields
from pathlib import Path

import pytest

from intake_app.errors import IntakeError
from intake_app.settings import (
    Settings,
    describe_settings,
    load_settings,
    save_settings,
    settings_path,
    settings_reference,
)


def test_defaults_when_no_file_exists(isolated_user_dirs: Path) -> None:
    assert not settings_path().exists()
    assert str(settings_path()).startswith(str(isolated_user_dirs))
    assert load_settings() == Settings()


def test_saved_settings_come_back(isolated_user_dirs: Path) -> None:
    wanted = Settings(clinic_name="Hillside Clinic", clinic_phone="0100 200300", page_size="Letter",
                      autosave_seconds=10, idle_minutes=12)
    save_settings(wanted)
    assert load_settings() == wanted


def test_unknown_keys_are_ignored_and_wrong_types_named(isolated_user_dirs: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"clinic_name": "X", "theme": "dark"}), encoding="utf-8")
    assert load_settings().clinic_name == "X"
    path.write_text(json.dumps({"autosave_seconds": "5"}), encoding="utf-8")
    with pytest.raises(IntakeError, match=r"Autosave interval.*must be a whole number"):
        load_settings()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_a_broken_settings_file_is_a_clear_error(isolated_user_dirs: Path, content: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IntakeError, match="settings file"):
        load_settings()


@pytest.mark.parametrize(("key", "value", "label"), [
    ("page_size", "A3", "Paper size"), ("autosave_seconds", 1, "Autosave interval"),
    ("autosave_seconds", 999, "Autosave interval"), ("country", "GBR", "Country"),
    ("emergency_number", "call 999", "Emergency number"), ("large_print", "yes", "Large print"),
    ("idle_minutes", 0, "Idle lock"), ("idle_minutes", 61, "Idle lock"),
])
def test_out_of_range_values_are_refused(isolated_user_dirs: Path, key: str, value: object, label: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({key: value}), encoding="utf-8")
    with pytest.raises(IntakeError, match=label):
        load_settings()


def test_every_setting_has_a_description() -> None:
    described = describe_settings()
    assert [name for name, _ in described] == list(Settings.__dataclass_fields__)
    assert all(text for _, text in described)


def test_a_huge_clinic_name_is_refused_naming_the_setting_and_nothing_is_saved(isolated_user_dirs: Path) -> None:
    save_settings(Settings(clinic_name="Hillside Clinic"))
    before = settings_path().read_bytes()
    with pytest.raises(IntakeError) as caught:
        save_settings(Settings(clinic_name="x" * 1_000_000))
    assert "Clinic name" in str(caught.value) and "too long" in str(caught.value)
    assert "clinic_name" not in str(caught.value)
    assert settings_path().read_bytes() == before
    assert load_settings().clinic_name == "Hillside Clinic"


def test_every_text_setting_has_a_length_limit() -> None:
    for f in fields(Settings):
        if f.type == "str" and f.name != "page_size":
            assert f.metadata.get("max_length"), f.name
        assert f.metadata.get("label") and f.metadata.get("description")


def test_settings_file_is_private_and_written_atomically(isolated_user_dirs: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(Settings(clinic_name="Hillside Clinic"))
    path = settings_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind

    import intake_app.files as files

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(files.os, "fsync", broken_fsync)
        with pytest.raises(IntakeError, match="not written"):
            save_settings(Settings(clinic_name="Other Clinic"))
    assert load_settings().clinic_name == "Hillside Clinic"
    assert [p.name for p in path.parent.iterdir()] == [path.name]


@pytest.mark.parametrize(("country", "number", "department"), [
    ("GB", "999", "A&E"), ("US", "911", "ER"), ("CA", "911", "emergency room"), ("DE", "112", "emergency department"),
    ("FR", "112", "emergency department"),
])
def test_emergency_number_and_department_default_by_country(country: str, number: str, department: str) -> None:
    emergency = Settings(country=country).emergency()
    assert emergency.number == number
    assert department in emergency.department


def test_emergency_settings_override_the_country_defaults() -> None:
    emergency = Settings(country="GB", emergency_number="112", emergency_department_name="Emergency Unit").emergency()
    assert (emergency.number, emergency.department) == ("112", "Emergency Unit")


def test_country_follows_the_locale_when_not_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert Settings().emergency().number == "911"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert Settings().emergency().department == "A&E"


def test_docs_settings_md_is_current() -> None:
    docs = Path(__file__).resolve().parent.parent / "docs" / "settings.md"
    assert docs.read_text(encoding="utf-8") == settings_reference(), (
        "docs/settings.md is stale: run .venv/bin/python -m intake_app.settings > docs/settings.md")
    for f in fields(Settings):
        assert f"`{f.name}`" in docs.read_text(encoding="utf-8")


def test_clinic_fields_and_desk_fields_cover_every_setting_once() -> None:
    from intake_app.settings import CLINIC_FIELDS, DESK_FIELDS

    names = [f.name for f in fields(Settings)]
    assert sorted(CLINIC_FIELDS + DESK_FIELDS) == sorted(names)
    assert "desk_user" not in names  # who is recorded comes from the signed-in account only
    assert Settings().idle_minutes == 5


def test_a_desk_user_left_in_an_old_settings_file_is_ignored(isolated_user_dirs: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"desk_user": "Dr. Somebody Else", "clinic_name": "Hillside"}), encoding="utf-8")
    loaded = load_settings()
    assert loaded.clinic_name == "Hillside" and "Somebody" not in repr(loaded)


def test_clinic_values_from_the_database_lie_over_the_file_and_bad_ones_are_skipped() -> None:
    from intake_app.settings import with_clinic_values

    desk = Settings(clinic_name="From the file", large_print=True)
    merged = with_clinic_values(desk, {"clinic_name": "From the database", "idle_minutes": 99,
                                       "large_print": False, "page_size": "Letter"})
    assert merged.clinic_name == "From the database" and merged.page_size == "Letter"
    assert merged.idle_minutes == 5  # out of range: the desk's value stays
    assert merged.large_print is True  # a desk preference is never taken from the database


def test_outcome_due_weeks_is_a_checked_clinic_setting() -> None:
    # Finding: "outcome due" was fixed at 6 weeks; issue 17 asks for a set number of weeks.
    from intake_app.settings import CLINIC_FIELDS

    assert "outcome_due_weeks" in CLINIC_FIELDS and Settings().outcome_due_weeks == 6
    assert Settings(outcome_due_weeks=12).validated().outcome_due_weeks == 12
    for weeks in (0, 53):
        with pytest.raises(IntakeError, match="Outcome due after"):
            Settings(outcome_due_weeks=weeks).validated()
