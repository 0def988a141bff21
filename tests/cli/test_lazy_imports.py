"""Issue 14 item 5: `intake-app --help` and `intake-app assess FILE` load only what they need (the timings
themselves are in bench/run.py; here, what each loads, in a fresh process)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

HEAVY = ("sqlalchemy", "alembic", "PySide6", "shiboken6", "reportlab", "intake_app.storage", "intake_app.gui")


def loaded_after(argv: list[str], tmp_path: Path) -> tuple[int, list[str]]:
    code = (
        "import sys\n"
        "from intake_app.cli import main\n"
        "try:\n"
        f"    status = main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write('\\nMODULES ' + repr([status, sorted(sys.modules)]))\n"
    )
    env = {"INTAKE_APP_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert "MODULES " in done.stderr, done.stderr[-2000:]
    status, modules = ast.literal_eval(done.stderr.rsplit("MODULES ", 1)[1])
    return status, modules


def test_help_loads_argparse_and_the_command_table_only(tmp_path: Path) -> None:
    status, modules = loaded_after(["--help"], tmp_path)
    assert status == 0
    ours = sorted(m for m in modules if m.startswith("intake_app"))
    # errors marks its messages with translation_marks (no imports of its own).
    assert ours == ["intake_app", "intake_app.cli", "intake_app.errors", "intake_app.translation_marks"]
    # typing is for the type checker only: importing it cost every start of the command line ~4 ms, a
    # tenth of a bare `python -c "import argparse"` (the floor of the --help target).
    assert not [m for m in modules if m.split(".")[0] in ("json", "shutil", "textwrap", "pathlib", "typing")]
    assert not [m for m in modules if m.startswith(HEAVY)]


def test_assess_loads_no_database_qt_or_pdf_library(tmp_path: Path, full_document: dict[str, Any]) -> None:
    path = tmp_path / "intake.json"
    path.write_text(json.dumps(full_document), encoding="utf-8")
    status, modules = loaded_after(["assess", str(path)], tmp_path)
    assert status == 0
    assert "intake_app.screening" in modules
    assert not [m for m in modules if m.startswith(HEAVY)]


def imported_by(statements: str, tmp_path: Path) -> list[str]:
    """The modules a fresh interpreter has loaded after running `statements`."""
    code = statements + "\nimport sys\nsys.stderr.write('\\nMODULES ' + repr(sorted(sys.modules)))\n"
    env = {"INTAKE_APP_CONFIG_DIR": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120,
                          check=False)
    assert "MODULES " in done.stderr, done.stderr[-2000:]
    modules: list[str] = ast.literal_eval(done.stderr.rsplit("MODULES ", 1)[1])
    return modules


def test_collecting_a_password_does_not_load_argon2(tmp_path: Path) -> None:
    """Issue 14 item 4: the sign-in and lock screens hold a password in a Secret without the Argon2 library
    (it was loaded, with its platform probing, before the first window was painted)."""
    modules = imported_by("from intake_app.access.passwords import Secret, MIN_PASSWORD_LENGTH\n"
                          "from intake_app.access.secret import Secret as Same\n"
                          "assert Secret is Same and MIN_PASSWORD_LENGTH == 12\n"
                          "import intake_app.gui.session, intake_app.gui.sign_in, intake_app.gui.lock_screen\n",
                          tmp_path)
    assert "intake_app.gui.session" in modules
    assert not [m for m in modules if m.split(".")[0] in ("argon2", "_argon2_cffi_bindings")]


def test_checking_a_password_loads_argon2_then(tmp_path: Path) -> None:
    modules = imported_by("from intake_app.access.passwords import Passwords, Secret\n"
                          "from argon2 import PasswordHasher\n"
                          "p = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))\n"
                          "stored = p.hash(Secret('a long enough password'))\n"
                          "assert p.verify(stored, Secret('a long enough password'))\n"
                          "assert not p.verify(stored, Secret('another long password'))\n"
                          "assert not p.verify('not a hash', Secret('a long enough password'))\n"
                          "assert p.needs_rehash('not a hash')\n", tmp_path)
    assert "argon2" in modules
