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


PASSWORD = "correct horse battery"
ACCOUNTS = {"front-desk": ("desk", "Dee Desk"), "clinician": ("doctor", "Dr. Cora Clinician"),
            "administrator": ("admin", "Ada Admin")}


def _clinician_signs() -> dict[str, Any]:
    from intake_app.access.passwords import Secret

    return {"clinician": "doctor", "password": Secret(PASSWORD)}


# `clinic.acknowledge_red_flag(intake_id, **CLINICIAN_SIGNS)`: the test clinician countersigns.
CLINICIAN_SIGNS = _clinician_signs()


def fast_passwords() -> Any:
    """Argon2id with tiny costs, so tests sign in quickly (production uses the library's defaults)."""
    from argon2 import PasswordHasher

    from intake_app.access.passwords import Passwords

    return Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def secret(text: str = PASSWORD) -> Any:
    from intake_app.access.passwords import Secret

    return Secret(text)


def add_test_accounts(clinic: Any) -> None:
    """The administrator "admin", "desk" (front-desk) and "doctor" (clinician), all with PASSWORD and
    none needing a new password; leaves nobody signed in."""
    from dataclasses import replace

    from intake_app.access.roles import Role

    if not clinic.has_accounts():
        clinic.create_first_administrator("admin", ACCOUNTS["administrator"][1], secret())
    clinic.sign_in("admin", secret())
    for role in (Role.FRONT_DESK, Role.CLINICIAN):
        name, full = ACCOUNTS[role.value]
        if clinic.repository.get_account(name) is None:
            clinic.add_account(name, full, role, secret())
        account = clinic.repository.get_account(name)
        clinic.repository.save_account(replace(account, must_change_password=False))
    clinic.sign_out()


def signed_in_clinic(url: str, role: str = "clinician", **options: Any) -> Any:
    """A Clinic on `url` with the test accounts, signed in with the account of `role`."""
    from intake_app.services import Clinic

    options.setdefault("passwords", fast_passwords())
    opened = Clinic.open(url, **options)
    add_test_accounts(opened)
    opened.sign_in(ACCOUNTS[role][0], secret())
    return opened


@pytest.fixture
def clinic(database_url: str) -> Iterator[Any]:
    """A clinic signed in as the clinician "doctor" (who may do all desk and clinical work)."""
    opened = signed_in_clinic(database_url, "clinician")
    yield opened
    opened.close()


@pytest.fixture
def desk_clinic(database_url: str) -> Iterator[Any]:
    """A clinic signed in as the front-desk account "desk"."""
    opened = signed_in_clinic(database_url, "front-desk")
    yield opened
    opened.close()


@pytest.fixture
def admin_clinic(database_url: str) -> Iterator[Any]:
    """A clinic signed in as the administrator "admin"."""
    opened = signed_in_clinic(database_url, "administrator")
    yield opened
    opened.close()
