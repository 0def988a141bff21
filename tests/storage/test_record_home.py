"""Issue 15 item 8: the records the GUI reads, and the search-date parser, live in the domain (no storage,
no SQLAlchemy needed to read them); storage re-exports the same objects."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import intake_app.domain.records as domain_records
import intake_app.storage as storage
from intake_app.domain.dates import parse_search_date
from intake_app.storage import records as storage_records
from intake_app.storage import search


def test_storage_hands_out_the_domain_records() -> None:
    for name in ("PatientRecord", "IntakeRecord", "IntakeSummary", "RecallEntry", "StoredAssessment"):
        assert getattr(storage, name) is getattr(domain_records, name)
        assert getattr(storage_records, name) is getattr(domain_records, name)
        assert getattr(domain_records, name).__module__ == "intake_app.domain.records"


def test_search_dates_come_from_the_domain() -> None:
    assert search.parse_search_date is parse_search_date
    assert parse_search_date("03.02.1970") == dt.date(1970, 2, 3)
    assert parse_search_date("1970-02-30") is None


def test_the_domain_records_import_without_sqlalchemy() -> None:
    code = ("import sys; sys.modules['sqlalchemy'] = None; sys.modules['intake_app.storage'] = None; "
            "from intake_app.domain.records import IntakeRecord, IntakeSummary, PatientRecord; "
            "from intake_app.domain.dates import parse_search_date; print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr[-500:]
