"""The printouts: report options from the clinic's settings and the PDF bytes (no database needed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument
from intake_app.errors import IntakeError
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
    kind: str, document: IntakeDocument, settings: Settings, assessment: Assessment | None = None, *,
    language: str | None = None, **overrides: Any,
) -> bytes:
    """The referral summary ("referral") or patient handout ("handout") as PDF bytes; needs no database.

    The assessment (when not given) is made with the clinic's emergency department name; `language`
    ("en", "es") is the document's: for the handout None means the patient's preferred language, else
    the clinic's; for the referral (written for the receiving clinician) None means the clinic's
    language (`clinic_language`), else English. `overrides` change this print only (e.g. revision=2
    prints "amended (revision 2)")."""
    from intake_app.reports import build_handout, build_referral

    if kind not in ("referral", "handout"):
        raise IntakeError(f"Unknown report {kind!r}; it is a referral or a handout.")
    options = report_options(settings, **overrides)
    result = assessment or screen(document, settings)
    if kind == "handout":
        return bytes(build_handout(document, result, options, language=language))
    return bytes(build_referral(document, result, options, language=language))
