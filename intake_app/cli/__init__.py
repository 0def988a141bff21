"""The command line: the same services as the GUI. With no command, the GUI starts.

Exit codes: 0 ok, 1 bad input or an expected failure (message on stderr), 2 usage.

Only this module loads for `intake-app --help`: it knows each command's name and one-line help, and builds
the command's own parser (in the module named below) after the command was chosen. So `--help` costs
little more than argparse itself, and `assess` never loads the database. Commands that read or change
patient data run as a staff account (`--user NAME`, see docs/access.md "Command-line identity").
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from intake_app import __version__
from intake_app.errors import IntakeError, InvalidInput

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

# name -> (module under intake_app.cli, one-line help); the order is the order in `--help`.
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("window", "open the window (the default)"),
    "validate": ("documents", "check intake document files"),
    "assess": ("documents", "screen one intake document and print the assessment"),
    "report": ("documents", "build the referral summary and/or patient handout PDF"),
    "import": ("records", "validate and store intake documents or FHIR bundles (all or nothing per file)"),
    "export": ("records", "write stored intakes as documents (json), a FHIR R4 Bundle (fhir) or a CSV file"),
    "rescreen": ("records", "re-assess completed intakes with the current rules; list changed results"),
    "recall": ("records", "patients to contact because their result rose after they left"),
    "outcome": ("outcomes", "what the specialist found: outcome record INTAKE_ID ..., outcome import FILE.csv"),
    "outcomes": ("outcomes", "the screening's record against the outcomes: outcomes report --out FILE.pdf"),
    "users": ("users", "staff accounts: add, list, disable, enable, unlock, reset-password, recover, passwd"),
    "audit": ("audit", "the audit trail: verify the chain, export it as CSV"),
    "backup": ("database", "write a checked backup of the database (default: backups/ beside it)"),
    "restore": ("database", "replace the database with a backup (every desk must be closed)"),
    "demo-data": ("database", "add N synthetic patients and intakes (fixed seed)"),
    "db": ("database", "database maintenance: db upgrade applies schema migrations"),
}

GLOBAL_OPTIONS = ("--user", "--database")

DESCRIPTION = (
    "Foot & Leg Intake: front-desk intake and screening aid (for clinician review, not a diagnosis). "
    "With no command, the window opens."
)
IDENTITY_NOTE = (
    "Commands that read or change patient data run as a staff account: --user NAME (or INTAKE_APP_USER); "
    "the password is asked for on a terminal, else read from the private file named by "
    "INTAKE_APP_PASSWORD_FILE. validate, assess and report on a file need no account."
)


class Parser(argparse.ArgumentParser):
    """argparse with one extra hint: --user and --database go before the command."""

    def error(self, message: str) -> None:  # type: ignore[override]  # argparse's own is NoReturn too
        if "unrecognized arguments" in message and any(o in message for o in GLOBAL_OPTIONS):
            message += " (--user and --database go before the command: intake-app --user NAME COMMAND ...)"
        super().error(message)


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
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the program, questionnaire, rules and SQLite "
                         "versions and exit", default=argparse.SUPPRESS)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(version_text())
        parser.exit()


def _commands_text() -> str:
    width = max(len(name) for name in COMMANDS) + 2
    lines = ["commands (intake-app COMMAND --help for each one's options):"]
    lines += [f"  {name:<{width}}{help_text}" for name, (_module, help_text) in COMMANDS.items()]
    return "\n".join(lines) + "\n\n" + IDENTITY_NOTE


def _terminal_width() -> int:
    """Columns for help text, as argparse works them out, without importing shutil."""
    import os

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 80
        except (AttributeError, ValueError, OSError):
            columns = 80
    return max(columns, 40) - 2


def wrap(text: str, width: int) -> list[str]:
    """Words filled greedily into lines of at most `width` characters (a longer word gets a line of its own)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with the width found and the lines filled here (no shutil or textwrap to load);
    lines of the description and epilog that start with two spaces (the command list) are kept as written."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _terminal_width())

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out: list[str] = []
        for paragraph in text.split("\n"):
            if paragraph.startswith("  ") or not paragraph.strip():
                out.append(indent + paragraph)
            else:
                out += [indent + line for line in wrap(paragraph, width - len(indent))]
        return "\n".join(out)


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: global options, then the command and whatever follows it."""
    parser = Parser(prog="intake-app", description=DESCRIPTION, epilog=_commands_text(),
                    formatter_class=HelpFormatter,
                    usage="intake-app [--database URL] [--user NAME] [COMMAND] [options]")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--database", metavar="URL", help="SQLAlchemy database URL (default: "
                        "$INTAKE_APP_DATABASE_URL, else a SQLite file in your data folder)")
    parser.add_argument("--user", metavar="NAME", help="the staff account a command runs as (default: "
                        "$INTAKE_APP_USER); never give a password on the command line")
    parser.add_argument("command", nargs="?", choices=tuple(COMMANDS), metavar="COMMAND",
                        help=argparse.SUPPRESS)
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def command_parser(command: str) -> argparse.ArgumentParser:
    """The parser of one command, built by its module."""
    import importlib

    module_name, help_text = COMMANDS[command]
    module = importlib.import_module(f"intake_app.cli.{module_name}")
    parser = Parser(prog=f"intake-app {command}", description=help_text[:1].upper() + help_text[1:] + ".",
                    formatter_class=HelpFormatter)
    module.configure(parser, command)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    command = args.command or "gui"
    rest = args.arguments
    del args.arguments
    args.command = command
    return command_parser(command).parse_args(rest, namespace=args)


def _report(exc: IntakeError) -> None:
    from intake_app.cli.common import report_invalid

    if isinstance(exc, InvalidInput):
        report_invalid(exc)
    else:
        print(str(exc), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        return int(args.func(args))
    except IntakeError as exc:
        _report(exc)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
