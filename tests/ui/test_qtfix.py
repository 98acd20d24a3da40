"""PySide6 6.12.0 on Python 3.11 loses references to None and True; the window must survive it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from fieldapp.ui import qtfix

# More calls than None and True have references in a fresh 3.11 process (about 27,000 and 600):
# without the fix this test aborts the whole run with "none_dealloc" or "bool_dealloc".
CALLS = 40_000


class _Sender(QObject):
    number = Signal(int)


def test_void_calls_and_emits_cannot_use_up_none_and_true(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    sender = _Sender()
    received = []
    sender.number.connect(received.append)
    for i in range(CALLS):
        label.setText("Đặng")
        sender.number.emit(i)
    assert len(received) == CALLS
    if sys.version_info < (3, 12):
        assert qtfix.APPLIED == qtfix.pyside_drops_references()
        assert sys.getrefcount(None) > CALLS and sys.getrefcount(True) > CALLS
