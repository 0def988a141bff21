"""PDF reports built from an intake document and its assessment: referral summary and handout.

Plain Python and reportlab: nothing here knows about Qt or the database. Both builders return
the PDF as bytes; the caller decides where it goes (a file, a print dialog, a preview). The
handout is written in the patient's language: `build_handout(..., language="es")` (or "en"; None:
the patient's preferred language when it is one of HANDOUT_LANGUAGES, else the clinic's when it
is, else English).
"""

from intake_app.reports.handout import build_handout, handout_language
from intake_app.reports.handout_text import HANDOUT_LANGUAGES
from intake_app.reports.options import PAGE_SIZES, ReportError, ReportOptions, default_page_size
from intake_app.reports.referral import build_referral

__all__ = [
    "HANDOUT_LANGUAGES",
    "PAGE_SIZES",
    "ReportError",
    "ReportOptions",
    "build_handout",
    "build_referral",
    "default_page_size",
    "handout_language",
]
