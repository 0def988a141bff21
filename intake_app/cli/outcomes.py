"""Outcome commands (issue 17): `outcome record`, `outcome import` and `outcomes report`.

Each runs as a signed-in staff account (`--user NAME`); recording outcomes and the screening's record are
clinicians' work, and the services check the role.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from intake_app.cli.common import EXIT_BAD_INPUT, EXIT_OK, clinic_session, err, report_invalid
from intake_app.domain.outcomes import FINDINGS, IMAGING
from intake_app.errors import IntakeError, InvalidInput
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import argparse

    from intake_app.services import Clinic
    from intake_app.services.outcomes import OutcomesMixin

FINDING_HELP = "; ".join(f"{code} ({words})" for code, words in FINDINGS.items())
IMAGING_HELP = ", ".join(IMAGING)


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    """`outcome record|import ...` (command "outcome") or `outcomes report ...` (command "outcomes")."""
    actions = parser.add_subparsers(dest="outcome_action", metavar="ACTION", required=True)
    if command == "outcome":
        record = actions.add_parser("record", help="record what the specialist found for a completed intake")
        record.add_argument("intake_id", type=int, metavar="INTAKE_ID")
        record.add_argument("--finding", required=True, metavar="FINDING", help=FINDING_HELP)
        record.add_argument("--other-cause", metavar="TEXT", help="the other cause, in a few words (with "
                            "--finding other_cause)")
        record.add_argument("--seen-on", metavar="YYYY-MM-DD", help="the day the specialist saw the patient")
        record.add_argument("--seen-by", metavar="TEXT", help="who saw the patient")
        record.add_argument("--imaging", metavar="LIST", help=f"imaging done, comma-separated: {IMAGING_HELP}")
        record.add_argument("--urgent-route-at", metavar="'YYYY-MM-DD HH:MM'", help="for urgent results: when "
                            "the patient reached the emergency or urgent route (local time)")
        record.add_argument("--note", metavar="TEXT")
        record.add_argument("--version", type=int, metavar="N", dest="expected_version",
                            help="the outcome version you are correcting (refused if another desk changed it)")
        record.set_defaults(func=cmd_record)
        imported = actions.add_parser("import", help="store the outcomes of a CSV file (all or nothing; "
                                      "columns intake_id, finding, other_cause, seen_by, seen_on, imaging, "
                                      "urgent_route_at, note)")
        imported.add_argument("file", metavar="FILE.csv")
        imported.set_defaults(func=cmd_import)
    else:
        report = actions.add_parser("report", help="the screening's record as a PDF: per level and rule, with "
                                    "95%% intervals, split by rules version")
        report.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD",
                            help="the first completion day (default: the first intake)")
        report.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD",
                            help="the last completion day (default: today)")
        report.add_argument("--out", required=True, metavar="FILE.pdf")
        report.add_argument("--overwrite", action="store_true", help="replace the PDF file if it exists")
        report.set_defaults(func=cmd_report)


def _date(text: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD") from None


def outcomes(clinic: Clinic) -> OutcomesMixin:
    """The clinic's outcome methods (services/outcomes.py, mixed into Clinic)."""
    from intake_app.services.outcomes import OutcomesMixin

    if not isinstance(clinic, OutcomesMixin):
        raise IntakeError(QT_TRANSLATE_NOOP("IntakeError", "This copy of the program cannot record outcomes."))
    return clinic


def cmd_record(args: argparse.Namespace) -> int:
    values = {"finding": args.finding, "other_cause": args.other_cause, "seen_on": args.seen_on,
              "seen_by": args.seen_by, "imaging": args.imaging, "urgent_route_at": args.urgent_route_at,
              "note": args.note}
    with clinic_session(args, "outcome record") as clinic:
        try:
            record = outcomes(clinic).record_outcome(
                args.intake_id, {k: v for k, v in values.items() if v is not None},
                expected_version=args.expected_version)
        except InvalidInput as exc:  # each message names its field in words (never the option's key)
            for _field, message in exc.problems:
                err(f"intake {args.intake_id}: {message}")
            err(f"intake {args.intake_id}: {exc.message}")
            return EXIT_BAD_INPUT
    what = "recorded" if record.version == 1 else f"corrected (version {record.version})"
    print(f"intake {record.intake_id}: outcome {what}: {record.outcome.finding_text}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    with clinic_session(args, "outcome import") as clinic:
        try:
            records = outcomes(clinic).import_outcomes_csv(args.file)
        except InvalidInput as exc:
            report_invalid(exc, args.file)
            err(f"{args.file}: nothing imported")
            return EXIT_BAD_INPUT
    corrected = sum(r.version > 1 for r in records)
    note = f" ({corrected} as corrections of an earlier outcome)" if corrected else ""
    print(f"{args.file}: imported {len(records)} outcome(s){note}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from intake_app.files import TargetExists, atomic_write_bytes

    target = Path(args.out)
    if target.is_symlink():
        raise IntakeError(
            QT_TRANSLATE_NOOP(
                "IntakeError", "{target} is a symbolic link; it is never written through, so nothing was written."
            ),
            params={"target": target},
        )
    if target.exists() and not args.overwrite:
        raise TargetExists(target)
    with clinic_session(args, "outcomes report") as clinic:
        data = outcomes(clinic).outcomes_report_pdf(args.start, args.end)
        atomic_write_bytes(target, data, overwrite=args.overwrite, group=clinic.group)
    print(f"wrote {target} ({len(data) // 1024} KiB)")
    return EXIT_OK
