"""Export files: the bytes of each format, and one private file per intake in a folder.

File names hold the intake's UUID and revision only, never patient details. Files are written
atomically (0600 in a 0700 folder) through intake_app.files.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from intake_app.errors import IntakeError
from intake_app.exchange.fhir_export import to_fhir_bundle
from intake_app.exchange.items import ExportItem
from intake_app.files import TargetExists, atomic_write_bytes, private_dir
from intake_app.translation_marks import QT_TRANSLATE_NOOP

PerIntakeFormat = Literal["json", "fhir"]
SUFFIXES: dict[str, str] = {"json": ".json", "fhir": ".fhir.json"}


def json_bytes(data: Any) -> bytes:
    """JSON as the exports write it: UTF-8 (names as written, not escaped), indented, final newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def documents_json(items: Iterable[ExportItem]) -> list[dict[str, Any]]:
    """Today's JSON export: the array of intake documents."""
    return [item.document.to_json() for item in items]


def file_name(item: ExportItem, fmt: PerIntakeFormat) -> str:
    """"intake-<uuid>-r<revision>.json" (".fhir.json" for FHIR): no patient details in the name."""
    return f"intake-{item.intake_uuid}-r{item.revision}{SUFFIXES[fmt]}"


def intake_bytes(item: ExportItem, fmt: PerIntakeFormat) -> bytes:
    """One intake's file: its document (json) or a Bundle holding only it (fhir)."""
    if fmt == "json":
        return json_bytes(item.document.to_json())
    return json_bytes(to_fhir_bundle([item]))


def write_per_intake(
    items: Sequence[ExportItem], folder: str | Path, fmt: PerIntakeFormat, *, overwrite: bool = False,
    group: str | None = None,
) -> list[Path]:
    """One file per intake in `folder` (created 0700, or 0770 with a shared `group`; files 0600/0660).

    A folder that is a symbolic link is refused. Without `overwrite`, an existing file stops the export
    before anything is written (TargetExists). Returns the paths written, in item order.
    """
    if Path(folder).is_symlink():
        raise IntakeError(
            QT_TRANSLATE_NOOP("IntakeError", "{folder} is a symbolic link; exports are never written through one."),
            hint=QT_TRANSLATE_NOOP("IntakeError", "Give the real folder."),
            params={"folder": folder},
        )
    target = private_dir(folder, group=group)
    paths = [target / file_name(item, fmt) for item in items]
    if not overwrite:
        for path in paths:
            if os.path.lexists(path):
                raise TargetExists(path)
    for item, path in zip(items, paths, strict=True):
        atomic_write_bytes(path, intake_bytes(item, fmt), overwrite=overwrite, group=group)
    return paths
