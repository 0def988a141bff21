"""The command line as a person or a script uses it: exit codes, messages, round trips."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from tests.conftest import synthetic_document


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_accepts_a_good_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], full_document: dict) -> None:
    code, out, _ = run(capsys, "validate", str(write(tmp_path / "good.json", full_document)))
    assert code == 0
    assert "valid (1 document)" in out


def test_validate_names_each_bad_field_on_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = synthetic_document(age_years=999, onset="never")
    code, _, err = run(capsys, "validate", str(write(tmp_path / "bad.json", bad)))
    assert code == 1
    lines = err.strip().splitlines()
    assert any("answers.age_years: 999 is outside 0-120" in line for line in lines)
    assert any("answers.onset:" in line for line in lines)
    assert all("Traceback" not in line for line in lines)


def test_malformed_json_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": "intake-document/1", ', encoding="utf-8")
    code, _, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "not valid JSON (line 1" in err


def test_an_unreadable_file_is_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "missing.json"))
    assert code == 1
    assert "cannot be read" in err
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00\x81")
    code, _, err = run(capsys, "validate", str(binary))
    assert code == 1
    assert "cannot be read" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["validate"])
    assert excinfo.value.code == 2
    with pytest.raises(SystemExit) as excinfo:
        main(["no-such-command"])
    assert excinfo.value.code == 2


def test_import_then_export_gives_the_same_document_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str, full_document: dict
) -> None:
    source = write(tmp_path / "in.json", full_document)
    code, out, err = run(capsys, "--database", database_url, "import", str(source))
    assert code == 0, err
    assert "imported 1 intake(s) (1 complete, 0 draft)" in out
    code, out, _ = run(capsys, "--database", database_url, "export")
    assert code == 0
    assert json.loads(out) == [full_document]


def test_export_to_a_folder_names_files_by_id_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str, full_document: dict
) -> None:
    run(capsys, "--database", database_url, "import", str(write(tmp_path / "in.json", full_document)))
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "--database", database_url, "export", "--out", str(out_dir))
    assert code == 0
    files = sorted(p.name for p in out_dir.iterdir())
    assert files == ["intake-000001.json"]
    assert json.loads((out_dir / files[0]).read_text(encoding="utf-8")) == full_document
    assert "exported 1" in err


def test_import_is_all_or_nothing_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str, full_document: dict
) -> None:
    bad = synthetic_document(age_years=999)
    mixed = write(tmp_path / "mixed.json", [full_document, bad])
    code, _, err = run(capsys, "--database", database_url, "import", str(mixed))
    assert code == 1
    assert "mixed.json: answers.age_years" in err
    assert "nothing imported" in err
    code, out, _ = run(capsys, "--database", database_url, "export")
    assert json.loads(out) == []


def test_a_draft_document_imports_as_a_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    code, out, _ = run(capsys, "--database", database_url, "import",
                       str(write(tmp_path / "d.json", synthetic_document(pain={"left": ["heel"]}))))
    assert code == 0
    assert "(0 complete, 1 draft)" in out


def test_a_database_folder_that_does_not_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", f"sqlite:///{tmp_path / 'nope' / 'x.db'}", "export")
    assert code == 1
    assert "does not exist" in err


def test_db_upgrade(capsys: pytest.CaptureFixture[str], fresh_database_url: str) -> None:
    code, out, _ = run(capsys, "--database", fresh_database_url, "db", "upgrade")  # no accounts yet: no sign-in
    assert code == 0
    assert "upgraded to the newest schema" in out
    code, out, _ = run(capsys, "--database", fresh_database_url, "db", "upgrade")
    assert "already up to date" in out


def test_default_database_is_created_in_the_isolated_user_folder(
    capsys: pytest.CaptureFixture[str], isolated_user_dirs: Path
) -> None:
    code, _, _ = run(capsys, "db", "upgrade")
    assert code == 0
    assert list(isolated_user_dirs.rglob("intake.db"))


def test_assess_prints_the_assessment_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], full_document: dict
) -> None:
    code, out, _ = run(capsys, "assess", str(write(tmp_path / "a.json", full_document)))
    assert code == 0
    result = json.loads(out)
    assert set(result) == {"level", "tier", "spinal_flag", "reasons", "recommendation", "rules_version"}
    assert result["level"] in {"likely", "possible"}
    assert all({"rule", "group", "text", "because"} <= set(r) for r in result["reasons"])


def test_assess_text_and_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                               full_document: dict) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(full_document)))
    code, out, _ = run(capsys, "assess", "-", "--format", "text")
    assert code == 0
    assert "[S1]" in out


def test_assess_refuses_invalid_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "assess", str(write(tmp_path / "bad.json", synthetic_document(age_years=999))))
    assert code == 1
    assert out == ""
    assert "answers.age_years" in err


def test_a_draft_document_is_assessed_with_data_gaps(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", str(write(tmp_path / "d.json", synthetic_document())))
    assert code == 0
    rules = {r["rule"] for r in json.loads(out)["reasons"]}
    assert "Q1" in rules


def test_demo_data_is_repeatable_and_spans_outcomes(
    capsys: pytest.CaptureFixture[str], staffed_database: Callable[[str], str]
) -> None:
    first, second = staffed_database("a"), staffed_database("b")
    assert run(capsys, "--database", first, "--user", "admin", "demo-data", "60")[0] == 0
    assert run(capsys, "--database", second, "--user", "admin", "demo-data", "60")[0] == 0
    exports = [json.loads(run(capsys, "--database", url, "export")[1]) for url in (first, second)]
    assert exports[0] == exports[1]
    assert len(exports[0]) == 60
    from intake_app.domain import parse_document

    assert all(parse_document(document).to_json() == document for document in exports[0])  # valid, canonical
    from intake_app.services import Clinic

    clinic = Clinic.open(first)
    levels = {record.level for record in clinic.repository.iter_intakes()}
    tiers = {record.tier for record in clinic.repository.iter_intakes()}
    clinic.close()
    assert levels == {"urgent", "likely", "possible", "not_indicated"}
    assert {"E", "P"} <= tiers


def test_report_writes_both_pdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str], full_document: dict) -> None:
    source = write(tmp_path / "a.json", full_document)
    referral, handout = tmp_path / "r.pdf", tmp_path / "h.pdf"
    code, _out, err = run(capsys, "report", str(source), "--referral", str(referral), "--handout", str(handout))
    assert code == 0, err
    assert referral.read_bytes().startswith(b"%PDF") and handout.read_bytes().startswith(b"%PDF")


def test_report_needs_an_output(tmp_path: Path, capsys: pytest.CaptureFixture[str], full_document: dict) -> None:
    code, _, err = run(capsys, "report", str(write(tmp_path / "a.json", full_document)))
    assert code == 2
    assert "--referral" in err


def test_without_a_display_the_gui_says_so_instead_of_aborting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_DATA_HOME"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "intake_app"], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1
    assert "No display found" in result.stderr
    assert "QT_QPA_PLATFORM=offscreen" in result.stderr


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["--version"])
    assert excinfo.value.code == 0
    assert "intake-app" in capsys.readouterr().out
