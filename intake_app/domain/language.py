"""Languages of the questionnaire's wording and of patient mode, and the translated text type.

Every display text of a questionnaire file (titles, labels, short labels, help, options, regions,
sides, units) may be a plain string (English) or a mapping `{en: ..., es: ...}`. It is read into a
`Text`: a `str` whose value is the English wording (so every caller that treats a label as text keeps
working unchanged) and which also answers `text("es")`. A missing translation falls back to English;
`tests/domain/test_translations.py` makes sure none is missing in an installed questionnaire.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

ENGLISH = "en"
SPANISH = "es"
# The languages every questionnaire text and every patient-mode string is written in.
LANGUAGES: tuple[str, ...] = (ENGLISH, SPANISH)
# Each language named in itself, as the patient picks it on the first page of patient mode.
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({ENGLISH: "English", SPANISH: "Español"})


def check_language(language: str) -> str:
    """The language code itself when it is one of LANGUAGES, else ValueError naming it."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {list(LANGUAGES)}")
    return language


class Text(str):
    """Display text: its `str` value is the English wording; `text(language)` gives a translation.

    Equality and hashing are those of the English text, so translations never change what a
    questionnaire's fingerprint (the meaning of its answers) is.
    """

    _translations: Mapping[str, str]

    def __new__(cls, english: str = "", translations: Mapping[str, str] | None = None) -> Text:
        obj = super().__new__(cls, english)
        merged = dict(translations or {})
        merged[ENGLISH] = str(english)
        obj._translations = MappingProxyType(merged)
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Text, (str(self), dict(self._translations)))

    def text(self, language: str = ENGLISH) -> str:
        """The wording in `language`, or the English wording when it has no translation."""
        return self._translations.get(language) or str(self)

    def has(self, language: str) -> bool:
        """Whether a non-blank wording in `language` is given."""
        return bool(self._translations.get(language, "").strip())

    @property
    def translations(self) -> Mapping[str, str]:
        """Every wording given, by language code ("en" always present)."""
        return self._translations


def as_text(value: str | Text) -> Text:
    """A Text for `value` (a plain string becomes English-only text)."""
    return value if isinstance(value, Text) else Text(str(value))


def text_in(value: str | Text, language: str = ENGLISH) -> str:
    """`value` in `language`: a Text's translation, or a plain string as it is."""
    return value.text(language) if isinstance(value, Text) else str(value)


def coerce_texts(obj: object, names: tuple[str, ...]) -> None:
    """Make the named fields of a frozen dataclass Text (a plain string becomes English-only)."""
    for name in names:
        value = getattr(obj, name)
        if not isinstance(value, Text):
            object.__setattr__(obj, name, as_text(value))
