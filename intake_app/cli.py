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
        print(f"{path}: imported {len(records)} intake(s) ({done} complete, {len(records) - done} draft)")
    return status


def cmd_export(args: argparse.Namespace) -> int:
    clinic = _clinic(args)
    status = None if args.status == "all" else args.status
    if args.out:
        folder = Path(args.out)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            count = 0
            for intake_id, document in clinic.export_documents(status):
                # File names carry the record id only, never patient details.
                target = folder / f"intake-{intake_id:06d}.json"
                target.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
                count += 1
        except OSError as exc:
            raise IntakeError(f"Cannot write to {folder} ({exc.strerror}).") from None
        print(f"exported {count} intake document(s) to {folder}", file=sys.stderr)
        return EXIT_OK
    out = sys.stdout
    out.write("[")
    for n, (_intake_id, document) in enumerate(clinic.export_documents(status)):
        out.write(("," if n else "") + "\n" + json.dumps(document, ensure_ascii=False))
    out.write("\n]\n")
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

    document = _load_one_document(args.file)
    assessment = screen(document)
    if args.format == "json":
        print(json.dumps(assessment.to_json(), indent=2, ensure_ascii=False))
    else:
        print(format_text(assessment, document))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from intake_app.services import build_report_pdf, screen
    from intake_app.settings import load_settings

    if not args.referral and not args.handout:
        _err("report: give --referral OUT.pdf and/or --handout OUT.pdf")
        return EXIT_USAGE
    document = _load_one_document(args.file)
    settings = load_settings()
    assessment = screen(document)  # once, for both documents
    for kind, target in (("referral", args.referral), ("handout", args.handout)):
        if not target:
            continue
        data = build_report_pdf(kind, document, settings, assessment)
        try:
            Path(target).write_bytes(data)
        except OSError as exc:
            raise IntakeError(f"Cannot write {target} ({exc.strerror}).") from None
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
    from intake_app.storage import create_database_engine, describe_url, resolve_database_url, upgrade

    url = resolve_database_url(args.database)
    changed = upgrade(create_database_engine(url))
    print(f"{describe_url(url)}: {'upgraded to the newest schema' if changed else 'already up to date'}")
    return EXIT_OK


def cmd_rescreen(args: argparse.Namespace) -> int:
    from intake_app.screening import RULES_VERSION

    clinic = _clinic(args)
    changes = clinic.rescreen()
    print(f"re-screened with rules {RULES_VERSION}; {len(changes)} intake(s) changed level")
    for change in changes:
        print(f"intake {change.intake_id}: {change.old_level} ({change.old_rules_version}) -> {change.new_level}")
    return EXIT_OK


# --- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake-app",
        description="Foot & Leg Intake: front-desk intake and screening aid (for clinician review, not a "
        "diagnosis). With no command, the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy database URL (default: "
                        "$INTAKE_APP_DATABASE_URL, else a SQLite file in your data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", help="open the window (the default)").set_defaults(func=cmd_gui)

    p = commands.add_parser("validate", help="check intake document files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_validate)

    p = commands.add_parser("import", help="validate and store intake document files (all or nothing per file)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("export", help="write stored intakes as intake documents (JSON)")
    p.add_argument("--out", metavar="FOLDER", help="one file per intake in FOLDER (default: a JSON array on stdout)")
    p.add_argument("--status", choices=("all", "complete", "draft"), default="all")
    p.set_defaults(func=cmd_export)

    p = commands.add_parser("assess", help="screen one intake document and print the assessment")
    p.add_argument("file", metavar="FILE", help="intake document; - reads standard input")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.set_defaults(func=cmd_assess)

    p = commands.add_parser("report", help="build the referral summary and/or patient handout PDF")
    p.add_argument("file", metavar="FILE", help="intake document; - reads standard input")
    p.add_argument("--referral", metavar="OUT.pdf")
    p.add_argument("--handout", metavar="OUT.pdf")
    p.set_defaults(func=cmd_report)

    p = commands.add_parser("demo-data", help="add N synthetic patients and intakes (fixed seed)")
    p.add_argument("count", type=int, metavar="N")
    p.add_argument("--seed", type=int, default=20261125)
    p.set_defaults(func=cmd_demo_data)

    p = commands.add_parser("db", help="database maintenance")
    db = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db.add_parser("upgrade", help="apply schema migrations").set_defaults(func=cmd_db_upgrade)

    p = commands.add_parser("rescreen", help="re-assess completed intakes with the current rules (keeps old results)")
    p.set_defaults(func=cmd_rescreen)
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
