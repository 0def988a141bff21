"""The clinic's install: `make bundle` builds a one-folder app that starts and paints its first window.

Slow (a minute or two: a Python 3.12+ environment and a PyInstaller build); runs in CI with the rest.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "intake-app"
EXECUTABLE = BUNDLE / ("intake-app.exe" if os.name == "nt" else "intake-app")

pytestmark = pytest.mark.slow


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_"))}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.fixture(scope="module")
def bundle() -> Path:
    if shutil.which("make") is None:
        pytest.fail("make is needed to build the bundle")
    result = subprocess.run(
        ["make", "-s", "bundle"], cwd=ROOT, env=_clean_env(), capture_output=True, text=True, timeout=1500
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert EXECUTABLE.is_file()
    return BUNDLE


def test_bundle_starts_headless_and_paints_its_first_window(bundle: Path) -> None:
    result = subprocess.run(
        [str(EXECUTABLE), "--smoke-test"], env=_clean_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the window painted" in result.stdout


def test_bundle_carries_forms_resources_fonts_and_migrations(bundle: Path) -> None:
    internal = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    bundled = internal / "intake_app" / "_bundled"
    assert sorted(p.name for p in (bundled / "forms" / "foot-leg-intake").glob("*.yaml"))[:1] == ["1.yaml"]
    assert any((bundled / "resources" / "fonts").glob("*.ttf"))
    assert (bundled / "resources" / "body_map.json").is_file()
    assert any((internal / "intake_app" / "storage" / "migrations" / "versions").glob("0001_*.py"))


def test_bundle_command_line_works_without_a_display(bundle: Path, tmp_path: Path) -> None:
    """The same executable answers the command line: --version, and assess on a document file."""
    version = subprocess.run([str(EXECUTABLE), "--version"], env=_clean_env(), capture_output=True, text=True)
    assert version.returncode == 0 and "intake-app" in version.stdout
    document = tmp_path / "case.json"
    document.write_text(
        '{"format": "intake-document/1", "questionnaire": "foot-leg-intake/1", '
        '"patient": {"family_name": "Test", "given_name": "Bundle", "date_of_birth": "1970-01-01", "sex": "female"},'
        ' "visit_date": "2026-11-01", "answers": {"rf_saddle_numbness": "new", "back_pain": "moderate"}}',
        encoding="utf-8",
    )
    assess = subprocess.run(
        [str(EXECUTABLE), "assess", str(document)], env=_clean_env(), capture_output=True, text=True
    )
    assert assess.returncode == 0, assess.stderr
    assert '"level": "urgent"' in assess.stdout
