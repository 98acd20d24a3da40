"""Keep None, True and False alive under PySide6 6.12.0 on Python 3.11, which drops references."""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject

# PySide6 6.12.0 hands back None from every void call (label.setText, super().changeEvent, a
# model's data() returning None) and True from Signal.emit() without taking a reference. From
# Python 3.12 on these singletons are immortal (PEP 683) and nothing happens; on 3.11 each call
# costs one reference and the process aborts ("none_dealloc", "bool_dealloc") after a few
# tens of thousands of calls: minutes of real use. We do what 3.12 does and give them a
# reference count that cannot run out, only when the loss is measured and only before 3.12.
_PROBES = 16
_HEADROOM = 1 << 40  # about 10^12 lost references before anything could go wrong


def pyside_drops_references() -> bool:
    """True when a void PySide6 call loses a reference to None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBES


def _make_singletons_immortal() -> None:
    # ob_refcnt is the first field of every CPython object; id() is the object's address.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM


def apply() -> bool:
    """Protect the singletons if this interpreter and this PySide6 need it; True if done."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if not pyside_drops_references():
        return False
    _make_singletons_immortal()
    return True


# At import, before the window makes its first Qt call; fieldapp/ui/__init__.py imports us.
APPLIED = apply()
