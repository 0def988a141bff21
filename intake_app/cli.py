"""The command line: the same services as the GUI. With no command, the GUI starts.

Exit codes: 0 ok, 1 bad input or an expected failure (message on stderr), 2 usage.
Modules are imported per command, so `intake-app` with no arguments reaches the window fast.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake_app import __version__
from intake_app.errors import IntakeError, InvalidInput

if TYPE_CHECKING:
    from intake_app.services import Clinic

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _report_invalid(exc: InvalidInput, source: str = "") -> None:
    prefix = f"{source}: " if source else ""
    if exc.problems:
        for where, message in exc.problems:
            _err(f"{prefix}{where}: {message}")
    else:
        _err(f"{prefix}{exc.message}" if prefix and not exc.message.startswith(source) else exc.message)


def _clinic(args: argparse.Namespace) -> Clinic:
    from intake_app.services import Clinic
    from intake_app.settings import load_settings

    return Clinic.open(args.database, load_settings())


def _group() -> str | None:
    from intake_app.services import shared_group
    from intake_app.settings import load_settings

    return shared_group(load_settings())


def version_text() -> str:
    """App, questionnaire, rules and SQLite library versions (imports only what it names)."""
    from intake_app.domain.questionnaire import DEFAULT_QUESTIONNAIRE
    from intake_app.screening import RULES_VERSION
    from intake_app.storage.database import sqlite_library_version

    return (
        f"intake-app {__version__}\n"
        f"questionnaire {DEFAULT_QUESTIONNAIRE}\n"
        f"rules {RULES_VERSION}\n"
        f"SQLite library {sqlite_library_version()} (all writes and checkpoints in one program go through "
        "one connection, whatever the version)"
    )


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the program, questionnaire, rules and SQLite "
                         "versions and exit", default=argparse.SUPPRESS)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        print(version_text())
        parser.exit()


# --- commands ----------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    if not display_available():
        _err("No display found: the Foot & Leg Intake window needs a graphical desktop.")
        _err("To run without a screen set QT_QPA_PLATFORM=offscreen (for tests), or use the commands in "
             "'intake-app --help' (assess, report, import, export).")
        return EXIT_BAD_INPUT
    from intake_app.gui.app import run

    return int(run(database_url=args.database))


def display_available() -> bool:
    """False when Qt would abort for lack of a display (Linux/BSD with no X11 or Wayland, no platform chosen)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_validate(args: argparse.Namespace) -> int:
    from intake_app.domain import DocumentInvalid, parse_document
    from intake_app.services import documents_in, read_json_file

    status = EXIT_OK
    for path in args.files:
        try:
            items = documents_in(read_json_file(path))
            for n, item in enumerate(items):
                try:
                    parse_document(item)
                except DocumentInvalid as exc:
                    _report_invalid(exc, path if len(items) == 1 else f"{path}[{n}]")
                    status = EXIT_BAD_INPUT
        except InvalidInput as exc:
            _report_invalid(exc)
            status = EXIT_BAD_INPUT
            continue
        if status == EXIT_OK:
            print(f"{path}: valid ({len(items)} document{'s' if len(items) != 1 else ''})")
    return status


def cmd_import(args: argparse.Namespace) -> int:
    clinic = _clinic(args)
    status = EXIT_OK
    for path in args.files:
        try:
            records = clinic.import_file(path)
        except InvalidInput as exc:
            _report_invalid(exc, path)
            _err(f"{path}: nothing imported")
            status = EXIT_BAD_INPUT
            continue
        done = sum(r.status == "complete" for r in records)
        line = f"{path}: imported {len(records)} intake(s) ({done} complete, {len(records) - done} draft)"
        if records.skipped:
            line += f"; {len(records.skipped)} already stored, left alone"
        print(line)
    return status


def cmd_export(args: argparse.Namespace) -> int:
    import io

    clinic = _clinic(args)
    status = None if args.status == "all" else args.status
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


def _load_one_document(path: str) -> Any:
    from intake_app.domain import parse_document
    from intake_app.services import read_json_file

    data = read_json_file(path)
    if isinstance(data, list):
        raise InvalidInput(f"{path}: holds {len(data)} documents; give a file with one intake document")
    return parse_document(data)


def cmd_assess(args: argparse.Namespace) -> int:
    from intake_app.screening.text import format_text
    from intake_app.services import screen
    from intake_app.settings import load_settings

    document = _load_one_document(args.file)
    assessment = screen(document, load_settings())  # worded with the clinic's emergency department
    if args.format == "json":
        print(json.dumps(assessment.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_text(assessment, document))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from intake_app.files import TargetExists, atomic_write_bytes
    from intake_app.services import build_report_pdf, screen, shared_group
    from intake_app.settings import load_settings

    if not args.referral and not args.handout:
        _err("report: give --referral OUT.pdf and/or --handout OUT.pdf")
        return EXIT_USAGE
    targets = [(kind, Path(t)) for kind, t in (("referral", args.referral), ("handout", args.handout)) if t]
    for _kind, target in targets:  # refuse before building anything
        if target.is_symlink():
            raise IntakeError(f"{target} is a symbolic link; it is never written through, so nothing was written.")
        if target.exists() and not args.overwrite:
            raise TargetExists(target)
    document = _load_one_document(args.file)
    settings = load_settings()
    assessment = screen(document, settings)  # once, for both documents
    overrides: dict[str, Any] = {"revision": args.revision} if args.revision else {}
    for kind, target in targets:
        data = build_report_pdf(kind, document, settings, assessment, **overrides)
        atomic_write_bytes(target, data, overwrite=args.overwrite, group=shared_group(settings))
        print(f"wrote {target} ({len(data) // 1024} KiB)")
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace) -> int:
    import time

    if args.count < 1 or args.count > 1_000_000:
        _err("demo-data: N must be between 1 and 1000000")
        return EXIT_USAGE
    clinic = _clinic(args)
    started = time.perf_counter()
    added = clinic.add_demo_data(args.count, seed=args.seed)
    print(f"added {added} synthetic patients with one completed intake each "
          f"in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from intake_app.storage import close_engine, create_database_engine, describe_url, resolve_database_url, upgrade
    from intake_app.storage.database import sqlite_file
    from intake_app.storage.safety import check_integrity

    group = _group()
    url = resolve_database_url(args.database, group=group)
    engine = create_database_engine(url, group=group)
    try:
        path = sqlite_file(url)
        if path is not None:
            check_integrity(path, quick=True)
        changed = upgrade(engine)
    finally:
        close_engine(engine)
    print(f"{describe_url(url)}: {'upgraded to the newest schema' if changed else 'already up to date'}")
    return EXIT_OK


LEVEL_WORDS = {"urgent": "URGENT", "likely": "spinal origin likely", "possible": "spinal origin possible",
               "not_indicated": "spinal origin not indicated"}


def _result(level: str | None, tier: str | None) -> str:
    if level is None:
        return "no result"
    words = LEVEL_WORDS.get(level, level)
    return f"{words} (tier {tier})" if tier else words


def cmd_rescreen(args: argparse.Namespace) -> int:
    from intake_app.screening import RULES_VERSION

    clinic = _clinic(args)
    changes = clinic.rescreen()
    print(f"re-screened with rules {RULES_VERSION}; {len(changes)} intake(s) changed result")
    if changes:
        width = max(len(_result(c.old_level, c.old_tier)) for c in changes)
        print(f"{'intake':>8}  {'before':<{width}}  now")
    for change in changes:
        before = _result(change.old_level, change.old_tier)
        note = "   -> recall: contact the patient" if change.recall else ""
        print(f"{change.intake_id:>8}  {before:<{width}}  {_result(change.new_level, change.new_tier)}{note}")
    return EXIT_OK


def cmd_recall(args: argparse.Namespace) -> int:
    clinic = _clinic(args)
    if args.contacted is not None:
        if not args.who:
            _err("recall --contacted needs --who NAME (the clinician who contacted the patient)")
            return EXIT_USAGE
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
              f"{_result(e.old_level, e.old_tier)} -> {_result(e.new_level, e.new_tier)}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    clinic = _clinic(args)
    try:
        path = clinic.backup(args.folder)
    finally:
        clinic.close()
    print(f"backup written and checked: {path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from intake_app.storage import resolve_database_url
    from intake_app.storage.backup import POSTGRES_MESSAGE, restore_sqlite
    from intake_app.storage.database import sqlite_file

    group = _group()
    url = resolve_database_url(args.database, group=group)
    database = sqlite_file(url)
    if database is None:
        raise IntakeError(POSTGRES_MESSAGE.replace("back it up", "restore it"))
    backup = Path(args.file)
    if not backup.is_file():
        raise IntakeError(f"{backup}: no such backup file; nothing was changed.")
    aside = restore_sqlite(database, backup, group=group)
    print(f"restored {database} from {backup}")
    if aside is not None:
        print(f"the replaced database was kept as {aside}")
    return EXIT_OK


def _revision(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("a revision is a whole number from 1")
    return value


# --- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake-app",
        description="Foot & Leg Intake: front-desk intake and screening aid (for clinician review, not a "
        "diagnosis). With no command, the window opens.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy database URL (default: "
                        "$INTAKE_APP_DATABASE_URL, else a SQLite file in your data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the window (the default)").set_defaults(func=cmd_gui)

    p = commands.add_parser("validate", help="check intake document files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = commands.add_parser("import", help="validate and store intake document files or FHIR bundles written by "
                            "this program (all or nothing per file; intakes already stored are left alone)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("export", help="write stored intakes (latest revisions) as intake documents (json), "
                            "a FHIR R4 Bundle (fhir) or a spreadsheet (csv)")
    p.add_argument("--format", choices=("json", "fhir", "csv"), default="json")
    p.add_argument("--out", metavar="FOLDER|FILE", help="json, fhir: one file per intake in FOLDER; csv: the FILE "
                   "to write (default: everything to standard output)")
    p.add_argument("--status", choices=("all", "complete", "draft"), default="all")
    p.add_argument("--overwrite", action="store_true", help="replace export files already there")
    p.set_defaults(func=cmd_export)

    p = commands.add_parser("assess", help="screen one intake document and print the assessment")
    p.add_argument("file", metavar="FILE", help="intake document; - reads standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.set_defaults(func=cmd_assess)

    p = commands.add_parser("report", help="build the referral summary and/or patient handout PDF")
    p.add_argument("file", metavar="FILE", help="intake document; - reads standard input")
    p.add_argument("--referral", metavar="OUT.pdf")
    p.add_argument("--handout", metavar="OUT.pdf")
    p.add_argument("--overwrite", action="store_true", help="replace PDF files that already exist")
    p.add_argument("--revision", type=_revision, metavar="N",
                   help="the intake's revision: above 1 the referral says \"amended (revision N)\"")
    p.set_defaults(func=cmd_report)

    p = commands.add_parser("demo-data", help="add N synthetic patients and intakes (fixed seed)")
    p.add_argument("count", type=int, metavar="N")
    p.add_argument("--seed", type=int, default=20261125)
    p.set_defaults(func=cmd_demo_data)

    p = commands.add_parser("db", help="database maintenance")
    db = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db.add_parser("upgrade", help="apply schema migrations").set_defaults(func=cmd_db_upgrade)

    p = commands.add_parser("rescreen", help="re-assess completed intakes with the current rules (keeps old results); "
                            "lists every intake whose level or tier changed")
    p.set_defaults(func=cmd_rescreen)

    p = commands.add_parser("recall", help="list patients to contact because their result rose after they left")
    p.add_argument("--contacted", type=int, metavar="ID", help="mark intake ID contacted (needs --who)")
    p.add_argument("--who", metavar="NAME", help="the clinician who contacted the patient")
    p.set_defaults(func=cmd_recall)

    p = commands.add_parser("backup", help="write a checked backup of the database (default: backups/ beside it)")
    p.add_argument("folder", nargs="?", metavar="DIR")
    p.set_defaults(func=cmd_backup)

    p = commands.add_parser("restore", help="replace the database with a backup (every desk must be closed)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_gui)
    try:
        return int(func(args))
    except InvalidInput as exc:
        _report_invalid(exc)
        return EXIT_BAD_INPUT
    except IntakeError as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
