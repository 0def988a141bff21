"""Settings: typed, described, stored as JSON in the user's config folder, checked when read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from intake_app.errors import IntakeError
from intake_app.settings import Settings, describe_settings, load_settings, save_settings, settings_path


def test_defaults_when_no_file_exists(isolated_user_dirs: Path) -> None:
    assert not settings_path().exists()
    assert str(settings_path()).startswith(str(isolated_user_dirs))
    assert load_settings() == Settings()


def test_saved_settings_come_back(isolated_user_dirs: Path) -> None:
    wanted = Settings(clinic_name="Hillside Clinic", clinic_phone="0100 200300", page_size="Letter",
                      autosave_seconds=10, desk_user="Reception 2")
    save_settings(wanted)
    assert load_settings() == wanted


def test_unknown_keys_are_ignored_and_wrong_types_named(isolated_user_dirs: Path) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"clinic_name": "X", "theme": "dark"}), encoding="utf-8")
    assert load_settings().clinic_name == "X"
    path.write_text(json.dumps({"autosave_seconds": "5"}), encoding="utf-8")
    with pytest.raises(IntakeError, match="autosave_seconds must be int"):
        load_settings()


@pytest.mark.parametrize("content", ["{not json", "[1, 2]"])
def test_a_broken_settings_file_is_a_clear_error(isolated_user_dirs: Path, content: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    with pytest.raises(IntakeError, match="settings file"):
        load_settings()


@pytest.mark.parametrize(("key", "value"), [("page_size", "A3"), ("autosave_seconds", 1), ("autosave_seconds", 999)])
def test_out_of_range_values_are_refused(isolated_user_dirs: Path, key: str, value: object) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({key: value}), encoding="utf-8")
    with pytest.raises(IntakeError, match=key):
        load_settings()


def test_every_setting_has_a_description() -> None:
    described = describe_settings()
    assert [name for name, _ in described] == list(Settings.__dataclass_fields__)
    assert all(text for _, text in described)
