"""The application layer: one method per user action, shared by the GUI and the command line.

It composes the rooms (domain, screening, storage, reports) and owns transactions and the audit trail.
Heavy modules are imported when first needed, so the window can paint before they load.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
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
from intake_app.errors import (
    AcknowledgementNeeded,
    DatabaseTooNew,
    IntakeError,
    InvalidInput,
    StaleRecord,
    StorageError,
)
from intake_app.settings import Settings

if TYPE_CHECKING:
    from intake_app.reports import ReportOptions
    from intake_app.screening.model import Assessment
    from intake_app.storage import IntakeRecord, IntakeSummary, PatientRecord, RecallEntry, Repository

__all__ = [
    "AcknowledgementNeeded", "Clinic", "DatabaseTooNew", "IncompleteIntake", "RescreenChange", "StaleRecord",
    "StorageError", "build_report_pdf", "check_input", "documents_in", "read_json_file", "screen",
]


DEMO_EXTRA_MISSING = "Demo data needs the optional Faker package, which is not installed; nothing was added."
DEMO_EXTRA_HINT = "Install it with: pip install 'intake-app[demo]'"


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
    """An intake whose level or tier changed when re-screened with the current rules (old beside new)."""

    intake_id: int
    old_level: str | None
    new_level: str
    old_rules_version: str | None
    old_tier: str | None = None
    new_tier: str | None = None
    recall: bool = False  # the result rose to urgent or likely: the patient goes on the recall list


# --- what input can be stored ---------------------------------------------------------------------
# Checked before a document reaches validation, for every command and the GUI alike: a field-named
# message, nothing stored, nothing silently changed.

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_NESTING = 10  # a document is at most 4 levels deep (answers -> field -> side -> list)
MAX_REFERENCE_LENGTH = 60  # the stored questionnaire reference column
# Bidi embedding, override and isolate controls: they can make a name display as another name.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FREE_TEXT_BREAKS = frozenset("\t\n\r")


def _is_name_field(where: str) -> bool:
    return where.startswith("patient.") or where == "questionnaire" or ".patient." in where


def _text_problem(text: str, where: str) -> str | None:
    if text.isprintable():  # every character refused below is a non-printable one (Cc, Cs, Cf, Zl, Zp)
        return None
    single_line = _is_name_field(where)
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            return "contains a broken character (an unpaired surrogate)"
        category = unicodedata.category(char)
        if category == "Cc" and not (char in FREE_TEXT_BREAKS and not single_line):
            return f"contains a control character (U+{code:04X}); remove it and try again"
        if single_line and category in ("Zl", "Zp"):
            return f"contains a line break (U+{code:04X}); a name is one line"
        if single_line and char in BIDI_CONTROLS:
            return f"contains a text-direction control (U+{code:04X}) that can disguise a name; remove it"
    return None


def check_input(data: Any, where: str = "") -> list[tuple[str, str]]:
    """Problems that make a JSON value unstorable, each as (field, message); [] when it is fine."""
    problems: list[tuple[str, str]] = []
    stack: list[tuple[Any, str, int]] = [(data, where, 0)]
    while stack:
        value, at, depth = stack.pop()
        label = at or "(document)"
        if depth > MAX_NESTING:
            problems.append((label, f"is nested more than {MAX_NESTING} levels deep"))
            continue
        if isinstance(value, str):
            problem = _text_problem(value, at)
            if problem:
                problems.append((label, problem))
            if at.endswith("questionnaire") and len(value) > MAX_REFERENCE_LENGTH:
                problems.append((label, f"is {len(value)} characters long; at most {MAX_REFERENCE_LENGTH} allowed"))
        elif isinstance(value, dict):
            for key, item in value.items():
                key_text = str(key)
                key_problem = _text_problem(key_text, "patient.key")
                if key_problem:
                    problems.append((f"{at}.(a field name)" if at else "(a field name)", key_problem))
                    continue
                stack.append((item, f"{at}.{key_text}" if at else key_text, depth + 1))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                stack.append((item, f"{at}[{n}]", depth + 1))
        elif isinstance(value, float) and value != value:  # NaN
            problems.append((label, "is not a number"))
    return sorted(problems)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in an intake document")


def read_json_file(path: str | Path) -> Any:
    """JSON from a file ('-' is stdin), with an InvalidInput naming the file (and field) on any failure:
    unreadable, not JSON, too large, too deeply nested, a number too long, or text that cannot be stored."""
    import sys

    name = "standard input" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            text = sys.stdin.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read(MAX_FILE_BYTES + 1)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InvalidInput(f"{name}: cannot be read ({reason})") from None
    if len(text) > MAX_FILE_BYTES:
        raise InvalidInput(f"{name}: is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; nothing was read")
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"{name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise InvalidInput(f"{name}: is nested too deeply to be an intake document") from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise InvalidInput(f"{name}: holds a number with thousands of digits; no answer needs one") from None
        raise InvalidInput(f"{name}: {exc}") from None
    problems = check_input(data)
    if problems:
        raise InvalidInput(f"{name}: holds text or values that cannot be stored", problems)
    return data


def documents_in(data: Any) -> list[Any]:
    """A file holds one intake document or a JSON array of them."""
    return list(data) if isinstance(data, list) else [data]


def screen(document: IntakeDocument, settings: Settings | None = None) -> Assessment:
    """The screening result for a document (pure; used live while typing). With `settings`, the urgent
    recommendation names the clinic's local emergency department ("A&E", "the ER ...")."""
    from intake_app.screening import assess

    if settings is None:
        return assess(document)
    return assess(document, emergency_department=settings.emergency().department_phrase)


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


LEVEL_RANK = {"urgent": 0, "likely": 1, "possible": 2, "not_indicated": 3}


def rose_to_recall(old_level: str | None, new_level: str) -> bool:
    """True when a result rose to urgent or likely (the patient must be contacted)."""
    if new_level not in ("urgent", "likely"):
        return False
    return LEVEL_RANK[new_level] < LEVEL_RANK.get(old_level or "not_indicated", 3)


def urgent_rules(assessment: Assessment) -> list[str]:
    """The urgent red-flag rules an assessment fired ([] unless the level is urgent)."""
    if assessment.level != "urgent":
        return []
    return sorted({reason.base_rule for reason in assessment.red_flags}) or ["urgent"]


def shared_group(settings: Settings | None) -> str | None:
    """The OS group the clinic shares its SQLite files with (settings `shared_group`), if any."""
    value = getattr(settings, "shared_group", None) if settings is not None else None
    return value.strip() or None if isinstance(value, str) else None


def _refuse_unstorable(raw: Any) -> None:
    problems = check_input(raw)
    if problems:
        raise InvalidInput("Some text cannot be stored", problems)


def _person(field: str, value: str, *, limit: int = 100, single_line: bool = True) -> str:
    """A name, role or reason typed by a person: required, limited, storable."""
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{field}: is required", [(field, "is required")])
    if len(text) > limit:
        raise InvalidInput(f"{field}: too long", [(field, f"is {len(text)} characters long; at most {limit} allowed")])
    problem = _text_problem(text, "patient.name" if single_line else "answers.text")
    if problem:
        raise InvalidInput(f"{field}: {problem}", [(field, problem)])
    return text


class Clinic:
    """Everything the front desk does, over one database."""

    def __init__(self, repository: Repository, settings: Settings | None = None) -> None:
        self.repository = repository
        self.settings = settings or Settings()

    @classmethod
    def open(cls, database_url: str | None = None, settings: Settings | None = None) -> Clinic:
        """Open (check, and migrate) the database named by --database, the environment, or the default file.

        Refused with a StorageError a person can act on: a network share, an empty, foreign or damaged
        file (left unchanged), a database made by a newer version (DatabaseTooNew).
        """
        from intake_app.storage import Repository, open_database, resolve_database_url

        group = shared_group(settings)
        engine = open_database(resolve_database_url(database_url, group=group), group=group)
        return cls(Repository(engine), settings)

    def close(self) -> None:
        """Close the database (another program, e.g. restore, can then take it)."""
        from intake_app.storage import close_engine

        close_engine(self.repository.engine)

    def screen(self, document: IntakeDocument) -> Assessment:
        """The screening result for a document, worded with this clinic's settings."""
        return screen(document, self.settings)

    @property
    def actor(self) -> str:
        return self.settings.desk_user

    @property
    def group(self) -> str | None:
        return shared_group(self.settings)

    # --- the database itself ------------------------------------------------------------------

    def sqlite_version(self) -> str | None:
        """The SQLite library's version when the database is SQLite (for the About box), else None."""
        if self.repository.engine.dialect.name != "sqlite":
            return None
        from intake_app.storage.database import sqlite_library_version

        return sqlite_library_version()

    def describe_database(self) -> str:
        """Where the data is, without any password (window title, About box)."""
        from intake_app.storage import describe_url

        engine = self.repository.engine
        return describe_url(engine.url.render_as_string(hide_password=True))

    def backup(self, folder: str | Path | None = None) -> Path:
        """A verified backup now (default folder: backups/ beside the database, kept in a rotation).

        On PostgreSQL this says to use the server's own tools (pg_dump)."""
        from intake_app import __version__
        from intake_app.storage.backup import backup_sqlite

        return backup_sqlite(self.repository.engine, Path(folder) if folder else None, group=self.group,
                             app_version=__version__)

    def daily_backup(self, today: dt.date | None = None) -> Path | None:
        """The first backup of the day (the GUI calls this at start and on exit); None when one exists or
        the database is not a SQLite file."""
        from intake_app.storage.backup import default_backup_folder, latest_backup_on
        from intake_app.storage.database import sqlite_file

        database = sqlite_file(self.repository.engine.url)
        if database is None:
            return None
        if latest_backup_on(default_backup_folder(database), today or dt.date.today()) is not None:
            return None
        return self.backup()

    # --- patients ------------------------------------------------------------------------------

    def search_patients(
        self, query: str, *, limit: int = 50, offset: int = 0, sort: str = "name", descending: bool = False
    ) -> list[PatientRecord]:
        return self.repository.search_patients(query, limit=limit, offset=offset, sort=sort, descending=descending)

    def count_patients(self) -> int:
        return self.repository.count_patients()

    def check_patient(self, patient: Patient) -> Patient:
        """Validate patient details with the questionnaire's rules; raises InvalidInput naming fields."""
        _refuse_unstorable({"patient": patient.to_json()})
        probe = {
            "format": "intake-document/1", "questionnaire": DEFAULT_QUESTIONNAIRE,
            "patient": patient.to_json(), "visit_date": dt.date.today().isoformat(), "answers": {},
        }
        return parse_document(probe).patient

    def likely_duplicates(self, patient: Patient, *, exclude_id: int | None = None) -> list[PatientRecord]:
        return self.repository.find_similar(patient, exclude_id=exclude_id)

    def register_patient(self, patient: Patient) -> PatientRecord:
        return self.repository.add_patient(self.check_patient(patient), actor=self.actor)

    def update_patient(
        self, patient_id: int, patient: Patient, *, expected_version: int | None = None
    ) -> PatientRecord:
        """Change a patient's details; StaleRecord (with `.current`) when another desk saved them since
        `expected_version` was read."""
        return self.repository.update_patient(
            patient_id, self.check_patient(patient), expected_version=expected_version, actor=self.actor
        )

    def patient(self, patient_id: int) -> PatientRecord:
        return self.repository.get_patient(patient_id)

    # --- intakes -------------------------------------------------------------------------------

    def intakes_for(self, patient_id: int) -> list[IntakeSummary]:
        """A patient's intakes, newest first, each shown as its latest revision."""
        return self.repository.list_intakes(patient_id)

    def intake(self, intake_id: int) -> IntakeRecord:
        return self.repository.get_intake(intake_id)

    def today(self, day: dt.date | None = None) -> list[IntakeSummary]:
        """The day's intakes (latest revisions), unacknowledged urgent ones first."""
        return self.repository.intakes_on(day or dt.date.today())

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

    def document(
        self, patient: Patient, visit_date: dt.date, answers: dict[str, Any], questionnaire: str | None = None
    ) -> IntakeDocument:
        """A validated intake document (unanswered red flags become "unknown"); raises DocumentInvalid."""
        document = IntakeDocument(patient=patient, visit_date=visit_date, answers=answers)
        if questionnaire is not None:
            from dataclasses import replace

            document = replace(document, questionnaire=questionnaire)
        raw = document.to_json()
        _refuse_unstorable(raw)
        return parse_document(raw)

    def save_draft(
        self, intake_id: int, answers: dict[str, Any], visit_date: dt.date, *, expected_version: int | None = None
    ) -> IntakeRecord:
        """Store a draft. Refused, with nothing changed, when the intake was completed or amended meanwhile
        (checked in the write transaction) or, given `expected_version`, when another desk saved it since
        (StaleRecord, whose `.current` is the stored intake)."""
        record = self.repository.get_intake(intake_id)
        document = self.document(record.document.patient, visit_date, answers, record.document.questionnaire)
        live = self.screen(document)  # stored on the row: an urgent draft leads the day list at once
        return self.repository.save_draft(intake_id, document, expected_version=expected_version, actor=self.actor,
                                          live=(live.level, live.tier))

    def complete_intake(
        self, intake_id: int, answers: dict[str, Any], visit_date: dt.date, *, red_flags_not_asked: bool = False,
        expected_version: int | None = None,
    ) -> tuple[IntakeRecord, Assessment]:
        """Check, screen and store. Unasked red-flag questions need the explicit "not asked" choice; an
        URGENT result needs the red flag acknowledged (AcknowledgementNeeded) after it last fired."""
        record = self.repository.get_intake(intake_id)
        document = self.document(record.document.patient, visit_date, answers, record.document.questionnaire)
        missing = missing_required(document)
        unasked = unanswered_red_flags(document)
        if missing or (unasked and not red_flags_not_asked):
            raise IncompleteIntake(missing, [] if red_flags_not_asked else unasked)
        assessment = self.screen(document)
        stored = self.repository.complete_intake(
            intake_id, document, assessment.to_json(), red_flags_not_asked=bool(unasked),
            expected_version=expected_version, urgent_rules=urgent_rules(assessment), actor=self.actor,
        )
        return stored, assessment

    def acknowledge_red_flag(
        self, intake_id: int, who: str | None = None, role: str = "clinician", *,
        answers: dict[str, Any] | None = None, visit_date: dt.date | None = None,
    ) -> IntakeRecord:
        """Record that a clinician (`who`, the name typed into the acknowledgement, and `role`) has seen the
        red flag. It covers the urgent rules the stored answers fire now; with `answers` the draft is saved
        first, so the acknowledgement covers exactly what is on the screen."""
        name = _person("who", who if who is not None else self.actor)
        role_text = _person("role", role, limit=40)
        if answers is not None:
            record = self.repository.get_intake(intake_id)
            self.save_draft(intake_id, answers, visit_date or record.document.visit_date)
        return self.repository.acknowledge_red_flag(
            intake_id, name, role=role_text, urgent_rules=lambda d: urgent_rules(self.screen(d)), actor=self.actor
        )

    def amend_intake(self, intake_id: int, reason: str) -> IntakeRecord:
        """A new draft revision N+1 of a completed intake (the original and its assessments are kept)."""
        why = _person("reason", reason, limit=500, single_line=False)
        return self.repository.amend_intake(intake_id, why, actor=self.actor)

    def revisions(self, intake_id: int) -> list[IntakeSummary]:
        """Every revision of an intake, the original first."""
        return self.repository.revisions(intake_id)

    def rescreen(self) -> list[RescreenChange]:
        """Re-assess completed intakes judged by other rules; keep the old result, store the new one.

        Returns every intake whose level or tier changed. One whose result rose to urgent or likely goes
        on the recall list (the patient has left) until a clinician marks it contacted.
        """
        from intake_app.screening import RULES_VERSION

        changes = []
        for record in self.repository.iter_intakes(status="complete", latest_only=True):
            if record.rules_version == RULES_VERSION:
                continue
            assessment = self.screen(record.document)
            recall = rose_to_recall(record.level, assessment.level)
            self.repository.store_assessment(
                record.id, assessment.to_json(), "rescreen", recall_from=(record.level, record.tier) if recall
                else None, actor=self.actor,
            )
            if assessment.level != record.level or assessment.tier != record.tier:
                changes.append(RescreenChange(
                    record.id, record.level, assessment.level, record.rules_version, old_tier=record.tier,
                    new_tier=assessment.tier, recall=recall,
                ))
        return changes

    def recall_list(self) -> list[RecallEntry]:
        """Intakes whose result rose to urgent or likely after the patient left, not yet contacted."""
        return self.repository.recall_list()

    def mark_contacted(self, intake_id: int, who: str) -> int:
        """A clinician contacted the patient: the intake leaves the recall list. Returns recalls closed."""
        closed = self.repository.mark_contacted(intake_id, _person("who", who), actor=self.actor)
        if not closed:
            raise IntakeError(f"Intake {intake_id} is not on the recall list; nothing was changed.")
        return closed

    # --- documents: validate, import, export --------------------------------------------------

    def validate_file(self, path: str | Path) -> list[IntakeDocument]:
        return [parse_document(item) for item in documents_in(read_json_file(path))]

    def import_file(self, path: str | Path) -> list[IntakeRecord]:
        """Validate every document in the file, then store all of them in one transaction (or none)."""
        documents = self.validate_file(path)
        items = []
        live: list[tuple[str, str | None] | None] = []
        for document in documents:
            complete = not missing_required(document) and not unanswered_red_flags(document)
            assessment = self.screen(document)
            items.append((document, assessment.to_json() if complete else None))
            live.append(None if complete else (assessment.level, assessment.tier))
        return self.repository.import_documents(items, actor=self.actor, live=live)

    def export_documents(self, status: str | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every intake as a document, each as its latest revision."""
        for record in self.repository.iter_intakes(status=status, latest_only=True):
            yield record.id, record.document.to_json()

    # --- reports ------------------------------------------------------------------------------

    def referral_pdf(self, document: IntakeDocument, *, revision: int | None = None, **overrides: Any) -> bytes:
        """The referral summary from the clinic's settings; `revision` above 1 prints "amended (revision N)"
        (pass the record's revision); `overrides` change this letter only (referrer_name, ...)."""
        if revision is not None:
            overrides["revision"] = revision
        return build_report_pdf("referral", document, self.settings, **overrides)

    def handout_pdf(self, document: IntakeDocument, **overrides: Any) -> bytes:
        """The patient handout from the clinic's settings; `overrides` change this print only (large_print)."""
        return build_report_pdf("handout", document, self.settings, **overrides)

    def intake_referral_pdf(self, intake_id: int, **overrides: Any) -> bytes:
        """The referral summary of a stored intake, marked with its revision when amended."""
        record = self.repository.get_intake(intake_id)
        return self.referral_pdf(record.document, revision=record.revision, **overrides)

    # --- synthetic data -----------------------------------------------------------------------

    def add_demo_data(self, count: int, *, seed: int = 20261125) -> int:
        """Add `count` synthetic patients, each with one completed intake, in one transaction (generated and
        written in batches, so memory stays flat). Needs the optional Faker package (the `demo` extra)."""
        try:
            import faker  # noqa: F401 - only checked here, so a missing extra is a message, not a traceback
        except ImportError:
            raise IntakeError(DEMO_EXTRA_MISSING, hint=DEMO_EXTRA_HINT) from None
        from intake_app.demo import generate_batches
        from intake_app.storage.bulk import bulk_load

        return bulk_load(self.repository.engine, generate_batches(count, seed=seed), expected=count)
