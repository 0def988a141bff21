"""The Qt widgets of the intake screen; the only package that imports PySide6.

Importing this package also guards against a reference-count fault measured in PySide6/shiboken6
6.12.0 on Python 3.11: every call of a binding that returns nothing (``setText``, ``resize``, every
``QPainter`` drawing call, ...) takes one reference away from ``None`` instead of leaving it balanced.
After a few thousand such calls (a few dozen repaints) ``None`` would be "freed" and the interpreter
aborts with "none_dealloc". Python 3.12 and later never free ``None``, so there the fault is harmless;
here `_guard_none_refcount` detects the fault with a short probe and, only if it is present, gives
``None`` a reference count so large that it cannot reach zero, which is what 3.12 does by design.
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 100
_RESERVE = 1 << 40


def _none_refcount_leaks() -> bool:
    """True when a void PySide6 call takes a reference from None (the 6.12.0 fault)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    for _attempt in range(3):
        before = sys.getrefcount(None)
        for _ in range(_PROBE_CALLS):
            probe.setObjectName("probe")
        if before - sys.getrefcount(None) < _PROBE_CALLS * 0.9:
            return False
    return True


def _guard_none_refcount() -> bool:
    """Make None effectively immortal if, and only if, the running PySide6 leaks it; True if applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _none_refcount_leaks():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    return True


NONE_GUARD_APPLIED = _guard_none_refcount()
