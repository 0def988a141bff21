"""The printouts: report options from the clinic's settings and the PDF bytes (no database needed).

Who builds the bytes can be chosen per thread (`built_by`): the window has its PDFs built in a helper
process (gui/report_process.py), so that reportlab's pure-Python work never takes Python's lock from the
window's thread, while every request still goes through the clinic (its access checks) as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from intake_app.domain import IntakeDocument
from intake_app.errors import IntakeError
from intake_app.services.results import screen
from intake_app.settings import Settings
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.reports import ReportOptions
    from intake_app.screening.model import Assessment

#: Builds a report elsewhere: (kind, document, settings, assessment, language, overrides) -> PDF bytes.
Builder = Callable[[str, IntakeDocument, Settings, "Assessment | None", "str | None", Mapping[str, Any]], bytes]

_builder: ContextVar[Builder | None] = ContextVar("report_builder", default=None)


@contextmanager
def built_by(builder: Builder) -> Iterator[None]:
    """Reports asked for in this context (this thread, until the block ends) are built by `builder`, given
    exactly what `build_report_pdf` was given, instead of here."""
    token = _builder.set(builder)
    try:
        yield
    finally:
        _builder.reset(token)


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
    prints "amended (revision 2)"). Built by the context's builder when one is set (`built_by`)."""
    _check_kind(kind)
    builder = _builder.get()
    if builder is not None:
        return builder(kind, document, settings, assessment, language, overrides)
    return build_here(kind, document, settings, assessment, language=language, **overrides)


def _check_kind(kind: str) -> None:
    if kind not in ("referral", "handout"):
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "Unknown report {what}; it is a referral or a handout."),
                          params={"what": repr(kind)})


def build_here(
    kind: str, document: IntakeDocument, settings: Settings, assessment: Assessment | None = None, *,
    language: str | None = None, **overrides: Any,
) -> bytes:
    """`build_report_pdf` in this thread, whatever builder the context has."""
    from intake_app.reports import build_handout, build_referral

    _check_kind(kind)
    options = report_options(settings, **overrides)
    result = assessment or screen(document, settings)
    if kind == "handout":
        return bytes(build_handout(document, result, options, language=language))
    return bytes(build_referral(document, result, options, language=language))
