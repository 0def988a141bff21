"""Commands on intake document files: validate, assess, report. They touch no database and need no account
(`report --intake-id` prints a stored intake instead, and so signs in).

`assess` loads only the screening, the document reader and the settings: no database, no PDF library.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake_app.cli.common import EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, clinic_session, err, report_invalid
from intake_app.errors import IntakeError, InvalidInput
from intake_app.translation_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    import argparse

    from intake_app.domain import IntakeDocument
    from intake_app.settings import Settings


def configure(parser: argparse.ArgumentParser, command: str) -> None:
    if command == "validate":
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.set_defaults(func=cmd_validate)
    elif command == "assess":
        parser.add_argument("file", metavar="FILE", help="intake document; - reads standard input")
        parser.add_argument("--format", choices=("json", "text"), default="json")
        parser.set_defaults(func=cmd_assess)
    else:
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("file", metavar="FILE", nargs="?", help="intake document; - reads standard input")
        source.add_argument("--intake-id", type=_whole_number, metavar="ID",
                            help="a stored intake instead of a file (signs in; recorded as a PDF save)")
        parser.add_argument("--referral", metavar="OUT.pdf")
        parser.add_argument("--handout", metavar="OUT.pdf")
        parser.add_argument("--language", metavar="LANG", help="the handout's language, en or es (default: the "
                            "patient's preferred language, else the clinic's language)")
        parser.add_argument("--referral-language", metavar="LANG", help="the referral letter's language, en or es "
                            "(default: the clinic's language; the letter is for the receiving clinician)")
        parser.add_argument("--overwrite", action="store_true", help="replace PDF files that already exist")
        parser.add_argument("--revision", type=_whole_number, metavar="N",
                            help="the intake's revision: above 1 the referral says \"amended (revision N)\" "
                            "(a stored intake prints its own)")
        parser.set_defaults(func=cmd_report)


def _whole_number(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("a whole number from 1")
    return value


def cmd_validate(args: argparse.Namespace) -> int:
    from intake_app.domain import DocumentInvalid, parse_document
    from intake_app.services.inputs import documents_in, read_json_file

    status = EXIT_OK
    for path in args.files:
        try:
            items = documents_in(read_json_file(path))
            for n, item in enumerate(items):
                try:
                    parse_document(item)
                except DocumentInvalid as exc:
                    report_invalid(exc, path if len(items) == 1 else f"{path}[{n}]")
                    status = EXIT_BAD_INPUT
        except InvalidInput as exc:
            report_invalid(exc)
            status = EXIT_BAD_INPUT
            continue
        if status == EXIT_OK:
            print(f"{path}: valid ({len(items)} document{'s' if len(items) != 1 else ''})")
    return status


def load_one_document(path: str) -> IntakeDocument:
    from intake_app.domain import parse_document
    from intake_app.services.inputs import read_json_file

    data = read_json_file(path)
    if isinstance(data, list):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("IntakeError", "{path}: holds {count} documents; give a file with one intake document"),
            params={"path": path, "count": len(data)},
        )
    return parse_document(data)


def cmd_assess(args: argparse.Namespace) -> int:
    from intake_app.services.results import screen
    from intake_app.settings import load_settings

    document = load_one_document(args.file)
    assessment = screen(document, load_settings())  # worded with the clinic's emergency department
    if args.format == "json":
        print(json.dumps(assessment.to_json(), indent=2, ensure_ascii=False))
    else:
        from intake_app.screening.text import format_text

        print(format_text(assessment, document))
    return EXIT_OK


def handout_language(document: IntakeDocument, settings: Settings, chosen: str | None) -> str:
    """--language, else the patient's preferred language, else the clinic's, when the handout is written in
    it; English otherwise. A --language the handout is not written in is a plain refusal."""
    from intake_app.domain.language import ENGLISH, LANGUAGE_NAMES, LANGUAGES

    if chosen is not None:
        code = chosen.strip().lower()
        if code not in LANGUAGES:
            names = ", ".join(f"{c} ({LANGUAGE_NAMES[c]})" for c in LANGUAGES)
            raise IntakeError(
                QT_TRANSLATE_NOOP("IntakeError", "--language: the handout is written in {names}, not {chosen}."),
                params={"names": names, "chosen": repr(chosen[:20])},
            )
        return code
    for candidate in (document.answers.get("preferred_language"), settings.clinic_language):
        if isinstance(candidate, str) and candidate.strip().lower() in LANGUAGES:
            return candidate.strip().lower()
    return ENGLISH


def referral_language(settings: Settings, chosen: str | None) -> str:
    """--referral-language, else the clinic's language when the letter is written in it, else English. A
    language the letter is not written in is a plain refusal."""
    from intake_app.domain.language import LANGUAGE_NAMES
    from intake_app.reports.referral_text import REFERRAL_LANGUAGES
    from intake_app.reports.referral_text import referral_language as choose

    if chosen is not None:
        code = chosen.strip().lower()
        if code not in REFERRAL_LANGUAGES:
            names = ", ".join(f"{c} ({LANGUAGE_NAMES[c]})" for c in REFERRAL_LANGUAGES)
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "--referral-language: the referral letter is written in {names}, not {chosen}."
                ),
                params={"names": names, "chosen": repr(chosen[:20])},
            )
        return code
    return choose(None, settings.clinic_language.strip().lower())


def cmd_report(args: argparse.Namespace) -> int:
    if not args.referral and not args.handout:
        err("report: give --referral OUT.pdf and/or --handout OUT.pdf")
        return EXIT_USAGE
    if args.referral_language is not None and not args.referral:
        err("report: --referral-language is for the referral letter; give --referral OUT.pdf too")
        return EXIT_USAGE
    from intake_app.files import TargetExists

    targets = [(kind, Path(t)) for kind, t in (("referral", args.referral), ("handout", args.handout)) if t]
    for _kind, target in targets:  # refuse before building anything
        if target.is_symlink():
            raise IntakeError(
                QT_TRANSLATE_NOOP(
                    "IntakeError", "{target} is a symbolic link; it is never written through, so nothing was written."
                ),
                params={"target": target},
            )
        if target.exists() and not args.overwrite:
            raise TargetExists(target)
    if args.intake_id is not None:
        return _report_stored(args, targets)
    from intake_app.services.results import screen
    from intake_app.settings import load_settings

    document = load_one_document(args.file)
    settings = load_settings()
    letter_language = referral_language(settings, args.referral_language)  # refused before anything is built
    assessment = screen(document, settings)  # once, for both documents
    for kind, target in targets:
        overrides: dict[str, Any] = {}
        if args.revision:
            overrides["revision"] = args.revision
        if kind == "handout":
            overrides.update(_language_override(document, settings, args.language))
        else:
            overrides["language"] = letter_language
        _write_pdf(target, _build(kind, document, settings, assessment, overrides), args.overwrite, settings)
    return EXIT_OK


def _language_override(document: IntakeDocument, settings: Settings, chosen: str | None) -> dict[str, str]:
    """`language=` for the handout when it differs from the builder's own choice (the patient's preferred
    language, else English): a --language, or the clinic's language for a patient who named none."""
    from intake_app.reports.handout import handout_language as builder_default

    language = handout_language(document, settings, chosen)
    return {} if chosen is None and language == builder_default(document) else {"language": language}


def _build(kind: str, document: IntakeDocument, settings: Settings, assessment: Any,
           overrides: dict[str, Any]) -> bytes:
    from intake_app.services import build_report_pdf

    return build_report_pdf(kind, document, settings, assessment, **overrides)


def _write_pdf(target: Path, data: bytes, overwrite: bool, settings: Settings) -> None:
    from intake_app.files import atomic_write_bytes
    from intake_app.services import shared_group

    atomic_write_bytes(target, data, overwrite=overwrite, group=shared_group(settings))
    print(f"wrote {target} ({len(data) // 1024} KiB)")


def _report_stored(args: argparse.Namespace, targets: list[tuple[str, Path]]) -> int:
    """The PDFs of a stored intake (its latest revision), recorded in the audit trail as PDF saves."""
    with clinic_session(args, "report --intake-id") as clinic:
        letter_language = referral_language(clinic.settings, args.referral_language)
        record = clinic.intake(args.intake_id)
        document = record.document
        for kind, target in targets:
            if kind == "referral":
                data = clinic.referral_pdf(document, revision=record.revision, language=letter_language)
            else:
                data = clinic.handout_pdf(document, **_language_override(document, clinic.settings, args.language))
            _write_pdf(target, data, args.overwrite, clinic.settings)
            clinic.note_pdf_saved(record.id, kind)
    return EXIT_OK
