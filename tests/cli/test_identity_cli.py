"""Issue 13 item 6: the command line runs as a named staff account, audited like the window.

The name from --user (before the command) or INTAKE_APP_USER; the password from a prompt on a terminal,
else the private file named by INTAKE_APP_PASSWORD_FILE; never an argument.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from intake_app.cli import main
from tests.cli.conftest import PASSWORD, private_file
from tests.conftest import synthetic_document

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def go(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return go


@pytest.fixture
def document_file(tmp_path: Path, full_document: dict[str, Any]) -> Path:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(full_document), encoding="utf-8")
    return path


def audit_rows(run: Run, url: str, *extra: str) -> list[dict[str, str]]:
    code, out, err = run("--database", url, "--user", "admin", "audit", "export", *extra)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


# --- who runs the command -----------------------------------------------------------------------


def test_without_a_name_the_command_stops_and_says_what_to_set(
    run: Run, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTAKE_APP_USER")
    code, out, err = run("--database", database_url, "export")
    assert (code, out) == (1, "")
    assert "--user NAME" in err and "INTAKE_APP_USER" in err
    assert "Traceback" not in err


def test_without_a_password_the_command_stops_and_says_what_to_set(
    run: Run, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTAKE_APP_PASSWORD_FILE")
    code, out, err = run("--database", database_url, "export")
    assert (code, out) == (1, "")
    assert "INTAKE_APP_PASSWORD_FILE" in err


def test_a_password_file_others_can_read_is_refused(
    run: Run, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for mode in (0o640, 0o604, 0o660):
        shared = private_file(tmp_path / f"shared-{mode:o}.txt", PASSWORD, mode=mode)
        monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(shared))
        code, out, err = run("--database", database_url, "export")
        assert (code, out) == (1, ""), mode
        assert "can be read or changed by other users" in err and "chmod 600" in err


def test_the_password_is_never_an_argument(run: Run, database_url: str) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["--database", database_url, "--password", PASSWORD, "export"])
    assert excinfo.value.code == 2


def test_user_option_beats_the_environment(
    run: Run, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_APP_USER", "desk")  # front desk: may not export
    code, _, err = run("--database", database_url, "--user", "doctor", "export")
    assert code == 0, err
    exports = [r for r in audit_rows(run, database_url) if r["what"] == "Exported patient data"]
    assert [(r["account"], r["role"]) for r in exports] == [("doctor", "clinician")]


def test_the_user_option_after_the_command_is_a_usage_error_saying_where_it_goes(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    with pytest.raises(SystemExit) as excinfo:
        main(["--database", database_url, "export", "--user", "doctor"])
    assert excinfo.value.code == 2
    assert "go before the command" in capsys.readouterr().err


def test_a_wrong_password_exits_1_in_plain_words(
    run: Run, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, password_file: Path
) -> None:
    wrong = "not the password at all"
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "wrong.txt", wrong)))
    code, out, err = run("--database", database_url, "export")
    assert (code, out) == (1, "")
    assert "Wrong account name or password" in err
    assert "Traceback" not in err and "Error" not in err and wrong not in err
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(password_file))
    failed = [r for r in audit_rows(run, database_url) if r["action"] == "session.sign_in_failed"]
    assert len(failed) == 1


def test_front_desk_cannot_export(run: Run, database_url: str) -> None:
    code, out, err = run("--database", database_url, "--user", "desk", "export")
    assert (code, out) == (1, "")
    assert "cannot export patient data" in err
    assert "Traceback" not in err


def test_an_account_that_must_change_its_password_is_told_how(
    run: Run, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = "temporary password 1"
    chosen = "a new password of my own"
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "new.txt", temporary)))
    code, _out, err = run("--database", database_url, "--user", "admin", "users", "reset-password", "doctor")
    assert code == 0, err
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "temp.txt", temporary)))
    code, _, err = run("--database", database_url, "rescreen")
    assert code == 1
    assert "must choose a new password" in err and "intake-app --user doctor users passwd" in err
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "mine.txt", chosen)))
    code, _out, err = run("--database", database_url, "users", "passwd")
    assert code == 0, err
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "now.txt", chosen)))
    assert run("--database", database_url, "rescreen")[0] == 0


def test_commands_on_a_file_need_no_account_and_no_database(
    run: Run, document_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    monkeypatch.delenv("INTAKE_APP_USER")
    monkeypatch.delenv("INTAKE_APP_PASSWORD_FILE")
    assert run("validate", str(document_file))[0] == 0
    assert run("assess", str(document_file))[0] == 0
    assert run("report", str(document_file), "--referral", str(tmp_path / "r.pdf"))[0] == 0
    with pytest.raises(SystemExit) as excinfo:
        main(["--version"])
    assert excinfo.value.code == 0
    assert not list(isolated_user_dirs.rglob("*.db"))


def test_no_accounts_yet_says_how_to_create_the_first(run: Run, fresh_database_url: str) -> None:
    code, out, err = run("--database", fresh_database_url, "export")
    assert (code, out) == (1, "")
    assert "no staff accounts yet" in err and "users add NAME --role administrator" in err


# --- administrators only --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("backup",), ("demo-data", "3"), ("db", "upgrade")])
def test_database_commands_need_an_administrator(
    run: Run, database_url: str, tmp_path: Path, command: tuple[str, ...]
) -> None:
    code, out, err = run("--database", database_url, *command)  # as the clinician
    assert code == 1, out
    assert "administrator" in err
    code, out, err = run("--database", database_url, "--user", "admin", *command)
    if command[0] == "demo-data":  # the Faker extra may be missing; the refusal above was about the role
        assert code == 0 or "pip install" in err
    else:
        assert code == 0, err
        done = {"backup": "database.backup", "db": "database.upgrade"}[command[0]]
        assert [r["account"] for r in audit_rows(run, database_url) if r["action"] == done] == ["admin"]


def test_restore_needs_an_administrator_once_accounts_exist(
    run: Run, database_url: str, tmp_path: Path
) -> None:
    code, _out, err = run("--database", database_url, "--user", "admin", "backup", str(tmp_path / "backups"))
    assert code == 0, err
    (backup,) = (tmp_path / "backups").glob("*.db")
    code, _out, err = run("--database", database_url, "restore", str(backup))
    assert code == 1 and "administrator" in err
    code, _out, err = run("--database", database_url, "--user", "admin", "restore", str(backup))
    assert code == 0, err
    restores = [r for r in audit_rows(run, database_url) if r["action"] == "database.restore"]
    assert [r["account"] for r in restores] == ["admin"]
    assert run("--database", database_url, "--user", "admin", "audit", "verify")[0] == 0


# --- accounts -----------------------------------------------------------------------------------------


def test_the_first_administrator_is_created_without_signing_in(
    run: Run, fresh_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INTAKE_APP_USER")
    boss_password = "the boss has a long password"
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "boss.txt", boss_password)))
    code, out, err = run("--database", fresh_database_url, "users", "add", "boss", "--role", "clinician")
    assert code == 1
    assert "first account must be an administrator" in err
    code, out, err = run("--database", fresh_database_url, "users", "add", "boss", "--role", "administrator",
                         "--display-name", "Bo Boss")
    assert code == 0, err
    assert "recovery key:" in out and "safe" in out and "only this once" in out
    assert boss_password not in out + err
    # Now there is an account: adding another needs an administrator's sign-in.
    code, out, err = run("--database", fresh_database_url, "users", "add", "other", "--role", "clinician")
    assert code == 1 and "--user NAME" in err
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "n.txt", "another long one")))
    code, out, err = run("--database", fresh_database_url, "--user", "boss", "users", "add", "nurse.kim",
                         "--role", "clinician")
    assert code == 0, err
    code, out, err = run("--database", fresh_database_url, "--user", "boss", "users", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["name", "full", "name", "role", "status"]
    assert any(line.startswith("boss ") and "Bo Boss" in line and "administrator" in line for line in lines)
    assert any(line.startswith("nurse.kim ") and "must choose a new password" in line for line in lines)
    assert "$argon2" not in out


def test_disable_enable_and_unlock(run: Run, database_url: str, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("--database", database_url, "--user", "admin", "users", "disable", "doctor")[0] == 0
    code, _, err = run("--database", database_url, "rescreen")
    assert code == 1 and "Traceback" not in err
    assert "switched off" in run("--database", database_url, "--user", "admin", "users", "list")[1]
    assert run("--database", database_url, "--user", "admin", "users", "enable", "doctor")[0] == 0
    assert run("--database", database_url, "rescreen")[0] == 0

    right = os.environ["INTAKE_APP_PASSWORD_FILE"]
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "wrong.txt", "wrong wrong wrong")))
    for _ in range(5):
        assert run("--database", database_url, "rescreen")[0] == 1
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", right)
    code, _, err = run("--database", database_url, "rescreen")
    assert code == 1 and "locked" in err
    assert "locked until" in run("--database", database_url, "--user", "admin", "users", "list")[1]
    assert run("--database", database_url, "--user", "admin", "users", "unlock", "doctor")[0] == 0
    assert run("--database", database_url, "rescreen")[0] == 0


def test_the_recovery_key_lets_the_administrator_back_in_once(
    run: Run, fresh_database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "first.txt", PASSWORD)))
    code, out, _ = run("--database", fresh_database_url, "users", "add", "boss", "--role", "administrator")
    assert code == 0
    key = re.search(r"recovery key: (\S+)", out)
    assert key is not None
    monkeypatch.setenv("INTAKE_APP_RECOVERY_KEY_FILE", str(private_file(tmp_path / "key.txt", key.group(1))))
    fresh = "back in with a new password"
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "fresh.txt", fresh)))
    code, out, err = run("--database", fresh_database_url, "users", "recover", "boss")
    assert code == 0, err
    assert "new recovery key:" in out and key.group(1) not in out and fresh not in out + err
    code, out, err = run("--database", fresh_database_url, "users", "recover", "boss")  # the old key is used up
    assert code == 1 and "Traceback" not in err
    monkeypatch.setenv("INTAKE_APP_PASSWORD_FILE", str(private_file(tmp_path / "now.txt", fresh)))
    assert run("--database", fresh_database_url, "--user", "boss", "users", "list")[0] == 0


# --- the audit trail ----------------------------------------------------------------------------------


def test_audit_verify_passes_then_names_the_entry_edited_with_plain_sql(
    run: Run, database_url: str, document_file: Path
) -> None:
    assert run("--database", database_url, "import", str(document_file))[0] == 0
    assert run("--database", database_url, "export")[0] == 0
    code, out, err = run("--database", database_url, "--user", "admin", "audit", "verify")
    assert code == 0, err
    assert "intact" in out
    rows = audit_rows(run, database_url)
    target = next(r for r in rows if r["what"] == "Exported patient data")
    path = database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        (table,) = [n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
                    if n in ("audit_log", "audit_entries", "audit")]
        changed = connection.execute(f"UPDATE {table} SET who = 'somebody.else' WHERE seq = ?",  # noqa: S608
                                     (int(target["entry"]),)).rowcount
    assert changed == 1
    code, out, err = run("--database", database_url, "--user", "admin", "audit", "verify")
    assert code == 1
    assert f"Entry {target['entry']} " in err and "NOT intact" in err
    assert "Traceback" not in err


def test_audit_export_dates_are_inclusive_utc_days(
    run: Run, database_url: str, tmp_path: Path
) -> None:
    assert run("--database", database_url, "rescreen")[0] == 0
    today = dt.datetime.now(dt.UTC).date()
    yesterday, tomorrow = today - dt.timedelta(days=1), today + dt.timedelta(days=1)
    everything = audit_rows(run, database_url)
    assert everything and all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", r["time_utc"])
                              for r in everything)
    only_today = audit_rows(run, database_url, "--from", today.isoformat(), "--to", today.isoformat())
    assert {r["entry"] for r in everything} <= {r["entry"] for r in only_today}  # both ends included
    assert audit_rows(run, database_url, "--to", yesterday.isoformat()) == []
    assert audit_rows(run, database_url, "--from", tomorrow.isoformat()) == []
    code, _, err = run("--database", database_url, "--user", "admin", "audit", "export", "--from", "30/11/2026")
    assert code == 1 and "--from must be a date" in err
    target = tmp_path / "audit.csv"
    code, _, err = run("--database", database_url, "--user", "admin", "audit", "export", "--out", str(target))
    assert code == 0, err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("entry,time_utc,account,")
    code, _, err = run("--database", database_url, "--user", "admin", "audit", "export", "--out", str(target))
    assert code == 1 and "already exists" in err


def test_a_clinician_cannot_read_the_audit_trail(run: Run, database_url: str) -> None:
    for action in ("verify", "export"):
        code, out, err = run("--database", database_url, "audit", action)
        assert (code, out) == (1, "")
        assert "administrator" in err


def test_no_password_reaches_the_output(
    run: Run, database_url: str, document_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs = []
    for args in (("import", str(document_file)), ("export",), ("rescreen",), ("--user", "admin", "users", "list"),
                 ("--user", "admin", "audit", "export"), ("--user", "nobody", "export")):
        outputs.append(run("--database", database_url, *args))
    monkeypatch.setenv("INTAKE_APP_NEW_PASSWORD_FILE", str(private_file(tmp_path / "n.txt", "new person password")))
    outputs.append(run("--database", database_url, "--user", "admin", "users", "add", "new.person", "--role",
                       "front-desk"))
    text = "".join(out + err for _code, out, err in outputs)
    assert PASSWORD not in text and "new person password" not in text
    assert "$argon2" not in text


# --- the handout in the patient's language (issue 16) -------------------------------------------------


def test_report_writes_the_handout_in_the_language_asked_for(
    run: Run, tmp_path: Path, full_document: dict[str, Any]
) -> None:
    from tests.reports.helpers import all_text

    document = tmp_path / "intake.json"
    document.write_text(json.dumps(full_document), encoding="utf-8")
    spanish, english = tmp_path / "es.pdf", tmp_path / "en.pdf"
    code, _, err = run("report", str(document), "--handout", str(spanish), "--language", "es")
    assert code == 0, err
    assert "Lo que pensamos" in all_text(spanish.read_bytes())
    assert run("report", str(document), "--handout", str(english))[0] == 0
    assert "What we think" in all_text(english.read_bytes())
    code, _, err = run("report", str(document), "--handout", str(tmp_path / "fr.pdf"), "--language", "fr")
    assert code == 1 and "not 'fr'" in err and "es (Español)" in err
    assert not (tmp_path / "fr.pdf").exists()


def test_the_handout_follows_the_patient_then_the_clinic(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intake_app.settings import Settings, save_settings
    from tests.reports.helpers import all_text

    prefers_spanish = synthetic_document(preferred_language="es")
    prefers_spanish["questionnaire"] = "foot-leg-intake/2"
    path = tmp_path / "es-patient.json"
    path.write_text(json.dumps(prefers_spanish), encoding="utf-8")
    assert run("report", str(path), "--handout", str(tmp_path / "a.pdf"))[0] == 0
    assert "Lo que pensamos" in all_text((tmp_path / "a.pdf").read_bytes())

    save_settings(Settings(clinic_language="es"))
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(synthetic_document()), encoding="utf-8")
    code, _, err = run("report", str(plain), "--handout", str(tmp_path / "b.pdf"))
    assert code == 0, err
    assert "Lo que pensamos" in all_text((tmp_path / "b.pdf").read_bytes())


def test_report_of_a_stored_intake_signs_in_and_is_recorded(
    run: Run, database_url: str, document_file: Path, tmp_path: Path
) -> None:
    assert run("--database", database_url, "import", str(document_file))[0] == 0
    target = tmp_path / "referral.pdf"
    code, _out, err = run("--database", database_url, "report", "--intake-id", "1", "--referral", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")
    saves = [r for r in audit_rows(run, database_url) if r["action"] == "report.save_pdf"]
    assert [(r["account"], r["intake_id"]) for r in saves] == [("doctor", "1")]


# --- on a terminal ----------------------------------------------------------------------------------


def _on_a_terminal(argv: list[str], answers: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the command line with a terminal (a pseudo-terminal) as its standard input, output and
    controlling terminal; type each answer after the next prompt. Returns the exit code and the screen."""
    import fcntl
    import select
    import subprocess
    import sys
    import termios
    import time

    master, slave = os.openpty()

    def own_terminal() -> None:
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    code = "import sys\nfrom intake_app.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    process = subprocess.Popen([sys.executable, "-c", code, *argv], stdin=slave, stdout=slave, stderr=slave,
                               env=env, preexec_fn=own_terminal, close_fds=True)  # noqa: PLW1509 - sets the tty
    os.close(slave)
    screen = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the other end closed: the program has ended
                    break
                if not chunk:
                    break
                screen += chunk
                if pending and screen.rstrip().endswith(b":"):
                    os.write(master, pending.pop(0).encode() + b"\n")
            elif process.poll() is not None:
                break
        status = process.wait(timeout=30)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return status, screen.decode("utf-8", "replace")


def test_on_a_terminal_the_password_is_asked_for_and_not_shown(
    database_url: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k.startswith(("XDG_", "INTAKE_APP_CONFIG_DIR"))}
    env.update(PATH="/usr/bin:/bin", HOME=str(tmp_path))  # no INTAKE_APP_PASSWORD_FILE: a terminal is asked
    status, screen = _on_a_terminal(["--database", database_url, "--user", "doctor", "rescreen"], [PASSWORD], env)
    assert "Password for doctor:" in screen
    assert PASSWORD not in screen  # not echoed
    assert status == 0, screen
    assert "re-screened with rules" in screen
    status, screen = _on_a_terminal(["--database", database_url, "--user", "doctor", "rescreen"], ["wrong one"],
                                    env)
    assert status == 1 and "Wrong account name or password" in screen and "wrong one" not in screen
