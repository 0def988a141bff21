"""GUI tests run without a display: Qt's offscreen platform, unless the caller chose another."""

from __future__ import annotations

import os

# Must be set before pytest-qt creates the QApplication; without a display Qt would abort the process.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
