"""The application layer: one method per user action, shared by the GUI and the command line.

It composes the rooms (domain, screening, storage, reports) and owns transactions and the audit trail.
Heavy modules are imported when first needed, so the window can paint before they load.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake_app.domain import (
    IntakeDocument,
    Patient,
    missing_required,
    parse_document,
    unanswered_red_flags,
)
from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE
from intake_app.errors import IntakeError, InvalidInput
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.screening.model import Assessment
    from intake_app.storage import IntakeRecord, IntakeSummary, PatientRecord, Repository


class IncompleteIntake(InvalidInput):
    """Completing was refused: required answers are missing or red-flag questions were not asked."""

    def __init__(self, missing: list[str], red_flags_unanswered: list[str]) -> None:
        problems = [(f"answers.{f}", "is required") for f in missing]
        problems += [(f"answers.{f}", "was not asked") for f in red_flags_unanswered]
        parts = []
        if missing:
            parts.append(f"{len(missing)} required question(s) unanswered")
        if red_flags_unanswered:
            parts.append(f"{len(red_flags_unanswered)} red-flag question(s) not asked")
        super().__init__("Cannot complete the intake: " + "; ".join(parts) + ".", problems)
        self.missing = missing
        self.red_flags_unanswered = red_flags_unanswered


@dataclass(frozen=True)
class RescreenChange:
    intake_id: int
    old_level: str | None
    new_level: str
    old_rules_version: str | None


def read_json_file(path: str | Path) -> Any:
    """JSON from a file ('-' is stdin), with an IntakeError naming the file on any failure."""
    import sys

    name = "standard input" if str(path) == "-" else str(path)
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InvalidInput(f"{name}: cannot be read ({reason})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None


def documents_in(data: Any) -> list[Any]:
    """A file holds one intake document or a JSON array of them."""
    return list(data) if isinstance(data, list) else [data]


def screen(document: IntakeDocument) -> Assessment:
    """The screening result for a document (pure; used live while typing)."""
    from intake_app.screening import assess

    return assess(document)


def report_options(settings: Settings) -> Any:
    """The clinic details and paper size the reports print with ("auto" paper follows the locale)."""
    from intake_app.reports import ReportOptions, default_page_size

    page_size = settings.page_size if settings.page_size != "auto" else default_page_size()
    return ReportOptions(
        clinic_name=settings.clinic_name, clinic_address=settings.clinic_address,
        clinic_phone=settings.clinic_phone, page_size=page_size,
    )


def build_report_pdf(
    kind: str, document: IntakeDocument, settings: Settings, assessment: Assessment | None = None
) -> bytes:
    """The referral summary ("referral") or patient handout ("handout") as PDF bytes; needs no database."""
    from intake_app.reports import build_handout, build_referral

    build = {"referral": build_referral, "handout": build_handout}[kind]
    return bytes(build(document, assessment or screen(document), report_options(settings)))


class Clinic:
    """Everything the front desk does, over one database."""

    def __init__(self, repository: Repository, settings: Settings | None = None) -> None:
        self.repository = repository
        self.settings = settings or Settings()

    @classmethod
    def open(cls, database_url: str | None = None, settings: Settings | None = None) -> Clinic:
        """Open (and migrate) the database named by --database, the environment, or the default file."""
        from intake_app.storage import Repository, create_database_engine, resolve_database_url, upgrade

        engine = create_database_engine(resolve_database_url(database_url))
        upgrade(engine)
        return cls(Repository(engine), settings)

    @property
    def actor(self) -> str:
        return self.settings.desk_user

    # --- patients ------------------------------------------------------------------------------

    def search_patients(
        self, query: str, *, limit: int = 50, offset: int = 0, sort: str = "name", descending: bool = False
    ) -> list[PatientRecord]:
        return self.repository.search_patients(query, limit=limit, offset=offset, sort=sort, descending=descending)

    def count_patients(self) -> int:
        return self.repository.count_patients()

    def check_patient(self, patient: Patient) -> Patient:
        """Validate patient details with the questionnaire's rules; raises InvalidInput naming fields."""
        probe = {
            "format": "intake-document/1", "questionnaire": DEFAULT_QUESTIONNAIRE,
            "patient": patient.to_json(), "visit_date": dt.date.today().isoformat(), "answers": {},
        }
        return parse_document(probe).patient

    def likely_duplicates(self, patient: Patient, *, exclude_id: int | None = None) -> list[PatientRecord]:
        return self.repository.find_similar(patient, exclude_id=exclude_id)

    def register_patient(self, patient: Patient) -> PatientRecord:
        return self.repository.add_patient(self.check_patient(patient), actor=self.actor)

    def update_patient(self, patient_id: int, patient: Patient) -> PatientRecord:
        return self.repository.update_patient(patient_id, self.check_patient(patient), actor=self.actor)

    def patient(self, patient_id: int) -> PatientRecord:
        return self.repository.get_patient(patient_id)

    # --- intakes -------------------------------------------------------------------------------

    def intakes_for(self, patient_id: int) -> list[IntakeSummary]:
        return self.repository.list_intakes(patient_id)

    def intake(self, intake_id: int) -> IntakeRecord:
        return self.repository.get_intake(intake_id)

    def start_intake(self, patient_id: int, visit_date: dt.date | None = None) -> IntakeRecord:
        """A new draft for a patient; age is filled in from the date of birth."""
        patient = self.repository.get_patient(patient_id).patient
        visit = visit_date or dt.date.today()
        answers: dict[str, Any] = {}
        age = patient.age_on(visit)
        if age is not None and 0 <= age <= 120:
            answers["age_years"] = age
        document = self.document(patient, visit, answers)
        return self.repository.create_intake(patient_id, document, actor=self.actor)

    def document(self, patient: Patient, visit_date: dt.date, answers: dict[str, Any]) -> IntakeDocument:
        """A validated intake document (unanswered red flags become "unknown"); raises DocumentInvalid."""
        raw = IntakeDocument(patient=patient, visit_date=visit_date, answers=answers).to_json()
        return parse_document(raw)

    def save_draft(self, intake_id: int, answers: dict[str, Any], visit_date: dt.date) -> IntakeRecord:
        record = self.repository.get_intake(intake_id)
        if record.status == "complete":
            raise IntakeError("This intake is already complete; start a new intake to change answers.")
        document = self.document(record.document.patient, visit_date, answers)
        return self.repository.save_draft(intake_id, document, actor=self.actor)

    def complete_intake(
        self, intake_id: int, answers: dict[str, Any], visit_date: dt.date, *, red_flags_not_asked: bool = False
    ) -> tuple[IntakeRecord, Assessment]:
        """Check, screen and store. Unasked red-flag questions need the explicit "not asked" choice."""
        record = self.repository.get_intake(intake_id)
        document = self.document(record.document.patient, visit_date, answers)
        missing = missing_required(document)
        unasked = unanswered_red_flags(document)
        if missing or (unasked and not red_flags_not_asked):
            raise IncompleteIntake(missing, [] if red_flags_not_asked else unasked)
        assessment = screen(document)
        stored = self.repository.complete_intake(
            intake_id, document, assessment.to_json(), red_flags_not_asked=bool(unasked), actor=self.actor
        )
        return stored, assessment

    def acknowledge_red_flag(self, intake_id: int, who: str | None = None) -> IntakeRecord:
        return self.repository.acknowledge_red_flag(intake_id, who or self.actor, actor=self.actor)

    def rescreen(self) -> list[RescreenChange]:
        """Re-assess completed intakes judged by other rules; keep the old result, store the new one."""
        from intake_app.screening import RULES_VERSION

        changes = []
        for record in self.repository.iter_intakes(status="complete"):
            if record.rules_version == RULES_VERSION:
                continue
            assessment = screen(record.document)
            self.repository.store_assessment(record.id, assessment.to_json(), "rescreen", actor=self.actor)
            if assessment.level != record.level:
                changes.append(RescreenChange(record.id, record.level, assessment.level, record.rules_version))
        return changes

    # --- documents: validate, import, export --------------------------------------------------

    def validate_file(self, path: str | Path) -> list[IntakeDocument]:
        return [parse_document(item) for item in documents_in(read_json_file(path))]

    def import_file(self, path: str | Path) -> list[IntakeRecord]:
        """Validate every document in the file, then store all of them in one transaction (or none)."""
        documents = self.validate_file(path)
        items = []
        for document in documents:
            complete = not missing_required(document) and not unanswered_red_flags(document)
            items.append((document, screen(document).to_json() if complete else None))
        return self.repository.import_documents(items, actor=self.actor)

    def export_documents(self, status: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        for record in self.repository.iter_intakes(status=status):
            yield record.id, record.document.to_json()

    # --- reports ------------------------------------------------------------------------------

    def referral_pdf(self, document: IntakeDocument) -> bytes:
        return build_report_pdf("referral", document, self.settings)

    def handout_pdf(self, document: IntakeDocument) -> bytes:
        return build_report_pdf("handout", document, self.settings)

    # --- synthetic data -----------------------------------------------------------------------

    def add_demo_data(self, count: int, *, seed: int = 20261125) -> int:
        from intake_app.demo import generate

        patients, intakes = generate(count, seed=seed)
        self.repository.bulk_insert(patients, intakes)
        return len(patients)

