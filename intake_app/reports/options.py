"""What a clinic sets once for its printouts: its own details and the paper size."""

from __future__ import annotations

import datetime as dt
import locale
import os
from dataclasses import dataclass, field
from typing import Literal

from intake_app.errors import IntakeError

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
    """The clinic's details printed on every report, and the paper size.

    `page_size` is "A4" or "Letter" (checked here, since it usually comes from settings text);
    `generated_at` fixes the "generated" timestamp (tests, reprints); None means now.
    """

    clinic_name: str
    clinic_address: str = ""
    clinic_phone: str = ""
    page_size: str = field(default_factory=default_page_size)
    generated_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.page_size not in PAGE_SIZES:
            raise ReportError(f"Unknown page size {self.page_size!r}; choose A4 or Letter.")

    @classmethod
    def for_locale(
        cls, clinic_name: str, clinic_address: str = "", clinic_phone: str = "", *, locale_name: str
    ) -> ReportOptions:
        """Options whose page size follows the given locale, e.g. "en_US.UTF-8" -> Letter."""
        return cls(clinic_name, clinic_address, clinic_phone, default_page_size(locale_name))
