"""The printouts: report options from the clinic's settings and the PDF bytes (no database needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument
from intake_app.services.results import screen
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.reports import ReportOptions
    from intake_app.screening.model import Assessment

def report_options(settings: Settings, **overrides: Any) -> ReportOptions:
    """What the reports print with: the clinic's settings (details, referrer, emergency number and
    department, paper; "auto" paper follows the locale), and `overrides` for one print (revision,
    referrer_name, large_print...)."""
    from intake_app.reports import ReportOptions

    return ReportOptions.from_settings(settings, **overrides)


def build_report_pdf(
    kind: str, document: IntakeDocument, settings: Settings, assessment: Assessment | None = None,
    **overrides: Any,
) -> bytes:
    """The referral summary ("referral") or patient handout ("handout") as PDF bytes; needs no database.

    The assessment (when not given) is made with the clinic's emergency department name; `overrides`
    change this print only (e.g. revision=2 prints "amended (revision 2)")."""
    from intake_app.reports import build_handout, build_referral

    build = {"referral": build_referral, "handout": build_handout}[kind]
    options = report_options(settings, **overrides)
    return bytes(build(document, assessment or screen(document, settings), options))
