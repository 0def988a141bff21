"""Typed application settings, each with a label, a description and a length limit, stored as JSON.

A settings dialog can build itself from `dataclasses.fields(Settings)` and `describe_settings()`;
until it exists the file is edited by hand (docs/settings.md lists every key). Emergency number and
the local name of the emergency department default by the clinic's country.
"""

from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from intake_app.errors import IntakeError, Phrase, phrase
from intake_app.translation_marks import QT_TRANSLATE_NOOP

ENV_CONFIG_DIR = "INTAKE_APP_CONFIG_DIR"
PAGE_SIZES = ("auto", "A4", "Letter")
# A settings file is a few hundred bytes; anything much larger was not written by hand or by us.
MAX_FILE_BYTES = 64 * 1024


@dataclass(frozen=True)
class EmergencyDefaults:
    number: str
    department: str

    @property
    def department_phrase(self) -> str:
        """The department's name as it reads inside a sentence ("go to ..."): "A&E",
        "the ER (emergency room)", "the emergency department". Pass it to screening.assess."""
        return with_article(self.department)


def with_article(name: str) -> str:
    """"the emergency department", "the ER"; "A&E" and names already starting with "the" as they are."""
    name = name.strip()
    if "&" in name or name.casefold().startswith("the "):
        return name
    return f"the {name}"


# The emergency number and what people there call the emergency department, by ISO country code.
COUNTRY_EMERGENCY: dict[str, EmergencyDefaults] = {
    "GB": EmergencyDefaults("999", "A&E"),
    "IE": EmergencyDefaults("112", "emergency department"),
    "US": EmergencyDefaults("911", "ER (emergency room)"),
    "CA": EmergencyDefaults("911", "emergency room"),
    "AU": EmergencyDefaults("000", "emergency department"),
    "NZ": EmergencyDefaults("111", "emergency department"),
    "IN": EmergencyDefaults("112", "emergency department"),
    "ZA": EmergencyDefaults("112", "emergency unit"),
}
# The number that works on any mobile phone in the EU and most of the world.
DEFAULT_EMERGENCY = EmergencyDefaults("112", "emergency department")


def _setting(default: Any, label: str, description: str, max_length: int | None = None) -> Any:
    metadata: dict[str, Any] = {"label": label, "description": description}
    if max_length is not None:
        metadata["max_length"] = max_length
    if callable(default):
        return field(default_factory=default, metadata=metadata)
    return field(default=default, metadata=metadata)


# Labels and descriptions are English (docs/settings.md, audit details); the settings dialogs show them
# through QCoreApplication.translate("Setting", ...).
@dataclass(frozen=True)
class Settings:
    clinic_name: str = _setting("Foot & Spine Clinic", QT_TRANSLATE_NOOP("Setting", "Clinic name"),
                                QT_TRANSLATE_NOOP("Setting", "Printed on every report."), 120)
    clinic_address: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Clinic address"),
        QT_TRANSLATE_NOOP("Setting", "Clinic address for the letter head; line breaks are kept."), 300)
    clinic_phone: str = _setting("", QT_TRANSLATE_NOOP("Setting", "Clinic phone"),
                                 QT_TRANSLATE_NOOP("Setting", "Phone number patients and specialists call."), 40)
    clinic_hours: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Opening hours"),
        QT_TRANSLATE_NOOP("Setting", "When the clinic answers the phone, printed on the handout (e.g. Mon-Fri 8-18)."),
        120)
    country: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Country"),
        QT_TRANSLATE_NOOP("Setting", "Two-letter country code (GB, US, CA, IE, AU, DE...); sets the default "
                          "emergency number and the local name of the emergency department. Empty: from the "
                          "computer's locale."), 2)
    clinic_language: str = _setting(
        "en", QT_TRANSLATE_NOOP("Setting", "Clinic language"),
        QT_TRANSLATE_NOOP("Setting", "The language the clinic writes in (e.g. en); an interpreter is suggested "
                          "on the letter when the patient prefers another."), 35)
    referrer_name: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Referrer's name"),
        QT_TRANSLATE_NOOP("Setting", "The referring person printed in the letter's From block (editable per "
                          "letter)."), 100)
    referrer_role: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Referrer's role"),
        QT_TRANSLATE_NOOP("Setting", "Their role, e.g. Advanced practice physiotherapist (editable per letter)."), 80)
    referrer_phone: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Referrer's direct phone"),
        QT_TRANSLATE_NOOP("Setting", "A direct line the specialist can call back (editable per letter)."), 40)
    emergency_number: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Emergency number"),
        QT_TRANSLATE_NOOP("Setting", "The number to call in an emergency. Empty: the country's number (999, 911, "
                          "112...)."), 15)
    emergency_department_name: str = _setting(
        "", QT_TRANSLATE_NOOP("Setting", "Emergency department name"),
        QT_TRANSLATE_NOOP("Setting", "What patients call the emergency department locally. Empty: the country's "
                          "usual name (A&E, ER...)."), 60)
    page_size: str = _setting("auto", QT_TRANSLATE_NOOP("Setting", "Paper size"),
                              QT_TRANSLATE_NOOP("Setting", "Paper for reports: auto (from the locale), A4 or Letter."))
    large_print: bool = _setting(False, QT_TRANSLATE_NOOP("Setting", "Large print"),
                                 QT_TRANSLATE_NOOP("Setting", "Print handouts in large type (18 pt) by default."))
    autosave_seconds: int = _setting(
        5, QT_TRANSLATE_NOOP("Setting", "Autosave interval"),
        QT_TRANSLATE_NOOP("Setting", "How often an open draft is saved automatically (seconds, 2-120)."))
    idle_minutes: int = _setting(
        5, QT_TRANSLATE_NOOP("Setting", "Idle lock"),
        QT_TRANSLATE_NOOP("Setting", "Minutes without a key press or click after which the window hides patient "
                          "data behind the lock screen (1-60; a clinic setting, measured by the wall clock)."))
    outcome_due_weeks: int = _setting(
        6, QT_TRANSLATE_NOOP("Setting", "Outcome due after"),
        QT_TRANSLATE_NOOP("Setting", "Weeks after a referred intake was completed before it shows as "
                          "\u201coutcome due\u201d to clinicians (1-52)."))

    def validated(self) -> Settings:
        """The settings themselves when every value is allowed; else an IntakeError naming the setting."""
        for f in fields(self):
            value = getattr(self, f.name)
            label = f.metadata["label"]
            limit = f.metadata.get("max_length")
            if isinstance(value, str) and limit is not None and len(value) > limit:
                raise IntakeError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError", "The setting “{label}” is too long ({count} characters; at most {limit})."
                    ),
                    hint=QT_TRANSLATE_NOOP("IntakeError", "Shorten it; nothing was changed."),
                    params={"label": Phrase.word("Setting", label), "count": f"{len(value):,}", "limit": limit},
                )
            if isinstance(value, str) and any(ord(c) < 32 and c not in "\n\t" for c in value):
                raise IntakeError(
                    QT_TRANSLATE_NOOP("IntakeError", "The setting “{label}” holds a control character."),
                    hint=QT_TRANSLATE_NOOP("IntakeError", "Retype it; nothing was changed."),
                    params={"label": Phrase.word("Setting", label)},
                )
        if self.page_size not in PAGE_SIZES:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The setting “Paper size” must be one of {sizes}."),
                params={"sizes": ", ".join(PAGE_SIZES)},
            )
        if not 1 <= self.idle_minutes <= 60:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The setting “Idle lock” must be between 1 and 60 minutes.")
            )
        if not 1 <= self.outcome_due_weeks <= 52:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The setting “Outcome due after” must be between 1 and 52 weeks.")
            )
        if not 2 <= self.autosave_seconds <= 120:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The setting “Autosave interval” must be between 2 and 120 seconds.")
            )
        if self.country and not (len(self.country) == 2 and self.country.isascii() and self.country.isalpha()):
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "The setting “Country” must be a two-letter code such as GB or US, or empty."
                )
            )
        if self.emergency_number and not all(c.isdigit() or c in " -" for c in self.emergency_number):
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "The setting “Emergency number” may hold only digits, spaces and dashes."
                )
            )
        return self

    def country_code(self) -> str:
        """The clinic's country: the setting, else the computer's locale territory, else empty."""
        if self.country:
            return self.country.upper()
        return locale_territory()

    def emergency(self) -> EmergencyDefaults:
        """The emergency number and department name to print: the settings, else the country's."""
        defaults = COUNTRY_EMERGENCY.get(self.country_code(), DEFAULT_EMERGENCY)
        return EmergencyDefaults(self.emergency_number.strip() or defaults.number,
                                 self.emergency_department_name.strip() or defaults.department)


# The clinic-wide settings: kept in the database, changed by administrators only (audited), the same at
# every desk. The rest (large print, autosave) are this desk's own preferences in its settings file.
CLINIC_FIELDS: tuple[str, ...] = (
    "clinic_name", "clinic_address", "clinic_phone", "clinic_hours", "country", "clinic_language",
    "referrer_name", "referrer_role", "referrer_phone", "emergency_number", "emergency_department_name",
    "page_size", "idle_minutes", "outcome_due_weeks",
)
DESK_FIELDS: tuple[str, ...] = ("large_print", "autosave_seconds")


def with_clinic_values(settings: Settings, values: dict[str, Any]) -> Settings:
    """`settings` with the clinic-wide values from the database laid over them. A stored value that breaks
    a rule (changed by hand in the database) is skipped, leaving the desk's own value."""
    result = settings
    for name, value in values.items():
        if name not in CLINIC_FIELDS:
            continue
        try:
            result = replace(result, **{name: check_value(name, value, phrase(""))}).validated()
        except IntakeError:
            continue
    return result


def locale_territory() -> str:
    """"GB" for en_GB.UTF-8; empty when the locale names no territory."""
    name = ""
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            name = value
            break
    if not name:
        try:
            name = locale.getlocale()[0] or ""
        except ValueError:
            name = ""
    base = name.split(".", 1)[0].split("@", 1)[0]
    for sep in ("_", "-"):
        if sep in base:
            territory = base.split(sep, 1)[1].strip()
            return territory.upper() if len(territory) == 2 else ""
    return ""


def setting_label(name: str) -> str:
    return str(next(f.metadata["label"] for f in fields(Settings) if f.name == name))


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("intake-app", appauthor=False)


def settings_path() -> Path:
    return config_dir() / "settings.json"


def expected_type(name: str) -> type:
    """The JSON type a setting takes (int, bool or str)."""
    return {"autosave_seconds": int, "idle_minutes": int, "outcome_due_weeks": int, "large_print": bool}.get(name, str)


def check_value(name: str, value: Any, where: str) -> Any:
    """`value` when it has the setting's type; else an IntakeError naming the setting (and `where`)."""
    expected = expected_type(name)
    if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
        kind = {int: QT_TRANSLATE_NOOP("IntakeError", "a whole number"),
                bool: QT_TRANSLATE_NOOP("IntakeError", "true or false"),
                str: QT_TRANSLATE_NOOP("IntakeError", "text")}[expected]
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{where}“{setting}” must be {kind}."),
            params={"where": where, "setting": Phrase.word("Setting", setting_label(name)), "kind": phrase(kind)},
        )
    return value


def load_settings(path: Path | None = None) -> Settings:
    """Settings from disk; unknown keys are ignored, a broken file is an IntakeError naming it."""
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The settings file {path} is too large to be a settings file."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Fix or delete it; defaults are used when it is absent."),
                params={"path": path},
            )
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The settings file {path} cannot be read ({reason})."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Fix or delete it; defaults are used when it is absent."),
            params={"path": path, "reason": type(exc).__name__},
        ) from None
    if not isinstance(data, dict):
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The settings file {path} must hold a JSON object."), params={"path": path}
        )
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue
        values[key] = check_value(key, value, phrase(QT_TRANSLATE_NOOP("IntakeError", "The settings file {path}: "),
                                                     {"path": path}))

    return replace(Settings(), **values).validated()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (0600 file in a 0700 folder); a bad value changes nothing."""
    from intake_app.files import atomic_write_bytes

    path = path or settings_path()
    settings.validated()
    data = json.dumps(asdict(settings), indent=2, ensure_ascii=False).encode("utf-8")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The settings cannot be saved to {path} ({strerror})."),
            params={"path": path, "strerror": exc.strerror},
        ) from None
    try:
        atomic_write_bytes(path, data, overwrite=True)
    except OSError as exc:
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "The settings cannot be saved to {path} ({strerror})."),
            params={"path": path, "strerror": exc.strerror},
        ) from None


def describe_settings() -> list[tuple[str, str]]:
    """(name, description) for every setting, e.g. to build a preferences page."""
    return [(f.name, str(f.metadata.get("description", ""))) for f in fields(Settings)]


def settings_reference() -> str:
    """docs/settings.md: every key of the settings file, its label, type, default and limit."""
    lines = [
        "# Settings",
        "",
        "Generated from `intake_app/settings.py` by `python -m intake_app.settings`; a test keeps it current.",
        "",
        "Clinic settings (\"clinic\" below) are the same at every desk: they are kept in the database and "
        "only an administrator changes them (each change is recorded in the audit trail by setting name). "
        "A desk's own preferences (\"desk\") live in `settings.json` in the user's config folder (or the "
        f"folder named by the `{ENV_CONFIG_DIR}` environment variable); a clinic setting in that file is used "
        "only until an administrator sets it in the database. Who is recorded in the audit trail is always "
        "the signed-in account, never a setting. Keys not listed here are ignored; a value that breaks a rule "
        "is refused with a message naming the setting, and nothing is changed.",
        "",
        "| key | label | kept | type | default | limit | what it does |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in fields(Settings):
        kind = expected_type(f.name).__name__
        default = json.dumps(f.default, ensure_ascii=False)
        limit = f"{f.metadata['max_length']} characters" if "max_length" in f.metadata else ""
        kept = "clinic" if f.name in CLINIC_FIELDS else "desk"
        lines.append(f"| `{f.name}` | {f.metadata['label']} | {kept} | {kind} | `{default}` | {limit} | "
                     f"{f.metadata['description']} |")
    lines += ["", "Emergency defaults by country (used when the two emergency settings are empty):", "",
              "| country | number | emergency department |", "|---|---|---|"]
    for code, item in COUNTRY_EMERGENCY.items():
        lines.append(f"| {code} | {item.number} | {item.department} |")
    lines.append(f"| any other | {DEFAULT_EMERGENCY.number} | {DEFAULT_EMERGENCY.department} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(settings_reference(), end="")
