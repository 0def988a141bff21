"""Imported once by the forkserver of the kill tests: everything a child needs is loaded before it forks."""

from __future__ import annotations

from sqlalchemy.orm import configure_mappers

import intake_app.screening  # noqa: F401 - loaded in the server, shared by every forked child
from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE, load_questionnaire
from intake_app.storage import models  # noqa: F401

configure_mappers()
for reference in ("foot-leg-intake/1", DEFAULT_QUESTIONNAIRE):
    load_questionnaire(reference)
