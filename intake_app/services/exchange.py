"""Export and import files for the Clinic: stored records become exchange items, files are written
atomically (0600 in a 0700 folder), and what a file brings back is checked, re-screened and stored.

The formats themselves live in intake_app/exchange (no storage there); see docs/exchange.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from intake_app.domain import IntakeDocument, missing_required, parse_document, unanswered_red_flags
from intake_app.errors import IntakeError, InvalidInput
from intake_app.services.inputs import check_input, documents_in
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from intake_app.domain.outcomes import OutcomeRecord
    from intake_app.exchange import ExportItem
    from intake_app.screening.model import Assessment
    from intake_app.storage import IntakeRecord
    from intake_app.storage.records import ImportItem

EXPORT_FORMATS = ("json", "fhir", "csv")
# How many intakes share one look-up of their outcomes (the repository streams 500 at a time too).
OUTCOME_BATCH = 500

Pair = tuple["IntakeRecord", dict[str, Any] | None]
# The current outcome of each of these intakes (record ids), by id; intakes without one left out. One call
# per batch of intakes (OutcomesMixin._export_outcomes: one query per batch).
OutcomeLookup = Callable[[Sequence[int]], Mapping[int, "OutcomeRecord"]]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the format, the intakes (ids, latest revisions) and the files (none for a stream)."""

    format: str
    intake_ids: tuple[int, ...] = ()
    paths: tuple[Path, ...] = field(default=())

    @property
    def count(self) -> int:
        return len(self.intake_ids)


def export_item(
    record: IntakeRecord, assessment: dict[str, Any] | None, outcome: OutcomeRecord | None = None
) -> ExportItem:
    """A stored intake as an exchange item: its UUID and revision, the stored result when complete, and its
    current outcome when one is recorded."""
    from intake_app.exchange import ExportItem

    complete = record.status == "complete"
    return ExportItem(record.intake_uuid, record.revision, record.document,
                      status="complete" if complete else "draft", assessment=assessment if complete else None,
                      patient_id=record.patient_id, outcome=outcome)


def export_items(pairs: Iterable[Pair], outcomes: OutcomeLookup | None) -> Iterator[tuple[IntakeRecord, ExportItem]]:
    """Each stored intake with its exchange item, streamed: the outcomes of each batch of OUTCOME_BATCH
    intakes are looked up together (one call of `outcomes` per batch, none without it)."""
    batch: list[Pair] = []

    def flush() -> Iterator[tuple[IntakeRecord, ExportItem]]:
        found = outcomes([record.id for record, _ in batch]) if outcomes is not None and batch else {}
        for record, assessment in batch:
            yield record, export_item(record, assessment, found.get(record.id))
        batch.clear()

    for pair in pairs:
        batch.append(pair)
        if len(batch) >= OUTCOME_BATCH:
            yield from flush()
    yield from flush()


def json_file_name(record: IntakeRecord) -> str:
    """The per-intake JSON file: the record id only, as exports always named it (never patient details)."""
    return f"intake-{record.id:06d}.json"


def _folder(out: Path, group: str | None) -> Path:
    from intake_app.files import private_dir

    if out.is_symlink():
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{out} is a symbolic link; exports are never written through one."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Give the real folder."),
            params={"out": out},
        )
    if out.exists() and not out.is_dir():
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{out} is a file, not a folder; nothing was exported."),
            hint=QT_TRANSLATE_NOOP(
                "IntakeError", "With --format json or fhir, --out names a folder (one file per intake)."
            ),
            params={"out": out},
        )
    return private_dir(out, group=group)


def write_per_intake(
    pairs: Callable[[], Iterator[Pair]], fmt: str, out: Path, *,
    overwrite: bool, group: str | None, outcomes: OutcomeLookup | None,
) -> ExportResult:
    """One file per intake (json: its document; fhir: a Bundle holding it and its outcome, looked up with
    `outcomes`). `pairs` is called twice: once to check that no file is in the way (nothing is written
    then), once to write, so memory stays flat."""
    from intake_app.exchange import file_name, intake_bytes
    from intake_app.files import atomic_write_bytes

    def name(record: IntakeRecord) -> str:
        return json_file_name(record) if fmt == "json" else file_name(export_item(record, None), "fhir")

    folder = _folder(out, group)
    if not overwrite:
        taken = [n for n in (name(record) for record, _ in pairs()) if os.path.lexists(folder / n)]
        if taken:
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError",
                    "{count} export file(s) already exist in {folder} (e.g. {taken}); nothing was exported.",
                ),
                hint=QT_TRANSLATE_NOOP(
                    "IntakeError", "Choose an empty folder, or repeat with --overwrite to replace them."
                ),
                params={"count": len(taken), "folder": folder, "taken": taken[0]},
            )
    ids, paths = [], []
    for record, item in export_items(pairs(), outcomes if fmt == "fhir" else None):
        path = folder / name(record)
        data = (json.dumps(record.document.to_json(), indent=2, ensure_ascii=False) + "\n").encode("utf-8") \
            if fmt == "json" else intake_bytes(item, "fhir")
        atomic_write_bytes(path, data, overwrite=overwrite, group=group)
        ids.append(record.id)
        paths.append(path)
    return ExportResult(fmt, tuple(ids), tuple(paths))


def write_csv_file(
    pairs: Iterable[Pair], out: Path, *, overwrite: bool, group: str | None, outcomes: OutcomeLookup | None,
) -> ExportResult:
    """The CSV export as one file, written atomically (a file in the way needs `overwrite`); the outcome
    columns hold what `outcomes` finds."""
    from intake_app.exchange import csv_bytes
    from intake_app.files import TargetExists, atomic_write_bytes

    if out.is_symlink():
        raise IntakeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "{out} is a symbolic link; it is never written through, so nothing was exported."
            ),
            params={"out": out},
        )
    if out.is_dir():
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{out} is a folder; with --format csv, --out names the file to write."),
            params={"out": out},
        )
    if out.exists() and not overwrite:
        raise TargetExists(out)
    ids: list[int] = []

    def items() -> Iterator[ExportItem]:
        for record, item in export_items(pairs, outcomes):
            ids.append(record.id)
            yield item

    atomic_write_bytes(out, csv_bytes(items()), overwrite=overwrite, group=group)
    return ExportResult("csv", tuple(ids), (out,))


def write_stream(
    pairs: Iterable[Pair], fmt: str, stream: TextIO, *, outcomes: OutcomeLookup | None
) -> ExportResult:
    """The whole export to a text stream: json an array of documents, fhir one Bundle, csv the file (the
    stream then needs newline="" and UTF-8; the byte-order mark is written). fhir and csv carry each
    intake's outcome as `outcomes` finds it; json documents hold answers only."""
    from intake_app.exchange import write_csv, write_fhir_bundle

    ids: list[int] = []

    def items() -> Iterator[ExportItem]:
        for record, item in export_items(pairs, outcomes if fmt != "json" else None):
            ids.append(record.id)
            yield item

    if fmt == "json":
        stream.write("[")
        for n, item in enumerate(items()):
            stream.write(("," if n else "") + "\n" + json.dumps(item.document.to_json(), ensure_ascii=False))
        stream.write("\n]\n")
    elif fmt == "fhir":
        write_fhir_bundle(items(), stream)
    else:
        write_csv(items(), stream)
    return ExportResult(fmt, tuple(ids))


def bundle_outcome_count(path: str | Path) -> int:
    """How many outcome Observations (exchange/outcomes_fhir.py) the FHIR Bundle in a file holds: the
    outcomes an import reads and checks but does not store (0 for intake documents, standard input or a
    file that cannot be read now). For the import summary."""
    from intake_app.exchange import is_fhir_bundle
    from intake_app.exchange.outcomes_fhir import is_outcome_observation
    from intake_app.services.inputs import read_json_file

    if str(path) == "-":
        return 0
    try:
        data = read_json_file(path, check=False)
    except InvalidInput:
        return 0
    if not is_fhir_bundle(data) or not isinstance(data.get("entry"), list):
        return 0
    return sum(1 for entry in data["entry"] if isinstance(entry, Mapping) and isinstance(entry.get("resource"), Mapping)
               and is_outcome_observation(entry["resource"]))


def import_items(
    data: Any, screen: Callable[[IntakeDocument], Assessment], *, source: str = "the file"
) -> list[ImportItem]:
    """What a file read as JSON holds, ready to store: intake documents (each a new intake; complete when
    every required answer is there) or a FHIR Bundle written by this program (each intake keeps its UUID
    and revision and its exported assessment as history; a complete one is re-screened with the current
    rules). Every document is validated first; any problem raises InvalidInput and nothing is returned.
    A bundle's outcome Observations are read and checked with their intakes (a broken one stops the
    import) but not stored: an outcome here is recorded by a clinician (docs/exchange.md)."""
    from intake_app.exchange import from_fhir_bundle, is_fhir_bundle
    from intake_app.storage.records import ImportItem

    items: list[ImportItem] = []
    if is_fhir_bundle(data):
        imported = from_fhir_bundle(data)
        problems = [p for n, intake in enumerate(imported)
                    for p in check_input(intake.document.to_json(), f"intake {n + 1}")]
        if problems:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("IntakeError", "{source}: holds text or values that cannot be stored"),
                problems,
                params={"source": source},
            )
        for intake in imported:
            document, result = intake.document, screen(intake.document)
            complete = intake.status == "complete"
            items.append(ImportItem(
                document, intake.status, intake.intake_uuid, intake.revision, history=intake.assessment,
                assessment=result.to_json() if complete else None,
                live=None if complete else (result.level, result.tier),
                red_flags_not_asked=complete and bool(unanswered_red_flags(document)),
            ))
        return items
    problems = check_input(data)  # a plain intake document is never nested as deep as a bundle
    if problems:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{source}: holds text or values that cannot be stored"),
            problems,
            params={"source": source},
        )
    for document in [parse_document(raw) for raw in documents_in(data)]:
        result = screen(document)
        complete = not missing_required(document) and not unanswered_red_flags(document)
        items.append(ImportItem(document, "complete" if complete else "draft",
                                assessment=result.to_json() if complete else None,
                                live=None if complete else (result.level, result.tier)))
    return items
