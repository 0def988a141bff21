"""Export files: one private file per intake, named without patient details; the module imports
nothing from storage or Qt."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from intake_app.errors import IntakeError
from intake_app.exchange import (
    documents_json,
    file_name,
    from_fhir_bundle,
    intake_bytes,
    json_bytes,
    write_per_intake,
)
from intake_app.files import TargetExists
from tests.exchange.documents import NAMES, document, item, rich_document

V1 = "foot-leg-intake/1"


def test_file_names_hold_the_uuid_and_revision_only() -> None:
    exported = item(document(V1, {}, names=NAMES["latin"]), revision=4,
                    intake_uuid="0f8fad5b-d9cb-469f-a165-70867728950e")
    assert file_name(exported, "json") == "intake-0f8fad5b-d9cb-469f-a165-70867728950e-r4.json"
    assert file_name(exported, "fhir") == "intake-0f8fad5b-d9cb-469f-a165-70867728950e-r4.fhir.json"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_one_private_file_per_intake_in_a_private_folder(tmp_path: Path) -> None:
    items = [item(rich_document(V1, NAMES["cjk"])), item(document(V1, {}), revision=2)]
    folder = tmp_path / "export"
    paths = write_per_intake(items, folder, "fhir")
    assert [p.name for p in paths] == [file_name(i, "fhir") for i in items]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path, exported in zip(paths, items, strict=True):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        bundle = json.loads(path.read_text(encoding="utf-8"))
        Bundle.model_validate(bundle)
        (back,) = from_fhir_bundle(bundle)
        assert back.document == exported.document and back.revision == exported.revision
        assert NAMES["cjk"][0] not in path.name


def test_json_files_hold_todays_document_format(tmp_path: Path) -> None:
    exported = item(document(V1, {"back_pain": "mild"}, names=NAMES["greek"]))
    (path,) = write_per_intake([exported], tmp_path / "out", "json")
    assert json.loads(path.read_text(encoding="utf-8")) == exported.document.to_json()
    assert NAMES["greek"][0] in path.read_text(encoding="utf-8")  # written as is, not \\u-escaped
    assert path.read_bytes() == intake_bytes(exported, "json")
    assert documents_json([exported]) == [exported.document.to_json()]
    assert json_bytes([1]).endswith(b"\n")


def test_an_existing_file_stops_the_export_before_anything_is_written(tmp_path: Path) -> None:
    first, second = item(document(V1, {})), item(document(V1, {"back_pain": "mild"}))
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / file_name(second, "json")).write_text("kept", encoding="utf-8")
    with pytest.raises(TargetExists):
        write_per_intake([first, second], folder, "json")
    assert sorted(os.listdir(folder)) == [file_name(second, "json")]
    assert (folder / file_name(second, "json")).read_text(encoding="utf-8") == "kept"
    paths = write_per_intake([first, second], folder, "json", overwrite=True)
    assert json.loads(paths[1].read_text(encoding="utf-8")) == second.document.to_json()


def test_a_folder_that_is_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    with pytest.raises(IntakeError, match="symbolic link"):
        write_per_intake([item(document(V1, {}))], link, "json")
    assert os.listdir(real) == []


def test_the_exchange_imports_no_storage_no_sqlalchemy_and_no_qt() -> None:
    code = (
        "import sys, intake_app.exchange\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'PySide6', 'shiboken6', "
        "'alembic') or m.startswith('intake_app.storage') or m.startswith('intake_app.gui')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
