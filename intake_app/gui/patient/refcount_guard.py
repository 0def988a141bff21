"""A guard against a second reference-count fault of PySide6/shiboken6 6.12.0 on Python 3.11.

`intake_app.gui` already guards ``None`` (void calls take a reference from it). Measured here as
well: every ``Signal.emit()`` made from Python returns ``True`` without a reference of its own, so
each emit takes one reference from ``True``. Patient mode emits a signal on every touch; after a few
hundred pages the interpreter aborts at exit with "bool_dealloc". As `intake_app.gui` does for
``None``, this probes for the fault and, only if present, gives ``True`` a reference count so large
that it cannot reach zero (what Python 3.12 does by design). Nothing changes where the fault is absent.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBE_EMITS = 100
_RESERVE = 1 << 40


class _Probe(QObject):
    ping = Signal()


def _emit_leaks_true() -> bool:
    probe = _Probe()
    for _attempt in range(3):
        before = sys.getrefcount(True)
        for _ in range(_PROBE_EMITS):
            probe.ping.emit()
        if before - sys.getrefcount(True) < _PROBE_EMITS * 0.9:
            return False
    return True


def _guard_true_refcount() -> bool:
    """Make True effectively immortal if, and only if, emitting a signal leaks it; True if applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _emit_leaks_true():
        return False
    ctypes.c_ssize_t.from_address(id(True)).value += _RESERVE
    return True


TRUE_GUARD_APPLIED = _guard_true_refcount()
