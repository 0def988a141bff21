"""`intake-app audit verify` and `intake-app audit export` (administrators).

verify checks the whole hash chain and this computer's anchor: exit 0 when intact, 1 naming the first bad
entry. export writes CSV (times in ISO 8601 UTC; --from and --to are inclusive UTC days) to standard output,
or with --out to a private file written all at once.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from intake_app.cli.common import EXIT_BAD_INPUT, EXIT_OK, clinic_session

if TYPE_CHECKING:
    import argparse


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    actions.add_parser("verify", help="check that no entry was changed, removed, reordered or cut off "
                       "(exit 0 intact, 1 names the first bad entry)").set_defaults(func=cmd_verify)
    p = actions.add_parser("export", help="the entries as CSV (times in ISO 8601 UTC)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="first day, YYYY-MM-DD (UTC, included)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="last day, YYYY-MM-DD (UTC, included)")
    p.add_argument("--out", metavar="FILE", help="write to FILE (private, written all at once) instead of "
                   "standard output")
    p.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_export)


def cmd_verify(args: argparse.Namespace) -> int:
    with clinic_session(args, "audit verify") as clinic:
        report = clinic.verify_audit()
    if report.ok:
        print(f"{report.message} ({report.count} entries checked)")
        return EXIT_OK
    print(f"The audit trail is NOT intact: {report.message}", file=sys.stderr)
    print(f"The first bad entry is entry {report.first_bad}.", file=sys.stderr)
    return EXIT_BAD_INPUT


def cmd_export(args: argparse.Namespace) -> int:
    from intake_app.access.audit_export import AuditFilter, parse_date

    selection = AuditFilter(
        date_from=parse_date(args.date_from, "--from") if args.date_from else None,
        date_to=parse_date(args.date_to, "--to") if args.date_to else None,
    )
    if args.out:
        from pathlib import Path

        from intake_app.files import TargetExists, atomic_write_text
        from intake_app.services import shared_group

        target = Path(args.out)
        if target.exists() and not args.overwrite:
            raise TargetExists(target)
        with clinic_session(args, "audit export") as clinic:
            lines = list(clinic.audit_csv(selection))
            atomic_write_text(target, "".join(lines), overwrite=args.overwrite, group=shared_group(clinic.settings))
        print(f"wrote {len(lines) - 1} audit entries to {target}", file=sys.stderr)
        return EXIT_OK
    count = -1
    with clinic_session(args, "audit export") as clinic:
        for line in clinic.audit_csv(selection):
            sys.stdout.write(line)
            count += 1
    sys.stdout.flush()
    print(f"exported {count} audit entries to standard output", file=sys.stderr)
    return EXIT_OK
