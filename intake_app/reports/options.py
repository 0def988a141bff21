"""What a clinic sets once for its printouts (its details, the referrer, the emergency number, the
paper) and what one print may change (referrer, revision, large print)."""

from __future__ import annotations

import datetime as dt
import locale
import os
from dataclasses import dataclass, field, fields, replace
from typing import Literal

from intake_app.errors import IntakeError, Phrase
from intake_app.settings import DEFAULT_EMERGENCY, Settings, setting_label
from intake_app.translation_marks import QT_TRANSLATE_NOOP

PageSizeName = Literal["A4", "Letter"]
PAGE_SIZES: tuple[PageSizeName, ...] = ("A4", "Letter")

# Territories whose printers are loaded with US Letter (the rest of the world uses A4).
LETTER_TERRITORIES = frozenset(
    {"US", "CA", "MX", "PH", "PR", "CL", "CO", "VE", "CR", "GT", "DO", "PA", "SV", "NI", "BZ", "HN"}
)
# Windows spells the territory out ("English_United States").
_LETTER_TERRITORY_NAMES = frozenset(
    {"united states", "canada", "mexico", "philippines", "puerto rico", "chile", "colombia",
     "venezuela", "costa rica", "guatemala", "dominican republic", "panama", "el salvador",
     "nicaragua", "belize", "honduras"}
)


class ReportError(IntakeError):
    """A report could not be built from the given options or data."""


def _territory(locale_name: str) -> str:
    name = locale_name.split(".", 1)[0].split("@", 1)[0]
    for sep in ("_", "-"):
        if sep in name:
            return name.split(sep, 1)[1].strip()
    return ""


def _current_locale() -> str:
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(variable, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return value
    try:
        return locale.getlocale()[0] or ""
    except ValueError:
        return ""


def default_page_size(locale_name: str | None = None) -> PageSizeName:
    """Letter where the locale's territory uses it (US, Canada, Mexico, Philippines...), else A4.

    With no argument the process locale is used (LC_ALL, LC_PAPER, LANG, then Python's locale).
    """
    territory = _territory(locale_name if locale_name is not None else _current_locale())
    if territory.upper() in LETTER_TERRITORIES or territory.casefold() in _LETTER_TERRITORY_NAMES:
        return "Letter"
    return "A4"


@dataclass(frozen=True)
class ReportOptions:
    """What a clinic prints on every report, the paper, and this print's own choices.

    `page_size` is "A4" or "Letter" (checked here, since it usually comes from settings text);
    `generated_at` fixes the "generated" timestamp (tests, reprints); None means now. The referrer
    (name, role, direct phone) comes from settings and can be changed for one letter; `revision`
    above 1 prints "amended (revision N)"; `large_print` sets the handout in 18 pt type.
    `emergency_number` and `emergency_department` are what the handout tells a patient to call and
    where to go (settings, with defaults by the clinic's country).
    """

    clinic_name: str
    clinic_address: str = ""
    clinic_phone: str = ""
    page_size: str = field(default_factory=default_page_size)
    generated_at: dt.datetime | None = None
    clinic_hours: str = ""
    referrer_name: str = ""
    referrer_role: str = ""
    referrer_phone: str = ""
    emergency_number: str = DEFAULT_EMERGENCY.number
    emergency_department: str = DEFAULT_EMERGENCY.department
    clinic_language: str = "en"
    large_print: bool = False
    revision: int = 1

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ReportError(
                QT_TRANSLATE_NOOP("IntakeError", "Unknown page size {page_size}; choose A4 or Letter."),
                params={"page_size": repr(self.page_size)},
            )
        if self.revision < 1:
            raise ReportError(QT_TRANSLATE_NOOP("IntakeError", "A revision number starts at 1."))
        limits = {f.name: f.metadata.get("max_length") for f in fields(Settings)}
        for name, setting in (("clinic_name", "clinic_name"), ("clinic_address", "clinic_address"),
                              ("clinic_phone", "clinic_phone"), ("clinic_hours", "clinic_hours"),
                              ("referrer_name", "referrer_name"), ("referrer_role", "referrer_role"),
                              ("referrer_phone", "referrer_phone"), ("emergency_number", "emergency_number"),
                              ("emergency_department", "emergency_department_name")):
            limit = limits.get(setting)
            value = getattr(self, name)
            if limit and len(value) > limit:
                raise ReportError(
                    QT_TRANSLATE_NOOP(
                        "IntakeError",
                        "The “{setting_label}” for this report is too long ({count} characters; at most {limit}).",
                    ),
                    params={
                        "setting_label": Phrase.word("Setting", setting_label(setting)),
                        "count": f"{len(value):,}",
                        "limit": limit,
                    },
                )

    @classmethod
    def for_locale(
        cls, clinic_name: str, clinic_address: str = "", clinic_phone: str = "", *, locale_name: str
    ) -> ReportOptions:
        """Options whose page size follows the given locale, e.g. "en_US.UTF-8" -> Letter."""
        return cls(clinic_name, clinic_address, clinic_phone, default_page_size(locale_name))

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> ReportOptions:
        """Options from the clinic's settings; `overrides` change one print (referrer_name,
        referrer_role, referrer_phone, large_print, revision, generated_at, page_size...)."""
        emergency = settings.emergency()
        values: dict[str, object] = {
            "clinic_name": settings.clinic_name,
            "clinic_address": settings.clinic_address,
            "clinic_phone": settings.clinic_phone,
            "page_size": settings.page_size if settings.page_size != "auto" else default_page_size(),
            "clinic_hours": settings.clinic_hours,
            "referrer_name": settings.referrer_name,
            "referrer_role": settings.referrer_role,
            "referrer_phone": settings.referrer_phone,
            "emergency_number": emergency.number,
            "emergency_department": emergency.department,
            "clinic_language": settings.clinic_language,
            "large_print": settings.large_print,
        }
        unknown = set(overrides) - {f.name for f in fields(cls)}
        if unknown:
            raise ReportError(
                QT_TRANSLATE_NOOP("IntakeError", "Unknown report option(s): {options}."),
                params={"options": ", ".join(sorted(unknown))},
            )
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]

    def per_letter(self, **changes: object) -> ReportOptions:
        """The same options with one letter's changes (referrer, revision, large print)."""
        return replace(self, **changes)  # type: ignore[arg-type]
