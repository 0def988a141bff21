"""Commands on stored intakes: import, export, rescreen, recall. Each runs as a signed-in staff account and
the services check its role (export, import, re-screening and the recall list are clinicians' work)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from intake_app.cli.common import EXIT_BAD_INPUT, EXIT_OK, clinic_session, err, report_invalid
from intake_app.errors import InvalidInput

if TYPE_CHECKING:
    import argparse

LEVEL_WORDS = {"urgent": "URGENT", "likely": "spinal origin likely", "possible": "spinal origin possible",
               "not_indicated": "spinal origin not indicated"}


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "import":
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.set_defaults(func=cmd_import)
    elif command == "export":
        parser.add_argument("--format", choices=("json", "fhir", "csv"), default="json")
        parser.add_argument("--out", metavar="FOLDER|FILE", help="json, fhir: one file per intake in FOLDER; csv: "
                            "the FILE to write (default: everything to standard output)")
        parser.add_argument("--status", choices=("all", "complete", "draft"), default="all")
        parser.add_argument("--overwrite", action="store_true", help="replace export files already there")
        parser.set_defaults(func=cmd_export)
    elif command == "rescreen":
        parser.set_defaults(func=cmd_rescreen)
    else:
        parser.add_argument("--contacted", type=int, metavar="ID", help="mark intake ID contacted")
        parser.add_argument("--who", metavar="NAME", help="who contacted the patient (default: the signed-in "
                            "account's name)")
        parser.set_defaults(func=cmd_recall)


def cmd_import(args: argparse.Namespace) -> int:
    from intake_app.services.exchange import bundle_outcome_count

    status = EXIT_OK
    with clinic_session(args, "import") as clinic:
        for path in args.files:
            try:
                records = clinic.import_file(path)
            except InvalidInput as exc:
                report_invalid(exc, path)
                err(f"{path}: nothing imported")
                status = EXIT_BAD_INPUT
                continue
            done = sum(r.status == "complete" for r in records)
            line = f"{path}: imported {len(records)} intake(s) ({done} complete, {len(records) - done} draft)"
            if records.skipped:
                line += f"; {len(records.skipped)} already stored, left alone"
            outcomes = bundle_outcome_count(path)
            if outcomes:
                line += (f"; {outcomes} outcome(s) in the file not imported (a clinician records them here: "
                         "intake-app outcome record, or outcome import from a CSV file)")
            print(line)
    return status


def cmd_export(args: argparse.Namespace) -> int:
    import io

    status = None if args.status == "all" else args.status
    with clinic_session(args, "export") as clinic:
        if args.out:
            result = clinic.export_documents(status, format=args.format, out=args.out, overwrite=args.overwrite)
            where = args.out
        elif args.format == "csv":  # the byte-order mark and CRLF rows go out as written
            sys.stdout.flush()
            stream = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
            try:
                result = clinic.export_documents(status, format="csv", stream=stream)
            finally:
                stream.flush()
                stream.detach()
            where = "standard output"
        else:
            result = clinic.export_documents(status, format=args.format, stream=sys.stdout)
            where = "standard output"
    print(f"exported {result.count} intake(s) as {args.format} to {where}", file=sys.stderr)
    return EXIT_OK


def result_words(level: str | None, tier: str | None) -> str:
    if level is None:
        return "no result"
    words = LEVEL_WORDS.get(level, level)
    return f"{words} (tier {tier})" if tier else words


def cmd_rescreen(args: argparse.Namespace) -> int:
    from intake_app.screening import RULES_VERSION

    with clinic_session(args, "rescreen") as clinic:
        changes = clinic.rescreen()
    print(f"re-screened with rules {RULES_VERSION}; {len(changes)} intake(s) changed result")
    if changes:
        width = max(len(result_words(c.old_level, c.old_tier)) for c in changes)
        print(f"{'intake':>8}  {'before':<{width}}  now")
    for change in changes:
        before = result_words(change.old_level, change.old_tier)
        note = "   -> recall: contact the patient" if change.recall else ""
        print(f"{change.intake_id:>8}  {before:<{width}}  {result_words(change.new_level, change.new_tier)}{note}")
    return EXIT_OK


def cmd_recall(args: argparse.Namespace) -> int:
    with clinic_session(args, "recall") as clinic:
        if args.contacted is not None:
            clinic.mark_contacted(args.contacted, args.who)
            print(f"intake {args.contacted}: marked contacted; it has left the recall list")
            return EXIT_OK
        entries = clinic.recall_list()
    if not entries:
        print("recall list: nobody to contact")
        return EXIT_OK
    print(f"recall list: {len(entries)} patient(s) to contact (result rose after they left)")
    for e in entries:
        print(f"intake {e.intake_id}  {e.patient_name}  visit {e.visit_date.isoformat()}  "
              f"{result_words(e.old_level, e.old_tier)} -> {result_words(e.new_level, e.new_tier)}")
    return EXIT_OK
