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
