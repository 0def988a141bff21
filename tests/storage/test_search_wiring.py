"""The repository's patient search goes through the search planner (storage/search.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from intake_app.domain import Patient
from intake_app.services import Clinic
from intake_app.storage import search


def test_repository_search_uses_the_planned_search(clinic: Clinic, monkeypatch: pytest.MonkeyPatch) -> None:
    clinic.register_patient(Patient("Planner", "Ada", dt.date(1970, 1, 2), "female", "", "P-1"))
    clinic.register_patient(Patient("Plank", "Bo", dt.date(1971, 1, 2), "male", "", "P-2"))
    calls: list[tuple[str, dict[str, Any]]] = []
    planned = search.search_patients

    def spy(session: Any, query: str, **kwargs: Any) -> Any:
        calls.append((query, kwargs))
        return planned(session, query, **kwargs)

    monkeypatch.setattr(search, "search_patients", spy)
    found = clinic.search_patients("plan", limit=5, offset=0, sort="name", descending=True)
    assert [r.patient.family_name for r in found] == ["Planner", "Plank"]
    assert calls == [("plan", {"limit": 5, "offset": 0, "sort": "name", "descending": True})]
