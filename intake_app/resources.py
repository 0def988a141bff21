"""One accessor for data that is not code: the questionnaires (forms/) and resources/.

Works from a source checkout (the folders beside the package) and from an installed wheel or a
frozen bundle (copies under ``intake_app/_bundled``).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _root(kind: str) -> Path:
    candidates = [_PACKAGE_DIR / "_bundled" / kind, _PACKAGE_DIR.parent / kind]
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if bundle_dir:
        candidates.insert(0, Path(bundle_dir) / "intake_app" / "_bundled" / kind)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {kind}/ folder was not found next to the intake_app package")


def forms_dir() -> Path:
    """The folder holding one sub-folder per questionnaire, one YAML file per version."""
    return _root("forms")


def resources_dir() -> Path:
    """The resources/ folder itself (source checkout, wheel or frozen bundle)."""
    return _root("resources")


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    path = _root("resources").joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"resource missing: {'/'.join(parts)}")
    return path
