"""Clinic options and the paper size a clinic gets by default."""

from __future__ import annotations

import dataclasses

import pytest

from intake_app.reports import ReportError, ReportOptions, default_page_size


@pytest.mark.parametrize(
    ("locale_name", "expected"),
    [
        ("en_US.UTF-8", "Letter"),
        ("en_CA.UTF-8", "Letter"),
        ("fr_CA", "Letter"),
        ("es_MX.utf8", "Letter"),
        ("en_PH", "Letter"),
        ("fil_PH.UTF-8", "Letter"),
        ("es_CL.UTF-8", "Letter"),
        ("en-US", "Letter"),
        ("English_United States", "Letter"),
        ("en_GB.UTF-8", "A4"),
        ("de_DE@euro", "A4"),
        ("fr_FR", "A4"),
        ("ja_JP.UTF-8", "A4"),
        ("en_AU", "A4"),
        ("C", "A4"),
        ("", "A4"),
    ],
)
def test_the_default_paper_follows_the_locale_territory(locale_name: str, expected: str) -> None:
    assert default_page_size(locale_name) == expected


@pytest.mark.parametrize(("variable", "value", "expected"), [
    ("LC_ALL", "en_US.UTF-8", "Letter"),
    ("LC_PAPER", "es_MX.UTF-8", "Letter"),
    ("LANG", "en_GB.UTF-8", "A4"),
])
def test_the_process_locale_is_used_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, value)
    assert default_page_size() == expected
    assert ReportOptions("Clinic").page_size == expected


def test_options_are_frozen_and_check_the_paper_name() -> None:
    options = ReportOptions("Clinic", "1 Road", "000", "Letter")
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.page_size = "A4"  # type: ignore[misc]
    with pytest.raises(ReportError, match="A4 or Letter"):
        ReportOptions("Clinic", page_size="A5")


def test_options_for_a_locale() -> None:
    assert ReportOptions.for_locale("Clinic", locale_name="en_US.UTF-8").page_size == "Letter"
    assert ReportOptions.for_locale("Clinic", locale_name="nl_NL.UTF-8").page_size == "A4"


def test_options_from_settings_with_per_letter_overrides() -> None:
    from intake_app.settings import Settings

    settings = Settings(clinic_name="Hillside", clinic_phone="0100", clinic_hours="9-5", country="GB",
                        referrer_name="Sam Okafor", referrer_role="Physiotherapist", referrer_phone="0200",
                        page_size="A4", large_print=True)
    options = ReportOptions.from_settings(settings)
    assert (options.emergency_number, options.emergency_department) == ("999", "A&E")
    assert options.referrer_name == "Sam Okafor" and options.large_print and options.clinic_hours == "9-5"
    letter = ReportOptions.from_settings(settings, referrer_name="Dr Haddad", revision=2)
    assert letter.referrer_name == "Dr Haddad" and letter.revision == 2 and letter.referrer_phone == "0200"
    with pytest.raises(ReportError, match="Unknown report option"):
        ReportOptions.from_settings(settings, referer="typo")


def test_a_revision_below_one_and_an_overlong_referrer_are_refused() -> None:
    with pytest.raises(ReportError, match="revision"):
        ReportOptions("Clinic", page_size="A4", revision=0)
    with pytest.raises(ReportError, match="Referrer's name"):
        ReportOptions("Clinic", page_size="A4", referrer_name="x" * 1000)
