"""Cyclic garbage is collected on the GUI thread only, so Qt objects never die in the worker."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Turns automatic collection off and runs it from a timer on the GUI thread.

    Python's cyclic collector runs in whichever thread happens to allocate past its
    threshold. Windows, dialogs and their QSettings sit in reference cycles (wrappers, bound
    slots); collected in the database worker, they were destroyed off the GUI thread, and
    the program crashed at random. The same generations and thresholds apply, only the
    thread is fixed (pyqtgraph's GarbageCollector does the same).
    """

    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)
        # What is left when the window closes goes too (database connections in cycles).
        app = parent if hasattr(parent, "aboutToQuit") else None
        if app is not None:
            app.aboutToQuit.connect(gc.collect)

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._threshold[generation]:
                return
            gc.collect(generation)

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def install(app: QObject) -> GuiThreadCollector:
    """Once per process, on the QApplication; asking again returns the one installed."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
