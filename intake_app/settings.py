"""Typed application settings, each with a description, stored as JSON in the user config folder."""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from intake_app.errors import IntakeError

ENV_CONFIG_DIR = "INTAKE_APP_CONFIG_DIR"
PAGE_SIZES = ("auto", "A4", "Letter")


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "desk"


@dataclass(frozen=True)
class Settings:
    clinic_name: str = field(default="Foot & Spine Clinic", metadata={"description": "Printed on every report."})
    clinic_address: str = field(default="", metadata={"description": "Clinic address for the report header."})
    clinic_phone: str = field(default="", metadata={"description": "Phone number patients and specialists call."})
    page_size: str = field(
        default="auto", metadata={"description": "Paper for reports: auto (from the locale), A4 or Letter."}
    )
    autosave_seconds: int = field(
        default=5, metadata={"description": "How often an open draft is saved automatically (seconds, 2-120)."}
    )
    desk_user: str = field(
        default_factory=_login_name,
        metadata={"description": "Name recorded when a red-flag banner is acknowledged."},
    )

    def validated(self) -> Settings:
        if self.page_size not in PAGE_SIZES:
            raise IntakeError(f"Setting page_size must be one of {', '.join(PAGE_SIZES)}.")
        if not 2 <= self.autosave_seconds <= 120:
            raise IntakeError("Setting autosave_seconds must be between 2 and 120.")
        return self


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("intake-app", appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Settings from disk; unknown keys are ignored, a broken file is an IntakeError naming it."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IntakeError(f"The settings file {path} cannot be read ({type(exc).__name__}).",
                          hint="Fix or delete it; defaults are used when it is absent.") from None
    if not isinstance(data, dict):
        raise IntakeError(f"The settings file {path} must hold a JSON object.")
    known = {f.name: f for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        expected = int if key == "autosave_seconds" else str
        if not isinstance(value, expected) or isinstance(value, bool):
            raise IntakeError(f"The settings file {path}: {key} must be {expected.__name__}.")
        values[key] = value
    return replace(Settings(), **values).validated()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    path = path or settings_path()
    settings.validated()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(settings), indent=2, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise IntakeError(f"The settings cannot be saved to {path} ({exc.strerror}).") from None


def describe_settings() -> list[tuple[str, str]]:
    """(name, description) for every setting, e.g. to build a preferences page."""
    return [(f.name, str(f.metadata.get("description", ""))) for f in fields(Settings)]
