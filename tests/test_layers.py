"""The core rooms import no Qt: they run where PySide6 is missing (a headless server, CI)."""

from __future__ import annotations

import subprocess
import sys

CORE = ["intake_app.domain", "intake_app.screening", "intake_app.storage", "intake_app.reports",
        "intake_app.services", "intake_app.cli", "intake_app.demo", "intake_app.recovery", "intake_app.crashlog"]


def test_core_rooms_import_without_pyside6() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6'):\n"
        "            raise ImportError('Qt is blocked in this test')\n"
        "        return None\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from intake_app.screening import assess\n"
        + "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_the_command_line_loads_no_heavy_modules_before_a_command_needs_them() -> None:
    code = (
        "import sys, intake_app.cli\n"
        "print(sorted(m for m in ('sqlalchemy', 'reportlab', 'PySide6') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_window_paints_before_sqlalchemy_reportlab_or_alembic_are_loaded() -> None:
    """Everything the first paint needs is light; the heavy modules load after it, off the GUI thread."""
    code = (
        "import sys, os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import intake_app.gui.app, intake_app.gui.main_window, intake_app.gui.patients\n"
        "print(sorted(m for m in ('sqlalchemy', 'reportlab', 'alembic', 'yaml') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert result.stdout.strip() == "[]", result.stderr
