"""Outcomes and how the screening does (issue 17): the Clinic's methods, as a mixin.

`class Clinic(OutcomesMixin, ...)` gives the clinic these methods; each checks the permission table first
(`@requires`), so the window and the command line obey the same rules. Recording an outcome, importing
outcomes and everything about the screening's record is clinicians' work (Action.RECORD_OUTCOME);
reading an intake's outcomes goes with opening the intake (Action.VIEW_INTAKE).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake_app.access.roles import Action, Actor, require, requires
from intake_app.domain.outcomes import (
    FIELD_LABELS,
    FINDINGS,
    IMAGING,
    REFERRED_LEVELS,
    Outcome,
    OutcomeDue,
    OutcomeRecord,
    parse_outcome,
)
from intake_app.errors import IntakeError, InvalidInput, phrase
from intake_app.exchange.outcomes_csv import column_problems, unneutralise
from intake_app.services.inputs import MAX_FILE_BYTES
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.screening.performance import PerformanceReport
    from intake_app.settings import Settings
    from intake_app.storage import Repository
    from intake_app.storage.outcomes_store import AuditContext

DEFAULT_DUE_WEEKS = 6
MAX_IMPORT_ROWS = 100_000


def _words_to_code(value: str, choices: Mapping[str, str]) -> str:
    """A code typed as the code itself or as its plain words ("Not spinal" -> not_spinal); else as typed."""
    text = value.strip()
    typed = " ".join(text.lower().replace("_", " ").split())
    for code, words in choices.items():
        if typed in (code.replace("_", " "), words.lower()):
            return code
    return text


def outcome_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Form, command-line or CSV values with findings and imaging accepted as codes or plain words."""
    data = dict(values)
    finding = data.get("finding")
    if isinstance(finding, str):
        data["finding"] = _words_to_code(finding, FINDINGS)
    imaging = data.get("imaging")
    if isinstance(imaging, str):
        parts = [part for part in imaging.replace(";", ",").split(",") if part.strip()]
        data["imaging"] = [_words_to_code(part, IMAGING) for part in parts]
    return data


def _csv_problem(line: int, key: str, message: str) -> tuple[str, str]:
    return (f"line {line}", f"{FIELD_LABELS.get(key, 'Intake number' if key == 'intake_id' else key)}: {message}")


def read_outcomes_csv(path: str | Path, *, today: dt.date) -> list[tuple[int, int, Outcome]]:
    """(line, intake id, outcome) for every row of an outcomes CSV file (exchange/outcomes_csv.py columns:
    intake_id and finding required); InvalidInput naming each bad row
    by its line and field in plain words (every problem of the file at once). Nothing is stored here."""
    name = Path(path).name
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: cannot be read ({why}); nothing was imported."),
            params={"name": name, "why": why},
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: is larger than {size} MB; nothing was imported."),
            params={"name": name, "size": MAX_FILE_BYTES // (1024 * 1024)},
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "IntakeError",
                "{name}: is not a UTF-8 text file; save it from the spreadsheet as 'CSV UTF-8'. Nothing was imported.",
            ),
            params={"name": name},
        ) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [column.strip() for column in reader.fieldnames or []]
    reader.fieldnames = header
    wrong = column_problems(header)
    if wrong:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: the first line must name the columns; nothing was imported."),
            problems=[("line 1", problem) for problem in wrong],
            params={"name": name},
        )
    rows: list[tuple[int, int, Outcome]] = []
    problems: list[tuple[str, str]] = []
    first_line: dict[int, int] = {}
    ended = reader.line_num
    for record in reader:
        line, ended = ended + 1, reader.line_num  # the line the row starts on (a quoted cell may span lines)
        if len(rows) + len(problems) >= MAX_IMPORT_ROWS:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "{name}: holds more than {most} rows; split it. Nothing was imported."
                ),
                params={"name": name, "most": MAX_IMPORT_ROWS},
            )
        if None in record:
            problems.append(
                _csv_problem(
                    line,
                    "row",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "has more cells than the first line has columns")),
                )
            )
            continue
        values = {key: unneutralise((value or "").strip()) for key, value in record.items()}
        if not any(values.values()):
            continue  # an empty line
        intake_text = values.get("intake_id", "")
        intake_id = int(intake_text) if intake_text.isdigit() else 0
        if intake_id < 1:
            problems.append(
                _csv_problem(
                    line,
                    "intake_id",
                    phrase(QT_TRANSLATE_NOOP("IntakeError", "must be the intake's number (a whole number)")),
                )
            )
        elif intake_id in first_line:
            problems.append(
                _csv_problem(
                    line,
                    "intake_id",
                    phrase(
                        QT_TRANSLATE_NOOP(
                            "IntakeError", "intake {intake} is on line {line} already; give one row per intake"
                        ),
                        {"intake": intake_id, "line": first_line[intake_id]},
                    ),
                )
            )
        else:
            first_line[intake_id] = line
        try:
            outcome = parse_outcome(outcome_values({k: v for k, v in values.items() if k != "intake_id"}),
                                    today=today)
        except InvalidInput as exc:
            problems += [(f"line {line}", message) for _key, message in exc.problems]
            continue
        if intake_id >= 1:
            rows.append((line, intake_id, outcome))
    if problems:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: {count} row(s) cannot be read; nothing was imported."),
            problems=problems,
            params={"name": name, "count": len({where for where, _ in problems})},
        )
    if not rows:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{name}: holds no outcomes; nothing was imported."), params={"name": name}
        )
    return rows


class OutcomesMixin:
    """The Clinic's outcome methods. Uses the clinic's repository (its engine), settings, signed-in account,
    desk name, clock and audit trail."""

    repository: Repository
    settings: Settings

    if TYPE_CHECKING:
        @property
        def signed_in(self) -> Actor | None: ...

    def _outcome_audit(self) -> AuditContext:
        """The signed-in account at this desk, now (the repository's desk name and clock), and the
        repository's hook that moves this computer's audit anchor after the commit."""
        from intake_app.storage.outcomes_store import AuditContext

        actor = self.signed_in
        assert actor is not None  # @requires checked it
        repository = self.repository
        return AuditContext(actor, repository.desk, repository.clock(), repository.audit_committed)

    # --- recording -------------------------------------------------------------------------------

    @requires(Action.RECORD_OUTCOME)
    def record_outcome(
        self, intake_id: int, outcome: Mapping[str, Any], *, expected_version: int | None = None
    ) -> OutcomeRecord:
        """Record what the specialist found for a completed intake (its next version: an earlier outcome
        stays as history). `outcome` holds form or command-line values (finding, other_cause, seen_by,
        seen_on, imaging, urgent_route_at, note); InvalidInput names each bad field. `expected_version`
        is the version shown when the form was opened (0: none), so a correction made meanwhile at another
        desk is not overwritten. Audited (ids and the version only)."""
        from intake_app.storage.outcomes_store import record_outcome

        parsed = parse_outcome(outcome_values(outcome), today=dt.date.today())
        return record_outcome(self.repository.engine, intake_id, parsed, self._outcome_audit(),
                              expected_version=expected_version)

    @requires(Action.RECORD_OUTCOME)
    def import_outcomes_csv(self, path: str | Path) -> list[OutcomeRecord]:
        """Store the outcomes of a CSV file (exchange/outcomes_csv.py: intake_id and finding required) in one
        transaction, all or nothing. Every bad row is named by its line and field in plain words, and then
        nothing is stored. An intake that already has an outcome gets the file's as its next version."""
        from intake_app.storage.outcomes_store import ImportLine, import_outcomes, intake_states, not_complete_message

        name = Path(path).name
        rows = read_outcomes_csv(path, today=dt.date.today())
        states = intake_states(self.repository.engine, [intake_id for _line, intake_id, _o in rows])
        problems = []
        for line, intake_id, _outcome in rows:
            state = states.get(intake_id)
            if state is None:
                problems.append(
                    _csv_problem(
                        line,
                        "intake_id",
                        phrase(QT_TRANSLATE_NOOP("IntakeError", "there is no intake {intake}"), {"intake": intake_id}),
                    )
                )
            elif state != "complete":
                problems.append(_csv_problem(line, "intake_id", not_complete_message(intake_id)))
        if problems:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "IntakeError",
                    "{name}: {count} row(s) name intakes that cannot take an outcome; nothing was imported.",
                ),
                problems=problems,
                params={"name": name, "count": len(problems)},
            )
        return import_outcomes(self.repository.engine, [ImportLine(*row) for row in rows], self._outcome_audit())

    def _add_synthetic_outcomes(self, seed: int, *, newest: int) -> int:
        """Made-up outcomes for the `newest` intakes (the ones demo-data just added; called by add_demo_data,
        whose own permission check covers it). Marked synthetic everywhere; one audit entry says how many."""
        from intake_app.demo_outcomes import draw_outcomes
        from intake_app.storage.outcomes_store import demo_cases, insert_synthetic_outcomes

        engine = self.repository.engine
        audit = self._outcome_audit()
        today = audit.at.astimezone().date()
        return insert_synthetic_outcomes(engine, draw_outcomes(list(demo_cases(engine, newest)), seed=seed,
                                                                 today=today),
                                         audit)

    # --- reading ---------------------------------------------------------------------------------

    @requires(Action.VIEW_INTAKE)
    def outcomes_for(self, intake_id: int) -> list[OutcomeRecord]:
        """Every version of the intake's outcome, the current one first (empty: none recorded)."""
        from intake_app.storage.outcomes_store import outcome_history

        return outcome_history(self.repository.engine, intake_id)

    def _export_outcomes(self, intake_ids: Sequence[int]) -> dict[int, OutcomeRecord]:
        """The current outcome of each of these intakes (looked for on all its revisions), by id; intakes
        without one are left out. One query per 500 intakes. For exports (services/exchange.py, `outcomes=`),
        so it asks what export_documents asks (Action.EXPORT): outcomes leave with the answers, no further."""
        from intake_app.storage.outcomes_store import current_outcomes

        require(self.signed_in, Action.EXPORT)
        return current_outcomes(self.repository.engine, intake_ids)

    @requires(Action.RECORD_OUTCOME)
    def outcomes_due(self, weeks: int = DEFAULT_DUE_WEEKS, *, limit: int | None = 500) -> list[OutcomeDue]:
        """Completed intakes sent on (urgent or spinal origin likely) with no outcome `weeks` after completion,
        the oldest first: ids and dates only."""
        from intake_app.storage.outcomes_store import outcomes_due

        if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= 104:
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "The number of weeks before an outcome is due must be a whole number from 1 to 104."
                )
            )
        now = self.repository.clock()
        return outcomes_due(self.repository.engine, now - dt.timedelta(weeks=weeks), REFERRED_LEVELS, limit=limit)

    @requires(Action.RECORD_OUTCOME)
    def outcomes_performance(self, start: dt.date | None = None, end: dt.date | None = None) -> PerformanceReport:
        """How the screening does for intakes completed from `start` to `end` (local dates, inclusive): per
        level and rule, split by rules version, re-screens kept apart (screening/performance.py)."""
        from intake_app.screening.performance import measure_groups
        from intake_app.storage.outcomes_store import case_groups

        if start is not None and end is not None and start > end:
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "The period starts ({start}) after it ends ({end})."),
                hint=QT_TRANSLATE_NOOP("IntakeError", "Give the earlier date as the start."),
                params={"start": start.isoformat(), "end": end.isoformat()},
            )
        return measure_groups(case_groups(self.repository.engine, start, end), start=start, end=end)

    @requires(Action.RECORD_OUTCOME)
    def outcomes_report_pdf(self, start: dt.date | None = None, end: dt.date | None = None) -> bytes:
        """The screening's record as a PDF for the period (reports/outcomes.py)."""
        from intake_app.reports.outcomes import build_outcomes_report

        report = self.outcomes_performance(start, end)
        return build_outcomes_report(report, clinic_name=self.settings.clinic_name, rule_names=rule_names(),
                                     paper=paper_for(self.settings))


def rule_names() -> dict[str, str]:
    """Each rule's plain name by its id (shown beside the id, as in the clinician's trace)."""
    from intake_app.screening import RULES

    return {rule.id: rule.name for rule in RULES}


def paper_for(settings: Settings) -> str:
    """"A4" or "Letter" as the clinic's reports use."""
    from intake_app.services.reports import report_options

    return report_options(settings).page_size
