"""Outcomes in CSV files: the outcome columns of the intake CSV export, and the outcomes file that
`intake-app outcome import` reads (and that `outcomes_csv_bytes` writes, so an export can be read back).

Values are codes, as in the rest of the CSV export (findings and imaging as domain/outcomes.py codes);
the import also accepts the plain words. Times are local ISO 8601 with their offset. Every cell a
spreadsheet could take for a formula is neutralised (exchange/cells.py), and read back without it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from intake_app.domain.outcomes import Outcome, OutcomeRecord
from intake_app.exchange.cells import BOM, FORMULA_STARTS, neutralise

# The outcomes file (import and its export): one row per intake.
OUTCOME_FILE_COLUMNS = ("intake_id", "finding", "other_cause", "seen_by", "seen_on", "imaging", "urgent_route_at",
                        "note")
# Added after an intake's columns in the intake CSV export (empty cells when no outcome is recorded).
OUTCOME_COLUMNS = ("outcome_finding", "outcome_other_cause", "outcome_seen_by", "outcome_seen_on", "outcome_imaging",
                   "outcome_urgent_route_at", "outcome_note", "outcome_version", "outcome_synthetic")
IMAGING_SEPARATOR = "; "


def _cells(outcome: Outcome) -> list[str]:
    return [
        outcome.finding,
        outcome.other_cause,
        outcome.seen_by,
        outcome.seen_on.isoformat() if outcome.seen_on else "",
        IMAGING_SEPARATOR.join(outcome.imaging),
        outcome.urgent_route_at.isoformat(timespec="minutes") if outcome.urgent_route_at else "",
        outcome.note,
    ]


def outcome_cells(record: OutcomeRecord | None) -> list[str]:
    """The OUTCOME_COLUMNS cells of one intake's current outcome (all empty for none), neutralised.
    A synthetic (demo) outcome says so in its own column."""
    if record is None:
        return [""] * len(OUTCOME_COLUMNS)
    cells = [*_cells(record.outcome), str(record.version), "yes" if record.outcome.synthetic else "no"]
    return [neutralise(cell) for cell in cells]


def outcome_file_row(intake_id: int, outcome: Outcome) -> list[str]:
    """One row of an outcomes file (OUTCOME_FILE_COLUMNS), neutralised."""
    return [neutralise(cell) for cell in [str(intake_id), *_cells(outcome)]]


def outcomes_csv_bytes(rows: Iterable[tuple[int, Outcome]]) -> bytes:
    """An outcomes file (UTF-8 with a byte-order mark, CRLF rows) for (intake id, outcome) pairs."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(OUTCOME_FILE_COLUMNS)
    for intake_id, outcome in rows:
        writer.writerow(outcome_file_row(intake_id, outcome))
    return (BOM + buffer.getvalue()).encode("utf-8")


def unneutralise(text: str) -> str:
    """A cell as it was before `neutralise` (the leading apostrophe before a formula-like start removed)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def column_problems(header: Sequence[str]) -> list[str]:
    """What is wrong with an outcomes file's first line, in plain words (empty: nothing)."""
    problems = [f"the column {c} is missing" for c in ("intake_id", "finding") if c not in header]
    problems += [f"the column {c!r} is not an outcome column (use: {', '.join(OUTCOME_FILE_COLUMNS)})"
                 for c in header if c not in OUTCOME_FILE_COLUMNS]
    return problems
