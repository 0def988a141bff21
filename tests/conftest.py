"""Shared fixtures. Every test runs with its own data, config and database locations, so the real
user data folder is never touched; all people in fixtures are synthetic."""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

TODAY = dt.date.today()

# GUI tests run on an offscreen screen the size of the smallest front-desk monitor we support.
if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name('offscreen-1366x768.json')}"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("INTAKE_APP_CONFIG_DIR", str(home / "config"))
    monkeypatch.delenv("INTAKE_APP_DATABASE_URL", raising=False)
    return home


def synthetic_document(**answers: Any) -> dict[str, Any]:
    """A valid intake document for a made-up patient, aged 46 on the visit date."""
    visit = TODAY - dt.timedelta(days=1)
    born = dt.date(visit.year - 46, 1, 15) if (visit.month, visit.day) >= (1, 15) else dt.date(visit.year - 47, 1, 15)
    base: dict[str, Any] = {
        "format": "intake-document/1",
        "questionnaire": "foot-leg-intake/1",
        "patient": {
            "family_name": "Testperson",
            "given_name": "Alex",
            "date_of_birth": born.isoformat(),
            "sex": "female",
            "phone": "0700 000001",
            "mrn": "SYN-0001",
        },
        "visit_date": visit.isoformat(),
        "answers": {"age_years": 46},
    }
    base["answers"].update(answers)
    return base


FULL_ANSWERS: dict[str, Any] = {
    "pain": {"right": ["buttock", "back_of_thigh", "calf", "top_of_foot"]},
    "tingling": {"right": ["top_of_foot", "big_toe"]},
    "radiates_to": {"right": "foot", "left": "none"},
    "weakness": {"right": "none"},
    "pain_score_0_10": 7,
    "pain_character": ["shooting_electric", "burning"],
    "onset": "gradual",
    "duration_days": 21,
    "trauma": "none",
    "worse_with": ["sitting", "cough_sneeze_strain"],
    "better_with": ["walking_about"],
    "walking_distance_consistent": "n/a",
    "back_pain": "moderate",
    "back_pain_new": "yes",
    "first_back_episode": "no",
    "leg_vs_back": "leg_worse",
    "back_conditions": ["herniated_disc"],
    "back_surgery": "none",
    "rf_saddle_numbness": "no",
    "rf_bladder_change": "no",
    "rf_bowel_change": "no",
    "rf_sexual_dysfunction": "no",
    "rf_bilateral_leg_symptoms": "no",
    "rf_fever_or_unwell": "no",
    "rf_infection_risk": "no",
    "rf_cancer_history": "no",
    "rf_weight_loss_unexplained": "no",
    "rf_night_pain_constant": "no",
    "rf_osteoporosis_or_steroids": "no",
    "diabetes": "no",
    "smoker": "no",
    "known_circulation_problem": "no",
    "sock_distribution": "n/a",
    "foot_red_hot_swollen": "no",
    "foot_cold_or_pale": "no",
    "foot_ulcer_or_rest_pain": "no",
    "can_bear_weight": "yes",
    "bony_spot_tender": "no",
    "recent_activity_increase": "no",
    "inner_ankle_tap_tingles": "no",
}


@pytest.fixture
def full_document() -> dict[str, Any]:
    return synthetic_document(**copy.deepcopy(FULL_ANSWERS))


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'intake-test.db'}"


@pytest.fixture
def clinic(database_url: str) -> Iterator[Any]:
    from intake_app.services import Clinic

    opened = Clinic.open(database_url)
    yield opened
    opened.repository.engine.dispose()
